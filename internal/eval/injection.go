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
	text := documentText(it)
	r := s.d.ScanDocument("document", text)
	return r.Score, r.Flagged, len(text)
}

func (s injectionScorer) explain(it corpus.Item) string {
	return whyResult(s.d.ScanDocument("document", documentText(it)))
}

// documentText is what an item is scanned as: its text, or a tool object's
// text as one document.
func documentText(it corpus.Item) string {
	if it.IsTool() {
		return detect.ClassifierText(it.Tool)
	}
	return it.Text
}
