package reports

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
)

// compareOutlets compares articles given as outlet name and text, with the
// built-in lexicon, the reference chosen by opts.
func compareOutlets(t *testing.T, opts compare.Options, outletsAndTexts ...string) *compare.Result {
	t.Helper()
	var docs []compare.Document
	for i := 0; i+1 < len(outletsAndTexts); i += 2 {
		name := outletsAndTexts[i]
		docs = append(docs, compare.Document{Source: strings.ReplaceAll(strings.ToLower(name), " ", "-") + ".txt",
			Name: name, Kind: "text", Outlet: name, OutletFrom: "manifest", Text: outletsAndTexts[i+1]})
	}
	if opts.Lexicon == nil {
		lex, err := lexicon.Default()
		if err != nil {
			t.Fatal(err)
		}
		opts.Lexicon = lex
	}
	res, err := compare.Compare(compare.Event{Documents: docs}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// renderAll renders a result as the text report, Markdown and HTML.
func renderAll(t *testing.T, res *compare.Result, width int) (text, md, page string) {
	t.Helper()
	var b bytes.Buffer
	if err := Text(&b, res, TextOptions{Width: width}); err != nil {
		t.Fatal(err)
	}
	text = b.String()
	rep := NewReport(res)
	b.Reset()
	if err := Markdown(&b, rep); err != nil {
		t.Fatal(err)
	}
	md = b.String()
	b.Reset()
	if err := HTML(&b, rep); err != nil {
		t.Fatal(err)
	}
	return text, md, b.String()
}

// dockEvent is a strike told by a wire, a rewrite that calls the
// strikers a mob and union bosses, and an outlet with one sentence and a
// very long name.
func dockEvent(t *testing.T, reference string) *compare.Result {
	t.Helper()
	return compareOutlets(t, compare.Options{Reference: reference},
		"Tessaly Press Agency", "Dockworkers strike at Brennmoor port\n\n"+
			"About 2,000 dockworkers walked off the job at the port of Brennmoor on Monday after talks broke down over pay.\n\n"+
			"Police said scuffles broke out near the north gate when a lorry tried to pass the picket line.\n\n"+
			"\"We will not accept an offer that leaves our members poorer than they were last year,\" said union secretary Ilse Varga.\n",
		"Quillton Bugle", "Union bosses shut down Brennmoor port\n\n"+
			"Union bosses pulled about 2,000 dockworkers off the job at the port of Brennmoor on Monday after talks broke down over pay.\n\n"+
			"A mob attacked a lorry near the north gate when it tried to pass the picket line, police said.\n\n"+
			"\"We will accept an offer that leaves our members poorer than they were last year,\" said union secretary Ilse Varga.\n",
		"The Evening Chronicle and Weekly Advertiser of the Greater Brennmoor Valley and Surrounding Districts",
		"About 2,000 dockworkers walked off the job at the port of Brennmoor on Monday, the port authority said.\n")
}

// TestTextLongOutletID checks that one very long outlet id does not push
// the text report past its width: the id goes on a line of its own, and
// every other line, the other outlets' included, stays within the width.
func TestTextLongOutletID(t *testing.T) {
	res := dockEvent(t, "tessaly-press-agency")
	long := "the-evening-chronicle-and-weekly-advertiser-of-the-greater-brennmoor-valley-and-surrounding-districts"
	for _, width := range []int{80, 100} {
		var b bytes.Buffer
		if err := Text(&b, res, TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		sawLong := false
		for i, line := range strings.Split(b.String(), "\n") {
			if strings.TrimSpace(line) == long {
				sawLong = true
				continue
			}
			if n := utf8.RuneCountInString(line); n > width && !strings.Contains(line, long) {
				t.Errorf("width %d: line %d is %d wide: %q", width, i+1, n, line)
			}
			if n := utf8.RuneCountInString(line); n > width && strings.Contains(line, long) && len(strings.Fields(line)) > 1 {
				t.Errorf("width %d: line %d is %d wide, the long id with more beside it: %q", width, i+1, n, line)
			}
		}
		if !sawLong {
			t.Errorf("width %d: the long id is never on a line of its own:\n%s", width, b.String())
		}
		// A short id keeps its text on its own line.
		if !strings.Contains(b.String(), "\n  quillton-bugle ") {
			t.Errorf("width %d: quillton-bugle's lines do not start with its id:\n%s", width, b.String())
		}
	}
}

// TestEvidencePlural checks the evidence line's count of quoted word
// pairs: one pair is "1 quoted word pair".
func TestEvidencePlural(t *testing.T) {
	for _, tc := range []struct {
		pairs int
		want  string
	}{{1, "1 quoted word pair;"}, {2, "2 quoted word pairs;"}} {
		e := compare.Evidence{Quotes: make([]string, tc.pairs), Words: []string{"gate"}}
		if got := evidenceLine(e); !strings.Contains(got, tc.want) {
			t.Errorf("%d pairs: %q, want it to hold %q", tc.pairs, got, tc.want)
		}
	}
}

// TestMarksBaseWhenReferenceAbsent checks that where the reference does
// not report a claim (or has no headline), every report says which
// outlet the marks compare with instead, rather than letting them read
// as differences from the reference.
func TestMarksBaseWhenReferenceAbsent(t *testing.T) {
	long := "The Evening Chronicle and Weekly Advertiser of the Greater Brennmoor Valley and Surrounding Districts"
	longID := "the-evening-chronicle-and-weekly-advertiser-of-the-greater-brennmoor-valley-and-surrounding-districts"
	res := dockEvent(t, longID)
	var absent *compare.Alignment
	for i, g := range res.Alignments {
		has := false
		for _, m := range g.Members {
			has = has || m.Outlet == longID
		}
		if !has {
			absent = &res.Alignments[i]
			break
		}
	}
	if absent == nil {
		t.Fatal("the reference reports every claim; the test's articles need changing")
	}
	text, md, page := renderAll(t, res, 100)
	for _, want := range []string{
		longID + " has no headline: marked against quillton-bugle's.",
		longID + " does not report this claim: marked against quillton-bugle.",
	} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the text report does not say %q:\n%s", want, text)
		}
	}
	for _, want := range []string{
		long + " has no headline: the words in bold differ from Quillton Bugle's.",
		long + " does not report this claim: the words in bold differ from Quillton Bugle's.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown report does not say %q", want)
		}
	}
	for _, want := range []string{
		`<small class="base">` + long + ` has none: marked against Quillton Bugle</small>`,
		`<small class="base">not in ` + long + `: marked against Quillton Bugle</small>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the HTML report does not hold %q", want)
		}
	}
	// With the wire as the reference, every claim is its: no note.
	text, md, page = renderAll(t, dockEvent(t, "tessaly-press-agency"), 100)
	if strings.Contains(text, "does not report this claim") || strings.Contains(md, "does not report this claim") ||
		strings.Contains(page, `class="base"`) {
		t.Error("a report says the reference is absent from a claim it reports")
	}
}

// TestConceptNamesOneOutlet checks that a loaded name only one outlet
// uses ("mob", "union bosses") is listed among the names for the same
// thing in every report, while a neutral name only one outlet uses is
// not.
func TestConceptNamesOneOutlet(t *testing.T) {
	res := dockEvent(t, "tessaly-press-agency")
	used := map[string]int{}
	for _, st := range res.Stats {
		for _, c := range st.Concepts {
			used[c.Concept]++
		}
	}
	if used["protest-participants"] != 1 || used["union-leaders"] != 1 || used["clashes-and-violence"] != 1 {
		t.Fatalf("want protest-participants, union-leaders and clashes-and-violence each used by one outlet, got %v", used)
	}
	text, md, page := renderAll(t, res, 100)
	names := text[strings.Index(text, "NAMES FOR THE SAME THING"):]
	for _, want := range []string{`protest-participants: quillton-bugle "mob" ×1 (loaded)`, `union-leaders: quillton-bugle "union bosses" ×2 (loaded)`} {
		if !strings.Contains(names, want) {
			t.Errorf("the text report's names do not hold %q:\n%s", want, names)
		}
	}
	mdNames := md[strings.Index(md, "### Names for the same thing"):]
	for _, want := range []string{"| protest-participants | mob ×1 (loaded) | — | — |", "| union-leaders | union bosses ×2 (loaded) | — | — |"} {
		if !strings.Contains(mdNames, want) {
			t.Errorf("the Markdown report's names do not hold %q:\n%s", want, mdNames)
		}
	}
	for _, want := range []string{`<tr data-concept="protest-participants">`, `<span class="term-use" data-tone="loaded">mob</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the HTML report does not hold %q", want)
		}
	}
	// "scuffles" is a euphemism, so it is listed too; a concept one outlet
	// names only neutrally is not.
	for _, c := range conceptRows(res) {
		marked, outlets := false, map[string]bool{}
		for _, u := range c.Uses {
			outlets[u.Outlet] = true
			marked = marked || u.Tone != "neutral"
		}
		if len(outlets) < 2 && !marked {
			t.Errorf("concept %s is listed with one outlet and only neutral terms", c.Concept)
		}
	}
}

// TestAlteredQuoteDroppedWord checks that an altered quote that only
// drops a word ("We will not accept" quoted as "We will accept") shows
// the dropped word, struck through, in the Markdown and HTML reports and
// in the worksheet's key, as the text report shows it.
func TestAlteredQuoteDroppedWord(t *testing.T) {
	res := dockEvent(t, "tessaly-press-agency")
	altered := false
	for _, g := range res.Quotes {
		for _, u := range g.Outlets {
			altered = altered || u.Status == compare.StatusAltered
		}
	}
	if !altered {
		t.Fatal("no quote is altered; the test's articles need changing")
	}
	text, md, page := renderAll(t, res, 100)
	if !strings.Contains(text, "We will [-not-] accept") {
		t.Errorf("the text report does not show the dropped word:\n%s", text)
	}
	if !strings.Contains(md, "“We will ~~not~~ accept an offer") {
		t.Errorf("the Markdown report does not strike the dropped word:\n%s", md)
	}
	if !strings.Contains(page, "We will <del>not</del> accept an offer") {
		t.Error("the HTML report does not strike the dropped word")
	}
	rep := NewReport(res)
	for _, format := range []string{"markdown", "html"} {
		var b bytes.Buffer
		if err := WorksheetKey(&b, rep, nil, WorksheetOptions{Format: format}); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"markdown": "We will ~~not~~ accept", "html": "We will <del>not</del> accept"}[format]
		if !strings.Contains(b.String(), want) {
			t.Errorf("the %s key does not hold %q", format, want)
		}
	}
}

// TestMdStrike checks struck-through text in Markdown: marked where
// GitHub reads ~~ as a mark, with punctuation at an end left outside the
// marks where it would stop them being read, and lone punctuation that
// cannot be marked left out.
func TestMdStrike(t *testing.T) {
	for _, tc := range []struct {
		name, s    string
		prev, next rune
		want       string
	}{
		{"word between spaces", "not", ' ', ' ', "~~not~~"},
		{"spaces kept outside", " not ", 'l', 'a', " ~~not~~ "},
		{"leading comma after a word", ", and we stay out,", 'y', '.', ", ~~and we stay out,~~"},
		{"comma alone after a word", ",", 'd', '.', ""},
		{"comma alone after a space", ",", ' ', ' ', "~~,~~"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mdStrike(tc.s, tc.prev, tc.next); got != tc.want {
				t.Errorf("mdStrike(%q) = %q, want %q", tc.s, got, tc.want)
			}
		})
	}
}

// TestQuoteTextShortened checks how the text report's quote matrix
// shortens a long statement: the cut is said after the closing mark with
// the words left out, never as an ellipsis inside the marks that would
// read as the outlet's, and a quote without spaces (Chinese) is cut
// between characters, never inside one.
func TestQuoteTextShortened(t *testing.T) {
	long := "We have asked for nothing more than wages that keep pace with the rent in this city, and we will stay out until the authority puts a real offer on the table,"
	got := quoteText(long, 120)
	if want := "“We have asked for nothing more than wages that keep pace with the rent in this city, and we will stay out until the” [+8 more words]"; got != want {
		t.Errorf("quoteText = %q, want %q", got, want)
	}
	if short := quoteText("largely peaceful", 120); short != "“largely peaceful”" {
		t.Errorf("a short quote is %q", short)
	}
	cjk := "«" + strings.Repeat("我们不会接受这个提议", 20)
	got = quoteText(cjk, 120)
	if !utf8.ValidString(got) {
		t.Errorf("quoteText cut a character: %q", got)
	}
	if !strings.HasSuffix(got, "” [+1 more word]") {
		t.Errorf("quoteText = %q, want it to end with the cut said", got)
	}
}
