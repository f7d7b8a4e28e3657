package gateway_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
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

// Tests from the adversarial review of JSON-RPC message handling at the
// gateway (both protocol eras).

// recorder wraps a dialer and keeps every message Warden writes upstream.
type recorder struct {
	inner transport.Dialer
	mu    sync.Mutex
	sent  []*mcp.Message
}

func (r *recorder) Dial(ctx context.Context) (transport.Conn, error) {
	c, err := r.inner.Dial(ctx)
	if err != nil {
		return nil, err
	}
	return &recordingConn{Conn: c, r: r}, nil
}

// written returns the messages written upstream with the given method.
func (r *recorder) written(method string) []*mcp.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []*mcp.Message
	for _, m := range r.sent {
		if m.Method == method {
			out = append(out, m)
		}
	}
	return out
}

type recordingConn struct {
	transport.Conn
	r *recorder
}

func (c *recordingConn) Write(ctx context.Context, msg []byte) error {
	if m, err := mcp.Decode(msg); err == nil {
		c.r.mu.Lock()
		c.r.sent = append(c.r.sent, m)
		c.r.mu.Unlock()
	}
	return c.Conn.Write(ctx, msg)
}

// postAsync posts in the background; the result arrives on the channel.
func postAsync(t *testing.T, url, body string, hdr map[string]string) <-chan string {
	out := make(chan string, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			out <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		out <- string(b)
	}()
	return out
}

func within(t *testing.T, ch <-chan string, d time.Duration, what string) string {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(d):
		t.Fatalf("%s: no answer within %s", what, d)
		return ""
	}
}

// A client that spells progressToken with a JSON escape
// ("progress\u0054oken") hid it from the check that rewrites tokens, so it
// reached the shared upstream as the client wrote it: a token chosen to
// equal the one Warden gave another session's call made the upstream's
// progress for this call (text the tool may take from the arguments) go
// to the other session, and reset that call's timeout.
func TestEscapedProgressTokenCannotReachAnotherSession(t *testing.T) {
	tokA := make(chan json.RawMessage, 1)
	release := make(chan struct{})
	up := &scripted{handle: func(c *scriptedConn, m *mcp.Message) *mcp.Message {
		var p struct {
			Args struct {
				Who string `json:"who"`
			} `json:"arguments"`
			Meta struct {
				Token json.RawMessage `json:"progressToken"`
			} `json:"_meta"`
		}
		_ = json.Unmarshal(m.Params, &p) // as a server decodes: escapes undone
		if p.Args.Who == "alice" {
			tokA <- p.Meta.Token
			<-release
		}
		c.send(mcp.NewNotification(mcp.NotifyProgress, map[string]any{"progressToken": p.Meta.Token, "progress": 1, "message": "for " + p.Args.Who}))
		return mcp.NewResult(nil, map[string]any{"content": []any{map[string]any{"type": "text", "text": "done " + p.Args.Who}}})
	}}
	url, _, _ := startGateway(t, nil, gwOpts{auth: headerAuth, dialers: map[string]transport.Dialer{"s": up}})
	sa, sb := initSession(t, url, "alice"), initSession(t, url, "bob")
	aliceDone := postAsync(t, url, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"t","arguments":{"who":"alice"},"_meta":{"progressToken":"pa"}}}`,
		map[string]string{"X-User": "alice", "Mcp-Session-Id": sa})
	var mapped json.RawMessage
	select {
	case mapped = <-tokA:
	case <-time.After(5 * time.Second):
		t.Fatal("alice's call never reached the upstream")
	}
	if string(mapped) == `"pa"` {
		t.Fatal("the client's progress token reached the shared upstream unchanged")
	}
	bob := `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"t","arguments":{"who":"bob"},"_meta":{"progress\u0054oken":` + string(mapped) + `}}}`
	_, _, bobBody := post(t, url, bob, map[string]string{"X-User": "bob", "Mcp-Session-Id": sb})
	close(release)
	aliceBody := within(t, aliceDone, 5*time.Second, "alice's call")
	if strings.Contains(aliceBody, "for bob") {
		t.Errorf("bob's progress reached alice's session:\n%s", aliceBody)
	}
	if !strings.Contains(aliceBody, "for alice") || !strings.Contains(aliceBody, `"pa"`) {
		t.Errorf("alice did not get her own progress under her own token:\n%s", aliceBody)
	}
	if !strings.Contains(bobBody, "done bob") {
		t.Errorf("bob's call: %s", bobBody)
	}
}

// Two requests of one session with the same id in flight: the second
// replaced the first in the session's table, so a cancellation reached
// only one of them and, once either finished, neither could be cancelled.
// MCP forbids reusing an id within a session; the second is refused and
// the cancellation reaches the first.
func TestDuplicateInFlightIDIsRefused(t *testing.T) {
	arrived := make(chan struct{}, 4)
	release := make(chan struct{})
	defer close(release)
	rec := &recorder{inner: &scripted{handle: func(c *scriptedConn, m *mcp.Message) *mcp.Message {
		arrived <- struct{}{}
		<-release
		return mcp.NewResult(nil, map[string]any{"content": []any{}})
	}}}
	url, _, _ := startGateway(t, nil, gwOpts{auth: headerAuth, dialers: map[string]transport.Dialer{"s": rec}})
	sid := initSession(t, url, "alice")
	hdr := map[string]string{"X-User": "alice", "Mcp-Session-Id": sid}
	call := `{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"t","arguments":{}}}`
	first := postAsync(t, url, call, hdr)
	select {
	case <-arrived:
	case <-time.After(5 * time.Second):
		t.Fatal("the first call never reached the upstream")
	}
	second := within(t, postAsync(t, url, call, hdr), 3*time.Second, "the second request with the same id")
	if !strings.Contains(second, "-32600") || !strings.Contains(second, "already in flight") {
		t.Errorf("second request with id 7: %s", second)
	}
	if st, _, body := post(t, url, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}}`, hdr); st != http.StatusAccepted {
		t.Fatalf("cancel: %d %s", st, body)
	}
	if got := within(t, first, 5*time.Second, "the cancelled first request"); !strings.Contains(got, "cancelled") {
		t.Errorf("first request after its cancellation: %s", got)
	}
	if n := len(rec.written(mcp.NotifyCancelled)); n != 1 {
		t.Errorf("%d cancellations sent upstream, want 1", n)
	}
}

// A stateless (2026-07-28) client on stdio cancels with
// notifications/cancelled naming its request's id; its requests had no
// session to be tracked in, so the notification cancelled nothing and the
// call ran on upstream.
func TestStatelessStdioRequestCanBeCancelled(t *testing.T) {
	arrived := make(chan struct{}, 1)
	release := make(chan struct{})
	defer close(release)
	rec := &recorder{inner: &scripted{handle: func(c *scriptedConn, m *mcp.Message) *mcp.Message {
		arrived <- struct{}{}
		<-release
		return mcp.NewResult(nil, map[string]any{"content": []any{}})
	}}}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	u := gateway.NewUpstream(gateway.UpstreamOptions{Name: "s", Dialer: rec, Logger: log, Timeout: 20 * time.Second})
	g, err := gateway.New(gateway.Options{Upstreams: []*gateway.Upstream{u}, Chain: guard.NewChain(time.Second), Auditor: &gatewaytest.Auditor{}, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.Run(ctx)
	wctx, wcancel := context.WithTimeout(ctx, 5*time.Second)
	defer wcancel()
	if err := u.WaitReady(wctx); err != nil {
		t.Fatal(err)
	}
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	go func() { _ = g.ServeStdio(ctx, inR, outW, 1<<20) }()
	defer inW.Close()
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	send := func(s string) {
		if _, err := io.WriteString(inW, s+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	send(`{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"t","arguments":{},` + modernMeta() + `}}`)
	select {
	case <-arrived:
	case <-time.After(5 * time.Second):
		t.Fatal("the call never reached the upstream")
	}
	send(`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":5}}`)
	deadline := time.After(5 * time.Second)
	for len(rec.written(mcp.NotifyCancelled)) == 0 {
		select {
		case <-deadline:
			t.Fatal("the upstream was never told the call was cancelled")
		case <-time.After(20 * time.Millisecond):
		}
	}
	select {
	case l := <-lines:
		if !strings.Contains(l, `"id":5`) {
			t.Errorf("after cancellation: %s", l)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the cancelled request never ended")
	}
}

// A legacy client could put the stateless protocol's _meta keys in a
// request to a legacy upstream; they were forwarded, and the upstream
// transport, which reads a message's era from them, sent the request
// outside the upstream session as a stateless one, announcing a version
// the server never negotiated. They are removed for every legacy upstream,
// as they are when a stateless client's request crosses to one.
func TestLegacyClientCannotSmuggleStatelessMeta(t *testing.T) {
	type seen struct{ session, version, body string }
	var mu sync.Mutex
	var calls []seen
	h := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return fixture("a", nil) }, nil)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			b, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(b))
			if bytes.Contains(b, []byte(`"tools/call"`)) {
				mu.Lock()
				calls = append(calls, seen{r.Header.Get("Mcp-Session-Id"), r.Header.Get("Mcp-Protocol-Version"), string(b)})
				mu.Unlock()
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	url, _, _ := startGateway(t, map[string]string{"a": srv.URL}, gwOpts{proto: "legacy"})
	_, hdr, _ := post(t, url, initBody, nil)
	sid := hdr.Get("Mcp-Session-Id")
	body := `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"},` + modernMeta() + `}}`
	status, _, resp := post(t, url, body, map[string]string{"Mcp-Session-Id": sid})
	if status != 200 || !strings.Contains(resp, "a:x") {
		t.Errorf("call: %d %s", status, resp)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(calls) != 1 {
		t.Fatalf("%d tools/call POSTs upstream, want 1", len(calls))
	}
	c := calls[0]
	if c.session == "" || c.version == "2026-07-28" || strings.Contains(c.body, mcp.MetaProtocolVersion) {
		t.Errorf("upstream got session %q, version %q, body %s", c.session, c.version, c.body)
	}
}

// A client notification whose method is a request method
// ({"method":"tools/call"} without an id, or with "id":null) was forwarded
// untouched to the only upstream as an unknown notification, past every
// guard: a server that dispatches by method name runs the tool and only
// the answer is lost. Only notifications are forwarded; the rest is
// refused (400 on HTTP) and never reaches the upstream.
func TestRequestMethodAsNotificationIsNotForwarded(t *testing.T) {
	rec := &recorder{inner: &scripted{handle: func(c *scriptedConn, m *mcp.Message) *mcp.Message {
		return mcp.NewResult(nil, map[string]any{"content": []any{}})
	}}}
	deny := &denyGuard{tool: "t"}
	url, _, _ := startGateway(t, nil, gwOpts{guards: []guard.Guard{deny}, dialers: map[string]transport.Dialer{"s": rec}})
	_, hdr, _ := post(t, url, initBody, nil)
	sid := hdr.Get("Mcp-Session-Id")
	for _, tc := range []struct {
		name, body string
		hdr        map[string]string
	}{
		{"legacy, no id", `{"jsonrpc":"2.0","method":"tools/call","params":{"name":"t","arguments":{}}}`, map[string]string{"Mcp-Session-Id": sid}},
		{"legacy, null id", `{"jsonrpc":"2.0","id":null,"method":"tools/call","params":{"name":"t","arguments":{}}}`, map[string]string{"Mcp-Session-Id": sid}},
		{"legacy, vendor method", `{"jsonrpc":"2.0","method":"admin/wipe","params":{}}`, map[string]string{"Mcp-Session-Id": sid}},
		{"legacy, imitated cancel", `{"jsonrpc":"2.0","method":"notifications/Cancelled","params":{"requestId":1}}`, map[string]string{"Mcp-Session-Id": sid}},
		{"stateless", `{"jsonrpc":"2.0","method":"tools/call","params":{"name":"t","arguments":{},` + modernMeta() + `}}`, modernHeaders("tools/call", "t")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := post(t, url, tc.body, tc.hdr)
			if status != http.StatusBadRequest || !strings.Contains(body, "-32600") {
				t.Errorf("status %d, want 400 with -32600: %s", status, body)
			}
		})
	}
	// A real notification still goes through.
	if status, _, body := post(t, url, `{"jsonrpc":"2.0","method":"notifications/vendor/hello"}`, map[string]string{"Mcp-Session-Id": sid}); status != http.StatusAccepted {
		t.Errorf("notification: %d %s", status, body)
	}
	time.Sleep(100 * time.Millisecond) // writes upstream are synchronous; this is margin
	for _, m := range []string{"tools/call", "admin/wipe", "notifications/Cancelled"} {
		if n := len(rec.written(m)); n != 0 {
			t.Errorf("%d %s messages reached the upstream", n, m)
		}
	}
	if n := len(rec.written("notifications/vendor/hello")); n != 1 {
		t.Errorf("the vendor notification reached the upstream %d times, want 1", n)
	}
}

// A stateless client may not send responses (there are no server requests
// to answer in 2026-07-28): one is refused with 400, not accepted with 202
// and dropped.
func TestStatelessClientResponseIsRefused(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, _ := startGateway(t, map[string]string{"a": up}, gwOpts{})
	status, _, body := post(t, url, `{"jsonrpc":"2.0","id":"warden-1","result":{}}`, map[string]string{"MCP-Protocol-Version": "2026-07-28"})
	if status != http.StatusBadRequest || !strings.Contains(body, "-32600") {
		t.Errorf("status %d, want 400 with -32600: %s", status, body)
	}
}

// Content-Type is a media type: compared without regard to case, with
// parameters; a charset other than UTF-8 is refused, as is a type that
// merely starts with "application/json".
func TestContentTypeVariants(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, _ := startGateway(t, map[string]string{"a": up}, gwOpts{})
	for _, tc := range []struct {
		ct   string
		want int
	}{
		{"application/json", 200},
		{"application/json; charset=utf-8", 200},
		{"Application/JSON; Charset=UTF-8", 200},
		{"application/json; charset=latin1", 415},
		{"application/json; charset=utf-16", 415},
		{"application/jsonx", 415},
		{"text/plain", 415},
		{"application/json; charset", 415},
	} {
		t.Run(tc.ct, func(t *testing.T) {
			status, _, body := post(t, url, initBody, map[string]string{"Content-Type": tc.ct})
			if status != tc.want {
				t.Errorf("status %d, want %d: %s", status, tc.want, body)
			}
		})
	}
}

// A method name of a megabyte is refused before it is forwarded, audited
// or counted: it would otherwise be copied into audit records verbatim.
func TestOverlongMethodIsRefused(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, aud := startGateway(t, map[string]string{"a": up}, gwOpts{})
	_, hdr, _ := post(t, url, initBody, nil)
	long := strings.Repeat("m", 1<<20)
	status, _, body := post(t, url, `{"jsonrpc":"2.0","id":2,"method":"`+long+`"}`, map[string]string{"Mcp-Session-Id": hdr.Get("Mcp-Session-Id")})
	if status != http.StatusBadRequest {
		t.Errorf("status %d, want 400", status)
	}
	if len(body) > 4096 {
		t.Errorf("error answer of %d bytes echoes the method", len(body))
	}
	if evs := aud.Find(func(e gateway.Event) bool { return len(e.Method) > 1024 }); len(evs) != 0 {
		t.Errorf("%d audit records carry the megabyte method", len(evs))
	}
}
