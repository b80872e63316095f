package lexicon

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Hit is one term of the lexicon found in a text.
type Hit struct {
	// Start and End are byte offsets of the matched words in the text.
	Start, End int
	// Text is the text matched, as written.
	Text string
	// Term is the lexicon's term (its canonical form).
	Term string
	// Category or Concept names the group the term belongs to; one is set.
	Category, Concept string
	// Tone and Note are the entry's.
	Tone, Note string
	// Suggest lists the entry's neutral alternatives.
	Suggest []string
	// Scope is where the words were found: narration, quote or headline.
	Scope Scope
}

// Matcher finds a lexicon's terms in text in one pass over its words,
// whatever the number of terms: the terms are a trie of normalized words.
// The trie is flat: nodes and their edges in arrays, each node's edges of
// one kind of key sorted by word, so the built-in lexicon's trie can be
// compiled into the binary ready to use (builtin_gen.go).
type Matcher struct {
	nodes   []trieNode // nodes[0] is the root
	edges   []trieEdge
	entries []compiled

	// The root has an edge for the first word of every term: a map, made
	// when the first scanner is, finds one faster than a search does.
	rootOnce  sync.Once
	rootIndex [3]map[string]int32
}

// compiled is an entry ready for matching. Entry points into the
// matcher's own copy of the entries (for the built-in lexicon, into its
// table, which nothing changes).
type compiled struct {
	*Entry
	category, concept string
	groupNote         string   // the category's or concept's, for an entry without one
	exceptions        []string // lower case
	layer             int      // the entry's layer: where two terms match the same words, the upper wins
}

// trieNode is a trie node: words lead to children, by the word as written
// (for terms with capitals), in lower case (exact terms and listed forms)
// or by stem (the default, so inflections match); a node that ends a term
// holds the entry's index.
type trieNode struct {
	entry int32        // -1 when no term ends here
	next  [3]edgeRange // by keyCase, keyWord, keyStem
}

// edgeRange is a node's edges of one kind: edges[lo:hi].
type edgeRange struct{ lo, hi int32 }

// trieEdge leads from a node to child by word.
type trieEdge struct {
	word  string
	child int32
}

// Kinds of trie keys.
const (
	keyCase = iota
	keyWord
	keyStem
)

// key is one word of a term as the trie stores it.
type key struct {
	kind int
	word string
}

// child returns the node that r's edges lead to by word, or -1.
func (m *Matcher) child(r edgeRange, word string) int32 {
	lo, hi := int(r.lo), int(r.hi)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if m.edges[mid].word < word {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < int(r.hi) && m.edges[lo].word == word {
		return m.edges[lo].child
	}
	return -1
}

// compile builds the trie of a lexicon's terms.
func compile(l *Lexicon) *Matcher { return compileWith(l, termKeys) }

// compileWith builds the trie with keysOf giving each term's key path. It
// calls keysOf once per term and form, entries in file order, each entry's
// term before its forms.
func compileWith(l *Lexicon, keysOf func(term string, exact bool) []key) *Matcher {
	m := &Matcher{}
	n := 0
	for _, cat := range l.Categories {
		n += len(cat.Entries)
	}
	for _, con := range l.Concepts {
		n += len(con.Terms)
	}
	m.entries = make([]compiled, 0, n)
	own := make([]Entry, 0, n)
	root := newBuildNode()
	add := func(e Entry, category, concept, fallbackNote string) {
		own = append(own, e)
		c := compiled{Entry: &own[len(own)-1], category: category, concept: concept, layer: e.layer}
		if e.Note == "" {
			c.groupNote = fallbackNote
		}
		for _, x := range e.Exceptions {
			c.exceptions = append(c.exceptions, strings.ToLower(x))
		}
		idx := len(m.entries)
		m.entries = append(m.entries, c)
		end := func(n *buildNode) {
			// Where two entries share a path, the upper layer's wins, and
			// of one layer the later (one file's entries do not share one).
			if n != nil && (n.entry < 0 || m.entries[n.entry].layer <= c.layer) {
				n.entry = idx
			}
		}
		end(root.insert(keysOf(e.Term, e.Exact)))
		for _, f := range e.Forms {
			end(root.insert(keysOf(f, true)))
		}
	}
	for _, cat := range l.Categories {
		for _, e := range cat.Entries {
			add(e, cat.ID, "", cat.Note)
		}
	}
	for _, con := range l.Concepts {
		for _, e := range con.Terms {
			add(e, "", con.ID, con.Note)
		}
	}
	m.flatten(root)
	return m
}

// buildNode is a trie node while the trie is built.
type buildNode struct {
	next  [3]map[string]*buildNode
	entry int
}

func newBuildNode() *buildNode { return &buildNode{entry: -1} }

// insert adds a term's key path and returns the node it ends at, or nil
// for an empty path.
func (n *buildNode) insert(keys []key) *buildNode {
	if len(keys) == 0 {
		return nil
	}
	for _, k := range keys {
		child := n.next[k.kind][k.word]
		if child == nil {
			if n.next[k.kind] == nil {
				n.next[k.kind] = map[string]*buildNode{}
			}
			child = newBuildNode()
			n.next[k.kind][k.word] = child
		}
		n = child
	}
	return n
}

// flatten lays the trie out in m's arrays, nodes in breadth-first order and
// each node's edges of a kind sorted by word, so the same terms always give
// the same arrays.
func (m *Matcher) flatten(root *buildNode) {
	queue := []*buildNode{root}
	m.nodes = m.nodes[:0]
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		tn := trieNode{entry: int32(b.entry)}
		for kind, children := range b.next {
			words := slices.Sorted(maps.Keys(children))
			tn.next[kind] = edgeRange{int32(len(m.edges)), int32(len(m.edges) + len(words))}
			for _, w := range words {
				// Children are numbered in the order they are queued.
				m.edges = append(m.edges, trieEdge{word: w, child: int32(len(m.nodes) + 1 + len(queue))})
				queue = append(queue, children[w])
			}
		}
		m.nodes = append(m.nodes, tn)
	}
}

// termKeys returns the trie keys of a term's words.
func termKeys(term string, exact bool) []key {
	var keys []key
	for _, w := range words(term) {
		switch {
		case hasUpper(w):
			keys = append(keys, key{keyCase, w})
		case exact:
			keys = append(keys, key{keyWord, w})
		default:
			keys = append(keys, key{keyStem, stem(w, nil)})
		}
	}
	return keys
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// token is a word of a text: its byte range, possessive dropped, and
// whether it stands inside quotation marks. It holds no pointers, so a long
// text's tokens cost the garbage collector nothing.
type token struct {
	start, end int32
	quoted     bool
}

// tokenize splits text into words: letters and digits, with apostrophes and
// hyphens inside a word kept ("so-called", "don't"); a possessive 's is
// dropped. quoted is whether the text starts inside quotation marks; each
// word records whether it is inside them.
func tokenize(text string, quoted bool, buf []token) []token {
	out := buf[:0]
	if cap(out) < len(text)/8 {
		out = make([]token, 0, len(text)/5+8)
	}
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		for _, poss := range []string{"'s", "’s", "'S", "’S"} {
			w = strings.TrimSuffix(w, poss)
		}
		if w != "" {
			out = append(out, token{start: int32(start), end: int32(start + len(w)), quoted: quoted})
		}
		start = -1
	}
	for i, size := 0, 0; i < len(text); i += size {
		var r rune
		r, size = utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’' || r == '-') && start >= 0:
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if !unicode.IsLetter(next) && !unicode.IsDigit(next) {
				flush(i)
			}
		default:
			flush(i)
			switch r {
			case '"':
				quoted = !quoted
			case '“', '«':
				quoted = true
			case '”', '»':
				quoted = false
			}
		}
	}
	flush(len(text))
	return out
}

// words returns the words of a short text (a term), as written.
func words(text string) []string {
	var out []string
	for _, t := range tokenize(text, false, nil) {
		out = append(out, text[t.start:t.end])
	}
	return out
}

// stem returns the Snowball stem of a lower-case word, through cache when
// one is given.
func stem(lower string, cache map[string]string) string {
	if cache == nil {
		return english.Stem(lower, false)
	}
	s, ok := cache[lower]
	if !ok {
		s = english.Stem(lower, false)
		cache[lower] = s
	}
	return s
}

// Text is one stretch of text to match: a headline or a sentence.
type Text struct {
	Text string
	// Headline marks a headline; otherwise the text is body narration,
	// with words inside quotation marks in quote scope.
	Headline bool
	// Quoted says the text starts inside quotation marks (a quotation
	// running over several sentences).
	Quoted bool
	// QuoteSpans, when not nil, are the byte ranges of Text that are
	// quotations, found by a quote extractor that tells apostrophes from
	// quotation marks; they then decide the quote scope instead of the
	// marks.
	QuoteSpans [][2]int
}

// Scanner matches texts one after another, reusing its buffers. It is not
// safe for concurrent use; make one per goroutine.
type Scanner struct {
	m      *Matcher
	stems  map[string]string
	known  map[string]string // see ReadStems
	tokens []token
	text   string
	// roots holds, per word as written, the root's child for it by each
	// kind of key (-1 for none): a text's words recur, and most begin no
	// term, so one look-up here stands for lower-casing, stemming and
	// three look-ups in the root's index.
	roots map[string][3]int32
}

// ReadStems gives the scanner stems worked out elsewhere: known maps
// lower-case words to their Snowball English stems, as the scanner stems
// them, and the scanner looks a word up there before stemming it itself.
// It only reads known, so scanners on several goroutines may share one map
// as long as nothing writes to it.
func (s *Scanner) ReadStems(known map[string]string) { s.known = known }

func (s *Scanner) stem(lower string) string {
	if st, ok := s.known[lower]; ok {
		return st
	}
	return stem(lower, s.stems)
}

// Scanner returns a new scanner over the matcher's terms.
func (m *Matcher) Scanner() *Scanner {
	m.rootOnce.Do(func() {
		if len(m.nodes) == 0 {
			return
		}
		for kind, r := range m.nodes[0].next {
			index := make(map[string]int32, r.hi-r.lo)
			for _, e := range m.edges[r.lo:r.hi] {
				index[e.word] = e.child
			}
			m.rootIndex[kind] = index
		}
	})
	return &Scanner{m: m, stems: map[string]string{}, roots: map[string][3]int32{}}
}

// markQuoted marks the tokens that lie wholly inside one of spans. Tokens
// come in text order; with the spans sorted by start, a token is inside one
// when the furthest end of the spans starting at or before it reaches its
// end, so one sweep does it whatever the number of spans.
func markQuoted(toks []token, spans [][2]int) {
	byStart := func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) }
	if !slices.IsSortedFunc(spans, byStart) {
		spans = slices.SortedFunc(slices.Values(spans), byStart)
	}
	k, reach := 0, -1
	for i := range toks {
		for k < len(spans) && spans[k][0] <= int(toks[i].start) {
			reach = max(reach, spans[k][1])
			k++
		}
		toks[i].quoted = reach >= int(toks[i].end)
	}
}

// Find returns the terms found in t, left to right; where terms overlap, the
// longest starting first wins, and of two as long, the one of the upper
// layer (a file laid over another).
func (s *Scanner) Find(t Text) []Hit {
	s.tokens = tokenize(t.Text, t.Quoted, s.tokens)
	s.text = t.Text
	toks := s.tokens
	if t.QuoteSpans != nil {
		markQuoted(toks, t.QuoteSpans)
	}
	var hits []Hit
	for i := 0; i < len(toks); {
		entry, n := s.longest(toks, i, 0, 0)
		if entry < 0 {
			i++
			continue
		}
		e := &s.m.entries[entry]
		start, end := int(toks[i].start), int(toks[i+n-1].end)
		where := Narration
		switch {
		case t.Headline:
			where = Headline
		case toks[i].quoted:
			where = Quote
		}
		if inScope(e.Scope, where) && !excepted(t.Text, start, end, e.exceptions) && !(e.Verb && nounUse(t.Text, toks, i, n)) {
			hits = append(hits, Hit{
				Start: start, End: end, Text: t.Text[start:end], Term: e.Term,
				Category: e.category, Concept: e.concept, Tone: e.Tone, Note: cmp.Or(e.Note, e.groupNote),
				Suggest: e.Suggest, Scope: where,
			})
		}
		i += n
	}
	return hits
}

// longest returns the entry of the longest term starting at toks[i] below
// node n (depth words already matched), and its length in words.
func (s *Scanner) longest(toks []token, i int, n int32, depth int) (int, int) {
	best, bestLen := -1, 0
	node := &s.m.nodes[n]
	if depth > 0 && node.entry >= 0 {
		best, bestLen = int(node.entry), depth
	}
	if i >= len(toks) {
		return best, bestLen
	}
	written := s.text[toks[i].start:toks[i].end]
	if n == 0 {
		children, ok := s.roots[written]
		if !ok {
			children = s.rootChildren(written)
			s.roots[strings.Clone(written)] = children // not the whole text's
		}
		for _, child := range children {
			if child >= 0 {
				if e, l := s.longest(toks, i+1, child, depth+1); s.better(e, l, best, bestLen) {
					best, bestLen = e, l
				}
			}
		}
		return best, bestLen
	}
	lower := ""
	for kind, r := range node.next {
		if r.lo == r.hi {
			continue
		}
		if kind != keyCase && lower == "" {
			lower = strings.ToLower(written)
		}
		var word string
		switch kind {
		case keyCase:
			word = written
		case keyWord:
			word = lower
		default:
			word = s.stem(lower)
		}
		if child := s.m.child(r, word); child >= 0 {
			if e, l := s.longest(toks, i+1, child, depth+1); s.better(e, l, best, bestLen) {
				best, bestLen = e, l
			}
		}
	}
	return best, bestLen
}

// better says whether entry e, matching n words, beats the best match so
// far: a longer match does, and one as long from an upper layer. Of one
// layer, the first found stays: a term written with capitals, then an
// exact one, then one matched by stems.
func (s *Scanner) better(e, n, best, bestLen int) bool {
	return n > bestLen || (n == bestLen && n > 0 && s.m.entries[e].layer > s.m.entries[best].layer)
}

// rootChildren returns the root's child for a word as written by each kind
// of key, -1 where it has none.
func (s *Scanner) rootChildren(written string) [3]int32 {
	children := [3]int32{-1, -1, -1}
	lower := ""
	for kind, r := range s.m.nodes[0].next {
		if r.lo == r.hi {
			continue
		}
		if kind != keyCase && lower == "" {
			lower = strings.ToLower(written)
		}
		word := lower
		switch kind {
		case keyCase:
			word = written
		case keyStem:
			word = s.stem(lower)
		}
		if c, ok := s.m.rootIndex[kind][word]; ok {
			children[kind] = c
		}
	}
	return children
}

func inScope(entry, where Scope) bool {
	switch entry {
	case Any:
		return true
	case Quote:
		return where == Quote
	case Headline:
		return where == Headline
	}
	return where == Narration || where == Headline
}

// excepted says whether one of the exception phrases covers text[start:end].
func excepted(text string, start, end int, exceptions []string) bool {
	for _, x := range exceptions {
		lo := max(0, start-len(x))
		hi := min(len(text), end+len(x))
		window := strings.ToLower(text[lo:hi])
		for off := 0; ; {
			k := strings.Index(window[off:], x)
			if k < 0 {
				break
			}
			s := lo + off + k
			if s < end && s+len(x) > start {
				return true
			}
			off += k + 1
		}
	}
	return false
}

// nounUse says whether the term of n words at toks[i] of text is used as
// a noun that reports nothing: right after a determiner or a possessive ("a
// claim", "the claims", "workers' claims"), or after one of them and a word
// that often qualifies such a noun ("the union's first claim", "their pay
// claim"). A verb after its subject ("the union claims") is none of these,
// and nor is a noun that gives what was said or feared, as the verb would
// ("Russia's warning of a strike", "the union's claim that jobs will go").
func nounUse(text string, toks []token, i, n int) bool {
	if i == 0 {
		return false
	}
	if j := i + n; j < len(toks) {
		switch strings.ToLower(text[toks[j].start:toks[j].end]) {
		case "that", "of":
			return false
		}
	}
	prev := strings.ToLower(text[toks[i-1].start:toks[i-1].end])
	if determiners[prev] || possessive(text, toks[i-1]) {
		return true
	}
	return i >= 2 && nounQualifiers[prev] &&
		(determiners[strings.ToLower(text[toks[i-2].start:toks[i-2].end])] || possessive(text, toks[i-2]))
}

// possessive says whether the word t is written as a possessive: "union's"
// (tokenize leaves the 's out of the word) or "workers'".
func possessive(text string, t token) bool {
	rest := text[t.end:]
	for _, mark := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasPrefix(rest, mark) {
			return true
		}
	}
	if t.end > t.start && (text[t.end-1] == 's' || text[t.end-1] == 'S') {
		return strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")
	}
	return false
}

// Determiner says whether lower, a word in lower case, is a determiner
// that comes before a noun and never before a verb's present or past
// form: "a", "the", "their", "no", ... A word before which a word such as
// "claim" or "warning" is the noun. Words such as "some", "all" and "each"
// are left out: in "some claim", "they each warned" the verb follows its
// subject.
func Determiner(lower string) bool { return determiners[lower] }

var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "these": true, "those": true,
	"my": true, "your": true, "his": true, "her": true, "its": true, "our": true, "their": true,
	"no": true, "any": true, "every": true, "another": true, "such": true, "whose": true,
}

// nounQualifiers often stand between a determiner and a noun: "the first
// claim", "a new warning", "their pay claim".
var nounQualifiers = map[string]bool{
	"first": true, "second": true, "new": true, "latest": true, "last": true, "earlier": true,
	"previous": true, "original": true, "main": true, "central": true, "key": true, "false": true,
	"unfounded": true, "repeated": true, "bold": true, "own": true, "pay": true, "wage": true,
	"final": true, "stark": true, "dire": true, "clear": true, "similar": true, "public": true,
}
