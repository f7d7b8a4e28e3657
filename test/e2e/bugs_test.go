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
	// A limitation rather than a bug: stdio carries no link between a
	// server's request and the call that caused it, so Warden routes such
	// requests only when one session has calls in flight on that upstream,
	// and refuses them otherwise rather than guess (docs/protocol.md).
	bugSamplingWhileOtherBusy = "a server-to-client request (sampling) from a shared stdio upstream fails with " +
		"-32600 \"Warden cannot tell which client session this request belongs to\" whenever another " +
		"session has a call in flight (fails closed: no misrouting)"
)

// knownBug skips the test with the bug's description, unless
// WARDEN_E2E_KNOWN_BUGS=1 asks to see the failure.
func knownBug(t *testing.T, bug string) {
	t.Helper()
	if os.Getenv("WARDEN_E2E_KNOWN_BUGS") != "1" {
		t.Skip("known bug: " + bug)
	}
}
