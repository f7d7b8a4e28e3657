// Package demo is the small MCP server that `warden serve` runs behind
// itself when started with no configuration, so a newcomer sees Warden
// work at once. It is an ordinary server built with the official Go SDK.
package demo

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type echoIn struct {
	Text string `json:"text" jsonschema:"the text to echo back"`
}

type addIn struct {
	A float64 `json:"a" jsonschema:"first addend"`
	B float64 `json:"b" jsonschema:"second addend"`
}

type sumOut struct {
	Sum float64 `json:"sum"`
}

type noteIn struct {
	Title string `json:"title" jsonschema:"title of the note"`
	Body  string `json:"body" jsonschema:"text of the note"`
}

// Server builds the demo server.
func Server(version string) *mcp.Server {
	s := mcp.NewServer(&mcp.Implementation{Name: "warden-demo", Title: "Warden demo server", Version: version},
		&mcp.ServerOptions{Instructions: "A demo server: echo text, add numbers, read the time, keep notes."})
	mcp.AddTool(s, &mcp.Tool{
		Name: "echo", Title: "Echo", Description: "Returns the text it is given.",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: ptr(false)},
	}, func(ctx context.Context, req *mcp.CallToolRequest, in echoIn) (*mcp.CallToolResult, any, error) {
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: in.Text}}}, nil, nil
	})
	mcp.AddTool(s, &mcp.Tool{
		Name: "add", Title: "Add", Description: "Adds two numbers.",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: ptr(false)},
	}, func(ctx context.Context, req *mcp.CallToolRequest, in addIn) (*mcp.CallToolResult, sumOut, error) {
		return nil, sumOut{Sum: in.A + in.B}, nil
	})
	mcp.AddTool(s, &mcp.Tool{
		Name: "time", Title: "Current time", Description: "Returns the current time in UTC (RFC 3339).",
		Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: ptr(false)},
	}, func(ctx context.Context, req *mcp.CallToolRequest, _ struct{}) (*mcp.CallToolResult, any, error) {
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: time.Now().UTC().Format(time.RFC3339)}}}, nil, nil
	})
	notes := &noteBook{}
	mcp.AddTool(s, &mcp.Tool{
		Name: "save_note", Title: "Save note", Description: "Saves a note in memory for this server's lifetime.",
		Annotations: &mcp.ToolAnnotations{DestructiveHint: ptr(false), OpenWorldHint: ptr(false)},
	}, func(ctx context.Context, req *mcp.CallToolRequest, in noteIn) (*mcp.CallToolResult, any, error) {
		n := notes.add(in.Title, in.Body)
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: fmt.Sprintf("saved note %d", n)}}}, nil, nil
	})
	s.AddPrompt(&mcp.Prompt{
		Name: "summarise", Title: "Summarise", Description: "Asks the model to summarise a text.",
		Arguments: []*mcp.PromptArgument{{Name: "text", Description: "the text to summarise", Required: true}},
	}, func(ctx context.Context, req *mcp.GetPromptRequest) (*mcp.GetPromptResult, error) {
		return &mcp.GetPromptResult{Messages: []*mcp.PromptMessage{{
			Role: "user", Content: &mcp.TextContent{Text: "Summarise in three sentences:\n\n" + req.Params.Arguments["text"]},
		}}}, nil
	})
	s.AddResource(&mcp.Resource{
		URI: "demo://readme", Name: "readme", Title: "About this server", MIMEType: "text/plain",
		Description: "What the demo server offers.",
	}, func(ctx context.Context, req *mcp.ReadResourceRequest) (*mcp.ReadResourceResult, error) {
		return &mcp.ReadResourceResult{Contents: []*mcp.ResourceContents{{
			URI: req.Params.URI, MIMEType: "text/plain",
			Text: "The Warden demo server: tools echo, add, time and save_note; prompt summarise.",
		}}}, nil
	})
	return s
}

type noteBook struct {
	mu     sync.Mutex
	titles []string
}

func (n *noteBook) add(title, body string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.titles = append(n.titles, strings.TrimSpace(title))
	return len(n.titles)
}

func ptr[T any](v T) *T { return &v }
