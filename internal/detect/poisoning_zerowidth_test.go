package detect

import "testing"

// TestZeroWidthBetweenASCII pins round 33c: one or two zero-width
// characters with ASCII on both sides reach the hide threshold; the same
// characters in emoji sequences, Persian, Hindi or Thai text, a soft hyphen
// in a Latin word and a byte-order mark at the start keep 0.4.
func TestZeroWidthBetweenASCII(t *testing.T) {
	d, err := NewPoisoning(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"zwsp between words", "Search the web\u200b for information", true},
		{"zwj in a word", "Fetch da\u200dta from the API", true},
		{"two", "Read\u200b the\u200c file", true},
		{"emoji zwj", "Developer tools \U0001F468\u200d\U0001F4BB for your repository", false},
		{"persian zwnj", "جستجو در اسناد می\u200cشود", false},
		{"hindi zwj", "क\u200dष दस्तावेज़ खोजें", false},
		{"thai zwsp", "ค้นหา\u200bเอกสาร", false},
		{"soft hyphen", "Formats the in\u00adformation as a table", false},
		{"bom at start", "\ufeffLists the files in a folder", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := d.ScanText("description", c.text)
			if got := res.Score >= 0.5; got != c.want {
				t.Errorf("%q: score %.2f, flagged %v, want %v (%v)", c.text, res.Score, got, c.want, res.Findings)
			}
		})
	}
}
