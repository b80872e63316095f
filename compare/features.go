package compare

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/slant-news/slant/compare/internal/wordnet"
)

// Kinds of evidence a token gives.
const (
	kindWord uint8 = iota
	kindName
	kindNumber
	kindQuote // two consecutive quoted words
)

// feature is one distinct piece of evidence in a sentence. It holds only
// what similarities read, in 32 bytes: they run through features by the
// million. Its related-word groups are in the featureSet, its surface form
// in the sentence's surfaces.
type feature struct {
	id   uint32  // interned key
	grp  int32   // related-word groups (words only): featureSet.groupLists[grp]; 0 for none
	w    float64 // weight in scores: rarity in the event times the kind's weight
	mask uint64  // groupMask of the groups
	kind uint8
	sub  bool // only in a subordinate clause
}

// sentenceFeatures is the evidence of one sentence, sorted by id.
type sentenceFeatures struct {
	feats    []feature
	surfaces []string // feats[k] as written, for explanations
	groups   []uint32 // sorted union of the words' groups
	mask     uint64   // groupMask(groups)
	// ids are the features' ids, in their order, and total their weight:
	// what every similarity reads, kept apart so the hot loop stays small.
	ids   []uint32
	total float64
}

// weighed records the features' ids and total weight, once the weights
// are set.
func (sf *sentenceFeatures) weighed() {
	sf.ids = make([]uint32, len(sf.feats))
	sf.total = 0
	for k := range sf.feats {
		sf.ids[k] = sf.feats[k].id
		sf.total += sf.feats[k].w
	}
}

// groupMask sets one bit of 64 per group id, so that two lists whose masks
// share no bit share no group: most related-word checks end there.
func groupMask(groups []uint32) uint64 {
	var m uint64
	for _, g := range groups {
		m |= 1 << (g % 64)
	}
	return m
}

// featureSet builds features for every sentence of an event, sharing one
// interning table and one stem cache.
type featureSet struct {
	ids map[string]uint32
	// groupLists are the words' related-word groups; features point into
	// it, and groupLists[0] is the empty list.
	groupLists [][]uint32
	stems      map[string]string
	names      map[string]bool // lower-case words seen capitalized mid-sentence
	lexemes    map[string]*lexeme
	// known are stems another feature set worked out, read before stems
	// and never written: the aligner's, shared by later stages.
	known map[string]string
	// scratch is featuresOf's working space.
	scratch sentenceFeatures
}

func newFeatureSet() *featureSet {
	return &featureSet{ids: map[string]uint32{}, groupLists: [][]uint32{nil}, stems: map[string]string{}, names: map[string]bool{}, lexemes: map[string]*lexeme{}}
}

func (fs *featureSet) intern(key string) uint32 {
	id, ok := fs.ids[key]
	if !ok {
		id = uint32(len(fs.ids))
		fs.ids[key] = id
	}
	return id
}

func (fs *featureSet) stem(w string) string {
	if s, ok := fs.known[w]; ok {
		return s
	}
	s, ok := fs.stems[w]
	if !ok {
		s = english.Stem(w, false)
		fs.stems[w] = s
	}
	return s
}

// word is one word of a sentence as the tokenizer sees it.
type word struct {
	text       string // as written, possessive dropped
	start, end int    // in the sentence
	quoted     bool
	initial    bool // first word of the sentence
	// sub marks words of a subordinate clause: a leading "Speaking at ...,"
	// or a trailing ", where ...", ", while ...", ", saying ...", or a
	// clause after a semicolon. A sentence's main fact is its main clause.
	sub bool
}

// subordinators open a subordinate clause after a comma (or at the start of
// a sentence, up to the first comma).
var subordinators = map[string]bool{
	"where": true, "while": true, "whereas": true, "which": true, "who": true, "whom": true,
	"whose": true, "as": true, "after": true, "before": true, "though": true, "although": true,
	"when": true, "saying": true, "adding": true, "because": true, "since": true, "until": true,
	"despite": true, "following": true, "unless": true, "citing": true, "calling": true,
	"describing": true, "noting": true, "warning": true, "insisting": true, "arguing": true,
}

// relativePronouns open a clause that ends at the next comma.
var relativePronouns = map[string]bool{"which": true, "who": true, "whom": true, "whose": true}

// markClauses sets sub on the words of subordinate clauses; boundary[i] is
// the punctuation (',' or ';', or 0) seen between word i-1 and word i.
func markClauses(ws []word, boundary []rune) {
	if len(ws) == 0 {
		return
	}
	first := strings.ToLower(ws[0].text)
	leading := subordinators[first] || (strings.HasSuffix(first, "ing") && len(first) > 5)
	sub, untilComma := leading, leading
	for i := range ws {
		if i > 0 {
			switch boundary[i] {
			case ';':
				sub, untilComma = true, false
			case ',':
				lower := strings.ToLower(ws[i].text)
				if (lower == "and" || lower == "but") && !untilComma {
					// ", and ..." / ", but ...": a second clause,
					// after the one that leads.
					sub = true
					continue
				}
				switch {
				case untilComma:
					sub, untilComma = false, false
					if subordinators[lower] {
						sub, untilComma = true, relativePronouns[lower]
					}
				case !sub && subordinators[lower]:
					sub, untilComma = true, relativePronouns[lower]
				}
			}
		}
		ws[i].sub = sub
	}
}

// words splits a sentence into words, marking those inside quotation marks;
// quoted says whether the sentence starts inside a quotation. Hyphens,
// apostrophes and number punctuation stay inside a word.
func words(s string, quoted bool) []word {
	ws, _ := appendWords(make([]word, 0, len(s)/6+1), s, quoted, nil)
	return ws
}

// appendWords appends the words of s (see words) to out; boundary is
// working space, returned for the next call.
func appendWords(out []word, s string, quoted bool, boundary []rune) ([]word, []rune) {
	first := len(out)
	boundary = boundary[:0]
	var pending rune
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := dropPossessive(trimWordEnd(s[start:end]))
		if w != "" {
			out = append(out, word{text: w, start: start, end: start + len(w), quoted: quoted, initial: len(out) == first})
			boundary = append(boundary, pending)
			pending = 0
		}
		start = -1
	}
	for i, size := 0, 0; i < len(s); i += size {
		var r rune
		r, size = utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') && start >= 0 && i+size < len(s):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if !(unicode.IsLetter(next) || unicode.IsDigit(next)) {
				flush(i)
				if r == ',' {
					pending = ','
				}
				break
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if (r == '.' || r == ',') && !(unicode.IsDigit(prev) && unicode.IsDigit(next)) {
				flush(i)
				if r == ',' {
					pending = ','
				}
			}
		default:
			flush(i)
			switch r {
			case ',', ';':
				if pending != ';' {
					pending = r
				}
			case '"':
				quoted = !quoted
			case '“', '«':
				quoted = true
			case '”', '»':
				quoted = false
			}
		}
	}
	flush(len(s))
	markClauses(out[first:], boundary)
	return out, boundary
}

// trimWordEnd is strings.TrimRight(w, ".,'’-"): the punctuation a word
// may end with, which is seldom there, checked byte by byte.
func trimWordEnd(w string) string {
	for len(w) > 0 {
		switch c := w[len(w)-1]; {
		case c == '.' || c == ',' || c == '\'' || c == '-':
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "’"):
			w = w[:len(w)-len("’")]
		default:
			return w
		}
	}
	return w
}

// dropPossessive takes off a final 's ('s, ’s, 'S or ’S, each once and in
// that order, as trimming the four suffixes one after another would).
func dropPossessive(w string) string {
	if n := len(w); n == 0 || (w[n-1] != 's' && w[n-1] != 'S') {
		return w
	}
	for _, poss := range [...]string{"'s", "’s", "'S", "’S"} {
		w = strings.TrimSuffix(w, poss)
	}
	return w
}

// numberWords normalizes small numbers written as words.
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
	"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
	"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
	"hundred": "100", "dozen": "12", "first": "1st", "second": "2nd", "third": "3rd",
}

// extraStop are words too common in news to be evidence of a shared fact.
var extraStop = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "added": true, "also": true,
	"would": true, "could": true, "may": true, "might": true, "will": true, "one": true,
	"according": true, "mr": true, "mrs": true, "ms": true, "dr": true, "per": true, "cent": true,
	"s": true, "us": true, "it's": true, "new": true, "year": true, "years": true, "day": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "yesterday": true, "today": true, "week": true,
}

func isStop(lower string) bool {
	return english.IsStopWord(lower) || extraStop[lower]
}

// learnNames records words written with a capital letter where a sentence
// does not force one, so the same word at a sentence start counts as a name.
func (fs *featureSet) learnNames(sentence string) { fs.learnNamesOf(words(sentence, false)) }

// learnNamesOf is learnNames of a sentence's words.
func (fs *featureSet) learnNamesOf(ws []word) {
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.text)
		if !w.initial && unicode.IsUpper(r) {
			fs.names[strings.ToLower(w.text)] = true
		}
	}
}

// features extracts the evidence of one sentence; quoted says whether it
// starts inside a quotation.
func (fs *featureSet) features(sentence string, quoted bool) sentenceFeatures {
	return fs.featuresOf(words(sentence, quoted), nil)
}

// lexeme is what a lower-case word gives as evidence, worked out once per
// event: a figure, nothing (a stop word), or the stems of its parts.
type lexeme struct {
	number string // the normalized figure, when isNum
	isNum  bool
	parts  []lexPart
}

// lexPart is one part of a word: its interned stem and related-word groups
// (featureSet.groupLists[grp]).
type lexPart struct {
	id   uint32
	grp  int32
	mask uint64
}

// groupsOf returns a feature's related-word groups.
func (fs *featureSet) groupsOf(f *feature) []uint32 { return fs.groupLists[f.grp] }

// lexemeOf returns the evidence of a lower-case word, from the cache.
func (fs *featureSet) lexemeOf(lower string) *lexeme {
	if lx, ok := fs.lexemes[lower]; ok {
		return lx
	}
	lx := &lexeme{}
	if isBlindID(lower) {
		// Blind mode's id of an outlet, in an address or a handle
		// ("www.outlet-a.example", "@outlet-b"): no evidence, as the
		// placeholder "Outlet A" is none.
		fs.lexemes[lower] = lx
		return lx
	}
	if n, ok := normalizeNumber(lower); ok {
		lx.number, lx.isNum = n, true
	} else if !isStop(lower) {
		for _, part := range wordParts(lower) {
			if isStop(part) || len(part) < 2 {
				continue
			}
			p := lexPart{id: fs.intern("w:" + fs.stem(part))}
			if groups := wordnet.Groups(part); len(groups) > 0 {
				p.grp, p.mask = int32(len(fs.groupLists)), groupMask(groups)
				fs.groupLists = append(fs.groupLists, groups)
			}
			lx.parts = append(lx.parts, p)
		}
	}
	fs.lexemes[lower] = lx
	return lx
}

// featuresOf extracts the evidence of a sentence's words. shown, when not
// nil, is what a blind text shows for each word where that is not the
// word (see blindedText.evidence): the surface of the evidence it gives.
func (fs *featureSet) featuresOf(ws []word, shown []string) sentenceFeatures {
	// Built in the set's working space, then copied at their size: a
	// sentence has fewer features than words.
	sf := sentenceFeatures{feats: fs.scratch.feats[:0], surfaces: fs.scratch.surfaces[:0], groups: fs.scratch.groups[:0]}
	var sub bool
	add := func(id uint32, kind uint8, surface string, grp int32, mask uint64) {
		// Sentences have a few dozen features at most: kept in id order
		// by insertion, a scan finds a repeat or the place of a new one.
		i := 0
		for i < len(sf.feats) && sf.feats[i].id < id {
			i++
		}
		if i < len(sf.feats) && sf.feats[i].id == id {
			if kind > sf.feats[i].kind && kind != kindQuote {
				sf.feats[i].kind = kind
			}
			sf.feats[i].sub = sf.feats[i].sub && sub
			return
		}
		sf.feats = slices.Insert(sf.feats, i, feature{id: id, kind: kind, grp: grp, mask: mask, sub: sub})
		sf.surfaces = slices.Insert(sf.surfaces, i, surface)
	}
	prevQuoted, prevShown := "", "" // the last quoted word, and as shown
	placeholder := false
	for k, w := range ws {
		sub = w.sub
		// Blind mode's "Outlet A", "Outlet B" stand for outlets' names.
		// Read as a name, "Outlet" would be one name in every sentence
		// that cites any outlet, joining sentences that cite different
		// outlets ("told Outlet A", "Outlet C has learned"), and a blind
		// report would group and score sentences unlike the named one.
		// The placeholder is no evidence at all, and no quoted pair runs
		// across it.
		if placeholder || isBlindPlaceholder(ws, k) {
			placeholder = !placeholder
			prevQuoted = ""
			continue
		}
		lower := strings.ToLower(w.text)
		surface, shownLower := w.text, lower
		if shown != nil && shown[k] != "" {
			surface, shownLower = shown[k], strings.ToLower(shown[k])
		}
		if w.quoted {
			if prevQuoted != "" {
				pair := prevQuoted + " " + lower
				shownPair := prevShown + " " + shownLower
				if shown != nil && shown[k] != "" && shown[k-1] != "" && prevShown == shownLower {
					// Two words of one hidden name: "quillton bugle"
					// shows as "outlet a".
					shownPair = shownLower
				}
				add(fs.intern("q:"+pair), kindQuote, shownPair, 0, 0)
			}
			prevQuoted, prevShown = lower, shownLower
		} else {
			prevQuoted = ""
		}
		lx := fs.lexemeOf(lower)
		if lx.isNum {
			add(fs.intern("n:"+lx.number), kindNumber, surface, 0, 0)
			continue
		}
		if len(lx.parts) == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w.text)
		kind := kindWord
		if unicode.IsUpper(r) && (!w.initial || fs.names[lower] || isAcronym(w.text)) {
			kind = kindName
		}
		for _, p := range lx.parts {
			if kind == kindWord {
				add(p.id, kind, surface, p.grp, p.mask)
			} else {
				add(p.id, kind, surface, 0, 0)
			}
		}
	}
	for k := range sf.feats {
		sf.groups = append(sf.groups, fs.groupsOf(&sf.feats[k])...)
	}
	fs.scratch = sf
	sf.groups = sortUnique(sf.groups)
	sf.mask = groupMask(sf.groups)
	sf.feats, sf.surfaces = slices.Clone(sf.feats), slices.Clone(sf.surfaces)
	if sf.groups != nil {
		sf.groups = slices.Clone(sf.groups)
	}
	return sf
}

// isBlindPlaceholder says whether ws[k] starts a blind outlet's name, as
// Blind writes it: the word "Outlet", then a letter or two in capitals
// (blindLetter).
func isBlindPlaceholder(ws []word, k int) bool {
	if ws[k].text != "Outlet" || k+1 >= len(ws) {
		return false
	}
	letter := ws[k+1].text
	if len(letter) > 2 || ws[k+1].start > ws[k].end+1 {
		return false
	}
	for _, c := range []byte(letter) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// isBlindID says whether w is blind mode's id of an outlet: "outlet-" and
// one or two small letters.
func isBlindID(w string) bool {
	rest, ok := strings.CutPrefix(w, "outlet-")
	if !ok || len(rest) == 0 || len(rest) > 2 {
		return false
	}
	for _, c := range []byte(rest) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// wordParts splits a hyphenated word into its parts and also keeps it whole
// without hyphens, so "pre-emptive" meets "preemptive" and "anti-missile"
// meets "missile".
func wordParts(lower string) []string {
	if !strings.Contains(lower, "-") {
		return []string{lower}
	}
	parts := strings.Split(lower, "-")
	return append(parts, strings.ReplaceAll(lower, "-", ""))
}

func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// normalizeNumber returns the canonical form of a figure ("3,000" and
// "3000" are one), or false when w is not a number.
func normalizeNumber(w string) (string, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsDigit(r) {
		return "", false
	}
	var b strings.Builder
	for _, c := range w {
		switch {
		case c >= '0' && c <= '9', c == '.':
			b.WriteRune(c)
		case c == ',':
		default:
			// 48-hour, 2nd, 1990s: keep the figure and its letters.
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String(), true
}

func sortUnique(xs []uint32) []uint32 {
	if len(xs) == 0 {
		return nil
	}
	slices.Sort(xs)
	out := xs[:1]
	for _, x := range xs[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

// intersects says whether the short sorted list a shares an element with
// the sorted list b.
func intersects(a, b []uint32) bool {
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			return true
		}
	}
	return false
}

// idf is the inverse document frequency weight of a feature present in df of
// n sentences.
func idf(df, n int) float64 {
	return math.Log(1 + float64(n)/float64(df))
}

// quoteOpenAt says whether position end of text lies inside a quotation,
// given whether one was open at start: straight double quotes toggle, curly
// and angle quotes open and close.
func quoteOpenAt(text string, start, end int, open bool) bool {
	for _, r := range text[start:end] {
		switch r {
		case '"':
			open = !open
		case '“', '«':
			open = true
		case '”', '»':
			open = false
		}
	}
	return open
}
