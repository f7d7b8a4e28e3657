package secrets

import (
	"strings"
	"testing"
)

// Round 5: Jenkins credentials.xml values, registry logins and API keys
// with a character no key generator emits. Values generated for this
// test, not copied.
func TestRound5Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	cases := []firstFindingCase{
		{"jenkins encrypted secret", "<secret>{AQAAABAAAAAQx2RfN8kq3vPzL0a9Wm4cT7yHjB1sE6uG5oD0iKqFh8=}</secret>", "AQAAABAAAAAQx2RfN8kq3vPzL0a9Wm4cT7yHjB1sE6uG5oD0iKqFh8="},
		{"jenkins exported value", "<secret>{acme AQAAABAAA v7Kq2mZx9PbR4tLw8nYc3hJf6sDg1aUe}</secret>", "v7Kq2mZx9PbR4tLw8nYc3hJf6sDg1aUe"},
		{"jenkins password", "<password>{AQAAABAAAAAgQ9wVx3Lr7mKp2sZn8bYt4cJh6fGd1aUe0oIkEqRs5T0=}</password>", "AQAAABAAAAAgQ9wVx3Lr7mKp2sZn8bYt4cJh6fGd1aUe0oIkEqRs5T0="},
		{"jenkins id is not a secret", "<id>{acme v7Kq2mZx9PbR4tLw8nYc3hJf6sDg1aUe}</id>", ""},
		{"braces without closing tag", "<secret>{acme v7Kq2mZx9PbR4tLw8nYc3hJf6sDg1aUe} and more", ""},
		{"docker login", "docker login registry.acme.io -u ci -p Qm7vT2xK9pLw4RzN8cYb", "Qm7vT2xK9pLw4RzN8cYb"},
		{"podman login --password=", "podman login --username ci --password=Qm7vT2xK9pLw4RzN8cYb quay.io", "Qm7vT2xK9pLw4RzN8cYb"},
		{"docker login from stdin", "echo $TOKEN | docker login -u ci --password-stdin ghcr.io", ""},
		{"docker login variable", "docker login -u ci -p $REGISTRY_PASSWORD ghcr.io", ""},
		{"api key", "API_KEY=v7Kq2mZx9PbR4tLw8nYc3hJf6sDg1aUe", "v7Kq2mZx9PbR4tLw8nYc3hJf6sDg1aUe"},
		{"api key with a replaced character", "API_KEY=v7Kq2mZx9PbR4t#w8nYc3hJf6sDg1aUe", ""},
		{"api key with shell bytes", "API_KEY=v7Kq2mZx9PbR4tLw8nYc3hJf6sDg1a%c^", ""},
		{"url-encoded token", "API_TOKEN=v7Kq2mZx9PbR4tLw%2B8nYc3hJf6sDg1aUe", "v7Kq2mZx9PbR4tLw%2B8nYc3hJf6sDg1aUe"},
		{"lower-case key with one capital inside", "API_KEY=wdvnousa87acfxp9ioasra4tBeasrfa", ""},
		{"lower-case key", "API_KEY=wdvnousa87acfxp9ioasra4tbeasrfa", "wdvnousa87acfxp9ioasra4tbeasrfa"},
		{"capital after a separator", "TELEGRAM_TOKEN=7493200806:Ay9k40wctamnyeyg-nup565z6za2webwqm2", "7493200806:Ay9k40wctamnyeyg-nup565z6za2webwqm2"},
		{"buildkite token, base36 body", "BUILDKITE_API_TOKEN=bkua_z1x2c3v4b5n6m7q8w9e0r1t2y3u4i5o6p7l8k9j0", "bkua_z1x2c3v4b5n6m7q8w9e0r1t2y3u4i5o6p7l8k9j0"},
		{"cloudflare user token", "CLOUDFLARE_API_TOKEN=cfut_NqVwYS81VP7Hb1DX8pPd5khxE3pyIgKpaUnArl635e7feae4", "cfut_NqVwYS81VP7Hb1DX8pPd5khxE3pyIgKpaUnArl635e7feae4"},
		{"django key, lower case with punctuation", "SECRET_KEY = 'k3x!q8z@w2r#m9k$v7t^b4n&c6y*h1j(d5f)g0s-l+p2w9'", "k3x!q8z@w2r#m9k$v7t^b4n&c6y*h1j(d5f)g0s-l+p2w9"},
		{"password keeps punctuation", "DB_PASSWORD=Tr0ub4dor&3xK!9q", "Tr0ub4dor&3xK!9q"},
	}
	checkFirstFinding(t, s, cases)
}

func TestValidCRC32Hex(t *testing.T) {
	for _, c := range []struct {
		in   string
		want verdict
	}{
		{"cfut_NqVwYS81VP7Hb1DX8pPd5khxE3pyIgKpaUnArl635e7feae4", valid},
		{"cfut_NqVwYS81VP7Hb1DX8pPd5khxE3pyIgKpaUnArl635e7feae5", plausible},
		{"cfk_x", plausible},
		{"nounderscore", plausible},
	} {
		if got := validCRC32Hex(c.in); got != c.want {
			t.Errorf("validCRC32Hex(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func FuzzJenkinsSecret(f *testing.F) {
	f.Add("{acme AQAAABAAA v7Kq2mZx9PbR4tLw8nYc3hJf6sDg1aUe}</secret>", 0)
	f.Add("x{}</", 1)
	f.Add("{ }</", 0)
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			return
		}
		vs, ve, ok := jenkinsSecret(text, i)
		if !ok {
			return
		}
		if vs < i || ve < vs || ve > len(text) || strings.ContainsAny(text[vs:ve], " {}\n") {
			t.Fatalf("jenkinsSecret(%q, %d) = %d, %d", text, i, vs, ve)
		}
	})
}
