package e2e

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// suite is what TestMain found out once: where the binary and the servers
// are, or why the servers cannot run. It is written before m.Run and only
// read afterwards.
type suite struct {
	warden     string // built warden binary
	node       string // node executable
	everything string // server-everything entry script
	filesystem string // server-filesystem entry script
	skip       string // non-empty: why the tests cannot run here
}

var env suite

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "warden-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: making temp dir:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	// A Warden that does not build is a failure, never a skip.
	env.warden = filepath.Join(tmp, "warden")
	build := exec.Command("go", "build", "-o", env.warden, "./cmd/warden")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building warden: %v\n%s", err, out)
		return 1
	}
	env.skip = findServers(root)
	return m.Run()
}

// repoRoot walks up from the test's directory to the module root.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("finding the working directory: %w", err)
	}
	for range 10 {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		dir = filepath.Dir(dir)
	}
	return "", errors.New("no go.mod above the test directory")
}

// findServers locates node and the pinned npm servers, installing them with
// scripts/e2e-setup.sh when absent. It returns why they cannot be used, or "".
func findServers(root string) string {
	node, err := exec.LookPath("node")
	if err != nil {
		return "node is not on PATH; install Node.js and run scripts/e2e-setup.sh"
	}
	env.node = node
	prefix := os.Getenv("WARDEN_E2E_NPM_DIR")
	if prefix == "" {
		prefix = filepath.Join(root, ".cache", "npm-servers")
	}
	mods := filepath.Join(prefix, "node_modules", "@modelcontextprotocol")
	env.everything = filepath.Join(mods, "server-everything", "dist", "index.js")
	env.filesystem = filepath.Join(mods, "server-filesystem", "dist", "index.js")
	present := func() bool {
		_, e1 := os.Stat(env.everything)
		_, e2 := os.Stat(env.filesystem)
		return e1 == nil && e2 == nil
	}
	if present() {
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	setup := exec.CommandContext(ctx, "bash", filepath.Join(root, "scripts", "e2e-setup.sh"))
	setup.Env = append(os.Environ(), "WARDEN_E2E_NPM_DIR="+prefix)
	out, err := setup.CombinedOutput()
	if err != nil || !present() {
		return fmt.Sprintf("the npm MCP servers could not be installed into %s (scripts/e2e-setup.sh: %v):\n%s",
			prefix, err, bytes.TrimSpace(out))
	}
	return ""
}

// need skips the test when the servers cannot run on this machine.
func need(t *testing.T) {
	t.Helper()
	if env.skip != "" {
		t.Skip(env.skip)
	}
}

// everythingCmd is the command line of server-everything over stdio.
func everythingCmd() []string { return []string{env.node, env.everything, "stdio"} }

// filesystemCmd is the command line of server-filesystem allowed into dir.
func filesystemCmd(dir string) []string { return []string{env.node, env.filesystem, dir} }

// lockedBuffer collects a process's log for failure messages.
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

// wardenProc is one `warden serve` running in its own directory.
type wardenProc struct {
	base    string // http://127.0.0.1:PORT
	url     string // the MCP endpoint
	dir     string // working directory; the data dir is dir/warden-data
	cmd     *exec.Cmd
	log     *lockedBuffer
	exited  chan struct{}
	waitErr error
	// minAudit is how many audit records the test expects at least, checked
	// after Warden stops.
	minAudit int
}

var listeningRE = regexp.MustCompile(`msg="warden listening" url=(\S+)`)

// upstreamFlag renders NAME=stdio:'CMD ARGS' for --upstream.
func upstreamFlag(name string, argv []string) string {
	return name + "=stdio:" + strings.Join(argv, " ")
}

// startWarden runs `warden serve` on a free loopback port in front of the
// given upstreams (NAME -> argv), waits until /readyz says every upstream is
// connected, and on cleanup stops it and checks its audit chain.
func startWarden(t *testing.T, upstreams map[string][]string) *wardenProc {
	t.Helper()
	w := startWardenNow(t, upstreams)
	return w
}

// startWardenNow is startWarden without the settling pause.
func startWardenNow(t *testing.T, upstreams map[string][]string) *wardenProc {
	t.Helper()
	w := &wardenProc{dir: t.TempDir(), log: &lockedBuffer{}, exited: make(chan struct{})}
	args := []string{"serve", "--listen", "127.0.0.1:0"}
	for name, argv := range upstreams {
		args = append(args, "--upstream", upstreamFlag(name, argv))
	}
	w.cmd = exec.Command(env.warden, args...)
	w.cmd.Dir = w.dir
	// Its own process group, so a hung Warden's children can be ended too.
	w.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stderr, err := w.cmd.StderrPipe()
	if err != nil {
		t.Fatalf("piping warden's stderr: %v", err)
	}
	w.cmd.Stdout = w.log
	if err := w.cmd.Start(); err != nil {
		t.Fatalf("starting warden: %v", err)
	}
	urlc := make(chan string, 1)
	scanned := make(chan struct{})
	go func() {
		defer close(scanned)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(w.log, line)
			if m := listeningRE.FindStringSubmatch(line); m != nil {
				select {
				case urlc <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(w.log, stderr)
	}()
	// Wait only after the pipe is drained, as os/exec requires.
	go func() { <-scanned; w.waitErr = w.cmd.Wait(); close(w.exited) }()
	t.Cleanup(func() { w.stop(t) })

	select {
	case w.url = <-urlc:
	case <-w.exited:
		t.Fatalf("warden exited before listening (%v):\n%s", w.waitErr, w.log)
	case <-time.After(30 * time.Second):
		t.Fatalf("warden did not log its address within 30s:\n%s", w.log)
	}
	w.base = strings.TrimSuffix(w.url, "/mcp")
	w.waitReady(t)
	return w
}

func (w *wardenProc) waitReady(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		resp, err := http.Get(w.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case <-w.exited:
			t.Fatalf("warden exited before ready (%v):\n%s", w.waitErr, w.log)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("warden not ready within 45s (last: %v):\n%s", err, w.log)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (w *wardenProc) dataDir() string { return filepath.Join(w.dir, "warden-data") }

// alive fails the test if Warden has exited.
func (w *wardenProc) alive(t *testing.T) {
	t.Helper()
	select {
	case <-w.exited:
		t.Fatalf("warden exited (%v):\n%s", w.waitErr, w.log)
	default:
	}
}

// stop ends Warden with SIGTERM (then its whole group with SIGKILL after a
// grace period), fails the test if it did not exit cleanly, and verifies the
// audit hash chain it left.
func (w *wardenProc) stop(t *testing.T) {
	t.Helper()
	select {
	case <-w.exited:
		t.Errorf("warden exited during the test (%v)", w.waitErr)
	default:
		_ = w.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-w.exited:
			if w.waitErr != nil {
				t.Errorf("warden exited with %v after SIGTERM", w.waitErr)
			}
		case <-time.After(15 * time.Second):
			_ = syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
			<-w.exited
			t.Errorf("warden did not exit within 15s of SIGTERM")
		}
	}
	if n := verifyAudit(t, w.dataDir()); n < w.minAudit {
		t.Errorf("audit chain holds %d records, want at least %d (one per tool call)", n, w.minAudit)
	}
	if t.Failed() {
		t.Logf("warden log:\n%s", w.log)
	}
}

var auditOKRE = regexp.MustCompile(`audit chain OK: (\d+) records`)

// verifyAudit runs `warden audit verify` on dataDir, fails the test unless
// the chain is intact, and returns how many records it holds.
func verifyAudit(t *testing.T, dataDir string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, env.warden, "audit", "verify", "--data-dir", dataDir).CombinedOutput()
	if err != nil {
		t.Errorf("warden audit verify --data-dir %s: %v\n%s", dataDir, err, out)
		return 0
	}
	m := auditOKRE.FindSubmatch(out)
	if m == nil {
		t.Errorf("warden audit verify said %q, want %q", out, "audit chain OK: N records")
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// Protocol versions the SDK client speaks to Warden: the legacy stateful
// protocol (initialize, Mcp-Session-Id, GET stream) and the stateless one.
const (
	legacyVersion = "2025-11-25"
	modernVersion = "2026-07-28"
	// legacySSE is not a version but the 2024-11-05 HTTP+SSE transport at
	// /sse and /message, spoken with the legacy version.
	legacySSE = "http+sse"
)

// eras are the ways a client can reach Warden over HTTP.
var eras = []string{legacyVersion, modernVersion, legacySSE}

// clientHandlers records what Warden relayed to the client.
type clientHandlers struct {
	mu       sync.Mutex
	sampling []*mcp.CreateMessageParams
	elicit   []*mcp.ElicitParams
	progress []*mcp.ProgressNotificationParams
	progCh   chan *mcp.ProgressNotificationParams
}

func newHandlers() *clientHandlers {
	return &clientHandlers{progCh: make(chan *mcp.ProgressNotificationParams, 100)}
}

// sampledText is what the test's "LLM" answers, so a tool result that
// contains it proves the round trip.
const sampledText = "sampled-by-the-e2e-client"

// elicitedName is what the test's "user" types into the elicitation form.
const elicitedName = "Ada Lovelace"

// options makes a client that advertises what Warden advertises to its
// upstreams (sampling, form and URL elicitation, roots), so servers that
// register tools by client capability list the same tools either way.
func (h *clientHandlers) options() *mcp.ClientOptions {
	return &mcp.ClientOptions{
		Capabilities: &mcp.ClientCapabilities{
			RootsV2:     &mcp.RootCapabilities{ListChanged: true},
			Sampling:    &mcp.SamplingCapabilities{},
			Elicitation: &mcp.ElicitationCapabilities{Form: &mcp.FormElicitationCapabilities{}, URL: &mcp.URLElicitationCapabilities{}},
		},
		CreateMessageHandler: func(_ context.Context, req *mcp.CreateMessageRequest) (*mcp.CreateMessageResult, error) {
			h.mu.Lock()
			h.sampling = append(h.sampling, req.Params)
			h.mu.Unlock()
			return &mcp.CreateMessageResult{
				Content:    &mcp.TextContent{Text: sampledText},
				Model:      "e2e-model",
				Role:       "assistant",
				StopReason: "endTurn",
			}, nil
		},
		ElicitationHandler: func(_ context.Context, req *mcp.ElicitRequest) (*mcp.ElicitResult, error) {
			h.mu.Lock()
			h.elicit = append(h.elicit, req.Params)
			h.mu.Unlock()
			return &mcp.ElicitResult{Action: "accept", Content: map[string]any{"name": elicitedName, "check": true}}, nil
		},
		ProgressNotificationHandler: func(_ context.Context, req *mcp.ProgressNotificationClientRequest) {
			h.mu.Lock()
			h.progress = append(h.progress, req.Params)
			h.mu.Unlock()
			select {
			case h.progCh <- req.Params:
			default:
			}
		},
	}
}

// connectHTTP opens an SDK session to Warden at url speaking version.
func connectHTTP(t *testing.T, url, version string, h *clientHandlers) *mcp.ClientSession {
	t.Helper()
	if h == nil {
		h = newHandlers()
	}
	return connectWith(t, url, version, h.options())
}

// connectWith is connectHTTP with the client's options as given.
func connectWith(t *testing.T, url, version string, opts *mcp.ClientOptions) *mcp.ClientSession {
	t.Helper()
	// The SSE transport keeps Connect's context for its stream, so it must
	// outlive Connect: bound only the connecting with a timer.
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	timer := time.AfterFunc(30*time.Second, cancel)
	defer timer.Stop()
	c := mcp.NewClient(&mcp.Implementation{Name: "warden-e2e", Version: "1"}, opts)
	var tr mcp.Transport = &mcp.StreamableClientTransport{Endpoint: url, MaxRetries: -1}
	if version == legacySSE {
		tr = &mcp.SSEClientTransport{Endpoint: strings.TrimSuffix(url, "/mcp") + "/sse"}
		version = legacyVersion
	}
	cs, err := c.Connect(ctx, tr, &mcp.ClientSessionOptions{ProtocolVersion: version})
	if err != nil {
		t.Fatalf("connecting to warden at %s with %s: %v", url, version, err)
	}
	t.Cleanup(func() { _ = cs.Close() })
	return cs
}

// connectCommand starts argv as a stdio MCP server and opens an SDK session
// to it; roots, if any, are offered to the server.
func connectCommand(t *testing.T, argv []string, dir string, h *clientHandlers, roots ...string) *mcp.ClientSession {
	t.Helper()
	if h == nil {
		h = newHandlers()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := mcp.NewClient(&mcp.Implementation{Name: "warden-e2e", Version: "1"}, h.options())
	for _, r := range roots {
		c.AddRoots(&mcp.Root{URI: "file://" + r, Name: filepath.Base(r)})
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("stderr of %v:\n%s", argv, stderr)
		}
	})
	cs, err := c.Connect(ctx, &mcp.CommandTransport{Command: cmd, TerminateDuration: 2 * time.Second}, nil)
	if err != nil {
		t.Fatalf("connecting to %v over stdio: %v", argv, err)
	}
	t.Cleanup(func() { _ = cs.Close() })
	return cs
}

// testCtx bounds one test's calls.
func testCtx(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
