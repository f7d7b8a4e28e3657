package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds nesting so hostile arguments cannot exhaust the stack.
const maxDepth = 256

// Canonical rewrites a JSON document into a canonical form, so that two
// documents that mean the same produce the same bytes and the same hash:
// no insignificant whitespace, object keys sorted bytewise, strings escaped
// minimally (no HTML escaping), integers without exponent, other numbers in
// the shortest form that round-trips through float64. Duplicate object keys
// are rejected: parsers disagree about which one wins, so a digest over
// such a document would be ambiguous. So are strings holding invalid UTF-8
// or an unpaired surrogate escape such as "\ud800": decoding turns them all
// into U+FFFD, while the upstream may see them as different strings.
func Canonical(doc []byte) ([]byte, error) {
	if !json.Valid(doc) {
		// The slow path reports where the document is broken.
		return canonicalSlow(doc)
	}
	c := canonicalizer{src: doc}
	out, err := c.value(nil, 0)
	if err != nil {
		return nil, fmt.Errorf("canonicalising JSON: %w", err)
	}
	return out, nil
}

// canonicalSlow is the reference implementation over encoding/json's
// tokenizer; Canonical must produce the same bytes (tested by fuzzing).
func canonicalSlow(doc []byte) ([]byte, error) {
	// The tokenizer decodes strings before we see them, so check their
	// text first, as the one-pass canonicalizer does in str.
	if err := checkDocStrings(doc); err != nil {
		return nil, fmt.Errorf("canonicalising JSON: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var b bytes.Buffer
	b.Grow(len(doc))
	if err := canonValue(dec, &b, 0); err != nil {
		return nil, fmt.Errorf("canonicalising JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("canonicalising JSON: trailing data after value")
	}
	return b.Bytes(), nil
}

// DigestArgs returns the hex SHA-256 of the canonical form of a tool call's
// arguments, for Event.ArgsDigest. Empty arguments digest as "{}".
func DigestArgs(args json.RawMessage) (string, error) {
	if len(bytes.TrimSpace(args)) == 0 {
		args = json.RawMessage("{}")
	}
	c, err := Canonical(args)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(c)
	return hex.EncodeToString(sum[:]), nil
}

func canonValue(dec *json.Decoder, b *bytes.Buffer, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("nesting deeper than %d", maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return errors.New("unexpected end of input")
		}
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return canonObject(dec, b, depth)
		case '[':
			b.WriteByte('[')
			for i := 0; dec.More(); i++ {
				if i > 0 {
					b.WriteByte(',')
				}
				if err := canonValue(dec, b, depth+1); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil { // ']'
				return err
			}
			b.WriteByte(']')
			return nil
		}
		return fmt.Errorf("unexpected %q", t)
	case string:
		writeString(b, t)
	case json.Number:
		n, err := canonNumber(t)
		if err != nil {
			return err
		}
		b.WriteString(n)
	case bool:
		b.WriteString(strconv.FormatBool(t))
	case nil:
		b.WriteString("null")
	default:
		return fmt.Errorf("unexpected token %v", tok)
	}
	return nil
}

func canonObject(dec *json.Decoder, b *bytes.Buffer, depth int) error {
	type member struct {
		key string
		val []byte
	}
	var members []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, ok := tok.(string)
		if !ok {
			return fmt.Errorf("object key is %v, not a string", tok)
		}
		var vb bytes.Buffer
		if err := canonValue(dec, &vb, depth+1); err != nil {
			return err
		}
		members = append(members, member{key, vb.Bytes()})
	}
	if _, err := dec.Token(); err != nil { // '}'
		return err
	}
	slices.SortFunc(members, func(x, y member) int { return strings.Compare(x.key, y.key) })
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			if members[i-1].key == m.key {
				return fmt.Errorf("duplicate object key %q", m.key)
			}
			b.WriteByte(',')
		}
		writeString(b, m.key)
		b.WriteByte(':')
		b.Write(m.val)
	}
	b.WriteByte('}')
	return nil
}

func canonNumber(n json.Number) (string, error) {
	s := string(n)
	if !strings.ContainsAny(s, ".eE") {
		if s == "-0" {
			return "0", nil
		}
		// Integers keep every digit, even beyond float64 precision: JSON
		// already forbids leading zeros, so the literal is canonical.
		return s, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return "", fmt.Errorf("number %s: %w", s, err)
	}
	if f == 0 {
		return "0", nil
	}
	out, err := json.Marshal(f) // ECMAScript-style shortest round-trip form
	if err != nil {
		return "", fmt.Errorf("number %s: %w", s, err)
	}
	return string(out), nil
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)           // cannot fail for a string
	b.Truncate(b.Len() - 1) // Encode appends a newline
}

// canonicalizer rewrites validated JSON in one pass over the bytes. Every
// audit record is canonicalised, so the tokenizer-based form cost a large
// share of the gateway's CPU per call.
type canonicalizer struct {
	src []byte
	i   int
}

func (c *canonicalizer) space() {
	for c.i < len(c.src) {
		switch c.src[c.i] {
		case ' ', '\t', '\n', '\r':
			c.i++
		default:
			return
		}
	}
}

func (c *canonicalizer) value(dst []byte, depth int) ([]byte, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("nesting deeper than %d", maxDepth)
	}
	c.space()
	if c.i >= len(c.src) {
		return nil, errors.New("unexpected end of input")
	}
	switch b := c.src[c.i]; {
	case b == '{':
		return c.object(dst, depth)
	case b == '[':
		c.i++
		dst = append(dst, '[')
		for n := 0; ; n++ {
			c.space()
			if c.src[c.i] == ']' {
				c.i++
				return append(dst, ']'), nil
			}
			if n > 0 {
				c.i++ // ','
				dst = append(dst, ',')
			}
			var err error
			if dst, err = c.value(dst, depth+1); err != nil {
				return nil, err
			}
		}
	case b == '"':
		s, err := c.str()
		if err != nil {
			return nil, err
		}
		return appendCanonString(dst, s), nil
	case b == 't':
		c.i += 4
		return append(dst, "true"...), nil
	case b == 'f':
		c.i += 5
		return append(dst, "false"...), nil
	case b == 'n':
		c.i += 4
		return append(dst, "null"...), nil
	default:
		start := c.i
		for c.i < len(c.src) && strings.IndexByte("+-0123456789.eE", c.src[c.i]) >= 0 {
			c.i++
		}
		n, err := canonNumber(json.Number(c.src[start:c.i]))
		if err != nil {
			return nil, err
		}
		return append(dst, n...), nil
	}
}

// str reads a string token and returns its decoded value.
func (c *canonicalizer) str() (string, error) {
	start := c.i
	esc := false
	for j := start + 1; j < len(c.src); j++ {
		switch c.src[j] {
		case '\\':
			esc = true
			j++
		case '"':
			c.i = j + 1
			raw := c.src[start+1 : j]
			if !esc {
				if !utf8.Valid(raw) {
					return "", errors.New("string is not valid UTF-8")
				}
				return string(raw), nil
			}
			if err := checkStringText(raw); err != nil {
				return "", err
			}
			var s string
			if err := json.Unmarshal(c.src[start:j+1], &s); err != nil {
				return "", err
			}
			return s, nil
		}
	}
	return "", errors.New("unterminated string")
}

func (c *canonicalizer) object(dst []byte, depth int) ([]byte, error) {
	type member struct {
		key string
		val []byte
	}
	var members []member
	c.i++ // '{'
	for {
		c.space()
		if c.src[c.i] == '}' {
			c.i++
			break
		}
		if c.src[c.i] == ',' {
			c.i++
			c.space()
		}
		key, err := c.str()
		if err != nil {
			return nil, err
		}
		c.space()
		c.i++ // ':'
		val, err := c.value(nil, depth+1)
		if err != nil {
			return nil, err
		}
		members = append(members, member{key, val})
	}
	slices.SortFunc(members, func(x, y member) int { return strings.Compare(x.key, y.key) })
	dst = append(dst, '{')
	for i, m := range members {
		if i > 0 {
			if members[i-1].key == m.key {
				return nil, fmt.Errorf("duplicate object key %q", m.key)
			}
			dst = append(dst, ',')
		}
		dst = appendCanonString(dst, m.key)
		dst = append(dst, ':')
		dst = append(dst, m.val...)
	}
	return append(dst, '}'), nil
}

// appendCanonString writes s exactly as encoding/json does with HTML
// escaping off (writeString), without an encoder per string.
func appendCanonString(dst []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// checkStringText checks the text between a string token's quotes: valid
// UTF-8, and every \u escape of a surrogate half part of a high-low pair.
// Without this, "\ud800", "\udbff" and a raw invalid byte all decoded to
// U+FFFD and digested alike, though an upstream such as Python keeps them
// apart.
func checkStringText(raw []byte) error {
	if !utf8.Valid(raw) {
		return errors.New("string is not valid UTF-8")
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		if i+1 >= len(raw) || raw[i+1] != 'u' {
			i++ // a one-character escape
			continue
		}
		u, ok := hex4(raw, i+2)
		if !ok {
			return errors.New("invalid \\u escape in string")
		}
		switch {
		case u >= 0xD800 && u < 0xDC00:
			lo, ok := hex4(raw, i+8)
			if !ok || raw[i+6] != '\\' || raw[i+7] != 'u' || lo < 0xDC00 || lo > 0xDFFF {
				return fmt.Errorf("string has an unpaired surrogate \\u%04x", u)
			}
			i += 11
		case u >= 0xDC00 && u <= 0xDFFF:
			return fmt.Errorf("string has an unpaired surrogate \\u%04x", u)
		default:
			i += 5
		}
	}
	return nil
}

// hex4 parses the four hex digits at raw[i:i+4].
func hex4(raw []byte, i int) (rune, bool) {
	if i < 0 || i+4 > len(raw) {
		return 0, false
	}
	var v rune
	for _, c := range raw[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// checkDocStrings applies checkStringText to every string token of doc,
// which need not be valid JSON (the caller reports that).
func checkDocStrings(doc []byte) error {
	for i := 0; i < len(doc); i++ {
		if doc[i] != '"' {
			continue
		}
		j := i + 1
		for j < len(doc) && doc[j] != '"' {
			if doc[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(doc) {
			return nil // unterminated: the tokenizer says so
		}
		if err := checkStringText(doc[i+1 : j]); err != nil {
			return err
		}
		i = j
	}
	return nil
}
