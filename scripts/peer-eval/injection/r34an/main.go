//go:build ignore

// r34an (round 34): round 33's r33an for items whose inserted span [a,b)
// was found by spans.py (no stored twin needed): windows over the span,
// task candidates in it, findings. Analysis only, never shipped: it needs
// r33an/trace.patch (R33Win/R33Task hooks) on a `git archive 88755a3` tree.
//
//	r34an SET.jsonl > an.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
)

type item struct {
	Text     string `json:"text"`
	Label    int    `json:"label"`
	ID       string `json:"id"`
	Category string `json:"category"`
	A        int    `json:"a"`
	B        int    `json:"b"`
	How      string `json:"how"`
}

type winOut struct {
	A     int      `json:"a"`
	B     int      `json:"b"`
	Prob  float64  `json:"prob"`
	Rule  float64  `json:"rule"`
	IDs   []string `json:"ids"`
	Cover bool     `json:"cover"`
}

type taskOut struct {
	A     int     `json:"a"`
	B     int     `json:"b"`
	P     float64 `json:"p"`
	Floor float64 `json:"floor"`
	Prose bool    `json:"prose"`
	Text  string  `json:"text"`
}

type out struct {
	ID       string    `json:"id"`
	Cat      string    `json:"cat"`
	Flagged  bool      `json:"flagged"`
	Score    float64   `json:"score"`
	How      string    `json:"how"`
	SpanA    int       `json:"span_a"`
	SpanB    int       `json:"span_b"`
	Inserted string    `json:"inserted"`
	Before   string    `json:"before"`
	After    string    `json:"after"`
	Len      int       `json:"len"`
	Wins     []winOut  `json:"wins"`
	Tasks    []taskOut `json:"tasks"`
	Rules    []string  `json:"rules"`
	NTasks   int       `json:"ntasks"`   // candidates scored in the whole document
	LastTask int       `json:"lasttask"` // end of the last one scored`
}

func read(fn string) []item {
	f, err := os.Open(fn)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	var its []item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var it item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			panic(err)
		}
		its = append(its, it)
	}
	return its
}

func main() {
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	type w struct {
		a, b       int
		prob, rule float64
		ids        []string
	}
	var ws []w
	var ts []taskOut
	detect.R33Win = func(a, b int, view string, prob, rule float64, ids []string) {
		ws = append(ws, w{a, b, prob, rule, ids})
	}
	detect.R33Task = func(a, b int, p, floor float64, prose bool) {
		ts = append(ts, taskOut{A: a, B: b, P: p, Floor: floor, Prose: prose})
	}
	enc := json.NewEncoder(os.Stdout)
	for _, it := range read(os.Args[1]) {
		ws, ts = ws[:0], ts[:0]
		r := d.ScanDocument("document", it.Text)
		x := it.Text
		a, b := it.A, it.B
		o := out{ID: it.ID, Cat: it.Category, Flagged: r.Flagged, Score: r.Score, How: it.How,
			SpanA: a, SpanB: b, Inserted: x[a:min(b, a+2000)], Before: x[max(0, a-60):a], After: x[b:min(len(x), b+40)], Len: len(x)}
		for _, v := range ws {
			o.Wins = append(o.Wins, winOut{A: v.a, B: v.b, Prob: v.prob, Rule: v.rule, IDs: v.ids, Cover: v.a < b && v.b > a})
		}
		o.NTasks = len(ts)
		for _, t := range ts {
			o.LastTask = max(o.LastTask, t.B)
			if t.A < b && t.B > a {
				t.Text = x[t.A:t.B]
				o.Tasks = append(o.Tasks, t)
			}
		}
		for _, f := range r.Findings {
			o.Rules = append(o.Rules, fmt.Sprintf("%s@%d-%d|%s", f.RuleID, f.Start, f.End, strings.ReplaceAll(f.Excerpt, "\n", " ")))
		}
		enc.Encode(o)
	}
}
