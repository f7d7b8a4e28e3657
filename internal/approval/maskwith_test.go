package approval

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/detect/secrets"
)

// Secrets that only the engine knows (no key name, no pattern of
// MaskArguments) are masked too, wherever they sit in the arguments.
func TestMaskWithEngine(t *testing.T) {
	sc, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := "Zx8bQ2mN4pR7sT1vW3yA5cE9gJ0kL6"
	gh := "ghp_" + body + secrets.GitHubChecksum(body)
	glpat := "glpat-" + "Qm7Rz2Kp9Lx4Vb8Nc3Td"
	args := json.RawMessage(`{"ticket":"T-1","body":"the key is ` + glpat + ` ok","rows":[{"note":"token ` + gh + `"}],"n":12345678901234567890}`)
	out := string(MaskWith(sc)(args))
	for _, secret := range []string{gh, glpat} {
		if strings.Contains(out, secret) {
			t.Fatalf("secret %q shown: %s", secret, out)
		}
	}
	for _, keep := range []string{`"ticket":"T-1"`, "the key is ", " ok", "12345678901234567890"} {
		if !strings.Contains(out, keep) {
			t.Fatalf("lost %q: %s", keep, out)
		}
	}
	if got := string(MaskWith(sc)(json.RawMessage(`not json`))); strings.Contains(got, "not json") && !strings.HasPrefix(got, `"`) {
		t.Fatalf("invalid arguments came back raw: %s", got)
	}
}
