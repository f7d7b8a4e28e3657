package flowguard

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/approval"
	"github.com/warden-mcp/warden/internal/guard"
)

// redactor stands for the secrets and injection guards: it rewrites every
// result before the flow guard sees it.
type redactor struct{}

func (redactor) Name() string { return "redactor" }
func (redactor) Inspect(_ context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	if ex.Phase != guard.PhaseResult {
		return guard.Verdict{Action: guard.Allow}, nil
	}
	ex.Result = json.RawMessage(`{"content":[{"type":"text","text":"[REDACTED]"}]}`)
	return guard.Verdict{Action: guard.Modify, Rule: "redacted"}, nil
}

// What a session touched counts even when an earlier guard rewrote the
// result (the model still read the rest of it), and a stateless client's
// facts outlive its throwaway sessions: the sink still needs approval.
func TestTaintSurvivesRedactionAndStatelessRequests(t *testing.T) {
	f := newFixture(t, helpdeskLabels, approval.Options{Timeout: 50 * time.Millisecond})
	ch := guard.NewChain(0, redactor{}, f.g)
	stateless := guard.Session{Principal: &guard.Principal{Subject: "alice"}, ClientName: "agent"}
	for _, tool := range []string{"read_ticket", "query_customers"} {
		out := ch.Run(context.Background(), &guard.Exchange{Phase: guard.PhaseResult, Session: stateless, Server: "helpdesk",
			Method: "tools/call", Name: tool, Result: json.RawMessage(`{"content":[{"type":"text","text":"x"}]}`)})
		if out.Final.Action != guard.Modify {
			t.Fatalf("%s result: %+v", tool, out.Final)
		}
	}
	if v := f.run(t, context.Background(), callEx(stateless, "post_public_reply", `{}`, nil)); v.Action != guard.Deny || v.Rule != RuleTrifecta {
		t.Fatalf("sink after redacted reads: %+v", v)
	}
}
