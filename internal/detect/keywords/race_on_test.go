//go:build race

package keywords

// raceEnabled: the race detector drops sync.Pool items on purpose, so
// allocation counts of pooled paths mean nothing under it.
const raceEnabled = true
