package detect

import (
	"runtime"
	"regexp/syntax"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestProbeRuleCost(t *testing.T) {
	d := newInj(t, Options{})
	doc := repeatTo("Please ignore the previous email. The system admin will send the installation instructions and the password reset token to the user. ", 100<<10)
	cost := map[string]time.Duration{}
	var normT time.Duration
	for _, w := range d.Windows(doc) {
		st := time.Now()
		text := Normalize(doc[w[0]:w[1]]).Text
		normT += time.Since(st)
		rs := d.rules
		spans := make([][][2]int, len(rs.rules))
		var also [128]bool
		addWord := func(w string, at int) {
			for _, i := range rs.byAlso[w] {
				also[i] = true
			}
			for _, i := range rs.byKeyword[w] {
				if len(spans[i]) < 64 {
					r := &rs.rules[i]
					spans[i] = append(spans[i], [2]int{max(0, at-r.Back), min(len(text), at+len(w)+r.Fwd)})
				}
			}
		}
		for _, i := range rs.always {
			spans[i] = append(spans[i], [2]int{0, len(text)})
		}
		start := -1
		for i := 0; i <= len(text); i++ {
			if i < len(text) && isWordByte(text[i]) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				addWord(text[start:i], start)
				start = -1
			}
		}
		for i := range rs.rules {
			r := &rs.rules[i]
			if len(spans[i]) == 0 || len(r.Also) > 0 && !also[i] || r.Literal != "" && !strings.Contains(text, r.Literal) {
				continue
			}
			st := time.Now()
			for _, sp := range mergeSpans(spans[i]) {
				r.re.FindAllStringIndex(text[sp[0]:sp[1]], 4)
			}
			cost[r.ID] += time.Since(st)
		}
	}
	type rc struct {
		id string
		d  time.Duration
	}
	var out []rc
	var tot time.Duration
	for k, v := range cost {
		out = append(out, rc{k, v})
		tot += v
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	t.Logf("windows %d norm %v rules total %v", len(d.Windows(doc)), normT, tot)
	for _, x := range out {
		t.Logf("%-36s %8v", x.id, x.d)
	}
}


func TestProbeAnchored(t *testing.T) {
	d := newInj(t, Options{})
	doc := repeatTo(benchAdversarial["lead-soup"], 100<<10)
	m := d.doc.rules
	cost := map[string]time.Duration{}
	cnt := map[string]int{}
	var tm, tn time.Duration
	for _, w := range d.Windows(doc) {
		st := time.Now()
		text := Normalize(doc[w[0]:w[1]]).Text
		tn += time.Since(st)
		st = time.Now()
		_, cands := m.match(text, nil, nil)
		tm += time.Since(st)
		for _, c := range cands {
			st := time.Now()
			u := &m.units[c.unit]
			u.matchAt(text, int(c.at))
			id := fmt.Sprintf("%s/%d %d", d.rules.rules[u.rule].ID, u.alt, len(u.atCtx.String()))
			cost[id] += time.Since(st)
			cnt[id]++
		}
	}
	t.Logf("norm %v match %v", tn, tm)
	for k, v := range cost {
		t.Logf("%-36s %8v %d", k, v, cnt[k])
	}
}

func TestProbeLeadCount(t *testing.T) {
	d := newInj(t, Options{})
	m := d.doc.rules
	t.Logf("leads %d units %d fallback %v", m.lead.Len(), len(m.units), m.fallback)
	per := map[int32]int{}
	for _, us := range m.leads {
		for _, u := range us {
			per[u.unit]++
		}
	}
	for u, n := range per {
		t.Logf("%s/%d %d", d.rules.rules[m.units[u].rule].ID, m.units[u].alt, n)
	}
}

func TestProbeUnitSize(t *testing.T) {
	d := newInj(t, Options{})
	m := d.doc.rules
	for _, u := range m.units {
		re, _ := syntax.Parse(u.atCtx.String(), syntax.Perl)
		p, _ := syntax.Compile(re.Simplify())
		t.Logf("%s/%d %d", d.rules.rules[u.rule].ID, u.alt, len(p.Inst))
	}
}

func TestProbeUnitLeads(t *testing.T) {
	d := newInj(t, Options{})
	m := d.doc.rules
	per := map[int32][]string{}
	for k, us := range m.leads {
		for _, u := range us {
			per[u.unit] = append(per[u.unit], u.pre+"|"+m.lead.Keyword(k))
		}
	}
	for u, ws := range per {
		id := fmt.Sprintf("%s/%d", d.rules.rules[m.units[u].rule].ID, m.units[u].alt)
		if len(ws) > 12 {
			ws = ws[:12]
		}
		t.Logf("%s %d %q", id, len(per[u]), ws)
	}
}

func TestProbeMem(t *testing.T) {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	d := newInj(t, Options{NoClassifier: true})
	runtime.GC()
	runtime.ReadMemStats(&b)
	t.Logf("detector heap %d KB, leads %d", (b.HeapAlloc-a.HeapAlloc)>>10, d.doc.rules.lead.Len())
}

func BenchmarkProbeHead(b *testing.B) {
	d := newInj(b, Options{})
	m := d.doc.rules
	text := Normalize(repeatTo(benchAdversarial["lead-soup"], 4096)).Text
	at := strings.Index(text, ". send") 
	for _, u := range m.units {
		id := d.rules.rules[u.rule].ID
		if id != "inj.answer.shape" && id != "inj.imperative.user-data" {
			continue
		}
		u := u
		b.Run(id+"/full", func(b *testing.B) {
			for b.Loop() {
				u.atCtx.FindStringIndex(text[at-1 : at+u.maxLen])
			}
		})
		if u.head != nil {
			b.Run(id+"/head", func(b *testing.B) {
				for b.Loop() {
					u.head.MatchString(text[at-1 : at+headLen])
				}
			})
			b.Logf("%s head %q", id, u.head.String())
		}
	}
}
