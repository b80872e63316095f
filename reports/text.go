package reports

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/compare"
)

// TextOptions tune the terminal report.
type TextOptions struct {
	// Width is the line width to wrap at; 0 means 100.
	Width int
	// Color marks differences with ANSI colours instead of [-…-] and {+…+}.
	Color bool
}

const (
	ansiRed   = "\x1b[9;31m" // struck through, red
	ansiGreen = "\x1b[32m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiReset = "\x1b[0m"
)

// Text writes the comparison for reading in a terminal: the outlets, the
// headlines, every aligned claim with each outlet's wording marked against
// the reference, what each outlet alone reports, and per-outlet figures.
func Text(w io.Writer, r *compare.Result, o TextOptions) error {
	if o.Width <= 0 {
		o.Width = 100
	}
	o.Width = max(o.Width, 40)
	t := &textWriter{w: bufio.NewWriter(w), o: o}
	t.render(r)
	return t.w.Flush()
}

type textWriter struct {
	w *bufio.Writer
	o TextOptions
	// idCol is the width of the outlet-id column: the longest id, up to a
	// third of the line (see outletPrefix).
	idCol int
}

// idColumn is the width of the outlet-id column for ids at most idWidth
// wide: as wide as the longest, but no more than a third of the line
// (and at least 12), so that one very long id does not push every
// outlet's text to the right edge.
func (t *textWriter) idColumn(idWidth int) int {
	return min(idWidth, max(12, t.o.Width/3))
}

// outletPrefix is the prefix of an outlet's line: two spaces, the id
// padded to the id column, then rest. An id wider than the column is
// written on a line of its own, and the prefix then holds only spaces
// where the id would be.
func (t *textWriter) outletPrefix(id, rest string) string {
	if utf8.RuneCountInString(id) > t.idCol {
		fmt.Fprintln(t.w, "  "+id)
		id = ""
	}
	return fmt.Sprintf("  %-*s%s", t.idCol, id, rest)
}

func (t *textWriter) style(code, s string) string {
	if !t.o.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *textWriter) heading(s string) {
	fmt.Fprintf(t.w, "\n%s\n", t.style(ansiBold, s))
}

func (t *textWriter) render(r *compare.Result) {
	byID := map[string]*compare.Article{}
	idWidth := 0
	for i := range r.Articles {
		a := &r.Articles[i]
		byID[a.ID] = a
		idWidth = max(idWidth, utf8.RuneCountInString(a.ID))
	}
	t.idCol = t.idColumn(idWidth)
	title := r.Event.Title
	if title == "" {
		title = "Coverage compared"
	}
	if r.Event.Date != "" {
		title += " (" + r.Event.Date + ")"
	}
	t.wrap("", t.style(ansiBold, title))
	t.wrap("", fmt.Sprintf("%d outlets compared with %s. In each claim, wording that differs from %s is marked %s; a short swap also shows the words it replaces, %s.",
		len(r.Articles), r.Reference, r.Reference, t.ins("like this"), t.del("said")+t.ins("claimed")))

	t.heading("OUTLETS")
	for _, a := range r.Articles {
		pub := a.Published
		if pub == "" {
			pub = "date unknown"
		}
		t.wrap(t.outletPrefix(a.ID, "  "), fmt.Sprintf("%s, %s, %s, %s", a.Outlet, pub, plural(len(a.Sentences), "sentence", "sentences"), plural(a.Words, "word", "words")))
	}

	choices := map[string][]compare.WordChoice{}
	for _, wc := range r.WordChoices {
		choices[wc.Alignment] = append(choices[wc.Alignment], wc)
	}
	diffs := map[string]compare.Difference{}
	for _, d := range r.Differences {
		diffs[d.Group+"\x00"+d.To] = d
	}

	if h := r.Headlines; h != nil {
		t.heading("HEADLINES")
		base := ""
		for _, d := range r.Differences {
			if d.Group == "headline" && d.From != r.Reference {
				base = d.From
			}
		}
		if base != "" {
			t.wrap("  ", t.style(ansiDim, fmt.Sprintf("%s has no headline: marked against %s's.", r.Reference, base)))
		}
		for _, m := range h.Members {
			text := m.Text
			if d, ok := diffs["headline\x00"+m.Outlet]; ok {
				text = t.marked(d.Ops)
			}
			t.member(m.Outlet, "", text)
		}
		t.wordChoices(choices["headline"])
	}

	t.heading(fmt.Sprintf("ALIGNED CLAIMS (%d)", len(r.Alignments)))
	if len(r.Alignments) == 0 && len(r.Articles) > 1 {
		t.wrap("  none: ", NoAlignment)
	}
	for _, g := range r.Alignments {
		fmt.Fprintln(t.w)
		t.wrap(t.style(ansiBold, g.ID)+"  ", t.style(ansiDim, fmt.Sprintf("score %.2f  %s", g.Score, evidenceLine(g.Evidence))))
		base := ""
		for _, m := range g.Members {
			if d, ok := diffs[g.ID+"\x00"+m.Outlet]; ok && d.From != r.Reference {
				base = d.From
			}
		}
		if base != "" {
			t.wrap("    ", t.style(ansiDim, fmt.Sprintf("%s does not report this claim: marked against %s.", r.Reference, base)))
		}
		for _, m := range g.Members {
			a := byID[m.Outlet]
			text := sentencesText(a, m.Sentences)
			if d, ok := diffs[g.ID+"\x00"+m.Outlet]; ok {
				text = t.marked(d.Ops)
			}
			t.member(m.Outlet, sentenceLabel(m.Sentences), text)
		}
		t.wordChoices(choices[g.ID])
	}

	t.heading("ONLY IN ONE OUTLET")
	none := true
	for _, u := range r.Unique {
		none = none && len(u.Sentences) == 0
	}
	if none {
		fmt.Fprintln(t.w, "  none: every sentence is aligned with another outlet's")
	}
	for _, u := range r.Unique {
		if len(u.Sentences) == 0 {
			continue
		}
		a := byID[u.Outlet]
		fmt.Fprintf(t.w, "\n  %s (%d)\n", u.Outlet, len(u.Sentences))
		for _, idx := range u.Sentences {
			t.wrap("    "+sentenceLabel([]int{idx})+" ", a.Sentences[idx].Text)
		}
	}

	t.quoteMatrix(r)

	t.heading("FIGURES")
	// The outlet column is as wide as its heading too ("a" and "b" are
	// narrower than "outlet"); an id wider than the id column goes on a
	// line of its own, its figures under it.
	col := t.idCol
	t.idCol = max(col, len("outlet"))
	fmt.Fprintf(t.w, "  %-*s  %5s  %5s  %7s  %s\n", t.idCol, "outlet", "words", "sent.", "aligned", "shared facts")
	for _, s := range r.Stats {
		fmt.Fprintf(t.w, "%s  %5d  %5d  %7d  %d/%d (%.0f%%)\n", t.outletPrefix(s.Outlet, ""), s.Words, s.Sentences,
			s.Aligned, s.SharedFacts, len(r.Alignments), s.SharedShare*100)
	}
	t.idCol = col
	if len(r.Flags) > 0 {
		t.toneProfile(r)
		t.conceptUse(r)
	}
}

// wordChoices writes the group's word choices under its sentences: each
// outlet's term, then the note of every term that carries one.
func (t *textWriter) wordChoices(wcs []compare.WordChoice) {
	for _, wc := range wcs {
		group := wc.Concept
		if group == "" {
			group = wc.Category
		}
		var parts []string
		var notes []string
		for _, c := range wc.Choices {
			parts = append(parts, fmt.Sprintf("%q (%s)", c.Text, c.Outlet))
			if c.Note != "" && c.Tone != "neutral" {
				notes = append(notes, fmt.Sprintf("%s: %s", c.Term, c.Note))
			}
		}
		t.wrap("    "+t.style(ansiBold, "word choice")+" ", group+": "+strings.Join(parts, ", "))
		for _, n := range uniqueStrings(notes) {
			t.wrap("      ", t.style(ansiDim, n))
		}
	}
}

func uniqueStrings(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// toneProfile writes each outlet's flags per 1,000 of its own words, by
// category and tone. Neutral terms (such as "said") are summed on their own
// so that they do not swell the figures of the marked tones.
func (t *textWriter) toneProfile(r *compare.Result) {
	any := false
	for _, st := range r.Stats {
		any = any || len(st.Tones) > 0
	}
	if !any {
		return
	}
	t.heading("TONE PROFILE (flags per 1,000 own words)")
	for _, st := range r.Stats {
		var parts []string
		neutral := 0.0
		cat := ""
		for _, tc := range st.Tones { // sorted by category, then tone
			if tc.Tone == "neutral" {
				neutral += tc.PerThousand
				continue
			}
			if tc.Category != cat {
				cat = tc.Category
				parts = append(parts, fmt.Sprintf("%s: %s %.1f", tc.Category, tc.Tone, tc.PerThousand))
			} else {
				parts[len(parts)-1] += fmt.Sprintf(", %s %.1f", tc.Tone, tc.PerThousand)
			}
		}
		line := strings.Join(parts, "; ")
		if line == "" {
			line = "none"
		}
		if neutral > 0 {
			line += fmt.Sprintf("  (neutral %.1f)", neutral)
		}
		t.wrap(t.outletPrefix(st.Outlet, "  "), line)
	}
}

// conceptUse writes, for each concept two or more outlets use, or one
// uses with a term whose tone is not neutral, which term each outlet
// chose, with the tone of each term that has a marked one.
func (t *textWriter) conceptUse(r *compare.Result) {
	rows := conceptRows(r)
	if len(rows) == 0 {
		return
	}
	t.heading("NAMES FOR THE SAME THING")
	for _, row := range rows {
		parts := make([]string, 0, len(row.Uses))
		for _, u := range row.Uses {
			part := fmt.Sprintf("%s %q ×%d", u.Outlet, u.Term, u.Count)
			if u.Tone != "" && u.Tone != "neutral" {
				part += " (" + u.Tone + ")"
			}
			parts = append(parts, part)
		}
		t.wrap("  "+row.Concept+": ", strings.Join(parts, ", "))
	}
}

// member writes one outlet's line of a group, wrapped under a hanging indent.
func (t *textWriter) member(outlet, label, text string) {
	t.wrap(t.outletPrefix(outlet, fmt.Sprintf(" %-7s ", label)), text)
}

// wrap writes text after prefix, wrapping at the width with the continuation
// lines indented to the prefix.
func (t *textWriter) wrap(prefix, text string) {
	indent := strings.Repeat(" ", visibleLen(prefix))
	avail := t.o.Width - len(indent)
	line, lineLen := prefix, 0
	if avail < 20 {
		// A prefix too wide to leave room for the text beside it (long
		// outlet names, a quote matrix of many outlets, a narrow width)
		// goes on a line of its own, the text below it, indented less.
		fmt.Fprintln(t.w, strings.TrimRight(prefix, " "))
		indent = "      "
		avail = t.o.Width - len(indent)
		line = indent
	}
	for _, word := range strings.Fields(text) {
		n := visibleLen(word)
		if lineLen > 0 && lineLen+1+n > avail {
			fmt.Fprintln(t.w, strings.TrimRight(line, " "))
			line, lineLen = indent, 0
		}
		if lineLen > 0 {
			line += " "
			lineLen++
		}
		line += word
		lineLen += n
	}
	fmt.Fprintln(t.w, strings.TrimRight(line, " "))
}

// visibleLen counts the runes of s that are not ANSI escape sequences.
func visibleLen(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case r == '\x1b':
			esc = true
		case esc:
			if r == 'm' {
				esc = false
			}
		default:
			n++
		}
	}
	return n
}

// marked renders diff ops as the other outlet's own text with the words the
// reference does not have marked {+like this+}. A short swap shows both sides,
// [-said-]{+claimed+}; longer removals are left to the reference's line. A
// space goes between two ops only where the text has one, or where a
// swap's replaced words would otherwise run into the word before them
// ("damaged [-during the protest-]{+, police said+}", not
// "damaged[-during").
func (t *textWriter) marked(ops []compare.DiffOp) string {
	var b strings.Builder
	lastTo, lastText := -1, ""
	for _, op := range ops {
		var piece string
		swap := false
		switch op.Op {
		case compare.OpEqual:
			piece = op.ToText
		case compare.OpInsert:
			piece = t.ins(op.ToText)
		case compare.OpReplace:
			piece = t.ins(op.ToText)
			if shortSwap(op) {
				piece = t.del(op.FromText) + piece
				swap = true
			}
		case compare.OpDelete:
			continue
		}
		if b.Len() > 0 && (op.ToStart > lastTo || swap && endsWord(lastText) && startsWord(op.FromText)) {
			b.WriteByte(' ')
		}
		b.WriteString(piece)
		lastTo, lastText = op.ToEnd, op.ToText
	}
	return b.String()
}

// endsWord says whether s ends with a letter or a digit.
func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// startsWord says whether s starts with a letter or a digit.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// shortSwap says whether a replacement is a word choice worth showing both
// sides of: at most three words each.
func shortSwap(op compare.DiffOp) bool {
	return len(strings.Fields(op.FromText)) <= 3 && len(strings.Fields(op.ToText)) <= 3
}

func (t *textWriter) del(s string) string {
	if t.o.Color {
		return colorWords(ansiRed, s) + " "
	}
	return "[-" + s + "-]"
}

func (t *textWriter) ins(s string) string {
	if t.o.Color {
		return colorWords(ansiGreen, s)
	}
	return "{+" + s + "+}"
}

// colorWords colours each word on its own so wrapping never splits a colour
// across lines.
func colorWords(code, s string) string {
	fields := strings.Fields(s)
	for i, f := range fields {
		fields[i] = code + f + ansiReset
	}
	return strings.Join(fields, " ")
}

func sentencesText(a *compare.Article, idx []int) string {
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = a.Sentences[k].Text
	}
	return strings.Join(parts, " ")
}

func sentenceLabel(idx []int) string {
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = strconv.Itoa(k + 1)
	}
	return "[" + strings.Join(parts, "+") + "]"
}

func evidenceLine(e compare.Evidence) string {
	var parts []string
	add := func(label string, xs []string) {
		if len(xs) == 0 {
			return
		}
		if len(xs) > 6 {
			xs = append(xs[:6:6], "…")
		}
		parts = append(parts, label+" "+strings.Join(xs, ", "))
	}
	add("names", e.Names)
	add("numbers", e.Numbers)
	if len(e.Quotes) > 0 {
		parts = append(parts, plural(len(e.Quotes), "quoted word pair", "quoted word pairs"))
	}
	add("words", e.Words)
	add("related", e.Related)
	if len(parts) == 0 {
		return ""
	}
	return "shared: " + strings.Join(parts, "; ")
}
