// probe_r24: round 24's tune probe (scratch, not built with the module). Copy into a tree as cmd/probe24/main.go;
// one TSV line per tool of tune files (file, label, flagged, score, rule ids, text); refuses held-out paths.
// probe24: every tool of tune files as one TSV line: file, label, flagged, score, rule ids, text.
// Refuses held-out paths.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

func main() {
	p, err := detect.NewPoisoning(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	for _, file := range os.Args[1:] {
		if strings.Contains(file, "heldout") {
			fmt.Fprintln(os.Stderr, "refusing", file)
			os.Exit(1)
		}
		items, _, err := corpus.LoadFile(file)
		if err != nil {
			panic(err)
		}
		for _, it := range items {
			if !it.IsTool() {
				continue
			}
			res := p.ScanTool(it.Tool)
			var ids []string
			for _, f := range res.Findings {
				ids = append(ids, fmt.Sprintf("%s:%.2f", f.RuleID, f.Weight))
			}
			txt := ""
			for _, f := range it.Tool.Fields {
				txt += f.Text + " | "
			}
			if len(txt) > 400 {
				txt = txt[:400]
			}
			txt = strings.NewReplacer("\n", " ", "\t", " ").Replace(txt)
			fmt.Printf("%s\t%v\t%v\t%.2f\t%s\t%s\n", file, it.Label, res.Flagged, res.Score, strings.Join(ids, ","), txt)
		}
	}
}
