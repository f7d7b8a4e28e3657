package quarantine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/store"
)

// CLIUsage is the help text of the command RunCLI runs.
const CLIUsage = `usage: warden quarantine <command> [flags] [ID]

commands:
  list      [--state held|released] [--server S] [--json]
  show      ID [--json]                   the entry and the withheld content
  release   ID [--by WHO]                 let this content through from now on
  allowlist [--json]                      released content digests
  revoke    DIGEST                        judge that content again

Content is shown as JSON, so control characters in it (terminal escapes)
stay escaped.
`

// RunCLI runs `warden quarantine ARGS` against the entries in kv and
// returns the process exit code: 0 done, 1 failed, 2 usage.
func RunCLI(ctx context.Context, kv store.KV, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, CLIUsage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("warden quarantine "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	state := fs.String("state", "", "only entries in this state (list)")
	server := fs.String("server", "", "only entries from this server (list)")
	asJSON := fs.Bool("json", false, "print JSON")
	by := fs.String("by", "", "who releases, for the record (release; default $USER)")
	// Flags may follow the id: parse what is before and after it.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	qs := &Store{KV: kv}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "warden quarantine %s: %v\n", cmd, err)
		return 1
	}
	one := func() (string, bool) {
		if len(pos) != 1 {
			fmt.Fprintf(stderr, "warden quarantine %s: name exactly one id\n", cmd)
			return "", false
		}
		return pos[0], true
	}
	switch cmd {
	case "list":
		if len(pos) > 0 {
			fmt.Fprintln(stderr, "warden quarantine list: takes no arguments")
			return 2
		}
		es, err := qs.List(ctx)
		if err != nil {
			return fail(err)
		}
		var sel []Entry
		for _, e := range es {
			if (*state == "" || e.State == *state) && (*server == "" || e.Server == *server) {
				sel = append(sel, e)
			}
		}
		return printList(sel, *asJSON, stdout, stderr)
	case "show":
		id, ok := one()
		if !ok {
			return 2
		}
		e, err := qs.Get(ctx, id)
		if err != nil {
			return fail(notFound(err, id))
		}
		if *asJSON {
			return writeJSON(stdout, stderr, e)
		}
		// Every field is clipped: the method of a server request, the
		// session id and the principal come from the peers, not from Warden.
		fmt.Fprintf(stdout, "id:        %s\nstate:     %s\ntime:      %s\nguard:     %s\nserver:    %s\nmethod:    %s\nname:      %s\nphase:     %s\nsession:   %s\nprincipal: %s\nscore:     %.3f\nrules:     %s\ndigest:    %s\nreason:    %s\n",
			clip(e.ID, 80), clip(e.State, 40), e.Time.Format(time.RFC3339), clip(e.Guard, 80), clip(e.Server, 200), clip(e.Method, 200),
			clip(e.Name, 200), clip(e.Phase, 40), clip(e.Session, 200), clip(e.Principal, 200),
			e.Score, clip(strings.Join(e.Rules, ", "), 500), clip(e.Digest, 100), clip(e.Reason, 500))
		if e.State == StateReleased {
			fmt.Fprintf(stdout, "released:  %s by %s\n", e.ReleasedAt.Format(time.RFC3339), clip(e.ReleasedBy, 200))
		}
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, e.Content, "", "  "); err != nil {
			pretty.Reset()
			pretty.WriteString(fmt.Sprintf("%q", e.Content))
		}
		fmt.Fprintf(stdout, "content:\n%s\n", escapeControls(pretty.String()))
		return 0
	case "release":
		id, ok := one()
		if !ok {
			return 2
		}
		who := *by
		if who == "" {
			who = os.Getenv("USER")
		}
		if who == "" {
			who = "cli"
		}
		e, err := qs.Release(ctx, id, who)
		if err != nil {
			return fail(notFound(err, id))
		}
		fmt.Fprintf(stdout, "released %s (%s %s %s) by %s; content %s is allowlisted\n", e.ID, clip(e.Server, 80), clip(e.Method, 80), clip(e.Name, 80), clip(who, 80), clip(e.Digest, 100))
		return 0
	case "allowlist":
		as, err := qs.AllowList(ctx)
		if err != nil {
			return fail(err)
		}
		if *asJSON {
			return writeJSON(stdout, stderr, as)
		}
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DIGEST\tENTRY\tBY\tAT")
		for _, a := range as {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", clip(a.Digest, 100), clip(a.Entry, 80), clip(a.By, 40), a.At.Format(time.RFC3339))
		}
		if err := tw.Flush(); err != nil {
			return fail(err)
		}
		return 0
	case "revoke":
		d, ok := one()
		if !ok {
			return 2
		}
		if err := qs.Revoke(ctx, d); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "revoked %s\n", clip(d, 100))
		return 0
	}
	fmt.Fprintf(stderr, "warden quarantine: unknown command %q\n%s", cmd, CLIUsage)
	return 2
}

func notFound(err error, id string) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no quarantine entry %q (it may have expired)", id)
	}
	return err
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "warden quarantine: %v\n", err)
		return 1
	}
	if _, err := io.WriteString(stdout, escapeControls(b.String())); err != nil {
		fmt.Fprintf(stderr, "warden quarantine: %v\n", err)
		return 1
	}
	return 0
}

func printList(sel []Entry, asJSON bool, stdout, stderr io.Writer) int {
	if asJSON {
		type row struct {
			ID         string    `json:"id"`
			State      string    `json:"state"`
			Time       time.Time `json:"time"`
			Server     string    `json:"server"`
			Method     string    `json:"method"`
			Name       string    `json:"name,omitempty"`
			Score      float64   `json:"score"`
			Rules      []string  `json:"rules,omitempty"`
			Digest     string    `json:"digest"`
			ReleasedBy string    `json:"released_by,omitempty"`
		}
		rows := make([]row, 0, len(sel))
		for _, e := range sel {
			rows = append(rows, row{e.ID, e.State, e.Time, e.Server, e.Method, e.Name, e.Score, e.Rules, e.Digest, e.ReleasedBy})
		}
		return writeJSON(stdout, stderr, rows)
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATE\tTIME\tSERVER\tMETHOD\tNAME\tSCORE\tRULES")
	for _, e := range sel {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", clip(e.ID, 80), clip(e.State, 20), e.Time.Format(time.RFC3339), clip(e.Server, 40),
			clip(e.Method, 60), clip(e.Name, 60), e.Score, clip(strings.Join(e.Rules, ","), 60))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "warden quarantine: %v\n", err)
		return 1
	}
	return 0
}

// escapeControls writes DEL and C1 controls, which JSON leaves raw, as
// \u escapes (valid inside JSON strings, where alone they can occur), so
// no byte of the content can drive the terminal.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isControl: DEL, C1 controls, and the format characters that reorder or
// hide text on screen (bidi marks, overrides and isolates, zero-width
// characters, line separators), which JSON also leaves raw.
func isControl(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r < 0xa0, r == 0x061c, r == 0x00ad, r >= 0x200b && r <= 0x200f,
		r >= 0x2028 && r <= 0x202e, r >= 0x2060 && r <= 0x2069, r == 0xfeff:
		return true
	}
	return false
}

// clip keeps what a server chose (names, reasons) on one line and free of
// terminal escapes and bidi tricks, at most n bytes, whole characters.
func clip(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || isControl(r) {
			return '?'
		}
		return r
	}, s)
	if len(s) > n {
		cut := n - 3
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return s[:cut] + "..."
	}
	return s
}
