package mcp

import "testing"

func TestArgumentsAlias(t *testing.T) {
	for _, tc := range []struct {
		params string
		want   bool
	}{
		{`{"name":"t","arguments":{"a":1}}`, false},
		{`{"name":"t","Arguments":{"a":1}}`, true},
		{`{"name":"t","ARGUMENTS":{}}`, true},
		{`{"name":"t","argumentſ":{}}`, true},
		{`{"name":"t","argument\u017f":{}}`, true},
		{`{"name":"argument","arguments":{"argument":"arguments"}}`, false},
		{`{"name":"t","argumentsX":{}}`, false},
		{`[1]`, false},
	} {
		if got := ArgumentsAlias([]byte(tc.params), nil); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.params, got, tc.want)
		}
	}
	if !ArgumentsAlias(nil, map[string]any{"name": "t", "Arguments": 1}) || ArgumentsAlias(nil, map[string]any{"arguments": 1}) {
		t.Error("decoded form")
	}
}
