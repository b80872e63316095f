package compare

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractHTML fills doc from an HTML page: Text becomes the page's visible
// text, one block per paragraph, and Kept marks the blocks the readable-text
// extractor takes as the article. Headline, outlet and date come from the
// page's metadata.
func extractHTML(doc *Document, page string) error {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return errors.New("cannot parse HTML: " + err.Error())
	}
	meta := readMeta(root)
	blocks := textBlocks(root)

	var b strings.Builder
	spans := make([]Span, len(blocks))
	for i, blk := range blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		spans[i] = Span{b.Len(), b.Len() + len(blk)}
		b.WriteString(blk)
	}
	doc.Text = b.String()

	// The extractor works on its own copy: it changes the tree it reads.
	art, err := readability.FromReader(strings.NewReader(page), nil)
	if err == nil && art.Node != nil {
		// The extractor's blocks are mostly the page's own. Where it cut
		// or joined them differently (it makes paragraphs of text split
		// by <br>s, and may join their text with no space), a block of
		// four words or more is kept when the extractor's text holds it,
		// white space aside, after the last block found so. Each look
		// reads on from there; past a budget of bytes read (a page of many
		// such blocks that are not in it), the rest must match exactly.
		kept := map[string]int{}
		var text strings.Builder
		for _, blk := range textBlocks(art.Node) {
			kept[blk]++
			text.WriteString(withoutSpace(blk))
			text.WriteByte(0) // no block runs into the next
		}
		rest := text.String()
		budget := 8*len(rest) + 1<<20
		doc.Kept = []Span{}
		for i, blk := range blocks {
			if kept[blk] > 0 {
				kept[blk]--
			} else {
				if countFields(blk, 4) < 4 || budget <= 0 {
					continue
				}
				want := withoutSpace(blk)
				at := strings.Index(rest, want)
				if at < 0 {
					budget -= len(rest)
					continue
				}
				budget -= at + len(want)
				rest = rest[at+len(want):]
			}
			doc.Kept = append(doc.Kept, spans[i])
		}
		if len(doc.Kept) == 0 {
			doc.Kept = nil
		}
	}

	ld := linkedData(root)
	doc.Headline = firstNonEmpty(meta["og:title"], meta["twitter:title"], ld.headline, meta["title"])
	if err == nil && doc.Headline == "" {
		doc.Headline = strings.TrimSpace(art.Title())
	}
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
	return nil
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
	atom.Details: true, atom.Summary: true,
}

// skipAtoms hold no visible text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Select: true,
	atom.Button: true, atom.Input: true, atom.Textarea: true,
}

// textBlocks returns the visible text of n as blocks: each block element and
// each <br> ends one, and white space inside a block is collapsed. A table
// row is one block, its cells set apart by " | " (a row of figures reads as
// one line, not a sentence per cell), and each line of preformatted text
// is a block of its own.
func textBlocks(n *html.Node) []string {
	var blocks []string
	var cur strings.Builder
	flush := func() {
		if s := collapseSpace(cur.String()); s != "" {
			blocks = append(blocks, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
			switch n.DataAtom {
			case atom.Br:
				flush()
				return
			case atom.Td, atom.Th:
				if strings.TrimSpace(cur.String()) != "" {
					cur.WriteString(" | ")
				}
			case atom.Pre:
				flush()
				for _, l := range strings.Split(nodeText(n), "\n") {
					cur.WriteString(l)
					flush()
				}
				return
			}
			if blockAtoms[n.DataAtom] {
				flush()
				defer flush()
			} else if n.DataAtom == atom.Img {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return blocks
}

// withoutSpace is s with its white space taken out.
func withoutSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
