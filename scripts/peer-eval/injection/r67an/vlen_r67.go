//go:build ignore

// vlen_r67 (round 67, analysis only): per file, windows whose classifier
// view is longer than the 8 KB the model reads, and the longest view.
package main

import (
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

func main() {
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1})
	if err != nil {
		panic(err)
	}
	for _, f := range os.Args[1:] {
		over, wins, longest := 0, 0, 0
		err = labelled.Each([]string{f}, func(fn string, line int, it labelled.Item) error {
			for _, w := range d.Windows(it.Text) {
				n := len(detect.InjectionClassifierTextIn(it.Text, w[0], w[1]))
				wins++
				longest = max(longest, n)
				if n > 8<<10 {
					over++
				}
			}
			return nil
		})
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s windows %d over8K %d longest %d\n", f, wins, over, longest)
	}
}
