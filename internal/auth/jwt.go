package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"

	"github.com/warden-mcp/warden/internal/guard"
)

// maxDocument bounds metadata, JWKS and introspection responses.
const maxDocument = 1 << 20

// asMetadata is the part of RFC 8414 / OpenID discovery metadata Warden uses.
type asMetadata struct {
	Issuer                string `json:"issuer"`
	JWKSURI               string `json:"jwks_uri"`
	IntrospectionEndpoint string `json:"introspection_endpoint"`
	TokenEndpoint         string `json:"token_endpoint"`
}

// discover fetches the issuer's metadata from the RFC 8414 and OpenID
// Connect well-known URLs in the order the MCP specification gives, and
// accepts a document only if its issuer is exactly the configured one.
func discover(ctx context.Context, hc *http.Client, issuer string) (*asMetadata, error) {
	u, err := url.Parse(issuer)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("issuer %q is not an absolute URL", issuer)
	}
	if err := secureURL(issuer); err != nil {
		return nil, err
	}
	p := strings.TrimSuffix(u.EscapedPath(), "/")
	root := u.Scheme + "://" + u.Host
	var urls []string
	if p == "" {
		urls = []string{root + "/.well-known/oauth-authorization-server", root + "/.well-known/openid-configuration"}
	} else {
		urls = []string{root + "/.well-known/oauth-authorization-server" + p, root + "/.well-known/openid-configuration" + p, root + p + "/.well-known/openid-configuration"}
	}
	var errs []error
	for _, mu := range urls {
		var md asMetadata
		err := getJSON(ctx, hc, mu, &md)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if md.Issuer != issuer {
			// RFC 8414 section 3.3: a mismatched issuer must not be used.
			return nil, fmt.Errorf("%s names issuer %q, not %q", mu, md.Issuer, issuer)
		}
		return &md, nil
	}
	return nil, errors.Join(errs...)
}

func getJSON(ctx context.Context, hc *http.Client, u string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("fetching %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetching %s: status %s", u, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxDocument+1))
	if err != nil {
		return fmt.Errorf("reading %s: %w", u, err)
	}
	if len(data) > maxDocument {
		return fmt.Errorf("%s is larger than %d bytes", u, maxDocument)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decoding %s: %w", u, err)
	}
	return nil
}

// keySet caches the issuer's JSON Web Key Set. It refetches when the set is
// older than maxAge and when a token names an unknown kid (keys rotated),
// but at most once per minRefresh so that tokens with random kids cannot
// make Warden hammer the authorization server.
type keySet struct {
	url        string
	client     *http.Client
	maxAge     time.Duration
	minRefresh time.Duration
	now        func() time.Time

	mu      sync.Mutex
	set     jwk.Set
	fetched time.Time // last successful fetch
	tried   time.Time // last attempt, successful or not
}

// refresh fetches the set and installs it. It holds no lock while
// fetching, so verification with known keys never waits on the network.
// Only public signature keys are kept: a symmetric ("oct") key in a JWKS
// could otherwise verify HMAC tokens forged by anyone who read the JWKS.
func (k *keySet) refresh(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, k.url, nil)
	if err != nil {
		return err
	}
	resp, err := k.client.Do(req)
	if err != nil {
		return fmt.Errorf("fetching JWKS: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetching JWKS %s: status %s", k.url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxDocument+1))
	if err != nil || len(data) > maxDocument {
		return fmt.Errorf("reading JWKS %s: too large or unreadable", k.url)
	}
	set, err := parseJWKS(data)
	if err != nil {
		return fmt.Errorf("JWKS %s: %w", k.url, err)
	}
	k.mu.Lock()
	k.set = set
	k.fetched = k.now()
	k.mu.Unlock()
	return nil
}

func parseJWKS(data []byte) (jwk.Set, error) {
	raw, err := jwk.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parsing: %w", err)
	}
	out := jwk.NewSet()
	for i := range raw.Len() {
		key, ok := raw.Key(i)
		if !ok || key.KeyType() == jwa.OctetSeq() {
			continue
		}
		var use string
		if err := key.Get("use", &use); err == nil && use != "" && use != "sig" {
			continue
		}
		pub, err := key.PublicKey()
		if err != nil {
			continue
		}
		if err := out.AddKey(pub); err != nil {
			continue
		}
	}
	if out.Len() == 0 {
		return nil, errors.New("no usable public signature keys")
	}
	return out, nil
}

var errUnknownKey = errors.New("unknown signing key")

// lookup returns the key for kid ("" is allowed only when the set has one
// key), refetching the set when it is stale or does not know kid.
func (k *keySet) lookup(ctx context.Context, kid string) (jwk.Key, error) {
	k.mu.Lock()
	key, found := k.find(kid)
	now := k.now()
	stale := now.Sub(k.fetched) > k.maxAge
	fetch := (stale || !found) && now.Sub(k.tried) >= k.minRefresh
	if fetch {
		k.tried = now // claims the refresh: concurrent callers do not repeat it
	}
	k.mu.Unlock()
	if !fetch {
		if found {
			return key, nil
		}
		return nil, fmt.Errorf("%w %q", errUnknownKey, clip(kid))
	}
	if err := k.refresh(ctx); err != nil {
		if found {
			// Stale but the server is down: keep trusting the keys we have.
			return key, nil
		}
		return nil, fmt.Errorf("%w %q (refreshing keys: %v)", errUnknownKey, clip(kid), err)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if key, ok := k.find(kid); ok {
		return key, nil
	}
	return nil, fmt.Errorf("%w %q", errUnknownKey, clip(kid))
}

// clip shortens a value taken from an untrusted token before it goes into
// an error message, a response header or the audit log.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	return s[:max] + "..."
}

func (k *keySet) find(kid string) (jwk.Key, bool) {
	if k.set == nil {
		return nil, false
	}
	if kid == "" {
		if k.set.Len() == 1 {
			return k.set.Key(0)
		}
		return nil, false
	}
	return k.set.LookupKeyID(kid)
}

// claims are the JWT access token claims Warden reads (RFC 9068).
type claims struct {
	Iss      string          `json:"iss"`
	Sub      string          `json:"sub"`
	Aud      json.RawMessage `json:"aud"`
	Exp      *json.Number    `json:"exp"`
	Nbf      *json.Number    `json:"nbf"`
	Iat      *json.Number    `json:"iat"`
	Scope    json.RawMessage `json:"scope"`
	Scp      []string        `json:"scp"`
	ClientID string          `json:"client_id"`
	Azp      string          `json:"azp"`
}

// verifyJWT checks signature, algorithm, issuer, audience and lifetime, in
// that order of trust: nothing in the payload is read before the signature
// is verified with a key from the issuer's JWKS.
func (a *Authenticator) verifyJWT(ctx context.Context, tok string) (*guard.Principal, error) {
	msg, err := jws.ParseString(tok)
	if err != nil {
		return nil, errors.New("malformed JWT")
	}
	sigs := msg.Signatures()
	if len(sigs) != 1 {
		return nil, errors.New("JWT must have exactly one signature")
	}
	hdr := sigs[0].ProtectedHeaders()
	alg, ok := hdr.Algorithm()
	if !ok || !a.algs[alg.String()] {
		return nil, fmt.Errorf("JWT algorithm %q is not allowed", clip(alg.String()))
	}
	if _, crit := hdr.Critical(); crit {
		return nil, errors.New("JWT has critical header parameters Warden does not understand")
	}
	// RFC 8725 section 3.11: a JWT typed as something else (a DPoP proof,
	// a logout or security event token) signed by the same issuer is not an
	// access token. Untyped and plain "JWT" tokens stay accepted, as many
	// authorization servers send them.
	if typ, ok := hdr.Type(); ok && !accessTokenType(typ) {
		return nil, fmt.Errorf("JWT typ %q is not an access token type", clip(typ))
	}
	kid, _ := hdr.KeyID()
	key, err := a.keys.lookup(ctx, kid)
	if err != nil {
		return nil, err
	}
	if kalg, ok := key.Algorithm(); ok && kalg.String() != alg.String() {
		return nil, fmt.Errorf("JWT algorithm %s does not match key %q (%s)", alg, clip(kid), kalg)
	}
	payload, err := jws.Verify([]byte(tok), jws.WithKey(alg, key))
	if err != nil {
		return nil, errors.New("JWT signature is invalid")
	}
	var c claims
	if err := decodeExact(payload, &c); err != nil {
		return nil, errors.New("JWT claims are not a JSON object")
	}
	if c.Iss != a.issuer {
		return nil, fmt.Errorf("JWT issuer %q is not the configured issuer", clip(c.Iss))
	}
	aud, err := stringOrList(c.Aud)
	if err != nil {
		return nil, errors.New("JWT aud is malformed")
	}
	if !a.audienceOK(aud) {
		return nil, errors.New("JWT audience does not include this server's resource URI (token issued for another resource)")
	}
	now := a.now()
	exp, err := numericDate(c.Exp)
	if err != nil || c.Exp == nil {
		return nil, errors.New("JWT has no valid exp")
	}
	if !now.Before(exp.Add(a.skew)) {
		return nil, errors.New("JWT has expired")
	}
	if nbf, err := numericDate(c.Nbf); err != nil {
		return nil, errors.New("JWT nbf is malformed")
	} else if c.Nbf != nil && now.Add(a.skew).Before(nbf) {
		return nil, errors.New("JWT is not valid yet (nbf)")
	}
	if iat, err := numericDate(c.Iat); err != nil {
		return nil, errors.New("JWT iat is malformed")
	} else if c.Iat != nil && now.Add(a.skew).Before(iat) {
		return nil, errors.New("JWT was issued in the future (iat)")
	}
	if c.Sub == "" {
		return nil, errors.New("JWT has no sub")
	}
	var all map[string]any
	_ = json.Unmarshal(payload, &all)
	p := &guard.Principal{Issuer: c.Iss, Subject: c.Sub, ClientID: c.ClientID, Claims: all}
	if p.ClientID == "" {
		p.ClientID = c.Azp
	}
	if p.Scopes, err = scopesOf(c.Scope, c.Scp); err != nil {
		return nil, err
	}
	if g, ok := all[a.groups]; ok {
		p.Groups = stringsOf(g)
	}
	return p, nil
}

// accessTokenType accepts the typ values of access tokens: at+jwt (RFC
// 9068), JWT, or none; media types compare without case and may omit
// "application/" (RFC 7515 section 4.1.9).
func accessTokenType(typ string) bool {
	t := strings.ToLower(typ)
	t = strings.TrimPrefix(t, "application/")
	return t == "" || t == "jwt" || t == "at+jwt"
}

// decodeExact decodes the JSON object data into v, a pointer to a struct
// with json tags, matching member names exactly. encoding/json matches
// them without regard to case, so a custom claim "SUB" or "Aud" in a
// signed token would otherwise overwrite sub or aud. Of duplicate names
// the last wins, as in the claims map the principal carries.
func decodeExact(data []byte, v any) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return err
	}
	if members == nil {
		return errors.New("not a JSON object")
	}
	t := reflect.TypeOf(v).Elem()
	keep := make(map[string]json.RawMessage, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if raw, ok := members[name]; ok && name != "" && name != "-" {
			keep[name] = raw
		}
	}
	exact, err := json.Marshal(keep)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(exact))
	dec.UseNumber()
	return dec.Decode(v)
}

func (a *Authenticator) audienceOK(aud []string) bool {
	return slices.ContainsFunc(aud, func(s string) bool { return canonical(s) == a.resource })
}

// stringOrList decodes a JSON string or array of strings; null is empty.
func stringOrList(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return []string{s}, nil
	}
	var l []string
	if err := json.Unmarshal(raw, &l); err != nil {
		return nil, err
	}
	return l, nil
}

// scopesOf reads the space-separated scope claim, or the scp array some
// servers use instead.
func scopesOf(scope json.RawMessage, scp []string) ([]string, error) {
	if len(scope) > 0 && string(scope) != "null" {
		var s string
		if err := json.Unmarshal(scope, &s); err == nil {
			return strings.Fields(s), nil
		}
		var l []string
		if err := json.Unmarshal(scope, &l); err != nil {
			return nil, errors.New("scope claim is malformed")
		}
		return l, nil
	}
	return scp, nil
}

func stringsOf(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// numericDate converts a JWT NumericDate; nil gives the zero time.
func numericDate(n *json.Number) (time.Time, error) {
	if n == nil {
		return time.Time{}, nil
	}
	f, err := n.Float64()
	if err != nil || f < 0 || f > 1e11 {
		return time.Time{}, errors.New("bad NumericDate")
	}
	sec := int64(f)
	return time.Unix(sec, int64((f-float64(sec))*1e9)), nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// MetadataPaths returns the paths at which MetadataHandler must be mounted
// on Warden's listener, outside authentication: the RFC 9728 path derived
// from the resource URI and, if different, the root well-known path.
func (a *Authenticator) MetadataPaths() []string {
	if a.metaPath == "" {
		return nil
	}
	if a.metaPath == metadataPrefix {
		return []string{metadataPrefix}
	}
	return []string{a.metaPath, metadataPrefix}
}

// MetadataHandler serves the Protected Resource Metadata document (RFC
// 9728): Warden's resource URI, its authorization server and scopes. It
// answers 404 when Warden is not an OAuth resource server.
func (a *Authenticator) MetadataHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.metaPath == "" || !slices.Contains(a.MetadataPaths(), r.URL.Path) {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		doc := map[string]any{
			"resource":                 a.resource,
			"authorization_servers":    []string{a.issuer},
			"bearer_methods_supported": []string{"header"},
			"resource_name":            "Warden MCP gateway",
		}
		if len(a.scopes) > 0 {
			doc["scopes_supported"] = a.scopes
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "max-age=300")
		_ = json.NewEncoder(w).Encode(doc)
	})
}
