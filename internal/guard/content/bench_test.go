package content

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// ToolResult100K is a realistic 100 KB tools/call result: one text block of
// prose with newlines and quotes, as a search or file-reading tool returns.
func ToolResult100K(tb testing.TB) []byte {
	tb.Helper()
	var b strings.Builder
	for i := 0; b.Len() < 100<<10; i++ {
		fmt.Fprintf(&b, "Line %d: the quarterly report for \"region %d\" shows revenue grew by %d%% while costs fell.\n", i, i%17, i%31)
	}
	raw, err := json.Marshal(map[string]any{"content": []any{map[string]any{"type": "text", "text": b.String()}}})
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

// structured100K is a 100 KB result of many small strings
// (structuredContent rows), the walker's worst case per byte.
func structured100K(tb testing.TB) []byte {
	rows := []map[string]any{}
	n := 0
	for i := 0; n < 100<<10; i++ {
		r := map[string]any{"id": i, "name": fmt.Sprintf("customer %d", i), "note": "prefers email, renews in March", "tags": []string{"a", "b"}}
		rows = append(rows, r)
		n += 90
	}
	raw, _ := json.Marshal(map[string]any{"content": []any{map[string]any{"type": "text", "text": "see structured"}}, "structuredContent": map[string]any{"rows": rows}})
	return raw
}

func benchParse(b *testing.B, raw []byte) {
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(ToolResult, raw)
		if err != nil {
			b.Fatal(err)
		}
		d.Joined("\n\n")
	}
}

func BenchmarkWalkText100K(b *testing.B)       { benchParse(b, ToolResult100K(b)) }
func BenchmarkWalkStructured100K(b *testing.B) { benchParse(b, structured100K(b)) }

func BenchmarkRewrite100K(b *testing.B) {
	raw := ToolResult100K(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(ToolResult, raw)
		if err != nil {
			b.Fatal(err)
		}
		t := d.Text(0)
		d.Set(0, t[:100]+"[removed]"+t[200:])
		_ = d.Bytes()
	}
}
