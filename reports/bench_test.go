package reports

import (
	"io"
	"testing"
)

// BenchmarkRender times each renderer on the NATO event:
//
//	go test ./reports -run '^$' -bench BenchmarkRender -benchmem
func BenchmarkRender(b *testing.B) {
	res := compareEvent(b, "../testdata/events/nato-missile-shield-2012")
	formats := []struct {
		name   string
		render func(io.Writer) error
	}{
		{"text", func(w io.Writer) error { return Text(w, res, TextOptions{Width: 100}) }},
		{"json", func(w io.Writer) error { return JSON(w, res) }},
		{"markdown", func(w io.Writer) error { return Markdown(w, NewReport(res)) }},
		{"html", func(w io.Writer) error { return HTML(w, NewReport(res)) }},
	}
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := f.render(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
