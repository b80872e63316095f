package reports

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed templates/report.html
var htmlTemplates embed.FS

// reportTemplate is the one page the HTML report is. Article text reaches
// it only as plain strings, so html/template escapes every piece of it.
// It is parsed when first needed, so that commands writing other formats
// do not pay for it at start-up.
var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(htmlTemplates, "templates/report.html"))
})

// HTML writes the report as one self-contained page: the outlets, the
// side-by-side view of their sentences with changed wording and lexicon
// terms marked, the quote matrix, and charts of coverage, tone, quoted
// speakers and placement. Styles and charts are inline; nothing is loaded
// from elsewhere and no script runs. The same report gives the same bytes.
func HTML(w io.Writer, rep *Report) error {
	var buf bytes.Buffer
	if err := reportTemplate().Execute(&buf, newHTMLView(rep)); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// htmlView is the report arranged for the template: names looked up,
// numbers formatted and chart geometry computed, so the template only
// places values.
type htmlView struct {
	Title, Date string
	Blind       bool
	// Reference is the reference outlet's name.
	Reference string
	Aligned   int
	// NoAlignment says, when no sentence aligns, that the articles may
	// not be about one event.
	NoAlignment string
	Outlets     []htmlOutlet
	// Headlines is the headlines' row, nil when there are none.
	Headlines *htmlRow
	Rows      []htmlRow
	Legend    []StatusInfo
	Quotes    []htmlQuote
	// QuoteSpan is the number of quote matrix columns a quote's details
	// span: all but the first.
	QuoteSpan int
	// The charts are nil when there is nothing to draw.
	Coverage  *barChart
	Tones     *toneChart
	Speakers  *speakerChart
	Placement *placementChart
	// Concepts is the table of the names each outlet uses for the
	// lexicon's concepts, in outlet columns.
	Concepts []htmlConcept
}

// htmlConcept is one row of the names table: a concept and, per outlet
// in outlet order, the terms it uses.
type htmlConcept struct {
	Concept string
	Cells   [][]ConceptTerm
}

type htmlOutlet struct {
	ID, Name, Headline, Published string
	Words, Sentences, Quotes      int
	Reference                     bool
	// Shared is "10 of 11", Percent "91%".
	Shared, Percent string
}

// htmlRow is one line of the side-by-side table.
type htmlRow struct {
	// Key is the row's stable name: the alignment id, or for a sentence
	// only one outlet has, "u-<outlet>-<sentence number>".
	Key, ID, Evidence, Score string
	// Base, when the reference does not report the row, says so and names
	// the outlet its marks compare with instead.
	Base string
	// Unique is the outlet id and UniqueName its name, for a sentence only
	// that outlet has.
	Unique, UniqueName string
	Cells              []htmlCell
	Choices            []htmlChoice
	// Columns is the table's column count, which the word choices under
	// the row span.
	Columns int
}

type htmlCell struct {
	Outlet, Name, Label string
	Spans               []TextSpan
	Empty               bool
}

// htmlChoice is one word choice: the concept or category and each outlet's
// term with its tone and note.
type htmlChoice struct {
	Group string
	// Grid is the class that lays the terms out in the table's outlet
	// columns, "" when there are more outlets than the stylesheet has
	// layouts for.
	Grid  string
	Terms []htmlTerm
}

type htmlTerm struct {
	Outlet, Name, Term, Tone, Note string
	// At is the class that puts the term under its outlet's column.
	At string
}

// maxGridColumns is the largest number of outlets the stylesheet lays
// word choices out for column by column (classes cols-2 to cols-8 and
// at-1 to at-8).
const maxGridColumns = 8

type htmlQuote struct {
	ID, Speaker, Text string
	Disputed          bool
	Cells             []htmlQuoteCell
	Altered           []htmlQuoteDiff
	// Attributions lists, for a disputed quote, the outlets that name
	// another speaker.
	Attributions []htmlAttribution
}

type htmlQuoteCell struct {
	Outlet, Status, Symbol string
	// Label says the status in words, with the outlet's text.
	Label string
}

// htmlQuoteDiff is one altered version of a quote with every outlet that
// gives it: Outlet is the first, Names all of them, each with the
// separator written before it ("", ", " or " and ").
type htmlQuoteDiff struct {
	Outlet string
	Names  [][2]string
	Spans  []TextSpan
}

type htmlAttribution struct {
	Name, Speaker string
}

func newHTMLView(rep *Report) *htmlView {
	v := &htmlView{Title: rep.Title, Date: rep.Date, Blind: rep.Blind, Aligned: rep.Aligned,
		QuoteSpan: len(rep.Outlets) + 1, Legend: rep.Legend}
	if rep.Aligned == 0 && len(rep.Outlets) > 1 {
		v.NoAlignment = NoAlignment
	}
	columns := len(rep.Outlets) + 1
	names := map[string]string{}
	for _, o := range rep.Outlets {
		names[o.ID] = o.Name
		ho := htmlOutlet{ID: o.ID, Name: o.Name, Headline: o.Headline, Published: o.Published,
			Words: o.Words, Sentences: o.Sentences, Quotes: o.Quotes, Reference: o.ID == rep.Reference,
			Shared: fmt.Sprintf("%d of %d", o.SharedFacts, rep.Aligned), Percent: htmlPercent(o.Share)}
		if ho.Reference {
			v.Reference = o.Name
		}
		v.Outlets = append(v.Outlets, ho)
	}
	if v.Reference == "" {
		v.Reference = rep.Reference
	}
	name := func(id string) string {
		if n, ok := names[id]; ok && n != "" {
			return n
		}
		return id
	}
	column := map[string]int{}
	for i, o := range rep.Outlets {
		column[o.ID] = i + 1
	}
	grid := len(rep.Outlets) >= 2 && len(rep.Outlets) <= maxGridColumns
	choices := func(rows []ChoiceRow) []htmlChoice {
		var out []htmlChoice
		for _, cr := range rows {
			hc := htmlChoice{Group: cr.Group}
			if grid {
				hc.Grid = "cols-" + strconv.Itoa(len(rep.Outlets))
			}
			for _, c := range cr.Choices {
				ht := htmlTerm{Outlet: c.Outlet, Name: name(c.Outlet), Term: c.Term, Tone: c.Tone, Note: c.Note}
				if grid && column[c.Outlet] > 0 {
					ht.At = "at-" + strconv.Itoa(column[c.Outlet])
				}
				hc.Terms = append(hc.Terms, ht)
			}
			out = append(out, hc)
		}
		return out
	}
	cells := func(cs []Cell) []htmlCell {
		out := make([]htmlCell, 0, len(cs))
		for _, c := range cs {
			out = append(out, htmlCell{Outlet: c.Outlet, Name: name(c.Outlet), Label: c.Label(), Spans: c.Spans, Empty: c.Empty()})
		}
		return out
	}
	if len(rep.Headlines) > 0 {
		var headlineChoices []ChoiceRow
		for _, cr := range rep.WordChoices {
			if cr.Row == "headline" {
				headlineChoices = append(headlineChoices, cr)
			}
		}
		v.Headlines = &htmlRow{Key: "headline", Cells: cells(rep.Headlines), Choices: choices(headlineChoices), Columns: columns}
		if rep.HeadlineBase != "" {
			v.Headlines.Base = fmt.Sprintf("%s has none: marked against %s", v.Reference, name(rep.HeadlineBase))
		}
	}
	for _, row := range rep.Rows {
		hr := htmlRow{Key: htmlRowKey(row), ID: row.ID, Evidence: row.Evidence, Cells: cells(row.Cells), Choices: choices(row.Choices),
			Columns: columns}
		if row.ID != "" {
			hr.Score = strconv.FormatFloat(row.Score, 'f', 2, 64)
		}
		if row.Base != "" {
			hr.Base = fmt.Sprintf("not in %s: marked against %s", v.Reference, name(row.Base))
		}
		if row.Unique != "" {
			hr.Unique, hr.UniqueName = row.Unique, name(row.Unique)
		}
		v.Rows = append(v.Rows, hr)
	}
	meanings := map[string]string{}
	for _, s := range rep.Legend {
		meanings[s.Status] = s.Meaning
	}
	for _, q := range rep.Quotes {
		hq := htmlQuote{ID: q.ID, Speaker: q.Speaker, Text: q.Text, Disputed: q.Disputed}
		if hq.Speaker == "" {
			hq.Speaker = "unattributed"
		}
		for _, c := range q.Cells {
			meaning := meanings[c.Status]
			if meaning == "" {
				meaning = c.Status
			}
			label := name(c.Outlet) + ": " + meaning
			if q.Disputed && c.Speaker != "" && c.Speaker != q.Speaker {
				label += ", attributed to " + c.Speaker
				hq.Attributions = append(hq.Attributions, htmlAttribution{Name: name(c.Outlet), Speaker: c.Speaker})
			}
			if c.Text != "" {
				label += " — “" + c.Text + "”"
			}
			hq.Cells = append(hq.Cells, htmlQuoteCell{Outlet: c.Outlet, Status: c.Status, Symbol: c.Symbol, Label: label})
		}
		for _, outlets := range alteredVersions(q) {
			d := htmlQuoteDiff{Outlet: outlets[0].Outlet, Spans: outlets[0].Diff}
			for i, c := range outlets {
				sep := ", "
				switch {
				case i == 0:
					sep = ""
				case i == len(outlets)-1:
					sep = " and "
				}
				d.Names = append(d.Names, [2]string{sep, name(c.Outlet)})
			}
			hq.Altered = append(hq.Altered, d)
		}
		v.Quotes = append(v.Quotes, hq)
	}
	v.Coverage = newBarChart(rep, name)
	v.Tones = newToneChart(rep, name)
	v.Speakers = newSpeakerChart(rep, name)
	v.Placement = newPlacementChart(rep, name)
	for _, c := range rep.Concepts {
		hc := htmlConcept{Concept: c.Concept, Cells: make([][]ConceptTerm, len(rep.Outlets))}
		for _, u := range c.Uses {
			if col := column[u.Outlet]; col > 0 {
				hc.Cells[col-1] = append(hc.Cells[col-1], u)
			}
		}
		v.Concepts = append(v.Concepts, hc)
	}
	return v
}

// htmlRowKey names a row stably: its alignment id, or for a sentence only one
// outlet has, the outlet and the sentence number.
func htmlRowKey(row Row) string {
	if row.ID != "" {
		return row.ID
	}
	for _, c := range row.Cells {
		if c.Outlet == row.Unique && len(c.Sentences) > 0 {
			return fmt.Sprintf("u-%s-%d", row.Unique, c.Sentences[0]+1)
		}
	}
	return "u-" + row.Unique
}

// htmlPercent writes a share of 1 as a whole percentage.
func htmlPercent(share float64) string {
	return strconv.FormatFloat(math.Round(share*100), 'f', 0, 64) + "%"
}

// svgNum is a coordinate or length in a chart, written with at most one
// decimal so the output does not depend on float noise.
type svgNum float64

func (n svgNum) String() string {
	return strconv.FormatFloat(math.Round(float64(n)*10)/10, 'f', -1, 64)
}

// Chart geometry, in SVG user units (about CSS pixels at full size).
const (
	chartWidth    = 720
	chartFontSize = 12
	chartMaxLabel = 28 // runes of an outlet name before it is cut
)

// chartTextWidth estimates the width of s in the charts' font.
func chartTextWidth(s string) float64 {
	return float64(utf8.RuneCountInString(s)) * chartFontSize * 0.6
}

// chartLabel cuts a long name for a chart's label column.
func chartLabel(s string) string {
	if utf8.RuneCountInString(s) <= chartMaxLabel {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:chartMaxLabel-1])) + "…"
}

// chartLabelColumn is the width of a chart's outlet-name column.
func chartLabelColumn(rep *Report, name func(string) string) float64 {
	w := 60.0
	for _, o := range rep.Outlets {
		w = max(w, chartTextWidth(chartLabel(name(o.ID))))
	}
	return math.Ceil(w) + 16
}

// chartNiceMax rounds a chart's largest value up to 1, 2, 2.5 or 5 times a
// power of ten.
func chartNiceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if v <= m*p*(1+1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// chartValue writes a chart value with at most one decimal.
func chartValue(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// axisTick is a vertical grid line with its label.
type axisTick struct {
	X     svgNum
	Label string
}

// chartTicks places the grid lines of values on a scale from 0 to scale
// drawn width wide from x0.
func chartTicks(x0, width float64, values []float64, scale float64, label func(float64) string) []axisTick {
	out := make([]axisTick, 0, len(values))
	for _, v := range values {
		out = append(out, axisTick{X: svgNum(x0 + v/scale*width), Label: label(v)})
	}
	return out
}

// barChart is the coverage chart: one horizontal bar per outlet, 0..1.
type barChart struct {
	Width, Height, LabelX, AxisTop, AxisBottom, TickY svgNum
	Ticks                                             []axisTick
	Bars                                              []hbar
	Summary                                           string
}

// hbar is one horizontal bar with its outlet label and value text.
type hbar struct {
	Outlet, Name, Label, Value, Title  string
	X, Y, Width, Height, TextY, ValueX svgNum
}

func newBarChart(rep *Report, name func(string) string) *barChart {
	if len(rep.Coverage) == 0 {
		return nil
	}
	const top, barH, gap, right = 28.0, 20.0, 10.0, 170.0
	left := chartLabelColumn(rep, name)
	plot := chartWidth - left - right
	c := &barChart{Width: chartWidth, LabelX: svgNum(left - 8), AxisTop: top - 6, TickY: top - 12}
	var parts []string
	for i, b := range rep.Coverage {
		y := top + float64(i)*(barH+gap)
		w := max(0, min(1, b.Value)) * plot
		value := htmlPercent(b.Value) + " · " + b.Label
		c.Bars = append(c.Bars, hbar{Outlet: b.Outlet, Name: name(b.Outlet), Label: chartLabel(name(b.Outlet)), Value: value,
			Title: name(b.Outlet) + ": " + value,
			X:     svgNum(left), Y: svgNum(y), Width: svgNum(w), Height: barH, TextY: svgNum(y + barH/2 + 4), ValueX: svgNum(left + w + 6)})
		parts = append(parts, name(b.Outlet)+" "+htmlPercent(b.Value))
	}
	bottom := top + float64(len(rep.Coverage))*(barH+gap) - gap + 6
	c.AxisBottom, c.Height = svgNum(bottom), svgNum(bottom+6)
	c.Ticks = chartTicks(left, plot, []float64{0, 0.25, 0.5, 0.75, 1}, 1, htmlPercent)
	c.Summary = "Share of the " + strconv.Itoa(rep.Aligned) + " shared facts each outlet carries: " + strings.Join(parts, ", ") + "."
	return c
}

// toneChart is the tone profile: one small bar chart per lexicon
// category, one bar per outlet, on a common scale of flags per 1,000
// words.
type toneChart struct {
	Panels []tonePanel
	// Outlets and Categories head the data table; Table has a row per
	// outlet.
	Outlets    []string
	Categories []string
	Table      []toneTableRow
	Max        string
}

type tonePanel struct {
	// ID is unique in the page, for aria-labelledby.
	ID, Category, Summary                             string
	Width, Height, LabelX, AxisTop, AxisBottom, TickY svgNum
	Ticks                                             []axisTick
	Bars                                              []hbar
}

type toneTableRow struct {
	Outlet, Name string
	Values       []string
}

func newToneChart(rep *Report, name func(string) string) *toneChart {
	if len(rep.Tones) == 0 {
		return nil
	}
	c := &toneChart{}
	values := map[[2]string]float64{}
	seen := map[string]bool{}
	largest := 0.0
	for _, t := range rep.Tones {
		values[[2]string{t.Outlet, t.Category}] += t.PerThousand
		if !seen[t.Category] {
			seen[t.Category] = true
			c.Categories = append(c.Categories, t.Category)
		}
	}
	for _, v := range values {
		largest = max(largest, v)
	}
	sort.Strings(c.Categories)
	scale := chartNiceMax(largest)
	c.Max = chartValue(scale)
	const width, top, barH, gap, right = 340.0, 24.0, 14.0, 6.0, 40.0
	left := chartLabelColumn(rep, name)
	plot := width - left - right
	for i, cat := range c.Categories {
		p := tonePanel{ID: "chart-tones-" + strconv.Itoa(i+1), Category: cat, Width: width, LabelX: svgNum(left - 8),
			AxisTop: top - 4}
		var parts []string
		for j, o := range rep.Outlets {
			v := values[[2]string{o.ID, cat}]
			y := top + float64(j)*(barH+gap)
			w := v / scale * plot
			p.Bars = append(p.Bars, hbar{Outlet: o.ID, Name: name(o.ID), Label: chartLabel(name(o.ID)), Value: chartValue(v),
				Title: name(o.ID) + ": " + chartValue(v) + " per 1,000 words",
				X:     svgNum(left), Y: svgNum(y), Width: svgNum(w), Height: barH, TextY: svgNum(y + barH/2 + 4), ValueX: svgNum(left + w + 5)})
			parts = append(parts, name(o.ID)+" "+chartValue(v))
		}
		bottom := top + float64(len(rep.Outlets))*(barH+gap) - gap + 4
		p.AxisBottom, p.TickY, p.Height = svgNum(bottom), svgNum(bottom+13), svgNum(bottom+18)
		p.Ticks = chartTicks(left, plot, []float64{0, scale / 2, scale}, scale, chartValue)
		p.Summary = cat + ", flags per 1,000 words: " + strings.Join(parts, ", ") + "."
		c.Panels = append(c.Panels, p)
	}
	for _, o := range rep.Outlets {
		row := toneTableRow{Outlet: o.ID, Name: name(o.ID)}
		for _, cat := range c.Categories {
			row.Values = append(row.Values, chartValue(values[[2]string{o.ID, cat}]))
		}
		c.Table = append(c.Table, row)
		c.Outlets = append(c.Outlets, name(o.ID))
	}
	return c
}

// speakerChart is the quoted words per speaker: per outlet a bar of its
// quoted words, cut into one segment per speaker.
type speakerChart struct {
	Width, Height, LabelX, AxisTop, AxisBottom, TickY svgNum
	Ticks                                             []axisTick
	Outlets                                           []speakerOutlet
	// Speakers is the legend: every speaker with its colour class, most
	// quoted words first.
	Speakers []speakerKey
	Summary  string
}

type speakerOutlet struct {
	Outlet, Name, Label, Total string
	Y, TextY, ValueX           svgNum
	Segments                   []speakerSegment
}

type speakerSegment struct {
	Speaker, Class, Title, Label string
	X, Width, Height, TextX      svgNum
	Words                        int
	Percent                      string
}

type speakerKey struct {
	Speaker, Class string
	Words          int
}

// speakerPalette is the number of speaker colours the stylesheet defines
// (classes sp0 to sp9); beyond it they repeat, and the legend, the
// segment labels and the data table tell the speakers apart.
const speakerPalette = 10

func newSpeakerChart(rep *Report, name func(string) string) *speakerChart {
	if len(rep.Speakers) == 0 {
		return nil
	}
	c := &speakerChart{}
	totals := map[string]int{}
	perOutlet := map[string]int{}
	for _, s := range rep.Speakers {
		totals[chartSpeaker(s.Speaker)] += s.Words
		perOutlet[s.Outlet] += s.Words
	}
	for sp, n := range totals {
		c.Speakers = append(c.Speakers, speakerKey{Speaker: sp, Words: n})
	}
	sort.Slice(c.Speakers, func(i, j int) bool {
		if c.Speakers[i].Words != c.Speakers[j].Words {
			return c.Speakers[i].Words > c.Speakers[j].Words
		}
		return c.Speakers[i].Speaker < c.Speakers[j].Speaker
	})
	class := map[string]string{}
	for i := range c.Speakers {
		c.Speakers[i].Class = "sp" + strconv.Itoa(i%speakerPalette)
		class[c.Speakers[i].Speaker] = c.Speakers[i].Class
	}
	largest := 0
	for _, n := range perOutlet {
		largest = max(largest, n)
	}
	scale := chartNiceMax(float64(largest))
	const top, barH, gap, right = 28.0, 22.0, 12.0, 90.0
	left := chartLabelColumn(rep, name)
	plot := chartWidth - left - right
	c.Width, c.LabelX, c.AxisTop, c.TickY = chartWidth, svgNum(left-8), top-6, top-12
	var parts []string
	for i, o := range rep.Outlets {
		y := top + float64(i)*(barH+gap)
		so := speakerOutlet{Outlet: o.ID, Name: name(o.ID), Label: chartLabel(name(o.ID)),
			Y: svgNum(y), TextY: svgNum(y + barH/2 + 4)}
		x := left
		var words []string
		for _, s := range rep.Speakers {
			if s.Outlet != o.ID || s.Words == 0 {
				continue
			}
			sp := chartSpeaker(s.Speaker)
			w := float64(s.Words) / scale * plot
			seg := speakerSegment{Speaker: sp, Class: class[sp], Words: s.Words, Percent: htmlPercent(s.Share),
				Title: fmt.Sprintf("%s: %d quoted words (%s of the outlet's quoted words)", sp, s.Words, htmlPercent(s.Share)),
				X:     svgNum(x), Width: svgNum(w), Height: barH, TextX: svgNum(x + 4)}
			if short := chartSurname(sp); chartTextWidth(short)+8 <= w {
				seg.Label = short
			}
			so.Segments = append(so.Segments, seg)
			words = append(words, fmt.Sprintf("%s %d", sp, s.Words))
			x += w
		}
		so.Total = plural(perOutlet[o.ID], "word", "words")
		so.ValueX = svgNum(x + 6)
		if len(words) == 0 {
			words = []string{"no quotes"}
		}
		parts = append(parts, name(o.ID)+": "+strings.Join(words, ", "))
		c.Outlets = append(c.Outlets, so)
	}
	bottom := top + float64(len(rep.Outlets))*(barH+gap) - gap + 6
	c.AxisBottom, c.Height = svgNum(bottom), svgNum(bottom+6)
	c.Ticks = chartTicks(left, plot, []float64{0, scale / 2, scale}, scale, chartValue)
	c.Summary = "Quoted words per speaker. " + strings.Join(parts, "; ") + "."
	return c
}

// chartSpeaker names a speaker in the charts.
func chartSpeaker(s string) string {
	if s == "" {
		return "unattributed"
	}
	return s
}

// chartSurname is the last word of a speaker's name, the label a bar segment
// has room for.
func chartSurname(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}

// placementChart shows where each outlet places the aligned claims it
// carries: per outlet a line from lead (0) to end (1) with a dot per
// claim, labelled with the claim's id.
type placementChart struct {
	Width, Height, LabelX, LineStart, LineEnd, AxisY svgNum
	Outlets                                          []placementOutlet
	// Rows and Names make the data table: one row per claim, one column
	// per outlet.
	Names   []string
	Rows    []placementRow
	Summary string
}

type placementOutlet struct {
	Outlet, Name, Label string
	Y, TextY            svgNum
	Dots                []placementDot
}

type placementDot struct {
	Row, Title                               string
	X, LabelY, LeaderTop, LeaderBottom, DotY svgNum
	// Leader is set when the label sits above another one and a line
	// joins it to its dot.
	Leader bool
}

type placementRow struct {
	Row       string
	Positions []string
}

func newPlacementChart(rep *Report, name func(string) string) *placementChart {
	if len(rep.Placement) == 0 {
		return nil
	}
	c := &placementChart{}
	const right, level, maxLevels, pad = 24.0, 13.0, 8, 4.0
	left := chartLabelColumn(rep, name) + 8
	plot := chartWidth - left - right
	c.Width, c.LabelX, c.LineStart, c.LineEnd = chartWidth, svgNum(left-20), svgNum(left), svgNum(left+plot)
	byOutlet := map[string][]PlacementDot{}
	for _, d := range rep.Placement {
		byOutlet[d.Outlet] = append(byOutlet[d.Outlet], d)
	}
	y := 4.0
	var parts []string
	for _, o := range rep.Outlets {
		dots := append([]PlacementDot(nil), byOutlet[o.ID]...)
		sort.SliceStable(dots, func(i, j int) bool {
			if dots[i].Position != dots[j].Position {
				return dots[i].Position < dots[j].Position
			}
			return dots[i].Row < dots[j].Row
		})
		// Give each label the lowest level where it does not run into the
		// label before it.
		levels := make([]int, len(dots))
		var ends []float64
		used := 1
		for i, d := range dots {
			x := left + max(0, min(1, d.Position))*plot
			half := chartTextWidth(d.Row)/2 + pad/2
			l := 0
			for l < len(ends) && ends[l] > x-half {
				l++
			}
			if l >= maxLevels {
				l = 0
				for k := range ends {
					if ends[k] < ends[l] {
						l = k
					}
				}
			}
			if l == len(ends) {
				ends = append(ends, 0)
			}
			ends[l] = x + half
			levels[i] = l
			used = max(used, l+1)
		}
		lineY := y + float64(used)*level + 8
		po := placementOutlet{Outlet: o.ID, Name: name(o.ID), Label: chartLabel(name(o.ID)), Y: svgNum(lineY), TextY: svgNum(lineY + 4)}
		var where []string
		for i, d := range dots {
			x := left + max(0, min(1, d.Position))*plot
			labelY := lineY - 8 - float64(levels[i])*level
			po.Dots = append(po.Dots, placementDot{Row: d.Row, X: svgNum(x), DotY: svgNum(lineY), LabelY: svgNum(labelY),
				LeaderTop: svgNum(labelY + 3), LeaderBottom: svgNum(lineY - 5), Leader: levels[i] > 0,
				Title: fmt.Sprintf("%s: claim %s at %s of the story", name(o.ID), d.Row, htmlPercent(d.Position))})
			where = append(where, d.Row+" "+htmlPercent(d.Position))
		}
		if len(where) == 0 {
			where = []string{"no shared claims"}
		}
		parts = append(parts, name(o.ID)+": "+strings.Join(where, ", "))
		c.Outlets = append(c.Outlets, po)
		y = lineY + 14
	}
	c.AxisY = svgNum(y + 6)
	c.Height = svgNum(y + 12)
	c.Summary = "Where each outlet places the shared facts, from the lead (0%) to the last sentence (100%). " +
		strings.Join(parts, "; ") + "."
	// The data table: claims in the side-by-side order.
	pos := map[[2]string]float64{}
	for _, d := range rep.Placement {
		pos[[2]string{d.Row, d.Outlet}] = d.Position
	}
	for _, o := range rep.Outlets {
		c.Names = append(c.Names, name(o.ID))
	}
	for _, row := range rep.Rows {
		if row.ID == "" {
			continue
		}
		pr := placementRow{Row: row.ID}
		for _, o := range rep.Outlets {
			p, ok := pos[[2]string{row.ID, o.ID}]
			if ok {
				pr.Positions = append(pr.Positions, htmlPercent(p))
			} else {
				pr.Positions = append(pr.Positions, "")
			}
		}
		c.Rows = append(c.Rows, pr)
	}
	return c
}
