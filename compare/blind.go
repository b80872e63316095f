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
// In the texts, a name is replaced where it is written as a name: see
// namePatterns for the forms matched, shortForms for "the Bugle" and
// "Bugle reporters" standing for "Quillton Bugle" (and "the Gallop" for
// "Daily Gallop", see headWord), besideName for names in
// headlines in title case, and handleKeys and nameMatcher.tagName for
// "@ostrel_herald" and "#HeraldInvestigates". Nothing
// else changes but what keeps the text reading well (see
// namePattern.rewrite): "told the Quillton Bugle" reads "told Outlet A",
// "Ostrel News' critic" "Outlet B's critic", and an address
// "www.outlet-a.example". All names are replaced in one pass, the longest
// first where two could match at one place, so no replacement is read
// again as a name.
//
// Each blind document keeps, where the comparison alone reads it, its text
// as it was (see blindedText): Compare reads there the evidence that
// sentences and headlines match, and breaks a tie for the reference in
// the named order, so that a blind comparison groups and scores as the
// named one does and diffs against the same outlet.
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
		ready := doc
		ready.Text = loneReturns(doc.Text) // as buildArticle cleans it
		found, from := outletOf(doc, clean(ready))
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
	short := shortNames(lettered)
	patterns = append(patterns, shortForms(short, with)...)
	hide := newNameMatcher(patterns)
	hide.handles = handleKeys(sought, short, with)
	for key := range hide.handles {
		hide.tagKeys = append(hide.tagKeys, key)
	}
	// The longest key first: "#TheBugleLive" is "thebugle", not "bugle".
	slices.SortFunc(hide.tagKeys, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	// The order of the outlets' ids in the named comparison.
	named := make([]int, len(ev.Documents))
	slugs := make([]string, len(ev.Documents))
	for i := range named {
		named[i], slugs[i] = i, slugify(outlet[i])
	}
	sort.SliceStable(named, func(x, y int) bool {
		if a, b := named[x], named[y]; slugs[a] != slugs[b] {
			return slugs[a] < slugs[b]
		}
		return ev.Documents[named[x]].Source < ev.Documents[named[y]].Source
	})
	order := make([]int, len(ev.Documents))
	for k, i := range named {
		order[i] = k
	}
	out := ev
	// The event's title (from event.yaml) heads every report and the
	// worksheet: an outlet it names is hidden there too.
	out.Title, _ = hide.replace(ev.Title, "")
	out.Documents = append([]Document(nil), ev.Documents...)
	keys := make([]BlindKey, len(idx))
	for n, i := range idx {
		letter := blindLetter(n, len(idx))
		name := with[n]
		keys[n] = BlindKey{Letter: letter, Name: name, Outlet: outlet[i], Source: ev.Documents[i].Source}
		d := &out.Documents[i]
		var moved offsetMap
		d.Text, moved = hide.replace(d.Text, d.Headline)
		d.Kept = moved.spans(d.Kept)
		// A standfirst the markup gives is found again where the names
		// before it moved it.
		d.Lead = moved.spans(d.Lead)
		if d.Marked != nil {
			// A caption or a pull quote the markup sets apart is found
			// again where the names before it moved it.
			marked := make([]MarkedSpan, len(d.Marked))
			for k, sp := range d.Marked {
				marked[k] = MarkedSpan{Span: moved.span(sp.Span), Rule: sp.Rule}
			}
			d.Marked = marked
		}
		d.Headline, _ = hide.replace(d.Headline, ev.Documents[i].Text)
		d.blinded = &blindedText{
			text: loneReturns(ev.Documents[i].Text), moved: moved,
			headline: ev.Documents[i].Headline, blindHeadline: d.Headline, order: order[i],
		}
		d.Outlet, d.OutletFrom, d.Aliases = name, "blind", nil
		d.Name = "outlet-" + strings.ToLower(letter)
		d.Source = d.Name
		d.Published = ev.Documents[i].Published
	}
	return out, keys, nil
}

// blindedText is what a blind document's text was before Blind hid the
// outlets' names in it. The comparison reads the evidence that sentences
// match there, where the names are, so that blind mode groups and scores
// the sentences as the named comparison does: an outlet a sentence names
// is evidence there ("the Bugle" in two sentences is a name they share),
// and a placeholder in its place would be none. What the evidence shows
// of a name is its placeholder (see evidence).
type blindedText struct {
	// text is the text before, as buildArticle reads it; moved says
	// where its offsets went (see offsetMap).
	text  string
	moved offsetMap
	// headline was replaced by blindHeadline.
	headline, blindHeadline string
	// order is the document's place among the event's documents in the
	// order of their outlets' ids in the named comparison (see
	// assignIDs), where a choice between two outlets comes down to that
	// order (see defaultReference).
	order int
}

// of returns b if it is the blind text's history: text is what b's
// replacements made of b.text, as long as that would be. A text changed
// after Blind gets nil, and its own words as evidence.
func (b *blindedText) of(text string) *blindedText {
	if b == nil || b.moved.old(len(text), true) != len(b.text) {
		return nil
	}
	return b
}

// evidence returns the words of the sentence at text[start:end], a blind
// article's text, as they were before the names were hidden, and what
// the blind text shows for each: "" for a word as it was, else the blind
// text in its place ("Outlet A" for "Bugle", "www.outlet-a.example").
// quoted says whether the sentence starts inside a quotation.
func (b *blindedText) evidence(text string, start, end int, quoted bool) ([]word, []string) {
	from, to := b.moved.old(start, false), b.moved.old(end, true)
	ws := words(b.text[from:to], quoted)
	var shown []string
	for k, w := range ws {
		sp := Span{from + w.start, from + w.end}
		if !b.moved.overlaps(sp) {
			continue
		}
		if shown == nil {
			shown = make([]string, len(ws))
		}
		sp = b.moved.span(sp)
		shown[k] = dropPossessive(strings.TrimSpace(text[sp.Start:sp.End]))
	}
	return ws, shown
}

// headlineEvidence is a blind article's headline as it was before the
// names in it were hidden: its document's headline, or the line of its
// text it was taken from.
func (b *blindedText) headlineEvidence(headline, text string) string {
	if headline == b.blindHeadline {
		return b.headline
	}
	if k := strings.Index(text, headline); k >= 0 {
		return b.text[b.moved.old(k, false):b.moved.old(k+len(headline), true)]
	}
	return headline
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
	// short marks a short form ("the Bugle", see shortForms): inside a
	// hyphenated word it is the name only when its noun is not ordinary
	// ("a Bugle-owned drone", not "the Post-war years").
	short bool
	// bare marks a short form that is the newspaper noun alone ("Bugle
	// reporters"). Where a capital says nothing, at the start of a
	// sentence or in a line in title case, a bare noun that is ordinary
	// is the name only before a newsroom noun ("Star reporters", not
	// "Star players").
	bare bool
	// ordinary marks a short form whose noun is one of ordinaryNouns,
	// or a head word the dictionary holds.
	ordinary bool
	// head marks a short form that is a name's head word, no newspaper
	// noun (see headWord): "the Gallop" and "Gallop reporters" for
	// "Daily Gallop". Bare, it is the name only before a newsroom noun;
	// written in capitals, only where a name is shouted. A head word the
	// dictionary holds (ordinary), where its capital says nothing (in a
	// line in title case, or bare at the start of a sentence), is the
	// name only in an article that never writes it in lower case as a
	// word: "the Beast reported" is the Daily Beast, "Beast Tamed" in an
	// article about a beast is no name.
	head bool
	// shout marks an ordinary word in capitals, the name only where a
	// name is shouted (see shoutedName): "BEACON readers", not "SUN".
	shout bool
	// plain marks a single word that reads as an ordinary word (see
	// ordinaryName): after "a" it is the name only before a newsroom
	// noun.
	plain bool
	// address marks a form matched only as a label of a host name (see
	// hostLabel): "morgan.example" for an outlet named "Morgan".
	address bool
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
//     capitals ("© 2026 THE SUN");
//   - and, when it is one word of letters and digits, in any case as a
//     label of a host name: "morgan.example", "bbc.co.uk".
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
			out[k].single = len(withoutThe(out[k].words)) == 1 && !out[k].address
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
			// "BEACON" may be a shouted beacon: an ordinary word in
			// capitals is the name only where a name is shouted (see
			// shoutedName).
			out = append(out, namePattern{words: words, with: with},
				namePattern{words: []string{strings.ToUpper(words[0])}, shout: dictionaryWord(words[0]), with: with})
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
		if len(words) == 1 && countWordRunes(words[0]) == utf8.RuneCountInString(words[0]) {
			out = append(out, namePattern{words: []string{strings.ToLower(words[0])}, fold: true, address: true, with: with})
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
	"Advertiser", "Argus", "Beacon", "Bugle", "Bulletin", "Chronicle", "Citizen", "Clarion",
	"Courier", "Daily", "Dispatch", "Echo", "Enquirer", "Examiner", "Express", "Gazette",
	"Gleaner", "Globe", "Guardian", "Herald", "Independent", "Inquirer", "Journal", "Leader",
	"Ledger", "Mail", "Mercury", "Messenger", "Mirror", "Monitor", "Nation", "News", "Newswire",
	"Observer", "Post", "Press", "Record", "Register", "Review", "Sentinel", "Spectator",
	"Standard", "Star", "Sun", "Telegraph", "Times", "Tribune", "Voice", "Wire",
}

// newspaperNoun returns the newspaper noun that may stand for a name of
// two or more words (besides a leading "The"): its last word ("Quillton
// Bugle", "The Daily Clarion"), or its first in "The X of Y" ("The Herald
// of Ostrel"), when that word is one of newspaperNouns; or the X of a name
// "The X" ("The Sun", written "Sun reporters"). It returns the noun as the
// list writes it, or "".
func newspaperNoun(name string) string {
	all := nameWords(name)
	words := withoutThe(all)
	if len(words) == 0 || len(words) == 1 && len(all) == 1 {
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

// headWord returns the last word of a name of two or more words
// (besides a leading "The") that ends in no newspaper noun, when that
// word may stand for the name as "the Bugle" does for "Quillton Bugle":
// "Gallop" of "Daily Gallop", "Jazeera" of "Al Jazeera". It is a word
// with a capital and small letters, no stop word, weekday or month, no
// word of nounModifiers and none of orgNouns ("Agency" of "Eastline News
// Agency" may be any agency). It returns "" for none. A name with "of"
// has none: "Radio Free Europe" is "Europe" only as the place.
//
// Where such a word is the name, see namePattern.head.
func headWord(name string) string {
	words := withoutThe(nameWords(name))
	if len(words) < 2 || newspaperNoun(name) != "" || slices.ContainsFunc(words, func(w string) bool { return strings.EqualFold(w, "of") }) {
		return ""
	}
	w := words[len(words)-1]
	lower := strings.ToLower(w)
	if !capitalizedWord(w) || isStop(lower) || nounModifiers[lower] || orgNouns[lower] || slices.Contains(weekdays, w) || slices.Contains(months, w) {
		return ""
	}
	return w
}

// orgNouns end the names of many kinds of body besides news outlets: a
// name's last word of these stands for no outlet alone.
var orgNouns = map[string]bool{
	"agency": true, "broadcasting": true, "channel": true, "company": true, "corporation": true,
	"digital": true, "group": true, "international": true, "live": true, "media": true,
	"network": true, "now": true, "online": true, "radio": true, "service": true,
	"television": true, "today": true, "tonight": true, "world": true,
}

// newspaperNounOf says whether w is one of newspaperNouns, in any case.
func newspaperNounOf(w string) bool {
	return slices.ContainsFunc(newspaperNouns, func(noun string) bool { return strings.EqualFold(noun, w) })
}

// ordinaryNouns are the newspaper nouns that often start a sentence, or
// stand in a headline, as ordinary words ("News of the flood spread",
// "Star Witness Speaks", "Post-war"): written bare, without "the", there
// they stand for an outlet only before a newsroom noun ("Star reporters
// counted"). The other nouns ("Bugle", "Gazette", "Ledger") are seldom
// anything but a newspaper's name.
var ordinaryNouns = map[string]bool{
	"Beacon": true, "Bulletin": true, "Citizen": true, "Courier": true, "Daily": true,
	"Dispatch": true, "Echo": true, "Express": true, "Globe": true, "Guardian": true,
	"Independent": true, "Journal": true, "Leader": true, "Mail": true, "Mercury": true,
	"Messenger": true, "Mirror": true, "Monitor": true, "Nation": true, "News": true,
	"Observer": true, "Post": true, "Press": true, "Record": true, "Register": true,
	"Review": true, "Spectator": true, "Standard": true, "Star": true, "Sun": true,
	"Telegraph": true, "Times": true, "Voice": true, "Wire": true,
}

// rareNoun says whether w is a newspaper noun seldom anything but a
// newspaper's name ("Bugle", "Gazette"; not "Star", see ordinaryNouns).
func rareNoun(w string) bool {
	i := slices.IndexFunc(newspaperNouns, func(noun string) bool { return strings.EqualFold(noun, w) })
	return i >= 0 && !ordinaryNouns[newspaperNouns[i]]
}

// nounModifiers are the words that, before a newspaper noun, make a
// shorter form of a name by themselves: "the Daily Star" for "Fenwick
// Daily Star".
var nounModifiers = map[string]bool{
	"daily": true, "evening": true, "morning": true, "sunday": true, "weekly": true, "weekend": true,
}

// shortNames are, for each outlet, the forms of its names shorter than
// the name, which a text writes once it has named the outlet: the
// newspaper noun ("Bugle" for "Quillton Bugle", see newspaperNoun), or
// else the name's head word ("Gallop" for "Daily Gallop", see headWord), and
// the noun with a word of nounModifiers before it ("Daily Star" for
// "Fenwick Daily Star"). names[n] are the names of outlet n. A short name
// that another outlet's name holds too ("Post" with an Evening Post and a
// Post) could be either: it is left out, not guessed.
func shortNames(names [][]string) [][][]string {
	short := make([][][]string, len(names))
	holders := map[string]int{} // a word in lower case -> how many outlets' names hold it
	for n, list := range names {
		var words []string
		for _, name := range list {
			if head := headWord(name); head != "" {
				short[n] = append(short[n], []string{head})
			}
			if noun := newspaperNoun(name); noun != "" {
				short[n] = append(short[n], []string{noun})
				ws := withoutThe(nameWords(name))
				if k := len(ws) - 1; k >= 2 && strings.EqualFold(ws[k], noun) && nounModifiers[strings.ToLower(ws[k-1])] {
					short[n] = append(short[n], []string{ws[k-1], noun})
				}
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
	// heldElsewhere says whether an outlet other than n has a name that
	// holds the words sub in a row.
	heldElsewhere := func(n int, sub []string) bool {
		for o, list := range names {
			if o == n {
				continue
			}
			for _, name := range list {
				ws := nameWords(name)
				for k := 0; k+len(sub) <= len(ws); k++ {
					if slices.EqualFunc(ws[k:k+len(sub)], sub, strings.EqualFold) {
						return true
					}
				}
			}
		}
		return false
	}
	for n := range short {
		short[n] = slices.DeleteFunc(short[n], func(sub []string) bool {
			return holders[strings.ToLower(sub[len(sub)-1])] > 1 || heldElsewhere(n, sub)
		})
		short[n] = slices.CompactFunc(short[n], slices.Equal)
	}
	return short
}

// shortForms are the patterns for the short names of each outlet (see
// shortNames) to be replaced by with[n]: for an outlet named "Quillton
// Bugle", "the Bugle", "The Bugle" and "THE BUGLE", and the bare noun
// "Bugle" ("Bugle reporters", "a Bugle-owned drone", see namePattern.bare);
// for "Fenwick Daily Star" also "Daily Star", with "the" or without; and
// in host names "thebugle" and, unless the noun is ordinary, "bugle". The
// noun in lower case ("the post office") is never matched in the text. A
// name's head word (see headWord) gets the same forms, marked head.
func shortForms(short [][][]string, with []string) []namePattern {
	var out []namePattern
	for n, list := range short {
		for _, sub := range list {
			if len(sub) > 1 {
				caps := make([]string, len(sub))
				for k, w := range sub {
					caps[k] = strings.ToUpper(w)
				}
				for _, words := range [][]string{sub, caps} {
					out = append(out, namePattern{words: words, short: true, single: true, with: with[n]})
				}
				continue
			}
			noun := sub[0]
			ordinary := ordinaryNouns[noun]
			form := namePattern{short: true, single: true, ordinary: ordinary, with: with[n]}
			if !newspaperNounOf(noun) {
				// A name's head word (see headWord).
				ordinary = dictionaryWord(noun)
				form.head, form.ordinary = true, ordinary
			}
			for _, the := range []string{"the", "The", "THE"} {
				for _, w := range []string{noun, strings.ToUpper(noun)} {
					p := form
					p.words = []string{the, w}
					out = append(out, p)
				}
			}
			bare := form
			bare.bare, bare.words = true, []string{noun}
			out = append(out, bare)
			// "(BUGLE)" in a dateline, "STAR reporters".
			bare.words, bare.single = []string{strings.ToUpper(noun)}, false
			out = append(out, bare)
			// Host names: thebugle.example, bugle.example; not
			// news.example, a name of its own.
			lower := strings.ToLower(noun)
			out = append(out, namePattern{words: []string{"the" + lower}, fold: true, address: true, with: with[n]})
			if !ordinary {
				out = append(out, namePattern{words: []string{lower}, fold: true, address: true, with: with[n]})
			}
		}
	}
	return out
}

// handleKeys are the social media handles and hashtags that name an
// outlet (see nameMatcher.handle), each with what replaces it: the
// letters and digits of each of its names in lower case ("ostrelherald"
// for "Ostrel Herald"), and of the name without a leading "The". A key
// two outlets share could be either, and is left out. The short names of
// each outlet (short[n], see shortNames) are keys too, with "the"
// ("@TheBugle", "@thestar"), and without it unless an ordinary noun
// ("@bugle", not "@news"). A one-word name that reads as an ordinary word
// ("Sun", "Bugle") is an @handle only: "#sun" is a topic.
func handleKeys(names [][]string, short [][][]string, with []string) map[string]handleKey {
	keys := map[string]handleKey{}
	shared := map[string]bool{}
	for n, list := range names {
		var forms [][]string
		for _, name := range list {
			words := nameWords(name)
			forms = append(forms, words, withoutThe(words))
		}
		for _, sub := range short[n] {
			if len(sub) > 1 || !ordinaryNouns[sub[0]] {
				forms = append(forms, sub)
			}
			forms = append(forms, append([]string{"the"}, sub...))
		}
		for _, form := range forms {
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
			if seen && k.with != blindSlug(with[n]) {
				shared[key] = true
				continue
			}
			ordinary := len(form) == 1 && capitalizedWord(form[0])
			k = handleKey{with: blindSlug(with[n]), atOnly: ordinary && (!seen || k.atOnly), distinctive: k.distinctive}
			// In a longer tag (see nameMatcher.tagName): a name with a
			// word no dictionary holds is the name in any case;
			// "#SunSays" is the Sun only where the article never writes
			// "sun" as a word.
			rest := withoutThe(form)
			k.distinctive = k.distinctive || slices.ContainsFunc(rest, notDictionaryWord)
			if len(rest) == 1 && dictionaryWord(rest[0]) && !rareNoun(rest[0]) {
				k.plain = strings.ToLower(rest[0])
			}
			keys[key] = k
		}
	}
	for key := range shared {
		delete(keys, key)
	}
	return keys
}

// handleSuffixes end an outlet's handle after its name: "@morgan_news".
var handleSuffixes = []string{"news", "online", "official", "hq", "tv", "live", "media", "uk", "us"}

// handleKey is what replaces a handle or hashtag of an outlet.
type handleKey struct {
	with string
	// atOnly is set for a name that is also an ordinary word: it is
	// hidden as an @handle, not as a #hashtag.
	atOnly bool
	// distinctive is set for a name with a word no dictionary holds
	// ("ostrelherald"), which a longer tag holds as the name in any case.
	distinctive bool
	// plain is the ordinary word a name is besides "the" ("sun" of "The
	// Sun", not "bugle"), or "": a longer tag holds such a name only
	// where the text never writes the word in lower case.
	plain string
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
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
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
	// byFirst lists the patterns that may start with a rune, by nameKey;
	// byASCII those that start with an ASCII one, by its byte.
	byFirst map[rune][]int
	byASCII [utf8.RuneSelf][]int
	// handles are the outlets' handles and hashtags, by handleKeys;
	// tagKeys their keys, longest first, for tagName.
	handles map[string]handleKey
	tagKeys []string
	// starts are the first words of the names, besides "the", in lower
	// case (see nameScan.longerName).
	starts map[string]bool
}

func newNameMatcher(patterns []namePattern) *nameMatcher {
	m := &nameMatcher{patterns: patterns, byFirst: map[rune][]int{}}
	for p := range patterns {
		pat := &patterns[p]
		pat.plain = pat.single && len(pat.words) == 1 && ordinaryName(pat.words[0])
	}
	m.starts = map[string]bool{}
	for _, pat := range patterns {
		if words := withoutThe(pat.words); len(words) > 0 && !pat.joined && !pat.address {
			m.starts[strings.ToLower(words[0])] = true
		}
	}
	for p, pat := range patterns {
		r, _ := utf8.DecodeRuneInString(pat.words[0])
		m.byFirst[nameKey(r)] = append(m.byFirst[nameKey(r)], p)
	}
	for c := range m.byASCII {
		m.byASCII[c] = m.byFirst[nameKey(rune(c))]
	}
	return m
}

// candidates are the patterns that may start at a rune r that follows a
// rune prev. No name starts inside a word: a name whose first rune is a
// letter or digit needs a boundary before it (see namePattern.match).
func (m *nameMatcher) candidates(r, prev rune) []int {
	switch {
	case isWordRune(r) && isWordRune(prev):
		return nil
	case r < utf8.RuneSelf:
		return m.byASCII[r]
	}
	return m.byFirst[nameKey(r)]
}

// nameKey is the rune under which a rune is looked up: its lower case,
// and a straight apostrophe for a curly one.
func nameKey(r rune) rune {
	if r == '’' {
		return '\''
	}
	return unicode.ToLower(r)
}

// nameScan is one reading of a text by nameMatcher.replace.
type nameScan struct {
	// text is the text read; context is more of the same article, where
	// a pair of capitalised words may be found written as a name (see
	// attested): the article's text when text is its headline.
	text, context string
	// lines tells which lines of text are in title case.
	lines lineCase
	// pairs are the pairs of capitalised words the text and its context
	// write in sentence case (see attested), read when first asked for.
	pairs map[string]bool
	// nouns caches shortNameUsed, lower lowerWordUsed and together.
	nouns, lower map[string]bool
	// starts are the first words of the names sought, besides "the", in
	// lower case (see longerName).
	starts map[string]bool
}

// longerName says whether the word at text[j:], after a name and a
// hyphen, makes the two a longer name: it starts with a capital, is no
// owner's word ("Bugle-Owned", see ownerWords) and starts no outlet's
// name ("Quillton Bugle-Ostrel Herald poll" is two).
func (sc *nameScan) longerName(j int) bool {
	if !unicode.IsUpper(runeAt(sc.text, j)) {
		return false
	}
	w := strings.ToLower(leadingWord(sc.text[j:]))
	return !slices.Contains(ownerWords, w) && !sc.starts[w]
}

// replace replaces every name in text, reading the text once from the
// start: at each place an outlet's handle (after its @ or #), or else the
// longest name found there, is replaced (see namePattern.rewrite), and
// the search goes on after it. context is more of the same article (see
// nameScan). It returns the new text and where the old text's offsets
// went.
func (m *nameMatcher) replace(text, context string) (string, offsetMap) {
	sc := &nameScan{text: text, context: context, lines: lineCase{text: text}, starts: m.starts}
	var b strings.Builder
	var moved offsetMap
	last := 0
	put := func(from, end int, with string) {
		if moved == nil {
			b.Grow(len(text))
		}
		b.WriteString(text[last:from])
		moved = append(moved, replacement{old: Span{from, end}, new: Span{b.Len(), b.Len() + len(with)}})
		b.WriteString(with)
		last = end
	}
	prev := utf8.RuneError
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if from, end, with, ok := m.handle(sc, text, i); ok {
			put(from, end, with)
			i, prev = end, runeBefore(text, end)
			continue
		}
		best, end := -1, 0
		for _, p := range m.candidates(r, prev) {
			if e, ok := m.patterns[p].match(sc, i); ok && e > end {
				best, end = p, e
			}
		}
		if best < 0 {
			i += size
			prev = r
			continue
		}
		from, end, with := m.patterns[best].rewrite(text, last, i, end)
		put(from, end, with)
		i, prev = end, runeBefore(text, end)
	}
	if moved == nil {
		return text, nil
	}
	b.WriteString(text[last:])
	return b.String(), moved
}

// rewrite returns the span of text to replace for the name p found at
// text[i:end], no earlier than from, and what replaces it, so that the
// text still reads:
//
//   - in a web or e-mail address the name is one word in lower case,
//     "outlet-a" ("www.outlet-a.example"; see inAddress);
//   - "the" before the name, or starting it, goes with it ("told the
//     Quillton Bugle" reads "told Outlet A"), unless a newsroom noun or a
//     hyphenated word follows ("the Outlet A reporter", "the Outlet
//     A-owned site");
//   - "a" before it reads "an" ("an Outlet A photographer");
//   - a name ending in s, then an apostrophe and a word, is a possessive
//     ("Ostrel News' critic" reads "Outlet A's critic"), unless the
//     apostrophe closes a quotation ('Ostrel News' said).
func (p namePattern) rewrite(text string, from, i, end int) (int, int, string) {
	if inAddress(text, i, end) {
		return i, end, blindSlug(p.with)
	}
	start, with := i, p.with
	if !p.joined && strings.HasPrefix(with, "Outlet") {
		the, name := -1, i
		if len(p.words) > 1 && strings.EqualFold(p.words[0], "the") {
			the, name = i, skipNameSeparator(text, i+len("the"))
		} else {
			the = theBefore(text, from, i)
		}
		switch {
		case the >= 0 && keepsThe(text, end):
			start = name
		case the >= 0:
			start = the
		default:
			if art, an := articleBefore(text, from, i); art >= 0 {
				start, with = art, an+with
			}
		}
	}
	apostrophe, size := utf8.DecodeRuneInString(text[end:])
	switch s := runeBefore(text, end); {
	case !isApostrophe(apostrophe):
	case (s == 's' || s == 'S') && lineSpace(runeAt(text, end+size)) && !singleQuoteOpen(text, start):
		with += string(apostrophe) + "s"
		end += size
	case runeAt(text, end+size) == 'S' && !isWordRune(runeAt(text, end+size+1)):
		// "OSTREL HERALD'S editor" reads "Outlet A's editor".
		with += string(apostrophe) + "s"
		end += size + 1
	}
	return start, end, with
}

// singleQuoteOpen says whether a single quotation mark opened earlier in
// the line of text[i] is still open at i: "She called it 'a smear by
// Ostrel News' on Monday" ends a quotation, no possessive.
func singleQuoteOpen(text string, i int) bool {
	open := false
	// A quotation is looked for in the 200 bytes before the name, so
	// that a long line is not read again for every name in it.
	from := max(i-200, 0)
	for j := from + strings.LastIndexByte(text[from:i], '\n') + 1; j < i; {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == '‘' || isApostrophe(r) {
			before, after := isWordRune(runeBefore(text, j)), isWordRune(runeAt(text, j+size))
			switch {
			case !before && after:
				open = true
			case before && !after:
				open = false
			}
		}
		j += size
	}
	return open
}

// blindSlug is a blind name as one word in lower case, for an address or a
// handle: "outlet-a" for "Outlet A", as the blind article's id.
func blindSlug(with string) string {
	return strings.ToLower(strings.ReplaceAll(with, " ", "-"))
}

// inAddress says whether the name at text[i:end] is part of a web or
// e-mail address, or a handle or hashtag: the run of text around it
// without spaces holds "://" or starts with "www.", an "@" comes before
// the name in it (news@quilltonbugle.example, @Sun) or right after it
// (ostrel.herald@example.com), or the name has a "#" (#Sun) or a
// domain's dot next to it ("quilltonbugle.example", "QUILLTONBUGLE.COM",
// "news.quilltonbugle"), or a slash in a run with a dot or in lower case
// ("/quillton-bugle/", not "Dana Roe/Bugle"). A name written with a space
// is in no address ("Dana Roe/Quillton Bugle").
func inAddress(text string, i, end int) bool {
	name := text[i:end]
	if strings.ContainsFunc(name, unicode.IsSpace) {
		// "Dana Roe/Quillton Bugle": no address has a space.
		return false
	}
	edge := func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("<>()[]{}\"'“”‘’«»", r)
	}
	// The run is read up to 200 bytes either side: far enough for a
	// scheme or a mailbox, and no long run is read again for every name
	// in it.
	from := i
	for from > 0 && from > i-200 {
		r, size := utf8.DecodeLastRuneInString(text[:from])
		if edge(r) {
			break
		}
		from -= size
	}
	to := end
	for to < len(text) && to < end+200 {
		r, size := utf8.DecodeRuneInString(text[to:])
		if edge(r) {
			break
		}
		to += size
	}
	run := text[from:to]
	if strings.Contains(run, "://") || len(run) > 4 && strings.EqualFold(run[:4], "www.") || strings.Contains(text[from:i], "@") {
		return true
	}
	before, after := runeBefore(text, i), runeAt(text, end)
	// A slash makes a path of a run with a dot in it, or of a name in
	// lower case ("/quillton-bugle/"); "Dana Roe/Bugle" is a byline.
	slash := (before == '/' || after == '/') && (strings.Contains(strings.TrimRight(run, ".,;:!?"), ".") || !strings.ContainsFunc(name, unicode.IsUpper))
	return slash || before == '#' || before == '@' || after == '@' ||
		after == '.' && domainAfter(text, name, end) ||
		before == '.' && isWordRune(runeBefore(text, i-1))
}

// domainAfter says whether a dot at text[end] and what follows it make
// name, a word just before, a label of a host name: a small letter
// follows ("bugle.example"), or, after a name in capitals, a label of two
// or more capitals ends the run or goes on with a dot or a slash
// ("QUILLTONBUGLE.COM", "BUGLE.CO.UK").
func domainAfter(text, name string, end int) bool {
	if runeAt(text, end) != '.' {
		return false
	}
	if unicode.IsLower(runeAt(text, end+1)) {
		return true
	}
	if strings.ContainsFunc(name, unicode.IsLower) {
		return false
	}
	j := end + 1
	for j < len(text) && 'A' <= text[j] && text[j] <= 'Z' {
		j++
	}
	if j-(end+1) < 2 {
		return false
	}
	r := runeAt(text, j)
	return j == len(text) || r == '.' || r == '/' || !isWordRune(r) && !isApostrophe(r)
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

// theBefore finds the article "the" (in any case, a word of its own, then
// one space) right before text[i], no earlier than from, and returns
// where it starts, or -1.
func theBefore(text string, from, i int) int {
	the := i - len("the ")
	if the < from || text[i-1] != ' ' || !strings.EqualFold(text[the:i-1], "the") || isWordRune(runeBefore(text, the)) {
		return -1
	}
	return the
}

// newsroomNouns are the nouns a newspaper's name qualifies ("Bugle
// reporters", "the Star investigation"), in lower case.
var newsroomNouns = map[string]bool{
	"account": true, "analysis": true, "app": true, "archive": true, "archives": true,
	"article": true, "articles": true, "bureau": true, "cartoonist": true, "columnist": true,
	"columnists": true, "column": true, "correspondent": true, "correspondents": true,
	"coverage": true, "crew": true, "critic": true, "critics": true, "desk": true,
	"editor": true, "editorial": true, "editors": true, "exclusive": true, "feature": true,
	"feed": true, "footage": true,
	"front": true, "headline": true, "headlines": true, "headquarters": true, "homepage": true,
	"interview": true, "investigation": true, "journalist": true, "journalists": true,
	"newsletter": true, "newsroom": true, "office": true, "offices": true, "owner": true,
	"owners": true, "photo": true, "photographer": true, "photographers": true, "photos": true,
	"piece": true, "podcast": true, "poll": true, "publisher": true, "reader": true,
	"readers": true, "report": true, "reporter": true, "reporters": true, "scoop": true, "site": true,
	"spokesman": true, "spokesperson": true, "spokeswoman": true, "staff": true,
	"staffer": true, "staffers": true, "story": true, "subscribers": true, "survey": true,
	"team": true, "video": true, "website": true, "writer": true, "writers": true,
}

// newsroomNounAfter says whether a newsroom noun follows text[:i], after
// a possessive and spaces within the line: "Bugle reporters", "Star's
// editor".
func newsroomNounAfter(text string, i int) bool {
	for _, poss := range [...]string{"'s", "’s", "'", "’"} {
		if strings.HasPrefix(text[i:], poss) {
			i += len(poss)
			break
		}
	}
	j := i
	for j < len(text) && lineSpace(runeAt(text, j)) {
		j += utf8.RuneLen(runeAt(text, j))
	}
	if j == i {
		return false
	}
	end := j
	for end < len(text) && unicode.IsLetter(runeAt(text, end)) {
		end += utf8.RuneLen(runeAt(text, end))
	}
	return end > j && newsroomNouns[strings.ToLower(text[j:end])]
}

// keepsThe says whether "the" before a name at text[:end] stays: before
// a newsroom noun or a hyphenated word ("the Outlet A reporter", "the
// Outlet A-owned site").
func keepsThe(text string, end int) bool {
	if r := runeAt(text, end); isHyphen(r) {
		return isWordRune(runeAt(text, end+utf8.RuneLen(r)))
	}
	// "the Bugle's reporters" read "Outlet A's reporters".
	return !isApostrophe(runeAt(text, end)) && newsroomNounAfter(text, end)
}

// handle reports whether an outlet's @handle or #hashtag starts at
// text[i], and if so the span of its name, after the @ or #, and what
// replaces it. A handle is made of letters, digits, underscores and
// hyphens, and names the outlet when its letters and digits in lower case
// spell a key of handleKeys, alone or before one of handleSuffixes:
// "@ostrel_herald" for "Ostrel Herald", "@morgan_news" for "Morgan". The @
// of an e-mail address ("news@...") starts no handle.
func (m *nameMatcher) handle(sc *nameScan, text string, i int) (from, end int, with string, ok bool) {
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
	if !found {
		// "@morgan_news", "#BugleOnline": the name, then a word that says
		// it is the outlet's account.
		for _, suffix := range handleSuffixes {
			if base, ok := strings.CutSuffix(key.String(), suffix); ok {
				if k, found = m.handles[base]; found {
					break
				}
			}
		}
	}
	if found && (sign == '@' || !k.atOnly) {
		return i + 1, end, k.with, true
	}
	if with, ok := m.tagName(sc, text[i+1:end], key.String()); ok {
		return i + 1, end, with, true
	}
	return 0, 0, "", false
}

// tagName says whether a handle or hashtag, tag after its @ or #, holds an
// outlet's name together with other words ("#HeraldInvestigates",
// "#ostrelnews2026", "@AskTheBugle"), and returns what replaces the whole
// tag: the outlet's blind id, as for a handle that is the name alone.
// lower is the tag's letters and digits in lower case. A key of
// handleKeys is the name there
//
//   - anywhere, when the name has a word no dictionary holds
//     ("ostrelnews" in "#ostrelnewslive");
//   - otherwise only as whole words of the tag, each written with a
//     capital ("#BugleLive", "#TheBugleAt10", not "#bugled" or
//     "#heraldry"), unless the article writes a word of the name and
//     the tag's word next to it together ("#BugleBoy", "Bugle Boy
//     jeans"); and where the name is one ordinary word (the "Sun"
//     of "The Sun", "Beacon"), only where the text never writes that
//     word in lower case: "#SunnyDays" has no "Sun" word, and
//     "#BreakingNews" is no "News" in an article that writes "news".
//
// The words of a tag start at a capital after a small letter
// ("BugleLive"), at the last of a run of capitals before a small letter
// ("BBCNews"), where digits start or end ("Bugle2026"), and after an
// underscore or a hyphen.
func (m *nameMatcher) tagName(sc *nameScan, tag, lower string) (string, bool) {
	if len(lower) < 2 || len(m.tagKeys) == 0 {
		return "", false
	}
	// starts are the offsets in lower where the tag's words start, and
	// capital says whether each starts with a capital; segs are the words
	// as written, each the span of tag from its first rune to its last.
	var starts []int
	var capital []bool
	var segs []Span
	at := 0 // offset in lower
	prev := rune(0)
	for j, r := range tag {
		if !isWordRune(r) {
			prev = 0
			continue
		}
		next := runeAt(tag, j+utf8.RuneLen(r))
		digit, prevDigit := unicode.IsDigit(r), unicode.IsDigit(prev)
		switch {
		case prev == 0,
			digit != prevDigit,
			unicode.IsUpper(r) && unicode.IsLower(prev),
			unicode.IsUpper(r) && unicode.IsUpper(prev) && unicode.IsLower(next):
			starts = append(starts, at)
			capital = append(capital, unicode.IsUpper(r))
			segs = append(segs, Span{j, j})
		}
		segs[len(segs)-1].End = j + utf8.RuneLen(r)
		at += utf8.RuneLen(unicode.ToLower(r))
		prev = r
	}
	seg := func(k int) string { return tag[segs[k].Start:segs[k].End] }
	boundary := func(k int) bool { _, ok := slices.BinarySearch(starts, k); return ok || k == len(lower) }
	// A tag in capitals ("#BUGLELIVE") shows no words: a name there is
	// found as a name with a word no dictionary holds is, unless it is an
	// ordinary word ("#SUNSHINE").
	shouted := !strings.ContainsFunc(tag, unicode.IsLower)
	for _, key := range m.tagKeys {
		k := m.handles[key]
		if k.distinctive || shouted && k.plain == "" {
			for from := 0; from < len(lower); {
				at := strings.Index(lower[from:], key)
				if at < 0 {
					break
				}
				at += from
				end := at + len(key)
				// The letters run on in the words of the tag only as
				// a word of their own: "ostrelnewsdesk", not
				// "ostrel_heraldry".
				w, _ := slices.BinarySearch(starts, at+1)
				x, _ := slices.BinarySearch(starts, end)
				before, after := lower[starts[max(w-1, 0)]:at], lower[end:]
				if x < len(starts) {
					after = lower[end:starts[x]]
				}
				// "#BUGLEBOY" is no Bugle where "Bugle Boy" is written,
				// "@TessMorgan" no Morgan where "Tess Morgan" is.
				prev, next := before, after
				if prev == "" && w > 1 {
					prev = seg(w - 2)
				}
				if next == "" && x < len(segs) {
					next = seg(x)
				}
				together := prev != "" && sc.together(titleWord(prev), titleWord(key)) ||
					next != "" && sc.together(titleWord(key), titleWord(next))
				if (before == "" || tagWord(before)) && (after == "" || tagWord(after)) && !together {
					return k.with, true
				}
				from = at + 1
			}
			continue
		}
		for w, from := range starts {
			if !strings.HasPrefix(lower[from:], key) || !boundary(from+len(key)) {
				continue
			}
			whole, v := true, w
			for ; v < len(starts) && starts[v] < from+len(key); v++ {
				whole = whole && capital[v]
			}
			// Every word of a tag has a capital, as in a headline in
			// title case: the name is part of a longer one where the
			// article writes the two words together ("#BugleBoy" and
			// "Bugle Boy jeans").
			if !whole || k.plain != "" && sc.lowerWordUsed(k.plain) {
				continue
			}
			if w > 0 && sc.together(seg(w-1), seg(w)) || v < len(segs) && sc.together(seg(v-1), seg(v)) {
				continue
			}
			return k.with, true
		}
	}
	return "", false
}

// together says whether the text or its context writes the words a and b
// next to each other, with only spaces between, in a line in sentence
// case: then they are one longer name ("Bugle Boy jeans"), as attested
// finds, without reading every pair of words the texts hold.
func (sc *nameScan) together(a, b string) bool {
	key := a + " " + b
	used, ok := sc.lower[key]
	if ok {
		return used
	}
	for _, text := range []string{sc.text, sc.context} {
		lines := lineCase{text: text}
		used = used || wordIn(text, a, func(k int) bool {
			j := k + len(a)
			for j < len(text) && lineSpace(runeAt(text, j)) {
				j += utf8.RuneLen(runeAt(text, j))
			}
			if j == k+len(a) || !strings.HasPrefix(text[j:], b) {
				return false
			}
			return !isWordRune(runeAt(text, j+len(b))) && !lines.at(k)
		})
	}
	if sc.lower == nil {
		sc.lower = map[string]bool{}
	}
	sc.lower[key] = used
	return used
}

// titleWord is w with a capital, and, if it is in capitals, small
// letters after it: "Bugle" for "bugle" or "BUGLE".
func titleWord(w string) string {
	if !strings.ContainsFunc(w, unicode.IsLower) {
		w = strings.ToLower(w)
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// tagWord says whether w, letters of a tag run together with a name, is
// a word of its own: a dictionary word or digits.
func tagWord(w string) bool {
	return dictionaryWord(w) || !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) })
}

// lowerWordUsed says whether the text or its context writes w, a word in
// lower case, as a word of its own.
func (sc *nameScan) lowerWordUsed(w string) bool {
	used, ok := sc.lower[w]
	if !ok {
		// "beacon.example" is no use of the word.
		used = wordIn(sc.text, w, func(k int) bool { return !inAddress(sc.text, k, k+len(w)) }) ||
			wordIn(sc.context, w, func(k int) bool { return !inAddress(sc.context, k, k+len(w)) })
		if sc.lower == nil {
			sc.lower = map[string]bool{}
		}
		sc.lower[w] = used
	}
	return used
}

// match reports where the name p ends if it starts at sc.text[i:].
func (p namePattern) match(sc *nameScan, i int) (int, bool) {
	text := sc.text
	pos := i
	dotted := false
	for k, w := range p.words {
		if k > 0 && !p.joined {
			if next := skipNameSeparator(text, pos); next > pos || !p.fold || runeAt(text, pos) != '.' {
				pos = next
			} else {
				// "ostrel.herald@example.com": in an address only.
				pos++
				dotted = true
			}
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
	if dotted && !inAddress(text, i, pos) {
		return 0, false
	}
	if p.capital && !capitalized(found, p.words) {
		return 0, false
	}
	// An ordinary word after "a" is the outlet only as it qualifies a
	// newsroom noun: "a Guardian reporter", not "a Guardian ad litem" or
	// "a Star player".
	if p.plain && !newsroomNounAfter(text, pos) {
		if art, _ := articleBefore(text, 0, i); art >= 0 {
			return 0, false
		}
	}
	if p.single && p.besideName(sc, i, pos) {
		return 0, false
	}
	// In a hyphenated word, a one-word name written as an ordinary word is
	// no name ("Post-fire repairs" at the start of a sentence), nor is a
	// short form after a hyphen ("Star-Ledger") or before a capital or
	// with an ordinary noun ("Post-War", "the Post-war years"). A short
	// form with a noun seldom ordinary is the name before a word in lower
	// case: "a Bugle-owned drone".
	hyphenBefore := isHyphen(before) && isWordRune(runeBefore(text, i-utf8.RuneLen(before)))
	hyphenAfter := isHyphen(after) && isWordRune(runeAt(text, pos+utf8.RuneLen(after)))
	owned := hyphenAfter && ownerWordAfter(text, pos+utf8.RuneLen(after))
	switch {
	case owned && !hyphenBefore:
		// "Beacon-owned boats", "a Star-backed poll": a name.
	case p.short && (hyphenBefore || hyphenAfter && (p.ordinary || !unicode.IsLower(runeAt(text, pos+utf8.RuneLen(after))))):
		return 0, false
	case !p.short && len(p.words) == 1 && capitalizedWord(found) && (hyphenBefore || hyphenAfter):
		return 0, false
	case !p.short && hyphenAfter && sc.longerName(pos+utf8.RuneLen(after)):
		// "Orvale Post-Dispatch" is another paper than the Orvale Post.
		return 0, false
	}
	if p.shout && !shoutedName(text, i, pos) {
		return 0, false
	}
	if p.short && compoundAfter(text, p.words[len(p.words)-1], pos) {
		return 0, false
	}
	if p.head {
		word := p.words[len(p.words)-1]
		switch {
		case p.bare && !owned && !newsroomNounAfter(text, pos) && !bylineSlot(text, i, pos) && !(acronym(word) && shoutedName(text, i, pos)):
			return 0, false
		case !p.bare && modifierAfter(text, pos) && sc.bareWordUsed(word):
			// "the Orvale dam" where the article writes "in Orvale":
			// the word names a place of its own.
			return 0, false
		case p.ordinary && (sc.lines.at(i) || p.bare && sentenceStart(text, i)) && sc.lowerWordUsed(strings.ToLower(p.words[len(p.words)-1])):
			// Where a capital says nothing, a word the article writes in
			// lower case may be the word: "Beast Tamed at Last".
			return 0, false
		}
		return pos, true
	}
	if p.bare && p.ordinary && !newsroomNounAfter(text, pos) {
		switch {
		case acronym(p.words[0]):
			// "STAR" may be a shouted star.
			if !shoutedName(text, i, pos) {
				return 0, false
			}
		case sc.lines.at(i):
			if !sc.shortNameUsed(p.words[0]) {
				return 0, false
			}
		case sentenceStart(text, i):
			return 0, false
		}
	}
	if p.address && !hostLabel(text, i, pos) {
		return 0, false
	}
	return pos, true
}

// capitalized says whether found, a name of the words given matched in
// any case, is written with capitals as a name is: a capital in a name of
// one word (BBC, Bbc), and in a name of more a capital starting each word
// besides a leading "the" and a minor word such as "of" (Morning Star,
// MORNING STAR), so that "The sun rose" and "Morning star sightings" at
// the start of a sentence are no The Sun or Morning Star.
func capitalized(found string, words []string) bool {
	ws := nameWords(found)
	if len(ws) != len(words) {
		// Run together: "PressTV".
		return strings.ContainsFunc(found, unicode.IsUpper)
	}
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		ws = ws[1:]
	}
	if len(ws) == 1 {
		return strings.ContainsFunc(ws[0], unicode.IsUpper)
	}
	for _, w := range ws {
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) && !minorWords[strings.ToLower(w)] && isWordRune(first) {
			return false
		}
	}
	return true
}

// ordinaryName says whether w, a name of one word, reads as an ordinary
// word: a dictionary word in a capital and small letters that is no
// newspaper noun seldom anything else (Star, Guardian, Beacon; not Bugle).
func ordinaryName(w string) bool {
	return capitalizedWord(w) && dictionaryWord(w) && !rareNoun(w)
}

// bylineSlot says whether text[i:end] stands where a byline or a
// dateline names an outlet: in brackets ("(Gallop)"), after a name and a
// slash ("Dana Roe/Gallop"), or after the comma of a line that starts
// with "By" ("By Jo Vance, Gallop").
func bylineSlot(text string, i, end int) bool {
	before, after := runeBefore(text, i), runeAt(text, end)
	if before == '(' && after == ')' || before == '/' && unicode.IsLetter(runeBefore(text, i-1)) {
		return true
	}
	line := text[strings.LastIndexByte(text[:i], '\n')+1 : i]
	line = strings.TrimLeft(line, " \t*_")
	return strings.HasPrefix(line, "By ") && strings.HasSuffix(line, ", ") && (end == len(text) || !isWordRune(after) && !lineSpace(after))
}

// modifierAfter says whether a word in lower case follows text[:i], with
// only spaces between, that makes the name before it a modifier: no stop
// word, speech verb, newsroom noun, or word in -ed or -ly ("the Orvale
// dam", not "the Gallop said", "the Gallop first reported").
func modifierAfter(text string, i int) bool {
	j := i
	for j < len(text) && lineSpace(runeAt(text, j)) {
		j += utf8.RuneLen(runeAt(text, j))
	}
	end := j
	for end < len(text) && unicode.IsLower(runeAt(text, end)) {
		end += utf8.RuneLen(runeAt(text, end))
	}
	if j == i || end == j || isWordRune(runeAt(text, end)) {
		return false
	}
	w := text[j:end]
	return !isStop(w) && !isSpeechVerb(w) && !newsroomNouns[w] && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly")
}

// bareWordUsed says whether the text or its context writes w, a word
// with a capital, in a sentence on its own: not at the start of a
// sentence or in a line in title case, not after "the", and not before a
// newsroom noun or a capitalised word ("hit Orvale", not "the Orvale",
// "Orvale reporters" or "Orvale River").
func (sc *nameScan) bareWordUsed(w string) bool {
	key := "\x00" + w
	used, ok := sc.lower[key]
	if ok {
		return used
	}
	for _, text := range []string{sc.text, sc.context} {
		lines := lineCase{text: text}
		used = used || wordIn(text, w, func(k int) bool {
			end := k + len(w)
			if theBefore(text, 0, k) >= 0 || sentenceStart(text, k) || newsroomNounAfter(text, end) || lines.at(k) {
				return false
			}
			j := end
			for j < len(text) && lineSpace(runeAt(text, j)) {
				j += utf8.RuneLen(runeAt(text, j))
			}
			return j == end || !unicode.IsUpper(runeAt(text, j))
		})
	}
	if sc.lower == nil {
		sc.lower = map[string]bool{}
	}
	sc.lower[key] = used
	return used
}

// compoundNouns are the newsroom nouns that make with a newspaper noun
// before them, in lower case, an ordinary compound: "the Post office" is
// a post office, not the Post's.
var compoundNouns = map[string][]string{
	"mirror": {"site", "sites"},
	"post":   {"office", "offices"},
	"press":  {"office", "offices", "release", "releases"},
	"record": {"office", "offices"},
}

// compoundAfter says whether noun, a short form ending at text[:i], and
// the word in lower case after it with only spaces between make one of
// compoundNouns: "the Post office".
func compoundAfter(text, noun string, i int) bool {
	after, ok := compoundNouns[strings.ToLower(noun)]
	if !ok {
		return false
	}
	j := i
	for j < len(text) && lineSpace(runeAt(text, j)) {
		j += utf8.RuneLen(runeAt(text, j))
	}
	end := j
	for end < len(text) && unicode.IsLower(runeAt(text, end)) {
		end += utf8.RuneLen(runeAt(text, end))
	}
	return j > i && end > j && !isWordRune(runeAt(text, end)) && slices.Contains(after, text[j:end])
}

// ownerWords, after a name and a hyphen, make it the name of an owner or a
// backer: "Beacon-owned", "Star-funded".
var ownerWords = []string{"owned", "run", "backed", "funded", "sponsored", "commissioned", "affiliated"}

// ownerWordAfter says whether one of ownerWords starts text[i:] as a word
// of its own.
func ownerWordAfter(text string, i int) bool {
	for _, w := range ownerWords {
		if strings.HasPrefix(text[i:], w) && !isWordRune(runeAt(text, i+len(w))) {
			return true
		}
	}
	return false
}

// shoutedName says whether a word in capitals at text[i:end] stands where
// only a name is written in capitals: before a newsroom noun ("BEACON
// readers"), in a dateline ("(BEACON)", "BEACON - The ferry sank", at the
// start of a line) or in a copyright line ("© 2026 BEACON").
func shoutedName(text string, i, end int) bool {
	if newsroomNounAfter(text, end) || runeBefore(text, i) == '(' && runeAt(text, end) == ')' {
		return true
	}
	line := strings.TrimSpace(text[strings.LastIndexByte(text[:i], '\n')+1 : i])
	if strings.Contains(line, "©") || strings.HasPrefix(strings.ToLower(line), "copyright") {
		return true
	}
	if line != "" {
		return false
	}
	rest := strings.TrimLeftFunc(text[end:], lineSpace)
	r := runeAt(rest, 0)
	return len(rest) < len(text[end:]) && (isHyphen(r) || r == '–' || r == '—') || r == ':'
}

// hostLabel says whether text[i:end] is a label of a host name: a dot and
// another label follow (see domainAfter), and it starts a run of text without spaces
// or follows a dot, an "@" or "//" (morgan.example, news.morgan.example,
// desk@morgan.example, https://morgan.example).
func hostLabel(text string, i, end int) bool {
	if !domainAfter(text, text[i:end], end) {
		return false
	}
	before := runeBefore(text, i)
	return i == 0 || unicode.IsSpace(before) || strings.ContainsRune(".@(<\"'“‘", before) || strings.HasSuffix(text[:i], "//")
}

// shortNameUsed says whether the article writes the newspaper noun as its
// outlet's short name, "the Post", in a line in sentence case, and never
// in lower case as an ordinary word ("post", "a record 40 homes"): then
// the noun is the outlet's name in a headline in title case ("Flood Hits
// Orvale, Post Finds").
func (sc *nameScan) shortNameUsed(noun string) bool {
	used, ok := sc.nouns[noun]
	if ok {
		return used
	}
	lower := strings.ToLower(noun)
	for _, text := range []string{sc.text, sc.context} {
		if wordIn(text, lower, func(int) bool { return true }) {
			used = false
			break
		}
		lines := lineCase{text: text}
		used = used || wordIn(text, noun, func(k int) bool {
			return theBefore(text, 0, k) >= 0 && !lines.at(k)
		})
	}
	if sc.nouns == nil {
		sc.nouns = map[string]bool{}
	}
	sc.nouns[noun] = used
	return used
}

// wordIn says whether text holds w as a whole word at an offset k for
// which ok(k) holds.
func wordIn(text, w string, ok func(k int) bool) bool {
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], w)
		if k < 0 {
			return false
		}
		k += from
		end := k + len(w)
		if !isWordRune(runeBefore(text, k)) && !isWordRune(runeAt(text, end)) && ok(k) {
			return true
		}
		from = end
	}
	return false
}

// besideName says whether the name p found at sc.text[i:pos] is part of
// a longer proper noun: a capitalised word follows it with only spaces
// between ("the Post Office", "the Times Square crowd"), or, unless it
// starts with its "The", one comes directly before it ("Tess Morgan"); a
// short form also after a word in capitals ("BBC News") or before "of"
// and a capitalised word ("Voice of the People"). "The
// Post said" is the outlet, and so is "When Morgan said" or "told the
// Times Monday": a stop word, a weekday or a month is no part of a name.
//
// In a line in title case or in capitals every word has a capital, which
// then says nothing: there the name is part of a longer one only where
// the text writes the two words together in a line in sentence case too
// (see attested). "Bugle Tells Morgan Why" is the Bugle; "Tess Morgan
// Speaks" is Tess Morgan if the article names her elsewhere.
func (p namePattern) besideName(sc *nameScan, i, pos int) bool {
	text := sc.text
	title := -1 // unknown
	beside := func(a, b string) bool {
		if title < 0 {
			title = 0
			if sc.lines.at(i) {
				title = 1
			}
		}
		return title == 0 || sc.attested(a, b)
	}
	if len(p.words) == 1 || !strings.EqualFold(p.words[0], "the") {
		// Spaces and at most one line break: "Tess\nMorgan", wrapped.
		j, broke := i, false
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:j])
			if r == '\n' && !broke {
				broke = true
			} else if !lineSpace(r) && r != '\r' {
				break
			}
			j -= size
		}
		end := j
		dot := end > 0 && text[end-1] == '.'
		if dot {
			end--
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:start])
			if !isWordRune(r) && !isApostrophe(r) {
				break
			}
			start -= size
		}
		w := text[start:end]
		// A line in title case before a line break is a headline, not
		// more of a name.
		wrapped := !broke || !titleCaseLine(text[strings.LastIndexByte(text[:start], '\n')+1:start])
		switch {
		case j == i || !wrapped:
		case !dot && (nameWord(w) || p.short && acronym(w)) && beside(w, leadingWord(text[i:pos])):
			return true
		case len(p.words) == 1 && nameTitles[strings.ToLower(w)]:
			// "Ms Morgan", "Dr. Morgan": a person.
			return true
		case len(p.words) == 1 && dot && utf8.RuneCountInString(w) == 1 && unicode.IsUpper(runeAt(w, 0)) && runeBefore(text, start) == '.':
			// "J.P. Morgan": a person's initials.
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
	if j > pos && p.short && text[j:end] == "of" {
		// "Voice of the People", "Times of Orvale": a noun's "of" and a
		// capitalised word make a longer name.
		k := end
		for k < len(text) && lineSpace(runeAt(text, k)) {
			k += utf8.RuneLen(runeAt(text, k))
		}
		if k > end && strings.HasPrefix(text[k:], "the ") {
			k += len("the ")
		}
		n := k
		for n < len(text) && isWordRune(runeAt(text, n)) {
			n += utf8.RuneLen(runeAt(text, n))
		}
		return k > end && nameWord(text[k:n])
	}
	// After the name a capitalised stop word makes a longer name too, in
	// a line in sentence case: "The Sun Also Rises", a novel.
	next := text[j:end]
	return j > pos && (nameWord(next) || nameStopWord(next)) && beside(trailingWord(text[i:pos]), next)
}

// nameTitles, before a one-word name, make it a person's: "Ms
// Morgan", "Dr. Morgan".
var nameTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "mx": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "sen": true, "senator": true, "rep": true,
	"gov": true, "governor": true, "mayor": true, "judge": true, "rev": true, "father": true,
	"sister": true, "brother": true, "uncle": true, "aunt": true, "president": true, "minister": true,
}

// nameStopWord says whether w is a stop word written with a capital and
// small letters ("Also", not "I", "A" or "Monday"), which in a line in
// sentence case only a title or a name gives.
func nameStopWord(w string) bool {
	return capitalizedWord(w) && isStop(strings.ToLower(w)) && !slices.Contains(weekdays, w) && !slices.Contains(months, w)
}

// leadingWord is the letters and digits s starts with; trailingWord
// those it ends with.
func leadingWord(s string) string {
	if k := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) }); k >= 0 {
		return s[:k]
	}
	return s
}

func trailingWord(s string) string {
	return s[strings.LastIndexFunc(s, func(r rune) bool { return !isWordRune(r) })+1:]
}

// acronym says whether w is two or more capitals and nothing else.
func acronym(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsUpper(r) })
}

// attested says whether the pair of words a and b, one of them an
// outlet's name in a line in title case, are written together in a line
// in sentence case too, in the text or its context: then they are one
// longer name ("Tess Morgan").
func (sc *nameScan) attested(a, b string) bool {
	if sc.pairs == nil {
		sc.pairs = map[string]bool{}
		addCapitalPairs(sc.pairs, sc.text)
		addCapitalPairs(sc.pairs, sc.context)
	}
	return sc.pairs[capitalPair(a, b)]
}

// addCapitalPairs adds to pairs every two words of text, each starting
// with a capital, that stand next to each other with only spaces between
// in a line not in title case, by capitalPair.
func addCapitalPairs(pairs map[string]bool, text string) {
	lines := lineCase{text: text}
	prev := ""    // the last word, if it starts with a capital
	prevEnd := -1 // where it ends
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		end := i
		for end < len(text) {
			c, n := utf8.DecodeRuneInString(text[end:])
			if !isWordRune(c) && !isApostrophe(c) {
				break
			}
			end += n
		}
		w := text[i:end]
		if !unicode.IsUpper(r) {
			prev = ""
		} else {
			between := text[max(prevEnd, 0):i]
			if prev != "" && between != "" && !strings.ContainsFunc(between, func(c rune) bool { return !lineSpace(c) }) && !lines.at(i) {
				pairs[capitalPair(prev, w)] = true
			}
			prev = w
		}
		prevEnd, i = end, end
	}
}

// capitalPair is the key of two words next to each other, without the
// possessive the second may end with.
func capitalPair(a, b string) string {
	for _, poss := range [...]string{"'s", "’s", "'", "’"} {
		if c, ok := strings.CutSuffix(b, poss); ok {
			b = c
			break
		}
	}
	return a + " " + b
}

// lineCase tells whether the lines of a text are in title case (see
// titleCaseLine). It keeps the last line it read: asked about offsets in
// the order they come, it reads each line once.
type lineCase struct {
	text     string
	from, to int // the last line read, text[from:to]
	title    bool
}

// at says whether the line that holds text[i] is in title case.
func (lc *lineCase) at(i int) bool {
	if lc.from <= i && i < lc.to {
		return lc.title
	}
	lc.from = strings.LastIndexByte(lc.text[:i], '\n') + 1
	lc.to = len(lc.text)
	if k := strings.IndexByte(lc.text[i:], '\n'); k >= 0 {
		lc.to = i + k
	}
	lc.title = titleCaseLine(lc.text[lc.from:lc.to])
	return lc.title
}

// minorWords are the words a title in title case writes in lower case.
var minorWords = map[string]bool{
	"a": true, "amid": true, "an": true, "and": true, "as": true, "at": true, "but": true,
	"by": true, "for": true, "from": true, "in": true, "into": true, "nor": true, "of": true,
	"off": true, "on": true, "onto": true, "or": true, "out": true, "over": true, "per": true,
	"so": true, "than": true, "the": true, "to": true, "up": true, "upon": true, "via": true,
	"vs": true, "with": true, "yet": true,
}

// titleCaseLine says whether a line is in title case or in capitals:
// three words or more start with a capital, and every other word is one
// of minorWords. Such a line is most often a headline; a capital in it
// says nothing of a name.
func titleCaseLine(text string) bool {
	caps := 0
	for j := 0; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || !unicode.IsLetter(r) {
			j += size
			continue
		}
		end := j
		for end < len(text) && unicode.IsLetter(runeAt(text, end)) {
			end += utf8.RuneLen(runeAt(text, end))
		}
		switch w := text[j:end]; {
		case unicode.IsUpper(r):
			caps++
		case !minorWords[w]:
			return false
		}
		// The rest of the word, up to a space.
		for end < len(text) {
			c, n := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(c) {
				break
			}
			end += n
		}
		j = end
	}
	return caps >= 3
}

// sentenceStart says whether text[i] starts a sentence: it starts the
// text or a line, or follows the end of a sentence, a colon or a dash
// (a hyphen with a space before it), with only spaces and opening quotes
// or brackets between.
func sentenceStart(text string, i int) bool {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '\n' || r == '\r':
			return true
		case lineSpace(r) || strings.ContainsRune("\"'“‘«([*_", r):
			i -= size
		case isHyphen(r) && lineSpace(runeBefore(text, i-size)):
			// A dateline's "ORVALE (HARBOR RECORD) - Record rainfall".
			return true
		default:
			return strings.ContainsRune(".!?:—–|•…", r)
		}
	}
	return true
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
// spaces, hyphens, underscores and invisible format characters, and at
// most one line break, so a name never runs from one paragraph into the
// next.
func skipNameSeparator(text string, i int) int {
	breaks := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if breaks++; breaks > 1 {
				return i
			}
		case r == '\r' || r == '_' || isHyphen(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			// A format character, such as a zero-width space, is as
			// good as nothing: "Quillton\u200bBugle".
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

// spans returns the spans of the new text that hold what each of sps held
// in the old one (see span), or nil for nil.
func (m offsetMap) spans(sps []Span) []Span {
	if sps == nil {
		return nil
	}
	out := make([]Span, len(sps))
	for k, sp := range sps {
		out[k] = m.span(sp)
	}
	return out
}

// old maps offset i of the new text back to the old one. An offset inside
// what replaced a name goes to the start of the name, or to its end if
// end is set.
func (m offsetMap) old(i int, end bool) int {
	return m.translate(i, end, func(r replacement) (Span, Span) { return r.new, r.old })
}

// overlaps says whether a replaced name overlaps sp, a span of the old
// text.
func (m offsetMap) overlaps(sp Span) bool {
	k := sort.Search(len(m), func(k int) bool { return m[k].old.End > sp.Start })
	return k < len(m) && m[k].old.Start < sp.End
}

// offset maps offset i of the old text to the new one. An offset inside a
// replaced name goes to the start of what replaced it, or to its end if
// end is set.
func (m offsetMap) offset(i int, end bool) int {
	return m.translate(i, end, func(r replacement) (Span, Span) { return r.old, r.new })
}

// translate maps offset i from one side of the replacements to the other:
// sides gives a replacement's span on the side i is on, then on the other.
// An offset inside a replaced span goes to the start of the other side's,
// or to its end if end is set.
func (m offsetMap) translate(i int, end bool, sides func(replacement) (from, to Span)) int {
	// The first replacement whose span ends after i.
	k := sort.Search(len(m), func(k int) bool { from, _ := sides(m[k]); return from.End > i })
	if k < len(m) {
		if from, to := sides(m[k]); from.Start < i {
			if end {
				return to.End
			}
			return to.Start
		}
	}
	if k == 0 {
		return i
	}
	from, to := sides(m[k-1])
	return i + to.End - from.End
}
