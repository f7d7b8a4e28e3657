// Package content finds the text in MCP payloads that a model will read
// (or has written): tool results, resource contents, prompt messages,
// completions, sampling and elicitation requests and their answers, and
// request arguments. It yields each text with its JSON path and rewrites
// fields in place, so guards can redact or annotate without re-encoding
// the payload: everything it does not change (unknown fields, _meta,
// images, whitespace) stays byte for byte.
package content

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/guard"
)

// Shape says which MCP payload a document is.
type Shape uint8

const (
	// Generic: every string value except under _meta.
	Generic Shape = iota
	// ToolResult: a tools/call result (content blocks, structuredContent).
	ToolResult
	// ResourceResult: a resources/read result (contents[]).
	ResourceResult
	// PromptResult: a prompts/get result (description, messages[]).
	PromptResult
	// CompletionResult: a completion/complete result (completion.values).
	CompletionResult
	// SamplingRequest: sampling/createMessage params (messages, systemPrompt).
	SamplingRequest
	// ElicitationRequest: elicitation/create params (message, url).
	ElicitationRequest
	// ToolCall: tools/call params (arguments, inputResponses).
	ToolCall
	// PromptGet: prompts/get params (arguments, inputResponses).
	PromptGet
	// CompletionRequest: completion/complete params (argument, context).
	CompletionRequest
	// ResourceRequest: resources/read params (uri, inputResponses).
	ResourceRequest
	// SamplingAnswer: a client's sampling/createMessage result.
	SamplingAnswer
	// ElicitationAnswer: a client's elicitation/create result.
	ElicitationAnswer
	// None: nothing a model reads or writes (roots, pings).
	None
)

var shapeNames = [...]string{"generic", "tool_result", "resource_result", "prompt_result", "completion_result",
	"sampling_request", "elicitation_request", "tool_call", "prompt_get", "completion_request",
	"resource_request", "sampling_answer", "elicitation_answer", "none"}

func (s Shape) String() string {
	if int(s) < len(shapeNames) {
		return shapeNames[s]
	}
	return "shape(" + strconv.Itoa(int(s)) + ")"
}

// Target says which part of an exchange holds the payload.
type Target uint8

const (
	InParams Target = iota + 1
	InResult
)

// Of says where an exchange's model-facing text is and what shape it has.
// Server-to-model payloads are results and server requests;
// model-to-server payloads are request params and a client's answers.
func Of(ex *guard.Exchange) (Shape, Target) {
	switch ex.Phase {
	case guard.PhaseResult:
		switch ex.Method {
		case "tools/call":
			return ToolResult, InResult
		case "resources/read":
			return ResourceResult, InResult
		case "prompts/get":
			return PromptResult, InResult
		case "completion/complete":
			return CompletionResult, InResult
		}
		return Generic, InResult
	case guard.PhaseServerRequest:
		switch ex.Method {
		case "sampling/createMessage":
			return SamplingRequest, InParams
		case "elicitation/create":
			return ElicitationRequest, InParams
		case "roots/list", "ping":
			return None, 0
		}
		return Generic, InParams
	case guard.PhaseRequest:
		if ex.Result != nil { // a client's answer to a server request
			switch ex.Method {
			case "sampling/createMessage":
				return SamplingAnswer, InResult
			case "elicitation/create":
				return ElicitationAnswer, InResult
			case "roots/list", "ping":
				return None, 0
			}
			return Generic, InResult
		}
		switch ex.Method {
		case "tools/call":
			return ToolCall, InParams
		case "prompts/get":
			return PromptGet, InParams
		case "completion/complete":
			return CompletionRequest, InParams
		case "resources/read":
			return ResourceRequest, InParams
		case "ping", "resources/subscribe", "resources/unsubscribe", "logging/setLevel":
			return None, 0
		}
		return Generic, InParams
	}
	return None, 0
}

// Kind says what a field is.
type Kind uint8

const (
	// Text: a text block, message, prompt or resource text.
	Text Kind = iota + 1
	// Blob: a base64 blob with a textual MIME type, decoded.
	Blob
	// Link: a resource link's or embedded resource's name, title,
	// description or URI.
	Link
	// Data: a string inside structured data (structuredContent, tool use
	// input, arguments, answers).
	Data
)

func (k Kind) String() string {
	switch k {
	case Text:
		return "text"
	case Blob:
		return "blob"
	case Link:
		return "link"
	case Data:
		return "data"
	}
	return "unknown"
}

// Field is one text a model reads or wrote.
type Field struct {
	Kind Kind
	// Block is the index of the top-level item (content block, resource
	// content, message) the field belongs to, or -1.
	Block int

	n       nid
	edit    int32 // 1 + index of this field's edit in Doc.edits; 0 for none
	decoded bool
	text    string
}

// Doc is a parsed payload. It is not safe for concurrent use.
type Doc struct {
	shape  Shape
	src    []byte
	t      *tree
	root   nid
	fields []Field
	extras []extra
	edits  []edit
	// renamed holds the new names of renamed members, by value node.
	renamed map[nid]string
}

// extra is a member name, or a number of six digits or more, inside
// structured data (arguments, structuredContent, tool input, answers).
// They are not Fields: detectors that read the payload as prose do not
// see them. But a model reads and writes them like values, so a secret
// can travel as a key ({"ghp_…": 1}) or a card number as a number.
type extra struct {
	n    nid   // a number's node, or the value node of the member named
	ks   int32 // the member name's literal start; -1 for a number
	edit int32 // 1 + index of this extra's edit in Doc.edits; 0 for none
}

type edit struct {
	start, end int
	repl       []byte // an insertion
	field      int32  // 1 + the field whose new text replaces start:end
	order      int    // keeps insertions before replacements at one offset
}

// ErrShape is wrapped by Parse when a payload is valid JSON of the wrong
// shape (a result that is not an object).
var ErrShape = errors.New("payload does not have the expected shape")

// Parse reads a payload of the given shape. It fails on invalid JSON and
// on a payload that is not an object (except Generic), so a guard fails
// closed rather than passing what it could not read.
func Parse(shape Shape, raw []byte) (*Doc, error) {
	t, root, nstr, err := parse(raw)
	if err != nil {
		return nil, err
	}
	if shape != Generic && t.kind(root) != kObj {
		return nil, fmt.Errorf("reading %s: %w: not a JSON object", shape, ErrShape)
	}
	d := &Doc{shape: shape, src: raw, t: t, root: root}
	if nstr > 8 {
		d.fields = make([]Field, 0, nstr)
	}
	d.extract()
	return d, nil
}

// Shape is the payload's shape.
func (d *Doc) Shape() Shape { return d.shape }

// Fields returns the fields in document order. Callers must not modify
// the slice; use Set.
func (d *Doc) Fields() []Field { return d.fields }

// Len is the number of fields.
func (d *Doc) Len() int { return len(d.fields) }

// Path is field i's JSON path, such as "content[0].text".
func (d *Doc) Path(i int) string {
	return d.t.path(d.fields[i].n)
}

// Text returns field i's text (decoded, base64 blobs included).
func (d *Doc) Text(i int) string {
	f := &d.fields[i]
	if !f.decoded {
		// Strings were validated by the parser, so decoding cannot fail.
		f.text, _ = d.decodeNode(f.n)
		f.decoded = true
	}
	return f.text
}

// Set replaces field i's text. Blobs are base64-encoded again. Encoding
// waits for Bytes, so setting a large field twice costs one encoding.
func (d *Doc) Set(i int, text string) {
	f := &d.fields[i]
	if f.edit == 0 && d.Text(i) == text {
		return // unchanged: keep the original bytes (and a blob's own base64)
	}
	x := &d.t.nodes[f.n]
	e := edit{start: int(x.start), end: int(x.end), field: int32(i) + 1, order: 1}
	if f.edit > 0 {
		d.edits[f.edit-1] = e
	} else {
		d.edits = append(d.edits, e)
		f.edit = int32(len(d.edits))
	}
	f.text, f.decoded = text, true
}

// Extras is the number of member names and long numbers inside
// structured data (see Extra).
func (d *Doc) Extras() int { return len(d.extras) }

// ExtraPath is extra i's JSON path: for a member name, the path of the
// member (so it ends in the name itself).
func (d *Doc) ExtraPath(i int) string { return d.t.path(d.extras[i].n) }

// ExtraKey reports whether extra i is a member name (else a number).
func (d *Doc) ExtraKey(i int) bool { return d.extras[i].ks >= 0 }

// ExtraText is extra i as text: the member name, or the number's literal.
func (d *Doc) ExtraText(i int) string {
	e := &d.extras[i]
	if e.ks < 0 {
		return string(d.raw(e.n))
	}
	x := &d.t.nodes[e.n]
	return d.t.members[d.t.nodes[x.parent].first+x.slot].key
}

// ExtraContext is the member name a number extra is the value of (see
// Context); "" for a member name.
func (d *Doc) ExtraContext(i int) string {
	if d.extras[i].ks >= 0 {
		return ""
	}
	return d.nameOf(d.extras[i].n)
}

// SetExtra replaces extra i: a number becomes the JSON string text (its
// type changes: this is for redaction); a member is renamed, with "#2",
// "#3"... added when another member of its object already has the name
// (in any letter case): duplicate names are refused by the gateway, and
// read differently by different parsers.
func (d *Doc) SetExtra(i int, text string) {
	e := &d.extras[i]
	start, end := int(e.ks), 0
	if e.ks < 0 {
		start, end = int(d.t.nodes[e.n].start), int(d.t.nodes[e.n].end)
	} else {
		end = keyEnd(d.src, start)
		text = d.uniqueName(e.n, text)
		if d.renamed == nil {
			d.renamed = map[nid]string{}
		}
		d.renamed[e.n] = text
	}
	ed := edit{start: start, end: end, repl: appendString(nil, text), order: 1}
	if e.edit > 0 {
		d.edits[e.edit-1] = ed
		return
	}
	d.edits = append(d.edits, ed)
	e.edit = int32(len(d.edits))
}

// uniqueName is name, or name#k, such that no other member of the object
// holding member value n has it (as renamed so far), in any letter case.
func (d *Doc) uniqueName(n nid, name string) string {
	obj := d.t.nodes[n].parent
	taken := func(s string) bool {
		for _, m := range d.t.kids(obj) {
			if m.val == n {
				continue
			}
			cur, ok := d.renamed[m.val]
			if !ok {
				cur = m.key
			}
			if strings.EqualFold(cur, s) {
				return true
			}
		}
		return false
	}
	out := name
	for k := 2; taken(out); k++ {
		out = name + "#" + strconv.Itoa(k)
	}
	return out
}

// Context is the member name a Data field is the value of (for an array
// item, the array's), so a value can be judged with its name as a reader
// of the JSON would: {"password": "…"} is a password, "…" alone is not.
// For a "value" member beside a "name" or "key" string (Kubernetes env
// entries, name/value pairs) it is that string. "" for other kinds.
func (d *Doc) Context(i int) string {
	if d.fields[i].Kind != Data {
		return ""
	}
	return d.nameOf(d.fields[i].n)
}

func (d *Doc) nameOf(n nid) string {
	for n >= 0 {
		x := &d.t.nodes[n]
		if x.parent < 0 {
			return ""
		}
		par := &d.t.nodes[x.parent]
		if par.kind == kArr {
			n = x.parent
			continue
		}
		key := d.t.members[par.first+x.slot].key
		if strings.EqualFold(key, "value") {
			for _, k := range []string{"name", "key", "Name", "Key"} {
				if s := d.str(d.t.get(x.parent, k)); s != "" {
					return s
				}
			}
		}
		return key
	}
	return ""
}

// Changed reports whether Bytes differs from the input.
func (d *Doc) Changed() bool { return len(d.edits) > 0 }

// Bytes returns the payload with every change applied. Unchanged bytes are
// the input's own.
func (d *Doc) Bytes() []byte {
	if len(d.edits) == 0 {
		return d.src
	}
	es := slices.Clone(d.edits)
	slices.SortStableFunc(es, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.order - b.order
	})
	n := len(d.src)
	for _, e := range es {
		if e.field > 0 {
			f := &d.fields[e.field-1]
			n += len(f.text)*4/3 + 8 - (e.end - e.start) // base64 or a few escapes
		} else {
			n += len(e.repl) - (e.end - e.start)
		}
	}
	out := make([]byte, 0, max(n, len(d.src)))
	at := 0
	for _, e := range es {
		if e.start < at { // overlapping: an earlier edit covers it
			continue
		}
		out = append(out, d.src[at:e.start]...)
		if e.field > 0 {
			out = d.encode(out, &d.fields[e.field-1])
		} else {
			out = append(out, e.repl...)
		}
		at = e.end
	}
	return append(out, d.src[at:]...)
}

// encode appends a field's new text as a JSON string literal.
func (d *Doc) encode(out []byte, f *Field) []byte {
	if f.Kind != Blob {
		return appendString(out, f.text)
	}
	out = append(out, '"')
	enc := base64.StdEncoding
	at := len(out)
	out = slices.Grow(out, enc.EncodedLen(len(f.text)))[:at+enc.EncodedLen(len(f.text))]
	enc.Encode(out[at:], []byte(f.text))
	return append(out, '"')
}

// PrependBlock inserts a content block (JSON object) at the start of a
// tool result's content array, for notes to the model. It reports whether
// the payload has such an array.
func (d *Doc) PrependBlock(block json.RawMessage) bool {
	if d.shape != ToolResult {
		return false
	}
	arr := d.t.get(d.root, "content")
	if d.t.kind(arr) != kArr {
		return false
	}
	repl := slices.Clone([]byte(block))
	if len(d.t.items(arr)) > 0 {
		repl = append(repl, ',')
	}
	at := int(d.t.nodes[arr].start) + 1
	d.edits = append(d.edits, edit{start: at, end: at, repl: repl, order: 0})
	return true
}

// ReplaceTop returns the payload with top-level members replaced (set) or
// removed (a nil value), in their original order; new members go at the
// end in sorted order. Pending field edits are discarded: this is for
// replacing a payload wholesale.
func (d *Doc) ReplaceTop(set map[string]json.RawMessage) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	done := map[string]bool{}
	write := func(key []byte, val []byte) {
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.Write(key)
		b.WriteByte(':')
		b.Write(val)
	}
	for _, m := range d.t.kids(d.root) {
		keyLit := d.src[m.keyStart:keyEnd(d.src, int(m.keyStart))]
		v, ok := set[m.key]
		switch {
		case !ok:
			write(keyLit, d.raw(m.val))
		case v != nil && !done[m.key]:
			write(keyLit, v)
		}
		done[m.key] = true
	}
	var rest []string
	for k, v := range set {
		if !done[k] && v != nil {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		write(appendString(nil, k), set[k])
	}
	b.WriteByte('}')
	return b.Bytes()
}

func keyEnd(src []byte, ks int) int {
	p := &parser{src: src}
	end, _, err := p.scanString(ks)
	if err != nil {
		return ks
	}
	return end
}

// Top returns a top-level member's raw value.
func (d *Doc) Top(key string) (json.RawMessage, bool) {
	n := d.t.get(d.root, key)
	if n == none {
		return nil, false
	}
	return d.raw(n), true
}

// StringAt returns the string at a top-level item's key, such as the uri
// of contents[0] (array "contents", index 0, key "uri").
func (d *Doc) StringAt(array string, i int, key string) string {
	items := d.t.items(d.t.get(d.root, array))
	if i >= len(items) {
		return ""
	}
	return d.str(d.t.get(items[i], key))
}

// str decodes a string node, or "" for anything else.
func (d *Doc) str(n nid) string {
	if d.t.kind(n) != kStr {
		return ""
	}
	s, _ := d.decodeNode(n)
	return s
}

// raw is a node's bytes.
func (d *Doc) raw(n nid) []byte {
	x := &d.t.nodes[n]
	return d.src[x.start:x.end]
}

// decodeNode decodes a string node; the parser validated it.
func (d *Doc) decodeNode(n nid) (string, error) {
	return decodeString(d.raw(n), d.t.nodes[n].esc)
}

// Joined returns every field's text joined by sep, and each field's start
// offset in it, so a detector can score the payload as one document and
// its findings be mapped back to fields.
func (d *Doc) Joined(sep string) (string, []int) {
	if len(d.fields) == 1 {
		return d.Text(0), []int{0}
	}
	n := 0
	for i := range d.fields {
		x := &d.t.nodes[d.fields[i].n]
		n += int(x.end-x.start) + len(sep) // the literal's length bounds the text's
	}
	var b strings.Builder
	b.Grow(n)
	offs := make([]int, len(d.fields))
	for i := range d.fields {
		if i > 0 {
			b.WriteString(sep)
		}
		offs[i] = b.Len()
		f := &d.fields[i]
		if !f.decoded && !d.t.nodes[f.n].esc {
			// Plain strings are their own bytes: copy without decoding.
			if body := d.raw(f.n); utf8.Valid(body[1 : len(body)-1]) {
				b.Write(body[1 : len(body)-1])
				continue
			}
		}
		b.WriteString(d.Text(i))
	}
	return b.String(), offs
}

// Locate maps a non-empty span of Joined's text to the fields it
// overlaps, calling fn with each field index and the span within that
// field's text.
func (d *Doc) Locate(offs []int, start, end int, fn func(field, start, end int)) {
	if len(offs) == 0 || end <= start {
		return
	}
	i, found := slices.BinarySearch(offs, start)
	if !found {
		i--
	}
	for i = max(i, 0); i < len(offs) && offs[i] < end; i++ {
		tl := len(d.Text(i))
		if a, b := max(start-offs[i], 0), min(end-offs[i], tl); a < b {
			fn(i, a, b)
		}
	}
}

// ---- extraction ------------------------------------------------------

// add records a string node as a field (its path is computed on demand
// from the tree).
func (d *Doc) add(k Kind, block int, n nid) {
	if d.t.kind(n) != kStr || d.t.nodes[n].end-d.t.nodes[n].start == 2 {
		return // not a string, or empty
	}
	f := Field{Kind: k, Block: block, n: n}
	if k == Blob {
		s, _ := d.decodeNode(n)
		b, ok := decodeBase64(s)
		if !ok || len(b) == 0 {
			return // not base64: a client cannot decode it to text either
		}
		f.text, f.decoded = string(b), true
	}
	d.fields = append(d.fields, f)
}

// decodeBase64 decodes a blob the way the most forgiving client would:
// strict base64 first; failing that, the alphabet of either variant,
// spaces and other stray characters skipped, padding optional, and
// decoding ends only at padding that completes a group of four, as
// Python's b64decode has it: a stray '=' in the middle is skipped, so
// text hidden after one is read (JavaScript's Buffer stops there and so
// decodes a prefix of what is read here). A field the guards skip as "not
// base64" must not be text that a client decodes after all.
func decodeBase64(s string) ([]byte, bool) {
	if b, err := base64.StdEncoding.DecodeString(s); err == nil {
		return b, true
	}
	clean := make([]byte, 0, len(s))
	pads := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
		case c == '-':
			c = '+'
		case c == '_':
			c = '/'
		case c == '=':
			if q := len(clean) % 4; q >= 2 {
				if pads++; q+pads >= 4 {
					i = len(s)
				}
			}
			continue
		default:
			continue
		}
		pads = 0
		clean = append(clean, c)
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1] // a lone sextet is no byte
	}
	b, err := base64.RawStdEncoding.DecodeString(string(clean))
	return b, err == nil
}

func (d *Doc) extract() {
	r, t := d.root, d.t
	switch d.shape {
	case Generic:
		d.generic(r, Data, -1)
	case ToolResult:
		switch c := t.get(r, "content"); t.kind(c) {
		case kArr:
			d.blocks(c, -1)
		case kObj: // not the spec's array, but a lenient client shows it
			d.block(c, 0)
		case kStr:
			d.add(Text, 0, c)
		}
		d.data(t.get(r, "structuredContent"), -1)
		// The 2024-10-07 revision's result, which SDK clients still accept.
		d.data(t.get(r, "toolResult"), -1)
	case ResourceResult:
		for i, c := range t.items(t.get(r, "contents")) {
			d.resource(c, i)
		}
	case PromptResult:
		d.add(Text, -1, t.get(r, "description"))
		d.messages(t.get(r, "messages"))
	case CompletionResult:
		for i, v := range t.items(t.get(t.get(r, "completion"), "values")) {
			d.add(Text, i, v)
		}
	case SamplingRequest:
		d.add(Text, -1, t.get(r, "systemPrompt"))
		d.messages(t.get(r, "messages"))
		// Tools offered to the model (2025-11-25): their names and
		// descriptions are text the model reads.
		d.generic(t.get(r, "tools"), Data, -1)
	case ElicitationRequest:
		d.add(Text, -1, t.get(r, "message"))
		d.add(Link, -1, t.get(r, "url"))
	case ToolCall, PromptGet:
		d.data(t.get(r, "arguments"), -1)
		d.data(t.get(r, "inputResponses"), -1)
	case CompletionRequest:
		d.data(t.get(r, "ref"), -1)
		d.data(t.get(r, "argument"), -1)
		d.data(t.get(r, "context"), -1)
	case ResourceRequest:
		d.add(Link, -1, t.get(r, "uri"))
		d.data(t.get(r, "inputResponses"), -1)
	case SamplingAnswer:
		if c := t.get(r, "content"); t.kind(c) == kArr {
			d.blocks(c, -1)
		} else {
			d.block(c, -1)
		}
	case ElicitationAnswer:
		d.data(t.get(r, "content"), -1)
	case None:
	}
}

// generic yields every string under n except under _meta keys, where
// the protocol keeps its metadata (results of unknown methods,
// notifications, unknown content blocks).
func (d *Doc) generic(n nid, k Kind, block int) { d.walk(n, k, block, true) }

// data yields every string of structured data: arguments,
// structuredContent, tool input, answers. Their member names are the
// tool's, not the protocol's, so a "_meta" member there is data like any
// other (a model can put a secret under it, and a server echo it back).
func (d *Doc) data(n nid, block int) { d.walk(n, Data, block, false) }

// minExtraDigits: shorter numbers carry no personal data the detectors
// know (their shortest number rule wants six digits). Only integers are
// extras: card and account numbers are, and a float's fraction digits
// (coordinates) would pass a card's checksum one time in ten.
const minExtraDigits = 6

func (d *Doc) walk(n nid, k Kind, block int, skipMeta bool) {
	switch d.t.kind(n) {
	case kStr:
		d.add(k, block, n)
	case kNum:
		if lit := d.raw(n); len(lit) >= minExtraDigits && !bytes.ContainsAny(lit, ".eE") {
			d.extras = append(d.extras, extra{n: n, ks: -1})
		}
	case kArr:
		for _, e := range d.t.items(n) {
			d.walk(e, k, block, skipMeta)
		}
	case kObj:
		for _, m := range d.t.kids(n) {
			if skipMeta && m.key == "_meta" {
				continue
			}
			if m.key != "" {
				d.extras = append(d.extras, extra{n: m.val, ks: m.keyStart})
			}
			d.walk(m.val, k, block, skipMeta)
		}
	}
}

func appendKey(buf []byte, key string) []byte {
	if !isIdent(key) {
		return append(strconv.AppendQuote(append(buf, '['), key), ']')
	}
	if len(buf) > 0 {
		buf = append(buf, '.')
	}
	return append(buf, key...)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// blocks yields the text of an array of content blocks; block is the
// index to report, or -1 to use each block's own index.
func (d *Doc) blocks(arr nid, block int) {
	for i, b := range d.t.items(arr) {
		bi := block
		if bi < 0 {
			bi = i
		}
		d.block(b, bi)
	}
}

// block yields the text of one content block.
func (d *Doc) block(b nid, bi int) {
	t := d.t
	if t.kind(b) != kObj {
		return
	}
	switch d.str(t.get(b, "type")) {
	case "text":
		d.add(Text, bi, t.get(b, "text"))
		return
	case "image", "audio":
		return // binary media; the model does not read it as text
	case "resource":
		d.resource(t.get(b, "resource"), bi)
		return
	case "resource_link":
		for _, k := range []string{"name", "title", "description", "uri"} {
			d.add(Link, bi, t.get(b, k))
		}
		return
	case "tool_use":
		d.data(t.get(b, "input"), bi)
		return
	case "tool_result":
		d.blocks(t.get(b, "content"), bi)
		d.data(t.get(b, "structuredContent"), bi)
		return
	}
	// An unknown block type: whatever strings it has may reach a model.
	for _, m := range t.kids(b) {
		switch m.key {
		case "_meta", "type", "mimeType", "annotations", "data":
			continue
		}
		d.generic(m.val, Data, bi)
	}
}

// resource yields an embedded resource's or resource content's text.
func (d *Doc) resource(r nid, bi int) {
	t := d.t
	if t.kind(r) != kObj {
		return
	}
	d.add(Link, bi, t.get(r, "uri"))
	d.add(Text, bi, t.get(r, "text"))
	if b := t.get(r, "blob"); Textual(d.str(t.get(r, "mimeType"))) || d.blobIsText(b) {
		d.add(Blob, bi, b)
	}
}

// sniffLen is how much of a blob's base64 blobIsText decodes to judge it.
const sniffLen = 4096

// blobIsText reports whether a blob whose MIME type is missing or not
// textual decodes to text all the same: a server labels what it cannot
// name application/octet-stream (.env, id_rsa, credentials files), and
// mimeType is optional, but a client can show the text. Only the first
// few KB are decoded to judge, so a large image costs little.
func (d *Doc) blobIsText(n nid) bool {
	if d.t.kind(n) != kStr {
		return false
	}
	s, _ := d.decodeNode(n)
	cut := len(s) > sniffLen
	if cut {
		s = s[:sniffLen]
	}
	b, ok := decodeBase64(s)
	return ok && len(b) > 0 && looksText(b, cut)
}

// looksText: valid UTF-8 (a rune cut by truncation excepted) with no NUL
// and almost no other control bytes, which binary formats are full of.
func looksText(b []byte, cut bool) bool {
	if cut {
		// Drop a rune the sniff window cut in two.
		for j := len(b) - 1; j >= max(len(b)-utf8.UTFMax, 0); j-- {
			if utf8.RuneStart(b[j]) {
				if !utf8.FullRune(b[j:]) {
					b = b[:j]
				}
				break
			}
		}
	}
	if !utf8.Valid(b) {
		return false
	}
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b, c == 0x7f:
			ctl++
		}
	}
	return ctl*100 <= len(b)
}

// messages yields prompt or sampling messages' content (a block, or an
// array of blocks in newer revisions).
func (d *Doc) messages(arr nid) {
	for i, m := range d.t.items(arr) {
		if c := d.t.get(m, "content"); d.t.kind(c) == kArr {
			d.blocks(c, i)
		} else {
			d.block(c, i)
		}
	}
}

// Textual reports whether a MIME type is text a model would read: text/*,
// JSON, XML, YAML, JavaScript and the like.
func Textual(mt string) bool {
	if mt == "" {
		return false
	}
	if t, _, err := mime.ParseMediaType(mt); err == nil {
		mt = t
	} else {
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	if strings.HasPrefix(mt, "text/") {
		return true
	}
	if strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "+xml") || strings.HasSuffix(mt, "+yaml") {
		return true
	}
	switch mt {
	case "application/json", "application/xml", "application/yaml", "application/x-yaml",
		"application/javascript", "application/x-javascript", "application/ecmascript",
		"application/toml", "application/x-toml", "application/sql", "application/graphql",
		"application/x-sh", "application/x-httpd-php", "application/csv", "application/x-ndjson",
		"application/jsonl", "application/x-www-form-urlencoded", "message/rfc822":
		return true
	}
	return false
}

// valuesKey is where Load leaves the parsed payload for the next guard.
const valuesKey = "content.doc"

// Load parses an exchange's model-facing payload, sharing the parse with
// later guards of the same exchange: a guard that changes the payload
// writes new bytes, which the next Load sees and parses afresh. It returns
// a nil Doc when the exchange carries nothing a model reads or wrote.
func Load(ex *guard.Exchange) (*Doc, Target, error) {
	shape, target := Of(ex)
	if shape == None {
		return nil, 0, nil
	}
	raw := ex.Result
	if target == InParams {
		raw = ex.Params
	}
	if len(raw) == 0 {
		return nil, target, nil
	}
	if d, ok := ex.Values[valuesKey].(*Doc); ok && d.shape == shape && !d.Changed() && sameBytes(d.src, raw) {
		return d, target, nil
	}
	d, err := Parse(shape, raw)
	if err != nil {
		return nil, target, err
	}
	ex.Set(valuesKey, d)
	return d, target, nil
}

// Store writes a changed Doc back into the exchange.
func Store(ex *guard.Exchange, target Target, b []byte) {
	if target == InParams {
		ex.Params = b
	} else {
		ex.Result = b
	}
}

func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0]
}
