//go:build ignore

// r33an (round 33): for each injected item of a tune file whose clean twin
// (same "id") is given, the inserted span (common prefix/suffix of the two
// texts) and what each stage made of it: windows over the span (classifier
// score, rule score, rule findings in the span), task candidates in the
// span (probability, floor, prose gate). Analysis only, never shipped: it
// needs trace.patch (R33Win/R33Task hooks) on a `git archive e977c4d` tree.
//
//	r33an CLEAN.jsonl INJECTED.jsonl > an.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
)

type item struct {
	Text     string `json:"text"`
	Label    int    `json:"label"`
	ID       string `json:"id"`
	Category string `json:"category"`
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
	CleanFl  bool      `json:"clean_flagged"`
	SpanA    int       `json:"span_a"`
	SpanB    int       `json:"span_b"`
	Inserted string    `json:"inserted"`
	Before   string    `json:"before"`
	After    string    `json:"after"`
	Len      int       `json:"len"`
	Wins     []winOut  `json:"wins"`
	Tasks    []taskOut `json:"tasks"`
	Rules    []string  `json:"rules"`
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
	clean := map[string]item{}
	for _, it := range read(os.Args[1]) {
		clean[it.ID] = it
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
	for _, it := range read(os.Args[2]) {
		if it.Label != 1 {
			continue
		}
		c, ok := clean[it.ID]
		if !ok {
			continue
		}
		ws, ts = ws[:0], ts[:0]
		rc := d.ScanDocument("document", c.Text)
		ws, ts = ws[:0], ts[:0]
		r := d.ScanDocument("document", it.Text)
		x, y := it.Text, c.Text
		p := 0
		for p < len(x) && p < len(y) && x[p] == y[p] {
			p++
		}
		s := 0
		for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
			s++
		}
		a, b := p, len(x)-s
		o := out{ID: it.ID, Cat: it.Category, Flagged: r.Flagged, Score: r.Score, CleanFl: rc.Flagged,
			SpanA: a, SpanB: b, Inserted: x[a:b], Before: x[max(0, a-60):a], After: x[b:min(len(x), b+40)], Len: len(x)}
		for _, v := range ws {
			o.Wins = append(o.Wins, winOut{A: v.a, B: v.b, Prob: v.prob, Rule: v.rule, IDs: v.ids, Cover: v.a < b && v.b > a})
		}
		for _, t := range ts {
			if t.A < b && t.B > a {
				t.Text = x[t.A:t.B]
				o.Tasks = append(o.Tasks, t)
			}
		}
		for _, f := range r.Findings {
			o.Rules = append(o.Rules, f.RuleID+"|"+strings.ReplaceAll(f.Excerpt, "\n", " "))
		}
		enc.Encode(o)
	}
}
