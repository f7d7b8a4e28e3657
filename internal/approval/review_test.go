package approval

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// An "always" decision limited by an argument must not cover arguments a
// server may read differently from Warden: a key given twice (first or
// last wins, depending on the parser), or given again in another case
// (Go's encoding/json fills a field named path from "PATH").
func TestPatternAmbiguousArguments(t *testing.T) {
	p, err := ParsePattern("fs/write_file path=/tmp/* opts.mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, args string
		want       bool
	}{
		{"plain", `{"path":"/tmp/a","opts":{"mode":"ro"}}`, true},
		{"other case after", `{"path":"/tmp/a","PATH":"/etc/passwd","opts":{"mode":"ro"}}`, false},
		{"other case before", `{"Path":"/etc/passwd","path":"/tmp/a","opts":{"mode":"ro"}}`, false},
		{"nested other case", `{"path":"/tmp/a","opts":{"mode":"ro","MODE":"rw"}}`, false},
		{"duplicate", `{"path":"/etc/passwd","path":"/tmp/a","opts":{"mode":"ro"}}`, false},
		{"nested duplicate", `{"path":"/tmp/a","opts":{"mode":"rw","mode":"ro"}}`, false},
		{"unrelated keys differ in case", `{"path":"/tmp/a","opts":{"mode":"ro"},"Note":"x","note":"y"}`, false},
		{"trailing data", `{"path":"/tmp/a","opts":{"mode":"ro"}} {"path":"/etc"}`, false},
	}
	for _, tc := range tests {
		if got := p.Match("fs", "write_file", json.RawMessage(tc.args)); got != tc.want {
			t.Errorf("%s: Match(%s) = %v, want %v", tc.name, tc.args, got, tc.want)
		}
	}
	// Go folds the Kelvin sign to k, so "\u212aey" is "key" to a Go server.
	k, _ := ParsePattern("fs/w key=ok")
	if k.Match("fs", "w", json.RawMessage(`{"key":"ok","\u212aey":"bad"}`)) {
		t.Error("Kelvin-sign key not read as a second key")
	}
	// A pattern without argument matches covers any arguments, even odd ones.
	all, _ := ParsePattern("fs/write_file")
	if !all.Match("fs", "write_file", json.RawMessage(`{"a":1,"A":2}`)) {
		t.Error("a pattern without argument matches refused odd arguments")
	}
}

// The CLI cannot decide a request whose time ran out while nobody waited
// on it (a held call that ended with a restart, say), and an "always"
// decision on it leaves no standing rule behind.
func TestCLIOnExpiredRequest(t *testing.T) {
	ctx := context.Background()
	now := time.Now()
	b := NewBroker(openStore(t), Options{Timeout: time.Minute, Now: func() time.Time { return now }}, nil)
	srv := adminServer(t, b, "")
	id, err := b.Submit(ctx, sample())
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Minute)
	var out, errb bytes.Buffer
	code := RunCLI(ctx, []string{"approve", id, "--scope", "always", "--server", srv.URL}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "expired") || !strings.Contains(errb.String(), "409") {
		t.Fatalf("approve expired: exit %d, %q", code, errb.String())
	}
	if r, _ := b.Get(ctx, id); r.Status != StatusExpired || r.Decision != nil {
		t.Fatalf("expired request now %s %+v", r.Status, r.Decision)
	}
	if _, ok := b.Standing(ctx, "s:1", "helpdesk", "post_public_reply", json.RawMessage(`{}`)); ok {
		t.Fatal("a decision on an expired request left a standing rule")
	}
}

// With approvers configured, a signed callback from anyone else is
// refused (403) and decides nothing; Slack users match by user id or name.
func TestWebhookApprovers(t *testing.T) {
	ctx := context.Background()
	b := NewBroker(openStore(t), Options{Webhook: Webhook{Secret: secret, Approvers: []string{"U1", "slack:U9"}}}, nil)
	srv := adminServer(t, b, "")
	post := func(body []byte, slack bool) int {
		t.Helper()
		now := time.Now().Unix()
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/admin/approvals/webhook", bytes.NewReader(body))
		if slack {
			req.Header.Set(HeaderSlackTimestamp, strconv.FormatInt(now, 10))
			req.Header.Set(HeaderSlackSignature, "v0="+hexOf(mac(secret, "v0", now, body)))
		} else {
			req.Header.Set(HeaderTimestamp, strconv.FormatInt(now, 10))
			req.Header.Set(HeaderSignature, Sign(secret, now, body))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	slackBody := func(id, user string) []byte {
		payload := `{"type":"block_actions","user":{"id":"` + user + `","username":"erin"},"actions":[{"value":"approve:` + id + `:once"}]}`
		return []byte("payload=" + url.QueryEscape(payload))
	}
	tests := []struct {
		name  string
		body  func(id string) []byte
		slack bool
		want  int
	}{
		{"unlisted", func(id string) []byte { return []byte(`{"id":"` + id + `","decision":"approve","approver":"mallory"}`) }, false, http.StatusForbidden},
		{"unlisted slack user named like a listed one", func(id string) []byte { return slackBody(id, "U666") }, true, http.StatusForbidden},
		{"listed", func(id string) []byte { return []byte(`{"id":"` + id + `","decision":"approve","approver":"U1"}`) }, false, http.StatusOK},
		{"listed slack user", func(id string) []byte { return slackBody(id, "U9") }, true, http.StatusOK},
	}
	for _, tc := range tests {
		id, _ := b.Submit(ctx, sample())
		if got := post(tc.body(id), tc.slack); got != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, got, tc.want)
		}
		r, _ := b.Get(ctx, id)
		if decided := r.Status != StatusPending; decided != (tc.want == http.StatusOK) {
			t.Errorf("%s: status %s", tc.name, r.Status)
		}
	}
}

// The webhook notification leaves the machine: it names the session by a
// digest, never by its id (which lets its holder post into the session).
func TestWebhookPayloadHidesSessionID(t *testing.T) {
	r := sample()
	r.ID = "abc"
	r.Session = "s:Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4"
	raw, err := json.Marshal(SlackPayload(r))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "Zm9vYmFyYmF6cXV4") {
		t.Fatalf("payload carries the session id: %s", raw)
	}
	if ref := SessionRef(r.Session); !strings.Contains(string(raw), ref) || SessionRef("s:other") == ref {
		t.Fatalf("payload lacks a distinct session reference %q", ref)
	}
}
