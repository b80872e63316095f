package compare

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkBlind times hiding the outlets' names: in the example events
// as loaded, and in a synthetic 10-outlet event whose articles name
// outlets, their short forms, handles, hashtags and addresses often.
//
//	go test ./compare -run '^$' -bench Blind -benchmem
func BenchmarkBlind(b *testing.B) {
	dirs, _ := filepath.Glob("../testdata/events/*")
	for _, dir := range dirs {
		ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(dir), func(b *testing.B) { benchmarkBlind(b, ev) })
	}
	ev := syntheticEvent(10, 40, 1)
	names := []string{"Quillton Bugle", "Ostrel Herald", "The Sun", "Beacon", "Fenwick Daily Star", "Harbor Ledger", "Morning Star", "The Guardian", "Ostrel News", "Press TV"}
	for i := range ev.Documents {
		d := &ev.Documents[i]
		d.Outlet = names[i]
		var b strings.Builder
		for k, para := range strings.Split(d.Text, "\n\n") {
			b.WriteString(para)
			if k%3 == 1 {
				fmt.Fprintf(&b, " The %s said so, a %s reporter told the %s; see #%sLive, @%s and www.%s.example.",
					names[(i+k)%len(names)], names[(i+k+1)%len(names)], shortOf(names[(i+k+2)%len(names)]),
					strings.ReplaceAll(names[(i+k+3)%len(names)], " ", ""), strings.ToLower(strings.ReplaceAll(names[(i+k+4)%len(names)], " ", "_")),
					strings.ToLower(strings.ReplaceAll(names[(i+k+5)%len(names)], " ", "")))
			}
			b.WriteString("\n\n")
		}
		d.Text = b.String()
	}
	b.Run("synthetic-10", func(b *testing.B) { benchmarkBlind(b, ev) })
}

// shortOf is the last word of a name.
func shortOf(name string) string { return name[strings.LastIndexByte(name, ' ')+1:] }

func benchmarkBlind(b *testing.B, ev Event) {
	var n int64
	for _, d := range ev.Documents {
		n += int64(len(d.Text) + len(d.Headline))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Blind(ev); err != nil {
			b.Fatal(err)
		}
	}
}
