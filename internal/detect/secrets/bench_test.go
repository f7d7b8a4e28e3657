package secrets

import (
	"strings"
	"testing"
)

// benchText builds about n bytes of ordinary tool-result text: JSON
// records, prose and code, with no secrets.
func benchText(n int) string {
	parts := []string{
		`{"id": 1842, "title": "Quarterly planning notes", "owner": "dana", "tags": ["planning", "q3"], "updated_at": "2026-03-04T10:22:13Z"},` + "\n",
		"The committee reviewed the proposal in detail and asked the team to add a section on risks, costs and the timeline for the migration.\n",
		"func (s *Server) handle(ctx context.Context, req *Request) (*Response, error) {\n\tif err := s.validate(req); err != nil {\n\t\treturn nil, fmt.Errorf(\"validating: %w\", err)\n\t}\n",
		"2026-03-04 10:22:13 INFO  http: GET /api/v1/items?page=2 200 12.3ms bytes=5120 user=42\n",
		"<div class=\"card\"><h2>Welcome back</h2><p>You have 3 new messages and 2 tasks due today.</p></div>\n",
		"Users can ask the assistant to summarise a document, search the web or schedule a meeting; each task runs in its own session.\n",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(parts[i%len(parts)])
	}
	return b.String()[:n]
}

// keywordDense is text full of words the rules key on (token, key,
// password, secret, auth, sk, api-) but with no secrets.
func keywordDense(n int) string {
	parts := []string{
		`{"token_type": "Bearer", "expires_in": 3600, "scope": "read write", "max_tokens": 1024, "api_version": "2024-01-01"},` + "\n",
		"To rotate the API key, open Settings > Security, ask an admin for the secret manager role, and set the password policy.\n",
		"password_min_length: 12\nsecret_name: db-creds\ntoken_ttl: 15m\napi_key_header: X-API-Key\nauth_mode: oauth\n",
		"const token = await getToken(); if (!token) throw new Error('missing auth token'); // task: skip the desk risk\n",
		"https://api.example.net/v1/tokens?page=2 key=value secret=none pass=true https://docs.acme.io/auth/keys\n",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(parts[i%len(parts)])
	}
	return b.String()[:n]
}

func benchScan(b *testing.B, text string, pii bool) {
	s, err := New(Options{PII: pii})
	if err != nil {
		b.Fatal(err)
	}
	if fs := s.Scan(text); len(fs) > 0 && !pii {
		b.Logf("unexpected findings: %d, first %s %q", len(fs), fs[0].RuleID, text[fs[0].Start:fs[0].End])
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Scan(text)
	}
}

func BenchmarkScanProse100K(b *testing.B)        { benchScan(b, benchText(100_000), false) }
func BenchmarkScanKeywordDense100K(b *testing.B) { benchScan(b, keywordDense(100_000), false) }
func BenchmarkScanProse100KPII(b *testing.B)     { benchScan(b, benchText(100_000), true) }

func BenchmarkScanWithSecrets(b *testing.B) {
	set := EvalSet(DefaultEvalSeed, 400)
	var sb strings.Builder
	for _, x := range set {
		sb.WriteString(x.Text)
		sb.WriteString("\n")
	}
	benchScan(b, sb.String(), false)
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNoAllocsWithoutHits(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := benchText(20_000)
	if fs := s.Scan(text); len(fs) != 0 {
		t.Fatalf("findings in clean text: %+v", fs)
	}
	if a := testing.AllocsPerRun(20, func() { s.Scan(text) }); a != 0 {
		t.Errorf("Scan of clean text allocates %v times", a)
	}
}
