package secrets

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math"
	"strings"
)

// verdict is what a structural check says about a candidate.
type verdict int

const (
	reject    verdict = iota // cannot be what the rule looks for
	plausible                // no check possible or it proved nothing
	valid                    // the format's checksum or structure holds
)

type validator func(secret string) verdict

var validators = map[string]validator{
	"github-crc32": validGitHub,
	"crc32-hex":    validCRC32Hex,
	"jwt":          validJWT,
	"github-jwt":   validGitHubJWT,
	"jwt-base64":   validJWTBase64,
	"discord-id":   validDiscordID,
	"luhn":         validCard,
	"iban":         validIBAN,
	"ssn":          validSSN,
	"nino":         validNINO,
	"sin":          validSIN,
	"bsn":          validBSN,
	"dni":          validDNI,
	"pem":          validPEM,
	"pem-base64":   validPEMBase64,
	"e164":         validPhone,
	"email":        validEmail,
	"basic-auth":   validBasicAuth,
	"base32-128":   validBase32Key,
}

// validBase32Key checks a key of 128 random bits in unpadded lower-case
// base32 after a prefix (AppSync's da2-): 26 characters whose last holds
// only 3 bits, so its two low bits are zero (a, e, i, m, q, u, y or 4).
func validBase32Key(s string) verdict {
	_, body, ok := strings.Cut(s, "-")
	if !ok || len(body) != 26 {
		return reject
	}
	for i := 0; i < len(body); i++ {
		if c := body[i]; !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return reject
		}
	}
	if !strings.ContainsRune("aeimquy4", rune(body[25])) {
		return reject
	}
	return valid
}

// validBasicAuth decodes "user:password" and drops stand-ins.
func validBasicAuth(s string) verdict {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return plausible
	}
	user, pass, ok := strings.Cut(string(b), ":")
	if !ok || pass == "" || pass == user || isPlaceholder(pass, true) || isPlaceholder(user, false) {
		return reject
	}
	return valid
}

const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func base62(n uint32, alphabet string) string {
	var b [6]byte
	for i := 5; i >= 0; i-- {
		b[i] = alphabet[n%62]
		n /= 62
	}
	return string(b[:])
}

// validGitHub checks the checksum of current GitHub tokens: the last six
// characters are the base62 CRC32 of the 30 random ones before them. A
// token whose checksum fails is kept as plausible: people write fake
// tokens that still leak the shape, and old tokens had no checksum.
func validGitHub(s string) verdict {
	i := strings.IndexByte(s, '_')
	if i < 0 || len(s)-i-1 != 36 {
		return plausible
	}
	body, sum := s[i+1:len(s)-6], s[len(s)-6:]
	for _, alpha := range []string{base62Digits, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"} {
		for _, in := range []string{body, s[:len(s)-6]} {
			if base62(crc32.ChecksumIEEE([]byte(in)), alpha) == sum {
				return valid
			}
		}
	}
	return plausible
}

// validCRC32Hex checks tokens that end in the CRC32 of their body as
// eight lower-case hex digits (Cloudflare's cfk_/cfut_/cfat_ tokens: a
// 40-character body after the prefix). Like GitHub's, a token whose
// checksum fails is kept as plausible.
func validCRC32Hex(s string) verdict {
	i := strings.IndexByte(s, '_')
	if i < 0 || len(s)-i-1 < 9 {
		return plausible
	}
	body, sum := s[i+1:len(s)-8], s[len(s)-8:]
	if fmt.Sprintf("%08x", crc32.ChecksumIEEE([]byte(body))) == sum {
		return valid
	}
	return plausible
}

// GitHubChecksum returns the six-character checksum a GitHub token with
// this prefix ("ghp") and 30-character body carries (for test data).
func GitHubChecksum(body string) string {
	return base62(crc32.ChecksumIEEE([]byte(body)), base62Digits)
}

func decodeB64URL(s string) ([]byte, bool) {
	s = strings.TrimRight(s, "=")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(s)
	}
	return b, err == nil
}

// validJWT needs a base64url JSON header naming an algorithm and a JSON
// payload; "alg":"none" tokens are still credentials-shaped, so kept.
// An unsigned header.payload pair (detect-secrets and ripsecrets count it)
// is accepted when both halves are JSON.
func validJWT(s string) verdict {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 3 && len(parts) != 5 {
		return reject
	}
	h, ok := decodeB64URL(parts[0])
	if !ok {
		return reject
	}
	var hdr map[string]any
	if json.Unmarshal(h, &hdr) != nil {
		return reject
	}
	if _, ok := hdr["alg"].(string); !ok {
		return reject
	}
	if len(parts) == 5 { // JWE: the payload is encrypted
		return valid
	}
	p, ok := decodeB64URL(parts[1])
	if !ok {
		return reject
	}
	var payload map[string]any
	if json.Unmarshal(p, &payload) != nil {
		return reject
	}
	return valid
}

// validJWTBase64 checks a JWT stored base64-encoded once more, as
// Kubernetes Secret data and some CI variables hold service-account and
// API tokens: the value must decode (standard or URL alphabet, padding
// optional) to text that validJWT accepts. A value cut mid-signature
// still decodes to a whole header and payload, so it is judged on those.
func validJWTBase64(s string) verdict {
	b, ok := decodeB64URL(s)
	if !ok {
		// A length of 4n+1 cannot decode; drop the dangling character.
		if b, ok = decodeB64URL(s[:len(s)-1]); !ok {
			return reject
		}
	}
	return validJWT(string(b))
}

// validGitHubJWT checks GitHub's stateless installation tokens,
// ghs_APPID_JWT (issued from April 2026): a numeric app id, then a JWT
// whose header and payload must decode as validJWT asks.
func validGitHubJWT(s string) verdict {
	rest, ok := strings.CutPrefix(s, "ghs_")
	if !ok {
		return reject
	}
	id, jwt, ok := strings.Cut(rest, "_")
	if !ok || id == "" || len(digitsOf(id)) != len(id) {
		return reject
	}
	return validJWT(jwt)
}

func digitsOf(s string) []byte {
	d := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			d = append(d, s[i]-'0')
		}
	}
	return d
}

func luhn(d []byte) bool {
	sum := 0
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i])
		if (len(d)-1-i)%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// Card numbers that payment providers publish for testing.
var testCards = map[string]bool{
	"4111111111111111": true, "4242424242424242": true, "5555555555554444": true,
	"4012888888881881": true, "378282246310005": true, "371449635398431": true,
	"6011111111111117": true, "5105105105105100": true, "4000056655665556": true,
	"5200828282828210": true, "4000000000000002": true, "3566002020360505": true,
	"6011000990139424": true, "30569309025904": true, "38520000023237": true,
}

func validCard(s string) verdict {
	d := digitsOf(s)
	if len(d) < 13 || len(d) > 19 || !luhn(d) {
		return reject
	}
	ds := string(digitsASCII(d))
	if testCards[ds] || allSame(ds) {
		return reject
	}
	return valid
}

func digitsASCII(d []byte) []byte {
	o := make([]byte, len(d))
	for i, v := range d {
		o[i] = v + '0'
	}
	return o
}

func allSame(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}

var ibanLen = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
	"CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24,
	"FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21,
	"HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21,
	"LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30,
	"NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
	"SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}

func validIBAN(s string) verdict {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 15 || len(s) > 34 {
		return reject
	}
	if n, ok := ibanLen[s[:2]]; !ok || n != len(s) {
		return reject
	}
	r := s[4:] + s[:4]
	rem := 0
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		default:
			return reject
		}
	}
	if rem != 1 {
		return reject
	}
	return valid
}

func validSSN(s string) verdict {
	d := string(digitsASCII(digitsOf(s)))
	if len(d) != 9 {
		return reject
	}
	area, group, serial := d[:3], d[3:5], d[5:]
	if area == "000" || area == "666" || area[0] == '9' || group == "00" || serial == "0000" {
		return reject
	}
	// Published examples (Woolworth's wallet card, ads, docs).
	if d == "078051120" || d == "219099999" || d == "123456789" || d == "457555462" {
		return reject
	}
	return valid
}

func validNINO(s string) verdict {
	s = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	if len(s) != 9 {
		return reject
	}
	switch s[:2] {
	case "BG", "GB", "NK", "KN", "TN", "NT", "ZZ":
		return reject
	}
	if s[2:8] == "123456" || s[2:8] == "000000" {
		return reject
	}
	return valid
}

func validSIN(s string) verdict {
	d := digitsOf(s)
	if len(d) != 9 || d[0] == 0 || d[0] == 8 || !luhn(d) {
		return reject
	}
	if string(digitsASCII(d)) == "046454286" { // the government's own example
		return reject
	}
	return valid
}

func validBSN(s string) verdict {
	d := digitsOf(s)
	if len(d) != 9 {
		return reject
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(d[i]) * (9 - i)
	}
	sum -= int(d[8])
	if sum%11 != 0 || sum == 0 {
		return reject
	}
	return valid
}

func validDNI(s string) verdict {
	s = strings.ReplaceAll(strings.ToUpper(s), "-", "")
	if len(s) != 9 {
		return reject
	}
	num := s[:8]
	switch num[0] {
	case 'X':
		num = "0" + num[1:]
	case 'Y':
		num = "1" + num[1:]
	case 'Z':
		num = "2" + num[1:]
	}
	n := 0
	for i := 0; i < len(num); i++ {
		if num[i] < '0' || num[i] > '9' {
			return reject
		}
		n = n*10 + int(num[i]-'0')
	}
	if "TRWAGMYFPDXBNJZSQVHLCKE"[n%23] != s[8] || n == 12345678 || n == 0 {
		return reject
	}
	return valid
}

// validPEM wants a body that looks like real base64 key material, not a
// "..." or "<key here>" stand-in.
func validPEM(s string) verdict {
	i := strings.Index(s, "-----\n")
	if i < 0 {
		i = strings.Index(s, "-----")
	}
	body := s
	if i >= 0 {
		body = s[i+5:]
	}
	if j := strings.LastIndex(body, "-----END"); j >= 0 {
		body = body[:j]
	}
	n, distinct := 0, map[byte]bool{}
	for k := 0; k < len(body); k++ {
		c := body[k]
		if isB64(c) {
			n++
			distinct[c] = true
		}
	}
	if n < 40 || len(distinct) < 16 || strings.Contains(body, "...") {
		return reject
	}
	return valid
}

// validPEMBase64 decodes the start of a base64-encoded PEM block: it must
// open a private key, not a certificate or public key, and the body after
// the header must be key material (validPEM).
func validPEMBase64(s string) verdict {
	n := min(len(s), 320) / 4 * 4
	b, err := base64.StdEncoding.DecodeString(s[:n])
	if err != nil {
		return reject
	}
	head, _, _ := strings.Cut(string(b), "\n")
	if !strings.HasPrefix(head, "-----BEGIN") || !strings.Contains(head, "PRIVATE KEY") {
		return reject
	}
	if validPEM(string(b)) == reject {
		return reject
	}
	return valid
}

func isB64(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
}

func validPhone(s string) verdict {
	d := digitsOf(s)
	if len(d) < 8 || len(d) > 15 {
		return reject
	}
	ds := string(digitsASCII(d))
	if allSame(ds[1:]) || strings.Contains(ds, "1234567") || strings.Contains(ds, "5550100") {
		return reject
	}
	// Dates and versions (2024-01-15, 1.2.3.4) are not phone numbers.
	if strings.Count(s, ".") >= 3 || (strings.Count(s, "-") == 2 && len(d) == 8) {
		return reject
	}
	return plausible
}

var exampleDomains = []string{"example.com", "example.org", "example.net", "test.com", "domain.com", "email.com", "yourcompany.com", "company.com", "acme.com", "localhost"}

func validEmail(s string) verdict {
	l := strings.ToLower(s)
	at := strings.LastIndexByte(l, '@')
	if at < 1 {
		return reject
	}
	dom := l[at+1:]
	for _, d := range exampleDomains {
		if dom == d || strings.HasSuffix(dom, "."+d) {
			return reject
		}
	}
	if strings.HasSuffix(dom, ".example") || strings.HasSuffix(dom, ".test") || strings.HasSuffix(dom, ".invalid") || strings.HasSuffix(dom, ".local") {
		return reject
	}
	// file@2x.png, name@1.0.0
	last := dom[strings.LastIndexByte(dom, '.')+1:]
	switch last {
	case "png", "jpg", "jpeg", "gif", "svg", "webp", "js", "ts", "css", "map":
		return reject
	}
	switch l[:at] {
	case "noreply", "no-reply", "user", "username", "name", "you", "your.name", "john.doe", "jane.doe", "foo", "test":
		return reject
	}
	return plausible
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	e := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			e -= p * math.Log2(p)
		}
	}
	return e
}

// validDiscordID checks the first part of a Discord bot token: the
// base64 of the bot's numeric user id (a snowflake of 17 to 20 digits).
// It lets the token be reported with no "discord" nearby.
func validDiscordID(s string) verdict {
	id, _, _ := strings.Cut(s, ".")
	b, ok := decodeB64URL(id)
	if !ok || len(b) < 17 || len(b) > 20 || b[0] == '0' {
		return reject
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return reject
		}
	}
	return valid
}

// sealedCiphertext reports a Bitnami Sealed Secrets value: base64 of a
// big-endian uint16 length n, an RSA-OAEP-encrypted session key of n
// bytes (a 1024- to 4096-bit key) and the AES-GCM ciphertext after it.
// Such values are made to be committed and shared; only the cluster's
// private key opens them. Checked only for long base64 values that
// start as the length does ("AQ…" for 256 bytes, "Ag…" for 512); only
// the length is decoded, since values are often wrapped or re-padded.
func sealedCiphertext(v string) bool {
	if len(v) < 360 || !(strings.HasPrefix(v, "AQ") || strings.HasPrefix(v, "Ag") || strings.HasPrefix(v, "AI") || strings.HasPrefix(v, "AY")) {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !isB64(v[i]) && v[i] != '=' {
			return false
		}
	}
	b, err := base64.StdEncoding.DecodeString(v[:4])
	if err != nil {
		return false
	}
	n := int(b[0])<<8 | int(b[1])
	switch n {
	case 128, 256, 384, 512:
		return len(v)*3/4 >= 2+n+16
	}
	return false
}
