// Command r39cands prints each item's task-candidate sentences (tune diagnostics, round 39).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
)

func main() {
	d, err := detect.NewInjection(detect.Options{})
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(nil, 1<<26)
	n := 0
	for sc.Scan() {
		n++
		var it struct {
			Text     string `json:"text"`
			Category string `json:"category"`
		}
		if json.Unmarshal(sc.Bytes(), &it) != nil {
			continue
		}
		for _, s := range d.InjectionTaskSentences(it.Text) {
			fmt.Printf("%d\t%s\t%q\n", n, it.Category, it.Text[s[0]:s[1]])
		}
	}
}
