package compare

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/lexicon"
)

// DefaultMinSimilarity is the score two sentences need to be aligned unless
// Options.MinSimilarity says otherwise.
const DefaultMinSimilarity = 0.30

// Options tune Compare. The zero value uses the defaults.
type Options struct {
	// Reference is the outlet id or name the others are diffed against;
	// "" picks the outlet that reports the most aligned claims (see
	// defaultReference).
	Reference string
	// MinSimilarity is the alignment threshold in (0, 1]; 0 means
	// DefaultMinSimilarity.
	MinSimilarity float64
	// Lexicon flags word choices; nil flags nothing.
	Lexicon *lexicon.Lexicon
}

// ErrTooFewArticles is returned when there is nothing to compare.
var ErrTooFewArticles = errors.New("need at least two articles to compare")

// Compare cleans, segments, aligns and diffs the documents of one event.
func Compare(ev Event, opts Options) (*Result, error) {
	return compareWith(ev, opts, defaultScoring)
}

func compareWith(ev Event, opts Options, sc scoring) (*Result, error) {
	if len(ev.Documents) < 2 {
		return nil, fmt.Errorf("%w (got %d)", ErrTooFewArticles, len(ev.Documents))
	}
	if !(opts.MinSimilarity >= 0 && opts.MinSimilarity <= 1) { // NaN too
		return nil, fmt.Errorf("min similarity %v is outside 0..1", opts.MinSimilarity)
	}
	if opts.MinSimilarity == 0 {
		opts.MinSimilarity = DefaultMinSimilarity
	}
	articles := make([]Article, len(ev.Documents))
	errs := make([]error, len(ev.Documents))
	each(len(ev.Documents), func(i int) {
		articles[i], errs[i] = buildArticle(ev.Documents[i])
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	assignIDs(articles)
	ref, err := pickReference(articles, opts.Reference)
	if err != nil {
		return nil, err
	}

	// Quotes and alignment read the same sentences and write nothing the
	// other reads (quotes go to each article's Quotes and Statements), so
	// they are found side by side, and the quotes then grouped into
	// statements. The aligner works out every word's stem before it
	// aligns; the lexicon's flags (which also need the quotes: words in
	// them are the speakers') and the quotes' paraphrase index read those
	// stems, and are made while it aligns, on the time its steps leave a
	// core idle.
	var (
		alignments []Alignment
		flags      []Flag
		statements *quoteClusters
		stemIdx    *stemIndex
		stems      map[string]string // the aligner's, read only once stemsReady is closed
		quotesDone = make(chan struct{})
		stemsReady = make(chan struct{})
	)
	together(
		func() {
			func() {
				defer close(quotesDone)
				findQuotes(articles)
			}()
			statements = clusterQuotes(articles)
		},
		func() {
			al := func() *aligner {
				defer close(stemsReady) // on a panic too: none waits for ever
				al := newAligner(articles, sc)
				stems = al.fs.stems
				return al
			}()
			alignments = al.align(opts.MinSimilarity)
		},
		func() {
			<-stemsReady
			stemIdx = quoteStemIndex(articles, stems)
		},
		func() {
			if opts.Lexicon != nil {
				<-quotesDone
				<-stemsReady
				flags = findFlags(articles, opts.Lexicon, stems)
			}
		},
	)

	res := &Result{Event: EventInfo{Title: ev.Title, Date: ev.Date}, Articles: articles, Flags: flags}
	if opts.Reference == "" {
		ref = defaultReference(articles, alignments)
	}
	res.Reference = articles[ref].ID
	res.Alignments = alignments
	orderAlignments(res.Alignments, articles, ref)
	res.Unique = uniqueSentences(articles, res.Alignments)
	res.Headlines = headlineGroup(articles, ref)
	res.Stats = outletStats(articles, res.Alignments)
	// The word diffs (and then the word choices, read from them), the quote
	// matrix and the outlets' lexicon figures each read the articles and
	// alignments and write fields of their own.
	together(
		func() {
			res.Differences = differences(res, ref)
			if opts.Lexicon != nil {
				res.WordChoices = findWordChoices(res)
			}
		},
		func() { matchQuotes(res, statements, stemIdx) },
		func() {
			if opts.Lexicon != nil {
				lexiconStats(res)
			}
		},
	)
	return res, nil
}

// outletOf names the outlet of a document the manifest or page did not
// name: from the text's copyright or byline line, else the file name.
func outletOf(doc Document, c cleaned) (name, from string) {
	if c.outlet != "" {
		return c.outlet, c.outletFrom
	}
	return outletFromName(doc.Name), "file"
}

// OutletID is the id compare gives an outlet of this name (before any
// suffix that tells two outlets of one name apart).
func OutletID(name string) string { return slugify(name) }

// buildArticle cleans a document and splits its body into sentences.
func buildArticle(doc Document) (Article, error) {
	doc.Text = loneReturns(doc.Text)
	c := clean(doc)
	a := Article{
		Outlet:     doc.Outlet,
		OutletFrom: doc.OutletFrom,
		Source:     doc.Source,
		Headline:   c.headline,
		Published:  doc.Published,
		Captions:   c.captions,
		Text:       doc.Text,
		Removed:    c.removed,
		blinded:    doc.blinded.of(doc.Text),
	}
	if a.Outlet == "" {
		a.Outlet, a.OutletFrom = outletOf(doc, c)
	}
	if a.Published == "" {
		a.Published = c.published
	}
	for p, para := range c.paragraphs {
		for _, seg := range Segments(c.view[para.Start:para.End]) {
			start, end := para.Start+seg.Start, para.Start+seg.End
			a.Sentences = append(a.Sentences, Sentence{
				Index:     len(a.Sentences),
				Paragraph: p,
				Text:      doc.Text[start:end],
				Start:     start,
				End:       end,
			})
		}
	}
	if len(a.Sentences) == 0 {
		return Article{}, &InputError{Input: doc.Source, Err: errors.New("no article text left after cleaning")}
	}
	n := len(a.Sentences)
	for i := range a.Sentences {
		if n > 1 {
			a.Sentences[i].Position = float64(i) / float64(n-1)
		}
		a.Words += countWords(a.Sentences[i].Text)
	}
	if a.Words == 0 {
		return Article{}, &InputError{Input: doc.Source, Err: errors.New("no words to compare: the text holds only punctuation and symbols")}
	}
	return a, nil
}

// outletFromName makes a display name of a file name: "river-daily" gives
// "River Daily".
func outletFromName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' })
	for i, w := range words {
		// The first letter, not the first byte: "élan" gives "Élan".
		if r, size := utf8.DecodeRuneInString(w); r != utf8.RuneError {
			words[i] = string(unicode.ToUpper(r)) + w[size:]
		}
	}
	if len(words) == 0 {
		return "Unknown"
	}
	return strings.Join(words, " ")
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}

// slugify makes an id of an outlet name: lower case letters and digits
// joined by hyphens.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "outlet"
	}
	return b.String()
}

// assignIDs gives each article a unique id from its outlet name and sorts the
// articles by id, so that the order of the inputs does not matter.
func assignIDs(articles []Article) {
	sort.SliceStable(articles, func(i, j int) bool {
		si, sj := slugify(articles[i].Outlet), slugify(articles[j].Outlet)
		if si != sj {
			return si < sj
		}
		return articles[i].Source < articles[j].Source
	})
	used := map[string]bool{}
	for i := range articles {
		base := slugify(articles[i].Outlet)
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		articles[i].ID = id
	}
}

func pickReference(articles []Article, want string) (int, error) {
	if want == "" {
		return 0, nil
	}
	for i, a := range articles {
		if a.ID == want || strings.EqualFold(a.Outlet, want) {
			return i, nil
		}
	}
	ids := make([]string, len(articles))
	for i, a := range articles {
		ids[i] = a.ID
	}
	return 0, &ReferenceError{Want: want, Outlets: ids}
}

// loneReturns turns each "\r" not followed by "\n" into "\n": the line
// ends of old Mac files end lines, as "\n" and "\r\n" do. The text keeps
// its length, so offsets into it are offsets into the input.
func loneReturns(s string) string {
	i := strings.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			b[i] = '\n'
		}
	}
	return string(b)
}

// defaultReference is the outlet the others are diffed against when none
// is asked for: the one that reports the most aligned claims, so that the
// fewest claims are marked against another outlet (a wire story that the
// others rewrite, typically, and never a one-paragraph brief beside full
// reports); of two as many, the one with more aligned sentences, then the
// first in id order. It depends on the texts, not on the outlets' names,
// so a blind comparison picks the same outlet: there the last tie goes by
// the order the outlets' own names give (blindedText.order), not the
// blind ids'.
func defaultReference(articles []Article, alignments []Alignment) int {
	index := make(map[string]int, len(articles))
	for i, a := range articles {
		index[a.ID] = i
	}
	claims := make([]int, len(articles))
	aligned := make([]int, len(articles))
	for _, g := range alignments {
		seen := make(map[int]bool, len(g.Members))
		for _, m := range g.Members {
			i, ok := index[m.Outlet]
			if !ok {
				continue
			}
			aligned[i] += len(m.Sentences)
			if !seen[i] {
				seen[i] = true
				claims[i]++
			}
		}
	}
	best := 0
	for i := 1; i < len(articles); i++ {
		switch {
		case claims[i] != claims[best]:
			if claims[i] > claims[best] {
				best = i
			}
		case aligned[i] != aligned[best]:
			if aligned[i] > aligned[best] {
				best = i
			}
		case articles[i].blinded != nil && articles[best].blinded != nil && articles[i].blinded.order < articles[best].blinded.order:
			best = i
		}
	}
	return best
}

// ReferenceError says the reference outlet asked for is not among the
// articles.
type ReferenceError struct {
	Want    string
	Outlets []string
}

func (e *ReferenceError) Error() string {
	return fmt.Sprintf("unknown reference outlet %q (outlets: %s)", e.Want, strings.Join(e.Outlets, ", "))
}

// orderAlignments sorts groups by the reference outlet's story order, then
// groups without it by the next outlets' order, and numbers them.
func orderAlignments(groups []Alignment, articles []Article, ref int) {
	order := make([]int, 0, len(articles))
	order = append(order, ref)
	for i := range articles {
		if i != ref {
			order = append(order, i)
		}
	}
	rank := make(map[string]int, len(order))
	for r, ai := range order {
		rank[articles[ai].ID] = r
	}
	type sortKey struct{ rank, sentence int }
	keys := make(map[*Member]sortKey, len(groups))
	keyOf := func(g Alignment) sortKey {
		best := sortKey{len(order), 0}
		for _, m := range g.Members {
			if r := rank[m.Outlet]; r < best.rank {
				best = sortKey{r, m.Sentences[0]}
			}
		}
		return best
	}
	for i := range groups {
		keys[&groups[i].Members[0]] = keyOf(groups[i])
	}
	sort.SliceStable(groups, func(i, j int) bool {
		ki, kj := keys[&groups[i].Members[0]], keys[&groups[j].Members[0]]
		if ki.rank != kj.rank {
			return ki.rank < kj.rank
		}
		return ki.sentence < kj.sentence
	})
	for i := range groups {
		groups[i].ID = "a" + strconv.Itoa(i+1)
	}
}

func uniqueSentences(articles []Article, groups []Alignment) []UniqueSentences {
	aligned := map[string]map[int]bool{}
	for _, g := range groups {
		for _, m := range g.Members {
			if aligned[m.Outlet] == nil {
				aligned[m.Outlet] = map[int]bool{}
			}
			for _, s := range m.Sentences {
				aligned[m.Outlet][s] = true
			}
		}
	}
	var out []UniqueSentences
	for _, a := range articles {
		u := UniqueSentences{Outlet: a.ID, Sentences: []int{}}
		for _, s := range a.Sentences {
			if !aligned[a.ID][s.Index] {
				u.Sentences = append(u.Sentences, s.Index)
			}
		}
		out = append(out, u)
	}
	return out
}

func outletStats(articles []Article, groups []Alignment) []OutletStats {
	out := make([]OutletStats, len(articles))
	index := make(map[string]int, len(articles))
	for i, a := range articles {
		out[i] = OutletStats{Outlet: a.ID, Words: a.Words, Sentences: len(a.Sentences)}
		index[a.ID] = i
	}
	// One pass over the alignments' members, not one per outlet.
	for _, g := range groups {
		for _, m := range g.Members {
			if i, ok := index[m.Outlet]; ok {
				out[i].SharedFacts++
				out[i].Aligned += len(m.Sentences)
			}
		}
	}
	if len(groups) > 0 {
		for i := range out {
			out[i].SharedShare = float64(out[i].SharedFacts) / float64(len(groups))
		}
	}
	return out
}
