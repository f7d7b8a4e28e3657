package policy_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

const subscribeConfig = `version: 1
upstreams:
  - name: db
    command: ["true"]
guards:
  policy:
    default: deny
    rules:
      - name: public-resource
        when: tool.kind == "resource" && tool.name == "test://db/public"
        action: allow
      - name: public-template
        when: tool.kind == "resource_template" && tool.name == "test://db/public/{name}"
        action: allow
      - name: open-prompt
        when: tool.kind == "prompt" && tool.name == "open"
        action: allow
`

// A resource, prompt or resource template that policy denies can be
// neither subscribed to nor completed: subscription and completion are uses
// of the item like reading it, and get the same policy decision.
func TestPolicyCoversSubscribeAndCompletion(t *testing.T) {
	var mu sync.Mutex
	var seen []string // what reached the upstream
	note := func(s string) {
		mu.Lock()
		seen = append(seen, s)
		mu.Unlock()
	}
	up := sdk.NewServer(&sdk.Implementation{Name: "db", Version: "1"}, &sdk.ServerOptions{
		SubscribeHandler:   func(_ context.Context, r *sdk.SubscribeRequest) error { note("sub " + r.Params.URI); return nil },
		UnsubscribeHandler: func(_ context.Context, r *sdk.UnsubscribeRequest) error { note("unsub " + r.Params.URI); return nil },
		CompletionHandler: func(_ context.Context, r *sdk.CompleteRequest) (*sdk.CompleteResult, error) {
			ref := r.Params.Ref.Name + r.Params.Ref.URI
			note("complete " + ref)
			return &sdk.CompleteResult{Completion: sdk.CompletionResultDetails{Values: []string{"value-of-" + ref}}}, nil
		},
	})
	for _, uri := range []string{"test://db/public", "test://db/secret"} {
		up.AddResource(&sdk.Resource{URI: uri, Name: uri, MIMEType: "text/plain"},
			func(ctx context.Context, req *sdk.ReadResourceRequest) (*sdk.ReadResourceResult, error) {
				return &sdk.ReadResourceResult{Contents: []*sdk.ResourceContents{{URI: req.Params.URI, Text: "x"}}}, nil
			})
	}
	for _, tmpl := range []string{"test://db/public/{name}", "test://db/secret/{name}"} {
		up.AddResourceTemplate(&sdk.ResourceTemplate{URITemplate: tmpl, Name: tmpl},
			func(ctx context.Context, req *sdk.ReadResourceRequest) (*sdk.ReadResourceResult, error) {
				return &sdk.ReadResourceResult{Contents: []*sdk.ResourceContents{{URI: req.Params.URI, Text: "x"}}}, nil
			})
	}
	for _, name := range []string{"open", "secret_prompt"} {
		up.AddPrompt(&sdk.Prompt{Name: name, Arguments: []*sdk.PromptArgument{{Name: "q"}}},
			func(ctx context.Context, req *sdk.GetPromptRequest) (*sdk.GetPromptResult, error) {
				return &sdk.GetPromptResult{Messages: []*sdk.PromptMessage{{Role: "user", Content: &sdk.TextContent{Text: "p"}}}}, nil
			})
	}
	srvURL, aud := startGateway(t, up, subscribeConfig, nil, nil)

	for _, version := range []string{"2025-06-18", ""} {
		t.Run("protocol="+version, func(t *testing.T) {
			mu.Lock()
			seen = nil
			mu.Unlock()
			c := sdk.NewClient(&sdk.Implementation{Name: "it-client", Version: "1"}, nil)
			cctx, ccancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer ccancel()
			var so *sdk.ClientSessionOptions
			if version != "" {
				so = &sdk.ClientSessionOptions{ProtocolVersion: version}
			}
			cs, err := c.Connect(cctx, &sdk.StreamableClientTransport{Endpoint: srvURL + "/mcp"}, so)
			if err != nil {
				t.Fatal(err)
			}
			defer cs.Close()

			if version != "" {
				if err := cs.Subscribe(cctx, &sdk.SubscribeParams{URI: "test://db/public"}); err != nil {
					t.Errorf("subscribe to an allowed resource: %v", err)
				}
				if err := cs.Subscribe(cctx, &sdk.SubscribeParams{URI: "test://db/secret"}); err == nil {
					t.Errorf("subscribe to a denied resource succeeded")
				}
				if err := cs.Unsubscribe(cctx, &sdk.UnsubscribeParams{URI: "test://db/public"}); err != nil {
					t.Errorf("unsubscribe: %v", err)
				}
			}
			complete := func(ref *sdk.CompleteReference) (string, error) {
				res, err := cs.Complete(cctx, &sdk.CompleteParams{Ref: ref, Argument: sdk.CompleteParamsArgument{Name: "q", Value: "a"}})
				if err != nil {
					return "", err
				}
				return strings.Join(res.Completion.Values, ","), nil
			}
			if got, err := complete(&sdk.CompleteReference{Type: "ref/prompt", Name: "open"}); err != nil || got != "value-of-open" {
				t.Errorf("completion of an allowed prompt: %q %v", got, err)
			}
			if got, err := complete(&sdk.CompleteReference{Type: "ref/prompt", Name: "secret_prompt"}); err == nil {
				t.Errorf("completion of a denied prompt answered %q", got)
			}
			if got, err := complete(&sdk.CompleteReference{Type: "ref/resource", URI: "test://db/public/{name}"}); err != nil || got != "value-of-test://db/public/{name}" {
				t.Errorf("completion of an allowed template: %q %v", got, err)
			}
			if got, err := complete(&sdk.CompleteReference{Type: "ref/resource", URI: "test://db/secret/{name}"}); err == nil {
				t.Errorf("completion of a denied template answered %q", got)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, s := range seen {
				if strings.Contains(s, "secret") {
					t.Errorf("the upstream saw %q", s)
				}
			}
		})
	}
	// The stateless protocol subscribes with subscriptions/listen.
	listen := func(uri string) (string, error) {
		lctx, lcancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer lcancel()
		body := `{"jsonrpc":"2.0","id":7,"method":"subscriptions/listen","params":{"notifications":{"resourceSubscriptions":["` + uri + `"]},` +
			`"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}`
		req, _ := http.NewRequestWithContext(lctx, http.MethodPost, srvURL+"/mcp", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("MCP-Protocol-Version", "2026-07-28")
		req.Header.Set("Mcp-Method", "subscriptions/listen")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), err
	}
	if got, _ := listen("test://db/public"); !strings.Contains(got, "notifications/subscriptions/acknowledged") && !strings.Contains(got, "acknowledged") {
		t.Errorf("listen to an allowed resource: %q", got)
	}
	if got, err := listen("test://db/secret"); err != nil || !strings.Contains(got, "refused") || strings.Contains(got, "acknowledged") {
		t.Errorf("listen to a denied resource: %q %v", got, err)
	}
	mu.Lock()
	for _, s := range seen {
		if strings.Contains(s, "secret") {
			t.Errorf("the upstream saw %q", s)
		}
	}
	mu.Unlock()
	if n := aud.Count("decision", "deny"); n < 4 {
		t.Errorf("%d denies audited, want 4 or more", n)
	}
}
