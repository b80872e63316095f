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
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return outputError{fmt.Errorf("cannot write %s: is a directory", path)}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
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
		werr = os.Chmod(name, 0o644)
	}
	if werr == nil {
		werr = os.Rename(name, path)
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
