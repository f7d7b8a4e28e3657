package config

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAuthParse(t *testing.T) {
	t.Setenv("INTRO_SECRET", "s3cret")
	t.Setenv("UP_SECRET", "up-s3cret")
	t.Setenv("GRANT_KEY", strings.Repeat("ab", 32))
	doc := `version: 1
auth:
  grant_key: "${env:GRANT_KEY}"
  mode: oauth
  resource: https://mcp.example.com/mcp
  issuer: https://idp.example.com
  algorithms: [ES256]
  required_scopes: [mcp]
  scopes:
    - {scope: "files:write", server: files, tools: ["write_*"]}
  introspection: {client_id: warden, client_secret: "${env:INTRO_SECRET}"}
upstreams:
  - name: files
    url: https://files.example.com/mcp
    auth:
      type: client_credentials
      token_url: https://idp.example.com/token
      client_id: warden-files
      client_secret: "${env:UP_SECRET}"
      scopes: [files]
  - name: crm
    url: https://crm.example.com/mcp
    auth:
      type: authorization_code
      authorize_url: https://crm.example.com/oauth/authorize
      token_url: https://crm.example.com/oauth/token
      redirect_url: https://warden.example.com/oauth/callback
      client_id: warden
`
	c, err := Parse("w.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	a := c.Auth
	if a.Mode != AuthOAuth || a.ClockSkew.Std() != 30*time.Second || a.GroupsClaim != "groups" ||
		a.Introspection.ClientSecret != "s3cret" || !slices.Equal(a.Algorithms, []string{"ES256"}) {
		t.Errorf("auth = %+v", a)
	}
	if ua := c.Upstreams[0].Auth; ua == nil || ua.ClientSecret != "up-s3cret" || ua.Type != UpstreamClientCredentials {
		t.Errorf("upstream auth = %+v", ua)
	}
	for _, r := range c.Relaxations() {
		if strings.Contains(r, "authentication") || strings.Contains(r, "auth.mode") {
			t.Errorf("unexpected relaxation %q", r)
		}
	}
}

func TestAuthErrors(t *testing.T) {
	t.Setenv("S", "x")
	t.Setenv("GK", strings.Repeat("ab", 32))
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"none on a public listener", `version: 1
listen: 0.0.0.0:8080
auth: {mode: none}
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{"w.yaml:3:14: auth.mode: none is allowed only on a loopback listener"}},
		{"oauth without resource and issuer", `version: 1
auth:
  mode: oauth
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{"auth.resource: required with mode oauth", "auth.issuer: required with mode oauth"}},
		{"symmetric and none algorithms", `version: 1
auth:
  mode: oauth
  resource: https://mcp.example.com/mcp
  issuer: https://idp.example.com
  algorithms: [HS256, none]
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{`w.yaml:6:16: auth.algorithms[0]: algorithm "HS256" is not allowed`, `w.yaml:6:23: auth.algorithms[1]: algorithm "none" is not allowed`}},
		{"plain http issuer and fragment resource", `version: 1
auth:
  mode: oauth
  resource: https://mcp.example.com/mcp#x
  issuer: http://idp.example.com
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{"w.yaml:4:13: auth.resource: expected an absolute https URI without a fragment", "w.yaml:5:11: auth.issuer: must use https"}},
		{"secret in clear", `version: 1
auth:
  mode: oauth
  resource: https://mcp.example.com/mcp
  issuer: https://idp.example.com
  introspection: {client_id: w, client_secret: hunter2}
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{"auth.introspection.client_secret: looks like a secret written into the config"}},
		{"api keys", `version: 1
auth:
  mode: api_key
  api_keys:
    - {name: ci, hash: "md5:abc"}
    - {name: ci, hash: "sha256:` + strings.Repeat("a", 64) + `", scopes: ["bad scope"]}
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{"auth.api_keys[0].hash: expected \"sha256:\"", "auth.api_keys[1].name: duplicate key name", `auth.api_keys[1].scopes[0]: invalid scope "bad scope"`}},
		{"unknown mode and stray settings", `version: 1
auth:
  mode: magic
  issuer: https://idp.example.com
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{`auth.mode: expected none, oauth or api_key, got "magic"`, "auth.issuer: applies only to mode oauth"}},
		{"scope rule for an unknown server", `version: 1
auth:
  mode: api_key
  api_keys: [{name: k, hash: "sha256:` + strings.Repeat("b", 64) + `"}]
  scopes: [{scope: w, server: nope, tools: ["[x"]}]
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{`auth.scopes[0].server: no upstream named "nope"`, `auth.scopes[0].tools[0]: invalid tool pattern "[x"`}},
		{"upstream auth", `version: 1
upstreams:
  - name: a
    command: [x]
    auth: {type: client_credentials}
  - name: b
    url: https://b.example.com/mcp
    headers: {Authorization: "${env:S}"}
    auth: {type: magic, token_url: http://idp.example.com/token, client_secret: plain}
`, []string{"w.yaml:5:5: upstreams[0].auth: auth applies only to url upstreams",
			`upstreams[1].auth.type: expected client_credentials, token_exchange or authorization_code, got "magic"`,
			"upstreams[1].auth.token_url: must use https", "upstreams[1].auth.client_id: required",
			"upstreams[1].auth.client_secret: looks like a secret written into the config",
			"upstreams[1].headers.Authorization: set either an Authorization header or auth, not both"}},
		{"authorization_code without a grant key", `version: 1
upstreams:
  - name: a
    url: https://a.example.com/mcp
    auth: {type: authorization_code, token_url: https://idp.example.com/token, client_id: w}
`, []string{"upstreams[0].auth.authorize_url: required with type authorization_code",
			"upstreams[0].auth.redirect_url: required with type authorization_code",
			"upstreams[0].auth.type: authorization_code stores users' refresh tokens encrypted: set auth.grant_key"}},
		{"issuer settings", `version: 1
auth: {grant_key: "${env:GK}"}
upstreams:
  - name: a
    url: https://a.example.com/mcp
    auth: {type: authorization_code, authorize_url: https://idp.example.com/authorize, token_url: https://idp.example.com/token,
           redirect_url: https://warden.example.com/cb/a, client_id: w, require_iss: true}
  - name: b
    url: https://b.example.com/mcp
    auth: {type: authorization_code, authorize_url: https://idp.example.com/authorize, token_url: https://idp.example.com/token,
           redirect_url: https://warden.example.com/cb/b, client_id: w, issuer: "http://idp.example.com"}
  - name: c
    url: https://c.example.com/mcp
    auth: {type: authorization_code, authorize_url: https://idp.example.com/authorize, token_url: https://idp.example.com/token,
           redirect_url: https://warden.example.com/cb/c, client_id: w, issuer: "https://idp.example.com?tenant=1"}
  - name: d
    url: https://d.example.com/mcp
    auth: {type: client_credentials, token_url: https://idp.example.com/token, client_id: w, client_secret: "${env:S}", issuer: https://idp.example.com}
`, []string{"upstreams[0].auth.require_iss: needs issuer", "upstreams[1].auth.issuer: must use https",
			"upstreams[2].auth.issuer: an issuer identifier has no query", "upstreams[3].auth.issuer: applies only to type authorization_code"}},
		{"bad grant key", `version: 1
auth: {grant_key: "${env:S}"}
upstreams: [{name: a, url: 'https://a.example.com/mcp'}]
`, []string{"auth.grant_key: expected 64 hex digits"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("w.yaml", []byte(tt.doc))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%v", w, err)
				}
			}
			if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "plain") {
				t.Errorf("a secret value appears in the error: %v", err)
			}
		})
	}
}

func TestAuthRelaxations(t *testing.T) {
	for _, tt := range []struct {
		doc  string
		want string
	}{
		{"version: 1\nauth: {mode: none}\nupstreams: [{name: a, url: 'https://a.example.com/mcp'}]\n", "auth.mode is none"},
		{"version: 1\nlisten: 0.0.0.0:8080\nupstreams: [{name: a, url: 'https://a.example.com/mcp'}]\n", "without authentication"},
	} {
		c, err := Parse("w.yaml", []byte(tt.doc))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(c.Relaxations(), func(r string) bool { return strings.Contains(r, tt.want) }) {
			t.Errorf("Relaxations = %q, want one about %q", c.Relaxations(), tt.want)
		}
	}
	t.Setenv("GK", strings.Repeat("ab", 32))
	code := func(extra string) string {
		return "version: 1\nauth: {grant_key: \"${env:GK}\"}\nupstreams:\n  - name: crm\n    url: https://crm.example.com/mcp\n" +
			"    auth: {type: authorization_code, authorize_url: https://as.example.com/authorize, token_url: https://as.example.com/token, " +
			"redirect_url: https://warden.example.com/cb, client_id: w" + extra + "}\n"
	}
	for _, tt := range []struct {
		extra string
		want  bool
	}{{"", true}, {", issuer: https://as.example.com", false}, {", issuer: https://as.example.com, require_iss: true", false}} {
		c, err := Parse("w.yaml", []byte(code(tt.extra)))
		if err != nil {
			t.Fatal(err)
		}
		got := slices.ContainsFunc(c.Relaxations(), func(r string) bool { return strings.Contains(r, `upstream "crm": auth.issuer is not set`) })
		if got != tt.want {
			t.Errorf("%q: issuer relaxation reported %v, want %v: %q", tt.extra, got, tt.want, c.Relaxations())
		}
	}
	key := "version: 1\nlisten: 0.0.0.0:8080\nauth: {mode: api_key, api_keys: [{name: k, hash: \"sha256:" + strings.Repeat("c", 64) + "\"}]}\nupstreams: [{name: a, url: 'https://a.example.com/mcp'}]\n"
	c, err := Parse("w.yaml", []byte(key))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Relaxations() {
		if strings.Contains(r, "authentication") {
			t.Errorf("api_key listener reported as unauthenticated: %q", r)
		}
	}
}

// TestAuthAdmins: auth.admins needs authentication to mean anything, and
// leaving it out under authentication is reported as a relaxation.
func TestAuthAdmins(t *testing.T) {
	key := func(admins string) string {
		return "version: 1\nauth: {mode: api_key, api_keys: [{name: k, hash: \"sha256:" + strings.Repeat("c", 64) + "\"}]" + admins + "}\nupstreams: [{name: a, url: 'https://a.example.com/mcp'}]\n"
	}
	unset := func(c *Config) bool {
		return slices.ContainsFunc(c.Relaxations(), func(r string) bool { return strings.Contains(r, "auth.admins is not set") })
	}
	c, err := Parse("w.yaml", []byte(key("")))
	if err != nil {
		t.Fatal(err)
	}
	if !unset(c) {
		t.Errorf("api_key without admins: no relaxation reported: %q", c.Relaxations())
	}
	c, err = Parse("w.yaml", []byte(key(", admins: {subjects: [k], groups: [ops]}")))
	if err != nil {
		t.Fatal(err)
	}
	if unset(c) {
		t.Errorf("admins set, still reported: %q", c.Relaxations())
	}
	adm := c.Auth.Admins
	for _, tt := range []struct {
		iss, sub string
		groups   []string
		want     bool
	}{
		{"", "k", nil, true}, {"https://as", "k", nil, true}, {"", "other", []string{"ops"}, true},
		{"", "other", []string{"dev"}, false}, {"", "", nil, false},
	} {
		if got := adm.Allows(tt.iss, tt.sub, tt.groups); got != tt.want {
			t.Errorf("Allows(%q, %q, %v) = %v, want %v", tt.iss, tt.sub, tt.groups, got, tt.want)
		}
	}
	if _, err := Parse("w.yaml", []byte("version: 1\nauth: {admins: {subjects: [k]}}\nupstreams: [{name: a, url: 'https://a.example.com/mcp'}]\n")); err == nil || !strings.Contains(err.Error(), "auth.admins") {
		t.Errorf("admins without authentication: %v, want an error naming auth.admins", err)
	}
}
