package injection

import (
	"fmt"
	"math"

	"github.com/warden-mcp/warden/internal/config"
)

// Action is what the guard does with flagged content, from weakest to
// strongest.
type Action string

const (
	// Annotate spotlights the content: flagged text is wrapped in markers
	// with a per-result random boundary and datamarked, and a note tells
	// the model it is data, not instructions.
	Annotate Action = "annotate"
	// Redact removes the flagged passages and annotates what is left.
	Redact Action = "redact"
	// Quarantine withholds the whole content, keeps it for a person to
	// review (warden quarantine), and tells the model where it went.
	Quarantine Action = "quarantine"
	// Block refuses the result with an error.
	Block Action = "block"
)

func (a Action) rank() int {
	switch a {
	case Annotate:
		return 1
	case Redact:
		return 2
	case Quarantine:
		return 3
	case Block:
		return 4
	}
	return 0
}

// Policy is the part of the settings that servers and tools override.
// Nil fields inherit.
type Policy struct {
	Action    Action   `yaml:"action"`
	Threshold *float64 `yaml:"threshold"`
	// QuarantineThreshold: scores at or above it are quarantined even when
	// the action is annotate or redact; 0 turns escalation off.
	QuarantineThreshold *float64 `yaml:"quarantine_threshold"`
	// Spotlight annotates content that was not flagged too (for servers
	// whose content is untrusted by nature: tickets, mail, web pages).
	Spotlight *bool `yaml:"spotlight"`
}

// ServerSettings override the defaults for one upstream, and per tool
// (or prompt, or resource URI) under Tools.
type ServerSettings struct {
	Action              Action            `yaml:"action"`
	Threshold           *float64          `yaml:"threshold"`
	QuarantineThreshold *float64          `yaml:"quarantine_threshold"`
	Spotlight           *bool             `yaml:"spotlight"`
	Tools               map[string]Policy `yaml:"tools"`
}

// Settings configure the guard (guards.injection in the configuration).
type Settings struct {
	Action              Action  `yaml:"action"`
	Threshold           float64 `yaml:"threshold"`
	QuarantineThreshold float64 `yaml:"quarantine_threshold"`
	Spotlight           bool    `yaml:"spotlight"`
	// QuarantineTTL is how long quarantined content is kept for review.
	QuarantineTTL config.Duration `yaml:"quarantine_ttl"`
	// QuarantineMaxPerHour bounds the entries one server can quarantine in
	// an hour (0: quarantine.DefaultMaxPerHour); past it the content is
	// blocked, not kept, so a flood cannot fill the store.
	QuarantineMaxPerHour int                       `yaml:"quarantine_max_per_hour"`
	Servers              map[string]ServerSettings `yaml:"servers"`
}

// DefaultSettings are what a careful team would choose: remove what
// looks like instructions and mark the rest as data, so the model keeps
// the useful part of a result; withhold content that is almost surely an
// attack (score 0.9 and up) for a person to review; refusing outright is
// an explicit choice, since an error teaches the model nothing about the
// content it asked for.
func DefaultSettings() Settings {
	return Settings{Action: Redact, Threshold: 0.5, QuarantineThreshold: 0.9}
}

// resolved is the policy in force for one server and tool.
type resolved struct {
	action    Action
	threshold float64
	qth       float64
	spotlight bool
}

func (s Settings) policy(server, tool string) resolved {
	r := resolved{action: s.Action, threshold: s.Threshold, qth: s.QuarantineThreshold, spotlight: s.Spotlight}
	apply := func(a Action, th, qth *float64, sp *bool) {
		if a != "" {
			r.action = a
		}
		if th != nil {
			r.threshold = *th
		}
		if qth != nil {
			r.qth = *qth
		}
		if sp != nil {
			r.spotlight = *sp
		}
	}
	if ss, ok := s.Servers[server]; ok {
		apply(ss.Action, ss.Threshold, ss.QuarantineThreshold, ss.Spotlight)
		if tp, ok := ss.Tools[tool]; ok {
			apply(tp.Action, tp.Threshold, tp.QuarantineThreshold, tp.Spotlight)
		}
	}
	if r.action == "" {
		r.action = Redact
	}
	return r
}

// validate checks actions and thresholds, with file:line problems.
func (s Settings) validate(gc config.GuardConfig) error {
	var ps []config.Problem
	checkA := func(field string, a Action) {
		if a != "" && a.rank() == 0 {
			ps = append(ps, gc.Problem(field, fmt.Sprintf("unknown action %q (want annotate, redact, quarantine or block)", a)))
		}
	}
	checkT := func(field string, v *float64) {
		if v != nil && (*v < 0 || *v > 1 || math.IsNaN(*v)) {
			ps = append(ps, gc.Problem(field, "must be in [0,1]"))
		}
	}
	checkA("action", s.Action)
	checkT("threshold", &s.Threshold)
	checkT("quarantine_threshold", &s.QuarantineThreshold)
	if s.Threshold == 0 {
		ps = append(ps, gc.Problem("threshold", "must be above 0 (0 would flag everything)"))
	}
	if s.QuarantineTTL < 0 {
		ps = append(ps, gc.Problem("quarantine_ttl", "must not be negative"))
	}
	if s.QuarantineMaxPerHour < 0 {
		ps = append(ps, gc.Problem("quarantine_max_per_hour", "must not be negative"))
	}
	for name, ss := range s.Servers {
		p := "servers." + name
		checkA(p+".action", ss.Action)
		checkT(p+".threshold", ss.Threshold)
		checkT(p+".quarantine_threshold", ss.QuarantineThreshold)
		for tool, tp := range ss.Tools {
			tpath := p + ".tools." + tool
			checkA(tpath+".action", tp.Action)
			checkT(tpath+".threshold", tp.Threshold)
			checkT(tpath+".quarantine_threshold", tp.QuarantineThreshold)
		}
	}
	for name, ss := range s.Servers {
		for tool := range ss.Tools {
			if r := s.policy(name, tool); r.threshold == 0 {
				ps = append(ps, gc.Problem("servers."+name+".tools."+tool+".threshold", "must be above 0"))
			}
		}
		if r := s.policy(name, ""); r.threshold == 0 {
			ps = append(ps, gc.Problem("servers."+name+".threshold", "must be above 0"))
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return &config.Error{Problems: ps}
}
