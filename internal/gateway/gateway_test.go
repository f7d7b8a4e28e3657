package gateway_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
)

var protocols = []struct{ name, version string }{
	{"legacy-2025-11-25", "2025-11-25"},
	{"legacy-2025-06-18", "2025-06-18"},
	{"stateless-2026-07-28", ""},
}

func TestSingleUpstreamIsTransparent(t *testing.T) {
	for _, upstreamStateless := range []bool{false, true} {
		up := serveUpstream(t, fixture("a", nil), upstreamStateless)
		url, _, aud := startGateway(t, map[string]string{"a": up}, gwOpts{})
		for _, p := range protocols {
			t.Run(fmt.Sprintf("upstream-stateless=%v/%s", upstreamStateless, p.name), func(t *testing.T) {
				ctx := context.Background()
				cs := connect(t, url, p.version, nil)
				if got := cs.InitializeResult().Instructions; got != "server a" {
					t.Errorf("instructions = %q, want the upstream's", got)
				}
				tools, err := cs.ListTools(ctx, nil)
				if err != nil {
					t.Fatal(err)
				}
				if len(tools.Tools) != 1 || tools.Tools[0].Name != "echo" {
					t.Fatalf("tools = %+v, want exactly echo", tools.Tools)
				}
				res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "hi"}})
				if err != nil {
					t.Fatal(err)
				}
				if got := textOf(t, res); got != "a:hi" {
					t.Errorf("echo = %q", got)
				}
				pr, err := cs.GetPrompt(ctx, &sdk.GetPromptParams{Name: "greet"})
				if err != nil || len(pr.Messages) != 1 {
					t.Fatalf("prompt: %v %+v", err, pr)
				}
				rr, err := cs.ReadResource(ctx, &sdk.ReadResourceParams{URI: "test://a/doc"})
				if err != nil || rr.Contents[0].Text != "doc of a" {
					t.Fatalf("resource: %v %+v", err, rr)
				}
			})
		}
		if n := len(aud.Find(func(e gateway.Event) bool { return e.Method == "tools/call" && e.Verdict == "allow" })); n != len(protocols) {
			t.Errorf("audited %d allowed calls, want %d", n, len(protocols))
		}
	}
}

func TestFederationNamespacesAndRoutes(t *testing.T) {
	a := serveUpstream(t, fixture("a", nil), false)
	b := serveUpstream(t, fixture("b", nil), true)
	url, _, _ := startGateway(t, map[string]string{"a": a, "b": b}, gwOpts{})
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			ctx := context.Background()
			cs := connect(t, url, p.version, nil)
			var names []string
			for tool, err := range cs.Tools(ctx, nil) {
				if err != nil {
					t.Fatal(err)
				}
				names = append(names, tool.Name)
			}
			if !slices.Equal(names, []string{"a__echo", "b__echo"}) {
				t.Fatalf("tools = %v", names)
			}
			for _, srv := range []string{"a", "b"} {
				res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: srv + "__echo", Arguments: map[string]any{"text": "x"}})
				if err != nil {
					t.Fatal(err)
				}
				if got := textOf(t, res); got != srv+":x" {
					t.Errorf("%s__echo answered %q", srv, got)
				}
				rr, err := cs.ReadResource(ctx, &sdk.ReadResourceParams{URI: "test://" + srv + "/doc"})
				if err != nil || rr.Contents[0].Text != "doc of "+srv {
					t.Errorf("read %s: %v %+v", srv, err, rr)
				}
				pr, err := cs.GetPrompt(ctx, &sdk.GetPromptParams{Name: srv + "__greet"})
				if err != nil || !strings.Contains(fmt.Sprint(pr.Messages[0].Content), srv) {
					t.Errorf("prompt %s: %v", srv, err)
				}
			}
			if _, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "echo"}); err == nil {
				t.Error("an unprefixed name was accepted with two upstreams")
			}
			if _, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "c__echo"}); err == nil {
				t.Error("an unknown server prefix was accepted")
			}
		})
	}
}

func TestPaginationAcrossUpstreams(t *testing.T) {
	many := func(name string) *sdk.Server {
		s := sdk.NewServer(&sdk.Implementation{Name: name, Version: "1"}, &sdk.ServerOptions{PageSize: 2})
		for i := range 5 {
			sdk.AddTool(s, &sdk.Tool{Name: fmt.Sprintf("t%d", i)}, func(context.Context, *sdk.CallToolRequest, struct{}) (*sdk.CallToolResult, any, error) {
				return &sdk.CallToolResult{}, nil, nil
			})
		}
		return s
	}
	url, _, _ := startGateway(t, map[string]string{"a": serveUpstream(t, many("a"), false), "b": serveUpstream(t, many("b"), false)}, gwOpts{})
	cs := connect(t, url, "2025-11-25", nil)
	seen := map[string]bool{}
	pages := 0
	cursor := ""
	for {
		res, err := cs.ListTools(context.Background(), &sdk.ListToolsParams{Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, tool := range res.Tools {
			if seen[tool.Name] {
				t.Fatalf("tool %s listed twice", tool.Name)
			}
			seen[tool.Name] = true
		}
		if res.NextCursor == "" {
			break
		}
		cursor = res.NextCursor
		if pages > 20 {
			t.Fatal("pagination does not end")
		}
	}
	if len(seen) != 10 || pages != 6 {
		t.Errorf("saw %d tools in %d pages, want 10 in 6", len(seen), pages)
	}
	if _, err := cs.ListTools(context.Background(), &sdk.ListToolsParams{Cursor: "not-a-cursor"}); err == nil {
		t.Error("an invalid cursor was accepted")
	}
}

// A stateless client cannot receive server requests: Warden turns a
// legacy upstream's mid-call elicitation into an input_required round trip.
func TestBridgeStatelessClientToLegacyUpstreamElicitation(t *testing.T) {
	up := fixture("a", func(s *sdk.Server) {
		sdk.AddTool(s, &sdk.Tool{Name: "ask"}, func(ctx context.Context, req *sdk.CallToolRequest, _ struct{}) (*sdk.CallToolResult, any, error) {
			r, err := req.Session.Elicit(ctx, &sdk.ElicitParams{Message: "colour?", RequestedSchema: map[string]any{
				"type": "object", "properties": map[string]any{"colour": map[string]any{"type": "string"}}}})
			if err != nil {
				return nil, nil, err
			}
			return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: r.Action + ":" + fmt.Sprint(r.Content["colour"])}}}, nil, nil
		})
	})
	url, _, _ := startGateway(t, map[string]string{"a": serveUpstream(t, up, false)}, gwOpts{})
	var asked atomic.Int32
	cs := connect(t, url, "", &sdk.ClientOptions{ElicitationHandler: func(ctx context.Context, req *sdk.ElicitRequest) (*sdk.ElicitResult, error) {
		asked.Add(1)
		return &sdk.ElicitResult{Action: "accept", Content: map[string]any{"colour": "blue"}}, nil
	}})
	res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "ask"})
	if err != nil {
		t.Fatal(err)
	}
	if got := textOf(t, res); got != "accept:blue" || asked.Load() != 1 {
		t.Fatalf("result %q after %d elicitations", got, asked.Load())
	}
}

// A legacy client gets a stateless upstream's input requests as ordinary
// server-to-client requests.
func TestBridgeLegacyClientToStatelessUpstreamInputRequired(t *testing.T) {
	up := fixture("a", func(s *sdk.Server) {
		sdk.AddTool(s, &sdk.Tool{Name: "ask"}, func(ctx context.Context, req *sdk.CallToolRequest, _ struct{}) (*sdk.CallToolResult, any, error) {
			if r, ok := req.Params.InputResponses["c"].(*sdk.ElicitResult); ok {
				return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "got:" + fmt.Sprint(r.Content["colour"])}}}, nil, nil
			}
			return &sdk.CallToolResult{InputRequests: sdk.InputRequestMap{"c": &sdk.ElicitParams{Message: "colour?",
				RequestedSchema: map[string]any{"type": "object", "properties": map[string]any{"colour": map[string]any{"type": "string"}}}}}}, nil, nil
		})
	})
	url, _, _ := startGateway(t, map[string]string{"a": serveUpstream(t, up, true)}, gwOpts{})
	cs := connect(t, url, "2025-11-25", &sdk.ClientOptions{ElicitationHandler: func(ctx context.Context, req *sdk.ElicitRequest) (*sdk.ElicitResult, error) {
		return &sdk.ElicitResult{Action: "accept", Content: map[string]any{"colour": "green"}}, nil
	}})
	res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "ask"})
	if err != nil {
		t.Fatal(err)
	}
	if got := textOf(t, res); got != "got:green" {
		t.Fatalf("result %q", got)
	}
}

func TestSamplingAndProgressReachTheCallingSession(t *testing.T) {
	up := fixture("a", func(s *sdk.Server) {
		sdk.AddTool(s, &sdk.Tool{Name: "work"}, func(ctx context.Context, req *sdk.CallToolRequest, _ struct{}) (*sdk.CallToolResult, any, error) {
			if tok := req.Params.GetProgressToken(); tok != nil {
				for i := 1; i <= 3; i++ {
					_ = req.Session.NotifyProgress(ctx, &sdk.ProgressNotificationParams{ProgressToken: tok, Progress: float64(i), Total: 3})
				}
			}
			r, err := req.Session.CreateMessage(ctx, &sdk.CreateMessageParams{MaxTokens: 10,
				Messages: []*sdk.SamplingMessage{{Role: "user", Content: &sdk.TextContent{Text: "hi"}}}})
			if err != nil {
				return nil, nil, err
			}
			return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "model said " + fmt.Sprint(r.Content.(*sdk.TextContent).Text)}}}, nil, nil
		})
	})
	url, _, _ := startGateway(t, map[string]string{"a": serveUpstream(t, up, false)}, gwOpts{})
	var progress atomic.Int32
	cs := connect(t, url, "2025-11-25", &sdk.ClientOptions{
		CreateMessageHandler: func(ctx context.Context, req *sdk.CreateMessageRequest) (*sdk.CreateMessageResult, error) {
			return &sdk.CreateMessageResult{Model: "m", Role: "assistant", Content: &sdk.TextContent{Text: "hello"}}, nil
		},
		ProgressNotificationHandler: func(ctx context.Context, req *sdk.ProgressNotificationClientRequest) {
			if req.Params.ProgressToken == "tok-1" {
				progress.Add(1)
			}
		},
	})
	params := &sdk.CallToolParams{Name: "work"}
	params.SetProgressToken("tok-1")
	res, err := cs.CallTool(context.Background(), params)
	if err != nil {
		t.Fatal(err)
	}
	if got := textOf(t, res); got != "model said hello" {
		t.Errorf("result %q", got)
	}
	deadline := time.Now().Add(2 * time.Second)
	for progress.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if progress.Load() != 3 {
		t.Errorf("saw %d progress notifications with the client's own token, want 3", progress.Load())
	}
}

func TestClientCancellationReachesUpstream(t *testing.T) {
	cancelled := make(chan struct{}, 1)
	up := fixture("a", func(s *sdk.Server) {
		sdk.AddTool(s, &sdk.Tool{Name: "block"}, func(ctx context.Context, req *sdk.CallToolRequest, _ struct{}) (*sdk.CallToolResult, any, error) {
			select {
			case <-ctx.Done():
				cancelled <- struct{}{}
				return nil, nil, ctx.Err()
			case <-time.After(10 * time.Second):
				return &sdk.CallToolResult{}, nil, nil
			}
		})
	})
	url, _, _ := startGateway(t, map[string]string{"a": serveUpstream(t, up, false)}, gwOpts{})
	for _, p := range protocols[:1] {
		cs := connect(t, url, p.version, nil)
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		_, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "block"})
		cancel()
		if err == nil {
			t.Fatal("call did not fail")
		}
		select {
		case <-cancelled:
		case <-time.After(5 * time.Second):
			t.Fatal("the upstream was never told the call was cancelled")
		}
		// Warden keeps serving the session.
		if _, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "still"}}); err != nil {
			t.Fatalf("after cancellation: %v", err)
		}
	}
}

type denyGuard struct {
	tool  string
	hide  string
	calls atomic.Int32
	err   error
}

func (g *denyGuard) Name() string { return "test" }
func (g *denyGuard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	g.calls.Add(1)
	if g.err != nil {
		return guard.Verdict{}, g.err
	}
	switch ex.Phase {
	case guard.PhaseList:
		for i := range ex.Items {
			if ex.Items[i].Name == g.hide {
				ex.Items[i].Hidden = true
				return guard.Verdict{Action: guard.Modify, Reason: "hidden"}, nil
			}
		}
	case guard.PhaseRequest:
		if ex.Name == g.tool {
			return guard.Verdict{Action: guard.Deny, Reason: "not for you", Rule: "r1"}, nil
		}
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

func TestGuardVerdicts(t *testing.T) {
	var upstreamCalls atomic.Int32
	up := fixture("a", func(s *sdk.Server) {
		sdk.AddTool(s, &sdk.Tool{Name: "secret"}, func(context.Context, *sdk.CallToolRequest, struct{}) (*sdk.CallToolResult, any, error) {
			upstreamCalls.Add(1)
			return &sdk.CallToolResult{}, nil, nil
		})
	})
	g := &denyGuard{tool: "secret", hide: "secret"}
	url, _, aud := startGateway(t, map[string]string{"a": serveUpstream(t, up, false)}, gwOpts{guards: []guard.Guard{g}})
	cs := connect(t, url, "2025-11-25", nil)
	tools, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range tools.Tools {
		if tool.Name == "secret" {
			t.Error("a hidden tool was listed")
		}
	}
	res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.IsError || !strings.Contains(textOf(t, res), "not for you") {
		t.Errorf("deny result = %+v", res)
	}
	if upstreamCalls.Load() != 0 {
		t.Error("a denied call reached the upstream")
	}
	if ev := aud.Find(func(e gateway.Event) bool { return e.Verdict == "deny" && e.Rule == "r1" && e.Tool == "secret" }); len(ev) != 1 {
		t.Errorf("deny audit events = %d, want 1", len(ev))
	}

	// A guard that fails makes the chain fail closed.
	g.err = errors.New("boom")
	res, err = cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.IsError || !strings.Contains(textOf(t, res), "failed") {
		t.Errorf("failing guard result = %+v", res)
	}
}

func TestAuditFailureFailsClosed(t *testing.T) {
	var upstreamCalls atomic.Int32
	up := fixture("a", func(s *sdk.Server) {
		sdk.AddTool(s, &sdk.Tool{Name: "count"}, func(context.Context, *sdk.CallToolRequest, struct{}) (*sdk.CallToolResult, any, error) {
			upstreamCalls.Add(1)
			return &sdk.CallToolResult{}, nil, nil
		})
	})
	url, _, aud := startGateway(t, map[string]string{"a": serveUpstream(t, up, false)}, gwOpts{})
	cs := connect(t, url, "2025-11-25", nil)
	aud.SetFailure(errors.New("disk full"))
	res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "count"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.IsError || !strings.Contains(textOf(t, res), "audit") || upstreamCalls.Load() != 0 {
		t.Errorf("call went through without an audit record: %+v (upstream calls %d)", res, upstreamCalls.Load())
	}
}

func TestListChangesReachClients(t *testing.T) {
	for _, upstreamStateless := range []bool{false, true} {
		t.Run(fmt.Sprintf("upstream-stateless=%v", upstreamStateless), func(t *testing.T) {
			srv := fixture("a", nil)
			url, _, _ := startGateway(t, map[string]string{"a": serveUpstream(t, srv, upstreamStateless)}, gwOpts{})
			changed := make(chan struct{}, 4)
			cs := connect(t, url, "2025-11-25", &sdk.ClientOptions{
				ToolListChangedHandler: func(context.Context, *sdk.ToolListChangedRequest) { changed <- struct{}{} },
			})
			if _, err := cs.ListTools(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			// Warden's own stream from the upstream (the GET stream, or
			// subscriptions/listen) opens just after the handshake, and the
			// upstream sends list changes only to streams already open:
			// change the list until one notification comes through.
			added := 0
			deadline := time.Now().Add(10 * time.Second)
		wait:
			for {
				added++
				sdk.AddTool(srv, &sdk.Tool{Name: fmt.Sprintf("late%d", added)}, func(context.Context, *sdk.CallToolRequest, struct{}) (*sdk.CallToolResult, any, error) {
					return &sdk.CallToolResult{}, nil, nil
				})
				select {
				case <-changed:
					break wait
				case <-time.After(time.Second):
					if time.Now().After(deadline) {
						t.Fatal("the client was never told the tool list changed")
					}
				}
			}
			tools, err := cs.ListTools(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(tools.Tools) != 1+added {
				t.Errorf("after the change: %d tools, want %d", len(tools.Tools), 1+added)
			}
		})
	}
}
