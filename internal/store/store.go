// Package store defines Warden's persistence interfaces: an append-only,
// hash-linked audit table and a small namespaced key-value store with
// expiry and compare-and-swap.
//
// Implementations live in subpackages: sqlite (embedded default) and
// postgres (clustered). Both pass the conformance suite in storetest, so a
// caller can rely only on what is documented here; nothing backend-specific
// leaks through the interface.
package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors returned (wrapped) by every implementation. Test with errors.Is.
var (
	// ErrNotFound means no live (unexpired) entry exists for the key.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict means a precondition failed because another writer got
	// there first: an audit chain fork or a key-value version mismatch.
	ErrConflict = errors.New("store: conflict")
	// ErrClosed means the store was used after Close.
	ErrClosed = errors.New("store: closed")
	// ErrInvalid means the caller passed arguments the store refuses.
	ErrInvalid = errors.New("store: invalid argument")
)

// AuditRecord is one link of the audit hash chain as the store sees it.
// The store does not compute hashes; it only enforces that records are
// appended in order and link to the stored head, so that two writers cannot
// fork the chain.
type AuditRecord struct {
	Seq      int64     // 1 for the first record, then contiguous
	Time     time.Time // stored with nanosecond precision, returned in UTC
	Data     []byte    // opaque payload (the audit package stores canonical JSON)
	PrevHash []byte    // Hash of record Seq-1; empty for Seq 1
	Hash     []byte    // non-empty
}

// ChainConflictError reports an AppendAudit whose first record does not
// continue the stored chain, usually because another writer appended first.
// It matches ErrConflict with errors.Is.
type ChainConflictError struct {
	HeadSeq  int64  // stored head when the append was attempted
	HeadHash []byte // stored head hash (empty for an empty chain)
	Seq      int64  // Seq of the offending record
	PrevHash []byte // its PrevHash
}

func (e *ChainConflictError) Error() string {
	return fmt.Sprintf("audit chain conflict: record seq %d (prev %x) does not follow stored head seq %d (hash %x)",
		e.Seq, e.PrevHash, e.HeadSeq, e.HeadHash)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ChainConflictError) Is(target error) bool { return target == ErrConflict }

// AuditStore is the append-only audit table.
type AuditStore interface {
	// AppendAudit atomically appends recs, which must continue the stored
	// chain: recs[0].Seq == head.Seq+1, recs[0].PrevHash == head.Hash, and
	// each following record links to the one before it. Otherwise nothing is
	// written and the error is a *ChainConflictError (stored head moved) or
	// wraps ErrInvalid (the batch is malformed on its own). It returns only
	// after the records are durably committed.
	AppendAudit(ctx context.Context, recs ...AuditRecord) error
	// AuditHead returns the last record. For an empty chain it returns the
	// zero AuditRecord (Seq 0, nil Hash), which is what record 1 links to.
	AuditHead(ctx context.Context) (AuditRecord, error)
	// ScanAudit calls fn for every record with Seq >= fromSeq in ascending
	// order, stopping at the first error from fn (which is returned as is).
	// Records are read in pages, so fn may call the store.
	ScanAudit(ctx context.Context, fromSeq int64, fn func(AuditRecord) error) error
}

// Item is one key-value entry.
type Item struct {
	Key   string
	Value []byte
	// Version changes on every write and is never reused within a store,
	// even after Delete, so a stale version cannot match a recreated entry.
	Version int64
	// ExpiresAt is zero for entries that never expire.
	ExpiresAt time.Time
}

// PutOptions are the conditions and lifetime of a Put. The zero value is an
// unconditional write that never expires.
type PutOptions struct {
	// TTL, when positive, makes the entry expire that long after the write.
	// Expired entries behave exactly as if they had been deleted.
	TTL time.Duration
	// IfVersion, when non-zero, writes only if the live entry has exactly
	// this version (compare-and-swap).
	IfVersion int64
	// IfAbsent writes only if there is no live entry (create-only).
	IfAbsent bool
}

// KV is a namespaced key-value store for small state that gateways share:
// tool pins, quarantined content, pending approvals, refresh tokens.
// Namespaces and keys are non-empty strings compared bytewise.
type KV interface {
	// Get returns the live entry or an error wrapping ErrNotFound.
	Get(ctx context.Context, namespace, key string) (Item, error)
	// Put writes value and returns the new version. A failed IfVersion or
	// IfAbsent condition returns an error wrapping ErrConflict.
	Put(ctx context.Context, namespace, key string, value []byte, opts PutOptions) (int64, error)
	// Delete removes the entry. With ifVersion 0 it is unconditional and
	// idempotent; otherwise it returns an error wrapping ErrConflict unless
	// the live entry has exactly that version.
	Delete(ctx context.Context, namespace, key string, ifVersion int64) error
	// List returns the live entries of namespace whose key starts with
	// prefix, in bytewise key order.
	List(ctx context.Context, namespace, prefix string) ([]Item, error)
	// DeleteExpired removes expired entries and reports how many. Calling it
	// is optional housekeeping; expired entries are invisible either way.
	DeleteExpired(ctx context.Context) (int64, error)
}

// Store is everything Warden persists.
type Store interface {
	AuditStore
	KV
	// Close releases the store. Later calls return errors wrapping ErrClosed.
	Close() error
}

// CheckBatch validates that recs link to head and to each other. Backends
// call it inside their append transaction with the head they read there.
func CheckBatch(head AuditRecord, recs []AuditRecord) error {
	if len(recs) == 0 {
		return fmt.Errorf("empty audit batch: %w", ErrInvalid)
	}
	if r := recs[0]; r.Seq != head.Seq+1 || !bytes.Equal(r.PrevHash, head.Hash) {
		return &ChainConflictError{HeadSeq: head.Seq, HeadHash: head.Hash, Seq: r.Seq, PrevHash: r.PrevHash}
	}
	for i, r := range recs {
		if len(r.Hash) == 0 {
			return fmt.Errorf("audit record seq %d has no hash: %w", r.Seq, ErrInvalid)
		}
		if r.Time.IsZero() {
			return fmt.Errorf("audit record seq %d has no time: %w", r.Seq, ErrInvalid)
		}
		if !TimeFits(r.Time) {
			// Stored as int64 nanoseconds it would wrap around, and the
			// record would fail verification from then on.
			return fmt.Errorf("audit record seq %d has time %s, outside the years 1678-2262 a store can hold: %w",
				r.Seq, r.Time.UTC().Format(time.RFC3339), ErrInvalid)
		}
		if i == 0 {
			continue
		}
		p := recs[i-1]
		if r.Seq != p.Seq+1 || !bytes.Equal(r.PrevHash, p.Hash) {
			return fmt.Errorf("audit record seq %d does not link to seq %d in the same batch: %w", r.Seq, p.Seq, ErrInvalid)
		}
	}
	return nil
}

// TimeFits reports whether t can be stored as int64 nanoseconds since the
// Unix epoch (roughly the years 1678 to 2262), which is how backends keep
// times; time.UnixNano silently wraps around outside that range.
func TimeFits(t time.Time) bool {
	return !t.Before(time.Unix(0, math.MinInt64)) && !t.After(time.Unix(0, math.MaxInt64))
}

// CheckKey validates a namespace and key: non-empty, valid UTF-8, no NUL
// (what every SQL text column can hold).
func CheckKey(namespace, key string) error {
	if namespace == "" || key == "" {
		return fmt.Errorf("namespace and key must be non-empty: %w", ErrInvalid)
	}
	return checkText(namespace + key)
}

// CheckPrefix validates a List namespace and prefix.
func CheckPrefix(namespace, prefix string) error {
	if namespace == "" {
		return fmt.Errorf("namespace must be non-empty: %w", ErrInvalid)
	}
	return checkText(namespace + prefix)
}

func checkText(s string) error {
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("namespace and key must be valid UTF-8 without NUL: %w", ErrInvalid)
	}
	return nil
}

// PrefixEnd returns the smallest valid UTF-8 string greater than every
// string with the given prefix, or "" if there is none. Backends use it to
// turn a prefix match into a range scan in bytewise (code point) order.
func PrefixEnd(prefix string) string {
	r := []rune(prefix)
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] < utf8.MaxRune {
			r[i]++
			if r[i] >= 0xD800 && r[i] <= 0xDFFF { // skip surrogates
				r[i] = 0xE000
			}
			return string(r[:i+1])
		}
	}
	return ""
}
