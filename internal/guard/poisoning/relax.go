package poisoning

import (
	"fmt"
	"maps"
	"slices"
)

// Relaxations lists what this configuration lets through that the
// defaults would not, for the start-up log and `warden config validate`.
func (g *Guard) Relaxations() []string {
	return g.set.relaxations()
}

func (s Settings) relaxations() []string {
	d := DefaultSettings()
	var out []string
	weaker := func(where string, a Action) {
		if a != "" && a.rank() < d.Action.rank() {
			out = append(out, fmt.Sprintf("poisoning: %s is %s: tools that score as poisoned stay listed and callable", where, a))
		}
	}
	higher := func(where string, t Thresholds) {
		if t.Hide > d.Thresholds.Hide {
			out = append(out, fmt.Sprintf("poisoning: %s.hide is %g, above the default %g: fewer tools are withheld", where, t.Hide, d.Thresholds.Hide))
		}
	}
	weaker("action", s.Action)
	higher("thresholds", s.Thresholds)
	for _, name := range slices.Sorted(maps.Keys(s.Servers)) {
		ss := s.Servers[name]
		weaker("servers."+name+".action", ss.Action)
		if ss.Thresholds != nil {
			higher("servers."+name+".thresholds", *ss.Thresholds)
		}
	}
	if s.Shadowing != nil && !*s.Shadowing {
		out = append(out, "poisoning: shadowing is off: tools that collide with or redirect another server's tools are not checked")
	}
	return slices.Compact(out)
}
