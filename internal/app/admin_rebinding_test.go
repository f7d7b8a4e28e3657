package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/approval"
)

// The admin API is reachable from loopback only, and so is a browser on
// this machine: a web page that rebinds its own name to 127.0.0.1 (or that
// merely posts a form to it) must not list or decide approvals. As on the
// MCP endpoint, the Host must name loopback and an Origin, if any, too; a
// request relayed by a reverse proxy on this machine is not from it either.
func TestAdminApprovalsRefuseRebindingAndCrossSite(t *testing.T) {
	dir := t.TempDir()
	doc := "version: 1\ndata_dir: data\nupstreams:\n  - name: up\n    url: http://127.0.0.1:1/mcp\n"
	a, srv := newFileApp(t, dir, doc)

	id, err := a.deps.broker.Submit(t.Context(), approval.Request{Session: "s", Server: "up", Tool: "post_public", Arguments: json.RawMessage(`{"x":1}`)})
	if err != nil {
		t.Fatal(err)
	}
	do := func(method, path, host, origin, ctype, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		if host != "" {
			req.Host = host
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	approve := `{"decision":"approve","scope":"always","pattern":"*/*"}`

	// DNS rebinding: the page's own name now points at 127.0.0.1. Its GET
	// carries no Origin (same origin, as the browser sees it).
	if code, body := do(http.MethodGet, "/admin/approvals", "attacker.example:8080", "", "", ""); code == http.StatusOK || strings.Contains(body, id) {
		t.Errorf("rebound GET /admin/approvals: %d, listed the pending id: %v", code, strings.Contains(body, id))
	}
	if code, _ := do(http.MethodPost, "/admin/approvals/"+id, "attacker.example:8080", "http://attacker.example:8080", "text/plain", approve); code == http.StatusOK {
		t.Errorf("rebound POST approved the call")
	}
	// A cross-site form post (text/plain, no preflight) to the loopback address.
	if code, _ := do(http.MethodPost, "/admin/approvals/"+id, "", "https://evil.example", "text/plain", approve); code == http.StatusOK {
		t.Errorf("cross-site POST approved the call")
	}
	// A reverse proxy on this machine (TLS in front of a loopback listener)
	// relays remote callers from 127.0.0.1, even with the Host it rewrote.
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/admin/approvals/"+id, strings.NewReader(approve))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", "203.0.113.7")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode == http.StatusOK {
		t.Errorf("a proxied POST approved the call")
	}
	if r, _ := a.deps.broker.Get(t.Context(), id); r.Status != approval.StatusPending {
		t.Fatalf("after the attacks the request is %s", r.Status)
	}
	// The CLI (no Origin, Host 127.0.0.1:port) still works.
	if code, body := do(http.MethodGet, "/admin/approvals", "", "", "", ""); code != http.StatusOK || !strings.Contains(body, id) {
		t.Fatalf("CLI GET: %d %s", code, body)
	}
	if code, body := do(http.MethodPost, "/admin/approvals/"+id, "", "", "application/json", `{"decision":"deny"}`); code != http.StatusOK {
		t.Fatalf("CLI POST: %d %s", code, body)
	}
	// /admin/reload sits behind the same checks, except the JSON body
	// (`curl -X POST` sends none): a rebound or cross-site page cannot
	// make Warden reload, the command line can.
	if code, _ := do(http.MethodPost, "/admin/reload", "attacker.example:8080", "http://attacker.example:8080", "text/plain", ""); code != http.StatusForbidden {
		t.Errorf("rebound POST /admin/reload: %d, want 403", code)
	}
	if code, _ := do(http.MethodPost, "/admin/reload", "", "https://evil.example", "text/plain", ""); code != http.StatusForbidden {
		t.Errorf("cross-site POST /admin/reload: %d, want 403", code)
	}
	// (This App has no file to reload from, so the handler answers 422:
	// what matters is that the request reached it.)
	if code, body := do(http.MethodPost, "/admin/reload", "", "", "", ""); code == http.StatusForbidden {
		t.Errorf("CLI POST /admin/reload refused: %s", body)
	}
}

// TestAdminAPIOnlyForAdmins: with auth.admins set, a principal the MCP
// endpoint accepts but that is not an admin cannot list or decide held
// calls; an admin can.
func TestAdminAPIOnlyForAdmins(t *testing.T) {
	hash := func(k string) string { s := sha256.Sum256([]byte(k)); return "sha256:" + hex.EncodeToString(s[:]) }
	doc := "version: 1\ndata_dir: data\nauth:\n  mode: api_key\n  api_keys:\n" +
		"    - {name: boss, hash: \"" + hash("boss-key-0123456789") + "\"}\n" +
		"    - {name: dev, hash: \"" + hash("dev-key-0123456789") + "\"}\n" +
		"  admins: {subjects: [boss]}\nupstreams:\n  - name: up\n    url: http://127.0.0.1:1/mcp\n"
	_, srv := newFileApp(t, t.TempDir(), doc)
	get := func(key string) int {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/admin/approvals", nil)
		req.Header.Set("Authorization", "Bearer "+key)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get("dev-key-0123456789"); code != http.StatusForbidden {
		t.Errorf("non-admin principal: %d, want 403", code)
	}
	if code := get("boss-key-0123456789"); code != http.StatusOK {
		t.Errorf("admin principal: %d, want 200", code)
	}
	if code := get("no-such-key"); code != http.StatusUnauthorized {
		t.Errorf("unknown key: %d, want 401", code)
	}
}
