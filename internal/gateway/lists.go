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
	if k.byURI {
		// Before the guards: which server publishes a URI is a routing
		// fact, whoever may see it. An item hidden from this client must
		// still keep another server from claiming its URI.
		g.claimURIs(u.Name(), items, k)
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
	unkept := 0
	for _, it := range ex.Items {
		if it.Hidden || denyAll {
			continue
		}
		if k == kindTool && !g.rememberTool(u.Name(), it.Name, it.Raw) {
			unkept++
		}
		kept = append(kept, g.renameItem(u.Name(), it))
	}
	if unkept > 0 {
		g.log.Warn("upstream lists more tools than Warden keeps; the rest are treated as unlisted",
			"upstream", u.Name(), "limit", maxIndexedTools, "not_kept", unkept)
	}
	page.Set(k.field, kept)
	return page, next, nil
}

// renameItem namespaces an item for the client.
func (g *Gateway) renameItem(server string, it guard.Item) json.RawMessage {
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
	for _, idx := range []map[string]string{g.resIndex, g.tmplIndex} {
		for key, owner := range idx {
			if owner == server {
				delete(idx, key)
			}
		}
	}
	delete(g.resCount, server)
	delete(g.tmplCount, server)
	g.resourcesChangedLocked(server)
}

// resourcesChangedLocked records that server's resource lists may have
// changed since they were last read in full (list_changed, a reconnect):
// its claims may be out of date until it is read again. g.mu is held.
func (g *Gateway) resourcesChangedLocked(server string) {
	delete(g.resIndexed, server)
	delete(g.resTried, server) // read again at the next need, not an interval later
	g.resGen[server]++
}

// Bounds of the routing index, per upstream: one that publishes ever more
// URIs (hostile, or whose resources come and go without list_changed)
// must not grow the gateway without end. A URI past the bound is not
// routed (reads answer "resource not found").
const (
	maxIndexedURIs      = 100_000
	maxIndexedTemplates = 1_000
)

// claimURIs records that server publishes the URIs (or URI templates) of
// one list page. A URI belongs to the first configured of the upstreams
// that publish it, exactly or by a template (docs/protocol.md,
// Federation), not to the one whose list happened to be read first:
// otherwise a later, hostile server would capture reads meant for
// another by publishing its URIs, or a more specific template, and
// getting its page read first.
func (g *Gateway) claimURIs(server string, items []guard.Item, k itemKind) {
	if !g.federated() {
		return // the only upstream serves every URI
	}
	idx, count, limit := g.resIndex, g.resCount, maxIndexedURIs
	if k == kindTemplate {
		idx, count, limit = g.tmplIndex, g.tmplCount, maxIndexedTemplates
	}
	over := 0
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, it := range items {
		key := it.Name
		if k == kindTemplate {
			// Routed by the literal prefix before the first expression;
			// a template that starts with one ("{+uri}") would claim
			// every URI and is not routed.
			key, _, _ = strings.Cut(it.Name, "{")
		}
		if key == "" {
			continue
		}
		owner, taken := idx[key]
		switch {
		case taken && owner == server:
			continue
		case taken && g.rank[owner] < g.rank[server]:
			g.log.Warn("two upstreams publish the same resource URI; the first configured keeps it", "uri", key, "owner", owner, "other", server)
			continue
		case count[server] >= limit:
			over++
			continue
		case taken:
			g.log.Warn("two upstreams publish the same resource URI; the first configured keeps it", "uri", key, "owner", server, "other", owner)
			count[owner]--
		}
		idx[key] = server
		count[server]++
	}
	if over > 0 {
		g.log.Warn("upstream publishes more resources than Warden routes; the rest are not routed",
			"upstream", server, "kind", k.item, "limit", limit, "not_routed", over)
	}
}

// indexFull reports whether server's routed URIs (or templates) are at
// their bound.
func (g *Gateway) indexFull(server string, k itemKind) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if k == kindTemplate {
		return g.tmplCount[server] >= maxIndexedTemplates
	}
	return g.resCount[server] >= maxIndexedURIs
}

// ownerOfURI finds the upstream that serves a resource URI among those
// whose lists were read: of the upstreams that published it, exactly or
// by a template, the first configured.
func (g *Gateway) ownerOfURI(uri string) *Upstream {
	if !g.federated() {
		return g.ups[0]
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	best, found := g.resIndex[uri]
	for prefix, name := range g.tmplIndex {
		if strings.HasPrefix(uri, prefix) && (!found || g.rank[name] < g.rank[best]) {
			best, found = name, true
		}
	}
	if !found {
		return nil
	}
	return g.byName[best]
}

// routeURI finds the upstream that serves a resource URI, reading the
// resource lists first when no upstream is known to publish it, or when
// an upstream configured before its owner has not been read since its
// lists last changed: that one may publish the URI too, and would own it.
func (g *Gateway) routeURI(ctx context.Context, s *Session, uri string) *Upstream {
	u := g.ownerOfURI(uri)
	if !g.federated() {
		return u
	}
	switch {
	case u == nil:
		g.indexResources(ctx, s, g.ups, true)
	case !g.settledBefore(u):
		g.indexResources(ctx, s, g.ups[:g.rank[u.Name()]], false)
	default:
		return u
	}
	return g.ownerOfURI(uri)
}

// settledBefore reports whether every upstream configured before u that is
// up has had its resource lists read since they last changed.
func (g *Gateway) settledBefore(u *Upstream) bool {
	g.mu.Lock()
	var unread []*Upstream
	for _, v := range g.ups[:g.rank[u.Name()]] {
		if !g.resIndexed[v.Name()] {
			unread = append(unread, v)
		}
	}
	g.mu.Unlock()
	for _, v := range unread {
		if v.Ready() {
			return false
		}
	}
	return true
}
func invalidParams(msg string) *mcp.Message {
	return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidParams, msg, nil))
}

// maxIndexPages bounds the pages read when indexing an upstream's list.
const maxIndexPages = 100

// indexResources reads the resource and template lists of those of ups
// that are up and have not been read since their lists last changed (all
// of them when all is set), so that a URI can be routed before the client
// listed it. Each upstream is read at most once per interval: reads of
// URIs nobody publishes must not each cost a full listing of every
// upstream. An upstream that is down is not waited for.
func (g *Gateway) indexResources(ctx context.Context, s *Session, ups []*Upstream, all bool) {
	now := time.Now()
	for _, u := range ups {
		name := u.Name()
		g.mu.Lock()
		due := now.Sub(g.resTried[name]) >= toolIndexInterval && (all || !g.resIndexed[name])
		if due {
			g.resTried[name] = now
		}
		gen := g.resGen[name]
		g.mu.Unlock()
		if !due || !u.Ready() {
			continue
		}
		if g.indexList(ctx, s, u, kindResource) && g.indexList(ctx, s, u, kindTemplate) {
			g.mu.Lock()
			if g.resGen[name] == gen { // not changed again meanwhile
				g.resIndexed[name] = true
			}
			g.mu.Unlock()
		}
	}
}

// indexList reads one upstream's list of one kind, page by page, and
// reports whether it was read to its end.
func (g *Gateway) indexList(ctx context.Context, s *Session, u *Upstream, k itemKind) bool {
	info := u.infoFor(ctx)
	if info == nil {
		return false
	}
	if _, ok := info.Capabilities[k.cap]; !ok {
		return true
	}
	m := &mcp.Message{Method: k.list}
	cursor, seen := "", map[string]bool{}
	for range maxIndexPages {
		_, next, errResp := g.listPage(ctx, s, m, mcp.Object{}, u, cursor, k)
		if errResp != nil {
			return false
		}
		if next == "" || g.indexFull(u.Name(), k) {
			return true // the end, or as far as Warden routes
		}
		if seen[next] {
			g.log.Warn("upstream list repeats a cursor; indexing stopped", "upstream", u.Name(), "method", k.list)
			return false
		}
		seen[next] = true
		cursor = next
	}
	return false
}
