// Package sqldb implements store.Store over database/sql. The SQLite and
// PostgreSQL backends share it and differ only in their Dialect, so both
// behave identically by construction and the conformance suite checks it.
package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/warden-mcp/warden/internal/store"
)

// Dialect is what differs between SQL backends.
type Dialect struct {
	// Name appears in error messages ("sqlite", "postgres").
	Name string
	// DollarParams rewrites ? placeholders to $1, $2, ... (PostgreSQL).
	DollarParams bool
	// Migrations are applied in order; Migrations[i] takes the schema from
	// version i to i+1. Each is a list of statements run in one transaction.
	Migrations [][]string
	// MigrateLock, if set, runs first inside the migration transaction to
	// serialise concurrent Open calls (PostgreSQL advisory lock). SQLite
	// needs none: its write transactions are IMMEDIATE.
	MigrateLock string
	// NextVersion returns a store-wide unique, increasing KV version; it
	// runs inside the write transaction.
	NextVersion string
	// IsUniqueViolation reports a primary-key conflict, which is how a
	// concurrent writer that raced past the head check shows up.
	IsUniqueViolation func(error) bool
}

// DB is a store.Store over a *sql.DB.
type DB struct {
	db     *sql.DB
	d      Dialect
	closed atomic.Bool
	now    func() time.Time

	// puts and lastSweep (Unix ns) pace maybeSweep.
	puts      atomic.Int64
	lastSweep atomic.Int64

	// stmts caches prepared statements by query text: parsing SQL again
	// for every audit commit and pin lookup was a large share of
	// Warden's CPU per call.
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt
}

// maxStmts bounds the statement cache (multi-row inserts vary in size).
const maxStmts = 256

// prepared returns the cached statement for query, preparing it once.
func (s *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = make(map[string]*sql.Stmt)
	}
	if len(s.stmts) < maxStmts {
		s.stmts[query] = st
	}
	return st, nil
}

// errNotPrepared sends a query inside a transaction down the unprepared
// path: preparing there would need a second connection from a pool that may
// have none free (a deadlock), so statements are prepared outside
// transactions (see AppendAudit) and only looked up inside them.
var errNotPrepared = errors.New("statement not prepared")

func (s *DB) stmtFor(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if tx == nil {
		return s.prepared(ctx, query)
	}
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	return nil, errNotPrepared
}

// queryRow runs a single-row query through the statement cache, inside tx
// when tx is not nil.
func (s *DB) queryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	st, err := s.stmtFor(ctx, tx, query)
	if err != nil {
		if tx != nil {
			return tx.QueryRowContext(ctx, query, args...)
		}
		return s.db.QueryRowContext(ctx, query, args...)
	}
	if tx != nil {
		return tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// exec runs a statement through the statement cache, inside tx when tx is
// not nil.
func (s *DB) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	st, err := s.stmtFor(ctx, tx, query)
	if err != nil {
		if tx != nil {
			return tx.ExecContext(ctx, query, args...)
		}
		return s.db.ExecContext(ctx, query, args...)
	}
	if tx != nil {
		return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return st.ExecContext(ctx, args...)
}

// New wraps db, applying migrations unless readOnly. The DB takes ownership
// of db and closes it on Close or on a failed New.
func New(ctx context.Context, db *sql.DB, d Dialect, readOnly bool) (*DB, error) {
	s := &DB{db: db, d: d, now: time.Now}
	// The first sweep is due after sweepInterval or SweepEvery writes, not
	// at the first write: a zero here would sweep at once, taking entries
	// that expire within milliseconds of being written.
	s.lastSweep.Store(s.now().UnixNano())
	var err error
	if readOnly {
		err = s.checkVersion(ctx)
	} else {
		err = s.migrate(ctx)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// SQL exposes the handle for backend-specific tests.
func (s *DB) SQL() *sql.DB { return s.db }

func (s *DB) q(query string) string {
	if !s.d.DollarParams {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wrap adds what was being done, and turns "database is closed" into
// store.ErrClosed so callers can tell it apart from a failing disk.
func (s *DB) wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	if s.closed.Load() || errors.Is(err, sql.ErrConnDone) || strings.Contains(err.Error(), "sql: database is closed") {
		return fmt.Errorf("%s: %s: %w", s.d.Name, what, store.ErrClosed)
	}
	return fmt.Errorf("%s: %s: %w", s.d.Name, what, err)
}

func (s *DB) open(what string) error {
	if s.closed.Load() {
		return fmt.Errorf("%s: %s: %w", s.d.Name, what, store.ErrClosed)
	}
	return nil
}

// Close closes the database. It is safe to call more than once.
func (s *DB) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.stmtMu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("%s: closing: %w", s.d.Name, err)
	}
	return nil
}

const createMigrations = `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_ns BIGINT NOT NULL)`

func (s *DB) schemaVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, err
	}
	if int(v.Int64) > len(s.d.Migrations) {
		return 0, fmt.Errorf("database schema version %d is newer than this Warden understands (%d); upgrade Warden", v.Int64, len(s.d.Migrations))
	}
	return int(v.Int64), nil
}

func (s *DB) checkVersion(ctx context.Context) error {
	v, err := s.schemaVersion(ctx, s.db)
	if err != nil {
		return s.wrap("reading schema version", err)
	}
	if v < len(s.d.Migrations) {
		return fmt.Errorf("%s: database schema version %d is older than %d and the store was opened read-only; open it read-write once to migrate", s.d.Name, v, len(s.d.Migrations))
	}
	return nil
}

func (s *DB) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("starting migration", err)
	}
	defer tx.Rollback()
	if s.d.MigrateLock != "" {
		if _, err := tx.ExecContext(ctx, s.d.MigrateLock); err != nil {
			return s.wrap("locking for migration", err)
		}
	}
	if _, err := tx.ExecContext(ctx, createMigrations); err != nil {
		return s.wrap("creating migrations table", err)
	}
	v, err := s.schemaVersion(ctx, tx)
	if err != nil {
		return s.wrap("reading schema version", err)
	}
	for i := v; i < len(s.d.Migrations); i++ {
		for _, stmt := range s.d.Migrations[i] {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return s.wrap(fmt.Sprintf("applying migration %d", i+1), err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied_ns) VALUES (?, ?)`), i+1, time.Now().UnixNano()); err != nil {
			return s.wrap(fmt.Sprintf("recording migration %d", i+1), err)
		}
	}
	return s.wrap("committing migrations", tx.Commit())
}

// --- audit ---

type rowScanner interface{ Scan(...any) error }

func scanRecord(r rowScanner) (store.AuditRecord, error) {
	var rec store.AuditRecord
	var ns int64
	if err := r.Scan(&rec.Seq, &ns, &rec.Data, &rec.PrevHash, &rec.Hash); err != nil {
		return rec, err
	}
	rec.Time = time.Unix(0, ns).UTC()
	if len(rec.PrevHash) == 0 {
		rec.PrevHash = nil
	}
	return rec, nil
}

const auditCols = `seq, time_ns, data, prev_hash, hash`

// AuditHead implements store.AuditStore.
func (s *DB) AuditHead(ctx context.Context) (store.AuditRecord, error) {
	if err := s.open("reading audit head"); err != nil {
		return store.AuditRecord{}, err
	}
	rec, err := scanRecord(s.db.QueryRowContext(ctx, `SELECT `+auditCols+` FROM audit ORDER BY seq DESC LIMIT 1`))
	if errors.Is(err, sql.ErrNoRows) {
		return store.AuditRecord{}, nil
	}
	if err != nil {
		return store.AuditRecord{}, s.wrap("reading audit head", err)
	}
	return rec, nil
}

// insertChunk bounds the rows per INSERT statement, well under both
// backends' bound-parameter limits.
const insertChunk = 200

// AppendAudit implements store.AuditStore.
// insertAuditQuery is the INSERT of n audit rows.
func insertAuditQuery(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO audit (` + auditCols + `) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`(?, ?, ?, ?, ?)`)
	}
	return b.String()
}

func (s *DB) AppendAudit(ctx context.Context, recs ...store.AuditRecord) error {
	const what = "appending audit records"
	if err := s.open(what); err != nil {
		return err
	}
	if len(recs) == 0 {
		return fmt.Errorf("%s: %s: empty batch: %w", s.d.Name, what, store.ErrInvalid)
	}
	// Prepare what the transaction will run before it starts.
	_, _ = s.prepared(ctx, `SELECT `+auditCols+` FROM audit ORDER BY seq DESC LIMIT 1`)
	for _, n := range []int{min(len(recs), insertChunk), len(recs) % insertChunk} {
		if n > 0 {
			_, _ = s.prepared(ctx, s.q(insertAuditQuery(n)))
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(what, err)
	}
	defer tx.Rollback()
	head, err := scanRecord(s.queryRow(ctx, tx, `SELECT `+auditCols+` FROM audit ORDER BY seq DESC LIMIT 1`))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return s.wrap(what, err)
	}
	if err := store.CheckBatch(head, recs); err != nil {
		return fmt.Errorf("%s: %s: %w", s.d.Name, what, err)
	}
	for start := 0; start < len(recs); start += insertChunk {
		chunk := recs[start:min(start+insertChunk, len(recs))]
		args := make([]any, 0, 5*len(chunk))
		for _, r := range chunk {
			data := r.Data
			if data == nil {
				data = []byte{}
			}
			prev := r.PrevHash
			if prev == nil {
				prev = []byte{}
			}
			args = append(args, r.Seq, r.Time.UnixNano(), data, prev, r.Hash)
		}
		if _, err := s.exec(ctx, tx, s.q(insertAuditQuery(len(chunk))), args...); err != nil {
			if s.d.IsUniqueViolation != nil && s.d.IsUniqueViolation(err) {
				// A concurrent writer appended between our head read and
				// insert (possible under PostgreSQL READ COMMITTED).
				return fmt.Errorf("%s: %s: %w", s.d.Name, what, &store.ChainConflictError{
					HeadSeq: head.Seq, HeadHash: head.Hash, Seq: recs[0].Seq, PrevHash: recs[0].PrevHash})
			}
			return s.wrap(what, err)
		}
	}
	if err := tx.Commit(); err != nil {
		if s.d.IsUniqueViolation != nil && s.d.IsUniqueViolation(err) {
			return fmt.Errorf("%s: %s: %w", s.d.Name, what, &store.ChainConflictError{
				HeadSeq: head.Seq, HeadHash: head.Hash, Seq: recs[0].Seq, PrevHash: recs[0].PrevHash})
		}
		return s.wrap("committing audit records", err)
	}
	return nil
}

// scanPage bounds how many records one query reads, so fn runs with no
// query open and no long-lived read transaction.
const scanPage = 500

// ScanAudit implements store.AuditStore.
func (s *DB) ScanAudit(ctx context.Context, fromSeq int64, fn func(store.AuditRecord) error) error {
	const what = "scanning audit records"
	next := fromSeq
	for {
		if err := s.open(what); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s: %s: %w", s.d.Name, what, err)
		}
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+auditCols+` FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?`), next, scanPage)
		if err != nil {
			return s.wrap(what, err)
		}
		page := make([]store.AuditRecord, 0, scanPage)
		for rows.Next() {
			rec, err := scanRecord(rows)
			if err != nil {
				rows.Close()
				return s.wrap(what, err)
			}
			page = append(page, rec)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return s.wrap(what, err)
		}
		for _, rec := range page {
			if err := fn(rec); err != nil {
				return err
			}
		}
		if len(page) < scanPage {
			return nil
		}
		next = page[len(page)-1].Seq + 1
	}
}

// --- key-value ---

// Get implements store.KV.
func (s *DB) Get(ctx context.Context, namespace, key string) (store.Item, error) {
	what := fmt.Sprintf("getting %s/%s", namespace, key)
	if err := s.open(what); err != nil {
		return store.Item{}, err
	}
	if err := store.CheckKey(namespace, key); err != nil {
		return store.Item{}, fmt.Errorf("%s: %s: %w", s.d.Name, what, err)
	}
	var it store.Item
	var exp sql.NullInt64
	err := s.queryRow(ctx, nil, s.q(`SELECT value, version, expires_ns FROM kv WHERE namespace = ? AND key = ? AND (expires_ns IS NULL OR expires_ns > ?)`),
		namespace, key, s.now().UnixNano()).Scan(&it.Value, &it.Version, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Item{}, fmt.Errorf("%s: %s: %w", s.d.Name, what, store.ErrNotFound)
	}
	if err != nil {
		return store.Item{}, s.wrap(what, err)
	}
	it.Key = key
	if exp.Valid {
		it.ExpiresAt = time.Unix(0, exp.Int64).UTC()
	}
	return it, nil
}

// Put implements store.KV.
func (s *DB) Put(ctx context.Context, namespace, key string, value []byte, opts store.PutOptions) (int64, error) {
	what := fmt.Sprintf("putting %s/%s", namespace, key)
	if err := s.open(what); err != nil {
		return 0, err
	}
	if err := store.CheckKey(namespace, key); err != nil {
		return 0, fmt.Errorf("%s: %s: %w", s.d.Name, what, err)
	}
	if opts.IfAbsent && opts.IfVersion != 0 {
		return 0, fmt.Errorf("%s: %s: IfAbsent and IfVersion are exclusive: %w", s.d.Name, what, store.ErrInvalid)
	}
	if opts.TTL < 0 {
		return 0, fmt.Errorf("%s: %s: negative TTL: %w", s.d.Name, what, store.ErrInvalid)
	}
	if value == nil {
		value = []byte{}
	}
	now := s.now()
	var exp sql.NullInt64
	if opts.TTL > 0 {
		exp = sql.NullInt64{Int64: expiryNS(now, opts.TTL), Valid: true}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.wrap(what, err)
	}
	defer tx.Rollback()
	var version int64
	if err := tx.QueryRowContext(ctx, s.d.NextVersion).Scan(&version); err != nil {
		return 0, s.wrap(what, err)
	}
	var res sql.Result
	switch {
	case opts.IfVersion != 0:
		res, err = tx.ExecContext(ctx, s.q(`UPDATE kv SET value = ?, version = ?, expires_ns = ? WHERE namespace = ? AND key = ? AND version = ? AND (expires_ns IS NULL OR expires_ns > ?)`),
			value, version, exp, namespace, key, opts.IfVersion, now.UnixNano())
	case opts.IfAbsent:
		res, err = tx.ExecContext(ctx, s.q(`INSERT INTO kv (namespace, key, value, version, expires_ns) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, version = excluded.version, expires_ns = excluded.expires_ns
			WHERE kv.expires_ns IS NOT NULL AND kv.expires_ns <= ?`),
			namespace, key, value, version, exp, now.UnixNano())
	default:
		res, err = tx.ExecContext(ctx, s.q(`INSERT INTO kv (namespace, key, value, version, expires_ns) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, version = excluded.version, expires_ns = excluded.expires_ns`),
			namespace, key, value, version, exp)
	}
	if err != nil {
		if s.d.IsUniqueViolation != nil && s.d.IsUniqueViolation(err) {
			return 0, fmt.Errorf("%s: %s: %w", s.d.Name, what, store.ErrConflict)
		}
		return 0, s.wrap(what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, s.wrap(what, err)
	}
	if n == 0 {
		if opts.IfAbsent {
			return 0, fmt.Errorf("%s: %s: entry exists: %w", s.d.Name, what, store.ErrConflict)
		}
		return 0, fmt.Errorf("%s: %s: version %d is not current: %w", s.d.Name, what, opts.IfVersion, store.ErrConflict)
	}
	if err := tx.Commit(); err != nil {
		return 0, s.wrap(what, err)
	}
	s.maybeSweep(ctx)
	return version, nil
}

// expiryNS is now+ttl in Unix nanoseconds, saturating at the largest int64:
// time.UnixNano wraps around past 2262, which turned a very long TTL into an
// expiry in the past and made the entry vanish as it was written.
func expiryNS(now time.Time, ttl time.Duration) int64 {
	n := now.UnixNano()
	if n > 0 && int64(ttl) > math.MaxInt64-n {
		return math.MaxInt64
	}
	return n + int64(ttl)
}

// SweepEvery and sweepInterval pace the removal of expired entries: every
// SweepEvery writes, or on the first write after sweepInterval. Nothing else
// calls DeleteExpired, and expired approvals, quarantined content and webhook
// replay keys would otherwise stay on disk for ever.
const (
	SweepEvery    = 256
	sweepInterval = 10 * time.Minute
)

// maybeSweep deletes expired entries when one is due. It is housekeeping:
// expired entries are invisible either way, so a failure is left for the
// next sweep rather than failing the write that triggered it.
func (s *DB) maybeSweep(ctx context.Context) {
	n := s.puts.Add(1)
	now := s.now().UnixNano()
	last := s.lastSweep.Load()
	if n%SweepEvery != 0 && now-last < int64(sweepInterval) {
		return
	}
	if !s.lastSweep.CompareAndSwap(last, now) {
		return // another write is sweeping
	}
	_, _ = s.DeleteExpired(ctx)
}

// Delete implements store.KV.
func (s *DB) Delete(ctx context.Context, namespace, key string, ifVersion int64) error {
	what := fmt.Sprintf("deleting %s/%s", namespace, key)
	if err := s.open(what); err != nil {
		return err
	}
	if err := store.CheckKey(namespace, key); err != nil {
		return fmt.Errorf("%s: %s: %w", s.d.Name, what, err)
	}
	if ifVersion == 0 {
		_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM kv WHERE namespace = ? AND key = ?`), namespace, key)
		return s.wrap(what, err)
	}
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM kv WHERE namespace = ? AND key = ? AND version = ? AND (expires_ns IS NULL OR expires_ns > ?)`),
		namespace, key, ifVersion, s.now().UnixNano())
	if err != nil {
		return s.wrap(what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return s.wrap(what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %s: version %d is not current: %w", s.d.Name, what, ifVersion, store.ErrConflict)
	}
	return nil
}

// List implements store.KV.
func (s *DB) List(ctx context.Context, namespace, prefix string) ([]store.Item, error) {
	what := fmt.Sprintf("listing %s/%s*", namespace, prefix)
	if err := s.open(what); err != nil {
		return nil, err
	}
	if err := store.CheckPrefix(namespace, prefix); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", s.d.Name, what, err)
	}
	query := `SELECT key, value, version, expires_ns FROM kv WHERE namespace = ? AND key >= ? AND (expires_ns IS NULL OR expires_ns > ?)`
	args := []any{namespace, prefix, s.now().UnixNano()}
	if end := store.PrefixEnd(prefix); end != "" {
		query += ` AND key < ?`
		args = append(args, end)
	}
	query += ` ORDER BY key`
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.wrap(what, err)
	}
	defer rows.Close()
	var items []store.Item
	for rows.Next() {
		var it store.Item
		var exp sql.NullInt64
		if err := rows.Scan(&it.Key, &it.Value, &it.Version, &exp); err != nil {
			return nil, s.wrap(what, err)
		}
		if exp.Valid {
			it.ExpiresAt = time.Unix(0, exp.Int64).UTC()
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(what, err)
	}
	return items, nil
}

// DeleteExpired implements store.KV.
func (s *DB) DeleteExpired(ctx context.Context) (int64, error) {
	const what = "deleting expired entries"
	if err := s.open(what); err != nil {
		return 0, err
	}
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM kv WHERE expires_ns IS NOT NULL AND expires_ns <= ?`), s.now().UnixNano())
	if err != nil {
		return 0, s.wrap(what, err)
	}
	n, err := res.RowsAffected()
	return n, s.wrap(what, err)
}

var _ store.Store = (*DB)(nil)
