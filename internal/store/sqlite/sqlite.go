// Package sqlite is Warden's embedded store: one SQLite file, no server,
// pure Go (modernc.org/sqlite), safe for several processes on one host.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"

	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/internal/sqldb"
)

// DefaultFile is the file name used when Open is given a directory.
const DefaultFile = "warden.db"

// Durability choices, applied to every pooled connection:
//   - WAL lets readers (audit tail, verify) run while the gateway writes.
//   - synchronous=FULL fsyncs the WAL on every commit, so a committed audit
//     record survives power loss; NORMAL would only survive a process crash.
//     The audit logger's group commit pays one fsync per batch, not per event.
//   - busy_timeout makes a writer wait for another process's write lock
//     instead of failing at once with SQLITE_BUSY.
//   - _txlock=immediate takes the write lock at BEGIN, so the head read and
//     the append in AppendAudit cannot interleave with another writer.
const (
	busyTimeoutMS = 5000
	maxConns      = 4
)

var dialect = sqldb.Dialect{
	Name: "sqlite",
	Migrations: [][]string{{
		`CREATE TABLE audit (
			seq INTEGER PRIMARY KEY,
			time_ns INTEGER NOT NULL,
			data BLOB NOT NULL,
			prev_hash BLOB NOT NULL,
			hash BLOB NOT NULL)`,
		// Triggers stop accidents, not attackers (who can drop them); the
		// hash chain is what detects tampering.
		`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`,
		`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END`,
		`CREATE TABLE kv (
			namespace TEXT NOT NULL,
			key TEXT NOT NULL,
			value BLOB NOT NULL,
			version INTEGER NOT NULL,
			expires_ns INTEGER,
			PRIMARY KEY (namespace, key)) WITHOUT ROWID`,
		`CREATE INDEX kv_expires ON kv (expires_ns) WHERE expires_ns IS NOT NULL`,
		`CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
		`INSERT INTO counters (name, value) VALUES ('kv_version', 0)`,
	}},
	NextVersion:       `UPDATE counters SET value = value + 1 WHERE name = 'kv_version' RETURNING value`,
	IsUniqueViolation: isUniqueViolation,
}

func isUniqueViolation(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	const constraintPrimaryKey, constraintUnique = 1555, 2067
	return se.Code() == constraintPrimaryKey || se.Code() == constraintUnique
}

// Open opens (creating if needed) the database at path, or at
// path/warden.db if path is a directory, and migrates its schema.
func Open(ctx context.Context, path string) (store.Store, error) {
	return open(ctx, path, false)
}

// OpenReadOnly opens an existing database without writing to it, for
// `warden audit verify` and `tail`. The schema must be current.
func OpenReadOnly(ctx context.Context, path string) (store.Store, error) {
	return open(ctx, path, true)
}

// Path resolves what Open would open: path itself, or path/warden.db when
// path is a directory.
func Path(path string) (string, error) {
	if path == "" {
		return "", fmt.Errorf("sqlite: empty database path: %w", store.ErrInvalid)
	}
	if strings.ContainsAny(path, "?#") {
		return "", fmt.Errorf("sqlite: database path %q contains '?' or '#': %w", path, store.ErrInvalid)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, DefaultFile)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("sqlite: resolving database path %q: %w", path, err)
	}
	return abs, nil
}

// open takes extra pragmas so tests can provoke SQLITE_FULL with a page cap.
func open(ctx context.Context, path string, readOnly bool, pragmas ...string) (store.Store, error) {
	abs, err := Path(path)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	if readOnly {
		if _, err := os.Stat(abs); err != nil {
			return nil, fmt.Errorf("sqlite: opening %s read-only: %w", abs, err)
		}
		q.Set("mode", "ro")
	} else {
		q.Set("mode", "rwc")
		// SQLite creates the file 0644 and gives its WAL and shared-memory
		// files the same mode; create it private first, since it holds
		// approvals, quarantined content and the audit chain.
		f, err := os.OpenFile(abs, os.O_RDONLY|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("sqlite: creating %s: %w", abs, err)
		}
		f.Close()
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Set("_txlock", "immediate")
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	dsn := (&url.URL{Scheme: "file", Path: abs, RawQuery: q.Encode()}).String()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: opening %s: %w", abs, err)
	}
	db.SetMaxOpenConns(maxConns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: opening %s: %w", abs, err)
	}
	s, err := sqldb.New(ctx, db, dialect, readOnly)
	if err != nil {
		return nil, fmt.Errorf("sqlite: opening %s: %w", abs, err)
	}
	return s, nil
}
