package auth

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/store"
)

// PerUser reports whether an upstream's credentials belong to each user
// (token_exchange, authorization_code), so that the gateway must keep a
// connection per principal for it.
func PerUser(u config.Upstream) bool {
	return u.Auth != nil && (u.Auth.Type == config.UpstreamTokenExchange || u.Auth.Type == config.UpstreamAuthorizationCode)
}

// UserCredentials makes the HTTP clients of one per-user upstream: one
// client per principal, which sends only that principal's credential (an
// RFC 8693 exchanged token, or the token of the user's own grant). The
// caller's token itself never leaves Warden.
type UserCredentials struct {
	u      config.Upstream
	target *url.URL
	base   http.RoundTripper
	header http.Header
	x      *exchanger  // token_exchange
	grants *UserGrants // authorization_code
}

// NewUserCredentials prepares the per-user credentials of u. grants is
// required for an authorization_code upstream and ignored otherwise. base
// is the underlying transport (nil for a clone of http.DefaultTransport).
func NewUserCredentials(u config.Upstream, grants *UserGrants, base http.RoundTripper) (*UserCredentials, error) {
	if !PerUser(u) {
		return nil, fmt.Errorf("upstream %q: credentials are not per user", u.Name)
	}
	target, err := url.Parse(u.URL)
	if err != nil || target.Host == "" {
		return nil, fmt.Errorf("upstream %q: bad url %q", u.Name, u.URL)
	}
	if base == nil {
		base = http.DefaultTransport.(*http.Transport).Clone()
	}
	c := &UserCredentials{u: u, target: target, base: base, header: http.Header{}}
	for k, v := range u.Headers {
		c.header.Set(k, v)
	}
	a := u.Auth
	switch a.Type {
	case config.UpstreamTokenExchange:
		if err := secureURL(a.TokenURL); err != nil {
			return nil, fmt.Errorf("upstream %q: %w", u.Name, err)
		}
		resource := a.Resource
		if resource == "" {
			resource = u.URL
		}
		c.x = &exchanger{name: u.Name, cfg: *a, resource: resource, now: time.Now,
			client: &http.Client{Transport: base, Timeout: fetchTimeout, CheckRedirect: noRedirects},
			cache:  map[[sha256.Size]byte]exchanged{}}
	case config.UpstreamAuthorizationCode:
		if grants == nil || grants.name != u.Name {
			return nil, fmt.Errorf("upstream %q: authorization_code needs the upstream's UserGrants", u.Name)
		}
		c.grants = grants
	}
	return c, nil
}

// Header returns the upstream's static headers (never Authorization,
// which configuration validation refuses next to auth).
func (c *UserCredentials) Header() http.Header { return c.header.Clone() }

// Check reports whether a request of p, made with ctx, can be sent now: for
// token exchange, that ctx carries the caller's token (WithSubjectToken)
// and that it exchanges; for authorization_code, that p has a usable grant
// (a *GrantRequiredError with the URL to authorize otherwise). Tokens it
// obtains are cached for the requests that follow.
func (c *UserCredentials) Check(ctx context.Context, p *guard.Principal) error {
	if p == nil || p.Subject == "" {
		return fmt.Errorf("upstream %q needs an authenticated user", c.u.Name)
	}
	if c.grants != nil {
		_, err := c.grants.Token(ctx, p)
		return err
	}
	_, err := c.x.tokenFor(ctx, SubjectTokenFrom(ctx))
	return err
}

// Client returns the HTTP client of p's own connection. caller returns the
// context of p's latest request, which carries that request's token
// (WithSubjectToken) for token exchange. Like UpstreamClient's, the client
// refuses other origins, follows no redirects and drops cookies.
func (c *UserCredentials) Client(p *guard.Principal, caller func() context.Context) *http.Client {
	tok := func(r *http.Request) (string, error) {
		if c.grants != nil {
			return c.grants.Token(r.Context(), p)
		}
		return c.x.tokenFor(r.Context(), SubjectTokenFrom(caller()))
	}
	return guardedClient(c.u, c.target, &bearerTransport{next: c.base, token: tok})
}

// SubjectTokenFrom returns the caller token WithSubjectToken put in ctx,
// or "".
func SubjectTokenFrom(ctx context.Context) string {
	s, _ := ctx.Value(subjectTokenKey{}).(string)
	return s
}

// CarrySubjectToken passes each request's bearer token to the handlers
// behind it in the request context (WithSubjectToken), for token-exchange
// upstreams. It authenticates nothing: the gateway still does, and a
// request it refuses never reaches an upstream.
func CarrySubjectToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok := SubjectToken(r); tok != "" {
			r = r.WithContext(WithSubjectToken(r.Context(), tok))
		}
		next.ServeHTTP(w, r)
	})
}

// GrantNamespace is the store namespace of users' sealed upstream grants.
const GrantNamespace = "grants"

// KVGrantStore keeps sealed grants in Warden's store, so they survive a
// restart and are shared by the gateways of a cluster. What it holds is
// already encrypted (UserGrants seals refresh tokens before Put).
type KVGrantStore struct{ KV store.KV }

func (s KVGrantStore) Get(ctx context.Context, key string) ([]byte, error) {
	it, err := s.KV.Get(ctx, GrantNamespace, key)
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrNoGrant
	}
	if err != nil {
		return nil, fmt.Errorf("reading grant: %w", err)
	}
	return it.Value, nil
}

func (s KVGrantStore) Put(ctx context.Context, key string, sealed []byte) error {
	if _, err := s.KV.Put(ctx, GrantNamespace, key, sealed, store.PutOptions{}); err != nil {
		return fmt.Errorf("storing grant: %w", err)
	}
	return nil
}

func (s KVGrantStore) Delete(ctx context.Context, key string) error {
	if err := s.KV.Delete(ctx, GrantNamespace, key, 0); err != nil {
		return fmt.Errorf("deleting grant: %w", err)
	}
	return nil
}
