package ratelimit

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

// The client name is whatever the client says it is (clientInfo in
// initialize, or in each stateless request's _meta), so a caller that
// changes it, or opens a new session, must still draw from the same
// per-principal buckets and concurrency slots.
func TestLimitsHoldAcrossClientNamesAndSessions(t *testing.T) {
	minute := config.Duration(time.Minute)
	tests := []struct {
		name string
		s    Settings
		rule string
	}{
		{"per principal", Settings{PerPrincipal: Limit{Rate: 0.001, Burst: 3}, SlotTimeout: minute}, "per_principal"},
		{"per tool", Settings{PerTool: Limit{Rate: 0.001, Burst: 3}, SlotTimeout: minute}, "per_tool"},
		{"concurrent", Settings{Concurrent: 3, SlotTimeout: minute}, "concurrent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := &clock{t: time.Unix(1e9, 0)}
			g := NewWithSettings(tt.s, nil, clk.now)
			for i := range 4 {
				// Each call a new session (or none: stateless) and a new client name.
				ex := call("mallory", fmt.Sprintf("client-%d", i), "s", "x")
				ex.Session.ID = ""
				if i%2 == 1 {
					ex.Session.ID = fmt.Sprintf("session-%d", i)
				}
				v, err := g.Inspect(context.Background(), ex)
				if err != nil {
					t.Fatal(err)
				}
				if i < 3 && v.Action != guard.Allow {
					t.Fatalf("call %d limited early: %+v", i, v)
				}
				if i == 3 && (v.Action != guard.Deny || v.Rule != tt.rule) {
					t.Fatalf("call %d with a fresh client name was not limited: %+v", i, v)
				}
			}
			// Another principal is not affected.
			if v, _ := g.Inspect(context.Background(), call("alice", "client-0", "s", "x")); v.Action != guard.Allow {
				t.Fatalf("other principal limited: %+v", v)
			}
		})
	}
}

// Parallel callers never get more than the burst, nor more calls in flight
// than the cap; run with -race.
func TestParallelCallersRespectLimits(t *testing.T) {
	const burst, workers, per, cap = 50, 16, 40, 4
	g := NewWithSettings(Settings{PerPrincipal: Limit{Rate: 1e-9, Burst: burst}, SlotTimeout: config.Duration(time.Minute)}, nil, nil)
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				v, err := g.Inspect(context.Background(), call("p", fmt.Sprintf("c%d-%d", w, i), "s", "x"))
				if err != nil {
					t.Error(err)
					return
				}
				if v.Action == guard.Allow {
					allowed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if got := allowed.Load(); got != burst {
		t.Fatalf("%d calls allowed in parallel, want exactly the burst %d", got, burst)
	}

	c := NewWithSettings(Settings{Concurrent: cap, SlotTimeout: config.Duration(time.Minute)}, nil, nil)
	var inflight, peak atomic.Int64
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				ex := call("p", fmt.Sprintf("c%d-%d", w, i), "s", "x")
				v, _ := c.Inspect(context.Background(), ex)
				if v.Action != guard.Allow {
					continue
				}
				n := inflight.Add(1)
				for {
					old := peak.Load()
					if n <= old || peak.CompareAndSwap(old, n) {
						break
					}
				}
				time.Sleep(50 * time.Microsecond)
				inflight.Add(-1)
				if i%2 == 0 {
					c.Inspect(context.Background(), result(ex))
				} else {
					c.Finish(ex)
				}
			}
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > cap {
		t.Fatalf("%d calls in flight at once, cap %d", p, cap)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.inflight) != 0 {
		t.Fatalf("slots leaked: %v", c.inflight)
	}
}
