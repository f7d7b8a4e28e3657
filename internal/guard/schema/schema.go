// Package schema is the guard that validates every tools/call's arguments
// against the tool's inputSchema as its server listed it (JSON Schema
// 2020-12 by default, draft-07 and others by $schema). Schemas are compiled
// once and cached by their hash; nothing is ever fetched from the network.
// Invalid arguments never reach the server, and the error names the field
// and the reason.
package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// Name is the guard's name.
const Name = "schema"

// Settings is the guard's block under guards.schema.
type Settings struct {
	// UnlistedTools: "deny" (default) refuses calls to tools whose server
	// never listed them, since their arguments cannot be checked; "allow"
	// passes them.
	UnlistedTools string `yaml:"unlisted_tools"`
	// MaxSchemaBytes, MaxDepth and MaxComposition bound what a server's
	// schema may cost to compile and validate.
	MaxSchemaBytes int `yaml:"max_schema_bytes"`
	MaxDepth       int `yaml:"max_depth"`
	MaxComposition int `yaml:"max_composition"`
	// CacheSize bounds the compiled schemas kept.
	CacheSize int `yaml:"cache_size"`
}

// Defaults are the settings with nothing configured.
func Defaults() Settings {
	return Settings{UnlistedTools: "deny", MaxSchemaBytes: 256 << 10, MaxDepth: 32, MaxComposition: 256, CacheSize: 4096}
}

// Guard validates tool arguments.
type Guard struct {
	s   Settings
	log *slog.Logger

	// printer renders validation messages (in English).
	printer *message.Printer

	mu    sync.Mutex
	cache map[string]entry
}

type entry struct {
	sch *jsonschema.Schema
	err error
}

// New builds the guard from its block.
func New(gc config.GuardConfig, log *slog.Logger) (*Guard, error) {
	s, err := decode(gc)
	if err != nil {
		return nil, err
	}
	return NewWithSettings(s, log), nil
}

// Reload applies a new block; on error the settings in force stay. The
// compiled schemas are kept: they depend on the tools, not the settings.
func (g *Guard) Reload(gc config.GuardConfig) error {
	s, err := decode(gc)
	if err != nil {
		return err
	}
	g.mu.Lock()
	g.s = s
	g.mu.Unlock()
	return nil
}

func decode(gc config.GuardConfig) (Settings, error) {
	s := Defaults()
	if err := gc.Decode(&s); err != nil {
		return s, err
	}
	var probs []config.Problem
	if s.UnlistedTools != "deny" && s.UnlistedTools != "allow" {
		probs = append(probs, gc.Problem("unlisted_tools", "must be deny or allow"))
	}
	for f, v := range map[string]int{"max_schema_bytes": s.MaxSchemaBytes, "max_depth": s.MaxDepth, "max_composition": s.MaxComposition, "cache_size": s.CacheSize} {
		if v <= 0 {
			probs = append(probs, gc.Problem(f, "must be positive"))
		}
	}
	if len(probs) > 0 {
		return s, &config.Error{Problems: probs}
	}
	return s, nil
}

// NewWithSettings builds the guard from settings.
func NewWithSettings(s Settings, log *slog.Logger) *Guard {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Guard{s: s, log: log, cache: map[string]entry{}, printer: message.NewPrinter(language.English)}
}

func (g *Guard) Name() string { return Name }

// Relaxations lists what this configuration lets through that the
// defaults would not, for the start-up log.
func (g *Guard) Relaxations() []string {
	if g.settings().UnlistedTools == "allow" {
		return []string{"schema: unlisted_tools is allow: calls to tools their server never listed pass without an argument check"}
	}
	return nil
}

func (g *Guard) settings() Settings {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.s
}

// Wants only tools/call requests.
func (g *Guard) Wants(phase guard.Phase, method string) bool {
	return phase == guard.PhaseRequest && method == "tools/call"
}

// Inspect implements guard.Guard.
func (g *Guard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	set := g.settings()
	if len(ex.Tool) == 0 {
		if set.UnlistedTools == "allow" {
			return guard.Verdict{Action: guard.Allow}, nil
		}
		return deny("unlisted_tool", fmt.Sprintf("tool %q was not listed by server %q, so its arguments cannot be checked", ex.Name, ex.Server)), nil
	}
	sch, err := g.forTool(set, ex.Tool)
	if err != nil {
		return deny("invalid_schema", fmt.Sprintf("tool %q has an inputSchema Warden refuses: %v", ex.Name, err)), nil
	}
	// One decoding pass over the params, numbers kept exact.
	// Only the arguments are decoded, in one pass (numbers kept exact):
	// this runs on every tools/call.
	var inst any = map[string]any{}
	if len(ex.Params) > 0 {
		if t := bytes.TrimLeft(ex.Params, " \t\r\n"); len(t) == 0 || t[0] != '{' || !json.Valid(ex.Params) {
			return deny("invalid_arguments", "request parameters are not valid JSON (an object)"), nil
		}
		if raw, ok := mcp.Field(ex.Params, "arguments"); ok && string(raw) != "null" {
			a, err := mcp.DecodeAny(raw)
			if err != nil {
				return deny("invalid_arguments", "request parameters are not valid JSON"), nil
			}
			inst = a
		}
	}
	if _, ok := inst.(map[string]any); !ok {
		return deny("invalid_arguments", "arguments must be a JSON object"), nil
	}
	if mcp.ArgumentsAlias(ex.Params, nil) {
		return deny("invalid_arguments", `request parameters name "arguments" in another letter case, which some servers read as the arguments`), nil
	}
	if at, name := lookAlike(sch, inst); at != "" {
		return guard.Verdict{Action: guard.Deny, Rule: "invalid_arguments",
			Reason:  fmt.Sprintf("arguments to tool %q do not match its schema: %s: differs from the property %q only in letter case, and some servers read it as that property", ex.Name, at, name),
			Details: map[string]any{"fields": []string{at}}}, nil
	}
	if err := sch.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			msg, fields := describe(ve, g.printer)
			return guard.Verdict{Action: guard.Deny, Rule: "invalid_arguments",
				Reason:  fmt.Sprintf("arguments to tool %q do not match its schema: %s", ex.Name, msg),
				Details: map[string]any{"fields": fields}}, nil
		}
		return deny("invalid_arguments", fmt.Sprintf("validating arguments: %v", err)), nil
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

func deny(rule, reason string) guard.Verdict {
	return guard.Verdict{Action: guard.Deny, Rule: rule, Reason: reason}
}

// maxReported bounds the problems listed in one message.
const maxReported = 5

// describe turns a validation error into "field: why" lines, leaves first.
func describe(ve *jsonschema.ValidationError, printer *message.Printer) (string, []string) {
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(out) >= maxReported {
			return
		}
		if len(e.Causes) == 0 {
			field := "/" + strings.Join(e.InstanceLocation, "/")
			if field == "/" {
				field = "(arguments)"
			}
			out = append(out, field+": "+e.ErrorKind.LocalizedString(printer))
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return strings.Join(out, "; "), out
}

// forTool returns the compiled inputSchema of a tool definition. The cache
// is keyed by the hash of the definition, so a known tool costs one hash
// and no parsing; a definition that changes (even only its schema) hashes
// differently and is compiled afresh.
func (g *Guard) forTool(set Settings, def json.RawMessage) (*jsonschema.Schema, error) {
	if len(def) > set.MaxSchemaBytes {
		return nil, fmt.Errorf("tool definition is larger than %d bytes", set.MaxSchemaBytes)
	}
	// Keyed by the definition's bytes: the map hashes them faster than
	// SHA-256, and MaxSchemaBytes bounds them.
	g.mu.Lock()
	e, ok := g.cache[string(def)]
	g.mu.Unlock()
	if ok {
		return e.sch, e.err
	}
	var sch *jsonschema.Schema
	var t struct {
		InputSchema json.RawMessage `json:"inputSchema"`
	}
	err := json.Unmarshal(def, &t)
	switch {
	case err != nil || len(t.InputSchema) == 0 || bytes.Equal(t.InputSchema, []byte("null")):
		err = errors.New("the tool has no readable inputSchema")
	default:
		sch, err = g.compile(set, t.InputSchema)
	}
	g.mu.Lock()
	if len(g.cache) >= set.CacheSize {
		clear(g.cache) // bounded: recompiling is cheap next to unbounded memory
	}
	g.cache[string(def)] = entry{sch, err}
	g.mu.Unlock()
	return sch, err
}

const defaultDraft = "https://json-schema.org/draft/2020-12/schema"

func (g *Guard) compile(set Settings, raw json.RawMessage) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("schema is not JSON: %w", err)
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, errors.New("schema is not an object")
	}
	if err := bounded(obj, set.MaxDepth, set.MaxComposition); err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(noLoader{})
	const url = "warden:///tool-input-schema.json"
	if err := c.AddResource(url, obj); err != nil {
		return nil, fmt.Errorf("adding schema: %w", err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compiling schema: %w", err)
	}
	return sch, nil
}

// noLoader refuses every external reference: schemas are self-contained.
type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("external schema reference %q is not fetched", url)
}

var compositionKeys = []string{"allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref", "$dynamicRef", "dependentSchemas"}

// bounded refuses schemas nested deeper than maxDepth or with more than
// maxComp composition branches and references in total.
func bounded(doc any, maxDepth, maxComp int) error {
	comp, nodes := 0, 0
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		nodes++
		if nodes > 100_000 {
			return errors.New("schema has too many nodes")
		}
		if depth > maxDepth {
			return fmt.Errorf("schema is nested deeper than %d levels", maxDepth)
		}
		switch t := v.(type) {
		case map[string]any:
			for _, k := range compositionKeys {
				if sub, ok := t[k]; ok {
					if l, ok := sub.([]any); ok {
						comp += len(l)
					} else {
						comp++
					}
				}
			}
			if comp > maxComp {
				return fmt.Errorf("schema has more than %d composition branches and references", maxComp)
			}
			for _, sub := range t {
				if err := walk(sub, depth+1); err != nil {
					return err
				}
			}
		case []any:
			for _, sub := range t {
				if err := walk(sub, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(doc, 0)
}
