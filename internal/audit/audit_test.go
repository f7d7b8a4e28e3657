package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

func testCtx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

func openStore(t testing.TB, path string) store.Store {
	t.Helper()
	s, err := sqlite.Open(testCtx(t), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newLogger(t testing.TB, st store.AuditStore, opts Options) *Logger {
	t.Helper()
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.RetryInterval == 0 {
		opts.RetryInterval = 5 * time.Millisecond
	}
	l, err := New(testCtx(t), st, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		l.Close(c)
	})
	return l
}

func decision(i int) Event {
	return Event{
		Kind:       KindDecision,
		Principal:  "https://idp.example|alice",
		Client:     ClientInfo{Name: "claude", Version: "1.0"},
		Session:    "s-1",
		Server:     "files",
		Method:     "tools/call",
		Tool:       "read_file",
		ArgsDigest: strings.Repeat("ab", 32),
		Verdict:    VerdictDeny,
		Guard:      "policy",
		Reason:     fmt.Sprintf("rule %d: path outside workspace", i),
		Latency:    1500 * time.Microsecond,
		Details:    map[string]any{"i": i, "path": "/etc/shadow"},
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func mustVerify(t *testing.T, st store.AuditStore, records int64) Report {
	t.Helper()
	rep, err := Verify(testCtx(t), st)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Records != records {
		t.Fatalf("Verify = %s; want OK with %d records", rep, records)
	}
	return rep
}

func TestRecordAndChainFormat(t *testing.T) {
	st := openStore(t, t.TempDir())
	var mirror bytes.Buffer
	l := newLogger(t, st, Options{Mirror: &mirror})
	ctx := testCtx(t)
	at := time.Date(2026, 11, 26, 10, 0, 0, 123456789, time.FixedZone("CET", 3600))
	ev := decision(1)
	ev.Time = at
	if err := l.Record(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if err := l.Record(ctx, Event{Kind: KindSession, Session: "s-1", Reason: `quote " and <html>`}); err != nil {
		t.Fatal(err)
	}
	if err := l.Record(ctx, Event{Verdict: VerdictAllow}); err == nil {
		t.Fatal("event without kind accepted")
	}
	if err := l.Close(ctx); err != nil {
		t.Fatal(err)
	}
	var recs []store.AuditRecord
	st.ScanAudit(ctx, 1, func(r store.AuditRecord) error { recs = append(recs, r); return nil })
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	// Check the documented format independently of Hash().
	r := recs[0]
	if !r.Time.Equal(at) || r.PrevHash != nil {
		t.Fatalf("record 1: time %v prev %x", r.Time, r.PrevHash)
	}
	wantData := `{"args_digest":"` + strings.Repeat("ab", 32) + `","client":{"name":"claude","version":"1.0"},"details":{"i":1,"path":"/etc/shadow"},"guard":"policy","kind":"decision","latency_ns":1500000,"method":"tools/call","principal":"https://idp.example|alice","reason":"rule 1: path outside workspace","server":"files","session":"s-1","time":"2026-11-26T09:00:00.123456789Z","tool":"read_file","verdict":"deny"}`
	if string(r.Data) != wantData {
		t.Fatalf("event bytes:\n got %s\nwant %s", r.Data, wantData)
	}
	h1 := sha256.Sum256([]byte(`{"event":` + wantData + `,"seq":1,"time":"2026-11-26T09:00:00.123456789Z"}`))
	if !bytes.Equal(r.Hash, h1[:]) {
		t.Fatalf("hash 1 = %x, want %x", r.Hash, h1)
	}
	r2 := recs[1]
	h2 := sha256.Sum256(append(h1[:], []byte(`{"event":`+string(r2.Data)+`,"seq":2,"time":"`+r2.Time.Format(time.RFC3339Nano)+`"}`)...))
	if !bytes.Equal(r2.PrevHash, h1[:]) || !bytes.Equal(r2.Hash, h2[:]) {
		t.Fatal("record 2 does not link to record 1 as documented")
	}
	if !strings.Contains(string(r2.Data), `quote \" and <html>`) {
		t.Fatalf("HTML escaped or quote lost: %s", r2.Data)
	}
	mustVerify(t, st, 2)
	// The mirror has the same entries, one JSON line each.
	lines := strings.Split(strings.TrimSpace(mirror.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("mirror has %d lines: %q", len(lines), mirror.String())
	}
	for i, line := range lines {
		var e Entry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("mirror line %d: %v", i, err)
		}
		if e.Seq != recs[i].Seq || e.Hash != hex.EncodeToString(recs[i].Hash) || !bytes.Equal(e.Event, recs[i].Data) {
			t.Fatalf("mirror line %d = %+v, does not match store", i, e)
		}
	}
	if err := l.Record(ctx, decision(3)); !errors.Is(err, ErrClosed) {
		t.Fatalf("Record after Close: %v, want ErrClosed", err)
	}
}

func TestConcurrentRecordAndContinue(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	l := newLogger(t, st, Options{MaxBatch: 7}) // small batches exercise splitting
	ctx := testCtx(t)
	const workers, each = 32, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := l.Record(ctx, decision(w*each+i)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if err := l.Close(ctx); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, st, workers*each)
	// A new logger (a restart) continues the same chain.
	l2 := newLogger(t, st, Options{})
	if err := l2.Record(ctx, decision(0)); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, st, workers*each+1)
}

// Two gateways sharing one database append through separate stores and
// loggers; the store's head check makes them interleave instead of fork.
func TestTwoWritersOneChain(t *testing.T) {
	dir := t.TempDir()
	stA, stB := openStore(t, dir), openStore(t, dir)
	la, lb := newLogger(t, stA, Options{}), newLogger(t, stB, Options{})
	ctx := testCtx(t)
	const each = 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for _, l := range []*Logger{la, lb} {
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each / 4 {
					if err := l.Record(ctx, decision(i)); err != nil {
						errs <- err
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	mustVerify(t, stA, 2*each)
}

// faultyStore wraps a real store and injects append failures.
type faultyStore struct {
	store.AuditStore
	mu         sync.Mutex
	fail       error // returned instead of appending
	lostAcks   int   // appends that commit but report an error
	appendCall int
}

func (f *faultyStore) AppendAudit(ctx context.Context, recs ...store.AuditRecord) error {
	f.mu.Lock()
	f.appendCall++
	fail := f.fail
	lost := f.lostAcks > 0
	if lost {
		f.lostAcks--
	}
	f.mu.Unlock()
	if fail != nil {
		return fail
	}
	err := f.AuditStore.AppendAudit(ctx, recs...)
	if err == nil && lost {
		return errors.New("connection reset after commit")
	}
	return err
}

func (f *faultyStore) setFail(err error) {
	f.mu.Lock()
	f.fail = err
	f.mu.Unlock()
}

var errDiskFull = errors.New("database or disk is full (13)")

func TestStoreFailureHoldsAndRetries(t *testing.T) {
	st := openStore(t, t.TempDir())
	fs := &faultyStore{AuditStore: st}
	l := newLogger(t, fs, Options{MaxPending: 3})
	ctx := testCtx(t)
	if err := l.Record(ctx, decision(0)); err != nil {
		t.Fatal(err)
	}
	fs.setFail(errDiskFull)
	for i := 1; i <= 3; i++ {
		err := l.Record(ctx, decision(i))
		if !errors.Is(err, errDiskFull) {
			t.Fatalf("Record %d with failing store: %v, want the store error", i, err)
		}
	}
	// The bound is reached: the next event is refused, not queued.
	if err := l.Record(ctx, decision(4)); !errors.Is(err, ErrBacklog) || !strings.Contains(err.Error(), "full") {
		t.Fatalf("Record beyond MaxPending: %v, want ErrBacklog naming the cause", err)
	}
	if n := l.Pending(); n != 3 {
		t.Fatalf("Pending = %d, want 3", n)
	}
	fs.setFail(nil) // disk freed: the retry timer writes the held events
	waitFor(t, "held events to be written", func() bool { return l.Pending() == 0 })
	rep := mustVerify(t, st, 4)
	var reasons []string
	st.ScanAudit(ctx, 1, func(r store.AuditRecord) error {
		var ev Event
		json.Unmarshal(r.Data, &ev)
		reasons = append(reasons, ev.Reason)
		return nil
	})
	want := []string{"rule 0: path outside workspace", "rule 1: path outside workspace", "rule 2: path outside workspace", "rule 3: path outside workspace"}
	if fmt.Sprint(reasons) != fmt.Sprint(want) {
		t.Fatalf("stored %q, want %q in order (head %d)", reasons, want, rep.HeadSeq)
	}
}

func TestCloseFlushesAndReportsLoss(t *testing.T) {
	ctx := testCtx(t)
	t.Run("flushes after recovery", func(t *testing.T) {
		st := openStore(t, t.TempDir())
		fs := &faultyStore{AuditStore: st, fail: errDiskFull}
		l := newLogger(t, fs, Options{RetryInterval: 20 * time.Millisecond})
		if err := l.Record(ctx, decision(1)); err == nil {
			t.Fatal("Record succeeded on a failing store")
		}
		go func() { time.Sleep(50 * time.Millisecond); fs.setFail(nil) }()
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		if err := l.Close(c); err != nil {
			t.Fatalf("Close: %v", err)
		}
		mustVerify(t, st, 1)
	})
	t.Run("gives up at deadline", func(t *testing.T) {
		st := openStore(t, t.TempDir())
		fs := &faultyStore{AuditStore: st, fail: errDiskFull}
		l := newLogger(t, fs, Options{})
		l.Record(ctx, decision(1))
		l.Record(ctx, decision(2))
		c, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		err := l.Close(c)
		if err == nil || !strings.Contains(err.Error(), "2 events not written") || !strings.Contains(err.Error(), "full") {
			t.Fatalf("Close on dead store: %v, want a loss report", err)
		}
	})
	t.Run("what is not written is spilled, not lost", func(t *testing.T) {
		st := openStore(t, t.TempDir())
		fs := &faultyStore{AuditStore: st, fail: errDiskFull}
		var spill syncBuffer
		l := newLogger(t, fs, Options{Unwritten: &spill})
		l.Record(ctx, decision(1))
		l.Record(ctx, decision(2))
		c, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		if err := l.Close(c); err == nil || !strings.Contains(err.Error(), "outside the chain") {
			t.Fatalf("Close: %v, want a loss report naming the spill", err)
		}
		lines := strings.Split(strings.TrimSpace(spill.String()), "\n")
		if len(lines) != 2 || !strings.Contains(lines[0], "rule 1") || !strings.Contains(lines[1], "rule 2") {
			t.Fatalf("spilled:\n%s", spill.String())
		}
		for _, l := range lines {
			var v struct {
				E Event `json:"unwritten_audit_event"`
			}
			if err := json.Unmarshal([]byte(l), &v); err != nil || v.E.Kind != KindDecision {
				t.Fatalf("spilled line %s: %v", l, err)
			}
		}
	})
	t.Run("caller gives up, event still written", func(t *testing.T) {
		st := openStore(t, t.TempDir())
		fs := &faultyStore{AuditStore: st, fail: errDiskFull}
		l := newLogger(t, fs, Options{RetryInterval: time.Hour})
		c, cancel := context.WithCancel(ctx)
		cancel()
		if err := l.Record(c, decision(1)); err == nil {
			t.Fatal("Record with cancelled ctx reported success")
		}
		fs.setFail(nil)
		if err := l.Close(ctx); err != nil {
			t.Fatal(err)
		}
		mustVerify(t, st, 1)
	})
}

// A commit whose acknowledgement is lost must not be written twice.
func TestLostAckNotDuplicated(t *testing.T) {
	st := openStore(t, t.TempDir())
	fs := &faultyStore{AuditStore: st, lostAcks: 1}
	l := newLogger(t, fs, Options{})
	ctx := testCtx(t)
	if err := l.Record(ctx, decision(1)); err == nil {
		t.Fatal("lost ack not reported to the caller")
	}
	if err := l.Record(ctx, decision(2)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "queue to drain", func() bool { return l.Pending() == 0 })
	mustVerify(t, st, 2)
}

func TestVerifyDetectsTampering(t *testing.T) {
	const n = 10
	setup := func(t *testing.T) (string, Report) {
		path := filepath.Join(t.TempDir(), "audit.db")
		st, err := sqlite.Open(testCtx(t), path)
		if err != nil {
			t.Fatal(err)
		}
		l := newLogger(t, st, Options{})
		for i := range n {
			if err := l.Record(testCtx(t), decision(i)); err != nil {
				t.Fatal(err)
			}
		}
		if err := l.Close(testCtx(t)); err != nil {
			t.Fatal(err)
		}
		rep := mustVerify(t, st, n)
		st.Close()
		return path, rep
	}
	tests := []struct {
		name    string
		sql     []string
		fix     func(t *testing.T, db *sql.DB) // Go-side tampering
		seq     int64
		problem string
	}{
		{name: "edit event", sql: []string{`UPDATE audit SET data = CAST(replace(CAST(data AS TEXT), '"deny"', '"allow"') AS BLOB) WHERE seq = 5`}, seq: 5, problem: "altered"},
		{name: "edit time", sql: []string{`UPDATE audit SET time_ns = time_ns + 1 WHERE seq = 3`}, seq: 3, problem: "altered"},
		{name: "replace hash", sql: []string{`UPDATE audit SET hash = randomblob(32) WHERE seq = 7`}, seq: 7, problem: "altered"},
		{name: "delete middle", sql: []string{`DELETE FROM audit WHERE seq = 4`}, seq: 4, problem: "missing"},
		{name: "delete first", sql: []string{`DELETE FROM audit WHERE seq = 1`}, seq: 1, problem: "missing"},
		{name: "swap two rows", sql: []string{
			`UPDATE audit SET seq = -3 WHERE seq = 3`,
			`UPDATE audit SET seq = 3 WHERE seq = 6`,
			`UPDATE audit SET seq = 6 WHERE seq = -3`,
		}, seq: 3, problem: "prev_hash"},
		{name: "edit with recomputed hash", fix: func(t *testing.T, db *sql.DB) {
			var tns int64
			var data, prev []byte
			if err := db.QueryRow(`SELECT time_ns, data, prev_hash FROM audit WHERE seq = 5`).Scan(&tns, &data, &prev); err != nil {
				t.Fatal(err)
			}
			data = bytes.Replace(data, []byte(`"deny"`), []byte(`"allow"`), 1)
			h := Hash(prev, 5, time.Unix(0, tns), data)
			if _, err := db.Exec(`UPDATE audit SET data = ?, hash = ? WHERE seq = 5`, data, h); err != nil {
				t.Fatal(err)
			}
		}, seq: 6, problem: "prev_hash"},
		{name: "append forged record", fix: func(t *testing.T, db *sql.DB) {
			data := []byte(`{"kind":"decision","time":"2026-01-01T00:00:00Z","verdict":"allow"}`)
			if _, err := db.Exec(`INSERT INTO audit (seq, time_ns, data, prev_hash, hash) VALUES (11, 0, ?, ?, ?)`,
				data, []byte("guess"), Hash([]byte("guess"), 11, time.Unix(0, 0), data)); err != nil {
				t.Fatal(err)
			}
		}, seq: 11, problem: "prev_hash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, _ := setup(t)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			// The append-only triggers stop accidents; an attacker drops them.
			for _, q := range append([]string{`DROP TRIGGER audit_no_update`, `DROP TRIGGER audit_no_delete`}, tt.sql...) {
				if _, err := db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if tt.fix != nil {
				tt.fix(t, db)
			}
			db.Close()
			st, err := sqlite.OpenReadOnly(testCtx(t), path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			rep, err := Verify(testCtx(t), st)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK || rep.Break == nil || rep.Break.Seq != tt.seq || !strings.Contains(rep.Break.Problem, tt.problem) {
				t.Fatalf("Verify = %s; want break at seq %d (%s)", rep, tt.seq, tt.problem)
			}
			if rep.Records != tt.seq-1 {
				t.Fatalf("Records = %d, want %d verified before the break", rep.Records, tt.seq-1)
			}
		})
	}
	t.Run("triggers block plain edits", func(t *testing.T) {
		path, _ := setup(t)
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`DELETE FROM audit WHERE seq = 2`); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("DELETE with triggers in place: %v", err)
		}
	})
	t.Run("truncated tail needs the head anchor", func(t *testing.T) {
		path, orig := setup(t)
		db, _ := sql.Open("sqlite", path)
		db.Exec(`DROP TRIGGER audit_no_delete`)
		if _, err := db.Exec(`DELETE FROM audit WHERE seq = 10`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		st, err := sqlite.OpenReadOnly(testCtx(t), path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		rep := mustVerify(t, st, 9)
		if rep.HeadHash == orig.HeadHash {
			t.Fatal("head hash unchanged after truncation")
		}
	})
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestTail(t *testing.T) {
	st := openStore(t, t.TempDir())
	l := newLogger(t, st, Options{})
	ctx := testCtx(t)
	for i := range 5 {
		if err := l.Record(ctx, decision(i)); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := Tail(ctx, st, 2, false, &out, "json"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("json tail: %q", out.String())
	}
	for i, want := range []int64{4, 5} {
		var e Entry
		if err := json.Unmarshal([]byte(lines[i]), &e); err != nil || e.Seq != want || len(e.Hash) != 64 {
			t.Fatalf("line %d = %s (%v), want seq %d", i, lines[i], err, want)
		}
	}
	out.Reset()
	if err := Tail(ctx, st, 1, false, &out, "text"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"#5 decision deny", "principal=https://idp.example|alice", "client=claude/1.0", "tool=read_file", `reason="rule 4: path outside workspace"`, "latency=1.5ms", `details={"i":4,"path":"/etc/shadow"}`} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("text tail %q lacks %q", out.String(), want)
		}
	}
	if err := Tail(ctx, st, 1, false, &out, "xml"); err == nil {
		t.Fatal("unknown format accepted")
	}
	out.Reset()
	if err := Tail(ctx, st, 100, false, &out, "text"); err != nil || strings.Count(out.String(), "\n") != 5 {
		t.Fatalf("tail of 100 over 5 records: %v %q", err, out.String())
	}

	// Follow picks up new records and stops cleanly when ctx ends.
	var follow syncBuffer
	fctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- tail(fctx, st, 0, true, &follow, "text", 10*time.Millisecond) }()
	// The follower starts at whatever head it reads first, so keep adding
	// records until it prints one (#6 onwards).
	next := 5
	waitFor(t, "follow to print a new record", func() bool {
		if strings.Contains(follow.String(), " decision ") {
			return true
		}
		if err := l.Record(ctx, decision(next)); err != nil {
			t.Fatal(err)
		}
		next++
		return false
	})
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("follow returned %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("follow did not stop after cancel")
	}
	// Only records written after the follower started: never #5 or
	// earlier, which existed before the call.
	if s := follow.String(); strings.Contains(s, " #5 ") || strings.Contains(s, " #1 ") || s == "" {
		t.Fatalf("follow with n=0 printed %q; want only new records", s)
	}
}

// countingStore measures how well group commit batches.
type countingStore struct {
	store.AuditStore
	commits, events atomic.Int64
}

func (c *countingStore) AppendAudit(ctx context.Context, recs ...store.AuditRecord) error {
	c.commits.Add(1)
	c.events.Add(int64(len(recs)))
	return c.AuditStore.AppendAudit(ctx, recs...)
}

func BenchmarkRecord(b *testing.B) {
	for _, conc := range []int{1, 32} {
		b.Run(fmt.Sprintf("conc%d", conc), func(b *testing.B) {
			st := &countingStore{AuditStore: openStore(b, b.TempDir())}
			l := newLogger(b, st, Options{})
			defer func() {
				if st.commits.Load() > 0 {
					b.ReportMetric(float64(st.events.Load())/float64(st.commits.Load()), "events/commit")
				}
			}()
			ctx := context.Background()
			ev := decision(1)
			b.SetParallelism((conc + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			b.ReportAllocs()
			b.ResetTimer()
			if conc == 1 {
				for range b.N {
					if err := l.Record(ctx, ev); err != nil {
						b.Fatal(err)
					}
				}
				return
			}
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := l.Record(ctx, ev); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// hungStore never finishes an append until its context ends.
type hungStore struct{ store.AuditStore }

func (hungStore) AppendAudit(ctx context.Context, _ ...store.AuditRecord) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestStoreProblemsReachCaller(t *testing.T) {
	ctx := testCtx(t)
	t.Run("hung store times out", func(t *testing.T) {
		st := openStore(t, t.TempDir())
		l := newLogger(t, hungStore{st}, Options{CommitTimeout: 50 * time.Millisecond})
		if err := l.Record(ctx, decision(1)); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Record on hung store: %v, want deadline exceeded", err)
		}
	})
	t.Run("closed store", func(t *testing.T) {
		st := openStore(t, t.TempDir())
		l := newLogger(t, st, Options{})
		st.Close()
		if err := l.Record(ctx, decision(1)); !errors.Is(err, store.ErrClosed) {
			t.Fatalf("Record on closed store: %v, want store.ErrClosed", err)
		}
	})
}

func TestEnqueueRefusesWhileTheStoreFails(t *testing.T) {
	st := openStore(t, t.TempDir())
	fs := &faultyStore{AuditStore: st}
	l := newLogger(t, fs, Options{})
	ctx := testCtx(t)
	if err := l.Enqueue(decision(0)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the enqueued event to be committed", func() bool { return l.Pending() == 0 })
	fs.setFail(errDiskFull)
	if err := l.Record(ctx, decision(1)); !errors.Is(err, errDiskFull) {
		t.Fatalf("Record with a failing store: %v", err)
	}
	if err := l.Enqueue(decision(2)); !errors.Is(err, errDiskFull) {
		t.Fatalf("Enqueue while the store fails: %v, want the store error", err)
	}
	fs.setFail(nil)
	waitFor(t, "recovery", func() bool { return l.Pending() == 0 })
	if err := l.Enqueue(decision(3)); err != nil {
		t.Fatalf("Enqueue after recovery: %v", err)
	}
	waitFor(t, "the last event", func() bool { return l.Pending() == 0 })
	mustVerify(t, st, 3)
}
