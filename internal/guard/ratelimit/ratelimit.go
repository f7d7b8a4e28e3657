// Package ratelimit is the guard that limits how fast and how much each
// principal calls: token buckets per principal, per principal and tool,
// and per server, and a cap on concurrent calls per principal. A limited
// call is refused with a retry hint. Principals are keyed by identity
// alone: neither a new session, nor the stateless protocol's lack of one,
// nor a different client name (which the client chooses) gives fresh
// buckets.
package ratelimit

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

// Name is the guard's name.
const Name = "ratelimit"

// slotKey is the Exchange.Values key holding a concurrency slot.
const slotKey = "ratelimit.slot"

// maxKeys bounds the buckets kept; idle ones are dropped first.
const maxKeys = 50_000

// Limit is a token bucket: Rate per second, Burst at most. Rate 0 turns
// the bucket off.
type Limit struct {
	Rate  float64 `yaml:"rate"`
	Burst int     `yaml:"burst"`
}

// Settings is the guard's block under guards.ratelimit.
type Settings struct {
	PerPrincipal Limit `yaml:"per_principal"`
	// PerTool limits one principal's calls to one tool.
	PerTool Limit `yaml:"per_tool"`
	// PerServer limits all calls to one server, to protect it.
	PerServer Limit `yaml:"per_server"`
	// Tools override PerTool for "server/tool" names.
	Tools map[string]Limit `yaml:"tools"`
	// Concurrent caps calls in flight per principal (0: no cap).
	Concurrent int `yaml:"concurrent"`
	// SlotTimeout frees a concurrency slot whose call never reported back
	// (denied by a later guard, failed upstream) when the gateway does not
	// call Finish. It is the default request timeout, so a slot outlives
	// only calls kept alive by progress notifications.
	SlotTimeout config.Duration `yaml:"slot_timeout"`
}

// Defaults are generous limits that stop a runaway agent, not a person.
func Defaults() Settings {
	return Settings{
		// Per principal: a runaway agent loops far faster.
		PerPrincipal: Limit{Rate: 50, Burst: 100},
		PerTool:      Limit{Rate: 20, Burst: 50},
		// Off: what a server can take is known only to whoever runs it.
		PerServer:   Limit{},
		Concurrent:  32,
		SlotTimeout: config.Duration(time.Minute),
	}
}

// Guard enforces the limits.
type Guard struct {
	s   Settings
	log *slog.Logger
	now func() time.Time

	mu       sync.Mutex
	buckets  map[string]*bucket
	inflight map[string][]time.Time // principal -> slot deadlines
}

type bucket struct {
	lim  *rate.Limiter
	used time.Time
}

// New builds the guard from its block.
func New(gc config.GuardConfig, log *slog.Logger) (*Guard, error) {
	s, err := decode(gc)
	if err != nil {
		return nil, err
	}
	return NewWithSettings(s, log, time.Now), nil
}

// Reload applies a new block; on error the settings in force stay. The
// buckets start afresh with the new limits, calls in flight keep their
// slots.
func (g *Guard) Reload(gc config.GuardConfig) error {
	s, err := decode(gc)
	if err != nil {
		return err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.s = s
	clear(g.buckets)
	return nil
}

func decode(gc config.GuardConfig) (Settings, error) {
	s := Defaults()
	if err := gc.Decode(&s); err != nil {
		return s, err
	}
	var probs []config.Problem
	check := func(f string, l Limit) {
		if l.Rate < 0 || math.IsNaN(l.Rate) || math.IsInf(l.Rate, 0) || l.Burst < 0 || (l.Rate > 0 && l.Burst == 0) {
			probs = append(probs, gc.Problem(f, "rate must be >= 0 and burst >= 1 when rate is set"))
		}
	}
	check("per_principal", s.PerPrincipal)
	check("per_tool", s.PerTool)
	check("per_server", s.PerServer)
	for k, l := range s.Tools {
		check("tools."+k, l)
	}
	if s.Concurrent < 0 {
		probs = append(probs, gc.Problem("concurrent", "must be >= 0"))
	}
	if s.SlotTimeout <= 0 {
		probs = append(probs, gc.Problem("slot_timeout", "must be positive"))
	}
	if len(probs) > 0 {
		return s, &config.Error{Problems: probs}
	}
	return s, nil
}

// NewWithSettings builds the guard with an injectable clock.
func NewWithSettings(s Settings, log *slog.Logger, now func() time.Time) *Guard {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if now == nil {
		now = time.Now
	}
	return &Guard{s: s, log: log, now: now, buckets: map[string]*bucket{}, inflight: map[string][]time.Time{}}
}

func (g *Guard) Name() string { return Name }

// Wants tools/call requests, and their results to free the slot.
func (g *Guard) Wants(phase guard.Phase, method string) bool {
	return method == "tools/call" && (phase == guard.PhaseRequest || phase == guard.PhaseResult)
}

// principalKey identifies the caller across requests and sessions: its
// authenticated identity. Not the client name: clientInfo is whatever the
// client claims (per request in the stateless protocol), so keying on it
// let a caller get fresh buckets and slots by changing it. All anonymous
// callers share one key, which errs toward limiting.
func principalKey(s guard.Session) string {
	return s.Principal.String()
}

// Inspect implements guard.Guard.
func (g *Guard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	pk := principalKey(ex.Session)
	if ex.Phase == guard.PhaseResult {
		if dl, ok := ex.Values[slotKey].(time.Time); ok {
			g.release(pk, dl)
			delete(ex.Values, slotKey)
		}
		return guard.Verdict{Action: guard.Allow}, nil
	}
	now := g.now()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.s.Concurrent > 0 {
		slots := g.live(pk, now)
		if len(slots) >= g.s.Concurrent {
			return g.limited("concurrent", fmt.Sprintf("%d calls already in flight for this principal (limit %d)", len(slots), g.s.Concurrent), time.Second), nil
		}
	}
	toolLim := g.s.PerTool
	if l, ok := g.s.Tools[ex.Server+"/"+ex.Name]; ok {
		toolLim = l
	}
	checks := []struct {
		rule, key string
		lim       Limit
	}{
		{"per_principal", "p|" + pk, g.s.PerPrincipal},
		{"per_tool", "t|" + pk + "|" + ex.Server + "|" + ex.Name, toolLim},
		{"per_server", "s|" + ex.Server, g.s.PerServer},
	}
	// Reserve from every bucket; if any is short, give all back.
	var rs []*rate.Reservation
	for _, c := range checks {
		if c.lim.Rate <= 0 {
			continue
		}
		r := g.bucket(c.key, c.lim, now).ReserveN(now, 1)
		if !r.OK() || r.DelayFrom(now) > 0 {
			wait := r.DelayFrom(now)
			r.CancelAt(now)
			for _, prev := range rs {
				prev.CancelAt(now)
			}
			return g.limited(c.rule, fmt.Sprintf("more than %g calls per second (burst %d)", c.lim.Rate, c.lim.Burst), wait), nil
		}
		rs = append(rs, r)
	}
	if g.s.Concurrent > 0 {
		dl := now.Add(g.s.SlotTimeout.Std())
		g.inflight[pk] = append(g.inflight[pk], dl)
		ex.Set(slotKey, dl)
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

func (g *Guard) limited(rule, why string, wait time.Duration) guard.Verdict {
	secs := int(math.Ceil(wait.Seconds()))
	if secs < 1 {
		secs = 1
	}
	return guard.Verdict{
		Action: guard.Deny, Rule: rule,
		Reason:  fmt.Sprintf("rate limited (%s): %s; retry after %d s", rule, why, secs),
		Details: map[string]any{"retry_after_seconds": secs},
	}
}

// bucket returns the limiter for key, creating it; g.mu is held.
func (g *Guard) bucket(key string, l Limit, now time.Time) *rate.Limiter {
	b, ok := g.buckets[key]
	if !ok {
		if len(g.buckets) >= maxKeys {
			g.evict(now)
		}
		b = &bucket{lim: rate.NewLimiter(rate.Limit(l.Rate), l.Burst)}
		g.buckets[key] = b
	}
	b.used = now
	return b.lim
}

// evict drops buckets idle long enough to have refilled; if none are, it
// drops all, which only ever errs toward allowing a burst.
func (g *Guard) evict(now time.Time) {
	for k, b := range g.buckets {
		if now.Sub(b.used) > time.Minute {
			delete(g.buckets, k)
		}
	}
	if len(g.buckets) >= maxKeys {
		clear(g.buckets)
	}
}

// live drops expired slots and returns the rest; g.mu is held.
func (g *Guard) live(pk string, now time.Time) []time.Time {
	s := g.inflight[pk][:0]
	for _, dl := range g.inflight[pk] {
		if dl.After(now) {
			s = append(s, dl)
		}
	}
	if len(s) == 0 {
		delete(g.inflight, pk)
		return nil
	}
	g.inflight[pk] = s
	return s
}

func (g *Guard) release(pk string, dl time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	s := g.inflight[pk]
	for i, d := range s {
		if d.Equal(dl) {
			g.inflight[pk] = append(s[:i], s[i+1:]...)
			break
		}
	}
	if len(g.inflight[pk]) == 0 {
		delete(g.inflight, pk)
	}
}

// Finish frees the concurrency slot of a request exchange that ended
// without a result phase: denied by a later guard, an upstream error, a
// timeout or a cancellation. Calling it more than once, or after the
// result phase, does nothing.
func (g *Guard) Finish(ex *guard.Exchange) {
	if dl, ok := ex.Values[slotKey].(time.Time); ok {
		g.release(principalKey(ex.Session), dl)
		delete(ex.Values, slotKey)
	}
}
