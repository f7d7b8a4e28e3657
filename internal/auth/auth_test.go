package auth

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
)

const testResource = "https://mcp.example.test/mcp"

func oauthConfig(idp *testIdP) config.Auth {
	return config.Auth{
		Mode: config.AuthOAuth, Resource: testResource, Issuer: idp.issuer(),
		ClockSkew: config.Duration(30 * time.Second), JWKSMaxAge: config.Duration(time.Hour),
		RequiredScopes: []string{"mcp"}, GroupsClaim: "groups",
		Scopes: []config.ScopeRule{{Scope: "files:write", Server: "files", Tools: []string{"write_*", "delete"}}},
	}
}

func newOAuth(t *testing.T, idp *testIdP, mut func(*config.Auth)) *Authenticator {
	t.Helper()
	idp.resource = testResource
	cfg := oauthConfig(idp)
	if mut != nil {
		mut(&cfg)
	}
	a, err := New(context.Background(), cfg, nil)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	a.keys.minRefresh = 0 // let every unknown kid refetch, to observe it
	return a
}

func authReq(tok string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/mcp", nil)
	if tok != "" {
		r.Header.Set("Authorization", "Bearer "+tok)
	}
	return r
}

// httpErr asserts err is a *gateway.HTTPError with status and returns it.
func httpErr(t *testing.T, err error, status int) *gateway.HTTPError {
	t.Helper()
	var he *gateway.HTTPError
	if !errors.As(err, &he) {
		t.Fatalf("error %v (%T) is not a *gateway.HTTPError", err, err)
	}
	if he.Status != status {
		t.Fatalf("status = %d, want %d (%s)", he.Status, status, he.Msg)
	}
	return he
}

func TestJWTValid(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	p, err := a.Authenticate(authReq(idp.sign(idp.claims("alice", "mcp", "files:read"))))
	if err != nil {
		t.Fatal(err)
	}
	want := guard.Principal{Issuer: idp.issuer(), Subject: "alice", ClientID: "test-client",
		Groups: []string{"eng"}, Scopes: []string{"mcp", "files:read"}}
	if p.Issuer != want.Issuer || p.Subject != want.Subject || p.ClientID != want.ClientID ||
		!slices.Equal(p.Groups, want.Groups) || !slices.Equal(p.Scopes, want.Scopes) || p.Claims["sub"] != "alice" {
		t.Errorf("principal = %+v, want %+v", p, want)
	}
	if p.String() != idp.issuer()+"#alice" {
		t.Errorf("String = %q", p.String())
	}
}

func TestJWTAttacks(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	now := time.Now()
	valid := func() map[string]any { return idp.claims("mallory", "mcp") }
	with := func(k string, v any) map[string]any {
		c := valid()
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	pubDER, err := x509.MarshalPKIXPublicKey(&rsaKeyOnce().PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})
	// An RSA key that the IdP also publishes, so the HS256 attack names a
	// real kid whose public key the attacker knows.
	rsaPub, _ := jwk.Import(&rsaKeyOnce().PublicKey)
	_ = rsaPub.Set(jwk.KeyIDKey, "rsa1")
	idp.extraJWKS = []jwk.Key{rsaPub}
	rsaPriv, _ := jwk.Import(rsaKeyOnce())
	_ = rsaPriv.Set(jwk.KeyIDKey, "rsa1")
	other := newTestIdP(t) // a second, unrelated authorization server

	tests := []struct {
		name string
		tok  func() string
		want string // substring of the error
	}{
		{"alg none", func() string {
			return rawJWT(t, map[string]any{"alg": "none", "typ": "JWT", "kid": "k1"}, valid(), nil)
		}, `algorithm "none" is not allowed`},
		{"HS256 signed with the public key", func() string {
			return rawJWT(t, map[string]any{"alg": "HS256", "kid": "rsa1"}, valid(), func(in []byte) []byte {
				m := hmac.New(sha256.New, pubPEM)
				m.Write(in)
				return m.Sum(nil)
			})
		}, `algorithm "HS256" is not allowed`},
		{"HS256 signed with the DER public key", func() string {
			return rawJWT(t, map[string]any{"alg": "HS256", "kid": "rsa1"}, valid(), func(in []byte) []byte {
				m := hmac.New(sha256.New, pubDER)
				m.Write(in)
				return m.Sum(nil)
			})
		}, "not allowed"},
		{"RS256 key not in the allowlist", func() string {
			return signWith(t, rsaPriv, jwa.RS512(), valid())
		}, `algorithm "RS512" is not allowed`},
		{"wrong aud", func() string { return idp.sign(with("aud", "https://other.example.test/mcp")) }, "another resource"},
		{"token for another resource (list)", func() string {
			return idp.sign(with("aud", []string{"https://mcp.example.test/other", "api://x"}))
		}, "another resource"},
		{"no aud", func() string { return idp.sign(with("aud", nil)) }, "another resource"},
		{"wrong iss", func() string { return idp.sign(with("iss", "https://evil.example.test")) }, "issuer"},
		{"signed by another server", func() string { return other.sign(with("iss", idp.issuer())) }, "signature is invalid"},
		{"expired", func() string { return idp.sign(with("exp", now.Add(-2*time.Minute).Unix())) }, "expired"},
		{"no exp", func() string { return idp.sign(with("exp", nil)) }, "no valid exp"},
		{"not yet valid", func() string { return idp.sign(with("nbf", now.Add(5*time.Minute).Unix())) }, "not valid yet"},
		{"issued in the future", func() string { return idp.sign(with("iat", now.Add(5*time.Minute).Unix())) }, "future"},
		{"no sub", func() string { return idp.sign(with("sub", nil)) }, "no sub"},
		{"tampered payload", func() string {
			tok := idp.sign(valid())
			parts := strings.Split(tok, ".")
			forged := rawJWT(t, map[string]any{"alg": "ES256"}, with("sub", "admin"), nil)
			return parts[0] + "." + strings.Split(forged, ".")[1] + "." + parts[2]
		}, "signature is invalid"},
		{"garbage", func() string { return "a.b.c" }, "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Authenticate(authReq(tt.tok()))
			he := httpErr(t, err, http.StatusUnauthorized)
			if !strings.Contains(he.Msg, tt.want) {
				t.Errorf("error %q does not mention %q", he.Msg, tt.want)
			}
			ch := he.Header.Get("WWW-Authenticate")
			if !strings.HasPrefix(ch, "Bearer ") || !strings.Contains(ch, `error="invalid_token"`) ||
				!strings.Contains(ch, `resource_metadata="https://mcp.example.test/.well-known/oauth-protected-resource/mcp"`) {
				t.Errorf("WWW-Authenticate = %q", ch)
			}
		})
	}
}

func TestUnknownKidRefreshesThenRejects(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	other := newTestIdP(t)
	other.rotate("nobody-knows-me")
	before := idp.jwksCalls.Load()
	_, err := a.Authenticate(authReq(other.sign(idp.claims("bob", "mcp"))))
	he := httpErr(t, err, http.StatusUnauthorized)
	if !strings.Contains(he.Msg, "unknown signing key") {
		t.Errorf("error = %q", he.Msg)
	}
	if got := idp.jwksCalls.Load() - before; got != 1 {
		t.Errorf("JWKS fetched %d times for an unknown kid, want exactly 1 refresh", got)
	}
	// With the refresh rate limit in force, a flood of random kids does not
	// reach the authorization server.
	a.keys.minRefresh = time.Hour
	before = idp.jwksCalls.Load()
	for range 5 {
		_, _ = a.Authenticate(authReq(other.sign(idp.claims("bob", "mcp"))))
	}
	if got := idp.jwksCalls.Load() - before; got != 0 {
		t.Errorf("JWKS fetched %d times within the rate limit, want 0", got)
	}
}

func TestKeyRotation(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	old := idp.sign(idp.claims("carol", "mcp"))
	if _, err := a.Authenticate(authReq(old)); err != nil {
		t.Fatalf("token of the first key: %v", err)
	}
	idp.rotate("k2")
	fresh := idp.sign(idp.claims("carol", "mcp"))
	p, err := a.Authenticate(authReq(fresh))
	if err != nil {
		t.Fatalf("token of the rotated key was refused: %v", err)
	}
	if p.Subject != "carol" {
		t.Errorf("subject = %q", p.Subject)
	}
	// The retired key is gone from the JWKS: its tokens no longer verify.
	_, err = a.Authenticate(authReq(old))
	httpErr(t, err, http.StatusUnauthorized)
}

func TestChallengeAndHeaders(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	tests := []struct {
		name   string
		header []string
		want   string
	}{
		{"missing", nil, `Bearer scope="mcp", resource_metadata="https://mcp.example.test/.well-known/oauth-protected-resource/mcp"`},
		{"basic scheme", []string{"Basic dXNlcjpwYXNz"}, `Bearer scope="mcp", resource_metadata=`},
		{"two headers", []string{"Bearer a", "Bearer b"}, `Bearer error="invalid_request"`},
		{"empty bearer", []string{"Bearer "}, `Bearer error="invalid_request"`},
		{"opaque without introspection", []string{"Bearer opaque-token"}, `error_description="token is not a JWT and introspection is not configured"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/mcp", nil)
			for _, h := range tt.header {
				r.Header.Add("Authorization", h)
			}
			_, err := a.Authenticate(r)
			status := http.StatusUnauthorized
			if strings.Contains(tt.want, "invalid_request") {
				status = http.StatusBadRequest
			}
			he := httpErr(t, err, status)
			if got := he.Header.Get("WWW-Authenticate"); !strings.Contains(got, tt.want) {
				t.Errorf("WWW-Authenticate = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestScopes(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)

	// A token without the required scope gets 403 insufficient_scope.
	_, err := a.Authenticate(authReq(idp.sign(idp.claims("dave", "files:read"))))
	he := httpErr(t, err, http.StatusForbidden)
	if got := he.Header.Get("WWW-Authenticate"); !strings.Contains(got, `error="insufficient_scope"`) || !strings.Contains(got, `scope="mcp"`) {
		t.Errorf("WWW-Authenticate = %q", got)
	}

	p, err := a.Authenticate(authReq(idp.sign(idp.claims("dave", "mcp"))))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		server, method, tool string
		scopes               []string
		wantErr              bool
	}{
		{"files", "tools/call", "read_file", nil, false},
		{"files", "tools/call", "write_file", nil, true},
		{"files", "tools/call", "delete", nil, true},
		{"files", "tools/call", "write_file", []string{"mcp", "files:write"}, false},
		{"other", "tools/call", "write_file", nil, false},
		// "*" matches "/" too: a slash in a tool name does not slip past.
		{"files", "tools/call", "write_x/y", nil, true},
		{"files", "tools/call", "read/write_x", nil, false},
		// A rule with tools is about tools: a prompt of the same name is not one.
		{"files", "prompts/get", "write_file", nil, false},
		{"files", "resources/read", "file:///etc/write_x", nil, false},
	}
	for _, tt := range tests {
		q := *p
		if tt.scopes != nil {
			q.Scopes = tt.scopes
		}
		err := a.CheckScope(&q, tt.server, tt.method, tt.tool)
		if (err != nil) != tt.wantErr {
			t.Errorf("CheckScope(%s, %s, %s, %v) = %v, want error %v", tt.server, tt.method, tt.tool, q.Scopes, err, tt.wantErr)
			continue
		}
		if err != nil {
			he := httpErr(t, err, http.StatusForbidden)
			got := he.Header.Get("WWW-Authenticate")
			if !strings.Contains(got, `error="insufficient_scope"`) || !strings.Contains(got, `scope="mcp files:write"`) ||
				!strings.Contains(got, "resource_metadata=") {
				t.Errorf("step-up challenge = %q", got)
			}
		}
	}
}

func TestMetadataHandler(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, nil)
	paths := a.MetadataPaths()
	if !slices.Equal(paths, []string{"/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"}) {
		t.Fatalf("MetadataPaths = %q", paths)
	}
	srv := httptest.NewServer(a.MetadataHandler())
	defer srv.Close()
	for _, p := range paths {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Resource string   `json:"resource"`
			AS       []string `json:"authorization_servers"`
			Scopes   []string `json:"scopes_supported"`
			Methods  []string `json:"bearer_methods_supported"`
		}
		err = json.NewDecoder(resp.Body).Decode(&doc)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %v", p, resp.StatusCode, err)
		}
		if doc.Resource != testResource || !slices.Equal(doc.AS, []string{idp.issuer()}) ||
			!slices.Equal(doc.Scopes, []string{"files:write", "mcp"}) || !slices.Equal(doc.Methods, []string{"header"}) {
			t.Errorf("%s: %+v", p, doc)
		}
	}
	resp, err := http.Get(srv.URL + "/.well-known/oauth-protected-resource/other")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: %d", resp.StatusCode)
	}
}

func TestIntrospection(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, func(c *config.Auth) {
		c.Introspection = config.Introspection{ClientID: idpClientID, ClientSecret: idpClientSecret, CacheTTL: config.Duration(time.Minute)}
	})
	exp := time.Now().Add(5 * time.Minute).Unix()
	idp.addOpaque("good", map[string]any{"active": true, "sub": "erin", "client_id": "c1", "scope": "mcp files:read",
		"aud": []string{testResource}, "iss": idp.issuer(), "exp": exp})
	idp.addOpaque("inactive", map[string]any{"active": false})
	idp.addOpaque("other-aud", map[string]any{"active": true, "sub": "erin", "scope": "mcp", "aud": "https://other.test", "exp": exp})
	idp.addOpaque("no-aud", map[string]any{"active": true, "sub": "erin", "scope": "mcp", "exp": exp})
	idp.addOpaque("expired", map[string]any{"active": true, "sub": "erin", "scope": "mcp", "aud": testResource, "exp": time.Now().Add(-time.Hour).Unix()})
	idp.addOpaque("other-iss", map[string]any{"active": true, "sub": "erin", "scope": "mcp", "aud": testResource, "iss": "https://evil.test", "exp": exp})

	p, err := a.Authenticate(authReq("good"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "erin" || p.ClientID != "c1" || !slices.Equal(p.Scopes, []string{"mcp", "files:read"}) || p.Issuer != idp.issuer() {
		t.Errorf("principal = %+v", p)
	}
	before := idp.introCalls.Load()
	if _, err := a.Authenticate(authReq("good")); err != nil {
		t.Fatal(err)
	}
	if got := idp.introCalls.Load() - before; got != 0 {
		t.Errorf("a cached token was introspected again (%d calls)", got)
	}
	for _, tok := range []string{"inactive", "unknown", "other-aud", "no-aud", "expired", "other-iss"} {
		_, err := a.Authenticate(authReq(tok))
		httpErr(t, err, http.StatusUnauthorized)
	}
	// An inactive answer is cached too, briefly.
	before = idp.introCalls.Load()
	_, _ = a.Authenticate(authReq("inactive"))
	if got := idp.introCalls.Load() - before; got != 0 {
		t.Errorf("inactive answer not cached (%d calls)", got)
	}
	// The cache never outlives the answer's lifetime.
	a.intro.now = func() time.Time { return time.Now().Add(2 * time.Minute) }
	before = idp.introCalls.Load()
	if _, err := a.Authenticate(authReq("good")); err != nil {
		t.Fatal(err)
	}
	if got := idp.introCalls.Load() - before; got != 1 {
		t.Errorf("after the cache TTL: %d introspection calls, want 1", got)
	}
	// An unreachable authorization server is a 503, not a pass.
	idp.srv.Close()
	_, err = a.Authenticate(authReq("never-seen"))
	httpErr(t, err, http.StatusServiceUnavailable)
}

func TestAPIKeys(t *testing.T) {
	const key = "wk_4f1c2a9e0b7d4c5e8a1f3b6d9c0e2a4b"
	a, err := New(context.Background(), config.Auth{Mode: config.AuthAPIKey, APIKeys: []config.APIKey{
		{Name: "ci", Hash: HashAPIKey(key), Subject: "ci-bot", Scopes: []string{"mcp"}, Groups: []string{"bots"}},
		{Name: "other", Hash: HashAPIKey("another-key-entirely")},
	}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.Authenticate(authReq(key))
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "ci-bot" || p.ClientID != "ci" || p.Issuer != APIKeyIssuer || !slices.Equal(p.Scopes, []string{"mcp"}) {
		t.Errorf("principal = %+v", p)
	}
	p.Scopes[0] = "tampered"
	if p2, _ := a.Authenticate(authReq(key)); p2.Scopes[0] != "mcp" {
		t.Error("principals share scope slices")
	}
	for _, bad := range []string{key + "x", strings.ToUpper(key), HashAPIKey(key), ""} {
		_, err := a.Authenticate(authReq(bad))
		httpErr(t, err, http.StatusUnauthorized)
	}
}

func TestModeNone(t *testing.T) {
	for _, mode := range []string{config.AuthNone, config.AuthUnset} {
		a, err := New(context.Background(), config.Auth{Mode: mode}, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := a.Authenticate(authReq(""))
		if err != nil || p.Subject != "local" || a.Enabled() {
			t.Errorf("mode %q: %+v %v", mode, p, err)
		}
		if a.CheckScope(p, "x", "tools/call", "y") != nil || a.MetadataPaths() != nil {
			t.Errorf("mode %q: scope check or metadata active", mode)
		}
	}
}

func TestNewFailsOnBadConfiguration(t *testing.T) {
	idp := newTestIdP(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + ln.Addr().String()
	ln.Close() // nothing listens here any more

	lying := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{"issuer": "https://honest.example.test", "jwks_uri": idp.issuer() + "/jwks"})
	}))
	defer lying.Close()
	noKeys := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "jwks") {
			writeJSON(w, map[string]any{"keys": []any{map[string]any{"kty": "oct", "k": "c2VjcmV0", "kid": "h"}}})
			return
		}
		http.NotFound(w, r)
	}))
	defer noKeys.Close()

	tests := []struct {
		name string
		mut  func(*config.Auth)
		want string
	}{
		{"unreachable issuer", func(c *config.Auth) { c.Issuer = dead }, "discovering issuer"},
		{"missing audience", func(c *config.Auth) { c.Resource = "" }, "resource is required"},
		{"missing issuer", func(c *config.Auth) { c.Issuer = "" }, "issuer is required"},
		{"issuer mismatch in metadata", func(c *config.Auth) { c.Issuer = lying.URL }, "names issuer"},
		{"HMAC algorithm", func(c *config.Auth) { c.Algorithms = []string{"HS256"} }, `algorithm "HS256" is not allowed`},
		{"none algorithm", func(c *config.Auth) { c.Algorithms = []string{"none"} }, `"none" is not allowed`},
		{"JWKS with only a symmetric key", func(c *config.Auth) { c.JWKSURL = noKeys.URL + "/jwks" }, "no usable public signature keys"},
		{"plain http issuer", func(c *config.Auth) { c.Issuer = "http://idp.example.test" }, "must use https"},
		{"unknown mode", func(c *config.Auth) { c.Mode = "magic" }, "unknown mode"},
		{"api_key without keys", func(c *config.Auth) { c.Mode = config.AuthAPIKey }, "at least one key"},
		{"bad api key hash", func(c *config.Auth) {
			c.Mode = config.AuthAPIKey
			c.APIKeys = []config.APIKey{{Name: "x", Hash: "md5:abc"}}
		}, "sha256"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := oauthConfig(idp)
			tt.mut(&cfg)
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			a, err := New(ctx, cfg, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New = %v, %v; want an error mentioning %q", a, err, tt.want)
			}
		})
	}
}

func TestScopeGuard(t *testing.T) {
	idp := newTestIdP(t)
	a := newOAuth(t, idp, func(c *config.Auth) {
		c.Scopes = append(c.Scopes, config.ScopeRule{Scope: "crm", Server: "crm"})
	})
	g := a.ScopeGuard()
	f, ok := g.(guard.Filter)
	if !ok {
		t.Fatal("ScopeGuard is not a filter")
	}
	for _, tt := range []struct {
		phase  guard.Phase
		method string
		want   bool
	}{
		{guard.PhaseRequest, "tools/call", true}, {guard.PhaseRequest, "prompts/get", true},
		{guard.PhaseRequest, "resources/read", true}, {guard.PhaseRequest, "resources/subscribe", true},
		{guard.PhaseRequest, "completion/complete", true},
		{guard.PhaseRequest, "resources/unsubscribe", false}, {guard.PhaseRequest, "sampling/createMessage", false},
		{guard.PhaseList, "tools/list", false}, {guard.PhaseResult, "tools/call", false},
	} {
		if got := f.Wants(tt.phase, tt.method); got != tt.want {
			t.Errorf("Wants(%s, %s) = %v", tt.phase, tt.method, got)
		}
	}
	chain := guard.NewChain(time.Second, g)
	for _, tt := range []struct {
		scopes               []string
		server, method, name string
		want                 guard.Action
		scope                string
	}{
		{[]string{"mcp"}, "files", "tools/call", "write_file", guard.Deny, "files:write"},
		{[]string{"mcp", "files:write"}, "files", "tools/call", "write_file", guard.Allow, ""},
		{[]string{"mcp"}, "files", "tools/call", "read_file", guard.Allow, ""},
		// A rule without tools covers everything the server answers.
		{[]string{"mcp"}, "crm", "tools/call", "lookup", guard.Deny, "crm"},
		{[]string{"mcp"}, "crm", "resources/read", "crm://accounts/1", guard.Deny, "crm"},
		{[]string{"mcp"}, "crm", "resources/subscribe", "crm://accounts/1", guard.Deny, "crm"},
		{[]string{"mcp"}, "crm", "prompts/get", "summary", guard.Deny, "crm"},
		{[]string{"mcp"}, "crm", "completion/complete", "", guard.Deny, "crm"},
		{[]string{"mcp", "crm"}, "crm", "resources/read", "crm://accounts/1", guard.Allow, ""},
		{[]string{"mcp"}, "crm", "resources/unsubscribe", "crm://accounts/1", guard.Allow, ""},
	} {
		ex := &guard.Exchange{Phase: guard.PhaseRequest, Method: tt.method, Server: tt.server, Name: tt.name,
			Session: guard.Session{Principal: &guard.Principal{Subject: "u", Scopes: tt.scopes}}}
		out := chain.Run(context.Background(), ex)
		if out.Final.Action != tt.want {
			t.Errorf("%v %s %s %s: %v (%s), want %v", tt.scopes, tt.server, tt.method, tt.name, out.Final.Action, out.Final.Reason, tt.want)
		}
		if tt.want == guard.Deny && !strings.Contains(out.Final.Reason, tt.scope) {
			t.Errorf("deny reason %q does not name the scope %s", out.Final.Reason, tt.scope)
		}
	}
}
