//go:build ignore

// r42an (round 42): for each clean item a detector flags or truncates,
// which signal decides: each window's rule findings (with spans), its
// classifier probability and top features, each task sentence above
// its floor, and the budget. Analysis only, never shipped: it needs
// r33an/trace.patch (R33Win/R33Task hooks) on a `git archive 9760c41`
// tree. Tune data only: it prints text of the input.
//
//	r42an SET.jsonl... > an.jsonl
//	R42LABEL=1 r42an SET.jsonl... > an1.jsonl   (injected items, flagged or not)
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/model"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

type winOut struct {
	A     int      `json:"a"`
	B     int      `json:"b"`
	Prob  float64  `json:"prob"`
	Clf   float64  `json:"clf"`
	Rule  float64  `json:"rule"`
	IDs   []string `json:"ids"`
	Spans []string `json:"spans"`
	Top   []string `json:"top,omitempty"`
	View  string   `json:"view,omitempty"`
}

type taskOut struct {
	A     int     `json:"a"`
	B     int     `json:"b"`
	P     float64 `json:"p"`
	Floor float64 `json:"floor"`
	Text  string  `json:"text"`
}

type out struct {
	File    string    `json:"file"`
	Line    int       `json:"line"`
	Cat     string    `json:"cat"`
	Flagged bool      `json:"flagged"`
	Trunc   bool      `json:"trunc"`
	Score   float64   `json:"score"`
	Len     int       `json:"len"`
	Wins    []winOut  `json:"wins"`
	Tasks   []taskOut `json:"tasks"`
}

type win struct {
	a, b       int
	view       string
	prob, rule float64
	ids        []string
}

func main() {
	m, err := detect.LoadModel(model.Injection)
	if err != nil {
		panic(err)
	}
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	const floor = detect.DefaultInjectionFloor
	var ws []win
	var ts []taskOut
	detect.R33Win = func(a, b int, view string, prob, rule float64, ids []string) {
		ws = append(ws, win{a, b, view, prob, rule, ids})
	}
	detect.R33Task = func(a, b int, p, fl float64, prose bool) {
		// prose is p >= fl && notTaskProse: such a sentence is skipped.
		if p >= fl && !prose {
			ts = append(ts, taskOut{A: a, B: b, P: p, Floor: fl})
		}
	}
	label := 0
	if os.Getenv("R42LABEL") == "1" {
		label = 1
	}
	enc := json.NewEncoder(os.Stdout)
	err = labelled.Each(os.Args[1:], func(fn string, n int, it labelled.Item) error {
		if it.Label != label {
			return nil
		}
		ws, ts = ws[:0], ts[:0]
		r := d.ScanDocument("document", it.Text)
		trunc := false
		for _, f := range r.Findings {
			trunc = trunc || f.RuleID == detect.TruncatedRuleID
		}
		if label == 0 && !r.Flagged && !trunc {
			return nil
		}
		o := out{File: fn, Line: n, Cat: it.Category, Flagged: r.Flagged, Trunc: trunc, Score: r.Score, Len: len(it.Text)}
		for _, w := range ws {
			clf := max(0, (w.prob-floor)/(1-floor))
			if clf < 0.2 && w.rule == 0 {
				continue
			}
			wo := winOut{A: w.a, B: w.b, Prob: w.prob, Clf: clf, Rule: w.rule, IDs: w.ids}
			for _, id := range w.ids {
				var a, b int
				fmt.Sscanf(spanOf(id), "%d-%d", &a, &b)
				if a >= 0 && b <= len(it.Text) && a < b {
					wo.Spans = append(wo.Spans, it.Text[a:min(b, a+200)])
				} else {
					wo.Spans = append(wo.Spans, "")
				}
			}
			if clf >= 0.2 {
				for _, c := range m.Explain(w.view, 10) {
					wo.Top = append(wo.Top, fmt.Sprintf("%s%+.2f", c.Feature, c.Weight))
				}
				wo.View = w.view[:min(len(w.view), 1500)]
			}
			o.Wins = append(o.Wins, wo)
		}
		for _, t := range ts {
			t.Text = it.Text[t.A:min(t.B, t.A+400)]
			o.Tasks = append(o.Tasks, t)
		}
		return enc.Encode(o)
	})
	if err != nil {
		panic(err)
	}
}

// spanOf returns the "a-b" part of a hook id "rule@a-b:weight".
func spanOf(id string) string {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '@' {
			s := id[i+1:]
			for j := range s {
				if s[j] == ':' {
					return s[:j]
				}
			}
			return s
		}
	}
	return ""
}
