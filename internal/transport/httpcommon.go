package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// item is what HTTP transports queue for Read: a message or a terminal
// error.
type item struct {
	inc Incoming
	err error
}

// inbox is the queue behind an HTTP transport's Read, filled by the
// goroutines that read responses and streams. The first terminal error
// sticks: every Read after it returns the same one.
type inbox struct {
	ch chan item

	mu   sync.Mutex
	term error
}

func newInbox() inbox { return inbox{ch: make(chan item, 16)} }

// push queues it unless the connection (done) closes first.
func (b *inbox) push(done <-chan struct{}, it item) bool {
	select {
	case b.ch <- it:
		return true
	case <-done:
		return false
	}
}

// read returns the next message; done is the connection's, upstream names
// it in the error once it is closed.
func (b *inbox) read(ctx context.Context, done <-chan struct{}, upstream string) (Incoming, error) {
	b.mu.Lock()
	term := b.term
	b.mu.Unlock()
	if term != nil {
		return Incoming{}, term
	}
	select {
	case it := <-b.ch:
		if it.err != nil {
			return Incoming{}, b.sticky(it.err)
		}
		return it.inc, nil
	case <-done:
		return Incoming{}, b.sticky(fmt.Errorf("connection to %s closed: %w", upstream, io.EOF))
	case <-ctx.Done():
		return Incoming{}, ctx.Err()
	}
}

func (b *inbox) sticky(err error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.term == nil {
		b.term = err
	}
	return b.term
}

// httpClient returns c, or a client that refuses redirects: a redirect
// could carry the static credential headers to another origin, and a POST
// body to an endpoint nobody configured.
func httpClient(c *http.Client) *http.Client {
	if c != nil {
		return c
	}
	// Keep as many idle connections to the upstream as there are calls in
	// flight: the default of two per host makes a busy gateway redial for
	// almost every request.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 1024
	tr.MaxIdleConnsPerHost = 256
	tr.IdleConnTimeout = 90 * time.Second
	// net/http's default accepts 10 MB of response headers per response;
	// an MCP server needs a few hundred bytes.
	tr.MaxResponseHeaderBytes = maxResponseHeaderBytes
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// maxResponseHeaderBytes bounds the response headers the default client
// reads (net/http's server default for request headers).
const maxResponseHeaderBytes = 1 << 20

func loggerOr(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l
}

func maxOr(n int) int {
	if n <= 0 {
		return DefaultMaxMessageBytes
	}
	return n
}

// parseHTTPURL accepts only absolute http(s) URLs.
func parseHTTPURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("parsing upstream URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("upstream URL %q: want an absolute http or https URL", raw)
	}
	return u, nil
}

func addHeaders(dst, static http.Header) {
	for k, vs := range static {
		dst[k] = append([]string(nil), vs...)
	}
}

// readBounded reads a whole body of at most max bytes.
func readBounded(r io.Reader, max int) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(b) > max {
		return nil, fmt.Errorf("body exceeds %d bytes: %w", max, ErrMessageTooLarge)
	}
	return b, nil
}

// drainClose discards a little of what is left so the connection can be
// reused, then closes the body.
func drainClose(body io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, body, 4<<10)
	body.Close()
}

func mediaType(h http.Header) string {
	mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	return mt
}

func is2xx(code int) bool { return code >= 200 && code < 300 }

// splitBody returns the messages of an application/json body: one object,
// or the elements of a batch array (2025-03-26 allowed batches).
func splitBody(body []byte) ([][]byte, error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		// One message, by far the common case: the gateway validates it
		// when it decodes it, so it is not scanned twice here.
		return [][]byte{body}, nil
	}
	var batch []json.RawMessage
	if err := json.Unmarshal(body, &batch); err == nil {
		out := make([][]byte, 0, len(batch))
		for _, m := range batch {
			out = append(out, m)
		}
		return out, nil
	}
	if !json.Valid(body) {
		return nil, errors.New("response body is not JSON")
	}
	return [][]byte{body}, nil
}

// plainErr drops the URL from *url.Error so messages sent to clients do not
// echo upstream addresses (which may carry secrets in the query).
// redactURL is u as Warden's log and errors show it: an upstream URL may
// carry a credential in its query (?api_key=) or its userinfo, and neither
// belongs in a log line.
func redactURL(u *url.URL) string {
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		c.RawQuery = "redacted"
	}
	c.Fragment = ""
	return c.String()
}

func plainErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// validSessionID enforces the spec's visible-ASCII rule before we echo an
// upstream-chosen value in our own headers.
func validSessionID(s string) bool {
	if s == "" || len(s) > 1024 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
