package detect

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
)

// Sample is one labelled text for training or evaluation.
type Sample struct {
	Text   string // classifier text: ClassifierText or TextForClassifier output
	Label  bool   // true = malicious
	Source string // where it came from, for held-out splits
}

// TrainOptions control Train. The zero value gives the defaults.
type TrainOptions struct {
	Bits   uint8      // feature bits, default DefaultBits
	Set    FeatureSet // feature kinds, default DefaultFeatures
	Epochs int        // default 12
	L2     float64    // default 1e-5 per example
	Rate   float64    // AdaGrad base rate, default 0.2
	Seed   uint64     // shuffling seed; same seed and data give the same model
	// Unbalanced weighs every sample 1 instead of balancing the classes;
	// with paired data (each injected window beside its clean original)
	// this lets the shared context cancel exactly.
	Unbalanced bool
}

// Train fits a logistic-regression Model with AdaGrad and balanced class
// weights. It is deterministic for a given Seed and sample order.
func Train(ctx context.Context, samples []Sample, opt TrainOptions) (*Model, error) {
	if opt.Bits == 0 {
		opt.Bits = DefaultBits
	}
	if opt.Set == 0 {
		opt.Set = DefaultFeatures
	}
	if opt.Epochs == 0 {
		opt.Epochs = 12
	}
	if opt.L2 == 0 {
		opt.L2 = 1e-5
	}
	if opt.Rate == 0 {
		opt.Rate = 0.2
	}
	var pos, neg int
	feats := make([][]uint32, len(samples))
	for i, s := range samples {
		feats[i] = Features(nil, s.Text, opt.Bits, opt.Set)
		if s.Label {
			pos++
		} else {
			neg++
		}
	}
	if pos == 0 || neg == 0 {
		return nil, fmt.Errorf("training: need both classes, have %d malicious and %d benign", pos, neg)
	}
	// Balanced weights: each class contributes equally to the loss.
	wPos := float64(len(samples)) / (2 * float64(pos))
	wNeg := float64(len(samples)) / (2 * float64(neg))
	if opt.Unbalanced {
		wPos, wNeg = 1, 1
	}
	n := 1 << opt.Bits
	w := make([]float64, n)
	g2 := make([]float64, n)
	var bias, gb2 float64
	order := make([]int, len(samples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("training: %w", err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			f := feats[i]
			if len(f) == 0 {
				continue
			}
			scale := 1 / math.Sqrt(float64(len(f)))
			z := bias
			for _, k := range f {
				z += w[k] * scale
			}
			y, cw := 0.0, wNeg
			if samples[i].Label {
				y, cw = 1, wPos
			}
			g := (sigmoid(z) - y) * cw
			gb2 += g * g
			bias -= opt.Rate * g / (math.Sqrt(gb2) + 1e-8)
			for _, k := range f {
				gk := g*scale + opt.L2*w[k]
				g2[k] += gk * gk
				w[k] -= opt.Rate * gk / (math.Sqrt(g2[k]) + 1e-8)
			}
		}
	}
	m := &Model{Bits: opt.Bits, Set: opt.Set, Bias: float32(bias), Weights: make([]float32, n)}
	for i, v := range w {
		if math.Abs(v) >= 1e-4 { // drop noise so the embedded file stays small
			m.Weights[i] = float32(v)
		}
	}
	return m, nil
}

// TextForClassifier is ClassifierText for a single text field.
func TextForClassifier(raw string) string {
	return ClassifierText(ToolText{Fields: []Field{{Path: "text", Text: raw}}})
}

// ClassifierText is the text the classifier sees for a tool: every
// normalised segment of every field, joined as ScanTool joins them.
func ClassifierText(t ToolText) string {
	var b []byte
	for _, f := range t.Fields {
		for _, seg := range Segments(f.Text) {
			if len(b) > 0 {
				b = append(b, " . "...)
			}
			b = append(b, seg.Norm.Text...)
		}
	}
	return string(b)
}
