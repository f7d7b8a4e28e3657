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
	skip := os.Getenv("FPSCAN_SKIP") // substring of paths to leave out (files written during a run)
	s := mustScanner(t, Options{})
	n, bytes := 0, 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "/secrets/") || strings.Contains(p, "/.git/") || (skip != "" && strings.Contains(p, skip)) {
			return nil
		}
		code := os.Getenv("FPSCAN_CODE") != "" && (strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".mjs") || strings.HasSuffix(p, ".cjs") || strings.HasSuffix(p, ".ts") || strings.HasSuffix(p, ".py"))
		if !code && !(strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".txt")) {
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

// TestFPSweepNamed prints what the named-credential detector finds under
// NAMED_SWEEP_ROOT (every text file, binary files skipped), for
// false-positive review: NAMED_SWEEP_ROOT=/path go test -run TestFPSweepNamed -v
func TestFPSweepNamed(t *testing.T) {
	root := os.Getenv("NAMED_SWEEP_ROOT")
	if root == "" {
		t.Skip("NAMED_SWEEP_ROOT not set")
	}
	skip := os.Getenv("NAMED_SWEEP_SKIP") // substring of paths to leave out
	s := mustScanner(t, Options{})
	n, files, bytes := 0, 0, 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (skip != "" && strings.Contains(p, skip)) {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.Size() > 4<<20 {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil || strings.IndexByte(string(b[:min(len(b), 8000)]), 0) >= 0 {
			return nil
		}
		files++
		bytes += len(b)
		text := string(b)
		for _, f := range s.Scan(text) {
			if f.RuleID != "generic-named-credential" {
				continue
			}
			n++
			ls := strings.LastIndexByte(text[:f.Start], '\n') + 1
			line := text[ls:min(len(text), f.End+40)]
			if i := strings.IndexByte(line[f.End-ls:], '\n'); i >= 0 {
				line = line[:f.End-ls+i]
			}
			if len(line) > 200 {
				line = line[max(0, f.Start-ls-100):]
			}
			fmt.Printf("NAMED %s %q | %s\n", p, text[f.Start:f.End], line)
		}
		return nil
	})
	fmt.Println("named findings", n, "files", files, "bytes", bytes)
}
