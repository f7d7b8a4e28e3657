package secrets

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
)

// Round 9: causes read in CredSweeper's former held-out half
// (docs/secrets-rounds.md, Round 9). Values generated for this test, not copied.
func TestRound9Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	const deepseek = "sk-af2a93891cf29d7e9ce165322290f91e"
	cases := []firstFindingCase{
		// Terminal colours around a key in a tool's log.
		{"coloured key", ">>>\x1b[93m" + deepseek + "\x1b[0m<<<", deepseek},
		{"coloured word", "\x1b[1;31mERROR\x1b[0m token expired", ""},
		{"escape at the end", "key=\x1b[", ""},
		// An option constant followed by its literal.
		{"curl password option", `curl_easy_setopt(h, CURLOPT_PASSWORD, "Ukk1fr6ghW20kqOxqomTSRVmFKImA9");`, "Ukk1fr6ghW20kqOxqomTSRVmFKImA9"},
		{"curl user and password", `curl_easy_setopt(h, CURLOPT_USERPWD, "root:dkb82VddSD");`, "root:dkb82VddSD"},
		{"option set from a variable", `curl_easy_setopt(h, CURLOPT_PASSWORD, password);`, ""},
		{"constant as the last argument", `check(opts, CURLOPT_PASSWORD)`, ""},
		{"constant not an argument", `x = DB_PASSWORD, "Ukk1fr6ghW20kqOxqomTSRVmFKImA9"`, ""},
		// PowerShell secure strings.
		{"bare value after switches", `ConvertTo-SecureString -String -Force dsjUE#$gds8s`, "dsjUE#$gds8s"},
		{"escaped quotes in a string", `"ConvertTo-SecureString \"4yd21JKH~GE8dkd\""`, "4yd21JKH~GE8dkd"},
		{"plain text switch after", `ConvertTo-SecureString "Wq7zPl2x!" -AsPlainText -Force`, "Wq7zPl2x!"},
		{"prose about the cmdlet", "The ConvertTo-SecureString cmdlet converts encrypted standard strings.", ""},
		{"variable", `ConvertTo-SecureString -String $enc -Key $key`, ""},
		{"expression", `ConvertTo-SecureString (Get-Content pw.txt)`, ""},
		{"encrypted standard string", `ConvertTo-SecureString "` + strings.Repeat("01000000d08c9ddf0115d1118c7a00c04fc297eb", 8) + `"`, ""},
		// Numbers are not passwords.
		{"hex integer", "#define PASSWORD 0x0dead1beef7cafe2", ""},
		{"longer than 64 bits", "#define PASSWORD 0x0dead1beef7cafe2a9", "0x0dead1beef7cafe2a9"},
		// Formats.
		{"together key", "tgp_v1_7VIrxaR7kQfWv52uvEgoqiXnLAC1lIAYJRfza0hW_rd", "tgp_v1_7VIrxaR7kQfWv52uvEgoqiXnLAC1lIAYJRfza0hW_rd"},
		{"together key cut", "tgp_v1_7VIrxaR7kQfWv52uvEgoqiXnLAC1", ""},
		{"gitlab workspace token", "glwt-pBV62h9MahWLm52mva5fiI6bG # workspace", "glwt-pBV62h9MahWLm52mva5fiI6bG"},
		{"gitlab workspace prefix only", "glwt-pBV62h9M", ""},
		{"gitlab session cookie", "Cookie: _gitlab_session=ae1f22da2f54fdf309e28580aeba55aa", "ae1f22da2f54fdf309e28580aeba55aa"},
		{"gitlab session not hex", "_gitlab_session=ae1f22da2f54fdf3", ""},
		{"rotated slack token without prefix", "xoxp-1-fKFI6mAezmOWfSLjl8MU9cdrJRM2jVrVKch3Tz85pkNGcVx2RHLKXSf3wh34LxCnzm8KVbyZMvaBhnoCru0ftOsgHYdbyXJZBFwTXpKVeBPog9WzGx93JxiQskS14qbd8Zlq8khMjaddCnYysNa9ZwsjEJri9fVJsShe", "xoxp-1-fKFI6mAezmOWfSLjl8MU9cdrJRM2jVrVKch3Tz85pkNGcVx2RHLKXSf3wh34LxCnzm8KVbyZMvaBhnoCru0ftOsgHYdbyXJZBFwTXpKVeBPog9WzGx93JxiQskS14qbd8Zlq8khMjaddCnYysNa9ZwsjEJri9fVJsShe"},
		{"slack token too short", "xoxp-1-fKFI6mAezmOWfSLjl8MU9cdrJRM2jVrVKch3Tz85pkNGcVx2RHLKXSf3wh34LxCnzm8KVbyZMvaB", ""},
		{"twitter bearer, 21 A's", "tp:AAAAAAAAAAAAAAAAAAAAACjTJWYyL4ZkQTrXM4MFwg7drHilZO0fkXYo2amlEDLJIyflJEL8qIe8PbLL4BItHHIP6Ye4PKI9teUoUiggSFDdF4OUdRM", "AAAAAAAAAAAAAAAAAAAAACjTJWYyL4ZkQTrXM4MFwg7drHilZO0fkXYo2amlEDLJIyflJEL8qIe8PbLL4BItHHIP6Ye4PKI9teUoUiggSFDdF4OUdRM"},
		{"twitter bearer, 20 A's", "AAAAAAAAAAAAAAAAAAAACjTJWYyL4ZkQTrXM4MFwg7drHilZO0fkXYo2amlEDLJIyflJEL8qIe8PbLL4BItHHIP6Ye4PKI9teUoUiggSFDdF4OUdRM", ""},
		{"heroku key", "HRKU-dVF6DV-Fekg00ikyexkidT88djQkPb75tX9rnSD5qyCnogpjkVnd7zVkEaGz", "HRKU-dVF6DV-Fekg00ikyexkidT88djQkPb75tX9rnSD5qyCnogpjkVnd7zVkEaGz"},
		{"heroku key cut", "HRKU-dVF6DV-Fekg00ikyexkidT88djQkPb75tX9rnSD5qyCnogpjkVnd7zVkEa", ""},
		{"supabase v0 token", "sbp_v0_0e803d18fa7184915bc0930ae7dafbcd6289eeee", "sbp_v0_0e803d18fa7184915bc0930ae7dafbcd6289eeee"},
		{"supabase v0 not hex", "sbp_v0_0e803d18fa7184915bc0930ae7dafbcd6289zzzz", ""},
		{"dropbox long-lived token", "var g = 'ylvzdufkuIbAAAAAAAAAAmnTxQ5i8OfvC9MMW84QUynSIXvebQJAEo3UuW1ZGGgD'", "ylvzdufkuIbAAAAAAAAAAmnTxQ5i8OfvC9MMW84QUynSIXvebQJAEo3UuW1ZGGgD"},
		{"ten A's inside base64", "data:image/png;base64,iVBORw0KGgo/ylvzdufkuIbAAAAAAAAAAmnTxQ5i8OfvC9MMW84QUynSIXvebQJAEo3UuW1ZGGgD/aGVsbG8=", ""},
		{"azure identifiable key", "key: Tas6Ineoa6ucfjvkSgG0YzP1zy4LG3iGSww8rmu6yKlZNX3lKkatJQQJ99BFACAAAAAR4brEH3WRB6WfACOGrsjH", "Tas6Ineoa6ucfjvkSgG0YzP1zy4LG3iGSww8rmu6yKlZNX3lKkatJQQJ99BFACAAAAAR4brEH3WRB6WfACOGrsjH"},
		{"azure key one byte short", "Tas6Ineoa6ucfjvkSgG0YzP1zy4LG3iGSww8rmu6yKlZNX3lKkatJQQJ99BFACAAAAAR4brEH3WRB6WfACOGrsj", ""},
		{"azure key filler", strings.Repeat("o", 52) + "JQQJ99BFACAAAAAR4brEH3WRB6WfACOGrsjH", ""},
		{"instagram token", "IGQV59DwQsSgJSdxm6rRAr2Bz2bgT-VhVZ73ymvkTHF8xbQCwdhzRKqQMYejZF67fOwszWtWeYrK19xm-HGVSbzh7NnAbz7pGNLCbw1IVSPudrAlgAcH4TTjm02whFt1UyS0euOJ6LK32nhTC0HU5Vi0xipP2-cN3k", "IGQV59DwQsSgJSdxm6rRAr2Bz2bgT-VhVZ73ymvkTHF8xbQCwdhzRKqQMYejZF67fOwszWtWeYrK19xm-HGVSbzh7NnAbz7pGNLCbw1IVSPudrAlgAcH4TTjm02whFt1UyS0euOJ6LK32nhTC0HU5Vi0xipP2-cN3k"},
		{"instagram prefix in a word", "IGQVJWS3pUNmZA2MUJDVlRw", ""},
		{"akamai token", "client_token = akab-yqm4kbpsa7ham2gy-6rle77tj0lmt4s46", "akab-yqm4kbpsa7ham2gy-6rle77tj0lmt4s46"},
		{"akamai host name", "akab-yqm4kbpsa7ham2gy-6rle77tj0lmt4s46.luna.akamaiapis.net", "akab-yqm4kbpsa7ham2gy-6rle77tj0lmt4s46"},
		{"akamai filler", "akab-xxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxx", ""},
	}
	checkFirstFinding(t, s, cases)
}

// pseudoBytes returns n deterministic bytes that look random.
func pseudoBytes(prefix []byte, n int) []byte {
	b := append([]byte(nil), prefix...)
	h := sha256.Sum256([]byte("round9"))
	for len(b) < n {
		h = sha256.Sum256(h[:])
		b = append(b, h[:]...)
	}
	return b[:n]
}

// Sealed Secrets ciphertexts are made to be shared; a long random key
// under the same name is still reported.
func TestRound9SealedSecrets(t *testing.T) {
	s := mustScanner(t, Options{})
	sealed := base64.StdEncoding.EncodeToString(pseudoBytes([]byte{2, 0}, 560))
	other := base64.StdEncoding.EncodeToString(pseudoBytes([]byte{0x7f, 0x3a}, 560))
	short := base64.StdEncoding.EncodeToString(pseudoBytes([]byte{2, 0}, 300)) // shorter than its key
	for _, c := range []struct {
		name, value string
		want        bool
	}{
		{"sealed, 4096-bit key", sealed, false},
		{"sealed, wrapped padding", strings.TrimRight(sealed, "=") + "=", false},
		{"random, same length", other, true},
		{"length prefix, too short", short, true},
	} {
		fs := s.Scan("  encryptedData:\n    API_TOKEN: " + c.value + "\n")
		if got := len(fs) > 0; got != c.want {
			t.Errorf("%s: found %v, want %v (%v)", c.name, got, c.want, fs)
		}
	}
}

// A JWT longer than the window after its keyword is read to its end.
func TestRound9LongJWT(t *testing.T) {
	s := mustScanner(t, Options{})
	enc := base64.RawURLEncoding.EncodeToString
	payload := `{"aud":"api","iss":"https://sts.example/","aio":"` + strings.Repeat("Qm7vR2xK9pLw4TnZ", 90) + `"}`
	jwt := enc([]byte(`{"typ":"JWT","alg":"RS256"}`)) + "." + enc([]byte(payload)) + ".pj4N-w_3Us9DrBLfpCt"
	for _, text := range []string{jwt, "Authorization: Bearer " + jwt + "\n"} {
		fs := s.Scan(text)
		if len(fs) != 1 || text[fs[0].Start:fs[0].End] != jwt {
			t.Errorf("long JWT (%d bytes): findings %v", len(jwt), fs)
		}
	}
}

// FuzzBlankANSI checks that blanking escapes keeps the length and every
// byte that is not part of an escape sequence.
func FuzzBlankANSI(f *testing.F) {
	f.Add("\x1b[93msk-x\x1b[0m")
	f.Add("\x1b[")
	f.Add("a\x1bb")
	f.Fuzz(func(t *testing.T, text string) {
		out := blankANSI(text)
		if len(out) != len(text) {
			t.Fatalf("length %d, want %d", len(out), len(text))
		}
		if strings.IndexByte(out, 0x1b) >= 0 {
			t.Fatalf("escape left in %q", out)
		}
		for i := 0; i < len(text); i++ {
			if out[i] != text[i] && out[i] != ' ' {
				t.Fatalf("byte %d changed to %q", i, out[i])
			}
		}
		_ = sealedCiphertext(text)
		_ = constantArg(text, 0, len(text))
	})
}
