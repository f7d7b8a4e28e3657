// Package quarantine keeps content that a guard withheld from the model
// (a tool result that looked like a prompt injection) so a person can read
// it, and release it: a released entry's content digest goes on an
// allowlist, so the same content passes the next time a server sends it.
//
// Entries live in the store's key-value table, so every gateway of a
// cluster and the `warden quarantine` command see the same ones.
package quarantine

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/store"
)

// Namespace is the store KV namespace entries and the allowlist live in.
const Namespace = "quarantine"

const (
	entryPrefix = "q/"
	allowPrefix = "allow/"
	countPrefix = "n/" // n/<hour>/<server>: entries a server added that hour
)

// DefaultMaxPerHour bounds the entries one server can add in an hour. A
// hostile server can make every result look like an injection; without a
// bound each one is kept (up to a message's size) for the TTL, and the
// store grows as fast as the server can answer. Past the bound, Put fails,
// and the guard withholds the content without keeping it (fail closed).
const DefaultMaxPerHour = 100

// ErrQuota is returned by Put when a server reached MaxPerHour.
var ErrQuota = errors.New("quarantine quota reached")

// reID is the shape of the ids newID makes; anything else names no entry.
var reID = regexp.MustCompile(`^q-[0-9]{8}-[0-9]{6}-[0-9a-f]{10}$`)

// DefaultTTL is how long a held entry is kept: long enough for a person to
// look after a weekend, short enough that the store does not keep
// untrusted content for ever.
const DefaultTTL = 30 * 24 * time.Hour

// Entry states.
const (
	StateHeld     = "held"
	StateReleased = "released"
)

// Entry is one withheld payload with what the guard knew about it.
type Entry struct {
	ID    string    `json:"id"`
	Time  time.Time `json:"time"`
	Guard string    `json:"guard"`
	// Server, Method and Name say where the content came from.
	Server string `json:"server"`
	Method string `json:"method"`
	Name   string `json:"name,omitempty"`
	// Phase is "result" or "server_request".
	Phase     string `json:"phase"`
	Session   string `json:"session,omitempty"`
	Principal string `json:"principal,omitempty"`
	// Digest identifies the content the guard judged ("sha256:<hex>" of the
	// text it scanned); releasing allowlists it.
	Digest string   `json:"digest"`
	Score  float64  `json:"score"`
	Rules  []string `json:"rules,omitempty"`
	Reason string   `json:"reason,omitempty"`
	// Content is the original payload (the result or params JSON).
	Content json.RawMessage `json:"content"`

	State      string    `json:"state"`
	ReleasedAt time.Time `json:"released_at,omitzero"`
	ReleasedBy string    `json:"released_by,omitempty"`

	version int64
}

// Allowed is one allowlisted digest.
type Allowed struct {
	Digest string    `json:"digest"`
	Entry  string    `json:"entry"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Store reads and writes quarantine entries in a store KV. The guard and
// the CLI share it; it is safe for concurrent use as the KV is.
type Store struct {
	KV store.KV
	// TTL bounds how long held entries are kept; 0 means DefaultTTL,
	// negative means for ever.
	TTL time.Duration
	// MaxPerHour bounds the entries one server adds in an hour; 0 means
	// DefaultMaxPerHour, negative means no bound.
	MaxPerHour int
	Now        func() time.Time // nil means time.Now
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

func (s *Store) ttl() time.Duration {
	switch {
	case s.TTL == 0:
		return DefaultTTL
	case s.TTL < 0:
		return 0
	}
	return s.TTL
}

// newID is sortable by time and unguessable enough not to collide.
func newID(t time.Time) (string, error) {
	var b [5]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("making a quarantine id: %w", err)
	}
	return "q-" + t.Format("20060102-150405") + "-" + hex.EncodeToString(b[:]), nil
}

// Put stores a new held entry and returns it with its id and time set.
func (s *Store) Put(ctx context.Context, e Entry) (Entry, error) {
	e.Time = s.now()
	id, err := newID(e.Time)
	if err != nil {
		return Entry{}, err
	}
	e.ID, e.State = id, StateHeld
	e.ReleasedAt, e.ReleasedBy = time.Time{}, ""
	if err := s.reserve(ctx, e.Server, e.Time); err != nil {
		return Entry{}, err
	}
	b, err := json.Marshal(e)
	if err != nil {
		return Entry{}, fmt.Errorf("encoding quarantine entry: %w", err)
	}
	v, err := s.KV.Put(ctx, Namespace, entryPrefix+e.ID, b, store.PutOptions{TTL: s.ttl(), IfAbsent: true})
	if err != nil {
		return Entry{}, fmt.Errorf("storing quarantine entry: %w", err)
	}
	e.version = v
	return e, nil
}

func decode(it store.Item) (Entry, error) {
	var e Entry
	if err := json.Unmarshal(it.Value, &e); err != nil {
		return Entry{}, fmt.Errorf("decoding quarantine entry %q: %w", strings.TrimPrefix(it.Key, entryPrefix), err)
	}
	e.version = it.Version
	return e, nil
}

// Get returns one entry; the error wraps store.ErrNotFound when there is
// none (or it expired).
func (s *Store) Get(ctx context.Context, id string) (Entry, error) {
	if !reID.MatchString(id) {
		// Only ids this package made name entries: nothing else reaches
		// the store's keys.
		return Entry{}, fmt.Errorf("reading quarantine entry %q: not a quarantine id: %w", id, store.ErrNotFound)
	}
	it, err := s.KV.Get(ctx, Namespace, entryPrefix+id)
	if err != nil {
		return Entry{}, fmt.Errorf("reading quarantine entry %s: %w", id, err)
	}
	return decode(it)
}

// List returns every entry, oldest first.
func (s *Store) List(ctx context.Context) ([]Entry, error) {
	items, err := s.KV.List(ctx, Namespace, entryPrefix)
	if err != nil {
		return nil, fmt.Errorf("listing quarantine: %w", err)
	}
	out := make([]Entry, 0, len(items))
	for _, it := range items {
		e, err := decode(it)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return a.Time.Compare(b.Time) })
	return out, nil
}

// ErrReleased is returned by Release for an entry released before.
var ErrReleased = errors.New("already released")

// Release marks an entry released by who, and allowlists its digest so
// the same content passes from now on. The entry is kept (without expiry)
// as the record of who released what and when.
func (s *Store) Release(ctx context.Context, id, by string) (Entry, error) {
	e, err := s.Get(ctx, id)
	if err != nil {
		return Entry{}, err
	}
	if e.State == StateReleased {
		return e, fmt.Errorf("releasing %s: %w (by %s at %s)", id, ErrReleased, e.ReleasedBy, e.ReleasedAt.Format(time.RFC3339))
	}
	now := s.now()
	// The entry first, conditionally: of two people releasing at once only
	// one gets the record, and the allowlist then names that one. If the
	// allowlist write fails, the content stays withheld (fail closed).
	e.State, e.ReleasedAt, e.ReleasedBy = StateReleased, now, by
	b, err := json.Marshal(e)
	if err != nil {
		return Entry{}, fmt.Errorf("encoding quarantine entry: %w", err)
	}
	v, err := s.KV.Put(ctx, Namespace, entryPrefix+e.ID, b, store.PutOptions{IfVersion: e.version})
	if err != nil {
		return Entry{}, fmt.Errorf("releasing %s: %w", id, err)
	}
	e.version = v
	if e.Digest != "" {
		a, err := json.Marshal(Allowed{Digest: e.Digest, Entry: e.ID, By: by, At: now})
		if err != nil {
			return Entry{}, fmt.Errorf("encoding allowlist entry: %w", err)
		}
		if _, err := s.KV.Put(ctx, Namespace, allowPrefix+e.Digest, a, store.PutOptions{}); err != nil {
			return Entry{}, fmt.Errorf("allowlisting %s (the entry is marked released, its content is still withheld): %w", id, err)
		}
	}
	return e, nil
}

// reserve counts one more entry from server this hour, or returns ErrQuota.
func (s *Store) reserve(ctx context.Context, server string, now time.Time) error {
	limit := s.MaxPerHour
	if limit == 0 {
		limit = DefaultMaxPerHour
	}
	if limit < 0 {
		return nil
	}
	key := countPrefix + now.Format("2006010215") + "/" + server
	for range 16 { // compare-and-swap: gateways of a cluster share the count
		var n, version int64
		it, err := s.KV.Get(ctx, Namespace, key)
		switch {
		case err == nil:
			version = it.Version
			if n, err = strconv.ParseInt(string(it.Value), 10, 64); err != nil {
				return fmt.Errorf("reading the quarantine count: %w", err)
			}
		case !errors.Is(err, store.ErrNotFound):
			return fmt.Errorf("reading the quarantine count: %w", err)
		}
		if n >= int64(limit) {
			return fmt.Errorf("%w: %d entries from %q this hour (quarantine max_per_hour)", ErrQuota, n, server)
		}
		opts := store.PutOptions{TTL: 2 * time.Hour, IfVersion: version, IfAbsent: version == 0}
		_, err = s.KV.Put(ctx, Namespace, key, []byte(strconv.FormatInt(n+1, 10)), opts)
		if err == nil {
			return nil
		}
		if !errors.Is(err, store.ErrConflict) {
			return fmt.Errorf("counting quarantine entries: %w", err)
		}
	}
	return fmt.Errorf("counting quarantine entries: %w", store.ErrConflict)
}

// Allowed reports whether content with this digest was released.
func (s *Store) Allowed(ctx context.Context, digest string) (bool, error) {
	if digest == "" {
		return false, nil
	}
	_, err := s.KV.Get(ctx, Namespace, allowPrefix+digest)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, store.ErrNotFound):
		return false, nil
	}
	return false, fmt.Errorf("reading the quarantine allowlist: %w", err)
}

// AllowList returns every allowlisted digest.
func (s *Store) AllowList(ctx context.Context) ([]Allowed, error) {
	items, err := s.KV.List(ctx, Namespace, allowPrefix)
	if err != nil {
		return nil, fmt.Errorf("listing the quarantine allowlist: %w", err)
	}
	out := make([]Allowed, 0, len(items))
	for _, it := range items {
		var a Allowed
		if err := json.Unmarshal(it.Value, &a); err != nil {
			return nil, fmt.Errorf("decoding allowlist entry %q: %w", it.Key, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// Revoke removes a digest from the allowlist, so the content is judged
// again.
//
// A digest that is not on the allowlist is an error, not a silent success:
// an operator who mistyped it would believe the content is judged again.
func (s *Store) Revoke(ctx context.Context, digest string) error {
	it, err := s.KV.Get(ctx, Namespace, allowPrefix+digest)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("revoking %s: not on the allowlist: %w", digest, err)
	}
	if err != nil {
		return fmt.Errorf("revoking %s: %w", digest, err)
	}
	if err := s.KV.Delete(ctx, Namespace, allowPrefix+digest, it.Version); err != nil {
		return fmt.Errorf("revoking %s: %w", digest, err)
	}
	return nil
}
