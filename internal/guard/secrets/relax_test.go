package secretsguard

import (
	"strings"
	"testing"
)

func TestRelaxations(t *testing.T) {
	if r := build(t, "", nil, nil).Relaxations(); len(r) != 0 {
		t.Fatalf("defaults announced as relaxations: %q", r)
	}
	g := build(t, "allow:\n  rules: [generic-password]\n  paths: [\"docs/*\"]\n  digests: [\"sha256:"+strings.Repeat("ab", 32)+"\"]", nil, nil)
	got := strings.Join(g.Relaxations(), "\n")
	for _, want := range []string{"generic-password", "docs/*", "1 known values"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}
