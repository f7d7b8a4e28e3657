package secrets

import (
	"strings"
)

// genericKind selects what the generic assignment detector looks for.
type genericKind int

const (
	genericNone genericKind = iota
	genericKey
	genericPassword
	genericNamed // value-driven: see named.go
)

var genericKinds = map[string]genericKind{
	"generic-key":      genericKey,
	"generic-password": genericPassword,
	namedDetector:      genericNamed,
}

// genericRules are the context detectors that catch credentials of
// providers no rule names: an identifier that says "secret" assigned a
// value that looks like one.
func genericRules() []Rule {
	return []Rule{
		{
			ID: "generic-api-key", Description: "Secret, token or API key assigned to a variable, field or header",
			Category: "generic", Detector: "generic-key", Context: true,
			Keywords: []string{"key", "secret", "token", "auth", "credential", "creds", "bearer", "jwt", "apikey"},
		},
		{
			ID: "generic-password", Description: "Password assigned to a variable, field, flag or stated in text",
			Category: "generic", Detector: "generic-password", Context: true,
			Keywords: []string{"passw", "pwd", "pass", "pw", "passphrase", "mot de passe", "contraseña", "passwort", "senha", "pswd", "psswd", "pswrd", "psword", "psswrd", "pssword", "paswd", "paswrd", "pasword"},
		},
		namedRule(),
	}
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

// splitWords splits an identifier into lower-case words at _ - . and
// camelCase boundaries. It allocates; it runs only after a keyword hit.
func splitWords(id string) []string {
	var words []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, strings.ToLower(id[start:end]))
		}
		start = -1
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c == '_' || c == '-' || c == '.' {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		// camelCase: lower or digit followed by upper starts a word.
		if c >= 'A' && c <= 'Z' {
			p := id[i-1]
			if p >= 'a' && p <= 'z' || p >= '0' && p <= '9' {
				flush(i)
				start = i
			}
		}
	}
	flush(len(id))
	return words
}

var keyNouns = []string{"key", "secret", "token", "auth", "authorization", "credential", "credentials", "creds", "bearer", "jwt", "apikey", "accesskey", "secretkey", "privatekey", "authkey", "apitoken", "authtoken", "accesstoken", "refreshtoken", "clientsecret", "appsecret", "sessiontoken", "secretaccesskey"}
var passNouns = []string{"password", "passwd", "pwd", "pass", "passphrase", "passwort", "contraseña", "senha", "pw",
	// Abbreviations and misspellings people type for names (X3_PSWD, PASWORD).
	"pswd", "psswd", "pswrd", "psword", "psswrd", "pssword", "paswd", "paswrd", "pasword"}

// Words that name something else even when a secret noun ends the name.
var nounFalse = map[string]bool{
	"monkey": true, "turkey": true, "donkey": true, "hockey": true, "jockey": true, "whiskey": true,
	"compass": true, "bypass": true, "surpass": true, "overpass": true, "underpass": true, "trespass": true,
	"encompass": true, "hotkey": true, "passkey": true, "turnkey": true, "keypass": true, "author": true,
	"subpass": true, "multipass": true, "onepass": true, "firstpass": true, "minipass": true,
	"lastpass": true,
	// Public halves named as one word.
	"pubkey": true, "publickey": true,
}

// Words that make an identifier not a secret: public halves, ids,
// names, limits, pagination, metadata about a secret.
var denyWords = map[string]bool{
	"public": true, "pub": true, "publishable": true, "cache": true, "sort": true, "partition": true,
	"primary": true, "foreign": true, "idempotency": true, "fingerprint": true, "next": true, "page": true,
	"continuation": true, "max": true, "min": true, "count": true, "limit": true, "expiry": true,
	"expires": true, "expiration": true, "expire": true, "ttl": true, "type": true, "name": true, "id": true,
	"ids": true, "url": true, "uri": true, "endpoint": true, "path": true, "file": true, "filename": true,
	"header": true, "field": true, "length": true, "len": true, "size": true, "format": true, "prefix": true,
	"hash": true, "hashed": true, "version": true, "index": true, "column": true, "label": true, "policy": true,
	"mode": true, "usage": true, "enabled": true, "required": true, "ref": true, "spec": true, "algorithm": true,
	"alg": true, "kind": true, "event": true, "button": true, "hint": true, "placeholder": true, "regex": true,
	"pattern": true, "validator": true, "env": true, "var": true, "location": true, "source": true,
	"input": true, "attribute": true, "param": true, "dir": true, "sid": true, "region": true, "host": true,
	"user": true, "username": true, "email": true, "login": true, "reset": true, "forgot": true, "confirm": true,
	"confirmation": true, "strength": true, "rotation": true, "last": true,
	"created": true, "updated": true, "at": true, "date": true, "time": true, "timeout": true, "mask": true,
	"masked": true, "schema": true, "description": true, "desc": true, "example": true,
	"test": true, "dummy": true, "fake": true, "mock": true, "sample": true, "default": true, "old": true,
	"display": true, "show": true, "hide": true, "visible": true, "toggle": true, "icon": true,
	"total": true, "prompt": true, "completion": true, "tokens": true, "tokenizer": true, "output": true,
	"callback": true, "redirect": true, "scope": true, "scopes": true, "method": true,
	"issuer": true, "audience": true, "provider": true, "store": true, "vault": true, "manager": true,
	"gpg": true, "pgp": true, "signing": true, "release": true,
	// Anti-forgery and object-store names: not credentials.
	"csrf": true, "xsrf": true, "authenticity": true, "bucket": true,
}

// ownerWords say whose password it is (user_password, SMTP_EMAIL_PASSWORD,
// DEFAULT_ADMIN_PASSWORD, storePassword, "the default password is"):
// deny words for keys and tokens (user_token is an id more often than
// not, token_store a class), not for passwords.
var ownerWords = map[string]bool{"user": true, "username": true, "email": true, "login": true, "default": true, "host": true, "store": true}

// whichPassword words say which of a user's passwords a name holds
// (resetUrlPassword, confirm_password, old_password): the value is still
// a password. As the last word they name something else (password_reset).
var whichPassword = map[string]bool{"reset": true, "forgot": true, "confirm": true, "confirmation": true, "old": true, "url": true, "uri": true}

// declWords are declaration keywords that may stand before a name
// ("var apiToken = ...") and are not the deny word of the same spelling.
var declWords = map[string]bool{"var": true}

func hasNounSuffix(w string, nouns []string) bool {
	if nounFalse[w] {
		return false
	}
	for _, n := range nouns {
		if strings.HasSuffix(w, n) {
			return true
		}
	}
	return false
}

// genericFind looks at one keyword hit and returns the secret's bounds,
// or ok false. It scans at most a few hundred bytes around the hit.
func genericFind(text string, hs, he, skipIdent int, kind genericKind) (start, end, identStart int, prose, ok bool) {
	identStart = -1
	// The identifier around the keyword.
	is := hs
	for is > 0 && hs-is < 80 && isIdentByte(text[is-1]) {
		is--
	}
	ie := he
	for ie < len(text) && ie-he < 80 && isIdentByte(text[ie]) {
		ie++
	}
	ident := strings.TrimLeft(text[is:ie], "-.")
	flag := strings.HasPrefix(text[is:ie], "-")
	if ident == "" || is == skipIdent {
		return
	}
	identStart = is
	// The assignment first: it is the cheapest way to reject the many
	// hits in prose and code that assign nothing.
	vs, ve, prose, ok0 := genericValue(text, is, ie, flag, kind)
	if !ok0 && kind == genericPassword {
		vs, ve, ok0 = yodaCompare(text, is)
	}
	if !ok0 {
		// Name/value pairs: {"name": "DB_PASSWORD", "value": "..."} and
		// Kubernetes env entries name the secret in one field and hold
		// it in the next.
		if vs, ve, ok0 = xmlNamedText(text, is, ie); !ok0 {
			vi := nameValuePair(text, is, ie)
			if vi < 0 {
				return
			}
			vs, ve, prose, ok0 = genericValue(text, vi-len("value"), vi, false, kind)
			if !ok0 {
				return
			}
		}
	}
	words := splitWords(ident)
	if len(words) == 0 || len(words) > 8 {
		return
	}
	// SECRET_KEY_BASE, api_key_value, token_hex: the noun comes earlier.
	for len(words) > 1 && trailingWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	last := words[len(words)-1]
	nouns := keyNouns
	if kind == genericPassword {
		nouns = passNouns
	}
	if !hasNounSuffix(last, nouns) {
		return
	}
	// Short or ambiguous words must be the whole last word.
	if (last != "pw" && strings.HasSuffix(last, "pw")) || (kind == genericKey && strings.HasSuffix(last, "auth") && last != "auth" && last != "oauth") {
		return
	}
	// An owner word does not make a strong secret name an id: the C#
	// constant UserCreationPasswordSecretKey holds a key.
	strongOwned := kind == genericKey && strongSecretName(words)
	for _, w := range words[:len(words)-1] {
		if denyWords[w] && !(ownerWords[w] && (kind == genericPassword || strongOwned)) && !(kind == genericPassword && whichPassword[w]) {
			return
		}
	}
	if denyWords[last] {
		return
	}
	// Prose: "Cache key: ...", "public token is ..." name the thing with
	// the word before.
	if p := strings.ToLower(prevWord(text, is)); p != "" && denyWords[p] && !declWords[p] && !(kind == genericPassword && ownerWords[p]) {
		return
	}
	if !prose && isReference(strings.ToLower(text[vs:ve])) {
		// The literal a reference falls back to is hard-coded:
		// getenv("DB_PASSWORD", "x"), os.environ.get("X") or "x".
		if fs, fe, ok := fallbackLiteral(text, ve); ok {
			vs, ve = fs, fe
		}
	}
	if !genericValueOK(text[vs:ve], kind, prose) && !(kind == genericKey && !prose && strongSecretName(words) && literalSecret(text, is, vs, ve)) {
		return
	}
	if kind == genericKey && publicClientToken(text[vs:ve]) {
		return
	}
	// A field named just "key" holding hex is a hash or an object key far
	// more often than a credential.
	if len(words) == 1 && words[0] == "key" && is > 0 && text[is-1] == '"' && isHex(text[vs:ve]) {
		return
	}
	return vs, ve, identStart, prose, true
}

// genericValue finds the value assigned after the identifier text[is:ie].
func genericValue(text string, is, ie int, flag bool, kind genericKind) (vs, ve int, prose, ok bool) {
	// The assignment.
	i := ie
	xml := is > 0 && text[is-1] == '<'
	literal := false // only a quoted literal is a value
	for i < len(text) && (text[i] == '"' || text[i] == '\'' || text[i] == '`' || text[i] == ']' || text[i] == '\\') && i-ie < 3 {
		i++
	}
	sp := i
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	spaced := i > sp
	// A declared type between the name and the assignment:
	// `var apiToken string = "..."`, `val apiToken: String = "..."`.
	if t := typeAnnotation(text, i, spaced); t > i {
		i = t
	}
	switch {
	case xml && i < len(text) && text[i] == '>':
		i++
		// <apiToken>
		//     value
		// </apiToken>
		for k := i; k < len(text) && k-i < 32; k++ {
			if text[k] == '\n' {
				i = k + 1
				break
			}
			if text[k] != ' ' && text[k] != '\t' && text[k] != '\r' {
				break
			}
		}
		if vs, ve, ok := jenkinsSecret(text, i); ok {
			if text[vs-1] == '{' && !strings.HasPrefix(text[vs:ve], "AQAAAB") {
				// A whole {…} value other than Jenkins' (AQAAAB…,
				// reported since round 5) is Maven's encrypted form in
				// settings.xml: ciphertext that needs the master
				// password kept elsewhere (round 12).
				return 0, 0, false, false
			}
			return vs, ve, false, true
		}
	case hasAt(text, i, ":="), hasAt(text, i, "=>"), hasAt(text, i, "?="), hasAt(text, i, "||="), hasAt(text, i, "??="),
		hasAt(text, i, ".="), hasAt(text, i, "+="), hasAt(text, i, "::="), hasAt(text, i, ":::="):
		// Go and Make assignments, PHP concatenation, Make shell forms.
		i += strings.IndexByte(text[i:], '=') + 1
		if i < len(text) && text[i] == '>' {
			i++
		}
	case hasAt(text, i, "=="), hasAt(text, i, "!="):
		// A password compared with a literal is a hard-coded credential
		// (if password == "hunter2"); keys compared with literals are
		// key codes and sentinels (key === "Enter").
		if kind != genericPassword {
			return
		}
		i += 2
		if i < len(text) && text[i] == '=' {
			i++
		}
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if i >= len(text) || text[i] != '"' && text[i] != '\'' {
			return
		}
	case spaced && i < len(text) && directive(text, is):
		// C and RPM macros, batch and Tcl settings: #define PASSWORD "x",
		// %global token <hex>, SET password "x".
	case spaced && kind == genericPassword && i < len(text) && (text[i] == '"' || text[i] == '\'') && dslLine(text, is, i):
		// Groovy, Gradle, Ruby and nginx-style settings: password 'x'.
	case i < len(text) && (text[i] == '=' || text[i] == ':'):
		i++
		for i < len(text) && text[i] == ':' {
			i++
		}
	case i < len(text) && text[i] == ',' && sp > ie && (text[ie] == '"' || text[ie] == '\''):
		// set("api_key", "value") and similar call styles: a quoted name.
		i++
	case i < len(text) && text[i] == ',' && sp == ie && constantArg(text, is, ie):
		// setopt(h, CURLOPT_PASSWORD, "value"): an option constant
		// followed by its literal.
		i++
		literal = true
	case spaced && (hasWordAt(text, i, "is") || hasWordAt(text, i, "was") || hasWordAt(text, i, "est") || hasWordAt(text, i, "ist") || hasWordAt(text, i, "es")):
		i += strings.IndexByte(text[i:], ' ')
		prose = true
	case spaced && flag:
		// --password hunter2
	case spaced && (hasWordAt(text, i, "for") || hasWordAt(text, i, "of") || hasWordAt(text, i, "to")):
		// "the password for the admin panel is X", "API key for staging: X"
		j := proseVerb(text, i, min(len(text), i+48))
		if j < 0 {
			return
		}
		i, prose = j, true
	default:
		return
	}
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	// An "Authorization: Bearer x" style scheme word.
	basic := false
	for _, scheme := range []string{"bearer ", "basic ", "token ", "apikey ", "ssws "} {
		if hasFoldAt(text, i, scheme) {
			basic = scheme == "basic "
			i += len(scheme)
			break
		}
	}
	var quote byte
	// HTML-escaped quotes: token=&quot;value&quot; in markup.
	htmlQuoted := hasAt(text, i, "&quot;")
	if htmlQuoted {
		i += len("&quot;")
	}
	if hasAt(text, i, `@"`) {
		i++ // Objective-C string literal
	}
	if i < len(text) && (text[i] == '"' || text[i] == '\'' || text[i] == '`') {
		quote = text[i]
		i++
	} else if hasAt(text, i, `\"`) {
		quote = '\\'
		i += 2
	}
	if literal && quote == 0 {
		return
	}
	// token: "Bearer x": the scheme inside the quotes.
	if quote != 0 && !basic {
		for _, scheme := range []string{"bearer ", "basic ", "token "} {
			if hasFoldAt(text, i, scheme) {
				basic = scheme == "basic "
				i += len(scheme)
				break
			}
		}
	}
	vs = i
	for i < len(text) && i-vs <= maxGenericValue {
		c := text[i]
		if quote != 0 && quote != '\\' && c == quote {
			break
		}
		if c == '\\' || c == '\n' || c == '\r' || c == ' ' || c == '\t' {
			break
		}
		if quote == 0 && (c == ',' || c == ';' || c == '"' || c == '\'' || c == '`' || c == ')' || c == '}' || c == ']' || c == '<' || c == '>') {
			break
		}
		i++
	}
	ve = i
	if ve < len(text) && text[ve] == ';' {
		// A value cut at an HTML entity: the closing &quot; of an escaped
		// string, or markup (password: String&lt;/div&gt;) that is no value.
		if strings.HasSuffix(text[vs:ve], "&quot") {
			ve -= len("&quot")
		} else if htmlEntityEnd(text[vs:ve]) {
			return
		}
	}
	if prose {
		// End of a sentence, not of the password.
		for ve > vs && (text[ve-1] == '.' || text[ve-1] == ',' || text[ve-1] == '!' || text[ve-1] == '?') {
			ve--
		}
	}
	if ve-vs > maxGenericValue || ve-vs < 6 || (basic && validBasicAuth(text[vs:ve]) == reject) {
		return
	}
	return vs, ve, prose, true
}

// xmlNamedText reads the text of an element whose name or key attribute
// is the identifier text[is:ie]: Android string resources
// (<string name="hockeyapp_key">…</string>) and XML properties
// (<entry key="api_token">…</entry>), other attributes may follow
// (translatable="false"). The value ends at the next tag on its line.
func xmlNamedText(text string, is, ie int) (vs, ve int, ok bool) {
	if !(hasAt(text, is-len(`name="`), `name="`) || hasAt(text, is-len(`key="`), `key="`)) || !hasAt(text, ie, `"`) {
		return
	}
	vs = ie + 1
	for vs < len(text) && text[vs] != '>' {
		if c := text[vs]; c == '<' || c == '/' || c == '\n' || c == '=' && !hasAt(text, vs+1, `"`) || vs-ie > 120 {
			return
		}
		vs++
	}
	if vs++; vs > len(text) {
		return
	}
	for ve = vs; ve < len(text) && ve-vs <= maxGenericValue; ve++ {
		if c := text[ve]; c == '<' {
			return vs, ve, ve-vs >= 6
		} else if c == '\n' || c == '\r' || c == ' ' || c == '\t' {
			return
		}
	}
	return
}

// publicClientToken reports Datadog's browser client tokens (pub + 32
// hex): made to be shipped in web pages, like a publishable key.
func publicClientToken(v string) bool {
	return len(v) == 35 && strings.HasPrefix(v, "pub") && isHex(v[3:])
}

// constantArg reports whether text[is:ie] is a SCREAMING_SNAKE constant
// passed as a call argument: after "(" or "," on its line.
func constantArg(text string, is, ie int) bool {
	id := text[is:ie]
	if strings.IndexByte(id, '_') < 0 || strings.Trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != "" {
		return false
	}
	j := is - 1
	for j >= 0 && (text[j] == ' ' || text[j] == '\t') {
		j--
	}
	return j >= 0 && (text[j] == '(' || text[j] == ',')
}

// fallbackLiteral reads the default of an environment read whose call
// begins before text[i:]: the last quoted argument of the call
// (getenv("X", "v")) or a quoted literal after "or", "||" or "??"
// following it. It reads at most the rest of the line, 160 bytes.
func fallbackLiteral(text string, i int) (vs, ve int, ok bool) {
	seg := text[i:min(len(text), i+160)]
	if k := strings.IndexByte(seg, '\n'); k >= 0 {
		seg = seg[:k]
	}
	p := strings.IndexByte(seg, ')')
	if p < 0 {
		return
	}
	lit := -1
	if c := strings.LastIndexByte(seg[:p], ','); c >= 0 {
		lit = c + 1
	} else {
		rest := seg[p+1:]
		trimmed := strings.TrimLeft(rest, " ")
		for _, op := range []string{"or ", "|| ", "?? "} {
			if strings.HasPrefix(trimmed, op) {
				lit = p + 1 + len(rest) - len(trimmed) + len(op)
				break
			}
		}
	}
	if lit < 0 {
		return
	}
	for lit < len(seg) && seg[lit] == ' ' {
		lit++
	}
	if lit >= len(seg) || seg[lit] != '"' && seg[lit] != '\'' {
		return
	}
	e := strings.IndexByte(seg[lit+1:], seg[lit])
	if e <= 0 {
		return
	}
	return i + lit + 1, i + lit + 1 + e, true
}

// htmlEntityEnd reports whether v is a word cut at an escaped angle
// bracket (String&lt; in markup): a type or a tag, not a value. Escaped
// passwords (Df34D&amp;lt;) keep other bytes before the entity.
func htmlEntityEnd(v string) bool {
	for _, e := range []string{"&lt", "&gt"} {
		if w, ok := strings.CutSuffix(v, e); ok && w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
			return true
		}
	}
	return false
}

// directiveWords are the words that define a name as a constant or a
// setting with a space, not "=", before the value.
var directiveWords = []string{"#define", "%define", "%global", "set"}

// directive reports whether the name at text[is:] follows a directive
// word that begins its line.
func directive(text string, is int) bool {
	j := is
	if j == 0 || text[j-1] != ' ' && text[j-1] != '\t' {
		return false
	}
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	for _, w := range directiveWords {
		if j >= len(w) && strings.EqualFold(text[j-len(w):j], w) && lineStart(text, j-len(w)) {
			return true
		}
	}
	return false
}

// dslLine reports whether the name at text[is:] begins its line and the
// quoted value at text[q] is the rest of it: `password 'hunter2'` in a
// Gradle credentials block, not "password 'reset' link" in prose.
func dslLine(text string, is, q int) bool {
	for j := is - 1; j >= 0 && text[j] != '\n'; j-- {
		if text[j] != ' ' && text[j] != '\t' {
			return false
		}
	}
	end := strings.IndexByte(text[q+1:], text[q])
	if end < 0 {
		return false
	}
	rest := text[q+1+end+1:]
	if k := strings.IndexByte(rest, '\n'); k >= 0 {
		rest = rest[:k]
	}
	return strings.TrimRight(rest, " \t\r;,") == ""
}

// maxGenericValue bounds a value found by context: long enough for
// OAuth and session tokens of several hundred bytes, short enough that a
// blob assigned to a "key" field is not taken whole.
const maxGenericValue = 1024

// typeNames are the declared types seen between a secret's name and its
// value in typed languages.
var typeNames = []string{"string", "String", "str", "&str", "&'static str", "const char*", "char*", "[]byte", "CharSequence"}

// typeAnnotation returns the position of the "=" after a declared type at
// text[i:] (" string =", ": String ="), or i when there is none.
func typeAnnotation(text string, i int, spaced bool) int {
	j := i
	if j < len(text) && text[j] == ':' {
		j++
		for j < len(text) && text[j] == ' ' {
			j++
		}
	}
	if j == i && !spaced {
		return i
	}
	for _, t := range typeNames {
		if hasAt(text, j, t) {
			k := j + len(t)
			for k < len(text) && text[k] == ' ' {
				k++
			}
			if k > j+len(t) && k < len(text) && text[k] == '=' && !hasAt(text, k, "==") {
				return k
			}
		}
	}
	return i
}

var trailingWords = map[string]bool{"base": true, "value": true, "val": true, "str": true, "hex": true, "b64": true, "base64": true, "raw": true, "plain": true, "plaintext": true}

// prevWord returns the word just before position i when only a single
// space separates them (prose and headers), else "".
func prevWord(text string, i int) string {
	if i < 2 || text[i-1] != ' ' {
		return ""
	}
	e := i - 1
	s := e
	for s > 0 && e-s < 30 && (text[s-1] >= 'a' && text[s-1] <= 'z' || text[s-1] >= 'A' && text[s-1] <= 'Z') {
		s--
	}
	// Only a whole word: "location" in ip2location is not the word before
	// (my_cache and cache-key still end in the word "cache").
	if s > 0 && text[s-1] >= '0' && text[s-1] <= '9' {
		return ""
	}
	return text[s:e]
}

// nameValuePair reports whether the identifier text[is:ie] is the value
// of a "name" or "key" field and a "value" field follows within a few
// lines; it returns the end of the word "value", or -1.
func nameValuePair(text string, is, ie int) int {
	j := is
	for j > 0 && is-j < 6 && (text[j-1] == '"' || text[j-1] == '\'' || text[j-1] == ' ' || text[j-1] == '\\') {
		j--
	}
	if j == 0 || (text[j-1] != ':' && text[j-1] != '=') {
		return -1
	}
	j--
	for j > 0 && (text[j-1] == '"' || text[j-1] == '\'' || text[j-1] == ' ' || text[j-1] == '\\') {
		j--
	}
	if !(hasFoldAt(text, j-4, "name") || hasFoldAt(text, j-3, "key")) {
		return -1
	}
	end := min(len(text), ie+160)
	k := ie
	for k < end {
		n := strings.Index(strings.ToLower(text[k:end]), "value")
		if n < 0 {
			return -1
		}
		k += n + len("value")
		if k-len("value") > 0 && isIdentByte(text[k-len("value")-1]) || k < len(text) && isIdentByte(text[k]) {
			continue // part of a longer word
		}
		return k
	}
	return -1
}

// proseVerb finds " is " or ": " in text[i:end] on one line and returns
// the position after it, or -1.
func proseVerb(text string, i, end int) int {
	for k := i; k < end; k++ {
		switch {
		case text[k] == '\n':
			return -1
		case hasAt(text, k, " is "):
			return k + 4
		case hasAt(text, k, ": "):
			return k + 2
		}
	}
	return -1
}

// isVersion reports version strings: ^7.1.3, ~1.2, >=2.0.0, v1.2.3.
func isVersion(v string) bool {
	v = strings.TrimLeft(v, "^~<>=v")
	return v != "" && v[0] >= '0' && v[0] <= '9' && strings.Trim(v, "0123456789.-+x*") == ""
}

// isDottedIdent reports references like s.Approval.Webhook.Secret or
// settings.SECRET_KEY: identifiers joined by dots, no digits.
func isDottedIdent(v string) bool {
	if !strings.Contains(v, ".") || strings.HasPrefix(v, ".") || strings.HasSuffix(v, ".") {
		return false
	}
	for _, part := range strings.Split(v, ".") {
		if part == "" || strings.Trim(part, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_") != "" {
			return false
		}
	}
	return true
}

// wordsAndNumber reports values made of lower-case words and a trailing
// number (personal-access-token123, mysecretkey2024): names people
// type, not generated keys.
func wordsAndNumber(v string) bool {
	i := len(v)
	for i > 0 && v[i-1] >= '0' && v[i-1] <= '9' {
		i--
	}
	if len(v)-i > 4 {
		return false
	}
	w := v[:i]
	return len(w) >= 6 && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz-_.") == ""
}

// artifactVersion reports package coordinates: jackson-core-2.15.0,
// SalesReport-1.2: letters and hyphens, then a dotted version.
func artifactVersion(v string) bool {
	i := strings.LastIndexByte(v, '-')
	if i <= 0 || !strings.Contains(v[i:], ".") || !isVersion(v[i+1:]) {
		return false
	}
	return strings.Trim(v[:i], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_") == ""
}

// packageName reports dotted lower-case names such as
// org.example.v2_feature: three or more parts, each starting with a letter.
func packageName(v string) bool {
	parts := strings.Split(v, ".")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || p[0] < 'a' || p[0] > 'z' || strings.Trim(p, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
			return false
		}
	}
	return true
}

// looksLikeCall reports an identifier followed by "(": get_key(), os.getenv(.
func looksLikeCall(v string) bool {
	i := strings.IndexByte(v, '(')
	if i <= 0 {
		return false
	}
	for j := 0; j < i; j++ {
		if !isIdentByte(v[j]) {
			return false
		}
	}
	return true
}

func hasAt(s string, i int, lit string) bool {
	return i >= 0 && i+len(lit) <= len(s) && s[i:i+len(lit)] == lit
}

func hasFoldAt(s string, i int, lit string) bool {
	return i >= 0 && i+len(lit) <= len(s) && strings.EqualFold(s[i:i+len(lit)], lit)
}

func hasWordAt(s string, i int, w string) bool {
	return hasAt(s, i, w) && i+len(w) < len(s) && s[i+len(w)] == ' '
}

// charClasses counts lower, upper, digit and other classes in s.
func charClasses(s string) (lower, upper, digit, other int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower++
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= '0' && c <= '9':
			digit++
		default:
			other++
		}
	}
	return
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// genericValueOK decides whether an assigned value looks like a secret
// rather than a reference, a word, a number or a placeholder.
func genericValueOK(v string, kind genericKind, prose bool) bool {
	if len(v) < 6 || isPlaceholder(v, true) {
		return false
	}
	l, u, d, o := charClasses(v)
	if l+u == 0 && o == 0 { // a number
		return false
	}
	lv := strings.ToLower(v)
	// A C-style hex integer (#define PASSWORD 0x0dead1beef7cafe2) is a
	// number or a flag, at most 64 bits.
	if len(v) <= 18 && strings.HasPrefix(lv, "0x") && isHex(v[2:]) {
		return false
	}
	if sealedCiphertext(v) {
		return false
	}
	if v[0] == ':' && identOnly(v[1:]) { // a SQL bind parameter
		return false
	}
	for _, p := range []string{"http://", "https://", "file:", "/", "./", "~/", "../", "$", "%", "@", "#", "?", "&", "'$", "\"$", ",", "arn:", "process.", "os.", "env.", "getenv", "environ", "config.", "settings.", "self.", "this.", "params.", "req.", "request.", "props.", "args.", "options.", "secrets."} {
		if strings.HasPrefix(lv, p) {
			return false
		}
	}
	// A URL of any scheme is a reference (its password, if any, is the
	// database/URL rules' business).
	if strings.ContainsAny(v, "{}[]<>") && !mismatchedBrackets(v) || strings.Contains(v, "://") || looksLikeCall(v) || isVersion(v) || isDottedIdent(v) {
		return false
	}
	// SCREAMING_SNAKE constants, cgo names (C.NL80211_ATTR_SAE_PASSWORD).
	if strings.Trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") == "" && strings.Count(v, "_") >= 2 {
		return false
	}
	// File names and object keys: uploads/2024/report.pdf, logo.png.
	if dot := strings.LastIndexByte(v, '.'); dot > 0 && len(v)-dot >= 3 && len(v)-dot <= 5 && strings.Trim(v[dot+1:], "abcdefghijklmnopqrstuvwxyz") == "" {
		return false
	}
	classes := 0
	for _, n := range []int{l, u, d, o} {
		if n > 0 {
			classes++
		}
	}
	e := entropy(v)
	if kind == genericPassword {
		if d+o == 0 && !(len(v) >= 16 && l > 0 && u > 0 && e >= 3.5) {
			// Letters only: a word, an identifier, camelCase reference.
			return false
		}
		if prose && (len(v) < 6 || classes < 2) {
			return false
		}
		// Routes and paths: cms/sites/passwords#update.
		if strings.Count(v, "/") >= 2 && strings.Trim(v, "abcdefghijklmnopqrstuvwxyz/#_.:-") == "" {
			return false
		}
		// Dotted identifiers and type names: a.b.c, String, Optional.
		if o > 0 && d == 0 && strings.Trim(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.") == "" && !randomCase(v) {
			return false
		}
		return classes >= 2 && e >= 2.0
	}
	if len(v) < 10 || wordsAndNumber(v) || artifactVersion(v) || packageName(v) {
		return false
	}
	// Key generators (base64, URL-safe, hex, even Django's punctuated
	// alphabet) do not emit query, pipe or statement separators, and
	// base64 never starts with padding: such a value is an expression,
	// a query string or two values run together.
	if strings.ContainsAny(v, "?|;'\"") || v[0] == '=' {
		return false
	}
	if mangledToken(v, l, u) || oddCase(v, l, u) {
		return false
	}
	if d == 0 && !(len(v) >= 20 && l > 0 && u > 0 && e >= 3.8) && !(len(v) >= 16 && e >= 3.3 && randomCase(v)) {
		return false
	}
	if l+u == 0 && !isHex(v) && o > 0 {
		return false
	}
	// snake_case / dotted identifiers with a digit (api_key_v2, foo.bar2).
	if l > 0 && u == 0 && o > 0 && strings.Trim(v, "abcdefghijklmnopqrstuvwxyz0123456789_.-") == "" && strings.Count(v, "_")+strings.Count(v, ".")+strings.Count(v, "-") >= 2 && e < 3.6 && strings.Trim(v, "0123456789abcdef-") != "" {
		return false
	}
	min := 3.0
	if isHex(v) {
		min = 2.8
	}
	if prose {
		min += 0.3
	}
	return e >= min
}

// mangledToken reports a mixed-case value with shell or punctuation
// bytes (! # $ ^ & * ( ) @) in it. Issued API keys and tokens are
// base64, base62 or hex with at most - _ . + / = ~ : and % (Twitter's
// URL-encoded bearer tokens), and Django's punctuated keys are lower
// case; a mixed-case token with such a byte is a near miss (a character
// replaced) or a password, which the password detector reads.
func mangledToken(v string, lower, upper int) bool {
	return lower > 0 && upper > 0 && strings.ContainsAny(v, "!#$^&*()@")
}

// jenkinsSecret reads a Jenkins credentials.xml value at text[i:]:
// <secret>{AQAAABAAAAAQ…}</secret> holds the encrypted secret in braces,
// and exports and tests put the plain value as the last word inside
// them ({name AQAAABAAA value}). It returns the last word.
func jenkinsSecret(text string, i int) (vs, ve int, ok bool) {
	if i >= len(text) || text[i] != '{' {
		return
	}
	end := strings.IndexByte(text[i:min(len(text), i+maxGenericValue)], '}')
	if end < 0 || !hasAt(text, i+end+1, "</") {
		return
	}
	in := text[i+1 : i+end]
	if strings.ContainsAny(in, "\n{") {
		return
	}
	vs = i + 1 + strings.LastIndexByte(in, ' ') + 1
	ve = i + end
	return vs, ve, ve-vs >= 6
}

// oddCase reports letters all of one case but one inside the value
// (31 lower and one upper): random base62 has that shape once in a
// million, a lower-case or upper-case format with a byte changed (a near
// miss, a typo) often. A capital that starts the value or follows a
// separator (Telegram's 123:AAb…, prefixes) is structure, not noise.
func oddCase(v string, lower, upper int) bool {
	if !(lower == 1 && upper >= 15 || upper == 1 && lower >= 15) {
		return false
	}
	odd := func(c byte) bool { return c >= 'a' && c <= 'z' }
	if upper == 1 {
		odd = func(c byte) bool { return c >= 'A' && c <= 'Z' }
	}
	for i := 1; i < len(v); i++ {
		if odd(v[i]) {
			p := v[i-1]
			return p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p >= '0' && p <= '9'
		}
	}
	return false
}

// randomCase reports mixed-case letters in the rhythm of random base62 or
// base64, not of words: in some part between separators, at least three
// lower-case letters standing alone between capitals, one in four of the
// part's letters (YXNkZmZm). Identifiers have few one-letter words
// (getUserByIdOrName has three in seventeen letters).
func randomCase(v string) bool {
	n, letters := 0, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '_' || c == '-' || c == '.' {
			if n >= 3 && 4*n >= letters {
				return true
			}
			n, letters = 0, 0
			continue
		}
		if isLower(c) || isUpper(c) {
			letters++
		}
		if i > 0 && i+1 < len(v) && isLower(c) && isUpper(v[i-1]) && isUpper(v[i+1]) {
			n++
		}
	}
	return n >= 3 && 4*n >= letters
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// strongNouns are last words that name nothing but a secret.
var strongNouns = []string{"secret", "apikey", "apitoken", "secretkey", "privatekey", "authtoken", "accesstoken", "clientsecret", "appsecret"}

// strongQualifiers make "key" or "token" a secret's name (api_key,
// PRIVATE_API_TOKEN, auth_token), where alone it may be a map key, a
// lexer token or an id.
var strongQualifiers = map[string]bool{"api": true, "secret": true, "private": true, "auth": true, "client": true, "app": true, "master": true, "bearer": true, "refresh": true, "access": true}

// strongSecretName reports names that say the value is a secret whatever
// it looks like: ...secret, api_key, secretKey, auth_token. A literal
// assigned to one is hard-coded, even a weak or typed one
// (secret: "hardcoded1").
func strongSecretName(words []string) bool {
	last := words[len(words)-1]
	if hasNounSuffix(last, strongNouns) {
		return true
	}
	if len(words) < 2 || last != "key" && last != "token" {
		return false
	}
	q := words[len(words)-2]
	if strongQualifiers[q] && !(q == "access" && last == "key") {
		return true
	}
	for _, w := range words[:len(words)-1] {
		if w == "secret" { // aws_secret_access_key
			return true
		}
	}
	return false
}

// yodaCompare reads a literal compared with the password name at text[is:]
// from the left: if ("hunter2" == password). It returns the literal's
// bounds on the same line.
func yodaCompare(text string, is int) (vs, ve int, ok bool) {
	j := is
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	switch {
	case hasAt(text, j-3, "===") || hasAt(text, j-3, "!=="):
		j -= 3
	case hasAt(text, j-2, "==") || hasAt(text, j-2, "!="):
		j -= 2
	default:
		return
	}
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == 0 || text[j-1] != '"' && text[j-1] != '\'' {
		return
	}
	q := text[j-1]
	ve = j - 1
	vs = strings.LastIndexByte(text[max(0, ve-maxGenericValue):ve], q)
	if vs < 0 {
		return
	}
	vs += max(0, ve-maxGenericValue) + 1
	if ve-vs < 6 || strings.ContainsAny(text[vs:ve], "\n\r") {
		return
	}
	return vs, ve, true
}

// literalSecret reports a value at text[vs:ve], assigned to the name at
// text[is:], that is a hard-coded literal by the password detector's
// measure: quoted, or the value of a config line (`secret: s3cr3t-1`),
// at least 8 bytes (not a prefix such as "CFPAT-"), not an identifier,
// lower-case words or a placeholder, with two classes of characters.
func literalSecret(text string, is, vs, ve int) bool {
	v := text[vs:ve]
	quoted := vs > 0 && ve < len(text) && text[vs-1] == text[ve] && (text[ve] == '"' || text[ve] == '\'' || text[ve] == '`')
	if len(v) < 8 || !quoted && (!lineStart(text, is) || identOnly(v) || !isAlnum(v[0])) {
		return false
	}
	if strings.Trim(v, "abcdefghijklmnopqrstuvwxyz_.-") == "" || v[0] == '-' {
		return false
	}
	// Words and constants: ExpectedPassword, CLIENT_SECRET??.
	bare := strings.Map(dropShellByte, v)
	if lettersOnly(bare) && !randomCase(bare) || strings.Trim(bare, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == "" {
		return false
	}
	// A value that names itself (oauth2-secret-token, s3cret-for-tests)
	// is a stand-in a person wrote for a test.
	lv := strings.ToLower(v)
	for _, w := range selfNames {
		if strings.Contains(lv, w) {
			return false
		}
	}
	// A generated key with a byte replaced (hysqa?25w3…, …%c^) is a near
	// miss, not a typed value: the key detector has rejected it already.
	if bare != v && genericValueOK(bare, genericKey, false) {
		return false
	}
	return genericValueOK(v, genericPassword, false)
}

// selfNames are words a typed stand-in uses to say what it stands for.
var selfNames = []string{"secret", "s3cret", "token", "passw", "apikey", "api-key", "api_key", "test"}

func isAlnum(c byte) bool { return isLower(c) || isUpper(c) || c >= '0' && c <= '9' }

func dropShellByte(r rune) rune {
	if strings.ContainsRune("?|;!#$^&*()@%", r) {
		return -1
	}
	return r
}

// lineStart reports whether only blanks, a YAML list dash or quotes stand
// before text[is] on its line.
func lineStart(text string, is int) bool {
	for j := is - 1; j >= 0 && text[j] != '\n'; j-- {
		if c := text[j]; c != ' ' && c != '\t' && c != '-' && c != '"' && c != '\'' {
			return false
		}
	}
	return true
}
