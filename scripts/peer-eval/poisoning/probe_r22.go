//go:build ignore

// probe_r22: round 22's development probe (scratch, not built with the
// module; round 20's probe printing up to 1,500 characters). Per file: poisoned
// found and benign flagged; with -list
// fp|fn|capfp|cap it prints those tools with their rule IDs and text. Tune
// files only: it refuses any path containing "heldout". Copy it into a tree:
//
//	mkdir TREE/cmd/probe22 && sed 1,2d probe_r22.go > TREE/cmd/probe22/main.go
//	cd TREE && go run ./cmd/probe22 [-list fp] FILE...
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

func main() {
	list := flag.String("list", "", "fp|fn|capfp|cap")
	flag.Parse()
	p, err := detect.NewPoisoning(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	var tb, tf int
	for _, file := range flag.Args() {
		if strings.Contains(file, "heldout") {
			fmt.Fprintln(os.Stderr, "refusing", file)
			os.Exit(1)
		}
		items, _, err := corpus.LoadFile(file)
		if err != nil {
			panic(err)
		}
		var mal, ben, tp, fp, capHits int
		for _, it := range items {
			if !it.IsTool() {
				continue
			}
			res := p.ScanTool(it.Tool)
			var ids []string
			isCap := false
			for _, f := range res.Findings {
				ids = append(ids, fmt.Sprintf("%s:%.2f", f.RuleID, f.Weight))
				if strings.HasPrefix(f.RuleID, "capability.") {
					isCap = true
				}
			}
			if it.Label {
				mal++
				if res.Flagged {
					tp++
				}
			} else {
				ben++
				if res.Flagged {
					fp++
					if isCap {
						capHits++
					}
				}
			}
			txt := ""
			for _, f := range it.Tool.Fields {
				txt += f.Text + " | "
			}
			if len(txt) > 1500 {
				txt = txt[:1500]
			}
			show := false
			switch *list {
			case "fp":
				show = !it.Label && res.Flagged
			case "fn":
				show = it.Label && !res.Flagged
			case "capfp":
				show = !it.Label && isCap
			case "cap":
				show = isCap
			}
			if show {
				fmt.Printf("  [%v %.2f] %s %v\n      %q\n", it.Label, res.Score, it.Tool.Name, ids, txt)
			}
		}
		tb += ben
		tf += fp
		fmt.Printf("%-60s mal=%4d tp=%4d ben=%4d fp=%3d capfp=%d\n", file, mal, tp, ben, fp, capHits)
	}
	fmt.Printf("TOTAL benign %d flagged %d\n", tb, tf)
}
