package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/warden-mcp/warden/internal/config"
)

// maxFile bounds a policy file.
const maxFile = 1 << 20

// LoadFile reads and compiles a policy file.
func LoadFile(path string, opts Options) (*Set, error) {
	doc, locate, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	opts.Locate = locate
	return Compile(doc, opts)
}

// ReadFile reads a policy document strictly (unknown fields are errors)
// and returns it with a locator for its fields.
func ReadFile(path string) (*Document, func(field, msg string) config.Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("opening policy: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading policy: %w", err)
	}
	if len(data) > maxFile {
		return nil, nil, fmt.Errorf("policy %s is larger than %d bytes", path, maxFile)
	}
	return Parse(path, data)
}

// Parse decodes a policy document from data; name is used in messages.
func Parse(name string, data []byte) (*Document, func(field, msg string) config.Problem, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	locate := func(field, msg string) config.Problem {
		p := config.Problem{File: name, Field: field, Msg: msg}
		n := &root
		if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
			n = n.Content[0]
		}
		n = config.NodeAt(n, field)
		p.Line, p.Col = n.Line, n.Column
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			p.Line++ // a block scalar's text starts on the next line
		}
		return p
	}
	var doc Document
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &doc, locate, nil
		}
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return &doc, locate, nil
}
