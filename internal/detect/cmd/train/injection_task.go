package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/corpus"
)

// The task-sentence classifier (detect.InjectionTaskText, model.Task):
// positives are task requests (BIPIA's five plain-task categories and the
// synthetic families of corpus/injection_task.go), negatives are the
// candidate sentences of every benign text the window model trains on
// plus synthetic requests addressed to people.

type taskConfig struct {
	out      string
	crossval bool
	per      int // synthetic task requests per family
	human    int // synthetic human requests
	floor    float64
	ins      int // contexts each request is inserted into
	action   int // synthetic action requests to the assistant (positives)
	reader   int // synthetic instructions to human readers (negatives)
}

// taskOpts are the task model's training options: words and pairs in a
// small table (sentences are short; triples overfit the templates).
func taskOpts(seed uint64) detect.TrainOptions {
	return detect.TrainOptions{Bits: 16, Set: detect.FeatWords | detect.FeatBigrams, Epochs: 8, L2: 1e-4, Seed: seed}
}

// taskFamilyOf returns the task family of an attack, "" when it is no task request.
func taskFamilyOf(a corpus.InjAttack) string {
	if f, ok := strings.CutPrefix(a.Category, "task/"); ok {
		return f
	}
	if cat, ok := strings.CutPrefix(a.Category, "bipia-text/"); ok {
		return corpus.TaskFamilyOfBIPIA[cat]
	}
	return ""
}

type taskData struct {
	pos      []corpus.InjAttack // task requests (real and synthetic)
	negTexts []string           // benign texts whose candidate sentences are negatives
	negSrc   []string
	ctxs     []corpus.Context // trainable contexts requests are inserted into
	human    []string         // synthetic human requests
}

func loadTaskData(c injConfig, tc taskConfig, d *injData) *taskData {
	td := &taskData{}
	for _, a := range d.attacks {
		if taskFamilyOf(a) != "" {
			td.pos = append(td.pos, a)
		}
	}
	r := rand.New(rand.NewPCG(c.seed, 11))
	td.pos = append(td.pos, corpus.SynthTaskRequests(r, tc.per, corpus.TaskFamilies)...)
	for _, x := range d.ctxs {
		if x.Trainable {
			td.negTexts, td.negSrc = append(td.negTexts, x.Text), append(td.negSrc, x.Kind)
			td.ctxs = append(td.ctxs, x)
		}
	}
	for _, t := range d.background {
		td.negTexts, td.negSrc = append(td.negTexts, t), append(td.negSrc, "background")
	}
	td.human = append(corpus.SynthHumanRequests(r, tc.human), corpus.SynthDocSentences(r, tc.human/2)...)
	// Round-6 additions draw from their own stream, so that without them
	// the round-5 data (and bytes) come out unchanged.
	if tc.action > 0 || tc.reader > 0 {
		r6 := rand.New(rand.NewPCG(c.seed, 23))
		td.pos = append(td.pos, corpus.SynthActionRequests(r6, tc.action)...)
		td.human = append(td.human, corpus.SynthReaderInstructions(r6, tc.reader)...)
	}
	return td
}

// heldOut reports whether a is held out in the row held: a task family
// (its BIPIA category and its synthetic family), or "bipia" (the BIPIA
// strings of all five categories; the synthetic families stay).
func heldOut(a corpus.InjAttack, held string) bool {
	if held == "bipia" {
		return strings.HasPrefix(a.Category, "bipia-text/")
	}
	return taskFamilyOf(a) == held
}

// taskSamples builds the sentence samples: held drops a family's
// positives; half (0/1) keeps only that half of the negatives (-1 all).
// Every task request and every human request is used alone and inserted
// into per benign contexts of that half (so the overlap token sees real
// surroundings); the candidate sentences overlapping the insertion are
// the samples.
func taskSamples(r *rand.Rand, det *detect.Detector, td *taskData, held string, half, per int) []detect.Sample {
	var out []detect.Sample
	add := func(text string, label bool, a, b int, src string) {
		c := det.InjectionTrainingSentences(text)
		n := 0
		for _, s := range c {
			if s[1] <= a || s[0] >= b {
				continue
			}
			out = append(out, detect.Sample{Text: detect.InjectionTaskText(text, s[0], s[1]), Label: label, Source: src})
			n++
		}
		if n == 0 && label && a == 0 && b == len(text) {
			out = append(out, detect.Sample{Text: detect.InjectionTaskText(text, 0, len(text)), Label: true, Source: src})
		}
	}
	var ctxs []corpus.Context
	for i, x := range td.ctxs {
		if half < 0 || i%2 == half {
			ctxs = append(ctxs, x)
		}
	}
	insert := func(t string, label bool, src string) {
		add(t, label, 0, len(t), src)
		for k := 0; k < per; k++ {
			x := ctxs[r.IntN(len(ctxs))]
			doc, a, b := corpus.Insert(x, t, r.IntN(len(corpus.Positions)))
			add(doc, label, a, b, src)
		}
	}
	for _, a := range td.pos {
		if !heldOut(a, held) {
			insert(a.Text, true, a.Category)
		}
	}
	for i, t := range td.negTexts {
		if half < 0 || i%2 == half {
			add(t, false, 0, len(t), td.negSrc[i])
		}
	}
	for i, t := range td.human {
		if half < 0 || i%2 == half {
			insert(t, false, "human")
		}
	}
	return out
}

func runTask(ctx context.Context, c injConfig, tc taskConfig, d *injData, w io.Writer) error {
	det, err := detect.NewInjectionTask(detect.Options{}, nil, 0)
	if err != nil {
		return err
	}
	td := loadTaskData(c, tc, d)
	if tc.crossval {
		if err := taskCrossval(ctx, c, tc, td, d, det, w); err != nil {
			return err
		}
	}
	if tc.out == "" && !tc.crossval {
		return nil
	}
	s := taskSamples(rand.New(rand.NewPCG(c.seed, 19)), det, td, "", -1, tc.ins)
	m, err := detect.Train(ctx, s, taskOpts(c.seed))
	if err != nil {
		return err
	}
	if tc.crossval {
		if err := taskFPReport(c, tc, m, w); err != nil {
			return err
		}
	}
	if tc.out == "" {
		return nil
	}
	bin, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(tc.out, bin, 0o644); err != nil {
		return fmt.Errorf("writing task model: %w", err)
	}
	pos := 0
	for _, x := range s {
		if x.Label {
			pos++
		}
	}
	fmt.Fprintf(w, "task model: trained on %d sentences (%d task requests); wrote %s (%d bytes)\n", len(s), pos, tc.out, len(bin))
	return nil
}

// taskCrossval holds out one task family at a time (its BIPIA category
// and its synthetic family) and half of the negatives, and reports
// sentence-level and document-level recall and FPR on what was held out.
func taskCrossval(ctx context.Context, c injConfig, tc taskConfig, td *taskData, d *injData, det *detect.Detector, w io.Writer) error {
	floor := tc.floor
	if floor <= 0 {
		floor = detect.DefaultTaskFloor
	}
	var emails, tables, code []corpus.Context
	for _, x := range d.ctxs {
		switch x.Kind {
		case "email":
			emails = append(emails, x)
		case "table":
			tables = append(tables, x)
		case "code":
			code = append(code, x)
		}
	}
	fresh := rand.New(rand.NewPCG(c.seed+1000, 13)) // a stream training never uses
	humanTest := append(corpus.SynthHumanRequests(fresh, 600), corpus.SynthDocSentences(fresh, 300)...)
	fmt.Fprintf(w, "\ntask classifier held out by family (negatives split in halves; rows sum both), floor %.2f\n", floor)
	fmt.Fprintf(w, "%-12s %14s %14s %16s %16s %12s %12s %14s\n", "held-out", "bipia sent", "synth sent", "bipia docs", "synth docs", "FPR neg½", "FPR human", "FPR tbl+code")
	for _, held := range append(append([]string(nil), corpus.TaskFamilies...), "bipia") {
		var bs, bn, ss, sn, bd, bdn, sd, sdn, fp, fn, hp, hn, cp, cn float64
		for half := 0; half < 2; half++ {
			m, err := detect.Train(ctx, taskSamples(rand.New(rand.NewPCG(c.seed, 19)), det, td, held, half, tc.ins), taskOpts(c.seed))
			if err != nil {
				return err
			}
			full, err := detect.NewInjectionTask(detect.Options{Threshold: c.threshold, ExplainTop: -1}, m, tc.floor)
			if err != nil {
				return err
			}
			sentP := func(t string) float64 {
				var best float64
				cs := full.InjectionTaskSentences(t)
				if len(cs) == 0 {
					cs = [][2]int{{0, len(t)}}
				}
				for _, s := range cs {
					best = max(best, m.Prob(detect.Features(nil, detect.InjectionTaskText(t, s[0], s[1]), m.Bits, m.Set)))
				}
				return best
			}
			flag := func(t string) bool {
				res := full.ScanDocument("text", t)
				return res.Flagged
			}
			flagV := func(t, what string) bool {
				res := full.ScanDocument("text", t)
				if res.Flagged && c.verbose && half == 0 {
					for _, f := range res.Findings {
						if f.RuleID == detect.TaskRuleID {
							fmt.Fprintf(w, "  fp[%s] %s %.2f: %q\n", held, what, f.Weight, t[f.Start:f.End])
						}
					}
				}
				return res.Flagged
			}
			var bip []corpus.InjAttack
			for _, a := range td.pos {
				if heldOut(a, held) && strings.HasPrefix(a.Category, "bipia") {
					bip = append(bip, a)
				}
			}
			if half == 0 {
				for _, a := range bip {
					bn++
					if sentP(a.Text) >= floor {
						bs++
					}
				}
				for _, it := range corpus.InjectionItems(append(append([]corpus.Context(nil), emails...), tables...), bip) {
					if it.Label {
						bdn++
						if flag(it.Text) {
							bd++
						}
					}
				}
			}
			fr := rand.New(rand.NewPCG(c.seed+2000+uint64(half), 17))
			fams := []string{held}
			if held == "bipia" {
				fams = corpus.TaskFamilies[:5]
			}
			synth := corpus.SynthTaskRequests(fr, 50/len(fams), fams)
			for i, a := range synth {
				sn++
				if sentP(a.Text) >= floor {
					ss++
				}
				x := emails[i%len(emails)]
				if i%2 == 1 {
					x = tables[i%len(tables)]
				}
				doc, _, _ := corpus.Insert(x, a.Text, i%3)
				sdn++
				if flag(doc) {
					sd++
				}
			}
			for i, t := range td.negTexts {
				if i%2 != half {
					fn++
					if flagV(t, td.negSrc[i]) {
						fp++
					}
				}
			}
			for _, t := range humanTest {
				hn++
				if sentP(t) >= floor {
					hp++
					if c.verbose && half == 0 {
						fmt.Fprintf(w, "  human-fp[%s] %q\n", held, t)
					}
				}
			}
			for _, x := range append(append([]corpus.Context(nil), tables...), code...) {
				cn++
				if flagV(x.Text, x.Kind) {
					cp++
				}
			}
		}
		pct := func(a, b float64) string { return fmt.Sprintf("%5.1f%% (%3.0f)", 100*a/max(b, 1), b) }
		fmt.Fprintf(w, "%-12s %14s %14s %16s %16s %12s %12s %14s\n", held, pct(bs, bn), pct(ss, sn), pct(bd, bdn), pct(sd, sdn),
			fmt.Sprintf("%.2f%%", 100*fp/max(fn, 1)), fmt.Sprintf("%.2f%%", 100*hp/max(hn, 1)), fmt.Sprintf("%.2f%%", 100*cp/max(cn, 1)))
	}
	return nil
}

// taskFPReport scans, with the task model trained on everything, benign
// documents it never saw: all of BIPIA's tables and code answers, and
// fresh human requests and documentation sentences (a seed training
// never uses) placed into BIPIA e-mails, tables and code and into
// synthetic carriers.
func taskFPReport(c injConfig, tc taskConfig, m *detect.Model, w io.Writer) error {
	det, err := detect.NewInjectionTask(detect.Options{Threshold: c.threshold, ExplainTop: -1}, m, tc.floor)
	if err != nil {
		return err
	}
	base, err := detect.NewInjectionTask(detect.Options{Threshold: c.threshold, ExplainTop: -1}, nil, tc.floor)
	if err != nil {
		return err
	}
	ctxs, _, err := corpus.LoadBIPIA(filepath.Join(c.corpus, "injection", "bipia-train"), 0)
	if err != nil {
		return err
	}
	fresh := rand.New(rand.NewPCG(c.seed+3000, 23))
	ctxs = append(ctxs, corpus.SynthContexts(fresh, 200)...)
	byKind := map[string][3]int{}
	count := func(kind, text string) {
		res := det.ScanDocument("text", text)
		v := byKind[kind]
		v[1]++
		if base.ScanDocument("text", text).Flagged {
			v[2]++
		}
		if res.Flagged {
			v[0]++
			if c.verbose {
				for _, f := range res.Findings {
					if f.RuleID == detect.TaskRuleID {
						fmt.Fprintf(w, "  fp %s %.2f: %q\n", kind, f.Weight, text[f.Start:f.End])
					}
				}
			}
		}
		byKind[kind] = v
	}
	reqs := append(corpus.SynthHumanRequests(fresh, 600), corpus.SynthDocSentences(fresh, 300)...)
	for i, x := range ctxs {
		kind := x.Kind
		if strings.HasPrefix(kind, "synth/") {
			kind = "synth"
		}
		count(kind+" clean", x.Text)
		doc, _, _ := corpus.Insert(x, reqs[i%len(reqs)], i%3)
		count(kind+" + human request", doc)
	}
	keys := make([]string, 0, len(byKind))
	for k := range byKind {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "\ntask model trained on all: FPR on benign documents it never saw (whole detector; without the task model in brackets)\n")
	for _, k := range keys {
		v := byKind[k]
		fmt.Fprintf(w, "  %-28s %6.2f%% (%d/%d)  [%.2f%%]\n", k, 100*float64(v[0])/float64(v[1]), v[0], v[1], 100*float64(v[2])/float64(v[1]))
	}
	return nil
}
