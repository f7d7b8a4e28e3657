package transport

import (
	"context"
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	tests := []struct {
		initial, max time.Duration
		want         []time.Duration // upper bounds per attempt; lower is half
	}{
		{100 * time.Millisecond, time.Second, []time.Duration{100, 200, 400, 800, 1000, 1000}},
		{0, 0, []time.Duration{100, 200, 400}},
		{time.Second, 10 * time.Millisecond, []time.Duration{1000, 1000}},
	}
	for _, tt := range tests {
		b := Backoff{Initial: tt.initial, Max: tt.max}
		for round := 0; round < 2; round++ {
			for i, ms := range tt.want {
				hi := ms * time.Millisecond
				if d := b.Next(); d < hi/2 || d > hi {
					t.Fatalf("%v/%v attempt %d: %v not in [%v, %v]", tt.initial, tt.max, i, d, hi/2, hi)
				}
			}
			b.Reset()
		}
	}
	b := Backoff{Initial: time.Hour}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Wait(ctx); err != context.Canceled {
		t.Fatalf("Wait on cancelled ctx = %v", err)
	}
}
