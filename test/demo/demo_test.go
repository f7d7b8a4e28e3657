// Package demo_test is the end-to-end test of `warden demo` (docs/demo.md):
// the seed's breach reproduced straight against the helpdesk, and stopped
// by Warden with all its layers, with any single one turned off, and with
// each alone; the ordinary workflow still gets done.
//
// Each Warden-side test needs the guards it exercises. Until a guard is in
// this build (app.KnownGuards), the tests that need it skip, naming it, so
// they start to count the moment it lands.
package demo_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/app"
	"github.com/warden-mcp/warden/internal/demo"
)

// need skips the test unless every named guard is in this build.
func need(t *testing.T, guards ...string) {
	t.Helper()
	known := app.KnownGuards()
	var missing []string
	for _, g := range guards {
		if !slices.Contains(known, g) {
			missing = append(missing, g)
		}
	}
	if len(missing) > 0 {
		t.Skipf("guard(s) %s not in this build yet (have: %s); this test runs once they land",
			strings.Join(missing, ", "), strings.Join(known, ", "))
	}
}

func run(t *testing.T, o demo.Options) (*demo.Report, string) {
	t.Helper()
	var out bytes.Buffer
	o.Out = &out
	o.Timeout = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	rep, err := demo.Run(ctx, o)
	if err != nil {
		t.Fatalf("the demo did not run: %v\n%s", err, out.String())
	}
	return rep, out.String()
}

func only(layers ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range demo.Layers() {
		m[l] = slices.Contains(layers, l)
	}
	return m
}

func without(layer string) map[string]bool {
	m := only(demo.Layers()...)
	m[layer] = false
	return m
}

func others(layer string) []string {
	return slices.DeleteFunc(demo.Layers(), func(l string) bool { return l == layer })
}

// checkAttackFailed fails the test if a token reached a public thread.
func checkAttackFailed(t *testing.T, rep *demo.Report, out string) {
	t.Helper()
	if !rep.Attack.OK || len(rep.Attack.Leaked) > 0 {
		t.Fatalf("the attack succeeded through Warden: %s\n%s", rep.Attack.Verdict, out)
	}
}

func checkOrdinaryDone(t *testing.T, rep *demo.Report, out string) {
	t.Helper()
	if !rep.Ordinary.OK {
		t.Fatalf("the ordinary workflow failed: %s\n%s", rep.Ordinary.Verdict, out)
	}
}

// TestDirectRunLeaks: without Warden the scripted agent reproduces the
// breach; otherwise the rest of the suite proves nothing.
func TestDirectRunLeaks(t *testing.T) {
	var out bytes.Buffer
	ph, err := demo.RunDirect(context.Background(), demo.Options{Out: &out})
	if err != nil {
		t.Fatal(err)
	}
	if !ph.OK || len(ph.Leaked) == 0 {
		t.Fatalf("the direct run did not leak: %s\n%s", ph.Verdict, out.String())
	}
}

// TestAllLayers is `warden demo` as shipped: exit code 0.
// Over the stateless protocol, approvals travel as input_required results
// and the flow facts of the attack carry over to the ordinary work (same
// principal and client); the ordinary reply must still go out.
func TestAllLayers(t *testing.T) {
	need(t, demo.Layers()...)
	for _, proto := range []string{demo.ProtocolSessions, demo.ProtocolStateless} {
		t.Run(proto, func(t *testing.T) {
			rep, out := run(t, demo.Options{Protocol: proto})
			checkAttackFailed(t, rep, out)
			checkOrdinaryDone(t, rep, out)
			if !rep.OK {
				t.Fatalf("report not OK\n%s", out)
			}
			// The ordinary reply needed the person's approval (read
			// untrusted tickets, read private data, then an external
			// sink), and got it.
			if len(rep.Ordinary.Approvals) == 0 || rep.Ordinary.Approvals[0].Decision != "accept" {
				t.Errorf("the ordinary reply went out without an approval: %+v\n%s", rep.Ordinary.Approvals, out)
			}
		})
	}
}

// TestOneLayerOff: defense in depth. The attack fails with any single
// layer turned off, and the ordinary workflow still succeeds.
func TestOneLayerOff(t *testing.T) {
	for _, layer := range demo.Layers() {
		t.Run("without_"+layer, func(t *testing.T) {
			need(t, others(layer)...)
			rep, out := run(t, demo.Options{Layers: without(layer), SkipDirect: true})
			checkAttackFailed(t, rep, out)
			checkOrdinaryDone(t, rep, out)
			if slices.Contains(rep.Attack.Acted, layer) {
				t.Errorf("layer %s acted although it was off\n%s", layer, out)
			}
		})
	}
}

// TestEachLayerAlone: each layer by itself stops the seeded attack, and
// none of them stops the ordinary work.
func TestEachLayerAlone(t *testing.T) {
	for _, layer := range demo.Layers() {
		t.Run(layer, func(t *testing.T) {
			need(t, layer)
			rep, out := run(t, demo.Options{Layers: only(layer), SkipDirect: true})
			checkAttackFailed(t, rep, out)
			checkOrdinaryDone(t, rep, out)
			if !slices.Contains(rep.Attack.Acted, layer) {
				t.Errorf("the attack failed but layer %s, the only one on, did not act (acted: %v)\n%s", layer, rep.Attack.Acted, out)
			}
		})
	}
}

// TestRubberStamp: a person who approves everything turns the flow rule
// into nothing; the other layers still stop the attack.
func TestRubberStamp(t *testing.T) {
	need(t, demo.Layers()...)
	rep, out := run(t, demo.Options{Human: demo.HumanApprove, SkipDirect: true})
	checkAttackFailed(t, rep, out)
	checkOrdinaryDone(t, rep, out)
}

// TestNobodyAnswers: an approval nobody answers is a deny once the
// configured timeout passes: the attack fails, and so does the ordinary
// reply (fail closed), with the flow rule as the only layer.
func TestNobodyAnswers(t *testing.T) {
	need(t, "flow")
	rep, out := run(t, demo.Options{Human: demo.HumanAway, Layers: only("flow"), SkipDirect: true})
	checkAttackFailed(t, rep, out)
	if rep.Ordinary.Done {
		t.Fatalf("the ordinary reply went out although nobody approved it\n%s", out)
	}
	if rep.OK {
		t.Fatal("the report is OK although the ordinary work could not be done")
	}
}

// TestWithThisBuild runs the demo with whatever layers this build has, so
// the Warden side of the demo (config, in-process gateway, audit reading)
// is exercised before all the guards exist.
func TestWithThisBuild(t *testing.T) {
	var have []string
	for _, l := range demo.Layers() {
		if slices.Contains(app.KnownGuards(), l) {
			have = append(have, l)
		}
	}
	if len(have) == 0 {
		t.Skip("none of the demo's layers is in this build")
	}
	for _, proto := range []string{demo.ProtocolSessions, demo.ProtocolStateless} {
		t.Run(proto, func(t *testing.T) {
			rep, out := run(t, demo.Options{Protocol: proto})
			if rep.Direct == nil || !rep.Direct.OK {
				t.Fatalf("the direct run did not leak\n%s", out)
			}
			checkAttackFailed(t, rep, out)
			checkOrdinaryDone(t, rep, out)
			if !rep.OK {
				t.Fatalf("report not OK\n%s", out)
			}
			for _, l := range rep.Layers {
				if want := slices.Contains(have, l.Name); want != (l.State == "on") {
					t.Errorf("layer %s: %s", l.Name, l.State)
				}
			}
		})
	}
}

func TestUnknownLayerRefused(t *testing.T) {
	if _, err := demo.Run(context.Background(), demo.Options{Layers: map[string]bool{"firewall": false}}); err == nil {
		t.Fatal("an unknown layer was accepted")
	}
	if _, err := demo.Run(context.Background(), demo.Options{Human: "sometimes"}); err == nil {
		t.Fatal("an unknown human mode was accepted")
	}
}
