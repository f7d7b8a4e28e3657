package e2e

import (
	"os"
	"testing"
)

// Bugs in Warden these tests found, open at the time of writing. Each test
// that hits one calls knownBug at the point of failure, so the suite stays
// green while the bug is open and the test passes by itself once it is
// fixed. WARDEN_E2E_KNOWN_BUGS=1 turns the skips back into failures.
const (
	bugSSEWriteAfterClose = "legacy HTTP+SSE: a response or notification for a session whose GET /sse stream " +
		"has closed is written to the finished ResponseWriter (gateway.sseSession.write from legacyMessage's " +
		"goroutine), panicking in bufio.(*Writer).Flush and killing the whole Warden process"
	bugModernNotificationMeta = "stateless 2026-07-28: a notification POST (notifications/cancelled, as the Go SDK " +
		"sends when a call's context is cancelled) without _meta is refused with 400 \"missing required _meta " +
		"field io.modelcontextprotocol/protocolVersion\"; _meta is required on requests only, and the SDK " +
		"session then fails its next call"
	bugModernMissingCapsStatus = "stateless 2026-07-28: tools/call without _meta clientCapabilities gets " +
		"-32602 with HTTP 200; the spec requires 400 for a request missing a required _meta field"
	bugSamplingWhileOtherBusy = "a server-to-client request (sampling) from a shared stdio upstream fails with " +
		"-32600 \"Warden cannot tell which client session this request belongs to\" whenever another " +
		"session has a call in flight (fails closed: no misrouting)"
	bugStrayServerRequest = "a server-to-client request an upstream sends outside any call (server-everything's " +
		"roots/list 350ms after its handshake) is pinned on whichever single call is in flight: a stateless call " +
		"gets back resultType input_required with a roots/list inputRequest instead of its own result (even when " +
		"the client declared no roots capability), the SDK retries and the tool runs again, its progress lost; " +
		"with sessions from different principals this routes one client's server request to another"
)

// knownBug skips the test with the bug's description, unless
// WARDEN_E2E_KNOWN_BUGS=1 asks to see the failure.
func knownBug(t *testing.T, bug string) {
	t.Helper()
	if os.Getenv("WARDEN_E2E_KNOWN_BUGS") != "1" {
		t.Skip("known bug: " + bug)
	}
}
