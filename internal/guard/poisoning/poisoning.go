// Package poisoning is the guard that scans everything a server shows the
// model (tools, prompts, resources, templates and server instructions) for
// hidden instructions, and flags, sanitises, hides or blocks per server.
// It also detects shadowing: tool names that collide across servers, and
// descriptions that name another server's tools.
package poisoning

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/guard"
)

// Name is the guard's configuration key.
const Name = "poisoning"

// Action is what the guard may do about a poisoned item, from weakest to
// strongest; each includes the ones before it.
type Action string

const (
	// Flag records the finding in the audit log only.
	Flag Action = "flag"
	// Sanitise also strips hidden characters and comments from the item.
	Sanitise Action = "sanitise"
	// Hide also withholds items scoring at the hide threshold: they are not
	// listed and calls to them are refused.
	Hide Action = "hide"
	// Block also refuses the whole server (its lists and calls) when an item
	// scores at the block threshold.
	Block Action = "block"
)

func (a Action) rank() int {
	switch a {
	case Flag:
		return 1
	case Sanitise, "sanitize":
		return 2
	case Hide:
		return 3
	case Block:
		return 4
	}
	return 0
}

// Thresholds are the scores in [0,1] at which each action applies.
type Thresholds struct {
	Flag  float64 `yaml:"flag"`
	Hide  float64 `yaml:"hide"`
	Block float64 `yaml:"block"`
}

// ServerSettings override the defaults for one upstream.
type ServerSettings struct {
	Action     Action      `yaml:"action"`
	Thresholds *Thresholds `yaml:"thresholds"`
}

// Settings configure the guard (guards.poisoning in the configuration).
type Settings struct {
	// Action is the strongest action for servers not listed in Servers.
	Action     Action                    `yaml:"action"`
	Thresholds Thresholds                `yaml:"thresholds"`
	Servers    map[string]ServerSettings `yaml:"servers"`
	// Shadowing turns cross-server checks on (default true).
	Shadowing *bool `yaml:"shadowing"`
}

// DefaultSettings are what a careful team would choose: audit anything
// suspicious, strip what a person cannot see, withhold what scores as
// poisoned, and leave blocking whole servers to an explicit choice, since
// it takes every tool of the server away.
func DefaultSettings() Settings {
	return Settings{
		Action:     Hide,
		Thresholds: Thresholds{Flag: 0.3, Hide: detect.DefaultThreshold, Block: 0.9},
	}
}

// Validate checks actions and thresholds.
func (s Settings) Validate() error {
	check := func(where string, a Action, t Thresholds) error {
		if a != "" && a.rank() == 0 {
			return fmt.Errorf("%s: unknown action %q (want flag, sanitise, hide or block)", where, a)
		}
		for _, v := range []float64{t.Flag, t.Hide, t.Block} {
			if v < 0 || v > 1 || math.IsNaN(v) {
				return fmt.Errorf("%s: thresholds must be in [0,1]", where)
			}
		}
		if t.Flag > t.Hide || t.Hide > t.Block {
			return fmt.Errorf("%s: thresholds must satisfy flag <= hide <= block", where)
		}
		return nil
	}
	if err := check("poisoning", s.Action, s.Thresholds); err != nil {
		return err
	}
	for name, ss := range s.Servers {
		t := s.Thresholds
		if ss.Thresholds != nil {
			t = *ss.Thresholds
		}
		if err := check("poisoning.servers."+name, ss.Action, t); err != nil {
			return err
		}
	}
	return nil
}

// Guard implements guard.Guard, guard.Filter and guard.Warming.
type Guard struct {
	set    Settings
	det    *guard.Pending[*detect.Detector] // built by guard.WarmUp or on first use
	log    *slog.Logger
	shadow *Registry

	mu       sync.Mutex
	cache    map[[32]byte]scanned         // by kind and raw item bytes
	withheld map[string]map[string]string // server -> kind\x1fname -> reason
	blocked  map[string]string            // server -> reason
	flagged  map[[32]byte]bool            // audited once per item version

	maxWithheld int // per server; past it the server is blocked
}

// maxCache bounds the result cache; past it the cache starts over.
const maxCache = 8192

// New builds the guard. det may be nil for the built-in detector, which is
// then built later, by guard.WarmUp or on first use; reg may be nil for a
// registry of its own (pass one shared per gateway).
func New(s Settings, det *detect.Detector, reg *Registry, log *slog.Logger) (*Guard, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if s.Action == "" {
		s.Action = Hide
	}
	if reg == nil {
		reg = NewRegistry()
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pending := guard.Built(det)
	if det == nil {
		pending = guard.Later(func() (*detect.Detector, error) {
			det, err := detect.NewPoisoning(detect.Options{})
			if err != nil {
				log.Error("building the poisoning detector failed; the guard refuses lists and calls", "err", err)
				return nil, fmt.Errorf("building the poisoning detector: %w", err)
			}
			return det, nil
		})
	}
	return &Guard{
		set: s, det: pending, log: log, shadow: reg,
		cache:    map[[32]byte]scanned{},
		withheld: map[string]map[string]string{},
		blocked:  map[string]string{},
		flagged:  map[[32]byte]bool{},

		maxWithheld: 65536,
	}, nil
}

// Factory returns the constructor the application registers under Name.
func Factory(log *slog.Logger) func(config.GuardConfig) (guard.Guard, error) {
	return func(gc config.GuardConfig) (guard.Guard, error) {
		s := DefaultSettings()
		if err := gc.Decode(&s); err != nil {
			return nil, err
		}
		return New(s, nil, nil, log)
	}
}

// Name implements guard.Guard.
func (g *Guard) Name() string { return Name }

// Wants implements guard.Filter.
func (g *Guard) Wants(p guard.Phase, method string) bool {
	switch p {
	case guard.PhaseList:
		return true
	case guard.PhaseRequest:
		return guard.CallKind(method) != ""
	}
	return false
}

func (g *Guard) policy(server string) (Action, Thresholds) {
	a, t := g.set.Action, g.set.Thresholds
	if ss, ok := g.set.Servers[server]; ok {
		if ss.Action != "" {
			a = ss.Action
		}
		if ss.Thresholds != nil {
			t = *ss.Thresholds
		}
	}
	return a, t
}

// ItemReport is the audit evidence for one item.
type ItemReport struct {
	Kind        string           `json:"kind"`
	Name        string           `json:"name"`
	Score       float64          `json:"score"`
	Action      string           `json:"action"` // flagged, sanitised, hidden, blocked
	Findings    []detect.Finding `json:"findings,omitempty"`
	Removed     []detect.Hidden  `json:"removed,omitempty"`
	Explanation string           `json:"explanation"`
}

// Ready implements guard.Warming.
func (g *Guard) Ready(ctx context.Context) error {
	_, err := g.det.Wait(ctx)
	return err
}

// Warm implements guard.Warming.
func (g *Guard) Warm() { g.det.Run() }

// detector is the built detector; only called once Inspect has waited.
func (g *Guard) detector() *detect.Detector {
	det, _ := g.det.Wait(context.Background())
	return det
}

// Inspect implements guard.Guard.
func (g *Guard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	if err := g.Ready(ctx); err != nil {
		return guard.Verdict{}, err
	}
	switch ex.Phase {
	case guard.PhaseList:
		return g.inspectList(ctx, ex)
	case guard.PhaseRequest:
		return g.inspectCall(ex), nil
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

func (g *Guard) inspectCall(ex *guard.Exchange) guard.Verdict {
	kind := guard.CallKind(ex.Method)
	g.mu.Lock()
	blocked, isBlocked := g.blocked[ex.Server]
	why, isWithheld := g.withheld[ex.Server][kind+"\x1f"+ex.Name]
	g.mu.Unlock()
	if isBlocked {
		return guard.Verdict{Action: guard.Deny, Rule: "poisoning.blocked",
			Reason: fmt.Sprintf("server %s is blocked by the poisoning guard: %s", ex.Server, blocked)}
	}
	if isWithheld {
		return guard.Verdict{Action: guard.Deny, Rule: "poisoning.hidden",
			Reason: fmt.Sprintf("%s %q of server %s is withheld by the poisoning guard: %s", kind, ex.Name, ex.Server, why)}
	}
	// A call to a tool never listed through this guard: judge the
	// definition the gateway holds, if any.
	if kind == "tool" && len(ex.Tool) > 0 {
		res := g.scan("tool", ex.Tool)
		action, th := g.policy(ex.Server)
		if action.rank() >= Hide.rank() && res.Score >= th.Hide {
			return guard.Verdict{Action: guard.Deny, Rule: "poisoning.hidden",
				Reason:  fmt.Sprintf("tool %q of server %s looks poisoned (score %.2f)", ex.Name, ex.Server, res.Score),
				Details: map[string]any{"explanation": res.Explanation(), "findings": res.Findings}}
		}
	}
	return guard.Verdict{Action: guard.Allow}
}

func (g *Guard) inspectList(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	g.mu.Lock()
	blocked, isBlocked := g.blocked[ex.Server]
	g.mu.Unlock()
	if isBlocked {
		return guard.Verdict{Action: guard.Deny, Rule: "poisoning.blocked",
			Reason: fmt.Sprintf("server %s is blocked by the poisoning guard: %s", ex.Server, blocked)}, nil
	}
	action, th := g.policy(ex.Server)
	shadowOn := g.set.Shadowing == nil || *g.set.Shadowing
	if shadowOn && ex.Method == "tools/list" {
		names := make([]string, 0, len(ex.Items))
		for _, it := range ex.Items {
			if it.Kind == "tool" {
				names = append(names, it.Name)
			}
		}
		g.shadow.Add(ex.Server, names)
	}
	g.prescan(ctx, ex.Items)
	var reports []ItemReport
	var hidden, sanitised, flaggedNew int
	blockReason := ""
	withheld := map[string]string{}
	for i := range ex.Items {
		if err := ctx.Err(); err != nil {
			return guard.Verdict{}, err
		}
		it := &ex.Items[i]
		sc := g.scanItem(it.Kind, it.Raw)
		res := sc.res
		var extra []detect.Finding
		if shadowOn && it.Kind == "tool" {
			extra = g.shadow.Check(ex.Server, it.Name, sc.words)
		}
		score := combine(res.Score, extra)
		if score < th.Flag && !hasHidden(res) {
			continue
		}
		rep := ItemReport{Kind: it.Kind, Name: it.Name, Score: round(score), Action: "flagged",
			Findings: append(append([]detect.Finding(nil), res.Findings...), extra...)}
		rep.Explanation = explain(score, res, extra)
		residual := false // hidden content sanitising could not take out
		if action.rank() >= Sanitise.rank() && hasHidden(res) {
			residual = true
			raw, removed, err := sanitiseItem(it.Raw)
			if err == nil && len(removed) > 0 {
				it.Raw = raw
				rep.Removed = removed
				rep.Action = "sanitised"
				sanitised++
				// What is left is what the model will read: judge that.
				res2 := g.scan(it.Kind, raw)
				score = combine(res2.Score, extra)
				rep.Score = round(score)
				rep.Explanation += "\nafter sanitising: " + explain(score, res2, extra)
				residual = hasHidden(res2)
			}
		}
		switch {
		case residual && !(action == Block && score >= th.Block):
			// Sanitising leaves names, URIs and object keys alone (they
			// route calls): hidden characters there would reach the
			// model whatever the action promised, so the item is
			// withheld.
			it.Hidden = true
			rep.Action = "hidden"
			rep.Explanation += "\nhidden content remains where sanitising cannot remove it (a name, URI or key)"
			hidden++
			withheld[it.Kind+"\x1f"+it.Name] = fmt.Sprintf("scored %.2f; hidden content in a name, URI or key", score)
		case action == Block && score >= th.Block:
			rep.Action = "blocked"
			if blockReason == "" {
				blockReason = fmt.Sprintf("%s %q scored %.2f", it.Kind, it.Name, score)
			}
		case action.rank() >= Hide.rank() && score >= th.Hide:
			it.Hidden = true
			rep.Action = "hidden"
			hidden++
			withheld[it.Kind+"\x1f"+it.Name] = fmt.Sprintf("scored %.2f", score)
		case rep.Action == "flagged" && score < th.Flag:
			continue // hidden characters, but below the flag score and no sanitising
		}
		if rep.Action == "flagged" {
			if g.firstFlag(it.Kind, it.Raw, ex.Server) {
				flaggedNew++
			} else {
				continue
			}
		}
		reports = append(reports, rep)
	}
	if full := g.remember(ex.Server, ex.Items, withheld, blockReason); full != "" && blockReason == "" {
		blockReason = full
	}
	details := map[string]any{"items": reports}
	switch {
	case blockReason != "":
		return guard.Verdict{Action: guard.Deny, Rule: "poisoning.block", Details: details,
			Reason: fmt.Sprintf("server %s blocked: %s", ex.Server, blockReason)}, nil
	case hidden > 0 || sanitised > 0:
		return guard.Verdict{Action: guard.Modify, Rule: "poisoning." + string(action), Details: details,
			Reason: fmt.Sprintf("%d item(s) hidden, %d sanitised", hidden, sanitised)}, nil
	case flaggedNew > 0:
		// Modify is the chain's only audited non-refusal; nothing changed.
		details["changed"] = false
		return guard.Verdict{Action: guard.Modify, Rule: "poisoning.flag", Details: details,
			Reason: fmt.Sprintf("%d item(s) flagged", flaggedNew)}, nil
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

// remember records what this page withheld, so calls are refused too, and
// releases items the page lists clean (a fixed server). A block lasts for
// the life of the guard: a person restarts Warden after looking. It
// returns why it blocked the server when it could not remember an item.
func (g *Guard) remember(server string, items []guard.Item, withheld map[string]string, blockReason string) (full string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if blockReason != "" {
		g.blocked[server] = blockReason
	}
	m := g.withheld[server]
	if m == nil {
		m = map[string]string{}
		g.withheld[server] = m
	}
	for _, it := range items {
		k := it.Kind + "\x1f" + it.Name
		if why, ok := withheld[k]; ok {
			if _, known := m[k]; known || len(m) < g.maxWithheld {
				m[k] = why
			} else if g.blocked[server] == "" {
				// An item the guard cannot remember withholding would be
				// callable: refuse the server instead.
				full = fmt.Sprintf("more than %d items withheld", g.maxWithheld)
				g.blocked[server] = full
				g.log.Warn("poisoning guard blocks a server with too many withheld items", "server", server)
			}
		} else {
			delete(m, k)
		}
	}
	return full
}

func (g *Guard) firstFlag(kind string, raw json.RawMessage, server string) bool {
	k := itemKey(server+"\x1f"+kind, raw)
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.flagged[k] {
		return false
	}
	if len(g.flagged) >= maxCache {
		clear(g.flagged)
	}
	g.flagged[k] = true
	return true
}

func itemKey(kind string, raw []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write(raw)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// scanned is a cached scan of one item version.
type scanned struct {
	res   detect.Result
	words []mention
}

// minPrescan is the number of items per core below which a list is
// scanned on the request's goroutine alone.
const minPrescan = 8

// prescan fills the cache for a list's items on all cores. A server's
// first listing is the one time the guard scans many items at once, and
// the client waits for it: 100 tools take a few milliseconds of CPU.
// inspectList then reads every result from the cache, in order, so the
// verdict is the same as a sequential scan's.
func (g *Guard) prescan(ctx context.Context, items []guard.Item) {
	workers := min(runtime.GOMAXPROCS(0), len(items)/minPrescan)
	if workers < 2 {
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			// A panic here would take the process down; stop instead, and
			// the sequential pass meets the same item on the request's
			// goroutine, where the gateway recovers and fails closed.
			defer func() { _ = recover() }()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(items) {
					return
				}
				g.scanItem(items[i].Kind, items[i].Raw)
			}
		})
	}
	wg.Wait()
}

// scan scores an item, from the cache when the same bytes were seen.
func (g *Guard) scan(kind string, raw json.RawMessage) detect.Result {
	return g.scanItem(kind, raw).res
}

func (g *Guard) scanItem(kind string, raw json.RawMessage) scanned {
	k := itemKey(kind, raw)
	g.mu.Lock()
	sc, ok := g.cache[k]
	g.mu.Unlock()
	if ok {
		return sc
	}
	sc = g.scanUncached(kind, raw)
	g.mu.Lock()
	if len(g.cache) >= maxCache {
		clear(g.cache)
	}
	g.cache[k] = sc
	g.mu.Unlock()
	return sc
}

func (g *Guard) scanUncached(kind string, raw json.RawMessage) scanned {
	switch kind {
	case "tool":
		t, err := detect.ToolFromJSON(raw)
		if err != nil {
			return scanned{res: unreadable(err)}
		}
		extra, err := toolExtras(raw, t)
		if err != nil {
			return scanned{res: unreadable(err)}
		}
		t.Fields = append(t.Fields, extra...)
		return scanned{res: g.detector().ScanTool(t), words: mentions(t)}
	case "instructions":
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return scanned{res: g.detector().ScanText("instructions", s)}
		}
	}
	// Prompts, resources, templates and instructions objects: every
	// string the model may read, with its path.
	var obj map[string]any
	if err := json.Unmarshal(raw, &obj); err != nil {
		return scanned{res: unreadable(err)}
	}
	if obj == nil {
		return scanned{res: unreadable(errors.New("item is null, not an object"))}
	}
	var fields []detect.Field
	if !collect(&fields, "", obj, 0) {
		return scanned{res: unreadable(errTooLarge)}
	}
	return scanned{res: g.detector().ScanTool(detect.ToolText{Name: stringField(obj, "name"), Fields: fields})}
}

// unreadable fails closed: an item the guard cannot read is treated as
// poisoned, so it is hidden under the default action.
func unreadable(err error) detect.Result {
	return detect.Result{Score: 1, Flagged: true, Findings: []detect.Finding{{
		RuleID: "poisoning.unreadable", Family: "hidden-content", Weight: 1, Field: "",
		Explain: "item could not be parsed: " + err.Error(),
	}}}
}

// maxCollect bounds the texts read from one prompt, resource or template.
const maxCollect = 4096

// collect appends every string of v, and every key that is text, with its
// path. It reports false when v is too deep or too large to read whole:
// the caller fails closed rather than score part of it.
func collect(out *[]detect.Field, path string, v any, depth int) bool {
	if depth > maxWalkDepth || len(*out) > maxCollect {
		return false
	}
	switch x := v.(type) {
	case string:
		if x != "" {
			*out = append(*out, detect.Field{Path: path, Text: x})
		}
	case []any:
		for i, e := range x {
			if !collect(out, fmt.Sprintf("%s[%d]", path, i), e, depth+1) {
				return false
			}
		}
	case map[string]any:
		for _, k := range sortedKeys(x) {
			if k == "_meta" || k == "uri" || k == "uriTemplate" || k == "mimeType" || k == "icons" {
				continue // not read as instructions
			}
			p := k
			if path != "" {
				p = path + "." + k
			}
			if texty(k) {
				*out = append(*out, detect.Field{Path: p + ".(key)", Text: k})
			}
			if !collect(out, p, x[k], depth+1) {
				return false
			}
		}
	}
	return true
}

func stringField(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// hasHidden reports content that sanitising can strip: not lookalike
// letters, encoded payloads or letter-spaced words, which a person can see.
func hasHidden(r detect.Result) bool {
	for _, f := range r.Findings {
		if f.Family == "hidden-content" && f.RuleID != "hidden.confusable" && f.RuleID != "hidden.encoded-payload" && f.RuleID != "hidden.letter-spaced" {
			return true
		}
	}
	return false
}

// combine adds shadowing evidence to the detector's score by noisy-OR.
func combine(score float64, extra []detect.Finding) float64 {
	p := 1 - score
	for _, f := range extra {
		p *= 1 - f.Weight
	}
	return 1 - p
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }

func explain(score float64, res detect.Result, extra []detect.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "score %.2f; detector: %s", score, res.Explanation())
	for _, f := range extra {
		fmt.Fprintf(&b, "\n- %s %s: %s", f.Location(), f.RuleID, f.Explain)
	}
	return b.String()
}
