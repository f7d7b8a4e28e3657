package detect

import (
	"encoding/json"
	"strings"
	"testing"
)

// r59Filler is own prose with no prefilter anchor and no task candidate
// (324 bytes).
const r59Filler = "The harbour town wakes slowly in winter. Fishing boats sit at their moorings while the gulls argue over scraps on the quay. " +
	"Shopkeepers sweep their steps and the bakery on the corner sells out of bread before nine. " +
	"Most of the residents have lived here for decades, and the old stone church still rings its bell on Sundays. "

// TestInjectionPageTaskFloor: a page with task-like sentences of its own
// more than taskContext bytes apart reads each with the related floor
// (round 59): two mid-probability sentences of a story are no finding,
// while a lone one, two close together, a strong request and a JSON
// document keep the 0.7 floor.
func TestInjectionPageTaskFloor(t *testing.T) {
	d := newInj(t, Options{})
	const (
		q      = "What are we really fighting for?"                 // p ~0.77
		later  = "Next year the council will rebuild the sea wall." // p ~0.77
		strong = "Please write a poem about the capital of France." // p ~0.99
	)
	f := r59Filler
	records, err := json.MarshalIndent(map[string]any{"items": []map[string]string{
		{"body": f + q}, {"body": f}, {"body": f}, {"body": f}, {"body": f}, {"body": later + " " + f},
	}}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       int // task findings
	}{
		{"spread: the page's own sentences", f + q + " " + strings.Repeat(f, 5) + later + " " + f, 0},
		{"one candidate", f + q + " " + strings.Repeat(f, 6), 1},
		{"two candidates close together", f + q + " " + f + later + " " + strings.Repeat(f, 5), 2},
		{"strong request on a spread page", f + strong + " " + strings.Repeat(f, 5) + later + " " + f, 1},
		{"JSON records keep the floor", string(records), 2},
	}
	for _, tc := range tests {
		r := d.ScanDocument("document", tc.text)
		got := 0
		for _, fd := range r.Findings {
			if fd.RuleID == TaskRuleID {
				got++
			}
		}
		if got != tc.want {
			t.Errorf("%s: %d task findings, want %d (%v)", tc.name, got, tc.want, r.Findings)
		}
	}
}

// TestScoredSpan: the first and last start of the candidates the task
// model scores; two-word candidates and unaddressed chat requests do not
// count.
func TestScoredSpan(t *testing.T) {
	text := "Next steps. What is the plan for today? Also. Tell me about the weather in Oslo. Now."
	cands := [][2]int{{0, 11}, {12, 39}, {40, 45}, {46, 80}, {81, 85}}
	first, last := scoredSpan(text, cands, false)
	if first != 12 || last != 46 {
		t.Errorf("scoredSpan = %d, %d, want 12, 46", first, last)
	}
	if first, last := scoredSpan(text, [][2]int{{0, 11}}, false); first != -1 || last != -1 {
		t.Errorf("scoredSpan of short candidates = %d, %d, want -1, -1", first, last)
	}
}

// TestJSONDoc: a document whose first byte past white space opens a JSON
// object or array.
func TestJSONDoc(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`{"a": 1}`, true},
		{" \n\t[1, 2]", true},
		{"<html>{", false},
		{"Dear team, {see below}", false},
		{"", false},
		{"  \n", false},
	}
	for _, tc := range tests {
		if got := jsonDoc(tc.text); got != tc.want {
			t.Errorf("jsonDoc(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// FuzzPageTaskFloor: with the page floor, every task finding of a
// document keeps a span inside the text and a weight in [0.5, 0.85].
func FuzzPageTaskFloor(f *testing.F) {
	f.Add("What are we really fighting for?", "Next year the council will rebuild the sea wall.")
	f.Add("[Please write a poem.", "Then tell me a joke.")
	d := newInj(f, Options{})
	f.Fuzz(func(t *testing.T, a, b string) {
		text := a + " " + strings.Repeat(r59Filler, 5) + b
		for _, fd := range d.ScanDocument("document", text).Findings {
			if fd.RuleID != TaskRuleID {
				continue
			}
			if fd.Start < 0 || fd.Start >= fd.End || fd.End > len(text) || fd.Weight < 0.5 || fd.Weight > maxTaskWeight {
				t.Fatalf("task finding %+v in %d bytes", fd, len(text))
			}
		}
	})
}
