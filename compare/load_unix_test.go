//go:build unix

package compare

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestListedFilesAreFiles checks that a named pipe a folder or a manifest
// lists is refused at once (reading it would wait for a writer for ever),
// while a pipe named as an input, as a shell's <(...) is, is read.
func TestListedFilesAreFiles(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "One sentence here.\n", "b.txt": "Another sentence there.\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pipe := filepath.Join(dir, "c.txt")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	load := func(inputs ...string) error {
		done := make(chan error, 1)
		go func() {
			_, err := Load(context.Background(), inputs, LoadOptions{})
			done <- err
		}()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Fatalf("loading %v still waits after 10 s", inputs)
			return nil
		}
	}
	var ie *InputError
	if err := load(dir); !errors.As(err, &ie) || !strings.Contains(err.Error(), "c.txt: is a named pipe, not a file") {
		t.Errorf("the folder: %v", err)
	}
	manifest := filepath.Join(dir, "event.yaml")
	if err := os.WriteFile(manifest, []byte("articles:\n  - file: a.txt\n  - file: c.txt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := load(manifest); !errors.As(err, &ie) || !strings.Contains(err.Error(), "is a named pipe") {
		t.Errorf("the manifest: %v", err)
	}
	// A folder's event.yaml must be a file too.
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(sub, ManifestName), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := load(sub); !errors.As(err, &ie) || !strings.Contains(err.Error(), "event.yaml: is a named pipe, not a file") {
		t.Errorf("the folder's manifest: %v", err)
	}
	// Named on the command line, the pipe is read once a writer comes.
	go func() {
		if f, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
			f.WriteString("A third sentence.\n")
			f.Close()
		}
	}()
	if err := load(filepath.Join(dir, "a.txt"), pipe); err != nil {
		t.Errorf("the pipe as an input: %v", err)
	}
}

// TestPipedPage checks that a page read through a named pipe, as a shell's
// <(curl ...) hands it over, is read as a page: a pipe has no extension.
func TestPipedPage(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "63")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		f, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(loadPage)
		f.Close()
	}()
	done := make(chan struct{})
	var ev Event
	var err error
	go func() {
		defer close(done)
		ev, err = Load(context.Background(), []string{pipe}, LoadOptions{})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading the pipe still waits after 10 s")
	}
	if err != nil {
		t.Fatal(err)
	}
	if doc := ev.Documents[0]; doc.Kind != "html" || doc.Outlet != "River Daily" || strings.Contains(doc.Text, "<") {
		t.Errorf("piped page read as kind %q, outlet %q, text %q", doc.Kind, doc.Outlet, doc.Text)
	}
}

// TestDescriptorNames checks that an article read through a descriptor, as
// a shell's <(...) hands it over, is named after its place among the
// inputs rather than after the descriptor's number.
func TestDescriptorNames(t *testing.T) {
	if _, err := os.Stat("/dev/fd/0"); err != nil {
		t.Skip("no /dev/fd here")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		w.WriteString("The dam broke on Monday night.\n")
		w.Close()
	}()
	dir := t.TempDir()
	file := filepath.Join(dir, "wire.txt")
	if err := os.WriteFile(file, []byte("A dam failed on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fd := fmt.Sprintf("/dev/fd/%d", r.Fd())
	ev, err := Load(context.Background(), []string{file, fd}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{ev.Documents[0].Name, ev.Documents[1].Name}; got[0] != "wire" || got[1] != "input 2" {
		t.Errorf("names %q, want wire and input 2", got)
	}
	if ev.Documents[1].Source != fd {
		t.Errorf("source %q, want %q", ev.Documents[1].Source, fd)
	}
	for _, tc := range []struct {
		path string
		want bool
	}{{"/dev/fd/63", true}, {"/proc/self/fd/5", true}, {"/dev/fd/", false}, {"/dev/fd/x1", false}, {"/tmp/63", false}} {
		if got := isDescriptorPath(tc.path); got != tc.want {
			t.Errorf("isDescriptorPath(%q) = %v", tc.path, got)
		}
	}
}
