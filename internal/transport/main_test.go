package transport

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"go.uber.org/goleak"
)

// childEnv selects what the re-executed test binary does instead of
// running tests.
const childEnv = "WARDEN_TRANSPORT_TEST_CHILD"

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		os.Exit(runChild(mode))
	}
	goleak.VerifyTestMain(m)
}

// runChild is the body of a helper child process.
func runChild(mode string) int {
	out := bufio.NewWriter(os.Stdout)
	emit := func(v any) {
		b, _ := json.Marshal(v)
		out.Write(append(b, '\n'))
		out.Flush()
	}
	switch mode {
	case "mcp":
		srv := newTestServer()
		if err := srv.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
			fmt.Fprintln(os.Stderr, "server:", err)
			return 1
		}
		return 0
	case "big":
		// An oversized line, a good message, a stderr line, then echo.
		n, _ := strconv.Atoi(os.Getenv("BIG_BYTES"))
		out.WriteString(`{"junk":"` + strings.Repeat("x", n) + `"}` + "\n")
		emit(map[string]any{"jsonrpc": "2.0", "method": "after/big"})
		fmt.Fprintln(os.Stderr, "hello from stderr")
		fmt.Fprintln(os.Stderr, strings.Repeat("e", 10000))
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			out.Write(append(sc.Bytes(), '\n'))
			out.Flush()
		}
		return 0
	case "crash":
		sc := bufio.NewScanner(os.Stdin)
		sc.Scan()
		fmt.Fprintln(os.Stderr, "dying on purpose")
		fmt.Fprintln(os.Stderr, "Error: invalid API key sk_live_4eC39HqLyjWDarjtT1zdp7dc, see /etc/app-2024/settings.toml")
		return 3
	case "env":
		emit(map[string]any{"env": os.Environ()})
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
		}
		return 0
	case "stubborn":
		// Ignores stdin EOF and SIGTERM, and leaves a grandchild that does
		// the same: only a group SIGKILL ends them.
		signal.Ignore(syscall.SIGTERM)
		gc := exec.Command(os.Args[0])
		gc.Env = []string{childEnv + "=sleep"}
		if err := gc.Start(); err != nil {
			return 1
		}
		emit(map[string]int{"child": os.Getpid(), "grandchild": gc.Process.Pid})
		time.Sleep(60 * time.Second)
		return 0
	case "sleep":
		signal.Ignore(syscall.SIGTERM)
		time.Sleep(60 * time.Second)
		return 0
	case "echo":
		sc := bufio.NewScanner(os.Stdin)
		sc.Buffer(nil, 8<<20)
		for sc.Scan() {
			out.Write(append(sc.Bytes(), '\n'))
			out.Flush()
		}
		return 0
	case "orphan":
		// Leaves a daemon in its own session (outside our process group)
		// that inherited stdout and stderr, then dies: stdout never reaches
		// EOF while the daemon lives.
		gc := exec.Command(os.Args[0])
		gc.Env = []string{childEnv + "=sleep"}
		gc.Stdout, gc.Stderr = os.Stdout, os.Stderr
		gc.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
		if err := gc.Start(); err != nil {
			return 1
		}
		emit(map[string]int{"grandchild": gc.Process.Pid})
		return 5
	case "closeout":
		// Closes stdout but keeps running until stdin ends.
		emit(map[string]any{"jsonrpc": "2.0", "method": "before/close"})
		os.Stdout.Close()
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
		}
		return 0
	case "flood":
		// Floods stderr, then behaves.
		n, _ := strconv.Atoi(os.Getenv("FLOOD_LINES"))
		ew := bufio.NewWriter(os.Stderr)
		for i := range n {
			fmt.Fprintf(ew, "noise line %d\n", i)
		}
		ew.Flush()
		emit(map[string]any{"jsonrpc": "2.0", "method": "after/flood"})
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
		}
		return 0
	}
	fmt.Fprintln(os.Stderr, "unknown child mode", mode)
	return 2
}

// newTestServer builds the go-sdk server the tests talk to: echo, and ask
// (which elicits from the client in the middle of the call).
func newTestServer() *mcp.Server {
	srv := mcp.NewServer(&mcp.Implementation{Name: "fixture", Version: "1.0.0"}, nil)
	schema := json.RawMessage(`{"type":"object","properties":{"text":{"type":"string"}}}`)
	srv.AddTool(&mcp.Tool{Name: "echo", InputSchema: schema}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		var args struct {
			Text string `json:"text"`
		}
		_ = json.Unmarshal(req.Params.Arguments, &args)
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "echo:" + args.Text}}}, nil
	})
	srv.AddTool(&mcp.Tool{Name: "ask", InputSchema: schema}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, err := req.Session.Elicit(ctx, &mcp.ElicitParams{
			Message:         "proceed?",
			RequestedSchema: json.RawMessage(`{"type":"object","properties":{"ok":{"type":"boolean"}}}`),
		})
		if err != nil {
			return nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: fmt.Sprintf("answer:%s:%v", res.Action, res.Content["ok"])}}}, nil
	})
	return srv
}

// Raw messages the tests write, as a client would.
const (
	msgInitialize  = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"elicitation":{}},"clientInfo":{"name":"warden-test","version":"0"}}}`
	msgInitialized = `{"jsonrpc":"2.0","method":"notifications/initialized"}`
	msgToolsList   = `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`
	msgCallEcho    = `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}`
	msgCallAsk     = `{"jsonrpc":"2.0","id":"ask-1","method":"tools/call","params":{"name":"ask","arguments":{}}}`
)

// readUntil reads until the response to id arrives, returning it and every
// message seen before it. It fails the test after a generous bound.
func readUntil(t *testing.T, c Conn, id string) (resp Incoming, before []Incoming) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for range 100 {
		in, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("reading response to %s: %v", id, err)
		}
		if rid, ok := responseID(in.Msg); ok && idKey(rid) == id {
			return in, before
		}
		before = append(before, in)
	}
	t.Fatalf("no response to %s in 100 messages", id)
	return
}

func write(t *testing.T, c Conn, msg string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Write(ctx, []byte(msg)); err != nil {
		t.Fatalf("writing %s: %v", msg, err)
	}
}

// mustContain fails unless msg contains every fragment.
func mustContain(t *testing.T, msg []byte, frags ...string) {
	t.Helper()
	for _, f := range frags {
		if !strings.Contains(string(msg), f) {
			t.Fatalf("message %s lacks %q", msg, f)
		}
	}
}

// legacyHandshakeAndCalls drives a legacy session: initialize,
// initialized, tools/list, tools/call (echo) and tools/call (ask, with an
// elicitation answered in the middle).
func legacyHandshakeAndCalls(t *testing.T, c Conn, wantRelated bool) {
	t.Helper()
	write(t, c, msgInitialize)
	in, _ := readUntil(t, c, "1")
	mustContain(t, in.Msg, `"protocolVersion":"2025-11-25"`, `"fixture"`)
	write(t, c, msgInitialized)
	write(t, c, msgToolsList)
	in, _ = readUntil(t, c, "2")
	mustContain(t, in.Msg, `"echo"`, `"ask"`)
	write(t, c, msgCallEcho)
	in, _ = readUntil(t, c, "3")
	mustContain(t, in.Msg, `echo:hi`)

	write(t, c, msgCallAsk)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := c.Read(ctx)
	if err != nil {
		t.Fatalf("reading elicitation: %v", err)
	}
	mustContain(t, req.Msg, `"method":"elicitation/create"`, `proceed?`)
	if wantRelated && string(req.Related) != `"ask-1"` {
		t.Fatalf("elicitation Related = %s, want \"ask-1\"", req.Related)
	}
	var r struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(req.Msg, &r); err != nil || r.ID == nil {
		t.Fatalf("elicitation has no id: %s", req.Msg)
	}
	write(t, c, `{"jsonrpc":"2.0","id":`+string(r.ID)+`,"result":{"action":"accept","content":{"ok":true}}}`)
	in, _ = readUntil(t, c, `"ask-1"`)
	mustContain(t, in.Msg, `answer:accept:true`)
	if wantRelated && string(in.Related) != `"ask-1"` {
		t.Fatalf("response Related = %s", in.Related)
	}
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
