package auth

import (
	"context"
	"errors"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
)

// ScopeGuard returns a guard that denies a tools/call whose principal lacks
// a scope the auth.scopes rules require. It is the in-pipeline backstop of
// CheckScope: the HTTP layer should answer 403 with a step-up challenge
// first, and this guard makes sure no transport path skips the check.
func (a *Authenticator) ScopeGuard() guard.Guard { return scopeGuard{a} }

type scopeGuard struct{ a *Authenticator }

func (scopeGuard) Name() string { return "scopes" }

func (scopeGuard) Wants(phase guard.Phase, method string) bool {
	return phase == guard.PhaseRequest && method == "tools/call"
}

func (g scopeGuard) Inspect(_ context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	if ex.Phase != guard.PhaseRequest || ex.Method != "tools/call" {
		return guard.Verdict{Action: guard.Allow}, nil
	}
	err := g.a.CheckScope(ex.Session.Principal, ex.Server, ex.Name)
	if err == nil {
		return guard.Verdict{Action: guard.Allow}, nil
	}
	v := guard.Verdict{Action: guard.Deny, Reason: err.Error()}
	var he *gateway.HTTPError
	if errors.As(err, &he) {
		v.Details = map[string]any{"www_authenticate": he.Header.Get("WWW-Authenticate")}
	}
	return v, nil
}
