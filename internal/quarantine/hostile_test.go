package quarantine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/store"
)

// TestPutQuotaPerServer: a server that makes every result look like an
// injection could fill the store; past MaxPerHour its entries are refused
// (the guard then withholds without keeping), other servers are not
// affected, and the count starts again the next hour.
func TestPutQuotaPerServer(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	qs := &Store{KV: openKV(t), MaxPerHour: 3, Now: func() time.Time { return now }}
	put := func(server string) error {
		e := sample()
		e.Server = server
		_, err := qs.Put(ctx, e)
		return err
	}
	for i := range 3 {
		if err := put("hostile"); err != nil {
			t.Fatalf("put %d: %v", i, err)
		}
	}
	if err := put("hostile"); !errors.Is(err, ErrQuota) {
		t.Fatalf("4th put: %v, want ErrQuota", err)
	}
	if err := put("helpdesk"); err != nil {
		t.Fatalf("other server: %v", err)
	}
	now = now.Add(time.Hour)
	if err := put("hostile"); err != nil {
		t.Fatalf("next hour: %v", err)
	}
	es, err := qs.List(ctx)
	if err != nil || len(es) != 5 {
		t.Fatalf("entries %d, %v (the counters must not show up as entries)", len(es), err)
	}
	unbounded := &Store{KV: qs.KV, MaxPerHour: -1, Now: qs.Now}
	for range 5 {
		e := sample()
		e.Server = "hostile"
		if _, err := unbounded.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIDsAndDigestsAreChecked: only ids Put made name entries, and revoking
// a digest that is not allowlisted says so instead of printing "revoked".
func TestIDsAndDigestsAreChecked(t *testing.T) {
	ctx := context.Background()
	kv := openKV(t)
	qs := &Store{KV: kv}
	e, err := qs.Put(ctx, sample())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"", "../allow/sha256:abc", e.ID + "/x", "q/" + e.ID, strings.ToUpper(e.ID)} {
		if _, err := qs.Get(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get(%q) = %v, want not found", id, err)
		}
		if _, err := qs.Release(ctx, id, "eve"); err == nil {
			t.Errorf("Release(%q) succeeded", id)
		}
	}
	if err := qs.Revoke(ctx, "sha256:typo"); err == nil || !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoking an unknown digest: %v", err)
	}
	var out, errb bytes.Buffer
	if code := RunCLI(ctx, kv, []string{"revoke", "sha256:typo"}, &out, &errb); code != 1 || strings.Contains(out.String(), "revoked") {
		t.Errorf("CLI revoke of an unknown digest: exit %d, %q %q", code, out.String(), errb.String())
	}
}

// TestCLIKeepsPeerFieldsInert: the method of a server request, the session
// id and the principal come from peers; show, list and release printed
// them raw.
func TestCLIKeepsPeerFieldsInert(t *testing.T) {
	ctx := context.Background()
	kv := openKV(t)
	qs := &Store{KV: kv}
	e := sample()
	e.Method = "sampling/createMessage\x1b]52;c;ZXZpbA==\a"
	e.Session = "s\u202eevil"
	e.Principal = "alice\n[released] by admin"
	e.Name = "tool\u2066hidden\u2069"
	e.Content = json.RawMessage("{\"text\":\"a\u202eb\"}")
	e, err := qs.Put(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show", e.ID}, {"show", e.ID, "--json"}, {"list"}, {"list", "--json"}, {"release", e.ID, "--by", "bob\x1b[2J"}, {"allowlist"}} {
		var out, errb bytes.Buffer
		if code := RunCLI(ctx, kv, args, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		for _, bad := range []string{"\x1b", "\a", "\u202e", "\u2066", "\n[released]"} {
			if strings.Contains(out.String(), bad) {
				t.Errorf("%v: output contains %q:\n%s", args, bad, out.String())
			}
		}
	}
}
