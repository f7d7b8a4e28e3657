package main

import (
	"bytes"
	"log/slog"
	"net/http"
	"regexp"
	"testing"
)

// The profiling endpoint is loopback-only, and so must be the names it
// answers to: a web page that rebinds its own name to 127.0.0.1 would
// otherwise read the command line and goroutine stacks, or start CPU
// profiles at will. A non-loopback address is refused outright.
func TestPprofLoopbackOnly(t *testing.T) {
	if _, err := servePprof("0.0.0.0:0", slog.New(slog.DiscardHandler)); err == nil {
		t.Fatal("--pprof 0.0.0.0:0 accepted")
	}
	var logs bytes.Buffer
	stop, err := servePprof("127.0.0.1:0", slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	m := regexp.MustCompile(`url=(http://\S+)`).FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no URL logged: %s", logs.String())
	}
	for _, c := range []struct {
		host string
		code int
	}{
		{"evil.example:6060", http.StatusForbidden},
		{"127.0.0.1.nip.io", http.StatusForbidden},
		{"localhost:6060", http.StatusOK},
		{"127.0.0.1", http.StatusOK},
	} {
		req, _ := http.NewRequest(http.MethodGet, m[1]+"cmdline", nil)
		req.Host = c.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.code {
			t.Errorf("Host %s: %d, want %d", c.host, resp.StatusCode, c.code)
		}
	}
}
