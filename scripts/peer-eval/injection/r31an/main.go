//go:build ignore

// r31an (round 31; round 29's r29an with round 30's additions): per flagged
// item, the deciding signal of the best window (rules, window classifier,
// both, task model, truncated), the best window's top classifier features
// and, with -ctx, its view, the task sentences and each rule finding's
// excerpt (tune data only).
//
// Analysis only, never shipped: it needs trace_hook.patch (an R31Trace hook
// in ScanDocument) applied to a `git archive 9266dd8` tree.
//
//	git archive 9266dd8 | tar -x -C AN && cd AN && patch -p1 < .../r31an/trace_hook.patch
//	mkdir -p scripts/peer-eval/injection/r31an && cp .../r31an/main.go scripts/peer-eval/injection/r31an/
//	go build -o /tmp/r31/r31an ./scripts/peer-eval/injection/r31an/main.go
//	r31an -ctx /tmp/r31/sets/mail_r31_tune.jsonl .../mail11_heldout.jsonl .../mail12_heldout.jsonl .../mail13_heldout.jsonl > an_head_clean.jsonl
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/model"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

type win struct {
	a, b       int
	view       string
	prob, rule float64
	ids        []string
}

type out struct {
	File     string         `json:"file"`
	Line     int            `json:"line"`
	Label    int            `json:"label"`
	Cat      string         `json:"cat"`
	Flagged  bool           `json:"flagged"`
	Cause    string         `json:"cause"`
	Windows  int            `json:"windows"`
	BestProb float64        `json:"best_prob"`
	BestRule float64        `json:"best_rule"`
	Top      []string       `json:"top"`
	TopW     []float64      `json:"topw"`
	Ctx      []string       `json:"ctx,omitempty"`
	NURL     int            `json:"nurl"`
	NSingle  map[string]int `json:"nsingle,omitempty"`
	NEsc     map[string]int `json:"nesc,omitempty"`
	Tasks    []string       `json:"tasks,omitempty"`
	Rules    []string       `json:"rules,omitempty"`
	View     string         `json:"view,omitempty"`
}

func main() {
	lab := flag.Int("label", 0, "label")
	ctx := flag.Bool("ctx", false, "print contexts")
	dump := flag.Int("dump", 0, "dump windows of this line")
	flag.Parse()
	m, _ := detect.LoadModel(model.Injection)
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	enc := json.NewEncoder(os.Stdout)
	var ws []win
	detect.R31Trace = func(a, b int, view string, prob, rule float64, ids []string) {
		ws = append(ws, win{a, b, view, prob, rule, ids})
	}
	labelled.Each(flag.Args(), func(fn string, n int, it labelled.Item) error {
		if it.Label != *lab {
			return nil
		}
		ws = ws[:0]
		r := d.ScanDocument("document", it.Text)
		if n == *dump {
			for _, w := range ws {
				os.Stderr.WriteString(fmt.Sprintf("WIN %d-%d p=%.3f rule=%.2f %v\n%s\n", w.a, w.b, w.prob, w.rule, w.ids, w.view))
			}
		}
		o := out{File: fn, Line: n, Label: it.Label, Cat: it.Category, Flagged: r.Flagged, Windows: len(ws)}
		bi, bs := -1, -1.0
		for i, w := range ws {
			clf := max(0, (w.prob-0.5)/0.5)
			s := 1 - (1-w.rule)*(1-clf)
			if s > bs {
				bi, bs = i, s
			}
		}
		switch {
		case !r.Flagged && r.Truncated():
			o.Cause = "truncated"
		case !r.Flagged:
			o.Cause = "none"
		case bs < 0.5:
			o.Cause = "task"
		case ws[bi].rule >= 0.5:
			o.Cause = "rules"
		case ws[bi].rule > 0:
			o.Cause = "clf+rules"
		default:
			o.Cause = "clf"
		}
		for _, fd := range r.Findings {
			if fd.RuleID == detect.TaskRuleID {
				o.Tasks = append(o.Tasks, fd.Excerpt)
			} else {
				o.Rules = append(o.Rules, fd.RuleID+" | "+fd.Excerpt)
			}
		}
		if bi >= 0 {
			w := ws[bi]
			if *ctx {
				o.View = w.view
			}
			o.BestProb, o.BestRule = w.prob, w.rule
			for _, c := range m.Explain(w.view, 8) {
				o.Top = append(o.Top, c.Feature)
				o.TopW = append(o.TopW, c.Weight)
			}
			o.NURL = strings.Count(w.view, " urlx ")
			o.NSingle = map[string]int{}
			o.NEsc = map[string]int{}
			v := w.view
			for i := 0; i < len(v); i++ {
				c := v[i]
				if c >= 'a' && c <= 'z' && (i == 0 || !wordb(v[i-1])) && (i+1 == len(v) || !wordb(v[i+1])) {
					o.NSingle[string(c)]++
					if i > 0 && v[i-1] == '\\' {
						o.NEsc[string(c)]++
					}
					code := func(j int) bool { return j >= 0 && j < len(v) && strings.IndexByte("()[]{},.;=!&|+-*/?:<>", v[j]) >= 0 }
					apos := func(j int) bool { return j >= 0 && j < len(v) && (v[j] == '\'' || v[j] == 0xe2) }
					switch {
					case i > 0 && v[i-1] == '\\':
						o.NEsc["K:esc"]++
					case apos(i-1) || apos(i+1):
						o.NEsc["K:apos"]++
					case code(i-1) || code(i+1):
						o.NEsc["K:code"]++
					default:
						o.NEsc["K:other"]++
					}
					if *ctx && len(o.Ctx) < 6 && (c == 'n' || c == 'i' || c == 'u' || c == 'x' || c == 't' || c == 'r') {
						o.Ctx = append(o.Ctx, v[max(0, i-25):min(len(v), i+25)])
					}
				}
			}
		}
		enc.Encode(o)
		return nil
	})
}

func wordb(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}
