package detect

import (
	"regexp"
	"regexp/syntax"
	"sync"
)

// lazyRegexp is a regular expression whose program is built on first
// use. Most rule regexps (a whole rule behind its anchored units, and
// most units) never run on a given workload, and their programs were
// half of a detector's memory and most of its start-up.
type lazyRegexp struct {
	pat  string
	once sync.Once
	re   *regexp.Regexp
}

// newLazyRegexp checks pat's syntax now, so that a bad pattern fails
// where it is configured, and defers building the program.
func newLazyRegexp(pat string) (*lazyRegexp, error) {
	if _, err := syntax.Parse(pat, syntax.Perl); err != nil {
		return nil, err
	}
	return &lazyRegexp{pat: pat}, nil
}

// get returns the compiled regexp. regexp.Compile parses with the same
// flags as newLazyRegexp and cannot fail after a successful parse; if it
// ever did, the regexp would match nothing rather than panic mid-scan.
func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() {
		re, err := regexp.Compile(l.pat)
		if err != nil {
			re = neverMatch
		}
		l.re = re
	})
	return l.re
}

// neverMatch matches no text: an empty class.
var neverMatch = regexp.MustCompile(`[^\x00-\x{10FFFF}]`)
