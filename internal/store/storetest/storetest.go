// Package storetest is the conformance suite every store.Store backend
// must pass. A backend's test calls Run with a factory for empty stores.
package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/store"
)

// Factory returns a new, empty store. The suite closes it; closing twice
// must be harmless.
type Factory func(t *testing.T) store.Store

// Run runs the conformance suite.
func Run(t *testing.T, newStore Factory) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"AuditEmptyHead", testAuditEmptyHead},
		{"AuditAppendScan", testAuditAppendScan},
		{"AuditRejects", testAuditRejects},
		{"AuditScanPages", testAuditScanPages},
		{"AuditConcurrentWriters", testAuditConcurrentWriters},
		{"KVBasics", testKVBasics},
		{"KVConditions", testKVConditions},
		{"KVList", testKVList},
		{"KVExpiry", testKVExpiry},
		{"KVFarExpiry", testKVFarExpiry},
		{"KVConcurrentCAS", testKVConcurrentCAS},
		{"Closed", testClosed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// Chain builds n records continuing head, hashing like the audit package
// would (the store does not care how).
func Chain(head store.AuditRecord, n int, tag string) []store.AuditRecord {
	recs := make([]store.AuditRecord, n)
	prev := head
	for i := range recs {
		seq := prev.Seq + 1
		data := []byte(fmt.Sprintf(`{"tag":%q,"seq":%d}`, tag, seq))
		h := sha256.Sum256(append(append([]byte{}, prev.Hash...), data...))
		recs[i] = store.AuditRecord{
			Seq:      seq,
			Time:     time.Unix(1_790_000_000, int64(seq)*1_000_001).UTC(),
			Data:     data,
			PrevHash: prev.Hash,
			Hash:     h[:],
		}
		prev = recs[i]
	}
	return recs
}

func scanAll(t *testing.T, s store.Store, from int64) []store.AuditRecord {
	t.Helper()
	var got []store.AuditRecord
	if err := s.ScanAudit(ctx(t), from, func(r store.AuditRecord) error {
		got = append(got, r)
		return nil
	}); err != nil {
		t.Fatalf("ScanAudit(%d): %v", from, err)
	}
	return got
}

func sameRecord(a, b store.AuditRecord) bool {
	return a.Seq == b.Seq && a.Time.Equal(b.Time) && bytes.Equal(a.Data, b.Data) &&
		bytes.Equal(a.PrevHash, b.PrevHash) && bytes.Equal(a.Hash, b.Hash)
}

func testAuditEmptyHead(t *testing.T, s store.Store) {
	h, err := s.AuditHead(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if h.Seq != 0 || h.Hash != nil {
		t.Fatalf("empty head = %+v, want zero", h)
	}
	if got := scanAll(t, s, 1); len(got) != 0 {
		t.Fatalf("scan of empty chain returned %d records", len(got))
	}
}

func testAuditAppendScan(t *testing.T, s store.Store) {
	c := ctx(t)
	recs := Chain(store.AuditRecord{}, 4, "a")
	if err := s.AppendAudit(c, recs[0]); err != nil {
		t.Fatalf("append first: %v", err)
	}
	if err := s.AppendAudit(c, recs[1:]...); err != nil {
		t.Fatalf("append batch: %v", err)
	}
	h, err := s.AuditHead(c)
	if err != nil {
		t.Fatal(err)
	}
	if !sameRecord(h, recs[3]) {
		t.Fatalf("head = %+v, want %+v", h, recs[3])
	}
	if h.Time.Location() != time.UTC || h.Time.Nanosecond() != recs[3].Time.Nanosecond() {
		t.Fatalf("time not round-tripped in UTC with ns precision: %v vs %v", h.Time, recs[3].Time)
	}
	for _, from := range []int64{-5, 0, 1, 3, 4, 5, 100} {
		got := scanAll(t, s, from)
		want := recs[max(0, min(int(from)-1, len(recs))):]
		if from <= 0 {
			want = recs
		}
		if len(got) != len(want) {
			t.Fatalf("scan from %d: %d records, want %d", from, len(got), len(want))
		}
		for i := range got {
			if !sameRecord(got[i], want[i]) {
				t.Fatalf("scan from %d: record %d = %+v, want %+v", from, i, got[i], want[i])
			}
		}
	}
	if got := scanAll(t, s, 1); got[0].PrevHash != nil {
		t.Fatalf("first record PrevHash = %x, want nil", got[0].PrevHash)
	}
	stop := errors.New("stop")
	n := 0
	err = s.ScanAudit(c, 1, func(store.AuditRecord) error {
		n++
		// Calling the store from fn must not deadlock.
		if _, err := s.AuditHead(c); err != nil {
			return err
		}
		return stop
	})
	if err != stop || n != 1 {
		t.Fatalf("ScanAudit with failing fn: err=%v n=%d, want stop after 1", err, n)
	}
}

func testAuditRejects(t *testing.T, s store.Store) {
	c := ctx(t)
	base := Chain(store.AuditRecord{}, 2, "base")
	if err := s.AppendAudit(c, base...); err != nil {
		t.Fatal(err)
	}
	head := base[1]
	good := Chain(head, 3, "good")
	badLink := Chain(head, 3, "badlink")
	badLink[2].PrevHash = []byte("nope")
	noHash := Chain(head, 1, "nohash")
	noHash[0].Hash = nil
	noTime := Chain(head, 1, "notime")
	noTime[0].Time = time.Time{}
	// A time beyond what int64 nanoseconds hold would be stored wrapped
	// around, and the record would then fail verification forever.
	farTime := Chain(head, 1, "fartime")
	farTime[0].Time = time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		recs     []store.AuditRecord
		conflict bool
	}{
		{"empty", nil, false},
		{"replay of seq 2", base[1:], true},
		{"gap", good[1:], true},
		{"fork: right seq, wrong prev", Chain(base[0], 1, "fork"), true},
		{"fresh chain on non-empty store", Chain(store.AuditRecord{}, 1, "fresh"), true},
		{"broken link inside batch", badLink, false},
		{"no hash", noHash, false},
		{"no time", noTime, false},
		{"time beyond int64 nanoseconds", farTime, false},
	}
	for _, tt := range tests {
		err := s.AppendAudit(c, tt.recs...)
		if err == nil {
			t.Fatalf("%s: AppendAudit succeeded", tt.name)
		}
		var ce *store.ChainConflictError
		if tt.conflict {
			if !errors.Is(err, store.ErrConflict) || !errors.As(err, &ce) {
				t.Fatalf("%s: err = %v, want ChainConflictError", tt.name, err)
			}
			if ce.HeadSeq != 2 || !bytes.Equal(ce.HeadHash, head.Hash) {
				t.Fatalf("%s: conflict reports head %d %x, want 2 %x", tt.name, ce.HeadSeq, ce.HeadHash, head.Hash)
			}
		} else if !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("%s: err = %v, want ErrInvalid", tt.name, err)
		}
	}
	// Nothing of the rejected batches was written, not even their valid prefix.
	if got := scanAll(t, s, 1); len(got) != 2 {
		t.Fatalf("after rejected appends: %d records, want 2", len(got))
	}
	if err := s.AppendAudit(c, good...); err != nil {
		t.Fatalf("append after rejections: %v", err)
	}
}

func testAuditScanPages(t *testing.T, s store.Store) {
	c := ctx(t)
	const total = 1234 // spans several pages and insert chunks
	recs := Chain(store.AuditRecord{}, total, "p")
	if err := s.AppendAudit(c, recs[:1000]...); err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAudit(c, recs[1000:]...); err != nil {
		t.Fatal(err)
	}
	got := scanAll(t, s, 1)
	if len(got) != total {
		t.Fatalf("scanned %d, want %d", len(got), total)
	}
	for i := range got {
		if !sameRecord(got[i], recs[i]) {
			t.Fatalf("record %d differs", i)
		}
	}
	if got := scanAll(t, s, 777); len(got) != total-776 || got[0].Seq != 777 {
		t.Fatalf("scan from 777: %d records starting %d", len(got), got[0].Seq)
	}
}

// Several writers race to extend the chain; each retries on conflict. The
// stored chain must come out linear: no fork, no lost or duplicate record.
func testAuditConcurrentWriters(t *testing.T, s store.Store) {
	c := ctx(t)
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				for attempt := 0; ; attempt++ {
					if attempt > 1000 {
						errs <- fmt.Errorf("writer %d: too many conflicts", w)
						return
					}
					h, err := s.AuditHead(c)
					if err != nil {
						errs <- err
						return
					}
					err = s.AppendAudit(c, Chain(h, 1, fmt.Sprintf("w%d-%d", w, i))...)
					if errors.Is(err, store.ErrConflict) {
						continue
					}
					if err != nil {
						errs <- err
						return
					}
					break
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got := scanAll(t, s, 1)
	if len(got) != writers*each {
		t.Fatalf("%d records, want %d", len(got), writers*each)
	}
	var prev store.AuditRecord
	for _, r := range got {
		if r.Seq != prev.Seq+1 || !bytes.Equal(r.PrevHash, prev.Hash) {
			t.Fatalf("chain broken at seq %d", r.Seq)
		}
		prev = r
	}
}

func testKVBasics(t *testing.T, s store.Store) {
	c := ctx(t)
	if _, err := s.Get(c, "ns", "k"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get missing: %v, want ErrNotFound", err)
	}
	v1, err := s.Put(c, "ns", "k", []byte("one"), store.PutOptions{})
	if err != nil || v1 == 0 {
		t.Fatalf("Put: v=%d err=%v", v1, err)
	}
	it, err := s.Get(c, "ns", "k")
	if err != nil || string(it.Value) != "one" || it.Version != v1 || it.Key != "k" || !it.ExpiresAt.IsZero() {
		t.Fatalf("Get = %+v, %v", it, err)
	}
	v2, err := s.Put(c, "ns", "k", []byte("two"), store.PutOptions{})
	if err != nil || v2 <= v1 {
		t.Fatalf("second Put: v=%d (prev %d) err=%v", v2, v1, err)
	}
	if _, err := s.Get(c, "other", "k"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("namespaces not isolated: %v", err)
	}
	// Empty and binary values round-trip.
	bin := []byte{0, 1, 0xff, 0}
	for _, val := range [][]byte{nil, {}, bin} {
		if _, err := s.Put(c, "ns", "bin", val, store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		it, err := s.Get(c, "ns", "bin")
		if err != nil || !bytes.Equal(it.Value, val) {
			t.Fatalf("value %x round-tripped as %x (%v)", val, it.Value, err)
		}
	}
	if err := s.Delete(c, "ns", "k", 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(c, "ns", "k", 0); err != nil {
		t.Fatalf("unconditional delete of absent key: %v", err)
	}
	if _, err := s.Get(c, "ns", "k"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get after Delete: %v", err)
	}
	for _, k := range [][2]string{{"", "k"}, {"ns", ""}, {"ns", "a\xff"}, {"n\x00s", "k"}, {"ns", "k\x00"}} {
		if _, err := s.Put(c, k[0], k[1], nil, store.PutOptions{}); !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("Put(%q,%q): %v, want ErrInvalid", k[0], k[1], err)
		}
		if _, err := s.Get(c, k[0], k[1]); !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("Get(%q,%q): %v, want ErrInvalid", k[0], k[1], err)
		}
	}
}

func testKVConditions(t *testing.T, s store.Store) {
	c := ctx(t)
	v1, err := s.Put(c, "pins", "srv/tool", []byte("h1"), store.PutOptions{IfAbsent: true})
	if err != nil {
		t.Fatalf("IfAbsent on absent: %v", err)
	}
	steps := []struct {
		name    string
		do      func() error
		wantErr error
	}{
		{"IfAbsent on existing", func() error {
			_, err := s.Put(c, "pins", "srv/tool", []byte("x"), store.PutOptions{IfAbsent: true})
			return err
		}, store.ErrConflict},
		{"IfVersion stale", func() error {
			_, err := s.Put(c, "pins", "srv/tool", []byte("x"), store.PutOptions{IfVersion: v1 + 1000})
			return err
		}, store.ErrConflict},
		{"IfVersion on absent", func() error {
			_, err := s.Put(c, "pins", "nope", []byte("x"), store.PutOptions{IfVersion: v1})
			return err
		}, store.ErrConflict},
		{"both conditions", func() error {
			_, err := s.Put(c, "pins", "srv/tool", []byte("x"), store.PutOptions{IfVersion: v1, IfAbsent: true})
			return err
		}, store.ErrInvalid},
		{"negative TTL", func() error {
			_, err := s.Put(c, "pins", "srv/tool", []byte("x"), store.PutOptions{TTL: -time.Second})
			return err
		}, store.ErrInvalid},
		{"Delete stale version", func() error { return s.Delete(c, "pins", "srv/tool", v1+1000) }, store.ErrConflict},
		{"Delete absent with version", func() error { return s.Delete(c, "pins", "nope", v1) }, store.ErrConflict},
	}
	for _, st := range steps {
		if err := st.do(); !errors.Is(err, st.wantErr) {
			t.Fatalf("%s: err = %v, want %v", st.name, err, st.wantErr)
		}
	}
	if it, _ := s.Get(c, "pins", "srv/tool"); string(it.Value) != "h1" || it.Version != v1 {
		t.Fatalf("failed conditions changed the entry: %+v", it)
	}
	v2, err := s.Put(c, "pins", "srv/tool", []byte("h2"), store.PutOptions{IfVersion: v1})
	if err != nil || v2 == v1 {
		t.Fatalf("IfVersion current: v=%d err=%v", v2, err)
	}
	if _, err := s.Put(c, "pins", "srv/tool", []byte("h3"), store.PutOptions{IfVersion: v1}); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second writer with the same old version: %v, want ErrConflict", err)
	}
	// Versions are never reused: a stale version must not match an entry
	// that was deleted and recreated (ABA).
	if err := s.Delete(c, "pins", "srv/tool", v2); err != nil {
		t.Fatalf("Delete current version: %v", err)
	}
	v3, err := s.Put(c, "pins", "srv/tool", []byte("h4"), store.PutOptions{IfAbsent: true})
	if err != nil {
		t.Fatal(err)
	}
	if v3 == v1 || v3 == v2 {
		t.Fatalf("version %d reused", v3)
	}
	if _, err := s.Put(c, "pins", "srv/tool", nil, store.PutOptions{IfVersion: v2}); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("ABA: stale version matched recreated entry: %v", err)
	}
}

func testKVList(t *testing.T, s store.Store) {
	c := ctx(t)
	const top = "\U0010FFFF"
	keys := []string{"a", "a/1", "a/2", "ab", "aé", "a" + top, "b", top + top} // bytewise order
	for _, k := range keys {
		if _, err := s.Put(c, "l", k, []byte(k), store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Put(c, "l2", "a/3", nil, store.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		prefix string
		want   []string
	}{
		{"", keys},
		{"a", []string{"a", "a/1", "a/2", "ab", "aé", "a" + top}},
		{"a/", []string{"a/1", "a/2"}},
		{"a" + top, []string{"a" + top}},
		{top, []string{top + top}},
		{"c", nil},
	}
	for _, tt := range tests {
		items, err := s.List(c, "l", tt.prefix)
		if err != nil {
			t.Fatalf("List(%q): %v", tt.prefix, err)
		}
		var got []string
		for _, it := range items {
			if string(it.Value) != it.Key || it.Version == 0 {
				t.Fatalf("List(%q): bad item %+v", tt.prefix, it)
			}
			got = append(got, it.Key)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Fatalf("List(%q) = %q, want %q", tt.prefix, got, tt.want)
		}
	}
	if _, err := s.List(c, "", ""); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("List with empty namespace: %v", err)
	}
	if _, err := s.List(c, "l", "a\xff"); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("List with invalid UTF-8 prefix: %v", err)
	}
}

func testKVExpiry(t *testing.T, s store.Store) {
	c := ctx(t)
	const ttl = 150 * time.Millisecond
	before := time.Now()
	v, err := s.Put(c, "tok", "short", []byte("x"), store.PutOptions{TTL: ttl})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(c, "tok", "long", []byte("y"), store.PutOptions{TTL: time.Hour}); err != nil {
		t.Fatal(err)
	}
	it, err := s.Get(c, "tok", "short")
	if err != nil {
		t.Fatalf("Get before expiry: %v", err)
	}
	if it.ExpiresAt.Before(before.Add(ttl)) || it.ExpiresAt.After(time.Now().Add(ttl)) {
		t.Fatalf("ExpiresAt %v not within the write window + ttl", it.ExpiresAt)
	}
	time.Sleep(ttl + 100*time.Millisecond)
	if _, err := s.Get(c, "tok", "short"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get after expiry: %v, want ErrNotFound", err)
	}
	if items, err := s.List(c, "tok", ""); err != nil || len(items) != 1 || items[0].Key != "long" {
		t.Fatalf("List after expiry = %+v, %v", items, err)
	}
	if _, err := s.Put(c, "tok", "short", nil, store.PutOptions{IfVersion: v}); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("IfVersion on expired entry: %v, want ErrConflict", err)
	}
	if err := s.Delete(c, "tok", "short", v); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("Delete with version of expired entry: %v, want ErrConflict", err)
	}
	n, err := s.DeleteExpired(c)
	if err != nil || n != 1 {
		t.Fatalf("DeleteExpired = %d, %v; want 1", n, err)
	}
	if _, err := s.Put(c, "tok", "short2", []byte("x"), store.PutOptions{TTL: ttl}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(ttl + 100*time.Millisecond)
	if _, err := s.Put(c, "tok", "short2", []byte("new"), store.PutOptions{IfAbsent: true}); err != nil {
		t.Fatalf("IfAbsent over expired entry: %v", err)
	}
	if it, err := s.Get(c, "tok", "short2"); err != nil || string(it.Value) != "new" || !it.ExpiresAt.IsZero() {
		t.Fatalf("recreated entry = %+v, %v", it, err)
	}
}

// A TTL whose expiry lies past what int64 nanoseconds can hold (about
// 2262) must keep the entry, not wrap around into the past and make it
// vanish the moment it is written.
func testKVFarExpiry(t *testing.T, s store.Store) {
	c := ctx(t)
	const far = 250 * 365 * 24 * time.Hour
	for _, opts := range []store.PutOptions{{TTL: far}, {TTL: time.Duration(1<<63 - 1)}, {TTL: far, IfAbsent: true}} {
		key := fmt.Sprintf("k%d-%v", opts.TTL, opts.IfAbsent)
		if _, err := s.Put(c, "far", key, []byte("x"), opts); err != nil {
			t.Fatalf("Put(TTL %v): %v", opts.TTL, err)
		}
		it, err := s.Get(c, "far", key)
		if err != nil {
			t.Fatalf("Get after Put(TTL %v): %v", opts.TTL, err)
		}
		if !it.ExpiresAt.After(time.Now().Add(200 * 365 * 24 * time.Hour)) {
			t.Fatalf("TTL %v: ExpiresAt = %v, want far in the future", opts.TTL, it.ExpiresAt)
		}
	}
	if n, err := s.DeleteExpired(c); err != nil || n != 0 {
		t.Fatalf("DeleteExpired = %d, %v; want 0 (nothing has expired)", n, err)
	}
}

// Concurrent read-modify-write with IfVersion loses no update.
func testKVConcurrentCAS(t *testing.T, s store.Store) {
	c := ctx(t)
	const workers, each = 4, 10
	if _, err := s.Put(c, "n", "counter", []byte("0"), store.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				for attempt := 0; ; attempt++ {
					if attempt > 1000 {
						errs <- errors.New("too many conflicts")
						return
					}
					it, err := s.Get(c, "n", "counter")
					if err != nil {
						errs <- err
						return
					}
					n, _ := strconv.Atoi(string(it.Value))
					_, err = s.Put(c, "n", "counter", []byte(strconv.Itoa(n+1)), store.PutOptions{IfVersion: it.Version})
					if errors.Is(err, store.ErrConflict) {
						continue
					}
					if err != nil {
						errs <- err
						return
					}
					break
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	it, err := s.Get(c, "n", "counter")
	if err != nil || string(it.Value) != strconv.Itoa(workers*each) {
		t.Fatalf("counter = %q, %v; want %d", it.Value, err, workers*each)
	}
}

func testClosed(t *testing.T, s store.Store) {
	c := ctx(t)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	calls := map[string]func() error{
		"AppendAudit": func() error { return s.AppendAudit(c, Chain(store.AuditRecord{}, 1, "x")...) },
		"AuditHead":   func() error { _, err := s.AuditHead(c); return err },
		"ScanAudit":   func() error { return s.ScanAudit(c, 1, func(store.AuditRecord) error { return nil }) },
		"Get":         func() error { _, err := s.Get(c, "a", "b"); return err },
		"Put":         func() error { _, err := s.Put(c, "a", "b", nil, store.PutOptions{}); return err },
		"Delete":      func() error { return s.Delete(c, "a", "b", 0) },
		"List":        func() error { _, err := s.List(c, "a", ""); return err },
		"DeleteExpired": func() error {
			_, err := s.DeleteExpired(c)
			return err
		},
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, store.ErrClosed) {
			t.Errorf("%s after Close: %v, want ErrClosed", name, err)
		}
	}
}
