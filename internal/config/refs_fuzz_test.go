package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Values the references below resolve to. They stand for credentials, so
// no error message may ever contain them.
const (
	fuzzEnvSecret  = "env-s3cr3t-Zq9"
	fuzzFileSecret = "file-s3cr3t-Wx7"
)

// FuzzExpandReferences: ${env:...} and ${file:...} expansion in header and
// env values. Text without "${" passes unchanged, "$${" escaping round
// trips, and an error never carries a resolved secret.
func FuzzExpandReferences(f *testing.F) {
	dir := f.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tok"), []byte(fuzzFileSecret+"\r\n"), 0o600); err != nil {
		f.Fatal(err)
	}
	f.Setenv("WARDEN_FUZZ_SECRET", fuzzEnvSecret)
	for _, s := range []string{
		"Bearer ${env:WARDEN_FUZZ_SECRET}", "${file:tok}", "$${env:X}", "${env:WARDEN_FUZZ_SECRET}${file:tok}$${",
		"${", "${}", "${env:}", "${env:1X}", "${file:}", "${file:/nonexistent/x}", "${file:../../etc/passwd}",
		"${vault:x}", "$$${env:WARDEN_FUZZ_SECRET}", "${env:WARDEN_FUZZ_SECRET", "a}${b", "${file:tok}}",
		"${env:WARDEN_FUZZ_SECRET}${env:WARDEN_FUZZ_UNSET}", "${file:" + dir + "}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := ExpandReferences(s, dir)
		if err != nil {
			if strings.Contains(err.Error(), fuzzEnvSecret) || strings.Contains(err.Error(), fuzzFileSecret) {
				t.Fatalf("error for %q leaks a secret: %v", s, err)
			}
			if out != "" {
				t.Fatalf("error for %q but output %q", s, out)
			}
		} else if !strings.Contains(s, "${") && out != s {
			t.Fatalf("text without references changed: %q -> %q", s, out)
		}
		// Escaping every "${" makes any text literal.
		esc := strings.ReplaceAll(s, "${", "$${")
		back, err := ExpandReferences(esc, dir)
		if err != nil || back != s {
			t.Fatalf("escaped %q expands to %q, %v; want the original", esc, back, err)
		}
	})
}

// FuzzParseByteSize: sizes in the config (max_message_bytes and the like).
// Never negative, and String parses back to the same size.
func FuzzParseByteSize(f *testing.F) {
	for _, s := range []string{"0", "4MiB", " 512 kb ", "1GB", "9223372036854775807", "9223372036854775807B",
		"8589934591GiB", "8589934592GiB", "-1", "1e3", "0x10", "４MiB", "1\u00a0MiB", "00000000000000000000001KiB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseByteSize(s)
		if err != nil {
			return
		}
		if b < 0 {
			t.Fatalf("ParseByteSize(%q) = %d, negative", s, b)
		}
		again, err := ParseByteSize(b.String())
		if err != nil || again != b {
			t.Fatalf("ParseByteSize(%q) = %d; its String %q parses to %d, %v", s, b, b.String(), again, err)
		}
	})
}
