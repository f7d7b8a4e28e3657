// Command extract-eval pulls labelled example strings out of other secret
// scanners' test tables (trufflehog pattern tests, gitleaks rule tps/fps)
// with go/ast, and writes JSONL for `warden eval secrets`.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/fnv"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
)

type item struct {
	Text     string `json:"text"`
	Label    int    `json:"label"`
	Category string `json:"category"`
}

// env resolves identifiers to expressions within one file.
type env struct {
	defs  map[string][]ast.Expr
	depth int
	rng   *rand.Rand
	tmpl  []string // gitleaks sample templates
}

func (e *env) eval(x ast.Expr) []string {
	if e.depth > 30 || x == nil {
		return nil
	}
	e.depth++
	defer func() { e.depth-- }()
	switch v := x.(type) {
	case *ast.BasicLit:
		if v.Kind == token.STRING {
			s, err := strconv.Unquote(v.Value)
			if err == nil {
				return []string{s}
			}
		}
		if v.Kind == token.INT {
			return []string{v.Value}
		}
	case *ast.ParenExpr:
		return e.eval(v.X)
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return nil
		}
		a, b := e.eval(v.X), e.eval(v.Y)
		if len(a) == 0 || len(b) == 0 {
			return nil
		}
		var out []string
		for _, x := range a {
			for _, y := range b {
				out = append(out, x+y)
			}
		}
		return out
	case *ast.Ident:
		ds := e.defs[v.Name]
		// last definition that evaluates
		for i := len(ds) - 1; i >= 0; i-- {
			if ds[i] == x {
				continue
			}
			if r := e.eval(ds[i]); r != nil {
				return r
			}
		}
	case *ast.CompositeLit:
		var out []string
		for _, el := range v.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, e.eval(el)...)
		}
		if out == nil {
			return []string{}
		}
		return out
	case *ast.CallExpr:
		return e.call(v)
	}
	return nil
}

func first(xs []string) (string, bool) {
	if len(xs) == 0 {
		return "", false
	}
	return xs[0], true
}

func (e *env) call(c *ast.CallExpr) []string {
	name := ""
	switch f := c.Fun.(type) {
	case *ast.SelectorExpr:
		if p, ok := f.X.(*ast.Ident); ok {
			name = p.Name + "." + f.Sel.Name
		}
	case *ast.Ident:
		name = f.Name
	case *ast.ArrayType: // []byte(x)
		name = "conv"
	}
	args := make([]string, len(c.Args))
	for i, a := range c.Args {
		s, ok := first(e.eval(a))
		if !ok && name != "append" {
			return nil
		}
		args[i] = s
	}
	switch name {
	case "conv", "string", "strings.TrimSpace":
		if name == "strings.TrimSpace" {
			return []string{strings.TrimSpace(args[0])}
		}
		return e.eval(c.Args[0])
	case "append":
		var out []string
		for _, a := range c.Args {
			out = append(out, e.eval(a)...)
		}
		return out
	case "fmt.Sprintf":
		as := make([]any, len(args)-1)
		for i := range as {
			as[i] = args[i+1]
		}
		return []string{fmt.Sprintf(args[0], as...)}
	case "strings.Repeat":
		n, _ := strconv.Atoi(args[1])
		return []string{strings.Repeat(args[0], n)}
	case "strings.ToUpper":
		return []string{strings.ToUpper(args[0])}
	case "strings.ToLower":
		return []string{strings.ToLower(args[0])}
	case "strings.Join":
		return []string{strings.Join(e.eval(c.Args[0]), args[1])}
	case "utils.Numeric":
		return []string{fmt.Sprintf(`[0-9]{%s}`, args[0])}
	case "utils.Hex":
		return []string{fmt.Sprintf(`[a-f0-9]{%s}`, args[0])}
	case "utils.AlphaNumeric":
		return []string{fmt.Sprintf(`[a-z0-9]{%s}`, args[0])}
	case "utils.AlphaNumericExtendedShort":
		return []string{fmt.Sprintf(`[a-z0-9_-]{%s}`, args[0])}
	case "utils.AlphaNumericExtended":
		return []string{fmt.Sprintf(`[a-z0-9=_\-]{%s}`, args[0])}
	case "utils.AlphaNumericExtendedLong":
		return []string{fmt.Sprintf(`[a-z0-9\/=_\+\-]{%s}`, args[0])}
	case "utils.Hex8_4_4_4_12":
		return []string{`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`}
	case "secrets.NewSecret":
		s, err := gen(args[0], e.rng)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			return nil
		}
		return []string{s}
	case "utils.GenerateSampleSecret":
		return []string{fmt.Sprintf("%s_api_token = \"%s\"", args[0], args[1])}
	case "utils.GenerateSampleSecrets":
		r := strings.NewReplacer("{i}", args[0], "{I}", strings.ToUpper(args[0]), "{s}", args[1])
		var out []string
		for _, t := range e.tmpl {
			out = append(out, r.Replace(t))
		}
		return out
	}
	return nil
}

// gen produces one string matching a regex, deterministically from rng.
func gen(re string, rng *rand.Rand) (string, error) {
	p, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return "", err
	}
	p = p.Simplify()
	var b strings.Builder
	var walk func(r *syntax.Regexp)
	walk = func(r *syntax.Regexp) {
		switch r.Op {
		case syntax.OpLiteral:
			for _, c := range r.Rune {
				if r.Flags&syntax.FoldCase != 0 && rng.Intn(2) == 0 {
					c = []rune(strings.ToUpper(string(c)))[0]
				}
				b.WriteRune(c)
			}
		case syntax.OpCharClass:
			var n int
			for i := 0; i < len(r.Rune); i += 2 {
				hi := r.Rune[i+1]
				if hi > 0x7e {
					hi = 0x7e
				}
				if hi >= r.Rune[i] {
					n += int(hi-r.Rune[i]) + 1
				}
			}
			if n == 0 {
				return
			}
			k := rng.Intn(n)
			for i := 0; i < len(r.Rune); i += 2 {
				hi := r.Rune[i+1]
				if hi > 0x7e {
					hi = 0x7e
				}
				if hi < r.Rune[i] {
					continue
				}
				sz := int(hi-r.Rune[i]) + 1
				if k < sz {
					b.WriteRune(r.Rune[i] + rune(k))
					return
				}
				k -= sz
			}
		case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			b.WriteByte(byte('a' + rng.Intn(26)))
		case syntax.OpCapture:
			walk(r.Sub[0])
		case syntax.OpConcat:
			for _, s := range r.Sub {
				walk(s)
			}
		case syntax.OpAlternate:
			walk(r.Sub[rng.Intn(len(r.Sub))])
		case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
			lo, hi := 0, 1
			switch r.Op {
			case syntax.OpStar:
				lo, hi = 0, 10
			case syntax.OpPlus:
				lo, hi = 1, 10
			case syntax.OpRepeat:
				lo, hi = r.Min, r.Max
				if hi < 0 {
					hi = lo + 10
				}
			}
			n := lo + rng.Intn(hi-lo+1)
			for i := 0; i < n; i++ {
				walk(r.Sub[0])
			}
		}
	}
	walk(p)
	return b.String(), nil
}

// collectDefs records every `name = expr`, `name := expr`, var and const
// in the file, in source order.
func collectDefs(f *ast.File) map[string][]ast.Expr {
	defs := map[string][]ast.Expr{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch v := n.(type) {
		case *ast.ValueSpec:
			for i, id := range v.Names {
				if i < len(v.Values) {
					defs[id.Name] = append(defs[id.Name], v.Values[i])
				}
			}
		case *ast.AssignStmt:
			if len(v.Lhs) == len(v.Rhs) {
				for i, l := range v.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						defs[id.Name] = append(defs[id.Name], v.Rhs[i])
					}
				}
			}
		}
		return true
	})
	return defs
}

func seedFor(s string) int64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return int64(h.Sum64() & 0x7fffffffffffffff)
}

func trufflehog(root string, out func(item)) {
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, "_test.go") || strings.HasSuffix(p, "_integration_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		fs := token.NewFileSet()
		f, err := parser.ParseFile(fs, p, nil, 0)
		if err != nil {
			return nil
		}
		e := &env{defs: collectDefs(f), rng: rand.New(rand.NewSource(seedFor(p)))}
		cat := "trufflehog/" + filepath.ToSlash(rel)
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			var input, want ast.Expr
			hasWant := false
			for _, el := range cl.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				k, ok := kv.Key.(*ast.Ident)
				if !ok {
					continue
				}
				switch k.Name {
				case "input":
					input = kv.Value
				case "want":
					want, hasWant = kv.Value, true
				}
			}
			if input == nil || !hasWant {
				return true
			}
			label := -1
			if id, ok := want.(*ast.Ident); ok && id.Name == "nil" {
				label = 0
			} else if ws := e.eval(want); ws != nil {
				if len(ws) == 0 {
					label = 0
				} else {
					label = 1
				}
			} else if c, ok := want.(*ast.CompositeLit); ok {
				if len(c.Elts) == 0 {
					label = 0
				} else {
					label = 1
				}
			}
			if label < 0 {
				return true
			}
			for _, s := range e.eval(input) {
				if strings.TrimSpace(s) != "" {
					out(item{s, label, cat})
				}
			}
			return false
		})
		return nil
	})
}

func gitleaks(root string, out func(item)) {
	// The sample templates, read from utils/generate.go.
	var tmpl []string
	{
		fs := token.NewFileSet()
		f, err := parser.ParseFile(fs, filepath.Join(root, "cmd/generate/config/utils/generate.go"), nil, 0)
		if err != nil {
			panic(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if fd, ok := n.(*ast.FuncDecl); ok && fd.Name.Name == "GenerateSampleSecrets" {
				ast.Inspect(fd, func(n ast.Node) bool {
					if cl, ok := n.(*ast.CompositeLit); ok {
						if _, ok := cl.Type.(*ast.MapType); ok {
							for _, el := range cl.Elts {
								kv := el.(*ast.KeyValueExpr)
								s, _ := strconv.Unquote(kv.Value.(*ast.BasicLit).Value)
								tmpl = append(tmpl, s)
							}
						}
					}
					return true
				})
			}
			return true
		})
		sort.Strings(tmpl)
	}
	dir := filepath.Join(root, "cmd/generate/config/rules")
	ents, _ := os.ReadDir(dir)
	for _, ent := range ents {
		if !strings.HasSuffix(ent.Name(), ".go") || strings.HasSuffix(ent.Name(), "_test.go") {
			continue
		}
		p := filepath.Join(dir, ent.Name())
		fs := token.NewFileSet()
		f, err := parser.ParseFile(fs, p, nil, 0)
		if err != nil {
			continue
		}
		fileDefs := collectDefs(f)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			ruleID := fd.Name.Name
			ast.Inspect(fd, func(n ast.Node) bool {
				if kv, ok := n.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "RuleID" {
						if l, ok := kv.Value.(*ast.BasicLit); ok {
							ruleID, _ = strconv.Unquote(l.Value)
						}
					}
				}
				return true
			})
			e := &env{defs: fileDefs, rng: rand.New(rand.NewSource(seedFor(ruleID))), tmpl: tmpl}
			// Function-local definitions take precedence: rebuild defs
			// with the function's own appended last.
			local := collectDefs(&ast.File{Decls: []ast.Decl{fd}, Name: f.Name})
			e.defs = map[string][]ast.Expr{}
			for k, v := range fileDefs {
				e.defs[k] = v
			}
			for k, v := range local {
				e.defs[k] = v
			}
			// The arguments of utils.Validate / ValidateWithPaths.
			ast.Inspect(fd, func(n ast.Node) bool {
				c, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := c.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "Validate" && sel.Sel.Name != "ValidateWithPaths") || len(c.Args) != 3 {
					return true
				}
				for i, label := range []int{1, 0} {
					arg := c.Args[i+1]
					// tps = append(tps, ...) chains: evaluate every definition.
					var vals []string
					if id, ok := arg.(*ast.Ident); ok {
						for _, d := range e.defs[id.Name] {
							if call, ok := d.(*ast.CallExpr); ok {
								if fi, ok := call.Fun.(*ast.Ident); ok && fi.Name == "append" {
									for _, a := range call.Args[1:] {
										vals = append(vals, e.eval(a)...)
									}
									continue
								}
							}
							vals = append(vals, e.eval(d)...)
						}
					} else {
						vals = e.eval(arg)
					}
					for _, s := range vals {
						if strings.TrimSpace(s) != "" {
							out(item{s, label, "gitleaks/" + ruleID})
						}
					}
				}
				return true
			})
		}
	}
}

func main() {
	th := flag.String("trufflehog", "", "trufflehog module dir")
	gl := flag.String("gitleaks", "", "gitleaks module dir")
	outDir := flag.String("out", "/tmp/secrets-eval", "output dir")
	flag.Parse()
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "extract-eval: creating output dir: %v\n", err)
		os.Exit(1)
	}
	seen := map[string]bool{}
	files := map[string]*bufio.Writer{}
	var closers []*os.File
	var firstErr error // the first output error; later items are dropped
	open := func(name string) *bufio.Writer {
		if w := files[name]; w != nil {
			return w
		}
		f, err := os.Create(filepath.Join(*outDir, name))
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("creating %s: %w", name, err)
			}
			return bufio.NewWriter(io.Discard)
		}
		closers = append(closers, f)
		w := bufio.NewWriter(f)
		files[name] = w
		return w
	}
	counts := map[string][2]int{}
	emit := func(src string) func(item) {
		return func(it item) {
			key := it.Category + "\x00" + it.Text
			if seen[key] {
				return
			}
			seen[key] = true
			// Split by detector: half tune, half held out.
			h := fnv.New32a()
			h.Write([]byte(it.Category))
			half := "tune"
			if h.Sum32()%2 == 1 {
				half = "heldout"
			}
			b, _ := json.Marshal(it)
			for _, name := range []string{src + ".jsonl", src + "-" + half + ".jsonl", "all-" + half + ".jsonl"} {
				w := open(name)
				w.Write(b)
				w.WriteByte('\n')
			}
			c := counts[src+"-"+half]
			c[it.Label]++
			counts[src+"-"+half] = c
		}
	}
	if *th != "" {
		trufflehog(filepath.Join(*th, "pkg/detectors"), emit("trufflehog"))
	}
	if *gl != "" {
		gitleaks(*gl, emit("gitleaks"))
	}
	for name, w := range files {
		if err := w.Flush(); err != nil && firstErr == nil {
			firstErr = fmt.Errorf("writing %s: %w", name, err)
		}
	}
	for _, f := range closers {
		if err := f.Close(); err != nil && firstErr == nil {
			firstErr = fmt.Errorf("closing %s: %w", f.Name(), err)
		}
	}
	if firstErr != nil {
		fmt.Fprintf(os.Stderr, "extract-eval: %v\n", firstErr)
		os.Exit(1)
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: negatives %d positives %d\n", k, counts[k][0], counts[k][1])
	}
}
