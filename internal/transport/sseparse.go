package transport

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultMaxMessageBytes bounds one message when a dialer leaves
// MaxMessageBytes zero.
const DefaultMaxMessageBytes = 4 << 20

// ErrMessageTooLarge reports a message (a stdio line, an SSE event or an
// HTTP body) longer than the configured limit. The oversized message is
// discarded; the stream it came from stays usable where the framing allows.
var ErrMessageTooLarge = errors.New("transport: message too large")

// ErrSessionExpired reports that an upstream forgot our HTTP session (404 on
// a request that carried Mcp-Session-Id). The caller must redial and
// initialise again.
var ErrSessionExpired = errors.New("transport: upstream session expired")

// Event is one dispatched Server-Sent Event.
type Event struct {
	// ID is the stream's last event ID when the event was dispatched.
	ID string
	// Type is the event type; "message" when the stream gave none.
	Type string
	// Data is the event's data lines joined by "\n".
	Data []byte
}

// EventReader parses a text/event-stream as described by the WHATWG HTML
// "Server-sent events" section: lines end in CRLF, LF or CR; fields are
// event, data, id and retry; lines starting with ':' are comments.
// Blocks without a data field are not dispatched (per the standard), but
// their id and retry still update LastEventID and Retry. MCP's priming
// event ("id: x" plus an empty data line) is dispatched with empty Data;
// callers skip those.
type EventReader struct {
	br      *bufio.Reader
	max     int
	skipLF  bool // the previous line ended in CR; swallow a following LF
	lastID  string
	retry   time.Duration
	typ     string
	data    []byte
	hasData bool
	tooBig  bool
}

// NewEventReader returns a parser reading from r. maxEventBytes bounds the
// data of one event (and so one line); <= 0 means DefaultMaxMessageBytes.
func NewEventReader(r io.Reader, maxEventBytes int) *EventReader {
	if maxEventBytes <= 0 {
		maxEventBytes = DefaultMaxMessageBytes
	}
	return &EventReader{br: bufio.NewReaderSize(r, 32<<10), max: maxEventBytes}
}

// LastEventID returns the last event ID the stream set (for Last-Event-ID).
func (p *EventReader) LastEventID() string { return p.lastID }

// Retry returns the reconnection time the stream asked for, or 0.
func (p *EventReader) Retry() time.Duration { return p.retry }

// Next returns the next event. An event whose data exceeds the limit is
// discarded and reported as ErrMessageTooLarge; parsing can continue after
// it. At the end of the input Next returns io.EOF (an unterminated last
// event is dropped, as the standard says).
func (p *EventReader) Next() (Event, error) {
	// A field line may carry its name and a separator on top of the data.
	lineMax := p.max + 64
	for {
		line, tooLong, err := p.readLine(lineMax)
		if err != nil {
			p.reset()
			return Event{}, err
		}
		if tooLong {
			p.tooBig = true
			continue
		}
		if len(line) == 0 {
			if p.tooBig {
				p.reset()
				return Event{}, fmt.Errorf("reading SSE event: %w", ErrMessageTooLarge)
			}
			if !p.hasData {
				p.reset()
				continue
			}
			ev := Event{ID: p.lastID, Type: p.typ, Data: p.data}
			if ev.Type == "" {
				ev.Type = "message"
			}
			p.data = nil // ownership passes to the caller
			p.reset()
			return ev, nil
		}
		if line[0] == ':' {
			continue
		}
		field, value := line, []byte(nil)
		if i := bytes.IndexByte(line, ':'); i >= 0 {
			field, value = line[:i], line[i+1:]
			if len(value) > 0 && value[0] == ' ' {
				value = value[1:]
			}
		}
		switch string(field) {
		case "event":
			p.typ = string(value)
		case "data":
			if p.tooBig {
				continue
			}
			n := len(value)
			if p.hasData {
				n += len(p.data) + 1
			}
			if n > p.max {
				p.tooBig = true
				p.data = p.data[:0]
				continue
			}
			if p.hasData {
				p.data = append(p.data, '\n')
			}
			p.data = append(p.data, value...)
			p.hasData = true
		case "id":
			if bytes.IndexByte(value, 0) < 0 {
				p.lastID = string(value)
			}
		case "retry":
			if ms, ok := parseDigits(value); ok {
				p.retry = time.Duration(ms) * time.Millisecond
			}
		}
	}
}

func (p *EventReader) reset() {
	p.typ = ""
	p.data = p.data[:0]
	p.hasData = false
	p.tooBig = false
}

// parseDigits accepts only ASCII digits, as the standard requires, and caps
// absurd values at one hour.
func parseDigits(b []byte) (int64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil || n > int64(time.Hour/time.Millisecond) {
		n = int64(time.Hour / time.Millisecond)
	}
	return n, true
}

// readLine returns the next line without its terminator. Past max bytes it
// stops buffering, keeps discarding to the end of the line and reports
// tooLong. It never blocks waiting to see whether a CR is followed by LF.
func (p *EventReader) readLine(max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		if _, err := p.br.Peek(1); err != nil {
			if err == io.EOF && (len(buf) > 0 || tooLong) {
				// An unterminated final line cannot complete an event.
				return nil, false, io.EOF
			}
			return nil, false, err
		}
		chunk, _ := p.br.Peek(p.br.Buffered())
		if p.skipLF {
			p.skipLF = false
			if chunk[0] == '\n' {
				p.br.Discard(1)
				continue
			}
		}
		i := bytes.IndexAny(chunk, "\r\n")
		end := len(chunk)
		if i >= 0 {
			end = i
		}
		if !tooLong {
			if len(buf)+end > max {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk[:end]...)
			}
		}
		if i < 0 {
			p.br.Discard(end)
			continue
		}
		p.skipLF = chunk[i] == '\r'
		p.br.Discard(i + 1)
		if buf == nil {
			buf = []byte{}
		}
		return buf, tooLong, nil
	}
}

// WriteEvent writes one SSE event (see AppendEvent). If w is an
// http.Flusher it is flushed so the event leaves at once.
func WriteEvent(w io.Writer, id, event string, data []byte) error {
	b, err := AppendEvent(make([]byte, 0, len(data)+len(id)+len(event)+32), id, event, data)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("writing SSE event: %w", err)
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	return nil
}

// AppendEvent appends one SSE event to dst: an optional id and event type,
// then data split into data lines at CR, LF and CRLF, then the blank line
// that dispatches it. Empty data is written as a single empty data line (a
// priming event when id is set).
func AppendEvent(dst []byte, id, event string, data []byte) ([]byte, error) {
	if strings.ContainsAny(id, "\r\n\x00") {
		return dst, fmt.Errorf("writing SSE event: id %q contains CR, LF or NUL", id)
	}
	if strings.ContainsAny(event, "\r\n") {
		return dst, fmt.Errorf("writing SSE event: event type %q contains CR or LF", event)
	}
	if id != "" {
		dst = append(dst, "id: "...)
		dst = append(dst, id...)
		dst = append(dst, '\n')
	}
	if event != "" {
		dst = append(dst, "event: "...)
		dst = append(dst, event...)
		dst = append(dst, '\n')
	}
	rest := data
	for {
		i := bytes.IndexAny(rest, "\r\n")
		dst = append(dst, "data: "...)
		if i < 0 {
			dst = append(dst, rest...)
			dst = append(dst, '\n')
			break
		}
		dst = append(dst, rest[:i]...)
		dst = append(dst, '\n')
		if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
			i++
		}
		rest = rest[i+1:]
	}
	return append(dst, '\n'), nil
}
