// Command probe prints, per labelled item, the score, the number of windows and
// task candidates, and the window model's probability on the whole text: what
// decides a miss of a short attack prompt (round 66 analysis; tune data only).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/model"
)

func main() {
	d, err := detect.NewInjection(detect.Options{})
	if err != nil {
		panic(err)
	}
	m, err := detect.LoadModel(model.Injection)
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var it struct {
			Text     string `json:"text"`
			Label    int    `json:"label"`
			Category string `json:"category"`
		}
		if json.Unmarshal(sc.Bytes(), &it) != nil {
			continue
		}
		r := d.ScanDocument("t", it.Text)
		w := d.Windows(it.Text)
		ts := d.InjectionTaskSentences(it.Text)
		f := detect.Features(nil, detect.InjectionClassifierText(it.Text), m.Bits, m.Set)
		ids := []string{}
		for _, fd := range r.Findings {
			ids = append(ids, fmt.Sprintf("%s:%.2f", fd.RuleID, fd.Weight))
		}
		out, _ := json.Marshal(map[string]any{"l": it.Label, "c": it.Category, "s": r.Score, "w": len(w), "t": len(ts), "p": m.Prob(f), "r": ids, "x": it.Text})
		fmt.Println(string(out))
	}
}
