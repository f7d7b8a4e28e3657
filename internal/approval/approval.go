// Package approval puts a person in the loop: a Broker keeps calls that
// wait for approval, the decisions people make about them, and standing
// decisions (for a session, or always for calls matching a pattern). People
// decide through the admin API (Handler), the CLI (RunCLI, which talks to
// the admin API) or a chat webhook with a signed callback; the flow guard
// also asks the client's user directly through MCP elicitation and records
// the answer here.
//
// Everything lives in the store's KV namespace "approvals", so replicas
// sharing a store see each other's requests and decisions (a waiting call
// polls the store as well as listening for local decisions).
package approval

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/store"
)

// Namespace is the store KV namespace approvals live in.
const Namespace = "approvals"

// Decision scopes.
const (
	ScopeOnce    = "once"    // this call only
	ScopeSession = "session" // this tool on this server for the rest of the session
	ScopeAlways  = "always"  // every call matching Pattern, any session
)

// Request states.
const (
	StatusPending  = "pending"
	StatusApproved = "approved"
	StatusDenied   = "denied"
	StatusExpired  = "expired"
)

// Channels a decision can come through, recorded with it.
const (
	ChannelElicitation = "elicitation"
	ChannelAdmin       = "admin"
	ChannelWebhook     = "webhook"
	ChannelStanding    = "standing"
	ChannelTimeout     = "timeout"
)

// Errors Decide returns (wrapped).
var (
	ErrNotFound = errors.New("no such approval request")
	ErrDecided  = errors.New("approval request already decided")
	ErrExpired  = errors.New("approval request expired")
	ErrInvalid  = errors.New("invalid decision")
)

// Request is a call waiting for a person.
type Request struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
	// Session is the guard.Session.Key of the calling session.
	Session   string `json:"session"`
	Principal string `json:"principal,omitempty"`
	Client    string `json:"client,omitempty"`
	Server    string `json:"server"`
	Tool      string `json:"tool"`
	// Arguments are masked by Submit (secrets never reach the store).
	Arguments json.RawMessage `json:"arguments"`
	// ArgsDigest is Digest of the arguments as sent, before masking.
	ArgsDigest string     `json:"args_digest"`
	Reason     string     `json:"reason"`
	Rule       string     `json:"rule,omitempty"`
	Labels     []string   `json:"labels,omitempty"`
	Facts      flow.Facts `json:"facts"`
	Status     string     `json:"status"`
	Decision   *Decision  `json:"decision,omitempty"`
	// StateHash binds a stateless client's retry to this request: the
	// SHA-256 of the secret part of its requestState (never the secret).
	StateHash string `json:"state_hash,omitempty"`

	version int64
}

// Decision is what a person (or a timeout) decided.
type Decision struct {
	Approve bool   `json:"approve"`
	Scope   string `json:"scope"`
	// Pattern is what a standing "always" decision covers: "server/tool"
	// globs plus optional key=glob argument matches (see ParsePattern).
	Pattern  string    `json:"pattern,omitempty"`
	Approver string    `json:"approver"`
	Channel  string    `json:"channel,omitempty"`
	Note     string    `json:"note,omitempty"`
	At       time.Time `json:"at"`
	// Request is the approval request the decision was made on (standing
	// decisions only).
	Request string `json:"request,omitempty"`
}

// rule is a stored standing decision.
type rule struct {
	Decision
	ID      string `json:"id"`
	Session string `json:"session,omitempty"` // session scope only
}

// Options configure a Broker; zero values take the defaults.
type Options struct {
	// Timeout is how long a call waits for a decision (default 5m).
	Timeout time.Duration
	// SessionTTL is how long a "session" decision lasts (default
	// flow.DefaultWindow, as long as the facts it answers).
	SessionTTL time.Duration
	// Retention is how long decided requests stay visible (default 24h).
	Retention time.Duration
	// Webhook, when its URL is set, is notified of every new request.
	Webhook Webhook
	// Mask masks arguments (default MaskArguments).
	Mask func(json.RawMessage) json.RawMessage
	// PollInterval is how often a waiting call re-reads the store, for
	// decisions made on another replica (default 1s).
	PollInterval time.Duration
	// Now is the clock (tests).
	Now func() time.Time
}

// Webhook configures the chat notification and its signed callback.
type Webhook struct {
	URL string
	// Secret signs notifications and verifies callbacks (HMAC-SHA256).
	Secret string
	// Timeout bounds one notification (default 5s).
	Timeout time.Duration
	// Window is how old a callback's timestamp may be (default 5m).
	Window time.Duration
	// Client sends notifications (default: a client that does not follow
	// redirects).
	Client *http.Client
	// Approvers, when set, are the only ones whose callbacks decide: the
	// approver a Warden-format callback names, or a Slack user's id or
	// name, with or without "slack:". Anyone else's signed callback is
	// refused (403) and logged.
	Approvers []string
}

// Broker keeps approval requests and decisions. It is safe for concurrent
// use.
type Broker struct {
	kv   store.KV
	opts Options
	log  *slog.Logger

	mu      sync.Mutex
	waiters map[string][]chan struct{}
	// wg tracks webhook notifications in flight (tests wait on it).
	wg sync.WaitGroup
}

// NewBroker returns a broker over kv.
func NewBroker(kv store.KV, opts Options, log *slog.Logger) *Broker {
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Minute
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = flow.DefaultWindow
	}
	if opts.Retention <= 0 {
		opts.Retention = 24 * time.Hour
	}
	if opts.Mask == nil {
		opts.Mask = MaskArguments
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Webhook.Timeout <= 0 {
		opts.Webhook.Timeout = 5 * time.Second
	}
	if opts.Webhook.Window <= 0 {
		opts.Webhook.Window = 5 * time.Minute
	}
	if opts.Webhook.Client == nil {
		opts.Webhook.Client = &http.Client{
			Timeout:       opts.Webhook.Timeout,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Broker{kv: kv, opts: opts, log: log, waiters: map[string][]chan struct{}{}}
}

// Timeout is the configured wait.
func (b *Broker) Timeout() time.Duration { return b.opts.Timeout }

func (b *Broker) now() time.Time { return b.opts.Now().UTC() }

// NewToken returns an unguessable token (120 random bits, base32).
func NewToken() string {
	var buf [15]byte
	_, _ = rand.Read(buf[:]) // crypto/rand.Read never fails (Go 1.24+)
	return strings.ToLower(base32.StdEncoding.EncodeToString(buf[:]))
}

func reqKey(id string) string  { return "req:" + id }
func ruleKey(id string) string { return "rule:" + id }

// Submit stores a new pending request and notifies the webhook. Pass the
// arguments as sent: Submit records their digest and stores them masked.
// Expires, when set and earlier than the configured timeout, is kept (a
// request's own deadline caps the wait).
func (b *Broker) Submit(ctx context.Context, req Request) (string, error) {
	now := b.now()
	req.ID = NewToken()
	req.Created = now
	if exp := now.Add(b.opts.Timeout); req.Expires.IsZero() || req.Expires.After(exp) {
		req.Expires = exp
	}
	req.ArgsDigest = Digest(req.Arguments)
	req.Arguments = b.opts.Mask(req.Arguments)
	req.Status = StatusPending
	req.Decision = nil
	data, err := json.Marshal(req)
	if err != nil {
		return "", fmt.Errorf("encoding approval request: %w", err)
	}
	ttl := req.Expires.Sub(now) + b.opts.Retention
	if _, err := b.kv.Put(ctx, Namespace, reqKey(req.ID), data, store.PutOptions{TTL: ttl, IfAbsent: true}); err != nil {
		return "", fmt.Errorf("storing approval request: %w", err)
	}
	b.log.Info("approval requested", "id", req.ID, "server", req.Server, "tool", req.Tool, "session", req.Session, "reason", req.Reason)
	if b.opts.Webhook.URL != "" {
		b.wg.Go(func() { b.notify(context.WithoutCancel(ctx), req) })
	}
	return req.ID, nil
}

// Get returns one request; the error wraps ErrNotFound when there is none.
func (b *Broker) Get(ctx context.Context, id string) (Request, error) {
	if id == "" || len(id) > 64 {
		return Request{}, fmt.Errorf("reading approval %q: %w", id, ErrNotFound)
	}
	it, err := b.kv.Get(ctx, Namespace, reqKey(id))
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrInvalid) {
		return Request{}, fmt.Errorf("reading approval %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return Request{}, fmt.Errorf("reading approval %q: %w", id, err)
	}
	var r Request
	if err := json.Unmarshal(it.Value, &r); err != nil {
		return Request{}, fmt.Errorf("decoding approval %q: %w", id, err)
	}
	r.version = it.Version
	if r.Status == StatusPending && !b.now().Before(r.Expires) {
		r.Status = StatusExpired
	}
	return r, nil
}

// List returns requests, newest first: pending ones only, or all retained.
func (b *Broker) List(ctx context.Context, all bool) ([]Request, error) {
	items, err := b.kv.List(ctx, Namespace, "req:")
	if err != nil {
		return nil, fmt.Errorf("listing approvals: %w", err)
	}
	now := b.now()
	out := make([]Request, 0, len(items))
	for _, it := range items {
		var r Request
		if err := json.Unmarshal(it.Value, &r); err != nil {
			b.log.Warn("skipping an unreadable approval request", "key", it.Key, "err", err)
			continue
		}
		if r.Status == StatusPending && !now.Before(r.Expires) {
			r.Status = StatusExpired
		}
		if all || r.Status == StatusPending {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, c Request) int { return c.Created.Compare(a.Created) })
	return out, nil
}

// Pending returns the requests waiting for a decision, newest first.
func (b *Broker) Pending(ctx context.Context) ([]Request, error) { return b.List(ctx, false) }

// Decide records a decision on a pending request. It fails with ErrDecided
// if someone decided first (each request is decided exactly once, which is
// also what makes a stateless client's approval state single use), and with
// ErrExpired after the request's deadline.
func (b *Broker) Decide(ctx context.Context, id string, d Decision) error {
	if d.Scope == "" {
		d.Scope = ScopeOnce
	}
	switch d.Scope {
	case ScopeOnce, ScopeSession, ScopeAlways:
	default:
		return fmt.Errorf("%w: unknown scope %q (want once, session or always)", ErrInvalid, d.Scope)
	}
	if strings.TrimSpace(d.Approver) == "" {
		return fmt.Errorf("%w: a decision needs the approver's identity", ErrInvalid)
	}
	r, err := b.Get(ctx, id)
	if err != nil {
		return err
	}
	switch r.Status {
	case StatusPending:
	case StatusExpired:
		return fmt.Errorf("deciding approval %s: %w", id, ErrExpired)
	default:
		return fmt.Errorf("deciding approval %s: %w", id, ErrDecided)
	}
	if d.Scope == ScopeAlways {
		if d.Pattern == "" {
			d.Pattern = r.Server + "/" + r.Tool
		}
		if _, err := ParsePattern(d.Pattern); err != nil {
			return fmt.Errorf("%w: %v", ErrInvalid, err)
		}
	}
	d.At = b.now()
	if err := b.finish(ctx, r, d); err != nil {
		return err
	}
	if d.Scope != ScopeOnce {
		if err := b.addRule(ctx, r, d); err != nil {
			// The call itself is decided; only the standing rule is lost,
			// which means someone is asked again: safe.
			b.log.Error("storing a standing approval decision failed", "id", id, "err", err)
		}
	}
	b.log.Info("approval decided", "id", id, "approve", d.Approve, "scope", d.Scope, "approver", d.Approver, "channel", d.Channel)
	b.wake(id)
	return nil
}

// finish writes a decision on r with compare-and-swap.
func (b *Broker) finish(ctx context.Context, r Request, d Decision) error {
	r.Decision = &d
	switch {
	case d.Channel == ChannelTimeout:
		r.Status = StatusExpired
	case d.Approve:
		r.Status = StatusApproved
	default:
		r.Status = StatusDenied
	}
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encoding approval decision: %w", err)
	}
	ttl := b.opts.Retention
	if _, err := b.kv.Put(ctx, Namespace, reqKey(r.ID), data, store.PutOptions{TTL: ttl, IfVersion: r.version}); err != nil {
		if errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("deciding approval %s: %w", r.ID, ErrDecided)
		}
		return fmt.Errorf("storing approval decision %s: %w", r.ID, err)
	}
	return nil
}

func (b *Broker) addRule(ctx context.Context, r Request, d Decision) error {
	ru := rule{Decision: d, ID: NewToken()}
	ru.Request = r.ID
	var ttl time.Duration
	if d.Scope == ScopeSession {
		ru.Session = r.Session
		ru.Pattern = r.Server + "/" + r.Tool
		if d.Pattern != "" {
			ru.Pattern = d.Pattern
		}
		if _, err := ParsePattern(ru.Pattern); err != nil {
			return err
		}
		ttl = b.opts.SessionTTL
	}
	data, err := json.Marshal(ru)
	if err != nil {
		return fmt.Errorf("encoding standing decision: %w", err)
	}
	if _, err := b.kv.Put(ctx, Namespace, ruleKey(ru.ID), data, store.PutOptions{TTL: ttl, IfAbsent: true}); err != nil {
		return fmt.Errorf("storing standing decision: %w", err)
	}
	return nil
}

// Standing returns an earlier session or always decision that covers this
// call. A matching deny wins over any approve. A store error finds nothing,
// which means a person is asked again.
func (b *Broker) Standing(ctx context.Context, session, server, tool string, args json.RawMessage) (Decision, bool) {
	items, err := b.kv.List(ctx, Namespace, "rule:")
	if err != nil {
		b.log.Warn("reading standing approval decisions failed; asking instead", "err", err)
		return Decision{}, false
	}
	var found *Decision
	for _, it := range items {
		var ru rule
		if err := json.Unmarshal(it.Value, &ru); err != nil {
			continue
		}
		if ru.Scope == ScopeSession && ru.Session != session {
			continue
		}
		p, err := ParsePattern(ru.Pattern)
		if err != nil || !p.Match(server, tool, args) {
			continue
		}
		d := ru.Decision
		if !d.Approve {
			return d, true
		}
		if found == nil {
			found = &d
		}
	}
	if found != nil {
		return *found, true
	}
	return Decision{}, false
}

// Revoke removes standing decisions made on request id (or with rule id).
func (b *Broker) Revoke(ctx context.Context, id string) (int, error) {
	items, err := b.kv.List(ctx, Namespace, "rule:")
	if err != nil {
		return 0, fmt.Errorf("listing standing decisions: %w", err)
	}
	n := 0
	for _, it := range items {
		var ru rule
		if err := json.Unmarshal(it.Value, &ru); err != nil {
			continue
		}
		if ru.ID == id || ru.Request == id {
			if err := b.kv.Delete(ctx, Namespace, it.Key, 0); err != nil {
				return n, fmt.Errorf("revoking standing decision: %w", err)
			}
			n++
		}
	}
	return n, nil
}

// Wait blocks until request id is decided, it expires, or ctx ends. No
// decision in time means deny: the request is marked expired (so a late
// approval is refused) and Wait returns a deny decision; when ctx ended,
// it also returns ctx's error.
func (b *Broker) Wait(ctx context.Context, id string) (Decision, error) {
	ch := make(chan struct{}, 1)
	b.mu.Lock()
	b.waiters[id] = append(b.waiters[id], ch)
	b.mu.Unlock()
	defer b.unwait(id, ch)
	for {
		r, err := b.Get(ctx, id)
		if err != nil && ctx.Err() == nil {
			return denied("the approval request could not be read"), err
		}
		if err == nil {
			if r.Decision != nil && r.Status != StatusPending {
				return *r.Decision, nil
			}
			if r.Status == StatusExpired {
				return b.expire(context.WithoutCancel(ctx), id, "no decision before the approval request expired"), nil
			}
		}
		wait := b.opts.PollInterval
		if err == nil {
			wait = min(wait, max(r.Expires.Sub(b.now()), time.Millisecond))
		}
		t := time.NewTimer(wait)
		select {
		case <-ch:
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			d := b.expire(context.WithoutCancel(ctx), id, "the call ended before anyone decided")
			return d, ctx.Err()
		}
		t.Stop()
	}
}

// expire marks a pending request expired and returns the deny it stands
// for; if someone decided meanwhile, that decision stands.
func (b *Broker) expire(ctx context.Context, id, why string) Decision {
	d := denied(why)
	d.At = b.now()
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	r, err := b.Get(ctx, id)
	if err != nil {
		return d
	}
	if r.Decision != nil {
		return *r.Decision
	}
	if err := b.finish(ctx, r, d); errors.Is(err, ErrDecided) {
		if r, err := b.Get(ctx, id); err == nil && r.Decision != nil {
			return *r.Decision
		}
	}
	b.wake(id)
	return d
}

func denied(why string) Decision {
	return Decision{Approve: false, Scope: ScopeOnce, Approver: "warden", Channel: ChannelTimeout, Note: why}
}

func (b *Broker) wake(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.waiters[id] {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (b *Broker) unwait(id string, ch chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ws := slices.DeleteFunc(b.waiters[id], func(c chan struct{}) bool { return c == ch })
	if len(ws) == 0 {
		delete(b.waiters, id)
	} else {
		b.waiters[id] = ws
	}
}

// Flush waits for webhook notifications in flight (tests, shutdown).
func (b *Broker) Flush() { b.wg.Wait() }
