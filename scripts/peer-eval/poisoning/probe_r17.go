//go:build ignore

// probe_r17: round 17's per-tool probe (scratch, not built with the module).
// For each tool of the given labelled files it prints the poisoning
// detector's verdict, score, rule and classifier parts, finding count and,
// with -text, the tool's text fields and parameter names. Run it in a clean
// `git archive` tree of the commit to measure:
//
//	cp probe_r17.go TREE/ && cd TREE && go run probe_r17.go -text FILE... > probe.jsonl
//
// genre_anomaly_r17.py refuses held-out files; so should its callers.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

type row struct {
	File   string         `json:"file"`
	Idx    int            `json:"idx"`
	Name   string         `json:"name"`
	Label  bool           `json:"label"`
	PFlag  bool           `json:"pflag"`
	PScore float64        `json:"pscore"`
	PRule  float64        `json:"prule"`
	PClf   float64        `json:"pclf"`
	NFind  int            `json:"nfind"`
	Fields []detect.Field `json:"fields,omitempty"`
	Params []string       `json:"params,omitempty"`
}

func main() {
	withText := flag.Bool("text", false, "include the tool's text fields")
	flag.Parse()
	if err := run(flag.Args(), *withText); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(files []string, withText bool) error {
	p, err := detect.NewPoisoning(detect.Options{ExplainTop: -1})
	if err != nil {
		return fmt.Errorf("loading detector: %w", err)
	}
	enc := json.NewEncoder(os.Stdout)
	for _, file := range files {
		items, _, err := corpus.LoadFile(file)
		if err != nil {
			return fmt.Errorf("loading %s: %w", file, err)
		}
		for i, it := range items {
			if !it.IsTool() {
				continue
			}
			res := p.ScanTool(it.Tool)
			r := row{File: file, Idx: i, Name: it.Tool.Name, Label: it.Label, PFlag: res.Flagged,
				PScore: res.Score, PRule: res.RuleScore, PClf: res.ClassifierScore, NFind: len(res.Findings)}
			if withText {
				r.Fields, r.Params = it.Tool.Fields, it.Tool.Params
			}
			if err := enc.Encode(r); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
		}
	}
	return nil
}
