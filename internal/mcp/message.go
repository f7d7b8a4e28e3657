// Package mcp holds the JSON-RPC message model and the MCP vocabulary that
// Warden inspects: methods, protocol versions, error codes and typed views of
// the parts guards look at. It knows nothing else about Warden.
//
// Messages are parsed once, shallowly: params, result and ids stay raw JSON so
// that anything Warden does not understand is forwarded byte for byte.
package mcp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// Kind tells requests, notifications and responses apart.
type Kind int

const (
	KindInvalid Kind = iota
	KindRequest
	KindNotification
	KindResponse
)

func (k Kind) String() string {
	switch k {
	case KindRequest:
		return "request"
	case KindNotification:
		return "notification"
	case KindResponse:
		return "response"
	}
	return "invalid"
}

// Message is one JSON-RPC 2.0 message.
type Message struct {
	ID     json.RawMessage // nil for notifications
	Method string
	Params json.RawMessage
	Result json.RawMessage
	Error  *Error
}

// Error is a JSON-RPC error object.
type Error struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

func (e *Error) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

// NewError builds an error with optional data (marshalled; nil for none).
func NewError(code int, msg string, data any) *Error {
	e := &Error{Code: code, Message: msg}
	if data != nil {
		if b, err := json.Marshal(data); err == nil {
			e.Data = b
		}
	}
	return e
}

// Kind classifies the message.
func (m *Message) Kind() Kind {
	switch {
	case m.Method != "" && m.ID != nil:
		return KindRequest
	case m.Method != "":
		return KindNotification
	case m.ID != nil && (m.Result != nil || m.Error != nil):
		return KindResponse
	}
	return KindInvalid
}

// IDKey returns the id as a map key that keeps 1 and "1" distinct.
func (m *Message) IDKey() string { return string(m.ID) }

// wire is the decoding shape. Params and result stay raw.
type wire struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
	Result  json.RawMessage `json:"result"`
	Error   *Error          `json:"error"`
}

// ErrBatch is returned for a JSON array: batching was removed in 2025-06-18
// and Warden inspects messages one at a time.
var ErrBatch = errors.New("JSON-RPC batches are not supported")

// maxMethodBytes bounds a method name. MCP's are a few dozen bytes; a
// longer one can only be an attack, and would be copied verbatim into
// every audit record and error message about the request.
const maxMethodBytes = 1024

// Decode parses one JSON-RPC message and checks its envelope.
func Decode(b []byte) (*Message, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil, errors.New("empty message")
	}
	if b[0] == '[' {
		return nil, ErrBatch
	}
	if b[0] != '{' {
		return nil, errors.New("message is not a JSON object")
	}
	var w wire
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, fmt.Errorf("parsing JSON-RPC message: %w", err)
	}
	if w.JSONRPC != "2.0" {
		return nil, fmt.Errorf("jsonrpc must be \"2.0\", got %q", w.JSONRPC)
	}
	if len(w.Method) > maxMethodBytes {
		return nil, fmt.Errorf("method name of %d bytes is longer than the limit of %d", len(w.Method), maxMethodBytes)
	}
	m := &Message{Method: w.Method, Params: nullToNil(w.Params), Result: w.Result, Error: w.Error}
	if w.ID != nil && !bytes.Equal(w.ID, []byte("null")) {
		if err := checkID(w.ID); err != nil {
			return nil, err
		}
		m.ID = w.ID
	}
	if m.Params != nil && m.Params[0] != '{' && m.Params[0] != '[' {
		return nil, errors.New("params must be an object or array")
	}
	if k, dup := DuplicateKey(b); dup {
		return nil, errDuplicateKey("the message", k)
	}
	switch {
	case m.Method != "" && (m.Result != nil || m.Error != nil):
		return nil, errors.New("message has both method and result/error")
	case m.Method == "" && m.ID == nil && w.ID == nil:
		return nil, errors.New("message has neither method nor id")
	case m.Method == "" && m.Result == nil && m.Error == nil:
		return nil, errors.New("response has neither result nor error")
	case m.Result != nil && m.Error != nil:
		return nil, errors.New("response has both result and error")
	}
	if m.Method == "" && m.ID == nil && m.Error == nil {
		return nil, errors.New("response id must not be null")
	}
	return m, nil
}

func nullToNil(r json.RawMessage) json.RawMessage {
	if len(r) == 0 || bytes.Equal(r, []byte("null")) {
		return nil
	}
	return r
}

func checkID(id json.RawMessage) error {
	switch id[0] {
	case '"':
		var s string
		if err := json.Unmarshal(id, &s); err != nil {
			return fmt.Errorf("invalid id: %w", err)
		}
		return nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if _, err := strconv.ParseFloat(string(id), 64); err != nil {
			return fmt.Errorf("invalid id: %w", err)
		}
		return nil
	}
	return errors.New("id must be a string or a number")
}

// Encode serialises the message. Raw parts are copied as they are.
func (m *Message) Encode() []byte {
	n := 32 + len(m.ID) + len(m.Method) + len(m.Params) + len(m.Result)
	b := make([]byte, 0, n)
	b = append(b, `{"jsonrpc":"2.0"`...)
	if m.ID != nil {
		b = append(b, `,"id":`...)
		b = append(b, m.ID...)
	} else if m.Method == "" {
		b = append(b, `,"id":null`...)
	}
	if m.Method != "" {
		b = append(b, `,"method":`...)
		b = appendString(b, m.Method)
		if m.Params != nil {
			b = append(b, `,"params":`...)
			b = append(b, m.Params...)
		}
	}
	if m.Error != nil {
		eb, _ := json.Marshal(m.Error)
		b = append(b, `,"error":`...)
		b = append(b, eb...)
	} else if m.Method == "" {
		b = append(b, `,"result":`...)
		if m.Result == nil {
			b = append(b, "{}"...)
		} else {
			b = append(b, m.Result...)
		}
	}
	return append(b, '}')
}

func appendString(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}

// NewRequest builds a request; params may be raw JSON, a value to marshal, or nil.
func NewRequest(id json.RawMessage, method string, params any) *Message {
	return &Message{ID: id, Method: method, Params: raw(params)}
}

// NewNotification builds a notification.
func NewNotification(method string, params any) *Message {
	return &Message{Method: method, Params: raw(params)}
}

// NewResult builds a success response.
func NewResult(id json.RawMessage, result any) *Message {
	r := raw(result)
	if r == nil {
		r = json.RawMessage("{}")
	}
	return &Message{ID: id, Result: r}
}

// NewErrorResponse builds an error response.
func NewErrorResponse(id json.RawMessage, e *Error) *Message {
	return &Message{ID: id, Error: e}
}

func raw(v any) json.RawMessage {
	switch v := v.(type) {
	case nil:
		return nil
	case json.RawMessage:
		return v
	case []byte:
		return v
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return b
}

// IntID formats an integer id.
func IntID(n int64) json.RawMessage { return strconv.AppendInt(nil, n, 10) }
