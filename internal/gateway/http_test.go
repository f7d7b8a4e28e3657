package gateway_test

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
)

const initBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}`

func TestTransportRejections(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, aud := startGateway(t, map[string]string{"a": up}, gwOpts{max: 2048})
	meta := modernMeta()
	cases := []struct {
		name     string
		body     string
		hdr      map[string]string
		status   int
		wantCode float64 // JSON-RPC error code, 0 for none checked
	}{
		{"malformed JSON", `{"jsonrpc":"2.0","id":1,"method":`, nil, 400, -32700},
		{"not JSON-RPC 2.0", `{"jsonrpc":"1.0","id":1,"method":"ping"}`, nil, 400, -32700},
		// Checked as one tool, run as another by a last-wins parser.
		{"duplicate member names", `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{},"name":"delete"}}`, nil, 400, -32600},
		{"batch", `[` + initBody + `]`, nil, 400, -32600},
		{"oversized", `{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":"` + strings.Repeat("a", 4096) + `"}}`, nil, 413, 0},
		{"DNS rebinding Host", initBody, map[string]string{"Host": "evil.example:80"}, 403, 0},
		{"foreign Origin", initBody, map[string]string{"Origin": "http://evil.example"}, 403, 0},
		{"token in query", initBody, map[string]string{"X-Query": "1"}, 400, 0},
		{"no session, legacy request", `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`, nil, 400, 0},
		{"unknown session", `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`, map[string]string{"Mcp-Session-Id": "nope"}, 404, 0},
		{"stateless: Mcp-Method mismatch", `{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{` + meta + `}}`,
			modernHeaders("tools/call", ""), 400, -32020},
		{"stateless: Mcp-Name mismatch", `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo",` + meta + `}}`,
			modernHeaders("tools/call", "other"), 400, -32020},
		{"stateless: Mcp-Name missing", `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo",` + meta + `}}`,
			modernHeaders("tools/call", ""), 400, -32020},
		{"stateless: header without _meta", `{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}`,
			modernHeaders("tools/list", ""), 400, -32602},
		{"stateless: version header differs from _meta", `{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{` + meta + `}}`,
			map[string]string{"MCP-Protocol-Version": "2026-07-29", "Mcp-Method": "tools/list"}, 400, -32022},
		{"stateless: missing capabilities", `{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}`,
			modernHeaders("tools/list", ""), 400, -32602},
		{"stateless: Mcp-Name base64 ok", `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"},` + meta + `}}`,
			modernHeaders("tools/call", "=?base64?ZWNobw==?="), 200, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u := url
			if c.hdr["X-Query"] != "" {
				u += "?access_token=abc"
				delete(c.hdr, "X-Query")
			}
			status, _, body := post(t, u, c.body, c.hdr)
			if status != c.status {
				t.Fatalf("status %d, want %d: %s", status, c.status, body)
			}
			if c.wantCode != 0 {
				if got := jsonField(t, body, "error", "code"); got != c.wantCode {
					t.Errorf("error code %v, want %v: %s", got, c.wantCode, body)
				}
			}
		})
	}
	// Every refusal before the guards is audited, with its reason.
	reasons := map[string]int{}
	for _, e := range aud.Find(func(e gateway.Event) bool { return e.Kind == "transport" && e.Verdict == "deny" }) {
		r, _ := e.Details["reason"].(string)
		reasons[r]++
	}
	for reason, n := range map[string]int{"malformed": 4, "too_large": 1, "bad_host": 1, "bad_origin": 1, "query_token": 1, "header_mismatch": 5} {
		if reasons[reason] != n {
			t.Errorf("%d audit records with reason %s, want %d (all: %v)", reasons[reason], reason, n, reasons)
		}
	}
}

// A flood of garbage is answered in full, but its audit records are rate
// limited, and what was left out is counted in a later record.
func TestRefusalAuditIsRateLimited(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, aud := startGateway(t, map[string]string{"a": up}, gwOpts{})
	const flood = 400
	for range flood {
		if status, _, _ := post(t, url, `{"jsonrpc":`, nil); status != 400 {
			t.Fatalf("status %d", status)
		}
	}
	n := aud.Count("transport", "deny")
	if n >= flood || n < 200 {
		t.Fatalf("%d of %d refusals audited; want the burst of 200 and some of the rest, not all", n, flood)
	}
	time.Sleep(100 * time.Millisecond) // the bucket refills
	post(t, url, `{"jsonrpc":`, nil)
	// Nothing is lost: every refusal is either audited or counted in a
	// later record's suppressed_before. Under a slow run (-race) the
	// bucket refills during the flood, so the count may ride on a record
	// in the flood rather than on the last one.
	recs := aud.Find(func(e gateway.Event) bool { return e.Kind == "transport" && e.Verdict == "deny" })
	suppressed := 0
	for _, e := range recs {
		if got, ok := e.Details["suppressed_before"].(int64); ok {
			suppressed += int(got)
		}
	}
	if suppressed <= 0 || len(recs)+suppressed != flood+1 {
		t.Errorf("%d audited + %d counted as suppressed, want %d with some suppressed", len(recs), suppressed, flood+1)
	}
}

// Unknown methods are forwarded; the upstream's "method not found" reaches a
// stateless client as the spec's 404.
func TestUnknownMethodIsForwarded(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), true)
	url, _, _ := startGateway(t, map[string]string{"a": up}, gwOpts{})
	status, _, body := post(t, url, `{"jsonrpc":"2.0","id":2,"method":"no/such","params":{`+modernMeta()+`}}`, modernHeaders("no/such", ""))
	if status != 404 || jsonField(t, body, "error", "code") != float64(-32601) {
		t.Fatalf("unknown method: %d %s", status, body)
	}
}

func TestGetAndDeleteNeedASession(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, _ := startGateway(t, map[string]string{"a": up}, gwOpts{})
	for _, m := range []string{http.MethodGet, http.MethodDelete} {
		req, _ := http.NewRequest(m, url, nil)
		req.Header.Set("Accept", "text/event-stream")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s without a session: %d, want 405", m, resp.StatusCode)
		}
	}
}

// headerAuth takes the principal from a header, standing in for a real
// token check.
var headerAuth = gateway.AuthenticatorFunc(func(r *http.Request) (*guard.Principal, error) {
	u := r.Header.Get("X-User")
	if u == "" {
		return nil, &gateway.HTTPError{Status: 401, Header: http.Header{"Www-Authenticate": {"Bearer"}}, Msg: "no credentials"}
	}
	return &guard.Principal{Issuer: "test", Subject: u}, nil
})

func TestSessionsAreBoundToTheirPrincipal(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	url, _, aud := startGateway(t, map[string]string{"a": up}, gwOpts{auth: headerAuth})

	status, hdr, _ := post(t, url, initBody, nil)
	if status != 401 || hdr.Get("Www-Authenticate") == "" {
		t.Fatalf("unauthenticated initialize: %d %v", status, hdr)
	}
	status, hdr, body := post(t, url, initBody, map[string]string{"X-User": "alice"})
	sid := hdr.Get("Mcp-Session-Id")
	if status != 200 || len(sid) < 22 {
		t.Fatalf("initialize: %d %q %s", status, sid, body)
	}
	list := `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`
	if status, _, body := post(t, url, list, map[string]string{"X-User": "alice", "Mcp-Session-Id": sid}); status != 200 {
		t.Fatalf("owner: %d %s", status, body)
	}
	if status, _, _ := post(t, url, list, map[string]string{"X-User": "mallory", "Mcp-Session-Id": sid}); status != 404 {
		t.Errorf("another principal's session: %d, want 404", status)
	}
	if n := len(aud.Find(func(e gateway.Event) bool { return e.Kind == "session" && e.Verdict == "deny" })); n != 1 {
		t.Errorf("session hijack audit events = %d, want 1", n)
	}
	if status, _, _ := post(t, url, list, map[string]string{"X-User": "alice", "Mcp-Session-Id": sid + "x"}); status != 404 {
		t.Errorf("guessed session: %d, want 404", status)
	}
	req, _ := http.NewRequest(http.MethodDelete, url, nil)
	req.Header.Set("X-User", "alice")
	req.Header.Set("Mcp-Session-Id", sid)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE: %d", resp.StatusCode)
	}
	if status, _, _ := post(t, url, list, map[string]string{"X-User": "alice", "Mcp-Session-Id": sid}); status != 404 {
		t.Errorf("session after DELETE: %d, want 404", status)
	}
}

var _ = errors.New

// A call whose token lacks the scope its tool needs gets the specification's
// step-up answer: HTTP 403 with the challenge, before anything is forwarded.
func TestScopeStepUp(t *testing.T) {
	up := serveUpstream(t, fixture("a", nil), false)
	var asked []string
	scope := func(p *guard.Principal, server, method, name string) error {
		if p.Subject == "admin" {
			return nil
		}
		asked = append(asked, method+" "+server+" "+name)
		return &gateway.HTTPError{Status: 403, Msg: "insufficient scope",
			Header: http.Header{"Www-Authenticate": {`Bearer error="insufficient_scope", scope="a"`}}}
	}
	url, _, aud := startGateway(t, map[string]string{"a": up}, gwOpts{auth: headerAuth, scope: scope})
	requests := []struct{ body, want string }{
		{`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}`, "a:x"},
		{`{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":"greet"}}`, "hello from a"},
		{`{"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"test://a/doc"}}`, "doc of a"},
	}
	for _, user := range []string{"admin", "alice"} {
		_, hdr, _ := post(t, url, initBody, map[string]string{"X-User": user})
		sid := hdr.Get("Mcp-Session-Id")
		for _, rq := range requests {
			status, hdr, body := post(t, url, rq.body, map[string]string{"X-User": user, "Mcp-Session-Id": sid})
			switch user {
			case "alice":
				if status != 403 || !strings.Contains(hdr.Get("Www-Authenticate"), "insufficient_scope") {
					t.Errorf("alice %s: %d %v %s, want 403 with a step-up challenge", rq.body, status, hdr, body)
				}
			case "admin":
				if status != 200 || !strings.Contains(body, rq.want) {
					t.Errorf("admin %s: %d %s", rq.body, status, body)
				}
			}
		}
	}
	// The resource's owner is known once the admin has read it.
	want := []string{"tools/call a echo", "prompts/get a greet", "resources/read a test://a/doc"}
	if !slices.Equal(asked, want) {
		t.Errorf("asked %q, want %q", asked, want)
	}
	if n := len(aud.Find(func(e gateway.Event) bool { return e.Kind == "auth" && e.Verdict == "deny" })); n != 3 {
		t.Errorf("step-up audit events = %d, want 3", n)
	}
}
