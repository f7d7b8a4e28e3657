import sys
p = sys.argv[1] + "/internal/detect/cmd/train/injection.go"
s = open(p).read()
s = s.replace("""	bag int
}
""", """	bag int
	// alone adds each attack this many times as a training sample by
	// itself, not inserted into a context, so that a short instruction
	// scores alike alone and in a window (round 43's line scores read
	// lines alone). 0 reproduces the models trained before it.
	alone int
}
""", 1)
s = s.replace("""	fs.BoolVar(&c.pairClean, "pair-clean\"""", """	fs.IntVar(&c.alone, "alone", 0, "add each attack this many times as a sample by itself (window model only); 0 keeps the earlier bytes")
	fs.BoolVar(&c.pairClean, "pair-clean\"""", 1)
s = s.replace("""		s := injSamples(r, win, trainable(d.ctxs, -1), d.attacks, d.windowBackground(), c.per, c.pairClean)
""", """		s := injSamples(r, win, trainable(d.ctxs, -1), d.attacks, d.windowBackground(), c.per, c.pairClean)
		s = append(s, aloneSamples(d.attacks, c.alone)...)
""", 1)
s += """
// aloneSamples is each attack n times as a positive sample by itself, in
// the classifier's text view; appended after the windows, so n = 0 keeps
// the sample order (and bytes) of the models trained before it.
func aloneSamples(attacks []corpus.InjAttack, n int) []detect.Sample {
	var out []detect.Sample
	for _, a := range attacks {
		t := detect.InjectionClassifierText(a.Text)
		for range n {
			out = append(out, detect.Sample{Text: t, Label: true, Source: a.Source + "/alone"})
		}
	}
	return out
}
"""
open(p, "w").write(s)
