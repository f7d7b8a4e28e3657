package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// TestWrap runs `warden wrap -- node server-everything stdio` as a stdio MCP
// server under the SDK's CommandTransport: the client sees the server as it
// is, with sampling relayed back over the same pipe, and the audit chain
// Warden leaves holds the calls.
func TestWrap(t *testing.T) {
	need(t)
	dir := t.TempDir()
	h := newHandlers()
	argv := append([]string{env.warden, "wrap", "--"}, everythingCmd()...)
	cs := connectCommand(t, argv, dir, h)
	direct := connectCommand(t, everythingCmd(), t.TempDir(), nil)
	ctx := testCtx(t, 60*time.Second)

	sameListing(t, listAll(ctx, t, cs), listAll(ctx, t, direct))

	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "echo", Arguments: map[string]any{"message": "wrapped"}})
	if err != nil || texts(res) != "Echo: wrapped\n" {
		t.Errorf("echo through wrap = %+v, %v", res, err)
	}
	res, err = cs.CallTool(ctx, &mcp.CallToolParams{Name: "trigger-sampling-request", Arguments: map[string]any{"prompt": "wrap"}})
	if err != nil || !strings.Contains(texts(res), sampledText) {
		t.Errorf("sampling through wrap = %+v, %v; want %q in the result", res, err, sampledText)
	}
	p := &mcp.CallToolParams{Name: "trigger-long-running-operation", Arguments: map[string]any{"duration": 0.6, "steps": 2}}
	p.SetProgressToken(7)
	if _, err := cs.CallTool(ctx, p); err != nil {
		t.Errorf("long-running operation through wrap: %v", err)
	}
	for i := range 2 {
		select {
		case n := <-h.progCh:
			if n.Progress != float64(i+1) {
				t.Errorf("progress %d = %v, want %d", i, n.Progress, i+1)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("got %d progress notifications through wrap (protocol %s), want 2", i, cs.InitializeResult().ProtocolVersion)
		}
	}

	// Closing the session ends warden wrap; its audit chain must then verify
	// and hold at least the three calls.
	if err := cs.Close(); err != nil {
		t.Logf("closing the wrap session: %v", err)
	}
	if n := verifyAudit(t, dir+"/warden-data"); n < 3 {
		t.Errorf("audit chain holds %d records after 3 tool calls, want at least 3", n)
	}
}
