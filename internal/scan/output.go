package scan

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report for people: servers, then findings.
func WriteTable(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Scanned %d configuration file(s), %d server(s).\n\n", len(r.Files), len(r.Servers))
	if len(r.Servers) > 0 {
		fmt.Fprintln(tw, "CLIENT\tSERVER\tTRANSPORT\tRISK\tTOOLS\tLAUNCH")
		for _, s := range r.Servers {
			tools := "-"
			switch {
			case s.Listed:
				tools = fmt.Sprint(len(s.Tools))
			case s.Error != "":
				tools = "error"
			case s.Skipped != "":
				tools = "skipped"
			}
			launch := s.URL
			if s.Command != "" {
				launch = strings.Join(append([]string{s.Command}, s.Args...), " ")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", clean(s.Client), clean(s.Name), s.Transport, s.Risk, tools, clip(clean(launch), 60))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range r.Servers {
		if s.Error != "" {
			fmt.Fprintf(w, "could not list %s/%s: %s\n", clean(s.Client), clean(s.Name), clean(s.Error))
		}
		if s.Skipped != "" {
			fmt.Fprintf(w, "did not list %s/%s: %s\n", clean(s.Client), clean(s.Name), clean(s.Skipped))
		}
	}
	for _, e := range r.Errors {
		fmt.Fprintf(w, "error: %s\n", clean(e))
	}
	if len(r.Findings) == 0 {
		_, err := fmt.Fprintln(w, "No findings.")
		return err
	}
	fmt.Fprintf(w, "%d finding(s):\n", len(r.Findings))
	for _, f := range r.Findings {
		where := f.Server
		if f.Tool != "" {
			where += " / " + f.Tool
		}
		loc := f.File
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d", f.File, f.Line)
		}
		fmt.Fprintf(w, "\n[%s] %s  %s (%s)\n  %s\n", strings.ToUpper(f.Severity.String()), clean(f.RuleID), clean(where), clean(loc), clean(f.Message))
		for _, e := range f.Evidence {
			fmt.Fprintf(w, "  at %s[%d:%d]: %q\n", clean(e.Field), e.Start, e.End, clip(e.Excerpt, 80))
		}
	}
	return nil
}

// clean keeps what a server or a file chose (names, paths, env keys, error
// text) from driving the terminal or forging lines of the report: C0 and C1
// controls (escape sequences; a newline becomes a space) and the Unicode
// controls that reorder or hide text on screen (bidi overrides and
// isolates, zero-width characters, line separators) each become '?'.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return ' ' // joined errors stay readable, on one line
		}
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || invisible(r) {
			return '?'
		}
		return r
	}, s)
}

// invisible reports format characters that change how text around them is
// shown: bidi marks, embeddings, overrides and isolates (Trojan Source),
// zero-width characters, line and paragraph separators.
func invisible(r rune) bool {
	switch {
	case r == 0x061c, r == 0x00ad, r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e,
		r >= 0x2060 && r <= 0x2069, r == 0xfeff:
		return true
	}
	return false
}

// clip shortens s to at most n bytes without splitting a character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - 3
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// ruleHelp describes each rule for SARIF consumers.
var ruleHelp = map[string]string{
	"launch.pipe-to-shell":         "Launch command pipes downloaded code to a shell",
	"launch.download-exec":         "Launch command downloads code and runs it",
	"launch.npx-remote":            "npm package launched from a URL or git reference without a commit",
	"launch.npx-unpinned":          "npm package launched without a pinned version",
	"launch.uvx-unpinned":          "Python package launched without a pinned version",
	"launch.image-unpinned":        "Container image without a fixed tag or digest",
	"launch.plain-http":            "Remote MCP server over plain HTTP",
	"launch.container-host-access": "Container started with access to the host (privileges, host namespaces, engine socket, sensitive mounts)",
	"launch.remote-script":         "Script run from a URL",
	"secret.url-credentials":       "Password in the server URL",
	"secret.high-entropy":          "Credential-like value in plain text",
	"poisoning.tool":               "Tool text reads as instructions to the model (tool poisoning)",
	"shadow.name-collision":        "Tool name listed by more than one server",
	"shadow.mentions-other-server": "Tool description mentions another server's tool",
	"pin.changed":                  "Tool definition changed since pinned (rug pull)",
	"tool.unreadable":              "Server listed an unreadable tool",
}

func sarifLevel(s Severity) string {
	switch {
	case s >= High:
		return "error"
	case s >= Medium:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes the findings as SARIF 2.1.0.
func WriteSARIF(w io.Writer, r *Report, version string) error {
	type msg struct {
		Text string `json:"text"`
	}
	type rule struct {
		ID                   string         `json:"id"`
		ShortDescription     msg            `json:"shortDescription"`
		DefaultConfiguration map[string]any `json:"defaultConfiguration"`
	}
	ids := map[string]Severity{}
	for _, f := range r.Findings {
		ids[f.RuleID] = max(ids[f.RuleID], f.Severity)
	}
	rules := []rule{} // an empty array, not null: the schema wants an array
	index := map[string]int{}
	for _, id := range sortedKeys(ids) {
		index[id] = len(rules)
		text := ruleHelp[id]
		if text == "" && strings.HasPrefix(id, "secret.") {
			text = "Live-looking credential in plain text"
		}
		if text == "" {
			text = id
		}
		rules = append(rules, rule{ID: id, ShortDescription: msg{text}, DefaultConfiguration: map[string]any{"level": sarifLevel(ids[id])}})
	}
	results := make([]map[string]any, 0, len(r.Findings))
	for _, f := range r.Findings {
		region := map[string]any{}
		if f.Line > 0 {
			region["startLine"] = f.Line
		}
		loc := map[string]any{"physicalLocation": map[string]any{
			"artifactLocation": map[string]any{"uri": sarifURI(f.File)},
		}}
		if len(region) > 0 {
			loc["physicalLocation"].(map[string]any)["region"] = region
		}
		logical := f.Server
		if f.Tool != "" {
			logical += "/" + f.Tool
		}
		loc["logicalLocations"] = []map[string]any{{"name": logical, "kind": "module"}}
		text := f.Message
		for _, e := range f.Evidence {
			text += fmt.Sprintf(" [%s[%d:%d]: %q]", e.Field, e.Start, e.End, e.Excerpt)
		}
		results = append(results, map[string]any{
			"ruleId":     f.RuleID,
			"ruleIndex":  index[f.RuleID],
			"level":      sarifLevel(f.Severity),
			"message":    msg{text},
			"locations":  []any{loc},
			"properties": map[string]any{"severity": f.Severity.String(), "client": f.Client},
		})
	}
	doc := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name": "warden-scan", "version": version,
				"informationUri": "https://github.com/warden-mcp/warden/blob/main/docs/scan.md",
				"rules":          rules,
			}},
			"results":     results,
			"invocations": []any{sarifInvocation(r)},
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// sarifURI is a file's artifactLocation.uri: SARIF wants a URI reference
// (RFC 3986), not a path. An absolute path becomes a file:// URI (with the
// drive of a Windows path in it), a relative one a relative reference;
// either way spaces and other reserved characters are percent-encoded
// ("Application Support" is in macOS config paths).
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if vol := filepath.VolumeName(path); vol != "" || filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/Users/... -> /C:/Users/...
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String() // "./" is added before a first segment with a colon
}

// sarifInvocation reports what the scan could not see as tool execution
// notifications, so a dashboard that reads only SARIF does not take a file
// it could not read, or a server it could not list, for a clean one.
func sarifInvocation(r *Report) map[string]any {
	notes := []map[string]any{}
	note := func(level, text, file string) {
		n := map[string]any{"level": level, "message": map[string]string{"text": text}}
		if file != "" {
			n["locations"] = []any{map[string]any{"physicalLocation": map[string]any{
				"artifactLocation": map[string]any{"uri": sarifURI(file)}}}}
		}
		notes = append(notes, n)
	}
	for _, e := range r.Errors {
		note("error", clean(e), "")
	}
	for _, s := range r.Servers {
		switch {
		case s.Error != "":
			note("warning", fmt.Sprintf("could not list %s/%s: %s", s.Client, clean(s.Name), clean(s.Error)), s.File)
		case s.Skipped != "":
			note("note", fmt.Sprintf("did not list %s/%s: %s", s.Client, clean(s.Name), clean(s.Skipped)), s.File)
		}
	}
	return map[string]any{"executionSuccessful": true, "toolExecutionNotifications": notes}
}
