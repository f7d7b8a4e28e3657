package guard

import (
	"context"
	"sync"
	"time"
)

// lazyDeadline bounds one guard's Inspect. Most guards only compute and
// never wait on their context, so the timer (and the registration with the
// request's context that context.WithDeadline makes) is set up only when a
// guard asks for Done; Err answers from the clock until then. A timer per
// guard per message was a measurable share of the chain's cost.
type lazyDeadline struct {
	context.Context // the parent
	deadline        time.Time

	mu     sync.Mutex
	inner  context.Context
	cancel context.CancelFunc
}

func withLazyDeadline(parent context.Context, d time.Duration) *lazyDeadline {
	return &lazyDeadline{Context: parent, deadline: time.Now().Add(d)}
}

func (c *lazyDeadline) Deadline() (time.Time, bool) {
	if d, ok := c.Context.Deadline(); ok && d.Before(c.deadline) {
		return d, true
	}
	return c.deadline, true
}

func (c *lazyDeadline) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.inner == nil {
		c.inner, c.cancel = context.WithDeadline(c.Context, c.deadline)
	}
	return c.inner.Done()
}

func (c *lazyDeadline) Err() error {
	c.mu.Lock()
	inner := c.inner
	c.mu.Unlock()
	if inner != nil {
		return inner.Err()
	}
	if err := c.Context.Err(); err != nil {
		return err
	}
	if !time.Now().Before(c.deadline) {
		return context.DeadlineExceeded
	}
	return nil
}

// release stops the timer, if one was set up.
func (c *lazyDeadline) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancel != nil {
		c.cancel()
	}
}
