package eval

import (
	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

// injectionKind evaluates the prompt-injection detector on documents:
// labelled JSON/JSONL texts and the shared corpora layouts (BIPIA contexts
// × attacks at start, middle and end; AgentDojo environments with their
// injection vectors; the Giskard CSV), built deterministically by
// corpus.LoadInjection.
func injectionKind() kind {
	return kind{
		defaultPaths: []string{"../shared/corpora/injection"},
		load:         corpus.LoadInjection,
		build: func(o options) (scorer, error) {
			d, err := detect.NewInjection(detect.Options{Threshold: o.threshold, NoClassifier: o.noClassifier, ExplainTop: -1})
			if err != nil {
				return nil, err
			}
			return injectionScorer{d}, nil
		},
	}
}

type injectionScorer struct{ d *detect.Detector }

func (s injectionScorer) score(it corpus.Item) (float64, bool, int) {
	text := it.Text
	if it.IsTool() { // a tool object in a labelled file: scan its text as one document
		text = detect.ClassifierText(it.Tool)
	}
	r := s.d.ScanDocument("document", text)
	return r.Score, r.Flagged, len(text)
}
