// Package constraint holds the argument checks that policies (as CEL
// functions) and configuration can apply to tool arguments: paths inside
// allowed roots, URLs whose hosts are allowed and not internal, read-only
// SQL, and plain string length, pattern and enumeration checks.
//
// Every check returns nil when the value is acceptable and otherwise an
// error that says why, so the reason can be shown to the client.
package constraint

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// maxDecode bounds repeated percent-decoding of a path.
const maxDecode = 4

// PathWithin reports whether p names a location inside one of roots. The
// path must be absolute, contain no ".." segment (in any encoding, with
// either slash), no NUL, and, after resolving symbolic links in the part
// that exists, still lie under a root (itself resolved). Roots that do not
// exist match nothing.
func PathWithin(p string, roots []string) error {
	if p == "" {
		return errors.New("path is empty")
	}
	forms, err := decodedForms(p)
	if err != nil {
		return err
	}
	for _, f := range forms {
		if strings.ContainsRune(f, 0) {
			return errors.New("path contains a NUL byte")
		}
		for _, seg := range strings.FieldsFunc(f, func(r rune) bool { return r == '/' || r == '\\' }) {
			if seg == ".." {
				return errors.New("path contains a \"..\" segment")
			}
		}
	}
	if !filepath.IsAbs(p) {
		return fmt.Errorf("path %q is not absolute", p)
	}
	if len(forms) > 1 {
		// A server that decodes would see a different path than we check.
		return fmt.Errorf("path %q contains percent-encoding", p)
	}
	real, err := resolveExisting(filepath.Clean(p))
	if err != nil {
		return fmt.Errorf("resolving path: %w", err)
	}
	for _, r := range roots {
		if r == "" || !filepath.IsAbs(r) {
			continue
		}
		rr, err := filepath.EvalSymlinks(filepath.Clean(r))
		if err != nil {
			continue
		}
		if real == rr || strings.HasPrefix(real, strings.TrimSuffix(rr, string(filepath.Separator))+string(filepath.Separator)) {
			return nil
		}
	}
	return fmt.Errorf("path %q is outside the allowed roots", p)
}

// decodedForms returns p and every distinct form repeated percent-decoding
// gives, so "%2e%2e" and "%252e%252e" are caught.
func decodedForms(p string) ([]string, error) {
	forms := []string{p}
	cur := p
	for i := 0; i < maxDecode && strings.Contains(cur, "%"); i++ {
		next, err := url.PathUnescape(cur)
		if err != nil {
			return nil, fmt.Errorf("path %q has malformed percent-encoding", p)
		}
		if next == cur {
			break
		}
		forms = append(forms, next)
		cur = next
	}
	if strings.Contains(cur, "%") {
		if next, err := url.PathUnescape(cur); err == nil && next != cur {
			return nil, fmt.Errorf("path %q is percent-encoded too many times", p)
		}
	}
	return forms, nil
}

// resolveExisting resolves symbolic links in the longest existing prefix
// of p and appends the rest, so a path to a file not yet created is
// checked by where its parent really is.
func resolveExisting(p string) (string, error) {
	rest := ""
	cur := p
	for i := 0; i < 256; i++ {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		// A dangling symlink: refuse rather than guess where it will point.
		if fi, lerr := os.Lstat(cur); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return "", fmt.Errorf("%s is a dangling symbolic link", cur)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return "", err
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
	return "", errors.New("path too deep")
}
