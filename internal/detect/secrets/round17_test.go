package secrets

import (
	"encoding/base64"
	"testing"
)

// Round 17 (docs/secrets-rounds.md, Round 17): assignment forms of the context
// rules, base64-wrapped JWTs and Sentry org tokens' fixed-length secret,
// a positive and near misses each. Values generated for this test.
func TestRound17(t *testing.T) {
	s := mustScanner(t, Options{})
	discord := rnd62("discord17", 32)
	b64url := base64.RawURLEncoding.EncodeToString
	jwt := b64url([]byte(`{"alg":"RS256","kid":"k1"}`)) + "." +
		b64url([]byte(`{"iss":"kubernetes/serviceaccount","sub":"system:serviceaccount:ci:deployer"}`)) + "." + rnd62("sig17", 43)
	wrapped := base64.StdEncoding.EncodeToString([]byte(jwt))
	noAlg := base64.StdEncoding.EncodeToString([]byte(b64url([]byte(`{"typ":"JWT"}`)) + "." +
		b64url([]byte(`{"iss":"joe","exp":1300819380}`)) + "." + rnd62("sig17", 43)))
	cursor := base64.StdEncoding.EncodeToString([]byte(b64url([]byte(`{"page":2,"after":"2026-11-26T10:00:00Z","filter":"open"}`))))
	payload := base64.RawStdEncoding.EncodeToString([]byte(`{"iat":1764150000,"url":"https://sentry.io","org":"acme"}`))
	sentry := "sntrys_" + payload + "_" + rnd62("sentry17", 43)
	cases := []struct {
		name, text, rule, want string
	}{
		{"php concatenation", `$discordToken .= "` + discord + `";`, "discord-client-secret", discord},
		{"make :::=", `DISCORD_TOKEN :::= ` + discord, "discord-client-secret", discord},
		{"go typed var", `var discordToken string = "` + discord + `"`, "discord-client-secret", discord},
		{"kotlin typed val", `val discordSecret: String = "` + discord + `"`, "discord-client-secret", discord},
		{"xml element, next line", "<discordToken>\n    " + discord + "\n</discordToken>", "discord-client-secret", discord},
		{"xml element, inline", "<discord_secret>" + discord + "</discord_secret>", "discord-client-secret", discord},
		{"typed, no assignment", "discordToken string // " + discord, "discord-client-secret", ""},
		{"comparison", `if discord_token == "` + discord + `" {`, "discord-client-secret", ""},
		{"xml element naming an id", "<discordClientId>\n    " + discord + "\n</discordClientId>", "discord-client-secret", ""},
		{"xml element, value two lines down", "<discordToken>\n\n\n" + discord + "\n</discordToken>", "discord-client-secret", ""},
		{"base64-wrapped jwt", "  token: " + wrapped + "\n", "jwt-base64", wrapped},
		{"base64-wrapped jwt, no alg", "  token: " + noAlg + "\n", "jwt-base64", ""},
		{"base64 of a base64 json cursor", "next: " + cursor + "\n", "jwt-base64", ""},
		{"sentry org token", "SENTRY_AUTH_TOKEN=" + sentry, "sentry-token", sentry},
		{"sentry org token, 40-character secret", "SENTRY_AUTH_TOKEN=" + sentry[:len(sentry)-3] + " x", "sentry-token", ""},
		{"sentry org token, 44-character secret", "SENTRY_AUTH_TOKEN=" + sentry + "Q x", "sentry-token", ""},
	}
	for _, c := range cases {
		if got := firstRuleMatch(s, c.text, c.rule); got != c.want {
			t.Errorf("%s: rule %s found %q, want %q", c.name, c.rule, got, c.want)
		}
	}
}
