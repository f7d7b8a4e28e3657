package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/auth"
	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/transport"
)

// userUpstreams is what the upstreams with per-user credentials
// (token_exchange, authorization_code) need: each principal's own
// connection and credential, the users' grants sealed in the store, and
// the callback endpoints of the authorization-code flows.
type userUpstreams struct {
	creds     map[string]*auth.UserCredentials
	callbacks map[string]http.Handler // path -> handler
	exchange  bool                    // some upstream exchanges the caller's token
	idle      time.Duration
	max       int
}

// reservedPaths are Warden's own endpoints, which a callback may not take.
var reservedPaths = []string{"/sse", "/message", "/healthz", "/readyz", "/admin/reload", "/metrics"}

// newUserUpstreams prepares the per-user upstreams of cfg. Grants are kept
// in kv (namespace auth.GrantNamespace), refresh tokens sealed under
// auth.grant_key.
func newUserUpstreams(cfg *config.Config, kv store.KV) (*userUpstreams, error) {
	x := &userUpstreams{creds: map[string]*auth.UserCredentials{}, callbacks: map[string]http.Handler{},
		idle: time.Duration(cfg.Limits.SessionIdleTimeout), max: cfg.Limits.MaxSessions}
	for _, u := range cfg.Upstreams {
		if !auth.PerUser(u) {
			continue
		}
		var grants *auth.UserGrants
		if u.Auth.Type == config.UpstreamAuthorizationCode {
			var err error
			if grants, err = auth.NewUserGrants(u, cfg.Auth.GrantKey, auth.KVGrantStore{KV: kv}); err != nil {
				return nil, err
			}
			p := grants.CallbackPath()
			if p == "" || p == "/" || p == cfg.Path || x.callbacks[p] != nil || strings.HasPrefix(p, "/.well-known/") || containsPath(reservedPaths, p) {
				return nil, fmt.Errorf("upstream %s: redirect_url path %q is empty, taken by another endpoint, or shared with another upstream", u.Name, p)
			}
			x.callbacks[p] = grants.CallbackHandler()
		} else {
			x.exchange = true
		}
		c, err := auth.NewUserCredentials(u, grants, nil)
		if err != nil {
			return nil, err
		}
		x.creds[u.Name] = c
	}
	return x, nil
}

func containsPath(list []string, p string) bool {
	for _, s := range list {
		if s == p {
			return true
		}
	}
	return false
}

// dialer returns u's dialer, or for a per-user upstream the options that
// give each principal a connection of its own (and a nil dialer).
func (x *userUpstreams) dialer(u config.Upstream, cfg *config.Config, log *slog.Logger) (transport.Dialer, *gateway.PerUserOptions, error) {
	var c *auth.UserCredentials
	if x != nil {
		c = x.creds[u.Name]
	}
	if c == nil {
		d, err := dialer(u, cfg, log)
		return d, nil, err
	}
	max := int(cfg.Limits.MaxMessageBytes)
	ulog := log.With("upstream", u.Name)
	if u.Transport != "" && u.Transport != "streamable" && u.Transport != "sse" {
		return nil, nil, fmt.Errorf("upstream %s: unknown transport %q", u.Name, u.Transport)
	}
	return nil, &gateway.PerUserOptions{
		Dialer: func(p *guard.Principal, caller func() context.Context) (transport.Dialer, error) {
			client := c.Client(p, caller)
			if u.Transport == "sse" {
				return &transport.SSEDialer{URL: u.URL, Header: c.Header(), Client: client, MaxMessageBytes: max, Logger: ulog}, nil
			}
			return &transport.StreamableDialer{URL: u.URL, Header: c.Header(), Client: client, MaxMessageBytes: max, Logger: ulog}, nil
		},
		Check:       c.Check,
		IdleTimeout: x.idle,
		MaxConns:    x.max,
	}, nil
}

// wrap puts each request's bearer token into its context, where a
// token_exchange upstream finds the token to exchange.
func (x *userUpstreams) wrap(h http.Handler) http.Handler {
	if x == nil || !x.exchange {
		return h
	}
	return auth.CarrySubjectToken(h)
}

// mount serves the authorization-code callbacks. They sit outside bearer
// authentication: the user's browser has no token, and the single-use
// state of the flow identifies the user.
func (x *userUpstreams) mount(mux *http.ServeMux) {
	if x == nil {
		return
	}
	for p, h := range x.callbacks {
		mux.Handle(p, h)
	}
}
