// Package labelled reads the labelled JSONL files the injection eval tools
// score: one {"text","label","category"} object per line.
package labelled

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// Item is one labelled document.
type Item struct {
	Text     string `json:"text"`
	Label    int    `json:"label"`
	Category string `json:"category"`
}

// Each calls fn for every item of every file in order, with its file and
// 1-based line; it stops at the first error, fn's included.
func Each(files []string, fn func(file string, line int, it Item) error) error {
	for _, name := range files {
		if err := eachLine(name, fn); err != nil {
			return err
		}
	}
	return nil
}

func eachLine(name string, fn func(string, int, Item) error) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("opening %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var it Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return fmt.Errorf("reading %s line %d: %w", name, n, err)
		}
		if err := fn(name, n, it); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	return nil
}
