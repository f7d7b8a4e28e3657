package keywords

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// naive finds every occurrence the slow way, in Scan's order.
func naive(words []string, s string) []Match {
	var out []Match
	for i, w := range words {
		lw := asciiLower(w)
		for off := 0; off+len(lw) <= len(s); off++ {
			if asciiLower(s[off:off+len(lw)]) == lw {
				out = append(out, Match{Keyword: i, Start: off, End: off + len(lw)})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		if a.End != b.End {
			return a.End - b.End
		}
		return 0
	})
	return out
}

func asciiLower(s string) string {
	b := []byte(s)
	for i := range b {
		b[i] = lower(b[i])
	}
	return string(b)
}

// sameSet compares matches ignoring order among equal End.
func sameSet(a, b []Match) bool {
	key := func(m Match) [3]int { return [3]int{m.End, m.Start, m.Keyword} }
	sa, sb := slices.Clone(a), slices.Clone(b)
	cmp := func(x, y Match) int {
		kx, ky := key(x), key(y)
		return slices.Compare(kx[:], ky[:])
	}
	slices.SortFunc(sa, cmp)
	slices.SortFunc(sb, cmp)
	return slices.Equal(sa, sb)
}

func TestScan(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		text  string
		want  []Match
	}{
		{"none", []string{"abc"}, "xyz", nil},
		{"case", []string{"AKIA"}, "key akia AKIA aKiA", []Match{{0, 4, 8}, {0, 9, 13}, {0, 14, 18}}},
		{"overlap", []string{"he", "she", "his", "hers"}, "ushers", []Match{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}}},
		{"suffix", []string{"token", "ken"}, "TOKEN", []Match{{0, 0, 5}, {1, 2, 5}}},
		{"dup", []string{"ab", "ab"}, "ab", []Match{{0, 0, 2}, {1, 0, 2}}},
		{"utf8", []string{"mot de passe", "ç"}, "Mot De Passe ç Ç", []Match{{0, 0, 12}, {1, 13, 15}}},
		{"punct", []string{"-----begin", "xox"}, "-----BEGIN RSA xoxb-", []Match{{0, 0, 10}, {1, 15, 18}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := New(tt.words)
			if err != nil {
				t.Fatal(err)
			}
			got := m.AppendMatches(nil, tt.text)
			if !sameSet(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if !sameSet(got, naive(tt.words, tt.text)) {
				t.Errorf("disagrees with naive: %v vs %v", got, naive(tt.words, tt.text))
			}
			if m.Contains(tt.text) != (len(tt.want) > 0) {
				t.Errorf("Contains wrong")
			}
			var gb []Match
			m.ScanBytes([]byte(tt.text), func(x Match) bool { gb = append(gb, x); return true })
			if !slices.Equal(got, gb) {
				t.Errorf("ScanBytes %v != Scan %v", gb, got)
			}
		})
	}
}

func TestOrderAndStop(t *testing.T) {
	m := MustNew([]string{"a", "ab", "b"})
	got := m.AppendMatches(nil, "abab")
	for i := 1; i < len(got); i++ {
		if got[i].End < got[i-1].End {
			t.Fatalf("not ordered by End: %v", got)
		}
	}
	n := 0
	m.Scan("abab", func(Match) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("stop ignored: %d calls", n)
	}
	if f, ok := m.First("xxab"); !ok || f.End != 3 {
		t.Errorf("First = %v %v", f, ok)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New([]string{"a", ""}); err == nil {
		t.Error("empty keyword accepted")
	}
	m, err := New(nil)
	if err != nil || m.Contains("anything") {
		t.Errorf("empty set: %v", err)
	}
}

// TestWideAlphabet uses every byte value, so rows are as wide as they
// get, through both the short scan and the four walks.
func TestWideAlphabet(t *testing.T) {
	r := rand.New(rand.NewPCG(29, 1))
	var words []string
	for b := range 256 {
		if r.IntN(3) == 0 {
			words = append(words, string([]byte{byte(b)}))
		}
		words = append(words, string([]byte{byte(b), byte(r.IntN(256)), byte(r.IntN(256))}))
	}
	m, err := New(words)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{200, 9000} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		text := string(b)
		var got []Match
		m.Scan(text, func(x Match) bool { got = append(got, x); return true })
		if want := naive(words, text); !sameSet(got, want) {
			t.Fatalf("%d bytes: %d matches, want %d", n, len(got), len(want))
		}
	}
}

// TestWalks checks the four-walk path of long texts against the naive
// matcher: matches at, before and across the cuts, keywords longer than
// a quarter of the text, more held matches than a walk keeps (it stops and
// finishes alone), and stops in any walk.
func TestWalks(t *testing.T) {
	words := []string{"ab", "abcab", "b", "cabca", strings.Repeat("x", 40) + "y", "q", strings.Repeat("w", 1500) + "v"}
	m := MustNew(words)
	cases := []struct {
		n    int
		unit string
	}{}
	for _, n := range []int{walksMin, walksMin + 1, walksMin + 2, walksMin + 3, 3*walksMin + 7} {
		// The last unit puts few matches, then many, in the later parts.
		for _, unit := range []string{"abc", "xcabcaby", "zz" + strings.Repeat("x", 40) + "yb", strings.Repeat("z", 600) + "q", strings.Repeat("w", 1510) + "vab"} {
			cases = append(cases, struct {
				n    int
				unit string
			}{n, unit})
		}
	}
	// Dense: each later walk holds more than walkBuf matches.
	cases = append(cases, struct {
		n    int
		unit string
	}{8*walkBuf + 5, "qbq"}, struct {
		n    int
		unit string
	}{8*walkBuf + 6, "qz"})
	for _, tc := range cases {
		n, unit := tc.n, tc.unit
		text := strings.Repeat(unit, n/len(unit)+1)[:n]
		got := m.AppendMatches(nil, text)
		if want := naive(words, text); !sameSet(got, want) {
			t.Fatalf("n=%d unit %q: %d matches, naive %d", n, unit, len(got), len(want))
		}
		for i := 1; i < len(got); i++ {
			if got[i].End < got[i-1].End {
				t.Fatalf("n=%d unit %q: unordered at %d", n, unit, i)
			}
		}
		for _, stop := range []int{1, len(got) / 4, len(got) / 2, 3 * len(got) / 4, len(got) - 1} {
			k := 0
			m.Scan(text, func(x Match) bool {
				if x != got[k] {
					t.Fatalf("n=%d: call %d got %v, want %v", n, k, x, got[k])
				}
				k++
				return k < stop
			})
			if k != min(stop, len(got)) {
				t.Fatalf("n=%d: stop after %d, made %d calls", n, stop, k)
			}
		}
	}
}

func TestNoAllocs(t *testing.T) {
	m := MustNew([]string{"secret", "token", "ghp_", "akia"})
	text := strings.Repeat("the quick brown fox jumps over the lazy dog ", 50)
	// A long text scans in four walks; their held matches are recycled.
	long := strings.Repeat("the quick brown fox jumps over the secret lazy dog ", 200)
	if a := testing.AllocsPerRun(100, func() { m.Scan(long, func(Match) bool { return true }) }); a != 0 && !raceEnabled {
		t.Errorf("Scan of a long text allocates %v per run", a)
	}
	if a := testing.AllocsPerRun(100, func() { m.Scan(text, func(Match) bool { return true }) }); a != 0 {
		t.Errorf("Scan allocates %v per run", a)
	}
	if a := testing.AllocsPerRun(100, func() {
		var c Cursor
		for _, ok := m.Next(text, &c); ok; _, ok = m.Next(text, &c) {
		}
	}); a != 0 {
		t.Errorf("Next allocates %v per run", a)
	}
	if a := testing.AllocsPerRun(100, func() { m.Contains(text) }); a != 0 {
		t.Errorf("Contains allocates %v per run", a)
	}
}

func FuzzKeywords(f *testing.F) {
	f.Add("he\x00she\x00hers", "ushers and HERS")
	f.Add("token\x00ken\x00k", "TOKEN tok ken")
	f.Add("ab\x00b\x00abc", "abcabcABC")
	f.Fuzz(func(t *testing.T, ws, text string) {
		var words []string
		for _, w := range strings.Split(ws, "\x00") {
			if w != "" && len(words) < 20 {
				words = append(words, w)
			}
		}
		if len(text) > 2000 {
			text = text[:2000]
		}
		if len(text) > 0 && len(text) < 64 {
			// Long enough for the four-walk path too.
			text = strings.Repeat(text, walksMin/len(text)+2)
		}
		m, err := New(words)
		if err != nil {
			t.Fatal(err)
		}
		got := m.AppendMatches(nil, text)
		var viaNext []Match
		var c Cursor
		for x, ok := m.Next(text, &c); ok; x, ok = m.Next(text, &c) {
			viaNext = append(viaNext, x)
		}
		if !slices.Equal(got, viaNext) {
			t.Fatalf("Next %v != Scan %v", viaNext, got)
		}
		want := naive(words, text)
		if !sameSet(got, want) {
			t.Fatalf("words %q text %q: got %v want %v", words, text, got, want)
		}
		for i := 1; i < len(got); i++ {
			if got[i].End < got[i-1].End {
				t.Fatalf("unordered %v", got)
			}
		}
	})
}

// TestConcurrentWalks scans long texts from many goroutines at once: the
// walks' recycled lists must not be shared between scans (run with -race).
func TestConcurrentWalks(t *testing.T) {
	words := []string{"secret", "token", "ab", "b"}
	m := MustNew(words)
	texts := []string{
		strings.Repeat("the secret token is ab ", 400),
		strings.Repeat("abababab b ", 2000),
		strings.Repeat("nothing here at all ", 300),
	}
	want := make([][]Match, len(texts))
	for i, s := range texts {
		want[i] = naive(words, s)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(texts)
				if got := m.AppendMatches(nil, texts[i]); !sameSet(got, want[i]) {
					t.Errorf("goroutine %d, text %d: %d matches, want %d", g, i, len(got), len(want[i]))
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestRandomSetsMatchNaive builds many small automata over a tiny
// alphabet, where failure chains are long and outputs are inherited
// through several links, and checks every occurrence against naive.
func TestRandomSetsMatchNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 1))
	const alpha = "abAB.-\xc3\xa9"
	pick := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		return string(b)
	}
	for it := range 2000 {
		words := make([]string, 1+r.IntN(30))
		for i := range words {
			words[i] = pick(1 + r.IntN(6))
		}
		m, err := New(words)
		if err != nil {
			t.Fatal(err)
		}
		text := pick(r.IntN(120))
		var got []Match
		m.Scan(text, func(x Match) bool { got = append(got, x); return true })
		if want := naive(words, text); !sameSet(got, want) {
			t.Fatalf("set %d %q in %q:\n got %v\nwant %v", it, words, text, got, want)
		}
	}
}
