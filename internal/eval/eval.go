// Package eval implements `warden eval KIND FILE...`: it runs a detector
// over labelled data and reports recall, false-positive rate, precision,
// per-category recall and throughput.
package eval

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

// Exit codes of Run.
const (
	ExitOK    = 0
	ExitFail  = 1 // the evaluation could not run (no data, unreadable file)
	ExitUsage = 2
)

// scorer scores one labelled item. Kinds provide one.
type scorer interface {
	score(it corpus.Item) (score float64, flagged bool, bytes int)
}

// explainer says what decided an item; --verbose asks it for each
// misclassified item only, so the timed loop stays the plain scan.
type explainer interface {
	explain(it corpus.Item) string
}

// whyResult names what raised a detector result: its strongest rule
// findings and the classifier, e.g. "inj.override.ignore-previous 0.90,
// classifier 0.97".
func whyResult(r detect.Result) string {
	var parts []string
	seen := map[string]bool{}
	for _, f := range r.Findings { // strongest first
		if seen[f.RuleID] {
			continue
		}
		seen[f.RuleID] = true
		if len(parts) == 3 {
			parts = append(parts, "...")
			break
		}
		parts = append(parts, fmt.Sprintf("%s %.2f", f.RuleID, f.Weight))
	}
	parts = append(parts, fmt.Sprintf("classifier %.2f", r.ClassifierScore))
	return strings.Join(parts, ", ")
}

// kind describes one evaluable detector.
type kind struct {
	defaultPaths []string
	build        func(opts options) (scorer, error)
	// load reads the kind's corpora; nil means corpus.Load.
	load func(paths []string) ([]corpus.Item, []corpus.Skipped, error)
}

type options struct {
	threshold    float64
	noClassifier bool
}

// kinds lists the detectors `warden eval` knows. Injection and secrets
// add an entry here with their own scorer and default corpus.
func kinds() map[string]kind {
	return map[string]kind{
		"secrets": secretsKind(),
		"poisoning": {
			defaultPaths: []string{"../shared/corpora/poisoning"},
			build: func(o options) (scorer, error) {
				d, err := detect.NewPoisoning(detect.Options{Threshold: o.threshold, NoClassifier: o.noClassifier, ExplainTop: -1})
				if err != nil {
					return nil, err
				}
				return poisoningScorer{d}, nil
			},
		},
		"injection": injectionKind(),
	}
}

type poisoningScorer struct{ d *detect.Detector }

func (p poisoningScorer) explain(it corpus.Item) string {
	if it.IsTool() {
		return whyResult(p.d.ScanTool(it.Tool))
	}
	return whyResult(p.d.ScanText("description", it.Text))
}

func (p poisoningScorer) score(it corpus.Item) (float64, bool, int) {
	if it.IsTool() {
		n := 0
		for _, f := range it.Tool.Fields {
			n += len(f.Text)
		}
		r := p.d.ScanTool(it.Tool)
		return r.Score, r.Flagged, n
	}
	r := p.d.ScanText("description", it.Text)
	return r.Score, r.Flagged, len(it.Text)
}

// Report is the result of one evaluation; --json prints it.
type Report struct {
	Kind       string              `json:"kind"`
	Files      []string            `json:"files"`
	Skipped    []corpus.Skipped    `json:"skipped,omitempty"`
	Threshold  float64             `json:"threshold"`
	Items      int                 `json:"items"`
	Malicious  int                 `json:"malicious"`
	Benign     int                 `json:"benign"`
	TP         int                 `json:"tp"`
	FP         int                 `json:"fp"`
	FN         int                 `json:"fn"`
	TN         int                 `json:"tn"`
	Recall     float64             `json:"recall"`
	FPR        float64             `json:"false_positive_rate"`
	Precision  float64             `json:"precision"`
	F1         float64             `json:"f1"`
	Categories map[string]Category `json:"categories,omitempty"`
	Seconds    float64             `json:"seconds"`
	PerSecond  float64             `json:"items_per_second"`
	MBPerSec   float64             `json:"mb_per_second"`
	Errors     []Miss              `json:"errors,omitempty"` // with --verbose
}

// Category is recall within one attack category (or FPR for benign ones).
type Category struct {
	Items    int     `json:"items"`
	Detected int     `json:"detected"`
	Rate     float64 `json:"rate"` // recall for malicious categories
}

// Miss is one misclassified item.
type Miss struct {
	Source string  `json:"source"`
	Name   string  `json:"name"`
	Label  bool    `json:"label"`
	Score  float64 `json:"score"`
	// Why names the findings and classifier score behind Score.
	Why  string `json:"why,omitempty"`
	item corpus.Item
}

// Run evaluates kind over the files named in args and writes a report.
// It returns an exit code.
func Run(ctx context.Context, kindName string, args []string, stdout, stderr io.Writer) int {
	ks := kinds()
	k, ok := ks[kindName]
	if !ok {
		names := make([]string, 0, len(ks))
		for n := range ks {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(stderr, "eval: unknown kind %q (known: %s)\n", kindName, strings.Join(names, ", "))
		return ExitUsage
	}
	fs := flag.NewFlagSet("eval "+kindName, flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.Bool("json", false, "print the report as one JSON object on the last line")
	threshold := fs.Float64("threshold", detect.DefaultThreshold, "score at or above which an item counts as detected")
	noClf := fs.Bool("no-classifier", false, "rules and hidden-content signals only")
	verbose := fs.Bool("verbose", false, "list every misclassified item")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: warden eval %s [--json] [--threshold T] [--no-classifier] [--verbose] [FILE|DIR]...\n", kindName)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if *threshold <= 0 || *threshold > 1 {
		fmt.Fprintf(stderr, "eval: --threshold %v must be in (0,1]\n", *threshold)
		return ExitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		for _, p := range k.defaultPaths {
			if _, err := os.Stat(p); err == nil {
				paths = append(paths, p)
			}
		}
		if len(paths) == 0 {
			fmt.Fprintf(stderr, "eval: no files given and no default corpus at %s\n", strings.Join(k.defaultPaths, ", "))
			return ExitUsage
		}
	}
	rep, err := evaluate(ctx, k, kindName, paths, options{threshold: *threshold, noClassifier: *noClf}, *verbose)
	if err != nil {
		fmt.Fprintf(stderr, "eval: %v\n", err)
		return ExitFail
	}
	printText(stdout, rep)
	if *jsonOut {
		b, err := json.Marshal(rep)
		if err != nil {
			fmt.Fprintf(stderr, "eval: encoding report: %v\n", err)
			return ExitFail
		}
		fmt.Fprintf(stdout, "%s\n", b)
	}
	return ExitOK
}

func evaluate(ctx context.Context, k kind, name string, paths []string, o options, verbose bool) (*Report, error) {
	load := corpus.Load
	if k.load != nil {
		load = k.load
	}
	items, skipped, err := load(paths)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("no labelled items in %s", strings.Join(paths, ", "))
	}
	sc, err := k.build(o)
	if err != nil {
		return nil, fmt.Errorf("building %s detector: %w", name, err)
	}
	rep := &Report{Kind: name, Files: paths, Skipped: skipped, Threshold: o.threshold, Items: len(items), Categories: map[string]Category{}}
	var bytes int
	start := time.Now()
	for i, it := range items {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("evaluating: %w", err)
			}
		}
		score, flagged, n := sc.score(it)
		bytes += n
		switch {
		case it.Label && flagged:
			rep.TP++
		case it.Label:
			rep.FN++
		case flagged:
			rep.FP++
		default:
			rep.TN++
		}
		if it.Label && it.Category != "" {
			c := rep.Categories[it.Category]
			c.Items++
			if flagged {
				c.Detected++
			}
			rep.Categories[it.Category] = c
		}
		if verbose && flagged != it.Label {
			rep.Errors = append(rep.Errors, Miss{Source: it.Source, Name: itemName(it), Label: it.Label, Score: score, item: it})
		}
	}
	elapsed := time.Since(start)
	if ex, ok := sc.(explainer); ok {
		for i := range rep.Errors {
			rep.Errors[i].Why = ex.explain(rep.Errors[i].item)
		}
	}
	rep.Seconds = elapsed.Seconds()
	if rep.Seconds > 0 {
		rep.PerSecond = float64(len(items)) / rep.Seconds
		rep.MBPerSec = float64(bytes) / 1e6 / rep.Seconds
	}
	rep.Malicious = rep.TP + rep.FN
	rep.Benign = rep.FP + rep.TN
	rep.Recall = ratio(rep.TP, rep.Malicious)
	rep.FPR = ratio(rep.FP, rep.Benign)
	rep.Precision = ratio(rep.TP, rep.TP+rep.FP)
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = 2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall)
	}
	for n, c := range rep.Categories {
		c.Rate = ratio(c.Detected, c.Items)
		rep.Categories[n] = c
	}
	return rep, nil
}

func itemName(it corpus.Item) string {
	if it.IsTool() {
		return it.Tool.Name
	}
	if len(it.Text) > 60 {
		return it.Text[:60] + "…"
	}
	return it.Text
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func printText(w io.Writer, r *Report) {
	fmt.Fprintf(w, "%s: %d items (%d malicious, %d benign) from %s, threshold %.2f\n",
		r.Kind, r.Items, r.Malicious, r.Benign, strings.Join(r.Files, ", "), r.Threshold)
	byReason := map[string][]string{}
	var reasons []string
	for _, s := range r.Skipped {
		if byReason[s.Reason] == nil {
			reasons = append(reasons, s.Reason)
		}
		byReason[s.Reason] = append(byReason[s.Reason], s.Path)
	}
	for _, reason := range reasons {
		ps := byReason[reason]
		if len(ps) == 1 {
			fmt.Fprintf(w, "  skipped %s: %s\n", ps[0], reason)
		} else {
			fmt.Fprintf(w, "  skipped %d files (%s, ...): %s\n", len(ps), ps[0], reason)
		}
	}
	fmt.Fprintf(w, "recall     %6.2f%%  (%d/%d)\n", 100*r.Recall, r.TP, r.Malicious)
	fmt.Fprintf(w, "FPR        %6.2f%%  (%d/%d)\n", 100*r.FPR, r.FP, r.Benign)
	fmt.Fprintf(w, "precision  %6.2f%%\n", 100*r.Precision)
	fmt.Fprintf(w, "F1         %6.3f\n", r.F1)
	if len(r.Categories) > 0 {
		names := make([]string, 0, len(r.Categories))
		for n := range r.Categories {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintln(w, "recall by category:")
		for _, n := range names {
			c := r.Categories[n]
			fmt.Fprintf(w, "  %-40s %6.2f%%  (%d/%d)\n", n, 100*c.Rate, c.Detected, c.Items)
		}
	}
	fmt.Fprintf(w, "throughput %.0f items/s, %.1f MB/s (%.3fs)\n", r.PerSecond, r.MBPerSec, r.Seconds)
	for _, m := range r.Errors {
		kind := "missed"
		if !m.Label {
			kind = "false positive"
		}
		fmt.Fprintf(w, "  %s: %s %q score %.2f", kind, m.Source, m.Name, m.Score)
		if m.Why != "" {
			fmt.Fprintf(w, " (%s)", m.Why)
		}
		fmt.Fprintln(w)
	}
}
