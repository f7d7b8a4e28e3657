package secrets

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Sample is one labelled text of the generated evaluation set.
type Sample struct {
	Text     string `json:"text"`
	Label    int    `json:"label"` // 1 = contains a secret
	Category string `json:"category"`
}

// EvalSetVersion changes whenever EvalSet's output for a seed changes,
// so that cached copies of the set are not reused.
const EvalSetVersion = 3

// DefaultEvalSeed is the seed `warden eval secrets` uses with no files.
const DefaultEvalSeed = 20261126

const (
	upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lowerC = "abcdefghijklmnopqrstuvwxyz"
	digits = "0123456789"
	alnum  = upper + lowerC + digits
	hexC   = "0123456789abcdef"
	b64    = alnum + "+/"
	b64url = alnum + "-_"
)

type gen struct{ r *rand.Rand }

func (g gen) s(alpha string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alpha[g.r.IntN(len(alpha))]
	}
	return string(b)
}

func (g gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g gen) uuid() string {
	return g.s(hexC, 8) + "-" + g.s(hexC, 4) + "-4" + g.s(hexC, 3) + "-" + g.pick("8", "9", "a", "b") + g.s(hexC, 3) + "-" + g.s(hexC, 12)
}

func (g gen) githubToken(prefix string) string {
	body := g.s(alnum, 30)
	return prefix + "_" + body + GitHubChecksum(body)
}

func (g gen) jwt() string {
	enc := base64.RawURLEncoding.EncodeToString
	hdr := enc([]byte(fmt.Sprintf(`{"alg":"%s","typ":"JWT"}`, g.pick("HS256", "RS256", "ES256"))))
	pl := enc([]byte(fmt.Sprintf(`{"sub":"%d","name":"%s","iat":%d,"exp":%d,"scope":"%s"}`, g.r.IntN(1e6), g.pick("alice", "svc-deploy", "Jordan Lee"), 1.7e9+g.r.IntN(1e7), 1.8e9+g.r.IntN(1e7), g.pick("read", "admin write"))))
	return hdr + "." + pl + "." + g.s(b64url, 43)
}

func (g gen) pem(kind string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-----BEGIN %sPRIVATE KEY-----\n", kind)
	for i := 0; i < 8+g.r.IntN(10); i++ {
		b.WriteString(g.s(b64, 64))
		b.WriteByte('\n')
	}
	b.WriteString(g.s(b64, 20) + "==\n")
	fmt.Fprintf(&b, "-----END %sPRIVATE KEY-----", kind)
	return b.String()
}

func (g gen) password() string {
	return g.pick("Tr0ub4dor&3", "S3cure!Pass", "hunter2hunter2", "Winter2024!", "P4ssw0rd_prod", "qK8#vL2m!xR9", "zebra-Hotel-42", "M0nkey!Business") + g.pick("", g.s(digits, 2), "#"+g.s(alnum, 3))
}

// secretMaker makes one provider's secret and the variable name people
// give it.
type secretMaker struct {
	provider  string
	needsName bool // the value alone does not say what it is
	names     []string
	make      func(g gen) string
}

func makers() []secretMaker {
	return []secretMaker{
		{"aws", false, []string{"AWS_ACCESS_KEY_ID", "aws_access_key_id", "accessKeyId"}, func(g gen) string { return g.pick("AKIA", "ASIA") + g.s(upper+"234567", 16) }},
		{"aws", true, []string{"AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "secretAccessKey"}, func(g gen) string { return g.s(b64, 40) }},
		{"gcp", false, []string{"GOOGLE_API_KEY", "maps_api_key", "apiKey"}, func(g gen) string { return "AIza" + g.s(b64url, 35) }},
		{"gcp", false, []string{"GOOGLE_CLIENT_SECRET", "client_secret"}, func(g gen) string { return "GOCSPX-" + g.s(b64url, 28) }},
		{"azure", false, []string{"AZURE_STORAGE_CONNECTION_STRING", "connectionString"}, func(g gen) string {
			return "DefaultEndpointsProtocol=https;AccountName=" + g.pick("prodstore", "mediaacct") + ";AccountKey=" + g.s(b64, 86) + "==;EndpointSuffix=core.windows.net"
		}},
		{"azure", false, []string{"AZURE_CLIENT_SECRET", "clientSecret"}, func(g gen) string { return g.s(alnum, 3) + "8Q~" + g.s(alnum+"_-", 34) }},
		{"alibaba", false, []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "accessKeyId"}, func(g gen) string { return "LTAI" + g.s(alnum, 20) }},
		{"digitalocean", false, []string{"DIGITALOCEAN_TOKEN", "do_token"}, func(g gen) string { return "dop_v1_" + g.s(hexC, 64) }},
		{"github", false, []string{"GITHUB_TOKEN", "GH_TOKEN", "token"}, func(g gen) string { return g.githubToken(g.pick("ghp", "gho", "ghu", "ghs")) }},
		{"github", false, []string{"GITHUB_PAT", "github_token"}, func(g gen) string { return "github_pat_" + g.s(alnum, 22) + "_" + g.s(alnum, 59) }},
		{"gitlab", false, []string{"GITLAB_TOKEN", "CI_JOB_TOKEN", "private_token"}, func(g gen) string { return g.pick("glpat-", "gldt-", "glrt-") + g.s(b64url, 20) }},
		{"bitbucket", false, []string{"BITBUCKET_APP_PASSWORD"}, func(g gen) string { return "ATBB" + g.s(alnum, 32) + g.s(hexC, 8) }},
		{"slack", false, []string{"SLACK_BOT_TOKEN", "slack_token"}, func(g gen) string {
			return "xoxb-" + g.s(digits, 12) + "-" + g.s(digits, 13) + "-" + g.s(alnum, 24)
		}},
		{"slack", false, []string{"SLACK_WEBHOOK_URL", "webhook"}, func(g gen) string {
			return "https://hooks.slack.com/services/T" + g.s(upper+digits, 10) + "/B" + g.s(upper+digits, 10) + "/" + g.s(alnum, 24)
		}},
		{"discord", true, []string{"DISCORD_BOT_TOKEN", "discord_token"}, func(g gen) string {
			return g.pick("M", "N", "O") + g.s(b64url, 25) + "." + g.s(b64url, 6) + "." + g.s(b64url, 38)
		}},
		{"telegram", false, []string{"TELEGRAM_BOT_TOKEN", "bot_token"}, func(g gen) string { return g.s(digits, 10) + ":AA" + g.s(b64url, 33) }},
		{"stripe", false, []string{"STRIPE_SECRET_KEY", "stripe_key", "stripe.api_key"}, func(g gen) string { return g.pick("sk_live_", "rk_live_") + g.s(alnum, 24+g.r.IntN(75)) }},
		{"square", false, []string{"SQUARE_ACCESS_TOKEN"}, func(g gen) string { return "EAAA" + g.s(b64url, 60) }},
		{"paypal", false, []string{"BRAINTREE_ACCESS_TOKEN"}, func(g gen) string {
			return "access_token$production$" + g.s(lowerC+digits, 16) + "$" + g.s(hexC, 32)
		}},
		{"twilio", false, []string{"TWILIO_API_KEY", "twilio_sid"}, func(g gen) string { return "SK" + g.s(hexC, 32) }},
		{"twilio", true, []string{"TWILIO_AUTH_TOKEN"}, func(g gen) string { return g.s(hexC, 32) }},
		{"sendgrid", false, []string{"SENDGRID_API_KEY"}, func(g gen) string { return "SG." + g.s(b64url, 22) + "." + g.s(b64url, 43) }},
		{"mailgun", false, []string{"MAILGUN_API_KEY"}, func(g gen) string { return "key-" + g.s(hexC, 32) }},
		{"mailchimp", false, []string{"MAILCHIMP_API_KEY"}, func(g gen) string { return g.s(hexC, 32) + "-us" + g.pick("6", "14", "21") }},
		{"openai", false, []string{"OPENAI_API_KEY", "openai.api_key"}, func(g gen) string {
			return g.pick("sk-proj-"+g.s(b64url, 156), "sk-"+g.s(alnum, 20)+"T3BlbkFJ"+g.s(alnum, 20), "sk-"+g.s(alnum, 48))
		}},
		{"anthropic", false, []string{"ANTHROPIC_API_KEY"}, func(g gen) string { return "sk-ant-api03-" + g.s(b64url, 93) + "AA" }},
		{"huggingface", false, []string{"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}, func(g gen) string { return "hf_" + g.s(upper+lowerC, 34) }},
		{"groq", false, []string{"GROQ_API_KEY"}, func(g gen) string { return "gsk_" + g.s(alnum, 52) }},
		{"replicate", false, []string{"REPLICATE_API_TOKEN"}, func(g gen) string { return "r8_" + g.s(alnum, 37) }},
		{"npm", false, []string{"NPM_TOKEN"}, func(g gen) string { return "npm_" + g.s(alnum, 36) }},
		{"pypi", false, []string{"PYPI_TOKEN", "TWINE_PASSWORD"}, func(g gen) string { return "pypi-AgEIcHlwaS5vcmc" + g.s(b64url, 70) }},
		{"rubygems", false, []string{"GEM_HOST_API_KEY"}, func(g gen) string { return "rubygems_" + g.s(hexC, 48) }},
		{"docker", false, []string{"DOCKERHUB_TOKEN"}, func(g gen) string { return "dckr_pat_" + g.s(b64url, 27) }},
		{"shopify", false, []string{"SHOPIFY_ACCESS_TOKEN"}, func(g gen) string { return g.pick("shpat_", "shpss_") + g.s(hexC, 32) }},
		{"atlassian", false, []string{"JIRA_API_TOKEN", "ATLASSIAN_TOKEN"}, func(g gen) string { return "ATATT3" + g.s(b64url, 186) }},
		{"linear", false, []string{"LINEAR_API_KEY"}, func(g gen) string { return "lin_api_" + g.s(alnum, 40) }},
		{"notion", false, []string{"NOTION_TOKEN"}, func(g gen) string { return g.pick("secret_"+g.s(alnum, 43), "ntn_"+g.s(digits, 11)+g.s(alnum, 35)) }},
		{"heroku", true, []string{"HEROKU_API_KEY"}, func(g gen) string { return g.uuid() }},
		{"vercel", true, []string{"VERCEL_TOKEN"}, func(g gen) string { return g.s(alnum, 24) }},
		{"netlify", false, []string{"NETLIFY_AUTH_TOKEN"}, func(g gen) string { return "nfp_" + g.s(alnum, 36) }},
		{"cloudflare", true, []string{"CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"}, func(g gen) string { return g.s(b64url, 40) }},
		{"datadog", true, []string{"DD_API_KEY", "DATADOG_API_KEY"}, func(g gen) string { return g.s(hexC, 32) }},
		{"newrelic", false, []string{"NEW_RELIC_API_KEY"}, func(g gen) string { return "NRAK-" + g.s(upper+digits, 27) }},
		{"sentry", false, []string{"SENTRY_AUTH_TOKEN"}, func(g gen) string { return "sntryu_" + g.s(hexC, 64) }},
		{"sentry", false, []string{"SENTRY_DSN"}, func(g gen) string {
			return "https://" + g.s(hexC, 32) + ":" + g.s(hexC, 32) + "@o" + g.s(digits, 6) + ".ingest.sentry.io/" + g.s(digits, 7)
		}},
		{"pagerduty", true, []string{"PAGERDUTY_TOKEN"}, func(g gen) string { return "u+" + g.s(b64url, 18) }},
		{"okta", true, []string{"OKTA_API_TOKEN"}, func(g gen) string { return "00" + g.s(b64url, 40) }},
		{"auth0", true, []string{"AUTH0_CLIENT_SECRET"}, func(g gen) string { return g.s(b64url, 64) }},
		{"vault", false, []string{"VAULT_TOKEN"}, func(g gen) string { return "hvs." + g.s(b64url, 90) }},
		{"terraform", false, []string{"TF_API_TOKEN", "TFE_TOKEN"}, func(g gen) string { return g.s(alnum, 14) + ".atlasv1." + g.s(b64url, 67) }},
		{"doppler", false, []string{"DOPPLER_TOKEN"}, func(g gen) string { return "dp.st." + g.pick("prd.", "") + g.s(alnum, 40) }},
		{"pulumi", false, []string{"PULUMI_ACCESS_TOKEN"}, func(g gen) string { return "pul-" + g.s(hexC, 40) }},
		{"jwt", false, []string{"ACCESS_TOKEN", "id_token", "Authorization"}, func(g gen) string { return g.jwt() }},
		{"database", false, []string{"DATABASE_URL", "MONGO_URI", "REDIS_URL", "BROKER_URL"}, func(g gen) string {
			user := g.pick("admin", "app", "postgres", "svc_orders")
			host := g.pick("db.internal", "10.0.3.12", "cluster0.ab1cd.mongodb.net", "redis-prod.cache.amazonaws.com", "mq.corp.local")
			return g.pick("postgres", "postgresql", "mysql", "mongodb+srv", "mongodb", "redis", "amqp", "rediss") + "://" + user + ":" + g.pick(g.s(alnum, 16), g.password()) + "@" + host + g.pick(":5432/app", "/orders?retryWrites=true", ":6379/0", "")
		}},
		{"url-credentials", false, []string{"REPO_URL", "proxy"}, func(g gen) string {
			return g.pick("https", "ftp", "http") + "://" + g.pick("deploy", "ci-bot", "jsmith") + ":" + g.s(alnum, 14) + "@" + g.pick("git.corp.example.net", "artifacts.acme.io", "proxy.internal:3128") + "/path"
		}},
		{"generic", true, []string{"ACME_API_KEY", "api_key", "apiKey", "x-api-key", "secret_key", "client_secret", "auth_token", "SECRET_KEY_BASE", "encryptionKey", "webhook_secret"}, func(g gen) string {
			return g.pick(g.s(alnum, 32), g.s(hexC, 40), g.s(b64url, 48), g.s(alnum, 20))
		}},
		{"password", true, []string{"DB_PASSWORD", "password", "smtp_pass", "ADMIN_PASSWORD", "passwd", "spring.datasource.password"}, func(g gen) string { return g.password() }},
	}
}

// contexts embed a secret value v named n in a realistic text.
var contexts = []func(g gen, n, v string) string{
	func(g gen, n, v string) string {
		return fmt.Sprintf("# production\n%s=%s\nLOG_LEVEL=info\n", strings.ToUpper(n), v)
	},
	func(g gen, n, v string) string { return fmt.Sprintf("export %s=\"%s\"", strings.ToUpper(n), v) },
	func(g gen, n, v string) string {
		return fmt.Sprintf(`{"service": "billing", "%s": "%s", "region": "us-east-1"}`, n, v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("config:\n  environment: prod\n  %s: %s\n  retries: 3\n", n, v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("%s = \"%s\"\nclient = Client(%s)\n", strings.ToLower(n), v, strings.ToLower(n))
	},
	func(g gen, n, v string) string { return fmt.Sprintf("const %s = '%s';\n", lowerCamel(n), v) },
	func(g gen, n, v string) string { return fmt.Sprintf("\t%s := \"%s\"\n", lowerCamel(n), v) },
	func(g gen, n, v string) string {
		return fmt.Sprintf("2026-03-04T10:22:13Z DEBUG request failed, %s=%s status=401", strings.ToLower(n), v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("hey, can you try with this one? %s\nit should have access to the repo", v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("Here is the key you asked for: `%s` (don't share it)", v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("    environment:\n      - %s=%s\n      - NODE_ENV=production\n", strings.ToUpper(n), v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("{\"content\":[{\"type\":\"text\",\"text\":\"Found in .env: %s=%s\"}]}", strings.ToUpper(n), v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("        env:\n        - name: %s\n          value: \"%s\"\n        - name: PORT\n          value: \"8080\"\n", strings.ToUpper(n), v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("FYI the %s for staging is %s - rotate it after the demo", strings.ToLower(strings.ReplaceAll(n, "_", " ")), v)
	},
	func(g gen, n, v string) string {
		return fmt.Sprintf("```python\nimport requests\n%s = \"%s\"\nrequests.get(url, headers={\"X\": %s})\n```", strings.ToLower(n), v, strings.ToLower(n))
	},
}

// bareContext reports whether a context drops the variable name.
func bareContext(ctx func(gen, string, string) string) bool {
	return !strings.Contains(strings.ToLower(ctx(gen{rand.New(rand.NewPCG(1, 2))}, "NAME_MARK", "v")), "mark")
}

func lowerCamel(n string) string {
	parts := strings.FieldsFunc(strings.ToLower(n), func(r rune) bool { return r == '_' || r == '.' || r == '-' })
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return strings.Join(parts, "")
}

// negatives are hard non-secrets: identifiers, hashes, placeholders,
// public keys and documentation that look like credentials.
var negatives = []func(g gen) (string, string){
	func(g gen) (string, string) {
		return fmt.Sprintf(`{"request_id": "%s", "user_id": "%s", "status": "ok"}`, g.uuid(), g.uuid()), "uuid"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("commit %s\nAuthor: Dana <dana@corp.io>\n\n    Fix token refresh race", g.s(hexC, 40)), "git-sha"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("sha256sum: %s  warden-linux-amd64.tar.gz", g.s(hexC, 64)), "hash"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf(`<img src="data:image/png;base64,%s">`, g.s(b64, 200)), "base64-blob"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf(`<link rel="stylesheet" href="/static/main.%s.css" integrity="sha384-%s">`, g.s(hexC, 8), g.s(b64, 64)), "css-hash"
	},
	func(g gen) (string, string) {
		// AKIAIOSFODNN7EXAMPLE alone is reported since v3 (fixed formats
		// keep only the narrow placeholder policy); the secret key, found
		// by context, is still a stand-in.
		return g.pick("AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
			"GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
			"STRIPE_SECRET_KEY=sk_live_your_key_here",
			`api_key = "<YOUR_API_KEY>"`,
			"export OPENAI_API_KEY=${OPENAI_API_KEY}",
			`password: "********"`,
			"DB_PASSWORD=changeme",
			`"token": "{{ secrets.DEPLOY_TOKEN }}"`,
			"Authorization: Bearer <token>",
			"SLACK_BOT_TOKEN=xoxb-your-bot-token",
			`apiKey: process.env.STRIPE_API_KEY,`,
			`password = request.form["password"]`,
			`token = os.environ.get("GITHUB_TOKEN")`,
			"postgres://user:password@localhost:5432/mydb",
			`secret_key = "replace-with-a-long-random-string"`), "placeholder"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s deploy@ci", g.s(b64, 43)), "public-key"
	},
	func(g gen) (string, string) {
		return "-----BEGIN PUBLIC KEY-----\n" + g.s(b64, 64) + "\n" + g.s(b64, 64) + "\n-----END PUBLIC KEY-----", "public-key"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf(`const stripe = Stripe("pk_live_%s");`, g.s(alnum, 24)), "public-key"
	},
	func(g gen) (string, string) {
		return g.pick("To authenticate, set the GITHUB_TOKEN environment variable to a personal access token with repo scope.",
			"The access token expires after 3600 seconds; use the refresh token to get a new one.",
			"Rotate your API keys every 90 days and never commit them to git.",
			"Passwords must be at least 12 characters long and contain a digit.",
			"Click 'Forgot password?' to reset your password by e-mail.",
			"The tokenizer splits text into tokens; max_tokens limits the output."), "docs"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf(`{"model": "gpt-4o", "max_tokens": %d, "usage": {"prompt_tokens": %d, "completion_tokens": %d}, "token_type": "Bearer", "expires_in": 3600}`, 256+g.r.IntN(4000), g.r.IntN(9000), g.r.IntN(900)), "api-metadata"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf(`"integrity": "sha512-%s==", "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"`, g.s(b64, 86)), "lockfile"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("image: ghcr.io/acme/api@sha256:%s", g.s(hexC, 64)), "hash"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf(`{"public_key": "%s", "key_id": "%s", "cache_key": "%s", "session_id": "%s"}`, g.s(b64, 44), g.s(hexC, 16), g.s(hexC, 32), g.s(alnum, 26)), "identifiers"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("const token = await getAccessToken(client);\nif (!token) throw new Error('no token');\nconst secret = loadSecret('%s');", g.pick("db", "stripe")), "code"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("Order #%s shipped to 221B Baker Street. Tracking: 1Z%s", g.s(digits, 10), g.s(upper+digits, 16)), "ids"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("The build %s passed in %d.%ds. Cache key: node-modules-%s", g.s(hexC, 7), g.r.IntN(90), g.r.IntN(10), g.s(hexC, 64)), "ci-log"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("mongodb://localhost:27017/test\nredis://cache:6379/0\nhttps://%s@github.com/acme/repo.git", g.pick("git", "deploy")), "url"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf(`{"color": "#%s", "font": "Inter", "id": "%s", "etag": "W/\"%s\""}`, g.s(hexC, 6), g.s(alnum, 20), g.s(hexC, 32)), "ids"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("password_min_length: 12\npassword_require_symbols: true\ntoken_ttl: 15m\nsecret_name: %s", g.pick("db-creds", "stripe")), "config"
	},
	func(g gen) (string, string) {
		return fmt.Sprintf("Uploaded file %s.pdf (%d KB), id %s, checksum md5 %s", g.s(lowerC, 8), g.r.IntN(900), g.uuid(), g.s(hexC, 32)), "hash"
	},
}

// EvalSet generates n labelled samples (about half positive)
// deterministically from seed.
func EvalSet(seed uint64, n int) []Sample {
	g := gen{rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	ms := makers()
	out := make([]Sample, 0, n)
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			m := ms[g.r.IntN(len(ms))]
			v := m.make(g)
			name := g.pick(m.names...)
			var text string
			switch {
			case m.provider == "jwt" && g.r.IntN(2) == 0:
				text = fmt.Sprintf("curl -H \"Authorization: Bearer %s\" https://api.acme.io/v1/me", v)
			case g.r.IntN(12) == 0:
				text = fmt.Sprintf("%s\n", g.pem(g.pick("RSA ", "EC ", "OPENSSH ", "")))
				m.provider = "private-key"
			default:
				ctx := contexts[g.r.IntN(len(contexts))]
				for m.needsName && bareContext(ctx) {
					ctx = contexts[g.r.IntN(len(contexts))]
				}
				text = ctx(g, name, v)
			}
			out = append(out, Sample{Text: text, Label: 1, Category: m.provider})
			continue
		}
		text, cat := negatives[g.r.IntN(len(negatives))](g)
		out = append(out, Sample{Text: text, Label: 0, Category: "benign/" + cat})
	}
	return out
}
