package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

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
		return fmt.Sprintf("%s #%d (undecodable event: %v) %s", r.Time.Format(time.RFC3339Nano), r.Seq, err, r.Data)
	}
	var b strings.Builder
	b.WriteString(r.Time.Format(time.RFC3339Nano))
	b.WriteString(" #")
	b.WriteString(strconv.FormatInt(r.Seq, 10))
	b.WriteByte(' ')
	b.WriteString(string(ev.Kind))
	if ev.Verdict != "" {
		b.WriteByte(' ')
		b.WriteString(string(ev.Verdict))
	}
	field := func(k, v string) {
		if v == "" {
			return
		}
		b.WriteByte(' ')
		b.WriteString(k)
		b.WriteByte('=')
		if strings.ContainsAny(v, " \t\n\"=") || !strconv.CanBackquote(v) {
			v = strconv.Quote(v)
		}
		b.WriteString(v)
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
			b.Write(d)
		}
	}
	return b.String()
}
