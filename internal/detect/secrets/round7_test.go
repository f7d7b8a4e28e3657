package secrets

import (
	"strings"
	"testing"
)

// Round 7: literal values assigned to names that say "secret"
// (docs/secrets-rounds.md, Round 7). Values generated for this test, not copied.
func TestRound7Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	cases := []firstFindingCase{
		// A typed literal assigned to a secret's name is hard-coded.
		{"secret, typed value", `webhookSecret: "kettle42"`, "kettle42"},
		{"api key, typed value", `TRAVEL_API_KEY = 'tulip-77-orbit'`, "tulip-77-orbit"},
		{"typed key of a generated shape, byte replaced", `secretKey: 'marmot7?lantern'`, ""},
		{"yaml secret, unquoted", "jwt:\n  secret: harbor#ledger9\n", "harbor#ledger9"},
		{"random punctuation is not a template", `api_key = "q{{r}s)t${u]vw(xy[zz>-_$#rest}}"`, "q{{r}s)t${u]vw(xy[zz>-_$#rest}}"},
		{"aws secret access key", `aws_secret_access_key: 'kettle42!'`, "kettle42!"},
		{"password compared from the left", `if ("Kq7vT2xZ9p" == password) {`, "Kq7vT2xZ9p"},
		{"objective-c literal", `password = @"Kq7vT2xZ9p";`, "Kq7vT2xZ9p"},
		// Not values, or not secrets.
		{"key compared from the left", `if ("ArrowDown1" == key) {`, ""},
		{"empty compared from the left", `if ("" != password) {`, ""},
		{"secret names itself", `AccessToken: "oauth2-secret-token"`, ""},
		{"secret is a constant", `conf.ClientSecret = "CLIENT_SECRET??"`, ""},
		{"secret is a word", `ClientSecret: "ExpectedPassword"`, ""},
		{"secret is an expression", "SECRET_KEY = (BASE_SECRET_KEY << 2)", ""},
		{"secret is a pointer", "  ClientSecret: *clientSecret,", ""},
		{"plain key, typed value", `cacheKey: "kettle42"`, ""},
		{"secret, identifier unquoted", "secret = secretV2", ""},
		{"secret, lower-case words", `client_secret: "my-app-secret"`, ""},
		{"secret, prefix only", `access_token: "CFPAT-"`, ""},
		{"secret, template", `api_key: "{{ .Values.apiKey }}"`, ""},
		{"secret, cut template", "api_key=${API_KEY", ""},
		{"secret, flag", `private_key: "-----BEGIN?RSA?KEY-----"`, ""},
		{"key with a byte replaced", `nugetapikey = 'hq7sa?25w3gqgvz7k1exe07xqosc38yu2oyudjuiaq'`, ""},
		{"key compared", `if (api_key == "kettle42") {`, ""},
		// Random-looking letters without digits are generated, not words.
		{"random letters, no digits", "license_key: TWxqZnBmRmKm_VQBhcnQ", "TWxqZnBmRmKm_VQBhcnQ"},
		{"camel identifier", "license_key: getUserByName_Value", ""},
		// Which password a name holds does not make it less of one.
		{"reset password", `resetUrlPassword: "kettle42"`, "kettle42"},
		{"password reset is not a password", `password_reset: "kettle42"`, ""},
		{"route", `put '/forgot-password' => "cms/sites/passwords#update"`, ""},
	}
	checkFirstFinding(t, s, cases)
}

func TestMismatchedBrackets(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"{{ x }}", false},
		{"${DB_PASS", false},
		{"password>", false},
		{"<token>", false},
		{"m{{h}o)p", true},
		{"a[b}", true},
		{"f(x[1])", false},
	} {
		if got := mismatchedBrackets(c.in); got != c.want {
			t.Errorf("mismatchedBrackets(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestRandomCase(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"YXNkZmZmZmZm", true},
		{"QWxkZmZmZmZm_ZXBhcnQ", true},
		{"getHTTPResponseCode", false},
		{"IDsByName", false},
		{"getUserByIdOrName", false},
		{"SandboxConfigurationBucketAccessPolicy", false},
	} {
		if got := randomCase(c.in); got != c.want {
			t.Errorf("randomCase(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// FuzzLiteralSecret checks that the literal reader stays in bounds and
// never accepts what it promises to reject.
func FuzzLiteralSecret(f *testing.F) {
	f.Add(`secret: "kettle42"`)
	f.Add("api_key = 'q{{r}s)t'")
	f.Add("\n- token: x")
	f.Fuzz(func(t *testing.T, text string) {
		i := strings.IndexAny(text, ":=")
		if i < 0 || i+1 >= len(text) {
			return
		}
		vs, ve := i+1, len(text)
		if literalSecret(text, 0, vs, ve) {
			v := text[vs:ve]
			if len(v) < 8 || v[0] == '-' {
				t.Fatalf("accepted %q", v)
			}
		}
		_ = mismatchedBrackets(text)
		_ = randomCase(text)
	})
}

// FuzzYodaCompare checks that a literal read from the left lies before
// the name, inside the text, and on one line.
func FuzzYodaCompare(f *testing.F) {
	f.Add(`if ("Kq7vT2xZ9p" == password) {`, 22)
	f.Add(`'abcdefg' !== pw`, 14)
	f.Add(`== x`, 3)
	f.Fuzz(func(t *testing.T, text string, is int) {
		if is < 0 || is > len(text) {
			return
		}
		vs, ve, ok := yodaCompare(text, is)
		if !ok {
			return
		}
		if vs < 0 || ve > is || vs > ve || strings.ContainsAny(text[vs:ve], "\n\r") {
			t.Fatalf("bad bounds %d:%d for %q at %d", vs, ve, text, is)
		}
	})
}
