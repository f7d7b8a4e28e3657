package gateway

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// A parked call's requestState is good for parkedTTL, to the moment: the
// sweep that forgets expired calls runs only every 30 s, and a late retry
// must not resume the call in between.
func TestParkedCallExpiresAtItsDeadline(t *testing.T) {
	u := NewUpstream(UpstreamOptions{Name: "s"})
	g, err := New(Options{Upstreams: []*Upstream{u}, Chain: guard.NewChain(time.Second)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		expires time.Duration
		resumed bool
	}{
		{"live", time.Minute, true},
		{"expired", -time.Second, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSession("", &guard.Principal{Subject: "alice"}, true)
			cancelled := false
			pc := &parkedCall{
				owner: "alice", u: u, method: mcp.MethodToolsCall, target: "t", args: argsKey(json.RawMessage(`{"x":1}`)),
				req: &guard.Exchange{}, start: time.Now(),
				peer:    &mrtrPeer{key: "k", asks: make(chan *inputAsk, 8)},
				results: make(chan callResult, 1),
				cancel:  func() { cancelled = true },
				expires: time.Now().Add(tc.expires),
			}
			pc.results <- callResult{resp: mcp.NewResult(nil, map[string]any{"content": []any{map[string]any{"type": "text", "text": "resumed"}}})}
			const tok = parkedPrefix + "token"
			g.mu.Lock()
			g.parked[tok] = pc
			g.mu.Unlock()
			p := mcp.Object{}
			p.Set("name", "t")
			p["arguments"] = json.RawMessage(`{"x":1}`)
			p.Set("requestState", tok)
			p["inputResponses"] = json.RawMessage(`{}`)
			m := &mcp.Message{ID: mcp.IntID(1), Method: mcp.MethodToolsCall, Params: p.Encode()}
			resp := g.resumeParked(context.Background(), s, m, tok, p, u, "t")
			got := resp.Error == nil && strings.Contains(string(resp.Result), "resumed")
			if got != tc.resumed {
				t.Fatalf("resumed=%v, want %v: %s %v", got, tc.resumed, resp.Result, resp.Error)
			}
			g.mu.Lock()
			_, still := g.parked[tok]
			g.mu.Unlock()
			if still {
				t.Error("the token is still parked")
			}
			if !tc.resumed && !cancelled {
				t.Error("the expired call's upstream request was not cancelled")
			}
		})
	}
}

// A principal can keep only so many calls waiting for its answers, and the
// gateway only so many in all: each holds an upstream call open for
// minutes.
func TestParkedCallsAreBounded(t *testing.T) {
	g := &Gateway{parked: map[string]*parkedCall{}}
	for i := range maxParkedPerOwner {
		g.parked[fmt.Sprint("a", i)] = &parkedCall{owner: "alice"}
	}
	if why := g.parkFull("alice"); !strings.Contains(why, "your calls") {
		t.Errorf("alice at the per-principal bound: %q", why)
	}
	if why := g.parkFull("bob"); why != "" {
		t.Errorf("bob refused because of alice: %q", why)
	}
	for i := range maxParked - maxParkedPerOwner {
		g.parked[fmt.Sprint("b", i)] = &parkedCall{owner: fmt.Sprint("u", i)}
	}
	if why := g.parkFull("carol"); !strings.Contains(why, "calls already wait") {
		t.Errorf("at the gateway's bound: %q", why)
	}
}

// Warden's requests to a client (an approval question) go out under ids
// nobody else can guess.
func TestAskIDsAreNotGuessable(t *testing.T) {
	s := &Session{pending: map[string]chan *mcp.Message{}}
	var ids []string
	for range 2 {
		ctx, cancel := context.WithCancel(context.Background())
		_, _ = s.ask(ctx, mcp.MethodElicit, json.RawMessage(`{}`), func(_ context.Context, m *mcp.Message) error {
			ids = append(ids, string(m.ID))
			cancel()
			return nil
		})
	}
	if len(ids) != 2 || !strings.HasPrefix(ids[0], `"warden-1-`) || len(ids[0]) < len(`"warden-1-"`)+16 || ids[0][10:] == ids[1][10:] {
		t.Fatalf("ids %q", ids)
	}
}
