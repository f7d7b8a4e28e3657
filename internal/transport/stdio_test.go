//go:build unix

package transport

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func testDialer(mode string, extraEnv ...string) *StdioDialer {
	return &StdioDialer{
		Command: os.Args[0],
		Env:     append([]string{childEnv + "=" + mode}, extraEnv...),
	}
}

func dialT(t *testing.T, d Dialer) Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := d.Dial(ctx)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestStdioGoSDKServer(t *testing.T) {
	c := dialT(t, testDialer("mcp"))
	legacyHandshakeAndCalls(t, c, false)
	if err := c.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if _, err := c.Read(context.Background()); !errors.Is(err, io.EOF) {
		t.Fatalf("Read after Close = %v, want io.EOF", err)
	}
	if err := c.Write(context.Background(), []byte(msgToolsList)); err == nil {
		t.Fatal("Write after Close succeeded")
	}
}

// syncBuf is a goroutine-safe log sink.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestStdioOversizedLineAndStderr(t *testing.T) {
	var logs syncBuf
	d := testDialer("big", "BIG_BYTES=1000000")
	d.MaxMessageBytes = 4096
	d.Logger = slog.New(slog.NewTextHandler(&logs, nil)).With("upstream", "bigone")
	c := dialT(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	if _, err := c.Read(ctx); !errors.Is(err, ErrMessageTooLarge) {
		t.Fatalf("first Read = %v, want ErrMessageTooLarge", err)
	}
	in, err := c.Read(ctx)
	if err != nil {
		t.Fatalf("Read after oversized line: %v", err)
	}
	mustContain(t, in.Msg, `"after/big"`)
	if in.Related != nil {
		t.Fatalf("stdio Related = %s, want nil", in.Related)
	}
	// Multi-line JSON is compacted to one line; the child echoes it.
	write(t, c, "{\n \"jsonrpc\": \"2.0\",\n \"method\": \"ping/echo\"\n}")
	in, err = c.Read(ctx)
	if err != nil {
		t.Fatalf("Read echo: %v", err)
	}
	if string(in.Msg) != `{"jsonrpc":"2.0","method":"ping/echo"}` {
		t.Fatalf("echo = %s", in.Msg)
	}
	// The stderr reader logs on its own goroutine: give it a moment, and
	// only then close (closing ends the reader, perhaps mid-line).
	for _, want := range []string{"upstream=bigone", "hello from stderr", "line too long"} {
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(logs.String(), want) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %q:\n%s", want, logs.String())
		}
	}
	c.Close()
}

func TestStdioChildCrash(t *testing.T) {
	c := dialT(t, testDialer("crash"))
	write(t, c, msgToolsList)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.Read(ctx)
	if !errors.Is(err, io.EOF) || !strings.Contains(err.Error(), "exit status 3") {
		t.Fatalf("Read after crash = %v, want io.EOF with exit status 3", err)
	}
	// The child's last stderr line says why it died; a token in it is
	// masked (the error reaches clients and the audit log), a path is not.
	const want = `its last stderr line: "Error: invalid API key […], see /etc/app-2024/settings.toml"`
	if !strings.Contains(err.Error(), want) {
		t.Fatalf("Read after crash = %v, want it to contain %s", err, want)
	}
	if _, err2 := c.Read(ctx); err2 == nil || err2.Error() != err.Error() {
		t.Fatalf("second Read = %v, want the same error", err2)
	}
}

func TestStdioEnvironmentNotInherited(t *testing.T) {
	t.Setenv("WARDEN_SECRET_FOR_TEST", "leak")
	c := dialT(t, testDialer("env", "ONLY=this"))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	in, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(in.Msg), "WARDEN_SECRET_FOR_TEST") || strings.Contains(string(in.Msg), "PATH=") {
		t.Fatalf("child inherited environment: %s", in.Msg)
	}
	mustContain(t, in.Msg, "ONLY=this")
}

func TestStdioCloseKillsStubbornGroup(t *testing.T) {
	d := testDialer("stubborn")
	d.TerminateTimeout = 100 * time.Millisecond
	c := dialT(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	in, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var pids struct{ Child, Grandchild int }
	if err := jsonUnmarshal(in.Msg, &pids); err != nil || pids.Child == 0 || pids.Grandchild == 0 {
		t.Fatalf("bad pid report %s: %v", in.Msg, err)
	}
	// The child never reads stdin: a big Write blocks until its ctx ends,
	// and one without a deadline until Close.
	big := []byte(`{"jsonrpc":"2.0","method":"x","params":{"pad":"` + strings.Repeat("p", 1<<20) + `"}}`)
	wctx, wcancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer wcancel()
	if err := c.Write(wctx, big); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Write to a stuck child = %v, want DeadlineExceeded", err)
	}
	stuck := make(chan error, 1)
	go func() { stuck <- c.Write(context.Background(), big) }()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-stuck:
		if err == nil {
			t.Fatal("blocked Write succeeded after Close")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not unblock a stuck Write")
	}
	for _, pid := range []int{pids.Child, pids.Grandchild} {
		if !waitGone(pid, 5*time.Second) {
			t.Errorf("process %d survived Close", pid)
		}
	}
}

func TestStdioDialMissingCommand(t *testing.T) {
	d := &StdioDialer{Command: "/nonexistent/warden-test-server"}
	if c, err := d.Dial(context.Background()); err == nil {
		c.Close()
		t.Fatal("Dial of a missing command succeeded")
	}
}

// waitGone polls /proc until pid is gone or a zombie (reaped by init later).
func waitGone(pid int, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return true
		}
		// state is the field after the ")" closing the command name.
		if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func TestMaskTokens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ModuleNotFoundError: No module named 'mcp_server_x'", "ModuleNotFoundError: No module named 'mcp_server_x'"},
		{"token ghp_16C7e42F292c6912E7710c838347Ae178B4a rejected", "token […] rejected"},
		{"GITHUB_PERSONAL_ACCESS_TOKEN is not set", "GITHUB_PERSONAL_ACCESS_TOKEN is not set"}, // no digit
		{"Cannot find module '/home/u/proj/node_modules/server-2024/dist/index.js'", "Cannot find module '/home/u/proj/node_modules/server-2024/dist/index.js'"},
		{"key=AKIAIOSFODNN7EXAMPLE1", "[…]"},
		{"", ""},
	} {
		if got := maskTokens(tc.in); got != tc.want {
			t.Errorf("maskTokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
