package gateway

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
	"github.com/warden-mcp/warden/internal/transport"
)

// Authenticator identifies the caller of an HTTP request. It returns an
// error that the handler turns into a 401 (or the status the error
// carries).
type Authenticator interface {
	Authenticate(r *http.Request) (*guard.Principal, error)
}

// AuthenticatorFunc adapts a function.
type AuthenticatorFunc func(r *http.Request) (*guard.Principal, error)

func (f AuthenticatorFunc) Authenticate(r *http.Request) (*guard.Principal, error) { return f(r) }

// HTTPError is an error with an HTTP status and headers (for example a 401
// with WWW-Authenticate).
type HTTPError struct {
	Status int
	Header http.Header
	Msg    string
}

func (e *HTTPError) Error() string { return e.Msg }

// HTTPOptions configures the downstream HTTP handler.
type HTTPOptions struct {
	// Path of the Streamable HTTP endpoint; the legacy HTTP+SSE transport
	// is served at SSEPath and MessagePath.
	Path, SSEPath, MessagePath string
	MaxMessageBytes            int64
	// AllowedHosts and AllowedOrigins extend the loopback defaults when
	// LoopbackOnly is set; otherwise, when non-empty, they are the whole
	// allowlist.
	AllowedHosts, AllowedOrigins []string
	// LoopbackOnly is set when the listener is bound to a loopback address:
	// Host and Origin must then name loopback (DNS-rebinding protection).
	LoopbackOnly bool
	Auth         Authenticator
	// ScopeCheck, when set, is asked before a tools/call, prompts/get or
	// resources/read is served whether the principal holds the scopes its
	// server and tool (or prompt) need; an *HTTPError answers with its
	// status (403 insufficient_scope, the specification's step-up
	// challenge). The scopes guard checks the same in the pipeline, for
	// requests this layer cannot route yet.
	ScopeCheck func(p *guard.Principal, server, method, name string) error
	// KeepAlive is the interval of SSE comment pings on long streams.
	KeepAlive time.Duration
}

type httpHandler struct {
	g    *Gateway
	opts HTTPOptions

	mu  sync.Mutex
	get map[string]bool // sessions with an open GET stream
	sse map[string]*sseSession
}

// sseSession is one legacy HTTP+SSE client: its session and its stream.
type sseSession struct {
	s  *Session
	st *sseStream
}

// HTTPHandler serves MCP over Streamable HTTP (stateful and stateless) and
// the legacy HTTP+SSE transport.
func (g *Gateway) HTTPHandler(opts HTTPOptions) http.Handler {
	if opts.Path == "" {
		opts.Path = "/mcp"
	}
	if opts.SSEPath == "" {
		opts.SSEPath = "/sse"
	}
	if opts.MessagePath == "" {
		opts.MessagePath = "/message"
	}
	if opts.MaxMessageBytes <= 0 {
		opts.MaxMessageBytes = 4 << 20
	}
	if opts.KeepAlive <= 0 {
		opts.KeepAlive = 25 * time.Second
	}
	h := &httpHandler{g: g, opts: opts, get: map[string]bool{}, sse: map[string]*sseSession{}}
	mux := http.NewServeMux()
	mux.HandleFunc(opts.Path, h.streamable)
	mux.HandleFunc(opts.SSEPath, h.legacySSE)
	mux.HandleFunc(opts.MessagePath, h.legacyMessage)
	return h.guardOrigin(mux)
}

// guardOrigin rejects requests whose Host or Origin could come from a DNS
// rebinding attack, and tokens in query strings.
func (h *httpHandler) guardOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.hostAllowed(r.Host) {
			h.reject(w, r, http.StatusForbidden, "Host not allowed", "bad_host")
			return
		}
		if o := r.Header.Get("Origin"); o != "" && !h.originAllowed(o) {
			h.reject(w, r, http.StatusForbidden, "Origin not allowed", "bad_origin")
			return
		}
		q := r.URL.Query()
		if q.Has("access_token") || q.Has("token") || q.Has("api_key") {
			h.reject(w, r, http.StatusBadRequest, "credentials in the query string are refused; send an Authorization header", "query_token")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *httpHandler) reject(w http.ResponseWriter, r *http.Request, status int, msg, reason string) {
	h.refuse(w, r, status, nil, mcp.NewError(mcp.CodeInvalidRequest, msg, nil), reason)
}

// refuse answers a message refused before any guard saw it, and audits it.
func (h *httpHandler) refuse(w http.ResponseWriter, r *http.Request, status int, id json.RawMessage, e *mcp.Error, reason string) {
	h.g.refused(reason, e.Message, map[string]any{"remote": r.RemoteAddr, "host": r.Host, "origin": r.Header.Get("Origin"), "path": r.URL.Path})
	writeJSONError(w, status, id, e)
}

func isLoopbackHost(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func (h *httpHandler) hostAllowed(hostport string) bool {
	host := hostport
	if hh, _, err := net.SplitHostPort(hostport); err == nil {
		host = hh
	}
	for _, a := range h.opts.AllowedHosts {
		if strings.EqualFold(a, host) || strings.EqualFold(a, hostport) {
			return true
		}
	}
	if h.opts.LoopbackOnly {
		return isLoopbackHost(host)
	}
	return len(h.opts.AllowedHosts) == 0
}

func (h *httpHandler) originAllowed(origin string) bool {
	for _, a := range h.opts.AllowedOrigins {
		if strings.EqualFold(a, origin) {
			return true
		}
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	if h.opts.LoopbackOnly {
		return isLoopbackHost(u.Hostname())
	}
	return len(h.opts.AllowedOrigins) == 0
}

func (h *httpHandler) authenticate(w http.ResponseWriter, r *http.Request) (*guard.Principal, bool) {
	if h.opts.Auth == nil {
		return &guard.Principal{Subject: "local"}, true
	}
	p, err := h.opts.Auth.Authenticate(r)
	if err == nil {
		return p, true
	}
	status := http.StatusUnauthorized
	var he *HTTPError
	if errors.As(err, &he) {
		status = he.Status
		for k, vs := range he.Header {
			for _, v := range vs {
				w.Header().Add(k, v)
			}
		}
	}
	_ = h.g.auditAsync(Event{Kind: "auth", Verdict: "deny", Reason: err.Error(), Details: map[string]any{"remote": r.RemoteAddr}})
	writeJSONError(w, status, nil, mcp.NewError(mcp.CodeInvalidRequest, err.Error(), nil))
	return nil, false
}

func writeJSONError(w http.ResponseWriter, status int, id json.RawMessage, e *mcp.Error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(mcp.NewErrorResponse(id, e).Encode())
}

// readBody reads one bounded message body.
func (h *httpHandler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxMessageBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			h.reject(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("message larger than the limit of %d bytes", h.opts.MaxMessageBytes), "too_large")
			return nil, false
		}
		writeJSONError(w, http.StatusBadRequest, nil, mcp.NewError(mcp.CodeParseError, "reading the request body: "+err.Error(), nil))
		return nil, false
	}
	return body, true
}

func (h *httpHandler) decode(w http.ResponseWriter, r *http.Request, body []byte) (*mcp.Message, bool) {
	m, err := mcp.Decode(body)
	if err != nil {
		code := mcp.CodeParseError
		if errors.Is(err, mcp.ErrBatch) || errors.Is(err, mcp.ErrDuplicateName) {
			code = mcp.CodeInvalidRequest
		}
		h.refuse(w, r, http.StatusBadRequest, nil, mcp.NewError(code, err.Error(), nil), "malformed")
		return nil, false
	}
	return m, true
}

// jsonContentType reports whether a Content-Type names JSON in UTF-8.
// Media types compare without regard to case; a body declared in another
// charset would be read as UTF-8 here and as something else by its
// sender, so it is refused rather than guessed at.
func jsonContentType(ct string) bool {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return false
	}
	cs, ok := params["charset"]
	return !ok || strings.EqualFold(cs, "utf-8")
}

func acceptsBoth(r *http.Request) bool {
	a := r.Header.Get("Accept")
	if a == "" || strings.Contains(a, "*/*") {
		return true
	}
	return strings.Contains(a, "application/json") && strings.Contains(a, "text/event-stream")
}

func (h *httpHandler) streamable(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
		h.post(w, r)
	case http.MethodGet:
		h.getStream(w, r)
	case http.MethodDelete:
		h.deleteSession(w, r)
	default:
		w.Header().Set("Allow", "GET, POST, DELETE")
		writeJSONError(w, http.StatusMethodNotAllowed, nil, mcp.NewError(mcp.CodeInvalidRequest, "method not allowed", nil))
	}
}

// session finds the caller's legacy session. Presenting a session that
// belongs to another principal is answered exactly like an unknown one
// (404), and audited. The owner's request rebinds the session to the
// token it carries (Session.rebind).
func (h *httpHandler) session(w http.ResponseWriter, r *http.Request, p *guard.Principal, id string) *Session {
	s := h.g.Session(id)
	if s != nil && !s.rebind(p) {
		_ = h.g.auditAsync(Event{Kind: "session", Verdict: "deny", Principal: p.String(), Session: id,
			Reason: "session presented by a principal that does not own it", Details: map[string]any{"remote": r.RemoteAddr}})
		s = nil
	}
	if s == nil {
		writeJSONError(w, http.StatusNotFound, nil, mcp.NewError(mcp.CodeInvalidRequest, "session not found", nil))
	}
	return s
}

func (h *httpHandler) post(w http.ResponseWriter, r *http.Request) {
	if !acceptsBoth(r) {
		writeJSONError(w, http.StatusNotAcceptable, nil, mcp.NewError(mcp.CodeInvalidRequest, "Accept must list application/json and text/event-stream", nil))
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !jsonContentType(ct) {
		writeJSONError(w, http.StatusUnsupportedMediaType, nil, mcp.NewError(mcp.CodeInvalidRequest, "Content-Type must be application/json (in UTF-8)", nil))
		return
	}
	p, ok := h.authenticate(w, r)
	if !ok {
		return
	}
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	m, ok := h.decode(w, r, body)
	if !ok {
		return
	}
	var s *Session
	if id := r.Header.Get("Mcp-Session-Id"); id != "" {
		if s = h.session(w, r, p, id); s == nil {
			return
		}
		if v := r.Header.Get("Mcp-Protocol-Version"); v != "" && !mcp.IsSupported(v) {
			h.refuse(w, r, http.StatusBadRequest, nil, mcp.NewError(mcp.CodeInvalidRequest, "unsupported MCP-Protocol-Version "+v, nil), "bad_version")
			return
		}
	} else if m.Method == mcp.MethodInitialize && !mcp.IsModern(r.Header.Get("Mcp-Protocol-Version")) {
		s = h.g.NewSession(p)
	} else {
		modern, e := checkModernHeaders(r, m)
		if e != nil {
			h.refuse(w, r, http.StatusBadRequest, m.ID, e, "header_mismatch")
			return
		}
		if !modern {
			writeJSONError(w, http.StatusBadRequest, m.ID, mcp.NewError(mcp.CodeInvalidRequest, "missing Mcp-Session-Id: initialize first, or use the stateless protocol", nil))
			return
		}
		s = h.g.StatelessSession(p, m.Params)
		defer s.close()
		if e := h.g.CheckParamHeaders(r.Context(), s, m, r.Header); e != nil {
			h.refuse(w, r, http.StatusBadRequest, m.ID, e, "header_mismatch")
			return
		}
	}
	if s.modern && m.Kind() == mcp.KindResponse {
		// No server request of the stateless protocol awaits an answer.
		h.refuse(w, r, http.StatusBadRequest, nil, mcp.NewError(mcp.CodeInvalidRequest,
			"the stateless protocol has no server requests to answer: clients must not send responses", nil), "malformed")
		return
	}
	if m.Kind() != mcp.KindRequest {
		if resp := h.g.Handle(r.Context(), s, m, nil); resp != nil && resp.Error != nil && m.Kind() == mcp.KindNotification {
			writeJSONError(w, http.StatusBadRequest, nil, resp.Error) // audited by Handle
			return
		}
		w.WriteHeader(http.StatusAccepted)
		return
	}
	if h.opts.ScopeCheck != nil {
		if server, tool, ok := h.g.routeOf(m); ok {
			if err := h.opts.ScopeCheck(p, server, m.Method, tool); err != nil {
				status := http.StatusForbidden
				var he *HTTPError
				if errors.As(err, &he) {
					status = he.Status
					for k, vs := range he.Header {
						for _, v := range vs {
							w.Header().Add(k, v)
						}
					}
				}
				_ = h.g.auditAsync(Event{Kind: "auth", Verdict: "deny", Principal: p.String(), Server: server, Tool: tool, Method: m.Method, Reason: err.Error()})
				writeJSONError(w, status, m.ID, mcp.NewError(mcp.CodeDenied, err.Error(), nil))
				return
			}
		}
	}
	sw := &streamWriter{w: w, fl: flusherOf(w),
		preferSSE: m.Method != mcp.MethodInitialize && strings.Contains(r.Header.Get("Accept"), "text/event-stream"),
		retryHint: !s.modern}
	resp := h.g.Handle(r.Context(), s, m, sw.send)
	if m.Method == mcp.MethodInitialize && resp.Error == nil {
		w.Header().Set("Mcp-Session-Id", s.ID())
	}
	status := http.StatusOK
	if s.modern && resp.Error != nil {
		switch resp.Error.Code {
		case mcp.CodeMethodNotFound:
			status = http.StatusNotFound
		case mcp.CodeInvalidParams, mcp.CodeUnsupportedVersion, mcp.CodeHeaderMismatch, mcp.CodeMissingCapability:
			status = http.StatusBadRequest
		}
	}
	sw.finish(resp, status)
}

// checkModernHeaders validates the 2026-07-28 request headers against the
// body. It reports whether the request is a stateless one at all.
func checkModernHeaders(r *http.Request, m *mcp.Message) (bool, *mcp.Error) {
	hv := r.Header.Get("Mcp-Protocol-Version")
	bv := mcp.MetaOf(m.Params).String(mcp.MetaProtocolVersion)
	if hv == "" && bv == "" {
		return false, nil
	}
	if hv != "" && !mcp.IsModern(hv) && bv == "" {
		return false, nil
	}
	if m.Kind() != mcp.KindRequest && bv == "" {
		// _meta is required of requests only; a stateless notification
		// (notifications/cancelled) is judged by its header.
		if !mcp.IsSupported(hv) || !mcp.IsModern(hv) {
			return true, mcp.NewError(mcp.CodeUnsupportedVersion, "unsupported protocol version",
				map[string]any{"supported": mcp.ModernVersions(), "requested": hv})
		}
		return true, nil
	}
	if hv == "" || bv == "" {
		if bv == "" {
			return true, mcp.NewError(mcp.CodeInvalidParams, "missing required _meta field "+mcp.MetaProtocolVersion, nil)
		}
		return true, mcp.NewError(mcp.CodeHeaderMismatch, "missing MCP-Protocol-Version header", nil)
	}
	if !mcp.IsSupported(hv) || !mcp.IsModern(hv) {
		return true, mcp.NewError(mcp.CodeUnsupportedVersion, "unsupported protocol version",
			map[string]any{"supported": mcp.ModernVersions(), "requested": hv})
	}
	if hv != bv {
		return true, mcp.NewError(mcp.CodeHeaderMismatch, "MCP-Protocol-Version header does not match _meta", nil)
	}
	if m.Kind() == mcp.KindRequest {
		if hm := r.Header.Get("Mcp-Method"); hm != m.Method {
			return true, mcp.NewError(mcp.CodeHeaderMismatch, fmt.Sprintf("Mcp-Method header %q does not match the body's method %q", hm, m.Method), nil)
		}
		var key string
		switch m.Method {
		case mcp.MethodToolsCall, mcp.MethodPromptsGet:
			key = "name"
		case mcp.MethodResourcesRead:
			key = "uri"
		}
		if key != "" {
			want := mcp.StringField(m.Params, key)
			got, ok := decodeHeaderValue(r.Header.Get("Mcp-Name"))
			if !ok || got != want {
				return true, mcp.NewError(mcp.CodeHeaderMismatch, "Mcp-Name header does not match the body", nil)
			}
		}
	}
	return true, nil
}

// decodeHeaderValue undoes the =?base64?...?= encoding of header values.
func decodeHeaderValue(v string) (string, bool) {
	if strings.HasPrefix(v, "=?base64?") && strings.HasSuffix(v, "?=") {
		b, err := base64.StdEncoding.DecodeString(v[len("=?base64?") : len(v)-2])
		if err != nil {
			return "", false
		}
		return string(b), true
	}
	return v, true
}

func flusherOf(w http.ResponseWriter) http.Flusher {
	f, _ := w.(http.Flusher)
	return f
}

// streamWriter answers one POST. Nothing is written until there is
// something to send, so an error known only at the end can still carry its
// HTTP status: a related message opens an SSE stream; a lone response goes
// as SSE when the client accepts it (as reference servers answer), as JSON
// when it is an error with a status of its own.
type streamWriter struct {
	mu        sync.Mutex
	w         http.ResponseWriter
	fl        http.Flusher
	sse       bool
	done      bool
	preferSSE bool
	// retryHint adds an SSE retry field (SEP-1699) to legacy streams.
	retryHint bool
}

var errStreamClosed = errors.New("the request's stream is closed")

func (sw *streamWriter) send(ctx context.Context, m *mcp.Message) error {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	if sw.done {
		return errStreamClosed
	}
	if !sw.sse {
		sw.openLocked()
	}
	return transport.WriteEvent(sw.w, "", "message", m.Encode())
}

func (sw *streamWriter) openLocked() {
	if sw.sse {
		return
	}
	sw.sse = true
	h := sw.w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	sw.w.WriteHeader(http.StatusOK)
	if sw.retryHint {
		_, _ = io.WriteString(sw.w, "retry: 1000\n\n")
	}
	// No flush here: the event that follows flushes headers and all.
}

func (sw *streamWriter) finish(resp *mcp.Message, status int) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	sw.done = true
	if sw.sse {
		// The stream's last event is not flushed: the handler's return
		// sends it together with the end of the stream.
		if b, err := transport.AppendEvent(nil, "", "message", resp.Encode()); err == nil {
			_, _ = sw.w.Write(b)
		}
		return
	}
	if sw.preferSSE && status == http.StatusOK {
		// A lone response as a one-event stream with a length: headers and
		// body leave in one write instead of a chunked stream flushed twice.
		enc := resp.Encode()
		body := make([]byte, 0, len(enc)+64)
		if sw.retryHint {
			body = append(body, "retry: 1000\n\n"...)
		}
		body, _ = transport.AppendEvent(body, "", "message", enc)
		h := sw.w.Header()
		h.Set("Content-Type", "text/event-stream")
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Accel-Buffering", "no")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		sw.w.WriteHeader(http.StatusOK)
		_, _ = sw.w.Write(body)
		return
	}
	sw.w.Header().Set("Content-Type", "application/json")
	sw.w.WriteHeader(status)
	_, _ = sw.w.Write(resp.Encode())
}

// getStream serves the standalone GET SSE stream of a legacy session.
func (h *httpHandler) getStream(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Mcp-Session-Id") != "" && !strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
		writeJSONError(w, http.StatusNotAcceptable, nil, mcp.NewError(mcp.CodeInvalidRequest, "Accept must list text/event-stream", nil))
		return
	}
	s := h.sessionFor(w, r, "GET needs an Mcp-Session-Id (the stateless protocol has no GET stream)")
	if s == nil {
		return
	}
	id := s.ID()
	h.mu.Lock()
	if h.get[id] {
		h.mu.Unlock()
		writeJSONError(w, http.StatusConflict, nil, mcp.NewError(mcp.CodeInvalidRequest, "this session already has a GET stream", nil))
		return
	}
	h.get[id] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.get, id)
		h.mu.Unlock()
	}()
	st := startSSE(w)
	defer st.close()
	h.pump(r.Context(), s, st)
}

// sseStream writes SSE events to one response; safe for concurrent use.
// Once closed (its handler returned, and net/http may reuse the writer)
// every write fails instead of touching the response.
type sseStream struct {
	mu     sync.Mutex
	w      io.Writer
	fl     http.Flusher
	closed bool
}

// close marks the stream finished; call it before the handler returns.
func (st *sseStream) close() {
	st.mu.Lock()
	st.closed = true
	st.mu.Unlock()
}

// startSSE sends the headers of an event stream.
func startSSE(w http.ResponseWriter) *sseStream {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	st := &sseStream{w: w, fl: flusherOf(w)}
	if st.fl != nil {
		st.fl.Flush()
	}
	return st
}

// write sends one message, or a keep-alive comment when m is nil.
func (st *sseStream) write(m *mcp.Message) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.closed {
		return errStreamClosed
	}
	var err error
	if m == nil {
		_, err = io.WriteString(st.w, ":\n\n")
	} else {
		err = transport.WriteEvent(st.w, "", "message", m.Encode())
	}
	if err == nil && st.fl != nil {
		st.fl.Flush()
	}
	return err
}

// pump copies a session's outbox to an SSE stream until either ends, with
// keep-alive comments so idle streams survive intermediaries.
func (h *httpHandler) pump(ctx context.Context, s *Session, st *sseStream) {
	tick := time.NewTicker(h.opts.KeepAlive)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.Done():
			return
		case <-tick.C:
			if st.write(nil) != nil {
				return
			}
		case <-s.OutboxReady():
			ms := s.TakeOutbox()
			for i, m := range ms {
				if st.write(m) != nil {
					s.RequeueOutbox(ms[i:]) // not delivered: keep them for the next stream
					return
				}
			}
		}
	}
}

// sessionFor authenticates a GET or DELETE and finds the session it names;
// without a session id the method is not allowed (405, as the stateless
// protocol has neither). It answers the client itself when it returns nil.
func (h *httpHandler) sessionFor(w http.ResponseWriter, r *http.Request, noSession string) *Session {
	id := r.Header.Get("Mcp-Session-Id")
	if id == "" {
		w.Header().Set("Allow", "POST")
		writeJSONError(w, http.StatusMethodNotAllowed, nil, mcp.NewError(mcp.CodeInvalidRequest, noSession, nil))
		return nil
	}
	p, ok := h.authenticate(w, r)
	if !ok {
		return nil
	}
	return h.session(w, r, p, id)
}

func (h *httpHandler) deleteSession(w http.ResponseWriter, r *http.Request) {
	s := h.sessionFor(w, r, "DELETE needs an Mcp-Session-Id")
	if s == nil {
		return
	}
	h.g.EndSession(r.Context(), s, "client ended the session")
	w.WriteHeader(http.StatusNoContent)
}

// legacySSE serves the 2024-11-05 HTTP+SSE transport: the stream's first
// event names the endpoint where the client POSTs its messages.
func (h *httpHandler) legacySSE(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		writeJSONError(w, http.StatusMethodNotAllowed, nil, mcp.NewError(mcp.CodeInvalidRequest, "method not allowed", nil))
		return
	}
	p, ok := h.authenticate(w, r)
	if !ok {
		return
	}
	s := h.g.NewSession(p)
	key := newSessionID()
	st := startSSE(w)
	h.mu.Lock()
	h.sse[key] = &sseSession{s: s, st: st}
	h.mu.Unlock()
	defer func() {
		st.close()
		h.mu.Lock()
		delete(h.sse, key)
		h.mu.Unlock()
		h.g.EndSession(context.WithoutCancel(r.Context()), s, "SSE stream closed")
	}()
	st.mu.Lock()
	err := transport.WriteEvent(w, "", "endpoint", []byte(h.opts.MessagePath+"?sessionId="+key))
	if st.fl != nil {
		st.fl.Flush()
	}
	st.mu.Unlock()
	if err != nil {
		return
	}
	h.pump(r.Context(), s, st)
}

func (h *httpHandler) legacyMessage(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeJSONError(w, http.StatusMethodNotAllowed, nil, mcp.NewError(mcp.CodeInvalidRequest, "method not allowed", nil))
		return
	}
	p, ok := h.authenticate(w, r)
	if !ok {
		return
	}
	h.mu.Lock()
	ss := h.sse[r.URL.Query().Get("sessionId")]
	h.mu.Unlock()
	if ss != nil && !ss.s.rebind(p) {
		_ = h.g.auditAsync(Event{Kind: "session", Verdict: "deny", Principal: p.String(), Session: ss.s.ID(),
			Reason: "HTTP+SSE session presented by a principal that does not own it", Details: map[string]any{"remote": r.RemoteAddr}})
		ss = nil
	}
	if ss == nil {
		writeJSONError(w, http.StatusNotFound, nil, mcp.NewError(mcp.CodeInvalidRequest, "session not found", nil))
		return
	}
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	m, ok := h.decode(w, r, body)
	if !ok {
		return
	}
	if m.Kind() != mcp.KindRequest {
		if resp := h.g.Handle(r.Context(), ss.s, m, nil); resp != nil && resp.Error != nil && m.Kind() == mcp.KindNotification {
			writeJSONError(w, http.StatusBadRequest, nil, resp.Error) // audited by Handle
			return
		}
		w.WriteHeader(http.StatusAccepted)
		return
	}
	w.WriteHeader(http.StatusAccepted)
	// The answer travels on the stream; the POST is done.
	go func() {
		ctx := context.WithoutCancel(r.Context())
		send := func(_ context.Context, out *mcp.Message) error { return ss.st.write(out) }
		resp := h.g.Handle(ctx, ss.s, m, send)
		_ = ss.st.write(resp)
	}()
}
