package compare

import (
	"errors"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote is one direct quotation in an article: the words between quotation
// marks, in one or more parts (a quote interrupted by its attribution, or
// running over several paragraphs).
type Quote struct {
	// Index is the quote's zero-based place in the article.
	Index int
	// Text is the quoted words, the parts joined by a space, without the
	// marks.
	Text string
	// Parts are the byte ranges of the quoted words in the article's Text,
	// inside the marks.
	Parts []Span
	// Start and End span the first part's start to the last part's end.
	Start, End int
	// Sentences are the indexes of the body sentences the quote covers.
	Sentences []int
	// Kind is "direct" (the speaker's statement) or "partial" (a few quoted
	// words woven into the outlet's own sentence, scare quotes included).
	Kind string
	// Speaker is the canonical name of who is quoted, or "" when the text
	// does not say; SpeakerText is how the article names them there.
	Speaker, SpeakerText string
	// Attribution says how the speaker was found: "trailing" (", X said"),
	// "interrupting", "leading" ("X said:"), "pronoun", "description",
	// "previous" (the previous speaker's continuing remarks) or "".
	Attribution string
}

// Statement is speech reported without quotation marks: "X said (that) ...".
type Statement struct {
	// Sentence is the body sentence holding it.
	Sentence int
	// Speaker is the canonical speaker; SpeakerText as written.
	Speaker, SpeakerText string
	// Verb is the reporting verb as written.
	Verb string
	// Parts are the byte ranges of what is reported, in the article's
	// Text: one, or two around an attribution standing inside it ("The
	// spill, firefighters said, had been contained.").
	Parts []Span
	// Start and End span the first part's start to the last part's end.
	Start, End int
	// Text is what is reported, the parts joined by a space, as a
	// Quote's Text is.
	Text string
}

// Quote kinds.
const (
	KindDirect  = "direct"
	KindPartial = "partial"
)

// markKind classifies a quotation mark candidate.
type markKind uint8

const (
	markNone markKind = iota
	dblOpen
	dblClose
	dblToggle // a straight double quote: opens or closes by state
	sglOpen
	sglClose
)

// rawPart is one run of quoted text inside one paragraph.
type rawPart struct {
	start, end  int  // inner text, without the marks
	open, close int  // the opening mark's start, the closing mark's end
	continues   bool // the quote goes on in the next paragraph
	continued   bool // it began in the previous paragraph
	closed      bool // a closing mark ended it
}

// paragraphSpans returns each body paragraph's byte range, from its first
// sentence's start to its last sentence's end.
func paragraphSpans(a *Article) []Span {
	var out []Span
	for k, s := range a.Sentences {
		if k == 0 || a.Sentences[k-1].Paragraph != s.Paragraph {
			out = append(out, Span{s.Start, s.End})
			continue
		}
		out[len(out)-1].End = s.End
	}
	return out
}

// elisions are words that begin with an apostrophe in ordinary prose.
var elisions = []string{"n", "em", "til", "cause", "bout", "tis", "twas", "round", "neath", "cos", "ello"}

// isElision says whether the text after an apostrophe is an elided word
// ('n', 'em, 'til): a known one, followed by a non-letter.
func isElision(after string) bool {
	// The longest elision and the character after it fit in 16 bytes:
	// lower-casing no more keeps each mark's cost constant.
	if len(after) > 16 {
		n := 16
		for n > 0 && !utf8.RuneStart(after[n]) {
			n--
		}
		after = after[:n]
	}
	lower := strings.ToLower(after)
	for _, e := range elisions {
		if strings.HasPrefix(lower, e) {
			next, _ := utf8.DecodeRuneInString(lower[len(e):])
			if len(lower) == len(e) || !unicode.IsLetter(next) {
				return true
			}
		}
	}
	return false
}

func isOpeningContext(r rune) bool {
	return r == 0 || unicode.IsSpace(r) || strings.ContainsRune("([{—–-/“‘«\"'", r)
}

// classifyMark says what the mark at text[i] (rune r, size bytes) is, from the
// characters around it.
func classifyMark(text string, i int, r rune, size int) markKind {
	var prev, next rune
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	if i+size < len(text) {
		next, _ = utf8.DecodeRuneInString(text[i+size:])
	}
	switch r {
	case '“', '«', '„':
		return dblOpen
	case '”', '»':
		return dblClose
	case '"':
		return dblToggle
	case '‘', '\'', '’':
		letterBefore := unicode.IsLetter(prev) || unicode.IsDigit(prev)
		letterAfter := unicode.IsLetter(next) || unicode.IsDigit(next)
		switch {
		case letterBefore && letterAfter:
			return markNone // don't, Russia’s
		case unicode.IsDigit(next) && !letterBefore:
			return markNone // the '80s
		case isOpeningContext(prev) && letterAfter && isElision(text[i+size:]):
			return markNone // rock 'n' roll, 'em
		case prev == 'n' && i >= 2 && (text[i-2] == '\'' || strings.HasSuffix(text[:i-1], "’")) && !letterAfter:
			return markNone // the second mark of 'n'
		case isOpeningContext(prev) && (letterAfter || next == '"' || next == '“' || next == '…'):
			if r == '’' && !letterAfter {
				return markNone
			}
			return sglOpen
		case !isOpeningContext(prev) || prev == '"' || prev == '”':
			if r == '‘' {
				return markNone
			}
			return sglClose // or a possessive: decided when pairing
		}
	}
	return markNone
}

// scanParts finds the runs of quoted text in an article's body.
func scanParts(a *Article) []rawPart {
	paras := paragraphSpans(a)
	text := a.Text
	// Single marks count as quotation marks of their own (not only nested
	// in double ones) when the body has no double marks at all.
	singlePrimary := true
	for _, p := range paras {
		if strings.ContainsAny(text[p.Start:p.End], "\"“”«»„") {
			singlePrimary = false
			break
		}
	}
	var parts []rawPart
	type state struct {
		open      int // -1 when outside a quote
		inner     int
		continued bool
		single    bool // the open quote is a single-quoted one (singlePrimary)
		nested    int  // start of an open nested single quote, or -1
		// straightNested says a straight double quote is open inside
		// the quote (see nestedStraight).
		straightNested bool
	}
	st := state{open: -1, nested: -1}
	emit := func(end, closeEnd int, closed, continues bool) {
		if end > st.inner || closed {
			parts = append(parts, rawPart{start: st.inner, end: end, open: st.open, close: closeEnd,
				continues: continues, continued: st.continued, closed: closed})
		}
		st = state{open: -1, nested: -1}
	}
	for pi, p := range paras {
		para := text[:p.End]
		for i := p.Start; i < p.End; {
			r, size := utf8.DecodeRuneInString(para[i:])
			k := markNone
			if strings.ContainsRune("\"“”«»„'‘’", r) {
				k = classifyMark(para, i, r, size)
			}
			switch {
			case k == markNone:
			case st.open < 0:
				switch {
				case k == dblOpen || k == dblToggle:
					st = state{open: i, inner: i + size, nested: -1}
				case k == sglOpen && singlePrimary:
					st = state{open: i, inner: i + size, single: true, nested: -1}
				}
			case st.single:
				if k == sglClose && !possessiveClose(para, i, size, p.End) {
					emit(i, i+size, true, false)
				}
			default:
				switch {
				case st.straightNested && (k == dblToggle || k == dblClose):
					st.straightNested = false
				case k == dblToggle && straightOpens(para, i, size):
					// A straight mark that can only open: a quote within
					// the quote, as in "He called it "a disgrace" and
					// left," when the marks ahead close it and then the
					// quote; else the quote was never closed.
					if nestedStraight(para, i+size, p.End) {
						st.straightNested = true
						break
					}
					emit(i, i, false, false)
					st = state{open: i, inner: i + size, nested: -1}
				case k == dblClose || k == dblToggle:
					emit(i, i+size, true, false)
				case k == dblOpen:
					// A new opening inside an open quote: the last one was
					// never closed. End it here and open again.
					emit(i, i, false, false)
					st = state{open: i, inner: i + size, nested: -1}
				case k == sglOpen:
					if st.nested < 0 {
						st.nested = i
					}
				case k == sglClose:
					if st.nested >= 0 && !possessiveClose(para, i, size, p.End) {
						st.nested = -1
					}
				}
			}
			i += size
		}
		if st.open >= 0 {
			// Open at the paragraph's end: the quote goes on if the next
			// paragraph opens with a quotation mark.
			cont := false
			if pi+1 < len(paras) {
				np := paras[pi+1]
				r, size := utf8.DecodeRuneInString(text[np.Start:np.End])
				k := classifyMark(text[:np.End], np.Start, r, size)
				cont = k == dblOpen || k == dblToggle || (st.single && k == sglOpen)
			}
			end := p.End
			for end > st.inner && unicode.IsSpace(rune(text[end-1])) {
				end--
			}
			single := st.single
			emit(end, end, false, cont)
			if cont {
				np := paras[pi+1]
				_, size := utf8.DecodeRuneInString(text[np.Start:np.End])
				st = state{open: np.Start, inner: np.Start + size, continued: true, single: single, nested: -1}
				// Skip the reopening mark when the next paragraph is scanned.
				paras[pi+1].Start += size
			}
		}
	}
	return parts
}

// straightOpens says whether the straight double mark at text[i] can
// only open a quote: it follows a space or an opening mark, and a word
// follows it.
func straightOpens(text string, i, size int) bool {
	var prev, next rune
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	if i+size < len(text) {
		next, _ = utf8.DecodeRuneInString(text[i+size:])
	}
	return (prev == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev)) &&
		(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '‘' || next == '\'' || next == '…')
}

// nestedStraight says whether a straight double mark that opens inside an
// open quote opens a quote within it: the next double mark, before limit,
// is a straight one that can close it, and a closing mark follows that
// for the outer quote. Writers who have only straight marks nest them so.
func nestedStraight(text string, from, limit int) bool {
	want := 0 // the inner quote's close, then the outer's
	for j := from; j < limit; {
		r, size := utf8.DecodeRuneInString(text[j:limit])
		switch r {
		case '“', '«', '„':
			return false
		case '”', '»':
			return want == 1
		case '"':
			if straightOpens(text, j, size) {
				return false
			}
			if want++; want == 2 {
				return true
			}
		}
		j += size
	}
	return false
}

// possessiveClose says whether a closing single mark after an "s" is a
// plural possessive (the teachers' union) rather than the end of a single
// quote: it is when another closing single mark follows before limit.
func possessiveClose(text string, i, size, limit int) bool {
	if i == 0 || (text[i-1] != 's' && text[i-1] != 'S') {
		return false
	}
	rest := text[i+size : limit]
	next, _ := utf8.DecodeRuneInString(rest)
	if next != ' ' {
		return false
	}
	for j := 0; j < len(rest); {
		r, sz := utf8.DecodeRuneInString(rest[j:])
		if r == '"' || r == '”' || r == '“' {
			return false
		}
		if (r == '\'' || r == '’') && classifyMark(text, i+size+j, r, sz) == sglClose {
			return true
		}
		j += sz
	}
	return false
}

// ErrNoArticles is returned when there is no article to read.
var ErrNoArticles = errors.New("no article to read")

// ExtractQuotes cleans and splits the event's articles and finds each
// one's quotations and reported speech, without aligning them: one article
// is enough. Speakers are canonical across the articles.
func ExtractQuotes(ev Event) ([]Article, error) {
	if len(ev.Documents) == 0 {
		return nil, ErrNoArticles
	}
	articles := make([]Article, 0, len(ev.Documents))
	for _, doc := range ev.Documents {
		a, err := buildArticle(doc)
		if err != nil {
			return nil, err
		}
		articles = append(articles, a)
	}
	assignIDs(articles)
	findQuotes(articles)
	return articles, nil
}

// findQuotes fills every article's quotes and statements.
func findQuotes(articles []Article) {
	people := newPersonIndex(articles)
	// One article after another, in order: resolving a pronoun records the
	// person's gender in the index, for the articles after.
	for i := range articles {
		articles[i].Quotes, articles[i].Statements = extractQuotes(&articles[i], people)
	}
}

// extractQuotes finds an article's direct quotations and reported speech,
// with their speakers canonicalized through people.
func extractQuotes(a *Article, people *personIndex) ([]Quote, []Statement) {
	raw := scanParts(a)
	var quotes []Quote
	for i := 0; i < len(raw); i++ {
		q := Quote{Parts: []Span{{raw[i].start, raw[i].end}}}
		for i+1 < len(raw) && joinsNext(a.Text, raw[i], raw[i+1]) {
			i++
			q.Parts = append(q.Parts, Span{raw[i].start, raw[i].end})
		}
		q.Start, q.End = q.Parts[0].Start, q.Parts[len(q.Parts)-1].End
		texts := make([]string, len(q.Parts))
		for k, p := range q.Parts {
			texts[k] = strings.Join(strings.Fields(a.Text[p.Start:p.End]), " ")
		}
		q.Text = strings.Join(texts, " ")
		if strings.TrimFunc(q.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) == "" {
			continue
		}
		q.Sentences = sentencesIn(a, q.Start, q.End)
		q.Kind = quoteKind(a, q)
		q.Index = len(quotes)
		quotes = append(quotes, q)
	}
	statements := attribute(a, quotes, people)
	return mergeContinuations(a, quotes), statements
}

// mergeContinuations joins a quote that carries on the previous one's
// remarks, in the same paragraph and with no attribution of its own, to
// it: in "A," she said. "B." the speaker's words are one quote in two
// parts.
func mergeContinuations(a *Article, quotes []Quote) []Quote {
	var out []Quote
	for _, q := range quotes {
		if n := len(out); n > 0 && q.Attribution == "previous" && q.Speaker == out[n-1].Speaker &&
			len(q.Sentences) > 0 && len(out[n-1].Sentences) > 0 {
			p := &out[n-1]
			last, first := p.Sentences[len(p.Sentences)-1], q.Sentences[0]
			if first <= last+1 && a.Sentences[first].Paragraph == a.Sentences[last].Paragraph {
				p.Parts = append(p.Parts, q.Parts...)
				p.End = q.End
				p.Text += " " + q.Text
				for _, s := range q.Sentences {
					if s > p.Sentences[len(p.Sentences)-1] {
						p.Sentences = append(p.Sentences, s)
					}
				}
				p.Kind = KindDirect
				continue
			}
		}
		q.Index = len(out)
		out = append(out, q)
	}
	return out
}

// joinsNext says whether part b continues the quote of part a: a quote
// running on into the next paragraph, or one interrupted by a short
// attribution ending in a comma ("We will not sign," Dorsey said, "until").
func joinsNext(text string, a, b rawPart) bool {
	if a.continues && b.continued {
		return true
	}
	if !a.closed || a.close > b.open {
		return false
	}
	gap := text[a.close:b.open]
	if strings.ContainsAny(gap, "\n?!\"“”") || !abbreviationPeriods(gap) || len(strings.Fields(gap)) > 12 {
		return false
	}
	inner := strings.TrimRight(text[a.start:a.end], " ")
	if strings.HasSuffix(inner, ".") || strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!") {
		return false
	}
	g := strings.TrimSpace(gap)
	if !strings.HasSuffix(g, ",") && !strings.HasSuffix(g, ":") {
		return false
	}
	g = strings.TrimLeft(g, ", ")
	// A short attribution, not a clause of the outlet's own ("adding that
	// while protest was a right").
	words := strings.Fields(g)
	if len(words) > 8 {
		return false
	}
	verb := false
	for _, w := range words {
		l := strings.ToLower(strings.Trim(w, ",:"))
		switch l {
		case "that", "while", "but", "and", "although", "because", "if":
			return false
		}
		verb = verb || isSpeechVerb(l)
	}
	return verb
}

// abbreviationPeriods says whether every period in text ends a title's
// abbreviation or an initial ("said Prof. Nowak", "said J. Ruiz"), so
// that none of them ends a sentence.
func abbreviationPeriods(text string) bool {
	for rest, off := text, 0; ; {
		i := strings.IndexByte(rest, '.')
		if i < 0 {
			return true
		}
		j := i
		for j > 0 && rest[j-1]|0x20 >= 'a' && rest[j-1]|0x20 <= 'z' {
			j--
		}
		word := text[off+j : off+i]
		if !titleAbbrevs[strings.ToLower(word)] && !(len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z') {
			return false
		}
		rest, off = rest[i+1:], off+i+1
	}
}

// sentencesIn returns the indexes of the sentences overlapping [start, end).
func sentencesIn(a *Article, start, end int) []int {
	out := []int{}
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End > start })
	for ; i < len(a.Sentences) && a.Sentences[i].Start < end; i++ {
		out = append(out, a.Sentences[i].Index)
	}
	return out
}

// sentenceAt returns the sentence holding byte offset pos, or nil.
func sentenceAt(a *Article, pos int) *Sentence {
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End > pos })
	if i < len(a.Sentences) && pos >= a.Sentences[i].Start {
		return &a.Sentences[i]
	}
	return nil
}

// quoteKind tells a direct quote (a statement in the speaker's words) from
// a partial one woven into the outlet's sentence.
func quoteKind(a *Article, q Quote) string {
	s := sentenceAt(a, q.Start)
	if s == nil {
		return KindDirect
	}
	before := strings.TrimRight(a.Text[s.Start:q.Start], " ")
	before = strings.TrimRight(before, "\"“«'‘„")
	before = strings.TrimRight(before, " ")
	// Only the last words before the quote matter: reading no more keeps
	// a sentence of many quotes linear.
	if len(before) > 128 {
		before = before[len(before)-128:]
		if i := strings.IndexByte(before, ' '); i >= 0 {
			before = before[i:]
		}
	}
	first, _ := utf8.DecodeRuneInString(q.Text)
	upper := unicode.IsUpper(first) || unicode.IsDigit(first)
	words := len(strings.Fields(q.Text))
	if titleCase(q.Text) && words <= 8 && !strings.HasSuffix(before, ":") {
		return KindPartial // a title: "Safer Births, Stronger Regions,"
	}
	switch {
	case before == "":
		return KindDirect
	case strings.HasSuffix(before, ":"):
		return KindDirect
	case strings.HasSuffix(before, ",") && (upper || words >= 4):
		return KindDirect
	case upper && words >= 4 && endsWithSpeechVerb(before):
		return KindDirect
	case words >= 5 && strings.HasSuffix(strings.ToLower(before), " that"):
		return KindDirect // said that "no defects requiring urgent action were found."
	}
	if len(q.Parts) > 1 && words >= 6 {
		return KindDirect
	}
	return KindPartial
}

// titleCase says whether every word of more than three letters starts with
// a capital, as in the title of a report or a slogan.
func titleCase(text string) bool {
	n := 0
	for _, w := range strings.Fields(text) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// endsWithSpeechVerb says whether text ends with a speech verb, perhaps
// followed by "that".
func endsWithSpeechVerb(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	if len(f) > 0 && f[len(f)-1] == "that" {
		f = f[:len(f)-1]
	}
	return len(f) > 0 && isSpeechVerb(strings.Trim(f[len(f)-1], ",:"))
}
