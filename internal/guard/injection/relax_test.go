package injection

import (
	"strings"
	"testing"
)

func TestRelaxations(t *testing.T) {
	if r := DefaultSettings().relaxations(); len(r) != 0 {
		t.Fatalf("defaults announced as relaxations: %q", r)
	}
	s, err := decodeSettings(guardConfig(t, "action: annotate\nthreshold: 0.7\nquarantine_threshold: 0\nservers:\n  mail:\n    action: block\n    tools:\n      read: {action: annotate}"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(s.relaxations(), "\n")
	for _, want := range []string{"injection: action is annotate", "threshold is 0.7", "quarantine_threshold 0", "servers.mail.tools.read.action is annotate"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "servers.mail.action") {
		t.Errorf("a stronger action announced as a relaxation:\n%s", got)
	}
}
