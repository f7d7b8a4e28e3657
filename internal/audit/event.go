// Package audit is Warden's tamper-evident audit log: events are
// canonicalised, hash-chained, committed to a store.AuditStore with group
// commit, optionally mirrored as JSON lines, and verified or tailed later.
package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/store"
)

// Kind says what an event is about.
type Kind string

// Event kinds.
const (
	KindDecision Kind = "decision" // a guard verdict on a message
	KindSession  Kind = "session"  // session opened, bound, closed
	KindUpstream Kind = "upstream" // upstream started, failed, tool list changed
	KindConfig   Kind = "config"   // configuration loaded or reloaded
	KindAuth     Kind = "auth"     // authentication success or failure
	KindApproval Kind = "approval" // a held call approved, denied or expired
	KindError    Kind = "error"    // a failure that affected a request
)

// Verdict is the outcome recorded for a decision.
type Verdict string

// Verdicts.
const (
	VerdictAllow  Verdict = "allow"
	VerdictDeny   Verdict = "deny"
	VerdictModify Verdict = "modify"
	VerdictHold   Verdict = "hold"
	VerdictError  Verdict = "error"
)

// ClientInfo identifies the MCP client from its initialize request.
type ClientInfo struct {
	Name    string `json:"name,omitempty"`
	Version string `json:"version,omitempty"`
}

// Event is one audited occurrence. Only Kind is required; Time defaults to
// the moment Record is called.
type Event struct {
	Time       time.Time      `json:"time"`
	Kind       Kind           `json:"kind"`
	Principal  string         `json:"principal,omitempty"` // "issuer|subject" or an API key name
	Client     ClientInfo     `json:"client,omitzero"`
	Session    string         `json:"session,omitempty"`
	Server     string         `json:"server,omitempty"` // upstream name
	Method     string         `json:"method,omitempty"` // JSON-RPC method
	Tool       string         `json:"tool,omitempty"`
	ArgsDigest string         `json:"args_digest,omitempty"` // DigestArgs of the arguments; never the arguments
	Verdict    Verdict        `json:"verdict,omitempty"`
	Guard      string         `json:"guard,omitempty"`
	Reason     string         `json:"reason,omitempty"`
	Latency    time.Duration  `json:"latency_ns,omitempty"`
	Details    map[string]any `json:"details,omitempty"` // e.g. a readable diff of a modified result
}

// encode normalises ev.Time and returns the canonical JSON of ev.
func (ev *Event) encode(now func() time.Time) ([]byte, error) {
	if ev.Kind == "" {
		return nil, fmt.Errorf("audit: event has no kind")
	}
	if ev.Time.IsZero() {
		ev.Time = now()
	}
	ev.Time = ev.Time.UTC().Round(0) // UTC, no monotonic reading: it must round-trip
	if err := checkTime(ev.Time); err != nil {
		return nil, err
	}
	ev.clip()
	if b, ok := ev.appendCanonical(nil); ok {
		return b, nil
	}
	return ev.encodeSlow()
}

// maxField bounds one text field of a record: a peer chooses tool names,
// resource URIs and client names, and a 4 MB URI copied into every record
// of a call would bloat the log (and the mirror) for nothing.
const maxField = 4096

// clip shortens the peer-chosen text fields to maxField bytes (at a rune
// boundary), saying how much was cut.
func (ev *Event) clip() {
	for _, f := range []*string{&ev.Principal, &ev.Client.Name, &ev.Client.Version, &ev.Session,
		&ev.Server, &ev.Method, &ev.Tool, &ev.Reason} {
		if len(*f) <= maxField {
			continue
		}
		n := maxField
		for n > 0 && !utf8.RuneStart((*f)[n]) {
			n--
		}
		*f = fmt.Sprintf("%s…[%d bytes cut]", (*f)[:n], len(*f)-n)
	}
}

// checkTime refuses a time the store cannot hold. Accepted, it would be
// stored wrapped around (failing verification for ever) or refused by the
// store, which would hold every later event behind it in the queue.
func checkTime(t time.Time) error {
	if !store.TimeFits(t) {
		return fmt.Errorf("audit: event time %s is outside the years 1678-2262 the store can hold", t.Format(time.RFC3339))
	}
	return nil
}

// encodeSlow is the reference encoding: json.Marshal, then Canonical.
func (ev *Event) encodeSlow() ([]byte, error) {
	raw, err := json.Marshal(ev)
	if err != nil {
		return nil, fmt.Errorf("audit: encoding %s event: %w", ev.Kind, err)
	}
	c, err := Canonical(raw)
	if err != nil {
		// Raw JSON in the details (an upstream's) may hold what Canonical
		// refuses in a digest, such as an unpaired surrogate escape. An
		// event must still be recorded: decode and encode it once more,
		// which spells such strings as U+FFFD.
		if raw, err = reencode(raw); err == nil {
			c, err = Canonical(raw)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("audit: encoding %s event: %w", ev.Kind, err)
	}
	return c, nil
}

// reencode decodes doc and encodes it again, numbers kept exact.
func reencode(doc []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// appendCanonical writes the canonical JSON of ev directly, member by
// member in sorted order: the same bytes as encodeSlow (tests and a fuzz
// test hold them equal) without encoding every event twice. It declines
// (ok false) what only the reference handles exactly: strings that are not
// valid UTF-8, times json.Marshal refuses, details that fail to encode.
func (ev *Event) appendCanonical(dst []byte) (_ []byte, ok bool) {
	if y := ev.Time.Year(); y < 0 || y > 9999 {
		return nil, false
	}
	for _, s := range [...]string{ev.ArgsDigest, ev.Client.Name, ev.Client.Version, ev.Guard, string(ev.Kind),
		ev.Method, ev.Principal, ev.Reason, ev.Server, ev.Session, ev.Tool, string(ev.Verdict)} {
		if !utf8.ValidString(s) {
			return nil, false
		}
	}
	var details []byte
	if len(ev.Details) > 0 {
		raw, err := json.Marshal(ev.Details)
		if err != nil {
			return nil, false
		}
		if details, err = Canonical(raw); err != nil {
			return nil, false
		}
	}
	dst = append(dst, '{')
	first := true
	key := func(k string) {
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, '"')
		dst = append(dst, k...)
		dst = append(dst, '"', ':')
	}
	str := func(k, v string) {
		if v != "" {
			key(k)
			dst = appendCanonString(dst, v)
		}
	}
	str("args_digest", ev.ArgsDigest)
	if ev.Client != (ClientInfo{}) {
		key("client")
		dst = append(dst, '{')
		if ev.Client.Name != "" {
			dst = append(dst, `"name":`...)
			dst = appendCanonString(dst, ev.Client.Name)
		}
		if ev.Client.Version != "" {
			if ev.Client.Name != "" {
				dst = append(dst, ',')
			}
			dst = append(dst, `"version":`...)
			dst = appendCanonString(dst, ev.Client.Version)
		}
		dst = append(dst, '}')
	}
	if details != nil {
		key("details")
		dst = append(dst, details...)
	}
	str("guard", ev.Guard)
	key("kind")
	dst = appendCanonString(dst, string(ev.Kind))
	if ev.Latency != 0 {
		key("latency_ns")
		dst = strconv.AppendInt(dst, int64(ev.Latency), 10)
	}
	str("method", ev.Method)
	str("principal", ev.Principal)
	str("reason", ev.Reason)
	str("server", ev.Server)
	str("session", ev.Session)
	key("time")
	dst = appendCanonString(dst, ev.Time.Format(time.RFC3339Nano))
	str("tool", ev.Tool)
	str("verdict", string(ev.Verdict))
	return append(dst, '}'), true
}

// Entry is a committed event with its chain position, as printed by Tail
// in JSON format and written to the mirror.
type Entry struct {
	Seq      int64           `json:"seq"`
	Time     time.Time       `json:"time"`
	Event    json.RawMessage `json:"event"`
	PrevHash string          `json:"prev_hash"` // hex; "" for seq 1
	Hash     string          `json:"hash"`      // hex
}

func entryOf(r store.AuditRecord) Entry {
	return Entry{
		Seq:      r.Seq,
		Time:     r.Time,
		Event:    json.RawMessage(r.Data),
		PrevHash: hex.EncodeToString(r.PrevHash),
		Hash:     hex.EncodeToString(r.Hash),
	}
}

// ChainInput returns the bytes whose hash links a record into the chain:
//
//	prev_hash || {"event":<canonical event>,"seq":<seq>,"time":"<RFC 3339 UTC, ns>"}
//
// prev_hash is the raw 32-byte hash of the previous record (nothing for seq
// 1). The JSON object is itself canonical (sorted keys, no whitespace).
func ChainInput(prevHash []byte, seq int64, t time.Time, event []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(prevHash) + len(event) + 80)
	b.Write(prevHash)
	b.WriteString(`{"event":`)
	b.Write(event)
	b.WriteString(`,"seq":`)
	b.WriteString(strconv.FormatInt(seq, 10))
	b.WriteString(`,"time":"`)
	b.WriteString(t.UTC().Format(time.RFC3339Nano))
	b.WriteString(`"}`)
	return b.Bytes()
}

// Hash computes a record's hash: SHA-256 of ChainInput.
func Hash(prevHash []byte, seq int64, t time.Time, event []byte) []byte {
	sum := sha256.Sum256(ChainInput(prevHash, seq, t, event))
	return sum[:]
}

func link(prev store.AuditRecord, t time.Time, event []byte) store.AuditRecord {
	seq := prev.Seq + 1
	return store.AuditRecord{
		Seq:      seq,
		Time:     t,
		Data:     event,
		PrevHash: prev.Hash,
		Hash:     Hash(prev.Hash, seq, t, event),
	}
}
