package mcp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestDuplicateKey(t *testing.T) {
	many := func(n int, dupAt int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			k := i
			if i == dupAt {
				k = 3
			}
			fmt.Fprintf(&b, `"k%d":{"a":[1,{"b":2}]}`, k)
		}
		b.WriteString("}")
		return b.String()
	}
	tests := []struct {
		doc string
		dup string // "" for none
	}{
		{`{}`, ""},
		{`[]`, ""},
		{`"x"`, ""},
		{`{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}`, ""},
		{`{"name":"allowed","name":"forbidden"}`, "name"},
		{`{"params":{"name":"a","arguments":{},"name":"b"}}`, "name"},
		{`{"a":[{"x":1,"y":2,"x":3}]}`, "x"},
		{`{"n\u0061me":"a","name":"b"}`, "name"},
		{`{"a\"b":1,"a\"b":2}`, `a"b`},
		{`{"a":"}\",","a":1}`, "a"},
		{` { "a" : 1 , "b" : [ 1 , 2 ] , "a" : 3 } `, "a"},
		{many(100, -1), ""},
		{many(100, 60), "k3"},
		{many(20, 17), "k3"},
		{`{"o":` + many(40, -1) + `,"p":` + many(40, -1) + `}`, ""},
		// Case variants are one name to Go's encoding/json.
		{`{"method":"roots/list","Method":"sampling/createMessage"}`, "Method"},
		{`{"arguments":{},"argument\u017f":{}}`, "argument\u017f"},
		{`{"Token":1,"to\u212aen":2}`, "to\u212aen"},
		{`{"\u03a3":1,"\u03c2":2}`, "\u03c2"},
		{`{"a":1,"A":{"a":2,"b":3}}`, "A"},
		{`{"name":1,"nam":2,"names":3,"n\u00e4me":4}`, ""},
		{strings.Replace(many(20, -1), `"k19"`, `"K3"`, 1), "K3"},
	}
	for _, tt := range tests {
		got, found := DuplicateKey([]byte(tt.doc))
		if found != (tt.dup != "") || got != tt.dup {
			t.Errorf("DuplicateKey(%.60s) = %q, %v; want %q", tt.doc, got, found, tt.dup)
		}
	}
}

func TestDecodeRefusesDuplicateNames(t *testing.T) {
	for _, msg := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read","arguments":{},"name":"delete"}}`,
		`{"jsonrpc":"2.0","id":1,"method":"tools/call","method":"ping"}`,
		`{"jsonrpc":"2.0","id":1,"result":{"content":[],"content":[{"type":"text","text":"x"}]}}`,
	} {
		if _, err := Decode([]byte(msg)); err == nil || !strings.Contains(err.Error(), "more than once") {
			t.Errorf("Decode(%s) = %v, want a duplicate-name error", msg, err)
		}
	}
}

// dupReference finds duplicates with encoding/json's tokenizer.
func dupReference(doc []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(doc))
	var walk func() bool
	walk = func() bool {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				k, _ := dec.Token()
				if seen[k.(string)] {
					return true
				}
				seen[k.(string)] = true
				if walk() {
					return true
				}
			}
			_, _ = dec.Token()
		case json.Delim('['):
			for dec.More() {
				if walk() {
					return true
				}
			}
			_, _ = dec.Token()
		}
		return false
	}
	return walk()
}

func FuzzDuplicateKey(f *testing.F) {
	for _, s := range []string{`{"a":1,"a":2}`, `{"a":{"b":1,"c":[{"b":1}]}}`, `[{"x":1},{"x":1}]`, `{"\u0061":1,"a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		if !json.Valid(doc) {
			DuplicateKey(doc) // must not panic or hang on anything
			return
		}
		if _, got := DuplicateKey(doc); got != dupReference(doc) {
			t.Errorf("DuplicateKey(%q) = %v, reference %v", doc, got, !got)
		}
	})
}

func BenchmarkDuplicateKey(b *testing.B) {
	var tools []string
	for i := range 100 {
		tools = append(tools, fmt.Sprintf(`{"name":"tool_%d","description":"Reads a file from the workspace and returns its contents as text.","inputSchema":{"type":"object","properties":{"path":{"type":"string","description":"file path"},"limit":{"type":"integer"}},"required":["path"]},"annotations":{"readOnlyHint":true}}`, i))
	}
	docs := map[string][]byte{
		"tools-100":   []byte(`{"tools":[` + strings.Join(tools, ",") + `]}`),
		"text-100KiB": []byte(`{"content":[{"type":"text","text":"` + strings.Repeat("lorem ipsum ", 100<<10/12) + `"}],"isError":false}`),
	}
	for name, doc := range docs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				if _, dup := DuplicateKey(doc); dup {
					b.Fatal("duplicate")
				}
			}
		})
	}
}
