package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/warden-mcp/warden/internal/store"
)

var (
	// ErrClosed is returned by Record after Close.
	ErrClosed = errors.New("audit: logger closed")
	// ErrBacklog is returned by Record when MaxPending events are already
	// waiting for a failing store; the event was not accepted.
	ErrBacklog = errors.New("audit: backlog full")
)

// Options tune a Logger. The zero value is usable.
type Options struct {
	// Mirror, if set, receives one JSON line (an Entry) per committed event,
	// for log shippers. It is written after the commit by the writer
	// goroutine, so it should be fast; write errors are logged, not fatal,
	// because the store is the record of truth.
	Mirror io.Writer
	// MaxPending bounds the events held in memory while the store fails.
	// Default 10000.
	MaxPending int
	// MaxBatch bounds how many events one transaction commits. Default 512.
	MaxBatch int
	// RetryInterval is the first wait before retrying a failed commit when
	// no new event triggers an attempt; it doubles up to 5 s. Default 250 ms.
	RetryInterval time.Duration
	// Linger is how long the writer may hold a commit to gather more
	// enqueued (allowed-call) events into one transaction. Default 5 ms;
	// events with a waiting Record are never held.
	Linger time.Duration
	// CommitTimeout bounds one store append, so a hung database turns into
	// errors for callers rather than a stuck writer. Default 30 s.
	CommitTimeout time.Duration
	// Log receives operational messages. Default slog.Default().
	Log *slog.Logger
	// Unwritten, if set, receives at Close one JSON line per event that
	// could not be committed (the store kept failing), so that the events
	// are not lost with the process: they are outside the chain, but a
	// person can still read and re-enter them.
	Unwritten io.Writer
}

type item struct {
	t        time.Time
	data     []byte
	ev       *Event     // set instead of data by Enqueue: encoded by the writer
	done     chan error // buffered 1; receives the first outcome only
	notified bool       // writer goroutine only
}

// Logger appends events to the audit chain. It is safe for concurrent use.
// Concurrent Record calls are batched by one writer goroutine into a single
// transaction (group commit), so callers share the cost of each fsync.
type Logger struct {
	st     store.AuditStore
	opts   Options
	log    *slog.Logger
	now    func() time.Time
	wake   chan struct{}
	done   chan struct{}
	cancel context.CancelFunc
	runCtx context.Context

	mu      sync.Mutex
	queue   []*item // accepted, not yet committed, in chain order
	closing bool
	lastErr error

	head    store.AuditRecord // writer goroutine only
	failing bool              // writer goroutine only: last commit failed
}

// New starts a Logger that continues the chain stored in st.
func New(ctx context.Context, st store.AuditStore, opts Options) (*Logger, error) {
	head, err := st.AuditHead(ctx)
	if err != nil {
		return nil, fmt.Errorf("audit: reading chain head: %w", err)
	}
	if opts.MaxPending <= 0 {
		opts.MaxPending = 10000
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 512
	}
	if opts.RetryInterval <= 0 {
		opts.RetryInterval = 250 * time.Millisecond
	}
	if opts.Linger == 0 {
		opts.Linger = 5 * time.Millisecond
	}
	if opts.CommitTimeout <= 0 {
		opts.CommitTimeout = 30 * time.Second
	}
	l := &Logger{
		st:   st,
		opts: opts,
		log:  opts.Log,
		now:  time.Now,
		wake: make(chan struct{}, 1),
		done: make(chan struct{}),
		head: head,
	}
	if l.log == nil {
		l.log = slog.Default()
	}
	l.runCtx, l.cancel = context.WithCancel(context.Background())
	go l.run()
	return l, nil
}

// Record appends ev to the chain and returns once it is durably committed.
// On error the caller must fail closed. An event that was accepted but not
// yet committed (store failure, ctx done) stays queued and is retried in
// order, so it is never silently dropped; only ErrClosed, ErrBacklog and
// encoding errors mean the event was not accepted at all.
func (l *Logger) Record(ctx context.Context, ev Event) error {
	data, err := ev.encode(l.now)
	if err != nil {
		return err
	}
	it := &item{t: ev.Time, data: data, done: make(chan error, 1)}
	l.mu.Lock()
	if l.closing {
		l.mu.Unlock()
		return ErrClosed
	}
	if len(l.queue) >= l.opts.MaxPending {
		n, last := len(l.queue), l.lastErr
		l.mu.Unlock()
		return fmt.Errorf("%w: %d events waiting for the store (last error: %v)", ErrBacklog, n, last)
	}
	l.queue = append(l.queue, it)
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
	select {
	case err := <-it.done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("audit: waiting for commit (event stays queued): %w", ctx.Err())
	}
}

// Enqueue accepts ev into the chain without waiting for its commit: for
// records that may trail the response they describe by one group commit
// (allowed calls), so that they do not each pay an fsync. It refuses while
// the store is failing or the backlog is full, so an unhealthy log stops
// traffic instead of losing records; Close still flushes what it accepted.
func (l *Logger) Enqueue(ev Event) error {
	if ev.Kind == "" {
		return fmt.Errorf("audit: event has no kind")
	}
	if ev.Time.IsZero() {
		ev.Time = l.now()
	}
	ev.Time = ev.Time.UTC().Round(0)
	if err := checkTime(ev.Time); err != nil {
		return err
	}
	// Encoding is left to the writer goroutine, off the request's path.
	it := &item{t: ev.Time, ev: &ev, done: make(chan error, 1)}
	l.mu.Lock()
	switch {
	case l.closing:
		l.mu.Unlock()
		return ErrClosed
	case l.lastErr != nil:
		err := l.lastErr
		l.mu.Unlock()
		return fmt.Errorf("audit: the store is failing: %w", err)
	case len(l.queue) >= l.opts.MaxPending:
		n := len(l.queue)
		l.mu.Unlock()
		return fmt.Errorf("%w: %d events waiting for the store", ErrBacklog, n)
	}
	l.queue = append(l.queue, it)
	n := len(l.queue)
	l.mu.Unlock()
	// The writer needs a wake-up only to start a batch or to cut a full
	// one short; anything in between waits for the batch's linger, and a
	// wake-up per event cost a goroutine switch and a queue scan each.
	if n == 1 || n >= l.opts.MaxBatch {
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
	return nil
}

// encodeLate encodes an enqueued event in the writer. An event that cannot
// be encoded (details holding a value JSON cannot represent) is recorded as
// an error event that says so, rather than dropped.
func (l *Logger) encodeLate(ev *Event) []byte {
	data, err := ev.encode(l.now)
	if err == nil {
		return data
	}
	l.log.Error("audit event could not be encoded; recording the failure instead", "err", err)
	fallback := Event{Time: ev.Time, Kind: KindError, Principal: ev.Principal, Session: ev.Session,
		Server: ev.Server, Method: ev.Method, Tool: ev.Tool, Verdict: ev.Verdict, Guard: ev.Guard,
		Reason: "event could not be encoded: " + err.Error()}
	data, err = fallback.encode(l.now)
	if err != nil {
		return []byte(`{"kind":"error","reason":"event could not be encoded"}`)
	}
	return data
}

// Pending reports how many accepted events are not yet committed.
func (l *Logger) Pending() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.queue)
}

// Close stops accepting events and flushes the queue. If ctx ends first
// (for example because the store keeps failing), it gives up and reports
// how many events were not written.
func (l *Logger) Close(ctx context.Context) error {
	l.mu.Lock()
	l.closing = true
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
	select {
	case <-l.done:
	case <-ctx.Done():
		l.cancel()
		<-l.done // the writer's store call honours runCtx, so this is bounded
	}
	l.cancel()
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.queue); n > 0 {
		where := ""
		if l.opts.Unwritten != nil {
			l.spill()
			where = "; written as JSON lines outside the chain"
		}
		return fmt.Errorf("audit: closing: %d events not written (last error: %v)%s", n, l.lastErr, where)
	}
	return nil
}

// spill writes the queued events to opts.Unwritten, one JSON object per
// line ({"unwritten_audit_event": <event>}). l.mu is held.
func (l *Logger) spill() {
	for _, it := range l.queue {
		data := it.data
		if data == nil && it.ev != nil {
			data = l.encodeLate(it.ev)
		}
		if data == nil {
			continue
		}
		line := append(append([]byte(`{"unwritten_audit_event":`), data...), '}', '\n')
		if _, err := l.opts.Unwritten.Write(line); err != nil {
			l.log.Error("audit: could not write unwritten events either", "err", err)
			return
		}
	}
}

// linger holds a commit briefly while every queued event was enqueued
// without a waiter: one transaction then carries many allowed calls, which
// keeps the audit log's CPU per call small at any rate. A waiting Record
// (a denial, which must be durable before it takes effect), a full batch,
// or Close ends the wait at once.
func (l *Logger) linger() {
	if l.opts.Linger <= 0 {
		return
	}
	deadline := time.NewTimer(l.opts.Linger)
	defer deadline.Stop()
	for {
		l.mu.Lock()
		waiter := l.closing || len(l.queue) >= l.opts.MaxBatch
		for _, it := range l.queue {
			if it.ev == nil {
				waiter = true
				break
			}
		}
		l.mu.Unlock()
		if waiter {
			return
		}
		select {
		case <-deadline.C:
			return
		case <-l.wake:
		case <-l.runCtx.Done():
			return
		}
	}
}

func (l *Logger) run() {
	defer close(l.done)
	backoff := l.opts.RetryInterval
	var retry *time.Timer
	var retryC <-chan time.Time
	for {
		select {
		case <-l.wake:
		case <-retryC:
		case <-l.runCtx.Done():
			return
		}
		if retry != nil {
			retry.Stop()
			retryC = nil
		}
		l.linger()
		ok := l.flush()
		l.mu.Lock()
		closing, empty := l.closing, len(l.queue) == 0
		l.mu.Unlock()
		if closing && empty {
			return
		}
		if ok {
			backoff = l.opts.RetryInterval
			continue
		}
		retry = time.NewTimer(backoff)
		retryC = retry.C
		backoff = min(2*backoff, 5*time.Second)
	}
}

// flush commits queued events in batches until the queue is empty (true)
// or the store fails (false).
func (l *Logger) flush() bool {
	for {
		l.mu.Lock()
		batch := append([]*item(nil), l.queue[:min(len(l.queue), l.opts.MaxBatch)]...)
		l.mu.Unlock()
		if len(batch) == 0 {
			return true
		}
		n, recs, err := l.commit(batch)
		if n > 0 {
			l.mu.Lock()
			clear(l.queue[:n])
			l.queue = l.queue[n:]
			l.mu.Unlock()
			for _, it := range batch[:n] {
				if !it.notified {
					it.notified = true
					it.done <- nil
				}
			}
			l.mirror(recs[:n])
			if l.failing && err == nil {
				l.mu.Lock()
				l.lastErr = nil
				l.mu.Unlock()
				l.failing = false
				l.log.Info("audit store append recovered", "head_seq", l.head.Seq)
			}
		}
		if err != nil {
			l.mu.Lock()
			l.lastErr = err
			waiting := append([]*item(nil), l.queue...)
			l.mu.Unlock()
			// Everyone waiting learns of the failure now and fails closed;
			// their events stay queued for the retry.
			for _, it := range waiting {
				if !it.notified {
					it.notified = true
					it.done <- err
				}
			}
			if !l.failing { // log transitions, not every retry
				l.failing = true
				l.log.Error("audit store append failed; holding events in memory and retrying",
					"pending", len(waiting), "error", err)
			}
			return false
		}
	}
}

// maxRechain bounds how often one batch is re-linked onto a head that
// another writer moved. Between attempts the writer backs off (rechainWait,
// doubled up to maxRechainWait, jittered), so two writers that keep taking
// the head from each other fall out of step instead of failing: eight
// immediate retries failed a commit under the race detector with two stores on
// one database.
const (
	maxRechain     = 64
	rechainWait    = time.Millisecond
	maxRechainWait = 50 * time.Millisecond
)

// commit appends batch and returns how many of its events are now in the
// store, with their records.
func (l *Logger) commit(batch []*item) (int, []store.AuditRecord, error) {
	wait := rechainWait
	deadline := time.Now().Add(l.opts.CommitTimeout)
	for attempt := range maxRechain {
		if attempt > 0 {
			if time.Now().After(deadline) {
				break
			}
			t := time.NewTimer(wait/2 + rand.N(wait/2+1))
			select {
			case <-t.C:
			case <-l.runCtx.Done():
				t.Stop()
				return 0, nil, fmt.Errorf("audit: committing events: %w", l.runCtx.Err())
			}
			wait = min(2*wait, maxRechainWait)
		}
		recs := make([]store.AuditRecord, len(batch))
		prev := l.head
		for i, it := range batch {
			if it.data == nil {
				it.data = l.encodeLate(it.ev)
			}
			recs[i] = link(prev, it.t, it.data)
			prev = recs[i]
		}
		ctx, cancel := context.WithTimeout(l.runCtx, l.opts.CommitTimeout)
		err := l.st.AppendAudit(ctx, recs...)
		cancel()
		if err == nil {
			l.head = prev
			return len(recs), recs, nil
		}
		if !errors.Is(err, store.ErrConflict) {
			return 0, nil, fmt.Errorf("audit: committing %d events: %w", len(recs), err)
		}
		// The stored head moved: another writer appended, or an earlier
		// attempt of ours committed although it reported an error. Find out
		// which, so nothing is written twice.
		n, err := l.resync(recs)
		if err != nil {
			return 0, nil, err
		}
		if n > 0 {
			return n, recs, nil
		}
	}
	return 0, nil, fmt.Errorf("audit: committing events: chain head kept moving under other writers: %w", store.ErrConflict)
}

// resync moves l.head to the stored head and reports how many leading
// records of recs are already stored.
func (l *Logger) resync(recs []store.AuditRecord) (int, error) {
	matched := 0
	head := l.head
	ctx, cancel := context.WithTimeout(l.runCtx, l.opts.CommitTimeout)
	defer cancel()
	err := l.st.ScanAudit(ctx, l.head.Seq+1, func(r store.AuditRecord) error {
		if matched == int(r.Seq-l.head.Seq-1) && matched < len(recs) && bytes.Equal(r.Hash, recs[matched].Hash) {
			matched++
		}
		head = r
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("audit: re-reading chain after conflict: %w", err)
	}
	l.head = head
	return matched, nil
}

func (l *Logger) mirror(recs []store.AuditRecord) {
	if l.opts.Mirror == nil {
		return
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(entryOf(r)); err != nil {
			l.log.Error("audit mirror: encoding entry", "seq", r.Seq, "error", err)
			return
		}
	}
	if _, err := l.opts.Mirror.Write(b.Bytes()); err != nil {
		l.log.Error("audit mirror: write failed; the store still has the events", "error", err)
	}
}
