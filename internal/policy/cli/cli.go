// Package cli implements `warden policy test` and `warden policy explain`,
// the tools for people who write policies. The warden command wires
// RunCLI in as its "policy" subcommand.
package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
	guardpolicy "github.com/warden-mcp/warden/internal/guard/policy"
	"github.com/warden-mcp/warden/internal/policy"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitFailed = 1 // a test case failed
	ExitUsage  = 2 // bad arguments, unreadable or invalid files
)

const maxFile = 4 << 20

// Case is one table-driven test case, and the shape of a request for
// explain.
type Case struct {
	Name      string         `yaml:"name"`
	Principal Principal      `yaml:"principal"`
	Client    Client         `yaml:"client"`
	Server    string         `yaml:"server"`
	Method    string         `yaml:"method"`
	Kind      string         `yaml:"kind"`
	Tool      string         `yaml:"tool"`
	ToolDef   map[string]any `yaml:"tool_def"`
	Arguments map[string]any `yaml:"arguments"`
	Labels    []string       `yaml:"labels"`
	Calls     map[string]int `yaml:"calls"`
	Time      string         `yaml:"time"`
	// Expect is allow, deny, require_approval; Rule optionally names the
	// deciding rule; Listed optionally says whether the item is listed.
	Expect string `yaml:"expect"`
	Rule   string `yaml:"rule"`
	Listed *bool  `yaml:"listed"`
}

// Principal is a case's caller.
type Principal struct {
	Issuer   string         `yaml:"issuer"`
	Subject  string         `yaml:"subject"`
	ClientID string         `yaml:"client_id"`
	Groups   []string       `yaml:"groups"`
	Scopes   []string       `yaml:"scopes"`
	Claims   map[string]any `yaml:"claims"`
}

// Client is a case's MCP client.
type Client struct {
	Name    string `yaml:"name"`
	Version string `yaml:"version"`
}

// Suite is a test file.
type Suite struct {
	// Policy is a policy file; Config a Warden configuration whose
	// guards.policy block is tested. Relative to the test file.
	Policy string `yaml:"policy"`
	Config string `yaml:"config"`
	Cases  []Case `yaml:"cases"`
}

// RunCLI runs `warden policy ARGS...` and returns the exit code.
func RunCLI(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "test":
		return runTest(ctx, args[1:], stdout, stderr)
	case "explain":
		return runExplain(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		usage(stdout)
		return ExitOK
	}
	fmt.Fprintf(stderr, "warden policy: unknown command %q\n", args[0])
	usage(stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage:
  warden policy test FILE...          run table-driven policy tests (YAML); exit 1 if any fails
  warden policy explain [flags]       show each rule's result for one request
      -policy FILE | -config FILE     the policy file, or a Warden config with guards.policy
      -request FILE                   the request as YAML (same fields as a test case), or:
      -server S -tool T -method M -subject U -groups a,b -args '{"json":1}'
`)
}

func runTest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "warden policy test: name at least one test file")
		return ExitUsage
	}
	passed, failed := 0, 0
	for _, path := range args {
		var suite Suite
		if err := readYAML(path, &suite); err != nil {
			fmt.Fprintf(stderr, "warden policy test: %v\n", err)
			return ExitUsage
		}
		set, err := loadSet(filepath.Dir(path), suite.Policy, suite.Config)
		if err != nil {
			fmt.Fprintf(stderr, "warden policy test: %s: %v\n", path, err)
			return ExitUsage
		}
		if len(suite.Cases) == 0 {
			fmt.Fprintf(stderr, "warden policy test: %s has no cases\n", path)
			return ExitUsage
		}
		for i, c := range suite.Cases {
			name := c.Name
			if name == "" {
				name = fmt.Sprintf("cases[%d]", i)
			}
			if problems := check(ctx, set, c); len(problems) > 0 {
				failed++
				fmt.Fprintf(stdout, "FAIL %s: %s: %s\n", path, name, strings.Join(problems, "; "))
			} else {
				passed++
				fmt.Fprintf(stdout, "ok   %s: %s\n", path, name)
			}
		}
	}
	fmt.Fprintf(stdout, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

func check(ctx context.Context, set *policy.Set, c Case) []string {
	in, err := c.input()
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	if c.Expect == "" && c.Listed == nil {
		return []string{"case has neither expect nor listed"}
	}
	d := set.Decide(ctx, in)
	if c.Expect != "" && string(d.Action) != c.Expect {
		out = append(out, fmt.Sprintf("got %s by rule %s (%s), want %s", d.Action, d.Rule, d.Message, c.Expect))
	}
	if c.Rule != "" && d.Rule != c.Rule {
		out = append(out, fmt.Sprintf("decided by rule %s, want %s", d.Rule, c.Rule))
	}
	if c.Listed != nil {
		li := *in
		li.Arguments = nil
		if vis, rule := set.Visible(ctx, &li); vis != *c.Listed {
			out = append(out, fmt.Sprintf("listed=%v (rule %s), want listed=%v", vis, rule, *c.Listed))
		}
	}
	return out
}

func (c Case) input() (*policy.Input, error) {
	in := &policy.Input{
		Principal: &guard.Principal{Issuer: c.Principal.Issuer, Subject: c.Principal.Subject, ClientID: c.Principal.ClientID,
			Groups: c.Principal.Groups, Scopes: c.Principal.Scopes},
		ClientName: c.Client.Name, ClientVersion: c.Client.Version,
		Server: c.Server, Method: c.Method, Kind: c.Kind, Name: c.Tool, Labels: c.Labels,
		SessionID: "policy-test",
	}
	if in.Method == "" {
		in.Method = "tools/call"
	}
	if in.Kind == "" {
		in.Kind = map[string]string{"tools/call": "tool", "prompts/get": "prompt", "resources/read": "resource"}[in.Method]
	}
	// Arguments and claims go through JSON so numbers look as they do on
	// the wire (doubles), exactly as the guard sees them.
	var err error
	if in.Arguments, err = viaJSON(c.Arguments); err != nil {
		return nil, fmt.Errorf("arguments: %w", err)
	}
	if in.Principal.Claims, err = viaJSON(c.Principal.Claims); err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	if c.ToolDef != nil {
		b, err := json.Marshal(c.ToolDef)
		if err != nil {
			return nil, fmt.Errorf("tool_def: %w", err)
		}
		in.Tool = b
	}
	if len(c.Calls) > 0 {
		in.Calls = map[string]int64{}
		for k, v := range c.Calls {
			in.Calls[k] = int64(v)
		}
	}
	if c.Time != "" {
		t, err := time.Parse(time.RFC3339, c.Time)
		if err != nil {
			return nil, fmt.Errorf("time: %w", err)
		}
		in.Time = t
	}
	return in, nil
}

func viaJSON(m map[string]any) (map[string]any, error) {
	if m == nil {
		return map[string]any{}, nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, json.Unmarshal(b, &out)
}

func loadSet(dir, policyFile, configFile string) (*policy.Set, error) {
	rel := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	switch {
	case policyFile != "" && configFile != "":
		return nil, errors.New("give policy or config, not both")
	case policyFile != "":
		return policy.LoadFile(rel(policyFile), policy.Options{})
	case configFile != "":
		cfg, err := config.Load(rel(configFile))
		if err != nil {
			return nil, err
		}
		return guardpolicy.Load(cfg.Guard(guardpolicy.Name), guardpolicy.Options{})
	}
	return nil, errors.New("no policy: set policy: FILE or config: FILE")
}

func readYAML(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if len(data) > maxFile {
		return fmt.Errorf("%s is larger than %d bytes", path, maxFile)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func runExplain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("warden policy explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	policyFile := fs.String("policy", "", "policy file")
	configFile := fs.String("config", "", "Warden configuration file")
	reqFile := fs.String("request", "", "request as YAML")
	server := fs.String("server", "", "server name")
	tool := fs.String("tool", "", "tool, prompt name or resource URI")
	method := fs.String("method", "tools/call", "method")
	subject := fs.String("subject", "", "principal subject")
	groups := fs.String("groups", "", "principal groups, comma-separated")
	argsJSON := fs.String("args", "", "arguments as a JSON object")
	at := fs.String("time", "", "evaluate at this instant (RFC 3339), not now: rules that read the clock")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	set, err := loadSet(".", *policyFile, *configFile)
	if err != nil {
		fmt.Fprintf(stderr, "warden policy explain: %v\n", err)
		return ExitUsage
	}
	var c Case
	if *reqFile != "" {
		if err := readYAML(*reqFile, &c); err != nil {
			fmt.Fprintf(stderr, "warden policy explain: %v\n", err)
			return ExitUsage
		}
	} else {
		c = Case{Server: *server, Tool: *tool, Method: *method, Principal: Principal{Subject: *subject}}
		if *groups != "" {
			c.Principal.Groups = strings.Split(*groups, ",")
		}
		if *argsJSON != "" {
			if err := json.Unmarshal([]byte(*argsJSON), &c.Arguments); err != nil {
				fmt.Fprintf(stderr, "warden policy explain: -args: %v\n", err)
				return ExitUsage
			}
		}
	}
	if *at != "" {
		c.Time = *at
	}
	in, err := c.input()
	if err != nil {
		fmt.Fprintf(stderr, "warden policy explain: %v\n", err)
		return ExitUsage
	}
	steps, d := set.Explain(ctx, in)
	fmt.Fprintf(stdout, "request: %s %s %q on server %q by %s\n", in.Method, in.Kind, in.Name, in.Server, in.Principal)
	for i, st := range steps {
		fmt.Fprintf(stdout, "  %2d. %-30s %-16s %s\n", i+1, st.Rule, st.Action, st.Result)
	}
	fmt.Fprintf(stdout, "decision: %s by %s", d.Action, d.Rule)
	if d.Message != "" {
		fmt.Fprintf(stdout, " (%s)", d.Message)
	}
	if len(d.Redact) > 0 {
		fmt.Fprintf(stdout, "; redacts %v (rules %v)", d.Redact, d.RedactRules)
	}
	fmt.Fprintln(stdout)
	li := *in
	li.Arguments = nil
	vis, rule := set.Visible(ctx, &li)
	fmt.Fprintf(stdout, "listed: %v (by %s)\n", vis, rule)
	return ExitOK
}
