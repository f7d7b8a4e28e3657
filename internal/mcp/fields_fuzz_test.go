package mcp

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzFields: Fields is the one-pass form of Field that the transports use
// to route a message (method, id, params.name). On any input it must
// agree with Field key by key, and on valid JSON without duplicate names
// both must agree with encoding/json, escaped member names included: a
// router that reads another name than the guards did sends the request
// somewhere the policy never looked.
func FuzzFields(f *testing.F) {
	for _, s := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}`,
		`{"\u006dethod":"tools/call","id":1}`,
		`{"method":"a\"b","id":"\\"}`,
		`{"id":null,"result":{"a":"}"}}`,
		"{\"method\":\"a\xffb\",\"id\":1,\"params\":{\"name\":\"\xed\xa0\x80\"}}",
		`{"method":"\u00e9\ud800","id":[1,{"a":"]"}]}`,
		` { "id" : -1.5e3 , "error" : { } } `,
		`{"a":1,"a":2}`,
		`{"name`, `{"name":`, `{"name":"x"`, `[{"name":"x"}]`,
	} {
		f.Add([]byte(s))
	}
	keys := []string{"method", "id", "result", "error", "params", "name", "a"}
	f.Fuzz(func(t *testing.T, b []byte) {
		got := Fields(b, keys...)
		for n, k := range keys {
			v, ok := Field(b, k)
			if ok != (got[n] != nil) || string(v) != string(got[n]) {
				t.Fatalf("Fields(%q)[%q] = %q, Field = %q, %v", b, k, got[n], v, ok)
			}
		}
		var m map[string]json.RawMessage
		if json.Unmarshal(b, &m) != nil || m == nil {
			return
		}
		if _, dup := DuplicateKey(b); dup {
			return
		}
		for n, k := range keys {
			want, has := m[k]
			if has != (got[n] != nil) {
				t.Fatalf("Fields(%q)[%q] = %q, encoding/json has=%v", b, k, got[n], has)
			}
			if !has {
				continue
			}
			var ws string
			if json.Unmarshal(want, &ws) == nil {
				if s := StringValue(got[n]); s != ws {
					t.Fatalf("StringValue(%q) = %q, encoding/json %q", got[n], s, ws)
				}
				if s := FieldString(b, k); s != ws {
					t.Fatalf("FieldString(%q, %q) = %q, encoding/json %q", b, k, s, ws)
				}
			} else if StringValue(got[n]) != "" {
				t.Fatalf("StringValue(%q) = %q for a non-string", got[n], StringValue(got[n]))
			}
		}
	})
}

// FuzzArgumentsAlias: the byte prefilter must never skip a params object
// that has a member Go's encoding/json would bind to "arguments", and the
// decoded form must give the same answer.
func FuzzArgumentsAlias(f *testing.F) {
	for _, s := range []string{
		`{"name":"t","arguments":{"a":1}}`,
		`{"name":"t","Arguments":{"a":1}}`,
		`{"name":"t","argument\u017f":{}}`,
		`{"name":"t","argument` + "\u017f" + `":{}}`,
		`{"name":"t","ARGUMENTS":1,"arguments":2}`,
		`{"name":"t","\u0061rguments":{}}`,
		`{"arguments ":{}}`, `{"argumentsx":{}}`, `["arguments"]`, `"Arguments"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		got := ArgumentsAlias(p, nil)
		var top map[string]json.RawMessage
		want := false
		if json.Unmarshal(p, &top) == nil {
			for k := range top {
				if k != "arguments" && strings.EqualFold(k, "arguments") {
					want = true
				}
			}
		}
		if got != want {
			t.Fatalf("ArgumentsAlias(%q) = %v, reference %v", p, got, want)
		}
		var decoded map[string]any
		if json.Unmarshal(p, &decoded) == nil && decoded != nil {
			if d := ArgumentsAlias(p, decoded); d != want {
				t.Fatalf("ArgumentsAlias(%q, decoded) = %v, reference %v", p, d, want)
			}
		}
	})
}
