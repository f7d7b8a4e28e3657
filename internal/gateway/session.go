package gateway

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// Session is one downstream client. Legacy clients (initialize-based) get a
// Session that lives across requests; a stateless 2026-07-28 request gets a
// throwaway Session for its own duration.
type Session struct {
	id     string
	modern bool
	// persistent sessions (stdio) live as long as their connection, not
	// by the idle and lifetime limits meant for HTTP clients that vanish.
	persistent bool
	// parent is the connection a stateless request arrived on (stdio):
	// its notifications/cancelled reach the connection's session, so the
	// request is tracked there.
	parent   *Session
	created  time.Time
	lastSeen atomic.Int64 // unix nanoseconds

	mu sync.Mutex
	// principal is who owns the session, as the latest request that
	// presented it authenticated them: the identity never changes (see
	// rebind), but scopes, groups and claims are those of the token in use
	// now, not of the one that opened the session.
	principal   *guard.Principal
	protocol    string
	clientName  string
	clientVer   string
	clientCaps  mcp.Object
	meta        json.RawMessage // a stateless request's own _meta, for requests Warden makes on its behalf
	initialized bool
	closed      bool
	logLevel    string
	subs        map[string]string             // subscribed resource URI → the upstream that serves it
	inflight    map[string]context.CancelFunc // downstream request id → cancel
	pending     map[string]chan *mcp.Message  // Warden's requests to the client
	nextReq     int64

	// outbox carries messages outside any request (list changes, resource
	// updates, log messages) to the standalone stream: the GET SSE stream,
	// or stdout for stdio clients. nil for a stateless request's session.
	outbox *outbox
	done   chan struct{}
}

// outboxSize bounds a session's queued messages: a client that does not
// read its standalone stream loses the oldest, not memory without bound.
const outboxSize = 256

// outbox is a session's queue for the standalone stream. It holds memory
// only while something is queued: most sessions never receive such a
// message, and a 256-slot channel per session was most of what an idle
// session cost (docs/benchmarks.md).
type outbox struct {
	mu    sync.Mutex
	q     []*mcp.Message
	ready chan struct{} // capacity 1: the queue may be non-empty
}

func newOutbox() *outbox { return &outbox{ready: make(chan struct{}, 1)} }

// push queues m behind the others, dropping the oldest when full.
func (o *outbox) push(m *mcp.Message) {
	o.mu.Lock()
	if len(o.q) >= outboxSize {
		o.q[0] = nil
		o.q = o.q[1:]
	}
	o.q = append(o.q, m)
	o.mu.Unlock()
	o.signal()
}

// requeue puts messages that could not be delivered back in front, in
// their order, keeping the newest outboxSize of all queued.
func (o *outbox) requeue(ms []*mcp.Message) {
	if len(ms) == 0 {
		return
	}
	o.mu.Lock()
	q := append(ms[:len(ms):len(ms)], o.q...)
	if len(q) > outboxSize {
		q = q[len(q)-outboxSize:]
	}
	o.q = q
	o.mu.Unlock()
	o.signal()
}

// take empties the queue and returns what it held, oldest first.
func (o *outbox) take() []*mcp.Message {
	o.mu.Lock()
	q := o.q
	o.q = nil
	o.mu.Unlock()
	return q
}

func (o *outbox) signal() {
	select {
	case o.ready <- struct{}{}:
	default: // a wake-up is already pending
	}
}

func newSession(id string, p *guard.Principal, modern bool) *Session {
	s := &Session{
		id:        id,
		principal: p,
		modern:    modern,
		created:   time.Now(),
		subs:      make(map[string]string),
		inflight:  make(map[string]context.CancelFunc),
		pending:   make(map[string]chan *mcp.Message),
		done:      make(chan struct{}),
	}
	if !modern {
		// Only sessions that live across requests have a standalone
		// stream; a stateless request's session is thrown away with it.
		s.outbox = newOutbox()
	}
	s.touch()
	return s
}

// ID is the session id ("" for a stateless request).
func (s *Session) ID() string { return s.id }

// Principal is the authenticated caller that owns the session.
func (s *Session) Principal() *guard.Principal {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.principal
}

// owner is the audit identity of the session's principal, the key that
// binds sessions, parked calls and subscriptions to their owner.
func (s *Session) owner() string { return s.Principal().String() }

// rebind takes the authorization of a request that presented the session
// and was authenticated as its owner: guards then judge it by the scopes,
// groups and claims of the token in use now, so a session does not keep
// what an expired or narrower token no longer grants. It refuses (false) a
// principal with another identity.
func (s *Session) rebind(p *guard.Principal) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.String() != s.principal.String() {
		return false
	}
	s.principal = p
	return true
}

// peerKey identifies the session as the peer of its calls upstream
// (sessionPeer.Key), so unrelated upstream traffic can be matched to it.
func (s *Session) peerKey() string { return fmt.Sprintf("%p", s) }

// OutboxReady receives when messages that belong to no request may be
// waiting; TakeOutbox returns them. A stateless request's session has
// none (nil: never ready).
func (s *Session) OutboxReady() <-chan struct{} {
	if s.outbox == nil {
		return nil
	}
	return s.outbox.ready
}

// TakeOutbox returns the queued messages that belong to no request, oldest
// first, and empties the queue.
func (s *Session) TakeOutbox() []*mcp.Message {
	if s.outbox == nil {
		return nil
	}
	return s.outbox.take()
}

// RequeueOutbox puts messages TakeOutbox returned but that could not be
// delivered back in front of the queue, for the next stream.
func (s *Session) RequeueOutbox(ms []*mcp.Message) {
	if s.outbox != nil {
		s.outbox.requeue(ms)
	}
}

// Done is closed when the session ends.
func (s *Session) Done() <-chan struct{} { return s.done }

// Modern reports whether the session speaks the stateless protocol.
func (s *Session) Modern() bool { return s.modern }

// Protocol is the negotiated protocol version.
func (s *Session) Protocol() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.protocol
}

func (s *Session) touch() { s.lastSeen.Store(time.Now().UnixNano()) }

func (s *Session) info() guard.Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return guard.Session{ID: s.id, Principal: s.principal, ClientName: s.clientName, ClientVersion: s.clientVer, Protocol: s.protocol}
}

// post queues a message for the standalone stream. When the client is not
// reading, the oldest queued message gives way: these are advisory
// notifications, and a stuck client must not hold memory without bound.
func (s *Session) post(m *mcp.Message) {
	if s.outbox == nil {
		return // stateless: nothing outlives the request
	}
	s.outbox.push(m)
}

// close ends the session and fails everything waiting on it.
func (s *Session) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	close(s.done)
	for _, cancel := range s.inflight {
		cancel()
	}
	for k, ch := range s.pending {
		delete(s.pending, k)
		close(ch)
	}
}

// tracker is the session whose notifications/cancelled can name this
// session's requests: itself once initialized, the connection's for a
// stateless request on stdio, none for one on HTTP (closing the request's
// stream is its cancellation).
func (s *Session) tracker() *Session {
	switch {
	case s.parent != nil:
		return s.parent
	case s.id != "":
		return s
	}
	return nil
}

// Why track refuses a request.
var (
	errSessionClosed = errors.New("session closed")
	errIDInFlight    = errors.New("a request with this id is already in flight in this session; ids must be unique")
)

// track records an in-flight request so notifications/cancelled can find
// it. An id already in flight is refused: MCP forbids reusing ids within a
// session, and two requests under one key would leave one of them
// uncancellable (whichever ends first removes the key).
func (s *Session) track(id string, cancel context.CancelFunc) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errSessionClosed
	}
	if _, dup := s.inflight[id]; dup {
		return errIDInFlight
	}
	s.inflight[id] = cancel
	return nil
}

func (s *Session) untrack(id string) {
	s.mu.Lock()
	delete(s.inflight, id)
	s.mu.Unlock()
}

func (s *Session) cancel(id string) bool {
	s.mu.Lock()
	cancel := s.inflight[id]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	return cancel != nil
}

// deliver hands a client's response to the Warden request waiting for it.
func (s *Session) deliver(m *mcp.Message) bool {
	s.mu.Lock()
	ch := s.pending[m.IDKey()]
	delete(s.pending, m.IDKey())
	s.mu.Unlock()
	if ch == nil {
		return false
	}
	ch <- m
	return true
}

// ask sends a request to the client through send and waits for the answer.
func (s *Session) ask(ctx context.Context, method string, params json.RawMessage, send func(context.Context, *mcp.Message) error) (*mcp.Message, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, errors.New("session closed")
	}
	s.nextReq++
	// Not guessable: whoever else can post into the session (another
	// holder of its id) must not be able to pre-answer Warden's question
	// (an approval) by guessing the id it will ask under.
	id := json.RawMessage(fmt.Sprintf(`"warden-%d-%s"`, s.nextReq, newSessionID()[:16]))
	ch := make(chan *mcp.Message, 1)
	s.pending[string(id)] = ch
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.pending, string(id))
		s.mu.Unlock()
	}()
	if err := send(ctx, &mcp.Message{ID: id, Method: method, Params: params}); err != nil {
		return nil, fmt.Errorf("sending %s to the client: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return nil, errors.New("session closed while waiting for the client")
		}
		return m, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for the client to answer %s: %w", method, ctx.Err())
	}
}

func (s *Session) hasCapability(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.clientCaps[name]
	return ok
}

// newSessionID returns 192 bits from crypto/rand, URL-safe.
func newSessionID() string {
	var b [24]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on supported platforms; if it does,
		// refusing to mint a guessable id is the only safe answer.
		panic(fmt.Sprintf("crypto/rand failed: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// sessions is the table of live legacy sessions.
type sessions struct {
	mu   sync.Mutex
	byID map[string]*Session
	max  int
	idle time.Duration
	life time.Duration
}

// ErrTooManySessions is returned when the session table is full.
var ErrTooManySessions = errors.New("too many sessions")

func (t *sessions) add(s *Session) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.max > 0 && len(t.byID) >= t.max {
		return ErrTooManySessions
	}
	t.byID[s.id] = s
	return nil
}

// get returns a live session. Expired sessions are closed and forgotten.
func (t *sessions) get(id string) *Session {
	t.mu.Lock()
	s := t.byID[id]
	t.mu.Unlock()
	if s == nil {
		return nil
	}
	if t.expired(s, time.Now()) {
		t.remove(id)
		return nil
	}
	return s
}

func (t *sessions) expired(s *Session, now time.Time) bool {
	if s.persistent {
		return false
	}
	if t.life > 0 && now.Sub(s.created) > t.life {
		return true
	}
	return t.idle > 0 && now.Sub(time.Unix(0, s.lastSeen.Load())) > t.idle
}

func (t *sessions) remove(id string) *Session {
	t.mu.Lock()
	s := t.byID[id]
	delete(t.byID, id)
	t.mu.Unlock()
	if s != nil {
		s.close()
	}
	return s
}

func (t *sessions) all() []*Session {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]*Session, 0, len(t.byID))
	for _, s := range t.byID {
		out = append(out, s)
	}
	return out
}

func (t *sessions) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.byID)
}

// sweep closes expired sessions.
func (t *sessions) sweep(now time.Time) (n int) {
	for _, s := range t.all() {
		if t.expired(s, now) {
			t.remove(s.id)
			n++
		}
	}
	return n
}
