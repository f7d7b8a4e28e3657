package secrets

import (
	"encoding/base64"
	"math"
	"strings"
)

// The named-credential detector catches keys of providers no rule knows:
// a value shaped like an issued token (long, mixed character classes,
// random-looking) written next to a name, any name ("assemblyai: <key>",
// "acme token - '<key>'", "ACME_API = <key>"). It is driven by the value,
// not by keywords: the text is sampled for long runs of token bytes, which
// ordinary prose and code rarely contain, and only those runs look left
// for a name.

// namedDetector is the Detector value of the named-credential rule.
const namedDetector = "generic-named"

func namedRule() Rule {
	return Rule{
		ID: "generic-named-credential", Description: "Token-shaped value written next to a name (a provider no rule names)",
		Category: "generic", Detector: namedDetector, Context: true,
	}
}

const (
	namedMinLen = 20
	namedMaxLen = 200
)

// namedValueByte is the alphabet of token values: base64 (both
// flavours), hex, and the separators issued keys use.
var namedValueByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		t[c] = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '+' || b == '/' || b == '=' || b == '.' || b == '~'
	}
	return t
}()

// namedScan calls emit for each value it accepts, with the value's bounds
// and the start of the name. It samples every namedMinLen-th byte: a run
// at least that long must contain a sampled byte.
func namedScan(text string, emit func(vs, ve, ns int)) {
	i := namedMinLen - 1
	lo := 0 // runs never extend left of here: the previous run ended before it
	for i < len(text) {
		if !namedValueByte[text[i]] {
			lo = i + 1
			i += namedMinLen
			continue
		}
		s := i
		for s > lo && namedValueByte[text[s-1]] {
			s--
		}
		e := i + 1
		for e < len(text) && namedValueByte[text[e]] {
			e++
		}
		if e-s >= namedMinLen {
			if vs, ve, ns, ok := namedCandidate(text, s, e); ok {
				emit(vs, ve, ns)
			}
		}
		lo = e
		i = e + namedMinLen
	}
}

// namedCandidate checks the run text[s:e] and the name to its left.
func namedCandidate(text string, s, e int) (vs, ve, ns int, ok bool) {
	// Sentence punctuation and base64 padding are not part of a name check.
	for e > s && (text[e-1] == '.' || text[e-1] == '-') {
		e--
	}
	if e-s < namedMinLen || e-s > namedMaxLen {
		return
	}
	v := text[s:e]
	shape := namedShape(v)
	if shape == shapeNone {
		return
	}
	n, words, found := namedContext(text, s, e)
	if !found {
		return 0, 0, 0, false
	}
	if shape == shapeWeak && (!secretNamed(words) || len(words) == 1 && words[0] == "key") {
		// Hex and UUIDs are digests and ids unless the name says key,
		// secret or token; a field named just "key" holds cache keys
		// and object hashes far more often than credentials.
		return 0, 0, 0, false
	}
	return s, e, n, true
}

type valueShape int

const (
	shapeNone   valueShape = iota
	shapeWeak              // hex or UUID: needs a secret noun in the name
	shapeStrong            // looks issued: mixed classes, high entropy
)

// namedShape decides whether v looks like an issued token.
func namedShape(v string) valueShape {
	if v[0] == '=' || v[0] == '/' || v[0] == '+' {
		return shapeNone // base64 never starts with padding; / and + start paths and sums
	}
	// Most runs in text are host names, file names and URLs: rejected
	// here, before the placeholder word lists (the dot test below, asked
	// first; a dotted value can only pass as UUID-shaped).
	if strings.IndexByte(v, '.') >= 0 && !isUUIDish(v) {
		return shapeNone
	}
	if isPlaceholder(v, true) || publicClientToken(v) {
		return shapeNone
	}
	if strings.HasPrefix(v, "AAAA") {
		// Base64 of length-prefixed binary: SSH public keys
		// (ssh-ed25519 AAAAC3...), DER structures. An issued token starts
		// with four A's once in fifteen million.
		return shapeNone
	}
	l, u, d, o := charClasses(v)
	if d < 2 || l+u < 4 {
		if l > 0 && u > 0 && len(v) >= 20 && base64Text(v) {
			return shapeWeak // base64 of user:password has few digits
		}
		return shapeNone
	}
	if isUUIDish(v) {
		return shapeWeak
	}
	if isHex(v) {
		if d < 4 || l+u < 4 {
			return shapeNone
		}
		return shapeWeak
	}
	// Dots join host names, file names, versions and package paths;
	// issued tokens with dots (JWTs) have their own rule.
	if strings.IndexByte(v, '.') >= 0 {
		return shapeNone
	}
	if strings.Count(v, "/") >= 2 && !(u > 0 && l > 0 && strings.ContainsAny(v, "+=")) {
		return shapeNone // a path
	}
	// Class changes (lower, upper, digit): random keys switch at most
	// positions, identifiers with a version or a count
	// (v2_client_config_2024) rarely.
	if transitions(v)*5 < len(v) {
		return shapeNone
	}
	if o > len(v)/4 {
		return shapeNone
	}
	alpha := 0
	if l > 0 {
		alpha += 26
	}
	if u > 0 {
		alpha += 26
	}
	alpha += 10
	if o > 0 {
		alpha += 4
	}
	// Expected entropy of a random string this long over this alphabet,
	// roughly: log2 of the smaller of length and alphabet size.
	want := 0.78 * math.Log2(float64(min(len(v), alpha)))
	if entropy(v) < want {
		return shapeNone
	}
	if isULID(v) || wordy(v) {
		return shapeNone
	}
	if u == 0 && l > 0 && (len(v) < 24 || strings.Count(v, "-") >= 3) || base64Text(v) {
		// Short or hyphenated lower-case-and-digit values are slugs,
		// generated names and names with numbers; base64 of text is a cursor or an encoded id, or
		// user:password. A secret noun in the name decides.
		return shapeWeak
	}
	return shapeStrong
}

// isULID reports a ULID: 26 Crockford base32 characters, time first.
func isULID(v string) bool {
	if len(v) != 26 || v[0] < '0' || v[0] > '7' {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i] &^ 0x20
		if v[i] >= '0' && v[i] <= '9' {
			continue
		}
		if c < 'A' || c > 'Z' || c == 'I' || c == 'L' || c == 'O' || c == 'U' {
			return false
		}
	}
	return true
}

// wordy reports identifiers made of words (convertIPv4ToIPv6,
// base64urlToUint8Array): most letters sit in pronounceable segments of
// four or more, which random keys rarely form.
func wordy(v string) bool {
	letters, inWords := 0, 0
	for i := 0; i < len(v); {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			i++
			continue
		}
		// A segment: an optional capital, then lower-case letters; or a
		// run of capitals not followed by a lower-case letter.
		j := i + 1
		if c >= 'A' && c <= 'Z' {
			for j < len(v) && v[j] >= 'A' && v[j] <= 'Z' {
				j++
			}
			if j < len(v) && v[j] >= 'a' && v[j] <= 'z' && j-i > 1 {
				j-- // the last capital starts the next word: IPv -> I, Pv
			}
		}
		if j == i+1 || c >= 'a' && c <= 'z' {
			for j < len(v) && v[j] >= 'a' && v[j] <= 'z' {
				j++
			}
		}
		seg := v[i:j]
		letters += len(seg)
		if len(seg) >= 4 {
			vow := 0
			for k := 0; k < len(seg); k++ {
				switch seg[k] | 0x20 {
				case 'a', 'e', 'i', 'o', 'u', 'y':
					vow++
				}
			}
			if vow*6 >= len(seg) && vow*10 <= len(seg)*7 && maxConsonants(seg) <= 3 {
				inWords += len(seg)
			}
		}
		i = j
	}
	return letters > 0 && inWords*2 >= letters
}

// maxConsonants is the longest run of consonants in a word.
func maxConsonants(w string) int {
	run, best := 0, 0
	for i := 0; i < len(w); i++ {
		switch w[i] | 0x20 {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			run = 0
		default:
			run++
			best = max(best, run)
		}
	}
	return best
}

// transitions counts changes between lower-case letters, capitals and
// digits.
func transitions(v string) int {
	n := 0
	prev := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		k := 0
		switch {
		case c >= '0' && c <= '9':
			k = 1
		case c >= 'a' && c <= 'z':
			k = 2
		case c >= 'A' && c <= 'Z':
			k = 3
		}
		if k != 0 {
			if prev != 0 && k != prev {
				n++
			}
			prev = k
		}
	}
	return n
}

// isUUIDish reports 8-4-4-4-12 groups of alphanumerics.
func isUUIDish(v string) bool {
	if len(v) != 36 {
		return false
	}
	for i := 0; i < len(v); i++ {
		dash := i == 8 || i == 13 || i == 18 || i == 23
		if dash != (v[i] == '-') {
			return false
		}
	}
	return true
}

// base64Text reports base64 that decodes to printable text: cursors,
// GitHub node ids, encoded JSON. Issued keys decode to binary, if at all.
func base64Text(v string) bool {
	if len(v)%4 == 1 {
		return false
	}
	var b []byte
	var err error
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err = enc.DecodeString(strings.TrimRight(v, "=")); err == nil {
			break
		}
	}
	if err != nil || len(b) == 0 {
		return false
	}
	printable := 0
	for _, c := range b {
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			printable++
		}
	}
	return printable*10 >= len(b)*9
}

// namedSeparators are what may stand between a name and its value, read
// right to left after the value's opening quote and blanks.
// namedContext finds the name left of the value at text[s:e] and returns
// its start and words. Accepted forms:
//
//	name: value   name = 'value'   name := "value"   name => 'value'
//	name - 'value'   "name": "value"   name 'value'   name value
//	name is value   Name-Header: value   --name value
func namedContext(text string, s, e int) (ns int, words []string, ok bool) {
	// The value must end at a token boundary: a quote, a blank, a
	// separator or the end of the text, not in the middle of something.
	if e < len(text) {
		switch text[e] {
		case '"', '\'', '`', ' ', '\t', '\n', '\r', ',', ';', ')', '}', ']', '|', '\\', '<', '&':
		default:
			return
		}
	}
	i := s
	// Blanks inside quotes: ' value '.
	if i > 0 && text[i-1] == ' ' && i > 1 && (text[i-2] == '\'' || text[i-2] == '"') {
		i--
	}
	quoted := false
	if i > 0 && (text[i-1] == '"' || text[i-1] == '\'' || text[i-1] == '`') {
		quoted = true
		i--
		if i > 0 && text[i-1] == '\\' { // escaped JSON
			i--
		}
	}
	// A scheme word before the value: "Bearer x".
	if !quoted {
		for _, w := range []string{"Bearer ", "bearer ", "Token ", "token "} {
			if hasAt(text, i-len(w), w) {
				i -= len(w)
				break
			}
		}
	}
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') && i-j < 4 {
		j--
	}
	spaced := j < i
	sep := false
	switch {
	case j > 0 && (text[j-1] == ':' || text[j-1] == '='):
		j--
		for j > 0 && (text[j-1] == ':' || text[j-1] == '=' || text[j-1] == '>' || text[j-1] == '-' || text[j-1] == '?') && i-j < 8 {
			j--
		}
		sep = true
	case j > 1 && text[j-1] == '>' && text[j-2] == '=':
		j -= 2
		sep = true
	case spaced && j > 0 && text[j-1] == '-' && j > 1 && text[j-2] == ' ':
		j-- // name - 'value'
		sep = true
	case spaced && hasAt(text, j-3, " is"):
		j -= 2
		sep = true
	case spaced && j > 0 && isIdentByte(text[j-1]):
		// name 'value' or name value: adjacency only.
	default:
		return
	}
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') && i-j < 12 {
		j--
	}
	// The name's closing quote ("name": "value").
	nameQuoted := false
	if sep && j > 0 && (text[j-1] == '"' || text[j-1] == '\'') {
		j--
		nameQuoted = true
		if j > 0 && text[j-1] == '\\' {
			j--
		}
	}
	ne := j
	for j > 0 && ne-j < 64 && isIdentByte(text[j-1]) {
		j--
	}
	name := strings.Trim(text[j:ne], "-.")
	if len(name) < 2 || ne-j >= 64 {
		return
	}
	if !sep {
		// Adjacency without a separator is prose-like; accept it only
		// when the value is quoted or the name heads a line (lineHead), so that
		// "see commit X" and sentences with a word before a code do not
		// count, and never after a keyword of a programming language
		// ("const validBase64Strings = [").
		if !quoted && !lineHead(text, j, name) || codeWords[text[j:ne]] {
			return
		}
		if !quoted {
			k := e
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k < len(text) && text[k] != '\n' && text[k] != '\r' && text[k] != '\'' && text[k] != '"' && !namedValueByte[text[k]] {
				return // "name value = ...", "name value(...)": code
			}
		}
	}
	_ = nameQuoted
	words = splitWords(name)
	if len(words) == 0 || len(words) > 6 {
		return
	}
	hasLetter := false
	for i := 0; i < len(name); i++ {
		if c := name[i] | 0x20; c >= 'a' && c <= 'z' {
			hasLetter = true
			break
		}
	}
	if !hasLetter {
		return
	}
	// A secret noun in the name (client_secret, app_key) overrides the
	// id-like words of namedDeny, not the generic deny list.
	secret := secretNamed(words)
	for _, w := range words {
		if denyWords[w] || (!secret && namedDeny[w]) {
			return
		}
	}
	// The word before a single-word name ("image digest X", "Cache key: X").
	if p := prevWord(text, j); p != "" && (denyWords[strings.ToLower(p)] || namedDeny[strings.ToLower(p)]) && len(words) == 1 {
		return
	}
	return j, words, true
}

// lineHead reports whether the name at text[j:] starts its line, or
// follows at most two words there when it is a secret noun: the
// "acme SECRET <value>", "acme access key <value>" form of rule examples
// and notes ("<provider> <noun> <value>" on a line of its own).
func lineHead(text string, j int, name string) bool {
	words := 0
	for k := j; ; {
		ls := k
		for ls > 0 && (text[ls-1] == ' ' || text[ls-1] == '\t') {
			ls--
		}
		if ls == 0 || text[ls-1] == '\n' {
			return true
		}
		if ls == k || words == 2 || !secretNamed(splitWords(name)) {
			return false
		}
		k = ls
		for k > 0 && isIdentByte(text[k-1]) {
			k--
		}
		if k == ls || codeWords[text[k:ls]] {
			return false
		}
		words++
	}
}

// codeWords are keywords that stand before an identifier in code.
var codeWords = map[string]bool{
	"const": true, "let": true, "var": true, "val": true, "return": true, "import": true, "export": true,
	"from": true, "func": true, "function": true, "def": true, "class": true, "new": true, "type": true,
	"case": true, "public": true, "private": true, "protected": true, "static": true, "final": true,
	"package": true, "as": true, "in": true, "of": true, "if": true, "else": true, "await": true,
	"yield": true, "typeof": true, "instanceof": true, "extends": true, "implements": true, "struct": true,
	"interface": true, "enum": true, "goto": true, "throw": true, "delete": true, "void": true, "async": true,
}

// namedDeny are name words that carry hashes, ids and other random but
// public values.
var namedDeny = map[string]bool{
	"sha": true, "sha1": true, "sha256": true, "sha384": true, "sha512": true, "md5": true, "h1": true,
	"blake2b": true, "crc": true, "crc32": true, "checksum": true, "digest": true, "hash": true, "commit": true,
	"etag": true, "integrity": true, "nonce": true, "uuid": true, "guid": true, "uid": true, "id": true,
	"request": true, "trace": true, "span": true, "correlation": true, "session": true, "version": true,
	"build": true, "image": true, "sum": true, "fingerprint": true, "signature": true, "sig": true,
	"cursor": true, "after": true, "before": true, "offset": true, "revision": true, "rev": true,
	"tag": true, "ref": true, "branch": true, "run": true, "job": true, "node": true, "object": true,
	"message": true, "msg": true, "thread": true, "conversation": true, "chat": true, "channel": true,
	"state": true, "salt": true, "iv": true, "seed": true, "code": true, "challenge": true, "verifier": true,
	"data": true, "content": true, "body": true, "text": true, "value": true, "title": true, "slug": true,
	"sri": true, "hmac": true, "mac": true, "snapshot": true, "tx": true, "txid": true, "block": true,
	"address": true, "addr": true, "wallet": true, "account": true, "client": true, "tenant": true,
	"project": true, "org": true, "team": true, "workspace": true, "app": true, "application": true,
	"x5t": true, "s256": true, "pubkey": true, "ssh": true, "rsa": true, "ecdsa": true, "ed25519": true, "cert": true, "certificate": true, "thumbprint": true, "kid": true, "jti": true,
	"ts": true, "timestamp": true, "lock": true, "resolved": true, "link": true, "href": true, "src": true,
	"mappings": true, "sourcemap": true, "base64": true, "b64": true, "encoded": true, "raw": true,
	"match": true, "expected": true, "actual": true, "want": true, "got": true, "result": true,
	"secure": true, "encrypted": true, "ciphertext": true, "cipher": true, "enc": true,
	"random": true, "uniq": true, "unique": true, "short": true, "serial": true, "number": true, "no": true,
	// File and MIME types name base64 data ("image/png": "iVBOR…").
	"png": true, "jpg": true, "jpeg": true, "gif": true, "webp": true, "ico": true, "bmp": true, "svg": true,
	"woff": true, "woff2": true, "ttf": true, "otf": true, "pdf": true, "wasm": true,
}

// secretNamed reports whether a name ends in a secret noun, as the
// generic detector reads it (FIPS_KEY_STRING names a string, api_key_value
// a key).
func secretNamed(words []string) bool {
	for len(words) > 1 && trailingWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return false
	}
	w := words[len(words)-1]
	return hasNounSuffix(w, keyNouns) || hasNounSuffix(w, passNouns)
}
