package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/warden-mcp/warden/internal/config"
)

// syncBuffer is a log sink safe for the goroutines an App starts.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Every setting that weakens a default is announced at start-up, the
// guards' own settings included: the schema guard's unlisted_tools: allow
// used to pass in silence (only the flow guard was asked), and `warden
// config validate` listed neither.
func TestGuardRelaxationsAreAnnounced(t *testing.T) {
	doc := "version: 1\ndata_dir: " + t.TempDir() + "\nupstreams:\n  - name: up\n    url: http://127.0.0.1:1/mcp\n" +
		"guards:\n  schema: {unlisted_tools: allow}\n  flow: {rules: {trifecta: 'off'}}\n"
	cfg, err := config.Parse("w.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"guards.schema: unlisted_tools is allow", "guards.flow: rule trifecta is off"}

	var logs syncBuffer
	a, err := New(t.Context(), cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(context.Background())
	for _, w := range want {
		if !strings.Contains(logs.String(), "relaxes a secure default") || !strings.Contains(logs.String(), w) {
			t.Errorf("start-up log lacks %q:\n%s", w, logs.String())
		}
	}

	got, err := CheckGuards(t.Context(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("CheckGuards relaxations %q lack %q", got, w)
		}
	}
}

// The status endpoints answer only requests addressed to this Warden: on a
// loopback listener a web page that rebinds its own name to 127.0.0.1 must
// not read the metrics (upstream names, traffic) or the readiness report.
// "LOCALHOST" is loopback too: the configuration raises no warning for it,
// so the MCP endpoint must keep its Host check as well.
func TestStatusEndpointsRefuseRebinding(t *testing.T) {
	for _, listen := range []string{"127.0.0.1:8080", "LOCALHOST:8080"} {
		doc := "version: 1\nlisten: " + listen + "\ndata_dir: " + t.TempDir() + "\nupstreams:\n  - name: up\n    url: http://127.0.0.1:1/mcp\n"
		cfg, err := config.Parse("w.yaml", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if rs := cfg.Relaxations(); len(rs) != 0 {
			t.Fatalf("listen %s: relaxations %q", listen, rs)
		}
		a, err := New(t.Context(), cfg, Options{Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(a.Handler())
		for _, c := range []struct {
			path, host string
			refused    bool
		}{
			{"/metrics", "evil.example:8080", true},
			{"/readyz", "evil.example", true},
			{"/mcp", "evil.example:8080", true},
			{"/metrics", "127.0.0.1:8080", false},
			{"/metrics", "localhost:8080", false},
			{"/readyz", "[::1]:8080", false},
			{"/healthz", "evil.example", false}, // says nothing but "ok"
		} {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+c.path, nil)
			req.Host = c.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if refused := resp.StatusCode == http.StatusForbidden; refused != c.refused {
				t.Errorf("listen %s: GET %s with Host %s: %d, want refused=%v", listen, c.path, c.host, resp.StatusCode, c.refused)
			}
		}
		srv.Close()
		a.Close(context.Background())
	}
}

// With authentication on, /metrics asks for the same credential as the MCP
// endpoint: a listener other machines reach must not tell them which
// upstreams Warden fronts and how busy each is.
func TestMetricsNeedAuthentication(t *testing.T) {
	key := "wk_test_metrics_key"
	sum := sha256.Sum256([]byte(key))
	dir := t.TempDir()
	doc := "version: 1\ndata_dir: " + dir + "\nauth:\n  mode: api_key\n  api_keys: [{name: scraper, hash: \"sha256:" + hex.EncodeToString(sum[:]) + "\"}]\n" +
		"upstreams:\n  - name: up\n    url: http://127.0.0.1:1/mcp\n"
	if err := os.WriteFile(filepath.Join(dir, "w.yaml"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(dir, "w.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(t.Context(), cfg, Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(context.Background())
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	get := func(auth string) int {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get(""); code != http.StatusUnauthorized {
		t.Errorf("/metrics without a key: %d, want 401", code)
	}
	if code := get("Bearer wrong"); code != http.StatusUnauthorized {
		t.Errorf("/metrics with a wrong key: %d, want 401", code)
	}
	if code := get("Bearer " + key); code != http.StatusOK {
		t.Errorf("/metrics with the key: %d, want 200", code)
	}
}
