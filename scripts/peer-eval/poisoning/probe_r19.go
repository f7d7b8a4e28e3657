//go:build ignore

// probe_r19: round 19's per-tool verdict probe (scratch, not built with the
// module). For each tool of the given labelled files it prints only the file,
// the item's index, its label and the poisoning detector's verdict: no names
// and no text, so it may be run on held-out files whose verdicts are only
// ever pooled into counts (peer_yara_r19.py does that in memory). Run it in a
// clean `git archive` tree of the commit to measure:
//
//	cp probe_r19.go TREE/ && cd TREE && go run probe_r19.go FILE... > verdicts.jsonl
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
	File  string `json:"file"`
	Idx   int    `json:"idx"`
	Label bool   `json:"label"`
	Flag  bool   `json:"flag"`
}

func main() {
	flag.Parse()
	if err := run(flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(files []string) error {
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
			if err := enc.Encode(row{File: file, Idx: i, Label: it.Label, Flag: res.Flagged}); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
		}
	}
	return nil
}
