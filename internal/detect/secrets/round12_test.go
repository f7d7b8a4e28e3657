package secrets

import (
	"encoding/hex"
	"strings"
	"testing"
)

// rnd62 returns n base62 characters derived from seed.
func rnd62(seed string, n int) string {
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := pseudoBytes([]byte(seed), n)
	for i := range b {
		b[i] = digits[int(b[i])%len(digits)]
	}
	return string(b)
}

// Round 12: near misses read in trivy's secret scanner tests and probes
// of values that are not secrets (docs/secrets-rounds.md, Round 12). Values
// generated for this test, not copied.
func TestRound12Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	proj := "sk-proj-" + rnd62("p1", 74) + "T3BlbkFJ" + rnd62("p2", 74)
	legacy := "sk-" + rnd62("l1", 20) + "T3BlbkFJ" + rnd62("l2", 20)
	packagist := "packagist_uut_" + hex.EncodeToString(pseudoBytes([]byte("pk"), 34))
	finePAT := "github_pat_11" + rnd62("gh", 20) + "_" + rnd62("gh2", 59)
	const azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
	storageKey := rnd62("az", 86) + "=="
	awsID := "AKIA" + strings.ToUpper(rnd62("ak", 16))
	cases := []firstFindingCase{
		// AWS's documented example key ids.
		{"aws key id", "AWS_ACCESS_KEY_ID=" + awsID, awsID},
		{"aws example key id", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", ""},
		// OpenAI watermark and other providers' prefixes.
		{"openai project key", "OPENAI_API_KEY=" + proj, proj},
		{"openai legacy key", "key: " + legacy, legacy},
		{"project key without watermark", "sk-proj-" + rnd62("n1", 20) + "NOWATERMARK" + rnd62("n2", 20), ""},
		{"anthropic prefix, borrowed watermark", "sk-ant-" + rnd62("a1", 20) + "T3BlbkFJ" + rnd62("a2", 20), ""},
		{"openrouter prefix, borrowed watermark", "sk-or-v1-" + rnd62("o1", 20) + "T3BlbkFJ" + rnd62("o2", 20), ""},
		// New format, glued prefix.
		{"private packagist token", "COMPOSER_TOKEN=" + packagist, packagist},
		{"packagist token cut", "COMPOSER=" + packagist[:len(packagist)-2], ""},
		{"fine-grained pat glued to a word", "our" + finePAT, finePAT},
		{"fine-grained pat too short", "github_pat_" + rnd62("s", 30), ""},
		// Encrypted values in braces.
		{"maven encrypted password", "<password>{" + rnd62("mv", 22) + "=}</password>", ""},
		{"maven plain password", "<password>" + rnd62("mp", 22) + "</password>", rnd62("mp", 22)},
		{"jenkins export, last word", "<secret>{acme AQAAABAAA " + rnd62("jk", 32) + "}</secret>", rnd62("jk", 32)},
		// References and slots in connection strings.
		{"sql bind parameter", "password = :password", ""},
		{"sql named parameter", "password = @password", ""},
		{"dotted reference", "password = settings.DB_PASSWORD", ""},
		{"constant name", "Password=DB_PASSWORD_FIELD;", ""},
		{"connection string password", "Server=db;Password=Xq7bT2kLm9fQ;", "Xq7bT2kLm9fQ"},
		{"password colon kept", "Server=db;Password=:Xq7b-T2kL9;", ":Xq7b-T2kL9"},
		{"word in parentheses", `password = "(password)"`, ""},
		{"same password unbracketed", `password = "Xq7bT2kLm9"`, "Xq7bT2kLm9"},
		{"says it is not real", `password = "ThisIsNotARealPassword"`, ""},
		{"url, replace_with", "https://admin:REPLACE_WITH_PASSWORD@db.internal/x", ""},
		// Published keys.
		{"storage emulator key", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + azurite + ";", ""},
		{"storage account key", "DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=" + storageKey + ";", storageKey},
	}
	checkFirstFinding(t, s, cases)
}

func TestValueReference(t *testing.T) {
	for v, want := range map[string]bool{
		":password": true, "@db_pass": true, "settings.DB_PASSWORD": true, "DB_PASSWORD": true,
		":": false, "@": false, ":Xq7-b": false, "Passw0rd_1": false, "PASSWORD": false, "_SECRET": false, "s.3": false,
	} {
		if got := valueReference(v); got != want {
			t.Errorf("valueReference(%q) = %v, want %v", v, got, want)
		}
	}
}

// FuzzValueReference checks that the reference and slot checks never
// panic and only accept values without blanks.
func FuzzValueReference(f *testing.F) {
	for _, s := range []string{":password", "@x", "(pw)", "[", "()", "A_B", "a.b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if (valueReference(v) || bracketedWord(v)) && strings.ContainsAny(v, " \t\n") {
			t.Fatalf("%q accepted", v)
		}
		_ = isPlaceholder(v, true)
		_ = isFormatPlaceholder(v)
	})
}
