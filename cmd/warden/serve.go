package main

import (
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
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/examples/demo"
	"github.com/warden-mcp/warden/internal/app"
	"github.com/warden-mcp/warden/internal/config"
)

func version() string { return app.Version }

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// loadConfig picks the configuration: a file, flags, or the built-in one.
func loadConfig(path, listen string, upstreams []string) (*config.Config, error) {
	var cfg *config.Config
	var err error
	switch {
	case path != "" && (listen != "" || len(upstreams) > 0):
		return nil, fmt.Errorf("--config cannot be combined with --listen or --upstream: %w", errUsage)
	case path != "":
		cfg, err = config.Load(path)
	case listen != "" || len(upstreams) > 0:
		cfg, err = config.FromFlags(listen, upstreams)
	default:
		cfg = config.Default()
	}
	if err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding warden's own executable: %w", err)
	}
	cfg.ResolveSelf(exe)
	return cfg, nil
}

func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(cfg.Log.Level))
	opts := &slog.HandlerOptions{Level: lvl}
	if cfg.Log.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func cmdServe(ctx context.Context, args []string, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "configuration file (YAML)")
	listen := fs.String("listen", "", "address to listen on, host:port")
	var ups multiFlag
	fs.Var(&ups, "upstream", "upstream server NAME=URL or NAME=stdio:'CMD ARGS' (repeatable)")
	pprofAddr := fs.String("pprof", "", "serve Go's /debug/pprof profiles on this loopback address (host:port), for performance work")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: warden serve [--config FILE | --listen ADDR --upstream NAME=URL|NAME=stdio:'CMD ARGS'...]

Runs the gateway. With no flags: the built-in configuration, Warden on
127.0.0.1:8080/mcp in front of its example server, every guard on. With
--upstream (ad hoc mode) every guard is on with the defaults of
docs/configuration.md; --config reads one YAML document (examples/warden.yaml).

flags:
`)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q: %w", fs.Args(), errUsage)
	}
	cfg, err := loadConfig(*cfgPath, *listen, ups)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	if *pprofAddr != "" {
		stop, err := servePprof(*pprofAddr, log)
		if err != nil {
			return err
		}
		defer stop()
	}
	a, err := app.New(ctx, cfg, app.Options{Logger: log, ConfigPath: *cfgPath})
	if err != nil {
		return err
	}
	go releaseStartupMemory(ctx, a, log)
	defer func() { err = closeApp(a, err, log, closeTimeout) }()
	// SIGHUP reloads the configuration file (guards and policies).
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				_, _ = a.Reload(ctx)
			}
		}
	}()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", cfg.Listen, err)
	}
	srv := &http.Server{
		Handler:           a.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	go func() { a.Run(runCtx); close(done) }()
	errc := make(chan error, 1)
	go func() {
		if cfg.HTTP.TLS.Enabled() {
			errc <- srv.ServeTLS(ln, cfg.HTTP.TLS.CertFile, cfg.HTTP.TLS.KeyFile)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	scheme := "http"
	if cfg.HTTP.TLS.Enabled() {
		scheme = "https"
	}
	names := make([]string, 0, len(cfg.Upstreams))
	for _, u := range cfg.Upstreams {
		names = append(names, u.Name)
	}
	log.Info("warden listening", "url", fmt.Sprintf("%s://%s%s", scheme, ln.Addr(), cfg.Path),
		"upstreams", strings.Join(names, ","), "data_dir", cfg.DataDir, "version", version())
	select {
	case <-ctx.Done():
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			cancel()
			<-done
			return fmt.Errorf("serving HTTP: %w", err)
		}
	}
	log.Info("shutting down")
	sctx, scancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer scancel()
	_ = srv.Shutdown(sctx)
	cancel()
	<-done
	return nil
}

func cmdWrap(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("wrap", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "configuration file (YAML); its upstreams are replaced by the wrapped command")
	name := fs.String("name", "", "the upstream's name in pins, audit and approvals (default: from CMD, e.g. server-filesystem)")
	dataDir := fs.String("data-dir", "", "Warden's data directory (default: the config's data_dir, ./warden-data without --config)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: warden wrap [--config FILE] [--name NAME] [--data-dir DIR] -- CMD ARGS...

Speaks MCP over stdin/stdout to the client that launched it (a desktop app)
and runs CMD as its one upstream, a stdio child, with every guard between.
Each wrapped server should have its own name: pins are kept per name, so
two servers under one name would look like one server that changed.

flags:
`)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cmd := fs.Args()
	if len(cmd) == 0 {
		return fmt.Errorf("wrap needs a command after --: %w", errUsage)
	}
	var cfg *config.Config
	if *cfgPath != "" {
		cfg, err = config.Load(*cfgPath)
	} else {
		cfg = config.Default()
	}
	if err != nil {
		return err
	}
	up := wrappedUpstream(cfg, cmd, *cfgPath != "")
	if *name != "" {
		if !validName.MatchString(*name) {
			// Said here: the configuration would place the mistake at a
			// line of the built-in default or of the --config file.
			return fmt.Errorf("--name %q: expected 1-32 lowercase letters, digits and hyphens, starting with a letter or digit: %w", *name, errUsage)
		}
		up.Name = *name
	}
	cfg.Upstreams = []config.Upstream{up}
	if *dataDir != "" {
		cfg.DataDir = *dataDir
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	// stdout carries the protocol: logs go to stderr only.
	log := newLogger(cfg, stderr)
	log.Info("wrapping", "upstream", up.Name, "command", strings.Join(cmd, " "), "data_dir", cfg.DataDir)
	a, err := app.New(ctx, cfg, app.Options{Logger: log})
	if err != nil {
		return err
	}
	go releaseStartupMemory(ctx, a, log)
	defer func() { err = closeApp(a, err, log, closeTimeout) }()
	// A client that stops reading must not kill Warden unannounced: with
	// SIGPIPE taken, a write to a closed stdout fails (EPIPE) and Warden
	// ends the session, its child and the audit log in order.
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	defer signal.Stop(pipe)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { a.Run(runCtx); close(done) }()
	err = serveStdio(ctx, a.Gateway, stdin, stdout, int(cfg.Limits.MaxMessageBytes), stdinGrace, log)
	cancel()
	<-done
	return err
}

// closeTimeout bounds how long shutdown waits for the audit log to reach
// the store.
const closeTimeout = 10 * time.Second

// closeApp flushes the audit log and closes the store. Events that could
// not be written by then (a full disk) are lost to the log, so Warden
// says so and exits non-zero rather than report a clean shutdown.
func closeApp(a *app.App, err error, log *slog.Logger, timeout time.Duration) error {
	cctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cerr := a.Close(cctx)
	switch {
	case cerr == nil:
		return err
	case err == nil:
		return fmt.Errorf("shutting down: %w", cerr)
	}
	log.Error("shutting down", "err", cerr)
	return err
}

// stdinGrace is how long requests still in flight when the client closes
// stdin may take before they are cancelled. Closing stdin is how an MCP
// client shuts a stdio server down; Warden must then exit and end its
// child promptly, not keep both alive while a hung upstream or a call held
// for approval runs to its timeout (a minute, up to ten with progress).
const stdinGrace = 5 * time.Second

// stdioServer serves one client over stdin and stdout (the gateway).
type stdioServer interface {
	ServeStdio(ctx context.Context, r io.Reader, w io.Writer, maxMessage int) error
}

var (
	errStdinClosed  = errors.New("the client closed stdin")
	errClientStdout = errors.New("the client stopped reading stdout")
)

// serveStdio runs srv until the client closes stdin (requests in flight
// then have grace to finish), stdout fails, or ctx ends (a signal). A read
// of os.Stdin cannot be interrupted, so srv reads through a pipe that is
// closed when Warden must stop: otherwise SIGTERM would leave Warden
// waiting for a line that never comes.
func serveStdio(ctx context.Context, srv stdioServer, stdin io.Reader, stdout io.Writer, max int, grace time.Duration, log *slog.Logger) error {
	sctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, stdin)
		pw.CloseWithError(err) // nil: EOF
		t := time.NewTimer(grace)
		defer t.Stop()
		select {
		case <-t.C:
			cancel(errStdinClosed)
		case <-sctx.Done():
		}
	}()
	go func() {
		<-sctx.Done()
		pr.CloseWithError(context.Cause(sctx))
	}()
	out := &clientWriter{w: stdout, failed: func(err error) { cancel(fmt.Errorf("%w: %w", errClientStdout, err)) }}
	err := srv.ServeStdio(sctx, pr, out, max)
	cause := context.Cause(sctx)
	switch {
	case ctx.Err() != nil:
		log.Info("shutting down", "reason", context.Cause(ctx))
		return nil
	case errors.Is(cause, errClientStdout):
		return fmt.Errorf("serving the client: %w", cause)
	case errors.Is(cause, errStdinClosed):
		log.Warn("the client closed stdin; requests still in flight were cancelled", "grace", grace)
		return nil
	}
	return err
}

// clientWriter reports the first failed write to the client's stdout.
type clientWriter struct {
	w      io.Writer
	once   sync.Once
	failed func(error)
}

func (c *clientWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil {
		c.once.Do(func() { c.failed(err) })
	}
	return n, err
}

// wrappedUpstream is the upstream for `warden wrap -- CMD`. Its name comes
// from the command unless a config file gives its single upstream's.
func wrappedUpstream(cfg *config.Config, cmd []string, fromFile bool) config.Upstream {
	u := config.Upstream{
		Name:           wrappedName(cmd),
		Command:        cmd,
		Transport:      "stdio",
		Protocol:       "auto",
		EnvPassthrough: config.DefaultEnvPassthrough(),
		Timeout:        cfg.Limits.RequestTimeout,
		Restart:        config.Restart{InitialBackoff: config.Duration(500 * time.Millisecond), MaxBackoff: config.Duration(30 * time.Second)},
	}
	if fromFile && len(cfg.Upstreams) == 1 {
		// A config file's single upstream lends its settings (env, dir).
		prev := cfg.Upstreams[0]
		u.Name, u.Env, u.EnvPassthrough, u.Dir = prev.Name, prev.Env, prev.EnvPassthrough, prev.Dir
		if prev.Timeout > 0 {
			u.Timeout = prev.Timeout
		}
	}
	return u
}

// validName is the configuration's rule for upstream names.
var validName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)

// launchers run the program named by a later argument.
var launchers = map[string]bool{"npx": true, "npm": true, "pnpm": true, "pnpx": true, "yarn": true, "bunx": true,
	"bun": true, "deno": true, "node": true, "uvx": true, "uv": true, "pipx": true, "python": true, "python3": true,
	"docker": true, "podman": true, "go": true, "java": true, "dotnet": true, "exec": true, "dlx": true, "run": true,
	"tool": true, "x": true} // and subcommands: npm exec, pnpm dlx, uv run, uv tool run, bun x

// wrappedName derives an upstream name from a command: the package or
// program it runs, past launchers and flags ("npx -y
// @modelcontextprotocol/server-filesystem /tmp" is "server-filesystem"), as
// a valid upstream name. Pins are kept per name, so different servers
// must not share one.
func wrappedName(cmd []string) string {
	for _, a := range cmd {
		base := filepath.Base(a)
		if launchers[strings.ToLower(strings.TrimSuffix(base, ".exe"))] || strings.HasPrefix(a, "-") || strings.Contains(a, "=") {
			continue
		}
		for _, scheme := range []string{"npm:", "jsr:", "pypi:", "docker://"} {
			a = strings.TrimPrefix(a, scheme)
		}
		if at := strings.LastIndexByte(a, '@'); at > 0 && at > strings.LastIndexByte(a, '/') { // pkg@1.2.3
			a = a[:at]
		}
		if i := strings.LastIndexByte(a, ':'); i >= 0 && !strings.Contains(a[i:], "/") { // image:tag
			a = a[:i]
		}
		base = strings.ToLower(filepath.Base(a))
		for _, ext := range []string{".exe", ".js", ".mjs", ".cjs", ".ts", ".py", ".jar"} {
			base = strings.TrimSuffix(base, ext)
		}
		var b strings.Builder
		for _, r := range base {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				b.WriteRune(r)
			case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
				b.WriteByte('-')
			}
		}
		if n := strings.Trim(b.String(), "-"); n != "" {
			return strings.TrimRight(n[:min(len(n), 32)], "-")
		}
	}
	return "wrapped"
}

func cmdExampleServer(ctx context.Context) error {
	return demo.Server(version()).Run(ctx, &mcp.StdioTransport{})
}

// releaseStartupMemory waits for the detectors, built in the background
// while Warden starts, and hands back to the OS what building them left
// behind (model decoding, regexp compilation): several times the memory
// they keep, which the runtime would otherwise return only slowly.
func releaseStartupMemory(ctx context.Context, a *app.App, log *slog.Logger) {
	start := time.Now()
	if err := a.GuardsBuilt(ctx); err != nil {
		return // logged by the guard; messages it should inspect are refused
	}
	debug.FreeOSMemory()
	log.Info("guards built", "took", time.Since(start).Round(time.Millisecond))
}
