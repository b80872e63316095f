package compare

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// scoring holds the weights of the alignment score. Two sentences score by
// the weighted share of their evidence they have in common: every feature
// weighs its inverse sentence frequency in the event times a weight per kind
// (names and figures count more), a related word earns part of the weight of
// the same word, and sentences at a similar place in their stories get a
// small bonus.
type scoring struct {
	// kindWeight multiplies the weight of each kind of feature.
	kindWeight [4]float64
	// relatedCredit is the share of a word's weight earned by a related
	// word (a WordNet synonym or derived form) rather than the same stem.
	relatedCredit float64
	// positionBonus is added in full for sentences at the same relative
	// place in their stories, and falls to 0 for opposite ends.
	positionBonus float64
	// linkShare is how much of the threshold the average similarity between
	// two groups must reach before they merge, so that one strong pair does
	// not chain two different claims together.
	linkShare float64
	// mergeGain is how much better a sentence must match two consecutive
	// sentences together than either alone to align with both.
	mergeGain float64
	// subWeight multiplies the weight of evidence found only in a
	// subordinate clause: a sentence's main fact is in its main clause.
	subWeight float64
	// minPair is the least similarity any two sentences of one group may
	// have: a group never holds two sentences with nothing in common.
	minPair float64
	// numberConflict multiplies the score of two sentences that both give
	// figures but share none: different figures usually mean different facts.
	numberConflict float64
	// containment blends in how much of the shorter sentence the longer one
	// covers, so a short sentence inside a long one can still align.
	containment float64
	// namesAlone lets two sentences that share names and nothing else
	// score: off for sentences, where a company or a person named in two
	// sentences says only that both are about them ("Carrow Looms employs
	// about 1,450 people" and "She had written to Carrow Looms"), not
	// that they report one fact.
	namesAlone bool
}

var defaultScoring = scoring{
	kindWeight:     [4]float64{kindWord: 1, kindName: 1.6, kindNumber: 1.6, kindQuote: 0.6},
	relatedCredit:  0.6,
	positionBonus:  0.06,
	linkShare:      0.5,
	mergeGain:      0.04,
	containment:    0,
	numberConflict: 1,
	subWeight:      0.25,
}

const (
	// maxPostingShare skips, when looking for candidates, features present
	// in more than this share of all sentences; they still count in scores.
	maxPostingShare = 0.25
	// minPostings keeps candidate search exhaustive in small events.
	minPostings = 12
	// maxCandidates is how many sentences of other articles each sentence
	// is scored against: enough for every outlet in small events, and
	// enough to chain a fact across many outlets in large ones.
	maxCandidates = 24
	// candidatesPerArticle is how many sentences of each other article a
	// sentence is scored against: the best match and one neighbour.
	candidatesPerArticle = 2
	// postingWindow bounds how many entries of one feature's posting list
	// a sentence looks through.
	postingWindow = 64
	// linkSample bounds how many members of each group the average linkage
	// looks at.
	linkSample = 8
)

// sentRef is one sentence of the event: its article and index.
type sentRef struct {
	article, index int
	position       float64
}

type aligner struct {
	articles []Article
	refs     []sentRef
	first    []int // first global index of each article
	feats    []sentenceFeatures
	// unions[g] is sentences g and g+1 read as one, built by unionAt
	// when first needed.
	unions    []*sentenceFeatures
	unionOnce []sync.Once
	// The candidate pairs (by lower sentence x, the higher ones are
	// pairHigh[pairStart[x]:pairStart[x+1]], sorted) and their
	// similarities; other pairs' similarities, once worked out, are in
	// sims by pairKey.
	pairStart, pairHigh []int32
	pairSims            []float64
	sims                map[uint64]float64
	fs                  *featureSet
	sc                  scoring
}

func newAligner(articles []Article, sc scoring) *aligner {
	al := &aligner{articles: articles, fs: newFeatureSet(), sims: map[uint64]float64{}, sc: sc}
	for ai := range articles {
		a := &articles[ai]
		al.first = append(al.first, len(al.refs))
		for _, s := range a.Sentences {
			al.refs = append(al.refs, sentRef{article: ai, index: s.Index, position: s.Position})
		}
	}
	// Each sentence's words, split side by side, read once for names and
	// again for features only where the sentence starts inside a quotation.
	plain := make([][]word, len(al.refs))
	// A blind article's evidence is its words before the names in it were
	// hidden (see blindedText), with what the blind text shows for them.
	shown := make([][]string, len(al.refs))
	// An article's words are kept in one list, made about as long as they
	// will be (a word for every five bytes), each sentence's a piece of it.
	each(len(articles), func(ai int) {
		if b := articles[ai].blinded; b != nil {
			for _, s := range articles[ai].Sentences {
				g := al.first[ai] + s.Index
				plain[g], shown[g] = b.evidence(articles[ai].Text, s.Start, s.End, false)
			}
			return
		}
		text := 0
		for _, s := range articles[ai].Sentences {
			text += len(s.Text)
		}
		all := make([]word, 0, text/5+len(articles[ai].Sentences))
		var boundary []rune
		for _, s := range articles[ai].Sentences {
			from := len(all)
			all, boundary = appendWords(all, s.Text, false, boundary)
			plain[al.first[ai]+s.Index] = all[from:len(all):len(all)]
		}
	})
	for _, ws := range plain {
		al.fs.learnNamesOf(ws)
	}
	al.feats = make([]sentenceFeatures, len(al.refs))
	// Whether a quotation is open where each sentence starts, read once
	// through each paragraph rather than from its start for every sentence.
	quoted, scanned := false, 0
	for g, r := range al.refs {
		a := &articles[r.article]
		s := a.Sentences[r.index]
		if r.index == 0 || a.Sentences[r.index-1].Paragraph != s.Paragraph {
			quoted, scanned = false, s.Start
		}
		quoted = quoteOpenAt(a.Text, scanned, s.Start, quoted)
		scanned = s.Start
		ws := plain[g]
		switch {
		case quoted && a.blinded != nil:
			ws, shown[g] = a.blinded.evidence(a.Text, s.Start, s.End, true)
		case quoted:
			ws = words(s.Text, true)
		}
		al.feats[g] = al.fs.featuresOf(ws, shown[g])
	}
	// Ids run from 0 as features are first seen: counted in a list.
	df := make([]int32, len(al.fs.ids))
	for g := range al.feats {
		for _, f := range al.feats[g].feats {
			df[f.id]++
		}
	}
	n := len(al.refs)
	for g := range al.feats {
		for k := range al.feats[g].feats {
			f := &al.feats[g].feats[k]
			f.w = idf(int(df[f.id]), n) * sc.kindWeight[f.kind]
			if f.sub {
				f.w *= sc.subWeight
			}
		}
		al.feats[g].weighed()
	}
	al.unions = make([]*sentenceFeatures, n)
	al.unionOnce = make([]sync.Once, n)
	return al
}

// sim is the memoized similarity of two sentences by global index.
func (al *aligner) sim(x, y int) float64 {
	if s, ok := al.memo(x, y); ok {
		return s
	}
	s := al.similarity(&al.feats[x], &al.feats[y])
	al.sims[pairKey(x, y)] = s
	return s
}

// memo looks up the similarity of two sentences among the candidate pairs
// and then among those worked out since.
func (al *aligner) memo(x, y int) (float64, bool) {
	lo, hi := min(x, y), max(x, y)
	if lo+1 < len(al.pairStart) && al.pairSims != nil {
		from := al.pairStart[lo]
		if k, ok := slices.BinarySearch(al.pairHigh[from:al.pairStart[lo+1]], int32(hi)); ok {
			return al.pairSims[int(from)+k], true
		}
	}
	s, ok := al.sims[pairKey(x, y)]
	return s, ok
}

// pairKey is the memo key of two sentences in either order.
func pairKey(x, y int) uint64 {
	if x > y {
		x, y = y, x
	}
	return uint64(x)<<32 | uint64(uint32(y))
}

// scorePairs fills the memo with the similarities of the candidate pairs
// and returns them in pair order. They are worked out side by side: they
// are most of the scoring, and each reads only the two sentences' features.
func (al *aligner) scorePairs(pairs [][2]int) []float64 {
	scores := make([]float64, len(pairs))
	const chunk = 256
	each((len(pairs)+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min(len(pairs), (c+1)*chunk); i++ {
			scores[i] = al.similarity(&al.feats[pairs[i][0]], &al.feats[pairs[i][1]])
		}
	})
	al.pairSims = scores
	return scores
}

// bestMatches finds, for each sentence and each other article, the pair
// holding its best match there: the first of the highest score in pair
// order. It reports per pair whether each side is the other's best.
func (al *aligner) bestMatches(pairs [][2]int, scores []float64) [][2]bool {
	// Each sentence's pairs, in pair order, as a flat adjacency list.
	type end struct {
		other, pair int32
		dir         uint8 // 0: the sentence is pairs[pair][0]
	}
	start := make([]int32, len(al.refs)+1)
	for _, p := range pairs {
		start[p[0]+1]++
		start[p[1]+1]++
	}
	for g := range al.refs {
		start[g+1] += start[g]
	}
	ends := make([]end, 2*len(pairs))
	fill := slices.Clone(start[:len(al.refs)])
	for i, p := range pairs {
		ends[fill[p[0]]] = end{int32(p[1]), int32(i), 0}
		fill[p[0]]++
		ends[fill[p[1]]] = end{int32(p[0]), int32(i), 1}
		fill[p[1]]++
	}
	isBest := make([][2]bool, len(pairs))
	slot := make([]int32, len(al.articles)) // best end so far per article, -1 for none
	for i := range slot {
		slot[i] = -1
	}
	for g := range al.refs {
		mine := ends[start[g]:start[g+1]]
		for k, e := range mine {
			a := al.refs[e.other].article
			if b := slot[a]; b < 0 || scores[e.pair] > scores[mine[b].pair] {
				slot[a] = int32(k)
			}
		}
		for _, e := range mine {
			if a := al.refs[e.other].article; slot[a] >= 0 {
				b := mine[slot[a]]
				isBest[b.pair][b.dir] = true
				slot[a] = -1
			}
		}
	}
	return isBest
}

// peekSim is sim without writing the memo, safe to call side by side.
func (al *aligner) peekSim(x, y int) float64 {
	if s, ok := al.memo(x, y); ok {
		return s
	}
	return al.similarity(&al.feats[x], &al.feats[y])
}

// similarity scores the evidence of two sentences (or unions of consecutive
// sentences) from 0 to 1.
func (al *aligner) similarity(a, b *sentenceFeatures) float64 {
	sa, ta, ca := al.side(a, b)
	sb, tb, cb := al.side(b, a)
	if ta == 0 || tb == 0 {
		return 0
	}
	if !al.sc.namesAlone && ca+cb == 0 {
		return 0
	}
	dice := (sa + sb) / (ta + tb)
	if al.sc.numberConflict != 1 && numbersConflict(a, b) {
		dice *= al.sc.numberConflict
	}
	if al.sc.containment == 0 {
		return dice
	}
	// The shorter sentence's covered share.
	contained := sa / ta
	if tb < ta {
		contained = sb / tb
	}
	return (1-al.sc.containment)*dice + al.sc.containment*contained
}

// side sums the weight of x's evidence that y shares (fully for the same
// feature, in part for a related word) and of all of x's evidence, and
// the part of the shared weight that is not names (content).
func (al *aligner) side(x, y *sentenceFeatures) (shared, total, content float64) {
	j := 0
	ids := y.ids
	for k := range x.feats {
		f := &x.feats[k]
		for j < len(ids) && ids[j] < f.id {
			j++
		}
		switch {
		case j < len(ids) && ids[j] == f.id:
			// A fact in x's main clause that y mentions only in passing
			// counts as much as y gives it.
			w := f.w
			if y.feats[j].sub && !f.sub {
				w *= al.sc.subWeight
			}
			shared += w
			if f.kind != kindName {
				content += w
			}
		case f.mask&y.mask != 0 && intersects(al.fs.groupsOf(f), y.groups):
			// Only words have related words: content.
			shared += f.w * al.sc.relatedCredit
			content += f.w * al.sc.relatedCredit
		}
	}
	return shared, x.total, content
}

func (al *aligner) score(sim, posA, posB float64) float64 {
	return sim + al.sc.positionBonus*(1-math.Abs(posA-posB))
}

// edge is a proposed link: sentence a with sentence b, or with b and b2
// (consecutive sentences of one article) when b2 >= 0.
type edge struct {
	a, b, b2 int
	score    float64
}

// union returns the evidence of two sentences read as one.
func union(x, y *sentenceFeatures) sentenceFeatures {
	n := len(x.feats) + len(y.feats)
	out := sentenceFeatures{feats: make([]feature, 0, n), surfaces: make([]string, 0, n)}
	i, j := 0, 0
	for i < len(x.feats) || j < len(y.feats) {
		switch {
		case j == len(y.feats) || (i < len(x.feats) && x.feats[i].id < y.feats[j].id):
			out.feats = append(out.feats, x.feats[i])
			out.surfaces = append(out.surfaces, x.surfaces[i])
			i++
		case i == len(x.feats) || y.feats[j].id < x.feats[i].id:
			out.feats = append(out.feats, y.feats[j])
			out.surfaces = append(out.surfaces, y.surfaces[j])
			j++
		default:
			out.feats = append(out.feats, x.feats[i])
			out.surfaces = append(out.surfaces, x.surfaces[i])
			i++
			j++
		}
	}
	out.groups = sortUnique(append(append([]uint32{}, x.groups...), y.groups...))
	out.mask = x.mask | y.mask
	out.weighed()
	return out
}

// candidates finds, through an inverted index of features, the sentences of
// other articles that share the most distinctive evidence with each
// sentence, keeps the best few per sentence, and scores those pairs. The
// work grows with the number of sentences times the postings of their rarer
// features, never with all pairs.
func (al *aligner) candidates() [][2]int {
	n := len(al.refs)
	postings := newPostings(al.feats, len(al.fs.ids))
	limit := max(minPostings, int(float64(n)*maxPostingShare))
	// Each sentence's candidates depend only on the index: found side by
	// side in chunks, then gathered in sentence order. The scratch space
	// (as long as the event) is reused across chunks, one per goroutine at
	// a time, so that it costs no more than one per core.
	const chunk = 64
	kept := make([][]int32, n)
	scratch := sync.Pool{New: func() any { return newCandidateScratch(n, len(al.articles)) }}
	each((n+chunk-1)/chunk, func(c int) {
		cs := scratch.Get().(*candidateScratch)
		for g := c * chunk; g < min(n, (c+1)*chunk); g++ {
			kept[g] = al.candidatesOf(g, postings, limit, cs)
		}
		scratch.Put(cs)
	})
	// Each pair once, in order of its lower sentence and then its higher:
	// every candidate is listed under the lower of its two sentences, each
	// list sorted, and the pairs both sides proposed kept once. The lists
	// stay as the memo's index of the pairs.
	start := make([]int32, n+1)
	for g, hs := range kept {
		for _, h := range hs {
			start[min(g, int(h))+1]++
		}
	}
	for g := range n {
		start[g+1] += start[g]
	}
	higher := make([]int32, start[n])
	fill := slices.Clone(start[:n])
	for g, hs := range kept {
		for _, h := range hs {
			lo, hi := min(int32(g), h), max(int32(g), h)
			higher[fill[lo]] = hi
			fill[lo]++
		}
	}
	pairs := make([][2]int, 0, len(higher))
	al.pairStart = make([]int32, n+1)
	for lo := range n {
		list := higher[start[lo]:start[lo+1]]
		slices.Sort(list)
		for k, hi := range list {
			if k == 0 || hi != list[k-1] {
				higher[len(pairs)] = hi // compacted in place: never ahead of the reading
				pairs = append(pairs, [2]int{lo, int(hi)})
			}
		}
		al.pairStart[lo+1] = int32(len(pairs))
	}
	al.pairHigh = higher[:len(pairs)]
	return pairs
}

// candidateScratch is the working space of candidatesOf, reused from one
// sentence to the next.
type candidateScratch struct {
	overlap       []float64 // shared weight with each sentence touched
	best          []int32   // the best few of each article, -1 for none
	touched, kept []int32
}

func newCandidateScratch(sentences, articles int) *candidateScratch {
	cs := &candidateScratch{overlap: make([]float64, sentences), best: make([]int32, articles*candidatesPerArticle)}
	for i := range cs.best {
		cs.best[i] = -1
	}
	return cs
}

// candidatesOf returns the sentences of other articles sentence g is to be
// scored against, in no particular order.
func (al *aligner) candidatesOf(g int, postings postings, limit int, cs *candidateScratch) []int32 {
	overlap, best := cs.overlap, cs.best
	touched := cs.touched[:0]
	for _, f := range al.feats[g].feats {
		list := postings.of(f.id)
		if len(list) > limit {
			continue
		}
		for _, h := range nearby(list, int32(g)) {
			if al.refs[h].article == al.refs[g].article {
				continue
			}
			if overlap[h] == 0 {
				touched = append(touched, h)
			}
			overlap[h] += f.w
		}
	}
	// Keep each other article's best few, then the strongest of those;
	// ties go to the earlier sentence.
	better := func(a, b int32) bool {
		if overlap[a] != overlap[b] {
			return overlap[a] > overlap[b]
		}
		return a < b
	}
	kept := cs.kept[:0]
	for _, h := range touched {
		a := al.refs[h].article
		slot := best[a*candidatesPerArticle : (a+1)*candidatesPerArticle]
		for k := range slot {
			if slot[k] < 0 {
				slot[k] = h
				kept = append(kept, h)
				break
			}
			if better(h, slot[k]) {
				// Shift the weaker ones down; the last one drops out.
				if slot[len(slot)-1] < 0 {
					kept = append(kept, h)
				} else {
					kept = replace(kept, slot[len(slot)-1], h)
				}
				copy(slot[k+1:], slot[k:len(slot)-1])
				slot[k] = h
				break
			}
		}
	}
	if len(kept) > maxCandidates {
		bestFirst(kept, maxCandidates, better)
		kept = kept[:maxCandidates]
	}
	out := slices.Clone(kept)
	for _, h := range touched {
		overlap[h] = 0
		a := al.refs[h].article
		for k := a * candidatesPerArticle; k < (a+1)*candidatesPerArticle; k++ {
			best[k] = -1
		}
	}
	cs.touched, cs.kept = touched, kept
	return out
}

// align groups the sentences of all articles into alignments.
func (al *aligner) align(threshold float64) []Alignment {
	pairs := al.candidates()
	scores := al.scorePairs(pairs)
	// isBest[i][0] says pairs[i][1] is pairs[i][0]'s best match in its
	// article, isBest[i][1] the reverse: only there may a neighbour join.
	isBest := al.bestMatches(pairs, scores)
	merging := func(i int) bool { return scores[i] >= threshold*0.5 }
	// The unions of consecutive sentences those pairs may read: how much
	// the two sentences share, for the bound that rules most of them out
	// before they are built.
	near := make([]bool, len(al.refs))
	for i, key := range pairs {
		if !merging(i) {
			continue
		}
		for dir, y := range [2]int{key[1], key[0]} {
			if !isBest[i][dir] {
				continue
			}
			for _, y2 := range [2]int{y - 1, y + 1} {
				if y2 >= 0 && y2 < len(al.refs) && al.refs[y2].article == al.refs[y].article {
					near[min(y, y2)] = true
				}
			}
		}
	}
	// overlap[g] is the weight of sentence g's features that g+1 has too,
	// and the reverse: what a union's bound (unionBound) allows for
	// features the two share.
	overlap := make([][2]float64, len(near))
	each(len(near), func(g int) {
		if near[g] {
			overlap[g] = [2]float64{exactWeight(&al.feats[g], &al.feats[g+1]), exactWeight(&al.feats[g+1], &al.feats[g])}
		}
	})
	bounded := al.sc.numberConflict == 1 && al.sc.containment == 0
	// Each pair's edges: the pair itself, and a sentence with two
	// consecutive ones of the other article where that matches better.
	// Only reads from here on: the memo is looked up, never written.
	// Most pairs have no union edge: each pair's own edge is kept in one
	// list, the few union edges per pair apart.
	pairEdges := make([]edge, len(pairs))
	unionEdges := make([][]edge, len(pairs))
	each(len(pairs), func(i int) {
		a, b := pairs[i][0], pairs[i][1]
		s := scores[i]
		ra, rb := al.refs[a], al.refs[b]
		pairEdges[i] = edge{a: a, b: b, b2: -1, score: al.score(s, ra.position, rb.position)}
		if merging(i) {
			var es []edge
			for dir, pair := range [2][2]int{{a, b}, {b, a}} {
				x, y := pair[0], pair[1]
				if !isBest[i][dir] {
					continue
				}
				for _, y2 := range [2]int{y - 1, y + 1} {
					if y2 < 0 || y2 >= len(al.refs) || al.refs[y2].article != al.refs[y].article {
						continue
					}
					lo, hi := min(y, y2), max(y, y2)
					// Most unions score no better than the pair: a bound
					// from what x and y2 share rules them out for less
					// than the work of scoring them.
					shared := overlap[lo][0]
					if y == hi {
						shared = overlap[lo][1]
					}
					uTotal := unionTotal(&al.feats[lo], &al.feats[hi], overlap[lo][1])
					if bounded && unionBound(&al.feats[x], &al.feats[y], &al.feats[y2], uTotal, s, shared) < s+al.sc.mergeGain {
						continue
					}
					// us must beat both x's score with y and with y2; the
					// second is looked up or worked out only when the first
					// is beaten.
					us := al.similarity(&al.feats[x], al.unionAt(lo))
					if us >= s+al.sc.mergeGain && us >= al.peekSim(x, y2)+al.sc.mergeGain {
						pos := (al.refs[lo].position + al.refs[hi].position) / 2
						es = append(es, edge{a: x, b: lo, b2: hi, score: al.score(us, al.refs[x].position, pos)})
					}
				}
			}
			unionEdges[i] = es
		}
	})
	// Only edges at or above the threshold can join groups (the loop below
	// stops at the first weaker one), so only those are sorted; their
	// order here does not matter, as the sort's is total.
	total := 0
	for i := range pairEdges {
		if pairEdges[i].score >= threshold {
			total++
		}
		for _, e := range unionEdges[i] {
			if e.score >= threshold {
				total++
			}
		}
	}
	edges := make([]edge, 0, total)
	for i := range pairEdges {
		if pairEdges[i].score >= threshold {
			edges = append(edges, pairEdges[i])
		}
		for _, e := range unionEdges[i] {
			if e.score >= threshold {
				edges = append(edges, e)
			}
		}
	}
	edges = sortEdges(edges)

	// Strongest links first, each accepted only where it keeps groups
	// consistent.
	groups := newGroups(al.refs)
	groups.minPair = al.sc.minPair
	for _, e := range edges {
		if e.score < threshold {
			break
		}
		nodes := []int{e.a, e.b}
		if e.b2 >= 0 {
			nodes = append(nodes, e.b2)
		}
		groups.tryMerge(nodes, e, threshold*al.sc.linkShare, al.sim)
	}
	return al.collect(groups)
}

// strongerEdge orders edges strongest first, then by their sentences: a
// total order, so that the sort does not depend on where edges start.
func strongerEdge(x, y edge) int {
	if x.score != y.score {
		return cmp.Compare(y.score, x.score)
	}
	if c := cmp.Compare(x.a, y.a); c != 0 {
		return c
	}
	if c := cmp.Compare(x.b, y.b); c != 0 {
		return c
	}
	return cmp.Compare(x.b2, y.b2)
}

// sortEdges sorts edges by strongerEdge. The loop that joins groups cannot
// start before the sort ends and has nothing to run beside it, so a long
// list is sorted in two halves side by side, which are then merged; the
// order is total, so the result is the one sort would give.
func sortEdges(edges []edge) []edge {
	const half = 1024 // below about this, starting a goroutine costs more than it saves
	if len(edges) < 2*half {
		slices.SortFunc(edges, strongerEdge)
		return edges
	}
	a, b := edges[:len(edges)/2], edges[len(edges)/2:]
	together(func() { slices.SortFunc(a, strongerEdge) }, func() { slices.SortFunc(b, strongerEdge) })
	out := make([]edge, 0, len(edges))
	for len(a) > 0 && len(b) > 0 {
		if strongerEdge(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// unionAt returns the union of sentences g and g+1, building it the first
// time; goroutines may ask for it at once.
func (al *aligner) unionAt(g int) *sentenceFeatures {
	al.unionOnce[g].Do(func() {
		u := union(&al.feats[g], &al.feats[g+1])
		al.unions[g] = &u
	})
	return al.unions[g]
}

// unionTotal is the total weight of the union of consecutive sentences a
// and b, given bShared, the weight of b's features that a has too (the
// union keeps a's copy of those).
func unionTotal(a, b *sentenceFeatures, bShared float64) float64 {
	return a.total + b.total - bShared
}

// unionBound is an upper bound on the similarity of x with u, the union
// of the consecutive sentences y and y2, given s, x's similarity with y,
// and shared, the weight of y's features that y2 has too; uTotal is u's
// total weight (unionTotal, which may differ from u's own sum in the last
// bits: the margin covers that too). The scoring
// must have no number conflict factor and no containment, so that a
// similarity is the weight both sides share over their total weight.
//
// Against u rather than y, x's side can gain at most the weight of its
// features that y2 has or may relate to; u's side shares what y's shares
// with x, plus at most the weight of y2's features that x has or may
// relate to, plus, for features of both y and y2 (u keeps one of the two
// copies), at most shared. u's total is its own. A small margin covers
// rounding in the shared weight worked back from s. A similarity of 0 may
// hide shared names (scoring.namesAlone): then what x and y share is
// bounded by what they have or may relate to.
func unionBound(x, y, y2 *sentenceFeatures, uTotal, s, shared float64) float64 {
	withY := s * (x.total + y.total)
	if s == 0 {
		withY = reach(x, y)
	}
	return (withY + reach(x, y2) + shared + 1e-9) / (x.total + uTotal)
}

// reach is the weight of a's features that b has or may relate to (a
// related-word group in common, by the quick mask test alone), plus the
// same of b's features against a.
func reach(a, b *sentenceFeatures) float64 {
	w := 0.0
	i, j := 0, 0
	for i < len(a.feats) && j < len(b.feats) {
		f, g := &a.feats[i], &b.feats[j]
		switch {
		case f.id < g.id:
			if f.mask&b.mask != 0 {
				w += f.w
			}
			i++
		case g.id < f.id:
			if g.mask&a.mask != 0 {
				w += g.w
			}
			j++
		default:
			w += f.w + g.w
			i++
			j++
		}
	}
	for _, f := range a.feats[i:] {
		if f.mask&b.mask != 0 {
			w += f.w
		}
	}
	for _, g := range b.feats[j:] {
		if g.mask&a.mask != 0 {
			w += g.w
		}
	}
	return w
}

// exactWeight is the weight of a's features that b has too.
func exactWeight(a, b *sentenceFeatures) float64 {
	w := 0.0
	j := 0
	for k := range a.feats {
		f := &a.feats[k]
		for j < len(b.ids) && b.ids[j] < f.id {
			j++
		}
		if j < len(b.ids) && b.ids[j] == f.id {
			w += f.w
		}
	}
	return w
}

// groupSet is a union-find of sentences with each group's members.
type groupSet struct {
	minPair float64 // the least similarity any two members may have
	refs    []sentRef
	parent  []int
	// members[root] are the global sentence indexes of a group of two or
	// more, sorted, and edges[root] the edges that joined them; both nil
	// for a sentence on its own (or not a root).
	members        [][]int
	edges          [][]edge
	self           []int // self[i] == i: a lone sentence's members, without allocating
	scratch, spare []int // tryMerge's working lists
}

func newGroups(refs []sentRef) *groupSet {
	n := len(refs)
	g := &groupSet{refs: refs, parent: make([]int, n), members: make([][]int, n), edges: make([][]edge, n), self: make([]int, n)}
	for i := range g.parent {
		g.parent[i] = i
		g.self[i] = i
	}
	return g
}

func (g *groupSet) find(x int) int {
	for g.parent[x] != x {
		g.parent[x] = g.parent[g.parent[x]]
		x = g.parent[x]
	}
	return x
}

func (g *groupSet) membersOf(root int) []int {
	if m := g.members[root]; m != nil {
		return m
	}
	return g.self[root : root+1 : root+1]
}

// tryMerge joins the groups of nodes when the result keeps at most one
// sentence per article (two consecutive ones only where the edge itself says
// so) and the groups agree on average.
func (g *groupSet) tryMerge(nodes []int, e edge, minLink float64, sim func(x, y int) float64) bool {
	roots := []int{}
	for _, n := range nodes {
		r := g.find(n)
		dup := false
		for _, x := range roots {
			dup = dup || x == r
		}
		if !dup {
			roots = append(roots, r)
		}
	}
	if len(roots) == 1 {
		return false
	}
	// The merged members in order, in scratch space (most merges are
	// refused, and join keeps a copy of those accepted): each group's
	// members are sorted, so merging the lists orders them.
	all := append(g.scratch[:0], g.membersOf(roots[0])...)
	for _, r := range roots[1:] {
		g.spare = mergeSorted(g.spare[:0], all, g.membersOf(r))
		all, g.spare = g.spare, all
	}
	g.scratch = all
	for i := 1; i < len(all); i++ {
		prev, cur := all[i-1], all[i]
		if g.refs[prev].article != g.refs[cur].article {
			continue
		}
		// Two sentences of one article: allowed only as this edge's pair
		// of consecutive sentences, a pair already joined that way, or a
		// pair split as another article's pair in the group is.
		if cur != prev+1 || (i >= 2 && g.refs[all[i-2]].article == g.refs[cur].article) {
			return false
		}
		if !(e.b2 >= 0 && prev == e.b && cur == e.b2) && g.find(prev) != g.find(cur) && !g.splitAlike(prev, cur, e) {
			return false
		}
	}
	if e.b2 >= 0 {
		// Joining two consecutive sentences with one is judged by the
		// union's score, which the edge carries. It may extend one group
		// but never join two: where other outlets report the two parts
		// apart, they are two facts.
		grown := 0
		for _, r := range roots {
			if len(g.membersOf(r)) > 1 {
				grown++
			}
		}
		if grown > 1 {
			return false
		}
		return g.join(roots, all, e)
	}
	// Average linkage between the groups being joined, over a bounded
	// sample of each so that large events stay linear.
	var total float64
	lowest := 1.0
	pairs := 0
	for i, r := range roots {
		for _, s := range roots[i+1:] {
			for _, x := range sample(g.membersOf(r)) {
				for _, y := range sample(g.membersOf(s)) {
					if g.refs[x].article == g.refs[y].article {
						continue
					}
					v := sim(x, y)
					total += v
					lowest = min(lowest, v)
					pairs++
				}
			}
		}
	}
	if pairs > 0 && (total/float64(pairs) < minLink || lowest < g.minPair) {
		return false
	}
	return g.join(roots, all, e)
}

// splitAlike says whether the plain edge e joins to a group one of the
// consecutive sentences prev and cur where the group holds the other, and
// e's other sentence is one of a pair of consecutive sentences the group
// already holds, in the same order: two outlets split the same text at
// the same place ("... after a gate was damaged." / "The protest was
// otherwise peaceful."), and each half matches its half. The union of the
// second pair with one sentence of the first scores no better than that
// sentence alone, so no edge of one sentence with two joins it.
func (g *groupSet) splitAlike(prev, cur int, e edge) bool {
	if e.b2 >= 0 {
		return false
	}
	x, y := e.a, e.b
	if x != prev && x != cur {
		x, y = e.b, e.a
	}
	if x != prev && x != cur {
		return false
	}
	neighbour := prev + cur - x
	d := x - neighbour // x's place beside its neighbour: -1 or 1
	yn := y - d        // y's neighbour on the same side
	if yn < 0 || yn >= len(g.refs) || g.refs[yn].article != g.refs[y].article {
		return false
	}
	root := g.find(y)
	return g.find(yn) == root && g.find(neighbour) == root
}

// bestFirst moves the k best entries of list (better is a strict order)
// to its front, in no particular order: a heap of the best so far, its
// root the weakest of them, takes each further entry that beats the root.
func bestFirst(list []int32, k int, better func(a, b int32) bool) {
	h := list[:k]
	// down restores the heap below i: every entry beats its parent.
	down := func(i int) {
		for {
			weakest := i
			for _, c := range [2]int{2*i + 1, 2*i + 2} {
				if c < k && better(h[weakest], h[c]) {
					weakest = c
				}
			}
			if weakest == i {
				return
			}
			h[i], h[weakest] = h[weakest], h[i]
			i = weakest
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for j := k; j < len(list); j++ {
		if better(list[j], h[0]) {
			h[0], list[j] = list[j], h[0]
			down(0)
		}
	}
}

// mergeSorted appends to dst the merge of the sorted lists a and b.
func mergeSorted(dst, a, b []int) []int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] <= b[j] {
			dst = append(dst, a[i])
			i++
		} else {
			dst = append(dst, b[j])
			j++
		}
	}
	dst = append(dst, a[i:]...)
	return append(dst, b[j:]...)
}

// replace returns list with old replaced by new.
func replace(list []int32, old, new int32) []int32 {
	for i, x := range list {
		if x == old {
			list[i] = new
			break
		}
	}
	return list
}

// postings lists, for each feature id (ids run from 0), the sentences
// holding it, in order: of(id) is list[start[id]:start[id+1]].
type postings struct{ start, list []int32 }

func newPostings(feats []sentenceFeatures, ids int) postings {
	start := make([]int32, ids+1)
	for g := range feats {
		for _, id := range feats[g].ids {
			start[id+1]++
		}
	}
	for id := range ids {
		start[id+1] += start[id]
	}
	list := make([]int32, start[ids])
	fill := slices.Clone(start[:ids])
	for g := range feats {
		for _, id := range feats[g].ids {
			list[fill[id]] = int32(g)
			fill[id]++
		}
	}
	return postings{start, list}
}

func (p postings) of(id uint32) []int32 { return p.list[p.start[id]:p.start[id+1]] }

// nearby returns the part of a posting list (sorted, so in article order)
// that a sentence looks through: all of it when short, else the postingWindow
// entries nearest the sentence itself, so that in events of many outlets each
// sentence meets the neighbouring articles' sentences and groups chain
// across all outlets through them.
func nearby(list []int32, g int32) []int32 {
	if len(list) <= postingWindow {
		return list
	}
	i, _ := slices.BinarySearch(list, g)
	lo := max(0, i-postingWindow/2)
	hi := min(len(list), lo+postingWindow)
	return list[hi-postingWindow : hi]
}

// sample returns at most linkSample members of a group, spread over it.
func sample(members []int) []int {
	if len(members) <= linkSample {
		return members
	}
	out := make([]int, linkSample)
	for i := range out {
		out[i] = members[i*len(members)/linkSample]
	}
	return out
}

// join makes one group of the groups at roots, holding all and e's edges.
func (g *groupSet) join(roots, all []int, e edge) bool {
	root := roots[0]
	var es []edge
	for _, r := range roots {
		es = append(es, g.edges[r]...)
		g.edges[r], g.members[r] = nil, nil
	}
	for _, r := range roots[1:] {
		g.parent[r] = root
	}
	g.members[root] = slices.Clone(all)
	g.edges[root] = append(es, e)
	return true
}

// collect turns the groups into alignments with their evidence.
func (al *aligner) collect(g *groupSet) []Alignment {
	// Each group's alignment reads only its own members and edges: worked
	// out side by side, in no particular order (orderAlignments sorts).
	var roots []int
	for root, m := range g.members {
		if m != nil {
			roots = append(roots, root)
		}
	}
	all := make([]Alignment, len(roots))
	each(len(roots), func(i int) {
		root := roots[i]
		// Members are sorted by global index, so by article: each
		// article's sentences are a run.
		ms := g.members[root]
		var members []Member
		for k := 0; k < len(ms); {
			ai := al.refs[ms[k]].article
			m := Member{Outlet: al.articles[ai].ID}
			for ; k < len(ms) && al.refs[ms[k]].article == ai; k++ {
				m.Sentences = append(m.Sentences, al.refs[ms[k]].index)
			}
			members = append(members, m)
		}
		if len(members) < 2 {
			return
		}
		a := &all[i]
		a.Members = members
		var sum float64
		for _, e := range g.edges[root] {
			sum += e.score
		}
		a.Score = math.Round(min(1, sum/float64(len(g.edges[root])))*1000) / 1000
		a.Evidence = al.evidence(g.edges[root])
	})
	out := all[:0]
	for _, a := range all {
		if a.Members != nil {
			out = append(out, a)
		}
	}
	return out
}

// evidence lists what the sentences joined by edges share.
func (al *aligner) evidence(edges []edge) Evidence {
	sets := map[uint8]map[string]bool{}
	related := map[string]bool{}
	addTo := func(kind uint8, s string) {
		if sets[kind] == nil {
			sets[kind] = map[string]bool{}
		}
		sets[kind][s] = true
	}
	for _, e := range edges {
		x := al.feats[e.a]
		y := al.feats[e.b]
		if e.b2 >= 0 {
			y = *al.unionAt(e.b) // e.b2 is e.b+1
		}
		j := 0
		for k := range x.feats {
			f := &x.feats[k]
			for j < len(y.feats) && y.feats[j].id < f.id {
				j++
			}
			if j < len(y.feats) && y.feats[j].id == f.id {
				addTo(f.kind, displayForm(f.kind, x.surfaces[k]))
				continue
			}
			if f.grp == 0 {
				continue
			}
			for m := range y.feats {
				h := &y.feats[m]
				if f.mask&h.mask != 0 && intersects(al.fs.groupsOf(f), al.fs.groupsOf(h)) && !strings.EqualFold(x.surfaces[k], y.surfaces[m]) {
					a, b := strings.ToLower(x.surfaces[k]), strings.ToLower(y.surfaces[m])
					if a > b {
						a, b = b, a
					}
					related[a+"~"+b] = true
					break
				}
			}
		}
	}
	list := func(m map[string]bool) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	return Evidence{
		Names:   list(sets[kindName]),
		Numbers: list(sets[kindNumber]),
		Words:   list(sets[kindWord]),
		Related: list(related),
		Quotes:  list(sets[kindQuote]),
	}
}

// displayForm is how the evidence lists a feature of a kind written so.
func displayForm(kind uint8, surface string) string {
	if kind == kindName {
		return surface
	}
	return strings.ToLower(surface)
}

// numbersConflict says whether both sentences give figures and share none.
func numbersConflict(a, b *sentenceFeatures) bool {
	has := func(x *sentenceFeatures) bool {
		for _, f := range x.feats {
			if f.kind == kindNumber {
				return true
			}
		}
		return false
	}
	if !has(a) || !has(b) {
		return false
	}
	j := 0
	for _, f := range a.feats {
		if f.kind != kindNumber {
			continue
		}
		for j < len(b.feats) && b.feats[j].id < f.id {
			j++
		}
		if j < len(b.feats) && b.feats[j].id == f.id {
			return false
		}
	}
	return true
}
