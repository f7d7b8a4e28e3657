package secrets

import (
	"encoding/base32"
	"encoding/base64"
	"strings"
	"testing"
)

// appSyncKey returns an AppSync-style key for 16 bytes: da2- and the
// bytes in unpadded lower-case base32.
func appSyncKey(b []byte) string {
	enc := base32.StdEncoding.WithPadding(base32.NoPadding)
	return "da2-" + strings.ToLower(enc.EncodeToString(b))
}

// Round 10: causes read in the tune half of semgrep's secret rule tests
// (docs/secrets-rounds.md, Round 10). Values generated for this test, not copied.
func TestRound10Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	appsync := appSyncKey(pseudoBytes(nil, 16))
	badTail := appsync[:len(appsync)-1] + "b" // low bits set: not 128 bits
	enc := base64.StdEncoding.EncodeToString
	sts := "FwoGZXIvYXdzEJr//////////wEaD" + enc(pseudoBytes([]byte("sts"), 120))
	const hex64 = "9f1c2e7a40b8d35e6c0a7f29e4b1d8c36a5e0f7b2c9d14e8a3b6f0c7d2e9a15b"
	cases := []firstFindingCase{
		// Formats.
		{"appsync key", `headers: {"x-api-key": "` + appsync + `"}`, appsync},
		{"appsync key, last character off", `"` + badTail + `"`, ""},
		{"appsync key, digit outside base32", "da2-" + strings.Repeat("k", 12) + "0" + strings.Repeat("q", 13), ""},
		{"appsync model name", "da2-metric-indoor-small-bench", ""},
		{"onfido live token", "ONFIDO=api_live.Xq7_bT2-kLm.9fQw2LmZp4Rt7Kx1Nv8Bc3Hj6Yd0Sg5a", "api_live.Xq7_bT2-kLm.9fQw2LmZp4Rt7Kx1Nv8Bc3Hj6Yd0Sg5a"},
		{"onfido regional token", "api_live_us.Xq7_bT2-kLm.9fQw2LmZp4Rt7Kx1Nv8Bc3Hj6Yd0Sg5a", "api_live_us.Xq7_bT2-kLm.9fQw2LmZp4Rt7Kx1Nv8Bc3Hj6Yd0Sg5a"},
		{"onfido token cut", "api_live.Xq7_bT2-kLm.9fQw2LmZp4Rt7Kx1Nv8Bc3Hj6Yd0Sg", ""},
		{"kolide key", "k2sk_v1_Rj4Tq9Lw2Zx7Nc5Pv8Bm3Hd6", "k2sk_v1_Rj4Tq9Lw2Zx7Nc5Pv8Bm3Hd6"},
		{"kolide key cut", "k2sk_v1_Rj4Tq9Lw2Zx7Nc5Pv8Bm3", ""},
		{"braintree token, base36 tail", "access_token$production$k7q2m9x4p1z8w3r6$e5b8c2a9z7f4d1g6h3j0k8m5n2p9q4r7", "access_token$production$k7q2m9x4p1z8w3r6$e5b8c2a9z7f4d1g6h3j0k8m5n2p9q4r7"},
		{"braintree token, tail cut", "access_token$production$k7q2m9x4p1z8w3r6$e5b8c2a9z7f4d1g6h3j0k8m5n2", ""},
		{"google key", "key=AIzaSyD4kR9wQ2mZ7xL1pN8vB3cT6hJ0yF5gK2s&q=x", "AIzaSyD4kR9wQ2mZ7xL1pN8vB3cT6hJ0yF5gK2s"},
		{"google key prefix inside base64", "AIzaSyD4kR9wQ2mZ7xL1pN8vB3cT6hJ0yF5gK2s==", ""},
		{"sonarqube product name", "SONARQUBE=" + hex64[:40], hex64[:40]},
		{"sonarqube version", "SONARQUBE_VERSION=10.4.1", ""},
		// Contexts.
		{"android string resource", `<string name="crash_api_key">` + hex64[:32] + `</string>`, hex64[:32]},
		{"string resource, more attributes", `<string name="maps_api_key" translatable="false">Qw8rT2zL5xN9pK3vB7mC1</string>`, "Qw8rT2zL5xN9pK3vB7mC1"},
		{"self-closing element", `<meta name="csrf_token_key" content="Qw8rT2zL5xN9pK3vB7mC1"/>`, ""},
		{"path in another attribute", `<a name="token" href="/docs/auth">Qw8rT2zL5xN9pK3vB7mC1</a>`, ""},
		{"xml properties entry", `<entry key="upload.token">Qw8rT2zL5xN9pK3vB7mC1</entry>`, "Qw8rT2zL5xN9pK3vB7mC1"},
		{"android label", `<string name="api_key">API key</string>`, ""},
		{"string resource not a secret name", `<string name="app_name">` + hex64[:32] + `</string>`, ""},
		{"string resource across lines", "<string name=\"api_key\">\n" + hex64[:32] + "</string>", ""},
		{"owner word before a secret key", `private const string UserCreationPasswordSecretKey = "` + hex64 + `";`, hex64},
		{"owner word, verbatim string", `private const string UserCreationPasswordSecretKey =@"` + hex64 + `";`, hex64},
		{"user token stays an id", `user_token = "` + hex64[:32] + `"`, ""},
		{"aws session token with slashes", "export AWS_SESSION_TOKEN=" + sts, sts},
		{"slashes are not a secret", `token = "a////////////////////////b1"`, ""},
		// Public values.
		{"public key named as one word", `"pubkey": "Yk3vT8qLm2Zx9Rw4Nc7Pb5Hd1Jf6Gs0A"`, ""},
		{"datadog browser client token", `clientToken: "pub` + hex64[:32] + `",`, ""},
		{"client token not public", `clientToken: "prv` + hex64[:32] + `",`, "prv" + hex64[:32]},
	}
	checkFirstFinding(t, s, cases)
}

func TestValidBase32Key(t *testing.T) {
	for i := 0; i < 64; i++ {
		k := appSyncKey(pseudoBytes([]byte{byte(i)}, 16))
		if validBase32Key(k) != valid {
			t.Errorf("%s: rejected", k)
		}
	}
	for _, k := range []string{"da2-", "da2-abc", "da2-" + strings.Repeat("a", 25) + "b", "da2-" + strings.Repeat("a", 27), "da2" + strings.Repeat("a", 26), "da2-" + strings.Repeat("A", 26)} {
		if validBase32Key(k) != reject {
			t.Errorf("%q: accepted", k)
		}
	}
}

// FuzzXMLNamedText checks that a value read from element text lies
// inside the text, after the identifier, on its line.
func FuzzXMLNamedText(f *testing.F) {
	f.Add(`<string name="api_key">Qw8rT2zL5xN9</string>`, 14, 21)
	f.Add(`<entry key="t">`, 12, 13)
	f.Add(`name="`, 6, 6)
	f.Fuzz(func(t *testing.T, text string, is, ie int) {
		if is < 0 || ie < is || ie > len(text) {
			return
		}
		vs, ve, ok := xmlNamedText(text, is, ie)
		if !ok {
			return
		}
		if vs < ie || ve > len(text) || ve-vs < 6 || strings.ContainsAny(text[vs:ve], "<\n\r \t") {
			t.Fatalf("value %d:%d of %q", vs, ve, text)
		}
		_ = validBase32Key(text)
		_ = publicClientToken(text)
	})
}
