package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/warden-mcp/warden/internal/app"
	"github.com/warden-mcp/warden/internal/audit"
	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/store"
)

// Layers are Warden's four defenses against the seeded attack, by guard
// name: the injection detector, the flow rule (approval), the secret rule
// and the least-privilege policy.
var layerNames = []string{"injection", "flow", "secrets", "policy"}

// Layers returns the names of the layers --layers can switch.
func Layers() []string { return slices.Clone(layerNames) }

// ParseLayers reads a --layers value: "all" (or ""), a list of layers to
// keep on ("injection,policy"), or a list to turn off ("-flow,-secrets").
// Mixing the two forms is refused as ambiguous. Nil means "as configured".
func ParseLayers(s string) (map[string]bool, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "all" {
		return nil, nil
	}
	var on, off []string
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		name := strings.TrimPrefix(part, "-")
		if !slices.Contains(layerNames, name) {
			return nil, fmt.Errorf("--layers: unknown layer %q (layers: %s)", name, strings.Join(layerNames, ", "))
		}
		if strings.HasPrefix(part, "-") {
			off = append(off, name)
		} else {
			on = append(on, name)
		}
	}
	if len(on) > 0 && len(off) > 0 {
		return nil, errors.New("--layers: give the layers to keep (a,b) or the layers to turn off (-a,-b), not both")
	}
	sel := make(map[string]bool, len(layerNames))
	for _, l := range layerNames {
		sel[l] = len(on) > 0 && slices.Contains(on, l) || len(off) > 0 && !slices.Contains(off, l)
	}
	return sel, nil
}

// layerTitle says what a guard is in the demo's words.
func layerTitle(guard string) string {
	switch guard {
	case "injection":
		return "injection detector"
	case "flow":
		return "flow rule (human approval)"
	case "secrets":
		return "secret rule"
	case "policy":
		return "least-privilege policy"
	}
	return guard
}

// LayerState is whether a layer ran.
type LayerState struct {
	Name  string `json:"name"`
	State string `json:"state"` // on, off (switched off for this run), missing (not in this build)
}

// Action is one thing Warden did during a call, from its audit log.
type Action struct {
	Guard   string `json:"guard"`
	Kind    string `json:"kind"`
	Verdict string `json:"verdict"`
	Rule    string `json:"rule,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// prepareConfig turns the demo's Warden configuration into the one this
// run uses: the helpdesk upstream at url (in this process, so the demo can
// see the public threads as the world sees them), state in dataDir,
// layers switched as asked, and guards this build does not have left out
// (and reported) rather than refused.
func prepareConfig(doc []byte, name, url, dataDir string, layers map[string]bool) (*config.Config, []LayerState, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(doc, &root); err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("reading %s: not a YAML mapping", name)
	}
	top := root.Content[0]
	upName := "helpdesk"
	if ups := mapGet(top, "upstreams"); ups != nil && ups.Kind == yaml.SequenceNode && len(ups.Content) > 0 {
		if n := mapGet(ups.Content[0], "name"); n != nil && n.Value != "" {
			upName = n.Value
		}
	}
	mapSet(top, "upstreams", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{
		{Kind: yaml.MappingNode, Content: []*yaml.Node{str("name"), str(upName), str("url"), str(url)}},
	}})
	mapSet(top, "data_dir", str(dataDir))
	mapSet(top, "listen", str("127.0.0.1:0"))
	guards := mapGet(top, "guards")
	if guards == nil || guards.Kind != yaml.MappingNode {
		guards = &yaml.Node{Kind: yaml.MappingNode}
		mapSet(top, "guards", guards)
	}
	known := app.KnownGuards()
	var states []LayerState
	for _, l := range layerNames {
		st := "on"
		switch {
		case !slices.Contains(known, l):
			st = "missing"
		case isOff(layers, l):
			st = "off"
			mapSet(guards, l, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"})
		default:
			if g := mapGet(guards, l); g != nil && g.Kind == yaml.ScalarNode && g.Value == "false" {
				st = "off"
			}
		}
		states = append(states, LayerState{Name: l, State: st})
	}
	// A guard block for a guard this build lacks would be refused as a
	// typo; the demo runs without it and says so.
	for i := 0; i+1 < len(guards.Content); {
		if !slices.Contains(known, guards.Content[i].Value) {
			guards.Content = slices.Delete(guards.Content, i, i+2)
			continue
		}
		i += 2
	}
	out, err := yaml.Marshal(&root)
	if err != nil {
		return nil, nil, fmt.Errorf("rewriting %s: %w", name, err)
	}
	cfg, err := config.Parse(name, out)
	if err != nil {
		return nil, nil, err
	}
	return cfg, states, nil
}

// isOff reports whether layers switches l off; a layer it does not name
// stays as configured.
func isOff(layers map[string]bool, l string) bool {
	on, named := layers[l]
	return named && !on
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func mapGet(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func mapSet(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, str(key), v)
}

// gateway is one Warden built in this process and listening on loopback.
type gateway struct {
	app    *app.App
	url    string
	srv    *http.Server
	cancel context.CancelFunc
	done   chan struct{}
	dir    string
	next   int64 // the next audit record to read
}

func startWarden(ctx context.Context, cfg *config.Config, dir string, log *slog.Logger) (*gateway, error) {
	a, err := app.New(ctx, cfg, app.Options{Logger: log})
	if err != nil {
		return nil, fmt.Errorf("building Warden: %w", err)
	}
	g := &gateway{app: a, dir: dir, done: make(chan struct{})}
	head, err := a.Store.AuditHead(ctx)
	if err != nil {
		_ = a.Close(ctx)
		return nil, fmt.Errorf("reading the audit head: %w", err)
	}
	g.next = head.Seq + 1
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = a.Close(ctx)
		return nil, fmt.Errorf("listening on loopback: %w", err)
	}
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	g.cancel = cancel
	go func() { a.Run(runCtx); close(g.done) }()
	g.srv = &http.Server{Handler: a.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = g.srv.Serve(ln) }()
	g.url = "http://" + ln.Addr().String() + cfg.Path
	return g, nil
}

// actions returns what Warden's guards did since the last call: every
// audit event that is not a plain allow. Non-allow verdicts are committed
// before the client sees their effect, so they are there by now.
func (g *gateway) actions(ctx context.Context) ([]Action, error) {
	var out []Action
	err := g.app.Store.ScanAudit(ctx, g.next, func(r store.AuditRecord) error {
		g.next = r.Seq + 1
		var ev audit.Event
		if err := json.Unmarshal(r.Data, &ev); err != nil {
			return fmt.Errorf("decoding audit record %d: %w", r.Seq, err)
		}
		if ev.Kind != audit.KindDecision && ev.Kind != audit.KindApproval {
			return nil
		}
		if ev.Verdict == audit.VerdictAllow && ev.Kind != audit.KindApproval {
			return nil
		}
		rule, _ := ev.Details["rule"].(string)
		out = append(out, Action{Guard: ev.Guard, Kind: string(ev.Kind), Verdict: string(ev.Verdict), Rule: rule, Reason: ev.Reason})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the audit log: %w", err)
	}
	return out, nil
}

func (g *gateway) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = g.srv.Shutdown(ctx)
	g.cancel()
	<-g.done
	err := g.app.Close(ctx)
	if rerr := os.RemoveAll(g.dir); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
		err = errors.Join(err, rerr)
	}
	return err
}

// maskKnown replaces each known secret in s with a marker that keeps its
// first characters, so the demo's transcript never prints a whole token.
func maskKnown(s string, secrets []string) string {
	for _, t := range secrets {
		if t == "" || !strings.Contains(s, t) {
			continue
		}
		keep := min(8, len(t))
		s = strings.ReplaceAll(s, t, fmt.Sprintf("%s…[%d chars]", t[:keep], len(t)))
	}
	return s
}

// leaks returns the secrets that appear in text, whole or without their
// well-known prefix.
func leaks(text string, secrets []string) []string {
	var out []string
	for _, t := range secrets {
		body := t
		if i := strings.LastIndexByte(t, '_'); i >= 0 && len(t)-i > 16 {
			body = t[i+1:]
		}
		if strings.Contains(text, t) || strings.Contains(text, body) {
			out = append(out, t)
		}
	}
	return out
}
