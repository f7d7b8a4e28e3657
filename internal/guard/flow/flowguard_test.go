package flowguard

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/approval"
	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/guard"
	policyguard "github.com/warden-mcp/warden/internal/guard/policy"
	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "warden.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func indent(s string) string {
	if s == "" {
		return "    enabled: true\n"
	}
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		b.WriteString("    " + l + "\n")
	}
	return b.String()
}

func guardConfig(t testing.TB, yaml string) config.GuardConfig {
	t.Helper()
	cfg, err := config.Parse("test.yaml", []byte("version: 1\nupstreams:\n  - name: helpdesk\n    url: http://127.0.0.1:1/mcp\nguards:\n  flow:\n"+indent(yaml)))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return cfg.Guard(Name)
}

const helpdeskLabels = `labels:
  helpdesk:
    read_ticket: [untrusted_input]
    query_customers: [private_data]
    post_public_reply: [external_sink]
    post_internal_note: []
    delete_ticket: [destructive]
`

// fakeClient is the client behind a call.
type fakeClient struct {
	stateless bool
	elicit    bool
	// reply answers elicitation/create; nil blocks until ctx ends.
	reply func(params json.RawMessage) (json.RawMessage, error)

	mu       sync.Mutex
	asked    []json.RawMessage
	progress []string
}

func (c *fakeClient) Can(capability string) bool { return capability == "elicitation" && c.elicit }
func (c *fakeClient) Stateless() bool            { return c.stateless }
func (c *fakeClient) Request(ctx context.Context, method string, params json.RawMessage) (json.RawMessage, error) {
	c.mu.Lock()
	c.asked = append(c.asked, params)
	c.mu.Unlock()
	if method != "elicitation/create" {
		return nil, errors.New("unexpected method " + method)
	}
	if c.reply == nil {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return c.reply(params)
}
func (c *fakeClient) Progress(_ context.Context, msg string) {
	c.mu.Lock()
	c.progress = append(c.progress, msg)
	c.mu.Unlock()
}

type fixture struct {
	g  *Guard
	b  *approval.Broker
	tr *flow.Tracker
}

func newFixture(t *testing.T, yaml string, opts approval.Options) fixture {
	t.Helper()
	b := approval.NewBroker(openStore(t), opts, nil)
	tr := flow.New(flow.Options{})
	gi, err := New(guardConfig(t, yaml), tr, nil, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	g := gi.(*Guard)
	g.progressEvery = 10 * time.Millisecond
	return fixture{g: g, b: b, tr: tr}
}

var session = guard.Session{ID: "sess-1", Principal: &guard.Principal{Subject: "alice"}, ClientName: "agent", ClientVersion: "1"}

// read runs the result phase of a call, as the gateway does after it.
func (f fixture) read(t *testing.T, s guard.Session, tool string) {
	t.Helper()
	v, err := f.g.Inspect(context.Background(), &guard.Exchange{Phase: guard.PhaseResult, Session: s, Server: "helpdesk", Method: "tools/call", Name: tool, Result: json.RawMessage(`{"content":[]}`)})
	if err != nil || v.Action != guard.Allow {
		t.Fatalf("result phase: %+v %v", v, err)
	}
}

const leak = `{"ticket":"7","body":"token: ghp_abcdefghijklmnopqrstuvwxyz0123456789"}`

func callEx(s guard.Session, tool, args string, c guard.Client) *guard.Exchange {
	return &guard.Exchange{Phase: guard.PhaseRequest, Session: s, Server: "helpdesk", Method: "tools/call", Name: tool,
		Params: json.RawMessage(`{"name":"` + tool + `","arguments":` + args + `}`), Client: c}
}

// run inspects a request and resolves a hold, as the chain does.
func (f fixture) run(t *testing.T, ctx context.Context, ex *guard.Exchange) guard.Verdict {
	t.Helper()
	ch := guard.NewChain(0, f.g)
	return ch.Run(ctx, ex).Final
}

func TestRuleNeedsAllThree(t *testing.T) {
	f := newFixture(t, helpdeskLabels, approval.Options{Timeout: 50 * time.Millisecond})
	ctx := context.Background()
	tests := []struct {
		name  string
		reads []string
		tool  string
		want  guard.Action
	}{
		{"nothing read", nil, "post_public_reply", guard.Allow},
		{"only private", []string{"query_customers"}, "post_public_reply", guard.Allow},
		{"only untrusted", []string{"read_ticket"}, "post_public_reply", guard.Allow},
		{"both, internal note", []string{"read_ticket", "query_customers"}, "post_internal_note", guard.Allow},
		{"both, sink: timeout denies", []string{"read_ticket", "query_customers"}, "post_public_reply", guard.Deny},
		{"untrusted, destructive", []string{"read_ticket"}, "delete_ticket", guard.Deny},
	}
	for i, tc := range tests {
		s := session
		s.ID = "rule-" + string(rune('a'+i))
		for _, r := range tc.reads {
			f.read(t, s, r)
		}
		v := f.run(t, ctx, callEx(s, tc.tool, leak, nil))
		if v.Action != tc.want {
			t.Errorf("%s: %s (%s)", tc.name, v.Action, v.Reason)
		}
		if tc.want == guard.Deny && !strings.Contains(v.Reason, "none came in time") {
			t.Errorf("%s: reason %q", tc.name, v.Reason)
		}
	}
	// The detector's flag counts as untrusted input too.
	s := session
	s.ID = "flagged"
	f.read(t, s, "query_customers")
	f.tr.Ingest(s.Key(), "other/fetch", true)
	if v := f.run(t, ctx, callEx(s, "post_public_reply", `{}`, nil)); v.Action != guard.Deny || !strings.Contains(v.Reason, "flagged") {
		t.Errorf("flagged: %+v", v)
	}
}

func trifecta(t *testing.T, f fixture, s guard.Session) {
	t.Helper()
	f.read(t, s, "read_ticket")
	f.read(t, s, "query_customers")
}

func TestStatefulElicitation(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		answer  string
		approve bool
		scope   string
	}{
		{"approve once", `{"action":"accept","content":{"decision":"approve_once"}}`, true, approval.ScopeOnce},
		{"approve session", `{"action":"accept","content":{"decision":"approve_session"}}`, true, approval.ScopeSession},
		{"deny", `{"action":"accept","content":{"decision":"deny"}}`, false, approval.ScopeOnce},
		{"decline", `{"action":"decline"}`, false, approval.ScopeOnce},
		{"cancel", `{"action":"cancel"}`, false, approval.ScopeOnce},
		{"garbage", `{"action":"accept","content":{"decision":"yes please"}}`, false, approval.ScopeOnce},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, helpdeskLabels, approval.Options{})
			c := &fakeClient{elicit: true, reply: func(json.RawMessage) (json.RawMessage, error) {
				time.Sleep(30 * time.Millisecond) // long enough for a progress message
				return json.RawMessage(tc.answer), nil
			}}
			trifecta(t, f, session)
			v := f.run(t, ctx, callEx(session, "post_public_reply", leak, c))
			if tc.approve != (v.Action == guard.Modify) || !tc.approve && v.Action != guard.Deny {
				t.Fatalf("verdict %s: %s", v.Action, v.Reason)
			}
			if v.Details["channel"] != approval.ChannelElicitation || v.Details["scope"] != tc.scope ||
				!strings.Contains(v.Details["approver"].(string), "alice") || v.Details["approval_id"] == nil {
				t.Fatalf("details = %v", v.Details)
			}
			c.mu.Lock()
			defer c.mu.Unlock()
			if len(c.asked) != 1 || len(c.progress) == 0 {
				t.Fatalf("asked %d, progress %d", len(c.asked), len(c.progress))
			}
			var p struct {
				Message         string         `json:"message"`
				RequestedSchema map[string]any `json:"requestedSchema"`
			}
			if err := json.Unmarshal(c.asked[0], &p); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"from Warden", "post_public_reply", "helpdesk", "masked secret", "read_ticket", "not from the AI model"} {
				if !strings.Contains(p.Message, want) {
					t.Errorf("message lacks %q:\n%s", want, p.Message)
				}
			}
			if strings.Contains(p.Message, "ghp_abcdefghij") {
				t.Error("message shows the secret")
			}
			// A session approval covers the next call without asking.
			if tc.scope == approval.ScopeSession {
				v := f.run(t, ctx, callEx(session, "post_public_reply", `{"other":"args"}`, c))
				if v.Action != guard.Modify || v.Details["standing"] != true || len(c.asked) != 1 {
					t.Fatalf("standing: %+v", v)
				}
			}
		})
	}
}

func TestOutOfBand(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, helpdeskLabels, approval.Options{})
	trifecta(t, f, session)
	// The client cannot be asked; an admin approves through the broker
	// while the client's elicitation never answers.
	for _, c := range []*fakeClient{nil, {elicit: true}} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			for {
				pend, _ := f.b.Pending(ctx)
				if len(pend) == 1 {
					_ = f.b.Decide(ctx, pend[0].ID, approval.Decision{Approve: true, Approver: "bob@host", Channel: approval.ChannelAdmin})
					return
				}
				time.Sleep(5 * time.Millisecond)
			}
		}()
		var cl guard.Client
		if c != nil {
			cl = c
		}
		v := f.run(t, ctx, callEx(session, "post_public_reply", leak, cl))
		<-done
		if v.Action != guard.Modify || v.Details["approver"] != "bob@host" || v.Details["channel"] != approval.ChannelAdmin {
			t.Fatalf("verdict %+v", v)
		}
	}
	// The request's own deadline caps the wait: deny.
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if v := f.run(t, cctx, callEx(session, "post_public_reply", leak, nil)); v.Action != guard.Deny {
		t.Fatalf("deadline: %+v", v)
	}
}

func TestStandingAlways(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, helpdeskLabels, approval.Options{Timeout: 50 * time.Millisecond})
	trifecta(t, f, session)
	id, err := f.b.Submit(ctx, approval.Request{Session: "x", Server: "helpdesk", Tool: "post_public_reply", Arguments: json.RawMessage(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.b.Decide(ctx, id, approval.Decision{Approve: true, Approver: "bob", Scope: approval.ScopeAlways, Pattern: "helpdesk/post_public_reply ticket=1*"}); err != nil {
		t.Fatal(err)
	}
	if v := f.run(t, ctx, callEx(session, "post_public_reply", `{"ticket":"12"}`, nil)); v.Action != guard.Modify || v.Details["pattern"] == nil {
		t.Fatalf("covered call: %+v", v)
	}
	if v := f.run(t, ctx, callEx(session, "post_public_reply", `{"ticket":"7"}`, nil)); v.Action != guard.Deny {
		t.Fatalf("uncovered call: %+v", v)
	}
}

func TestStateless(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, helpdeskLabels, approval.Options{})
	stateless := guard.Session{Principal: &guard.Principal{Subject: "alice"}, ClientName: "agent"}
	other := guard.Session{Principal: &guard.Principal{Subject: "mallory"}, ClientName: "agent"}
	trifecta(t, f, stateless)
	trifecta(t, f, other)
	c := &fakeClient{stateless: true, elicit: true}

	ask := func() *guard.Input {
		t.Helper()
		v := f.run(t, ctx, callEx(stateless, "post_public_reply", leak, c))
		if v.Action != guard.Ask || v.Input == nil || !strings.HasPrefix(v.Input.State, guard.StatePrefix+"approval:") {
			t.Fatalf("want ask, got %+v", v)
		}
		req := v.Input.Requests[inputKey]
		if req.Method != "elicitation/create" || !strings.Contains(string(req.Params), "from Warden") {
			t.Fatalf("input request = %+v", req)
		}
		return v.Input
	}
	retry := func(s guard.Session, args, state, resp string) *guard.Exchange {
		ex := callEx(s, "post_public_reply", args, c)
		p := map[string]any{"name": "post_public_reply", "arguments": json.RawMessage(args), "requestState": state,
			"inputResponses": map[string]json.RawMessage{inputKey: json.RawMessage(resp)}}
		ex.Params, _ = json.Marshal(p)
		return ex
	}
	approve := `{"action":"accept","content":{"decision":"approve_once"}}`

	in := ask()
	id, nonce, _ := strings.Cut(strings.TrimPrefix(in.State, statePrefix), ".")
	tests := []struct {
		name string
		ex   *guard.Exchange
		want guard.Action
		why  string
	}{
		{"forged nonce", retry(stateless, leak, statePrefix+id+"."+approval.NewToken(), approve), guard.Deny, "not valid"},
		{"unknown id", retry(stateless, leak, statePrefix+approval.NewToken()+"."+nonce, approve), guard.Deny, "unknown"},
		{"malformed", retry(stateless, leak, statePrefix+"junk", approve), guard.Deny, "malformed"},
		{"other session", retry(other, leak, in.State, approve), guard.Deny, "different call"},
		{"other arguments", retry(stateless, `{"body":"something else"}`, in.State, approve), guard.Deny, "different call"},
		{"approved", retry(stateless, leak, in.State, approve), guard.Modify, "approved"},
		{"reused", retry(stateless, leak, in.State, approve), guard.Deny, "already used"},
	}
	for _, tc := range tests {
		v := f.run(t, ctx, tc.ex)
		if v.Action != tc.want || !strings.Contains(v.Reason, tc.why) {
			t.Errorf("%s: %s %q", tc.name, v.Action, v.Reason)
		}
		if tc.want == guard.Modify {
			if strings.Contains(string(tc.ex.Params), "requestState") || strings.Contains(string(tc.ex.Params), "inputResponses") {
				t.Errorf("state not stripped: %s", tc.ex.Params)
			}
		}
	}
	// A declined answer denies.
	in = ask()
	if v := f.run(t, ctx, retry(stateless, leak, in.State, `{"action":"decline"}`)); v.Action != guard.Deny {
		t.Errorf("decline: %+v", v)
	}
	// A stateless client without elicitation waits for out-of-band approval.
	noElicit := &fakeClient{stateless: true}
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if v := f.run(t, cctx, callEx(stateless, "post_public_reply", leak, noElicit)); v.Action != guard.Deny {
		t.Errorf("no elicitation: %+v", v)
	}
}

func TestUpstreamPosingAsWarden(t *testing.T) {
	f := newFixture(t, helpdeskLabels, approval.Options{})
	tests := []struct {
		params string
		deny   bool
	}{
		{`{"message":"Please enter your shipping address","requestedSchema":{"type":"object","properties":{"street":{"type":"string"}}}}`, false},
		{`{"message":"Approval request from Warden: approve this call?"}`, true},
		{`{"message":"W a r d e n security check"}`, true},
		{`{"message":"ＷＡＲＤＥＮ says approve"}`, true},
		{`{"message":"Wa\u200brden approval"}`, true},
		{`{"message":"Confirm","requestedSchema":{"type":"object","properties":{"decision":{"type":"string","enum":["approve_once","deny"]}}}}`, true},
		{`{"mode":"url","url":"https://warden.example/approve","message":"Open this"}`, true},
	}
	for _, tc := range tests {
		v, err := f.g.Inspect(context.Background(), &guard.Exchange{Phase: guard.PhaseServerRequest, Server: "helpdesk", Method: "elicitation/create", Params: json.RawMessage(tc.params)})
		if err != nil || (v.Action == guard.Deny) != tc.deny {
			t.Errorf("%s: %+v %v", tc.params, v, err)
		}
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		yaml    string
		wantErr string
		relax   int
	}{
		{yaml: ""},
		{yaml: helpdeskLabels + "infer: false\nrules: {trifecta: off, untrusted_destructive: block}\n", relax: 2},
		{yaml: "rules: {untrusted_destructive: off}\n", relax: 1},
		{yaml: "labels: {\"*\": {\"*\": []}, helpdesk: {\"post_*\": [], read_ticket: []}}\n", relax: 2},
		{yaml: "rules: {trifecta: maybe}\n", wantErr: "unknown mode"},
		{yaml: "labels: {helpdesk: {read_ticket: [untrusted]}}\n", wantErr: "unknown label"},
		{yaml: "approval: {timeout: 0s}\n", wantErr: "positive"},
		{yaml: "approval: {webhook: {url: \"https://hooks.example/x\", secret: \"plain-text-secret-value\"}}\n", wantErr: "reference"},
		{yaml: "approval: {webhook: {url: \"https://hooks.example/x\", secret: \"${env:FLOW_TEST_SECRET}\"}}\n"},
		{yaml: "approval: {webhook: {url: \"ftp://x\", secret: \"${env:FLOW_TEST_SECRET}\"}}\n", wantErr: "http(s)"},
		{yaml: "approval: {webhook: {url: \"https://x\", secret: \"${env:FLOW_TEST_UNSET}\"}}\n", wantErr: "FLOW_TEST_UNSET"},
		{yaml: "rulez: {}\n", wantErr: "rulez"},
		{yaml: "approval: {webhook: {secret: \"${env:FLOW_TEST_SECRET}\", approvers: [U1, \"slack:U2\"]}}\n"},
		{yaml: "approval: {webhook: {secret: \"${env:FLOW_TEST_SECRET}\", approvers: [\" \"]}}\n", wantErr: "approvers"},
		{yaml: "approval: {webhook: {approvers: [U1]}}\n", wantErr: "need a webhook secret"},
	}
	t.Setenv("FLOW_TEST_SECRET", "0123456789abcdef0123")
	for _, tc := range tests {
		gc := guardConfig(t, tc.yaml)
		b := approval.NewBroker(openStore(t), approval.Options{}, nil)
		gi, err := New(gc, nil, nil, b, nil)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.yaml, err)
			continue
		}
		if got := gi.(*Guard).Relaxations(); len(got) != tc.relax {
			t.Errorf("%q: relaxations %v", tc.yaml, got)
		}
	}
	opts, err := BrokerOptions(guardConfig(t, "approval: {timeout: 2m, webhook: {url: \"https://hooks.example/x\", secret: \"${env:FLOW_TEST_SECRET}\"}}\n"))
	if err != nil || opts.Timeout != 2*time.Minute || opts.Webhook.Secret != "0123456789abcdef0123" || len(opts.Webhook.Approvers) != 0 {
		t.Fatalf("BrokerOptions = %+v, %v", opts, err)
	}
	opts, err = BrokerOptions(guardConfig(t, "approval: {webhook: {secret: \"${env:FLOW_TEST_SECRET}\", approvers: [U1, \"slack:U2\"]}}\n"))
	if err != nil || len(opts.Webhook.Approvers) != 2 {
		t.Fatalf("BrokerOptions approvers = %+v, %v", opts.Webhook, err)
	}
	if _, err := New(guardConfig(t, ""), nil, nil, nil, nil); err == nil {
		t.Fatal("approve rules without a broker accepted")
	}
	l, err := NewLabeler(guardConfig(t, helpdeskLabels))
	if err != nil || len(l.Labels("helpdesk", "post_internal_note", nil)) != 0 {
		t.Fatalf("labeler: %v", err)
	}
	// Block mode refuses without asking.
	f := newFixture(t, helpdeskLabels+"rules: {trifecta: block}\n", approval.Options{})
	trifecta(t, f, session)
	v := f.run(t, context.Background(), callEx(session, "post_public_reply", leak, &fakeClient{elicit: true}))
	if v.Action != guard.Deny || v.Rule != RuleTrifecta || !strings.Contains(v.Reason, "blocks") {
		t.Fatalf("block: %+v", v)
	}
}

func FuzzLabelsConfig(f *testing.F) {
	f.Add("labels: {helpdesk: {read_ticket: [untrusted_input]}}\n")
	f.Add("labels: {\"*\": {\"*\": []}}\n")
	f.Add("labels: [1, 2]\n")
	f.Fuzz(func(t *testing.T, yaml string) {
		cfg, err := config.Parse("fuzz.yaml", []byte("version: 1\nupstreams:\n  - name: a\n    url: http://127.0.0.1:1/mcp\nguards:\n  flow:\n"+indent(yaml)))
		if err != nil {
			return
		}
		_, _ = NewLabeler(cfg.Guard(Name))
	})
}

func FuzzResumeState(f *testing.F) {
	f.Add(statePrefix+"abc.def", `{"action":"accept","content":{"decision":"approve_once"}}`)
	f.Add(statePrefix+"..", `null`)
	f.Fuzz(func(t *testing.T, state, resp string) {
		b := approval.NewBroker(memKV{}, approval.Options{}, nil)
		g, err := newGuard(DefaultSettings(), nil, nil, b, nil)
		if err != nil {
			t.Fatal(err)
		}
		ex := callEx(session, "post_public_reply", `{}`, &fakeClient{stateless: true, elicit: true})
		v := g.resume(context.Background(), ex, callParams{RequestState: statePrefix + state, InputResponses: map[string]json.RawMessage{inputKey: json.RawMessage(resp)}})
		if v.Action != guard.Deny {
			t.Fatalf("a state Warden never issued was accepted: %+v", v)
		}
	})
}

// memKV is an empty store for the fuzzer (no request exists).
type memKV struct{}

func (memKV) Get(context.Context, string, string) (store.Item, error) {
	return store.Item{}, store.ErrNotFound
}
func (memKV) Put(context.Context, string, string, []byte, store.PutOptions) (int64, error) {
	return 1, nil
}
func (memKV) Delete(context.Context, string, string, int64) error        { return nil }
func (memKV) List(context.Context, string, string) ([]store.Item, error) { return nil, nil }
func (memKV) DeleteExpired(context.Context) (int64, error)               { return 0, nil }

// A policy rule with action require_approval is asked about like the
// built-in rules, even with those turned off.
func TestPolicyRequiresApproval(t *testing.T) {
	f := newFixture(t, "rules: {trifecta: off, untrusted_destructive: off}\n", approval.Options{})
	for _, answer := range []string{"approve_once", "deny"} {
		c := &fakeClient{elicit: true, reply: func(json.RawMessage) (json.RawMessage, error) {
			return json.RawMessage(`{"action":"accept","content":{"decision":"` + answer + `"}}`), nil
		}}
		ex := callEx(session, "list_tickets", `{}`, c)
		ex.Set(policyguard.ApprovalKey, "tickets need a look (rule tickets)")
		v := f.run(t, context.Background(), ex)
		if want := map[string]guard.Action{"approve_once": guard.Modify, "deny": guard.Deny}[answer]; v.Action != want || !strings.Contains(v.Reason, "tickets need a look") {
			t.Fatalf("%s: %s by %s: %s", answer, v.Action, v.Rule, v.Reason)
		}
		c.mu.Lock()
		if len(c.asked) != 1 || !strings.Contains(string(c.asked[0]), "tickets need a look") {
			t.Fatalf("%s: asked %d: %s", answer, len(c.asked), c.asked)
		}
		c.mu.Unlock()
	}
	// Without the policy's request, the call passes (rules are off).
	if v := f.run(t, context.Background(), callEx(session, "list_tickets", `{}`, &fakeClient{elicit: true})); v.Action != guard.Allow {
		t.Fatalf("no rule: %s %s", v.Action, v.Reason)
	}
}
