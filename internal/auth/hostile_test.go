package auth

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

// signRaw signs payload (bytes as given, so duplicate or oddly cased
// member names survive) with key, adding hdr to the protected header.
func signRaw(t *testing.T, key any, alg jwa.SignatureAlgorithm, hdr map[string]any, payload string) string {
	t.Helper()
	h := jws.NewHeaders()
	for k, v := range hdr {
		if err := h.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	out, err := jws.Sign([]byte(payload), jws.WithKey(alg, key, jws.WithProtectedHeaders(h)))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// claimsJSON renders idp.claims(sub, "mcp") and appends extra members
// verbatim before the closing brace.
func claimsJSON(t *testing.T, idp *testIdP, sub, extra string) string {
	t.Helper()
	b, err := json.Marshal(idp.claims(sub, "mcp"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSuffix(string(b), "}")
	if extra != "" {
		s += "," + extra
	}
	return s + "}"
}

// TestJWTClaimNamesAreCaseSensitive: JSON member names are case-sensitive
// (RFC 7159), but encoding/json matches struct fields without regard to
// case. A signed token whose IdP lets users or admins add custom claims
// ("SUB", "Aud") must not have them taken for sub, aud, iss or scope.
func TestJWTClaimNamesAreCaseSensitive(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	tests := []struct {
		name   string
		extra  func(c map[string]any) string
		accept bool
		sub    string
		scopes []string
	}{
		{"SUB does not replace sub", func(map[string]any) string { return `"SUB":"admin","Sub":"root"` }, true, "mallory", []string{"mcp"}},
		{"Scope does not replace scope", func(map[string]any) string { return `"SCOPE":"mcp admin:all"` }, true, "mallory", []string{"mcp"}},
		{"AUD does not replace a foreign aud", nil, false, "", nil},
		{"ISS does not replace a foreign iss", nil, false, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var payload string
			switch tt.name {
			case "AUD does not replace a foreign aud":
				c := idp.claims("mallory", "mcp")
				delete(c, "aud")
				b, _ := json.Marshal(c)
				payload = strings.TrimSuffix(string(b), "}") + `,"aud":"https://other.example.test/api","AUD":"` + testResource + `"}`
			case "ISS does not replace a foreign iss":
				c := idp.claims("mallory", "mcp")
				delete(c, "iss")
				b, _ := json.Marshal(c)
				payload = strings.TrimSuffix(string(b), "}") + `,"iss":"https://evil.example.test","ISS":"` + idp.issuer() + `"}`
			default:
				payload = claimsJSON(t, idp, "mallory", tt.extra(nil))
			}
			tok := signRaw(t, idp.signingKey(), jwa.ES256(), map[string]any{"typ": "at+jwt"}, payload)
			p, err := a.Authenticate(authReq(tok))
			if !tt.accept {
				if err == nil {
					t.Fatalf("accepted as %+v", p)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Subject != tt.sub || strings.Join(p.Scopes, " ") != strings.Join(tt.scopes, " ") {
				t.Errorf("principal %q scopes %q, want %q %q", p.Subject, p.Scopes, tt.sub, tt.scopes)
			}
		})
	}
}

// TestJWTHeaderAttacks: nothing in the token's own header may choose the
// key (jwk, jku, x5u), a kid is only ever a lookup key, and a token typed
// as something other than an access token is refused (RFC 8725 3.11).
func TestJWTHeaderAttacks(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	a.keys.minRefresh = time.Hour // the first refetch is spent below
	var stolen atomic.Int64
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { stolen.Add(1) }))
	defer evil.Close()
	raw, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	mine, _ := jwk.Import(raw)
	pub, _ := mine.PublicKey()
	valid := claimsJSON(t, idp, "mallory", "")
	tests := []struct {
		name string
		key  any
		hdr  map[string]any
		want string
	}{
		{"embedded jwk with the real kid", mine, map[string]any{"kid": "k1", "jwk": pub}, "signature is invalid"},
		{"embedded jwk, no kid", mine, map[string]any{"jwk": pub}, "signature is invalid"},
		{"jku to the attacker", mine, map[string]any{"kid": "evil", "jku": evil.URL + "/jwks"}, "unknown signing key"},
		{"x5u to the attacker", mine, map[string]any{"kid": "k1", "x5u": evil.URL + "/cert"}, "signature is invalid"},
		{"kid path traversal", mine, map[string]any{"kid": "../../../../dev/null"}, "unknown signing key"},
		{"kid with CRLF", mine, map[string]any{"kid": "a\r\nSet-Cookie: x=1"}, "unknown signing key"},
		{"crit header", idp.signingKey(), map[string]any{"kid": "k1", "crit": []string{"exp"}, "exp": 1}, "critical"},
		{"typ dpop+jwt", idp.signingKey(), map[string]any{"kid": "k1", "typ": "dpop+jwt"}, "typ"},
		{"typ logout+jwt", idp.signingKey(), map[string]any{"kid": "k1", "typ": "logout+jwt"}, "typ"},
		{"typ secevent+jwt", idp.signingKey(), map[string]any{"kid": "k1", "typ": "application/secevent+jwt"}, "typ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Authenticate(authReq(signRaw(t, tt.key, jwa.ES256(), tt.hdr, valid)))
			he := httpErr(t, err, http.StatusUnauthorized)
			if !strings.Contains(he.Msg, tt.want) {
				t.Errorf("error %q does not mention %q", he.Msg, tt.want)
			}
			if ch := he.Header.Get("WWW-Authenticate"); strings.ContainsAny(ch, "\r\n") {
				t.Errorf("challenge carries a line break: %q", ch)
			}
		})
	}
	if n := stolen.Load(); n != 0 {
		t.Errorf("Warden fetched %d URLs named by token headers", n)
	}
	// What real IdPs send as typ stays accepted.
	for _, typ := range []string{"", "JWT", "jwt", "at+jwt", "application/at+jwt", "AT+JWT"} {
		hdr := map[string]any{"kid": "k1"}
		if typ != "" {
			hdr["typ"] = typ
		}
		if _, err := a.Authenticate(authReq(signRaw(t, idp.signingKey(), jwa.ES256(), hdr, valid))); err != nil {
			t.Errorf("typ %q: %v", typ, err)
		}
	}
}

// TestUnknownKidIsClipped: a kid comes from an unverified token; the error
// (and the WWW-Authenticate header built from it) must not echo all of it,
// also when the refetch it triggers fails.
func TestUnknownKidIsClipped(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	idp.mux.HandleFunc("GET /down/jwks", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	a.keys.url = idp.issuer() + "/down/jwks" // the refetch fails
	kid := strings.Repeat("K", 8000)
	raw, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	_, err := a.Authenticate(authReq(signRaw(t, raw, jwa.ES256(), map[string]any{"kid": kid}, claimsJSON(t, idp, "x", ""))))
	he := httpErr(t, err, http.StatusUnauthorized)
	if strings.Contains(he.Msg, kid[:200]) || len(he.Header.Get("WWW-Authenticate")) > 1000 {
		t.Errorf("the kid is echoed whole: message %d bytes, challenge %d bytes", len(he.Msg), len(he.Header.Get("WWW-Authenticate")))
	}
}

// TestIntrospectionMemberNamesAreCaseSensitive: an introspection answer
// carrying "ACTIVE": true after "active": false is inactive, and "SUB" is
// not the subject.
func TestIntrospectionMemberNamesAreCaseSensitive(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, func(c *config.Auth) {
		c.Introspection = config.Introspection{ClientID: idpClientID, ClientSecret: idpClientSecret, CacheTTL: config.Duration(time.Minute)}
	})
	exp := time.Now().Add(5 * time.Minute).Unix()
	answers := map[string]string{
		"shouting": fmt.Sprintf(`{"active":false,"sub":"erin","scope":"mcp","aud":%q,"exp":%d,"ACTIVE":true}`, testResource, exp),
		"sub-case": fmt.Sprintf(`{"active":true,"sub":"erin","scope":"mcp","aud":%q,"exp":%d,"SUB":"admin"}`, testResource, exp),
	}
	idp.mux.HandleFunc("POST /raw-introspect", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, answers[r.PostFormValue("token")])
	})
	a.intro.url = idp.issuer() + "/raw-introspect"
	if p, err := a.Authenticate(authReq("shouting")); err == nil {
		t.Errorf("ACTIVE made an inactive token active: %+v", p)
	}
	p, err := a.Authenticate(authReq("sub-case"))
	if err != nil || p.Subject != "erin" {
		t.Errorf("principal %+v, %v; want erin", p, err)
	}
}

// TestBearerTransportStripsHeaderCaseVariants: a header map can hold keys
// that are not canonical (set by index, as a proxy copying headers would);
// net/http sends them verbatim. None of the caller's credentials may pass.
func TestBearerTransportStripsHeaderCaseVariants(t *testing.T) {
	var got http.Header
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.Header.Clone() }))
	defer up.Close()
	tr := &bearerTransport{next: http.DefaultTransport, token: func(*http.Request) (string, error) { return "warden-token", nil }}
	req, _ := http.NewRequest(http.MethodPost, up.URL, strings.NewReader("{}"))
	req.Header["authorization"] = []string{"Bearer client-token"}
	req.Header["AUTHORIZATION"] = []string{"Bearer client-token-2"}
	req.Header["cookie"] = []string{"sid=abc"}
	req.Header["Proxy-Authorization"] = []string{"Basic Y2xpZW50OnNlY3JldA=="}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if a := got.Values("Authorization"); len(a) != 1 || a[0] != "Bearer warden-token" {
		t.Errorf("upstream saw Authorization %q", a)
	}
	if c := got.Values("Cookie"); len(c) != 0 {
		t.Errorf("upstream saw Cookie %q", c)
	}
	if p := got.Values("Proxy-Authorization"); len(p) != 0 {
		t.Errorf("upstream saw Proxy-Authorization %q", p)
	}
}

// TestExchangeErrorDoesNotEchoTheToken: a token endpoint that quotes the
// subject token in its error must not put the caller's credential into
// Warden's errors (and from there into logs and audit events).
func TestExchangeErrorDoesNotEchoTheToken(t *testing.T) {
	subject := "eyJhbGciOiJFUzI1NiJ9." + strings.Repeat("c2VjcmV0", 40) + ".signature-part-of-the-callers-token"
	as := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]string{"error": "invalid_request " + r.PostFormValue("subject_token"),
			"error_description": "subject_token " + r.PostFormValue("subject_token") + " is not valid"})
	}))
	defer as.Close()
	x := &exchanger{name: "crm", cfg: config.UpstreamAuth{TokenURL: as.URL, ClientID: "warden", ClientSecret: "s"},
		resource: "https://crm.example.test/mcp", client: as.Client(), now: time.Now, cache: map[[32]byte]exchanged{}}
	for _, subject := range []string{subject, "opaque-8f2a9c"} {
		_, err := x.tokenFor(context.Background(), subject)
		if err == nil {
			t.Fatal("no error")
		}
		if strings.Contains(err.Error(), "signature-part-of-the-callers-token") || strings.Contains(err.Error(), "8f2a9c") {
			t.Errorf("error echoes the caller's token: %.200s...", err)
		}
	}
}

// TestPendingFloodSparesOtherUsers: one user whose requests keep starting
// authorizations must not evict another user's authorization under way.
func TestPendingFloodSparesOtherUsers(t *testing.T) {
	u := config.Upstream{Name: "crm", URL: "https://crm.example.com/mcp", Auth: &config.UpstreamAuth{
		Type: config.UpstreamAuthorizationCode, AuthorizeURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token",
		RedirectURL: "https://warden.example.com/oauth/crm", ClientID: publicClient}}
	g, err := NewUserGrants(u, strings.Repeat("0f", 32), &MemoryGrantStore{})
	if err != nil {
		t.Fatal(err)
	}
	alice := &guard.Principal{Issuer: "https://corp", Subject: "alice"}
	mallory := &guard.Principal{Issuer: "https://corp", Subject: "mallory"}
	au, _ := url.Parse(g.AuthCodeURL(alice))
	for range maxCached + 10 {
		g.AuthCodeURL(mallory)
	}
	q := url.Values{"state": {au.Query().Get("state")}, "code": {"c"}}
	w := httptest.NewRecorder()
	g.CallbackHandler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/oauth/crm?"+q.Encode(), nil))
	if w.Code != http.StatusOK {
		t.Errorf("alice's authorization was evicted by mallory's: %d %s", w.Code, w.Body)
	}
	g.mu.Lock()
	n := len(g.pending)
	g.mu.Unlock()
	if n > 100 {
		t.Errorf("one user holds %d pending authorizations", n)
	}
}

// barrierStore holds every Get until n callers arrived or a short while
// passed, so that concurrent refreshes really overlap.
type barrierStore struct {
	GrantStore
	mu      sync.Mutex
	n       int
	arrived int
	all     chan struct{}
}

func (s *barrierStore) Get(ctx context.Context, key string) ([]byte, error) {
	s.mu.Lock()
	s.arrived++
	if s.arrived == s.n {
		close(s.all)
	}
	s.mu.Unlock()
	select {
	case <-s.all:
	case <-time.After(300 * time.Millisecond):
	}
	return s.GrantStore.Get(ctx, key)
}

// TestConcurrentRefreshKeepsTheGrant: when a user's access token expires,
// parallel requests must not each redeem the same rotating refresh token.
// The second redemption is a reuse (invalid_grant; many servers then revoke
// the whole grant), after which Warden would delete the new grant and send
// the user to authorize again.
func TestConcurrentRefreshKeepsTheGrant(t *testing.T) {
	idp := newTestIdP(t)
	idp.enableCodeFlow("alice@idp")
	const n = 6
	store := &barrierStore{GrantStore: &MemoryGrantStore{}, n: n, all: make(chan struct{})}
	u := config.Upstream{Name: "crm", URL: "https://crm.example.test/mcp", Auth: &config.UpstreamAuth{
		Type: config.UpstreamAuthorizationCode, AuthorizeURL: idp.issuer() + "/authorize", TokenURL: idp.issuer() + "/token",
		RedirectURL: "http://127.0.0.1/oauth/callback", ClientID: publicClient}}
	g, err := NewUserGrants(u, strings.Repeat("0f", 32), store)
	if err != nil {
		t.Fatal(err)
	}
	alice := &guard.Principal{Issuer: "https://corp.example.test", Subject: "alice"}
	idp.mu.Lock()
	idp.codes.refresh["rt-seed"] = "alice@idp"
	idp.mu.Unlock()
	ctx := context.Background()
	if err := store.GrantStore.Put(ctx, g.grantKey(alice.String()), g.seal(alice.String(), "rt-seed")); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { _, errs[i] = g.Token(ctx, alice) })
	}
	wg.Wait()
	for i, err := range errs {
		var gr *GrantRequiredError
		if errors.As(err, &gr) {
			t.Errorf("request %d: the user was sent to authorize again", i)
		} else if err != nil {
			t.Errorf("request %d: %v", i, err)
		}
	}
	if got := idp.codes.refreshes.Load(); got != 1 {
		t.Errorf("%d refresh requests for one expired token, want 1", got)
	}
	if _, err := store.GrantStore.Get(ctx, g.grantKey(alice.String())); err != nil {
		t.Errorf("the rotated grant is gone: %v", err)
	}
}

// stallingStore makes the first Get wait until its context ends.
type stallingStore struct {
	GrantStore
	calls atomic.Int64
}

func (s *stallingStore) Get(ctx context.Context, key string) ([]byte, error) {
	if s.calls.Add(1) == 1 {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return s.GrantStore.Get(ctx, key)
}

// TestRefreshOfCancelledRequestIsRetried: a request waiting for another
// request's refresh does not inherit that request's cancellation.
func TestRefreshOfCancelledRequestIsRetried(t *testing.T) {
	idp := newTestIdP(t)
	idp.enableCodeFlow("alice@idp")
	store := &stallingStore{GrantStore: &MemoryGrantStore{}}
	u := config.Upstream{Name: "crm", URL: "https://crm.example.test/mcp", Auth: &config.UpstreamAuth{
		Type: config.UpstreamAuthorizationCode, AuthorizeURL: idp.issuer() + "/authorize", TokenURL: idp.issuer() + "/token",
		RedirectURL: "http://127.0.0.1/oauth/callback", ClientID: publicClient}}
	g, err := NewUserGrants(u, strings.Repeat("0f", 32), store)
	if err != nil {
		t.Fatal(err)
	}
	alice := &guard.Principal{Issuer: "https://corp.example.test", Subject: "alice"}
	idp.mu.Lock()
	idp.codes.refresh["rt-seed"] = "alice@idp"
	idp.mu.Unlock()
	_ = store.GrantStore.Put(context.Background(), g.grantKey(alice.String()), g.seal(alice.String(), "rt-seed"))
	leaderCtx, cancel := context.WithCancel(context.Background())
	leaderErr := make(chan error, 1)
	go func() { _, err := g.Token(leaderCtx, alice); leaderErr <- err }()
	for store.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	waiter := make(chan error, 1)
	go func() { _, err := g.Token(context.Background(), alice); waiter <- err }()
	time.Sleep(20 * time.Millisecond) // let the waiter queue behind the leader
	cancel()
	if err := <-leaderErr; err == nil {
		t.Error("the cancelled request got a token")
	}
	select {
	case err := <-waiter:
		if err != nil {
			t.Errorf("the waiting request: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting request hangs")
	}
}

// TestAuthorizationServerFetchLimits: metadata and JWKS come only from the
// URL asked, and only up to maxDocument bytes.
func TestAuthorizationServerFetchLimits(t *testing.T) {
	idp := newTestIdP(t)
	odd := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/redirect/jwks", "/.well-known/oauth-authorization-server/redirect", "/.well-known/openid-configuration/redirect",
			"/redirect/.well-known/openid-configuration":
			http.Redirect(w, r, idp.issuer()+"/jwks", http.StatusFound)
		case "/huge/jwks":
			io.WriteString(w, `{"keys":[],"pad":"`+strings.Repeat("x", maxDocument)+`"}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer odd.Close()
	for name, mut := range map[string]func(*config.Auth){
		"JWKS redirect":     func(c *config.Auth) { c.JWKSURL = odd.URL + "/redirect/jwks" },
		"oversized JWKS":    func(c *config.Auth) { c.JWKSURL = odd.URL + "/huge/jwks" },
		"metadata redirect": func(c *config.Auth) { c.Issuer = odd.URL + "/redirect" },
	} {
		t.Run(name, func(t *testing.T) {
			cfg := oauthConfig(idp)
			mut(&cfg)
			if a, err := New(context.Background(), cfg, nil); err == nil {
				t.Fatalf("New accepted it: %+v", a)
			}
		})
	}
}
