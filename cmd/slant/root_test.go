package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slant-news/slant/compare"
)

// TestReport checks how errors become exit statuses and stderr lines.
func TestReport(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		stderr string
	}{
		{"usage", usageError{errors.New("unknown format \"x\"")}, exitBadUse,
			"slant: unknown format \"x\" (run 'slant help' for usage)\n"},
		{"input", &compare.InputError{Input: "a.txt", Err: errors.New("empty article")}, exitBadUse,
			"slant: a.txt: empty article\n"},
		{"output", outputError{errors.New("cannot write out/x.json: no such file or directory")}, exitBadUse,
			"slant: cannot write out/x.json: no such file or directory\n"},
		{"too few", compare.ErrTooFewArticles, exitBadUse, "slant: need at least two articles to compare\n"},
		{"manifest", &compare.ManifestError{File: "event.yaml", Problems: []compare.Problem{
			{Line: 2, Column: 3, Message: "unknown key \"fiel\" (did you mean \"file\"?)"},
			{Line: 5, Column: 1, Message: "article has neither file: nor url:"},
		}}, exitBadUse, "slant: event.yaml:2:3: unknown key \"fiel\" (did you mean \"file\"?)\nslant: event.yaml:5:1: article has neither file: nor url:\n"},
		{"a bug", errors.New("index out of range"), exitFailure, "slant: index out of range\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := report(&stderr, tc.err); got != tc.status {
				t.Errorf("status %d, want %d", got, tc.status)
			}
			if stderr.String() != tc.stderr {
				t.Errorf("stderr %q, want %q", stderr.String(), tc.stderr)
			}
		})
	}
}

// TestRunCompareDirect calls runCompare without cobra and checks that a
// failing run leaves no output file behind.
func TestRunCompareDirect(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	var stdout bytes.Buffer
	e := &env{stdout: &stdout, stderr: &bytes.Buffer{}, getenv: func(string) string { return "" }}
	opts := &compareOptions{
		inputs: []string{"../../testdata/events/nato-missile-shield-2012"}, format: "json", output: out,
		minSimilarity: compare.DefaultMinSimilarity, maxBytes: compare.DefaultMaxBytes, color: "auto",
	}
	if err := runCompare(context.Background(), e, opts); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("{\n  \"schema_version\": 3,")) {
		t.Fatalf("output file: %v, %.40q", err, data)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout has %d bytes with -o", stdout.Len())
	}
	bad := filepath.Join(dir, "bad.json")
	opts.inputs, opts.output = []string{"../../testdata/events/nato-missile-shield-2012/meridian-wire.txt"}, bad
	err = runCompare(context.Background(), e, opts)
	if err == nil || !strings.Contains(err.Error(), "at least two") {
		t.Fatalf("one article: err = %v", err)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a failed run left %s behind", bad)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only out.json (no temporary files)", len(entries))
	}
}
