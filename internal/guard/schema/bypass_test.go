package schema

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/warden-mcp/warden/internal/guard"
)

// A schema without additionalProperties: false lets unknown members
// through; Go servers bind a member named like a declared property in
// another letter case ("PATH", "ſql" with U+017F) to that property, which
// the validator then never checked. Likewise "Arguments" for "arguments".
func TestCaseVariantsOfDeclaredNamesRefused(t *testing.T) {
	const open = `{"name":"t","inputSchema":{"type":"object",
  "properties":{"path":{"type":"string","pattern":"^/srv/"},"sql":{"type":"string","maxLength":10},
    "opts":{"type":"object","properties":{"mode":{"enum":["fast"]}}},
    "list":{"type":"array","items":{"$ref":"#/$defs/item"}}},
  "$defs":{"item":{"type":"object","properties":{"url":{"type":"string","pattern":"^https://ok/"}}}}}}`
	g := NewWithSettings(Defaults(), nil)
	tests := []struct {
		name, params string
		ok           bool
	}{
		{"exact", `{"name":"t","arguments":{"path":"/srv/a","opts":{"mode":"fast"},"list":[{"url":"https://ok/x"}]}}`, true},
		{"unknown member", `{"name":"t","arguments":{"other":1}}`, true},
		{"upper case", `{"name":"t","arguments":{"PATH":"/etc/shadow"}}`, false},
		{"long s", `{"name":"t","arguments":{"\u017fql":"drop table customers"}}`, false},
		{"nested", `{"name":"t","arguments":{"opts":{"MODE":"slow"}}}`, false},
		{"through items and $ref", `{"name":"t","arguments":{"list":[{"URL":"http://169.254.169.254/"}]}}`, false},
		{"arguments in another case", `{"name":"t","Arguments":{"path":"/etc/shadow"}}`, false},
		{"arguments with long s", `{"name":"t","argument\u017f":{"path":"/etc/shadow"}}`, false},
		{"nested too deep to check", `{"name":"t","arguments":{"opts":` + strings.Repeat(`{"a":`, 600) + `1` + strings.Repeat(`}`, 601) + `}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "s", Name: "t",
				Tool: json.RawMessage(open), Params: json.RawMessage(tt.params)}
			v, err := g.Inspect(context.Background(), e)
			if err != nil {
				t.Fatal(err)
			}
			if (v.Action == guard.Allow) != tt.ok {
				t.Fatalf("%s: %+v", tt.params, v)
			}
		})
	}
}

// Nothing is fetched: not a remote $ref, $schema or $id-relative
// reference (a loopback server counts requests), nor a file.
func TestReferencesNeverFetched(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/schema+json")
		w.Write([]byte(`{"type":"object"}`))
	}))
	defer srv.Close()
	dir := t.TempDir()
	file := filepath.Join(dir, "s.json")
	if err := os.WriteFile(file, []byte(`{"type":"object"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	schemas := []string{
		`{"$ref":"` + srv.URL + `/s.json"}`,
		`{"$schema":"` + srv.URL + `/meta.json","type":"object"}`,
		`{"$id":"` + srv.URL + `/base/","type":"object","properties":{"a":{"$ref":"s.json"}}}`,
		`{"type":"object","properties":{"a":{"$ref":"file://` + file + `"}}}`,
		`{"$id":"file://` + dir + `/","type":"object","properties":{"a":{"$ref":"s.json"}}}`,
		`{"type":"object","properties":{"a":{"$dynamicRef":"` + srv.URL + `/d.json#x"}}}`,
	}
	g := NewWithSettings(Defaults(), nil)
	for _, s := range schemas {
		e := &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "s", Name: "t",
			Tool: json.RawMessage(`{"name":"t","inputSchema":` + s + `}`), Params: json.RawMessage(`{"name":"t","arguments":{"a":1}}`)}
		v, err := g.Inspect(context.Background(), e)
		if err != nil {
			t.Fatal(err)
		}
		if v.Action != guard.Deny || !strings.Contains(v.Reason, "refuses") {
			t.Errorf("%s: %+v", s, v)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("%d fetches", n)
	}
}
