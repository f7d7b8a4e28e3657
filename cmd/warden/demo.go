package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/examples/helpdesk"
	"github.com/warden-mcp/warden/internal/demo"
)

// cmdDemo replays the seed's breach (docs/demo.md). Exit code 0 only if the
// attack failed through Warden and the ordinary workflow succeeded; 1 if
// not; 2 for a usage mistake.
func cmdDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", "", "Warden configuration to run the helpdesk behind (default: the shipped "+helpdesk.ConfigName+")")
	layers := fs.String("layers", "all", "layers to run: 'all', a list to keep on (injection,policy), or a list to turn off (-flow,-secrets); layers: "+strings.Join(demo.Layers(), ", "))
	human := fs.String("human", demo.HumanCareful, "how the person at the desk answers approval requests: "+strings.Join(demo.HumanModes(), ", "))
	protocol := fs.String("protocol", demo.ProtocolSessions, "MCP revision the agent speaks to Warden: "+demo.ProtocolSessions+" (sessions) or "+demo.ProtocolStateless+" (stateless)")
	asJSON := fs.Bool("json", false, "print a machine-readable summary (one JSON object) instead of the transcript")
	verbose := fs.Bool("verbose", false, "print whole results and Warden's own log")
	skipDirect := fs.Bool("skip-direct", false, "leave out the run straight against the server")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: warden demo [--layers LIST] [--human MODE] [--protocol V] [--json] [--verbose] [--config FILE]\n\n"+
			"Replays, without a language model, an agent that obeys an instruction hidden in a support\n"+
			"ticket: first straight to the helpdesk, then through Warden; then the ordinary workflow.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "warden demo: unexpected arguments %q\n", fs.Args())
		return 2
	}
	sel, err := demo.ParseLayers(*layers)
	if err != nil {
		fmt.Fprintln(stderr, "warden demo:", err)
		return 2
	}
	opts := demo.Options{Layers: sel, Human: *human, Protocol: *protocol, Verbose: *verbose, SkipDirect: *skipDirect, Out: stdout}
	if *asJSON {
		opts.Out = nil
	}
	if *verbose {
		opts.Logger = slog.New(slog.NewTextHandler(stderr, nil))
	}
	if *cfgPath != "" {
		doc, err := os.ReadFile(*cfgPath)
		if err != nil {
			fmt.Fprintln(stderr, "warden demo: reading the configuration:", err)
			return 2
		}
		opts.Config, opts.ConfigName = doc, *cfgPath
	}
	rep, err := demo.Run(ctx, opts)
	if err != nil {
		fmt.Fprintln(stderr, "warden demo:", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, "warden demo: writing the summary:", err)
			return 1
		}
	}
	if !rep.OK {
		return 1
	}
	return 0
}

// cmdHelpdeskServer runs the demo's helpdesk MCP server over stdio (the
// upstream of examples/helpdesk/warden.yaml).
func cmdHelpdeskServer(ctx context.Context) error {
	return helpdesk.NewServer().Run(ctx, &mcp.StdioTransport{})
}
