// Command peritem scans each line of labelled JSONL files ({"text","label",
// "category"}) with the default injection detector and prints one JSON line
// per item: label, category, score, flagged, rule and classifier scores and
// the rule ids found. It exists to list the misses and false positives behind
// `warden eval injection` numbers. It prints no text from the input unless
// -spans is given (then each finding's matched text, for local error analysis).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

type item = labelled.Item

type row struct {
	File       string    `json:"file"`
	Line       int       `json:"line"`
	Label      int       `json:"label"`
	Category   string    `json:"category"`
	Score      float64   `json:"score"`
	Flagged    bool      `json:"flagged"`
	RuleScore  float64   `json:"rule_score"`
	ClassScore float64   `json:"classifier_score"`
	Rules      []string  `json:"rules,omitempty"`
	Spans      []string  `json:"spans,omitempty"`
	Weights    []float64 `json:"weights,omitempty"`
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "peritem:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("peritem", flag.ContinueOnError)
	spans := fs.Bool("spans", false, "print each finding's matched text (local analysis only)")
	winModel := fs.String("model", "", "window model file instead of the embedded injection.bin (a candidate's weights)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("parsing flags: %w", err)
	}
	files := fs.Args()
	opts := detect.Options{ExplainTop: -1}
	if *winModel != "" {
		raw, err := os.ReadFile(*winModel)
		if err != nil {
			return fmt.Errorf("reading window model: %w", err)
		}
		if opts.Model, err = detect.LoadModel(raw); err != nil {
			return fmt.Errorf("loading window model: %w", err)
		}
	}
	d, err := detect.NewInjection(opts)
	if err != nil {
		return fmt.Errorf("building detector: %w", err)
	}
	enc := json.NewEncoder(os.Stdout)
	for _, fn := range files {
		if err := scanFile(d, enc, fn, *spans); err != nil {
			return err
		}
	}
	return nil
}

func scanFile(d *detect.Detector, enc *json.Encoder, fn string, spans bool) error {
	return labelled.Each([]string{fn}, func(fn string, n int, it item) error {
		r := d.ScanDocument("document", it.Text)
		out := row{File: fn, Line: n, Label: it.Label, Category: it.Category, Score: r.Score, Flagged: r.Flagged, RuleScore: r.RuleScore, ClassScore: r.ClassifierScore}
		for _, fd := range r.Findings {
			out.Rules = append(out.Rules, fd.RuleID)
			if spans && fd.Start >= 0 && fd.End <= len(it.Text) && fd.Start < fd.End {
				out.Spans = append(out.Spans, it.Text[fd.Start:min(fd.End, fd.Start+300)])
				out.Weights = append(out.Weights, fd.Weight)
			}
		}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("writing result: %w", err)
		}
		return nil
	})
}
