package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteOutputKeepsModeAndLink checks that replacing an existing file
// keeps its permissions, that a symbolic link keeps pointing at the file it
// named, now rewritten, and that no temporary file is left behind.
func TestWriteOutputKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	if err := os.WriteFile(real, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	e := &env{stdout: &bytes.Buffer{}}
	if err := writeOutput(e, link, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new\n" {
		t.Errorf("real file holds %q, want the new content", got)
	}
	info, err := os.Lstat(link)
	if err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if info, err := os.Stat(real); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("mode after writing = %v, want 0600 (%v)", info.Mode().Perm(), err)
	}
	fresh := filepath.Join(dir, "fresh.json")
	if err := writeOutput(e, fresh, []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	// A new file's mode is what os.Create gives: 0666 less the umask.
	created := filepath.Join(dir, "created.json")
	f, err := os.Create(created)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	want, _ := os.Stat(created)
	if info, err := os.Stat(fresh); err != nil || info.Mode().Perm() != want.Mode().Perm() {
		t.Errorf("a new file's mode = %v, want %v, as os.Create gives (%v)", info.Mode().Perm(), want.Mode().Perm(), err)
	}
	os.Remove(created)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want real.yaml, link.yaml and fresh.json only", names)
	}
}

// TestWriteOutputAtomic checks that a reader of the output file, while
// slant replaces it again and again, always sees one whole version, never
// a part of one or an empty file.
func TestWriteOutputAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	versions := [][]byte{bytes.Repeat([]byte("a"), 1<<20), bytes.Repeat([]byte("b"), 1<<20)}
	e := &env{stdout: &bytes.Buffer{}}
	if err := writeOutput(e, path, versions[0]); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	reads, torn := 0, 0
	go func() {
		defer close(done)
		for i := range 40 {
			if err := writeOutput(e, path, versions[(i+1)%2]); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read while writing: %v", err)
		}
		reads++
		if !bytes.Equal(data, versions[0]) && !bytes.Equal(data, versions[1]) {
			torn++
		}
	}
	if torn > 0 {
		t.Errorf("%d of %d reads saw a partly written file", torn, reads)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want the report alone", len(entries))
	}
}

// TestOutputStandardNames checks that /dev/stdout and /dev/stderr as
// outputs are the command's own streams, not files opened afresh: the key
// and the report both reach standard output, in order.
func TestOutputStandardNames(t *testing.T) {
	ev := "../../testdata/events/nato-missile-shield-2012"
	var stdout, stderr bytes.Buffer
	if code := run([]string{"compare", "--blind", "--key", "/dev/stdout", "-o", "/dev/fd/1", ev}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	key, report := strings.Index(out, "Which outlet is which"), strings.Index(out, "outlets compared with")
	if key < 0 || report < key {
		t.Errorf("standard output holds the key at %d and the report at %d, want both, key first", key, report)
	}
	stdout.Reset()
	if code := run([]string{"compare", "--format", "json", "-o", "/dev/stderr", ev}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if stdout.Len() != 0 || !strings.HasPrefix(stderr.String(), "{\n") {
		t.Errorf("-o /dev/stderr: %d bytes on standard output, standard error starts %.20q", stdout.Len(), stderr.String())
	}
}
