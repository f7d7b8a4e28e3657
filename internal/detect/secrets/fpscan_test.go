package secrets

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFPScanRepo(t *testing.T) {
	root := os.Getenv("FPSCAN_ROOT")
	if root == "" {
		t.Skip()
	}
	s := mustScanner(t, Options{})
	n, bytes := 0, 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "/secrets/") || strings.Contains(p, "/.git/") {
			return nil
		}
		if !(strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".txt")) {
			return nil
		}
		b, _ := os.ReadFile(p)
		if len(b) > 20<<20 {
			return nil
		}
		bytes += len(b)
		text := string(b)
		for _, f := range s.Scan(text) {
			n++
			ls := strings.LastIndexByte(text[:f.Start], '\n') + 1
			le := strings.IndexByte(text[f.End:], '\n')
			if le < 0 {
				le = len(text)
			} else {
				le += f.End
			}
			line := text[ls:le]
			if len(line) > 160 {
				line = line[:160]
			}
			fmt.Printf("%s %s %q | %s\n", filepath.Base(p), f.RuleID, text[f.Start:f.End], line)
		}
		return nil
	})
	fmt.Println("findings", n, "bytes", bytes)
}
