package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
)

// Message is the part of a JSON-RPC response the load generator checks.
type Message struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *RPCError       `json:"error"`
}

// RPCError is a JSON-RPC error object.
type RPCError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *RPCError) Error() string { return fmt.Sprintf("JSON-RPC error %d: %s", e.Code, e.Message) }

// Parse finds the JSON-RPC response in an HTTP response body, which is
// either one JSON object (application/json) or an SSE stream whose events
// carry messages (text/event-stream); in a stream, the response is the
// first event that has a result or an error. A JSON-RPC error is returned
// as an *RPCError.
func Parse(contentType string, body []byte) (*Message, error) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, fmt.Errorf("response Content-Type %q: %w", contentType, err)
	}
	switch mt {
	case "application/json":
		return decodeResponse(body)
	case "text/event-stream":
		for _, data := range sseData(body) {
			m, err := decodeResponse(data)
			if err == nil || errors.As(err, new(*RPCError)) {
				return m, err
			}
		}
		return nil, errors.New("the event stream has no JSON-RPC response")
	default:
		return nil, fmt.Errorf("unexpected response Content-Type %q", contentType)
	}
}

func decodeResponse(b []byte) (*Message, error) {
	var m Message
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("decoding the response: %w", err)
	}
	if m.Error != nil {
		return &m, m.Error
	}
	if len(m.Result) == 0 {
		return nil, errors.New("the message is not a response: no result and no error")
	}
	return &m, nil
}

// sseData returns the data of each event in an SSE stream, its data lines
// joined with newlines as the EventSource rules say.
func sseData(b []byte) [][]byte {
	var out [][]byte
	var cur []byte
	has := false
	flush := func() {
		if has {
			out = append(out, cur)
		}
		cur, has = nil, false
	}
	for len(b) > 0 {
		line := b
		i := bytes.IndexAny(b, "\r\n")
		if i >= 0 {
			line = b[:i]
			if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			b = b[i+1:]
		} else {
			b = nil
		}
		if len(line) == 0 {
			flush()
			continue
		}
		field, value, _ := bytes.Cut(line, []byte(":"))
		if string(field) != "data" {
			continue
		}
		value = bytes.TrimPrefix(value, []byte(" "))
		if has {
			cur = append(cur, '\n')
		}
		cur = append(cur, value...)
		has = true
	}
	flush()
	return out
}
