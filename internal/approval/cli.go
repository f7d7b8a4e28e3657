package approval

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"
)

const cliUsage = `usage: warden approvals <command> [flags] [ID]

commands:
  list     [--all] [--json]                      pending approval requests
  show     ID [--json]                           one request, with its arguments (secrets masked)
  approve  ID [--scope once|session|always] [--pattern "server/tool [key=glob ...]"] [--note TEXT]
  deny     ID [--scope once|session|always] [--pattern P] [--note TEXT]
  revoke   ID                                    drop standing decisions made on request ID

flags for every command:
  --server URL   the running Warden (default http://127.0.0.1:8080)
  --token T      bearer token when auth is on (default $WARDEN_ADMIN_TOKEN)
  --as NAME      approver identity to record (default $USER@hostname)
`

// RunCLI runs `warden approvals ARGS` against a running server's admin API
// and returns the exit code: 0 done, 1 failed, 2 usage.
func RunCLI(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, cliUsage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("warden approvals "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	server := fs.String("server", "http://127.0.0.1:8080", "the running Warden's base URL")
	token := fs.String("token", os.Getenv("WARDEN_ADMIN_TOKEN"), "bearer token when auth is on")
	as := fs.String("as", defaultApprover(), "approver identity to record")
	all := fs.Bool("all", false, "also decided and expired requests (list)")
	asJSON := fs.Bool("json", false, "print JSON")
	scope := fs.String("scope", ScopeOnce, "once, session or always (approve, deny)")
	pattern := fs.String("pattern", "", "what an always decision covers: server/tool [key=glob ...]")
	note := fs.String("note", "", "a note for the audit log")
	// Accept the ID before or after flags.
	var id string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if id == "" && fs.NArg() > 0 {
		id = fs.Arg(0)
	}
	c := &client{base: strings.TrimRight(*server, "/"), token: *token, as: *as, http: &http.Client{Timeout: 30 * time.Second}}
	needID := func() bool {
		if id == "" {
			fmt.Fprintf(stderr, "warden approvals %s: missing request ID\n", cmd)
			return false
		}
		return true
	}
	var err error
	switch cmd {
	case "list":
		var out struct {
			Approvals []Request `json:"approvals"`
		}
		path := "/admin/approvals"
		if *all {
			path += "?all=1"
		}
		if err = c.do(ctx, http.MethodGet, path, nil, &out); err == nil {
			if *asJSON {
				err = printJSON(stdout, out.Approvals)
			} else {
				printList(stdout, out.Approvals)
			}
		}
	case "show":
		if !needID() {
			return 2
		}
		var r Request
		if err = c.do(ctx, http.MethodGet, "/admin/approvals/"+url.PathEscape(id), nil, &r); err == nil {
			if *asJSON {
				err = printJSON(stdout, r)
			} else {
				printRequest(stdout, r)
			}
		}
	case "approve", "deny":
		if !needID() {
			return 2
		}
		body := DecisionBody{Decision: cmd, Scope: *scope, Pattern: *pattern, Note: *note}
		var r Request
		if err = c.do(ctx, http.MethodPost, "/admin/approvals/"+url.PathEscape(id), body, &r); err == nil {
			fmt.Fprintf(stdout, "%s: %s (scope %s) by %s\n", r.ID, r.Status, r.Decision.Scope, r.Decision.Approver)
		}
	case "revoke":
		if !needID() {
			return 2
		}
		var out struct {
			Revoked int `json:"revoked"`
		}
		if err = c.do(ctx, http.MethodDelete, "/admin/approvals/"+url.PathEscape(id)+"/standing", nil, &out); err == nil {
			fmt.Fprintf(stdout, "revoked %d standing decision(s)\n", out.Revoked)
		}
	default:
		fmt.Fprintf(stderr, "warden approvals: unknown command %q\n\n%s", cmd, cliUsage)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "warden approvals %s: %v\n", cmd, err)
		return 1
	}
	return 0
}

func defaultApprover() string {
	user := os.Getenv("USER")
	if user == "" {
		user = "unknown"
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		return user
	}
	return user + "@" + host
}

type client struct {
	base, token, as string
	http            *http.Client
}

func (c *client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encoding request: %w", err)
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return fmt.Errorf("building request: %w", err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.as != "" {
		req.Header.Set(HeaderApprover, c.as)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("reaching Warden at %s: %w", c.base, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("reading the answer: %w", err)
	}
	if resp.StatusCode/100 != 2 {
		var e apiError
		if json.Unmarshal(data, &e) == nil && e.Error != "" {
			return fmt.Errorf("%s (HTTP %d)", e.Error, resp.StatusCode)
		}
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, strings.TrimSpace(truncate(string(data), 300)))
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decoding the answer: %w", err)
	}
	return nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printList(w io.Writer, reqs []Request) {
	if len(reqs) == 0 {
		fmt.Fprintln(w, "no approval requests")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tSERVER/TOOL\tSESSION\tEXPIRES\tREASON")
	for _, r := range reqs {
		fmt.Fprintf(tw, "%s\t%s\t%s/%s\t%s\t%s\t%s\n", r.ID, r.Status, r.Server, r.Tool,
			truncate(r.Session, 24), r.Expires.Local().Format(time.TimeOnly), truncate(oneLine(r.Reason), 80))
	}
	tw.Flush()
}

func printRequest(w io.Writer, r Request) {
	fmt.Fprintf(w, "id:         %s\nstatus:     %s\nserver:     %s\ntool:       %s\nsession:    %s\nprincipal:  %s\nclient:     %s\ncreated:    %s\nexpires:    %s\nreason:     %s\nlabels:     %s\n",
		r.ID, r.Status, r.Server, r.Tool, r.Session, r.Principal, r.Client,
		r.Created.Local().Format(time.RFC3339), r.Expires.Local().Format(time.RFC3339), oneLine(r.Reason), strings.Join(r.Labels, ", "))
	if len(r.Facts.Sources) > 0 {
		fmt.Fprintf(w, "untrusted:  %s\n", strings.Join(r.Facts.Sources, ", "))
	}
	var pretty bytes.Buffer
	if json.Indent(&pretty, r.Arguments, "  ", "  ") != nil {
		pretty.Reset()
		pretty.Write(r.Arguments)
	}
	fmt.Fprintf(w, "arguments (secrets masked):\n  %s\n", pretty.String())
	if d := r.Decision; d != nil {
		fmt.Fprintf(w, "decision:   approve=%v scope=%s pattern=%q by %s via %s at %s %s\n",
			d.Approve, d.Scope, d.Pattern, d.Approver, d.Channel, d.At.Local().Format(time.RFC3339), d.Note)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
