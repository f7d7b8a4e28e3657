package detect

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// A tool definition is mostly structure the model never sees ("type":
// "string", numbers, required lists). toolFromJSONFast reads it into a flat
// list of nodes that point into the input, and turns into Go strings only
// the text that becomes a Field and the keys of the objects it walks. It
// accepts exactly the documents mcp.DecodeAny accepts as an object and
// returns what ToolFromMap returns for them; anything else it declines, and
// ToolFromJSON takes the map path, so errors stay those of the map path.

// maxJSONDepth is mcp.DecodeAny's nesting limit: deeper input is declined.
const maxJSONDepth = 512

type jkind uint8

const (
	jScalar jkind = iota // number, true, false, null: never text
	jString
	jObject
	jArray
)

// jnode is one JSON value. A container's children follow it: an object's
// as key, value, key, value...; next is the index after the whole subtree.
type jnode struct {
	start, end int32 // a string's bytes between the quotes
	next       int32
	kind       jkind
	form       strForm // how a string decodes
}

// strForm says how a string node decodes.
type strForm uint8

const (
	strRaw    strForm = iota // no escapes, valid UTF-8: the bytes are the value
	strEscape                // valid UTF-8 and only one-letter escapes (\n, \"...)
	strOther                 // \u escapes or invalid UTF-8: encoding/json decodes it
)

type jparser struct {
	b     []byte
	i     int
	nodes []jnode
}

// parseJSON returns the nodes of b, which must be one JSON value with only
// white space around it, or false.
func parseJSON(b []byte) ([]jnode, bool) {
	if len(b) > math.MaxInt32 {
		return nil, false
	}
	p := jparser{b: b, nodes: make([]jnode, 0, len(b)/12+16)}
	if !p.value(0) {
		return nil, false
	}
	if skipWS(b, p.i) != len(b) {
		return nil, false
	}
	return p.nodes, true
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func (p *jparser) value(depth int) bool {
	if depth > maxJSONDepth {
		return false
	}
	p.i = skipWS(p.b, p.i)
	if p.i >= len(p.b) {
		return false
	}
	n := len(p.nodes)
	switch c := p.b[p.i]; c {
	case '{':
		p.nodes = append(p.nodes, jnode{kind: jObject})
		if !p.object(depth) {
			return false
		}
	case '[':
		p.nodes = append(p.nodes, jnode{kind: jArray})
		if !p.array(depth) {
			return false
		}
	case '"':
		return p.str()
	case 't':
		return p.lit("true")
	case 'f':
		return p.lit("false")
	case 'n':
		return p.lit("null")
	default:
		return p.number()
	}
	p.nodes[n].next = int32(len(p.nodes))
	return true
}

func (p *jparser) object(depth int) bool {
	p.i = skipWS(p.b, p.i+1)
	if p.i < len(p.b) && p.b[p.i] == '}' {
		p.i++
		return true
	}
	for {
		p.i = skipWS(p.b, p.i)
		if p.i >= len(p.b) || p.b[p.i] != '"' || !p.str() {
			return false
		}
		p.i = skipWS(p.b, p.i)
		if p.i >= len(p.b) || p.b[p.i] != ':' {
			return false
		}
		p.i++
		if !p.value(depth + 1) {
			return false
		}
		p.i = skipWS(p.b, p.i)
		if p.i >= len(p.b) {
			return false
		}
		switch p.b[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return true
		default:
			return false
		}
	}
}

func (p *jparser) array(depth int) bool {
	p.i = skipWS(p.b, p.i+1)
	if p.i < len(p.b) && p.b[p.i] == ']' {
		p.i++
		return true
	}
	for {
		if !p.value(depth + 1) {
			return false
		}
		p.i = skipWS(p.b, p.i)
		if p.i >= len(p.b) {
			return false
		}
		switch p.b[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return true
		default:
			return false
		}
	}
}

// str reads the string at p.i. It accepts what encoding/json accepts: no
// control characters, only JSON's escapes; invalid UTF-8 is left for the
// decoder to replace, as mcp.DecodeAny leaves it.
func (p *jparser) str() bool {
	b := p.b
	start := p.i + 1
	form, high := strRaw, false
	for i := start; i < len(b); {
		c := b[i]
		if 0x20 <= c && c < utf8.RuneSelf && c != '"' && c != '\\' {
			i++
			continue
		}
		switch {
		case c == '"':
			if high && form != strOther && !utf8.Valid(b[start:i]) {
				form = strOther
			}
			p.nodes = append(p.nodes, jnode{
				start: int32(start), end: int32(i), next: int32(len(p.nodes) + 1),
				kind: jString, form: form,
			})
			p.i = i + 1
			return true
		case c == '\\':
			if i+1 >= len(b) {
				return false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				form = max(form, strEscape)
				i += 2
			case 'u':
				if i+6 > len(b) || !isHex4(b[i+2:i+6]) {
					return false
				}
				form = strOther
				i += 6
			default:
				return false
			}
		case c < 0x20:
			return false
		default:
			high = true
			i++
		}
	}
	return false
}

func isHex4(b []byte) bool {
	for _, c := range b[:4] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func (p *jparser) lit(word string) bool {
	if len(p.b)-p.i < len(word) || string(p.b[p.i:p.i+len(word)]) != word {
		return false
	}
	p.i += len(word)
	p.nodes = append(p.nodes, jnode{next: int32(len(p.nodes) + 1)})
	return true
}

// number reads up to the next delimiter, as mcp.DecodeAny does, and checks
// JSON's number grammar.
func (p *jparser) number() bool {
	j := p.i
scan:
	for ; j < len(p.b); j++ {
		switch p.b[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			break scan
		}
	}
	if !isJSONNumber(p.b[p.i:j]) {
		return false
	}
	p.i = j
	p.nodes = append(p.nodes, jnode{next: int32(len(p.nodes) + 1)})
	return true
}

func isJSONNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return false
	case b[i] == '0':
		i++
	case '1' <= b[i] && b[i] <= '9':
		i = skipDigits(b, i)
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		i = skipDigits(b, i)
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		i = skipDigits(b, i)
	}
	return i == len(b)
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}

// jmember is an object's key and the index of its value. The key is
// b[start:end], or keys[start:end] once decoded; no pointers, so sorting
// members on the stack costs no write barriers.
type jmember struct {
	start, end int32
	val        int32
	decoded    bool
}

// toolWalker is ToolFromMap over parsed nodes. The current path is built in
// one buffer; the paths of all Fields are copied into one string at the end
// (pathEnd), and texts without escapes are slices of one copy of the input
// (text), so a tool's Fields cost a few allocations, not two each.
type toolWalker struct {
	b       []byte
	text    string // string(b), made at the first text that needs it
	nodes   []jnode
	keys    []byte // decoded keys that had escapes or invalid UTF-8
	path    []byte
	paths   []byte  // the paths of out, one after another
	pathEnd []int32 // out[i]'s path ends at paths[pathEnd[i]]; -1: set already
	out     []Field
	bad     bool // a string the parser accepted failed to decode: decline
}

// toolFromJSONFast is ToolFromJSON for input mcp.DecodeAny decodes to an
// object; for any other input it returns false.
func toolFromJSONFast(raw []byte) (ToolText, bool) {
	nodes, ok := parseJSON(raw)
	if !ok || nodes[0].kind != jObject {
		return ToolText{}, false
	}
	// Sizes most tools fit in: growing them costs more than the slack.
	w := toolWalker{
		b: raw, nodes: nodes,
		path: make([]byte, 0, 128), paths: make([]byte, 0, 1024),
		pathEnd: make([]int32, 0, 32), out: make([]Field, 0, 16),
	}
	var t ToolText
	var mb [keyBuf]jmember
	top := w.members(mb[:0], 0)
	if v := w.lookup(top, "name"); v >= 0 && nodes[v].kind == jString {
		t.Name = w.str(v)
		w.add("name", t.Name)
	}
	for _, k := range [...]string{"title", "description"} {
		if v := w.lookup(top, k); v >= 0 && nodes[v].kind == jString {
			if s := w.str(v); s != "" {
				w.add(k, s)
			}
		}
	}
	if v := w.lookup(top, "annotations"); v >= 0 && nodes[v].kind == jObject {
		w.path = append(w.path[:0], "annotations"...)
		w.walkStrings(v, 0)
	}
	for _, k := range [...]string{"inputSchema", "outputSchema", "input_schema", "parameters"} {
		v := w.lookup(top, k)
		if v < 0 || nodes[v].kind != jObject {
			continue
		}
		w.path = append(w.path[:0], k...)
		w.walkSchema(v, 0)
		if k == "outputSchema" {
			continue
		}
		var sb [keyBuf]jmember
		if props := w.lookup(w.members(sb[:0], v), "properties"); props >= 0 && nodes[props].kind == jObject {
			var pb [keyBuf]jmember
			for _, m := range w.members(pb[:0], props) {
				if m.decoded {
					t.Params = append(t.Params, string(w.key(m)))
				} else {
					t.Params = append(t.Params, w.rawText(m.start, m.end))
				}
			}
			// As ToolFromMap: the names of every schema, sorted together.
			slices.Sort(t.Params)
		}
	}
	if w.bad {
		return ToolText{}, false
	}
	if len(w.out) > 0 {
		paths, start := string(w.paths), int32(0)
		for i, end := range w.pathEnd {
			if end >= 0 {
				w.out[i].Path = paths[start:end]
				start = end
			}
		}
		t.Fields = w.out
	}
	return t, true
}

// add appends a Field at a fixed path.
func (w *toolWalker) add(path, text string) {
	w.out = append(w.out, Field{Path: path, Text: text})
	w.pathEnd = append(w.pathEnd, -1)
}

// addText appends a Field for string node v at the current path.
func (w *toolWalker) addText(v int32) {
	w.out = append(w.out, Field{Text: w.str(v)})
	w.paths = append(w.paths, w.path...)
	w.pathEnd = append(w.pathEnd, int32(len(w.paths)))
}

// lookup returns the value of key in sorted members, or -1.
func (w *toolWalker) lookup(ms []jmember, key string) int32 {
	for _, m := range ms {
		if string(w.key(m)) == key {
			return m.val
		}
	}
	return -1
}

// rawText is b[start:end] as a string, sliced from one copy of b.
func (w *toolWalker) rawText(start, end int32) string {
	if w.text == "" {
		w.text = string(w.b)
	}
	return w.text[start:end]
}

// unescape decodes a string's bytes that hold only one-letter escapes.
// Their meaning is fixed by JSON, so no need to ask encoding/json.
func unescape(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		switch c = b[i]; c {
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		}
		out = append(out, c) // '"', '\\', '/' stand for themselves
	}
	return string(out)
}

func (w *toolWalker) key(m jmember) []byte {
	if m.decoded {
		return w.keys[m.start:m.end]
	}
	return w.b[m.start:m.end]
}

// members appends obj's members to dst sorted by key, each key once with
// its last value, as a map decoded from obj would hold them.
func (w *toolWalker) members(dst []jmember, obj int32) []jmember {
	end := w.nodes[obj].next
	for k := obj + 1; k < end; {
		v := k + 1
		m := jmember{start: w.nodes[k].start, end: w.nodes[k].end, val: v}
		if w.nodes[k].form != strRaw {
			m.start = int32(len(w.keys))
			w.keys = append(w.keys, w.str(k)...)
			m.end, m.decoded = int32(len(w.keys)), true
		}
		dst = append(dst, m)
		k = w.nodes[v].next
	}
	slices.SortStableFunc(dst, func(a, b jmember) int { return bytes.Compare(w.key(a), w.key(b)) })
	// Keep the last of each run of equal keys.
	out := dst[:0]
	for i, m := range dst {
		if i+1 < len(dst) && bytes.Equal(w.key(m), w.key(dst[i+1])) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// str decodes string node k as mcp.DecodeAny does.
func (w *toolWalker) str(k int32) string {
	n := w.nodes[k]
	switch n.form {
	case strRaw:
		return w.rawText(n.start, n.end)
	case strEscape:
		return unescape(w.b[n.start:n.end])
	}
	var s string
	if err := json.Unmarshal(w.b[n.start-1:n.end+1], &s); err != nil {
		w.bad = true
	}
	return s
}

// walkSchema is walkSchema over nodes; w.path is the schema's path.
func (w *toolWalker) walkSchema(s int32, depth int) {
	if depth > maxSchemaDepth {
		return
	}
	n := len(w.path)
	var mb [keyBuf]jmember
	for _, m := range w.members(mb[:0], s) {
		k, v := w.key(m), w.nodes[m.val]
		w.path = append(append(w.path[:n], '.'), k...)
		switch ks := string(k); {
		case schemaText(ks):
			w.walkStrings(m.val, depth+1)
		case ks == "properties" || ks == "patternProperties" || ks == "$defs" || ks == "definitions" || ks == "dependentSchemas":
			if v.kind != jObject {
				continue
			}
			p := len(w.path)
			var nb [keyBuf]jmember
			for _, sub := range w.members(nb[:0], m.val) {
				w.path = append(append(w.path[:p], '.'), w.key(sub)...)
				if ks == "properties" && longParamName(w.key(sub)) {
					txt, _ := paramNameText(string(w.key(sub)))
					w.add(string(w.path)+".(name)", txt)
				}
				if w.nodes[sub.val].kind == jObject {
					w.walkSchema(sub.val, depth+1)
				}
			}
		case v.kind == jString:
			if w.otherText(ks, m.val) {
				w.addText(m.val)
			}
		case v.kind == jObject: // items, additionalProperties, not, if/then/else...
			w.walkSchema(m.val, depth+1)
		case v.kind == jArray: // anyOf, oneOf, allOf, prefixItems; "required", "type" lists
			p := len(w.path)
			for i, e := 0, m.val+1; e < v.next; i, e = i+1, w.nodes[e].next {
				switch w.nodes[e].kind {
				case jObject:
					w.path = append(strconv.AppendInt(append(w.path[:p], '['), int64(i), 10), ']')
					w.walkSchema(e, depth+1)
				case jString:
					if ks == "required" && w.requiredNode(e) || ks == "type" && w.otherText(ks, e) {
						w.path = append(strconv.AppendInt(append(w.path[:p], '['), int64(i), 10), ']')
						w.addText(e)
					}
				}
			}
		}
	}
	w.path = w.path[:n]
}

// otherText is schemaOther for string node v, without decoding the common
// case: a plain "type" value is compared as raw bytes, and the
// machine-valued keywords are never read.
func (w *toolWalker) otherText(k string, v int32) bool {
	n := w.nodes[v]
	switch {
	case n.start == n.end: // only an empty literal decodes to ""
		return false
	case k == "type" && n.form == strRaw:
		return !jsonTypeName(string(w.b[n.start:n.end]))
	case k == "type":
		return schemaOther(k, w.str(v))
	}
	return !machineValued(k) // a non-empty value: read only when emitted
}

// requiredNode is requiredText for string node v, on raw bytes when it
// has no escapes.
func (w *toolWalker) requiredNode(v int32) bool {
	if n := w.nodes[v]; n.form == strRaw {
		return requiredText(w.b[n.start:n.end])
	}
	return requiredText(w.str(v))
}

// walkStrings is walkStrings over nodes; w.path is v's path.
func (w *toolWalker) walkStrings(v int32, depth int) {
	if depth > maxSchemaDepth {
		return
	}
	n := len(w.path)
	switch nd := w.nodes[v]; nd.kind {
	case jString:
		// Only an empty literal decodes to "": an escape or invalid
		// UTF-8 always leaves something.
		if nd.start != nd.end {
			w.addText(v)
		}
	case jArray:
		for i, e := 0, v+1; e < nd.next; i, e = i+1, w.nodes[e].next {
			w.path = append(strconv.AppendInt(append(w.path[:n], '['), int64(i), 10), ']')
			w.walkStrings(e, depth+1)
		}
	case jObject:
		var mb [keyBuf]jmember
		for _, m := range w.members(mb[:0], v) {
			w.path = append(append(w.path[:n], '.'), w.key(m)...)
			w.walkStrings(m.val, depth+1)
		}
	}
	w.path = w.path[:n]
}
