// Package auth identifies Warden's callers and holds Warden's own
// credentials for upstream servers.
//
// Inbound, Warden is an OAuth 2.1 resource server as the MCP authorization
// specification defines it: bearer tokens are JWTs checked against the
// issuer's JWKS or opaque tokens checked by introspection (RFC 7662), and
// must name Warden's canonical resource URI as their audience (RFC 8707).
// Small setups may use static API keys, stored hashed, or no authentication
// on a loopback listener. Protected Resource Metadata (RFC 9728) tells
// clients where to get a token.
//
// Outbound, UpstreamClient builds an HTTP client that adds Warden's own
// credentials for one upstream and refuses to send anything to any other
// origin, so the client's token never reaches a server.
package auth

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
)

// APIKeyIssuer is the Issuer of principals authenticated by an API key.
const APIKeyIssuer = "warden:api_key"

// Well-known path prefix of RFC 9728 Protected Resource Metadata.
const metadataPrefix = "/.well-known/oauth-protected-resource"

// fetchTimeout bounds every request to the authorization server.
const fetchTimeout = 10 * time.Second

// Authenticator checks the credentials of inbound HTTP requests. It
// implements gateway.Authenticator.
type Authenticator struct {
	mode     string
	resource string // canonical resource URI, the required audience
	issuer   string
	metaURL  string // absolute URL of the protected resource metadata
	metaPath string // its path on Warden's listener
	algs     map[string]bool
	skew     time.Duration
	groups   string
	required []string
	rules    []config.ScopeRule
	scopes   []string // scopes_supported
	keys     *keySet
	intro    *introspector
	apiKeys  []apiKey
	log      *slog.Logger
	now      func() time.Time
}

type apiKey struct {
	hash [sha256.Size]byte
	p    guard.Principal
}

// New builds the Authenticator for cfg. In mode oauth it discovers the
// issuer's metadata and fetches its keys now, so a wrong issuer or an
// unreachable authorization server stops start-up instead of failing the
// first request. Mode none and the unset mode authenticate every request
// as the local user.
func New(ctx context.Context, cfg config.Auth, log *slog.Logger) (*Authenticator, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &Authenticator{mode: cfg.Mode, log: log, now: time.Now, groups: cfg.GroupsClaim,
		required: cfg.RequiredScopes, rules: cfg.Scopes, skew: cfg.ClockSkew.Std()}
	if a.groups == "" {
		a.groups = "groups"
	}
	for _, r := range cfg.Scopes {
		for _, t := range r.Tools {
			if _, err := path.Match(t, ""); err != nil {
				return nil, fmt.Errorf("auth: scope %q: invalid tool pattern %q", r.Scope, t)
			}
		}
	}
	switch cfg.Mode {
	case config.AuthUnset:
		return a, nil
	case config.AuthNone:
		log.Warn("AUTHENTICATION IS OFF (auth.mode: none): every process that can reach the listener has full access as the local user")
		return a, nil
	case config.AuthAPIKey:
		if err := a.initAPIKeys(cfg.APIKeys); err != nil {
			return nil, err
		}
		return a, nil
	case config.AuthOAuth:
		if err := a.initOAuth(ctx, cfg); err != nil {
			return nil, err
		}
		return a, nil
	default:
		return nil, fmt.Errorf("auth: unknown mode %q", cfg.Mode)
	}
}

func (a *Authenticator) initAPIKeys(keys []config.APIKey) error {
	if len(keys) == 0 {
		return errors.New("auth: mode api_key needs at least one key")
	}
	for _, k := range keys {
		h, ok := strings.CutPrefix(k.Hash, "sha256:")
		b, err := hex.DecodeString(h)
		if !ok || err != nil || len(b) != sha256.Size {
			return fmt.Errorf("auth: api key %q: hash must be sha256: and 64 hex digits", k.Name)
		}
		sub := k.Subject
		if sub == "" {
			sub = k.Name
		}
		ak := apiKey{p: guard.Principal{Issuer: APIKeyIssuer, Subject: sub, ClientID: k.Name,
			Scopes: slices.Clone(k.Scopes), Groups: slices.Clone(k.Groups)}}
		copy(ak.hash[:], b)
		a.apiKeys = append(a.apiKeys, ak)
	}
	return nil
}

func (a *Authenticator) initOAuth(ctx context.Context, cfg config.Auth) error {
	if cfg.Resource == "" {
		return errors.New("auth: resource is required in mode oauth: Warden's canonical URI, which every token must carry as its audience")
	}
	res, err := url.Parse(cfg.Resource)
	if err != nil || res.Host == "" || (res.Scheme != "https" && res.Scheme != "http") || res.Fragment != "" {
		return fmt.Errorf("auth: resource %q is not an absolute URI without a fragment", cfg.Resource)
	}
	if cfg.Issuer == "" {
		return errors.New("auth: issuer is required in mode oauth")
	}
	a.resource = canonical(cfg.Resource)
	a.issuer = cfg.Issuer
	// RFC 9728 section 3.1: the well-known segment goes between host and path.
	a.metaPath = metadataPrefix + strings.TrimSuffix(res.EscapedPath(), "/")
	a.metaURL = (&url.URL{Scheme: res.Scheme, Host: res.Host, Path: a.metaPath}).String()
	algs := cfg.Algorithms
	if len(algs) == 0 {
		algs = config.DefaultJWTAlgorithms()
	}
	a.algs = map[string]bool{}
	for _, alg := range algs {
		if !slices.Contains(config.JWTAlgorithms, alg) {
			return fmt.Errorf("auth: algorithm %q is not allowed (only asymmetric algorithms: %s)", alg, strings.Join(config.JWTAlgorithms, ", "))
		}
		a.algs[alg] = true
	}
	a.scopes = cfg.ScopesSupported
	if len(a.scopes) == 0 {
		a.scopes = slices.Clone(cfg.RequiredScopes)
		for _, r := range cfg.Scopes {
			a.scopes = append(a.scopes, r.Scope)
		}
		slices.Sort(a.scopes)
		a.scopes = slices.Compact(a.scopes)
	}

	hc := fetchClient()
	jwksURL, introURL := cfg.JWKSURL, cfg.Introspection.URL
	if jwksURL == "" || (cfg.Introspection.Enabled() && introURL == "") {
		md, err := discover(ctx, hc, cfg.Issuer)
		if err != nil {
			return fmt.Errorf("auth: discovering issuer %s: %w", cfg.Issuer, err)
		}
		if jwksURL == "" {
			jwksURL = md.JWKSURI
		}
		if introURL == "" {
			introURL = md.IntrospectionEndpoint
		}
	}
	if jwksURL == "" && !cfg.Introspection.Enabled() {
		return fmt.Errorf("auth: issuer %s publishes no jwks_uri and introspection is not configured: no token could be checked", cfg.Issuer)
	}
	if jwksURL != "" {
		if err := secureURL(jwksURL); err != nil {
			return fmt.Errorf("auth: jwks_uri: %w", err)
		}
		maxAge := cfg.JWKSMaxAge.Std()
		if maxAge <= 0 {
			maxAge = time.Hour
		}
		a.keys = &keySet{url: jwksURL, client: hc, maxAge: maxAge, minRefresh: 10 * time.Second, now: a.now}
		if err := a.keys.refresh(ctx); err != nil {
			return fmt.Errorf("auth: fetching keys of issuer %s: %w", cfg.Issuer, err)
		}
	}
	if cfg.Introspection.Enabled() {
		if introURL == "" {
			return fmt.Errorf("auth: issuer %s publishes no introspection_endpoint; set auth.introspection.url", cfg.Issuer)
		}
		if err := secureURL(introURL); err != nil {
			return fmt.Errorf("auth: introspection url: %w", err)
		}
		ttl := cfg.Introspection.CacheTTL.Std()
		a.intro = newIntrospector(introURL, cfg.Introspection.ClientID, cfg.Introspection.ClientSecret, ttl, hc, a.now)
	}
	return nil
}

// fetchClient is the HTTP client for the authorization server: bounded in
// time and never following redirects, so that no response can steer Warden
// (and the introspection credentials) elsewhere.
func fetchClient() *http.Client {
	return &http.Client{
		Timeout: fetchTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return errors.New("redirects are not followed")
		},
	}
}

// Resource returns Warden's canonical resource URI ("" unless mode oauth).
func (a *Authenticator) Resource() string { return a.resource }

// Enabled reports whether requests need credentials.
func (a *Authenticator) Enabled() bool {
	return a.mode == config.AuthOAuth || a.mode == config.AuthAPIKey
}

// Authenticate implements gateway.Authenticator. Failures are
// *gateway.HTTPError values: 401 with a WWW-Authenticate challenge for a
// missing or bad credential, 403 insufficient_scope when a required scope
// is missing, 503 when the authorization server cannot answer.
func (a *Authenticator) Authenticate(r *http.Request) (*guard.Principal, error) {
	if !a.Enabled() {
		return &guard.Principal{Subject: "local"}, nil
	}
	tok, err := bearer(r)
	if errors.Is(err, errNotBearer) {
		return nil, a.unauthorized("", err.Error())
	}
	if err != nil {
		he := a.unauthorized("invalid_request", err.Error()).(*gateway.HTTPError)
		he.Status = http.StatusBadRequest // RFC 6750 section 3.1
		return nil, he
	}
	if tok == "" {
		return nil, a.unauthorized("", "authentication required: send Authorization: Bearer <token>")
	}
	var p *guard.Principal
	if a.mode == config.AuthAPIKey {
		p = a.checkAPIKey(tok)
		if p == nil {
			return nil, a.unauthorized("invalid_token", "invalid API key")
		}
	} else {
		p, err = a.checkToken(r.Context(), tok)
		if err != nil {
			var he *gateway.HTTPError
			if errors.As(err, &he) {
				return nil, he
			}
			return nil, a.unauthorized("invalid_token", err.Error())
		}
	}
	if missing := missingScopes(p, a.required); len(missing) > 0 {
		return nil, a.insufficientScope(missing)
	}
	return p, nil
}

var errNotBearer = errors.New("authentication required: send Authorization: Bearer <token>")

// bearer extracts the bearer token. Several Authorization headers, or a
// scheme other than Bearer, are errors rather than "no credentials".
func bearer(r *http.Request) (string, error) {
	hs := r.Header.Values("Authorization")
	switch len(hs) {
	case 0:
		return "", nil
	case 1:
	default:
		return "", errors.New("more than one Authorization header")
	}
	scheme, tok, ok := strings.Cut(strings.TrimSpace(hs[0]), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", errNotBearer
	}
	if !ok {
		return "", errors.New("malformed bearer token")
	}
	tok = strings.TrimSpace(tok)
	if tok == "" || strings.ContainsAny(tok, " \t,") {
		return "", errors.New("malformed bearer token")
	}
	return tok, nil
}

func (a *Authenticator) checkAPIKey(tok string) *guard.Principal {
	h := sha256.Sum256([]byte(tok))
	var found *guard.Principal
	// Compare against every key in constant time so the timing does not
	// reveal which key prefix matched.
	for i := range a.apiKeys {
		if subtle.ConstantTimeCompare(h[:], a.apiKeys[i].hash[:]) == 1 {
			p := a.apiKeys[i].p
			found = &p
		}
	}
	if found != nil {
		found.Scopes = slices.Clone(found.Scopes)
		found.Groups = slices.Clone(found.Groups)
	}
	return found
}

// HashAPIKey returns the value to configure as auth.api_keys[].hash for key.
func HashAPIKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return "sha256:" + hex.EncodeToString(h[:])
}

func (a *Authenticator) checkToken(ctx context.Context, tok string) (*guard.Principal, error) {
	if strings.Count(tok, ".") == 2 {
		if a.keys == nil {
			return nil, errors.New("JWT access tokens are not accepted (no JWKS configured)")
		}
		return a.verifyJWT(ctx, tok)
	}
	if a.intro == nil {
		return nil, errors.New("token is not a JWT and introspection is not configured")
	}
	p, err := a.intro.check(ctx, tok, a)
	if errors.Is(err, errIntrospectionUnavailable) {
		a.log.Warn("token introspection failed", "err", err)
		return nil, &gateway.HTTPError{Status: http.StatusServiceUnavailable, Msg: "the authorization server could not be reached to check the token"}
	}
	return p, err
}

// challenge builds a WWW-Authenticate Bearer value (RFC 6750 section 3,
// RFC 9728 section 5.1).
func (a *Authenticator) challenge(code, desc string, scopes []string) string {
	var parts []string
	if code != "" {
		parts = append(parts, fmt.Sprintf("error=%q", code))
	}
	if desc != "" {
		parts = append(parts, fmt.Sprintf("error_description=%q", quoteSafe(desc)))
	}
	if len(scopes) > 0 {
		parts = append(parts, fmt.Sprintf("scope=%q", strings.Join(scopes, " ")))
	}
	if a.metaURL != "" {
		parts = append(parts, fmt.Sprintf("resource_metadata=%q", a.metaURL))
	}
	if len(parts) == 0 {
		return "Bearer"
	}
	return "Bearer " + strings.Join(parts, ", ")
}

// quoteSafe keeps an error description inside RFC 6750's allowed characters.
func quoteSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '\''
		}
		return r
	}, s)
}

func (a *Authenticator) unauthorized(code, msg string) error {
	desc := ""
	if code != "" {
		desc = msg
	}
	h := http.Header{}
	h.Set("WWW-Authenticate", a.challenge(code, desc, a.required))
	return &gateway.HTTPError{Status: http.StatusUnauthorized, Header: h, Msg: msg}
}

func (a *Authenticator) insufficientScope(scopes []string) error {
	h := http.Header{}
	h.Set("WWW-Authenticate", a.challenge("insufficient_scope", "", scopes))
	return &gateway.HTTPError{Status: http.StatusForbidden, Header: h,
		Msg: "insufficient scope: this needs " + strings.Join(scopes, " ")}
}

func missingScopes(p *guard.Principal, want []string) []string {
	var missing []string
	for _, s := range want {
		if !slices.Contains(p.Scopes, s) {
			missing = append(missing, s)
		}
	}
	return missing
}

// CheckScope reports whether p may make a request (method) of the upstream
// named server, naming a tool or prompt (name): it must hold the scope of
// every auth.scopes rule that matches. A rule with tools matches only
// tools/call of those tools; a rule without tools matches every request the
// server answers (tools, prompts, resources, completions), so "this server
// needs this scope" means what it says. The error is a *gateway.HTTPError,
// 403 with a WWW-Authenticate insufficient_scope challenge naming the
// scopes to ask for (step-up authorization). It is nil when authentication
// is off.
func (a *Authenticator) CheckScope(p *guard.Principal, server, method, name string) error {
	if !a.Enabled() {
		return nil
	}
	var need []string
	for _, r := range a.rules {
		if r.Server != "" && r.Server != "*" && r.Server != server {
			continue
		}
		if len(r.Tools) > 0 && (method != "tools/call" || !slices.ContainsFunc(r.Tools, func(pat string) bool {
			ok := toolMatch(pat, name)
			return ok
		})) {
			continue
		}
		if !slices.Contains(need, r.Scope) {
			need = append(need, r.Scope)
		}
	}
	if p == nil {
		p = &guard.Principal{}
	}
	missing := missingScopes(p, need)
	if len(missing) == 0 {
		return nil
	}
	// Ask for what the caller already needs plus what it lacks, so that a
	// client that replaces its token does not lose the base scopes.
	ask := slices.Clone(a.required)
	for _, s := range missing {
		if !slices.Contains(ask, s) {
			ask = append(ask, s)
		}
	}
	return a.insufficientScope(ask)
}

// canonical normalizes a resource URI for comparison: lowercase scheme and
// host, no trailing slash on an empty path.
func canonical(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return s
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if u.Path == "/" {
		u.Path = ""
		u.RawPath = ""
	}
	return u.String()
}

// secureURL accepts https URLs, and http only on loopback.
func secureURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return fmt.Errorf("%q is not an absolute URL", s)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if isLoopback(u.Hostname()) {
			return nil
		}
	}
	return fmt.Errorf("%q must use https", s)
}

// toolMatch reports whether a tool name matches an auth.scopes pattern. It
// is path.Match with "/" an ordinary character: tool names may contain
// "/", and a "*" that stopped there would let "write_x/y" past a rule for
// "write_*" without the scope.
func toolMatch(pattern, name string) bool {
	ok, _ := path.Match(strings.ReplaceAll(pattern, "/", "\x00"), strings.ReplaceAll(name, "/", "\x00"))
	return ok
}
