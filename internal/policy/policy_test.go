package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

func mustCompile(t testing.TB, yaml string) *Set {
	t.Helper()
	doc, locate, err := Parse("test.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Compile(doc, Options{Locate: locate})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func alice() *guard.Principal {
	return &guard.Principal{Issuer: "https://idp", Subject: "alice", ClientID: "cli", Groups: []string{"support"},
		Scopes: []string{"db.read"}, Claims: map[string]any{"tenant": "acme", "level": 3.0}}
}

func TestInputs(t *testing.T) {
	tool := json.RawMessage(`{"name":"query","title":"Run SQL","description":"runs sql","annotations":{"readOnlyHint":true},"inputSchema":{"type":"object"}}`)
	base := Input{
		Principal: alice(), ClientName: "claude", ClientVersion: "1.2", SessionID: "s1", Protocol: "2025-11-25",
		Labels: []string{"untrusted"}, Calls: map[string]int64{"query": 3},
		Server: "db", Method: "tools/call", Kind: "tool", Name: "query", Tool: tool,
		Arguments: map[string]any{"sql": "select 1", "limit": 10.0, "opts": map[string]any{"dry": true}},
		Time:      time.Date(2026, 11, 26, 14, 0, 0, 0, time.UTC),
	}
	tests := []struct{ name, when string }{
		{"issuer", `principal.issuer == "https://idp"`},
		{"subject", `principal.subject == "alice"`},
		{"id", `principal.id == "https://idp#alice"`},
		{"client_id", `principal.client_id == "cli"`},
		{"groups", `"support" in principal.groups`},
		{"scopes", `principal.scopes.exists(s, s == "db.read")`},
		{"claims", `principal.claims.tenant == "acme" && principal.claims.level > 2.0`},
		{"client", `client.name == "claude" && client.version.startsWith("1.")`},
		{"server", `server == "db"`},
		{"method", `method == "tools/call"`},
		{"tool name", `tool.name == "query" && tool.kind == "tool"`},
		{"tool title", `tool.title == "Run SQL" && tool.description == "runs sql"`},
		{"tool annotations", `tool.annotations.readOnlyHint == true`},
		{"schema hash", `size(tool.schema_hash) == 64`},
		{"args", `args.sql == "select 1" && args.limit <= 10.0 && args.opts.dry`},
		{"has", `has(args.sql) && !has(args.missing)`},
		{"session", `session.id == "s1" && session.protocol == "2025-11-25"`},
		{"labels", `"untrusted" in session.labels`},
		{"calls", `session.calls.query == 3`},
		{"time", `now.getHours("UTC") == 14 && now > timestamp("2026-01-01T00:00:00Z")`},
		{"sql helper", `sql_read_only(args.sql)`},
		{"path helper", `!path_within("/etc/passwd", ["/srv"])`},
		{"url helper", `!url_allowed("http://127.0.0.1/", ["*"])`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustCompile(t, fmt.Sprintf("rules:\n  - name: r\n    when: %q\n    action: allow\n", tt.when))
			in := base
			d := s.Decide(context.Background(), &in)
			if d.Action != ActionAllow || d.Rule != "r" {
				t.Fatalf("rule %q did not match: %+v", tt.when, d)
			}
			// The same rule must not match a request that differs.
			other := Input{Principal: &guard.Principal{Subject: "bob"}, Server: "fs", Method: "prompts/get", Kind: "prompt", Name: "x",
				Arguments: map[string]any{"sql": "drop table t", "limit": 99.0, "opts": map[string]any{"dry": false}}, Time: base.Time.Add(-3 * time.Hour)}
			if tt.name == "has" || strings.HasSuffix(tt.name, "helper") || tt.name == "schema hash" {
				return
			}
			if d := s.Decide(context.Background(), &other); d.Action == ActionAllow && d.Rule == "r" {
				t.Errorf("rule %q matched a different request", tt.when)
			}
		})
	}
}

const actionsPolicy = `
default: allow
servers:
  db:
    default: deny
rules:
  - name: redact-password
    when: has(args.password)
    action: redact
    redact: [password, auth.token]
  - name: no-drop
    when: tool.name == "drop_table"
    action: deny
    message: dropping tables is not allowed
  - name: approve-writes
    when: tool.name == "write"
    action: require_approval
  - name: support-reads
    when: '"support" in principal.groups && tool.name == "query" && sql_read_only(args.sql)'
    action: allow
`

func TestActions(t *testing.T) {
	s := mustCompile(t, actionsPolicy)
	ctx := context.Background()
	tests := []struct {
		name     string
		in       Input
		action   Action
		rule     string
		msg      string
		redacted int
	}{
		{"deny with message", Input{Server: "db", Name: "drop_table", Kind: "tool", Arguments: map[string]any{}}, ActionDeny, "no-drop", "dropping tables is not allowed", 0},
		{"require approval", Input{Server: "db", Name: "write", Kind: "tool", Arguments: map[string]any{}}, ActionRequireApproval, "approve-writes", "needs approval", 0},
		{"allow", Input{Principal: alice(), Server: "db", Name: "query", Kind: "tool", Arguments: map[string]any{"sql": "select 1"}}, ActionAllow, "support-reads", "", 0},
		{"allow rule not matched: server default deny", Input{Principal: alice(), Server: "db", Name: "query", Kind: "tool", Arguments: map[string]any{"sql": "delete from t"}}, ActionDeny, "default:db", "policy does not allow", 0},
		{"global default allow", Input{Server: "fs", Name: "read", Kind: "tool", Arguments: map[string]any{}}, ActionAllow, "default", "", 0},
		{"redact then allow", Input{Principal: alice(), Server: "db", Name: "query", Kind: "tool", Arguments: map[string]any{"sql": "select 1", "password": "hunter2"}}, ActionAllow, "support-reads", "", 2},
		{"missing argument is an error: deny names the rule", Input{Principal: alice(), Server: "db", Name: "query", Kind: "tool", Arguments: map[string]any{}}, ActionDeny, "support-reads", "could not be evaluated", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := s.Decide(ctx, &tt.in)
			if d.Action != tt.action || d.Rule != tt.rule || !strings.Contains(d.Message, tt.msg) || len(d.Redact) != tt.redacted {
				t.Fatalf("got %+v, want %s by %s with %q and %d redactions", d, tt.action, tt.rule, tt.msg, tt.redacted)
			}
		})
	}
	args := map[string]any{"password": "hunter2", "auth": map[string]any{"token": "t"}, "keep": "k"}
	if !Redact(args, []string{"password", "auth.token", "absent.path"}) {
		t.Fatal("nothing redacted")
	}
	if args["password"] == "hunter2" || args["auth"].(map[string]any)["token"] == "t" || args["keep"] != "k" {
		t.Fatalf("redaction wrong: %v", args)
	}
}

func TestNoPolicyAndDefaults(t *testing.T) {
	s, err := Compile(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Configured() {
		t.Fatal("empty policy reported as configured")
	}
	if d := s.Decide(context.Background(), &Input{Name: "x"}); d.Action != ActionAllow || d.Rule != "no_policy" {
		t.Fatalf("no policy: %+v", d)
	}
	// Rules without a default deny by default.
	s = mustCompile(t, "rules:\n  - name: a\n    when: tool.name == 'ok'\n    action: allow\n")
	if d := s.Decide(context.Background(), &Input{Name: "other", Arguments: map[string]any{}}); d.Action != ActionDeny || d.Rule != "default" {
		t.Fatalf("rules without default: %+v", d)
	}
	// Deny by default is one line.
	s = mustCompile(t, "default: deny\n")
	if d := s.Decide(context.Background(), &Input{Name: "x", Arguments: map[string]any{}}); d.Action != ActionDeny {
		t.Fatalf("default deny: %+v", d)
	}
}

func TestVisible(t *testing.T) {
	s := mustCompile(t, `
default: deny
rules:
  - name: admins
    when: '"admin" in principal.groups'
    action: allow
  - name: deny-etc
    when: args.path.startsWith("/etc")
    action: deny
  - name: reads-with-args
    when: tool.name == "read" && path_within(args.path, ["/srv"])
    action: allow
  - name: secret-tool
    when: tool.name == "secret"
    action: deny
overrides:
  - {server: fs, tool: hidden, hide: true}
`)
	tests := []struct {
		p    *guard.Principal
		name string
		want bool
		rule string
	}{
		{&guard.Principal{Subject: "a", Groups: []string{"admin"}}, "secret", true, "admins"},
		{&guard.Principal{Subject: "b"}, "read", true, "reads-with-args"},
		{&guard.Principal{Subject: "b"}, "secret", false, "secret-tool"},
		{&guard.Principal{Subject: "b"}, "write", false, "default"},
		{&guard.Principal{Subject: "a", Groups: []string{"admin"}}, "hidden", false, "hidden"},
	}
	for _, tt := range tests {
		in := &Input{Principal: tt.p, Server: "fs", Kind: "tool", Name: tt.name, Method: "tools/call"}
		got, rule := s.Visible(context.Background(), in)
		if got != tt.want || rule != tt.rule {
			t.Errorf("Visible(%s, %s) = %v by %s, want %v by %s", tt.p.Subject, tt.name, got, rule, tt.want, tt.rule)
		}
		// Calling what is not listed gets the same deny.
		if !tt.want {
			in.Arguments = map[string]any{"path": "/srv/x"}
			if d := s.Decide(context.Background(), in); d.Action != ActionDeny {
				t.Errorf("hidden %s callable: %+v", tt.name, d)
			}
		}
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       string
	}{
		{"syntax", "rules:\n  - name: a\n    when: tool.name == \n    action: allow\n", "test.yaml:3:"},
		{"undeclared", "rules:\n  - name: a\n    when: tooll.name == 'x'\n    action: allow\n", "test.yaml:3:11: rules[0].when: undeclared reference to 'tooll'"},
		{"not bool", "rules:\n  - name: a\n    when: '1 + 2'\n    action: allow\n", "test.yaml:3:11: rules[0].when: when must be a bool expression"},
		{"bad action", "rules:\n  - name: a\n    when: 'true'\n    action: permit\n", "test.yaml:4:13: rules[0].action: action must be"},
		{"no name", "rules:\n  - when: 'true'\n    action: allow\n", "rules[0]: rule has no name"},
		{"dup name", "rules:\n  - {name: a, when: 'true', action: allow}\n  - {name: a, when: 'true', action: deny}\n", "also used by rules[0]"},
		{"redact needs paths", "rules:\n  - {name: a, when: 'true', action: redact}\n", "needs a list"},
		{"bad default", "default: maybe\n", "default must be allow or deny"},
		{"bad pattern", "constraints:\n  - {server: s, argument: a, pattern: '('}\n", "pattern does not compile"},
		{"block scalar line", "rules:\n  - name: a\n    when: |\n      tool.name == 'x' &&\n      nope\n    action: allow\n", "test.yaml:5:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, locate, err := Parse("test.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Compile(doc, Options{Locate: locate})
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Fatalf("want *config.Error, got %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
		})
	}
	if _, _, err := Parse("x.yaml", []byte("rulez: []\n")); err == nil {
		t.Fatal("unknown field accepted")
	}
}

func TestConstraintsFromConfig(t *testing.T) {
	root := t.TempDir()
	s := mustCompile(t, fmt.Sprintf(`
default: allow
constraints:
  - {server: fs, tool: read, argument: path, path_within: [%q]}
  - {server: db, argument: sql, read_only_sql: true}
  - {server: web, tool: fetch, argument: url, url_hosts: ["*"]}
  - {server: t, tool: x, argument: name, min_length: 2, max_length: 5, pattern: '^[a-z]+$'}
  - {server: t, tool: x, argument: color, enum: [red, green]}
  - {server: t, tool: x, argument: opts.mode, enum: [fast]}
`, root))
	tests := []struct {
		server, tool string
		args         map[string]any
		ok           bool
		rule         string
	}{
		{"fs", "read", map[string]any{"path": root + "/a"}, true, ""},
		{"fs", "read", map[string]any{"path": root + "/../etc/passwd"}, false, "constraint:fs/read/path"},
		{"fs", "read", map[string]any{"path": 7.0}, false, "constraint:fs/read/path"},
		{"fs", "other", map[string]any{"path": "/etc/passwd"}, true, ""},
		{"db", "anything", map[string]any{"sql": "select 1; drop table x"}, false, "constraint:db/*/sql"},
		{"db", "anything", map[string]any{"sql": "select 1"}, true, ""},
		{"web", "fetch", map[string]any{"url": "http://169.254.169.254/"}, false, "constraint:web/fetch/url"},
		{"t", "x", map[string]any{"name": "a"}, false, "constraint:t/x/name"},
		{"t", "x", map[string]any{"name": "abcdef"}, false, "constraint:t/x/name"},
		{"t", "x", map[string]any{"name": "ab1"}, false, "constraint:t/x/name"},
		{"t", "x", map[string]any{"name": "abc", "color": "red"}, true, ""},
		{"t", "x", map[string]any{"color": "blue"}, false, "constraint:t/x/color"},
		{"t", "x", map[string]any{"opts": map[string]any{"mode": "slow"}}, false, "constraint:t/x/opts.mode"},
	}
	for _, tt := range tests {
		d := s.Decide(context.Background(), &Input{Server: tt.server, Name: tt.tool, Kind: "tool", Arguments: tt.args})
		if (d.Action == ActionAllow) != tt.ok || (!tt.ok && d.Rule != tt.rule) {
			t.Errorf("%s/%s %v: %+v", tt.server, tt.tool, tt.args, d)
		}
	}
}

func TestExplainAndFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	if err := os.WriteFile(path, []byte(actionsPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := LoadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	steps, d := s.Explain(context.Background(), &Input{Server: "db", Name: "write", Kind: "tool", Arguments: map[string]any{}})
	if d.Rule != "approve-writes" || len(steps) != 4 {
		t.Fatalf("explain: %+v %+v", d, steps)
	}
	want := []string{"no match", "not applicable", "match", "not applicable"}
	for i, st := range steps {
		if !strings.HasPrefix(st.Result, want[i]) {
			t.Errorf("step %d %s: %q, want %q", i, st.Rule, st.Result, want[i])
		}
	}
	if err := os.WriteFile(path, []byte("rules:\n  - {name: a, when: 'nope', action: allow}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(path, Options{}); err == nil || !strings.Contains(err.Error(), path+":2:") {
		t.Fatalf("file compile error: %v", err)
	}
}

func TestOverrides(t *testing.T) {
	s := mustCompile(t, "overrides:\n  - {server: db, tool: query, rename: sql, description: Read-only SQL}\n")
	if o, ok := s.Override("db", "query"); !ok || o.Rename != "sql" {
		t.Fatalf("override: %+v", o)
	}
	if n, ok := s.Original("db", "sql"); !ok || n != "query" {
		t.Fatalf("original: %q", n)
	}
	if _, err := Compile(&Document{Overrides: []Override{{Server: "a", Tool: "x", Rename: "y"}, {Server: "a", Tool: "z", Rename: "y"}}}, Options{}); err == nil {
		t.Fatal("duplicate rename accepted")
	}
}

// benchDecide measures decisions over a 50-rule policy and reports the
// 99th percentile of single decisions as p99-ns.
func benchDecide(b *testing.B, rule func(i int) string, in *Input, want Action) {
	var sb strings.Builder
	sb.WriteString("default: deny\nrules:\n")
	for i := range 50 {
		fmt.Fprintf(&sb, "  - name: r%d\n    when: '%s'\n    action: allow\n", i, rule(i))
	}
	s := mustCompile(b, sb.String())
	ctx := context.Background()
	lat := make([]time.Duration, 0, 1<<16)
	b.ReportAllocs()
	cpu0, n := cpuTime(b), 0
	for b.Loop() {
		n++
		t0 := time.Now()
		d := s.Decide(ctx, in)
		if len(lat) < cap(lat) {
			lat = append(lat, time.Since(t0))
		}
		if d.Action != want {
			b.Fatal(d)
		}
	}
	if n > 0 {
		b.ReportMetric(float64((cpuTime(b)-cpu0).Nanoseconds())/float64(n), "cpu-ns/op")
	}
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds()), "p99-ns")
	}
}

// BenchmarkDecide50 is the common shape: each rule names its tool, the
// request's tool is decided by the last rule.
func BenchmarkDecide50(b *testing.B) {
	in := &Input{Principal: alice(), Server: "db", Kind: "tool", Name: "tool49", Method: "tools/call",
		Arguments: map[string]any{"sql": "select 1", "limit": 10.0}}
	benchDecide(b, func(i int) string {
		return fmt.Sprintf(`tool.name == "tool%d" && "support" in principal.groups && args.limit < 100.0`, i)
	}, in, ActionAllow)
}

// BenchmarkDecide50WithTool is BenchmarkDecide50 with the tool's listed
// definition attached, as on a real tools/call.
func BenchmarkDecide50WithTool(b *testing.B) {
	in := &Input{Principal: alice(), Server: "db", Kind: "tool", Name: "tool49", Method: "tools/call",
		Tool:      json.RawMessage(`{"name":"tool49","title":"Query","description":"Runs one read-only query against the customer database.","annotations":{"readOnlyHint":true},"inputSchema":{"type":"object","properties":{"sql":{"type":"string","maxLength":4000},"limit":{"type":"integer","minimum":1,"maximum":1000}},"required":["sql"]}}`),
		Arguments: map[string]any{"sql": "select 1", "limit": 10.0}}
	benchDecide(b, func(i int) string {
		return fmt.Sprintf(`tool.name == "tool%d" && "support" in principal.groups && args.limit < 100.0`, i)
	}, in, ActionAllow)
}

// BenchmarkDecide50Unindexed is the worst case: no rule names a tool, so
// all 50 are evaluated and none matches.
func BenchmarkDecide50Unindexed(b *testing.B) {
	in := &Input{Principal: alice(), Server: "db", Kind: "tool", Name: "query", Method: "tools/call",
		Arguments: map[string]any{"sql": "select 1", "limit": 10.0}}
	benchDecide(b, func(i int) string {
		return fmt.Sprintf(`server == "srv%d" && "group%d" in principal.groups && args.limit < 100.0`, i, i)
	}, in, ActionDeny)
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(actionsPolicy))
	f.Add([]byte("rules:\n  - {name: a, when: 'x', action: allow}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, locate, err := Parse("f.yaml", data)
		if err != nil {
			return
		}
		s, err := Compile(doc, Options{Locate: locate})
		if err != nil {
			return
		}
		_ = s.Decide(context.Background(), &Input{Name: "x", Arguments: map[string]any{}})
		_, _ = s.Visible(context.Background(), &Input{Name: "x"})
	})
}
