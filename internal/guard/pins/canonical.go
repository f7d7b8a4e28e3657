package pins

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/mcp"
)

// maxDepth bounds nesting in canonicalisation.
const maxDepth = 64

// skipped are keys left out of the pinned form: _meta is not shown to the
// model, and a resource's size changes with its content, not its meaning.
func skipped(kind, key string) bool {
	switch key {
	case "_meta":
		return true
	case "size":
		return kind == "resource"
	}
	return false
}

// Canonical returns the canonical JSON of an item as pinned: object keys
// sorted, no insignificant whitespace, numbers in shortest form, strings
// escaped one way. Two definitions that differ only in key order, spacing or
// number spelling (1 and 1.0) have the same canonical form.
func Canonical(kind string, raw []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("decoding %s definition: %w", kind, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("decoding %s definition: trailing data", kind)
	}
	// A member twice in one object (or twice up to case, as Go's decoder
	// matches) reads as one version to one client and another to the
	// next: such a definition cannot be pinned as one version.
	if k, dup := mcp.DuplicateKey(raw); dup {
		return nil, fmt.Errorf("decoding %s definition: member %q appears more than once", kind, k)
	}
	var b bytes.Buffer
	if err := writeCanonical(&b, kind, v, 0); err != nil {
		return nil, fmt.Errorf("canonicalising %s definition: %w", kind, err)
	}
	return b.Bytes(), nil
}

// Hash is the hex SHA-256 of an item's canonical form.
func Hash(kind string, raw []byte) (hash string, canonical []byte, err error) {
	c, err := Canonical(kind, raw)
	if err != nil {
		return "", nil, err
	}
	sum := sha256.Sum256(c)
	return hex.EncodeToString(sum[:]), c, nil
}

func writeCanonical(b *bytes.Buffer, kind string, v any, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("nested deeper than %d", maxDepth)
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case json.Number:
		b.WriteString(canonicalNumber(x))
	case string:
		writeString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeCanonical(b, kind, e, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			if depth == 0 && skipped(kind, k) {
				continue
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, k)
			b.WriteByte(':')
			if err := writeCanonical(b, kind, x[k], depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("unexpected JSON value %T", v)
	}
	return nil
}

func canonicalNumber(n json.Number) string {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return strconv.FormatInt(i, 10)
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return string(n) // beyond float64: keep the spelling
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// writeString escapes only what JSON requires, so that "<" and "\u003c"
// pin the same.
func writeString(b *bytes.Buffer, s string) {
	const hexd = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c < 0x20:
				b.WriteString(`\u00`)
				b.WriteByte(hexd[c>>4])
				b.WriteByte(hexd[c&0xF])
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\ufffd`)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}
