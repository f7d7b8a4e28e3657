package policy_test

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/guard/ratelimit"
	"github.com/warden-mcp/warden/internal/guard/schema"
)

type textIn struct {
	Text string `json:"text"`
}

type queryIn struct {
	SQL   string `json:"sql"`
	Token string `json:"token,omitempty"`
}

const integrationConfig = `version: 1
upstreams:
  - name: db
    command: ["true"]
guards:
  policy:
    default: deny
    rules:
      - name: redact-token
        when: has(args.token)
        action: redact
        redact: [token]
      - name: support-query
        when: tool.name == "query" && "support" in principal.groups && sql_read_only(args.sql)
        action: allow
      - name: echo
        when: tool.name in ["echo", "limited"]
        action: allow
  ratelimit:
    per_tool: {rate: 0.01, burst: 2}
    tools:
      db/echo: {rate: 100, burst: 100}
      db/query: {rate: 100, burst: 100}
`

// TestGatewayIntegration runs a real gateway over a go-sdk upstream with
// the policy, schema and rate-limit guards in its chain.
func TestGatewayIntegration(t *testing.T) {
	var mu sync.Mutex
	var seen []string // what reached the upstream
	up := sdk.NewServer(&sdk.Implementation{Name: "db", Version: "1"}, nil)
	sdk.AddTool(up, &sdk.Tool{Name: "echo", Description: "echoes"}, func(ctx context.Context, req *sdk.CallToolRequest, in textIn) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "echo:" + in.Text}}}, nil, nil
	})
	sdk.AddTool(up, &sdk.Tool{Name: "limited", Description: "rate limited"}, func(ctx context.Context, req *sdk.CallToolRequest, in textIn) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "ok"}}}, nil, nil
	})
	sdk.AddTool(up, &sdk.Tool{Name: "query", Description: "runs SQL"}, func(ctx context.Context, req *sdk.CallToolRequest, in queryIn) (*sdk.CallToolResult, any, error) {
		mu.Lock()
		seen = append(seen, in.SQL+"|"+in.Token)
		mu.Unlock()
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "rows for " + in.SQL}}}, nil, nil
	})
	sdk.AddTool(up, &sdk.Tool{Name: "drop_everything", Description: "not for you"}, func(ctx context.Context, req *sdk.CallToolRequest, in textIn) (*sdk.CallToolResult, any, error) {
		mu.Lock()
		seen = append(seen, "drop")
		mu.Unlock()
		return &sdk.CallToolResult{}, nil, nil
	})
	auth := gateway.AuthenticatorFunc(func(r *http.Request) (*guard.Principal, error) {
		p := &guard.Principal{Issuer: "test", Subject: r.Header.Get("X-User")}
		if r.Header.Get("X-User") == "alice" {
			p.Groups = []string{"support"}
		}
		return p, nil
	})
	srvURL, _ := startGateway(t, up, integrationConfig, auth, func(cfg *config.Config, log *slog.Logger) ([]guard.Guard, error) {
		sg, err := schema.New(cfg.Guard("schema"), log)
		if err != nil {
			return nil, err
		}
		rg, err := ratelimit.New(cfg.Guard("ratelimit"), log)
		if err != nil {
			return nil, err
		}
		return []guard.Guard{sg, rg}, nil
	})

	connect := func(user string) *sdk.ClientSession {
		c := sdk.NewClient(&sdk.Implementation{Name: "it-client", Version: "1"}, nil)
		hc := &http.Client{Transport: headerRT{user: user}}
		cctx, ccancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer ccancel()
		cs, err := c.Connect(cctx, &sdk.StreamableClientTransport{Endpoint: srvURL + "/mcp", HTTPClient: hc}, nil)
		if err != nil {
			t.Fatalf("connect as %s: %v", user, err)
		}
		t.Cleanup(func() { cs.Close() })
		return cs
	}
	callText := func(cs *sdk.ClientSession, name string, args map[string]any) (string, bool) {
		t.Helper()
		cctx, ccancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer ccancel()
		res, err := cs.CallTool(cctx, &sdk.CallToolParams{Name: name, Arguments: args})
		if err != nil {
			return err.Error(), true
		}
		var b strings.Builder
		for _, c := range res.Content {
			if tc, ok := c.(*sdk.TextContent); ok {
				b.WriteString(tc.Text)
			}
		}
		return b.String(), res.IsError
	}
	listNames := func(cs *sdk.ClientSession) []string {
		cctx, ccancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer ccancel()
		res, err := cs.ListTools(cctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, tl := range res.Tools {
			names = append(names, tl.Name)
		}
		slices.Sort(names)
		return names
	}

	alice, eve := connect("alice"), connect("eve")
	if got := strings.Join(listNames(alice), ","); got != "echo,limited,query" {
		t.Errorf("alice lists %s", got)
	}
	if got := strings.Join(listNames(eve), ","); got != "echo,limited" {
		t.Errorf("eve lists %s (query and drop_everything must not leak)", got)
	}
	if txt, isErr := callText(alice, "echo", map[string]any{"text": "hi"}); isErr || txt != "echo:hi" {
		t.Errorf("echo: %q %v", txt, isErr)
	}
	if txt, isErr := callText(alice, "query", map[string]any{"sql": "SELECT 1", "token": "s3cret"}); isErr || txt != "rows for SELECT 1" {
		t.Errorf("query: %q %v", txt, isErr)
	}
	if txt, isErr := callText(alice, "query", map[string]any{"sql": "SELECT 1; DROP TABLE t"}); !isErr || !strings.Contains(txt, "default") {
		t.Errorf("stacked SQL: %q %v", txt, isErr)
	}
	if txt, isErr := callText(eve, "query", map[string]any{"sql": "SELECT 1"}); !isErr || !strings.Contains(txt, "policy does not allow") {
		t.Errorf("eve query: %q %v", txt, isErr)
	}
	if txt, isErr := callText(eve, "drop_everything", map[string]any{"text": "x"}); !isErr || !strings.Contains(txt, "policy does not allow") {
		t.Errorf("eve calls an unlisted tool: %q %v", txt, isErr)
	}
	if txt, isErr := callText(alice, "echo", map[string]any{"text": 5}); !isErr || !strings.Contains(txt, "/text") {
		t.Errorf("invalid arguments: %q %v", txt, isErr)
	}
	for i := range 3 {
		txt, isErr := callText(eve, "limited", map[string]any{"text": "x"})
		if i < 2 && isErr {
			t.Errorf("limited call %d refused: %q", i, txt)
		}
		if i == 2 && (!isErr || !strings.Contains(txt, "retry after")) {
			t.Errorf("third limited call: %q %v", txt, isErr)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 1 || seen[0] != "SELECT 1|[REDACTED by policy]" {
		t.Errorf("upstream saw %q; want one query with the token redacted", seen)
	}
}

type headerRT struct{ user string }

func (h headerRT) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-User", h.user)
	return http.DefaultTransport.RoundTrip(r)
}
