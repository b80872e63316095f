package compare

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestEach checks that each calls fn once for every index, the caller's
// goroutine among the workers, and that a panic in any call reaches the
// caller.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100} {
		calls := make([]atomic.Int32, n)
		each(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
	for _, at := range []int{0, 1, 57} {
		func() {
			defer func() {
				if p := recover(); p != at {
					t.Errorf("panic at %d: recovered %v", at, p)
				}
			}()
			each(100, func(i int) {
				if i == at {
					panic(at)
				}
			})
			t.Errorf("panic at %d: each returned", at)
		}()
	}
}

// TestTogether checks that together starts every function at once, so that
// one may wait for a signal from one listed after it even on one core, and
// that a panic in any of them reaches the caller after all have returned.
func TestTogether(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		ready := make(chan struct{})
		var got atomic.Int32
		done := make(chan struct{})
		go func() {
			defer close(done)
			together(
				func() { <-ready; got.Add(1) },
				func() { <-ready; got.Add(10) },
				func() { close(ready); got.Add(100) },
			)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("GOMAXPROCS=%d: together waits for ever when a function waits for a later one", procs)
		}
		if got.Load() != 111 {
			t.Errorf("GOMAXPROCS=%d: calls added up to %d, want 111", procs, got.Load())
		}
	}
	var finished atomic.Bool
	func() {
		defer func() {
			if p := recover(); p != "boom" {
				t.Errorf("recovered %v, want boom", p)
			}
			if !finished.Load() {
				t.Error("together raised the panic before every function had returned")
			}
		}()
		signal := make(chan struct{})
		together(
			func() {
				defer close(signal)
				panic("boom")
			},
			func() {
				<-signal
				time.Sleep(10 * time.Millisecond)
				finished.Store(true)
			},
		)
		t.Error("together returned after a panic")
	}()
	together() // nothing to run
}
