package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// rawReply answers with bytes written straight to the connection, so a test
// can send what net/http's server would sanitise (control characters,
// folded header lines).
func rawReply(w http.ResponseWriter, head, body string) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\n%sContent-Length: %d\r\nConnection: close\r\n\r\n%s", head, len(body), body)
	buf.Flush()
}

// No redirect is followed: the static headers (credentials) must never
// reach another origin, and the request fails with a clear status.
func TestHTTPRedirectToOtherOriginNotFollowed(t *testing.T) {
	var leaked atomic.Int32
	evil := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Add(1)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"jsonrpc":"2.0","id":2,"result":{"evil":true}}`)
	}))
	redirect := func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, evil.URL+"/mcp", http.StatusTemporaryRedirect)
	}
	hdr := http.Header{"Authorization": {"Bearer secret"}, "X-Api-Key": {"k"}}

	t.Run("streamable POST", func(t *testing.T) {
		ts := serve(t, http.HandlerFunc(redirect))
		c := dialT(t, &StreamableDialer{URL: ts.URL, Header: hdr})
		write(t, c, msgToolsList)
		in, _ := readUntil(t, c, "2")
		mustContain(t, in.Msg, `"http_status":307`)
	})
	t.Run("sse dial", func(t *testing.T) {
		ts := serve(t, http.HandlerFunc(redirect))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if c, err := (&SSEDialer{URL: ts.URL, Header: hdr}).Dial(ctx); err == nil {
			c.Close()
			t.Fatal("Dial followed a redirect")
		} else if !strings.Contains(err.Error(), "307") {
			t.Fatalf("Dial err = %v, want it to name HTTP 307", err)
		}
	})
	t.Run("sse POST", func(t *testing.T) {
		ts := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost {
				redirect(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/event-stream")
			WriteEvent(w, "", "endpoint", []byte("/msg"))
			<-r.Context().Done()
		}))
		c := dialT(t, &SSEDialer{URL: ts.URL, Header: hdr})
		write(t, c, msgToolsList)
		in, _ := readUntil(t, c, "2")
		mustContain(t, in.Msg, `"http_status":307`)
		c.Close()
	})
	if n := leaked.Load(); n != 0 {
		t.Fatalf("the other origin received %d requests", n)
	}
}

// What the upstream chooses and Warden echoes in its own headers (the
// session id, the negotiated version) must not smuggle header lines.
func TestStreamableUpstreamValuesCannotInjectHeaders(t *testing.T) {
	initOK := `{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25","capabilities":{},"serverInfo":{"name":"f","version":"1"}}}`
	tests := []struct {
		name, head, body string
	}{
		{"session id with a control byte", "Mcp-Session-Id: ab\x01cd\r\n", initOK},
		{"session id folded onto a second line", "Mcp-Session-Id: abcd\r\n X-Injected: 1\r\n", initOK},
		{"session id with a space", "Mcp-Session-Id: ab cd\r\n", initOK},
		{"version with CRLF (JSON escapes)", "Mcp-Session-Id: good-1\r\n",
			`{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25\r\nX-Injected: 1","capabilities":{},"serverInfo":{"name":"f","version":"1"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var listHdr http.Header
			ts, _ := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, body string) {
				switch {
				case strings.Contains(body, `"initialize"`):
					rawReply(w, "Content-Type: application/json\r\n"+tt.head, tt.body)
				case strings.Contains(body, `"tools/list"`):
					mu.Lock()
					listHdr = r.Header.Clone()
					mu.Unlock()
					w.Header().Set("Content-Type", "application/json")
					io.WriteString(w, `{"jsonrpc":"2.0","id":2,"result":{"tools":[]}}`)
				default:
					w.WriteHeader(http.StatusAccepted)
				}
			})
			c := dialT(t, &StreamableDialer{URL: ts.URL})
			write(t, c, msgInitialize)
			readUntil(t, c, "1")
			write(t, c, msgToolsList)
			in, _ := readUntil(t, c, "2")
			mu.Lock()
			defer mu.Unlock()
			if listHdr == nil {
				t.Fatalf("tools/list never reached the upstream; got %s", in.Msg)
			}
			if listHdr.Get("X-Injected") != "" {
				t.Fatalf("header injected: %v", listHdr)
			}
			if sid := listHdr.Get("Mcp-Session-Id"); sid != "" && !validSessionID(sid) {
				t.Fatalf("malformed session id echoed: %q", sid)
			}
			if v := listHdr.Get("MCP-Protocol-Version"); strings.ContainsAny(v, "\r\n") {
				t.Fatalf("malformed version echoed: %q", v)
			}
			mustContain(t, in.Msg, `"tools":[]`)
		})
	}
}

// The default client bounds response headers far below net/http's 10 MB.
func TestStreamableHugeResponseHeaderRefused(t *testing.T) {
	ts, _ := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, _ string) {
		w.Header().Set("X-Pad", strings.Repeat("p", 2<<20))
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"jsonrpc":"2.0","id":2,"result":{}}`)
	})
	c := dialT(t, &StreamableDialer{URL: ts.URL})
	write(t, c, msgToolsList)
	in, _ := readUntil(t, c, "2")
	mustContain(t, in.Msg, `"code":-32603`, `upstream request failed`)
}

// Only the request's own response may come back on its POST: a response
// to an id never sent on it, or the same response twice, is dropped.
func TestStreamableForeignAndDuplicateResponsesDropped(t *testing.T) {
	tests := []struct {
		name    string
		respond func(w http.ResponseWriter)
	}{
		{"sse foreign id first", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/event-stream")
			io.WriteString(w, "data: {\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{\"spoof\":true}}\n\n"+
				"data: {\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"ok\":true}}\n\n")
		}},
		{"json batch with foreign and duplicate", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `[{"jsonrpc":"2.0","id":99,"result":{"spoof":true}},`+
				`{"jsonrpc":"2.0","id":2,"result":{"ok":true}},{"jsonrpc":"2.0","id":2,"result":{"dup":true}}]`)
		}},
		{"json batch with non-objects", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `[1,"x",null,{"jsonrpc":"2.0","id":2,"result":{"ok":true}}]`)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, _ := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, _ string) { tt.respond(w) })
			t.Run("Write", func(t *testing.T) {
				c := dialT(t, &StreamableDialer{URL: ts.URL})
				write(t, c, msgToolsList)
				in, before := readUntil(t, c, "2")
				mustContain(t, in.Msg, `"ok":true`)
				if len(before) != 0 {
					t.Fatalf("delivered before the answer: %s", before[0].Msg)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
				defer cancel()
				if extra, err := c.Read(ctx); err == nil {
					t.Fatalf("delivered after the answer: %s", extra.Msg)
				}
			})
			t.Run("Call", func(t *testing.T) {
				c := dialT(t, &StreamableDialer{URL: ts.URL})
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				var related []string
				resp, err := c.(Caller).Call(ctx, []byte(msgToolsList), func(in Incoming) {
					related = append(related, string(in.Msg))
				})
				if err != nil {
					t.Fatal(err)
				}
				mustContain(t, resp, `"ok":true`)
				if len(related) != 0 {
					t.Fatalf("passed as related: %q", related)
				}
			})
		})
	}
}

// Call documents related as optional in practice (lists pass nil through
// the gateway); a message before the response must not panic on it.
func TestStreamableCallNilRelated(t *testing.T) {
	ts, _ := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, _ string) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}\n\n"+
			"data: {\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}\n\n")
	})
	c := dialT(t, &StreamableDialer{URL: ts.URL})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := c.(Caller).Call(ctx, []byte(msgToolsList), nil)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, resp, `"id":2`)
}

// An upstream's retry hint cannot park a request for an hour.
func TestStreamableResumeRetryIsCapped(t *testing.T) {
	ts, _ := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, body string) {
		w.Header().Set("Content-Type", "text/event-stream")
		if r.Method == http.MethodGet {
			io.WriteString(w, "id: r2\ndata: {\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}\n\n")
			return
		}
		io.WriteString(w, "retry: 3600000\nid: r1\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"n\"}\n\n")
	})
	c := dialT(t, &StreamableDialer{URL: ts.URL})
	start := time.Now()
	write(t, c, msgToolsList)
	in, _ := readUntil(t, c, "2")
	mustContain(t, in.Msg, `"result":{}`)
	if d := time.Since(start); d > 8*time.Second {
		t.Fatalf("resumed after %v", d)
	}
}

// A stream cut in the middle of an event, or a legacy stream that never
// names its endpoint or is no event stream, ends with a clear error.
func TestHTTPStreamsCutShort(t *testing.T) {
	t.Run("streamable POST cut mid-event", func(t *testing.T) {
		ts, _ := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, _ string) {
			w.Header().Set("Content-Type", "text/event-stream")
			io.WriteString(w, "data: {\"jsonrpc\":\"2.0\",\"id\":2,\"res")
		})
		c := dialT(t, &StreamableDialer{URL: ts.URL})
		write(t, c, msgToolsList)
		in, before := readUntil(t, c, "2")
		mustContain(t, in.Msg, `"code":-32603`, `ended before the response`)
		if len(before) != 0 {
			t.Fatalf("partial event delivered: %s", before[0].Msg)
		}
	})
	t.Run("sse stream cut mid-event", func(t *testing.T) {
		ts := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/event-stream")
			WriteEvent(w, "", "endpoint", []byte("/msg"))
			io.WriteString(w, "data: {\"jsonrpc\":\"2.0\",\"id\":2,\"res")
		}))
		c := dialT(t, &SSEDialer{URL: ts.URL})
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if in, err := c.Read(ctx); !errors.Is(err, io.EOF) {
			t.Fatalf("Read = %s, %v; want io.EOF", in.Msg, err)
		}
	})
	for _, tt := range []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"sse never names its endpoint", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/event-stream")
			w.(http.Flusher).Flush()
			for r.Context().Err() == nil {
				io.WriteString(w, ": keepalive\n\n")
				w.(http.Flusher).Flush()
				time.Sleep(20 * time.Millisecond)
			}
		}, "deadline exceeded"},
		{"sse wrong content type", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "event: endpoint\ndata: /msg\n\n")
		}, "want an event stream"},
		{"sse endless event", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/event-stream")
			io.WriteString(w, "event: endpoint\n")
			for r.Context().Err() == nil {
				if _, err := io.WriteString(w, "data: "+strings.Repeat("x", 4096)+"\n"); err != nil {
					return
				}
			}
		}, "deadline exceeded"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := serve(t, tt.handler)
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			c, err := (&SSEDialer{URL: ts.URL, MaxMessageBytes: 1024}).Dial(ctx)
			if err == nil {
				c.Close()
				t.Fatal("Dial succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Dial err = %v, want %q", err, tt.want)
			}
		})
	}
}

// Write, Call and Close from many goroutines: no race, no panic, nothing
// left running.
func TestStreamableConcurrentWriteCallClose(t *testing.T) {
	ts, _ := fakeUpstream(t, func(w http.ResponseWriter, r *http.Request, body string) {
		id := body[strings.Index(body, `"id":`)+5:]
		id = id[:strings.IndexByte(id, ',')]
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: {\"jsonrpc\":\"2.0\",\"id\":"+id+",\"result\":{}}\n\n")
	})
	c := dialT(t, &StreamableDialer{URL: ts.URL, Logger: slog.New(slog.DiscardHandler)})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Go(func() {
			for i := 0; ; i++ {
				msg := fmt.Sprintf(`{"jsonrpc":"2.0","id":"%d-%d","method":"tools/list"}`, w, i)
				var err error
				if w%2 == 0 {
					err = c.Write(ctx, []byte(msg))
				} else {
					_, err = c.(Caller).Call(ctx, []byte(msg), func(Incoming) {})
				}
				if err != nil {
					return
				}
			}
		})
	}
	wg.Go(func() {
		for {
			if _, err := c.Read(ctx); err != nil {
				if !errors.Is(err, io.EOF) {
					t.Errorf("Read ended with %v, want io.EOF", err)
				}
				return
			}
		}
	})
	time.Sleep(50 * time.Millisecond)
	var closers sync.WaitGroup
	for range 3 {
		closers.Go(func() { c.Close() })
	}
	closers.Wait()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Write, Call or Read still blocked after Close")
	}
}
