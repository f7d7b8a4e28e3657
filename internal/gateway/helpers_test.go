package gateway_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/gateway/gatewaytest"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/transport"
)

type echoIn struct {
	Text string `json:"text"`
}

// fixture builds an upstream MCP server with an echo tool that reports
// which server answered, a prompt and a resource.
func fixture(name string, extra func(*sdk.Server)) *sdk.Server {
	s := sdk.NewServer(&sdk.Implementation{Name: name, Version: "1"}, &sdk.ServerOptions{Instructions: "server " + name})
	sdk.AddTool(s, &sdk.Tool{Name: "echo", Description: "echoes"}, func(ctx context.Context, req *sdk.CallToolRequest, in echoIn) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: name + ":" + in.Text}}}, nil, nil
	})
	s.AddPrompt(&sdk.Prompt{Name: "greet"}, func(ctx context.Context, req *sdk.GetPromptRequest) (*sdk.GetPromptResult, error) {
		return &sdk.GetPromptResult{Messages: []*sdk.PromptMessage{{Role: "user", Content: &sdk.TextContent{Text: "hello from " + name}}}}, nil
	})
	s.AddResource(&sdk.Resource{URI: "test://" + name + "/doc", Name: "doc", MIMEType: "text/plain"},
		func(ctx context.Context, req *sdk.ReadResourceRequest) (*sdk.ReadResourceResult, error) {
			return &sdk.ReadResourceResult{Contents: []*sdk.ResourceContents{{URI: req.Params.URI, Text: "doc of " + name}}}, nil
		})
	if extra != nil {
		extra(s)
	}
	return s
}

// serveUpstream serves s over Streamable HTTP on loopback.
func serveUpstream(t testing.TB, s *sdk.Server, stateless bool) string {
	t.Helper()
	h := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return s }, &sdk.StreamableHTTPOptions{Stateless: stateless})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

type gwOpts struct {
	guards  []guard.Guard
	auth    gateway.Authenticator
	max     int64
	proto   string
	timeout time.Duration
	dialers map[string]transport.Dialer
	noWait  bool
	scope   func(p *guard.Principal, server, method, name string) error
}

// startGateway runs a gateway over the given upstream URLs and serves it.
func startGateway(t testing.TB, ups map[string]string, o gwOpts) (string, *gateway.Gateway, *gatewaytest.Auditor) {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	dialers := map[string]transport.Dialer{}
	for n, u := range ups {
		dialers[n] = &transport.StreamableDialer{URL: u}
	}
	for n, d := range o.dialers {
		dialers[n] = d
	}
	names := make([]string, 0, len(dialers))
	for n := range dialers {
		names = append(names, n)
	}
	sortStrings(names)
	if o.timeout == 0 {
		o.timeout = 10 * time.Second
	}
	var list []*gateway.Upstream
	for _, n := range names {
		list = append(list, gateway.NewUpstream(gateway.UpstreamOptions{
			Name: n, Dialer: dialers[n], Logger: log,
			Protocol: o.proto, Timeout: o.timeout, ClientName: "warden-test", ClientVersion: "0",
			InitialBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
		}))
	}
	aud := &gatewaytest.Auditor{}
	g, err := gateway.New(gateway.Options{
		Upstreams: list, Chain: guard.NewChain(time.Second, o.guards...), Auditor: aud, Logger: log,
		AuditAllows: true, MaxSessions: 100,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { g.Run(ctx); close(done) }()
	srv := httptest.NewServer(g.HTTPHandler(gateway.HTTPOptions{LoopbackOnly: true, Auth: o.auth, MaxMessageBytes: o.max, ScopeCheck: o.scope}))
	t.Cleanup(func() { srv.Close(); cancel(); <-done })
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	for _, u := range g.Upstreams() {
		if o.noWait {
			break
		}
		if err := u.WaitReady(wctx); err != nil {
			t.Fatal(err)
		}
	}
	return srv.URL + "/mcp", g, aud
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// connect opens a go-sdk client session to url with the given protocol
// version ("" for the SDK's default, the stateless protocol).
func connect(t *testing.T, url, version string, opts *sdk.ClientOptions) *sdk.ClientSession {
	t.Helper()
	c := sdk.NewClient(&sdk.Implementation{Name: "test-client", Version: "1"}, opts)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var so *sdk.ClientSessionOptions
	if version != "" {
		so = &sdk.ClientSessionOptions{ProtocolVersion: version}
	}
	cs, err := c.Connect(ctx, &sdk.StreamableClientTransport{Endpoint: url}, so)
	if err != nil {
		t.Fatalf("connect (%s): %v", version, err)
	}
	t.Cleanup(func() { cs.Close() })
	return cs
}

func textOf(t *testing.T, res *sdk.CallToolResult) string {
	t.Helper()
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*sdk.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

// post sends one raw JSON-RPC message with headers and returns status and body.
func post(t *testing.T, url string, body string, hdr map[string]string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func modernMeta() string {
	return `"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}`
}

func modernHeaders(method, name string) map[string]string {
	h := map[string]string{"MCP-Protocol-Version": "2026-07-28", "Mcp-Method": method}
	if name != "" {
		h["Mcp-Name"] = name
	}
	return h
}

func jsonField(t *testing.T, body string, path ...string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, body)
	}
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

var _ = fmt.Sprintf
