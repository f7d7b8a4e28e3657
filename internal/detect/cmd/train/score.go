package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

// scoreFiles reports, per labelled file, the full detector's recall and
// false positives and those of its two parts alone, for one model file.
// It is how a candidate model is compared with the embedded one on data
// that is not in the training corpus (docs/detection.md, peer sets).
func scoreFiles(modelPath string, files []string, threshold, floor float64, verbose bool, dump string, w io.Writer) error {
	raw, err := os.ReadFile(modelPath)
	if err != nil {
		return fmt.Errorf("reading model: %w", err)
	}
	m, err := detect.LoadModel(raw)
	if err != nil {
		return fmt.Errorf("loading model %s: %w", modelPath, err)
	}
	det, err := detect.NewPoisoning(detect.Options{Model: m, Threshold: threshold, ClassifierFloor: floor, ExplainTop: -1})
	if err != nil {
		return fmt.Errorf("building detector: %w", err)
	}
	var enc *json.Encoder
	if dump != "" {
		f, err := os.Create(dump)
		if err != nil {
			return err
		}
		defer f.Close()
		enc = json.NewEncoder(f)
	}
	fmt.Fprintf(w, "%-44s %5s %5s | %-16s %-16s %-16s\n", "file", "mal", "ben", "full TP/FP", "rules TP/FP", "clf TP/FP")
	for _, f := range files {
		items, _, err := corpus.LoadFile(f)
		if err != nil {
			return fmt.Errorf("reading %s: %w", f, err)
		}
		var mal, ben, tp, fp, rtp, rfp, ctp, cfp int
		for _, it := range items {
			var res detect.Result
			if it.IsTool() {
				res = det.ScanTool(it.Tool)
			} else {
				res = det.ScanText("description", it.Text)
			}
			if enc != nil {
				s := scored{Group: f, Label: it.Label, Rule: res.RuleScore, Clf: res.ClassifierScore,
					Flag: res.Flagged, Name: it.Tool.Name, Hidden: len(res.Findings) > 0}
				if err := enc.Encode(s); err != nil {
					return err
				}
			}
			full, rules, clf := res.Flagged, res.RuleScore >= threshold, res.ClassifierScore >= threshold
			if verbose && clf != it.Label {
				fmt.Fprintf(w, "  clf-error label=%v clf=%.2f rules=%.2f %.160q\n", it.Label, res.ClassifierScore, res.RuleScore, classifierText(it))
			}
			if it.Label {
				mal++
				tp += b2i(full)
				rtp += b2i(rules)
				ctp += b2i(clf)
			} else {
				ben++
				fp += b2i(full)
				rfp += b2i(rules)
				cfp += b2i(clf)
			}
		}
		fmt.Fprintf(w, "%-44s %5d %5d | %-16s %-16s %-16s\n", f, mal, ben,
			fmt.Sprintf("%d/%d", tp, fp), fmt.Sprintf("%d/%d", rtp, rfp), fmt.Sprintf("%d/%d", ctp, cfp))
	}
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
