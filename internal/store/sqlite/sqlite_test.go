package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/internal/sqldb"
	"github.com/warden-mcp/warden/internal/store/storetest"
)

func testCtx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(testCtx(t), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestOpenDirAndReopen(t *testing.T) {
	ctx := testCtx(t)
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.Chain(store.AuditRecord{}, 3, "x")
	if err := s.AppendAudit(ctx, recs...); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, DefaultFile)); err != nil {
		t.Fatalf("directory path did not create %s: %v", DefaultFile, err)
	}
	// Reopening must not re-run migrations or lose data.
	s, err = Open(ctx, filepath.Join(dir, DefaultFile))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	h, err := s.AuditHead(ctx)
	if err != nil || h.Seq != 3 {
		t.Fatalf("head after reopen = %d, %v", h.Seq, err)
	}
	var mode string
	if err := s.(interface{ SQL() *sql.DB }).SQL().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	var sync int
	if err := s.(interface{ SQL() *sql.DB }).SQL().QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
		t.Fatalf("synchronous = %d, %v; want 2 (FULL)", sync, err)
	}
}

func TestReadOnly(t *testing.T) {
	ctx := testCtx(t)
	path := filepath.Join(t.TempDir(), "a.db")
	if _, err := OpenReadOnly(ctx, path); err == nil {
		t.Fatal("OpenReadOnly of a missing file succeeded")
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAudit(ctx, storetest.Chain(store.AuditRecord{}, 2, "x")...); err != nil {
		t.Fatal(err)
	}
	// Keep the writer open: a reader must work alongside it (WAL).
	defer s.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	defer ro.Close()
	if h, err := ro.AuditHead(ctx); err != nil || h.Seq != 2 {
		t.Fatalf("read-only head = %d, %v", h.Seq, err)
	}
	h, _ := ro.AuditHead(ctx)
	err = ro.AppendAudit(ctx, storetest.Chain(h, 1, "y")...)
	if err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Fatalf("append on read-only store: %v, want a readonly error", err)
	}
	if _, err := ro.Put(ctx, "a", "b", nil, store.PutOptions{}); err == nil {
		t.Fatal("Put on read-only store succeeded")
	}
}

func TestDiskFull(t *testing.T) {
	ctx := testCtx(t)
	// A page cap makes SQLite report SQLITE_FULL exactly as a full disk does.
	s, err := open(ctx, filepath.Join(t.TempDir(), "full.db"), false, "max_page_count(40)")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var fullErr error
	for i := 0; i < 200 && fullErr == nil; i++ {
		h, err := s.AuditHead(ctx)
		if err != nil {
			t.Fatal(err)
		}
		recs := storetest.Chain(h, 1, strings.Repeat("z", 4000))
		fullErr = s.AppendAudit(ctx, recs...)
	}
	if fullErr == nil {
		t.Fatal("database never filled up")
	}
	t.Logf("full: %v", fullErr)
	msg := fullErr.Error()
	if !strings.Contains(msg, "appending audit records") || !strings.Contains(msg, "full") {
		t.Fatalf("full-disk error not clear: %v", fullErr)
	}
	if errors.Is(fullErr, store.ErrConflict) || errors.Is(fullErr, store.ErrClosed) {
		t.Fatalf("full-disk error misclassified: %v", fullErr)
	}
	// The store still reads, and the chain it holds is intact.
	var prev store.AuditRecord
	if err := s.ScanAudit(ctx, 1, func(r store.AuditRecord) error {
		if r.Seq != prev.Seq+1 {
			t.Fatalf("gap at %d after full disk", r.Seq)
		}
		prev = r
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := testCtx(t)
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.(interface{ SQL() *sql.DB }).SQL().ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_ns) VALUES (99, 0)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open of a newer schema: %v, want refusal", err)
	}
}

func TestBadFiles(t *testing.T) {
	ctx := testCtx(t)
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, path string }{
		{"empty path", ""},
		{"query in path", dir + "/x.db?mode=memory"},
		{"not a database", garbage},
		{"missing parent", filepath.Join(dir, "no", "such", "dir", "x.db")},
	}
	for _, tt := range tests {
		s, err := Open(ctx, tt.path)
		if err == nil {
			s.Close()
			t.Fatalf("%s: Open succeeded", tt.name)
		}
	}
}

// The database holds the audit chain, approvals with their arguments,
// quarantined content and sealed refresh tokens: it and its WAL must not be
// readable by other users, whatever the umask and the data directory's mode.
func TestFilesArePrivate(t *testing.T) {
	ctx := testCtx(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil { // as a pre-created /var/lib/warden would be
		t.Fatal(err)
	}
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(ctx, "a", "b", []byte("secret"), store.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{DefaultFile, DefaultFile + "-wal", DefaultFile + "-shm"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s has mode %v; want no access for group or others", name, fi.Mode().Perm())
		}
	}
}

// Expired entries are invisible, but nothing in Warden calls DeleteExpired:
// the store removes them itself as it is written to, so approvals,
// quarantined content and webhook replay keys do not pile up on disk (and
// quarantined content does not outlive its retention).
func TestExpiredEntriesAreSwept(t *testing.T) {
	ctx := testCtx(t)
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db := s.(interface{ SQL() *sql.DB }).SQL()
	rows := func() int {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM kv WHERE namespace = 'q'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for i := range 10 {
		if _, err := s.Put(ctx, "q", strconv.Itoa(i), []byte("quarantined"), store.PutOptions{TTL: time.Millisecond}); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(5 * time.Millisecond)
	if n := rows(); n != 10 {
		t.Fatalf("%d rows before the sweep, want 10", n)
	}
	for i := range sqldb.SweepEvery {
		if _, err := s.Put(ctx, "other", "k", []byte(strconv.Itoa(i)), store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := rows(); n != 0 {
		t.Fatalf("%d expired rows left after %d writes, want 0", n, sqldb.SweepEvery)
	}
}
