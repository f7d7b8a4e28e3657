//go:build ignore

// cands (round 33): every task candidate of the clean items of FILE... (run with go run in a tree; diff two trees).

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
)

func main() {
	d, _ := detect.NewInjection(detect.Options{})
	for _, fn := range os.Args[1:] {
		f, _ := os.Open(fn)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<27)
		for n := 1; sc.Scan(); n++ {
			var it struct {
				Text  string
				Label int
			}
			json.Unmarshal(sc.Bytes(), &it)
			if it.Label != 0 {
				continue
			}
			for _, c := range d.InjectionTaskSentences(it.Text) {
				fmt.Printf("%s\t%d\t%d\t%q\n", fn, n, c[0], strings.TrimSpace(it.Text[max(0, c[0]-40):c[1]]))
			}
		}
	}
}
