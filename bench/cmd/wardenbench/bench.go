package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/warden-mcp/warden/bench/fixture"
	"github.com/warden-mcp/warden/bench/load"
	"github.com/warden-mcp/warden/bench/procstat"
	"github.com/warden-mcp/warden/internal/app"
)

// settings are the benchmark's knobs, recorded with the results.
type settings struct {
	Warden      string        `json:"warden"`
	Out         string        `json:"out"`
	Quick       bool          `json:"quick"`
	Payloads    []int         `json:"payloads"`
	Concurrency []int         `json:"concurrency"`
	Warmup      time.Duration `json:"warmup_ns"`
	Duration    time.Duration `json:"duration_ns"`
	Sessions    int           `json:"idle_sessions"`
	DataDir     string        `json:"data_dir"`
	DataFS      string        `json:"data_dir_filesystem"`
	Keep        bool          `json:"-"`
	Profile     string        `json:"-"`
}

func parseFlags(args []string, stderr io.Writer) (settings, error) {
	fs := flag.NewFlagSet("wardenbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var s settings
	fs.StringVar(&s.Warden, "warden", "bin/warden", "the warden binary to measure")
	fs.StringVar(&s.Out, "out", "bench/results", "directory for the results files")
	fs.BoolVar(&s.Quick, "quick", false, "short cells and 1,000 idle sessions (CI smoke run, under 30 s)")
	payloads := fs.String("payloads", "100,10K,100K", "tool result sizes in bytes (K = 1024)")
	conc := fs.String("concurrency", "1,32", "numbers of concurrent clients")
	fs.DurationVar(&s.Warmup, "warmup", 0, "unrecorded calls before each cell (default 1s, quick 200ms)")
	fs.DurationVar(&s.Duration, "duration", 0, "measured window of each cell (default 4s, quick 600ms)")
	fs.IntVar(&s.Sessions, "sessions", 0, "idle sessions to open for the memory measurement (default 10000, quick 1000; 0 after flags means default, -1 skips)")
	fs.StringVar(&s.DataDir, "data-dir", "", "directory under which each Warden gets its data_dir (default: the run's temporary directory); the audit log fsyncs there on every call, so its disk matters")
	fs.BoolVar(&s.Keep, "keep", false, "keep the temporary directory (configs, logs, data)")
	fs.StringVar(&s.Profile, "profile", "", "write a CPU profile of Warden over each measured cell into this directory (Warden runs with --pprof; profiling costs a little throughput)")
	if err := fs.Parse(args); err != nil {
		return s, err
	}
	if fs.NArg() > 0 {
		return s, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	var err error
	if s.Payloads, err = intList(*payloads); err != nil {
		return s, fmt.Errorf("--payloads: %w", err)
	}
	if s.Concurrency, err = intList(*conc); err != nil {
		return s, fmt.Errorf("--concurrency: %w", err)
	}
	for _, c := range s.Concurrency {
		if c < 1 || c > 1024 {
			return s, fmt.Errorf("--concurrency: %d is not between 1 and 1024", c)
		}
	}
	def := func(d *time.Duration, full, quick time.Duration) {
		if *d == 0 {
			*d = full
			if s.Quick {
				*d = quick
			}
		}
	}
	def(&s.Warmup, time.Second, 200*time.Millisecond)
	def(&s.Duration, 4*time.Second, 600*time.Millisecond)
	if s.Duration < 0 || s.Warmup < 0 || s.Duration > 10*time.Minute || s.Warmup > time.Minute {
		return s, errors.New("--duration must be in (0, 10m] and --warmup in [0, 1m]")
	}
	switch {
	case s.Sessions == 0 && s.Quick:
		s.Sessions = 1000
	case s.Sessions == 0:
		s.Sessions = 10000
	case s.Sessions > 1_000_000:
		return s, errors.New("--sessions: at most 1,000,000")
	}
	return s, nil
}

// Row is one measured cell.
type Row struct {
	Target      string `json:"target"` // direct, warden-guards-off, warden-guards-on
	Protocol    string `json:"protocol"`
	Bytes       int    `json:"bytes"`
	Concurrency int    `json:"concurrency"`
	load.Result `json:"result"`
	// Against the direct row of the same cell.
	AddedP50 time.Duration `json:"added_p50_ns,omitempty"`
	AddedP99 time.Duration `json:"added_p99_ns,omitempty"`
	Ratio    float64       `json:"throughput_vs_direct,omitempty"`
	// Warden's own use over the measured window.
	CPUCores     float64 `json:"warden_cpu_cores,omitempty"` // CPU seconds per second
	CPUPerCall   float64 `json:"warden_cpu_us_per_call,omitempty"`
	RSSPeakBytes int64   `json:"warden_rss_peak_bytes,omitempty"`
	RSSBytes     int64   `json:"warden_rss_bytes,omitempty"`
	PeakNote     string  `json:"peak_note,omitempty"`
}

// Idle is the idle-sessions measurement.
type Idle struct {
	Sessions       int     `json:"sessions"`
	Opened         int     `json:"opened"`
	Error          string  `json:"error,omitempty"`
	BaselineBytes  int64   `json:"baseline_rss_bytes"`
	RSSBytes       int64   `json:"rss_bytes"`
	PeakBytes      int64   `json:"peak_rss_bytes"`
	BytesPerSess   float64 `json:"bytes_per_session"`
	OpenDuration   float64 `json:"open_seconds"`
	SessionsPerSec float64 `json:"sessions_per_second"`
}

// Check is one of the targets.
type Check struct {
	Name   string `json:"name"`
	Want   string `json:"want"`
	Got    string `json:"got"`
	Status string `json:"status"` // met, missed, not evaluated
}

// Results is everything one run wrote.
type Results struct {
	Date           time.Time `json:"date"`
	Command        string    `json:"command"`
	WardenCommands []string  `json:"warden_commands"`
	WardenVersion  string    `json:"warden_version"`
	Machine        Machine   `json:"machine"`
	Settings       settings  `json:"settings"`
	Guards         []string  `json:"guards"`
	GuardsNote     string    `json:"guards_note"`
	Rows           []Row     `json:"rows"`
	Idle           *Idle     `json:"idle,omitempty"`
	Checks         []Check   `json:"checks"`
	Duration       float64   `json:"run_seconds"`
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if _, err := os.Stat(s.Warden); err != nil {
		return fmt.Errorf("the warden binary: %w (build it with go build -o bin/warden ./cmd/warden, or run scripts/bench.sh)", err)
	}
	bin, err := filepath.Abs(s.Warden)
	if err != nil {
		return err
	}
	began := time.Now()
	res := &Results{Date: began.UTC(), Command: shellJoin(os.Args), Settings: s, Guards: app.KnownGuards()}
	res.Machine = machine()
	if v, err := exec.Command(bin, "version").Output(); err == nil {
		res.WardenVersion = strings.TrimSpace(string(v))
	}
	if len(res.Guards) == 0 {
		res.GuardsNote = "This build of Warden has no guard modules yet, so 'guards on' and 'guards off' run the same pipeline (the audit record of every tools/call is written in both). 'Guards on' is the config with no guards key: every guard a later build adds is on by default and will be measured there without changing the benchmark."
	} else {
		res.GuardsNote = "'guards off' sets every guard of this build to false; 'guards on' has no guards key, so every guard is on with its defaults."
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "wardenbench: "+format+"\n", a...) }

	dir, err := os.MkdirTemp("", "wardenbench-")
	if err != nil {
		return fmt.Errorf("creating a temporary directory: %w", err)
	}
	if s.Keep {
		logf("keeping %s", dir)
	} else {
		defer os.RemoveAll(dir)
	}

	up, upURL, err := startUpstream(dir)
	if err != nil {
		return err
	}
	defer up.stop(5 * time.Second)
	logf("upstream at %s (pid %d)", upURL, up.pid())

	dataBase := dir
	if s.DataDir != "" {
		if dataBase, err = os.MkdirTemp(s.DataDir, "wardenbench-data-"); err != nil {
			return fmt.Errorf("creating a directory under --data-dir: %w", err)
		}
		if !s.Keep {
			defer os.RemoveAll(dataBase)
		}
	}
	res.Settings.DataFS = fsType(dataBase)
	maxSessions := max(20000, 2*s.Sessions)
	off, err := startWarden(ctx, bin, dir, dataBase, "guards-off", upURL+fixture.StatefulPath, true, maxSessions, s.Profile != "")
	if err != nil {
		return err
	}
	defer off.stop(10 * time.Second)
	on, err := startWarden(ctx, bin, dir, dataBase, "guards-on", upURL+fixture.StatefulPath, false, maxSessions, s.Profile != "")
	if err != nil {
		return err
	}
	defer on.stop(10 * time.Second)
	// The stateless row's Warden has the fixture's stateless endpoint as
	// its upstream, so that the whole path speaks 2026-07-28, as the
	// direct row does.
	mod, err := startWarden(ctx, bin, dir, dataBase, "guards-on-stateless", upURL+fixture.StatelessPath, false, maxSessions, s.Profile != "")
	if err != nil {
		return err
	}
	defer mod.stop(10 * time.Second)
	res.WardenCommands = []string{shellJoin(off.args), shellJoin(on.args), shellJoin(mod.args)}
	logf("warden guards off at %s (pid %d), guards on at %s (pid %d), stateless upstream at %s (pid %d)",
		off.url, off.pid(), on.url, on.pid(), mod.url, mod.pid())

	type target struct {
		name string
		url  string
		w    *warden
	}
	legacy := []target{
		{"direct", upURL + fixture.StatefulPath, nil},
		{"warden-guards-off", off.url, off},
		{"warden-guards-on", on.url, on},
	}
	stateless := []target{
		{"direct", upURL + fixture.StatelessPath, nil},
		{"warden-guards-on", mod.url, mod},
		// The same client through the main Warden, which bridges it to
		// its legacy session with the stateful endpoint.
		{"warden-guards-on-bridged", on.url, on},
	}
	measure := func(tg target, proto load.Protocol, bytes, conc int) (Row, error) {
		if err := errors.Join(up.exited(), off.exited(), on.exited(), mod.exited()); err != nil {
			return Row{}, err
		}
		t := &load.Target{URL: tg.url, Protocol: proto, Tool: fixture.ToolName, Client: load.NewClient(conc)}
		defer t.Client.CloseIdleConnections()
		row := Row{Target: tg.name, Protocol: proto.String(), Bytes: bytes, Concurrency: conc}
		cell := load.Cell{Workers: conc, Bytes: bytes, Warmup: s.Warmup, Duration: s.Duration}
		var cpu0, cpu1 procstat.CPU
		var probeErr error
		var prof *profiler
		if tg.w != nil {
			pid := tg.w.pid()
			cell.OnStart = func() {
				if err := procstat.ResetPeak(pid); err != nil {
					row.PeakNote = "peak is since Warden started: " + err.Error()
				}
				cpu0, probeErr = procstat.ReadCPU(pid)
				if s.Profile != "" {
					name := fmt.Sprintf("%s-%s-%dB-c%d.pprof", tg.name, proto, bytes, conc)
					prof = startProfile(ctx, tg.w.pprof, s.Duration, filepath.Join(s.Profile, name))
				}
			}
			cell.OnStop = func() {
				var err error
				cpu1, err = procstat.ReadCPU(pid)
				probeErr = errors.Join(probeErr, err)
				if prof != nil {
					probeErr = errors.Join(probeErr, prof.wait())
				}
			}
		}
		r, err := load.Run(ctx, t, cell)
		if err != nil {
			return row, fmt.Errorf("%s %s %d B x%d: %w", tg.name, proto, bytes, conc, err)
		}
		row.Result = r
		if tg.w != nil {
			if probeErr != nil {
				return row, probeErr
			}
			used := cpu1.Total() - cpu0.Total()
			row.CPUCores = used.Seconds() / r.Elapsed.Seconds()
			if r.Requests > 0 {
				row.CPUPerCall = float64(used.Microseconds()) / float64(r.Requests)
			}
			m, err := procstat.ReadMemory(tg.w.pid())
			if err != nil {
				return row, err
			}
			row.RSSPeakBytes, row.RSSBytes = m.Peak, m.RSS
		}
		logf("%-18s %-20s %6d B x%-3d %8.0f req/s  p50 %7.3f ms  p99 %7.3f ms  errors %d",
			tg.name, proto, bytes, conc, r.Throughput, ms(r.Latency.P50), ms(r.Latency.P99), r.Errors)
		return row, nil
	}
	matrix := func(tgs []target, proto load.Protocol, bytes, conc int) error {
		var direct Row
		for _, tg := range tgs {
			row, err := measure(tg, proto, bytes, conc)
			if err != nil {
				return err
			}
			if tg.w == nil {
				direct = row
			} else {
				row.AddedP50 = row.Latency.P50 - direct.Latency.P50
				row.AddedP99 = row.Latency.P99 - direct.Latency.P99
				if direct.Result.Throughput > 0 {
					row.Ratio = row.Result.Throughput / direct.Result.Throughput
				}
			}
			res.Rows = append(res.Rows, row)
		}
		return nil
	}
	for _, b := range s.Payloads {
		for _, c := range s.Concurrency {
			if err := matrix(legacy, load.Legacy, b, c); err != nil {
				return err
			}
		}
	}
	for _, c := range s.Concurrency {
		if err := matrix(stateless, load.Stateless, s.Payloads[0], c); err != nil {
			return err
		}
	}
	off.stop(10 * time.Second)
	on.stop(10 * time.Second)
	mod.stop(10 * time.Second)

	if s.Sessions > 0 {
		idle, err := measureIdle(ctx, bin, dir, dataBase, upURL+fixture.StatefulPath, s.Sessions, maxSessions, logf)
		if err != nil {
			return err
		}
		res.Idle = idle
	}
	res.Machine.LoadAvgEnd = loadAvg()
	res.Checks = checks(res, s)
	res.Duration = time.Since(began).Seconds()

	md, js, err := writeResults(res, s.Out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "results: %s and %s\n", md, js)
	for _, c := range res.Checks {
		fmt.Fprintf(stdout, "%-60s %-14s %s\n", c.Name, c.Status, c.Got)
	}
	var errs int
	for _, r := range res.Rows {
		errs += r.Errors
	}
	if errs > 0 {
		return fmt.Errorf("%d calls failed; see the errors column of %s", errs, md)
	}
	if res.Idle != nil && res.Idle.Error != "" {
		return fmt.Errorf("opening idle sessions failed: %s", res.Idle.Error)
	}
	return nil
}

// measureIdle opens n sessions on a fresh Warden (guards on) and reports
// its RSS.
func measureIdle(ctx context.Context, bin, dir, dataBase, upstream string, n, maxSessions int, logf func(string, ...any)) (*Idle, error) {
	w, err := startWarden(ctx, bin, dir, dataBase, "idle", upstream, false, maxSessions, false)
	if err != nil {
		return nil, err
	}
	defer w.stop(10 * time.Second)
	// One session first, so the upstream connection is up and counted in
	// the baseline.
	t := &load.Target{URL: w.url, Protocol: load.Legacy, Tool: fixture.ToolName, Client: load.NewClient(8)}
	defer t.Client.CloseIdleConnections()
	if _, err := load.OpenIdle(ctx, t, 1, 1); err != nil {
		return nil, fmt.Errorf("opening the first idle session: %w", err)
	}
	time.Sleep(200 * time.Millisecond)
	base, err := procstat.ReadMemory(w.pid())
	if err != nil {
		return nil, err
	}
	start := time.Now()
	octx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	opened, oerr := load.OpenIdle(octx, t, n-1, 8)
	opened++
	took := time.Since(start)
	time.Sleep(time.Second) // let the last responses and their garbage settle
	m, err := procstat.ReadMemory(w.pid())
	if err != nil {
		return nil, err
	}
	idle := &Idle{Sessions: n, Opened: opened, BaselineBytes: base.RSS, RSSBytes: m.RSS, PeakBytes: m.Peak,
		OpenDuration: took.Seconds(), SessionsPerSec: float64(opened) / took.Seconds()}
	if opened > 1 {
		idle.BytesPerSess = float64(m.RSS-base.RSS) / float64(opened-1)
	}
	if oerr != nil {
		idle.Error = oerr.Error()
	}
	logf("idle: %d sessions open, RSS %.1f MiB (baseline %.1f MiB, peak %.1f MiB), %.0f sessions/s",
		opened, mib(m.RSS), mib(base.RSS), mib(m.Peak), idle.SessionsPerSec)
	return idle, nil
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }
func mib(b int64) float64        { return float64(b) / (1 << 20) }

// checks evaluates the targets against the results.
func checks(res *Results, s settings) []Check {
	var out []Check
	note := ""
	if res.Machine.CPUs != 2 {
		note = fmt.Sprintf(" (the target is for 2 cores; this machine has %d)", res.Machine.CPUs)
	}
	find := func(target string, bytes, conc int) *Row {
		for i := range res.Rows {
			r := &res.Rows[i]
			if r.Target == target && r.Protocol == load.Legacy.String() && r.Bytes == bytes && r.Concurrency == conc {
				return r
			}
		}
		return nil
	}
	status := func(ok bool) string {
		if ok {
			return "met" + note
		}
		return "missed" + note
	}
	for _, c := range s.Concurrency {
		name := fmt.Sprintf("throughput, guards on, 100 B, concurrency %d", c)
		r := find("warden-guards-on", 100, c)
		if r == nil {
			out = append(out, Check{Name: name, Want: ">= 75% of direct", Status: "not evaluated (no such cell)"})
			continue
		}
		out = append(out, Check{Name: name, Want: ">= 75% of direct",
			Got: fmt.Sprintf("%.0f%% (%.0f req/s)", 100*r.Ratio, r.Result.Throughput), Status: status(r.Ratio >= 0.75)})
	}
	if r := find("warden-guards-on", 100, 1); r != nil {
		out = append(out, Check{Name: "added p50 latency, guards on, 100 B, concurrency 1", Want: "< 0.200 ms",
			Got: fmt.Sprintf("%.3f ms", ms(r.AddedP50)), Status: status(r.AddedP50 < 200*time.Microsecond)})
	} else {
		out = append(out, Check{Name: "added p50 latency, guards on, 100 B, concurrency 1", Want: "< 0.200 ms", Status: "not evaluated (no such cell)"})
	}
	c := Check{Name: "RSS with 10,000 idle sessions", Want: "< 200 MiB"}
	switch {
	case res.Idle == nil:
		c.Status = "not evaluated (skipped)"
	case res.Idle.Opened < 10000:
		c.Got = fmt.Sprintf("%.1f MiB with %d sessions", mib(res.Idle.RSSBytes), res.Idle.Opened)
		c.Status = "not evaluated (fewer than 10,000 sessions)"
	default:
		c.Got = fmt.Sprintf("%.1f MiB", mib(res.Idle.RSSBytes))
		c.Status = status(res.Idle.RSSBytes < 200<<20)
	}
	out = append(out, c)
	return out
}

// shellJoin quotes args for a POSIX shell.
func shellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a != "" && strings.IndexFunc(a, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r))
		}) < 0 {
			q[i] = a
		} else {
			q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(q, " ")
}
