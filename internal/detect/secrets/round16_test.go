package secrets

import (
	"encoding/hex"
	"testing"
)

// Round 16: provider rules written from each provider's published format
// (docs/secrets-rounds.md, Round 16), a positive and near misses each. Values
// generated for this test, not copied.
func TestRound16Providers(t *testing.T) {
	s := mustScanner(t, Options{})
	const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	ulid := pseudoBytes([]byte("ulid"), 26)
	for i, c := range ulid {
		ulid[i] = crockford[int(c)%len(crockford)]
	}
	upcloud := "ucat_" + string(ulid)
	render := "rnd_" + rnd62("render", 28)
	neon := "napi_" + rnd62("neon", 64)
	cursor := "key_" + hex.EncodeToString(pseudoBytes([]byte("cursor"), 32))
	u := hex.EncodeToString(pseudoBytes([]byte("lf"), 16))
	uuid := u[:8] + "-" + u[8:12] + "-" + u[12:16] + "-" + u[16:20] + "-" + u[20:]
	midtrans := "Mid-server-" + rnd62("mid", 10) + "-" + rnd62("trans", 6) + "_" + rnd62("x", 6)
	cases := []struct {
		name, text, rule, want string
	}{
		{"upcloud token", "UPCLOUD_TOKEN=" + upcloud, "upcloud-api-token", upcloud},
		{"upcloud, old prefix", "token: uca_" + string(ulid) + " x", "upcloud-api-token", ""},
		{"upcloud, too short", "token: " + upcloud[:15] + " x", "upcloud-api-token", ""},
		{"upcloud, not Crockford (U)", "token: ucat_U" + string(ulid[1:]) + " x", "upcloud-api-token", ""},
		{"render key", "RENDER_API_KEY=" + render, "render-api-key", render},
		{"render, 27 characters", "key " + render[:31] + " x", "render-api-key", ""},
		{"render, underscore inside", "key " + render[:20] + "_" + render[21:] + " x", "render-api-key", ""},
		{"neon key", "NEON_API_KEY=" + neon, "neon-api-key", neon},
		{"neon, a run of zeros", "key napi_" + zeros(64) + " x", "neon-api-key", ""},
		{"neon, too short", "key " + neon[:40] + " x", "neon-api-key", ""},
		{"cursor key", "CURSOR_API_KEY=" + cursor, "cursor-api-key", cursor},
		{"cursor, no provider name", "api_key = " + cursor, "cursor-api-key", ""},
		{"cursor, too short", "cursor_key = " + cursor[:67], "cursor-api-key", ""},
		{"cursor, other prefix", "cursor_key = tok_" + cursor[4:], "cursor-api-key", ""},
		{"langfuse secret key", "LANGFUSE_SECRET_KEY=sk-lf-" + uuid, "langfuse-secret-key", "sk-lf-" + uuid},
		{"langfuse public key", "LANGFUSE_PUBLIC_KEY=pk-lf-" + uuid, "langfuse-secret-key", ""},
		{"langfuse, not a UUID", "key sk-lf-" + u + " x", "langfuse-secret-key", ""},
		{"midtrans server key", "MIDTRANS_SERVER_KEY=" + midtrans, "midtrans-server-key", midtrans},
		{"midtrans sandbox key", "serverKey: 'SB-" + midtrans + "'", "midtrans-server-key", "SB-" + midtrans},
		{"midtrans, too short", "MIDTRANS_SERVER_KEY=" + midtrans[:30] + " x", "midtrans-server-key", ""},
		{"midtrans client key", "MIDTRANS_CLIENT_KEY=SB-Mid-client-" + rnd62("c", 16), "midtrans-server-key", ""},
	}
	for _, c := range cases {
		if got := firstRuleMatch(s, c.text, c.rule); got != c.want {
			t.Errorf("%s: rule %s found %q, want %q", c.name, c.rule, got, c.want)
		}
	}
}

// zeros returns n zero digits.
func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}
