package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// profiler fetches one CPU profile from a Warden's --pprof endpoint,
// covering a measured window.
type profiler struct {
	done chan error
}

func startProfile(ctx context.Context, addr string, window time.Duration, out string) *profiler {
	p := &profiler{done: make(chan error, 1)}
	secs := int(math.Ceil(window.Seconds()))
	go func() { p.done <- fetchProfile(ctx, addr, secs, out) }()
	return p
}

func (p *profiler) wait() error { return <-p.done }

func fetchProfile(ctx context.Context, addr string, secs int, out string) error {
	url := fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, secs)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("fetching a CPU profile: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetching a CPU profile: status %d", resp.StatusCode)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return f.Close()
}
