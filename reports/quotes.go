package reports

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/slant-news/slant/compare"
)

// StatusSymbols are the quote matrix's marks, one per status, the same in
// every format.
var StatusSymbols = map[string]string{
	compare.StatusFull:        "●",
	compare.StatusTruncated:   "◐",
	compare.StatusAltered:     "≠",
	compare.StatusParaphrased: "≈",
	compare.StatusOmitted:     "·",
}

// statusOrder lists the statuses for legends.
var statusOrder = []string{compare.StatusFull, compare.StatusTruncated, compare.StatusAltered,
	compare.StatusParaphrased, compare.StatusOmitted}

// quoteMatrix writes the statements quoted by any outlet, one row each,
// with a status mark per outlet, then the altered quotes' word diffs and
// each outlet's quoted words per speaker.
func (t *textWriter) quoteMatrix(r *compare.Result) {
	if len(r.Quotes) == 0 {
		return
	}
	t.heading(fmt.Sprintf("QUOTES (%d)", len(r.Quotes)))
	var legend []string
	for _, s := range statusOrder {
		legend = append(legend, StatusSymbols[s]+" "+s)
	}
	t.wrap("  ", strings.Join(legend, "   "))
	var cols []string
	for i, a := range r.Articles {
		cols = append(cols, fmt.Sprintf("%d %s", i+1, a.ID))
	}
	t.wrap("  columns: ", strings.Join(cols, ", "))
	idw := len(r.Quotes[len(r.Quotes)-1].ID)
	// A column is as wide as the largest outlet number and a space, so
	// that numbers from 10 up stay apart ("9  10 11", not "9 1011").
	colw := len(fmt.Sprint(len(r.Articles))) + 1
	head := fmt.Sprintf("  %-*s  ", idw, "")
	for i := range r.Articles {
		head += fmt.Sprintf("%-*d", colw, i+1)
	}
	fmt.Fprintln(t.w)
	fmt.Fprintln(t.w, strings.TrimRight(head, " "))
	byID := map[string]*compare.Article{}
	for i := range r.Articles {
		byID[r.Articles[i].ID] = &r.Articles[i]
	}
	for _, g := range r.Quotes {
		marks := ""
		for _, u := range g.Outlets {
			marks += StatusSymbols[u.Status] + strings.Repeat(" ", colw-1)
		}
		marks = strings.TrimRight(marks, " ") + " "
		speaker := g.Speaker
		if speaker == "" {
			speaker = "unattributed"
		}
		if g.Disputed {
			speaker += " (disputed)"
		}
		t.wrap(fmt.Sprintf("  %-*s  %s ", idw, g.ID, marks), fmt.Sprintf("%s: %s", speaker, quoteText(groupWords(byID, g), 120)))
		// Outlets that give one altered version are named on one line.
		diffs, altered := map[string]string{}, map[string][]string{}
		for _, u := range g.Outlets {
			if u.Status == compare.StatusAltered {
				d := t.quoteDiff(u.Diff, groupParts(byID, g), useParts(byID[u.Outlet], u))
				diffs[u.Outlet], altered[d] = d, append(altered[d], u.Outlet)
			}
		}
		for _, u := range g.Outlets {
			switch {
			case u.Status == compare.StatusAltered:
				d := diffs[u.Outlet]
				if outlets := altered[d]; outlets[0] == u.Outlet {
					t.wrap("      ", fmt.Sprintf("altered in %s: “%s”", wsList(outlets), d))
				}
			case g.Disputed && u.Speaker != "" && u.Speaker != g.Speaker:
				t.wrap("      ", fmt.Sprintf("%s attributes it to %s", u.Outlet, u.Speaker))
			}
		}
	}
	t.heading("QUOTED WORDS BY SPEAKER")
	by := map[string][]string{}
	for _, s := range r.Speakers {
		by[s.Outlet] = append(by[s.Outlet], fmt.Sprintf("%s %d (%.0f%%)", chartSpeaker(s.Speaker), s.Words, s.Share*100))
	}
	for _, a := range r.Articles {
		line := strings.Join(by[a.ID], ", ")
		if line == "" {
			line = "no quotes"
		}
		t.wrap(t.outletPrefix(a.ID, "  "), line)
	}
}

// quoteDiff renders an altered quote: the outlet's words with what differs
// from the fullest version marked. Between two ops goes what the text has
// there (see partsGap): a space, nothing, or where the quote breaks off
// for its attribution, the quote gap; fromParts and toParts are the two
// versions' parts.
func (t *textWriter) quoteDiff(ops []compare.DiffOp, fromParts, toParts []compare.Span) string {
	var b strings.Builder
	lastFrom, lastTo := -1, -1
	for _, op := range ops {
		var piece string
		switch op.Op {
		case compare.OpEqual:
			piece = op.ToText
		case compare.OpInsert:
			piece = t.ins(op.ToText)
		case compare.OpDelete:
			piece = t.del(op.FromText)
		case compare.OpReplace:
			piece = t.del(op.FromText) + t.ins(op.ToText)
		}
		if b.Len() > 0 {
			b.WriteString(gapBefore(op, lastFrom, lastTo, fromParts, toParts))
		}
		b.WriteString(piece)
		if op.FromEnd >= 0 {
			lastFrom = op.FromEnd
		}
		if op.ToEnd >= 0 {
			lastTo = op.ToEnd
		}
	}
	return b.String()
}

// gapBefore is what the text has between an op and the ops before it,
// which ended at lastFrom and lastTo in the two texts: on the outlet's
// side when both have one there, else on the fuller version's.
func gapBefore(op compare.DiffOp, lastFrom, lastTo int, fromParts, toParts []compare.Span) string {
	switch {
	case op.ToStart >= 0 && lastTo >= 0:
		return partsGap(toParts, lastTo, op.ToStart)
	case op.FromStart >= 0 && lastFrom >= 0:
		return partsGap(fromParts, lastFrom, op.FromStart)
	}
	return " "
}

// quoteGap stands, in a quote shown to a reader, where the quoted words
// break off and go on: where the attribution was ("...," she said,
// "..."), or between two quotes of one statement. The words on either
// side are the article's own; nothing is put between them that it does
// not print.
const quoteGap = " … "

// partsGap is what goes between two stretches of a quote, the first
// ending at end and the next starting at start (byte offsets into the
// article): nothing when they touch, a space when they lie in one part
// (or the parts are not known), and the quote gap when they lie in
// different parts.
func partsGap(parts []compare.Span, end, start int) string {
	if start <= end {
		return ""
	}
	if len(parts) == 0 {
		return " "
	}
	for _, p := range parts {
		if p.Start <= end && start <= p.End {
			return " "
		}
	}
	return quoteGap
}

// quoteWords is what an article quotes in its quotes idx, as shown to a
// reader: each part of each quote as the article prints it, on one line,
// the parts joined by the quote gap.
func quoteWords(a *compare.Article, idx []int) string {
	var parts []string
	for _, p := range quoteParts(a, idx) {
		if s := strings.Join(strings.Fields(a.Text[p.Start:p.End]), " "); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, quoteGap)
}

// quoteParts are the parts of an article's quotes idx, in order; quotes
// and parts the article does not hold are passed over.
func quoteParts(a *compare.Article, idx []int) []compare.Span {
	if a == nil {
		return nil
	}
	var out []compare.Span
	for _, qi := range idx {
		if qi < 0 || qi >= len(a.Quotes) {
			continue
		}
		for _, p := range a.Quotes[qi].Parts {
			if p.Start >= 0 && p.Start <= p.End && p.End <= len(a.Text) {
				out = append(out, p)
			}
		}
	}
	return out
}

// useQuotes are the quotes an outlet gives a statement in, none when it
// paraphrases or leaves it out.
func useQuotes(u compare.QuoteUse) []int {
	switch {
	case u.Status == compare.StatusParaphrased || u.Status == compare.StatusOmitted:
		return nil
	case len(u.Quotes) > 0:
		return u.Quotes
	case u.Quote >= 0:
		return []int{u.Quote}
	}
	return nil
}

// useParts are the parts of the quotes an outlet gives a statement in.
func useParts(a *compare.Article, u compare.QuoteUse) []compare.Span {
	return quoteParts(a, useQuotes(u))
}

// useWords is an outlet's version of a statement as shown to a reader:
// its quoted words (see quoteWords), or its paraphrasing sentence.
func useWords(a *compare.Article, u compare.QuoteUse) string {
	if idx := useQuotes(u); a != nil && len(idx) > 0 {
		if s := quoteWords(a, idx); s != "" {
			return s
		}
	}
	return u.Text
}

// groupSource is the fullest version of a statement: the source outlet's
// article and its treatment of the statement.
func groupSource(byID map[string]*compare.Article, g compare.QuoteGroup) (*compare.Article, compare.QuoteUse) {
	for _, u := range g.Outlets {
		if u.Outlet == g.Source && len(useQuotes(u)) > 0 {
			return byID[g.Source], u
		}
	}
	return byID[g.Source], compare.QuoteUse{Outlet: g.Source, Status: compare.StatusFull, Quote: g.SourceQuote}
}

// groupWords is the fullest version of a statement as shown to a reader.
func groupWords(byID map[string]*compare.Article, g compare.QuoteGroup) string {
	a, u := groupSource(byID, g)
	if a == nil {
		return g.Text
	}
	return useWords(a, u)
}

// groupParts are the parts of the fullest version of a statement.
func groupParts(byID map[string]*compare.Article, g compare.QuoteGroup) []compare.Span {
	a, u := groupSource(byID, g)
	return useParts(a, u)
}

// quoteText puts a quote in quotation marks, shortened to about n bytes
// at a word boundary when it is longer: the cut is said after the closing
// mark with the number of words left out ("[+7 more words]"), so that it
// cannot be read as an ellipsis the outlet printed, as the quote gap " … "
// inside the marks is.
func quoteText(s string, n int) string {
	if len(s) <= n {
		return "“" + s + "”"
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	rest := len(strings.Fields(s[cut:]))
	return "“" + strings.TrimRight(s[:cut], " ,;:…") + "” [+" + plural(rest, "more word", "more words") + "]"
}

// QuotesDocument is the JSON form of slant quotes: each article's quotes
// and reported statements.
type QuotesDocument struct {
	SchemaVersion int            `json:"schema_version"`
	Outlets       []QuotesOutlet `json:"outlets"`
}

// QuotesOutlet is one article's quotes.
type QuotesOutlet struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	Source     string      `json:"source"`
	Quotes     []Quote     `json:"quotes"`
	Statements []Statement `json:"statements"`
}

// QuotesJSON writes the articles' quotes as one JSON document.
func QuotesJSON(w io.Writer, articles []compare.Article) error {
	doc := QuotesDocument{SchemaVersion: compare.SchemaVersion, Outlets: []QuotesOutlet{}}
	for i := range articles {
		a := &articles[i]
		o := QuotesOutlet{ID: a.ID, Name: a.Outlet, Source: a.Source}
		o.Quotes, o.Statements = quotesOf(a)
		doc.Outlets = append(doc.Outlets, o)
	}
	return writeJSON(w, doc)
}

// QuotesText writes each article's quotes for reading: speaker, kind,
// sentence numbers (from 1) and the words; then the reported statements.
func QuotesText(w io.Writer, articles []compare.Article, o TextOptions) error {
	if o.Width <= 0 {
		o.Width = 100
	}
	t := &textWriter{w: bufio.NewWriter(w), o: o}
	for i := range articles {
		a := &articles[i]
		if i > 0 {
			fmt.Fprintln(t.w)
		}
		fmt.Fprintf(t.w, "%s\n", t.style(ansiBold, fmt.Sprintf("%s (%s): %s, %s", a.ID, a.Outlet,
			plural(len(a.Quotes), "quote", "quotes"), plural(len(a.Statements), "reported statement", "reported statements"))))
		for qi, q := range a.Quotes {
			speaker := q.Speaker
			if speaker == "" {
				speaker = "unattributed"
			}
			t.wrap(fmt.Sprintf("  %-3s ", fmt.Sprintf("%d.", q.Index+1)), fmt.Sprintf("%s (%s, %s %d–%d): “%s”", speaker, q.Kind,
				sentenceLabel(q.Sentences), q.Start, q.End, quoteWords(a, []int{qi})))
		}
		for _, s := range a.Statements {
			t.wrap("  ~   ", fmt.Sprintf("%s %s (reported, [%d]): %s", s.Speaker, s.Verb, s.Sentence+1, s.Text))
		}
	}
	return t.w.Flush()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
