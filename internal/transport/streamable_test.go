package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type recorded struct {
	method string
	header http.Header
	body   string
}

// recorder wraps a handler, remembering every request, and can be told to
// answer 404 as if the session had expired.
type recorder struct {
	mu      sync.Mutex
	reqs    []recorded
	fail404 atomic.Bool
}

func (r *recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(body))
		r.mu.Lock()
		r.reqs = append(r.reqs, recorded{req.Method, req.Header.Clone(), string(body)})
		r.mu.Unlock()
		if r.fail404.Load() {
			http.Error(w, "session not found", http.StatusNotFound)
			return
		}
		h.ServeHTTP(w, req)
	})
}

// find returns the recorded requests with this HTTP method whose body
// contains frag.
func (r *recorder) find(method, frag string) []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []recorded
	for _, q := range r.reqs {
		if q.method == method && strings.Contains(q.body, frag) {
			out = append(out, q)
		}
	}
	return out
}

func TestStreamableLegacyStateful(t *testing.T) {
	srv := newTestServer()
	rec := &recorder{}
	ts := serve(t, rec.wrap(mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv }, nil)))
	c := dialT(t, &StreamableDialer{URL: ts.URL, Header: http.Header{"X-Api-Key": {"k1"}}})

	legacyHandshakeAndCalls(t, c, true)

	// A server notification outside any request travels on the GET stream.
	// The stream connects asynchronously, so poke until one arrives.
	gotNote := false
	for i := 0; i < 50 && !gotNote; i++ {
		srv.AddTool(&mcp.Tool{Name: fmt.Sprintf("late%d", i), InputSchema: json.RawMessage(`{"type":"object"}`)},
			func(context.Context, *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
				return &mcp.CallToolResult{}, nil
			})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		in, err := c.Read(ctx)
		cancel()
		if err == nil && strings.Contains(string(in.Msg), "notifications/tools/list_changed") {
			if in.Related != nil {
				t.Fatalf("GET stream message has Related %s", in.Related)
			}
			gotNote = true
		}
	}
	if !gotNote {
		t.Fatal("no tools/list_changed notification arrived on the GET stream")
	}

	list := rec.find(http.MethodPost, `"tools/list"`)
	if len(list) != 1 {
		t.Fatalf("tools/list POSTs = %d", len(list))
	}
	sid := list[0].header.Get("Mcp-Session-Id")
	for name, want := range map[string]string{
		"X-Api-Key":            "k1",
		"MCP-Protocol-Version": "2025-11-25",
		"Accept":               "application/json, text/event-stream",
		"Content-Type":         "application/json",
	} {
		if got := list[0].header.Get(name); got != want {
			t.Errorf("tools/list header %s = %q, want %q", name, got, want)
		}
	}
	if sid == "" {
		t.Fatal("tools/list carried no session id")
	}
	if init := rec.find(http.MethodPost, `"initialize"`); len(init) != 1 || init[0].header.Get("Mcp-Session-Id") != "" {
		t.Errorf("initialize must carry no session id: %+v", init)
	}
	if gets := rec.find(http.MethodGet, ""); len(gets) == 0 || gets[0].header.Get("Mcp-Session-Id") != sid {
		t.Errorf("GET stream not opened with the session id")
	}

	c.Close()
	dels := rec.find(http.MethodDelete, "")
	if len(dels) != 1 || dels[0].header.Get("Mcp-Session-Id") != sid || dels[0].header.Get("X-Api-Key") != "k1" {
		t.Fatalf("DELETE on close = %+v, want one with session %s", dels, sid)
	}
}

func TestStreamableSessionExpired(t *testing.T) {
	srv := newTestServer()
	rec := &recorder{}
	ts := serve(t, rec.wrap(mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv }, nil)))
	c := dialT(t, &StreamableDialer{URL: ts.URL})
	write(t, c, msgInitialize)
	readUntil(t, c, "1")
	rec.fail404.Store(true)
	write(t, c, msgToolsList)
	in, _ := readUntil(t, c, "2")
	mustContain(t, in.Msg, `"code":-32603`, `"http_status":404`)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.Read(ctx)
	if !errors.Is(err, ErrSessionExpired) || !errors.Is(err, io.EOF) {
		t.Fatalf("Read after expiry = %v, want ErrSessionExpired and io.EOF", err)
	}
	if _, err2 := c.Read(ctx); !errors.Is(err2, ErrSessionExpired) {
		t.Fatalf("second Read = %v", err2)
	}
	// Let the DELETE through so the server ends its session.
	rec.fail404.Store(false)
	c.Close()
}

func TestStreamableModernStateless(t *testing.T) {
	srv := newTestServer()
	rec := &recorder{}
	ts := serve(t, rec.wrap(mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv },
		&mcp.StreamableHTTPOptions{Stateless: true})))
	c := dialT(t, &StreamableDialer{URL: ts.URL})
	const meta = `"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}`
	write(t, c, `{"jsonrpc":"2.0","id":10,"method":"tools/list","params":{`+meta+`}}`)
	in, _ := readUntil(t, c, "10")
	mustContain(t, in.Msg, `"echo"`)
	write(t, c, `{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"echo","arguments":{"text":"modern"},`+meta+`}}`)
	in, _ = readUntil(t, c, "11")
	mustContain(t, in.Msg, `echo:modern`)
	if string(in.Related) != "11" {
		t.Fatalf("Related = %s", in.Related)
	}
	calls := rec.find(http.MethodPost, `"tools/call"`)
	if len(calls) != 1 {
		t.Fatalf("tools/call POSTs = %d", len(calls))
	}
	h := calls[0].header
	if h.Get("Mcp-Method") != "tools/call" || h.Get("Mcp-Name") != "echo" ||
		h.Get("MCP-Protocol-Version") != "2026-07-28" || h.Get("Mcp-Session-Id") != "" {
		t.Fatalf("modern headers wrong: %v", h)
	}
	c.Close()
	if d := rec.find(http.MethodDelete, ""); len(d) != 0 {
		t.Fatalf("modern connection sent DELETE")
	}
}

// fakeUpstream answers each POST with respond(body) and records requests.
func fakeUpstream(t *testing.T, respond func(w http.ResponseWriter, r *http.Request, body string)) (*httptest.Server, *recorder) {
	rec := &recorder{}
	ts := serve(t, rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		respond(w, r, string(body))
	})))
	return ts, rec
}

func TestStreamableErrorsNeverHang(t *testing.T) {
	sse := func(w http.ResponseWriter, events ...string) {
		w.Header().Set("Content-Type", "text/event-stream")
		for _, e := range events {
			io.WriteString(w, e)
		}
	}
	tests := []struct {
		name    string
		respond func(w http.ResponseWriter, r *http.Request)
		want    []string // fragments of the message answering id 2
		exact   string   // or the exact message
		before  int      // messages expected before the answer
	}{
		{name: "500 plain", respond: func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", 500)
		}, want: []string{`"id":2`, `"code":-32603`, `"http_status":500`}},
		{name: "400 json-rpc error with null id is re-addressed", respond: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(400)
			io.WriteString(w, `{"jsonrpc":"2.0","id":null,"error":{"code":-32022,"message":"unsupported"}}`)
		}, want: []string{`"id":2`, `"code":-32022`}},
		{name: "404 json-rpc error with our id is passed as-is", respond: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(404)
			io.WriteString(w, `{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"nope"}}`)
		}, exact: `{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"nope"}}`},
		{name: "202 to a request", respond: func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(202)
		}, want: []string{`"id":2`, `"code":-32603`, `202`}},
		{name: "oversized json body", respond: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"jsonrpc":"2.0","id":2,"result":{"pad":"`+strings.Repeat("x", 4096)+`"}}`)
		}, want: []string{`"id":2`, `"code":-32603`, `too large`}},
		{name: "sse ends before response", respond: func(w http.ResponseWriter, r *http.Request) {
			sse(w, "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}\n\n")
		}, want: []string{`"id":2`, `"code":-32603`, `ended before the response`}, before: 1},
		{name: "unexpected content type", respond: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html>")
		}, want: []string{`"id":2`, `unexpected content type`}},
		{name: "json batch", respond: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `[{"jsonrpc":"2.0","method":"notifications/message"},{"jsonrpc":"2.0","id":2,"result":{}}]`)
		}, exact: `{"jsonrpc":"2.0","id":2,"result":{}}`, before: 1},
		{name: "connection dropped", respond: func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				conn.Close()
			}
		}, want: []string{`"id":2`, `upstream request failed`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, _ := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, _ string) { tt.respond(w, r) })
			c := dialT(t, &StreamableDialer{URL: ts.URL, MaxMessageBytes: 1024})
			write(t, c, msgToolsList)
			in, before := readUntil(t, c, "2")
			if tt.exact != "" && string(in.Msg) != tt.exact {
				t.Fatalf("got %s, want %s", in.Msg, tt.exact)
			}
			mustContain(t, in.Msg, tt.want...)
			if string(in.Related) != "2" {
				t.Errorf("Related = %s, want 2", in.Related)
			}
			if len(before) != tt.before {
				t.Errorf("%d messages before the answer, want %d", len(before), tt.before)
			}
		})
	}
}

func TestStreamableResumesDroppedPOSTStream(t *testing.T) {
	var gotLastID atomic.Value
	ts, rec := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, body string) {
		switch {
		case strings.Contains(body, `"initialize"`):
			w.Header().Set("Mcp-Session-Id", "sess-1")
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25","capabilities":{},"serverInfo":{"name":"f","version":"1"}}}`)
		case r.Method == http.MethodGet:
			gotLastID.Store(r.Header.Get("Last-Event-ID"))
			w.Header().Set("Content-Type", "text/event-stream")
			io.WriteString(w, "id: s1-3\ndata: {\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[]}}\n\n")
		default:
			// Priming event, one notification, retry hint, then hang up.
			w.Header().Set("Content-Type", "text/event-stream")
			io.WriteString(w, "id: s1-1\ndata:\n\nid: s1-2\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\"}\n\nretry: 10\n\n")
		}
	})
	c := dialT(t, &StreamableDialer{URL: ts.URL})
	write(t, c, msgInitialize)
	readUntil(t, c, "1")
	write(t, c, msgToolsList)
	in, before := readUntil(t, c, "2")
	mustContain(t, in.Msg, `"tools":[]`)
	if string(in.Related) != "2" || len(before) != 1 || string(before[0].Related) != "2" {
		t.Fatalf("resumed stream delivery wrong: %s related %s, before %d", in.Msg, in.Related, len(before))
	}
	if got, _ := gotLastID.Load().(string); got != "s1-2" {
		t.Fatalf("resume Last-Event-ID = %q, want s1-2", got)
	}
	if gets := rec.find(http.MethodGet, ""); len(gets) != 1 || gets[0].header.Get("Mcp-Session-Id") != "sess-1" {
		t.Fatalf("resume GET lacks the session id: %+v", gets)
	}
}

func TestStreamableCancel(t *testing.T) {
	const meta = `"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}`
	started := make(chan struct{}, 1)
	aborted := make(chan struct{}, 1)
	cancelSeen := make(chan struct{}, 1)
	ts, rec := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, body string) {
		switch {
		case strings.Contains(body, `"notifications/cancelled"`):
			cancelSeen <- struct{}{}
			w.WriteHeader(202)
		case strings.Contains(body, `"modern-call"`):
			w.Header().Set("Content-Type", "text/event-stream")
			w.WriteHeader(200)
			w.(http.Flusher).Flush()
			started <- struct{}{}
			select {
			case <-r.Context().Done():
				aborted <- struct{}{}
			case <-time.After(10 * time.Second):
			}
		case strings.Contains(body, `"legacy-call"`):
			select {
			case <-cancelSeen:
			case <-time.After(10 * time.Second):
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"jsonrpc":"2.0","id":"legacy-call","error":{"code":-32800,"message":"cancelled"}}`)
		}
	})
	c := dialT(t, &StreamableDialer{URL: ts.URL})
	wait := func(ch chan struct{}, what string) {
		t.Helper()
		select {
		case <-ch:
		case <-time.After(10 * time.Second):
			t.Fatalf("timed out waiting for %s", what)
		}
	}

	// Modern: the cancel closes the POST and is not itself sent.
	write(t, c, `{"jsonrpc":"2.0","id":"modern-call","method":"tools/call","params":{"name":"slow",`+meta+`}}`)
	wait(started, "the modern call to reach the server")
	write(t, c, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"modern-call",`+meta+`}}`)
	wait(aborted, "the server to see the stream closed")
	if n := len(rec.find(http.MethodPost, `"notifications/cancelled"`)); n != 0 {
		t.Fatalf("modern cancel was POSTed %d times", n)
	}

	// Legacy: the cancel is POSTed; the server then answers.
	write(t, c, `{"jsonrpc":"2.0","id":"legacy-call","method":"tools/call","params":{"name":"slow"}}`)
	write(t, c, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"legacy-call"}}`)
	in, before := readUntil(t, c, `"legacy-call"`)
	mustContain(t, in.Msg, `-32800`)
	for _, b := range before {
		if strings.Contains(string(b.Msg), "modern-call") {
			t.Fatalf("cancelled modern call produced a message: %s", b.Msg)
		}
	}
}

func TestEncodeHeaderValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"get_weather", "get_weather"},
		{"file:///projects/myapp/config.json", "file:///projects/myapp/config.json"},
		{"Hello, 世界", "=?base64?SGVsbG8sIOS4lueVjA==?="},
		{" padded ", "=?base64?IHBhZGRlZCA=?="},
		{"line1\nline2", "=?base64?bGluZTEKbGluZTI=?="},
		{"=?base64?literal?=", "=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?="},
		{"tab\t", "=?base64?dGFiCQ==?="},
	}
	for _, tt := range tests {
		if got := encodeHeaderValue(tt.in); got != tt.want {
			t.Errorf("encodeHeaderValue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStreamableDialRejectsBadURL(t *testing.T) {
	for _, u := range []string{"", "ftp://x/y", "/relative", "http://"} {
		if _, err := (&StreamableDialer{URL: u}).Dial(context.Background()); err == nil {
			t.Errorf("Dial(%q) succeeded", u)
		}
	}
}

// serve starts h on loopback and stops it after the test's other cleanups
// (so Conns registered later close first).
func serve(t *testing.T, h http.Handler) *httptest.Server {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

func TestStreamableGETStreamReconnects(t *testing.T) {
	var gets atomic.Int32
	ts, rec := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, body string) {
		switch {
		case strings.Contains(body, `"initialize"`):
			w.Header().Set("Mcp-Session-Id", "sess-g")
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18","capabilities":{},"serverInfo":{"name":"f","version":"1"}}}`)
		case r.Method == http.MethodPost:
			w.WriteHeader(http.StatusAccepted)
		case r.Method == http.MethodGet:
			w.Header().Set("Content-Type", "text/event-stream")
			if gets.Add(1) == 1 {
				io.WriteString(w, "retry: 10\nid: g1\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"n/one\"}\n\n")
				return // the server ends the stream; the client must come back
			}
			io.WriteString(w, "id: g2\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"n/two\"}\n\n")
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		default:
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	c := dialT(t, &StreamableDialer{URL: ts.URL})
	write(t, c, msgInitialize)
	readUntil(t, c, "1")
	write(t, c, msgInitialized)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, want := range []string{"n/one", "n/two"} {
		in, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("reading %s: %v", want, err)
		}
		mustContain(t, in.Msg, want)
		if in.Related != nil {
			t.Fatalf("GET message Related = %s", in.Related)
		}
	}
	g := rec.find(http.MethodGet, "")
	if len(g) != 2 || g[0].header.Get("Last-Event-ID") != "" || g[1].header.Get("Last-Event-ID") != "g1" ||
		g[1].header.Get("Mcp-Session-Id") != "sess-g" || g[1].header.Get("MCP-Protocol-Version") != "2025-06-18" {
		t.Fatalf("GET requests wrong: %+v", g)
	}
}

// An upstream URL may carry a credential in its query or userinfo: neither
// reaches Warden's log or the errors it returns.
func TestStreamableURLCredentialsNotLogged(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "nope", http.StatusInternalServerError)
	}))
	defer srv.Close()
	var logs bytes.Buffer
	d := &StreamableDialer{URL: strings.Replace(srv.URL, "http://", "http://user:pw-SECRET@", 1) + "/mcp?api_key=SECRET-KEY",
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	c, err := d.Dial(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	srv.Close() // a dead upstream: the failure is logged with the URL
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, callErr := c.(interface {
		Call(context.Context, []byte, func(Incoming)) ([]byte, error)
	}).Call(ctx, []byte(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`), nil)
	writeErr := c.Write(ctx, []byte(`{"jsonrpc":"2.0","method":"notifications/initialized"}`))
	for _, s := range []string{logs.String(), string(resp), fmt.Sprint(callErr), fmt.Sprint(writeErr)} {
		if strings.Contains(s, "SECRET") {
			t.Errorf("a credential from the URL leaked: %s", s)
		}
	}
	if !strings.Contains(logs.String(), "/mcp?redacted") {
		t.Errorf("the log does not name the upstream: %s (response %s, error %v)", logs.String(), resp, callErr)
	}
}
