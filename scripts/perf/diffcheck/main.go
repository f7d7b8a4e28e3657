// Command diffcheck prints one line per text and per tool definition
// with the sha256 of what the injection detector, the secrets scanner
// (without and with the personal-data pack) and the poisoning detector
// return for it. Two builds that must agree (a change made only for
// speed) give identical output; compare them with cmp.
//
// It reads file names on stdin. Each file is scanned whole (up to 2 MB),
// then every string of 21 bytes or more in its JSON or JSONL items, then
// runs of 30 of those strings joined (long documents), and each JSONL
// line or JSON array element that reads as a tool definition. Output is
// digests only: no text from the files.
//
//	find ../shared/corpora internal/detect/data docs -type f > /tmp/files
//	go build -o /tmp/dc.new ./scripts/perf/diffcheck   # and /tmp/dc.old from the other tree
//	/tmp/dc.old < /tmp/files > /tmp/old.txt; /tmp/dc.new < /tmp/files > /tmp/new.txt; cmp /tmp/old.txt /tmp/new.txt
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/secrets"
)

func strs(v any, out *[]string) {
	switch x := v.(type) {
	case string:
		if len(x) > 20 {
			*out = append(*out, x)
		}
	case []any:
		for _, e := range x {
			strs(e, out)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) { // map order would change the output
			strs(x[k], out)
		}
	}
}

func main() {
	inj, err := detect.NewInjection(detect.Options{})
	if err != nil {
		panic(err)
	}
	sec, err := secrets.New(secrets.Options{})
	if err != nil {
		panic(err)
	}
	secPII, err := secrets.New(secrets.Options{PII: true})
	if err != nil {
		panic(err)
	}
	poi, err := detect.NewPoisoning(detect.Options{})
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(nil, 1<<20)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	n := 0
	emit := func(name, text string) {
		n++
		r := inj.ScanDocument("doc", text)
		a, _ := json.Marshal(r)
		b, _ := json.Marshal(sec.Scan(text))
		c, _ := json.Marshal(secPII.Scan(text))
		pr := poi.ScanText("description", text)
		d, _ := json.Marshal(pr)
		fmt.Fprintf(w, "%s %x %x %x %x %v %v\n", name, sha256.Sum256(a), sha256.Sum256(b), sha256.Sum256(c), sha256.Sum256(d), r.Flagged, pr.Flagged)
	}
	for sc.Scan() {
		path := sc.Text()
		raw, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if len(raw) > 2<<20 {
			raw = raw[:2<<20]
		}
		emit(path, string(raw))
		var texts []string
		if strings.HasSuffix(path, ".jsonl") {
			for li, line := range strings.Split(string(raw), "\n") {
				if t, err := detect.ToolFromJSON([]byte(line)); err == nil {
					r, _ := json.Marshal(poi.ScanTool(t))
					fmt.Fprintf(w, "%s:%d tool %x\n", path, li, sha256.Sum256(r))
				}
				var v any
				if json.Unmarshal([]byte(line), &v) == nil {
					strs(v, &texts)
				}
			}
		} else if strings.HasSuffix(path, ".json") {
			var v any
			if json.Unmarshal(raw, &v) == nil {
				strs(v, &texts)
				if arr, ok := v.([]any); ok {
					for ti, e := range arr {
						b, _ := json.Marshal(e)
						if t, err := detect.ToolFromJSON(b); err == nil {
							r, _ := json.Marshal(poi.ScanTool(t))
							fmt.Fprintf(w, "%s[%d] tool %x\n", path, ti, sha256.Sum256(r))
						}
					}
				}
			}
		}
		for i, t := range texts {
			emit(fmt.Sprintf("%s#%d", path, i), t)
		}
		// long concatenations of the items
		for i := 0; i+30 <= len(texts) && i < 3000; i += 30 {
			emit(fmt.Sprintf("%s@%d", path, i), strings.Join(texts[i:i+30], "\n\n"))
		}
	}
	fmt.Fprintln(os.Stderr, "items", n)
}
