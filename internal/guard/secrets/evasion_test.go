package secretsguard

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/guard"
)

// Secrets whose only evidence is their name: nothing in the value says
// "credential".
var (
	awsSecret = "q8Vz3Lm+T2nR7xK/4pW9sJ1cH6dF0gY5bN3mA8eU"
	password  = "Xk9mP2vLq8zR4tW7"
)

func b64s(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// TestEvasions: ways a secret could get past the guard at the payload
// level, each with the real guard and the real detector. Every case was a
// hole before the fix named in its comment.
func TestEvasions(t *testing.T) {
	call := func(server, tool, args string) guard.Exchange {
		return guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: server, Name: tool,
			Params: json.RawMessage(`{"name":"` + tool + `","arguments":` + args + `}`)}
	}
	result := func(res string) guard.Exchange {
		return guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "files", Name: "read", Result: json.RawMessage(res)}
	}
	resource := func(res string) guard.Exchange {
		return guard.Exchange{Phase: guard.PhaseResult, Method: "resources/read", Server: "files", Name: "file:///x", Result: json.RawMessage(res)}
	}
	env := "GITHUB_TOKEN=" + pat + "\n"
	tests := []struct {
		name   string
		yaml   string
		ex     guard.Exchange
		action guard.Action
		rule   string
		gone   []string // must not survive in the payload
	}{
		// A value that is JSON text itself spelled the token with escapes.
		{name: "escaped token in double-encoded JSON", ex: result(`{"content":[{"type":"text","text":` + js(`{"t":"\u0067hp_`+pat[4:]+`"}`) + `}]}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{pat[4:]}},
		{name: "escaped token to a sink", ex: call("mail", "send", `{"body":`+js(`{"t":"\u0067\u0068p_`+pat[4:]+`"}`)+`}`),
			action: guard.Deny, rule: "secrets.sink"},
		// _meta inside the tool's own data was skipped as protocol metadata.
		{name: "_meta member in arguments to a sink", ex: call("mail", "send", `{"to":"x","_meta":{"t":`+js(pat)+`}}`),
			action: guard.Deny, rule: "secrets.sink"},
		{name: "nested _meta in arguments", ex: call("notes", "save", `{"body":{"_meta":`+js(pat)+`}}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{pat}},
		{name: "_meta in structuredContent", ex: result(`{"content":[],"structuredContent":{"_meta":{"t":` + js(pat) + `}}}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{pat}},
		// Member names were never scanned.
		{name: "secret as a member name to a sink", ex: call("mail", "send", `{"to":"x","data":{`+js(pat)+`:1}}`),
			action: guard.Deny, rule: "secrets.sink"},
		{name: "secret as a member name in a result", ex: result(`{"content":[],"structuredContent":{"tokens":{` + js(pat) + `:{"user":"bob","scope":"repo, admin:org"}}}}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{pat}},
		{name: "two secret member names stay distinct", ex: result(`{"content":[],"structuredContent":{` + js(pat) + `:1,` + js(awsKey) + `:2,"[REDACTED:aws-access-key-id]":3}}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{pat, awsKey}},
		// Numbers were never scanned (the personal-data pack's cards).
		{name: "card number as a JSON number", yaml: "pii: true", ex: call("notes", "save", `{"card":4532015112830366}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{"4532015112830366"}},
		// Values were scanned without their member name, so a secret told
		// only by its name passed in structured data.
		{name: "password argument", ex: call("notes", "save", `{"user":"bob","password":`+js(password)+`}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{password}},
		{name: "password argument to a sink", ex: call("mail", "send", `{"password":`+js(password)+`}`),
			action: guard.Deny, rule: "secrets.sink"},
		{name: "aws secret in structuredContent", ex: result(`{"content":[],"structuredContent":{"aws_secret_access_key":` + js(awsSecret) + `}}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{awsSecret}},
		{name: "name/value pair", ex: result(`{"content":[],"structuredContent":{"env":[{"name":"DB_PASSWORD","value":` + js(password) + `}]}}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{password}},
		{name: "elicitation answer field", ex: guard.Exchange{Phase: guard.PhaseRequest, Method: "elicitation/create", Server: "s",
			Result: json.RawMessage(`{"action":"accept","content":{"api_token":"Zk3mQ8vX2pL7wR9tY4nB6cJ1hF5gD0sA"}}`)},
			action: guard.Modify, rule: "secrets.redact", gone: []string{"Zk3mQ8vX2pL7wR9tY4nB6cJ1hF5gD0sA"}},
		// The same value found in one field (with its context) survived in
		// another (without).
		{name: "secret in text and again in structuredContent", ex: result(`{"content":[{"type":"text","text":` +
			js(`aws_secret_access_key = "`+awsSecret+`"`) + `}],"structuredContent":{"creds":[` + js(awsSecret) + `]}}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{awsSecret}},
		{name: "secret again in a resource link", ex: result(`{"content":[{"type":"text","text":` + js("password: "+password) +
			`},{"type":"resource_link","name":"x","uri":` + js("https://h/?q="+password) + `}]}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{password}},
		// A secret cut across two values reached a sink.
		{name: "split across two arguments", ex: call("mail", "send", `{"a":`+js(pat[:20])+`,"b":`+js(pat[20:])+`}`),
			action: guard.Deny, rule: "secrets.sink"},
		{name: "split across array items", ex: call("mail", "send", `{"parts":[`+js(pat[:9])+`,`+js(pat[9:25])+`,`+js(pat[25:])+`]}`),
			action: guard.Deny, rule: "secrets.sink"},
		{name: "split but allowlisted", yaml: "allow:\n  paths: [\"mail/send/arguments.*\"]", ex: call("mail", "send", `{"a":`+js(pat[:20])+`,"b":`+js(pat[20:])+`}`),
			action: guard.Allow},
		// Blobs were read only with a textual mimeType.
		{name: "octet-stream blob", ex: resource(`{"contents":[{"uri":"file:///x/.env","mimeType":"application/octet-stream","blob":"` + b64s(env) + `"}]}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{b64s(env)}},
		{name: "blob without mimeType", ex: resource(`{"contents":[{"uri":"file:///x/creds","blob":"` + b64s(env) + `"}]}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{b64s(env)}},
		{name: "embedded resource without mimeType", ex: result(`{"content":[{"type":"resource","resource":{"uri":"file:///x","blob":"` + b64s(env) + `"}}]}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{b64s(env)}},
		// Decoding stopped at a stray '=' that Python's decoder skips.
		{name: "text after a stray '=' in a blob", ex: resource(`{"contents":[{"uri":"u","mimeType":"text/plain","blob":"` + b64s("abc") + "=" + b64s(env) + `"}]}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{b64s(env)}},
		// Result fields outside content[] and structuredContent.
		{name: "legacy toolResult", ex: result(`{"toolResult":` + js(env) + `}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{pat}},
		{name: "content as one object", ex: result(`{"content":{"type":"text","text":` + js(env) + `}}`),
			action: guard.Modify, rule: "secrets.redact", gone: []string{pat}},
		// Completion's ref goes upstream too.
		{name: "completion ref", ex: guard.Exchange{Phase: guard.PhaseRequest, Method: "completion/complete", Server: "s",
			Params: json.RawMessage(`{"ref":{"type":"ref/resource","uri":` + js("file:///t?token="+pat) + `},"argument":{"name":"a","value":"b"}}`)},
			action: guard.Modify, rule: "secrets.redact", gone: []string{pat}},
		// Negatives: structured data full of ids and hashes stays as it is.
		{name: "ids and hashes", ex: result(`{"content":[],"structuredContent":{"id":"Zk3mQ8vX2pL7wR9tY4nB6cJ1hF5gD0sA","sha":"3f4e8a9b1c2d7e6f5a4b3c2d1e0f9a8b3f4e8a9b",` +
			`"next_page_token":"Zk3mQ8vX2pL7wR9tY4nB6cJ1hF5gD0sA","node_id":"MDQ6VXNlcjU4MzIzMQ==","max_tokens":4096,"count":123456789,` +
			`"title":"Quarterly report","url":"https://example.com/a/b?c=d","etag":"W/\"a8f3k2m9x7q1w5e4r6t0y2u8i3o5p7l9\""}}`),
			action: guard.Allow},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := flow.New(flow.Options{})
			g := build(t, tc.yaml, tr, labels{"mail/send": true})
			ex := tc.ex
			ex.Session = sess
			orig := string(ex.Params) + string(ex.Result)
			v, err := g.Inspect(context.Background(), &ex)
			if err != nil {
				t.Fatal(err)
			}
			out := string(ex.Params) + string(ex.Result)
			if v.Action != tc.action || v.Rule != tc.rule {
				t.Fatalf("verdict %s %s (%s), want %s %s\n%s", v.Action, v.Rule, v.Reason, tc.action, tc.rule, out)
			}
			if v.Action != guard.Modify && out != orig {
				t.Errorf("payload changed without Modify: %s", out)
			}
			for _, s := range tc.gone {
				if strings.Contains(out, s) {
					t.Errorf("%q survived: %s", s, out)
				}
			}
			for _, raw := range []json.RawMessage{ex.Params, ex.Result} {
				if raw == nil {
					continue
				}
				if !json.Valid(raw) {
					t.Errorf("invalid JSON: %s", raw)
				}
				if k, dup := duplicateKey(raw); dup {
					t.Errorf("duplicate member %q: %s", k, raw)
				}
			}
			d, _ := json.Marshal(v.Details)
			for _, s := range append([]string{pat, awsKey, awsSecret, password}, tc.gone...) {
				if strings.Contains(string(d), s) {
					t.Errorf("details carry %q: %s", s, d)
				}
			}
		})
	}
}

// duplicateKey finds a member name that appears twice in one object.
func duplicateKey(raw []byte) (string, bool) {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	type frame struct {
		obj  bool
		key  bool // the next string token is a member name
		seen map[string]bool
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				if top != nil && top.obj {
					top.key = true
				}
				stack = append(stack, &frame{obj: v == '{', key: v == '{', seen: map[string]bool{}})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		case string:
			if top != nil && top.obj && top.key {
				if k := strings.ToLower(v); top.seen[k] {
					return v, true
				} else {
					top.seen[k] = true
				}
				top.key = false
				continue
			}
		}
		if top != nil && top.obj {
			top.key = true
		}
	}
}

// TestTooManyFailsClosed: the scanner reports at most maxFindings secrets
// per value; a value with more is refused, not partly redacted.
func TestTooManyFailsClosed(t *testing.T) {
	g := build(t, "", flow.New(flow.Options{}), nil)
	last := "AKIA4HKQ7ZP2MXV3RT7Q"
	text := strings.Repeat(awsKey+" ", maxFindings) + last
	ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "f", Name: "r", Session: sess,
		Result: json.RawMessage(`{"content":[{"type":"text","text":` + js(text) + `}]}`)}
	v, err := g.Inspect(context.Background(), ex)
	if err != nil || v.Action != guard.Deny || v.Rule != "secrets.too_many" {
		t.Fatalf("%s %s %v", v.Action, v.Rule, err)
	}
	// Just under the cap, every one is redacted.
	text = strings.Repeat(awsKey+" ", maxFindings-2) + last
	ex.Result = json.RawMessage(`{"content":[{"type":"text","text":` + js(text) + `}]}`)
	if v, err := g.Inspect(context.Background(), ex); err != nil || v.Action != guard.Modify || strings.Contains(string(ex.Result), last) {
		t.Fatalf("%s %s %v", v.Action, v.Rule, err)
	}
}

// TestAllowedPathTraversal: a path allowlist over a resource URI cannot be
// left with dot segments, which the client chooses and servers resolve.
func TestAllowedPathTraversal(t *testing.T) {
	g := build(t, "allow:\n  paths: [\"files/file:///repo/testdata/*\"]", flow.New(flow.Options{}), nil)
	for _, tc := range []struct {
		uri     string
		allowed bool
	}{
		{"file:///repo/testdata/fixture.env", true},
		{"file:///repo/testdata/sub/../fixture.env", true},
		{"file:///repo/testdata/../.env", false},
		{"file:///repo/testdata/%2e%2e/.env", false},
		{"file:///repo/testdata/%2E%2e%2f.env", false},
		{`file:///repo/testdata\..\.env`, false},
		{"file:///repo/testdata/./../../repo/.env", false},
	} {
		ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "resources/read", Server: "files", Name: tc.uri, Session: sess,
			Result: json.RawMessage(`{"contents":[{"uri":"u","text":` + js("T="+pat) + `}]}`)}
		v, err := g.Inspect(context.Background(), ex)
		if err != nil || (v.Action == guard.Allow) != tc.allowed {
			t.Errorf("%s: %s %v, want allowed %v", tc.uri, v.Action, err, tc.allowed)
		}
	}
}

// TestSeenSecretInWords: a secret the session received, sent to a sink
// inside a sentence or a URL rather than as a whole value.
func TestSeenSecretInWords(t *testing.T) {
	ctx := context.Background()
	tr := flow.New(flow.Options{})
	g := build(t, "", tr, labels{"mail/send": true})
	secret := "correct-horse-battery-staple-42"
	tr.SawSecrets(sess.Key(), digest(secret))
	for _, body := range []string{
		"here it is: " + secret + ".",
		"see https://x.example/?k=" + secret + "&a=1",
		`{"k":"` + secret + `"}`,
	} {
		ex := &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: "mail", Name: "send", Session: sess,
			Params: json.RawMessage(`{"name":"send","arguments":{"body":` + js(body) + `}}`)}
		v, err := g.Inspect(ctx, ex)
		if err != nil || v.Action != guard.Deny || v.Rule != "secrets.sink_seen" {
			t.Errorf("%q: %s %s %v", body, v.Action, v.Rule, err)
		}
		if d, _ := json.Marshal(v.Details); strings.Contains(string(d), secret) {
			t.Errorf("details carry the secret: %s", d)
		}
	}
}

// TestMaskShowsLittle: the audit log's masked value never shows more than
// a third of a secret.
func TestMaskShowsLittle(t *testing.T) {
	for _, s := range []string{"Summer-2024!xyzq", "abcdefg-hijklmn", pat, awsKey, "short", "ab_cdefghijklmnopqrstu"} {
		m := mask(s)
		if shown := len(strings.ReplaceAll(m, "…", "")); shown*3 > len(s) {
			t.Errorf("mask(%q) = %q shows %d of %d bytes", s, m, shown, len(s))
		}
	}
	if m := mask(pat); !strings.HasPrefix(m, "ghp_…") {
		t.Errorf("mask(pat) = %q, want the prefix kept", m)
	}
}

// TestSecretKeyPathNotAudited: a member name that is a secret is part of
// the paths under it; the audit log gets them redacted.
func TestSecretKeyPathNotAudited(t *testing.T) {
	g := build(t, "", flow.New(flow.Options{}), nil)
	ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "f", Name: "r", Session: sess,
		Result: json.RawMessage(`{"content":[],"structuredContent":{` + js(pat) + `:{"k":` + js(awsKey) + `}}}`)}
	v, err := g.Inspect(context.Background(), ex)
	if err != nil || v.Action != guard.Modify {
		t.Fatalf("%s %v", v.Action, err)
	}
	d, _ := json.Marshal(v.Details)
	if strings.Contains(string(d), pat) || !strings.Contains(string(d), "[REDACTED:github-pat]") {
		t.Errorf("details: %s", d)
	}
}

func FuzzUnescapeJSON(f *testing.F) {
	for _, s := range []string{`\u0067hp_x`, `\ud83d\ude00`, `\ud800`, `a\\u0041`, `\u00`, `\"\n\/`, "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dec, offs, ok := unescapeJSON(s)
		if !ok {
			return
		}
		if len(offs) != len(dec)+1 || offs[len(dec)] != len(s) {
			t.Fatalf("%q: %d offsets for %d bytes", s, len(offs), len(dec))
		}
		for i := 1; i < len(offs); i++ {
			if offs[i] < offs[i-1] || offs[i] > len(s) {
				t.Fatalf("%q: offsets not monotone within the text: %v", s, offs)
			}
		}
	})
}
