package detect

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
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

// pairedRuns runs base and cand once each per iteration of b, in
// alternating order, and returns the medians of the per-iteration ratios
// (cand/base) and differences (cand-base). This VM's speed drifts by tens
// of percent between runs and within seconds; two runs a few hundred
// microseconds apart meet the same conditions, so their ratio does not
// drift (session 25; rule 5 of the detection rounds is a 3% bound).
func pairedRuns(b *testing.B, base, cand func()) (ratio float64, diff time.Duration) {
	timed := func(f func()) time.Duration {
		t := time.Now()
		f()
		return time.Since(t)
	}
	var ratios []float64
	var diffs []time.Duration
	i := 0
	for b.Loop() {
		var tb, tc time.Duration
		if i++; i%2 == 0 {
			tb, tc = timed(base), timed(cand)
		} else {
			tc, tb = timed(cand), timed(base)
		}
		ratios = append(ratios, float64(tc)/float64(tb))
		diffs = append(diffs, tc-tb)
	}
	slices.Sort(ratios)
	slices.Sort(diffs)
	return ratios[len(ratios)/2], diffs[len(diffs)/2]
}

// BenchmarkScanTools100NoisePaired scans the 100 tools with the poisoning
// detector as built (its unscrambler reads Best-of-N noise, round 97) and
// with a copy whose unscrambler does not (pairedRuns): the median ratio
// noised/plain.
func BenchmarkScanTools100NoisePaired(b *testing.B) {
	d, err := NewPoisoning(Options{})
	if err != nil {
		b.Fatal(err)
	}
	plain, err := NewPoisoning(Options{})
	if err != nil {
		b.Fatal(err)
	}
	plain.unscr = newUnscrambler(poisonScrambleVocab)
	tools := serverTools(b, 100)
	scan := func(d *Detector) func() {
		return func() {
			for _, t := range tools {
				d.ScanTool(t)
			}
		}
	}
	ratio, _ := pairedRuns(b, scan(plain), scan(d))
	b.ReportMetric(ratio, "ratio")
}

// BenchmarkScanToolLong is the longest tool of those lists, the reference
// servers' sequentialthinking (3 KB of how-to over 12 fields): the words
// it shares with other languages' override rules ("Ignore information
// that is irrelevant") once made it a fifth of the 100-tool scan.
func BenchmarkScanToolLong(b *testing.B) {
	d, err := NewPoisoning(Options{})
	if err != nil {
		b.Fatal(err)
	}
	tools := serverTools(b, 100)
	t := tools[88]
	if t.Name != "sequentialthinking" {
		b.Fatalf("tool 88 is %q", t.Name)
	}
	b.ReportAllocs()
	for b.Loop() {
		d.ScanTool(t)
	}
}

// BenchmarkFeatures100 is the classifier's features of a 100-tool list's
// text, as ScanTools100 computes them tool by tool.
func BenchmarkFeatures100(b *testing.B) {
	var texts []string
	var size int64
	for _, t := range serverTools(b, 100) {
		var sb strings.Builder
		for _, f := range t.Fields {
			for _, seg := range Segments(f.Text) {
				sb.WriteString(seg.Norm.Text)
				sb.WriteByte(' ')
			}
		}
		texts = append(texts, sb.String())
		size += int64(sb.Len())
	}
	b.SetBytes(size)
	var dst []uint32
	for b.Loop() {
		for _, s := range texts {
			dst = Features(dst[:0], s, 18, FeatWords|FeatBigrams|FeatTrigrams|FeatChars)
		}
	}
}

// BenchmarkToolFromJSON100 is the decoding of one server's 100 tool
// definitions, as the poisoning guard's first listing does it.
func BenchmarkToolFromJSON100(b *testing.B) {
	f, err := os.Open("data/benign_npm_tools.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	var raws [][]byte
	var size int64
	for sc.Scan() && len(raws) < 100 {
		raws = append(raws, append([]byte(nil), sc.Bytes()...))
		size += int64(len(sc.Bytes()))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range raws {
			if _, err := ToolFromJSON(raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}
