package guard

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

// Warming is implemented by guards that build something heavy before they
// can inspect. A detector's keyword automata take most of Warden's start-up
// (about half a second for the injection detector), and a desktop client
// waits for start-up before its initialize is answered. So a guard's
// constructor checks its configuration (whatever a user wrote still fails
// at start-up) and leaves the build to WarmUp, which runs it in the
// background while the upstreams start; requests that do not need the
// guard are not held up by it.
type Warming interface {
	// Warm builds, if no one has yet, and returns once built.
	Warm()
	// Ready returns nil once the guard can inspect, the build's error if
	// it failed (the chain then fails closed), or ctx's error first. It
	// starts the build if no one has. Until every guard of a chain is
	// built, the chain calls it before Inspect, outside the Inspect
	// timeout; a guard's own Inspect must wait for its build as well.
	Ready(ctx context.Context) error
}

// WarmUp builds the guards' detectors in the background: the first in
// chain order alone, then the others at once. The first is what a client
// needs first (the poisoning guard reads the server's instructions in the
// answer to initialize), and while it is built alone, a second core is left
// for the upstream's start; once it is built, nothing is waiting on the
// cores and the others share them. On a two-core machine `warden wrap`
// answered initialize in about 330 ms, against 410-500 ms with every build
// at once and 870 ms with the builds before start-up (docs/benchmarks.md,
// item 17).
func WarmUp(guards ...Guard) {
	var ws []Warming
	for _, g := range guards {
		if w, ok := g.(Warming); ok {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return
	}
	go func() {
		ws[0].Warm()
		for _, w := range ws[1:] {
			go w.Warm()
		}
	}()
}

// Pending is a value built once, by whoever asks first: WarmUp's worker
// (Run) or a caller that needs it (Wait).
type Pending[T any] struct {
	started atomic.Bool
	once    sync.Once
	build   func() (T, error)
	done    chan struct{}
	v       T
	err     error
}

// Later returns a Pending that builds with f when first run or waited for.
func Later[T any](f func() (T, error)) *Pending[T] {
	return &Pending[T]{build: f, done: make(chan struct{})}
}

// Built is a Pending that is already done (a value passed in, tests).
func Built[T any](v T) *Pending[T] {
	p := &Pending[T]{done: make(chan struct{}), v: v}
	p.once.Do(func() { close(p.done) })
	return p
}

// Run builds, unless someone has, and returns once the value is built. A
// panic in the build becomes its error, so a guard whose detector cannot
// be built fails closed instead of taking the process down.
func (p *Pending[T]) Run() {
	p.started.Store(true)
	p.once.Do(func() {
		defer close(p.done)
		defer func() {
			if r := recover(); r != nil {
				p.err = fmt.Errorf("panic: %v", r)
			}
		}()
		p.v, p.err = p.build()
	})
	<-p.done
}

// Wait returns the value once it is built, starting the build if no one
// has, or ctx's error if ctx ends first. A finished build wins over an
// ended ctx, and an ended ctx starts nothing: a canceled context polls.
func (p *Pending[T]) Wait(ctx context.Context) (T, error) {
	select {
	case <-p.done:
		return p.v, p.err
	default:
	}
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	if p.started.CompareAndSwap(false, true) {
		go p.Run()
	}
	select {
	case <-p.done:
		return p.v, p.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// errBuilding is what Building reports for a guard still being built.
var errBuilding = errors.New("still building")

// ready waits for g if it is Warming.
func ready(ctx context.Context, g Guard) error {
	if w, ok := g.(Warming); ok {
		return w.Ready(ctx)
	}
	return nil
}

// WaitReady waits until every guard can inspect: a reload swaps the chain
// only once the new guards are built, and a configuration check reports a
// build's error. The first error is returned, naming its guard.
func WaitReady(ctx context.Context, guards ...Guard) error {
	for _, g := range guards {
		if err := ready(ctx, g); err != nil {
			return fmt.Errorf("guard %s: %w", g.Name(), err)
		}
	}
	return nil
}

// Building lists the guards of the chain that cannot inspect yet, each with
// why (still building, or the build's error), without waiting: for the
// gateway's readiness report.
func (c *Chain) Building() []string {
	if c == nil {
		return nil
	}
	if c.allBuilt() {
		return nil
	}
	polled, cancel := context.WithCancel(context.Background())
	cancel()
	var out []string
	for _, g := range c.guards {
		err := ready(polled, g)
		switch {
		case err == nil:
		case errors.Is(err, context.Canceled):
			out = append(out, fmt.Sprintf("guard %s (%v)", g.Name(), errBuilding))
		default:
			out = append(out, fmt.Sprintf("guard %s (%v)", g.Name(), err))
		}
	}
	return out
}

// allBuilt reports whether every Warming guard of the chain is built, and
// remembers it, so that the chain stops asking once start-up is over.
func (c *Chain) allBuilt() bool { return c.built.Load() || c.pollBuilt() }

func (c *Chain) pollBuilt() bool {
	polled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, g := range c.guards {
		if ready(polled, g) != nil {
			return false
		}
	}
	c.built.Store(true)
	return true
}
