package mcp

import (
	"strings"
	"unicode"
)

// Protocol versions Warden speaks, newest first.
const (
	Version20260728 = "2026-07-28"
	Version20251125 = "2025-11-25"
	Version20250618 = "2025-06-18"
	Version20250326 = "2025-03-26"
	Version20241105 = "2024-11-05"

	LatestVersion       = Version20260728
	LatestLegacyVersion = Version20251125
)

// LegacyVersions are the initialize-based (stateful) revisions.
var legacyVersions = [...]string{Version20251125, Version20250618, Version20250326, Version20241105}

// LegacyVersions returns the stateful revisions, newest first.
func LegacyVersions() []string { return legacyVersions[:] }

// ModernVersions returns the stateless revisions, newest first.
func ModernVersions() []string { return []string{Version20260728} }

// AllVersions returns every supported revision, newest first.
func AllVersions() []string { return append(ModernVersions(), LegacyVersions()...) }

// IsModern reports whether v is a stateless (per-request _meta) revision.
func IsModern(v string) bool { return v >= Version20260728 && len(v) == 10 }

// IsSupported reports whether Warden speaks v.
func IsSupported(v string) bool {
	for _, s := range AllVersions() {
		if s == v {
			return true
		}
	}
	return false
}

// Methods Warden interprets. Everything else is forwarded untouched.
const (
	MethodInitialize          = "initialize"
	MethodInitialized         = "notifications/initialized"
	MethodPing                = "ping"
	MethodDiscover            = "server/discover"
	MethodToolsList           = "tools/list"
	MethodToolsCall           = "tools/call"
	MethodPromptsList         = "prompts/list"
	MethodPromptsGet          = "prompts/get"
	MethodResourcesList       = "resources/list"
	MethodResourceTemplates   = "resources/templates/list"
	MethodResourcesRead       = "resources/read"
	MethodResourcesSubscribe  = "resources/subscribe"
	MethodResourcesUnsub      = "resources/unsubscribe"
	MethodComplete            = "completion/complete"
	MethodSetLevel            = "logging/setLevel"
	MethodSubscriptionsListen = "subscriptions/listen"

	MethodSampling    = "sampling/createMessage"
	MethodElicit      = "elicitation/create"
	MethodRootsList   = "roots/list"
	MethodTasksGet    = "tasks/get"
	MethodTasksResult = "tasks/result"
	MethodTasksCancel = "tasks/cancel"
	MethodTasksList   = "tasks/list"

	NotifyCancelled           = "notifications/cancelled"
	NotifyProgress            = "notifications/progress"
	NotifyMessage             = "notifications/message"
	NotifyToolsChanged        = "notifications/tools/list_changed"
	NotifyPromptsChanged      = "notifications/prompts/list_changed"
	NotifyResourcesChanged    = "notifications/resources/list_changed"
	NotifyResourceUpdated     = "notifications/resources/updated"
	NotifyRootsChanged        = "notifications/roots/list_changed"
	NotifySubscriptionsAck    = "notifications/subscriptions/acknowledged"
	NotifyElicitationComplete = "notifications/elicitation/complete"
)

// interpreted lists the request methods Warden interprets.
var interpreted = [...]string{MethodInitialize, MethodPing, MethodDiscover, MethodToolsList, MethodToolsCall,
	MethodPromptsList, MethodPromptsGet, MethodResourcesList, MethodResourceTemplates, MethodResourcesRead,
	MethodResourcesSubscribe, MethodResourcesUnsub, MethodComplete, MethodSetLevel, MethodSubscriptionsListen,
	MethodTasksGet, MethodTasksResult, MethodTasksCancel, MethodTasksList}

// Imitates returns the interpreted method that method imitates: equal to it
// but for letter case, surrounding spaces or control characters, or "". A
// gateway would forward such a method untouched as an unknown one, past
// the guards that decide the real one, while a lenient server might run it
// as the real one.
func Imitates(method string) string { return imitates(method, interpreted[:]) }

// interpretedNotifications lists the client notifications Warden acts on
// itself rather than forwarding.
var interpretedNotifications = [...]string{MethodInitialized, NotifyCancelled, NotifyRootsChanged}

// ImitatesNotification is Imitates for the client notifications Warden
// interprets: "notifications/Cancelled", forwarded as an unknown
// notification, would reach a lenient server as a cancellation of
// whatever request id it names on a connection shared by every session.
func ImitatesNotification(method string) string {
	return imitates(method, interpretedNotifications[:])
}

func imitates(method string, among []string) string {
	m := strings.TrimFunc(method, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	for _, k := range among {
		if method != k && strings.EqualFold(m, k) {
			return k
		}
	}
	return ""
}

// Reserved _meta keys of the stateless protocol.
const (
	MetaProtocolVersion    = "io.modelcontextprotocol/protocolVersion"
	MetaClientCapabilities = "io.modelcontextprotocol/clientCapabilities"
	MetaClientInfo         = "io.modelcontextprotocol/clientInfo"
	MetaLogLevel           = "io.modelcontextprotocol/logLevel"
	MetaServerInfo         = "io.modelcontextprotocol/serverInfo"
	MetaSubscriptionID     = "io.modelcontextprotocol/subscriptionId"
	MetaRelatedTask        = "io.modelcontextprotocol/related-task"
)

// JSON-RPC and MCP error codes.
const (
	CodeParseError     = -32700
	CodeInvalidRequest = -32600
	CodeMethodNotFound = -32601
	CodeInvalidParams  = -32602
	CodeInternalError  = -32603

	CodeHeaderMismatch        = -32020
	CodeMissingCapability     = -32021
	CodeUnsupportedVersion    = -32022
	CodeLegacyResourceMissing = -32002

	// CodeDenied is Warden's own code for a request a guard refused. It is
	// outside the reserved -32768..-32000 range, as the 2026-07-28
	// specification asks of application codes.
	CodeDenied = -31001
	// CodeUpstream reports an upstream that is down or failed.
	CodeUpstream = -31002
	// CodeTimeout reports a request that ran out of time.
	CodeTimeout = -31003
	// CodeRateLimited reports a request over a limit.
	CodeRateLimited = -31004
	// CodeTooLarge reports a response over limits.max_message_bytes that
	// Warden dropped.
	CodeTooLarge = -31005
)

// Result types of the stateless protocol.
const (
	ResultComplete      = "complete"
	ResultInputRequired = "input_required"
)
