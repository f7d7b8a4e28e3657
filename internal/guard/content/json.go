package content

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A small JSON parser that keeps byte offsets, so that fields can be
// rewritten in place and everything else passes through byte for byte.
// It builds a shallow tree (strings stay undecoded until a guard asks for
// them) and accepts exactly what encoding/json accepts.

type kind uint8

const (
	kNull kind = iota + 1
	kBool
	kNum
	kStr
	kObj
	kArr
)

// maxDepth matches encoding/json's nesting limit.
const maxDepth = 10000

// nid identifies a node of a tree; none is no node.
type nid = int32

const none nid = -1

// node is pointer-free so the garbage collector does not scan the tree's
// largest slice: a payload of many small values stays cheap.
type node struct {
	start, end int32 // the value's bytes, quotes included for strings
	first, n   int32 // children: members (objects) or elems (arrays)
	parent     nid   // none for the root
	slot       int32 // index in the parent's members or elems
	kind       kind
	esc        bool
}

type member struct {
	key      string
	keyStart int32
	val      nid
}

type tree struct {
	nodes   []node
	members []member
	elems   []nid
}

func (t *tree) kind(n nid) kind {
	if n < 0 {
		return 0
	}
	return t.nodes[n].kind
}

// kids returns an object's members in order.
func (t *tree) kids(n nid) []member {
	if n < 0 || t.nodes[n].kind != kObj {
		return nil
	}
	x := &t.nodes[n]
	return t.members[x.first : x.first+x.n]
}

// items returns an array's elements.
func (t *tree) items(n nid) []nid {
	if n < 0 || t.nodes[n].kind != kArr {
		return nil
	}
	x := &t.nodes[n]
	return t.elems[x.first : x.first+x.n]
}

// path is a node's JSON path from the root, such as content[0].text.
func (t *tree) path(n nid) string {
	var up []nid
	for ; n >= 0 && t.nodes[n].parent >= 0; n = t.nodes[n].parent {
		up = append(up, n)
	}
	var b []byte
	for i := len(up) - 1; i >= 0; i-- {
		x := &t.nodes[up[i]]
		par := &t.nodes[x.parent]
		if par.kind == kArr {
			b = append(strconv.AppendInt(append(b, '['), int64(x.slot), 10), ']')
		} else {
			b = appendKey(b, t.members[par.first+x.slot].key)
		}
	}
	return string(b)
}

// get returns an object's member value by key (the last one, as
// encoding/json does for duplicates), or none.
func (t *tree) get(n nid, key string) nid {
	v := none
	for _, m := range t.kids(n) {
		if m.key == key {
			v = m.val
		}
	}
	return v
}

type parser struct {
	src   []byte
	pos   int
	depth int
	t     *tree
	// Scratch stacks for the children of open containers.
	mstack []member
	estack []nid
	keys   map[string]string // interned keys: rows repeat them
	nstr   int               // string values seen, to size the field list
}

func (p *parser) key(lit []byte, esc bool) (string, error) {
	if esc || len(lit) > 64 {
		return decodeString(lit, esc)
	}
	if k, ok := p.keys[string(lit[1:len(lit)-1])]; ok {
		return k, nil
	}
	k, err := decodeString(lit, esc)
	if err != nil {
		return "", err
	}
	if p.keys == nil {
		p.keys = map[string]string{}
	}
	if len(p.keys) < 1024 {
		p.keys[string(lit[1:len(lit)-1])] = k
	}
	return k, nil
}

// estimateNodes guesses the node count from a sample: every value but the
// root follows a ':' or a ','  (or opens an array), so their density in
// the first few KB predicts the whole. A good guess saves the copies of
// growing the node slice.
func estimateNodes(src []byte) (nodes, members int) {
	sample := src[:min(len(src), 4096)]
	colons := bytes.Count(sample, []byte{':'})
	n := colons + bytes.Count(sample, []byte{','}) + bytes.Count(sample, []byte{'['}) + 1
	scale := func(k int) int { return min(k*len(src)/max(len(sample), 1)+8, len(src)/2+8) }
	return scale(n), scale(colons)
}

func (p *parser) alloc(k kind, start int) nid {
	if len(p.t.nodes) == cap(p.t.nodes) {
		grown := make([]node, len(p.t.nodes), 2*cap(p.t.nodes)+64)
		copy(grown, p.t.nodes)
		p.t.nodes = grown
	}
	p.t.nodes = append(p.t.nodes, node{kind: k, start: int32(start), parent: none})
	return nid(len(p.t.nodes) - 1)
}

// maxPayload keeps offsets in 32 bits.
const maxPayload = math.MaxInt32

func parse(src []byte) (*tree, nid, int, error) {
	if len(src) > maxPayload {
		return nil, none, 0, fmt.Errorf("payload of %d bytes is too large to inspect", len(src))
	}
	nn, nm := estimateNodes(src)
	t := &tree{nodes: make([]node, 0, nn), members: make([]member, 0, nm)}
	p := &parser{src: src, t: t}
	p.ws()
	n, err := p.value()
	if err != nil {
		return nil, none, 0, err
	}
	p.ws()
	if p.pos != len(src) {
		return nil, none, 0, p.errorf("unexpected data after the top-level value")
	}
	return t, n, p.nstr, nil
}

func (p *parser) errorf(format string, a ...any) error {
	return fmt.Errorf("invalid JSON at offset %d: %s", p.pos, fmt.Sprintf(format, a...))
}

func (p *parser) ws() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value() (nid, error) {
	if p.pos >= len(p.src) {
		return none, p.errorf("unexpected end of input")
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		p.nstr++
		n := p.alloc(kStr, p.pos)
		end, esc, err := p.scanString(p.pos)
		if err != nil {
			return none, err
		}
		p.t.nodes[n].end, p.t.nodes[n].esc = int32(end), esc
		p.pos = end
		return n, nil
	case c == 't':
		return p.literal("true", kBool)
	case c == 'f':
		return p.literal("false", kBool)
	case c == 'n':
		return p.literal("null", kNull)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	default:
		return none, p.errorf("unexpected character %q", c)
	}
}

func (p *parser) literal(lit string, k kind) (nid, error) {
	if !bytes.HasPrefix(p.src[p.pos:], []byte(lit)) {
		return none, p.errorf("invalid literal")
	}
	n := p.alloc(k, p.pos)
	p.pos += len(lit)
	p.t.nodes[n].end = int32(p.pos)
	return n, nil
}

func (p *parser) number() (nid, error) {
	s, i := p.src, p.pos
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if digits() == 0 {
		return none, p.errorf("invalid number")
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return none, p.errorf("invalid number")
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return none, p.errorf("invalid number")
		}
	}
	n := p.alloc(kNum, p.pos)
	p.t.nodes[n].end = int32(i)
	p.pos = i
	return n, nil
}

func (p *parser) object() (nid, error) {
	if p.depth++; p.depth > maxDepth {
		return none, p.errorf("nesting too deep")
	}
	n := p.alloc(kObj, p.pos)
	base := len(p.mstack)
	p.pos++
	p.ws()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		p.t.nodes[n].end = int32(p.pos)
		p.depth--
		return n, nil
	}
	for {
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			return none, p.errorf("expected a string key")
		}
		ks := p.pos
		end, esc, err := p.scanString(ks)
		if err != nil {
			return none, err
		}
		key, err := p.key(p.src[ks:end], esc)
		if err != nil {
			return none, err
		}
		p.pos = end
		p.ws()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return none, p.errorf("expected ':'")
		}
		p.pos++
		p.ws()
		v, err := p.value()
		if err != nil {
			return none, err
		}
		p.t.nodes[v].parent, p.t.nodes[v].slot = n, int32(len(p.mstack)-base)
		p.mstack = append(p.mstack, member{key: key, keyStart: int32(ks), val: v})
		p.ws()
		if p.pos >= len(p.src) {
			return none, p.errorf("unexpected end of object")
		}
		if c := p.src[p.pos]; c == ',' {
			p.pos++
			p.ws()
			continue
		} else if c == '}' {
			p.pos++
			x := &p.t.nodes[n]
			x.end = int32(p.pos)
			x.first, x.n = int32(len(p.t.members)), int32(len(p.mstack)-base)
			p.t.members = append(p.t.members, p.mstack[base:]...)
			p.mstack = p.mstack[:base]
			p.depth--
			return n, nil
		}
		return none, p.errorf("expected ',' or '}'")
	}
}

func (p *parser) array() (nid, error) {
	if p.depth++; p.depth > maxDepth {
		return none, p.errorf("nesting too deep")
	}
	n := p.alloc(kArr, p.pos)
	base := len(p.estack)
	p.pos++
	p.ws()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		p.t.nodes[n].end = int32(p.pos)
		p.depth--
		return n, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return none, err
		}
		p.t.nodes[v].parent, p.t.nodes[v].slot = n, int32(len(p.estack)-base)
		p.estack = append(p.estack, v)
		p.ws()
		if p.pos >= len(p.src) {
			return none, p.errorf("unexpected end of array")
		}
		if c := p.src[p.pos]; c == ',' {
			p.pos++
			p.ws()
			continue
		} else if c == ']' {
			p.pos++
			x := &p.t.nodes[n]
			x.end = int32(p.pos)
			x.first, x.n = int32(len(p.t.elems)), int32(len(p.estack)-base)
			p.t.elems = append(p.t.elems, p.estack[base:]...)
			p.estack = p.estack[:base]
			p.depth--
			return n, nil
		}
		return none, p.errorf("expected ',' or ']'")
	}
}

// scanString finds the end of the string starting at src[i] == '"'. It
// rejects raw control characters as encoding/json does; escapes are
// checked when the string is decoded.
func (p *parser) scanString(i int) (end int, esc bool, err error) {
	s := p.src
	j := i + 1
	for j < len(s) {
		// Skip eight plain bytes at a time: the common case in large texts.
		for j+8 <= len(s) && !special8(binary.LittleEndian.Uint64(s[j:])) {
			j += 8
		}
		if j >= len(s) {
			break
		}
		c := s[j]
		if c >= 0x20 && c != '"' && c != '\\' {
			j++
			continue
		}
		switch {
		case c == '"':
			return j + 1, esc, nil
		case c == '\\':
			esc = true
			if j+1 >= len(s) {
				p.pos = j
				return 0, false, p.errorf("unterminated escape")
			}
			if s[j+1] == 'u' {
				if j+6 > len(s) {
					p.pos = j
					return 0, false, p.errorf("short \\u escape")
				}
				for _, h := range s[j+2 : j+6] {
					if !isHex(h) {
						p.pos = j
						return 0, false, p.errorf("invalid \\u escape")
					}
				}
				j += 6
				continue
			}
			switch s[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			default:
				p.pos = j
				return 0, false, p.errorf("invalid escape")
			}
			j += 2
		default:
			p.pos = j
			return 0, false, p.errorf("control character in string")
		}
	}
	p.pos = i
	return 0, false, p.errorf("unterminated string")
}

// special8 reports whether any of eight bytes is a control character, a
// quote or a backslash (SWAR: bytes >= 0x80 never match).
func special8(x uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	less := (x - lo*0x20) & ^x & hi
	q := x ^ (lo * '"')
	quote := (q - lo) & ^q & hi
	b := x ^ (lo * '\\')
	bs := (b - lo) & ^b & hi
	return less|quote|bs != 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// decodeString decodes a scanned string literal (quotes included). Like
// encoding/json, invalid UTF-8 and lone surrogates become U+FFFD.
func decodeString(lit []byte, esc bool) (string, error) {
	body := lit[1 : len(lit)-1]
	if !esc {
		if utf8.Valid(body) {
			return string(body), nil
		}
		var b strings.Builder
		writeValid(&b, body)
		return b.String(), nil
	}
	// A Builder hands its buffer over as the string: one copy of a large
	// text, not two.
	var out strings.Builder
	out.Grow(len(body))
	valid := utf8.Valid(body) // escapes are ASCII: one check covers every run
	for len(body) > 0 {
		k := bytes.IndexByte(body, '\\')
		if k < 0 {
			k = len(body)
		}
		if valid {
			out.Write(body[:k])
		} else {
			writeValid(&out, body[:k])
		}
		if k == len(body) {
			break
		}
		body = body[k:]
		if len(body) < 2 {
			return "", errors.New("invalid JSON string: unterminated escape")
		}
		switch body[1] {
		case '"', '\\', '/':
			out.WriteByte(body[1])
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			r, ok := hex4(body[2:])
			if !ok {
				return "", errors.New("invalid JSON string: bad \\u escape")
			}
			body = body[6:]
			if utf16.IsSurrogate(r) {
				if len(body) >= 6 && body[0] == '\\' && body[1] == 'u' {
					if r2, ok := hex4(body[2:]); ok {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							out.WriteRune(d)
							body = body[6:]
							continue
						}
					}
				}
				r = utf8.RuneError
			}
			out.WriteRune(r)
			continue
		default:
			return "", errors.New("invalid JSON string: bad escape")
		}
		body = body[2:]
	}
	return out.String(), nil
}

// writeValid writes b, replacing each invalid UTF-8 byte with U+FFFD as
// encoding/json does.
func writeValid(out *strings.Builder, b []byte) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			out.WriteRune(r)
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[:4]), 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

// appendString appends s as a JSON string literal. HTML characters stay as
// they are (the payload is not HTML); invalid UTF-8 becomes U+FFFD; U+2028
// and U+2029 are escaped for JavaScript-based clients.
func appendString(dst []byte, s string) []byte {
	dst = slices.Grow(dst, len(s)+2)
	dst = append(dst, '"')
	valid := utf8.ValidString(s)
	start := 0
	for i := 0; i < len(s); {
		// Skip eight plain bytes at a time (valid text: only ASCII
		// specials and the first byte of U+2028/9 need a look).
		if valid {
			for i+8 <= len(s) && !special8(le64(s[i:])) && !hasByte(le64(s[i:]), 0xE2) {
				i += 8
			}
			if i >= len(s) {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigit[c>>4], hexDigit[c&0xf])
			}
			i++
			start = i
			continue
		}
		if valid && c != 0xE2 {
			i++ // inside valid UTF-8: only U+2028/9 (E2 80 A8/9) need escaping
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigit[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// hasByte reports whether any of eight bytes equals b.
func hasByte(x uint64, b byte) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	v := x ^ (lo * uint64(b))
	return (v-lo)&^v&hi != 0
}

const hexDigit = "0123456789abcdef"
