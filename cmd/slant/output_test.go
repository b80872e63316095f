package main

import (
	"bytes"
	"os"
	"path/filepath"
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
	if info, err := os.Stat(fresh); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("a new file's mode = %v, want 0644 (%v)", info.Mode().Perm(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want real.yaml, link.yaml and fresh.json only", names)
	}
}
