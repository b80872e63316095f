package compare

import (
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/compare/internal/wordnet"
)

// BlindKey says which outlet a blind letter stands for.
type BlindKey struct {
	// Letter is "A", "B", ...; Name is "Outlet A".
	Letter, Name string
	// Outlet and Source are the outlet's real name and input.
	Outlet, Source string
}

// Blind returns the event with every outlet's name replaced by "Outlet A",
// "Outlet B", ... everywhere it appears: the outlet name, the input's name
// and source (a file name or URL), and the outlet's own name in its
// headline and text (a copyright line, "told Press TV"). Letters follow a
// hash of each article's text, not the outlets' names or their order, so
// they give nothing away and the same input gets the same letters.
//
// Every name slant knows for an outlet is hidden: the name a manifest
// gives, the page's own site name when the manifest names the outlet
// differently (Document.Aliases), and the name in the article's copyright
// or byline line as Compare finds it. An outlet with none of these is
// named, and hidden, by its file name; in the texts only when that name is
// no single dictionary word (bbc.txt, not sun.txt).
//
// In the texts, a name is replaced where it is written as a name, and
// nothing else changes: see namePatterns for the forms matched, shortForms
// for "the Bugle" standing for "Quillton Bugle", and handleKeys for
// "@ostrel_herald". All names are replaced in one pass, the longest first
// where two could match at one place, so no replacement is read again as
// a name.
func Blind(ev Event) (Event, []BlindKey, error) {
	if len(ev.Documents) > 26*26 {
		return ev, nil, fmt.Errorf("blind mode letters run out at %d articles", 26*26)
	}
	// outlet is each outlet's name for the key; names are all the names
	// hidden, outlet first.
	outlet := make([]string, len(ev.Documents))
	names := make([][]string, len(ev.Documents))
	guessed := make([]bool, len(ev.Documents))
	for i, doc := range ev.Documents {
		found, from := outletOf(doc, clean(doc))
		outlet[i] = doc.Outlet
		if outlet[i] == "" {
			outlet[i] = found
			// A name made of a file name has lost its case: "bbc" gives "Bbc".
			guessed[i] = from == "file"
		}
		names[i] = append([]string{outlet[i]}, doc.Aliases...)
		if from != "file" {
			names[i] = append(names[i], found)
		}
		// "© 2026 Quillton Bugle Ltd": the text writes "Quillton Bugle".
		for _, name := range names[i] {
			names[i] = append(names[i], withoutCompanySuffix(name))
		}
		names[i] = uniqueNames(names[i])
	}
	// A name an article gives besides its outlet's that is another
	// outlet's own (a wire's copyright line on a paper's copy of its
	// story) stays that outlet's.
	for i := range names {
		names[i] = slices.DeleteFunc(names[i], func(name string) bool {
			return name != outlet[i] && slices.ContainsFunc(outlet, func(o string) bool { return strings.EqualFold(o, name) })
		})
	}
	idx := make([]int, len(ev.Documents))
	hashes := make([]uint64, len(ev.Documents))
	for i, doc := range ev.Documents {
		idx[i] = i
		h := fnv.New64a()
		h.Write([]byte(doc.Text))
		h.Write([]byte(doc.Headline))
		hashes[i] = h.Sum64()
	}
	sort.SliceStable(idx, func(x, y int) bool { return hashes[idx[x]] < hashes[idx[y]] })
	// Every outlet's name is hidden in every text: outlets cite each other
	// too. Patterns go in letter order, which settles a tie between two
	// outlets' names the same way whatever the order of the inputs.
	//
	// A name guessed from a file name that is one dictionary word (one.txt,
	// sun.txt) is not looked for in the texts at all: the file name is no
	// evidence that "One" or "sun" there names the outlet. It still counts
	// as the outlet's name where short forms are shared.
	lettered := make([][]string, len(idx))
	sought := make([][]string, len(idx))
	with := make([]string, len(idx))
	var patterns []namePattern
	for n, i := range idx {
		lettered[n], with[n] = names[i], "Outlet "+blindLetter(n, len(idx))
		for _, name := range names[i] {
			guess := guessed[i] && name == outlet[i]
			if guess && guessedWord(name) {
				continue
			}
			sought[n] = append(sought[n], name)
			patterns = append(patterns, namePatterns(name, with[n], guess)...)
		}
	}
	patterns = append(patterns, shortForms(lettered, with)...)
	hide := newNameMatcher(patterns)
	hide.handles = handleKeys(sought, with)
	out := ev
	// The event's title (from event.yaml) heads every report and the
	// worksheet: an outlet it names is hidden there too.
	out.Title, _ = hide.replace(ev.Title)
	out.Documents = append([]Document(nil), ev.Documents...)
	keys := make([]BlindKey, len(idx))
	for n, i := range idx {
		letter := blindLetter(n, len(idx))
		name := with[n]
		keys[n] = BlindKey{Letter: letter, Name: name, Outlet: outlet[i], Source: ev.Documents[i].Source}
		d := &out.Documents[i]
		var moved offsetMap
		d.Text, moved = hide.replace(d.Text)
		if d.Kept != nil {
			kept := make([]Span, len(d.Kept))
			for k, sp := range d.Kept {
				kept[k] = moved.span(sp)
			}
			d.Kept = kept
		}
		d.Headline, _ = hide.replace(d.Headline)
		d.Outlet, d.OutletFrom, d.Aliases = name, "blind", nil
		d.Name = "outlet-" + strings.ToLower(letter)
		d.Source = d.Name
		d.Published = ev.Documents[i].Published
	}
	return out, keys, nil
}

// companySuffixes end a company's legal name.
var companySuffixes = []string{"ltd", "limited", "inc", "llc", "plc", "corp", "gmbh"}

// withoutCompanySuffix is a name of two or more words without the legal
// suffix it ends with ("Quillton Bugle Ltd.", "Fernwick Gazette, Inc."),
// or the name as it is.
func withoutCompanySuffix(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 || !slices.Contains(companySuffixes, strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))) {
		return name
	}
	return strings.TrimRight(strings.Join(words[:len(words)-1], " "), ",")
}

// uniqueNames drops empty names and repeats, keeping the first of each.
func uniqueNames(names []string) []string {
	var out []string
	for _, name := range names {
		if name = strings.TrimSpace(name); name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// blindLetter is the letter of the nth of count outlets: A..Z, or, when
// there are more than 26, two letters for every one, AA, AB, ..., AZ,
// BA, ..., ZZ, so that the letters sort as strings in the order they run:
// outlets sorted by name or id go AA, AB, ..., never A, AA, AB, B.
func blindLetter(n, count int) string {
	if count <= 26 {
		return string(rune('A' + n))
	}
	return string(rune('A'+n/26)) + string(rune('A'+n%26))
}

// nameVariants are the ways a text may write an outlet's name: whole, with
// its leading "The" in either case ("told the Daily Clarion"), and without
// it ("a Daily Clarion reporter"), unless what is left is one ordinary
// word: "Times" of "The Times" is as likely the plural ("Times are hard"),
// "Voice" of "The Voice" the noun ("Voice of the People").
func nameVariants(name string) []string {
	out := []string{name}
	add := func(v string) {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	for _, the := range []string{"The ", "the ", "THE "} {
		if rest, ok := strings.CutPrefix(name, the); ok && strings.TrimSpace(rest) != "" {
			add("The " + rest)
			add("the " + rest)
			if words := nameWords(rest); len(words) != 1 || !capitalizedWord(words[0]) || !dictionaryWord(words[0]) {
				add(rest)
			}
		}
	}
	return out
}

// namePattern is one form in which a text may write an outlet's name.
type namePattern struct {
	// words are the name's words as written; between them a text may put
	// spaces, hyphens, underscores, one line break or nothing (Press TV,
	// Press-TV, PressTV), unless joined.
	words []string
	// joined words are written with nothing between them (presstv.ir).
	joined bool
	// fold matches the words in any case.
	fold bool
	// capital, with fold, asks the text to write at least one letter of
	// the name in upper case: "BBC" for a name guessed as "Bbc", but not
	// "sun" for "Sun".
	capital bool
	// short marks a short form ("the Bugle"): like a one-word name that
	// reads as an ordinary word, it is not matched inside a hyphenated word.
	short bool
	// single marks a name of one word besides a leading "The", and a
	// short form: a capitalised word directly before or after it makes it
	// part of a longer name (see besideName).
	single bool
	// with replaces the name.
	with string
}

// namePatterns are the forms of an outlet's name that are replaced by with
// in the texts. Each variant of the name (see nameVariants) is matched
//
//   - in any case, when it has two or more words besides a leading "The"
//     and at least one of them is no dictionary word (see dictionaryWord):
//     the words together are the name (Quillton Bugle, QUILLTON BUGLE,
//     quillton bugle, and run together, quilltonbugle.com), while "the
//     evening post office" is no Evening Post;
//   - otherwise as written, in the case it is written;
//   - and in capitals (THE POST), unless it is one word that reads as an
//     ordinary word (Sun, Post): "SUN" may be a shouted sun;
//   - and in lower case with its words run together (thepost), when it has
//     two or more words of letters and digits: the form of a web address;
//   - or in any case with at least one capital, when the name's own case
//     is not to be trusted: a name guessed from a file name (guessed), a
//     name in lower case, or a name of four or more letters all in
//     capitals ("© 2026 THE SUN").
//
// A name of one letter or digit (an outlet named "A" after a.txt), or of
// punctuation only, is never matched in the texts: every "A" there is far
// more likely the article. Matches always start and end at word boundaries; see
// nameMatcher.
func namePatterns(name, with string, guessed bool) []namePattern {
	upper, lower, letters := 0, 0, 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
		if isWordRune(r) {
			letters++
		}
	}
	fold := guessed || upper == 0 || (lower == 0 && letters > 3)
	var out []namePattern
	defer func() {
		for k := range out {
			out[k].single = len(withoutThe(out[k].words)) == 1
		}
	}()
	for _, v := range nameVariants(name) {
		words := nameWords(v)
		if len(words) == 0 || countWordRunes(v) < 2 {
			continue
		}
		switch {
		case len(withoutThe(words)) > 1 && slices.ContainsFunc(withoutThe(words), notDictionaryWord):
			out = append(out, namePattern{words: words, fold: true, with: with})
			// Run together in any case too: nothing more to add.
			continue
		case fold:
			out = append(out, namePattern{words: words, fold: true, capital: true, with: with})
		case len(words) == 1 && capitalizedWord(words[0]):
			out = append(out, namePattern{words: words, with: with})
		default:
			caps := make([]string, len(words))
			for k, w := range words {
				caps[k] = strings.ToUpper(w)
			}
			out = append(out, namePattern{words: words, with: with})
			if !slices.Equal(caps, words) {
				out = append(out, namePattern{words: caps, with: with})
			}
		}
		if len(words) > 1 && !slices.ContainsFunc(words, func(w string) bool { return countWordRunes(w) != utf8.RuneCountInString(w) }) {
			low := make([]string, len(words))
			for k, w := range words {
				low[k] = strings.ToLower(w)
			}
			out = append(out, namePattern{words: low, joined: true, with: with})
		}
	}
	return out
}

// dictionaryWords are words that read as ordinary English though the
// dictionary (package wordnet, which leaves out function words and the
// like) does not list them, besides the stop words ("one", "new") and the
// newspaper nouns ("Times", "Gazette").
var dictionaryWords = map[string]bool{"daily": true, "time": true, "weekly": true}

// dictionaryWord says whether a word of a name, its punctuation aside, is
// an ordinary English word: one WordNet lists, a stop word, or one of
// newspaperNouns or dictionaryWords. A word with no letters is no evidence
// either way and counts as one.
func dictionaryWord(w string) bool {
	lower := strings.ToLower(strings.Map(func(r rune) rune {
		if isWordRune(r) {
			return r
		}
		return -1
	}, w))
	if lower == "" || dictionaryWords[lower] || isStop(lower) || len(wordnet.Groups(lower)) > 0 {
		return true
	}
	return slices.ContainsFunc(newspaperNouns, func(noun string) bool { return strings.EqualFold(noun, lower) })
}

func notDictionaryWord(w string) bool { return !dictionaryWord(w) }

// guessedWord says whether a name guessed from a file name is one
// dictionary word ("One" from one.txt, "Sun" from sun.txt): such a name is
// not looked for in the texts.
func guessedWord(name string) bool {
	words := nameWords(name)
	return len(words) == 1 && dictionaryWord(words[0])
}

// withoutThe is a name's words without a leading "The" (in any case).
func withoutThe(words []string) []string {
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		return words[1:]
	}
	return words
}

// newspaperNouns are the words that name a kind of newspaper, and so may
// stand for a whole name: "the Bugle" for "Quillton Bugle".
var newspaperNouns = []string{
	"Advertiser", "Argus", "Beacon", "Bugle", "Bulletin", "Chronicle", "Clarion", "Courier",
	"Dispatch", "Echo", "Enquirer", "Examiner", "Express", "Gazette", "Gleaner", "Globe",
	"Guardian", "Herald", "Inquirer", "Journal", "Ledger", "Mail", "Mercury", "Messenger",
	"Mirror", "Monitor", "News", "Observer", "Post", "Press", "Record", "Register", "Review",
	"Sentinel", "Spectator", "Standard", "Star", "Sun", "Telegraph", "Times", "Tribune",
	"Voice", "Wire",
}

// newspaperNoun returns the newspaper noun that may stand for a name of
// two or more words (besides a leading "The"): its last word ("Quillton
// Bugle", "The Daily Clarion"), or its first in "The X of Y" ("The Herald
// of Ostrel"), when that word is one of newspaperNouns. It returns the
// noun as the list writes it, or "".
func newspaperNoun(name string) string {
	words := withoutThe(nameWords(name))
	if len(words) < 2 {
		return ""
	}
	w := words[len(words)-1]
	if len(words) > 2 && strings.EqualFold(words[1], "of") {
		w = words[0]
	}
	for _, noun := range newspaperNouns {
		if strings.EqualFold(w, noun) {
			return noun
		}
	}
	return ""
}

// shortForms are the patterns for "the Bugle" and "The Bugle", written
// with a capital, standing for an outlet named "Quillton Bugle": see
// newspaperNoun. names[n] are the names of the outlet to be replaced by
// with[n]. A noun that another outlet's name holds too ("the Post" with an
// Evening Post and a Post) could be either: it is left as it is, not
// guessed. The noun in lower case ("the post office") is never matched.
func shortForms(names [][]string, with []string) []namePattern {
	nouns := make([][]string, len(names))
	holders := map[string]int{} // a noun in lower case -> how many outlets' names hold it
	for n, list := range names {
		var words []string
		for _, name := range list {
			if noun := newspaperNoun(name); noun != "" && !slices.Contains(nouns[n], noun) {
				nouns[n] = append(nouns[n], noun)
			}
			for _, w := range nameWords(name) {
				if w = strings.ToLower(w); !slices.Contains(words, w) {
					words = append(words, w)
				}
			}
		}
		for _, w := range words {
			holders[w]++
		}
	}
	var out []namePattern
	for n := range names {
		for _, noun := range nouns[n] {
			if holders[strings.ToLower(noun)] > 1 {
				continue
			}
			out = append(out,
				namePattern{words: []string{"the", noun}, short: true, single: true, with: with[n]},
				namePattern{words: []string{"The", noun}, short: true, single: true, with: with[n]})
		}
	}
	return out
}

// handleKeys are the social media handles and hashtags that name an
// outlet (see nameMatcher.handle), each with what replaces it: the
// letters and digits of each of its names in lower case ("ostrelherald"
// for "Ostrel Herald"), and of the name without a leading "The". A key
// two outlets share could be either, and is left out. A one-word name
// that reads as an ordinary word ("Sun") is an @handle only: "#sun" is a
// topic.
func handleKeys(names [][]string, with []string) map[string]handleKey {
	keys := map[string]handleKey{}
	shared := map[string]bool{}
	for n, list := range names {
		for _, name := range list {
			words := nameWords(name)
			for _, form := range [][]string{words, withoutThe(words)} {
				var b strings.Builder
				for _, w := range form {
					for _, r := range w {
						if isWordRune(r) {
							b.WriteRune(unicode.ToLower(r))
						}
					}
				}
				key := b.String()
				if utf8.RuneCountInString(key) < 2 {
					continue
				}
				k, seen := keys[key]
				if seen && k.with != with[n] {
					shared[key] = true
					continue
				}
				ordinary := len(form) == 1 && capitalizedWord(form[0])
				keys[key] = handleKey{with: with[n], atOnly: ordinary && (!seen || k.atOnly)}
			}
		}
	}
	for key := range shared {
		delete(keys, key)
	}
	return keys
}

// handleKey is what replaces a handle or hashtag of an outlet.
type handleKey struct {
	with string
	// atOnly is set for a name that is also an ordinary word: it is
	// hidden as an @handle, not as a #hashtag.
	atOnly bool
}

// nameWords splits a name at spaces, hyphens and underscores; every other
// character, punctuation included, belongs to a word ("(Orvale)", "R&B").
func nameWords(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '_' || isHyphen(r) })
}

// capitalizedWord says whether w reads as an ordinary word given a capital:
// an upper-case letter, then lower-case letters only (Sun, Post, Orvale).
func capitalizedWord(w string) bool {
	first, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) || size == len(w) {
		return false
	}
	for _, r := range w[size:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func countWordRunes(s string) int {
	n := 0
	for _, r := range s {
		if isWordRune(r) {
			n++
		}
	}
	return n
}

// nameMatcher finds outlets' names in a text, all of them in one pass.
type nameMatcher struct {
	patterns []namePattern
	// byFirst lists the patterns that may start with a rune, by nameKey.
	byFirst map[rune][]int
	// handles are the outlets' handles and hashtags, by handleKeys.
	handles map[string]handleKey
}

func newNameMatcher(patterns []namePattern) *nameMatcher {
	m := &nameMatcher{patterns: patterns, byFirst: map[rune][]int{}}
	for p, pat := range patterns {
		r, _ := utf8.DecodeRuneInString(pat.words[0])
		m.byFirst[nameKey(r)] = append(m.byFirst[nameKey(r)], p)
	}
	return m
}

// nameKey is the rune under which a rune is looked up: its lower case,
// and a straight apostrophe for a curly one.
func nameKey(r rune) rune {
	if r == '’' {
		return '\''
	}
	return unicode.ToLower(r)
}

// replace replaces every name in text, reading the text once from the
// start: at each place an outlet's handle (after its @ or #), or else the
// longest name found there, is replaced, and the search goes on after it.
// It returns the new text and where the old text's offsets went.
func (m *nameMatcher) replace(text string) (string, offsetMap) {
	var b strings.Builder
	var moved offsetMap
	last := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if from, end, with, ok := m.handle(text, i); ok {
			if moved == nil {
				b.Grow(len(text))
			}
			b.WriteString(text[last:from])
			moved = append(moved, replacement{old: Span{from, end}, new: Span{b.Len(), b.Len() + len(with)}})
			b.WriteString(with)
			last, i = end, end
			continue
		}
		best, end := -1, 0
		for _, p := range m.byFirst[nameKey(r)] {
			if e, ok := m.patterns[p].match(text, i); ok && e > end {
				best, end = p, e
			}
		}
		if best < 0 {
			i += size
			continue
		}
		if moved == nil {
			b.Grow(len(text))
		}
		with := m.patterns[best].with
		start := i
		if art, an := articleBefore(text, last, i); art >= 0 && strings.HasPrefix(with, "Outlet") {
			// "a Quillton Bugle photographer" reads "an Outlet C
			// photographer": the article is replaced with the name.
			start, with = art, an+with
		}
		b.WriteString(text[last:start])
		moved = append(moved, replacement{old: Span{start, end}, new: Span{b.Len(), b.Len() + len(with)}})
		b.WriteString(with)
		last, i = end, end
	}
	if moved == nil {
		return text, nil
	}
	b.WriteString(text[last:])
	return b.String(), moved
}

// articleBefore finds the indefinite article "a" or "A" (a word of its
// own, then one space) right before text[i], no earlier than from, and
// returns where it starts and "an " or "An " to stand in its place; -1
// when there is none.
func articleBefore(text string, from, i int) (int, string) {
	if i-2 < from || text[i-1] != ' ' || (text[i-2] != 'a' && text[i-2] != 'A') {
		return -1, ""
	}
	if i-2 > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:i-2]); isWordRune(r) {
			return -1, ""
		}
	}
	if text[i-2] == 'A' {
		return i - 2, "An "
	}
	return i - 2, "an "
}

// handle reports whether an outlet's @handle or #hashtag starts at
// text[i], and if so the span of its name, after the @ or #, and what
// replaces it. A handle is made of letters, digits, underscores and
// hyphens, and names the outlet when its letters and digits in lower case
// spell a key of handleKeys: "@ostrel_herald" for "Ostrel Herald". The @
// of an e-mail address ("news@...") starts no handle.
func (m *nameMatcher) handle(text string, i int) (from, end int, with string, ok bool) {
	sign := text[i]
	if sign != '@' && sign != '#' || len(m.handles) == 0 || isWordRune(runeBefore(text, i)) {
		return 0, 0, "", false
	}
	var key strings.Builder
	end = i + 1
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(r) && r != '_' && !isHyphen(r) {
			break
		}
		if isWordRune(r) {
			key.WriteRune(unicode.ToLower(r))
		}
		end += size
	}
	// A hyphen or underscore at the end is punctuation, not the handle's.
	for end > i+1 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if r != '_' && !isHyphen(r) {
			break
		}
		end -= size
	}
	k, found := m.handles[key.String()]
	if !found || sign == '#' && k.atOnly {
		return 0, 0, "", false
	}
	return i + 1, end, k.with, true
}

// match reports where the name p ends if it starts at text[i:].
func (p namePattern) match(text string, i int) (int, bool) {
	pos := i
	for k, w := range p.words {
		if k > 0 && !p.joined {
			pos = skipNameSeparator(text, pos)
		}
		n, ok := matchNameWord(text[pos:], w, p.fold)
		if !ok {
			return 0, false
		}
		pos += n
	}
	found := text[i:pos]
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[pos:])
	first, _ := utf8.DecodeRuneInString(found)
	last, _ := utf8.DecodeLastRuneInString(found)
	// Whole words only: "Sun" is not in "Sunday". A name that starts or
	// ends with punctuation ("The Voice (Orvale)") needs no boundary there.
	if isWordRune(first) && i > 0 && isWordRune(before) || isWordRune(last) && pos < len(text) && isWordRune(after) {
		return 0, false
	}
	if p.capital && !strings.ContainsFunc(found, unicode.IsUpper) {
		return 0, false
	}
	if p.single && p.besideName(text, i, pos) {
		return 0, false
	}
	// A one-word name written as an ordinary word, or a short form, is
	// not one in a hyphenated word: "Post-fire repairs" at the start of a
	// sentence.
	if p.short || len(p.words) == 1 && capitalizedWord(found) {
		if isHyphen(before) && isWordRune(runeBefore(text, i-utf8.RuneLen(before))) ||
			isHyphen(after) && isWordRune(runeAt(text, pos+utf8.RuneLen(after))) {
			return 0, false
		}
	}
	return pos, true
}

// besideName says whether the name p found at text[i:pos] is part of a
// longer proper noun: a capitalised word follows it with only spaces
// between ("the Post Office", "the Times Square crowd"), or, unless it
// starts with its "The", one comes directly before it ("Tess Morgan").
// "The Post said" is the outlet, and so is "When Morgan said" or "told
// the Times Monday": a stop word, a weekday or a month is no part of a
// name.
func (p namePattern) besideName(text string, i, pos int) bool {
	if len(p.words) == 1 || !strings.EqualFold(p.words[0], "the") {
		j := i
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:j])
			if !lineSpace(r) {
				break
			}
			j -= size
		}
		start := j
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:start])
			if !isWordRune(r) && !isApostrophe(r) {
				break
			}
			start -= size
		}
		if j < i && nameWord(text[start:j]) {
			return true
		}
	}
	j := pos
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !lineSpace(r) {
			break
		}
		j += size
	}
	end := j
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(r) && !isApostrophe(r) {
			break
		}
		end += size
	}
	return j > pos && nameWord(text[j:end])
}

// lineSpace is a space within a line.
func lineSpace(r rune) bool { return unicode.IsSpace(r) && r != '\n' && r != '\r' }

// nameWord says whether w, next to a name, reads as more of a proper
// noun: a capital, then at least one lower-case letter, and no stop word,
// weekday or month ("Tess", "Office", not "The", "When", "Monday", "TV").
func nameWord(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) || !strings.ContainsFunc(w, unicode.IsLower) {
		return false
	}
	return !isStop(strings.ToLower(w)) && !slices.Contains(weekdays, w) && !slices.Contains(months, w)
}

func runeBefore(text string, i int) rune {
	if i <= 0 {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func runeAt(text string, i int) rune {
	if i >= len(text) {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// skipNameSeparator skips what may stand between two words of a name:
// spaces, hyphens and underscores, and at most one line break, so a name
// never runs from one paragraph into the next.
func skipNameSeparator(text string, i int) int {
	breaks := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if breaks++; breaks > 1 {
				return i
			}
		case r == '\r' || r == '_' || isHyphen(r) || unicode.IsSpace(r):
		default:
			return i
		}
		i += size
	}
	return i
}

// matchNameWord reports how many bytes at the start of s spell the word w:
// in the same case unless fold, with a curly apostrophe for a straight one
// or the other way round.
func matchNameWord(s, w string, fold bool) (int, bool) {
	n := 0
	for _, want := range w {
		r, size := utf8.DecodeRuneInString(s[n:])
		if size == 0 || !sameNameRune(r, want, fold) {
			return 0, false
		}
		n += size
	}
	return n, true
}

func sameNameRune(r, want rune, fold bool) bool {
	switch {
	case r == want:
		return true
	case isApostrophe(r) && isApostrophe(want):
		return true
	case fold:
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f == want {
				return true
			}
		}
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// replacement is one name replaced: its span in the old text and the
// span of what replaced it in the new one.
type replacement struct {
	old, new Span
}

// offsetMap says where the offsets of a text went when names in it were
// replaced: the replacements in text order.
type offsetMap []replacement

// span returns the span of the new text that holds what sp held in the
// old one. A span that starts or ends inside a replaced name takes in all
// of what replaced it.
func (m offsetMap) span(sp Span) Span {
	return Span{m.offset(sp.Start, false), m.offset(sp.End, true)}
}

// offset maps offset i of the old text to the new one. An offset inside a
// replaced name goes to the start of what replaced it, or to its end if
// end is set.
func (m offsetMap) offset(i int, end bool) int {
	// The first replacement that ends after i.
	k := sort.Search(len(m), func(k int) bool { return m[k].old.End > i })
	if k < len(m) && m[k].old.Start < i {
		if end {
			return m[k].new.End
		}
		return m[k].new.Start
	}
	if k == 0 {
		return i
	}
	return i + m[k-1].new.End - m[k-1].old.End
}
