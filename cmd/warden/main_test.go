package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommands(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("version: 1\nupstreams:\n  - name: x\n    url: ftp://nope\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("version: 1\nupstreams:\n  - name: x\n    url: http://127.0.0.1:9/mcp\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	badPolicy := filepath.Join(dir, "bad-policy.yaml")
	if err := os.WriteFile(badPolicy, []byte("version: 1\nupstreams:\n  - name: x\n    url: http://127.0.0.1:9/mcp\nguards:\n  policy:\n    rules:\n      - {name: r, when: 'tool.name ==', action: deny}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	badLabel := filepath.Join(dir, "bad-label.yaml")
	if err := os.WriteFile(badLabel, []byte("version: 1\nupstreams:\n  - name: x\n    url: http://127.0.0.1:9/mcp\nguards:\n  flow:\n    labels: {x: {send: [exfiltrates]}}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A file where the data directory should be, and a store that is not
	// a database: wrap fails closed, says why on stderr, and writes
	// nothing to stdout (the client's protocol stream).
	notDir := filepath.Join(dir, "not-a-dir")
	if err := os.WriteFile(notDir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	badStore := filepath.Join(dir, "bad-store")
	if err := os.MkdirAll(badStore, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(badStore, "warden.db"), []byte(strings.Repeat("not a database ", 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	relaxed := filepath.Join(dir, "relaxed.yaml")
	if err := os.WriteFile(relaxed, []byte("version: 1\nupstreams:\n  - name: x\n    url: http://127.0.0.1:9/mcp\nguards:\n  schema: {unlisted_tools: allow}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{}, 2, "", "Usage"},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"version"}, 0, "warden", ""},
		{[]string{"config", "validate", good}, 0, "valid (1 upstreams)", ""},
		{[]string{"config", "validate", bad}, 1, "", "bad.yaml:4:"},
		{[]string{"config", "validate"}, 2, "", "expected"},
		{[]string{"config", "validate", badPolicy}, 1, "", "bad-policy.yaml:8:"},
		{[]string{"config", "validate", badLabel}, 1, "", "exfiltrates"},
		{[]string{"serve", "--config", good, "--listen", "127.0.0.1:0"}, 2, "", "cannot be combined"},
		{[]string{"wrap"}, 2, "", "needs a command"},
		{[]string{"serve", "--help"}, 0, "", "usage: warden serve"},
		{[]string{"wrap", "-h"}, 0, "", "usage: warden wrap"},
		{[]string{"audit", "verify", "--data-dir", filepath.Join(dir, "none")}, 1, "", "opening the audit store"},
		{[]string{"eval"}, 2, "", "usage: warden eval <kind>"},
		{[]string{"eval", "--help"}, 0, "kinds:", ""},
		{[]string{"audit", "-h"}, 0, "verify", ""},
		{[]string{"config", "help"}, 0, "usage: warden config validate", ""},
		// Help needs no store: the data directory is never opened.
		{[]string{"pins", "--help"}, 0, "approve", ""},
		{[]string{"quarantine"}, 2, "", "release"},
		// A mistyped flag or subcommand is a usage mistake (2), like
		// everywhere else, and is said before any store is opened.
		{[]string{"serve", "--bogus"}, 2, "", "flag provided but not defined"},
		{[]string{"wrap", "--bogus", "--", "true"}, 2, "", "flag provided but not defined"},
		{[]string{"audit", "tail", "--bogus"}, 2, "", "flag provided but not defined"},
		{[]string{"audit", "nope", "--data-dir", filepath.Join(dir, "none")}, 2, "", "expected 'warden audit tail'"},
		{[]string{"audit", "tail", "extra", "--data-dir", filepath.Join(dir, "none")}, 2, "", "unexpected arguments"},
		{[]string{"wrap", "--name", "Bad Name", "--", "true"}, 2, "", `--name "Bad Name"`},
		{[]string{"wrap", "--data-dir", notDir, "--", "true"}, 1, "", "creating data directory"},
		{[]string{"wrap", "--data-dir", badStore, "--", "true"}, 1, "", "opening the store"},
		// The guards' own relaxations are listed with the configuration's.
		{[]string{"config", "validate", relaxed}, 0, "warning: guards.schema: unlisted_tools is allow", ""},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := run(c.args, strings.NewReader(""), &out, &errb)
		if len(c.args) > 0 && c.args[0] == "wrap" && out.Len() > 0 {
			t.Errorf("warden %v wrote to stdout: %q", c.args, out.String())
		}
		if code != c.code || !strings.Contains(out.String(), c.stdout) || !strings.Contains(errb.String(), c.stderr) {
			t.Errorf("warden %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout with %q, stderr with %q",
				c.args, code, out.String(), errb.String(), c.code, c.stdout, c.stderr)
		}
	}
}
