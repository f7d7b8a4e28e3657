package auth

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/gateway/gatewaytest"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/sqlite"
	"github.com/warden-mcp/warden/internal/transport"
)

// echoServer is an MCP upstream whose echo tool answers with its name.
func echoServer(t *testing.T, name string) *recorder {
	s := sdk.NewServer(&sdk.Implementation{Name: name, Version: "1"}, nil)
	sdk.AddTool(s, &sdk.Tool{Name: "echo"}, func(ctx context.Context, req *sdk.CallToolRequest, in echoArgs) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: name + ":" + in.Text}}}, nil, nil
	})
	h := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return s }, nil)
	return newRecorder(t, h.ServeHTTP)
}

// perUserOptions is the wiring internal/app does for one per-user upstream.
func perUserOptions(c *UserCredentials, u config.Upstream) *gateway.PerUserOptions {
	return &gateway.PerUserOptions{
		Dialer: func(p *guard.Principal, caller func() context.Context) (transport.Dialer, error) {
			return &transport.StreamableDialer{URL: u.URL, Header: c.Header(), Client: c.Client(p, caller)}, nil
		},
		Check: c.Check,
	}
}

// TestPerUserEndToEnd runs a gateway with the OAuth Authenticator in front
// of two real go-sdk upstreams whose credentials belong to each user: crm
// takes RFC 8693 exchanged tokens, cal each user's own authorization-code
// grant, kept sealed in a sqlite store.
func TestPerUserEndToEnd(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	idp.enableCodeFlow("alice@idp")
	crm, cal := echoServer(t, "crm"), echoServer(t, "cal")
	crmURL, calURL := crm.srv.URL+"/mcp", cal.srv.URL+"/mcp"

	dbPath := filepath.Join(t.TempDir(), "warden.db")
	st, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { st.Close() }()
	key := strings.Repeat("a5", 32)

	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	crmCfg := config.Upstream{Name: "crm", URL: crmURL, Auth: &config.UpstreamAuth{Type: config.UpstreamTokenExchange,
		TokenURL: idp.issuer() + "/token", ClientID: idpClientID, ClientSecret: idpClientSecret, Audience: "crm-api"}}
	calCfg := config.Upstream{Name: "cal", URL: calURL, Auth: &config.UpstreamAuth{Type: config.UpstreamAuthorizationCode,
		AuthorizeURL: idp.issuer() + "/authorize", TokenURL: idp.issuer() + "/token",
		RedirectURL: srv.URL + "/oauth/cal/callback", ClientID: publicClient}}
	grants, err := NewUserGrants(calCfg, key, KVGrantStore{KV: st})
	if err != nil {
		t.Fatal(err)
	}
	crmCreds, err := NewUserCredentials(crmCfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	calCreds, err := NewUserCredentials(calCfg, grants, nil)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	var ups []*gateway.Upstream
	for _, x := range []struct {
		u config.Upstream
		c *UserCredentials
	}{{crmCfg, crmCreds}, {calCfg, calCreds}} {
		ups = append(ups, gateway.NewUpstream(gateway.UpstreamOptions{Name: x.u.Name, Logger: log, Timeout: 10 * time.Second,
			InitialBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond, PerUser: perUserOptions(x.c, x.u)}))
	}
	g, err := gateway.New(gateway.Options{Upstreams: ups, Chain: guard.NewChain(time.Second), Auditor: &gatewaytest.Auditor{},
		Logger: log, MaxSessions: 10})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { g.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	mux.Handle("/mcp", CarrySubjectToken(g.HTTPHandler(gateway.HTTPOptions{LoopbackOnly: true, Auth: a})))
	mux.Handle(grants.CallbackPath(), grants.CallbackHandler())

	alice := idp.sign(idp.claims("alice", "mcp"))
	bob := idp.sign(idp.claims("bob", "mcp"))
	type rpcErr struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    struct {
			AuthorizationURL string `json:"authorizationUrl"`
		} `json:"data"`
	}
	sessions := map[string]string{}
	rpc := func(tok, body string) (json.RawMessage, *rpcErr) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/mcp", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Authorization", "Bearer "+tok)
		if sid := sessions[tok]; sid != "" {
			req.Header.Set("Mcp-Session-Id", sid)
			req.Header.Set("MCP-Protocol-Version", "2025-11-25")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if sid := resp.Header.Get("Mcp-Session-Id"); sid != "" {
			sessions[tok] = sid
		}
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == http.StatusAccepted {
			return nil, nil
		}
		if i := strings.Index(string(b), "data: "); i >= 0 {
			b = []byte(strings.TrimSpace(string(b[i+len("data: "):])))
		}
		var m struct {
			Result json.RawMessage `json:"result"`
			Error  *rpcErr         `json:"error"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%d %s", resp.StatusCode, b)
		}
		return m.Result, m.Error
	}
	call := func(tok, tool, text string) (string, *rpcErr) {
		t.Helper()
		res, e := rpc(tok, fmt.Sprintf(`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":%q,"arguments":{"text":%q}}}`, tool, text))
		return string(res), e
	}
	for _, tok := range []string{alice, bob} {
		if _, e := rpc(tok, `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}`); e != nil {
			t.Fatalf("initialize: %+v", e)
		}
		rpc(tok, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	}

	// Token exchange: each user's requests carry a token exchanged for
	// that user's own, never the client's token, never the other user's.
	for i := range 3 {
		for who, tok := range map[string]string{"alice": alice, "bob": bob} {
			if res, e := call(tok, "crm__echo", who); e != nil || !strings.Contains(res, "crm:"+who) {
				t.Fatalf("crm call %d for %s: %s %+v", i, who, res, e)
			}
		}
	}
	idp.resource = crmURL
	crmCheck, err := New(context.Background(), config.Auth{Mode: config.AuthOAuth, Issuer: idp.issuer(), Resource: crmURL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, tok := range []string{alice, bob} {
		h := sha256.Sum256([]byte(tok))
		want[fmt.Sprintf("user-%x", h[:4])] = true
	}
	subs := map[string]int{}
	auths, cookies := crm.seen()
	for i, h := range auths {
		if h == "" || strings.Contains(h, alice) || strings.Contains(h, bob) || cookies[i] != "" {
			t.Fatalf("crm request %d carried Authorization %.40q Cookie %q", i, h, cookies[i])
		}
		p, err := crmCheck.Authenticate(authReq(strings.TrimPrefix(h, "Bearer ")))
		if err != nil || !want[p.Subject] {
			t.Fatalf("crm request %d: token for %+v (%v)", i, p, err)
		}
		subs[p.Subject]++
	}
	if len(subs) != 2 {
		t.Errorf("crm saw the users %v, want both", subs)
	}

	// Authorization code: no grant yet, a clear error with the link; the
	// upstream hears nothing.
	_, e := call(alice, "cal__echo", "a")
	if e == nil || e.Data.AuthorizationURL == "" || !strings.Contains(e.Message, "needs your authorization") {
		t.Fatalf("cal without a grant: %+v", e)
	}
	if n := cal.hits.Load(); n != 0 {
		t.Fatalf("cal saw %d requests before any grant", n)
	}
	// Alice's browser: the IdP, Warden's confirmation page, Allow.
	browser := &http.Client{Timeout: 10 * time.Second}
	resp, err := browser.Get(e.Data.AuthorizationURL)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="confirm" value="([^"]+)"`).FindSubmatch(page)
	if resp.StatusCode != 200 || m == nil || !strings.Contains(string(page), "#alice") {
		t.Fatalf("confirmation page: %d %s", resp.StatusCode, page)
	}
	resp, err = browser.PostForm(srv.URL+grants.CallbackPath(), url.Values{"confirm": {string(m[1])}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("confirmation: %d", resp.StatusCode)
	}
	if res, e := call(alice, "cal__echo", "a"); e != nil || !strings.Contains(res, "cal:a") {
		t.Fatalf("cal after the grant: %s %+v", res, e)
	}
	// Bob has not authorized: alice's grant is hers alone.
	if _, e := call(bob, "cal__echo", "b"); e == nil || e.Data.AuthorizationURL == "" {
		t.Errorf("bob used alice's grant: %+v", e)
	}
	idp.resource = calURL
	calCheck, err := New(context.Background(), config.Auth{Mode: config.AuthOAuth, Issuer: idp.issuer(), Resource: calURL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	auths, _ = cal.seen()
	for i, h := range auths {
		p, err := calCheck.Authenticate(authReq(strings.TrimPrefix(h, "Bearer ")))
		if err != nil || p.Subject != "alice@idp" {
			t.Fatalf("cal request %d: %+v %v", i, p, err)
		}
	}
	// Credentials never cross upstreams.
	crmAuths, _ := crm.seen()
	for _, h := range crmAuths {
		for _, c := range auths {
			if h == c {
				t.Fatal("a token of cal reached crm")
			}
		}
	}

	// A restart: the grant is in the store, sealed; a new process with the
	// same key refreshes it without asking alice again.
	cancel()
	<-done
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	items, err := st.List(context.Background(), GrantNamespace, "")
	if err != nil || len(items) != 1 || !strings.HasPrefix(items[0].Key, "cal|") {
		t.Fatalf("stored grants: %v %v", items, err)
	}
	idp.mu.Lock()
	issued := append([]string(nil), idp.codes.issued...)
	idp.mu.Unlock()
	for _, rt := range issued {
		if strings.Contains(string(items[0].Value), rt) {
			t.Fatal("a refresh token is stored in clear")
		}
	}
	grants2, err := NewUserGrants(calCfg, key, KVGrantStore{KV: st})
	if err != nil {
		t.Fatal(err)
	}
	before := idp.codes.refreshes.Load()
	alicePrincipal := &guard.Principal{Issuer: idp.issuer(), Subject: "alice"}
	if _, err := grants2.Token(context.Background(), alicePrincipal); err != nil {
		t.Fatalf("after a restart: %v", err)
	}
	if idp.codes.refreshes.Load() != before+1 {
		t.Error("the stored grant was not refreshed")
	}
	// Under another key the stored grant does not open.
	grants3, _ := NewUserGrants(calCfg, strings.Repeat("5a", 32), KVGrantStore{KV: st})
	var gr *GrantRequiredError
	if _, err := grants3.Token(context.Background(), alicePrincipal); !errors.As(err, &gr) {
		t.Errorf("grant under another key: %v", err)
	}
}

func TestKVGrantStore(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	s := KVGrantStore{KV: st}
	if _, err := s.Get(ctx, "a|b"); !errors.Is(err, ErrNoGrant) {
		t.Errorf("absent: %v", err)
	}
	if err := s.Put(ctx, "a|b", []byte{1, 2}); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Get(ctx, "a|b"); err != nil || string(v) != "\x01\x02" {
		t.Errorf("get: %v %v", v, err)
	}
	if err := s.Delete(ctx, "a|b"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "a|b"); !errors.Is(err, ErrNoGrant) {
		t.Errorf("after delete: %v", err)
	}
	if err := s.Put(ctx, "", nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("empty key: %v", err)
	}
}

func TestUserCredentialsErrors(t *testing.T) {
	for _, u := range []config.Upstream{
		{Name: "plain", URL: "https://x.test/mcp"},
		{Name: "cc", URL: "https://x.test/mcp", Auth: &config.UpstreamAuth{Type: config.UpstreamClientCredentials}},
		{Name: "code", URL: "https://x.test/mcp", Auth: &config.UpstreamAuth{Type: config.UpstreamAuthorizationCode}}, // no grants
		{Name: "tx", URL: "https://x.test/mcp", Auth: &config.UpstreamAuth{Type: config.UpstreamTokenExchange, TokenURL: "http://idp.example/token"}},
		{Name: "nourl", Auth: &config.UpstreamAuth{Type: config.UpstreamTokenExchange}},
	} {
		if _, err := NewUserCredentials(u, nil, nil); err == nil {
			t.Errorf("%s: accepted", u.Name)
		}
	}
	c, err := NewUserCredentials(config.Upstream{Name: "tx", URL: "https://x.test/mcp",
		Auth: &config.UpstreamAuth{Type: config.UpstreamTokenExchange, TokenURL: "https://idp.test/token"}}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := &guard.Principal{Subject: "alice"}
	if err := c.Check(context.Background(), p); !errors.Is(err, ErrNoSubjectToken) {
		t.Errorf("no caller token: %v", err)
	}
	if err := c.Check(context.Background(), nil); err == nil {
		t.Error("no principal accepted")
	}
	// The per-user client refuses other origins before any credential.
	hc := c.Client(p, context.Background)
	if _, err := hc.Get("https://elsewhere.test/mcp"); !errors.Is(err, ErrOtherOrigin) {
		t.Errorf("other origin: %v", err)
	}
	if _, err := hc.Get("https://x.test/mcp"); !errors.Is(err, ErrNoSubjectToken) {
		t.Errorf("no caller token: %v", err)
	}
}

func TestClientAuthForm(t *testing.T) {
	for _, tc := range []struct {
		cfg        config.UpstreamAuth
		basic      bool
		id, secret string
	}{
		{config.UpstreamAuth{ClientID: "w", ClientSecret: "s"}, true, "", ""},
		{config.UpstreamAuth{ClientID: "w", ClientSecret: "s", TokenEndpointAuthMethod: config.ClientSecretBasic}, true, "", ""},
		{config.UpstreamAuth{ClientID: "w", ClientSecret: "s", TokenEndpointAuthMethod: config.ClientSecretPost}, false, "w", "s"},
		{config.UpstreamAuth{ClientID: "w"}, false, "w", ""},
	} {
		form := url.Values{}
		if basic := clientAuthForm(form, tc.cfg); basic != tc.basic || form.Get("client_id") != tc.id || form.Get("client_secret") != tc.secret {
			t.Errorf("%+v: basic %v, form %v", tc.cfg, basic, form)
		}
	}
}
