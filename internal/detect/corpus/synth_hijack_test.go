package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/detect"
)

func TestSynthHijack(t *testing.T) {
	base := []detect.ToolText{
		{Name: "get_weather", Fields: []detect.Field{{Path: "name", Text: "get_weather"}, {Path: "description", Text: "Gets the weather for a city."}}},
		{Name: "list_notes", Fields: []detect.Field{{Path: "name", Text: "list_notes"}, {Path: "description", Text: "Lists notes."}}},
	}
	gen := func() ([]Item, []Item) { return SynthHijack(rand.New(rand.NewPCG(1, 6)), base, 30) }
	mal, ben := gen()
	if len(mal) != 30 || len(ben) != 15 {
		t.Fatalf("got %d poisoned, %d benign; want 30, 15", len(mal), len(ben))
	}
	cats := map[string]int{}
	for _, it := range mal {
		cats[it.Category]++
		if !it.Label || it.Clean == nil {
			t.Errorf("poisoned item %+v: want a label and a clean original", it.Category)
		}
		if desc := toolText(it.Tool); desc == toolText(*it.Clean) {
			t.Errorf("nothing injected into %q", desc)
		}
	}
	for _, c := range HijackCategories() {
		if cats[c] != 10 {
			t.Errorf("category %s: %d items, want 10", c, cats[c])
		}
	}
	for _, it := range ben {
		if it.Label || it.Clean != nil {
			t.Errorf("benign item labelled or paired: %q", toolText(it.Tool))
		}
	}
	// Same seed, same texts: training stays reproducible.
	mal2, _ := gen()
	for i := range mal {
		if toolText(mal[i].Tool) != toolText(mal2[i].Tool) {
			t.Fatalf("item %d differs between runs", i)
		}
	}
}

func toolText(t detect.ToolText) string {
	var b strings.Builder
	for _, f := range t.Fields {
		b.WriteString(f.Path + "=" + f.Text + ";")
	}
	return b.String()
}
