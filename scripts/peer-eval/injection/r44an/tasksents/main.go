// Command tasksents reads JSONL documents ({text, ...}) on stdin and
// writes, for every candidate sentence the injection detector's task
// reader takes from each (detect.Detector.InjectionTaskSentences, the
// scan-time reader), one JSONL line {text, sentence, doc, ...} whose text
// is what the task model scores (detect.InjectionTaskText). The other
// fields of the document are copied. Round 44's builder
// (build_train_r44.py) uses it to turn web prose into task negatives.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/warden-mcp/warden/internal/detect"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "tasksents:", err)
		os.Exit(1)
	}
}

func run() error {
	det, err := detect.NewInjectionTask(detect.Options{}, nil, 0)
	if err != nil {
		return fmt.Errorf("building the detector: %w", err)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for n := 1; in.Scan(); n++ {
		var doc map[string]any
		if err := json.Unmarshal(in.Bytes(), &doc); err != nil {
			return fmt.Errorf("reading document %d: %w", n, err)
		}
		text, _ := doc["text"].(string)
		for _, s := range det.InjectionTaskSentences(text) {
			row := map[string]any{}
			for k, v := range doc {
				row[k] = v
			}
			row["text"] = detect.InjectionTaskText(text, s[0], s[1])
			row["sentence"] = text[s[0]:s[1]]
			row["doc"] = n
			if err := enc.Encode(row); err != nil {
				return fmt.Errorf("writing sentence of document %d: %w", n, err)
			}
		}
	}
	return in.Err()
}
