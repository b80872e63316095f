//go:build unix

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/slant-news/slant/reports"
)

// readFIFO makes a named pipe in a new directory and returns it with a
// function that returns all a writer wrote into it (nil if nothing was
// written within 10 seconds: the pipe was never opened).
func readFIFO(t *testing.T) (string, func() []byte) {
	t.Helper()
	fifo := filepath.Join(t.TempDir(), "out.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(fifo) // waits for the writer
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	return fifo, func() []byte {
		select {
		case b := <-got:
			return b
		case <-time.After(10 * time.Second):
			return nil
		}
	}
}

// stillFIFO fails the test unless path is still a named pipe, alone in
// its directory.
func stillFIFO(t *testing.T, path string) {
	t.Helper()
	if info, err := os.Lstat(path); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a named pipe (%v)", path, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("the pipe's directory holds %d entries, want the pipe alone", len(entries))
	}
}

// TestOutputToPipe checks that an output that is not a file (a named pipe
// here; /dev/null is the same case) is written in place, not replaced by a
// file.
func TestOutputToPipe(t *testing.T) {
	t.Run("writeOutput", func(t *testing.T) {
		fifo, got := readFIFO(t)
		if err := writeOutput(&env{stdout: &bytes.Buffer{}}, fifo, []byte("report\n")); err != nil {
			t.Fatal(err)
		}
		if b := got(); string(b) != "report\n" {
			t.Errorf("the reader got %q, want the report", b)
		}
		stillFIFO(t, fifo)
	})
	t.Run("compare --format json", func(t *testing.T) {
		fifo, got := readFIFO(t)
		var stdout, stderr bytes.Buffer
		if code := run([]string{"compare", "--format", "json", "-o", fifo, "../../testdata/events/nato-missile-shield-2012"}, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if b := got(); !bytes.HasPrefix(b, []byte("{\n")) || !bytes.HasSuffix(b, []byte("}\n")) {
			t.Errorf("the reader got %d bytes, not a whole JSON document", len(b))
		}
		stillFIFO(t, fifo)
	})
	t.Run("batch --resume refuses it", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "out.jsonl")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		// Reading a pipe no one writes to waits for ever: the run gets 10
		// seconds to refuse it.
		var stdout, stderr bytes.Buffer
		done := make(chan int, 1)
		go func() {
			done <- run([]string{"batch", "--resume", "-o", fifo, "../../testdata/events"}, nil, &stdout, &stderr)
		}()
		select {
		case code := <-done:
			if code != exitBadUse || !strings.Contains(stderr.String(), "not a file a run could be resumed from") {
				t.Errorf("exit %d, stderr %q", code, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Fatal("batch --resume still waiting on the pipe after 10 s")
		}
		stillFIFO(t, fifo)
	})
}

// TestNewOutputUmask checks that a new output file gets 0666 less the
// umask, as os.Create gives, from writeOutput and from batch -o, and that
// a file replaced keeps its own mode whatever the umask.
func TestNewOutputUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	mode := func(path string) os.FileMode {
		t.Helper()
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return info.Mode().Perm()
	}

	report := filepath.Join(dir, "report.txt")
	if err := writeOutput(&env{stdout: &bytes.Buffer{}}, report, []byte("report\n")); err != nil {
		t.Fatal(err)
	}
	if m := mode(report); m != 0o600 {
		t.Errorf("report under umask 077: mode %v, want -rw-------", m)
	}

	events, _ := makeEventDirs(t, 2)
	opts := testBatchOptions(events, 1)
	opts.output = filepath.Join(dir, "events.jsonl")
	opts.runEvent = func(_ context.Context, dir string) (*reports.Document, error) { return fakeDocument(dir), nil }
	var stdout, stderr bytes.Buffer
	if err := runBatch(context.Background(), testEnv(&stdout, &stderr), opts); err != nil {
		t.Fatal(err)
	}
	if m := mode(opts.output); m != 0o600 {
		t.Errorf("batch -o under umask 077: mode %v, want -rw-------", m)
	}

	shared := filepath.Join(dir, "shared.txt")
	if err := os.WriteFile(shared, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(shared, 0o664)
	if err := writeOutput(&env{stdout: &bytes.Buffer{}}, shared, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if m := mode(shared); m != 0o664 {
		t.Errorf("replaced file: mode %v, want its own -rw-rw-r--", m)
	}
}
