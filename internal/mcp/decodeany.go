package mcp

import (
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// DecodeAny decodes a JSON value into the generic form JSON Schema
// validators take (map[string]any, []any, string, bool, nil, json.Number
// for numbers, so integers stay exact) in one pass, without the reflection
// and buffering of encoding/json's Decoder: argument validation runs on
// every tools/call. Malformed input is an error, never a panic.
func DecodeAny(b []byte) (any, error) {
	d := anyDecoder{b: b}
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	if d.i = skipSpace(d.b, d.i); d.i != len(d.b) {
		return nil, errors.New("trailing data after JSON value")
	}
	return v, nil
}

const maxAnyDepth = 512

var errMalformed = errors.New("malformed JSON")

type anyDecoder struct {
	b []byte
	i int
}

func (d *anyDecoder) value(depth int) (any, error) {
	if depth > maxAnyDepth {
		return nil, errors.New("JSON nested too deeply")
	}
	d.i = skipSpace(d.b, d.i)
	if d.i >= len(d.b) {
		return nil, errMalformed
	}
	switch c := d.b[d.i]; {
	case c == '{':
		d.i++
		m := make(map[string]any)
		for first := true; ; first = false {
			d.i = skipSpace(d.b, d.i)
			if d.i >= len(d.b) {
				return nil, errMalformed
			}
			if d.b[d.i] == '}' {
				d.i++
				return m, nil
			}
			if !first {
				if d.b[d.i] != ',' {
					return nil, errMalformed
				}
				d.i = skipSpace(d.b, d.i+1)
			}
			if d.i >= len(d.b) || d.b[d.i] != '"' {
				return nil, errMalformed
			}
			k, err := d.str()
			if err != nil {
				return nil, err
			}
			d.i = skipSpace(d.b, d.i)
			if d.i >= len(d.b) || d.b[d.i] != ':' {
				return nil, errMalformed
			}
			d.i++
			v, err := d.value(depth + 1)
			if err != nil {
				return nil, err
			}
			m[k] = v
		}
	case c == '[':
		d.i++
		a := make([]any, 0, 4)
		for first := true; ; first = false {
			d.i = skipSpace(d.b, d.i)
			if d.i >= len(d.b) {
				return nil, errMalformed
			}
			if d.b[d.i] == ']' {
				d.i++
				return a, nil
			}
			if !first {
				if d.b[d.i] != ',' {
					return nil, errMalformed
				}
				d.i++
			}
			v, err := d.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == '"':
		return d.str()
	case c == 't':
		return d.lit("true", true)
	case c == 'f':
		return d.lit("false", false)
	case c == 'n':
		return d.lit("null", nil)
	default:
		start := d.i
		j := skipValue(d.b, d.i)
		if j <= start {
			return nil, errMalformed
		}
		if !validNumber(d.b[start:j]) {
			return nil, errMalformed
		}
		d.i = j
		return json.Number(d.b[start:j]), nil
	}
}

func (d *anyDecoder) lit(word string, v any) (any, error) {
	if len(d.b)-d.i < len(word) || string(d.b[d.i:d.i+len(word)]) != word {
		return nil, errMalformed
	}
	d.i += len(word)
	return v, nil
}

// str reads a string at d.i; escapes and invalid UTF-8 go through
// encoding/json so the result is exactly what it would decode.
func (d *anyDecoder) str() (string, error) {
	end := skipString(d.b, d.i)
	if end < 0 {
		return "", errMalformed
	}
	raw := d.b[d.i+1 : end-1]
	simple := utf8.Valid(raw)
	for _, c := range raw {
		if c == '\\' || c < 0x20 {
			simple = false
			break
		}
	}
	var s string
	if simple {
		s = string(raw)
	} else if err := json.Unmarshal(d.b[d.i:end], &s); err != nil {
		return "", errMalformed
	}
	d.i = end
	return s, nil
}

// validNumber checks JSON number grammar (json.Number.Float64 alone accepts
// forms JSON does not, such as "+1", ".5" or "0x10").
func validNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i >= len(b) {
		return false
	}
	if b[i] == '0' {
		i++
	} else if b[i] >= '1' && b[i] <= '9' {
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	} else {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	return i == len(b)
}
