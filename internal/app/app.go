// Package app wires a Warden process together from one configuration: the
// store, the audit log, the upstreams, the guard chain, the gateway and the
// HTTP endpoints. cmd/warden stays a thin layer of flags over it, and tests
// and benchmarks build the same process in memory.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/warden-mcp/warden/internal/approval"
	"github.com/warden-mcp/warden/internal/audit"
	"github.com/warden-mcp/warden/internal/auth"
	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/detect/secrets"
	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
	flowguard "github.com/warden-mcp/warden/internal/guard/flow"
	"github.com/warden-mcp/warden/internal/guard/injection"
	"github.com/warden-mcp/warden/internal/guard/pins"
	"github.com/warden-mcp/warden/internal/guard/poisoning"
	policyguard "github.com/warden-mcp/warden/internal/guard/policy"
	"github.com/warden-mcp/warden/internal/guard/ratelimit"
	"github.com/warden-mcp/warden/internal/guard/schema"
	secretsguard "github.com/warden-mcp/warden/internal/guard/secrets"
	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/sqlite"
	"github.com/warden-mcp/warden/internal/transport"
)

// Version is set at build time (-ldflags "-X ...app.Version=...").
var Version = "dev"

// App is one running Warden.
type App struct {
	Config   *config.Config
	Auth     *auth.Authenticator
	Store    store.Store
	Audit    *audit.Logger
	Gateway  *gateway.Gateway
	Registry *prometheus.Registry
	Log      *slog.Logger

	mirror     *os.File
	configPath string
	guards     []guard.Guard // the chain New made, for GuardsBuilt
	deps       *guardDeps
	reloadMu   sync.Mutex
	users      *userUpstreams
}

// Options adjust how an App is built.
type Options struct {
	Logger *slog.Logger
	// Guards, when non-nil, replaces the chain built from the config (tests
	// and benchmarks).
	Guards []guard.Guard
	// Store, when non-nil, is used instead of opening one under data_dir.
	Store store.Store
	// ConfigPath is the file the configuration came from, for Reload.
	ConfigPath string
}

// New builds an App from cfg. Nothing listens and no upstream is started
// until Run and Handler are used.
func New(ctx context.Context, cfg *config.Config, opts Options) (*App, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	a := &App{Config: cfg, Log: log, Registry: prometheus.NewRegistry(), configPath: opts.ConfigPath}
	a.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, r := range cfg.Relaxations() {
		log.Warn("configuration relaxes a secure default", "setting", r)
	}
	for _, w := range cfg.UnknownServers() {
		log.Warn("configuration names a server it does not have", "setting", w)
	}

	st := opts.Store
	if st == nil {
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("creating data directory %s: %w", cfg.DataDir, err)
		}
		var err error
		st, err = sqlite.Open(ctx, filepath.Join(cfg.DataDir, sqlite.DefaultFile))
		if err != nil {
			return nil, fmt.Errorf("opening the store: %w", err)
		}
	}
	a.Store = st
	users, err := newUserUpstreams(cfg, st)
	if err != nil {
		a.closeStore()
		return nil, fmt.Errorf("per-user upstream credentials: %w", err)
	}
	a.users = users
	deps, err := newGuardDeps(cfg, st, log)
	if err != nil {
		a.closeStore()
		return nil, err
	}
	a.deps = deps
	// Events the store could not take by shutdown go to stderr as JSON
	// lines rather than nowhere (the exit then reports the loss).
	aopts := audit.Options{Log: log, Unwritten: os.Stderr}
	if cfg.Audit.Mirror != "" {
		f, err := os.OpenFile(cfg.Audit.Mirror, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			a.closeStore()
			return nil, fmt.Errorf("opening the audit mirror: %w", err)
		}
		a.mirror = f
		aopts.Mirror = f
	}
	lg, err := audit.New(ctx, st, aopts)
	if err != nil {
		a.closeStore()
		return nil, fmt.Errorf("starting the audit log: %w", err)
	}
	a.Audit = lg

	guards := opts.Guards
	if guards == nil {
		if guards, err = buildGuards(cfg, a.deps); err != nil {
			a.Close(ctx)
			return nil, err
		}
	}
	for _, r := range guardRelaxations(guards) {
		log.Warn("configuration relaxes a secure default", "setting", r)
	}
	a.deps.mask.use(guards)
	guard.WarmUp(guards...)
	a.guards = guards

	names := make([]string, 0, len(guards))
	for _, g := range guards {
		names = append(names, g.Name())
	}
	log.Info("guard chain", "guards", strings.Join(names, ","), "available", strings.Join(KnownGuards(), ","))

	authn, err := auth.New(ctx, cfg.Auth, log)
	if err != nil {
		a.Close(ctx)
		return nil, fmt.Errorf("authentication: %w", err)
	}
	a.Auth = authn
	if authn.Enabled() {
		guards = append([]guard.Guard{authn.ScopeGuard()}, guards...)
	}

	metrics := gateway.NewMetrics(a.Registry)
	ups := make([]*gateway.Upstream, 0, len(cfg.Upstreams))
	for _, u := range cfg.Upstreams {
		d, perUser, err := a.users.dialer(u, cfg, log)
		if err != nil {
			a.Close(ctx)
			return nil, err
		}
		ups = append(ups, gateway.NewUpstream(gateway.UpstreamOptions{
			Name:           u.Name,
			Dialer:         d,
			Protocol:       u.Protocol,
			Timeout:        time.Duration(u.Timeout),
			MaxTimeout:     time.Duration(cfg.Limits.MaxRequestTimeout),
			InitialBackoff: time.Duration(u.Restart.InitialBackoff),
			MaxBackoff:     time.Duration(u.Restart.MaxBackoff),
			Logger:         log,
			ClientName:     "warden",
			ClientVersion:  Version,
			PerUser:        perUser,
		}))
	}
	g, err := gateway.New(gateway.Options{
		Name: "warden", Version: Version,
		Upstreams:          ups,
		Chain:              guard.NewChain(2*time.Second, guards...),
		Auditor:            auditor{lg},
		Logger:             log,
		Metrics:            metrics,
		SessionIdleTimeout: time.Duration(cfg.Limits.SessionIdleTimeout),
		SessionMaxLifetime: time.Duration(cfg.Limits.SessionMaxLifetime),
		MaxSessions:        cfg.Limits.MaxSessions,
		AuditAllows:        true,
	})
	if err != nil {
		a.Close(ctx)
		return nil, err
	}
	a.Gateway = g
	return a, nil
}

// guardDeps are the parts guards share: the store, the information-flow
// tracker and tool labels, the approval broker. One set lives as long as
// the process; reloads rebuild the guards around the same parts, so facts
// and pending approvals survive a reload.
type guardDeps struct {
	kv        store.KV
	log       *slog.Logger
	tracker   *flow.Tracker
	broker    *approval.Broker
	labels    *flow.Labeler // rebuilt from guards.flow at each (re)load
	approvals bool          // the flow guard is on to ask people
	mask      *maskScanner  // what approval requests are masked with
}

func newGuardDeps(cfg *config.Config, kv store.KV, log *slog.Logger) (*guardDeps, error) {
	bo, err := flowguard.BrokerOptions(cfg.Guard(flowguard.Name))
	if err != nil {
		return nil, fmt.Errorf("guard flow: %w", err)
	}
	// Approval requests mask secrets with the secrets guard's own scanner
	// (buildGuards hands it over), so a credential of a custom rule is not
	// shown to approvers either.
	mask := &maskScanner{builtin: sync.OnceValues(func() (*secrets.Scanner, error) {
		return secrets.New(secrets.Options{})
	})}
	bo.Mask = approval.MaskWith(mask)
	return &guardDeps{
		kv: kv, log: log,
		tracker: flow.New(flow.Options{}),
		broker:  approval.NewBroker(kv, bo, log.With("component", "approvals")),
		mask:    mask,
	}, nil
}

// maskScanner finds the secrets approval requests mask: with the scanner
// of the secrets guard in force, or, while that guard is off, with the
// built-in rules (built on first use: the guard is on by default and
// then a second scanner would be megabytes spent for nothing).
type maskScanner struct {
	guard   atomic.Pointer[secretsguard.Guard]
	builtin func() (*secrets.Scanner, error)
}

// use takes the secrets guard of guards, or nil when it is off.
func (m *maskScanner) use(guards []guard.Guard) {
	var sg *secretsguard.Guard
	for _, g := range guards {
		if s, ok := g.(*secretsguard.Guard); ok {
			sg = s
		}
	}
	m.guard.Store(sg)
}

// Scan implements approval.SecretScanner.
func (m *maskScanner) Scan(text string) []secrets.Finding {
	var sc *secrets.Scanner
	var err error
	if g := m.guard.Load(); g != nil {
		sc = g.Scanner() // waits for the guard's build
	} else {
		sc, err = m.builtin()
	}
	if sc == nil || err != nil {
		// Cannot happen with the tested built-in rules; if it did, mask
		// the whole string rather than show it.
		return []secrets.Finding{{RuleID: "mask-unavailable", Start: 0, End: len(text)}}
	}
	return sc.Scan(text)
}

// guardFactory builds one guard module from its configuration block.
type guardFactory func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error)

// guardOrder is the order of the chain. It matters: cheap refusals
// (pins, poisoning, policy, schema, rate limits) come before the content
// scanners, so a refused call is never scanned, and the flow guard comes
// last, so a person is only asked about calls every other guard allowed,
// and sees the arguments as they will be sent.
var guardOrder = []string{
	pins.Name, poisoning.Name, policyguard.Name, schema.Name, ratelimit.Name,
	secretsguard.Name, injection.Name, flowguard.Name,
}

// knownGuards are the guard modules this build has. Each is on unless its
// block says enabled: false.
var knownGuards = map[string]guardFactory{
	pins.Name: func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error) {
		return pins.Factory(d.kv, d.log.With("guard", pins.Name))(gc)
	},
	poisoning.Name: func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error) {
		return poisoning.Factory(d.log.With("guard", poisoning.Name))(gc)
	},
	policyguard.Name: func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error) {
		return policyguard.NewWithOptions(gc, d.log.With("guard", policyguard.Name),
			policyguard.Options{Flow: d.tracker, Labels: d.labels, Approvals: d.approvals})
	},
	secretsguard.Name: func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error) {
		return secretsguard.New(gc, d.tracker, d.labels, d.log.With("guard", secretsguard.Name))
	},
	injection.Name: func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error) {
		return injection.New(gc, d.kv, d.tracker, d.log.With("guard", injection.Name))
	},
	flowguard.Name: func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error) {
		return flowguard.New(gc, d.tracker, d.labels, d.broker, d.log.With("guard", flowguard.Name))
	},
	schema.Name: func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error) {
		return schema.New(gc, d.log.With("guard", schema.Name))
	},
	ratelimit.Name: func(gc config.GuardConfig, d *guardDeps) (guard.Guard, error) {
		return ratelimit.New(gc, d.log.With("guard", ratelimit.Name))
	},
}

// relaxer is a guard that can say which of its settings are weaker than
// its defaults.
type relaxer interface{ Relaxations() []string }

// guardRelaxations lists what the guards' own settings relax, for the
// start-up (and reload) warnings: every guard that can say so is asked, so
// a guard that learns to report its relaxations is heard without a change
// here. Each entry names its guard ("schema: unlisted_tools is allow ...").
func guardRelaxations(guards []guard.Guard) []string {
	var out []string
	for _, g := range guards {
		if r, ok := g.(relaxer); ok {
			for _, x := range r.Relaxations() {
				out = append(out, "guards."+x)
			}
		}
	}
	return out
}

// KnownGuards lists the guard modules of this build, in chain order.
func KnownGuards() []string { return slices.Clone(guardOrder) }

func buildGuards(cfg *config.Config, d *guardDeps) ([]guard.Guard, error) {
	known := KnownGuards()
	if err := cfg.CheckGuards(known); err != nil {
		return nil, err
	}
	fc := cfg.Guard(flowguard.Name)
	labels, err := flowguard.NewLabeler(fc)
	if err != nil {
		return nil, fmt.Errorf("guard flow: %w", err)
	}
	d.labels, d.approvals = labels, fc.Enabled()
	// Each factory checks its block and returns; the detectors, which take
	// most of start-up, are built afterwards by guard.WarmUp, while the
	// upstreams start.
	var out []guard.Guard
	for _, name := range known {
		gc := cfg.Guard(name)
		if !gc.Enabled() {
			continue
		}
		g, err := knownGuards[name](gc, d)
		if err != nil {
			return nil, fmt.Errorf("guard %s: %w", name, err)
		}
		out = append(out, g)
	}
	return out, nil
}

func dialer(u config.Upstream, cfg *config.Config, log *slog.Logger) (transport.Dialer, error) {
	max := int(cfg.Limits.MaxMessageBytes)
	ulog := log.With("upstream", u.Name)
	if len(u.Command) > 0 {
		env := make([]string, 0, len(u.Env)+len(u.EnvPassthrough))
		for _, name := range u.EnvPassthrough {
			if v, ok := os.LookupEnv(name); ok {
				env = append(env, name+"="+v)
			}
		}
		for k, v := range u.Env {
			env = append(env, k+"="+v)
		}
		return &transport.StdioDialer{
			Command: u.Command[0], Args: u.Command[1:], Env: env, Dir: u.Dir,
			Logger: ulog, MaxMessageBytes: max,
		}, nil
	}
	// Every HTTP upstream gets a client that refuses other origins and
	// redirects, and carries only this upstream's own credentials.
	client, h, err := auth.UpstreamClient(u, nil)
	if err != nil {
		return nil, fmt.Errorf("upstream %s: %w", u.Name, err)
	}
	switch u.Transport {
	case "sse":
		return &transport.SSEDialer{URL: u.URL, Header: h, Client: client, MaxMessageBytes: max, Logger: ulog}, nil
	case "", "streamable":
		return &transport.StreamableDialer{URL: u.URL, Header: h, Client: client, MaxMessageBytes: max, Logger: ulog}, nil
	}
	return nil, fmt.Errorf("upstream %s: unknown transport %q", u.Name, u.Transport)
}

// Reload re-reads the configuration file and swaps the guard chain
// atomically. A file that does not load, or a guard (a policy) that does
// not compile, is refused with its file:line:column and the chain in force
// stays. So is a file that changes who may connect (auth, http): those
// take effect only at a restart, and an operator revoking a key must not
// be told it was reloaded. Other changes a reload cannot apply (upstreams,
// listen, limits, ...) are returned, logged and audited; the guards are
// reloaded all the same.
func (a *App) Reload(ctx context.Context) (pending []string, err error) {
	a.reloadMu.Lock()
	defer a.reloadMu.Unlock()
	if a.configPath == "" {
		return nil, errors.New("reload: Warden was started without a configuration file")
	}
	pending, err = a.reload(ctx)
	ev := audit.Event{Kind: audit.KindConfig, Verdict: audit.VerdictAllow, Reason: "configuration reloaded from " + a.configPath}
	switch {
	case err != nil:
		ev.Verdict, ev.Reason = audit.VerdictError, "reload refused: "+err.Error()
		a.Log.Error("configuration reload refused; the previous configuration stays", "err", err)
	case len(pending) > 0:
		ev.Reason += "; not applied until a restart: " + strings.Join(pending, ", ")
		ev.Details = map[string]any{"restart_needed": pending}
		a.Log.Warn("configuration reloaded; some changes take effect only at the next restart", "file", a.configPath, "keys", pending)
	default:
		a.Log.Info("configuration reloaded", "file", a.configPath)
	}
	if aerr := a.Audit.Record(ctx, ev); aerr != nil && err == nil {
		err = fmt.Errorf("reload applied, but not audited: %w", aerr)
	}
	return pending, err
}

// restartOnly are the sections whose change refuses a reload: they decide
// who may connect, and a reload cannot apply them.
var restartOnly = []string{"auth", "http"}

func (a *App) reload(ctx context.Context) ([]string, error) {
	cfg, err := config.Load(a.configPath)
	if err != nil {
		return nil, err
	}
	exe, _ := os.Executable()
	cfg.ResolveSelf(exe)
	pending := cfg.RestartChanges(a.Config)
	var refused []string
	for _, k := range pending {
		if slices.Contains(restartOnly, k) {
			refused = append(refused, k)
		}
	}
	if len(refused) > 0 {
		return nil, fmt.Errorf("the file changes %s, which take effect only at a restart; nothing was reloaded (restart Warden to apply them)", strings.Join(refused, " and "))
	}
	guards, err := buildGuards(cfg, a.deps)
	if err != nil {
		return nil, err
	}
	// The chain in force serves until the new guards are built.
	guard.WarmUp(guards...)
	if err := guard.WaitReady(ctx, guards...); err != nil {
		return nil, err
	}
	a.deps.mask.use(guards)
	if a.Auth != nil && a.Auth.Enabled() {
		guards = append([]guard.Guard{a.Auth.ScopeGuard()}, guards...)
	}
	for _, r := range append(cfg.Relaxations(), guardRelaxations(guards)...) {
		a.Log.Warn("configuration relaxes a secure default", "setting", r)
	}
	for _, w := range cfg.UnknownServers() {
		a.Log.Warn("configuration names a server it does not have", "setting", w)
	}
	a.Gateway.SetChain(guard.NewChain(2*time.Second, guards...))
	return pending, nil
}

// GuardsBuilt waits until the guards New made have built their detectors
// (guard.WarmUp started them), or returns the first build's error.
func (a *App) GuardsBuilt(ctx context.Context) error {
	return guard.WaitReady(ctx, a.guards...)
}

// Run connects the upstreams and serves until ctx ends.
func (a *App) Run(ctx context.Context) { a.Gateway.Run(ctx) }

// Handler returns the HTTP surface: the MCP endpoints, health, readiness
// and metrics.
func (a *App) Handler() http.Handler {
	cfg := a.Config
	mux := http.NewServeMux()
	mcpHandler := a.Gateway.HTTPHandler(gateway.HTTPOptions{
		Path:            cfg.Path,
		MaxMessageBytes: int64(cfg.Limits.MaxMessageBytes),
		AllowedHosts:    cfg.HTTP.AllowedHosts,
		AllowedOrigins:  cfg.HTTP.AllowedOrigins,
		LoopbackOnly:    isLoopbackListen(cfg.Listen),
		Auth:            a.Auth,
		ScopeCheck:      a.Auth.CheckScope,
	})
	mcpHandler = a.users.wrap(mcpHandler)
	var rec eventRecorder
	if a.Audit != nil {
		rec = a.Audit
	}
	a.users.mount(mux, rec)
	for _, p := range a.Auth.MetadataPaths() {
		mux.Handle(p, a.Auth.MetadataHandler())
	}
	mux.Handle(cfg.Path, mcpHandler)
	mux.Handle("/sse", mcpHandler)
	mux.Handle("/message", mcpHandler)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.Handle("/readyz", a.sameHost(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		ok, down := a.Gateway.Ready()
		if a.Audit.Pending() > 0 {
			ok = false
			down = append(down, "audit log (events waiting for the store)")
		}
		if !ok {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ready: %s\n", strings.Join(down, ", "))
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})))
	// Reload over HTTP: only from this machine, and only for a caller the
	// MCP endpoint would accept.
	mux.Handle("/admin/reload", a.adminOnly(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			http.Error(w, "use POST", http.StatusMethodNotAllowed)
			return
		}
		pending, err := a.Reload(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnprocessableEntity)
			return
		}
		if len(pending) > 0 {
			_, _ = fmt.Fprintf(w, "reloaded; not applied until a restart: %s\n", strings.Join(pending, ", "))
			return
		}
		_, _ = w.Write([]byte("reloaded\n"))
	})))
	// Approvals: people decide held calls (warden approvals, or a chat
	// webhook's signed callback relayed from this machine).
	approvals := a.adminOnly(a.deps.broker.Handler())
	mux.Handle("/admin/approvals", approvals)
	mux.Handle("/admin/approvals/", approvals)
	// The chat service's callback carries its own authentication (an HMAC
	// over a fresh timestamp, each signature accepted once), so it is served
	// on the public listener too; without a webhook secret it answers 404.
	mux.Handle("POST /webhooks/approvals", a.deps.broker.CallbackHandler())
	if cfg.Metrics.Enabled {
		mux.Handle("/metrics", a.sameHost(a.authenticated(promhttp.HandlerFor(a.Registry, promhttp.HandlerOpts{}))))
	}
	return mux
}

// sameHost refuses a request whose Host the MCP endpoint would refuse: on
// a loopback listener, a name other than loopback's or http.allowed_hosts
// is a web page that rebound its own name to 127.0.0.1 (DNS rebinding)
// and would read the answer. A listener reachable from other machines
// checks the Host only when allowed_hosts lists some.
func (a *App) sameHost(h http.Handler) http.Handler {
	allowed := a.Config.HTTP.AllowedHosts
	loopback := isLoopbackListen(a.Config.Listen)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			host = hh
		}
		ok := len(allowed) == 0 && !loopback
		for _, x := range allowed {
			ok = ok || strings.EqualFold(x, host) || strings.EqualFold(x, r.Host)
		}
		if !ok && loopback {
			ok = isLoopbackName(host)
		}
		if !ok {
			http.Error(w, "Host not allowed", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// authenticated admits, when authentication is on, only a caller the MCP
// endpoint would accept: metrics name the upstreams and how busy each is,
// and a listener that other machines reach must not tell them to anyone.
// A scraper sends a bearer token like any other client. A refusal is
// audited as on the MCP endpoint, so this is no unwatched place to guess
// keys.
func (a *App) authenticated(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.Auth != nil && a.Auth.Enabled() {
			if _, err := a.Auth.Authenticate(r); err != nil {
				status := http.StatusUnauthorized
				var he *gateway.HTTPError
				if errors.As(err, &he) {
					status = he.Status
					for k, vs := range he.Header {
						for _, v := range vs {
							w.Header().Add(k, v)
						}
					}
				}
				if a.Audit != nil {
					_ = a.Audit.Enqueue(audit.Event{Kind: audit.KindAuth, Verdict: audit.VerdictDeny, Reason: err.Error(),
						Details: map[string]any{"remote": r.RemoteAddr, "path": r.URL.Path}})
				}
				http.Error(w, err.Error(), status)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// adminOnly admits requests from this machine only and, when
// authentication is on, only from a caller the MCP endpoint would accept;
// that caller is the approver of record.
func (a *App) adminOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			http.Error(w, "the admin API is accepted from loopback only", http.StatusForbidden)
			return
		}
		// Loopback is also a browser on this machine (DNS rebinding, a
		// cross-site form) and a reverse proxy relaying remote callers.
		if why := approval.ForeignAdminRequest(r); why != "" && r.URL.Path != "/admin/approvals/webhook" {
			http.Error(w, why, http.StatusForbidden)
			return
		}
		if a.Auth != nil && a.Auth.Enabled() {
			p, err := a.Auth.Authenticate(r)
			if err != nil {
				http.Error(w, err.Error(), http.StatusUnauthorized)
				return
			}
			if adm := a.Config.Auth.Admins; adm.Set() && !adm.Allows(p.Issuer, p.Subject, p.Groups) {
				http.Error(w, "principal "+p.String()+" is not an admin (auth.admins)", http.StatusForbidden)
				return
			}
			r = r.WithContext(approval.WithApprover(r.Context(), p.String()))
		}
		h.ServeHTTP(w, r)
	})
}

// isLoopbackListen reports whether addr binds loopback only. It must agree
// with the configuration's own test (which raises no warning for such an
// address), or a listener written "LOCALHOST:8080" would bind loopback,
// warn of nothing, and yet serve any Host (no DNS-rebinding protection).
func isLoopbackListen(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// isLoopbackName reports whether a Host names this machine's loopback.
func isLoopbackName(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Close flushes the audit log and closes the store.
func (a *App) Close(ctx context.Context) error {
	var errs []error
	if a.Audit != nil {
		if err := a.Audit.Close(ctx); err != nil {
			errs = append(errs, fmt.Errorf("closing the audit log: %w", err))
		}
	}
	if a.mirror != nil {
		errs = append(errs, a.mirror.Close())
	}
	errs = append(errs, a.closeStore())
	return errors.Join(errs...)
}

func (a *App) closeStore() error {
	if a.Store == nil {
		return nil
	}
	err := a.Store.Close()
	a.Store = nil
	return err
}

// auditor adapts the gateway's events to the audit log.
type auditor struct{ l *audit.Logger }

func (a auditor) Record(ctx context.Context, ev gateway.Event) error {
	return a.l.Record(ctx, toAudit(ev))
}

func (a auditor) Enqueue(ev gateway.Event) error { return a.l.Enqueue(toAudit(ev)) }

func toAudit(ev gateway.Event) audit.Event {
	name, ver, _ := strings.Cut(ev.Client, "/")
	details := ev.Details
	if ev.Rule != "" {
		if details == nil {
			details = map[string]any{}
		}
		details["rule"] = ev.Rule
	}
	return audit.Event{
		Time: ev.Time, Kind: audit.Kind(ev.Kind), Principal: ev.Principal,
		Client:  audit.ClientInfo{Name: name, Version: ver},
		Session: ev.Session, Server: ev.Server, Method: ev.Method, Tool: ev.Tool,
		ArgsDigest: ev.ArgsDigest, Verdict: audit.Verdict(ev.Verdict), Guard: ev.Guard,
		Reason: ev.Reason, Latency: ev.Latency, Details: details,
	}
}

// CheckGuards builds every enabled guard of cfg once and throws them away,
// so that `warden config validate` reports what only a guard can check (a
// policy that does not compile, an unknown label, a bad rules file) with
// the same file:line errors as `warden serve` would at start-up. It returns
// what the guards' settings relax, which start-up would warn about.
func CheckGuards(ctx context.Context, cfg *config.Config, log *slog.Logger) (relaxations []string, err error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dir, err := os.MkdirTemp("", "warden-validate-")
	if err != nil {
		return nil, fmt.Errorf("creating a scratch store: %w", err)
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, sqlite.DefaultFile))
	if err != nil {
		return nil, fmt.Errorf("opening a scratch store: %w", err)
	}
	defer st.Close()
	d, err := newGuardDeps(cfg, st, log)
	if err != nil {
		return nil, err
	}
	guards, err := buildGuards(cfg, d)
	if err != nil {
		return nil, err
	}
	if err := guard.WaitReady(ctx, guards...); err != nil {
		return nil, err
	}
	return guardRelaxations(guards), nil
}
