// Command explain prints, for each item of labelled JSONL files, the
// window classifier's highest-scoring window, that window's top
// features, and a sum of positive feature contributions over all items,
// to find which n-grams make benign records look like injection (round 8).
// Use it on tune and training data only: it prints n-grams of the input.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/model"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

type item = labelled.Item

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "explain:", err)
		os.Exit(1)
	}
}

func run() error {
	label := flag.Int("label", 0, "only items with this label")
	top := flag.Int("top", 8, "features per item")
	floor := flag.Float64("min", 0.5, "only windows scoring at least this")
	winModel := flag.String("model", "", "window model file instead of the embedded injection.bin")
	quiet := flag.Bool("q", false, "print only the summary")
	spans := flag.Bool("spans", false, "also print the text of each rule finding (up to 160 bytes)")
	flag.Parse()
	raw := model.Injection
	if *winModel != "" {
		b, err := os.ReadFile(*winModel)
		if err != nil {
			return err
		}
		raw = b
	}
	m, err := detect.LoadModel(raw)
	if err != nil {
		return err
	}
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1, Model: m})
	if err != nil {
		return err
	}
	sum := map[string]float64{}
	var n, hit int
	var feats []uint32
	err = labelled.Each(flag.Args(), func(fn string, line int, it item) error {
		if it.Label != *label {
			return nil
		}
		n++
		best, bt := -1.0, ""
		for _, w := range d.Windows(it.Text) {
			t := detect.InjectionClassifierTextIn(it.Text, w[0], w[1])
			feats = detect.Features(feats[:0], t, m.Bits, m.Set)
			if p := m.Prob(feats); p > best {
				best, bt = p, t
			}
		}
		var rules []string
		for _, f := range d.ScanDocument("document", it.Text).Findings {
			if f.Weight > 0 {
				rules = append(rules, fmt.Sprintf("%s:%.2f", f.RuleID, f.Weight))
				if *spans {
					rules = append(rules, fmt.Sprintf("%q", it.Text[f.Start:min(f.End, f.Start+160)]))
				}
			}
		}
		if best < *floor && len(rules) == 0 {
			return nil
		}
		hit++
		cs := m.Explain(bt, *top)
		for _, c := range cs {
			if c.Weight > 0 {
				sum[c.Feature] += c.Weight
			}
		}
		if !*quiet {
			fmt.Printf("%s:%d %s win=%.2f rules=%v", fn, line, it.Category, best, rules)
			for _, c := range cs {
				fmt.Printf(" %s%+.2f", c.Feature, c.Weight)
			}
			fmt.Println()
		}
		return nil
	})
	if err != nil {
		return err
	}
	type kv struct {
		k string
		v float64
	}
	var kvs []kv
	for k, v := range sum {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
	fmt.Printf("items %d, max window >= %.2f: %d\n", n, *floor, hit)
	for i := 0; i < len(kvs) && i < 40; i++ {
		fmt.Printf("%8.2f %s\n", kvs[i].v, kvs[i].k)
	}
	return nil
}
