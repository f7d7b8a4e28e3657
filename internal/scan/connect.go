package scan

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"time"

	"github.com/warden-mcp/warden/internal/transport"
)

// StdioLister starts a stdio server, initialises an MCP session and lists
// its tools. Only used when the person asks (--connect): starting a server
// runs its code.
type StdioLister struct {
	// Timeout bounds one server from start to last page; 0 means 30s.
	Timeout time.Duration
	Logger  *slog.Logger
}

// inherited are the variables a server needs to start at all (finding
// npx, its cache, a temp dir); nothing else of the scanner's environment
// reaches it.
var inherited = []string{"PATH", "HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "SystemRoot", "TEMP", "TMP", "TMPDIR", "LANG"}

const maxPages = 50

// ListTools implements Lister.
func (l *StdioLister) ListTools(ctx context.Context, s Server) ([]json.RawMessage, error) {
	if s.Command == "" {
		return nil, errors.New("no command to start")
	}
	timeout := l.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var env []string
	for _, k := range inherited {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	for _, k := range sortedKeys(s.Env) {
		env = append(env, k+"="+s.Env[k])
	}
	log := l.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	d := &transport.StdioDialer{Command: s.Command, Args: s.Args, Env: env,
		Logger: log.With("server", s.Name), TerminateTimeout: time.Second}
	conn, err := d.Dial(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	c := &rpc{conn: conn}
	if _, err := c.call(ctx, "initialize", map[string]any{
		"protocolVersion": "2025-06-18",
		"capabilities":    map[string]any{},
		"clientInfo":      map[string]any{"name": "warden-scan", "version": runtime.Version()},
	}); err != nil {
		return nil, fmt.Errorf("initialize: %w", err)
	}
	if err := c.notify(ctx, "notifications/initialized"); err != nil {
		return nil, err
	}
	var tools []json.RawMessage
	cursor := ""
	for page := 0; page < maxPages; page++ {
		params := map[string]any{}
		if cursor != "" {
			params["cursor"] = cursor
		}
		res, err := c.call(ctx, "tools/list", params)
		if err != nil {
			return nil, fmt.Errorf("tools/list: %w", err)
		}
		var r struct {
			Tools      []json.RawMessage `json:"tools"`
			NextCursor string            `json:"nextCursor"`
		}
		if err := json.Unmarshal(res, &r); err != nil {
			return nil, fmt.Errorf("tools/list result: %w", err)
		}
		tools = append(tools, r.Tools...)
		if r.NextCursor == "" {
			return tools, nil
		}
		cursor = r.NextCursor
	}
	return tools, fmt.Errorf("tools/list: more than %d pages", maxPages)
}

type rpc struct {
	conn transport.Conn
	id   int
}

func (c *rpc) notify(ctx context.Context, method string) error {
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method})
	return c.conn.Write(ctx, b)
}

func (c *rpc) call(ctx context.Context, method string, params any) (json.RawMessage, error) {
	c.id++
	id := c.id
	b, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	if err := c.conn.Write(ctx, b); err != nil {
		return nil, err
	}
	for range 10000 { // bounded: a server cannot keep us reading forever
		in, err := c.conn.Read(ctx)
		if err != nil {
			return nil, err
		}
		var m struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Code    int    `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		}
		if json.Unmarshal(in.Msg, &m) != nil {
			continue
		}
		if m.Method != "" {
			if len(m.ID) > 0 { // a request to us: ping gets {}, anything else "not supported"
				reply := map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": map[string]any{}}
				if m.Method != "ping" {
					reply = map[string]any{"jsonrpc": "2.0", "id": m.ID, "error": map[string]any{"code": -32601, "message": "warden scan does not support " + m.Method}}
				}
				rb, _ := json.Marshal(reply)
				if err := c.conn.Write(ctx, rb); err != nil {
					return nil, err
				}
			}
			continue
		}
		if string(m.ID) != fmt.Sprint(id) {
			continue
		}
		if m.Error != nil {
			return nil, fmt.Errorf("server error %d: %s", m.Error.Code, m.Error.Message)
		}
		return m.Result, nil
	}
	return nil, errors.New("no response")
}
