package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Quote statuses: how an outlet treats a statement some outlet quotes.
const (
	StatusFull        = "full"
	StatusTruncated   = "truncated"
	StatusAltered     = "altered"
	StatusParaphrased = "paraphrased"
	StatusOmitted     = "omitted"
)

// QuoteGroup is one statement quoted by at least one outlet, with its
// treatment in every outlet.
type QuoteGroup struct {
	// ID is "q1", "q2", ... in the order of Result.Quotes.
	ID string
	// Speaker is the speaker most outlets name; Disputed is set when
	// outlets name different speakers.
	Speaker  string
	Disputed bool
	// Text is the fullest version quoted, from outlet Source's quote
	// SourceQuote; the statuses are measured against it.
	Text        string
	Source      string
	SourceQuote int
	// Kind is the fullest version's kind: direct or partial.
	Kind string
	// Outlets is each article's treatment, in article order.
	Outlets []QuoteUse
}

// QuoteUse is one outlet's treatment of a statement.
type QuoteUse struct {
	Outlet string
	// Status is full, truncated, altered, paraphrased or omitted.
	Status string
	// Quote is the index of the outlet's (first) quote of the statement,
	// or -1 when it has none; Quotes lists them all, where the outlet
	// splits the statement into several quotes.
	Quote  int
	Quotes []int
	// Sentence is the sentence that paraphrases the statement, or -1.
	Sentence int
	// Text is the outlet's quoted words, or its paraphrasing sentence.
	Text string
	// Speaker is whom this outlet names.
	Speaker string
	// Diff, for an altered quote, is the word diff from the fullest version
	// (offsets into the Source article's Text) to this outlet's words.
	Diff []DiffOp
}

// SpeakerStats are one outlet's quotations of one speaker.
type SpeakerStats struct {
	Outlet, Speaker string
	// Quotes and Words count the outlet's quotes of the speaker and their
	// words; Share is Words over all the outlet's quoted words.
	Quotes, Words int
	Share         float64
}

// quoteRef names a quote: its article and its index there.
type quoteRef struct{ art, quote int }

// qtok is a quoted word, normalized, with its byte range.
type qtok struct {
	norm       string
	start, end int
	ellipsis   bool // an ellipsis stands before this word
}

// quoteTokens returns a quote's words, lower case, with typographic
// apostrophes made plain; an ellipsis marks the word after it.
func quoteTokens(a *Article, q *Quote) []qtok {
	var out []qtok
	gap := false
	for _, p := range q.Parts {
		for _, t := range wordTokens(a.Text, p.Start, p.End) {
			if t.punct {
				if t.text == "…" || t.text == "." && t.end < p.End && a.Text[t.end] == '.' {
					gap = true
				}
				continue
			}
			norm := strings.ToLower(strings.ReplaceAll(t.text, "’", "'"))
			norm = strings.TrimSuffix(norm, ".")
			out = append(out, qtok{norm: norm, start: t.start, end: t.end, ellipsis: gap})
			gap = false
		}
	}
	return out
}

// quoteClusters are the outlets' quotes grouped into statements.
type quoteClusters struct {
	all  []quoteRef
	toks map[quoteRef][]qtok
	// roots are the statements, each by its first quote's place in all,
	// in the order of those quotes; clusters[root] are its quotes' places.
	roots    []int
	clusters map[int][]int
}

// clusterQuotes groups the articles' quotes into statements. It reads only
// the articles and their quotes, so it may run before the alignments are
// made; matchQuotes then finds each statement's status in every outlet.
func clusterQuotes(articles []Article) *quoteClusters {
	type ref = quoteRef
	var all []ref
	toks := map[ref][]qtok{}
	for ai := range articles {
		a := &articles[ai]
		for qi := range a.Quotes {
			r := ref{ai, qi}
			all = append(all, r)
			toks[r] = quoteTokens(a, &a.Quotes[qi])
		}
	}
	// Candidates share a word trigram (or, for quotes of one or two words,
	// the whole quote): an index, not all pairs.
	keys := func(ts []qtok) []string {
		if len(ts) < 3 {
			words := make([]string, len(ts))
			for i, t := range ts {
				words[i] = t.norm
			}
			return []string{strings.Join(words, " ")}
		}
		out := make([]string, 0, 2*len(ts)-3)
		for i := 0; i+2 < len(ts); i++ {
			out = append(out, ts[i].norm+" "+ts[i+1].norm+" "+ts[i+2].norm)
		}
		// Word pairs too, where one of the two words carries content: a
		// quote with every third word changed ("The $5bn U.S.-backed
		// plan won't fail" against "The $6bn U.S.-led plan will not
		// fail") shares no trigram with the other version.
		for i := 0; i+1 < len(ts); i++ {
			if !isStop(ts[i].norm) || !isStop(ts[i+1].norm) {
				out = append(out, "2:"+ts[i].norm+" "+ts[i+1].norm)
			}
		}
		return out
	}
	index := map[string][]int{}
	for k, r := range all {
		for _, key := range keys(toks[r]) {
			if l := index[key]; len(l) == 0 || l[len(l)-1] != k {
				index[key] = append(l, k)
			}
		}
		// Single content words too, so that a quote of a word or two
		// ("reckless") finds the longer quotes holding it.
		for _, t := range toks[r] {
			if key := "1:" + t.norm; !isStop(t.norm) {
				if l := index[key]; len(l) == 0 || l[len(l)-1] != k {
					index[key] = append(l, k)
				}
			}
		}
	}
	shortKeys := func(ts []qtok) []string {
		var out []string
		for _, t := range ts {
			if !isStop(t.norm) {
				out = append(out, "1:"+t.norm)
			}
		}
		return out
	}
	parent := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// A quote that carries on the previous one's remarks in the next
	// sentence, with no attribution of its own ("A," she said. "B.") is
	// the same statement.
	for k := 1; k < len(all); k++ {
		prev, cur := all[k-1], all[k]
		if prev.art != cur.art {
			continue
		}
		a := &articles[cur.art]
		p, q := &a.Quotes[prev.quote], &a.Quotes[cur.quote]
		if q.Attribution == "previous" && len(p.Sentences) > 0 && len(q.Sentences) > 0 &&
			q.Sentences[0] <= p.Sentences[len(p.Sentences)-1]+1 && q.Speaker == p.Speaker {
			parent[find(k)] = find(k - 1)
		}
	}
	// Quotes sharing a trigram are compared along each posting list with
	// the quote before them and with the list's first: linear in the
	// postings, and a statement quoted by every outlet still becomes one
	// group however many outlets there are.
	tryUnion := func(a, b int) {
		if all[a].art == all[b].art || find(a) == find(b) {
			return
		}
		if sameStatement(toks[all[a]], toks[all[b]]) {
			parent[find(b)] = find(a)
		}
	}
	for key, post := range index {
		if strings.HasPrefix(key, "1:") {
			continue // single words link only short quotes, below
		}
		for i := 1; i < len(post); i++ {
			tryUnion(post[i-1], post[i])
			if i > 1 {
				tryUnion(post[0], post[i])
			}
		}
	}
	// A quote of a word or two joins the longer quotes holding its words
	// (a bounded number of them).
	const maxShort = 64
	for k, r := range all {
		if len(toks[r]) >= 3 {
			continue
		}
		for _, key := range append(keys(toks[r]), shortKeys(toks[r])...) {
			post := index[key]
			if len(post) > maxShort {
				post = post[:maxShort]
			}
			for _, o := range post {
				if o != k {
					tryUnion(o, k)
				}
			}
		}
	}
	clusters := map[int][]int{}
	var roots []int
	for k := range all {
		root := find(k)
		if clusters[root] == nil {
			roots = append(roots, root)
		}
		clusters[root] = append(clusters[root], k)
	}
	return &quoteClusters{all: all, toks: toks, roots: roots, clusters: clusters}
}

// matchQuotes finds the status of each statement qc holds in every outlet;
// stemIdx is the articles' paraphrase index (see quoteStemIndex).
func matchQuotes(res *Result, qc *quoteClusters, stemIdx *stemIndex) {
	all, toks, roots, clusters := qc.all, qc.toks, qc.roots, qc.clusters
	alignments := newAlignmentIndex(res)
	own := newOwnWords(res, stemIdx)
	res.Quotes = make([]QuoteGroup, 0, len(roots))
	for _, root := range roots {
		members := clusters[root]
		// Each outlet's version: its quotes of the statement in text order
		// (one outlet may split what another quotes at once).
		byArt := map[int][]int{}
		for _, k := range members {
			byArt[all[k].art] = append(byArt[all[k].art], all[k].quote)
		}
		type version struct {
			quotes []int
			toks   []qtok
			parts  []Span
			text   string
		}
		versions := map[int]*version{}
		for ai, qs := range byArt {
			sort.Ints(qs)
			v := &version{quotes: qs}
			var texts []string
			for n, qi := range qs {
				qt := toks[quoteRef{ai, qi}]
				if n > 0 && len(qt) > 0 {
					// Each further quote is a piece of its own, as after
					// an ellipsis.
					qt = append([]qtok{}, qt...)
					qt[0].ellipsis = true
				}
				v.toks = append(v.toks, qt...)
				v.parts = append(v.parts, res.Articles[ai].Quotes[qi].Parts...)
				texts = append(texts, res.Articles[ai].Quotes[qi].Text)
			}
			v.text = strings.Join(texts, " ")
			versions[ai] = v
		}
		// The fullest version: most words, then the first outlet.
		bestArt := -1
		for ai := range res.Articles {
			if v := versions[ai]; v != nil && (bestArt < 0 || len(v.toks) > len(versions[bestArt].toks)) {
				bestArt = ai
			}
		}
		bv := versions[bestArt]
		src := &res.Articles[bestArt]
		br := quoteRef{bestArt, bv.quotes[0]}
		g := QuoteGroup{Text: bv.text, Source: src.ID, SourceQuote: br.quote, Kind: src.Quotes[br.quote].Kind}
		g.Outlets = make([]QuoteUse, 0, len(res.Articles))
		speakers := map[string]int{}
		var target *paraphraseTarget // made when an outlet does not quote the statement
		for ai := range res.Articles {
			a := &res.Articles[ai]
			use := QuoteUse{Outlet: a.ID, Quote: -1, Sentence: -1}
			if v := versions[ai]; v != nil {
				q := &a.Quotes[v.quotes[0]]
				use.Quote, use.Quotes, use.Text, use.Speaker = v.quotes[0], v.quotes, v.text, q.Speaker
				use.Status = quoteStatus(bv.toks, v.toks)
				if use.Status == StatusAltered {
					use.Diff = quoteDiff(src, bv.parts, a, v.parts)
				}
				if q.Speaker != "" {
					speakers[q.Speaker]++
				}
			} else {
				use.Status = StatusOmitted
				if target == nil {
					target = newParaphraseTarget(bv.toks, members, all, res, stemIdx, alignments, own)
				}
				if s, ok := target.find(ai, stemIdx); ok {
					use.Status, use.Sentence, use.Text = StatusParaphrased, s, a.Sentences[s].Text
				}
			}
			g.Outlets = append(g.Outlets, use)
		}
		// The speaker most outlets name; ties go to the fullest version's,
		// then to the first name in order.
		g.Speaker = src.Quotes[br.quote].Speaker
		for name, n := range speakers {
			cur := speakers[g.Speaker]
			if n > cur || (n == cur && g.Speaker != src.Quotes[br.quote].Speaker && name < g.Speaker) || (n == cur && g.Speaker == "") {
				g.Speaker = name
			}
		}
		g.Disputed = len(speakers) > 1
		res.Quotes = append(res.Quotes, g)
	}
	// Order: by the first quoting outlet in article order, then its quote.
	first := func(g QuoteGroup) (int, int) {
		for ai, u := range g.Outlets {
			if u.Quote >= 0 {
				return ai, u.Quote
			}
		}
		return len(g.Outlets), 0
	}
	sort.SliceStable(res.Quotes, func(i, j int) bool {
		ai, qi := first(res.Quotes[i])
		aj, qj := first(res.Quotes[j])
		if ai != aj {
			return ai < aj
		}
		return qi < qj
	})
	for i := range res.Quotes {
		res.Quotes[i].ID = fmt.Sprintf("q%d", i+1)
	}
	res.Speakers = speakerStats(res.Articles)
}

// sameStatement says whether two quotes are versions of one statement:
// the shorter shares at least half its words, in order, with the longer.
func sameStatement(a, b []qtok) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return false
	}
	if len(a)*len(b) > 1<<22 {
		// Very long quotes: count shared words rather than align them.
		n, in := 0, map[string]int{}
		for _, t := range b {
			in[t.norm]++
		}
		for _, t := range a {
			if in[t.norm] > 0 {
				in[t.norm]--
				n++
			}
		}
		return n*2 >= len(a)
	}
	n := lcs(a, b)
	if len(a) <= 2 {
		return n == len(a) && contentful(joinNorm(a))
	}
	return n*2 >= len(a) && n >= 3
}

func joinNorm(ts []qtok) string {
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = t.norm
	}
	return strings.Join(words, " ")
}

// lcs is the length of the longest common subsequence of two word lists.
func lcs(a, b []qtok) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i].norm == b[j].norm:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// quoteStatus compares an outlet's version with the fullest one: the same
// words are full; a contiguous part (or parts cut at an ellipsis, in order)
// is truncated; anything else is altered.
func quoteStatus(full, got []qtok) string {
	if joinNorm(full) == joinNorm(got) {
		return StatusFull
	}
	// Split the outlet's words at its ellipses and find each piece in
	// order.
	var pieces [][]qtok
	for i, t := range got {
		if i == 0 || t.ellipsis {
			pieces = append(pieces, nil)
		}
		pieces[len(pieces)-1] = append(pieces[len(pieces)-1], t)
	}
	// The fullest version's words joined by spaces, with a space at each
	// end and the offset of the space before each word: finding a piece's
	// words, space-delimited, finds them as whole words, in time linear in
	// the text however alike its words are.
	var b strings.Builder
	at := make([]int, len(full)+1)
	for i, t := range full {
		at[i] = b.Len()
		b.WriteByte(' ')
		b.WriteString(t.norm)
	}
	at[len(full)] = b.Len()
	b.WriteByte(' ')
	text := b.String()
	from := 0
	for _, p := range pieces {
		k := strings.Index(text[at[from]:], " "+joinNorm(p)+" ")
		if k < 0 {
			return StatusAltered
		}
		i, _ := slices.BinarySearch(at, at[from]+k)
		from = i + len(p)
	}
	return StatusTruncated
}

// quoteDiff is the word diff from the fullest version to an outlet's. A
// quote may come in parts around its attribution, so each op is cut where
// either side moves from one part to the next: every op's text is then the
// article's own bytes between its offsets.
func quoteDiff(src *Article, full []Span, a *Article, parts []Span) []DiffOp {
	var from, to []diffToken
	for _, p := range full {
		from = append(from, diffTokens(src.Text[p.Start:p.End], p.Start)...)
	}
	for _, p := range parts {
		to = append(to, diffTokens(a.Text[p.Start:p.End], p.Start)...)
	}
	slice := func(text string) func(s, e int) string {
		return func(s, e int) string { return text[s:e] }
	}
	ops := wordDiff(from, to, slice(src.Text), slice(a.Text))
	return cutAtParts(ops, from, to, full, parts, src.Text, a.Text)
}

// cutAtParts splits every op of a quote's diff that runs over from one
// part of the quote to the next into one op per part, its texts read from
// the articles. An op's words on either side are the tokens between its
// offsets; an equal op's words pair up one to one.
func cutAtParts(ops []DiffOp, from, to []diffToken, full, parts []Span, fromText, toText string) []DiffOp {
	if len(full) < 2 && len(parts) < 2 {
		for i := range ops {
			setTexts(&ops[i], fromText, toText)
		}
		return ops
	}
	// tokensIn returns the tokens between offsets s and e (none for -1),
	// with the part each lies in.
	partOf := func(spans []Span, t diffToken) int {
		k, _ := slices.BinarySearchFunc(spans, t.start, func(sp Span, at int) int {
			if sp.End <= at {
				return -1
			}
			if sp.Start > at {
				return 1
			}
			return 0
		})
		return k
	}
	tokensIn := func(toks []diffToken, spans []Span, s, e int) (out []diffToken, part []int) {
		if s < 0 {
			return nil, nil
		}
		for _, t := range toks {
			if t.start >= s && t.end <= e {
				out = append(out, t)
				part = append(part, partOf(spans, t))
			}
		}
		return out, part
	}
	// runs cuts a token list where its part changes (or, with other, where
	// either list's does: an equal op's tokens pair up).
	runs := func(part, other []int) [][2]int {
		var out [][2]int
		for i := range part {
			if i == 0 || part[i] != part[i-1] || (other != nil && other[i] != other[i-1]) {
				out = append(out, [2]int{i, i + 1})
			} else {
				out[len(out)-1][1] = i + 1
			}
		}
		return out
	}
	out := make([]DiffOp, 0, len(ops))
	for _, op := range ops {
		ft, fp := tokensIn(from, full, op.FromStart, op.FromEnd)
		tt, tp := tokensIn(to, parts, op.ToStart, op.ToEnd)
		whole := (len(fp) == 0 || fp[0] == fp[len(fp)-1]) && (len(tp) == 0 || tp[0] == tp[len(tp)-1])
		if whole {
			setTexts(&op, fromText, toText)
			out = append(out, op)
			continue
		}
		fromSide := func(r [2]int) (string, int, int) {
			s, e := ft[r[0]].start, ft[r[1]-1].end
			return fromText[s:e], s, e
		}
		toSide := func(r [2]int) (string, int, int) {
			s, e := tt[r[0]].start, tt[r[1]-1].end
			return toText[s:e], s, e
		}
		switch op.Op {
		case OpEqual:
			if len(ft) != len(tt) {
				// Not expected: an equal op's words pair up. Keep it whole.
				setTexts(&op, fromText, toText)
				out = append(out, op)
				continue
			}
			for _, r := range runs(fp, tp) {
				o := DiffOp{Op: OpEqual}
				o.FromText, o.FromStart, o.FromEnd = fromSide(r)
				o.ToText, o.ToStart, o.ToEnd = toSide(r)
				out = append(out, o)
			}
		default:
			// A deletion, an insertion or a replacement: each side in its
			// parts, paired in order; what one side has more of is a
			// deletion or an insertion of its own.
			var fr, tr [][2]int
			if len(fp) > 0 {
				fr = runs(fp, nil)
			}
			if len(tp) > 0 {
				tr = runs(tp, nil)
			}
			for k := range max(len(fr), len(tr)) {
				o := DiffOp{FromStart: -1, FromEnd: -1, ToStart: -1, ToEnd: -1}
				switch {
				case k < len(fr) && k < len(tr):
					o.Op = OpReplace
				case k < len(fr):
					o.Op = OpDelete
				default:
					o.Op = OpInsert
				}
				if k < len(fr) {
					o.FromText, o.FromStart, o.FromEnd = fromSide(fr[k])
				}
				if k < len(tr) {
					o.ToText, o.ToStart, o.ToEnd = toSide(tr[k])
				}
				out = append(out, o)
			}
		}
	}
	return out
}

// setTexts reads an op's texts from the articles at its offsets.
func setTexts(op *DiffOp, fromText, toText string) {
	if op.FromStart >= 0 {
		op.FromText = fromText[op.FromStart:op.FromEnd]
	}
	if op.ToStart >= 0 {
		op.ToText = toText[op.ToStart:op.ToEnd]
	}
}

// stemIndex holds the content stems of every article's sentences, each
// stem by a number of its own.
type stemIndex struct {
	fs    *featureSet
	words map[string]int32 // a word as written -> its stem's number, -1 for a stop word
	stems map[string]int32 // a stem -> its number
	// posts holds, per article, a pair for each stem and sentence holding
	// it, by stem and then sentence.
	posts [][]stemPost
	// df counts the sentences of the whole event holding each stem, and
	// total is the number of sentences.
	df    []int32
	total int
}

type stemPost struct{ stem, sentence int32 }

// quoteStemIndex is the paraphrase index of the articles' sentences; stems
// are those another stage worked out already (or nil), read and never
// written. It reads only the sentences, so it may be built before the
// alignments are.
func quoteStemIndex(articles []Article, stems map[string]string) *stemIndex {
	fs := newFeatureSet()
	fs.known = stems
	return newStemIndex(articles, fs)
}

func newStemIndex(articles []Article, fs *featureSet) *stemIndex {
	x := &stemIndex{fs: fs, words: map[string]int32{}, stems: map[string]int32{}, posts: make([][]stemPost, len(articles))}
	var (
		ids  []int32
		keys []uint64
	)
	for ai := range articles {
		a := &articles[ai]
		var posts []stemPost
		for _, s := range a.Sentences {
			ids = x.contentStems(s.Text, ids[:0])
			for _, id := range ids {
				posts = append(posts, stemPost{id, int32(s.Index)})
				x.df[id]++
			}
		}
		x.posts[ai], keys = sortPosts(posts, keys[:0])
		x.total += len(a.Sentences)
	}
	return x
}

// sortPosts sorts postings by stem and then sentence, through keys (working
// space, returned for the next call) that pack each pair into one number: a
// plain sort of numbers, with no comparison function to call.
func sortPosts(posts []stemPost, keys []uint64) ([]stemPost, []uint64) {
	for _, p := range posts {
		keys = append(keys, uint64(uint32(p.stem))<<32|uint64(uint32(p.sentence)))
	}
	slices.Sort(keys)
	for i, k := range keys {
		posts[i] = stemPost{stem: int32(k >> 32), sentence: int32(uint32(k))}
	}
	return posts, keys
}

// sentences returns the pairs of article ai's sentences holding stem id,
// in sentence order.
func (x *stemIndex) sentences(ai int, id int32) []stemPost {
	// Two searches, not a walk: a stem in most sentences of a huge article
	// must cost no more to look up than a rare one.
	ps := x.posts[ai]
	byStem := func(p stemPost, id int32) int { return cmp.Compare(p.stem, id) }
	lo, _ := slices.BinarySearchFunc(ps, id, byStem)
	hi, _ := slices.BinarySearchFunc(ps[lo:], id+1, byStem)
	return ps[lo : lo+hi]
}

// contentStems appends to out the numbers of the stems of a text's words
// that are not stop words, each once, in text order. Words are runs of
// letters, digits and hyphens, lower-cased.
func (x *stemIndex) contentStems(text string, out []int32) []int32 {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		start = -1
		id, ok := x.words[w]
		if !ok {
			id = -1
			lower := strings.ToLower(w)
			if !isStop(lower) && len(lower) >= 2 {
				st := x.fs.stem(lower)
				if id, ok = x.stems[st]; !ok {
					id = int32(len(x.df))
					x.stems[st] = id
					x.df = append(x.df, 0)
				}
			}
			x.words[w] = id
		}
		if id >= 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// alignmentIndex lists each alignment's sentences as [article, sentence]
// and maps each sentence to the alignments holding it.
type alignmentIndex struct {
	members [][][2]int
	of      map[[2]int][]int
}

func newAlignmentIndex(res *Result) *alignmentIndex {
	artIndex := map[string]int{}
	for i, a := range res.Articles {
		artIndex[a.ID] = i
	}
	x := &alignmentIndex{members: make([][][2]int, len(res.Alignments)), of: map[[2]int][]int{}}
	for gi, g := range res.Alignments {
		for _, m := range g.Members {
			for _, s := range m.Sentences {
				key := [2]int{artIndex[m.Outlet], s}
				x.members[gi] = append(x.members[gi], key)
				x.of[key] = append(x.of[key], gi)
			}
		}
	}
	return x
}

// maxParaphrasePostings bounds the sentences of one article a stem may be
// in and still count as evidence of a paraphrase: a word in more of them
// (the story's main actor or place, in a very long article) tells no
// sentence apart, and following it for every statement would make the
// search quadratic.
const maxParaphrasePostings = 64

// paraphraseTarget is what an outlet that does not quote a statement must
// say to paraphrase it.
type paraphraseTarget struct {
	// want are the statement's content stems, and weight[k] says how
	// rare want[k] is in the event.
	want   []int32
	weight []float64
	// aligned holds the sentences, as [article, sentence], aligned with a
	// sentence that quotes the statement.
	aligned map[[2]int]bool
	own     *ownWords
}

// ownWords gives, for a sentence holding direct quotes, the content
// stems of its own words, outside the quotes: worked out once per
// sentence, however many statements ask (a sentence may hold hundreds of
// quotes, each a statement of its own).
type ownWords struct {
	res   *Result
	stems *stemIndex
	// quoted[ai][s] are the parts of article ai's direct quotes over its
	// sentence s (nil until the article is first asked about); a partial
	// quote, a few words woven into the outlet's own sentence, is the
	// outlet's account and does not count.
	quoted [][][]Span
	// of holds the sorted stems of each sentence asked about, by
	// [article, sentence].
	of map[[2]int][]int32
}

func newOwnWords(res *Result, stems *stemIndex) *ownWords {
	return &ownWords{res: res, stems: stems, quoted: make([][][]Span, len(res.Articles)), of: map[[2]int][]int32{}}
}

// get returns the sorted content stems of sentence s of article ai
// outside its direct quotes, and false when the sentence holds none (its
// words are all its own).
func (o *ownWords) get(ai, s int) ([]int32, bool) {
	a := &o.res.Articles[ai]
	if o.quoted[ai] == nil {
		o.quoted[ai] = make([][]Span, len(a.Sentences))
		for _, q := range a.Quotes {
			if q.Kind != "direct" {
				continue
			}
			for _, si := range q.Sentences {
				sent := a.Sentences[si]
				for _, p := range q.Parts {
					if min(p.End, sent.End) > max(p.Start, sent.Start) {
						o.quoted[ai][si] = append(o.quoted[ai][si], p)
					}
				}
			}
		}
	}
	quoted := o.quoted[ai][s]
	if quoted == nil {
		return nil, false
	}
	key := [2]int{ai, s}
	if stems, ok := o.of[key]; ok {
		return stems, true
	}
	sent := a.Sentences[s]
	var b strings.Builder
	at := sent.Start
	for _, p := range quoted { // in text order, as quotes and their parts are
		if p.Start > at {
			b.WriteString(a.Text[at:min(p.Start, sent.End)])
		}
		b.WriteByte(' ')
		at = max(at, p.End)
	}
	if at < sent.End {
		b.WriteString(a.Text[at:sent.End])
	}
	stems := o.stems.contentStems(b.String(), nil)
	slices.Sort(stems)
	o.of[key] = stems
	return stems, true
}

func newParaphraseTarget(full []qtok, members []int, all []quoteRef, res *Result,
	stems *stemIndex, alignments *alignmentIndex, own *ownWords) *paraphraseTarget {
	t := &paraphraseTarget{want: stems.contentStems(joinNorm(full), nil), aligned: map[[2]int]bool{}, own: own}
	// Words every outlet uses all the time (the place, the main actors)
	// say little: weigh each by how rare it is in the event.
	t.weight = make([]float64, len(t.want))
	for k, st := range t.want {
		t.weight[k] = math.Log(float64(stems.total+1) / float64(stems.df[st]+1))
	}
	// Each alignment once, however many quoting sentences it holds.
	seen := map[int]bool{}
	for _, k := range members {
		r := all[k]
		for _, s := range res.Articles[r.art].Quotes[r.quote].Sentences {
			for _, gi := range alignments.of[[2]int{r.art, s}] {
				if !seen[gi] {
					seen[gi] = true
					for _, y := range alignments.members[gi] {
						t.aligned[y] = true
					}
				}
			}
		}
	}
	return t
}

// find returns the sentence of article ai that carries the statement's
// content without quoting it: one holding most of its content words (all
// of them for a short quote) and, for a short quote, aligned with a
// sentence that quotes it.
func (t *paraphraseTarget) find(ai int, stems *stemIndex) (int, bool) {
	if len(t.want) == 0 {
		return -1, false
	}
	count := map[int]int{}
	got := map[int]float64{}
	sum := 0.0
	for k, st := range t.want {
		sum += t.weight[k]
		if post := stems.sentences(ai, st); len(post) <= maxParaphrasePostings {
			for _, p := range post {
				s := int(p.sentence)
				count[s]++
				got[s] += t.weight[k]
			}
		}
	}
	short := len(t.want) < 4
	enough := func(cover float64, aligned bool) bool {
		if short {
			return cover == 1 && aligned
		}
		return cover >= 0.5 || (aligned && cover >= 0.35)
	}
	coverOf := func(n int, got float64) float64 {
		cover := float64(n) / float64(len(t.want))
		if sum > 0 {
			cover = math.Min(cover, got/sum)
		}
		return cover
	}
	best, bestScore := -1, 0.0
	for s, n := range count {
		aligned := t.aligned[[2]int{ai, s}]
		cover := coverOf(n, got[s])
		if !enough(cover, aligned) {
			continue
		}
		if own, ok := t.own.get(ai, s); ok {
			// Words someone is quoted saying are theirs, not the outlet's
			// account of another statement: only the sentence's own words
			// count.
			n, got := 0, 0.0
			for k, st := range t.want {
				if _, found := slices.BinarySearch(own, st); found {
					n++
					got += t.weight[k]
				}
			}
			if cover = coverOf(n, got); !enough(cover, aligned) {
				continue
			}
		}
		score := cover
		if aligned {
			score += 0.5
		}
		if score > bestScore || (score == bestScore && s < best) {
			best, bestScore = s, score
		}
	}
	return best, best >= 0
}

// speakerStats counts each outlet's quotes and quoted words per speaker.
func speakerStats(articles []Article) []SpeakerStats {
	var out []SpeakerStats
	for _, a := range articles {
		type acc struct{ quotes, words int }
		by := map[string]*acc{}
		total := 0
		for _, q := range a.Quotes {
			n := countWords(q.Text) // as an article's words are counted
			total += n
			sp := q.Speaker // "" for quotes the text attributes to no one, as in Quote
			if by[sp] == nil {
				by[sp] = &acc{}
			}
			by[sp].quotes++
			by[sp].words += n
		}
		names := make([]string, 0, len(by))
		for n := range by {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool {
			if by[names[i]].words != by[names[j]].words {
				return by[names[i]].words > by[names[j]].words
			}
			return names[i] < names[j]
		})
		for _, n := range names {
			share := 0.0
			if total > 0 {
				share = roundScore(float64(by[n].words) / float64(total))
			}
			out = append(out, SpeakerStats{Outlet: a.ID, Speaker: n, Quotes: by[n].quotes, Words: by[n].words, Share: share})
		}
	}
	return out
}
