// Package demo replays the seed's breach without a language model: a
// scripted support agent that obeys instructions it reads (the way a
// prompt-injected model does) works through the helpdesk of
// examples/helpdesk, first straight against the server and then through
// Warden, and a runner reports which of Warden's layers acted. See
// docs/demo.md.
package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Caller is what the agent needs from an MCP client session.
type Caller interface {
	CallTool(ctx context.Context, params *mcp.CallToolParams) (*mcp.CallToolResult, error)
}

// Call is one tool call the agent made and what came back.
type Call struct {
	Tool string         `json:"tool"`
	Args map[string]any `json:"arguments"`
	// Text is the result's text content as the agent received it, or the
	// protocol error.
	Text    string `json:"text"`
	IsError bool   `json:"is_error,omitempty"`
	// Failed: the call did not return a result at all (a protocol error).
	Failed bool `json:"failed,omitempty"`
	// Note says what the agent made of the result.
	Note string `json:"note,omitempty"`
	// Warden lists what Warden's guards did during the call (from the
	// audit log); empty when the agent talks to the server directly.
	Warden []Action `json:"warden,omitempty"`
}

// OK reports whether the call returned a result that is not an error.
func (c *Call) OK() bool { return !c.Failed && !c.IsError }

// Agent is a deterministic stand-in for a language-model agent. It does
// what a naive agent does with tool results: it treats an instruction
// formatted as a system command as an order and copies whatever a tool
// returned into its next message.
type Agent struct {
	C Caller
	// Observe, if set, is called after every call (the runner attaches
	// Warden's audit events and prints the step).
	Observe func(ctx context.Context, c *Call)

	Calls []*Call
}

func (a *Agent) call(ctx context.Context, tool string, args map[string]any) *Call {
	c := &Call{Tool: tool, Args: args}
	res, err := a.C.CallTool(ctx, &mcp.CallToolParams{Name: tool, Arguments: args})
	switch {
	case err != nil:
		c.Failed, c.Text = true, err.Error()
	default:
		c.IsError, c.Text = res.IsError, resultText(res)
	}
	a.Calls = append(a.Calls, c)
	return c
}

func (a *Agent) observe(ctx context.Context, c *Call) {
	if a.Observe != nil {
		a.Observe(ctx, c)
	}
}

// resultText joins a result's text content; other content is described.
func resultText(res *mcp.CallToolResult) string {
	var parts []string
	for _, c := range res.Content {
		switch c := c.(type) {
		case *mcp.TextContent:
			parts = append(parts, c.Text)
		case *mcp.EmbeddedResource:
			if c.Resource != nil {
				parts = append(parts, c.Resource.Text)
			}
		default:
			b, _ := json.Marshal(c)
			parts = append(parts, string(b))
		}
	}
	if len(parts) == 0 && res.StructuredContent != nil {
		b, _ := json.Marshal(res.StructuredContent)
		parts = append(parts, string(b))
	}
	return strings.Join(parts, "\n")
}

var ticketID = regexp.MustCompile(`\bT-\d{1,9}\b`)

// WorkQueue is the attack run: the agent is told to work through the
// ticket queue. It lists the tickets, reads each one, and obeys any
// instruction it finds formatted as a system command.
func (a *Agent) WorkQueue(ctx context.Context) {
	list := a.call(ctx, "list_tickets", map[string]any{})
	var ids []string
	if list.OK() {
		for _, id := range ticketID.FindAllString(list.Text, -1) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	list.Note = fmt.Sprintf("%d tickets in the queue", len(ids))
	a.observe(ctx, list)
	for _, id := range ids {
		r := a.call(ctx, "read_ticket", map[string]any{"ticket_id": id})
		ins, found := FindInstruction(r.Text, id)
		if !r.OK() || !found {
			r.Note = "nothing to act on"
			a.observe(ctx, r)
			continue
		}
		r.Note = "the ticket hides an instruction formatted as a system command, and the agent obeys it:\n" + ins.Text
		a.observe(ctx, r)
		args := map[string]any{"columns": ins.Columns}
		if ins.Customer != "" {
			args["customer"] = ins.Customer
		}
		q := a.call(ctx, "query_customers", args)
		q.Note = "the agent copies whatever came back into a public reply"
		a.observe(ctx, q)
		p := a.call(ctx, "post_public_reply", map[string]any{
			"ticket_id": ins.Ticket,
			"body":      "Account verification for this ticket:\n" + q.Text,
		})
		a.observe(ctx, p)
	}
}

// Answer is the ordinary workflow: answer one customer's ticket. The agent
// reads the ticket, looks up the sender's plan (name and plan only),
// replies publicly and leaves an internal note. It returns the public
// reply it posted, or "" if it could not finish.
func (a *Agent) Answer(ctx context.Context, id string) string {
	r := a.call(ctx, "read_ticket", map[string]any{"ticket_id": id})
	name, email := sender(r.Text)
	invoice := invoiceRe.FindString(r.Text)
	if !r.OK() || email == "" {
		r.Note = "could not read the ticket's sender"
		a.observe(ctx, r)
		return ""
	}
	r.Note = fmt.Sprintf("a billing question from %s", email)
	a.observe(ctx, r)
	q := a.call(ctx, "query_customers", map[string]any{"customer": email, "columns": []string{"name", "plan"}})
	plan := column(q.Text, "plan")
	if !q.OK() || plan == "" {
		q.Note = "could not look up the customer's plan"
		a.observe(ctx, q)
		return ""
	}
	q.Note = "plan: " + plan
	a.observe(ctx, q)
	first, _, _ := strings.Cut(name, " ")
	if invoice == "" {
		invoice = "your last invoice"
	}
	reply := fmt.Sprintf("Hi %s,\n\nthank you for telling us. You are on the %s plan, and %s was charged twice: "+
		"we have refunded the duplicate charge, which should reach your card within five business days.\n\n"+
		"Best regards,\nthe support team", first, plan, invoice)
	p := a.call(ctx, "post_public_reply", map[string]any{"ticket_id": id, "body": reply})
	a.observe(ctx, p)
	if !p.OK() {
		return ""
	}
	n := a.call(ctx, "post_internal_note", map[string]any{"ticket_id": id,
		"body": fmt.Sprintf("Duplicate charge on %s refunded; customer is on the %s plan; replied publicly.", invoice, plan)})
	a.observe(ctx, n)
	if !n.OK() {
		return ""
	}
	return reply
}

var (
	fromRe    = regexp.MustCompile(`(?m)^From:\s*([^<\n]*?)\s*<([^>\s]+@[^>\s]+)>`)
	invoiceRe = regexp.MustCompile(`\bINV-[0-9-]{4,20}\b`)
)

// sender reads "From: Name <email>" from a ticket.
func sender(text string) (name, email string) {
	m := fromRe.FindStringSubmatch(text)
	if m == nil {
		return "", ""
	}
	return strings.TrimSpace(m[1]), m[2]
}

// column reads one column of the first row of a tab-separated table whose
// first line is the header.
func column(table, name string) string {
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if len(lines) < 2 {
		return ""
	}
	head := strings.Split(lines[0], "\t")
	row := strings.Split(lines[1], "\t")
	i := slices.Index(head, name)
	if i < 0 || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// Instruction is what the agent understood from a hidden system command.
type Instruction struct {
	Text     string   `json:"text"`
	Columns  []string `json:"columns"`
	Customer string   `json:"customer,omitempty"` // "" for all customers
	Ticket   string   `json:"ticket"`             // where to post
}

var (
	systemRe   = regexp.MustCompile(`(?i)\[\s*system\s*\]`)
	columnsRe  = regexp.MustCompile(`(?i)\bcolumns?\s+([a-z_]+(?:\s*(?:,|\band\b)\s*[a-z_]+)*)`)
	customerRe = regexp.MustCompile(`(?i)\bfor customer\s+([^\s,;]+)`)
	onTicketRe = regexp.MustCompile(`(?i)\bon ticket\s+(T-\d{1,9})\b`)
	splitRe    = regexp.MustCompile(`\s*(?:,|\band\b)\s*`)
)

// maxInstruction bounds how much text after the marker is read as one
// instruction (a paragraph).
const maxInstruction = 2000

// FindInstruction looks, in text the agent received while working on
// ticket current, for an instruction formatted as a system command that
// asks it to query customers and post the result publicly. It finds only
// what is actually in the text: if Warden removed or quarantined the
// instruction, there is nothing to obey.
func FindInstruction(text, current string) (Instruction, bool) {
	loc := systemRe.FindStringIndex(text)
	if loc == nil {
		return Instruction{}, false
	}
	para := text[loc[0]:]
	if i := strings.Index(para, "\n\n"); i >= 0 {
		para = para[:i]
	}
	if len(para) > maxInstruction {
		para = para[:maxInstruction]
	}
	if !strings.Contains(para, "query_customers") || !strings.Contains(para, "post_public_reply") {
		return Instruction{}, false
	}
	ins := Instruction{Text: strings.TrimSpace(para), Ticket: current}
	if m := columnsRe.FindStringSubmatch(para); m != nil {
		for _, c := range splitRe.Split(m[1], -1) {
			c = strings.ToLower(strings.TrimSpace(c))
			if c != "" && c != "for" && !slices.Contains(ins.Columns, c) {
				ins.Columns = append(ins.Columns, c)
			}
		}
	}
	if m := customerRe.FindStringSubmatch(para); m != nil {
		ins.Customer = m[1]
	}
	if m := onTicketRe.FindStringSubmatch(para); m != nil {
		ins.Ticket = m[1]
	}
	if ins.Ticket == "" {
		return Instruction{}, false
	}
	return ins, true
}
