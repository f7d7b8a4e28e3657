package approval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/mcp"
)

// Pattern is what a standing decision covers:
//
//	server/tool [key=glob ...]
//
// server and tool are globs ("*" any run, "?" one character); each
// key=glob must hold for the call's arguments, where key is a top-level
// argument name or a dotted path (a.b.c), and the value is compared as
// text (strings as they are, other values as compact JSON). A missing
// argument never matches, and neither does a value that climbs out of a
// directory ("/tmp/../etc/passwd", also percent-encoded or with
// backslashes) unless the glob itself says "..": "path=/tmp/*" means under
// /tmp.
type Pattern struct {
	Server, Tool string
	Args         []ArgMatch
}

// ArgMatch is one key=glob of a pattern.
type ArgMatch struct {
	Path []string
	Glob string
}

const maxPatternLen = 1024

// ParsePattern parses a pattern string.
func ParsePattern(s string) (Pattern, error) {
	if len(s) > maxPatternLen {
		return Pattern{}, fmt.Errorf("pattern longer than %d bytes", maxPatternLen)
	}
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return Pattern{}, fmt.Errorf("empty pattern (want server/tool [key=glob ...])")
	}
	server, tool, ok := strings.Cut(fields[0], "/")
	if !ok || server == "" || tool == "" {
		return Pattern{}, fmt.Errorf("pattern %q: want server/tool [key=glob ...]", s)
	}
	p := Pattern{Server: server, Tool: tool}
	for _, f := range fields[1:] {
		k, v, ok := strings.Cut(f, "=")
		if !ok || k == "" {
			return Pattern{}, fmt.Errorf("pattern %q: argument match %q: want key=glob", s, f)
		}
		path := strings.Split(k, ".")
		for _, part := range path {
			if part == "" {
				return Pattern{}, fmt.Errorf("pattern %q: argument path %q has an empty part", s, k)
			}
		}
		p.Args = append(p.Args, ArgMatch{Path: path, Glob: v})
	}
	return p, nil
}

// Match reports whether a call is covered.
func (p Pattern) Match(server, tool string, args json.RawMessage) bool {
	if !flow.Glob(p.Server, server) || !flow.Glob(p.Tool, tool) {
		return false
	}
	if len(p.Args) == 0 {
		return true
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(args, &obj); err != nil {
		return false
	}
	// A name given twice, or twice in different case, is read differently
	// by different servers (first or last wins; Go's encoding/json fills
	// a field named path from "PATH"): a match cannot know which value the
	// server will use, so it does not match. (The gateway refuses such
	// messages too; the broker does not rely on it.)
	if _, dup := mcp.DuplicateKey(args); dup {
		return false
	}
	for _, a := range p.Args {
		v, ok := lookup(obj, a.Path)
		if !ok || !flow.Glob(a.Glob, v) {
			return false
		}
		if climbs(v) && !strings.Contains(a.Glob, "..") {
			return false
		}
	}
	return true
}

func lookup(obj map[string]json.RawMessage, path []string) (string, bool) {
	for i, part := range path {
		raw, ok := obj[part]
		if !ok {
			return "", false
		}
		if i == len(path)-1 {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				return s, true
			}
			var buf bytes.Buffer
			if json.Compact(&buf, raw) != nil {
				return "", false
			}
			return buf.String(), true
		}
		obj = nil
		if json.Unmarshal(raw, &obj) != nil {
			return "", false
		}
	}
	return "", false
}

// climbs reports whether v holds a ".." path segment, after undoing
// percent-encoding (twice, for double encoding) and reading backslashes as
// separators.
func climbs(v string) bool {
	for range 3 {
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
	}
	v = strings.ReplaceAll(v, "\\", "/")
	for seg := range strings.SplitSeq(v, "/") {
		if seg == ".." {
			return true
		}
	}
	return false
}
