// Package config reads Warden's YAML configuration: core settings plus a
// guards map whose entries each guard module decodes itself. Decoding is
// strict and every problem is reported with its file, line, column and field
// path, all at once, so a user fixes a config in one pass. Defaults are the
// secure choice; Relaxations lists whatever a config makes weaker.
package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Values for Upstream.Transport.
const (
	TransportStdio      = "stdio"
	TransportStreamable = "streamable"
	TransportSSE        = "sse"
)

// Values for Upstream.Protocol.
const (
	ProtocolAuto   = "auto"
	ProtocolModern = "modern" // 2026-07-28 and later: no initialize, per-request _meta
	ProtocolLegacy = "legacy" // 2025-11-25 and earlier: initialize handshake
)

// SelfPlaceholder, as a whole element of an upstream command, stands for
// Warden's own executable; the CLI replaces it (see ResolveSelf).
const SelfPlaceholder = "{self}"

// MaxFileSize bounds the size of a configuration document.
const MaxFileSize = 1 << 20

// Config is the whole configuration of one Warden process.
type Config struct {
	Version   int                    `yaml:"version"`
	Listen    string                 `yaml:"listen"`   // host:port
	Path      string                 `yaml:"path"`     // Streamable HTTP endpoint
	DataDir   string                 `yaml:"data_dir"` // embedded store and state
	Log       Log                    `yaml:"log"`
	Limits    Limits                 `yaml:"limits"`
	HTTP      HTTP                   `yaml:"http"`
	Auth      Auth                   `yaml:"auth"`
	Upstreams []Upstream             `yaml:"upstreams"`
	Guards    map[string]GuardConfig `yaml:"guards"`
	Audit     Audit                  `yaml:"audit"`
	Metrics   Metrics                `yaml:"metrics"`

	src *source // where each field came from; nil for a Config built in code
}

// Log configures Warden's own log.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // text, json
}

// Limits bound what one client can make Warden hold.
type Limits struct {
	MaxMessageBytes ByteSize `yaml:"max_message_bytes"`
	// RequestTimeout applies per request; progress notifications reset it,
	// but never past MaxRequestTimeout.
	RequestTimeout     Duration `yaml:"request_timeout"`
	MaxRequestTimeout  Duration `yaml:"max_request_timeout"`
	SessionIdleTimeout Duration `yaml:"session_idle_timeout"`
	SessionMaxLifetime Duration `yaml:"session_max_lifetime"`
	MaxSessions        int      `yaml:"max_sessions"`
}

// HTTP configures the downstream HTTP listener.
type HTTP struct {
	// AllowedOrigins are Origin header values accepted in addition to
	// loopback origins (which are accepted only when listening on loopback).
	AllowedOrigins []string `yaml:"allowed_origins"`
	// AllowedHosts are Host header values accepted in addition to the
	// listen address and loopback names (DNS-rebinding protection).
	AllowedHosts []string `yaml:"allowed_hosts"`
	TLS          TLS      `yaml:"tls"`
}

// TLS names a certificate and key; both empty means plain HTTP.
type TLS struct {
	CertFile string `yaml:"cert_file"`
	KeyFile  string `yaml:"key_file"`
}

// Enabled reports whether TLS is configured.
func (t TLS) Enabled() bool { return t.CertFile != "" }

// Upstream is one MCP server behind Warden: a stdio child (Command) or an
// HTTP endpoint (URL).
type Upstream struct {
	Name    string   `yaml:"name"`
	Command []string `yaml:"command,omitempty"`
	URL     string   `yaml:"url,omitempty"`
	// Transport is stdio for Command upstreams, and streamable (default) or
	// sse for URL upstreams.
	Transport string `yaml:"transport"`
	Protocol  string `yaml:"protocol"`
	// Env is the child's environment; only EnvPassthrough names are
	// inherited from Warden's own. Values have references expanded.
	Env            map[string]string `yaml:"env,omitempty"`
	EnvPassthrough []string          `yaml:"env_passthrough,omitempty"`
	Dir            string            `yaml:"dir,omitempty"`
	// Headers are sent on every HTTP request; values have references expanded.
	Headers map[string]string `yaml:"headers,omitempty"`
	// Timeout is the per-request timeout; Parse fills it from
	// limits.request_timeout when unset.
	Timeout Duration `yaml:"timeout"`
	Restart Restart  `yaml:"restart"`
	// Auth gives Warden its own credentials for this upstream.
	Auth *UpstreamAuth `yaml:"auth,omitempty"`
}

// Restart is the back-off between restarts of a stdio child or reconnects
// to an HTTP upstream.
type Restart struct {
	InitialBackoff Duration `yaml:"initial_backoff"`
	MaxBackoff     Duration `yaml:"max_backoff"`
}

// Audit configures the audit log beyond the embedded store.
type Audit struct {
	Mirror string `yaml:"mirror"` // optional JSON-lines copy of every audit event
}

// Metrics configures the Prometheus endpoint.
type Metrics struct {
	Enabled bool `yaml:"enabled"`
}

// DefaultEnvPassthrough returns the environment variables a stdio child
// inherits when env_passthrough is not set: the same list the MCP TypeScript
// SDK uses, enough for npx/uvx-launched servers to find their tools and
// caches, and nothing that usually carries secrets.
func DefaultEnvPassthrough() []string {
	return []string{"HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER"}
}

// base returns the built-in defaults every document is decoded over.
func base() *Config {
	c := &Config{
		Listen:  "127.0.0.1:8080",
		Path:    "/mcp",
		DataDir: "./warden-data",
		Log:     Log{Level: "info", Format: "text"},
		Limits: Limits{
			MaxMessageBytes:    4 * MiB,
			RequestTimeout:     Duration(60e9),
			MaxRequestTimeout:  Duration(600e9),
			SessionIdleTimeout: Duration(30 * 60e9),
			SessionMaxLifetime: Duration(24 * 3600e9),
			MaxSessions:        10000,
		},
		Metrics: Metrics{Enabled: true},
	}
	c.Auth.setDefaults()
	return c
}

func (u *Upstream) setDefaults() {
	u.Protocol = ProtocolAuto
	u.EnvPassthrough = DefaultEnvPassthrough()
	u.Restart = Restart{InitialBackoff: Duration(500e6), MaxBackoff: Duration(30e9)}
}

//go:embed default.yaml
var defaultDoc []byte

// DefaultDocument returns the YAML that Default parses, for `warden init`
// style commands and documentation.
func DefaultDocument() []byte { return bytes.Clone(defaultDoc) }

// Default returns the newcomer's configuration: listen on loopback, one
// upstream named "example" that runs Warden's own example server as a stdio
// child (its command starts with SelfPlaceholder), every guard on.
func Default() *Config {
	c, err := Parse("(built-in default)", defaultDoc)
	if err != nil {
		// The embedded document is fixed at build time and covered by
		// tests; reaching this is a build defect, not a user error.
		panic(fmt.Sprintf("config: built-in default does not load: %v", err))
	}
	return c
}

// Load reads and parses the configuration file at path. Relative paths in
// the file are resolved against the file's directory.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading config %s: %w", path, err)
	}
	return Parse(path, data)
}

var yamlLineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse parses one YAML document. name is used in messages and its
// directory to resolve relative paths. The result has defaults filled in,
// secret references expanded and Validate applied; on failure the error is
// an *Error listing every problem.
func Parse(name string, data []byte) (*Config, error) {
	src := newSource(name)
	fail := func(line int, msg string) error {
		return &Error{Problems: []Problem{{File: name, Line: line, Col: 1, Msg: msg}}}
	}
	if len(data) > MaxFileSize {
		return nil, fail(0, fmt.Sprintf("config is larger than %d bytes", MaxFileSize))
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fail(0, "config is empty; it needs at least version: 1 and one upstream")
		}
		return nil, syntaxError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, syntaxError(name, err)
		}
		return nil, fail(extra.Line, "only one YAML document is allowed (remove the second ---)")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if isNull(root) {
		return nil, fail(0, "config is empty; it needs at least version: 1 and one upstream")
	}

	c := base()
	c.src = src
	d := newDecoder(src)
	d.decode(root, "", reflect.ValueOf(c).Elem())
	if root.Kind == yaml.MappingNode && !src.set("version") {
		d.problems = append(d.problems, Problem{File: name, Line: root.Line, Col: root.Column,
			Msg: "missing version: add version: 1 at the top"})
	}
	c.finish(filepath.Dir(name), d)
	if err := c.check(d); err != nil {
		return nil, err
	}
	return c, nil
}

// syntaxError turns a YAML parser error into an *Error with a line.
func syntaxError(name string, err error) error {
	msg := err.Error()
	p := Problem{File: name, Msg: msg}
	if m := yamlLineErr.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Col = 1
		p.Msg = "invalid YAML: " + m[2]
	}
	return &Error{Problems: []Problem{p}}
}

// finish fills derived defaults, resolves relative paths against dir and
// expands secret references, adding problems to d.
func (c *Config) finish(dir string, d *decoder) {
	rel := func(p *string) {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(dir, *p)
		}
	}
	rel(&c.DataDir)
	rel(&c.HTTP.TLS.CertFile)
	rel(&c.HTTP.TLS.KeyFile)
	rel(&c.Audit.Mirror)
	for i := range c.Upstreams {
		u := &c.Upstreams[i]
		p := joinIndex("upstreams", i)
		rel(&u.Dir)
		if u.Transport == "" {
			if len(u.Command) > 0 {
				u.Transport = TransportStdio
			} else {
				u.Transport = TransportStreamable
			}
		}
		if len(u.Command) == 0 && !d.src.set(p+".env_passthrough") {
			u.EnvPassthrough = nil // only stdio children have an environment
		}
		if u.Timeout == 0 {
			u.Timeout = c.Limits.RequestTimeout
		}
		for k, v := range u.Env {
			u.Env[k] = expandField(d, dir, joinKey(p+".env", k), k, v)
		}
		for k, v := range u.Headers {
			u.Headers[k] = expandField(d, dir, joinKey(p+".headers", k), k, v)
		}
	}
	c.finishAuth(dir, d)
}

// check runs Validate and merges its problems with the decoding ones,
// dropping validation messages about fields that already failed to decode.
func (c *Config) check(d *decoder) error {
	ps := d.problems
	for _, p := range c.validate() {
		if !d.overlaps(p.Field) {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return nil
	}
	sortProblems(ps)
	return &Error{Problems: ps}
}

// overlaps reports whether field is, contains or lies inside a field that
// had a decoding problem.
func (d *decoder) overlaps(field string) bool {
	for f := range d.failed {
		if f == field || isUnder(f, field) || isUnder(field, f) {
			return true
		}
	}
	return false
}

// isUnder reports whether path a lies strictly under path b.
func isUnder(a, b string) bool {
	if b == "" {
		return a != ""
	}
	return len(a) > len(b) && a[:len(b)] == b && (a[len(b)] == '.' || a[len(b)] == '[')
}

// ResolveSelf replaces every command element equal to SelfPlaceholder with
// exe (normally os.Executable()).
func (c *Config) ResolveSelf(exe string) {
	for i := range c.Upstreams {
		for j, a := range c.Upstreams[i].Command {
			if a == SelfPlaceholder {
				c.Upstreams[i].Command[j] = exe
			}
		}
	}
}

// RestartChanges lists, sorted, the top-level keys whose values differ
// between c and the configuration in force: everything a reload cannot
// apply, since a reload swaps only the guards. A reload must report each
// one, or an operator who revokes an API key, narrows allowed_origins or
// lowers a limit and reloads believes it took effect while it did not.
func (c *Config) RestartChanges(running *Config) []string {
	sections := []struct {
		key      string
		new, cur any
	}{
		{"audit", c.Audit, running.Audit},
		{"auth", c.Auth, running.Auth},
		{"data_dir", c.DataDir, running.DataDir},
		{"http", c.HTTP, running.HTTP},
		{"limits", c.Limits, running.Limits},
		{"listen", c.Listen, running.Listen},
		{"log", c.Log, running.Log},
		{"metrics", c.Metrics, running.Metrics},
		{"path", c.Path, running.Path},
		{"upstreams", c.Upstreams, running.Upstreams},
		{"version", c.Version, running.Version},
	}
	var out []string
	for _, s := range sections {
		if !reflect.DeepEqual(s.new, s.cur) {
			out = append(out, s.key)
		}
	}
	return out
}

// Guard returns the configuration of the named guard; a guard that is not
// mentioned is enabled with its defaults.
func (c *Config) Guard(name string) GuardConfig {
	if g, ok := c.Guards[name]; ok {
		return g
	}
	return GuardConfig{}
}

// CheckGuards reports every configured guard name that is not in known,
// with a suggestion, so that a typo cannot silently leave a guard at its
// defaults.
func (c *Config) CheckGuards(known []string) error {
	var ps []Problem
	for name := range c.Guards {
		if slices.Contains(known, name) {
			continue
		}
		msg := fmt.Sprintf("unknown guard %q", name)
		if s := suggest(name, known); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += " (known guards: " + strings.Join(sorted(known), ", ") + ")"
		}
		ps = append(ps, c.src.problem(joinKey("guards", name), msg))
	}
	if len(ps) == 0 {
		return nil
	}
	sortProblems(ps)
	return &Error{Problems: ps}
}

// GuardConfig is one entry of the guards map, kept as YAML until the guard
// module decodes it. An entry may be a mapping, null (defaults) or a bare
// boolean (true/false as shorthand for enabled).
type GuardConfig struct {
	node     *yaml.Node
	file     string
	path     string
	disabled bool // so that the zero GuardConfig is an enabled guard
}

func (g *GuardConfig) decodeNode(d *decoder, n *yaml.Node, path string) {
	enabled := true
	switch {
	case isNull(n):
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool":
		d.decode(n, path, reflect.ValueOf(&enabled).Elem())
	case n.Kind == yaml.MappingNode:
		d.mappingPairs(n, path, func(key string, _, val *yaml.Node) {
			if key == "enabled" {
				d.decode(val, path+".enabled", reflect.ValueOf(&enabled).Elem())
			}
		})
	default:
		d.errorf(n, path, "expected a mapping of guard settings, true or false, got %s", describe(n))
	}
	*g = GuardConfig{node: n, file: d.src.file, path: path, disabled: !enabled}
}

// MarshalYAML implements yaml.Marshaler, writing the block as it was read.
func (g GuardConfig) MarshalYAML() (any, error) {
	if g.node == nil {
		return map[string]bool{"enabled": g.Enabled()}, nil
	}
	return g.node, nil
}

// Enabled reports whether the guard is on. Guards are on unless the config
// says enabled: false.
func (g GuardConfig) Enabled() bool { return !g.disabled }

// Decode strictly decodes the guard's settings into v (a pointer to a
// struct, usually pre-filled with the guard's defaults). The enabled key is
// handled by Enabled and skipped here. Problems are reported like Parse's:
// file:line:col: guards.NAME.field: message, as an *Error.
func (g GuardConfig) Decode(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("config: Decode needs a non-nil pointer, got %T", v)
	}
	if g.node == nil || g.node.Kind != yaml.MappingNode {
		return nil
	}
	n := *g.node
	n.Content = nil
	for i := 0; i+1 < len(g.node.Content); i += 2 {
		if k := g.node.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "enabled" {
			continue
		}
		n.Content = append(n.Content, g.node.Content[i], g.node.Content[i+1])
	}
	d := newDecoder(newSource(g.file))
	d.decode(&n, g.path, rv.Elem())
	if len(d.problems) > 0 {
		return &Error{Problems: d.sortedProblems()}
	}
	return nil
}

// Problem locates a message about field (a path relative to the guard's
// block, such as "rules[2].match", or "" for the block itself) for a guard
// module's own semantic checks made after Decode.
func (g GuardConfig) Problem(field, msg string) Problem {
	path := g.path
	if field != "" {
		if field[0] == '[' {
			path += field
		} else {
			path += "." + field
		}
	}
	if g.node == nil {
		return Problem{Field: path, Msg: msg}
	}
	p := Problem{File: g.file, Line: g.node.Line, Col: g.node.Column, Field: path, Msg: msg}
	// Walk the node to the field so the line points at it.
	n := g.node
	for _, part := range splitPath(field) {
		next := child(n, part)
		if next == nil {
			break
		}
		n = next
		p.Line, p.Col = n.Line, n.Column
	}
	return p
}

// NodeAt walks from n along a field path such as "rules[2].when" and
// returns the deepest node it reaches, so that problems found after decoding
// (a policy that does not compile) can point at their line and column.
func NodeAt(n *yaml.Node, field string) *yaml.Node {
	for _, part := range splitPath(field) {
		next := child(n, part)
		if next == nil {
			break
		}
		n = next
	}
	return n
}

// splitPath splits "rules[2].match" into "rules", "[2]", "match".
func splitPath(p string) []string {
	var parts []string
	for p != "" {
		switch {
		case p[0] == '.':
			p = p[1:]
		case p[0] == '[':
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return append(parts, p)
			}
			parts = append(parts, p[:end+1])
			p = p[end+1:]
		default:
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			parts = append(parts, p[:end])
			p = p[end:]
		}
	}
	return parts
}

// child finds the value node for one path part: a mapping key or a "[i]" index.
func child(n *yaml.Node, part string) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if strings.HasPrefix(part, "[") {
		i, err := strconv.Atoi(strings.Trim(part, "[]"))
		if err != nil || n.Kind != yaml.SequenceNode || i < 0 || i >= len(n.Content) {
			return nil
		}
		return n.Content[i]
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == part {
			return n.Content[i+1]
		}
	}
	return nil
}
