package audit

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

// Principals, tool names, reasons and details come from clients, tokens
// and upstreams. `warden audit tail` prints them to a terminal, so a value
// must not be able to start a fake line, hide text behind a bidi override,
// or reach the terminal as a C1 control (U+009B is CSI on 8-bit terminals).
func TestFormatTextNeutralisesHostileRunes(t *testing.T) {
	hostile := []string{
		"\u009b2J",      // C1 CSI
		"\u0085",        // NEL, a line break to some viewers
		"\u2028",        // LINE SEPARATOR
		"\u202egnp.exe", // RIGHT-TO-LEFT OVERRIDE
		"\u00a0",        // NO-BREAK SPACE, to fake a field separator
		"\x7f",          // DEL
		"\u200b",        // ZERO WIDTH SPACE
		"\ufeff",        // BOM
	}
	for _, h := range hostile {
		ev := Event{Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Kind: KindDecision, Verdict: VerdictDeny,
			Principal: "alice" + h + "verdict", Tool: "read" + h + "file", Reason: "r" + h,
			Client: ClientInfo{Name: "c" + h}, Details: map[string]any{"result" + h: "x" + h + "y"}}
		data, err := ev.encode(time.Now)
		if err != nil {
			t.Fatal(err)
		}
		line := FormatText(store.AuditRecord{Seq: 7, Time: ev.Time, Data: data})
		for _, r := range line {
			if r != ' ' && !strconv.IsPrint(r) {
				t.Errorf("FormatText with %q printed the raw rune %U: %s", h, r, line)
				break
			}
		}
		if strings.Contains(line, h) {
			t.Errorf("FormatText with %q kept it raw: %q", h, line)
		}
	}
	// A tampered record that does not decode is shown escaped as well.
	line := FormatText(store.AuditRecord{Seq: 1, Time: time.Unix(0, 0), Data: []byte("{\n2026 #9 decision allow\u009b")})
	if strings.ContainsAny(line, "\n\u009b") {
		t.Errorf("undecodable record printed raw: %q", line)
	}
}

// Arguments that differ only in a lone surrogate escape or an invalid
// UTF-8 byte are different to the upstream (Python keeps lone surrogates,
// a byte-oriented server sees the bytes) but used to get the same
// ArgsDigest, because decoding replaced both with U+FFFD.
func TestCanonicalRejectsAmbiguousStrings(t *testing.T) {
	bad := []string{
		`"\ud800"`, `"\udc00"`, `"a\ud800b"`, `"\ud800\u0041"`, `"\ud800\ud800"`, `"\udc00\ud800"`,
		`{"\ud800":1}`, "\"\xff\"", "{\"\xfe\":1}", "[\"ok\",\"\xed\xa0\x80\"]",
	}
	for _, in := range bad {
		if out, err := Canonical([]byte(in)); err == nil {
			t.Errorf("Canonical(%q) = %s, want an error", in, out)
		}
		if out, err := canonicalSlow([]byte(in)); err == nil {
			t.Errorf("canonicalSlow(%q) = %s, want an error", in, out)
		}
	}
	good := map[string]string{`"\ud83d\ude00"`: `"😀"`, `"\ufffd"`: `"�"`, `{"a\u00e9":"\\ud800"}`: `{"aé":"\\ud800"}`}
	for in, want := range good {
		if out, err := Canonical([]byte(in)); err != nil || string(out) != want {
			t.Errorf("Canonical(%q) = %s, %v; want %s", in, out, err, want)
		}
	}
	a, errA := DigestArgs([]byte(`{"path":"\ud800"}`))
	b, errB := DigestArgs([]byte(`{"path":"\udbff"}`))
	if errA == nil && errB == nil && a == b {
		t.Errorf("distinct arguments share digest %s", a)
	}
}

// A time the store cannot hold as int64 nanoseconds used to be stored
// wrapped around: Record succeeded and Verify then reported the chain as
// tampered with for ever. The event must be refused up front, and the log
// must keep working (no poisoned queue).
func TestUnrepresentableTimeRefused(t *testing.T) {
	st := openStore(t, t.TempDir())
	l := newLogger(t, st, Options{})
	ctx := testCtx(t)
	for _, tm := range []time.Time{time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)} {
		ev := decision(1)
		ev.Time = tm
		if err := l.Record(ctx, ev); err == nil {
			t.Errorf("Record with time %v succeeded", tm)
		}
		if err := l.Enqueue(ev); err == nil {
			t.Errorf("Enqueue with time %v succeeded", tm)
		}
	}
	if err := l.Record(ctx, decision(2)); err != nil {
		t.Fatalf("Record after a refused event: %v", err)
	}
	waitFor(t, "queue to drain", func() bool { return l.Pending() == 0 })
	rep := mustVerify(t, st, 1)
	if rep.HeadSeq != 1 {
		t.Fatalf("head seq %d, want 1", rep.HeadSeq)
	}
}

// Verify alone accepts a chain cut short at the end, emptied, or rewritten
// from some point with recomputed hashes. Checked against the mirror, none
// of these pass.
func TestVerifyWithCopy(t *testing.T) {
	const n = 10
	setup := func(t *testing.T) (string, []byte) {
		path := filepath.Join(t.TempDir(), "audit.db")
		st, err := sqlite.Open(testCtx(t), path)
		if err != nil {
			t.Fatal(err)
		}
		var mirror syncBuffer
		l := newLogger(t, st, Options{Mirror: &mirror})
		for i := range n {
			if err := l.Record(testCtx(t), decision(i)); err != nil {
				t.Fatal(err)
			}
		}
		if err := l.Close(testCtx(t)); err != nil {
			t.Fatal(err)
		}
		st.Close()
		return path, []byte(mirror.String())
	}
	tamper := func(t *testing.T, path string, fn func(db *sql.DB)) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range []string{`DROP TRIGGER audit_no_update`, `DROP TRIGGER audit_no_delete`} {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		fn(db)
	}
	exec := func(t *testing.T, db *sql.DB, q string) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// rewrite turns every decision from seq 5 on into an allow and
	// recomputes the chain, so that Verify alone passes.
	rewrite := func(t *testing.T, db *sql.DB) {
		var prev []byte
		if err := db.QueryRow(`SELECT hash FROM audit WHERE seq = 4`).Scan(&prev); err != nil {
			t.Fatal(err)
		}
		for seq := int64(5); seq <= n; seq++ {
			var tns int64
			var data []byte
			if err := db.QueryRow(`SELECT time_ns, data FROM audit WHERE seq = ?`, seq).Scan(&tns, &data); err != nil {
				t.Fatal(err)
			}
			data = bytes.Replace(data, []byte(`"deny"`), []byte(`"allow"`), 1)
			h := Hash(prev, seq, time.Unix(0, tns), data)
			if _, err := db.Exec(`UPDATE audit SET data = ?, prev_hash = ?, hash = ? WHERE seq = ?`, data, prev, h, seq); err != nil {
				t.Fatal(err)
			}
			prev = h
		}
	}
	tests := []struct {
		name    string
		tamper  func(t *testing.T, db *sql.DB)
		copyOf  func(mirror []byte) []byte
		seq     int64
		problem string // empty: OK
	}{
		{name: "intact"},
		{name: "intact, partial copy (another gateway's mirror)", copyOf: func(m []byte) []byte {
			lines := strings.SplitAfter(string(m), "\n")
			return []byte(lines[2] + lines[5] + lines[9])
		}},
		{name: "last three records removed", tamper: func(t *testing.T, db *sql.DB) { exec(t, db, `DELETE FROM audit WHERE seq > 7`) },
			seq: 8, problem: "truncated"},
		{name: "every record removed", tamper: func(t *testing.T, db *sql.DB) { exec(t, db, `DELETE FROM audit`) },
			seq: 1, problem: "truncated"},
		{name: "rewritten with recomputed hashes", tamper: rewrite, seq: 5, problem: "rewritten"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, mirror := setup(t)
			if tt.tamper != nil {
				tamper(t, path, func(db *sql.DB) { tt.tamper(t, db) })
			}
			if tt.copyOf != nil {
				mirror = tt.copyOf(mirror)
			}
			st, err := sqlite.OpenReadOnly(testCtx(t), path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			plain, err := Verify(testCtx(t), st)
			if err != nil || !plain.OK {
				t.Fatalf("Verify alone = %s, %v; the tampering is meant to pass it", plain, err)
			}
			rep, err := VerifyWithCopy(testCtx(t), st, bytes.NewReader(mirror))
			if err != nil {
				t.Fatal(err)
			}
			if tt.problem == "" {
				if !rep.OK {
					t.Fatalf("VerifyWithCopy = %s, want OK", rep)
				}
				return
			}
			if rep.OK || rep.Break == nil || rep.Break.Seq != tt.seq || !strings.Contains(rep.Break.Problem, tt.problem) {
				t.Fatalf("VerifyWithCopy = %s; want break at seq %d (%s)", rep, tt.seq, tt.problem)
			}
		})
	}
	t.Run("malformed copy", func(t *testing.T) {
		path, mirror := setup(t)
		st, err := sqlite.OpenReadOnly(testCtx(t), path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for _, bad := range []string{"not json\n", string(mirror) + string(mirror), `{"seq":3}` + "\n"} {
			if rep, err := VerifyWithCopy(testCtx(t), st, strings.NewReader(bad)); err == nil {
				t.Errorf("copy %.30q: %s, want an error", bad, rep)
			}
		}
	})
}

// Raw JSON from an upstream in an event's details may hold an unpaired
// surrogate escape, which a digest refuses; the event is still recorded.
func TestEventWithLoneSurrogateInRawDetails(t *testing.T) {
	ev := &Event{Kind: "decision", Details: map[string]any{"result": json.RawMessage(`{"text":"a\ud800b"}`)}}
	b, err := ev.encode(time.Now)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	if !strings.Contains(string(b), "a\ufffdb") && !strings.Contains(string(b), `a\ufffdb`) {
		t.Errorf("details not kept: %s", b)
	}
}

// A peer-chosen field (a 1 MB resource URI as the tool) is clipped in the
// record, at a rune boundary, saying how much was cut.
func TestLongFieldsAreClipped(t *testing.T) {
	ev := &Event{Kind: "decision", Tool: "file:///" + strings.Repeat("é", 500_000), Reason: "short"}
	b, err := ev.encode(time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 3*maxField || !strings.Contains(string(b), "bytes cut]") || !strings.Contains(string(b), `"reason":"short"`) {
		t.Fatalf("record of %d bytes: %.200s", len(b), b)
	}
	if !utf8.Valid(b) {
		t.Fatal("clipped inside a rune")
	}
}
