package pins

import (
	"bytes"
	"encoding/json"
	"strings"
)

// pretty indents a canonical form so that a line diff reads field by field.
func pretty(canonical string) string {
	if canonical == "" {
		return ""
	}
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(canonical), "", "  "); err != nil {
		return canonical
	}
	return b.String()
}

// maxDiffCells bounds the LCS table; larger inputs are shown whole.
const maxDiffCells = 1 << 20

// Diff is a line diff of a and b: "- " lines removed, "+ " lines added,
// "  " unchanged context (two lines around each change, "..." between).
func Diff(a, b string) string {
	al, bl := splitLines(a), splitLines(b)
	n, m := len(al), len(bl)
	var out strings.Builder
	if n*m > maxDiffCells {
		for _, l := range al {
			out.WriteString("- " + l + "\n")
		}
		for _, l := range bl {
			out.WriteString("+ " + l + "\n")
		}
		return out.String()
	}
	// lcs[i][j] is the LCS length of al[i:] and bl[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if al[i] == bl[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte
		text string
	}
	var lines []line
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && al[i] == bl[j]:
			lines = append(lines, line{' ', al[i]})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			lines = append(lines, line{'-', al[i]})
			i++
		default:
			lines = append(lines, line{'+', bl[j]})
			j++
		}
	}
	const ctx = 2
	keep := make([]bool, len(lines))
	for k, l := range lines {
		if l.op != ' ' {
			for c := max(0, k-ctx); c <= min(len(lines)-1, k+ctx); c++ {
				keep[c] = true
			}
		}
	}
	skipped := false
	for k, l := range lines {
		if !keep[k] {
			if !skipped {
				out.WriteString("  ...\n")
				skipped = true
			}
			continue
		}
		skipped = false
		out.WriteByte(l.op)
		out.WriteByte(' ')
		out.WriteString(l.text)
		out.WriteByte('\n')
	}
	return out.String()
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
