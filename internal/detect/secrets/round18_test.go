package secrets

import (
	"encoding/hex"
	"strings"
	"testing"
)

// rndAlpha maps deterministic bytes onto an alphabet, so the keys below are
// generated for this test, not copied from anywhere.
func rndAlpha(seed, alphabet string, n int) string {
	b := pseudoBytes([]byte(seed), n)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// Round 18: provider rules written from each provider's published format
// (docs/secrets-rounds.md, Round 18), a positive and near misses each.
func TestRound18Providers(t *testing.T) {
	s := mustScanner(t, Options{})
	const base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	const lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	const urlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	e2b := "e2b_" + hex.EncodeToString(pseudoBytes([]byte("e2b"), 20))
	firecrawl := "fc-" + hex.EncodeToString(pseudoBytes([]byte("firecrawl"), 16))
	resend := "re_" + rndAlpha("resend", base58, 8) + "_" + rndAlpha("resend2", base58, 24)
	cerebras := "csk-" + rndAlpha("cerebras", lowerAlnum, 48)
	trigger := "tr_dev_" + rnd62("trigger", 24)
	triggerNamed := "tr_prod_sk_" + rnd62("trigger-named", 24)
	triggerOld := "tr_prod_" + rnd62("trigger-old", 20)
	inngest := "signkey-prod-" + hex.EncodeToString(pseudoBytes([]byte("inngest"), 32))
	polarOAT := "polar_oat_" + rndAlpha("polar", urlSafe, 43)
	polarPAT := "polar_pat_" + rnd62("polar-pat", 43)
	cases := []struct {
		name, text, rule, want string
	}{
		{"e2b key", "E2B_API_KEY=" + e2b, "e2b-api-key", e2b},
		{"e2b, the SDK's example of zeros", `Sandbox.create({ apiKey: "e2b_` + strings.Repeat("0", 40) + `" })`, "e2b-api-key", ""},
		{"e2b, 39 digits", "key " + e2b[:43] + " x", "e2b-api-key", ""},
		{"e2b, upper-case hex", "key " + strings.ToUpper(e2b[:4]) + strings.ToUpper(e2b[4:]) + " x", "e2b-api-key", ""},
		{"firecrawl key", "FIRECRAWL_API_KEY=" + firecrawl, "firecrawl-api-key", firecrawl},
		{"firecrawl, docs placeholder", "Authorization: Bearer fc-123456789", "firecrawl-api-key", ""},
		{"firecrawl, 31 digits", "key " + firecrawl[:34] + " x", "firecrawl-api-key", ""},
		{"firecrawl, a CSS class", `<div class="fc-daygrid-day-frame fc-scrollgrid-sync-inner">`, "firecrawl-api-key", ""},
		{"resend key", "RESEND_API_KEY=" + resend, "resend-api-key", resend},
		{"resend, docs placeholder", "new Resend('re_123456789')", "resend-api-key", ""},
		{"resend, second part 23", "key " + resend[:len(resend)-1] + " x", "resend-api-key", ""},
		{"resend, not base58 (0)", "key " + resend[:12] + "0" + resend[13:] + " x", "resend-api-key", ""},
		{"resend, an identifier", "def re_validate_userPasswordConfirmationsA(x):", "resend-api-key", ""},
		{"cerebras key", "CEREBRAS_API_KEY=" + cerebras, "cerebras-api-key", cerebras},
		{"cerebras, too short", "key " + cerebras[:29] + " x", "cerebras-api-key", ""},
		{"cerebras, a capital inside", "key " + cerebras[:10] + "Q" + cerebras[11:] + " x", "cerebras-api-key", ""},
		{"trigger.dev key", "TRIGGER_SECRET_KEY=" + trigger, "triggerdev-secret-key", trigger},
		{"trigger.dev named key", `configure({ accessToken: "` + triggerNamed + `" })`, "triggerdev-secret-key", triggerNamed},
		{"trigger.dev key of 20", "TRIGGER_SECRET_KEY=" + triggerOld, "triggerdev-secret-key", triggerOld},
		{"trigger.dev public key", "TRIGGER_PUBLIC_KEY=pk_dev_" + rnd62("pk", 20), "triggerdev-secret-key", ""},
		{"trigger.dev, docs placeholder", `TRIGGER_SECRET_KEY="tr_dev_xxxxx"`, "triggerdev-secret-key", ""},
		{"trigger.dev, 22 characters", "key " + trigger[:29] + " x", "triggerdev-secret-key", ""},
		{"inngest signing key", "INNGEST_SIGNING_KEY=" + inngest, "inngest-signing-key", inngest},
		{"inngest, docs placeholder", `INNGEST_SIGNING_KEY="signkey-prod-..."`, "inngest-signing-key", ""},
		{"inngest, 63 digits", "key " + inngest[:len(inngest)-1] + " x", "inngest-signing-key", ""},
		{"inngest, a test constant", `const k = "signkey-test-` + strings.Repeat("deadbeef", 8) + `"`, "inngest-signing-key", ""},
		{"polar organization token", "POLAR_ACCESS_TOKEN=" + polarOAT, "polar-access-token", polarOAT},
		{"polar personal token", `polar = Polar(access_token="` + polarPAT + `")`, "polar-access-token", polarPAT},
		{"polar, 42 characters", "token " + polarPAT[:len(polarPAT)-1] + " x", "polar-access-token", ""},
		{"polar client id", "client_id: polar_ci_" + rnd62("ci", 43), "polar-access-token", ""},
	}
	for _, c := range cases {
		if got := firstRuleMatch(s, c.text, c.rule); got != c.want {
			t.Errorf("%s: rule %s found %q, want %q", c.name, c.rule, got, c.want)
		}
	}
}
