package guard

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

type fn struct {
	name string
	f    func(ctx context.Context, ex *Exchange) (Verdict, error)
}

func (g fn) Name() string { return g.name }
func (g fn) Inspect(ctx context.Context, ex *Exchange) (Verdict, error) {
	return g.f(ctx, ex)
}

func verdict(a Action, reason string) fn {
	return fn{name: a.String(), f: func(context.Context, *Exchange) (Verdict, error) { return Verdict{Action: a, Reason: reason}, nil }}
}

type onlyResults struct{ fn }

func (onlyResults) Wants(p Phase, _ string) bool { return p == PhaseResult }

func TestChain(t *testing.T) {
	ran := false
	tracker := fn{name: "tracker", f: func(context.Context, *Exchange) (Verdict, error) { ran = true; return Verdict{}, nil }}
	cases := []struct {
		name       string
		guards     []Guard
		want       Action
		wantGuard  string
		reasonHas  string
		nVerdicts  int
		trackerRan bool
	}{
		{"empty chain allows", nil, Allow, "", "", 0, false},
		{"all allow", []Guard{verdict(Allow, ""), tracker}, Allow, "", "", 0, true},
		{"deny stops the chain", []Guard{verdict(Deny, "no"), tracker}, Deny, "deny", "no", 1, false},
		{"modify continues", []Guard{verdict(Modify, "redacted"), tracker}, Modify, "modify", "redacted", 1, true},
		{"deny after modify wins", []Guard{verdict(Modify, "m"), verdict(Deny, "d")}, Deny, "deny", "d", 2, false},
		{"error fails closed", []Guard{fn{name: "bad", f: func(context.Context, *Exchange) (Verdict, error) {
			return Verdict{}, errors.New("db down")
		}}, tracker}, Deny, "bad", "db down", 1, false},
		{"panic fails closed", []Guard{fn{name: "panicky", f: func(context.Context, *Exchange) (Verdict, error) {
			panic("oops")
		}}}, Deny, "panicky", "panic", 1, false},
		{"slow guard fails closed", []Guard{fn{name: "slow", f: func(ctx context.Context, _ *Exchange) (Verdict, error) {
			<-ctx.Done()
			return Verdict{Action: Allow}, nil
		}}}, Deny, "slow", "did not decide in time", 1, false},
		{"guard that computes past the bound fails closed", []Guard{fn{name: "busy", f: func(ctx context.Context, _ *Exchange) (Verdict, error) {
			time.Sleep(60 * time.Millisecond) // never looks at ctx
			return Verdict{Action: Allow}, nil
		}}}, Deny, "busy", "did not decide in time", 1, false},
		{"bound reaches a derived context", []Guard{fn{name: "derived", f: func(ctx context.Context, _ *Exchange) (Verdict, error) {
			child, cancel := context.WithCancel(ctx)
			defer cancel()
			if d, ok := child.Deadline(); !ok || time.Until(d) > 50*time.Millisecond {
				return Verdict{}, errors.New("the derived context lost the bound")
			}
			<-child.Done()
			return Verdict{Action: Allow}, nil
		}}}, Deny, "derived", "did not decide in time", 1, false},
		{"hold resolved to allow", []Guard{fn{name: "approval", f: func(context.Context, *Exchange) (Verdict, error) {
			return Verdict{Action: Hold, Wait: func(context.Context) (Verdict, error) { return Verdict{Action: Allow}, nil }}, nil
		}}, tracker}, Allow, "", "", 0, true},
		{"hold resolved to deny", []Guard{fn{name: "approval", f: func(context.Context, *Exchange) (Verdict, error) {
			return Verdict{Action: Hold, Wait: func(context.Context) (Verdict, error) { return Verdict{Action: Deny, Reason: "rejected"}, nil }}, nil
		}}}, Deny, "approval", "rejected", 1, false},
		{"hold without wait fails closed", []Guard{verdict(Hold, "")}, Deny, "hold", "without a way to wait", 1, false},
		{"filtered guard skipped", []Guard{onlyResults{verdict(Deny, "x")}, tracker}, Allow, "", "", 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ran = false
			out := NewChain(50*time.Millisecond, c.guards...).Run(context.Background(), &Exchange{Phase: PhaseRequest, Method: "tools/call"})
			if out.Final.Action != c.want || out.Final.Guard != c.wantGuard || !strings.Contains(out.Final.Reason, c.reasonHas) {
				t.Errorf("final = %+v, want %s by %q containing %q", out.Final, c.want, c.wantGuard, c.reasonHas)
			}
			if len(out.Verdicts) != c.nVerdicts {
				t.Errorf("%d verdicts recorded, want %d", len(out.Verdicts), c.nVerdicts)
			}
			if ran != c.trackerRan {
				t.Errorf("later guard ran = %v, want %v", ran, c.trackerRan)
			}
		})
	}
}

func TestPrincipalString(t *testing.T) {
	var p *Principal
	if p.String() != "anonymous" {
		t.Error("nil principal")
	}
	if (&Principal{Issuer: "https://idp", Subject: "u1"}).String() != "https://idp#u1" {
		t.Error("issuer#subject")
	}
}

func TestLazyDeadlineFollowsParent(t *testing.T) {
	parent, cancel := context.WithCancel(context.Background())
	lc := withLazyDeadline(parent, time.Hour)
	defer lc.release()
	if lc.Err() != nil {
		t.Fatalf("fresh context: %v", lc.Err())
	}
	cancel()
	if !errors.Is(lc.Err(), context.Canceled) {
		t.Errorf("Err after the parent was cancelled = %v", lc.Err())
	}
	select {
	case <-lc.Done():
	case <-time.After(time.Second):
		t.Fatal("Done did not close after the parent was cancelled")
	}
	short := withLazyDeadline(context.Background(), time.Millisecond)
	defer short.release()
	time.Sleep(5 * time.Millisecond)
	if !errors.Is(short.Err(), context.DeadlineExceeded) {
		t.Errorf("Err past the deadline = %v", short.Err())
	}
}
