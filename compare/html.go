package compare

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractHTML fills doc from an HTML page: Text becomes the page's visible
// text, one block per paragraph, Kept marks the blocks the readable-text
// extractor takes as the article, and Marked the blocks the page's markup
// sets apart from the story (captions, pull quotes, embedded posts, sign-up
// boxes). Headline, outlet and date come from the page's metadata and its
// headline. A page with no article in it (a section front, an error page,
// a page that builds its story with JavaScript) is refused.
func extractHTML(doc *Document, page string) error {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return errors.New("cannot parse HTML: " + err.Error())
	}
	meta := readMeta(root)
	ld := linkedData(root)
	blocks := pageBlocks(root)

	// The extractor reads the page's own tree, which nothing else needs
	// now, and changes it. (Given the page's text instead, it would parse
	// it again and guess its character set anew, reading UTF-8 text with
	// few accented letters as Latin-1: "cafÃ©", a block no longer found.)
	parser := readability.NewParser()
	parser.Logger = slog.New(slog.DiscardHandler)
	art, err := parser.ParseAndMutate(root, nil)
	kept := make([]bool, len(blocks)) // by the extractor
	extracted := err == nil && art.Node != nil && keptBlocks(blocks, textBlocks(art.Node), kept)
	if !extracted {
		for i := range kept {
			kept[i] = true
		}
	}
	if storyStart(blocks, kept) < 0 && slices.ContainsFunc(blocks, func(b pageBlock) bool { return b.rule != "" }) {
		// The markup may set the whole story apart, as a site that
		// classes its story "story promo-enabled" would: then its boxes
		// are not taken, but for captions and credits.
		unboxed := slices.Clone(blocks)
		for i := range unboxed {
			if unboxed[i].rule != RuleCaption && unboxed[i].rule != RuleCopyright {
				unboxed[i].rule = ""
			}
		}
		if storyStart(unboxed, kept) >= 0 {
			blocks = unboxed
		}
	}
	markPullQuotes(blocks)
	markBlockQuotations(blocks)
	attributeBlockQuotations(blocks)
	markTableRows(blocks)
	firstProse := storyStart(blocks, kept)
	markSubheadings(blocks, kept, firstProse)

	site := ""
	for _, name := range []string{meta["og:site_name"], ld.publisher, meta["application-name"], meta["publisher"]} {
		if name = strings.TrimSpace(name); name != "" && siteNameLike(name) {
			site = name
			break
		}
	}
	if site == "" && err == nil && siteNameLike(art.SiteName()) {
		site = strings.TrimSpace(art.SiteName())
	}
	titles := []string{meta["og:title"], meta["twitter:title"], ld.headline, meta["title"]}
	head := pageHeadline(blocks, site, titles)
	if head >= 0 {
		doc.Headline = blocks[head].text
	} else {
		doc.Headline = firstNonEmpty(titles...)
		if err == nil && doc.Headline == "" {
			doc.Headline = strings.TrimSpace(art.Title())
		}
		head = headlineBlock(blocks, doc.Headline)
	}
	lead := standfirstBlocks(blocks, head, firstProse)

	var b strings.Builder
	for i, blk := range blocks {
		if blk.signature {
			continue // written with its quotation
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(blk.speaker)
		if blk.quoted {
			b.WriteString("“" + blk.text + "”")
		} else {
			b.WriteString(blk.text)
		}
		span := Span{start, b.Len()}
		if blk.rule != "" {
			doc.Marked = append(doc.Marked, MarkedSpan{Span: span, Rule: blk.rule})
		}
		if extracted && (kept[i] || lead[i]) {
			doc.Kept = append(doc.Kept, span)
		}
		if lead[i] {
			doc.Lead = append(doc.Lead, span)
		}
	}
	doc.Text = b.String()
	if firstProse < 0 && doc.Text != "" {
		// (A page with no text at all is an empty article.)
		return errors.New("no article in this page: no paragraph of running text (is it a section front, or a page that loads its story with JavaScript?)")
	}
	if says := notFoundTitle(meta["title"], doc.Headline); says != "" && storyWords(blocks, kept) < maxNotFoundWords {
		return fmt.Errorf("no article in this page: it says %q", says)
	}
	if site != "" {
		doc.Outlet, doc.OutletFrom = site, "html"
		doc.Headline = dropSiteName(doc.Headline, site)
	}
	pub := firstNonEmpty(meta["article:published_time"], ld.published, meta["datepublished"], meta["date"], meta["pubdate"], meta["dc.date"])
	doc.Published = normalizeDate(pub)
	if doc.Published == "" && err == nil {
		if t, terr := art.PublishedTime(); terr == nil {
			doc.Published = t.UTC().Format(time.DateOnly)
		}
	}
	if doc.Published == "" && head >= 0 {
		doc.Published = dateUnderHeadline(blocks, head, firstProse)
	}
	return nil
}

// keptBlocks marks in kept the page's blocks that the extractor's blocks
// hold, and says whether there is one. The extractor's blocks are mostly
// the page's own. Where it cut or joined them differently (it makes
// paragraphs of text split by <br>s, and may join their text with no
// space), a block of four words or more is kept when the extractor's text
// holds it, white space aside, after the last block found so. Each look
// reads on from there; past a budget of bytes read (a page of many such
// blocks that are not in it), the rest must match exactly.
func keptBlocks(blocks []pageBlock, extracted []string, kept []bool) bool {
	found := map[string]int{}
	var text strings.Builder
	for _, blk := range extracted {
		found[blk]++
		text.WriteString(withoutSpace(blk))
		text.WriteByte(0) // no block runs into the next
	}
	rest := text.String()
	budget := 8*len(rest) + 1<<20
	some := false
	for i, blk := range blocks {
		if found[blk.text] > 0 {
			found[blk.text]--
		} else {
			if countFields(blk.text, 4) < 4 || budget <= 0 {
				continue
			}
			want := withoutSpace(blk.text)
			at := strings.Index(rest, want)
			if at < 0 {
				budget -= len(rest)
				continue
			}
			budget -= at + len(want)
			rest = rest[at+len(want):]
		}
		kept[i], some = true, true
	}
	return some
}

// storyStart returns the index of the story's first paragraph: the first
// block the extractor kept that reads as running text (see isRunningText),
// with no rule of the markup's or the cleaner's, or -1.
func storyStart(blocks []pageBlock, kept []bool) int {
	for i, blk := range blocks {
		if kept[i] && blk.rule == "" && isRunningText(blk.text) && lineRule(blk.text) == "" {
			return i
		}
	}
	return -1
}

// isRunningText says whether a block reads as a sentence of a story in any
// language: four words or more, or twenty letters in a script written
// without spaces, ending with a sentence's end in any script ("。", "।",
// "؟"), closing quotes and brackets aside.
func isRunningText(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]）」』 \t")
	r, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.Is(unicode.Sentence_Terminal, r) && r != '…' {
		return false
	}
	return countFields(s, 4) >= 4 || utf8.RuneCountInString(s) >= 20
}

// pageHeadline returns the index of the block of the page's headline as
// its reader sees it, its first <h1>, or -1: a few words that are not
// the site's name. When the page's metadata gives titles, the <h1> must
// share a word with the headline part of one ("Ferry runs aground | Harbor
// Ledger"), so that a site's logo or a section's name set in an <h1> is
// passed over. A page's social and search titles are often worded apart
// from the headline it shows; the comparison is of what readers read.
func pageHeadline(blocks []pageBlock, site string, titles []string) int {
	var words map[string]bool
	for _, t := range titles {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		if words == nil {
			words = map[string]bool{}
		}
		for _, w := range headlineWords(headlinePart(t)) {
			words[w] = true
		}
	}
	for i, blk := range blocks {
		if !blk.h1 || blk.rule != "" {
			continue
		}
		if n := countFields(blk.text, maxHeadlineWords+1); n < 2 || n > maxHeadlineWords || isMasthead(blk.text, site) {
			continue
		}
		if words == nil || slices.ContainsFunc(headlineWords(blk.text), func(w string) bool { return words[w] }) {
			return i
		}
	}
	return -1
}

// maxHeadlineWords is the most words of an <h1> taken as the headline.
const maxHeadlineWords = 30

// headlinePart is the longest of the parts a page title's separators cut
// ("Ferry runs aground | Harbor Ledger" gives "Ferry runs aground").
func headlinePart(title string) string {
	best := title
	for _, sep := range titleSeparators {
		if !strings.Contains(title, sep) {
			continue
		}
		best = ""
		for part := range strings.SplitSeq(title, sep) {
			if len(part) > len(best) {
				best = part
			}
		}
		break
	}
	return strings.TrimSpace(best)
}

// headlineWords are the words of a title that say what it is about: its
// words of four letters or more, and its numbers, in lower case.
func headlineWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 4 || unicode.IsDigit(firstRune(w)) {
			out = append(out, w)
		}
	}
	return out
}

// headlineBlock returns the index of the first block that gives the
// headline, whole or as the headline part of a title, or -1.
func headlineBlock(blocks []pageBlock, headline string) int {
	if headline == "" {
		return -1
	}
	part := headlinePart(headline)
	for i, blk := range blocks {
		if blk.rule == "" && (sameText(blk.text, headline) || sameText(blk.text, part)) {
			return i
		}
	}
	return -1
}

// dateUnderHeadline reads the publication date off the lines between the
// page's headline and its story's first paragraph, where a byline or
// dateline stands: a <time>'s datetime, or a short line holding a date
// that is not labelled "Updated" ("Posted March 3, 2026 by Staff"). A date
// elsewhere on the page (today's date in the masthead, a related story's)
// is not the story's.
func dateUnderHeadline(blocks []pageBlock, head, first int) string {
	for i := head + 1; i < first && i <= head+maxLinesUnderHeadline; i++ {
		blk := blocks[i]
		if blk.rule != "" {
			continue
		}
		if d := normalizeDate(blk.datetime); d != "" {
			return d
		}
		if countFields(blk.text, 15) <= 14 {
			if d, updated := publishedDate(blk.text); d != "" && !updated {
				return d
			}
		}
	}
	return ""
}

// maxLinesUnderHeadline is how many lines under the headline are read for
// the story's date.
const maxLinesUnderHeadline = 8

// notFoundPhrase is what an error page says in its title or heading: "Page
// not found", "404", "Sorry, we can't find that page".
var notFoundPhrase = lazyRegexp(`(?i)\b(?:404|(?:page|article|story) (?:was )?not found|page (?:does not|doesn't|could not be found|cannot be found|no longer exists)|(?:can ?not|can't|couldn't|could not) find (?:that|this|the) (?:page|article|story))\b`)

// notFoundTitle returns the title or headline of an error page, or "".
func notFoundTitle(title, headline string) string {
	for _, s := range []string{title, headline} {
		if s != "" && len(s) <= 200 && notFoundPhrase().MatchString(s) {
			return s
		}
	}
	return ""
}

// maxNotFoundWords is the most words of running text a page that says it
// was not found may hold: more is an article whose headline says so
// ("Missing sailor not found after three days").
const maxNotFoundWords = 40

// storyWords counts the words of the kept blocks that read as prose, up
// to maxNotFoundWords.
func storyWords(blocks []pageBlock, kept []bool) int {
	n := 0
	for i, blk := range blocks {
		if kept[i] && blk.rule == "" && isRunningText(blk.text) {
			n += countFields(blk.text, maxNotFoundWords)
			if n >= maxNotFoundWords {
				break
			}
		}
	}
	return n
}

// titleSeparators set a site's name off a page title: "Headline | Site".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • "}

// dropSiteName takes the site's name off a page title that carries it
// after the headline ("Dam breaks | River Echo") or before it ("River Echo
// - Dam breaks"): in a comparison of headlines, each outlet's own name is
// not a difference in wording.
func dropSiteName(title, site string) string {
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(strings.TrimSpace(title[i+len(sep):]), site) {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && i+len(sep) < len(title) && strings.EqualFold(strings.TrimSpace(title[:i]), site) {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// siteNameLike says whether a page's site name can name an outlet: a few
// words on one line, not a paragraph a page put there by mistake (it would
// become the outlet's name and id in every report).
func siteNameLike(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && len(s) <= maxSiteName && !strings.ContainsAny(s, "\n\r") && countFields(s, 13) <= 12
}

// maxSiteName is the longest site name taken, in bytes.
const maxSiteName = 100

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// readMeta collects <meta> properties and names (lower-cased) and the <title>.
func readMeta(root *html.Node) map[string]string {
	meta := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				var key, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "property", "name", "itemprop":
						key = strings.ToLower(strings.TrimSpace(a.Val))
					case "content":
						content = a.Val
					}
				}
				if key != "" && meta[key] == "" {
					meta[key] = collapseSpace(content)
				}
			case atom.Title:
				if meta["title"] == "" {
					meta["title"] = collapseSpace(nodeText(n))
				}
			case atom.Body:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return meta
}

// articleData is what a page's linked data (schema.org JSON-LD) says of
// its article.
type articleData struct {
	headline, publisher, published string
}

// linkedData reads the first article a page's JSON-LD scripts describe
// (a NewsArticle, Article, ReportageNewsArticle, BlogPosting, ..., alone,
// in a list or in an @graph): its headline, its publisher's name and its
// publication date. A script that is not valid JSON is passed over.
func linkedData(root *html.Node) articleData {
	var found articleData
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			for _, a := range n.Attr {
				if strings.EqualFold(a.Key, "type") && strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json") {
					var v any
					if json.Unmarshal([]byte(nodeText(n)), &v) == nil {
						if d, ok := findArticle(v, 0); ok {
							found = d
							return true
						}
					}
				}
			}
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(root)
	return found
}

// findArticle looks through decoded JSON-LD for an article, a few levels
// deep at most.
func findArticle(v any, depth int) (articleData, bool) {
	if depth > 4 {
		return articleData{}, false
	}
	switch x := v.(type) {
	case []any:
		for _, item := range x {
			if d, ok := findArticle(item, depth+1); ok {
				return d, true
			}
		}
	case map[string]any:
		if isArticleType(x["@type"]) {
			d := articleData{headline: ldString(x["headline"]), published: ldString(x["datePublished"])}
			if pub := x["publisher"]; pub != nil {
				if list, ok := pub.([]any); ok && len(list) > 0 {
					pub = list[0]
				}
				if m, ok := pub.(map[string]any); ok {
					d.publisher = ldString(m["name"])
				}
			}
			return d, true
		}
		if g, ok := x["@graph"]; ok {
			return findArticle(g, depth+1)
		}
	}
	return articleData{}, false
}

// isArticleType says whether a JSON-LD @type (one type or a list) names
// a kind of article.
func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "Report"
	case []any:
		for _, item := range x {
			if isArticleType(item) {
				return true
			}
		}
	}
	return false
}

// ldString is a JSON-LD value as one line of text, or "" when it is not
// text.
func ldString(v any) string {
	if s, ok := v.(string); ok {
		return collapseSpace(s)
	}
	return ""
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// blockAtoms are the elements that start a new block of text.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.Pre: true, atom.Tr: true, atom.Table: true, atom.Dt: true,
	atom.Dd: true, atom.Dl: true, atom.Figcaption: true, atom.Figure: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true,
	atom.Main: true, atom.Form: true, atom.Hr: true, atom.Address: true, atom.Caption: true,
	atom.Details: true, atom.Summary: true, atom.Center: true, atom.Hgroup: true, atom.Menu: true,
	atom.Fieldset: true, atom.Legend: true, atom.Dialog: true,
}

// skipAtoms hold no visible text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Select: true,
	atom.Button: true, atom.Input: true, atom.Textarea: true,
}

// pageBlock is one block of a page's visible text.
type pageBlock struct {
	text string
	// rule is the cleaning rule the page's markup puts the block under
	// (see markupRule), or "".
	rule string
	// box numbers, from 1, the outermost blockquote, aside or figure
	// holding the block, where a pull quote stands; 0 is none.
	box int
	// h1 says the block is (in) an <h1>.
	h1 bool
	// datetime is the datetime of a <time> in the block.
	datetime string
	// quote numbers, from 1, the outermost <blockquote> holding the
	// block; attributed says it names its source (a <cite>, a <footer>,
	// a figure's caption), and source says the block is that source (a
	// <footer>, a figure's caption: a <cite> stays in its line's block).
	quote              int
	attributed, source bool
	// quoted says to show the block in quotation marks (see
	// markBlockQuotations).
	quoted bool
	// heading says the block is (in) an <h2> to <h6>, and standfirst
	// that the markup classes it a standfirst (see isStandfirstClass).
	heading, standfirst bool
	// row says the block is a table's row, its cells set apart by " | ".
	row bool
	// speaker is the source a block quotation's signature names, written
	// before it (see attributeBlockQuotations), and signature says the
	// block is that signature, written there instead.
	speaker   string
	signature bool
}

// blockContext is what a block's ancestors say of it.
type blockContext struct {
	rule                string
	box                 int
	h1                  bool
	figure              bool
	quote               int
	attributed, source  bool
	heading, standfirst bool
	row                 bool
}

// blockWalker cuts a page into blocks (see textBlocks).
type blockWalker struct {
	blocks   []pageBlock
	cur      strings.Builder
	datetime string // of a <time> in the block read
	boxes    int
	quotes   int
	// marks says to read the markup for rules, boxes and headings: for
	// the page, not for the extractor's copy.
	marks bool
	// budget is how many more nodes the size checks of markupRule may
	// visit: a page of many nested boxes costs no more than a few passes.
	budget int
}

// textBlocks returns the visible text of n as blocks: each block element and
// each <br> ends one, and white space inside a block is collapsed. A table
// row is one block, its cells set apart by " | " (a row of figures reads as
// one line, not a sentence per cell), and each line of preformatted text
// is a block of its own.
func textBlocks(n *html.Node) []string {
	var w blockWalker
	w.walk(n, blockContext{})
	w.flush(blockContext{})
	out := make([]string, len(w.blocks))
	for i, b := range w.blocks {
		out[i] = b.text
	}
	return out
}

// pageBlocks returns the blocks of textBlocks with what the page's markup
// says of each: the cleaning rule its elements put it under (a figure's
// caption, an embedded post, a sign-up box; see markupRule), the box that
// holds it and whether it is the <h1>.
func pageBlocks(n *html.Node) []pageBlock {
	w := blockWalker{marks: true, budget: 1 << 16}
	w.walk(n, blockContext{})
	w.flush(blockContext{})
	return w.blocks
}

func (w *blockWalker) flush(ctx blockContext) {
	if s := collapseSpace(w.cur.String()); s != "" {
		w.blocks = append(w.blocks, pageBlock{text: s, rule: ctx.rule, box: ctx.box, h1: ctx.h1, datetime: w.datetime,
			quote: ctx.quote, attributed: ctx.attributed, source: ctx.source, heading: ctx.heading, standfirst: ctx.standfirst, row: ctx.row})
		w.datetime = ""
	}
	w.cur.Reset()
}

func (w *blockWalker) walk(n *html.Node, ctx blockContext) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipAtoms[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			w.flush(ctx)
			return
		case atom.Td, atom.Th:
			if strings.TrimSpace(w.cur.String()) != "" {
				w.cur.WriteString(" | ")
			}
		case atom.Pre:
			w.flush(ctx)
			for _, l := range strings.Split(nodeText(n), "\n") {
				w.cur.WriteString(l)
				w.flush(ctx)
			}
			return
		case atom.Img:
			return
		case atom.Time:
			if w.datetime == "" {
				w.datetime = attr(n, "datetime")
			}
		}
		inner := ctx
		if w.marks {
			if rule := w.markupRule(n, ctx); rule != "" {
				inner.rule = rule
			}
			switch n.DataAtom {
			case atom.Blockquote, atom.Aside, atom.Figure:
				inner.figure = inner.figure || n.DataAtom == atom.Figure
			case atom.H1:
				inner.h1 = true
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				inner.heading = true
			case atom.Tr:
				inner.row = true
			case atom.Footer:
				inner.source = inner.source || ctx.quote != 0
			case atom.Figcaption:
				inner.source = inner.source || isFigureWith(n.Parent, atom.Blockquote)
			}
			if n.DataAtom == atom.Blockquote && ctx.quote == 0 {
				w.quotes++
				inner.quote = w.quotes
				inner.attributed = isFigureWith(n.Parent, atom.Figcaption) || w.holdsSource(n)
			}
			if !inner.standfirst && isStandfirstClass(n) {
				inner.standfirst = true
			}
			if ctx.box == 0 && inner.rule == "" && isBox(n) {
				w.boxes++
				inner.box = w.boxes
			}
		}
		if blockAtoms[n.DataAtom] || inner != ctx {
			w.flush(ctx)
			defer w.flush(inner)
		}
		ctx = inner
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, ctx)
	}
}

// markupRule names the cleaning rule an element's markup puts its text
// under, or "":
//   - a figure's caption, <figcaption> or an element classed a caption,
//     is a caption, and a photo's credit set apart inside a figure
//     ("credit") is a copyright line;
//   - an embedded social-media post (a blockquote classed "twitter-tweet",
//     "instagram-media" or an embed, an element classed a tweet, a TikTok,
//     Bluesky, Mastodon or Facebook post or a social embed) is an embed;
//   - an element classed a pull quote ("pull-quote", "pullquote") is one
//     (one classed a pull-out may be a box of facts: see isBox);
//   - a dialog, and an element classed a newsletter, sign-up, cookie,
//     consent, promotion, modal or pop-up box, is a widget;
//   - an element classed related or recommended stories, or "read more",
//     is related links.
//
// An element so classed that holds more text than such boxes do is passed
// over: a site may class its story "story newsletter-signup-enabled". So
// are <html>, <body>, <main> and <article>.
func (w *blockWalker) markupRule(n *html.Node, ctx blockContext) string {
	if ctx.rule != "" {
		if ctx.rule == RuleCaption && hasClassWord(n, "credit", "credits", "copyright") {
			return RuleCopyright
		}
		return ""
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return ""
	case atom.Figcaption:
		if isFigureWith(n.Parent, atom.Blockquote) {
			return "" // a quotation's source, under it
		}
		return RuleCaption
	case atom.Caption:
		return RuleCaption // a table's
	case atom.Dialog:
		return w.ifSmall(n, RuleWidget, maxBoxWords)
	}
	role := strings.ToLower(attr(n, "role"))
	if role == "dialog" || role == "alertdialog" || strings.EqualFold(attr(n, "aria-modal"), "true") {
		return w.ifSmall(n, RuleWidget, maxBoxWords)
	}
	words := classWords(n)
	if len(words) == 0 {
		return ""
	}
	has := func(ws ...string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return slices.Contains(ws, w) })
	}
	pair := func(a, b string) bool {
		for i := 1; i < len(words); i++ {
			if words[i-1] == a && words[i] == b {
				return true
			}
		}
		return false
	}
	switch {
	case ctx.figure && has("credit", "credits", "copyright"):
		return w.ifSmall(n, RuleCopyright, maxCaptionWords)
	case has("caption", "captions", "figcaption"):
		return w.ifSmall(n, RuleCaption, maxCaptionWords)
	case has("tweet", "instagram", "tiktok", "bluesky", "mastodon") || pair("fb", "post") || pair("fb", "video") ||
		pair("social", "embed") || pair("embed", "social") || n.DataAtom == atom.Blockquote && has("embed", "embedded", "threads"):
		return w.ifSmall(n, RuleEmbed, maxBoxWords)
	case has("pullquote", "pullquotes") || has("pull") && has("quote", "blockquote"):
		return w.ifSmall(n, RulePullQuote, maxBoxWords)
	case has("newsletter", "newsletters", "signup", "subscribe", "cookie", "cookies", "consent", "gdpr", "promo", "modal", "popup") ||
		pair("sign", "up"):
		return w.ifSmall(n, RuleWidget, maxBoxWords)
	case has("related", "recommended", "outbrain", "taboola", "readmore") || pair("read", "more") || pair("more", "stories") || pair("also", "read"):
		return w.ifSmall(n, RuleRelated, maxBoxWords)
	}
	return ""
}

// holdsSource says whether a blockquote names its source in a <cite> or
// <footer> of its own. The nodes it visits count against the walker's
// budget.
func (w *blockWalker) holdsSource(n *html.Node) bool {
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		if w.budget--; w.budget < 0 {
			return false
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Cite || n.DataAtom == atom.Footer) {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if visit(c) {
				return true
			}
		}
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if visit(c) {
			return true
		}
	}
	return false
}

// markBlockQuotations sets quotation marks around a block quotation that
// has none, as a page sets a speaker's words apart by indenting them
// rather than with marks, so that the quotation counts as one: a
// blockquote of one block, no pull quote or embedded post, holding no
// quotation mark, whose source is named (in its <cite> or <footer>, in
// its figure's caption, on a short line in or after it opening with a
// dash) or
// which a lead-in ending in a colon introduces ("Koval said in a
// statement:").
func markBlockQuotations(blocks []pageBlock) {
	for i := 0; i < len(blocks); {
		q := blocks[i].quote
		if q == 0 {
			i++
			continue
		}
		j := i
		words := -1 // the quotation's block
		ok, signed := true, false
		for ; j < len(blocks) && blocks[j].quote == q; j++ {
			switch b := blocks[j]; {
			case b.source:
			case words >= 0 && isSignature(b.text):
				signed = true
			case words >= 0 || b.rule != "" || strings.ContainsAny(b.text, "\"“”„‟«»"):
				ok = false
			default:
				words = j
			}
		}
		if ok && words >= 0 {
			introduced := i > 0 && blocks[i-1].rule == "" && strings.HasSuffix(blocks[i-1].text, ":")
			signed = signed || j < len(blocks) && blocks[j].rule == "" && isSignature(blocks[j].text)
			blocks[words].quoted = blocks[words].attributed || introduced || signed
		}
		i = j
	}
}

// attributeBlockQuotations writes the source a block quotation's
// signature names before the quotation, as a lead-in ending in a colon,
// in place of the signature: a quotation that the page signs under it
// after a dash ("— Lena Varga, chief executive", on the line after it or
// inside it), in its figure's caption or in its <footer>, is written
// "Lena Varga, chief executive: “We let our passengers down ...”", and
// so is a paragraph that is a quotation, signed on the line under it. Read
// as text, a signature names no speaker and would stand as a sentence of
// its own; a lead-in names one, in the page's own words, its dash and its
// place aside. The quotation is the blockquote's text, opening and
// closing with quotation marks (its own or markBlockQuotations'), and the
// signature a few words opening with a capital (see signatureName).
func attributeBlockQuotations(blocks []pageBlock) {
	for i := 0; i < len(blocks); {
		q := blocks[i].quote
		if q == 0 {
			// A paragraph that is a quotation, signed on the line under
			// it, as a page without a blockquote sets one out.
			if b := blocks[i]; b.rule == "" && i+1 < len(blocks) && opensQuotation(b) && closesQuotation(b) {
				if next := &blocks[i+1]; next.rule == "" && next.quote == 0 && isSignature(next.text) {
					if name := signatureName(next.text); name != "" {
						blocks[i].speaker, next.signature = name+": ", true
					}
				}
			}
			i++
			continue
		}
		first, last, sig := -1, -1, -1
		ok := true
		j := i
		for ; j < len(blocks) && blocks[j].quote == q; j++ {
			switch b := blocks[j]; {
			case b.rule != "" || sig >= 0:
				ok = false // a box of the markup's, or text after the signature
			case first >= 0 && (b.source || isSignature(b.text)):
				sig = j
			case b.source:
				ok = false // a source above the quotation
			default:
				if first < 0 {
					first = j
				}
				last = j
			}
		}
		if ok && first >= 0 && sig < 0 && j < len(blocks) && blocks[j].rule == "" && blocks[j].quote == 0 && isSignature(blocks[j].text) {
			sig = j
		}
		switch {
		case ok && sig >= 0 && opensQuotation(blocks[first]) && closesQuotation(blocks[last]):
			if name := signatureName(blocks[sig].text); name != "" {
				blocks[first].speaker = name + ": "
				blocks[sig].signature = true
			}
		case ok && first >= 0 && first == last && !blocks[first].quoted:
			// The signature on the quotation's line: "“We let our
			// passengers down.” — Lena Varga".
			if quote, name := signedQuotation(blocks[first].text); name != "" {
				blocks[first].text, blocks[first].speaker = quote, name+": "
			}
		}
		i = j
	}
}

// signedQuotation parts a quotation followed on its line by its
// signature after a dash, "“We let our passengers down.” — Lena Varga",
// into the quotation and the name (see signatureName), or returns "" for
// the name. The quotation ends at a closing mark with the dash after it,
// so a hyphen or an apostrophe in the name ("Anne-Marie O’Neill") is the
// name's.
func signedQuotation(s string) (quote, name string) {
	for i, r := range s {
		if i == 0 || !strings.ContainsRune("\"”»’›", r) {
			continue
		}
		quote = s[:i+utf8.RuneLen(r)]
		rest := strings.TrimSpace(s[len(quote):])
		if !isSignature(rest) {
			continue
		}
		if opensQuotation(pageBlock{text: quote}) {
			if name = signatureName(rest); name != "" {
				return quote, name
			}
		}
	}
	return "", ""
}

// opensQuotation and closesQuotation say whether a block, as written,
// opens and closes with a quotation mark.
func opensQuotation(b pageBlock) bool {
	return b.quoted || strings.ContainsRune("\"“„«‘‚‹", firstRune(b.text))
}

func closesQuotation(b pageBlock) bool {
	r, _ := utf8.DecodeLastRuneInString(b.text)
	return b.quoted || strings.ContainsRune("\"”»’›", r)
}

// signatureName is the source a quotation's signature names, without its
// dash and final full stop ("— Lena Varga, chief executive." gives "Lena
// Varga, chief executive"), or "" when it is not a name's few words: more
// than twelve words, a quotation mark, or no capital to open it ("— from
// a statement").
func signatureName(s string) string {
	s = strings.TrimLeft(s, "—–―- \t")
	s = strings.TrimSpace(strings.TrimSuffix(s, "."))
	if s == "" || countFields(s, 13) > 12 || strings.ContainsAny(s, "\"“”„‟«»") || !unicode.IsUpper(firstRune(s)) {
		return ""
	}
	return s
}

// markSubheadings puts under RuleSubheading the headings (<h2> to <h6>)
// of the story, after its first paragraph and before its last: a
// section's heading ("What happens next", "Who is investigating?") and a
// live blog entry's title ("Last passengers ashore") are the page's signs
// to its reader, not sentences of the story, and aligned with other
// outlets' sentences they would read as claims. A heading that states a
// claim as a sentence ending in a full stop ("The port was warned four
// times.") stays in the story, as nothing it says may be lost, and so
// does one that another rule names (see lineRule), and one that reads as
// a paragraph that lost its full stop (see isLongProse), as a page that
// sets a paragraph in a heading's type gives it.
func markSubheadings(blocks []pageBlock, kept []bool, start int) {
	if start < 0 {
		return
	}
	end := start
	for i := len(blocks) - 1; i > start; i-- {
		if b := blocks[i]; kept[i] && b.rule == "" && !b.heading && isRunningText(b.text) {
			end = i
			break
		}
	}
	for i := start + 1; i < end; i++ {
		if b := &blocks[i]; b.heading && kept[i] && b.rule == "" && !b.signature && !statesClaim(b.text) &&
			!isLongProse(b.text) && lineRule(b.text) == "" {
			b.rule = RuleSubheading
		}
	}
}

// mayNameStandfirst is the quick test of isStandfirstClass on a class or
// an id.
func mayNameStandfirst(s string) bool {
	return s != "" && (containsFold(s, "standfirst") || containsFold(s, "dek") || containsFold(s, "deck") ||
		containsFold(s, "strapline") || containsFold(s, "sub") || containsFold(s, "lede") || containsFold(s, "summary"))
}

// markTableRows puts under RuleTable the rows of a table of figures: a
// row of two cells or more, none of more than maxCellWords words, that
// does not read as running text ("2021 | Ostrel Star (ferry) | 180").
// Such a row is data, not a sentence: out of its table, without its
// column's heading, it would align with other outlets' sentences by its
// numbers alone. It is listed with what cleaning took out, under its own
// name. A table that lays out a page (a cell of paragraphs, or of a
// story's running text) is no table of figures.
func markTableRows(blocks []pageBlock) {
	for i := range blocks {
		b := &blocks[i]
		if !b.row || b.rule != "" || !strings.Contains(b.text, " | ") || isRunningText(b.text) {
			continue
		}
		figures := true
		for cell := range strings.SplitSeq(b.text, " | ") {
			if countFields(cell, maxCellWords+1) > maxCellWords {
				figures = false
				break
			}
		}
		if figures {
			b.rule = RuleTable
		}
	}
}

// maxCellWords is the most words of a cell of a table of figures.
const maxCellWords = 12

// standfirstBlocks says which blocks between the page's headline and its
// story's first paragraph give the story's standfirst, the summary the
// outlet sets under its headline: a block the markup classes so (see
// isStandfirstClass) of six words or more, or a heading there of eight
// words or more (a kicker or a section's label is shorter), that no rule
// removes. It is the outlet's own framing of its story, so it is read as
// the story's opening, whether or not it ends in a full stop (one that
// does is running text, and the story's anyway), even where the
// readable-text extractor left it out.
func standfirstBlocks(blocks []pageBlock, head, start int) []bool {
	lead := make([]bool, len(blocks))
	if head < 0 || start < 0 {
		return lead
	}
	for i := head + 1; i < start; i++ {
		b := blocks[i]
		if b.rule != "" || b.signature || b.quote != 0 || lineRule(b.text) != "" {
			continue
		}
		n := countFields(b.text, 8)
		lead[i] = b.standfirst && n >= 6 || b.heading && n >= 8
	}
	return lead
}

// isStandfirstClass says whether an element's class or id names the
// summary a page sets under its headline: "standfirst", "dek", "deck",
// "strapline", "subhead", "sub-headline", "subtitle", "lede",
// "article-summary", "story-summary".
func isStandfirstClass(n *html.Node) bool {
	if !mayNameStandfirst(attr(n, "class")) && !mayNameStandfirst(attr(n, "id")) {
		return false // the quick test: most elements have none of these
	}
	words := classWords(n)
	for i, w := range words {
		switch w {
		case "standfirst", "dek", "deck", "strapline", "subhead", "subheadline", "subtitle", "lede":
			return true
		case "summary":
			if i > 0 && (words[i-1] == "article" || words[i-1] == "story") {
				return true
			}
		case "head", "headline", "title":
			if i > 0 && words[i-1] == "sub" {
				return true
			}
		}
	}
	return false
}

// isSignature says whether s names a quotation's source as the line
// under it does: a few words after a dash, "— Lena Varga, chief
// executive".
func isSignature(s string) bool {
	r := firstRune(s)
	return (r == '—' || r == '–' || r == '―' || r == '-') && countFields(s, 9) <= 8
}

// isBox says whether an element may hold a pull quote (see
// markPullQuotes): a blockquote, an aside, a figure, or an element classed
// a pull-out ("pullout", "pull-out"), which may also be a box of facts.
func isBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Blockquote, atom.Aside, atom.Figure:
		return true
	}
	words := classWords(n)
	return slices.Contains(words, "pullout") || slices.Contains(words, "pull") && slices.Contains(words, "out")
}

// Boxes the markup sets apart hold at most so many words: a caption, and
// any other box (a sign-up, an embedded post, a pull quote).
const (
	maxCaptionWords = 80
	maxBoxWords     = 150
)

// ifSmall returns rule when n holds at most max words of text, else "".
// The nodes it visits count against the walker's budget; once that is
// spent, it returns "".
func (w *blockWalker) ifSmall(n *html.Node, rule string, max int) string {
	words := 0
	inWord := false
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		if w.budget--; w.budget < 0 {
			return false
		}
		if n.Type == html.TextNode {
			for _, r := range n.Data {
				space := isSpace(r)
				if !space && !inWord {
					if words++; words > max {
						return false
					}
				}
				inWord = !space
			}
			return true
		}
		if n.Type == html.ElementNode && skipAtoms[n.DataAtom] {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !visit(c) {
				return false
			}
		}
		return true
	}
	if !visit(n) {
		return ""
	}
	return rule
}

// classWords are the words of an element's class and id, in lower case:
// "c-pull-quote pq_box" gives c, pull, quote, pq, box, and "newsletterSignup"
// gives newsletter, signup.
func classWords(n *html.Node) []string {
	var words []string
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		start := -1
		for i, r := range a.Val + " " {
			letter := r < utf8.RuneSelf && isASCIILetter(byte(r))
			if start >= 0 && (!letter || unicode.IsUpper(r) && i > start && !unicode.IsUpper(rune(a.Val[i-1]))) {
				words = append(words, strings.ToLower(a.Val[start:i]))
				start = -1
			}
			if letter && start < 0 {
				start = i
			}
		}
	}
	return words
}

// hasClassWord says whether n's class or id holds one of words.
func hasClassWord(n *html.Node, words ...string) bool {
	return slices.ContainsFunc(classWords(n), func(w string) bool { return slices.Contains(words, w) })
}

// isFigureWith says whether n is a figure with a child element a among its
// first maxFigureChildren children (a figure holds a few, and a page of
// many figures is read in time linear in it).
func isFigureWith(n *html.Node, a atom.Atom) bool {
	if n == nil || n.Type != html.ElementNode || n.DataAtom != atom.Figure {
		return false
	}
	i := 0
	for c := n.FirstChild; c != nil && i < maxFigureChildren; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return true
		}
		i++
	}
	return false
}

// maxFigureChildren is how many children of a figure isFigureWith reads.
const maxFigureChildren = 32

// attr is the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// markPullQuotes puts under RulePullQuote each box (a blockquote, aside or
// figure) that gives again words of the story outside the boxes: its
// longest block, less an attribution after a dash ("... the waves — Rob
// Tarn") and parted at ellipses, is found in the page's other blocks, letters
// and digits aside from case. Such a box is a pull quote: the sentence or
// quotation set out again in large type, which would otherwise count as a
// second copy. A quotation the story gives only in a box stays.
//
// The look for each box reads the page's text once; past a budget of
// bytes read, the rest of the boxes are left as they are.
func markPullQuotes(blocks []pageBlock) {
	longest := map[int]int{} // box -> index of its longest unmarked block
	var order []int
	var story strings.Builder
	for i, blk := range blocks {
		switch {
		case blk.box == 0 && blk.rule == "":
			story.WriteString(letterKey(blk.text))
			story.WriteByte(0)
		case blk.box != 0 && blk.rule == "":
			j, ok := longest[blk.box]
			if !ok {
				order = append(order, blk.box)
			}
			if !ok || len(blk.text) > len(blocks[j].text) {
				longest[blk.box] = i
			}
		}
	}
	text := story.String()
	budget := 8*len(text) + 1<<20
	for _, box := range order {
		parts := pullQuoteParts(blocks[longest[box]].text)
		if len(parts) == 0 {
			continue
		}
		found := true
		for _, p := range parts {
			if budget -= len(text); budget < 0 {
				return
			}
			if !strings.Contains(text, p) {
				found = false
				break
			}
		}
		if !found {
			continue
		}
		for i := range blocks {
			if blocks[i].box == box && blocks[i].rule == "" {
				blocks[i].rule = RulePullQuote
			}
		}
	}
}

// pullQuoteParts are the keys (see letterKey) of the parts of a box's text
// a pull quote would give again: the text less an attribution after a
// dash, parted at ellipses, each part of two words or more. It returns
// nothing for text of fewer than four words.
func pullQuoteParts(s string) []string {
	for _, dash := range []string{" — ", " – ", " - ", "—", "―"} {
		if i := strings.LastIndex(s, dash); i > 0 && countFields(s[i:], 8) <= 7 {
			s = s[:i]
			break
		}
	}
	if countFields(s, 4) < 4 {
		return nil
	}
	var parts []string
	for _, p := range strings.FieldsFunc(strings.ReplaceAll(s, "...", "…"), func(r rune) bool { return r == '…' }) {
		if countFields(p, 2) >= 2 {
			parts = append(parts, letterKey(p))
		}
	}
	return parts
}

// letterKey is s's letters and digits in lower case, and nothing else.
func letterKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// withoutSpace is s with its white space taken out.
func withoutSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// collapseSpace trims s and turns every run of white space into one space.
// A soft hyphen ("&shy;"), which only says where a word may break, is
// dropped: "re&shy;floated" is "refloated".
func collapseSpace(s string) string {
	if strings.Contains(s, "\u00ad") {
		s = strings.ReplaceAll(s, "\u00ad", "")
	}
	return strings.Join(strings.Fields(s), " ")
}
