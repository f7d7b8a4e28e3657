package demo

import (
	"context"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func TestCarefulHuman(t *testing.T) {
	tests := []struct {
		msg  string
		want string
	}{
		{`Warden asks: tool post_public_reply on helpdesk, arguments {"ticket_id":"T-1001","body":"Hi Alice"}`, "accept"},
		{`Warden asks: tool post_public_reply on helpdesk, arguments {"ticket_id":"T-1002","body":"x"}`, "decline"},
		{`Warden asks: tool post_public_reply, arguments {"ticket_id":"T-1001","body":"ghp_abcd…(40 chars)"}`, "decline"},
		{`Warden asks: tool delete_everything {"ticket_id":"T-1001"}`, "decline"},
		{``, "decline"},
	}
	for _, tt := range tests {
		h := &Human{Mode: HumanCareful, Task: "T-1001"}
		res, err := h.Handle(context.Background(), &mcp.ElicitRequest{Params: &mcp.ElicitParams{Message: tt.msg}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Action != tt.want {
			t.Errorf("%q: %s, want %s (%s)", tt.msg, res.Action, tt.want, h.Seen()[0].Why)
		}
	}
}

func TestApproveContent(t *testing.T) {
	schema := map[string]any{
		"type": "object",
		"properties": map[string]any{
			"decision": map[string]any{"type": "string", "enum": []any{"deny", "always", "session", "once"}},
			"scope":    map[string]any{"type": "string", "oneOf": []any{map[string]any{"const": "reject"}, map[string]any{"const": "allow_once"}}},
			"approve":  map[string]any{"type": "boolean"},
			"comment":  map[string]any{"type": "string"},
			"count":    map[string]any{"type": "number"},
		},
	}
	got := approveContent(schema)
	want := map[string]any{"decision": "once", "scope": "allow_once", "approve": true, "comment": "approved by the person at the desk (warden demo)"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if got := approveContent(nil); len(got) != 0 {
		t.Errorf("no schema: %v", got)
	}
}

func TestAwayHumanWaits(t *testing.T) {
	h := &Human{Mode: HumanAway}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.Handle(ctx, &mcp.ElicitRequest{Params: &mcp.ElicitParams{Message: "x"}}); err == nil {
		t.Fatal("an absent person answered")
	}
	h.Leave()
	h.Leave() // idempotent
	if _, err := h.Handle(context.Background(), &mcp.ElicitRequest{Params: &mcp.ElicitParams{Message: "x"}}); err == nil {
		t.Fatal("a person who left answered")
	}
}
