package demo

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/warden-mcp/warden/examples/helpdesk"
	"github.com/warden-mcp/warden/internal/app"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestParseLayers(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]bool
		wantErr bool
	}{
		{in: "", want: nil},
		{in: "all", want: nil},
		{in: "-flow", want: map[string]bool{"injection": true, "flow": false, "secrets": true, "policy": true}},
		{in: "-flow,-secrets", want: map[string]bool{"injection": true, "flow": false, "secrets": false, "policy": true}},
		{in: "policy", want: map[string]bool{"injection": false, "flow": false, "secrets": false, "policy": true}},
		{in: "injection, policy", want: map[string]bool{"injection": true, "flow": false, "secrets": false, "policy": true}},
		{in: "policy,-flow", wantErr: true},
		{in: "firewall", wantErr: true},
		{in: "-", wantErr: true},
	}
	for _, tt := range tests {
		got, err := ParseLayers(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("%q: err = %v", tt.in, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: %v, want %v", tt.in, got, tt.want)
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%q: %s = %v, want %v", tt.in, k, got[k], v)
			}
		}
	}
}

func TestPrepareConfig(t *testing.T) {
	dir := t.TempDir()
	cfg, states, err := prepareConfig(helpdesk.Config(), helpdesk.ConfigName, "http://127.0.0.1:1/mcp", dir, map[string]bool{"policy": false})
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Upstreams) != 1 || cfg.Upstreams[0].Name != "helpdesk" || cfg.Upstreams[0].URL != "http://127.0.0.1:1/mcp" || len(cfg.Upstreams[0].Command) != 0 {
		t.Errorf("upstreams: %+v", cfg.Upstreams)
	}
	if cfg.DataDir != dir {
		t.Errorf("data_dir %q, want %q", cfg.DataDir, dir)
	}
	if err := cfg.CheckGuards(app.KnownGuards()); err != nil {
		t.Errorf("the prepared config names guards this build lacks: %v", err)
	}
	known := app.KnownGuards()
	for _, s := range states {
		switch {
		case !slices.Contains(known, s.Name):
			if s.State != "missing" {
				t.Errorf("%s: %s, want missing", s.Name, s.State)
			}
		case s.Name == "policy":
			if s.State != "off" || cfg.Guard("policy").Enabled() {
				t.Errorf("policy: %s, enabled %v; want off", s.State, cfg.Guard("policy").Enabled())
			}
		default:
			if s.State != "on" || !cfg.Guard(s.Name).Enabled() {
				t.Errorf("%s: %s; want on", s.Name, s.State)
			}
		}
	}
	if _, _, err := prepareConfig([]byte("- a list"), "x.yaml", "http://127.0.0.1:1/mcp", dir, nil); err == nil {
		t.Error("a document that is not a mapping was accepted")
	}
}

// TestDirectTranscript pins the first run's transcript: the breach as the
// demo shows it, with the tokens masked.
func TestDirectTranscript(t *testing.T) {
	var out bytes.Buffer
	ph, err := RunDirect(context.Background(), Options{Out: &out, Human: HumanCareful})
	if err != nil {
		t.Fatal(err)
	}
	if !ph.OK || len(ph.Leaked) != 3 {
		t.Fatalf("the direct run did not leak the three tokens: %+v", ph)
	}
	for _, tok := range helpdesk.New().Tokens() {
		if bytes.Contains(out.Bytes(), []byte(tok)) {
			t.Fatal("the transcript prints a whole token")
		}
	}
	golden := filepath.Join("testdata", "direct.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("transcript differs from %s (go test -run TestDirectTranscript -update to accept):\n%s", golden, out.String())
	}
}
