package mcp

import (
	"bytes"
	"encoding/json"
	"strings"
)

// ArgumentsAlias reports whether params (a tools/call's or prompts/get's)
// has a top-level member that is not "arguments" but that Go's
// encoding/json, which matches member names case-insensitively (folding
// U+017F to s), would decode as the arguments: a Go server would run with
// arguments no guard read. decoded, when not nil, is params already
// decoded, which spares a second decoding.
func ArgumentsAlias(params []byte, decoded map[string]any) bool {
	if decoded != nil {
		for k := range decoded {
			if k != "arguments" && strings.EqualFold(k, "arguments") {
				return true
			}
		}
		return false
	}
	if !mayAliasArguments(params) {
		return false
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(params, &top) != nil {
		return false // not an object: the shape checks refuse it
	}
	for k := range top {
		if k != "arguments" && strings.EqualFold(k, "arguments") {
			return true
		}
	}
	return false
}

// mayAliasArguments is a cheap test that params could hold such a member:
// an escape anywhere, or "argument" in another case or not followed by
// `s"`. Only "s" in "arguments" has a non-ASCII fold.
func mayAliasArguments(p []byte) bool {
	if bytes.IndexByte(p, '\\') >= 0 {
		return true
	}
	const word = "argument"
	for i := 0; i+len(word) <= len(p); i++ {
		if p[i]|0x20 != 'a' || !bytes.EqualFold(p[i:i+len(word)], []byte(word)) {
			continue
		}
		if string(p[i:i+len(word)]) != word || !bytes.HasPrefix(p[i+len(word):], []byte(`s"`)) {
			return true
		}
	}
	return false
}
