package secrets

import (
	"strings"
	"testing"
)

func mustScanner(t testing.TB, o Options) *Scanner {
	t.Helper()
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// firstRuleMatch returns the text of the first finding of rule, or "".
func firstRuleMatch(s *Scanner, text, rule string) string {
	for _, f := range s.Scan(text) {
		if f.RuleID == rule {
			return text[f.Start:f.End]
		}
	}
	return ""
}

// Hand-written cases in the styles other people use for labelled sets:
// leaked keys in snippets, bare keys in chat, docs placeholders.
var positives = []struct{ rule, text, secret string }{
	{"aws-access-key-id", `aws_access_key_id = AKIAQYLPMN5HHHFPZAM2`, "AKIAQYLPMN5HHHFPZAM2"},
	{"aws-secret-access-key", `AWS_SECRET_ACCESS_KEY="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"`, ""},
	{"github-pat", "git clone https://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@github.com/acme/app.git", "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"},
	{"github-fine-grained-pat", "GH_TOKEN=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4lBz", ""},
	{"gitlab-pat", `gitlab_token: "glpat-9xKq2mLw7Rt4Yp1Zs8Vb"`, "glpat-9xKq2mLw7Rt4Yp1Zs8Vb"},
	{"slack-bot-token", "SLACK_TOKEN=xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1", ""},
	{"slack-webhook-url", "curl -X POST https://hooks.slack.com/services/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 -d '{}'", ""},
	{"stripe-secret-key", `stripe.api_key = "sk_live_51H8bQ2KZvKYlo2CjN7pQm3X9aTqLs0d"`, "sk_live_51H8bQ2KZvKYlo2CjN7pQm3X9aTqLs0d"},
	{"openai-api-key", "here's my key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zT3BlbkFJAb7cDe0fGh3iJk6lMn9oPq2rSt5uVw8xYz", ""},
	{"anthropic-api-key", "ANTHROPIC_API_KEY=sk-ant-api03-" + strings.Repeat("aB3_dE6-gH9jK2mN5p", 5) + "QAA", ""},
	{"huggingface-token", "from huggingface_hub import login\nlogin(token=\"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\")", ""},
	{"jwt", "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", ""},
	{"database-url-password", `DATABASE_URL=postgresql://app_user:q7Lr9!vT2x@prod-db.c9akciq32.us-east-1.rds.amazonaws.com:5432/app`, "q7Lr9!vT2x"},
	{"database-url-password", `client = MongoClient("mongodb+srv://admin:Zx81mQp2Lk@cluster0.x1y2z.mongodb.net/?retryWrites=true")`, "Zx81mQp2Lk"},
	{"url-basic-auth", "pip install --index-url https://build:h7Gk2LmQ9x@pypi.corp.net/simple pkg", "h7Gk2LmQ9x"},
	{"private-key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\naFDrBz9vFqU4yc9lHO1PGCz0mDHlEGBKH8mS8PmbJKqcYcK5G2XOPyH1SAyC8Bq0\nT0LF8u1Tcw6W1QG8q3TmN1kzlDMBqqkhbKXS3Q/kgdp3lpTHKbAOVaX4ZTshjmL6\n-----END RSA PRIVATE KEY-----", ""},
	{"generic-api-key", `const config = { apiKey: "a8f3k29dk3m2n4b5v6c7x8z9q1w2e3r4" };`, "a8f3k29dk3m2n4b5v6c7x8z9q1w2e3r4"},
	{"generic-api-key", "X-Api-Key: 7b1e9c2a4d6f8e0b3c5a7d9f1e3b5c7a", ""},
	{"generic-password", `spring.datasource.password=Sup3rS3cret!`, "Sup3rS3cret!"},
	{"generic-password", `{"username": "admin", "password": "Xy9#mK2$pL"}`, "Xy9#mK2$pL"},
	{"generic-password", "mysql -u root --password=Tr0ub4dor3 orders", ""},
	{"sendgrid-api-key", "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", ""},
	{"npm-access-token", "//registry.npmjs.org/:_authToken=npm_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R", ""},
	{"telegram-bot-token", "bot = telebot.TeleBot('5893421067:AAGq3xJ9kLmN2pQ7rS4tU8vW1xY5zA6bC0d')", ""},
	{"twilio-api-key", "client = Client('SK2a9f7e3c1b5d8e0f4a6c2b9d7e1f3a5c', secret)", ""},
	{"generic-api-key", "my openweather api key is 3c8a9f2e7b1d4c6a0e5f9b2d8c7a1e4f, can you check why it fails?", ""},
	{"google-api-key-or-gcp", "https://maps.googleapis.com/maps/api/geocode/json?address=Paris&key=AIzaSyD4x9Kq2mLw7Rt4Yp1Zs8Vb3Nc6Hd0Jf5G", ""},
}

var negativeTexts = []string{
	"AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}",
	"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	"GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	"api_key: ${API_KEY}",
	`"password": "<your-password>"`,
	"password = os.getenv('DB_PASSWORD')",
	"token = get_token(user)",
	`const apiKey = process.env.OPENAI_API_KEY;`,
	"Your API key is shown only once. Store it somewhere safe.",
	"commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
	"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	`{"id": "f47ac10b-58cc-4372-a567-0e02b2c3d479", "token_type": "bearer", "expires_in": 3599}`,
	"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDjI9Q2mXfPq user@host",
	`<script src="app.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"></script>`,
	"password_reset_token_expiry: 3600",
	"DB_PASSWORD=changeme",
	"stripe publishable key: pk_live_51H8bQ2KZvKYlo2CjN7pQm3X9aTqLs0d",
	"The key insight is that tokens are cheap.",
	`if password == confirm_password { return nil }`,
	"Set SECRET_KEY to a random string of at least 50 characters.",
	"postgres://postgres:postgres@localhost:5432/postgres",
	"https://github.com/acme/app/blob/3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39/README.md",
	"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
	`"integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg=="`,
	"session_id=8f14e45fceea167a5a36dedd4bea2543",
	"passwordless login via magic link",
	"The tokenizer has 50257 tokens; the key/value cache uses 2 GB.",
	`{"max_tokens": 4096, "api_version": "2024-06-01", "auth_type": "oauth2"}`,
}

func TestScanPositives(t *testing.T) {
	s := mustScanner(t, Options{})
	for _, tc := range positives {
		fs := s.Scan(tc.text)
		if len(fs) == 0 {
			t.Errorf("%s: nothing found in %q", tc.rule, tc.text)
			continue
		}
		if tc.secret != "" {
			found := false
			for _, f := range fs {
				if tc.text[f.Start:f.End] == tc.secret {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: want secret %q, got %+v (%q)", tc.rule, tc.secret, fs, tc.text[fs[0].Start:fs[0].End])
			}
		}
	}
}

func TestScanNegatives(t *testing.T) {
	s := mustScanner(t, Options{})
	for _, text := range negativeTexts {
		if fs := s.Scan(text); len(fs) > 0 {
			t.Errorf("false positive %s %q in %q", fs[0].RuleID, text[fs[0].Start:fs[0].End], text)
		}
	}
}

func TestValidation(t *testing.T) {
	body := "wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO"
	good := "ghp_" + body + GitHubChecksum(body)
	bad := "ghp_" + body + "AAAAAA"
	s := mustScanner(t, Options{})
	g, b := s.Scan("token "+good), s.Scan("token "+bad)
	if len(g) != 1 || !g[0].Validated || g[0].Confidence < 0.95 {
		t.Errorf("valid checksum: %+v", g)
	}
	if len(b) != 1 || b[0].Validated || b[0].Confidence >= g[0].Confidence {
		t.Errorf("bad checksum should be found but not validated: %+v", b)
	}
	// A JWT whose header is not JSON is not a JWT.
	if fs := s.Scan("eyJub3Rqc29uIjpmYWxzZSwK.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop"); len(fs) != 0 {
		t.Errorf("JWT without alg accepted: %+v", fs)
	}
}

func TestPII(t *testing.T) {
	off := mustScanner(t, Options{})
	on := mustScanner(t, Options{PII: true})
	tests := []struct {
		rule, text string
		want       bool
	}{
		{"credit-card", "card: 4539 1488 0343 6467 exp 12/27", true},
		{"credit-card", "card: 4539 1488 0343 6468", false}, // Luhn fails
		{"credit-card", "test card 4242 4242 4242 4242", false},
		{"iban", "IBAN: GB82 WEST 1234 5698 7654 32", true},
		{"iban", "IBAN: GB82 WEST 1234 5698 7654 33", false},
		{"iban", "pay to DE89370400440532013000 today", true},
		{"us-ssn", "SSN 536-22-1234 on file", true},
		{"us-ssn", "SSN 000-22-1234", false},
		{"uk-nino", "NI number: JG 10 37 42 B", true},
		{"uk-nino", "NI number: QQ 12 34 56 C", false}, // HMRC's example prefix
		{"email-address", "contact jane.roe@fastmail.fm for access", true},
		{"email-address", "write to someone@example.com", false},
		{"phone-e164", "call +44 20 7946 0958 tomorrow", true},
		{"es-dni", "DNI 12345679-Z", false},
		{"nl-bsn", "BSN: 111222333", true},
	}
	for _, tt := range tests {
		fs := on.Scan(tt.text)
		got := false
		for _, f := range fs {
			if f.RuleID == tt.rule {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%s in %q: got %v want %v (%+v)", tt.rule, tt.text, got, tt.want, fs)
		}
		if fs := off.Scan(tt.text); len(fs) > 0 && fs[0].Category != "" && strings.HasPrefix(fs[0].RuleID, tt.rule) {
			t.Errorf("PII found with the pack off: %+v", fs)
		}
	}
}

func TestAllowlists(t *testing.T) {
	text := `{"a": "sk_live_51H8bQ2KZvKYlo2CjN7pQm3X9aTqLs0d", "b": "npm_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R"}`
	base := mustScanner(t, Options{})
	fs := base.Scan(text)
	if len(fs) != 2 {
		t.Fatalf("want 2 findings, got %+v", fs)
	}
	byRule := mustScanner(t, Options{Allow: Allowlist{Rules: []string{"npm-access-token"}}})
	if got := byRule.Scan(text); len(got) != 1 || got[0].RuleID != "stripe-secret-key" {
		t.Errorf("rule allowlist: %+v", got)
	}
	byDigest := mustScanner(t, Options{Allow: Allowlist{Digests: []string{fs[0].Digest}}})
	if got := byDigest.Scan(text); len(got) != 1 || got[0].Digest == fs[0].Digest {
		t.Errorf("digest allowlist: %+v", got)
	}
	byPath := mustScanner(t, Options{Allow: Allowlist{Paths: []string{"result.content[*].text", "params.fixtures.*"}}})
	if got := byPath.ScanPath("params.fixtures.stripe", text); len(got) != 0 {
		t.Errorf("path allowlist: %+v", got)
	}
	if got := byPath.ScanPath("params.arguments.body", text); len(got) != 2 {
		t.Errorf("path not allowlisted: %+v", got)
	}
}

func TestRedactMask(t *testing.T) {
	s := mustScanner(t, Options{})
	text := "use 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 and 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 now"
	fs := s.Scan(text)
	got := Redact(text, fs)
	want := "use [REDACTED:github-pat] and [REDACTED:sendgrid-api-key] now"
	if got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
	if m := Mask("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"); m != "ghp_…INUx" {
		t.Errorf("Mask = %q", m)
	}
	if m := Mask("short"); strings.Contains(m, "short") {
		t.Errorf("Mask leaks a short secret: %q", m)
	}
}

func TestBuiltinRules(t *testing.T) {
	rules := BuiltinRules()
	n, pii, noKw := 0, 0, 0
	ids := map[string]bool{}
	for _, r := range rules {
		if ids[r.ID] {
			t.Errorf("duplicate id %s", r.ID)
		}
		ids[r.ID] = true
		if r.PII {
			pii++
			if len(r.Keywords) == 0 {
				noKw++
			}
			continue
		}
		n++
		if len(r.Keywords) == 0 && r.Detector != namedDetector {
			// The named-credential detector is driven by values, not keywords.
			t.Errorf("credential rule %s has no keywords", r.ID)
		}
		if r.Category == "" || r.Description == "" {
			t.Errorf("rule %s lacks category or description", r.ID)
		}
	}
	if n < 150 {
		t.Errorf("%d credential rules, want at least 150", n)
	}
	t.Logf("%d credential rules, %d PII rules (%d without keywords)", n, pii, noKw)
}

func TestGlob(t *testing.T) {
	for _, tt := range []struct {
		g, s string
		want bool
	}{
		{"a.*", "a.b.c", true}, {"a.?", "a.b", true}, {"a.?", "a.bc", false}, {"*", "", true}, {"x*y", "xaaay", true}, {"x*y", "xaaaz", false},
	} {
		if got := globMatch(tt.g, tt.s); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v", tt.g, tt.s, got)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, p := range positives {
		f.Add(p.text)
	}
	for _, n := range negativeTexts[:8] {
		f.Add(n)
	}
	f.Add("card 4539 1488 0343 6467 +44 20 7946 0958 a@b.co GB82 WEST 1234 5698 7654 32")
	s := mustScanner(f, Options{PII: true})
	f.Fuzz(func(t *testing.T, text string) {
		fs := s.Scan(text)
		end := 0
		for _, x := range fs {
			if x.Start < end || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("bad bounds or order: %+v in %d bytes", fs, len(text))
			}
			end = x.End
		}
		red := Redact(text, fs)
		for _, x := range fs {
			secret := text[x.Start:x.End]
			found := 0
			for _, y := range fs {
				if text[y.Start:y.End] == secret {
					found++
				}
			}
			// The secret may survive only where it also occurs unflagged
			// (inside a longer token, say).
			if len(secret) >= 8 && strings.Count(red, secret) > strings.Count(text, secret)-found {
				t.Fatalf("redacted text still holds %q", secret)
			}
		}
		// Every byte of every finding is gone from the redacted text:
		// rebuild it and compare.
		var b strings.Builder
		pos := 0
		for _, x := range fs {
			b.WriteString(text[pos:x.Start])
			b.WriteString("[REDACTED:" + x.RuleID + "]")
			pos = x.End
		}
		b.WriteString(text[pos:])
		if b.String() != red {
			t.Fatalf("Redact output differs from the expected rebuild")
		}
	})
}

// TestRuleTable prints the built-in rule counts by category (the table in
// docs/secrets.md): go test -run TestRuleTable -v.
func TestRuleTable(t *testing.T) {
	rules := BuiltinRules()
	for _, c := range RuleStats(rules) {
		t.Logf("| %s | %d |", c.Category, c.Rules)
	}
	t.Logf("total %d", len(rules))
}

func TestConcurrentScan(t *testing.T) {
	s := mustScanner(t, Options{PII: true})
	set := EvalSet(7, 200)
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go func() {
			for _, x := range set {
				s.Scan(x.Text)
			}
			done <- true
		}()
	}
	for w := 0; w < 4; w++ {
		<-done
	}
}

// firstFindingCase is a text and the secret a scan finds first in it
// ("" for none).
type firstFindingCase struct {
	name, text string
	want       string
}

// checkFirstFinding scans each case and compares the first finding.
func checkFirstFinding(t *testing.T, s *Scanner, cases []firstFindingCase) {
	t.Helper()
	for _, c := range cases {
		fs := s.Scan(c.text)
		got := ""
		if len(fs) > 0 {
			got = c.text[fs[0].Start:fs[0].End]
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q (findings %v)", c.name, got, c.want, fs)
		}
	}
}
