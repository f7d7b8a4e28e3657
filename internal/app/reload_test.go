package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/audit"
	"github.com/warden-mcp/warden/internal/config"
)

// echoUpstream serves an MCP server with one tool, echo, over Streamable
// HTTP on loopback.
func echoUpstream(t *testing.T) *httptest.Server {
	up := sdk.NewServer(&sdk.Implementation{Name: "up", Version: "1"}, nil)
	sdk.AddTool(up, &sdk.Tool{Name: "echo"}, func(ctx context.Context, req *sdk.CallToolRequest, in struct {
		Text string `json:"text"`
	}) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "echo:" + in.Text}}}, nil, nil
	})
	us := httptest.NewServer(sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return up }, nil))
	t.Cleanup(us.Close)
	return us
}

// TestReloadSwapsPolicy runs a whole Warden from a file, changes the
// policy on disk, reloads over the admin endpoint, and checks that a bad
// policy is refused while the one in force stays.
func TestReloadSwapsPolicy(t *testing.T) {
	us := echoUpstream(t)

	dir := t.TempDir()
	path := filepath.Join(dir, "warden.yaml")
	write := func(rules string) {
		doc := "version: 1\ndata_dir: data\nupstreams:\n  - name: up\n    url: " + us.URL + "\nguards:\n  policy:\n    default: allow\n    rules:\n" + rules
		if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("      - {name: nothing, when: 'false', action: deny}\n")
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := New(ctx, cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ConfigPath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(context.Background())
	go a.Run(ctx)
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()

	c := sdk.NewClient(&sdk.Implementation{Name: "t", Version: "1"}, nil)
	// A bound against hangs, not a timing: each reload rebuilds every guard,
	// which under -race on a busy 2-core machine takes seconds.
	cctx, ccancel := context.WithTimeout(ctx, 2*time.Minute)
	defer ccancel()
	cs, err := c.Connect(cctx, &sdk.StreamableClientTransport{Endpoint: srv.URL + "/mcp"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	call := func() string {
		res, err := cs.CallTool(cctx, &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "hi"}})
		if err != nil {
			t.Fatal(err)
		}
		return res.Content[0].(*sdk.TextContent).Text
	}
	if got := call(); got != "echo:hi" {
		t.Fatalf("before reload: %q", got)
	}
	reload := func() int {
		resp, err := http.Post(srv.URL+"/admin/reload", "text/plain", nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	write("      - {name: no-echo, when: 'tool.name == \"echo\"', action: deny, message: echo is off}\n")
	if code := reload(); code != 200 {
		t.Fatalf("reload: %d", code)
	}
	if got := call(); !strings.Contains(got, "echo is off") {
		t.Fatalf("after reload: %q", got)
	}
	write("      - {name: broken, when: 'tool.name ==', action: deny}\n")
	if code := reload(); code != http.StatusUnprocessableEntity {
		t.Fatalf("reload of a broken policy: %d, want 422", code)
	}
	if got := call(); !strings.Contains(got, "echo is off") {
		t.Fatalf("a refused reload changed the policy: %q", got)
	}
}

// TestReloadRestartOnlyChanges: a file that changes who may connect is
// refused whole (an operator revoking a key must not read "reloaded"); other
// changes a reload cannot apply are named in the answer and the audit log,
// and the guards are reloaded all the same.
func TestReloadRestartOnlyChanges(t *testing.T) {
	us := echoUpstream(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "warden.yaml")
	const key = "sha256:3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea"
	write := func(keys, limits, rule string) {
		doc := "version: 1\ndata_dir: data\nauth:\n  mode: api_key\n  api_keys:\n" + keys +
			"limits:\n  max_sessions: " + limits + "\nupstreams:\n  - name: up\n    url: " + us.URL +
			"\nguards:\n  policy:\n    default: allow\n    rules:\n      - " + rule + "\n"
		if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	both := "    - {name: ci, hash: " + key + "}\n    - {name: old, hash: sha256:" + strings.Repeat("ab", 32) + "}\n"
	write(both, "100", "{name: nothing, when: 'false', action: deny}")
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := New(ctx, cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ConfigPath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(context.Background())

	// Revoking a key: refused, and said so.
	write("    - {name: ci, hash: "+key+"}\n", "100", "{name: nothing, when: 'false', action: deny}")
	if _, err := a.Reload(ctx); err == nil || !strings.Contains(err.Error(), "auth") || !strings.Contains(err.Error(), "restart") {
		t.Fatalf("reload changing auth: %v, want a refusal naming auth and a restart", err)
	}
	// A limit and a policy: the policy is applied, the limit reported.
	write(both, "5", "{name: no-echo, when: 'tool.name == \"echo\"', action: deny}")
	pending, err := a.Reload(ctx)
	if err != nil || len(pending) != 1 || pending[0] != "limits" {
		t.Fatalf("reload changing limits: %v %v, want [limits]", pending, err)
	}
	var out strings.Builder
	if err := audit.Tail(ctx, a.Store, 10, false, &out, "json"); err != nil {
		t.Fatal(err)
	}
	joined := out.String()
	if !strings.Contains(joined, "reload refused: the file changes auth") || !strings.Contains(joined, "not applied until a restart: limits") {
		t.Errorf("audit reasons:\n%s", joined)
	}
}
