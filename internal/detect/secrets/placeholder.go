package secrets

import "strings"

// templateParts mark values that are not values at all: template syntax,
// instructions to the reader and masks. Kept short and specific: a random
// 40-character token contains any given five-letter word with negligible
// probability.
var templateParts = []string{
	"xxxx", "your_", "your-", "yourapi", "yourkey", "yoursecret", "yourtoken", "yourpass",
	"<", ">", "${", "{{", "$(", "%(", "%s", "changeme", "change_me", "change-me", "replaceme", "replace_me",
	"replace-with", "replace_with", "insert_", "insert-", "placeholder", "redacted", "****", "....",
	"•", "…", "#{", "token_goes", "_goes_", "_here", "-here",
}

// Long key material contains short words by chance.
var longTemplateParts = []string{"xxxxxxxx", "<", "${", "{{", "....", "…", "redacted"}

// standInParts are words that declare a value made up. They drop values
// found by context only: a fixed-format token is reported even so (see
// isFormatPlaceholder).
var standInParts = []string{"example", "dummy", "notreal", "not_real", "not-real", "not-a-real", "notareal"}

// strictParts are further stand-in markers for values found by context
// (generic and assign rules), where such words are the only sign that a
// value was never issued. Typed sequences (1234567890, abcdefg, a1b2c3,
// qwerty) are not among them since round 4: other scanners label them
// secrets, weak real passwords contain them, and real code rarely assigns
// them to secret names (docs/secrets.md).
var strictParts = []string{
	"sample", "fake", "here", "todo", "secret_value", "foobar", "lorem", "my_secret", "my-secret",
	"mysecret", "mytoken", "my_token", "mypassword", "my_password", "your", "zzzz", "0000000000",
	// Alphabets, not keys: base64 and base36 tables in JS bundles and codecs.
	"abcdefghijklmnopqrstuvwxyz", "0123456789abcdefghijklmnopqrstuvwxyz",
}

// Whole values that are stand-ins.
var placeholderWords = map[string]bool{
	"password": true, "passwd": true, "pass": true, "secret": true, "token": true, "apikey": true,
	"api_key": true, "pwd": true, "changeit": true, "admin": true, "root": true, "guest": true,
	"letmein": true, "none": true, "null": true, "nil": true, "undefined": true, "true": true, "false": true,
	"string": true, "required": true, "optional": true, "secret123": true,
	"password123": true, "password1": true, "p@ssw0rd": true, "passw0rd": true, "test": true,
	"testing": true, "default": true, "postgres": true, "mysql": true, "user": true, "username": true,
	"redis": true, "rabbitmq": true, "mongo": true, "mongodb": true, "guest123": true, "demo": true, "pass123": true, "admin123": true, "12345678": true,
}

// placeholderFor applies the policy that fits how a rule finds values:
// the strict one for values found by context (assign rules), the narrow
// one for fixed formats.
func placeholderFor(r *compiledRule, secret string) bool {
	if r.assign {
		return isPlaceholder(secret, true)
	}
	if r.refs {
		return isFormatPlaceholder(secret) || valueReference(secret)
	}
	return isFormatPlaceholder(secret)
}

// isFormatPlaceholder is the narrow policy for rules with a distinctive
// format (fixed prefix, length or charset, or a checksum). A match is
// reported even when it is a documented stand-in (AKIAIOSFODNN7EXAMPLE,
// sk_test_…dummy…, ghp_1234567890abcdef…, sk_live_AAAA…): redacting a
// fake key costs little, missing a real one costs much, and other
// scanners' authors label such values as secrets. Dropped are only values
// that are not values: template syntax and instructions (<token>, ${VAR},
// your_key_here), masks (xxxx, ****, redacted), bare words.
func isFormatPlaceholder(s string) bool {
	l := strings.ToLower(s)
	return placeholderWords[l] || isTemplate(l) || publishedKeys[s]
}

// publishedKeys are keys their vendor publishes for every developer to
// use, so they open nothing: the Azure storage emulator's (Azurite's)
// account key (round 12).
var publishedKeys = map[string]bool{
	"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==": true,
}

func isTemplate(l string) bool {
	parts := templateParts
	if len(l) > 200 {
		parts = longTemplateParts
	}
	// Brackets that no template, call or markup could hold ({ closed by
	// )) are random punctuation of a typed or generated value
	// (detect-secrets' m{{h}o)p${e]nob(ody…), not template syntax.
	random := mismatchedBrackets(l)
	for _, p := range parts {
		if random && strings.ContainsAny(p, "<>{(") {
			continue
		}
		if strings.Contains(l, p) {
			return true
		}
	}
	// %VARIABLE% references (Windows, NuGet, batch files).
	return len(l) > 2 && l[0] == '%' && l[len(l)-1] == '%' || isReference(l)
}

// envReadPrefixes start values that read a secret from elsewhere.
var envReadPrefixes = []string{"process.env.", "os.environ", "os.getenv", "getenv(", "system.getenv", "env.", "env["}

// isReference reports whether a whole (lower-cased) value names where a
// secret comes from instead of holding one: $VAR (shell, .env, PHP,
// PowerShell: expanded before use), @VAR@ (Maven, autoconf
// substitutions), YAML tags (!vault, !Ref) and environment reads. A
// password that really starts with $ and a letter is lost; in the files
// where such assignments appear it would be expanded anyway.
func isReference(l string) bool {
	switch {
	case len(l) > 1 && l[0] == '$':
		return identOnly(l[1:])
	case len(l) > 2 && l[0] == '@' && l[len(l)-1] == '@':
		return identOnly(l[1 : len(l)-1])
	case len(l) > 1 && l[0] == '!':
		return lettersOnly(l[1:])
	}
	for _, p := range envReadPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

func identOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

func lettersOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return s != ""
}

// isPlaceholder reports whether a candidate secret found by context is a
// documentation stand-in. strict adds checks that are only safe for
// context-found values (a fixed-format token may legitimately repeat
// characters).
func isPlaceholder(s string, strict bool) bool {
	l := strings.ToLower(s)
	if placeholderWords[l] || isTemplate(l) || bracketedWord(l) || publishedKeys[s] {
		return true
	}
	for _, p := range standInParts {
		if strings.Contains(l, p) && (len(l) <= 200 || p == "example") {
			return true
		}
	}
	if strict {
		for _, p := range strictParts {
			if strings.Contains(l, p) {
				return true
			}
		}
		// Masked or filler values: *****, aaaaaaaa, 11111111.
		if maxRun(l) >= 6 || (len(l) >= 8 && distinct(l) <= 3) || jwtLayout(l) {
			return true
		}
	}
	return false
}

func distinct(s string) int {
	var seen [256]bool
	n := 0
	for i := 0; i < len(s); i++ {
		if !seen[s[i]] {
			seen[s[i]] = true
			n++
		}
	}
	return n
}

// maxRun returns the length of the longest run of one repeated byte
// other than '/': AWS session tokens carry "//////////" in their encoded
// header (FwoGZXIvYXdzE…//////////wEa…), and no mask is made of slashes.
func maxRun(s string) int {
	run, best := 1, 0
	if len(s) > 0 {
		best = 1
	}
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] && s[i] != '/' {
			run++
			best = max(best, run)
		} else {
			run = 1
		}
	}
	return best
}

// mismatchedBrackets reports brackets that no well-formed expression
// holds: a closer of another kind than the open bracket. A value cut
// short on either side (${DB_PASS, password>) is not mismatched.
func mismatchedBrackets(s string) bool {
	var stack [16]byte
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[', '{', '<':
			if n == len(stack) {
				return false
			}
			stack[n] = c
			n++
		case ')', ']', '}', '>':
			if n == 0 {
				continue
			}
			if stack[n-1] != openerOf(c) {
				return true
			}
			n--
		}
	}
	return false
}

func openerOf(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	case '}':
		return '{'
	}
	return '<'
}

// valueReference reports a value that names where the password comes
// from instead of holding it: a SQL bind parameter (:password,
// @password), a dotted reference (settings.DB_PASSWORD) or a constant
// (PASSWORD_FIELD).
func valueReference(v string) bool {
	if len(v) > 1 && (v[0] == ':' || v[0] == '@') && identOnly(v[1:]) {
		return true
	}
	return isDottedIdent(v) || constantName(v)
}

// constantName reports an upper-case identifier of words joined by
// underscores (DB_PASSWORD): a name, not a typed password.
func constantName(v string) bool {
	if !strings.Contains(v, "_") || strings.Trim(v, "_") != v {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !(c >= 'A' && c <= 'Z' || c == '_') {
			return false
		}
	}
	return true
}

// bracketedWord reports a name in brackets, (password) or [api_key]:
// a slot for a value, as <password> is.
func bracketedWord(l string) bool {
	if len(l) < 3 {
		return false
	}
	o, c := l[0], l[len(l)-1]
	return (o == '(' && c == ')' || o == '[' && c == ']') && identOnly(l[1:len(l)-1])
}

// jwtLayout reports a dotted value with a part that names a JWT part
// instead of holding it (eyJ….eyJ….signature, header.payload.sig):
// a token drawn for a reader (round 14).
func jwtLayout(l string) bool {
	if strings.Count(l, ".") < 2 {
		return false
	}
	for _, part := range strings.Split(l, ".") {
		if part == "header" || part == "payload" || part == "signature" {
			return true
		}
	}
	return false
}
