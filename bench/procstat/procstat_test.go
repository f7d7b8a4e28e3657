package procstat

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseStat(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		user, sys time.Duration
		ok        bool
	}{
		{"plain", "1234 (warden) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 8 0 100 0 0", 2500 * time.Millisecond, 750 * time.Millisecond, true},
		{"name with spaces and parens", "7 (a) b) (c) R 1 7 7 0 -1 0 0 0 0 0 3 4 0 0", 30 * time.Millisecond, 40 * time.Millisecond, true},
		{"too short", "7 (x) R 1 2 3", 0, 0, false},
		{"no name", "7 x R 1 2 3 4 5 6 7 8 9 10 11 12 13", 0, 0, false},
		{"not a number", "7 (x) R 1 7 7 0 -1 0 0 0 0 0 u 4 0 0", 0, 0, false},
		{"negative", "7 (x) R 1 7 7 0 -1 0 0 0 0 0 -3 4 0 0", 0, 0, false},
		{"overflow", "7 (x) R 1 7 7 0 -1 0 0 0 0 0 9223372036854775807 4 0 0", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseStat([]byte(tt.in))
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok=%v", err, tt.ok)
			}
			if c.User != tt.user || c.System != tt.sys {
				t.Fatalf("got %+v, want user %v system %v", c, tt.user, tt.sys)
			}
		})
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		rss, peak int64
		ok        bool
	}{
		{"both", "Name:\twarden\nVmHWM:\t   20480 kB\nVmRSS:\t   10240 kB\nThreads:\t8\n", 10 << 20, 20 << 20, true},
		{"kernel thread", "Name:\tkthreadd\nThreads:\t1\n", 0, 0, false},
		{"bad unit", "VmHWM:\t1 MB\nVmRSS:\t1 kB\n", 0, 0, false},
		{"bad number", "VmHWM:\tx kB\nVmRSS:\t1 kB\n", 0, 0, false},
		{"huge", "VmHWM:\t99999999999999999 kB\nVmRSS:\t1 kB\n", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseStatus([]byte(tt.in))
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok=%v", err, tt.ok)
			}
			if tt.ok && (m.RSS != tt.rss || m.Peak != tt.peak) {
				t.Fatalf("got %+v, want rss %d peak %d", m, tt.rss, tt.peak)
			}
		})
	}
}

func FuzzParseStat(f *testing.F) {
	f.Add([]byte("1 (x) S 1 1 1 0 -1 0 0 0 0 0 5 6 0 0"))
	f.Add([]byte("1 ()) S"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseStat(b)
		if err == nil && (c.User < 0 || c.System < 0) {
			t.Fatalf("negative CPU time %+v from %q", c, b)
		}
	})
}

func FuzzParseStatus(f *testing.F) {
	f.Add([]byte("VmHWM:\t2 kB\nVmRSS:\t1 kB\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseStatus(b)
		if err == nil && (m.RSS < 0 || m.Peak < 0) {
			t.Fatalf("negative size %+v from %q", m, b)
		}
	})
}

// TestSelf reads this test process, which certainly has used memory.
func TestSelf(t *testing.T) {
	buf := make([]byte, 8<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	m, err := ReadMemory(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if m.RSS < 8<<20 || m.Peak < m.RSS {
		t.Fatalf("implausible memory %+v after touching 8 MiB", m)
	}
	spin := time.Now().Add(30 * time.Millisecond)
	for time.Now().Before(spin) {
	}
	c, err := ReadCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if c.Total() <= 0 {
		t.Fatalf("no CPU time after spinning: %+v", c)
	}
	if err := ResetPeak(os.Getpid()); err != nil {
		if errors.Is(err, fs.ErrPermission) || strings.Contains(err.Error(), "read-only") {
			t.Skipf("this kernel or sandbox refuses clear_refs: %v", err)
		}
		t.Fatal(err)
	}
	if _, err := ReadCPU(1 << 30); err == nil {
		t.Fatal("reading a process that cannot exist succeeded")
	}
	_ = buf[len(buf)-1]
}
