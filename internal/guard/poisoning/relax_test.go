package poisoning

import (
	"strings"
	"testing"
)

func TestRelaxations(t *testing.T) {
	if r := DefaultSettings().relaxations(); len(r) != 0 {
		t.Fatalf("defaults announced as relaxations: %q", r)
	}
	off := false
	s := DefaultSettings()
	s.Action = Flag
	s.Thresholds.Hide = 0.8
	s.Shadowing = &off
	s.Servers = map[string]ServerSettings{"b": {Action: Sanitise}, "a": {Action: Block}, "c": {Thresholds: &Thresholds{Hide: 0.95}}}
	got := strings.Join(s.relaxations(), "\n")
	for _, want := range []string{"action is flag", "thresholds.hide is 0.8", "servers.b.action is sanitise", "servers.c.thresholds.hide is 0.95", "shadowing is off"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "servers.a") {
		t.Errorf("a stronger action announced as a relaxation:\n%s", got)
	}
}
