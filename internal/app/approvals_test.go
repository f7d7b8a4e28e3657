package app

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/detect/secrets"
)

// The approvals API is mounted behind the admin protection, and the chat
// callback on the public listener only when a webhook secret is set, where
// it refuses anything not signed with that secret.
func TestApprovalEndpoints(t *testing.T) {
	for _, withSecret := range []bool{false, true} {
		t.Run(fmt.Sprint("secret=", withSecret), func(t *testing.T) {
			dir := t.TempDir()
			doc := "version: 1\ndata_dir: data\nupstreams:\n  - name: up\n    url: http://127.0.0.1:1/mcp\n"
			if withSecret {
				t.Setenv("WARDEN_TEST_WEBHOOK_SECRET", "0123456789abcdef0123456789abcdef")
				doc += "guards:\n  flow:\n    approval:\n      webhook:\n        url: http://127.0.0.1:1/hook\n        secret: ${env:WARDEN_TEST_WEBHOOK_SECRET}\n"
			}
			_, srv := newFileApp(t, dir, doc)

			resp, err := http.Get(srv.URL + "/admin/approvals")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET /admin/approvals from loopback: %d", resp.StatusCode)
			}

			body := `{"id":"nope","decision":"approve","approver":"ann"}`
			post := func(sign string) int {
				req, _ := http.NewRequest(http.MethodPost, srv.URL+"/webhooks/approvals", strings.NewReader(body))
				ts := fmt.Sprint(time.Now().Unix())
				mac := hmac.New(sha256.New, []byte(sign))
				mac.Write([]byte("v1:" + ts + ":" + body))
				req.Header.Set("X-Warden-Timestamp", ts)
				req.Header.Set("X-Warden-Signature", "v1="+hex.EncodeToString(mac.Sum(nil)))
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				return resp.StatusCode
			}
			if !withSecret {
				if code := post("anything"); code != http.StatusNotFound {
					t.Fatalf("callback without a configured secret: %d, want 404", code)
				}
				return
			}
			if code := post("the wrong secret, also long enough"); code != http.StatusUnauthorized {
				t.Fatalf("callback signed with the wrong secret: %d, want 401", code)
			}
			// Signed correctly, for an approval that does not exist: refused,
			// but past the signature check.
			if code := post("0123456789abcdef0123456789abcdef"); code == http.StatusUnauthorized || code < 400 {
				t.Fatalf("signed callback for an unknown approval: %d", code)
			}
		})
	}
}

// Approval requests are masked with the secrets guard as configured: a
// token only the rules_file knows is masked, and after a reload that turns
// the guard off the built-in rules still mask what they know.
func TestApprovalMaskFollowsSecretsGuard(t *testing.T) {
	dir := t.TempDir()
	// An in-house voucher code: no built-in rule knows the shape.
	rules := "[[rules]]\nid = \"acme-voucher\"\nregex = '''INV [0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{4}'''\nkeywords = [\"inv \"]\n"
	if err := os.WriteFile(filepath.Join(dir, "extra.toml"), []byte(rules), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "warden.yaml")
	write := func(secretsBlock string) {
		doc := "version: 1\ndata_dir: data\nupstreams:\n  - name: up\n    url: http://127.0.0.1:1/mcp\nguards:\n  secrets:\n" + secretsBlock
		if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("    rules_file: extra.toml\n")
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ConfigPath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(context.Background())

	custom := "INV 4471-2290-8812-5530"
	body := "Zx8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6"
	builtin := "ghp_" + body + secrets.GitHubChecksum(body)
	found := func(text string) bool { return len(a.deps.mask.Scan("see "+text+" in the ticket")) > 0 }
	if !found(custom) || !found(builtin) {
		t.Fatalf("with the guard's rules_file: custom %v, built-in %v; want both found", found(custom), found(builtin))
	}
	write("    enabled: false\n")
	if _, err := a.reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	if found(custom) || !found(builtin) {
		t.Fatalf("guard off: custom %v (want false), built-in %v (want true)", found(custom), found(builtin))
	}
}

// newFileApp writes doc as dir/warden.yaml, builds the App from it (as
// `warden serve --config` does) and serves its handler on loopback; both
// close when the test ends.
func newFileApp(t *testing.T, dir, doc string) (*App, *httptest.Server) {
	t.Helper()
	path := filepath.Join(dir, "warden.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close(context.Background()) })
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(srv.Close)
	return a, srv
}
