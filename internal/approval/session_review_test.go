package approval

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A callback's signature is accepted once however its header spells it:
// ParseSignature takes hex digits in either case and surrounding spaces,
// so the replay record must be kept under one spelling, or a captured
// callback replays as a "new" one (refused today only because each
// request is decided once).
func TestWebhookReplayInAnotherSpelling(t *testing.T) {
	ctx := context.Background()
	b := NewBroker(openStore(t), Options{Webhook: Webhook{Secret: secret}}, nil)
	srv := adminServer(t, b, "")
	post := func(body []byte, ts int64, sig string) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/admin/approvals/webhook", bytes.NewReader(body))
		req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
		req.Header.Set(HeaderSignature, sig)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(out)
	}
	id, err := b.Submit(ctx, sample())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().Unix()
	body := []byte(`{"id":"` + id + `","decision":"deny","approver":"U1"}`)
	sig := Sign(secret, now, body)
	if status, out := post(body, now, sig); status != http.StatusOK {
		t.Fatalf("first callback: %d %s", status, out)
	}
	for _, variant := range []string{sig, "v1=" + strings.ToUpper(strings.TrimPrefix(sig, "v1=")), "  " + sig + " "} {
		status, out := post(body, now, variant)
		if status != http.StatusConflict || !strings.Contains(out, "replayed") {
			t.Errorf("replay as %q: %d %s, want 409 replayed", variant, status, strings.TrimSpace(out))
		}
	}
}
