//go:build unix

package growth

import (
	"syscall"
	"time"
)

// CPUNow is the CPU time this process has used so far, in user and system
// mode, on every core. Other processes stretch the clock's time of a run,
// not the CPU time the run itself takes; the work's collections count, as
// they should. Tests timed by it must not run in parallel with others of
// their package.
func CPUNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
