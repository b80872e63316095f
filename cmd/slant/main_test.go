package main

import (
	"errors"
	"flag"
	"math"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
)

// update makes failing cmp commands rewrite the expected file inside their
// script instead of failing: go test ./cmd/slant -update.
var update = flag.Bool("update", false, "rewrite expected files in testdata/script/*.txtar")

// TestMain lets the scripts run slant as a command: testscript runs the test
// binary under the name "slant", which calls run just as main does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"slant": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the whole-CLI scripts in testdata/script. Besides the
// standard commands, the scripts can use:
//
//	exits N program [args...]   run program like exec; its exit status must be N
//	writebytes file 'text'      write text, with Go escapes such as \x00, to file
//	utf16 src dst               write src as UTF-16LE with a byte-order mark to dst
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":      cmdExits,
			"writebytes": cmdWriteBytes,
			"utf16":      cmdUTF16,
		},
	})
}

// cmdExits runs a program like exec and checks its exit status, which exec
// cannot: "! exec" accepts any failure.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdWriteBytes writes bytes a txtar file cannot hold well, such as NUL or
// invalid UTF-8, given as a Go string literal's body.
func cmdWriteBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes file 'text with Go escapes'")
	}
	data, err := strconv.Unquote(`"` + args[1] + `"`)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o666))
}

// cmdUTF16 rewrites a UTF-8 file as UTF-16LE with a byte-order mark.
func cmdUTF16(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: utf16 src dst")
	}
	units := utf16.Encode([]rune(ts.ReadFile(args[0])))
	data := []byte{0xFF, 0xFE}
	for _, u := range units {
		data = append(data, byte(u), byte(u>>8))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o666))
}

// resetGCTuning saves the collector's settings and tuneGC's state and puts
// them back when the test ends, with no sentinel of the test left to act.
func resetGCTuning(t *testing.T) {
	disarm := func() {
		gcTuning.Lock()
		gcTuning.generation++
		gcTuning.lifted = false
		gcTuning.Unlock()
	}
	disarm()
	oldPercent := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		disarm()
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
}

// gcSettings reads the GC percent and memory limit without changing them.
func gcSettings() (percent, limit uint64) {
	samples := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(samples)
	return samples[0].Value.Uint64(), samples[1].Value.Uint64()
}

// TestTuneGC checks the collector settings main makes, and that GOGC and
// GOMEMLIMIT from the environment are left to win.
func TestTuneGC(t *testing.T) {
	resetGCTuning(t)
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }

	tuneGC(env(nil))
	if p := debug.SetGCPercent(100); p != -1 {
		t.Errorf("GC percent %d, want -1 (collect near the limit only)", p)
	}
	if l := debug.SetMemoryLimit(-1); l != eventMemory {
		t.Errorf("memory limit %d, want %d", l, eventMemory)
	}
	scaleMemoryLimit(env(nil), 3)
	if l := debug.SetMemoryLimit(-1); l != 3*eventMemory {
		t.Errorf("batch of 3: memory limit %d, want %d", l, 3*eventMemory)
	}

	debug.SetMemoryLimit(math.MaxInt64)
	set := env(map[string]string{"GOGC": "100", "GOMEMLIMIT": "1GiB"})
	tuneGC(set)
	scaleMemoryLimit(set, 3)
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("with GOGC set: GC percent %d, want it left at 100", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set: memory limit %d, want it left alone", l)
	}

	// A limit of the user's own: no collection without it, so the heap
	// grows by a GC percent as before.
	tuneGC(env(map[string]string{"GOMEMLIMIT": "1GiB"}))
	if p := debug.SetGCPercent(100); p != 400 {
		t.Errorf("with GOMEMLIMIT set: GC percent %d, want 400", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set: memory limit %d, want it left alone", l)
	}
}

// TestTuneGCLiftsLimit checks that a collection with a small live heap
// keeps "collect at the limit", and that one finding half the limit or
// more live turns to GOGC=100 with no limit, so that a large run does not
// collect over and over near the limit.
func TestTuneGCLiftsLimit(t *testing.T) {
	resetGCTuning(t)
	state := func() (checks int, lifted bool) {
		gcTuning.Lock()
		defer gcTuning.Unlock()
		return gcTuning.checks, gcTuning.lifted
	}
	// collect runs collections until afterCollection has looked at one
	// (or has lifted the limit already, in a collection of its own).
	collect := func() {
		t.Helper()
		before, _ := state()
		deadline := time.Now().Add(10 * time.Second)
		for checks, lifted := state(); checks == before && !lifted; checks, lifted = state() {
			if time.Now().After(deadline) {
				t.Fatal("no sentinel seen collected within 10 s")
			}
			runtime.GC()
			time.Sleep(time.Millisecond)
		}
	}

	tuneGC(func(string) string { return "" })
	collect()
	if live := liveHeap(); live >= eventMemory/2 {
		t.Skipf("the test binary's live heap is already %d MiB", live>>20)
	}
	if p, l := gcSettings(); int64(p) != -1 || l != eventMemory { // off reads as -1
		t.Errorf("small live heap: GC percent %d, limit %d; want off and %d", int64(p), l, eventMemory)
	}

	ballast := make([]byte, eventMemory*3/4) // live, and more than half the limit
	collect()
	runtime.KeepAlive(ballast)
	if p, l := gcSettings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("live heap over half the limit: GC percent %d, limit %d; want 100 and none", int64(p), l)
	}

	// GOGC of the user's: the limit is lifted, the percent stays.
	debug.SetGCPercent(50)
	tuneGC(func(k string) string {
		if k == "GOGC" {
			return "50"
		}
		return ""
	})
	ballast = make([]byte, eventMemory*3/4)
	collect()
	runtime.KeepAlive(ballast)
	if p, l := gcSettings(); p != 50 || l != math.MaxInt64 {
		t.Errorf("with GOGC=50: GC percent %d, limit %d; want 50 and none", int64(p), l)
	}
}
