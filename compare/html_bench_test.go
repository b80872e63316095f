package compare

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoadHTML times reading web pages into documents (character
// set, markup, the readable-text extractor and the page's metadata) over
// the probe pages of testdata/html-probe and a real-sized event page:
//
//	go test ./compare -run '^$' -bench BenchmarkLoadHTML -benchmem
func BenchmarkLoadHTML(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("testdata", "html-probe", "*.html"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no probe pages: %v", err)
	}
	paths = append(paths, filepath.Join("..", "testdata", "events", "karvania-ceasefire-2025", "highland-voice.html"))
	pages := make([][]byte, len(paths))
	var n int64
	for i, p := range paths {
		if pages[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
		n += int64(len(pages[i]))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, page := range pages {
			newDocument(paths[i], "page", "html", page, "")
		}
	}
}
