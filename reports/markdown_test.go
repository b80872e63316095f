package reports

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
)

// TestMarkdownGolden renders every test event as a Markdown handout and
// compares the bytes with the golden files; a second rendering must give
// the same bytes.
func TestMarkdownGolden(t *testing.T) {
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			rep := NewReport(compareEvent(t, dir))
			got := renderMarkdown(t, rep)
			if again := renderMarkdown(t, rep); !bytes.Equal(got, again) {
				t.Error("two renderings of one report differ")
			}
			checkGolden(t, name+".md", got)
		})
	}
}

func renderMarkdown(t *testing.T, rep *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Markdown(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestMarkdownTables checks that every row of every table in the handout
// has as many cells as the table's header, counting the pipes that are
// not escaped, and that the outlets table has a row per outlet.
func TestMarkdownTables(t *testing.T) {
	for _, dir := range events(t) {
		rep := NewReport(compareEvent(t, dir))
		md := string(renderMarkdown(t, rep))
		tables := checkTables(t, filepath.Base(dir), md)
		if tables < 3 {
			t.Errorf("%s: %d tables, want the outlets, word choices and quotes at least", dir, tables)
		}
		outlets := tableAfter(md, "## Outlets")
		if len(outlets) != len(rep.Outlets)+2 {
			t.Errorf("%s: the outlets table has %d lines for %d outlets", dir, len(outlets), len(rep.Outlets))
		}
	}
}

// checkTables checks the cell counts of every table in md and returns how
// many tables it has.
func checkTables(t *testing.T, name, md string) int {
	t.Helper()
	tables, header := 0, -1
	for i, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = -1
			continue
		}
		cells := unescapedPipes(line) - 1
		if header < 0 {
			header = cells
			tables++
			continue
		}
		if cells != header {
			t.Errorf("%s line %d: %d cells, the header has %d: %s", name, i+1, cells, header, line)
		}
	}
	return tables
}

// unescapedPipes counts the pipes in a line that no backslash escapes.
func unescapedPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

// tableAfter returns the lines of the first table after the heading.
func tableAfter(md, heading string) []string {
	_, rest, ok := strings.Cut(md, "\n"+heading+"\n")
	if !ok {
		return nil
	}
	var out []string
	for _, line := range strings.Split(rest, "\n") {
		if strings.HasPrefix(line, "|") {
			out = append(out, line)
		} else if len(out) > 0 {
			break
		}
	}
	return out
}

// mdPlain reads Markdown inline text back as the characters it shows:
// backslash escapes give their character, footnote markers and emphasis
// delimiters go. Every * or _ left unescaped in article text would be
// taken for a delimiter here, and the text would not come back whole.
func mdPlain(s string) string {
	s = footnoteMarker.ReplaceAllString(s, "")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case '*', '_':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

var (
	footnoteMarker = regexp.MustCompile(`\[\^\d+\]`)
	ownMarks       = regexp.MustCompile(`\[\^\d+\]|^> \*\*.*?\*\* \[[\d+]+\]`)
)

// TestMarkdownClaimsRoundTrip checks that every outlet line of every claim
// block reads back as the outlet's sentences exactly, in the rows' order:
// the marks add nothing to the text and lose nothing of it.
func TestMarkdownClaimsRoundTrip(t *testing.T) {
	for _, dir := range events(t) {
		rep := NewReport(compareEvent(t, dir))
		checkClaimLines(t, filepath.Base(dir), rep, string(renderMarkdown(t, rep)))
	}
}

func checkClaimLines(t *testing.T, name string, rep *Report, md string) {
	t.Helper()
	names := map[string]string{}
	for _, o := range rep.Outlets {
		names[o.ID] = o.Name
	}
	var want []string
	for _, row := range rep.Rows {
		for _, c := range row.Cells {
			if !c.Empty() {
				want = append(want, names[c.Outlet]+" "+c.Label()+": "+cellText(c))
			}
		}
	}
	_, claims, ok := strings.Cut(md, "\n## Aligned claims\n")
	if !ok {
		t.Fatalf("%s: no aligned claims section", name)
	}
	claims, _, _ = strings.Cut(claims, "\n## ")
	var got []string
	for _, line := range strings.Split(claims, "\n") {
		if strings.HasPrefix(line, "> ") {
			got = append(got, mdPlain(strings.TrimPrefix(line, "> ")))
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d outlet lines in the claims, want %d", name, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: claim line %d reads\n%q\nwant\n%q", name, i+1, got[i], want[i])
		}
	}
}

// specialEvent is two short articles whose names, headlines and text are
// full of characters that mean something in Markdown or HTML.
func specialEvent() compare.Event {
	return compare.Event{
		Title: "Port | protest *live*",
		Date:  "2026-03-09",
		Documents: []compare.Document{
			{
				Source: "pipe-post.txt", Name: "pipe-post", Kind: "text", Outlet: "Pipe | Post", OutletFrom: "manifest",
				Headline:  "Workers *march* on the_port | again",
				Published: "2026-03-09",
				Text: "The union said 3,000 *dockworkers* marched on the port_gate on Monday | police said 2,400.\n\n" +
					"# Protesters carried signs reading `no robots` and [jobs first](http://example.com) past the harbour office.\n\n" +
					"The mayor claimed the automation plan would cost <b>1,100</b> jobs &amp; more at the port.\n\n" +
					"Police made two arrests near the main gate of the container terminal in the afternoon.\n",
			},
			{
				Source: "star-times.txt", Name: "star-times", Kind: "text", Outlet: "Star*Times", OutletFrom: "manifest",
				Headline:  "Rioters _storm_ port | police hold the line",
				Published: "2026-03-09",
				Text: "The union said 3,000 _rioters_ stormed the port_gate on Monday | police said 2,400.\n\n" +
					"# Protesters carried signs reading `no robots` and [jobs first](http://example.com) past the harbour gates.\n\n" +
					"The mayor warned the automation plan would cost <b>1,100</b> jobs & more at the port.\n\n" +
					"> Officers said the crowd was angry but mostly peaceful at the terminal.\n",
			},
		},
	}
}

func compareSpecial(t *testing.T) *compare.Result {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := compare.Compare(specialEvent(), compare.Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestMarkdownEscapesArticleText checks that article text with |, *, _,
// backquotes, brackets, HTML and a line starting with # neither breaks a
// table nor makes a heading, a link, code or emphasis, and reads back as
// itself.
func TestMarkdownEscapesArticleText(t *testing.T) {
	res := compareSpecial(t)
	// The test means something only if the special text survives
	// comparison: check the inputs first.
	var all strings.Builder
	for _, a := range res.Articles {
		for _, s := range a.Sentences {
			all.WriteString(s.Text + "\n")
		}
	}
	for _, want := range []string{"|", "*dockworkers*", "_rioters_", "`no robots`", "[jobs first]", "<b>", "# Protesters"} {
		if !strings.Contains(all.String(), want) {
			t.Fatalf("no sentence holds %q; the test's articles need changing:\n%s", want, all.String())
		}
	}
	if len(res.Alignments) == 0 {
		t.Fatal("the test's articles have no aligned claim")
	}
	rep := NewReport(res)
	md := string(renderMarkdown(t, rep))
	checkTables(t, "special", md)
	checkClaimLines(t, "special", rep, md)
	heading := regexp.MustCompile(`^(# Port \\\| protest \\\*live\\\*|## [A-Z][a-z ]+|### (a\d+|Only in .+|Quoted words by speaker|Flagged words .+|Names for the same thing))$`)
	for i, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "#") && !heading.MatchString(line) {
			t.Errorf("line %d is a heading the report did not write: %s", i+1, line)
		}
		// Past the report's own marks (footnote markers and sentence
		// numbers), every character that would start code, a link or
		// HTML is escaped.
		rest := ownMarks.ReplaceAllString(line, "")
		for k := 0; k < len(rest); k++ {
			if rest[k] == '\\' {
				k++
				continue
			}
			if strings.IndexByte("`<[]", rest[k]) >= 0 {
				t.Errorf("line %d holds %q unescaped: %s", i+1, rest[k], line)
				break
			}
		}
		if strings.HasPrefix(line, "> ") && strings.Contains(line, "&amp;") && !strings.Contains(line, `\&amp;`) {
			t.Errorf("line %d would show an entity as a character: %s", i+1, line)
		}
	}
	// The outlets table reads back as the names and headlines.
	rows := tableAfter(md, "## Outlets")
	for i, o := range rep.Outlets {
		line := rows[i+2]
		if !strings.Contains(mdPlain(line), o.Headline) || !strings.Contains(mdPlain(line), o.Name) {
			t.Errorf("outlets table row %q does not read back as %q and %q", line, o.Name, o.Headline)
		}
	}
}

func TestMdEscape(t *testing.T) {
	tests := []struct {
		name, in  string
		lineStart bool
		want      string
	}{
		{"plain", "Police said 2,400.", false, "Police said 2,400."},
		{"emphasis and code", "a *b* _c_ `d`", false, `a \*b\* \_c\_ \` + "`d\\`"},
		{"table and link", "x | [y](z)", false, `x \| \[y\](z)`},
		{"html", "<b>bold</b>", false, `\<b>bold\</b>`},
		{"entity", "AT&T &amp; co", false, `AT&T \&amp; co`},
		{"heading mid-line", "# not a heading", false, "# not a heading"},
		{"heading", "# Protesters", true, `\# Protesters`},
		{"quote", "> said", true, `\> said`},
		{"list", "- one", true, `\- one`},
		{"ordered list", "12. twelve", true, `12\. twelve`},
		{"number", "12 ships", true, "12 ships"},
		{"line breaks", "one\ntwo\r\nthree", false, "one two  three"},
		{"backslash", `a\b`, false, `a\\b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mdEscape(tt.in, tt.lineStart); got != tt.want {
				t.Errorf("mdEscape(%q, %v) = %q, want %q", tt.in, tt.lineStart, got, tt.want)
			}
		})
	}
}

func TestMdInlines(t *testing.T) {
	tests := []struct {
		name string
		in   []inline
		want string
	}{
		{"bold keeps spaces outside", []inline{{Text: "NATO "}, {Text: " chief says ", Strong: true}, {Text: "no"}},
			"NATO  **chief says** no"},
		{"alike pieces merge", []inline{{Text: "to the Russians,", Strong: true}, {Text: "\" he said", Strong: true}},
			`**to the Russians," he said**`},
		{"italic with note", []inline{{Text: "the "}, {Text: "mob", Em: true, Note: "^1"}, {Text: " ran"}},
			"the _mob_[^1] ran"},
		{"bold inside italic", []inline{{Text: "missile defense ", Em: true, Note: "^2"}, {Text: "system", Em: true, Strong: true, Note: "^2"}, {Text: "."}},
			"_missile defense **system**_[^2]."},
		{"italic inside a word", []inline{{Text: "pre"}, {Text: "emptive", Em: true}, {Text: "ly"}},
			"pre*emptive*ly"},
		{"lone punctuation not bold", []inline{{Text: "end."}, {Text: "\"", Strong: true}},
			`end."`},
		{"link after a marker", []inline{{Text: "shield", Em: true, Note: "^3"}, {Text: "(Europe)"}},
			`_shield_[^3]\(Europe)`},
		{"escaped text in bold", []inline{{Text: "a "}, {Text: "*b*", Strong: true}},
			`a **\*b\***`},
		{"bold after a word, its opening comma outside", []inline{{Text: "Carrow Looms"}, {Text: ", one of the makers, ", Strong: true}, {Text: "confirmed", Em: true, Strong: true, Note: "^1"}},
			"Carrow Looms, **one of the makers,** _**confirmed**_[^1]"},
		{"bold between a word and a full stop", []inline{{Text: "Petra Hale"}, {Text: ", appealed to the council", Strong: true}, {Text: "."}},
			"Petra Hale, **appealed to the council**."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mdInlines(tt.in, false); got != tt.want {
				t.Errorf("mdInlines = %q, want %q", got, tt.want)
			}
		})
	}
}
