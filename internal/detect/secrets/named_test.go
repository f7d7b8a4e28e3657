package secrets

import (
	"strings"
	"testing"
)

// Keys of made-up providers next to their names, and random-looking
// public values that must not be reported. All values are invented for
// these tests.
func TestNamedCredential(t *testing.T) {
	s := mustScanner(t, Options{})
	positives := []struct{ text, secret string }{
		{"zentrix: Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa", "Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa"},
		{"brightpath token - 'Hx8kP2mQ7vL4zR9tW3nB6cYd'", "Hx8kP2mQ7vL4zR9tW3nB6cYd"},
		{`ORBITAL_API = "q9Wz4Lk2Xv8Rm3Tp7Nc5Hb1J"`, "q9Wz4Lk2Xv8Rm3Tp7Nc5Hb1J"},
		{`{"novalink": "Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy"}`, "Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy"},
		{"pelican 'Rt5Yh8Kj2Nm6Vb3Xc9Zq4Wp'", "Rt5Yh8Kj2Nm6Vb3Xc9Zq4Wp"},
		{"X-Quill-Access: Vb7Nm2Kx9Qw4Lz8Rt3Hy6Pc", "Vb7Nm2Kx9Qw4Lz8Rt3Hy6Pc"},
		{"cobalt token - '4f8a2c9e1b7d3f6a0c5e8b2d9f1a4c7e'", "4f8a2c9e1b7d3f6a0c5e8b2d9f1a4c7e"},
		{"relay token - 'dXNlcjpTM2NyZXRQYXNzOTk='", "dXNlcjpTM2NyZXRQYXNzOTk="},
		{"marlin = ' k3Jd8Qw2Lx7Vn4Rb9Tz5Hm1Pc '", "k3Jd8Qw2Lx7Vn4Rb9Tz5Hm1Pc"},
		{"ferrous_api => 'p2Lk9Xw4Qz7Rm3Vn8Tb5Hc1J'", "p2Lk9Xw4Qz7Rm3Vn8Tb5Hc1J"},
		{"tangelo\nTq6Wm3Kz8Px2Lv9Rn4Hb7Jc", ""}, // no name on the line: not reported
		// A provider and a secret noun heading a line of their own.
		{"quillon SECRET Vb7Nm2Kx9Qw4Lz8Rt3Hy6Pc", "Vb7Nm2Kx9Qw4Lz8Rt3Hy6Pc"},
		{"orbitly access key Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy", "Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy"},
		{"  tessel secret 4f8a2c9e1b7d3f6a0c5e8b2d9f1a4c7e", "4f8a2c9e1b7d3f6a0c5e8b2d9f1a4c7e"},
		{"please rotate the key Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy", ""}, // three words before: prose
		{"quillon build Vb7Nm2Kx9Qw4Lz8Rt3Hy6Pc", ""},         // no secret noun
		{"const token Vb7Nm2Kx9Qw4Lz8Rt3Hy6Pc", ""},           // a declaration
	}
	for _, p := range positives {
		fs := s.Scan(p.text)
		if p.secret == "" {
			if len(fs) > 0 {
				t.Errorf("reported %q in %q", p.text[fs[0].Start:fs[0].End], p.text)
			}
			continue
		}
		if len(fs) != 1 || p.text[fs[0].Start:fs[0].End] != p.secret {
			t.Errorf("%q: got %+v, want %q", p.text, fs, p.secret)
		}
	}
	negatives := []string{
		`{"node_id": "MDQ6VXNlcjU4MzIzMQ=="}`,
		`{"cursor": "eyJwYWdlIjogMiwgInNpemUiOiA1MH0="}`,
		`"integrity": "sha512-Q2x9Lk4Wv7Rm3Tn8Bc6Hy1Zp4Kx9Qm2Wv7Lr3Tn8Bc6HyQ2x9Lk4Wv7Rm3Tn8Bc6Hy1Zp4Kx9Qm2Wv7Lr3Tw=="`,
		`{"request_id": "req_7Hx2Kp9Qm4Lv8Rz3Wt5Nb"}`,
		`const convertIPv4ToIPv6Mapped = (x) => x`,
		`  s.step = stateInStringEscU123`,
		`const validBase64URLStrings = [`,
		`image: ghcr.io/acme/app@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08`,
		`{"ciphertext": "Rk9Lx2Wq7Vm3Tz8Nb4Hc6Jp1", "iv": "Zt5Kx8Qm2Lw9Rv4N"}`,
		`  - secure: "Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFaQm7vR2xK9pLw4TnZ8cYb3HsJ5dFa+Wq="`,
		`{"kty":"EC","x":"Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFaZp4Kx9Qm2Wv","y":"Zp4Kx9Qm2Wv7Lr3Tn8Bc6HyQm7vR2xK9pLw4Tn"}`,
		`github.com/acme/lib v1.2.3 h1:Q2x9Lk4Wv7Rm3Tn8Bc6Hy1Zp4Kx9Qm2Wv7Lr3Tn8Bc=`,
		`{"order": "01HZX3K9QW7M5T2R8V4N6B1C0D"}`,
		`{"slug": "spring-sale-2024-08-15-draft-v2"}`,
		`import Header2 from "src/components/Header2/index3.tsx"`,
		`{"version": "1.2.3-beta.4+build.5678"}`,
		`{"checksum": "Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy"}`,
		`{"key": "d41d8cd98f00b204e9800998ecf8427e"}`,
		`railway = '6f1c2a9e-4b7d-4e3a-9c5f-2d8b1a7e0c4f'`, // a UUID with no secret noun
		`{"uuid": "6f1c2a9e-4b7d-4e3a-9c5f-2d8b1a7e0c4f"}`,
		`{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"}`,
		`see commit 3f9a2c71b8e4d05f6a1c9e2b7d4f8a0c3e5b1d7f for details`,
		`{"title": "Getting started with the Warden gateway"}`,
		`{"message_id": "msg_01Xq7Vm3Tz8Nb4Hc6Jp1Rk9L"}`,
		`{"signature": "Zp4Kx9Qm2Wv7Lr3Tn8Bc6HyQm7vR2xK9pLw4TnZ8cYb3HsJ"}`,
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIQm7vR2xK9pLw4TnZ8cYb3HsJ5dFaZp4Kx9Qm2Wv deploy@build",
		"ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBQm7vR2xK9pLw4Tn ops@host",
	}
	for _, x := range negatives {
		if fs := s.Scan(x); len(fs) > 0 {
			t.Errorf("false positive %s %q in %q", fs[0].RuleID, x[fs[0].Start:fs[0].End], x)
		}
	}
}

func TestNamedShape(t *testing.T) {
	for _, c := range []struct {
		v    string
		want valueShape
	}{
		{"Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa", shapeStrong},
		{"4f8a2c9e1b7d3f6a0c5e8b2d9f1a4c7e", shapeWeak},         // hex: needs a secret noun
		{"6f1c2a9e-4b7d-4e3a-9c5f-2d8b1a7e0c4f", shapeWeak},     // UUID
		{"base64urlToUint8ArrayHelper", shapeNone},              // an identifier
		{"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA11", shapeNone},         // filler
		{"docs.acme.dev/guides/setup2", shapeNone},              // a path
		{"=Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa", shapeNone},            // leading padding
		{"01HZX3K9QW7M5T2R8V4N6B1C0D", shapeNone},               // ULID
		{"release_2024_candidate_build_7", shapeNone},           // words and numbers
		{"MDQ6VXNlcjU4MzIzMQ==MDQ6VXNlcjU4MzIzMQ==", shapeNone}, // padding inside
		// Dotted values are rejected before the placeholder lists (the
		// hoisted test): a token-shaped one stays rejected, and a
		// dotted value laid out as a UUID still reaches the UUID check.
		{"Qm7vR2xK9pLw4TnZ.8cYb3HsJ5dFa", shapeNone},
		{"//intranet.example/r/4821", shapeNone},
		{"6f1c2a9e-4b7d-4e3a-9c5f-2d8b1a7e0c.f", shapeWeak},
	} {
		if got := namedShape(c.v); got != c.want {
			t.Errorf("namedShape(%q) = %d, want %d", c.v, got, c.want)
		}
	}
}

// TestNamedScanSampling checks that sampling every namedMinLen-th byte
// finds values wherever they start.
func TestNamedScanSampling(t *testing.T) {
	const v = "Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa"
	for pad := 0; pad < 2*namedMinLen; pad++ {
		text := strings.Repeat("a b ", pad/4) + strings.Repeat(" ", pad%4) + "zentrix: " + v + "\n"
		n := 0
		namedScan(text, func(vs, ve, ns int) {
			if text[vs:ve] != v {
				t.Errorf("pad %d: got %q", pad, text[vs:ve])
			}
			n++
		})
		if n != 1 {
			t.Errorf("pad %d: %d findings, want 1", pad, n)
		}
	}
}

func FuzzNamedScan(f *testing.F) {
	for _, s := range []string{
		"zentrix: Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa", "a - 'Hx8kP2mQ7vL4zR9tW3nB6cYd'", "'", "=", " is ",
		`\"k\": \"Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy\"`, "Bearer Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa",
		"quillon SECRET Vb7Nm2Kx9Qw4Lz8Rt3Hy6Pc", "\n a b key Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy", " \t secret Zp4Kx9Qm2Wv7Lr3Tn8Bc6Hy",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		namedScan(text, func(vs, ve, ns int) {
			if vs < 0 || ve > len(text) || vs >= ve || ns < 0 || ns > vs {
				t.Fatalf("bad bounds %d %d %d in %q", vs, ve, ns, text)
			}
		})
	})
}
