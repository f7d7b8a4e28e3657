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

// secretFindings checks a server's env, headers, arguments, command and
// URL for live credentials with Warden's secrets engine (the rules the
// gateway's secrets guard uses). Each env and header value is scanned as
// NAME=value, so a credential found by its context (SERVICE_TOKEN=...) is
// caught as well as one with a known shape. It also returns the raw text of
// every credential found, so the report can mask it wherever it appears.
func secretFindings(sc *secrets.Scanner, s Server) ([]Finding, []string) {
	var out []Finding
	var raw []string
	add := func(field, text string, valueAt int, f secrets.Finding, where string) {
		if placeholder(text[max(f.Start, valueAt):f.End]) {
			return // the match itself is filler: <your token>, ${TOKEN}
		}
		sev := High
		if strings.HasPrefix(f.RuleID, "generic-") {
			sev = Medium
		}
		start, end := max(0, f.Start-valueAt), max(0, f.End-valueAt)
		raw = append(raw, text[max(f.Start, valueAt):f.End])
		out = append(out, Finding{RuleID: "secret." + f.RuleID, Severity: sev, Server: s.Name,
			Message:  fmt.Sprintf("%s %s (%s)", f.Description, where, field),
			Evidence: []Evidence{{Field: field, Start: start, End: end, Excerpt: secrets.Mask(text[f.Start:f.End])}}})
	}
	check := func(where string, m map[string]string) {
		for _, k := range sortedKeys(m) {
			v := m[k]
			if v == "" || placeholder(v) && len(v) < 40 {
				continue // filler; a long value is judged by what matched in it
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
	// Credentials in arguments (and in a command line written as one
	// string) end up in process listings.
	plain := func(field, text, where string) {
		// Not the whole text judged as a placeholder: "example" or "your"
		// elsewhere in a long argument or URL must not hide a real key.
		for _, f := range sc.ScanPath(field, text) {
			add(field, text, 0, f, where)
		}
	}
	plain("command", s.Command, "on the command line: visible to every local user in the process list")
	for i, a := range s.Args {
		plain(fmt.Sprintf("args[%d]", i), a, "on the command line: visible to every local user in the process list")
	}
	// A key in a URL (?api_key=..., https://user:token@host) travels in
	// every request line and ends up in proxy and server logs.
	plain("url", s.URL, "in the server URL: it is sent with every request and written to proxy and server logs")
	urlFound := len(out) > 0 && out[len(out)-1].Evidence[0].Field == "url"
	if u, err := url.Parse(s.URL); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok && !placeholder(pw) && !urlFound {
			if len(pw) >= 8 { // shorter would mask unrelated text; the URL itself is masked whole
				raw = append(raw, pw)
			}
			at := strings.Index(s.URL, pw)
			out = append(out, Finding{RuleID: "secret.url-credentials", Severity: High, Server: s.Name,
				Message:  "password in the server URL: it is sent with every request and written to proxy and server logs (url)",
				Evidence: []Evidence{{Field: "url", Start: max(at, 0), End: max(at, 0) + len(pw), Excerpt: secrets.Mask(pw)}}})
		}
	}
	return out, raw
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
	// rePipeShell: a download piped (through any filters) to a shell or an
	// interpreter, named plainly, by path (/bin/sh) or through sudo or env.
	rePipeShell = regexp.MustCompile(`(?i)\b(?:curl|wget|iwr|invoke-webrequest)\b[^;&|]*(?:\|[^;&|]+)*\|\s*(?:sudo(?:\s+-\S+)*\s+)?(?:env\s+(?:\S+=\S*\s+)*)?(?:\S*/)?(?:(?:ba|z|da|k)?sh\b|(?:python3?|node|perl|ruby|iex)\b)|\biex\s*\(.*downloadstring`)
	reRemoteURL = regexp.MustCompile(`^https?://`)
	// reDownloadExec: other ways a launch command runs code it downloads
	// at each start: a shell running a command substitution or a process
	// substitution of curl or wget (the installer idiom `bash -c "$(curl
	// …)"`), PowerShell's Invoke-Expression of a web request, and Python
	// exec of a URL's content.
	reDownloadExec = regexp.MustCompile(`(?i)(?:\b(?:ba|z|da|k)?sh\s+-[a-z]*c|\beval)\s+["']?(?:\$\(|\x60)\s*(?:curl|wget)\b|(?:\b(?:ba|z|da|k)?sh|\bsource|\b(?:python3?|node|perl|ruby)|(?:^|\s)\.)\s+<\(\s*(?:curl|wget)\b|\b(?:iex|invoke-expression)\b[^;|]*\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring)\b|\b(?:iwr|irm|invoke-webrequest|invoke-restmethod)\b[^;|]*\|\s*(?:iex|invoke-expression)\b|\bexec\s*\([^;]*\b(?:urlopen|urllib\.request|requests\.get)\b`)
)

// launchFindings checks how a server is started or reached.
func launchFindings(s Server) []Finding {
	var out []Finding
	line := strings.TrimSpace(s.Command + " " + strings.Join(s.Args, " "))
	pipe := rePipeShell.FindStringIndex(line)
	if pipe != nil {
		out = append(out, Finding{RuleID: "launch.pipe-to-shell", Severity: Critical, Server: s.Name,
			Message:  "the launch command downloads code and pipes it to an interpreter: whatever the remote host serves runs with your privileges, every start",
			Evidence: []Evidence{{Field: "command line", Start: pipe[0], End: pipe[1], Excerpt: line[pipe[0]:pipe[1]]}}})
	}
	loc := reDownloadExec.FindStringIndex(line)
	if loc == nil {
		loc = downloadThenRun(line)
	}
	if loc != nil && pipe == nil {
		out = append(out, Finding{RuleID: "launch.download-exec", Severity: Critical, Server: s.Name,
			Message:  "the launch command downloads code and runs it (a command or process substitution, a downloaded file run next, Invoke-Expression, exec): whatever the remote host serves runs with your privileges, every start",
			Evidence: []Evidence{{Field: "command line", Start: loc[0], End: loc[1], Excerpt: line[loc[0]:loc[1]]}}})
	}
	// Package and image checks apply to the command and to what it wraps
	// (cmd /c npx ..., env X=1 npx ..., sh -c "npx ...", npm exec ...).
	seen := map[string]bool{}
	for n, argv := range invocations(s.Command, s.Args) {
		where := func(i int, excerpt string) Evidence {
			if n == 0 { // the configured command: point at the argument
				return Evidence{Field: fmt.Sprintf("args[%d]", i), Start: 0, End: len(excerpt), Excerpt: excerpt}
			}
			at := max(strings.Index(line, excerpt), 0)
			return Evidence{Field: "command line", Start: at, End: at + len(excerpt), Excerpt: excerpt}
		}
		for _, f := range packageFindings(s.Name, argv, where) {
			if k := f.RuleID + "\x00" + f.Evidence[0].Excerpt; !seen[k] {
				seen[k] = true
				out = append(out, f)
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

// downloadThenRun finds a file that curl or wget saves and a later command
// of the same line runs (curl -o f URL && sh f; wget URL/srv; chmod +x srv
// && ./srv), and returns the span from the download to the run.
func downloadThenRun(line string) []int {
	type seg struct {
		text  string
		words []string
	}
	var segs []seg
	for _, t := range reScriptSep.Split(line, -1) {
		var words []string
		for _, w := range strings.Fields(t) {
			words = append(words, strings.Trim(w, `"'()`))
		}
		if len(words) > 0 {
			segs = append(segs, seg{strings.TrimSpace(t), words})
		}
	}
	for i, d := range segs {
		file := ""
		for j, w := range d.words { // the download may follow a wrapper: bash -c "curl ..."
			if b := cmdBase(w); b == "curl" || b == "wget" {
				file = downloadedFile(d.words[j:])
				break
			}
		}
		if file == "" {
			continue
		}
		base := lastPathElem(file)
		for _, r := range segs[i+1:] {
			if !runsFile(r.words, file, base) {
				continue
			}
			start := strings.Index(line, d.text)
			end := strings.Index(line[max(start, 0):], r.text)
			if start < 0 || end < 0 {
				return nil
			}
			return []int{start, start + end + len(r.text)}
		}
	}
	return nil
}

// downloadedFile is the file a curl or wget command line writes, or "".
func downloadedFile(w []string) string {
	b := cmdBase(w[0])
	if b != "curl" && b != "wget" {
		return ""
	}
	var url string
	for i := 1; i < len(w); i++ {
		a, next := w[i], ""
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case a == ">" || a == "--output" || a == "--output-document" || b == "curl" && reCurlShortO.MatchString(a) || b == "wget" && a == "-O":
			if next != "-" {
				return next
			}
			return ""
		case strings.HasPrefix(a, ">") && len(a) > 1:
			return a[1:]
		case strings.HasPrefix(a, "--output=") || strings.HasPrefix(a, "--output-document="):
			_, v, _ := strings.Cut(a, "=")
			return v
		case strings.Contains(a, "://"):
			url = a
		}
	}
	// curl -O and wget by default save under the URL's last element.
	if url != "" && (b == "wget" || hasArg(w, "-O", "--remote-name")) {
		u, _, _ := strings.Cut(url, "?")
		if f := lastPathElem(u); f != "" && !strings.Contains(f, ":") {
			return f
		}
	}
	return ""
}

var reCurlShortO = regexp.MustCompile(`^-[a-zA-Z]*o$`) // -o, -fsSLo

func hasArg(w []string, names ...string) bool {
	for _, a := range w {
		for _, n := range names {
			if a == n {
				return true
			}
		}
	}
	return false
}

// runsFile reports whether a command line executes file: as the program,
// or as the script of a shell or interpreter.
func runsFile(w []string, file, base string) bool {
	is := func(x string) bool { return x == file || x == "./"+base || strings.HasSuffix(x, "/"+base) }
	if is(w[0]) {
		return true
	}
	switch cmdBase(w[0]) {
	case "sh", "bash", "zsh", "dash", "ksh", "python", "python3", "node", "perl", "ruby", "source", ".", "exec", "sudo", "pwsh", "powershell":
		for _, x := range w[1:] {
			if is(x) {
				return true
			}
		}
	}
	return false
}

// packageFindings checks one invocation (argv[0] is the program) that
// fetches a package or image at start. where locates argv[i+1].
func packageFindings(server string, argv []string, where func(i int, excerpt string) Evidence) []Finding {
	var out []Finding
	base, args := cmdBase(argv[0]), argv[1:]
	off := 0 // index of args[0] in the invocation's own arguments
	sub := func(names ...string) bool {
		if len(args) < len(names) {
			return false
		}
		for i, n := range names {
			if args[i] != n {
				return false
			}
		}
		args, off = args[len(names):], off+len(names)
		return true
	}
	switch {
	case base == "npx" || base == "bunx" || base == "pnpx" ||
		base == "npm" && (sub("exec") || sub("x")) || base == "pnpm" && sub("dlx") ||
		base == "yarn" && sub("dlx") || base == "bun" && sub("x"):
		if pkg, i := npxPackage(args); pkg != "" && npmRemote(pkg) != "" {
			out = append(out, Finding{RuleID: "launch.npx-remote", Severity: High, Server: server,
				Message:  fmt.Sprintf("package %s is %s: whatever it points to at the next start runs, with no registry version or integrity check; install a published version (name@1.2.3) or pin a commit (#<sha>)", pkg, npmRemote(pkg)),
				Evidence: []Evidence{where(off+i, pkg)}})
		} else if pkg != "" && !npmPinned(pkg) {
			sev, why := Medium, "is not pinned to a version"
			if hasYes(args) {
				sev, why = High, "is not pinned to a version and -y installs whatever is published without asking"
			}
			out = append(out, Finding{RuleID: "launch.npx-unpinned", Severity: sev, Server: server,
				Message:  fmt.Sprintf("package %s %s: a new release (or a hijacked one) runs at the next start; pin an exact version (%s@1.2.3)", pkg, why, stripVersion(pkg)),
				Evidence: []Evidence{where(off+i, pkg)}})
		}
	case base == "uvx" || base == "pipx" || base == "uv" && sub("tool", "run"):
		if pkg, i := uvxPackage(args); pkg != "" && !pyPinned(pkg) {
			name := stripPyVersion(pkg)
			msg := fmt.Sprintf("package %s is not pinned to a version; pin it (%s==1.2.3 or %s@1.2.3)", pkg, name, name)
			if strings.Contains(pkg, "://") {
				msg = fmt.Sprintf("package %s is a URL without a commit: whatever it points to at the next start runs; pin a full commit (%s@<40-hex sha>)", pkg, stripURLRef(pkg))
			}
			out = append(out, Finding{RuleID: "launch.uvx-unpinned", Severity: Medium, Server: server,
				Message:  msg,
				Evidence: []Evidence{where(off+i, pkg)}})
		}
	case base == "deno" && sub("run"):
		if spec, i := firstOperand(args, nil); strings.HasPrefix(spec, "https://") || strings.HasPrefix(spec, "http://") {
			out = append(out, Finding{RuleID: "launch.remote-script", Severity: High, Server: server,
				Message:  fmt.Sprintf("script %s is run from a URL: whatever the host serves when the cache is refreshed runs; vendor it or pin it with a lock file and integrity check", spec),
				Evidence: []Evidence{where(off+i, spec)}})
		}
	case base == "docker" || base == "podman" || base == "nerdctl":
		img, i := dockerImage(args)
		if img != "" && !strings.Contains(img, "@sha256:") {
			name := img[strings.LastIndex(img, "/")+1:]
			if !strings.Contains(name, ":") || strings.HasSuffix(name, ":latest") {
				out = append(out, Finding{RuleID: "launch.image-unpinned", Severity: Low, Server: server,
					Message:  fmt.Sprintf("image %s has no fixed tag or digest; pin it by digest (@sha256:...)", img),
					Evidence: []Evidence{where(off+i, img)}})
			}
		}
		if img != "" {
			for _, h := range containerHostAccess(args[:i]) {
				out = append(out, Finding{RuleID: "launch.container-host-access", Severity: h.sev, Server: server,
					Message:  fmt.Sprintf("the container is started with %s: %s", h.opt, h.why),
					Evidence: []Evidence{where(off+h.at, h.opt)}})
			}
		}
	}
	return out
}

// cmdBase is a program's name without directory and Windows extension.
func cmdBase(p string) string {
	b := strings.ToLower(lastPathElem(p))
	for _, ext := range []string{".exe", ".cmd", ".bat", ".ps1"} {
		b = strings.TrimSuffix(b, ext)
	}
	return b
}

// maxWrapDepth bounds how deep invocations looks through wrappers.
const maxWrapDepth = 4

// invocations returns the command and what it starts through wrappers:
// cmd /c, env, exec, sudo, nohup, and a shell's -c script (split at ;, &&,
// ||, | and newlines, words unquoted). The first is the command itself.
func invocations(command string, args []string) [][]string {
	var out [][]string
	var walk func(argv []string, depth int)
	script := func(text string, depth int) {
		for _, seg := range reScriptSep.Split(text, -1) {
			var words []string
			for _, w := range strings.Fields(seg) {
				words = append(words, strings.Trim(w, `"'`))
			}
			walk(words, depth)
		}
	}
	walk = func(argv []string, depth int) {
		if len(argv) == 0 || depth > maxWrapDepth || len(out) > 64 {
			return
		}
		out = append(out, argv)
		rest := argv[1:]
		switch cmdBase(argv[0]) {
		case "cmd":
			for i, a := range rest {
				if strings.EqualFold(a, "/c") || strings.EqualFold(a, "/k") {
					if inner := rest[i+1:]; len(inner) == 1 {
						script(inner[0], depth+1)
					} else {
						walk(inner, depth+1)
					}
					return
				}
			}
		case "env", "exec", "sudo", "doas", "nohup", "command":
			i := 0
			for i < len(rest) && (strings.HasPrefix(rest[i], "-") || strings.Contains(rest[i], "=")) {
				if rest[i] == "-S" && i+1 < len(rest) { // env -S "npx -y pkg"
					script(rest[i+1], depth+1)
					return
				}
				i++
			}
			walk(rest[i:], depth+1)
		case "sh", "bash", "zsh", "dash", "ksh", "fish", "pwsh", "powershell":
			for i, a := range rest {
				if i+1 < len(rest) && (reShellC.MatchString(a) || strings.EqualFold(a, "-command")) {
					script(rest[i+1], depth+1)
					return
				}
			}
		}
	}
	walk(append([]string{command}, args...), 0)
	return out
}

var (
	reScriptSep = regexp.MustCompile(`&&|\|\||[;|&\n]`)
	reShellC    = regexp.MustCompile(`^-[a-zA-Z]*c$`) // -c, -lc, -ec
)

// hostAccess is one container option that gives the server the host.
type hostAccess struct {
	opt, why string
	sev      Severity
	at       int
}

// containerHostAccess finds options of docker run (before the image) that
// give the container the host: privileges, host namespaces, the Docker
// socket, the host's root or credential directories.
func containerHostAccess(opts []string) []hostAccess {
	var out []hostAccess
	add := func(at int, opt, why string, sev Severity) {
		out = append(out, hostAccess{opt: opt, why: why, sev: sev, at: at})
	}
	for i := 0; i < len(opts); i++ {
		at := i
		name, val, hasVal := strings.Cut(opts[i], "=")
		if !hasVal && i+1 < len(opts) && dockerValueFlag[name] {
			i++
			val = opts[i]
		}
		lv := strings.ToLower(val)
		switch name {
		case "--privileged":
			if !hasVal || lv == "true" {
				add(at, opts[at], "every device and capability of the host: a way out of the container to root on the host", High)
			}
		case "--cap-add":
			if c := strings.TrimPrefix(strings.ToUpper(val), "CAP_"); c == "ALL" || c == "SYS_ADMIN" || c == "SYS_MODULE" || c == "SYS_PTRACE" || c == "DAC_READ_SEARCH" {
				add(at, name+" "+val, "a capability that lets the container escape to the host", High)
			}
		case "--pid", "--userns", "--ipc", "--uts", "--cgroupns":
			if lv == "host" {
				add(at, name+"="+val, "the host's namespace: it sees (and can signal or join) host processes", High)
			}
		case "--network", "--net":
			if lv == "host" {
				add(at, name+"="+val, "the host's network: it reaches every service listening on the host's loopback", Medium)
			}
		case "--security-opt":
			if strings.Contains(lv, "unconfined") || lv == "label=disable" || lv == "label:disable" {
				add(at, name+" "+val, "the host's confinement (seccomp, AppArmor, SELinux) turned off", High)
			}
		case "-v", "--volume", "--mount":
			src := val
			if name == "--mount" {
				src = ""
				for _, kv := range strings.Split(val, ",") {
					if k, v, _ := strings.Cut(kv, "="); k == "source" || k == "src" {
						src = v
					}
				}
			} else {
				from := 0
				if len(val) > 2 && isLetter(val[0]) && val[1] == ':' && (val[2] == '\\' || val[2] == '/') {
					from = 2 // C:\... : the drive's colon is not the separator
				}
				if j := strings.Index(val[from:], ":"); j >= 0 {
					src = val[:from+j]
				}
			}
			if why, sev := sensitiveMount(src); why != "" {
				add(at, name+" "+val, why, sev)
			}
		}
	}
	return out
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// sensitiveMount says why mounting host path src into a container matters.
func sensitiveMount(src string) (string, Severity) {
	p := strings.TrimRight(strings.ReplaceAll(src, `\`, "/"), "/")
	l := strings.ToLower(p)
	switch {
	case strings.HasSuffix(l, "docker.sock") || strings.HasSuffix(l, "podman.sock") || strings.HasSuffix(l, "containerd.sock"):
		return "the container engine's socket mounted: it can start a privileged container, which is root on the host", High
	case p == "" && src != "" || len(p) == 2 && p[1] == ':': // "/" or "C:\"
		return "the host's whole filesystem mounted", High
	case l == "/etc" || l == "/root" || l == "/proc" || l == "/sys" || l == "/dev" || l == "/boot" || l == "/var/run" || l == "/run":
		return "a host system directory mounted", High
	}
	for _, dir := range []string{".ssh", ".aws", ".gnupg", ".kube", ".docker", ".azure", "gcloud"} {
		if strings.HasSuffix(l, "/"+dir) || strings.Contains(l, "/"+dir+"/") || l == "~/"+dir || l == dir {
			return "a credentials directory mounted", High
		}
	}
	switch {
	case l == "~" || l == "$home" || l == "${home}" || l == "%userprofile%" || l == "/home" || l == "/users" || reHomeDir.MatchString(l):
		return "the home directory mounted: every credential and key in it is readable", Medium
	}
	return "", 0
}

var reHomeDir = regexp.MustCompile(`^(?:/home/[^/]+|/users/[^/]+|[a-z]:/users/[^/]+)$`)

// dockerValueFlag lists docker run options that take a value as the next
// argument (so the value is not taken for the image).
var dockerValueFlag = map[string]bool{
	"-e": true, "--env": true, "-v": true, "--volume": true, "--name": true, "--network": true, "--net": true,
	"-p": true, "--publish": true, "--env-file": true, "-w": true, "--workdir": true, "-u": true, "--user": true,
	"--mount": true, "--cap-add": true, "--cap-drop": true, "--pid": true, "--ipc": true, "--uts": true,
	"--userns": true, "--cgroupns": true, "--security-opt": true, "--device": true, "--platform": true,
	"--entrypoint": true, "-h": true, "--hostname": true, "-l": true, "--label": true, "--add-host": true,
	"-m": true, "--memory": true, "--cpus": true, "--restart": true, "--runtime": true, "--log-driver": true,
	"--log-opt": true, "--dns": true, "--tmpfs": true, "--gpus": true, "--ulimit": true, "--group-add": true,
	"--shm-size": true, "--stop-signal": true, "--pull": true, "--network-alias": true, "--ip": true,
	"--mac-address": true, "--cidfile": true, "--volumes-from": true, "--link": true, "-a": true, "--attach": true,
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

// uvValueFlag lists uvx and pipx run options that take a value as the next
// argument (so the value is not taken for the package).
var uvValueFlag = map[string]bool{
	"--with": true, "-w": true, "--with-editable": true, "--with-requirements": true, "--python": true, "-p": true,
	"--index": true, "--index-url": true, "-i": true, "--extra-index-url": true, "--default-index": true,
	"--constraints": true, "-c": true, "--overrides": true, "--find-links": true, "-f": true, "--cache-dir": true,
	"--directory": true, "--project": true, "--config-file": true, "--python-preference": true,
	"--index-strategy": true, "--keyring-provider": true, "--resolution": true, "--prerelease": true,
	"--exclude-newer": true, "--env-file": true, "--pip-args": true, "--build-constraints": true, "-b": true,
}

// uvxPackage is the package uvx or pipx run installs: the value of --from
// or --spec, else the first operand.
func uvxPackage(args []string) (string, int) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--from" || a == "--spec":
			if i+1 < len(args) {
				return args[i+1], i + 1
			}
		case strings.HasPrefix(a, "--from=") || strings.HasPrefix(a, "--spec="):
			_, v, _ := strings.Cut(a, "=")
			return v, i
		case uvValueFlag[a]:
			i++
		case a == "run" || strings.HasPrefix(a, "-"):
			continue
		default:
			return a, i
		}
	}
	return "", -1
}

// pyPinned reports whether a uvx/pipx package spec names one version: an
// exact ==version, a name@version, a git URL at a full commit, or a local
// path. @latest, ranges and branch names are not pins.
func pyPinned(spec string) bool {
	l := strings.ToLower(spec)
	switch {
	case strings.HasPrefix(l, ".") || strings.HasPrefix(l, "/") || strings.HasPrefix(l, "file:"):
		return true
	case strings.HasPrefix(l, "git+") || strings.Contains(l, "://"):
		ref := l[strings.LastIndex(l, "/")+1:]
		if _, r, ok := strings.Cut(ref, "@"); ok {
			r, _, _ = strings.Cut(r, "#")
			return reCommit.MatchString(r)
		}
		return false
	}
	if i := strings.Index(spec, "=="); i > 0 {
		v := strings.TrimLeft(spec[i+2:], "=")
		return v != "" && !strings.ContainsAny(v, "*,<>!~; ")
	}
	if i := strings.LastIndex(spec, "@"); i > 0 {
		v := spec[i+1:]
		return v != "" && v[0] >= '0' && v[0] <= '9' && !strings.ContainsAny(v, "*,<>!~; ")
	}
	return false
}

// stripURLRef drops the @ref of a git URL's last path element.
func stripURLRef(spec string) string {
	slash := strings.LastIndex(spec, "/")
	if at := strings.LastIndex(spec, "@"); at > slash {
		return spec[:at]
	}
	return spec
}

func stripPyVersion(spec string) string {
	if i := strings.IndexAny(spec, "=<>!~@"); i > 0 && !strings.Contains(spec, "://") {
		return spec[:i]
	}
	return spec
}

// firstOperand is the first argument that is not an option (skipping the
// values of the options in valued).
func firstOperand(args []string, valued map[string]bool) (string, int) {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case valued[a]:
			i++
		case strings.HasPrefix(a, "-"):
		default:
			return a, i
		}
	}
	return "", -1
}

// dockerImage is the image of docker run (the first operand after "run").
func dockerImage(args []string) (string, int) {
	for i, a := range args {
		if a == "run" {
			img, j := firstOperand(args[i+1:], dockerValueFlag)
			if j < 0 {
				return "", -1
			}
			return img, i + 1 + j
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
