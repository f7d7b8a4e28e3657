//go:build ignore

// zero_r67 (round 67, analysis only): the shipped window model's weight
// distribution, and a search for a shape token whose word, pair (with
// itself) and triple (with itself) features weigh (nearly) nothing:
// every PREFIX + LETTERS lower-case letters (default 3), best 15 printed.
//
//	go run zero_r67.go mo 3   # machineWord "mohij": 0, 0, 0
package main

import (
	"fmt"
	"math"
	"os"
	"sort"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/model"
)

func main() {
	m, err := detect.LoadModel(model.Injection)
	if err != nil {
		panic(err)
	}
	abs := make([]float64, len(m.Weights))
	for i, w := range m.Weights {
		abs[i] = math.Abs(float64(w))
	}
	sort.Float64s(abs)
	for _, q := range []float64{0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9} {
		fmt.Printf("q%.2f |w| %.4f\n", q, abs[int(q*float64(len(abs)))])
	}
	prefix := os.Args[1]
	const letters = "abcdefghijklmnopqrstuvwxyz"
	type cand struct {
		z string
		w [3]float64
		s float64
	}
	var cs []cand
	var gen func(p string, k int)
	gen = func(p string, k int) {
		if k == 0 {
			f := detect.Features(nil, p+" "+p+" "+p, m.Bits, m.Set)
			if len(f) != 6 {
				return
			}
			w := [3]float64{float64(m.Weights[f[0]]), float64(m.Weights[f[2]]), float64(m.Weights[f[5]])}
			s := math.Max(math.Abs(w[0]), math.Max(math.Abs(w[1]), math.Abs(w[2])))
			cs = append(cs, cand{p, w, s})
			return
		}
		for i := 0; i < len(letters); i++ {
			gen(p+letters[i:i+1], k-1)
		}
	}
	k := 3
	if len(os.Args) > 2 {
		fmt.Sscan(os.Args[2], &k)
	}
	gen(prefix, k)
	sort.Slice(cs, func(i, j int) bool { return cs[i].s < cs[j].s })
	for _, c := range cs[:15] {
		fmt.Printf("%s %.5f %.5f %.5f\n", c.z, c.w[0], c.w[1], c.w[2])
	}
}
