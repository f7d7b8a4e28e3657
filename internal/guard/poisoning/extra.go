package poisoning

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
)

// The detector reads a tool the way a well-formed one is written: name,
// title, description, annotations and the text keywords of its schemas,
// to a schema depth of 32. A client hands the model the whole definition,
// so text the reader passes over (an array of strings under a vendor key,
// a key made of invisible characters, a top-level "Description" that a
// case-insensitive client decoder takes for the description, a
// description nested 40 levels down) is text the model reads unscanned.
// toolExtras finds that text so the detector scores it too, and refuses a
// definition too deep or too large to read whole, which the guard then
// treats as unreadable (fail closed). It reads the bytes once without
// building maps: the first listing of a long tool list waits for it.

// maxWalkDepth is the nesting the guard reads; the pins guard refuses the
// same depth.
const maxWalkDepth = 64

// maxExtraFields bounds the extra text of one item.
const maxExtraFields = 1024

var (
	errTooLarge  = errors.New("definition nested deeper than 64 levels or with too many unread texts")
	errMalformed = errors.New("malformed JSON in definition")
)

// topLevelRead are a tool's top-level keys the detector reads, or that
// hold no text for the model (_meta, icons).
func topLevelRead(k string) bool {
	switch k {
	case "name", "title", "description", "annotations", "inputSchema", "outputSchema", "input_schema", "parameters", "_meta", "icons":
		return true
	}
	return false
}

// machineKey names a keyword whose string value is for validators or
// routing (as the detector's machineValued).
func machineKey(k string) bool {
	switch k {
	case "format", "pattern", "$ref", "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor",
		"contentMediaType", "contentEncoding", "$recursiveRef", "mimeType", "uri", "uriTemplate":
		return true
	}
	return false
}

func jsonType(s string) bool {
	switch s {
	case "string", "number", "integer", "boolean", "object", "array", "null", "any":
		return true
	}
	return false
}

// texty reports a string that can carry words or hidden characters: it
// has white space, a byte outside printable ASCII, or is long.
func texty[T string | []byte](s T) bool {
	if len(s) >= 40 {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f {
			return true
		}
	}
	return false
}

// seg is one step of the path to the value being read: an object key
// (raw bytes, still escaped) or an array index.
type seg struct {
	start, end int // a key's raw bytes
	esc        bool
	index      int
	isKey      bool
}

type rawWalk struct {
	b        []byte
	i        int
	covered  []detect.Field
	out      []detect.Field
	path     []seg
	tooLarge bool
	bad      bool
	mute     int // inside _meta or icons: add nothing
}

// toolExtras returns the texts of a tool definition the detector's reader
// did not take (t is what it took), or an error when the definition is
// malformed, too deep or too large to read whole.
func toolExtras(raw []byte, t detect.ToolText) ([]detect.Field, error) {
	w := rawWalk{b: raw, covered: t.Fields, path: make([]seg, 0, 16)}
	w.skipWS()
	if w.i >= len(w.b) || w.b[w.i] != '{' {
		return nil, errors.New("tool definition is not a JSON object")
	}
	w.value(0, nil, false)
	switch {
	case w.bad:
		return nil, errMalformed
	case w.tooLarge:
		return nil, errTooLarge
	}
	return w.out, nil
}

func (w *rawWalk) skipWS() {
	for w.i < len(w.b) {
		switch w.b[w.i] {
		case ' ', '\t', '\n', '\r':
			w.i++
		default:
			return
		}
	}
}

// str reads the string at w.i and returns where its raw bytes between the
// quotes are and whether it has escapes.
func (w *rawWalk) str() (start, end int, esc bool) {
	start = w.i + 1
	for j := start; j < len(w.b); j++ {
		switch w.b[j] {
		case '\\':
			esc = true
			j++
		case '"':
			w.i = j + 1
			return start, j, esc
		}
	}
	w.bad = true
	w.i = len(w.b)
	return start, start, false
}

// text decodes the string body b[start:end].
func (w *rawWalk) text(start, end int, esc bool) string {
	if !esc {
		return string(w.b[start:end])
	}
	var s string
	if json.Unmarshal(w.b[start-1:end+1], &s) != nil {
		w.bad = true
	}
	return s
}

// plainKey is a key without escapes for the keyword checks below, which
// then need no allocation; a key with escapes is decoded.
func (w *rawWalk) plainKey(start, end int, esc bool) []byte {
	if !esc {
		return w.b[start:end]
	}
	return []byte(w.text(start, end, esc))
}

func (w *rawWalk) pathString() string {
	var b strings.Builder
	for i, s := range w.path {
		switch {
		case !s.isKey:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case i > 0:
			b.WriteString("." + w.text(s.start, s.end, s.esc))
		default:
			b.WriteString(w.text(s.start, s.end, s.esc))
		}
	}
	return b.String()
}

// seen reports a text already read, by the detector or as an extra.
func (w *rawWalk) seen(text []byte) bool { return seenIn(w, text) }

func seenIn[T string | []byte](w *rawWalk, text T) bool {
	for _, f := range w.covered {
		if f.Text == string(text) {
			return true
		}
	}
	for _, f := range w.out {
		if f.Text == string(text) {
			return true
		}
	}
	return false
}

func (w *rawWalk) add(suffix, text string) {
	if w.mute > 0 || seenIn(w, text) {
		return
	}
	if len(w.out) >= maxExtraFields {
		w.tooLarge = true
		return
	}
	w.out = append(w.out, detect.Field{Path: w.pathString() + suffix, Text: text})
}

// value reads the value at w.i. parent is the (decoded) key it sits
// under; every adds all its strings, texty or not (under a top-level key
// no standard defines).
func (w *rawWalk) value(depth int, parent []byte, every bool) {
	if w.bad || w.tooLarge {
		w.i = len(w.b)
		return
	}
	if depth > maxWalkDepth {
		w.tooLarge = true
		return
	}
	w.skipWS()
	if w.i >= len(w.b) {
		w.bad = true
		return
	}
	switch w.b[w.i] {
	case '{':
		w.i++
		for first := true; ; first = false {
			w.skipWS()
			if w.i < len(w.b) && w.b[w.i] == '}' && first {
				w.i++
				return
			}
			if w.i >= len(w.b) || w.b[w.i] != '"' {
				w.bad = true
				return
			}
			ks, ke, esc := w.str()
			k := w.plainKey(ks, ke, esc)
			w.path = append(w.path, seg{start: ks, end: ke, esc: esc, isKey: true})
			childEvery := every
			skip := false
			if depth == 0 {
				skip = string(k) == "_meta" || string(k) == "icons"
				// A key no client standard defines counts whole.
				childEvery = !topLevelRead(string(k))
			}
			if !skip && string(parent) != "patternProperties" && texty(k) {
				// The model reads keys, and sanitising leaves them.
				w.add(".(key)", string(k))
			}
			w.skipWS()
			if w.i >= len(w.b) || w.b[w.i] != ':' {
				w.bad = true
				return
			}
			w.i++
			if skip {
				w.skipValue(depth + 1)
			} else {
				w.value(depth+1, k, childEvery)
			}
			w.path = w.path[:len(w.path)-1]
			w.skipWS()
			if w.i >= len(w.b) {
				w.bad = true
				return
			}
			switch w.b[w.i] {
			case ',':
				w.i++
			case '}':
				w.i++
				return
			default:
				w.bad = true
				return
			}
		}
	case '[':
		w.i++
		for n := 0; ; n++ {
			w.skipWS()
			if w.i < len(w.b) && w.b[w.i] == ']' && n == 0 {
				w.i++
				return
			}
			w.path = append(w.path, seg{index: n})
			w.value(depth+1, parent, every)
			w.path = w.path[:len(w.path)-1]
			w.skipWS()
			if w.i >= len(w.b) {
				w.bad = true
				return
			}
			switch w.b[w.i] {
			case ',':
				w.i++
			case ']':
				w.i++
				return
			default:
				w.bad = true
				return
			}
		}
	case '"':
		start, end, esc := w.str()
		if !esc && !every && !texty(w.b[start:end]) {
			return // most strings: no decoding, no comparison
		}
		if !esc && w.seen(w.b[start:end]) {
			return // a text the detector read: compared without a copy
		}
		s := w.text(start, end, esc)
		if every && s != "" || texty(s) && !machineKey(string(parent)) && !(string(parent) == "type" && jsonType(s)) {
			w.add("", s)
		}
	default:
		// A number, true, false or null: no text. The detector's reader
		// has already validated the document.
		for w.i < len(w.b) {
			switch w.b[w.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return
			}
			w.i++
		}
	}
}

// skipValue passes over the value at w.i (under _meta or icons), adding
// nothing from it.
func (w *rawWalk) skipValue(depth int) {
	w.mute++
	w.value(depth, nil, false)
	w.mute--
}
