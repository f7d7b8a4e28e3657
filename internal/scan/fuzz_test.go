package scan

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// FuzzStripJSONC: the comment and trailing-comma stripper in front of every
// JSON configuration. It must not panic, must keep every line break (the
// line numbers of findings depend on it), and must leave plain JSON as is.
func FuzzStripJSONC(f *testing.F) {
	for _, s := range []string{`{"a":1}`, "{\n// c \"x\n\"a\": [1,2,],\n}", "/* unterminated", `{"s":"\"//\\"}`, "/*\n*/\n,", `"\`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out := stripJSONC(data)
		if bytes.Count(out, []byte{'\n'}) != bytes.Count(data, []byte{'\n'}) {
			t.Fatalf("line breaks changed: %q -> %q", data, out)
		}
		if json.Valid(data) && !bytes.Equal(out, data) {
			t.Fatalf("valid JSON changed: %q -> %q", data, out)
		}
	})
}

// FuzzParseYAML: Goose and Continue configurations, read as yaml.Node trees
// with aliases followed by hand. Any input ends, quickly, without a panic.
func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{
		"extensions:\n  a: &x {cmd: npx, args: [-y, p], envs: {K: v}}\n  b: *x\n",
		"a: &a [*a]\nextensions: {x: {cmd: *a, args: *a}}\nmcpServers: *a\n",
		"mcpServers:\n  - name: a\n    command: uvx\n    args: [p]\n    requestOptions: {headers: {H: v}}\n",
		"a: &a {b: &b [*a, *a], c: *b}\nextensions: {x: *a, y: *a}\n",
		"experimental:\n  modelContextProtocolServers:\n    - transport: {type: stdio, command: c}\n",
		`{"command": "npx", "args": ["-y", "p"]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			for _, format := range []string{"goose", "continue"} {
				servers, _ := ParseConfig(Location{Client: "x", Path: "/c/block.yaml", Format: format}, data)
				for _, s := range servers {
					launchFindings(s)
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("YAML walk hangs on %q", data)
		}
	})
}

// FuzzLaunchChecks: invocations parses command lines (cmd /c, env, sh -c
// scripts) and the package checks parse their arguments; neither may panic
// or fail to end on any argument list.
func FuzzLaunchChecks(f *testing.F) {
	for _, s := range []string{
		"cmd\x00/c\x00npx -y p", "env\x00-S\x00npx -y p", "bash\x00-lc\x00cd x && exec npx -y p | sh",
		"docker\x00run\x00-v\x00/:/h\x00--mount\x00type=bind,src=/\x00--cap-add=ALL\x00img",
		"uvx\x00--from\x00git+https://h/r@main\x00t", "npm\x00exec\x00--\x00p@1", "deno\x00run\x00https://x/m.ts",
		"sh\x00-c\x00curl -o f https://x && ./f", "docker\x00run\x00-v\x00C:\\:/h\x00i",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		argv := strings.Split(line, "\x00")
		for _, f := range launchFindings(Server{Name: "s", Command: argv[0], Args: argv[1:]}) {
			for _, e := range f.Evidence {
				if e.Start < 0 || e.End < e.Start {
					t.Fatalf("%q: evidence %+v", argv, e)
				}
			}
		}
	})
}
