package auth

import (
	"context"
	"errors"

	"github.com/warden-mcp/warden/internal/gateway"
	"github.com/warden-mcp/warden/internal/guard"
)

// ScopeGuard returns a guard that denies a request to an upstream whose
// principal lacks a scope the auth.scopes rules require. It is the in-pipeline backstop of
// CheckScope: the HTTP layer should answer 403 with a step-up challenge
// first, and this guard makes sure no transport path skips the check.
func (a *Authenticator) ScopeGuard() guard.Guard { return scopeGuard{a} }

type scopeGuard struct{ a *Authenticator }

func (scopeGuard) Name() string { return "scopes" }

// Wants the client requests an upstream serves. Unsubscribing is not
// among them: it only ends access, and must work after a scope is lost.
func (scopeGuard) Wants(phase guard.Phase, method string) bool {
	if phase != guard.PhaseRequest {
		return false
	}
	switch method {
	case "tools/call", "prompts/get", "resources/read", "resources/subscribe", "completion/complete":
		return true
	}
	return false
}

func (g scopeGuard) Inspect(_ context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	// A client's answer to a server's request (Result set) is not a request
	// of the upstream's.
	if !g.Wants(ex.Phase, ex.Method) || ex.Result != nil {
		return guard.Verdict{Action: guard.Allow}, nil
	}
	err := g.a.CheckScope(ex.Session.Principal, ex.Server, ex.Method, ex.Name)
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
