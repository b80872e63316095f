package reports

import (
	"strings"
	"testing"

	"github.com/slant-news/slant/compare"
)

// TestReportModel checks the report model of every test event: one row
// per aligned claim and per unique sentence, every outlet's sentences
// shown exactly once, the reference's sentences in story order, and
// every cell's spans adding up to its sentences' text.
func TestReportModel(t *testing.T) {
	for _, dir := range events(t) {
		res := compareEvent(t, dir)
		rep := NewReport(res)
		aligned, unique := 0, 0
		for _, u := range res.Unique {
			unique += len(u.Sentences)
		}
		seen := map[string]map[int]bool{}
		lastRef := -1
		for _, row := range rep.Rows {
			if row.ID != "" {
				aligned++
			}
			if len(row.Cells) != len(res.Articles) {
				t.Fatalf("%s: row %q has %d cells for %d outlets", dir, row.ID, len(row.Cells), len(res.Articles))
			}
			for i, c := range row.Cells {
				a := res.Articles[i]
				if c.Outlet != a.ID {
					t.Errorf("%s: cell %d is %s, want %s", dir, i, c.Outlet, a.ID)
				}
				if seen[a.ID] == nil {
					seen[a.ID] = map[int]bool{}
				}
				var want []string
				for _, si := range c.Sentences {
					if seen[a.ID][si] {
						t.Errorf("%s: %s sentence %d shown twice", dir, a.ID, si)
					}
					seen[a.ID][si] = true
					want = append(want, a.Sentences[si].Text)
				}
				var got strings.Builder
				for _, sp := range c.Spans {
					got.WriteString(sp.Text)
				}
				if got.String() != strings.Join(want, " ") {
					t.Errorf("%s: %s row %q spans give %q, want %q", dir, a.ID, row.ID, got.String(), strings.Join(want, " "))
				}
				if a.ID == res.Reference && len(c.Sentences) > 0 {
					if c.Sentences[0] < lastRef {
						t.Errorf("%s: reference sentence %d comes after %d", dir, c.Sentences[0], lastRef)
					}
					lastRef = c.Sentences[0]
				}
			}
		}
		if aligned != len(res.Alignments) || len(rep.Rows) != aligned+unique {
			t.Errorf("%s: %d rows (%d aligned), want %d aligned and %d unique", dir, len(rep.Rows), aligned, len(res.Alignments), unique)
		}
		for _, a := range res.Articles {
			if len(seen[a.ID]) != len(a.Sentences) {
				t.Errorf("%s: %s shows %d of its %d sentences", dir, a.ID, len(seen[a.ID]), len(a.Sentences))
			}
		}
		if len(rep.Quotes) != len(res.Quotes) || len(rep.Legend) != 5 {
			t.Errorf("%s: %d quote rows for %d quotes, legend %d", dir, len(rep.Quotes), len(res.Quotes), len(rep.Legend))
		}
	}
}

// TestQuoteDiffSpacing checks that an altered quote is rendered with a
// space between two ops only where the outlet's text has one: "$5bn" with
// its figure changed stays one word, and a quote's second part, after the
// attribution, is set apart by " … ".
func TestQuoteDiffSpacing(t *testing.T) {
	// "The $6bn plan," he said, "works."
	ops := []compare.DiffOp{
		{Op: compare.OpEqual, FromText: "The $", FromStart: 1, FromEnd: 6, ToText: "The $", ToStart: 1, ToEnd: 6},
		{Op: compare.OpReplace, FromText: "5bn", FromStart: 6, FromEnd: 9, ToText: "6bn", ToStart: 6, ToEnd: 9},
		{Op: compare.OpEqual, FromText: "plan,", FromStart: 10, FromEnd: 15, ToText: "plan,", ToStart: 10, ToEnd: 15},
		{Op: compare.OpDelete, FromText: "really", FromStart: 16, FromEnd: 22, ToStart: -1, ToEnd: -1},
		{Op: compare.OpEqual, FromText: "works.", FromStart: 40, FromEnd: 46, ToText: "works.", ToStart: 28, ToEnd: 34},
	}
	// The fuller version has "really" inside its first part; the
	// outlet's parts are "The $6bn plan," and "works.".
	fromParts := []compare.Span{{Start: 1, End: 22}, {Start: 40, End: 46}}
	toParts := []compare.Span{{Start: 1, End: 15}, {Start: 28, End: 34}}
	tw := &textWriter{}
	if got, want := tw.quoteDiff(ops, fromParts, toParts), "The $[-5bn-]{+6bn+} plan, [-really-] … works."; got != want {
		t.Errorf("text: %q, want %q", got, want)
	}
	var b strings.Builder
	for _, sp := range diffSpans(ops, fromParts, toParts) {
		switch {
		case sp.Changed:
			b.WriteString("*" + sp.Text + "*")
		case sp.Deleted:
			b.WriteString("~" + sp.Text + "~")
		default:
			b.WriteString(sp.Text)
		}
	}
	if got, want := b.String(), "The $~5bn~ *6bn* plan, ~really~ … works."; got != want {
		t.Errorf("spans: %q, want %q", got, want)
	}
}
