package transport

import (
	"context"
	"math/rand/v2"
	"time"
)

// Backoff computes exponentially growing, jittered delays between redials.
// The zero value starts at 100ms and caps at 30s. It is not safe for
// concurrent use; give each redial loop its own.
type Backoff struct {
	Initial time.Duration
	Max     time.Duration

	attempt int
}

// Next returns the delay before the next attempt: Initial doubled per
// attempt, capped at Max, with "equal jitter" (somewhere in [d/2, d]) so a
// fleet of gateways does not redial in lockstep.
func (b *Backoff) Next() time.Duration {
	initial, max := b.Initial, b.Max
	if initial <= 0 {
		initial = 100 * time.Millisecond
	}
	if max <= 0 {
		max = 30 * time.Second
	}
	if max < initial {
		max = initial
	}
	d := initial
	for i := 0; i < b.attempt && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	if b.attempt < 62 {
		b.attempt++
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// Reset starts over after a connection proved healthy.
func (b *Backoff) Reset() { b.attempt = 0 }

// Wait sleeps for Next() or until ctx is done, whichever comes first.
func (b *Backoff) Wait(ctx context.Context) error {
	return sleep(ctx, b.Next())
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
