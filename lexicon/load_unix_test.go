//go:build unix

package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExtendsOnlyFiles checks that a lexicon extending a named pipe is
// refused at once rather than waiting for a writer for ever.
func TestExtendsOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "base.yaml"), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	top := filepath.Join(dir, "top.yaml")
	if err := os.WriteFile(top, []byte("name: top\nextends: [base.yaml]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(top)
		done <- err
	}()
	select {
	case err := <-done:
		var le *Error
		if !errors.As(err, &le) || !strings.Contains(err.Error(), "base.yaml: is not a file") {
			t.Errorf("error %v, want base.yaml refused as not a file", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load still waits on the pipe after 10 s")
	}
}
