package keywords

import (
	"fmt"
	"strings"
	"testing"
)

var benchWords = strings.Fields(`secret token password passwd pwd api_key apikey auth bearer
ghp_ gho_ ghu_ ghs_ ghr_ github_pat_ glpat- xoxb- xoxp- hooks.slack.com sk_live_ rk_live_ akia asia
sk-proj- sk-ant- hf_ gsk_ r8_ npm_ pypi- -----begin eyj aiza ya29. postgres:// mysql:// mongodb redis:// amqp://
shpat_ shpss_ lin_api_ secret_ vercel netlify cloudflare dd_api sentry pagerduty okta auth0 hvs. atlasv1 dp.st pul-`)

func BenchmarkScanProse(b *testing.B) {
	m := MustNew(benchWords)
	text := strings.Repeat(`{"id": 42, "name": "Quarterly report", "body": "The committee reviewed the budget and approved the plan for next year, with notes on hiring."} `, 800)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.Scan(text, func(Match) bool { return true })
	}
}

// BenchmarkNew builds an automaton of 20,000 keywords (the size of the
// injection detector's lead set): construction is part of every
// detector's start-up.
func BenchmarkNew(b *testing.B) {
	words := make([]string, 0, 20000)
	for i := range 20000 {
		w := benchWords[i%len(benchWords)]
		words = append(words, fmt.Sprintf("%s %s%d", w, benchWords[(i*7)%len(benchWords)], i))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(words); err != nil {
			b.Fatal(err)
		}
	}
}
