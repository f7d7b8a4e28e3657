package guard

import (
	"context"
	"testing"
)

// builtGuard is a guard whose detector is built, as after start-up; it
// answers Ready (guard.Warming) the way the detector guards do.
type builtGuard struct {
	name string
	done chan struct{}
}

func (g builtGuard) Name() string { return g.name }
func (g builtGuard) Warm()        {}
func (g builtGuard) Ready(ctx context.Context) error {
	select {
	case <-g.done:
		return nil
	default:
	}
	select {
	case <-g.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
func (g builtGuard) Inspect(context.Context, *Exchange) (Verdict, error) {
	return Verdict{Action: Allow}, nil
}

// BenchmarkChainRun is the chain's own cost for one result through the
// default chain's shape: eight guards, three of them with a detector.
func BenchmarkChainRun(b *testing.B) {
	done := make(chan struct{})
	close(done)
	allow := verdict(Allow, "")
	c := NewChain(0, allow, builtGuard{"poisoning", done}, allow, allow, allow,
		builtGuard{"secrets", done}, builtGuard{"injection", done}, allow)
	ex := &Exchange{Phase: PhaseResult, Method: "tools/call"}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		c.Run(ctx, ex)
	}
}
