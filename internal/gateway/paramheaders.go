package gateway

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/mcp"
)

// paramHeader is one tool argument mirrored into an Mcp-Param-{Name} HTTP
// header (2026-07-28, SEP-2243), found through "x-mcp-header" in the
// tool's inputSchema.
type paramHeader struct {
	name string   // header suffix
	path []string // chain of properties keys to the argument
	typ  string   // string, integer, number or boolean
}

const maxParamDepth = 8

// toolIndexInterval bounds how often unlisted tool names trigger a listing.
const toolIndexInterval = time.Second

// parseParamHeaders finds x-mcp-header annotations reachable from the root
// through properties only, as the specification allows.
func parseParamHeaders(schema json.RawMessage) []paramHeader {
	var out []paramHeader
	var walk func(raw json.RawMessage, path []string, depth int)
	walk = func(raw json.RawMessage, path []string, depth int) {
		if depth > maxParamDepth {
			return
		}
		var node struct {
			Properties map[string]json.RawMessage `json:"properties"`
			Header     string                     `json:"x-mcp-header"`
			Type       any                        `json:"type"`
		}
		if json.Unmarshal(raw, &node) != nil {
			return
		}
		if node.Header != "" && len(path) > 0 {
			typ, _ := node.Type.(string)
			out = append(out, paramHeader{name: node.Header, path: append([]string(nil), path...), typ: typ})
		}
		for k, v := range node.Properties {
			walk(v, append(path, k), depth+1)
		}
	}
	walk(schema, nil, 0)
	return out
}

// toolInfo is what Warden remembers of a tool from its server's list.
type toolInfo struct {
	raw     json.RawMessage
	headers []paramHeader
}

// maxIndexedTools bounds the tool definitions Warden keeps for one
// upstream: one that lists ever more tools must not grow the gateway
// without end. A tool past the bound has no definition, which the guards
// treat as unlisted (fail closed).
const maxIndexedTools = 10_000

// rememberTool keeps a tool's definition as the guards left it (raw),
// under the name its server gave it (name): a guard may have renamed it
// for the client, and calls are routed, and looked up here, by the
// server's name. It reports false when the tool is past the bound.
func (g *Gateway) rememberTool(server, name string, raw json.RawMessage) bool {
	o, err := mcp.ParseObject(raw)
	if err != nil {
		return true
	}
	ti := &toolInfo{raw: raw, headers: parseParamHeaders(o["inputSchema"])}
	g.mu.Lock()
	defer g.mu.Unlock()
	m := g.tools[server]
	if m == nil {
		m = map[string]*toolInfo{}
		g.tools[server] = m
	}
	if _, known := m[name]; !known && len(m) >= maxIndexedTools {
		return false
	}
	m[name] = ti
	return true
}

func (g *Gateway) toolDef(server, tool string) (*toolInfo, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	ti, ok := g.tools[server][tool]
	return ti, ok
}

func (g *Gateway) paramHeaders(server, tool string) ([]paramHeader, bool) {
	ti, ok := g.toolDef(server, tool)
	if !ok {
		return nil, false
	}
	return ti.headers, true
}

// argumentAt follows path into the arguments object.
func argumentAt(args json.RawMessage, path []string) (json.RawMessage, bool) {
	cur := args
	for _, k := range path {
		o, err := mcp.ParseObject(cur)
		if err != nil {
			return nil, false
		}
		v, ok := o[k]
		if !ok || string(v) == "null" {
			return nil, false
		}
		cur = v
	}
	return cur, true
}

// headerValue renders an argument as its Mcp-Param header value.
func headerValue(v json.RawMessage) (string, bool) {
	switch {
	case len(v) == 0:
		return "", false
	case v[0] == '"':
		var s string
		if json.Unmarshal(v, &s) != nil {
			return "", false
		}
		return encodeParam(s), true
	case string(v) == "true" || string(v) == "false":
		return string(v), true
	case v[0] == '-' || (v[0] >= '0' && v[0] <= '9'):
		return string(v), true
	}
	return "", false
}

// encodeParam applies the base64 sentinel where a plain value would not
// survive as a header.
func encodeParam(s string) string {
	plain := s == strings.TrimSpace(s) && !(strings.HasPrefix(s, "=?base64?") && strings.HasSuffix(s, "?="))
	for i := 0; plain && i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			plain = false
		}
	}
	if plain {
		return s
	}
	return "=?base64?" + base64.StdEncoding.EncodeToString([]byte(s)) + "?="
}

// upstreamParamHeaders computes the headers for a call to a stateless
// upstream from the arguments as Warden forwards them (after any guard
// changed them), so header and body always agree.
func (g *Gateway) upstreamParamHeaders(server, tool string, args json.RawMessage) http.Header {
	hs, _ := g.paramHeaders(server, tool)
	if len(hs) == 0 {
		return nil
	}
	h := http.Header{}
	for _, ph := range hs {
		v, ok := argumentAt(args, ph.path)
		if !ok {
			continue
		}
		if s, ok := headerValue(v); ok {
			h.Set("Mcp-Param-"+ph.name, s)
		}
	}
	return h
}

// CheckParamHeaders validates a stateless client's Mcp-Param-* headers
// against the tool call's arguments: a mirrored argument needs its header,
// and the two must agree.
func (g *Gateway) CheckParamHeaders(ctx context.Context, s *Session, m *mcp.Message, header http.Header) *mcp.Error {
	if m.Method != mcp.MethodToolsCall {
		return nil
	}
	p, err := mcp.ParseObject(m.Params)
	if err != nil {
		return nil
	}
	// The tool as its server knows it: a tool renamed by a guard is
	// remembered under its own name.
	server, tool, ok := g.ResolveTool(p.String("name"))
	if !ok {
		return nil
	}
	hs, known := g.paramHeaders(server, tool)
	if !known {
		g.indexTools(ctx, s)
		hs, _ = g.paramHeaders(server, tool)
	}
	args := p["arguments"]
	for _, ph := range hs {
		hv, present := header[http.CanonicalHeaderKey("Mcp-Param-"+ph.name)]
		v, hasArg := argumentAt(args, ph.path)
		switch {
		case !hasArg && !present:
			continue
		case hasArg && !present:
			return mcp.NewError(mcp.CodeHeaderMismatch, fmt.Sprintf("missing Mcp-Param-%s header for argument %q", ph.name, strings.Join(ph.path, ".")), nil)
		case !hasArg:
			return mcp.NewError(mcp.CodeHeaderMismatch, fmt.Sprintf("Mcp-Param-%s header without the argument %q", ph.name, strings.Join(ph.path, ".")), nil)
		}
		if len(hv) != 1 || !paramMatches(hv[0], v) {
			return mcp.NewError(mcp.CodeHeaderMismatch, fmt.Sprintf("Mcp-Param-%s header does not match argument %q", ph.name, strings.Join(ph.path, ".")), nil)
		}
	}
	return nil
}

func paramMatches(h string, v json.RawMessage) bool {
	for i := 0; i < len(h); i++ {
		if h[i] < 0x20 || h[i] == 0x7f || h[i] >= 0x80 {
			return false
		}
	}
	if strings.HasPrefix(h, "=?base64?") && strings.HasSuffix(h, "?=") {
		b, err := base64.StdEncoding.DecodeString(h[len("=?base64?") : len(h)-2])
		if err != nil {
			return false
		}
		h = string(b)
		var s string
		return json.Unmarshal(v, &s) == nil && s == h
	}
	switch {
	case v[0] == '"':
		var s string
		return json.Unmarshal(v, &s) == nil && s == h
	case string(v) == "true" || string(v) == "false":
		return string(v) == h
	default:
		a, ok1 := new(big.Float).SetString(string(v))
		b, ok2 := new(big.Float).SetString(h)
		return ok1 && ok2 && a.Cmp(b) == 0
	}
}

// indexTools reads every upstream's tool list so mirrored headers are
// known before the client listed the tools itself.
func (g *Gateway) indexTools(ctx context.Context, s *Session) {
	// Calls with names nobody listed must not each cost a full listing of
	// every upstream: index at most once per interval.
	g.mu.Lock()
	if time.Since(g.lastToolIndex) < toolIndexInterval {
		g.mu.Unlock()
		return
	}
	g.lastToolIndex = time.Now()
	g.mu.Unlock()
	params := mcp.Object{}
	for i := 0; i < maxIndexPages; i++ {
		resp := g.list(ctx, s, &mcp.Message{Method: mcp.MethodToolsList, Params: params.Encode()}, kindTool)
		if resp.Error != nil {
			return
		}
		next := mcp.StringField(resp.Result, "nextCursor")
		if next == "" {
			return
		}
		params.Set("cursor", next)
	}
}
