package detect

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// buildEach runs build(i) for i in [0, n) on up to GOMAXPROCS goroutines
// and returns the results in index order, or the error of the lowest
// index that failed. Detector construction derives each rule's leads and
// units independently of the others, and a desktop client waits for it
// (initialize waits for the poisoning detector, the first tool result for
// the injection detector): spread over the cores it takes about half the
// time on two. Results are assembled in order by the caller, so what is
// built does not depend on scheduling.
func buildEach[T any](n int, build func(i int) (T, error)) ([]T, error) {
	out := make([]T, n)
	errs := make([]error, n)
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			if out[i], errs[i] = build(i); errs[i] != nil {
				return nil, errs[i]
			}
		}
		return out, nil
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				out[i], errs[i] = build(i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
