package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// maxSecretFile bounds a ${file:...} reference; secrets are short.
const maxSecretFile = 64 << 10

var (
	envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	// secretName matches header and environment names whose values are
	// credentials and so must come from a reference, not the config text.
	secretName = regexp.MustCompile(`(?i)(authorization|cookie|token|secret|passw|api[-_]?key|private[-_]?key|access[-_]?key|credential)`)
)

// expandField expands references in one env or header value and reports
// problems at path. It never puts a secret value into a message.
func expandField(d *decoder, dir, path, name, value string) string {
	out, refs, err := expand(value, dir)
	if err != nil {
		d.problems = append(d.problems, d.src.problem(path, err.Error()))
		d.failed[path] = true
		return ""
	}
	if refs == 0 && value != "" && secretName.MatchString(name) {
		d.problems = append(d.problems, d.src.problem(path,
			`looks like a secret written into the config; use a reference such as "${env:NAME}" or "${file:/path/to/secret}" instead`))
		d.failed[path] = true
		return ""
	}
	return out
}

// ExpandReferences replaces ${env:NAME} and ${file:PATH} in s; "$${" stands
// for a literal "${". Relative file paths are resolved against dir. A
// reference to an unset variable or unreadable file is an error: a missing
// credential must stop start-up, not be sent as an empty string.
func ExpandReferences(s, dir string) (string, error) {
	out, _, err := expand(s, dir)
	return out, err
}

func expand(s, dir string) (string, int, error) {
	var b strings.Builder
	refs := 0
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String(), refs, nil
		}
		if i > 0 && s[i-1] == '$' { // "$${" is an escaped "${"
			b.WriteString(s[:i-1])
			b.WriteString("${")
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return "", refs, errors.New(`unterminated reference: "${" without "}" (write "$${" for a literal "${")`)
		}
		ref := s[i+2 : i+end]
		s = s[i+end+1:]
		kind, arg, _ := strings.Cut(ref, ":")
		refs++
		switch kind {
		case "env":
			if !envName.MatchString(arg) {
				return "", refs, fmt.Errorf("invalid environment variable name %q in ${env:...}", arg)
			}
			v, ok := os.LookupEnv(arg)
			if !ok {
				return "", refs, fmt.Errorf("environment variable %s is not set", arg)
			}
			b.WriteString(v)
		case "file":
			if arg == "" {
				return "", refs, errors.New("empty path in ${file:...}")
			}
			if !filepath.IsAbs(arg) {
				arg = filepath.Join(dir, arg)
			}
			v, err := readSecretFile(arg)
			if err != nil {
				return "", refs, err
			}
			b.WriteString(v)
		default:
			return "", refs, fmt.Errorf(`unknown reference "${%s}": use ${env:NAME} or ${file:PATH} (write "$${" for a literal "${")`, ref)
		}
	}
}

func readSecretFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("reading secret file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSecretFile+1))
	if err != nil {
		return "", fmt.Errorf("reading secret file %s: %w", path, err)
	}
	if len(data) > maxSecretFile {
		return "", fmt.Errorf("secret file %s is larger than %d bytes", path, maxSecretFile)
	}
	s := strings.TrimSuffix(string(data), "\n")
	return strings.TrimSuffix(s, "\r"), nil
}
