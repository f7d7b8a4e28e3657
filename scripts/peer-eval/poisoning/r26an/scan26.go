//go:build ignore

// scan26: one description per stdin line -> score and rule ids (own probes only).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
)

func main() {
	p, _ := detect.NewPoisoning(detect.Options{ExplainTop: -1})
	s := bufio.NewScanner(os.Stdin)
	for s.Scan() {
		r := p.ScanTool(detect.ToolText{Fields: []detect.Field{{Path: "name", Text: "tool"}, {Path: "description", Text: s.Text()}}})
		var ids []string
		for _, f := range r.Findings {
			ids = append(ids, fmt.Sprintf("%s:%.2f", f.RuleID, f.Weight))
		}
		fmt.Printf("%v %.2f r=%.2f c=%.2f [%s] %s\n", r.Flagged, r.Score, r.RuleScore, r.ClassifierScore, strings.Join(ids, ","), s.Text())
	}
}
