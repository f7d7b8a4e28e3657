package poisoning

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/warden-mcp/warden/internal/guard"
)

// serverTools reads n real tool definitions from the detector's committed
// benign npm tool lists.
func serverTools(tb testing.TB, n int) []guard.Item {
	tb.Helper()
	f, err := os.Open("../../detect/data/benign_npm_tools.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []guard.Item
	for sc.Scan() && len(out) < n {
		var obj struct {
			Name string `json:"name"`
		}
		line := append([]byte(nil), sc.Bytes()...)
		if json.Unmarshal(line, &obj) != nil || obj.Name == "" {
			continue
		}
		out = append(out, guard.Item{Kind: "tool", Name: obj.Name, Raw: line})
	}
	if len(out) < n {
		tb.Fatalf("only %d tools", len(out))
	}
	return out
}

// BenchmarkList100 is a repeated listing of one server's 100 tools: after
// the first, results come from the cache keyed by the tool's bytes.
func BenchmarkList100(b *testing.B) {
	g, err := New(DefaultSettings(), testDetector(b), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	items := serverTools(b, 100)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		ex := listEx("npm", append([]guard.Item(nil), items...)...)
		if _, err := g.Inspect(ctx, ex); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkList100Cold is the first listing: every tool scanned.
func BenchmarkList100Cold(b *testing.B) {
	items := serverTools(b, 100)
	det := testDetector(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		g, err := New(DefaultSettings(), det, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		ex := listEx("npm", append([]guard.Item(nil), items...)...)
		b.StartTimer()
		if _, err := g.Inspect(ctx, ex); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRealToolsNotHidden(t *testing.T) {
	g, err := New(DefaultSettings(), testDetector(t), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ex := listEx("npm", serverTools(t, 100)...)
	if _, err := g.Inspect(context.Background(), ex); err != nil {
		t.Fatal(err)
	}
	for _, it := range ex.Items {
		if it.Hidden {
			t.Errorf("benign tool %s hidden", it.Name)
		}
	}
}
