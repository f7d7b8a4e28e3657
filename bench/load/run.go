package load

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Cell is one measurement: Workers clients, each with its own session,
// calling the tool back to back for a result of Bytes bytes.
type Cell struct {
	Workers  int
	Bytes    int
	Warmup   time.Duration // calls made but not recorded
	Duration time.Duration // the measured window
	// MaxSamples bounds the latencies kept per worker (and so memory);
	// a worker stops once it has this many.
	MaxSamples int
	// OnStart and OnStop, when set, are called as the measured window
	// opens and closes (to sample the proxy's CPU, for example).
	OnStart, OnStop func()
}

// Result is what one cell measured.
type Result struct {
	Requests   int           `json:"requests"`
	Errors     int           `json:"errors"`
	FirstError string        `json:"first_error,omitempty"`
	Elapsed    time.Duration `json:"elapsed_ns"`
	Throughput float64       `json:"throughput_rps"`
	Latency    Summary       `json:"latency"`
}

// Run opens the workers' sessions, warms up, and measures. It fails only
// if a session cannot be opened; failed calls are counted in Errors.
func Run(ctx context.Context, t *Target, c Cell) (Result, error) {
	if c.Workers < 1 || c.Duration <= 0 {
		return Result{}, errors.New("a cell needs at least one worker and a positive duration")
	}
	if c.MaxSamples <= 0 {
		c.MaxSamples = 1 << 20
	}
	ctx, cancel := context.WithTimeout(ctx, c.Warmup+c.Duration+time.Minute)
	defer cancel()
	sessions := make([]*Session, c.Workers)
	for i := range sessions {
		s, err := t.Open(ctx)
		if err != nil {
			return Result{}, fmt.Errorf("opening session %d of %d: %w", i+1, c.Workers, err)
		}
		// The first call of each session is checked in full.
		if err := s.Call(ctx, c.Bytes, true); err != nil {
			return Result{}, fmt.Errorf("first call of session %d: %w", i+1, err)
		}
		sessions[i] = s
	}

	type worker struct {
		lat      []time.Duration
		errs     int
		firstErr error
	}
	ws := make([]worker, c.Workers)
	begin := time.Now()
	start := begin.Add(c.Warmup)
	end := start.Add(c.Duration)
	var wg sync.WaitGroup
	for i := range ws {
		w := &ws[i]
		w.lat = make([]time.Duration, 0, min(c.MaxSamples, 4096))
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := sessions[i]
			for ctx.Err() == nil && len(w.lat) < c.MaxSamples {
				t0 := time.Now()
				if !t0.Before(end) {
					return
				}
				err := s.Call(ctx, c.Bytes, false)
				if t0.Before(start) {
					continue
				}
				if err != nil {
					if w.errs == 0 {
						w.firstErr = err
					}
					w.errs++
					continue
				}
				w.lat = append(w.lat, time.Since(t0))
			}
		}()
	}
	hooks := make(chan struct{})
	go func() {
		defer close(hooks)
		sleepUntil(ctx, start)
		if c.OnStart != nil {
			c.OnStart()
		}
		sleepUntil(ctx, end)
		if c.OnStop != nil {
			c.OnStop()
		}
	}()
	wg.Wait()
	<-hooks
	elapsed := c.Duration
	if now := time.Now(); now.Before(end) { // stopped early: MaxSamples or ctx
		elapsed = now.Sub(start)
	}

	var r Result
	var all []time.Duration
	for _, w := range ws {
		all = append(all, w.lat...)
		r.Errors += w.errs
		if w.firstErr != nil && r.FirstError == "" {
			r.FirstError = w.firstErr.Error()
		}
	}
	r.Requests = len(all)
	r.Elapsed = elapsed
	if elapsed > 0 {
		r.Throughput = float64(len(all)) / elapsed.Seconds()
	}
	r.Latency = Summarize(all)
	if err := ctx.Err(); err != nil && r.Errors == 0 {
		return r, fmt.Errorf("the cell did not finish: %w", err)
	}
	return r, nil
}

func sleepUntil(ctx context.Context, t time.Time) {
	tm := time.NewTimer(time.Until(t))
	defer tm.Stop()
	select {
	case <-ctx.Done():
	case <-tm.C:
	}
}

// Summary describes a set of latencies.
type Summary struct {
	N    int           `json:"n"`
	Mean time.Duration `json:"mean_ns"`
	P50  time.Duration `json:"p50_ns"`
	P90  time.Duration `json:"p90_ns"`
	P99  time.Duration `json:"p99_ns"`
	Max  time.Duration `json:"max_ns"`
}

// Summarize sorts d in place and summarizes it; percentiles are
// nearest-rank.
func Summarize(d []time.Duration) Summary {
	if len(d) == 0 {
		return Summary{}
	}
	slices.Sort(d)
	var sum time.Duration
	for _, x := range d {
		sum += x
	}
	return Summary{
		N: len(d), Mean: sum / time.Duration(len(d)),
		P50: Percentile(d, 50), P90: Percentile(d, 90), P99: Percentile(d, 99), Max: d[len(d)-1],
	}
}

// Percentile returns the nearest-rank p-th percentile of sorted d.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(p/100*float64(len(sorted)) + 0.999999999)
	rank = max(1, min(rank, len(sorted)))
	return sorted[rank-1]
}

// OpenIdle opens n sessions with the given parallelism and leaves them
// idle (no GET stream). It returns how many were opened and the first
// error, stopping at the first failure.
func OpenIdle(ctx context.Context, t *Target, n, parallel int) (int, error) {
	var (
		mu     sync.Mutex
		opened int
		first  error
		wg     sync.WaitGroup
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan struct{})
	go func() {
		defer close(next)
		for range n {
			select {
			case next <- struct{}{}:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range max(1, parallel) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				_, err := t.Open(ctx)
				mu.Lock()
				if err != nil {
					if first == nil {
						first = err
					}
					cancel()
				} else {
					opened++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return opened, first
}
