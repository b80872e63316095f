// Command slant puts several news outlets' coverage of one event side by
// side: it aligns the sentences that report the same thing and diffs their
// wording. Run "slant help" for the commands.
package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

func main() {
	tuneGC(os.Getenv)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC sets when the garbage collector runs. A run of slant is short and
// its live heap small (about 20 MiB at 80 outlets), so by default it
// collects only as memory nears a soft limit of eventMemory per event being
// compared: most runs never collect, which saves a tenth of their time, and
// the peak stays near 70 MiB at 80 outlets (see batch for several events at
// once).
//
// A run whose live heap outgrows the limit (a lexicon of hundreds of
// thousands of terms, say) would collect over and over as it nears it, so
// after each collection afterCollection looks at the live heap: once it
// holds half the limit or more, collecting at the limit frees less than
// collecting at twice the live heap would, and slant collects as Go does
// by default (GOGC=100, no limit) from then on.
//
// GOGC and GOMEMLIMIT, when set, win; with GOMEMLIMIT alone the heap grows
// to five times what is live between collections.
func tuneGC(getenv func(string) string) {
	gcTuning.Lock()
	defer gcTuning.Unlock()
	gcTuning.generation++ // a sentinel of an earlier call does nothing
	gcTuning.ownLimit = getenv("GOMEMLIMIT") == ""
	gcTuning.ownPercent = getenv("GOGC") == ""
	gcTuning.lifted = false
	if gcTuning.ownLimit {
		debug.SetMemoryLimit(eventMemory)
	}
	if gcTuning.ownPercent {
		if gcTuning.ownLimit {
			debug.SetGCPercent(-1)
		} else {
			debug.SetGCPercent(400)
		}
	}
	if gcTuning.ownLimit {
		armGCSentinel(gcTuning.generation)
	}
}

// eventMemory is the soft memory limit per event compared at once.
const eventMemory = 64 << 20

// gcTuning is what tuneGC set, shared with the collections' sentinels and
// scaleMemoryLimit.
var gcTuning struct {
	sync.Mutex
	generation uint64 // of the latest tuneGC
	ownLimit   bool   // the memory limit is slant's, not GOMEMLIMIT's
	ownPercent bool   // so is the GC percent, not GOGC's
	lifted     bool   // the limit is gone: the live heap outgrew it
	checks     int    // collections afterCollection has looked at
}

// gcSentinel is an object that nothing keeps: the collection that finds
// it gone runs afterCollection. It is larger than the 16 bytes the
// runtime packs several small objects into, whose cleanups may not run.
type gcSentinel [64]byte

func armGCSentinel(generation uint64) {
	runtime.AddCleanup(new(gcSentinel), afterCollection, generation)
}

// afterCollection runs after a collection. While the live heap is below
// half the memory limit it waits for the next one; then it lifts the limit
// and, unless GOGC is set, collects at twice the live heap (GOGC=100).
func afterCollection(generation uint64) {
	gcTuning.Lock()
	defer gcTuning.Unlock()
	if generation != gcTuning.generation || gcTuning.lifted {
		return
	}
	gcTuning.checks++
	limit := debug.SetMemoryLimit(-1)
	if liveHeap() < uint64(limit)/2 {
		armGCSentinel(generation)
		return
	}
	gcTuning.lifted = true
	if gcTuning.ownPercent {
		debug.SetGCPercent(100)
	}
	debug.SetMemoryLimit(math.MaxInt64)
}

// liveHeap is the heap the last collection found live, in bytes.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// scaleMemoryLimit raises the limit tuneGC set for a batch comparing jobs
// events at a time; it leaves a limit from GOMEMLIMIT (or none, or one
// already lifted) alone.
func scaleMemoryLimit(getenv func(string) string, jobs int) {
	gcTuning.Lock()
	defer gcTuning.Unlock()
	if getenv("GOMEMLIMIT") == "" && !gcTuning.lifted && debug.SetMemoryLimit(-1) == eventMemory {
		debug.SetMemoryLimit(int64(jobs) * eventMemory)
	}
}
