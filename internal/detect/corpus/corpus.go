// Package corpus reads labelled data sets for training and evaluating the
// detectors: generic JSON arrays and JSONL of tool objects or texts with a
// label, and the layouts of the shared poisoning corpora. It does file I/O
// and is used by commands only, never at run time by the gateway.
package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
)

// Item is one labelled example.
type Item struct {
	Tool     detect.ToolText // set for tool definitions
	Text     string          // set for bare texts (no tool object)
	Label    bool            // true = malicious
	Category string          // attack category when the data has one
	Source   string          // file (and format) it came from
	// Clean is the benign tool a composed poisoned tool was built on;
	// training pairs them so that only the injected text carries weight.
	Clean *detect.ToolText
}

// IsTool reports whether the item is a tool definition.
func (it Item) IsTool() bool { return len(it.Tool.Fields) > 0 }

// Skipped names a file that was read but held nothing usable, and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// maxFile bounds one input file.
const maxFile = 256 << 20

// Load reads every path (files, or directories walked for .json, .jsonl,
// .csv and .tsv) and returns the items in a stable order.
func Load(paths []string) ([]Item, []Skipped, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("reading corpus: %w", err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".jsonl") || IsDelimited(path)) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("walking corpus %s: %w", p, err)
		}
	}
	sort.Strings(files)
	var items []Item
	var skipped []Skipped
	for _, f := range files {
		got, reason, err := LoadFile(f)
		if err != nil {
			return nil, nil, err
		}
		if len(got) == 0 {
			skipped = append(skipped, Skipped{Path: f, Reason: reason})
		}
		items = append(items, got...)
	}
	return items, skipped, nil
}

// LoadFile reads one file. A file in a known layout that has no labelled
// tool text (client configs, user prompts) returns no items and a reason.
func LoadFile(path string) ([]Item, string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("reading corpus file: %w", err)
	}
	if st.Size() > maxFile {
		return nil, "", fmt.Errorf("reading corpus file %s: %d bytes is over the %d limit", path, st.Size(), maxFile)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("reading corpus file: %w", err)
	}
	items, reason, err := Parse(data, path)
	if err != nil {
		return nil, "", fmt.Errorf("parsing corpus file %s: %w", path, err)
	}
	return items, reason, nil
}

// Parse reads JSON (an array, or an object in a known layout), JSONL, or
// CSV/TSV with a header row (by source's extension). source labels the
// items.
func Parse(data []byte, source string) ([]Item, string, error) {
	if IsDelimited(source) {
		return parseDelimited(data, source)
	}
	trim := bytes.TrimSpace(data)
	if len(trim) == 0 {
		return nil, "empty file", nil
	}
	var vals []any
	if trim[0] == '[' || trim[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(trim))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err == nil && !dec.More() {
			vals = []any{v}
		}
	}
	if vals == nil { // JSONL
		sc := bufio.NewScanner(bytes.NewReader(trim))
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		line := 0
		for sc.Scan() {
			line++
			l := bytes.TrimSpace(sc.Bytes())
			if len(l) == 0 {
				continue
			}
			dec := json.NewDecoder(bytes.NewReader(l))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, "", fmt.Errorf("line %d: %w", line, err)
			}
			vals = append(vals, v)
		}
		if err := sc.Err(); err != nil {
			return nil, "", err
		}
	}
	var items []Item
	var reason string
	for _, v := range vals {
		got, r, err := parseValue(v, source)
		if err != nil {
			return nil, "", err
		}
		if r != "" {
			reason = r
		}
		items = append(items, got...)
	}
	return items, fileReason(items, reason), nil
}

// fileReason is why a file gave no items: none when some items were read
// (others may have been skipped), else the last item's reason.
func fileReason(items []Item, reason string) string {
	switch {
	case len(items) > 0:
		return ""
	case reason == "":
		return "no labelled items"
	}
	return reason
}

func parseValue(v any, source string) ([]Item, string, error) {
	switch x := v.(type) {
	case []any:
		var items []Item
		var reason string
		for i, e := range x {
			got, r, err := parseValue(e, source)
			if err != nil {
				return nil, "", fmt.Errorf("item %d: %w", i, err)
			}
			if r != "" {
				reason = r
			}
			items = append(items, got...)
		}
		return items, reason, nil
	case map[string]any:
		return parseObject(x, source)
	}
	return nil, "not an object or array", nil
}

func parseObject(o map[string]any, source string) ([]Item, string, error) {
	switch {
	case o["mcpServers"] != nil:
		return nil, "MCP client configuration: no tool definitions (start the servers to list their tools)", nil
	case o["attack_task"] != nil || o["attack_type"] != nil:
		return nil, "MSB attack goals and types: instructions to compose, not tool definitions", nil
	case o["malicious_prompt"] != nil: // MCPSecBench attacks_updated.json
		s, _ := o["malicious_prompt"].(string)
		if strings.TrimSpace(s) == "" {
			return nil, "MCPSecBench attack with an empty malicious prompt", nil
		}
		name, _ := o["name"].(string)
		return []Item{{Text: s, Label: true, Category: name, Source: source}}, "", nil
	case o["prompts"] != nil || o["prompt"] != nil && o["result"] != nil:
		return nil, "MCPSecBench user prompts: what a user types, not what a server shows", nil
	}
	label, hasLabel, err := labelOf(o)
	if err != nil {
		return nil, "", err
	}
	if !hasLabel {
		return nil, "items without a label (\"label\" or \"_meta.is_attack\")", nil
	}
	cat := categoryOf(o)
	if s, ok := o["_source"].(string); ok && s != "" {
		source += "#" + s
	}
	if _, ok := o["name"].(string); ok {
		return []Item{{Tool: detect.ToolFromMap(o), Label: label, Category: cat, Source: source}}, "", nil
	}
	for _, k := range textKeys {
		if t, ok := o[k].(string); ok {
			return []Item{{Text: t, Label: label, Category: cat, Source: source}}, "", nil
		}
	}
	return nil, "", errors.New("labelled item has neither a tool name nor text")
}

// textKeys name the text of a labelled item in the layouts public data
// sets use, most specific first.
var textKeys = [...]string{"text", "description", "content", "prompt", "input", "sample",
	"user_input", "user prompt", "document", "query", "sentence", "message"}

// labelKeys name an item's label, in order: the first present is read.
// Names that could as well hold a text ("injection", "poisoned") are not
// among them.
var labelKeys = [...]string{"label", "malicious", "is_malicious", "is_injection", "is_attack",
	"is_poisoned", "has_secret", "contains_secret", "is_secret"}

// Label words of public data sets; anything else is an error, not a guess.
var (
	positiveLabels = map[string]bool{"1": true, "true": true, "yes": true, "malicious": true, "poisoned": true,
		"attack": true, "unsafe": true, "injection": true, "injected": true, "prompt_injection": true,
		"prompt-injection": true, "jailbreak": true, "harmful": true, "positive": true, "secret": true, "leak": true}
	negativeLabels = map[string]bool{"0": true, "false": true, "no": true, "benign": true, "clean": true,
		"safe": true, "legitimate": true, "legit": true, "normal": true, "harmless": true, "negative": true,
		"none": true, "ok": true}
)

// softLabelKeys may name a label in some data sets ("type": "jailbreak"
// or "benign") and something else in others ("type": "function"): they
// are read only when they hold a label value, after every labelKeys name.
var softLabelKeys = [...]string{"type", "class", "target", "prompt injection", "prompt_injection"}

func labelOf(o map[string]any) (bool, bool, error) {
	var v any
	ok := false
	for _, k := range labelKeys {
		if v, ok = o[k]; ok {
			break
		}
	}
	if !ok {
		if m, isMap := o["_meta"].(map[string]any); isMap {
			v, ok = m["is_attack"]
		}
	}
	if !ok {
		for _, k := range softLabelKeys {
			if l, isLabel, err := labelValue(o[k]); isLabel && err == nil {
				return l, true, nil
			}
		}
		return false, false, nil
	}
	return labelValue(v)
}

// labelValue reads one label value: a bool, 0 or 1, or a label word.
func labelValue(v any) (bool, bool, error) {
	if v == nil {
		return false, false, nil
	}
	switch x := v.(type) {
	case bool:
		return x, true, nil
	case json.Number:
		if f, err := x.Float64(); err == nil && (f == 0 || f == 1) {
			return f == 1, true, nil
		}
	case string:
		w := strings.ToLower(strings.TrimSpace(x))
		switch {
		case positiveLabels[w]:
			return true, true, nil
		case negativeLabels[w]:
			return false, true, nil
		}
	}
	return false, false, fmt.Errorf("unreadable label %v", v)
}

func categoryOf(o map[string]any) string {
	for _, k := range [...]string{"category", "attack_type", "paradigm"} {
		if s, ok := o[k].(string); ok {
			return s
		}
	}
	if m, ok := o["_meta"].(map[string]any); ok {
		for _, k := range [...]string{"category", "paradigm", "attack_type"} {
			if s, ok := m[k].(string); ok {
				return s
			}
		}
	}
	return ""
}
