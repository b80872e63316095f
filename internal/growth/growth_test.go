package growth

import (
	"testing"
	"time"
)

// recorder takes Check's messages in place of a test.
type recorder struct {
	testing.TB
	errors int
	logs   int
}

func (r *recorder) Helper()               { r.TB.Helper() }
func (r *recorder) Logf(string, ...any)   { r.logs++ }
func (r *recorder) Errorf(string, ...any) { r.errors++ }

func TestCheck(t *testing.T) {
	unit := 5 * time.Millisecond
	for _, c := range []struct {
		name    string
		measure func(calls *int) func(n int) time.Duration
		fail    bool
		calls   int // measurements taken
	}{
		{"linear", func(calls *int) func(int) time.Duration {
			return func(n int) time.Duration { *calls++; return time.Duration(n) * unit }
		}, false, 2},
		{"quadratic", func(calls *int) func(int) time.Duration {
			return func(n int) time.Duration { *calls++; return time.Duration(n*n) * unit }
		}, true, 8},
		// A neighbour slowed the first larger run only: measured again,
		// the work is linear.
		{"slowed once", func(calls *int) func(int) time.Duration {
			return func(n int) time.Duration {
				*calls++
				if *calls == 2 {
					return time.Duration(20*n) * unit
				}
				return time.Duration(n) * unit
			}
		}, false, 4},
		// Quadratic, but too fast to tell from fixed costs.
		{"too fast to time", func(calls *int) func(int) time.Duration {
			return func(n int) time.Duration { *calls++; return time.Duration(n*n) * time.Microsecond }
		}, false, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &recorder{TB: t}
			calls := 0
			Check(r, "the input", 10, c.measure(&calls))
			if (r.errors > 0) != c.fail {
				t.Errorf("%d errors, want failure %v", r.errors, c.fail)
			}
			if calls != c.calls {
				t.Errorf("%d measurements, want %d", calls, c.calls)
			}
		})
	}
}

// TestCPUNowCountsWork checks that CPU time grows while the process works
// and hardly at all while it sleeps.
func TestCPUNowCountsWork(t *testing.T) {
	start := CPUNow()
	time.Sleep(50 * time.Millisecond)
	if slept := CPUNow() - start; slept > 10*time.Millisecond {
		t.Errorf("50 ms asleep counted %v of CPU time", slept)
	}
	start = CPUNow()
	deadline := time.Now().Add(10 * time.Second)
	for CPUNow()-start < 20*time.Millisecond {
		if time.Now().After(deadline) {
			t.Fatalf("10 s of work counted %v of CPU time", CPUNow()-start)
		}
	}
}
