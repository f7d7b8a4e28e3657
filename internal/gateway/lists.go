package gateway

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// itemKind describes one kind of listable thing.
type itemKind struct {
	item   string // guard.Item.Kind
	list   string // list method
	field  string // array field in the list result
	cap    string // server capability that offers it
	byURI  bool   // identified by uri rather than name
	uriKey string
}

var (
	kindTool     = itemKind{item: "tool", list: mcp.MethodToolsList, field: "tools", cap: "tools"}
	kindPrompt   = itemKind{item: "prompt", list: mcp.MethodPromptsList, field: "prompts", cap: "prompts"}
	kindResource = itemKind{item: "resource", list: mcp.MethodResourcesList, field: "resources", cap: "resources", byURI: true, uriKey: "uri"}
	kindTemplate = itemKind{item: "resource_template", list: mcp.MethodResourceTemplates, field: "resourceTemplates", cap: "resources", byURI: true, uriKey: "uriTemplate"}
)

// cursor is Warden's pagination cursor over several upstreams: which
// upstream, and that upstream's own cursor.
type cursor struct {
	U int    `json:"u"`
	C string `json:"c,omitempty"`
}

func encodeCursor(c cursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (cursor, bool) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || c.U < 0 {
		return c, false
	}
	return c, true
}

// exposedName is the name a client sees for an upstream's item.
func (g *Gateway) exposedName(server, name string) string {
	if !g.federated() {
		return name
	}
	return server + g.opts.Separator + name
}

// ResolveTool maps a client-visible tool name to its upstream's name and
// the tool's name there (after any guard's renaming).
func (g *Gateway) ResolveTool(name string) (server, tool string, ok bool) {
	u, orig := g.resolve(name)
	if u == nil || orig == "" {
		return "", "", false
	}
	if renamed, ok := g.guards().Original(u.Name(), orig); ok {
		orig = renamed
	}
	return u.Name(), orig, true
}

// routeOf names the upstream a tools/call, prompts/get or resources/read
// goes to, and the tool, prompt or URI there, when that is known without
// asking an upstream.
func (g *Gateway) routeOf(m *mcp.Message) (server, name string, ok bool) {
	switch m.Method {
	case mcp.MethodToolsCall:
		return g.ResolveTool(mcp.StringField(m.Params, "name"))
	case mcp.MethodPromptsGet:
		u, orig := g.resolve(mcp.StringField(m.Params, "name"))
		if u == nil || orig == "" {
			return "", "", false
		}
		return u.Name(), orig, true
	case mcp.MethodResourcesRead, mcp.MethodResourcesSubscribe:
		uri := mcp.StringField(m.Params, "uri")
		if u := g.ownerOfURI(uri); u != nil && uri != "" {
			return u.Name(), uri, true
		}
	}
	return "", "", false
}

// resolve maps a client-visible name to its upstream and original name.
func (g *Gateway) resolve(name string) (*Upstream, string) {
	if !g.federated() {
		return g.ups[0], name
	}
	server, orig, ok := strings.Cut(name, g.opts.Separator)
	if !ok {
		return nil, ""
	}
	return g.byName[server], orig
}

func (g *Gateway) list(ctx context.Context, s *Session, m *mcp.Message, k itemKind) *mcp.Message {
	params, err := mcp.ParseObject(m.Params)
	if err != nil {
		return invalidParams(err.Error())
	}
	start := cursor{}
	if c := params.String("cursor"); c != "" || params["cursor"] != nil {
		if g.federated() {
			var ok bool
			if start, ok = decodeCursor(c); !ok || start.U >= len(g.ups) {
				return invalidParams("invalid cursor")
			}
		} else {
			start.C = c
		}
	}
	for i := start.U; i < len(g.ups); i++ {
		u := g.ups[i]
		upCursor := ""
		if i == start.U {
			upCursor = start.C
		}
		if err := u.awaitReady(ctx); err != nil {
			if !g.federated() {
				return upstreamError(err)
			}
			g.log.Warn("listing without an unavailable upstream", "upstream", u.Name(), "method", k.list)
			continue
		}
		info := u.infoFor(ctx)
		if info == nil {
			continue
		}
		if _, ok := info.Capabilities[k.cap]; !ok {
			continue
		}
		page, next, errResp := g.listPage(ctx, s, m, params, u, upCursor, k)
		if errResp != nil {
			if !g.federated() {
				return errResp
			}
			if !g.noteAuthorization(s, u, errResp) {
				g.log.Warn("upstream list failed; skipped", "upstream", u.Name(), "method", k.list, "err", errResp.Error)
			}
			continue
		}
		if g.federated() {
			switch {
			case next != "":
				page.Set("nextCursor", encodeCursor(cursor{U: i, C: next}))
			case g.hasMoreAfter(i, k):
				page.Set("nextCursor", encodeCursor(cursor{U: i + 1}))
			default:
				delete(page, "nextCursor")
			}
		}
		return mcp.NewResult(nil, g.finishResult(s, page, true))
	}
	empty := mcp.Object{}
	empty.Set(k.field, []any{})
	return mcp.NewResult(nil, g.finishResult(s, empty, true))
}

func (g *Gateway) hasMoreAfter(i int, k itemKind) bool {
	for _, u := range g.ups[i+1:] {
		if info := u.Info(); info == nil {
			return true // down now, may be back by the next page
		} else if _, ok := info.Capabilities[k.cap]; ok {
			return true
		}
	}
	return false
}

// listPage fetches one page from one upstream and passes it through the
// guards. It returns the page (items renamed) and the upstream's cursor.
func (g *Gateway) listPage(ctx context.Context, s *Session, m *mcp.Message, params mcp.Object, u *Upstream, upCursor string, k itemKind) (mcp.Object, string, *mcp.Message) {
	p := mcp.Object{}
	for key, v := range params {
		p[key] = v
	}
	delete(p, "cursor")
	if upCursor != "" {
		p.Set("cursor", upCursor)
	}
	if _, ok := p["_meta"]; !ok && s.modern && len(s.meta) > 0 {
		// A listing Warden makes for a stateless client (to route or
		// guard its call) carries that client's _meta.
		p["_meta"] = s.meta
	}
	p = g.upstreamParams(s, u, p)
	resp, err := u.Call(ctx, k.list, p.Encode(), nil)
	if err != nil {
		return nil, "", upstreamError(err)
	}
	if resp.Error != nil {
		return nil, "", mcp.NewErrorResponse(nil, resp.Error)
	}
	page, err := mcp.ParseObject(resp.Result)
	if err != nil {
		return nil, "", upstreamError(err)
	}
	next := page.String("nextCursor")
	var raws []json.RawMessage
	_ = json.Unmarshal(page[k.field], &raws)
	items := make([]guard.Item, 0, len(raws))
	for _, r := range raws {
		key := "name"
		if k.byURI {
			key = k.uriKey
		}
		items = append(items, guard.Item{Kind: k.item, Name: mcp.StringField(r, key), Raw: r})
	}
	ex := &guard.Exchange{Phase: guard.PhaseList, Session: s.info(), Server: u.Name(), Method: k.list, Items: items}
	t0 := time.Now()
	out := g.guards().Run(ctx, ex)
	if err := g.recordVerdicts(ctx, ex, out, time.Since(t0), ""); err != nil {
		// Audit before effect: a hidden, pinned or sanitised item is a
		// decision the log must hold before the client sees the list.
		return nil, "", mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeDenied, "Warden could not record its decisions on this list in its audit log, so the list was withheld", nil))
	}
	denyAll := out.Final.Action == guard.Deny
	kept := make([]json.RawMessage, 0, len(ex.Items))
	for _, it := range ex.Items {
		if it.Hidden || denyAll {
			continue
		}
		kept = append(kept, g.renameItem(u.Name(), it, k))
	}
	page.Set(k.field, kept)
	return page, next, nil
}

// renameItem namespaces an item for the client and indexes resources.
func (g *Gateway) renameItem(server string, it guard.Item, k itemKind) json.RawMessage {
	if k == kindTool {
		g.rememberTool(server, it.Raw)
	}
	if k.byURI {
		if k == kindResource {
			g.mu.Lock()
			if owner, taken := g.resIndex[it.Name]; !taken || owner == server {
				g.resIndex[it.Name] = server
			} else {
				g.log.Warn("two upstreams expose the same resource URI; the first keeps it", "uri", it.Name, "owner", owner, "other", server)
			}
			g.mu.Unlock()
		} else {
			g.rememberTemplate(server, it.Name)
		}
	}
	if !g.federated() {
		return it.Raw
	}
	o, err := mcp.ParseObject(it.Raw)
	if err != nil {
		return it.Raw
	}
	if name := o.String("name"); name != "" {
		o.Set("name", g.exposedName(server, name))
	}
	return o.Encode()
}

// finishResult adds what the client's protocol era requires of a result.
func (g *Gateway) finishResult(s *Session, res mcp.Object, cacheable bool) mcp.Object {
	if !s.modern {
		return res
	}
	if _, ok := res["resultType"]; !ok {
		res.Set("resultType", mcp.ResultComplete)
	}
	if cacheable {
		// Guards filter per principal, so a list is never shareable.
		if _, ok := res["ttlMs"]; !ok {
			res.Set("ttlMs", 0)
		}
		res.Set("cacheScope", "private")
	}
	return res
}

func (g *Gateway) forgetTools(server string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.tools, server)
}

func (g *Gateway) forgetResources(server string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for uri, owner := range g.resIndex {
		if owner == server {
			delete(g.resIndex, uri)
		}
	}
}

func (g *Gateway) rememberTemplate(server, tmpl string) {
	prefix, _, _ := strings.Cut(tmpl, "{")
	if prefix == "" {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	key := "\x00tmpl:" + prefix
	if _, taken := g.resIndex[key]; !taken {
		g.resIndex[key] = server
	}
}

// ownerOfURI finds the upstream that serves a resource URI.
func (g *Gateway) ownerOfURI(uri string) *Upstream {
	if !g.federated() {
		return g.ups[0]
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if name, ok := g.resIndex[uri]; ok {
		return g.byName[name]
	}
	best, bestLen := "", 0
	for key, name := range g.resIndex {
		prefix, ok := strings.CutPrefix(key, "\x00tmpl:")
		if ok && strings.HasPrefix(uri, prefix) && len(prefix) > bestLen {
			best, bestLen = name, len(prefix)
		}
	}
	if best != "" {
		return g.byName[best]
	}
	return nil
}

func invalidParams(msg string) *mcp.Message {
	return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidParams, msg, nil))
}

// maxIndexPages bounds the pages read when indexing resources.
const maxIndexPages = 100

// indexResources reads every upstream's resource and template lists, so
// that a URI can be routed before the client listed it.
func (g *Gateway) indexResources(ctx context.Context, s *Session) {
	for _, k := range []itemKind{kindResource, kindTemplate} {
		params := mcp.Object{}
		for i := 0; i < maxIndexPages; i++ {
			resp := g.list(ctx, s, &mcp.Message{Method: k.list, Params: params.Encode()}, k)
			if resp.Error != nil {
				break
			}
			next := mcp.StringField(resp.Result, "nextCursor")
			if next == "" {
				break
			}
			params.Set("cursor", next)
		}
	}
}
