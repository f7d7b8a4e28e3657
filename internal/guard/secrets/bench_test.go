package secretsguard

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/guard"
)

// structured100K is a 100 KB tool result of many small strings
// (structuredContent rows): the guard's worst case per byte, since each
// value is scanned with its member name as context.
func structured100K(tb testing.TB) json.RawMessage {
	tb.Helper()
	var rows []map[string]any
	for n, i := 0, 0; n < 100<<10; i++ {
		rows = append(rows, map[string]any{"id": i, "name": fmt.Sprintf("customer %d", i),
			"note": "prefers email, renews in March", "tags": []string{"a", "b"}})
		n += 90
	}
	raw, err := json.Marshal(map[string]any{"content": []any{map[string]any{"type": "text", "text": "see structured"}},
		"structuredContent": map[string]any{"rows": rows}})
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

func text100K(tb testing.TB) json.RawMessage {
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

func benchInspect(b *testing.B, raw json.RawMessage) {
	g := build(b, "", flow.New(flow.Options{}), nil)
	ctx := context.Background()
	run := func() {
		ex := &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: "s", Name: "t", Session: sess, Result: raw}
		if v, err := g.Inspect(ctx, ex); err != nil || v.Action != guard.Allow {
			b.Fatal(v, err)
		}
	}
	run() // builds the scanner
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		run()
	}
}

func BenchmarkStructured100K(b *testing.B) { benchInspect(b, structured100K(b)) }
func BenchmarkText100K(b *testing.B)       { benchInspect(b, text100K(b)) }
