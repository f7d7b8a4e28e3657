package gateway_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

type sizeIn struct {
	Bytes int `json:"bytes"`
}

// BenchmarkGatewayCall measures a tools/call through the gateway alone
// (memory auditor, no store), next to the same call made directly.
func BenchmarkGatewayCall(b *testing.B) {
	up := sdk.NewServer(&sdk.Implementation{Name: "bench", Version: "1"}, nil)
	sdk.AddTool(up, &sdk.Tool{Name: "payload"}, func(ctx context.Context, req *sdk.CallToolRequest, in sizeIn) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: strings.Repeat("x", in.Bytes)}}}, nil, nil
	})
	direct := serveUpstream(b, up, false)
	url, _, _ := startGateway(b, map[string]string{"a": direct}, gwOpts{})
	for _, via := range []string{"warden", "direct"} {
		b.Run("via="+via, func(b *testing.B) {
			target := url
			if via == "direct" {
				target = direct
			}
			c := &http.Client{}
			do := func(sid, body string) (string, string) {
				req, _ := http.NewRequest(http.MethodPost, target, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Accept", "application/json, text/event-stream")
				if sid != "" {
					req.Header.Set("Mcp-Session-Id", sid)
					req.Header.Set("Mcp-Protocol-Version", "2025-11-25")
				}
				resp, err := c.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				defer resp.Body.Close()
				out, _ := io.ReadAll(resp.Body)
				return resp.Header.Get("Mcp-Session-Id"), string(out)
			}
			sid, _ := do("", initBody)
			do(sid, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
			body := fmt.Sprintf(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"payload","arguments":{"bytes":%d}}}`, 100)
			for b.Loop() {
				if _, out := do(sid, body); !strings.Contains(out, "xxxx") {
					b.Fatalf("%.200s", out)
				}
			}
		})
	}
}

// BenchmarkUpstreamCall isolates the upstream client: Upstream.Call over
// the Streamable HTTP transport, no downstream HTTP.
func BenchmarkUpstreamCall(b *testing.B) {
	up := sdk.NewServer(&sdk.Implementation{Name: "bench", Version: "1"}, nil)
	sdk.AddTool(up, &sdk.Tool{Name: "payload"}, func(ctx context.Context, req *sdk.CallToolRequest, in sizeIn) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: strings.Repeat("x", in.Bytes)}}}, nil, nil
	})
	_, g, _ := startGateway(b, map[string]string{"a": serveUpstream(b, up, false)}, gwOpts{})
	u := g.Upstreams()[0]
	params := []byte(`{"name":"payload","arguments":{"bytes":100}}`)
	for b.Loop() {
		if _, err := u.Call(context.Background(), "tools/call", params, nil); err != nil {
			b.Fatal(err)
		}
	}
}
