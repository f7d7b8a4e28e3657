package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

// brokenDetector is a guard whose detector cannot be built.
type brokenDetector struct{ det *guard.Pending[int] }

func (g *brokenDetector) Name() string                    { return "broken" }
func (g *brokenDetector) Warm()                           { g.det.Run() }
func (g *brokenDetector) Ready(ctx context.Context) error { _, err := g.det.Wait(ctx); return err }
func (g *brokenDetector) Inspect(ctx context.Context, _ *guard.Exchange) (guard.Verdict, error) {
	if _, err := g.det.Wait(ctx); err != nil {
		return guard.Verdict{}, err
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

func readyz(t *testing.T, base string) (int, string) {
	t.Helper()
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// A whole Warden: the detectors are built after New returns, /readyz says
// so until they are, and GuardsBuilt waits for them. A detector that cannot
// be built is reported, and what its guard should inspect is refused.
func TestGuardsBuiltInTheBackground(t *testing.T) {
	us := echoUpstream(t)

	start := func(t *testing.T, guards []guard.Guard) (*App, string) {
		cfg, err := config.FromFlags("127.0.0.1:0", []string{"up=" + us.URL})
		if err != nil {
			t.Fatal(err)
		}
		cfg.DataDir = t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		a, err := New(ctx, cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Guards: guards})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close(context.Background()) })
		go a.Run(ctx)
		srv := httptest.NewServer(a.Handler())
		t.Cleanup(srv.Close)
		return a, srv.URL
	}
	// A bound against hangs, not a timing: under -race on a busy 2-core
	// machine the detectors take seconds.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	t.Run("built-in guards", func(t *testing.T) {
		a, base := start(t, nil)
		if err := a.GuardsBuilt(ctx); err != nil {
			t.Fatal(err)
		}
		for {
			code, body := readyz(t, base)
			if strings.Contains(body, "guard") {
				t.Fatalf("readyz after GuardsBuilt still names a guard: %q", body)
			}
			if code == http.StatusOK {
				break
			}
			select { // the upstream may still be connecting
			case <-ctx.Done():
				t.Fatalf("never ready: %q", body)
			case <-time.After(20 * time.Millisecond):
			}
		}
	})

	t.Run("a detector that cannot be built", func(t *testing.T) {
		g := &brokenDetector{det: guard.Later(func() (int, error) { return 0, errors.New("automaton too large") })}
		a, base := start(t, []guard.Guard{g})
		if err := a.GuardsBuilt(ctx); err == nil || !strings.Contains(err.Error(), "guard broken: automaton too large") {
			t.Fatalf("GuardsBuilt = %v", err)
		}
		if code, body := readyz(t, base); code != http.StatusServiceUnavailable || !strings.Contains(body, "guard broken (automaton too large)") {
			t.Fatalf("readyz = %d %q", code, body)
		}
		c := sdk.NewClient(&sdk.Implementation{Name: "t", Version: "1"}, nil)
		cs, err := c.Connect(ctx, &sdk.StreamableClientTransport{Endpoint: base + "/mcp"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer cs.Close()
		res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "hi"}})
		if err != nil {
			t.Fatal(err)
		}
		text := res.Content[0].(*sdk.TextContent).Text
		if !res.IsError || !strings.Contains(text, "guard broken failed") || !strings.Contains(text, "automaton too large") {
			t.Fatalf("call through a guard that cannot inspect: error %v, %q", res.IsError, text)
		}
	})
}
