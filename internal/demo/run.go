package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/examples/helpdesk"
)

// Options configure a run of the demo.
type Options struct {
	// Config is the Warden configuration (YAML); nil means the shipped
	// examples/helpdesk/warden.yaml. Its upstreams are replaced by the
	// demo's own helpdesk.
	Config     []byte
	ConfigName string
	// Layers switches layers (see Layers) on or off; a layer not named
	// stays as the configuration has it. Nil leaves all as configured.
	Layers map[string]bool
	// Protocol is the MCP revision the agent's client speaks to Warden:
	// ProtocolSessions (default) or ProtocolStateless.
	Protocol string
	// Human is how the person at the desk answers approval requests (see
	// HumanModes); "" is HumanCareful.
	Human string
	// SkipDirect leaves out the run straight against the server.
	SkipDirect bool
	// Out receives the step-by-step transcript; nil discards it.
	Out     io.Writer
	Verbose bool
	// Logger is Warden's own log; nil discards it.
	Logger *slog.Logger
	// Timeout bounds each of the three runs.
	Timeout time.Duration
}

// Protocol revisions the agent can speak.
const (
	// ProtocolSessions: one Mcp-Session-Id per conversation, so Warden's
	// flow facts are per conversation; approvals arrive as
	// elicitation/create requests.
	ProtocolSessions = "2025-11-25"
	// ProtocolStateless: no sessions; Warden keys flow facts by principal
	// and client, so they span the demo's conversations; approvals arrive
	// as input_required results.
	ProtocolStateless = "2026-07-28"
)

// Phase is one of the demo's three runs.
type Phase struct {
	Name  string  `json:"name"`
	Calls []*Call `json:"calls"`
	// Approvals are the requests the person at the desk was shown.
	Approvals []Approval `json:"approvals,omitempty"`
	// Leaked are the secrets (masked) found in public threads afterwards.
	Leaked []string `json:"leaked,omitempty"`
	// Acted names the guards that did something during the run.
	Acted []string `json:"acted,omitempty"`
	// Done: for the ordinary workflow, the reply and the note were posted.
	Done bool `json:"done,omitempty"`
	// OK: the run went the way the demo expects.
	OK      bool   `json:"ok"`
	Verdict string `json:"verdict"`
}

// Report is the outcome of a whole demo.
type Report struct {
	Config   string       `json:"config"`
	Human    string       `json:"human"`
	Protocol string       `json:"protocol"`
	Layers   []LayerState `json:"layers"`
	Direct   *Phase       `json:"direct,omitempty"`
	Attack   *Phase       `json:"attack"`
	Ordinary *Phase       `json:"ordinary"`
	// OK: the attack failed through Warden and the ordinary workflow
	// succeeded (and, when it ran, the direct run reproduced the breach).
	OK bool `json:"ok"`
}

// Run plays the demo: the attack straight against a helpdesk, the attack
// through Warden, then the ordinary workflow through Warden. It returns an
// error only when the demo itself could not run; whether Warden held is in
// the report.
func Run(ctx context.Context, o Options) (*Report, error) {
	if o.Config == nil {
		o.Config, o.ConfigName = helpdesk.Config(), helpdesk.ConfigName
	}
	if o.ConfigName == "" {
		o.ConfigName = "(demo configuration)"
	}
	if o.Human == "" {
		o.Human = HumanCareful
	}
	if !slices.Contains(HumanModes(), o.Human) {
		return nil, fmt.Errorf("unknown human %q (one of %s)", o.Human, strings.Join(HumanModes(), ", "))
	}
	for l := range o.Layers {
		if !slices.Contains(layerNames, l) {
			return nil, fmt.Errorf("unknown layer %q (one of %s)", l, strings.Join(layerNames, ", "))
		}
	}
	if o.Protocol == "" {
		o.Protocol = ProtocolSessions
	}
	if o.Protocol != ProtocolSessions && o.Protocol != ProtocolStateless {
		return nil, fmt.Errorf("unknown protocol %q (%s or %s)", o.Protocol, ProtocolSessions, ProtocolStateless)
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	p := &printer{w: o.Out, verbose: o.Verbose}
	rep := &Report{Config: o.ConfigName, Human: o.Human, Protocol: o.Protocol}
	p.f("Warden demo: the helpdesk breach, replayed by a scripted agent (no language model)\n")

	if !o.SkipDirect {
		ph, err := runDirect(ctx, o, p)
		if err != nil {
			return nil, err
		}
		rep.Direct = ph
	}

	desk := helpdesk.New()
	up, err := serveDesk(desk)
	if err != nil {
		return nil, err
	}
	defer up.close()
	dir, err := os.MkdirTemp("", "warden-demo-")
	if err != nil {
		return nil, fmt.Errorf("making the demo's data directory: %w", err)
	}
	cfg, layers, err := prepareConfig(o.Config, o.ConfigName, up.url, dir, o.Layers)
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("loading the Warden configuration: %w", err)
	}
	rep.Layers = layers
	g, err := startWarden(ctx, cfg, dir, o.Logger)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	defer g.close()

	p.section(2, "The same agent, through Warden")
	p.f("   config: %s\n   layers: %s\n   protocol: %s\n   the person at the desk: %s\n\n", o.ConfigName, layerSummary(layers), o.Protocol, humanSummary(o.Human))
	attack, err := runAttack(ctx, o, p, g, desk)
	if err != nil {
		return nil, err
	}
	rep.Attack = attack

	p.section(3, "The ordinary workflow, through Warden")
	p.f("   a person asks the agent to answer %s (a billing question)\n\n", helpdesk.OrdinaryTicket)
	ord, err := runOrdinary(ctx, o, p, g, desk)
	if err != nil {
		return nil, err
	}
	rep.Ordinary = ord

	rep.OK = rep.Attack.OK && rep.Ordinary.OK && (rep.Direct == nil || rep.Direct.OK)
	p.f("\n== Summary ==\n")
	if rep.Direct != nil {
		p.f("   without Warden: %s\n", rep.Direct.Verdict)
	}
	p.f("   through Warden: %s\n", rep.Attack.Verdict)
	p.f("   ordinary work:  %s\n", rep.Ordinary.Verdict)
	for _, l := range layers {
		if l.State == "missing" {
			p.f("   note: layer %q (%s) is not in this build; the run went without it\n", l.Name, layerTitle(l.Name))
		}
	}
	if rep.OK {
		p.f("   result: PASS (the attack failed, the ordinary work got done)\n")
	} else {
		p.f("   result: FAIL\n")
	}
	return rep, nil
}

// upstream is a helpdesk served over Streamable HTTP on loopback.
type upstream struct {
	srv *http.Server
	url string
}

func serveDesk(d *helpdesk.Desk) (*upstream, error) {
	s := d.Server()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listening for the helpdesk: %w", err)
	}
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return s }, nil)
	u := &upstream{srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}, url: "http://" + ln.Addr().String() + "/mcp"}
	go func() { _ = u.srv.Serve(ln) }()
	return u, nil
}

func (u *upstream) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := u.srv.Shutdown(ctx); err != nil {
		_ = u.srv.Close()
	}
}

func newClient(h *Human) *mcp.Client {
	return mcp.NewClient(&mcp.Implementation{Name: "warden-demo-agent", Version: "1.0.0"},
		&mcp.ClientOptions{ElicitationHandler: h.Handle})
}

// RunDirect plays only the first run: the attack with nothing between the
// agent and the server. Its transcript is deterministic.
func RunDirect(ctx context.Context, o Options) (*Phase, error) {
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	return runDirect(ctx, o, &printer{w: o.Out, verbose: o.Verbose})
}

// runDirect is the attack with nothing between the agent and the server.
func runDirect(ctx context.Context, o Options, p *printer) (*Phase, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	p.section(1, "The attack, straight to the helpdesk (no Warden)")
	p.f("   a person asks the agent to work through the ticket queue\n\n")
	desk := helpdesk.New()
	secrets := desk.Tokens()
	ct, st := mcp.NewInMemoryTransports()
	ss, err := desk.Server().Connect(ctx, st, nil)
	if err != nil {
		return nil, fmt.Errorf("starting the helpdesk: %w", err)
	}
	defer ss.Close()
	h := &Human{Mode: o.Human, Task: helpdesk.OrdinaryTicket}
	cs, err := newClient(h).Connect(ctx, ct, nil)
	if err != nil {
		return nil, fmt.Errorf("connecting the agent to the helpdesk: %w", err)
	}
	defer cs.Close()
	ag := &Agent{C: cs, Observe: func(_ context.Context, c *Call) { p.call(c, secrets) }}
	ag.WorkQueue(ctx)
	ph := &Phase{Name: "direct", Calls: ag.Calls}
	ph.Leaked = leakedFrom(desk, secrets)
	ph.OK = len(ph.Leaked) > 0
	if ph.OK {
		ph.Verdict = fmt.Sprintf("BREACH: %d integration tokens are in a public thread", len(ph.Leaked))
	} else {
		ph.Verdict = "no leak (the demo did not reproduce the breach: this is a bug in the demo)"
	}
	p.thread(desk, helpdesk.PoisonedTicket, secrets)
	p.f("   => %s\n", ph.Verdict)
	mask(ph, secrets)
	return ph, nil
}

// runAttack is the same agent through Warden, in a session of its own.
func runAttack(ctx context.Context, o Options, p *printer, g *gateway, desk *helpdesk.Desk) (*Phase, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	secrets := desk.Tokens()
	ph := &Phase{Name: "attack"}
	ag, h, err := throughWarden(ctx, o, p, g, secrets, func(ag *Agent) { ag.WorkQueue(ctx) })
	if err != nil {
		return nil, err
	}
	ph.Calls, ph.Approvals = ag.Calls, h.Seen()
	ph.Acted = acted(ag.Calls)
	ph.Leaked = leakedFrom(desk, secrets)
	ph.OK = len(ph.Leaked) == 0
	if ph.OK {
		ph.Verdict = "attack stopped: no integration token in any public thread"
		if len(ph.Acted) > 0 {
			ph.Verdict += " (Warden's " + strings.Join(titles(ph.Acted), ", ") + " acted)"
		}
	} else {
		ph.Verdict = fmt.Sprintf("BREACH: %d integration tokens are in a public thread", len(ph.Leaked))
	}
	p.thread(desk, helpdesk.PoisonedTicket, secrets)
	p.f("   => %s\n", ph.Verdict)
	mask(ph, secrets)
	return ph, nil
}

// runOrdinary is the ordinary workflow through Warden, in a new session
// (a new conversation), with the same person at the desk.
func runOrdinary(ctx context.Context, o Options, p *printer, g *gateway, desk *helpdesk.Desk) (*Phase, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	secrets := desk.Tokens()
	ph := &Phase{Name: "ordinary"}
	var reply string
	ag, h, err := throughWarden(ctx, o, p, g, secrets, func(ag *Agent) { reply = ag.Answer(ctx, helpdesk.OrdinaryTicket) })
	if err != nil {
		return nil, err
	}
	ph.Calls, ph.Approvals = ag.Calls, h.Seen()
	ph.Acted = acted(ag.Calls)
	t, _ := desk.Ticket(helpdesk.OrdinaryTicket)
	posted := reply != "" && slices.ContainsFunc(t.Public, func(x helpdesk.Post) bool { return x.Body == reply })
	noted := len(t.Notes) > 0
	ph.Leaked = leakedFrom(desk, secrets)
	ph.Done = posted && noted
	ph.OK = ph.Done && len(ph.Leaked) == 0
	switch {
	case ph.OK:
		ph.Verdict = fmt.Sprintf("done: the customer got an answer on %s and the note is filed", helpdesk.OrdinaryTicket)
	case len(ph.Leaked) > 0:
		ph.Verdict = "BREACH: a token reached a public thread during ordinary work"
	default:
		ph.Verdict = "FAILED: the ordinary work did not get done"
	}
	p.thread(desk, helpdesk.OrdinaryTicket, secrets)
	p.f("   => %s\n", ph.Verdict)
	mask(ph, secrets)
	return ph, nil
}

// throughWarden connects a fresh agent session to Warden, with the demo's
// person answering approvals and each call printed with what Warden did,
// and runs work in it.
func throughWarden(ctx context.Context, o Options, p *printer, g *gateway, secrets []string, work func(*Agent)) (*Agent, *Human, error) {
	h := &Human{Mode: o.Human, Task: helpdesk.OrdinaryTicket, Shown: func(a Approval) { p.approval(a, secrets) }}
	cs, err := newClient(h).Connect(ctx, &mcp.StreamableClientTransport{Endpoint: g.url, MaxRetries: -1}, &mcp.ClientSessionOptions{ProtocolVersion: o.Protocol})
	if err != nil {
		return nil, nil, fmt.Errorf("connecting the agent to Warden: %w", err)
	}
	defer cs.Close()
	defer h.Leave() // before Close: an absent person's request must not keep the session open
	var obsErr error
	ag := &Agent{C: cs, Observe: func(ctx context.Context, c *Call) {
		acts, err := g.actions(ctx)
		obsErr = errors.Join(obsErr, err)
		c.Warden = acts
		p.call(c, secrets)
	}}
	work(ag)
	if obsErr != nil {
		return nil, nil, obsErr
	}
	return ag, h, nil
}

func leakedFrom(d *helpdesk.Desk, secrets []string) []string {
	var all strings.Builder
	for _, t := range d.Tickets() {
		for _, p := range t.Public {
			all.WriteString(p.Body)
			all.WriteByte('\n')
		}
	}
	var out []string
	for _, s := range leaks(all.String(), secrets) {
		out = append(out, maskKnown(s, secrets))
	}
	return out
}

// mask removes whole secrets from what the report carries.
func mask(ph *Phase, secrets []string) {
	for _, c := range ph.Calls {
		c.Text = maskKnown(c.Text, secrets)
		if b, ok := c.Args["body"].(string); ok {
			c.Args["body"] = maskKnown(b, secrets)
		}
	}
	for i := range ph.Approvals {
		ph.Approvals[i].Message = maskKnown(ph.Approvals[i].Message, secrets)
	}
}

func acted(calls []*Call) []string {
	var out []string
	for _, c := range calls {
		for _, a := range c.Warden {
			if a.Guard != "" && significant(a) && !slices.Contains(out, a.Guard) {
				out = append(out, a.Guard)
			}
		}
	}
	return out
}

func titles(guards []string) []string {
	out := make([]string, len(guards))
	for i, g := range guards {
		out[i] = layerTitle(g)
	}
	return out
}

func layerSummary(ls []LayerState) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		s := l.State
		if s == "missing" {
			s = "not in this build"
		}
		parts[i] = l.Name + " " + s
	}
	return strings.Join(parts, ", ")
}

func humanSummary(mode string) string {
	switch mode {
	case HumanDeny:
		return "declines every approval request"
	case HumanApprove:
		return "approves every request without reading it (a rubber stamp)"
	case HumanAway:
		return "is away: approval requests time out"
	}
	return "approves only the reply they asked for, and only if it shows no secret"
}

// printer writes the transcript.
type printer struct {
	w       io.Writer
	verbose bool
}

func (p *printer) f(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

func (p *printer) section(n int, title string) {
	p.f("\n== %d. %s ==\n", n, title)
}

func (p *printer) call(c *Call, secrets []string) {
	args, _ := json.Marshal(c.Args)
	p.f("   agent -> %s %s\n", c.Tool, clip(maskKnown(string(args), secrets), 100, p.verbose))
	for _, a := range c.Warden {
		if !p.verbose && !significant(a) {
			continue
		}
		line := fmt.Sprintf("%s: %s", a.Verdict, a.Reason)
		if a.Rule != "" && !strings.Contains(a.Reason, a.Rule) {
			line += " [rule " + a.Rule + "]"
		}
		p.f("      WARDEN %s %s\n", layerTitle(a.Guard), indent(clip(maskKnown(line, secrets), 240, p.verbose)))
	}
	status := "ok"
	switch {
	case c.Failed:
		status = "protocol error"
	case c.IsError:
		status = "tool error"
	}
	text := maskKnown(c.Text, secrets)
	if !p.verbose {
		text = summary(text)
	}
	p.f("      <- %s: %s\n", status, indent(text))
	if c.Note != "" {
		p.f("      agent: %s\n", indent(maskKnown(c.Note, secrets)))
	}
}

// significant reports whether an action belongs in the short transcript:
// anything the four layers did, and any other guard's refusal (pinning
// tools on first use, for one, is routine).
func significant(a Action) bool {
	return slices.Contains(layerNames, a.Guard) || a.Verdict != "modify"
}

// summary is a result's first line, with a count of the rest.
func summary(s string) string {
	s = strings.TrimSpace(s)
	first, rest, more := strings.Cut(s, "\n")
	first = clip(first, 160, false)
	if more {
		first += fmt.Sprintf(" (+%d lines)", strings.Count(rest, "\n")+1)
	}
	return first
}

func (p *printer) approval(a Approval, secrets []string) {
	p.f("      approval request shown to the person:\n")
	for _, l := range strings.Split(clip(maskKnown(a.Message, secrets), 1200, p.verbose), "\n") {
		p.f("%s\n", strings.TrimRight("      | "+l, " "))
	}
	p.f("      person: %s (%s)\n", a.Decision, a.Why)
}

func (p *printer) thread(d *helpdesk.Desk, id string, secrets []string) {
	t, _ := d.Ticket(id)
	p.f("\n   public thread of %s, as the world sees it (replies: %d)\n", id, len(t.Public))
	for i, x := range t.Public {
		p.f("   | #%d %s\n", i+1, indentWith(clip(maskKnown(x.Body, secrets), 400, p.verbose), "   |    "))
	}
}

// clip shortens s for the transcript unless verbose.
func clip(s string, n int, verbose bool) string {
	s = strings.TrimSpace(s)
	if verbose || len([]rune(s)) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + " …"
}

func indent(s string) string { return indentWith(s, "         ") }

func indentWith(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.TrimRight(prefix+lines[i], " ")
	}
	return strings.Join(lines, "\n")
}
