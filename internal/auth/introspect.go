package auth

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
)

// maxCached bounds each token cache.
const maxCached = 10000

// negativeTTL bounds how long an inactive answer is reused: long enough to
// absorb a flood of bad tokens, short enough for a just-issued token.
const negativeTTL = 10 * time.Second

var errIntrospectionUnavailable = errors.New("introspection unavailable")

// introspector checks opaque tokens with RFC 7662 token introspection and
// caches each answer by the token's SHA-256, never longer than the token's
// own exp.
type introspector struct {
	url, clientID, secret string
	ttl                   time.Duration
	client                *http.Client
	now                   func() time.Time

	mu    sync.Mutex
	cache map[[sha256.Size]byte]cached
}

type cached struct {
	p     *guard.Principal // nil: inactive
	why   string
	until time.Time
}

func newIntrospector(u, id, secret string, ttl time.Duration, hc *http.Client, now func() time.Time) *introspector {
	return &introspector{url: u, clientID: id, secret: secret, ttl: ttl, client: hc, now: now,
		cache: map[[sha256.Size]byte]cached{}}
}

type introspection struct {
	Active   bool            `json:"active"`
	Scope    string          `json:"scope"`
	ClientID string          `json:"client_id"`
	Sub      string          `json:"sub"`
	Iss      string          `json:"iss"`
	Aud      json.RawMessage `json:"aud"`
	Exp      *json.Number    `json:"exp"`
	Nbf      *json.Number    `json:"nbf"`
}

func (in *introspector) check(ctx context.Context, tok string, a *Authenticator) (*guard.Principal, error) {
	key := sha256.Sum256([]byte(tok))
	now := in.now()
	in.mu.Lock()
	c, ok := in.cache[key]
	in.mu.Unlock()
	if ok && now.Before(c.until) {
		if c.p == nil {
			return nil, errors.New(c.why)
		}
		return clonePrincipal(c.p), nil
	}
	res, err := in.post(ctx, tok)
	if err != nil {
		return nil, err
	}
	p, until, why := a.judge(res, now, in.ttl)
	in.store(key, cached{p: p, why: why, until: until}, now)
	if p == nil {
		return nil, errors.New(why)
	}
	return clonePrincipal(p), nil
}

// judge decides whether an introspection answer is a valid token for this
// resource and until when the answer may be reused.
func (a *Authenticator) judge(res *introspection, now time.Time, ttl time.Duration) (*guard.Principal, time.Time, string) {
	neg := now.Add(min(ttl, negativeTTL))
	if !res.Active {
		return nil, neg, "token is not active"
	}
	exp, err := numericDate(res.Exp)
	if err != nil {
		return nil, neg, "introspection exp is malformed"
	}
	if res.Exp != nil && !now.Before(exp.Add(a.skew)) {
		return nil, neg, "token has expired"
	}
	if nbf, err := numericDate(res.Nbf); err != nil || (res.Nbf != nil && now.Add(a.skew).Before(nbf)) {
		return nil, neg, "token is not valid yet"
	}
	if res.Iss != "" && res.Iss != a.issuer {
		return nil, neg, "token was issued by another issuer"
	}
	// The audience must name this resource; an answer without aud cannot
	// show that the token was meant for Warden, so it fails closed.
	aud, err := stringOrList(res.Aud)
	if err != nil || !a.audienceOK(aud) {
		return nil, neg, "token audience does not include this server's resource URI (token issued for another resource)"
	}
	if res.Sub == "" && res.ClientID == "" {
		return nil, neg, "introspection names no subject"
	}
	p := &guard.Principal{Issuer: a.issuer, Subject: res.Sub, ClientID: res.ClientID, Scopes: strings.Fields(res.Scope)}
	if p.Subject == "" {
		p.Subject = res.ClientID
	}
	until := now.Add(ttl)
	if res.Exp != nil && exp.Before(until) {
		until = exp
	}
	return p, until, ""
}

func (in *introspector) store(key [sha256.Size]byte, c cached, now time.Time) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if len(in.cache) >= maxCached {
		for k, v := range in.cache {
			if !now.Before(v.until) {
				delete(in.cache, k)
			}
		}
		if len(in.cache) >= maxCached {
			clear(in.cache) // bounded memory beats a perfect hit rate
		}
	}
	in.cache[key] = c
}

func (in *introspector) post(ctx context.Context, tok string) (*introspection, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	form := url.Values{"token": {tok}, "token_type_hint": {"access_token"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, in.url, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errIntrospectionUnavailable, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	// RFC 6749 section 2.3.1: form-encode before Basic.
	req.SetBasicAuth(url.QueryEscape(in.clientID), url.QueryEscape(in.secret))
	resp, err := in.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errIntrospectionUnavailable, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: status %s", errIntrospectionUnavailable, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxDocument+1))
	if err != nil || len(data) > maxDocument {
		return nil, fmt.Errorf("%w: response too large or unreadable", errIntrospectionUnavailable)
	}
	var res introspection
	if err := decodeExact(data, &res); err != nil {
		return nil, fmt.Errorf("%w: decoding response: %v", errIntrospectionUnavailable, err)
	}
	return &res, nil
}

func clonePrincipal(p *guard.Principal) *guard.Principal {
	c := *p
	c.Scopes = append([]string(nil), p.Scopes...)
	c.Groups = append([]string(nil), p.Groups...)
	return &c
}
