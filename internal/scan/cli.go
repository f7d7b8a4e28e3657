package scan

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

const usage = `usage: warden scan [flags] [CONFIG_FILE...]

Audits the MCP servers configured for this user's clients (Claude Desktop,
Claude Code, Cursor, VS Code, Windsurf, Zed, Codex, Gemini CLI, Cline, Roo
Code, Continue, Goose, Amazon Q Developer, Kiro, LM Studio, opencode, Crush,
GitHub Copilot CLI, Visual Studio) and in the current project, or only the
files named. Fully offline.

flags:
`

// RunScan runs `warden scan ARGS` and returns the exit code: 0 no finding
// at or above --fail-on, 1 findings at or above it, 2 usage or error, or a
// scan that could not read a file or list a server it was asked to.
func RunScan(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("warden scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	format := fs.String("format", "table", "output: table, json or sarif")
	failOn := fs.String("fail-on", "high", "exit 1 when a finding is at or above: info, low, medium, high, critical, none")
	connect := fs.Bool("connect", false, "start each stdio server to list and score its tools (runs their code)")
	connectCritical := fs.Bool("connect-critical", false, "with --connect, also start servers whose launch command is critical (e.g. curl | sh)")
	timeout := fs.Duration("timeout", 30*time.Second, "per-server time limit with --connect")
	pinsFile := fs.String("pins", "", "JSON file of tool hashes from an earlier scan; report changed tools")
	updatePins := fs.Bool("update-pins", false, "write the listed tools' hashes to --pins")
	noDiscover := fs.Bool("no-discover", false, "read only the files named, not the known locations")
	home := fs.String("home", "", "home directory to discover from (default: the user's)")
	out := fs.String("o", "", "write the report to this file instead of stdout")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	threshold, err := ParseSeverity(*failOn)
	if err != nil {
		fmt.Fprintf(stderr, "warden scan: %v\n", err)
		return 2
	}
	if *format != "table" && *format != "json" && *format != "sarif" {
		fmt.Fprintf(stderr, "warden scan: unknown format %q (want table, json or sarif)\n", *format)
		return 2
	}
	if *updatePins && *pinsFile == "" {
		fmt.Fprintln(stderr, "warden scan: --update-pins needs --pins FILE")
		return 2
	}
	var locs []Location
	for _, f := range fs.Args() {
		locs = append(locs, guessLocation(f))
	}
	if len(fs.Args()) == 0 && !*noDiscover {
		h := *home
		if h == "" {
			if h, err = os.UserHomeDir(); err != nil {
				fmt.Fprintf(stderr, "warden scan: finding the home directory: %v\n", err)
				return 2
			}
		}
		cwd, _ := os.Getwd()
		locs = append(locs, KnownLocations(runtime.GOOS, h, os.Getenv("APPDATA"), cwd)...)
	}
	opts := Options{Locations: locs, StartCritical: *connectCritical}
	if *connect {
		opts.Lister = &StdioLister{Timeout: *timeout}
	}
	if *pinsFile != "" {
		if opts.Pins, err = ReadPins(*pinsFile); err != nil {
			fmt.Fprintf(stderr, "warden scan: %v\n", err)
			return 2
		}
	}
	rep, err := Run(ctx, opts)
	if err != nil {
		fmt.Fprintf(stderr, "warden scan: %v\n", err)
		return 2
	}
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(stderr, "warden scan: %v\n", err)
			return 2
		}
		defer f.Close()
		w = f
	}
	switch *format {
	case "json":
		err = WriteJSON(w, rep)
	case "sarif":
		err = WriteSARIF(w, rep, "dev")
	default:
		err = WriteTable(w, rep)
	}
	if err != nil {
		fmt.Fprintf(stderr, "warden scan: writing the report: %v\n", err)
		return 2
	}
	if *updatePins {
		if err := writePins(*pinsFile, opts.Pins, PinsFromReport(rep)); err != nil {
			fmt.Fprintf(stderr, "warden scan: %v\n", err)
			return 2
		}
	}
	if rep.Max() >= threshold {
		fmt.Fprintf(stderr, "warden scan: findings at or above %s\n", strings.ToLower(*failOn))
		return 1
	}
	// Fail closed: a file that could not be read or parsed, or a server
	// --connect could not list, is not a clean result, whatever --fail-on
	// says about findings.
	if n := incomplete(rep); n > 0 {
		fmt.Fprintf(stderr, "warden scan: incomplete: %d file(s) or server(s) could not be read or listed (see the report); not a clean result\n", n)
		return 2
	}
	return 0
}

// incomplete counts what the scan could not see.
func incomplete(r *Report) int {
	n := len(r.Errors)
	for _, s := range r.Servers {
		if s.Error != "" {
			n++
		}
	}
	return n
}

// writePins merges the listed servers' hashes into the pins file.
func writePins(path string, old, listed map[string]map[string]string) error {
	if old == nil {
		old = map[string]map[string]string{}
	}
	for k, v := range listed {
		old[k] = v
	}
	b, err := json.MarshalIndent(old, "", "  ")
	if err != nil {
		return err
	}
	// A fresh temporary name beside the file: a predictable one could be
	// a symlink planted in a shared directory.
	f, err := os.CreateTemp(filepath.Dir(filepath.Clean(path)), ".pins-*.tmp")
	if err != nil {
		return fmt.Errorf("writing pins: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a successful rename there is nothing left to remove
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("writing pins: %w", err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("writing pins: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing pins: %w", err)
	}
	if err := os.Rename(tmp, filepath.Clean(path)); err != nil {
		return fmt.Errorf("writing pins: %w", err)
	}
	return nil
}
