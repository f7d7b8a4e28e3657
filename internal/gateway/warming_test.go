package gateway_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/guard"
)

// resultGuard stands for the injection guard: it reads results only, and
// needs a detector built first.
type resultGuard struct {
	det     *guard.Pending[string]
	waiting chan struct{} // a result is waiting for the build
	once    sync.Once
}

func (g *resultGuard) Name() string                       { return "results" }
func (g *resultGuard) Wants(p guard.Phase, _ string) bool { return p == guard.PhaseResult }
func (g *resultGuard) Warm()                              { g.det.Run() }
func (g *resultGuard) Ready(ctx context.Context) error {
	if ctx.Err() == nil { // not the readiness report's poll
		g.once.Do(func() { close(g.waiting) })
	}
	_, err := g.det.Wait(ctx)
	return err
}
func (g *resultGuard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	if _, err := g.det.Wait(ctx); err != nil {
		return guard.Verdict{}, err
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

// While a guard's detector is built, the gateway says it is not ready,
// answers what does not need that guard, and holds a call whose result
// does until the build is done.
func TestGuardBuiltWhileServing(t *testing.T) {
	release := make(chan struct{})
	g := &resultGuard{det: guard.Later(func() (string, error) { <-release; return "built", nil }), waiting: make(chan struct{})}
	up := serveUpstream(t, fixture("a", nil), false)
	url, gw, _ := startGateway(t, map[string]string{"a": up}, gwOpts{guards: []guard.Guard{g}})

	ok, down := gw.Ready()
	if ok || !slices.Contains(down, "guard results (still building)") {
		t.Fatalf("Ready = %v %q, want the guard reported as building", ok, down)
	}
	cs := connect(t, url, "2025-11-25", nil)
	if _, err := cs.ListTools(t.Context(), nil); err != nil {
		t.Fatalf("a list, which the guard does not read, waited for it or failed: %v", err)
	}
	called := make(chan *sdk.CallToolResult, 1)
	go func() {
		res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "hi"}})
		if err != nil {
			t.Error(err)
		}
		called <- res
	}()
	select {
	case res := <-called:
		t.Fatalf("a call whose result the guard reads was answered before the guard was built: %v", res)
	case <-g.waiting:
	}
	close(release)
	if res := <-called; res == nil || !strings.Contains(textOf(t, res), "a:hi") {
		t.Fatalf("after the build: %v", res)
	}
	if ok, down := gw.Ready(); !ok {
		t.Fatalf("Ready after the build = %q", down)
	}
}
