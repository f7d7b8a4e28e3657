package config

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var (
	upstreamName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)
	headerToken  = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
)

// Validate checks the configuration as a whole (cross-field rules, files
// that must exist). Load and Parse apply it; call it again after changing a
// Config in code. The error is an *Error.
func (c *Config) Validate() error {
	ps := c.validate()
	if len(ps) == 0 {
		return nil
	}
	sortProblems(ps)
	return &Error{Problems: ps}
}

func (c *Config) validate() []Problem {
	var ps []Problem
	add := func(path, format string, args ...any) {
		ps = append(ps, c.src.problem(path, fmt.Sprintf(format, args...)))
	}

	if c.Version != 1 && (c.src == nil || c.src.set("version")) {
		add("version", "unsupported version %d; this Warden reads version 1", c.Version)
	}
	if _, err := parseListen(c.Listen); err != nil {
		add("listen", "%v", err)
	}
	switch {
	case !strings.HasPrefix(c.Path, "/") || strings.ContainsAny(c.Path, "?# "):
		add("path", "expected an absolute URL path such as /mcp, got %q", c.Path)
	case c.Path == "/sse" || c.Path == "/message":
		add("path", "%s is reserved for the legacy HTTP+SSE endpoints (/sse and /message)", c.Path)
	}
	if c.DataDir == "" {
		add("data_dir", "must not be empty")
	}
	if !slices.Contains([]string{"debug", "info", "warn", "error"}, c.Log.Level) {
		add("log.level", "expected one of debug, info, warn, error, got %q", c.Log.Level)
	}
	if !slices.Contains([]string{"text", "json"}, c.Log.Format) {
		add("log.format", "expected text or json, got %q", c.Log.Format)
	}

	l := c.Limits
	if l.MaxMessageBytes <= 0 {
		add("limits.max_message_bytes", "must be positive, got %d", l.MaxMessageBytes)
	}
	for _, d := range []struct {
		path string
		v    Duration
	}{
		{"limits.request_timeout", l.RequestTimeout},
		{"limits.max_request_timeout", l.MaxRequestTimeout},
		{"limits.session_idle_timeout", l.SessionIdleTimeout},
		{"limits.session_max_lifetime", l.SessionMaxLifetime},
	} {
		if d.v <= 0 {
			add(d.path, "must be positive, got %s", d.v)
		}
	}
	if l.RequestTimeout > l.MaxRequestTimeout {
		add("limits.request_timeout", "%s is longer than limits.max_request_timeout (%s)", l.RequestTimeout, l.MaxRequestTimeout)
	}
	if l.SessionIdleTimeout > l.SessionMaxLifetime {
		add("limits.session_idle_timeout", "%s is longer than limits.session_max_lifetime (%s)", l.SessionIdleTimeout, l.SessionMaxLifetime)
	}
	if l.MaxSessions <= 0 {
		add("limits.max_sessions", "must be positive, got %d", l.MaxSessions)
	}

	for i, o := range c.HTTP.AllowedOrigins {
		if err := checkOrigin(o); err != nil {
			add(joinIndex("http.allowed_origins", i), "%v", err)
		}
	}
	for i, h := range c.HTTP.AllowedHosts {
		if err := checkHost(h); err != nil {
			add(joinIndex("http.allowed_hosts", i), "%v", err)
		}
	}
	t := c.HTTP.TLS
	switch {
	case (t.CertFile == "") != (t.KeyFile == ""):
		add("http.tls", "set both cert_file and key_file, or neither")
	case t.CertFile != "":
		for _, f := range []struct{ path, file string }{{"http.tls.cert_file", t.CertFile}, {"http.tls.key_file", t.KeyFile}} {
			if err := regularFile(f.file); err != nil {
				add(f.path, "%v", err)
			}
		}
	}

	if len(c.Upstreams) == 0 {
		add("upstreams", "at least one upstream is required")
	}
	names := map[string]int{}
	for i := range c.Upstreams {
		ps = append(ps, c.validateUpstream(i, names)...)
		ps = append(ps, c.validateUpstreamAuth(i)...)
	}
	ps = append(ps, c.validateAuth()...)
	return ps
}

func (c *Config) validateUpstream(i int, names map[string]int) []Problem {
	var ps []Problem
	u := &c.Upstreams[i]
	p := joinIndex("upstreams", i)
	add := func(field, format string, args ...any) {
		path := p
		if field != "" {
			path += "." + field
		}
		ps = append(ps, c.src.problem(path, fmt.Sprintf(format, args...)))
	}
	switch {
	case u.Name == "":
		add("", "name is required")
	case !upstreamName.MatchString(u.Name):
		add("name", "expected 1-32 lowercase letters, digits and hyphens starting with a letter or digit, got %q", u.Name)
	default:
		if j, dup := names[u.Name]; dup {
			add("name", "duplicate upstream name %q (also upstreams[%d])", u.Name, j)
		} else {
			names[u.Name] = i
		}
	}

	isCmd, isURL := len(u.Command) > 0, u.URL != ""
	switch {
	case isCmd == isURL:
		add("", "set exactly one of command (a stdio child) or url (an HTTP server)")
	case isCmd:
		if u.Command[0] == "" {
			add("command[0]", "the program name must not be empty")
		}
		if u.Transport != TransportStdio {
			add("transport", "a command upstream uses stdio; transport %q applies only to url upstreams", u.Transport)
		}
		if len(u.Headers) > 0 {
			add("headers", "headers apply only to url upstreams; pass a stdio child secrets through env")
		}
	case isURL:
		if err := checkUpstreamURL(u.URL); err != nil {
			add("url", "%v", err)
		}
		switch u.Transport {
		case TransportStreamable, TransportSSE:
		case TransportStdio:
			add("transport", "stdio needs command, not url")
		default:
			add("transport", "expected streamable or sse, got %q", u.Transport)
		}
		for _, f := range []string{"env", "env_passthrough", "dir"} {
			if c.src.set(p + "." + f) {
				add(f, "applies only to command upstreams (stdio children)")
			}
		}
	}
	if !slices.Contains([]string{ProtocolAuto, ProtocolModern, ProtocolLegacy}, u.Protocol) {
		add("protocol", "expected auto, modern or legacy, got %q", u.Protocol)
	}
	for _, k := range sortedKeys(u.Env) {
		if !envName.MatchString(k) {
			add("env", "invalid environment variable name %q", k)
		}
	}
	for j, k := range u.EnvPassthrough {
		if !envName.MatchString(k) {
			add(joinIndex("env_passthrough", j), "invalid environment variable name %q", k)
		}
	}
	for k, v := range u.Env {
		if strings.ContainsRune(v, 0) {
			ps = append(ps, c.src.problem(joinKey(p+".env", k), "value contains a NUL byte"))
		}
	}
	seenHeader := map[string]string{}
	for _, k := range sortedKeys(u.Headers) {
		v := u.Headers[k]
		if prev, dup := seenHeader[strings.ToLower(k)]; dup {
			add("headers", "header %q is set twice (also as %q); header names ignore case", k, prev)
		}
		seenHeader[strings.ToLower(k)] = k
		if !headerToken.MatchString(k) {
			add("headers", "invalid header name %q", k)
		} else if strings.ContainsAny(v, "\r\n\x00") {
			// Never echo the value: it is likely a secret.
			ps = append(ps, c.src.problem(joinKey(p+".headers", k), "value contains a line break or NUL"))
		}
	}
	// An unset timeout was filled from limits.request_timeout, which is
	// checked above; only an explicit one needs its own message.
	if c.src != nil && !c.src.set(p+".timeout") {
		// inherited
	} else if u.Timeout <= 0 {
		add("timeout", "must be positive, got %s", u.Timeout)
	} else if u.Timeout > c.Limits.MaxRequestTimeout {
		add("timeout", "%s is longer than limits.max_request_timeout (%s)", u.Timeout, c.Limits.MaxRequestTimeout)
	}
	r := u.Restart
	if r.InitialBackoff <= 0 {
		add("restart.initial_backoff", "must be positive, got %s", r.InitialBackoff)
	}
	if r.MaxBackoff < r.InitialBackoff {
		add("restart.max_backoff", "%s is shorter than restart.initial_backoff (%s)", r.MaxBackoff, r.InitialBackoff)
	}
	return ps
}

// parseListen splits a listen address and reports whether its host is a
// loopback address.
func parseListen(s string) (loopback bool, err error) {
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		return false, fmt.Errorf("expected host:port such as 127.0.0.1:8080, got %q", s)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return false, fmt.Errorf("expected a port number 0-65535 in %q", s)
	}
	return isLoopbackHost(host), nil
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.IsLoopback()
}

func checkOrigin(o string) error {
	if strings.Contains(o, "*") {
		return fmt.Errorf("wildcards are not supported; list each origin such as https://app.example.com, got %q", o)
	}
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("expected an origin such as https://app.example.com (scheme, host and optional port only), got %q", o)
	}
	return nil
}

func checkHost(h string) error {
	if strings.Contains(h, "*") {
		return fmt.Errorf("wildcards are not supported; list each host name, got %q", h)
	}
	u, err := url.Parse("http://" + h)
	if h == "" || err != nil || u.Host != h || u.Hostname() == "" {
		return fmt.Errorf("expected a host name with optional port such as mcp.example.com:8443, got %q", h)
	}
	return nil
}

func checkUpstreamURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" {
		return fmt.Errorf("expected an absolute http or https URL, got %q", s)
	}
	if u.User != nil {
		return fmt.Errorf("credentials in the URL are not allowed; send them with headers and a ${env:NAME} reference")
	}
	if u.Fragment != "" {
		return fmt.Errorf("a URL fragment has no meaning here, got %q", s)
	}
	return nil
}

func regularFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	return nil
}

// Relaxations lists, in a stable order, every setting that is weaker than
// the secure default, in words suitable for a start-up warning.
func (c *Config) Relaxations() []string {
	var rs []string
	d := base()
	if loop, err := parseListen(c.Listen); err == nil && !loop {
		if c.HTTP.TLS.Enabled() {
			rs = append(rs, fmt.Sprintf("listen %s accepts connections from other machines (not a loopback address)", c.Listen))
		} else {
			rs = append(rs, fmt.Sprintf("listen %s accepts connections from other machines without TLS: traffic and tokens travel in clear text (set http.tls or put a TLS proxy in front)", c.Listen))
		}
	}
	rs = append(rs, c.authRelaxations()...)
	if len(c.HTTP.AllowedOrigins) > 0 {
		rs = append(rs, "http.allowed_origins lets web pages from "+strings.Join(c.HTTP.AllowedOrigins, ", ")+" call Warden from a browser")
	}
	if len(c.HTTP.AllowedHosts) > 0 {
		rs = append(rs, "http.allowed_hosts accepts extra Host names (weakens DNS-rebinding protection): "+strings.Join(c.HTTP.AllowedHosts, ", "))
	}
	lim := []struct {
		name      string
		got, want int64
		show      func(int64) string
	}{
		{"limits.max_message_bytes", int64(c.Limits.MaxMessageBytes), int64(d.Limits.MaxMessageBytes), func(v int64) string { return ByteSize(v).String() }},
		{"limits.max_request_timeout", int64(c.Limits.MaxRequestTimeout), int64(d.Limits.MaxRequestTimeout), func(v int64) string { return Duration(v).String() }},
		{"limits.session_idle_timeout", int64(c.Limits.SessionIdleTimeout), int64(d.Limits.SessionIdleTimeout), func(v int64) string { return Duration(v).String() }},
		{"limits.session_max_lifetime", int64(c.Limits.SessionMaxLifetime), int64(d.Limits.SessionMaxLifetime), func(v int64) string { return Duration(v).String() }},
		{"limits.max_sessions", int64(c.Limits.MaxSessions), int64(d.Limits.MaxSessions), func(v int64) string { return strconv.FormatInt(v, 10) }},
	}
	for _, x := range lim {
		if x.got > x.want {
			rs = append(rs, fmt.Sprintf("%s is %s, above the default %s", x.name, x.show(x.got), x.show(x.want)))
		}
	}
	def := DefaultEnvPassthrough()
	for _, u := range c.Upstreams {
		if u.URL != "" {
			if pu, err := url.Parse(u.URL); err == nil && pu.Scheme == "http" && !isLoopbackHost(pu.Hostname()) {
				rs = append(rs, fmt.Sprintf("upstream %q is reached over plain http at %s: its traffic and headers are not encrypted", u.Name, pu.Host))
			}
		}
		if len(u.Command) > 0 {
			var extra []string
			for _, e := range u.EnvPassthrough {
				if !slices.Contains(def, e) {
					extra = append(extra, e)
				}
			}
			if len(extra) > 0 {
				rs = append(rs, fmt.Sprintf("upstream %q inherits extra environment variables: %s", u.Name, strings.Join(extra, ", ")))
			}
		}
	}
	var off []string
	for name, g := range c.Guards {
		if !g.Enabled() {
			off = append(off, name)
		}
	}
	slices.Sort(off)
	for _, name := range off {
		rs = append(rs, fmt.Sprintf("guard %q is disabled", name))
	}
	return rs
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
