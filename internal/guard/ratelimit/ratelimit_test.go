package ratelimit

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
)

// clock is a manual clock for tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func call(sub, client, server, tool string) *guard.Exchange {
	return &guard.Exchange{Phase: guard.PhaseRequest, Method: "tools/call", Server: server, Name: tool,
		Session: guard.Session{ID: "throwaway", ClientName: client, Principal: &guard.Principal{Subject: sub}}}
}

func result(req *guard.Exchange) *guard.Exchange {
	return &guard.Exchange{Phase: guard.PhaseResult, Method: "tools/call", Server: req.Server, Name: req.Name, Session: req.Session, Values: req.Values}
}

func TestBuckets(t *testing.T) {
	off := Limit{}
	tests := []struct {
		name  string
		s     Settings
		calls []*guard.Exchange
		// denied is the index of the first call that must be limited.
		denied int
		rule   string
	}{
		{"per principal", Settings{PerPrincipal: Limit{Rate: 1, Burst: 2}, SlotTimeout: config.Duration(time.Minute)},
			[]*guard.Exchange{call("a", "c", "s", "x"), call("a", "c", "s", "y"), call("a", "c", "s2", "z")}, 2, "per_principal"},
		{"per tool", Settings{PerTool: Limit{Rate: 1, Burst: 1}, SlotTimeout: config.Duration(time.Minute)},
			[]*guard.Exchange{call("a", "c", "s", "x"), call("a", "c", "s", "y"), call("b", "c", "s", "x"), call("a", "c", "s", "x")}, 3, "per_tool"},
		{"per server", Settings{PerServer: Limit{Rate: 1, Burst: 2}, SlotTimeout: config.Duration(time.Minute)},
			[]*guard.Exchange{call("a", "c", "s", "x"), call("b", "c", "s", "y"), call("c", "c", "s", "z")}, 2, "per_server"},
		{"tool override", Settings{PerTool: Limit{Rate: 100, Burst: 100}, Tools: map[string]Limit{"s/expensive": {Rate: 0.1, Burst: 1}}, SlotTimeout: config.Duration(time.Minute)},
			[]*guard.Exchange{call("a", "c", "s", "expensive"), call("a", "c", "s", "cheap"), call("a", "c", "s", "expensive")}, 2, "per_tool"},
		{"a client name is not a principal", Settings{PerPrincipal: Limit{Rate: 1, Burst: 1}, SlotTimeout: config.Duration(time.Minute)},
			[]*guard.Exchange{call("a", "c1", "s", "x"), call("a", "c2", "s", "x")}, 1, "per_principal"},
		{"off", Settings{PerPrincipal: off, SlotTimeout: config.Duration(time.Minute)},
			[]*guard.Exchange{call("a", "c", "s", "x"), call("a", "c", "s", "x")}, -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := &clock{t: time.Unix(1e9, 0)}
			g := NewWithSettings(tt.s, nil, clk.now)
			for i, ex := range tt.calls {
				v, err := g.Inspect(context.Background(), ex)
				if err != nil {
					t.Fatal(err)
				}
				if i == tt.denied {
					if v.Action != guard.Deny || v.Rule != tt.rule || !strings.Contains(v.Reason, "retry after") {
						t.Fatalf("call %d: %+v, want limited by %s", i, v, tt.rule)
					}
					// After waiting, the call goes through.
					clk.add(11 * time.Second)
					if v, _ := g.Inspect(context.Background(), ex); v.Action != guard.Allow {
						t.Fatalf("after refill: %+v", v)
					}
					return
				}
				if v.Action != guard.Allow {
					t.Fatalf("call %d limited early: %+v", i, v)
				}
			}
			if tt.denied >= 0 {
				t.Fatal("never limited")
			}
		})
	}
}

func TestRetryHint(t *testing.T) {
	clk := &clock{t: time.Unix(1e9, 0)}
	g := NewWithSettings(Settings{PerPrincipal: Limit{Rate: 0.2, Burst: 1}, SlotTimeout: config.Duration(time.Minute)}, nil, clk.now)
	g.Inspect(context.Background(), call("a", "c", "s", "x"))
	v, _ := g.Inspect(context.Background(), call("a", "c", "s", "x"))
	if v.Details["retry_after_seconds"] != 5 || !strings.Contains(v.Reason, "retry after 5 s") {
		t.Fatalf("%+v", v)
	}
	// A refused call does not consume tokens: after 5 s one call passes.
	clk.add(5 * time.Second)
	if v, _ := g.Inspect(context.Background(), call("a", "c", "s", "x")); v.Action != guard.Allow {
		t.Fatalf("%+v", v)
	}
}

func TestConcurrent(t *testing.T) {
	clk := &clock{t: time.Unix(1e9, 0)}
	g := NewWithSettings(Settings{Concurrent: 2, SlotTimeout: config.Duration(time.Minute)}, nil, clk.now)
	a, b := call("a", "c", "s", "x"), call("a", "c", "s", "x")
	for _, ex := range []*guard.Exchange{a, b} {
		if v, _ := g.Inspect(context.Background(), ex); v.Action != guard.Allow {
			t.Fatal(v)
		}
	}
	third := call("a", "c", "s", "x")
	if v, _ := g.Inspect(context.Background(), third); v.Action != guard.Deny || v.Rule != "concurrent" {
		t.Fatalf("third concurrent call: %+v", v)
	}
	if v, _ := g.Inspect(context.Background(), call("b", "c", "s", "x")); v.Action != guard.Allow {
		t.Fatalf("other principal limited: %+v", v)
	}
	// A result frees a slot.
	g.Inspect(context.Background(), result(a))
	if v, _ := g.Inspect(context.Background(), third); v.Action != guard.Allow {
		t.Fatalf("after a result: %+v", v)
	}
	// Release (upstream error) frees one too; a slot never released expires.
	g.Finish(b)
	if v, _ := g.Inspect(context.Background(), call("a", "c", "s", "x")); v.Action != guard.Allow {
		t.Fatalf("after release: %+v", v)
	}
	if v, _ := g.Inspect(context.Background(), call("a", "c", "s", "x")); v.Action != guard.Deny {
		t.Fatalf("cap not enforced: %+v", v)
	}
	clk.add(2 * time.Minute)
	if v, _ := g.Inspect(context.Background(), call("a", "c", "s", "x")); v.Action != guard.Allow {
		t.Fatalf("expired slots kept: %+v", v)
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	load := func(block string) (*Guard, error) {
		doc := "version: 1\nupstreams:\n  - name: db\n    command: [\"true\"]\nguards:\n  ratelimit:\n" + block
		p := filepath.Join(dir, "w.yaml")
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(p)
		if err != nil {
			return nil, err
		}
		return New(cfg.Guard("ratelimit"), nil)
	}
	g, err := load("    per_principal: {rate: 5, burst: 10}\n    concurrent: 4\n    slot_timeout: 30s\n")
	if err != nil {
		t.Fatal(err)
	}
	if g.s.PerPrincipal.Rate != 5 || g.s.Concurrent != 4 || g.s.PerTool != Defaults().PerTool || g.s.SlotTimeout.Std() != 30*time.Second {
		t.Fatalf("%+v", g.s)
	}
	if _, err := load("    per_tool: {rate: 5, burst: 0}\n"); err == nil || !strings.Contains(err.Error(), "w.yaml:7:") {
		t.Fatalf("bad burst: %v", err)
	}
	if _, err := load("    per_tol: {rate: 5}\n"); err == nil {
		t.Fatal("unknown key accepted")
	}
	// Defaults are on with sensible limits.
	d, err := New(config.GuardConfig{}, nil)
	if err != nil || d.s.PerPrincipal.Rate == 0 || d.s.Concurrent == 0 {
		t.Fatalf("defaults: %+v %v", d, err)
	}
}

func TestReload(t *testing.T) {
	dir := t.TempDir()
	gc := func(block string) config.GuardConfig {
		p := filepath.Join(dir, "w.yaml")
		doc := "version: 1\nupstreams:\n  - name: db\n    command: [\"true\"]\nguards:\n  ratelimit:\n" + block
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		return cfg.Guard("ratelimit")
	}
	g, err := New(gc("    per_principal: {rate: 0.001, burst: 1}\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	g.Inspect(context.Background(), call("a", "c", "s", "x"))
	if v, _ := g.Inspect(context.Background(), call("a", "c", "s", "x")); v.Action != guard.Deny {
		t.Fatalf("not limited: %+v", v)
	}
	if err := g.Reload(gc("    per_principal: {rate: -1, burst: 1}\n")); err == nil {
		t.Fatal("bad reload accepted")
	}
	if v, _ := g.Inspect(context.Background(), call("a", "c", "s", "x")); v.Action != guard.Deny {
		t.Fatalf("failed reload changed the limits: %+v", v)
	}
	if err := g.Reload(gc("    per_principal: {rate: 100, burst: 100}\n")); err != nil {
		t.Fatal(err)
	}
	if v, _ := g.Inspect(context.Background(), call("a", "c", "s", "x")); v.Action != guard.Allow {
		t.Fatalf("new limits not in force: %+v", v)
	}
}
