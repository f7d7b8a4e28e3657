package config

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Values for Auth.Mode.
const (
	// AuthUnset is the default: no authentication, which Warden allows only
	// as the implicit single-user setup (Relaxations lists it otherwise).
	AuthUnset = ""
	// AuthNone turns authentication off explicitly; loopback listeners only.
	AuthNone = "none"
	// AuthOAuth makes Warden an OAuth 2.1 resource server: JWT access
	// tokens checked against the issuer's JWKS, opaque ones introspected.
	AuthOAuth = "oauth"
	// AuthAPIKey accepts static bearer keys whose SHA-256 is configured.
	AuthAPIKey = "api_key"
)

// Values for UpstreamAuth.Type.
const (
	UpstreamClientCredentials = "client_credentials"
	UpstreamTokenExchange     = "token_exchange"
	// UpstreamAuthorizationCode: each user grants Warden access to the
	// upstream through the authorization-code flow with PKCE.
	UpstreamAuthorizationCode = "authorization_code"
)

// JWTAlgorithms are the signature algorithms auth.algorithms may list: all
// asymmetric, so a public key can never be used as an HMAC secret.
var JWTAlgorithms = []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}

var (
	apiKeyHash = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
	grantKey   = regexp.MustCompile(`^[0-9a-fA-F]{64}$`)
	scopeToken = regexp.MustCompile(`^[\x21\x23-\x5b\x5d-\x7e]+$`) // RFC 6749 scope-token
)

// Auth configures how Warden identifies its callers.
type Auth struct {
	Mode string `yaml:"mode"` // "" (unset), none, oauth, api_key
	// Resource is Warden's canonical resource URI (RFC 8707), the audience
	// every access token must carry, such as https://mcp.example.com/mcp.
	Resource string `yaml:"resource,omitempty"`
	// Issuer is the authorization server's issuer identifier; its RFC 8414
	// or OpenID discovery document names the JWKS and introspection URLs.
	Issuer string `yaml:"issuer,omitempty"`
	// JWKSURL overrides the jwks_uri from discovery.
	JWKSURL string `yaml:"jwks_url,omitempty"`
	// Algorithms allowed for JWT signatures (default RS256, ES256, PS256, EdDSA).
	Algorithms []string `yaml:"algorithms,omitempty"`
	// ClockSkew tolerated on exp and nbf.
	ClockSkew Duration `yaml:"clock_skew"`
	// JWKSMaxAge is how long fetched keys are trusted before a refetch.
	JWKSMaxAge    Duration      `yaml:"jwks_max_age"`
	Introspection Introspection `yaml:"introspection"`
	// RequiredScopes must all be granted for any request.
	RequiredScopes []string `yaml:"required_scopes,omitempty"`
	// ScopesSupported is published in the protected resource metadata;
	// it defaults to every scope mentioned here.
	ScopesSupported []string    `yaml:"scopes_supported,omitempty"`
	Scopes          []ScopeRule `yaml:"scopes,omitempty"`
	// GroupsClaim names the JWT claim holding the caller's groups.
	GroupsClaim string   `yaml:"groups_claim"`
	APIKeys     []APIKey `yaml:"api_keys,omitempty"`
	// GrantKey encrypts users' upstream refresh tokens at rest: a reference
	// to 32 random bytes, hex-encoded (64 hex digits).
	GrantKey string `yaml:"grant_key,omitempty"`
	// Admins, when set, are the only principals the admin API (approval
	// decisions, /admin/reload) accepts. Empty: every principal the MCP
	// endpoint accepts (a relaxation, logged at start-up).
	Admins Admins `yaml:"admins"`
}

// Admins names the principals allowed on the admin API: by subject ("sub",
// or "iss#sub" for one issuer's subject) or by group.
type Admins struct {
	Subjects []string `yaml:"subjects,omitempty"`
	Groups   []string `yaml:"groups,omitempty"`
}

// Set reports whether any admin is named.
func (a Admins) Set() bool { return len(a.Subjects) > 0 || len(a.Groups) > 0 }

// Allows reports whether a principal with this issuer, subject and groups
// is an admin.
func (a Admins) Allows(issuer, subject string, groups []string) bool {
	if subject != "" && (slices.Contains(a.Subjects, subject) || issuer != "" && slices.Contains(a.Subjects, issuer+"#"+subject)) {
		return true
	}
	for _, g := range groups {
		if slices.Contains(a.Groups, g) {
			return true
		}
	}
	return false
}

// Introspection configures RFC 7662 token introspection for opaque tokens.
type Introspection struct {
	// URL defaults to introspection_endpoint from discovery.
	URL          string `yaml:"url,omitempty"`
	ClientID     string `yaml:"client_id,omitempty"`
	ClientSecret string `yaml:"client_secret,omitempty"` // a ${env:...} or ${file:...} reference
	// CacheTTL bounds how long an answer is reused (never past the token's exp).
	CacheTTL Duration `yaml:"cache_ttl"`
}

// Enabled reports whether opaque tokens are introspected.
func (i Introspection) Enabled() bool { return i.ClientID != "" }

// ScopeRule requires Scope for the tools (path.Match patterns) of Server
// (empty or "*" means every upstream). Without tools it requires Scope for
// every request the server answers: tools, prompts, resources, completions.
type ScopeRule struct {
	Scope  string   `yaml:"scope"`
	Server string   `yaml:"server,omitempty"`
	Tools  []string `yaml:"tools,omitempty"`
}

// APIKey is one static key, stored as "sha256:" and the hex SHA-256 of the key.
type APIKey struct {
	Name    string   `yaml:"name"`
	Hash    string   `yaml:"hash"`
	Subject string   `yaml:"subject,omitempty"` // defaults to Name
	Scopes  []string `yaml:"scopes,omitempty"`
	Groups  []string `yaml:"groups,omitempty"`
}

// UpstreamAuth gives Warden its own credentials for one HTTP upstream, so
// that the client's token never travels further than Warden.
type UpstreamAuth struct {
	Type         string `yaml:"type"` // client_credentials, token_exchange, authorization_code
	TokenURL     string `yaml:"token_url"`
	ClientID     string `yaml:"client_id"`
	ClientSecret string `yaml:"client_secret"` // a ${env:...} or ${file:...} reference; optional for authorization_code (public client)
	// AuthorizeURL and RedirectURL are for authorization_code: the
	// authorization endpoint, and Warden's callback URL as registered there.
	AuthorizeURL string `yaml:"authorize_url,omitempty"`
	RedirectURL  string `yaml:"redirect_url,omitempty"`
	// Issuer is the authorization server's issuer identifier (its metadata's
	// "issuer"), for authorization_code: an authorization response whose
	// iss parameter (RFC 9207) differs is refused, which defeats mix-up
	// attacks. RequireIss refuses responses without iss; set it when the
	// metadata has authorization_response_iss_parameter_supported: true.
	Issuer     string   `yaml:"issuer,omitempty"`
	RequireIss bool     `yaml:"require_iss,omitempty"`
	Scopes     []string `yaml:"scopes,omitempty"`
	// Audience (token exchange) and Resource (RFC 8707) name the upstream to
	// the authorization server; Resource defaults to the upstream URL.
	Audience string `yaml:"audience,omitempty"`
	Resource string `yaml:"resource,omitempty"`
	// TokenEndpointAuthMethod is how Warden authenticates to the token
	// endpoint with its client_secret: client_secret_basic (the default) or
	// client_secret_post. A client without a secret sends only client_id.
	TokenEndpointAuthMethod string `yaml:"token_endpoint_auth_method,omitempty"`
}

// Values for UpstreamAuth.TokenEndpointAuthMethod.
const (
	ClientSecretBasic = "client_secret_basic"
	ClientSecretPost  = "client_secret_post"
)

// DefaultJWTAlgorithms is used when auth.algorithms is not set.
func DefaultJWTAlgorithms() []string { return []string{"RS256", "ES256", "PS256", "EdDSA"} }

func (a *Auth) setDefaults() {
	a.ClockSkew = Duration(30e9)
	a.JWKSMaxAge = Duration(3600e9)
	a.Introspection.CacheTTL = Duration(60e9)
	a.GroupsClaim = "groups"
}

// finishAuth expands secret references in the auth sections.
func (c *Config) finishAuth(dir string, d *decoder) {
	if s := c.Auth.GrantKey; s != "" {
		c.Auth.GrantKey = expandSecret(d, dir, "auth.grant_key", s)
	}
	if s := c.Auth.Introspection.ClientSecret; s != "" {
		c.Auth.Introspection.ClientSecret = expandSecret(d, dir, "auth.introspection.client_secret", s)
	}
	for i := range c.Upstreams {
		ua := c.Upstreams[i].Auth
		if ua != nil && ua.ClientSecret != "" {
			ua.ClientSecret = expandSecret(d, dir, joinIndex("upstreams", i)+".auth.client_secret", ua.ClientSecret)
		}
	}
}

// expandSecret expands a value that must be a reference.
func expandSecret(d *decoder, dir, path, value string) string {
	return expandField(d, dir, path, "secret", value)
}

func (c *Config) validateAuth() []Problem {
	var ps []Problem
	add := func(path, format string, args ...any) {
		ps = append(ps, c.src.problem(path, fmt.Sprintf(format, args...)))
	}
	a := &c.Auth
	loop, _ := parseListen(c.Listen)
	switch a.Mode {
	case AuthUnset:
	case AuthNone:
		if !loop {
			add("auth.mode", "none is allowed only on a loopback listener (listen is %s); use oauth or api_key", c.Listen)
		}
	case AuthOAuth:
		if a.Resource == "" {
			add("auth.resource", "required with mode oauth: Warden's canonical URI (the token audience), such as https://mcp.example.com/mcp")
		} else if err := checkResourceURI(a.Resource); err != nil {
			add("auth.resource", "%v", err)
		}
		if a.Issuer == "" {
			add("auth.issuer", "required with mode oauth: the authorization server's issuer URL")
		} else if err := checkSecureURL(a.Issuer); err != nil {
			add("auth.issuer", "%v", err)
		}
		if a.JWKSURL != "" {
			if err := checkSecureURL(a.JWKSURL); err != nil {
				add("auth.jwks_url", "%v", err)
			}
		}
		for i, alg := range a.Algorithms {
			if !slices.Contains(JWTAlgorithms, alg) {
				add(joinIndex("auth.algorithms", i), "algorithm %q is not allowed; use asymmetric ones: %s", alg, strings.Join(JWTAlgorithms, ", "))
			}
		}
		if c.src != nil && c.src.set("auth.algorithms") && len(a.Algorithms) == 0 {
			add("auth.algorithms", "must list at least one algorithm")
		}
		if a.ClockSkew < 0 || a.ClockSkew > Duration(300e9) {
			add("auth.clock_skew", "must be between 0s and 5m, got %s", a.ClockSkew)
		}
		if a.JWKSMaxAge < Duration(60e9) {
			add("auth.jwks_max_age", "must be at least 1m, got %s", a.JWKSMaxAge)
		}
		in := a.Introspection
		if in.ClientID == "" && (in.URL != "" || in.ClientSecret != "") {
			add("auth.introspection.client_id", "required to use introspection")
		}
		if in.ClientID != "" && in.ClientSecret == "" {
			add("auth.introspection.client_secret", `required: a reference such as "${env:INTROSPECTION_SECRET}"`)
		}
		if in.URL != "" {
			if err := checkSecureURL(in.URL); err != nil {
				add("auth.introspection.url", "%v", err)
			}
		}
		if in.CacheTTL < 0 || in.CacheTTL > Duration(3600e9) {
			add("auth.introspection.cache_ttl", "must be between 0s and 1h, got %s", in.CacheTTL)
		}
		if a.GroupsClaim == "" {
			add("auth.groups_claim", "must not be empty")
		}
	case AuthAPIKey:
		if len(a.APIKeys) == 0 {
			add("auth.api_keys", "mode api_key needs at least one key")
		}
	default:
		add("auth.mode", "expected none, oauth or api_key, got %q", a.Mode)
	}
	if a.Mode != AuthAPIKey && len(a.APIKeys) > 0 {
		add("auth.api_keys", "apply only to mode api_key")
	}
	if a.Mode != AuthOAuth {
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"resource", a.Resource != ""}, {"issuer", a.Issuer != ""}, {"jwks_url", a.JWKSURL != ""},
			{"algorithms", len(a.Algorithms) > 0}, {"introspection", a.Introspection.ClientID != "" || a.Introspection.URL != ""},
		} {
			if f.set {
				add("auth."+f.name, "applies only to mode oauth")
			}
		}
	}
	if a.Admins.Set() && (a.Mode == AuthUnset || a.Mode == AuthNone) {
		add("auth.admins", "needs authentication (mode oauth or api_key): without it there is no principal to check")
	}
	for i, v := range a.Admins.Subjects {
		if strings.TrimSpace(v) == "" {
			add(joinIndex("auth.admins.subjects", i), "must not be empty")
		}
	}
	for i, v := range a.Admins.Groups {
		if strings.TrimSpace(v) == "" {
			add(joinIndex("auth.admins.groups", i), "must not be empty")
		}
	}
	if a.GrantKey != "" && !grantKey.MatchString(a.GrantKey) {
		// Never echo the value: it is a key.
		add("auth.grant_key", "expected 64 hex digits (32 random bytes, e.g. from openssl rand -hex 32)")
	}
	names := map[string]bool{}
	hashes := map[string]bool{}
	for i, k := range a.APIKeys {
		p := joinIndex("auth.api_keys", i)
		switch {
		case k.Name == "":
			add(p, "name is required")
		case names[k.Name]:
			add(p+".name", "duplicate key name %q", k.Name)
		}
		names[k.Name] = true
		if !apiKeyHash.MatchString(k.Hash) {
			add(p+".hash", `expected "sha256:" and 64 lowercase hex digits (the key itself never goes in the config; see docs/identity.md)`)
		} else if hashes[k.Hash] {
			add(p+".hash", "the same key is listed twice")
		}
		hashes[k.Hash] = true
		for j, s := range k.Scopes {
			if !scopeToken.MatchString(s) {
				add(joinIndex(p+".scopes", j), "invalid scope %q", s)
			}
		}
	}
	for _, l := range []struct {
		path string
		v    []string
	}{{"auth.required_scopes", a.RequiredScopes}, {"auth.scopes_supported", a.ScopesSupported}} {
		for j, s := range l.v {
			if !scopeToken.MatchString(s) {
				add(joinIndex(l.path, j), "invalid scope %q", s)
			}
		}
	}
	for i, r := range a.Scopes {
		p := joinIndex("auth.scopes", i)
		if !scopeToken.MatchString(r.Scope) {
			add(p+".scope", "expected a scope name, got %q", r.Scope)
		}
		if r.Server != "" && r.Server != "*" && !slices.ContainsFunc(c.Upstreams, func(u Upstream) bool { return u.Name == r.Server }) {
			add(p+".server", "no upstream named %q", r.Server)
		}
		for j, t := range r.Tools {
			if _, err := path.Match(t, ""); err != nil || t == "" {
				add(joinIndex(p+".tools", j), "invalid tool pattern %q", t)
			}
		}
	}
	return ps
}

func (c *Config) validateUpstreamAuth(i int) []Problem {
	u := &c.Upstreams[i]
	if u.Auth == nil {
		return nil
	}
	var ps []Problem
	p := joinIndex("upstreams", i) + ".auth"
	add := func(field, format string, args ...any) {
		ps = append(ps, c.src.problem(p+"."+field, fmt.Sprintf(format, args...)))
	}
	a := u.Auth
	if u.URL == "" {
		ps = append(ps, c.src.problem(p, "auth applies only to url upstreams; pass a stdio child its secrets through env"))
		return ps
	}
	switch a.Type {
	case UpstreamClientCredentials:
	case UpstreamTokenExchange:
		if c.Auth.Mode != AuthOAuth {
			// Only an OAuth access token can be exchanged; an API key or
			// no token at all would fail every request.
			add("type", "token_exchange exchanges the caller's OAuth access token: it needs auth.mode oauth")
		}
	case UpstreamAuthorizationCode:
		for _, f := range []struct{ name, v string }{{"authorize_url", a.AuthorizeURL}, {"redirect_url", a.RedirectURL}} {
			if f.v == "" {
				add(f.name, "required with type authorization_code")
			} else if err := checkSecureURL(f.v); err != nil {
				add(f.name, "%v", err)
			}
		}
		if a.Issuer != "" {
			if err := checkSecureURL(a.Issuer); err != nil {
				add("issuer", "%v", err)
			} else if strings.Contains(a.Issuer, "?") {
				add("issuer", "an issuer identifier has no query (RFC 8414), got %q", a.Issuer)
			}
		} else if a.RequireIss {
			add("require_iss", "needs issuer: the iss parameter is compared with it")
		}
		if !grantKey.MatchString(c.Auth.GrantKey) && !c.src.set("auth.grant_key") {
			add("type", "authorization_code stores users' refresh tokens encrypted: set auth.grant_key to a reference to 64 hex digits")
		}
	default:
		add("type", "expected client_credentials, token_exchange or authorization_code, got %q", a.Type)
	}
	if a.Type != UpstreamAuthorizationCode {
		for _, f := range []struct {
			name string
			set  bool
		}{{"issuer", a.Issuer != ""}, {"require_iss", a.RequireIss}} {
			if f.set {
				add(f.name, "applies only to type authorization_code")
			}
		}
	}
	if a.TokenURL == "" {
		add("token_url", "required: the authorization server's token endpoint")
	} else if err := checkSecureURL(a.TokenURL); err != nil {
		add("token_url", "%v", err)
	}
	if a.ClientID == "" {
		add("client_id", "required")
	}
	if a.ClientSecret == "" && a.Type != UpstreamAuthorizationCode {
		add("client_secret", `required: a reference such as "${env:UPSTREAM_SECRET}"`)
	}
	if a.Resource != "" {
		if err := checkResourceURI(a.Resource); err != nil {
			add("resource", "%v", err)
		}
	}
	switch a.TokenEndpointAuthMethod {
	case "", ClientSecretBasic, ClientSecretPost:
		if a.TokenEndpointAuthMethod != "" && a.ClientSecret == "" {
			add("token_endpoint_auth_method", "%s needs client_secret", a.TokenEndpointAuthMethod)
		}
	default:
		add("token_endpoint_auth_method", "expected client_secret_basic or client_secret_post, got %q", a.TokenEndpointAuthMethod)
	}
	for j, s := range a.Scopes {
		if !scopeToken.MatchString(s) {
			add(joinIndex("scopes", j), "invalid scope %q", s)
		}
	}
	for k := range u.Headers {
		if strings.EqualFold(k, "Authorization") {
			ps = append(ps, c.src.problem(joinKey(joinIndex("upstreams", i)+".headers", k), "set either an Authorization header or auth, not both"))
		}
	}
	return ps
}

// checkResourceURI checks an RFC 8707 resource indicator: absolute, no fragment.
func checkResourceURI(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("expected an absolute https URI without a fragment, such as https://mcp.example.com/mcp, got %q", s)
	}
	if u.Scheme == "http" && !isLoopbackHost(u.Hostname()) {
		return fmt.Errorf("must use https (http is allowed only for loopback), got %q", s)
	}
	return nil
}

// checkSecureURL checks an authorization server URL: https, or http on loopback.
func checkSecureURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil || u.Fragment != "" {
		return fmt.Errorf("expected an absolute https URL, got %q", s)
	}
	if u.Scheme == "http" && !isLoopbackHost(u.Hostname()) {
		return fmt.Errorf("must use https (http is allowed only for loopback), got %q", s)
	}
	return nil
}

// authRelaxations lists the weaker-than-default auth settings.
func (c *Config) authRelaxations() []string {
	var rs []string
	loop, err := parseListen(c.Listen)
	switch {
	case c.Auth.Mode == AuthNone:
		rs = append(rs, "auth.mode is none: every process that can reach the listener acts with full access and no identity")
	case c.Auth.Mode == AuthUnset && err == nil && !loop:
		rs = append(rs, fmt.Sprintf("listen %s accepts connections from other machines without authentication (set auth.mode to oauth or api_key)", c.Listen))
	}
	if (c.Auth.Mode == AuthOAuth || c.Auth.Mode == AuthAPIKey) && !c.Auth.Admins.Set() {
		rs = append(rs, "auth.admins is not set: every authenticated principal may decide held calls and reload the configuration from this machine (the admin API)")
	}
	for _, u := range c.Upstreams {
		if a := u.Auth; a != nil && a.Type == UpstreamAuthorizationCode && a.Issuer == "" {
			rs = append(rs, fmt.Sprintf("upstream %q: auth.issuer is not set, so authorization responses are not checked against their issuer (RFC 9207); mix-up protection rests on its own redirect_url", u.Name))
		}
	}
	return rs
}
