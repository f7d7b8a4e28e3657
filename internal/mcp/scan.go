package mcp

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// The functions here read one top-level field of a JSON object without
// decoding the rest. Results can be megabytes while Warden needs a key or
// two of them; encoding/json would scan and allocate for all of it. They
// assume input that has already been validated (Decode does that once per
// message) and return ok=false rather than guess on anything unexpected.

// Field returns the raw value of a top-level key of obj.
func Field(obj []byte, key string) (json.RawMessage, bool) {
	start, end, ok := fieldSpan(obj, key)
	if !ok {
		return nil, false
	}
	return obj[start:end], true
}

// fieldSpan finds key's value in obj and returns its byte span.
func fieldSpan(obj []byte, key string) (int, int, bool) {
	i := skipSpace(obj, 0)
	if i >= len(obj) || obj[i] != '{' {
		return 0, 0, false
	}
	i++
	for {
		i = skipSpace(obj, i)
		if i >= len(obj) {
			return 0, 0, false
		}
		if obj[i] == '}' {
			return 0, 0, false
		}
		if obj[i] == ',' {
			i++
			continue
		}
		if obj[i] != '"' {
			return 0, 0, false
		}
		kEnd := skipString(obj, i)
		if kEnd < 0 {
			return 0, 0, false
		}
		k := obj[i+1 : kEnd-1]
		escaped := bytes.IndexByte(k, '\\') >= 0
		i = skipSpace(obj, kEnd)
		if i >= len(obj) || obj[i] != ':' {
			return 0, 0, false
		}
		i = skipSpace(obj, i+1)
		vEnd := skipValue(obj, i)
		if vEnd < 0 {
			return 0, 0, false
		}
		if escaped {
			var ks string
			if json.Unmarshal(obj[kEnd-len(k)-2:kEnd], &ks) == nil && ks == key {
				return i, vEnd, true
			}
		} else if string(k) == key {
			return i, vEnd, true
		}
		i = vEnd
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string starting at b[i] == '"'.
// It jumps from quote to quote (IndexByte is vectorised) and counts the
// backslashes before each to tell an escaped quote from the closing one.
func skipString(b []byte, i int) int {
	j := i + 1
	for {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return -1
		}
		q := j + k
		n := 0
		for p := q - 1; p > i && b[p] == '\\'; p-- {
			n++
		}
		if n%2 == 0 {
			return q + 1
		}
		j = q + 1
	}
}

// skipValue returns the index after the value starting at b[i].
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				j = skipString(b, j)
				if j < 0 {
					return -1
				}
				j--
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(b) {
		switch b[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return j
		}
		j++
	}
	return j
}

// Fields returns the raw values of several top-level keys in one pass.
func Fields(obj []byte, keys ...string) []json.RawMessage {
	out := make([]json.RawMessage, len(keys))
	i := skipSpace(obj, 0)
	if i >= len(obj) || obj[i] != '{' {
		return out
	}
	i++
	for {
		i = skipSpace(obj, i)
		if i >= len(obj) || obj[i] == '}' {
			return out
		}
		if obj[i] == ',' {
			i++
			continue
		}
		if obj[i] != '"' {
			return out
		}
		kEnd := skipString(obj, i)
		if kEnd < 0 {
			return out
		}
		k := obj[i+1 : kEnd-1]
		if bytes.IndexByte(k, '\\') >= 0 {
			// An escaped name ("\u006dethod") is the name it decodes to,
			// as in Field and encoding/json: a router must read the
			// member the guards read.
			var ks string
			k = nil // undecodable: matches no key, as in Field
			if json.Unmarshal(obj[i:kEnd], &ks) == nil {
				k = []byte(ks)
			}
		}
		i = skipSpace(obj, kEnd)
		if i >= len(obj) || obj[i] != ':' {
			return out
		}
		i = skipSpace(obj, i+1)
		vEnd := skipValue(obj, i)
		if vEnd < 0 {
			return out
		}
		for n, key := range keys {
			if out[n] == nil && k != nil && string(k) == key {
				out[n] = obj[i:vEnd]
			}
		}
		i = vEnd
	}
}

// FieldString returns a top-level string field, or "".
func FieldString(obj []byte, key string) string {
	v, _ := Field(obj, key)
	return StringValue(v)
}

// StringValue decodes a raw JSON string, or returns "" for any other value.
func StringValue(v json.RawMessage) string {
	if len(v) < 2 || v[0] != '"' {
		return ""
	}
	// The fast path only for valid UTF-8: encoding/json, which the guards
	// read with, turns invalid bytes into U+FFFD.
	if bytes.IndexByte(v, '\\') < 0 && utf8.Valid(v) {
		return string(v[1 : len(v)-1])
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return ""
	}
	return s
}

// WithField returns obj with key set to the raw value val: replaced in
// place when present, added first otherwise. The rest of obj is copied as
// it is, byte for byte.
func WithField(obj []byte, key string, val []byte) []byte {
	if start, end, ok := fieldSpan(obj, key); ok {
		out := make([]byte, 0, len(obj)-(end-start)+len(val))
		out = append(out, obj[:start]...)
		out = append(out, val...)
		return append(out, obj[end:]...)
	}
	i := skipSpace(obj, 0)
	if i >= len(obj) || obj[i] != '{' {
		return obj
	}
	rest := skipSpace(obj, i+1)
	out := make([]byte, 0, len(obj)+len(key)+len(val)+4)
	out = append(out, obj[:i+1]...)
	out = appendString(out, key)
	out = append(out, ':')
	out = append(out, val...)
	if rest < len(obj) && obj[rest] != '}' {
		out = append(out, ',')
	}
	return append(out, obj[i+1:]...)
}
