package main

import (
	"regexp"
	"testing"

	"github.com/warden-mcp/warden/internal/config"
)

func TestWrappedName(t *testing.T) {
	valid := regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`) // config's upstream names
	cases := []struct {
		cmd  []string
		want string
	}{
		{[]string{"npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp"}, "server-filesystem"},
		{[]string{"npx", "-y", "@modelcontextprotocol/server-github@2025.4.8"}, "server-github"},
		{[]string{"uvx", "mcp-server-fetch"}, "mcp-server-fetch"},
		{[]string{"uv", "run", "mcp_server_time"}, "mcp-server-time"},
		{[]string{"npx", "npm:some-pkg@1.0.0"}, "some-pkg"},
		{[]string{"python3", "-m", "mcp_server_git", "--repository", "/src"}, "mcp-server-git"},
		{[]string{"node", "/opt/servers/weather/build/index.js"}, "index"},
		{[]string{"/usr/local/bin/My Server.exe"}, "my-server"},
		{[]string{"docker", "run", "-i", "--rm", "ghcr.io/github/github-mcp-server:latest"}, "github-mcp-server"},
		{[]string{"deno", "run", "-A", "jsr:@scope/pkg"}, "pkg"},
		{[]string{"npx", "-y", "--", "--"}, "wrapped"},
		{[]string{"npx", "@@@"}, "wrapped"},
		{[]string{"./a-very-long-server-name-that-goes-on-and-on-forever"}, "a-very-long-server-name-that-goe"},
	}
	for _, c := range cases {
		got := wrappedName(c.cmd)
		if got != c.want {
			t.Errorf("wrappedName(%q) = %q, want %q", c.cmd, got, c.want)
		}
		if !valid.MatchString(got) {
			t.Errorf("wrappedName(%q) = %q: not a valid upstream name", c.cmd, got)
		}
	}
}

// Without a config file the wrapped server is named for itself, not after
// the built-in configuration's example upstream; with one, a config's
// single upstream lends its name.
func TestWrappedUpstreamName(t *testing.T) {
	cmd := []string{"npx", "-y", "@modelcontextprotocol/server-memory"}
	if got := wrappedUpstream(config.Default(), cmd, false).Name; got != "server-memory" {
		t.Errorf("without a config file: %q", got)
	}
	cfg := config.Default()
	cfg.Upstreams[0].Name = "notes"
	if got := wrappedUpstream(cfg, cmd, true).Name; got != "notes" {
		t.Errorf("with a config file: %q", got)
	}
}
