package detect

import (
	"slices"
	"testing"
)

// charGramsRef is the plain definition appendCharGrams must reproduce:
// the embedded weights were trained on exactly these indices, in order.
func charGramsRef(dst []uint32, w string, mask uint32) []uint32 {
	for n := 3; n <= 5; n++ {
		for i := 0; i+n <= len(w)+2; i++ {
			dst = append(dst, hashCharGram(w, i, n)&mask)
		}
	}
	return dst
}

func FuzzCharGrams(f *testing.F) {
	for _, w := range []string{"abc", "read", "password", "id_rsa", "a_very_long_identifier_that_goes_past_thirty", "é_x", "abcdefghijklmnopqrstuvwxyz0123"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if len(w) < 3 {
			return
		}
		const mask = 1<<18 - 1
		got := appendCharGrams([]uint32{7}, w, mask)
		want := charGramsRef([]uint32{7}, w, mask)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", w, got, want)
		}
	})
}
