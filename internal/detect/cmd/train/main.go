// Command train builds the embedded tool-poisoning classifier from
// permissively licensed data and reports cross-source held-out results.
//
//	go run ./internal/detect/cmd/train -corpus ../shared/corpora -out internal/detect/model/poisoning.bin
//	go run ./internal/detect/cmd/train -corpus ../shared/corpora -crossval
//	go run ./internal/detect/cmd/train -kind injection -corpus ../shared/corpora -out internal/detect/model/injection.bin
//
// See internal/detect/model/README.md for the data and the procedure.
package main

import (
	"bufio"
	"context"
	"encoding/json"
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

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

type config struct {
	corpus    string
	benignDir string
	out       string
	seed      uint64
	synth     int
	// synthTools is the number of whole poisoned tools from
	// corpus.SynthTools (each with its clean twin; half as many honest
	// trigger-word tools as negatives). 0 reproduces the old model.
	synthTools int
	// synthHijack is the number of hijack and tampering tools from
	// corpus.SynthHijack (round 3); 0 reproduces the old model.
	synthHijack int
	skipFams    map[string]bool
	// extra are labelled files of real tools (round 14b): poisoned ones
	// are trained on as they are, benign ones join the benign servers.
	// Each item's "_source" names its repository, the unit of -repocv.
	extra     []string
	extraRep  int
	repocv    bool
	dump      string
	crossval  bool
	threshold float64
	verbose   bool
	floor     float64
	topt      detect.TrainOptions
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	switch k := kindArg(args); k {
	case "injection":
		return runInjection(ctx, args, stdout)
	case "poisoning":
	default:
		return fmt.Errorf("unknown -kind %q (poisoning or injection)", k)
	}
	var c config
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.String("kind", "poisoning", "model to train: poisoning (default) or injection (see injection.go)")
	fs.StringVar(&c.corpus, "corpus", "../shared/corpora", "shared corpora folder (poisoning/ inside it is read)")
	fs.StringVar(&c.benignDir, "benign", "internal/detect/data", "folder with Warden's own benign tool files (*.jsonl)")
	fs.StringVar(&c.out, "out", "", "write the model here (e.g. internal/detect/model/poisoning.bin)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed; the same seed and data give the same bytes")
	fs.IntVar(&c.synth, "synthetic", 1500, "number of synthetic poisoned tools to compose")
	fs.IntVar(&c.synthHijack, "synth-hijack", 0, "number of synthetic call-hijacking and argument-tampering tools (corpus.SynthHijack) to add; 0 (default) gives the shipped model")
	fs.IntVar(&c.synthTools, "synth-tools", 0, "number of whole synthetic poisoned tools (corpus.SynthTools) to add; 0 (default) gives the shipped model, 3000 the candidate measured in docs/detection.md")
	famcv := fs.Bool("famcv", false, "report, per SynthTools family, recall when that family is left out of training")
	fs.BoolVar(&c.crossval, "crossval", false, "report held-out results by source instead of (or before) writing")
	fs.Float64Var(&c.threshold, "threshold", detect.DefaultThreshold, "threshold for the reported numbers")
	fs.Float64Var(&c.topt.L2, "l2", 1e-4, "L2 regularisation per example")
	fs.IntVar(&c.topt.Epochs, "epochs", 6, "training epochs")
	var set uint
	fs.UintVar(&set, "features", uint(detect.DefaultFeatures), "feature kinds: 1 words, 2 word pairs, 4 word triples, 8 character n-grams (sum)")
	fs.Float64Var(&c.floor, "floor", detect.DefaultClassifierFloor, "classifier floor for the reported numbers")
	fs.BoolVar(&c.verbose, "v", false, "with -crossval, print each held-out error")
	extra := fs.String("extra", "", "comma-separated labelled JSONL files of real tools to add (\"_source\" = repository); none (default) gives the shipped model of round 13")
	fs.IntVar(&c.extraRep, "extra-rep", 1, "how many times each poisoned tool of -extra is trained on")
	fs.BoolVar(&c.repocv, "repocv", false, "leave each -extra repository of poisoned tools out of training in turn and score it (benign servers spread over the same folds)")
	fs.StringVar(&c.dump, "dump", "", "with -repocv or -score, write one JSON line per scored item (file or group, label, rule and classifier scores) here")
	score := fs.String("score", "", "score the labelled files given as arguments with this model file and exit (no training)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *extra != "" {
		c.extra = strings.Split(*extra, ",")
	}
	if *score != "" {
		return scoreFiles(*score, fs.Args(), c.threshold, c.floor, c.verbose, c.dump, stdout)
	}
	c.topt.Seed = c.seed
	c.topt.Set = detect.FeatureSet(set)
	d, err := loadData(c)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "data: %d benign tools in %d groups; malicious: %d fuzzd, %d mcpsecbench texts, %d msb goals, %d real (-extra)\n",
		len(d.benign), len(d.groups()), len(d.fuzzdMal), len(d.secbench), len(d.msbTasks), len(d.realMal))
	if *famcv {
		if err := familyCV(ctx, c, d, stdout); err != nil {
			return err
		}
	}
	if c.repocv {
		if err := repoCV(ctx, c, d, stdout); err != nil {
			return err
		}
	}
	if c.crossval {
		if err := crossval(ctx, c, d, stdout); err != nil {
			return err
		}
	}
	if c.out == "" {
		return nil
	}
	r := rand.New(rand.NewPCG(c.seed, 1))
	train := d.compose(r, c.synth, d.benign, nil, true)
	m, err := detect.Train(ctx, samples(train), c.topt)
	if err != nil {
		return err
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
	fmt.Fprintf(stdout, "trained on %d examples (%d malicious, before pairing); %d non-zero weights; wrote %s (%d bytes)\n",
		len(train), countMal(train), nz, c.out, len(bin))
	return nil
}

type data struct {
	benign []corpus.Item // tools, Source names the group (server)
	// background is benign prose (package READMEs): always trained on,
	// never tested on, it teaches the model ordinary technical language.
	background  []corpus.Item
	fuzzdMal    []corpus.Item
	realMal     []corpus.Item // poisoned tools of -extra, Source = repository
	realRep     int
	secbench    []corpus.Item // texts
	msbTasks    []string
	synthTools  int
	synthHijack int
	skipFams    map[string]bool
	seed        uint64
}

func loadData(c config) (*data, error) {
	p := filepath.Join(c.corpus, "poisoning")
	d := &data{synthTools: c.synthTools, synthHijack: c.synthHijack, skipFams: c.skipFams, seed: c.seed, realRep: c.extraRep}
	read := func(path string) ([]corpus.Item, error) {
		items, _, err := corpus.LoadFile(path)
		return items, err
	}
	fz, err := read(filepath.Join(p, "fuzzd_mcptox_style_synthetic.json"))
	if err != nil {
		return nil, err
	}
	d.fuzzdMal = relabel(fz, "fuzzd")
	clean, err := read(filepath.Join(p, "fuzzd_clean_tools.json"))
	if err != nil {
		return nil, err
	}
	d.benign = append(d.benign, relabel(clean, "fuzzd-clean")...)
	sb, err := read(filepath.Join(p, "mcpsecbench", "attacks_updated.json"))
	if err != nil {
		return nil, err
	}
	d.secbench = relabel(sb, "mcpsecbench")
	tasks, err := readMSBTasks(filepath.Join(p, "msb", "attack_task.jsonl"))
	if err != nil {
		return nil, err
	}
	d.msbTasks = tasks
	files, err := filepath.Glob(filepath.Join(c.benignDir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		items, err := read(f)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.Label {
				continue
			}
			if !it.IsTool() {
				d.background = append(d.background, it)
				continue
			}
			// Group by server: the part after '#' is "package@version (licence)".
			g := filepath.Base(f)
			if i := strings.IndexByte(it.Source, '#'); i >= 0 {
				g = strings.SplitN(it.Source[i+1:], "@", 3)[0]
				if strings.HasPrefix(it.Source[i+1:], "@") {
					g = "@" + strings.SplitN(it.Source[i+2:], "@", 2)[0]
				}
			}
			it.Source = g
			d.benign = append(d.benign, it)
		}
	}
	if err := d.loadExtra(c.extra); err != nil {
		return nil, err
	}
	if len(d.benign) == 0 || len(d.fuzzdMal) == 0 {
		return nil, fmt.Errorf("loading data: no benign or no malicious tools under %s and %s", p, c.benignDir)
	}
	return d, nil
}

func relabel(items []corpus.Item, src string) []corpus.Item {
	for i := range items {
		items[i].Source = src
	}
	return items
}

func readMSBTasks(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading MSB goals: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		var v struct {
			Implementation string `json:"implementation"`
		}
		if err := json.Unmarshal(sc.Bytes(), &v); err == nil && v.Implementation != "" {
			out = append(out, v.Implementation)
		}
	}
	return out, sc.Err()
}

func (d *data) groups() []string {
	seen := map[string]bool{}
	var gs []string
	for _, b := range d.benign {
		if !seen[b.Source] {
			seen[b.Source] = true
			gs = append(gs, b.Source)
		}
	}
	sort.Strings(gs)
	return gs
}

// compose builds a training or test set: the given benign tools, plus
// malicious tools from every source not excluded, composed on those
// benign tools.
func (d *data) compose(r *rand.Rand, nSynth int, benign []corpus.Item, only map[string]bool, background bool) []corpus.Item {
	use := func(s string) bool { return only == nil || only[s] }
	bases := make([]detect.ToolText, len(benign))
	for i, b := range benign {
		bases[i] = b.Tool
	}
	out := append([]corpus.Item(nil), benign...)
	if background {
		out = append(out, d.background...)
	}
	if use("fuzzd") {
		out = append(out, d.fuzzdMal...)
	}
	if use("mcpsecbench") {
		out = append(out, corpus.InjectTexts(r, d.secbench, bases, 12)...)
	}
	if use("msb") {
		out = append(out, corpus.ComposeMSB(r, d.msbTasks, bases, 12)...)
	}
	if use("synthetic") {
		out = append(out, corpus.Synthesize(r, bases, nSynth)...)
	}
	if use("real") {
		for range max(1, d.realRep) {
			out = append(out, d.realMal...)
		}
	}
	if use("synth-tools") && d.synthTools > 0 {
		// Own stream, so the sampling of the other sources does not move.
		tr := rand.New(rand.NewPCG(d.seed, 5))
		mal, ben := corpus.SynthTools(tr, d.synthTools, d.skipFams)
		out = append(out, mal...)
		if background {
			out = append(out, ben...)
		}
	}
	if use("synth-hijack") && d.synthHijack > 0 {
		// Own stream too (PCG(seed, 6)), for the same reason.
		hr := rand.New(rand.NewPCG(d.seed, 6))
		mal, ben := corpus.SynthHijack(hr, bases, d.synthHijack)
		out = append(out, mal...)
		out = append(out, ben...)
	}
	return out
}

// samples turns items into training samples. Each composed poisoned tool
// is paired with its clean original, so the base text cancels out and the
// model learns from the injected text only.
func samples(items []corpus.Item) []detect.Sample {
	out := make([]detect.Sample, 0, len(items)*2)
	for _, it := range items {
		out = append(out, detect.Sample{Text: classifierText(it), Label: it.Label, Source: it.Source})
		if it.Clean != nil {
			out = append(out, detect.Sample{Text: detect.ClassifierText(*it.Clean), Label: false, Source: "pair"})
		}
	}
	return out
}

func classifierText(it corpus.Item) string {
	if it.IsTool() {
		return detect.ClassifierText(it.Tool)
	}
	return detect.TextForClassifier(it.Text)
}

func countMal(items []corpus.Item) int {
	n := 0
	for _, it := range items {
		if it.Label {
			n++
		}
	}
	return n
}

// crossval holds out one malicious source at a time, and half of the
// benign servers, so that every number is on data the classifier did not
// see: neither the attack author nor the benign server.
func crossval(ctx context.Context, c config, d *data, w io.Writer) error {
	groups := d.groups()
	sources := []string{"fuzzd", "mcpsecbench", "msb", "synthetic"}
	fmt.Fprintf(w, "\nheld-out results at threshold %.2f (benign servers split in two halves by name; each row averages both directions)\n", c.threshold)
	fmt.Fprintf(w, "%-34s %8s %8s %8s %8s %8s\n", "train -> test", "n_mal", "recall", "rules", "clf", "FPR")
	type fold struct {
		name  string
		train map[string]bool
		test  map[string]bool
	}
	var folds []fold
	for _, s := range sources {
		tr := map[string]bool{}
		for _, o := range sources {
			if o != s {
				tr[o] = true
			}
		}
		folds = append(folds, fold{"all but " + s + " -> " + s, tr, map[string]bool{s: true}})
	}
	folds = append(folds,
		fold{"fuzzd -> mcpsecbench+msb", map[string]bool{"fuzzd": true}, map[string]bool{"mcpsecbench": true, "msb": true}},
		fold{"mcpsecbench+msb -> fuzzd", map[string]bool{"mcpsecbench": true, "msb": true}, map[string]bool{"fuzzd": true}},
		fold{"(none: rules only) -> fuzzd", nil, map[string]bool{"fuzzd": true}},
	)
	// The whole-tool generator is always trained on (never tested on
	// here; -famcv holds out its families), so these rows measure the
	// model that is shipped.
	for _, f := range folds {
		if f.train != nil {
			f.train["synth-tools"] = true
		}
	}
	for fi, f := range folds {
		var t cvTally
		for half := 0; half < 2; half++ {
			trainG, testG := map[string]bool{}, map[string]bool{}
			for i, g := range groups {
				if i%2 == half {
					trainG[g] = true
				} else {
					testG[g] = true
				}
			}
			var trB, teB []corpus.Item
			for _, b := range d.benign {
				if trainG[b.Source] {
					trB = append(trB, b)
				} else {
					teB = append(teB, b)
				}
			}
			r := rand.New(rand.NewPCG(c.seed+uint64(fi*2+half), 7))
			opts := detect.Options{Threshold: c.threshold, ClassifierFloor: c.floor, ExplainTop: -1}
			if f.train == nil {
				opts.NoClassifier = true
			} else {
				m, err := detect.Train(ctx, samples(d.compose(r, c.synth, trB, f.train, true)), c.topt)
				if err != nil {
					return err
				}
				opts.Model = m
			}
			det, err := detect.NewPoisoning(opts)
			if err != nil {
				return err
			}
			test := d.compose(r, 400, teB, f.test, false)
			for _, it := range test {
				var res detect.Result
				if it.IsTool() {
					res = det.ScanTool(it.Tool)
				} else {
					res = det.ScanText("description", it.Text)
				}
				t.add(it.Label, res, c.threshold)
				if c.verbose && res.Flagged != it.Label {
					fmt.Fprintf(w, "  miss[%s] label=%v score=%.2f rules=%.2f clf=%.2f %s: %.200q\n", f.name, it.Label, res.Score, res.RuleScore, res.ClassifierScore, it.Tool.Name, classifierText(it))
				}
			}
		}
		fmt.Fprintf(w, "%-34s %8.0f %7.1f%% %7.1f%% %7.1f%% %7.2f%%\n", f.name, t.n/2, 100*t.tp/t.n, 100*t.rulesTP/t.n, 100*t.clfTP/t.n, 100*t.fp/t.neg)
	}
	return nil
}

// cvTally counts one cross-validation fold's results: the full detector,
// its rules alone and its classifier alone on the poisoned items, and its
// false positives on the benign ones.
type cvTally struct{ tp, n, rulesTP, clfTP, fp, neg float64 }

func (t *cvTally) add(label bool, res detect.Result, threshold float64) {
	if !label {
		t.neg++
		if res.Flagged {
			t.fp++
		}
		return
	}
	t.n++
	if res.Flagged {
		t.tp++
	}
	if res.RuleScore >= threshold {
		t.rulesTP++
	}
	if res.ClassifierScore >= threshold {
		t.clfTP++
	}
}
