package auth

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/warden-mcp/warden/internal/config"
)

// Grant and token type URIs of RFC 8693 token exchange.
const (
	grantTokenExchange   = "urn:ietf:params:oauth:grant-type:token-exchange"
	tokenTypeAccessToken = "urn:ietf:params:oauth:token-type:access_token"
)

// ErrOtherOrigin is returned for an outbound request to an origin other
// than the upstream's own: credentials for one upstream never travel to
// another, whatever a redirect or metadata document says.
var ErrOtherOrigin = errors.New("request to another origin than the configured upstream refused")

// ErrNoSubjectToken is returned by a token-exchange upstream for a request
// whose context carries no caller token (see WithSubjectToken).
var ErrNoSubjectToken = errors.New("token exchange needs the caller's token in the request context")

type subjectTokenKey struct{}

// WithSubjectToken returns a context carrying the caller's access token,
// which a token_exchange upstream exchanges (RFC 8693) for a token of its
// own. The caller's token itself is never sent to the upstream.
func WithSubjectToken(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, subjectTokenKey{}, token)
}

// SubjectToken returns the bearer token of an inbound request, for
// WithSubjectToken ("" if there is none).
func SubjectToken(r *http.Request) string {
	t, _ := bearer(r)
	return t
}

// UpstreamClient returns the HTTP client and the static headers for one
// HTTP upstream: the client adds Warden's own credentials (auth:
// client_credentials or token_exchange), refuses every request to an origin
// other than the upstream URL's, and follows no redirects. base is the
// underlying transport (nil for a clone of http.DefaultTransport).
func UpstreamClient(u config.Upstream, base http.RoundTripper) (*http.Client, http.Header, error) {
	if u.URL == "" {
		return nil, nil, fmt.Errorf("upstream %q: credentials apply only to url upstreams", u.Name)
	}
	target, err := url.Parse(u.URL)
	if err != nil || target.Host == "" {
		return nil, nil, fmt.Errorf("upstream %q: bad url %q", u.Name, u.URL)
	}
	if base == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		// As many idle connections as calls in flight: the default of two
		// per host makes a busy gateway redial for almost every request.
		tr.MaxIdleConns = 1024
		tr.MaxIdleConnsPerHost = 256
		// An MCP server's response headers take a few hundred bytes;
		// net/http would read 10 MB of them.
		tr.MaxResponseHeaderBytes = 1 << 20
		base = tr
	}
	hdr := http.Header{}
	for k, v := range u.Headers {
		hdr.Set(k, v)
	}
	var rt http.RoundTripper = base
	if a := u.Auth; a != nil {
		resource := a.Resource
		if resource == "" {
			resource = u.URL
		}
		tokClient := &http.Client{Transport: base, Timeout: fetchTimeout, CheckRedirect: noRedirects}
		switch a.Type {
		case config.UpstreamClientCredentials:
			style := oauth2.AuthStyleInHeader
			if a.TokenEndpointAuthMethod == config.ClientSecretPost {
				style = oauth2.AuthStyleInParams
			}
			cc := &clientcredentials.Config{ClientID: a.ClientID, ClientSecret: a.ClientSecret, TokenURL: a.TokenURL,
				Scopes: a.Scopes, AuthStyle: style, EndpointParams: url.Values{"resource": {resource}}}
			if a.Audience != "" {
				cc.EndpointParams.Set("audience", a.Audience)
			}
			ctx := context.WithValue(context.Background(), oauth2.HTTPClient, tokClient)
			// One cached source for the upstream's lifetime.
			src := oauth2.ReuseTokenSource(nil, cc.TokenSource(ctx))
			rt = &bearerTransport{next: base, token: func(*http.Request) (string, error) {
				t, err := src.Token()
				if err != nil {
					return "", fmt.Errorf("getting a client-credentials token for upstream %q: %w", u.Name, err)
				}
				return t.AccessToken, nil
			}}
		case config.UpstreamTokenExchange:
			x := &exchanger{name: u.Name, cfg: *a, resource: resource, client: tokClient, now: time.Now,
				cache: map[[sha256.Size]byte]exchanged{}}
			rt = &bearerTransport{next: base, token: x.token}
		case config.UpstreamAuthorizationCode:
			return nil, nil, fmt.Errorf("upstream %q: authorization_code needs the users' grants: build it with NewUserGrants and its Client method", u.Name)
		default:
			return nil, nil, fmt.Errorf("upstream %q: unknown auth type %q", u.Name, a.Type)
		}
	}
	return guardedClient(u, target, rt), hdr, nil
}

// clientAuthForm adds the client's authentication to a token request form
// and reports whether it goes in an HTTP Basic header instead
// (client_secret_basic, the default for a client with a secret). A public
// client sends only its client_id.
func clientAuthForm(form url.Values, cfg config.UpstreamAuth) (basic bool) {
	switch {
	case cfg.ClientSecret == "":
		form.Set("client_id", cfg.ClientID)
		return false
	case cfg.TokenEndpointAuthMethod == config.ClientSecretPost:
		form.Set("client_id", cfg.ClientID)
		form.Set("client_secret", cfg.ClientSecret)
		return false
	}
	return true
}

// guardedClient wraps rt so that nothing reaches an origin other than the
// upstream's, and no redirect is followed.
func guardedClient(u config.Upstream, target *url.URL, rt http.RoundTripper) *http.Client {
	origin := target.Scheme + "://" + strings.ToLower(target.Host)
	return &http.Client{
		Transport: &originGuard{origin: origin, next: rt},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if originOf(req.URL) != origin {
				return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrOtherOrigin)
			}
			// Like the transport's default client: an MCP endpoint has no
			// reason to redirect, so none is followed.
			return fmt.Errorf("upstream %q redirected to %s; redirects are not followed", u.Name, req.URL.Redacted())
		},
	}
}

func noRedirects(*http.Request, []*http.Request) error {
	return errors.New("the token endpoint redirected; redirects are not followed")
}

func originOf(u *url.URL) string {
	return u.Scheme + "://" + strings.ToLower(u.Host)
}

// originGuard refuses requests to any origin but one. It sits outermost so
// no credential is even computed for a foreign origin.
type originGuard struct {
	origin string
	next   http.RoundTripper
}

func (g *originGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	if originOf(req.URL) != g.origin {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("%s: %w", req.URL.Redacted(), ErrOtherOrigin)
	}
	return g.next.RoundTrip(req)
}

// bearerTransport replaces any Authorization header and drops cookies and
// proxy credentials, so only Warden's own credential for this upstream is
// sent.
type bearerTransport struct {
	next  http.RoundTripper
	token func(*http.Request) (string, error)
}

func (t *bearerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, err := t.token(req)
	if err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	r2 := req.Clone(req.Context())
	r2.Header = maps.Clone(req.Header)
	if r2.Header == nil {
		r2.Header = http.Header{}
	}
	// By exact name as well: a key set by index need not be canonical, and
	// net/http sends such keys verbatim, next to the one Set adds.
	for k := range r2.Header {
		switch strings.ToLower(k) {
		case "authorization", "proxy-authorization", "cookie":
			delete(r2.Header, k)
		}
	}
	r2.Header.Set("Authorization", "Bearer "+tok)
	return t.next.RoundTrip(r2)
}

// exchanger performs RFC 8693 token exchange for each caller and caches the
// result by the caller token's hash until shortly before it expires.
type exchanger struct {
	name     string
	cfg      config.UpstreamAuth
	resource string
	client   *http.Client
	now      func() time.Time

	mu    sync.Mutex
	cache map[[sha256.Size]byte]exchanged
}

type exchanged struct {
	token string
	until time.Time
}

func (x *exchanger) token(req *http.Request) (string, error) {
	return x.tokenFor(req.Context(), SubjectTokenFrom(req.Context()))
}

// tokenFor returns the token exchanged for subject, from the cache or from
// the token endpoint.
func (x *exchanger) tokenFor(ctx context.Context, subject string) (string, error) {
	if subject == "" {
		return "", fmt.Errorf("upstream %q: %w", x.name, ErrNoSubjectToken)
	}
	key := sha256.Sum256([]byte(subject))
	now := x.now()
	x.mu.Lock()
	e, ok := x.cache[key]
	x.mu.Unlock()
	if ok && now.Before(e.until) {
		return e.token, nil
	}
	tok, life, err := x.exchange(ctx, subject)
	if err != nil {
		return "", fmt.Errorf("token exchange for upstream %q: %w", x.name, err)
	}
	// Refresh a little early so a token does not expire in flight.
	until := now.Add(life - min(life/10, 30*time.Second))
	x.mu.Lock()
	if len(x.cache) >= maxCached {
		clear(x.cache)
	}
	x.cache[key] = exchanged{token: tok, until: until}
	x.mu.Unlock()
	return tok, nil
}

func (x *exchanger) exchange(ctx context.Context, subject string) (string, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	form := url.Values{
		"grant_type":           {grantTokenExchange},
		"subject_token":        {subject},
		"subject_token_type":   {tokenTypeAccessToken},
		"requested_token_type": {tokenTypeAccessToken},
		"resource":             {x.resource},
	}
	if x.cfg.Audience != "" {
		form.Set("audience", x.cfg.Audience)
	}
	if len(x.cfg.Scopes) > 0 {
		form.Set("scope", strings.Join(x.cfg.Scopes, " "))
	}
	basic := clientAuthForm(form, x.cfg)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, x.cfg.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if basic {
		req.SetBasicAuth(url.QueryEscape(x.cfg.ClientID), url.QueryEscape(x.cfg.ClientSecret))
	}
	resp, err := x.client.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxDocument+1))
	if err != nil || len(data) > maxDocument {
		return "", 0, errors.New("response too large or unreadable")
	}
	var res struct {
		AccessToken     string `json:"access_token"`
		IssuedTokenType string `json:"issued_token_type"`
		TokenType       string `json:"token_type"`
		ExpiresIn       int64  `json:"expires_in"`
		Error           string `json:"error"`
		ErrorDesc       string `json:"error_description"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		return "", 0, fmt.Errorf("status %s, undecodable response", resp.Status)
	}
	if resp.StatusCode != http.StatusOK {
		// A server may quote the subject token, the caller's credential:
		// it must not reach Warden's logs and audit events.
		hide := func(s string) string { return clip(strings.ReplaceAll(s, subject, "[subject token]")) }
		return "", 0, fmt.Errorf("status %s: %s %s", resp.Status, hide(res.Error), hide(res.ErrorDesc))
	}
	if res.AccessToken == "" || !strings.EqualFold(res.TokenType, "Bearer") {
		return "", 0, fmt.Errorf("response has no bearer access_token (token_type %q)", res.TokenType)
	}
	if res.IssuedTokenType != "" && res.IssuedTokenType != tokenTypeAccessToken {
		return "", 0, fmt.Errorf("issued_token_type %q is not an access token", res.IssuedTokenType)
	}
	life := time.Duration(res.ExpiresIn) * time.Second
	if life <= 0 || life > time.Hour {
		life = 5 * time.Minute // unknown lifetime: reuse briefly
	}
	return res.AccessToken, life, nil
}
