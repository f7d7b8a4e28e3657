package secrets

import "strings"

// Substrings that mark documentation examples and stand-ins. Kept short
// and specific: a random 40-character token contains any given
// five-letter word with negligible probability.
var placeholderParts = []string{
	"example", "xxxx", "your_", "your-", "yourapi", "yourkey", "yoursecret", "yourtoken", "yourpass",
	"<", ">", "${", "{{", "$(", "%(", "%s", "changeme", "change_me", "change-me", "replaceme", "replace_me",
	"replace-with", "insert_", "insert-", "placeholder", "dummy", "redacted", "****", "....",
	"•", "…", "#{", "notreal", "not_real", "not-a-real", "token_goes", "_goes_", "_here", "-here",
}

// strictParts are stand-in markers checked only for values found by
// context (generic and assign rules): a fixed-format token with a
// provider prefix is reported even when someone typed it by hand.
var strictParts = []string{
	"sample", "fake", "here", "todo", "secret_value", "foobar", "lorem", "abcdefghij", "1234567890",
	"0123456789", "qwerty", "asdfgh", "my_secret", "my-secret", "mysecret", "mytoken", "my_token",
	"mypassword", "my_password", "your", "zzzz", "0000000000", "abcdefg", "a1b2c3", "d4c3b2a1",
}

var longPlaceholderParts = []string{"xxxxxxxx", "<", "${", "{{", "....", "…", "redacted", "example"}

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

// isPlaceholder reports whether a candidate secret is a documentation
// stand-in. strict adds checks that are only safe for context-found
// values (a fixed-format token may legitimately repeat characters).
func isPlaceholder(s string, strict bool) bool {
	l := strings.ToLower(s)
	if placeholderWords[l] {
		return true
	}
	parts := placeholderParts
	if len(l) > 200 {
		// Long key material contains short words by chance.
		parts = longPlaceholderParts
	}
	for _, p := range parts {
		if strings.Contains(l, p) {
			return true
		}
	}
	// %VARIABLE% references (Windows, NuGet, batch files).
	if len(l) > 2 && l[0] == '%' && l[len(l)-1] == '%' {
		return true
	}
	if strict {
		for _, p := range strictParts {
			if strings.Contains(l, p) {
				return true
			}
		}
		// Masked or filler values: *****, aaaaaaaa, 11111111.
		if maxRun(l) >= 6 || (len(l) >= 8 && distinct(l) <= 3) {
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

// maxRun returns the length of the longest run of one repeated byte.
func maxRun(s string) int {
	run, best := 1, 0
	if len(s) > 0 {
		best = 1
	}
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			run++
			best = max(best, run)
		} else {
			run = 1
		}
	}
	return best
}
