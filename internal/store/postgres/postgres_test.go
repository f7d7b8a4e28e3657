package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/storetest"
)

// baseDSN is the local test server; WARDEN_TEST_POSTGRES overrides it.
func baseDSN() string {
	if d := os.Getenv("WARDEN_TEST_POSTGRES"); d != "" {
		return d
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// freshSchema creates an empty schema and returns a DSN whose search_path
// points at it, so each test gets its own tables. It skips the test only
// when the server cannot be reached.
func freshSchema(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, baseDSN())
	if err != nil {
		t.Skipf("PostgreSQL not reachable at %s (set WARDEN_TEST_POSTGRES): %v", baseDSN(), err)
	}
	defer conn.Close(ctx)
	var b [6]byte
	rand.Read(b[:])
	schema := "warden_test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("creating schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, baseDSN())
		if err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	sep := "?"
	if strings.Contains(baseDSN(), "?") {
		sep = "&"
	}
	return baseDSN() + sep + "search_path=" + schema
}

func testCtx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(testCtx(t), freshSchema(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// Several gateways starting at once must migrate exactly once.
func TestConcurrentOpen(t *testing.T) {
	dsn := freshSchema(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(testCtx(t), dsn)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent Open: %v", err)
	}
}

func TestUnreachableIsClear(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// Port 1 on loopback refuses connections.
	_, err := Open(ctx, "postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "postgres: connecting to 127.0.0.1:1/test") {
		t.Fatalf("Open of unreachable server: %v", err)
	}
	if _, err := Open(ctx, "postgres://%zz"); err == nil || !strings.Contains(err.Error(), "parsing DSN") {
		t.Fatalf("Open of bad DSN: %v", err)
	}
}

// `audit verify` and `tail` open the store read-only. Against PostgreSQL
// that used to migrate: a DSN naming the wrong database or schema created
// empty tables there, and Verify then reported an intact chain of 0
// records. Read-only must refuse an unmigrated schema and write nothing.
func TestOpenReadOnly(t *testing.T) {
	ctx := testCtx(t)
	dsn := freshSchema(t)
	if s, err := OpenReadOnly(ctx, dsn); err == nil {
		s.Close()
		t.Fatal("OpenReadOnly of an empty schema succeeded")
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var tables int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Fatalf("OpenReadOnly created %d tables", tables)
	}
	w, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.AppendAudit(ctx, storetest.Chain(store.AuditRecord{}, 2, "x")...); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(ctx, dsn)
	if err != nil {
		t.Fatalf("OpenReadOnly of a migrated schema: %v", err)
	}
	defer ro.Close()
	if h, err := ro.AuditHead(ctx); err != nil || h.Seq != 2 {
		t.Fatalf("read-only head = %d, %v", h.Seq, err)
	}
	h, _ := ro.AuditHead(ctx)
	if err := ro.AppendAudit(ctx, storetest.Chain(h, 1, "y")...); err == nil {
		t.Fatal("append through a read-only store succeeded")
	}
	if _, err := ro.Put(ctx, "a", "b", nil, store.PutOptions{}); err == nil {
		t.Fatal("Put through a read-only store succeeded")
	}
}
