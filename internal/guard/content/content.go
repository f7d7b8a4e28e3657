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
	edits  []edit
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
// strict base64 first; failing that, as JavaScript's Buffer does (the
// alphabet of either variant, spaces and other stray characters skipped,
// padding optional, decoding ends at '='), which accepts everything atob
// and Python's b64decode accept. A field the guards skip as "not base64"
// must not be text that a client decodes after all.
func decodeBase64(s string) ([]byte, bool) {
	if b, err := base64.StdEncoding.DecodeString(s); err == nil {
		return b, true
	}
	clean := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
		case c == '-':
			c = '+'
		case c == '_':
			c = '/'
		case c == '=':
			i = len(s)
			continue
		default:
			continue
		}
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
		d.blocks(t.get(r, "content"), -1)
		d.generic(t.get(r, "structuredContent"), Data, -1)
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
	case ElicitationRequest:
		d.add(Text, -1, t.get(r, "message"))
		d.add(Link, -1, t.get(r, "url"))
	case ToolCall, PromptGet:
		d.generic(t.get(r, "arguments"), Data, -1)
		d.generic(t.get(r, "inputResponses"), Data, -1)
	case CompletionRequest:
		d.generic(t.get(r, "argument"), Data, -1)
		d.generic(t.get(r, "context"), Data, -1)
	case ResourceRequest:
		d.add(Link, -1, t.get(r, "uri"))
		d.generic(t.get(r, "inputResponses"), Data, -1)
	case SamplingAnswer:
		if c := t.get(r, "content"); t.kind(c) == kArr {
			d.blocks(c, -1)
		} else {
			d.block(c, -1)
		}
	case ElicitationAnswer:
		d.generic(t.get(r, "content"), Data, -1)
	case None:
	}
}

// generic yields every string under n except under _meta keys.
func (d *Doc) generic(n nid, k Kind, block int) {
	switch d.t.kind(n) {
	case kStr:
		d.add(k, block, n)
	case kArr:
		for _, e := range d.t.items(n) {
			d.generic(e, k, block)
		}
	case kObj:
		for _, m := range d.t.kids(n) {
			if m.key != "_meta" {
				d.generic(m.val, k, block)
			}
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
		d.generic(t.get(b, "input"), Data, bi)
		return
	case "tool_result":
		d.blocks(t.get(b, "content"), bi)
		d.generic(t.get(b, "structuredContent"), Data, bi)
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
	if Textual(d.str(t.get(r, "mimeType"))) {
		d.add(Blob, bi, t.get(r, "blob"))
	}
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
