package secrets

import (
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// threadCPU is the CPU time the calling OS thread has used. On a shared,
// overloaded machine it measures the work better than wall time.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestThroughputCPU reports MB per CPU-second for the benchmark texts.
// Run with WARDEN_THROUGHPUT=1 go test -run TestThroughputCPU -v.
func TestThroughputCPU(t *testing.T) {
	if os.Getenv("WARDEN_THROUGHPUT") == "" {
		t.Skip("set WARDEN_THROUGHPUT=1")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for _, tc := range []struct {
		name string
		text string
		pii  bool
	}{
		{"prose-100K", benchText(100_000), false},
		{"keyword-dense-100K", keywordDense(100_000), false},
		{"prose-100K-pii", benchText(100_000), true},
	} {
		s, err := New(Options{PII: tc.pii})
		if err != nil {
			t.Fatal(err)
		}
		best := time.Duration(1 << 62)
		for round := 0; round < 5; round++ {
			n := 0
			c0 := threadCPU()
			for threadCPU()-c0 < 100*time.Millisecond {
				s.Scan(tc.text)
				n++
			}
			per := (threadCPU() - c0) / time.Duration(n)
			best = min(best, per)
		}
		t.Logf("%-20s %8.1f µs CPU per scan, %7.1f MB per CPU-second", tc.name, float64(best)/1e3, float64(len(tc.text))/best.Seconds()/1e6)
	}
}
