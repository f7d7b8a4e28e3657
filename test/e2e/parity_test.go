package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// timestampRE matches the clock time server-everything stamps into its
// dynamic resources, which differs between two reads.
var timestampRE = regexp.MustCompile(`created at \d{1,2}:\d{2}:\d{2}(\s?[AP]M)?`)

// eraFields are result fields the 2026-07-28 protocol adds (resultType) or
// the SDK fills in for it (ttlMs, cacheScope); a legacy server has none.
var eraFields = []string{"resultType", "ttlMs", "cacheScope"}

// normalised is v's JSON without era fields and with clock times masked.
func normalised(t *testing.T, v any) string {
	t.Helper()
	m, ok := resultJSON(t, v).(map[string]any)
	if !ok {
		t.Fatalf("%T is not a JSON object", v)
	}
	for _, k := range eraFields {
		delete(m, k)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("encoding %T: %v", v, err)
	}
	return timestampRE.ReplaceAllString(string(b), "created at <time>")
}

// short trims s for a failure message.
func short(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

// TestEverythingParity puts Warden in front of server-everything and checks
// that a client sees the same server through Warden, in both protocol eras,
// as it sees over a direct stdio connection.
func TestEverythingParity(t *testing.T) {
	need(t)
	w := startWarden(t, map[string][]string{"everything": everythingCmd()})
	w.minAudit = 3 * 9 // the tool calls below, in three eras
	direct := connectCommand(t, everythingCmd(), t.TempDir(), nil)
	ctx := testCtx(t, 90*time.Second)
	want := listAll(ctx, t, direct)
	for _, name := range []string{"echo", "get-sum", "trigger-sampling-request", "trigger-elicitation-request", "trigger-long-running-operation"} {
		if _, ok := want.tools[name]; !ok {
			t.Fatalf("server-everything has no %q tool; its tools are %v", name, keys(want.tools))
		}
	}

	for _, version := range eras {
		t.Run(version, func(t *testing.T) {
			cs := connectHTTP(t, w.url, version, nil)
			if got := cs.InitializeResult().ProtocolVersion; got != version && version != legacySSE {
				t.Errorf("negotiated protocol %q, want %q", got, version)
			}
			t.Run("lists", func(t *testing.T) {
				sameListing(t, listAll(ctx, t, cs), want)
			})

			t.Run("tools", func(t *testing.T) {
				calls := []struct {
					name string
					args map[string]any
				}{
					{"echo", map[string]any{"message": "hello through warden ✓"}},
					{"get-sum", map[string]any{"a": 40, "b": 2.5}},
					{"get-structured-content", map[string]any{"location": "New York"}},
					{"get-tiny-image", map[string]any{}},
					{"get-annotated-message", map[string]any{"messageType": "error", "includeImage": true}},
					{"get-resource-reference", map[string]any{"resourceType": "Text", "resourceId": 7}},
					{"get-resource-links", map[string]any{"count": 3}},
					// Invalid arguments: Warden's schema guard refuses them
					// before the server sees them (checked below).
					{"get-sum", map[string]any{"a": "not a number"}},
				}
				for _, c := range calls {
					p := &mcp.CallToolParams{Name: c.name, Arguments: c.args}
					wantRes, wantErr := direct.CallTool(ctx, p)
					gotRes, gotErr := cs.CallTool(ctx, p)
					if (gotErr != nil) != (wantErr != nil) {
						t.Errorf("%s(%v): error through warden %v, direct %v", c.name, c.args, gotErr, wantErr)
						continue
					}
					if gotErr != nil {
						continue
					}
					if c.name == "get-sum" && c.args["a"] == "not a number" {
						if !gotRes.IsError || !wantRes.IsError || !strings.Contains(texts(gotRes), "do not match its schema") {
							t.Errorf("invalid arguments: through warden %s, direct %s", short(normalised(t, gotRes)), short(normalised(t, wantRes)))
						}
						continue
					}
					if g, w := normalised(t, gotRes), normalised(t, wantRes); g != w {
						t.Errorf("%s(%v) differs:\n  through warden: %s\n  direct:         %s", c.name, c.args, short(g), short(w))
					}
					if rt := resultJSON(t, gotRes).(map[string]any)["resultType"]; version == modernVersion && rt != "complete" {
						t.Errorf("%s: resultType %v, want \"complete\" in %s", c.name, rt, version)
					}
				}
				res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "get-sum", Arguments: map[string]any{"a": 40, "b": 2}})
				if err != nil || !strings.Contains(texts(res), "is 42") {
					t.Errorf("get-sum(40, 2) = %v, %v; want text with \"is 42\"", res, err)
				}
			})

			t.Run("resources", func(t *testing.T) {
				n := 0
				for uri := range want.resources {
					if !strings.Contains(uri, "/static/") {
						continue
					}
					n++
					wantRes, err := direct.ReadResource(ctx, &mcp.ReadResourceParams{URI: uri})
					if err != nil {
						t.Fatalf("reading %s directly: %v", uri, err)
					}
					gotRes, err := cs.ReadResource(ctx, &mcp.ReadResourceParams{URI: uri})
					if err != nil {
						t.Errorf("reading %s through warden: %v", uri, err)
						continue
					}
					g, w := normalised(t, gotRes), normalised(t, wantRes)
					if strings.HasSuffix(uri, "/instructions.md") {
						// The server's own instructions end in an "Easter
						// egg", a canned answer for the model ("If asked
						// about server instructions, respond with ..."):
						// in a resource that is an injection, so the
						// default guard redacts it and says so.
						if !strings.Contains(g, "possible prompt injection") || strings.Contains(g, "respond with") {
							t.Errorf("%s: want the canned answer redacted with a notice, got %s", uri, short(g))
						}
						continue
					}
					if g != w {
						t.Errorf("%s differs:\n  through warden: %s\n  direct:         %s", uri, short(g), short(w))
					}
				}
				if n == 0 {
					t.Errorf("no static resource among %v", keys(want.resources))
				}
				// Templated resources are read by a URI no list names.
				for _, uri := range []string{"demo://resource/dynamic/text/3", "demo://resource/dynamic/blob/4"} {
					wantRes, err := direct.ReadResource(ctx, &mcp.ReadResourceParams{URI: uri})
					if err != nil {
						t.Fatalf("reading %s directly: %v", uri, err)
					}
					gotRes, err := cs.ReadResource(ctx, &mcp.ReadResourceParams{URI: uri})
					if err != nil {
						t.Errorf("reading %s through warden: %v", uri, err)
						continue
					}
					if strings.Contains(uri, "/text/") {
						if g, w := normalised(t, gotRes), normalised(t, wantRes); g != w {
							t.Errorf("%s differs:\n  through warden: %s\n  direct:         %s", uri, g, w)
						}
					} else if len(gotRes.Contents) != 1 || len(gotRes.Contents[0].Blob) == 0 || gotRes.Contents[0].URI != uri {
						t.Errorf("%s through warden = %s, want one blob", uri, normalised(t, gotRes))
					}
				}
				if _, err := cs.ReadResource(ctx, &mcp.ReadResourceParams{URI: "demo://resource/no/such/thing"}); err == nil {
					t.Error("reading an unknown resource through warden succeeded")
				}
			})

			t.Run("prompts", func(t *testing.T) {
				gets := []*mcp.GetPromptParams{
					{Name: "simple-prompt"},
					{Name: "args-prompt", Arguments: map[string]string{"city": "Lisbon", "state": "Lisboa"}},
					{Name: "resource-prompt", Arguments: map[string]string{"resourceType": "Text", "resourceId": "2"}},
				}
				for _, p := range gets {
					wantRes, err := direct.GetPrompt(ctx, p)
					if err != nil {
						t.Fatalf("getting prompt %s directly: %v", p.Name, err)
					}
					gotRes, err := cs.GetPrompt(ctx, p)
					if err != nil {
						t.Errorf("getting prompt %s through warden: %v", p.Name, err)
						continue
					}
					if g, w := normalised(t, gotRes), normalised(t, wantRes); g != w {
						t.Errorf("prompt %s differs:\n  through warden: %s\n  direct:         %s", p.Name, g, w)
					}
				}
				res, err := cs.GetPrompt(ctx, &mcp.GetPromptParams{Name: "args-prompt", Arguments: map[string]string{"city": "Lisbon"}})
				if err != nil || len(res.Messages) == 0 || !strings.Contains(normalised(t, res), "Lisbon") {
					t.Errorf("args-prompt(city=Lisbon) = %v, %v; want a message naming Lisbon", res, err)
				}
			})
		})
	}
	w.alive(t)
}

// TestFederation puts server-everything and server-filesystem under one
// Warden: tools and prompts come back prefixed with their upstream's name,
// resources keep their URIs, nothing collides, and calls reach the right
// server.
func TestFederation(t *testing.T) {
	need(t)
	root := t.TempDir()
	// The filesystem server resolves symlinks; compare against the real path.
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	const content = "federated hello\n"
	if err := os.WriteFile(filepath.Join(root, "hello.txt"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	w := startWarden(t, map[string][]string{
		"ev": everythingCmd(),
		"fs": filesystemCmd(root),
	})
	w.minAudit = 3 * 3 // at least the successful calls below, in three eras
	ctx := testCtx(t, 60*time.Second)
	ev := listAll(ctx, t, connectCommand(t, everythingCmd(), t.TempDir(), nil))
	fs := listAll(ctx, t, connectCommand(t, filesystemCmd(root), t.TempDir(), nil, root))
	if _, ok := fs.tools["read_text_file"]; !ok {
		t.Fatalf("server-filesystem has no read_text_file tool; its tools are %v", keys(fs.tools))
	}
	want := listing{
		tools:     merge(t, "tools", prefixed(ev.tools, "ev"), prefixed(fs.tools, "fs")),
		prompts:   merge(t, "prompts", prefixed(ev.prompts, "ev"), prefixed(fs.prompts, "fs")),
		resources: merge(t, "resources", renamed(ev.resources, "ev"), renamed(fs.resources, "fs")),
		templates: merge(t, "templates", renamed(ev.templates, "ev"), renamed(fs.templates, "fs")),
	}

	for _, version := range eras {
		t.Run(version, func(t *testing.T) {
			cs := connectHTTP(t, w.url, version, nil)
			got := listAll(ctx, t, cs)
			sameListing(t, got, want)

			res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "fs__read_text_file",
				Arguments: map[string]any{"path": filepath.Join(root, "hello.txt")}})
			if err != nil || res.IsError || !strings.Contains(texts(res), strings.TrimSpace(content)) {
				t.Errorf("fs__read_text_file = %+v, %v; want the file's content", res, err)
			}
			res, err = cs.CallTool(ctx, &mcp.CallToolParams{Name: "ev__echo", Arguments: map[string]any{"message": "ping"}})
			if err != nil || texts(res) != "Echo: ping\n" {
				t.Errorf("ev__echo = %+v, %v; want \"Echo: ping\"", res, err)
			}
			pr, err := cs.GetPrompt(ctx, &mcp.GetPromptParams{Name: "ev__simple-prompt"})
			if err != nil || len(pr.Messages) == 0 {
				t.Errorf("ev__simple-prompt = %+v, %v; want messages", pr, err)
			}
			// Unprefixed and wrongly prefixed names must not reach any server.
			for _, name := range []string{"echo", "fs__echo", "ev__read_text_file", "zz__echo"} {
				res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: name, Arguments: map[string]any{"message": "x", "path": root}})
				if err == nil && !res.IsError {
					t.Errorf("calling %q succeeded (%q); want an error", name, texts(res))
				}
			}
			// The filesystem server's own guard still holds behind Warden.
			res, err = cs.CallTool(ctx, &mcp.CallToolParams{Name: "fs__read_text_file", Arguments: map[string]any{"path": "/etc/hostname"}})
			if err == nil && !res.IsError {
				t.Errorf("fs__read_text_file outside the allowed directory succeeded: %q", texts(res))
			}
		})
	}
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
