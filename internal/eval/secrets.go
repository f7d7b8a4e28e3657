package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/warden-mcp/warden/internal/detect/corpus"
	"github.com/warden-mcp/warden/internal/detect/secrets"
)

// generatedSecretsItems is the size of the built-in evaluation set.
const generatedSecretsItems = 4000

// secretsKind evaluates the secrets engine. With no files it uses the
// built-in generated set (seed secrets.DefaultEvalSeed), written once to
// a file in the temporary directory whose name says what it is, because
// the evaluation reads labelled files.
func secretsKind() kind {
	return kind{
		defaultPaths: []string{generatedSecretsPath()},
		build: func(options) (scorer, error) {
			s, err := secrets.New(secrets.Options{})
			if err != nil {
				return nil, err
			}
			return secretsScorer{s}, nil
		},
	}
}

// generatedSecretsPath writes the generated set if it is not there yet
// and returns its path. On failure it returns a path that does not
// exist, and Run reports that no default corpus was found.
func generatedSecretsPath() string {
	name := fmt.Sprintf("warden-eval-secrets-generated-v%d-seed%d-n%d.jsonl", secrets.EvalSetVersion, secrets.DefaultEvalSeed, generatedSecretsItems)
	p := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	f, err := os.CreateTemp(os.TempDir(), name+".*")
	if err != nil {
		return p
	}
	enc := json.NewEncoder(f)
	for _, s := range secrets.EvalSet(secrets.DefaultEvalSeed, generatedSecretsItems) {
		if err := enc.Encode(s); err != nil {
			f.Close()
			os.Remove(f.Name())
			return p
		}
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return p
	}
	if err := os.Rename(f.Name(), p); err != nil {
		os.Remove(f.Name())
	}
	return p
}

type secretsScorer struct{ s *secrets.Scanner }

// itemTexts is what the secrets scanner reads of an item: its text, or
// each field of a tool object.
func itemTexts(it corpus.Item) []string {
	if !it.IsTool() {
		return []string{it.Text}
	}
	texts := make([]string, 0, len(it.Tool.Fields))
	for _, f := range it.Tool.Fields {
		texts = append(texts, f.Text)
	}
	return texts
}

// explain names the rules that found something (for a false positive); a
// missed secret has none.
func (sc secretsScorer) explain(it corpus.Item) string {
	var ids []string
	for _, t := range itemTexts(it) {
		for _, f := range sc.s.Scan(t) {
			if id := fmt.Sprintf("%s %.2f", f.RuleID, f.Confidence); !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return strings.Join(ids, ", ")
}

// score flags an item when the scanner finds at least one secret; the
// score is the highest finding confidence.
func (sc secretsScorer) score(it corpus.Item) (float64, bool, int) {
	best, n := 0.0, 0
	for _, t := range itemTexts(it) {
		n += len(t)
		for _, f := range sc.s.Scan(t) {
			best = max(best, f.Confidence)
		}
	}
	return best, best > 0, n
}
