package reports

import (
	"bytes"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/slant-news/slant/compare"
)

var htmlTag = regexp.MustCompile(`<[^>]*>`)

// plainWords puts a rendering's words on one line, one space apart, with
// its Markdown or HTML marks taken out.
func plainWords(format, s string) string {
	switch format {
	case "markdown":
		s = mdPlain(s)
	case "html":
		s = html.UnescapeString(htmlTag.ReplaceAllString(s, " "))
	}
	return strings.Join(strings.Fields(s), " ")
}

// edgeWords are the last (or first) n words of a quote's part.
func edgeWords(a *compare.Article, p compare.Span, n int, last bool) string {
	w := strings.Fields(a.Text[p.Start:p.End])
	if last {
		return strings.Join(w[max(0, len(w)-n):], " ")
	}
	return strings.Join(w[:min(n, len(w))], " ")
}

// TestQuotePartsShown checks that a quote in two parts ("...," he said,
// "...") is never shown as one run of words in quotation marks, in any
// rendering of any test event: where its words meet, the quote gap " … "
// stands for the attribution. Every part is shown as the article prints
// it, in slant quotes's listing; the NATO and Solvik worksheets show the
// two known two-part quotes with the gap.
func TestQuotePartsShown(t *testing.T) {
	checked := 0
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		res, key := blindEvent(t, dir)
		rep := NewReport(res)
		out := map[string]string{}
		var b bytes.Buffer
		if err := Text(&b, res, TextOptions{Width: 100}); err != nil {
			t.Fatal(err)
		}
		out["text report"] = plainWords("text", b.String())
		b.Reset()
		if err := QuotesText(&b, res.Articles, TextOptions{Width: 100}); err != nil {
			t.Fatal(err)
		}
		out["quotes listing"] = plainWords("text", b.String())
		b.Reset()
		if err := Markdown(&b, rep); err != nil {
			t.Fatal(err)
		}
		out["markdown report"] = plainWords("markdown", b.String())
		b.Reset()
		if err := HTML(&b, rep); err != nil {
			t.Fatal(err)
		}
		out["html report"] = plainWords("html", b.String())
		for _, format := range []string{"markdown", "html"} {
			out[format+" worksheet"] = plainWords(format, string(renderWorksheet(t, rep, format)))
			out[format+" key"] = plainWords(format, string(renderKey(t, rep, key, format)))
		}
		for i := range res.Articles {
			a := &res.Articles[i]
			for _, q := range a.Quotes {
				for k := 1; k < len(q.Parts); k++ {
					before, after := edgeWords(a, q.Parts[k-1], 3, true), edgeWords(a, q.Parts[k], 3, false)
					joined := before + " " + after
					if strings.Contains(a.Text, joined) {
						continue // the article itself prints these words so
					}
					checked++
					for what, s := range out {
						if strings.Contains(s, joined) {
							t.Errorf("%s: the %s shows %s's quote %d as one run: %q", name, what, a.ID, q.Index+1, joined)
						}
					}
					if gap := before + " … " + after; !strings.Contains(out["quotes listing"], gap) {
						t.Errorf("%s: the quotes listing does not show %s's quote %d with its gap: %q", name, a.ID, q.Index+1, gap)
					}
				}
			}
		}
		want := map[string]string{
			"nato-missile-shield-2012": "to the Russians, … Politically, we don't",
			"solvik-port-protest-2026": "a peaceful crowd, … That is not who we are",
		}[name]
		if want == "" {
			continue
		}
		for _, what := range []string{"markdown worksheet", "markdown key", "html worksheet", "html key", "html report"} {
			if !strings.Contains(out[what], want) {
				t.Errorf("%s: the %s does not show %q", name, what, want)
			}
		}
	}
	if checked == 0 {
		t.Error("no test event has a quote in two parts")
	}
}
