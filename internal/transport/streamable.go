package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// StreamableDialer connects to an MCP server over Streamable HTTP, in both
// eras: legacy (2025-11-25 and earlier: initialize, Mcp-Session-Id, a
// standalone GET stream, Last-Event-ID resumption) and modern (2026-07-28:
// stateless, per-request _meta, Mcp-Method/Mcp-Name headers). The era is
// chosen per message from params._meta.
//
// Every request written gets exactly one response through Read, even when
// the upstream fails: HTTP errors and broken streams become synthesized
// JSON-RPC error responses. Only an explicit cancel of a modern request
// ends it silently.
type StreamableDialer struct {
	URL string
	// Header is added to every request (credentials, for example).
	Header http.Header
	// Client defaults to a client that follows no redirects.
	Client *http.Client
	// MaxMessageBytes bounds one JSON body or SSE event; <= 0 means
	// DefaultMaxMessageBytes.
	MaxMessageBytes int
	Logger          *slog.Logger
}

// Dial validates the URL; it does no I/O (the first Write does).
func (d *StreamableDialer) Dial(ctx context.Context) (Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	u, err := parseHTTPURL(d.URL)
	if err != nil {
		return nil, err
	}
	base, cancel := context.WithCancel(context.Background())
	return &streamConn{
		url:      u.String(),
		shown:    redactURL(u),
		header:   d.Header.Clone(),
		client:   httpClient(d.Client),
		max:      maxOr(d.MaxMessageBytes),
		logger:   loggerOr(d.Logger),
		ctx:      base,
		cancel:   cancel,
		in:       newInbox(),
		inflight: make(map[string]*pending),
	}, nil
}

type pending struct {
	cancel    context.CancelFunc
	modern    bool
	cancelled bool // guarded by streamConn.mu
	// sink, when set, receives the request's messages instead of Read
	// (Call's synchronous path).
	sink func(Incoming) bool
}

// deliverTo hands a message that belongs to request p to its reader.
func (c *streamConn) deliverTo(p *pending, inc Incoming) bool {
	if p != nil && p.sink != nil {
		return p.sink(inc)
	}
	return c.deliver(inc)
}

type streamConn struct {
	url    string
	shown  string // url as logs and errors show it: no query, no userinfo
	header http.Header
	client *http.Client
	max    int
	logger *slog.Logger

	ctx    context.Context // cancelled by Close
	cancel context.CancelFunc
	in     inbox
	once   sync.Once
	wg     sync.WaitGroup

	mu         sync.Mutex
	closed     bool
	sessionID  string
	version    string // negotiated by initialize (legacy)
	getStarted bool
	expired    bool
	inflight   map[string]*pending
}

const (
	hdrSession  = "Mcp-Session-Id"
	hdrVersion  = "MCP-Protocol-Version"
	hdrMethod   = "Mcp-Method"
	hdrName     = "Mcp-Name"
	hdrLastID   = "Last-Event-ID"
	maxResumes  = 5
	deleteLimit = 2 * time.Second
)

func (c *streamConn) Write(ctx context.Context, msg []byte) error {
	s, err := sniff(msg)
	if err != nil {
		return fmt.Errorf("writing to %s: %w", c.shown, err)
	}
	s.extra = HeaderFrom(ctx)
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return fmt.Errorf("writing to %s: %w", c.shown, net.ErrClosed)
	}
	if c.expired {
		c.mu.Unlock()
		return fmt.Errorf("writing to %s: %w", c.shown, ErrSessionExpired)
	}
	if s.Method == "notifications/cancelled" && s.CancelsID != nil {
		// In 2026-07-28 closing the response stream is the cancel; the
		// notification itself is stdio-only, so it is never sent.
		p := c.inflight[idKey(s.CancelsID)]
		if p != nil && p.modern {
			p.cancelled = true
			p.cancel()
		}
		if (p != nil && p.modern) || s.Modern != "" {
			c.mu.Unlock()
			return nil
		}
	}
	if s.isRequest() {
		key := idKey(s.ID)
		if _, dup := c.inflight[key]; dup {
			c.mu.Unlock()
			return fmt.Errorf("writing to %s: request id %s is already in flight", c.shown, key)
		}
		rctx, cancel := context.WithCancel(c.ctx)
		p := &pending{cancel: cancel, modern: s.Modern != ""}
		c.inflight[key] = p
		c.wg.Add(1)
		c.mu.Unlock()
		go c.roundTrip(rctx, p, s, msg)
		return nil
	}
	c.mu.Unlock()

	// Notifications and responses: 202 expected, errors go to the caller.
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(c.ctx, cancel)()
	resp, sent, err := c.do(pctx, http.MethodPost, s, msg, "")
	if err != nil {
		return fmt.Errorf("posting %s to %s: %w", describe(s), c.shown, plainErr(err))
	}
	drainClose(resp.Body)
	if resp.StatusCode == http.StatusNotFound && sent {
		c.expire()
		return fmt.Errorf("posting %s to %s: %w", describe(s), c.shown, ErrSessionExpired)
	}
	if !is2xx(resp.StatusCode) {
		return fmt.Errorf("posting %s to %s: upstream answered HTTP %d", describe(s), c.shown, resp.StatusCode)
	}
	if s.Method == "notifications/initialized" && s.Modern == "" {
		c.startGET()
	}
	return nil
}

// Call sends one request and returns its response in the calling
// goroutine, passing the messages that arrive before it (progress,
// server-to-client requests) to related as they come. It saves the
// hand-offs through Read that Write's asynchronous path takes. Failures
// become error responses, as on that path; an error is returned only when
// no response can be produced (the connection closed, ctx cancelled).
func (c *streamConn) Call(ctx context.Context, msg []byte, related func(Incoming)) ([]byte, error) {
	s, err := sniff(msg)
	if err != nil {
		return nil, fmt.Errorf("writing to %s: %w", c.shown, err)
	}
	if !s.isRequest() {
		return nil, fmt.Errorf("writing to %s: Call needs a request", c.shown)
	}
	s.extra = HeaderFrom(ctx)
	if related == nil {
		related = func(Incoming) {}
	}
	key := idKey(s.ID)
	c.mu.Lock()
	switch {
	case c.closed:
		c.mu.Unlock()
		return nil, fmt.Errorf("writing to %s: %w", c.shown, net.ErrClosed)
	case c.expired:
		c.mu.Unlock()
		return nil, fmt.Errorf("writing to %s: %w", c.shown, ErrSessionExpired)
	}
	if _, dup := c.inflight[key]; dup {
		c.mu.Unlock()
		return nil, fmt.Errorf("writing to %s: request id %s is already in flight", c.shown, key)
	}
	rctx, cancel := context.WithCancel(c.ctx)
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	var resp []byte
	p := &pending{cancel: cancel, modern: s.Modern != "", sink: func(inc Incoming) bool {
		if resp == nil {
			if id, ok := responseID(inc.Msg); ok && idKey(id) == key {
				resp = inc.Msg
				return true
			}
		}
		related(inc)
		return true
	}}
	c.inflight[key] = p
	c.wg.Add(1)
	c.mu.Unlock()
	c.roundTrip(rctx, p, s, msg)
	if resp == nil {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: no response to %s", c.shown, s.Method)
	}
	return resp, nil
}

func describe(s sniffed) string {
	if s.Method != "" {
		return s.Method
	}
	return "response"
}

// do sends one HTTP request with the headers the message's era requires.
// sent reports whether it carried a session id (so a 404 means expiry).
func (c *streamConn) do(ctx context.Context, method string, s sniffed, body []byte, lastID string) (resp *http.Response, sent bool, err error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.url, rd)
	if err != nil {
		return nil, false, err
	}
	addHeaders(req.Header, c.header)
	switch method {
	case http.MethodPost:
		req.Header.Set("Accept", "application/json, text/event-stream")
		req.Header.Set("Content-Type", "application/json")
	case http.MethodGet:
		req.Header.Set("Accept", "text/event-stream")
	}
	if s.Modern != "" {
		req.Header.Set(hdrVersion, s.Modern)
		if s.Method != "" {
			req.Header.Set(hdrMethod, s.Method)
		}
		switch s.Method {
		case "tools/call", "resources/read", "prompts/get":
			if s.Name != "" {
				req.Header.Set(hdrName, encodeHeaderValue(s.Name))
			}
		}
		for k, v := range s.extra {
			if strings.HasPrefix(http.CanonicalHeaderKey(k), "Mcp-Param-") {
				req.Header[http.CanonicalHeaderKey(k)] = v
			}
		}
	} else if s.Method != "initialize" {
		c.mu.Lock()
		sid, ver := c.sessionID, c.version
		c.mu.Unlock()
		if sid != "" {
			req.Header.Set(hdrSession, sid)
			sent = true
		}
		if ver != "" {
			req.Header.Set(hdrVersion, ver)
		}
	}
	if lastID != "" {
		req.Header.Set(hdrLastID, lastID)
	}
	resp, err = c.client.Do(req)
	if err != nil {
		return nil, sent, plainErr(err)
	}
	return resp, sent, nil
}

// roundTrip POSTs one request and delivers everything its response carries.
func (c *streamConn) roundTrip(ctx context.Context, p *pending, s sniffed, msg []byte) {
	defer c.wg.Done()
	defer func() {
		p.cancel()
		c.mu.Lock()
		delete(c.inflight, idKey(s.ID))
		c.mu.Unlock()
	}()
	resp, sent, err := c.do(ctx, http.MethodPost, s, msg, "")
	if err != nil {
		// The detail (addresses, resolver errors) goes to the log, not to
		// the client.
		c.logger.Warn("posting to upstream", "url", c.shown, "method", s.Method, "error", plainErr(err))
		c.failRequest(p, s, "upstream request failed")
		return
	}
	defer drainClose(resp.Body)
	switch {
	case resp.StatusCode == http.StatusNotFound && sent:
		c.deliverTo(p, Incoming{Msg: errorResponse(s.ID, -32603, "upstream session expired (HTTP 404)",
			map[string]int{"http_status": 404}), Related: s.ID})
		c.expire()
		return
	case !is2xx(resp.StatusCode):
		body, _ := readBounded(resp.Body, c.max)
		c.deliverTo(p, Incoming{Msg: httpErrorResponse(s.ID, resp.StatusCode, body), Related: s.ID})
		return
	case resp.StatusCode == http.StatusAccepted:
		c.failRequest(p, s, "upstream accepted the request but sent no response (HTTP 202)")
		return
	}
	if s.Method == "initialize" && s.Modern == "" {
		if sid := resp.Header.Get(hdrSession); sid != "" {
			if validSessionID(sid) {
				c.mu.Lock()
				c.sessionID = sid
				c.mu.Unlock()
			} else {
				c.logger.Warn("ignoring malformed Mcp-Session-Id from upstream", "url", c.shown)
			}
		}
	}
	switch mt := mediaType(resp.Header); mt {
	case "application/json":
		body, err := readBounded(resp.Body, c.max)
		if err != nil {
			c.failRequest(p, s, fmt.Sprintf("reading upstream response: %v", err))
			return
		}
		msgs, err := splitBody(body)
		if err != nil {
			c.failRequest(p, s, err.Error())
			return
		}
		answered := false
		for _, m := range msgs {
			if why := stray(s, m, answered); why != "" {
				c.logger.Warn("dropped a message on an upstream response", "url", c.shown, "method", s.Method, "reason", why)
				continue
			}
			answered = c.onMessage(s, m) || answered
			if !c.deliverTo(p, Incoming{Msg: m, Related: s.ID}) {
				return
			}
		}
		if !answered {
			c.failRequest(p, s, "upstream response carried no answer to the request")
		}
	case "text/event-stream":
		c.readPostStream(ctx, p, s, resp.Body)
	default:
		c.failRequest(p, s, fmt.Sprintf("upstream answered with unexpected content type %q", mt))
	}
}

// onMessage notes what the connection must remember from msg (the
// negotiated version) and reports whether msg answers request s.
func (c *streamConn) onMessage(s sniffed, msg []byte) bool {
	id, ok := responseID(msg)
	if !ok || idKey(id) != idKey(s.ID) {
		return false
	}
	if s.Method == "initialize" && s.Modern == "" {
		// Echoed in every later request's headers: the session id's
		// visible-ASCII rule applies (JSON escapes can carry CR and LF).
		if v := initializeVersion(msg); validSessionID(v) {
			c.mu.Lock()
			c.version = v
			c.mu.Unlock()
		} else if v != "" {
			c.logger.Warn("ignoring malformed protocolVersion from upstream", "url", c.shown)
		}
	}
	return true
}

// stray says why msg may not be delivered as part of request s's
// response, or "": only JSON objects travel, and the one response is s's
// own. A response to another id (or a second one to s) on this stream
// could otherwise settle a request it was never sent for.
func stray(s sniffed, msg []byte, answered bool) string {
	if t := bytes.TrimLeft(msg, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return "not a JSON object"
	}
	if id, ok := responseID(msg); ok && (answered || idKey(id) != idKey(s.ID)) {
		return "a response that does not answer this request"
	}
	return ""
}

// readPostStream consumes a POST's SSE stream until the request's response
// arrives. A legacy stream that drops early is resumed with GET and
// Last-Event-ID when the server gave event ids.
func (c *streamConn) readPostStream(ctx context.Context, p *pending, s sniffed, body io.ReadCloser) {
	var bo Backoff
	bo.Initial, bo.Max = 200*time.Millisecond, 5*time.Second
	cur := body
	defer func() { cur.Close() }()
	er := NewEventReader(body, c.max)
	for attempt := 0; ; attempt++ {
		done, err := c.consume(p, er, s)
		if done {
			return
		}
		if ctx.Err() != nil {
			c.failRequest(p, s, "upstream request aborted")
			return
		}
		if errors.Is(err, ErrMessageTooLarge) {
			c.failRequest(p, s, fmt.Sprintf("upstream message rejected: %v", err))
			return
		}
		lastID := er.LastEventID()
		if s.Modern != "" || lastID == "" || attempt >= maxResumes {
			c.failRequest(p, s, fmt.Sprintf("upstream stream ended before the response: %v", err))
			return
		}
		// The server's retry hint is honoured up to the backoff's cap: it
		// may not park the request for an hour.
		wait := min(er.Retry(), bo.Max)
		if wait <= 0 {
			wait = bo.Next()
		}
		if sleep(ctx, wait) != nil {
			c.failRequest(p, s, "upstream request aborted")
			return
		}
		c.logger.Debug("resuming upstream stream", "url", c.shown, "last_event_id", lastID)
		resp, sent, err := c.do(ctx, http.MethodGet, s, nil, lastID)
		if err != nil {
			er = NewEventReader(bytes.NewReader(nil), c.max)
			er.lastID = lastID
			continue
		}
		if resp.StatusCode == http.StatusNotFound && sent {
			drainClose(resp.Body)
			c.deliverTo(p, Incoming{Msg: errorResponse(s.ID, -32603, "upstream session expired (HTTP 404)",
				map[string]int{"http_status": 404}), Related: s.ID})
			c.expire()
			return
		}
		if !is2xx(resp.StatusCode) || mediaType(resp.Header) != "text/event-stream" {
			drainClose(resp.Body)
			c.failRequest(p, s, fmt.Sprintf("upstream refused to resume the stream (HTTP %d)", resp.StatusCode))
			return
		}
		cur.Close()
		cur = resp.Body
		er = NewEventReader(cur, c.max)
		er.lastID = lastID
	}
}

// consume delivers a stream's messages; done means s got its response (or
// the connection is closing).
func (c *streamConn) consume(p *pending, er *EventReader, s sniffed) (done bool, err error) {
	for {
		ev, err := er.Next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return false, err
		}
		if ev.Type != "message" || len(ev.Data) == 0 {
			continue
		}
		if why := stray(s, ev.Data, false); why != "" {
			c.logger.Warn("dropped a message on an upstream response stream", "url", c.shown, "method", s.Method, "reason", why)
			continue
		}
		answered := c.onMessage(s, ev.Data)
		if !c.deliverTo(p, Incoming{Msg: ev.Data, Related: s.ID}) {
			return true, nil
		}
		if answered {
			return true, nil
		}
	}
}

// failRequest synthesizes the error response for s unless the caller
// cancelled it or closed the connection.
func (c *streamConn) failRequest(p *pending, s sniffed, why string) {
	c.mu.Lock()
	quiet := p.cancelled || c.closed
	c.mu.Unlock()
	if quiet {
		return
	}
	c.logger.Warn("upstream request failed", "url", c.shown, "method", s.Method, "error", why)
	c.deliverTo(p, Incoming{Msg: errorResponse(s.ID, -32603, why, nil), Related: s.ID})
}

func (c *streamConn) deliver(inc Incoming) bool {
	return c.in.push(c.ctx.Done(), item{inc: inc})
}

// expire queues the terminal session-expired error behind whatever was
// already delivered.
func (c *streamConn) expire() {
	c.mu.Lock()
	c.expired = true
	c.mu.Unlock()
	c.in.push(c.ctx.Done(), item{err: fmt.Errorf("%s: %w: %w", c.shown, ErrSessionExpired, io.EOF)})
}

// startGET opens the legacy standalone stream once per connection.
func (c *streamConn) startGET() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.getStarted || c.closed {
		return
	}
	c.getStarted = true
	c.wg.Add(1)
	go c.runGET()
}

// runGET keeps the standalone GET stream open until Close, reconnecting
// with Last-Event-ID and backoff (or the server's retry).
func (c *streamConn) runGET() {
	defer c.wg.Done()
	var bo Backoff
	bo.Initial, bo.Max = 500*time.Millisecond, 30*time.Second
	lastID := ""
	for {
		resp, sent, err := c.do(c.ctx, http.MethodGet, sniffed{}, nil, lastID)
		if c.ctx.Err() != nil {
			if err == nil {
				resp.Body.Close()
			}
			return
		}
		var wait time.Duration
		switch {
		case err != nil:
			c.logger.Warn("upstream GET stream failed", "url", c.shown, "error", plainErr(err))
		case resp.StatusCode == http.StatusMethodNotAllowed:
			drainClose(resp.Body)
			c.logger.Debug("upstream offers no GET stream", "url", c.shown)
			return
		case resp.StatusCode == http.StatusNotFound && sent:
			drainClose(resp.Body)
			c.expire()
			return
		case is2xx(resp.StatusCode) && mediaType(resp.Header) == "text/event-stream":
			er := NewEventReader(resp.Body, c.max)
			n := 0
			for {
				ev, err := er.Next()
				if errors.Is(err, ErrMessageTooLarge) {
					c.logger.Warn("dropped oversized message on upstream GET stream", "url", c.shown)
					continue
				}
				if err != nil {
					break
				}
				if ev.Type == "message" && len(ev.Data) > 0 {
					if !c.deliver(Incoming{Msg: ev.Data}) {
						break
					}
					n++
				}
			}
			resp.Body.Close()
			if id := er.LastEventID(); id != "" {
				lastID = id
			}
			if n > 0 {
				bo.Reset()
			}
			wait = min(er.Retry(), bo.Max)
		case resp.StatusCode >= 400 && resp.StatusCode < 500 &&
			resp.StatusCode != http.StatusRequestTimeout && resp.StatusCode != http.StatusTooManyRequests:
			drainClose(resp.Body)
			c.logger.Warn("upstream refused the GET stream", "url", c.shown, "status", resp.StatusCode)
			return
		default:
			drainClose(resp.Body)
			c.logger.Warn("upstream GET stream failed", "url", c.shown, "status", resp.StatusCode)
		}
		if wait <= 0 {
			wait = bo.Next()
		}
		if sleep(c.ctx, wait) != nil {
			return
		}
	}
}

func (c *streamConn) Read(ctx context.Context) (Incoming, error) {
	return c.in.read(ctx, c.ctx.Done(), c.shown)
}

// Close aborts in-flight requests and streams, ends the legacy session
// with DELETE (bounded by a short timeout), and waits for every goroutine.
func (c *streamConn) Close() error {
	c.once.Do(func() {
		c.mu.Lock()
		c.closed = true
		sid, ver := c.sessionID, c.version
		c.mu.Unlock()
		c.cancel()
		if sid != "" {
			ctx, cancel := context.WithTimeout(context.Background(), deleteLimit)
			defer cancel()
			req, err := http.NewRequestWithContext(ctx, http.MethodDelete, c.url, nil)
			if err == nil {
				addHeaders(req.Header, c.header)
				req.Header.Set(hdrSession, sid)
				if ver != "" {
					req.Header.Set(hdrVersion, ver)
				}
				if resp, err := c.client.Do(req); err == nil {
					drainClose(resp.Body)
				} else {
					c.logger.Debug("deleting upstream session", "url", c.shown, "error", plainErr(err))
				}
			}
		}
		c.wg.Wait()
	})
	return nil
}
