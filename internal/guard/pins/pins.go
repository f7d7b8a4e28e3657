// Package pins is the guard against rug pulls: it pins a hash of every
// tool, prompt, resource and template a server lists (and of the server's
// instructions), and withholds any item whose definition changes until a
// person approves the new version with `warden pins approve`.
package pins

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/store"
)

// Name is the guard's configuration key.
const Name = "pins"

// Modes.
const (
	// TrustOnFirstUse pins what a server shows the first time.
	TrustOnFirstUse = "tofu"
	// ApproveFirst withholds every item until a person approves it.
	ApproveFirst = "approve"
)

// Settings configure the guard (guards.pins in the configuration).
type Settings struct {
	Mode string `yaml:"mode"`
}

// DefaultSettings pins on first use: approval-first is safer but needs a
// person for every new server, so it is a deliberate choice.
func DefaultSettings() Settings { return Settings{Mode: TrustOnFirstUse} }

// Guard implements guard.Guard.
type Guard struct {
	mode  string
	pins  *Store
	log   *slog.Logger
	mu    sync.Mutex
	cache map[[32]byte]hashed // raw item bytes -> canonical hash

	// approved remembers, briefly, items whose pin was approved, so that
	// calls do not each read the store. Only approvals are kept (a
	// withheld item is always read afresh), every listing that sees a
	// change drops the entry, and entries live approvedTTL: a reset made
	// with `warden pins` from another process takes effect within it.
	approved sync.Map // pinKey -> time.Time (expiry)
	// changes counts the changes observe recorded; a call that read an
	// approved pin caches the approval only if none came in meanwhile.
	changes atomic.Uint64

	maxPins int // per server; past it new items are withheld, not pinned
}

// maxPinsPerServer bounds the pins one server can create: a server that
// lists new names on every page would otherwise grow the store without
// end.
const maxPinsPerServer = 4096

// approvedTTL bounds how long an approval is trusted without the store.
const approvedTTL = 2 * time.Second

func pinKey(server, kind, name string) string { return server + "\x1f" + kind + "\x1f" + name }

type hashed struct {
	hash      string
	canonical string
	err       error
}

const maxCache = 8192

// New builds the guard over kv (shared by every gateway of a cluster).
func New(s Settings, kv store.KV, log *slog.Logger) (*Guard, error) {
	switch s.Mode {
	case "":
		s.Mode = TrustOnFirstUse
	case TrustOnFirstUse, ApproveFirst:
	default:
		return nil, fmt.Errorf("pins: unknown mode %q (want %s or %s)", s.Mode, TrustOnFirstUse, ApproveFirst)
	}
	if kv == nil {
		return nil, errors.New("pins: no store")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Guard{mode: s.Mode, pins: &Store{KV: kv}, log: log, cache: map[[32]byte]hashed{}, maxPins: maxPinsPerServer}, nil
}

// Factory returns the constructor the application registers under Name.
func Factory(kv store.KV, log *slog.Logger) func(config.GuardConfig) (guard.Guard, error) {
	return func(gc config.GuardConfig) (guard.Guard, error) {
		s := DefaultSettings()
		if err := gc.Decode(&s); err != nil {
			return nil, err
		}
		return New(s, kv, log)
	}
}

// Name implements guard.Guard.
func (g *Guard) Name() string { return Name }

// Wants implements guard.Filter.
func (g *Guard) Wants(p guard.Phase, method string) bool {
	return p == guard.PhaseList || p == guard.PhaseRequest && (guard.CallKind(method) != "" || method == "completion/complete")
}

// callKind is the kind of pinned item a request uses. A completion uses
// the prompt or resource template it completes arguments for: a withheld
// prompt must not keep showing its (changed) argument values either.
func callKind(ex *guard.Exchange) string {
	if ex.Method != "completion/complete" {
		return guard.CallKind(ex.Method)
	}
	var p struct {
		Ref struct {
			Type string `json:"type"`
		} `json:"ref"`
	}
	if json.Unmarshal(ex.Params, &p) != nil {
		return ""
	}
	switch p.Ref.Type {
	case "ref/prompt":
		return "prompt"
	case "ref/resource":
		return "resource_template"
	}
	return ""
}

func (g *Guard) hash(kind string, raw []byte) hashed {
	h := sha256.New()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write(raw)
	var k [32]byte
	h.Sum(k[:0])
	g.mu.Lock()
	v, ok := g.cache[k]
	g.mu.Unlock()
	if ok {
		return v
	}
	hash, c, err := Hash(kind, raw)
	v = hashed{hash: hash, canonical: string(c), err: err}
	g.mu.Lock()
	if len(g.cache) >= maxCache {
		clear(g.cache)
	}
	g.cache[k] = v
	g.mu.Unlock()
	return v
}

// Withheld is the audit evidence for one withheld item.
type Withheld struct {
	Kind         string `json:"kind"`
	Name         string `json:"name"`
	State        string `json:"state"`
	ApprovedHash string `json:"approved_hash,omitempty"`
	NewHash      string `json:"new_hash,omitempty"`
	Diff         string `json:"diff,omitempty"` // on the first listing of a new version
}

// Pinned is the audit evidence for an item pinned on first use.
type Pinned struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	Hash string `json:"hash"`
}

// Inspect implements guard.Guard.
func (g *Guard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	switch ex.Phase {
	case guard.PhaseList:
		return g.inspectList(ctx, ex)
	case guard.PhaseRequest:
		return g.inspectCall(ctx, ex)
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

func (g *Guard) inspectList(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	if len(ex.Items) == 0 {
		return guard.Verdict{Action: guard.Allow}, nil
	}
	// One read per page, not one per item.
	list, err := g.pins.List(ctx, ex.Server)
	if err != nil {
		return guard.Verdict{}, fmt.Errorf("pins of %s: %w", ex.Server, err)
	}
	have := make(map[string]Pin, len(list))
	for _, p := range list {
		if p.Server == ex.Server {
			have[p.Kind+sep+p.Name] = p
		}
	}
	count := len(have)
	added := map[string]bool{} // new this page, counted once however often listed
	var withheld []Withheld
	var pinned []Pinned
	observeItem := func(kind, name string, raw []byte) (hidden bool, err error) {
		h := g.hash(kind, raw)
		if h.err != nil {
			// An item that cannot be pinned cannot be trusted.
			withheld = append(withheld, Withheld{Kind: kind, Name: name, State: "unreadable", Diff: h.err.Error()})
			return true, nil
		}
		var cur *Pin
		if p, ok := have[kind+sep+name]; ok {
			cur = &p
		} else if !added[kind+sep+name] && count >= g.maxPins {
			withheld = append(withheld, Withheld{Kind: kind, Name: name, State: StateLimit, NewHash: h.hash,
				Diff: fmt.Sprintf("server has %d pins, the most one server may have", count)})
			return true, nil
		}
		res, err := g.observe(ctx, ex.Server, kind, name, h, cur)
		if err != nil {
			return false, err
		}
		if cur == nil && !added[kind+sep+name] {
			added[kind+sep+name] = true
			count++
		}
		if res.pinned {
			pinned = append(pinned, Pinned{Kind: kind, Name: name, Hash: h.hash})
		}
		if res.withheld != nil {
			withheld = append(withheld, *res.withheld)
			return true, nil
		}
		return false, nil
	}
	hasServer, hasInstructions := false, false
	for i := range ex.Items {
		it := &ex.Items[i]
		hasServer = hasServer || it.Kind == "server"
		hasInstructions = hasInstructions || it.Kind == "instructions"
		hidden, err := observeItem(it.Kind, it.Name, it.Raw)
		if err != nil {
			return guard.Verdict{}, err
		}
		it.Hidden = it.Hidden || hidden
	}
	if _, pinnedBefore := have["instructions"+sep+ex.Server]; hasServer && !hasInstructions && !pinnedBefore && g.mode == TrustOnFirstUse {
		// A server first seen without instructions has empty ones: pin
		// that, so instructions it adds later are a change to approve,
		// not a first use. (Dropping instructions hides nothing, so a
		// server that had some and shows none is left as it is.)
		if _, err := observeItem("instructions", ex.Server, []byte(`""`)); err != nil {
			return guard.Verdict{}, err
		}
	}
	switch {
	case len(withheld) > 0:
		d := map[string]any{"withheld": withheld}
		if len(pinned) > 0 {
			d["pinned"] = pinned
		}
		rule := "pins.changed"
		for _, w := range withheld {
			if r := withheldRule(w.State); rulePriority(r) > rulePriority(rule) {
				rule = r
			}
		}
		return guard.Verdict{Action: guard.Modify, Rule: rule, Details: d,
			Reason: fmt.Sprintf("%d item(s) of %s withheld until approved (warden pins diff; warden pins approve)", len(withheld), ex.Server)}, nil
	case len(pinned) > 0:
		// Audited once, when the pins are created; nothing was changed.
		return guard.Verdict{Action: guard.Modify, Rule: "pins.first_use",
			Details: map[string]any{"pinned": pinned, "changed": false},
			Reason:  fmt.Sprintf("%d item(s) of %s pinned on first use", len(pinned), ex.Server)}, nil
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

// StateLimit marks an item withheld because its server has as many pins
// as one server may have; it is not pinned.
const StateLimit = "limit"

// withheldRule is the audit rule for a withheld item's state.
func withheldRule(state string) string {
	switch state {
	case StateChanged:
		return "pins.changed"
	case StateCorrupt:
		return "pins.corrupt"
	case StateLimit:
		return "pins.limit"
	}
	return "pins.unapproved"
}

// rulePriority picks the rule of a page with several kinds of withheld
// items: what needs a person's attention first.
func rulePriority(rule string) int {
	switch rule {
	case "pins.corrupt":
		return 4
	case "pins.limit":
		return 3
	case "pins.unapproved":
		return 2
	}
	return 1
}

type observed struct {
	pinned   bool
	withheld *Withheld
}

// observe compares what the server shows with the pin and records it,
// retrying when another gateway wrote the same pin first.
func (g *Guard) observe(ctx context.Context, server, kind, name string, h hashed, cur *Pin) (observed, error) {
	g.approved.Delete(pinKey(server, kind, name))
	for attempt := 0; attempt < 3; attempt++ {
		res, err := g.observeOnce(ctx, server, kind, name, h, cur)
		if !errors.Is(err, store.ErrConflict) {
			return res, err
		}
		p, gerr := g.pins.Get(ctx, server, kind, name)
		switch {
		case errors.Is(gerr, store.ErrNotFound):
			cur = nil
		case gerr != nil:
			return observed{}, gerr
		default:
			cur = &p
		}
	}
	return observed{}, fmt.Errorf("pin of %s %s %q: too many concurrent writers", server, kind, name)
}

func (g *Guard) observeOnce(ctx context.Context, server, kind, name string, h hashed, cur *Pin) (observed, error) {
	now := g.pins.now()
	if cur != nil && cur.State() == StateCorrupt {
		// Left for a person to look at and reset; never overwritten.
		return observed{withheld: &Withheld{Kind: kind, Name: name, State: StateCorrupt, NewHash: h.hash, Diff: cur.corrupt}}, nil
	}
	if cur == nil {
		p := Pin{Server: server, Kind: kind, Name: name, FirstSeen: now}
		if g.mode == TrustOnFirstUse {
			p.Hash, p.Canonical, p.ApprovedAt, p.ApprovedBy = h.hash, h.canonical, now, "first-use"
			return observed{pinned: true}, g.pins.put(ctx, p)
		}
		p.PendingHash, p.PendingCanonical, p.PendingSince = h.hash, h.canonical, now
		if err := g.pins.put(ctx, p); err != nil {
			return observed{}, err
		}
		return observed{withheld: &Withheld{Kind: kind, Name: name, State: StateUnapproved, NewHash: h.hash,
			Diff: Diff("", pretty(h.canonical))}}, nil
	}
	if cur.Hash == h.hash {
		if cur.PendingHash != "" {
			// The server is back to the approved version.
			p := *cur
			p.PendingHash, p.PendingCanonical, p.PendingSince = "", "", time.Time{}
			return observed{}, g.pins.put(ctx, p)
		}
		return observed{}, nil
	}
	w := &Withheld{Kind: kind, Name: name, State: cur.State(), ApprovedHash: cur.Hash, NewHash: h.hash}
	if w.State == StateApproved {
		w.State = StateChanged
	}
	if cur.PendingHash == h.hash {
		return observed{withheld: w}, nil // already recorded and audited with its diff
	}
	p := *cur
	p.PendingHash, p.PendingCanonical, p.PendingSince = h.hash, h.canonical, now
	if err := g.pins.put(ctx, p); err != nil {
		return observed{}, err
	}
	// After the write: a call that read the approved pin before it must
	// not cache that approval (inspectCall checks changes).
	g.changes.Add(1)
	g.approved.Delete(pinKey(server, kind, name))
	w.Diff = p.Diff()
	g.log.Warn("pinned item changed; withheld until approved", "server", server, "kind", kind, "name", name,
		"approved", short(cur.Hash), "new", short(h.hash))
	return observed{withheld: w}, nil
}

func (g *Guard) inspectCall(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	kind := callKind(ex)
	if kind == "" || ex.Result != nil {
		// Not a use of a pinned item (or a client's answer to a server's
		// request); the gateway refuses a completion without a known ref.
		return guard.Verdict{Action: guard.Allow}, nil
	}
	key := pinKey(ex.Server, kind, ex.Name)
	if exp, ok := g.approved.Load(key); ok && time.Now().Before(exp.(time.Time)) {
		return guard.Verdict{Action: guard.Allow}, nil
	}
	changes := g.changes.Load()
	p, err := g.pins.Get(ctx, ex.Server, kind, ex.Name)
	if kind == "resource_template" && errors.Is(err, store.ErrNotFound) {
		// A completion's ref/resource may name a resource, not a template.
		if p, err = g.pins.Get(ctx, ex.Server, "resource", ex.Name); err == nil {
			kind, key = "resource", pinKey(ex.Server, "resource", ex.Name)
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		switch {
		case kind == "tool" && g.mode == TrustOnFirstUse && len(ex.Tool) > 0:
			// Called before any listing reached this guard: pin what the
			// gateway knows of it.
			h := g.hash(kind, ex.Tool)
			if h.err != nil {
				return deny(ex, kind, "its definition cannot be read"), nil
			}
			res, err := g.observe(ctx, ex.Server, kind, ex.Name, h, nil)
			if err != nil {
				return guard.Verdict{}, err
			}
			if res.withheld != nil {
				return deny(ex, kind, "it changed since it was pinned"), nil
			}
			return guard.Verdict{Action: guard.Allow}, nil
		case kind == "tool":
			return deny(ex, kind, "it has no approved pin (list tools first)"), nil
		case kind == "prompt" && g.mode == ApproveFirst:
			return deny(ex, kind, "it has no approved pin"), nil
		}
		// Resources read by URI are often not listed (templates); their
		// listed definitions are pinned when they are.
		return guard.Verdict{Action: guard.Allow}, nil
	}
	if err != nil {
		return guard.Verdict{}, err
	}
	switch p.State() {
	case StateChanged:
		return deny(ex, kind, fmt.Sprintf("its definition changed since it was approved (%.12s -> %.12s)", p.Hash, p.PendingHash)), nil
	case StateUnapproved:
		return deny(ex, kind, "it has not been approved"), nil
	case StateCorrupt:
		return deny(ex, kind, "its stored pin cannot be read; reset it with `warden pins reset`"), nil
	}
	// ex.Tool is not compared with the pin: later guards may have
	// sanitised what the gateway holds. The pin's state records what the
	// server showed last.
	g.approved.Store(key, time.Now().Add(approvedTTL))
	if g.changes.Load() != changes {
		// A listing recorded a change while this call read the pin: the
		// approval read may be stale, so it is not kept. (This call was
		// decided on what the server showed when it started.)
		g.approved.Delete(key)
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

func deny(ex *guard.Exchange, kind, why string) guard.Verdict {
	return guard.Verdict{Action: guard.Deny, Rule: "pins.withheld",
		Reason:  fmt.Sprintf("%s %q of server %s is withheld: %s; an administrator can review it with `warden pins diff` and `warden pins approve`", kind, ex.Name, ex.Server, why),
		Details: map[string]any{"kind": kind, "name": ex.Name}}
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
