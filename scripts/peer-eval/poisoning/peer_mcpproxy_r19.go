//go:build ignore

// peer_mcpproxy_r19: round 19's driver for smart-mcp-proxy/mcpproxy-go's
// offline tool scanner (detect engine, Spec 076/077, plus the embedded tpa-db
// bundle), measurement only. It is dropped into a scratch module assembled by
// peer_mcpproxy_r19.sh from a `git archive` of the peer (no peer code enters
// this repository) and reproduces scanner.ScanToolMetadataVerdict for one tool
// at a time on a single server with no peers: baselineEngineChecks() in their
// order, then the bundle check; verdict "dangerous" iff any finding is hard
// tier (auto-quarantine), "warnings" iff a soft finding (review), else
// "clean" (deriveBaselineVerdict). It prints file, index, label and verdict,
// never text, so held-out files may be scored and pooled into counts.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/smart-mcp-proxy/mcpproxy-go/internal/security/detect"
	"github.com/smart-mcp-proxy/mcpproxy-go/internal/security/detect/checks"
	"github.com/smart-mcp-proxy/mcpproxy-go/internal/security/scanner"
)

type toolDef struct {
	Name         string          `json:"name"`
	Description  string          `json:"description"`
	InputSchema  json.RawMessage `json:"inputSchema"`
	OutputSchema json.RawMessage `json:"outputSchema"`
	Label        json.Number     `json:"label"`
}

type row struct {
	File    string `json:"file"`
	Idx     int    `json:"idx"`
	Label   bool   `json:"label"`
	Flag    bool   `json:"flag"` // dangerous: hard tier, quarantined
	Any     bool   `json:"any"`  // dangerous or warnings
	Verdict string `json:"verdict"`
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func engineChecks() ([]detect.Check, error) {
	bundle, err := scanner.LoadEmbedded()
	if err != nil {
		return nil, fmt.Errorf("loading the embedded bundle: %w", err)
	}
	return []detect.Check{&checks.UnicodeHidden{}, &checks.Shadowing{}, &checks.PayloadDecoded{},
		&checks.PhraseInjection{}, &checks.DirectiveImperative{}, &checks.CapabilityMismatch{},
		&checks.EmbeddedSecret{}, bundle}, nil
}

func verdict(findings []detect.Finding) string {
	v := "clean"
	for _, f := range findings {
		switch f.ThreatLevel {
		case detect.ThreatLevelDangerous:
			return "dangerous"
		case detect.ThreatLevelWarning:
			v = "warnings"
		}
	}
	return v
}

func run(files []string) error {
	cs, err := engineChecks()
	if err != nil {
		return err
	}
	eng := detect.NewEngine(detect.Options{Checks: cs})
	enc := json.NewEncoder(os.Stdout)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("reading %s: %w", file, err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		idx := 0
		for sc.Scan() {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue
			}
			var t toolDef
			if err := json.Unmarshal(line, &t); err != nil {
				return fmt.Errorf("%s item %d: %w", file, idx, err)
			}
			view := detect.ToolView{Server: "s", Name: t.Name, Description: t.Description,
				InputSchema: t.InputSchema, OutputSchema: t.OutputSchema}
			res := eng.Scan(detect.NewRegistryView([]detect.ToolView{view}))
			if res.Coverage.ChecksFailed > 0 {
				return fmt.Errorf("%s item %d: %d checks failed", file, idx, res.Coverage.ChecksFailed)
			}
			v := verdict(res.Findings)
			r := row{File: file, Idx: idx, Label: t.Label.String() == "1", Flag: v == "dangerous", Any: v != "clean", Verdict: v}
			if err := enc.Encode(r); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
			idx++
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("reading %s: %w", file, err)
		}
	}
	return nil
}
