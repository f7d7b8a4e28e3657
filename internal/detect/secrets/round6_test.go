package secrets

import (
	"strings"
	"testing"
)

// Round 6: formats and contexts found in the tune halves of the
// detect-secrets, ripsecrets and whispers sets, and the reference policy
// (docs/secrets-rounds.md, Round 6). Values generated for this test, not copied.
func TestRound6Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	cases := []firstFindingCase{
		// Discord bot tokens with no name: the id part must be digits.
		{"discord token alone", "ODEyMzQ1Njc4OTAxMjM0NTY3.Gx7kPq.Zr4bT9wLm2Vn8cYq5hJf3sDg1aUeKpX", "ODEyMzQ1Njc4OTAxMjM0NTY3.Gx7kPq.Zr4bT9wLm2Vn8cYq5hJf3sDg1aUeKpX"},
		{"discord token, 19-digit id", "bot: MTA5NDgzNzI2MTAyOTM4NDc1Ng.Gx7kPq.Zr4bT9wLm2Vn8cYq5hJf3sDg1aUeKpX", "MTA5NDgzNzI2MTAyOTM4NDc1Ng.Gx7kPq.Zr4bT9wLm2Vn8cYq5hJf3sDg1aUeKpX"},
		{"discord shape, id not digits", "ODEyMzQ1Njc4OTAxMjM0NTZq.Gx7kPq.Zr4bT9wLm2Vn8cYq5hJf3sDg1aUeKpX", ""},
		// Slack tokens of the short early form.
		{"slack short bot token", "xoxb-48213975-a7c2e9f14b6d83c0e5", "xoxb-48213975-a7c2e9f14b6d83c0e5"},
		{"slack short user token", "xoxp-738291-582731-928374-f3a9c1e7b2d40e86a1", "xoxp-738291-582731-928374-f3a9c1e7b2d40e86a1"},
		{"slack ids too short", "xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d", ""},
		{"slack token cut off", "xoxp-572370529330-573807301142-572331691188-####", ""},
		{"slack webhook, free-form ids", "hook: https://hooks.slack.com/services/K7Q2M9X4P/R3T8W1Z6C/q9Vb2nX7mL4kP8sT1wR6yZ", "https://hooks.slack.com/services/K7Q2M9X4P/R3T8W1Z6C/q9Vb2nX7mL4kP8sT1wR6yZ"},
		{"slack webhook, masked", "https://hooks.slack.com/services/Txxxxxxxx/Bxxxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxx", ""},
		// Test PyPI tokens, unsigned JWTs, Maven master passwords.
		{"test.pypi.org token", "pypi-AgENdGVzdC5weXBpLm9yZwIkZjM5YTJjNzEtOGI0ZC00ZTZhLWE5YzEtM2Q3ZjBlMmI1YzQ4AAIqWzMsIjEyMyJdAAAGIGr7", "pypi-AgENdGVzdC5weXBpLm9yZwIkZjM5YTJjNzEtOGI0ZC00ZTZhLWE5YzEtM2Q3ZjBlMmI1YzQ4AAIqWzMsIjEyMyJdAAAGIGr7"},
		{"test.pypi.org prefix alone", "pypi-AgENdGVzdC5weXBpLm9yZw", ""},
		{"jwt without signature", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtNDIiLCJpYXQiOjE3NjQxMDAwMDB9", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtNDIiLCJpYXQiOjE3NjQxMDAwMDB9"},
		{"jwt header and noise", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtNDIiLCJpYXQiOjE3NjQx", ""},
		{"maven master password", "<settingsSecurity><master>{jR8sKx2mQ7vL4pN9wT3cZ6bY1hF5gD0aUeIoPkEqRs=}</master></settingsSecurity>", "{jR8sKx2mQ7vL4pN9wT3cZ6bY1hF5gD0aUeIoPkEqRs=}"},
		{"maven master, not encrypted form", "<master>plain</master>", ""},
		// Passwords in URLs and on command lines.
		{"jdbc userpass parameter", `"jdbc:mysql://db/app?user=admin&userpass=Kq7vT2xZ9p"`, "Kq7vT2xZ9p"},
		{"bypass parameter", "https://example.org/x?bypass=Kq7vT2xZ9p", ""},
		{"mysql -p", "mysql -h db -uroot -pKq7vT2xZ9p app < dump.sql", "Kq7vT2xZ9p"},
		{"mysql -p prompts", "mysql -u root -p app", ""},
		{"mysql -p variable", "mysql -uroot -p$MYSQL_PWD app", ""},
		{"sshpass", "sshpass -p 'Kq7vT2xZ9p' ssh deploy@host", "Kq7vT2xZ9p"},
		{"redis-cli -a", "redis-cli -h cache -a Kq7vT2xZ9p ping", "Kq7vT2xZ9p"},
		{"redis-cli -a variable", `redis-cli -a "$REDIS_PASSWORD" ping`, ""},
		{"requirepass", "bind 0.0.0.0\nrequirepass Kq7vT2xZ9p\n", "Kq7vT2xZ9p"},
		{"requirepass commented out", "# requirepass Kq7vT2xZ9p", ""},
		{"smbclient -U user%pass", "smbclient //fs/share -U backup%Kq7vT2xZ9p", "Kq7vT2xZ9p"},
		{"htpasswd -b", "htpasswd -bc .htpasswd admin Kq7vT2xZ9p", "Kq7vT2xZ9p"},
		// References are not values.
		{"shell variable", "password = $DB_PASS", ""},
		{"autoconf substitution", "password=@DB_PASS@", ""},
		{"ansible vault tag", "password: !vault |", ""},
		{"environment read", "password = process.env.DB_PASS", ""},
		{"jdbc parameter variable", "jdbc:mysql://h/db?user=a&password=$DB_PASS", ""},
		{"dollar inside a password", "password = S3cr3t$Pass9", "S3cr3t$Pass9"},
		// Whose password it is does not make it less of one.
		{"user password", `user_password = "Kq7vT2xZ9p"`, "Kq7vT2xZ9p"},
		{"default admin password", "DEFAULT_ADMIN_PASSWORD=Kq7vT2xZ9p", "Kq7vT2xZ9p"},
		{"smtp email password", `<add key="FromEmailPassword" value="Kq7vT2xZ9p"/>`, "Kq7vT2xZ9p"},
		{"keystore password", "storePassword = 'Kq7vT2xZ9p'", "Kq7vT2xZ9p"},
		{"user token is an id", `user_token = "Kq7vT2xZ9pLw4RzN8cYb"`, ""},
		// Passwords compared with literals, Gradle-style settings.
		{"password compared", `if user == "ops" and password == "Kq7vT2xZ9p":`, "Kq7vT2xZ9p"},
		{"password compared strictly", `if (password !== 'Kq7vT2xZ9p') {`, "Kq7vT2xZ9p"},
		{"password compared with empty", `if password == "":`, ""},
		{"password compared with a name", "if password != confirm_password:", ""},
		{"key compared", `if (key === "ArrowDown1") {`, ""},
		{"gradle credentials", "credentials {\n    username 'ci'\n    password 'Kq7vT2xZ9p'\n}", "Kq7vT2xZ9p"},
		{"prose quoting a word", "password 'Kq7vT2xZ9p' link expired", ""},
	}
	checkFirstFinding(t, s, cases)
}

func TestIsReference(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"$db_pass", true}, {"$dbpassword", true}, {"@db_pass@", true}, {"!vault", true},
		{"process.env.db_pass", true}, {"os.environ['x']", true},
		{"$", false}, {"$2a$10$abc", false}, {"s3cr3t$pass", false}, {"@", false}, {"@x", false},
		{"!s3cret", false}, {"!", false}, {"environment9", false},
	} {
		if got := isReference(c.in); got != c.want {
			t.Errorf("isReference(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestValidDiscordID(t *testing.T) {
	for _, c := range []struct {
		in   string
		want verdict
	}{
		{"ODEyMzQ1Njc4OTAxMjM0NTY3.Gx7kPq.Zr4bT9wLm2Vn8cYq5hJf3sDg1aUeKpX", valid},
		{"MTA5NDgzNzI2MTAyOTM4NDc1Ng.Gx7kPq.Zr4bT9wLm2Vn8cYq5hJf3sDg1aUeKpX", valid},
		{"ODEyMzQ1Njc4OTAxMjM0NTZq.Gx7kPq.x", reject},
		{"MTIz.Gx7kPq.x", reject}, // 123: too short for a snowflake
		{"", reject},
	} {
		if got := validDiscordID(c.in); got != c.want {
			t.Errorf("validDiscordID(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func FuzzDSLLine(f *testing.F) {
	f.Add("  password 'x'\n", 2, 11)
	f.Add("password \"x", 0, 9)
	f.Add("a password 'x' b", 2, 11)
	f.Fuzz(func(t *testing.T, text string, is, q int) {
		if is < 0 || q < 0 || is > q || q >= len(text) || text[q] != '"' && text[q] != '\'' {
			return
		}
		if dslLine(text, is, q) && strings.Count(text[q:], text[q:q+1]) < 2 {
			t.Fatalf("dslLine(%q, %d, %d) without a closing quote", text, is, q)
		}
	})
}

func FuzzValidDiscordID(f *testing.F) {
	f.Add("ODEyMzQ1Njc4OTAxMjM0NTY3.Gx7kPq.Zr4bT9wLm2Vn8cYq5hJf3sDg1aUeKpX")
	f.Add("..")
	f.Fuzz(func(t *testing.T, s string) {
		if validDiscordID(s) != valid {
			return
		}
		id, _, _ := strings.Cut(s, ".")
		b, ok := decodeB64URL(id)
		if !ok || strings.Trim(string(b), "0123456789") != "" {
			t.Fatalf("validDiscordID(%q) valid, id decodes to %q", s, b)
		}
	})
}
