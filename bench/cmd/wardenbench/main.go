// Command wardenbench measures Warden against a direct connection to the
// same upstream: tools/call round trips at several payload sizes and
// concurrencies, with every guard off and with every guard on, plus the
// memory that idle sessions cost. Warden, the upstream and the load
// generator run as three processes, so they share no Go runtime.
//
//	wardenbench [flags]                 run the benchmark, write bench/results/DATE.{md,json}
//	wardenbench upstream --listen ADDR  serve the upstream fixture (used by the benchmark)
//
// See docs/benchmarks.md.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/warden-mcp/warden/bench/fixture"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	if len(os.Args) > 1 && os.Args[1] == "upstream" {
		err = serveUpstream(ctx, os.Args[2:], os.Stdin, os.Stdout)
	} else {
		err = runBench(ctx, os.Args[1:], os.Stdout, os.Stderr)
	}
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "wardenbench:", err)
		}
		os.Exit(1)
	}
}

// serveUpstream serves the fixture until ctx ends or stdin closes (the
// parent's end of the pipe), printing "listening URL" once it accepts.
func serveUpstream(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("upstream", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *listen, err)
	}
	srv := &http.Server{Handler: fixture.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn)}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { _, _ = io.Copy(io.Discard, stdin); cancel() }()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "listening http://%s\n", ln.Addr())
	select {
	case err := <-errc:
		return fmt.Errorf("serving the upstream: %w", err)
	case <-ctx.Done():
	}
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	return srv.Shutdown(sctx)
}

// readListening reads the "listening URL" line a child prints once ready.
func readListening(r io.Reader, timeout time.Duration) (string, error) {
	type res struct {
		url string
		err error
	}
	ch := make(chan res, 1)
	go func() {
		line, err := bufio.NewReader(r).ReadString('\n')
		if err != nil {
			ch <- res{err: fmt.Errorf("reading the upstream's address: %w", err)}
			return
		}
		u, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
		if !ok {
			ch <- res{err: fmt.Errorf("unexpected first line from the upstream: %q", line)}
			return
		}
		ch <- res{url: u}
	}()
	select {
	case r := <-ch:
		return r.url, r.err
	case <-time.After(timeout):
		return "", fmt.Errorf("the upstream did not report its address within %s", timeout)
	}
}

// intList parses "1,32".
func intList(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := parseSize(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty list %q", s)
	}
	return out, nil
}

// parseSize parses 100, 10K, 100KB, 10KiB (K = 1024).
func parseSize(s string) (int, error) {
	u := strings.ToUpper(s)
	mult := 1
	for _, suf := range []string{"KIB", "KB", "K"} {
		if v, ok := strings.CutSuffix(u, suf); ok {
			u, mult = v, 1024
			break
		}
	}
	n, err := strconv.Atoi(u)
	if err != nil || n < 0 || n > fixture.MaxBytes/mult {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}
