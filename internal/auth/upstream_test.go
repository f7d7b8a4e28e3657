package auth

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/warden-mcp/warden/internal/config"
)

// recorder is an upstream that records the credentials it receives.
type recorder struct {
	mu      sync.Mutex
	auth    []string
	cookies []string
	hits    atomic.Int64
	srv     *httptest.Server
}

func newRecorder(t *testing.T, h http.HandlerFunc) *recorder {
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.hits.Add(1)
		rec.mu.Lock()
		rec.auth = append(rec.auth, r.Header.Get("Authorization"))
		rec.cookies = append(rec.cookies, r.Header.Get("Cookie"))
		rec.mu.Unlock()
		if h != nil {
			h(w, r)
			return
		}
		io.WriteString(w, "ok")
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) seen() ([]string, []string) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]string(nil), rec.auth...), append([]string(nil), rec.cookies...)
}

func do(t *testing.T, c *http.Client, ctx context.Context, u string, hdr http.Header) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := c.Do(req)
	if err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return resp, err
}

func TestUpstreamClientCredentials(t *testing.T) {
	idp := newTestIdP(t)
	elsewhere := newRecorder(t, nil)
	up := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bounce" {
			http.Redirect(w, r, elsewhere.srv.URL+"/steal", http.StatusTemporaryRedirect)
			return
		}
		io.WriteString(w, "ok")
	})
	u := config.Upstream{Name: "files", URL: up.srv.URL + "/mcp", Headers: map[string]string{"X-Tenant": "acme"},
		Auth: &config.UpstreamAuth{Type: config.UpstreamClientCredentials, TokenURL: idp.issuer() + "/token",
			ClientID: idpClientID, ClientSecret: idpClientSecret, Scopes: []string{"files"}}}
	c, hdr, err := UpstreamClient(u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hdr.Get("X-Tenant") != "acme" {
		t.Errorf("static headers = %v", hdr)
	}
	clientHdr := http.Header{"Authorization": {"Bearer client-token-must-not-pass"}, "Cookie": {"sid=abc"}}
	for range 2 {
		resp, err := do(t, c, context.Background(), u.URL, clientHdr)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("request: %v %v", resp, err)
		}
	}
	auths, cookies := up.seen()
	if len(auths) != 2 || auths[0] == "" || auths[0] != auths[1] || strings.Contains(auths[0], "client-token") || cookies[0] != "" {
		t.Fatalf("upstream saw Authorization %q, Cookie %q", auths, cookies)
	}
	if n := idp.tokenCalls.Load(); n != 1 {
		t.Errorf("token endpoint called %d times, want 1 (the token is cached)", n)
	}
	// The token is a real one, for this upstream as audience.
	tok := strings.TrimPrefix(auths[0], "Bearer ")
	idp.resource = u.URL
	a, err := New(context.Background(), config.Auth{Mode: config.AuthOAuth, Issuer: idp.issuer(), Resource: u.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.Authenticate(authReq(tok))
	if err != nil || p.Subject != "svc-warden" || len(p.Scopes) != 1 || p.Scopes[0] != "files" {
		t.Errorf("upstream token: %+v %v", p, err)
	}

	// Credentials never go to another origin: not directly, not by redirect.
	if _, err := do(t, c, context.Background(), elsewhere.srv.URL+"/mcp", nil); !errors.Is(err, ErrOtherOrigin) {
		t.Errorf("request to another origin: %v, want ErrOtherOrigin", err)
	}
	if _, err := do(t, c, context.Background(), up.srv.URL+"/bounce", nil); err == nil || !strings.Contains(err.Error(), "redirect") {
		t.Errorf("redirect to another origin: %v", err)
	}
	if n := elsewhere.hits.Load(); n != 0 {
		t.Errorf("the other origin received %d requests", n)
	}
}

func TestUpstreamTokenExchange(t *testing.T) {
	idp := newTestIdP(t)
	up := newRecorder(t, nil)
	u := config.Upstream{Name: "crm", URL: up.srv.URL + "/mcp",
		Auth: &config.UpstreamAuth{Type: config.UpstreamTokenExchange, TokenURL: idp.issuer() + "/token",
			ClientID: idpClientID, ClientSecret: idpClientSecret, Audience: "crm-api", Scopes: []string{"crm:read"}}}
	c, _, err := UpstreamClient(u, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Without the caller's token there is nothing to exchange: fail closed.
	if _, err := do(t, c, context.Background(), u.URL, nil); !errors.Is(err, ErrNoSubjectToken) {
		t.Fatalf("no subject token: %v", err)
	}
	if up.hits.Load() != 0 {
		t.Fatal("a request without credentials reached the upstream")
	}
	userTok := "user-token-alice"
	ctx := WithSubjectToken(context.Background(), userTok)
	for range 2 {
		if _, err := do(t, c, ctx, u.URL, http.Header{"Authorization": {"Bearer " + userTok}}); err != nil {
			t.Fatal(err)
		}
	}
	auths, _ := up.seen()
	if len(auths) != 2 || auths[0] == "" || strings.Contains(auths[0], userTok) || auths[0] != auths[1] {
		t.Fatalf("upstream saw %q", auths)
	}
	idp.mu.Lock()
	ex := idp.exchanges
	idp.mu.Unlock()
	if len(ex) != 1 {
		t.Fatalf("%d exchanges, want 1 (cached)", len(ex))
	}
	if ex[0]["subject_token"] != userTok || ex[0]["audience"] != "crm-api" || ex[0]["resource"] != u.URL ||
		ex[0]["scope"] != "crm:read" || ex[0]["subject_token_type"] != tokenTypeAccessToken {
		t.Errorf("exchange request = %v", ex[0])
	}
	// Another user gets another token.
	if _, err := do(t, c, WithSubjectToken(context.Background(), "user-token-bob"), u.URL, nil); err != nil {
		t.Fatal(err)
	}
	auths, _ = up.seen()
	if auths[2] == auths[0] {
		t.Error("two users share one exchanged token")
	}
}

func TestUpstreamClientErrors(t *testing.T) {
	for _, u := range []config.Upstream{
		{Name: "stdio", Command: []string{"x"}},
		{Name: "bad", URL: "http://127.0.0.1/mcp", Auth: &config.UpstreamAuth{Type: "magic"}},
	} {
		if _, _, err := UpstreamClient(u, nil); err == nil {
			t.Errorf("%s: no error", u.Name)
		}
	}
}
