package poisoning

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/warden-mcp/warden/internal/detect"
)

// Registry is one gateway's view of which server lists which tool names.
// The guard sees one server's page at a time; the registry lets it check a
// page against every other server. Safe for concurrent use.
type Registry struct {
	mu      sync.RWMutex
	servers map[string]map[string]bool // server -> tool names
	owners  map[string][]string        // tool name -> servers, sorted
	// folded is owners by folded name (fold): names that differ only in
	// case, invisible characters or lookalike letters read the same to a
	// model and to a person.
	folded map[string][]string
	// serverFolds are each server's folded names, for mentions written as
	// the gateway exposes them ("mail__send_email", "mail.send_email").
	serverFolds map[string]map[string]bool
}

// maxNamesPerServer bounds what one server can make the registry hold.
const maxNamesPerServer = 4096

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{servers: map[string]map[string]bool{}, owners: map[string][]string{},
		folded: map[string][]string{}, serverFolds: map[string]map[string]bool{}}
}

// Add records tool names a server listed. Lists are paginated, so names
// accumulate; a name is never dropped while the gateway runs.
func (r *Registry) Add(server string, names []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.servers[server]
	if m == nil {
		m = map[string]bool{}
		r.servers[server] = m
		r.serverFolds[server] = map[string]bool{}
	}
	fm := r.serverFolds[server]
	for _, n := range names {
		if n == "" || m[n] || len(m) >= maxNamesPerServer {
			continue
		}
		m[n] = true
		r.owners[n] = addSorted(r.owners[n], server)
		f := fold(n)
		fm[f] = true
		r.folded[f] = addSorted(r.folded[f], server)
	}
}

func addSorted(list []string, s string) []string {
	i := sort.SearchStrings(list, s)
	if i < len(list) && list[i] == s {
		return list
	}
	return slices.Insert(list, i, s)
}

// fold is the form of a name a reader does not tell apart from it:
// lowercase, without invisible characters, lookalike letters and accents
// folded to Latin.
func fold(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			return detect.Normalize(name).Text
		}
	}
	return strings.ToLower(name)
}

// Servers returns the servers that listed name.
func (r *Registry) Servers(name string) []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return append([]string(nil), r.owners[name]...)
}

// Shadowing evidence weights: alone a collision or a mention is worth an
// audit record (flag threshold 0.3), not hiding; with any of the detector's
// own findings about other tools it crosses the hide threshold.
const (
	collisionWeight = 0.35
	mentionWeight   = 0.35
)

// mention is an identifier-like word in a tool's text, kept with the
// cached scan so that shadowing checks need no parsing.
type mention struct {
	field, text string
	start, end  int
}

// mentions lists the identifier-like words of a tool's fields other than
// its name.
func mentions(t detect.ToolText) []mention {
	var out []mention
	seen := map[string]bool{} // small and local: stays off the heap
	for _, f := range t.Fields {
		// A tool's own name, and its parameter names (read as text since
		// round 28b), name no other tool.
		if f.Path == "name" || strings.HasSuffix(f.Path, ".(name)") {
			continue
		}
		for at, n := 0, 0; n < maxIdentifiers; n++ {
			w, next, ok := nextIdentifier(f.Text, at)
			if !ok {
				break
			}
			at = next
			// identifierLike is a byte scan; the map is only for the few
			// words that pass it.
			if !identifierLike(w.text) || seen[w.text] {
				continue
			}
			seen[w.text] = true
			out = append(out, mention{field: f.Path, text: w.text, start: w.start, end: w.end})
			if len(out) >= 256 {
				return out
			}
		}
	}
	return out
}

// Check returns shadowing findings for one tool of server: its name is also
// listed by another server, or its text (words) names another server's tool.
func (r *Registry) Check(server, name string, words []mention) []detect.Finding {
	var out []detect.Finding
	r.mu.RLock()
	defer r.mu.RUnlock()
	if others := without(r.owners[name], server); len(others) > 0 {
		out = append(out, detect.Finding{
			RuleID: "shadow.name-collision", Family: "shadowing", Weight: collisionWeight,
			Field: "name", Start: 0, End: len(name), Excerpt: name,
			Explain: fmt.Sprintf("tool name %q is also listed by %s", name, strings.Join(others, ", ")),
		})
	} else if others := without(r.folded[fold(name)], server); len(others) > 0 {
		out = append(out, detect.Finding{
			RuleID: "shadow.name-collision", Family: "shadowing", Weight: collisionWeight,
			Field: "name", Start: 0, End: len(name), Excerpt: name,
			Explain: fmt.Sprintf("tool name %q reads the same as a tool of %s (case, invisible or lookalike characters)", name, strings.Join(others, ", ")),
		})
	}
	for _, w := range words {
		if w.text == name {
			continue
		}
		others, how := r.mentioned(server, w.text)
		if len(others) == 0 {
			continue
		}
		out = append(out, detect.Finding{
			RuleID: "shadow.mentions-other-server", Family: "shadowing", Weight: mentionWeight,
			Field: w.field, Start: w.start, End: w.end, Excerpt: w.text,
			Explain: fmt.Sprintf("mentions %q, %s %s", w.text, how, strings.Join(others, ", ")),
		})
		if len(out) >= 16 {
			break
		}
	}
	return out
}

// mentioned returns the other servers whose tool a word names: exactly,
// in another case, or prefixed with the server's name as a federated
// gateway exposes it ("mail__send_email", "mail.send_email"). r.mu is held.
func (r *Registry) mentioned(server, word string) ([]string, string) {
	if others := without(r.owners[word], server); len(others) > 0 {
		return others, "a tool of"
	}
	f := fold(word)
	if others := without(r.folded[f], server); len(others) > 0 {
		return others, "in another case a tool of"
	}
	var out []string
	for s, names := range r.serverFolds {
		fs := fold(s)
		if s == server || len(f) <= len(fs) || !strings.HasPrefix(f, fs) {
			continue
		}
		if rest := strings.TrimLeft(f[len(fs):], "_.-:/"); rest != "" && names[rest] {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out, "by its gateway name a tool of"
}

func without(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

type word struct {
	text       string
	start, end int
}

// maxIdentifiers bounds the words read from one field.
const maxIdentifiers = 4096

// nextIdentifier returns the first run of letters, digits, '_', '-' and
// '.' in s at or after byte at (trailing '.' and '-' trimmed, three bytes
// or more), and where to look for the next one.
func nextIdentifier(s string, at int) (word, int, bool) {
	start := -1
	for i := at; i <= len(s); i++ {
		isID := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' ||
			s[i] >= '0' && s[i] <= '9' || s[i] == '_' || s[i] == '-' || s[i] == '.')
		switch {
		case isID && start < 0:
			start = i
		case !isID && start >= 0:
			if w := strings.TrimRight(s[start:i], ".-"); len(w) >= 3 {
				return word{text: w, start: start, end: start + len(w)}, i, true
			}
			start = -1
		}
	}
	return word{}, len(s), false
}

// identifierLike keeps plain words ("search", "echo") out of the mention
// check: only names that cannot be ordinary prose count.
func identifierLike(s string) bool {
	// One pass for what strings.ContainsAny(s, "_.") or an inner '-'
	// (after trimming '-' at both ends) or a lower-upper pair would find.
	first, last := -1, -1 // first and last bytes other than '-'
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_' || c == '.':
			return true
		case c == '-' && i > first && i < last:
			return true
		case c >= 'A' && c <= 'Z' && i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z':
			return true
		}
	}
	return false
}

// sanitiseItem strips hidden characters and comments from every string of
// an item. It reports what it removed, with the JSON path in Text.
func sanitiseItem(raw json.RawMessage) (json.RawMessage, []detect.Hidden, error) {
	var v any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return raw, nil, fmt.Errorf("decoding item to sanitise: %w", err)
	}
	var removed []detect.Hidden
	v = sanitiseValue(v, "", &removed, 0)
	if len(removed) == 0 {
		return raw, nil, nil
	}
	out, err := json.Marshal(v)
	if err != nil {
		return raw, nil, fmt.Errorf("encoding sanitised item: %w", err)
	}
	return out, removed, nil
}

func sanitiseValue(v any, path string, removed *[]detect.Hidden, depth int) any {
	if depth > 64 {
		return v
	}
	switch x := v.(type) {
	case string:
		clean, rm := detect.Sanitize(x)
		for _, h := range rm {
			h.Text = path
			*removed = append(*removed, h)
		}
		return clean
	case []any:
		for i := range x {
			x[i] = sanitiseValue(x[i], fmt.Sprintf("%s[%d]", path, i), removed, depth+1)
		}
		return x
	case map[string]any:
		for _, k := range sortedKeys(x) {
			p := k
			if path != "" {
				p = path + "." + k
			} else if k == "name" || k == "uri" || k == "uriTemplate" || k == "_meta" {
				continue // identity: changing it would break routing; the score judges it
			}
			x[k] = sanitiseValue(x[k], p, removed, depth+1)
		}
		return x
	}
	return v
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
