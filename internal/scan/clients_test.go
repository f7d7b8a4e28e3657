package scan

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Bodies for each format, naming one server "srv".
var clientBodies = map[string]string{
	"mcpServers":    `{"mcpServers":{"srv":{"command":"node","args":["srv.js"]}}}`,
	"servers":       `{"servers":{"srv":{"type":"stdio","command":"node"}}}`,
	"mcp":           `{"mcp":{"srv":{"type":"local","command":["node","srv.js"]}}}`,
	"goose":         "extensions:\n  srv:\n    type: stdio\n    cmd: node\n    args: [srv.js]\n",
	"continue":      "mcpServers:\n  - name: srv\n    command: node\n",
	"continue-json": `{"command":"node"}`, // a block file: named after the file
}

// TestKnownLocationsClients puts one configuration at each documented
// location in a fake home (and project) and checks discovery finds it with
// the right client, for each OS layout.
func TestKnownLocationsClients(t *testing.T) {
	const vsLinux, vsMac, vsWin = ".config/Code/User", "Library/Application Support/Code/User", "AppData/Roaming/Code/User"
	tests := []struct {
		goos, client string
		rel          string // under home, or under the project with "./"
		body         string // key of clientBodies
		name         string // server name expected ("srv" when empty)
	}{
		{"linux", "cline", vsLinux + "/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", "mcpServers", ""},
		{"darwin", "cline", vsMac + "/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", "mcpServers", ""},
		{"windows", "cline", vsWin + "/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", "mcpServers", ""},
		{"linux", "cline", ".cline/data/settings/cline_mcp_settings.json", "mcpServers", ""},
		{"windows", "cline", ".cline/data/settings/cline_mcp_settings.json", "mcpServers", ""},
		{"linux", "roo-code", vsLinux + "/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json", "mcpServers", ""},
		{"darwin", "roo-code", vsMac + "/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json", "mcpServers", ""},
		{"windows", "roo-code", vsWin + "/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json", "mcpServers", ""},
		{"linux", "roo-code", "./.roo/mcp.json", "mcpServers", ""},
		{"linux", "continue", ".continue/config.yaml", "continue", ""},
		{"darwin", "continue", ".continue/config.yaml", "continue", ""},
		{"windows", "continue", ".continue/config.yaml", "continue", ""},
		{"linux", "continue", ".continue/config.json", "mcpServers", ""},
		{"linux", "continue", ".continue/mcpServers/db.yaml", "continue", ""},
		{"linux", "continue", ".continue/mcpServers/tool.json", "continue-json", "tool"},
		{"linux", "continue", "./.continue/mcpServers/pw.yml", "continue", ""},
		{"darwin", "continue", "./.continue/mcpServers/claude.json", "mcpServers", ""},
		{"linux", "goose", ".config/goose/config.yaml", "goose", ""},
		{"darwin", "goose", ".config/goose/config.yaml", "goose", ""},
		{"windows", "goose", "AppData/Roaming/Block/goose/config/config.yaml", "goose", ""},
		{"linux", "amazon-q", ".aws/amazonq/mcp.json", "mcpServers", ""},
		{"windows", "amazon-q", ".aws/amazonq/mcp.json", "mcpServers", ""},
		{"linux", "amazon-q", ".aws/amazonq/cli-agents/aws-expert.json", "mcpServers", ""},
		{"darwin", "amazon-q", ".aws/amazonq/agents/default.json", "mcpServers", ""},
		{"linux", "amazon-q", "./.amazonq/mcp.json", "mcpServers", ""},
		{"linux", "amazon-q", "./.amazonq/cli-agents/dev.json", "mcpServers", ""},
		{"linux", "kiro", ".kiro/settings/mcp.json", "mcpServers", ""},
		{"windows", "kiro", ".kiro/settings/mcp.json", "mcpServers", ""},
		{"darwin", "kiro", ".kiro/agents/reviewer.json", "mcpServers", ""},
		{"linux", "kiro", "./.kiro/settings/mcp.json", "mcpServers", ""},
		{"linux", "kiro", "./.kiro/agents/ops.json", "mcpServers", ""},
		{"linux", "lm-studio", ".lmstudio/mcp.json", "mcpServers", ""},
		{"darwin", "lm-studio", ".lmstudio/mcp.json", "mcpServers", ""},
		{"windows", "lm-studio", ".lmstudio/mcp.json", "mcpServers", ""},
		{"darwin", "lm-studio", ".cache/lm-studio/mcp.json", "mcpServers", ""},
		{"linux", "opencode", ".config/opencode/opencode.json", "mcp", ""},
		{"darwin", "opencode", ".config/opencode/opencode.jsonc", "mcp", ""},
		{"windows", "opencode", ".config/opencode/opencode.json", "mcp", ""},
		{"linux", "opencode", "./opencode.json", "mcp", ""},
		{"linux", "opencode", "./opencode.jsonc", "mcp", ""},
		{"linux", "crush", ".config/crush/crush.json", "mcp", ""},
		{"darwin", "crush", ".config/crush/crush.json", "mcp", ""},
		{"linux", "crush", ".local/share/crush/crush.json", "mcp", ""},
		{"windows", "crush", "AppData/Local/crush/crush.json", "mcp", ""},
		{"linux", "crush", "./.crush.json", "mcp", ""},
		{"windows", "crush", "./crush.json", "mcp", ""},
		{"linux", "copilot-cli", ".copilot/mcp-config.json", "mcpServers", ""},
		{"darwin", "copilot-cli", ".copilot/mcp-config.json", "mcpServers", ""},
		{"windows", "copilot-cli", ".copilot/mcp-config.json", "mcpServers", ""},
		{"windows", "visual-studio", ".mcp.json", "servers", ""},
	}
	for _, tc := range tests {
		t.Run(tc.goos+"/"+tc.client+"/"+tc.rel, func(t *testing.T) {
			home, cwd := t.TempDir(), t.TempDir()
			path := filepath.Join(home, filepath.FromSlash(tc.rel))
			if rel, ok := strings.CutPrefix(tc.rel, "./"); ok {
				path = filepath.Join(cwd, filepath.FromSlash(rel))
			}
			writeFile(t, path, clientBodies[tc.body])
			servers, found, errs := Discover(KnownLocations(tc.goos, home, "", cwd))
			if len(errs) != 0 || len(found) != 1 || found[0] != path {
				t.Fatalf("found %v, errors %v; want only %s", found, errs, path)
			}
			want := tc.name
			if want == "" {
				want = "srv"
			}
			if len(servers) != 1 || servers[0].Client != tc.client || servers[0].Name != want || servers[0].Command != "node" {
				t.Fatalf("servers %+v, want one %s/%s running node", servers, tc.client, want)
			}
		})
	}
}

// TestKnownLocationsNotRead checks paths that are not (or no longer) read:
// the old guess ~/.cline/mcp_settings.json, Visual Studio's home .mcp.json
// off Windows, and a Unix Goose path on Windows.
func TestKnownLocationsNotRead(t *testing.T) {
	tests := []struct{ goos, rel string }{
		{"linux", ".cline/mcp_settings.json"},
		{"linux", ".mcp.json"},
		{"darwin", ".mcp.json"},
		{"windows", ".config/goose/config.yaml"},
		{"windows", ".config/crush/crush.json"},
		{"linux", "AppData/Roaming/Block/goose/config/config.yaml"},
		{"linux", ".continue/mcpServers/notes.txt"},
		{"linux", ".kiro/agents/sub/deep.json"},
	}
	for _, tc := range tests {
		home := t.TempDir()
		writeFile(t, filepath.Join(home, filepath.FromSlash(tc.rel)), clientBodies["mcpServers"])
		if _, found, _ := Discover(KnownLocations(tc.goos, home, "", "")); len(found) != 0 {
			t.Errorf("%s %s: found %v, want nothing", tc.goos, tc.rel, found)
		}
	}
}

// A file whose name holds glob characters is read as named, not as a pattern.
func TestDiscoverLiteralGlobName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mcp[1].json")
	writeFile(t, path, clientBodies["mcpServers"])
	servers, found, errs := Discover([]Location{guessLocation(path)})
	if len(found) != 1 || len(errs) != 0 || len(servers) != 1 {
		t.Errorf("found %v, errors %v, servers %v", found, errs, servers)
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

// describe renders a server for comparison: name, line, launch or URL,
// and the names (not values) of env and headers.
func describe(s Server) string {
	keys := func(m map[string]string) string {
		k := sortedKeys(m)
		return strings.Join(k, ",")
	}
	launch := strings.TrimSpace(s.Command + " " + strings.Join(s.Args, " "))
	return fmt.Sprintf("%s@%d %s|%s|env=%s|headers=%s", s.Name, s.Line, launch, s.URL, keys(s.Env), keys(s.Headers))
}

func TestParseClientFormats(t *testing.T) {
	tests := []struct {
		file, format string
		want         []string
	}{
		{"testdata/goose/config.yaml", "goose", []string{
			"github@11 npx -y @modelcontextprotocol/server-github||env=GITHUB_PERSONAL_ACCESS_TOKEN|headers=",
			"tracker@23 |http://tracker.example.net/mcp|env=|headers=Authorization",
			"legacy@31 |https://legacy.example.com/sse|env=|headers=",
		}},
		{"testdata/continue/.continue/config.yaml", "continue", []string{
			"SQLite MCP@9 uvx mcp-server-sqlite --db-path /tmp/test.db||env=|headers=",
			"Search@15 |https://search.example.com/mcp|env=|headers=X-Api-Key",
		}},
		{"testdata/continue/.continue/config.json", "continue", []string{
			"installer@6 bash -c curl -fsSL https://get.example.dev/i.sh | bash||env=|headers=",
			"server-2@14 |http://10.0.0.5:3000/sse|env=|headers=",
		}},
		{"testdata/continue/.continue/mcpServers/playwright.yaml", "continue", []string{
			"Browser search@5 npx @playwright/mcp@latest||env=DEBUG|headers=",
		}},
		{"testdata/continue/.continue/mcpServers/docs.json", "continue", []string{
			"docs@1 docker run -i --rm ghcr.io/acme/docs-mcp||env=|headers=",
		}},
		{"testdata/continue/.continue/mcpServers/claude.json", "continue", []string{
			"weather@3 node /opt/weather/index.js||env=|headers=",
		}},
		{"testdata/opencode/opencode.json", "mcp", []string{
			"filesystem@5 npx -y @modelcontextprotocol/server-filesystem /home/me||env=OPENAI_API_KEY|headers=",
			"jira@13 |http://jira.example.com/mcp|env=|headers=Authorization",
		}},
		{"testdata/opencode/v2.jsonc", "mcp", []string{
			"fetch@4 uvx mcp-server-fetch==2025.1.1||env=|headers=",
		}},
		{"testdata/crush/crush.json", "mcp", []string{
			"filesystem@4 node /path/to/mcp-server.js||env=NODE_ENV|headers=",
			"github@11 |https://api.githubcopilot.com/mcp/|env=|headers=Authorization",
			"streaming-service@16 |http://example.com/mcp/sse|env=|headers=API-Key",
		}},
		{"testdata/copilot-cli/mcp-config.json", "mcpServers", []string{
			"context7@10 |https://mcp.context7.com/mcp|env=|headers=CONTEXT7_API_KEY",
			"serena@3 uvx --from git+https://github.com/oraios/serena serena start-mcp-server||env=|headers=",
		}},
	}
	for _, tc := range tests {
		servers, err := ReadLocation(Location{Client: "c", Path: tc.file, Format: tc.format})
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		var got []string
		for _, s := range servers {
			got = append(got, describe(s))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.file, got, tc.want)
		}
		// The file named on the command line gets the same format.
		if g := guessLocation(tc.file); g.Format != tc.format && g.Format != "auto" {
			t.Errorf("%s: guessed format %q, want %q", tc.file, g.Format, tc.format)
		}
	}
}

func TestGuessLocationClients(t *testing.T) {
	tests := []struct{ path, client, format string }{
		{"/h/.config/goose/config.yaml", "goose", "goose"},
		{"/h/.continue/config.yaml", "continue", "continue"},
		{"/h/.continue/config.json", "continue", "continue"},
		{"/p/.continue/mcpServers/db.json", "continue", "continue"},
		{"/p/opencode.jsonc", "opencode", "mcp"},
		{"/p/.crush.json", "crush", "mcp"},
		{"/h/.copilot/mcp-config.json", "copilot-cli", "mcpServers"},
		{"/x/settings/cline_mcp_settings.json", "cline", "mcpServers"},
		{"/p/.mcp.json", "file", "auto"},
	}
	for _, tc := range tests {
		if g := guessLocation(tc.path); g.Client != tc.client || g.Format != tc.format {
			t.Errorf("%s: %s/%s, want %s/%s", tc.path, g.Client, g.Format, tc.client, tc.format)
		}
	}
}

// TestParseClientEdgeCases covers shapes the fixtures do not: entries to
// skip, non-string scalars, aliases, and malformed input.
func TestParseClientEdgeCases(t *testing.T) {
	tests := []struct {
		format, in string
		want       string
		wantErr    bool
	}{
		{"goose", "", "", false},
		{"goose", "extensions:\n", "", false},
		{"goose", "extensions:\n  d:\n    type: builtin\n    name: developer\n", "", false},
		{"goose", "extensions:\n  p:\n    type: inline_python\n    code: print(1)\n", "", false},
		{"goose", "extensions:\n  a:\n    type: stdio\n    cmd: uvx\n    args: [pkg, 42]\n    envs: {PORT: 8080, DEBUG: true}\n",
			"a@2 uvx pkg 42||env=DEBUG,PORT|headers=", false},
		{"goose", "base: &b {type: stdio, cmd: node, args: [x.js]}\nextensions:\n  a: *b\n", "a@3 node x.js||env=|headers=", false},
		{"goose", "extensions: [1, 2]\n", "", false},
		{"goose", "extensions:\n  a: {cmd: [\n", "", true},
		{"goose", "- just\n- a list\n", "", true},
		{"continue", "mcpServers:\n  - uses: acme/mcp\n  - name: x\n    url: https://x.example/mcp\n", "x@3 |https://x.example/mcp|env=|headers=", false},
		{"continue", "mcpServers:\n  - command: node\n", "server-1@2 node||env=|headers=", false},
		{"continue", "{\"mcpServers\": {\"a\": {\"url\": \"https://a.example\", \"headers\": {\"H\": \"v\"}}}}", "a@1 |https://a.example|env=|headers=H", false},
		{"continue", "{\"experimental\": {\"modelContextProtocolServers\": [{\"name\": \"n\", \"command\": \"node\", \"transport\": {\"args\": [\"a\"]}}]}}",
			"n@1 node a||env=|headers=", false},
		{"continue", "{\"mcpServers\": not json}", "", true},
		{"mcp", `{"mcp":{"a":{"type":"local","command":["npx","-y","p"],"environment":{"K":"v"}}}}`, "a@1 npx -y p||env=K|headers=", false},
		{"mcp", `{"mcp":{"servers":{"type":"local","command":["node"]}}}`, "servers@1 node||env=|headers=", false},
		{"mcp", `{"mcp":{"servers":{"a":{"type":"remote","url":"https://a.example"}}}}`, "a@1 |https://a.example|env=|headers=", false},
		{"mcp", `{"mcp":{"a":{"command":[1,"x"]}}}`, "a@1 x||env=|headers=", false},
		{"mcp", `{"mcp": [`, "", true},
	}
	for _, tc := range tests {
		servers, err := ParseConfig(Location{Client: "c", Format: tc.format}, []byte(tc.in))
		if (err != nil) != tc.wantErr {
			t.Errorf("%s %q: error %v, want error %v", tc.format, tc.in, err, tc.wantErr)
			continue
		}
		var got []string
		for _, s := range servers {
			got = append(got, describe(s))
		}
		sort.Strings(got)
		if strings.Join(got, ";") != tc.want {
			t.Errorf("%s %q:\ngot  %q\nwant %q", tc.format, tc.in, strings.Join(got, ";"), tc.want)
		}
	}
}

// TestMalformedClientConfigKeepsScanning: a broken file of each new format
// is reported and the other files are still read.
func TestMalformedClientConfigKeepsScanning(t *testing.T) {
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".config", "goose", "config.yaml"), "extensions:\n  a: [\n")
	writeFile(t, filepath.Join(home, ".continue", "config.yaml"), "mcpServers:\n\t- bad tab\n")
	writeFile(t, filepath.Join(home, ".config", "opencode", "opencode.json"), `{"mcp": {`)
	writeFile(t, filepath.Join(home, ".kiro", "settings", "mcp.json"), clientBodies["mcpServers"])
	servers, found, errs := Discover(KnownLocations("linux", home, "", ""))
	if len(found) != 4 || len(errs) != 3 {
		t.Fatalf("found %v, errors %v", found, errs)
	}
	all := fmt.Sprint(errs)
	for _, want := range []string{"goose", ".continue", "opencode"} {
		if !strings.Contains(all, want) {
			t.Errorf("errors %s do not name %s", all, want)
		}
	}
	if len(servers) != 1 || servers[0].Client != "kiro" {
		t.Errorf("servers %+v, want the kiro one", servers)
	}
}

var clientFixtures = []string{
	"testdata/goose/config.yaml",
	"testdata/continue/.continue/config.yaml",
	"testdata/continue/.continue/config.json",
	"testdata/continue/.continue/mcpServers/playwright.yaml",
	"testdata/opencode/opencode.json",
	"testdata/crush/crush.json",
	"testdata/copilot-cli/mcp-config.json",
}

// TestScanGoldenClients runs the whole scan on one fixture per new format:
// the existing checks (unpinned packages, pipe-to-shell, secrets in env and
// headers, plain HTTP) apply to every client unchanged.
func TestScanGoldenClients(t *testing.T) {
	for _, tc := range []struct{ format, file string }{{"table", "clients.txt"}, {"json", "clients.json"}} {
		t.Run(tc.format, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := RunScan(context.Background(), append([]string{"--format", tc.format}, clientFixtures...), &out, &errb)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr %s", code, errb.String())
			}
			golden(t, tc.file, out.Bytes())
		})
	}
	rep, err := Run(context.Background(), Options{Locations: locs(clientFixtures...)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range rep.Findings {
		got[f.Client+"/"+f.Server+"/"+f.RuleID] = true
	}
	for _, want := range []string{
		"goose/github/launch.npx-unpinned",
		"goose/github/secret.github-pat",
		"goose/tracker/launch.plain-http",
		"continue/SQLite MCP/launch.uvx-unpinned",
		"continue/installer/launch.pipe-to-shell",
		"continue/Browser search/launch.npx-unpinned",
		"opencode/filesystem/launch.npx-unpinned",
		"opencode/filesystem/secret.openai-api-key",
		"opencode/jira/launch.plain-http",
		"crush/github/secret.bearer-token",
		"crush/streaming-service/launch.plain-http",
		"copilot-cli/serena/launch.uvx-unpinned",
	} {
		if !got[want] {
			t.Errorf("missing finding %s in %v", want, got)
		}
	}
	for k := range got {
		if strings.HasPrefix(k, "goose/legacy/") || strings.HasPrefix(k, "crush/filesystem/") || strings.HasPrefix(k, "copilot-cli/context7/") {
			t.Errorf("unexpected finding %s", k)
		}
	}
}
