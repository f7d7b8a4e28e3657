package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/store"
)

// tailPoll is how often Tail looks for new records when following.
const tailPoll = 500 * time.Millisecond

// Tail writes the last n records to w, oldest first, as "text" (one
// readable line each) or "json" (one Entry per line). With follow it then
// polls the store for new records until ctx is done, and returns nil.
func Tail(ctx context.Context, st store.AuditStore, n int, follow bool, w io.Writer, format string) error {
	return tail(ctx, st, n, follow, w, format, tailPoll)
}

func tail(ctx context.Context, st store.AuditStore, n int, follow bool, w io.Writer, format string, poll time.Duration) error {
	var write func(store.AuditRecord) error
	switch format {
	case "text":
		write = func(r store.AuditRecord) error { _, err := io.WriteString(w, FormatText(r)+"\n"); return err }
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		write = func(r store.AuditRecord) error { return enc.Encode(entryOf(r)) }
	default:
		return fmt.Errorf("audit: unknown tail format %q (want text or json)", format)
	}
	head, err := st.AuditHead(ctx)
	if err != nil {
		return fmt.Errorf("audit: tail: %w", err)
	}
	next := max(1, head.Seq-int64(max(n, 0))+1)
	scan := func() error {
		err := st.ScanAudit(ctx, next, func(r store.AuditRecord) error {
			if err := write(r); err != nil {
				return fmt.Errorf("audit: tail: writing: %w", err)
			}
			next = r.Seq + 1
			return nil
		})
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf("audit: tail: %w", err)
		}
		return nil
	}
	if err := scan(); err != nil || !follow {
		return err
	}
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if err := scan(); err != nil {
				return err
			}
		}
	}
}

// FormatText renders a record as one human-readable line.
func FormatText(r store.AuditRecord) string {
	var ev Event
	if err := json.Unmarshal(r.Data, &ev); err != nil {
		return fmt.Sprintf("%s #%d (undecodable event: %s) %q", r.Time.Format(time.RFC3339Nano), r.Seq, printable(err.Error()), r.Data)
	}
	var b strings.Builder
	b.WriteString(r.Time.Format(time.RFC3339Nano))
	b.WriteString(" #")
	b.WriteString(strconv.FormatInt(r.Seq, 10))
	b.WriteByte(' ')
	b.WriteString(printable(string(ev.Kind)))
	if ev.Verdict != "" {
		b.WriteByte(' ')
		b.WriteString(printable(string(ev.Verdict)))
	}
	field := func(k, v string) {
		if v == "" {
			return
		}
		b.WriteByte(' ')
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(printable(v))
	}
	field("principal", ev.Principal)
	client := ev.Client.Name
	if ev.Client.Version != "" {
		client += "/" + ev.Client.Version
	}
	field("client", client)
	field("session", ev.Session)
	field("server", ev.Server)
	field("method", ev.Method)
	field("tool", ev.Tool)
	field("guard", ev.Guard)
	field("reason", ev.Reason)
	if ev.Latency > 0 {
		field("latency", ev.Latency.String())
	}
	if len(ev.ArgsDigest) >= 12 {
		field("args", ev.ArgsDigest[:12])
	}
	if len(ev.Details) > 0 {
		if d, err := json.Marshal(ev.Details); err == nil {
			b.WriteString(" details=") // JSON is unambiguous; quoting it again would not help
			b.Write(escapeJSONUnprintable(d))
		}
	}
	return b.String()
}

// printable returns v as is when every rune is printable and nothing in it
// could be read as a field boundary, and Go-quoted otherwise. Values come
// from clients, tokens and upstreams: quoting keeps line breaks (including
// U+0085 and U+2028), C1 controls such as CSI (U+009B), bidi overrides and
// invisible or non-ASCII spaces from reaching the reader's terminal raw.
func printable(v string) string {
	for _, r := range v {
		if r == ' ' || r == '"' || r == '=' || r == '`' || r == '\\' || r == utf8.RuneError || !strconv.IsPrint(r) {
			return strconv.Quote(v)
		}
	}
	return v
}

// escapeJSONUnprintable rewrites every rune of JSON text that is not
// printable (DEL, C1 controls, format characters, separators other than
// the ASCII space) as a \u escape. encoding/json leaves them raw, and in
// valid JSON they can only occur inside strings, where the escape means the
// same.
func escapeJSONUnprintable(d []byte) []byte {
	const hexDigits = "0123456789abcdef"
	out := make([]byte, 0, len(d))
	for i := 0; i < len(d); {
		r, size := utf8.DecodeRune(d[i:])
		if r == ' ' || (r != utf8.RuneError && strconv.IsPrint(r)) {
			out = append(out, d[i:i+size]...)
			i += size
			continue
		}
		for _, u := range utf16.Encode([]rune{r}) {
			out = append(out, '\\', 'u', hexDigits[u>>12], hexDigits[u>>8&0xF], hexDigits[u>>4&0xF], hexDigits[u&0xF])
		}
		i += size
	}
	return out
}
