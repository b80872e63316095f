package reports

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
)

// TestHTMLGolden renders every test event as HTML, twice, and compares the
// bytes with each other and with the golden file.
func TestHTMLGolden(t *testing.T) {
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			res := compareEvent(t, dir)
			var first, second bytes.Buffer
			if err := HTML(&first, NewReport(res)); err != nil {
				t.Fatal(err)
			}
			if err := HTML(&second, NewReport(res)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two renderings of the same report differ")
			}
			checkGolden(t, name+".html", first.Bytes())
		})
	}
}

// TestHTMLEscaping checks that markup in article text, headlines, outlet
// names and the title is shown as text and never becomes markup.
func TestHTMLEscaping(t *testing.T) {
	const attack = "<script>alert(1)</script>"
	body := func(verb string) string {
		return "The storm hit the northern coast on Monday " + attack + " and damaged <b>forty</b> homes in the harbour town.\n\n" +
			"\"We are <b>devastated</b> by what happened here,\" mayor Jane Doe " + verb + " on Tuesday.\n\n" +
			"Officials said the repairs would take at least three weeks and cost several million.\n"
	}
	ev := compare.Event{Title: "Storm " + attack, Date: "2026-01-05", Documents: []compare.Document{
		{Source: "alpha.txt", Name: "alpha", Kind: "text", Outlet: "Alpha <i>News</i>", Published: "2026-01-05",
			Headline: "<b>Storm</b> hits coast " + attack, Text: body("said")},
		{Source: "beta.txt", Name: "beta", Kind: "text", Outlet: "Beta Daily", Published: "2026-01-06",
			Headline: "Storm <b>batters</b> coast " + attack, Text: body("claimed")},
	}}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := compare.Compare(ev, compare.Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := HTML(&b, NewReport(res)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the article's <script> is not shown escaped")
	}
	if !strings.Contains(out, "&lt;b&gt;") || !strings.Contains(out, "&lt;i&gt;News&lt;/i&gt;") {
		t.Error("the <b> of the article or the <i> of the outlet name is not shown escaped")
	}
	if strings.Contains(strings.ToLower(out), "<script") {
		t.Error("the page holds a <script> tag")
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	shown := 0
	htmlWalk(doc, func(n *html.Node) {
		switch {
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "b" || n.Data == "i"):
			t.Errorf("article markup became a <%s> element", n.Data)
		case n.Type == html.TextNode && strings.Contains(n.Data, attack):
			shown++
		}
	})
	// The title and heading, the outlets' headlines in their table and in
	// the side-by-side view, and the article sentences.
	if shown < 6 {
		t.Errorf("the text %q is shown %d times, want at least 6", attack, shown)
	}
	if len(htmlElements(doc, htmlWithClass("row"))) == 0 {
		t.Error("no side-by-side rows")
	}
}

// TestHTMLStructure checks the NATO event's page against its report: one
// side-by-side row per report row with each outlet's text in its cell,
// every flagged span explained and reachable by keyboard, one quote matrix
// row per quote with the legend's symbols, charts with text alternatives,
// and nothing loaded from elsewhere.
func TestHTMLStructure(t *testing.T) {
	rep := NewReport(compareEvent(t, "../testdata/events/nato-missile-shield-2012"))
	var b bytes.Buffer
	if err := HTML(&b, rep); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]*html.Node{}
	htmlWalk(doc, func(n *html.Node) {
		if id, ok := htmlAttr(n, "id"); ok {
			if ids[id] != nil {
				t.Errorf("id %q used twice", id)
			}
			ids[id] = n
		}
	})
	for _, id := range []string{"side-by-side", "quotes", "charts"} {
		if ids[id] == nil {
			t.Fatalf("no element with id %q", id)
		}
	}

	t.Run("side by side", func(t *testing.T) {
		sbs := ids["side-by-side"]
		if len(rep.Headlines) == 0 {
			t.Fatal("the NATO event has headlines; the report has none")
		}
		headlines := htmlElements(sbs, func(n *html.Node) bool { return n.Data == "tr" && htmlHasClass(n, "headlines") })
		if len(headlines) != 1 {
			t.Fatalf("%d headline rows, want 1", len(headlines))
		}
		checkHTMLCells(t, "headline", headlines[0], rep.Headlines)
		rows := htmlElements(sbs, func(n *html.Node) bool { return n.Data == "tr" && htmlHasClass(n, "row") })
		if len(rows) != len(rep.Rows) {
			t.Fatalf("%d side-by-side rows, want %d", len(rows), len(rep.Rows))
		}
		for i, tr := range rows {
			row := rep.Rows[i]
			key, _ := htmlAttr(tr, "data-row")
			switch {
			case row.ID != "" && key != row.ID:
				t.Errorf("row %d: data-row %q, want %q", i, key, row.ID)
			case row.ID == "" && !strings.HasPrefix(key, "u-"+row.Unique+"-"):
				t.Errorf("row %d: data-row %q, want the prefix u-%s-", i, key, row.Unique)
			}
			if u, _ := htmlAttr(tr, "data-unique"); u != row.Unique {
				t.Errorf("row %d: data-unique %q, want %q", i, u, row.Unique)
			}
			meta := htmlText(htmlElements(tr, func(n *html.Node) bool { return n.Data == "th" })[0])
			if row.Unique != "" && !strings.Contains(meta, "only in ") {
				t.Errorf("row %d: unique row says %q, not \"only in ...\"", i, meta)
			}
			if row.ID != "" && (!strings.Contains(meta, row.ID) || !strings.Contains(meta, row.Evidence)) {
				t.Errorf("row %d: %q lacks the id %q or the evidence", i, meta, row.ID)
			}
			checkHTMLCells(t, key, tr, row.Cells)
		}
		choices := 0
		for _, row := range rep.Rows {
			choices += len(row.Choices)
		}
		for _, c := range rep.WordChoices {
			if c.Row == "headline" {
				choices++
			}
		}
		if got := len(htmlElements(sbs, htmlWithClass("choice"))); got != choices || choices == 0 {
			t.Errorf("%d word choices shown, want %d (and more than none)", got, choices)
		}
	})

	t.Run("flags", func(t *testing.T) {
		var want []string
		for _, cells := range append([][]Cell{rep.Headlines}, htmlRowCells(rep)...) {
			for _, c := range cells {
				for _, sp := range c.Spans {
					if sp.Flag != nil {
						want = append(want, sp.Flag.Title())
					}
				}
			}
		}
		flags := htmlElements(doc, htmlWithClass("flag"))
		if len(flags) != len(want) || len(want) == 0 {
			t.Fatalf("%d flagged spans, want %d (and more than none)", len(flags), len(want))
		}
		for i, f := range flags {
			title, _ := htmlAttr(f, "title")
			label, _ := htmlAttr(f, "aria-label")
			tab, _ := htmlAttr(f, "tabindex")
			if title == "" || title != want[i] || label != title || tab != "0" {
				t.Errorf("flag %d %q: title %q, aria-label %q, tabindex %q; want title %q in both and tabindex 0",
					i, htmlText(f), title, label, tab, want[i])
			}
		}
	})

	t.Run("changes", func(t *testing.T) {
		want := 0
		for _, cells := range append([][]Cell{rep.Headlines}, htmlRowCells(rep)...) {
			for _, c := range cells {
				want += htmlCountChanged(c.Spans)
			}
		}
		for _, q := range rep.Quotes {
			for _, c := range q.Cells {
				want += htmlCountChanged(c.Diff)
			}
		}
		got := len(htmlElements(doc, func(n *html.Node) bool { return n.Data == "mark" && htmlHasClass(n, "chg") }))
		if got != want || want == 0 {
			t.Errorf("%d changed spans marked, want %d (and more than none)", got, want)
		}
	})

	t.Run("quotes", func(t *testing.T) {
		symbols := map[string]string{}
		for _, s := range rep.Legend {
			symbols[s.Status] = s.Symbol
		}
		rows := htmlElements(ids["quotes"], func(n *html.Node) bool { return n.Data == "tr" && htmlHasClass(n, "quote") })
		if len(rows) != len(rep.Quotes) || len(rows) == 0 {
			t.Fatalf("%d quote rows, want %d (and more than none)", len(rows), len(rep.Quotes))
		}
		altered := 0
		for i, tr := range rows {
			q := rep.Quotes[i]
			if id, _ := htmlAttr(tr, "data-quote"); id != q.ID {
				t.Errorf("quote row %d: data-quote %q, want %q", i, id, q.ID)
			}
			if htmlHasClass(tr, "disputed") != q.Disputed {
				t.Errorf("quote %s: disputed class %v, want %v", q.ID, htmlHasClass(tr, "disputed"), q.Disputed)
			}
			cells := htmlElements(tr, htmlWithClass("status"))
			if len(cells) != len(q.Cells) {
				t.Fatalf("quote %s: %d status cells, want %d", q.ID, len(cells), len(q.Cells))
			}
			for j, td := range cells {
				c := q.Cells[j]
				status, _ := htmlAttr(td, "data-status")
				outlet, _ := htmlAttr(td, "data-outlet")
				title, _ := htmlAttr(td, "title")
				label, _ := htmlAttr(td, "aria-label")
				if status != c.Status || outlet != c.Outlet {
					t.Errorf("quote %s cell %d: %s/%s, want %s/%s", q.ID, j, outlet, status, c.Outlet, c.Status)
				}
				if sym := strings.TrimSpace(htmlText(td)); sym != symbols[c.Status] || sym == "" {
					t.Errorf("quote %s %s: symbol %q for %s, want %q", q.ID, c.Outlet, sym, c.Status, symbols[c.Status])
				}
				if title == "" || label != title || !strings.Contains(title, htmlMeaning(rep, c.Status)) || !strings.Contains(title, c.Text) {
					t.Errorf("quote %s %s: title %q does not say %q with the outlet's text", q.ID, c.Outlet, title, c.Status)
				}
				if len(c.Diff) > 0 {
					altered++
				}
			}
		}
		if got := len(htmlElements(ids["quotes"], htmlWithClass("altered"))); got != altered {
			t.Errorf("%d altered quote diffs shown, want %d", got, altered)
		}
		if legend := htmlElements(ids["quotes"], func(n *html.Node) bool { _, ok := htmlAttr(n, "data-status"); return ok && n.Data == "li" }); len(legend) != len(rep.Legend) {
			t.Errorf("%d legend entries, want %d", len(legend), len(rep.Legend))
		}
	})

	t.Run("charts", func(t *testing.T) {
		charts := ids["charts"]
		for _, name := range []string{"coverage", "tones", "speakers", "placement"} {
			figs := htmlElements(charts, func(n *html.Node) bool { v, _ := htmlAttr(n, "data-chart"); return v == name })
			if len(figs) != 1 {
				t.Errorf("%d %s charts, want 1", len(figs), name)
				continue
			}
			svgs := htmlElements(figs[0], func(n *html.Node) bool { return n.Data == "svg" })
			if len(svgs) == 0 {
				t.Errorf("the %s chart has no SVG", name)
			}
			for _, svg := range svgs {
				if role, _ := htmlAttr(svg, "role"); role != "img" {
					t.Errorf("%s: svg role %q, want img", name, role)
				}
				title := htmlElements(svg, func(n *html.Node) bool { return n.Data == "title" && n.Parent == svg })
				if len(title) != 1 || strings.TrimSpace(htmlText(title[0])) == "" {
					t.Errorf("%s: svg has no title", name)
				}
				labelled, _ := htmlAttr(svg, "aria-labelledby")
				for _, id := range strings.Fields(labelled) {
					if ids[id] == nil || strings.TrimSpace(htmlText(ids[id])) == "" {
						t.Errorf("%s: aria-labelledby names %q, which is missing or empty", name, id)
					}
				}
				if labelled == "" {
					t.Errorf("%s: svg has no text alternative", name)
				}
			}
		}
		dots := htmlElements(charts, func(n *html.Node) bool { _, ok := htmlAttr(n, "data-claim"); return ok })
		if len(dots) != len(rep.Placement) {
			t.Errorf("%d placement dots, want %d", len(dots), len(rep.Placement))
		}
	})

	t.Run("self-contained", func(t *testing.T) {
		htmlWalk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch n.Data {
			case "script", "link", "img", "iframe", "object", "embed", "audio", "video", "source":
				t.Errorf("the page has a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				switch strings.ToLower(a.Key) {
				case "src", "srcset", "href", "xlink:href", "action", "poster":
					if !strings.HasPrefix(v, "#") {
						t.Errorf("<%s %s=%q> points outside the page", n.Data, a.Key, a.Val)
					}
				case "style":
					if strings.Contains(v, "url(") {
						t.Errorf("<%s style=%q> loads a URL", n.Data, a.Val)
					}
				}
			}
		})
		lower := strings.ToLower(out)
		if strings.Contains(lower, "@import") {
			t.Error("the stylesheet has an @import")
		}
		if m := htmlExternalURL.FindString(lower); m != "" {
			t.Errorf("the page loads %q", m)
		}
	})
}

// htmlExternalURL matches a CSS url() that is not a fragment of the page.
var htmlExternalURL = regexp.MustCompile(`url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:|//)`)

// checkHTMLCells checks a side-by-side row's cells against the report's: one
// per outlet in order, an empty one visibly marked and labelled, and
// otherwise the sentence label and the sentences' text.
func checkHTMLCells(t *testing.T, row string, tr *html.Node, want []Cell) {
	t.Helper()
	cells := htmlElements(tr, func(n *html.Node) bool { return n.Data == "td" && htmlHasClass(n, "cell") })
	if len(cells) != len(want) {
		t.Errorf("row %s: %d cells, want %d", row, len(cells), len(want))
		return
	}
	for i, td := range cells {
		c := want[i]
		if outlet, _ := htmlAttr(td, "data-outlet"); outlet != c.Outlet {
			t.Errorf("row %s cell %d: data-outlet %q, want %q", row, i, outlet, c.Outlet)
		}
		if c.Empty() {
			hidden := htmlElements(td, htmlWithClass("vh"))
			if !htmlHasClass(td, "empty") || len(hidden) != 1 || !strings.HasPrefix(htmlText(hidden[0]), "not in ") {
				t.Errorf("row %s: the empty cell of %s is not marked empty with a hidden \"not in\" text", row, c.Outlet)
			}
			continue
		}
		var text strings.Builder
		if l := c.Label(); l != "" {
			text.WriteString(l + " ")
		}
		for _, sp := range c.Spans {
			text.WriteString(sp.Text)
		}
		if got := htmlText(td); got != text.String() {
			t.Errorf("row %s %s: cell text %q, want %q", row, c.Outlet, got, text.String())
		}
	}
}

func htmlRowCells(rep *Report) [][]Cell {
	var out [][]Cell
	for _, r := range rep.Rows {
		out = append(out, r.Cells)
	}
	return out
}

func htmlCountChanged(spans []TextSpan) int {
	n := 0
	for _, sp := range spans {
		if sp.Changed {
			n++
		}
	}
	return n
}

func htmlMeaning(rep *Report, status string) string {
	for _, s := range rep.Legend {
		if s.Status == status {
			return s.Meaning
		}
	}
	return "\x00no meaning"
}

// htmlWalk calls fn on n and every node under it, in document order.
func htmlWalk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		htmlWalk(c, fn)
	}
}

// htmlElements returns the elements under n (n included) that match, in
// document order.
func htmlElements(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	htmlWalk(n, func(m *html.Node) {
		if m.Type == html.ElementNode && match(m) {
			out = append(out, m)
		}
	})
	return out
}

func htmlWithClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return htmlHasClass(n, class) }
}

func htmlAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func htmlHasClass(n *html.Node, class string) bool {
	v, _ := htmlAttr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// htmlText is the text under n, as a browser's textContent.
func htmlText(n *html.Node) string {
	var b strings.Builder
	htmlWalk(n, func(m *html.Node) {
		if m.Type == html.TextNode {
			b.WriteString(m.Data)
		}
	})
	return b.String()
}

// TestHTMLEmpty checks that a report with no outlets' quotes, tones or
// claims still renders a whole page that says so, and that no sentence
// aligns.
func TestHTMLEmpty(t *testing.T) {
	rep := &Report{Title: "Nothing yet", Outlets: []OutletInfo{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Coverage: []Bar{{Outlet: "a", Label: "0 of 0 claims"}, {Outlet: "b", Label: "0 of 0 claims"}}}
	var b bytes.Buffer
	if err := HTML(&b, rep); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(htmlElements(doc, htmlWithClass("row"))); n != 0 {
		t.Errorf("%d side-by-side rows for a report with none", n)
	}
	notes := htmlElements(doc, htmlWithClass("empty-note"))
	if len(notes) != 5 { // side by side (no sentence aligns), quotes, tones, speakers, placement
		t.Errorf("%d notes saying a part is empty, want 5", len(notes))
	}
	if len(htmlElements(doc, func(n *html.Node) bool { return n.Data == "svg" })) != 1 {
		t.Error("want only the coverage chart, which has a bar per outlet")
	}
}
