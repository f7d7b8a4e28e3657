package detect

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/warden-mcp/warden/internal/detect/keywords"
	"io"
	"math"
	"sort"
	"strings"
)

// Model is a logistic-regression classifier over hashed word and character
// n-grams. It is read-only after loading and safe for concurrent use.
type Model struct {
	Bits    uint8 // feature space has 1<<Bits buckets
	Set     FeatureSet
	Bias    float32
	Weights []float32 // dense, len 1<<Bits
}

// FeatureSet selects the feature kinds a model uses.
type FeatureSet uint8

const (
	FeatWords    FeatureSet = 1 << iota // single words
	FeatBigrams                         // word pairs
	FeatTrigrams                        // word triples
	FeatChars                           // character 3- to 5-grams inside words
	// DefaultFeatures is what the embedded model is trained with.
	DefaultFeatures = FeatWords | FeatBigrams | FeatTrigrams
)

const (
	modelMagic = "WDLR2\n"
	// DefaultBits is 2^18 buckets: few collisions for short texts, 1 MB dense.
	DefaultBits = 18
	maxFeatText = 8 << 10 // the classifier reads at most this much per text
)

// Feature kinds are a prefix byte mixed into the hash.
const (
	featWord    = 'w'
	featBigram  = 'b'
	featChar    = 'c'
	featTrigram = 't'
)

// Features appends the hashed feature indices of normalised text to dst.
// Training and scoring use this one function, so they cannot drift apart.
func Features(dst []uint32, text string, bits uint8, set FeatureSet) []uint32 {
	if len(text) > maxFeatText {
		text = text[:maxFeatText]
	}
	mask := uint32(1)<<bits - 1
	var prev, prev2 string
	forEachToken(text, func(tok string) {
		w := canonToken(tok)
		if w == "" {
			return
		}
		if set&FeatWords != 0 {
			dst = append(dst, hashFeat(featWord, w, "")&mask)
		}
		if prev != "" && set&FeatBigrams != 0 {
			dst = append(dst, hashFeat(featBigram, prev, w)&mask)
		}
		if prev2 != "" && set&FeatTrigrams != 0 {
			dst = append(dst, hashTrigram(prev2, prev, w)&mask)
		}
		prev2, prev = prev, w
		// Character n-grams inside the word, with boundary marks, catch
		// morphology and obfuscation without depending on exact wording.
		if set&FeatChars != 0 && len(w) >= 3 && w[0] != '<' {
			dst = appendCharGrams(dst, w, mask)
		}
	})
	return dst
}

// forEachToken splits on anything that is not a word byte, keeping a few
// symbol tokens that carry meaning in attacks (<, >, ~/, $().
func forEachToken(text string, fn func(string)) {
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && (isWordByte(text[i]) || text[i] == '.' && start >= 0 && i+1 < len(text) && isWordByte(text[i+1])) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(text[start:i])
			start = -1
		}
		if i < len(text) {
			switch c := text[i]; c {
			case '<', '>', '~', '$', '@', '|':
				fn(text[i : i+1])
			}
		}
	}
}

// canonToken maps tokens that identify a corpus rather than an attack to
// shape classes, so the model cannot memorise hostnames, numbers or the
// word "attacker" that only synthetic data uses.
func canonToken(tok string) string {
	switch {
	case strings.Count(tok, ".") >= 1 && isHostLike(tok):
		return "<host>"
	case isNumber(tok):
		return "<num>"
	case len(tok) > 24:
		return "<long>"
	}
	if hasSyntheticLabel(tok) {
		return ""
	}
	return tok
}

// hasSyntheticLabel reports whether tok contains a word that labels
// synthetic attack data (attacker, malicious, exfil, evil, hacker, c2,
// poison, shadow_, surveil): real attackers do not write them, so the
// model must not learn them. One automaton pass over tok: this runs for
// every token of every scanned text.
func hasSyntheticLabel(tok string) bool {
	var c keywords.Cursor
	for {
		m, ok := syntheticLabels.Next(tok, &c)
		if !ok {
			return false
		}
		if tok[m.Start:m.End] == syntheticLabels.Keyword(m.Keyword) { // the matcher folds case; labels are lower case
			return true
		}
	}
}

var syntheticLabels = keywords.MustNew([]string{"attacker", "malicious", "exfil", "evil", "hacker", "c2", "poison", "shadow_", "surveil"})

func isHostLike(tok string) bool {
	if strings.IndexByte(tok, '.') < 0 { // every suffix below has one
		return false
	}
	for _, tld := range [...]string{".com", ".net", ".org", ".io", ".example", ".internal", ".xyz", ".ru", ".dev", ".app", ".co"} {
		if strings.Contains(tok, tld) {
			return true
		}
	}
	return false
}

func isNumber(tok string) bool {
	digits := 0
	for i := 0; i < len(tok); i++ {
		if tok[i] >= '0' && tok[i] <= '9' {
			digits++
		}
	}
	return digits*2 >= len(tok)
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashFeat(kind byte, a, b string) uint32 {
	h := uint32(fnvOffset)
	h = (h ^ uint32(kind)) * fnvPrime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint32(a[i])) * fnvPrime
	}
	if b != "" {
		h = (h ^ ' ') * fnvPrime
		for i := 0; i < len(b); i++ {
			h = (h ^ uint32(b[i])) * fnvPrime
		}
	}
	return finalize(h)
}

// hashTrigram is hashFeat(featTrigram, a+" "+b, c) without building the
// joined string.
func hashTrigram(a, b, c string) uint32 {
	h := uint32(fnvOffset)
	h = (h ^ uint32(featTrigram)) * fnvPrime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint32(a[i])) * fnvPrime
	}
	h = (h ^ ' ') * fnvPrime
	for i := 0; i < len(b); i++ {
		h = (h ^ uint32(b[i])) * fnvPrime
	}
	if c != "" {
		h = (h ^ ' ') * fnvPrime
		for i := 0; i < len(c); i++ {
			h = (h ^ uint32(c[i])) * fnvPrime
		}
	}
	return finalize(h)
}

// hashCharGram hashes n bytes of "^"+w+"$" starting at i without building it.
func hashCharGram(w string, i, n int) uint32 {
	h := uint32(fnvOffset)
	h = (h ^ featChar) * fnvPrime
	for k := i; k < i+n; k++ {
		var c byte
		switch {
		case k == 0:
			c = '^'
		case k == len(w)+1:
			c = '$'
		default:
			c = w[k-1]
		}
		h = (h ^ uint32(c)) * fnvPrime
	}
	return finalize(h)
}

// appendCharGrams appends hashCharGram(w, i, n)&mask for n = 3, 4, 5 and
// every i, in that order (the order feature lists always had), hashing
// each start's three grams in one pass: they share their first bytes, and
// character grams were most of the classifier's time.
func appendCharGrams(dst []uint32, w string, mask uint32) []uint32 {
	var p [maxGramWord + 2]byte
	if len(w) > maxGramWord {
		for n := 3; n <= 5; n++ {
			for i := 0; i+n <= len(w)+2; i++ {
				dst = append(dst, hashCharGram(w, i, n)&mask)
			}
		}
		return dst
	}
	p[0] = '^'
	copy(p[1:], w)
	p[len(w)+1] = '$'
	padded := p[:len(w)+2]
	var g4, g5 [maxGramWord]uint32
	n4, n5 := 0, 0
	seed := uint32(fnvOffset)
	seed = (seed ^ featChar) * fnvPrime
	for i := 0; i+3 <= len(padded); i++ {
		h := seed
		h = (h ^ uint32(padded[i])) * fnvPrime
		h = (h ^ uint32(padded[i+1])) * fnvPrime
		h = (h ^ uint32(padded[i+2])) * fnvPrime
		dst = append(dst, finalize(h)&mask)
		if i+4 > len(padded) {
			continue
		}
		h = (h ^ uint32(padded[i+3])) * fnvPrime
		g4[n4] = finalize(h) & mask
		n4++
		if i+5 > len(padded) {
			continue
		}
		h = (h ^ uint32(padded[i+4])) * fnvPrime
		g5[n5] = finalize(h) & mask
		n5++
	}
	dst = append(dst, g4[:n4]...)
	return append(dst, g5[:n5]...)
}

// maxGramWord is the longest word appendCharGrams hashes on the stack;
// canonToken turns longer tokens into "<long>" anyway.
const maxGramWord = 30

// finalize mixes the high bits into the low ones (FNV's low bits are weak).
func finalize(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	return h
}

// Logit returns the raw score of a feature list: bias + sum(w)/sqrt(n).
func (m *Model) Logit(feats []uint32) float64 {
	if len(feats) == 0 {
		return float64(m.Bias)
	}
	var s float64
	for _, f := range feats {
		s += float64(m.Weights[f])
	}
	return float64(m.Bias) + s/math.Sqrt(float64(len(feats)))
}

// Prob is the sigmoid of Logit.
func (m *Model) Prob(feats []uint32) float64 { return sigmoid(m.Logit(feats)) }

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Contribution is one feature's share of a classifier score.
type Contribution struct {
	Feature string  // e.g. `word "disclose"`, `bigram "first call"`
	Weight  float64 // signed contribution to the logit
}

// Explain returns the features of text that pushed the score most, in
// either direction; only called for results a person will read.
func (m *Model) Explain(text string, k int) []Contribution {
	if len(text) > maxFeatText {
		text = text[:maxFeatText]
	}
	mask := uint32(1)<<m.Bits - 1
	type fc struct {
		name string
		idx  uint32
	}
	var fs []fc
	var prev, prev2 string
	set := m.Set
	forEachToken(text, func(tok string) {
		w := canonToken(tok)
		if w == "" {
			return
		}
		if set&FeatWords != 0 {
			fs = append(fs, fc{`word "` + w + `"`, hashFeat(featWord, w, "") & mask})
		}
		if prev != "" && set&FeatBigrams != 0 {
			fs = append(fs, fc{`words "` + prev + " " + w + `"`, hashFeat(featBigram, prev, w) & mask})
		}
		if prev2 != "" && set&FeatTrigrams != 0 {
			fs = append(fs, fc{`words "` + prev2 + " " + prev + " " + w + `"`, hashFeat(featTrigram, prev2+" "+prev, w) & mask})
		}
		prev2, prev = prev, w
		if set&FeatChars != 0 && len(w) >= 3 && w[0] != '<' {
			p := "^" + w + "$"
			for n := 3; n <= 5; n++ {
				for i := 0; i+n <= len(p); i++ {
					fs = append(fs, fc{`chars "` + p[i:i+n] + `"`, hashCharGram(w, i, n) & mask})
				}
			}
		}
	})
	if len(fs) == 0 {
		return nil
	}
	norm := math.Sqrt(float64(len(fs)))
	agg := map[string]float64{}
	for _, f := range fs {
		agg[f.name] += float64(m.Weights[f.idx]) / norm
	}
	out := make([]Contribution, 0, len(agg))
	for name, w := range agg {
		out = append(out, Contribution{Feature: name, Weight: w})
	}
	sort.Slice(out, func(i, j int) bool {
		ai, aj := math.Abs(out[i].Weight), math.Abs(out[j].Weight)
		if ai != aj {
			return ai > aj
		}
		return out[i].Feature < out[j].Feature
	})
	if len(out) > k {
		out = out[:k]
	}
	return out
}

// MarshalBinary writes the model as gzip of: magic, bits, bias, count,
// then (index uint32, weight float32) pairs for non-zero weights.
func (m *Model) MarshalBinary() ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(modelMagic)
	raw.WriteByte(m.Bits)
	raw.WriteByte(byte(m.Set))
	var nz uint32
	for _, w := range m.Weights {
		if w != 0 {
			nz++
		}
	}
	_ = binary.Write(&raw, binary.LittleEndian, m.Bias)
	_ = binary.Write(&raw, binary.LittleEndian, nz)
	for i, w := range m.Weights {
		if w != 0 {
			_ = binary.Write(&raw, binary.LittleEndian, uint32(i))
			_ = binary.Write(&raw, binary.LittleEndian, w)
		}
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("compressing model: %w", err)
	}
	// The zero header (no name, no mtime) keeps the bytes reproducible.
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, fmt.Errorf("compressing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compressing model: %w", err)
	}
	return out.Bytes(), nil
}

// LoadModel reads a model written by MarshalBinary.
func LoadModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading model: %w", err)
	}
	r := bufio.NewReader(io.LimitReader(zr, 64<<20))
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("reading model: bad magic")
	}
	bits, err := r.ReadByte()
	if err != nil || bits < 8 || bits > 24 {
		return nil, fmt.Errorf("reading model: bad feature bits %d", bits)
	}
	set, err := r.ReadByte()
	if err != nil || set == 0 || set >= 1<<4 {
		return nil, fmt.Errorf("reading model: bad feature set %d", set)
	}
	m := &Model{Bits: bits, Set: FeatureSet(set), Weights: make([]float32, 1<<bits)}
	var nz uint32
	if err := binary.Read(r, binary.LittleEndian, &m.Bias); err != nil {
		return nil, fmt.Errorf("reading model bias: %w", err)
	}
	if err := binary.Read(r, binary.LittleEndian, &nz); err != nil || nz > 1<<bits {
		return nil, fmt.Errorf("reading model: bad weight count %d", nz)
	}
	// One record at a time by hand: binary.Read per field was most of a
	// detector's model loading (hundreds of thousands of weights).
	var rec [8]byte
	for range nz {
		if _, err := io.ReadFull(r, rec[:]); err != nil {
			return nil, fmt.Errorf("reading model weights: %w", err)
		}
		idx := binary.LittleEndian.Uint32(rec[:4])
		w := math.Float32frombits(binary.LittleEndian.Uint32(rec[4:]))
		if idx >= 1<<bits || math.IsNaN(float64(w)) || math.IsInf(float64(w), 0) {
			return nil, fmt.Errorf("reading model: bad weight at %d", idx)
		}
		m.Weights[idx] = w
	}
	return m, nil
}
