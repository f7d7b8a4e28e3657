// Package flow keeps what each client has touched: the information-flow
// facts that the approval rule and policies read. A session accumulates
// labels of the tools it called (private_data, untrusted_input,
// external_sink, destructive), whether untrusted content reached it and
// whether the injection detector flagged any, and digests of the secrets
// it has seen.
//
// Facts are keyed by guard.Session.Key: the session when the protocol has
// one, else the principal and client (stateless protocol), so a stateless
// client's facts last for the tracker's window instead of one request.
// They live in memory, per session: a client that reconnects with a new
// session (after a restart, or an expiry) starts clean although its
// model's context may still hold what it read (docs/threat-model.md).
package flow

import (
	"hash/maphash"
	"slices"
	"sync"
	"time"
)

// Labels a tool can carry.
const (
	PrivateData    = "private_data"
	UntrustedInput = "untrusted_input"
	ExternalSink   = "external_sink"
	Destructive    = "destructive"
)

// KnownLabels lists the labels Warden's rules understand.
func KnownLabels() []string {
	return []string{PrivateData, UntrustedInput, ExternalSink, Destructive}
}

// Facts is a snapshot of what one session has touched.
type Facts struct {
	// Labels are the labels of tools the session has called, sorted.
	Labels []string `json:"labels"`
	// Untrusted: content written by outsiders reached the session (a tool
	// labelled untrusted_input answered, or a detector flagged content).
	Untrusted bool `json:"untrusted"`
	// Flagged: the injection detector flagged content the session received.
	Flagged bool `json:"flagged"`
	// Sources name where untrusted content came from ("server/tool"),
	// oldest first, at most maxSources.
	Sources []string `json:"sources,omitempty"`
	// Secrets are digests ("sha256:...") of secrets the session has seen.
	Secrets []string `json:"secrets,omitempty"`
	// Updated is when the facts last changed.
	Updated time.Time `json:"updated"`
}

// Has reports whether the session touched a label.
func (f Facts) Has(label string) bool { return slices.Contains(f.Labels, label) }

// HasSecret reports whether the session has seen a secret.
func (f Facts) HasSecret(digest string) bool { return slices.Contains(f.Secrets, digest) }

const (
	maxSources = 16
	maxSecrets = 1024
	// DefaultWindow is how long facts outlive the session's last change.
	DefaultWindow = 24 * time.Hour
	// DefaultMaxKeys bounds the number of sessions tracked.
	DefaultMaxKeys = 100000
)

type entry struct {
	labels  []string
	untrust bool
	flagged bool
	sources []string
	secrets map[string]struct{}
	order   []string // secrets in arrival order, to drop the oldest
	updated time.Time
}

// Tracker holds facts per session key. It is safe for concurrent use.
type Tracker struct {
	window  time.Duration
	maxKeys int
	now     func() time.Time

	mu   sync.Mutex
	byID map[string]*entry
	// dropped remembers keys evicted while their facts were live.
	dropped evicted
}

// evictedBits sizes one generation of the evicted-key filter (128 KiB).
const evictedBits = 1 << 20

// EvictedSource is the source a session's facts name when they were
// dropped to make room: what it read is unknown, so it counts as
// having read private data and untrusted input.
const EvictedSource = "warden: earlier facts of this session were dropped to make room"

// evicted is an approximate set (one hash, no false negatives) of keys
// whose live facts were dropped to make room: many sessions, or a flood
// of stateless client names, must not wash a session clean. Two
// generations swapped every window bound its memory, and an eviction is
// remembered for at least a window, as long as the facts would have
// lived. A false positive costs a person's approval, never a leak.
type evicted struct {
	seed      maphash.Seed
	cur, prev []uint64
	// curSince is when cur took its first key; curLast and prevLast when
	// each took its last.
	curSince, curLast, prevLast time.Time
}

// rotate retires cur once it is a window old, and forgets prev once its
// newest key is a window old.
func (d *evicted) rotate(now time.Time, window time.Duration) {
	if d.cur != nil && now.Sub(d.curSince) > window {
		d.prev, d.prevLast, d.cur = d.cur, d.curLast, nil
	}
	if d.prev != nil && now.Sub(d.prevLast) > window {
		d.prev = nil
	}
}

func (d *evicted) add(key string, now time.Time, window time.Duration) {
	d.rotate(now, window)
	if d.seed == (maphash.Seed{}) {
		d.seed = maphash.MakeSeed()
	}
	if d.cur == nil {
		d.cur, d.curSince = make([]uint64, evictedBits/64), now
	}
	d.curLast = now
	h := maphash.String(d.seed, key) % evictedBits
	d.cur[h/64] |= 1 << (h % 64)
}

func (d *evicted) has(key string, now time.Time, window time.Duration) bool {
	d.rotate(now, window)
	if d.cur == nil && d.prev == nil {
		return false
	}
	h := maphash.String(d.seed, key) % evictedBits
	for _, g := range [][]uint64{d.cur, d.prev} {
		if g != nil && g[h/64]&(1<<(h%64)) != 0 {
			return true
		}
	}
	return false
}

// taint marks an entry as holding unknown, so worst-case, facts.
func (e *entry) taint() {
	for _, l := range []string{PrivateData, UntrustedInput} {
		if i, found := slices.BinarySearch(e.labels, l); !found {
			e.labels = slices.Insert(e.labels, i, l)
		}
	}
	e.untrust = true
	if !slices.Contains(e.sources, EvictedSource) {
		e.sources = append(e.sources, EvictedSource)
	}
}

// Options configure a Tracker; zero values take the defaults.
type Options struct {
	Window  time.Duration
	MaxKeys int
	Now     func() time.Time // for tests
}

// New returns an empty tracker.
func New(o Options) *Tracker {
	t := &Tracker{window: o.Window, maxKeys: o.MaxKeys, now: o.Now, byID: make(map[string]*entry)}
	if t.window <= 0 {
		t.window = DefaultWindow
	}
	if t.maxKeys <= 0 {
		t.maxKeys = DefaultMaxKeys
	}
	if t.now == nil {
		t.now = time.Now
	}
	return t
}

// get returns the live entry for key, creating it; t.mu must be held.
func (t *Tracker) get(key string) *entry {
	now := t.now()
	e := t.byID[key]
	if e != nil && now.Sub(e.updated) > t.window {
		e = nil
	}
	if e == nil {
		if len(t.byID) >= t.maxKeys {
			t.evict(now)
		}
		e = &entry{}
		if t.dropped.has(key, now, t.window) {
			e.taint()
		}
		t.byID[key] = e
	}
	e.updated = now
	return e
}

// evict drops expired entries, and if none expired, the stalest one.
func (t *Tracker) evict(now time.Time) {
	var oldestKey string
	var oldest time.Time
	for k, e := range t.byID {
		if now.Sub(e.updated) > t.window {
			delete(t.byID, k)
			continue
		}
		if oldestKey == "" || e.updated.Before(oldest) {
			oldestKey, oldest = k, e.updated
		}
	}
	if len(t.byID) >= t.maxKeys && oldestKey != "" {
		delete(t.byID, oldestKey)
		t.dropped.add(oldestKey, now, t.window)
	}
}

// Touch records that the session called a tool with these labels.
func (t *Tracker) Touch(key string, labels ...string) {
	if len(labels) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.get(key)
	for _, l := range labels {
		if i, found := slices.BinarySearch(e.labels, l); !found {
			e.labels = slices.Insert(e.labels, i, l)
		}
	}
}

// Ingest records that untrusted content from source reached the session;
// flagged says the injection detector flagged it.
func (t *Tracker) Ingest(key, source string, flagged bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.get(key)
	e.untrust = true
	e.flagged = e.flagged || flagged
	if source != "" && !slices.Contains(e.sources, source) {
		if len(e.sources) >= maxSources {
			e.sources = e.sources[1:]
		}
		e.sources = append(e.sources, source)
	}
}

// SawSecrets records digests of secrets the session has seen.
func (t *Tracker) SawSecrets(key string, digests ...string) {
	if len(digests) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.get(key)
	if e.secrets == nil {
		e.secrets = make(map[string]struct{})
	}
	for _, d := range digests {
		if _, ok := e.secrets[d]; ok {
			continue
		}
		if len(e.order) >= maxSecrets {
			delete(e.secrets, e.order[0])
			e.order = e.order[1:]
		}
		e.secrets[d] = struct{}{}
		e.order = append(e.order, d)
	}
}

// Get returns a copy of the session's facts (the zero Facts if none).
func (t *Tracker) Get(key string) Facts {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	e := t.byID[key]
	if e != nil && now.Sub(e.updated) > t.window {
		return Facts{}
	}
	if e == nil {
		if !t.dropped.has(key, now, t.window) {
			return Facts{}
		}
		e = &entry{updated: now}
		e.taint()
	}
	f := Facts{
		Labels:    slices.Clone(e.labels),
		Untrusted: e.untrust,
		Flagged:   e.flagged,
		Sources:   slices.Clone(e.sources),
		Updated:   e.updated,
	}
	if len(e.order) > 0 {
		f.Secrets = slices.Clone(e.order)
	}
	return f
}

// Forget drops a session's facts (the session ended).
func (t *Tracker) Forget(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.byID, key)
}

// Len is the number of sessions tracked.
func (t *Tracker) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.byID)
}
