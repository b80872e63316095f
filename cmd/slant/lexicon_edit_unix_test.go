//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLexiconEditRefusesPipe checks that add and remove refuse a named pipe
// as the file to edit at once, rather than waiting for a writer for ever.
func TestLexiconEditRefusesPipe(t *testing.T) {
	for _, args := range [][]string{
		{"lexicon", "add", "", "--category", "labels", "--term", "goons", "--tone", "loaded"},
		{"lexicon", "remove", "", "--term", "goons"},
	} {
		t.Run(args[1], func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "desk.yaml")
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			args[2] = fifo
			type result struct {
				code           int
				stdout, stderr string
			}
			done := make(chan result, 1)
			go func() {
				var stdout, stderr bytes.Buffer
				code := run(args, nil, &stdout, &stderr)
				done <- result{code, stdout.String(), stderr.String()}
			}()
			select {
			case r := <-done:
				want := "slant: " + fifo + ": is not a regular file (a named pipe or a device), and only a file can be edited in place\n"
				if r.code != exitBadUse || r.stdout != "" || r.stderr != want {
					t.Errorf("status %d, stdout %q, stderr %q; want %d and %q", r.code, r.stdout, r.stderr, exitBadUse, want)
				}
				if info, err := os.Lstat(fifo); err != nil || info.Mode().Type() != os.ModeNamedPipe {
					t.Errorf("the pipe is no longer a pipe: %v", err)
				}
			case <-time.After(10 * time.Second):
				// Let the command go: a writer that writes nothing.
				if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					w.Close()
				}
				t.Fatal("still waiting on the pipe after 10 s")
			}
		})
	}
}
