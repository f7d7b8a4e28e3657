package main

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/audit"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

// A log cut short at its end still links up, so `audit verify` alone passes
// it (and says what it cannot see); against the mirror it fails.
func TestAuditVerifyAgainstCopy(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, sqlite.DefaultFile)
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	mirror, err := os.Create(filepath.Join(dir, "audit.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lg, err := audit.New(ctx, st, audit.Options{Log: slog.New(slog.DiscardHandler), Mirror: mirror})
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"a", "b", "c", "d", "e"} {
		if err := lg.Record(ctx, audit.Event{Kind: audit.KindDecision, Tool: tool, Verdict: audit.VerdictAllow}); err != nil {
			t.Fatal(err)
		}
	}
	if err := lg.Close(ctx); err != nil {
		t.Fatal(err)
	}
	st.Close()
	mirror.Close()

	verify := func(extra ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(append([]string{"audit", "verify", "--data-dir", dir}, extra...), strings.NewReader(""), &out, &errb)
		return code, out.String(), errb.String()
	}
	if code, out, _ := verify("--against", mirror.Name()); code != 0 || !strings.Contains(out, "OK: 5 records") {
		t.Fatalf("intact log against its mirror: %d %s", code, out)
	}

	// Someone with write access drops the last two records.
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TRIGGER audit_no_delete`, `DELETE FROM audit WHERE seq > 3`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	if code, out, errs := verify(); code != 0 || !strings.Contains(out, "OK: 3 records") || !strings.Contains(errs, "--against") {
		t.Fatalf("truncated log alone: %d\n%s\n%s", code, out, errs)
	}
	if code, out, _ := verify("--against", mirror.Name()); code != 1 || !strings.Contains(out, "BROKEN") {
		t.Fatalf("truncated log against its mirror: %d %s, want exit 1 and BROKEN", code, out)
	}
}
