package auth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
)

// testIdP is a small but real authorization server on loopback: RFC 8414
// metadata, a JWKS with rotation, a token endpoint (client credentials and
// RFC 8693 token exchange) issuing signed JWTs, and RFC 7662 introspection
// of opaque tokens. Every signature is real; nothing returns "true".
type testIdP struct {
	t   *testing.T
	srv *httptest.Server

	mu         sync.Mutex
	keys       []jwk.Key // private signing keys; the last one signs
	extraJWKS  []jwk.Key // extra public entries published as-is
	opaque     map[string]map[string]any
	exchanges  []map[string]string // token-exchange form posts
	tokenCalls atomic.Int64
	jwksCalls  atomic.Int64
	introCalls atomic.Int64
	resource   string // audience of issued tokens
	mux        *http.ServeMux
	codes      codeGrants // authorization-code flow state (usergrant_test.go)
}

const (
	idpClientID     = "warden"
	idpClientSecret = "s3cret-for-tests"
)

func newTestIdP(t *testing.T) *testIdP {
	t.Helper()
	p := &testIdP{t: t, opaque: map[string]map[string]any{}}
	p.rotate("k1")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/oauth-authorization-server", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{
			"issuer":                 p.issuer(),
			"jwks_uri":               p.issuer() + "/jwks",
			"token_endpoint":         p.issuer() + "/token",
			"introspection_endpoint": p.issuer() + "/introspect",
		})
	})
	mux.HandleFunc("GET /jwks", func(w http.ResponseWriter, r *http.Request) {
		p.jwksCalls.Add(1)
		set := jwk.NewSet()
		p.mu.Lock()
		for _, k := range p.keys {
			pub, err := k.PublicKey()
			if err != nil {
				t.Error(err)
			}
			_ = set.AddKey(pub)
		}
		for _, k := range p.extraJWKS {
			_ = set.AddKey(k)
		}
		p.mu.Unlock()
		writeJSON(w, set)
	})
	mux.HandleFunc("POST /token", p.token)
	mux.HandleFunc("POST /introspect", func(w http.ResponseWriter, r *http.Request) {
		p.introCalls.Add(1)
		if id, sec, ok := r.BasicAuth(); !ok || id != idpClientID || sec != idpClientSecret {
			http.Error(w, `{"error":"invalid_client"}`, http.StatusUnauthorized)
			return
		}
		p.mu.Lock()
		res, ok := p.opaque[r.PostFormValue("token")]
		p.mu.Unlock()
		if !ok {
			res = map[string]any{"active": false}
		}
		writeJSON(w, res)
	})
	p.mux = mux
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *testIdP) issuer() string { return p.srv.URL }

// rotate adds a new signing key with kid and drops the older ones.
func (p *testIdP) rotate(kid string) {
	raw, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		p.t.Fatal(err)
	}
	k, err := jwk.Import(raw)
	if err != nil {
		p.t.Fatal(err)
	}
	_ = k.Set(jwk.KeyIDKey, kid)
	_ = k.Set(jwk.AlgorithmKey, jwa.ES256())
	p.mu.Lock()
	p.keys = []jwk.Key{k}
	p.mu.Unlock()
}

func (p *testIdP) signingKey() jwk.Key {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.keys[len(p.keys)-1]
}

// claims returns valid claims for subject, to be altered per test.
func (p *testIdP) claims(sub string, scopes ...string) map[string]any {
	now := time.Now()
	return map[string]any{
		"iss": p.issuer(), "sub": sub, "aud": p.resource, "client_id": "test-client",
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
		"scope": strings.Join(scopes, " "), "groups": []string{"eng"},
	}
}

// sign signs claims with the current key.
func (p *testIdP) sign(c map[string]any) string {
	return signWith(p.t, p.signingKey(), jwa.ES256(), c)
}

func signWith(t testing.TB, key any, alg jwa.SignatureAlgorithm, c map[string]any) string {
	t.Helper()
	payload, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	hdr := jws.NewHeaders()
	_ = hdr.Set(jws.TypeKey, "at+jwt")
	out, err := jws.Sign(payload, jws.WithKey(alg, key, jws.WithProtectedHeaders(hdr)))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// rawJWT assembles a token from a header, claims and signature by hand, for
// tokens no library would produce (alg none, HMAC with a public key).
func rawJWT(t *testing.T, hdr, c map[string]any, sign func(input []byte) []byte) string {
	t.Helper()
	h, _ := json.Marshal(hdr)
	b, _ := json.Marshal(c)
	enc := base64.RawURLEncoding
	input := enc.EncodeToString(h) + "." + enc.EncodeToString(b)
	var sig []byte
	if sign != nil {
		sig = sign([]byte(input))
	}
	return input + "." + enc.EncodeToString(sig)
}

func (p *testIdP) addOpaque(tok string, res map[string]any) {
	p.mu.Lock()
	p.opaque[tok] = res
	p.mu.Unlock()
}

func (p *testIdP) token(w http.ResponseWriter, r *http.Request) {
	p.tokenCalls.Add(1)
	if gt := r.PostFormValue("grant_type"); gt == "authorization_code" || gt == "refresh_token" {
		p.codeGrant(w, r)
		return
	}
	id, sec, ok := r.BasicAuth()
	if !ok || id != idpClientID || sec != idpClientSecret {
		w.WriteHeader(http.StatusUnauthorized)
		writeJSON(w, map[string]string{"error": "invalid_client"})
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	aud := r.PostForm.Get("resource")
	var sub string
	switch r.PostForm.Get("grant_type") {
	case "client_credentials":
		sub = "svc-" + id
	case grantTokenExchange:
		form := map[string]string{}
		for k := range r.PostForm {
			form[k] = r.PostForm.Get(k)
		}
		p.mu.Lock()
		p.exchanges = append(p.exchanges, form)
		p.mu.Unlock()
		h := sha256.Sum256([]byte(r.PostForm.Get("subject_token")))
		sub = fmt.Sprintf("user-%x", h[:4])
	default:
		w.WriteHeader(http.StatusBadRequest)
		writeJSON(w, map[string]string{"error": "unsupported_grant_type"})
		return
	}
	c := p.claims(sub, strings.Fields(r.PostForm.Get("scope"))...)
	c["aud"] = aud
	tok := p.sign(c)
	res := map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": 300}
	if r.PostForm.Get("grant_type") == grantTokenExchange {
		res["issued_token_type"] = tokenTypeAccessToken
	}
	writeJSON(w, res)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// rsaKeyOnce is an RSA key shared by the tests that need one (generating
// RSA keys is slow).
var rsaKeyOnce = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})
