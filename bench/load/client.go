// Package load is the load generator of Warden's benchmarks: MCP clients
// over raw net/http with keep-alive, each worker holding its own session,
// and latency recorded per request.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Protocol selects how a client talks to an MCP endpoint.
type Protocol int

const (
	// Legacy is the 2025-11-25 protocol: initialize once per session, then
	// requests carrying Mcp-Session-Id.
	Legacy Protocol = iota
	// Stateless is the 2026-07-28 protocol: no session, every request
	// carries _meta and the MCP-Protocol-Version, Mcp-Method and Mcp-Name
	// headers.
	Stateless
)

func (p Protocol) String() string {
	if p == Stateless {
		return "stateless-2026-07-28"
	}
	return "legacy-2025-11-25"
}

// Protocol versions the clients speak.
const (
	LegacyVersion    = "2025-11-25"
	StatelessVersion = "2026-07-28"
)

// maxResponse bounds one response body read by a client.
const maxResponse = 16 << 20

// Target is one MCP endpoint and the tool to call on it.
type Target struct {
	URL      string
	Protocol Protocol
	Tool     string // called with arguments {"bytes": N}
	Client   *http.Client
}

// NewClient returns an HTTP client with keep-alive connections for n
// concurrent workers.
func NewClient(n int) *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        n + 4,
			MaxIdleConnsPerHost: n + 4,
			MaxConnsPerHost:     n + 4,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
		},
	}
}

// Session is one client of a Target. It is not safe for concurrent use:
// each worker owns one.
type Session struct {
	t    *Target
	id   string // Mcp-Session-Id (legacy only)
	next int64
	hdr  http.Header
}

// Open starts a session: for Legacy, initialize and
// notifications/initialized; for Stateless, nothing goes over the wire.
func (t *Target) Open(ctx context.Context) (*Session, error) {
	s := &Session{t: t, next: 1, hdr: http.Header{
		"Content-Type": {"application/json"},
		"Accept":       {"application/json, text/event-stream"},
	}}
	if t.Protocol == Stateless {
		s.hdr.Set("MCP-Protocol-Version", StatelessVersion)
		s.hdr.Set("Mcp-Method", "tools/call")
		s.hdr.Set("Mcp-Name", t.Tool)
		return s, nil
	}
	init := fmt.Sprintf(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":%q,"capabilities":{},"clientInfo":{"name":"wardenbench","version":"1"}}}`, LegacyVersion)
	resp, hdr, err := s.post(ctx, []byte(init))
	if err != nil {
		return nil, fmt.Errorf("initialize: %w", err)
	}
	if _, err := Parse(hdr.Get("Content-Type"), resp); err != nil {
		return nil, fmt.Errorf("initialize: %w", err)
	}
	s.id = hdr.Get("Mcp-Session-Id")
	if s.id == "" {
		return nil, errors.New("initialize: the response has no Mcp-Session-Id")
	}
	s.hdr.Set("Mcp-Session-Id", s.id)
	s.hdr.Set("MCP-Protocol-Version", LegacyVersion)
	if _, _, err := s.post(ctx, []byte(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)); err != nil {
		return nil, fmt.Errorf("notifications/initialized: %w", err)
	}
	return s, nil
}

// ID returns the session id (empty for Stateless).
func (s *Session) ID() string { return s.id }

// request builds the tools/call body for a result of n bytes.
func (s *Session) request(n int) []byte {
	// A fresh buffer each time: the transport may still hold the last
	// request's body when Do returns.
	b := make([]byte, 0, 320)
	b = append(b, `{"jsonrpc":"2.0","id":`...)
	b = strconv.AppendInt(b, s.next, 10)
	s.next++
	b = append(b, `,"method":"tools/call","params":{"name":`...)
	b = strconv.AppendQuote(b, s.t.Tool)
	b = append(b, `,"arguments":{"bytes":`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '}')
	if s.t.Protocol == Stateless {
		b = append(b, `,"_meta":{"io.modelcontextprotocol/protocolVersion":"`+StatelessVersion+
			`","io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/clientInfo":{"name":"wardenbench","version":"1"}}`...)
	}
	return append(b, "}}"...)
}

// Call makes one tools/call for a result of n bytes. With verify, the
// response is parsed in full and the text's size checked; otherwise only
// cheaply (status, a result, no error, at least n bytes), so that the load
// generator's own CPU stays small next to what it measures.
func (s *Session) Call(ctx context.Context, n int, verify bool) error {
	body, hdr, err := s.post(ctx, s.request(n))
	if err != nil {
		return err
	}
	if verify {
		m, err := Parse(hdr.Get("Content-Type"), body)
		if err != nil {
			return err
		}
		return CheckText(m.Result, n)
	}
	if len(body) < n || !bytes.Contains(body, []byte(`"result"`)) || bytes.Contains(body, []byte(`"isError":true`)) {
		return fmt.Errorf("unexpected response (%d bytes): %.200s", len(body), body)
	}
	return nil
}

func (s *Session) post(ctx context.Context, body []byte) ([]byte, http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.t.URL, bytes.NewReader(body))
	if err != nil {
		return nil, nil, fmt.Errorf("building the request: %w", err)
	}
	req.Header = s.hdr.Clone()
	resp, err := s.t.Client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading the response: %w", err)
	}
	if len(out) > maxResponse {
		return nil, nil, fmt.Errorf("response larger than %d bytes", maxResponse)
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusAccepted:
		if len(bytes.TrimSpace(out)) != 0 {
			return nil, nil, fmt.Errorf("status 202 with a body: %.200s", out)
		}
	default:
		return nil, nil, fmt.Errorf("status %d: %.200s", resp.StatusCode, out)
	}
	return out, resp.Header, nil
}

// CheckText checks that a tools/call result is one text block of n bytes
// and not an error result.
func CheckText(result json.RawMessage, n int) error {
	var r struct {
		Content []struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"content"`
		IsError bool `json:"isError"`
	}
	if err := json.Unmarshal(result, &r); err != nil {
		return fmt.Errorf("decoding the tools/call result: %w", err)
	}
	if r.IsError {
		return fmt.Errorf("the tool reported an error: %.200s", result)
	}
	if len(r.Content) != 1 || r.Content[0].Type != "text" || len(r.Content[0].Text) != n {
		return fmt.Errorf("expected one text block of %d bytes, got %.200s", n, result)
	}
	return nil
}
