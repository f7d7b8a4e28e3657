package transport

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestEventReader(t *testing.T) {
	type ev struct{ id, typ, data string }
	tests := []struct {
		name   string
		in     string
		max    int
		want   []ev
		tooBig int // ErrMessageTooLarge results expected
		lastID string
		retry  time.Duration
	}{
		{name: "single", in: "data: {\"a\":1}\n\n", want: []ev{{"", "message", `{"a":1}`}}},
		{name: "multiline data", in: "data: a\ndata:b\ndata:  c\n\n", want: []ev{{"", "message", "a\nb\n c"}}},
		{name: "crlf and cr endings", in: "id: 1\r\ndata: x\r\n\r\ndata: y\r\rdata: z\n\n",
			want: []ev{{"1", "message", "x"}, {"1", "message", "y"}, {"1", "message", "z"}}, lastID: "1"},
		{name: "event type and comments", in: ": keepalive\nevent: endpoint\ndata: /msg?s=1\n\n:\n\n",
			want: []ev{{"", "endpoint", "/msg?s=1"}}},
		{name: "priming event has empty data", in: "id: p1\ndata:\n\nid: p2\ndata: m\n\n",
			want: []ev{{"p1", "message", ""}, {"p2", "message", "m"}}, lastID: "p2"},
		{name: "id-only block updates id without dispatch", in: "id: only\n\ndata: m\n\n",
			want: []ev{{"only", "message", "m"}}, lastID: "only"},
		{name: "retry digits only", in: "retry: 1500\n\nretry: 12x\n\n", retry: 1500 * time.Millisecond},
		{name: "id with NUL ignored", in: "id: a\x00b\ndata: m\n\n", want: []ev{{"", "message", "m"}}},
		{name: "field without colon", in: "data\n\n", want: []ev{{"", "message", ""}}},
		{name: "unknown field ignored", in: "foo: bar\ndata: m\n\n", want: []ev{{"", "message", "m"}}},
		{name: "unterminated final event dropped", in: "data: m\n\ndata: partial", want: []ev{{"", "message", "m"}}},
		{name: "oversized event skipped", max: 8,
			in:   "data: 0123456789abcdef\n\ndata: ok\n\n",
			want: []ev{{"", "message", "ok"}}, tooBig: 1},
		{name: "oversized by accumulation", max: 8,
			in:   "data: 01234\ndata: 56789\n\ndata: ok\n\n",
			want: []ev{{"", "message", "ok"}}, tooBig: 1},
		{name: "oversized line far past the limit", max: 8,
			in:   "data: " + strings.Repeat("x", 200000) + "\n\ndata: ok\n\n",
			want: []ev{{"", "message", "ok"}}, tooBig: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewEventReader(strings.NewReader(tt.in), tt.max)
			var got []ev
			tooBig := 0
			for range 100 {
				e, err := p.Next()
				if errors.Is(err, ErrMessageTooLarge) {
					tooBig++
					continue
				}
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("Next: %v", err)
				}
				got = append(got, ev{e.ID, e.Type, string(e.Data)})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("event %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
			if tooBig != tt.tooBig {
				t.Errorf("too-large errors = %d, want %d", tooBig, tt.tooBig)
			}
			if tt.lastID != "" && p.LastEventID() != tt.lastID {
				t.Errorf("LastEventID = %q, want %q", p.LastEventID(), tt.lastID)
			}
			if p.Retry() != tt.retry {
				t.Errorf("Retry = %v, want %v", p.Retry(), tt.retry)
			}
		})
	}
}

// A CR ending a line must not make the parser wait for the next byte:
// over a live stream that byte may never come.
func TestEventReaderDoesNotBlockAfterCR(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	p := NewEventReader(pr, 0)
	go pw.Write([]byte("data: x\r\r"))
	done := make(chan error, 1)
	go func() { _, err := p.Next(); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Next blocked after a CR-terminated event")
	}
}

func TestWriteEvent(t *testing.T) {
	tests := []struct {
		id, event string
		data      string
		want      string
		wantErr   bool
	}{
		{"", "", `{"a":1}`, "data: {\"a\":1}\n\n", false},
		{"7", "message", "x", "id: 7\nevent: message\ndata: x\n\n", false},
		{"p", "", "", "id: p\ndata: \n\n", false},
		{"", "", "a\r\nb\rc\nd", "data: a\ndata: b\ndata: c\ndata: d\n\n", false},
		{"bad\nid", "", "x", "", true},
		{"", "bad\r", "x", "", true},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		err := WriteEvent(&b, tt.id, tt.event, []byte(tt.data))
		if (err != nil) != tt.wantErr {
			t.Fatalf("WriteEvent(%q,%q,%q) err = %v", tt.id, tt.event, tt.data, err)
		}
		if err == nil && b.String() != tt.want {
			t.Errorf("WriteEvent(%q,%q,%q) = %q, want %q", tt.id, tt.event, tt.data, b.String(), tt.want)
		}
	}
}

func FuzzEventReader(f *testing.F) {
	for _, s := range []string{
		"data: x\n\n", "id: 1\r\ndata: a\r\ndata: b\r\n\r\n", "event: endpoint\ndata: /x\n\n",
		": c\n\nretry: 10\n\n", "data\r\r", "data: 0123456789abcdefghij\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		const max = 16
		p := NewEventReader(bytes.NewReader(in), max)
		// Each Next consumes at least one line, so len(in)+1 calls suffice.
		for range len(in) + 2 {
			e, err := p.Next()
			if err == io.EOF {
				return
			}
			if errors.Is(err, ErrMessageTooLarge) {
				continue
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if len(e.Data) > max {
				t.Fatalf("event data %d bytes exceeds limit %d", len(e.Data), max)
			}
			if e.Type == "" {
				t.Fatal("empty event type")
			}
		}
		t.Fatal("parser did not reach EOF")
	})
}

// FuzzWriteEventRoundTrip checks that what WriteEvent writes parses back
// to the same id, type and data (line endings normalised to LF).
func FuzzWriteEventRoundTrip(f *testing.F) {
	f.Add("1", "message", []byte(`{"jsonrpc":"2.0"}`))
	f.Add("", "", []byte("a\r\nb\rc"))
	f.Add("x", "endpoint", []byte(""))
	f.Fuzz(func(t *testing.T, id, event string, data []byte) {
		var b bytes.Buffer
		if err := WriteEvent(&b, id, event, data); err != nil {
			return
		}
		p := NewEventReader(&b, len(data)+len(id)+len(event)+1)
		e, err := p.Next()
		if err != nil {
			t.Fatalf("parsing %q: %v", b.String(), err)
		}
		want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(data))
		if string(e.Data) != want {
			t.Fatalf("data = %q, want %q", e.Data, want)
		}
		if e.ID != id {
			t.Fatalf("id = %q, want %q", e.ID, id)
		}
		wantType := event
		if wantType == "" {
			wantType = "message"
		}
		if e.Type != wantType {
			t.Fatalf("type = %q, want %q", e.Type, wantType)
		}
	})
}
