package auth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"

	"github.com/warden-mcp/warden/internal/config"
)

// offlineAuthenticator is an oauth Authenticator whose key set is loaded
// and never refreshed, so fuzzing does no I/O.
func offlineAuthenticator(t testing.TB) (*Authenticator, jwk.Key) {
	raw, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	priv, _ := jwk.Import(raw)
	_ = priv.Set(jwk.KeyIDKey, "f1")
	pub, _ := priv.PublicKey()
	set := jwk.NewSet()
	_ = set.AddKey(pub)
	now := time.Now()
	a := &Authenticator{mode: config.AuthOAuth, resource: testResource, issuer: "https://idp.example.test",
		algs: map[string]bool{"ES256": true, "RS256": true}, skew: 30 * time.Second, groups: "groups", now: time.Now,
		keys: &keySet{url: "http://127.0.0.1:1/jwks", client: fetchClient(), maxAge: time.Hour, minRefresh: time.Hour,
			now: time.Now, set: set, fetched: now, tried: now}}
	return a, priv
}

func FuzzAuthenticate(f *testing.F) {
	a, priv := offlineAuthenticator(f)
	now := time.Now()
	signed := func(c map[string]any) string {
		b, _ := json.Marshal(c)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		return signWith(f, priv, jwa.ES256(), m)
	}
	good := map[string]any{"iss": a.issuer, "sub": "fuzz-user", "aud": testResource, "exp": now.Add(time.Hour).Unix(), "scope": "mcp"}
	f.Add("Bearer " + signed(good))
	bad := map[string]any{"iss": a.issuer, "sub": "fuzz-user", "aud": "https://x", "exp": now.Add(time.Hour).Unix()}
	f.Add("Bearer " + signed(bad))
	f.Add("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
	f.Add("bearer a.b.c")
	f.Add("Basic Zm9vOmJhcg==")
	f.Add("Bearer ")
	f.Fuzz(func(t *testing.T, h string) {
		r := httptest.NewRequest(http.MethodPost, "/mcp", nil)
		r.Header["Authorization"] = []string{h}
		p, err := a.Authenticate(r)
		if err == nil && (p.Subject != "fuzz-user" || p.Issuer != a.issuer) {
			t.Fatalf("accepted a token with unsigned identity: %+v", p)
		}
		if err != nil && p != nil {
			t.Fatal("principal returned with an error")
		}
	})
}

func FuzzParseJWKS(f *testing.F) {
	f.Add([]byte(`{"keys":[{"kty":"oct","k":"c2VjcmV0","kid":"h"}]}`))
	f.Add([]byte(`{"keys":[{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","kid":"e"}]}`))
	f.Add([]byte(`{"keys":[]}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := parseJWKS(data)
		if err != nil {
			return
		}
		for i := range set.Len() {
			k, _ := set.Key(i)
			if k.KeyType() == jwa.OctetSeq() {
				t.Fatal("a symmetric key survived JWKS parsing")
			}
		}
	})
}

func FuzzBearer(f *testing.F) {
	for _, s := range []string{"Bearer abc", "bearer  abc ", "Bearer a b", "Bearer", "Token x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header["Authorization"] = []string{h}
		tok, err := bearer(r)
		if err == nil && tok != "" && (len(tok) >= len(h) || containsAny(tok, " \t,")) {
			t.Fatalf("bearer(%q) = %q", h, tok)
		}
	})
}

func containsAny(s, chars string) bool {
	for _, c := range s {
		for _, d := range chars {
			if c == d {
				return true
			}
		}
	}
	return false
}
