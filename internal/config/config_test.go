package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// minimal is the smallest valid document; error cases append to it.
const minimal = "version: 1\nupstreams:\n  - name: files\n    command: [server]\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"bad url", "version: 1\nupstreams:\n  - name: a\n    command: [x]\n  - name: b\n    url: foo\n",
			`warden.yaml:6:10: upstreams[1].url: expected an absolute http or https URL, got "foo"`},
		{"unknown key with suggestion", "version: 1\nlisten: 127.0.0.1:1\nlisen: x\nupstreams:\n  - name: a\n    command: [x]\n",
			`warden.yaml:3:1: lisen: unknown key "lisen" (did you mean "listen"?)`},
		{"unknown key without suggestion", minimal + "zzzzzzzz: 1\n",
			`warden.yaml:5:1: zzzzzzzz: unknown key "zzzzzzzz" (known keys: audit, auth, data_dir, guards, http, limits, listen, log, metrics, path, upstreams, version)`},
		{"nested unknown key", minimal + "    comand: [y]\n",
			`warden.yaml:5:5: upstreams[0].comand: unknown key "comand" (did you mean "command"?)`},
		{"all problems sorted by line", "version: 1\nlog: {level: loud}\nlimits:\n  max_sessions: many\nupstreams: []\nmetrics: {enabled: yes}\n",
			"warden.yaml:2:14: log.level: expected one of debug, info, warn, error, got \"loud\"\n" +
				"warden.yaml:4:17: limits.max_sessions: expected an integer, got \"many\"\n" +
				"warden.yaml:5:1: upstreams: at least one upstream is required\n" +
				"warden.yaml:6:20: metrics.enabled: expected true or false, got \"yes\""},
		{"duration without unit", minimal + "limits: {request_timeout: 60}\n",
			`warden.yaml:5:27: limits.request_timeout: expected a duration with a unit such as 60s, got "60"`},
		{"bad byte size", minimal + "limits: {max_message_bytes: 4 MiBs}\n",
			`warden.yaml:5:29: limits.max_message_bytes: unknown size unit "MiBs" in "4 MiBs" (use B, KiB, MiB, GiB, KB, MB or GB)`},
		{"timeout order", minimal + "limits: {request_timeout: 20m}\n",
			`warden.yaml:5:27: limits.request_timeout: 20m0s is longer than limits.max_request_timeout (10m0s)`},
		{"both command and url", "version: 1\nupstreams:\n  - name: a\n    command: [x]\n    url: http://h/mcp\n",
			`warden.yaml:3:5: upstreams[0]: set exactly one of command (a stdio child) or url (an HTTP server)`},
		{"neither command nor url", "version: 1\nupstreams:\n  - name: a\n",
			`warden.yaml:3:5: upstreams[0]: set exactly one of command (a stdio child) or url (an HTTP server)`},
		{"duplicate names", "version: 1\nupstreams:\n  - {name: a, command: [x]}\n  - {name: a, url: 'http://h/'}\n",
			`warden.yaml:4:12: upstreams[1].name: duplicate upstream name "a" (also upstreams[0])`},
		{"bad name", "version: 1\nupstreams:\n  - {name: files__x, command: [x]}\n",
			`warden.yaml:3:12: upstreams[0].name: expected 1-32 lowercase letters, digits and hyphens starting with a letter or digit, got "files__x"`},
		{"missing version", "upstreams:\n  - {name: a, command: [x]}\n",
			`warden.yaml:1:1: missing version: add version: 1 at the top`},
		{"wrong version", "version: 2\nupstreams:\n  - {name: a, command: [x]}\n",
			`warden.yaml:1:10: version: unsupported version 2; this Warden reads version 1`},
		{"duplicate key", minimal + "listen: 127.0.0.1:1\nlisten: 127.0.0.1:2\n",
			`warden.yaml:6:1: listen: duplicate key (first set on line 5)`},
		{"listen", minimal + "listen: localhost\n",
			`warden.yaml:5:9: listen: expected host:port such as 127.0.0.1:8080, got "localhost"`},
		{"wrong shape", minimal + "http: [a]\n",
			`warden.yaml:5:7: http: expected a mapping, got a list`},
		{"command is not a list", "version: 1\nupstreams:\n  - {name: a, command: npx server}\n",
			`warden.yaml:3:24: upstreams[0].command: expected a list of strings, got "npx server"`},
		{"literal secret header", "version: 1\nupstreams:\n  - name: a\n    url: https://h/mcp\n    headers:\n      Authorization: Bearer abc123\n",
			`warden.yaml:6:22: upstreams[0].headers.Authorization: looks like a secret written into the config; use a reference such as "${env:NAME}" or "${file:/path/to/secret}" instead`},
		{"unset env reference", "version: 1\nupstreams:\n  - name: a\n    url: https://h/mcp\n    headers: {X-Api-Key: '${env:WARDEN_TEST_UNSET_VAR}'}\n",
			`warden.yaml:5:26: upstreams[0].headers.X-Api-Key: environment variable WARDEN_TEST_UNSET_VAR is not set`},
		{"headers on command", "version: 1\nupstreams:\n  - name: a\n    command: [x]\n    headers: {X-Trace: '1'}\n",
			`warden.yaml:5:5: upstreams[0].headers: headers apply only to url upstreams; pass a stdio child secrets through env`},
		{"env on url", "version: 1\nupstreams:\n  - name: a\n    url: https://h/\n    env_passthrough: [PATH]\n",
			`warden.yaml:5:5: upstreams[0].env_passthrough: applies only to command upstreams (stdio children)`},
		{"bad transport", "version: 1\nupstreams:\n  - {name: a, url: 'https://h/', transport: websocket}\n",
			`warden.yaml:3:45: upstreams[0].transport: expected streamable or sse, got "websocket"`},
		{"credentials in url", "version: 1\nupstreams:\n  - {name: a, url: 'https://u:p@h/'}\n",
			`warden.yaml:3:20: upstreams[0].url: credentials in the URL are not allowed; send them with headers and a ${env:NAME} reference`},
		{"wildcard origin", minimal + "http: {allowed_origins: ['*']}\n",
			`warden.yaml:5:26: http.allowed_origins[0]: wildcards are not supported; list each origin such as https://app.example.com, got "*"`},
		{"tls half set", minimal + "http:\n  tls: {cert_file: c.pem}\n",
			`warden.yaml:6:3: http.tls: set both cert_file and key_file, or neither`},
		{"tls missing file", minimal + "http:\n  tls: {cert_file: /nonexistent/c.pem, key_file: /nonexistent/k.pem}\n",
			"warden.yaml:6:20: http.tls.cert_file: stat /nonexistent/c.pem: no such file or directory\n" +
				"warden.yaml:6:50: http.tls.key_file: stat /nonexistent/k.pem: no such file or directory"},
		{"reserved path", minimal + "path: /sse\n",
			`warden.yaml:5:7: path: /sse is reserved for the legacy HTTP+SSE endpoints (/sse and /message)`},
		{"guard wrong shape", minimal + "guards: {flow: [1]}\n",
			`warden.yaml:5:16: guards.flow: expected a mapping of guard settings, true or false, got a list`},
		{"guard enabled not bool", minimal + "guards:\n  flow: {enabled: 'no'}\n",
			`warden.yaml:6:19: guards.flow.enabled: expected true or false, got "no"`},
		{"merge key", "base: &b {name: a}\n" + minimal,
			"warden.yaml:1:1: base: unknown key \"base\" (known keys: audit, auth, data_dir, guards, http, limits, listen, log, metrics, path, upstreams, version)"},
		{"merge key in upstream", "version: 1\nx: &b {command: [s]}\nupstreams:\n  - <<: *b\n    name: a\n",
			"warden.yaml:2:1: x: unknown key \"x\" (known keys: audit, auth, data_dir, guards, http, limits, listen, log, metrics, path, upstreams, version)\n" +
				"warden.yaml:4:5: upstreams[0]: YAML merge keys (<<) are not supported; write the keys out"},
		{"syntax error", "version: 1\nupstreams: [\n",
			`warden.yaml:2:1: invalid YAML: did not find expected node content`},
		{"two documents", minimal + "---\nversion: 1\n",
			`warden.yaml:5:1: only one YAML document is allowed (remove the second ---)`},
		{"empty", "# nothing\n", `warden.yaml: config is empty; it needs at least version: 1 and one upstream`},
		{"not a mapping", "- a\n", `warden.yaml:1:1: expected a mapping, got a list`},
		{"header twice", "version: 1\nupstreams:\n  - name: a\n    url: https://h/\n    headers: {X-Trace: a, x-trace: b}\n",
			`warden.yaml:5:5: upstreams[0].headers: header "x-trace" is set twice (also as "X-Trace"); header names ignore case`},
		{"upstream timeout above max", "version: 1\nupstreams:\n  - {name: a, command: [x], timeout: 1h}\n",
			`warden.yaml:3:38: upstreams[0].timeout: 1h0m0s is longer than limits.max_request_timeout (10m0s)`},
		{"restart order", "version: 1\nupstreams:\n  - name: a\n    command: [x]\n    restart: {initial_backoff: 10s, max_backoff: 1s}\n",
			`warden.yaml:5:50: upstreams[0].restart.max_backoff: 1s is shorter than restart.initial_backoff (10s)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("warden.yaml", []byte(tt.doc))
			if err == nil {
				t.Fatalf("Parse succeeded, want error:\n%s", tt.want)
			}
			if c != nil && strings.Contains(tt.name, "syntax") {
				t.Errorf("Parse returned a config with a syntax error")
			}
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("error is %T, want *Error", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestParseDefaultsAndDerived(t *testing.T) {
	c, err := Parse("dir/warden.yaml", []byte(minimal+"  - name: web\n    url: https://h.example/mcp\n    timeout: 5s\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:8080" || c.Path != "/mcp" || c.Log.Level != "info" || c.Log.Format != "text" || !c.Metrics.Enabled {
		t.Errorf("core defaults not applied: %+v", c)
	}
	if c.DataDir != filepath.Join("dir", "warden-data") {
		t.Errorf("data_dir = %q, want it resolved against the config's directory", c.DataDir)
	}
	if c.Limits.MaxMessageBytes != 4*MiB || c.Limits.RequestTimeout.Std() != time.Minute || c.Limits.MaxRequestTimeout.Std() != 10*time.Minute {
		t.Errorf("limits defaults: %+v", c.Limits)
	}
	f, w := c.Upstreams[0], c.Upstreams[1]
	if f.Transport != TransportStdio || f.Protocol != ProtocolAuto || f.Timeout.Std() != time.Minute ||
		!reflect.DeepEqual(f.EnvPassthrough, DefaultEnvPassthrough()) || f.Restart.InitialBackoff.Std() != 500*time.Millisecond {
		t.Errorf("stdio upstream defaults: %+v", f)
	}
	if w.Transport != TransportStreamable || w.Timeout.Std() != 5*time.Second {
		t.Errorf("url upstream: %+v", w)
	}
	if rs := c.Relaxations(); len(rs) != 0 {
		t.Errorf("Relaxations of a default config = %q, want none", rs)
	}
}

func TestLoadExample(t *testing.T) {
	t.Setenv("SEARCH_API_KEY", "k-123")
	c, err := Load("../../examples/warden.yaml")
	if err != nil {
		t.Fatalf("examples/warden.yaml does not load: %v", err)
	}
	if got := c.Upstreams[1].Headers["X-Api-Key"]; got != "k-123" {
		t.Errorf("X-Api-Key = %q, want the expanded reference", got)
	}
	if rs := c.Relaxations(); len(rs) != 0 {
		t.Errorf("the example should be as strict as the defaults; Relaxations = %q", rs)
	}
	if ws := c.UnknownServers(); len(ws) != 0 {
		t.Errorf("the example's guard settings should name its own upstreams; UnknownServers = %q", ws)
	}
	if !c.Guard("injection").Enabled() || !c.Guard("not-mentioned").Enabled() {
		t.Error("guards should be enabled")
	}

	// Round trip: marshal the loaded config and parse it again.
	c.Upstreams[1].Headers["X-Api-Key"] = "${env:SEARCH_API_KEY}"
	out, err := yaml.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := Parse("roundtrip.yaml", out)
	if err != nil {
		t.Fatalf("re-parsing marshalled config: %v\n%s", err, out)
	}
	c.Upstreams[1].Headers["X-Api-Key"] = "k-123"
	for _, x := range []*Config{c, c2} {
		x.src = nil
		for k, g := range x.Guards {
			x.Guards[k] = GuardConfig{disabled: !g.Enabled()}
		}
	}
	if !reflect.DeepEqual(c, c2) {
		t.Errorf("round trip changed the config:\nfirst:  %+v\nsecond: %+v", c, c2)
	}
}

func TestDefault(t *testing.T) {
	c := Default()
	if len(c.Upstreams) != 1 || c.Upstreams[0].Name != "example" ||
		!reflect.DeepEqual(c.Upstreams[0].Command, []string{SelfPlaceholder, "example-server"}) {
		t.Fatalf("default upstreams = %+v", c.Upstreams)
	}
	if rs := c.Relaxations(); len(rs) != 0 {
		t.Errorf("default Relaxations = %q", rs)
	}
	c.ResolveSelf("/usr/bin/warden")
	if c.Upstreams[0].Command[0] != "/usr/bin/warden" {
		t.Errorf("ResolveSelf: %q", c.Upstreams[0].Command)
	}
	if d := Default(); d.Upstreams[0].Command[0] != SelfPlaceholder {
		t.Error("Default shares state between calls")
	}
	if _, err := Parse("default.yaml", DefaultDocument()); err != nil {
		t.Error(err)
	}
}

func TestRelaxations(t *testing.T) {
	doc := `version: 1
listen: 0.0.0.0:8080
limits: {max_message_bytes: 16MiB, max_sessions: 5}
http: {allowed_origins: ['https://app.example.com'], allowed_hosts: [mcp.example.com]}
upstreams:
  - {name: a, command: [x], env_passthrough: [PATH, AWS_PROFILE]}
  - {name: b, url: 'http://10.0.0.5/mcp'}
  - {name: c, url: 'http://127.0.0.1:9/mcp'}
guards: {flow: false, secrets: {enabled: false}, policy: {enabled: true}}
`
	c, err := Parse("w.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"listen 0.0.0.0:8080 accepts connections from other machines without TLS: traffic and tokens travel in clear text (set http.tls or put a TLS proxy in front)",
		"listen 0.0.0.0:8080 accepts connections from other machines without authentication (set auth.mode to oauth or api_key)",
		"http.allowed_origins lets web pages from https://app.example.com call Warden from a browser",
		"http.allowed_hosts accepts extra Host names (weakens DNS-rebinding protection): mcp.example.com",
		"limits.max_message_bytes is 16MiB, above the default 4MiB",
		`upstream "a" inherits extra environment variables: AWS_PROFILE`,
		`upstream "b" is reached over plain http at 10.0.0.5: its traffic and headers are not encrypted`,
		`guard "flow" is disabled`,
		`guard "secrets" is disabled`,
	}
	if got := c.Relaxations(); !reflect.DeepEqual(got, want) {
		t.Errorf("Relaxations:\ngot  %q\nwant %q", got, want)
	}
}

func TestUnknownServers(t *testing.T) {
	doc := `version: 1
upstreams:
  - {name: search, url: 'https://search.example/mcp'}
  - {name: files, command: [x]}
guards:
  injection:
    servers:
      serach: {action: quarantine}
      files: {action: block}
  secrets: {servers: {"*": {action: block}}}
  flow:
    labels:
      files: {"*": [private_data]}
      mail: {send: [external_sink]}
  ratelimit:
    tools:
      files/write: {rate: 1, burst: 1}
      db/export: {rate: 1, burst: 1}
  policy:
    servers:
      search: {default: allow}
    rules: [{name: r, when: "true", action: allow}]
`
	c, err := Parse("w.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`w.yaml:14:7: guards.flow.labels.mail: names no upstream "mail": these settings apply to nothing`,
		`w.yaml:8:7: guards.injection.servers.serach: names no upstream "serach": these settings apply to nothing (did you mean "search"?)`,
		`w.yaml:18:7: guards.ratelimit.tools["db/export"]: names no upstream "db": these settings apply to nothing`,
	}
	if got := c.UnknownServers(); !reflect.DeepEqual(got, want) {
		t.Errorf("UnknownServers:\ngot  %q\nwant %q", got, want)
	}
}

type flowSettings struct {
	MaxHops int               `yaml:"max_hops"`
	Window  Duration          `yaml:"window"`
	Labels  map[string]string `yaml:"labels"`
	Rules   []struct {
		Match string `yaml:"match"`
	} `yaml:"rules"`
}

func TestGuardDecode(t *testing.T) {
	doc := minimal + `guards:
  flow:
    enabled: true
    max_hops: 3
    window: 1m
    rules:
      - match: a
      - match: b
  bad:
    max_hop: 3
    window: soon
    rules:
      - mtach: x
  off: false
  empty:
`
	c, err := Parse("w.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	s := flowSettings{MaxHops: 9}
	if err := c.Guard("flow").Decode(&s); err != nil {
		t.Fatal(err)
	}
	if s.MaxHops != 3 || s.Window.Std() != time.Minute || len(s.Rules) != 2 || s.Rules[1].Match != "b" {
		t.Errorf("decoded %+v", s)
	}

	err = c.Guard("bad").Decode(&flowSettings{})
	want := "w.yaml:14:5: guards.bad.max_hop: unknown key \"max_hop\" (did you mean \"max_hops\"?)\n" +
		"w.yaml:15:13: guards.bad.window: expected a duration such as 30s or 5m, got \"soon\"\n" +
		"w.yaml:17:9: guards.bad.rules[0].mtach: unknown key \"mtach\" (did you mean \"match\"?)"
	if err == nil || err.Error() != want {
		t.Errorf("Decode error:\n%v\nwant:\n%s", err, want)
	}
	if p := c.Guard("flow").Problem("rules[1].match", "bad regexp"); p.String() != `w.yaml:12:16: guards.flow.rules[1].match: bad regexp` {
		t.Errorf("Problem = %s", p)
	}

	if c.Guard("off").Enabled() || !c.Guard("empty").Enabled() || !c.Guard("flow").Enabled() {
		t.Error("Enabled wrong")
	}
	empty := flowSettings{MaxHops: 9}
	if err := c.Guard("empty").Decode(&empty); err != nil || empty.MaxHops != 9 {
		t.Errorf("empty guard block should keep defaults: %v %+v", err, empty)
	}
	if err := c.Guard("absent").Decode(&empty); err != nil {
		t.Error(err)
	}
	if err := c.Guard("flow").Decode(flowSettings{}); err == nil {
		t.Error("Decode into a non-pointer should fail")
	}

	err = c.CheckGuards([]string{"flow", "off", "empty", "bads"})
	if err == nil || err.Error() != `w.yaml:13:3: guards.bad: unknown guard "bad" (did you mean "bads"?)` {
		t.Errorf("CheckGuards = %v", err)
	}
}

func TestSecretReferences(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "token"), []byte("s3cret-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("WARDEN_TEST_TOKEN", "s3cret-env")
	cfg := filepath.Join(dir, "warden.yaml")
	doc := `version: 1
upstreams:
  - name: web
    url: https://h.example/mcp
    headers:
      Authorization: "Bearer ${env:WARDEN_TEST_TOKEN}"
      X-Api-Key: "${file:token}"
      X-Note: "costs $$5 and $${literal}"
  - name: cli
    command: [x]
    env: {GITHUB_TOKEN: "${env:WARDEN_TEST_TOKEN}", MODE: fast}
`
	if err := os.WriteFile(cfg, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := c.Upstreams[0].Headers
	if h["Authorization"] != "Bearer s3cret-env" || h["X-Api-Key"] != "s3cret-file" || h["X-Note"] != "costs $$5 and ${literal}" {
		t.Errorf("headers = %q", h)
	}
	if e := c.Upstreams[1].Env; e["GITHUB_TOKEN"] != "s3cret-env" || e["MODE"] != "fast" {
		t.Errorf("env = %q", e)
	}

	bad := []struct{ value, want string }{
		{"${env:}", `invalid environment variable name "" in ${env:...}`},
		{"${vault:x}", `unknown reference "${vault:x}"`},
		{"${env:X", "unterminated reference"},
		{"${file:missing}", "reading secret file: open " + filepath.Join(dir, "missing")},
	}
	for _, b := range bad {
		_, err := ExpandReferences(b.value, dir)
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("ExpandReferences(%q) = %v, want %q", b.value, err, b.want)
		}
	}

	// A header value with a line break must be rejected without echoing it.
	t.Setenv("WARDEN_TEST_TOKEN", "s3cret\r\nX-Evil: 1")
	_, err = Load(cfg)
	if err == nil || !strings.Contains(err.Error(), "headers.Authorization: value contains a line break") {
		t.Errorf("want header injection error, got %v", err)
	}
	if err != nil && strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error leaks the secret: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "absent.yaml")); err == nil || !strings.Contains(err.Error(), "reading config") {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, []byte(minimal+"# "+strings.Repeat("x", MaxFileSize)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("big file: %v", err)
	}
}

// tree is a recursive list type, so alias expansion goes through the
// decoder's own walk rather than yaml.v3's.
type tree []tree

func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(minimal + "guards:\n  bomb:\n    anchors:\n      a: &a [[], [], [], [], [], [], [], [], [], []]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString("      " + n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n")
		prev = n
	}
	b.WriteString("    list: *i\n")
	c, err := Parse("w.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Anchors map[string]tree `yaml:"anchors"`
		List    tree            `yaml:"list"`
	}
	done := make(chan error, 1)
	go func() { done <- c.Guard("bomb").Decode(&v) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "too deeply aliased") {
			t.Errorf("alias bomb: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("alias bomb did not finish")
	}
}

func TestHostileNesting(t *testing.T) {
	deep := minimal + "guards:\n  g:\n    x: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"
	tests := []struct {
		name, doc, want string
	}{
		{"self alias list", minimal + "guards: {g: {x: &a [*a]}}\n", "alias *a refers to a value that contains it"},
		{"self alias map", minimal + "guards: {g: {x: &a {x: *a}}}\n", "alias *a refers to a value that contains it"},
		{"deep", deep, "nested more than 64 levels deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("w.yaml", []byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			type node struct {
				X *node `yaml:"x"`
			}
			var target any = &struct {
				X tree `yaml:"x"`
			}{}
			if strings.Contains(tt.name, "map") {
				target = &node{}
			}
			done := make(chan error, 1)
			go func() { done <- c.Guard("g").Decode(target) }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("Decode = %v, want %q", err, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Decode did not finish")
			}
		})
	}
}
