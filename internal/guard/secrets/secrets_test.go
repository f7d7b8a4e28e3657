package secretsguard

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/detect/secrets"
	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/guard"
)

var (
	patBody = "R8x2Kq9LmZ4vT7pW1nY6bC3dF5gH0j"
	pat     = "ghp_" + patBody + secrets.GitHubChecksum(patBody)
	awsKey  = "AKIA4HKQ7ZP2MXV3RT6N"
)

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// labels marks tools named in sinks as external sinks.
type labels map[string]bool

func (l labels) Labels(server, tool string, _ json.RawMessage) []string {
	if l[server+"/"+tool] {
		return []string{flow.ExternalSink}
	}
	return nil
}

func guardConfig(t testing.TB, dir, yaml string) config.GuardConfig {
	t.Helper()
	var b strings.Builder
	b.WriteString("version: 1\nupstreams:\n  - name: a\n    url: http://127.0.0.1:1/mcp\nguards:\n  secrets:\n")
	if yaml == "" {
		yaml = "enabled: true\n"
	}
	for _, l := range strings.Split(strings.TrimSuffix(yaml, "\n"), "\n") {
		b.WriteString("    " + l + "\n")
	}
	name := "test.yaml"
	if dir != "" {
		name = filepath.Join(dir, "warden.yaml")
	}
	cfg, err := config.Parse(name, []byte(b.String()))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return cfg.Guard(Name)
}

func build(t testing.TB, yaml string, tr *flow.Tracker, l Labeler) *Guard {
	t.Helper()
	g, err := New(guardConfig(t, "", yaml), tr, l, nil)
	if err != nil {
		t.Fatal(err)
	}
	return g.(*Guard)
}

func js(s string) string { b, _ := json.Marshal(s); return string(b) }

var sess = guard.Session{ID: "s1"}

func TestDirections(t *testing.T) {
	ctx := context.Background()
	sinks := labels{"mail/send": true}
	tests := []struct {
		name    string
		yaml    string
		ex      guard.Exchange
		action  guard.Action
		rule    string
		gone    string // must not survive in the rewritten payload
		keep    string // must survive
		tracked bool   // the session's facts hold the digest
	}{
		{name: "result redacted", ex: guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "files", Name: "read",
			Result: json.RawMessage(`{"content":[{"type":"text","text":` + js("GITHUB_TOKEN="+pat+"\nAWS="+awsKey) + `}],"_meta":{"k":"v"}}`)},
			action: guard.Modify, rule: "secrets.redact", gone: pat, keep: `[REDACTED:github-pat]`, tracked: true},
		{name: "result blocked by opt-in", yaml: "action: block", ex: guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "files", Name: "read",
			Result: json.RawMessage(`{"content":[{"type":"text","text":` + js(pat) + `}]}`)},
			action: guard.Deny, rule: "secrets.block", tracked: true},
		{name: "per-tool block", yaml: "servers:\n  files:\n    tools:\n      read: {action: block}", ex: guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "files", Name: "read",
			Result: json.RawMessage(`{"content":[{"type":"text","text":` + js(pat) + `}]}`)},
			action: guard.Deny, rule: "secrets.block", tracked: true},
		{name: "arguments to a sink blocked", ex: guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "mail", Name: "send",
			Params: json.RawMessage(`{"name":"send","arguments":{"to":"x@example.com","body":` + js("here: "+pat) + `}}`)},
			action: guard.Deny, rule: "secrets.sink", tracked: true},
		{name: "arguments elsewhere redacted", ex: guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "notes", Name: "save",
			Params: json.RawMessage(`{"name":"save","arguments":{"body":` + js("here: "+pat) + `},"_meta":{"progressToken":1}}`)},
			action: guard.Modify, rule: "secrets.redact", gone: pat, keep: `"_meta":{"progressToken":1}`, tracked: true},
		{name: "sampling request redacted", ex: guard.Exchange{Phase: guard.PhaseServerRequest, Method: "sampling/createMessage", Server: "s",
			Params: json.RawMessage(`{"maxTokens":9,"systemPrompt":` + js("use key "+awsKey) + `,"messages":[]}`)},
			action: guard.Modify, rule: "secrets.redact", gone: awsKey, keep: "[REDACTED:aws-access-key-id]", tracked: true},
		{name: "elicitation answer redacted", ex: guard.Exchange{Phase: guard.PhaseRequest, Method: "elicitation/create", Server: "s",
			Params: json.RawMessage(`{"message":"your token?"}`), Result: json.RawMessage(`{"action":"accept","content":{"token":` + js(pat) + `}}`)},
			action: guard.Modify, rule: "secrets.redact", gone: pat, tracked: true},
		{name: "sampling answer redacted", ex: guard.Exchange{Phase: guard.PhaseRequest, Method: "sampling/createMessage", Server: "s",
			Result: json.RawMessage(`{"role":"assistant","model":"m","content":{"type":"text","text":` + js(pat) + `}}`)},
			action: guard.Modify, rule: "secrets.redact", gone: pat, tracked: true},
		{name: "textual blob redacted", ex: guard.Exchange{Phase: guard.PhaseResult, Method: "resources/read", Server: "files", Name: "file:///env",
			Result: json.RawMessage(`{"contents":[{"uri":"file:///env","mimeType":"text/plain","blob":"` + base64.StdEncoding.EncodeToString([]byte("T="+pat)) + `"}]}`)},
			action: guard.Modify, rule: "secrets.redact", gone: base64.StdEncoding.EncodeToString([]byte("T=" + pat)), tracked: true},
		{name: "allowlisted digest", yaml: "allow:\n  digests: [\"" + digest(pat) + "\"]", ex: guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "files", Name: "read",
			Result: json.RawMessage(`{"content":[{"type":"text","text":` + js(pat) + `}]}`)},
			action: guard.Allow},
		{name: "allowlisted path", yaml: "allow:\n  paths: [\"files/read/*\"]", ex: guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "files", Name: "read",
			Result: json.RawMessage(`{"content":[{"type":"text","text":` + js(pat) + `}]}`)},
			action: guard.Allow},
		{name: "allowlisted rule", yaml: "allow:\n  rules: [github-pat]", ex: guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "files", Name: "read",
			Result: json.RawMessage(`{"content":[{"type":"text","text":` + js(pat) + `}]}`)},
			action: guard.Allow},
		{name: "clean", ex: guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "files", Name: "read",
			Result: json.RawMessage(`{"content":[{"type":"text","text":"nothing to see"}]}`)}, action: guard.Allow},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := flow.New(flow.Options{})
			g := build(t, tc.yaml, tr, sinks)
			ex := tc.ex
			ex.Session = sess
			orig := string(ex.Params) + string(ex.Result)
			v, err := g.Inspect(ctx, &ex)
			if err != nil {
				t.Fatal(err)
			}
			if v.Action != tc.action || v.Rule != tc.rule {
				t.Fatalf("verdict %s %s (%s), want %s %s", v.Action, v.Rule, v.Reason, tc.action, tc.rule)
			}
			out := string(ex.Params) + string(ex.Result)
			if tc.action != guard.Modify && out != orig {
				t.Errorf("payload changed without Modify: %s", out)
			}
			if tc.gone != "" && strings.Contains(out, tc.gone) {
				t.Errorf("%q survived: %s", tc.gone, out)
			}
			if tc.keep != "" && !strings.Contains(out, tc.keep) {
				t.Errorf("%q missing: %s", tc.keep, out)
			}
			if ex.Params != nil && !json.Valid(ex.Params) || ex.Result != nil && !json.Valid(ex.Result) {
				t.Errorf("invalid JSON: %s", out)
			}
			facts := tr.Get(sess.Key())
			if got := len(facts.Secrets) > 0; got != tc.tracked {
				t.Errorf("tracked %v, want %v", facts.Secrets, tc.tracked)
			}
			if v.Action != guard.Allow {
				d, _ := json.Marshal(v.Details)
				if strings.Contains(string(d), pat) || strings.Contains(string(d), awsKey) {
					t.Errorf("details carry the secret: %s", d)
				}
				if !strings.Contains(string(d), `"masked"`) || !strings.Contains(string(d), `"digest"`) {
					t.Errorf("details: %s", d)
				}
			}
		})
	}
}

func TestRedactReason(t *testing.T) {
	g := build(t, "", nil, nil)
	ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "f", Name: "r", Session: sess,
		Result: json.RawMessage(`{"content":[{"type":"text","text":` + js(pat+" "+awsKey) + `}]}`)}
	v, err := g.Inspect(context.Background(), ex)
	if err != nil {
		t.Fatal(err)
	}
	if want := "redacted 2 secrets (aws-access-key-id, github-pat) in the tools/call result from f/r"; v.Reason != want {
		t.Errorf("reason %q\nwant   %q", v.Reason, want)
	}
}

// TestSeenSecretToSink: a secret the session received, allowlisted where
// it came from, still cannot be sent to a sink.
func TestSeenSecretToSink(t *testing.T) {
	ctx := context.Background()
	tr := flow.New(flow.Options{})
	g := build(t, "allow:\n  paths: [\"vault/*\"]", tr, labels{"mail/send": true})
	// The vault result is allowlisted, so nothing is redacted; record what
	// the session saw as a vault reader would (the flow guard does so).
	secret := "correct-horse-battery-staple-42"
	tr.SawSecrets(sess.Key(), digest(secret))
	ex := &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "mail", Name: "send", Session: sess,
		Params: json.RawMessage(`{"name":"send","arguments":{"body":` + js(" "+secret+" ") + `}}`)}
	v, err := g.Inspect(ctx, ex)
	if err != nil || v.Action != guard.Deny || v.Rule != "secrets.sink_seen" {
		t.Fatalf("%v %v", v, err)
	}
	// The same value to a tool that is not a sink passes.
	ex = &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "notes", Name: "save", Session: sess,
		Params: json.RawMessage(`{"name":"save","arguments":{"body":` + js(secret) + `}}`)}
	if v, _ := g.Inspect(ctx, ex); v.Action != guard.Allow {
		t.Errorf("non-sink: %v", v)
	}
	// Another session has not seen it.
	ex = &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "mail", Name: "send", Session: guard.Session{ID: "other"},
		Params: json.RawMessage(`{"name":"send","arguments":{"body":` + js(secret) + `}}`)}
	if v, _ := g.Inspect(ctx, ex); v.Action != guard.Allow {
		t.Errorf("other session: %v", v)
	}
}

func TestRulesFileAndPII(t *testing.T) {
	dir := t.TempDir()
	rules := `[[rules]]
id = "acme-token"
description = "ACME internal token"
regex = '''acme_[a-z0-9]{24}'''
keywords = ["acme_"]
`
	if err := os.WriteFile(filepath.Join(dir, "extra.toml"), []byte(rules), 0o600); err != nil {
		t.Fatal(err)
	}
	gi, err := New(guardConfig(t, dir, "rules_file: extra.toml\npii: true"), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "f", Name: "r", Session: sess,
		Result: json.RawMessage(`{"content":[{"type":"text","text":"t=acme_k3j9x0q2m7v5b8n1z4c6l0p2 and ` + pat + ` card 4111 1111 1111 1111"}]}`)}
	v, err := gi.Inspect(context.Background(), ex)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"acme-token", "github-pat"} {
		if !strings.Contains(v.Reason, want) {
			t.Errorf("reason %q lacks %s", v.Reason, want)
		}
	}
	if _, err := New(guardConfig(t, dir, "rules_file: missing.toml"), nil, nil, nil); err == nil || !strings.Contains(err.Error(), "rules_file") {
		t.Errorf("missing rules file: %v", err)
	}
}

func TestSettings(t *testing.T) {
	for _, tc := range []struct{ yaml, wantErr string }{
		{"action: block\npii: true\nallow:\n  rules: [x]\n  paths: [\"a/*\"]", ""},
		{"action: quarantine", "unknown action"},
		{"acton: block", "acton"},
		{"allow:\n  digests: [nope]", "sha256:"},
		{"servers:\n  s:\n    tools:\n      t: {action: nah}", "test.yaml:"},
	} {
		_, err := New(guardConfig(t, "", tc.yaml), nil, nil, nil)
		if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%q: %v, want %q", tc.yaml, err, tc.wantErr)
		}
	}
}

func TestFailClosed(t *testing.T) {
	g := build(t, "", nil, nil)
	ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Result: json.RawMessage(`{"content":[{"type":"text","text":"x`)}
	out := guard.NewChain(0, g).Run(context.Background(), ex)
	if out.Final.Action != guard.Deny || out.Final.Rule != "fail_closed" {
		t.Errorf("%+v", out.Final)
	}
}

func TestWants(t *testing.T) {
	g := build(t, "", nil, nil)
	for _, tc := range []struct {
		p    guard.Phase
		m    string
		want bool
	}{
		{guard.PhaseRequest, "tools/call", true}, {guard.PhaseResult, "resources/read", true},
		{guard.PhaseServerRequest, "elicitation/create", true}, {guard.PhaseServerRequest, "roots/list", false},
		{guard.PhaseList, "tools/list", false}, {guard.PhaseRequest, "ping", false},
	} {
		if got := g.Wants(tc.p, tc.m); got != tc.want {
			t.Errorf("%s %s: %v", tc.p, tc.m, got)
		}
	}
}

func TestConcurrent(t *testing.T) {
	tr := flow.New(flow.Options{})
	g := build(t, "", tr, labels{"m/send": true})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "f", Name: "r",
					Session: guard.Session{ID: string(rune('a' + i))},
					Result:  json.RawMessage(`{"content":[{"type":"text","text":` + js(pat) + `}]}`)}
				if v, err := g.Inspect(context.Background(), ex); err != nil || v.Action != guard.Modify {
					t.Error(v, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzInspect(f *testing.F) {
	f.Add([]byte(`{"content":[{"type":"text","text":"`+pat+`"}]}`), uint8(0))
	f.Add([]byte(`{"name":"send","arguments":{"b":"`+awsKey+`"}}`), uint8(1))
	f.Add([]byte(`{"contents":[{"uri":"u","mimeType":"text/plain","blob":"QUtJQTRIS1E3WlAyTVhWM1JUNk4="}]}`), uint8(2))
	g, err := New(config.GuardConfig{}, flow.New(flow.Options{}), labels{"s/n": true}, nil)
	if err != nil {
		f.Fatal(err)
	}
	cases := []struct {
		p guard.Phase
		m string
	}{{guard.PhaseResult, "tools/call"}, {guard.PhaseRequest, "tools/call"}, {guard.PhaseResult, "resources/read"},
		{guard.PhaseServerRequest, "sampling/createMessage"}, {guard.PhaseResult, "x/y"}, {guard.PhaseRequest, "prompts/get"}}
	f.Fuzz(func(t *testing.T, data []byte, sel uint8) {
		c := cases[int(sel)%len(cases)]
		ex := &guard.Exchange{Phase: c.p, Method: c.m, Server: "s", Name: "n", Session: sess}
		if c.p == guard.PhaseResult {
			ex.Result = data
		} else {
			ex.Params = data
		}
		v, err := g.Inspect(context.Background(), ex)
		if err != nil {
			return
		}
		if v.Action == guard.Modify && !json.Valid(ex.Params) && !json.Valid(ex.Result) {
			t.Fatalf("modified payload is not JSON")
		}
	})
}

// A rule of a rules file that cannot run here is dropped with a warning
// naming it and why, and the file's other rules still work.
func TestRulesFileDroppedRulesAreNamed(t *testing.T) {
	dir := t.TempDir()
	rules := "[[rules]]\nid = \"bad\"\nregex = '''acme_[a-z'''\nkeywords = [\"acme_\"]\n" +
		"[[rules]]\nid = \"lookahead\"\nregex = '''zz_(?=[0-9]{8})'''\nkeywords = [\"zz_\"]\n" +
		"[[rules]]\nid = \"good\"\nregex = '''acme_[a-z0-9]{24}'''\nkeywords = [\"acme_\"]\n" +
		"[[rules]]\nid = \"good\"\nregex = '''other_[0-9]{8}'''\nkeywords = [\"other_\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "extra.toml"), []byte(rules), 0o600); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	gi, err := New(guardConfig(t, dir, "rules_file: extra.toml"), nil, nil, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"rule=bad", "rule=lookahead", "rule=good why=\"duplicate id\""} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logged.String())
		}
	}
	ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "f", Name: "r", Session: sess,
		Result: json.RawMessage(`{"content":[{"type":"text","text":"t=acme_k3j9x0q2m7v5b8n1z4c6l0p2"}]}`)}
	v, err := gi.Inspect(context.Background(), ex)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.Reason, "good") {
		t.Errorf("the file's working rule did not fire: %q", v.Reason)
	}
}
