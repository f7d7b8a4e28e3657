package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := RunCLI(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExampleSuitePasses(t *testing.T) {
	code, out, errs := run("test", "../../../examples/policy/policy_test.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "10 passed, 0 failed") {
		t.Fatalf("summary: %s", out)
	}
}

func TestFailingCase(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("p.yaml", "default: deny\nrules:\n  - {name: echo, when: tool.name == 'echo', action: allow}\n")
	suite := write("t.yaml", `policy: p.yaml
cases:
  - {name: echo ok, server: s, tool: echo, expect: allow, rule: echo, listed: true}
  - {name: wrong, server: s, tool: other, expect: allow}
  - {name: wrong rule, server: s, tool: echo, expect: allow, rule: nope}
`)
	code, out, _ := run("test", suite)
	if code != ExitFailed {
		t.Fatalf("exit %d: %s", code, out)
	}
	for _, want := range []string{"ok   " + suite + ": echo ok", "FAIL " + suite + ": wrong: got deny by rule default", "decided by rule echo, want nope", "1 passed, 2 failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// A broken policy is a usage error with its position.
	write("p.yaml", "rules:\n  - {name: a, when: 'nope', action: allow}\n")
	code, _, errs := run("test", suite)
	if code != ExitUsage || !strings.Contains(errs, "p.yaml:2:") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// Unknown fields in a test file are errors, not silently ignored.
	bad := write("bad.yaml", "policy: p.yaml\ncases:\n  - {name: x, expct: allow}\n")
	if code, _, errs := run("test", bad); code != ExitUsage || !strings.Contains(errs, "expct") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if code, _, _ := run("test"); code != ExitUsage {
		t.Fatal("no file accepted")
	}
	if code, _, _ := run("frobnicate"); code != ExitUsage {
		t.Fatal("unknown command accepted")
	}
}

func TestExplain(t *testing.T) {
	code, out, errs := run("explain", "-policy", "../../../examples/policy/policy.yaml",
		"-server", "db", "-tool", "query", "-subject", "alice", "-groups", "support", "-args", `{"sql":"DELETE FROM customers"}`,
		"-time", "2026-11-26T10:00:00Z") // inside the example's office hours, whenever the test runs
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"redact-api-keys", "support-reads-customers", "decision: deny by constraint:db/query/sql", "listed: true"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run("explain", "-policy", "../../../examples/policy/policy.yaml",
		"-server", "db", "-tool", "query", "-subject", "alice", "-groups", "support", "-time", "2026-11-26T21:00:00Z")
	if code != ExitOK || !strings.Contains(out, "listed: false (by office-hours-only)") {
		t.Errorf("explain at 21:00 UTC: exit %d, want the tool hidden by office-hours-only:\n%s", code, out)
	}
	if code, _, _ := run("explain", "-server", "db"); code != ExitUsage {
		t.Fatal("explain without a policy accepted")
	}
}
