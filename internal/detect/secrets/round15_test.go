package secrets

import (
	"encoding/base64"
	"testing"
)

// jwtPart encodes s as a JWT part.
func jwtPart(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// Round 15: GitHub's stateless installation tokens (ghs_APPID_JWT,
// docs/secrets-rounds.md, Round 15), written from GitHub's description of the
// format, with near misses. Values generated for this test, not copied.
func TestRound15Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	hdr := jwtPart(`{"alg":"RS256","typ":"JWT"}`)
	body := jwtPart(`{"iss":"981","exp":1790000000,"installation":4471}`)
	sig := base64.RawURLEncoding.EncodeToString(pseudoBytes([]byte("ghs-sig"), 256))
	jwt := hdr + "." + body + "." + sig
	token := "ghs_981_" + jwt
	cases := []firstFindingCase{
		{"stateless installation token", "GITHUB_TOKEN=" + token, token},
		{"in prose", "the app got " + token + " back", token},
		{"app id not numeric", "ghs_app_" + jwt + " x", ""},
		{"header not JSON", "ghs_981_eyJ" + rnd62("h", 30) + "." + body + "." + sig + " x", ""},
		{"payload not JSON", "ghs_981_" + hdr + ".eyJ" + rnd62("p", 30) + "." + sig + " x", ""},
	}
	checkFirstFinding(t, s, cases)
}

// Azure AD client secrets (three characters, a digit, Q~, 31 to 34 more)
// between XML tags and in escaped JSON strings.
func TestRound15AzureBoundaries(t *testing.T) {
	s := mustScanner(t, Options{})
	secret := "k2x7Q~" + rnd62("aad", 34)
	short := "k2x7Q~" + rnd62("aad", 30)
	checkFirstFinding(t, s, []firstFindingCase{
		{"xml value", "<value>" + secret + "</value>", secret},
		{"escaped json", `"line": "client_srt = \"` + secret + `\";"`, secret},
		{"xml value, too short", "<value>" + short + "</value>", ""},
		{"glued to a tag name", "<value" + secret + "</value>", ""},
	})
}

func TestValidGitHubJWT(t *testing.T) {
	jwt := jwtPart(`{"alg":"RS256"}`) + "." + jwtPart(`{"iss":"1"}`) + "." + rnd62("s", 40)
	for v, want := range map[string]verdict{
		"ghs_12_" + jwt: valid, "ghs__" + jwt: reject, "ghs_1a_" + jwt: reject,
		"ghp_12_" + jwt: reject, "ghs_12" + jwt: reject, "ghs_12_x.y.z": reject,
	} {
		if got := validGitHubJWT(v); got != want {
			t.Errorf("validGitHubJWT(%q) = %v, want %v", v, got, want)
		}
	}
}
