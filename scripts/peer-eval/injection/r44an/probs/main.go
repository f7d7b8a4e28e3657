// Command probs compares two task models on the candidate sentences of
// labelled JSONL files (tune data only): per file and label, how many
// sentences each model puts at or above the floors, and the mean shift
// of the probability. Round 44 analysis.
//
// usage: probs BASE.bin CAND.bin FILE...
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "probs:", err)
		os.Exit(1)
	}
}

func load(p string) (*detect.Model, error) {
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("reading model: %w", err)
	}
	return detect.LoadModel(raw)
}

func run(args []string) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: probs BASE.bin CAND.bin FILE...")
	}
	base, err := load(args[0])
	if err != nil {
		return err
	}
	cand, err := load(args[1])
	if err != nil {
		return err
	}
	det, err := detect.NewInjectionTask(detect.Options{}, nil, 0)
	if err != nil {
		return fmt.Errorf("building detector: %w", err)
	}
	// PROBS_DUMP=FILE writes one line per sentence (file, label, base, cand).
	var dump *os.File
	if p := os.Getenv("PROBS_DUMP"); p != "" {
		if dump, err = os.Create(p); err != nil {
			return fmt.Errorf("creating dump: %w", err)
		}
		defer dump.Close()
	}
	for _, fn := range args[2:] {
		f, err := os.Open(fn)
		if err != nil {
			return fmt.Errorf("opening %s: %w", fn, err)
		}
		type agg struct {
			n, b7, c7, b9, c9, docB, docC, docs int
			shift                               float64
		}
		a := map[int]*agg{0: {}, 1: {}}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var it struct {
				Text  string `json:"text"`
				Label int    `json:"label"`
			}
			if json.Unmarshal(sc.Bytes(), &it) != nil {
				continue
			}
			g := a[it.Label]
			if g == nil {
				continue
			}
			g.docs++
			var db, dc bool
			for _, s := range det.InjectionTaskSentences(it.Text) {
				t := detect.InjectionTaskText(it.Text, s[0], s[1])
				pb := base.Prob(detect.Features(nil, t, base.Bits, base.Set))
				pc := cand.Prob(detect.Features(nil, t, cand.Bits, cand.Set))
				g.n++
				if dump != nil {
					fmt.Fprintf(dump, "%s\t%d\t%.4f\t%.4f\n", fn, it.Label, pb, pc)
				}
				g.shift += pc - pb
				if pb >= 0.7 {
					g.b7++
					db = true
				}
				if pc >= 0.7 {
					g.c7++
					dc = true
				}
				if pb >= 0.9 {
					g.b9++
				}
				if pc >= 0.9 {
					g.c9++
				}
			}
			if db {
				g.docB++
			}
			if dc {
				g.docC++
			}
		}
		f.Close()
		for _, l := range []int{1, 0} {
			g := a[l]
			if g.docs == 0 {
				continue
			}
			fmt.Printf("%s label %d: %d docs, %d sentences, mean shift %+.3f; p>=0.7 base %d cand %d (docs %d -> %d); p>=0.9 base %d cand %d\n",
				fn, l, g.docs, g.n, g.shift/float64(max(1, g.n)), g.b7, g.c7, g.docB, g.docC, g.b9, g.c9)
		}
	}
	return nil
}
