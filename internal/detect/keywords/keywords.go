// Package keywords finds many keywords in text at once, ASCII
// case-insensitively, in one linear pass (Aho-Corasick compiled to a DFA
// over byte classes). Detectors use it as a prefilter: only text near a
// keyword hit is handed to the slower regular expressions.
//
// A Matcher is immutable after New and safe for concurrent use. Scanning
// allocates nothing unless the caller's callback does.
package keywords

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"unsafe"
)

// Match is one keyword occurrence: Keyword indexes the slice given to New,
// [Start, End) are byte offsets in the scanned text.
type Match struct {
	Keyword    int
	Start, End int
}

// Matcher is a compiled keyword set.
type Matcher struct {
	words []string
	// cls maps a byte to its class; bytes that occur in no keyword share
	// class 0. Upper- and lower-case ASCII letters share a class.
	cls  [256]uint16
	ncls int
	// delta[s+c] is the next state for state index s (premultiplied by
	// ncls) and byte class c. The top bit marks states that end a keyword.
	delta []uint32
	// outs[outIdx[state] : outIdx[state+1]] lists the keywords ending at
	// a state (its own and those reached through suffix links).
	outIdx []int32
	outs   []int32
	maxLen int
	// pair[a*ncls+b] marks byte classes a, b that begin some keyword (any
	// b when a alone is one). In the root state a position whose pair is
	// unmarked starts no keyword, and the state after it is the root's
	// transition on the next byte, so the scan loops skip it: with
	// hundreds of keywords nearly every letter is a start byte, but far
	// fewer pairs are.
	pair *[1 << 16]bool
	// walks recycles scanWalks' held-match lists (*walkScratch), so a
	// long scan allocates nothing once warm.
	walks sync.Pool
}

const outBit = 1 << 31

// MaxStates bounds the automaton; keyword sets are expected to be small
// (hundreds of words), so anything near this is a mistake.
const MaxStates = 1 << 20

// New compiles words. Empty words are an error; duplicates are allowed
// (each index is reported). Matching folds ASCII letters only: other
// bytes, including UTF-8 sequences, must match exactly.
func New(words []string) (*Matcher, error) {
	m := &Matcher{words: append([]string(nil), words...)}
	total := 1
	for i, w := range words {
		if w == "" {
			return nil, fmt.Errorf("compiling keywords: keyword %d is empty", i)
		}
		total += len(w)
		m.maxLen = max(m.maxLen, len(w))
	}
	if total > MaxStates {
		return nil, errors.New("compiling keywords: too many keyword bytes")
	}
	// Byte classes: every distinct folded byte used by a keyword.
	var seen [256]bool
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			seen[lower(w[i])] = true
		}
	}
	m.ncls = 1
	for b := 0; b < 256; b++ {
		if seen[b] {
			m.cls[b] = uint16(m.ncls)
			m.ncls++
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		m.cls[b] = m.cls[b+'a'-'A']
	}
	m.pair = new([1 << 16]bool)
	cases := func(c byte) []byte {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return []byte{c | 0x20, c &^ 0x20}
		}
		return []byte{c}
	}
	for _, w := range words {
		for _, a := range cases(w[0]) {
			if len(w) == 1 {
				for b := 0; b < 256; b++ {
					m.pair[int(a)<<8|b] = true
				}
				continue
			}
			for _, b := range cases(w[1]) {
				m.pair[int(a)<<8|int(b)] = true
			}
		}
	}

	// Trie: children as short edge lists (most states have one or two),
	// found by a linear search; a map per state made construction the
	// larger part of the detectors' start-up.
	type edge struct {
		c uint16
		n int32
	}
	type node struct {
		edges []edge
		fail  int32
		out   []int32
	}
	childOf := func(nd *node, c uint16) (int32, bool) {
		for _, e := range nd.edges {
			if e.c == c {
				return e.n, true
			}
		}
		return 0, false
	}
	nodes := make([]node, 1, total)
	for i, w := range words {
		s := int32(0)
		for j := 0; j < len(w); j++ {
			c := m.cls[w[j]]
			n, ok := childOf(&nodes[s], c)
			if !ok {
				n = int32(len(nodes))
				nodes = append(nodes, node{})
				nodes[s].edges = append(nodes[s].edges, edge{c, n})
			}
			s = n
		}
		nodes[s].out = append(nodes[s].out, int32(i))
	}
	for i := range nodes {
		slices.SortFunc(nodes[i].edges, func(a, b edge) int { return int(a.c) - int(b.c) })
	}
	// Breadth-first, children in class order, states numbered (ranked)
	// in that order: the shallow states, where a scan spends nearly all
	// its time, share a few cache lines of delta instead of being spread
	// over a table of megabytes. A state's row is its failure target's,
	// already complete, with its own edges over it; a child's failure
	// target is read from that row before its own edge replaces it.
	ns := len(nodes)
	m.delta = make([]uint32, ns*m.ncls)
	order := make([]int32, 1, ns) // rank -> state; the root is rank 0
	for r := 0; r < len(order); r++ {
		s := order[r]
		row := m.delta[r*m.ncls : (r+1)*m.ncls]
		if s != 0 {
			f := m.delta[int(nodes[s].fail)*m.ncls:]
			copy(row, f[:m.ncls])
		}
		for _, e := range nodes[s].edges {
			child := &nodes[e.n]
			var inherited uint32
			if s != 0 {
				v := row[e.c]
				child.fail = int32(v &^ outBit / uint32(m.ncls)) // a rank, not a state
				inherited = v & outBit
			}
			v := uint32(len(order)*m.ncls) | inherited
			if len(child.out) > 0 {
				v |= outBit
			}
			row[e.c] = v
			order = append(order, e.n)
		}
	}
	// Failure links are ranks; outputs merge in BFS order so a state's
	// failure target is complete first.
	for _, s := range order[1:] {
		if f := order[nodes[s].fail]; len(nodes[f].out) > 0 {
			nodes[s].out = append(nodes[s].out, nodes[f].out...)
		}
	}
	m.outIdx = make([]int32, ns+1)
	for r, s := range order {
		m.outIdx[r] = int32(len(m.outs))
		m.outs = append(m.outs, nodes[s].out...)
	}
	m.outIdx[ns] = int32(len(m.outs))
	return m, nil
}

// MustNew is New for keyword sets fixed at compile time.
func MustNew(words []string) *Matcher {
	m, err := New(words)
	if err != nil {
		panic(err)
	}
	return m
}

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// Len is the number of keywords.
func (m *Matcher) Len() int { return len(m.words) }

// Keyword returns keyword i as given to New.
func (m *Matcher) Keyword(i int) string { return m.words[i] }

// MaxLen is the length of the longest keyword.
func (m *Matcher) MaxLen() int { return m.maxLen }

// Scan calls fn for every occurrence of every keyword in s, overlapping
// ones included, in order of their end offset. fn returns false to stop.
func (m *Matcher) Scan(s string, fn func(Match) bool) {
	scan(m, s, fn)
}

// ScanBytes is Scan over a byte slice.
func (m *Matcher) ScanBytes(b []byte, fn func(Match) bool) {
	scan(m, bytesView(b), fn)
}

// Contains reports whether any keyword occurs in s.
func (m *Matcher) Contains(s string) bool {
	_, ok := first(m, s)
	return ok
}

// ContainsBytes reports whether any keyword occurs in b.
func (m *Matcher) ContainsBytes(b []byte) bool {
	_, ok := first(m, bytesView(b))
	return ok
}

// First returns the occurrence that Scan would report first (the one that
// ends first), and false when there is none.
func (m *Matcher) First(s string) (Match, bool) {
	return first(m, s)
}

// AppendMatches appends every occurrence in s to dst and returns it.
func (m *Matcher) AppendMatches(dst []Match, s string) []Match {
	scan(m, s, func(x Match) bool {
		dst = append(dst, x)
		return true
	})
	return dst
}

func first(m *Matcher, s string) (Match, bool) {
	var got Match
	found := false
	scan(m, s, func(x Match) bool {
		got, found = x, true
		return false
	})
	return got, found
}

// walksMin is the text length from which scan walks four parts of the
// text at once. One walk is a chain of dependent table loads, each
// waiting for the one before; independent chains overlap in the CPU.
// On a 100 KB tool result with the injection and secrets keyword sets,
// four walks take half the time of two (and two a third less than one).
const walksMin = 4096

// walkBuf bounds the matches a later walk holds back while the walks
// before it are still running; past it, that walk goes on alone once
// the earlier ones are reported (keyword-dense text only).
const walkBuf = 4096

// scan, first and nextString read strings only; the []byte methods pass
// a view of the bytes (bytesView). Generic versions over both made the
// callers' callbacks and cursors escape to the heap (shape-dictionary
// calls defeat escape analysis): an allocation per scan.
func scan(m *Matcher, s string, fn func(Match) bool) {
	if len(m.words) == 0 {
		return
	}
	if len(s) >= walksMin {
		scanWalks(m, s, fn)
		return
	}
	delta, cls := m.delta, &m.cls
	st := uint32(0)
	pair := m.pair
	for i := 0; i < len(s); i++ {
		if st == 0 {
			for i+1 < len(s) && !pair[uint16(s[i])<<8|uint16(s[i+1])] {
				i++
			}
		}
		st = delta[st+uint32(cls[s[i]])]
		if st&outBit == 0 {
			continue
		}
		st &^= outBit
		if !m.emitOuts(st, i, fn) {
			return
		}
	}
}

// held is a match state a later walk keeps until the walks before it are
// reported: the keywords ending at byte pos in state st.
type held struct {
	pos int
	st  uint32
}

// walkScratch holds a scan's held matches, one list per later walk.
type walkScratch struct{ held [3][]held }

// walk is one of scanWalks' four walks: it reports the keywords that end
// in [from, to), starting at start (maxLen-1 bytes before from, in the
// root state: no keyword ending at or after from starts before that).
type walk struct {
	start, from, to int
	st              uint32
	pending         bool // stopped with a full list; its outputs at next-1 unreported
}

// hold keeps the match state st the walk reached at its step t for later
// (nothing before its from: a lead-in reports nothing). It reports false
// when the walk's list is full: the walk stops, pending.
func (w *walk) hold(l *[]held, st uint32, t int) bool {
	if w.start+t < w.from {
		return true
	}
	if len(*l) == walkBuf {
		w.pending = true
		return false
	}
	*l = append(*l, held{w.start + t, st})
	return true
}

// scanWalks is scan with the text cut in four: the first walk reports
// as it goes, the other three hold their matches back so that the order
// is Scan's. A walk whose list is full stops, and finishes alone after
// the walks before it are reported.
func scanWalks(m *Matcher, s string, fn func(Match) bool) {
	delta, cls := m.delta, &m.cls
	n := len(s)
	var w [4]walk
	for k := range w {
		w[k].from = n * k / 4
		w[k].to = n * (k + 1) / 4
		w[k].start = max(0, w[k].from-(m.maxLen-1))
	}
	sc, _ := m.walks.Get().(*walkScratch)
	if sc == nil {
		sc = new(walkScratch)
	}
	defer m.walks.Put(sc)
	for k := range sc.held {
		sc.held[k] = sc.held[k][:0]
	}

	// Walk 0 is the shortest (it starts at its own from), so all four
	// have this many bytes in lockstep.
	steps := w[0].to
	for k := 1; k < 4; k++ {
		steps = min(steps, w[k].to-w[k].start)
	}
	s1, s2, s3 := s[w[1].start:], s[w[2].start:], s[w[3].start:]
	var a, b, c, d uint32
	t := 0
	for ; t < steps; t++ {
		a = delta[a+uint32(cls[s[t]])]
		b = delta[b+uint32(cls[s1[t]])]
		c = delta[c+uint32(cls[s2[t]])]
		d = delta[d+uint32(cls[s3[t]])]
		if (a|b|c|d)&outBit == 0 {
			continue
		}
		if a&outBit != 0 {
			a &^= outBit
			if !m.emitOuts(a, t, fn) {
				return
			}
		}
		full := false
		if b&outBit != 0 {
			b &^= outBit
			full = !w[1].hold(&sc.held[0], b, t)
		}
		if c&outBit != 0 {
			c &^= outBit
			full = !w[2].hold(&sc.held[1], c, t) || full
		}
		if d&outBit != 0 {
			d &^= outBit
			full = !w[3].hold(&sc.held[2], d, t) || full
		}
		if full {
			t++
			break
		}
	}
	w[0].st, w[1].st, w[2].st, w[3].st = a, b, c, d
	lists := [4][]held{nil, sc.held[0], sc.held[1], sc.held[2]}
	for k := range w {
		for _, h := range lists[k] {
			if !m.emitOuts(h.st, h.pos, fn) {
				return
			}
		}
		next := w[k].start + t
		if w[k].pending && !m.emitOuts(w[k].st, next-1, fn) {
			return
		}
		st := w[k].st
		for i := next; i < w[k].to; i++ {
			if st = delta[st+uint32(cls[s[i]])]; st&outBit != 0 {
				st &^= outBit
				if i >= w[k].from && !m.emitOuts(st, i, fn) {
					return
				}
			}
		}
	}
}

// outsOf lists the keywords that end in state st.
func (m *Matcher) outsOf(st uint32) []int32 {
	state := int(st) / m.ncls
	return m.outs[m.outIdx[state]:m.outIdx[state+1]]
}

// emitOuts calls fn for the keywords ending at byte i in state st and
// reports whether fn asked to go on.
func (m *Matcher) emitOuts(st uint32, i int, fn func(Match) bool) bool {
	for _, k := range m.outsOf(st) {
		if !fn(Match{Keyword: int(k), Start: i + 1 - len(m.words[k]), End: i + 1}) {
			return false
		}
	}
	return true
}

// Cursor is the position of an iteration with Next. The zero value
// starts at the beginning of the text; use one Cursor per text.
type Cursor struct {
	pos     int
	state   uint32
	pending []int32 // keywords ending at pos-1 not yet returned
}

// Next returns the next occurrence in s after c, in Scan's order, and
// false at the end. It allocates nothing: use it where a callback would
// escape.
func (m *Matcher) Next(s string, c *Cursor) (Match, bool) {
	return nextString(m, s, c)
}

// NextBytes is Next over a byte slice.
func (m *Matcher) NextBytes(b []byte, c *Cursor) (Match, bool) {
	return nextString(m, bytesView(b), c)
}

// bytesView reads b as a string without copying it. The matcher only
// reads, and only during the call; the caller must not change b
// meanwhile (none does: callbacks get offsets, not the bytes).
func bytesView(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func nextString(m *Matcher, s string, c *Cursor) (Match, bool) {
	if len(c.pending) > 0 {
		k := c.pending[0]
		c.pending = c.pending[1:]
		return Match{Keyword: int(k), Start: c.pos - len(m.words[k]), End: c.pos}, true
	}
	if len(m.words) == 0 {
		return Match{}, false
	}
	delta, cls := m.delta, &m.cls
	st := c.state
	pair := m.pair
	for i := c.pos; i < len(s); i++ {
		if st == 0 {
			for i+1 < len(s) && !pair[uint16(s[i])<<8|uint16(s[i+1])] {
				i++
			}
		}
		st = delta[st+uint32(cls[s[i]])]
		if st&outBit == 0 {
			continue
		}
		st &^= outBit
		outs := m.outsOf(st)
		c.state, c.pos, c.pending = st, i+1, outs[1:]
		k := outs[0]
		return Match{Keyword: int(k), Start: i + 1 - len(m.words[k]), End: i + 1}, true
	}
	c.state, c.pos = st, len(s)
	return Match{}, false
}
