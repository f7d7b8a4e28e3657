package gateway_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/gateway/gatewaytest"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/transport"
)

func TestServeStdio(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	u := gateway.NewUpstream(gateway.UpstreamOptions{Name: "a", Dialer: &transport.StreamableDialer{URL: up}, Logger: log})
	g, err := gateway.New(gateway.Options{Upstreams: []*gateway.Upstream{u}, Chain: guard.NewChain(time.Second), Auditor: &gatewaytest.Auditor{}, Logger: log,
		SessionIdleTimeout: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.Run(ctx)

	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- g.ServeStdio(ctx, inR, outW, 1024) }()
	lines := bufio.NewScanner(outR)
	lines.Buffer(make([]byte, 1<<20), 1<<20)
	send := func(s string) {
		if _, err := io.WriteString(inW, s+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	// next returns the next response; notifications (a list_changed
	// from the upstream's start can come at any time) are skipped.
	next := func() map[string]any {
		t.Helper()
		for {
			if !lines.Scan() {
				t.Fatalf("no output: %v", lines.Err())
			}
			var m map[string]any
			if err := json.Unmarshal(lines.Bytes(), &m); err != nil {
				t.Fatalf("output is not JSON: %s", lines.Text())
			}
			if _, isNote := m["method"]; isNote && m["id"] == nil {
				continue
			}
			return m
		}
	}
	send(initBody)
	if r := next(); r["result"] == nil {
		t.Fatalf("initialize: %v", r)
	}
	send(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	send(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`)
	r := next()
	if !strings.Contains(toJSON(r), "a:hi") {
		t.Fatalf("tools/call: %v", r)
	}
	send(`{"jsonrpc":"2.0","id":3,"method":`)
	if r := next(); jsonCode(r) != -32700 {
		t.Errorf("malformed line: %v", r)
	}
	send(`{"jsonrpc":"2.0","id":4,"method":"ping","params":{"x":"` + strings.Repeat("a", 2000) + `"}}`)
	if r := next(); jsonCode(r) != -32600 || !strings.Contains(toJSON(r), "limit") {
		t.Errorf("oversized line: %v", r)
	}
	// A stdio session does not expire while its client is connected, even
	// past the idle timeout meant for HTTP clients.
	time.Sleep(10 * time.Millisecond)
	send(`{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"echo","arguments":{"text":"again"}}}`)
	if r := next(); !strings.Contains(toJSON(r), "a:again") {
		t.Fatalf("after the idle timeout: %v", r)
	}
	inW.Close()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("ServeStdio: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ServeStdio did not return at EOF")
	}
}

// A client that does not wait for the initialize response before its
// first requests gets the answers it would get from the server itself.
func TestServeStdioPipelinedHandshake(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	u := gateway.NewUpstream(gateway.UpstreamOptions{Name: "a", Dialer: &transport.StreamableDialer{URL: up}, Logger: log})
	g, err := gateway.New(gateway.Options{Upstreams: []*gateway.Upstream{u}, Chain: guard.NewChain(time.Second), Auditor: &gatewaytest.Auditor{}, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.Run(ctx)
	in := initBody + "\n" +
		`{"jsonrpc":"2.0","method":"notifications/initialized"}` + "\n" +
		`{"jsonrpc":"2.0","id":2,"method":"tools/list"}` + "\n" +
		`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}` + "\n"
	var out strings.Builder
	if err := g.ServeStdio(ctx, strings.NewReader(in), &out, 1<<20); err != nil {
		t.Fatal(err)
	}
	got := map[float64]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("output is not JSON: %s", line)
		}
		if id, ok := m["id"].(float64); ok {
			got[id] = m
		}
	}
	for id, want := range map[float64]string{2: `"echo"`, 3: "a:hi"} {
		if r := got[id]; r["result"] == nil || !strings.Contains(toJSON(r), want) {
			t.Errorf("request %v: %v", id, r)
		}
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func jsonCode(m map[string]any) float64 {
	e, _ := m["error"].(map[string]any)
	c, _ := e["code"].(float64)
	return c
}

// A request too long to read is answered under its own id when its start
// shows it, so the client waiting on that id gets its answer.
func TestStdioOversizedRequestAnsweredUnderItsID(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	u := gateway.NewUpstream(gateway.UpstreamOptions{Name: "a", Dialer: &transport.StreamableDialer{URL: up}, Logger: log})
	g, err := gateway.New(gateway.Options{Upstreams: []*gateway.Upstream{u}, Chain: guard.NewChain(time.Second), Auditor: &gatewaytest.Auditor{}, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.Run(ctx)
	big := strings.Repeat("x", 4096)
	in := initBody + "\n" +
		`{"jsonrpc":"2.0","method":"notifications/initialized"}` + "\n" +
		`{"jsonrpc":"2.0","id":"call-7","method":"tools/call","params":{"name":"echo","arguments":{"text":"` + big + `"}}}` + "\n" +
		`{"jsonrpc":"2.0","method":"tools/call","params":{"name":"echo","arguments":{"text":"` + big + `"}},"id":8}` + "\n"
	var out strings.Builder
	if err := g.ServeStdio(ctx, strings.NewReader(in), &out, 2048); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m struct {
			ID    json.RawMessage `json:"id"`
			Error *struct{ Message string }
		}
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("output is not JSON: %s", line)
		}
		if m.Error != nil && strings.Contains(m.Error.Message, "larger than the limit") {
			ids = append(ids, string(m.ID))
		}
	}
	// The first shows its id before the part too long; the second only after.
	if len(ids) != 2 || ids[0] != `"call-7"` || ids[1] != "null" {
		t.Fatalf("too-large answers under ids %q, want \"call-7\" then null", ids)
	}
}

func FuzzStdioHeadID(f *testing.F) {
	for _, s := range []string{`{"jsonrpc":"2.0","id":7,"method":"x","params":{"a":"`, `{"id":"a"`, `{"params":{"id":1},"id":2`, `[1,2`, `{"id":{"x":1}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		id := gateway.HeadIDForTest(head)
		if id != nil && !json.Valid(id) {
			t.Fatalf("%q: id %q is not JSON", head, id)
		}
	})
}
