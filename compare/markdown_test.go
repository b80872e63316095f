package compare

import (
	"slices"
	"strings"
	"testing"
)

// TestMarkdownText checks how a Markdown article's inline markup is read
// out of it, and what is left as it is.
func TestMarkdownText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The **old dam** broke, [flooding](https://example.org/flood \"Flood\") three villages.",
			"The old dam broke, flooding three villages."},
		{"She called it *reckless* and __dangerous__; the _mayor_ agreed.", "She called it reckless and dangerous; the mayor agreed."},
		{"\"*We will rebuild*,\" she said.", "\"We will rebuild,\" she said."},
		{"![Aerial photo of the villages](https://example.org/photo.jpg)", ""},
		{"Crews used `pumps` and `` rope `knots` ``.", "Crews used pumps and rope `knots`."},
		{"See [the report][1] and <https://example.org/r> or <desk@example.org>.", "See the report and https://example.org/r or desk@example.org."},
		{"[1]: https://example.org/report \"The report\"", ""},
		{"> \"We are safe,\" a resident said.", "\"We are safe,\" a resident said."},
		{">> Nested quote.", "Nested quote."},
		{"A \\*literal\\* star and 5 \\_ marks.", "A *literal* star and 5 _ marks."},
		// Left as they are.
		{"Five * three is fifteen; 2*3 is six.", "Five * three is fifteen; 2*3 is six."},
		{"The snake_case name and file_name_here stay.", "The snake_case name and file_name_here stay."},
		{"* A bullet stays a bullet.", "* A bullet stays a bullet."},
		{"He said \"[sic]\" and \"[inaudible]\" twice.", "He said \"[sic]\" and \"[inaudible]\" twice."},
		{"[^1]: The source said so.", "[^1]: The source said so."},
		{"[Editor's note]: the story was updated on Monday.", "[Editor's note]: the story was updated on Monday."},
		{"An unclosed [bracket and a (paren.", "An unclosed [bracket and a (paren."},
		{"A < B and C > D.", "A < B and C > D."},
		{"", ""},
	}
	for _, tc := range tests {
		if got := markdownText(tc.in); got != tc.want {
			t.Errorf("markdownText(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
	// Lines stay lines, line endings as they were; fenced code is kept whole.
	in := "# Dam *breaks*\r\n\r\nIt **broke**.\n```\na **b** [c](d)\n```\nEnd _now_.\n"
	want := "# Dam breaks\r\n\r\nIt broke.\n```\na **b** [c](d)\n```\nEnd now.\n"
	if got := markdownText(in); got != want {
		t.Errorf("whole document:\n got %q\nwant %q", got, want)
	}
}

// TestMarkdownArticle checks that a Markdown article is compared by the
// words a reader sees: no marks or URLs in its sentences, its image line
// gone, its heading the headline, and offsets that find every sentence in
// the text as loaded.
func TestMarkdownArticle(t *testing.T) {
	doc, err := newDocument("valley.md", "valley", "markdown", []byte(`# Dam breaks upstream

The **old dam** above the valley broke on Monday night, [flooding](https://example.org/flood) three villages.

![Aerial photo of the flooded villages](https://example.org/photo.jpg)

Rescue crews reached the villages by boat on *Tuesday* morning, officials said.
`), "")
	if err != nil {
		t.Fatal(err)
	}
	a, err := buildArticle(doc)
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Dam breaks upstream" {
		t.Errorf("headline %q", a.Headline)
	}
	want := []string{
		"The old dam above the valley broke on Monday night, flooding three villages.",
		"Rescue crews reached the villages by boat on Tuesday morning, officials said.",
	}
	if len(a.Sentences) != len(want) {
		t.Fatalf("%d sentences, want %d: %+v", len(a.Sentences), len(want), a.Sentences)
	}
	for i, s := range a.Sentences {
		if s.Text != want[i] || a.Text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d = %q at %d:%d, want %q", i, s.Text, s.Start, s.End, want[i])
		}
		if strings.ContainsAny(s.Text, "*[]()") {
			t.Errorf("sentence %d keeps markup: %q", i, s.Text)
		}
	}
}

// TestMarkdownArticleHeadlines checks, through the loader, that a Markdown
// article's front matter gives its headline and date when the text has none
// (a title whose quotes the loader unescaped included), and that a setext
// heading is the headline with its underline removed as markup, not kept
// as a caption.
func TestMarkdownArticleHeadlines(t *testing.T) {
	body := "The **old dam** above the valley broke on Monday night, flooding three villages.\n\n" +
		"Rescue crews reached the villages by boat on Tuesday morning, officials said.\n"
	tests := []struct {
		name, text          string
		headline, published string
		removed             []string
	}{
		{
			name:     "front matter",
			text:     "---\ntitle: \"Dam \\\"breaks\\\" *upstream*\"\ndate: 2026-02-14\n---\n\n" + body,
			headline: `Dam "breaks" upstream`, published: "2026-02-14",
			removed: []string{"markup: ---", `markup: title: "Dam "breaks" upstream"`, "markup: date: 2026-02-14", "markup: ---"},
		},
		{
			name:     "setext heading with =",
			text:     "Dam *breaks* upstream\n=====================\n\n" + body,
			headline: "Dam breaks upstream",
			removed:  []string{"headline: Dam breaks upstream", "markup: ====================="},
		},
		{
			name:     "setext heading with - under front matter",
			text:     "---\ntitle: Dam breaks\ndate: 2026-02-14\n---\nDam breaks upstream, villages flooded\n---\n\n" + body,
			headline: "Dam breaks upstream, villages flooded", published: "2026-02-14",
			removed: []string{"markup: ---", "markup: title: Dam breaks", "markup: date: 2026-02-14", "markup: ---",
				"headline: Dam breaks upstream, villages flooded", "markup: ---"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := newDocument("valley.md", "valley", "markdown", []byte(tc.text), "")
			if err != nil {
				t.Fatal(err)
			}
			a, err := buildArticle(doc)
			if err != nil {
				t.Fatal(err)
			}
			checkArticleSpans(t, a, doc.Kind)
			if a.Headline != tc.headline || a.Published != tc.published {
				t.Errorf("headline %q, published %q; want %q, %q", a.Headline, a.Published, tc.headline, tc.published)
			}
			if got := removalLines(a.Removed); !slices.Equal(got, tc.removed) {
				t.Errorf("removed:\n got %q\nwant %q", got, tc.removed)
			}
			if len(a.Captions) != 0 || len(a.Sentences) != 2 {
				t.Errorf("captions %q and %d sentences, want none and 2", a.Captions, len(a.Sentences))
			}
		})
	}
}

// FuzzMarkdownText checks that reading out the markup only ever removes
// bytes (never adds any) and keeps every line, whatever the input.
func FuzzMarkdownText(f *testing.F) {
	for _, seed := range []string{"**a** _b_ `c` [d](e) ![f](g) <https://h> \\* > i", "```\n**x**\n```\n[1]: u\n", "[[a]](b(c)) [x][y] *", "\u00e9*\u00e9*_\u00e8_"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := markdownText(in)
		if len(out) > len(in) {
			t.Fatalf("markdownText(%q) = %q, longer than its input", in, out)
		}
		if strings.Count(out, "\n") != strings.Count(in, "\n") {
			t.Fatalf("markdownText(%q) = %q: lines were lost or added", in, out)
		}
	})
}
