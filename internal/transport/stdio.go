//go:build unix

package transport

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// maxStderrLine bounds one logged stderr line; the rest is dropped.
const maxStderrLine = 4096

// A child's stderr is logged at most at stderrRate lines a second after a
// burst of stderrBurst (a start-up traceback fits): a child flooding stderr
// must not flood Warden's log. Lines past the rate are counted instead.
const (
	stderrBurst = 200
	stderrRate  = 20
)

// StdioDialer starts an MCP server as a child process and speaks
// newline-delimited JSON over its stdin and stdout.
type StdioDialer struct {
	Command string
	Args    []string
	// Env is the child's complete environment. Nothing is inherited from
	// Warden (which holds credentials) unless listed here.
	Env []string
	// Dir is the child's working directory; empty means Warden's.
	Dir string
	// Logger receives the child's stderr, one record per line. Put the
	// upstream's identity on it (logger.With("upstream", name)).
	Logger *slog.Logger
	// MaxMessageBytes bounds one stdout line; <= 0 means
	// DefaultMaxMessageBytes.
	MaxMessageBytes int
	// TerminateTimeout is how long Close waits after closing stdin, and
	// again after SIGTERM, before escalating; <= 0 means 2s.
	TerminateTimeout time.Duration
}

// ErrCannotStart marks a command that could not be started for a reason
// that retrying will not fix by itself: not found, not executable.
var ErrCannotStart = errors.New("transport: the command cannot be started")

// Dial starts the child in its own process group, so that helpers it
// spawns (npx, shells) are signalled with it.
func (d *StdioDialer) Dial(ctx context.Context) (Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", d.Command, err)
	}
	logger := d.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cmd := exec.Command(d.Command, d.Args...)
	cmd.Env = append([]string{}, d.Env...) // non-nil: inherit nothing
	cmd.Dir = d.Dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}

	// Own pipes (not StdoutPipe) so cmd.Wait can reap the child while our
	// readers still drain, and so writes honour deadlines.
	var toClose []*os.File
	pipe := func() (r, w *os.File, err error) {
		r, w, err = os.Pipe()
		if err == nil {
			toClose = append(toClose, r, w)
		}
		return r, w, err
	}
	fail := func(err error) (Conn, error) {
		for _, f := range toClose {
			f.Close()
		}
		return nil, fmt.Errorf("starting %s: %w", d.Command, err)
	}
	inR, inW, err := pipe()
	if err != nil {
		return fail(err)
	}
	outR, outW, err := pipe()
	if err != nil {
		return fail(err)
	}
	errR, errW, err := pipe()
	if err != nil {
		return fail(err)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, errW
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			err = fmt.Errorf("%w: %w", ErrCannotStart, err)
		}
		return fail(err)
	}
	inR.Close()
	outW.Close()
	errW.Close()

	max := d.MaxMessageBytes
	if max <= 0 {
		max = DefaultMaxMessageBytes
	}
	term := d.TerminateTimeout
	if term <= 0 {
		term = 2 * time.Second
	}
	c := &stdioConn{
		cmd:    cmd,
		pgid:   cmd.Process.Pid,
		stdin:  inW,
		stdout: outR,
		stderr: errR,
		max:    max,
		term:   term,
		logger: logger,
		msgs:   make(chan stdioItem, 16),
		exited: make(chan struct{}),
		closed: make(chan struct{}),

		stderrDone: make(chan struct{}),
	}
	c.wg.Add(3)
	go c.wait()
	go c.readStdout()
	go c.readStderr()
	return c, nil
}

type stdioItem struct {
	msg []byte
	err error
}

type stdioConn struct {
	cmd    *exec.Cmd
	pgid   int
	stdin  *os.File
	stdout *os.File
	stderr *os.File
	max    int
	term   time.Duration
	logger *slog.Logger

	writeMu sync.Mutex
	broken  bool           // guarded by writeMu
	msgs    chan stdioItem // closed by readStdout after its final item
	exited  chan struct{}  // closed once the child is reaped
	exitErr error          // set before exited is closed
	closed  chan struct{}
	once    sync.Once
	wg      sync.WaitGroup

	termMu  sync.Mutex
	termErr error // sticky error once msgs is drained

	// The child's last stderr line, named in the error when it exits: a
	// server that dies at start-up usually says why there ("module not
	// found", "missing API key"), and the client should hear it.
	tailMu     sync.Mutex
	lastStderr string
	stderrDone chan struct{} // closed when stderr is drained
}

// stderrWait bounds how long an exit report waits for the child's stderr
// to be drained after stdout closed (the two pipes close independently).
// It is also how long stdout may stay silent once the child is reaped
// before the stream counts as ended: a daemon the child left behind, out
// of reach of the group kill, can hold the pipe open forever.
const stderrWait = 200 * time.Millisecond

// maxTailLine bounds the stderr line an exit error quotes.
const maxTailLine = 300

// maskTokens replaces token-like runs (20 or more letters, digits and
// -_+=, with both letters and digits) by "[…]". The exit error reaches
// the client and the audit log, and a server that dies of a bad key often
// prints the key.
func maskTokens(s string) string {
	isTok := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_+=", c) >= 0
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isTok(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j, letters, digits := i, false, false
		for j < len(s) && isTok(s[j]) {
			c := s[j]
			letters = letters || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			digits = digits || c >= '0' && c <= '9'
			j++
		}
		if j-i >= 20 && letters && digits {
			b.WriteString("[…]")
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

// exitError describes the child's exit: its status and, when it wrote
// any, its last stderr line.
func (c *stdioConn) exitError() error {
	t := time.NewTimer(stderrWait)
	defer t.Stop()
	select {
	case <-c.stderrDone:
	case <-t.C:
	}
	c.tailMu.Lock()
	last := c.lastStderr
	c.tailMu.Unlock()
	msg := fmt.Sprintf("upstream %s exited (%v)", c.cmd.Path, c.exitErr)
	if last != "" {
		msg = fmt.Sprintf("upstream %s exited (%v; its last stderr line: %q)", c.cmd.Path, c.exitErr, last)
	}
	return exitedError(msg)
}

// exitedError is the end of a child's output: an io.EOF that says why.
type exitedError string

func (e exitedError) Error() string { return string(e) }
func (e exitedError) Unwrap() error { return io.EOF }

func (c *stdioConn) wait() {
	defer c.wg.Done()
	err := c.cmd.Wait()
	if err == nil {
		err = errors.New("exit status 0")
	}
	c.exitErr = err
	// The leader is gone; whatever it left in its group (and which may hold
	// our pipes open) goes with it.
	_ = syscall.Kill(-c.pgid, syscall.SIGKILL)
	// Something outside the group may still hold stdout: wake a blocked
	// read (exitReader re-arms this for every read after exit).
	_ = c.stdout.SetReadDeadline(time.Now().Add(stderrWait))
	close(c.exited)
}

// exitReader reads the child's stdout; once the child is reaped each read
// may wait only stderrWait for data, so what the child wrote is drained
// but a pipe held open by an orphan ends the stream.
type exitReader struct{ c *stdioConn }

func (r exitReader) Read(p []byte) (int, error) {
	select {
	case <-r.c.exited:
		_ = r.c.stdout.SetReadDeadline(time.Now().Add(stderrWait))
	default:
	}
	return r.c.stdout.Read(p)
}

// drain discards stdout after Close so a child still writing can reach its
// stdin EOF and exit politely; Close closing stdout ends it.
func (c *stdioConn) drain() { _, _ = io.Copy(io.Discard, exitReader{c}) }

func (c *stdioConn) readStdout() {
	defer c.wg.Done()
	defer close(c.msgs)
	br := bufio.NewReaderSize(exitReader{c}, 64<<10)
	for {
		line, err := readBoundedLine(br, c.max)
		if len(bytes.TrimSpace(line)) > 0 {
			if !c.send(stdioItem{msg: line}) {
				c.drain()
				return
			}
		}
		switch {
		case errors.Is(err, ErrMessageTooLarge):
			if !c.send(stdioItem{err: fmt.Errorf("reading from %s: %w", c.cmd.Path, err)}) {
				c.drain()
				return
			}
		case err != nil:
			// stdout closed: report why the child went away. A child that
			// closed stdout and lives on can send nothing more either; say
			// so rather than leave Read blocked until Close.
			t := time.NewTimer(c.term)
			defer t.Stop()
			select {
			case <-c.exited:
				c.send(stdioItem{err: c.exitError()})
			case <-t.C:
				c.send(stdioItem{err: exitedError(fmt.Sprintf("upstream %s closed its stdout but is still running", c.cmd.Path))})
			case <-c.closed:
			}
			return
		}
	}
}

func (c *stdioConn) send(it stdioItem) bool {
	select {
	case c.msgs <- it:
		return true
	case <-c.closed:
		return false
	}
}

func (c *stdioConn) readStderr() {
	defer c.wg.Done()
	defer close(c.stderrDone)
	lim := lineLimiter{tokens: stderrBurst, last: time.Now()}
	defer lim.flush(c.logger)
	br := bufio.NewReaderSize(c.stderr, maxStderrLine)
	for {
		line, err := readBoundedLine(br, maxStderrLine)
		if errors.Is(err, ErrMessageTooLarge) {
			if lim.allow(c.logger) {
				c.logger.Info("upstream stderr", "line", "[line too long, dropped]")
			}
			continue
		}
		if len(line) > 0 {
			text := string(bytes.TrimRight(line, "\r"))
			if lim.allow(c.logger) {
				c.logger.Info("upstream stderr", "line", text)
			}
			if t := maskTokens(strings.TrimSpace(text)); t != "" {
				if len(t) > maxTailLine {
					t = strings.ToValidUTF8(t[:maxTailLine], "") + "…"
				}
				c.tailMu.Lock()
				c.lastStderr = t
				c.tailMu.Unlock()
			}
		}
		if err != nil {
			return
		}
	}
}

// lineLimiter is a token bucket over logged stderr lines.
type lineLimiter struct {
	tokens  float64
	last    time.Time
	dropped int
}

// allow reports whether one more line may be logged, first logging how
// many were suppressed since the last one that was.
func (l *lineLimiter) allow(logger *slog.Logger) bool {
	now := time.Now()
	l.tokens = min(stderrBurst, l.tokens+now.Sub(l.last).Seconds()*stderrRate)
	l.last = now
	if l.tokens < 1 {
		l.dropped++
		return false
	}
	l.tokens--
	l.flush(logger)
	return true
}

func (l *lineLimiter) flush(logger *slog.Logger) {
	if l.dropped > 0 {
		logger.Warn("upstream stderr lines suppressed (rate limit)", "lines", l.dropped)
		l.dropped = 0
	}
}

// readBoundedLine returns one '\n'-terminated line without the terminator.
// A line longer than max is consumed to its end without being buffered and
// reported as a *TooLargeError (an ErrMessageTooLarge) with its size and,
// when its ends show it, its JSON-RPC id.
func readBoundedLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	tooLong := false
	var head, tail []byte
	var size int64
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if !tooLong {
			if len(line)+len(chunk) > max+1 { // +1 for the '\n'
				tooLong = true
				head = append(line[:0:0], line[:min(len(line), idProbe)]...)
				if len(head) < idProbe {
					head = append(head, chunk[:min(len(chunk), idProbe-len(head))]...)
				}
				line = nil
			} else {
				line = append(line, chunk...)
			}
		}
		if tooLong {
			tail = append(tail, chunk...)
			if len(tail) > idProbe {
				tail = append(tail[:0], tail[len(tail)-idProbe:]...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			if err == nil {
				err = &TooLargeError{Size: size - 1, Limit: max, ID: messageID(head, tail)}
			}
			return nil, err
		}
		if err != nil && len(line) > max {
			// An unterminated last line has no '\n' to discount: its
			// max+1st byte got past the check above. Dropped like a
			// longer one.
			return nil, err
		}
		return bytes.TrimSuffix(line, []byte("\n")), err
	}
}

// Write sends msg as one line. JSON whitespace line breaks are compacted
// away so the framing holds: LF, and CR, which some readers (Python's
// universal newlines, Node's readline) also take for a line end.
func (c *stdioConn) Write(ctx context.Context, msg []byte) error {
	if bytes.ContainsAny(msg, "\r\n") {
		var b bytes.Buffer
		if err := json.Compact(&b, msg); err != nil {
			return fmt.Errorf("writing to %s: message is not JSON: %w", c.cmd.Path, err)
		}
		msg = b.Bytes()
	}
	buf := make([]byte, 0, len(msg)+1)
	buf = append(append(buf, msg...), '\n')

	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	select {
	case <-c.closed:
		return fmt.Errorf("writing to %s: %w", c.cmd.Path, os.ErrClosed)
	default:
	}
	if c.broken {
		return fmt.Errorf("writing to %s: an earlier write was cut short; redial", c.cmd.Path)
	}
	if dl, ok := ctx.Deadline(); ok {
		c.stdin.SetWriteDeadline(dl)
	} else {
		c.stdin.SetWriteDeadline(time.Time{})
	}
	// Close expires the deadline to unblock a stuck write; re-check after
	// setting ours so a racing Close cannot be undone.
	select {
	case <-c.closed:
		return fmt.Errorf("writing to %s: %w", c.cmd.Path, os.ErrClosed)
	default:
	}
	fired := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(fired)
		c.stdin.SetWriteDeadline(time.Now())
	})
	n, err := c.stdin.Write(buf)
	if err != nil && n > 0 {
		// Half a line is in the pipe: the framing is lost for good.
		c.broken = true
	}
	if !stop() {
		<-fired // its deadline must not leak into the next Write
	}
	if err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			// Report why the deadline fired: the caller's ctx or Close.
			dl, ok := ctx.Deadline()
			select {
			case <-c.closed:
				err = os.ErrClosed
			default:
				if ctx.Err() != nil {
					err = ctx.Err()
				} else if ok && !time.Now().Before(dl) {
					err = context.DeadlineExceeded
				}
			}
		}
		return fmt.Errorf("writing to %s: %w", c.cmd.Path, err)
	}
	return nil
}

func (c *stdioConn) Read(ctx context.Context) (Incoming, error) {
	select {
	case it, ok := <-c.msgs:
		if !ok {
			return Incoming{}, c.sticky(nil)
		}
		if it.err != nil {
			if errors.Is(it.err, io.EOF) {
				return Incoming{}, c.sticky(it.err)
			}
			return Incoming{}, it.err
		}
		return Incoming{Msg: it.msg}, nil
	case <-c.closed:
		return Incoming{}, c.sticky(nil)
	case <-ctx.Done():
		return Incoming{}, ctx.Err()
	}
}

// sticky records the first terminal error and returns it from then on.
func (c *stdioConn) sticky(err error) error {
	c.termMu.Lock()
	defer c.termMu.Unlock()
	if c.termErr == nil {
		if err == nil {
			err = fmt.Errorf("connection to %s closed: %w", c.cmd.Path, io.EOF)
		}
		c.termErr = err
	}
	return c.termErr
}

// Close ends the child politely, then firmly: close stdin, wait, SIGTERM
// the group, wait, SIGKILL the group. It returns once the child is reaped
// and every goroutine of this Conn has ended.
func (c *stdioConn) Close() error {
	c.once.Do(func() {
		close(c.closed)
		c.stdin.SetWriteDeadline(time.Now()) // unblock a Write the child is not reading
		c.writeMu.Lock()
		c.stdin.Close()
		c.writeMu.Unlock()
		if !c.waitExit(c.term) {
			c.logger.Warn("upstream ignored stdin close; sending SIGTERM", "pid", c.pgid)
			_ = syscall.Kill(-c.pgid, syscall.SIGTERM)
			if !c.waitExit(c.term) {
				c.logger.Warn("upstream ignored SIGTERM; sending SIGKILL", "pid", c.pgid)
				_ = syscall.Kill(-c.pgid, syscall.SIGKILL)
				<-c.exited // SIGKILL cannot be ignored
			}
		}
		// The group was killed in wait(); closing our ends unblocks readers
		// even if something outside the group inherited the pipes.
		c.stdout.Close()
		c.stderr.Close()
		c.wg.Wait()
	})
	return nil
}

func (c *stdioConn) waitExit(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-c.exited:
		return true
	case <-t.C:
		return false
	}
}
