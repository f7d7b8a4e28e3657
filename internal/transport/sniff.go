package transport

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
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
	var m struct {
		Method string          `json:"method"`
		ID     json.RawMessage `json:"id"`
		Result json.RawMessage `json:"result"`
		Error  json.RawMessage `json:"error"`
		Params struct {
			Meta      map[string]json.RawMessage `json:"_meta"`
			Name      json.RawMessage            `json:"name"`
			URI       json.RawMessage            `json:"uri"`
			RequestID json.RawMessage            `json:"requestId"`
		} `json:"params"`
	}
	if err := json.Unmarshal(msg, &m); err != nil {
		return sniffed{}, fmt.Errorf("message is not a JSON-RPC object: %w", err)
	}
	s := sniffed{Method: m.Method, CancelsID: m.Params.RequestID}
	if len(m.ID) > 0 && !bytes.Equal(m.ID, []byte("null")) {
		s.ID = m.ID
	}
	s.IsResp = m.Method == "" && (m.Result != nil || m.Error != nil)
	if v, ok := m.Params.Meta[modernVersionKey]; ok {
		_ = json.Unmarshal(v, &s.Modern)
	}
	for _, raw := range []json.RawMessage{m.Params.Name, m.Params.URI} {
		if raw != nil && json.Unmarshal(raw, &s.Name) == nil && s.Name != "" {
			break
		}
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
		if idKey(m.ID) == idKey(id) {
			return body
		}
		b, err := json.Marshal(struct {
			JSONRPC string          `json:"jsonrpc"`
			ID      json.RawMessage `json:"id"`
			Error   json.RawMessage `json:"error"`
		}{"2.0", id, m.Error})
		if err == nil {
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
