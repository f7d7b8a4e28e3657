package secrets

import (
	"testing"
)

// TestEvalSetQuality holds the engine to the goal on the
// generated set: recall and precision at least 95%.
func TestEvalSetQuality(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	set := EvalSet(DefaultEvalSeed, 3000)
	var tp, fp, fn, tn int
	for _, x := range set {
		got := len(s.Scan(x.Text)) > 0
		switch {
		case x.Label == 1 && got:
			tp++
		case x.Label == 1:
			fn++
			if fn <= 15 {
				t.Logf("missed %s: %q", x.Category, x.Text)
			}
		case got:
			fp++
			if fp <= 15 {
				fs := s.Scan(x.Text)
				t.Logf("false positive %s (%s %q): %q", x.Category, fs[0].RuleID, x.Text[fs[0].Start:fs[0].End], x.Text)
			}
		default:
			tn++
		}
	}
	recall := float64(tp) / float64(tp+fn)
	precision := float64(tp) / float64(tp+fp)
	t.Logf("recall %.4f precision %.4f (tp %d fp %d fn %d tn %d)", recall, precision, tp, fp, fn, tn)
	if recall < 0.95 || precision < 0.95 {
		t.Errorf("recall %.3f precision %.3f, want both >= 0.95", recall, precision)
	}
}
