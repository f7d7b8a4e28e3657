package secretsguard

import (
	"fmt"
	"strings"
)

// Relaxations lists what this configuration lets through that the
// defaults would not, for the start-up log and `warden config validate`.
func (g *Guard) Relaxations() []string {
	a := g.set.Allow
	var out []string
	if len(a.Rules) > 0 {
		out = append(out, "secrets: allow.rules lets these rules' findings through: "+strings.Join(a.Rules, ", "))
	}
	if len(a.Paths) > 0 {
		out = append(out, "secrets: allow.paths lets secrets through at: "+strings.Join(a.Paths, ", "))
	}
	if len(a.Digests) > 0 {
		out = append(out, fmt.Sprintf("secrets: allow.digests lets %d known values through", len(a.Digests)))
	}
	return out
}
