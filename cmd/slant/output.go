package main

import (
	"errors"
	"fmt"
	"os"
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
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.abort()
		return fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))
	}
	return f.commit()
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
