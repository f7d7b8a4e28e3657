package load

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/bench/fixture"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, ct, body string
		wantID         string
		wantErr        string
		wantRPC        bool
	}{
		{"json", "application/json", `{"jsonrpc":"2.0","id":3,"result":{"x":1}}`, "3", "", false},
		{"json with charset", "application/json; charset=utf-8", `{"jsonrpc":"2.0","id":"a","result":{}}`, `"a"`, "", false},
		{"json error", "application/json", `{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"nope"}}`, "1", "-32601", true},
		{"json not a response", "application/json", `{"jsonrpc":"2.0","method":"x"}`, "", "not a response", false},
		{"json garbage", "application/json", `{"jsonrpc"`, "", "decoding", false},
		{"sse", "text/event-stream", "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}\n\n", "7", "", false},
		{"sse crlf and notification first", "text/event-stream",
			"data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}\r\n\r\nid: 2\r\ndata: {\"jsonrpc\":\"2.0\",\"id\":8,\"result\":{}}\r\n\r\n", "8", "", false},
		{"sse multi-line data", "text/event-stream", "data: {\"jsonrpc\":\"2.0\",\ndata: \"id\":9,\"result\":{}}\n\n", "9", "", false},
		{"sse without a response", "text/event-stream", ": ping\n\n", "", "no JSON-RPC response", false},
		{"sse error", "text/event-stream", "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":\"m\"}}\n\n", "1", "-1", true},
		{"wrong content type", "text/plain", `{}`, "", "unexpected response Content-Type", false},
		{"no content type", "", `{}`, "", "Content-Type", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse(tt.ct, []byte(tt.body))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				var re *RPCError
				if errors.As(err, &re) != tt.wantRPC {
					t.Fatalf("err %v: RPCError = %v, want %v", err, !tt.wantRPC, tt.wantRPC)
				}
				if tt.wantRPC && string(m.ID) != tt.wantID {
					t.Fatalf("id = %s, want %s", m.ID, tt.wantID)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(m.ID) != tt.wantID {
				t.Fatalf("id = %s, want %s", m.ID, tt.wantID)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("application/json", []byte(`{"jsonrpc":"2.0","id":1,"result":{}}`))
	f.Add("text/event-stream", []byte("data: {\"id\":1,\"result\":{}}\r\n\r\ndata: x\n"))
	f.Add("text/event-stream", []byte("data\ndata:\n\n"))
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		m, err := Parse(ct, body)
		if err == nil && (m == nil || len(m.Result) == 0) {
			t.Fatalf("no error but no result: %+v", m)
		}
	})
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name, result string
		n            int
		ok           bool
	}{
		{"match", `{"content":[{"type":"text","text":"abc"}]}`, 3, true},
		{"short", `{"content":[{"type":"text","text":"ab"}]}`, 3, false},
		{"tool error", `{"content":[{"type":"text","text":"abc"}],"isError":true}`, 3, false},
		{"two blocks", `{"content":[{"type":"text","text":"a"},{"type":"text","text":"bc"}]}`, 3, false},
		{"image", `{"content":[{"type":"image","text":"abc"}]}`, 3, false},
		{"not json", `[`, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckText([]byte(tt.result), tt.n); (err == nil) != tt.ok {
				t.Fatalf("CheckText = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	ms := func(n ...int) []time.Duration {
		out := make([]time.Duration, len(n))
		for i, x := range n {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	tests := []struct {
		name          string
		in            []time.Duration
		p50, p99, max time.Duration
	}{
		{"empty", nil, 0, 0, 0},
		{"one", ms(5), 5 * time.Millisecond, 5 * time.Millisecond, 5 * time.Millisecond},
		{"unsorted", ms(4, 1, 3, 2), 2 * time.Millisecond, 4 * time.Millisecond, 4 * time.Millisecond},
		{"hundred", func() []time.Duration {
			d := make([]time.Duration, 100)
			for i := range d {
				d[i] = time.Duration(100-i) * time.Millisecond
			}
			return d
		}(), 50 * time.Millisecond, 99 * time.Millisecond, 100 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarize(tt.in)
			if s.P50 != tt.p50 || s.P99 != tt.p99 || s.Max != tt.max || s.N != len(tt.in) {
				t.Fatalf("got %+v, want p50 %v p99 %v max %v", s, tt.p50, tt.p99, tt.max)
			}
		})
	}
}

// TestRun drives the real fixture over loopback HTTP with both protocols.
func TestRun(t *testing.T) {
	srv := httptest.NewServer(fixture.Handler())
	defer srv.Close()
	tests := []struct {
		name  string
		path  string
		proto Protocol
		bytes int
	}{
		{"legacy small", fixture.StatefulPath, Legacy, 100},
		{"legacy 10K", fixture.StatefulPath, Legacy, 10 << 10},
		{"stateless", fixture.StatelessPath, Stateless, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			tg := &Target{URL: srv.URL + tt.path, Protocol: tt.proto, Tool: fixture.ToolName, Client: NewClient(3)}
			var started, stopped bool
			r, err := Run(ctx, tg, Cell{Workers: 3, Bytes: tt.bytes, Warmup: 20 * time.Millisecond, Duration: 150 * time.Millisecond,
				OnStart: func() { started = true }, OnStop: func() { stopped = started }})
			if err != nil {
				t.Fatal(err)
			}
			if r.Errors != 0 || r.Requests == 0 || r.Throughput <= 0 || r.Latency.P50 <= 0 || r.Latency.P99 < r.Latency.P50 {
				t.Fatalf("unexpected result %+v", r)
			}
			if !started || !stopped {
				t.Fatalf("hooks: started %v stopped %v", started, stopped)
			}
		})
	}
}

func TestCallFailures(t *testing.T) {
	srv := httptest.NewServer(fixture.Handler())
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// A stateless client on the stateful endpoint is refused.
	tg := &Target{URL: srv.URL + fixture.StatefulPath, Protocol: Stateless, Tool: fixture.ToolName, Client: NewClient(1)}
	s, err := tg.Open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Call(ctx, 10, true); err == nil {
		t.Fatal("a 2026-07-28 call on a stateful endpoint succeeded")
	}
	// An unknown tool fails both the cheap and the full check.
	tg = &Target{URL: srv.URL + fixture.StatefulPath, Protocol: Legacy, Tool: "nope", Client: NewClient(1)}
	if s, err = tg.Open(ctx); err != nil {
		t.Fatal(err)
	}
	for _, verify := range []bool{false, true} {
		if err := s.Call(ctx, 10, verify); err == nil {
			t.Fatalf("calling an unknown tool succeeded (verify=%v)", verify)
		}
	}
	// Nothing listening: opening fails.
	tg = &Target{URL: "http://127.0.0.1:1/mcp", Protocol: Legacy, Tool: fixture.ToolName, Client: NewClient(1)}
	if _, err := Run(ctx, tg, Cell{Workers: 1, Duration: 10 * time.Millisecond}); err == nil {
		t.Fatal("Run against a closed port succeeded")
	}
}

func TestOpenIdle(t *testing.T) {
	srv := httptest.NewServer(fixture.Handler())
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tg := &Target{URL: srv.URL + fixture.StatefulPath, Protocol: Legacy, Tool: fixture.ToolName, Client: NewClient(4)}
	n, err := OpenIdle(ctx, tg, 25, 4)
	if err != nil || n != 25 {
		t.Fatalf("OpenIdle = %d, %v; want 25, nil", n, err)
	}
	tg.URL = srv.URL + "/nowhere"
	if n, err := OpenIdle(ctx, tg, 25, 4); err == nil || n != 0 {
		t.Fatalf("OpenIdle on a 404 = %d, %v; want 0 and an error", n, err)
	}
}
