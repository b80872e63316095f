package reports

import (
	"bufio"
	"fmt"
	"io"
	"strings"

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
		t.wrap(fmt.Sprintf("  %-*s  %s ", idw, g.ID, marks), fmt.Sprintf("%s: %s", speaker, quoteText(g.Text, 120)))
		for _, u := range g.Outlets {
			switch {
			case u.Status == compare.StatusAltered:
				t.wrap("      ", fmt.Sprintf("altered in %s: “%s”", u.Outlet, t.quoteDiff(u.Diff)))
			case g.Disputed && u.Speaker != "" && u.Speaker != g.Speaker:
				t.wrap("      ", fmt.Sprintf("%s attributes it to %s", u.Outlet, u.Speaker))
			}
		}
	}
	t.heading("QUOTED WORDS BY SPEAKER")
	idWidth := 0
	for _, a := range r.Articles {
		idWidth = max(idWidth, len(a.ID))
	}
	by := map[string][]string{}
	for _, s := range r.Speakers {
		by[s.Outlet] = append(by[s.Outlet], fmt.Sprintf("%s %d (%.0f%%)", s.Speaker, s.Words, s.Share*100))
	}
	for _, a := range r.Articles {
		line := strings.Join(by[a.ID], ", ")
		if line == "" {
			line = "no quotes"
		}
		t.wrap(fmt.Sprintf("  %-*s  ", idWidth, a.ID), line)
	}
}

// quoteDiff renders an altered quote: the outlet's words with what differs
// from the fullest version marked. A space goes between two ops only where
// the text has one (or, between the parts of a quote, its attribution).
func (t *textWriter) quoteDiff(ops []compare.DiffOp) string {
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
		if b.Len() > 0 && gapBefore(op, lastFrom, lastTo) {
			b.WriteByte(' ')
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

// gapBefore says whether the text has a gap between an op and the ops
// before it, which ended at lastFrom and lastTo in the two texts: on the
// outlet's side when both have one there, else on the fuller version's.
func gapBefore(op compare.DiffOp, lastFrom, lastTo int) bool {
	switch {
	case op.ToStart >= 0 && lastTo >= 0:
		return op.ToStart > lastTo
	case op.FromStart >= 0 && lastFrom >= 0:
		return op.FromStart > lastFrom
	}
	return true
}

// quoteText shortens a quote to about n characters at a word boundary.
func quoteText(s string, n int) string {
	if len(s) <= n {
		return "“" + s + "”"
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return "“" + strings.TrimRight(s[:cut], " ,;:") + " …”"
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
		for _, q := range a.Quotes {
			speaker := q.Speaker
			if speaker == "" {
				speaker = "unattributed"
			}
			t.wrap(fmt.Sprintf("  %-3s ", fmt.Sprintf("%d.", q.Index+1)), fmt.Sprintf("%s (%s, %s %d–%d): “%s”", speaker, q.Kind,
				sentenceLabel(q.Sentences), q.Start, q.End, q.Text))
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
