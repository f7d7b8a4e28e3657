//go:build ignore

// tokens_r67 (round 67): for each clean item whose category matches CAT
// (default "/raw/"), the window classifier's best window when it scores
// >= MIN (default 0.5), with the window's feature contributions summed by
// token shape (a bigram's weight split between its two tokens, a
// trigram's among its three). Tune data only: with TEXT=1 it prints the
// window's view and its strongest features.
//
//	tokens_r67 SET.jsonl... > out.jsonl
package main

import (
	"encoding/json"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/model"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

func shape(t string) string {
	switch {
	case t == "<num>" || t == "<long>" || t == "<host>" || t == "urlx":
		return t
	case len(t) == 1 && strings.ContainsAny(t, "<>|$@~"):
		return "sym"
	case t == "\x01":
		return "linkrun"
	}
	letters, digits, us, dot, hi := 0, 0, 0, 0, 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= '0' && c <= '9':
			digits++
		case c == '_':
			us++
		case c == '.':
			dot++
		default:
			hi++
		}
	}
	switch {
	case hi > 0:
		return "nonascii"
	case us > 0:
		return "underscore"
	case dot > 0:
		return "dotted"
	case digits > 0:
		return "alnum"
	case len(t) == 1:
		return "letter"
	}
	return "word"
}

func main() {
	m, err := detect.LoadModel(model.Injection)
	if err != nil {
		panic(err)
	}
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1, Model: m})
	if err != nil {
		panic(err)
	}
	floor := 0.5
	if v := os.Getenv("MIN"); v != "" {
		floor, _ = strconv.ParseFloat(v, 64)
	}
	cat := "/raw/"
	if v, ok := os.LookupEnv("CAT"); ok {
		cat = v
	}
	text := os.Getenv("TEXT") == "1"
	enc := json.NewEncoder(os.Stdout)
	type wv struct {
		view      string
		clf, rule float64
		quiet     bool
	}
	var best wv
	var bestScore float64
	detect.DebugWindow = func(w [2]int, view string, clf, rule float64, quiet bool) {
		s := 1 - (1-rule)*(1-max(0, (clf-0.5)/0.5))
		if s > bestScore || best.view == "" || s == bestScore && clf > best.clf {
			bestScore, best = s, wv{view, clf, rule, quiet}
		}
	}
	err = labelled.Each(os.Args[1:], func(fn string, line int, it labelled.Item) error {
		if it.Label != 0 || !strings.Contains(it.Category, cat) {
			return nil
		}
		best, bestScore = wv{}, 0
		res := d.ScanDocument("document", it.Text)
		if best.clf < floor {
			return nil
		}
		bt := best.view
		cs := detect.Features(nil, bt, m.Bits, m.Set)
		all := m.Explain(bt, 1<<30)
		by := map[string]float64{}
		cnt := map[string]int{}
		detectTokens(bt, func(t string) { cnt[shape(t)]++ })
		for _, c := range all {
			name := c.Feature[strings.IndexByte(c.Feature, '"')+1 : len(c.Feature)-1]
			toks := strings.Split(name, " ")
			for _, t := range toks {
				by[shape(t)] += c.Weight / float64(len(toks))
			}
		}
		out := map[string]any{"file": fn, "line": line, "cat": it.Category, "prob": best.clf, "rule": best.rule,
			"flagged": res.Flagged, "trunc": res.Truncated(), "score": res.Score,
			"logit": math.Log(best.clf / (1 - best.clf)), "n": len(cs), "by": by, "cnt": cnt, "bias": m.Bias}
		if text {
			sort.Slice(all, func(i, j int) bool { return all[i].Weight > all[j].Weight })
			var top []string
			for _, c := range all[:min(25, len(all))] {
				top = append(top, c.Feature+":"+strconv.FormatFloat(c.Weight, 'f', 2, 64))
			}
			out["top"] = top
			out["view"] = bt
		}
		return enc.Encode(out)
	})
	if err != nil {
		panic(err)
	}
}

// detectTokens splits as the classifier does, with canonToken's shapes for
// numbers, long tokens and hosts (approximate: no synthetic-label drop).
func detectTokens(s string, fn func(string)) {
	for _, t := range strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r >= 0x80)
	}) {
		t = strings.Trim(t, ".")
		if t == "" {
			continue
		}
		digits := 0
		for i := 0; i < len(t); i++ {
			if t[i] >= '0' && t[i] <= '9' {
				digits++
			}
		}
		switch {
		case digits*2 >= len(t):
			t = "<num>"
		case len(t) > 24:
			t = "<long>"
		}
		fn(t)
	}
}
