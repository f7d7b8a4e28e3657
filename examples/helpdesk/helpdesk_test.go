package helpdesk

import (
	"context"
	"hash/crc32"
	"regexp"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

var (
	githubRe = regexp.MustCompile(`^ghp_[0-9A-Za-z]{36}$`)
	stripeRe = regexp.MustCompile(`^sk_live_[0-9A-Za-z]{24}$`)
)

// decode62 reads a base62 number in GitHub's checksum alphabet.
func decode62(s string) uint64 {
	var v uint64
	for _, c := range s {
		v = v*62 + uint64(strings.IndexRune(base62, c))
	}
	return v
}

func TestTokensLookReal(t *testing.T) {
	for _, seed := range []string{"northwind", "fabrikam", "", "x"} {
		tok := GitHubToken(seed)
		if !githubRe.MatchString(tok) {
			t.Fatalf("GitHubToken(%q) = %q: wrong shape", seed, tok)
		}
		body, sum := tok[4:34], tok[34:]
		if got := decode62(sum); got != uint64(crc32.ChecksumIEEE([]byte(body))) {
			t.Errorf("GitHubToken(%q): checksum %s does not match the CRC32 of its body", seed, sum)
		}
		if GitHubToken(seed) != tok {
			t.Errorf("GitHubToken(%q) is not deterministic", seed)
		}
		if key := StripeKey(seed); !stripeRe.MatchString(key) {
			t.Errorf("StripeKey(%q) = %q: wrong shape", seed, key)
		}
	}
	if GitHubToken("a") == GitHubToken("b") {
		t.Error("different seeds give the same token")
	}
}

func connect(t *testing.T, d *Desk) *mcp.ClientSession {
	t.Helper()
	ctx := context.Background()
	ct, st := mcp.NewInMemoryTransports()
	ss, err := d.Server().Connect(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ss.Close() })
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "t", Version: "1"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cs.Close() })
	return cs
}

func callText(t *testing.T, cs *mcp.ClientSession, name string, args map[string]any) (string, bool) {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res.Content[0].(*mcp.TextContent).Text, res.IsError
}

func TestTools(t *testing.T) {
	d := New()
	cs := connect(t, d)
	tools, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ann := map[string]*mcp.ToolAnnotations{}
	for _, tl := range tools.Tools {
		ann[tl.Name] = tl.Annotations
	}
	if a := ann["read_ticket"]; a == nil || !a.ReadOnlyHint || a.OpenWorldHint == nil || !*a.OpenWorldHint {
		t.Errorf("read_ticket must be read-only and open-world (untrusted input): %+v", a)
	}
	if a := ann["post_public_reply"]; a == nil || a.ReadOnlyHint || a.OpenWorldHint == nil || !*a.OpenWorldHint {
		t.Errorf("post_public_reply must be an open-world write (external sink): %+v", a)
	}
	for _, name := range []string{"list_tickets", "query_customers", "post_internal_note"} {
		if _, ok := ann[name]; !ok {
			t.Errorf("tool %s missing", name)
		}
	}

	tests := []struct {
		tool    string
		args    map[string]any
		want    []string
		isError bool
	}{
		{"list_tickets", map[string]any{}, []string{OrdinaryTicket, PoisonedTicket}, false},
		{"read_ticket", map[string]any{"ticket_id": PoisonedTicket}, []string{HiddenInstruction, "Public thread (0 replies)"}, false},
		{"read_ticket", map[string]any{"ticket_id": "T-0"}, []string{"no ticket"}, true},
		{"query_customers", map[string]any{"customer": "alice@northwind.example", "columns": []string{"name", "plan"}}, []string{"name\tplan\nAlice Martin\tBusiness\n(1 rows)"}, false},
		{"query_customers", map[string]any{"columns": []string{"integration_token"}}, append(d.Tokens(), "(3 rows)"), false},
		{"query_customers", map[string]any{"columns": []string{"password"}}, []string{"unknown column"}, true},
		{"query_customers", map[string]any{"customer": "nobody"}, []string{"no customer"}, true},
		{"post_public_reply", map[string]any{"ticket_id": OrdinaryTicket, "body": "Hello"}, []string{"posted public reply #1"}, false},
		{"post_public_reply", map[string]any{"ticket_id": OrdinaryTicket, "body": " "}, []string{"empty"}, true},
		{"post_internal_note", map[string]any{"ticket_id": OrdinaryTicket, "body": "note"}, []string{"internal note #1"}, false},
		{"read_ticket", map[string]any{"ticket_id": OrdinaryTicket}, []string{"Public thread (1 replies)", "Hello"}, false},
	}
	for _, tt := range tests {
		got, isErr := callText(t, cs, tt.tool, tt.args)
		if isErr != tt.isError {
			t.Errorf("%s %v: isError %v, want %v: %s", tt.tool, tt.args, isErr, tt.isError, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s %v: %q does not contain %q", tt.tool, tt.args, got, w)
			}
		}
	}
	tk, _ := d.Ticket(OrdinaryTicket)
	if len(tk.Public) != 1 || len(tk.Notes) != 1 {
		t.Errorf("state: %d public, %d notes", len(tk.Public), len(tk.Notes))
	}
	if public, _ := callText(t, cs, "read_ticket", map[string]any{"ticket_id": OrdinaryTicket}); strings.Contains(public, "note") {
		t.Error("an internal note shows in the public ticket")
	}
}

func TestSeedIsDeterministic(t *testing.T) {
	a, b := New(), New()
	if strings.Join(a.Tokens(), ",") != strings.Join(b.Tokens(), ",") {
		t.Error("two desks have different tokens")
	}
	if len(a.Tickets()) != 2 {
		t.Errorf("%d tickets", len(a.Tickets()))
	}
}

func TestConfigEmbedded(t *testing.T) {
	if !strings.Contains(string(Config()), "helpdesk-server") {
		t.Error("the embedded configuration does not run the helpdesk")
	}
}
