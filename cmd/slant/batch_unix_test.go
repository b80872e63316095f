//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/slant-news/slant/reports"
)

// TestBatchNamesNotUTF8 runs folders whose names are not valid UTF-8, and
// one whose name looks like their escaped form: each keeps an event name
// of its own, and a resumed run finds them all done.
func TestBatchNamesNotUTF8(t *testing.T) {
	dir := t.TempDir()
	folders := []string{"bad\xffbyte", "bad\xfebyte", `bad\xffbyte`, "good"}
	for _, folder := range folders {
		if err := os.Mkdir(filepath.Join(dir, folder), 0o755); err != nil {
			t.Skipf("this file system refuses the name %q: %v", folder, err)
		}
	}
	out := filepath.Join(t.TempDir(), "events.jsonl")
	var mu sync.Mutex
	var ran []string
	opts := testBatchOptions(dir, 2)
	opts.output = out
	opts.runEvent = func(_ context.Context, dir string) (*reports.Document, error) {
		mu.Lock()
		ran = append(ran, filepath.Base(dir))
		mu.Unlock()
		return fakeDocument(dir), nil
	}
	var stdout, stderr bytes.Buffer
	if err := runBatch(context.Background(), testEnv(&stdout, &stderr), opts); err != nil {
		t.Fatal(err)
	}
	slices.Sort(ran)
	if want := slices.Sorted(slices.Values(folders)); !slices.Equal(ran, want) {
		t.Errorf("ran the folders %q, want %q", ran, want)
	}
	first, _ := os.ReadFile(out)
	want := []string{`bad\\xffbyte`, `bad\xfebyte`, `bad\xffbyte`, "good"}
	if got := eventNames(decodeBatch(t, first)); !slices.Equal(got, want) {
		t.Fatalf("events %q, want %q", got, want)
	}

	ran = nil
	opts.resume = true
	if err := runBatch(context.Background(), testEnv(&stdout, &stderr), opts); err != nil {
		t.Fatal(err)
	}
	if len(ran) != 0 {
		t.Errorf("the resumed run ran %q again, want nothing", ran)
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(again, first) {
		t.Errorf("the resumed run changed the output:\n%s", again)
	}
}

// TestBatchSignals sends real signals to slant batch -o in a process of
// its own while one event waits on a URL: SIGINT and SIGHUP stop it as
// Ctrl-C does (the event cut short is not run, not failed; the events
// done are written; no temporary file is left), and a second signal while
// an event is still being compared ends it at once, leaving the old
// output as it was and no temporary file.
func TestBatchSignals(t *testing.T) {
	slant, err := exec.LookPath("slant") // put on PATH by testscript.Main
	if err != nil {
		t.Skipf("no slant command: %v", err)
	}
	// start runs slant batch -j JOBS -o out.jsonl events in dir and
	// returns the command and its stderr.
	start := func(t *testing.T, dir, jobs string) (*exec.Cmd, *bytes.Buffer) {
		var stderr bytes.Buffer
		cmd := exec.Command(slant, "batch", "-j", jobs, "-o", "out.jsonl", "events")
		cmd.Dir, cmd.Stderr = dir, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill() })
		return cmd, &stderr
	}
	noTemp := func(t *testing.T, dir string) {
		t.Helper()
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("temporary file %s left behind", e.Name())
			}
		}
	}

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			url, fetching := hangingServer(t)
			dir := t.TempDir()
			writeEvent(t, filepath.Join(dir, "events"), "e1", 1)
			writeURLEvent(t, filepath.Join(dir, "events"), "e2", url)
			cmd, stderr := start(t, dir, "1")
			select {
			case <-fetching:
			case <-time.After(20 * time.Second):
				t.Fatalf("e2 was never fetched; stderr %q", stderr.String())
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
				t.Errorf("slant ended with %v, want exit status %d", err, exitInterrupted)
			}
			if want := "slant: interrupted: 1 of 2 events not run; run again with --resume to finish\n"; stderr.String() != want {
				t.Errorf("stderr %q, want %q", stderr.String(), want)
			}
			data, _ := os.ReadFile(filepath.Join(dir, "out.jsonl"))
			if got := eventNames(decodeBatch(t, data)); !slices.Equal(got, []string{"e1"}) {
				t.Errorf("output holds %q, want e1 alone", got)
			}
			noTemp(t, dir)
		})
	}

	t.Run("second signal", func(t *testing.T) {
		// Two events side by side: one of 300 articles, which takes a
		// while to compare and does not stop for a signal, and one that
		// waits on a URL. The URL's first request says the other event
		// has started too: the workers take the events in order.
		url, fetching := hangingServer(t)
		dir := t.TempDir()
		article, err := os.ReadFile("../../testdata/events/nato-missile-shield-2012/meridian-wire.txt")
		if err != nil {
			t.Fatal(err)
		}
		slow := filepath.Join(dir, "events", "a-slow")
		if err := os.MkdirAll(slow, 0o755); err != nil {
			t.Fatal(err)
		}
		for i := range 300 {
			text := append([]byte(strings.Repeat("Update. ", i%7)+"\n\n"), article...)
			if err := os.WriteFile(filepath.Join(slow, fmt.Sprintf("%03d.txt", i)), text, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		writeURLEvent(t, filepath.Join(dir, "events"), "b-url", url)
		old := []byte(`{"event":"old","result":{}}` + "\n")
		if err := os.WriteFile(filepath.Join(dir, "out.jsonl"), old, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd, stderr := start(t, dir, "2")
		select {
		case <-fetching:
		case <-time.After(20 * time.Second):
			t.Fatalf("b-url was never fetched; stderr %q", stderr.String())
		}
		cmd.Process.Signal(syscall.SIGINT)
		time.Sleep(20 * time.Millisecond)
		cmd.Process.Signal(syscall.SIGTERM)
		err = cmd.Wait()
		data, _ := os.ReadFile(filepath.Join(dir, "out.jsonl"))
		var ee *exec.ExitError
		if ws, ok := exitStatus(err); ok && ws.Signaled() && ws.Signal() == syscall.SIGTERM {
			if !bytes.Equal(data, old) {
				t.Errorf("output holds %.80q, want the old file", data)
			}
		} else if errors.As(err, &ee) && ee.ExitCode() == exitInterrupted {
			// a-slow was compared before the second signal came: a
			// machine too fast for this test. The run stopped as on one
			// signal.
			t.Logf("slant exited %v before the second signal (stderr %q)", err, stderr.String())
		} else {
			t.Errorf("slant ended with %v, want it ended by SIGTERM (stderr %q)", err, stderr.String())
		}
		noTemp(t, dir)
	})
}

// exitStatus is how a command that ended with err ended.
func exitStatus(err error) (syscall.WaitStatus, bool) {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return 0, false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ws, ok
}

// TestBatchUnprintableNames runs event folders whose names hold a newline
// and an escape sequence, and fail: on stderr each message stays one line
// per problem, the name quoted and the path escaped, with no escape byte
// reaching the terminal; the JSON output keeps the names as they are.
func TestBatchUnprintableNames(t *testing.T) {
	t.Chdir(t.TempDir())
	writeEvent(t, "events", "good", 1)
	for _, folder := range []string{"bad\nname", "esc\x1b[31mred"} {
		if err := os.Mkdir(filepath.Join("events", folder), 0o755); err != nil {
			t.Skipf("this file system refuses the name %q: %v", folder, err)
		}
	}
	var stdout, stderr bytes.Buffer
	err := runBatch(context.Background(), testEnv(&stdout, &stderr), testBatchOptions("events", 2))
	if err == nil || report(&bytes.Buffer{}, err) != exitBadUse {
		t.Fatalf("err = %v, want two failed events (exit 2)", err)
	}
	wantStderr := `slant: "bad\nname": events/bad\nname: no article files (.txt, .md, .html, .htm) in this directory` + "\n" +
		`slant: "esc\x1b[31mred": events/esc\x1b[31mred: no article files (.txt, .md, .html, .htm) in this directory` + "\n"
	if stderr.String() != wantStderr {
		t.Errorf("stderr %q, want %q", stderr.String(), wantStderr)
	}
	lines := decodeBatch(t, stdout.Bytes())
	if got, want := eventNames(lines), []string{"bad\nname", "esc\x1b[31mred", "good"}; !slices.Equal(got, want) {
		t.Fatalf("events %q, want %q", got, want)
	}
	if want := "events/bad\nname: no article files (.txt, .md, .html, .htm) in this directory"; lines[0].Error != want {
		t.Errorf("error %q, want %q", lines[0].Error, want)
	}
	if !bytes.Contains(stdout.Bytes(), []byte(`{"event":"esc\u001b[31mred","error":"events/esc\u001b[31mred: no article`)) {
		t.Errorf("JSON output no longer escapes the name as before:\n%s", stdout.String())
	}
}
