package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// writeOutput writes data to path atomically (a temporary file in the same
// directory, renamed into place), or to stdout when path is "" or "-".
func writeOutput(e *env, path string, data []byte) error {
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
