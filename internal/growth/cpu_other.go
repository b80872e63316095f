//go:build !unix

package growth

import "time"

// CPUNow falls back to the clock where there is no getrusage.
func CPUNow() time.Duration { return time.Duration(time.Now().UnixNano()) }
