package policy

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/guard"
)

type labels map[string][]string

func (l labels) Labels(_, tool string, _ json.RawMessage) []string { return l[tool] }

// Rules see the session's information-flow facts and the tool's labels,
// and a require_approval decision is handed to the flow guard when one
// runs later in the chain.
func TestRulesSeeFlowFacts(t *testing.T) {
	const flowBlock = `    default: allow
    rules:
      - name: no-secret-holders-out
        when: '"external_sink" in tool.labels && session.secrets > 0 && session.flagged'
        action: deny
        message: flagged content and secrets in one session
      - name: no-sink-after-untrusted-private
        when: '"external_sink" in tool.labels && "private_data" in session.labels && session.untrusted'
        action: require_approval
`
	tr := flow.New(flow.Options{})
	g, err := NewWithOptions(guardConfig(t, t.TempDir(), flowBlock), nil, Options{
		Flow: tr, Labels: labels{"post": {flow.ExternalSink}}, Approvals: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s := session("ann")
	check := func(step string, want guard.Action, rule string, approval bool) {
		t.Helper()
		ex := call(s, "post", `{"text":"hi"}`)
		v, err := g.Inspect(ctx, ex)
		if err != nil {
			t.Fatal(err)
		}
		_, asked := ex.Values[ApprovalKey]
		if v.Action != want || v.Rule != rule || asked != approval {
			t.Fatalf("%s: %+v (approval asked: %v), want %s by %q (approval %v)", step, v, asked, want, rule, approval)
		}
	}
	check("fresh session", guard.Allow, "default", false)
	tr.Touch(s.Key(), flow.PrivateData)
	check("private data only", guard.Allow, "default", false)
	tr.Ingest(s.Key(), "tickets/read", false)
	check("private data and untrusted input", guard.Allow, "no-sink-after-untrusted-private", true)
	tr.Ingest(s.Key(), "tickets/read", true)
	tr.SawSecrets(s.Key(), "sha256:00")
	check("flagged content and a secret", guard.Deny, "no-secret-holders-out", false)

	// Another session's facts are its own.
	other := session("bob")
	ex := call(other, "post", `{}`)
	if v, _ := g.Inspect(ctx, ex); v.Action != guard.Allow || v.Rule != "default" {
		t.Fatalf("other session: %+v", v)
	}
}
