package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
	pol "github.com/warden-mcp/warden/internal/policy"
)

// guardConfig parses a whole configuration whose guards.policy block is
// block (indented by four spaces) and returns that block.
func guardConfig(t *testing.T, dir, block string) config.GuardConfig {
	t.Helper()
	doc := "version: 1\nupstreams:\n  - name: db\n    command: [\"true\"]\nguards:\n  policy:\n" + block
	path := filepath.Join(dir, "warden.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	return cfg.Guard("policy")
}

const block = `    default: deny
    rules:
      - name: support-query
        when: '"support" in principal.groups && tool.name == "query"'
        action: allow
      - name: redact-token
        when: has(args.token)
        action: redact
        redact: [token]
      - name: anyone-echo
        when: tool.name == "echo"
        action: allow
      - name: writes-need-approval
        when: tool.name == "write"
        action: require_approval
      - name: prompts
        when: tool.kind == "prompt" && principal.subject == "alice"
        action: allow
    overrides:
      - {server: db, tool: echo, description: "Echo, reviewed"}
      - {server: db, tool: legacy, hide: true}
`

func session(sub string, groups ...string) guard.Session {
	return guard.Session{ID: "s-" + sub, ClientName: "c", Principal: &guard.Principal{Subject: sub, Groups: groups}}
}

func listEx(s guard.Session, items ...guard.Item) *guard.Exchange {
	return &guard.Exchange{Phase: guard.PhaseList, Session: s, Server: "db", Method: "tools/list", Items: items}
}

func tool(name string) guard.Item {
	return guard.Item{Kind: "tool", Name: name, Raw: json.RawMessage(fmt.Sprintf(`{"name":%q,"description":"d","inputSchema":{"type":"object"}}`, name))}
}

func call(s guard.Session, name string, args string) *guard.Exchange {
	return &guard.Exchange{Phase: guard.PhaseRequest, Session: s, Server: "db", Method: "tools/call", Name: name,
		Params: json.RawMessage(fmt.Sprintf(`{"name":%q,"arguments":%s}`, name, args))}
}

func TestListFilteringAndCalls(t *testing.T) {
	g, err := New(guardConfig(t, t.TempDir(), block), nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	visible := func(s guard.Session) []string {
		ex := listEx(s, tool("query"), tool("echo"), tool("write"), tool("drop"), tool("legacy"))
		if _, err := g.Inspect(ctx, ex); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, it := range ex.Items {
			if !it.Hidden {
				names = append(names, it.Name)
				if it.Name == "echo" && !strings.Contains(string(it.Raw), "Echo, reviewed") {
					t.Errorf("description override not applied: %s", it.Raw)
				}
			}
		}
		return names
	}
	if got := strings.Join(visible(session("bob", "support")), ","); got != "query,echo,write" {
		t.Errorf("support sees %s", got)
	}
	if got := strings.Join(visible(session("eve")), ","); got != "echo,write" {
		t.Errorf("eve sees %s", got)
	}
	tests := []struct {
		s      guard.Session
		name   string
		args   string
		action guard.Action
		rule   string
		reason string
	}{
		{session("bob", "support"), "query", `{"sql":"select 1"}`, guard.Allow, "support-query", ""},
		{session("eve"), "query", `{"sql":"select 1"}`, guard.Deny, "default", "policy does not allow"},
		{session("eve"), "drop", `{}`, guard.Deny, "default", "drop"},
		{session("eve"), "legacy", `{}`, guard.Deny, "hidden", "not available"},
		{session("eve"), "write", `{}`, guard.Deny, "writes-need-approval", "approvals are turned off"},
		{session("eve"), "echo", `{"text":"hi","token":"s3cret"}`, guard.Modify, "redact-token", "redacted"},
		{session("eve"), "echo", `[1]`, guard.Deny, "invalid_params", "object"},
	}
	for _, tt := range tests {
		ex := call(tt.s, tt.name, tt.args)
		v, err := g.Inspect(ctx, ex)
		if err != nil {
			t.Fatal(err)
		}
		if v.Action != tt.action || v.Rule != tt.rule || !strings.Contains(v.Reason, tt.reason) {
			t.Errorf("%s calls %s: %+v, want %s by %s", tt.s.Principal.Subject, tt.name, v, tt.action, tt.rule)
		}
		if tt.action == guard.Modify {
			if strings.Contains(string(ex.Params), "s3cret") || !strings.Contains(string(ex.Params), `"text":"hi"`) {
				t.Errorf("redacted params: %s", ex.Params)
			}
		}
		if d, ok := ex.Values[DecisionKey].(pol.Decision); tt.rule != "invalid_params" && tt.action != guard.Modify && (!ok || d.Rule != tt.rule) {
			t.Errorf("decision not left for later guards: %+v", ex.Values)
		}
	}
	// Prompts obey the policy too.
	pex := &guard.Exchange{Phase: guard.PhaseList, Session: session("eve"), Server: "db", Method: "prompts/list",
		Items: []guard.Item{{Kind: "prompt", Name: "greet", Raw: json.RawMessage(`{"name":"greet"}`)}}}
	if _, err := g.Inspect(ctx, pex); err != nil || !pex.Items[0].Hidden {
		t.Errorf("prompt listed to eve: %+v %v", pex.Items, err)
	}
	if !g.Wants(guard.PhaseRequest, "prompts/get") || g.Wants(guard.PhaseResult, "tools/call") || g.Wants(guard.PhaseRequest, "ping") {
		t.Error("Wants wrong")
	}
}

func TestSessionCalls(t *testing.T) {
	g, err := New(guardConfig(t, t.TempDir(), `    rules:
      - name: at-most-two
        when: tool.name == "echo" && (!has(session.calls.echo) || session.calls.echo < 2)
        action: allow
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	var last guard.Verdict
	for range 3 {
		last, _ = g.Inspect(context.Background(), call(session("a"), "echo", `{}`))
	}
	if last.Action != guard.Deny {
		t.Fatalf("third call allowed: %+v", last)
	}
	// Stateless requests have no session id: counts follow principal+client.
	stateless := guard.Session{ClientName: "c", Principal: &guard.Principal{Subject: "z"}}
	for i := range 3 {
		ex := call(stateless, "echo", `{}`)
		v, _ := g.Inspect(context.Background(), ex)
		if (i < 2) != (v.Action == guard.Allow) {
			t.Fatalf("stateless call %d: %+v", i, v)
		}
	}
}

func TestNoPolicyAllows(t *testing.T) {
	g, err := New(config.GuardConfig{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := g.Inspect(context.Background(), call(session("x"), "anything", `{}`))
	if err != nil || v.Action != guard.Allow || v.Rule != "no_policy" {
		t.Fatalf("%+v %v", v, err)
	}
}

func TestReloadAndCompileErrors(t *testing.T) {
	dir := t.TempDir()
	g, err := New(guardConfig(t, dir, block), nil)
	if err != nil {
		t.Fatal(err)
	}
	// An inline rule that does not compile: the error has file:line:col.
	bad := guardConfig(t, dir, "    rules:\n      - name: x\n        when: tool.nme = 1\n        action: allow\n")
	err = g.Reload(bad)
	if err == nil || !strings.Contains(err.Error(), "warden.yaml:9:") || !strings.Contains(err.Error(), "rules[0].when") {
		t.Fatalf("compile error: %v", err)
	}
	// The old policy stays.
	if v, _ := g.Inspect(context.Background(), call(session("eve"), "echo", `{}`)); v.Action != guard.Allow || v.Rule != "anyone-echo" {
		t.Fatalf("old policy lost: %+v", v)
	}
	// A policy in its own file, relative to the configuration.
	if err := os.WriteFile(filepath.Join(dir, "p.yaml"), []byte("default: deny\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := g.Reload(guardConfig(t, dir, "    file: p.yaml\n")); err != nil {
		t.Fatal(err)
	}
	if v, _ := g.Inspect(context.Background(), call(session("eve"), "echo", `{}`)); v.Action != guard.Deny {
		t.Fatalf("new policy not in force: %+v", v)
	}
	if err := os.WriteFile(filepath.Join(dir, "p.yaml"), []byte("rules:\n  - {name: a, when: 'oops(', action: allow}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := g.Reload(guardConfig(t, dir, "    file: p.yaml\n")); err == nil || !strings.Contains(err.Error(), "p.yaml:2:") {
		t.Fatalf("file compile error: %v", err)
	}
	if err := g.Reload(guardConfig(t, dir, "    file: p.yaml\n    default: allow\n")); err == nil {
		t.Fatal("file and inline accepted together")
	}
	if err := g.Reload(guardConfig(t, dir, "    rulez: []\n")); err == nil || !strings.Contains(err.Error(), "rulez") {
		t.Fatalf("unknown field: %v", err)
	}
}

// TestReloadRace swaps policies while requests are decided; run with -race.
func TestReloadRace(t *testing.T) {
	dir := t.TempDir()
	allow := guardConfig(t, dir, "    default: allow\n")
	g, err := New(allow, nil)
	if err != nil {
		t.Fatal(err)
	}
	deny, err := Load(guardConfig(t, dir, "    default: deny\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	allowSet := g.Set()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range 200 {
			if i%2 == 0 {
				g.Swap(deny)
			} else {
				g.Swap(allowSet)
			}
		}
	}()
	go func() {
		defer wg.Done()
		for range 200 {
			v, err := g.Inspect(context.Background(), call(session("a"), "echo", `{}`))
			if err != nil || (v.Action != guard.Allow && v.Action != guard.Deny) {
				t.Errorf("%+v %v", v, err)
				return
			}
		}
	}()
	wg.Wait()
}

// With no policy configured the arguments are not decoded, but their
// shape is checked as with a policy, and calls are still counted.
func TestNoPolicyChecksShape(t *testing.T) {
	g, err := New(guardConfig(t, t.TempDir(), "    enabled: true\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args   string
		action guard.Action
		rule   string
	}{
		{`{"text":"hi"}`, guard.Allow, "no_policy"},
		{`null`, guard.Allow, "no_policy"},
		{`[1]`, guard.Deny, "invalid_params"},
		{`"text"`, guard.Deny, "invalid_params"},
	}
	for _, tt := range tests {
		ex := call(session("eve"), "echo", tt.args)
		v, err := g.Inspect(context.Background(), ex)
		if err != nil {
			t.Fatal(err)
		}
		if v.Action != tt.action || v.Rule != tt.rule {
			t.Errorf("arguments %s: %+v, want %s by %s", tt.args, v, tt.action, tt.rule)
		}
	}
	ex := &guard.Exchange{Phase: guard.PhaseRequest, Session: session("eve"), Server: "db", Method: "tools/call", Name: "echo", Params: json.RawMessage(`[1]`)}
	if v, _ := g.Inspect(context.Background(), ex); v.Action != guard.Deny {
		t.Errorf("array params: %+v", v)
	}
	if n := g.counts(sessionKey(session("eve")))["echo"]; n != 2 {
		t.Errorf("echo counted %d times, want the 2 allowed calls", n)
	}
}
