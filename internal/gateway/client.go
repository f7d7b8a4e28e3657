package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// guardClient is the guard.Client of one client request: it lets a guard
// that must ask the client's user (an approval) reach the client on the
// request's own stream, and keep it informed while it waits.
type guardClient struct {
	s      *Session
	send   Sender
	params json.RawMessage // read for the progress token only when needed

	mu   sync.Mutex
	step int
}

func newGuardClient(s *Session, send Sender, params json.RawMessage) *guardClient {
	return &guardClient{s: s, send: send, params: params}
}

func (c *guardClient) Can(capability string) bool { return c.s.hasCapability(capability) }

func (c *guardClient) Stateless() bool { return c.s.modern }

func (c *guardClient) Request(ctx context.Context, method string, params json.RawMessage) (json.RawMessage, error) {
	if c.s.modern {
		return nil, errors.New("a stateless client cannot receive requests; ask with an input_required result instead")
	}
	if capName := requestCapability(method); capName != "" && !c.s.hasCapability(capName) {
		return nil, errors.New("the client did not declare the " + capName + " capability")
	}
	resp, err := (&sessionPeer{s: c.s, send: c.send}).Request(ctx, method, params)
	if err != nil {
		return nil, err
	}
	if resp.Error != nil {
		return nil, resp.Error
	}
	return resp.Result, nil
}

func (c *guardClient) Progress(ctx context.Context, message string) {
	if c.send == nil {
		return
	}
	token, ok := mcp.MetaOf(c.params)["progressToken"]
	if !ok || len(token) == 0 {
		return // the client did not ask for progress
	}
	c.mu.Lock()
	c.step++
	step := c.step
	c.mu.Unlock()
	params, _ := json.Marshal(map[string]any{"progressToken": token, "progress": step, "message": message})
	_ = c.send(ctx, &mcp.Message{Method: mcp.NotifyProgress, Params: params})
}

// inputRequired answers a stateless client with a guard's Ask.
func (g *Gateway) inputRequired(s *Session, in *guard.Input) *mcp.Message {
	reqs := make(map[string]any, len(in.Requests))
	for k, r := range in.Requests {
		reqs[k] = map[string]any{"method": r.Method, "params": r.Params}
	}
	return mcp.NewResult(nil, map[string]any{
		"resultType":    mcp.ResultInputRequired,
		"inputRequests": reqs,
		"requestState":  in.State,
	})
}

// stripWardenState removes a guard's requestState and the client's
// answers to it: they were for Warden, and the upstream never asked.
func stripWardenState(p mcp.Object) {
	if strings.HasPrefix(p.String("requestState"), guard.StatePrefix) {
		delete(p, "requestState")
		delete(p, "inputResponses")
	}
}
