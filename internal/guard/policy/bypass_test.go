package policy

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/guard"
)

// Go servers decode tools/call params with encoding/json, which takes
// "Arguments" (or "argumentſ", U+017F folding to s) for "arguments". The
// policy reads only "arguments", so such a call would reach the server
// with arguments no rule, constraint or redaction saw.
func TestArgumentsUnderAnotherCaseRefused(t *testing.T) {
	for _, name := range []string{"configured", "unconfigured"} {
		b := block
		if name == "unconfigured" {
			b = "    enabled: true\n"
		}
		g, err := New(guardConfig(t, t.TempDir(), b), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, params := range []string{
			`{"name":"echo","Arguments":{"token":"secret"}}`,
			`{"name":"echo","ARGUMENTS":{"token":"secret"}}`,
			`{"name":"echo","argument\u017f":{"token":"secret"}}`,
			`{"name":"echo","arguments":{},"Arguments":{"token":"secret"}}`,
		} {
			ex := &guard.Exchange{Phase: guard.PhaseRequest, Session: session("eve"), Server: "db", Method: "tools/call", Name: "echo", Params: json.RawMessage(params)}
			v, err := g.Inspect(context.Background(), ex)
			if err != nil {
				t.Fatal(err)
			}
			if v.Action != guard.Deny || v.Rule != "invalid_params" {
				t.Errorf("%s: %s: %+v", name, params, v)
			}
		}
		// The exact name still passes.
		if v, _ := g.Inspect(context.Background(), call(session("eve"), "echo", `{"text":"hi"}`)); v.Action == guard.Deny {
			t.Errorf("%s: plain call refused: %+v", name, v)
		}
	}
}

// A method that differs from one the policy decides only by case,
// surrounding spaces or control characters is not a method Warden routes
// as such, but a lenient server could; it must not slip past the policy
// as an unknown method.
func TestMethodVariantsRefused(t *testing.T) {
	g, err := New(guardConfig(t, t.TempDir(), block), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"Tools/Call", "TOOLS/CALL", "tools/call ", " tools/call", "tools/call\x00", "tools/call\n", "Prompts/get", "resources/READ"} {
		if !g.Wants(guard.PhaseRequest, m) {
			t.Errorf("%q: not wanted, so no policy applies", m)
			continue
		}
		ex := call(session("eve"), "echo", `{}`)
		ex.Method = m
		v, err := g.Inspect(context.Background(), ex)
		if err != nil || v.Action != guard.Deny {
			t.Errorf("%q: %+v %v", m, v, err)
		}
	}
	// Other unknown methods are not the policy's business.
	if g.Wants(guard.PhaseRequest, "tasks/get") || g.Wants(guard.PhaseRequest, "x/tools/call") {
		t.Error("unrelated unknown methods wanted")
	}
}

// Redacting one argument must not change the others: numbers are sent as
// the client wrote them, not rounded through float64 (an account number
// 2^53+1 would otherwise reach the server as another account).
func TestRedactionKeepsOtherValuesExact(t *testing.T) {
	g, err := New(guardConfig(t, t.TempDir(), block), nil)
	if err != nil {
		t.Fatal(err)
	}
	ex := &guard.Exchange{Phase: guard.PhaseRequest, Session: session("eve"), Server: "db", Method: "tools/call", Name: "echo",
		Params: json.RawMessage(`{"name":"echo","arguments":{"token":"secret","account":9007199254740993,"amount":0.10000000000000001},"_meta":{"progressToken":12345678901234567890}}`)}
	v, err := g.Inspect(context.Background(), ex)
	if err != nil {
		t.Fatal(err)
	}
	if v.Action != guard.Modify {
		t.Fatalf("%+v", v)
	}
	for _, want := range []string{`"account":9007199254740993`, `"amount":0.10000000000000001`, `"progressToken":12345678901234567890`, `"token":"[REDACTED by policy]"`} {
		if !strings.Contains(string(ex.Params), want) {
			t.Errorf("params lack %s: %s", want, ex.Params)
		}
	}
}
