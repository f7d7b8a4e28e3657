package transport

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/warden-mcp/warden/internal/mcp"
	"net/http"
	"strings"
)

// modernVersionKey is the _meta key through which 2026-07-28 and later
// requests carry their protocol version.
const modernVersionKey = "io.modelcontextprotocol/protocolVersion"

// sniffed holds the few fields HTTP framing needs from a message. The
// transport decodes nothing else; the gateway owns real parsing.
type sniffed struct {
	Method    string
	ID        json.RawMessage // nil for notifications
	IsResp    bool            // has result or error and no method
	Modern    string          // params._meta protocol version, if any
	Name      string          // params.name or params.uri
	CancelsID json.RawMessage // params.requestId of notifications/cancelled
	// extra are caller-supplied per-message headers (Mcp-Param-*).
	extra http.Header
}

func (s sniffed) isRequest() bool { return s.Method != "" && s.ID != nil }

func sniff(msg []byte) (sniffed, error) {
	// Scanned, not decoded: the gateway has parsed and encoded the message
	// already, and a result can be megabytes.
	if t := bytes.TrimLeft(msg, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return sniffed{}, errors.New("message is not a JSON-RPC object")
	}
	f := mcp.Fields(msg, "method", "id", "result", "error", "params")
	s := sniffed{Method: mcp.StringValue(f[0])}
	if len(f[1]) > 0 && !bytes.Equal(f[1], []byte("null")) {
		s.ID = f[1]
	}
	s.IsResp = s.Method == "" && (f[2] != nil || f[3] != nil)
	if p := f[4]; len(p) > 0 && p[0] == '{' {
		pf := mcp.Fields(p, "_meta", "name", "uri", "requestId")
		if pf[0] != nil {
			if v, ok := mcp.Field(pf[0], modernVersionKey); ok {
				s.Modern = mcp.StringValue(v)
			}
		}
		if s.Name = mcp.StringValue(pf[1]); s.Name == "" {
			s.Name = mcp.StringValue(pf[2])
		}
		s.CancelsID = pf[3]
	}
	return s, nil
}

// idKey makes JSON-RPC ids comparable as map keys.
func idKey(id json.RawMessage) string { return string(bytes.TrimSpace(id)) }

// responseID returns the id of msg if msg is a response (result or error).
func responseID(msg []byte) (json.RawMessage, bool) {
	// Scanned, not decoded: a response can be megabytes and only its id
	// matters here.
	f := mcp.Fields(msg, "method", "result", "error", "id")
	if f[0] != nil || (f[1] == nil && f[2] == nil) {
		return nil, false
	}
	return f[3], true
}

// initializeVersion sniffs result.protocolVersion from an InitializeResult.
func initializeVersion(msg []byte) string {
	var m struct {
		Result struct {
			ProtocolVersion string `json:"protocolVersion"`
		} `json:"result"`
	}
	_ = json.Unmarshal(msg, &m)
	return m.Result.ProtocolVersion
}

// errorResponse synthesizes a JSON-RPC error response so that a caller
// waiting on id is never left hanging.
func errorResponse(id json.RawMessage, code int, message string, data any) []byte {
	type rpcErr struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    any    `json:"data,omitempty"`
	}
	b, err := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   rpcErr          `json:"error"`
	}{"2.0", id, rpcErr{code, message, data}})
	if err != nil {
		// Only id can fail to marshal; fall back to a null id.
		b, _ = json.Marshal(map[string]any{"jsonrpc": "2.0", "id": nil,
			"error": rpcErr{code, message, data}})
	}
	return b
}

// httpErrorResponse turns a non-2xx answer to request id into a JSON-RPC
// error: the server's own JSON-RPC error if the body is one (re-addressed
// to id when the server left its id null), else -32603 naming the status.
func httpErrorResponse(id json.RawMessage, status int, body []byte) []byte {
	var m struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &m) == nil && m.JSONRPC == "2.0" && len(m.Error) > 0 && m.Error[0] == '{' {
		b := body
		if idKey(m.ID) != idKey(id) {
			b, _ = json.Marshal(struct {
				JSONRPC string          `json:"jsonrpc"`
				ID      json.RawMessage `json:"id"`
				Error   json.RawMessage `json:"error"`
			}{"2.0", id, m.Error})
		}
		// Only an error the gateway accepts as the answer to id: one it
		// refuses (a code that is not a number, a duplicate id, a method
		// beside the error) would be dropped and leave the caller waiting.
		if d, err := mcp.Decode(b); err == nil && d.Error != nil && d.Method == "" && idKey(d.ID) == idKey(id) {
			return b
		}
	}
	return errorResponse(id, -32603, fmt.Sprintf("upstream answered HTTP %d", status),
		map[string]int{"http_status": status})
}

// encodeHeaderValue applies the 2026-07-28 Base64 sentinel rule: values
// that are not plain printable ASCII, have leading or trailing whitespace,
// or look like the sentinel themselves are sent as =?base64?...?=.
func encodeHeaderValue(v string) string {
	plain := v != "" && !(strings.HasPrefix(v, "=?base64?") && strings.HasSuffix(v, "?="))
	for i := 0; plain && i < len(v); i++ {
		if c := v[i]; c < 0x20 || c >= 0x7f {
			plain = false
		}
	}
	if plain && (v[0] == ' ' || v[len(v)-1] == ' ') {
		plain = false
	}
	if plain || v == "" {
		return v
	}
	return "=?base64?" + base64.StdEncoding.EncodeToString([]byte(v)) + "?="
}
