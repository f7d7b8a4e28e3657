package auth

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

// pendingTTL bounds how long a user has to complete an authorization.
const pendingTTL = 10 * time.Minute

// maxPendingPerUser bounds the authorizations one user has under way.
const maxPendingPerUser = 16

// ErrNoGrant is returned by a GrantStore that holds nothing under a key.
var ErrNoGrant = errors.New("no grant stored")

// GrantStore keeps users' sealed upstream grants (encrypted refresh
// tokens). Warden's store backs it in production; MemoryGrantStore is for
// tests and single-process setups that accept re-authorizing on restart.
type GrantStore interface {
	Get(ctx context.Context, key string) ([]byte, error) // ErrNoGrant if absent
	Put(ctx context.Context, key string, sealed []byte) error
	Delete(ctx context.Context, key string) error
}

// MemoryGrantStore is a GrantStore in memory.
type MemoryGrantStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *MemoryGrantStore) Get(_ context.Context, key string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	if !ok {
		return nil, ErrNoGrant
	}
	return append([]byte(nil), v...), nil
}

func (s *MemoryGrantStore) Put(_ context.Context, key string, sealed []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string][]byte{}
	}
	s.m[key] = append([]byte(nil), sealed...)
	return nil
}

func (s *MemoryGrantStore) Delete(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

// GrantRequiredError says the user must authorize Warden at the upstream's
// authorization server first, by opening URL in a browser.
type GrantRequiredError struct {
	Upstream string
	URL      string
}

func (e *GrantRequiredError) Error() string {
	return fmt.Sprintf("upstream %q needs your authorization: open %s", e.Upstream, e.URL)
}

// AuthorizationURL is the URL the user opens; the gateway offers it as a
// URL-mode elicitation to clients that support one.
func (e *GrantRequiredError) AuthorizationURL() string { return e.URL }

type principalKey struct{}

// WithPrincipal returns a context carrying the principal an outbound
// request is made for (authorization_code upstreams).
func WithPrincipal(ctx context.Context, p *guard.Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// UserGrants runs the per-user authorization-code flow with PKCE (RFC
// 7636, S256) toward one upstream's authorization server, and holds the
// resulting tokens: access tokens in memory, refresh tokens sealed with
// AES-256-GCM in a GrantStore. The sealing binds each refresh token to its
// upstream and principal, so a stored blob moved to another user's key
// does not open.
type UserGrants struct {
	name     string
	cfg      config.UpstreamAuth
	resource string
	aead     cipher.AEAD
	store    GrantStore
	client   *http.Client
	now      func() time.Time

	mu         sync.Mutex
	pending    map[string]pendingAuth // by state
	access     map[string]exchanged   // by principal
	refreshing map[string]*flight     // by principal: its refresh under way
}

type pendingAuth struct {
	principal string
	verifier  string
	code      string // set once the authorization server answered
	expires   time.Time
}

// NewUserGrants prepares the flow for an authorization_code upstream. key
// is auth.grant_key: 64 hex digits.
func NewUserGrants(u config.Upstream, key string, store GrantStore) (*UserGrants, error) {
	a := u.Auth
	if a == nil || a.Type != config.UpstreamAuthorizationCode {
		return nil, fmt.Errorf("upstream %q: not an authorization_code upstream", u.Name)
	}
	for _, s := range []string{a.AuthorizeURL, a.TokenURL, a.RedirectURL} {
		if err := secureURL(s); err != nil {
			return nil, fmt.Errorf("upstream %q: %w", u.Name, err)
		}
	}
	k, err := hex.DecodeString(key)
	if err != nil || len(k) != 32 {
		return nil, fmt.Errorf("upstream %q: auth.grant_key must be 64 hex digits", u.Name)
	}
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	if store == nil {
		return nil, fmt.Errorf("upstream %q: a grant store is required", u.Name)
	}
	resource := a.Resource
	if resource == "" {
		resource = u.URL
	}
	return &UserGrants{name: u.Name, cfg: *a, resource: resource, aead: aead, store: store,
		client: &http.Client{Timeout: fetchTimeout, CheckRedirect: noRedirects}, now: time.Now,
		pending: map[string]pendingAuth{}, access: map[string]exchanged{}, refreshing: map[string]*flight{}}, nil
}

func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// AuthCodeURL starts an authorization for p and returns the URL the user
// opens. The state is single-use, expires after 10 minutes and is bound
// to p; the PKCE verifier never leaves Warden.
func (g *UserGrants) AuthCodeURL(p *guard.Principal) string {
	state, verifier := randomString(32), randomString(32)
	sum := sha256.Sum256([]byte(verifier))
	now := g.now()
	who := p.String()
	g.mu.Lock()
	// Every request of a user without a grant starts an authorization. A
	// user's oldest ones give way to the newest, so that one user's
	// requests cannot fill the table and evict other users' authorizations.
	mine, oldest := 0, ""
	for s, pa := range g.pending {
		switch {
		case !now.Before(pa.expires):
			delete(g.pending, s)
		case pa.principal == who && !strings.HasPrefix(s, confirmPrefix):
			mine++
			if oldest == "" || pa.expires.Before(g.pending[oldest].expires) {
				oldest = s
			}
		}
	}
	if mine >= maxPendingPerUser {
		delete(g.pending, oldest)
	}
	if len(g.pending) >= maxCached {
		clear(g.pending)
	}
	g.pending[state] = pendingAuth{principal: who, verifier: verifier, expires: now.Add(pendingTTL)}
	g.mu.Unlock()
	q := url.Values{
		"response_type":         {"code"},
		"client_id":             {g.cfg.ClientID},
		"redirect_uri":          {g.cfg.RedirectURL},
		"state":                 {state},
		"code_challenge":        {base64.RawURLEncoding.EncodeToString(sum[:])},
		"code_challenge_method": {"S256"},
		"resource":              {g.resource},
	}
	if len(g.cfg.Scopes) > 0 {
		q.Set("scope", strings.Join(g.cfg.Scopes, " "))
	}
	sep := "?"
	if strings.Contains(g.cfg.AuthorizeURL, "?") {
		sep = "&"
	}
	return g.cfg.AuthorizeURL + sep + q.Encode()
}

// CallbackPath returns the path of RedirectURL, where CallbackHandler must
// be mounted (outside bearer authentication: the browser has no token; the
// single-use state identifies the user).
func (g *UserGrants) CallbackPath() string {
	u, _ := url.Parse(g.cfg.RedirectURL)
	return u.Path
}

// CallbackHandler completes an authorization in two steps. GET (the
// authorization server's redirect) checks the single-use state and shows
// which Warden user is asking for the grant; only the user's explicit POST
// from that page redeems the code. The confirmation defeats the
// account-linking attack in which someone sends a victim an authorization
// link they started, to have the victim's account bound to their own
// Warden identity.
func (g *UserGrants) CallbackHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		h.Set("Referrer-Policy", "no-referrer")
		switch r.Method {
		case http.MethodGet:
			g.callbackGet(w, r)
		case http.MethodPost:
			g.callbackPost(w, r)
		default:
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}

func (g *UserGrants) callbackGet(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	state := q.Get("state")
	g.mu.Lock()
	pa, ok := g.pending[state]
	delete(g.pending, state) // single use, whatever happens next
	g.mu.Unlock()
	if !ok || state == "" || !g.now().Before(pa.expires) {
		http.Error(w, "unknown or expired authorization request; start again", http.StatusBadRequest)
		return
	}
	// RFC 9207: the response must come from the issuer this upstream's
	// authorization was started with, checked before anything in it is
	// used (errors too), so that another server's answer is not taken
	// for this one's (mix-up).
	if err := g.checkIssuer(q); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if e := q.Get("error"); e != "" {
		http.Error(w, "the authorization server refused: "+clip(e), http.StatusForbidden)
		return
	}
	if q.Get("code") == "" {
		http.Error(w, "missing code", http.StatusBadRequest)
		return
	}
	nonce := randomString(32)
	pa.code = q.Get("code")
	pa.expires = g.now().Add(5 * time.Minute)
	g.mu.Lock()
	g.pending[confirmPrefix+nonce] = pa
	g.mu.Unlock()
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><meta charset="utf-8"><title>Warden authorization</title>
<p>The Warden user <b>%s</b> asks to use your account at <b>%s</b>.</p>
<p>Continue only if you started this from your own MCP client. Otherwise close this window.</p>
<form method="post"><input type="hidden" name="confirm" value="%s"><button type="submit">Allow</button></form>
`, html.EscapeString(pa.principal), html.EscapeString(g.name), nonce)
}

func (g *UserGrants) callbackPost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	nonce := r.PostFormValue("confirm")
	g.mu.Lock()
	pa, ok := g.pending[confirmPrefix+nonce]
	delete(g.pending, confirmPrefix+nonce)
	g.mu.Unlock()
	if !ok || nonce == "" || !g.now().Before(pa.expires) {
		http.Error(w, "unknown or expired confirmation; start again", http.StatusBadRequest)
		return
	}
	form := url.Values{"grant_type": {"authorization_code"}, "code": {pa.code}, "redirect_uri": {g.cfg.RedirectURL},
		"code_verifier": {pa.verifier}, "client_id": {g.cfg.ClientID}, "resource": {g.resource}}
	if err := g.redeem(r.Context(), pa.principal, form); err != nil {
		http.Error(w, "completing the authorization failed: "+err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "Warden may now use %s on your behalf. You can close this window.\n", g.name)
}

// checkIssuer compares an authorization response's iss parameter with
// the configured issuer by simple string comparison (RFC 9207 section
// 2.4: no normalisation, so "https://as.example/" is not
// "https://as.example"). Without a configured issuer there is nothing to
// compare with, and the per-upstream redirect URI is the defence.
func (g *UserGrants) checkIssuer(q url.Values) error {
	want := g.cfg.Issuer
	if want == "" {
		return nil
	}
	got, present := q["iss"]
	switch {
	case !present:
		if g.cfg.RequireIss {
			return errors.New("the authorization response has no iss parameter, which this authorization server always sends (RFC 9207); start again")
		}
		return nil
	case len(got) != 1 || got[0] != want:
		return fmt.Errorf("the authorization response names issuer %q, not %q (RFC 9207 mix-up protection); start again", clip(strings.Join(got, ",")), want)
	}
	return nil
}

// confirmPrefix keeps confirmation nonces apart from states in pending.
const confirmPrefix = "confirm:"

func (g *UserGrants) grantKey(principal string) string { return g.name + "|" + principal }

// seal encrypts a refresh token bound to the upstream and principal.
func (g *UserGrants) seal(principal, refresh string) []byte {
	nonce := make([]byte, g.aead.NonceSize())
	_, _ = rand.Read(nonce)
	return g.aead.Seal(nonce, nonce, []byte(refresh), []byte("warden-grant|"+g.grantKey(principal)))
}

func (g *UserGrants) open(principal string, sealed []byte) (string, error) {
	n := g.aead.NonceSize()
	if len(sealed) < n {
		return "", errors.New("sealed grant too short")
	}
	pt, err := g.aead.Open(nil, sealed[:n], sealed[n:], []byte("warden-grant|"+g.grantKey(principal)))
	if err != nil {
		return "", errors.New("sealed grant does not open for this user and upstream")
	}
	return string(pt), nil
}

// redeem posts form to the token endpoint and keeps the result for principal.
func (g *UserGrants) redeem(ctx context.Context, principal string, form url.Values) error {
	res, err := postToken(ctx, g.client, g.cfg, form)
	if err != nil {
		return err
	}
	life := time.Duration(res.ExpiresIn) * time.Second
	if life <= 0 || life > time.Hour {
		life = 5 * time.Minute
	}
	now := g.now()
	g.mu.Lock()
	if len(g.access) >= maxCached {
		clear(g.access)
	}
	g.access[principal] = exchanged{token: res.AccessToken, until: now.Add(life - min(life/10, 30*time.Second))}
	g.mu.Unlock()
	if res.RefreshToken != "" {
		if err := g.store.Put(ctx, g.grantKey(principal), g.seal(principal, res.RefreshToken)); err != nil {
			return fmt.Errorf("storing the grant: %w", err)
		}
	}
	return nil
}

// Token returns an access token for p at this upstream: from memory, or
// by refreshing the stored grant. Without a usable grant it returns a
// *GrantRequiredError with the URL to authorize.
func (g *UserGrants) Token(ctx context.Context, p *guard.Principal) (string, error) {
	if p == nil || p.Subject == "" {
		return "", fmt.Errorf("upstream %q needs an authenticated user", g.name)
	}
	who := p.String()
	for {
		g.mu.Lock()
		e, ok := g.access[who]
		if ok && g.now().Before(e.until) {
			g.mu.Unlock()
			return e.token, nil
		}
		// One refresh per user at a time: the others wait for its result.
		// Two redemptions of one rotating refresh token are a reuse, which
		// the server answers with invalid_grant (and may revoke the grant).
		f, busy := g.refreshing[who]
		if !busy {
			f = &flight{done: make(chan struct{})}
			if g.refreshing == nil {
				g.refreshing = map[string]*flight{}
			}
			g.refreshing[who] = f
			g.mu.Unlock()
			f.tok, f.err = g.refresh(ctx, p, who)
			f.abandoned = ctx.Err() != nil
			g.mu.Lock()
			delete(g.refreshing, who)
			g.mu.Unlock()
			close(f.done)
			return f.tok, f.err
		}
		g.mu.Unlock()
		select {
		case <-f.done:
		case <-ctx.Done():
			return "", fmt.Errorf("waiting for the grant of upstream %q: %w", g.name, ctx.Err())
		}
		// The refresh ended with the request that ran it: try again.
		if f.err != nil && f.abandoned {
			continue
		}
		return f.tok, f.err
	}
}

// flight is one user's refresh under way; its results are set before done
// is closed.
type flight struct {
	done      chan struct{}
	tok       string
	err       error
	abandoned bool // the request that ran it was cancelled
}

// refresh gets p's access token from the stored grant.
func (g *UserGrants) refresh(ctx context.Context, p *guard.Principal, who string) (string, error) {
	sealed, err := g.store.Get(ctx, g.grantKey(who))
	if errors.Is(err, ErrNoGrant) {
		return "", &GrantRequiredError{Upstream: g.name, URL: g.AuthCodeURL(p)}
	}
	if err != nil {
		return "", fmt.Errorf("reading the grant for upstream %q: %w", g.name, err)
	}
	refresh, err := g.open(who, sealed)
	if err != nil {
		_ = g.store.Delete(ctx, g.grantKey(who))
		return "", &GrantRequiredError{Upstream: g.name, URL: g.AuthCodeURL(p)}
	}
	form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}, "client_id": {g.cfg.ClientID}, "resource": {g.resource}}
	if err := g.redeem(ctx, who, form); err != nil {
		var te *tokenError
		if errors.As(err, &te) && te.Code == "invalid_grant" {
			// Revoked or expired: the user must authorize again.
			_ = g.store.Delete(ctx, g.grantKey(who))
			return "", &GrantRequiredError{Upstream: g.name, URL: g.AuthCodeURL(p)}
		}
		return "", fmt.Errorf("refreshing the grant for upstream %q: %w", g.name, err)
	}
	g.mu.Lock()
	e := g.access[who]
	g.mu.Unlock()
	return e.token, nil
}

// Transport returns a RoundTripper that sends each request with the token
// of the principal in its context (see WithPrincipal).
func (g *UserGrants) Transport(next http.RoundTripper) http.RoundTripper {
	return &bearerTransport{next: next, token: func(r *http.Request) (string, error) {
		p, _ := r.Context().Value(principalKey{}).(*guard.Principal)
		return g.Token(r.Context(), p)
	}}
}

// Client returns the HTTP client and static headers for the upstream u,
// sending each request with the token of the principal in its context.
func (g *UserGrants) Client(u config.Upstream, base http.RoundTripper) (*http.Client, http.Header, error) {
	target, err := url.Parse(u.URL)
	if err != nil || target.Host == "" || u.Name != g.name {
		return nil, nil, fmt.Errorf("upstream %q: bad url or not this grant's upstream", u.Name)
	}
	if base == nil {
		base = http.DefaultTransport.(*http.Transport).Clone()
	}
	hdr := http.Header{}
	for k, v := range u.Headers {
		hdr.Set(k, v)
	}
	return guardedClient(u, target, g.Transport(base)), hdr, nil
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int64  `json:"expires_in"`
}

type tokenError struct {
	Status int
	Code   string
	Desc   string
}

func (e *tokenError) Error() string {
	return fmt.Sprintf("token endpoint: status %d: %s %s", e.Status, clip(e.Code), clip(e.Desc))
}

// postToken calls a token endpoint with the client's authentication
// (clientAuthForm).
func postToken(ctx context.Context, hc *http.Client, cfg config.UpstreamAuth, form url.Values) (*tokenResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	basic := clientAuthForm(form, cfg)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if basic {
		req.SetBasicAuth(url.QueryEscape(cfg.ClientID), url.QueryEscape(cfg.ClientSecret))
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxDocument+1))
	if err != nil || len(data) > maxDocument {
		return nil, errors.New("token response too large or unreadable")
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error string `json:"error"`
			Desc  string `json:"error_description"`
		}
		_ = json.Unmarshal(data, &e)
		return nil, &tokenError{Status: resp.StatusCode, Code: e.Error, Desc: e.Desc}
	}
	var res tokenResponse
	if err := json.Unmarshal(data, &res); err != nil {
		return nil, fmt.Errorf("decoding token response: %w", err)
	}
	if res.AccessToken == "" || !strings.EqualFold(res.TokenType, "Bearer") {
		return nil, fmt.Errorf("token response has no bearer access_token (token_type %q)", clip(res.TokenType))
	}
	return &res, nil
}
