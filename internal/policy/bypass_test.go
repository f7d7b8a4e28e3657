package policy

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Go servers decode arguments with encoding/json, which binds "PATH",
// "Path" to the field "path", and "ſql" (U+017F folds to s) to "sql". A constraint
// or redaction must therefore reach a member whose name differs from its
// argument only in letter case; the gateway already refuses a message
// that has two such members in one object.
func TestConstraintsAndRedactionSeeCaseVariants(t *testing.T) {
	root := t.TempDir()
	s := mustCompile(t, fmt.Sprintf(`
default: allow
constraints:
  - {server: fs, tool: read, argument: path, path_within: [%q]}
  - {server: t, tool: x, argument: opts.mode, enum: [fast]}
  - {server: db, tool: q, argument: sql, read_only_sql: true}
`, root))
	tests := []struct {
		name, server, tool string
		args               map[string]any
		ok                 bool
	}{
		{"exact name inside", "fs", "read", map[string]any{"path": root + "/a"}, true},
		{"upper case outside", "fs", "read", map[string]any{"PATH": "/etc/shadow"}, false},
		{"title case outside", "fs", "read", map[string]any{"Path": "/etc/shadow"}, false},
		{"exact inside, variant outside", "fs", "read", map[string]any{"path": root + "/a", "PATH": "/etc/shadow"}, false},
		{"long s", "db", "q", map[string]any{"\u017fql": "drop table t"}, false},
		{"nested case variant", "t", "x", map[string]any{"OPTS": map[string]any{"Mode": "slow"}}, false},
		{"unrelated name", "fs", "read", map[string]any{"paths": "/etc/shadow"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := s.Decide(context.Background(), &Input{Server: tt.server, Name: tt.tool, Kind: "tool", Arguments: tt.args})
			if (d.Action == ActionAllow) != tt.ok {
				t.Fatalf("%v: %+v", tt.args, d)
			}
		})
	}

	args := map[string]any{"PASSWORD": "hunter2", "Auth": map[string]any{"Token": "t"}, "keep": "k"}
	if !Redact(args, []string{"password", "auth.token"}) {
		t.Fatal("nothing redacted")
	}
	if args["PASSWORD"] == "hunter2" || args["Auth"].(map[string]any)["Token"] == "t" || args["keep"] != "k" {
		t.Fatalf("case variants not redacted: %v", args)
	}
}

// A rule that cannot be evaluated denies, whatever its action: missing
// keys, wrong types, non-bool results, and comprehensions over a large
// client-supplied list that outrun the decision's deadline.
func TestRuleErrorsDeny(t *testing.T) {
	big := make([]any, 200_000)
	for i := range big {
		big[i] = fmt.Sprint(i)
	}
	tests := []struct {
		name, when, action string
		args               map[string]any
		timeout            time.Duration
	}{
		{"missing key, allow rule", `args.limit < 10.0`, "allow", map[string]any{}, 0},
		{"missing key under deny default allow", `!(args.limit < 10.0)`, "deny", map[string]any{}, 0},
		{"string compared to number", `args.limit < 10.0`, "allow", map[string]any{"limit": "5"}, 0},
		{"list where a string is wanted", `args.path.startsWith("/srv")`, "allow", map[string]any{"path": []any{"/srv"}}, 0},
		{"not a bool", `args.flag`, "allow", map[string]any{"flag": "true"}, 0},
		{"null", `args.flag`, "allow", map[string]any{"flag": nil}, 0},
		{"missing nested claim", `principal.claims.tenant == "acme"`, "allow", map[string]any{}, 0},
		{"slow comprehension, deny rule", `args.items.exists(x, args.items.exists(y, x + y == "admin"))`, "deny", map[string]any{"items": big}, 50 * time.Millisecond},
		{"slow comprehension, allow rule", `args.items.all(x, args.items.all(y, x != "admin" || y != ""))`, "allow", map[string]any{"items": big}, 50 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustCompile(t, fmt.Sprintf("default: allow\nrules:\n  - name: r\n    when: %q\n    action: %s\n", tt.when, tt.action))
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			start := time.Now()
			d := s.Decide(ctx, &Input{Server: "s", Name: "t", Kind: "tool", Arguments: tt.args})
			if d.Action != ActionDeny || d.Rule != "r" || !strings.Contains(d.Message, "could not be evaluated") {
				t.Fatalf("got %+v, want a deny by the failing rule", d)
			}
			if el := time.Since(start); tt.timeout > 0 && el > 2*time.Second {
				t.Fatalf("deadline %v not honoured: %v", tt.timeout, el)
			}
		})
	}
}

// slowResolver answers with a public address after a delay, whatever its
// context says, like a resolver behind a slow name server.
type slowResolver struct {
	delay time.Duration
	calls atomic.Int64
}

func (r *slowResolver) LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error) {
	r.calls.Add(1)
	time.Sleep(r.delay)
	return []net.IPAddr{{IP: net.IPv4(93, 184, 216, 34)}}, nil
}

// url_allowed resolves names, so in a comprehension over a client's list
// every element can cost a lookup: the rule must stop at the decision's
// deadline, not run on for dozens of lookups after the guard gave up.
func TestLookupsInComprehensionsStopAtDeadline(t *testing.T) {
	res := &slowResolver{delay: 20 * time.Millisecond}
	doc, locate, err := Parse("test.yaml", []byte("default: allow\nrules:\n  - name: public-only\n    when: 'args.urls.exists(u, !url_allowed(u, [\"*\"]))'\n    action: deny\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Compile(doc, Options{Locate: locate, Resolver: res})
	if err != nil {
		t.Fatal(err)
	}
	urls := make([]any, 256)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://h%d.example/", i)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	d := s.Decide(ctx, &Input{Server: "web", Name: "fetch", Kind: "tool", Arguments: map[string]any{"urls": urls}})
	el := time.Since(start)
	if d.Action != ActionDeny {
		t.Fatalf("got %+v", d)
	}
	// 64 lookups between interrupt checks would take 1.3 s here.
	if n := res.calls.Load(); n > 8 || el > 500*time.Millisecond {
		t.Fatalf("%d lookups in %v after a 50ms deadline", n, el)
	}
}
