package reports

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/compare"
)

// Report is what the people-facing renderers (HTML, Markdown, worksheets)
// show: one model built from a comparison, so that every format says the
// same thing. Each renderer is a function of it.
type Report struct {
	Title, Date string
	// Reference is the outlet id the others are diffed against.
	Reference string
	// Blind is set when outlets are shown as "Outlet A", "Outlet B", ...
	Blind   bool
	Outlets []OutletInfo
	// Headlines are the outlets' headlines in outlet order, with the words
	// that differ from the reference's marked; nil when none.
	Headlines []Cell
	// HeadlineBase is the outlet whose headline the others' are marked
	// against when the reference has none; "" when it is the reference's.
	HeadlineBase string
	// Rows are the aligned claims and the sentences only one outlet has,
	// in the reference outlet's story order, the others placed by their
	// own position in their stories.
	Rows []Row
	// WordChoices are the places where outlets name one thing differently.
	WordChoices []ChoiceRow
	// Concepts are the lexicon's concepts the outlets' own words use,
	// with each outlet's terms: those two or more outlets use, and those
	// any outlet names with a term whose tone is not neutral.
	Concepts []ConceptRow
	// Quotes are the statements any outlet quotes, with each outlet's
	// treatment; Legend explains the symbols.
	Quotes []QuoteRow
	Legend []StatusInfo
	// Charts hold the figures drawn as charts.
	Coverage  []Bar
	Tones     []ToneBar
	Speakers  []SpeakerBar
	Placement []PlacementDot
	// Aligned counts the aligned claims.
	Aligned int
}

// OutletInfo is one outlet in the report's header.
type OutletInfo struct {
	ID, Name, Headline, Published, Source string
	Words, Sentences                      int
	// SharedFacts is the number of aligned claims the outlet carries, and
	// Share that over all aligned claims.
	SharedFacts int
	Share       float64
	Quotes      int
}

// Row is one line of the side-by-side view: an aligned claim, or a
// sentence only one outlet has.
type Row struct {
	// ID is the alignment id, or "" for a sentence only one outlet has.
	ID string
	// Unique names the outlet that alone has the sentence.
	Unique string
	Score  float64
	// Base is the outlet whose sentences the row's marks compare with
	// when the reference does not report the claim; "" when they compare
	// with the reference's.
	Base string
	// Evidence says in words why the sentences were aligned.
	Evidence string
	// Cells has one entry per outlet, in outlet order; an outlet without
	// the claim has an empty cell.
	Cells []Cell
	// Choices are the row's word choices.
	Choices []ChoiceRow
	// Closest, for a sentence only one outlet has, gives each other
	// outlet's closest sentence, in outlet order: the aligner matched
	// none, but one may report the same fact in other words.
	Closest []compare.Closest
}

// Cell is one outlet's text in a row: its sentences cut into spans.
type Cell struct {
	Outlet    string
	Sentences []int
	Spans     []TextSpan
}

// Empty says whether the outlet has nothing in the row.
func (c Cell) Empty() bool { return len(c.Spans) == 0 }

// Label is the sentence numbers counted from 1: "[3]" or "[3+4]".
func (c Cell) Label() string {
	if len(c.Sentences) == 0 {
		return ""
	}
	return sentenceLabel(c.Sentences)
}

// TextSpan is a stretch of an outlet's text: plain, differing from the
// reference, or a lexicon term (or both). In an altered quote's diff, a
// Deleted span holds words of the fuller version the outlet dropped or
// replaced: words it does not print.
type TextSpan struct {
	Text    string
	Changed bool
	Flag    *FlagInfo
	Quoted  bool
	Deleted bool
}

// FlagInfo is a lexicon term's explanation.
type FlagInfo struct {
	Term, Group, Tone, Note string
}

// Title is the hover text of a flagged span: the group, the tone and the
// note.
func (f *FlagInfo) Title() string {
	s := fmt.Sprintf("%s (%s, %s)", f.Term, f.Group, f.Tone)
	if f.Note != "" {
		s += ": " + f.Note
	}
	return s
}

// ChoiceRow is one word choice: the outlets' terms for one thing.
type ChoiceRow struct {
	Row   string // the alignment id, or "headline"
	Group string // the concept or category id
	// Concept says the group is a concept (names for one thing) rather
	// than a category of words to watch.
	Concept bool
	Choices []ChoiceCell
}

// ChoiceCell is one outlet's term in a word choice: Term as the outlet
// writes it ("says"), Entry as the lexicon lists it ("said"; empty for an
// alternative an entry suggests).
type ChoiceCell struct {
	Outlet, Term, Tone, Note string
	Entry                    string
}

// ConceptRow is one lexicon concept and the terms each outlet's own words
// use for it, in outlet order; an outlet that does not name it has none.
type ConceptRow struct {
	Concept string
	Uses    []ConceptTerm
}

// ConceptTerm is one outlet's use of one term of a concept.
type ConceptTerm struct {
	Outlet, Term, Tone string
	Count              int
}

// QuoteRow is one quoted statement across outlets.
type QuoteRow struct {
	// Text is the fullest version's words as the article prints them,
	// its parts (and quotes) joined by " … " where the quote breaks off.
	ID, Speaker, Text string
	Disputed          bool
	Cells             []QuoteCell
}

// QuoteCell is one outlet's treatment of a quoted statement.
type QuoteCell struct {
	// Text is the outlet's quoted words, shown as QuoteRow.Text is, or
	// its paraphrasing sentence.
	Outlet, Status, Symbol, Text, Speaker string
	// Diff, for an altered quote, is the outlet's words with its own
	// words marked changed and the fuller version's words it dropped or
	// replaced as deleted spans.
	Diff []TextSpan
}

// StatusInfo explains one quote status.
type StatusInfo struct {
	Status, Symbol, Meaning string
}

// Bar is one outlet's value in a one-series bar chart.
type Bar struct {
	Outlet string
	Value  float64
	Label  string
}

// ToneBar is one outlet's flags per 1,000 words in one category.
type ToneBar struct {
	Outlet, Category string
	PerThousand      float64
}

// SpeakerBar is one outlet's quoted words of one speaker.
type SpeakerBar struct {
	Outlet, Speaker string
	Words           int
	Share           float64
}

// PlacementDot places an aligned claim in one outlet's story: 0 is the
// lead, 1 the last sentence.
type PlacementDot struct {
	Outlet, Row string
	Position    float64
}

// NoAlignment is what the reports say when no sentence of one outlet
// matches another's: the articles may be about different events.
const NoAlignment = "slant found no sentence of one outlet that matches another's: are these articles about the same event?"

// statusMeanings explain the quote statuses in the legend.
var statusMeanings = map[string]string{
	compare.StatusFull:        "quoted in full",
	compare.StatusTruncated:   "quoted in part (cut, or with an ellipsis)",
	compare.StatusAltered:     "quoted with words changed",
	compare.StatusParaphrased: "reported without quotation marks",
	compare.StatusOmitted:     "left out",
}

// NewReport builds the report model of a comparison.
func NewReport(r *compare.Result) *Report {
	rep := &Report{Title: r.Event.Title, Date: r.Event.Date, Reference: r.Reference, Aligned: len(r.Alignments)}
	if rep.Title == "" {
		rep.Title = "Coverage compared"
	}
	order := map[string]int{}
	for i, a := range r.Articles {
		order[a.ID] = i
	}
	quotes := map[string]int{}
	for _, s := range r.Speakers {
		quotes[s.Outlet] += s.Quotes
	}
	for i, a := range r.Articles {
		info := OutletInfo{ID: a.ID, Name: a.Outlet, Headline: a.Headline, Published: a.Published, Source: a.Source,
			Words: a.Words, Sentences: len(a.Sentences), Quotes: quotes[a.ID]}
		if i < len(r.Stats) {
			info.SharedFacts, info.Share = r.Stats[i].SharedFacts, r.Stats[i].SharedShare
		}
		rep.Outlets = append(rep.Outlets, info)
	}
	flags := flagIndex(r)
	changed := changedIndex(r)
	quoted := quoteIndex(r)
	choices := map[string][]ChoiceRow{}
	for _, wc := range r.WordChoices {
		row := ChoiceRow{Row: wc.Alignment, Group: wc.Concept + wc.Category, Concept: wc.Concept != ""}
		for _, c := range wc.Choices {
			row.Choices = append(row.Choices, ChoiceCell{Outlet: c.Outlet, Term: c.Text, Tone: c.Tone, Note: c.Note, Entry: c.Term})
		}
		choices[wc.Alignment] = append(choices[wc.Alignment], row)
		rep.WordChoices = append(rep.WordChoices, row)
	}
	if h := r.Headlines; h != nil {
		byOutlet := map[string]string{}
		for _, m := range h.Members {
			byOutlet[m.Outlet] = m.Text
		}
		hchanged := map[string][][2]int{}
		for _, d := range r.Differences {
			if d.Group != "headline" {
				continue
			}
			if d.From != r.Reference {
				rep.HeadlineBase = d.From
			}
			for _, op := range d.Ops {
				if op.Op == compare.OpInsert || op.Op == compare.OpReplace {
					hchanged[d.To] = append(hchanged[d.To], [2]int{op.ToStart, op.ToEnd})
				}
			}
		}
		for _, a := range r.Articles {
			text := byOutlet[a.ID]
			cell := Cell{Outlet: a.ID}
			if text != "" {
				cell.Spans = spans(text, 0, len(text), hchanged[a.ID], flags[flagKey{a.ID, -1}], nil)
			}
			rep.Headlines = append(rep.Headlines, cell)
		}
	}
	// Rows: aligned claims and unique sentences, each with an order key.
	type keyed struct {
		row Row
		key float64
		tie int
	}
	var rows []keyed
	refID := r.Reference
	bases := map[string]string{}
	for _, d := range r.Differences {
		if d.Group != "headline" && d.From != refID {
			bases[d.Group] = d.From
		}
	}
	for gi, g := range r.Alignments {
		row := Row{ID: g.ID, Score: g.Score, Base: bases[g.ID], Evidence: evidenceLine(g.Evidence), Choices: choices[g.ID]}
		members := map[string]compare.Member{}
		for _, m := range g.Members {
			members[m.Outlet] = m
		}
		key, n := 0.0, 0
		for _, a := range r.Articles {
			cell := Cell{Outlet: a.ID}
			if m, ok := members[a.ID]; ok {
				cell.Sentences = m.Sentences
				for k, si := range m.Sentences {
					s := a.Sentences[si]
					if k > 0 {
						cell.Spans = append(cell.Spans, TextSpan{Text: " "})
					}
					cell.Spans = append(cell.Spans, spans(a.Text, s.Start, s.End, changed[a.ID], flags[flagKey{a.ID, si}], quoted[a.ID])...)
				}
				pos := a.Sentences[m.Sentences[0]].Position
				rep.Placement = append(rep.Placement, PlacementDot{Outlet: a.ID, Row: g.ID, Position: pos})
				if a.ID == refID {
					key, n = pos, -1
				} else if n >= 0 {
					key += pos
					n++
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		if n > 0 {
			key /= float64(n)
		}
		rows = append(rows, keyed{row, key, gi})
	}
	closest := compare.ClosestSentences(r)
	for _, u := range r.Unique {
		ai := order[u.Outlet]
		a := &r.Articles[ai]
		for _, si := range u.Sentences {
			s := a.Sentences[si]
			row := Row{Unique: u.Outlet, Closest: closest[[2]int{ai, si}]}
			for _, b := range r.Articles {
				cell := Cell{Outlet: b.ID}
				if b.ID == u.Outlet {
					cell.Sentences = []int{si}
					cell.Spans = spans(a.Text, s.Start, s.End, nil, flags[flagKey{a.ID, si}], quoted[a.ID])
				}
				row.Cells = append(row.Cells, cell)
			}
			rows = append(rows, keyed{row, s.Position, len(r.Alignments) + ai*10000 + si})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].key != rows[j].key {
			return rows[i].key < rows[j].key
		}
		return rows[i].tie < rows[j].tie
	})
	for _, k := range rows {
		rep.Rows = append(rep.Rows, k.row)
	}
	// Quotes.
	for _, s := range statusOrder {
		rep.Legend = append(rep.Legend, StatusInfo{Status: s, Symbol: StatusSymbols[s], Meaning: statusMeanings[s]})
	}
	byID := map[string]*compare.Article{}
	for i := range r.Articles {
		byID[r.Articles[i].ID] = &r.Articles[i]
	}
	for _, g := range r.Quotes {
		qr := QuoteRow{ID: g.ID, Speaker: g.Speaker, Text: groupWords(byID, g), Disputed: g.Disputed}
		for _, u := range g.Outlets {
			qc := QuoteCell{Outlet: u.Outlet, Status: u.Status, Symbol: StatusSymbols[u.Status], Text: useWords(byID[u.Outlet], u), Speaker: u.Speaker}
			if u.Status == compare.StatusAltered {
				qc.Diff = diffSpans(u.Diff, groupParts(byID, g), useParts(byID[u.Outlet], u))
			}
			qr.Cells = append(qr.Cells, qc)
		}
		rep.Quotes = append(rep.Quotes, qr)
	}
	// Charts.
	for _, o := range rep.Outlets {
		rep.Coverage = append(rep.Coverage, Bar{Outlet: o.ID, Value: o.Share,
			Label: fmt.Sprintf("%d of %d claims", o.SharedFacts, rep.Aligned)})
	}
	for _, st := range r.Stats {
		per := map[string]float64{}
		var cats []string
		for _, t := range st.Tones {
			if t.Tone == "neutral" {
				continue
			}
			if _, ok := per[t.Category]; !ok {
				cats = append(cats, t.Category)
			}
			per[t.Category] += t.PerThousand
		}
		for _, c := range cats {
			rep.Tones = append(rep.Tones, ToneBar{Outlet: st.Outlet, Category: c, PerThousand: per[c]})
		}
	}
	rep.Concepts = conceptRows(r)
	for _, s := range r.Speakers {
		rep.Speakers = append(rep.Speakers, SpeakerBar{Outlet: s.Outlet, Speaker: s.Speaker, Words: s.Words, Share: s.Share})
	}
	return rep
}

// flagKey finds the flags of one sentence (-1: the headline).
type flagKey struct {
	outlet   string
	sentence int
}

func flagIndex(r *compare.Result) map[flagKey][]compare.Flag {
	out := map[flagKey][]compare.Flag{}
	for _, f := range r.Flags {
		k := flagKey{f.Outlet, f.Sentence}
		out[k] = append(out[k], f)
	}
	return out
}

// changedIndex gathers, per outlet, the byte ranges of its words that
// differ from the reference's: what it adds or swaps in, and for the
// reference, what it has that others swap out.
func changedIndex(r *compare.Result) map[string][][2]int {
	out := map[string][][2]int{}
	for _, d := range r.Differences {
		if d.Group == "headline" {
			continue
		}
		for _, op := range d.Ops {
			switch op.Op {
			case compare.OpInsert, compare.OpReplace:
				out[d.To] = append(out[d.To], [2]int{op.ToStart, op.ToEnd})
			}
		}
	}
	return out
}

// quoteIndex gathers, per outlet, the byte ranges inside its quotations.
func quoteIndex(r *compare.Result) map[string][][2]int {
	out := map[string][][2]int{}
	for _, a := range r.Articles {
		for _, q := range a.Quotes {
			for _, p := range q.Parts {
				out[a.ID] = append(out[a.ID], [2]int{p.Start, p.End})
			}
		}
	}
	return out
}

// spans cuts text[start:end] at every boundary of the changed ranges, the
// flags and the quotations, so each span is uniformly marked.
func spans(text string, start, end int, changed [][2]int, flags []compare.Flag, quoted [][2]int) []TextSpan {
	cuts := map[int]bool{start: true, end: true}
	add := func(s, e int) {
		if s > start && s < end {
			cuts[s] = true
		}
		if e > start && e < end {
			cuts[e] = true
		}
	}
	for _, c := range changed {
		add(c[0], c[1])
	}
	for _, f := range flags {
		add(f.Start, f.End)
	}
	for _, q := range quoted {
		add(q[0], q[1])
	}
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	in := func(ranges [][2]int, s, e int) bool {
		for _, r := range ranges {
			if s >= r[0] && e <= r[1] {
				return true
			}
		}
		return false
	}
	var out []TextSpan
	for i := 0; i+1 < len(points); i++ {
		s, e := points[i], points[i+1]
		if s < 0 || e > len(text) || s >= e {
			continue
		}
		sp := TextSpan{Text: text[s:e], Changed: in(changed, s, e) && strings.TrimSpace(text[s:e]) != "", Quoted: in(quoted, s, e)}
		for _, f := range flags {
			if s >= f.Start && e <= f.End {
				group := f.Concept
				if group == "" {
					group = f.Category
				}
				sp.Flag = &FlagInfo{Term: f.Term, Group: group, Tone: f.Tone, Note: f.Note}
				break
			}
		}
		// Merge with the previous span when marked alike.
		if n := len(out); n > 0 && out[n-1].Changed == sp.Changed && out[n-1].Quoted == sp.Quoted &&
			out[n-1].Flag == nil && sp.Flag == nil {
			out[n-1].Text += sp.Text
			continue
		}
		out = append(out, sp)
	}
	return out
}

// diffSpans renders an altered quote's diff as spans: what the outlet
// wrote, with its own words marked changed, and the words of the fuller
// version it dropped or replaced as deleted spans, where they stood, so
// that a dropped "not" shows. Between two ops goes what the text has
// there (see gapBefore): a space, nothing, or where a quote breaks off
// for its attribution, the quote gap; a replaced word and its
// replacement are set a space apart, unless the replacement begins with
// punctuation. fromParts and toParts are the
// fuller version's parts and the outlet's.
func diffSpans(ops []compare.DiffOp, fromParts, toParts []compare.Span) []TextSpan {
	var out []TextSpan
	lastFrom, lastTo := -1, -1
	for _, op := range ops {
		var pieces []TextSpan
		switch op.Op {
		case compare.OpEqual:
			pieces = []TextSpan{{Text: op.ToText}}
		case compare.OpInsert:
			pieces = []TextSpan{{Text: op.ToText, Changed: true}}
		case compare.OpDelete:
			pieces = []TextSpan{{Text: op.FromText, Deleted: true}}
		case compare.OpReplace:
			pieces = []TextSpan{{Text: op.FromText, Deleted: true}, {Text: op.ToText, Changed: true}}
			if r, _ := utf8.DecodeRuneInString(op.ToText); unicode.IsLetter(r) || unicode.IsDigit(r) {
				// "the ~~rent~~ **rents**"; a swapped comma stays close.
				pieces = slices.Insert(pieces, 1, TextSpan{Text: " "})
			}
		default:
			continue
		}
		if len(out) > 0 {
			if gap := gapBefore(op, lastFrom, lastTo, fromParts, toParts); gap != "" {
				out = append(out, TextSpan{Text: gap})
			}
		}
		out = append(out, pieces...)
		if op.FromEnd >= 0 {
			lastFrom = op.FromEnd
		}
		if op.ToEnd >= 0 {
			lastTo = op.ToEnd
		}
	}
	return out
}

// conceptRows gathers the concepts the outlets' own words use (their
// Stats), each with every outlet's terms and the terms' tones (from the
// flags): the concepts two or more outlets name, which show each one's
// choice of name, and those only one names with a term whose tone is not
// neutral ("mob", "union bosses"), which no comparison of names would
// otherwise show. Concepts are sorted by id; each outlet's terms as its
// Stats give them.
func conceptRows(r *compare.Result) []ConceptRow {
	type termKey struct{ concept, term string }
	tones := map[termKey]string{}
	for _, f := range r.Flags {
		if f.Concept != "" {
			if _, ok := tones[termKey{f.Concept, f.Term}]; !ok {
				tones[termKey{f.Concept, f.Term}] = f.Tone
			}
		}
	}
	uses := map[string][]ConceptTerm{}
	outlets := map[string]int{}
	marked := map[string]bool{}
	for _, st := range r.Stats {
		seen := map[string]bool{}
		for _, c := range st.Concepts {
			tone := tones[termKey{c.Concept, c.Term}]
			uses[c.Concept] = append(uses[c.Concept], ConceptTerm{Outlet: st.Outlet, Term: c.Term, Tone: tone, Count: c.Count})
			if !seen[c.Concept] {
				seen[c.Concept] = true
				outlets[c.Concept]++
			}
			if tone != "" && tone != "neutral" {
				marked[c.Concept] = true
			}
		}
	}
	var ids []string
	for id := range uses {
		if outlets[id] >= 2 || marked[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	out := make([]ConceptRow, 0, len(ids))
	for _, id := range ids {
		out = append(out, ConceptRow{Concept: id, Uses: uses[id]})
	}
	return out
}

// alteredVersions groups a quote's altered versions, in the order of its
// cells: the cells whose Diff marks the same words the same way are one
// version, given by several outlets. Cells without a Diff are left out.
func alteredVersions(q QuoteRow) [][]QuoteCell {
	var versions [][]QuoteCell
	for _, c := range q.Cells {
		if len(c.Diff) == 0 {
			continue
		}
		k := slices.IndexFunc(versions, func(v []QuoteCell) bool { return sameMarks(v[0].Diff, c.Diff) })
		if k < 0 {
			versions = append(versions, []QuoteCell{c})
		} else {
			versions[k] = append(versions[k], c)
		}
	}
	return versions
}

// sameMarks says whether two lists of spans hold the same words marked
// the same way.
func sameMarks(a, b []TextSpan) bool {
	return slices.EqualFunc(a, b, func(x, y TextSpan) bool {
		return x.Text == y.Text && x.Changed == y.Changed && x.Deleted == y.Deleted && x.Quoted == y.Quoted &&
			(x.Flag == nil && y.Flag == nil || x.Flag != nil && y.Flag != nil && *x.Flag == *y.Flag)
	})
}
