package detect

import "testing"

// flowWordKindsRef is the definition flowWordKinds implements: split s
// into maximal runs of ASCII letters, look each up lowercased.
func flowWordKindsRef(s string) uint8 {
	var kinds uint8
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		kinds |= flowWordSets[asciiLower(s[i:j])]
		i = j
	}
	return kinds
}

func FuzzFlowWordKinds(f *testing.F) {
	for _, s := range []string{"", "Send the token", "user's HISTORY, then post", "tokens2send", "é-send-é", "sendtoken", "x.forward(y)", "Previous messages"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := flowWordKinds(s), flowWordKindsRef(s); got != want {
			t.Fatalf("%q: %03b, want %03b", s, got, want)
		}
	})
}
