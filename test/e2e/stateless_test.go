package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rpcMessage is a JSON-RPC message as it travels, for raw checks.
type rpcMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *struct {
		Code    int             `json:"code"`
		Message string          `json:"message"`
		Data    json.RawMessage `json:"data,omitempty"`
	} `json:"error,omitempty"`
}

// maxRawBody bounds what a raw test reads from Warden.
const maxRawBody = 4 << 20

// decodeResponse reads a Streamable HTTP response body: one JSON object
// (application/json) or an SSE stream (text/event-stream) whose data events
// are JSON-RPC messages. It returns the response (the message with an id and
// no method) and the notifications before it.
func decodeResponse(contentType string, body io.Reader) (*rpcMessage, []*rpcMessage, error) {
	ct, _, _ := strings.Cut(contentType, ";")
	switch strings.TrimSpace(strings.ToLower(ct)) {
	case "application/json":
		var m rpcMessage
		dec := json.NewDecoder(io.LimitReader(body, maxRawBody))
		if err := dec.Decode(&m); err != nil {
			return nil, nil, fmt.Errorf("decoding JSON body: %w", err)
		}
		if m.Method != "" || len(m.ID) == 0 {
			return nil, nil, errors.New("JSON body is not a response")
		}
		return &m, nil, nil
	case "text/event-stream":
		var notes []*rpcMessage
		events := newSSEReader(body)
		for {
			_, data, err := events.next()
			if err != nil {
				if errors.Is(err, io.EOF) {
					err = errors.New("SSE stream ended without a response")
				}
				return nil, notes, err
			}
			if data == "" {
				continue
			}
			var m rpcMessage
			if err := json.Unmarshal([]byte(data), &m); err != nil {
				return nil, notes, fmt.Errorf("decoding SSE data %q: %w", short(data), err)
			}
			if m.Method != "" {
				notes = append(notes, &m)
				continue
			}
			if len(m.ID) == 0 {
				return nil, notes, errors.New("SSE message with neither method nor id")
			}
			return &m, notes, nil
		}
	default:
		return nil, nil, fmt.Errorf("unexpected Content-Type %q", contentType)
	}
}

// sseReader splits a text/event-stream into events.
type sseReader struct{ sc *bufio.Scanner }

func newSSEReader(r io.Reader) *sseReader {
	sc := bufio.NewScanner(io.LimitReader(r, maxRawBody))
	sc.Buffer(make([]byte, 64*1024), maxRawBody)
	return &sseReader{sc: sc}
}

// next returns the next event's type and data (data lines joined by "\n"),
// skipping comments; io.EOF at the end of the stream.
func (r *sseReader) next() (event, data string, err error) {
	var b strings.Builder
	seen, lines := false, 0
	for r.sc.Scan() {
		line := r.sc.Text()
		if line == "" {
			if seen {
				return event, b.String(), nil
			}
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch field {
		case "event":
			event, seen = value, true
		case "data":
			if lines > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(value)
			seen, lines = true, lines+1
		}
	}
	if err := r.sc.Err(); err != nil {
		return "", "", fmt.Errorf("reading SSE stream: %w", err)
	}
	if seen {
		return event, b.String(), nil
	}
	return "", "", io.EOF
}

// modernMeta is the per-request _meta of the 2026-07-28 protocol.
func modernMeta(caps map[string]any) map[string]any {
	return map[string]any{
		"io.modelcontextprotocol/protocolVersion":    modernVersion,
		"io.modelcontextprotocol/clientCapabilities": caps,
		"io.modelcontextprotocol/clientInfo":         map[string]any{"name": "warden-e2e-raw", "version": "1"},
	}
}

// rawPost sends one JSON-RPC request with the given headers and returns the
// HTTP status and the decoded response.
func rawPost(ctx context.Context, t *testing.T, url string, headers map[string]string, body any) (int, *rpcMessage, []*rpcMessage) {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatalf("encoding request: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		t.Fatalf("building request: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusAccepted {
		return resp.StatusCode, nil, nil
	}
	if h := resp.Header.Get("Mcp-Session-Id"); h != "" {
		t.Errorf("a stateless request got a session id %q", h)
	}
	m, notes, err := decodeResponse(resp.Header.Get("Content-Type"), resp.Body)
	if err != nil {
		t.Fatalf("POST %s (%s): status %d: %v", url, b, resp.StatusCode, err)
	}
	return resp.StatusCode, m, notes
}

func modernHeaders(method, name string) map[string]string {
	h := map[string]string{"MCP-Protocol-Version": modernVersion, "Mcp-Method": method}
	if name != "" {
		h["Mcp-Name"] = name
	}
	return h
}

// TestStatelessBridge speaks the stateless 2026-07-28 protocol in raw HTTP
// to a Warden whose upstream is a legacy (2025-11-25) stdio server: Warden
// must bridge the eras, check the routing headers against the body, and turn
// the upstream's mid-call sampling request into a multi-round-trip result.
func TestStatelessBridge(t *testing.T) {
	need(t)
	w := startWarden(t, map[string][]string{"everything": everythingCmd()})
	ctx := testCtx(t, 60*time.Second)
	call := func(id int, tool string, args map[string]any, caps map[string]any) map[string]any {
		return map[string]any{"jsonrpc": "2.0", "id": id, "method": "tools/call",
			"params": map[string]any{"name": tool, "arguments": args, "_meta": modernMeta(caps)}}
	}
	noCaps := map[string]any{}

	tests := []struct {
		name       string
		headers    map[string]string
		body       any
		wantStatus int
		wantText   string // in the result, when the call succeeds
		wantCode   int    // JSON-RPC error code, when it fails
	}{
		{"echo", modernHeaders("tools/call", "echo"),
			call(1, "echo", map[string]any{"message": "stateless ✓"}, noCaps), 200, "Echo: stateless ✓", 0},
		{"sum", modernHeaders("tools/call", "get-sum"),
			call(2, "get-sum", map[string]any{"a": 3, "b": 4}, noCaps), 200, "The sum of 3 and 4 is 7.", 0},
		{"list", modernHeaders("tools/list", ""),
			map[string]any{"jsonrpc": "2.0", "id": 3, "method": "tools/list", "params": map[string]any{"_meta": modernMeta(noCaps)}},
			200, `"name":"trigger-long-running-operation"`, 0},
		{"read", modernHeaders("resources/read", "demo://resource/dynamic/text/5"),
			map[string]any{"jsonrpc": "2.0", "id": 4, "method": "resources/read",
				"params": map[string]any{"uri": "demo://resource/dynamic/text/5", "_meta": modernMeta(noCaps)}},
			200, "Resource 5: This is a plaintext resource", 0},
		{"prompt", modernHeaders("prompts/get", "args-prompt"),
			map[string]any{"jsonrpc": "2.0", "id": 5, "method": "prompts/get",
				"params": map[string]any{"name": "args-prompt", "arguments": map[string]any{"city": "Porto"}, "_meta": modernMeta(noCaps)}},
			200, "Porto", 0},
		{"name header disagrees with body", modernHeaders("tools/call", "get-sum"),
			call(6, "echo", map[string]any{"message": "x"}, noCaps), 400, "", -32020},
		{"method header disagrees with body", modernHeaders("tools/list", "echo"),
			call(7, "echo", map[string]any{"message": "x"}, noCaps), 400, "", -32020},
		{"missing capabilities", modernHeaders("tools/call", "echo"),
			map[string]any{"jsonrpc": "2.0", "id": 8, "method": "tools/call", "params": map[string]any{
				"name": "echo", "arguments": map[string]any{"message": "x"},
				"_meta": map[string]any{"io.modelcontextprotocol/protocolVersion": modernVersion}}}, 400, "", -32602},
		{"unsupported version", map[string]string{"MCP-Protocol-Version": "2099-01-01", "Mcp-Method": "tools/call", "Mcp-Name": "echo"},
			map[string]any{"jsonrpc": "2.0", "id": 9, "method": "tools/call", "params": map[string]any{
				"name": "echo", "arguments": map[string]any{"message": "x"},
				"_meta": map[string]any{"io.modelcontextprotocol/protocolVersion": "2099-01-01", "io.modelcontextprotocol/clientCapabilities": noCaps}}},
			400, "", -32022},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, resp, _ := rawPost(ctx, t, w.url, tt.headers, tt.body)
			if status != tt.wantStatus {
				t.Errorf("status %d, want %d", status, tt.wantStatus)
			}
			if resp == nil {
				t.Fatal("no JSON-RPC response")
			}
			if tt.wantCode != 0 {
				if resp.Error == nil || resp.Error.Code != tt.wantCode {
					t.Errorf("response %+v (result %s), want error code %d", resp.Error, short(string(resp.Result)), tt.wantCode)
				}
				return
			}
			if resp.Error != nil {
				t.Fatalf("error %d %q, want a result", resp.Error.Code, resp.Error.Message)
			}
			var res map[string]any
			if err := json.Unmarshal(resp.Result, &res); err != nil {
				t.Fatalf("decoding result: %v", err)
			}
			if res["resultType"] != "complete" {
				t.Errorf("resultType %v, want complete", res["resultType"])
			}
			// Compare on the encoded result, so escapes don't matter.
			enc, _ := json.Marshal(res)
			if !strings.Contains(string(enc), tt.wantText) && !strings.Contains(string(resp.Result), tt.wantText) {
				t.Errorf("result %s, want it to contain %q", short(string(resp.Result)), tt.wantText)
			}
		})
	}

	t.Run("sampling as a multi-round-trip", func(t *testing.T) {
		caps := map[string]any{"sampling": map[string]any{}}
		const prompt = "mrtr-prompt"
		status, resp, _ := rawPost(ctx, t, w.url, modernHeaders("tools/call", "trigger-sampling-request"),
			call(20, "trigger-sampling-request", map[string]any{"prompt": prompt}, caps))
		if status != 200 || resp == nil || resp.Error != nil {
			t.Fatalf("first round: status %d, response %+v", status, resp)
		}
		var first struct {
			ResultType    string `json:"resultType"`
			InputRequests map[string]struct {
				Method string          `json:"method"`
				Params json.RawMessage `json:"params"`
			} `json:"inputRequests"`
			RequestState string `json:"requestState"`
		}
		if err := json.Unmarshal(resp.Result, &first); err != nil {
			t.Fatalf("decoding first round: %v", err)
		}
		if first.ResultType != "input_required" || len(first.InputRequests) != 1 {
			t.Fatalf("first round = %s, want input_required with one input request", short(string(resp.Result)))
		}
		responses := map[string]any{}
		for key, r := range first.InputRequests {
			if r.Method != "sampling/createMessage" || !strings.Contains(string(r.Params), prompt) {
				t.Fatalf("input request %q = %s %s, want sampling/createMessage with the prompt", key, r.Method, short(string(r.Params)))
			}
			responses[key] = map[string]any{"role": "assistant", "model": "raw-model", "stopReason": "endTurn",
				"content": map[string]any{"type": "text", "text": sampledText}}
		}
		retry := call(21, "trigger-sampling-request", map[string]any{"prompt": prompt}, caps)
		params := retry["params"].(map[string]any)
		params["inputResponses"] = responses
		if first.RequestState != "" {
			params["requestState"] = first.RequestState
		}
		status, resp, _ = rawPost(ctx, t, w.url, modernHeaders("tools/call", "trigger-sampling-request"), retry)
		if status != 200 || resp == nil || resp.Error != nil {
			t.Fatalf("retry: status %d, response %+v", status, resp)
		}
		if !strings.Contains(string(resp.Result), sampledText) || !strings.Contains(string(resp.Result), `"resultType":"complete"`) {
			t.Errorf("retry result %s, want a complete result with the sampled text", short(string(resp.Result)))
		}
	})

	t.Run("notification without _meta", func(t *testing.T) {
		// The official Go SDK sends notifications/cancelled like this when a
		// caller cancels; requests need _meta, notifications do not.
		status, resp, _ := rawPost(ctx, t, w.url, map[string]string{"MCP-Protocol-Version": modernVersion},
			map[string]any{"jsonrpc": "2.0", "method": "notifications/cancelled", "params": map[string]any{"requestId": 99, "reason": "test"}})
		if status != http.StatusAccepted {
			t.Errorf("status %d (%+v), want 202 Accepted", status, resp)
		}
	})
	w.alive(t)
}

func FuzzDecodeResponse(f *testing.F) {
	f.Add("application/json", []byte(`{"jsonrpc":"2.0","id":1,"result":{}}`))
	f.Add("text/event-stream", []byte("event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\n"+"data: \"result\":{}}\n\n"))
	f.Add("text/event-stream; charset=utf-8", []byte(": comment\n\ndata:{}\n\n"))
	f.Add("text/plain", []byte("x"))
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		m, notes, err := decodeResponse(ct, bytes.NewReader(body))
		if err == nil && (m == nil || len(m.ID) == 0 || m.Method != "") {
			t.Fatalf("no error but response %+v", m)
		}
		for _, n := range notes {
			if n.Method == "" {
				t.Fatalf("notification without a method: %+v", n)
			}
		}
	})
}

func TestSSEReader(t *testing.T) {
	tests := []struct {
		in   string
		want [][2]string
	}{
		{"event: endpoint\ndata: /message?x=1\n\n", [][2]string{{"endpoint", "/message?x=1"}}},
		{": keepalive\n\ndata:a\ndata: b\n\nevent: e\ndata:\n\n", [][2]string{{"", "a\nb"}, {"e", ""}}},
		{"data: {\"k\":1}\n", [][2]string{{"", `{"k":1}`}}},
		{"id: 7\nretry: 10\n\n", nil},
	}
	for _, tt := range tests {
		r := newSSEReader(strings.NewReader(tt.in))
		var got [][2]string
		for range 10 {
			ev, data, err := r.next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%q: %v", tt.in, err)
			}
			got = append(got, [2]string{ev, data})
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q: events %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestUnrelatedServerRequest: server-everything sends roots/list on its own
// 350ms after its handshake, outside any call. A stateless call that is in
// flight at that moment, from a client that declared no roots capability,
// must still complete as itself: Warden must not pin the stray request on
// it (as an inputRequest the client cannot even answer).
func TestUnrelatedServerRequest(t *testing.T) {
	need(t)
	w := startWardenNow(t, map[string][]string{"everything": everythingCmd()})
	ctx := testCtx(t, 30*time.Second)
	status, resp, _ := rawPost(ctx, t, w.url, modernHeaders("tools/call", "trigger-long-running-operation"),
		map[string]any{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": map[string]any{
			"name": "trigger-long-running-operation", "arguments": map[string]any{"duration": 1.5, "steps": 3},
			"_meta": modernMeta(map[string]any{})}})
	if status != 200 || resp == nil || resp.Error != nil {
		t.Fatalf("status %d, response %+v", status, resp)
	}
	if !strings.Contains(string(resp.Result), "Long running operation completed") {
		t.Errorf("result %s, want the operation's own completion", short(string(resp.Result)))
	}
}
