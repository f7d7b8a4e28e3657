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
func TestLabelledErrors(t *testing.T) {
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
		switch {
		case it.Label == 1 && len(fs) == 0:
			fmt.Printf("MISS %s %q\n", it.Category, text)
		case it.Label == 0 && len(fs) > 0:
			var got []string
			for _, f := range fs {
				got = append(got, f.RuleID+"="+it.Text[f.Start:f.End])
			}
			fmt.Printf("FP %s %s | %q\n", it.Category, strings.Join(got, " "), text)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
