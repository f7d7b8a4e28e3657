// Package procstat reads a Linux process's CPU time and memory from /proc,
// for the benchmarks to charge a proxy with what it used during a run.
package procstat

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// ClockTick is USER_HZ, the unit of utime and stime in /proc/PID/stat. It
// is 100 on every Linux architecture Go supports.
const ClockTick = 100

// CPU is a process's accumulated CPU time.
type CPU struct {
	User, System time.Duration
}

// Total is user plus system time.
func (c CPU) Total() time.Duration { return c.User + c.System }

// Memory is a process's resident set: now and at its peak.
type Memory struct {
	RSS  int64 `json:"rss_bytes"`  // VmRSS
	Peak int64 `json:"peak_bytes"` // VmHWM
}

// ReadCPU reads /proc/PID/stat.
func ReadCPU(pid int) (CPU, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return CPU{}, fmt.Errorf("reading CPU time of process %d: %w", pid, err)
	}
	return ParseStat(b)
}

// ParseStat parses the contents of /proc/PID/stat. The command name (field
// 2) is in parentheses and may itself contain spaces and parentheses, so
// fields are counted from the last ')'.
func ParseStat(b []byte) (CPU, error) {
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return CPU{}, errors.New("parsing /proc stat: no ')' after the command name")
	}
	f := bytes.Fields(b[i+1:])
	// After the name: state(3) ... utime(14) stime(15), so indexes 11 and 12.
	if len(f) < 13 {
		return CPU{}, fmt.Errorf("parsing /proc stat: %d fields after the command name, want at least 13", len(f))
	}
	u, err1 := strconv.ParseUint(string(f[11]), 10, 63)
	s, err2 := strconv.ParseUint(string(f[12]), 10, 63)
	if err := errors.Join(err1, err2); err != nil {
		return CPU{}, fmt.Errorf("parsing /proc stat utime/stime: %w", err)
	}
	const tick = time.Second / ClockTick
	if u > uint64(1<<62)/uint64(tick) || s > uint64(1<<62)/uint64(tick) {
		return CPU{}, errors.New("parsing /proc stat: CPU time out of range")
	}
	return CPU{User: time.Duration(u) * tick, System: time.Duration(s) * tick}, nil
}

// ReadMemory reads VmRSS and VmHWM from /proc/PID/status.
func ReadMemory(pid int) (Memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, fmt.Errorf("reading memory of process %d: %w", pid, err)
	}
	return ParseStatus(b)
}

// ParseStatus parses VmRSS and VmHWM (in kB) from /proc/PID/status.
func ParseStatus(b []byte) (Memory, error) {
	var m Memory
	var seen int
	for line := range bytes.Lines(b) {
		key, val, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		var dst *int64
		switch string(key) {
		case "VmRSS":
			dst = &m.RSS
		case "VmHWM":
			dst = &m.Peak
		default:
			continue
		}
		f := bytes.Fields(val)
		if len(f) != 2 || string(f[1]) != "kB" {
			return Memory{}, fmt.Errorf("parsing /proc status %s: unexpected value %q", key, bytes.TrimSpace(val))
		}
		kb, err := strconv.ParseInt(string(f[0]), 10, 64)
		if err != nil || kb < 0 || kb > 1<<40 {
			return Memory{}, fmt.Errorf("parsing /proc status %s: bad size %q", key, f[0])
		}
		*dst = kb << 10
		seen++
	}
	if m.RSS == 0 && m.Peak == 0 && seen < 2 {
		return Memory{}, errors.New("parsing /proc status: no VmRSS and VmHWM lines")
	}
	return m, nil
}

// ResetPeak resets the process's VmHWM to its current RSS (writing 5 to
// /proc/PID/clear_refs, Linux 4.0+), so that the next peak read covers
// only what follows.
func ResetPeak(pid int) error {
	if err := os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0); err != nil {
		return fmt.Errorf("resetting the peak RSS of process %d: %w", pid, err)
	}
	return nil
}
