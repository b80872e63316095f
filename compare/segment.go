package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment is one sentence found in a text: byte offsets [Start, End) into the text,
// trimmed of surrounding white space, and the zero-based paragraph it belongs to.
type Segment struct {
	Start, End int
	Paragraph  int
}

// Segments splits text into sentences. It is written for English news text
// pasted from pages and feeds.
//
// Lines and paragraphs come first: a line holding only white space ends a
// paragraph, and Paragraph counts the paragraphs that hold text, from zero. A
// single line break ends a sentence too (headlines, captions, datelines and
// list items sit on their own lines) but keeps the paragraph. A line ends at
// "\n"; a "\r" before it is white space, so "\r\n" text splits the same way.
//
// Inside a line a sentence ends after '.', '!', '?', "..." or '…', together
// with any closing quotes and brackets that follow, when white space and then a
// word that can start a sentence come next. The word before a period decides
// how sure that must be:
//   - titles and the like (Mr., Dr., Gen., Sen., vs., e.g., i.e.) never end a
//     sentence;
//   - No., Vol., p. and the like do not end one before a number;
//   - months (Jan., Sept.) do not end one before a number, and otherwise only
//     before a clear sentence start: a capitalised function word such as The,
//     It, He or In, an opening quote, or a credit label such as "Image:";
//   - company and address words (Inc., Co., Ltd., Jr., St.), a.m. and p.m.,
//     initials (J. R. R.) and dotted acronyms (U.S., D.C.) end one only before
//     a clear sentence start, so "U.S. President Obama" stays whole and "in
//     the U.S. The President" splits;
//   - any other word ends one before a capital letter, a digit or a
//     capitalised quote, so "in 1994. The next" splits while "3.5" or "2.0"
//     (no space) and "etc. and" (lower case) do not.
//
// After '!' or '?' inside a closing quote, a name and a speech verb continue
// the sentence ("Why?" Smith asked.). An ellipsis followed by a lower-case word
// does not end a sentence. A credit label ("Image:", "Photo:") starts a new
// sentence even without punctuation before it. One to three digits or a
// lower-case letter that start a sentence ("1. Apples") number a list item
// and do not end it.
//
// Segments are in text order, do not overlap, are never empty, and are trimmed
// of white space as defined by unicode.IsSpace; every other rune of the text
// lies inside one of them. The work is linear in the length of the text, and
// the only allocation is the returned slice. Segments returns nil when the text
// holds nothing but white space.
func Segments(text string) []Segment {
	s := segmenter{text: text}
	paragraph := 0
	started := false // a segment has been emitted
	blank := false   // a blank line came after the last emitted segment
	for lineStart := 0; lineStart < len(text); {
		lineEnd, next := len(text), len(text)
		if n := strings.IndexByte(text[lineStart:], '\n'); n >= 0 {
			lineEnd, next = lineStart+n, lineStart+n+1
		}
		lo := skipSpace(text, lineStart, lineEnd)
		if lo == lineEnd {
			blank = started
		} else {
			if blank {
				paragraph++
				blank = false
			}
			s.paragraph = paragraph
			s.line(lo, trimRightSpace(text, lo, lineEnd))
			started = true
		}
		lineStart = next
	}
	return s.out
}

type segmenter struct {
	text      string
	out       []Segment
	paragraph int

	// The current sentence starts at from; alnumAt caches how far it has been
	// searched for a letter or digit, so each byte is looked at once.
	from     int
	alnumAt  int
	hasAlnum bool
}

// trigger marks the bytes the line scanner stops at: sentence terminators,
// the lead byte of '…' (and of curly quotes, which it skips), and ':' for
// credit labels.
var trigger = [256]bool{'.': true, '!': true, '?': true, ':': true, 0xE2: true}

// line splits the trimmed, non-empty line text[lo:hi] into sentences.
func (s *segmenter) line(lo, hi int) {
	text := s.text
	s.start(lo)
	if end := datelineEnd(text, lo, hi); end > 0 {
		if k := skipSpace(text, end, hi); k > end && readNextWord(text, k, hi).kind == wordUpper {
			s.emit(lo, end)
			s.start(k)
		}
	}
	for i := s.from; i < hi; i++ {
		c := text[i]
		if !trigger[c] {
			continue
		}
		if c == ':' {
			s.label(i, hi)
			continue
		}
		if c == 0xE2 && !strings.HasPrefix(text[i:], "…") {
			continue
		}
		j, kind, quoted := scanTerminator(text, i, hi)
		if j >= hi {
			break // the line ends here anyway
		}
		if r, _ := decodeRuneAt(text, j); !unicode.IsSpace(r) {
			// "3.5", "U.S", "e.g.,", `."),`: not a boundary here.
			i = j - 1
			continue
		}
		k := skipSpace(text, j, hi) // k < hi: hi follows a non-space byte
		if s.alnumBefore(i) && s.ends(i, hi, k, kind, quoted) {
			s.emit(s.from, j)
			s.start(k)
		}
		i = k - 1
	}
	s.emit(s.from, hi)
}

// start begins a new sentence at byte from.
func (s *segmenter) start(from int) {
	s.from, s.alnumAt, s.hasAlnum = from, from, false
}

// emit appends text[lo:hi], trimmed, as a segment when anything is left.
func (s *segmenter) emit(lo, hi int) {
	lo = skipSpace(s.text, lo, hi)
	hi = trimRightSpace(s.text, lo, hi)
	if lo >= hi {
		return
	}
	if s.out == nil {
		// About one sentence per 100 bytes of news; start a little above that so
		// a typical article fills one allocation.
		s.out = make([]Segment, 0, len(s.text)/64+4)
	}
	s.out = append(s.out, Segment{Start: lo, End: hi, Paragraph: s.paragraph})
}

// alnumBefore reports whether the current sentence holds a letter or digit
// before byte end, so that a stray "..." or `"` never becomes a sentence.
func (s *segmenter) alnumBefore(end int) bool {
	for !s.hasAlnum && s.alnumAt < end {
		r, size := decodeRuneAt(s.text, s.alnumAt)
		s.alnumAt += size
		s.hasAlnum = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return s.hasAlnum
}

type terminatorKind uint8

const (
	termPeriod      terminatorKind = iota // a single '.'
	termEllipsis                          // "...", "[...]", '…'
	termExclamation                       // '!' or '?', with any dots
)

// scanTerminator reads the run of terminators, closing quotes and closing
// brackets that starts at text[i], and returns where it ends, its kind and
// whether it holds a closing quote.
func scanTerminator(text string, i, hi int) (end int, kind terminatorKind, quoted bool) {
	dots, bang, ellipsisRune := 0, false, false
	j := i
loop:
	for j < hi {
		switch c := text[j]; c {
		case '.':
			dots++
		case '!', '?':
			bang = true
		case '"', '\'':
			quoted = true
		case ')', ']', '}':
		default:
			if c < utf8.RuneSelf {
				break loop
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			switch {
			case r == '…':
				ellipsisRune = true
			case isQuoteRune(r):
				quoted = true
			default:
				break loop
			}
			j += size
			continue
		}
		j++
	}
	switch {
	case bang:
		kind = termExclamation
	case dots > 1 || ellipsisRune:
		kind = termEllipsis
	}
	return j, kind, quoted
}

// isQuoteRune reports whether r is a typographic quotation mark. Right after a
// terminator any of them closes a quote, whichever way it faces.
func isQuoteRune(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '«', '»', '‹', '›', '„':
		return true
	}
	return false
}

// ends decides whether the terminator at text[i] ends the sentence; the next
// word starts at k.
func (s *segmenter) ends(i, hi, k int, kind terminatorKind, quoted bool) bool {
	next := readNextWord(s.text, k, hi)
	switch kind {
	case termExclamation:
		// "Why?" Smith asked. / "Stop!" he shouted.
		return next.startsSentence() && !(quoted && attribution(s.text, next.at, hi))
	case termEllipsis:
		return next.startsSentence()
	}
	tokenStart, token := s.wordBefore(i)
	switch classify(token) {
	case abbrevNever:
		return false
	case abbrevNumber:
		return next.kind != wordDigit && next.startsSentence()
	case abbrevMonth:
		return next.kind != wordDigit && next.clearStart()
	case abbrevWeak:
		return next.clearStart()
	case abbrevTime:
		// "at 10 p.m. Police said" ends; "at 3 p.m. Monday" and
		// "7 a.m. GMT" do not.
		return next.kind == wordUpper && !timeFollowers[next.word] && !isZone(next.word)
	case listMarker:
		if tokenStart == s.from {
			return false // "1. Apples"
		}
	}
	return next.startsSentence()
}

// wordBefore returns the word that ends just before the period at text[i],
// without opening quotes or brackets, and where it starts. Words longer than
// maxAbbrev are returned empty: no abbreviation is that long.
func (s *segmenter) wordBefore(i int) (int, string) {
	const maxAbbrev = 24
	text := s.text
	start := i
	for start > s.from && i-start <= maxAbbrev {
		r, size := utf8.DecodeLastRuneInString(text[s.from:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	if i-start > maxAbbrev {
		return start, ""
	}
	for start < i {
		r, size := utf8.DecodeRuneInString(text[start:i])
		if r != '(' && r != '[' && r != '"' && r != '\'' && !isQuoteRune(r) {
			break
		}
		start += size
	}
	return start, text[start:i]
}

type abbrevClass uint8

const (
	ordinaryWord abbrevClass = iota
	abbrevNever              // Mr. Dr. vs. e.g.: never end a sentence
	abbrevNumber             // No. Vol. p.: do not end one before a number
	abbrevMonth              // Jan. Sept.: not before a number, else only before a clear start
	abbrevWeak               // Inc. Jr. U.S. J.: only before a clear start
	abbrevTime               // a.m. p.m.: before a capital unless a day, month or time zone follows
	listMarker               // "1" or "a" that may number a list item
)

// abbreviations maps the word before a period, without the period, to its class.
var abbreviations = map[string]abbrevClass{}

func init() {
	add := func(class abbrevClass, words string) {
		for _, w := range strings.Fields(words) {
			abbreviations[w] = class
		}
	}
	// Titles and ranks come before a name; these Latin and legal words come
	// before what they introduce.
	add(abbrevNever, `Mr Mrs Ms Mx Messrs Mme Mlle Dr Drs Prof Profs Rev Revd Fr Msgr Hon
		Gen Lt Col Maj Capt Cmdr Cmdt Adm Sgt Cpl Pvt Brig Ens Gov Sen Sens Rep Reps
		Pres Supt Insp Det Atty Amb Sec Mt Ft
		vs v cf viz e.g i.e a.k.a E.g I.e Cf`)
	add(abbrevNumber, `No Nos no nos Vol Vols vol vols p pp Fig Figs fig figs Art Nr Ch ch
		Ex Op ca approx est Est ext Tel tel`)
	add(abbrevMonth, `Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`)
	add(abbrevWeak, `Inc Corp Co Cos Ltd Plc plc Bros Mfg Intl Assn Dept Univ Jr Sr Esq
		St Ave Blvd Rd Hwy Ln Pl Sq Bldg Ste
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
		Miss Mo Mont Neb Nebr Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo al`)
	add(abbrevTime, `a.m p.m A.M P.M`)
}

// classify returns the class of the word before a period.
func classify(word string) abbrevClass {
	if word == "" {
		return ordinaryWord
	}
	if class, ok := abbreviations[word]; ok {
		return class
	}
	if isListMarker(word) {
		return listMarker
	}
	r, size := utf8.DecodeRuneInString(word)
	if size == len(word) && unicode.IsUpper(r) {
		return abbrevWeak // an initial: "J. R. R. Tolkien", "George W. Bush"
	}
	if isDottedAcronym(word) {
		return abbrevWeak
	}
	return ordinaryWord
}

// isListMarker reports whether word can number a list item: one to three
// digits or a single lower-case letter.
func isListMarker(word string) bool {
	if len(word) == 1 && word[0] >= 'a' && word[0] <= 'z' {
		return true
	}
	if len(word) > 3 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i] < '0' || word[i] > '9' {
			return false
		}
	}
	return true
}

// isDottedAcronym reports whether word is letters in groups of one or two
// joined by dots, such as "U.S", "D.C", "Ph.D" (the final dot is not in word).
// "www.example.co.nz" is not: it has longer groups.
func isDottedAcronym(word string) bool {
	group, dots := 0, 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c == '.':
			if group == 0 {
				return false
			}
			group = 0
			dots++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			group++
			if group > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && group > 0
}

type wordKind uint8

const (
	wordOther wordKind = iota
	wordUpper
	wordLower
	wordDigit
)

// nextWord describes the word after a possible sentence boundary.
type nextWord struct {
	kind  wordKind
	word  string // its leading letters, for the word lists
	at    int    // where the word starts, after opening quotes and brackets
	quote bool   // an opening quote comes before it
	camel bool   // lower case with a capital inside: "iPhone", "eBay"
	label bool   // a credit label such as "Image:"
}

// startsSentence reports whether the word may start a sentence after an
// ordinary word and a period.
func (w nextWord) startsSentence() bool {
	return w.kind == wordUpper || w.kind == wordDigit || w.camel
}

// clearStart reports whether the word is a clear sentence start, strong
// enough to end a sentence after an abbreviation that usually runs on.
func (w nextWord) clearStart() bool {
	if w.kind != wordUpper {
		return false
	}
	return w.quote || w.label || sentenceStarters[w.word]
}

// readNextWord reads the word that starts at text[k].
func readNextWord(text string, k, hi int) nextWord {
	var w nextWord
	p := k
openers:
	for p < hi {
		r, size := decodeRuneAt(text, p)
		switch {
		case r == '"' || r == '\'' || isQuoteRune(r):
			w.quote = true
		case r == '(' || r == '[' || r == '¿' || r == '¡':
		default:
			break openers
		}
		p += size
	}
	w.at = p
	if p >= hi {
		return w
	}
	r, size := decodeRuneAt(text, p)
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		w.kind = wordUpper
	case unicode.IsLower(r):
		w.kind = wordLower
	case unicode.IsDigit(r):
		w.kind = wordDigit
	case r == '$' || r == '£' || r == '€' || r == '¥':
		if p+size < hi && text[p+size] >= '0' && text[p+size] <= '9' {
			w.kind = wordDigit
		}
		return w
	default:
		return w
	}
	end := p + size
	for end < hi && end-p < 32 {
		r, size := decodeRuneAt(text, end)
		if !unicode.IsLetter(r) {
			break
		}
		if w.kind == wordLower && unicode.IsUpper(r) {
			w.camel = true
		}
		end += size
	}
	w.word = text[p:end]
	if w.kind == wordUpper && end < hi && text[end] == ':' {
		w.label = creditLabels[w.word]
	}
	return w
}

// sentenceStarters are capitalised function words that start sentences and
// rarely follow an abbreviation inside one.
var sentenceStarters = newWordSet(`The A An This That These Those It Its He She They We I You
	His Her Their Our My Your There Here In On At But And Or So If When While After Before
	As Since Although Though However Meanwhile Also Then Yet For With By From To Of Under
	Over During Despite Because Instead Still Now Thus Such Other Another Some Many Most
	Several Few More Both Each Every All Any No None Not Nor Only Even Just What Who Whom
	Whose Why How Where Which Last Next Earlier Later Today Tomorrow Yesterday Until Once
	Among Between Unlike Like Already`)

// timeFollowers are capitalised words that continue a time of day.
var timeFollowers = newWordSet(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday
	January February March April May June July August September October November December
	Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Eastern Central Pacific Mountain Local`)

// isZone reports whether a word is a time zone such as GMT, EST or UTC: two
// to four capital letters.
func isZone(word string) bool {
	if len(word) < 2 || len(word) > 4 {
		return false
	}
	for _, r := range word {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// creditLabels are the words that, followed by a colon, open a credit line
// in a caption ("Image: Reuters.").
var creditLabels = newWordSet(`Image Images Photo Photos Photograph Picture Credit Video`)

// labelDeterminers are words that, before a credit label word, make it part
// of a name or title instead.
var labelDeterminers = newWordSet(`a an the this that his her its their our my your new see The A An This That`)

// speechVerbs follow a speaker's name after a quote that ends with '!' or '?'.
var speechVerbs = newWordSet(`said says asked asks added adds told tells replied replies wrote
	writes shouted shouts yelled yells cried cries exclaimed explained continued insisted
	noted declared warned answered responded tweeted posted stated claimed argued recalled
	demanded wondered joked laughed screamed chanted sang whispered`)

func newWordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// attribution reports whether the text at p is a speaker and a speech verb,
// as in `"Why?" Smith asked` or `"Stop!" Mr. Jones shouted`: up to four
// capitalised words, then a verb from speechVerbs.
func attribution(text string, p, hi int) bool {
	for n := 0; n < 5 && p < hi; n++ {
		end := p
		for end < hi && end-p < 32 {
			r, size := decodeRuneAt(text, end)
			if unicode.IsSpace(r) {
				break
			}
			end += size
		}
		r, _ := decodeRuneAt(text, p)
		if !unicode.IsUpper(r) {
			word := strings.TrimRightFunc(text[p:end], func(r rune) bool { return !unicode.IsLetter(r) })
			return speechVerbs[word]
		}
		p = skipSpace(text, end, hi)
	}
	return false
}

// label ends the sentence before a credit label whose colon is at text[i], as
// in "A crowd at the gate Image: Reuters.": page captions run into their
// credit lines once the page is pasted as text.
func (s *segmenter) label(i, hi int) {
	text := s.text
	if i+1 < hi {
		if r, _ := decodeRuneAt(text, i+1); !unicode.IsSpace(r) {
			return
		}
	}
	start := i
	for start > s.from && i-start < 12 {
		c := text[start-1]
		if c < 'A' || c > 'z' || c > 'Z' && c < 'a' {
			break
		}
		start--
	}
	if start == s.from || !creditLabels[text[start:i]] {
		return
	}
	if r, _ := utf8.DecodeLastRuneInString(text[s.from:start]); !unicode.IsSpace(r) {
		return
	}
	if labelDeterminers[lastWord(text, s.from, start)] {
		return // "the Image: ..." names something; it is no credit line
	}
	if !s.alnumBefore(start) {
		return
	}
	s.emit(s.from, start)
	s.start(start)
}

// lastWord returns the word that ends text[lo:hi] before its trailing white
// space, up to 16 bytes of it.
func lastWord(text string, lo, hi int) string {
	hi = trimRightSpace(text, lo, hi)
	start := hi
	for start > lo && hi-start < 16 && text[start-1] != ' ' && text[start-1] != '\t' {
		start--
	}
	return text[start:hi]
}

var (
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// datelineEnd returns the end of a full date that opens the line text[lo:hi],
// "Thursday, May 7, 2015", or 0. A page's dateline can run into its first
// sentence when pasted; the date then ends a sentence of its own.
func datelineEnd(text string, lo, hi int) int {
	line := text[lo:hi]
	rest, ok := cutAnyPrefix(line, weekdays)
	if !ok {
		return 0
	}
	if rest, ok = strings.CutPrefix(rest, ", "); !ok {
		return 0
	}
	if rest, ok = cutAnyPrefix(rest, months); !ok {
		return 0
	}
	if rest, ok = strings.CutPrefix(rest, " "); !ok {
		return 0
	}
	day := countDigits(rest)
	if day < 1 || day > 2 {
		return 0
	}
	if rest, ok = strings.CutPrefix(rest[day:], ", "); !ok {
		return 0
	}
	if countDigits(rest) != 4 {
		return 0
	}
	return hi - len(rest) + 4
}

// cutAnyPrefix cuts the first of words that s starts with.
func cutAnyPrefix(s string, words []string) (string, bool) {
	for _, w := range words {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest, true
		}
	}
	return s, false
}

// countDigits counts the ASCII digits that start s.
func countDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// decodeRuneAt decodes the rune at text[i], fast for ASCII.
func decodeRuneAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// skipSpace returns the index of the first non-space rune in text[lo:hi], or hi.
func skipSpace(text string, lo, hi int) int {
	for lo < hi {
		c := text[lo]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				lo++
				continue
			}
			return lo
		}
		r, size := utf8.DecodeRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			return lo
		}
		lo += size
	}
	return hi
}

// trimRightSpace returns the end of text[lo:hi] without trailing white space.
func trimRightSpace(text string, lo, hi int) int {
	for hi > lo {
		c := text[hi-1]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				hi--
				continue
			}
			return hi
		}
		r, size := utf8.DecodeLastRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			return hi
		}
		hi -= size
	}
	return lo
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
