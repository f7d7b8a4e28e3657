package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// listing is every tool, prompt, resource and template a server offers,
// each as its JSON form keyed by name (URI for resources), so two listings
// can be compared field by field.
type listing struct {
	tools, prompts, resources, templates map[string]any
}

func collect[T any](ctx context.Context, seq iter.Seq2[T, error], key func(T) string) (map[string]any, error) {
	out := make(map[string]any)
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("encoding %T: %w", v, err)
		}
		var generic any
		if err := json.Unmarshal(b, &generic); err != nil {
			return nil, fmt.Errorf("decoding %T: %w", v, err)
		}
		k := key(v)
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("%q listed twice", k)
		}
		out[k] = generic
		if len(out) > 10000 {
			return nil, fmt.Errorf("more than 10000 entries: pagination loops")
		}
	}
	return out, ctx.Err()
}

// listAll pages through all four lists; a server without a capability gives
// an empty map for it.
func listAll(ctx context.Context, t *testing.T, cs *mcp.ClientSession) listing {
	t.Helper()
	var l listing
	var err error
	caps := cs.InitializeResult().Capabilities
	l.tools, err = collect(ctx, cs.Tools(ctx, nil), func(x *mcp.Tool) string { return x.Name })
	if err != nil {
		t.Fatalf("listing tools: %v", err)
	}
	l.prompts, l.resources, l.templates = map[string]any{}, map[string]any{}, map[string]any{}
	if caps.Prompts != nil {
		if l.prompts, err = collect(ctx, cs.Prompts(ctx, nil), func(x *mcp.Prompt) string { return x.Name }); err != nil {
			t.Fatalf("listing prompts: %v", err)
		}
	}
	if caps.Resources != nil {
		if l.resources, err = collect(ctx, cs.Resources(ctx, nil), func(x *mcp.Resource) string { return x.URI }); err != nil {
			t.Fatalf("listing resources: %v", err)
		}
		if l.templates, err = collect(ctx, cs.ResourceTemplates(ctx, nil), func(x *mcp.ResourceTemplate) string { return x.URITemplate }); err != nil {
			t.Fatalf("listing resource templates: %v", err)
		}
	}
	return l
}

// prefixed renames every key (and its "name" field) NAME__key, as Warden
// does for tools and prompts when it federates several upstreams.
func prefixed(m map[string]any, upstream string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if obj, ok := v.(map[string]any); ok {
			c := maps.Clone(obj)
			c["name"] = upstream + "__" + k
			v = c
		}
		out[upstream+"__"+k] = v
	}
	return out
}

// renamed prefixes only the "name" field, keeping the keys: Warden keeps
// resource URIs as they are but prefixes their display names.
func renamed(m map[string]any, upstream string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if obj, ok := v.(map[string]any); ok {
			c := maps.Clone(obj)
			c["name"] = fmt.Sprintf("%s__%v", upstream, obj["name"])
			v = c
		}
		out[k] = v
	}
	return out
}

// merge joins listings, failing on a key present in both.
func merge(t *testing.T, what string, ms ...map[string]any) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, m := range ms {
		for k, v := range m {
			if _, dup := out[k]; dup {
				t.Fatalf("%s: %q appears in two upstreams; the test cannot tell which Warden should keep", what, k)
			}
			out[k] = v
		}
	}
	return out
}

// sameEntries reports, one line per difference, how got differs from want.
func sameEntries(t *testing.T, what string, got, want map[string]any) {
	t.Helper()
	var diffs []string
	for _, k := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[k]
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("missing %q", k))
		case !reflect.DeepEqual(g, want[k]):
			gb, _ := json.Marshal(g)
			wb, _ := json.Marshal(want[k])
			diffs = append(diffs, fmt.Sprintf("%q differs:\n  through warden: %s\n  direct:         %s", k, gb, wb))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("unexpected %q", k))
		}
	}
	if len(diffs) > 0 {
		t.Errorf("%s through warden differ from the direct listing (%d through warden, %d direct):\n%s",
			what, len(got), len(want), strings.Join(diffs, "\n"))
	}
}

// sameListing compares all four lists.
func sameListing(t *testing.T, got, want listing) {
	t.Helper()
	if len(want.tools) == 0 {
		t.Fatal("the direct listing has no tools: the fixture is broken")
	}
	sameEntries(t, "tools", got.tools, want.tools)
	sameEntries(t, "prompts", got.prompts, want.prompts)
	sameEntries(t, "resources", got.resources, want.resources)
	sameEntries(t, "resource templates", got.templates, want.templates)
}

// resultJSON is a tool result in generic JSON form, for comparisons.
func resultJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encoding %T: %v", v, err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("decoding %T: %v", v, err)
	}
	return out
}

// texts joins a tool result's text blocks.
func texts(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			b.WriteString(tc.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
