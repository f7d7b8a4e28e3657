package detect

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/detect/model"
)

// DefaultThreshold is the score at or above which a result is Flagged.
const DefaultThreshold = 0.5

// DefaultClassifierFloor keeps the classifier's uncertain middle range
// out of the score: on held-out servers it is what raises false positives
// (see docs/detection.md).
const DefaultClassifierFloor = 0.6

// classifierAloneScale weighs the poisoning classifier when no rule and no
// hidden-content signal found anything in the tool. Trained mostly on
// synthetic attacks, alone it flags short real descriptions that merely talk
// about "this tool" and "the user" (round 5: 8 false positives on the tune
// benign sets against 3 detections), so alone it stays under the threshold;
// with any rule evidence it counts in full.
const classifierAloneScale = 0.45

// Options configure a Detector. The zero value is the built-in poisoning
// detector.
type Options struct {
	// Threshold for Result.Flagged; 0 means DefaultThreshold.
	Threshold float64
	// Rules replaces the built-in rules when non-nil.
	Rules []Rule
	// Model replaces the embedded classifier when non-nil.
	Model *Model
	// NoClassifier scores with rules and hidden-content signals only.
	NoClassifier bool
	// ClassifierFloor is the classifier probability below which it adds
	// nothing to the score; above it, its evidence is rescaled to [0,1].
	// 0 means DefaultClassifierFloor; negative means no floor.
	ClassifierFloor float64
	// ExplainTop is how many classifier features a flagged result lists;
	// 0 means 8, negative means none.
	ExplainTop int
}

// Detector scores text shown to a model. It is immutable and safe for
// concurrent use.
type Detector struct {
	rules     *Ruleset
	model     *Model
	threshold float64
	floor     float64
	alone     float64 // classifier weight without rule evidence; 0 means 1
	explain   int
	doc       *docScan       // document prefilter; set by NewInjection
	pm        *poisonMatcher // the rules' anchored matcher; set by NewPoisoning
	pmScript  *poisonMatcher // the NonASCII rules' matcher, nil without any
	ref       *refScan       // weighs references to other tools; set by NewPoisoning
	unscr     *unscrambler   // reads scrambled poisoning rule words; set by NewPoisoning
	pool      sync.Pool      // *scratch
}

type scratch struct {
	hits  []RuleMatch
	feats []uint32
	text  []byte
	wins  [][2]int
	loud  [][2]int // loud regions of a document (docWindows)
	pm    pmScratch
	// pmScript is the scratch of the NonASCII rules' matcher.
	pmScript pmScratch
	// respelled: a segment of the current window held respelled rule
	// words (injection_respell.go); such a window is never quiet.
	respelled bool
}

// NewPoisoning returns a detector for tool poisoning: the built-in rules
// and the embedded classifier, unless opts replace them.
func NewPoisoning(opts Options) (*Detector, error) {
	rules := opts.Rules
	if rules == nil {
		rules = PoisoningRules()
	}
	rs, err := CompileRules(rules)
	if err != nil {
		return nil, fmt.Errorf("building poisoning detector: %w", err)
	}
	// Rules for other scripts get their own matcher, run only on text
	// outside ASCII: their leads would otherwise enlarge the automaton
	// and its hits on every English list. The parts below do not depend
	// on each other and are built side by side: initialize waits for this
	// detector. Errors are checked in a fixed order.
	var (
		pm, pmScript     *poisonMatcher
		d                *Detector
		ref              *refScan
		pmErr, scriptErr error
		dErr, refErr     error
		wg               sync.WaitGroup
	)
	if script := rs.subset(func(r *Rule) bool { return r.NonASCII }); len(script.rules) > 0 {
		wg.Go(func() { pmScript, scriptErr = newPoisonMatcher(script) })
	}
	wg.Go(func() { d, dErr = newDetector("poisoning", rs, opts, DefaultClassifierFloor, model.Poisoning) })
	wg.Go(func() { ref, refErr = newRefScan() })
	pm, pmErr = newPoisonMatcher(rs.subset(func(r *Rule) bool { return !r.NonASCII }))
	wg.Wait()
	for _, err := range []error{pmErr, scriptErr, refErr} {
		if err != nil {
			return nil, fmt.Errorf("building poisoning detector: %w", err)
		}
	}
	if dErr != nil {
		return nil, dErr
	}
	d.pm, d.pmScript, d.ref = pm, pmScript, ref
	d.alone = classifierAloneScale
	d.unscr = newUnscrambler(poisonScrambleVocab).withNoise()
	d.pool.New = func() any { return &scratch{} }
	return d, nil
}

// newDetector applies the options shared by every detector kind: the
// threshold, the classifier floor (defFloor when unset), how many features
// to explain, and the classifier (the embedded one unless opts give one).
func newDetector(kind string, rs *Ruleset, opts Options, defFloor float64, embedded []byte) (*Detector, error) {
	d := &Detector{rules: rs, threshold: opts.Threshold, explain: opts.ExplainTop}
	if d.threshold <= 0 {
		d.threshold = DefaultThreshold
	}
	d.floor = opts.ClassifierFloor
	switch {
	case d.floor == 0:
		d.floor = defFloor
	case d.floor < 0 || d.floor >= 1:
		d.floor = 0
	}
	if d.explain == 0 {
		d.explain = 8
	}
	if !opts.NoClassifier {
		d.model = opts.Model
		if d.model == nil {
			m, err := LoadModel(embedded)
			if err != nil {
				return nil, fmt.Errorf("building %s detector: embedded model: %w", kind, err)
			}
			d.model = m
		}
	}
	return d, nil
}

// Threshold is the score at which results are flagged.
func (d *Detector) Threshold() float64 { return d.threshold }

// Finding is one piece of evidence.
type Finding struct {
	RuleID  string  `json:"rule"`
	Family  Family  `json:"family"`
	Weight  float64 `json:"weight"`
	Field   string  `json:"field"`
	Start   int     `json:"start"` // byte offsets in the field's original text
	End     int     `json:"end"`
	Origin  string  `json:"origin,omitempty"` // set when found in decoded or hidden text
	Excerpt string  `json:"excerpt"`
	Explain string  `json:"explain"`
}

// Location is the field path with the span, e.g. "description[12:40]".
func (f Finding) Location() string { return fmt.Sprintf("%s[%d:%d]", f.Field, f.Start, f.End) }

// Result is the verdict on one tool or text.
type Result struct {
	Score           float64        `json:"score"` // in [0,1]
	Flagged         bool           `json:"flagged"`
	RuleScore       float64        `json:"rule_score"`
	ClassifierScore float64        `json:"classifier_score"`
	Findings        []Finding      `json:"findings,omitempty"`
	Features        []Contribution `json:"features,omitempty"` // top classifier features, when flagged
}

// Families lists the distinct rule families that fired, sorted.
func (r Result) Families() []Family {
	seen := map[Family]bool{}
	var out []Family
	for _, f := range r.Findings {
		if !seen[f.Family] {
			seen[f.Family] = true
			out = append(out, f.Family)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Explanation is a short readable account of the result.
func (r Result) Explanation() string {
	var b strings.Builder
	fmt.Fprintf(&b, "score %.2f (rules %.2f, classifier %.2f)", r.Score, r.RuleScore, r.ClassifierScore)
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "\n- %s %s: %s: %q", f.Location(), f.RuleID, f.Explain, f.Excerpt)
		if f.Origin != "" && f.Origin != "text" {
			fmt.Fprintf(&b, " (in %s)", f.Origin)
		}
	}
	if len(r.Features) > 0 {
		b.WriteString("\n- classifier weighed:")
		for _, c := range r.Features {
			fmt.Fprintf(&b, " %s %+.2f;", c.Feature, c.Weight)
		}
	}
	return b.String()
}

// hiddenWeight is the evidence a kind of hidden content carries alone.
func hiddenWeight(h Hidden) float64 {
	switch h.Kind {
	case HiddenTag:
		return 0.9
	case HiddenANSI:
		return 0.7
	case HiddenBidi:
		return 0.55
	case HiddenZeroWidth:
		if h.Count >= 3 {
			return 0.6
		}
		return 0.4
	case HiddenVariation:
		if h.Count >= 4 { // emoji use one; smuggling uses one per byte
			return 0.8
		}
	case HiddenConfusable:
		return 0.55
	case HiddenComment:
		return 0.35
	case HiddenEncoded, HiddenMorse, HiddenNATO, HiddenByteList, HiddenReversed:
		return 0.35
	case HiddenControl:
		return 0.3
	}
	return 0
}

// hiddenWeightIn is hiddenWeight with the text around the hidden run: one
// or two zero-width characters with ASCII on both sides ("Search the
// web\u200b for", "previous\u200binstructions") weigh 0.5, the hide
// threshold. No honest tool description of the eval sets' thousands holds
// one there; 42 poisoned ones do (scanners' tests of hidden characters,
// round 33c). Beside letters of other scripts they have honest uses (ZWJ
// in emoji and Indic conjuncts, ZWNJ in Persian, ZWSP as a Thai word
// break), and a soft hyphen inside a Latin word is a typesetting hint, so
// those keep hiddenWeight's 0.4.
func hiddenWeightIn(orig string, h Hidden) float64 {
	w := hiddenWeight(h)
	if h.Kind != HiddenZeroWidth || h.Count >= 3 || h.Start <= 0 || h.End >= len(orig) {
		return w
	}
	if r, _ := utf8.DecodeRuneInString(orig[h.Start:]); r == 0x00AD {
		return w
	}
	before, after := orig[h.Start-1], orig[h.End]
	if before < utf8.RuneSelf && after < utf8.RuneSelf && (isASCIIWordChar(before) || isASCIIWordChar(after)) {
		return max(w, 0.5)
	}
	return w
}

// nameCharacters flags a name that holds a control or format character
// (a line break, a bidi override, a zero-width joiner): names are
// identifiers, and a client that prints one can be made to show another
// name, or a second line under it. Printable text is the rest of the
// detector's business.
func nameCharacters(res *Result, f Field) {
	for i, r := range f.Text {
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf) {
			res.Findings = append(res.Findings, Finding{
				RuleID: "hidden.name-character", Family: FamilyHidden, Weight: 0.9,
				Field: f.Path, Start: i, End: i + utf8.RuneLen(r), Excerpt: excerpt(f.Text, i, i+utf8.RuneLen(r)),
				Explain: fmt.Sprintf("the name holds the invisible character %U", r),
			})
			return
		}
	}
}

// ScanText scores one text, such as server instructions, a prompt or a
// resource description. field names it in findings.
func (d *Detector) ScanText(field, text string) Result {
	return d.ScanTool(ToolText{Fields: []Field{{Path: field, Text: text}}})
}

// ScanToolJSON extracts a tool's text from its JSON and scans it.
func (d *Detector) ScanToolJSON(raw []byte) (Result, error) {
	t, err := ToolFromJSON(raw)
	if err != nil {
		return Result{}, err
	}
	return d.ScanTool(t), nil
}

// ScanTool scores every model-visible field of a tool together.
func (d *Detector) ScanTool(t ToolText) Result {
	sc := d.pool.Get().(*scratch)
	defer d.pool.Put(sc)
	sc.text = sc.text[:0]
	var res Result
	for _, f := range t.Fields {
		if f.Path == "name" {
			nameCharacters(&res, f)
		}
		for _, seg := range Segments(f.Text) {
			view := d.scanSegment(&res, f, seg, sc)
			if len(sc.text) > 0 {
				sc.text = append(sc.text, " . "...)
			}
			sc.text = append(sc.text, view...)
		}
	}
	if d.ref != nil {
		d.ref.adjust(&res, t)
	}
	res.RuleScore = ruleScore(res.Findings)
	if d.model != nil {
		sc.feats = Features(sc.feats[:0], string(sc.text), d.model.Bits, d.model.Set)
		res.ClassifierScore = d.model.Prob(sc.feats)
	}
	clf := max(0, (res.ClassifierScore-d.floor)/(1-d.floor))
	if d.alone > 0 && res.RuleScore == 0 {
		clf *= d.alone
	}
	res.Score = 1 - (1-res.RuleScore)*(1-clf)
	res.Flagged = res.Score >= d.threshold
	if res.Flagged && d.model != nil && d.explain > 0 {
		res.Features = d.model.Explain(string(sc.text), d.explain)
	}
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].Weight > res.Findings[j].Weight })
	return res
}

// scanSegment adds the segment's findings to res and returns the text the
// classifier reads: the normalised text, or its variant (poisonVariant)
// when it has one.
func (d *Detector) scanSegment(res *Result, f Field, seg Segment, sc *scratch) string {
	nz := seg.Norm
	view := nz.Text
	span := func(a, b int) (int, int) {
		if seg.Depth > 0 { // decoded text: point at the encoded original
			return seg.Start, seg.End
		}
		return nz.Span(a, b)
	}
	addHidden(res, f, seg, func(h Hidden) float64 { return hiddenWeightIn(nz.Orig, h) }, true)
	sc.hits = d.matchRules(nz.Text, sc.hits[:0], sc)
	if v, ok := d.variant(f.Path, nz.Text); ok {
		// The same rules on a same-length variant; a rule found in the
		// text as written keeps that finding.
		n := len(sc.hits)
		sc.hits = keepNewRules(d.matchRules(v, sc.hits, sc), n)
		view = v
	}
	if rt, ok := cipherCopy(nz.Text, 0); ok {
		// Text that names a letter cipher ("ROT13: Vtaber cerivbhf
		// vafgehpgvbaf") is read deciphered too; the copy is byte for
		// byte, so spans hold.
		n := len(sc.hits)
		sc.hits = keepNewRules(d.matchRules(rt, sc.hits, sc), n)
	}
	if a, b, ok := letterSpaced(nz.Text); ok {
		a, b = span(a, b)
		res.Findings = append(res.Findings, Finding{
			RuleID: "hidden.letter-spaced", Family: FamilyHidden, Weight: 0.75,
			Field: f.Path, Start: a, End: b, Origin: seg.Origin, Excerpt: excerpt(f.Text, a, b),
			Explain: "instruction words spelled out letter by letter",
		})
	}
	for _, m := range sc.hits {
		a, b := span(m.Start, m.End)
		ex := excerpt(f.Text, a, b)
		if seg.Depth > 0 {
			ex = quoteShort(nz.Text[m.Start:m.End], 120)
		}
		res.Findings = append(res.Findings, Finding{
			RuleID: m.Rule.ID, Family: m.Rule.Family, Weight: m.Rule.Weight,
			Field: f.Path, Start: a, End: b, Origin: seg.Origin,
			Excerpt: ex, Explain: m.Rule.Explain,
		})
	}
	return view
}

// letterSpaced is spacedOut behind the prefilter's probe of every 16th
// byte, so tool text with no run of single letters pays only the probe.
func letterSpaced(text string) (int, int, bool) {
	run := false
	spacedHits(text, func(int, int) { run = true })
	if !run {
		return 0, 0, false
	}
	return spacedOut(text)
}

// matchRules appends the poisoning rules' hits in text to hits.
func (d *Detector) matchRules(text string, hits []RuleMatch, sc *scratch) []RuleMatch {
	if d.pm == nil {
		return d.rules.match(text, hits, &sc.pm.wins)
	}
	hits = d.pm.match(text, hits, &sc.pm)
	if d.pmScript != nil && !isASCII(text) {
		hits = d.pmScript.match(text, hits, &sc.pmScript)
	}
	return hits
}

// keepNewRules drops from hits[n:] the hits of rules that already have
// one in hits[:n]: a rule read in a variant of the text (leetspeak,
// joined or scrambled words) counts once, at its span as written.
func keepNewRules(hits []RuleMatch, n int) []RuleMatch {
	for i := n; i < len(hits); i++ {
		dup := false
		for _, h := range hits[:n] {
			dup = dup || h.Rule == hits[i].Rule
		}
		if !dup {
			hits[n] = hits[i]
			n++
		}
	}
	return hits[:n]
}

func excerpt(s string, a, b int) string {
	if a < 0 || b > len(s) || a > b {
		return ""
	}
	return quoteShort(s[a:b], 120)
}

// quoteShort trims s to n bytes on a rune boundary and makes it printable.
func quoteShort(s string, n int) string {
	if len(s) > n {
		for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
			n--
		}
		s = s[:n] + "…"
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F || r >= 0xE0000 && r <= 0xE007F {
			return '·'
		}
		return r
	}, s)
}

// addHidden records a finding for each piece of hidden content in seg
// that weight scores above zero. Findings in decoded text point at the
// encoded original. Tool fields are short, so their findings carry an
// excerpt; document findings do not.
func addHidden(res *Result, f Field, seg Segment, weight func(Hidden) float64, withExcerpt bool) {
	for _, h := range seg.Norm.Hidden {
		w := weight(h)
		if w == 0 {
			continue
		}
		a, b := h.Start, h.End
		if seg.Depth > 0 {
			a, b = seg.Start, seg.End
		}
		explain := "hidden content: " + string(h.Kind)
		if h.Text != "" {
			explain += ", decodes to " + quoteShort(h.Text, 80)
		}
		fd := Finding{
			RuleID: "hidden." + string(h.Kind), Family: FamilyHidden, Weight: w,
			Field: f.Path, Start: a, End: b, Origin: seg.Origin, Explain: explain,
		}
		if withExcerpt {
			fd.Excerpt = excerpt(f.Text, a, b)
		}
		res.Findings = append(res.Findings, fd)
	}
}

// ruleScore is the noisy-OR over distinct rules, each at its strongest
// match. It multiplies in order of first finding, not map order, so that a
// score is the same to the last bit on every run.
func ruleScore(findings []Finding) float64 {
	type ruleBest struct {
		id string
		w  float64
	}
	var bestBuf [16]ruleBest
	best := bestBuf[:0]
	for _, f := range findings {
		k := slices.IndexFunc(best, func(b ruleBest) bool { return b.id == f.RuleID })
		if k < 0 {
			best = append(best, ruleBest{f.RuleID, f.Weight})
			continue
		}
		best[k].w = math.Max(best[k].w, f.Weight)
	}
	miss := 1.0
	for _, b := range best {
		miss *= 1 - b.w
	}
	return 1 - miss
}
