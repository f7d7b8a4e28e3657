package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warden-mcp/warden/internal/app"
	"github.com/warden-mcp/warden/internal/config"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"100", 100, true}, {"10K", 10240, true}, {"100kb", 102400, true}, {"1KiB", 1024, true},
		{"0", 0, true}, {"-1", 0, false}, {"x", 0, false}, {"5000K", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		ok       bool
		sessions int
		duration time.Duration
	}{
		{"defaults", nil, true, 10000, 4 * time.Second},
		{"quick", []string{"--quick"}, true, 1000, 600 * time.Millisecond},
		{"skip idle", []string{"--sessions", "-1"}, true, -1, 4 * time.Second},
		{"bad concurrency", []string{"--concurrency", "0"}, false, 0, 0},
		{"bad payload", []string{"--payloads", "1,x"}, false, 0, 0},
		{"stray argument", []string{"now"}, false, 0, 0},
		{"too long", []string{"--duration", "1h"}, false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := parseFlags(tt.args, io.Discard)
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok=%v", err, tt.ok)
			}
			if tt.ok && (s.Sessions != tt.sessions || s.Duration != tt.duration) {
				t.Fatalf("got sessions %d duration %v", s.Sessions, s.Duration)
			}
		})
	}
}

func TestShellJoin(t *testing.T) {
	got := shellJoin([]string{"bin/warden", "--x", "a b", "it's", ""})
	want := `bin/warden --x 'a b' 'it'\''s' ''`
	if got != want {
		t.Fatalf("shellJoin = %s, want %s", got, want)
	}
}

// TestWardenConfig checks that the generated configs load in Warden's own
// config package, and that "off" disables every guard this build has
// while "on" leaves every guard (known now or later) enabled.
func TestWardenConfig(t *testing.T) {
	dir := t.TempDir()
	for _, off := range []bool{false, true} {
		p := filepath.Join(dir, "w.yaml")
		if err := wardenConfig(p, "127.0.0.1:9", filepath.Join(dir, "data"), "http://127.0.0.1:8/mcp", off, 20000); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(p)
		if err != nil {
			t.Fatalf("off=%v: %v", off, err)
		}
		if err := cfg.CheckGuards(app.KnownGuards()); err != nil {
			t.Fatalf("off=%v: %v", off, err)
		}
		if cfg.Limits.MaxSessions != 20000 || len(cfg.Upstreams) != 1 || cfg.Upstreams[0].URL != "http://127.0.0.1:8/mcp" {
			t.Fatalf("off=%v: unexpected config %+v", off, cfg)
		}
		for _, g := range append(app.KnownGuards(), "a-guard-added-later") {
			if on := cfg.Guard(g).Enabled(); on == off && g != "a-guard-added-later" {
				t.Errorf("off=%v: guard %s enabled=%v", off, g, on)
			}
		}
		if !off && !cfg.Guard("a-guard-added-later").Enabled() {
			t.Error("a guard the config does not mention is off")
		}
	}
}

func TestReadListening(t *testing.T) {
	if u, err := readListening(strings.NewReader("listening http://127.0.0.1:5\n"), time.Second); err != nil || u != "http://127.0.0.1:5" {
		t.Fatalf("got %q, %v", u, err)
	}
	if _, err := readListening(strings.NewReader("panic: boom\n"), time.Second); err == nil {
		t.Fatal("a wrong first line was accepted")
	}
	r, w := io.Pipe()
	defer w.Close()
	if _, err := readListening(r, 50*time.Millisecond); err == nil {
		t.Fatal("silence was accepted")
	}
}

// TestEndToEnd runs the whole benchmark, briefly, against a real warden
// binary. It needs WARDENBENCH_WARDEN (the path of bin/warden) because
// building Warden here would take most of the test's time budget;
// scripts/bench.sh --quick runs the same in CI.
func TestEndToEnd(t *testing.T) {
	bin := os.Getenv("WARDENBENCH_WARDEN")
	if bin == "" {
		t.Skip("set WARDENBENCH_WARDEN=path/to/bin/warden to run the end-to-end benchmark test")
	}
	exe := filepath.Join(t.TempDir(), "wardenbench")
	if out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("building wardenbench: %v\n%s", err, out)
	}
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "--warden", bin, "--out", out, "--payloads", "100", "--concurrency", "2",
		"--warmup", "50ms", "--duration", "200ms", "--sessions", "20")
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("wardenbench: %v\n%s", err, b)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.md"))
	if len(files) != 1 {
		t.Fatalf("want one results file, got %v\n%s", files, b)
	}
	md, _ := os.ReadFile(files[0])
	for _, want := range []string{"warden-guards-on", "stateless", "Idle sessions", "nproc", "--sessions 20"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("results lack %q:\n%s", want, md)
		}
	}
}
