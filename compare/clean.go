package compare

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/compare/internal/wordnet"
)

// Cleaning rules. Each names one kind of page furniture; whatever a rule
// removes is kept in Article.Removed under its name.
const (
	RuleHTMLExtractor = "html-extractor" // outside the readable article of an HTML page
	RuleHeadline      = "headline"       // the headline, kept in Article.Headline
	RuleCaption       = "caption"        // a photo caption above the body (not a lead-in ending in a colon), or under its label ("Image caption"), kept in Article.Captions
	RuleDateline      = "dateline"       // a line holding only a date or time, or a wire dateline opening the story ("PORTVALE (Fictional Wire) —")
	RuleByline        = "byline"         // "By Name", "By Name | Outlet", "By Name | Updated 10:42 a.m."
	RuleWidget        = "widget"         // share/print/email bars, social prompts, advertisement labels ("Advertisement - Scroll to continue"), sign-up, cookie and paywall prompts
	RuleRepeated      = "repeated-line"  // a line given again word for word
	RuleRelated       = "related-links"  // "Related Stories:", "Latest From ..." headings
	RuleNavigation    = "navigation-list"
	RuleComment       = "comment-prompt"
	RuleCopyright     = "copyright"   // a short notice or photo credit, not prose about copyright
	RulePageTail      = "page-tail"   // short non-sentence lines after the body; never long prose or a lead-in's list
	RuleMarkup        = "markup"      // Markdown front matter, rules and setext underlines ("====")
	RuleEditorNote    = "editor-note" // "Correction: An earlier version of this story ...", "Editor's note: ..."
	RulePullQuote     = "pull-quote"  // a sentence or quotation of the story set out again in a box (HTML)
	RuleEmbed         = "embed"       // an embedded social-media post: a tweet, an Instagram post (HTML)
	RuleSubheading    = "subheading"  // a heading inside the story ("What happens next"), a live blog entry's title; not one stating a claim with a full stop
	RuleTable         = "table"       // a row of a table of figures ("2021 | Ostrel Star (ferry) | 180"): data, not a sentence (HTML)
	RuleSignature     = "signature"   // a dash line under a quotation naming who said it ("— Lena Varga, chief executive"): read for the quote's speaker, no sentence of its own
)

// cleaned is what cleaning finds in a document.
type cleaned struct {
	headline   string
	captions   []string
	published  string
	outlet     string // from the text itself
	outletFrom string
	removed    []Removal
	// view is Text with soft line wraps inside body paragraphs turned into
	// spaces; it has the same length, so offsets into it are offsets into Text.
	view       string
	paragraphs []Span
}

// line is one line of a document with its trimmed span.
type line struct {
	start, end int // trimmed, in Text
	rawEnd     int // end of the line before its line break
	text       string
	blank      bool
	rule       string // furniture rule, or "" for a content line
	headingMD  bool   // a Markdown "#" heading; start is after the marks
	// unlisted says the line is removed as a caption but not listed as
	// one: a line above an HTML page's story that its markup does not
	// call a caption (a "LIVE" badge, a "Key points" heading).
	unlisted bool
	// lead says the line is a standfirst above the story's first
	// paragraph (see Document.Lead).
	lead bool
}

var (
	monthRe   = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	dateMDY   = lazyRegexp(`(?i)\b` + monthRe + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)`)
	dateDMY   = lazyRegexp(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRe + `\.?,?\s+((?:19|20)\d\d)`)
	dateISO   = lazyRegexp(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)`)
	timeRe    = lazyRegexp(`(?i)\d{1,2}:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?`)
	datePunct = lazyRegexp(`(?i)\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b|\b(?:gmt|utc|[a-z]{1,2}t|updated|published|posted|last|modified|on|at)\b|[|,:\-–—/·•()\[\]]`)
	yearRe    = lazyRegexp(`\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?`)

	// dayMonth is a day and a month without a year: "March 3", "3rd March".
	dayMonth = lazyRegexp(`(?i)\b` + monthRe + `\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+` + monthRe + `\b`)
	// relativeTime is a whole field that says when by counting back: "2
	// hours ago", "an hour ago", "yesterday".
	relativeTime = lazyRegexp(`(?i)^(?:(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|yesterday|today|just now)\.?$`)

	widgetWords = map[string]bool{
		"share": true, "email": true, "e-mail": true, "print": true, "tweet": true, "facebook": true,
		"twitter": true, "x": true, "linkedin": true, "whatsapp": true, "reddit": true, "pin": true,
		"save": true, "copy": true, "link": true, "follow": true, "us": true, "subscribe": true,
		"newsletter": true, "sign": true, "up": true, "in": true, "log": true, "login": true,
		"advertisement": true, "sponsored": true, "comments": true, "comment": true, "font": true,
		"size": true, "text": true, "a": true, "a+": true, "a-": true, "listen": true, "download": true,
		"pdf": true, "bookmark": true, "like": true, "rss": true, "feed": true, "this": true,
		"article": true, "story": true, "page": true, "on": true, "telegram": true, "instagram": true,
		"youtube": true, "mail": true, "send": true, "gift": true, "close": true, "menu": true,
		"search": true, "home": true, "top": true, "back": true, "to": true, "next": true, "previous": true,
		"skip": true, "main": true, "content": true, "navigation": true, "via": true, "messenger": true,
		"bluesky": true, "threads": true, "flipboard": true, "pinterest": true, "mastodon": true, "permalink": true,
	}
	// relatedRe is a heading that offers more reading: "Related Stories",
	// "More coverage of the bridge closure:", "You might also be interested
	// in:", "Elsewhere on the Harbor Ledger:".
	relatedRe = lazyRegexp(`(?i)^(related( stories| articles| news| coverage| links| content)?|more (from|on|stories|news|in|coverage|to read)|(full|further|live|our|complete) coverage|further reading|elsewhere on|latest( from| news| stories| headlines)?|see also|also (read|see|watch)|(read|watch) (more|also|next)|recommended( for you| reading)?|most (read|popular|viewed|watched)|popular( now| stories)?|trending( now)?|you (may|might|could) also (like|enjoy|be interested|want)|what to read next|top stories|editor'?s picks|key events)\b`)
	// relatedLabel is a label that puts a link to another story on the
	// story's own line: "READ MORE: Portvale council approves new cycle
	// lanes", "See also: ...".
	relatedLabel = lazyRegexp(`(?i)^(?:read (?:more|also|next)|also read|related(?: stories| articles| coverage| news)?|see also|more on this(?: story)?)[ \t]*:[ \t]*\S`)
	commentRe    = lazyRegexp(`(?i)\b(add|leave|post|write|view|show|read|\d+) (a )?comments?\b|\bcomments? \(\d+\)|^comments?$|click here`)
	bylineRe     = lazyRegexp(`^(?:[Bb]y|BY)\s+\p{Lu}`)
	bulletRune   = "•·▪►▸›»‣◦*-–—"
)

// adLine matches a line that is nothing but an advertisement's label or
// the note a page sets around one, alone or several together:
// "ADVERTISEMENT", "Advertisement - Scroll to continue", "Story
// continues below advertisement", "Sponsored content", "Continue
// reading below". Every word must belong to such a phrase, so a sentence
// that mentions advertising ("The council banned advertisement hoardings
// on the bridge.") is left alone.
var adLine = lazyRegexp(`(?i)^[\s\p{P}\p{S}]*` + adPhrase + `(?:[\s\p{P}\p{S}]+` + adPhrase + `)*[\s\p{P}\p{S}]*$`)

// adWordsOnly says whether every word of s is one an advertisement's
// label may hold (see adPhrase): a quick test that spares most lines the
// pattern.
func adWordsOnly(s string) bool {
	var buf [16]byte
	words := 0
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) {
				return false // a letter outside ASCII: no ad label's word
			}
			i += size
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if j-i > len(buf) {
			return false
		}
		w := buf[:j-i]
		for k := range w {
			w[k] = s[i+k] | 0x20
		}
		switch string(w) {
		case "skip", "close", "hide", "report", "this", "advert", "adverts", "advertisement",
			"advertisements", "ad", "ads", "feedback", "sponsored", "content", "link", "links",
			"story", "stories", "post", "posts", "article", "articles", "paid", "promoted",
			"partner", "branded", "scroll", "down", "to", "continue", "continues", "reading",
			"below", "the", "main", "text", "after", "under", "with":
		default:
			return false
		}
		words++
		i = j
	}
	return words > 0
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// adPhrase is one phrase of an advertisement's label: see adLine.
const adPhrase = `(?:` +
	`(?:(?:skip|close|hide|report\s+this)\s+)?(?:advert(?:isement)?s?|ads?)(?:\s+feedback)?` +
	`|sponsored(?:\s+(?:content|links?|stories|story|posts?|articles?))?` +
	`|(?:paid|promoted|partner|branded)\s+(?:content|posts?|stories|story)` +
	`|(?:scroll(?:\s+down)?\s+to\s+)?continue(?:\s+reading)?(?:\s+(?:below|the(?:\s+main)?\s+story|the\s+article|with(?:\s+the)?\s+content))?` +
	`|(?:the\s+)?(?:story|article|text|content)\s+continues\s+(?:below|after|under)(?:\s+(?:(?:the|this)\s+)?(?:advert(?:isement)?|ad))?` +
	`)`

// lazyRegexp compiles expr on first use: a run needs few of the cleaner's
// patterns, most only on short lines with a date, and compiling them all
// would hold up the start of every command.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// clean finds the headline, captions, dates and page furniture of a document
// and the spans of its body paragraphs.
func clean(doc Document) cleaned {
	text := doc.Text
	lines := splitLines(text)
	c := cleaned{}
	keep := func(l *line) bool { return true }
	marked := func(l *line) string { return "" }
	if doc.Marked != nil {
		// Lines and marked spans are both in text order too.
		spans, k := doc.Marked, 0
		marked = func(l *line) string {
			for k < len(spans) && spans[k].End < l.end {
				k++
			}
			if k < len(spans) && l.start >= spans[k].Start && l.end <= spans[k].End {
				return spans[k].Rule
			}
			return ""
		}
	}
	if doc.Kept != nil {
		// Lines and kept spans are both in text order: walk them together.
		kept, k := doc.Kept, 0
		keep = func(l *line) bool {
			for k < len(kept) && kept[k].End < l.end {
				k++
			}
			return k < len(kept) && l.start >= kept[k].Start && l.end <= kept[k].End
		}
	}
	lead := func(l *line) bool { return false }
	if doc.Lead != nil {
		// Lines and lead spans are both in text order too.
		spans, k := doc.Lead, 0
		lead = func(l *line) bool {
			for k < len(spans) && spans[k].End < l.end {
				k++
			}
			return k < len(spans) && l.start >= spans[k].Start && l.end <= spans[k].End
		}
	}
	var front frontMatter
	if doc.Kind == "markdown" {
		front = markMarkdown(text, lines)
	}

	// Pass 1: furniture rules that look at one line at a time.
	// Lines seen so far by the hash of their normalized text (see
	// normCursor), each checked against the lines of its hash.
	seen := map[uint64][]int{}
	var notices []int // copyright lines, which may name the outlet
	var wrap wrapMeasure
	bylineOutlet, bylineDate := "", ""
	updatedDate := "" // a date labelled only "Updated": the last resort
	// labelAt is the line of a caption's label alone ("Image caption",
	// "Pictured:"), or -1; updatedNext says the line before was an
	// "Updated" label alone on its line.
	labelAt, updatedNext := -1, false
	headlineSeen := false // the page's headline, outside its article
	for i := range lines {
		l := &lines[i]
		if l.blank || l.rule != "" {
			continue
		}
		if l.rule = marked(l); l.rule != "" {
			continue
		}
		if !keep(l) {
			l.rule = RuleHTMLExtractor
			if !headlineSeen && doc.Headline != "" && sameText(l.text, doc.Headline) {
				l.rule, headlineSeen = RuleHeadline, true
			}
			if mayBeCopyright(l.text) && (hasYear(l.text) || containsFold(l.text, "all rights reserved")) &&
				isCopyrightNotice(l.text) && !isPhotoCredit(l.text) {
				// The page's footer, outside the article, still names its
				// publisher, with a year or "All rights reserved": a map's
				// "© OpenStreetMap contributors" does not.
				notices = append(notices, i)
			}
			continue
		}
		l.rule = lineRule(l.text)
		if l.rule == RuleNavigation && signsQuoteAbove(lines, i) {
			l.rule = RuleSignature
		}
		h := normHash(l.text)
		if l.rule == "" && h != emptyNormHash && slices.ContainsFunc(seen[h], func(j int) bool { return sameText(lines[j].text, l.text) }) {
			l.rule = RuleRepeated
		}
		if l.rule == "" && labelAt >= 0 && underLabel(lines, labelAt, i, doc.Kind == "html") && isLabelledCaption(l.text) {
			l.rule = RuleCaption
		}
		labelAt = -1
		if l.rule == RuleCaption && captionText(l.text) == "" {
			labelAt = i
		}
		if l.rule == "" {
			wrap.add(l.text)
		}
		if l.rule == RuleDateline && c.published == "" {
			if d, updated := publishedDate(l.text); updated || updatedNext {
				updatedDate = cmp.Or(updatedDate, d)
			} else {
				c.published = d
			}
		}
		updatedNext = l.rule == RuleDateline && isUpdatedLabel(l.text)
		if l.rule == RuleCopyright && !isPhotoCredit(l.text) {
			notices = append(notices, i)
		}
		if l.rule == RuleByline && hasPrefixFold(l.text, "by") {
			if bylineOutlet == "" {
				bylineOutlet = outletFromByline(l.text)
			}
			if bylineDate == "" {
				if d, updated := publishedDate(l.text); updated {
					updatedDate = cmp.Or(updatedDate, d)
				} else {
					bylineDate = d
				}
			}
		}
		seen[h] = append(seen[h], i)
	}
	// A date line comes first, then a byline's date ("By Jane Roe, March 3,
	// 2026"), then the front matter's; a date labelled "Updated" is never
	// the publication date when another is given.
	c.published = cmp.Or(c.published, bylineDate, front.date, updatedDate)

	// Pass 2: the story's shape, judged on blocks of lines (a line and the
	// lines soft-wrapped after it). The body runs from the first block of
	// prose to the last block that ends a sentence; content before it is
	// headline and captions, short lines after it are page tail.
	type block struct {
		first, last int // line indexes
		text        string
	}
	var blocks []block
	width := wrap.width()
	for i := range lines {
		l := &lines[i]
		if l.blank || l.rule != "" {
			continue
		}
		if n := len(blocks); n > 0 && blocks[n-1].last == i-1 && softWrap(lines[i-1].text, l.text, width) {
			blocks[n-1].last = i
			blocks[n-1].text = text[lines[blocks[n-1].first].start:l.end]
			continue
		}
		blocks = append(blocks, block{first: i, last: i, text: l.text})
	}
	first, last := -1, -1 // line indexes of the body's bounds
	firstBlock := -1
	// tail is the last line before block b that begins the page's tail;
	// next the first line not yet looked at for one.
	tail, next := -1, 0
	for bi, b := range blocks {
		for ; next < b.first; next++ {
			if beginsTail(&lines[next]) {
				tail = next
			}
		}
		next = b.last + 1
		if bi == 0 && b.first == b.last && isHeadline(&lines[b.first], lines, b.first, doc.Headline) {
			lines[b.first].rule = RuleHeadline
			c.headline = lines[b.first].text
			continue
		}
		if first < 0 && isProse(b.text) {
			first, firstBlock = b.first, bi
		}
		if first < 0 {
			continue
		}
		// Past the last sentence end, long prose without one still
		// belongs to the story ("... Police watched from the road"), and
		// so does a list that a lead-in introduces ("The following roads
		// will be closed:"), unless the page's tail (related links,
		// comments, the copyright) has begun between them and the body.
		switch {
		case endsSentence(b.text):
			last = max(last, b.last)
		case isLongProse(b.text) && tail <= last:
			last = max(last, b.last)
		case isLeadIn(b.text) && tail <= last:
			if end := listEnd(lines, b.last); end >= 0 {
				last = max(last, end)
			}
		}
	}
	// Short sentences just before the first long one open the body too
	// ("It is gone."), and so does a lead-in ending in a colon ("The mayor
	// told reporters:"), unless furniture stands between them.
	for bi := firstBlock - 1; bi >= 0; bi-- {
		b := blocks[bi]
		if lines[b.first].rule != "" || !(endsSentence(b.text) || isLeadIn(b.text)) || furnitureBetween(lines, b.last, first) {
			break
		}
		first = b.first
	}
	c.outlet, c.outletFrom = outletFromNotices(lines, notices, last)
	// A site's menu above the headline ("Home", "News", "Sport"), or its
	// name, is no headline: the headline is the line under it.
	if first >= 0 && doc.Headline == "" {
		h := headlineBelowMenu(lines, first, width)
		if h < 0 {
			h = headlineUnderMenu(lines, first, func(s string) bool {
				return isMasthead(s, doc.Name, doc.Outlet, c.outlet, bylineOutlet)
			})
		}
		if h >= 0 {
			for j := range h {
				if l := &lines[j]; !l.blank && (l.rule == "" || l.rule == RuleHeadline) {
					l.rule = RuleNavigation
				}
			}
			lines[h].rule = RuleHeadline
			c.headline = lines[h].text
		}
	}
	if c.outlet == "" && bylineOutlet != "" {
		// The copyright line names the publisher; a byline comes second.
		c.outlet, c.outletFrom = bylineOutlet, "byline"
	}
	// An author's note ending the body names the outlet: "Jo Vance is a
	// columnist for the Ostrel Herald."
	for bi := len(blocks) - 1; first >= 0 && bi >= firstBlock; bi-- {
		b := blocks[bi]
		if b.first > last {
			continue
		}
		if l := &lines[b.first]; b.first == b.last && l.rule == "" && isAuthorNote(l.text, doc.Name, doc.Outlet, c.outlet) {
			l.rule = RuleByline
		}
		break
	}
	if doc.Headline != "" {
		c.headline = doc.Headline
		if doc.Outlet == "" && c.outlet != "" {
			// A page whose metadata names no site may carry in its
			// title the name its copyright line gives: "Quillton Bugle
			// :: Ferry aground at Portvale".
			c.headline = dropSiteName(c.headline, c.outlet)
		}
	}
	for _, b := range blocks {
		if lines[b.first].rule != "" {
			continue
		}
		for i := b.first; i <= b.last; i++ {
			l := &lines[i]
			switch {
			case first < 0:
				// No prose at all: keep everything as body so nothing is lost.
			case i < first && lead(l):
				// A standfirst the page's markup gives: the story's.
				l.lead = true
			case i < first:
				if c.headline == "" && !l.headingMD && len(strings.Fields(l.text)) <= 25 {
					l.rule = RuleHeadline
					c.headline = l.text
				} else if c.headline != "" && sameText(l.text, c.headline) {
					l.rule = RuleHeadline
				} else if underHeadline(lines, i) && (isAuthorName(l.text) ||
					isMasthead(l.text, doc.Name, doc.Outlet, c.outlet, bylineOutlet)) {
					// The author's name, or the outlet's credited as the
					// author: "Velmar State Radio" under its headline.
					l.rule = RuleByline
				} else {
					l.rule = RuleCaption
					l.unlisted = doc.Kind == "html" && !isCaptionLabel(l.text)
				}
			case i > last:
				l.rule = RulePageTail
			}
		}
	}
	if c.headline == "" {
		// Front matter's title stands in for a headline the text lacks.
		c.headline = front.title
	}
	// A bullet list inside the body is part of the story, not navigation;
	// a Markdown heading there is a subheading (see statesClaim).
	for i := first + 1; first >= 0 && i <= last; i++ {
		switch l := &lines[i]; {
		case l.rule == RuleNavigation:
			l.rule = ""
		case l.rule == "" && l.headingMD && !statesClaim(l.text) && !isLongProse(l.text):
			l.rule = RuleSubheading
		}
	}

	// Collect removals, body paragraphs and the segmentation view: where a
	// line was soft-wrapped, the view joins it to the next with a space.
	view := []byte(text)
	paraStart, paraEnd := -1, -1
	flush := func() {
		if paraStart >= 0 {
			c.paragraphs = append(c.paragraphs, Span{paraStart, paraEnd})
		}
		paraStart, paraEnd = -1, -1
	}
	for i := range lines {
		l := &lines[i]
		switch {
		case l.blank:
			flush()
		case l.rule != "":
			flush()
			if l.text != "" {
				c.removed = append(c.removed, Removal{Rule: l.rule, Text: l.text, Start: l.start, End: l.end})
			}
			if l.rule == RuleCaption && !l.unlisted {
				// (A page's markup may give one caption twice.)
				if caption := captionText(l.text); caption != "" && !slices.Contains(c.captions, caption) {
					c.captions = append(c.captions, caption)
				}
			}
		default:
			switch {
			case paraStart < 0:
				paraStart = l.start
			case softWrap(lines[i-1].text, l.text, width):
				for k := lines[i-1].end; k < l.start; k++ {
					if view[k] == '\n' || view[k] == '\r' {
						view[k] = ' '
					}
				}
			case isBullet(l.text) || strings.HasSuffix(lines[i-1].text, ":"):
				// A list stays in the paragraph that introduces it.
			default:
				// A line that does not continue the one before starts a
				// paragraph, as pasted pages put one paragraph per line.
				flush()
				paraStart = l.start
			}
			paraEnd = l.end
		}
	}
	flush()
	if first >= 0 && len(c.paragraphs) > 0 {
		c.dropDatelinePrefix(text)
	}
	c.view = string(view)
	return c
}

// wireDateline is the place (and date, and agency) a wire story opens
// with, up to its dash: "PORTVALE (Fictional Wire) — ", "NEW YORK, March
// 3 - ", "Portvale (Fictional Wire) – ", in any alphabet ("NØRREBY
// (Corvina Newswire) — "). A place in capitals may stand
// alone; a place written as a name needs its agency in brackets, so that
// an ordinary opening ("Police - who arrived late - said ...") is left
// alone.
var wireDateline = lazyRegexp(`^(?:` +
	`\p{Lu}[\p{Lu}'’.\-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.\-]+){0,3}` + datelineDate + `(?:[ \t]*\([^()\n]{1,40}\))?` +
	`|\p{Lu}[\p{Ll}'’.\-]+(?:[ \t]+\p{Lu}[\p{Ll}'’.\-]+){0,2}` + datelineDate + `[ \t]*\([^()\n]{1,40}\)` +
	`)[ \t]*(?:—|–|--|-)[ \t]+`)

// datelineDate is the date a wire dateline may give after its place:
// ", March 3", ", Feb. 14, 2026".
var datelineDate = `(?:,[ \t]*(?i:` + monthRe + `)\.?[ \t]+\d{1,2}(?:,[ \t]*(?:19|20)\d\d)?)?`

// dropDatelinePrefix takes a wire dateline off the start of the story's
// first paragraph, listed as removed: the place and agency are each
// outlet's own, and left in they would set the lead sentences of
// outlets that carry one apart from those that do not.
func (c *cleaned) dropDatelinePrefix(text string) {
	p := &c.paragraphs[0]
	loc := wireDateline().FindStringIndex(text[p.Start:p.End])
	if loc == nil || loc[1] >= p.End-p.Start {
		return
	}
	prefix := strings.TrimSpace(text[p.Start : p.Start+loc[1]])
	r := Removal{Rule: RuleDateline, Text: prefix, Start: p.Start, End: p.Start + len(prefix)}
	at := len(c.removed)
	for at > 0 && c.removed[at-1].Start > r.Start {
		at--
	}
	c.removed = slices.Insert(c.removed, at, r)
	p.Start += loc[1]
}

// furnitureBetween says whether a line removed by a rule lies between lines
// i and j.
func furnitureBetween(lines []line, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if !lines[k].blank && lines[k].rule != "" {
			return true
		}
	}
	return false
}

// beginsTail says whether a line removed by a rule begins the page's tail:
// a related-links heading, a navigation list, a comment prompt, a copyright
// line, or the label of sponsored links ("Sponsored content", "Promoted
// stories", "Paid content"). Text after one is the page's, not the
// story's, whatever it reads like (a related story's or an advert's
// headline), unless it ends a sentence. A bare advertisement label
// ("ADVERTISEMENT", "Story continues below advertisement") stands for a
// picture inside the story and begins nothing.
func beginsTail(l *line) bool {
	switch l.rule {
	case RuleRelated, RuleNavigation, RuleComment:
		return true
	case RuleCopyright:
		return !isPhotoCredit(l.text) // a photo's credit may stand inside the story
	case RuleWidget:
		return isSponsoredLabel(l.text)
	}
	return false
}

// isSponsoredLabel says whether an advertisement's label introduces
// sponsored links: it names sponsored, promoted, paid, partner or branded
// content.
func isSponsoredLabel(s string) bool {
	return adWordsOnly(s) && (containsFold(s, "sponsored") || containsFold(s, "promoted") ||
		containsFold(s, "paid") || containsFold(s, "partner") || containsFold(s, "branded")) && adLine().MatchString(s)
}

// listEnd returns the last line of the bullet list that starts after line
// i (blank lines may part its items), or -1 when no bullet follows i.
// Items short enough to pass for navigation count too: after a lead-in,
// they are the story's list.
func listEnd(lines []line, i int) int {
	end := -1
	for k := i + 1; k < len(lines); k++ {
		l := &lines[k]
		switch {
		case l.blank:
		case (l.rule == "" || l.rule == RuleNavigation) && isBullet(l.text):
			end = k
		default:
			return end
		}
	}
	return end
}

// outletFromNotices names the outlet from the copyright lines of a
// document, lines[last] the body's last line (-1 when there is no body).
// The notice after the body names the publisher, one with a year or "All
// rights reserved" before one without. A notice above or inside the body
// counts only with "All rights reserved": there "© Jane Roe / Fictional
// Pictures" or "© Sam Park 2026" credits a photo, not the outlet.
func outletFromNotices(lines []line, notices []int, last int) (name, from string) {
	bestRank := 3 // 0 is best; 3 names no outlet
	for _, i := range notices {
		s := lines[i].text
		reserved := containsFold(s, "all rights reserved")
		footer := last >= 0 && i > last
		rank := 3
		switch {
		case footer && (reserved || hasYear(s)):
			rank = 0
		case footer:
			rank = 1
		case reserved:
			rank = 2
		}
		if rank >= bestRank {
			continue
		}
		if n := outletFromCopyright(s); n != "" {
			name, bestRank = n, rank
		}
	}
	if name == "" {
		return "", ""
	}
	return name, "copyright"
}

// headlineBelowMenu returns the index of the headline when a site's menu
// stands above it ("Home", "News", "Sport"), or -1. The headline is the
// line just above the byline or dateline that heads the body, lines[first],
// or with neither just above the body. It must be longer than a menu item,
// and the lines above it must all be menu items (see isMenuItem), two or
// more when no byline or dateline marks the headline. So a headline with a
// caption under it ("NATO invites Russia to join missile system", then a
// caption, then a dateline) keeps its place: it is no menu item.
func headlineBelowMenu(lines []line, first, width int) int {
	h, marked := first-1, false
	for ; h >= 0; h-- {
		l := &lines[h]
		if l.rule == RuleByline || l.rule == RuleDateline {
			marked = true
		}
		if !l.blank && (l.rule == "" || l.rule == RuleHeadline) {
			break
		}
	}
	if h <= 0 || isMenuItem(&lines[h]) ||
		lines[h-1].rule == "" && !lines[h-1].blank && softWrap(lines[h-1].text, lines[h].text, width) {
		// The first line already, a line as short as a menu's (which of
		// the two is the headline cannot be told), or a line soft-wrapped
		// after another.
		return -1
	}
	items := 0
	for j := h - 1; j >= 0; j-- {
		l := &lines[j]
		if l.blank || l.rule != "" && l.rule != RuleHeadline {
			continue
		}
		if !isMenuItem(l) {
			return -1
		}
		items++
	}
	if items == 0 || !marked && items < 2 {
		return -1
	}
	return h
}

// headlineUnderMenu returns the index of the headline when a site's menu
// or its name stands at the top of the page, above the headline and the
// captions, credits and bylines that part it from the body, or -1: the
// first line above lines[first] that is no menu item (see isMenuItem), when
// menu items and nothing else stand above it. With two items or more above
// it ("Home", "News", "World"), that is enough. With one, the item must be
// the outlet's name (masthead says so) or a section's one word
// ("Business"), and, for a section, a byline, dateline or widget must stand
// just under the headline, or under an author's name or two there: a
// short headline over a caption ("Bridge falls", then "Divers search the
// river below the span") keeps its place.
func headlineUnderMenu(lines []line, first int, masthead func(string) bool) int {
	items, name, section := 0, false, false
	for h := 0; h < first; h++ {
		l := &lines[h]
		if l.blank || l.rule != "" && l.rule != RuleHeadline {
			continue
		}
		if isMenuItem(l) {
			items++
			name = masthead(l.text)
			section = countFields(l.text, 2) == 1
			continue
		}
		switch {
		case items >= 2, items == 1 && name:
			return h
		case items == 1 && section:
			// An author's name may stand between ("Jo Vance").
			names := 0
			for k := h + 1; k < len(lines) && names <= 2; k++ {
				switch m := &lines[k]; {
				case m.blank:
				case m.rule == RuleByline || m.rule == RuleDateline || m.rule == RuleWidget:
					return h
				case m.rule == "" && isMenuItem(m):
					names++
				default:
					names = 3
				}
			}
		}
		return -1
	}
	return -1
}

// authorNote is a line about the story's author: "Jo Vance is a
// columnist for the Ostrel Herald."
var authorNote = lazyRegexp(`^(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}is (?:a|an|the) (?:[\p{L}-]+\s+){0,3}(?:columnist|correspondent|reporter|writer|contributor|editor|journalist|commentator|critic)\s+(?:for|at|with)\s+(.+?)\.?$`)

// isAuthorNote says whether a line says who the story's author is and
// which outlet they write for, one of names (see isMasthead): "Jo Vance is
// a columnist for the Ostrel Herald." A sentence about someone who writes
// for another outlet stays in the story.
func isAuthorNote(s string, names ...string) bool {
	if len(s) > 200 || !unicode.IsUpper(firstRune(s)) {
		return false
	}
	// A quick test before the pattern: a name of four words or fewer,
	// then "is".
	if i := strings.Index(s, " is "); i < 0 || countFields(s[:i], 5) > 4 {
		return false
	}
	m := authorNote().FindStringSubmatch(s)
	return m != nil && isMasthead(m[1], names...)
}

// isMasthead says whether a line is the outlet's name as the file, the
// manifest, the copyright line or a byline gives it, but for case, marks
// and a leading "The": "Harbor Ledger" for harbor-ledger.txt.
func isMasthead(s string, names ...string) bool {
	slug := strings.TrimPrefix(slugify(s), "the-")
	for _, n := range names {
		if n != "" && strings.TrimPrefix(slugify(n), "the-") == slug {
			return true
		}
	}
	return false
}

// underHeadline says whether line i stands under the headline with only
// furniture (a date, a share bar) or the standfirst (see Document.Lead)
// between them, no caption or other text.
func underHeadline(lines []line, i int) bool {
	for j, seen := i-1, 0; j >= 0 && seen < maxLinesUnderHeadline; j-- {
		switch l := &lines[j]; {
		case l.blank:
		case l.rule == RuleHeadline:
			return true
		case l.rule == RuleCaption || l.rule == "" && !l.lead:
			return false
		default:
			seen++
		}
	}
	return false
}

// isAuthorName says whether a line is only a person's name, or two joined
// by "and", as a byline without its "By" gives it: "Mara Lindqvist",
// "Lorna Fisk and Dev Amani", "Anneke van der Berg". Each name is two to
// four words that open with a capital (but for particles inside it, "van",
// "de"), of letters, apostrophes, hyphens and full stops, and one word
// at least of the line is no English word (see wordnet), so that a label
// or a caption in title case ("Key Points", "Storm Damage") is not taken
// for a name.
func isAuthorName(s string) bool {
	if len(s) > 80 {
		return false
	}
	names := 1
	count := 0 // words of the name read
	rare := false
	for _, w := range strings.Fields(s) {
		switch {
		case w == "and" || w == "&":
			if count < 2 || names == 2 {
				return false
			}
			names, count = 2, 0
			continue
		case isNameParticle(w):
			if count == 0 {
				return false
			}
			continue
		case !unicode.IsUpper(firstRune(w)):
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' && r != '.' {
				return false
			}
		}
		if count++; count > 4 {
			return false
		}
		if lower := strings.ToLower(strings.TrimRight(w, ".")); !isStop(lower) && len(wordnet.Groups(lower)) == 0 {
			rare = true
		}
	}
	return count >= 2 && rare && !strings.HasSuffix(s, ".")
}

// isMenuItem says whether a line reads as an item of a site's menu or a
// section's label: three words or fewer, not a sentence, a lead-in or a
// Markdown heading ("News", "Local News", "Arts & Culture").
func isMenuItem(l *line) bool {
	return !l.headingMD && countFields(l.text, 4) <= 3 && !endsSentence(l.text) && !strings.HasSuffix(l.text, ":")
}

func firstContent(lines []line) int {
	for i := range lines {
		if !lines[i].blank && lines[i].rule == "" {
			return i
		}
	}
	return -1
}

// isHeadline says whether the first content line is a headline: a known
// headline, a Markdown heading, or a short line without a final period with
// more text after it. A lead-in ending in a colon is the story's first
// line, not its headline.
func isHeadline(l *line, lines []line, i int, known string) bool {
	if known != "" {
		return sameText(l.text, known)
	}
	if l.headingMD {
		return true
	}
	words := len(strings.Fields(l.text))
	if words == 0 || words > 25 || strings.HasSuffix(l.text, ".") || isLeadIn(l.text) {
		return false
	}
	for _, m := range lines[i+1:] {
		if !m.blank && m.rule == "" {
			return true
		}
	}
	return false
}

// splitLines cuts text at its line breaks: "\n", "\r\n", or a lone "\r"
// (old Mac files), each line with its white space trimmed.
func splitLines(text string) []line {
	var lines []line
	for start := 0; start < len(text); {
		end := strings.IndexAny(text[start:], "\r\n")
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 1
			if text[end] == '\r' && next < len(text) && text[next] == '\n' {
				next++
			}
		}
		raw := text[start:end]
		ts, te := start, end
		for ts < te {
			r, size := utf8.DecodeRuneInString(text[ts:])
			if !unicode.IsSpace(r) {
				break
			}
			ts += size
		}
		for te > ts {
			r, size := utf8.DecodeLastRuneInString(text[ts:te])
			if !unicode.IsSpace(r) {
				break
			}
			te -= size
		}
		lines = append(lines, line{start: ts, end: te, rawEnd: start + len(raw), text: text[ts:te], blank: ts == te})
		start = next
	}
	return lines
}

// markMarkdown strips heading marks from Markdown headings and removes front
// matter, horizontal rules and the underlines of setext headings, and
// returns what the front matter says of the article. Front matter is a
// block that opens the file with "---" and closes with "---", every line in
// it YAML's "key: value", or a list item, comment or indented line under a
// key. A "---" that opens anything else (story paragraphs, a heading) is a
// thematic break, removed on its own. A line of "=" or "-" marks right
// under a line of text with a blank line (or nothing) above it underlines
// a setext heading: the line above is the heading.
func markMarkdown(text string, lines []line) frontMatter {
	frontEnd := -1 // the line closing the front matter
	var front frontMatter
	if open := firstContent(lines); open >= 0 && lines[open].text == "---" {
		if frontEnd = frontMatterEnd(text, lines, open); frontEnd >= 0 {
			front = readFrontMatter(text, lines[open+1:frontEnd])
		}
	}
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		if i <= frontEnd {
			l.rule = RuleMarkup
			continue
		}
		if isSetextUnderline(l.text) {
			l.rule = RuleMarkup
			if i > 0 && isSetextHeading(lines, i-1) {
				lines[i-1].headingMD = true
			}
			continue
		}
		if strings.Trim(l.text, "-*_ ") == "" {
			l.rule = RuleMarkup
			continue
		}
		if strings.HasPrefix(l.text, "#") {
			n := len(l.text) - len(strings.TrimLeft(l.text, "#"))
			rest := strings.TrimRight(strings.TrimLeft(l.text[n:], " \t"), "# \t")
			switch {
			case n > 6 || (n < len(l.text) && l.text[n] != ' ' && l.text[n] != '\t'):
				// "#hashtag" or "#######": not a heading.
			case rest == "":
				l.rule = RuleMarkup
			default:
				l.start = l.start + strings.Index(l.text, rest)
				l.text = rest
				l.end = l.start + len(rest)
				l.headingMD = true
			}
		}
	}
	return front
}

// isSetextUnderline says whether a line is all "=" or all "-" marks, as
// underlines a setext heading. A line of "=" marks is removed as markup
// whether or not it underlines a heading, as a rule of "-" marks is.
func isSetextUnderline(s string) bool {
	return s != "" && (strings.Trim(s, "=") == "" || strings.Trim(s, "-") == "")
}

// isSetextHeading says whether lines[i], just above a setext underline, is
// the text of a heading: a line of text, not an ATX heading, a rule or a
// bullet, that stands alone with a blank line, the start of the file or
// markup above it. The lines of a longer paragraph are left as text: the
// cleaner's headline is one line.
func isSetextHeading(lines []line, i int) bool {
	l := &lines[i]
	if l.blank || l.rule != "" || l.headingMD || isBullet(l.text) {
		return false
	}
	return i == 0 || lines[i-1].blank || lines[i-1].rule == RuleMarkup
}

// frontMatter is what a Markdown file's front matter says of its article.
type frontMatter struct {
	title string // "title:", or else "headline:"
	date  string // "date:", or else "published:", as YYYY-MM-DD
}

// readFrontMatter reads the title and date out of the lines of front
// matter between its "---" lines. A key counts only at the top level (not
// indented); its value may be quoted, plain with a "# comment" after it,
// or folded over the indented lines under it ("title: >").
func readFrontMatter(text string, lines []line) frontMatter {
	values := map[string]string{}
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		if l.blank || isIndented(text, l) || !yamlKey().MatchString(l.text) {
			continue
		}
		colon := strings.IndexByte(l.text, ':')
		key := strings.ToLower(l.text[:colon])
		switch key {
		case "title", "headline", "date", "published":
		default:
			continue
		}
		if _, seen := values[key]; seen {
			continue // YAML forbids a key given twice; the first one counts
		}
		// The indented lines under the key continue its value.
		var more []string
		for i+1 < len(lines) && (lines[i+1].blank || isIndented(text, &lines[i+1])) {
			i++
			if !lines[i].blank {
				more = append(more, lines[i].text)
			}
		}
		values[key] = yamlScalar(strings.TrimSpace(l.text[colon+1:]), more)
	}
	front := frontMatter{title: cmp.Or(values["title"], values["headline"])}
	for _, key := range []string{"date", "published"} {
		v := values[key]
		if d := cmp.Or(normalizeDate(v), findDate(v)); d != "" {
			front.date = d
			break
		}
	}
	return front
}

// isIndented says whether a line starts after a space or tab.
func isIndented(text string, l *line) bool {
	return l.start > 0 && (text[l.start-1] == ' ' || text[l.start-1] == '\t')
}

// yamlScalar reads a YAML value from the rest of its key's line and the
// lines indented under it: a quoted string, a block scalar ("|" or ">" and the lines under it,
// joined with spaces here), or a plain value, which the lines under it
// continue and a " #" ends. A list or a map under the key gives "". White
// space runs are read as one space.
func yamlScalar(v string, more []string) string {
	switch {
	case strings.HasPrefix(v, `"`):
		// Up to the last quote mark: the loader has read the backslashes
		// of escaped quotes out of a Markdown file already.
		if end := strings.LastIndexByte(v, '"'); end > 0 {
			v = v[:end]
		}
		v = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(v[1:])
	case strings.HasPrefix(v, "'"):
		var b strings.Builder
		for i := 1; i < len(v); i++ {
			if v[i] == '\'' {
				if i+1 >= len(v) || v[i+1] != '\'' {
					break
				}
				i++
			}
			b.WriteByte(v[i])
		}
		v = b.String()
	case strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">"):
		v = strings.Join(more, " ")
	case v == "" || strings.HasPrefix(v, "#"):
		return "" // a list or map under the key, or nothing
	default:
		if i := strings.Index(v, " #"); i >= 0 {
			v = v[:i]
		}
		if len(more) > 0 {
			v += " " + strings.Join(more, " ")
		}
	}
	return strings.Join(strings.Fields(v), " ")
}

// yamlKey is a line of YAML front matter that starts a key: "title: Bridge
// falls", "tags:".
var yamlKey = lazyRegexp(`^[A-Za-z0-9_][A-Za-z0-9_.-]*:(?:\s|$)`)

// frontMatterEnd returns the index of the "---" line that closes the front
// matter opened by the "---" at lines[open], or -1 when what follows it is
// not front matter: a line that is not a "key: value" pair, nor a list
// item, comment or indented line (a nested or folded value) under a key,
// or no closing "---" at all.
func frontMatterEnd(text string, lines []line, open int) int {
	underKey := false
	for i := open + 1; i < len(lines); i++ {
		l := &lines[i]
		indented := l.start > 0 && (text[l.start-1] == ' ' || text[l.start-1] == '\t')
		switch {
		case l.blank:
		case l.text == "---":
			return i
		case yamlKey().MatchString(l.text):
			underKey = true
		case underKey && (indented || l.text == "-" || strings.HasPrefix(l.text, "- ") || strings.HasPrefix(l.text, "#")):
		default:
			return -1
		}
	}
	return -1
}

// signsQuoteAbove says whether lines[i], a line opening with a dash,
// signs the quotation ending the line above it, or the paragraph above it:
// "“We let our passengers down.”" then "— Lena Varga, chief executive". It
// names someone in two words or more, so a page's link ("— Home") is
// none.
func signsQuoteAbove(lines []line, i int) bool {
	name := signatureName(lines[i].text)
	if dash, _ := utf8.DecodeRuneInString(lines[i].text); name == "" || countFields(name, 2) < 2 || !strings.ContainsRune("—―–-", dash) {
		return false
	}
	j := i - 1
	if j >= 0 && lines[j].blank {
		j--
	}
	if j < 0 || lines[j].blank || lines[j].rule != "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(lines[j].text)
	return r == '"' || r == '”' || r == '»'
}

// lineRule names the furniture rule a line matches on its own, or "".
func lineRule(s string) string {
	n := countFields(s, 15) // the rules below look at lines of 14 words or fewer
	switch {
	case mayBeCopyright(s) && isCopyrightNotice(s):
		return RuleCopyright
	case n <= 12 && (isWidgetLine(s) || adWordsOnly(s) && adLine().MatchString(s)), isSitePrompt(s):
		return RuleWidget
	case n <= 8 && commentRe().MatchString(s) && !endsSentence(s):
		return RuleComment
	case isRelatedHeading(s, n), isRelatedLabel(s):
		return RuleRelated
	case isBullet(s) && n <= 8 && !endsSentence(s):
		return RuleNavigation
	case n <= 14 && isDateline(s):
		return RuleDateline
	case n <= 14 && hasPrefixFold(s, "by") && bylineRe().MatchString(s) && bylineWords(s) <= 10 &&
		(!strings.HasSuffix(s, ".") || bylineEndsInTime(s)):
		return RuleByline
	}
	return labelRule(s, n)
}

// mayBeCopyright is the quick test of a copyright line: a mark near its
// start, "(c)" or "Copyright" opening it, or "All rights reserved".
func mayBeCopyright(s string) bool {
	return strings.Contains(s[:min(len(s), maxMarkAt+len("©"))], "©") || hasPrefixFold(s, "(c) ") || hasPrefixFold(s, "copyright") ||
		containsFold(s, "all rights reserved")
}

// labelRule names the rule of a line that a label opens, n its words as
// countFields counts them (up to 15), or "": an editor's note
// ("Correction: ..."), a caption's label ("Image caption", "Media caption,
// Drone footage of the berth"), a photo credit ("Photo: Ana Ruiz/Getty"),
// the credits of a wire story ("Reporting by Jane Roe; Editing by Tom
// Lee"), a time stamp that counts back or a date's label on its own line
// ("Updated 2 hours ago", "Published"), or a heading of tags ("Topics").
// Each is judged by its first word first, as most lines start with none of
// them.
func labelRule(s string, n int) string {
	if s == "" {
		return ""
	}
	c := s[0] | 0x20
	switch {
	case (c == 'c' || c == 'e' || c == 't' || c == 'a') && isEditorNote(s):
		return RuleEditorNote
	case (c == 'i' || c == 'm' || c == 'v' || c == 'p' || c == 'c') && isCaptionLabel(s):
		return RuleCaption
	case (c == 'p' || c == 'i' || c == 'c' || c == '(') && isPhotoCredit(s):
		return RuleCopyright
	case isCreditLine(s, c):
		return RuleByline
	case n <= 6 && isTimeStamp(s):
		return RuleDateline
	case n <= 3 && (c == 't' || c == 'f' || c == 'c') && isTagsHeading(s):
		return RuleRelated
	}
	return ""
}

// isEditorNote says whether a line is an editor's note on the story
// itself: "Correction: An earlier version of this story misstated ...",
// "Clarification (March 4, 2026): ...", "Editor's note: ...", "This
// article was amended on 4 March 2026 ...", "An earlier version of this
// story ...". A label must stand alone before its colon, or with a date:
// "Correction notices were posted at the gate: ..." is the story's.
func isEditorNote(s string) bool {
	if c := s[0] | 0x20; c != 'c' && c != 'e' {
		return (hasPrefixFold(s, "this ") || hasPrefixFold(s, "an earlier")) && editorNote().MatchString(s)
	}
	if colon := strings.IndexByte(s[:min(len(s), 41)], ':'); colon > 0 {
		label := s[:colon]
		for _, w := range []string{"corrections", "correction", "clarifications", "clarification",
			"editor's note", "editor’s note", "editors' note", "editors’ note", "editor note"} {
			if hasPrefixFold(label, w) {
				rest := strings.TrimSpace(label[len(w):])
				return rest == "" || strings.ContainsAny(rest, "0123456789")
			}
		}
	}
	return false
}

// editorNote is a note that opens by speaking of the story itself: "This
// article was amended on ...", "An earlier version of this story ...".
var editorNote = lazyRegexp(`(?i)^(?:this (?:article|story|piece|report|page) (?:was|has been) (?:amended|corrected|updated|changed|edited)\b|an earlier version of this (?:article|story|piece|report)\b)`)

// captionLabel is the label a page puts before or over a photo's or a
// video's caption: "Image caption", "Media caption,", "Caption:",
// "Pictured:", and "Photo:" alone on its line (with a name after it,
// "Photo:" credits the photo: see isPhotoCredit).
var captionLabel = lazyRegexp(`(?i)^(?:(?:image|media|video|photo|picture)\s+caption\b[\s,:.]*|caption\s*:\s*|pictured\s*:\s*|(?:photo|picture|image)\s*:\s*$)`)

// isCaptionLabel says whether a line is a caption's label, alone or with
// the caption after it (see captionText).
func isCaptionLabel(s string) bool {
	return (hasPrefixFold(s, "image") || hasPrefixFold(s, "media") || hasPrefixFold(s, "video") ||
		hasPrefixFold(s, "photo") || hasPrefixFold(s, "picture") || hasPrefixFold(s, "caption")) &&
		captionLabel().MatchString(s)
}

// captionText returns the caption a caption's line holds, without its
// label: "Media caption, Drone footage of the berth" gives "Drone footage
// of the berth", and a label alone gives "".
func captionText(s string) string {
	if isCaptionLabel(s) {
		return s[len(captionLabel().FindString(s)):]
	}
	return s
}

// maxLabelledCaptionWords is the most words of a line taken for the
// caption a label alone on the line above announces.
const maxLabelledCaptionWords = 30

// underLabel says whether line i stands right under a caption's label
// alone on line label: on the next line, or, on an HTML page, where every
// block stands apart, in the next block. A label with a blank line under
// it in a text has lost its caption (the page gave it as an image's
// text): what follows is the story's.
func underLabel(lines []line, label, i int, html bool) bool {
	for j := label + 1; j < i; j++ {
		if !html || !lines[j].blank {
			return false
		}
	}
	return true
}

// isLabelledCaption says whether a line under a caption's label alone can
// be its caption: a phrase or one sentence of maxLabelledCaptionWords
// words or fewer. A paragraph of two sentences or more is the story's.
func isLabelledCaption(s string) bool {
	if countFields(s, maxLabelledCaptionWords+1) > maxLabelledCaptionWords {
		return false
	}
	for i := 0; i+2 < len(s); i++ {
		if c := s[i]; (c == '.' || c == '?' || c == '!') && s[i+1] == ' ' {
			if r := firstRune(strings.TrimLeft(s[i+1:], " \"“‘'")); unicode.IsUpper(r) || unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// photoCreditLabel opens a photo credit: "Photo:", "Photograph:", "Image
// source,", "Picture by".
var photoCreditLabel = lazyRegexp(`(?i)^\(?(?:(?:photo(?:graph)?|picture|image|pic)s?(?:\s+(?:credit|source))?\s*[:,]|(?:photo(?:graph)?|picture|image)s?\s+by\b|credits?\s*:)\s*`)

// isPhotoCredit says whether a line credits a photo: a label ("Photo:",
// "Photograph:", "Image source,", "Photo by", "Credit:") and after it a
// name of eight words or fewer, each starting with a capital, a digit or a
// "©", but for a few small words ("AFP via Getty Images", "Harbor Ledger
// staff", "Ana Ruiz/Getty"). A caption that says what a photo shows ("Photo:
// the crane in 1996") is no credit.
func isPhotoCredit(s string) bool {
	if !hasPrefixFold(s, "photo") && !hasPrefixFold(s, "pic") && !hasPrefixFold(s, "image") &&
		!hasPrefixFold(s, "credit") && !hasPrefixFold(s, "(") {
		return false
	}
	m := photoCreditLabel().FindString(s)
	if m == "" {
		return false
	}
	rest := strings.TrimRight(s[len(m):], ").")
	words := strings.Fields(rest)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		switch r := firstRune(w); {
		case unicode.IsUpper(r), unicode.IsDigit(r), r == '©', r == '/':
		case w == "via", w == "for", w == "and", w == "of", w == "the", w == "staff", w == "handout",
			w == "file", w == "supplied", w == "courtesy", w == "by":
		default:
			return false
		}
	}
	return true
}

// creditPart opens a part of a wire story's credits, up to the names:
// "Reporting by", "Additional reporting by", "Writing by", "Editing by",
// "Compiled by", in brackets or not.
var creditPart = lazyRegexp(`(?i)^(?:additional |further |with )?(?:reporting|writing|editing|research|compiled|written|edited|produced|graphics|photography|video|illustrations?|translation|translated|fact-checking)(?: and (?:reporting|writing|editing|research|graphics|photography|video))? by\s+`)

// isCreditLine says whether a line gives a story's credits, parts cut by
// semicolons, each a credit (see creditPart) and names: "Reporting by
// Jane Roe in Portvale; Editing by Tom Lee and Sam Park". A name's words
// start with capitals, but for "and", "in", "from" and a few more, so
// that a sentence ("Reporting by the Harbor Ledger revealed the faults.")
// is no credit. c is the line's first byte in lower case.
func isCreditLine(s string, c byte) bool {
	if c == '(' {
		s = strings.TrimSuffix(s[1:], ")") // "(Reporting by Sam Park)"
	}
	if !startsCredit(s) {
		return false
	}
	for _, part := range strings.Split(strings.TrimSuffix(s, "."), ";") {
		// A part may hold more credits after commas: "Writing by Jane
		// Roe, editing by Tom Lee".
		for rest := strings.TrimSpace(part); rest != ""; {
			m := creditPart().FindString(rest)
			if m == "" {
				return false
			}
			names, next := rest[len(m):], ""
			for i := strings.IndexByte(names, ','); i >= 0; {
				if after := strings.TrimSpace(names[i+1:]); creditPart().MatchString(after) {
					names, next = names[:i], after
					break
				}
				j := strings.IndexByte(names[i+1:], ',')
				if j < 0 {
					break
				}
				i += 1 + j
			}
			if !creditNames(names) {
				return false
			}
			rest = next
		}
	}
	return true
}

// startsCredit says whether s starts with a word that may open a
// credit (see creditPart): a quick test before the pattern.
func startsCredit(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] | 0x20 {
	case 'a':
		return hasPrefixFold(s, "additional ")
	case 'c':
		return hasPrefixFold(s, "compiled")
	case 'e':
		return hasPrefixFold(s, "editing") || hasPrefixFold(s, "edited")
	case 'f':
		return hasPrefixFold(s, "further ") || hasPrefixFold(s, "fact-checking")
	case 'g':
		return hasPrefixFold(s, "graphics")
	case 'i':
		return hasPrefixFold(s, "illustration")
	case 'p':
		return hasPrefixFold(s, "produced") || hasPrefixFold(s, "photography")
	case 'r':
		return hasPrefixFold(s, "reporting") || hasPrefixFold(s, "research")
	case 't':
		return hasPrefixFold(s, "translat")
	case 'v':
		return hasPrefixFold(s, "video")
	case 'w':
		return hasPrefixFold(s, "with ") || hasPrefixFold(s, "writing") || hasPrefixFold(s, "written")
	}
	return false
}

// creditNames says whether the text after a credit ("Reporting by") is
// names: words that start with capitals, but for "and", "in", "from" and
// a few more, the first a capital's.
func creditNames(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || !unicode.IsUpper(firstRune(words[0])) {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",")
		switch r := firstRune(w); {
		case unicode.IsUpper(r), w == "":
		case w == "and", w == "in", w == "from", w == "at", w == "the", w == "of", w == "&", w == "with":
		default:
			return false
		}
	}
	return true
}

// isTimeStamp says whether a line of a few words says when and nothing
// more by counting back, with or without a label ("2 hours ago", "Updated
// 2 hours ago", "Last updated: yesterday"), or is a date's label on a line
// of its own above the date ("Published", "Last updated").
func isTimeStamp(s string) bool {
	t, labelled := trimStampLabel(s)
	if t == "" {
		return labelled
	}
	if !containsFold(t, "ago") && !hasPrefixFold(t, "yesterday") && !hasPrefixFold(t, "today") && !hasPrefixFold(t, "just now") {
		return false
	}
	return relativeTime().MatchString(t)
}

// trimStampLabel reads a time stamp's label off the front of s ("Last
// updated:", "Published on"), saying whether there was one.
func trimStampLabel(s string) (rest string, labelled bool) {
	t := s
	if hasPrefixFold(t, "first ") || hasPrefixFold(t, "last ") {
		t = strings.TrimLeft(t[strings.IndexByte(t, ' '):], " ")
	}
	for _, w := range []string{"updated", "published", "posted", "modified"} {
		if hasPrefixFold(t, w) {
			t = strings.TrimLeft(t[len(w):], " \t:")
			if hasPrefixFold(t, "on ") {
				t = strings.TrimLeft(t[len("on "):], " \t")
			}
			return t, true
		}
	}
	return s, false
}

// isUpdatedLabel says whether a line is the label "Updated", "Last
// updated" or "Modified" alone, above the date it labels.
func isUpdatedLabel(s string) bool {
	rest, labelled := trimStampLabel(s)
	return labelled && rest == "" && dateLabel(s) == labelUpdated
}

// isTagsHeading says whether a line heads a story's tags: "Topics",
// "Tags:", "Filed under", "Categories".
func isTagsHeading(s string) bool {
	s = strings.TrimSpace(strings.TrimSuffix(s, ":"))
	for _, h := range []string{"topics", "tags", "filed under", "categories", "more on these topics"} {
		if len(s) == len(h) && asciiEqualFold(s, h) {
			return true
		}
	}
	return false
}

// isRelatedHeading says whether a line of n words (as countFields counts
// them, up to 15) heads links to more reading (see relatedRe): a short line
// that does not end a sentence, or a line of up to 14 words ending in a
// colon ("You might also be interested in these stories from Portvale:").
// Such a line is never a lead-in to the story's own list.
func isRelatedHeading(s string, n int) bool {
	if n > 14 || n > 8 && !strings.HasSuffix(s, ":") || endsSentence(s) {
		return false
	}
	return offersReading(trimBullets(s))
}

// offersReading says whether a heading offers more reading: it opens with
// words of relatedRe, and what follows them up to a colon is nothing, a
// mark ("| Harbor Ledger"), the place or topic the reading comes from
// ("Most read in Business", "More coverage of the bridge closure:") or the
// kind of reading ("Most popular stories", "Latest videos"). So a
// lead-in to the story's own list that happens to open so ("Latest
// figures from the port authority show:", "Popular routes were cut
// back:") offers none.
func offersReading(s string) bool {
	m := relatedRe().FindStringIndex(s)
	if m == nil {
		return false
	}
	rest := strings.TrimSpace(strings.TrimSuffix(s[m[1]:], ":"))
	if rest == "" || !unicode.IsLetter(firstRune(rest)) {
		return true
	}
	head := s[:m[1]]
	if i := strings.LastIndexByte(head, ' '); i >= 0 {
		head = head[i+1:]
	}
	word := rest
	if i := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		word = rest[:i]
	}
	return readingWords[strings.ToLower(head)] || readingWords[strings.ToLower(word)]
}

// readingWords are the words that may follow the opening of a heading
// that offers more reading, or end it: prepositions that name where the
// reading comes from, and kinds of reading.
var readingWords = map[string]bool{
	"from": true, "on": true, "in": true, "at": true, "about": true, "across": true, "around": true,
	"for": true, "of": true, "this": true, "these": true, "here": true, "elsewhere": true,
	"stories": true, "story": true, "articles": true, "news": true, "videos": true, "video": true,
	"headlines": true, "posts": true, "reads": true, "now": true, "today": true, "links": true,
	"content": true, "coverage": true, "updates": true, "podcasts": true, "galleries": true, "topics": true,
}

// isRelatedLabel says whether a line puts a link to another story on the
// story's own line after a label (see relatedLabel), whatever its length.
func isRelatedLabel(s string) bool {
	s = trimBullets(s)
	if s == "" {
		return false
	}
	switch s[0] | 0x20 { // a quick test before the pattern
	case 'r':
		if !hasPrefixFold(s, "read") && !hasPrefixFold(s, "related") {
			return false
		}
	case 'a', 's', 'm':
		if !hasPrefixFold(s, "also") && !hasPrefixFold(s, "see") && !hasPrefixFold(s, "more") {
			return false
		}
	default:
		return false
	}
	return relatedLabel().MatchString(s)
}

// trimBullets reads bullets and spaces off the front of a line.
func trimBullets(s string) string {
	if s != "" && isASCIILetter(s[0]) {
		return s // most lines: no bullet to trim
	}
	return strings.TrimLeft(s, bulletsAndSpace)
}

var bulletsAndSpace = bulletRune + " "

// isSitePrompt says whether a line is the site speaking to its reader
// rather than the story: a newsletter sign-up ("Sign up for our morning
// briefing and get the news that matters delivered to your inbox every
// day") or a cookie notice ("We use cookies to improve your experience. By
// continuing to browse you agree to our use of cookies"), whatever its
// length and whether or not it ends a sentence. A sign-up starts with "Sign
// up" or "Subscribe" and offers a newsletter, briefing or inbox of "our"
// or "your"; a cookie notice starts with "We use cookies", "This site uses
// cookies" or "By continuing ... cookies". Story sentences that mention
// newsletters or cookies start otherwise and are left alone.
//
// So are the notes a page sets around a story: a banner over an old story
// ("This article is more than 2 years old"), its reading or listening time
// ("Listen to this article · 4 min", "Read time: 3 minutes", "5 min
// read"), a link to the outlet's standards ("Our Standards: The Trust
// Principles."), and a call for readers' tips ("Get in touch", "Have you
// been affected by the closure? Contact us.", "Got a news tip?").
func isSitePrompt(s string) bool {
	s = trimBullets(s)
	if s == "" {
		return false
	}
	switch c := s[0] | 0x20; {
	case c == 's':
		if (hasPrefixFold(s, "sign up") || hasPrefixFold(s, "sign-up") || hasPrefixFold(s, "subscribe")) && newsletterPrompt().MatchString(s) {
			return true
		}
	case c == 'w', c == 't', c == 'o', c == 'b':
		if hasPrefixFold(s, "this ") && ageBanner().MatchString(s) {
			return true
		}
		if hasPrefixFold(s, "our standards") {
			return strings.HasPrefix(strings.TrimLeft(s[len("our standards"):], " "), ":")
		}
		if (hasPrefixFold(s, "we ") || hasPrefixFold(s, "this ") || hasPrefixFold(s, "our ") || hasPrefixFold(s, "by ")) && cookieNotice().MatchString(s) {
			return true
		}
	case c == 'l', c == 'r', c == 'e', c == 'a', '0' <= s[0] && s[0] <= '9':
		if len(s) <= maxReadingTimeBytes && (containsFold(s, "read") || containsFold(s, "listen")) && readingTime().MatchString(s) {
			return true
		}
	case c == 'g', c == 'h', c == 'd', c == 'c':
		if (hasPrefixFold(s, "get in touch") || hasPrefixFold(s, "have ") || hasPrefixFold(s, "got ") ||
			hasPrefixFold(s, "do you have") || hasPrefixFold(s, "contact us")) && readerCall().MatchString(s) {
			return true
		}
	}
	return isPaywallPrompt(s)
}

// isPaywallPrompt says whether a line is a paywall's, where a page stops
// its story for those who do not pay: "Subscribe to continue reading",
// "You have read all of your free articles this month. Subscribe now
// ...", "This article is for subscribers only", "Already a subscriber?
// Log in", "Create a free account to keep reading", "Get unlimited
// access". Story sentences do not open so.
func isPaywallPrompt(s string) bool {
	// A quick test of the opening words before the pattern.
	ok := false
	switch s[0] | 0x20 {
	case 's':
		ok = hasPrefixFold(s, "subscribe") || hasPrefixFold(s, "sign in") || hasPrefixFold(s, "sign up")
	case 'l':
		ok = hasPrefixFold(s, "log in") || hasPrefixFold(s, "login")
	case 'r':
		ok = hasPrefixFold(s, "register")
	case 'j':
		ok = hasPrefixFold(s, "join")
	case 'k':
		ok = hasPrefixFold(s, "keep reading")
	case 'c':
		ok = hasPrefixFold(s, "continue reading") || hasPrefixFold(s, "create a")
	case 't':
		ok = hasPrefixFold(s, "to continue") || hasPrefixFold(s, "to keep") ||
			hasPrefixFold(s, "this ") && (containsFold(s, "subscribers") || containsFold(s, "members"))
	case 'y':
		ok = hasPrefixFold(s, "you")
	case 'a':
		ok = hasPrefixFold(s, "already ")
	case 'g', 'e', 'u':
		ok = hasPrefixFold(s, "get ") || hasPrefixFold(s, "enjoy ") || hasPrefixFold(s, "unlock ")
	}
	return ok && paywallPrompt().MatchString(s)
}

var paywallPrompt = lazyRegexp(`(?i)^(?:` +
	`(?:subscribe|sign in|sign up|log in|login|register|join)(?: now| today| for free)?(?:\s+[^\s.!?]+){0,6}?\s+to (?:continue|keep) reading` +
	`|(?:to )?(?:continue|keep) reading\b[^.!?]{0,60}?\b(?:subscri|sign in|log in|register|free account|members?\b)` +
	`|(?:create|register for) an? (?:free )?account to (?:continue|keep) reading` +
	`|you(?:'ve|’ve| have) (?:read|reached|used|viewed|hit)\b[^.!?]{0,40}?\b(?:free (?:articles?|stories|reads|views)|(?:article|monthly|reading|free) limit)` +
	`|already (?:a subscriber|subscribed|a member|have an account)\b` +
	`|this (?:article|story|content|piece|page) is (?:only )?(?:for|available (?:only )?to|exclusive to|reserved for) (?:paying )?(?:subscribers|members)\b` +
	`|subscribe (?:now|today) (?:for|to|and)\b` +
	`|(?:get|enjoy|unlock) (?:unlimited|full|instant)(?: digital)? access\b` +
	`)`)

var (
	newsletterPrompt = lazyRegexp(`(?i)^(?:sign[ -]?up|subscribe)\b.*\b(?:our|your)\b.*\b(?:newsletters?|briefings?|bulletins?|digests?|inbox(?:es)?|e-?mails?)\b|` +
		`^(?:sign[ -]?up|subscribe)\b.*\b(?:newsletters?|briefings?|bulletins?|digests?|inbox(?:es)?|e-?mails?)\b.*\b(?:our|your)\b|` +
		// "Sign up for the Harbor Ledger Business newsletter": a
		// newsletter's name, nothing after it.
		`^(?:sign[ -]?up|subscribe)(?:\s+(?:to|for))?(?:\s+the)?(?:\s+[\p{L}\p{N}'’&-]+){0,5}\s+(?:newsletters?|briefings?|bulletins?|digests?)\s*!?$`)
	// readerCall asks readers for their stories: "Get in touch", "Have
	// you been affected by the closure? Contact us.", "Got a news tip?
	// Email us at ...".
	readerCall = lazyRegexp(`(?i)^(?:(?:get in touch|contact us)(?: with us)?[.!:]?$|(?:have you been affected|(?:do you have|have you got|got|have) (?:a (?:news )?(?:story|tip)|any information|information|a question)(?: for us)?)\b[^?]{0,80}\?)`)
	// ageBanner is the note a page puts over an old story: "This article
	// is more than 2 years old".
	ageBanner = lazyRegexp(`(?i)^this (?:article|story|page|piece|content|report) (?:is|was (?:first )?published) (?:(?:more than|over|at least|nearly|almost|about) )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:years?|months?) (?:old|ago)\.?$`)
	// readingTime is how long a story takes to read or hear: "Listen to
	// this article · 4 min", "Read time: 3 minutes", "5 min read".
	readingTime = lazyRegexp(`(?i)^(?:` +
		`listen to (?:this|the) (?:article|story)(?:[\s·•|:,()\-–—]*(?:\d+(?::\d\d)?\s*(?:min(?:ute)?s?|m)?\.?)?\)?)?` +
		`|(?:estimated )?(?:read(?:ing)?|listening) time\s*:?\s*(?:about |approx\.? |approximately )?` + countWord + `[\s-]*(?:min(?:ute)?s?|m)\.?` +
		`|(?:about )?` + countWord + `[\s-]*(?:min(?:ute)?s?|m)\.?\s+(?:read|listen)(?:ing)?` +
		`)$`)
	cookieNotice = lazyRegexp(`(?i)^(?:we(?: and our partners)? use cookies|(?:this|our) (?:web)?site uses cookies|by (?:continuing|using)\b.*\bcookies\b)`)
)

// maxReadingTimeBytes is the longest line read as a reading time ("Listen
// to this article · 4 min").
const maxReadingTimeBytes = 64

// countWord is a small count in figures or words.
const countWord = `(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)`

// bylineWords counts the words of a byline that do not say when: "By Jane
// Roe, Harbor Ledger | Published 7:15 a.m. March 3, 2026" has six ("2026",
// cut from its date by a comma, counts). The fields are cut at bars and
// commas; the first, "By" and the name, counts whole, a later one that is
// a date or time ("Updated 2 hours ago") counts nothing, and marks standing
// alone are no words.
func bylineWords(s string) int {
	n := 0
	for i, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' }) {
		if i > 0 && isDateOrTime(f) {
			continue
		}
		for _, w := range strings.Fields(f) {
			if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				n++
			}
		}
	}
	return n
}

// maxNoticeWords is the most words a copyright notice runs to, with the
// links that may share its line ("| About Us | Contact Us | Privacy").
const maxNoticeWords = 20

// isCopyrightNotice says whether a line that starts with a copyright mark
// ("©", "(c)", "Copyright") or holds "All rights reserved" is a notice:
// "© 2026 Harbor Ledger Media. All rights reserved.", "Copyright 2026
// Fictional Wire", "(c) Harbor Ledger", a photo credit ("© Jane Roe /
// Fictional Pictures"). A notice is short, and once its marks and years are
// read off, each of its parts (cut at ".", ",", ";" and bars) is "All
// rights reserved" or a name of six words or fewer. Story sentences that
// use the words are left alone: "Copyright lawyers for the designer said
// on Wednesday that ..." (a part of more than six words is prose, and so is
// one starting in lower case after "Copyright" or "(c)", which can open a
// sentence or a lettered clause where "©" cannot), and "The city said all
// rights reserved under the contract ..." (without a mark in front, "All
// rights reserved" must be a part of its own).
//
// A notice with legal boilerplate may run longer and hold clauses of any
// length (see isLegalNotice).
func isCopyrightNotice(s string) bool {
	if _, notice, ok := markAfterName(s); ok {
		return isCopyrightNotice(notice)
	}
	if isLegalNotice(s) {
		return true
	}
	if countFields(s, maxNoticeWords+1) > maxNoticeWords {
		return false
	}
	sign := strings.HasPrefix(s, "©")
	marked := sign || hasPrefixFold(s, "(c) ") || hasPrefixFold(s, "copyright")
	reserved := false // "All rights reserved" stands as a part
	for _, part := range strings.FieldsFunc(s, isNoticeCut) {
		part = strings.TrimFunc(trimCopyrightMarks(part), func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r)
		})
		switch {
		case part == "":
		case len(part) == len("all rights reserved") && asciiEqualFold(part, "all rights reserved"):
			reserved = true
		case countFields(part, 7) > 6:
			return false
		case !sign && unicode.IsLower(firstRune(part)):
			return false
		}
	}
	return marked || reserved
}

// maxLegalNoticeWords is the most words a copyright notice with legal
// boilerplate runs to.
const maxLegalNoticeWords = 60

// isLegalNotice says whether a line is a copyright notice with legal
// boilerplate after it: "Copyright © 2026 Harbor Ledger Media Group. All
// rights reserved. Reproduction in whole or in part without written
// permission is prohibited.", "© 2026 The Harbor Ledger. Use of this site
// constitutes acceptance of our User Agreement and Privacy Policy." It
// starts with "©", or with "Copyright" or "(c)" and then "©" or a year, so
// that prose cannot ("Copyright lawyers said ..."); it says "All rights
// reserved" or speaks of reproduction, permission, a user agreement, a
// privacy policy or terms; and what comes first after its marks and years
// is empty, "All rights reserved" or a name (six words or fewer, starting
// with a capital or a digit).
func isLegalNotice(s string) bool {
	switch {
	case strings.HasPrefix(s, "©"):
	case hasPrefixFold(s, "copyright"), hasPrefixFold(s, "(c) "):
		mark := len("copyright")
		if s[0] == '(' {
			mark = len("(c)")
		}
		if rest := strings.TrimSpace(s[mark:]); !strings.HasPrefix(rest, "©") && !startsWithYear(rest) {
			return false
		}
	default:
		return false
	}
	if countFields(s, maxLegalNoticeWords+1) > maxLegalNoticeWords {
		return false
	}
	legal := false
	for _, w := range []string{"all rights reserved", "reproduc", "permission", "user agreement", "privacy policy", "terms of", "terms and conditions"} {
		if containsFold(s, w) {
			legal = true
			break
		}
	}
	if !legal {
		return false
	}
	owner := trimCopyrightMarks(s)
	if i := strings.IndexFunc(owner, isNoticeCut); i >= 0 {
		owner = owner[:i]
	}
	owner = strings.TrimSpace(owner)
	return owner == "" || len(owner) == len("all rights reserved") && asciiEqualFold(owner, "all rights reserved") ||
		countFields(owner, 7) <= 6 && (unicode.IsUpper(firstRune(owner)) || unicode.IsDigit(firstRune(owner)))
}

// maxMarkAt is the furthest into a line a copyright mark stands: after a
// name of six words at most (see markAfterName).
const maxMarkAt = 100

// markAfterName splits a notice that puts its mark after the owner's
// name, "Harbor Ledger © 2026" or "Harbor Ledger ©2026. All rights
// reserved.", into the name and the notice from the mark on. It says no
// (ok false) unless the text before the mark is a name (see isNoticeName)
// and the mark is followed by nothing but years up to the notice's first
// cut, so that a photo credit ("Jane Roe © Fictional Pictures") and prose
// ("The logo bears a © 2026 mark.") are not read so.
func markAfterName(s string) (name, notice string, ok bool) {
	i := strings.Index(s[:min(len(s), maxMarkAt+len("©"))], "©")
	if i <= 0 {
		return "", "", false
	}
	name, notice = strings.TrimSpace(s[:i]), s[i:]
	rest := trimCopyrightMarks(notice)
	if j := strings.IndexFunc(rest, isNoticeCut); j >= 0 {
		rest = rest[:j]
	}
	if strings.TrimSpace(rest) != "" || !isNoticeName(name) {
		return "", "", false
	}
	return name, notice, true
}

// isNoticeName says whether s reads as the name of a notice's owner: one
// to six words of letters, digits, "&", "'" and "-", each starting with a
// capital or a digit but for "of", "the", "and" and "for" ("Harbor Ledger",
// "Bank of Ostrel"), and not a copyright mark ("Copyright").
func isNoticeName(s string) bool {
	words := 0
	for _, w := range strings.Fields(s) {
		words++
		if words > 6 {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("&'’-", r) {
				return false
			}
		}
		switch r := firstRune(w); {
		case unicode.IsUpper(r), unicode.IsDigit(r), r == '&':
		case w == "of", w == "the", w == "and", w == "for":
		default:
			return false
		}
	}
	return words > 0 && !hasPrefixFold(s, "copyright")
}

// isNoticeCut says whether r parts a copyright line: "© 2026 Harbor Ledger.
// All rights reserved. | Privacy".
func isNoticeCut(r rune) bool {
	return r == '.' || r == ',' || r == ';' || r == '|' || r == '•' || r == '·'
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// trimCopyrightMarks reads the marks and years off the front of a
// copyright notice: "© Copyright 2012 Press TV" gives "Press TV".
func trimCopyrightMarks(s string) string {
	s = strings.TrimSpace(s)
	for {
		before := s
		s = strings.TrimPrefix(s, "©")
		s = strings.TrimSpace(s)
		for _, p := range []string{"Copyright", "COPYRIGHT", "copyright", "(c)", "(C)"} {
			s = strings.TrimPrefix(s, p)
		}
		s = strings.TrimSpace(s)
		if loc := yearRe().FindStringIndex(s); loc != nil && loc[0] == 0 {
			s = strings.TrimSpace(s[loc[1]:])
		}
		if s == before {
			return s
		}
	}
}

// bylineEndsInTime says whether a byline that ends in a period ends in a
// date or time whose period it is, after a bar or comma: "By Jane Roe |
// Updated 10:42 a.m.", "By Jane Roe, March 3, 2026.". A sentence that
// starts with "By" ("By Tuesday, the council had agreed.") is not a
// byline.
func bylineEndsInTime(s string) bool {
	for i, r := range s {
		if r == '|' || r == ',' {
			if field := strings.TrimSpace(s[i+1:]); isDateline(field) || relativeTime().MatchString(field) {
				return true
			}
		}
	}
	return false
}

func isBullet(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(bulletRune, r) {
		return false
	}
	rest := s[size:]
	return rest == "" || rest[0] == ' ' || rest[0] == '\t' || r == '•' || r == '·' || r == '▪'
}

// isWidgetLine matches share bars ("Share | Email | Print") and social
// prompts ("Follow Us"): every word is a widget word, or the line is three or
// more short items split by bars or bullets.
func isWidgetLine(s string) bool {
	if endsSentence(s) {
		return false
	}
	allWidget := true
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, "|•·:,;!()[]")
		if w != "" && !widgetWords[w] {
			allWidget = false
			break
		}
	}
	if allWidget {
		return true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '•' || r == '·' })
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if len(strings.Fields(p)) > 3 {
			return false
		}
	}
	return true
}

// isDateline matches a line that holds a date or time and little else.
func isDateline(s string) bool {
	if !strings.ContainsAny(s, "0123456789") || !(strings.ContainsAny(s, ":-") || hasMonth(s) || mayHoldNumericDate(s) && hasYear(s)) {
		return false
	}
	if !hasYear(s) && !strings.Contains(s, ":") {
		return false // neither a date nor a time
	}
	// A date in figures that cannot be read for sure ("03/04/2026") is a
	// date all the same.
	numeric := mayHoldNumericDate(s) && dateNumeric().MatchString(s)
	if !numeric && findDate(s) == "" && !timeRe().MatchString(s) {
		return false
	}
	rest := dateMDY().ReplaceAllString(s, " ")
	rest = dateDMY().ReplaceAllString(rest, " ")
	rest = dateISO().ReplaceAllString(rest, " ")
	if numeric {
		rest = dateNumeric().ReplaceAllString(rest, " ")
	}
	rest = timeRe().ReplaceAllString(rest, " ")
	rest = datePunct().ReplaceAllString(rest, " ")
	rest = yearRe().ReplaceAllString(rest, " ")
	return len(strings.Fields(rest)) <= 1
}

// hasYear says whether a run of digits in s starts with a year from 1900
// to 2099, as every date pattern's year does: a cheap test before them.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (i > 0 && isDigit(s[i-1])) || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') {
			continue
		}
		if isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

// startsWithYear says whether s starts with a year from 1900 to 2099 that
// is not the start of a longer number.
func startsWithYear(s string) bool {
	return len(s) >= 4 && hasYear(s[:4]) && (len(s) == 4 || !isDigit(s[4]))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// hasMonth says whether a word of s starts with a month's first three
// letters: a cheap test before the date patterns.
func hasMonth(s string) bool {
	start := -1 // of the run of letters being read
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && isMonthWord(s[start:i]) {
			return true
		}
		start = -1
	}
	return start >= 0 && isMonthWord(s[start:])
}

// isMonthWord says whether a word's first three bytes, in lower case, name
// a month (as a key of monthNumber). It packs them into a number and
// switches on it, with no map lookup: hasMonth asks of every word of a
// short line.
func isMonthWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	var key uint32
	for k := range 3 {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = key<<8 | uint32(c)
	}
	switch key {
	case 'j'<<16 | 'a'<<8 | 'n', 'f'<<16 | 'e'<<8 | 'b', 'm'<<16 | 'a'<<8 | 'r', 'a'<<16 | 'p'<<8 | 'r',
		'm'<<16 | 'a'<<8 | 'y', 'j'<<16 | 'u'<<8 | 'n', 'j'<<16 | 'u'<<8 | 'l', 'a'<<16 | 'u'<<8 | 'g',
		's'<<16 | 'e'<<8 | 'p', 'o'<<16 | 'c'<<8 | 't', 'n'<<16 | 'o'<<8 | 'v', 'd'<<16 | 'e'<<8 | 'c':
		return true
	}
	return false
}

var monthNumber = map[string]string{
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06",
	"jul": "07", "aug": "08", "sep": "09", "oct": "10", "nov": "11", "dec": "12",
}

// findDate returns the first date in s as YYYY-MM-DD, or "".
func findDate(s string) string {
	if dates := datesIn(s); len(dates) > 0 {
		return dates[0].date
	}
	return ""
}

// foundDate is a date found in a line: where it stands, YYYY-MM-DD.
type foundDate struct {
	start, end int
	date       string
}

// datesIn returns the real calendar dates written in s, in the order they
// stand, whatever their form: "2026-02-14", "Feb. 15, 2026", "14 February
// 2026".
func datesIn(s string) []foundDate {
	if !hasYear(s) {
		return nil // every date pattern holds a year
	}
	var dates []foundDate
	for _, m := range dateISO().FindAllStringSubmatchIndex(s, -1) {
		dates = append(dates, foundDate{m[0], m[1], normalizeDate(s[m[0]:m[1]])})
	}
	for _, m := range dateMDY().FindAllStringSubmatchIndex(s, -1) {
		dates = append(dates, foundDate{m[0], m[1], ymd(s[m[6]:m[7]], monthNumber[strings.ToLower(s[m[2]:m[2]+3])], s[m[4]:m[5]])})
	}
	for _, m := range dateDMY().FindAllStringSubmatchIndex(s, -1) {
		dates = append(dates, foundDate{m[0], m[1], ymd(s[m[6]:m[7]], monthNumber[strings.ToLower(s[m[4]:m[4]+3])], s[m[2]:m[3]])})
	}
	if mayHoldNumericDate(s) {
		for _, m := range dateNumeric().FindAllStringSubmatchIndex(s, -1) {
			dates = append(dates, foundDate{m[0], m[1], numericDate(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]], s[m[8]:m[9]], s[m[10]:m[11]])})
		}
	}
	slices.SortFunc(dates, func(a, b foundDate) int { return a.start - b.start })
	// Keep the real dates, and of two that overlap the one that starts first.
	kept, end := dates[:0], 0
	for _, d := range dates {
		if d.date != "" && d.start >= end {
			kept = append(kept, d)
			end = d.end
		}
	}
	return kept
}

// publishedDate returns the publication date a dateline or byline gives:
// the date labelled "Published" or "Posted", or else the first date on the
// line that is not labelled "Updated" or "Modified". A date labelled so is
// returned, with updated set, only when the line gives no other: in
// "Published: 14 February 2026 10:42 GMT | Updated: Feb. 15, 2026" the
// date is 2026-02-14. A label is the last one written between the date and
// the date before it.
func publishedDate(s string) (date string, updated bool) {
	dates := datesIn(s)
	first, firstUpdated := "", ""
	prevEnd := 0
	for _, d := range dates {
		switch dateLabel(s[prevEnd:d.start]) {
		case labelPublished:
			return d.date, false
		case labelUpdated:
			if firstUpdated == "" {
				firstUpdated = d.date
			}
		default:
			if first == "" {
				first = d.date
			}
		}
		prevEnd = d.end
	}
	if first != "" {
		return first, false
	}
	return firstUpdated, firstUpdated != ""
}

// Labels of a date on a dateline or byline.
const (
	labelNone      = iota
	labelPublished // "Published", "First published", "Posted"
	labelUpdated   // "Updated", "Last modified", "Edited", "Revised"
)

// dateLabel returns the kind of the last label word in s, the text before
// a date.
func dateLabel(s string) int {
	label := labelNone
	start := -1 // of the run of letters being read
	for i := 0; i <= len(s); i++ {
		if i < len(s) && ('a' <= s[i]|0x20 && s[i]|0x20 <= 'z') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			switch w := s[start:i]; {
			case hasPrefixFold(w, "publish"), hasPrefixFold(w, "posted"):
				label = labelPublished
			case hasPrefixFold(w, "updated"), hasPrefixFold(w, "modified"), hasPrefixFold(w, "edited"),
				hasPrefixFold(w, "revised"):
				label = labelUpdated
			}
			start = -1
		}
	}
	return label
}

// dateNumeric is a date in figures with the year last: "03/03/2026",
// "3.3.2026" (see numericDate).
var dateNumeric = lazyRegexp(`\b(\d{1,2})([./])(\d{1,2})([./])((?:19|20)\d\d)\b`)

// mayHoldNumericDate says whether s holds a digit, a dot or slash and a
// digit, as every date of dateNumeric does: a cheap test before it.
func mayHoldNumericDate(s string) bool {
	for _, sep := range [...]byte{'.', '/'} {
		for i := 0; ; {
			j := strings.IndexByte(s[i:], sep)
			if j < 0 {
				break
			}
			i += j
			if i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
				return true
			}
			i++
		}
	}
	return false
}

// numericDate reads a date in figures, "03/03/2026" or "14.02.2026", its
// parts a, b and the year parted by the marks sep1 and sep2, as YYYY-MM-DD,
// or "" when it is no date or cannot be read for sure. Dots part a day
// from its month ("14.02.2026"); slashes may part either, so "14/02/2026"
// (no month 14) and "02/14/2026" are read, and so is "03/03/2026", the same
// either way, but "03/04/2026" (3 April or 4 March) is not.
func numericDate(a, sep1, b, sep2, y string) string {
	if sep1 != sep2 {
		return ""
	}
	day, month := a, b
	if sep1 == "/" && atoi2(a) <= 12 {
		switch {
		case atoi2(b) > 12:
			day, month = b, a
		case atoi2(a) != atoi2(b):
			return "" // either could be the month
		}
	}
	if len(month) == 1 {
		month = "0" + month
	}
	return ymd(y, month, day)
}

// atoi2 reads a number of one or two digits.
func atoi2(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = 10*n + int(s[i]-'0')
	}
	return n
}

func ymd(y, m, d string) string {
	if len(d) == 1 {
		d = "0" + d
	}
	return validDate(y + "-" + m + "-" + d)
}

// validDate returns d when it is a real calendar date YYYY-MM-DD, else "".
func validDate(d string) string {
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return ""
	}
	return d
}

// normalizeDate accepts YYYY-MM-DD, optionally followed by a time, and
// returns YYYY-MM-DD, or "" when s is not such a date.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	if len(s) > 10 && s[10] != 'T' && s[10] != ' ' {
		return ""
	}
	return validDate(s[:10])
}

// trailingYear is a year or span of years ending a name: "Harbor Ledger
// 2020-2026".
var trailingYear = lazyRegexp(`\s(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$`)

// outletFromCopyright reads the owner out of a copyright line:
// "© Copyright 2012 Press TV. All rights reserved." gives "Press TV", and
// "© Harbor Ledger 2026" and "Harbor Ledger ©2026" give "Harbor Ledger". A
// name with a slash is a photo credit, photographer and agency ("© Jane
// Roe / Fictional Pictures"), and names no outlet.
func outletFromCopyright(s string) string {
	if name, _, ok := markAfterName(strings.TrimSpace(s)); ok {
		s = name // "Harbor Ledger © 2026"
	}
	s = trimCopyrightMarks(s)
	if i := strings.IndexAny(s, "|.,;"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	// A year after the name goes too: "© Harbor Ledger 2026".
	if loc := trailingYear().FindStringIndex(s); loc != nil {
		s = strings.TrimSpace(s[:loc[0]])
	}
	lower := strings.ToLower(s)
	if s == "" || strings.HasPrefix(lower, "all rights") || len(strings.Fields(s)) > 6 || strings.Contains(s, "/") {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	return s
}

// outletFromByline reads an outlet from "By Name | Outlet" or "By Name,
// Outlet": a field after the name, up to the next bar or comma. The fields
// after bars are looked at first, as bars part the fields a page's
// template sets ("By Ana Ruiz, staff writer | River Daily"), then the
// field after a comma in the name's ("By Jane Roe, Harbor Ledger |
// Published 7:15 a.m. March 3, 2026"). A role ("staff writer"), a place
// after "in" or "at", a date or a time ("March 3, 2026", "Updated 10:42
// a.m.", "2 hours ago") is not an outlet.
//
// Nor is a single word after a comma. "By Jane Roe, Portvale" is how wire
// copy gives the place a story was filed from, and "By Jane Roe, Reuters"
// how some bylines give the agency; the two cannot be told apart without a
// list of places. A place taken for the outlet would misname the outlet on
// every line of a report, while leaving it out lets a copyright line or the
// file name name it, so the word is left out. After a bar, where templates
// put the outlet, a single word is taken ("By Ana Ruiz | Reuters").
func outletFromByline(s string) string {
	fields := strings.Split(s[3:], "|")
	for _, f := range fields[1:] {
		if name := bylineOutlet(f, false); name != "" {
			return name
		}
	}
	if i := strings.IndexByte(fields[0], ','); i >= 0 {
		return bylineOutlet(fields[0][i+1:], true)
	}
	return ""
}

// bylineOutlet returns the outlet a byline's field names, up to its first
// comma, or "" (see outletFromByline); afterComma says the field follows a
// comma, where a single word is a place as often as an outlet.
func bylineOutlet(field string, afterComma bool) string {
	name := field
	if j := strings.IndexByte(name, ','); j >= 0 {
		name = name[:j]
	}
	name = strings.TrimSpace(name)
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 || len(words) > 5 || (afterComma && len(words) == 1) || isDateOrTime(name) {
		return ""
	}
	for _, w := range words {
		switch w {
		case "correspondent", "reporter", "writer", "editor", "staff", "contributor", "in", "at", "and":
			return ""
		}
	}
	return name
}

// isDateOrTime says whether a field of a byline says when, not who: a
// date, a day and month ("3 March"), a time, a relative time ("2 hours
// ago", "yesterday"), a day of the week on its own ("Tuesday"), or a stamp
// ("Updated ...", "Last modified ...", "Published Tuesday"). A name that
// starts with a day ("Sunday Times") is left to be an outlet.
func isDateOrTime(s string) bool {
	s = strings.TrimSpace(s)
	if isDateline(s) || findDate(s) != "" || timeRe().MatchString(s) || dayMonth().MatchString(s) ||
		relativeTime().MatchString(s) {
		return true
	}
	words := strings.Fields(strings.ToLower(s))
	if len(words) > 1 && words[0] == "last" {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	switch w := strings.TrimRight(words[0], ":.,"); w {
	case "updated", "published", "posted", "modified":
		return true
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return len(words) == 1
	}
	return false
}

// isProse says whether a line reads as running text: several words and a
// sentence end.
func isProse(s string) bool {
	return len(strings.Fields(s)) >= 4 && endsSentence(s)
}

// longProseWords is the fewest words of a block that reads as running text
// without a sentence end.
const longProseWords = 12

// isLongProse says whether a block that does not end a sentence still reads
// as running text, as a last paragraph that lost its full stop does
// ("Officials expect the bridge to reopen in early March, weather
// permitting, once inspectors have signed off the repairs"): twelve words
// or more, at least half of them in lower case. It leaves alone what pages
// put after a story: short lines ("Tags: bridge, storm"), title-cased names
// and links ("Reporting by Jane Roe in Portvale; Editing by Tom Lee and Sam
// Park"), lists of tags cut by commas, and bullets.
func isLongProse(s string) bool {
	if isBullet(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) < longProseWords || 3*strings.Count(s, ",") >= len(words) {
		return false
	}
	lower := 0
	for _, w := range words {
		if unicode.IsLower(firstRune(w)) {
			lower++
		}
	}
	return 2*lower >= len(words)
}

// isLeadIn says whether a line ending in a colon reads as the start of what
// follows: a list ("The following roads will be closed from Monday:") or a
// quotation ("Mayor Lena Okafor told reporters on Tuesday evening:"). It
// has four words or more, fewer than half of them the words of share bars
// and prompts, so "Follow us on social media:" and "Share:" are no lead-ins,
// and it does not offer more reading (see relatedRe): "You might also be
// interested in:" heads related links.
func isLeadIn(s string) bool {
	if !strings.HasSuffix(s, ":") || offersReading(trimBullets(s)) {
		return false
	}
	words := strings.Fields(strings.ToLower(s))
	if len(words) < 4 {
		return false
	}
	widget := 0
	for _, w := range words {
		if widgetWords[strings.Trim(w, "|•·:,;!()[]")] {
			widget++
		}
	}
	return 2*widget < len(words)
}

// statesClaim says whether a heading states a claim as a sentence of the
// story does: running text (see isRunningText) ending in a full stop, "The
// port was warned four times." A question ("What happens next?") or a
// label ("Last passengers ashore") signs the reader's way.
func statesClaim(s string) bool {
	if !isRunningText(s) {
		return false
	}
	s = strings.TrimRight(s, "\"'”’»)]）」』 \t")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '。' || r == '…' || r == '।'
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)] \t")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// softWrap says whether next continues the sentence of prev: prev does not
// end a sentence or a lead-in, and next starts in lower case, or, in text
// wrapped at a fixed width (see wrapMeasure), next's first word would not
// have fitted on prev's line. Pasted pages put one paragraph on a line, so
// there a line that starts with a capital starts a paragraph: the lead
// under a long headline, photo caption or byline.
func softWrap(prev, next string, width int) bool {
	if endsSentence(prev) || strings.HasSuffix(prev, ":") || isBullet(next) {
		return false
	}
	if unicode.IsLower(firstRune(next)) {
		return true
	}
	if width == 0 {
		return false
	}
	word := next
	if i := strings.IndexFunc(next, isSpace); i >= 0 {
		word = next[:i]
	}
	return utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(word) > width
}

// Text wrapped at a fixed width has no line longer than maxWrapWidth
// runes, and a line of minWrapWidth runes or more.
const (
	minWrapWidth = 60
	maxWrapWidth = 100
)

// wrapMeasure works out the width a text is wrapped at from its lines that
// no rule removed, given one at a time by the cleaner's first pass.
type wrapMeasure struct {
	longest   int  // runes in the longest line
	unwrapped bool // a line runs past maxWrapWidth
}

// add measures one line.
func (w *wrapMeasure) add(s string) {
	switch {
	case w.unwrapped || len(s) <= w.longest:
		// No more runes than bytes: not the longest line.
	case len(s) > utf8.UTFMax*maxWrapWidth:
		w.unwrapped = true // longer than maxWrapWidth runes whatever they are
	default:
		if n := utf8.RuneCountInString(s); n > maxWrapWidth {
			w.unwrapped = true
		} else if n > w.longest {
			w.longest = n
		}
	}
}

// width returns the width the text is wrapped at, its longest line in
// runes; or 0 when it is not wrapped at a fixed width: a line runs past
// maxWrapWidth (a pasted page's paragraph), or none is as long as
// minWrapWidth.
func (w *wrapMeasure) width() int {
	if w.unwrapped || w.longest < minWrapWidth {
		return 0
	}
	return w.longest
}

// countFields is len(strings.Fields(s)), counted no further than limit.
func countFields(s string, limit int) int {
	n, in := 0, false
	for _, r := range s {
		space := isSpace(r)
		if !space && !in {
			n++
			if n == limit {
				return n
			}
		}
		in = !space
	}
	return n
}

// hasPrefixFold says whether s starts with prefix, given in lower-case
// ASCII, in any case; containsFold whether s holds sub so. For needles of
// ASCII letters other than k this is what strings.ToLower followed by
// HasPrefix or Contains says, without copying s.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && asciiEqualFold(s[:len(prefix)], prefix)
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if asciiEqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

func asciiEqualFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// normCursor reads a line's normalized text a rune at a time: lower case,
// its words separated by one space, with no space at either end. The
// normalized text is strings.Join(strings.Fields(strings.ToLower(s)), " "),
// read without building it (invalid UTF-8 reads as U+FFFD, as ToLower
// writes it).
type normCursor struct {
	s       string
	i       int
	started bool // a word has been read
	space   bool // a space is due before the next word
}

// next returns the next rune of the normalized text, or -1 at its end.
func (c *normCursor) next() rune {
	for c.i < len(c.s) {
		r, size := rune(c.s[c.i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(c.s[c.i:])
		}
		if isSpace(r) {
			c.i += size
			c.space = c.started
			continue
		}
		if c.space {
			c.space = false
			return ' '
		}
		c.i += size
		c.started = true
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			return r
		}
		return unicode.ToLower(r)
	}
	return -1
}

// isSpace is unicode.IsSpace, quicker for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// sameText says whether two lines are the same text but for case and
// spacing.
func sameText(a, b string) bool {
	x, y := normCursor{s: a}, normCursor{s: b}
	for {
		r := x.next()
		if r != y.next() {
			return false
		}
		if r < 0 {
			return true
		}
	}
}

// normHash is an FNV-1a hash of a line's normalized text.
func normHash(s string) uint64 {
	h := uint64(emptyNormHash)
	c := normCursor{s: s}
	for r := c.next(); r >= 0; r = c.next() {
		h = (h ^ uint64(r)) * 1099511628211
	}
	return h
}

// emptyNormHash is normHash of a line of no words (the FNV offset basis).
const emptyNormHash = 14695981039346656037
