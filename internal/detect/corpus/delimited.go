package corpus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// IsDelimited reports whether path names a CSV or TSV file by its
// extension: labelled data sets are often published that way.
func IsDelimited(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv":
		return true
	}
	return false
}

// DelimitedHasLabel reports whether a CSV/TSV file's header names a label
// column ("label", "is_injection", ...). A header without one is some
// other layout (the Giskard CSV, a list of attacks with no label).
func DelimitedHasLabel(data []byte, path string) bool {
	r := newDelimitedReader(data, path)
	head, err := r.Read()
	if err != nil {
		return false
	}
	for _, h := range head {
		h = headerKey(h)
		for _, k := range labelKeys {
			if h == k {
				return true
			}
		}
	}
	return false
}

func newDelimitedReader(data []byte, path string) *csv.Reader {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // spreadsheet exports start with a BOM
	r := csv.NewReader(bytes.NewReader(data))
	if strings.EqualFold(filepath.Ext(path), ".tsv") {
		r.Comma = '\t'
	}
	r.LazyQuotes = true
	r.FieldsPerRecord = -1 // a short row is reported below, with its number
	return r
}

func headerKey(h string) string { return strings.ToLower(strings.TrimSpace(h)) }

// parseDelimited reads a CSV or TSV file with a header row: each row is
// read as an object of its header's columns, so the same text, label and
// category names as in JSON apply ("text,label" and "prompt,label" alike).
func parseDelimited(data []byte, source string) ([]Item, string, error) {
	r := newDelimitedReader(data, source)
	head, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, "empty file", nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("header: %w", err)
	}
	for i := range head {
		head[i] = headerKey(head[i])
	}
	var items []Item
	var reason string
	for row := 2; ; row++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, "", fmt.Errorf("row %d: %w", row, err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rec) != len(head) {
			return nil, "", fmt.Errorf("row %d: %d fields, the header has %d", row, len(rec), len(head))
		}
		o := make(map[string]any, len(head))
		for i, h := range head {
			if h != "" {
				o[h] = rec[i]
			}
		}
		got, why, err := parseObject(o, source)
		if err != nil {
			return nil, "", fmt.Errorf("row %d: %w", row, err)
		}
		if why != "" {
			reason = why
		}
		items = append(items, got...)
	}
	return items, fileReason(items, reason), nil
}
