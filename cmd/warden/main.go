// Command warden is a security gateway for the Model Context Protocol.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/warden-mcp/warden/internal/approval"
	"github.com/warden-mcp/warden/internal/eval"
	"github.com/warden-mcp/warden/internal/guard/pins"
	policycli "github.com/warden-mcp/warden/internal/policy/cli"
	"github.com/warden-mcp/warden/internal/quarantine"
	"github.com/warden-mcp/warden/internal/scan"
)

const usage = `warden: a security gateway for the Model Context Protocol

Usage:
  warden serve [--config FILE | --listen ADDR --upstream NAME=URL --upstream NAME=stdio:'CMD ARGS'...]
  warden wrap [--config FILE] [--name NAME] [--data-dir DIR] -- CMD ARGS...
  warden config validate FILE
  warden audit tail [-n N] [-f] [--json] [--data-dir DIR]
  warden audit verify [--data-dir DIR]
  warden policy test FILE | explain ...
  warden pins list|diff|approve|reset [--data-dir DIR] ...
  warden approvals list|show|approve|deny|revoke [--server URL] ...
  warden quarantine list|show|release|allowlist|revoke [--data-dir DIR] ...
  warden scan [--connect] [--format table|json|sarif] [--fail-on SEVERITY] [FILE...]
  warden eval poisoning|injection|secrets [--json] [--threshold T] [FILE...]
  warden demo [--layers LIST] [--human MODE] [--protocol V] [--json] [--verbose]
  warden example-server
  warden helpdesk-server
  warden version

With no flags, 'warden serve' runs the built-in configuration: Warden on
127.0.0.1:8080/mcp in front of its own example MCP server, every guard on.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// errUsage marks a command-line mistake (exit code 2).
var errUsage = errors.New("usage")

// errUsageShown is a command-line mistake the flag package has already
// reported, with the command's usage.
var errUsageShown = fmt.Errorf("%w shown", errUsage)

// parseFlags parses args into fs; an unknown or malformed flag is a usage
// mistake (exit code 2), as it is for every other command.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return errUsageShown
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if u, ok := groupUsage[args[0]]; ok && (len(args) == 1 || isHelp(args[1])) {
		// Help for a command group never needs its store or config.
		if len(args) == 1 {
			fmt.Fprint(stderr, u)
			return 2
		}
		fmt.Fprint(stdout, u)
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch args[0] {
	case "serve":
		err = cmdServe(ctx, args[1:], stderr)
	case "wrap":
		err = cmdWrap(ctx, args[1:], stdin, stdout, stderr)
	case "config":
		err = cmdConfig(args[1:], stdout, stderr)
	case "audit":
		err = cmdAudit(ctx, args[1:], stdout, stderr)
	case "example-server":
		err = cmdExampleServer(ctx)
	case "helpdesk-server":
		err = cmdHelpdeskServer(ctx)
	case "demo":
		return cmdDemo(ctx, args[1:], stdout, stderr)
	case "policy":
		return policycli.RunCLI(ctx, args[1:], stdout, stderr)
	case "scan":
		return scan.RunScan(ctx, args[1:], stdout, stderr)
	case "pins":
		return cmdPins(ctx, args[1:], stdout, stderr)
	case "quarantine":
		return cmdQuarantine(ctx, args[1:], stdout, stderr)
	case "approvals":
		return approval.RunCLI(ctx, args[1:], stdout, stderr)
	case "eval":
		return eval.Run(ctx, args[1], args[2:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "warden", version())
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "warden: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsageShown):
		return 2
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "warden:", err)
		return 2
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintln(stderr, "warden:", err)
		return 1
	}
}

// groupUsage is the help of each command that only dispatches to
// subcommands; those with flags of their own print their flags too.
var groupUsage = map[string]string{
	"config": `usage: warden config validate FILE

Checks a configuration file (syntax, every guard's settings, policies and
labels) and lists every setting that relaxes a default. Exit 1 if invalid.
`,
	"audit": `usage: warden audit <command> [--data-dir DIR | --config FILE] [flags]

commands:
  tail    [-n N] [-f] [--json]   the most recent decisions (-f: keep following)
  verify                         check the hash chain; exit 1 if it is broken
`,
	"eval": `usage: warden eval <kind> [--json] [--threshold T] [--no-classifier] [--verbose] [FILE|DIR]...

kinds:
  poisoning   labelled tool definitions (JSON array or JSONL, label 1 = malicious)
  injection   labelled documents ({"text", "label", "category"}; BIPIA, AgentDojo, Giskard)
  secrets     labelled text or files with expected findings

Files: JSON (an array or one object), JSONL, or CSV/TSV with a header row
(.csv, .tsv: a text column such as text or prompt, and a label column).
Labels: true/false, 1/0, or words such as malicious, injection, benign, safe.
With no FILE, a kind reads its default corpus under ../shared/corpora if present.
Prints recall, false-positive rate, precision, per-category results and
throughput; --json prints one JSON object on the last line.
`,
	"pins":       pins.CLIUsage,
	"quarantine": quarantine.CLIUsage,
}

func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "help" }

// errFailed is a failure the command already reported.
var errFailed = errors.New("failed")
