package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

// familyCV leaves one corpus.SynthTools family out of training at a time
// and scores 200 fresh tools of that family (a random stream training
// never used), with the full detector and the classifier alone. The
// rules were not written against this generator, but they were written
// by the same people, so the "clf" column is the one to read.
func familyCV(ctx context.Context, c config, d *data, w io.Writer) error {
	if d.synthTools == 0 {
		return fmt.Errorf("-famcv needs -synth-tools > 0")
	}
	fmt.Fprintf(w, "\nSynthTools family held out of training (threshold %.2f, floor %.2f)\n", c.threshold, c.floor)
	fmt.Fprintf(w, "%-14s %6s %8s %8s %8s\n", "family", "n", "recall", "rules", "clf")
	for _, fam := range corpus.SynthToolFamilies() {
		dd := *d
		dd.skipFams = map[string]bool{fam: true}
		det, err := trainFold(ctx, c, &dd)
		if err != nil {
			return err
		}
		skip := map[string]bool{}
		for _, f := range corpus.SynthToolFamilies() {
			if f != fam {
				skip[f] = true
			}
		}
		test, _ := corpus.SynthTools(rand.New(rand.NewPCG(c.seed+1000, 11)), 200, skip)
		var tp, rtp, ctp int
		for _, it := range test {
			res := det.ScanTool(it.Tool)
			tp += b2i(res.Flagged)
			rtp += b2i(res.RuleScore >= c.threshold)
			ctp += b2i(res.ClassifierScore >= c.threshold)
		}
		n := float64(len(test))
		fmt.Fprintf(w, "%-14s %6d %7.1f%% %7.1f%% %7.1f%%\n", fam, len(test), 100*float64(tp)/n, 100*float64(rtp)/n, 100*float64(ctp)/n)
	}
	return nil
}

// trainFold trains a model on one cross-validation fold's data, with the
// run's seed and options, and returns a detector that uses it.
func trainFold(ctx context.Context, c config, d *data) (*detect.Detector, error) {
	r := rand.New(rand.NewPCG(c.seed, 1))
	m, err := detect.Train(ctx, samples(d.compose(r, c.synth, d.benign, nil, true)), c.topt)
	if err != nil {
		return nil, err
	}
	return detect.NewPoisoning(detect.Options{Model: m, Threshold: c.threshold, ClassifierFloor: c.floor, ExplainTop: -1})
}
