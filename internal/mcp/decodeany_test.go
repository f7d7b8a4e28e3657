package mcp

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// reference decodes the way the JSON Schema library does.
func reference(b []byte) (any, error) {
	if !json.Valid(b) {
		return nil, errMalformed
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func TestDecodeAny(t *testing.T) {
	for _, s := range []string{
		`{"a":1,"b":[true,false,null,"x\n\u00e9"],"c":{"d":-1.5e3}}`, `[]`, `{}`, `"s"`, `12345678901234567890`,
	} {
		got, err := DecodeAny([]byte(s))
		want, _ := reference([]byte(s))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("DecodeAny(%s) = %#v, %v; want %#v", s, got, err, want)
		}
	}
	for _, bad := range []string{``, `{`, `{"a"}`, `{"a":}`, `[1,]`, `[1 2]`, `tru`, `01`, `+1`, `.5`, `1.`, `{"a":1}x`, `"abc`, `{1:2}`} {
		if _, err := DecodeAny([]byte(bad)); err == nil {
			t.Errorf("DecodeAny(%q) accepted malformed JSON", bad)
		}
	}
}

// FuzzDecodeAny checks DecodeAny against encoding/json: same acceptance,
// same value.
func FuzzDecodeAny(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5,"x"],"b":{"c":null}}`, `"\ud800"`, `[1e5,-0,true]`, `{"a":1,"a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := DecodeAny(b)
		want, werr := reference(b)
		if (err == nil) != (werr == nil) {
			t.Fatalf("DecodeAny(%q): err %v, encoding/json err %v", b, err, werr)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("DecodeAny(%q) = %#v, encoding/json %#v", b, got, want)
		}
	})
}
