package approval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "warden.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

const token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"

func sample() Request {
	return Request{
		Session: "s:1", Principal: "alice", Client: "agent/1",
		Server: "helpdesk", Tool: "post_public_reply",
		Arguments: json.RawMessage(`{"ticket":"42","body":"here is the token ` + token + `","api_key":"k-123456789"}`),
		Reason:    "private data and untrusted input, then an external sink",
		Rule:      "flow.trifecta",
		Facts:     flow.Facts{Labels: []string{flow.PrivateData, flow.UntrustedInput}, Untrusted: true, Sources: []string{"helpdesk/read_ticket"}},
	}
}

func TestSubmitMasksAndDecides(t *testing.T) {
	ctx := context.Background()
	b := NewBroker(openStore(t), Options{}, nil)
	id, err := b.Submit(ctx, sample())
	if err != nil {
		t.Fatal(err)
	}
	r, err := b.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(r.Arguments), token) || strings.Contains(string(r.Arguments), "k-123456789") {
		t.Fatalf("secret stored: %s", r.Arguments)
	}
	if !strings.Contains(string(r.Arguments), "masked secret") || !strings.Contains(string(r.Arguments), `"ticket":"42"`) {
		t.Fatalf("masking lost the shape: %s", r.Arguments)
	}
	if r.ArgsDigest != Digest(sample().Arguments) || r.Status != StatusPending {
		t.Fatalf("request = %+v", r)
	}
	pend, err := b.Pending(ctx)
	if err != nil || len(pend) != 1 || pend[0].ID != id {
		t.Fatalf("pending = %v, %v", pend, err)
	}

	tests := []struct {
		name string
		d    Decision
		want error
	}{
		{"no approver", Decision{Approve: true}, ErrInvalid},
		{"bad scope", Decision{Approve: true, Approver: "bob", Scope: "forever"}, ErrInvalid},
		{"bad pattern", Decision{Approve: true, Approver: "bob", Scope: ScopeAlways, Pattern: "no-slash"}, ErrInvalid},
		{"ok", Decision{Approve: true, Approver: "bob", Channel: ChannelAdmin}, nil},
		{"again", Decision{Approve: false, Approver: "eve"}, ErrDecided},
	}
	for _, tc := range tests {
		err := b.Decide(ctx, id, tc.d)
		if !errors.Is(err, tc.want) && !(err == nil && tc.want == nil) {
			t.Errorf("%s: Decide = %v, want %v", tc.name, err, tc.want)
		}
	}
	if err := b.Decide(ctx, "nope", Decision{Approver: "bob"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	d, err := b.Wait(ctx, id)
	if err != nil || !d.Approve || d.Approver != "bob" || d.Scope != ScopeOnce {
		t.Fatalf("Wait = %+v, %v", d, err)
	}
	if _, ok := b.Standing(ctx, "s:1", "helpdesk", "post_public_reply", nil); ok {
		t.Fatal("a once decision became standing")
	}
}

func TestWaitWakesAndTimesOut(t *testing.T) {
	ctx := context.Background()
	b := NewBroker(openStore(t), Options{Timeout: 300 * time.Millisecond, PollInterval: time.Hour}, nil)
	id, _ := b.Submit(ctx, sample())
	go func() {
		time.Sleep(50 * time.Millisecond)
		_ = b.Decide(ctx, id, Decision{Approve: true, Approver: "bob"})
	}()
	start := time.Now()
	d, err := b.Wait(ctx, id)
	if err != nil || !d.Approve || time.Since(start) > 250*time.Millisecond {
		t.Fatalf("Wait = %+v, %v after %v (local decisions must wake waiters)", d, err, time.Since(start))
	}

	id2, _ := b.Submit(ctx, sample())
	d, err = b.Wait(ctx, id2)
	if err != nil || d.Approve || d.Channel != ChannelTimeout {
		t.Fatalf("timeout: Wait = %+v, %v", d, err)
	}
	if err := b.Decide(ctx, id2, Decision{Approve: true, Approver: "late"}); !errors.Is(err, ErrExpired) && !errors.Is(err, ErrDecided) {
		t.Fatalf("late approval accepted: %v", err)
	}
	r, _ := b.Get(ctx, id2)
	if r.Status != StatusExpired {
		t.Fatalf("status = %s", r.Status)
	}

	// The caller's own deadline ends the wait, and counts as deny.
	id3, _ := b.Submit(ctx, sample())
	cctx, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	d, err = b.Wait(cctx, id3)
	if err == nil || d.Approve {
		t.Fatalf("cancelled wait = %+v, %v", d, err)
	}
	if r, _ := b.Get(ctx, id3); r.Status != StatusExpired {
		t.Fatalf("cancelled request left %s", r.Status)
	}
}

func TestWaitSeesOtherReplica(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	a := NewBroker(st, Options{PollInterval: 20 * time.Millisecond}, nil)
	other := NewBroker(st, Options{}, nil)
	id, _ := a.Submit(ctx, sample())
	go func() {
		time.Sleep(30 * time.Millisecond)
		_ = other.Decide(ctx, id, Decision{Approve: false, Approver: "carol"})
	}()
	d, err := a.Wait(ctx, id)
	if err != nil || d.Approve || d.Approver != "carol" {
		t.Fatalf("Wait = %+v, %v", d, err)
	}
}

func TestStanding(t *testing.T) {
	ctx := context.Background()
	b := NewBroker(openStore(t), Options{}, nil)
	decide := func(req Request, d Decision) {
		t.Helper()
		id, err := b.Submit(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Decide(ctx, id, d); err != nil {
			t.Fatal(err)
		}
	}
	decide(sample(), Decision{Approve: true, Approver: "bob", Scope: ScopeSession})
	r2 := sample()
	r2.Tool = "post_internal_note"
	decide(r2, Decision{Approve: true, Approver: "bob", Scope: ScopeAlways, Pattern: "helpdesk/post_* ticket=4? meta.kind=note"})
	r3 := sample()
	r3.Server, r3.Tool = "mail", "send"
	decide(r3, Decision{Approve: false, Approver: "bob", Scope: ScopeAlways})

	tests := []struct {
		name                  string
		session, server, tool string
		args                  string
		want, approve         bool
	}{
		{"same session", "s:1", "helpdesk", "post_public_reply", `{}`, true, true},
		{"other session", "s:2", "helpdesk", "post_public_reply", `{}`, false, false},
		{"pattern", "s:9", "helpdesk", "post_anything", `{"ticket":"41","meta":{"kind":"note"}}`, true, true},
		{"pattern arg mismatch", "s:9", "helpdesk", "post_anything", `{"ticket":"51","meta":{"kind":"note"}}`, false, false},
		{"pattern nested missing", "s:9", "helpdesk", "post_anything", `{"ticket":"41"}`, false, false},
		{"pattern args not object", "s:9", "helpdesk", "post_anything", `[1]`, false, false},
		{"always deny", "s:1", "mail", "send", `{}`, true, false},
		{"other server", "s:1", "mail", "post_public_reply", `{}`, false, false},
	}
	for _, tc := range tests {
		d, ok := b.Standing(ctx, tc.session, tc.server, tc.tool, json.RawMessage(tc.args))
		if ok != tc.want || ok && d.Approve != tc.approve {
			t.Errorf("%s: Standing = %+v, %v", tc.name, d, ok)
		}
	}
	// Deny wins over approve.
	r4 := sample()
	decide(r4, Decision{Approve: false, Approver: "dan", Scope: ScopeAlways, Pattern: "helpdesk/*"})
	if d, ok := b.Standing(ctx, "s:1", "helpdesk", "post_public_reply", nil); !ok || d.Approve {
		t.Errorf("deny did not win: %+v %v", d, ok)
	}
}

func TestParsePattern(t *testing.T) {
	good := []string{"a/b", "a/*", "*/* x=1", "a/b/c k.l=v*"}
	bad := []string{"", "ab", "/b", "a/", "a/b x", "a/b =1", "a/b x..y=1", strings.Repeat("a", 2000) + "/b"}
	for _, s := range good {
		if _, err := ParsePattern(s); err != nil {
			t.Errorf("ParsePattern(%q) = %v", s, err)
		}
	}
	for _, s := range bad {
		if _, err := ParsePattern(s); err == nil {
			t.Errorf("ParsePattern(%q) accepted", s)
		}
	}
}

// A standing "path=/tmp/*" covers paths under /tmp, not paths that climb
// out of it in any spelling.
func TestPatternDoesNotClimb(t *testing.T) {
	p, err := ParsePattern("files/read path=/tmp/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/tmp/report.txt", true},
		{"/tmp/a/b..c", true},
		{"/tmp/../etc/passwd", false},
		{"/tmp/%2e%2e/etc/passwd", false},
		{"/tmp/%252e%252e/etc/passwd", false},
		{`/tmp/..\\etc\\passwd`, false},
		{"/tmp/x/..", false},
	} {
		args, _ := json.Marshal(map[string]string{"path": tc.path})
		if got := p.Match("files", "read", args); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.path, got, tc.want)
		}
	}
	up, _ := ParsePattern("files/read path=/tmp/../*")
	if !up.Match("files", "read", json.RawMessage(`{"path":"/tmp/../x"}`)) {
		t.Error("a glob that says .. does not match a value with ..")
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ in, keep, drop string }{
		{`{"password":"hunter2"}`, "masked secret, 7 chars", "hunter2"},
		{`{"text":"key AKIAABCDEFGHIJKLMNOP here"}`, "key ", "AKIAABCDEFGHIJKLMNOP"},
		{`{"text":"Bearer abcdefghijklmnop1234"}`, "masked", "abcdefghijklmnop1234"},
		{`{"t":["xoxb-123456789012-abcdef"]}`, "masked", "xoxb-123456789012-abcdef"},
		{`{"t":"hd_live_9fA8b7C6d5E4f3G2h1J0kLmN"}`, "masked", "9fA8b7C6d5E4f3G2h1J0kLmN"},
		{`{"t":"/usr/local/share/documentation/readme"}`, "/usr/local/share/documentation/readme", "masked"},
		{`{"t":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}`, "e3b0c442", "masked"},
		{`not json`, "not valid JSON", "not json"},
	}
	for _, tc := range tests {
		got := string(MaskArguments(json.RawMessage(tc.in)))
		if !strings.Contains(got, tc.keep) || strings.Contains(got, tc.drop) {
			t.Errorf("MaskArguments(%s) = %s", tc.in, got)
		}
	}
	if Digest(json.RawMessage(`{"b":1, "a":2}`)) != Digest(json.RawMessage(`{"a":2,"b":1}`)) {
		t.Error("digest depends on key order")
	}
	if Digest(json.RawMessage(`{"a":1}`)) == Digest(json.RawMessage(`{"a":2}`)) {
		t.Error("digest ignores values")
	}
}

// adminServer serves the admin API like the app does, with an optional
// authenticated identity.
func adminServer(t *testing.T, b *Broker, authed string) *httptest.Server {
	h := b.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if authed != "" {
			if r.Header.Get("Authorization") != "Bearer good" {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			r = r.WithContext(WithApprover(r.Context(), authed))
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestAdminAPIAndCLI(t *testing.T) {
	ctx := context.Background()
	b := NewBroker(openStore(t), Options{}, nil)
	srv := adminServer(t, b, "")
	id, _ := b.Submit(ctx, sample())

	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := RunCLI(ctx, append(args, "--server", srv.URL), &out, &errb)
		return code, out.String(), errb.String()
	}
	code, out, _ := run("list")
	if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, "helpdesk/post_public_reply") {
		t.Fatalf("list: %d %s", code, out)
	}
	code, out, _ = run("show", id)
	if code != 0 || !strings.Contains(out, "masked secret") || strings.Contains(out, token) || !strings.Contains(out, "helpdesk/read_ticket") {
		t.Fatalf("show: %d %s", code, out)
	}
	code, out, _ = run("show", id, "--json")
	var shown Request
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil || shown.ID != id {
		t.Fatalf("show --json: %d %s", code, out)
	}
	if code, _, errs := run("approve", id, "--scope", "forever"); code != 1 || !strings.Contains(errs, "unknown scope") {
		t.Fatalf("bad scope: %d %s", code, errs)
	}
	code, out, _ = run("approve", id, "--scope", "always", "--pattern", "helpdesk/post_public_reply ticket=42", "--as", "bob@laptop")
	if code != 0 || !strings.Contains(out, "approved (scope always) by bob@laptop") {
		t.Fatalf("approve: %d %s", code, out)
	}
	if code, _, errs := run("deny", id); code != 1 || !strings.Contains(errs, "already decided") {
		t.Fatalf("second decision: %d %s", code, errs)
	}
	if code, _, _ := run("show", "unknown"); code != 1 {
		t.Fatal("show unknown succeeded")
	}
	if code, _, _ := run("frobnicate"); code != 2 {
		t.Fatal("unknown command not a usage error")
	}
	if code, _, _ := run("approve"); code != 2 {
		t.Fatal("approve without id not a usage error")
	}
	code, out, _ = run("list", "--all", "--json")
	if code != 0 || !strings.Contains(out, `"approved"`) {
		t.Fatalf("list --all: %s", out)
	}
	if d, ok := b.Standing(ctx, "s:other", "helpdesk", "post_public_reply", json.RawMessage(`{"ticket":"42"}`)); !ok || !d.Approve || d.Approver != "bob@laptop" {
		t.Fatalf("standing = %+v %v", d, ok)
	}
	code, out, _ = run("revoke", id)
	if code != 0 || !strings.Contains(out, "revoked 1") {
		t.Fatalf("revoke: %d %s", code, out)
	}
	if _, ok := b.Standing(ctx, "s:other", "helpdesk", "post_public_reply", json.RawMessage(`{"ticket":"42"}`)); ok {
		t.Fatal("revoked decision still stands")
	}

	// Raw API: malformed bodies.
	id2, _ := b.Submit(ctx, sample())
	for _, body := range []string{`{"decision":"maybe"}`, `{"decision":"approve","extra":1}`, `nope`} {
		resp, err := http.Post(srv.URL+"/admin/approvals/"+id2, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("body %s: status %d", body, resp.StatusCode)
		}
	}
}

func TestAdminAPIAuthenticatedApprover(t *testing.T) {
	ctx := context.Background()
	b := NewBroker(openStore(t), Options{}, nil)
	srv := adminServer(t, b, "https://idp#alice")
	id, _ := b.Submit(ctx, sample())
	var out, errb bytes.Buffer
	if code := RunCLI(ctx, []string{"approve", id, "--server", srv.URL, "--token", "bad"}, &out, &errb); code != 1 {
		t.Fatalf("bad token accepted: %s", out.String())
	}
	if code := RunCLI(ctx, []string{"approve", id, "--server", srv.URL, "--token", "good", "--as", "mallory"}, &out, &errb); code != 0 {
		t.Fatalf("approve: %s", errb.String())
	}
	r, _ := b.Get(ctx, id)
	if r.Decision.Approver != "https://idp#alice (mallory)" || r.Decision.Channel != ChannelAdmin {
		t.Fatalf("approver = %q", r.Decision.Approver)
	}
}

const secret = "0123456789abcdef-webhook-secret"

func TestWebhook(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	var got []map[string]any
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if _, err := Verify(secret, "v1", r.Header.Get(HeaderTimestamp), r.Header.Get(HeaderSignature), body, time.Now(), time.Minute); err != nil {
			t.Errorf("notification signature: %v", err)
		}
		var p map[string]any
		if err := json.Unmarshal(body, &p); err != nil {
			t.Errorf("payload: %v", err)
		}
		mu.Lock()
		got = append(got, p)
		mu.Unlock()
	}))
	defer recv.Close()
	b := NewBroker(openStore(t), Options{Webhook: Webhook{URL: recv.URL, Secret: secret}}, nil)
	srv := adminServer(t, b, "")
	id, _ := b.Submit(ctx, sample())
	b.Flush()
	mu.Lock()
	if len(got) != 1 {
		t.Fatalf("notifications = %d", len(got))
	}
	raw, _ := json.Marshal(got[0])
	mu.Unlock()
	s := string(raw)
	for _, want := range []string{`"text"`, `"blocks"`, "post_public_reply", "approve:" + id + ":once", "deny:" + id + ":once", "masked secret"} {
		if !strings.Contains(s, want) {
			t.Errorf("payload lacks %q", want)
		}
	}
	if strings.Contains(s, token) {
		t.Error("payload carries the secret")
	}

	post := func(body []byte, ts int64, sig string, slack bool) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/admin/approvals/webhook", bytes.NewReader(body))
		if slack {
			req.Header.Set(HeaderSlackTimestamp, strconv.FormatInt(ts, 10))
			req.Header.Set(HeaderSlackSignature, sig)
		} else {
			req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
			req.Header.Set(HeaderSignature, sig)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	now := time.Now().Unix()
	body := []byte(`{"id":"` + id + `","decision":"approve","approver":"U123"}`)
	tests := []struct {
		name string
		body []byte
		ts   int64
		sig  string
		want int
	}{
		{"unsigned", body, now, "", http.StatusUnauthorized},
		{"wrong secret", body, now, Sign("another-secret-entirely", now, body), http.StatusUnauthorized},
		{"tampered", append(bytes.Clone(body[:len(body)-1]), []byte(`,"note":"x"}`)...), now, Sign(secret, now, body), http.StatusUnauthorized},
		{"stale", body, now - 3600, Sign(secret, now-3600, body), http.StatusUnauthorized},
		{"future", body, now + 3600, Sign(secret, now+3600, body), http.StatusUnauthorized},
		{"good", body, now, Sign(secret, now, body), http.StatusOK},
		{"replay", body, now, Sign(secret, now, body), http.StatusConflict},
	}
	for _, tc := range tests {
		if got := post(tc.body, tc.ts, tc.sig, false); got != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, got, tc.want)
		}
	}
	r, _ := b.Get(ctx, id)
	if r.Status != StatusApproved || r.Decision.Approver != "webhook:U123" || r.Decision.Channel != ChannelWebhook {
		t.Fatalf("after callback: %+v %+v", r, r.Decision)
	}

	// A Slack interactive callback, signed with the app's signing secret.
	id2, _ := b.Submit(ctx, sample())
	b.Flush()
	payload := `{"type":"block_actions","user":{"id":"U9","username":"erin"},"actions":[{"action_id":"warden_deny","value":"deny:` + id2 + `:once"}]}`
	form := []byte("payload=" + url.QueryEscape(payload))
	sig := "v0=" + hexMAC(secret, "v0", now, form)
	if got := post(form, now, sig, true); got != http.StatusOK {
		t.Fatalf("slack callback: %d", got)
	}
	r, _ = b.Get(ctx, id2)
	if r.Status != StatusDenied || r.Decision.Approver != "webhook:slack:erin" {
		t.Fatalf("after slack callback: %+v", r.Decision)
	}
}

func hexMAC(secret, v string, ts int64, body []byte) string {
	s := Sign(secret, ts, body)
	if v == "v1" {
		return strings.TrimPrefix(s, "v1=")
	}
	return hexOf(mac(secret, v, ts, body))
}

func hexOf(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

func TestWebhookFailureNeverApproves(t *testing.T) {
	ctx := context.Background()
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
		w.WriteHeader(http.StatusInternalServerError)
	}))
	defer recv.Close()
	b := NewBroker(openStore(t), Options{Timeout: 100 * time.Millisecond,
		Webhook: Webhook{URL: recv.URL, Secret: secret, Timeout: 50 * time.Millisecond}}, nil)
	id, _ := b.Submit(ctx, sample())
	d, err := b.Wait(ctx, id)
	b.Flush()
	if err != nil || d.Approve {
		t.Fatalf("Wait = %+v, %v", d, err)
	}
	// Callbacks are refused when no secret is configured.
	b2 := NewBroker(openStore(t), Options{}, nil)
	srv := adminServer(t, b2, "")
	resp, err := http.Post(srv.URL+"/admin/approvals/webhook", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("callback without secret: %d", resp.StatusCode)
	}
}

func FuzzParseCallback(f *testing.F) {
	now := time.Unix(1_800_000_000, 0)
	body := []byte(`{"id":"x","decision":"approve","approver":"u"}`)
	f.Add(strconv.FormatInt(now.Unix(), 10), Sign(secret, now.Unix(), body), body, false)
	f.Add("1", "v1=zz", []byte(`{}`), false)
	f.Add(strconv.FormatInt(now.Unix(), 10), "v0="+hexOf(mac(secret, "v0", now.Unix(), []byte("payload=%7B%7D"))), []byte("payload=%7B%7D"), true)
	f.Fuzz(func(t *testing.T, ts, sig string, body []byte, slack bool) {
		h := http.Header{}
		if slack {
			h.Set(HeaderSlackTimestamp, ts)
			h.Set(HeaderSlackSignature, sig)
		} else {
			h.Set(HeaderTimestamp, ts)
			h.Set(HeaderSignature, sig)
		}
		cb, _, err := ParseCallback(secret, h, body, now, 5*time.Minute)
		if err == nil && cb.Approver == "" {
			t.Fatal("accepted a callback without an approver")
		}
		_, _, _ = ParseSignature(sig)
	})
}

func FuzzPattern(f *testing.F) {
	f.Add("helpdesk/post_* ticket=4?", `{"ticket":"42"}`)
	f.Add("*/* a.b=*", `{"a":{"b":[1]}}`)
	f.Fuzz(func(t *testing.T, pat, args string) {
		p, err := ParsePattern(pat)
		if err != nil {
			return
		}
		_ = p.Match("helpdesk", "post_x", json.RawMessage(args))
	})
}

func FuzzMask(f *testing.F) {
	f.Add([]byte(`{"token":"abc","t":"Bearer abcdefghijklmnopqrstu"}`))
	f.Add([]byte(`[[[[[[1]]]]]]`))
	f.Fuzz(func(t *testing.T, args []byte) {
		out := MaskArguments(args)
		if !json.Valid(out) {
			t.Fatalf("masked arguments are not JSON: %s", out)
		}
	})
}
