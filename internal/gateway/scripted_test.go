package gateway_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"sync"

	"github.com/warden-mcp/warden/internal/mcp"
	"github.com/warden-mcp/warden/internal/transport"
)

// scripted is an in-process legacy MCP server whose every answer a test
// writes by hand, so it can send what no SDK would (a hostile server): it
// speaks newline-free JSON-RPC over a transport.Conn with no relation
// information, as a stdio child does.
type scripted struct {
	// handle answers one request other than initialize and server/discover;
	// it may call srv.send first (server requests, notifications).
	handle func(srv *scriptedConn, m *mcp.Message) *mcp.Message
	// tools is the tools/list result (default: one tool "t").
	tools string
}

func (s *scripted) Dial(ctx context.Context) (transport.Conn, error) {
	return &scriptedConn{s: s, in: make(chan []byte, 64), done: make(chan struct{}), waits: map[string]chan *mcp.Message{}}, nil
}

type scriptedConn struct {
	s    *scripted
	in   chan []byte
	done chan struct{}
	once sync.Once

	mu    sync.Mutex
	next  int
	waits map[string]chan *mcp.Message // server request id → its answer
}

func (c *scriptedConn) Write(ctx context.Context, msg []byte) error {
	m, err := mcp.Decode(msg)
	if err != nil {
		return err
	}
	switch m.Kind() {
	case mcp.KindResponse:
		c.mu.Lock()
		ch := c.waits[m.IDKey()]
		delete(c.waits, m.IDKey())
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		}
		return nil
	case mcp.KindNotification:
		return nil
	}
	go func() {
		var resp *mcp.Message
		switch m.Method {
		case mcp.MethodDiscover:
			resp = mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeMethodNotFound, "method not found", nil))
		case mcp.MethodInitialize:
			resp = mcp.NewResult(nil, map[string]any{"protocolVersion": "2025-06-18",
				"capabilities": map[string]any{"tools": map[string]any{}, "logging": map[string]any{}},
				"serverInfo":   map[string]any{"name": "scripted", "version": "1"}})
		case mcp.MethodToolsList:
			tools := c.s.tools
			if tools == "" {
				tools = `{"tools":[{"name":"t","inputSchema":{"type":"object"}}]}`
			}
			resp = &mcp.Message{Result: json.RawMessage(tools)}
		default:
			resp = c.s.handle(c, m)
		}
		if resp != nil {
			resp.ID = m.ID
			c.send(resp)
		}
	}()
	return nil
}

// send writes a message to Warden.
func (c *scriptedConn) send(m *mcp.Message) {
	select {
	case c.in <- m.Encode():
	case <-c.done:
	}
}

// ask sends a server-to-client request and waits for Warden's answer.
func (c *scriptedConn) ask(ctx context.Context, method string, params any) (*mcp.Message, error) {
	c.mu.Lock()
	c.next++
	id := mcp.IntID(int64(1000 + c.next))
	ch := make(chan *mcp.Message, 1)
	c.waits[string(id)] = ch
	c.mu.Unlock()
	c.send(mcp.NewRequest(id, method, params))
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-c.done:
		return nil, errors.New("closed")
	}
}

func (c *scriptedConn) Read(ctx context.Context) (transport.Incoming, error) {
	select {
	case b := <-c.in:
		return transport.Incoming{Msg: b}, nil
	case <-c.done:
		return transport.Incoming{}, io.EOF
	case <-ctx.Done():
		return transport.Incoming{}, ctx.Err()
	}
}

func (c *scriptedConn) Close() error {
	c.once.Do(func() { close(c.done) })
	return nil
}
