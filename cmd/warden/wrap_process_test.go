package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for the warden executable and
// for a stdio MCP server, so that `warden wrap` is tested as a desktop
// client runs it: a real process, its real child, real pipes and signals.
//
//	<test binary> warden-main ARGS...        runs warden ARGS...
//	<test binary> test-child PIDFILE         a server whose tools/call never answers
func TestMain(m *testing.M) {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "warden-main":
			os.Exit(run(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
		case "test-child":
			os.Exit(testChild(os.Args[2]))
		}
	}
	os.Exit(m.Run())
}

// testChild is a stdio MCP server that answers the handshake and lists
// one tool, "hang", whose calls it never answers (a hung upstream). It
// writes its pid to pidFile and exits when stdin closes.
func testChild(pidFile string) int {
	if err := os.WriteFile(pidFile, []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
		return 1
	}
	fmt.Fprintln(os.Stderr, "test child: starting") // stderr is Warden's log, never the client's stdout
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		if json.Unmarshal(sc.Bytes(), &m) != nil || m.ID == nil {
			continue
		}
		var result string
		switch m.Method {
		case "initialize":
			result = `{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"child","version":"1"}}`
		case "tools/list":
			result = `{"tools":[{"name":"hang","description":"Waits.","inputSchema":{"type":"object"}}]}`
		case "tools/call":
			continue // never answered
		default:
			result = `{}`
		}
		fmt.Printf(`{"jsonrpc":"2.0","id":%s,"result":%s}`+"\n", m.ID, result)
	}
	return 0
}

// wrapProc is a running `warden wrap` around testChild.
type wrapProc struct {
	t       *testing.T
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	stdout  io.ReadCloser
	lines   chan string // stdout, line by line; closed at EOF
	stderr  *lockedBuffer
	dataDir string
	pidFile string
	exited  chan struct{}
	waitErr error
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startWrap(t *testing.T, readStdout bool) *wrapProc {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := &wrapProc{t: t, dataDir: filepath.Join(dir, "data"), pidFile: filepath.Join(dir, "child.pid"),
		lines: make(chan string, 64), stderr: &lockedBuffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command(exe, "warden-main", "wrap", "--name", "child", "--data-dir", p.dataDir, "--", exe, "test-child", p.pidFile)
	p.cmd.Stderr = p.stderr
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if p.stdout, err = p.cmd.StdoutPipe(); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if readStdout {
		go func() {
			defer close(p.lines)
			br := bufio.NewReader(p.stdout)
			for {
				line, err := br.ReadString('\n')
				if line != "" {
					p.lines <- line
				}
				if err != nil {
					return
				}
			}
		}()
	} else {
		close(p.lines)
	}
	go func() {
		p.waitErr = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
		if pid := p.childPid(); pid > 0 && alive(pid) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	})
	return p
}

func (p *wrapProc) send(lines ...string) {
	p.t.Helper()
	for _, l := range lines {
		if _, err := io.WriteString(p.stdin, l+"\n"); err != nil {
			p.t.Fatalf("writing to warden's stdin: %v", err)
		}
	}
}

// response waits for the answer to request id; every line before it must
// be JSON-RPC too.
func (p *wrapProc) response(id string) map[string]any {
	p.t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				p.t.Fatalf("stdout closed before the answer to %s; stderr:\n%s", id, p.stderr.String())
			}
			m := mustJSONRPC(p.t, line)
			if string(m["id"]) == id {
				var out map[string]any
				_ = json.Unmarshal([]byte(line), &out)
				return out
			}
		case <-timeout:
			p.t.Fatalf("no answer to %s; stderr:\n%s", id, p.stderr.String())
		}
	}
}

// mustJSONRPC fails unless line is one JSON-RPC 2.0 message: stdout is
// the client's protocol stream, and a log line there corrupts it.
func mustJSONRPC(t *testing.T, line string) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(line), &m); err != nil || string(m["jsonrpc"]) != `"2.0"` {
		t.Fatalf("stdout carried a line that is not JSON-RPC: %.200q", line)
	}
	return m
}

func (p *wrapProc) waitExit(within time.Duration) {
	p.t.Helper()
	select {
	case <-p.exited:
	case <-time.After(within):
		p.t.Fatalf("warden wrap still running after %s; stderr:\n%s", within, p.stderr.String())
	}
}

func (p *wrapProc) childPid() int {
	b, _ := os.ReadFile(p.pidFile)
	pid, _ := strconv.Atoi(string(b))
	return pid
}

// alive reports whether pid runs (a zombie left to a PID 1 that does not
// reap counts as dead).
func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return syscall.Kill(pid, 0) == nil
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	return len(f) > 0 && f[0] != "Z" && f[0] != "X"
}

// auditEvents reads the audit log Warden left in its data directory.
func (p *wrapProc) auditEvents() []map[string]any {
	p.t.Helper()
	var out, errb bytes.Buffer
	if code := run([]string{"audit", "tail", "--json", "-n", "1000", "--data-dir", p.dataDir}, nil, &out, &errb); code != 0 {
		p.t.Fatalf("audit tail: %d %s", code, errb.String())
	}
	var evs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var rec struct{ Event map[string]any }
		if err := json.Unmarshal([]byte(l), &rec); err == nil {
			evs = append(evs, rec.Event)
		}
	}
	return evs
}

// failed reports whether an answer is an error: a JSON-RPC one, or a
// tool result marked isError (a guard that was still building when the
// call was cancelled refuses it that way).
func failed(r map[string]any) bool {
	if r["error"] != nil {
		return true
	}
	res, _ := r["result"].(map[string]any)
	return res["isError"] == true
}

func hasSessionEnd(evs []map[string]any) bool {
	for _, e := range evs {
		if e["kind"] == "session" && e["verdict"] == "end" {
			return true
		}
	}
	return false
}

const (
	initReq   = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`
	initedMsg = `{"jsonrpc":"2.0","method":"notifications/initialized"}`
	listReq   = `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`
	hangReq   = `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"hang","arguments":{}}}`
)

// handshake opens the session and leaves a call hanging at the upstream.
func (p *wrapProc) handshake() {
	p.t.Helper()
	p.send(initReq)
	if r := p.response("1"); r["result"] == nil {
		p.t.Fatalf("initialize: %v", r)
	}
	p.send(initedMsg, listReq)
	p.response("2")
	p.send(hangReq)
	time.Sleep(200 * time.Millisecond) // the call reaches the child
}

// A desktop client stops its server with SIGTERM (or the user with ^C)
// while stdin is still open. Warden used to wait on stdin forever, having
// swallowed the signal; it must end the session (audited), its child and
// itself, with the call in flight answered.
func TestWrapSignalEndsWardenAndChild(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			p := startWrap(t, true)
			p.handshake()
			child := p.childPid()
			if child == 0 || !alive(child) {
				t.Fatalf("child not running (pid %d)", child)
			}
			if err := p.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			p.waitExit(20 * time.Second)
			if p.waitErr != nil {
				t.Errorf("exit after %s: %v; stderr:\n%s", sig, p.waitErr, p.stderr.String())
			}
			if alive(child) {
				t.Errorf("child %d outlived warden", child)
			}
			if r := p.response("3"); !failed(r) {
				t.Errorf("call in flight answered %v, want an error", r)
			}
			if !hasSessionEnd(p.auditEvents()) {
				t.Errorf("no session end in the audit log")
			}
		})
	}
}

// Closing stdin is how an MCP client shuts a stdio server down. Requests in
// flight get a short grace, then are cancelled: Warden used to keep itself
// and its child alive until the hung call's timeout (60s, 10m with
// progress).
func TestWrapStdinCloseEndsInFlightCalls(t *testing.T) {
	p := startWrap(t, true)
	p.handshake()
	child := p.childPid()
	start := time.Now()
	p.stdin.Close()
	p.waitExit(stdinGrace + 20*time.Second)
	if took := time.Since(start); took > stdinGrace+15*time.Second {
		t.Errorf("exit took %s", took)
	}
	if p.waitErr != nil {
		t.Errorf("exit: %v", p.waitErr)
	}
	if r := p.response("3"); !failed(r) {
		t.Errorf("hung call answered %v, want an error", r)
	}
	if alive(child) {
		t.Errorf("child %d outlived warden", child)
	}
	if !hasSessionEnd(p.auditEvents()) {
		t.Errorf("no session end in the audit log")
	}
	if !strings.Contains(p.stderr.String(), "closed stdin") {
		t.Errorf("stderr does not say why calls were cancelled:\n%s", p.stderr.String())
	}
}

// A client that closes its end of Warden's stdout used to kill Warden by
// SIGPIPE mid-write: no log line, no session end in the audit log. Warden
// must notice the failed write, say so, and shut down in order.
func TestWrapClientStopsReadingStdout(t *testing.T) {
	p := startWrap(t, false)
	p.stdout.Close()
	p.send(initReq)
	p.waitExit(30 * time.Second)
	var ee *exec.ExitError
	if errors.As(p.waitErr, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			t.Fatalf("warden died of %s; stderr:\n%s", ws.Signal(), p.stderr.String())
		}
	}
	if p.waitErr == nil {
		t.Errorf("exit status 0 after losing the client's stdout")
	}
	if !strings.Contains(p.stderr.String(), "stopped reading stdout") {
		t.Errorf("stderr does not say why:\n%s", p.stderr.String())
	}
	if child := p.childPid(); child > 0 && alive(child) {
		t.Errorf("child %d outlived warden", child)
	}
	if !hasSessionEnd(p.auditEvents()) {
		t.Errorf("no session end in the audit log")
	}
}

// Whatever the client sends (garbage, a batch, a line past the size
// limit) and whatever the child logs, stdout carries JSON-RPC only, every
// refusal has an answer, and Warden goes on serving.
func TestWrapStdoutCarriesOnlyJSONRPC(t *testing.T) {
	p := startWrap(t, true)
	p.send(initReq)
	p.response("1")
	p.send(initedMsg, "garbage", `[{"jsonrpc":"2.0","id":9,"method":"ping"}]`, `{"jsonrpc":"2.0","id":10,"method":"ping","params":{"x":"`+strings.Repeat("A", 5<<20)+`"}}`, listReq)
	p.stdin.Close()
	p.waitExit(stdinGrace + 20*time.Second)
	refusals, listed := 0, false
	for line := range p.lines {
		m := mustJSONRPC(t, line)
		if m["error"] != nil {
			refusals++
		}
		listed = listed || (string(m["id"]) == "2" && m["result"] != nil)
	}
	// Garbage, a batch and an oversized line: each refused with an answer.
	if refusals != 3 || !listed {
		t.Errorf("%d refusals (want 3), tools/list answered: %v", refusals, listed)
	}
	if !strings.Contains(p.stderr.String(), "test child: starting") {
		t.Errorf("the child's stderr is not in Warden's log")
	}
}
