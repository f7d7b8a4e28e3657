package main

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/warden-mcp/warden/internal/detect/corpus"
)

// loadExtra reads the -extra files. A poisoned tool is trained on as it
// is (it has no clean twin); a benign one joins the benign servers, so it
// is also a base for composed attacks. Source becomes the item's
// "_source", the repository or server it came from.
func (d *data) loadExtra(files []string) error {
	for _, f := range files {
		items, _, err := corpus.LoadFile(f)
		if err != nil {
			return err
		}
		for _, it := range items {
			if !it.IsTool() {
				continue
			}
			if i := strings.IndexByte(it.Source, '#'); i >= 0 {
				it.Source = it.Source[i+1:]
			}
			if it.Label {
				d.realMal = append(d.realMal, it)
			} else {
				d.benign = append(d.benign, it)
			}
		}
	}
	return nil
}

// scored is one line of -dump: enough to recompute the detector's score
// for any floor and alone-scale (docs/detection-rounds.md, round 14b).
type scored struct {
	Group  string  `json:"group"`
	Fold   int     `json:"fold,omitempty"`
	Label  bool    `json:"label"`
	Rule   float64 `json:"rule"`
	Clf    float64 `json:"clf"`
	Flag   bool    `json:"flagged"`
	Name   string  `json:"name"`
	Hidden bool    `json:"findings"`
}

// repoFolds gives each owner of poisoned tools (an organisation's
// repositories are one author) its own fold and spreads the benign-only
// groups over the same folds by a hash of their name, so every item is
// scored by a model that saw neither its author's attacks nor its
// server's tools. It returns each group's fold and the fold count.
func repoFolds(d *data) (func(group string) int, int) {
	fold := map[string]int{}
	var owners []string
	for _, it := range d.realMal {
		o := owner(it.Source)
		if _, ok := fold[o]; !ok {
			fold[o] = 0
			owners = append(owners, o)
		}
	}
	sort.Strings(owners)
	for i, o := range owners {
		fold[o] = i
	}
	k := len(owners)
	return func(g string) int {
		if f, ok := fold[owner(g)]; ok {
			return f
		}
		h := fnv.New32a()
		h.Write([]byte(g))
		return int(h.Sum32() % uint32(max(k, 1)))
	}, k
}

// owner is the part of "owner/name" before the slash, or the whole group.
func owner(group string) string {
	o, _, _ := strings.Cut(group, "/")
	return o
}

// repoCV trains once per fold without that fold's repositories and
// scores their tools (poisoned and benign). Everything not from -extra
// (fuzzd, the composed and synthetic attacks, README prose) stays in
// training, as in the shipped model.
func repoCV(ctx context.Context, c config, d *data, w io.Writer) error {
	fold, k := repoFolds(d)
	if k == 0 {
		return fmt.Errorf("-repocv needs -extra files with poisoned tools")
	}
	var enc *json.Encoder
	if c.dump != "" {
		f, err := os.Create(c.dump)
		if err != nil {
			return err
		}
		defer f.Close()
		enc = json.NewEncoder(f)
	}
	fmt.Fprintf(w, "\nby repository, %d folds (threshold %.2f, floor %.2f)\n", k, c.threshold, c.floor)
	fmt.Fprintf(w, "%-4s %-44s %5s %7s %7s %5s %5s\n", "fold", "poisoned repository", "n", "full", "clf", "ben", "FP")
	for fi := range k {
		dd := *d
		dd.benign, dd.realMal = nil, nil
		var test []corpus.Item
		for _, b := range d.benign {
			if fold(b.Source) == fi {
				test = append(test, b)
			} else {
				dd.benign = append(dd.benign, b)
			}
		}
		var repo string
		for _, m := range d.realMal {
			if fold(m.Source) == fi {
				test = append(test, m)
				repo = m.Source
			} else {
				dd.realMal = append(dd.realMal, m)
			}
		}
		det, err := trainFold(ctx, c, &dd)
		if err != nil {
			return err
		}
		var n, tp, ctp, ben, fp int
		for _, it := range test {
			res := det.ScanTool(it.Tool)
			if it.Label {
				n++
				tp += b2i(res.Flagged)
				ctp += b2i(res.ClassifierScore >= c.threshold)
			} else {
				ben++
				fp += b2i(res.Flagged)
			}
			if enc != nil {
				s := scored{Group: it.Source, Fold: fi, Label: it.Label, Rule: res.RuleScore, Clf: res.ClassifierScore,
					Flag: res.Flagged, Name: it.Tool.Name, Hidden: len(res.Findings) > 0}
				if err := enc.Encode(s); err != nil {
					return err
				}
			}
		}
		fmt.Fprintf(w, "%-4d %-44s %5d %7d %7d %5d %5d\n", fi, repo, n, tp, ctp, ben, fp)
	}
	return nil
}
