// Package scan is `warden scan`: an offline auditor of the MCP servers
// configured on a machine. It reads client configurations (Claude Desktop,
// Claude Code, Cursor, VS Code, Windsurf, Zed, Codex, Gemini CLI, Cline, Roo
// Code, Continue, Goose, Amazon Q Developer, Kiro, LM Studio, opencode,
// Crush, GitHub Copilot CLI, Visual Studio), checks launch commands and
// credentials, and, when asked, starts each stdio server to list and score
// its tools. Nothing leaves the machine.
package scan

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/secrets"
	"github.com/warden-mcp/warden/internal/guard/pins"
)

// Severity orders findings.
type Severity int

const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "unknown"
	}
	return severityNames[s]
}

// MarshalText writes the name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads the name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil || v > Critical {
		return fmt.Errorf("unknown severity %q", b)
	}
	*s = v
	return nil
}

// ParseSeverity reads a severity name; "none" is above every severity.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	if strings.EqualFold(s, "none") {
		return Critical + 1, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want info, low, medium, high, critical or none)", s)
}

// Evidence is where in a field a finding was seen.
type Evidence struct {
	Field   string `json:"field"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Excerpt string `json:"excerpt"`
}

// Finding is one problem.
type Finding struct {
	RuleID   string     `json:"rule"`
	Severity Severity   `json:"severity"`
	Client   string     `json:"client"`
	File     string     `json:"file"`
	Line     int        `json:"line,omitempty"`
	Server   string     `json:"server"`
	Tool     string     `json:"tool,omitempty"`
	Message  string     `json:"message"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// ToolReport is one listed tool.
type ToolReport struct {
	Name     string   `json:"name"`
	Hash     string   `json:"hash"`
	Score    float64  `json:"score"`
	Risk     Severity `json:"risk"`
	PinState string   `json:"pin_state,omitempty"` // new, same, changed (with --pins)
}

// ServerReport is one configured server.
type ServerReport struct {
	Server
	Transport string   `json:"transport"`
	Risk      Severity `json:"risk"`
	Listed    bool     `json:"listed"`
	Error     string   `json:"error,omitempty"`
	// Skipped says why --connect did not start the server.
	Skipped string       `json:"skipped,omitempty"`
	Tools   []ToolReport `json:"tools,omitempty"`
}

// Report is the result of a scan.
type Report struct {
	Files    []string       `json:"files"`
	Servers  []ServerReport `json:"servers"`
	Findings []Finding      `json:"findings"`
	Errors   []string       `json:"errors,omitempty"`
}

// Max is the highest severity among the findings (-1 when there are none).
func (r *Report) Max() Severity {
	m := Severity(-1)
	for _, f := range r.Findings {
		m = max(m, f.Severity)
	}
	return m
}

// Lister lists the tools of a server (by starting it); see StdioLister.
type Lister interface {
	ListTools(ctx context.Context, s Server) ([]json.RawMessage, error)
}

// Options configure a scan.
type Options struct {
	// Locations to read; missing files are skipped.
	Locations []Location
	// Lister, when set, lists each stdio server's tools.
	Lister Lister
	// StartCritical lets the Lister start servers whose launch command has
	// a critical finding (a download piped to a shell). Off, they are not
	// run: a scanner should not execute what it has just called critical.
	StartCritical bool
	// Pins maps "client/server" -> tool -> hash from an earlier scan; tools
	// get a pin state against it. Nil means no pin state.
	Pins map[string]map[string]string
	// Detector scores tools; nil means the built-in poisoning detector.
	Detector *detect.Detector
	// Secrets finds credentials in env, headers and arguments; nil means
	// the built-in rules.
	Secrets *secrets.Scanner
}

// Run scans. Problems reading a file or listing a server are recorded in
// the report, not returned: a scan reports what it could see.
func Run(ctx context.Context, opts Options) (*Report, error) {
	det := opts.Detector
	if det == nil {
		var err error
		if det, err = detect.NewPoisoning(detect.Options{}); err != nil {
			return nil, fmt.Errorf("loading the poisoning detector: %w", err)
		}
	}
	sc := opts.Secrets
	if sc == nil {
		var err error
		if sc, err = secrets.New(secrets.Options{}); err != nil {
			return nil, fmt.Errorf("loading the secrets rules: %w", err)
		}
	}
	servers, files, errs := Discover(opts.Locations)
	rep := &Report{Files: files}
	if rep.Files == nil {
		rep.Files = []string{}
	}
	for _, e := range errs {
		rep.Errors = append(rep.Errors, e.Error())
	}
	listed := map[int][]json.RawMessage{}
	// Credentials found in each server, by serverKey: masked in everything
	// the report prints (see redact).
	found := map[string][]string{}
	for i, s := range servers {
		sr := ServerReport{Server: s, Transport: s.Transport()}
		fs, raw := secretFindings(sc, s)
		found[serverKey(s.Client, s.File, s.Name)] = append(found[serverKey(s.Client, s.File, s.Name)], raw...)
		fs = append(fs, launchFindings(s)...)
		if opts.Lister != nil && s.Transport() == "stdio" {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if id := criticalLaunch(fs); id != "" && !opts.StartCritical {
				sr.Skipped = "not started: its launch command is critical (" + id + "); --connect-critical starts it anyway"
			} else if tools, err := opts.Lister.ListTools(ctx, s); err != nil {
				sr.Error = err.Error()
			} else {
				sr.Listed = true
				listed[i] = tools
			}
		}
		for j := range fs {
			fs[j].Client, fs[j].File, fs[j].Line = s.Client, s.File, s.Line
		}
		rep.Findings = append(rep.Findings, fs...)
		rep.Servers = append(rep.Servers, sr)
	}
	toolFindings(rep, listed, det, opts.Pins)
	for i := range rep.Servers {
		sr := &rep.Servers[i]
		sr.Risk = Info
		for _, f := range rep.Findings {
			if f.File == sr.File && f.Server == sr.Name && f.Client == sr.Client {
				sr.Risk = max(sr.Risk, f.Severity)
			}
		}
	}
	redact(rep, found)
	sortFindings(rep.Findings)
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	return rep, nil
}

func serverKey(client, file, name string) string { return client + "\x00" + file + "\x00" + name }

// redact masks credentials in everything the report prints, in every
// format: each env and header value (all of them, not only those the
// rules recognise: DB_PASSWORD=hunter2 is a secret too), and every
// credential found, or env or header value, wherever else it appears (an
// argument, the URL, a launch finding's excerpt, a server's error output).
// A server's file is readable by its owner; the report goes to CI logs and
// dashboards.
func redact(rep *Report, found map[string][]string) {
	reps := map[string]*strings.Replacer{}
	for i := range rep.Servers {
		s := &rep.Servers[i]
		k := serverKey(s.Client, s.File, s.Name)
		secretsOf := append([]string{}, found[k]...)
		s.Env, secretsOf = maskValues(s.Env, secretsOf, false)
		s.Headers, secretsOf = maskValues(s.Headers, secretsOf, true)
		found[k] = secretsOf
	}
	for k, list := range found {
		reps[k] = masker(list)
	}
	for i := range rep.Servers {
		s := &rep.Servers[i]
		r := reps[serverKey(s.Client, s.File, s.Name)]
		s.Command, s.URL, s.Error, s.Skipped = r.Replace(s.Command), maskURL(r.Replace(s.URL)), r.Replace(s.Error), r.Replace(s.Skipped)
		if s.Args != nil {
			args := make([]string, len(s.Args))
			for j, a := range s.Args {
				args[j] = r.Replace(a)
			}
			s.Args = args
		}
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		r := reps[serverKey(f.Client, f.File, f.Server)]
		if r == nil {
			continue
		}
		f.Message = r.Replace(f.Message)
		for j := range f.Evidence {
			f.Evidence[j].Excerpt = r.Replace(f.Evidence[j].Excerpt)
		}
	}
}

// maskValues returns a copy of m with every value that is not a reference
// to a variable masked. It adds to list the values to mask wherever else
// they appear: all of them with all (headers), else those under a name
// that says secret (a plain directory or log level in env is not hidden
// from the launch line), long enough to be matched safely.
func maskValues(m map[string]string, list []string, all bool) (map[string]string, []string) {
	if m == nil {
		return nil, list
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		if reference(v) {
			out[k] = v
			continue
		}
		out[k] = secrets.Mask(v)
		if len(v) >= 8 && (all || reSecretName.MatchString(k)) {
			list = append(list, v)
		}
	}
	return out, list
}

var reSecretName = regexp.MustCompile(`(?i)token|key|secret|pass|pwd|auth|cred|cookie|session|private|cert|sig|bearer|dsn`)

// reference reports a value that only names where the secret is (a
// variable, an input, a secret manager): safe to show as written.
func reference(v string) bool {
	l := strings.ToLower(v)
	return v == "" || strings.Contains(v, "${") || strings.Contains(v, "{{") || reEnvRef.MatchString(v) ||
		strings.HasPrefix(l, "op://") || strings.HasPrefix(l, "env:") || strings.HasPrefix(l, "input:")
}

var reEnvRef = regexp.MustCompile(`^(?:\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%)$`)

// masker replaces each secret with its mask, longest first so that a
// secret containing another is masked whole.
func masker(list []string) *strings.Replacer {
	sort.Slice(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	var pairs []string
	seen := map[string]bool{}
	for _, x := range list {
		if x == "" || seen[x] {
			continue
		}
		seen[x] = true
		pairs = append(pairs, x, secrets.Mask(x))
	}
	return strings.NewReplacer(pairs...)
}

// maskURL hides a URL's password, found by the rules or not, keeping the
// rest as written.
func maskURL(s string) string {
	i := strings.Index(s, "://")
	if i < 0 {
		return s
	}
	rest := s[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return s
	}
	user, _, ok := strings.Cut(rest[:at], ":")
	if !ok {
		return s
	}
	return s[:i+3] + user + ":…" + rest[at:]
}

// criticalLaunch returns the rule of the first critical launch finding.
func criticalLaunch(fs []Finding) string {
	for _, f := range fs {
		if f.Severity == Critical && strings.HasPrefix(f.RuleID, "launch.") {
			return f.RuleID
		}
	}
	return ""
}

// riskOf maps a detector score to a severity.
func riskOf(score float64) Severity {
	switch {
	case score >= 0.9:
		return Critical
	case score >= 0.7:
		return High
	case score >= detect.DefaultThreshold:
		return Medium
	case score >= 0.3:
		return Low
	}
	return Info
}

// toolFindings scores listed tools, checks shadowing across all servers
// and compares with pins.
func toolFindings(rep *Report, listed map[int][]json.RawMessage, det *detect.Detector, pinned map[string]map[string]string) {
	owners := map[string][]string{} // tool name -> "client/server"
	idx := make([]int, 0, len(listed))
	for i := range listed {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	for _, i := range idx {
		s := rep.Servers[i]
		for _, raw := range listed[i] {
			var t struct {
				Name string `json:"name"`
			}
			if json.Unmarshal(raw, &t) == nil && t.Name != "" {
				owners[t.Name] = append(owners[t.Name], s.Client+"/"+s.Name)
			}
		}
	}
	for _, i := range idx {
		sr := &rep.Servers[i]
		id := sr.Client + "/" + sr.Name
		add := func(f Finding) {
			f.Client, f.File, f.Line, f.Server = sr.Client, sr.File, sr.Line, sr.Name
			rep.Findings = append(rep.Findings, f)
		}
		for _, raw := range listed[i] {
			tt, err := detect.ToolFromJSON(raw)
			if err != nil {
				add(Finding{RuleID: "tool.unreadable", Severity: Medium, Message: "the server listed a tool that is not a JSON object: " + err.Error()})
				continue
			}
			hash, _, err := pins.Hash("tool", raw)
			if err != nil {
				hash = ""
			}
			res := det.ScanTool(tt)
			tr := ToolReport{Name: tt.Name, Hash: hash, Score: float64(int(res.Score*1000)) / 1000, Risk: riskOf(res.Score)}
			if pinned != nil {
				switch old, ok := pinned[id][tt.Name]; {
				case !ok:
					tr.PinState = "new"
				case old == hash:
					tr.PinState = "same"
				default:
					tr.PinState = "changed"
					add(Finding{RuleID: "pin.changed", Severity: High, Tool: tt.Name,
						Message: fmt.Sprintf("tool definition changed since it was pinned (%.12s -> %.12s): review it before trusting it again", old, hash)})
				}
			}
			if tr.Risk >= Low {
				f := Finding{RuleID: "poisoning.tool", Severity: tr.Risk, Tool: tt.Name,
					Message: fmt.Sprintf("tool text looks like instructions to the model (score %.2f): %s", res.Score, firstLine(res.Explanation()))}
				for _, x := range res.Findings {
					f.Evidence = append(f.Evidence, Evidence{Field: x.Field, Start: x.Start, End: x.End, Excerpt: x.Excerpt})
				}
				add(f)
			}
			if others := without(owners[tt.Name], id); len(others) > 0 {
				add(Finding{RuleID: "shadow.name-collision", Severity: Medium, Tool: tt.Name,
					Message: fmt.Sprintf("tool name %q is also listed by %s: a model may call the wrong one", tt.Name, strings.Join(others, ", "))})
			}
			for _, fld := range tt.Fields {
				if fld.Path == "name" {
					continue
				}
				for name, who := range owners {
					if name == tt.Name || len(name) < 4 || !strings.ContainsAny(name, "_-.") {
						continue
					}
					if at := strings.Index(fld.Text, name); at >= 0 {
						if others := without(who, id); len(others) > 0 {
							sev := Medium
							if res.Score >= 0.3 {
								sev = High
							}
							add(Finding{RuleID: "shadow.mentions-other-server", Severity: sev, Tool: tt.Name,
								Message:  fmt.Sprintf("description mentions %q, a tool of %s: it may change how that tool is used", name, strings.Join(others, ", ")),
								Evidence: []Evidence{{Field: fld.Path, Start: at, End: at + len(name), Excerpt: name}}})
						}
					}
				}
			}
			sr.Tools = append(sr.Tools, tr)
		}
	}
}

func without(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// PinsFromReport builds a pins map (for --pins) from a report's tools.
func PinsFromReport(r *Report) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, s := range r.Servers {
		if !s.Listed {
			continue
		}
		m := map[string]string{}
		for _, t := range s.Tools {
			m[t.Name] = t.Hash
		}
		out[s.Client+"/"+s.Name] = m
	}
	return out
}

// ReadPins reads a pins file written by --update-pins; a missing file is an
// empty set.
func ReadPins(path string) (map[string]map[string]string, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return map[string]map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading pins: %w", err)
	}
	var p map[string]map[string]string
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("reading pins %s: %w", path, err)
	}
	return p, nil
}
