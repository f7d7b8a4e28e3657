package auth

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

const publicClient = "warden-public"

// codeGrants is the test IdP's authorization-code state: /authorize
// approves at once as loginAs and redirects with a code; /token redeems the
// code only with the right PKCE verifier and redirect URI, and rotates
// refresh tokens.
type codeGrants struct {
	loginAs   string
	codes     map[string]codeInfo
	refresh   map[string]string // refresh token -> subject
	issued    []string          // every refresh token issued
	refreshes atomic.Int64
}

type codeInfo struct {
	challenge, redirect, sub, resource string
}

func (p *testIdP) enableCodeFlow(loginAs string) {
	p.mu.Lock()
	p.codes = codeGrants{loginAs: loginAs, codes: map[string]codeInfo{}, refresh: map[string]string{}}
	p.mu.Unlock()
	p.mux.HandleFunc("GET /authorize", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("client_id") != publicClient || q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" ||
			q.Get("code_challenge") == "" || q.Get("state") == "" {
			http.Error(w, "bad authorization request", http.StatusBadRequest)
			return
		}
		code := randomString(16)
		p.mu.Lock()
		p.codes.codes[code] = codeInfo{challenge: q.Get("code_challenge"), redirect: q.Get("redirect_uri"), sub: p.codes.loginAs, resource: q.Get("resource")}
		p.mu.Unlock()
		http.Redirect(w, r, q.Get("redirect_uri")+"?"+url.Values{"code": {code}, "state": {q.Get("state")}}.Encode(), http.StatusFound)
	})
}

func (p *testIdP) codeGrant(w http.ResponseWriter, r *http.Request) {
	fail := func(code string) {
		w.WriteHeader(http.StatusBadRequest)
		writeJSON(w, map[string]string{"error": code})
	}
	if r.PostFormValue("client_id") != publicClient {
		fail("invalid_client")
		return
	}
	p.mu.Lock()
	var sub, resource string
	switch r.PostFormValue("grant_type") {
	case "authorization_code":
		ci, ok := p.codes.codes[r.PostFormValue("code")]
		delete(p.codes.codes, r.PostFormValue("code"))
		sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
		if !ok || base64.RawURLEncoding.EncodeToString(sum[:]) != ci.challenge || r.PostFormValue("redirect_uri") != ci.redirect {
			p.mu.Unlock()
			fail("invalid_grant")
			return
		}
		sub, resource = ci.sub, ci.resource
	case "refresh_token":
		p.codes.refreshes.Add(1)
		s, ok := p.codes.refresh[r.PostFormValue("refresh_token")]
		delete(p.codes.refresh, r.PostFormValue("refresh_token")) // rotation
		if !ok {
			p.mu.Unlock()
			fail("invalid_grant")
			return
		}
		sub, resource = s, r.PostFormValue("resource")
	}
	rt := "rt-" + randomString(16)
	p.codes.refresh[rt] = sub
	p.codes.issued = append(p.codes.issued, rt)
	p.mu.Unlock()
	c := p.claims(sub, "crm")
	c["aud"] = resource
	writeJSON(w, map[string]any{"access_token": p.sign(c), "token_type": "Bearer", "expires_in": 300, "refresh_token": rt})
}

func TestUserGrants(t *testing.T) {
	idp := newTestIdP(t)
	idp.enableCodeFlow("alice@idp")
	up := newRecorder(t, nil)
	var grants *UserGrants
	cb := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		grants.CallbackHandler().ServeHTTP(w, r)
	}))
	defer cb.Close()
	u := config.Upstream{Name: "crm", URL: up.srv.URL + "/mcp", Auth: &config.UpstreamAuth{
		Type: config.UpstreamAuthorizationCode, AuthorizeURL: idp.issuer() + "/authorize", TokenURL: idp.issuer() + "/token",
		RedirectURL: cb.URL + "/oauth/callback", ClientID: publicClient, Scopes: []string{"crm"}}}
	store := &MemoryGrantStore{}
	key := strings.Repeat("0f", 32)
	grants, err := NewUserGrants(u, key, store)
	if err != nil {
		t.Fatal(err)
	}
	if grants.CallbackPath() != "/oauth/callback" {
		t.Errorf("CallbackPath = %q", grants.CallbackPath())
	}
	alice := &guard.Principal{Issuer: "https://corp", Subject: "alice"}
	bob := &guard.Principal{Issuer: "https://corp", Subject: "bob"}
	ctx := context.Background()

	// No grant yet: the error carries a PKCE authorization URL.
	_, err = grants.Token(ctx, alice)
	var gr *GrantRequiredError
	if !errors.As(err, &gr) {
		t.Fatalf("Token without a grant: %v", err)
	}
	au, _ := url.Parse(gr.URL)
	q := au.Query()
	if q.Get("code_challenge_method") != "S256" || len(q.Get("code_challenge")) != 43 || q.Get("resource") != u.URL ||
		q.Get("redirect_uri") != u.Auth.RedirectURL || q.Get("scope") != "crm" || len(q.Get("state")) < 40 {
		t.Errorf("authorization URL = %s", gr.URL)
	}

	// The user's browser follows the URL: IdP, then Warden's callback.
	browser := &http.Client{Timeout: 10 * time.Second}
	resp, err := browser.Get(gr.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// Warden shows who asks before it redeems anything.
	if resp.StatusCode != 200 || !strings.Contains(string(body), "https://corp#alice") || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Fatalf("callback page: %d %s", resp.StatusCode, body)
	}
	if _, err := grants.Token(ctx, alice); !errors.As(err, &gr) {
		t.Fatalf("a grant exists before the user confirmed: %v", err)
	}
	m := regexp.MustCompile(`name="confirm" value="([^"]+)"`).FindStringSubmatch(string(body))
	if m == nil {
		t.Fatalf("no confirmation form: %s", body)
	}
	confirm := func() int {
		resp, err := browser.PostForm(cb.URL+"/oauth/callback", url.Values{"confirm": {m[1]}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 && !strings.Contains(string(b), "You can close this window") {
			t.Errorf("confirmation: %s", b)
		}
		return resp.StatusCode
	}
	if got := confirm(); got != 200 {
		t.Fatalf("confirmation: %d", got)
	}
	if got := confirm(); got != http.StatusBadRequest {
		t.Errorf("replayed confirmation: %d, want 400", got)
	}
	// The state is single use.
	resp, err = browser.Get(cb.URL + "/oauth/callback?" + url.Values{"code": {"x"}, "state": {q.Get("state")}}.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("replayed state: %d, want 400", resp.StatusCode)
	}

	tok, err := grants.Token(ctx, alice)
	if err != nil {
		t.Fatal(err)
	}
	idp.resource = u.URL
	check, err := New(ctx, config.Auth{Mode: config.AuthOAuth, Issuer: idp.issuer(), Resource: u.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := check.Authenticate(authReq(tok)); err != nil || p.Subject != "alice@idp" {
		t.Errorf("alice's upstream token: %+v %v", p, err)
	}
	// Bob has no grant: alice's is not shared.
	if _, err := grants.Token(ctx, bob); !errors.As(err, &gr) {
		t.Errorf("bob: %v, want GrantRequiredError", err)
	}

	// The refresh token is stored sealed, never in clear.
	sealed, err := store.Get(ctx, "crm|"+alice.String())
	if err != nil {
		t.Fatal(err)
	}
	idp.mu.Lock()
	issued := append([]string(nil), idp.codes.issued...)
	idp.mu.Unlock()
	if len(issued) != 1 || bytes.Contains(sealed, []byte(issued[0])) {
		t.Fatalf("stored grant holds the refresh token in clear (issued %d)", len(issued))
	}
	// A sealed grant copied under bob's key does not open for bob.
	_ = store.Put(ctx, "crm|"+bob.String(), sealed)
	if _, err := grants.Token(ctx, bob); !errors.As(err, &gr) {
		t.Errorf("bob with alice's sealed grant: %v, want GrantRequiredError", err)
	}
	if idp.codes.refreshes.Load() != 0 {
		t.Error("a grant that did not open was still sent to the IdP")
	}

	// When the access token expires, the stored grant refreshes it.
	grants.now = func() time.Time { return time.Now().Add(10 * time.Minute) }
	tok2, err := grants.Token(ctx, alice)
	if err != nil || tok2 == tok || idp.codes.refreshes.Load() != 1 {
		t.Fatalf("refresh: %v (refreshes %d)", err, idp.codes.refreshes.Load())
	}
	// Through the transport, the upstream gets alice's token only.
	c, _, err := grants.Client(u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := do(t, c, WithPrincipal(ctx, alice), u.URL, http.Header{"Authorization": {"Bearer client-token"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := do(t, c, context.Background(), u.URL, nil); err == nil {
		t.Error("a request without a principal was sent")
	}
	auths, _ := up.seen()
	if len(auths) != 1 || auths[0] != "Bearer "+tok2 {
		t.Errorf("upstream saw %q", auths)
	}
	// A revoked grant sends the user back to authorize.
	idp.mu.Lock()
	clear(idp.codes.refresh)
	idp.mu.Unlock()
	grants.now = func() time.Time { return time.Now().Add(20 * time.Minute) }
	if _, err := grants.Token(ctx, alice); !errors.As(err, &gr) {
		t.Errorf("revoked grant: %v, want GrantRequiredError", err)
	}
	if _, err := store.Get(ctx, "crm|"+alice.String()); !errors.Is(err, ErrNoGrant) {
		t.Errorf("revoked grant still stored: %v", err)
	}
}

func TestNewUserGrantsErrors(t *testing.T) {
	base := config.Upstream{Name: "x", URL: "https://x.example/mcp", Auth: &config.UpstreamAuth{Type: config.UpstreamAuthorizationCode,
		AuthorizeURL: "https://idp.example/a", TokenURL: "https://idp.example/t", RedirectURL: "https://w.example/cb", ClientID: "c"}}
	key := strings.Repeat("aa", 32)
	if _, err := NewUserGrants(base, key, &MemoryGrantStore{}); err != nil {
		t.Fatalf("valid: %v", err)
	}
	for name, tt := range map[string]struct {
		mut   func(*config.UpstreamAuth)
		key   string
		store GrantStore
	}{
		"short key":       {nil, "abcd", &MemoryGrantStore{}},
		"no store":        {nil, key, nil},
		"http token url":  {func(a *config.UpstreamAuth) { a.TokenURL = "http://idp.example/t" }, key, &MemoryGrantStore{}},
		"other auth type": {func(a *config.UpstreamAuth) { a.Type = config.UpstreamClientCredentials }, key, &MemoryGrantStore{}},
	} {
		u := base
		a := *base.Auth
		u.Auth = &a
		if tt.mut != nil {
			tt.mut(&a)
		}
		if _, err := NewUserGrants(u, tt.key, tt.store); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestCallbackIssuer checks RFC 9207: an authorization response is used
// only if its iss parameter is the configured issuer, compared as a plain
// string, and, when the server always sends iss, only if it is present.
func TestCallbackIssuer(t *testing.T) {
	const as = "https://as.example.com"
	tests := []struct {
		name    string
		issuer  string
		require bool
		iss     []string // nil: no iss parameter
		extra   url.Values
		want    int
	}{
		{"matching iss", as, true, []string{as}, nil, http.StatusOK},
		{"matching iss, not required", as, false, []string{as}, nil, http.StatusOK},
		{"wrong issuer", as, true, []string{"https://evil.example.com"}, nil, http.StatusBadRequest},
		{"wrong issuer, not advertised", as, false, []string{"https://evil.example.com"}, nil, http.StatusBadRequest},
		{"trailing slash is another issuer", as, true, []string{as + "/"}, nil, http.StatusBadRequest},
		{"two iss parameters", as, false, []string{as, "https://evil.example.com"}, nil, http.StatusBadRequest},
		{"missing, server always sends it", as, true, nil, nil, http.StatusBadRequest},
		{"missing, server does not send it", as, false, nil, nil, http.StatusOK},
		{"no issuer configured", "", false, []string{"https://evil.example.com"}, nil, http.StatusOK},
		// An error response from the wrong server is not reported as this
		// server's refusal either.
		{"error from the wrong issuer", as, false, []string{"https://evil.example.com"}, url.Values{"error": {"access_denied"}}, http.StatusBadRequest},
		{"error from the right issuer", as, false, []string{as}, url.Values{"error": {"access_denied"}}, http.StatusForbidden},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := config.Upstream{Name: "crm", URL: "https://crm.example.com/mcp", Auth: &config.UpstreamAuth{
				Type: config.UpstreamAuthorizationCode, AuthorizeURL: as + "/authorize", TokenURL: as + "/token",
				RedirectURL: "https://warden.example.com/oauth/crm", ClientID: publicClient,
				Issuer: tc.issuer, RequireIss: tc.require}}
			g, err := NewUserGrants(u, strings.Repeat("0f", 32), &MemoryGrantStore{})
			if err != nil {
				t.Fatal(err)
			}
			au, _ := url.Parse(g.AuthCodeURL(&guard.Principal{Issuer: "https://corp", Subject: "alice"}))
			q := url.Values{"state": {au.Query().Get("state")}}
			if tc.extra == nil {
				q.Set("code", "the-code")
			}
			for k, v := range tc.extra {
				q[k] = v
			}
			if tc.iss != nil {
				q["iss"] = tc.iss
			}
			w := httptest.NewRecorder()
			g.CallbackHandler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/oauth/crm?"+q.Encode(), nil))
			if w.Code != tc.want {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.want, w.Body)
			}
			if tc.want == http.StatusOK && !strings.Contains(w.Body.String(), `name="confirm"`) {
				t.Errorf("no confirmation page: %s", w.Body)
			}
			if tc.want == http.StatusBadRequest && !strings.Contains(w.Body.String(), "RFC 9207") {
				t.Errorf("refusal does not say why: %s", w.Body)
			}
		})
	}
}
