package policy_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/gateway/gatewaytest"
	"github.com/warden-mcp/warden/internal/guard"
	policyguard "github.com/warden-mcp/warden/internal/guard/policy"
	"github.com/warden-mcp/warden/internal/transport"
)

// startGateway serves up (a go-sdk server on loopback) as upstream "db"
// behind a real gateway whose chain is the policy guard of the
// configuration document doc followed by the guards more builds from it.
// It returns the gateway's base URL and its auditor; everything stops when
// the test ends.
func startGateway(t *testing.T, up *sdk.Server, doc string, auth gateway.Authenticator, more func(*config.Config, *slog.Logger) ([]guard.Guard, error)) (string, *gatewaytest.Auditor) {
	t.Helper()
	upSrv := httptest.NewServer(sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return up }, nil))
	t.Cleanup(upSrv.Close)

	cfgPath := filepath.Join(t.TempDir(), "warden.yaml")
	if err := os.WriteFile(cfgPath, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	pg, err := policyguard.New(cfg.Guard("policy"), log)
	if err != nil {
		t.Fatal(err)
	}
	guards := []guard.Guard{pg}
	if more != nil {
		extra, err := more(cfg, log)
		if err != nil {
			t.Fatal(err)
		}
		guards = append(guards, extra...)
	}
	ups := []*gateway.Upstream{gateway.NewUpstream(gateway.UpstreamOptions{
		Name: "db", Dialer: &transport.StreamableDialer{URL: upSrv.URL}, Logger: log, Timeout: 10 * time.Second,
		ClientName: "warden-test", ClientVersion: "0", InitialBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
	})}
	aud := &gatewaytest.Auditor{}
	g, err := gateway.New(gateway.Options{Upstreams: ups, Chain: guard.NewChain(2*time.Second, guards...),
		Auditor: aud, Logger: log, MaxSessions: 100})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { g.Run(ctx); close(done) }()
	srv := httptest.NewServer(g.HTTPHandler(gateway.HTTPOptions{LoopbackOnly: true, Auth: auth}))
	t.Cleanup(func() { srv.Close(); cancel(); <-done })
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := ups[0].WaitReady(wctx); err != nil {
		t.Fatal(err)
	}
	return srv.URL, aud
}
