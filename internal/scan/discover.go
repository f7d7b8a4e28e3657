package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// Server is one MCP server entry of a client configuration.
type Server struct {
	Client  string            `json:"client"`
	File    string            `json:"file"`
	Name    string            `json:"name"`
	Command string            `json:"command,omitempty"`
	Args    []string          `json:"args,omitempty"`
	Env     map[string]string `json:"env,omitempty"`
	URL     string            `json:"url,omitempty"`
	Headers map[string]string `json:"headers,omitempty"`
	// Line is the 1-based line of the server's entry in File (0 unknown).
	Line int `json:"line,omitempty"`
}

// Transport is stdio for commands, http for URLs.
func (s Server) Transport() string {
	if s.Command != "" {
		return "stdio"
	}
	if s.URL != "" {
		return "http"
	}
	return "unknown"
}

// Location is a client configuration file and how to read it.
type Location struct {
	Client string
	// Path is the file; a last element with a glob pattern (*.json) stands
	// for every matching file in that directory (agent and block folders).
	Path string
	// Format: "mcpServers" (Claude-style object), "servers" (VS Code),
	// "zed", "codex", "claude-code", "mcp" (opencode, Crush), "goose",
	// "continue", or "auto".
	Format string
}

// KnownLocations lists where MCP clients keep their configuration, for
// goos ("darwin", "linux", "windows"), relative to the user's home (and
// appData, %APPDATA%, on Windows) and to the current project directory cwd.
// Each path is the one the client's own documentation or source names.
func KnownLocations(goos, home, appData, cwd string) []Location {
	j := filepath.Join
	var vscodeUser, claudeDesktop, zed, goose string
	crush := []string{j(home, ".config", "crush", "crush.json"), j(home, ".local", "share", "crush", "crush.json")}
	switch goos {
	case "darwin":
		claudeDesktop = j(home, "Library", "Application Support", "Claude", "claude_desktop_config.json")
		vscodeUser = j(home, "Library", "Application Support", "Code", "User")
		zed = j(home, ".config", "zed", "settings.json")
		goose = j(home, ".config", "goose", "config.yaml")
	case "windows":
		if appData == "" {
			appData = j(home, "AppData", "Roaming")
		}
		claudeDesktop = j(appData, "Claude", "claude_desktop_config.json")
		vscodeUser = j(appData, "Code", "User")
		zed = j(appData, "Zed", "settings.json")
		goose = j(appData, "Block", "goose", "config", "config.yaml")
		// Crush: %LOCALAPPDATA%\crush\crush.json (config and data share it).
		crush = []string{j(home, "AppData", "Local", "crush", "crush.json")}
	default:
		claudeDesktop = j(home, ".config", "Claude", "claude_desktop_config.json")
		vscodeUser = j(home, ".config", "Code", "User")
		zed = j(home, ".config", "zed", "settings.json")
		goose = j(home, ".config", "goose", "config.yaml")
	}
	// VS Code extensions keep their settings in the editor's globalStorage.
	extStorage := func(ext string, rel ...string) string {
		return j(append([]string{vscodeUser, "globalStorage", ext}, rel...)...)
	}
	locs := []Location{
		{"claude-desktop", claudeDesktop, "mcpServers"},
		{"claude-code", j(home, ".claude.json"), "claude-code"},
		{"claude-code", j(home, ".claude", "settings.json"), "mcpServers"},
		{"cursor", j(home, ".cursor", "mcp.json"), "mcpServers"},
		{"vscode", j(vscodeUser, "mcp.json"), "servers"},
		{"vscode", j(vscodeUser, "settings.json"), "servers"},
		{"windsurf", j(home, ".codeium", "windsurf", "mcp_config.json"), "mcpServers"},
		{"zed", zed, "zed"},
		{"codex", j(home, ".codex", "config.toml"), "codex"},
		{"gemini-cli", j(home, ".gemini", "settings.json"), "mcpServers"},
		// Cline: the VS Code extension, and the standalone/CLI build
		// (globalStorage = $CLINE_DIR/data, default ~/.cline/data).
		{"cline", extStorage("saoudrizwan.claude-dev", "settings", "cline_mcp_settings.json"), "mcpServers"},
		{"cline", j(home, ".cline", "data", "settings", "cline_mcp_settings.json"), "mcpServers"},
		{"roo-code", extStorage("rooveterinaryinc.roo-cline", "settings", "mcp_settings.json"), "mcpServers"},
		{"continue", j(home, ".continue", "config.yaml"), "continue"},
		{"continue", j(home, ".continue", "config.json"), "continue"},
		{"continue", j(home, ".continue", "mcpServers", "*.yaml"), "continue"},
		{"continue", j(home, ".continue", "mcpServers", "*.yml"), "continue"},
		{"continue", j(home, ".continue", "mcpServers", "*.json"), "continue"},
		{"goose", goose, "goose"},
		// Amazon Q Developer: the CLI's legacy mcp.json, its agents, and the
		// IDE plugin's default agent.
		{"amazon-q", j(home, ".aws", "amazonq", "mcp.json"), "mcpServers"},
		{"amazon-q", j(home, ".aws", "amazonq", "cli-agents", "*.json"), "mcpServers"},
		{"amazon-q", j(home, ".aws", "amazonq", "agents", "default.json"), "mcpServers"},
		{"kiro", j(home, ".kiro", "settings", "mcp.json"), "mcpServers"},
		{"kiro", j(home, ".kiro", "agents", "*.json"), "mcpServers"},
		// LM Studio: ~/.lmstudio (documented); older installs keep their
		// home in ~/.cache/lm-studio.
		{"lm-studio", j(home, ".lmstudio", "mcp.json"), "mcpServers"},
		{"lm-studio", j(home, ".cache", "lm-studio", "mcp.json"), "mcpServers"},
		// opencode reads $XDG_CONFIG_HOME/opencode (~/.config on every OS).
		{"opencode", j(home, ".config", "opencode", "opencode.json"), "mcp"},
		{"opencode", j(home, ".config", "opencode", "opencode.jsonc"), "mcp"},
		{"opencode", j(home, ".config", "opencode", "config.json"), "mcp"},
		{"copilot-cli", j(home, ".copilot", "mcp-config.json"), "mcpServers"},
	}
	for _, p := range crush {
		locs = append(locs, Location{"crush", p, "mcp"})
	}
	if goos == "windows" {
		// Visual Studio: %USERPROFILE%\.mcp.json (VS Code's "servers" shape).
		locs = append(locs, Location{"visual-studio", j(home, ".mcp.json"), "servers"})
	}
	if cwd != "" {
		locs = append(locs,
			Location{"claude-code", j(cwd, ".mcp.json"), "mcpServers"},
			Location{"cursor", j(cwd, ".cursor", "mcp.json"), "mcpServers"},
			Location{"vscode", j(cwd, ".vscode", "mcp.json"), "servers"},
			Location{"gemini-cli", j(cwd, ".gemini", "settings.json"), "mcpServers"},
			Location{"zed", j(cwd, ".zed", "settings.json"), "zed"},
			Location{"roo-code", j(cwd, ".roo", "mcp.json"), "mcpServers"},
			Location{"continue", j(cwd, ".continue", "mcpServers", "*.yaml"), "continue"},
			Location{"continue", j(cwd, ".continue", "mcpServers", "*.yml"), "continue"},
			Location{"continue", j(cwd, ".continue", "mcpServers", "*.json"), "continue"},
			Location{"amazon-q", j(cwd, ".amazonq", "mcp.json"), "mcpServers"},
			Location{"amazon-q", j(cwd, ".amazonq", "cli-agents", "*.json"), "mcpServers"},
			Location{"kiro", j(cwd, ".kiro", "settings", "mcp.json"), "mcpServers"},
			Location{"kiro", j(cwd, ".kiro", "agents", "*.json"), "mcpServers"},
			Location{"opencode", j(cwd, "opencode.json"), "mcp"},
			Location{"opencode", j(cwd, "opencode.jsonc"), "mcp"},
			Location{"crush", j(cwd, ".crush.json"), "mcp"},
			Location{"crush", j(cwd, "crush.json"), "mcp"},
		)
	}
	return locs
}

// guessLocation picks a format for a file named on the command line.
func guessLocation(path string) Location {
	base := strings.ToLower(filepath.Base(path))
	dir := strings.ToLower(filepath.Base(filepath.Dir(path)))
	ext := filepath.Ext(base)
	switch {
	case ext == ".toml":
		return Location{"codex", path, "codex"}
	case base == ".claude.json":
		return Location{"claude-code", path, "claude-code"}
	case dir == ".vscode" || dir == "user" && base == "mcp.json":
		return Location{"vscode", path, "servers"}
	case dir == "zed" || dir == ".zed":
		return Location{"zed", path, "zed"}
	case strings.Contains(base, "claude_desktop"):
		return Location{"claude-desktop", path, "mcpServers"}
	case base == "opencode.json" || base == "opencode.jsonc":
		return Location{"opencode", path, "mcp"}
	case base == "crush.json" || base == ".crush.json":
		return Location{"crush", path, "mcp"}
	case base == "mcp-config.json":
		return Location{"copilot-cli", path, "mcpServers"}
	case base == "cline_mcp_settings.json":
		return Location{"cline", path, "mcpServers"}
	case (ext == ".yaml" || ext == ".yml") && (dir == "goose" || strings.Contains(base, "goose")):
		return Location{"goose", path, "goose"}
	case ext == ".yaml" || ext == ".yml" || dir == ".continue" || dir == "mcpservers":
		return Location{"continue", path, "continue"}
	}
	return Location{"file", path, "auto"}
}

// maxConfigBytes bounds what scan reads of one configuration file.
const maxConfigBytes = 16 << 20

// ReadLocation reads the servers of one configuration file. A missing file
// returns fs.ErrNotExist (wrapped).
//
// Only regular files are read: a configuration path that is (or links to)
// a FIFO, a terminal or a device would block the scan or feed it without
// end. It is opened non-blocking so a FIFO cannot hang the open itself, and
// checked on the open descriptor so it cannot be swapped in between.
// Servers parsed before a malformed entry are returned with the error, so
// the rest of the file is still checked.
func ReadLocation(loc Location) ([]Server, error) {
	f, err := os.OpenFile(loc.Path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", loc.Path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", loc.Path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("reading %s: not a regular file (%s)", loc.Path, fi.Mode().Type())
	}
	data, err := readAllBounded(f, maxConfigBytes)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", loc.Path, err)
	}
	servers, err := ParseConfig(loc, data)
	if err != nil {
		return servers, fmt.Errorf("parsing %s: %w", loc.Path, err)
	}
	return servers, nil
}

func readAllBounded(f *os.File, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("larger than %d bytes", max)
	}
	return data, nil
}

// ParseConfig extracts MCP servers from a configuration file's bytes.
func ParseConfig(loc Location, data []byte) ([]Server, error) {
	switch loc.Format {
	case "codex":
		tables, err := parseTOML(data)
		if err != nil {
			return nil, err
		}
		return codexServers(loc, data, tables), nil
	case "goose", "continue":
		root, err := parseYAMLRoot(data)
		if err != nil || root == nil {
			return nil, err
		}
		if loc.Format == "goose" {
			return gooseServers(loc, root), nil
		}
		return continueServers(loc, root), nil
	}
	var root map[string]json.RawMessage
	if err := json.Unmarshal(stripJSONC(data), &root); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	var out []Server
	lines := newLineIndex(data)
	add := func(raw json.RawMessage) error {
		if len(raw) == 0 {
			return nil
		}
		s, err := serversFrom(loc, lines, raw)
		out = append(out, s...)
		return err
	}
	var err error
	switch loc.Format {
	case "servers":
		err = add(root["servers"])
		if len(root["servers"]) == 0 {
			// settings.json: "mcp": {"servers": {...}}
			var mcp map[string]json.RawMessage
			if json.Unmarshal(root["mcp"], &mcp) == nil {
				err = add(mcp["servers"])
			}
		}
	case "zed":
		err = add(root["context_servers"])
	case "mcp":
		err = add(mcpObject(root["mcp"]))
	case "claude-code":
		err = add(root["mcpServers"])
		// Keys are matched exactly, as the client's JavaScript does:
		// encoding/json's case-insensitive struct matching would let a
		// "MCPSERVERS" key hide the real "mcpServers" from the scan.
		var projects map[string]map[string]json.RawMessage
		if json.Unmarshal(root["projects"], &projects) == nil {
			for _, dir := range sortedKeys(projects) {
				if e := add(projects[dir]["mcpServers"]); e != nil && err == nil {
					err = e
				}
			}
		}
	default: // mcpServers, auto
		for _, k := range []string{"mcpServers", "servers", "context_servers", "mcp_servers", "mcp"} {
			if len(root[k]) > 0 {
				if k == "mcp" {
					err = add(mcpObject(root[k]))
				} else {
					err = add(root[k])
				}
				break
			}
		}
	}
	return out, err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// mcpObject is the server map under opencode's and Crush's "mcp" key.
// opencode v2 nests it one level deeper ("mcp": {"servers": {...}}); a
// lone "servers" key whose value is itself a server is a server.
func mcpObject(raw json.RawMessage) json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || len(m) != 1 || len(m["servers"]) == 0 {
		return raw
	}
	var inner map[string]json.RawMessage
	if json.Unmarshal(m["servers"], &inner) != nil {
		return raw
	}
	for _, k := range []string{"type", "command", "url"} {
		if _, ok := inner[k]; ok {
			return raw
		}
	}
	return m["servers"]
}

// entry is one server object. Its keys are read exactly as written (see
// exactKeys), never by encoding/json's case-insensitive field matching.
type entry struct {
	// A string; opencode's ["cmd", "arg", ...]; or Zed's {"path","args","env"}.
	Command any
	Args    []string
	Env     map[string]string
	// opencode names its variables "environment".
	Environment map[string]string
	URL         string
	HTTPURL     string // Gemini CLI "httpUrl"
	Server      string // Windsurf "serverUrl"
	Headers     map[string]string
}

// decodeEntry reads a server object by its exact keys. Clients parse their
// configuration with JavaScript's JSON.parse, where "command" and "Command"
// are different keys; matching them case-insensitively would let a decoy
// "Command": "node" hide the "command" the client really runs.
func decodeEntry(raw json.RawMessage) (entry, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return entry{}, err
	}
	var e entry
	for _, f := range []struct {
		key string
		dst any
	}{
		{"command", &e.Command}, {"args", &e.Args}, {"env", &e.Env}, {"environment", &e.Environment},
		{"url", &e.URL}, {"httpUrl", &e.HTTPURL}, {"serverUrl", &e.Server}, {"headers", &e.Headers},
	} {
		v, ok := m[f.key]
		if !ok {
			continue
		}
		if err := json.Unmarshal(v, f.dst); err != nil {
			return entry{}, fmt.Errorf("%s: %w", f.key, err)
		}
	}
	return e, nil
}

func serversFrom(loc Location, lines *lineIndex, raw json.RawMessage) ([]Server, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("servers: %w", err)
	}
	var out []Server
	var errs []error
	for _, name := range sortedKeys(m) {
		e, err := decodeEntry(m[name])
		if err != nil {
			errs = append(errs, fmt.Errorf("server %q: %w", name, err))
			continue
		}
		if e.Env == nil {
			e.Env = e.Environment
		}
		s := Server{Client: loc.Client, File: loc.Path, Name: name, Args: e.Args, Env: e.Env,
			URL: first(e.URL, e.HTTPURL, e.Server), Headers: e.Headers, Line: lines.line(name)}
		switch c := e.Command.(type) {
		case string:
			s.Command = c
		case []any: // opencode: "command": ["npx", "-y", "pkg"]
			for i, x := range c {
				str, _ := x.(string)
				if i == 0 {
					s.Command = str
				} else {
					s.Args = append(s.Args, str)
				}
			}
		case map[string]any: // Zed: "command": {"path": ..., "args": [...], "env": {...}}
			s.Command, _ = c["path"].(string)
			if a, ok := c["args"].([]any); ok {
				for _, x := range a {
					if str, ok := x.(string); ok {
						s.Args = append(s.Args, str)
					}
				}
			}
			if env, ok := c["env"].(map[string]any); ok {
				s.Env = map[string]string{}
				for k, v := range env {
					if str, ok := v.(string); ok {
						s.Env[k] = str
					}
				}
			}
		}
		out = append(out, s)
	}
	return out, errors.Join(errs...)
}

func first(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// lineIndex finds the line of a server's key in its file. It is built in
// one pass over the file, so finding every server's line stays linear: a
// bytes.Index per server made a hostile file of many servers quadratic.
type lineIndex struct {
	data  []byte
	first map[string]int // text between the quotes of each string literal -> offset of its first occurrence
	nl    []int          // offsets of the newlines
}

func newLineIndex(data []byte) *lineIndex {
	return &lineIndex{data: data}
}

// line is the 1-based line of the first string literal "name", or 0.
func (x *lineIndex) line(name string) int {
	if x.first == nil {
		x.build()
	}
	at, ok := x.first[name]
	if !ok {
		return 0
	}
	return sort.SearchInts(x.nl, at) + 1
}

func (x *lineIndex) build() {
	x.first = map[string]int{}
	data := x.data
	for i, c := range data {
		if c == '\n' {
			x.nl = append(x.nl, i)
		}
	}
	// String literals, outside comments (a commented-out server of the
	// same name is not the one parsed).
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '"':
			start := i
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			lit := string(data[start+1 : min(i, len(data))])
			if _, seen := x.first[lit]; !seen {
				x.first[lit] = start
			}
		case data[i] == '/' && i+1 < len(data) && data[i+1] == '/':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case data[i] == '/' && i+1 < len(data) && data[i+1] == '*':
			for i += 2; i+1 < len(data) && !(data[i] == '*' && data[i+1] == '/'); i++ {
			}
			i++
		}
	}
}

// stripJSONC removes // and /* */ comments and trailing commas (VS Code and
// Zed settings), leaving strings intact.
func stripJSONC(data []byte) []byte {
	out := make([]byte, 0, len(data))
	inStr := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inStr {
			out = append(out, c)
			if c == '\\' && i+1 < len(data) {
				i++
				out = append(out, data[i])
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		switch {
		case c == '"':
			inStr = true
			out = append(out, c)
		case c == '/' && i+1 < len(data) && data[i+1] == '/':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			if i < len(data) {
				out = append(out, '\n')
			}
		case c == '/' && i+1 < len(data) && data[i+1] == '*':
			i += 2
			for i < len(data) && !(data[i] == '*' && i+1 < len(data) && data[i+1] == '/') {
				if data[i] == '\n' {
					out = append(out, '\n') // keep line numbers
				}
				i++
			}
			i++
		case c == ',':
			j := i + 1
			for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r') {
				j++
			}
			if j < len(data) && (data[j] == '}' || data[j] == ']') {
				continue // trailing comma
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// Discover reads every known location that exists. Missing files are
// skipped; unreadable or malformed ones are reported in errs.
func Discover(locs []Location) (servers []Server, found []string, errs []error) {
	seen := map[string]bool{}
	var expanded []Location
	for _, loc := range locs {
		l, err := expandGlob(loc)
		if err != nil {
			errs = append(errs, err)
		}
		expanded = append(expanded, l...)
	}
	for _, loc := range expanded {
		abs, _ := filepath.Abs(loc.Path)
		if seen[abs] {
			continue
		}
		seen[abs] = true
		s, err := ReadLocation(loc)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		found = append(found, loc.Path)
		if err != nil {
			errs = append(errs, err)
		}
		servers = append(servers, s...)
	}
	return servers, found, errs
}

// maxGlobFiles bounds the files one pattern location reads: a project can
// put any number of block files in .continue/mcpServers/.
const maxGlobFiles = 256

// expandGlob turns a location whose last element is a pattern into one
// location per matching file, in name order; a missing directory matches
// nothing. Only the last element is a pattern, so a home directory with
// glob characters in its name still works. Past maxGlobFiles matches the
// rest are not read, and the error says so.
func expandGlob(loc Location) ([]Location, error) {
	dir, pat := filepath.Split(loc.Path)
	if !strings.ContainsAny(pat, "*?[") {
		return []Location{loc}, nil
	}
	if _, err := os.Lstat(loc.Path); err == nil {
		return []Location{loc}, nil // a file named with glob characters
	}
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return nil, nil
	}
	var out []Location
	for _, e := range entries {
		if ok, _ := filepath.Match(pat, e.Name()); ok && !e.IsDir() {
			if len(out) == maxGlobFiles {
				return out, fmt.Errorf("reading %s: more than %d matching files; the rest were not read", loc.Path, maxGlobFiles)
			}
			l := loc
			l.Path = filepath.Join(dir, e.Name())
			out = append(out, l)
		}
	}
	return out, nil
}
