package compare

import (
	"sync/atomic"
	"testing"
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
