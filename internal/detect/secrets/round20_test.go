package secrets

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"
)

// seeded returns n deterministic bytes that look random and differ by
// seed (pseudoBytes keeps its seed as a prefix and shares the rest).
func seeded(seed string, n int) []byte {
	var b []byte
	h := sha256.Sum256([]byte("round20:" + seed))
	for len(b) < n {
		b = append(b, h[:]...)
		h = sha256.Sum256(h[:])
	}
	return b[:n]
}

// dcToken builds an Atlassian Data Center token body the way issued ones
// are made: base64 of an id of digits, a colon and 20 random bytes.
func dcToken(seed, id string) string {
	raw := append([]byte(id+":"), seeded(seed, 20)...)
	return base64.StdEncoding.EncodeToString(raw)
}

// Round 20: rules for the formats round 19 found without a rule in
// trufflehog-new's misses (docs/secrets-rounds.md, Round 20), a positive and
// near misses each. Every key is generated here, none copied.
func TestRound20Providers(t *testing.T) {
	s := mustScanner(t, Options{})
	tabB64 := base64.StdEncoding.EncodeToString(seeded("tableau", 16))
	tableau := tabB64 + ":" + rnd62("tableau-2", 32)
	rootly := "rootly_" + hex.EncodeToString(seeded("rootly", 32))
	flowID := hex.EncodeToString(seeded("flow", 16))
	sig := base64.RawURLEncoding.EncodeToString(seeded("sig", 32))
	ppHost := "https://default" + hex.EncodeToString(seeded("env", 15)) + ".4a.environment.api.powerplatform.com:443"
	ppBase := ppHost + "/powerautomate/automations/direct/workflows/" + flowID + "/triggers/manual/paths/invoke"
	pp := ppBase + "?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + sig
	ppSigFirst := ppBase + "?sig=" + sig
	logic := "https://prod-27.westeurope.logic.azure.com:443/workflows/" + flowID +
		"/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + sig
	bbdc := "BBDC-" + dcToken("bbdc", "481920374615")
	jira := dcToken("jira", "730158264903")
	conf := dcToken("confluence", "102938475610")
	cases := []struct {
		name, text, rule, want string
	}{
		{"tableau secret", "name my-token\n" + tableau + "\n", "tableau-pat-secret", tableau},
		{"tableau secret in JSON", `{"personalAccessTokenSecret": "` + tableau + `"}`, "tableau-pat-secret", tableau},
		{"tableau, 31 after the colon", "pat " + tableau[:len(tableau)-1] + " x", "tableau-pat-secret", ""},
		{"tableau, 33 after the colon", "pat " + tableau + "Z x", "tableau-pat-secret", ""},
		{"tableau, non-canonical base64 (22nd is B)", "pat " + tabB64[:21] + "B==" + tableau[24:] + " x", "tableau-pat-secret", ""},
		{"tableau, base64 of 17 bytes", "pat " + base64.StdEncoding.EncodeToString(seeded("t17", 17)) + ":" + rnd62("t17", 32) + " x", "tableau-pat-secret", ""},
		{"rootly key", "ROOTLY_API_TOKEN=" + rootly, "rootly-api-key", rootly},
		{"rootly key, bare", rootly, "rootly-api-key", rootly},
		{"rootly, 63 digits", "key " + rootly[:len(rootly)-1] + " x", "rootly-api-key", ""},
		{"rootly, upper-case hex", "key rootly_" + strings.ToUpper(rootly[7:]) + " x", "rootly-api-key", ""},
		{"rootly, a $ inside (trufflehog's negative)", "rootly_A$3b9f8c1e2d4f5b6c7d8e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d", "rootly-api-key", ""},
		{"rootly, a terraform resource", `resource "rootly_api_key" "ci" {}`, "rootly-api-key", ""},
		{"teams workflow url", "teams webhook url = '" + pp + "'", "microsoft-teams-workflow-webhook", pp},
		{"teams workflow url, sig first", "url: " + ppSigFirst + "&api-version=1", "microsoft-teams-workflow-webhook", ppSigFirst},
		{"teams workflow url, logic.azure.com", `"uri": "` + logic + `"`, "microsoft-teams-workflow-webhook", logic},
		{"teams workflow url without sig (Entra ID)", "url = '" + ppBase + "?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0'", "microsoft-teams-workflow-webhook", ""},
		{"teams workflow url, sig of 42", "url = '" + pp[:len(pp)-1] + "'", "microsoft-teams-workflow-webhook", ""},
		{"teams workflow url, docs placeholder", "https://<environmentID>.09.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/" + flowID + "/triggers/manual/paths/invoke?api-version=1&sig=<Signature>", "microsoft-teams-workflow-webhook", ""},
		{"bitbucket dc token", "bitbucket:\n  tokens:\n    - " + bbdc + "\n", "bitbucket-datacenter-token", bbdc},
		{"bitbucket dc token, bare", "\t" + bbdc + "\n", "bitbucket-datacenter-token", bbdc},
		{"bitbucket dc, padded (=)", "token " + bbdc + "= x", "bitbucket-datacenter-token", ""},
		{"bitbucket dc, cut short", "token " + bbdc[:len(bbdc)-4] + " x", "bitbucket-datacenter-token", ""},
		{"bitbucket dc, over-long", "token " + bbdc + "AAAA x", "bitbucket-datacenter-token", ""},
		{"bitbucket dc, filler", "BBDC-" + strings.Repeat("A", 44), "bitbucket-datacenter-token", ""},
		{"bitbucket dc, id not digits", "BBDC-" + dcToken("bbdc-x", "ab1234567890"), "bitbucket-datacenter-token", ""},
		{"jira dc pat", "jira_token: " + jira, "atlassian-datacenter-pat", jira},
		{"confluence dc pat", "confluence_a=" + conf, "atlassian-datacenter-pat", conf},
		{"jira dc pat, the name on the line before", "jira:\n  - " + jira + "\n", "atlassian-datacenter-pat", ""},
		{"jira dc pat, name and value on a line", "atlassian jira " + jira, "atlassian-datacenter-pat", jira},
		{"jira dc, padded (=)", "jira_token: " + jira + "=", "atlassian-datacenter-pat", ""},
		{"jira dc, first character A", "jira_token: A" + jira[1:], "atlassian-datacenter-pat", ""},
		{"jira dc, cut short", "jira_token: " + jira[:40], "atlassian-datacenter-pat", ""},
		{"jira dc, over-long", "jira_token: " + jira + "AAAA", "atlassian-datacenter-pat", ""},
		{"jira dc, an 11-digit id", "jira_token: " + dcToken("j11", "73015826490") + "x", "atlassian-datacenter-pat", ""},
		{"jira dc, no product name on the line", "TOKEN=" + jira, "atlassian-datacenter-pat", ""},
	}
	for _, c := range cases {
		if got := firstRuleMatch(s, c.text, c.rule); got != c.want {
			t.Errorf("%s: rule %s found %q, want %q", c.name, c.rule, got, c.want)
		}
	}
}
