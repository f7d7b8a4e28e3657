package pins

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/warden-mcp/warden/internal/store"
)

// CLIUsage is the help text of the command RunCLI runs.
const CLIUsage = `usage: warden pins <command> [flags] [NAME...]

commands:
  list     [--server S] [--state approved|changed|unapproved] [--json]
  diff     [--server S] [NAME...]            what changed in withheld items
  approve  --server S [--kind K] [--hash PREFIX] [--by WHO] NAME... | --all
           (--hash: at least 16 hex digits of the pending hash that diff shows)
  reset    --server S [--kind K] NAME... | --server S --all | --all

NAME is a tool or prompt name or a resource URI. Kinds: tool, prompt,
resource, resource_template, server and instructions (NAME is the server's
name for these two).
`

// RunCLI runs `warden pins ARGS` against the pins in kv and returns the
// process exit code: 0 done, 1 failed, 2 usage.
func RunCLI(ctx context.Context, kv store.KV, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, CLIUsage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("warden pins "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	server := fs.String("server", "", "upstream server name")
	kind := fs.String("kind", "", "item kind (tool, prompt, resource, resource_template, instructions)")
	state := fs.String("state", "", "only pins in this state (list)")
	asJSON := fs.Bool("json", false, "print JSON (list)")
	all := fs.Bool("all", false, "every matching pin (approve, reset)")
	wantHash := fs.String("hash", "", "approve only if the pending version's hash starts with this (approve)")
	by := fs.String("by", "", "who approves, for the record (approve; default $USER)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	names := fs.Args()
	*wantHash = strings.ToLower(*wantHash)
	if cmd == "approve" && *wantHash != "" && !validHashPrefix(*wantHash) {
		fmt.Fprintf(stderr, "warden pins approve: --hash must be at least %d hexadecimal digits of the pending hash (warden pins diff shows it)\n", MinHashPrefix)
		return 2
	}
	ps := &Store{KV: kv}
	pins, err := ps.List(ctx, *server)
	if err != nil {
		fmt.Fprintf(stderr, "warden pins: %v\n", err)
		return 1
	}
	if (cmd == "list" || cmd == "diff") && *server != "" && len(pins) == 0 {
		// A misspelt server would otherwise read as "nothing withheld".
		msg := fmt.Sprintf("warden pins: no pins for server %q", *server)
		if known := pinnedServers(ctx, ps); len(known) > 0 {
			msg += " (servers with pins: " + strings.Join(known, ", ") + ")"
		}
		fmt.Fprintln(stderr, msg)
		return 1
	}
	match := func(p Pin) bool {
		if *server != "" && p.Server != *server || *kind != "" && p.Kind != *kind {
			return false
		}
		if len(names) == 0 {
			return true
		}
		for _, n := range names {
			if p.Name == n {
				return true
			}
		}
		return false
	}
	var sel []Pin
	for _, p := range pins {
		if match(p) && (*state == "" || p.State() == *state) {
			sel = append(sel, p)
		}
	}
	switch cmd {
	case "list":
		return printList(sel, *asJSON, stdout, stderr)
	case "diff":
		n := 0
		for _, p := range sel {
			if p.State() == StateApproved {
				continue
			}
			n++
			if p.State() == StateCorrupt {
				fmt.Fprintf(stdout, "%s %s %q: corrupt (%s); reset it\n", p.Server, p.Kind, p.Name, p.corrupt)
				continue
			}
			// Whole hashes: approve --hash takes a prefix of the pending one.
			fmt.Fprintf(stdout, "%s %s %q: %s, approved %s, shown %s since %s\n%s\n",
				p.Server, p.Kind, p.Name, p.State(), orNone(p.Hash), p.PendingHash, p.PendingSince.Format(time.RFC3339), p.Diff())
		}
		if n == 0 {
			fmt.Fprintln(stdout, "no withheld items")
		}
		return 0
	case "approve":
		if !*all && (*server == "" || len(names) == 0) {
			fmt.Fprintln(stderr, "warden pins approve: name a --server and items, or pass --all")
			return 2
		}
		who := *by
		if who == "" {
			who = os.Getenv("USER")
		}
		if who == "" {
			who = "cli"
		}
		n, failed := 0, false
		for _, p := range sel {
			if p.PendingHash == "" && p.State() != StateCorrupt {
				continue
			}
			if _, err := ps.Approve(ctx, p, who, *wantHash); err != nil {
				fmt.Fprintf(stderr, "warden pins: %v\n", err)
				failed = true
				continue
			}
			n++
			fmt.Fprintf(stdout, "approved %s %s %q at %.12s\n", p.Server, p.Kind, p.Name, p.PendingHash)
		}
		if n == 0 && !failed {
			fmt.Fprintln(stderr, "warden pins approve: nothing pending matches")
			return 1
		}
		if failed {
			return 1
		}
		return 0
	case "reset":
		if !*all && (*server == "" || len(names) == 0) {
			fmt.Fprintln(stderr, "warden pins reset: name a --server and items, or pass --all (with or without --server)")
			return 2
		}
		for _, p := range sel {
			if err := ps.Reset(ctx, p); err != nil {
				fmt.Fprintf(stderr, "warden pins: %v\n", err)
				return 1
			}
			fmt.Fprintf(stdout, "reset %s %s %q\n", p.Server, p.Kind, p.Name)
		}
		if len(sel) == 0 {
			fmt.Fprintln(stderr, "warden pins reset: no pin matches")
			return 1
		}
		return 0
	}
	fmt.Fprintf(stderr, "warden pins: unknown command %q\n%s", cmd, CLIUsage)
	return 2
}

func validHashPrefix(h string) bool {
	if len(h) < MinHashPrefix || len(h) > 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		if !(h[i] >= '0' && h[i] <= '9' || h[i] >= 'a' && h[i] <= 'f') {
			return false
		}
	}
	return true
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func printList(sel []Pin, asJSON bool, stdout, stderr io.Writer) int {
	if asJSON {
		type row struct {
			Server      string    `json:"server"`
			Kind        string    `json:"kind"`
			Name        string    `json:"name"`
			State       string    `json:"state"`
			Hash        string    `json:"hash,omitempty"`
			PendingHash string    `json:"pending_hash,omitempty"`
			ApprovedAt  time.Time `json:"approved_at,omitzero"`
			ApprovedBy  string    `json:"approved_by,omitempty"`
			FirstSeen   time.Time `json:"first_seen"`
		}
		rows := make([]row, 0, len(sel))
		for _, p := range sel {
			rows = append(rows, row{p.Server, p.Kind, p.Name, p.State(), p.Hash, p.PendingHash, p.ApprovedAt, p.ApprovedBy, p.FirstSeen})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			fmt.Fprintf(stderr, "warden pins: %v\n", err)
			return 1
		}
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SERVER\tKIND\tNAME\tSTATE\tHASH\tPENDING\tAPPROVED BY")
	for _, p := range sel {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Server, p.Kind, clip(p.Name), p.State(),
			short(orDash(p.Hash)), short(orDash(p.PendingHash)), orDash(p.ApprovedBy))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "warden pins: %v\n", err)
		return 1
	}
	return 0
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip keeps table rows on one line whatever a server names its items.
func clip(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, s)
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// pinnedServers lists the servers that have pins, sorted; nil on error.
func pinnedServers(ctx context.Context, ps *Store) []string {
	all, err := ps.List(ctx, "")
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range all {
		if !slices.Contains(out, p.Server) {
			out = append(out, p.Server)
		}
	}
	slices.Sort(out)
	return out
}
