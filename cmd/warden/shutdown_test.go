package main

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/app"
	"github.com/warden-mcp/warden/internal/audit"
	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

// fullDisk is a store whose audit appends fail once full is set, as
// SQLite's do on a full disk.
type fullDisk struct {
	store.Store
	full atomic.Bool
}

func (f *fullDisk) AppendAudit(ctx context.Context, recs ...store.AuditRecord) error {
	if f.full.Load() {
		return errors.New("database or disk is full (13)")
	}
	return f.Store.AppendAudit(ctx, recs...)
}

// Audit events that never reach the store by shutdown are lost to the log.
// serve and wrap used to log that at most and exit 0, a clean shutdown as
// far as a supervisor could tell; they must exit non-zero and say why.
func TestShutdownReportsUnwrittenAuditEvents(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), sqlite.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	disk := &fullDisk{Store: st}
	cfg := config.Default()
	a, err := app.New(t.Context(), cfg, app.Options{Store: disk, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	disk.full.Store(true)
	if err := a.Audit.Enqueue(audit.Event{Kind: audit.KindSession, Verdict: "end", Reason: "stdin closed"}); err != nil {
		t.Fatal(err)
	}
	err = closeApp(a, nil, slog.New(slog.DiscardHandler), 500*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "not written") {
		t.Fatalf("closeApp = %v, want an error naming the unwritten events", err)
	}
	// An error that shutdown met after the command's own is logged, and
	// the command's error is the one returned.
	first := errors.New("serving HTTP: boom")
	if got := closeApp(a, first, slog.New(slog.DiscardHandler), time.Millisecond); got != first {
		t.Errorf("closeApp kept %v, want the command's own error", got)
	}
}
