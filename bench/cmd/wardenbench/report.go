package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// writeResults writes DATE.md and DATE.json under dir.
func writeResults(res *Results, dir string) (md, js string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("creating %s: %w", dir, err)
	}
	base := res.Date.Format("2006-01-02T150405Z")
	if res.Settings.Quick {
		base += "-quick"
	}
	md = filepath.Join(dir, base+".md")
	js = filepath.Join(dir, base+".json")
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return "", "", fmt.Errorf("encoding the results: %w", err)
	}
	if err := os.WriteFile(js, append(b, '\n'), 0o644); err != nil {
		return "", "", fmt.Errorf("writing %s: %w", js, err)
	}
	if err := os.WriteFile(md, []byte(markdown(res)), 0o644); err != nil {
		return "", "", fmt.Errorf("writing %s: %w", md, err)
	}
	return md, js, nil
}

func size(b int) string {
	switch {
	case b >= 1024 && b%1024 == 0:
		return fmt.Sprintf("%d KiB", b/1024)
	default:
		return fmt.Sprintf("%d B", b)
	}
}

func markdown(res *Results) string {
	var b strings.Builder
	m := res.Machine
	fmt.Fprintf(&b, "# Warden benchmark, %s\n\n", res.Date.Format("2006-01-02 15:04:05 UTC"))
	fmt.Fprintf(&b, "Command:\n\n```\n%s\n```\n\n", res.Command)
	fmt.Fprintf(&b, "Warden: `%s`, started as:\n\n```\n%s\n```\n\n", res.WardenVersion, strings.Join(res.WardenCommands, "\n"))
	fmt.Fprintf(&b, "Machine: %d CPUs (nproc), %s, %.1f GiB RAM, %s, Linux %s, %s. Load average %s at the start, %s at the end.\n\n",
		m.CPUs, m.CPUModel, float64(m.MemoryBytes)/(1<<30), m.GoVersion, m.Kernel, m.OSArch, m.LoadAvgStart, m.LoadAvgEnd)
	s := res.Settings
	fmt.Fprintf(&b, "Each cell: %s warm-up, %s measured; every worker holds its own session and calls back to back. Upstream: the go-sdk fixture (tool `payload`) in its own process, JSON responses. Warden's CPU is utime+stime over the measured window (cores = CPU seconds per second), its memory VmHWM (peak, reset before each cell) and VmRSS after it.\n\n", s.Warmup, s.Duration)
	fmt.Fprintf(&b, "Warden's data_dir (SQLite audit log, fsync per commit) is on %s.\n\n", s.DataFS)
	fmt.Fprintf(&b, "Guards: %s. %s\n\n", listOr(res.Guards, "none in this build"), res.GuardsNote)

	b.WriteString("## Targets\n\n| target | want | got | status |\n|---|---|---|---|\n")
	for _, c := range res.Checks {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.Name, c.Want, c.Got, c.Status)
	}
	b.WriteString("\n## tools/call round trips\n\n")
	b.WriteString("| protocol | payload | clients | target | req/s | vs direct | p50 ms | p99 ms | added p50 ms | added p99 ms | Warden CPU cores | Warden CPU µs/call | Warden RSS peak MiB | RSS MiB | errors |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range res.Rows {
		vs, a50, a99, cpu, per, peak, rss := "", "", "", "", "", "", ""
		if r.Target != "direct" {
			vs = fmt.Sprintf("%.0f%%", 100*r.Ratio)
			a50 = fmt.Sprintf("%+.3f", ms(r.AddedP50))
			a99 = fmt.Sprintf("%+.3f", ms(r.AddedP99))
			cpu = fmt.Sprintf("%.2f", r.CPUCores)
			per = fmt.Sprintf("%.0f", r.CPUPerCall)
			peak = fmt.Sprintf("%.1f", mib(r.RSSPeakBytes))
			rss = fmt.Sprintf("%.1f", mib(r.RSSBytes))
		}
		proto := "legacy"
		if strings.HasPrefix(r.Protocol, "stateless") {
			proto = "stateless"
		}
		errs := fmt.Sprint(r.Errors)
		if r.FirstError != "" {
			errs += ": " + strings.ReplaceAll(r.FirstError, "|", "\\|")
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %.0f | %s | %.3f | %.3f | %s | %s | %s | %s | %s | %s | %s |\n",
			proto, size(r.Bytes), r.Concurrency, r.Target, r.Result.Throughput, vs,
			ms(r.Latency.P50), ms(r.Latency.P99), a50, a99, cpu, per, peak, rss, errs)
	}
	b.WriteString("\nlegacy = 2025-11-25 sessions (initialize once per client, then Mcp-Session-Id); stateless = 2026-07-28 requests with `_meta` and the MCP-Protocol-Version, Mcp-Method and Mcp-Name headers (the direct row goes to the fixture's stateless endpoint, and the Warden row goes through a Warden whose upstream is that same endpoint, so both paths speak 2026-07-28 end to end; the warden-guards-on-bridged row sends the same requests through the main Warden, which bridges them to its legacy session with the stateful endpoint).\n")
	if i := res.Idle; i != nil {
		b.WriteString("\n## Idle sessions\n\n")
		fmt.Fprintf(&b, "A fresh Warden (guards on); %d legacy sessions opened (initialize + notifications/initialized, no GET stream) by 8 clients in %.1f s (%.0f/s).\n\n",
			i.Opened, i.OpenDuration, i.SessionsPerSec)
		fmt.Fprintf(&b, "| sessions | RSS MiB | baseline RSS MiB | peak RSS MiB | KiB per session |\n|---|---|---|---|---|\n| %d | %.1f | %.1f | %.1f | %.1f |\n",
			i.Opened, mib(i.RSSBytes), mib(i.BaselineBytes), mib(i.PeakBytes), i.BytesPerSess/1024)
		if i.Error != "" {
			fmt.Fprintf(&b, "\nOpening sessions failed: %s\n", i.Error)
		}
	}
	fmt.Fprintf(&b, "\nWhole run: %.0f s.\n", res.Duration)
	return b.String()
}

func listOr(l []string, empty string) string {
	if len(l) == 0 {
		return empty
	}
	return strings.Join(l, ", ")
}
