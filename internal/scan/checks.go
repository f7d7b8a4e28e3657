package scan

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/warden-mcp/warden/internal/detect/secrets"
)

// secretFindings checks a server's env, headers and arguments for live
// credentials with Warden's secrets engine (the rules the gateway's secrets
// guard uses). Each value is scanned as NAME=value, so a credential found by
// its context (SERVICE_TOKEN=...) is caught as well as one with a known
// shape.
func secretFindings(sc *secrets.Scanner, s Server) []Finding {
	var out []Finding
	add := func(field, text string, valueAt int, f secrets.Finding, where string) {
		sev := High
		if strings.HasPrefix(f.RuleID, "generic-") {
			sev = Medium
		}
		start, end := max(0, f.Start-valueAt), max(0, f.End-valueAt)
		out = append(out, Finding{RuleID: "secret." + f.RuleID, Severity: sev, Server: s.Name,
			Message:  fmt.Sprintf("%s %s (%s)", f.Description, where, field),
			Evidence: []Evidence{{Field: field, Start: start, End: end, Excerpt: secrets.Mask(text[f.Start:f.End])}}})
	}
	check := func(where string, m map[string]string) {
		for _, k := range sortedKeys(m) {
			v := m[k]
			if placeholder(v) {
				continue
			}
			text := k + "=" + v
			for _, f := range sc.ScanPath(where+"."+k, text) {
				if f.End <= len(k)+1 {
					continue // in the name, not the value
				}
				add(where+"."+k, text, len(k)+1, f,
					"in plain text in the configuration: anyone who can read the file can use it, and the server process inherits it")
			}
		}
	}
	check("env", s.Env)
	check("headers", s.Headers)
	// Credentials in arguments end up in process listings.
	for i, a := range s.Args {
		if placeholder(a) {
			continue
		}
		field := fmt.Sprintf("args[%d]", i)
		for _, f := range sc.ScanPath(field, a) {
			add(field, a, 0, f, "on the command line: visible to every local user in the process list")
		}
	}
	return out
}

// placeholder reports values that are clearly not a real secret: variable
// references, templates and filler.
func placeholder(v string) bool {
	l := strings.ToLower(v)
	switch {
	case v == "", strings.Contains(v, "${"), strings.HasPrefix(v, "$"), strings.HasPrefix(v, "%") && strings.HasSuffix(v, "%"),
		strings.Contains(l, "your"), strings.Contains(l, "xxxx"), strings.Contains(l, "<"), strings.Contains(l, "example"),
		strings.Contains(l, "changeme"), strings.Contains(l, "placeholder"), strings.Contains(l, "redacted"),
		strings.HasPrefix(l, "op://"), strings.HasPrefix(l, "env:"), strings.HasPrefix(l, "input:"):
		return true
	}
	return false
}

var (
	rePipeShell = regexp.MustCompile(`(?i)\b(?:curl|wget|iwr|invoke-webrequest)\b[^|;&]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b|\b(?:curl|wget)\b[^|;&]*\|\s*(?:python3?|node|perl|ruby|iex)\b|\biex\s*\(.*downloadstring`)
	reRemoteURL = regexp.MustCompile(`^https?://`)
	// reDownloadExec: other ways a launch command runs code it downloads
	// at each start: a shell running a command substitution or a process
	// substitution of curl or wget (the installer idiom `bash -c "$(curl
	// …)"`), PowerShell's Invoke-Expression of a web request, and Python
	// exec of a URL's content.
	reDownloadExec = regexp.MustCompile(`(?i)\b(?:ba|z|da|k)?sh\s+-c\s+["']?(?:\$\(|\x60)\s*(?:curl|wget)\b|(?:\b(?:ba|z|da|k)?sh|\bsource|(?:^|\s)\.)\s+<\(\s*(?:curl|wget)\b|\b(?:iex|invoke-expression)\b[^;|]*\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring)\b|\b(?:iwr|irm|invoke-webrequest|invoke-restmethod)\b[^;|]*\|\s*(?:iex|invoke-expression)\b|\bexec\s*\([^;]*\b(?:urlopen|urllib\.request|requests\.get)\b`)
)

// launchFindings checks how a server is started or reached.
func launchFindings(s Server) []Finding {
	var out []Finding
	line := strings.TrimSpace(s.Command + " " + strings.Join(s.Args, " "))
	base := strings.ToLower(strings.TrimSuffix(lastPathElem(s.Command), ".cmd"))
	base = strings.TrimSuffix(base, ".exe")
	pipe := rePipeShell.FindStringIndex(line)
	if pipe != nil {
		out = append(out, Finding{RuleID: "launch.pipe-to-shell", Severity: Critical, Server: s.Name,
			Message:  "the launch command downloads code and pipes it to an interpreter: whatever the remote host serves runs with your privileges, every start",
			Evidence: []Evidence{{Field: "command line", Start: pipe[0], End: pipe[1], Excerpt: line[pipe[0]:pipe[1]]}}})
	}
	if loc := reDownloadExec.FindStringIndex(line); loc != nil && pipe == nil {
		out = append(out, Finding{RuleID: "launch.download-exec", Severity: Critical, Server: s.Name,
			Message:  "the launch command downloads code and runs it (a command or process substitution, Invoke-Expression, exec): whatever the remote host serves runs with your privileges, every start",
			Evidence: []Evidence{{Field: "command line", Start: loc[0], End: loc[1], Excerpt: line[loc[0]:loc[1]]}}})
	}
	switch base {
	case "npx", "bunx", "pnpx":
		if pkg, i := npxPackage(s.Args); pkg != "" && npmRemote(pkg) != "" {
			out = append(out, Finding{RuleID: "launch.npx-remote", Severity: High, Server: s.Name,
				Message:  fmt.Sprintf("package %s is %s: whatever it points to at the next start runs, with no registry version or integrity check; install a published version (name@1.2.3) or pin a commit (#<sha>)", pkg, npmRemote(pkg)),
				Evidence: []Evidence{{Field: fmt.Sprintf("args[%d]", i), Start: 0, End: len(pkg), Excerpt: pkg}}})
		} else if pkg != "" && !npmPinned(pkg) {
			sev, why := Medium, "is not pinned to a version"
			if hasYes(s.Args) {
				sev, why = High, "is not pinned to a version and -y installs whatever is published without asking"
			}
			out = append(out, Finding{RuleID: "launch.npx-unpinned", Severity: sev, Server: s.Name,
				Message:  fmt.Sprintf("package %s %s: a new release (or a hijacked one) runs at the next start; pin an exact version (%s@1.2.3)", pkg, why, stripVersion(pkg)),
				Evidence: []Evidence{{Field: fmt.Sprintf("args[%d]", i), Start: 0, End: len(pkg), Excerpt: pkg}}})
		}
	case "uvx", "pipx":
		if pkg, i := uvxPackage(s.Args); pkg != "" && !strings.Contains(pkg, "==") && !strings.Contains(pkg, "@") {
			out = append(out, Finding{RuleID: "launch.uvx-unpinned", Severity: Medium, Server: s.Name,
				Message:  fmt.Sprintf("package %s is not pinned to a version; pin it (%s==1.2.3 or %s@1.2.3)", pkg, pkg, pkg),
				Evidence: []Evidence{{Field: fmt.Sprintf("args[%d]", i), Start: 0, End: len(pkg), Excerpt: pkg}}})
		}
	case "docker", "podman":
		if img, i := dockerImage(s.Args); img != "" && !strings.Contains(img, "@sha256:") {
			name := img[strings.LastIndex(img, "/")+1:]
			if !strings.Contains(name, ":") || strings.HasSuffix(name, ":latest") {
				out = append(out, Finding{RuleID: "launch.image-unpinned", Severity: Low, Server: s.Name,
					Message:  fmt.Sprintf("image %s has no fixed tag or digest; pin it by digest (@sha256:...)", img),
					Evidence: []Evidence{{Field: fmt.Sprintf("args[%d]", i), Start: 0, End: len(img), Excerpt: img}}})
			}
		}
	}
	if s.URL != "" && reRemoteURL.MatchString(s.URL) {
		if u, err := url.Parse(s.URL); err == nil && u.Scheme == "http" && !loopback(u.Hostname()) {
			out = append(out, Finding{RuleID: "launch.plain-http", Severity: Medium, Server: s.Name,
				Message:  "remote server over plain HTTP: tool lists, arguments and results can be read and changed on the network",
				Evidence: []Evidence{{Field: "url", Start: 0, End: len(s.URL), Excerpt: s.URL}}})
		}
	}
	return out
}

func lastPathElem(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func hasYes(args []string) bool {
	for _, a := range args {
		if a == "-y" || a == "--yes" {
			return true
		}
	}
	return false
}

// npxPackage is the first argument that is not an option (skipping the
// values of -p/--package, which name the package too).
func npxPackage(args []string) (string, int) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-p" || a == "--package":
			if i+1 < len(args) {
				return args[i+1], i + 1
			}
		case strings.HasPrefix(a, "--package="):
			return strings.TrimPrefix(a, "--package="), i
		case strings.HasPrefix(a, "-"):
			continue
		default:
			return a, i
		}
	}
	return "", -1
}

// npmRemote says why an npm spec is fetched from outside the registry at a
// reference that can change (a tarball URL, a git branch), or "".
func npmRemote(spec string) string {
	l := strings.ToLower(spec)
	switch {
	case strings.HasPrefix(l, "http://"), strings.HasPrefix(l, "https://"):
		return "a tarball URL"
	case strings.HasPrefix(l, "git+"), strings.HasPrefix(l, "git://"), strings.HasPrefix(l, "github:"),
		strings.HasPrefix(l, "gitlab:"), strings.HasPrefix(l, "bitbucket:"), strings.HasPrefix(l, "gist:"),
		!strings.HasPrefix(l, "@") && !strings.HasPrefix(l, ".") && !strings.HasPrefix(l, "/") &&
			!strings.Contains(l, ":") && strings.Count(l, "/") == 1: // user/repo: GitHub
		if _, ref, ok := strings.Cut(l, "#"); ok && reCommit.MatchString(ref) {
			return ""
		}
		return "a git reference without a commit"
	}
	return ""
}

var reCommit = regexp.MustCompile(`^[0-9a-f]{40}$`)

// npmPinned reports whether an npm spec names an exact version.
func npmPinned(spec string) bool {
	if _, ref, ok := strings.Cut(spec, "#"); ok && reCommit.MatchString(strings.ToLower(ref)) {
		return true // a git reference at a commit
	}
	if strings.HasPrefix(spec, ".") || strings.HasPrefix(spec, "/") || strings.Contains(spec, "://") || strings.HasPrefix(spec, "file:") {
		return true // local path or explicit URL: not a registry lookup
	}
	at := strings.LastIndex(spec, "@")
	if at <= 0 { // no version, or only the scope's @
		return false
	}
	v := spec[at+1:]
	if v == "" || v == "latest" || v == "next" || strings.ContainsAny(v, "^~*xX<>| ") {
		return false
	}
	return v[0] >= '0' && v[0] <= '9'
}

func stripVersion(spec string) string {
	if at := strings.LastIndex(spec, "@"); at > 0 {
		return spec[:at]
	}
	return spec
}

func uvxPackage(args []string) (string, int) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--from":
			if i+1 < len(args) {
				return args[i+1], i + 1
			}
		case a == "run" || strings.HasPrefix(a, "-"):
			continue
		default:
			return a, i
		}
	}
	return "", -1
}

func dockerImage(args []string) (string, int) {
	run := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case !run:
			run = a == "run"
		case a == "-e" || a == "--env" || a == "-v" || a == "--volume" || a == "--name" || a == "--network" || a == "-p" || a == "--env-file" || a == "-w" || a == "--user" || a == "-u":
			i++
		case strings.HasPrefix(a, "-"):
			continue
		default:
			return a, i
		}
	}
	return "", -1
}

// sortFindings orders by severity (worst first), then server, tool, rule.
func sortFindings(f []Finding) {
	sort.SliceStable(f, func(i, j int) bool {
		a, b := f[i], f[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Server != b.Server {
			return a.Server < b.Server
		}
		if a.Tool != b.Tool {
			return a.Tool < b.Tool
		}
		return a.RuleID < b.RuleID
	})
}
