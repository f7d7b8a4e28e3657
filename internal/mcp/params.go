package mcp

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Object is a JSON object decoded one level deep, so a field can be read or
// replaced without touching the rest.
type Object map[string]json.RawMessage

// ParseObject decodes a raw JSON object; nil or empty input gives an empty
// object.
func ParseObject(raw json.RawMessage) (Object, error) {
	o := Object{}
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return o, nil
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		return nil, fmt.Errorf("expected a JSON object: %w", err)
	}
	if o == nil {
		o = Object{}
	}
	return o, nil
}

// Encode serialises the object.
func (o Object) Encode() json.RawMessage {
	b, err := json.Marshal(map[string]json.RawMessage(o))
	if err != nil {
		// Only invalid raw values can fail; they came from a parse, so
		// this is a programming error worth surfacing loudly in tests.
		panic(fmt.Sprintf("mcp: encoding object: %v", err))
	}
	return b
}

// String returns a string field, or "" when absent or not a string.
func (o Object) String(key string) string {
	r, ok := o[key]
	if !ok || len(r) == 0 || r[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(r, &s) != nil {
		return ""
	}
	return s
}

// Set marshals v into the field.
func (o Object) Set(key string, v any) {
	switch v := v.(type) {
	case json.RawMessage:
		o[key] = v
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	o[key] = b
}

// Object returns a nested object field (empty when absent or malformed).
func (o Object) Object(key string) Object {
	sub, err := ParseObject(o[key])
	if err != nil {
		return Object{}
	}
	return sub
}

// StringField reads a top-level string field of a raw object without
// decoding the rest into a map.
func StringField(raw json.RawMessage, key string) string {
	return FieldString(raw, key)
}

// MetaOf returns params._meta. Only _meta is decoded: params may hold
// large arguments that need not be parsed here.
func MetaOf(params json.RawMessage) Object {
	raw, ok := Field(params, "_meta")
	if !ok {
		return Object{}
	}
	o, err := ParseObject(raw)
	if err != nil {
		return Object{}
	}
	return o
}
