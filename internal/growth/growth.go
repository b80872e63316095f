// Package growth checks that work grows linearly with its input, for the
// tests of slant's packages: it times the work on an input of some size
// and on one four times as large, and fails the test when the larger took
// far more than four times as long.
//
// Time is CPU time (see CPUNow), so that other processes on a busy,
// shared machine do not make linear work look quadratic.
package growth

import (
	"testing"
	"time"
)

const (
	// MaxTime is the most a four times larger input may cost, in times
	// the smaller's: linear work takes about 4 times, quadratic 16.
	MaxTime = 8.0
	// MinTimed is the least time worth comparing: times below it are
	// mostly fixed costs and noise, so a smaller input's time counts as
	// at least MinTimed/2, and a larger input faster than MinTimed passes.
	MinTimed = 40 * time.Millisecond
)

// Check measures sizes n and 4n with measure, which gives the least time
// of a few runs of the work on an input of that size (timed with CPUNow),
// and fails t when the larger took more than MaxTime times as long. Work
// that grows faster than linearly is slow in every run, so over the bar it
// measures both sizes again, up to three times, keeping each one's least.
// what names the input in the message ("the boxes").
func Check(t testing.TB, what string, n int, measure func(n int) time.Duration) {
	t.Helper()
	small, big := measure(n), measure(4*n)
	ratio := float64(big) / float64(max(small, MinTimed/2))
	t.Logf("n=%d: %v; 4n: %v; time ×%.2f", n, small.Round(time.Millisecond), big.Round(time.Millisecond), ratio)
	for again := 0; again < 3 && big >= MinTimed && ratio > MaxTime; again++ {
		small, big = min(small, measure(n)), min(big, measure(4*n))
		ratio = float64(big) / float64(max(small, MinTimed/2))
		t.Logf("measured again: n=%d: %v; 4n: %v; time ×%.2f", n, small.Round(time.Millisecond),
			big.Round(time.Millisecond), ratio)
	}
	if big >= MinTimed && ratio > MaxTime {
		t.Errorf("4 times %s took %.1f times the CPU time (%v, then %v): the work grows faster than linearly",
			what, ratio, small, big)
	}
}
