package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/policy/constraint"
)

// fixedResolver answers every name with one public address, except names
// that contain "internal", which resolve to a private one.
type fixedResolver struct{}

func (fixedResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	if strings.Contains(host, "internal") {
		return []net.IPAddr{{IP: net.ParseIP("10.0.0.1")}}, nil
	}
	return []net.IPAddr{{IP: net.ParseIP("93.184.216.34")}}, nil
}

// foldLookup is the reference for how constraints and redactions find an
// argument: every value at the dotted path, each part matched without
// regard to case (as Go's encoding/json binds member names).
func foldLookup(v any, path []string) []any {
	if len(path) == 0 {
		return []any{v}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	var out []any
	for k, e := range m {
		if strings.EqualFold(k, path[0]) {
			out = append(out, foldLookup(e, path[1:])...)
		}
	}
	return out
}

// FuzzDecideArguments: decisions over hostile tools/call arguments (and
// tool definitions). A decision is always one of the three actions; every
// constraint is enforced on every spelling of its argument, so a value
// that fails a check always denies; and the paths a redact rule names are
// all redacted, under any spelling.
func FuzzDecideArguments(f *testing.F) {
	root := f.TempDir()
	doc, locate, err := Parse("fuzz.yaml", fmt.Appendf(nil, `
default: allow
rules:
  - {name: redact-creds, when: 'tool.name == "q"', action: redact, redact: [password, auth.token]}
  - {name: deny-drop, when: '"mode" in args && args.mode == "drop"', action: deny}
  - {name: approve-big, when: '"limit" in args && type(args.limit) == double && args.limit > 1000.0', action: require_approval}
constraints:
  - {server: db, tool: q, argument: sql, read_only_sql: true}
  - {server: db, tool: q, argument: opts.color, enum: [red, green]}
  - {server: db, tool: q, argument: name, min_length: 2, max_length: 5, pattern: '^[a-z]+$'}
  - {server: db, tool: q, argument: path, path_within: [%q]}
  - {server: db, tool: q, argument: url, url_hosts: [api.example.com, "*.example.org"]}
`, root))
	if err != nil {
		f.Fatal(err)
	}
	set, err := Compile(doc, Options{Locate: locate, Resolver: fixedResolver{}})
	if err != nil {
		f.Fatal(err)
	}
	namePattern := regexp.MustCompile(`^[a-z]+$`)
	urls := &constraint.URLChecker{Hosts: []string{"api.example.com", "*.example.org"}, Resolver: fixedResolver{}}
	checks := []struct {
		path  []string
		check func(string) error
	}{
		{[]string{"sql"}, constraint.ReadOnlySQL},
		{[]string{"opts", "color"}, func(s string) error { return constraint.Enum(s, []string{"red", "green"}) }},
		{[]string{"name"}, func(s string) error {
			if err := constraint.Length(s, 2, 5); err != nil {
				return err
			}
			return constraint.Pattern(s, namePattern)
		}},
		{[]string{"path"}, func(s string) error { return constraint.PathWithin(s, []string{root}) }},
		{[]string{"url"}, func(s string) error { return urls.Check(context.Background(), s) }},
	}
	for _, s := range []string{
		`{"sql":"select 1"}`, `{"SQL":"drop table t","sql":"select 1"}`, `{"ſql":"delete from t"}`,
		`{"opts":{"COLOR":"blue"},"Opts":{"color":"red"}}`, `{"name":"abc","NAME":7}`,
		`{"path":"` + root + `/a","PATH":"` + root + `/../etc/passwd"}`,
		`{"url":"https://api.example.com/x","Url":"http://169.254.169.254/"}`, `{"url":"http://a.internal.example.org/"}`,
		`{"password":"p","Auth":{"TOKEN":"t","token":"u"},"auth":{"Token":"v"}}`,
		`{"mode":"drop"}`, `{"limit":1e9}`, `{"limit":"1e9"}`, `[]`, `null`,
	} {
		f.Add([]byte(s), []byte(`{"name":"q","description":"Runs a query.","inputSchema":{"type":"object"}}`))
	}
	f.Add([]byte(`{"sql":"select 1"}`), []byte(`{"name":"q","annotations":{"readOnlyHint":"yes"},"_meta":[1]}`))
	f.Fuzz(func(t *testing.T, rawArgs, tool []byte) {
		var args map[string]any
		if json.Unmarshal(rawArgs, &args) != nil || args == nil {
			return
		}
		in := &Input{Principal: alice(), Server: "db", Name: "q", Kind: "tool", Method: "tools/call", Arguments: args, Tool: tool}
		d := set.Decide(context.Background(), in)
		switch d.Action {
		case ActionAllow, ActionDeny, ActionRequireApproval:
		default:
			t.Fatalf("decision %+v has action %q", d, d.Action)
		}
		if d2 := set.Decide(context.Background(), in); d2.Action != d.Action || d2.Rule != d.Rule {
			t.Fatalf("not deterministic: %+v then %+v", d, d2)
		}
		for _, c := range checks {
			for _, v := range foldLookup(args, c.path) {
				s, ok := v.(string)
				if (!ok || c.check(s) != nil) && d.Action != ActionDeny {
					t.Fatalf("%s = %#v fails its constraint, but the decision is %+v", strings.Join(c.path, "."), v, d)
				}
			}
		}
		if d.Action == ActionDeny {
			return
		}
		if !slices.Contains(d.RedactRules, "redact-creds") {
			t.Fatalf("the redact rule did not match: %+v", d)
		}
		Redact(args, d.Redact)
		for _, p := range [][]string{{"password"}, {"auth", "token"}} {
			for _, v := range foldLookup(args, p) {
				if v != "[REDACTED by policy]" {
					t.Fatalf("%s = %#v survived redaction (%q)", strings.Join(p, "."), v, rawArgs)
				}
			}
		}
	})
}

// FuzzURLChecker: a URL the url_hosts constraint accepts is http(s), has
// no user information, names an allowed host, and neither is nor resolves
// to an internal address.
func FuzzURLChecker(f *testing.F) {
	for _, s := range []string{
		"https://api.example.com/v1", "http://x.example.org:8080/", "https://example.org/", "https://API.EXAMPLE.COM./",
		"http://127.0.0.1/", "http://2130706433/", "http://[::ffff:127.0.0.1]/", "http://0x7f.1/", "http://a.internal.example.org/",
		"https://user@api.example.com/", "https://api.example.com@evil.com/", "https://evil.com#@api.example.com",
		"https://api.example.com%2eevil.com/", "https://xn--pple-43d.example.org/", "http://metadata.google.internal/",
		"//api.example.com/", "https:api.example.com", "HTTPS://api.example.com", "http://[fe80::1%25eth0]/",
	} {
		f.Add(s)
	}
	strict := &constraint.URLChecker{Hosts: []string{"api.example.com", "*.example.org"}, Resolver: fixedResolver{}}
	open := &constraint.URLChecker{Hosts: []string{"*"}, Resolver: fixedResolver{}}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, c := range []*constraint.URLChecker{strict, open} {
			if c.Check(context.Background(), raw) != nil {
				continue
			}
			u, err := url.Parse(raw)
			if err != nil {
				t.Fatalf("accepted %q, which does not parse: %v", raw, err)
			}
			if u.Scheme != "http" && u.Scheme != "https" || u.User != nil {
				t.Fatalf("accepted %q: scheme %q, user info %v", raw, u.Scheme, u.User)
			}
			host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
			if c == strict && host != "api.example.com" && !(strings.HasSuffix(host, ".example.org") && len(host) > len(".example.org")) {
				t.Fatalf("accepted %q with host %q", raw, host)
			}
			if ip, ok := constraint.ParseHostIP(host); ok && constraint.Internal(ip) != "" {
				t.Fatalf("accepted %q: host %s is %s", raw, ip, constraint.Internal(ip))
			}
			if strings.Contains(host, "internal") || host == "localhost" || strings.HasSuffix(host, ".localhost") {
				t.Fatalf("accepted %q: host %q is internal", raw, host)
			}
		}
	})
}
