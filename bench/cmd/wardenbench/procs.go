package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/warden-mcp/warden/internal/app"
)

// child is a subprocess the benchmark started.
type child struct {
	name string
	cmd  *exec.Cmd
	log  *os.File // its stderr
	// stdin is held open while the child should run; a pipe's write end
	// left to the garbage collector would close and end the child early.
	stdin io.Closer
	done  chan struct{}
	err   error
}

func startChild(name string, cmd *exec.Cmd, logPath string) (*child, error) {
	f, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("creating the log of %s: %w", name, err)
	}
	cmd.Stderr = f
	// The children die with the benchmark, even if it is killed.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	c := &child{name: name, cmd: cmd, log: f, done: make(chan struct{})}
	go func() { c.err = cmd.Wait(); close(c.done) }()
	return c, nil
}

func (c *child) pid() int { return c.cmd.Process.Pid }

// exited reports the child's exit, if it has exited.
func (c *child) exited() error {
	select {
	case <-c.done:
		return fmt.Errorf("%s exited: %v; its log ends:\n%s", c.name, c.err, tail(c.log.Name(), 2000))
	default:
		return nil
	}
}

// stop asks the child to end (SIGTERM), then kills it after grace.
func (c *child) stop(grace time.Duration) {
	defer c.log.Close()
	if c.stdin != nil {
		c.stdin.Close()
	}
	select {
	case <-c.done:
		return
	default:
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(grace):
		_ = c.cmd.Process.Kill()
		<-c.done
	}
}

func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "(no log: " + err.Error() + ")"
	}
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(bytes.TrimSpace(b))
}

// startUpstream re-executes this program as the upstream fixture.
func startUpstream(dir string) (*child, string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, "", fmt.Errorf("finding the benchmark's executable: %w", err)
	}
	cmd := exec.Command(exe, "upstream", "--listen", "127.0.0.1:0")
	stdin, err := cmd.StdinPipe() // closed when we exit: the child's cue to stop
	if err != nil {
		return nil, "", err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	c, err := startChild("upstream", cmd, filepath.Join(dir, "upstream.log"))
	if err != nil {
		return nil, "", err
	}
	c.stdin = stdin
	url, err := readListening(out, 15*time.Second)
	if err != nil {
		c.stop(time.Second)
		return nil, "", fmt.Errorf("%w; %s", err, tail(c.log.Name(), 2000))
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	return c, url, nil
}

// wardenConfig writes a Warden configuration. With guardsOff, every guard
// this build knows is disabled; otherwise every guard, including any added
// later, is on with its defaults, except that the rate limits are raised
// above the offered load: the benchmark measures what the guard costs, not
// how many calls it refuses.
func wardenConfig(path, listen, dataDir, upstreamURL string, guardsOff bool, maxSessions int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "version: 1\nlisten: %q\ndata_dir: %q\nlog:\n  level: warn\n", listen, dataDir)
	fmt.Fprintf(&b, "limits:\n  max_sessions: %d\n", maxSessions)
	fmt.Fprintf(&b, "upstreams:\n  - name: bench\n    url: %q\n", upstreamURL)
	if guardsOff {
		if names := app.KnownGuards(); len(names) > 0 {
			b.WriteString("guards:\n")
			for _, n := range names {
				fmt.Fprintf(&b, "  %s: false\n", n)
			}
		}
	} else if slices.Contains(app.KnownGuards(), "ratelimit") {
		b.WriteString("guards:\n  ratelimit:\n    per_principal: {rate: 1000000, burst: 1000000}\n" +
			"    per_tool: {rate: 1000000, burst: 1000000}\n    concurrent: 1000\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o600)
}

// freeAddr returns a loopback address nothing listens on right now.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("finding a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// warden is a running bin/warden serve.
type warden struct {
	*child
	url    string // MCP endpoint
	config string
	args   []string
	pprof  string // host:port of --pprof, when profiling
}

func startWarden(ctx context.Context, bin, dir, dataBase, name, upstreamURL string, guardsOff bool, maxSessions int, profile bool) (*warden, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	sub := filepath.Join(dir, name)
	if err := os.MkdirAll(sub, 0o700); err != nil {
		return nil, fmt.Errorf("creating %s: %w", sub, err)
	}
	cfg := filepath.Join(sub, "warden.yaml")
	if err := wardenConfig(cfg, addr, filepath.Join(dataBase, name), upstreamURL, guardsOff, maxSessions); err != nil {
		return nil, fmt.Errorf("writing the %s config: %w", name, err)
	}
	args := []string{"serve", "--config", cfg}
	var pprofAddr string
	if profile {
		if pprofAddr, err = freeAddr(); err != nil {
			return nil, err
		}
		args = append(args, "--pprof", pprofAddr)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = os.Environ()
	c, err := startChild("warden ("+name+")", cmd, filepath.Join(sub, "warden.log"))
	if err != nil {
		return nil, err
	}
	w := &warden{child: c, url: "http://" + addr + "/mcp", config: cfg, args: append([]string{bin}, args...), pprof: pprofAddr}
	if err := waitReady(ctx, "http://"+addr+"/readyz", c, 20*time.Second); err != nil {
		c.stop(2 * time.Second)
		return nil, err
	}
	return w, nil
}

// waitReady polls url until it answers 200, the child exits, or timeout.
func waitReady(ctx context.Context, url string, c *child, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	hc := &http.Client{Timeout: time.Second}
	var last string
	for {
		if err := c.exited(); err != nil {
			return err
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := hc.Do(req)
		if err == nil {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = fmt.Sprintf("status %d: %s", resp.StatusCode, bytes.TrimSpace(body))
		} else {
			last = err.Error()
		}
		select {
		case <-ctx.Done():
			return errors.Join(fmt.Errorf("%s not ready within %s (last: %s); its log ends:\n%s", c.name, timeout, last, tail(c.log.Name(), 2000)), ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
