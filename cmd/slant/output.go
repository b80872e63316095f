package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/slant-news/slant/compare"
)

// writeOutput writes data to path atomically (a temporary file in the same
// directory, renamed into place; a device or pipe is written in place, see
// atomicFile), or to standard output or error when path names one (see
// stdStream). It refuses to replace a file named as an input: slant never
// writes to its inputs.
func writeOutput(e *env, path string, data []byte) error {
	return streamOutput(e, path, writeAll(data))
}

// streamOutput is writeOutput of what write writes: to stdout as it comes,
// or to a file that is put in place only when write succeeds.
func streamOutput(e *env, path string, write func(io.Writer) error) error {
	if e.stdStream(path) == nil {
		if in := e.inputAt(path); in != "" {
			return outputError{fmt.Errorf("cannot write %s: it is the input %s, which slant does not overwrite", path, in)}
		}
	}
	if err := streamAtomic(e, path, write); err != nil {
		return err
	}
	e.warnIfRead(path)
	return nil
}

// warnIfRead warns when a file just written lies in an input folder that
// is read file by file (it has no event.yaml) under an article's name: the
// next run on that folder would compare it as one more outlet.
func (e *env) warnIfRead(path string) {
	if e.stdStream(path) != nil || !compare.IsArticleName(filepath.Base(path)) {
		return
	}
	dir, err := os.Stat(filepath.Dir(path))
	if err != nil {
		return
	}
	for _, in := range e.inputs {
		info, err := os.Stat(in)
		if err != nil || !info.IsDir() || !os.SameFile(info, dir) {
			continue
		}
		if _, err := os.Stat(filepath.Join(in, compare.ManifestName)); err == nil {
			continue // the folder's event.yaml says which files are articles
		}
		fmt.Fprintf(e.stderr, "slant: warning: %s is in the event folder %s: the next run on that folder will read it as an article\n", path, in)
		return
	}
}

// writeAll returns a write function for streamOutput that writes data.
func writeAll(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// writeAtomic writes data to path atomically, or to the standard stream
// path names.
func writeAtomic(e *env, path string, data []byte) error {
	return streamAtomic(e, path, writeAll(data))
}

// streamAtomic is writeAtomic of what write writes.
func streamAtomic(e *env, path string, write func(io.Writer) error) error {
	if w := e.stdStream(path); w != nil {
		return write(w)
	}
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.abort()
		return fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))
	}
	return f.commit()
}

// stdStream returns standard output for "", "-" and the system's names
// for it (/dev/stdout, /dev/fd/1), standard error for its names, and nil
// for any other path. Written through their names, they would be opened
// afresh, and what slant writes to them otherwise would overwrite it.
func (e *env) stdStream(path string) io.Writer {
	switch path {
	case "", "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return e.stdout
	case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
		return e.stderr
	}
	return nil
}

// sameFile says whether two outputs (the report and a key) name one file,
// so that the second would write over the first: the same path once made
// absolute, or two names of one existing file. The command's own streams
// (standard output and error, by any of their names) take both, one after
// the other, and are not counted.
func (e *env) sameFile(a, b string) bool {
	if a == "" || b == "" || e.stdStream(a) != nil || e.stdStream(b) != nil {
		return false
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	if errA == nil && errB == nil && absA == absB {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// inputAt returns the command-line input that is the file at path, or "".
func (e *env) inputAt(path string) string {
	out, err := os.Stat(path)
	if err != nil {
		return ""
	}
	for _, in := range e.inputs {
		if info, err := os.Stat(in); err == nil && os.SameFile(info, out) {
			return in
		}
	}
	return ""
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
