package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/warden-mcp/warden/internal/app"
	"github.com/warden-mcp/warden/internal/audit"
	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard/pins"
	"github.com/warden-mcp/warden/internal/quarantine"
	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

func cmdConfig(args []string, stdout, stderr io.Writer) error {
	if len(args) != 2 || args[0] != "validate" {
		return fmt.Errorf("expected 'warden config validate FILE': %w", errUsage)
	}
	cfg, err := config.Load(args[1])
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			fmt.Fprintln(stderr, ce.Error())
			return errFailed
		}
		return err
	}
	warn := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	guardRelaxed, err := app.CheckGuards(context.Background(), cfg, warn)
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			fmt.Fprintln(stderr, ce.Error())
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", args[1], err)
		}
		return errFailed
	}
	fmt.Fprintf(stdout, "%s: valid (%d upstreams)\n", args[1], len(cfg.Upstreams))
	for _, r := range append(cfg.Relaxations(), guardRelaxed...) {
		fmt.Fprintf(stdout, "warning: %s\n", r)
	}
	for _, w := range cfg.UnknownServers() {
		fmt.Fprintf(stdout, "warning: %s\n", w)
	}
	return nil
}

func cmdAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "tail" && args[0] != "verify") {
		// Before the store is opened: a typo is a usage mistake, not a
		// missing data directory.
		return fmt.Errorf("expected 'warden audit tail' or 'warden audit verify': %w", errUsage)
	}
	fs := flag.NewFlagSet("audit "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data-dir", "", "Warden's data directory (default: the config's data_dir)")
	cfgPath := fs.String("config", "", "configuration file, for its data_dir")
	n := fs.Int("n", 20, "how many recent events to show (tail)")
	follow := fs.Bool("f", false, "keep printing new events (tail)")
	asJSON := fs.Bool("json", false, "print JSON lines (tail)")
	against := fs.String("against", "", "a copy of the log kept elsewhere (audit.mirror, or saved `tail --json` output) that the store must still hold (verify)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q: %w", fs.Args(), errUsage)
	}
	dir := *dataDir
	if dir == "" {
		cfg := config.Default()
		if *cfgPath != "" {
			var err error
			if cfg, err = config.Load(*cfgPath); err != nil {
				return err
			}
		}
		dir = cfg.DataDir
	}
	st, err := sqlite.OpenReadOnly(ctx, filepath.Join(dir, sqlite.DefaultFile))
	if err != nil {
		return fmt.Errorf("opening the audit store in %s: %w", dir, err)
	}
	defer st.Close()
	switch args[0] {
	case "tail":
		format := "text"
		if *asJSON {
			format = "json"
		}
		err := audit.Tail(ctx, st, *n, *follow, stdout, format)
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return err
	case "verify":
		var rep audit.Report
		if *against != "" {
			f, err := os.Open(*against)
			if err != nil {
				return fmt.Errorf("opening the copy to verify against: %w", err)
			}
			defer f.Close()
			rep, err = audit.VerifyWithCopy(ctx, st, f)
			if err != nil {
				return fmt.Errorf("verifying against %s: %w", *against, err)
			}
		} else if rep, err = audit.Verify(ctx, st); err != nil {
			return err
		}
		fmt.Fprintln(stdout, rep.String())
		if rep.OK && *against == "" {
			// A chain cut at its end, or rewritten whole, still links up:
			// only a copy kept elsewhere shows it.
			fmt.Fprintln(stderr, "note: without --against, a log truncated at its end or rewritten whole still verifies; compare with audit.mirror or a saved `warden audit tail --json`")
		}
		if !rep.OK {
			return errFailed
		}
		return nil
	}
	return fmt.Errorf("unknown audit command %q: %w", args[0], errUsage)
}

// cmdPins opens the store writable (approvals change it) and hands over to
// the pins command. Flags before the subcommand pick the store.
func cmdPins(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return withStore(ctx, args, stdout, stderr, pins.RunCLI)
}

// cmdQuarantine lists, shows and releases quarantined content.
func cmdQuarantine(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return withStore(ctx, args, stdout, stderr, quarantine.RunCLI)
}

// withStore opens the store the configuration names (writable) and runs a
// store-backed command with the remaining arguments.
func withStore(ctx context.Context, args []string, stdout, stderr io.Writer,
	run func(ctx context.Context, kv store.KV, args []string, stdout, stderr io.Writer) int) int {
	// --data-dir and --config may stand anywhere; the rest is the pins
	// command's own.
	var dataDirV, cfgPathV string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || (name != "data-dir" && name != "config") {
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				fmt.Fprintf(stderr, "warden: %s needs a value\n", a)
				return 2
			}
			i++
			val = args[i]
		}
		if name == "data-dir" {
			dataDirV = val
		} else {
			cfgPathV = val
		}
	}
	dataDir, cfgPath := &dataDirV, &cfgPathV
	dir := *dataDir
	if dir == "" {
		cfg := config.Default()
		if *cfgPath != "" {
			var err error
			if cfg, err = config.Load(*cfgPath); err != nil {
				fmt.Fprintln(stderr, "warden:", err)
				return 1
			}
		}
		dir = cfg.DataDir
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, sqlite.DefaultFile))
	if err != nil {
		fmt.Fprintf(stderr, "warden: opening the store in %s: %v\n", dir, err)
		return 1
	}
	defer st.Close()
	return run(ctx, st, rest, stdout, stderr)
}
