package secrets

import "strings"

// blankANSI returns text with terminal escape sequences (ESC [ … final
// byte: colours, cursor moves) replaced by spaces of the same length, so
// that a key coloured in a tool's log (\x1b[93msk-…\x1b[0m) starts at a
// word boundary while every offset into text stays valid. Text without
// ESC is returned as is, without copying.
func blankANSI(text string) string {
	i := strings.IndexByte(text, 0x1b)
	if i < 0 {
		return text
	}
	b := []byte(text)
	for ; i < len(b); i++ {
		if b[i] != 0x1b {
			continue
		}
		j := i + 1
		if j < len(b) && b[j] == '[' {
			j++
			for j < len(b) && b[j] >= 0x20 && b[j] <= 0x3f {
				j++
			}
			if j < len(b) && b[j] >= 0x40 && b[j] <= 0x7e {
				j++
			}
		}
		for k := i; k < j; k++ {
			b[k] = ' '
		}
		i = j - 1
	}
	return string(b)
}
