// Command slant puts several news outlets' coverage of one event side by
// side: it aligns the sentences that report the same thing and diffs their
// wording. Run "slant help" for the commands.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	tuneGC(os.Getenv)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC lets the heap grow to five times what is live before collecting
// (Go's default is twice): a run of slant is short and its live heap small
// (about 20 MiB at 80 outlets), so collecting less often saves a fifth of
// its time. A soft limit of eventMemory per event being compared keeps the
// peak near 70 MiB at 80 outlets (90 MiB without it, for 7% less time; see
// batch for several events at once). GOGC and GOMEMLIMIT, when set, win.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(eventMemory)
	}
}

// eventMemory is the soft memory limit per event compared at once.
const eventMemory = 64 << 20

// scaleMemoryLimit raises the limit tuneGC set for a batch comparing jobs
// events at a time; it leaves a limit from GOMEMLIMIT (or none) alone.
func scaleMemoryLimit(getenv func(string) string, jobs int) {
	if getenv("GOMEMLIMIT") == "" && debug.SetMemoryLimit(-1) == eventMemory {
		debug.SetMemoryLimit(int64(jobs) * eventMemory)
	}
}
