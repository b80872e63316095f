package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/slant-news/slant/compare"
)

// outputFile is one file a command writes: where, and what goes in it.
type outputFile struct {
	path  string
	write func(io.Writer) error
}

// writeOutput writes data to path atomically (a temporary file in the same
// directory, renamed into place; a device or pipe is written in place, see
// atomicFile), or to standard output or error when path names one (see
// stdStream). It refuses to replace a file named as an input: slant never
// writes to its inputs.
func writeOutput(e *env, path string, data []byte) error {
	return writeOutputs(e, outputFile{path, writeAll(data)})
}

// writeOutputs writes several outputs (a report and its key) as
// writeOutput writes one, and all or none of them: every output is checked
// against the inputs and every temporary file is created and written
// before any is renamed into place, so that a folder that does not exist,
// a full disk or an input named as an output leaves every output as it
// was. What goes to standard output or error is written last, after the
// files are in place, in the order given.
func writeOutputs(e *env, outs ...outputFile) error {
	for _, out := range outs {
		if e.stdStream(out.path) != nil {
			continue
		}
		if in := e.inputAt(out.path); in != "" {
			return outputError{fmt.Errorf("cannot write %s: it is the input %s, which slant does not overwrite", out.path, in)}
		}
	}
	files := make([]*atomicFile, len(outs))
	abort := func() {
		for _, f := range files {
			if f != nil {
				f.abort()
			}
		}
	}
	for i, out := range outs {
		if e.stdStream(out.path) != nil {
			continue
		}
		f, err := createAtomic(out.path)
		if err != nil {
			abort()
			return err
		}
		files[i] = f
	}
	for i, out := range outs {
		if files[i] == nil {
			continue
		}
		if err := out.write(files[i]); err != nil {
			abort()
			return fmt.Errorf("cannot write %s: %v", out.path, unwrapPathErr(err))
		}
	}
	for _, f := range files {
		if f == nil {
			continue
		}
		if err := f.commit(); err != nil {
			abort()
			return err
		}
	}
	for i, out := range outs {
		if files[i] != nil {
			continue
		}
		if err := out.write(e.stdStream(out.path)); err != nil {
			return err
		}
	}
	for _, out := range outs {
		e.warnIfRead(out.path)
	}
	return nil
}

// warnIfRead warns when a file just written lies in an input folder that
// is read file by file (it has no event.yaml) under an article's name: the
// next run on that folder would compare it as one more outlet. A symbolic
// link is judged by the file it leads to, where the output went.
func (e *env) warnIfRead(path string) {
	if e.stdStream(path) != nil {
		return
	}
	target := outputTarget(path)
	if !compare.IsArticleName(filepath.Base(target)) {
		return
	}
	dir, err := os.Stat(filepath.Dir(target))
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

// writeAll returns a write function for an outputFile that writes data.
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

// inputAt returns the input that is the file at path, or "": one of the
// command's arguments, or a file noteRead added.
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

// noteRead adds to the inputs no output may replace the files a command
// read besides its arguments: the event.yaml of a folder argument, the
// articles of a folder or manifest, and the lexicon files. Call it before
// the documents' sources are rewritten for display.
func (e *env) noteRead(args []string, docs []compare.Document, lexicons []string) {
	for _, arg := range args {
		if info, err := os.Stat(arg); err == nil && info.IsDir() {
			e.inputs = append(e.inputs, filepath.Join(arg, compare.ManifestName))
		}
	}
	for _, doc := range docs {
		if doc.Source == "standard input" || strings.Contains(doc.Source, "://") {
			continue
		}
		e.inputs = append(e.inputs, doc.Source)
	}
	e.inputs = append(e.inputs, lexicons...)
}

// outputTarget is the absolute name of the file a write to path replaces
// (see createAtomic): the file a symbolic link at path leads to, or else
// path itself in its folder, with the links on the way resolved. Checks of
// where an output goes look at this name, not at path.
func outputTarget(path string) string {
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(resolved); err == nil {
			return abs
		}
		return resolved
	}
	dir := filepath.Dir(path)
	if resolved, err := filepath.EvalSymlinks(dir); err == nil {
		dir = resolved
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Join(dir, filepath.Base(path))
}

// atomicFile is an output file written through a temporary file in the
// same directory and renamed into place when complete, so that the file
// is never seen half-written. It replaces what a symbolic link points to
// and keeps the permissions of the file replaced; a new file gets 0666
// less the umask, as os.Create gives. An output that exists and is not a
// file (a device such as /dev/null, a named pipe, a shell's >(...)), or
// that is named under /dev or /proc (the system's names for open files),
// is written in place: there is no file to replace, and replacing the name
// would break it.
type atomicFile struct {
	path   string // as given, for messages
	target string // the file replaced (see outputTarget)
	// replaces says whether target exists; mode is then its permissions,
	// given to the new file.
	replaces bool
	mode     os.FileMode
	tmp      *os.File
	direct   bool // tmp is the output itself, written in place
	done     bool
}

func createAtomic(path string) (*atomicFile, error) {
	a := &atomicFile{path: path, target: outputTarget(path)}
	perm := os.FileMode(0o666)
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return nil, outputError{fmt.Errorf("cannot write %s: is a directory", path)}
		}
		if !info.Mode().IsRegular() || systemName(path) {
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				return nil, outputError{fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))}
			}
			return &atomicFile{path: path, tmp: f, direct: true}, nil
		}
		a.replaces, a.mode = true, info.Mode().Perm()
		// Never more open than the file replaced, not even while it is
		// written.
		perm = a.mode
	}
	tmp, err := createTemp(filepath.Dir(a.target), filepath.Base(a.target), perm)
	if err != nil {
		return nil, outputError{fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))}
	}
	a.tmp = tmp
	return a, nil
}

// createTemp creates a new file ".BASE.tmp-NNN" in dir with the
// permissions perm less the umask, as os.Create does (os.CreateTemp would
// give 0600 whatever the umask), and records it in tempFiles.
func createTemp(dir, base string, perm os.FileMode) (*os.File, error) {
	tempFiles.Lock()
	defer tempFiles.Unlock()
	if tempFiles.stopped {
		return nil, errors.New("slant is being stopped by a signal")
	}
	for range 10000 {
		name := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err == nil {
			tempFiles.names[name] = true
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "create", Path: filepath.Join(dir, "."+base+".tmp-*"), Err: fs.ErrExist}
}

// tempFiles are the temporary files being written, for removeTempFiles.
var tempFiles = struct {
	sync.Mutex
	names   map[string]bool
	stopped bool // removeTempFiles has run: no more are made
}{names: map[string]bool{}}

// forgetTemp takes a temporary file off the list, renamed or removed.
func forgetTemp(name string) {
	tempFiles.Lock()
	delete(tempFiles.names, name)
	tempFiles.Unlock()
}

// removeTempFiles removes every temporary file being written and refuses
// to create more, for a signal that ends slant before the files are done.
// Each output stays the old file (or none), whole.
func removeTempFiles() {
	tempFiles.Lock()
	defer tempFiles.Unlock()
	tempFiles.stopped = true
	for name := range tempFiles.names {
		os.Remove(name)
		delete(tempFiles.names, name)
	}
}

// systemName says whether path lies under /dev or /proc.
func systemName(path string) bool {
	abs, err := filepath.Abs(path)
	return err == nil && (strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/"))
}

func (a *atomicFile) Write(p []byte) (int, error) { return a.tmp.Write(p) }

// commit puts the file in place.
func (a *atomicFile) commit() error {
	if a.direct {
		a.done = true
		if err := a.tmp.Close(); err != nil {
			return fmt.Errorf("cannot write %s: %v", a.path, unwrapPathErr(err))
		}
		return nil
	}
	name := a.tmp.Name()
	err := a.tmp.Close()
	if err == nil && a.replaces {
		err = os.Chmod(name, a.mode)
	}
	if err == nil {
		err = os.Rename(name, a.target)
	}
	a.done = true
	forgetTemp(name)
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write %s: %v", a.path, unwrapPathErr(err))
	}
	return nil
}

// abort removes the temporary file, unless commit has run. What was
// written in place stays written.
func (a *atomicFile) abort() {
	if a.done {
		return
	}
	a.done = true
	a.tmp.Close()
	if !a.direct {
		os.Remove(a.tmp.Name())
		forgetTemp(a.tmp.Name())
	}
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
