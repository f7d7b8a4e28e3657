package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Context is a benign document an attack can be inserted into.
type Context struct {
	Text   string
	Kind   string // "email", "table", "code", "agentdojo/<suite>", "warden"
	Source string
	// Trainable is false for material whose licence keeps it out of the
	// shipped weights (BIPIA's tables and code are CC BY-SA).
	Trainable bool
	// Slot, when >= 0, is where an AgentDojo injection vector sits in Text
	// (its benign default spans Slot..Slot+SlotLen); attacks replace it.
	Slot, SlotLen int
}

// InjAttack is one injection instruction.
type InjAttack struct {
	Text     string
	Category string // e.g. "bipia-text/Clickbait", "agentdojo/ignore_previous"
	Source   string // "bipia-text", "bipia-code", "agentdojo", "giskard"
	Suite    string // AgentDojo suite, to pick a context of the same world
}

// Positions where attacks are inserted, as in BIPIA.
var Positions = [...]string{"start", "middle", "end"}

// Insert places attack into ctx at pos (0 start, 1 middle, 2 end; a
// context with a Slot uses the slot) and returns the document and the
// attack's byte span in it.
func Insert(ctx Context, attack string, pos int) (doc string, start, end int) {
	t := ctx.Text
	if ctx.Slot >= 0 && ctx.Slot+ctx.SlotLen <= len(t) {
		doc = t[:ctx.Slot] + attack + t[ctx.Slot+ctx.SlotLen:]
		return doc, ctx.Slot, ctx.Slot + len(attack)
	}
	switch pos {
	case 0:
		return attack + "\n" + t, 0, len(attack)
	case 1:
		at := len(t) / 2
		if i := strings.LastIndexAny(t[:at], "\n."); i > 0 {
			at = i + 1
		} else if i := strings.IndexAny(t[at:], "\n."); i >= 0 {
			at += i + 1
		}
		for at < len(t) && at > 0 && t[at]&0xC0 == 0x80 {
			at++
		}
		return t[:at] + " " + attack + " " + t[at:], at + 1, at + 1 + len(attack)
	default:
		return t + "\n" + attack, len(t) + 1, len(t) + 1 + len(attack)
	}
}

// LoadBIPIA reads a BIPIA benchmark folder: contexts from
// email_train.jsonl (MIT, from OpenAI Evals), table_train.jsonl and
// code_train.jsonl (CC BY-SA: evaluation only), and the text and code
// attacks. maxTables bounds the table contexts read (0 = all).
func LoadBIPIA(dir string, maxTables int) ([]Context, []InjAttack, error) {
	var ctxs []Context
	for _, f := range []struct {
		file, kind string
		train      bool
		limit      int
	}{{"email_train.jsonl", "email", true, 0}, {"table_train.jsonl", "table", false, maxTables}, {"code_train.jsonl", "code", false, 0}} {
		p := filepath.Join(dir, f.file)
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("reading BIPIA contexts: %w", err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		n := 0
		for sc.Scan() {
			var v struct {
				Context json.RawMessage `json:"context"`
			}
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				return nil, nil, fmt.Errorf("reading BIPIA %s line %d: %w", f.file, n+1, err)
			}
			text := rawText(v.Context)
			if strings.TrimSpace(text) == "" {
				continue
			}
			ctxs = append(ctxs, Context{Text: text, Kind: f.kind, Source: p, Trainable: f.train, Slot: -1})
			n++
			if f.limit > 0 && n >= f.limit {
				break
			}
		}
		if err := sc.Err(); err != nil {
			return nil, nil, fmt.Errorf("reading BIPIA %s: %w", f.file, err)
		}
	}
	var attacks []InjAttack
	for _, f := range []struct{ file, src string }{{"text_attack_train.json", "bipia-text"}, {"code_attack_train.json", "bipia-code"}} {
		p := filepath.Join(dir, f.file)
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("reading BIPIA attacks: %w", err)
		}
		var m map[string][]string
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, nil, fmt.Errorf("reading BIPIA %s: %w", f.file, err)
		}
		for _, cat := range sortedKeysOf(m) {
			for _, a := range m[cat] {
				attacks = append(attacks, InjAttack{Text: a, Category: f.src + "/" + cat, Source: f.src})
			}
		}
	}
	return ctxs, attacks, nil
}

// rawText reads a JSON string, or an array of lines joined by newlines.
func rawText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var lines []string
	if json.Unmarshal(raw, &lines) == nil {
		return strings.Join(lines, "\n")
	}
	return ""
}

func sortedKeysOf[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// AgentDojo goal placeholders, filled with values of the kind AgentDojo
// uses so the goals read as real instructions.
var adFill = map[string]string{
	"_ATTACKER_IBAN": "US133000000121212121212", "ATTACKER_IBAN": "US133000000121212121212",
	"_ATTACKER_WEB": "www.secure-systems-252.com", "_ATTACKER_USER": "Fred", "_NEW_PASSWORD": "new_password",
	"_RECIPIENT": "mark.black-2134@gmail.com", "_SENDER": "security@facebook.com", "_TEXT": "Hey, how is it going?",
	"_SUBJECT": "Important message!", "_FILE_ID": "13", "_EMAIL_SUBJECT": "[Security] Facebook security code",
	"_START_TIME": "2024-05-30 10:20", "_END_TIME": "2024-05-30 11:20", "_TITLE": "Intro with Mark",
	"_PARTICIPANT": "mark.black-2134@gmail.com", "_PHISHING_LINK": "https://bit.ly/sUf7tOJ",
}

var rePlaceholder = regexp.MustCompile(`\{(_?[A-Za-z_][A-Za-z0-9_]*)\}`)

// fillGoal turns an AgentDojo goal (often a Python f-string) into text.
func fillGoal(g string) string {
	g = strings.TrimSpace(g)
	for _, p := range []string{`f"""`, `f"`, `f'`, `"""`, `"`} {
		if strings.HasPrefix(g, p) {
			g = strings.TrimPrefix(g, p)
			g = strings.TrimSuffix(g, strings.TrimPrefix(p, "f"))
			break
		}
	}
	return rePlaceholder.ReplaceAllStringFunc(g, func(m string) string {
		k := m[1 : len(m)-1]
		if v, ok := adFill[k]; ok {
			return v
		}
		return "mark.black-2134@gmail.com"
	})
}

// adModels name the target model in the "important_instructions" attack.
var adModels = []string{"GPT-4", "Claude", "AI assistant", "Llama"}

// LoadAgentDojo reads an AgentDojo folder: the suites' environment YAML
// cut into tool-output-sized chunks (clean: injection vectors hold their
// benign defaults), and every injection goal in every attack template.
func LoadAgentDojo(dir string) ([]Context, []InjAttack, error) {
	defaults := map[string]string{}
	if data, err := os.ReadFile(filepath.Join(dir, "injection_vectors_benign_defaults.json")); err == nil {
		var raw []map[string]any
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, nil, fmt.Errorf("reading AgentDojo defaults: %w", err)
		}
		for _, r := range raw {
			v, _ := r["vector"].(string)
			d, _ := r["benign_default"].(string)
			defaults[v] = strings.ReplaceAll(strings.ReplaceAll(d, `\n`, "\n"), `\t`, "\t")
		}
	}
	var ctxs []Context
	suites, _ := filepath.Glob(filepath.Join(dir, "suites", "*"))
	sort.Strings(suites)
	for _, s := range suites {
		files, _ := filepath.Glob(filepath.Join(s, "*.yaml"))
		inc, _ := filepath.Glob(filepath.Join(s, "include", "*.yaml"))
		files = append(files, inc...)
		sort.Strings(files)
		for _, f := range files {
			if filepath.Base(f) == "injection_vectors.yaml" {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, nil, fmt.Errorf("reading AgentDojo environment: %w", err)
			}
			for _, chunk := range yamlChunks(string(data)) {
				ctxs = append(ctxs, fillVectors(chunk, defaults, "agentdojo/"+filepath.Base(s), f))
			}
		}
	}
	var attacks []InjAttack
	tdata, err := os.ReadFile(filepath.Join(dir, "attack_templates.json"))
	if err != nil {
		return nil, nil, fmt.Errorf("reading AgentDojo templates: %w", err)
	}
	var tm map[string]any
	if err := json.Unmarshal(tdata, &tm); err != nil {
		return nil, nil, fmt.Errorf("reading AgentDojo templates: %w", err)
	}
	gdata, err := os.ReadFile(filepath.Join(dir, "injection_task_goals.json"))
	if err != nil {
		return nil, nil, fmt.Errorf("reading AgentDojo goals: %w", err)
	}
	var goals []struct {
		Suite string `json:"suite"`
		Goal  string `json:"goal"`
	}
	if err := json.Unmarshal(gdata, &goals); err != nil {
		return nil, nil, fmt.Errorf("reading AgentDojo goals: %w", err)
	}
	for gi, g := range goals {
		goal := fillGoal(g.Goal)
		for _, name := range sortedKeysOf(tm) {
			tmpl, ok := tm[name].(string)
			if !ok || strings.HasPrefix(name, "_") {
				continue
			}
			text := strings.NewReplacer("{goal}", goal, "{user}", "Emma Johnson", "{model}", adModels[gi%len(adModels)]).Replace(tmpl)
			attacks = append(attacks, InjAttack{Text: text, Category: "agentdojo/" + name, Source: "agentdojo", Suite: "agentdojo/" + g.Suite})
		}
	}
	return ctxs, attacks, nil
}

var reVector = regexp.MustCompile(`\{((?:prompt_)?injection_[a-z0-9_]+)\}`)

// fillVectors replaces injection placeholders by their benign defaults
// and records where the first one sits.
func fillVectors(chunk string, defaults map[string]string, kind, src string) Context {
	c := Context{Kind: kind, Source: src, Trainable: true, Slot: -1}
	var b strings.Builder
	last := 0
	for _, m := range reVector.FindAllStringSubmatchIndex(chunk, -1) {
		b.WriteString(chunk[last:m[0]])
		def := defaults[chunk[m[2]:m[3]]]
		if c.Slot < 0 {
			c.Slot, c.SlotLen = b.Len(), len(def)
		}
		b.WriteString(def)
		last = m[1]
	}
	b.WriteString(chunk[last:])
	c.Text = b.String()
	return c
}

// yamlChunks cuts a YAML file into pieces of about 30 lines at list items,
// the size of one tool result.
func yamlChunks(s string) []string {
	lines := strings.Split(s, "\n")
	var out []string
	start := 0
	for i := 1; i <= len(lines); i++ {
		if i == len(lines) || i-start >= 12 && strings.HasPrefix(strings.TrimLeft(lines[i], " "), "- ") && i-start >= 30 || i-start >= 60 {
			chunk := strings.TrimSpace(strings.Join(lines[start:i], "\n"))
			if len(chunk) > 40 {
				out = append(out, chunk)
			}
			start = i
		}
	}
	return out
}

// LoadGiskard reads the Giskard prompt-injection CSV.
func LoadGiskard(path string) ([]InjAttack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading Giskard injections: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("reading Giskard injections: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	pi, ok := col["prompt"]
	if !ok {
		return nil, errors.New("reading Giskard injections: no prompt column")
	}
	var out []InjAttack
	for _, row := range rows[1:] {
		if pi >= len(row) || strings.TrimSpace(row[pi]) == "" {
			continue
		}
		cat := "giskard"
		if gi, ok := col["group"]; ok && gi < len(row) {
			cat += "/" + row[gi]
		}
		out = append(out, InjAttack{Text: row[pi], Category: cat, Source: "giskard"})
	}
	return out, nil
}

// InjectionItems builds labelled documents deterministically: every
// context clean (label 0), and every attack inserted at start, middle and
// end of a context of a matching kind (label 1). Giskard strings, which
// have no contexts of their own, are also inserted into the contexts.
func InjectionItems(ctxs []Context, attacks []InjAttack) []Item {
	var out []Item
	for _, c := range ctxs {
		out = append(out, Item{Text: c.Text, Label: false, Category: c.Kind, Source: c.Source})
	}
	byKind := map[string][]Context{}
	for _, c := range ctxs {
		byKind[c.Kind] = append(byKind[c.Kind], c)
	}
	for i, a := range attacks {
		pool := contextsFor(a, byKind, ctxs)
		if len(pool) == 0 {
			out = append(out, Item{Text: a.Text, Label: true, Category: a.Category, Source: a.Source})
			continue
		}
		for p := range Positions {
			c := pool[(i*3+p)*7%len(pool)]
			doc, _, _ := Insert(c, a.Text, p)
			out = append(out, Item{Text: doc, Label: true, Category: a.Category, Source: a.Source + "@" + c.Kind + "/" + Positions[p]})
			if c.Slot >= 0 {
				break // the slot is the position
			}
		}
	}
	return out
}

func contextsFor(a InjAttack, byKind map[string][]Context, all []Context) []Context {
	switch a.Source {
	case "bipia-code":
		return byKind["code"]
	case "bipia-text":
		return append(append([]Context(nil), byKind["email"]...), byKind["table"]...)
	case "agentdojo":
		var slots []Context
		for _, c := range byKind[a.Suite] {
			if c.Slot >= 0 {
				slots = append(slots, c)
			}
		}
		return slots
	}
	return all
}

// LoadInjection reads evaluation data for the injection detector: the
// shared corpora layouts (a BIPIA folder, an AgentDojo folder, the Giskard
// CSV) wherever they appear under paths, and any other .json, .jsonl, or
// CSV/TSV file with a label column as labelled items ({"text", "label",
// "category"}).
func LoadInjection(paths []string) ([]Item, []Skipped, error) {
	var items []Item
	var skipped []Skipped
	var generic []string
	var ctxs []Context
	var attacks []InjAttack
	var giskard []InjAttack
	handled := map[string]bool{}
	visit := func(p string) error {
		base := filepath.Base(p)
		switch {
		case fileExists(filepath.Join(p, "text_attack_train.json")) || fileExists(filepath.Join(p, "email_train.jsonl")):
			c, a, err := LoadBIPIA(p, 150)
			if err != nil {
				return err
			}
			ctxs, attacks = append(ctxs, c...), append(attacks, a...)
			handled[p] = true
		case fileExists(filepath.Join(p, "attack_templates.json")):
			c, a, err := LoadAgentDojo(p)
			if err != nil {
				return err
			}
			ctxs, attacks = append(ctxs, c...), append(attacks, a...)
			handled[p] = true
		case IsDelimited(base):
			// A CSV/TSV with a label column is labelled items; a CSV
			// without one is the Giskard layout (every row an attack).
			data, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("reading corpus file: %w", err)
			}
			if DelimitedHasLabel(data, p) || !strings.EqualFold(filepath.Ext(p), ".csv") {
				generic = append(generic, p)
				return nil
			}
			a, err := LoadGiskard(p)
			if err != nil {
				return err
			}
			giskard = append(giskard, a...)
		}
		return nil
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("reading corpus: %w", err)
		}
		if !st.IsDir() {
			if err := visit(p); err != nil {
				return nil, nil, err
			}
			if !IsDelimited(p) {
				generic = append(generic, p)
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			for dir := range handled {
				if strings.HasPrefix(path, dir+string(filepath.Separator)) {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
			}
			if d.IsDir() {
				return visit(path)
			}
			if IsDelimited(path) {
				return visit(path)
			}
			if strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".jsonl") {
				generic = append(generic, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("walking corpus %s: %w", p, err)
		}
	}
	items = append(items, InjectionItems(ctxs, attacks)...)
	for _, a := range giskard {
		items = append(items, Item{Text: a.Text, Label: true, Category: a.Category, Source: a.Source})
	}
	sort.Strings(generic)
	for _, f := range generic {
		got, reason, err := LoadFile(f)
		if err != nil {
			return nil, nil, err
		}
		if len(got) == 0 {
			skipped = append(skipped, Skipped{Path: f, Reason: reason})
		}
		items = append(items, got...)
	}
	return items, skipped, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
