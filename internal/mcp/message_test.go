package mcp

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestDecode(t *testing.T) {
	cases := []struct {
		in   string
		kind Kind
		err  bool
	}{
		{`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`, KindRequest, false},
		{`{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"x"}}`, KindRequest, false},
		{`{"jsonrpc":"2.0","method":"notifications/initialized"}`, KindNotification, false},
		{`{"jsonrpc":"2.0","id":7,"result":{}}`, KindResponse, false},
		{`{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}`, KindInvalid, false},
		{`{"jsonrpc":"2.0","id":7,"error":{"code":-1,"message":"x"}}`, KindResponse, false},
		{` {"jsonrpc":"2.0","id":1,"method":"x"} `, KindRequest, false},
		{`[{"jsonrpc":"2.0","id":1,"method":"x"}]`, 0, true},
		{`{"jsonrpc":"1.0","id":1,"method":"x"}`, 0, true},
		{`{"id":1,"method":"x"}`, 0, true},
		{`{"jsonrpc":"2.0","id":{},"method":"x"}`, 0, true},
		{`{"jsonrpc":"2.0","id":true,"method":"x"}`, 0, true},
		{`{"jsonrpc":"2.0","id":1,"method":"x","params":"s"}`, 0, true},
		{`{"jsonrpc":"2.0","id":1,"method":"x","result":{}}`, 0, true},
		{`{"jsonrpc":"2.0","id":1}`, 0, true},
		{`{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":""}}`, 0, true},
		{`{"jsonrpc":"2.0"}`, 0, true},
		{`{"jsonrpc":"2.0","id":1,"result":{}`, 0, true},
		{``, 0, true},
		{`"str"`, 0, true},
	}
	for _, c := range cases {
		m, err := Decode([]byte(c.in))
		if (err != nil) != c.err {
			t.Errorf("Decode(%s) error = %v, want error %v", c.in, err, c.err)
			continue
		}
		if err == nil && m.Kind() != c.kind {
			t.Errorf("Decode(%s).Kind() = %v, want %v", c.in, m.Kind(), c.kind)
		}
	}
}

func TestEncodeKeepsRawPartsAndIDs(t *testing.T) {
	in := `{"jsonrpc":"2.0","id":"x-1","method":"vendor/thing","params":{"b":1,"a":{"_meta":{"k":"v"}},"unknown":[1,2]}}`
	m, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(m.Encode()); got != in {
		t.Errorf("Encode = %s, want the input byte for byte", got)
	}
	r := NewResult(IntID(3), map[string]int{"n": 1})
	if got := string(r.Encode()); got != `{"jsonrpc":"2.0","id":3,"result":{"n":1}}` {
		t.Errorf("result = %s", got)
	}
	e := NewErrorResponse(nil, NewError(CodeParseError, "bad", nil))
	if got := string(e.Encode()); got != `{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}` {
		t.Errorf("error = %s", got)
	}
}

func TestVersions(t *testing.T) {
	for _, v := range AllVersions() {
		if !IsSupported(v) {
			t.Errorf("%s not supported", v)
		}
	}
	if IsSupported("2099-01-01") || IsModern("2025-11-25") || !IsModern(Version20260728) {
		t.Error("version classification is wrong")
	}
}

// FuzzDecode checks that Decode never panics and that whatever it accepts
// survives an Encode/Decode round trip unchanged.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`,
		`{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":2}}`,
		`{"jsonrpc":"2.0","id":"a","result":{"tools":[]}}`,
		`{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"no","data":{"x":1}}}`,
		`[1]`, `{}`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b)
		if err != nil {
			return
		}
		enc := m.Encode()
		if !json.Valid(enc) {
			t.Fatalf("Encode produced invalid JSON: %s", enc)
		}
		m2, err := Decode(enc)
		if err != nil {
			t.Fatalf("re-decoding %s: %v", enc, err)
		}
		if m2.Method != m.Method || !bytes.Equal(m2.ID, m.ID) || m2.Kind() != m.Kind() {
			t.Fatalf("round trip changed the message: %s -> %s", b, enc)
		}
	})
}

func FuzzParseObject(f *testing.F) {
	f.Add([]byte(`{"name":"x","_meta":{"progressToken":1}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := ParseObject(b)
		if err != nil {
			return
		}
		_ = o.String("name")
		_ = o.Object("_meta")
		if !json.Valid(o.Encode()) {
			t.Fatal("Encode produced invalid JSON")
		}
	})
}
