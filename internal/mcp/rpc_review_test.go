package mcp

import (
	"strings"
	"testing"
)

// Envelope edge cases from the adversarial review of JSON-RPC handling:
// each is refused with an error (never a panic or a hang) or accepted with
// its id kept byte for byte, so responses can be matched exactly.
func TestDecodeEnvelopeEdgeCases(t *testing.T) {
	deep := strings.Repeat("[", 200000) + strings.Repeat("]", 200000)
	cases := []struct {
		name   string
		in     string
		err    bool
		wantID string
	}{
		{"empty batch", `[]`, true, ""},
		{"nested batch", `[[{"jsonrpc":"2.0","id":1,"method":"ping"}]]`, true, ""},
		{"BOM", "\xef\xbb\xbf" + `{"jsonrpc":"2.0","id":1,"method":"ping"}`, true, ""},
		{"raw NUL in a string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"pi\x00ng\"}", true, ""},
		{"CRLF whitespace", "{\"jsonrpc\":\"2.0\",\r\n\"id\":1,\r\n\"method\":\"ping\"}\r\n", false, "1"},
		{"jsonrpc missing", `{"id":1,"method":"ping"}`, true, ""},
		{"jsonrpc 1.0", `{"jsonrpc":"1.0","id":1,"method":"ping"}`, true, ""},
		{"method and result", `{"jsonrpc":"2.0","id":1,"method":"ping","result":{}}`, true, ""},
		{"params a number", `{"jsonrpc":"2.0","id":1,"method":"ping","params":5}`, true, ""},
		{"params a string", `{"jsonrpc":"2.0","id":1,"method":"ping","params":"x"}`, true, ""},
		{"extra members ignored", `{"jsonrpc":"2.0","id":1,"method":"ping","x":[1]}`, false, "1"},
		{"id 1e400", `{"jsonrpc":"2.0","id":1e400,"method":"ping"}`, true, ""},
		{"float id kept as written", `{"jsonrpc":"2.0","id":1.0,"method":"ping"}`, false, "1.0"},
		{"negative zero id", `{"jsonrpc":"2.0","id":-0,"method":"ping"}`, false, "-0"},
		{"id beyond float64 precision", `{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"}`, false, "123456789012345678901234567890"},
		{"unicode string id", `{"jsonrpc":"2.0","id":"\u00e9\ud83d\ude00","method":"ping"}`, false, `"\u00e9\ud83d\ude00"`},
		{"lone surrogate in method", `{"jsonrpc":"2.0","id":1,"method":"ping\ud800"}`, false, "1"},
		{"invalid UTF-8 in params", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":\"\xff\"}}", false, "1"},
		{"deeply nested params", `{"jsonrpc":"2.0","id":1,"method":"x","params":{"a":` + deep + `}}`, true, ""},
		{"deep batch", deep, true, ""},
		{"method longer than the limit", `{"jsonrpc":"2.0","id":1,"method":"` + strings.Repeat("m", 1<<20) + `"}`, true, ""},
		{"notification method longer than the limit", `{"jsonrpc":"2.0","method":"notifications/` + strings.Repeat("m", maxMethodBytes) + `"}`, true, ""},
		{"method at the limit", `{"jsonrpc":"2.0","id":1,"method":"` + strings.Repeat("m", maxMethodBytes) + `"}`, false, "1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := Decode([]byte(c.in))
			if (err != nil) != c.err {
				t.Fatalf("error = %v, want error %v", err, c.err)
			}
			if err == nil && string(m.ID) != c.wantID {
				t.Errorf("id = %s, want %s", m.ID, c.wantID)
			}
		})
	}
}
