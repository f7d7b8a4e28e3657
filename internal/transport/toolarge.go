package transport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
)

// TooLargeError is an ErrMessageTooLarge that says how large the message
// was and, when its first or last bytes show it, the JSON-RPC id it
// answered: with the id, the request waiting for it can be failed at once
// with the reason instead of running into its timeout.
type TooLargeError struct {
	Size  int64           // bytes read before the line ended
	Limit int             // the configured limit
	ID    json.RawMessage // the message's id, or nil when it could not be read
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("message of %d bytes exceeds the limit of %d bytes", e.Size, e.Limit)
}

func (e *TooLargeError) Unwrap() error { return ErrMessageTooLarge }

// idProbe is how many bytes of a dropped message's start and end are kept
// to find its id.
const idProbe = 512

// A JSON-RPC id: a string without escapes, or an integer.
var reTailID = regexp.MustCompile(`"id"\s*:\s*("[^"\\]{1,200}"|-?[0-9]{1,19})\s*\}\s*$`)

// messageID finds the top-level "id" of a JSON object of which only the
// first bytes (head) and the last bytes (tail) are known. Encoders put it
// first (Python's pydantic: {"jsonrpc","id","result"}) or last (the
// TypeScript SDK: {"result","jsonrpc","id"}); in between, a large result
// is what was dropped. nil when neither end shows it.
func messageID(head, tail []byte) json.RawMessage {
	id, request := headID(head)
	if id != nil || request {
		return id
	}
	// Last key of the object: `"id":7}` with nothing after the brace. A
	// nested object ending the same way would be followed by another "}".
	if m := reTailID.FindSubmatch(bytes.TrimRight(tail, "\r\n")); m != nil {
		return json.RawMessage(bytes.Clone(m[1]))
	}
	return nil
}

// headID reads the top-level keys of a truncated object in order, skipping
// nested values, until "result" or "error" shows that an "id" read before
// them answers a request, or the bytes run out. A "method" key makes the
// message a request (or notification) of the upstream's own, whose id is in
// the upstream's numbering, not Warden's: request is then true, the id nil.
func headID(head []byte) (id json.RawMessage, request bool) {
	dec := json.NewDecoder(bytes.NewReader(head))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	for {
		key, err := dec.Token()
		if err != nil {
			return nil, false
		}
		switch key {
		case "method":
			return nil, true
		case "result", "error":
			if id != nil {
				return id, false
			}
		case "id":
			if dec.Decode(&id) != nil || len(id) == 0 || (id[0] != '"' && (id[0] < '0' || id[0] > '9') && id[0] != '-') {
				return nil, false
			}
			continue
		}
		var skip json.RawMessage // a whole nested value; fails when it is the truncated one
		if dec.Decode(&skip) != nil {
			return nil, false
		}
	}
}
