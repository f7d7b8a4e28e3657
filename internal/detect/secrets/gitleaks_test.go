package secrets

import (
	"os"
	"strings"
	"testing"
)

const sharedGitleaks = "/work/shared/corpora/secrets/gitleaks.toml"

// TestLoadSharedGitleaks loads the upstream gitleaks configuration: every
// rule must compile with Go's regexp or be reported with a reason.
func TestLoadSharedGitleaks(t *testing.T) {
	f, err := os.Open(sharedGitleaks)
	if err != nil {
		t.Skipf("no shared gitleaks config: %v", err)
	}
	defer f.Close()
	rules, rep, err := LoadGitleaksReport(f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d rules, translated %d, skipped %d", len(rules), len(rep.Translated), len(rep.Skipped))
	for _, s := range rep.Skipped {
		t.Logf("skipped %s: %s", s.ID, s.Reason)
	}
	if len(rules)+len(rep.Skipped) < 222 {
		t.Errorf("%d rules + %d skipped, want 222", len(rules), len(rep.Skipped))
	}
	if len(rules) < 215 {
		t.Errorf("only %d rules usable", len(rules))
	}
	s, err := New(Options{Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	fs := s.Scan("export GITHUB_TOKEN=ghp_Kx9Qm2Lw7Rt4Yp1Zs8Vb3Nc6Hd0Jf5Ga2Pe")
	if len(fs) == 0 {
		t.Errorf("gitleaks rules found nothing in a GitHub token")
	}
}

func TestLoadGitleaksFormat(t *testing.T) {
	const cfg = `
title = "custom"
[[allowlists]]
description = "global"
regexes = ['''^ignored''']

[[rules]]
id = "acme-token"
description = "ACME token"
regex = '''(?i)acme[_-]?token\s*[:=]\s*["']?(acm_[a-z0-9]{20})'''
secretGroup = 1
entropy = 2.0
keywords = ["acme"]
[[rules.allowlists]]
stopwords = ["acm_zzzz"]
[[rules.allowlists]]
condition = "AND"
regexTarget = "line"
regexes = ['''#\s*nosecret''']
paths = ['''^tests\.''']

[[rules]]
id = "pcre-only"
regex = '''(?<=key=)[a-z]{10}'''
keywords = ["key"]

[[rules]]
id = "possessive"
regex = '''zz[a-z]++q'''
keywords = ["zz"]

[[rules]]
id = "file-only"
path = '''\.p12$'''
`
	rules, rep, err := LoadGitleaksReport(strings.NewReader(cfg))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 2 || len(rep.Skipped) != 2 || len(rep.Translated) != 1 {
		t.Fatalf("rules %d skipped %v translated %v", len(rules), rep.Skipped, rep.Translated)
	}
	s, err := New(Options{Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, text string
		want       int
	}{
		{"", `ACME_TOKEN="acm_k3j4h5g6f7d8s9a0q1w2"`, 1},
		{"", `ACME_TOKEN="acm_zzzzh5g6f7d8s9a0q1w2"`, 0},                       // stopword
		{"tests.fixture", `acme_token=acm_k3j4h5g6f7d8s9a0q1w2 # nosecret`, 0}, // AND: line + path
		{"prod.config", `acme_token=acm_k3j4h5g6f7d8s9a0q1w2 # nosecret`, 1},   // AND: path fails
		{"", `zzabcq`, 1},
	}
	for _, tt := range tests {
		got := s.ScanPath(tt.path, tt.text)
		if tt.path == "" {
			got = s.Scan(tt.text)
		}
		if len(got) != tt.want {
			t.Errorf("%q at %q: %d findings, want %d: %+v", tt.text, tt.path, len(got), tt.want, got)
		}
	}
}

func TestLoadGitleaksErrors(t *testing.T) {
	for _, bad := range []string{"[[rules]\nid=1", "rules = 3", `[[rules]]` + "\n" + `id = "x"` + "\n" + `regex = "a"` + "\n" + `secretGroup = 4`} {
		rules, _, err := LoadGitleaksReport(strings.NewReader(bad))
		if err == nil && len(rules) > 0 {
			t.Errorf("%q: accepted %d rules", bad, len(rules))
		}
	}
}

func FuzzLoadGitleaks(f *testing.F) {
	f.Add("[[rules]]\nid = \"a\"\nregex = '''ab(c+)'''\nkeywords = [\"ab\"]\n")
	f.Add("[allowlist]\nregexes = ['''x''']\n[[rules]]\nid = \"b\"\nregex = '''(?<=x)y'''\n")
	f.Add("[[rules]]\nid = \"c\"\nregex = '''a++'''\n[[rules.allowlists]]\nregexTarget = \"line\"\nstopwords = [\"q\"]\n")
	f.Fuzz(func(t *testing.T, cfg string) {
		rules, err := LoadGitleaks(strings.NewReader(cfg))
		if err != nil {
			return
		}
		s, err := New(Options{Rules: rules})
		if err != nil {
			return // duplicate ids are an error for New, not a panic
		}
		_ = s.Scan(cfg)
	})
}
