package compare

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// each calls fn(i) for every i in [0, n), spread over up to GOMAXPROCS
// goroutines, and returns when all calls have returned. fn must only write
// to what belongs to its i, so results do not depend on the schedule. A
// panic in fn is raised again in the caller's goroutine, where the
// command's handler can report it.
func each(n int, fn func(i int)) { eachN(n, runtime.GOMAXPROCS(0), fn) }

// eachN is each with up to workers goroutines: more than the cores for work
// that mostly waits (reading files, fetching pages).
func eachN(n, workers int, fn func(i int)) {
	workers = min(n, workers)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		once    sync.Once
		panicky any
	)
	work := func() {
		defer func() {
			if p := recover(); p != nil {
				once.Do(func() { panicky = p })
				next.Store(int64(n)) // the others stop at their next item
			}
		}()
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			fn(i)
		}
	}
	// The caller is one of the workers: one goroutine fewer to start, and
	// its stack has grown already.
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if panicky != nil {
		panic(panicky)
	}
}

// together runs the functions at once, each on its own goroutine (the
// first on the caller's), and returns when all have returned; like each, it
// raises a panic from any of them in the caller's goroutine. A function may
// wait for another to close a channel (see compareWith), as none waits for
// a free worker; it must not write what another reads or writes without
// such a signal between them.
func together(fns ...func()) {
	if len(fns) == 0 {
		return
	}
	var (
		wg      sync.WaitGroup
		once    sync.Once
		panicky any
	)
	run := func(fn func()) {
		defer func() {
			if p := recover(); p != nil {
				once.Do(func() { panicky = p })
			}
		}()
		fn()
	}
	for _, fn := range fns[1:] {
		wg.Go(func() { run(fn) })
	}
	run(fns[0])
	wg.Wait()
	if panicky != nil {
		panic(panicky)
	}
}
