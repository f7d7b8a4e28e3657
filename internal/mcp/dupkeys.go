package mcp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// DuplicateKey reports the first object member name that appears twice in
// the same object anywhere in doc (RFC 7493, I-JSON, forbids them). Names
// that differ only in letter case, under Unicode simple case folding
// ("Name", "NAME"; "argument\u017f" and "arguments", since U+017F folds to
// s), count as the same name.
//
// Why a gateway must refuse them: Warden reads a few fields without
// decoding the rest (the scanners in scan.go take the first occurrence),
// while most MCP servers and clients (JavaScript, Python, Go) keep the
// last. {"name":"allowed","name":"forbidden"} would be checked as one tool
// and run as another. Go's encoding/json matches names case-insensitively
// and keeps the last match, so to a server (or a guard) that decodes with
// it, {"arguments":{...},"ARGUMENTS":{...}} says what the others do not
// read. doc must be valid JSON (Decode validates first).
func DuplicateKey(doc []byte) (string, bool) {
	d := dupScanner{b: doc}
	d.value(0)
	return d.dup, d.found
}

type dupScanner struct {
	b     []byte
	found bool
	dup   string
	// keys is scratch space for the member names of the objects being
	// scanned, one stretch per open object.
	keys [][]byte
	// sets hold the names of open objects with many members.
	sets []map[string]struct{}
}

// value scans the value at b[i] and returns the index after it.
func (d *dupScanner) value(i int) int {
	i = skipSpace(d.b, i)
	if i >= len(d.b) || d.found {
		return len(d.b)
	}
	switch d.b[i] {
	case '{':
		return d.object(i)
	case '[':
		i = skipSpace(d.b, i+1)
		for i < len(d.b) && d.b[i] != ']' && !d.found {
			i = skipSpace(d.b, d.value(i))
			if i < len(d.b) && d.b[i] == ',' {
				i++
			}
			i = skipSpace(d.b, i)
		}
		return i + 1
	default:
		// Always move forward: on input that is not JSON the scan must
		// end, whatever it reports.
		if j := skipValue(d.b, i); j > i {
			return j
		}
		return i + 1
	}
}

func (d *dupScanner) object(i int) int {
	base, sets := len(d.keys), len(d.sets)
	defer func() { d.keys, d.sets = d.keys[:base], d.sets[:sets] }()
	i = skipSpace(d.b, i+1)
	for i < len(d.b) && d.b[i] != '}' && !d.found {
		if d.b[i] == ',' {
			i = skipSpace(d.b, i+1)
			continue
		}
		if d.b[i] != '"' {
			return len(d.b) // not JSON
		}
		end := skipString(d.b, i)
		if end < 0 {
			return len(d.b)
		}
		k := keyBytes(d.b[i:end])
		if d.seen(base, foldKey(k)) {
			d.found, d.dup = true, string(k)
			return len(d.b)
		}
		i = skipSpace(d.b, end)
		if i < len(d.b) && d.b[i] == ':' {
			i++
		}
		i = skipSpace(d.b, d.value(i))
	}
	return i + 1
}

// linearKeys is how many names an object may have before they go into a
// map: a short slice is faster for the objects MCP messages hold, a map
// keeps an object with many members linear.
const linearKeys = 16

// seen reports whether k was already a member of the object whose names
// start at d.keys[base], and records it.
func (d *dupScanner) seen(base int, k []byte) bool {
	names := d.keys[base:]
	if len(names) < linearKeys {
		for _, s := range names {
			if bytes.Equal(s, k) {
				return true
			}
		}
		d.keys = append(d.keys, k)
		return false
	}
	if len(names) == linearKeys {
		// The object's map hangs off its last slice entry's slot.
		d.sets = append(d.sets, make(map[string]struct{}, 2*linearKeys))
		for _, s := range names {
			d.sets[len(d.sets)-1][string(s)] = struct{}{}
		}
		d.keys = append(d.keys, nil) // marks that the set is in use
	}
	set := d.sets[len(d.sets)-1]
	if _, ok := set[string(k)]; ok {
		return true
	}
	set[string(k)] = struct{}{}
	return false
}

// keyBytes returns a member name without its quotes; names with escapes
// are decoded, so "n\u0061me" is "name". Plain names are not copied.
func keyBytes(quoted []byte) []byte {
	if bytes.IndexByte(quoted, '\\') >= 0 {
		var s string
		if json.Unmarshal(quoted, &s) == nil {
			return []byte(s)
		}
	}
	return quoted[1 : len(quoted)-1]
}

// foldKey maps a member name to one representative of its case-folding
// class: names that Go's encoding/json would match to the same field get
// the same key. Lower-case ASCII names, the usual ones, are their own.
func foldKey(k []byte) []byte {
	i := 0
	for ; i < len(k); i++ {
		if c := k[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(k) {
		return k
	}
	out := make([]byte, i, len(k)+4)
	copy(out, k[:i])
	for _, r := range string(k[i:]) {
		out = utf8.AppendRune(out, foldRune(r))
	}
	return out
}

// foldRune returns the lower case of the smallest rune of r's simple
// case-folding orbit: the same rune for every member of the orbit, and r
// itself for lower-case ASCII letters.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return unicode.ToLower(m)
}

// ErrDuplicateName is wrapped by Decode's error for a message in which an
// object has the same member name twice.
var ErrDuplicateName = errors.New("duplicate member names are ambiguous and refused")

func errDuplicateKey(where, key string) error {
	return fmt.Errorf("%s has the member %q more than once: %w", where, key, ErrDuplicateName)
}
