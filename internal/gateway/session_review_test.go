package gateway_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/gateway/gatewaytest"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
	"github.com/warden-mcp/warden/internal/transport"
)

// Adversarial review of how sessions and per-request state are bound to
// the principal that owns them, in both protocol eras.

// sseLines opens a GET event stream as user and returns its data lines.
// The stream is open (headers received) when it returns.
func sseLines(t *testing.T, url, user string, hdr map[string]string) (int, <-chan string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/event-stream")
	if user != "" {
		req.Header.Set("X-User", user)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 64)
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		close(out)
		return resp.StatusCode, out
	}
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data:"); ok {
				out <- strings.TrimSpace(d)
			}
		}
	}()
	return resp.StatusCode, out
}

// waitFor returns the first line holding want, or "" after d.
func waitFor(lines <-chan string, want string, d time.Duration) string {
	deadline := time.After(d)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				return ""
			}
			if strings.Contains(l, want) {
				return l
			}
		case <-deadline:
			return ""
		}
	}
}

func initSession(t *testing.T, url, user string) string {
	t.Helper()
	status, hdr, body := post(t, url, initBody, map[string]string{"X-User": user})
	sid := hdr.Get("Mcp-Session-Id")
	if status != 200 || sid == "" {
		t.Fatalf("initialize as %s: %d %s", user, status, body)
	}
	return sid
}

// A session is its owner's on every method and both legacy transports:
// the GET stream, DELETE and the HTTP+SSE message endpoint refuse another
// principal (404, like an unknown session) and anyone without credentials
// (401), and a client cannot choose its own session id (fixation).
func TestLegacySessionRefusesOtherPrincipals(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, aud := startGateway(t, map[string]string{"a": up}, gwOpts{auth: headerAuth})
	base := strings.TrimSuffix(url, "/mcp")
	sid := initSession(t, url, "alice")
	list := `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`

	for _, tc := range []struct {
		user string
		want int
	}{{"mallory", 404}, {"", 401}} {
		if status, _ := sseLines(t, url, tc.user, map[string]string{"Mcp-Session-Id": sid}); status != tc.want {
			t.Errorf("GET stream of alice's session as %q: %d, want %d", tc.user, status, tc.want)
		}
		req, _ := http.NewRequest(http.MethodDelete, url, nil)
		req.Header.Set("Mcp-Session-Id", sid)
		if tc.user != "" {
			req.Header.Set("X-User", tc.user)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("DELETE of alice's session as %q: %d, want %d", tc.user, resp.StatusCode, tc.want)
		}
	}
	if status, _, body := post(t, url, list, map[string]string{"X-User": "alice", "Mcp-Session-Id": sid}); status != 200 {
		t.Fatalf("alice's session after others tried to end it: %d %s", status, body)
	}
	if n := len(aud.Find(func(e gateway.Event) bool { return e.Kind == "session" && e.Verdict == "deny" })); n < 2 {
		t.Errorf("refused session uses audited %d times, want at least 2", n)
	}

	// Fixation: an initialize that names a session id of the client's
	// choosing gets no session, under that id or any other.
	status, hdr, _ := post(t, url, initBody, map[string]string{"X-User": "mallory", "Mcp-Session-Id": "chosen-by-mallory-0123456789"})
	if status != 404 || hdr.Get("Mcp-Session-Id") != "" {
		t.Errorf("initialize with a client-chosen session id: %d %q, want 404 and no session", status, hdr.Get("Mcp-Session-Id"))
	}

	// HTTP+SSE (2024-11-05): the message endpoint is the stream owner's.
	status, lines := sseLines(t, base+"/sse", "alice", nil)
	if status != 200 {
		t.Fatalf("GET /sse: %d", status)
	}
	endpoint := waitFor(lines, "sessionId=", 5*time.Second)
	if endpoint == "" {
		t.Fatal("no endpoint event")
	}
	for _, tc := range []struct {
		user string
		want int
	}{{"mallory", 404}, {"", 401}, {"alice", 202}} {
		hdr := map[string]string{}
		if tc.user != "" {
			hdr["X-User"] = tc.user
		}
		if status, _, body := post(t, base+endpoint, initBody, hdr); status != tc.want {
			t.Errorf("HTTP+SSE message as %q: %d %s, want %d", tc.user, status, body, tc.want)
		}
	}
	if waitFor(lines, `"protocolVersion"`, 5*time.Second) == "" {
		t.Error("alice's initialize over HTTP+SSE got no answer on her stream")
	}
}

// scopedAuth is headerAuth with the token's scopes in X-Scopes.
var scopedAuth = gateway.AuthenticatorFunc(func(r *http.Request) (*guard.Principal, error) {
	p, err := headerAuth(r)
	if err != nil {
		return nil, err
	}
	if s := r.Header.Get("X-Scopes"); s != "" {
		p.Scopes = strings.Split(s, ",")
	}
	return p, nil
})

// adminOnly stands in for a policy on the principal's scopes (CEL
// principal.scopes, the scopes guard): tools/call needs "admin".
type adminOnly struct{}

func (adminOnly) Name() string { return "admin-only" }

func (adminOnly) Inspect(_ context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	if ex.Phase != guard.PhaseRequest || ex.Method != mcp.MethodToolsCall || ex.Result != nil {
		return guard.Verdict{}, nil
	}
	if !slices.Contains(ex.Session.Principal.Scopes, "admin") {
		return guard.Verdict{Action: guard.Deny, Reason: "needs scope admin"}, nil
	}
	return guard.Verdict{}, nil
}

// The guards judge a legacy session's request by the token that request
// carries, not by the token that opened the session: a session opened with
// a broad token (a step-up, a since-removed group) must not keep its
// rights once the client continues with a narrower one.
func TestSessionGuardsSeeTheCurrentToken(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, _ := startGateway(t, map[string]string{"a": up}, gwOpts{auth: scopedAuth, guards: []guard.Guard{adminOnly{}}})
	status, hdr, body := post(t, url, initBody, map[string]string{"X-User": "alice", "X-Scopes": "admin"})
	sid := hdr.Get("Mcp-Session-Id")
	if status != 200 || sid == "" {
		t.Fatalf("initialize: %d %s", status, body)
	}
	call := `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`
	for _, tc := range []struct {
		scopes  string
		allowed bool
	}{{"admin", true}, {"read", false}, {"", false}, {"read,admin", true}} {
		_, _, body := post(t, url, call, map[string]string{"X-User": "alice", "X-Scopes": tc.scopes, "Mcp-Session-Id": sid})
		ran := strings.Contains(body, "a:x")
		if ran != tc.allowed {
			t.Errorf("tools/call with scopes %q in a session opened with admin: ran=%v, want %v (%s)", tc.scopes, ran, tc.allowed, body)
		}
	}
}

// twoTools is a legacy upstream (no relation information, like a stdio
// child) with tools t and u; every call asks for input first, then
// reports what ran.
func twoTools() *scripted {
	return &scripted{
		tools: `{"tools":[{"name":"t","inputSchema":{"type":"object"}},{"name":"u","inputSchema":{"type":"object"}}]}`,
		handle: func(c *scriptedConn, m *mcp.Message) *mcp.Message {
			if m.Method != mcp.MethodToolsCall {
				return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeMethodNotFound, "no", nil))
			}
			if _, err := c.ask(context.Background(), mcp.MethodElicit, map[string]any{"message": "sure?",
				"requestedSchema": map[string]any{"type": "object", "properties": map[string]any{"ok": map[string]any{"type": "boolean"}}}}); err != nil {
				return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInternalError, err.Error(), nil))
			}
			var p struct {
				Name string          `json:"name"`
				Args json.RawMessage `json:"arguments"`
			}
			_ = json.Unmarshal(m.Params, &p)
			return mcp.NewResult(nil, map[string]any{"content": []any{map[string]any{"type": "text", "text": "ran " + p.Name + " " + string(p.Args)}}})
		},
	}
}

// A parked call's requestState (a stateless client in front of a legacy
// server that asked for input) resumes only the request it was issued
// for: same principal, same tool, same arguments, once. Otherwise a token
// would run the parked call under another request's name, which the guards,
// the scope check and the audit log saw, and answer that request with it.
func TestParkedCallIsBoundToItsRequest(t *testing.T) {
	url, _, aud := startGateway(t, nil, gwOpts{auth: headerAuth, dialers: map[string]transport.Dialer{"s": twoTools()}})
	meta := statelessMeta(`{"elicitation":{}}`)
	call := func(user, name, args, state string) string {
		extra := ""
		if state != "" {
			extra = `"requestState":"` + state + `","inputResponses":{"warden-1":{"action":"accept","content":{"ok":true}}},`
		}
		hdr := modernHeaders("tools/call", name)
		hdr["X-User"] = user
		_, _, body := post(t, url, `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"`+name+`","arguments":`+args+`,`+extra+meta+`}}`, hdr)
		return sseData(body)
	}
	body := call("alice", "t", `{"x":1}`, "")
	tok, _ := jsonField(t, body, "result", "requestState").(string)
	if !strings.HasPrefix(tok, "warden-mrtr:") {
		t.Fatalf("first answer: %s", body)
	}
	for _, tc := range []struct{ name, user, tool, args string }{
		{"another principal", "mallory", "t", `{"x":1}`},
		{"another tool", "alice", "u", `{"x":1}`},
		{"other arguments", "alice", "t", `{"x":2}`},
		{"no arguments", "alice", "t", `{}`},
	} {
		body := call(tc.user, tc.tool, tc.args, tok)
		if strings.Contains(body, "ran ") || jsonField(t, body, "error", "code") != float64(mcp.CodeInvalidParams) {
			t.Errorf("%s: the parked call was resumed or the refusal is unclear: %s", tc.name, body)
		}
	}
	if body := call("alice", "t", `{"x":1}`, tok); !strings.Contains(body, `ran t {\"x\":1}`) {
		t.Fatalf("the owner's retry of the same request: %s", body)
	}
	if body := call("alice", "t", `{"x":1}`, tok); strings.Contains(body, "ran ") {
		t.Errorf("a used requestState resumed again: %s", body)
	}
	if n := len(aud.Find(func(e gateway.Event) bool {
		return e.Kind == "session" && e.Verdict == "deny" && strings.Contains(e.Reason, "parked call")
	})); n < 5 {
		t.Errorf("refused resumptions audited %d times, want 5", n)
	}
}

// logsPerCall is a legacy upstream that, during each call, logs who it is
// working for in a notification without relation (a stdio server's
// notifications never carry one).
func logsPerCall() *scripted {
	return &scripted{handle: func(c *scriptedConn, m *mcp.Message) *mcp.Message {
		var p struct {
			Args struct {
				Who string `json:"who"`
			} `json:"arguments"`
		}
		_ = json.Unmarshal(m.Params, &p)
		c.send(mcp.NewNotification(mcp.NotifyMessage, map[string]any{"level": "info", "data": "private log of " + p.Args.Who}))
		return mcp.NewResult(nil, map[string]any{"content": []any{map[string]any{"type": "text", "text": "done"}}})
	}}
}

// An upstream's notification that belongs to no call goes to the only
// session, but not while another principal's stateless call is in flight
// on that upstream: a stateless request is no session, and the message is
// most likely about its call.
func TestUnrelatedLogStaysWithItsCaller(t *testing.T) {
	url, _, _ := startGateway(t, nil, gwOpts{auth: headerAuth, dialers: map[string]transport.Dialer{"s": logsPerCall()}})
	sid := initSession(t, url, "alice")
	status, lines := sseLines(t, url, "alice", map[string]string{"Mcp-Session-Id": sid})
	if status != 200 {
		t.Fatalf("alice's GET stream: %d", status)
	}
	hdr := modernHeaders("tools/call", "t")
	hdr["X-User"] = "bob"
	if _, _, body := post(t, url, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"t","arguments":{"who":"bob"},`+modernMeta()+`}}`, hdr); !strings.Contains(body, "done") {
		t.Fatalf("bob's stateless call: %s", body)
	}
	// Alice's own call: its log is hers (and shows the stream works).
	if _, _, body := post(t, url, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"t","arguments":{"who":"alice"}}}`,
		map[string]string{"X-User": "alice", "Mcp-Session-Id": sid}); !strings.Contains(body, "done") {
		t.Fatalf("alice's call: %s", body)
	}
	var got []string
	deadline := time.After(3 * time.Second)
collect:
	for {
		select {
		case l := <-lines:
			if strings.Contains(l, "private log of") {
				got = append(got, l)
			}
			if strings.Contains(l, "private log of alice") {
				break collect
			}
		case <-deadline:
			break collect
		}
	}
	for _, l := range got {
		if strings.Contains(l, "bob") {
			t.Errorf("alice's stream carried a log of bob's call: %s", l)
		}
	}
	if !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, "private log of alice") }) {
		t.Errorf("alice's own log did not reach her stream: %q", got)
	}
}

// recordingDialer dials a scripted upstream and hands each connection to
// conns.
type recordingDialer struct {
	s     *scripted
	conns chan *scriptedConn
}

func (d *recordingDialer) Dial(ctx context.Context) (transport.Conn, error) {
	c, err := d.s.Dial(ctx)
	if err == nil {
		d.conns <- c.(*scriptedConn)
	}
	return c, err
}

// subscribable answers resources/subscribe and nothing else.
func subscribable() *scripted {
	return &scripted{handle: func(c *scriptedConn, m *mcp.Message) *mcp.Message {
		if m.Method == mcp.MethodResourcesSubscribe || m.Method == mcp.MethodResourcesUnsub {
			return mcp.NewResult(nil, map[string]any{})
		}
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeMethodNotFound, "no", nil))
	}}
}

// A per-user upstream's resource update comes from one principal's own
// connection, about that principal's resource (their inbox at the same
// URI as everyone's): it reaches that principal's sessions only.
func TestPerUserResourceUpdatesStayWithTheirPrincipal(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	var mu sync.Mutex
	conns := map[string]chan *scriptedConn{}
	connsOf := func(who string) chan *scriptedConn {
		mu.Lock()
		defer mu.Unlock()
		if conns[who] == nil {
			conns[who] = make(chan *scriptedConn, 4)
		}
		return conns[who]
	}
	pu := &gateway.PerUserOptions{IdleTimeout: time.Minute, MaxConns: 10,
		Dialer: func(p *guard.Principal, _ func() context.Context) (transport.Dialer, error) {
			return &recordingDialer{s: subscribable(), conns: connsOf(p.Subject)}, nil
		}}
	up := gateway.NewUpstream(gateway.UpstreamOptions{Name: "mail", Logger: log, Timeout: 10 * time.Second,
		InitialBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond, PerUser: pu})
	g, err := gateway.New(gateway.Options{Upstreams: []*gateway.Upstream{up}, Chain: guard.NewChain(time.Second),
		Auditor: &gatewaytest.Auditor{}, Logger: log, MaxSessions: 100})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { g.Run(ctx); close(done) }()
	srv := httptest.NewServer(g.HTTPHandler(gateway.HTTPOptions{LoopbackOnly: true, Auth: headerAuth}))
	t.Cleanup(func() { srv.Close(); cancel(); <-done })
	url := srv.URL + "/mcp"

	const uri = "mail://inbox"
	streams := map[string]<-chan string{}
	for _, who := range []string{"alice", "bob"} {
		sid := initSession(t, url, who)
		status, lines := sseLines(t, url, who, map[string]string{"Mcp-Session-Id": sid})
		if status != 200 {
			t.Fatalf("%s's GET stream: %d", who, status)
		}
		streams[who] = lines
		sub := `{"jsonrpc":"2.0","id":2,"method":"resources/subscribe","params":{"uri":"` + uri + `"}}`
		if status, _, body := post(t, url, sub, map[string]string{"X-User": who, "Mcp-Session-Id": sid}); status != 200 || strings.Contains(body, "error") {
			t.Fatalf("%s subscribes: %d %s", who, status, body)
		}
	}
	var alice *scriptedConn
	select {
	case alice = <-connsOf("alice"):
	case <-time.After(5 * time.Second):
		t.Fatal("alice has no connection")
	}
	alice.send(mcp.NewNotification(mcp.NotifyResourceUpdated, map[string]any{"uri": uri, "title": "alice: 1 new message"}))
	if waitFor(streams["alice"], "alice: 1 new message", 5*time.Second) == "" {
		t.Fatal("alice's update did not reach alice")
	}
	if l := waitFor(streams["bob"], "alice: 1 new message", 500*time.Millisecond); l != "" {
		t.Errorf("bob received the update of alice's own resource: %s", l)
	}
}

// A resource update reaches the sessions subscribed to that URI at the
// upstream that serves it, not at whichever upstream names the URI: in a
// federation, one server cannot make clients act on another's resources.
func TestResourceUpdateFromAnotherUpstreamIsDropped(t *testing.T) {
	a := sdk.NewServer(&sdk.Implementation{Name: "a", Version: "1"}, &sdk.ServerOptions{
		SubscribeHandler:   func(context.Context, *sdk.SubscribeRequest) error { return nil },
		UnsubscribeHandler: func(context.Context, *sdk.UnsubscribeRequest) error { return nil },
	})
	a.AddResource(&sdk.Resource{URI: "test://a/doc", Name: "doc", MIMEType: "text/plain"},
		func(ctx context.Context, req *sdk.ReadResourceRequest) (*sdk.ReadResourceResult, error) {
			return &sdk.ReadResourceResult{Contents: []*sdk.ResourceContents{{URI: req.Params.URI, Text: "x"}}}, nil
		})
	b := &recordingDialer{s: subscribable(), conns: make(chan *scriptedConn, 4)}
	url, _, _ := startGateway(t, map[string]string{"a": serveUpstream(t, a, false)},
		gwOpts{auth: headerAuth, dialers: map[string]transport.Dialer{"b": b}})
	sid := initSession(t, url, "alice")
	status, lines := sseLines(t, url, "alice", map[string]string{"Mcp-Session-Id": sid})
	if status != 200 {
		t.Fatalf("GET stream: %d", status)
	}
	sub := `{"jsonrpc":"2.0","id":2,"method":"resources/subscribe","params":{"uri":"test://a/doc"}}`
	if status, _, body := post(t, url, sub, map[string]string{"X-User": "alice", "Mcp-Session-Id": sid}); status != 200 || strings.Contains(body, "error") {
		t.Fatalf("subscribe: %d %s", status, body)
	}
	var bc *scriptedConn
	select {
	case bc = <-b.conns:
	case <-time.After(5 * time.Second):
		t.Fatal("upstream b never connected")
	}
	bc.send(mcp.NewNotification(mcp.NotifyResourceUpdated, map[string]any{"uri": "test://a/doc", "title": "spoofed by b"}))
	if l := waitFor(lines, "spoofed by b", 500*time.Millisecond); l != "" {
		t.Errorf("an update for a's resource sent by b reached the subscriber: %s", l)
	}
	if err := a.ResourceUpdated(context.Background(), &sdk.ResourceUpdatedNotificationParams{URI: "test://a/doc"}); err != nil {
		t.Fatal(err)
	}
	if waitFor(lines, "test://a/doc", 5*time.Second) == "" {
		t.Error("a's own update did not reach the subscriber")
	}
}

var _ = fmt.Sprint

// connectUser opens a go-sdk legacy session as user (headerAuth).
func connectUser(t *testing.T, url, user string, opts *sdk.ClientOptions) *sdk.ClientSession {
	t.Helper()
	hc := &http.Client{Transport: rtFunc(func(r *http.Request) (*http.Response, error) {
		r = r.Clone(r.Context())
		r.Header.Set("X-User", user)
		return http.DefaultTransport.RoundTrip(r)
	})}
	c := sdk.NewClient(&sdk.Implementation{Name: "test-client", Version: "1"}, opts)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cs, err := c.Connect(ctx, &sdk.StreamableClientTransport{Endpoint: url, HTTPClient: hc}, &sdk.ClientSessionOptions{ProtocolVersion: "2025-11-25"})
	if err != nil {
		t.Fatalf("connect as %s: %v", user, err)
	}
	t.Cleanup(func() { cs.Close() })
	return cs
}

// Two principals' sessions call the same relation-less upstream at once,
// with the same progress token: each session's progress reaches it alone
// (tokens are rewritten per upstream call), and a sampling request the
// server makes without relation goes to no session while both calls are
// in flight, never to the other one.
func TestConcurrentSessionsDoNotCrossOnASharedUpstream(t *testing.T) {
	var arrived sync.WaitGroup
	arrived.Add(2)
	both := make(chan struct{})
	go func() { arrived.Wait(); close(both) }()
	up := &scripted{handle: func(c *scriptedConn, m *mcp.Message) *mcp.Message {
		var p struct {
			Args struct {
				Who string `json:"who"`
			} `json:"arguments"`
			Meta struct {
				Token json.RawMessage `json:"progressToken"`
			} `json:"_meta"`
		}
		_ = json.Unmarshal(m.Params, &p)
		arrived.Done()
		<-both
		c.send(mcp.NewNotification(mcp.NotifyProgress, map[string]any{"progressToken": p.Meta.Token, "progress": 1, "message": "for " + p.Args.Who}))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		r, err := c.ask(ctx, mcp.MethodSampling, map[string]any{"maxTokens": 5,
			"messages": []any{map[string]any{"role": "user", "content": map[string]any{"type": "text", "text": "secret of " + p.Args.Who}}}})
		got := "no answer"
		switch {
		case err != nil:
			got = err.Error()
		case r.Error != nil:
			got = "refused"
		default:
			got = string(r.Result)
		}
		return mcp.NewResult(nil, map[string]any{"content": []any{map[string]any{"type": "text", "text": "sampling: " + got}}})
	}}
	url, _, _ := startGateway(t, nil, gwOpts{auth: headerAuth, dialers: map[string]transport.Dialer{"s": up}})
	type seen struct {
		mu       sync.Mutex
		progress []string
		prompts  []string
	}
	results := map[string]string{}
	var rmu sync.Mutex
	var wg sync.WaitGroup
	views := map[string]*seen{"alice": {}, "bob": {}}
	for who, v := range views {
		cs := connectUser(t, url, who, &sdk.ClientOptions{
			CreateMessageHandler: func(_ context.Context, req *sdk.CreateMessageRequest) (*sdk.CreateMessageResult, error) {
				v.mu.Lock()
				v.prompts = append(v.prompts, req.Params.Messages[0].Content.(*sdk.TextContent).Text)
				v.mu.Unlock()
				return &sdk.CreateMessageResult{Model: "m", Role: "assistant", Content: &sdk.TextContent{Text: "answered by " + who}}, nil
			},
			ProgressNotificationHandler: func(_ context.Context, req *sdk.ProgressNotificationClientRequest) {
				v.mu.Lock()
				v.progress = append(v.progress, fmt.Sprint(req.Params.ProgressToken, " ", req.Params.Message))
				v.mu.Unlock()
			},
		})
		wg.Go(func() {
			params := &sdk.CallToolParams{Name: "t", Arguments: map[string]any{"who": who}}
			params.SetProgressToken("p")
			res, err := cs.CallTool(context.Background(), params)
			rmu.Lock()
			defer rmu.Unlock()
			if err != nil {
				results[who] = err.Error()
				return
			}
			results[who] = textOf(t, res)
		})
	}
	wg.Wait()
	time.Sleep(100 * time.Millisecond)
	for who, v := range views {
		other := "bob"
		if who == "bob" {
			other = "alice"
		}
		// Refused while both calls are in flight; once one is done the
		// other is the only candidate, and rightly gets its own.
		if r := results[who]; strings.Contains(r, "answered by "+other) || !strings.Contains(r, "sampling: ") {
			t.Errorf("%s's call: %q", who, r)
		}
		v.mu.Lock()
		for _, p := range v.prompts {
			if p != "secret of "+who {
				t.Errorf("%s was asked to sample %q", who, p)
			}
		}
		if !slices.Equal(v.progress, []string{"p for " + who}) {
			t.Errorf("%s saw progress %q, want only its own", who, v.progress)
		}
		for _, p := range v.progress {
			if strings.Contains(p, other) {
				t.Errorf("%s saw %s's progress", who, other)
			}
		}
		v.mu.Unlock()
	}
}
