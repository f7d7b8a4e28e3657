package config

import (
	"encoding"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong with a configuration, located in its source.
// Line and Col are 1-based; they are zero when the problem has no place in
// a file (a missing key, a command-line flag).
type Problem struct {
	File  string
	Line  int
	Col   int
	Field string // dotted path such as upstreams[1].url; empty for the document itself
	Msg   string
}

func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
		}
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Error reports every problem found in a configuration, sorted by position,
// one per line.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// pos is a place in the source.
type pos struct{ line, col int }

// source remembers where each field of a decoded configuration came from so
// that checks made after decoding can still point at the right line.
type source struct {
	file string
	pos  map[string]pos // field path -> position of its value
	// label replaces a field-path prefix in messages (flag mode has no
	// lines, so problems name the flag instead).
	label map[string]string
}

func newSource(file string) *source {
	return &source{file: file, pos: map[string]pos{}}
}

// set reports whether path was given in the source (as opposed to defaulted).
func (s *source) set(path string) bool {
	if s == nil {
		return false
	}
	_, ok := s.pos[path]
	return ok
}

// problem builds a Problem for path, using the position of path or of its
// nearest ancestor that has one.
func (s *source) problem(path, msg string) Problem {
	if s == nil {
		return Problem{Field: path, Msg: msg}
	}
	p := Problem{File: s.file, Field: path, Msg: msg}
	for q := path; ; q = parentPath(q) {
		if l, ok := s.label[q]; ok {
			p.Field = l
			if rest := strings.TrimPrefix(path, q); rest != "" {
				p.Msg = strings.TrimPrefix(rest, ".") + ": " + msg
			}
			return p
		}
		if at, ok := s.pos[q]; ok {
			p.Line, p.Col = at.line, at.col
			return p
		}
		if q == "" {
			return p
		}
	}
}

// parentPath strips the last element of a field path: a.b[2].c -> a.b[2] -> a.b -> a -> "".
func parentPath(p string) string {
	if i := strings.LastIndexAny(p, ".["); i >= 0 {
		return p[:i]
	}
	return ""
}

// maxNodes bounds the work done on one document, counting alias
// expansions, so that a "billion laughs" document fails instead of hanging.
const maxNodes = 200_000

// maxDepth bounds nesting, so recursion stays shallow whatever the input.
const maxDepth = 64

// decoder turns a yaml.Node tree into Go values strictly: unknown keys,
// duplicate keys and wrong types are problems, and all of them are
// collected rather than stopping at the first.
type decoder struct {
	src      *source
	problems []Problem
	budget   int
	// failed holds the field paths that had decoding problems, so that
	// later checks do not pile a second, confusing message on the same place.
	failed map[string]bool
	depth  int
	active map[*yaml.Node]bool // alias targets being decoded, to catch cycles
}

func newDecoder(src *source) *decoder {
	return &decoder{src: src, budget: maxNodes, failed: map[string]bool{}, active: map[*yaml.Node]bool{}}
}

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	d.failed[path] = true
	d.problems = append(d.problems, Problem{
		File: d.src.file, Line: n.Line, Col: n.Column, Field: path,
		Msg: fmt.Sprintf(format, args...),
	})
}

// nodeDecoder is implemented by types that decode themselves with access to
// the decoder (GuardConfig keeps its node for later decoding).
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node, path string)
}

// defaulter is implemented by list elements that have non-zero defaults.
type defaulter interface {
	setDefaults()
}

var (
	nodeType        = reflect.TypeFor[yaml.Node]()
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
	nodeDecoderType = reflect.TypeFor[nodeDecoder]()
)

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what a node is, for "expected X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		v := n.Value
		if len(v) > 60 {
			v = v[:60] + "..."
		}
		return strconv.Quote(v)
	}
	return "an unsupported YAML node"
}

// expect names what a Go type wants.
func expect(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "a mapping"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "a list of strings"
		}
		return "a list"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a value"
}

var plainKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func joinKey(path, key string) string {
	if !plainKey.MatchString(key) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func joinIndex(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// decode stores n into v (which must be settable), recording problems.
func (d *decoder) decode(n *yaml.Node, path string, v reflect.Value) {
	if d.budget <= 0 {
		return
	}
	d.budget--
	if d.budget == 0 {
		d.errorf(n, path, "document too large or too deeply aliased (more than %d values)", maxNodes)
		return
	}
	if d.depth >= maxDepth {
		d.errorf(n, path, "nested more than %d levels deep", maxDepth)
		return
	}
	d.depth++
	defer func() { d.depth-- }()
	d.src.pos[path] = pos{n.Line, n.Column}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			d.errorf(n, path, "unresolved alias")
			return
		}
		if d.active[n.Alias] {
			d.errorf(n, path, "alias *%s refers to a value that contains it", n.Value)
			return
		}
		d.active[n.Alias] = true
		defer delete(d.active, n.Alias)
		n = n.Alias
	}
	d.decodeResolved(n, path, v)
}

func (d *decoder) decodeResolved(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind == yaml.AliasNode { // an alias of an alias cannot be written, but be safe
		d.errorf(n, path, "nested alias")
		return
	}
	t := v.Type()
	if t == nodeType {
		v.Set(reflect.ValueOf(*n))
		return
	}
	if v.CanAddr() {
		a := v.Addr()
		if a.Type().Implements(nodeDecoderType) {
			a.Interface().(nodeDecoder).decodeNode(d, n, path)
			return
		}
		if isNull(n) {
			return // null keeps the default
		}
		if a.Type().Implements(unmarshalerType) {
			if err := a.Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
				d.errorf(n, path, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
			}
			return
		}
		if a.Type().Implements(textType) {
			if n.Kind != yaml.ScalarNode {
				d.errorf(n, path, "expected a string, got %s", describe(n))
				return
			}
			if err := a.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
				d.errorf(n, path, "%v", err)
			}
			return
		}
	} else if isNull(n) {
		return
	}

	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		d.decodeResolved(n, path, v.Elem())
	case reflect.Struct:
		d.decodeStruct(n, path, v)
	case reflect.Map:
		d.decodeMap(n, path, v)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, path, "expected %s, got %s", expect(t), describe(n))
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, item := range n.Content {
			e := s.Index(i)
			if df, ok := e.Addr().Interface().(defaulter); ok {
				df.setDefaults()
			}
			d.decode(item, joinIndex(path, i), e)
		}
		v.Set(s)
	case reflect.Interface:
		var x any
		if err := n.Decode(&x); err != nil {
			d.errorf(n, path, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
			return
		}
		if x != nil {
			rv := reflect.ValueOf(x)
			if !rv.Type().AssignableTo(t) {
				d.errorf(n, path, "expected %s, got %s", t, describe(n))
				return
			}
			v.Set(rv)
		}
	default:
		d.decodeScalar(n, path, v)
	}
}

func (d *decoder) decodeScalar(n *yaml.Node, path string, v reflect.Value) {
	t := v.Type()
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "expected %s, got %s", expect(t), describe(n))
		return
	}
	tag := n.ShortTag()
	bad := func() { d.errorf(n, path, "expected %s, got %s", expect(t), describe(n)) }
	switch t.Kind() {
	case reflect.String:
		v.SetString(n.Value)
	case reflect.Bool:
		if tag != "!!bool" {
			bad()
			return
		}
		b, err := strconv.ParseBool(n.Value)
		if err != nil {
			bad()
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if tag != "!!int" {
			bad()
			return
		}
		i, err := strconv.ParseInt(n.Value, 0, t.Bits())
		if err != nil {
			d.errorf(n, path, "integer %s is out of range", n.Value)
			return
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if tag != "!!int" {
			bad()
			return
		}
		i, err := strconv.ParseUint(n.Value, 0, t.Bits())
		if err != nil {
			d.errorf(n, path, "expected a non-negative integer that fits in %d bits, got %s", t.Bits(), describe(n))
			return
		}
		v.SetUint(i)
	case reflect.Float32, reflect.Float64:
		if tag != "!!float" && tag != "!!int" {
			bad()
			return
		}
		var f float64
		if err := n.Decode(&f); err != nil {
			bad()
			return
		}
		v.SetFloat(f)
	default:
		d.errorf(n, path, "cannot decode into Go type %s", t)
	}
}

// mappingPairs checks that n is a mapping with scalar, unique, non-merge
// keys and calls fn for each pair in order.
func (d *decoder) mappingPairs(n *yaml.Node, path string, fn func(key string, k, val *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode || isNull(k) {
			d.errorf(k, path, "keys must be plain strings, got %s", describe(k))
			continue
		}
		if k.ShortTag() == "!!merge" {
			d.errorf(k, path, "YAML merge keys (<<) are not supported; write the keys out")
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, joinKey(path, k.Value), "duplicate key (first set on line %d)", first)
			continue
		}
		seen[k.Value] = k.Line
		fn(k.Value, k, val)
	}
}

type fieldInfo struct {
	name  string
	index int
}

func structFields(t reflect.Type) []fieldInfo {
	var fs []fieldInfo
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fs = append(fs, fieldInfo{name, i})
	}
	return fs
}

func (d *decoder) decodeStruct(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected a mapping, got %s", describe(n))
		return
	}
	fs := structFields(v.Type())
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	d.mappingPairs(n, path, func(key string, k, val *yaml.Node) {
		for _, f := range fs {
			if f.name == key {
				d.decodeEntry(k, val, joinKey(path, key), v.Field(f.index))
				return
			}
		}
		msg := fmt.Sprintf("unknown key %q", key)
		if s := suggest(key, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += " (known keys: " + strings.Join(sorted(names), ", ") + ")"
		}
		d.errorf(k, joinKey(path, key), "%s", msg)
	})
}

func (d *decoder) decodeMap(n *yaml.Node, path string, v reflect.Value) {
	t := v.Type()
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected a mapping, got %s", describe(n))
		return
	}
	if t.Key().Kind() != reflect.String {
		d.errorf(n, path, "cannot decode into Go type %s", t)
		return
	}
	m := reflect.MakeMapWithSize(t, len(n.Content)/2)
	d.mappingPairs(n, path, func(key string, k, val *yaml.Node) {
		e := reflect.New(t.Elem()).Elem()
		d.decodeEntry(k, val, joinKey(path, key), e)
		m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), e)
	})
	v.Set(m)
}

// decodeEntry decodes one mapping value. A nested mapping or list is
// located at its key, so later messages about the whole block point at the
// line that names it rather than at its first child.
func (d *decoder) decodeEntry(k, val *yaml.Node, path string, v reflect.Value) {
	d.decode(val, path, v)
	r := val
	if r.Kind == yaml.AliasNode && r.Alias != nil {
		r = r.Alias
	}
	if r.Kind == yaml.MappingNode || r.Kind == yaml.SequenceNode {
		d.src.pos[path] = pos{k.Line, k.Column}
	}
}

func (d *decoder) sortedProblems() []Problem {
	ps := append([]Problem(nil), d.problems...)
	sortProblems(ps)
	return ps
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

// suggest returns the candidate closest to word, or "" if none is close.
func suggest(word string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		dist := levenshtein(strings.ToLower(word), strings.ToLower(c))
		if bestD < 0 || dist < bestD {
			best, bestD = c, dist
		}
	}
	limit := max(2, len(word)/3)
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb)) // not worth comparing; never a close match
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
