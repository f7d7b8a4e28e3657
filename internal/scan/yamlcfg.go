package scan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Goose (config.yaml, `extensions:`) and Continue (config.yaml, config.json
// and .continue/mcpServers/ block files) keep their servers in YAML or in
// JSON shapes other than the `mcpServers` object. They are read here as
// yaml.Node trees, which keep line numbers; JSON is YAML, so Continue's JSON
// files go through the same walker once comments are stripped.

// parseYAMLRoot returns the top-level mapping of a YAML (or JSON) document,
// or nil for an empty document.
func parseYAMLRoot(data []byte) (*yaml.Node, error) {
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		// JSON (Continue's config.json and block files, comments allowed):
		// hold it to JSON's rules rather than YAML's looser flow syntax.
		data = stripJSONC(data)
		if !json.Valid(data) {
			var v any
			return nil, fmt.Errorf("invalid JSON: %w", json.Unmarshal(data, &v))
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	root := deref(&doc)
	if root != nil && root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, nil
		}
		root = deref(root.Content[0])
	}
	if root == nil || root.Kind == 0 || root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("invalid configuration: the top level is not a mapping")
	}
	if !withinExpansion(root, maxYAMLExpansion) {
		return nil, fmt.Errorf("invalid configuration: aliases expand to more than %d nodes", maxYAMLExpansion)
	}
	return root, nil
}

// maxYAMLExpansion bounds the nodes of a document with its aliases
// expanded. Decoding into a yaml.Node does not expand aliases (so the
// library's own alias limits do not apply), but the walkers below read
// through them: a mapping of a million keys aliased by a million servers
// made them do 10^12 steps. A configuration never comes near this bound.
const maxYAMLExpansion = 4 << 20

// withinExpansion reports whether n, aliases followed, has at most budget
// nodes. Nodes are counted as they are queued, so neither the work nor the
// queue outgrows the budget, and alias bombs and cycles end quickly.
func withinExpansion(n *yaml.Node, budget int) bool {
	stack := []*yaml.Node{n}
	budget--
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		next := n.Content
		if n.Kind == yaml.AliasNode {
			next = []*yaml.Node{n.Alias}
		}
		if budget -= len(next); budget < 0 {
			return false
		}
		for _, c := range next {
			if c != nil {
				stack = append(stack, c)
			}
		}
	}
	return true
}

// deref follows an alias to its anchored node. Anchors cannot sit on
// aliases, so one step is enough; the bound only guards malformed trees.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 4; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// yamlPair is one key of a mapping with its value and the key's line.
type yamlPair struct {
	key  string
	val  *yaml.Node
	line int
}

func yamlPairs(n *yaml.Node) []yamlPair {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []yamlPair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := deref(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			continue
		}
		out = append(out, yamlPair{key: k.Value, val: n.Content[i+1], line: n.Content[i].Line})
	}
	return out
}

func yamlGet(n *yaml.Node, key string) *yaml.Node {
	for _, p := range yamlPairs(n) {
		if p.key == key {
			return deref(p.val)
		}
	}
	return nil
}

// yamlString is a scalar's text ("" for null, mappings and sequences).
func yamlString(n *yaml.Node) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// yamlStrings reads a sequence of scalars (numbers kept as written).
func yamlStrings(n *yaml.Node) []string {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if c = deref(c); c != nil && c.Kind == yaml.ScalarNode {
			out = append(out, c.Value)
		}
	}
	return out
}

// yamlStringMap reads a mapping of scalars (env, envs, headers).
func yamlStringMap(n *yaml.Node) map[string]string {
	var out map[string]string
	for _, p := range yamlPairs(n) {
		if v := deref(p.val); v != nil && v.Kind == yaml.ScalarNode {
			if out == nil {
				out = map[string]string{}
			}
			out[p.key] = yamlString(v)
		}
	}
	return out
}

// gooseServers reads Goose's `extensions:` map. Built-in, platform and
// frontend extensions run inside Goose and launch nothing, so they are not
// servers to audit; stdio (cmd, args, envs) and remote (uri, headers) are.
func gooseServers(loc Location, root *yaml.Node) []Server {
	var out []Server
	for _, p := range yamlPairs(yamlGet(root, "extensions")) {
		ext := deref(p.val)
		if ext == nil || ext.Kind != yaml.MappingNode {
			continue
		}
		s := Server{Client: loc.Client, File: loc.Path, Name: p.key, Line: p.line,
			Command: yamlString(yamlGet(ext, "cmd")), Args: yamlStrings(yamlGet(ext, "args")),
			Env: yamlStringMap(yamlGet(ext, "envs")), URL: yamlString(yamlGet(ext, "uri")),
			Headers: yamlStringMap(yamlGet(ext, "headers"))}
		switch yamlString(yamlGet(ext, "type")) {
		case "builtin", "platform", "frontend":
			continue
		}
		if s.Command == "" && s.URL == "" {
			continue // e.g. inline_python: no process or endpoint of its own to check
		}
		out = append(out, s)
	}
	return out
}

// continueServers reads Continue's configurations:
//   - config.yaml and YAML block files: `mcpServers:` a list of
//     {name, type, command, args, env, url, requestOptions.headers};
//   - JSON block files in .continue/mcpServers/: a Claude-style
//     {"mcpServers": {NAME: {...}}} or one server object;
//   - the deprecated config.json: experimental.modelContextProtocolServers,
//     a list of {name, transport: {type, command, args, env, url}}.
func continueServers(loc Location, root *yaml.Node) []Server {
	var out []Server
	add := func(name string, line int, n *yaml.Node) {
		if s, ok := continueServer(loc, name, line, n); ok {
			out = append(out, s)
		}
	}
	list := func(n *yaml.Node) {
		n = deref(n)
		switch {
		case n == nil:
		case n.Kind == yaml.SequenceNode:
			for i, item := range n.Content {
				add(fmt.Sprintf("server-%d", i+1), item.Line, item)
			}
		case n.Kind == yaml.MappingNode:
			for _, p := range yamlPairs(n) {
				add(p.key, p.line, p.val)
			}
		}
	}
	list(yamlGet(root, "mcpServers"))
	list(yamlGet(yamlGet(root, "experimental"), "modelContextProtocolServers"))
	if yamlGet(root, "mcpServers") == nil && yamlGet(root, "experimental") == nil &&
		(yamlGet(root, "command") != nil || yamlGet(root, "url") != nil) {
		// A block file holding a single server: named after the file.
		name := strings.TrimSuffix(filepath.Base(loc.Path), filepath.Ext(loc.Path))
		if name == "" || name == "." {
			name = "server"
		}
		add(name, root.Line, root)
	}
	return out
}

// continueServer maps one Continue server entry; ok is false for entries
// that neither launch a command nor name a URL (e.g. hub references).
func continueServer(loc Location, fallback string, line int, n *yaml.Node) (Server, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return Server{}, false
	}
	name := yamlString(yamlGet(n, "name"))
	if name == "" {
		name = fallback
	}
	s := Server{Client: loc.Client, File: loc.Path, Name: name, Line: line}
	// The deprecated config.json nests the launch under "transport"; read
	// the entry itself first so either layout (or a mix) is understood.
	for _, src := range []*yaml.Node{n, yamlGet(n, "transport")} {
		if src == nil {
			continue
		}
		if c := yamlString(yamlGet(src, "command")); c != "" {
			s.Command = c
		}
		if a := yamlStrings(yamlGet(src, "args")); a != nil {
			s.Args = a
		}
		for k, v := range yamlStringMap(yamlGet(src, "env")) {
			if s.Env == nil {
				s.Env = map[string]string{}
			}
			s.Env[k] = v
		}
		if u := yamlString(yamlGet(src, "url")); u != "" {
			s.URL = u
		}
		for _, h := range []map[string]string{yamlStringMap(yamlGet(src, "headers")),
			yamlStringMap(yamlGet(yamlGet(src, "requestOptions"), "headers"))} {
			for k, v := range h {
				if s.Headers == nil {
					s.Headers = map[string]string{}
				}
				s.Headers[k] = v
			}
		}
	}
	return s, s.Command != "" || s.URL != ""
}
