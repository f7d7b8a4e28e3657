package audit

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/store"
)

// FuzzFormatText: `warden audit tail` prints stored events, whose fields
// come from clients, tokens and upstreams (and, in a tampered store, from
// anyone). Each record is one line of printable text, and the details
// JSON keeps its meaning through the escaping.
func FuzzFormatText(f *testing.F) {
	for _, s := range []string{
		`{"kind":"decision","verdict":"deny","principal":"alice","reason":"a\u2028b\u009b31m","details":{"k":"\u202eevil\u0085"}}`,
		`{"kind":"x\ny","tool":"t=1 reason=ok","client":{"name":"c\"","version":"1"},"latency":1500000}`,
		`{"kind":"decision","args_digest":"abc","details":{"a":[1,"\u0000",{"b":"\ud83d\ude00"}]}}`,
		"{\"kind\":\"\xff\",\"details\":{\"\xc2\x85\":\"\xe2\x80\xae\"}}", `not json` + "\x1b[2J", ``,
	} {
		f.Add([]byte(s))
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		line := FormatText(store.AuditRecord{Seq: 7, Time: t0, Data: data})
		if !utf8.ValidString(line) {
			t.Fatalf("not UTF-8: %q", line)
		}
		for _, r := range line {
			if r != ' ' && !strconv.IsPrint(r) {
				t.Fatalf("record %q prints %U raw: %q", data, r, line)
			}
		}
		var ev Event
		if json.Unmarshal(data, &ev) != nil || len(ev.Details) == 0 {
			return
		}
		d, err := json.Marshal(ev.Details)
		if err != nil {
			return
		}
		esc := escapeJSONUnprintable(d)
		var a, b any
		if json.Unmarshal(d, &a) != nil || json.Unmarshal(esc, &b) != nil || !reflect.DeepEqual(a, b) {
			t.Fatalf("escaping changed the details: %s -> %s", d, esc)
		}
	})
}

// FuzzVerifyWithCopy: `warden audit verify --against FILE` reads a copy
// of the chain kept outside the store (the mirror or a `tail --json`).
// The copy may be damaged or forged; the answer must be what the copy,
// read line by line, says: an error for a malformed line, a break for a
// record the store lacks or holds with another hash, OK otherwise.
func FuzzVerifyWithCopy(f *testing.F) {
	st := openStore(f, f.TempDir())
	l := newLogger(f, st, Options{})
	ctx := context.Background()
	for i := range 4 {
		if err := l.Record(ctx, decision(i)); err != nil {
			f.Fatal(err)
		}
	}
	var cp bytes.Buffer
	if err := Tail(ctx, st, 10, false, &cp, "json"); err != nil {
		f.Fatal(err)
	}
	hashes := map[int64]string{}
	var head int64
	if err := st.ScanAudit(ctx, 1, func(r store.AuditRecord) error {
		hashes[r.Seq], head = hex.EncodeToString(r.Hash), r.Seq
		return nil
	}); err != nil || head != 4 {
		f.Fatalf("store: head %d, %v", head, err)
	}
	lines := strings.SplitAfter(cp.String(), "\n")
	f.Add(cp.Bytes())
	f.Add([]byte(lines[0] + lines[2]))
	f.Add([]byte(lines[1] + lines[0]))
	f.Add([]byte(strings.Replace(cp.String(), hashes[3], strings.ToUpper(hashes[3]), 1)))
	f.Add([]byte(cp.String() + `{"seq":5,"hash":"00"}` + "\n"))
	f.Add([]byte("\r\n" + lines[3] + "   \n"))
	f.Add([]byte(`{"seq":1,"hash":"` + hashes[1] + `","SEQ":2}` + "\n{\"seq\":1e0,\"hash\":\"x\"}"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, copyOf []byte) {
		rep, err := VerifyWithCopy(ctx, st, bytes.NewReader(copyOf))
		// The reference reading of the copy.
		wantErr, wantOK := false, true
		prev := int64(0)
		for _, ln := range strings.Split(string(copyOf), "\n") {
			ln = strings.TrimSuffix(ln, "\r")
			if strings.TrimSpace(ln) == "" {
				continue
			}
			var e Entry
			if json.Unmarshal([]byte(ln), &e) != nil || e.Seq <= prev || e.Hash == "" {
				wantErr = true
				break
			}
			prev = e.Seq
			if e.Seq > head || hashes[e.Seq] != e.Hash {
				wantOK = false
				break
			}
		}
		switch {
		case wantErr && err == nil:
			t.Fatalf("copy %q: no error (report %s)", copyOf, rep)
		case !wantErr && err != nil:
			t.Fatalf("copy %q: error %v", copyOf, err)
		case !wantErr && rep.OK != wantOK:
			t.Fatalf("copy %q: report %s, want OK=%v", copyOf, rep, wantOK)
		}
	})
}
