package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/audit"
	"github.com/warden-mcp/warden/internal/auth"
	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

func userUpstreamsConfig(t *testing.T, redirectPath string) *config.Config {
	t.Helper()
	t.Setenv("WARDEN_TEST_GRANT_KEY", strings.Repeat("ab", 32))
	t.Setenv("WARDEN_TEST_SECRET", "s")
	doc := `version: 1
auth:
  mode: oauth
  resource: https://warden.example.com/mcp
  issuer: https://idp.example.com
  grant_key: ${env:WARDEN_TEST_GRANT_KEY}
upstreams:
  - name: plain
    url: https://plain.example.com/mcp
  - name: crm
    url: https://crm.example.com/mcp
    auth: {type: token_exchange, token_url: https://idp.example.com/token, client_id: w, client_secret: "${env:WARDEN_TEST_SECRET}"}
  - name: cal
    url: https://cal.example.com/mcp
    auth: {type: authorization_code, authorize_url: https://idp.example.com/authorize, token_url: https://idp.example.com/token,
           redirect_url: "https://warden.example.com` + redirectPath + `", client_id: w}
`
	cfg, err := config.Parse("w.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestUserUpstreams(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cfg := userUpstreamsConfig(t, "/oauth/cal/callback")
	x, err := newUserUpstreams(cfg, st)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, u := range cfg.Upstreams {
		d, pu, err := x.dialer(u, cfg, log)
		if err != nil {
			t.Fatalf("%s: %v", u.Name, err)
		}
		if perUser := u.Name != "plain"; (pu != nil) != perUser || (d == nil) != perUser {
			t.Errorf("%s: dialer %v, per-user options %v", u.Name, d, pu)
		}
	}
	mux := http.NewServeMux()
	events := &eventLog{}
	x.mount(mux, events)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/oauth/cal/callback?state=nope&code=x", nil))
	if rec.Code != http.StatusBadRequest || rec.Header().Get("X-Frame-Options") != "DENY" {
		t.Errorf("callback with an unknown state: %d", rec.Code)
	}
	// The refusal is audited, with the reason the browser was shown.
	if len(events.evs) != 1 || events.evs[0].Kind != audit.KindAuth || events.evs[0].Verdict != audit.VerdictDeny ||
		events.evs[0].Server != "cal" || !strings.Contains(events.evs[0].Reason, "unknown or expired authorization request") {
		t.Errorf("audited %+v", events.evs)
	}
	// The caller's token reaches the gateway's handlers in the context.
	var got string
	h := x.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = auth.SubjectTokenFrom(r.Context()) }))
	req := httptest.NewRequest(http.MethodPost, "/mcp", nil)
	req.Header.Set("Authorization", "Bearer abc")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if got != "abc" {
		t.Errorf("subject token in context = %q", got)
	}
}

func TestUserUpstreamsCallbackPath(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// The admin API and the approval webhook too: a second pattern for
	// the same path used to panic the mux when the handler was built.
	for _, p := range []string{"/mcp", "/healthz", "/", "/.well-known/oauth-protected-resource",
		"/admin/approvals", "/admin/approvals/", "/admin/reload", "/admin", "/webhooks/approvals", "/debug/pprof/"} {
		if _, err := newUserUpstreams(userUpstreamsConfig(t, p), st); err == nil {
			t.Errorf("callback at %s accepted", p)
		}
	}
}

func TestTokenExchangeNeedsOAuth(t *testing.T) {
	t.Setenv("WARDEN_TEST_SECRET", "s")
	doc := `version: 1
auth:
  mode: api_key
  api_keys: [{name: k, hash: "sha256:` + strings.Repeat("c", 64) + `"}]
upstreams:
  - name: crm
    url: https://crm.example.com/mcp
    auth: {type: token_exchange, token_url: https://idp.example.com/token, client_id: w, client_secret: "${env:WARDEN_TEST_SECRET}"}
`
	if _, err := config.Parse("w.yaml", []byte(doc)); err == nil || !strings.Contains(err.Error(), "needs auth.mode oauth") {
		t.Errorf("token_exchange under api_key: %v", err)
	}
}

// eventLog records audit events in memory.
type eventLog struct{ evs []audit.Event }

func (l *eventLog) Record(_ context.Context, ev audit.Event) error {
	l.evs = append(l.evs, ev)
	return nil
}
