// Package gatewaytest holds helpers for tests that run a real gateway.
package gatewaytest

import (
	"context"
	"sync"

	"github.com/warden-mcp/warden/internal/gateway"
)

// Auditor keeps audit events in memory. SetFailure makes it refuse events,
// as a full disk would, so tests can check that the gateway fails closed.
type Auditor struct {
	mu     sync.Mutex
	events []gateway.Event
	fail   error
}

// Record implements gateway.Auditor.
func (a *Auditor) Record(_ context.Context, ev gateway.Event) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.fail != nil {
		return a.fail
	}
	a.events = append(a.events, ev)
	return nil
}

// Enqueue implements gateway.Auditor.
func (a *Auditor) Enqueue(ev gateway.Event) error { return a.Record(context.Background(), ev) }

// SetFailure makes every later Record and Enqueue return err (nil: accept).
func (a *Auditor) SetFailure(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.fail = err
}

// Find returns the recorded events that satisfy pred.
func (a *Auditor) Find(pred func(gateway.Event) bool) []gateway.Event {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []gateway.Event
	for _, e := range a.events {
		if pred(e) {
			out = append(out, e)
		}
	}
	return out
}

// Count returns how many events have this kind and verdict.
func (a *Auditor) Count(kind, verdict string) int {
	return len(a.Find(func(e gateway.Event) bool { return e.Kind == kind && e.Verdict == verdict }))
}
