package detect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/warden-mcp/warden/internal/mcp"
)

// Field is one piece of text a server shows the model, with where it sits.
type Field struct {
	Path string // e.g. "description", "inputSchema.properties.note.description"
	Text string
}

// ToolText is every string of a tool definition that reaches the model.
type ToolText struct {
	Name   string
	Fields []Field
	// Params are the top-level input parameter names: a description that
	// points at one of them, or at Name, is not pointing at another tool.
	Params []string
}

// maxSchemaDepth bounds the walk over nested schemas.
const maxSchemaDepth = 32

// ToolFromJSON extracts the model-visible strings of an MCP tool object:
// name, title, description, annotations, and every title, description,
// default, enum, const and example string inside inputSchema and
// outputSchema. _meta is skipped: clients do not show it to the model.
func ToolFromJSON(raw []byte) (ToolText, error) {
	// Most definitions take the fast reader (tooljson.go), which declines
	// exactly what the map path below would not decode to an object.
	if t, ok := toolFromJSONFast(raw); ok {
		return t, nil
	}
	return toolFromJSONMap(raw)
}

// toolFromJSONMap is ToolFromJSON through maps: the reference the fast
// reader is tested against, and the path for input it declines.
func toolFromJSONMap(raw []byte) (ToolText, error) {
	// mcp.DecodeAny builds the same map without encoding/json's
	// reflection, several times faster. What it refuses (trailing data,
	// deep nesting, malformed input) or what is not an object takes the
	// encoding/json path, so results and errors stay exactly as they were.
	if v, err := mcp.DecodeAny(raw); err == nil {
		if obj, ok := v.(map[string]any); ok {
			return ToolFromMap(obj), nil
		}
	}
	return toolFromJSONStd(raw)
}

// toolFromJSONStd is ToolFromJSON with encoding/json: it reads the first
// JSON value only, as ToolFromJSON always has.
func toolFromJSONStd(raw []byte) (ToolText, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return ToolText{}, fmt.Errorf("decoding tool: %w", err)
	}
	return ToolFromMap(obj), nil
}

// ToolFromMap is ToolFromJSON for an already decoded object.
func ToolFromMap(obj map[string]any) ToolText {
	var t ToolText
	if s, ok := obj["name"].(string); ok {
		t.Name = s
		t.Fields = append(t.Fields, Field{Path: "name", Text: s})
	}
	for _, k := range [...]string{"title", "description"} {
		if s, ok := obj[k].(string); ok && s != "" {
			t.Fields = append(t.Fields, Field{Path: k, Text: s})
		}
	}
	if a, ok := obj["annotations"].(map[string]any); ok {
		walkStrings(&t.Fields, "annotations", a, 0)
	}
	for _, k := range [...]string{"inputSchema", "outputSchema", "input_schema", "parameters"} {
		if s, ok := obj[k].(map[string]any); ok {
			walkSchema(&t.Fields, k, s, 0)
			if k != "outputSchema" {
				if props, ok := s["properties"].(map[string]any); ok {
					t.Params = sortedKeysInto(t.Params, props)
				}
			}
		}
	}
	return t
}

// schemaText reports whether a schema keyword's string values reach the model.
func schemaText(k string) bool {
	switch k {
	case "title", "description", "default", "enum", "const", "examples", "$comment", "markdownDescription":
		return true
	}
	return false
}

// Full-schema poisoning (round 28): the model reads the whole schema, not
// only its text keywords, so an instruction can sit in a keyword the walk
// above skipped — a "type" that is not a type, a "required" entry that is
// a sentence, a vendor key ("x-note", "instructions"), or a parameter name
// that spells an order ("content_from_reading_ssh_id_rsa").

// schemaOther reports whether the string value v of schema keyword k (not
// a text keyword, not a structural one) is text the model reads: anything
// but a JSON type name under "type" and the machine-valued keywords.
func schemaOther(k, v string) bool {
	if k == "type" {
		return v != "" && !jsonTypeName(v)
	}
	return v != "" && !machineValued(k)
}

// machineValued reports a schema keyword whose string value is for
// validators, not for the model.
func machineValued(k string) bool {
	switch k {
	case "format", "pattern", "$ref", "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor",
		"contentMediaType", "contentEncoding", "$recursiveRef":
		return true
	}
	return false
}

// jsonTypeName reports a JSON Schema type name.
func jsonTypeName(v string) bool {
	switch v {
	case "string", "number", "integer", "boolean", "object", "array", "null", "any":
		return true
	}
	return false
}

// requiredText reports whether a "required" entry is text rather than a
// parameter name: it has a space in it. (Generic so that the fast reader
// checks raw bytes without decoding every entry.)
func requiredText[T string | []byte](v T) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c == ' ' || c == '\t' || c == '\n' {
			return true
		}
	}
	return false
}

// longParamName reports a parameter name long enough to carry an order:
// four or more parts joined by _ or -, or any space ("file_path" and
// "maxResults" are not).
func longParamName[T string | []byte](name T) bool {
	parts := 1
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case ' ', '\t', '\n':
			return true
		case '_', '-':
			parts++
		}
	}
	return parts >= 4
}

// paramNameText returns a long parameter name (longParamName) as the
// text the detector reads.
func paramNameText(name string) (string, bool) {
	if !longParamName(name) {
		return "", false
	}
	if requiredText(name) {
		return name, true
	}
	// Both forms: the rules read paths and file names as written
	// ("id_rsa") and orders as words ("reading ssh").
	return name + ": " + strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return ' '
		}
		return r
	}, name), true
}

func walkSchema(out *[]Field, path string, s map[string]any, depth int) {
	if depth > maxSchemaDepth {
		return
	}
	var kb [keyBuf]string // most schemas are small: keys stay on the stack
	for _, k := range sortedKeysInto(kb[:0], s) {
		v := s[k]
		// The path is built only where it is used: most keys ("type",
		// "required", numbers) lead to no text.
		switch {
		case schemaText(k):
			walkStrings(out, path+"."+k, v, depth+1)
		case k == "properties" || k == "patternProperties" || k == "$defs" || k == "definitions" || k == "dependentSchemas":
			if m, ok := v.(map[string]any); ok {
				p := path + "." + k
				var nb [keyBuf]string
				for _, name := range sortedKeysInto(nb[:0], m) {
					if k == "properties" {
						if txt, ok := paramNameText(name); ok {
							*out = append(*out, Field{Path: p + "." + name + ".(name)", Text: txt})
						}
					}
					if sub, ok := m[name].(map[string]any); ok {
						walkSchema(out, p+"."+name, sub, depth+1)
					}
				}
			}
		default:
			switch sv := v.(type) {
			case string:
				if schemaOther(k, sv) {
					*out = append(*out, Field{Path: path + "." + k, Text: sv})
				}
			case map[string]any: // items, additionalProperties, not, if/then/else...
				walkSchema(out, path+"."+k, sv, depth+1)
			case []any: // anyOf, oneOf, allOf, prefixItems; "required", "type" lists
				for i, e := range sv {
					switch ev := e.(type) {
					case map[string]any:
						walkSchema(out, path+"."+k+"["+strconv.Itoa(i)+"]", ev, depth+1)
					case string:
						if k == "required" && requiredText(ev) || k == "type" && schemaOther(k, ev) {
							*out = append(*out, Field{Path: path + "." + k + "[" + strconv.Itoa(i) + "]", Text: ev})
						}
					}
				}
			}
		}
	}
}

func walkStrings(out *[]Field, path string, v any, depth int) {
	if depth > maxSchemaDepth {
		return
	}
	switch x := v.(type) {
	case string:
		if x != "" {
			*out = append(*out, Field{Path: path, Text: x})
		}
	case []any:
		for i, e := range x {
			walkStrings(out, path+"["+strconv.Itoa(i)+"]", e, depth+1)
		}
	case map[string]any:
		var kb [keyBuf]string
		for _, k := range sortedKeysInto(kb[:0], x) {
			walkStrings(out, path+"."+k, x[k], depth+1)
		}
	}
}

// keyBuf is the number of keys sorted without a heap allocation.
const keyBuf = 16

// sortedKeysInto appends m's keys to dst and sorts them.
func sortedKeysInto(dst []string, m map[string]any) []string {
	for k := range m {
		dst = append(dst, k)
	}
	slices.Sort(dst)
	return dst
}
