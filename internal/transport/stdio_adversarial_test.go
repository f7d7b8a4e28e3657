//go:build unix

package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// A child that dies after leaving a daemon (in a session of its own, out of
// reach of the group kill) that holds its stdout must still be reported
// gone: otherwise the gateway waits on a dead upstream forever.
func TestStdioExitReportedWhileOrphanHoldsStdout(t *testing.T) {
	c := dialT(t, testDialer("orphan"))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	in, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var pids struct{ Grandchild int }
	if err := jsonUnmarshal(in.Msg, &pids); err != nil || pids.Grandchild == 0 {
		t.Fatalf("bad pid report %s: %v", in.Msg, err)
	}
	t.Cleanup(func() {
		syscall.Kill(pids.Grandchild, syscall.SIGKILL)
		waitGone(pids.Grandchild, 5*time.Second)
	})
	start := time.Now()
	_, err = c.Read(ctx)
	if !errors.Is(err, io.EOF) || !strings.Contains(err.Error(), "exit status 5") {
		t.Fatalf("Read after the child died = %v, want io.EOF naming exit status 5", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("exit reported after %v", d)
	}
}

// A child that closes stdout but keeps running can send nothing more: Read
// must say so rather than block.
func TestStdioChildClosesStdout(t *testing.T) {
	d := testDialer("closeout")
	d.TerminateTimeout = 200 * time.Millisecond
	c := dialT(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	in, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, in.Msg, "before/close")
	_, err = c.Read(ctx)
	if !errors.Is(err, io.EOF) || !strings.Contains(err.Error(), "closed its stdout") {
		t.Fatalf("Read after stdout closed = %v, want io.EOF saying stdout closed", err)
	}
}

// A child flooding stderr must not flood Warden's log: lines past a rate
// are counted, not logged.
func TestStdioStderrFloodIsRateLimited(t *testing.T) {
	var logs syncBuf
	d := testDialer("flood", "FLOOD_LINES=50000")
	d.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	c := dialT(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	in, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, in.Msg, "after/flood")
	// stderr is read on its own goroutine; wait until the last line was read.
	deadline := time.Now().Add(5 * time.Second)
	sc := c.(*stdioConn)
	for time.Now().Before(deadline) {
		sc.tailMu.Lock()
		last := sc.lastStderr
		sc.tailMu.Unlock()
		if last == "noise line 49999" {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.Close() // flushes the suppressed count
	out := logs.String()
	if n := strings.Count(out, "noise line"); n > 2*stderrBurst {
		t.Fatalf("%d stderr lines logged, want at most %d", n, 2*stderrBurst)
	}
	if !strings.Contains(out, "suppressed") {
		t.Fatalf("no record of suppressed stderr lines:\n%.2000s", out)
	}
}

// A lone CR is a line break to some readers (Python's universal newlines,
// Node's readline): it must not reach the child inside a message.
func TestStdioWriteFoldsCR(t *testing.T) {
	c := dialT(t, testDialer("echo"))
	write(t, c, "{\r\"jsonrpc\":\"2.0\",\r\"method\":\"cr/echo\"}")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	in, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if string(in.Msg) != `{"jsonrpc":"2.0","method":"cr/echo"}` {
		t.Fatalf("echo = %q", in.Msg)
	}
}

// Write, Read and Close from many goroutines: no race, no panic, every
// call returns, and the child is gone afterwards.
func TestStdioConcurrentWriteReadClose(t *testing.T) {
	d := testDialer("echo")
	d.TerminateTimeout = 5 * time.Second
	c := dialT(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := 0; ; i++ {
				msg := fmt.Sprintf(`{"jsonrpc":"2.0","id":"%d-%d","method":"x"}`, w, i)
				if err := c.Write(ctx, []byte(msg)); err != nil {
					return
				}
			}
		})
	}
	wg.Go(func() {
		for {
			if _, err := c.Read(ctx); err != nil {
				if !errors.Is(err, io.EOF) {
					t.Errorf("Read ended with %v, want io.EOF", err)
				}
				return
			}
		}
	})
	time.Sleep(50 * time.Millisecond)
	var closers sync.WaitGroup
	start := time.Now()
	for range 3 {
		closers.Go(func() { c.Close() })
	}
	closers.Wait()
	// The child still echoes when its stdin closes; its output is drained
	// so it can exit on its own instead of waiting for SIGTERM.
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("Close took %v: the child was not let to exit politely", d)
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Write or Read still blocked after Close")
	}
	if pid := c.(*stdioConn).pgid; !waitGone(pid, 5*time.Second) {
		t.Fatalf("child %d survived Close", pid)
	}
}
