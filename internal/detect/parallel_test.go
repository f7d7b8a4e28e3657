package detect

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"testing"
	"time"
)

func TestBuildEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 100} {
		got, err := buildEach(n, func(i int) (int, error) {
			time.Sleep(time.Duration((i*7919)%5) * time.Microsecond) // finish out of order
			return i * i, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != n {
			t.Fatalf("n=%d: %d results", n, len(got))
		}
		for i, v := range got {
			if v != i*i {
				t.Fatalf("n=%d: result %d is %d, want %d", n, i, v, i*i)
			}
		}
	}
	// The error of the lowest failing index is returned, whatever order
	// the builds finish in.
	for range 20 {
		_, err := buildEach(50, func(i int) (int, error) {
			if i == 40 || i == 7 {
				return 0, fmt.Errorf("rule %d", i)
			}
			return i, nil
		})
		if err == nil || err.Error() != "rule 7" {
			t.Fatalf("err = %v, want rule 7", err)
		}
	}
	_, err := buildEach(3, func(i int) (int, error) { return 0, errors.New("x") })
	if err == nil {
		t.Fatal("no error")
	}
}

// The rule matchers built on several cores are the ones built on one:
// units, leads and fallbacks in the same order.
func TestMatchersBuiltInParallelAreSequential(t *testing.T) {
	build := func() (*injMatcher, *poisonMatcher) {
		irs, err := CompileRules(InjectionRules())
		if err != nil {
			t.Fatal(err)
		}
		im, err := newInjMatcher(irs)
		if err != nil {
			t.Fatal(err)
		}
		prs, err := CompileRules(PoisoningRules())
		if err != nil {
			t.Fatal(err)
		}
		pm, err := newPoisonMatcher(prs)
		if err != nil {
			t.Fatal(err)
		}
		return im, pm
	}
	prev := runtime.GOMAXPROCS(1)
	im1, pm1 := build()
	runtime.GOMAXPROCS(max(prev, 4))
	im2, pm2 := build()
	runtime.GOMAXPROCS(prev)

	if len(im1.units) != len(im2.units) || len(im1.units) == 0 {
		t.Fatalf("injection units: %d sequential, %d parallel", len(im1.units), len(im2.units))
	}
	for i := range im1.units {
		a, b := im1.units[i], im2.units[i]
		if a.rule != b.rule || a.alt != b.alt || a.maxLen != b.maxLen || a.atStart != b.atStart || a.at0.pat != b.at0.pat || a.atCtx.pat != b.atCtx.pat {
			t.Fatalf("injection unit %d differs", i)
		}
	}
	if !reflect.DeepEqual(im1.leads, im2.leads) || !reflect.DeepEqual(im1.fallback, im2.fallback) {
		t.Fatal("injection leads or fallbacks differ")
	}
	if len(pm1.units) != len(pm2.units) || len(pm1.units) == 0 {
		t.Fatalf("poisoning units: %d sequential, %d parallel", len(pm1.units), len(pm2.units))
	}
	for i := range pm1.units {
		a, b := pm1.units[i], pm2.units[i]
		if a.rule != b.rule || a.pat != b.pat || !reflect.DeepEqual(a.need, b.need) {
			t.Fatalf("poisoning unit %d differs", i)
		}
	}
	if !reflect.DeepEqual(pm1.leads, pm2.leads) || !reflect.DeepEqual(pm1.begin, pm2.begin) || !reflect.DeepEqual(pm1.searched, pm2.searched) {
		t.Fatal("poisoning leads differ")
	}
}
