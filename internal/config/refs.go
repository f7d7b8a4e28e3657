package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// serverRefs are the guard settings whose mapping keys name upstreams.
// "servers" is the convention every guard follows (guard ""); the flow
// guard's labels and the rate limiter's "server/tool" overrides name
// servers their own way.
var serverRefs = []struct {
	guard, key string
	server     func(key string) string
}{
	{"", "servers", func(k string) string { return k }},
	{"flow", "labels", func(k string) string { return k }},
	{"ratelimit", "tools", func(k string) string { s, _, _ := strings.Cut(k, "/"); return s }},
}

// UnknownServers lists guard settings that name an upstream this
// configuration does not have, with a suggestion when one is close. Such a
// block applies to nothing, so a misspelt server name would silently leave
// that server at the defaults. It is a warning, not an error: `warden wrap`
// replaces a file's upstreams, and a shared file may name servers that one
// deployment leaves out.
func (c *Config) UnknownServers() []string {
	names := make([]string, 0, len(c.Upstreams))
	for _, u := range c.Upstreams {
		names = append(names, u.Name)
	}
	var out []string
	for _, g := range slices.Sorted(maps.Keys(c.Guards)) {
		gc := c.Guards[g]
		if gc.node == nil || gc.node.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(gc.node.Content); i += 2 {
			key, val := gc.node.Content[i], gc.node.Content[i+1]
			if val.Kind != yaml.MappingNode {
				continue
			}
			for _, ref := range serverRefs {
				if ref.key != key.Value || (ref.guard != "" && ref.guard != g) {
					continue
				}
				for j := 0; j+1 < len(val.Content); j += 2 {
					k := val.Content[j]
					s := ref.server(k.Value)
					if s == "*" || slices.Contains(names, s) {
						continue
					}
					msg := fmt.Sprintf("names no upstream %q: these settings apply to nothing", s)
					if sg := suggest(s, names); sg != "" {
						msg += fmt.Sprintf(" (did you mean %q?)", sg)
					}
					p := Problem{File: gc.file, Line: k.Line, Col: k.Column, Field: joinKey(joinKey(gc.path, key.Value), k.Value), Msg: msg}
					out = append(out, p.String())
				}
			}
		}
	}
	return out
}
