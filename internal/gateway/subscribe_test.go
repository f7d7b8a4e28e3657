package gateway_test

import (
	"context"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

// Sessions share one upstream connection, so one session's unsubscribe
// must not end the upstream subscription another session still holds:
// otherwise any client (of any principal) could silence another's resource
// updates.
func TestUnsubscribeKeepsOtherSessionsSubscribed(t *testing.T) {
	up := sdk.NewServer(&sdk.Implementation{Name: "x", Version: "1"}, &sdk.ServerOptions{
		SubscribeHandler:   func(context.Context, *sdk.SubscribeRequest) error { return nil },
		UnsubscribeHandler: func(context.Context, *sdk.UnsubscribeRequest) error { return nil },
	})
	up.AddResource(&sdk.Resource{URI: "test://x/doc", Name: "doc", MIMEType: "text/plain"},
		func(ctx context.Context, req *sdk.ReadResourceRequest) (*sdk.ReadResourceResult, error) {
			return &sdk.ReadResourceResult{Contents: []*sdk.ResourceContents{{URI: req.Params.URI, Text: "x"}}}, nil
		})
	url, _, _ := startGateway(t, map[string]string{"x": serveUpstream(t, up, false)}, gwOpts{proto: "2025-06-18"})

	got := make(chan string, 4)
	a := connect(t, url, "2025-06-18", &sdk.ClientOptions{ResourceUpdatedHandler: func(_ context.Context, r *sdk.ResourceUpdatedNotificationRequest) {
		got <- r.Params.URI
	}})
	b := connect(t, url, "2025-06-18", nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, cs := range []*sdk.ClientSession{a, b} {
		if err := cs.Subscribe(ctx, &sdk.SubscribeParams{URI: "test://x/doc"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Unsubscribe(ctx, &sdk.UnsubscribeParams{URI: "test://x/doc"}); err != nil {
		t.Fatal(err)
	}
	if err := up.ResourceUpdated(ctx, &sdk.ResourceUpdatedNotificationParams{URI: "test://x/doc"}); err != nil {
		t.Fatal(err)
	}
	select {
	case uri := <-got:
		if uri != "test://x/doc" {
			t.Fatalf("update for %q", uri)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("session A, still subscribed, got no update after session B unsubscribed")
	}
}
