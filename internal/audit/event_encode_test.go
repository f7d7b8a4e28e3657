package audit

import (
	"bytes"
	"testing"
	"time"
)

func sampleEvents() []Event {
	t0 := time.Date(2026, 11, 26, 15, 4, 5, 123456789, time.UTC)
	return []Event{
		{Time: t0, Kind: KindDecision},
		{Time: t0, Kind: KindDecision, Principal: "https://idp|alice", Client: ClientInfo{Name: "claude", Version: "1.2"},
			Session: "s1", Server: "db", Method: "tools/call", Tool: "query", ArgsDigest: "abc", Verdict: VerdictDeny,
			Guard: "policy", Reason: `refused: <script>&"quotes"` + "\n\t\u2028 é 日本", Latency: 1500 * time.Microsecond,
			Details: map[string]any{"z": 1, "a": []any{"x", 2.5, nil, true}, "m": map[string]any{"b": "<", "a": 1e21}}},
		{Time: t0, Kind: KindSession, Client: ClientInfo{Version: "only"}},
		{Time: t0, Kind: KindSession, Client: ClientInfo{Name: "only"}, Latency: -5},
		{Time: t0, Kind: KindError, Details: map[string]any{}},
		{Time: t0, Kind: KindError, Reason: "bad \xff byte"},
		{Time: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Kind: KindError},
		{Time: t0, Kind: KindError, Details: map[string]any{"f": func() {}}},
	}
}

// The direct encoder must produce exactly the reference bytes, or decline.
func TestAppendCanonicalMatchesReference(t *testing.T) {
	for i, ev := range sampleEvents() {
		want, wantErr := ev.encodeSlow()
		got, err := ev.encode(time.Now)
		if (err != nil) != (wantErr != nil) || !bytes.Equal(got, want) {
			t.Errorf("event %d:\n got %s (%v)\nwant %s (%v)", i, got, err, want, wantErr)
		}
	}
	if _, ok := (&Event{Time: time.Now(), Kind: KindError, Reason: "\xff"}).appendCanonical(nil); ok {
		t.Error("invalid UTF-8 must go to the reference encoder")
	}
}

func FuzzAppendCanonical(f *testing.F) {
	f.Add("alice", "tools/call", "reason <&>", "k", "v", int64(5), int64(0))
	f.Add("\xff", "", "\u2028", "", "", int64(0), int64(-1))
	f.Fuzz(func(t *testing.T, principal, method, reason, dk, dv string, lat, nanos int64) {
		ev := Event{Time: time.Unix(1_700_000_000, nanos%1e9).UTC(), Kind: KindDecision, Principal: principal,
			Method: method, Reason: reason, Latency: time.Duration(lat), Client: ClientInfo{Name: dk}}
		if dk != "" {
			ev.Details = map[string]any{dk: dv, "n": lat}
		}
		want, wantErr := ev.encodeSlow()
		if got, ok := ev.appendCanonical(nil); ok && (wantErr != nil || !bytes.Equal(got, want)) {
			t.Errorf("got %s, reference %s (%v)", got, want, wantErr)
		}
	})
}

func BenchmarkEventEncode(b *testing.B) {
	ev := sampleEvents()[1]
	ev.Details = nil
	b.Run("direct", func(b *testing.B) {
		for b.Loop() {
			if _, ok := ev.appendCanonical(nil); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		for b.Loop() {
			if _, err := ev.encodeSlow(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
