package gateway_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/gateway/gatewaytest"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/transport"
)

// authSeen is an upstream that records the Authorization header and method
// of every HTTP request it receives.
type authSeen struct {
	mu   sync.Mutex
	reqs []seenReq
}

type seenReq struct{ method, auth string }

func (a *authSeen) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		a.reqs = append(a.reqs, seenReq{r.Method, r.Header.Get("Authorization")})
		a.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

func (a *authSeen) all() []seenReq {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]seenReq(nil), a.reqs...)
}

type rawTokenKey struct{}

// grantNeeded stands in for auth.GrantRequiredError.
type grantNeeded struct{ url string }

func (e grantNeeded) Error() string            { return "upstream needs your authorization: open " + e.url }
func (e grantNeeded) AuthorizationURL() string { return e.url }

type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// perUserGateway serves a gateway whose only upstream is per-user. The
// "credential" of a principal's connection is "x-" plus the caller token of
// its latest request, the way token exchange derives one; carol has no
// grant.
func perUserGateway(t *testing.T, upURL string, idle time.Duration, maxConns int, shared ...string) (string, *gateway.Upstream) {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	pu := &gateway.PerUserOptions{
		IdleTimeout: idle, MaxConns: maxConns,
		Dialer: func(p *guard.Principal, caller func() context.Context) (transport.Dialer, error) {
			client := &http.Client{Transport: rtFunc(func(r *http.Request) (*http.Response, error) {
				tok, _ := caller().Value(rawTokenKey{}).(string)
				if tok == "" {
					return nil, errors.New("no caller token")
				}
				r = r.Clone(r.Context())
				r.Header.Set("Authorization", "Bearer x-"+tok)
				return http.DefaultTransport.RoundTrip(r)
			})}
			return &transport.StreamableDialer{URL: upURL, Client: client}, nil
		},
		Check: func(ctx context.Context, p *guard.Principal) error {
			if p.Subject == "carol" {
				return grantNeeded{url: "https://warden.test/authorize?state=abc"}
			}
			return nil
		},
	}
	up := gateway.NewUpstream(gateway.UpstreamOptions{Name: "crm", Logger: log, Timeout: 10 * time.Second,
		InitialBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond, PerUser: pu})
	ups := []*gateway.Upstream{up}
	for i, u := range shared {
		ups = append(ups, gateway.NewUpstream(gateway.UpstreamOptions{Name: fmt.Sprintf("shared%d", i), Logger: log,
			Dialer: &transport.StreamableDialer{URL: u}, InitialBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond}))
	}
	g, err := gateway.New(gateway.Options{Upstreams: ups, Chain: guard.NewChain(time.Second),
		Auditor: &gatewaytest.Auditor{}, Logger: log, MaxSessions: 100})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { g.Run(ctx); close(done) }()
	authn := gateway.AuthenticatorFunc(func(r *http.Request) (*guard.Principal, error) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer tok-")
		if !ok {
			return nil, errors.New("no token")
		}
		who, _, _ := strings.Cut(tok, "-")
		return &guard.Principal{Issuer: "https://idp.test", Subject: who}, nil
	})
	h := g.HTTPHandler(gateway.HTTPOptions{LoopbackOnly: true, Auth: authn})
	// What the application does: the caller's token travels in the
	// request's context, never in a header toward the upstream.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), rawTokenKey{}, tok)))
	}))
	t.Cleanup(func() { srv.Close(); cancel(); <-done })
	return srv.URL + "/mcp", up
}

func bearerClient(tok string) *http.Client {
	return &http.Client{Transport: rtFunc(func(r *http.Request) (*http.Response, error) {
		r = r.Clone(r.Context())
		r.Header.Set("Authorization", "Bearer "+tok)
		return http.DefaultTransport.RoundTrip(r)
	})}
}

func connectAs(t *testing.T, url, tok, version string) *sdk.ClientSession {
	t.Helper()
	c := sdk.NewClient(&sdk.Implementation{Name: "test-client", Version: "1"}, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var so *sdk.ClientSessionOptions
	if version != "" {
		so = &sdk.ClientSessionOptions{ProtocolVersion: version}
	}
	cs, err := c.Connect(ctx, &sdk.StreamableClientTransport{Endpoint: url, HTTPClient: bearerClient(tok)}, so)
	if err != nil {
		t.Fatalf("connect as %s: %v", tok, err)
	}
	t.Cleanup(func() { cs.Close() })
	return cs
}

func TestPerUserConnections(t *testing.T) {
	for _, tc := range []struct {
		name      string
		stateless bool
		version   string
	}{
		{"legacy", false, "2025-11-25"},
		{"stateless", true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seen := &authSeen{}
			s := fixture("crm", nil)
			h := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return s }, &sdk.StreamableHTTPOptions{Stateless: tc.stateless})
			upSrv := httptest.NewServer(seen.wrap(h))
			t.Cleanup(upSrv.Close)
			gw, up := perUserGateway(t, upSrv.URL, time.Minute, 10)

			// Two users, two tokens each over time; calls run concurrently.
			var wg sync.WaitGroup
			for _, who := range []string{"alice", "bob"} {
				cs := connectAs(t, gw, "tok-"+who+"-1", tc.version)
				wg.Go(func() {
					ctx := context.Background()
					if _, err := cs.ListTools(ctx, nil); err != nil {
						t.Errorf("%s: tools/list: %v", who, err)
						return
					}
					for i := range 5 {
						res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": who}})
						if err != nil || textOf(t, res) != "crm:"+who {
							t.Errorf("%s: call %d: %v %+v", who, i, err, res)
						}
					}
				})
			}
			wg.Wait()
			if n := up.UserConnections(); n != 2 {
				t.Errorf("%d per-user connections, want 2", n)
			}
			reqs := seen.all()
			if len(reqs) == 0 {
				t.Fatal("the upstream saw nothing")
			}
			users := map[string]int{}
			for i, r := range reqs {
				switch r.auth {
				case "Bearer x-tok-alice-1":
					users["alice"]++
				case "Bearer x-tok-bob-1":
					users["bob"]++
				default:
					// Never a client's own token, never nothing.
					t.Errorf("upstream request %d (%s) carried Authorization %q", i, r.method, r.auth)
				}
			}
			if users["alice"] < 6 || users["bob"] < 6 {
				t.Errorf("requests per user: %v", users)
			}

			// Carol has no grant: a clear error with the link, the
			// upstream never hears of her.
			before := len(seen.all())
			cs := connectAs(t, gw, "tok-carol-1", tc.version)
			_, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "c"}})
			if err == nil || !strings.Contains(err.Error(), "https://warden.test/authorize?state=abc") {
				t.Errorf("carol without a grant: %v", err)
			}
			if _, err := cs.ListTools(context.Background(), nil); err == nil {
				t.Error("carol listed the tools of an upstream she has not authorized")
			}
			if after := len(seen.all()); after != before {
				t.Errorf("the upstream saw %d requests for carol", after-before)
			}
		})
	}
}

// TestPerUserURLElicitation: a client that declared URL-mode elicitation
// gets the 2025-11-25 URLElicitationRequiredError; others get the link in
// the error message.
func TestPerUserURLElicitation(t *testing.T) {
	upURL := serveUpstream(t, fixture("crm", nil), false)
	gw, _ := perUserGateway(t, upURL, time.Minute, 10)
	for _, tc := range []struct {
		caps     string
		wantCode float64
	}{
		{`{"elicitation":{"url":{}}}`, gateway.CodeURLElicitationRequired},
		{`{"elicitation":{"form":{}}}`, -31002},
		{`{}`, -31002},
	} {
		hdr := map[string]string{"Authorization": "Bearer tok-carol"}
		_, rh, body := post(t, gw, `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":`+tc.caps+`,"clientInfo":{"name":"raw","version":"1"}}}`, hdr)
		sid := rh.Get("Mcp-Session-Id")
		if sid == "" {
			t.Fatalf("initialize: %s", body)
		}
		hdr["Mcp-Session-Id"] = sid
		hdr["MCP-Protocol-Version"] = "2025-11-25"
		post(t, gw, `{"jsonrpc":"2.0","method":"notifications/initialized"}`, hdr)
		_, _, body = post(t, gw, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`, hdr)
		if i := strings.Index(body, "data: "); i >= 0 { // an SSE stream: its one message
			body = strings.TrimSpace(body[i+len("data: "):])
		}
		if got := jsonField(t, body, "error", "code"); got != tc.wantCode {
			t.Errorf("caps %s: code %v, want %v: %s", tc.caps, got, tc.wantCode, body)
		}
		if !strings.Contains(body, "https://warden.test/authorize?state=abc") {
			t.Errorf("caps %s: no link: %s", tc.caps, body)
		}
		if tc.wantCode == gateway.CodeURLElicitationRequired {
			el, _ := jsonField(t, body, "error", "data", "elicitations").([]any)
			if len(el) != 1 {
				t.Fatalf("elicitations: %s", body)
			}
			e := el[0].(map[string]any)
			if e["mode"] != "url" || e["url"] != "https://warden.test/authorize?state=abc" || e["elicitationId"] == "" || e["message"] == "" {
				t.Errorf("elicitation: %v", e)
			}
		}
	}
}

func TestPerUserIdleAndLimit(t *testing.T) {
	seen := &authSeen{}
	s := fixture("crm", nil)
	h := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return s }, nil)
	upSrv := httptest.NewServer(seen.wrap(h))
	t.Cleanup(upSrv.Close)
	gw, up := perUserGateway(t, upSrv.URL, 300*time.Millisecond, 1)
	ctx := context.Background()
	call := func(cs *sdk.ClientSession, who string) {
		t.Helper()
		res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": who}})
		if err != nil || textOf(t, res) != "crm:"+who {
			t.Fatalf("%s: %v %+v", who, err, res)
		}
	}
	alice := connectAs(t, gw, "tok-alice", "2025-11-25")
	bob := connectAs(t, gw, "tok-bob", "2025-11-25")
	call(alice, "alice")
	// The limit is one connection: bob's replaces alice's idle one.
	call(bob, "bob")
	if n := up.UserConnections(); n != 1 {
		t.Errorf("%d connections with a limit of 1", n)
	}
	call(alice, "alice")

	// Idle connections close, ending their upstream session.
	deadline := time.Now().Add(5 * time.Second)
	for up.UserConnections() != 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := up.UserConnections(); n != 0 {
		t.Fatalf("%d connections still open after the idle timeout", n)
	}
	// A closing connection sends its DELETE after it has left the table:
	// wait for the third.
	deletes := 0
	for {
		deletes = 0
		for _, r := range seen.all() {
			if r.method == http.MethodDelete {
				deletes++
				if r.auth != "Bearer x-tok-alice" && r.auth != "Bearer x-tok-bob" {
					t.Errorf("DELETE carried %q", r.auth)
				}
			}
		}
		if deletes >= 3 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if deletes < 3 {
		t.Errorf("%d upstream sessions ended, want 3 (evicted, then both idle)", deletes)
	}
	// A closed connection is reopened on demand.
	call(alice, "alice")
	if n := up.UserConnections(); n != 1 {
		t.Errorf("%d connections after a new call, want 1", n)
	}
}

// TestPerUserNeedsPrincipal: a request without a principal is refused,
// never sent on someone else's connection or without credentials.
func TestPerUserNeedsPrincipal(t *testing.T) {
	up := gateway.NewUpstream(gateway.UpstreamOptions{Name: "crm", Logger: slog.New(slog.DiscardHandler),
		PerUser: &gateway.PerUserOptions{Dialer: func(*guard.Principal, func() context.Context) (transport.Dialer, error) {
			t.Error("a connection was dialled for nobody")
			return nil, errors.New("unreachable")
		}}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go up.Run(ctx)
	for _, c := range []context.Context{ctx, gateway.WithPrincipal(ctx, &guard.Principal{})} {
		if _, err := up.Call(c, "tools/list", nil, nil); err == nil || !strings.Contains(err.Error(), "no authenticated user") {
			t.Errorf("call without a principal: %v", err)
		}
	}
	if !up.Ready() || !up.PerUser() {
		t.Error("a per-user upstream is ready without connections")
	}
}

// TestPerUserFederatedList: with several upstreams, one the user has not
// authorized is left out of the merged list, and the user is told why,
// with the link, in a log message.
func TestPerUserFederatedList(t *testing.T) {
	gw, _ := perUserGateway(t, serveUpstream(t, fixture("crm", nil), false), time.Minute, 10, serveUpstream(t, fixture("files", nil), false))
	logs := make(chan string, 4)
	c := sdk.NewClient(&sdk.Implementation{Name: "test-client", Version: "1"}, &sdk.ClientOptions{
		LoggingMessageHandler: func(_ context.Context, r *sdk.LoggingMessageRequest) { logs <- fmt.Sprint(r.Params.Data) },
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cs, err := c.Connect(ctx, &sdk.StreamableClientTransport{Endpoint: gw, HTTPClient: bearerClient("tok-carol")}, &sdk.ClientSessionOptions{ProtocolVersion: "2025-11-25"})
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	n := 0
	for tool, err := range cs.Tools(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if strings.HasPrefix(tool.Name, "crm__") {
			t.Errorf("carol sees %s of an upstream she has not authorized", tool.Name)
		}
	}
	if n == 0 {
		t.Error("the shared upstream's tools are missing")
	}
	select {
	case m := <-logs:
		if !strings.Contains(m, "https://warden.test/authorize?state=abc") || !strings.Contains(m, "crm") {
			t.Errorf("log message: %s", m)
		}
	case <-ctx.Done():
		t.Fatal("no log message with the authorization link")
	}
	// Alice sees both.
	alice := connectAs(t, gw, "tok-alice", "2025-11-25")
	var names []string
	for tool, err := range alice.Tools(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, tool.Name)
	}
	if len(names) != 2 {
		t.Errorf("alice's tools: %v", names)
	}
}
