package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// legacySSESession is a raw client of the 2024-11-05 HTTP+SSE transport.
type legacySSESession struct {
	endpoint string
	events   *sseReader
	cancel   context.CancelFunc
}

// openLegacySSE opens GET /sse and reads the endpoint event.
func openLegacySSE(t *testing.T, w *wardenProc) *legacySSESession {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, w.base+"/sse", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET /sse: %v", err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /sse: status %d", resp.StatusCode)
	}
	s := &legacySSESession{events: newSSEReader(resp.Body), cancel: cancel}
	timer := time.AfterFunc(10*time.Second, cancel)
	defer timer.Stop()
	ev, data, err := s.events.next()
	if err != nil || ev != "endpoint" || !strings.HasPrefix(data, "/") {
		t.Fatalf("first SSE event = %q %q, %v; want the endpoint", ev, data, err)
	}
	s.endpoint = w.base + data
	return s
}

// post sends one message to the session's endpoint and wants 202.
func (s *legacySSESession) post(t *testing.T, msg any) {
	t.Helper()
	b, _ := json.Marshal(msg)
	resp, err := http.Post(s.endpoint, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatalf("POST %s: %v", s.endpoint, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST %s: status %d, want 202", b, resp.StatusCode)
	}
}

// response reads stream events until the response with the given id.
func (s *legacySSESession) response(t *testing.T, id int) *rpcMessage {
	t.Helper()
	timer := time.AfterFunc(10*time.Second, s.cancel)
	defer timer.Stop()
	for range 100 {
		_, data, err := s.events.next()
		if err != nil {
			t.Fatalf("waiting for response %d: %v", id, err)
		}
		var m rpcMessage
		if json.Unmarshal([]byte(data), &m) == nil && m.Method == "" && string(m.ID) == fmt.Sprint(id) {
			return &m
		}
	}
	t.Fatalf("no response %d in 100 events", id)
	return nil
}

// TestLegacySSEClientGone drops the HTTP+SSE stream while a call is still
// running: Warden must drop the late answer, not crash writing it to a
// response whose handler has returned.
func TestLegacySSEClientGone(t *testing.T) {
	need(t)
	w := startWarden(t, map[string][]string{"everything": everythingCmd()})
	for i := range 25 {
		s := openLegacySSE(t, w)
		s.post(t, map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{
			"protocolVersion": "2024-11-05", "capabilities": map[string]any{}, "clientInfo": map[string]any{"name": "raw-sse", "version": "1"}}})
		if r := s.response(t, 1); r.Error != nil {
			t.Fatalf("initialize: %+v", r.Error)
		}
		s.post(t, map[string]any{"jsonrpc": "2.0", "method": "notifications/initialized"})
		s.post(t, map[string]any{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": map[string]any{
			"name": "echo", "arguments": map[string]any{"message": fmt.Sprint("before ", i)}}})
		if r := s.response(t, 2); r.Error != nil || !strings.Contains(string(r.Result), "Echo: before") {
			t.Fatalf("echo over SSE = %s %+v", r.Result, r.Error)
		}
		// The answers come after the stream is gone, or while it goes.
		s.post(t, map[string]any{"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": map[string]any{
			"name": "trigger-long-running-operation", "arguments": map[string]any{"duration": 0.2, "steps": 2}, "_meta": map[string]any{"progressToken": i}}})
		s.post(t, map[string]any{"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": map[string]any{
			"name": "echo", "arguments": map[string]any{"message": "late"}}})
		s.cancel()
		if i%2 == 0 {
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
		}
	}
	time.Sleep(1500 * time.Millisecond)
	w.alive(t)
	resp, err := http.Get(w.base + "/readyz")
	if err != nil {
		t.Fatalf("readyz after the SSE clients left: %v", err)
	}
	resp.Body.Close()
	// A new client is still served.
	cs := connectHTTP(t, w.url, legacySSE, nil)
	ctx := testCtx(t, 20*time.Second)
	if _, err := cs.ListTools(ctx, nil); err != nil {
		t.Errorf("listing tools over SSE after the others left: %v", err)
	}
}
