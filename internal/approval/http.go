package approval

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// HeaderApprover carries the approver's claimed identity (the CLI sends
// $USER@hostname).
const HeaderApprover = "X-Warden-Approver"

type approverKey struct{}

// WithApprover attaches the authenticated identity of an admin API caller
// to ctx; the handler prefers it to the claimed X-Warden-Approver header.
func WithApprover(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, approverKey{}, name)
}

// approver returns who is deciding: the authenticated identity when there
// is one (with the claimed name alongside when it differs), else the
// claimed name, else the caller's address.
func approver(r *http.Request) string {
	claimed := strings.TrimSpace(r.Header.Get(HeaderApprover))
	if len(claimed) > 200 {
		claimed = claimed[:200]
	}
	auth, _ := r.Context().Value(approverKey{}).(string)
	switch {
	case auth != "" && claimed != "" && claimed != auth:
		return auth + " (" + claimed + ")"
	case auth != "":
		return auth
	case claimed != "":
		return claimed
	}
	return "admin@" + r.RemoteAddr
}

// Handler serves the admin API. Mount it where /admin/reload is mounted,
// behind the same protection (loopback only, authenticated when auth is
// on):
//
//	GET  /admin/approvals            pending requests (?all=1: also decided ones)
//	GET  /admin/approvals/{id}       one request
//	POST /admin/approvals/{id}       {"decision":"approve|deny","scope":"once|session|always","pattern":"...","note":"..."}
//	DELETE /admin/approvals/{id}/standing   revoke standing decisions made on it
//	POST /admin/approvals/webhook    signed chat callback (see CallbackHandler)
func (b *Broker) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/approvals", b.list)
	mux.HandleFunc("GET /admin/approvals/{$}", b.list)
	mux.HandleFunc("GET /admin/approvals/{id}", b.show)
	mux.HandleFunc("POST /admin/approvals/{id}", b.decide)
	mux.HandleFunc("DELETE /admin/approvals/{id}/standing", b.revoke)
	mux.HandleFunc("POST /admin/approvals/webhook", b.callback)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/admin/approvals/webhook" {
			// Signed: it carries its own authentication.
			mux.ServeHTTP(w, r)
			return
		}
		why := ForeignAdminRequest(r)
		if why == "" {
			why = notJSONPost(r)
		}
		if why != "" {
			writeJSON(w, http.StatusForbidden, apiError{why})
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// ForeignAdminRequest says why a request to the admin API may come from a
// web page or through a proxy rather than from the CLI or a script on this
// machine: a browser on this machine reaches loopback too. A Host that does not name loopback
// is a page whose name was rebound to 127.0.0.1 (DNS rebinding: it could
// read the pending ids and approve them); an Origin that is not a loopback
// origin is a cross-site request. "" means none of these.
func ForeignAdminRequest(r *http.Request) string {
	// A reverse proxy on this machine makes every remote caller look like
	// loopback; what it relays is not from this machine.
	for _, h := range []string{"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-Ip"} {
		if r.Header.Get(h) != "" {
			return "the admin API does not answer requests relayed by a proxy (" + h + ")"
		}
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if !loopbackName(host) {
		return "the admin API answers only requests addressed to a loopback name or address (Host " + clip(r.Host) + ")"
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || !loopbackName(u.Hostname()) {
			return "the admin API refuses requests from web pages (Origin " + clip(o) + ")"
		}
	}
	return ""
}

// notJSONPost says why a POST is refused when its body is not declared
// JSON: a form post, which no browser preflights. "" means it is JSON (or
// not a POST).
func notJSONPost(r *http.Request) string {
	if r.Method == http.MethodPost {
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			return "the admin API takes decisions as application/json only"
		}
	}
	return ""
}

func loopbackName(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func clip(s string) string {
	if len(s) > 100 {
		s = s[:100] + "..."
	}
	return strings.ToValidUTF8(s, "?")
}

// CallbackHandler serves only POST /admin/approvals/webhook. It carries
// its own authentication (HMAC signature, timestamp window, single use),
// so it can be exposed where a chat service reaches it without opening
// the rest of the admin API.
func (b *Broker) CallbackHandler() http.Handler { return http.HandlerFunc(b.callback) }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

type apiError struct {
	Error string `json:"error"`
}

// public hides what the API need not show.
func public(r Request) Request {
	r.StateHash = ""
	return r
}

func (b *Broker) list(w http.ResponseWriter, r *http.Request) {
	reqs, err := b.List(r.Context(), r.URL.Query().Get("all") != "")
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	for i := range reqs {
		reqs[i] = public(reqs[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"approvals": reqs})
}

func (b *Broker) show(w http.ResponseWriter, r *http.Request) {
	req, err := b.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, ErrNotFound) {
		writeJSON(w, http.StatusNotFound, apiError{err.Error()})
		return
	}
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, public(req))
}

// DecisionBody is the admin API's decision request.
type DecisionBody struct {
	Decision string `json:"decision"` // approve | deny
	Scope    string `json:"scope,omitempty"`
	Pattern  string `json:"pattern,omitempty"`
	Note     string `json:"note,omitempty"`
}

func (b *Broker) decide(w http.ResponseWriter, r *http.Request) {
	var body DecisionBody
	dec := json.NewDecoder(io.LimitReader(r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{"decoding decision: " + err.Error()})
		return
	}
	d := Decision{Scope: body.Scope, Pattern: body.Pattern, Note: body.Note, Approver: approver(r), Channel: ChannelAdmin}
	switch body.Decision {
	case "approve":
		d.Approve = true
	case "deny":
	default:
		writeJSON(w, http.StatusBadRequest, apiError{`decision must be "approve" or "deny"`})
		return
	}
	b.decideHTTP(w, r, r.PathValue("id"), d)
}

func (b *Broker) decideHTTP(w http.ResponseWriter, r *http.Request, id string, d Decision) {
	err := b.Decide(r.Context(), id, d)
	switch {
	case err == nil:
	case errors.Is(err, ErrNotFound):
		writeJSON(w, http.StatusNotFound, apiError{err.Error()})
		return
	case errors.Is(err, ErrDecided), errors.Is(err, ErrExpired):
		writeJSON(w, http.StatusConflict, apiError{err.Error()})
		return
	case errors.Is(err, ErrInvalid):
		writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
		return
	default:
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	req, err := b.Get(r.Context(), id)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, public(req))
}

func (b *Broker) revoke(w http.ResponseWriter, r *http.Request) {
	n, err := b.Revoke(r.Context(), r.PathValue("id"))
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"revoked": n})
}
