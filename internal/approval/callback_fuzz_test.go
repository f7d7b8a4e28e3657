package approval

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzSignedCallback: callbacks signed with the right secret, so the
// fuzzer reaches the body decoders (FuzzParseCallback rarely gets past
// the MAC). A callback decodes only to a decision with an approver; a
// Slack one only to approve or deny of one request by a named user. Any
// change to the body, the timestamp or the signature's version refuses it.
func FuzzSignedCallback(f *testing.F) {
	slackBody := func(payload string) []byte {
		return []byte("payload=" + strings.NewReplacer("%", "%25", "&", "%26", "+", "%2B", "=", "%3D").Replace(payload))
	}
	f.Add([]byte(`{"id":"a1","decision":"approve","approver":"alice","scope":"session"}`), false, int64(0))
	f.Add([]byte(`{"id":"a1","decision":"deny","approver":""}`), false, int64(0))
	f.Add([]byte(`{"id":"a1","decision":"approve","approver":"alice","extra":1}`), false, int64(0))
	f.Add([]byte(`{"id":"a1","APPROVER":"alice","approver":"","Decision":"approve"}`), false, int64(0))
	f.Add([]byte(`{"id":"a1","decision":"approve","approver":"alice"} {"approver":"mallory"}`), false, int64(0))
	f.Add(slackBody(`{"user":{"id":"U1","username":"alice"},"actions":[{"value":"approve:a1:once"}]}`), true, int64(0))
	f.Add(slackBody(`{"user":{"id":"U1"},"actions":[{"value":"deny:a1:x:y"}]}`), true, int64(-299))
	f.Add(slackBody(`{"user":{},"actions":[{"value":"approve:a1:once"}]}`), true, int64(0))
	f.Add(slackBody(`{"user":{"id":"U1"},"actions":[{"value":"approve:a1:once"},{"value":"deny:a1:once"}]}`), true, int64(301))
	f.Add([]byte("payload=%zz&payload=x"), true, int64(0))
	now := time.Unix(1_800_000_000, 0)
	const window = 5 * time.Minute
	f.Fuzz(func(t *testing.T, body []byte, slack bool, skew int64) {
		ts := now.Unix() + skew%1000
		h := http.Header{}
		if slack {
			h.Set(HeaderSlackTimestamp, strconv.FormatInt(ts, 10))
			h.Set(HeaderSlackSignature, "v0="+hex.EncodeToString(mac(secret, "v0", ts, body)))
		} else {
			h.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
			h.Set(HeaderSignature, Sign(secret, ts, body))
		}
		cb, sig, err := ParseCallback(secret, h, body, now, window)
		inWindow := now.Sub(time.Unix(ts, 0)).Abs() <= window
		if err == nil {
			if !inWindow {
				t.Fatalf("accepted a callback signed %ds from now", ts-now.Unix())
			}
			if sig == "" || cb.Approver == "" {
				t.Fatalf("accepted %q: signature %q, callback %+v", body, sig, cb)
			}
			if slack {
				if cb.Decision != "approve" && cb.Decision != "deny" || !strings.HasPrefix(cb.Approver, "slack:") ||
					cb.Approver == "slack:" || strings.Contains(cb.ID, ":") {
					t.Fatalf("Slack callback %q decoded to %+v", body, cb)
				}
			} else {
				var want Callback
				dec := json.NewDecoder(bytes.NewReader(body))
				dec.DisallowUnknownFields()
				if dec.Decode(&want) != nil || !reflect.DeepEqual(want, cb) {
					t.Fatalf("callback %q decoded to %+v, reference %+v", body, cb, want)
				}
			}
		}
		// A tampered body, a replayed-late timestamp or the other scheme's
		// signature version never verifies.
		tampered := append(bytes.Clone(body), ' ')
		if _, _, err := ParseCallback(secret, h, tampered, now, window); err == nil {
			t.Fatalf("accepted %q under the signature of %q", tampered, body)
		}
		if _, _, err := ParseCallback(secret, h, body, now.Add(2*window+1000*time.Second), window); err == nil {
			t.Fatalf("accepted %q after its window", body)
		}
		other := http.Header{}
		if slack {
			other.Set(HeaderTimestamp, h.Get(HeaderSlackTimestamp))
			other.Set(HeaderSignature, strings.Replace(h.Get(HeaderSlackSignature), "v0=", "v1=", 1))
		} else {
			other.Set(HeaderSlackTimestamp, h.Get(HeaderTimestamp))
			other.Set(HeaderSlackSignature, strings.Replace(h.Get(HeaderSignature), "v1=", "v0=", 1))
		}
		if _, _, err := ParseCallback(secret, other, body, now, window); err == nil {
			t.Fatalf("accepted %q with its signature relabelled as the other scheme's", body)
		}
	})
}

// FuzzSignatureHeaders: the header parsers accept only what they say and
// canonicalSignature is idempotent and agrees with ParseSignature.
func FuzzSignatureHeaders(f *testing.F) {
	for _, s := range []string{"v1=" + strings.Repeat("ab", 32), " v0=" + strings.Repeat("AB", 32) + " ", "v1=zz", "v2=" + strings.Repeat("00", 32),
		"v1=" + strings.Repeat("0", 63), "1800000000", "+1800000000", "-1", "0", "9223372036854775808", " 12 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if v, sum, err := ParseSignature(h); err == nil {
			if (v != "v0" && v != "v1") || len(sum) != 32 {
				t.Fatalf("ParseSignature(%q) = %q, %x", h, v, sum)
			}
			c := canonicalSignature(h)
			if c != v+"="+hex.EncodeToString(sum) || canonicalSignature(c) != c {
				t.Fatalf("canonicalSignature(%q) = %q", h, c)
			}
		} else if canonicalSignature(h) != h {
			t.Fatalf("canonicalSignature changed the unparseable %q", h)
		}
		if ts, err := ParseTimestamp(h); err == nil && ts <= 0 {
			t.Fatalf("ParseTimestamp(%q) = %d", h, ts)
		}
	})
}
