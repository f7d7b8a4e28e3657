//go:build ignore

// Command opsweep is round 26's operating-point probe for the injection
// window classifier on documents. It scans each item once with the tree's
// detector and keeps, per analysed window, the rule score, the classifier
// probability and the window length (detect.ScanDocumentWindows), plus the
// task-sentence weight and whether the scan was truncated. Any way of
// combining them can then be evaluated offline:
//
//	f      = floor (rule > 0) or aloneFloor (rule = 0), plus c·ln(windows)
//	clf    = max(0, (p-f)/(1-f)); window = 1 - (1-rule)(1-clf)
//	two    : in a document of ≥ 2 windows, rule-less windows count with
//	         the second highest of their scores (two windows above the bar)
//	score  = max(windows, task); flagged iff score ≥ 0.5
//
// Modes:
//
//	opsweep -dump FILE... > dump.jsonl      one line per item, no text; refuses web held-out sets
//	opsweep -eval P1;P2 dump.jsonl          aggregate per file and label for each policy
//	opsweep -check P dump.jsonl FILE...     re-scan with this tree's detector and count items whose
//	                                        Flagged differs from P applied to the dump (must be 0)
//
// A policy is "a=0.6,r=0.5,c=0.02,two=1" (defaults: HEAD's 0.5, 0.5, 0, 0),
// and round 28's per-window contrast "k=0.75,b=0,g=0.5,stat=0" (k = 0: off;
// see policy and contrast; round28_sweep.py runs its grid).
//
// It needs detect.ScanDocumentWindows, which is not in the tree (round 26
// was not shipped): apply round26_candidate.patch (this folder) in a copy
// of the tree. With windowFloorRise set to 0 there the detector is HEAD's
// (the dump must come from such a tree); as the patch leaves it (0.3) it
// is candidate C1, which -check compares with the dump:
//
//	git archive HEAD | tar -x -C T && cd T && patch -p1 < scripts/peer-eval/injection/opsweep/round26_candidate.patch
//	sed -i 's/windowFloorRise = 0.3$/windowFloorRise = 0/' internal/detect/injection.go
//	go run scripts/peer-eval/injection/opsweep/main.go -dump FILE... > dump.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

// win is one window: byte length, rule score, classifier probability.
type win [3]float64

type rec struct {
	File      string  `json:"file"`
	Line      int     `json:"line"`
	Label     int     `json:"label"`
	Len       int     `json:"len"`
	Flagged   bool    `json:"flagged"`
	Truncated bool    `json:"truncated"`
	Task      float64 `json:"task"` // highest task-sentence finding weight
	Wins      []win   `json:"wins"`
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "opsweep:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("opsweep", flag.ContinueOnError)
	dump := fs.Bool("dump", false, "scan FILE... and print one line per item")
	eval := fs.String("eval", "", "policies separated by ';', applied to the dump file")
	check := fs.String("check", "", "policy to check against a re-scan of FILE...")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("parsing flags: %w", err)
	}
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1})
	if err != nil {
		return fmt.Errorf("building detector: %w", err)
	}
	switch {
	case *dump:
		return dumpFiles(d, fs.Args())
	case *eval != "":
		return evalDump(*eval, fs.Args())
	case *check != "":
		return checkDump(d, *check, fs.Args())
	}
	return errors.New("one of -dump, -eval, -check is required")
}

func scan(d *detect.Detector, fn string, n int, it labelled.Item) (rec, detect.Result) {
	r := rec{File: fn, Line: n, Label: it.Label, Len: len(it.Text)}
	res := d.ScanDocumentWindows("document", it.Text, func(w detect.WindowScore) {
		r.Wins = append(r.Wins, win{float64(w.End - w.Start), w.RuleScore, w.ClassifierScore})
	})
	r.Flagged, r.Truncated = res.Flagged, res.Truncated()
	for _, f := range res.Findings {
		if f.RuleID == detect.TaskRuleID {
			r.Task = max(r.Task, f.Weight)
		}
	}
	return r, res
}

func dumpFiles(d *detect.Detector, files []string) error {
	for _, fn := range files {
		if strings.Contains(fn, "web_heldout") {
			return fmt.Errorf("%s: held-out web sets are scored in aggregate only (-check)", fn)
		}
	}
	enc := json.NewEncoder(os.Stdout)
	return labelled.Each(files, func(fn string, n int, it labelled.Item) error {
		r, _ := scan(d, fn, n, it)
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("writing dump: %w", err)
		}
		return nil
	})
}

// policy is one way of combining a window's scores.
type policy struct {
	name       string
	alone, hit float64 // floors for windows without and with a rule finding
	c          float64 // floor rise per ln(windows)
	two        bool
	// Round 28, per-window contrast: in a document of ≥ 2 windows a
	// rule-less window's probability counts as p − k·max(0, ref − b), ref
	// the median (stat 0), mean (1) or highest (2) probability of the
	// other windows; unless the median of all windows is ≥ g, then every
	// window keeps p (a document whose typical window is itself above the
	// bar stays flagged: an attacker repeating the injection everywhere).
	k, b, g float64
	stat    int
}

func parsePolicy(s string) (policy, error) {
	p := policy{name: s, alone: detect.DefaultInjectionFloor, hit: detect.DefaultInjectionFloor, g: detect.DefaultInjectionFloor}
	if s == "" || s == "head" {
		p.name = "head"
		return p, nil
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		x, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			return p, fmt.Errorf("policy %q: bad %q", s, kv)
		}
		switch k {
		case "a":
			p.alone = x
		case "r":
			p.hit = x
		case "c":
			p.c = x
		case "two":
			p.two = x != 0
		case "k":
			p.k = x
		case "b":
			p.b = x
		case "g":
			p.g = x
		case "stat":
			p.stat = int(x)
		default:
			return p, fmt.Errorf("policy %q: unknown key %q", s, k)
		}
	}
	return p, nil
}

// flagged applies p to one dumped item. Truncated items are reported
// separately (the guard fails closed on them), not folded in here.
func (p policy) flagged(r rec) bool {
	n := float64(len(r.Wins))
	best := r.Task
	var alone []float64
	ps := contrast(p, r.Wins)
	for i, w := range r.Wins {
		f := p.hit
		if w[1] == 0 {
			f = p.alone
		}
		if n > 1 {
			f = min(0.99, f+p.c*math.Log(n))
		}
		clf := max(0, (ps[i]-f)/(1-f))
		s := 1 - (1-w[1])*(1-clf)
		if p.two && w[1] == 0 && len(r.Wins) > 1 {
			alone = append(alone, s)
			continue
		}
		best = max(best, s)
	}
	if len(alone) >= 2 {
		sort.Float64s(alone)
		best = max(best, alone[len(alone)-2])
	}
	return best >= detect.DefaultThreshold
}

// contrast returns the probability each window counts with under p's
// round-28 contrast (unchanged when k = 0 or the document has one window).
func contrast(p policy, ws []win) []float64 {
	out := make([]float64, len(ws))
	for i, w := range ws {
		out[i] = w[2]
	}
	if p.k == 0 || len(ws) < 2 {
		return out
	}
	all := append([]float64(nil), out...)
	sort.Float64s(all)
	if median(all) >= p.g {
		return out
	}
	for i, w := range ws {
		if w[1] != 0 {
			continue
		}
		others := make([]float64, 0, len(ws)-1)
		for j, v := range ws {
			if j != i {
				others = append(others, v[2])
			}
		}
		sort.Float64s(others)
		var ref float64
		switch p.stat {
		case 0:
			ref = median(others)
		case 1:
			for _, v := range others {
				ref += v
			}
			ref /= float64(len(others))
		default:
			ref = others[len(others)-1]
		}
		out[i] = w[2] - p.k*max(0, ref-p.b)
	}
	return out
}

// median of sorted xs (the mean of the middle two for an even count).
func median(xs []float64) float64 {
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

func readDump(fn string) ([]rec, error) {
	f, err := os.Open(fn)
	if err != nil {
		return nil, fmt.Errorf("opening dump: %w", err)
	}
	defer f.Close()
	var out []rec
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("reading dump: %w", err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// evalDump prints, per policy, file and label: items, flagged (truncated
// counted as flagged) and truncated.
func evalDump(spec string, args []string) error {
	if len(args) != 1 {
		return errors.New("-eval takes one dump file")
	}
	recs, err := readDump(args[0])
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	for _, s := range strings.Split(spec, ";") {
		p, err := parsePolicy(s)
		if err != nil {
			return err
		}
		type key struct {
			file  string
			label int
		}
		agg := map[key]*[3]int{}
		var keys []key
		for _, r := range recs {
			k := key{r.File, r.Label}
			if agg[k] == nil {
				agg[k] = &[3]int{}
				keys = append(keys, k)
			}
			a := agg[k]
			a[0]++
			if p.flagged(r) || r.Truncated {
				a[1]++
			}
			if r.Truncated && !p.flagged(r) {
				a[2]++
			}
		}
		for _, k := range keys {
			a := agg[k]
			out := map[string]any{"policy": p.name, "file": k.file, "label": k.label, "n": a[0], "flagged": a[1], "truncated_unflagged": a[2]}
			if err := enc.Encode(out); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
		}
	}
	return nil
}

// checkDump re-scans the files with this tree's detector and counts items
// whose Flagged differs from the policy applied to the dump (made with
// HEAD's detector). Only counts are printed.
func checkDump(d *detect.Detector, spec string, args []string) error {
	if len(args) < 2 {
		return errors.New("-check takes a dump file and the files it was made from")
	}
	p, err := parsePolicy(spec)
	if err != nil {
		return err
	}
	recs, err := readDump(args[0])
	if err != nil {
		return err
	}
	byKey := map[string]rec{}
	for _, r := range recs {
		byKey[fmt.Sprintf("%s:%d", r.File, r.Line)] = r
	}
	var n, diff, missing int
	err = labelled.Each(args[1:], func(fn string, line int, it labelled.Item) error {
		n++
		old, ok := byKey[fmt.Sprintf("%s:%d", fn, line)]
		if !ok {
			missing++
			return nil
		}
		_, res := scan(d, fn, line, it)
		if res.Flagged != p.flagged(old) {
			diff++
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Printf("items %d, not in dump %d, disagreements %d\n", n, missing, diff)
	return nil
}
