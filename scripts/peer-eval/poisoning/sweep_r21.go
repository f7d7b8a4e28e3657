//go:build ignore

// sweep_r21: round 21's operating-point probe (scratch, not built with the
// module). It scores every item once with the committed poisoning detector
// and keeps the two numbers the final score is made of, the rule score
// (noisy-OR of the findings) and the classifier probability, so that any
// (threshold, classifier floor) can be evaluated without scanning again:
//
//	clf   = max(0, (p-floor)/(1-floor)), times classifierAloneScale when no rule fired
//	score = 1 - (1-rule)*(1-clf); flagged iff score >= threshold
//
// Two modes. -dump prints one JSON line per item (file, index, label, rule,
// p; never the text or the name) and refuses any path containing "heldout",
// so held-out items are never listed one by one. -points T:F,T:F prints, per
// file and per point, aggregate counts only (tp, fn, fp, tn); that is the
// only way held-out files are scored. -check re-scans every item with a
// detector built at each point and counts disagreements with the offline
// formula (it must print 0). Copy it into a tree:
//
//	mkdir TREE/cmd/sweep21 && sed 1,2d sweep_r21.go > TREE/cmd/sweep21/main.go
//	cd TREE && go run ./cmd/sweep21 -dump FILE... > tune_scores.jsonl
//	cd TREE && go run ./cmd/sweep21 -points 0.5:0.6,0.45:0.6 FILE...
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

// aloneScale mirrors detect.classifierAloneScale (unexported); -check
// catches any drift.
const aloneScale = 0.45

type point struct{ t, floor float64 }

type row struct {
	File  string  `json:"file"`
	Index int     `json:"i"`
	Label int     `json:"label"`
	Rule  float64 `json:"rule"`
	P     float64 `json:"p"`
}

type counts struct{ TP, FN, FP, TN int }

func main() {
	dump := flag.Bool("dump", false, "per-item rule score and classifier probability (tune files only)")
	pts := flag.String("points", "", "comma-separated threshold:floor pairs; aggregate counts per file")
	check := flag.Bool("check", false, "with -points: re-scan with a detector per point and count disagreements")
	flag.Parse()
	points, err := parsePoints(*pts)
	if err != nil || (!*dump && len(points) == 0) {
		fmt.Fprintln(os.Stderr, "usage: sweep21 -dump FILE... | -points T:F[,T:F...] [-check] FILE...", err)
		os.Exit(2)
	}
	if err := run(*dump, *check, points, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "sweep21:", err)
		os.Exit(1)
	}
}

func parsePoints(s string) ([]point, error) {
	var out []point
	for _, p := range strings.Split(s, ",") {
		if p == "" {
			continue
		}
		a, b, ok := strings.Cut(p, ":")
		if !ok {
			return nil, fmt.Errorf("point %q: want T:F", p)
		}
		t, err := strconv.ParseFloat(a, 64)
		if err != nil {
			return nil, fmt.Errorf("point %q: %w", p, err)
		}
		f, err := strconv.ParseFloat(b, 64)
		if err != nil {
			return nil, fmt.Errorf("point %q: %w", p, err)
		}
		out = append(out, point{t, f})
	}
	return out, nil
}

// offline is the detector's final score rebuilt from its two parts.
func offline(rule, p float64, pt point) bool {
	clf := max(0, (p-pt.floor)/(1-pt.floor))
	if rule == 0 {
		clf *= aloneScale
	}
	return 1-(1-rule)*(1-clf) >= pt.t
}

func run(dump, check bool, points []point, files []string) error {
	// Floor -1 means "no floor" in Options; rule and p do not depend on it.
	d, err := detect.NewPoisoning(detect.Options{ExplainTop: -1, ClassifierFloor: -1})
	if err != nil {
		return fmt.Errorf("building detector: %w", err)
	}
	dets := make([]*detect.Detector, len(points))
	if check {
		for k, pt := range points {
			if dets[k], err = detect.NewPoisoning(detect.Options{ExplainTop: -1, Threshold: pt.t, ClassifierFloor: pt.floor}); err != nil {
				return fmt.Errorf("building detector at %v: %w", pt, err)
			}
		}
	}
	enc := json.NewEncoder(os.Stdout)
	for _, file := range files {
		if dump && strings.Contains(file, "heldout") {
			return fmt.Errorf("refusing to list %s item by item", file)
		}
		items, _, err := corpus.LoadFile(file)
		if err != nil {
			return fmt.Errorf("loading %s: %w", file, err)
		}
		per := make([]counts, len(points))
		disagree := 0
		for i, it := range items {
			r := scan(d, it)
			if dump {
				if err := enc.Encode(row{file, i, b2i(it.Label), r.RuleScore, r.ClassifierScore}); err != nil {
					return fmt.Errorf("writing: %w", err)
				}
			}
			for k, pt := range points {
				fl := offline(r.RuleScore, r.ClassifierScore, pt)
				if check && scan(dets[k], it).Flagged != fl {
					disagree++
				}
				tally(&per[k], it.Label, fl)
			}
		}
		for k, pt := range points {
			c := per[k]
			fmt.Fprintf(os.Stderr, "%s\tT=%.3f\tF=%.2f\ttp=%d\tfn=%d\tfp=%d\ttn=%d\n", file, pt.t, pt.floor, c.TP, c.FN, c.FP, c.TN)
		}
		if check {
			fmt.Fprintf(os.Stderr, "%s\tdisagreements=%d\n", file, disagree)
		}
	}
	return nil
}

func scan(d *detect.Detector, it corpus.Item) detect.Result {
	if it.IsTool() {
		return d.ScanTool(it.Tool)
	}
	return d.ScanText("description", it.Text)
}

func tally(c *counts, label, flagged bool) {
	switch {
	case label && flagged:
		c.TP++
	case label:
		c.FN++
	case flagged:
		c.FP++
	default:
		c.TN++
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
