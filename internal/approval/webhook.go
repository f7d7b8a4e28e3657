package approval

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/store"
)

// Signature headers on notifications and on Warden-format callbacks.
const (
	HeaderTimestamp = "X-Warden-Timestamp"
	HeaderSignature = "X-Warden-Signature"
	// Slack's own headers, accepted on callbacks from a Slack app whose
	// signing secret is the webhook secret.
	HeaderSlackTimestamp = "X-Slack-Request-Timestamp"
	HeaderSlackSignature = "X-Slack-Signature"
)

// maxCallbackBody bounds a callback body.
const maxCallbackBody = 64 << 10

// Sign returns the signature header value for body sent at ts:
// "v1=" + hex(HMAC-SHA256(secret, "v1:" + ts + ":" + body)).
func Sign(secret string, ts int64, body []byte) string {
	return "v1=" + hex.EncodeToString(mac(secret, "v1", ts, body))
}

func mac(secret, version string, ts int64, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(m, "%s:%d:", version, ts)
	m.Write(body)
	return m.Sum(nil)
}

// ParseSignature splits a "vN=hex" signature header into its version and
// MAC. Anything else is an error.
func ParseSignature(h string) (version string, sum []byte, err error) {
	v, hx, ok := strings.Cut(strings.TrimSpace(h), "=")
	if !ok || (v != "v1" && v != "v0") {
		return "", nil, errors.New("signature must look like v1=<hex>")
	}
	if len(hx) != sha256.Size*2 {
		return "", nil, fmt.Errorf("signature must have %d hex digits", sha256.Size*2)
	}
	sum, err = hex.DecodeString(hx)
	if err != nil {
		return "", nil, errors.New("signature is not hex")
	}
	return v, sum, nil
}

// canonicalSignature is the one spelling of a signature header that
// ParseSignature accepts: its version and MAC in lower-case hex.
func canonicalSignature(h string) string {
	v, sum, err := ParseSignature(h)
	if err != nil {
		return h
	}
	return v + "=" + hex.EncodeToString(sum)
}

// ParseTimestamp reads a Unix-seconds timestamp header.
func ParseTimestamp(h string) (int64, error) {
	ts, err := strconv.ParseInt(strings.TrimSpace(h), 10, 64)
	if err != nil || ts <= 0 {
		return 0, errors.New("timestamp must be Unix seconds")
	}
	return ts, nil
}

// Verify checks a signed body: the signature must be the expected MAC for
// the given version ("v1" for Warden, "v0" for Slack) and the timestamp
// within window of now.
func Verify(secret, version, tsHeader, sigHeader string, body []byte, now time.Time, window time.Duration) (int64, error) {
	if secret == "" {
		return 0, errors.New("no webhook secret is configured")
	}
	ts, err := ParseTimestamp(tsHeader)
	if err != nil {
		return 0, err
	}
	v, sum, err := ParseSignature(sigHeader)
	if err != nil {
		return 0, err
	}
	if v != version {
		return 0, fmt.Errorf("signature version %s, want %s", v, version)
	}
	if !hmac.Equal(sum, mac(secret, version, ts, body)) {
		return 0, errors.New("signature does not match")
	}
	if d := now.Sub(time.Unix(ts, 0)); d > window || d < -window {
		return 0, fmt.Errorf("timestamp is outside the %s window", window)
	}
	return ts, nil
}

// notify posts a Slack-compatible message about r to the webhook URL,
// signed. Failures are logged; they never approve anything.
func (b *Broker) notify(ctx context.Context, r Request) {
	wh := b.opts.Webhook
	body, err := json.Marshal(SlackPayload(r))
	if err != nil {
		b.log.Error("encoding approval webhook payload failed", "id", r.ID, "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, wh.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, wh.URL, bytes.NewReader(body))
	if err != nil {
		b.log.Error("approval webhook request could not be built", "id", r.ID, "err", err)
		return
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "warden-approvals")
	if wh.Secret != "" {
		ts := b.now().Unix()
		req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
		req.Header.Set(HeaderSignature, Sign(wh.Secret, ts, body))
	}
	resp, err := wh.Client.Do(req)
	if err != nil {
		b.log.Warn("approval webhook failed", "id", r.ID, "err", err)
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b.log.Warn("approval webhook refused", "id", r.ID, "status", resp.StatusCode)
	}
}

// slackEscape escapes what Slack's mrkdwn treats as markup.
func slackEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 { // don't cut a UTF-8 sequence
		n--
	}
	return s[:n] + "…"
}

// SessionRef names a session key in what leaves the machine: its kind
// and a digest. An MCP session id lets whoever holds it (as the same
// principal) post into the session, answers to Warden's own approval
// question included, so it is not sent to a chat service; the digest
// still tells two requests of one session apart.
func SessionRef(key string) string {
	kind, _, _ := strings.Cut(key, ":")
	if len(kind) > 8 {
		kind = "?"
	}
	sum := sha256.Sum256([]byte(key))
	return kind + ":#" + hex.EncodeToString(sum[:6])
}

// SlackPayload is the notification body: Slack's text and blocks (an
// incoming webhook shows it as is), with buttons whose values a Slack app
// posts back to the callback, and a "warden" object with the request for
// other receivers.
func SlackPayload(r Request) map[string]any {
	args := strings.ReplaceAll(string(r.Arguments), "```", "'''")
	head := fmt.Sprintf("Warden: approval needed for %s/%s (request %s)", r.Server, r.Tool, r.ID)
	details := fmt.Sprintf("*Server:* %s\n*Tool:* %s\n*Why:* %s\n*Session:* %s\n*Principal:* %s",
		slackEscape(r.Server), slackEscape(r.Tool), slackEscape(r.Reason), SessionRef(r.Session), slackEscape(r.Principal))
	button := func(text, action, value, style string) map[string]any {
		b := map[string]any{
			"type":      "button",
			"text":      map[string]any{"type": "plain_text", "text": text},
			"action_id": action,
			"value":     value,
		}
		if style != "" {
			b["style"] = style
		}
		return b
	}
	return map[string]any{
		"text": slackEscape(head),
		"blocks": []any{
			map[string]any{"type": "header", "text": map[string]any{"type": "plain_text", "text": "Warden approval request"}},
			map[string]any{"type": "section", "text": map[string]any{"type": "mrkdwn", "text": truncate(details, 2900)}},
			map[string]any{"type": "section", "text": map[string]any{"type": "mrkdwn",
				"text": "*Arguments (secrets masked):*\n```" + truncate(slackEscape(args), 2800) + "```"}},
			map[string]any{"type": "actions", "block_id": "warden_approval", "elements": []any{
				button("Approve once", "warden_approve_once", "approve:"+r.ID+":once", "primary"),
				button("Approve for this session", "warden_approve_session", "approve:"+r.ID+":session", ""),
				button("Deny", "warden_deny", "deny:"+r.ID+":once", "danger"),
			}},
			map[string]any{"type": "context", "elements": []any{map[string]any{"type": "mrkdwn",
				"text": fmt.Sprintf("Expires %s. Or: `warden approvals approve %s`", r.Expires.Format(time.RFC3339), r.ID)}}},
		},
		"warden": map[string]any{
			"id": r.ID, "server": r.Server, "tool": r.Tool, "arguments": r.Arguments,
			"reason": r.Reason, "session": SessionRef(r.Session), "principal": r.Principal,
			"created": r.Created, "expires": r.Expires,
		},
	}
}

// Callback is a Warden-format webhook callback body.
type Callback struct {
	ID       string `json:"id"`
	Decision string `json:"decision"` // approve | deny
	Scope    string `json:"scope,omitempty"`
	Pattern  string `json:"pattern,omitempty"`
	Approver string `json:"approver"`
	Note     string `json:"note,omitempty"`

	// also are other names of the same approver (a Slack user's id).
	also []string
}

// allowed reports whether cb comes from one of approvers (all when none
// are configured). Slack users are listed by id (stable, unique) or by
// name (as the callback reports it).
func (cb Callback) allowed(approvers []string) bool {
	if len(approvers) == 0 {
		return true
	}
	for _, name := range append([]string{cb.Approver}, cb.also...) {
		for _, a := range approvers {
			if name == a || strings.HasPrefix(name, "slack:") && strings.TrimPrefix(name, "slack:") == a {
				return true
			}
		}
	}
	return false
}

// ParseCallback verifies and decodes a callback: Warden's format (JSON,
// X-Warden-Signature v1) or a Slack interactive payload (form field
// "payload", X-Slack-Signature v0, the button value "approve:ID:scope").
func ParseCallback(secret string, h http.Header, body []byte, now time.Time, window time.Duration) (Callback, string, error) {
	if sig := h.Get(HeaderSlackSignature); sig != "" {
		if _, err := Verify(secret, "v0", h.Get(HeaderSlackTimestamp), sig, body, now, window); err != nil {
			return Callback{}, "", err
		}
		cb, err := parseSlack(body)
		return cb, sig, err
	}
	sig := h.Get(HeaderSignature)
	if _, err := Verify(secret, "v1", h.Get(HeaderTimestamp), sig, body, now, window); err != nil {
		return Callback{}, "", err
	}
	var cb Callback
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cb); err != nil {
		return Callback{}, "", fmt.Errorf("decoding callback: %w", err)
	}
	if cb.Approver == "" {
		return Callback{}, "", errors.New("callback names no approver")
	}
	return cb, sig, nil
}

func parseSlack(body []byte) (Callback, error) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return Callback{}, fmt.Errorf("decoding Slack callback: %w", err)
	}
	var p struct {
		User struct {
			ID       string `json:"id"`
			Username string `json:"username"`
			TeamID   string `json:"team_id"`
		} `json:"user"`
		Actions []struct {
			Value string `json:"value"`
		} `json:"actions"`
	}
	if err := json.Unmarshal([]byte(form.Get("payload")), &p); err != nil {
		return Callback{}, fmt.Errorf("decoding Slack callback payload: %w", err)
	}
	if len(p.Actions) != 1 {
		return Callback{}, errors.New("slack callback must carry exactly one action")
	}
	parts := strings.Split(p.Actions[0].Value, ":")
	if len(parts) != 3 || (parts[0] != "approve" && parts[0] != "deny") {
		return Callback{}, errors.New("slack action value must be approve|deny:ID:scope")
	}
	who := p.User.Username
	if who == "" {
		who = p.User.ID
	}
	if who == "" {
		return Callback{}, errors.New("slack callback names no user")
	}
	cb := Callback{ID: parts[1], Decision: parts[0], Scope: parts[2], Approver: "slack:" + who}
	if p.User.ID != "" {
		cb.also = []string{"slack:" + p.User.ID}
	}
	return cb, nil
}

// callback handles POST /admin/approvals/webhook.
func (b *Broker) callback(w http.ResponseWriter, r *http.Request) {
	secret := b.opts.Webhook.Secret
	if secret == "" {
		http.Error(w, "webhook callbacks are off (no webhook secret configured)", http.StatusNotFound)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxCallbackBody+1))
	if err != nil || len(body) > maxCallbackBody {
		http.Error(w, "callback body unreadable or too large", http.StatusRequestEntityTooLarge)
		return
	}
	cb, sig, err := ParseCallback(secret, r.Header, body, b.now(), b.opts.Webhook.Window)
	if err != nil {
		b.log.Warn("approval webhook callback refused", "err", err, "remote", r.RemoteAddr)
		http.Error(w, "callback refused: "+err.Error(), http.StatusUnauthorized)
		return
	}
	if !cb.allowed(b.opts.Webhook.Approvers) {
		b.log.Warn("approval webhook callback refused: approver not listed", "approver", cb.Approver, "id", cb.ID, "remote", r.RemoteAddr)
		http.Error(w, "callback refused: the approver is not listed", http.StatusForbidden)
		return
	}
	// Replay protection: each signature is accepted once within the window,
	// however its header spells it (hex digits in either case, spaces).
	seen := "seen:" + canonicalSignature(sig)
	if _, err := b.kv.Put(r.Context(), Namespace, seen, []byte("1"), store.PutOptions{TTL: 2 * b.opts.Webhook.Window, IfAbsent: true}); err != nil {
		if errors.Is(err, store.ErrConflict) {
			http.Error(w, "callback refused: replayed", http.StatusConflict)
			return
		}
		http.Error(w, "callback could not be recorded", http.StatusInternalServerError)
		return
	}
	d := Decision{Scope: cb.Scope, Pattern: cb.Pattern, Approver: "webhook:" + cb.Approver, Channel: ChannelWebhook, Note: cb.Note}
	switch cb.Decision {
	case "approve":
		d.Approve = true
	case "deny":
	default:
		http.Error(w, `decision must be "approve" or "deny"`, http.StatusBadRequest)
		return
	}
	b.decideHTTP(w, r, cb.ID, d)
}
