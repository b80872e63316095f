package reports

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown writes the report as a GitHub-flavoured Markdown handout that
// also reads well as plain text: the outlets, their headlines, the word
// choices, the quote matrix, every aligned claim and every sentence only
// one outlet has, with each outlet's wording marked, then the quoted words
// per speaker and the flagged words per outlet. Words that differ from the
// reference outlet are in bold, lexicon terms in italics with a numbered
// note after their block. Article text is escaped, so nothing an article
// says can break a table or the formatting. The same report gives the same
// bytes.
func Markdown(w io.Writer, rep *Report) error {
	m := &mdWriter{w: bufio.NewWriter(w), rep: rep, names: map[string]string{}}
	for _, o := range rep.Outlets {
		m.names[o.ID] = o.Name
	}
	m.render()
	return m.w.Flush()
}

type mdWriter struct {
	w   *bufio.Writer
	rep *Report
	// names maps outlet ids to display names.
	names map[string]string
	// notes counts the footnote markers written so far, so that every
	// marker in the document has its own number.
	notes int
}

// name is an outlet's display name, or its id when it has none.
func (m *mdWriter) name(id string) string {
	if n := m.names[id]; n != "" {
		return n
	}
	return id
}

func (m *mdWriter) line(s string) { m.w.WriteString(s + "\n") }

func (m *mdWriter) render() {
	rep := m.rep
	m.line("# " + mdEscape(rep.Title, false))
	if rep.Date != "" {
		m.line("")
		m.line("Event date: " + mdEscape(rep.Date, false))
	}
	ref := m.name(rep.Reference)
	m.line("")
	intro := fmt.Sprintf("%s compared sentence by sentence, with %s as the reference. "+
		"In each claim, words that differ from %s are in **bold**; words from the lexicon are in _italics_, "+
		"each with a numbered note after its block. The report shows differences in wording, not verdicts: "+
		"a marked word *may* indicate framing.",
		plural(len(rep.Outlets), "outlet", "outlets"), mdEscape(ref, false), mdEscape(ref, false))
	if rep.Blind {
		intro += " The outlets' names are hidden."
	}
	m.line(intro)
	m.outlets()
	m.headlines()
	m.wordChoices()
	m.quotes()
	m.claims()
	m.figures()
}

// outlets writes the table of outlets.
func (m *mdWriter) outlets() {
	rep := m.rep
	m.line("")
	m.line("## Outlets")
	m.line("")
	rows := make([][]string, 0, len(rep.Outlets))
	for _, o := range rep.Outlets {
		name := mdEscape(o.Name, false)
		if o.ID == rep.Reference {
			name += " (reference)"
		}
		rows = append(rows, []string{name, mdOrDash(o.Headline), mdOrDash(o.Published),
			strconv.Itoa(o.Words), strconv.Itoa(o.Sentences), strconv.Itoa(o.Quotes),
			fmt.Sprintf("%d of %d (%s)", o.SharedFacts, rep.Aligned, mdPercent(o.Share))})
	}
	m.table([]string{"Outlet", "Headline", "Published", "Words", "Sentences", "Quotes", "Shared facts"},
		[]bool{false, false, false, true, true, true, true}, rows)
}

// headlines writes the headlines as a block, marked like a claim.
func (m *mdWriter) headlines() {
	cells := m.rep.Headlines
	if len(cells) == 0 {
		return
	}
	m.line("")
	m.line("## Headlines")
	if base := m.rep.HeadlineBase; base != "" {
		m.line("")
		m.line(mdEscape(fmt.Sprintf("%s has no headline: the words in bold differ from %s's.", m.name(m.rep.Reference), m.name(base)), true))
	}
	m.block(cells, false)
}

// wordChoices writes every word choice as one table row: the claim, the
// lexicon group, each outlet's term and the terms' notes.
func (m *mdWriter) wordChoices() {
	rep := m.rep
	m.line("")
	m.line("## Word choices")
	m.line("")
	if len(rep.WordChoices) == 0 {
		m.line("None found: where the outlets report the same thing, none of them swaps one lexicon term for another of the same group.")
		return
	}
	m.line("Where outlets report the same thing, the words each one uses for it, and what the lexicon says about each word.")
	m.line("")
	header := []string{"Claim", "Group"}
	right := []bool{false, false}
	for _, o := range rep.Outlets {
		header = append(header, mdEscape(o.Name, false))
		right = append(right, false)
	}
	header = append(header, "Notes")
	right = append(right, false)
	var rows [][]string
	for _, wc := range rep.WordChoices {
		terms := map[string]string{}
		var notes []string
		for _, c := range wc.Choices {
			if _, ok := terms[c.Outlet]; !ok {
				terms[c.Outlet] = mdEscape(c.Term, false)
			}
			note := mdEscape(c.Term, false) + " (" + mdEscape(c.Tone, false) + ")"
			if c.Note != "" {
				note += ": " + mdEscape(c.Note, false)
			}
			notes = append(notes, note)
		}
		row := []string{mdEscape(wc.Row, false), mdEscape(wc.Group, false)}
		for _, o := range rep.Outlets {
			row = append(row, mdOr(terms[o.ID], "—"))
		}
		row = append(row, strings.Join(uniqueStrings(notes), " · "))
		rows = append(rows, row)
	}
	m.table(header, right, rows)
}

// quotes writes the quote matrix: the legend, one row per quoted
// statement with each outlet's status symbol, then the altered quotes'
// words and the outlets that name another speaker.
func (m *mdWriter) quotes() {
	rep := m.rep
	m.line("")
	m.line("## Quotes")
	m.line("")
	if len(rep.Quotes) == 0 {
		m.line("No outlet quotes anyone directly.")
		return
	}
	m.line("How each outlet treats each statement that any of them quotes:")
	m.line("")
	for _, l := range rep.Legend {
		m.line(fmt.Sprintf("- %s %s: %s", l.Symbol, mdEscape(l.Status, false), mdEscape(l.Meaning, false)))
	}
	m.line("")
	header := []string{"Quote", "Speaker", "Statement"}
	right := []bool{false, false, false}
	for _, o := range rep.Outlets {
		header = append(header, mdEscape(o.Name, false))
		right = append(right, false)
	}
	var rows [][]string
	for _, q := range rep.Quotes {
		speaker := mdOr(mdEscape(q.Speaker, false), "unattributed")
		if q.Disputed {
			speaker += " (disputed)"
		}
		row := []string{mdEscape(q.ID, false), speaker, mdEscape("“"+q.Text+"”", false)}
		symbols := map[string]string{}
		for _, c := range q.Cells {
			symbols[c.Outlet] = c.Symbol
		}
		for _, o := range rep.Outlets {
			row = append(row, mdOr(symbols[o.ID], " "))
		}
		rows = append(rows, row)
	}
	m.table(header, right, rows)

	var altered, disputed []string
	for _, q := range rep.Quotes {
		for _, cells := range alteredVersions(q) {
			names := make([]string, len(cells))
			for i, c := range cells {
				names[i] = "**" + mdEscape(m.name(c.Outlet), false) + "**"
			}
			altered = append(altered, fmt.Sprintf("- %s, %s: “%s”", mdEscape(q.ID, false),
				wsList(names), mdInlines(spanInlines(cells[0].Diff, nil), false)))
		}
		for _, c := range q.Cells {
			if q.Disputed && c.Speaker != "" && c.Speaker != q.Speaker {
				disputed = append(disputed, fmt.Sprintf("- %s: **%s** attributes it to %s", mdEscape(q.ID, false),
					mdEscape(m.name(c.Outlet), false), mdEscape(c.Speaker, false)))
			}
		}
	}
	if len(altered) > 0 {
		m.line("")
		m.line("Altered quotes: the outlet's own words in **bold**, the words it dropped or replaced ~~struck through~~:")
		m.line("")
		for _, l := range altered {
			m.line(l)
		}
	}
	if len(disputed) > 0 {
		m.line("")
		m.line("Disputed speakers: the outlets do not agree who said it.")
		m.line("")
		for _, l := range disputed {
			m.line(l)
		}
	}
}

// claims writes every row as a block: a heading, one quoted line per
// outlet, and the notes of the lexicon terms in it.
func (m *mdWriter) claims() {
	rep := m.rep
	m.line("")
	unique := 0
	for _, row := range rep.Rows {
		if row.ID == "" {
			unique++
		}
	}
	m.line("## Aligned claims")
	m.line("")
	m.line(fmt.Sprintf("%s that two or more outlets report, and %s that only one outlet has, in story order. "+
		"Sentence numbers count from the top of each story.",
		plural(rep.Aligned, "claim", "claims"), plural(unique, "sentence", "sentences")))
	if rep.Aligned == 0 && len(rep.Outlets) > 1 {
		m.line("")
		m.line(mdEscape(NoAlignment, true))
	}
	for _, row := range rep.Rows {
		m.line("")
		if row.ID == "" {
			m.line("### Only in " + mdEscape(m.name(row.Unique), true))
		} else {
			m.line("### " + mdEscape(row.ID, true))
			detail := fmt.Sprintf("score %.2f", row.Score)
			if row.Evidence != "" {
				detail += "; " + row.Evidence
			}
			m.line("")
			m.line(mdEscape(detail, true))
			if row.Base != "" {
				m.line("")
				m.line(mdEscape(fmt.Sprintf("%s does not report this claim: the words in bold differ from %s's.",
					m.name(rep.Reference), m.name(row.Base)), true))
			}
		}
		m.block(row.Cells, true)
		if row.ID != "" {
			var missing []string
			for _, c := range row.Cells {
				if c.Empty() {
					missing = append(missing, mdEscape(m.name(c.Outlet), false))
				}
			}
			if len(missing) > 0 {
				m.line("")
				m.line("Not in " + strings.Join(missing, ", ") + ".")
			}
		}
	}
}

// block writes cells as one block quote, one paragraph per outlet with
// text, then the notes of the lexicon terms marked in it.
func (m *mdWriter) block(cells []Cell, labels bool) {
	var notes []mdNote
	first := true
	for _, c := range cells {
		if c.Empty() {
			continue
		}
		if first {
			m.line("")
		} else {
			m.line(">")
		}
		first = false
		head := "**" + mdEscape(m.name(c.Outlet), false) + "**"
		if labels && c.Label() != "" {
			head += " " + c.Label()
		}
		m.line("> " + head + ": " + mdInlines(spanInlines(c.Spans, func(f *FlagInfo) string {
			return m.note(&notes, f)
		}), false))
	}
	if len(notes) > 0 {
		m.line("")
		for _, n := range notes {
			m.line(fmt.Sprintf("[^%d]: %s", n.number, mdEscape(n.text, false)))
		}
	}
}

// mdNote is one footnote of a block.
type mdNote struct {
	number int
	text   string
}

// note returns the marker label of a lexicon term's note: the one already
// given in this block to the same note, or the next number.
func (m *mdWriter) note(notes *[]mdNote, f *FlagInfo) string {
	text := f.Title()
	for _, n := range *notes {
		if n.text == text {
			return "^" + strconv.Itoa(n.number)
		}
	}
	m.notes++
	*notes = append(*notes, mdNote{m.notes, text})
	return "^" + strconv.Itoa(m.notes)
}

// figures writes the quoted words per speaker and the flagged words per
// outlet, the figures the HTML report draws as charts.
func (m *mdWriter) figures() {
	rep := m.rep
	if len(rep.Speakers) == 0 && len(rep.Tones) == 0 && len(rep.Concepts) == 0 {
		return
	}
	m.line("")
	m.line("## Figures")
	if len(rep.Speakers) > 0 {
		m.line("")
		m.line("### Quoted words by speaker")
		m.line("")
		var rows [][]string
		for _, s := range rep.Speakers {
			rows = append(rows, []string{mdEscape(m.name(s.Outlet), false), mdOr(mdEscape(s.Speaker, false), "unattributed"),
				strconv.Itoa(s.Words), mdPercent(s.Share)})
		}
		m.table([]string{"Outlet", "Speaker", "Quoted words", "Share of the outlet's quoted words"},
			[]bool{false, false, true, true}, rows)
	}
	if len(rep.Tones) > 0 {
		m.line("")
		m.line("### Flagged words per 1,000 of the outlet's own words")
		m.line("")
		note := "Words to watch from the lexicon's categories with a marked tone; neutral ones such as “said” are left out, " +
			"and so are names for one thing (concepts)"
		if len(rep.Concepts) > 0 {
			note += ", which are in the next table"
		}
		m.line(note + ".")
		m.line("")
		var rows [][]string
		for _, t := range rep.Tones {
			rows = append(rows, []string{mdEscape(m.name(t.Outlet), false), mdEscape(t.Category, false),
				strconv.FormatFloat(t.PerThousand, 'f', 1, 64)})
		}
		m.table([]string{"Outlet", "Category", "Per 1,000 words"}, []bool{false, false, true}, rows)
	}
	if len(rep.Concepts) > 0 {
		m.line("")
		m.line("### Names for the same thing")
		m.line("")
		m.line("The lexicon's concepts the outlets name in their own words, with each outlet's terms and how often it uses them: " +
			"those two or more outlets name, and those one names with a term whose tone is not neutral.")
		m.line("")
		header := []string{"Concept"}
		right := []bool{false}
		for _, o := range rep.Outlets {
			header = append(header, mdEscape(o.Name, false))
			right = append(right, false)
		}
		var rows [][]string
		for _, c := range rep.Concepts {
			terms := map[string][]string{}
			for _, u := range c.Uses {
				term := mdEscape(u.Term, false) + " ×" + strconv.Itoa(u.Count)
				if u.Tone != "" && u.Tone != "neutral" {
					term += " (" + mdEscape(u.Tone, false) + ")"
				}
				terms[u.Outlet] = append(terms[u.Outlet], term)
			}
			row := []string{mdEscape(c.Concept, false)}
			for _, o := range rep.Outlets {
				row = append(row, mdOr(strings.Join(terms[o.ID], ", "), "—"))
			}
			rows = append(rows, row)
		}
		m.table(header, right, rows)
	}
}

// table writes a GitHub-flavoured Markdown table. Cells must be escaped
// already.
func (m *mdWriter) table(header []string, right []bool, rows [][]string) {
	m.line("| " + strings.Join(header, " | ") + " |")
	seps := make([]string, len(header))
	for i := range seps {
		seps[i] = "---"
		if i < len(right) && right[i] {
			seps[i] = "--:"
		}
	}
	m.line("| " + strings.Join(seps, " | ") + " |")
	for _, r := range rows {
		for i, c := range r {
			if strings.TrimSpace(c) == "" {
				r[i] = " "
			}
		}
		m.line("| " + strings.Join(r, " | ") + " |")
	}
}

// mdPercent formats a share as a whole percentage.
func mdPercent(share float64) string {
	return strconv.Itoa(int(math.Round(share*100))) + "%"
}

// mdOr returns s, or alt when s is empty.
func mdOr(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// mdOrDash escapes s, or gives a dash when s is empty.
func mdOrDash(s string) string { return mdOr(mdEscape(s, false), "—") }

// inline is a stretch of text with its marks, for the Markdown and HTML
// handouts: strong is bold, em italic, strike struck through (words an
// altered quote dropped); note, set on an italic stretch, is the footnote
// label written after it ("^3").
type inline struct {
	Text               string
	Strong, Em, Strike bool
	Note               string
}

// spanInlines turns a cell's spans into inlines: changed words strong,
// lexicon terms italic. note, when not nil, gives a flagged span's
// footnote label.
func spanInlines(spans []TextSpan, note func(*FlagInfo) string) []inline {
	out := make([]inline, 0, len(spans))
	for _, sp := range spans {
		in := inline{Text: sp.Text, Strong: sp.Changed, Strike: sp.Deleted}
		if sp.Flag != nil {
			in.Em = true
			if note != nil {
				in.Note = note(sp.Flag)
			}
		}
		out = append(out, in)
	}
	return out
}

// mdInlines writes inlines as Markdown: the text escaped, bold as **...**,
// italic as _..._ (or *...* inside a word), each footnote label after its
// italic stretch as [^n]. A mark is left out rather than written where
// Markdown would not read it as one, so a stray delimiter never shows.
// lineStart says whether the text begins a line.
func mdInlines(ins []inline, lineStart bool) string {
	// Pieces marked alike are one: "**a,** **b**" would not read as bold.
	var merged []inline
	for _, in := range ins {
		if n := len(merged); n > 0 && merged[n-1].Strong == in.Strong && merged[n-1].Em == in.Em && merged[n-1].Strike == in.Strike && merged[n-1].Note == in.Note {
			merged[n-1].Text += in.Text
			continue
		}
		merged = append(merged, in)
	}
	ins = merged
	// Escape every piece first: the delimiters are judged against the
	// characters around them as Markdown will see them.
	esc := make([]string, len(ins))
	for i, in := range ins {
		esc[i] = mdEscape(oneLine(in.Text), lineStart && i == 0)
	}
	before := func(i int) rune { // the last character before piece i
		for j := i - 1; j >= 0; j-- {
			if r, n := utf8.DecodeLastRuneInString(esc[j]); n > 0 {
				return r
			}
		}
		return ' '
	}
	after := func(i int) rune { // the first character after piece i
		for j := i + 1; j < len(esc); j++ {
			if r, n := utf8.DecodeRuneInString(esc[j]); n > 0 {
				return r
			}
		}
		return ' '
	}
	var b strings.Builder
	for i := 0; i < len(ins); {
		if ins[i].Strike {
			b.WriteString(mdStrike(esc[i], before(i), after(i)))
			i++
			continue
		}
		if !ins[i].Em {
			b.WriteString(mdStrong(esc[i], ins[i].Strong, before(i), after(i)))
			i++
			continue
		}
		// An italic run: the pieces with the same note.
		j := i + 1
		for j < len(ins) && ins[j].Em && ins[j].Note == ins[i].Note {
			j++
		}
		var inner strings.Builder
		for k := i; k < j; k++ {
			inner.WriteString(mdStrong(esc[k], ins[k].Strong, before(k), after(k)))
		}
		lead, core, trail := splitSpace(inner.String())
		next := after(j - 1)
		marker := ""
		if ins[i].Note != "" {
			marker = "[" + ins[i].Note + "]"
			next = '['
		}
		b.WriteString(lead)
		if core != "" {
			prev := before(i)
			if lead != "" {
				prev = ' '
			}
			if trail != "" && marker == "" {
				next = ' '
			}
			b.WriteString(mdEmphasis(core, prev, next))
		}
		b.WriteString(marker)
		if marker != "" && trail == "" && j < len(ins) && strings.HasPrefix(esc[j], "(") {
			// "[^1](" would read as a link.
			esc[j] = `\` + esc[j]
		}
		b.WriteString(trail)
		i = j
	}
	return b.String()
}

// mdStrong writes s in bold when strong and when ** would be read as bold
// between prev and next, keeping spaces at either end outside the marks,
// and punctuation at an end too where ** around it would not be read as
// bold: after "Looms", ", one of the makers," is written ", **one of the
// makers,**".
func mdStrong(s string, strong bool, prev, next rune) string {
	if !strong {
		return s
	}
	lead, core, trail := splitSpace(s)
	if !strings.ContainsFunc(core, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		// A lone quotation mark or comma in bold shows nothing.
		return s
	}
	if lead != "" {
		prev = ' '
	}
	if trail != "" {
		next = ' '
	}
	// Where ** would not be read as a mark (", one of the" after a word),
	// the punctuation at the ends is left outside it, as for ~~.
	head, inner, tail, ok := mdPeel(core, prev, next)
	if !ok {
		return s
	}
	return lead + head + "**" + inner + "**" + tail + trail
}

// mdStrike writes s struck through, ~~like this~~, spaces at either end
// kept outside the marks. GitHub's strikethrough follows the flanking
// rules of *, so where ~~ would not be read as a mark between prev and
// next (", and we" after a word), the punctuation at the ends is left
// outside it: "city, ~~and we~~". Punctuation alone that cannot be
// struck (a comma swapped for a full stop after a word) is left out, so
// that it does not read as printed.
func mdStrike(s string, prev, next rune) string {
	isPunct := func(r rune) bool { return mdPunct(r) || r == ' ' }
	lead, core, trail := splitSpace(s)
	if core == "" {
		return s
	}
	if lead != "" {
		prev = ' '
	}
	if trail != "" {
		next = ' '
	}
	if strings.TrimFunc(core, isPunct) == "" && !mdFlanks(core, prev, next, false) {
		return lead + trail
	}
	if head, inner, tail, ok := mdPeel(core, prev, next); ok {
		return lead + head + "~~" + inner + "~~" + tail + trail
	}
	return s
}

// mdPeel finds where delimiters such as ** or ~~ around core (no spaces
// at its ends), between the characters prev and next, are read as marks:
// around core itself, else with the punctuation of one end, then of the
// other, then of both, left outside them (head and tail). ok is false
// when no way is read as marks.
func mdPeel(core string, prev, next rune) (head, inner, tail string, ok bool) {
	isPunct := func(r rune) bool { return mdPunct(r) || r == ' ' }
	for _, peel := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
		inner, head, tail, p, n := core, "", "", prev, next
		if peel[0] {
			inner = strings.TrimLeftFunc(inner, isPunct)
			head = core[:len(core)-len(inner)]
		}
		if peel[1] {
			inner = strings.TrimRightFunc(inner, isPunct)
			tail = core[len(head)+len(inner):]
		}
		if head != "" {
			p, _ = utf8.DecodeLastRuneInString(head)
		}
		if tail != "" {
			n, _ = utf8.DecodeRuneInString(tail)
		}
		if inner != "" && mdFlanks(inner, p, n, false) {
			return head, inner, tail, true
		}
	}
	return "", "", "", false
}

// mdEmphasis writes core in italics: with underscores where they are read
// as emphasis, else with asterisks, else unmarked.
func mdEmphasis(core string, prev, next rune) string {
	if mdFlanks(core, prev, next, true) {
		return "_" + core + "_"
	}
	if !strings.HasPrefix(core, "*") && !strings.HasSuffix(core, "*") && mdFlanks(core, prev, next, false) {
		return "*" + core + "*"
	}
	return core
}

// mdFlanks says whether delimiters around core, between the characters
// prev and next, open and close emphasis by CommonMark's flanking rules.
// Underscores may not open or close inside a word.
func mdFlanks(core string, prev, next rune, underscore bool) bool {
	first, _ := utf8.DecodeRuneInString(core)
	last, _ := utf8.DecodeLastRuneInString(core)
	loose := func(r rune) bool { return unicode.IsSpace(r) || mdPunct(r) }
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false
	}
	opens := !mdPunct(first) || loose(prev)
	closes := !mdPunct(last) || loose(next)
	if underscore {
		opens = opens && loose(prev)
		closes = closes && loose(next)
	}
	return opens && closes
}

// mdPunct is CommonMark's punctuation: Unicode punctuation and symbols.
func mdPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// splitSpace cuts s into its leading spaces, the rest, and its trailing
// spaces.
func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(core)]
	trimmed := strings.TrimRight(core, " ")
	return lead, trimmed, core[len(trimmed):]
}

// oneLine puts text on one line: line breaks and tabs become spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// mdEscape escapes text for Markdown so that it reads as the same
// characters: the characters that mark emphasis, code, links, tables,
// raw HTML and entities get a backslash, and so, when the text begins a
// line, does a first character that would start a heading, quote, list or
// rule. Line breaks become spaces.
func mdEscape(s string, lineStart bool) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	if lineStart {
		lead := strings.TrimLeft(s, " ")
		b.WriteString(s[:len(s)-len(lead)])
		s = lead
		if s != "" {
			switch s[0] {
			case '#', '>', '-', '+', '=':
				b.WriteByte('\\')
			default:
				// "12. " or "3) " would start an ordered list.
				digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
				if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
					b.WriteString(s[:digits])
					b.WriteByte('\\')
					s = s[digits:]
				}
			}
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '|', '<', '~':
			b.WriteByte('\\')
		case '&':
			if mdEntity(s[i+1:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdEntity says whether s, the text after an "&", would make it an HTML
// entity or character reference ("amp;", "#39;").
func mdEntity(s string) bool {
	n := 0
	for n < len(s) && n < 32 && (s[n] == '#' && n == 0 || s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	return n > 0 && n < len(s) && s[n] == ';'
}
