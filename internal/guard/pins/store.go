package pins

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/warden-mcp/warden/internal/store"
)

// Namespace is the store KV namespace pins live in.
const Namespace = "pins"

// sep separates server, kind and name in keys; it cannot occur in
// configured server names and is valid UTF-8 for every backend.
const sep = "\x1f"

// Pin states.
const (
	StateApproved   = "approved"   // the server shows the approved version
	StateChanged    = "changed"    // the server shows a different version, withheld
	StateUnapproved = "unapproved" // never approved (approval-first), withheld
	StateCorrupt    = "corrupt"    // the stored pin cannot be read, withheld until reset
)

// Pin is one pinned item: what a person (or first use) approved, and the
// version the server showed last when it differs.
type Pin struct {
	Server string `json:"server"`
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	// Hash is the SHA-256 of the approved canonical form; empty until the
	// first approval.
	Hash       string    `json:"hash,omitempty"`
	Canonical  string    `json:"canonical,omitempty"`
	ApprovedAt time.Time `json:"approved_at,omitzero"`
	ApprovedBy string    `json:"approved_by,omitempty"`
	FirstSeen  time.Time `json:"first_seen"`
	// Pending is the version the server showed last, when it is not the
	// approved one.
	PendingHash      string    `json:"pending_hash,omitempty"`
	PendingCanonical string    `json:"pending_canonical,omitempty"`
	PendingSince     time.Time `json:"pending_since,omitzero"`

	version int64
	// corrupt says why the stored pin could not be read; the identity
	// fields then come from its key.
	corrupt string
}

// State is approved, changed or unapproved.
func (p Pin) State() string {
	switch {
	case p.corrupt != "":
		return StateCorrupt
	case p.Hash == "":
		return StateUnapproved
	case p.PendingHash != "" && p.PendingHash != p.Hash:
		return StateChanged
	}
	return StateApproved
}

// Diff is a readable line diff from the approved to the pending version.
func (p Pin) Diff() string {
	return Diff(pretty(p.Canonical), pretty(p.PendingCanonical))
}

func key(server, kind, name string) string { return server + sep + kind + sep + name }

// Store reads and writes pins in a store KV. It is what the guard and the
// CLI share.
type Store struct {
	KV  store.KV
	Now func() time.Time // nil means time.Now

	mu      sync.Mutex
	decoded map[string]Pin // key -> pin at its version: lists skip decoding what they saw before
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// decodePin reads a stored pin. One that cannot be read (or whose content
// names another item than its key) comes back in StateCorrupt, named by
// its key: its item is withheld, the others are not, and `warden pins
// reset` can remove it.
func decodePin(it store.Item) Pin {
	server, rest, _ := strings.Cut(it.Key, sep)
	kind, name, _ := strings.Cut(rest, sep)
	var p Pin
	err := json.Unmarshal(it.Value, &p)
	switch {
	case err != nil:
		p = Pin{corrupt: fmt.Sprintf("decoding pin %q: %v", strings.ReplaceAll(it.Key, sep, "/"), err)}
	case p.Server != server || p.Kind != kind || p.Name != name:
		p = Pin{corrupt: fmt.Sprintf("pin %q names %s %s %q", strings.ReplaceAll(it.Key, sep, "/"), p.Server, p.Kind, p.Name)}
	}
	p.Server, p.Kind, p.Name = server, kind, name
	p.version = it.Version
	return p
}

// Get returns one pin; the error wraps store.ErrNotFound when there is none.
func (s *Store) Get(ctx context.Context, server, kind, name string) (Pin, error) {
	it, err := s.KV.Get(ctx, Namespace, key(server, kind, name))
	if err != nil {
		return Pin{}, fmt.Errorf("reading pin of %s %s %q: %w", server, kind, name, err)
	}
	return decodePin(it), nil
}

// List returns the pins of a server, or of every server when server is "".
func (s *Store) List(ctx context.Context, server string) ([]Pin, error) {
	prefix := ""
	if server != "" {
		prefix = server + sep
	}
	items, err := s.KV.List(ctx, Namespace, prefix)
	if err != nil {
		return nil, fmt.Errorf("listing pins: %w", err)
	}
	out := make([]Pin, 0, len(items))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.decoded == nil || len(s.decoded) > 65536 {
		s.decoded = map[string]Pin{}
	}
	for _, it := range items {
		if p, ok := s.decoded[it.Key]; ok && p.version == it.Version {
			out = append(out, p)
			continue
		}
		p := decodePin(it)
		s.decoded[it.Key] = p
		out = append(out, p)
	}
	return out, nil
}

// put writes p with compare-and-swap on the version it was read at (or
// create-only for a new pin).
func (s *Store) put(ctx context.Context, p Pin) error {
	b, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encoding pin: %w", err)
	}
	opts := store.PutOptions{IfVersion: p.version, IfAbsent: p.version == 0}
	if _, err := s.KV.Put(ctx, Namespace, key(p.Server, p.Kind, p.Name), b, opts); err != nil {
		return fmt.Errorf("writing pin of %s %s %q: %w", p.Server, p.Kind, p.Name, err)
	}
	return nil
}

// MinHashPrefix is the shortest hash prefix approve accepts: a server
// that knows which version is under review can grind another whose hash
// starts the same for a short prefix (2^32 tries for 8 hex digits), not
// for 64 bits.
const MinHashPrefix = 16

// ErrNoPending is returned by Approve when there is nothing to approve.
var ErrNoPending = errors.New("no pending version to approve")

// Approve makes the pending version of a pin the approved one. When
// wantHash is not empty, the pending hash must start with it, so that a
// person approves exactly the version they reviewed.
func (s *Store) Approve(ctx context.Context, p Pin, by, wantHash string) (Pin, error) {
	if p.corrupt != "" {
		return p, fmt.Errorf("approving %s %s %q: %s; reset it (warden pins reset) and review the version the server shows next", p.Server, p.Kind, p.Name, p.corrupt)
	}
	if p.PendingHash == "" {
		return p, fmt.Errorf("approving %s %s %q: %w", p.Server, p.Kind, p.Name, ErrNoPending)
	}
	wantHash = strings.ToLower(wantHash)
	if wantHash != "" && len(wantHash) < MinHashPrefix {
		return p, fmt.Errorf("approving %s %s %q: --hash needs at least %d hex digits", p.Server, p.Kind, p.Name, MinHashPrefix)
	}
	if wantHash != "" && !strings.HasPrefix(p.PendingHash, wantHash) {
		return p, fmt.Errorf("approving %s %s %q: pending version is %.12s, not %s", p.Server, p.Kind, p.Name, p.PendingHash, wantHash)
	}
	p.Hash, p.Canonical = p.PendingHash, p.PendingCanonical
	p.PendingHash, p.PendingCanonical, p.PendingSince = "", "", time.Time{}
	p.ApprovedAt, p.ApprovedBy = s.now(), by
	if err := s.put(ctx, p); err != nil {
		return p, err
	}
	return p, nil
}

// Reset deletes a pin; the next listing pins the item afresh (on first use)
// or asks for approval again.
func (s *Store) Reset(ctx context.Context, p Pin) error {
	if err := s.KV.Delete(ctx, Namespace, key(p.Server, p.Kind, p.Name), 0); err != nil {
		return fmt.Errorf("resetting pin of %s %s %q: %w", p.Server, p.Kind, p.Name, err)
	}
	return nil
}
