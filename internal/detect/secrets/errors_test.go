package secrets

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestLabelledErrors prints the misses and false alarms of a labelled
// JSONL file ({"text", "label", "category"}), one per line, for error
// analysis: WARDEN_ERRORS_FILE=/path/set.jsonl go test -run TestLabelledErrors -v
// With WARDEN_ERRORS_HITS=1 it prints the positives found too (HIT), to
// see what a change would cost before making it.
func TestLabelledErrors(t *testing.T) {
	hits := os.Getenv("WARDEN_ERRORS_HITS") != ""
	path := os.Getenv("WARDEN_ERRORS_FILE")
	if path == "" {
		t.Skip("WARDEN_ERRORS_FILE not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := mustScanner(t, Options{})
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var it struct {
			Text     string `json:"text"`
			Label    int    `json:"label"`
			Category string `json:"category"`
		}
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("reading %s: %v", path, err)
		}
		fs := s.Scan(it.Text)
		text := it.Text
		if len(text) > 200 {
			text = text[:200]
		}
		var got []string
		for _, f := range fs {
			got = append(got, f.RuleID+"="+it.Text[f.Start:f.End])
		}
		switch {
		case it.Label == 1 && len(fs) > 0 && hits:
			fmt.Printf("HIT %s %s | %q\n", it.Category, strings.Join(got, " "), text)
		case it.Label == 1 && len(fs) == 0:
			fmt.Printf("MISS %s %q\n", it.Category, text)
		case it.Label == 0 && len(fs) > 0:
			fmt.Printf("FP %s %s | %q\n", it.Category, strings.Join(got, " "), text)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestLabelledScore prints recall, precision and false-positive rate of
// labelled JSONL files (comma-separated in WARDEN_SCORE_FILES).
func TestLabelledScore(t *testing.T) {
	paths := os.Getenv("WARDEN_SCORE_FILES")
	if paths == "" {
		t.Skip("WARDEN_SCORE_FILES not set")
	}
	s := mustScanner(t, Options{})
	for _, path := range strings.Split(paths, ",") {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		tp, fn, fp, tn := 0, 0, 0, 0
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var it struct {
				Text  string `json:"text"`
				Label int    `json:"label"`
			}
			if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
				t.Fatalf("reading %s: %v", path, err)
			}
			hit := len(s.Scan(it.Text)) > 0
			switch {
			case it.Label == 1 && hit:
				tp++
			case it.Label == 1:
				fn++
			case hit:
				fp++
			default:
				tn++
			}
		}
		f.Close()
		fmt.Printf("%-40s pos %4d neg %4d recall %.2f%% precision %.2f%% FPR %.2f%% tp %d fp %d\n", path, tp+fn, fp+tn,
			100*float64(tp)/float64(max(1, tp+fn)), 100*float64(tp)/float64(max(1, tp+fp)), 100*float64(fp)/float64(max(1, fp+tn)), tp, fp)
	}
}
