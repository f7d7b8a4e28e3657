// Command sweep scores each line of labelled JSONL files ({"text","label",
// "category"}) under several injection-detector configurations and prints
// one JSON line per item with each configuration's score, so that recall
// against false positives can be read off for any threshold (round 7's
// operating-point study). It prints no text from the input.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/detect/model"
	"github.com/warden-mcp/warden/scripts/peer-eval/injection/labelled"
)

type item = labelled.Item

type row struct {
	File     string             `json:"file"`
	Line     int                `json:"line"`
	Label    int                `json:"label"`
	Category string             `json:"category"`
	Scores   map[string]float64 `json:"scores"`
	Rule     float64            `json:"rule"`
	Class    float64            `json:"class"`
}

// taskRow is the -tasks output: the document's score without the task
// model, and each candidate sentence's task probability, overlap token and span,
// from which any task-floor policy can be simulated.
type taskRow struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Label    int      `json:"label"`
	Category string   `json:"category"`
	Win      float64  `json:"win"`
	Base     float64  `json:"base"`
	Len      int      `json:"len"`
	Cands    [][4]any `json:"cands"`
}

type config struct {
	name string
	d    *detect.Detector
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "sweep:", err)
		os.Exit(1)
	}
}

// run builds one detector per configuration: "base" (the defaults),
// "cf=X" (classifier floor X) and "tf=X" (task floor X).
func run(args []string) error {
	fs := flag.NewFlagSet("sweep", flag.ContinueOnError)
	cfgs := fs.String("configs", "base,cf=0.4,cf=0.3,tf=0.7,tf=0.6", "comma-separated configurations")
	tasks := fs.Bool("tasks", false, "print the window score and every task candidate's probability instead")
	winModel := fs.String("model", "", "window model file instead of the embedded injection.bin")
	if err := fs.Parse(args); err != nil {
		return err
	}
	task, err := detect.LoadModel(model.Task)
	if err != nil {
		return err
	}
	var win *detect.Model
	if *winModel != "" {
		b, err := os.ReadFile(*winModel)
		if err != nil {
			return err
		}
		if win, err = detect.LoadModel(b); err != nil {
			return err
		}
	}
	if *tasks {
		return dumpTasks(task, win, fs.Args())
	}
	var cs []config
	for _, name := range strings.Split(*cfgs, ",") {
		d, err := build(name, task, win)
		if err != nil {
			return fmt.Errorf("config %s: %w", name, err)
		}
		cs = append(cs, config{name, d})
	}
	enc := json.NewEncoder(os.Stdout)
	for _, fn := range fs.Args() {
		if err := scanFile(cs, enc, fn); err != nil {
			return err
		}
	}
	return nil
}

func build(name string, task, win *detect.Model) (*detect.Detector, error) {
	opts := detect.Options{ExplainTop: -1, Model: win}
	k, v, _ := strings.Cut(name, "=")
	x, _ := strconv.ParseFloat(v, 64)
	switch k {
	case "base":
		return detect.NewInjection(opts)
	case "cf":
		opts.ClassifierFloor = x
		return detect.NewInjection(opts)
	case "tf":
		return detect.NewInjectionTask(opts, task, x)
	}
	return nil, fmt.Errorf("unknown configuration")
}

func scanFile(cs []config, enc *json.Encoder, fn string) error {
	return labelled.Each([]string{fn}, func(fn string, n int, it item) error {
		out := row{File: fn, Line: n, Label: it.Label, Category: it.Category, Scores: map[string]float64{}}
		for i, c := range cs {
			r := c.d.ScanDocument("document", it.Text)
			out.Scores[c.name] = r.Score
			if i == 0 {
				out.Rule, out.Class = r.RuleScore, r.ClassifierScore
			}
		}
		return enc.Encode(out)
	})
}

func dumpTasks(task, model *detect.Model, files []string) error {
	base, err := detect.NewInjection(detect.Options{ExplainTop: -1, Model: model})
	if err != nil {
		return err
	}
	win, err := detect.NewInjectionTask(detect.Options{ExplainTop: -1, Model: model}, nil, 0)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	var feats []uint32
	return labelled.Each(files, func(fn string, n int, it item) error {
		out := taskRow{File: fn, Line: n, Label: it.Label, Category: it.Category, Len: len(it.Text), Cands: [][4]any{}}
		out.Win = win.ScanDocument("document", it.Text).Score
		out.Base = base.ScanDocument("document", it.Text).Score
		for _, c := range base.InjectionTaskSentences(it.Text) {
			t := detect.InjectionTaskText(it.Text, c[0], c[1])
			feats = detect.Features(feats[:0], t, task.Bits, task.Set)
			out.Cands = append(out.Cands, [4]any{task.Prob(feats), t[strings.LastIndexByte(t, ' ')+1:], c[0], c[1]})
		}
		return enc.Encode(out)
	})
}
