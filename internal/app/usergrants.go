package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/audit"
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
	names     map[string]string       // path -> upstream name
	exchange  bool                    // some upstream exchanges the caller's token
	idle      time.Duration
	max       int
}

// reservedPaths are Warden's own endpoints, which a callback may not take;
// reservedPrefixes are the trees of its own (the admin API, the approval
// webhook, discovery). A callback on one of them would either panic the
// mux at start-up (a pattern registered twice) or take requests meant for
// the admin API or the webhook.
var (
	reservedPaths    = []string{"/sse", "/message", "/healthz", "/readyz", "/metrics"}
	reservedPrefixes = []string{"/admin/", "/webhooks/", "/.well-known/", "/debug/"}
)

// newUserUpstreams prepares the per-user upstreams of cfg. Grants are kept
// in kv (namespace auth.GrantNamespace), refresh tokens sealed under
// auth.grant_key.
func newUserUpstreams(cfg *config.Config, kv store.KV) (*userUpstreams, error) {
	x := &userUpstreams{creds: map[string]*auth.UserCredentials{}, callbacks: map[string]http.Handler{}, names: map[string]string{},
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
			if p == "" || p == "/" || p == cfg.Path || x.callbacks[p] != nil || containsPath(reservedPaths, p) || reservedTree(p) {
				return nil, fmt.Errorf("upstream %s: redirect_url path %q is empty, taken by another endpoint, or shared with another upstream", u.Name, p)
			}
			x.callbacks[p] = grants.CallbackHandler()
			x.names[p] = u.Name
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

// reservedTree reports whether p is, or is under, one of Warden's own
// trees ("/admin" as well as "/admin/approvals").
func reservedTree(p string) bool {
	for _, pre := range reservedPrefixes {
		if strings.HasPrefix(p+"/", pre) {
			return true
		}
	}
	return false
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
// state of the flow identifies the user. With rec, each answer is audited.
func (x *userUpstreams) mount(mux *http.ServeMux, rec eventRecorder) {
	if x == nil {
		return
	}
	for p, h := range x.callbacks {
		if rec != nil {
			h = auditedCallback(x.names[p], h, rec)
		}
		mux.Handle(p, h)
	}
}

// eventRecorder is the audit log as the callbacks use it.
type eventRecorder interface {
	Record(ctx context.Context, ev audit.Event) error
}

// auditedCallback records each answer of an authorization-code callback
// as an auth event of upstream: a refusal (an unknown or expired state,
// an answer from another issuer, the authorization server's own refusal)
// as deny with the reason the browser was shown, the confirmation page as
// hold, a completed grant as allow. The callback is outside bearer
// authentication, so this is the record of what reached it; the answer
// has been sent when the event is written, so a failed write is logged.
func auditedCallback(upstream string, h http.Handler, rec eventRecorder) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &capturedWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(cw, r)
		ev := audit.Event{Kind: audit.KindAuth, Server: upstream, Method: r.Method + " authorization callback",
			Details: map[string]any{"status": cw.status}}
		switch {
		case cw.status >= 400:
			ev.Verdict, ev.Reason = audit.VerdictDeny, strings.TrimSpace(string(cw.head))
		case r.Method == http.MethodPost:
			ev.Verdict, ev.Reason = audit.VerdictAllow, "grant completed after the user's confirmation"
		default:
			ev.Verdict, ev.Reason = audit.VerdictHold, "authorization response accepted; waiting for the user's confirmation"
		}
		if err := rec.Record(r.Context(), ev); err != nil {
			slog.Default().Error("auditing an authorization callback", "upstream", upstream, "err", err)
		}
	})
}

// capturedWriter keeps the status and the start of the body (an error
// page's message) of a response.
type capturedWriter struct {
	http.ResponseWriter
	status int
	head   []byte
}

func (c *capturedWriter) WriteHeader(code int) {
	c.status = code
	c.ResponseWriter.WriteHeader(code)
}

func (c *capturedWriter) Write(b []byte) (int, error) {
	if n := 200 - len(c.head); n > 0 {
		c.head = append(c.head, b[:min(n, len(b))]...)
	}
	return c.ResponseWriter.Write(b)
}
