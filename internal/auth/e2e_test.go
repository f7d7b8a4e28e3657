package auth

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/gateway/gatewaytest"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/transport"
)

type echoArgs struct {
	Text string `json:"text"`
}

// TestGatewayEndToEnd runs a real gateway with the Authenticator in front
// and Warden's own client-credentials token toward a real go-sdk upstream.
func TestGatewayEndToEnd(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)

	// The upstream MCP server, behind a handler that records credentials.
	s := sdk.NewServer(&sdk.Implementation{Name: "files", Version: "1"}, nil)
	sdk.AddTool(s, &sdk.Tool{Name: "echo"}, func(ctx context.Context, req *sdk.CallToolRequest, in echoArgs) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "echo:" + in.Text}}}, nil, nil
	})
	h := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return s }, nil)
	up := newRecorder(t, h.ServeHTTP)
	upURL := up.srv.URL + "/mcp"

	client, hdr, err := UpstreamClient(config.Upstream{Name: "files", URL: upURL,
		Auth: &config.UpstreamAuth{Type: config.UpstreamClientCredentials, TokenURL: idp.issuer() + "/token",
			ClientID: idpClientID, ClientSecret: idpClientSecret}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	gu := gateway.NewUpstream(gateway.UpstreamOptions{Name: "files", Logger: log, Timeout: 10 * time.Second,
		Dialer:         &transport.StreamableDialer{URL: upURL, Header: hdr, Client: client},
		InitialBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond, ClientName: "warden-test", ClientVersion: "0"})
	audit := &gatewaytest.Auditor{}
	g, err := gateway.New(gateway.Options{Upstreams: []*gateway.Upstream{gu}, Chain: guard.NewChain(time.Second),
		Auditor: audit, Logger: log, MaxSessions: 10})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { g.Run(ctx); close(done) }()
	// The wiring the application uses: metadata outside authentication,
	// everything else through the gateway with the Authenticator.
	mux := http.NewServeMux()
	for _, p := range a.MetadataPaths() {
		mux.Handle(p, a.MetadataHandler())
	}
	mux.Handle("/", g.HTTPHandler(gateway.HTTPOptions{LoopbackOnly: true, Auth: a}))
	srv := httptest.NewServer(mux)
	t.Cleanup(func() { srv.Close(); cancel(); <-done })
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := gu.WaitReady(wctx); err != nil {
		t.Fatal(err)
	}
	gw := srv.URL + "/mcp"

	alice := idp.sign(idp.claims("alice", "mcp"))
	bob := idp.sign(idp.claims("bob", "mcp"))
	post := func(tok, sid, body string) (int, http.Header, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, gw, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Cookie", "wardensession=cookie-must-not-pass")
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		if sid != "" {
			req.Header.Set("Mcp-Session-Id", sid)
			req.Header.Set("MCP-Protocol-Version", "2025-11-25")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(b)
	}
	const initBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}`
	const call = `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`

	// No token: 401 pointing at the metadata, which is served unauthenticated.
	status, rh, _ := post("", "", initBody)
	if status != 401 || !strings.Contains(rh.Get("WWW-Authenticate"), "resource_metadata=") {
		t.Fatalf("no token: %d %q", status, rh.Get("WWW-Authenticate"))
	}
	resp, err := http.Get(srv.URL + "/.well-known/oauth-protected-resource/mcp")
	if err != nil {
		t.Fatal(err)
	}
	var md map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&md)
	resp.Body.Close()
	if resp.StatusCode != 200 || md["resource"] != testResource {
		t.Fatalf("metadata through the listener: %d %v", resp.StatusCode, md)
	}
	// A token for another resource is refused before reaching anything.
	c := idp.claims("alice", "mcp")
	c["aud"] = upURL
	if status, _, _ := post(idp.sign(c), "", initBody); status != 401 {
		t.Errorf("token for the upstream used at Warden: %d, want 401", status)
	}

	status, rh, body := post(alice, "", initBody)
	sid := rh.Get("Mcp-Session-Id")
	if status != 200 || sid == "" {
		t.Fatalf("initialize: %d %q %s", status, sid, body)
	}
	post(alice, sid, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	status, _, body = post(alice, sid, call)
	if status != 200 || !strings.Contains(body, "echo:hi") {
		t.Fatalf("tools/call: %d %s", status, body)
	}
	// Bob presents Alice's session: 404 and an audit event, never served.
	before := audit.Count("session", "deny")
	status, _, body = post(bob, sid, call)
	if status != 404 || strings.Contains(body, "echo:hi") {
		t.Errorf("another user's session: %d %s, want 404", status, body)
	}
	if audit.Count("session", "deny") != before+1 {
		t.Error("no audit event for the borrowed session")
	}

	// A guessed session id is unknown, whoever asks.
	guess := sid[:len(sid)-1] + "x"
	if guess == sid {
		guess = sid[:len(sid)-1] + "y"
	}
	if status, _, _ := post(alice, guess, call); status != 404 {
		t.Errorf("guessed session: %d, want 404", status)
	}
	// A token in the query string is refused even when it is valid.
	req, _ := http.NewRequest(http.MethodPost, gw+"?access_token="+alice, strings.NewReader(initBody))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != 400 {
		t.Errorf("token in the query string: %d, want 400", resp.StatusCode)
	}
	del := func(tok string) int {
		req, _ := http.NewRequest(http.MethodDelete, gw, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Mcp-Session-Id", sid)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	// Bob cannot end Alice's session; Alice can, and then it is gone.
	if got := del(bob); got != 404 {
		t.Errorf("DELETE of another user's session: %d, want 404", got)
	}
	if status, _, _ := post(alice, sid, call); status != 200 {
		t.Errorf("session after a foreign DELETE: %d, want 200", status)
	}
	if got := del(alice); got != 204 {
		t.Errorf("DELETE by the owner: %d, want 204", got)
	}
	if status, _, _ := post(alice, sid, call); status != 404 {
		t.Errorf("session after DELETE: %d, want 404", status)
	}

	// What reached the upstream: Warden's own token, never a client's.
	auths, cookies := up.seen()
	if len(auths) == 0 {
		t.Fatal("the upstream saw no requests")
	}
	for i, got := range auths {
		if got == "" || strings.Contains(got, alice) || strings.Contains(got, bob) {
			t.Errorf("upstream request %d carried Authorization %.40q", i, got)
		}
		if cookies[i] != "" {
			t.Errorf("upstream request %d carried Cookie %q", i, cookies[i])
		}
	}
	idp.resource = upURL
	ua, err := New(context.Background(), config.Auth{Mode: config.AuthOAuth, Issuer: idp.issuer(), Resource: upURL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := ua.Authenticate(authReq(strings.TrimPrefix(auths[0], "Bearer "))); err != nil || p.Subject != "svc-warden" {
		t.Errorf("the upstream's token is not Warden's own: %+v %v", p, err)
	}
}
