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

// SSEDialer connects to a server speaking the deprecated HTTP+SSE transport
// of 2024-11-05: a GET stream that first names a POST endpoint and then
// carries every server message.
type SSEDialer struct {
	URL string
	// Header is added to every request (credentials, for example).
	Header http.Header
	// Client defaults to a client that follows no redirects.
	Client *http.Client
	// MaxMessageBytes bounds one SSE event or error body; <= 0 means
	// DefaultMaxMessageBytes.
	MaxMessageBytes int
	Logger          *slog.Logger
}

// Dial opens the stream and waits (bounded by ctx) for the endpoint event.
// An endpoint on another origin is refused: the static headers may be
// credentials meant only for URL's origin.
func (d *SSEDialer) Dial(ctx context.Context) (Conn, error) {
	base, err := parseHTTPURL(d.URL)
	if err != nil {
		return nil, err
	}
	c := &sseConn{
		header: d.Header.Clone(),
		client: httpClient(d.Client),
		max:    maxOr(d.MaxMessageBytes),
		logger: loggerOr(d.Logger),
		in:     newInbox(),
	}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	// The stream outlives Dial's ctx; only its setup is bounded by it (and
	// by a default, so a server that never names its endpoint cannot hang
	// the caller).
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, sseDialTimeout)
		defer cancel()
	}
	stop := context.AfterFunc(ctx, c.cancel)
	defer stop()
	fail := func(err error) (Conn, error) {
		c.cancel()
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (%w)", err, ctx.Err())
		}
		return nil, fmt.Errorf("connecting to %s: %w", base.Redacted(), err)
	}
	req, err := http.NewRequestWithContext(c.ctx, http.MethodGet, base.String(), nil)
	if err != nil {
		return fail(err)
	}
	addHeaders(req.Header, c.header)
	req.Header.Set("Accept", "text/event-stream")
	resp, err := c.client.Do(req)
	if err != nil {
		return fail(plainErr(err))
	}
	if !is2xx(resp.StatusCode) || mediaType(resp.Header) != "text/event-stream" {
		drainClose(resp.Body)
		return fail(fmt.Errorf("upstream answered HTTP %d (%s), want an event stream",
			resp.StatusCode, resp.Header.Get("Content-Type")))
	}
	er := NewEventReader(resp.Body, c.max)
	for {
		ev, err := er.Next()
		if err != nil {
			resp.Body.Close()
			return fail(fmt.Errorf("waiting for the endpoint event: %w", err))
		}
		if ev.Type != "endpoint" {
			continue // nothing may precede it; skip rather than misroute
		}
		ep, err := base.Parse(strings.TrimSpace(string(ev.Data)))
		if err != nil {
			resp.Body.Close()
			return fail(fmt.Errorf("parsing endpoint %q: %w", ev.Data, err))
		}
		if ep.Scheme != base.Scheme || ep.Host != base.Host {
			resp.Body.Close()
			return fail(fmt.Errorf("refusing endpoint on another origin %s://%s", ep.Scheme, ep.Host))
		}
		c.endpoint = ep.String()
		c.shown = redactURL(ep)
		break
	}
	if !stop() {
		resp.Body.Close()
		return fail(errors.New("dial cancelled"))
	}
	c.wg.Add(1)
	go c.readStream(resp.Body, er)
	return c, nil
}

// sseDialTimeout bounds waiting for the endpoint event when Dial's ctx has
// no deadline.
const sseDialTimeout = 30 * time.Second

type sseConn struct {
	endpoint string
	shown    string // endpoint as logs and errors show it (no query: it may hold a credential)
	header   http.Header
	client   *http.Client
	max      int
	logger   *slog.Logger

	ctx    context.Context
	cancel context.CancelFunc
	in     inbox
	once   sync.Once
	wg     sync.WaitGroup
}

func (c *sseConn) readStream(body io.ReadCloser, er *EventReader) {
	defer c.wg.Done()
	defer body.Close()
	for {
		ev, err := er.Next()
		if errors.Is(err, ErrMessageTooLarge) {
			c.logger.Warn("dropped oversized message on upstream SSE stream", "url", c.shown)
			continue
		}
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			c.push(item{err: fmt.Errorf("upstream SSE stream ended (%v): %w", err, io.EOF)})
			return
		}
		if ev.Type != "message" || len(ev.Data) == 0 {
			continue
		}
		if !c.push(item{inc: Incoming{Msg: ev.Data}}) {
			return
		}
	}
}

func (c *sseConn) push(it item) bool { return c.in.push(c.ctx.Done(), it) }

// Write POSTs msg to the endpoint. For a request, an HTTP failure becomes a
// synthesized JSON-RPC error delivered through Read (the response would
// otherwise never come); for anything else it is returned.
func (c *sseConn) Write(ctx context.Context, msg []byte) error {
	s, err := sniff(msg)
	if err != nil {
		return fmt.Errorf("writing to %s: %w", c.shown, err)
	}
	if c.ctx.Err() != nil {
		return fmt.Errorf("writing to %s: %w", c.shown, net.ErrClosed)
	}
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(c.ctx, cancel)()
	req, err := http.NewRequestWithContext(pctx, http.MethodPost, c.endpoint, bytes.NewReader(msg))
	if err != nil {
		return fmt.Errorf("writing to %s: %w", c.shown, err)
	}
	addHeaders(req.Header, c.header)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.client.Do(req)
	var failure []byte
	switch {
	case err != nil:
		if !s.isRequest() || c.ctx.Err() != nil {
			return fmt.Errorf("posting %s: %w", describe(s), plainErr(err))
		}
		c.logger.Warn("posting to upstream", "url", c.shown, "method", s.Method, "error", plainErr(err))
		failure = errorResponse(s.ID, -32603, "upstream request failed", nil)
	case !is2xx(resp.StatusCode):
		body, _ := readBounded(resp.Body, c.max)
		drainClose(resp.Body)
		if !s.isRequest() {
			return fmt.Errorf("posting %s: upstream answered HTTP %d", describe(s), resp.StatusCode)
		}
		failure = httpErrorResponse(s.ID, resp.StatusCode, body)
	default:
		drainClose(resp.Body)
		return nil
	}
	c.logger.Warn("upstream request failed", "url", c.shown, "method", s.Method)
	if !c.push(item{inc: Incoming{Msg: failure, Related: s.ID}}) {
		return fmt.Errorf("writing to %s: %w", c.shown, net.ErrClosed)
	}
	return nil
}

func (c *sseConn) Read(ctx context.Context) (Incoming, error) {
	return c.in.read(ctx, c.ctx.Done(), c.shown)
}

// Close ends the stream; the 2024-11-05 transport has no session teardown.
func (c *sseConn) Close() error {
	c.once.Do(func() {
		c.cancel()
		c.wg.Wait()
	})
	return nil
}
