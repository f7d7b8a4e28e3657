package detect

// wordFilter answers "certainly not in the set" for most words of ordinary
// text before a map lookup: a bitset over each word's length and its
// first, second and last bytes. Looking every word of a tool list up in
// the rule and flow word maps took a tenth of a scan; most words miss.
type wordFilter [128]uint64 // 8192 bits: 1 KiB, stays in L1

func newWordFilter(words ...[]string) *wordFilter {
	f := new(wordFilter)
	for _, ws := range words {
		for _, w := range ws {
			h := wordBits(w)
			f[h>>6] |= 1 << (h & 63)
		}
	}
	return f
}

// mayHave is false only for words not in the set.
func (f *wordFilter) mayHave(w string) bool {
	h := wordBits(w)
	return f[h>>6]&(1<<(h&63)) != 0
}

func wordBits(w string) uint {
	if len(w) == 0 {
		return 0
	}
	h := uint(len(w))
	h = h*31 + uint(w[0])
	h = h*31 + uint(w[min(1, len(w)-1)])
	h = h*31 + uint(w[len(w)-1])
	return h & 8191
}
