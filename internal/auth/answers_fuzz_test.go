package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

// bodyTransport answers every request with one status and body, so the
// fetchers can be fuzzed without a network.
type bodyTransport struct {
	status int
	body   []byte
}

func (b bodyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: b.status, Status: http.StatusText(b.status), Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader(b.body)), Request: r}, nil
}

// members decodes a JSON object's members exactly as written (no case
// folding), or nil.
func members(data []byte) map[string]json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	return m
}

// FuzzIntrospectionAnswer: an RFC 7662 answer decides whether an opaque
// token is accepted. Only an exactly spelled "active": true, from the
// configured issuer (or none), for this resource, naming a subject or
// client, unexpired, gives a principal; the answer is cached no longer
// than the token lives.
func FuzzIntrospectionAnswer(f *testing.F) {
	a, _ := offlineAuthenticator(f)
	now := time.Unix(1_800_000_000, 0)
	for _, s := range []string{
		`{"active":true,"sub":"alice","aud":"` + testResource + `","exp":1800003600,"scope":"mcp read"}`,
		`{"active":true,"client_id":"svc","aud":["x","` + testResource + `/"],"iss":"https://idp.example.test"}`,
		`{"ACTIVE":true,"active":false,"sub":"alice","aud":"` + testResource + `"}`,
		`{"Active":true,"sub":"alice","aud":"` + testResource + `"}`,
		`{"active":true,"sub":"alice","aud":"` + testResource + `","exp":1799999990}`,
		`{"active":true,"sub":"alice","aud":"` + testResource + `","exp":"soon"}`,
		`{"active":true,"sub":"alice","aud":"` + testResource + `","nbf":1e300}`,
		`{"active":true,"sub":"alice","aud":"` + testResource + `","iss":"https://evil"}`,
		`{"active":true,"sub":"alice"}`, `{"active":true,"aud":"` + testResource + `"}`, `[]`, `null`, `{"active":"true"}`,
		`{"active":true,"sub":"alice","Aud":"` + testResource + `","aud":"https://other"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var res introspection
		if decodeExact(data, &res) != nil {
			return
		}
		m := members(data)
		if res.Active && string(m["active"]) != "true" {
			t.Fatalf("%q decoded as active", data)
		}
		const ttl = time.Minute
		p, until, why := a.judge(&res, now, ttl)
		if p == nil {
			if why == "" || !until.After(now) || until.After(now.Add(negativeTTL)) {
				t.Fatalf("refusal of %q: why %q, cached until %v", data, why, until.Sub(now))
			}
			return
		}
		if !res.Active || (res.Iss != "" && res.Iss != a.issuer) || p.Subject == "" || p.Issuer != a.issuer {
			t.Fatalf("%q accepted as %+v", data, p)
		}
		aud, _ := stringOrList(m["aud"])
		if !slices.ContainsFunc(aud, func(s string) bool { return canonical(s) == testResource }) {
			t.Fatalf("%q accepted without this resource in aud", data)
		}
		if until.After(now.Add(ttl)) {
			t.Fatalf("%q cached for %v, longer than the TTL", data, until.Sub(now))
		}
		if exp, err := numericDate(res.Exp); res.Exp != nil && (err != nil || until.After(exp)) {
			t.Fatalf("%q cached until %v, past its exp %v", data, until, exp)
		}
	})
}

// FuzzSignedClaims: the claims of a correctly signed token. The signature
// only says who issued it; the claims still decide: a principal only for
// the configured issuer and this resource, with a subject, within exp,
// nbf and iat, with scopes and groups read from their exact names.
func FuzzSignedClaims(f *testing.F) {
	a, priv := offlineAuthenticator(f)
	now := time.Now().Unix()
	num := func(n int64) string { return strings.TrimSpace(string(mustMarshal(n))) }
	iss := `"iss":"https://idp.example.test"`
	aud := `"aud":"` + testResource + `"`
	for _, s := range []string{
		`{` + iss + `,"sub":"alice",` + aud + `,"exp":` + num(now+3600) + `,"scope":"mcp read","groups":["g1",2]}`,
		`{` + iss + `,"sub":"alice","aud":["https://other","` + testResource + `"],"exp":` + num(now+3600) + `,"scp":["a"]}`,
		`{` + iss + `,"SUB":"root","sub":"alice",` + aud + `,"exp":` + num(now+3600) + `}`,
		`{` + iss + `,"Sub":"root",` + aud + `,"exp":` + num(now+3600) + `}`,
		`{` + iss + `,"sub":"alice","AUD":"` + testResource + `","aud":"https://other","exp":` + num(now+3600) + `}`,
		`{` + iss + `,"sub":"alice",` + aud + `,"exp":` + num(now-3600) + `}`,
		`{` + iss + `,"sub":"alice",` + aud + `,"exp":` + num(now+3600) + `,"nbf":` + num(now+3600) + `}`,
		`{` + iss + `,"sub":"alice",` + aud + `,"exp":` + num(now+3600) + `,"iat":"yesterday"}`,
		`{` + iss + `,"sub":"alice",` + aud + `,"exp":` + num(now+3600) + `,"scope":{"a":1}}`,
		`{"iss":"https://idp.example.test/","sub":"alice",` + aud + `,"exp":` + num(now+3600) + `}`,
		`{` + iss + `,"sub":"alice",` + aud + `}`, `[]`, `"x"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		hdr := jws.NewHeaders()
		_ = hdr.Set(jws.TypeKey, "at+jwt")
		tok, err := jws.Sign(payload, jws.WithKey(jwa.ES256(), priv, jws.WithProtectedHeaders(hdr)))
		if err != nil {
			return
		}
		r := httptest.NewRequest(http.MethodPost, "/mcp", nil)
		r.Header.Set("Authorization", "Bearer "+string(tok))
		p, err := a.Authenticate(r)
		if err != nil {
			if p != nil {
				t.Fatal("principal returned with an error")
			}
			return
		}
		m := members(payload)
		var iss, sub string
		_ = json.Unmarshal(m["iss"], &iss)
		_ = json.Unmarshal(m["sub"], &sub)
		if iss != a.issuer || p.Issuer != iss || sub == "" || p.Subject != sub {
			t.Fatalf("claims %q gave principal %+v", payload, p)
		}
		aud, _ := stringOrList(m["aud"])
		if !slices.ContainsFunc(aud, func(s string) bool { return canonical(s) == testResource }) {
			t.Fatalf("claims %q accepted without this resource in aud", payload)
		}
		var exp json.Number
		if json.Unmarshal(m["exp"], &exp) != nil {
			t.Fatalf("claims %q accepted without a numeric exp", payload)
		}
		if e, err := numericDate(&exp); err != nil || !time.Now().Before(e.Add(a.skew)) {
			t.Fatalf("claims %q accepted past exp", payload)
		}
		var scope string
		if json.Unmarshal(m["scope"], &scope) == nil && !slices.Equal(p.Scopes, strings.Fields(scope)) {
			t.Fatalf("claims %q: scopes %q", payload, p.Scopes)
		}
	})
}

func mustMarshal(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// FuzzDiscoverMetadata: authorization server metadata (RFC 8414) fetched
// at start-up. Whatever a well-known URL serves, a document is used only
// when its issuer is exactly the configured one.
func FuzzDiscoverMetadata(f *testing.F) {
	const issuer = "https://idp.example.test/tenant"
	for _, s := range []string{
		`{"issuer":"` + issuer + `","jwks_uri":"https://idp.example.test/jwks","introspection_endpoint":"https://idp.example.test/i"}`,
		`{"issuer":"` + issuer + `/","jwks_uri":"https://evil/jwks"}`,
		`{"ISSUER":"` + issuer + `","issuer":"https://evil"}`,
		`{"Issuer":"` + issuer + `"}`, `{"issuer":null}`, `{"issuer":"` + issuer + `"} trailing`, `[`, ``,
	} {
		f.Add([]byte(s), 200)
	}
	f.Add([]byte(`{"issuer":"`+issuer+`"}`), 404)
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		if status < 100 || status > 999 {
			return
		}
		hc := &http.Client{Transport: bodyTransport{status: status, body: body}}
		md, err := discover(context.Background(), hc, issuer)
		if err != nil {
			return
		}
		if md.Issuer != issuer || status != http.StatusOK {
			t.Fatalf("status %d, %q: metadata %+v accepted for %s", status, body, md, issuer)
		}
	})
}

// FuzzTokenResponse: a token endpoint's answer (client credentials, token
// exchange, authorization code). Success always carries a bearer access
// token; an error never carries more than a clipped piece of what the
// endpoint said.
func FuzzTokenResponse(f *testing.F) {
	for _, s := range []string{
		`{"access_token":"at","token_type":"Bearer","expires_in":3600,"refresh_token":"rt"}`,
		`{"access_token":"at","token_type":"bearer"}`, `{"access_token":"at","token_type":"DPoP"}`,
		`{"access_token":"","token_type":"Bearer"}`, `{"access_token":"at"}`, `{"access_token":1}`,
		`{"error":"invalid_grant","error_description":"` + strings.Repeat("x\r\n", 100) + `"}`, `<html>`,
	} {
		f.Add([]byte(s), 200)
		f.Add([]byte(s), 400)
	}
	cfg := config.UpstreamAuth{TokenURL: "https://idp.example.test/token", ClientID: "c", ClientSecret: "s"}
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		if status < 100 || status > 999 {
			return
		}
		hc := &http.Client{Transport: bodyTransport{status: status, body: body}}
		res, err := postToken(context.Background(), hc, cfg, url.Values{"grant_type": {"client_credentials"}})
		if err != nil {
			var te *tokenError
			if errors.As(err, &te) && len(err.Error()) > 200 {
				t.Fatalf("token error of %d bytes: %.300s", len(err.Error()), err)
			}
			if len(err.Error()) > 400 {
				t.Fatalf("error of %d bytes: %.500s", len(err.Error()), err)
			}
			return
		}
		if status != http.StatusOK || res.AccessToken == "" || !strings.EqualFold(res.TokenType, "bearer") {
			t.Fatalf("status %d, %q accepted as %+v", status, body, res)
		}
	})
}

// FuzzAuthorizationCallback: the browser's return from the upstream's
// authorization server. Only the pending state, from the configured
// issuer, with a code and no error, reaches the confirmation page, and
// nothing of the query is reflected into it.
func FuzzAuthorizationCallback(f *testing.F) {
	for _, q := range []string{"state=STATE&code=c&iss=https%3A%2F%2Fas.example.com", "state=STATE&code=c", "state=STATE&error=<script>&iss=https%3A%2F%2Fas.example.com",
		"state=STATE&code=c&iss=https%3A%2F%2Fas.example.com%2F", "state=STATE&state=x&code=c&iss=https%3A%2F%2Fas.example.com&iss=https%3A%2F%2Fas.example.com",
		"state=x&code=c", "code=c", "state=STATE&code=%3Cb%3E&iss=https%3A%2F%2Fas.example.com", ";state=STATE&code=c"} {
		f.Add(q)
	}
	u := config.Upstream{Name: "crm", URL: "https://crm.example.com/mcp", Auth: &config.UpstreamAuth{
		Type: config.UpstreamAuthorizationCode, AuthorizeURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token",
		RedirectURL: "https://warden.example.com/oauth/crm", ClientID: "c", Issuer: "https://as.example.com", RequireIss: true}}
	g, err := NewUserGrants(u, strings.Repeat("0f", 32), &MemoryGrantStore{})
	if err != nil {
		f.Fatal(err)
	}
	alice := &guard.Principal{Issuer: "https://corp", Subject: "alice"}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		au, _ := url.Parse(g.AuthCodeURL(alice))
		state := au.Query().Get("state")
		rawQuery = strings.ReplaceAll(rawQuery, "STATE", state)
		req, err := http.NewRequest(http.MethodGet, "https://warden.example.com/oauth/crm", nil)
		if err != nil {
			return
		}
		req.URL.RawQuery = rawQuery
		w := httptest.NewRecorder()
		g.CallbackHandler().ServeHTTP(w, req)
		q := req.URL.Query()
		ok := q.Get("state") == state && len(q["iss"]) == 1 && q.Get("iss") == "https://as.example.com" && q.Get("error") == "" && q.Get("code") != ""
		if (w.Code == http.StatusOK) != ok {
			t.Fatalf("query %q: status %d, want success %v: %s", rawQuery, w.Code, ok, w.Body)
		}
		body := w.Body.String()
		if w.Code == http.StatusOK && (strings.Contains(body, q.Get("code")) && len(q.Get("code")) > 8 || strings.Count(body, "<") != strings.Count(okPageShape, "<")) {
			t.Fatalf("query %q reflected into the page: %s", rawQuery, body)
		}
	})
}

// okPageShape has the tags of the confirmation page.
const okPageShape = `<!doctype html><meta charset="utf-8"><title>Warden authorization</title>
<p>The Warden user <b>x</b> asks to use your account at <b>x</b>.</p>
<p>Continue only if you started this from your own MCP client. Otherwise close this window.</p>
<form method="post"><input type="hidden" name="confirm" value="x"><button type="submit">Allow</button></form>
`
