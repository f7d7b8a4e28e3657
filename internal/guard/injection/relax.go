package injection

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
	check := func(where string, a Action, th, qth *float64) {
		if a != "" && a.rank() < d.Action.rank() {
			out = append(out, fmt.Sprintf("injection: %saction is %s: flagged passages reach the model, marked as data, not removed", where, a))
		}
		if th != nil && *th > d.Threshold {
			out = append(out, fmt.Sprintf("injection: %sthreshold is %g, above the default %g: less content is flagged", where, *th, d.Threshold))
		}
		if qth != nil && (*qth == 0 || *qth > d.QuarantineThreshold) {
			what := fmt.Sprintf("is %g, above the default %g", *qth, d.QuarantineThreshold)
			if *qth == 0 {
				what = "0: nothing is withheld for review"
			}
			out = append(out, fmt.Sprintf("injection: %squarantine_threshold %s", where, what))
		}
	}
	check("", s.Action, &s.Threshold, &s.QuarantineThreshold)
	for _, name := range slices.Sorted(maps.Keys(s.Servers)) {
		ss := s.Servers[name]
		check("servers."+name+".", ss.Action, ss.Threshold, ss.QuarantineThreshold)
		for _, tool := range slices.Sorted(maps.Keys(ss.Tools)) {
			tp := ss.Tools[tool]
			check("servers."+name+".tools."+tool+".", tp.Action, tp.Threshold, tp.QuarantineThreshold)
		}
	}
	return out
}
