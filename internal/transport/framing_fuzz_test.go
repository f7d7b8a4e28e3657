package transport

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	wmcp "github.com/warden-mcp/warden/internal/mcp"
)

// FuzzSniff: the transports route and label a message (ids, Mcp-Method and
// Mcp-Name headers, cancellations) from what sniff scans out of it. On a
// valid message without duplicate names that must be what encoding/json,
// and so the gateway's guards, read: a header naming another tool than the
// body is a request routed past the policy that judged it.
func FuzzSniff(f *testing.F) {
	for _, s := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{}}}`,
		`{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"\u006eame":"delete_all","uri":"read_file"}}`,
		`{"jsonrpc":"2.0","id":2,"method":"resources/read","params":{"uri":"file:///x","_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}`,
		`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"x"}}`,
		`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"request\u0049d":7}}`,
		`{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"x"}}`,
		`{"jsonrpc":"2.0","id":3,"result":{"tools":[]}}`,
		"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"a\xffb\"}}",
		`{"id":5,"method":"x","params":{"_meta":{"io.modelcontextprotocol/protocol\u0056ersion":"2026-07-28"}}}`,
		`[{"id":1}]`, `  {"id":1e2,"result":0}  `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, msg []byte) {
		s, err := sniff(msg)
		// Member names match exactly, as the gateway reads them (mcp.Object,
		// mcp.Field); the gateway re-encodes the envelope, so its top-level
		// names reach sniff in their one spelling.
		var m map[string]json.RawMessage
		if json.Unmarshal(msg, &m) != nil || m == nil {
			return
		}
		if _, dup := wmcp.DuplicateKey(msg); dup {
			return
		}
		if err != nil {
			t.Fatalf("sniff(%q) refused a JSON object: %v", msg, err)
		}
		want := sniffed{Method: jsonString(m["method"])}
		if id := m["id"]; len(id) > 0 && string(id) != "null" {
			want.ID = id
		}
		want.IsResp = want.Method == "" && (m["result"] != nil || m["error"] != nil)
		var p, meta map[string]json.RawMessage
		if pr := m["params"]; len(pr) > 0 && pr[0] == '{' && json.Unmarshal(pr, &p) == nil {
			_ = json.Unmarshal(p["_meta"], &meta)
			want.Modern = jsonString(meta[modernVersionKey])
			if want.Name = jsonString(p["name"]); want.Name == "" {
				want.Name = jsonString(p["uri"])
			}
			want.CancelsID = p["requestId"]
		}
		if s.Method != want.Method || string(s.ID) != string(want.ID) || s.IsResp != want.IsResp ||
			s.Modern != want.Modern || s.Name != want.Name || string(s.CancelsID) != string(want.CancelsID) {
			t.Fatalf("sniff(%q)\n = %+v\nencoding/json reads %+v", msg, s, want)
		}
		if id, ok := responseID(msg); ok != want.IsResp && want.Method == "" {
			t.Fatalf("responseID(%q) = %q, %v; IsResp %v", msg, id, ok, want.IsResp)
		}
	})
}

// jsonString decodes a JSON string, or "" for anything else.
func jsonString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// FuzzReadBoundedLine: stdio framing of an upstream's stdout. Every line
// comes out whole and at most max bytes long, or as a *TooLargeError with
// its true size; a final unterminated line ends with io.EOF.
func FuzzReadBoundedLine(f *testing.F) {
	f.Add([]byte("{\"id\":1}\n{\"id\":2}\r\n\n"), uint8(16))
	f.Add([]byte(strings.Repeat("x", 40)+"\nshort\n"+strings.Repeat("y", 17)), uint8(16))
	f.Add([]byte(strings.Repeat("z", 17)), uint8(16))
	f.Add([]byte("\n\n\n"), uint8(0))
	f.Add([]byte(`{"result":{"t":"`+strings.Repeat("a", 100)+`"},"id":9}`+"\n"), uint8(20))
	f.Fuzz(func(t *testing.T, in []byte, maxLen uint8) {
		max := int(maxLen % 64)
		br := bufio.NewReaderSize(bytes.NewReader(in), 16) // small: lines span buffer refills
		segs := bytes.SplitAfter(in, []byte("\n"))
		for i, seg := range segs {
			line, err := readBoundedLine(br, max)
			last := i == len(segs)-1
			content := bytes.TrimSuffix(seg, []byte("\n"))
			var tl *TooLargeError
			switch {
			case errors.As(err, &tl):
				if last || len(content) <= max || tl.Size != int64(len(content)) || line != nil {
					t.Fatalf("segment %d (%d bytes, max %d): %v, size %d, line %q", i, len(content), max, err, tl.Size, line)
				}
			case last:
				if err != io.EOF {
					t.Fatalf("final segment %q: err %v, want io.EOF", seg, err)
				}
				if len(line) > max || (len(content) <= max && !bytes.Equal(line, content)) {
					t.Fatalf("final segment %q (max %d): line %q", seg, max, line)
				}
			default:
				if err != nil || !bytes.Equal(line, content) || len(line) > max {
					t.Fatalf("segment %d %q (max %d): line %q, %v", i, seg, max, line, err)
				}
			}
		}
	})
}

// FuzzHTTPErrorResponse: a non-2xx answer to request id always becomes a
// JSON-RPC error response the gateway accepts and that answers id, so the
// caller waiting on id is never left hanging, whatever the body holds.
func FuzzHTTPErrorResponse(f *testing.F) {
	f.Add([]byte(`7`), 500, []byte(`{"jsonrpc":"2.0","id":7,"error":{"code":-32001,"message":"boom"}}`))
	f.Add([]byte(`7`), 400, []byte(`{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"bad"}}`))
	f.Add([]byte(`"a"`), 404, []byte(`<html>not found</html>`))
	f.Add([]byte(`7`), 500, []byte(`{"jsonrpc":"2.0","id":7,"error":{"code":"x"}}`))
	f.Add([]byte(`7`), 500, []byte(`{"jsonrpc":"2.0","id":7,"id":8,"error":{"code":1,"message":"m"}}`))
	f.Add([]byte(`7`), 500, []byte(`{"jsonrpc":"2.0","id":7,"method":"x","error":{"code":1,"message":"m"}}`))
	f.Add([]byte(`7`), 500, []byte(`{"jsonrpc":"2.0","id":  7 ,"error":{}}`))
	f.Fuzz(func(t *testing.T, id []byte, status int, body []byte) {
		if !validRequestID(id) {
			return
		}
		out := httpErrorResponse(id, status, body)
		m, err := wmcp.Decode(out)
		if err != nil {
			t.Fatalf("httpErrorResponse(%s, %d, %q) = %q, which the gateway refuses: %v", id, status, body, out, err)
		}
		if m.Error == nil || m.Method != "" || idKey(m.ID) != idKey(id) {
			t.Fatalf("httpErrorResponse(%s, %d, %q) = %q: not an error answering %s", id, status, body, out, id)
		}
		if got, _ := wmcp.Field(out, "id"); idKey(got) != idKey(id) {
			t.Fatalf("httpErrorResponse(%s, %d, %q) = %q: scanned id %q", id, status, body, out, got)
		}
	})
}

// validRequestID reports whether id is an id the gateway would send: a
// JSON string or number, compact.
func validRequestID(id []byte) bool {
	if len(id) == 0 || !json.Valid(id) || !bytes.Equal(bytes.TrimSpace(id), id) {
		return false
	}
	m, err := wmcp.Decode([]byte(`{"jsonrpc":"2.0","id":` + string(id) + `,"method":"x"}`))
	return err == nil && m.ID != nil
}

// FuzzEncodeHeaderValue: a name copied into Mcp-Name is plain visible
// ASCII without edge spaces, or the Base64 sentinel form, and either way
// decodes back to the name.
func FuzzEncodeHeaderValue(f *testing.F) {
	for _, s := range []string{"read_file", " lead", "trail ", "naïve", "a\r\nX-Evil: 1", "=?base64?aGk=?=", "", "\x7f", "tab\tname"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		h := encodeHeaderValue(v)
		for i := 0; i < len(h); i++ {
			if h[i] < 0x20 || h[i] >= 0x7f {
				t.Fatalf("encodeHeaderValue(%q) = %q: byte %#x", v, h, h[i])
			}
		}
		got := h
		if strings.HasPrefix(h, "=?base64?") && strings.HasSuffix(h, "?=") && len(h) >= len("=?base64??=") {
			b, err := base64.StdEncoding.DecodeString(h[len("=?base64?") : len(h)-2])
			if err != nil {
				t.Fatalf("encodeHeaderValue(%q) = %q: %v", v, h, err)
			}
			got = string(b)
		} else if h != "" && (h[0] == ' ' || h[len(h)-1] == ' ') {
			t.Fatalf("encodeHeaderValue(%q) = %q: edge space", v, h)
		}
		if got != v {
			t.Fatalf("encodeHeaderValue(%q) = %q, decodes to %q", v, h, got)
		}
	})
}
