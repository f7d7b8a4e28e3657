package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestRunSecretsFile(t *testing.T) {
	const data = `{"text": "export STRIPE_SECRET_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc9xQ2", "label": 1, "category": "stripe"}
{"text": "db: postgres://orders:Xk29_vLq8pZ@db.internal:5432/orders", "label": 1, "category": "database"}
{"text": "AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX", "label": 0}
{"text": "commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39", "label": 0}
`
	p := writeFile(t, "secrets.jsonl", data)
	var out, errb bytes.Buffer
	if code := Run(context.Background(), "secrets", []string{"--json", p}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var rep Report
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rep); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, out.String())
	}
	if rep.Items != 4 || rep.TP != 2 || rep.FP != 0 {
		t.Errorf("report %+v\n%s", rep, out.String())
	}
	if c := rep.Categories["stripe"]; c.Items != 1 || c.Detected != 1 {
		t.Errorf("category stripe: %+v", c)
	}
}

func TestRunSecretsGenerated(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run(context.Background(), "secrets", []string{"--json"}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "generated") {
		t.Errorf("output does not say the set is generated:\n%s", out.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var rep Report
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Items < 1000 || rep.Recall < 0.95 || rep.Precision < 0.95 {
		t.Errorf("generated set: items %d recall %.3f precision %.3f", rep.Items, rep.Recall, rep.Precision)
	}
}
