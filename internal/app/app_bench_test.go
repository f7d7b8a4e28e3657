package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/config"
)

type payloadIn struct {
	Bytes int `json:"bytes"`
}

// startApp runs a whole Warden (SQLite store, audit log, gateway, HTTP
// handler) in front of an in-process upstream.
func startApp(tb testing.TB) string {
	u, _ := startAppDirect(tb)
	return u
}

func startAppDirect(tb testing.TB) (string, string) {
	tb.Helper()
	up := sdk.NewServer(&sdk.Implementation{Name: "bench", Version: "1"}, nil)
	sdk.AddTool(up, &sdk.Tool{Name: "payload"}, func(ctx context.Context, req *sdk.CallToolRequest, in payloadIn) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: strings.Repeat("x", in.Bytes)}}}, nil, nil
	})
	us := httptest.NewServer(sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return up }, &sdk.StreamableHTTPOptions{JSONResponse: true}))
	tb.Cleanup(us.Close)
	// Every guard on, with the rate limits raised above the offered load:
	// the benchmark measures what the guards cost, not what they refuse.
	cfg, err := config.Parse("bench.yaml", []byte(fmt.Sprintf(`version: 1
listen: 127.0.0.1:0
upstreams:
  - name: up
    url: %q
guards:
  ratelimit:
    per_principal: {rate: 1000000, burst: 1000000}
    per_tool: {rate: 1000000, burst: 1000000}
    concurrent: 1000
`, us.URL+"/")))
	if err != nil {
		tb.Fatal(err)
	}
	cfg.DataDir = tb.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	a, err := New(ctx, cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		tb.Fatal(err)
	}
	done := make(chan struct{})
	go func() { a.Run(ctx); close(done) }()
	srv := httptest.NewServer(a.Handler())
	tb.Cleanup(func() {
		srv.Close()
		cancel()
		<-done
		c, cc := context.WithTimeout(context.Background(), 5*time.Second)
		defer cc()
		_ = a.Close(c)
	})
	return srv.URL + "/mcp", us.URL
}

func post(tb testing.TB, c *http.Client, url, sid, body string) (string, string) {
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	if sid != "" {
		req.Header.Set("Mcp-Session-Id", sid)
		req.Header.Set("Mcp-Protocol-Version", "2025-11-25")
	}
	resp, err := c.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.Header.Get("Mcp-Session-Id"), string(b)
}

// BenchmarkToolsCall measures one tools/call round trip through the whole
// process, upstream and client included (compare with the harness in
// bench/ for Warden alone).
func BenchmarkToolsCall(b *testing.B) {
	url, direct := startAppDirect(b)
	for _, size := range []int{100, 10 << 10, 100 << 10} {
		for _, via := range []string{"warden", "direct"} {
			b.Run(fmt.Sprintf("via=%s/payload=%d", via, size), func(b *testing.B) {
				url := url
				if via == "direct" {
					url = direct
				}
				c := &http.Client{}
				sid, _ := post(b, c, url, "", `{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"b","version":"1"}}}`)
				post(b, c, url, sid, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
				body := fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"payload","arguments":{"bytes":%d}}}`, size)
				b.ResetTimer()
				for b.Loop() {
					_, out := post(b, c, url, sid, body)
					if !strings.Contains(out, "xxxx") {
						b.Fatalf("unexpected answer: %.200s", out)
					}
				}
			})
		}
	}
}

var _ = bytes.NewReader
