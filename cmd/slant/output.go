package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// writeOutput writes data to path atomically (a temporary file in the same
// directory, renamed into place), or to stdout when path is "" or "-". It
// refuses to replace a file named as an input: slant never writes to its
// inputs.
func writeOutput(e *env, path string, data []byte) error {
	if path != "" && path != "-" {
		if in := e.inputAt(path); in != "" {
			return outputError{fmt.Errorf("cannot write %s: it is the input %s, which slant does not overwrite", path, in)}
		}
	}
	return writeAtomic(e, path, data)
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

// writeAtomic writes data to path atomically, or to stdout when path is ""
// or "-".
func writeAtomic(e *env, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	target, mode := path, os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return outputError{fmt.Errorf("cannot write %s: is a directory", path)}
		}
		// Replace what a symbolic link points to, not the link, and keep
		// the permissions of the file being replaced.
		if resolved, err := filepath.EvalSymlinks(path); err == nil {
			target = resolved
		}
		mode = info.Mode().Perm()
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return outputError{fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))}
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(name, mode)
	}
	if werr == nil {
		werr = os.Rename(name, target)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(werr))
	}
	return nil
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
