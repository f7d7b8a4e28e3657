package gateway_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/guard"
)

// askGuard asks the client's user before every tools/call: by elicitation
// on a stateful session, by an input_required result on a stateless one.
type askGuard struct{ asked atomic.Int32 }

func (*askGuard) Name() string { return "ask" }

func (g *askGuard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	if ex.Phase != guard.PhaseRequest || ex.Method != "tools/call" {
		return guard.Verdict{}, nil
	}
	if ex.Client == nil {
		return guard.Verdict{}, fmt.Errorf("no client")
	}
	form := json.RawMessage(`{"message":"Warden asks: allow?","requestedSchema":{"type":"object","properties":{"ok":{"type":"boolean"}}}}`)
	if ex.Client.Stateless() {
		var p struct {
			State     string                     `json:"requestState"`
			Responses map[string]json.RawMessage `json:"inputResponses"`
		}
		_ = json.Unmarshal(ex.Params, &p)
		if p.State == guard.StatePrefix+"test" {
			if strings.Contains(string(p.Responses["approval"]), `"accept"`) {
				return guard.Verdict{}, nil
			}
			return guard.Verdict{Action: guard.Deny, Reason: "declined"}, nil
		}
		g.asked.Add(1)
		return guard.Verdict{Action: guard.Ask, Input: &guard.Input{
			Requests: map[string]guard.InputRequest{"approval": {Method: "elicitation/create", Params: form}},
			State:    guard.StatePrefix + "test",
		}}, nil
	}
	if !ex.Client.Can("elicitation") {
		return guard.Verdict{Action: guard.Deny, Reason: "cannot ask"}, nil
	}
	return guard.Verdict{Action: guard.Hold, Wait: func(ctx context.Context) (guard.Verdict, error) {
		g.asked.Add(1)
		ex.Client.Progress(ctx, "waiting for approval")
		res, err := ex.Client.Request(ctx, "elicitation/create", form)
		if err != nil {
			return guard.Verdict{}, err
		}
		if strings.Contains(string(res), `"accept"`) {
			return guard.Verdict{Action: guard.Allow}, nil
		}
		return guard.Verdict{Action: guard.Deny, Reason: "declined"}, nil
	}}, nil
}

// stateTool reports whether the upstream saw multi round-trip fields.
func stateTool(s *sdk.Server) {
	sdk.AddTool(s, &sdk.Tool{Name: "state"}, func(ctx context.Context, req *sdk.CallToolRequest, _ struct{}) (*sdk.CallToolResult, any, error) {
		return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{
			Text: fmt.Sprintf("state=%q responses=%d", req.Params.RequestState, len(req.Params.InputResponses))}}}, nil, nil
	})
}

func TestGuardAsksStatefulClientByElicitation(t *testing.T) {
	for _, answer := range []string{"accept", "decline"} {
		t.Run(answer, func(t *testing.T) {
			g := &askGuard{}
			url, _, aud := startGateway(t, map[string]string{"a": serveUpstream(t, fixture("a", stateTool), false)}, gwOpts{guards: []guard.Guard{g}})
			var progress atomic.Int32
			cs := connect(t, url, "2025-11-25", &sdk.ClientOptions{
				ElicitationHandler: func(ctx context.Context, req *sdk.ElicitRequest) (*sdk.ElicitResult, error) {
					if !strings.HasPrefix(req.Params.Message, "Warden asks") {
						t.Errorf("elicitation message %q", req.Params.Message)
					}
					return &sdk.ElicitResult{Action: answer}, nil
				},
				ProgressNotificationHandler: func(ctx context.Context, req *sdk.ProgressNotificationClientRequest) {
					if req.Params.Message == "waiting for approval" {
						progress.Add(1)
					}
				},
			})
			params := &sdk.CallToolParams{Name: "state"}
			params.SetProgressToken("p1")
			res, err := cs.CallTool(context.Background(), params)
			if err != nil {
				t.Fatal(err)
			}
			got := textOf(t, res)
			if answer == "accept" && (res.IsError || got != `state="" responses=0`) {
				t.Fatalf("approved call: %q", got)
			}
			if answer == "decline" && (!res.IsError || !strings.Contains(got, "declined")) {
				t.Fatalf("declined call went through: %q", got)
			}
			if g.asked.Load() != 1 || progress.Load() != 1 {
				t.Fatalf("asked %d times, %d progress notifications", g.asked.Load(), progress.Load())
			}
			if answer == "decline" && aud.Count("decision", "deny") == 0 {
				t.Fatal("the refusal was not audited")
			}
		})
	}
}

func TestGuardAsksStatelessClientWithInputRequired(t *testing.T) {
	for _, answer := range []string{"accept", "decline"} {
		t.Run(answer, func(t *testing.T) {
			g := &askGuard{}
			url, _, _ := startGateway(t, map[string]string{"a": serveUpstream(t, fixture("a", stateTool), true)}, gwOpts{guards: []guard.Guard{g}})
			cs := connect(t, url, "", &sdk.ClientOptions{ElicitationHandler: func(ctx context.Context, req *sdk.ElicitRequest) (*sdk.ElicitResult, error) {
				return &sdk.ElicitResult{Action: answer}, nil
			}})
			res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "state"})
			if err != nil {
				t.Fatal(err)
			}
			got := textOf(t, res)
			// The upstream never sees Warden's request state or the answers.
			if answer == "accept" && (res.IsError || got != `state="" responses=0`) {
				t.Fatalf("approved call: %q", got)
			}
			if answer == "decline" && (!res.IsError || !strings.Contains(got, "declined")) {
				t.Fatalf("declined call went through: %q", got)
			}
			if g.asked.Load() != 1 {
				t.Fatalf("asked %d times", g.asked.Load())
			}
		})
	}
}

// denyServerRequests refuses upstream requests to the client that carry a
// marker.
type denyServerRequests struct{ seen atomic.Int32 }

func (*denyServerRequests) Name() string { return "deny-server-requests" }

func (g *denyServerRequests) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	if ex.Phase != guard.PhaseServerRequest {
		return guard.Verdict{}, nil
	}
	g.seen.Add(1)
	if strings.Contains(string(ex.Params), "EVIL") {
		return guard.Verdict{Action: guard.Deny, Reason: "posing as someone else"}, nil
	}
	return guard.Verdict{}, nil
}

// A modern upstream's input requests passing through to a modern client
// are checked like any other server-to-client request.
func TestPassThroughInputRequestsAreGuarded(t *testing.T) {
	for _, msg := range []string{"colour?", "EVIL approval"} {
		t.Run(msg, func(t *testing.T) {
			up := fixture("a", func(s *sdk.Server) {
				sdk.AddTool(s, &sdk.Tool{Name: "ask"}, func(ctx context.Context, req *sdk.CallToolRequest, _ struct{}) (*sdk.CallToolResult, any, error) {
					if r, ok := req.Params.InputResponses["c"].(*sdk.ElicitResult); ok {
						return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "got:" + fmt.Sprint(r.Content["colour"])}}}, nil, nil
					}
					return &sdk.CallToolResult{InputRequests: sdk.InputRequestMap{"c": &sdk.ElicitParams{Message: msg,
						RequestedSchema: map[string]any{"type": "object", "properties": map[string]any{"colour": map[string]any{"type": "string"}}}}}}, nil, nil
				})
			})
			g := &denyServerRequests{}
			url, _, aud := startGateway(t, map[string]string{"a": serveUpstream(t, up, true)}, gwOpts{guards: []guard.Guard{g}})
			var asked atomic.Int32
			cs := connect(t, url, "", &sdk.ClientOptions{ElicitationHandler: func(ctx context.Context, req *sdk.ElicitRequest) (*sdk.ElicitResult, error) {
				asked.Add(1)
				return &sdk.ElicitResult{Action: "accept", Content: map[string]any{"colour": "red"}}, nil
			}})
			res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "ask"})
			if g.seen.Load() == 0 {
				t.Fatal("the input request was not inspected")
			}
			if msg == "colour?" {
				if err != nil || textOf(t, res) != "got:red" {
					t.Fatalf("allowed input request: %v %v", res, err)
				}
				return
			}
			if err == nil || asked.Load() != 0 {
				t.Fatalf("a refused input request reached the client (asked %d, err %v)", asked.Load(), err)
			}
			if aud.Count("decision", "deny") == 0 {
				t.Fatal("the refusal was not audited")
			}
		})
	}
}
