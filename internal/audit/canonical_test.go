package audit

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: ` { "b" : 1, "a" : [ true, false, null ] } `, want: `{"a":[true,false,null],"b":1}`},
		{in: `{"z":{"y":2,"x":1},"a":"<&>"}`, want: `{"a":"<&>","z":{"x":1,"y":2}}`},
		{in: `"\u00e9\u2028\ud83d\ude00"`, want: `"é\u2028😀"`}, // U+2028 stays escaped (encoding/json does so for JavaScript safety)
		{in: `[1.0, 1e2, -0, -0.0, 0.1, 1E-7, 12345678901234567890, 1.5e300]`, want: `[1,100,0,0,0.1,1e-7,12345678901234567890,1.5e+300]`},
		{in: `{"é":1,"e":2,"":3}`, want: `{"":3,"e":2,"é":1}`},
		{in: `{}`, want: `{}`},
		{in: `{"a":1,"a":2}`, bad: true},
		{in: `{"a":{"b":1,"b":1}}`, bad: true},
		{in: `{"a":1} {}`, bad: true},
		{in: `{"a":1`, bad: true},
		{in: ``, bad: true},
		{in: `1e400`, bad: true},
		{in: strings.Repeat("[", 300) + strings.Repeat("]", 300), bad: true},
	}
	for _, tt := range tests {
		got, err := Canonical([]byte(tt.in))
		if tt.bad {
			if err == nil {
				t.Errorf("Canonical(%.40q) = %s, want error", tt.in, got)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("Canonical(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestDigestArgs(t *testing.T) {
	a, err := DigestArgs(json.RawMessage(`{"path":"/etc/passwd","opts":{"b":1,"a":2}}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := DigestArgs(json.RawMessage("{\"opts\":{\"a\":2.0,\"b\":1},\n \"path\":\"/etc/passwd\"}"))
	c, _ := DigestArgs(json.RawMessage(`{"path":"/etc/shadow","opts":{"b":1,"a":2}}`))
	e1, _ := DigestArgs(nil)
	e2, _ := DigestArgs(json.RawMessage(` {} `))
	if a != b || a == c || len(a) != 64 || e1 != e2 {
		t.Fatalf("digests: a=%s b=%s c=%s empty=%s/%s", a, b, c, e1, e2)
	}
	if _, err := DigestArgs(json.RawMessage(`{"a":1,"a":2}`)); err == nil {
		t.Fatal("ambiguous arguments digested")
	}
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{`{"b":1,"a":[1.5,"x",null]}`, `[-0.0,1e21,1E-7]`, `"\u0000\ud800"`, `{"a":{"a":{}}}`, `12345678901234567890123`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := Canonical(in)
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid output %q for %q", out, in)
		}
		again, err := Canonical(out)
		if err != nil || string(again) != string(out) {
			t.Fatalf("not idempotent: %q -> %q (%v)", out, again, err)
		}
		var x, y any
		if json.Unmarshal(in, &x) != nil || json.Unmarshal(out, &y) != nil || !reflect.DeepEqual(x, y) {
			t.Fatalf("meaning changed: %q -> %q", in, out)
		}
	})
}

// FuzzCanonicalMatchesReference checks the one-pass canonicalizer against
// the tokenizer-based reference, byte for byte.
func FuzzCanonicalMatchesReference(f *testing.F) {
	for _, s := range []string{`{"b":1,"a":[1.50,"x\u2028",{"z":null,"y":true}]}`, `"\u0001\b<>&\ud800"`, `-0.0`, `[1e3, 10, -0]`, `{"a":1,"a":2}`, `{ }`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		want, werr := canonicalSlow(doc)
		got, gerr := Canonical(doc)
		if (werr != nil) != (gerr != nil) {
			t.Fatalf("Canonical(%q): error %v, reference %v", doc, gerr, werr)
		}
		if werr == nil && !bytes.Equal(got, want) {
			t.Fatalf("Canonical(%q) = %s, reference %s", doc, got, want)
		}
	})
}
