//go:build ignore

// trace_r59 (round 59): per item of the given label, every window's rule
// and classifier scores and EVERY task candidate the task model scored
// (probability, its floor, whether notTaskProse skips it), so that gates
// and document-relative floors can be simulated offline. Analysis only,
// never shipped: it needs r33an/trace.patch (R33Win/R33Task hooks) on a
// `git archive HEAD` tree. With TEXT=1 it also prints each candidate's
// text (tune data only).
//
//	LABEL=0 trace_r59 SET.jsonl... > an0.jsonl
package main

import (
	"encoding/json"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

type winOut struct {
	A    int      `json:"a"`
	B    int      `json:"b"`
	Prob float64  `json:"prob"`
	Rule float64  `json:"rule"`
	IDs  []string `json:"ids,omitempty"`
}

type taskOut struct {
	A     int     `json:"a"`
	B     int     `json:"b"`
	P     float64 `json:"p"`
	Floor float64 `json:"floor"`
	Prose bool    `json:"prose,omitempty"`
	Text  string  `json:"text,omitempty"`
}

type out struct {
	File    string    `json:"file"`
	Line    int       `json:"line"`
	Cat     string    `json:"cat"`
	Label   int       `json:"label"`
	Flagged bool      `json:"flagged"`
	Trunc   bool      `json:"trunc"`
	Score   float64   `json:"score"`
	Len     int       `json:"len"`
	Wins    []winOut  `json:"wins"`
	Tasks   []taskOut `json:"tasks"`
}

func main() {
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	var ws []winOut
	var ts []taskOut
	detect.R33Win = func(a, b int, view string, prob, rule float64, ids []string) {
		ws = append(ws, winOut{a, b, prob, rule, ids})
	}
	detect.R33Task = func(a, b int, p, fl float64, prose bool) {
		ts = append(ts, taskOut{A: a, B: b, P: p, Floor: fl, Prose: prose})
	}
	label := os.Getenv("LABEL")
	text := os.Getenv("TEXT") == "1"
	enc := json.NewEncoder(os.Stdout)
	err = labelled.Each(os.Args[1:], func(fn string, n int, it labelled.Item) error {
		if label != "" && label != string(rune('0'+it.Label)) {
			return nil
		}
		ws, ts = ws[:0], ts[:0]
		r := d.ScanDocument("document", it.Text)
		trunc := false
		for _, f := range r.Findings {
			trunc = trunc || f.RuleID == detect.TruncatedRuleID
		}
		o := out{File: fn, Line: n, Cat: it.Category, Label: it.Label, Flagged: r.Flagged, Trunc: trunc,
			Score: r.Score, Len: len(it.Text), Wins: ws, Tasks: ts}
		if text {
			for i := range o.Tasks {
				t := &o.Tasks[i]
				t.Text = it.Text[t.A:min(t.B, t.A+400)]
			}
		}
		return enc.Encode(o)
	})
	if err != nil {
		panic(err)
	}
}
