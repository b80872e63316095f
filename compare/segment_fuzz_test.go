package compare

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzSegment checks that Segments never panics and keeps its promises on
// any input: segments in order, inside the text, not overlapping, trimmed,
// not empty, and nothing but white space left outside them.
func FuzzSegment(f *testing.F) {
	for _, tc := range segmentCases {
		f.Add(tc.text)
	}
	seeds := []string{
		filepath.Join("..", "testdata", "events", "nato-missile-shield-2012", "presstv-2012-05-05-nato-missile-shield.txt"),
		filepath.Join("..", "..", "shared", "seed", "presstv-2012-05-05-nato-missile-shield.txt"),
	}
	more, err := filepath.Glob(filepath.Join("..", "testdata", "events", "*", "*.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range append(seeds, more...) {
		data, err := os.ReadFile(path)
		if err != nil {
			continue // the seed is optional
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, text string) {
		segs := Segments(text)
		checkSegments(t, text, segs)
	})
}
