package gateway

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// ServeStdio serves one client over newline-delimited JSON on r and w (the
// `warden wrap` mode, where a desktop client launches Warden). It returns
// when r reaches EOF or ctx ends, after in-flight requests finish.
func (g *Gateway) ServeStdio(ctx context.Context, r io.Reader, w io.Writer, maxMessage int) error {
	if maxMessage <= 0 {
		maxMessage = 4 << 20
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wmu sync.Mutex
	write := func(_ context.Context, m *mcp.Message) error {
		b := m.Encode()
		wmu.Lock()
		defer wmu.Unlock()
		if _, err := w.Write(append(b, '\n')); err != nil {
			return fmt.Errorf("writing to stdout: %w", err)
		}
		return nil
	}
	principal := &guard.Principal{Subject: "local"}
	s := g.NewSession(principal)
	s.persistent = true
	defer g.EndSession(context.WithoutCancel(ctx), s, "stdin closed")

	// Messages outside any request (list changes, resource updates).
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-s.OutboxReady():
				for _, m := range s.TakeOutbox() {
					_ = write(ctx, m)
				}
			}
		}
	}()

	var wg sync.WaitGroup
	defer wg.Wait()
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, head, err := readLine(br, maxMessage)
		if errors.Is(err, errLineTooLong) {
			msg := fmt.Sprintf("message larger than the limit of %d bytes", maxMessage)
			g.refused("too_large", msg, map[string]any{"transport": "stdio"})
			// Answered under the request's own id when its start shows it,
			// so a client waiting on that id is not left waiting.
			_ = write(ctx, mcp.NewErrorResponse(headID(head), mcp.NewError(mcp.CodeInvalidRequest, msg, nil)))
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading stdin: %w", err)
		}
		if len(line) == 0 {
			continue
		}
		m, derr := mcp.Decode(line)
		if derr != nil {
			code := mcp.CodeParseError
			if errors.Is(derr, mcp.ErrBatch) || errors.Is(derr, mcp.ErrDuplicateName) {
				code = mcp.CodeInvalidRequest
			}
			g.refused("malformed", derr.Error(), map[string]any{"transport": "stdio"})
			_ = write(ctx, mcp.NewErrorResponse(nil, mcp.NewError(code, derr.Error(), nil)))
			continue
		}
		sess := s
		if m.Kind() == mcp.KindRequest && s.ID() == "" && m.Method != mcp.MethodInitialize {
			if v := mcp.MetaOf(m.Params).String(mcp.MetaProtocolVersion); v != "" {
				sess = g.StatelessSession(principal, m.Params)
				sess.parent = s
			}
		}
		if m.Kind() != mcp.KindRequest {
			g.Handle(ctx, sess, m, nil)
			continue
		}
		if m.Method == mcp.MethodInitialize {
			// The handshake is answered before the next line is read: a
			// client may send initialize, initialized and its first
			// requests without waiting (servers on stdio answer them in
			// order), and those requests must find the session open.
			_ = write(ctx, g.Handle(ctx, sess, m, write))
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if sess != s {
				defer sess.close()
			}
			resp := g.Handle(ctx, sess, m, write)
			_ = write(ctx, resp)
		}()
	}
}

var errLineTooLong = errors.New("line too long")

// headProbe is how much of a line too long to keep is kept to find its id.
const headProbe = 512

// readLine reads one line without holding more than max bytes of it. A
// line too long is consumed and reported as errLineTooLong with its first
// bytes (head).
func readLine(br *bufio.Reader, limit int) (line, head []byte, err error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > limit+1 {
				tooLong = true
				head = append([]byte(nil), buf[:min(len(buf), headProbe)]...)
				head = append(head, chunk[:min(len(chunk), headProbe-len(head))]...)
				buf = nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !(errors.Is(err, io.EOF) && len(buf) > 0) {
			return nil, nil, err
		}
		if tooLong {
			return nil, head, errLineTooLong
		}
		for len(buf) > 0 && (buf[len(buf)-1] == '\n' || buf[len(buf)-1] == '\r') {
			buf = buf[:len(buf)-1]
		}
		return buf, nil, nil
	}
}

// headID reads the top-level "id" of a request of which only the first
// bytes are known, skipping whole members before it; nil when they do not
// show it (the id comes after the part that was too long).
func headID(head []byte) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(head))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for {
		key, err := dec.Token()
		if err != nil {
			return nil
		}
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			return nil
		}
		if key == "id" && len(v) > 0 && (v[0] == '"' || v[0] == '-' || v[0] >= '0' && v[0] <= '9') {
			return v
		}
	}
}
