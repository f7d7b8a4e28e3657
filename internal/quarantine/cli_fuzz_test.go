package quarantine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/store"
)

// unsafeRune reports runes that must not reach an operator's terminal raw:
// C0 controls but line feed and tab, DEL, C1 controls (CSI is U+009B),
// bidi marks, embeddings, overrides and isolates, and line separators.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r < 0xa0,
		r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// FuzzQuarantineCLI: entries hold what servers and clients chose (names,
// methods, principals, content) and ids come from the operator's command
// line. An id names an entry only when it is exactly the entry's id; and
// whatever an entry holds, `warden quarantine show|list|release` (text or
// JSON) prints no terminal control, and the JSON keeps the values.
func FuzzQuarantineCLI(f *testing.F) {
	kv := openKV(f)
	qs := &Store{KV: kv, MaxPerHour: -1}
	ctx := context.Background()
	f.Add("sampling/createMessage\x1b]52;c;ZXZpbA==\a", "alice\n[released] by admin", "tool\u2066hidden\u2069", "s\u202eevil",
		[]byte("{\"text\":\"a\u202eb\\u001b[2J\u009b31m\"}"), "", false)
	f.Add("tools/call", "bob", "read", "s", []byte(`not json \x1b[31m`), "../allow/sha256:abc", true)
	f.Add("\xff\xfe", "\u0085", "\u2028", "\xc2\x9b", []byte("\"\xff\""), "q-20260101-000000-0000000000", false)
	f.Add("m", "p", strings.Repeat("é", 150), "s", []byte(`{}`), "Q-20260101-000000-abcdefabcd", true)
	f.Fuzz(func(t *testing.T, method, principal, name, session string, content []byte, id string, release bool) {
		e := sample()
		e.Method, e.Principal, e.Name, e.Session, e.Content = method, principal, name, session, content
		e.Rules = []string{name, method}
		if !json.Valid(content) {
			// The guard stores content as JSON; json.Marshal refuses
			// anything else, so keep the bytes as a JSON string.
			b, _ := json.Marshal(string(content))
			e.Content = b
		}
		e, err := qs.Put(ctx, e)
		if err != nil {
			t.Fatalf("Put: %v", err)
		}
		if id != e.ID {
			if _, err := qs.Get(ctx, id); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("Get(%q) = %v; only %q names the entry", id, err, e.ID)
			}
		}
		cmds := [][]string{{"show", e.ID}, {"show", e.ID, "--json"}, {"list", "--server", e.Server}, {"show", id}}
		if release {
			cmds = append(cmds, []string{"release", e.ID, "--by", principal}, []string{"list", "--json"}, []string{"allowlist"})
		}
		for _, args := range cmds {
			var out, errb bytes.Buffer
			RunCLI(ctx, kv, args, &out, &errb)
			for _, b := range [][]byte{out.Bytes(), errb.Bytes()} {
				for i, r := range string(b) {
					if unsafeRune(r) {
						t.Fatalf("%q: output holds %U at %d:\n%q", args, r, i, b)
					}
				}
			}
			if len(args) == 3 && args[2] == "--json" {
				var got Entry
				if err := json.Unmarshal(out.Bytes(), &got); err != nil {
					t.Fatalf("show --json: %v\n%q", err, out.Bytes())
				}
				for _, p := range [][2]string{{got.Method, method}, {got.Principal, principal}, {got.Name, name}, {got.Session, session}} {
					if p[0] != strings.ToValidUTF8(p[1], "\uFFFD") && utf8.ValidString(p[1]) {
						t.Fatalf("show --json changed %q to %q", p[1], p[0])
					}
				}
			}
		}
		_ = kv.Delete(ctx, Namespace, entryPrefix+e.ID, 0) // keeps list short
	})
}
