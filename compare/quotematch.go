package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/compare/internal/wordnet"
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
	// Text is the fullest version quoted (the one holding the most
	// outlets' versions, whole or trimmed: see fullestVersion), from outlet
	// Source's quote SourceQuote; the statuses are measured against it.
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
	var speech *speechEvidence // made when a statement is first looked for unquoted
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
		// The fullest version: see fullestVersion.
		quoting := make([]int, 0, len(versions))
		vtoks := make([][]qtok, 0, len(versions))
		for ai := range res.Articles {
			if v := versions[ai]; v != nil {
				quoting = append(quoting, ai)
				vtoks = append(vtoks, v.toks)
			}
		}
		bestArt := quoting[fullestVersion(vtoks)]
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
				if speech == nil {
					speech = newSpeechEvidence(res, stemIdx, own)
				}
				if target == nil {
					target = newParaphraseTarget(bv.toks, bv.text, members, all, res, stemIdx, alignments, own, speech)
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

// fullestVersion returns which of a statement's versions (each quoting
// outlet's words, in article order) the others are measured against. It is
// the version that holds the most versions, itself included, whole or as
// trimmed parts (full or truncated against it); then the one with the most
// words; then the first. So where most outlets print the same words, a
// longer version that changes them ("until the board is forced to meet
// us" against "until the board agrees to meet us") holds only itself and
// is the altered one, while a version that carries the shared words
// further holds the trimmed ones as well as its own and stays the fullest.
// Article order is the outlets' id order, so the choice does not depend
// on the reference outlet or the order the articles were given in.
func fullestVersion(vs [][]qtok) int {
	// Versions with the same words (and ellipses) are compared once, and
	// counted as many times as outlets print them.
	type wording struct {
		first, n int    // first version with these words, and how many
		norm     string // the words, for comparing as a candidate
	}
	var ws []wording
	byKey := map[string]int{}
	for i, ts := range vs {
		var b strings.Builder
		for _, t := range ts {
			if t.ellipsis {
				b.WriteString("… ")
			}
			b.WriteString(t.norm)
			b.WriteByte(' ')
		}
		k := b.String()
		if j, ok := byKey[k]; ok {
			ws[j].n++
			continue
		}
		byKey[k] = len(ws)
		ws = append(ws, wording{first: i, n: 1, norm: joinNorm(ts)})
	}
	if len(ws) == 1 {
		return 0
	}
	// A version holds only versions of no more words than its own, so
	// the versions up to its length bound what it can hold. Candidates are
	// tried from the highest bound down, and the search stops at a bound
	// below the most held so far: where most outlets print one wording,
	// few are tried, rather than every wording against every other.
	byLen := slices.Clone(ws)
	slices.SortStableFunc(byLen, func(a, b wording) int { return len(vs[a.first]) - len(vs[b.first]) })
	bound := make(map[int]int, len(ws)) // by first version: versions no longer than it
	for i, total := 0, 0; i < len(byLen); {
		j, n := i, len(vs[byLen[i].first])
		for ; j < len(byLen) && len(vs[byLen[j].first]) == n; j++ {
			total += byLen[j].n
		}
		for ; i < j; i++ {
			bound[byLen[i].first] = total
		}
	}
	cands := slices.Clone(ws)
	slices.SortStableFunc(cands, func(a, b wording) int { return bound[b.first] - bound[a.first] })
	best, bestHeld := -1, 0
	seen := map[string]bool{} // candidates' words: ellipses do not change what a version holds
	for _, c := range cands {
		if best >= 0 && bound[c.first] < bestHeld {
			break
		}
		if seen[c.norm] {
			continue
		}
		seen[c.norm] = true
		size, held := len(vs[c.first]), 0
		for _, w := range byLen {
			if len(vs[w.first]) > size {
				break
			}
			if quoteStatus(vs[c.first], vs[w.first]) != StatusAltered {
				held += w.n
			}
		}
		if best < 0 || held > bestHeld || held == bestHeld && (size > len(vs[best]) || size == len(vs[best]) && c.first < best) {
			best, bestHeld = c.first, held
		}
	}
	return best
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
	speech  *speechEvidence
	// speakers are the names the quoting outlets give the speaker, and
	// quoting the quotes of the statement.
	speakers []string
	quoting  []quoteRef
	// text is the statement's words, lower case, and version the fullest
	// version as quoted. The rest is made when first needed (prepare):
	// forms[k] and figures[k] are the words and figures of stem want[k],
	// related[k] the related-word groups of the words (prepareRelated);
	// nobody is the stem of "nobody" (or -1); all and pieces are indexes
	// of want, all of them and those of each sentence of a statement of
	// several; context is the topic's stems (see contextStems).
	text, version string
	prepared      bool
	forms         [][]string
	related       [][]uint32
	figures       [][]string
	nobody        int32
	all           []int
	pieces        [][]int
	context       []int32
	contextDone   bool
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

// quotedIn returns the parts of article ai's direct quotes over its
// sentence s, in text order, or nil when it holds none.
func (o *ownWords) quotedIn(ai, s int) []Span {
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
	return o.quoted[ai][s]
}

// text returns sentence s of article ai with its direct quotes blanked
// out: the outlet's own words.
func (o *ownWords) text(ai, s int) string {
	a := &o.res.Articles[ai]
	sent := a.Sentences[s]
	quoted := o.quotedIn(ai, s)
	if quoted == nil {
		return sent.Text
	}
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
	return b.String()
}

// get returns the sorted content stems of sentence s of article ai
// outside its direct quotes, and false when the sentence holds none (its
// words are all its own).
func (o *ownWords) get(ai, s int) ([]int32, bool) {
	if o.quotedIn(ai, s) == nil {
		return nil, false
	}
	key := [2]int{ai, s}
	if stems, ok := o.of[key]; ok {
		return stems, true
	}
	stems := o.stems.contentStems(o.text(ai, s), nil)
	slices.Sort(stems)
	o.of[key] = stems
	return stems, true
}

func newParaphraseTarget(full []qtok, version string, members []int, all []quoteRef, res *Result,
	stems *stemIndex, alignments *alignmentIndex, own *ownWords, speech *speechEvidence) *paraphraseTarget {
	text := joinNorm(full)
	t := &paraphraseTarget{want: stems.contentStems(text, nil), aligned: map[[2]int]bool{}, own: own, speech: speech,
		text: text, version: version, nobody: -1}
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
		t.quoting = append(t.quoting, r)
		q := &res.Articles[r.art].Quotes[r.quote]
		if q.Speaker != "" && !slices.Contains(t.speakers, q.Speaker) {
			t.speakers = append(t.speakers, q.Speaker)
		}
		for _, s := range q.Sentences {
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

// notWordRune says whether r ends a word, as contentStems reads words.
func notWordRune(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') }

// find returns the sentence of article ai that carries the statement's
// content without quoting it. How much of the statement's content a
// sentence must hold depends on what else it says (see accepts).
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
	coverOf := func(n int, got float64) float64 {
		cover := float64(n) / float64(len(t.want))
		if sum > 0 {
			cover = math.Min(cover, got/sum)
		}
		return cover
	}
	best, bestScore := -1, 0.0
	for s, n := range count {
		if n < 2 && len(t.want) >= 4 {
			continue // no rule takes one word of a statement of four or more
		}
		cover := coverOf(n, got[s])
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
			if n == 0 {
				continue
			}
			cover = coverOf(n, got)
		}
		score, ok := t.accepts(ai, s, cover)
		if ok && (score > bestScore || (score == bestScore && s < best)) {
			best, bestScore = s, score
		}
	}
	return best, best >= 0
}

// accepts says whether sentence s of article ai, holding a share cover of
// the statement's content stems, gives the statement, and how well. The
// bar depends on who the sentence says is speaking:
//
//   - someone else (a statement or quote of another speaker), or a quote
//     with no second word of speech beside its attribution: nearly all
//     the content, and never for a statement of three content words or
//     fewer;
//   - the speaker, named, as a pronoun or as their body, with a word of
//     speech ("urged", "called it fair", "according to"): see
//     speakerGives;
//   - no one, with a word of speech: half the content, or a third in a
//     sentence aligned with one quoting the statement;
//   - no word of speech at all (narration): nearly all the content.
//
// A statement of three content words or fewer is found otherwise only in
// a sentence aligned with one quoting it, holding all its words, on its
// topic (onTopic).
func (t *paraphraseTarget) accepts(ai, s int, cover float64) (float64, bool) {
	short := len(t.want) < 4
	aligned := t.aligned[[2]int{ai, s}]
	sp := t.speech.sentence(ai, s)
	who := t.speech.relation(ai, s, t.speakers)
	score := cover
	if aligned {
		score += 0.5
	}
	switch {
	case who < 0 || (sp.quoted && sp.cues < 2):
		return score, !short && cover >= 0.8
	case who > 0 && sp.cues > 0:
		// Related words are looked up only when the words themselves do
		// not do.
		hit, exact := t.matches(ai, s, false)
		ext, ok := t.speakerGives(ai, s, aligned, hit, exact)
		if !ok {
			hit, exact = t.matches(ai, s, true)
			ext, ok = t.speakerGives(ai, s, aligned, hit, exact)
		}
		score = math.Max(ext, cover) + 0.25
		if aligned {
			score += 0.5
		}
		return score, ok
	case short:
		return score, cover == 1 && aligned && t.onTopic(ai, s)
	case sp.cues > 0:
		return score, cover >= 0.5 || (aligned && cover >= 0.35)
	default:
		return score, cover >= 0.8
	}
}

// matches says, for each of the statement's content stems, how far
// sentence s of article ai gives it in its own words: 1 for the stem
// itself, the same figure written otherwise ("forty", "40") or "no one"
// for "nobody", 0.75 for a related word (WordNet's, when related is
// set), 0 for none; exact marks the stems themselves.
func (t *paraphraseTarget) matches(ai, s int, related bool) (hit []float64, exact []bool) {
	t.prepare()
	if related {
		t.prepareRelated()
	}
	ev := t.speech
	sw := ev.words(ai, s)
	hit = make([]float64, len(t.want))
	exact = make([]bool, len(t.want))
	for k, st := range t.want {
		_, found := slices.BinarySearch(sw.stems, st)
		switch {
		case found:
			hit[k], exact[k] = 1, true
		case st == t.nobody && sw.noOne:
			hit[k] = 1
		case slices.ContainsFunc(t.figures[k], func(f string) bool { _, ok := slices.BinarySearch(sw.figures, f); return ok }):
			hit[k] = 1
		case related && len(t.related[k]) > 0 && intersects(t.related[k], ev.groupsOf(sw)):
			hit[k] = 0.75
		}
	}
	return hit, exact
}

// coverage is the share of the statement's content stems ks (indexes of
// want) that hit gives, weighed as find weighs them, with the number
// found and the number found by stem.
func (t *paraphraseTarget) coverage(ks []int, hit []float64, exact []bool) (float64, int, int) {
	n, nExact, got, sum := 0, 0, 0.0, 0.0
	for _, k := range ks {
		sum += t.weight[k]
		got += hit[k] * t.weight[k]
		if hit[k] > 0 {
			n++
		}
		if exact[k] {
			nExact++
		}
	}
	cover := float64(n) / float64(len(ks))
	if sum > 0 {
		cover = math.Min(cover, got/sum)
	}
	return cover, n, nExact
}

// speakerGives says whether a sentence in which the speaker is reported
// speaking gives the statement, by matches hit and exact:
//
//   - of a statement of four content words or more, two by stem at least
//     and half its content, or a third in a sentence aligned with one
//     quoting it, or two words where it calls something what the
//     statement calls it (callsIt);
//   - of a statement of three or fewer, one by stem at least, and all of
//     them, or two of three; but for all three, on its topic (onTopic);
//   - of a statement of several sentences, one sentence as if a statement
//     of its own, two words by stem at least, though a short one needs no
//     topic then: the rest of the statement is its topic.
func (t *paraphraseTarget) speakerGives(ai, s int, aligned bool, hit []float64, exact []bool) (float64, bool) {
	part := func(ks []int, piece bool) (float64, bool) {
		cover, n, nExact := t.coverage(ks, hit, exact)
		size := len(ks)
		switch {
		case size >= 4:
			return cover, nExact >= 2 && (cover >= 0.5 || (!piece && (aligned && cover >= 0.35 || t.callsIt(ai, s))))
		case nExact == 0 || (piece && nExact < 2) || n < size-1 || (n < size && size < 3):
			return cover, false
		case n == 3 || (piece && n == size):
			return cover, true
		default:
			return cover, t.onTopic(ai, s)
		}
	}
	cover, ok := part(t.all, false)
	if ok || len(t.want) < 4 {
		return cover, ok
	}
	// A statement of several sentences, one of them given.
	for _, ks := range t.pieces {
		if len(ks) >= 2 {
			if c, ok := part(ks, true); ok {
				return c / 2, true
			}
		}
	}
	return cover, false
}

// callsIt says whether sentence s of article ai says the speaker called
// what the statement is about what the statement calls it: a word of the
// statement just after a verb of calling, and another one before that
// word, around the verb ("the plan, which he called fair", "called the
// plan fair", against "This plan is fair").
func (t *paraphraseTarget) callsIt(ai, s int) bool {
	for _, around := range t.speech.words(ai, s).calls {
		for k := calledWindow + 1; k < len(around); k++ {
			if around[k] < 0 || !slices.Contains(t.want, around[k]) {
				continue
			}
			for j := range k {
				if j != calledWindow && around[j] >= 0 && around[j] != around[k] && slices.Contains(t.want, around[j]) {
					return true
				}
			}
		}
	}
	return false
}

// prepare sorts the statement's words by stem into figures and other
// words, and finds the stems of each of its sentences.
func (t *paraphraseTarget) prepare() {
	if t.prepared {
		return
	}
	t.prepared = true
	ev := t.speech
	t.all = make([]int, len(t.want))
	for k := range t.all {
		t.all[k] = k
	}
	if segs := Segments(t.version); len(segs) > 1 {
		for _, seg := range segs {
			var ks []int
			for _, id := range ev.stems.contentStems(t.version[seg.Start:seg.End], nil) {
				if k := slices.Index(t.want, id); k >= 0 && !slices.Contains(ks, k) {
					ks = append(ks, k)
				}
			}
			t.pieces = append(t.pieces, ks)
		}
	}
	t.forms = make([][]string, len(t.want))
	t.figures = make([][]string, len(t.want))
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(t.text, notWordRune) {
		id, ok := ev.stems.words[w]
		if !ok || id < 0 || seen[w] {
			continue
		}
		seen[w] = true
		k := slices.Index(t.want, id)
		if k < 0 {
			continue
		}
		if n, ok := normalizeNumber(w); ok {
			t.figures[k] = append(t.figures[k], n)
		} else {
			t.forms[k] = append(t.forms[k], w)
		}
		if w == "nobody" {
			t.nobody = id
		}
	}
}

// prepareRelated finds the related-word groups of the statement's
// content words.
func (t *paraphraseTarget) prepareRelated() {
	if t.related != nil {
		return
	}
	t.related = make([][]uint32, len(t.want))
	for k, forms := range t.forms {
		for _, w := range forms {
			t.related[k] = append(t.related[k], t.speech.groups(w)...)
		}
		t.related[k] = sortUnique(t.related[k])
	}
}

// onTopic says whether sentence s of article ai is about what the
// statement was said about: its own words share a stem with the words
// around the quotes of it (contextStems), or hold the statement's words
// just after a verb of calling ("called the plan fair", "described the
// closure as reckless").
func (t *paraphraseTarget) onTopic(ai, s int) bool {
	sw := t.speech.words(ai, s)
	for _, id := range t.contextStems() {
		if _, ok := slices.BinarySearch(sw.stems, id); ok {
			return true
		}
	}
	for _, id := range t.want {
		if _, ok := slices.BinarySearch(sw.called, id); ok {
			return true
		}
	}
	return false
}

// contextStems are the content stems of the words around the quotes of
// the statement, outside quotation marks, but for the statement's own,
// the speaker's names, titles and words of speech: what the statement
// was said about ("Tallis called the plan "fair"": plan).
func (t *paraphraseTarget) contextStems() []int32 {
	if t.contextDone {
		return t.context
	}
	t.contextDone = true
	ev := t.speech
	skip := map[string]bool{}
	for _, name := range t.speakers {
		for _, w := range strings.Fields(strings.ToLower(name)) {
			skip[w] = true
		}
	}
	for _, r := range t.quoting {
		a := &ev.res.Articles[r.art]
		for _, w := range strings.FieldsFunc(aroundQuote(a, &a.Quotes[r.quote]), notWordRune) {
			l := strings.ToLower(w)
			if isStop(l) || skip[l] || isSpeechVerb(l) || titleWords[l] || personTitles[l] || callVerbs[l] || speechCues[l] {
				continue
			}
			if id, ok := ev.stems.words[w]; ok && id >= 0 && !slices.Contains(t.want, id) {
				t.context = append(t.context, id)
			}
		}
	}
	slices.Sort(t.context)
	t.context = slices.Compact(t.context)
	return t.context
}

// aroundWindow bounds, in bytes, the text before and after a quote that
// aroundQuote reads: enough for an attribution and what the quote is
// about, and the same for a quote in a sentence of any length.
const aroundWindow = 160

// aroundQuote returns the words of a quote's sentences just before and
// after it (aroundWindow bytes each way at most), its own words blanked.
func aroundQuote(a *Article, q *Quote) string {
	if len(q.Sentences) == 0 || len(q.Parts) == 0 {
		return ""
	}
	start := a.Sentences[q.Sentences[0]].Start
	end := a.Sentences[q.Sentences[len(q.Sentences)-1]].End
	from := max(start, q.Parts[0].Start-aroundWindow)
	for from < len(a.Text) && !utf8.RuneStart(a.Text[from]) {
		from++
	}
	to := min(end, q.Parts[len(q.Parts)-1].End+aroundWindow)
	for to < len(a.Text) && to > 0 && !utf8.RuneStart(a.Text[to]) {
		to--
	}
	var b strings.Builder
	at := from
	for _, p := range q.Parts {
		if p.Start > at {
			b.WriteString(a.Text[at:min(p.Start, to)])
		}
		b.WriteByte(' ')
		at = max(at, p.End)
	}
	if at < to {
		b.WriteString(a.Text[at:to])
	}
	return b.String()
}

// speechCues are words of reported speech beside the speech verbs
// (isSpeechVerb) and the nouns for what someone said (speechNouns).
var speechCues = map[string]bool{
	"according": true, "calling": true, "describing": true, "dubbed": true, "dubbing": true,
	"urging": true, "terming": true, "branding": true, "labelling": true, "labeling": true,
	"characterised": true, "characterized": true, "characterising": true, "characterizing": true,
	"accusing": true, "words": true, "view": true, "rejected": true, "rejects": true,
	"refused": true, "refuses": true, "welcomed": true, "welcomes": true, "defended": true,
	"defends": true, "hoped": true, "hopes": true, "plea": true, "appeal": true,
}

// callVerbs name what something is: the words after them ("called the
// plan fair") give the speaker's own word for it.
var callVerbs = map[string]bool{
	"call": true, "calls": true, "called": true, "calling": true, "described": true, "describes": true,
	"describing": true, "termed": true, "terming": true, "branded": true, "branding": true,
	"labelled": true, "labeled": true, "labelling": true, "labeling": true, "dubbed": true,
	"dubbing": true, "dismissed": true, "characterised": true, "characterized": true,
}

// calledWindow is how many words after a verb of calling name the thing
// called ("called the new budget fair").
const calledWindow = 6

// personTitles may stand for a person on their own ("the mayor said").
var personTitles = map[string]bool{
	"mayor": true, "minister": true, "president": true, "governor": true, "general": true,
	"chancellor": true, "premier": true, "senator": true, "ambassador": true, "commissioner": true,
	"inspector": true, "director": true, "chairman": true, "chairwoman": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "chief": true, "councillor": true, "councilor": true,
	"superintendent": true, "commander": true, "captain": true, "colonel": true, "sheriff": true,
	"judge": true, "prosecutor": true, "secretary": true, "coach": true, "manager": true,
}

// pronounKinds are the subject pronouns that may stand for a speaker:
// "m" and "f" for a person, "n" for a body, "p" for either.
var pronounKinds = map[string]string{"he": "m", "she": "f", "it": "n", "they": "p"}

// speechWords returns the words sentence looks for: "cue" for a word of
// speech (quoteVerbs, speechNouns, speechCues), a kind of pronounKinds
// for a pronoun. It is made on first use, once every list is filled
// (quoteVerbs is, by an init of another file).
var speechWords = sync.OnceValue(func() map[string]string {
	words := map[string]string{}
	for _, m := range []map[string]bool{quoteVerbs, speechNouns, speechCues} {
		for w := range m {
			words[w] = "cue"
		}
	}
	for w, kind := range pronounKinds {
		words[w] = kind
	}
	return words
})

// maxSpeakersChecked bounds the speakers of one sentence checked for
// being the statement's speaker's body: a sentence with more quotes and
// reports of others than that is someone else's.
const maxSpeakersChecked = 8

// speechEvidence says who speaks in a sentence and what its own words
// are, for the paraphrase search: each worked out once per sentence
// asked about, however many statements ask.
type speechEvidence struct {
	res   *Result
	stems *stemIndex
	own   *ownWords
	// aliases are the ways the event names its speakers (their names,
	// surnames and the words the articles attribute quotes with), by the
	// words in lower case; aliasLengths lists the lengths of the aliases
	// starting with each word.
	aliases      map[string]*speakerAlias
	aliasLengths map[string][]int
	// speaking[ai] maps a sentence of article ai to the speakers of its
	// quotes and reported statements, and speaks holds them as a set.
	speaking []map[int][]string
	speaks   map[speakerAt]bool
	// saidBy lists each speaker's quotes and reported statements, the
	// statements as quoteRefs of quote -1-k for Statements[k]; contexts
	// are the content stems around them, sorted (made when first
	// needed).
	saidBy    map[string][]quoteRef
	contexts  map[string][]int32
	nameStems map[string][]int32 // the content stems of speakers' names
	bodies    map[string]bool    // see isBody
	affiliate map[[2]string]bool // see affiliated
	related   map[string][]uint32
	sentences map[[2]int]*sentenceSpeech
	owned     map[[2]int]*ownSentence
	toks      []wtok // working space
	buf       []byte
	capital   []bool
}

// speakerAt is a speaker of a sentence of an article.
type speakerAt struct {
	art, sentence int
	name          string
}

// speakerAlias is one way of naming speakers: for each of its words
// whether it must be capitalized (a name, not a common word), and the
// speakers it names.
type speakerAlias struct {
	capital []bool
	names   []string
}

// sentenceSpeech is what a sentence says about speech, outside quotation
// marks: the speakers it names and the pronouns it holds, in text order,
// how many words of speech it holds, and whether it holds a direct quote;
// refers, made when first needed, are the speakers it names or stands for
// with a pronoun.
type sentenceSpeech struct {
	mentions  []speakerMention
	pronouns  []speakerMention // name is a kind of pronounKinds
	cues      int
	quoted    bool
	refers    []string
	referDone bool
}

type speakerMention struct {
	pos  int
	name string
}

// ownSentence are a sentence's own words (outside its direct quotes):
// their content stems, figures and related-word groups (groups made when
// first needed), each sorted, whether they say "no one", and the stems
// of the words just after a verb of calling.
type ownSentence struct {
	stems   []int32
	figures []string
	words   []string // lower case, content words that are not figures
	groups  []uint32
	grouped bool
	noOne   bool
	called  []int32
	// calls are the stems of the words around each verb of calling, by
	// their place from calledWindow words before the verb to
	// calledWindow after it (-1 for a stop word, or no word).
	calls [][]int32
}

func newSpeechEvidence(res *Result, stems *stemIndex, own *ownWords) *speechEvidence {
	ev := &speechEvidence{res: res, stems: stems, own: own, aliases: map[string]*speakerAlias{},
		aliasLengths: map[string][]int{}, speaking: make([]map[int][]string, len(res.Articles)),
		speaks: map[speakerAt]bool{}, saidBy: map[string][]quoteRef{}, contexts: map[string][]int32{}, nameStems: map[string][]int32{}, bodies: map[string]bool{},
		affiliate: map[[2]string]bool{}, related: map[string][]uint32{}, sentences: map[[2]int]*sentenceSpeech{},
		owned: map[[2]int]*ownSentence{}}
	seen := map[[2]string]bool{} // a speaker and a way of naming them
	add := func(name, text string, whole bool) {
		if seen[[2]string{name, text}] {
			return
		}
		seen[[2]string{name, text}] = true
		// The alias's words, lower case, joined by spaces in ev.buf.
		ev.toks = appendWordTokens(ev.toks[:0], text, 0, len(text))
		capital := ev.capital[:0]
		ev.buf = ev.buf[:0]
		first := 0 // the first word's length
		for _, tk := range ev.toks {
			if tk.punct {
				continue
			}
			if len(capital) == 0 && !whole && (isStopFold(tk.text) || strings.EqualFold(tk.text, "own")) {
				continue // "the", "their own"
			}
			if len(capital) > 0 {
				ev.buf = append(ev.buf, ' ')
			}
			ev.buf = appendLower(ev.buf, tk.text)
			if len(capital) == 0 {
				first = len(ev.buf)
			}
			capital = append(capital, isCapitalized(tk))
		}
		ev.capital = capital
		switch {
		case len(capital) == 0:
			return
		case len(capital) == 1 && !capital[0] && !personTitles[string(ev.buf)]:
			return // "the port": too common a word to name anyone
		case len(capital) == 1 && pronounKinds[string(ev.buf)] != "":
			return
		}
		al := ev.aliases[string(ev.buf)]
		if al == nil {
			al = &speakerAlias{capital: slices.Clone(capital)}
			key := string(ev.buf)
			ev.aliases[key] = al
			if !slices.Contains(ev.aliasLengths[key[:first]], len(capital)) {
				ev.aliasLengths[key[:first]] = append(ev.aliasLengths[key[:first]], len(capital))
			}
		}
		for k := range al.capital {
			al.capital[k] = al.capital[k] && capital[k] // a name written either way is no name
		}
		if !slices.Contains(al.names, name) {
			al.names = append(al.names, name)
		}
	}
	named := func(ai, s int, name, text string) {
		if name == "" {
			return
		}
		if ev.speaking[ai] == nil {
			ev.speaking[ai] = map[int][]string{}
		}
		if at := (speakerAt{ai, s, name}); !ev.speaks[at] {
			ev.speaks[at] = true
			ev.speaking[ai][s] = append(ev.speaking[ai][s], name)
		}
		if !seen[[2]string{name, "\x00"}] {
			seen[[2]string{name, "\x00"}] = true
			add(name, name, true)
			if f := strings.Fields(name); len(f) > 1 && !ev.isBody(name) {
				add(name, f[len(f)-1], true)
			}
		}
		add(name, text, false)
	}
	for ai := range res.Articles {
		a := &res.Articles[ai]
		for qi, q := range a.Quotes {
			if q.Speaker != "" {
				ev.saidBy[q.Speaker] = append(ev.saidBy[q.Speaker], quoteRef{ai, qi})
			}
			for _, s := range q.Sentences {
				named(ai, s, q.Speaker, q.SpeakerText)
			}
		}
		for k, st := range a.Statements {
			if st.Speaker != "" {
				ev.saidBy[st.Speaker] = append(ev.saidBy[st.Speaker], quoteRef{ai, -1 - k})
			}
			named(ai, st.Sentence, st.Speaker, st.SpeakerText)
		}
	}
	return ev
}

// isBody says whether a speaker's name is a body's (see isBodyName),
// from a cache.
func (ev *speechEvidence) isBody(name string) bool {
	b, ok := ev.bodies[name]
	if !ok {
		b = isBodyName(name)
		ev.bodies[name] = b
	}
	return b
}

// isBodyName says whether a speaker's name is a body's: one word
// ("Norrail", "Police"), or holding a word that makes organisations.
func isBodyName(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) == 1 || slices.ContainsFunc(f, func(w string) bool { return orgWords[w] })
}

// isStopFold is isStop of a word in any case.
func isStopFold(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return isStop(strings.ToLower(w))
		}
	}
	return isStop(w)
}

// appendLower appends s in lower case to b.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...) // not ASCII: the slow way
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// groups returns a word's related-word groups, from a cache.
func (ev *speechEvidence) groups(w string) []uint32 {
	g, ok := ev.related[w]
	if !ok {
		g = wordnet.Groups(w)
		ev.related[w] = g
	}
	return g
}

// words returns the own words of sentence s of article ai.
func (ev *speechEvidence) words(ai, s int) *ownSentence {
	key := [2]int{ai, s}
	if sw, ok := ev.owned[key]; ok {
		return sw
	}
	text := ev.own.text(ai, s)
	sw := &ownSentence{stems: ev.stems.contentStems(text, nil)}
	slices.Sort(sw.stems)
	ws := strings.FieldsFunc(text, notWordRune)
	for i, w := range ws {
		l := strings.ToLower(w)
		if callVerbs[l] {
			around := make([]int32, 2*calledWindow+1)
			for k := range around {
				around[k] = -1
				if j := i - calledWindow + k; j >= 0 && j < len(ws) && j != i {
					if id, ok := ev.stems.words[ws[j]]; ok {
						around[k] = id
					}
				}
			}
			sw.calls = append(sw.calls, around)
			for _, id := range around[calledWindow+1:] {
				if id >= 0 {
					sw.called = append(sw.called, id)
				}
			}
		}
		if n, ok := normalizeNumber(l); ok {
			sw.figures = append(sw.figures, n)
			continue
		}
		if l == "no-one" || (l == "no" && i+1 < len(ws) && strings.EqualFold(ws[i+1], "one")) {
			sw.noOne = true
		}
		if !isStop(l) {
			sw.words = append(sw.words, l)
		}
	}
	slices.Sort(sw.figures)
	slices.Sort(sw.called)
	ev.owned[key] = sw
	return sw
}

// groupsOf returns the related-word groups of a sentence's own words.
func (ev *speechEvidence) groupsOf(sw *ownSentence) []uint32 {
	if !sw.grouped {
		sw.grouped = true
		for _, w := range sw.words {
			sw.groups = append(sw.groups, ev.groups(w)...)
		}
		sw.groups = sortUnique(sw.groups)
	}
	return sw.groups
}

// sentence returns what sentence s of article ai says about speech.
func (ev *speechEvidence) sentence(ai, s int) *sentenceSpeech {
	key := [2]int{ai, s}
	if sp, ok := ev.sentences[key]; ok {
		return sp
	}
	a := &ev.res.Articles[ai]
	sent := a.Sentences[s]
	quoted := ev.own.quotedIn(ai, s) // in text order
	sp := &sentenceSpeech{quoted: quoted != nil}
	ev.toks = appendWordTokens(ev.toks[:0], a.Text, sent.Start, sent.End)
	toks, words := ev.toks, speechWords()
	q := 0
	for i, tk := range toks {
		for q < len(quoted) && quoted[q].End <= tk.start {
			q++
		}
		if tk.punct || (q < len(quoted) && quoted[q].Start <= tk.start) {
			continue
		}
		// The word in lower case, looked up as string(buf) each time: a
		// map key made so is not allocated.
		ev.buf = appendLower(ev.buf[:0], tk.text)
		switch c := words[string(ev.buf)]; {
		case c == "cue":
			sp.cues++
		case c != "":
			sp.pronouns = append(sp.pronouns, speakerMention{tk.start, c})
		}
		for _, n := range ev.aliasLengths[string(ev.buf)] {
			if i+n > len(toks) {
				continue
			}
			for k := 1; k < n; k++ {
				ev.buf = append(ev.buf, ' ')
				ev.buf = appendLower(ev.buf, toks[i+k].text)
			}
			al := ev.aliases[string(ev.buf)]
			ev.buf = appendLower(ev.buf[:0], tk.text)
			if al == nil {
				continue
			}
			capitals := true
			for k, c := range al.capital {
				if c && !isCapitalized(toks[i+k]) {
					capitals = false
				}
			}
			if capitals {
				for _, name := range al.names {
					sp.mentions = append(sp.mentions, speakerMention{tk.start, name})
				}
			}
		}
	}
	ev.sentences[key] = sp
	return sp
}

// relation says who speaks in sentence s of article ai: 1 one of
// speakers (its quote or reported statement is theirs or their body's,
// or the sentence names them or holds a pronoun standing for them), -1
// someone else (the sentence quotes or reports another speaker), 0 no
// one the sentence says, or no speakers to look for.
func (ev *speechEvidence) relation(ai, s int, speakers []string) int {
	names := ev.speaking[ai][s]
	if len(speakers) == 0 {
		return 0 // a statement no one is named for: no telling
	}
	for _, name := range speakers {
		if ev.speaks[speakerAt{ai, s, name}] {
			return 1
		}
	}
	if len(names) > maxSpeakersChecked {
		return -1
	}
	body := false
	for _, name := range names {
		if !ev.affiliated(speakers, name) {
			return -1
		}
		body = true
	}
	if body {
		return 1
	}
	sp := ev.sentence(ai, s)
	for _, m := range sp.mentions {
		if slices.Contains(speakers, m.name) {
			return 1
		}
	}
	if len(sp.pronouns) == 0 {
		return 0
	}
	for _, name := range ev.refers(ai, s) {
		if slices.Contains(speakers, name) {
			return 1
		}
	}
	return 0
}

// refers returns the speakers sentence s of article ai names, or stands
// for with a pronoun: the last speaker named before it that fits it, in
// its sentence or the two before.
func (ev *speechEvidence) refers(ai, s int) []string {
	sp := ev.sentence(ai, s)
	if sp.referDone {
		return sp.refers
	}
	sp.referDone = true
	// The last speaker named who fits each kind of pronoun.
	var he, she, it, they string
	note := func(name string) {
		they = name
		if ev.isBody(name) {
			it = name
			return
		}
		switch firstNameGender(name) {
		case 'm':
			he = name
		case 'f':
			she = name
		default:
			he, she = name, name
		}
	}
	refer := func(name string) {
		if name != "" && !slices.Contains(sp.refers, name) {
			sp.refers = append(sp.refers, name)
		}
	}
	for k := max(0, s-2); k < s; k++ {
		for _, m := range ev.sentence(ai, k).mentions {
			note(m.name)
		}
	}
	ms, ps := sp.mentions, sp.pronouns
	for len(ms) > 0 || len(ps) > 0 {
		if len(ms) > 0 && (len(ps) == 0 || ms[0].pos <= ps[0].pos) {
			note(ms[0].name)
			refer(ms[0].name)
			ms = ms[1:]
			continue
		}
		switch ps[0].name {
		case "m":
			refer(he)
		case "f":
			refer(she)
		case "n":
			refer(it)
		default:
			refer(they)
		}
		ps = ps[1:]
	}
	return sp.refers
}

// affiliated says whether another speaker is the body one of speakers
// speaks for, or a speaker is the body the other speaks for: every
// content stem of the body's name is among the words around the person's
// quotes ("Nadia Kessel of the Varnholm Fire and Rescue Service" and "the
// fire service"). Two people are never one speaker: one may name the
// other only to answer them.
func (ev *speechEvidence) affiliated(speakers []string, other string) bool {
	within := func(name, person string) bool {
		ids, ok := ev.nameStems[name]
		if !ok {
			ids = ev.stems.contentStems(name, nil)
			ev.nameStems[name] = ids
		}
		context := ev.context(person)
		for _, id := range ids {
			if _, ok := slices.BinarySearch(context, id); !ok {
				return false
			}
		}
		return len(ids) > 0
	}
	for _, name := range speakers {
		key := [2]string{name, other}
		is, ok := ev.affiliate[key]
		if !ok {
			is = (ev.isBody(other) && !ev.isBody(name) && within(other, name)) ||
				(ev.isBody(name) && !ev.isBody(other) && within(name, other))
			ev.affiliate[key] = is
		}
		if is {
			return true
		}
	}
	return false
}

// context returns the content stems of the words around a speaker's
// quotes and reported statements (aroundWindow bytes each way), sorted.
func (ev *speechEvidence) context(name string) []int32 {
	if c, ok := ev.contexts[name]; ok {
		return c
	}
	var c []int32
	for _, r := range ev.saidBy[name] {
		a := &ev.res.Articles[r.art]
		if r.quote >= 0 {
			c = append(c, ev.stems.contentStems(aroundQuote(a, &a.Quotes[r.quote]), nil)...)
			continue
		}
		st := &a.Statements[-r.quote-1]
		from := max(a.Sentences[st.Sentence].Start, st.Start-aroundWindow)
		for from < st.Start && !utf8.RuneStart(a.Text[from]) {
			from++
		}
		c = append(c, ev.stems.contentStems(a.Text[from:st.Start], nil)...)
	}
	slices.Sort(c)
	c = slices.Compact(c)
	ev.contexts[name] = c
	return c
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
