//go:build ignore

// dump27: per-item score for tune sets only: label flagged score rules | text.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

func main() {
	d, err := detect.NewPoisoning(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	for _, p := range os.Args[1:] {
		items, _, err := corpus.Load([]string{p})
		if err != nil {
			fmt.Fprintln(os.Stderr, p, err)
			continue
		}
		for _, it := range items {
			var r detect.Result
			var txt string
			if it.IsTool() {
				r = d.ScanTool(it.Tool)
				var b []string
				for _, f := range it.Tool.Fields {
					b = append(b, f.Path+"="+f.Text)
				}
				txt = strings.Join(b, " | ")
			} else {
				r = d.ScanText("description", it.Text)
				txt = it.Text
			}
			var ids []string
			for _, f := range r.Findings {
				ids = append(ids, fmt.Sprintf("%s:%.2f", f.RuleID, f.Weight))
			}
			l := 0
			if it.Label {
				l = 1
			}
			fmt.Printf("%s\t%d\t%v\t%.2f\t%.2f\t%s\t%s\n", p, l, r.Flagged, r.Score, r.ClassifierScore, strings.Join(ids, ","), strings.ReplaceAll(txt, "\n", "\\n"))
		}
	}
}
