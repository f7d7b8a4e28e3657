package schema

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

const toolDef = `{"name":"search","inputSchema":{
  "type":"object",
  "properties":{
    "query":{"type":"string","minLength":1,"maxLength":200},
    "limit":{"type":"integer","minimum":1,"maximum":100},
    "filters":{"type":"object","properties":{"lang":{"enum":["en","de"]}},"additionalProperties":false},
    "tags":{"type":"array","items":{"$ref":"#/$defs/tag"}}
  },
  "required":["query"],
  "additionalProperties":false,
  "$defs":{"tag":{"type":"string","pattern":"^[a-z]+$"}}
}}`

const draft7Def = `{"name":"old","inputSchema":{
  "$schema":"http://json-schema.org/draft-07/schema#",
  "type":"object",
  "properties":{"n":{"type":"number","exclusiveMaximum":10},"items":{"type":"array","items":[{"type":"string"}],"additionalItems":false}},
  "definitions":{"x":{"type":"string"}},
  "required":["n"]
}}`

func ex(tool, args string) *guard.Exchange {
	e := &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "s", Name: "t",
		Params: json.RawMessage(fmt.Sprintf(`{"name":"t","arguments":%s}`, args))}
	if tool != "" {
		e.Tool = json.RawMessage(tool)
	}
	return e
}

func TestValidate(t *testing.T) {
	g := NewWithSettings(Defaults(), nil)
	tests := []struct {
		name, tool, args string
		ok               bool
		want             string
	}{
		{"valid", toolDef, `{"query":"mcp","limit":5,"filters":{"lang":"en"},"tags":["a","b"]}`, true, ""},
		{"missing required", toolDef, `{"limit":5}`, false, "(arguments): missing property 'query'"},
		{"wrong type", toolDef, `{"query":"x","limit":"5"}`, false, "/limit: got string, want integer"},
		{"out of range", toolDef, `{"query":"x","limit":1000}`, false, "/limit: "},
		{"enum", toolDef, `{"query":"x","filters":{"lang":"fr"}}`, false, "/filters/lang"},
		{"extra property", toolDef, `{"query":"x","evil":true}`, false, "additional properties 'evil' not allowed"},
		{"ref pattern", toolDef, `{"query":"x","tags":["ok","NO"]}`, false, "/tags/1"},
		{"too long", toolDef, `{"query":"` + strings.Repeat("a", 201) + `"}`, false, "/query"},
		{"arguments not object", toolDef, `[1]`, false, "must be a JSON object"},
		{"no arguments", toolDef, `null`, false, "missing property 'query'"},
		{"draft-07 ok", draft7Def, `{"n":3,"items":["a"]}`, true, ""},
		{"draft-07 exclusiveMaximum", draft7Def, `{"n":10}`, false, "/n"},
		{"draft-07 additionalItems", draft7Def, `{"n":1,"items":["a","b"]}`, false, "/items"},
		{"unlisted tool", "", `{}`, false, "was not listed"},
		{"no schema", `{"name":"t"}`, `{}`, false, "no readable inputSchema"},
		{"params not object", toolDef, `1} , {`, false, "not valid JSON"},
		{"remote ref refused", `{"name":"t","inputSchema":{"$ref":"https://example.com/s.json"}}`, `{}`, false, "refuses"},
		{"deep schema refused", `{"name":"t","inputSchema":` + strings.Repeat(`{"not":`, 40) + `{}` + strings.Repeat(`}`, 40) + `}`, `{}`, false, "nested deeper"},
		{"wide composition refused", `{"name":"t","inputSchema":{"anyOf":[` + strings.TrimSuffix(strings.Repeat(`{"type":"object"},`, 300), ",") + `]}}`, `{}`, false, "composition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := g.Inspect(context.Background(), ex(tt.tool, tt.args))
			if err != nil {
				t.Fatal(err)
			}
			if (v.Action == guard.Allow) != tt.ok {
				t.Fatalf("got %+v, want ok=%v", v, tt.ok)
			}
			if !tt.ok && !strings.Contains(v.Reason, tt.want) {
				t.Fatalf("reason %q does not contain %q", v.Reason, tt.want)
			}
		})
	}
	allow := Defaults()
	allow.UnlistedTools = "allow"
	if v, _ := NewWithSettings(allow, nil).Inspect(context.Background(), ex("", `{}`)); v.Action != guard.Allow {
		t.Fatalf("unlisted_tools: allow: %+v", v)
	}
}

func TestCache(t *testing.T) {
	g := NewWithSettings(Defaults(), nil)
	for range 3 {
		if v, _ := g.Inspect(context.Background(), ex(toolDef, `{"query":"x"}`)); v.Action != guard.Allow {
			t.Fatal(v)
		}
	}
	if len(g.cache) != 1 {
		t.Fatalf("cache has %d entries, want 1", len(g.cache))
	}
	s := Defaults()
	s.CacheSize = 2
	g = NewWithSettings(s, nil)
	for i := range 5 {
		tool := fmt.Sprintf(`{"name":"t","inputSchema":{"type":"object","title":"v%d"}}`, i)
		g.Inspect(context.Background(), ex(tool, `{}`))
	}
	if len(g.cache) > 2 {
		t.Fatalf("cache not bounded: %d", len(g.cache))
	}
}

func BenchmarkValidate(b *testing.B) {
	g := NewWithSettings(Defaults(), nil)
	e := ex(toolDef, `{"query":"model context protocol","limit":20,"filters":{"lang":"en"},"tags":["spec","go"]}`)
	b.ReportAllocs()
	for b.Loop() {
		if v, _ := g.Inspect(context.Background(), e); v.Action != guard.Allow {
			b.Fatal(v)
		}
	}
}

func FuzzInspect(f *testing.F) {
	f.Add(toolDef, `{"query":"x"}`)
	f.Add(draft7Def, `{"n":1}`)
	f.Add(`{"inputSchema":{"$ref":"#"}}`, `{}`)
	f.Fuzz(func(t *testing.T, tool, args string) {
		g := NewWithSettings(Defaults(), nil)
		e := &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Tool: json.RawMessage(tool),
			Params: json.RawMessage(`{"arguments":` + args + `}`)}
		if _, err := g.Inspect(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	})
}

func TestConfigAndReload(t *testing.T) {
	dir := t.TempDir()
	gc := func(block string) config.GuardConfig {
		p := filepath.Join(dir, "w.yaml")
		doc := "version: 1\nupstreams:\n  - name: db\n    command: [\"true\"]\nguards:\n  schema:\n" + block
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		return cfg.Guard("schema")
	}
	if _, err := New(gc("    unlisted_tools: maybe\n"), nil); err == nil || !strings.Contains(err.Error(), "w.yaml:7:") {
		t.Fatalf("bad value: %v", err)
	}
	g, err := New(gc("    max_depth: 8\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := g.Inspect(context.Background(), ex("", `{}`)); v.Action != guard.Deny {
		t.Fatalf("unlisted tool allowed by default: %+v", v)
	}
	if r := g.Relaxations(); len(r) != 0 {
		t.Fatalf("defaults announced as relaxations: %q", r)
	}
	if err := g.Reload(gc("    cache_size: 0\n")); err == nil {
		t.Fatal("bad reload accepted")
	}
	if err := g.Reload(gc("    unlisted_tools: allow\n")); err != nil {
		t.Fatal(err)
	}
	if v, _ := g.Inspect(context.Background(), ex("", `{}`)); v.Action != guard.Allow {
		t.Fatalf("reload not in force: %+v", v)
	}
	if r := g.Relaxations(); len(r) != 1 || !strings.Contains(r[0], "unlisted_tools is allow") {
		t.Fatalf("relaxations: %q", r)
	}
}
