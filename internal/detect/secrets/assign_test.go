package secrets

import "testing"

// Assignment styles of other languages and build tools, and the values
// that sit in "key" and "token" fields without being credentials. All
// values are made up for these tests.
func TestGenericAssignmentStyles(t *testing.T) {
	s := mustScanner(t, Options{})
	positives := []string{
		`$deployToken .= "Rq7vX2mK9pLz4TnW8cYb3HsJ"`,                  // PHP concatenation
		`DEPLOY_TOKEN ::= "Rq7vX2mK9pLz4TnW8cYb3HsJ"`,                 // Make, POSIX shell assignment
		`DEPLOY_TOKEN :::= "Rq7vX2mK9pLz4TnW8cYb3HsJ"`,                // Make, immediate-expansion
		`DEPLOY_TOKEN += "Rq7vX2mK9pLz4TnW8cYb3HsJ"`,                  // append
		`$deployToken ??= "Rq7vX2mK9pLz4TnW8cYb3HsJ"`,                 // null-coalescing assignment
		`var deployToken = "Rq7vX2mK9pLz4TnW8cYb3HsJ"`,                // "var" before the name
		`var deployToken string = "Rq7vX2mK9pLz4TnW8cYb3HsJ"`,         // Go, declared type
		`val deployToken: String = "Rq7vX2mK9pLz4TnW8cYb3HsJ"`,        // Kotlin, declared type
		`let deploy_token: &str = "Rq7vX2mK9pLz4TnW8cYb3HsJ";`,        // Rust
		"<deployToken>\n    Rq7vX2mK9pLz4TnW8cYb3HsJ\n</deployToken>", // XML element on its own line
		`vendor_auth_token: "Bearer q3w9e7r5t1y8u2i4o6p0a5s7d9f"`,     // scheme inside the quotes
		`"session_token": "` + madeUpLongToken() + `"`,                // several hundred bytes
		`SLACK_BOT = "xoxb-581736492015-Kq8Zr2LmX0vNp4TfK7sWc9Yb"`,    // legacy bot token, one numeric id
	}
	negatives := []string{
		`<entry key="org.acme.build.v2_cache" value="enabled" />`, // a package-style setting name
		`"bucket_key": "QuarterlyReport-2.1"`,                     // object name with a version
		`notes = "Maven - org.acme:acme-json-core-1.4.2"`,         // artifact coordinates
		`artifact_key = "acme-json-core-1.4.2"`,
		`csrf_token = "c8Xk2mQ9vL4pZ7rT3wN6yB1hJ5sF0dG8aE2uK"`, // anti-forgery, not a credential
		`<input type="hidden" name="authenticity_token" value="Zk3v9QmL2xR7pT4wN8yC1bH6sJ0dF5gA">`,
		`api_key = "?client=web&v=3&lang=en&format=json"`,    // a query string
		`cache_token = a9X2kL7mQ4|zR8pT3vW6yN1cB5hJ0sF`,      // two values run together
		`access_key = '=Kq8Zr2LmX0vNp4TfK7sWc9Yb'`,           // base64 never starts with padding
		`<add key="FeedPassword" value="%FEED_PASSWORD%" />`, // %VAR% reference
		`token := compute(a, b) ? "x" : "y"`,
	}
	for _, x := range positives {
		if fs := s.Scan(x); len(fs) == 0 {
			t.Errorf("missed: %q", x)
		}
	}
	for _, x := range negatives {
		if fs := s.Scan(x); len(fs) > 0 {
			t.Errorf("false positive %s %q in %q", fs[0].RuleID, x[fs[0].Start:fs[0].End], x)
		}
	}
}

// madeUpLongToken is a made-up 400-byte session token: longer than the old
// 256-byte limit on values found by context.
func madeUpLongToken() string {
	const part = "aZ3kQ9mL2xR7pT4wN8yC1bH6sJ0dF5gE"
	b := make([]byte, 0, 400)
	for i := 0; len(b) < 400; i++ {
		b = append(b, part[(i*7)%len(part)])
	}
	return string(b)
}

func FuzzTypeAnnotation(f *testing.F) {
	for _, s := range []string{`x string = "a"`, `: String = 1`, ` str ==`, ``, `:`, ` const char* = `} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			j := typeAnnotation(s, i, true)
			if j < i || j > len(s) {
				t.Fatalf("typeAnnotation(%q, %d) = %d", s, i, j)
			}
		}
	})
}

// Values found after a name that are references or stand-ins, seen in
// other scanners' negative examples (written here by hand).
func TestGenericRejectsReferences(t *testing.T) {
	s := mustScanner(t, Options{})
	for _, text := range []string{
		`- echo 'export DB_PASSWORD="'$DEPLOY_DB_PASSWORD'"' >> .env`,
		`ResetPassword = "arn:aws:iam::aws:policy/IAMUserChangePassword"`,
		`userLabel:"User:",passwordLabel:"Password:",nextLabel:"Next"`,
		`text << "Password=#{pass}, "`,
		// Typed sequences (a1b2c3…, abcdefg…) used to be listed here; since
		// round 4 a value found by context is dropped for them only when it
		// is an alphabet (TestPlaceholderPolicy), so they are reported.
		`--set global.licenseKey=a1b2c3d4-placeholder`,
		`var _keyStr = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="`,
		`const DB_KEY = "redis://cache.internal:6379/0";`,
		`	ATTR_PMK_PASSWORD = C.ATTR_PMK_PASSWORD_V2`,
	} {
		if fs := s.Scan(text); len(fs) > 0 {
			t.Errorf("%q: unexpected %s %q", text, fs[0].RuleID, text[fs[0].Start:fs[0].End])
		}
	}
}
