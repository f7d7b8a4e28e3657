// Package transport moves whole JSON-RPC messages between Warden and MCP
// peers. It knows bytes and framing, not MCP semantics: every message is one
// JSON value, handed over unparsed so the gateway parses it exactly once.
package transport

import (
	"context"
	"encoding/json"
	"net/http"
)

// Incoming is one message read from a peer.
type Incoming struct {
	// Msg is one complete JSON-RPC message (a single JSON object).
	Msg []byte
	// Related is the JSON-RPC id of the request on whose response stream
	// this message arrived (Streamable HTTP sends server-to-client requests
	// and notifications on the POST's SSE stream). Nil when the transport
	// cannot tell (stdio, a standalone GET stream).
	Related json.RawMessage
}

// Conn is a bidirectional, message-oriented connection to an upstream MCP
// server. Write and Read may be called concurrently with each other; Write
// is safe for concurrent use.
type Conn interface {
	// Write sends one JSON-RPC message. For HTTP transports a request's
	// response (and anything related to it) is delivered through Read.
	Write(ctx context.Context, msg []byte) error
	// Read blocks for the next incoming message. It returns io.EOF (possibly
	// wrapped) once the connection is closed or the peer is gone.
	Read(ctx context.Context) (Incoming, error)
	// Close releases the connection (ends the child process, deletes the
	// HTTP session). It is safe to call more than once.
	Close() error
}

// Caller is implemented by connections that can carry a request in the
// calling goroutine (Streamable HTTP): Call sends msg and returns its
// response; messages related to the request that arrive before it are
// passed to related, in order, on the calling goroutine. Callers use it
// when available because it saves goroutine hand-offs per request.
type Caller interface {
	Call(ctx context.Context, msg []byte, related func(Incoming)) ([]byte, error)
}

// Dialer opens a new Conn. Upstream clients redial after a connection dies.
type Dialer interface {
	Dial(ctx context.Context) (Conn, error)
}

type headerKey struct{}

// WithHeader attaches HTTP headers to the message written with ctx: the
// 2026-07-28 Mcp-Param-* headers that mirror tool arguments, which only the
// gateway can compute (it knows the tool's schema). HTTP transports add
// them to the request that carries the message; others ignore them.
func WithHeader(ctx context.Context, h http.Header) context.Context {
	return context.WithValue(ctx, headerKey{}, h)
}

// HeaderFrom returns the headers attached by WithHeader, or nil.
func HeaderFrom(ctx context.Context) http.Header {
	h, _ := ctx.Value(headerKey{}).(http.Header)
	return h
}
