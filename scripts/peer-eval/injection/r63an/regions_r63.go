//go:build ignore

// regions_r63 (round 63): for each item of the given label, the window
// classifier's windows scoring >= MIN (default 0.75), the share of each
// window's bytes by raw-HTML region (inline script code, JSON-LD, other
// JSON script, script templates, style, comment, tag/attributes, visible
// text), and the window's probability with each region class blanked
// (spaces), to see which region carries the score. Tune data only: with
// TEXT=1 it prints window features.
//
//	regions_r63 SET.jsonl... > out.jsonl
package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/model"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

var classes = []string{"text", "tag", "script", "jsonld", "jsonscript", "template", "style", "comment",
	"attr-alt", "attr-title", "attr-content", "attr-aria-label", "attr-placeholder", "attr-embedded"}

var readable = []string{"alt=", "title=", "content=", "aria-label=", "placeholder="}

// markAttrs labels the values appendReadableAttrs reads in tag low[i:end]
// (its first match of each name): by name, or attr-embedded when the match
// is the tail of a longer name ("data-title=", "og:content=").
func markAttrs(l []byte, low string, i, end int) {
	tag := low[i:end]
	for n, a := range readable {
		k := strings.Index(tag, a)
		if k < 0 || k+len(a) >= len(tag) {
			continue
		}
		q := tag[k+len(a)]
		if q != '"' && q != '\'' {
			continue
		}
		e := strings.IndexByte(tag[k+len(a)+1:], q)
		if e < 0 {
			continue
		}
		c := byte(8 + n)
		if k > 0 && tag[k-1] != ' ' && tag[k-1] != '\n' && tag[k-1] != '\t' {
			c = 13
		}
		for x := i + k + len(a) + 1; x < i+k+len(a)+1+e; x++ {
			l[x] = c
		}
	}
}

var scriptOpen = regexp.MustCompile(`(?is)<script\b([^>]*)>`)

func label(s string) []byte {
	l := make([]byte, len(s)) // 0 text
	lb := []byte(s)           // ASCII lower case, same length as s
	for k, c := range lb {
		if c >= 'A' && c <= 'Z' {
			lb[k] = c + 32
		}
	}
	low := string(lb)
	i := 0
	for i < len(s) {
		switch {
		case strings.HasPrefix(low[i:], "<!--"):
			e := strings.Index(low[i+4:], "-->")
			end := len(s)
			if e >= 0 {
				end = i + 4 + e + 3
			}
			for k := i; k < end; k++ {
				l[k] = 7
			}
			i = end
		case strings.HasPrefix(low[i:], "<script"):
			m := scriptOpen.FindStringSubmatchIndex(low[i:])
			if m == nil || m[0] != 0 {
				l[i] = 1
				i++
				continue
			}
			attrs := low[i+m[2] : i+m[3]]
			c := byte(2)
			switch {
			case strings.Contains(attrs, "ld+json"):
				c = 3
			case strings.Contains(attrs, "json"):
				c = 4
			case strings.Contains(attrs, "type=") && !strings.Contains(attrs, "javascript") && !strings.Contains(attrs, "module"):
				c = 5
			}
			for k := i; k < i+m[1]; k++ {
				l[k] = 1
			}
			b := i + m[1]
			e := strings.Index(low[b:], "</script")
			end := len(s)
			if e >= 0 {
				end = b + e
			}
			for k := b; k < end; k++ {
				l[k] = c
			}
			i = end
		case strings.HasPrefix(low[i:], "<style"):
			e := strings.Index(low[i:], "</style")
			end := len(s)
			if e >= 0 {
				end = i + e
			}
			for k := i; k < end; k++ {
				l[k] = 6
			}
			i = end
		case s[i] == '<' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] >= 'A' && s[i+1] <= 'Z'):
			e := strings.IndexByte(s[i:], '>')
			end := len(s)
			if e >= 0 {
				end = i + e + 1
			}
			for k := i; k < end; k++ {
				l[k] = 1
			}
			markAttrs(l, low, i, end)
			i = end
		default:
			i++
		}
	}
	return l
}

type win struct {
	A, B    int
	Prob    float64
	Share   map[string]float64
	Without map[string]float64
	Feats   []string `json:",omitempty"`
}

func main() {
	m, err := detect.LoadModel(model.Injection)
	if err != nil {
		panic(err)
	}
	d, err := detect.NewInjection(detect.Options{ExplainTop: -1, Model: m})
	if err != nil {
		panic(err)
	}
	floor := 0.75
	if v := os.Getenv("MIN"); v != "" {
		floor, _ = strconv.ParseFloat(v, 64)
	}
	text := os.Getenv("TEXT") == "1"
	enc := json.NewEncoder(os.Stdout)
	var feats []uint32
	prob := func(t string) float64 {
		feats = detect.Features(feats[:0], detect.InjectionClassifierText(t), m.Bits, m.Set)
		return m.Prob(feats)
	}
	err = labelled.Each(os.Args[1:], func(fn string, line int, it labelled.Item) error {
		if it.Label != 0 {
			return nil
		}
		it.Text = blankBreaks(it.Text) // as ScanDocument reads it (blankJSONBreaks)
		lab := label(it.Text)
		var ws []win
		for _, w := range d.Windows(it.Text) {
			t := it.Text[w[0]:w[1]]
			p := prob(t)
			if p < floor {
				continue
			}
			x := win{A: w[0], B: w[1], Prob: p, Share: map[string]float64{}, Without: map[string]float64{}}
			for k := w[0]; k < w[1]; k++ {
				x.Share[classes[lab[k]]] += 1 / float64(w[1]-w[0])
			}
			for c, name := range classes {
				if x.Share[name] == 0 {
					continue
				}
				b := []byte(t)
				for k := range b {
					if lab[w[0]+k] == byte(c) {
						b[k] = ' '
					}
				}
				x.Without[name] = prob(string(b))
			}
			if text {
				for _, c := range m.Explain(detect.InjectionClassifierText(t), 10) {
					x.Feats = append(x.Feats, c.Feature+":"+strconv.FormatFloat(c.Weight, 'f', 2, 64))
				}
			}
			ws = append(ws, x)
		}
		if len(ws) == 0 {
			return nil
		}
		return enc.Encode(map[string]any{"file": fn, "line": line, "cat": it.Category, "wins": ws})
	})
	if err != nil {
		panic(err)
	}
}

// blankBreaks mirrors detect.blankJSONBreaks for \n, \r, \t and \f (the
// escape's two bytes become the break and a space): ScanDocument reads
// documents so before any window is scored.
func blankBreaks(s string) string {
	b := []byte(s)
	for i := 0; i+1 < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		var c byte
		switch b[i+1] {
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = ' '
		case 'f':
			c = '\f'
		default:
			i++
			continue
		}
		b[i], b[i+1] = c, ' '
		i++
	}
	return string(b)
}
