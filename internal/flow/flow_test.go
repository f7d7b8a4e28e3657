package flow

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestTrackerFacts(t *testing.T) {
	tr := New(Options{})
	tr.Touch("s:1", PrivateData)
	tr.Touch("s:1", UntrustedInput, PrivateData)
	tr.Ingest("s:1", "helpdesk/read_ticket", true)
	tr.SawSecrets("s:1", "sha256:aa", "sha256:bb", "sha256:aa")
	f := tr.Get("s:1")
	if !f.Has(PrivateData) || !f.Has(UntrustedInput) || f.Has(ExternalSink) {
		t.Fatalf("labels = %v", f.Labels)
	}
	if len(f.Labels) != 2 || f.Labels[0] != PrivateData {
		t.Fatalf("labels not a sorted set: %v", f.Labels)
	}
	if !f.Untrusted || !f.Flagged || len(f.Sources) != 1 {
		t.Fatalf("untrusted facts = %+v", f)
	}
	if !f.HasSecret("sha256:bb") || len(f.Secrets) != 2 {
		t.Fatalf("secrets = %v", f.Secrets)
	}
	if g := tr.Get("s:2"); g.Untrusted || len(g.Labels) != 0 {
		t.Fatalf("another session sees facts: %+v", g)
	}
	// Get returns a copy.
	f.Labels[0] = "x"
	if tr.Get("s:1").Labels[0] != PrivateData {
		t.Fatal("Get leaked internal state")
	}
	tr.Forget("s:1")
	if tr.Get("s:1").Untrusted {
		t.Fatal("Forget kept facts")
	}
}

func TestTrackerWindowAndBounds(t *testing.T) {
	now := time.Unix(1000, 0)
	tr := New(Options{Window: time.Minute, MaxKeys: 3, Now: func() time.Time { return now }})
	tr.Touch("a", ExternalSink)
	now = now.Add(2 * time.Minute)
	if tr.Get("a").Has(ExternalSink) {
		t.Fatal("facts outlived the window")
	}
	tr.Touch("a", PrivateData)
	if f := tr.Get("a"); f.Has(ExternalSink) || !f.Has(PrivateData) {
		t.Fatalf("expired facts came back: %v", f.Labels)
	}
	for i := range 10 {
		now = now.Add(time.Second)
		tr.Touch(fmt.Sprint("k", i), PrivateData)
	}
	if n := tr.Len(); n > 3 {
		t.Fatalf("tracker holds %d keys, max 3", n)
	}
	if !tr.Get("k9").Has(PrivateData) {
		t.Fatal("newest key evicted")
	}
	for i := range maxSecrets + 10 {
		tr.SawSecrets("k9", fmt.Sprint("sha256:", i))
	}
	f := tr.Get("k9")
	if len(f.Secrets) != maxSecrets || f.HasSecret("sha256:0") || !f.HasSecret(fmt.Sprint("sha256:", maxSecrets+9)) {
		t.Fatalf("secret bound: %d kept", len(f.Secrets))
	}
	for i := range maxSources + 4 {
		tr.Ingest("k9", fmt.Sprint("src", i), false)
	}
	if f := tr.Get("k9"); len(f.Sources) != maxSources || f.Flagged {
		t.Fatalf("sources = %d, flagged = %v", len(f.Sources), f.Flagged)
	}
}

func TestTrackerConcurrent(t *testing.T) {
	tr := New(Options{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 200 {
				k := fmt.Sprint("s", j%5)
				tr.Touch(k, KnownLabels()[(i+j)%4])
				tr.Ingest(k, "x", j%2 == 0)
				tr.SawSecrets(k, fmt.Sprint(j))
				_ = tr.Get(k)
			}
		})
	}
	wg.Wait()
	if f := tr.Get("s0"); len(f.Labels) != 4 || !f.Untrusted {
		t.Fatalf("facts = %+v", f)
	}
}
