package guard

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// warming is a guard whose inspection needs a build, as the detector
// guards do.
type warming struct {
	name string
	p    *Pending[string]
}

func newWarming(name string, build func() (string, error)) *warming {
	return &warming{name: name, p: Later(build)}
}

func (w *warming) Name() string                    { return w.name }
func (w *warming) Warm()                           { w.p.Run() }
func (w *warming) Ready(ctx context.Context) error { _, err := w.p.Wait(ctx); return err }
func (w *warming) Inspect(ctx context.Context, ex *Exchange) (Verdict, error) {
	v, err := w.p.Wait(ctx)
	if err != nil {
		return Verdict{}, err
	}
	return Verdict{Action: Allow, Reason: v}, nil
}

func TestPendingBuildsOnce(t *testing.T) {
	var builds atomic.Int32
	release := make(chan struct{})
	p := Later(func() (int, error) {
		builds.Add(1)
		<-release
		return 42, nil
	})
	var wg sync.WaitGroup
	got := make([]int, 8)
	for i := range got {
		wg.Go(func() {
			if i%2 == 0 {
				p.Run()
			}
			got[i], _ = p.Wait(context.Background())
		})
	}
	close(release)
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Fatalf("built %d times, want once", n)
	}
	for i, v := range got {
		if v != 42 {
			t.Fatalf("caller %d got %d, want 42", i, v)
		}
	}
}

func TestPendingWait(t *testing.T) {
	t.Run("a canceled context polls and starts nothing", func(t *testing.T) {
		var builds atomic.Int32
		p := Later(func() (int, error) { builds.Add(1); return 1, nil })
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := p.Wait(ctx); !errors.Is(err, context.Canceled) {
			t.Fatalf("Wait on a canceled context: %v, want context.Canceled", err)
		}
		if n := builds.Load(); n != 0 {
			t.Fatalf("a poll started %d builds", n)
		}
		p.Run()
		if v, err := p.Wait(ctx); v != 1 || err != nil {
			t.Fatalf("after the build a canceled context still gets the value: %d, %v", v, err)
		}
	})
	t.Run("the first wait starts the build", func(t *testing.T) {
		p := Later(func() (string, error) { return "built", nil })
		if v, err := p.Wait(context.Background()); v != "built" || err != nil {
			t.Fatalf("Wait = %q, %v", v, err)
		}
	})
	t.Run("a context that ends first", func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		p := Later(func() (int, error) { <-release; return 1, nil })
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
		defer cancel()
		if _, err := p.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Wait = %v, want the context's deadline", err)
		}
	})
	t.Run("an error and a panic are the build's error", func(t *testing.T) {
		boom := errors.New("boom")
		if _, err := Later(func() (int, error) { return 0, boom }).Wait(context.Background()); !errors.Is(err, boom) {
			t.Fatalf("error: %v", err)
		}
		_, err := Later(func() (int, error) { panic("no automaton") }).Wait(context.Background())
		if err == nil || !strings.Contains(err.Error(), "no automaton") {
			t.Fatalf("panic: %v", err)
		}
	})
	t.Run("built", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if v, err := Built(7).Wait(ctx); v != 7 || err != nil {
			t.Fatalf("Built(7).Wait = %d, %v", v, err)
		}
	})
}

func TestWarmUpBuildsTheFirstAlone(t *testing.T) {
	release := make(chan struct{})
	var firstDone atomic.Bool
	var wg sync.WaitGroup
	wg.Add(3)
	first := newWarming("poisoning", func() (string, error) {
		defer wg.Done()
		<-release
		firstDone.Store(true)
		return "", nil
	})
	later := func(name string) *warming {
		return newWarming(name, func() (string, error) {
			defer wg.Done()
			if !firstDone.Load() {
				t.Errorf("%s was built while the first guard was still building", name)
			}
			return "", nil
		})
	}
	WarmUp(verdict(Allow, ""), first, later("secrets"), later("injection"))
	time.Sleep(20 * time.Millisecond) // room for a wrong order to show
	close(release)
	wg.Wait()
}

func TestChainWaitsForWarmingGuards(t *testing.T) {
	ex := &Exchange{Phase: PhaseResult, Method: "tools/call"}
	t.Run("a slow build is waited for outside the inspect timeout", func(t *testing.T) {
		w := newWarming("injection", func() (string, error) {
			time.Sleep(50 * time.Millisecond)
			return "built", nil
		})
		c := NewChain(5*time.Millisecond, w)
		if got := c.Building(); len(got) != 1 || !strings.Contains(got[0], "injection (still building)") {
			t.Fatalf("Building before the first use = %q", got)
		}
		out := c.Run(context.Background(), ex)
		if out.Final.Action != Allow {
			t.Fatalf("verdict %s (%s), want allow once built", out.Final.Action, out.Final.Reason)
		}
		if got := c.Building(); len(got) != 0 {
			t.Fatalf("Building after the build = %q, want none", got)
		}
	})
	t.Run("a failed build fails closed and says why", func(t *testing.T) {
		w := newWarming("poisoning", func() (string, error) { return "", errors.New("automaton too large") })
		next := fn{name: "next", f: func(context.Context, *Exchange) (Verdict, error) {
			t.Error("a guard after a failed build ran")
			return Verdict{}, nil
		}}
		c := NewChain(time.Second, w, next)
		out := c.Run(context.Background(), ex)
		if out.Final.Action != Deny || out.Final.Rule != "fail_closed" || !strings.Contains(out.Final.Reason, "automaton too large") {
			t.Fatalf("verdict %+v, want a fail-closed deny naming the build's error", out.Final)
		}
		if got := c.Building(); len(got) != 1 || !strings.Contains(got[0], "automaton too large") {
			t.Fatalf("Building = %q, want the failed guard", got)
		}
		if err := WaitReady(context.Background(), w); err == nil || !strings.Contains(err.Error(), "guard poisoning") {
			t.Fatalf("WaitReady = %v, want the guard named", err)
		}
	})
	t.Run("a request that ends while waiting is refused", func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		w := newWarming("secrets", func() (string, error) { <-release; return "", nil })
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
		defer cancel()
		out := NewChain(0, w).Run(ctx, ex)
		if out.Final.Action != Deny || !strings.Contains(out.Final.Reason, "did not decide in time") {
			t.Fatalf("verdict %+v, want a deny for the deadline", out.Final)
		}
	})
}
