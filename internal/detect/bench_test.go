package detect

import (
	"bufio"
	"os"
	"testing"
)

// serverTools loads the committed benign tool lists: real tools with
// long schemas, a fair stand-in for a large server.
func serverTools(tb testing.TB, n int) []ToolText {
	tb.Helper()
	f, err := os.Open("data/benign_npm_tools.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	var tools []ToolText
	for sc.Scan() && len(tools) < n {
		t, err := ToolFromJSON(sc.Bytes())
		if err != nil {
			tb.Fatal(err)
		}
		tools = append(tools, t)
	}
	if len(tools) < n {
		tb.Fatalf("only %d tools", len(tools))
	}
	return tools
}

// BenchmarkScanTools100 is one server's whole tool list of 100 tools.
func BenchmarkScanTools100(b *testing.B) {
	d, err := NewPoisoning(Options{})
	if err != nil {
		b.Fatal(err)
	}
	tools := serverTools(b, 100)
	var size int64
	for _, t := range tools {
		for _, f := range t.Fields {
			size += int64(len(f.Text))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range tools {
			d.ScanTool(t)
		}
	}
}
