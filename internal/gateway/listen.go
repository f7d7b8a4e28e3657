package gateway

import (
	"context"
	"encoding/json"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// listener is one open subscriptions/listen stream of a stateless client.
type listener struct {
	ch     chan *mcp.Message
	tools  bool
	prompt bool
	res    bool
	owner  string            // the principal that opened it
	uris   map[string]string // subscribed URI → the upstream that serves it ("" unknown)
}

// subscribedTo is Session.subscribedTo for a listen stream.
func (l *listener) subscribedTo(u *Upstream, uri, owner string) bool {
	server, ok := l.uris[uri]
	return ok && server != "" && server == u.Name() && (owner == "" || l.owner == owner)
}

// push queues a notification; a slow listener misses advisory
// notifications, never blocks others.
func (l *listener) push(n *mcp.Message) {
	select {
	case l.ch <- n:
	default:
	}
}

// offer queues a list change the listener asked for. Resource updates go
// through notifySubscribers, which knows who sent them.
func (l *listener) offer(n *mcp.Message) {
	switch n.Method {
	case mcp.NotifyToolsChanged:
		if !l.tools {
			return
		}
	case mcp.NotifyPromptsChanged:
		if !l.prompt {
			return
		}
	case mcp.NotifyResourcesChanged:
		if !l.res {
			return
		}
	default:
		return
	}
	l.push(n)
}

// listen serves subscriptions/listen (2026-07-28): acknowledge, then relay
// the notifications asked for until the client closes the stream.
func (g *Gateway) listen(ctx context.Context, s *Session, m *mcp.Message, send Sender) *mcp.Message {
	if !s.modern {
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeMethodNotFound, "subscriptions/listen is part of the stateless protocol; legacy sessions use the GET stream", nil))
	}
	if send == nil {
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidRequest, "subscriptions/listen needs a streaming transport", nil))
	}
	p, _ := mcp.ParseObject(m.Params)
	var filter struct {
		Tools     bool     `json:"toolsListChanged"`
		Prompts   bool     `json:"promptsListChanged"`
		Resources bool     `json:"resourcesListChanged"`
		URIs      []string `json:"resourceSubscriptions"`
	}
	_ = json.Unmarshal(p["notifications"], &filter)
	l := &listener{ch: make(chan *mcp.Message, 64), tools: filter.Tools, prompt: filter.Prompts, res: filter.Resources,
		owner: s.owner(), uris: map[string]string{}}
	// Each resource subscription is a resources/subscribe as far as the
	// guards are concerned (the policy decides it): one refused refuses
	// the whole stream, before anything is subscribed.
	for _, uri := range filter.URIs {
		if refused := g.checkSubscription(ctx, s, uri); refused != nil {
			return refused
		}
	}
	for _, uri := range filter.URIs {
		l.uris[uri] = ""
		if u := g.ownerOfURI(uri); u != nil {
			l.uris[uri] = u.Name()
			if info := u.Info(); info != nil && !info.Modern {
				sp := mcp.Object{}
				sp.Set("uri", uri)
				_, _ = u.Call(ctx, mcp.MethodResourcesSubscribe, sp.Encode(), nil)
			}
		}
	}
	subID := m.ID
	ackFilter := map[string]any{
		"toolsListChanged":     filter.Tools,
		"promptsListChanged":   filter.Prompts,
		"resourcesListChanged": filter.Resources,
	}
	if len(filter.URIs) > 0 {
		ackFilter["resourceSubscriptions"] = filter.URIs
	}
	ack := mcp.NewNotification(mcp.NotifySubscriptionsAck, map[string]any{
		"notifications": ackFilter,
		"_meta":         map[string]any{mcp.MetaSubscriptionID: subID},
	})
	if err := send(ctx, ack); err != nil {
		return upstreamError(err)
	}
	g.mu.Lock()
	g.listeners[l] = struct{}{}
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		delete(g.listeners, l)
		g.mu.Unlock()
	}()
	for {
		select {
		case <-ctx.Done():
			return mcp.NewResult(nil, map[string]any{"resultType": mcp.ResultComplete})
		case n := <-l.ch:
			np, _ := mcp.ParseObject(n.Params)
			meta := np.Object("_meta")
			meta.Set(mcp.MetaSubscriptionID, subID)
			np["_meta"] = meta.Encode()
			if err := send(ctx, &mcp.Message{Method: n.Method, Params: np.Encode()}); err != nil {
				return mcp.NewResult(nil, map[string]any{"resultType": mcp.ResultComplete})
			}
		}
	}
}

// checkSubscription runs the request guards over a stateless client's
// subscription to a resource's updates, as over a legacy client's
// resources/subscribe, and records the decision; nil means allowed.
func (g *Gateway) checkSubscription(ctx context.Context, s *Session, uri string) *mcp.Message {
	u := g.routeURI(ctx, s, uri)
	server := ""
	if u != nil {
		server = u.Name()
	}
	p := mcp.Object{}
	p.Set("uri", uri)
	start := time.Now()
	ex := &guard.Exchange{Phase: guard.PhaseRequest, Session: s.info(), Server: server,
		Method: mcp.MethodResourcesSubscribe, Name: uri, Params: p.Encode()}
	defer g.guards().Finish(ex)
	out := g.guards().Run(ctx, ex)
	if err := g.recordDecision(ctx, ex, out, time.Since(start), ""); err != nil {
		return g.denied(s, mcp.MethodSubscriptionsListen, "Warden could not record this decision in its audit log, so the request was refused")
	}
	if out.Final.Action == guard.Deny || out.Final.Action == guard.Ask {
		return g.denied(s, mcp.MethodSubscriptionsListen, "subscription to "+uri+": "+out.Final.Reason)
	}
	return nil
}
