//go:build ignore

// probe_r25: round 25's probe (scratch, not built with the module). Reads
// tool descriptions, one JSON string per line on stdin, and prints the
// score, classifier score and rule IDs of each as a poisoning tool
// description. Copy it into a tree:
//
//	mkdir TREE/cmd/probe25 && sed 1,2d probe_r25.go > TREE/cmd/probe25/main.go
//	cd TREE && go run ./cmd/probe25 < probes.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
)

func main() {
	p, err := detect.NewPoisoning(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var s string
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			panic(err)
		}
		res := p.ScanTool(detect.ToolText{Fields: []detect.Field{{Path: "description", Text: s}}})
		var ids []string
		for _, f := range res.Findings {
			ids = append(ids, fmt.Sprintf("%s:%.2f[%d:%d]", f.RuleID, f.Weight, f.Start, f.End))
		}
		fmt.Printf("%.2f clf %.2f %v %q\n", res.Score, res.ClassifierScore, ids, s[:min(len(s), 70)])
	}
}
