package secrets

import (
	"encoding/base64"
	"encoding/hex"
	"testing"
)

// hexN returns n hex digits derived from seed.
func hexN(seed string, n int) string {
	return hex.EncodeToString(pseudoBytes([]byte(seed), (n+1)/2))[:n]
}

// Round 14: near misses of known formats read in the tune half of
// betterleaks' rule tests (docs/secrets-rounds.md, Round 14), with a positive
// beside each. Values generated for this test, not copied.
func TestRound14Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	wandb, deepgram, assembly, weather := hexN("wb", 40), hexN("dg", 40), hexN("aa", 32), hexN("ow", 32)
	eleven := "sk_" + hexN("el", 48)
	asaas := "aact_prod_" + rnd62("as", 40)
	aiven := base64.StdEncoding.EncodeToString(pseudoBytes([]byte("av"), 150))
	sk48, sk32 := "sk-"+rnd62("s48", 48), "sk-"+rnd62("s32", 32)
	cases := []firstFindingCase{
		// Hex keys of another length under a hex-format provider's name.
		{"wandb key", "wandb_api_key = " + wandb, wandb},
		{"wandb, 32 hex digits", "wandb_api_key = " + hexN("wb", 32), ""},
		{"gitea, 32 hex digits", "GITEA_TOKEN=" + hexN("gt", 32), ""},
		{"gitea, not hex: another kind of token", "GITEA_TOKEN=" + rnd62("gt", 32), rnd62("gt", 32)},
		{"deepgram key", "deepgram_key = " + deepgram, deepgram},
		{"deepgram, assemblyai's length", "deepgram_key = " + hexN("dg", 32), ""},
		{"assemblyai key", "ASSEMBLYAI_API_KEY=" + assembly, assembly},
		{"elevenlabs key", "elevenlabs_key = " + eleven, eleven},
		{"elevenlabs, sk_ and 32", "elevenlabs_key = sk_" + hexN("el", 32), ""},
		{"elevenlabs, another prefix", "elevenlabs_key = ak_" + hexN("el", 48), ""},
		{"openweather key", "OPENWEATHER_API_KEY=" + weather, weather},
		{"openweather, 16 hex digits", "OPENWEATHER_API_KEY=" + hexN("ow", 16), ""},
		{"hex under an unknown provider", "acme_api_key = " + hexN("ac", 32), hexN("ac", 32)},
		// Bare sk- keys have 48 or 32 characters.
		{"sk- key, 48", "stability_key = " + sk48, sk48},
		{"sk- key, 32", "deepseek_key = " + sk32, sk32},
		{"sk- key, 37", "stability_key = sk-" + rnd62("s37", 37), ""},
		{"sk- key, 22", "deepseek_key = sk-" + hexN("d22", 22), ""},
		// A token drawn for a reader.
		{"jwt with a named signature", "API_TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.signature", ""},
		// Formats.
		{"asaas key", "ASAAS_API_KEY=$" + asaas, asaas},
		{"asaas, unknown environment", "ASAAS_API_KEY=$aact_dev_" + rnd62("as", 40), ""},
		{"aiven header", "Authorization: aivenv1 " + aiven, aiven},
	}
	checkFirstFinding(t, s, cases)
}

func TestRound14Helpers(t *testing.T) {
	for v, want := range map[string]string{
		"sk_00ff": "00ff", "ak_00": "00", "00ff": "00ff", "NRAK-00": "NRAK-00", "abcd-00": "abcd-00",
		"sk_live_00": "live_00", "_00": "_00", "toolongprefix_00": "toolongprefix_00",
	} {
		if got := hexBody(v); got != want {
			t.Errorf("hexBody(%q) = %q, want %q", v, got, want)
		}
	}
	for v, want := range map[string]bool{
		"sk-" + rnd62("a", 48): false, "sk-" + rnd62("b", 32): false, "sk-" + rnd62("c", 40): true,
		"sk-abc": true, "sk-ant-" + rnd62("d", 40): false, "sk-proj-" + rnd62("e", 40): false, "pk-" + rnd62("f", 40): false,
	} {
		if got := bareSKNearMiss(v); got != want {
			t.Errorf("bareSKNearMiss(%q) = %v, want %v", v, got, want)
		}
	}
	for v, want := range map[string]bool{
		"a.b.signature": true, "header.payload.sig": true, "eyj.eyj.signaturex": false, "signature": false, "a.b.c": false,
	} {
		if got := jwtLayout(v); got != want {
			t.Errorf("jwtLayout(%q) = %v, want %v", v, got, want)
		}
	}
}
