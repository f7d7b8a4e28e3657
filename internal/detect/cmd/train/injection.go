package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

// kindArg finds -kind in args (either -kind=X or -kind X) without
// disturbing the poisoning flags, which stay as they were.
func kindArg(args []string) string {
	for i, a := range args {
		if a == "-kind" || a == "--kind" {
			if i+1 < len(args) {
				return args[i+1]
			}
			continue
		}
		for _, p := range []string{"-kind=", "--kind="} {
			if v, ok := strings.CutPrefix(a, p); ok {
				return v
			}
		}
	}
	return "poisoning"
}

type injConfig struct {
	corpus    string
	benignDir string
	out       string
	seed      uint64
	per       int
	crossval  bool
	threshold float64
	floor     float64
	verbose   bool
	topt      detect.TrainOptions
	// synthetic data (corpus/injection_synth.go)
	synthPer    int // synthetic attacks per family for training
	synthCtx    int // synthetic benign carriers
	synthReport int // documents per family in the synthetic report (0: none)
	features    uint
	// extra lists labelled JSONL files of permissively licensed tune data
	// (see loadExtra); empty reproduces the shared-corpora-only models.
	extra []string
	// pairClean adds, beside an injected copy, the clean context itself
	// when the prefilter opens no window in it: otherwise the context's
	// words appear only in positive windows and ordinary documents (pages
	// with no anchor word) become evidence of injection. Off reproduces
	// the models trained before it.
	pairClean bool
	// winAction and winReader add round-6 synthetic action requests to
	// the assistant (attacks) and reader instructions (window-only
	// negatives, five to a paragraph) to the window model; 0 reproduces
	// the round-5 data.
	winAction, winReader int
	// bag averages the weights of this many models, each trained with its
	// own seed (seed, seed+1, …) on its own sampling of insertions: one
	// model's false positives on JSON payloads swing by a factor of ten
	// between seeds (docs/injection-rounds.md, round 13). 1 reproduces the
	// single-model bytes.
	bag int
}

// injData is everything the injection model is trained and tested on.
type injData struct {
	ctxs       []corpus.Context   // benign documents (BIPIA, AgentDojo, Warden's own)
	attacks    []corpus.InjAttack // instructions to insert
	background []string           // benign prose, always trained on
	// winNeg is benign text for the window model only (-extra items with
	// a category starting "window-neg/"): prompts to an AI that are benign
	// as prompts but that the task-sentence model must still flag inside a
	// document, so they are no task negatives.
	winNeg []string
}

func runInjection(ctx context.Context, args []string, stdout io.Writer) error {
	var c injConfig
	fs := flag.NewFlagSet("train -kind injection", flag.ContinueOnError)
	fs.String("kind", "injection", "model to train: poisoning or injection")
	fs.StringVar(&c.corpus, "corpus", "../shared/corpora", "shared corpora folder (injection/ inside it is read)")
	fs.StringVar(&c.benignDir, "benign", "internal/detect/data", "folder with Warden's own benign files (injection/*.jsonl and benign_npm_readme.jsonl)")
	fs.StringVar(&c.out, "out", "", "write the model here (e.g. internal/detect/model/injection.bin)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed; the same seed and data give the same bytes")
	fs.IntVar(&c.per, "per", 4, "benign contexts each attack is inserted into for training")
	fs.BoolVar(&c.crossval, "crossval", false, "report held-out results by attack source")
	fs.Float64Var(&c.threshold, "threshold", detect.DefaultThreshold, "threshold for the reported numbers")
	fs.Float64Var(&c.floor, "floor", detect.DefaultInjectionFloor, "classifier floor for the reported numbers")
	fs.Float64Var(&c.topt.L2, "l2", 1e-4, "L2 regularisation per example")
	fs.IntVar(&c.topt.Epochs, "epochs", 6, "training epochs")
	fs.BoolVar(&c.verbose, "v", false, "with -crossval, print each held-out error")
	balanced := fs.Bool("balanced", false, "balance the classes (the poisoning default); off, paired contexts cancel exactly")
	fs.IntVar(&c.synthPer, "synth", 60, "synthetic attacks per family (corpus.InjFamilies) added to training; 0 for none")
	fs.IntVar(&c.synthCtx, "synth-ctx", 300, "synthetic benign carriers added as contexts")
	fs.IntVar(&c.synthReport, "synth-report", 0, "scan this many synthetic documents per family (fresh seed) with the embedded or trained model and report recall and FPR")
	fs.UintVar(&c.features, "features", uint(detect.DefaultFeatures), "feature kinds: 1 words, 2 word pairs, 4 word triples, 8 character n-grams (sum)")
	fs.Func("extra", "comma-separated labelled JSONL files ({text,label,category}) added to training: label 1 as attacks (category task/* also as task requests), label 0 as benign contexts; see scripts/peer-eval/injection/build_train_r5.py", func(v string) error {
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f != "" {
				c.extra = append(c.extra, f)
			}
		}
		return nil
	})
	fs.IntVar(&c.winAction, "win-action", 0, "synthetic action requests to the assistant (corpus.SynthActionRequests) added to the window model's attacks; 0 keeps the round-5 bytes")
	fs.IntVar(&c.winReader, "win-reader", 0, "synthetic reader instructions (corpus.SynthReaderInstructions) added as window-model negatives, five per paragraph")
	fs.IntVar(&c.bag, "bag", 1, "average the weights of this many models trained with seeds seed, seed+1, …; 1 gives the single model")
	fs.BoolVar(&c.pairClean, "pair-clean", false, "pair each injected copy with its clean context even when the prefilter opens no window in it (see injSamples)")
	var tc taskConfig
	fs.StringVar(&tc.out, "task-out", "", "train the task-sentence model instead and write it here (e.g. internal/detect/model/task.bin)")
	fs.BoolVar(&tc.crossval, "task-crossval", false, "report the task-sentence model held out by task family")
	fs.IntVar(&tc.per, "task-synth", 150, "synthetic task requests per family (corpus.TaskFamilies)")
	fs.Float64Var(&tc.floor, "task-floor", 0, "task-sentence floor for -task-crossval (0: detect.DefaultTaskFloor)")
	fs.IntVar(&tc.ins, "task-per", 2, "benign contexts each task or human request is inserted into")
	fs.IntVar(&tc.human, "task-human", 2000, "synthetic requests addressed to people (negatives)")
	fs.IntVar(&tc.action, "task-action", 0, "synthetic action requests addressed to the assistant (corpus.SynthActionRequests, positives); 0 keeps the round-5 bytes")
	fs.IntVar(&tc.reader, "task-reader", 0, "synthetic instructions to human readers with the same verbs (corpus.SynthReaderInstructions, negatives)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c.topt.Seed = c.seed
	c.topt.Set = detect.FeatureSet(c.features)
	c.topt.Unbalanced = !*balanced
	d, err := loadInjData(c)
	if err != nil {
		return err
	}
	if tc.out != "" || tc.crossval {
		return runTask(ctx, c, tc, d, stdout)
	}
	win, err := detect.NewInjection(detect.Options{NoClassifier: true})
	if err != nil {
		return err
	}
	train := 0
	for _, x := range d.ctxs {
		if x.Trainable {
			train++
		}
	}
	fmt.Fprintf(stdout, "data: %d benign contexts (%d trainable), %d attacks, %d background paragraphs\n", len(d.ctxs), train, len(d.attacks), len(d.background))
	if c.crossval {
		if err := injCrossval(ctx, c, d, win, stdout); err != nil {
			return err
		}
	}
	if c.out == "" {
		if c.synthReport > 0 {
			return synthReport(c, nil, stdout)
		}
		return nil
	}
	m, s, err := trainBag(ctx, c, d, win)
	if err != nil {
		return err
	}
	if c.synthReport > 0 {
		if err := synthReport(c, m, stdout); err != nil {
			return err
		}
	}
	bin, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(c.out, bin, 0o644); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	nz := 0
	for _, w := range m.Weights {
		if w != 0 {
			nz++
		}
	}
	pos := 0
	for _, x := range s {
		if x.Label {
			pos++
		}
	}
	fmt.Fprintf(stdout, "trained on %d windows (%d injected); %d non-zero weights; wrote %s (%d bytes)\n", len(s), pos, nz, c.out, len(bin))
	return nil
}

// trainBag trains c.bag window models, model k with seed c.seed+k for
// both its insertions and its training, and returns their mean (a linear
// model averaged is a linear model) and the first model's samples.
func trainBag(ctx context.Context, c injConfig, d *injData, win *detect.Detector) (*detect.Model, []detect.Sample, error) {
	var mean *detect.Model
	var first []detect.Sample
	n := max(c.bag, 1)
	for k := range n {
		seed := c.seed + uint64(k)
		r := rand.New(rand.NewPCG(seed, 1))
		s := injSamples(r, win, trainable(d.ctxs, -1), d.attacks, d.windowBackground(), c.per, c.pairClean)
		opt := c.topt
		opt.Seed = seed
		m, err := detect.Train(ctx, s, opt)
		if err != nil {
			return nil, nil, err
		}
		if k == 0 {
			mean, first = m, s
			continue
		}
		mean.Bias += m.Bias
		for i, w := range m.Weights {
			mean.Weights[i] += w
		}
	}
	if n > 1 {
		mean.Bias /= float32(n)
		for i := range mean.Weights {
			mean.Weights[i] /= float32(n)
		}
	}
	return mean, first, nil
}

func loadInjData(c injConfig) (*injData, error) {
	p := filepath.Join(c.corpus, "injection")
	d := &injData{}
	ctxs, atk, err := corpus.LoadBIPIA(filepath.Join(p, "bipia-train"), 150)
	if err != nil {
		return nil, err
	}
	d.ctxs, d.attacks = append(d.ctxs, ctxs...), append(d.attacks, atk...)
	ctxs, atk, err = corpus.LoadAgentDojo(filepath.Join(p, "agentdojo"))
	if err != nil {
		return nil, err
	}
	d.ctxs, d.attacks = append(d.ctxs, ctxs...), append(d.attacks, atk...)
	g, err := corpus.LoadGiskard(filepath.Join(p, "giskard", "prompt_injections.csv"))
	if err != nil {
		return nil, err
	}
	d.attacks = append(d.attacks, g...)
	own, err := filepath.Glob(filepath.Join(c.benignDir, "injection", "*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(own)
	for _, f := range own {
		items, _, err := corpus.LoadFile(f)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if !it.Label && it.Text != "" {
				d.ctxs = append(d.ctxs, corpus.Context{Text: it.Text, Kind: "warden", Source: f, Trainable: true, Slot: -1})
			}
		}
	}
	bg, _, err := corpus.LoadFile(filepath.Join(c.benignDir, "benign_npm_readme.jsonl"))
	if err != nil {
		return nil, err
	}
	for _, it := range bg {
		if !it.Label && it.Text != "" {
			d.background = append(d.background, it.Text)
		}
	}
	if len(d.attacks) == 0 || len(d.ctxs) == 0 {
		return nil, fmt.Errorf("loading injection data: no attacks or no contexts under %s", p)
	}
	if err := loadExtra(d, c.extra); err != nil {
		return nil, err
	}
	// Synthetic attacks and carriers (written for Warden), from their own
	// random stream so that the real data's sampling does not move.
	sr := rand.New(rand.NewPCG(c.seed, 3))
	if c.synthPer > 0 {
		d.attacks = append(d.attacks, corpus.SynthAttacks(sr, c.synthPer, corpus.InjFamilies)...)
	}
	if c.synthCtx > 0 {
		d.ctxs = append(d.ctxs, corpus.SynthContexts(sr, c.synthCtx)...)
	}
	addWindowActions(d, c)
	return d, nil
}

// addWindowActions adds the -win-action attacks and -win-reader
// negatives from their own random stream. The attacks are no task
// requests for the task model (category action/…): a task model trained
// on them loses generic questions near its floor (docs/injection.md,
// round 6).
func addWindowActions(d *injData, c injConfig) {
	if c.winAction <= 0 && c.winReader <= 0 {
		return
	}
	r := rand.New(rand.NewPCG(c.seed, 29))
	for _, a := range corpus.SynthActionRequests(r, c.winAction) {
		a.Category, a.Source = "action/synth", "synth-action"
		d.attacks = append(d.attacks, a)
	}
	rd := corpus.SynthReaderInstructions(r, c.winReader)
	for i := 0; i < len(rd); i += 5 {
		d.winNeg = append(d.winNeg, strings.Join(rd[i:min(i+5, len(rd))], " "))
	}
}

// trainable returns the contexts whose licence allows training; half
// selects one half by index (0 or 1) for held-out runs, -1 all.
func trainable(ctxs []corpus.Context, half int) []corpus.Context {
	var out []corpus.Context
	for i, x := range ctxs {
		if x.Trainable && (half < 0 || i%2 == half) {
			out = append(out, x)
		}
	}
	return out
}

// injSamples builds the classifier's training windows: each attack
// inserted into per random contexts at a random position, every window
// of the document that overlaps the attack labelled injected, and every
// window of the clean context labelled benign (so the context cancels).
func injSamples(r *rand.Rand, win *detect.Detector, ctxs []corpus.Context, attacks []corpus.InjAttack, background []string, per int, pairClean bool) []detect.Sample {
	var out []detect.Sample
	addWindows := func(doc string, label bool, a, b int, src string) {
		n := 0
		for _, w := range win.Windows(doc) {
			if label && (w[1] <= a || w[0] >= b) {
				continue
			}
			out = append(out, detect.Sample{Text: detect.InjectionClassifierTextIn(doc, w[0], w[1]), Label: label, Source: src})
			n++
		}
		if n == 0 && label { // the prefilter missed it: still teach the model
			lo, hi := max(0, a-256), min(len(doc), b+256)
			out = append(out, detect.Sample{Text: detect.InjectionClassifierTextIn(doc, lo, hi), Label: true, Source: src})
		}
	}
	for _, x := range ctxs {
		addWindows(x.Text, false, 0, 0, x.Kind)
		if len(x.Text) > 4096 { // the clean window as a whole too
			out = append(out, detect.Sample{Text: detect.InjectionClassifierText(x.Text[:4096]), Source: x.Kind})
		}
	}
	for _, t := range background {
		out = append(out, detect.Sample{Text: detect.InjectionClassifierText(t), Source: "background"})
	}
	for _, a := range attacks {
		for k := 0; k < per; k++ {
			x := ctxs[r.IntN(len(ctxs))]
			doc, s, e := corpus.Insert(x, a.Text, r.IntN(len(corpus.Positions)))
			addWindows(doc, true, s, e, a.Source)
			// The clean original beside each injected copy, so that words
			// of the context (table bars, dates) do not count as evidence.
			addWindows(x.Text, false, 0, 0, "pair")
			if pairClean && len(win.Windows(x.Text)) == 0 {
				out = append(out, detect.Sample{Text: detect.InjectionClassifierText(cleanRegion(x.Text, s)), Source: "pair"})
			}
		}
	}
	return out
}

// injCrossval holds out one attack source at a time, and half of the
// trainable contexts: each row's numbers are on attacks and documents the
// classifier did not see. BIPIA's tables and code (never trained on) are
// always test contexts.
func injCrossval(ctx context.Context, c injConfig, d *injData, win *detect.Detector, w io.Writer) error {
	sources := []string{"bipia-text", "bipia-code", "agentdojo", "giskard"}
	if c.synthPer > 0 {
		for _, f := range corpus.InjFamilies {
			sources = append(sources, "synth/"+f)
		}
	}
	fmt.Fprintf(w, "\nheld-out results at threshold %.2f, floor %.2f (trainable contexts split in halves; rows average both)\n", c.threshold, c.floor)
	fmt.Fprintf(w, "%-28s %6s %8s %8s %8s %8s %8s\n", "held-out attacks", "n_inj", "recall", "rules", "clf", "FPR", "n_clean")
	for fi, held := range append(sources, "(none: rules only)") {
		var t cvTally
		for half := 0; half < 2; half++ {
			var trainA, testA []corpus.InjAttack
			for _, a := range d.attacks {
				if a.Source == held {
					testA = append(testA, a)
				} else {
					trainA = append(trainA, a)
				}
			}
			opts := detect.Options{Threshold: c.threshold, ClassifierFloor: c.floor, ExplainTop: -1}
			if held == "(none: rules only)" {
				opts.NoClassifier = true
				testA = d.attacks
			} else {
				r := rand.New(rand.NewPCG(c.seed+uint64(fi*2+half), 7))
				m, err := detect.Train(ctx, injSamples(r, win, trainable(d.ctxs, half), trainA, d.windowBackground(), c.per, c.pairClean), c.topt)
				if err != nil {
					return err
				}
				opts.Model = m
			}
			// Without the task-sentence model: it is trained on BIPIA's
			// text attacks, and has its own held-out table (-task-crossval).
			det, err := detect.NewInjectionTask(opts, nil, 0)
			if err != nil {
				return err
			}
			var testC []corpus.Context
			for i, x := range d.ctxs {
				if !x.Trainable || i%2 != half {
					testC = append(testC, x)
				}
			}
			for _, it := range corpus.InjectionItems(testC, testA) {
				res := det.ScanDocument("text", it.Text)
				t.add(it.Label, res, c.threshold)
				if c.verbose && res.Flagged != it.Label {
					fmt.Fprintf(w, "  miss[%s] label=%v score=%.2f rules=%.2f clf=%.2f %s: %.160q\n", held, it.Label, res.Score, res.RuleScore, res.ClassifierScore, it.Category, it.Text)
				}
			}
		}
		fmt.Fprintf(w, "%-28s %6.0f %7.1f%% %7.1f%% %7.1f%% %7.2f%% %8.0f\n", held, t.n/2, 100*t.tp/t.n, 100*t.rulesTP/t.n, 100*t.clfTP/t.n, 100*t.fp/t.neg, t.neg/2)
	}
	return nil
}

// synthReport scans fresh synthetic documents (a seed the training never
// uses) per attack family, and synthetic benign carriers, with model m
// (nil: the embedded one), and prints recall per family and the FPR.
func synthReport(c injConfig, m *detect.Model, w io.Writer) error {
	det, err := detect.NewInjection(detect.Options{Model: m, Threshold: c.threshold, ClassifierFloor: c.floor, ExplainTop: -1})
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(c.seed+1000, 99))
	fmt.Fprintf(w, "\nsynthetic documents (fresh seed), threshold %.2f, floor %.2f\n", c.threshold, c.floor)
	fmt.Fprintf(w, "%-14s %6s %8s %8s %8s\n", "family", "n", "recall", "rules", "clf")
	var all, allTP float64
	for _, fam := range corpus.InjFamilies {
		var tp, rules, clf float64
		docs := corpus.SynthInjections(r, c.synthReport, []string{fam})
		for _, x := range docs {
			res := det.ScanDocument("text", x.Text)
			if res.Flagged {
				tp++
			}
			if res.RuleScore >= c.threshold {
				rules++
			}
			if res.ClassifierScore >= c.threshold {
				clf++
			}
			if c.verbose && !res.Flagged {
				fmt.Fprintf(w, "  miss[%s] score=%.2f %q\n", fam, res.Score, x.Text[x.Start:x.End])
			}
		}
		n := float64(len(docs))
		all += n
		allTP += tp
		fmt.Fprintf(w, "%-14s %6.0f %7.1f%% %7.1f%% %7.1f%%\n", fam, n, 100*tp/n, 100*rules/n, 100*clf/n)
	}
	fmt.Fprintf(w, "%-14s %6.0f %7.1f%%\n", "all", all, 100*allTP/all)
	var fp float64
	ben := corpus.SynthBenignTest(r, c.synthReport*len(corpus.InjFamilies))
	for _, x := range ben {
		res := det.ScanDocument("text", x.Text)
		if res.Flagged {
			fp++
			if c.verbose {
				var ids []string
				for _, f := range res.Findings {
					ids = append(ids, f.RuleID+"="+f.Excerpt)
				}
				fmt.Fprintf(w, "  fp score=%.2f clf=%.2f %q\n", res.Score, res.ClassifierScore, ids)
			}
		}
	}
	fmt.Fprintf(w, "benign synthetic carriers with trigger words: FPR %.2f%% (%d)\n", 100*fp/float64(len(ben)), len(ben))
	return nil
}

// loadExtra adds labelled tune files (outside the repository; built by
// scripts/peer-eval/injection/build_train_r5.py from permissively
// licensed sources): label 1 items become attacks of source "extra"
// (inserted into contexts like the others), label 0 items trainable
// contexts of kind "extra/<category>". A category starting with "task/"
// also makes the item a task-sentence positive (taskFamilyOf). Added
// after the shared data, so the shared data's sampling order holds.
func loadExtra(d *injData, files []string) error {
	for _, f := range files {
		items, _, err := corpus.LoadFile(f)
		if err != nil {
			return fmt.Errorf("loading extra training file %s: %w", f, err)
		}
		for _, it := range items {
			if strings.TrimSpace(it.Text) == "" {
				continue
			}
			if it.Label {
				d.attacks = append(d.attacks, corpus.InjAttack{Text: it.Text, Category: it.Category, Source: "extra"})
				continue
			}
			kind, _, _ := strings.Cut(it.Category, "/")
			if kind == "window-neg" {
				d.winNeg = append(d.winNeg, it.Text)
				continue
			}
			d.ctxs = append(d.ctxs, corpus.Context{Text: it.Text, Kind: "extra/" + kind, Source: f, Trainable: true, Slot: -1})
		}
	}
	return nil
}

// cleanRegion is the part of a clean context that the injected copy's
// window covers around byte at: the whole text up to 4 KB (a short
// document with any prefilter hit is read whole), else the hit region.
func cleanRegion(t string, at int) string {
	if len(t) <= 4096 {
		return t
	}
	at = min(at, len(t))
	lo, hi := max(0, at-384), min(len(t), at+640)
	for lo > 0 && t[lo]&0xC0 == 0x80 {
		lo--
	}
	for hi < len(t) && t[hi]&0xC0 == 0x80 {
		hi++
	}
	return t[lo:hi]
}

// windowBackground is the benign prose the window model always trains on:
// the README paragraphs and the window-only negatives.
func (d *injData) windowBackground() []string {
	if len(d.winNeg) == 0 {
		return d.background
	}
	return append(append([]string(nil), d.background...), d.winNeg...)
}
