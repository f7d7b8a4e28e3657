package gateway_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/transport"
)

// TestMain lets the test binary double as a stdio MCP server child.
func TestMain(m *testing.M) {
	if os.Getenv("WARDEN_TEST_STDIO_SERVER") == "1" {
		switch os.Getenv("WARDEN_TEST_STDIO_START") {
		case "die": // a server that cannot start (a missing module, a missing key)
			fmt.Fprintln(os.Stderr, "fatal: SERVICE_URL is not set")
			os.Exit(2)
		case "slow": // a first start that downloads a package
			time.Sleep(3500 * time.Millisecond)
		}
		s := fixture("child", func(s *sdk.Server) {
			sdk.AddTool(s, &sdk.Tool{Name: "crash"}, func(context.Context, *sdk.CallToolRequest, struct{}) (*sdk.CallToolResult, any, error) {
				os.Exit(3)
				return nil, nil, nil
			})
			sdk.AddTool(s, &sdk.Tool{Name: "hang"}, func(ctx context.Context, _ *sdk.CallToolRequest, _ struct{}) (*sdk.CallToolResult, any, error) {
				<-ctx.Done() // until Warden gives up and cancels
				return nil, nil, ctx.Err()
			})
			sdk.AddTool(s, &sdk.Tool{Name: "huge"}, func(context.Context, *sdk.CallToolRequest, struct{}) (*sdk.CallToolResult, any, error) {
				return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: strings.Repeat("z", 64<<10)}}}, nil, nil
			})
		})
		_ = s.Run(context.Background(), &sdk.StdioTransport{})
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func childDialer(t *testing.T) transport.Dialer {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return &transport.StdioDialer{Command: exe, Env: []string{"WARDEN_TEST_STDIO_SERVER=1"}}
}

func TestStdioUpstreamCrashAndRestart(t *testing.T) {
	url, _, _ := startGateway(t, nil, gwOpts{dialers: map[string]transport.Dialer{"child": childDialer(t)}})
	cs := connect(t, url, "2025-11-25", nil)
	ctx := context.Background()
	res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "crash"})
	if err == nil && !res.IsError {
		t.Fatal("a call whose server died succeeded")
	}
	if err != nil && !strings.Contains(err.Error(), "upstream") {
		t.Errorf("error does not say the upstream failed: %v", err)
	}
	// The child is restarted with backoff and the session keeps working.
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "back"}})
		if err == nil && textOf(t, res) == "child:back" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("upstream never came back: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// An upstream response over the message limit is dropped, and the call it
// answered ends at once with that reason (not after its timeout), with an
// audit record; the connection goes on serving.
func TestOversizedResponseFailsTheCall(t *testing.T) {
	d := childDialer(t).(*transport.StdioDialer)
	d.MaxMessageBytes = 16 << 10
	url, _, aud := startGateway(t, nil, gwOpts{dialers: map[string]transport.Dialer{"child": d}, timeout: time.Minute})
	cs := connect(t, url, "2025-11-25", nil)
	ctx := context.Background()
	_, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "huge"})
	if err == nil || !strings.Contains(err.Error(), "larger than limits.max_message_bytes") {
		t.Fatalf("oversized response: err %v, want the size limit named", err)
	}
	evs := aud.Find(func(e gateway.Event) bool { return e.Kind == "upstream" && e.Tool == "huge" })
	if len(evs) != 1 || evs[0].Verdict != "error" || evs[0].Details["error"] != "too_large" {
		t.Fatalf("audit events %+v, want one upstream error (too_large)", evs)
	}
	res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"text": "still"}})
	if err != nil || textOf(t, res) != "child:still" {
		t.Fatalf("after the oversized response: %v %v", res, err)
	}
}

// A call its server never answers times out with an audit record, not
// only an error to the client.
func TestTimedOutCallIsAudited(t *testing.T) {
	// The timeout also bounds the session's initialize through this
	// upstream: long enough for a busy machine, short enough for a test.
	url, _, aud := startGateway(t, nil, gwOpts{dialers: map[string]transport.Dialer{"child": childDialer(t)}, timeout: 3 * time.Second})
	cs := connect(t, url, "2025-11-25", nil)
	if _, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "hang"}); err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("hung call: %v, want a timeout", err)
	}
	evs := aud.Find(func(e gateway.Event) bool { return e.Kind == "upstream" && e.Tool == "hang" })
	if len(evs) != 1 || evs[0].Details["error"] != "timeout" {
		t.Fatalf("audit events %+v, want one upstream timeout", evs)
	}
}

func TestDeadUpstreamAnswersWithAnError(t *testing.T) {
	dead := &transport.StreamableDialer{URL: "http://127.0.0.1:1/mcp"}
	url, _, _ := startGateway(t, nil, gwOpts{dialers: map[string]transport.Dialer{"dead": dead}, noWait: true, timeout: 300 * time.Millisecond})
	status, _, body := post(t, url, initBody, nil)
	if status != 200 {
		t.Fatalf("initialize with a dead upstream: %d %s", status, body)
	}
	status, _, body = post(t, url, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"x",`+modernMeta()+`}}`, modernHeaders("tools/call", "x"))
	if status != 200 || !strings.Contains(body, "not available") {
		t.Fatalf("call to a dead upstream: %d %s", status, body)
	}
}

// A wrapped command that is not there answers at once, with that error,
// instead of each request waiting out the reconnect bound: WaitReady with
// no deadline returns.
func TestUpstreamThatCannotStartFailsFast(t *testing.T) {
	u := gateway.NewUpstream(gateway.UpstreamOptions{Name: "gone", Dialer: &transport.StdioDialer{Command: "/nonexistent/warden-test-server"}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go u.Run(ctx)
	done := make(chan error, 1)
	go func() { done <- u.WaitReady(context.Background()) }()
	select {
	case err := <-done:
		if !errors.Is(err, transport.ErrCannotStart) || !strings.Contains(err.Error(), "not available") {
			t.Fatalf("WaitReady: %v", err)
		}
	case <-time.After(time.Minute): // a hang guard, not a timing
		t.Fatal("WaitReady kept waiting for a command that cannot start")
	}
}

// A single upstream that exits at every start fails initialize after a few
// attempts, with its own last words, and the refusal is audited: a session
// without its only server would advertise nothing and stay empty.
func TestCrashingSingleUpstreamRefusesInitialize(t *testing.T) {
	d := childDialer(t).(*transport.StdioDialer)
	d.Env = append(d.Env, "WARDEN_TEST_STDIO_START=die")
	url, _, aud := startGateway(t, nil, gwOpts{dialers: map[string]transport.Dialer{"child": d}, noWait: true})
	done := make(chan string, 1)
	go func() { _, _, body := post(t, url, initBody, nil); done <- body }()
	var body string
	select {
	case body = <-done:
	case <-time.After(time.Minute): // a hang guard, not a timing
		t.Fatal("initialize kept waiting for an upstream that exits at start")
	}
	if !strings.Contains(body, `"error"`) || !strings.Contains(body, "not available") || !strings.Contains(body, "SERVICE_URL is not set") {
		t.Fatalf("initialize with a crashing upstream: %s", body)
	}
	evs := aud.Find(func(e gateway.Event) bool { return e.Kind == "upstream" && e.Details["error"] == "not_started" })
	if len(evs) != 1 || !strings.Contains(evs[0].Reason, "SERVICE_URL") {
		t.Fatalf("audit events %+v, want one not_started with the reason", evs)
	}
}

// A single upstream slower to start than the old 3 s wait still gives the
// session its capabilities: initialize waits for it.
func TestSlowSingleUpstreamIsWaitedFor(t *testing.T) {
	d := childDialer(t).(*transport.StdioDialer)
	d.Env = append(d.Env, "WARDEN_TEST_STDIO_START=slow")
	url, _, _ := startGateway(t, nil, gwOpts{dialers: map[string]transport.Dialer{"child": d}, noWait: true})
	_, _, body := post(t, url, initBody, nil)
	if !strings.Contains(body, `"tools"`) || strings.Contains(body, `"error"`) {
		t.Fatalf("initialize with a slow upstream: %s", body)
	}
}
