package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
	"github.com/warden-mcp/warden/internal/transport"
)

// Peer is the downstream side of one forwarded call: where an upstream's
// related notifications and server-to-client requests go.
type Peer interface {
	// Key identifies the downstream session, so requests that carry no
	// relation can still be routed when only one session is in flight.
	Key() string
	// Notify delivers a notification related to the call.
	Notify(ctx context.Context, n *mcp.Message)
	// Request asks the client (sampling, elicitation, roots) and returns
	// the client's response.
	Request(ctx context.Context, method string, params json.RawMessage) (*mcp.Message, error)
}

// ServerInfo is what an upstream said about itself at connection time.
type ServerInfo struct {
	Protocol     string
	Modern       bool
	ServerInfo   json.RawMessage
	Capabilities mcp.Object
	Instructions string
}

// UpstreamOptions configures an Upstream.
type UpstreamOptions struct {
	Name     string
	Dialer   transport.Dialer
	Protocol string // auto, modern or legacy
	// Timeout bounds each request; progress resets it up to MaxTimeout.
	Timeout, MaxTimeout        time.Duration
	InitialBackoff, MaxBackoff time.Duration
	Logger                     *slog.Logger
	ClientName, ClientVersion  string
	OnNotify                   func(u *Upstream, n *mcp.Message)
	// OnUnrelated answers a server request that belongs to no call and is
	// not tied to one by nature (roots/list).
	OnUnrelated      func(ctx context.Context, u *Upstream, method string, params json.RawMessage) (*mcp.Message, error)
	OnState          func(u *Upstream, up bool)
	HandshakeTimeout time.Duration
	// PerUser, when set, gives every principal its own connection (see
	// PerUserOptions); Dialer is then unused.
	PerUser *PerUserOptions
	// onUserUpdate receives the resource updates of a per-user connection
	// with the principal it belongs to (set by the gateway).
	onUserUpdate func(u *Upstream, p *guard.Principal, n *mcp.Message)
}

// Upstream is one MCP server behind Warden, reached over one connection
// shared by every downstream session (ids and progress tokens are rewritten
// so sessions cannot see or collide with each other's traffic).
type Upstream struct {
	opts UpstreamOptions
	log  *slog.Logger

	nextID atomic.Int64

	mu       sync.Mutex
	conn     transport.Conn
	info     *ServerInfo
	known    *ServerInfo // the last info seen, kept while disconnected
	pending  map[string]*call
	progress map[string]*call
	srvReqs  map[string]context.CancelFunc
	ready    chan struct{} // closed while connected; replaced on disconnect
	lastErr  error
	failed   chan struct{} // closed when a connection attempt fails; replaced then
	// fails counts the attempts that failed since the last connection.
	fails int

	users *userConns // per-principal connections (PerUser), else nil
}

type call struct {
	id       json.RawMessage
	method   string
	peer     Peer
	done     chan *mcp.Message
	fail     chan error // the response arrived but could not be delivered
	activity chan struct{}
	token    json.RawMessage // the client's own progress token
	mapped   string          // the token sent upstream
}

// NewUpstream builds an upstream; Run connects it.
func NewUpstream(opts UpstreamOptions) *Upstream {
	if opts.Timeout <= 0 {
		opts.Timeout = 60 * time.Second
	}
	if opts.MaxTimeout < opts.Timeout {
		opts.MaxTimeout = opts.Timeout
	}
	if opts.InitialBackoff <= 0 {
		opts.InitialBackoff = 500 * time.Millisecond
	}
	if opts.MaxBackoff < opts.InitialBackoff {
		opts.MaxBackoff = 30 * time.Second
	}
	if opts.HandshakeTimeout <= 0 {
		opts.HandshakeTimeout = 30 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Protocol == "" {
		opts.Protocol = "auto"
	}
	u := &Upstream{
		opts:     opts,
		log:      opts.Logger.With("upstream", opts.Name),
		pending:  make(map[string]*call),
		progress: make(map[string]*call),
		srvReqs:  make(map[string]context.CancelFunc),
		ready:    make(chan struct{}),
		failed:   make(chan struct{}),
	}
	if opts.PerUser != nil {
		u.users = newUserConns(u, *opts.PerUser)
	}
	return u
}

// PerUser reports whether the upstream keeps a connection per principal.
func (u *Upstream) PerUser() bool { return u.users != nil }

// UserConnections returns how many per-principal connections are open (0
// for a shared upstream).
func (u *Upstream) UserConnections() int {
	if u.users == nil {
		return 0
	}
	return u.users.count()
}

// Name is the configured name.
func (u *Upstream) Name() string { return u.opts.Name }

// Info returns what the server said at connect time, or nil while down.
// For a per-user upstream it is what the server said to the latest
// principal's connection (nil before the first): the protocol era and
// capabilities are the server's, whoever asks.
func (u *Upstream) Info() *ServerInfo {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.users != nil {
		return u.known
	}
	return u.info
}

// infoFor returns the info of the connection that serves ctx: the
// principal's own for a per-user upstream (or what LastKnown says before
// it is up), the shared one otherwise.
func (u *Upstream) infoFor(ctx context.Context) *ServerInfo {
	if u.users == nil {
		return u.Info()
	}
	if c := u.users.existing(ctx); c != nil {
		if info := c.Info(); info != nil {
			return info
		}
	}
	return u.LastKnown()
}

// LastKnown returns the current info, or the last one seen while the
// upstream is reconnecting, or nil if it never connected.
func (u *Upstream) LastKnown() *ServerInfo {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.users != nil && u.known == nil {
		// No principal has connected yet, and none can be connected
		// without one: assume tools, so clients list them and meet the
		// per-user authorization on the way.
		return &ServerInfo{ServerInfo: u.perUserIdentity(), Capabilities: mcp.Object{"tools": json.RawMessage(`{}`)}}
	}
	return u.known
}

// perUserIdentity stands in for a per-user upstream's serverInfo, which is
// only known once some principal has connected: a stable value, so that
// pinning the server's identity does not see it change when it becomes
// known.
func (u *Upstream) perUserIdentity() json.RawMessage {
	return mustJSON(map[string]string{"name": u.opts.Name, "version": "per-user"})
}

// Ready reports whether the upstream is connected. A per-user upstream has
// no connection of its own to wait for and is always ready.
func (u *Upstream) Ready() bool { return u.users != nil || u.Info() != nil }

// WaitReady blocks until the upstream is connected or ctx ends.
func (u *Upstream) WaitReady(ctx context.Context) error {
	if u.users != nil {
		return nil
	}
	for {
		u.mu.Lock()
		ch, failed := u.ready, u.failed
		info, known := u.info, u.known
		lastErr, fails := u.lastErr, u.fails
		u.mu.Unlock()
		if info != nil {
			return nil
		}
		if cannotStart(lastErr) || known == nil && fails >= maxStartFailures {
			// A command that is not there or may not run will not be by
			// the next attempt either, nor, most likely, a server that
			// has never finished a handshake and failed again and again
			// (it exits at start-up): answer now, not at the deadline.
			return fmt.Errorf("upstream %s is not available: %w", u.opts.Name, lastErr)
		}
		select {
		case <-ch:
			return nil
		case <-failed: // an attempt failed: look at its error
		case <-ctx.Done():
			if lastErr != nil {
				return fmt.Errorf("upstream %s is not available: %w", u.opts.Name, lastErr)
			}
			return fmt.Errorf("upstream %s is not available: %w", u.opts.Name, ctx.Err())
		}
	}
}

// cannotStart reports an error of starting a stdio upstream's command
// that retrying cannot fix by itself: no such file, not executable.
func cannotStart(err error) bool {
	return errors.Is(err, transport.ErrCannotStart)
}

// awaitReady gives a reconnecting upstream a moment, and a dead one an
// answer: it waits at most min(Timeout, maxReadyWait).
func (u *Upstream) awaitReady(ctx context.Context) error {
	if u.Ready() {
		return nil
	}
	wctx, cancel := context.WithTimeout(ctx, min(u.opts.Timeout, maxReadyWait))
	defer cancel()
	return u.WaitReady(wctx)
}

// Run keeps the upstream connected until ctx ends, redialling with
// exponential backoff and jitter.
func (u *Upstream) Run(ctx context.Context) {
	if u.users != nil {
		// Connections are made per principal, on demand.
		if u.opts.OnState != nil {
			u.opts.OnState(u, true)
		}
		u.users.run(ctx)
		return
	}
	backoff := u.opts.InitialBackoff
	for ctx.Err() == nil {
		start := time.Now()
		err := u.session(ctx)
		if ctx.Err() != nil {
			return
		}
		u.mu.Lock()
		u.lastErr = err
		u.fails++
		close(u.failed)
		u.failed = make(chan struct{})
		u.mu.Unlock()
		if time.Since(start) > 2*u.opts.MaxBackoff {
			backoff = u.opts.InitialBackoff
		}
		wait := backoff/2 + time.Duration(rand.Int64N(int64(backoff/2)+1))
		u.log.Warn("upstream disconnected; reconnecting", "err", err, "in", wait.Round(time.Millisecond))
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		backoff = min(backoff*2, u.opts.MaxBackoff)
	}
}

// session runs one connection's lifetime.
func (u *Upstream) session(ctx context.Context) error {
	conn, err := u.opts.Dialer.Dial(ctx)
	if err != nil {
		return fmt.Errorf("connecting: %w", err)
	}
	u.mu.Lock()
	u.conn = conn
	u.mu.Unlock()
	// A server that exits during the handshake (a bad command line, a
	// missing module or key) ends the read loop; the handshake then stops
	// at once with the reason rather than waiting out its timeouts.
	hctx, hcancel := context.WithCancelCause(ctx)
	defer hcancel(nil)
	readErr := make(chan error, 1)
	go func() {
		err := u.readLoop(ctx, conn)
		hcancel(errConnEnded{err})
		readErr <- err
	}()

	info, err := u.handshake(hctx)
	if err != nil {
		if ended, ok := context.Cause(hctx).(errConnEnded); ok && ctx.Err() == nil {
			err = ended.err
		}
		conn.Close()
		<-readErr
		u.teardown(err)
		return fmt.Errorf("handshake: %w", err)
	}
	u.mu.Lock()
	u.info = info
	u.known = info
	u.fails = 0
	close(u.ready)
	u.mu.Unlock()
	u.log.Info("upstream connected", "protocol", info.Protocol)
	if u.opts.OnState != nil {
		u.opts.OnState(u, true)
	}
	listenCtx, stopListen := context.WithCancel(ctx)
	defer stopListen()
	if info.Modern {
		go u.listen(listenCtx, info)
	}
	select {
	case err = <-readErr:
	case <-ctx.Done():
		err = ctx.Err()
		conn.Close()
		<-readErr
	}
	conn.Close()
	u.teardown(err)
	if u.opts.OnState != nil {
		u.opts.OnState(u, false)
	}
	return err
}

// errConnEnded is why a handshake was cut short: the connection's read
// side ended with err.
type errConnEnded struct{ err error }

func (e errConnEnded) Error() string { return e.err.Error() }
func (e errConnEnded) Unwrap() error { return e.err }

// teardown fails every pending call: nothing waits on a dead connection.
func (u *Upstream) teardown(cause error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.conn = nil
	if u.info != nil {
		u.info = nil
		u.ready = make(chan struct{})
	}
	msg := "upstream connection lost"
	if cause != nil {
		msg += ": " + cause.Error()
	}
	for k, c := range u.pending {
		delete(u.pending, k)
		c.done <- mcp.NewErrorResponse(c.id, mcp.NewError(mcp.CodeUpstream, msg, map[string]string{"upstream": u.opts.Name}))
	}
	clear(u.progress)
	for k, cancel := range u.srvReqs {
		cancel()
		delete(u.srvReqs, k)
	}
}

func (u *Upstream) clientCaps() map[string]any {
	return map[string]any{
		"sampling":    map[string]any{},
		"elicitation": map[string]any{"form": map[string]any{}, "url": map[string]any{}},
		"roots":       map[string]any{"listChanged": true},
	}
}

func (u *Upstream) clientInfo() map[string]any {
	return map[string]any{"name": u.opts.ClientName, "version": u.opts.ClientVersion}
}

func (u *Upstream) handshake(ctx context.Context) (*ServerInfo, error) {
	hctx, cancel := context.WithTimeout(ctx, u.opts.HandshakeTimeout)
	defer cancel()
	if u.opts.Protocol != "legacy" {
		pctx := hctx
		if u.opts.Protocol == "auto" {
			var pcancel context.CancelFunc
			pctx, pcancel = context.WithTimeout(hctx, 5*time.Second)
			defer pcancel()
		}
		params := map[string]any{"_meta": map[string]any{
			mcp.MetaProtocolVersion:    mcp.Version20260728,
			mcp.MetaClientCapabilities: u.clientCaps(),
			mcp.MetaClientInfo:         u.clientInfo(),
		}}
		resp, err := u.roundTrip(pctx, mcp.MethodDiscover, mustJSON(params), nil)
		if err == nil && resp.Error == nil {
			res, perr := mcp.ParseObject(resp.Result)
			if perr == nil {
				var versions []string
				_ = json.Unmarshal(res["supportedVersions"], &versions)
				for _, v := range versions {
					if mcp.IsModern(v) && mcp.IsSupported(v) {
						return &ServerInfo{
							Protocol: v, Modern: true,
							ServerInfo:   res.Object("_meta")[mcp.MetaServerInfo],
							Capabilities: res.Object("capabilities"),
							Instructions: res.String("instructions"),
						}, nil
					}
				}
			}
		}
		if u.opts.Protocol == "modern" {
			if err == nil && resp.Error != nil {
				err = resp.Error
			}
			return nil, fmt.Errorf("server/discover failed on a server configured as modern: %v", err)
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		u.log.Debug("server/discover not answered; falling back to initialize", "err", err)
	}
	params := map[string]any{
		"protocolVersion": mcp.LatestLegacyVersion,
		"capabilities":    u.clientCaps(),
		"clientInfo":      u.clientInfo(),
	}
	resp, err := u.roundTrip(hctx, mcp.MethodInitialize, mustJSON(params), nil)
	if err != nil {
		return nil, err
	}
	if resp.Error != nil {
		return nil, fmt.Errorf("initialize refused: %w", resp.Error)
	}
	res, err := mcp.ParseObject(resp.Result)
	if err != nil {
		return nil, fmt.Errorf("initialize result: %w", err)
	}
	v := res.String("protocolVersion")
	if !mcp.IsSupported(v) || mcp.IsModern(v) {
		return nil, fmt.Errorf("server chose protocol version %q, which Warden does not speak", v)
	}
	if err := u.write(hctx, mcp.NewNotification(mcp.MethodInitialized, nil)); err != nil {
		return nil, fmt.Errorf("sending initialized: %w", err)
	}
	return &ServerInfo{
		Protocol:     v,
		ServerInfo:   res["serverInfo"],
		Capabilities: res.Object("capabilities"),
		Instructions: res.String("instructions"),
	}, nil
}

func (u *Upstream) write(ctx context.Context, m *mcp.Message) error {
	u.mu.Lock()
	conn := u.conn
	u.mu.Unlock()
	if conn == nil {
		return fmt.Errorf("upstream %s is not connected", u.opts.Name)
	}
	return conn.Write(ctx, m.Encode())
}

// maxReadyWait bounds how long a request waits for a disconnected upstream.
const maxReadyWait = 10 * time.Second

// maxStartFailures is how many failed attempts in a row, with no
// connection ever made, make an upstream "not starting": waits for it
// end then with the last attempt's error (after about 1.5 s with the
// default backoff).
const maxStartFailures = 3

// ErrTimeout is returned when a request runs out of time.
var ErrTimeout = errors.New("request timed out")

// Call forwards one request and waits for its response. Progress
// notifications reset the timeout, never past MaxTimeout. If ctx ends
// first, the upstream is told with notifications/cancelled.
func (u *Upstream) Call(ctx context.Context, method string, params json.RawMessage, peer Peer) (*mcp.Message, error) {
	if u.users != nil {
		c, release, refusal, err := u.users.acquire(ctx)
		if err != nil || refusal != nil {
			return refusal, err
		}
		defer release()
		return c.Call(ctx, method, params, peer)
	}
	if err := u.awaitReady(ctx); err != nil {
		return nil, err
	}
	return u.roundTrip(ctx, method, params, peer)
}

func (u *Upstream) roundTrip(ctx context.Context, method string, params json.RawMessage, peer Peer) (*mcp.Message, error) {
	return u.exchange(ctx, method, params, peer, true)
}

// exchange sends one request and waits for its response; bounded says
// whether Warden's request timeouts apply (a subscription is unbounded and
// lives as long as ctx).
func (u *Upstream) exchange(ctx context.Context, method string, params json.RawMessage, peer Peer, bounded bool) (*mcp.Message, error) {
	n := u.nextID.Add(1)
	c := &call{
		id:       mcp.IntID(n),
		method:   method,
		peer:     peer,
		done:     make(chan *mcp.Message, 1),
		fail:     make(chan error, 1),
		activity: make(chan struct{}, 1),
	}
	params = u.mapProgress(c, params)
	key := string(c.id)
	u.mu.Lock()
	u.pending[key] = c
	if c.mapped != "" {
		u.progress[c.mapped] = c
	}
	u.mu.Unlock()
	forget := func() {
		u.mu.Lock()
		delete(u.pending, key)
		if c.mapped != "" {
			delete(u.progress, c.mapped)
		}
		u.mu.Unlock()
	}
	u.mu.Lock()
	conn := u.conn
	u.mu.Unlock()
	if caller, ok := conn.(transport.Caller); ok && bounded {
		return u.callSync(ctx, caller, c, method, params, forget)
	}
	if err := u.write(ctx, &mcp.Message{ID: c.id, Method: method, Params: params}); err != nil {
		forget()
		return nil, fmt.Errorf("sending %s: %w", method, err)
	}
	timer := time.NewTimer(u.opts.Timeout)
	defer timer.Stop()
	hardStop := time.NewTimer(u.opts.MaxTimeout)
	defer hardStop.Stop()
	if !bounded {
		timer.Stop()
		hardStop.Stop()
	}
	for {
		select {
		case resp := <-c.done:
			return resp, nil
		case err := <-c.fail:
			return nil, fmt.Errorf("%s: %w", method, err)
		case <-c.activity:
			if bounded {
				timer.Reset(u.opts.Timeout)
			}
		case <-timer.C:
			forget()
			u.cancelUpstream(c.id, "timed out in Warden")
			return nil, fmt.Errorf("%s after %s: %w", method, u.opts.Timeout, ErrTimeout)
		case <-hardStop.C:
			forget()
			u.cancelUpstream(c.id, "exceeded Warden's maximum request time")
			return nil, fmt.Errorf("%s after the maximum of %s: %w", method, u.opts.MaxTimeout, ErrTimeout)
		case <-ctx.Done():
			forget()
			u.cancelUpstream(c.id, "client cancelled")
			return nil, ctx.Err()
		}
	}
}

// callSync carries a request over a connection that can answer in the
// calling goroutine (HTTP): no hand-off to the read loop and back. The
// timeouts are the same as on the asynchronous path: related messages
// (progress) reset the idle timer, never past the hard limit.
func (u *Upstream) callSync(ctx context.Context, caller transport.Caller, c *call, method string, params json.RawMessage, forget func()) (*mcp.Message, error) {
	defer forget()
	// A legacy server is told with notifications/cancelled while the
	// request's stream is still open (closing the stream is the cancel
	// only in the stateless protocol); then the stream is closed.
	modern := u.Info() != nil && u.Info().Modern
	cctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	var ended atomic.Int32 // 1: idle timeout, 2: hard limit, 3: caller gone
	end := func(why int32, reason string) {
		if !ended.CompareAndSwap(0, why) {
			return
		}
		if !modern {
			u.cancelUpstream(c.id, reason)
		}
		cancel()
	}
	idle := time.AfterFunc(u.opts.Timeout, func() { end(1, "timed out in Warden") })
	defer idle.Stop()
	hard := time.AfterFunc(u.opts.MaxTimeout, func() { end(2, "exceeded Warden's maximum request time") })
	defer hard.Stop()
	defer context.AfterFunc(ctx, func() { end(3, "client cancelled") })()
	msg := (&mcp.Message{ID: c.id, Method: method, Params: params}).Encode()
	raw, err := caller.Call(cctx, msg, func(in transport.Incoming) {
		idle.Reset(u.opts.Timeout)
		u.dispatch(ctx, in)
	})
	if err != nil || ended.Load() != 0 {
		switch ended.Load() {
		case 1:
			return nil, fmt.Errorf("%s after %s: %w", method, u.opts.Timeout, ErrTimeout)
		case 2:
			return nil, fmt.Errorf("%s after the maximum of %s: %w", method, u.opts.MaxTimeout, ErrTimeout)
		case 3:
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("sending %s: %w", method, err)
	}
	m, err := mcp.Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("upstream answered %s with a malformed message: %w", method, err)
	}
	return m, nil
}

func (u *Upstream) cancelUpstream(id json.RawMessage, reason string) {
	params := map[string]any{"requestId": id, "reason": reason}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := u.write(ctx, mcp.NewNotification(mcp.NotifyCancelled, params)); err != nil {
		u.log.Debug("could not send cancellation", "err", err)
	}
}

// Notify forwards a client notification.
func (u *Upstream) Notify(ctx context.Context, method string, params json.RawMessage) error {
	if u.users != nil {
		// Only to the sender's own connection, and only if it is open.
		c := u.users.existing(ctx)
		if c == nil {
			return fmt.Errorf("upstream %s has no connection for this user", u.opts.Name)
		}
		return c.Notify(ctx, method, params)
	}
	if !u.Ready() {
		return fmt.Errorf("upstream %s is not connected", u.opts.Name)
	}
	return u.write(ctx, &mcp.Message{Method: method, Params: params})
}

// mapProgress replaces the client's progress token with one unique on this
// connection, so progress from a shared upstream reaches the right session.
func (u *Upstream) mapProgress(c *call, params json.RawMessage) json.RawMessage {
	// Looked up, not searched for as bytes: a member name may be written
	// with escapes ("progress\u0054oken"), which the server undoes, and a
	// token that is not rewritten can name another session's call.
	rawMeta, ok := mcp.Field(params, "_meta")
	if !ok {
		return params
	}
	if _, ok := mcp.Field(rawMeta, "progressToken"); !ok {
		return params
	}
	p, err := mcp.ParseObject(params)
	if err != nil {
		return params
	}
	meta := p.Object("_meta")
	tok, ok := meta["progressToken"]
	if !ok {
		return params
	}
	c.token = tok
	c.mapped = "w" + string(c.id)
	meta.Set("progressToken", c.mapped)
	p["_meta"] = meta.Encode()
	return p.Encode()
}

func (u *Upstream) readLoop(ctx context.Context, conn transport.Conn) error {
	for {
		in, err := conn.Read(ctx)
		if err != nil {
			if errors.Is(err, transport.ErrMessageTooLarge) {
				u.log.Warn("upstream sent an oversized message; dropped", "err", err)
				u.failTooLarge(err)
				continue
			}
			return err
		}
		u.dispatch(ctx, in)
	}
}

// ErrResponseTooLarge is returned when the upstream's response to a call
// is larger than the message limit and was dropped.
var ErrResponseTooLarge = errors.New("the upstream's response is larger than limits.max_message_bytes")

// failTooLarge ends the call an oversized, dropped message answered, when
// its id could be read: the client gets the reason now rather than a
// timeout later.
func (u *Upstream) failTooLarge(err error) {
	var tl *transport.TooLargeError
	if !errors.As(err, &tl) || tl.ID == nil {
		return
	}
	key := string(tl.ID)
	u.mu.Lock()
	c := u.pending[key]
	delete(u.pending, key)
	if c != nil && c.mapped != "" {
		delete(u.progress, c.mapped)
	}
	u.mu.Unlock()
	if c != nil {
		c.fail <- fmt.Errorf("%w (%d bytes, limit %d); Warden dropped it", ErrResponseTooLarge, tl.Size, tl.Limit)
	}
}

// dispatch routes one message from the upstream: a response to the call
// waiting for it, a request to the session it belongs to, a notification
// to its call or to the gateway.
func (u *Upstream) dispatch(ctx context.Context, in transport.Incoming) {
	m, err := mcp.Decode(in.Msg)
	if err != nil {
		u.log.Warn("upstream sent a malformed message; dropped", "err", err)
		return
	}
	switch m.Kind() {
	case mcp.KindResponse:
		u.mu.Lock()
		c := u.pending[m.IDKey()]
		delete(u.pending, m.IDKey())
		if c != nil && c.mapped != "" {
			delete(u.progress, c.mapped)
		}
		u.mu.Unlock()
		if c == nil {
			u.log.Debug("response for an unknown or finished request", "id", string(m.ID))
			return
		}
		c.done <- m
	case mcp.KindRequest:
		go u.serverRequest(ctx, m, in.Related)
	case mcp.KindNotification:
		u.notification(ctx, m, in.Related)
	}
}

func (u *Upstream) relatedCall(related json.RawMessage) *call {
	if related == nil {
		return nil
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.pending[string(related)]
}

// onlyFor reports whether every call in flight on the connection is one
// of the downstream peer with key (none at all counts): an unrelated
// message can then concern no one else. A call without a peer (a list
// Warden reads for some client) is someone else's; Warden's own
// subscription stream is no one's.
func (u *Upstream) onlyFor(key string) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	for _, c := range u.pending {
		if c.method == mcp.MethodSubscriptionsListen {
			continue
		}
		if c.peer == nil || c.peer.Key() != key {
			return false
		}
	}
	return true
}

// soleSession returns the peer of the in-flight calls when they all belong
// to one session: a request with no relation can only go to that session.
// With several sessions in flight Warden refuses rather than guess.
func (u *Upstream) soleSession() Peer {
	u.mu.Lock()
	defer u.mu.Unlock()
	var p Peer
	for _, c := range u.pending {
		if c.peer == nil {
			continue
		}
		if p != nil && p.Key() != c.peer.Key() {
			return nil
		}
		p = c.peer
	}
	return p
}

// soleTool names the tool (prompt, URI) of the calls in flight when they
// all concern one, else "": a notification that names no call is checked
// under that tool's settings, as it would be if it named the call.
func (u *Upstream) soleTool() string {
	u.mu.Lock()
	defer u.mu.Unlock()
	tool, seen := "", false
	for _, c := range u.pending {
		gp, ok := c.peer.(*guardedPeer)
		if !ok {
			continue
		}
		if seen && gp.tool != tool {
			return ""
		}
		tool, seen = gp.tool, true
	}
	return tool
}

func (u *Upstream) serverRequest(ctx context.Context, m *mcp.Message, related json.RawMessage) {
	reply := func(resp *mcp.Message) {
		resp.ID = m.ID
		wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := u.write(wctx, resp); err != nil {
			u.log.Debug("could not answer a server request", "method", m.Method, "err", err)
		}
	}
	if m.Method == mcp.MethodPing {
		reply(mcp.NewResult(nil, nil))
		return
	}
	var peer Peer
	if c := u.relatedCall(related); c != nil {
		peer = c.peer
	} else if m.Method == mcp.MethodRootsList && u.opts.OnUnrelated != nil {
		// Servers ask for roots on their own schedule (after the
		// handshake, on a change), not for a call: pinning such a request
		// on whatever call is in flight would hand it to the wrong client.
		resp, err := u.opts.OnUnrelated(ctx, u, m.Method, m.Params)
		if err != nil {
			reply(mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInternalError, err.Error(), nil)))
			return
		}
		reply(resp)
		return
	} else {
		peer = u.soleSession()
	}
	if peer == nil {
		reply(mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidRequest,
			"Warden cannot tell which client session this request belongs to; send it during a tool call", nil)))
		return
	}
	rctx, cancel := context.WithTimeout(ctx, u.opts.MaxTimeout)
	defer cancel()
	u.mu.Lock()
	u.srvReqs[m.IDKey()] = cancel
	u.mu.Unlock()
	defer func() {
		u.mu.Lock()
		delete(u.srvReqs, m.IDKey())
		u.mu.Unlock()
	}()
	resp, err := peer.Request(rctx, m.Method, m.Params)
	if err != nil {
		code := mcp.CodeInternalError
		var je *mcp.Error
		if errors.As(err, &je) {
			reply(mcp.NewErrorResponse(nil, je))
			return
		}
		reply(mcp.NewErrorResponse(nil, mcp.NewError(code, err.Error(), nil)))
		return
	}
	reply(resp)
}

func (u *Upstream) notification(ctx context.Context, m *mcp.Message, related json.RawMessage) {
	switch m.Method {
	case mcp.NotifyProgress:
		p, err := mcp.ParseObject(m.Params)
		if err != nil {
			return
		}
		tok := p.String("progressToken")
		u.mu.Lock()
		c := u.progress[tok]
		u.mu.Unlock()
		if c == nil {
			return
		}
		select {
		case c.activity <- struct{}{}:
		default:
		}
		if c.peer != nil {
			p["progressToken"] = c.token
			c.peer.Notify(ctx, &mcp.Message{Method: m.Method, Params: p.Encode()})
		}
		return
	case mcp.NotifyCancelled:
		p, err := mcp.ParseObject(m.Params)
		if err != nil {
			return
		}
		u.mu.Lock()
		cancel := u.srvReqs[string(p["requestId"])]
		u.mu.Unlock()
		if cancel != nil {
			cancel()
		}
		return
	}
	if c := u.relatedCall(related); c != nil && c.peer != nil {
		select {
		case c.activity <- struct{}{}:
		default:
		}
		c.peer.Notify(ctx, m)
		return
	}
	if u.opts.OnNotify != nil {
		u.opts.OnNotify(u, m)
	}
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// listen keeps a subscriptions/listen stream open on a stateless upstream,
// so its list changes reach Warden as a legacy upstream's would.
func (u *Upstream) listen(ctx context.Context, info *ServerInfo) {
	want := map[string]bool{}
	for _, k := range []string{"tools", "prompts", "resources"} {
		var c struct {
			ListChanged bool `json:"listChanged"`
		}
		if json.Unmarshal(info.Capabilities[k], &c) == nil && c.ListChanged {
			want[k+"ListChanged"] = true
		}
	}
	if len(want) == 0 {
		return
	}
	params := map[string]any{
		"notifications": want,
		"_meta": map[string]any{
			mcp.MetaProtocolVersion:    info.Protocol,
			mcp.MetaClientCapabilities: map[string]any{},
			mcp.MetaClientInfo:         u.clientInfo(),
		},
	}
	for ctx.Err() == nil {
		resp, err := u.exchange(ctx, mcp.MethodSubscriptionsListen, mustJSON(params), listenPeer{u}, false)
		if ctx.Err() != nil {
			return
		}
		if err != nil || resp.Error != nil {
			u.log.Debug("upstream subscription ended", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

// listenPeer hands an upstream subscription's notifications to the
// gateway.
type listenPeer struct{ u *Upstream }

func (p listenPeer) Key() string { return "listen:" + p.u.opts.Name }

func (p listenPeer) Notify(ctx context.Context, n *mcp.Message) {
	if n.Method == mcp.NotifySubscriptionsAck {
		return
	}
	if p.u.opts.OnNotify != nil {
		p.u.opts.OnNotify(p.u, n)
	}
}

func (p listenPeer) Request(ctx context.Context, method string, params json.RawMessage) (*mcp.Message, error) {
	return nil, mcp.NewError(mcp.CodeInvalidRequest, "requests are not accepted on a subscription", nil)
}
