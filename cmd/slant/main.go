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

// tuneGC sets when the garbage collector runs. A run of slant is short and
// its live heap small (about 20 MiB at 80 outlets), so by default it
// collects only as memory nears a soft limit of eventMemory per event being
// compared: most runs never collect, which saves a tenth of their time, and
// the peak stays near 70 MiB at 80 outlets (see batch for several events at
// once). GOGC and GOMEMLIMIT, when set, win; with GOMEMLIMIT alone the heap
// grows to five times what is live between collections.
func tuneGC(getenv func(string) string) {
	limit := getenv("GOMEMLIMIT") == ""
	if limit {
		debug.SetMemoryLimit(eventMemory)
	}
	if getenv("GOGC") == "" {
		if limit {
			debug.SetGCPercent(-1)
		} else {
			debug.SetGCPercent(400)
		}
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
