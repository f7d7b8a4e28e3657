package gateway

import (
	"sync/atomic"

	"golang.org/x/time/rate"
)

// Refusals of messages that never reach a guard (malformed JSON, oversized
// bodies, a bad Host or Origin, headers that contradict the body) are
// audited like any other decision. Many of them come before anyone is
// authenticated, so their audit records are rate limited: a flood of
// garbage must not fill the log's disk. What the limit drops is counted and
// reported in the next record, so nothing disappears without a trace.
const (
	refusalAuditRate  = 20 // records per second, sustained
	refusalAuditBurst = 200
)

type refusalAudit struct {
	lim        *rate.Limiter
	suppressed atomic.Int64
}

func newRefusalAudit() *refusalAudit {
	return &refusalAudit{lim: rate.NewLimiter(refusalAuditRate, refusalAuditBurst)}
}

// refused counts and audits one refused message. reason is the metric's
// label (malformed, too_large, bad_host, ...); msg says what was wrong.
func (g *Gateway) refused(reason, msg string, details map[string]any) {
	g.metrics.TransportError(reason)
	if !g.refusals.lim.Allow() {
		g.refusals.suppressed.Add(1)
		return
	}
	if details == nil {
		details = map[string]any{}
	}
	details["reason"] = reason
	if n := g.refusals.suppressed.Swap(0); n > 0 {
		details["suppressed_before"] = n
	}
	_ = g.auditAsync(Event{Kind: "transport", Verdict: "deny", Reason: msg, Details: details})
}
