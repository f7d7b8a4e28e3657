package scan

import (
	"fmt"
	"strconv"
	"strings"
)

// tomlTable is one [table] of a TOML file: keys to string, []string or
// map[string]string values, and the line of its header.
type tomlTable struct {
	name   string
	line   int
	values map[string]any
}

// parseTOML reads the subset of TOML that MCP client configurations use
// (Codex's config.toml): [dotted.table] headers, key = value with basic or
// literal strings, arrays of strings, inline tables of strings, numbers and
// booleans (kept as their text). Anything else is an error, not a guess.
func parseTOML(data []byte) ([]tomlTable, error) {
	cur := &tomlTable{values: map[string]any{}}
	tables := []tomlTable{}
	lines := strings.Split(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(stripTOMLComment(lines[i]))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[[") {
			return nil, fmt.Errorf("line %d: arrays of tables are not supported", i+1)
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") {
				return nil, fmt.Errorf("line %d: unterminated table header", i+1)
			}
			tables = append(tables, *cur)
			name, err := tomlKey(strings.TrimSpace(line[1 : len(line)-1]))
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", i+1, err)
			}
			cur = &tomlTable{name: name, line: i + 1, values: map[string]any{}}
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("line %d: expected key = value", i+1)
		}
		// Multi-line arrays: join lines until brackets balance. The bracket
		// state is carried from line to line (not recomputed over the joined
		// text), so a hostile file of one endless array stays linear.
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "[") {
			var b brackets
			b.feed(v)
			if b.depth > 0 {
				var sb strings.Builder
				sb.WriteString(v)
				for b.depth > 0 && i+1 < len(lines) {
					i++
					more := strings.TrimSpace(stripTOMLComment(lines[i]))
					sb.WriteByte(' ')
					sb.WriteString(more)
					b.inStr = 0 // strings do not span lines
					b.feed(" " + more)
				}
				v = sb.String()
			}
		}
		key, err := tomlKey(strings.TrimSpace(k))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		val, rest, err := tomlValue(v)
		if err != nil {
			return nil, fmt.Errorf("line %d: %s: %w", i+1, key, err)
		}
		if strings.TrimSpace(rest) != "" {
			return nil, fmt.Errorf("line %d: %s: unexpected text after the value", i+1, key)
		}
		cur.values[key] = val
	}
	return append(tables, *cur), nil
}

// brackets tracks the nesting of [ and { outside strings.
type brackets struct {
	depth int
	inStr byte
}

func (b *brackets) feed(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case b.inStr != 0:
			if c == '\\' && b.inStr == '"' {
				i++
			} else if c == b.inStr {
				b.inStr = 0
			}
		case c == '"' || c == '\'':
			b.inStr = c
		case c == '[' || c == '{':
			b.depth++
		case c == ']' || c == '}':
			b.depth--
		}
	}
}

func stripTOMLComment(s string) string {
	inStr := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inStr != 0:
			if c == '\\' && inStr == '"' {
				i++
			} else if c == inStr {
				inStr = 0
			}
		case c == '"' || c == '\'':
			inStr = c
		case c == '#':
			return s[:i]
		}
	}
	return s
}

// tomlKey reads a possibly dotted, possibly quoted key into dotted form.
func tomlKey(s string) (string, error) {
	var parts []string
	for s != "" {
		s = strings.TrimSpace(s)
		var part string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			v, rest, err := tomlString(s)
			if err != nil {
				return "", err
			}
			part, s = v, rest
		} else {
			end := strings.IndexByte(s, '.')
			if end < 0 {
				end = len(s)
			}
			part, s = strings.TrimSpace(s[:end]), s[end:]
			if part == "" {
				return "", fmt.Errorf("empty key")
			}
		}
		parts = append(parts, part)
		s = strings.TrimSpace(s)
		if s != "" {
			if s[0] != '.' {
				return "", fmt.Errorf("bad key")
			}
			s = s[1:]
		}
	}
	if len(parts) == 0 {
		return "", fmt.Errorf("empty key")
	}
	return strings.Join(parts, "\x00"), nil
}

// maxTOMLDepth bounds nested arrays and inline tables: the parser recurses
// per level, and a file of millions of "[" would otherwise exhaust the stack
// (a fatal error, not a recoverable panic).
const maxTOMLDepth = 32

func tomlValue(s string) (any, string, error) { return tomlValueAt(s, 0) }

func tomlValueAt(s string, depth int) (any, string, error) {
	if depth > maxTOMLDepth {
		return nil, "", fmt.Errorf("nested more than %d levels", maxTOMLDepth)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, "", fmt.Errorf("missing value")
	}
	switch s[0] {
	case '"', '\'':
		return tomlString(s)
	case '[':
		var arr []string
		s = strings.TrimSpace(s[1:])
		for {
			if s == "" {
				return nil, "", fmt.Errorf("unterminated array")
			}
			if s[0] == ']' {
				return arr, s[1:], nil
			}
			v, rest, err := tomlValueAt(s, depth+1)
			if err != nil {
				return nil, "", err
			}
			str, ok := v.(string)
			if !ok {
				return nil, "", fmt.Errorf("only arrays of strings are supported")
			}
			arr = append(arr, str)
			s = strings.TrimSpace(rest)
			if strings.HasPrefix(s, ",") {
				s = strings.TrimSpace(s[1:])
			}
		}
	case '{':
		m := map[string]string{}
		s = strings.TrimSpace(s[1:])
		for {
			if s == "" {
				return nil, "", fmt.Errorf("unterminated inline table")
			}
			if s[0] == '}' {
				return m, s[1:], nil
			}
			k, rest, ok := strings.Cut(s, "=")
			if !ok {
				return nil, "", fmt.Errorf("expected key = value in inline table")
			}
			key, err := tomlKey(strings.TrimSpace(k))
			if err != nil {
				return nil, "", err
			}
			v, rest, err := tomlValueAt(rest, depth+1)
			if err != nil {
				return nil, "", err
			}
			m[strings.ReplaceAll(key, "\x00", ".")] = fmt.Sprint(v)
			s = strings.TrimSpace(rest)
			if strings.HasPrefix(s, ",") {
				s = strings.TrimSpace(s[1:])
			}
		}
	}
	// Numbers, booleans, dates: kept as text up to a delimiter.
	end := strings.IndexAny(s, ",]}")
	if end < 0 {
		end = len(s)
	}
	if end == 0 {
		return nil, "", fmt.Errorf("unexpected %q", s[:1]) // one delimiter, and no progress: stop here
	}
	return strings.TrimSpace(s[:end]), s[end:], nil
}

func tomlString(s string) (string, string, error) {
	if strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, `'''`) {
		return "", "", fmt.Errorf("multi-line strings are not supported")
	}
	q := s[0]
	if q == '\'' {
		end := strings.IndexByte(s[1:], '\'')
		if end < 0 {
			return "", "", fmt.Errorf("unterminated string")
		}
		return s[1 : end+1], s[end+2:], nil
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			v, err := strconv.Unquote(tomlEscapes(s[:i+1]))
			if err != nil {
				return "", "", fmt.Errorf("bad escape in a string")
			}
			return v, s[i+1:], nil
		}
	}
	return "", "", fmt.Errorf("unterminated string")
}

// tomlEscapes turns TOML's \UXXXXXXXX and \e into what strconv reads.
func tomlEscapes(s string) string {
	return strings.ReplaceAll(s, `\e`, `\x1b`)
}

// codexServers reads [mcp_servers.NAME] and [mcp_servers.NAME.env] tables.
func codexServers(loc Location, data []byte, tables []tomlTable) []Server {
	byName := map[string]*Server{}
	var order []string
	get := func(name string, line int) *Server {
		if s, ok := byName[name]; ok {
			return s
		}
		s := &Server{Client: loc.Client, File: loc.Path, Name: name, Line: line}
		byName[name] = s
		order = append(order, name)
		return s
	}
	for _, t := range tables {
		parts := strings.Split(t.name, "\x00")
		if len(parts) < 2 || parts[0] != "mcp_servers" {
			continue
		}
		s := get(parts[1], t.line)
		if len(parts) == 3 && parts[2] == "env" {
			if s.Env == nil {
				s.Env = map[string]string{}
			}
			for k, v := range t.values {
				if str, ok := v.(string); ok {
					s.Env[k] = str
				}
			}
			continue
		}
		if len(parts) != 2 {
			continue
		}
		for k, v := range t.values {
			switch k {
			case "command":
				s.Command, _ = v.(string)
			case "args":
				s.Args, _ = v.([]string)
			case "url":
				s.URL, _ = v.(string)
			case "env":
				if m, ok := v.(map[string]string); ok {
					s.Env = m
				}
			case "http_headers":
				if m, ok := v.(map[string]string); ok {
					s.Headers = m
				}
			}
		}
	}
	out := make([]Server, 0, len(order))
	for _, n := range order {
		out = append(out, *byName[n])
	}
	return out
}
