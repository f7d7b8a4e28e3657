package approval

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"

	"github.com/warden-mcp/warden/internal/detect/secrets"
)

// Masking: an approval request shows a person exactly what will be sent,
// except secrets, which it must not copy to a terminal, a chat channel or
// the store. Values under secret-looking keys are masked whole; inside
// other strings, token-shaped substrings are masked. The marker keeps the
// first four characters and the length, so the approver can still tell
// that a secret is about to leave.

var (
	secretKey = regexp.MustCompile(`(?i)(authorization|cookie|token|secret|passw|api[-_]?key|private[-_]?key|access[-_]?key|credential|session[-_]?id)`)
	secretVal = regexp.MustCompile(`(?:` +
		`gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|` +
		`sk-[A-Za-z0-9_\-]{16,}|sk_(?:live|test)_[A-Za-z0-9]{16,}|rk_(?:live|test)_[A-Za-z0-9]{16,}|` +
		`xox[abposr]-[A-Za-z0-9\-]{10,}|` +
		`AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|` +
		`AIza[0-9A-Za-z_\-]{30,}|` +
		`eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}|` +
		`-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)|` +
		`(?i:bearer)\s+[A-Za-z0-9_\-\.=+/]{16,}` +
		`)`)
	// Long opaque runs are masked when they look random (see looksRandom).
	opaqueVal = regexp.MustCompile(`[A-Za-z0-9_\-+/=]{24,}`)
)

// maxMaskDepth bounds recursion on hostile arguments.
const maxMaskDepth = 64

// MaskArguments returns args with secrets masked. Arguments that are not
// valid JSON come back as a JSON string describing them, never raw.
func MaskArguments(args json.RawMessage) json.RawMessage {
	if len(bytes.TrimSpace(args)) == 0 {
		return json.RawMessage("{}")
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(args))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return json.RawMessage(`"[arguments are not valid JSON]"`)
	}
	v = maskValue(v, 0)
	out, err := json.Marshal(v)
	if err != nil {
		return json.RawMessage(`"[arguments could not be shown]"`)
	}
	return out
}

func maskValue(v any, depth int) any {
	if depth > maxMaskDepth {
		return "[nested too deep]"
	}
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if s, ok := x.(string); ok && secretKey.MatchString(k) && s != "" {
				t[k] = maskSecret(s)
				continue
			}
			t[k] = maskValue(x, depth+1)
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = maskValue(x, depth+1)
		}
		return t
	case string:
		return MaskText(t)
	}
	return v
}

// MaskText masks token-shaped substrings of s.
func MaskText(s string) string {
	s = secretVal.ReplaceAllStringFunc(s, maskSecret)
	return opaqueVal.ReplaceAllStringFunc(s, func(m string) string {
		if looksRandom(m) {
			return maskSecret(m)
		}
		return m
	})
}

// looksRandom reports whether a long run mixes digits and letters of both
// cases, as keys do and words, paths and hex digests of content mostly don't.
func looksRandom(s string) bool {
	var lower, upper, digit bool
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		}
	}
	return lower && upper && digit
}

func maskSecret(s string) string {
	keep := ""
	if len(s) >= 12 {
		keep = s[:4]
	}
	return fmt.Sprintf("%s…[masked secret, %d chars]", keep, len(s))
}

// Digest is the SHA-256 of args in a canonical form (object keys sorted,
// insignificant space removed), so the same arguments give the same digest
// however a client spells them.
func Digest(args json.RawMessage) string {
	canon := canonical(args)
	sum := sha256.Sum256(canon)
	return "sha256:" + hex.EncodeToString(sum[:])
}

func canonical(args json.RawMessage) []byte {
	if len(bytes.TrimSpace(args)) == 0 {
		return []byte("{}")
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(args))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return args // not JSON: digest the bytes as they are
	}
	out, err := json.Marshal(v) // encoding/json sorts map keys
	if err != nil {
		return args
	}
	return out
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// SecretScanner finds secrets in text (internal/detect/secrets.Scanner).
type SecretScanner interface {
	Scan(text string) []secrets.Finding
}

// MaskWith returns a Mask that masks what MaskArguments masks and, in every
// string of the arguments, each secret the scanner finds: the same rules
// the secrets guard uses, so an approval request never shows a credential
// that guard would have caught.
func MaskWith(sc SecretScanner) func(json.RawMessage) json.RawMessage {
	return func(args json.RawMessage) json.RawMessage {
		masked := MaskArguments(args)
		dec := json.NewDecoder(bytes.NewReader(masked))
		dec.UseNumber()
		var v any
		if dec.Decode(&v) != nil {
			return masked
		}
		v = maskFound(v, sc, 0)
		b, err := json.Marshal(v)
		if err != nil {
			return masked
		}
		return b
	}
}

func maskFound(v any, sc SecretScanner, depth int) any {
	if depth > maxMaskDepth {
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = maskFound(e, sc, depth+1)
		}
	case []any:
		for i, e := range x {
			x[i] = maskFound(e, sc, depth+1)
		}
	case string:
		fs := sc.Scan(x)
		for i := len(fs) - 1; i >= 0; i-- { // from the end: offsets stay valid
			f := fs[i]
			x = x[:f.Start] + secrets.Mask(x[f.Start:f.End]) + x[f.End:]
		}
		return x
	}
	return v
}
