package compare

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/lexicon"
)

// wtok is a word or punctuation mark of a sentence, with its byte range in
// the article text.
type wtok struct {
	text       string
	start, end int
	punct      bool
}

// titleAbbrevs are abbreviations that keep their period inside a name.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "lt": true, "gen": true, "col": true, "maj": true,
	"capt": true, "sgt": true, "adm": true, "rep": true, "sen": true, "gov": true, "prof": true,
	"rev": true, "jr": true, "sr": true, "st": true, "cpl": true, "pvt": true, "supt": true,
	"insp": true, "det": true, "hon": true, "cmdr": true, "brig": true,
}

// wordTokens splits text[start:end] into words and punctuation marks.
// Words keep inner apostrophes, hyphens and dots (U.S.), and the period of a
// title abbreviation or an initial (Lt., J.).
func wordTokens(text string, start, end int) []wtok {
	return appendWordTokens(make([]wtok, 0, max(0, end-start)/5+1), text, start, end) // end may come before start: no tokens
}

// appendWordTokens appends the tokens of wordTokens to out.
func appendWordTokens(out []wtok, text string, start, end int) []wtok {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(text[j:end])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += s2
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' {
					n, _ := utf8.DecodeRuneInString(text[j+s2 : end])
					if j+s2 < end && (unicode.IsLetter(n) || unicode.IsDigit(n)) {
						j += s2
						continue
					}
				}
				break
			}
			w := text[i:j]
			if j < end && text[j] == '.' {
				l := strings.ToLower(w)
				if titleAbbrevs[l] || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)) || strings.Contains(w, ".") {
					j++
					w = text[i:j]
				}
			}
			out = append(out, wtok{text: w, start: i, end: j})
			i = j
		case unicode.IsSpace(r):
			i += size
		default:
			out = append(out, wtok{text: text[i : i+size], start: i, end: i + size, punct: true})
			i += size
		}
	}
	return out
}

// quoteVerbs report speech; the forms are listed, not stemmed, so that
// nouns (a claim, the call) do not count.
var quoteVerbs = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`said says say saying added adds adding told tells telling stated states
		insisted insists warned warns claimed claims argued argues explained explains wrote writes asked asks
		noted notes declared declares announced announces continued replied replies responded acknowledged
		admitted admits conceded concedes recalled recalls urged urges described describes called calls
		promised promises vowed vows pledged pledges maintained maintains suggested suggests stressed stresses
		emphasized emphasised observed remarked commented confirmed confirms denied denies predicted predicts
		cautioned cautions complained complains countered contended asserted asserts alleged alleges agreed
		shouted chanted tweeted posted quipped joked recounted testified thundered fumed blasted slammed
		branded brands termed labelled labeled dismissed dismisses hailed praised criticized criticised
		condemned accused accuses demanded demands threatened threatens reiterated reiterates mused
		acknowledges estimated estimates believes believed conceded told reported reports apologised
		apologized apologises apologizes raged rages fumed insisting adding warning arguing claiming
		stressing noting explaining telling asking promising vowing pledging conceding admitting
		blamed blames hit hits lashed lashes boasted boasts bragged pleaded pleads begged appealed appeals
		answered answers wondered cried yelled screamed whispered murmured muttered grumbled`) {
		quoteVerbs[v] = true
	}
}

func isSpeechVerb(lower string) bool { return quoteVerbs[lower] }

// verbAt says whether a token is a speech verb as written: in lower case,
// so that "United States" holds none.
func verbAt(t wtok) bool {
	return !t.punct && !isCapitalized(t) && quoteVerbs[t.text]
}

// bareHit says whether toks[i] is "hit" or "lashed" without the "out" or
// "back" that makes it speech ("hit out at", "lashed out", "hit back"): in
// "the moment the ferry hit the sandbar" it is no speech verb.
func bareHit(toks []wtok, i int) bool {
	switch toks[i].text {
	case "hit", "hits", "lashed", "lashes":
		if i+1 < len(toks) {
			next := strings.ToLower(toks[i+1].text)
			return next != "out" && next != "back"
		}
		return true
	}
	return false
}

// reportingVerbs introduce reported speech ("X said that ...").
var reportingVerbs = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`said says told tells added adds stated states warned warns claimed claims
		insisted insists argued argues explained explains noted notes announced announces declared declares
		acknowledged acknowledges admitted admits denied denies confirmed confirms predicted predicts stressed
		stresses suggested suggests urged urges maintained maintains wrote writes reiterated reiterates
		cautioned cautions complained complains contended asserted asserts alleged alleges say warn insist argue`) {
		reportingVerbs[v] = true
	}
}

// bareForm says whether toks[i], a reporting verb, is the plain form
// ("say", "warn") after "to", "not" or a helping verb ("declined to say",
// "would not say", "did warn"), where it reports nothing said: only a
// plural subject's present tense does ("Residents say ...").
func bareForm(toks []wtok, i int) bool {
	switch toks[i].text {
	case "say", "warn", "insist", "argue":
	default:
		return false
	}
	if i == 0 {
		return true
	}
	switch strings.ToLower(toks[i-1].text) {
	case "to", "not", "never", "n't", "would", "could", "will", "may", "might", "can", "cannot", "should",
		"must", "shall", "did", "do", "does", "didn't", "don't", "doesn't", "won't", "wouldn't", "couldn't", "let":
		return true
	}
	return false
}

// speechNouns are what a speaker's words are called: "Serdyukov's
// statement, in which he said".
var speechNouns = map[string]bool{
	"statement": true, "statements": true, "remarks": true, "comments": true, "letter": true,
	"speech": true, "interview": true, "post": true, "message": true, "address": true, "testimony": true,
	"announcement": true, "report": true, "note": true, "email": true, "op-ed": true, "column": true,
	"briefing": true, "declaration": true, "warning": true, "tweet": true, "memo": true, "reply": true,
	"response": true, "video": true, "essay": true, "article": true, "claim": true,
	"document": true, "study": true, "survey": true, "filing": true, "ruling": true, "notice": true,
}

// titleWords stand before a name without being part of it.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`secretary general secretary-general deputy minister mayor president prime
		chancellor chief premier governor senator representative ambassador commissioner spokesman spokeswoman
		spokesperson director chairman chairwoman chair ceo head leader king queen prince princess pope
		sheikh judge justice attorney inspector superintendent commander captain colonel major lieutenant
		sergeant admiral officer professor doctor mr. mrs. ms. dr. lt. gen. col. maj. capt. sgt. adm.
		rep. sen. gov. prof. rev. supt. insp. det. cmdr. brig. cpl. pvt. mr mrs ms dr lt gen col maj
		defense defence foreign interior finance justice health education transport trade economy energy
		labour labor home state vice acting former interim assistant associate executive managing
		staff of the and armed forces army navy air police fire council city port union party
		coach manager founder owner editor analyst economist professor minister's
		lord lady sir dame baroness baron detective constable inspector-general
		councillor councilor alderman mp mep general-secretary`) {
		titleWords[w] = true
	}
}

// notNameWords are capitalized words that are not people's names: days,
// months, places and the words that make organisations.
var notNameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january february
		march april may june july august september october november december
		ministry department agency council union party authority office bank committee commission court
		parliament government alliance association federation institute university news times post wire
		ledger courier herald gazette voice tribune journal daily press tv radio company corporation inc ltd
		group forces army navy police service services board school hospital church station airport port
		states kingdom sea region republic island islands ocean river street square bay city county province
		state republic federation district coast mountains valley lake north south east west central
		europe asia africa america the a an and of for in on at to by with from but however
		missile missiles system systems conference plan act bill treaty accord agreement summit war crisis
		project program programme operation defense defence security peace talks deal strike`) {
		notNameWords[w] = true
	}
}

// orgWords make a capitalized run the name of a body rather than a person.
var orgWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ministry department agency council union party authority office bank
		committee commission court parliament government alliance association federation institute
		university company corporation group forces army navy police service board school hospital
		church airport port nato un eu kremlin pentagon white house staff secretariat cabinet senate
		congress assembly tribunal federation league club team operator railway railways network
		front relief movement coalition fund foundation trust initiative watch international organization
		organisation society brigade brigades militia guard guards command mission center centre cross crescent
		aid rights unit corps battalion industries holdings partners media press bureau directorate
		inspectorate regiment division fleet command secretariat observatory institute academy labs
		laboratory works mills lines airlines shipping logistics exchange market markets council's`) {
		orgWords[w] = true
	}
}

// sentenceStarters are capitalized at a sentence's start without being part
// of a name.
func isSentenceStarter(lower string) bool {
	return isStop(lower) || lower == "however" || lower == "meanwhile" || lower == "speaking" ||
		lower == "according" || lower == "earlier" || lower == "later" || lower == "yet" || lower == "still"
}

// person is someone quoted or named in the event.
type person struct {
	name    string          // canonical: the fullest name the event gives
	context map[string]bool // lower-case title and appositive words
	gender  byte            // 'm', 'f' or 0 when unknown
	org     bool            // a body rather than a person
}

// personIndex holds the event's people and bodies, so that "Rasmussen",
// "NATO Secretary General Anders Fogh Rasmussen" and "the NATO chief" are
// one speaker across articles.
type personIndex struct {
	bySurname map[string]*person // lower-case last name
	byName    map[string]*person // lower-case canonical name
	orgs      []string           // names of bodies, longest first
	// speakingBodies count the names that are not people's and stand
	// right before a speech verb, or own a spokesperson ("Norrail said",
	// "Norrail's spokeswoman").
	speakingBodies   map[string]int
	mostSpeakingBody string // see mostSpeaking
	// orgsByWord maps each lower-case word of the bodies' names to the
	// names holding it, and orgsByLast to those ending in it, as indexes
	// into orgs in its order.
	orgsByWord, orgsByLast map[string][]int
	// words holds each article's sentences split into tokens and
	// capitalized runs, found once: the speaker rules read each sentence
	// many times over.
	words map[*Article]*sentenceWords
}

// sentenceWords are one article's sentences as tokens and capitalized
// runs, by sentence index.
type sentenceWords struct {
	toks [][]wtok
	runs [][]nameRun
}

func newSentenceWords(a *Article) *sentenceWords {
	sw := &sentenceWords{toks: make([][]wtok, len(a.Sentences)), runs: make([][]nameRun, len(a.Sentences))}
	for i, s := range a.Sentences {
		sw.toks[i] = wordTokens(a.Text, s.Start, s.End)
		sw.runs[i] = capitalRuns(sw.toks[i])
	}
	return sw
}

// sentenceSpan returns the index of a's sentence spanning exactly start..end,
// or -1.
func sentenceSpan(a *Article, start, end int) int {
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].Start >= start })
	if i < len(a.Sentences) && a.Sentences[i].Start == start && a.Sentences[i].End == end {
		return i
	}
	return -1
}

// tokens returns wordTokens(a.Text, start, end), from the sentences'
// tokens when the range is a sentence. The result must not be changed.
func (px *personIndex) tokens(a *Article, start, end int) []wtok {
	if sw := px.words[a]; sw != nil {
		if i := sentenceSpan(a, start, end); i >= 0 {
			return sw.toks[i]
		}
	}
	return wordTokens(a.Text, start, end)
}

// runs returns capitalRuns of the same tokens. The result must not be
// changed.
func (px *personIndex) runs(a *Article, start, end int) []nameRun {
	if sw := px.words[a]; sw != nil {
		if i := sentenceSpan(a, start, end); i >= 0 {
			return sw.runs[i]
		}
	}
	return capitalRuns(wordTokens(a.Text, start, end))
}

// mention is a capitalized run naming a person or a body in an article.
type mention struct {
	start, end int
	who        *person
	possessive bool
	title      []string // the title words before the name, lower case
}

// nameRun is a run of capitalized words with the title words before it
// split off.
type nameRun struct {
	start, end int
	words      []string
	title      []string
	possessive bool
	org        bool
	atStart    bool // the run opens its sentence (or a quotation)
}

// capitalRuns finds the runs of capitalized words in a sentence's tokens.
func capitalRuns(toks []wtok) []nameRun {
	var out []nameRun
	for i := 0; i < len(toks); {
		// A surname may open with its particles in lower case: "de la
		// Cruz said", "van der Berg".
		if !isCapitalized(toks[i]) && (toks[i].text == "al" || !particlesBeforeName(toks, i) ||
			(i > 0 && isCapitalized(toks[i-1]))) {
			i++
			continue
		}
		j := i
		for j < len(toks) && (isCapitalized(toks[j]) || particlesBeforeName(toks, j) ||
			(j > i && j+1 < len(toks) && isCapitalized(toks[j+1]) &&
				((toks[j].text == "of" && orgWords[strings.ToLower(toks[j-1].text)]) || innerPossessive(toks, j)))) {
			j++
			if w := toks[j-1].text; strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
				break
			}
		}
		run := nameRun{start: toks[i].start, end: toks[j-1].end,
			atStart: i == 0 || (toks[i-1].punct && strings.ContainsAny(toks[i-1].text, "\"“‘'«("))}
		for k, t := range toks[i:j] {
			if t.punct && k > 0 {
				// The apostrophe of "Workers' Federation" ends its word.
				run.words[len(run.words)-1] = toks[i+k-1].text + t.text
				continue
			}
			run.words = append(run.words, t.text)
		}
		last := run.words[len(run.words)-1]
		for _, s := range []string{"'s", "’s"} {
			if strings.HasSuffix(last, s) {
				run.words[len(run.words)-1] = strings.TrimSuffix(last, s)
				run.end -= len(s)
				run.possessive = true
			}
		}
		// A body's name ends in a word like Ministry or Front; "NATO
		// Secretary General Anders Fogh Rasmussen" is a person with titles.
		lastWord := strings.ToLower(run.words[len(run.words)-1])
		run.org = orgWords[lastWord] || (len(run.words) == 1 && isInitialism(run.words[0]))
		for k := 1; k < len(run.words); k++ {
			if run.words[k] == "of" && orgWords[strings.ToLower(run.words[k-1])] {
				run.org = true // Ministry of Infrastructure
			}
		}
		// Leading sentence starters and, before a person's name, title
		// words are not the name.
		k := 0
		for k < len(run.words)-1 {
			l := strings.ToLower(run.words[k])
			if k == 0 && (isSentenceStarter(l) || lowerHyphenated(run.words[k])) {
				k++
				continue
			}
			if !run.org && (titleWords[l] || titleWords[strings.TrimSuffix(l, ".")] || isInitialism(run.words[k]) || isNationality(l)) {
				run.title = append(run.title, l)
				k++
				continue
			}
			break
		}
		// A title may hold other words: "Infrastructure Minister Oskar
		// Meland". Everything up to the last title word is title.
		if !run.org {
			for m := len(run.words) - 2; m >= k; m-- {
				if l := strings.ToLower(run.words[m]); titleWords[l] && !isNameParticle(run.words[m]) && l != "of" && l != "the" && l != "and" {
					for _, w := range run.words[k : m+1] {
						run.title = append(run.title, strings.ToLower(w))
					}
					k = m + 1
					break
				}
			}
		}
		if k > 0 {
			// The k-th word's token, past the apostrophes merged into
			// words before it.
			t := i
			for w := 0; w < k; w++ {
				if t++; toks[t].punct {
					t++
				}
			}
			run.start = toks[t].start
			run.words = run.words[k:]
		}
		out = append(out, run)
		i = j
	}
	return out
}

// lowerHyphenated says whether a capitalized word goes on in lower case
// after a hyphen ("Mum-of-two"): a description, not a name.
func lowerHyphenated(w string) bool {
	_, rest, ok := strings.Cut(w, "-")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r)
}

func isCapitalized(t wtok) bool {
	if t.punct {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// innerPossessive says whether toks[j] is the apostrophe of a plural
// possessive inside a name: "Railway Workers' Federation".
func innerPossessive(toks []wtok, j int) bool {
	return (toks[j].text == "'" || toks[j].text == "’") && isCapitalized(toks[j-1]) &&
		strings.HasSuffix(toks[j-1].text, "s") && toks[j-1].end == toks[j].start
}

// particlesBeforeName says whether toks[i] begins a run of one to three
// name particles followed by a capitalized word: "de la" in "Ana de la
// Cruz", "van der" in "Tomas van der Berg".
func particlesBeforeName(toks []wtok, i int) bool {
	k := i
	for k < len(toks) && k < i+3 && isNameParticle(toks[k].text) {
		k++
	}
	return k > i && k < len(toks) && isCapitalized(toks[k])
}

// isNameParticle says whether a word is one of the small words inside a
// person's name ("van", "de", "bin"), which keep a name going.
func isNameParticle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "la", "le", "ibn", "del", "della", "dos", "das":
		return true
	}
	return false
}

func isInitialism(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// isNationality guesses adjectives of nationality (Russian, German,
// Chinese, British) so that they are not taken for first names.
func isNationality(lower string) bool {
	for _, suf := range []string{"ian", "ean", "ese", "ish", "can", "ern"} {
		if strings.HasSuffix(lower, suf) && len(lower) > 4 {
			return true
		}
	}
	switch lower {
	case "german", "french", "dutch", "greek", "thai", "swiss", "us", "u.s.", "uk", "u.k.", "eu", "un":
		return true
	}
	return false
}

// isPersonName says whether a run's words look like a person's name. A
// run opening its sentence may start with a word capitalized only for that
// (Calling Russia's threat ..., Politically ...), but not a common first
// name (Anatoly Serdyukov).
func isPersonName(words []string, atStart bool) bool {
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	if first := strings.ToLower(words[0]); atStart && (strings.HasSuffix(first, "ing") ||
		strings.HasSuffix(first, "ly") && firstNames[first] == 0 || strings.HasSuffix(first, "ed")) {
		return false
	}
	for _, w := range words {
		l := strings.ToLower(w)
		if notNameWords[l] || orgWords[l] || isInitialism(w) || titleWords[l] {
			return false
		}
	}
	return true
}

// newPersonIndex gathers the people and bodies named in the articles.
func newPersonIndex(articles []Article) *personIndex {
	px := &personIndex{bySurname: map[string]*person{}, byName: map[string]*person{}, speakingBodies: map[string]int{},
		words: make(map[*Article]*sentenceWords, len(articles))}
	words := make([]*sentenceWords, len(articles))
	each(len(articles), func(i int) { words[i] = newSentenceWords(&articles[i]) })
	for i := range articles {
		px.words[&articles[i]] = words[i]
	}
	type candidate struct {
		words []string
		title []string
		count int
	}
	full := map[string]*candidate{}
	titled := map[string][]string{} // single surnames seen after a title
	orgSeen := map[string]bool{}
	for i := range articles {
		a := &articles[i]
		for _, s := range a.Sentences {
			toks := px.tokens(a, s.Start, s.End)
			for _, run := range px.runs(a, s.Start, s.End) {
				// A name right before a speech verb that is not a person's.
				if n := tokenAfter(toks, run.end); n != nil && (verbAt(*n) || (run.possessive && isSpokesNoun(n.text))) &&
					!isPersonName(run.words, run.atStart) && len(run.words) <= 4 &&
					!isPronoun(strings.ToLower(run.words[0])) && !isSentenceStarter(strings.ToLower(run.words[0])) {
					px.speakingBodies[strings.Join(run.words, " ")]++
				}
				switch {
				case run.org:
					name := strings.Join(run.words, " ")
					if len(run.words) >= 2 || isInitialism(name) {
						orgSeen[name] = true
					}
				case isPersonName(run.words, run.atStart) && !afterPlacePreposition(toks, run.start):
					key := strings.ToLower(strings.Join(run.words, " "))
					c := full[key]
					if c == nil {
						c = &candidate{words: run.words}
						full[key] = c
					}
					c.count++
					c.title = append(c.title, run.title...)
				case len(run.words) == 1 && len(run.title) > 0 && !notNameWords[strings.ToLower(run.words[0])]:
					l := strings.ToLower(run.words[0])
					titled[l] = append(titled[l], run.title...)
				}
			}
		}
	}
	keys := make([]string, 0, len(full))
	for k := range full {
		keys = append(keys, k)
	}
	// Longest names first, so that each surname takes the fullest form.
	sort.Slice(keys, func(i, j int) bool {
		a, b := full[keys[i]], full[keys[j]]
		if len(a.words) != len(b.words) {
			return len(a.words) > len(b.words)
		}
		if a.count != b.count {
			return a.count > b.count
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		c := full[k]
		surname := strings.ToLower(c.words[len(c.words)-1])
		p := px.bySurname[surname]
		if p == nil {
			p = &person{name: strings.Join(c.words, " "), context: map[string]bool{}}
			px.bySurname[surname] = p
			px.byName[strings.ToLower(p.name)] = p
		}
		px.byName[k] = p
		for _, t := range c.title {
			p.context[t] = true
		}
	}
	for l, title := range titled {
		p := px.bySurname[l]
		if p == nil {
			continue
		}
		for _, t := range title {
			p.context[t] = true
		}
	}
	for name := range orgSeen {
		px.orgs = append(px.orgs, name)
	}
	sort.Slice(px.orgs, func(i, j int) bool {
		if len(px.orgs[i]) != len(px.orgs[j]) {
			return len(px.orgs[i]) > len(px.orgs[j])
		}
		return px.orgs[i] < px.orgs[j]
	})
	px.orgsByWord, px.orgsByLast = map[string][]int{}, map[string][]int{}
	for i, name := range px.orgs {
		words := strings.Split(strings.ToLower(name), " ")
		for k, w := range words {
			if !slices.Contains(words[:k], w) {
				px.orgsByWord[w] = append(px.orgsByWord[w], i)
			}
		}
		last := words[len(words)-1]
		px.orgsByLast[last] = append(px.orgsByLast[last], i)
	}
	for _, p := range px.byName {
		if p.gender == 0 {
			p.gender = firstNameGender(p.name)
		}
	}
	// Appositives and genders come from the text around each mention.
	for i := range articles {
		px.learnContext(&articles[i])
	}
	px.pruneSpeakingBodies()
	px.mostSpeakingBody = px.findMostSpeaking()
	return px
}

// pluralOfPeople says whether a lower-case word is the plural of a noun
// for a person: "bosses", "economists", "chairmen".
func pluralOfPeople(l string) bool {
	if strings.HasSuffix(l, "men") {
		return speakingNoun(strings.TrimSuffix(l, "men") + "man")
	}
	if !strings.HasSuffix(l, "s") || strings.HasSuffix(l, "ss") {
		return false
	}
	return speakingNoun(strings.TrimSuffix(l, "s")) || strings.HasSuffix(l, "es") && speakingNoun(strings.TrimSuffix(l, "es"))
}

// pruneSpeakingBodies drops from speakingBodies the names that turned out
// to be no body: a person's surname standing alone ("Oduya said") and a group of people capitalized because it opens its sentence
// ("Economists said", "Bosses said"). Either would otherwise be what "the
// company" stands for.
func (px *personIndex) pruneSpeakingBodies() {
	for name := range px.speakingBodies {
		// A name of more words before a speech verb is a body's own
		// ("United Harbour Workers", "Carrow Looms"), whatever else it
		// looks like.
		l := strings.ToLower(name)
		if !strings.Contains(l, " ") && (px.bySurname[l] != nil || peopleNouns[l] && !bodyNouns[l] || pluralOfPeople(l)) {
			delete(px.speakingBodies, name)
		}
	}
}

// afterPlacePreposition says whether the run starting at start follows
// "in", "at", "from", "near" or "to": a place ("lives in Kettle Hill"),
// not a person.
func afterPlacePreposition(toks []wtok, start int) bool {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= start })
	if i == 0 || i == len(toks) || toks[i].start != start {
		return false
	}
	switch strings.ToLower(toks[i-1].text) {
	case "in", "at", "from", "near", "to", "into", "outside", "across", "towards", "toward":
		return true
	}
	return false
}

// tokenAfter returns the token after byte offset end, skipping a
// possessive, or nil.
func tokenAfter(toks []wtok, end int) *wtok {
	if i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= end }); i < len(toks) {
		return &toks[i]
	}
	return nil
}

func isSpokesNoun(w string) bool {
	switch strings.ToLower(w) {
	case "spokeswoman", "spokesman", "spokesperson", "statement", "director", "chief", "head":
		return true
	}
	return false
}

// lookup returns the person a run of name words names, or nil.
func (px *personIndex) lookup(words []string) *person {
	if len(words) == 0 {
		return nil
	}
	if p := px.byName[strings.ToLower(strings.Join(words, " "))]; p != nil {
		return p
	}
	if p := px.bySurname[strings.ToLower(words[len(words)-1])]; p != nil {
		return p
	}
	return nil
}

// mentions finds the people named in a sentence.
func (px *personIndex) mentions(a *Article, start, end int) []mention {
	var out []mention
	for _, run := range px.runs(a, start, end) {
		if run.org {
			continue
		}
		if p := px.lookup(run.words); p != nil {
			out = append(out, mention{start: run.start, end: run.end, who: p, possessive: run.possessive, title: run.title})
		}
	}
	return out
}

// learnContext records, for each person, the words of the appositives
// around their name ("Alexander Wershbow, NATO's deputy secretary
// general") and the gender words next to it (Mr., spokeswoman).
func (px *personIndex) learnContext(a *Article) {
	for _, s := range a.Sentences {
		toks := px.tokens(a, s.Start, s.End)
		for _, m := range px.mentions(a, s.Start, s.End) {
			k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= m.start })
			e := k
			for e < len(toks) && toks[e].end <= m.end {
				e++
			}
			// ", appositive ," after the name
			if e < len(toks) && toks[e].text == "," {
				for j := e + 1; j < len(toks) && j < e+12 && toks[j].text != "," && toks[j].text != "."; j++ {
					px.note(m.who, toks[j].text)
				}
			}
			// "appositive , Name" before it
			if k > 0 && toks[k-1].text == "," {
				for j := k - 2; j >= 0 && j > k-12 && toks[j].text != "," && !toks[j].punct; j-- {
					px.note(m.who, toks[j].text)
				}
			}
			for _, t := range m.title {
				px.note(m.who, t)
			}
			// A title in lower case before the name, which capitalRuns
			// leaves out: "fire chief Ana Ruiz", "Union leader Ana Ruiz".
			// Up to two words before the title noun are what the title is
			// of, and a capital only opens the sentence.
			if k > 0 && !isCapitalized(toks[k-1]) && lowerTitleNoun(toks[k-1].text) {
				for j := k - 1; j >= 0 && j >= k-3 && !toks[j].punct && (!isCapitalized(toks[j]) || j == 0); j-- {
					if l := strings.ToLower(toks[j].text); isStop(l) || isSpeechVerb(l) {
						break
					}
					px.note(m.who, toks[j].text)
				}
			}
		}
	}
}

// titleExpansions are the words that abbreviated titles stand for.
var titleExpansions = map[string]string{
	"gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain",
	"sgt": "sergeant", "adm": "admiral", "cmdr": "commander", "brig": "brigadier", "cpl": "corporal",
	"pvt": "private", "dr": "doctor", "prof": "professor", "gov": "governor", "sen": "senator",
	"rep": "representative", "rev": "reverend", "supt": "superintendent", "insp": "inspector",
	"det": "detective",
}

func (px *personIndex) note(p *person, word string) {
	l := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "’s"))
	if isStop(l) {
		return
	}
	p.context[l] = true
	if full := titleExpansions[strings.TrimSuffix(l, ".")]; full != "" {
		p.context[full] = true // "Gen. Halvorsen" is "the general"
	}
	switch l {
	case "mr", "mr.", "spokesman", "chairman", "businessman", "congressman", "king", "prince", "sir", "lord":
		p.gender = 'm'
	case "mrs", "mrs.", "ms", "ms.", "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "queen",
		"princess", "dame", "lady", "baroness":
		p.gender = 'f'
	}
}

// org returns the fullest name of a body whose name holds word (lower
// case), or "".
func (px *personIndex) org(words ...string) string {
	// Only the names holding the first word can hold them all.
	if len(words) == 0 || strings.Contains(words[0], " ") {
		return ""
	}
	for _, i := range px.orgsByWord[words[0]] {
		name := px.orgs[i]
		l := " " + strings.ToLower(name) + " "
		all := true
		for _, w := range words {
			all = all && strings.Contains(l, " "+w+" ")
		}
		if all {
			return name
		}
	}
	return ""
}

// speakerFinder attributes one article's quotes.
type speakerFinder struct {
	a        *Article
	px       *personIndex
	last     *person // the last speaker, for continuing remarks and pronouns
	lastName string  // the last speaker's canonical name (a body has no person)
	lastPara int
	lastPos  int
	// scratch holds the tokens around the quote being attributed: they
	// are read once, so each quote's reuse the last one's room.
	scratch []wtok
	// byLine are the people named in each sentence, found once; named
	// lists them all in text order, so with rising ends, and first holds
	// each person's first mention.
	byLine       [][]mention
	named, first []mention
	// passed, per pronoun gender, marks the mentions of named found not to
	// fit it (see lastFitting).
	passed map[byte][]int
	// orgRuns are the bodies named in each sentence, found when first
	// needed (see bodyRuns).
	orgRuns map[int][]nameRun
	// bodies are the speaking bodies named in the article, found when
	// first needed.
	bodies []bodyMention
	// kindBody holds, per body noun of namedKindOnly asked about, the body
	// the article calls by it ("" for none), found once.
	kindBody map[string]string
	// namedBody holds, per body noun asked about, the one name the
	// article gives right after it (see namedAs).
	namedBody map[string]string
	// lower is the article's text in lower case, made when first needed.
	lower string
	// spanRoom holds the statements' parts, a few at a time (see spans).
	spanRoom []Span
}

// spans returns the parts of a statement, in room shared with the
// article's other statements: one allocation for many.
func (f *speakerFinder) spans(parts ...Span) []Span {
	if cap(f.spanRoom)-len(f.spanRoom) < len(parts) {
		f.spanRoom = make([]Span, 0, max(32, len(parts)))
	}
	n := len(f.spanRoom)
	f.spanRoom = append(f.spanRoom, parts...)
	return f.spanRoom[n:len(f.spanRoom):len(f.spanRoom)]
}

// attribute finds each quote's speaker and the article's reported
// statements.
func attribute(a *Article, quotes []Quote, px *personIndex) []Statement {
	f := &speakerFinder{a: a, px: px, lastPara: -10}
	f.byLine = make([][]mention, len(a.Sentences))
	seen := map[*person]bool{}
	for i, s := range a.Sentences {
		f.byLine[i] = px.mentions(a, s.Start, s.End)
		for _, m := range f.byLine[i] {
			f.named = append(f.named, m)
			if !seen[m.who] {
				seen[m.who] = true
				f.first = append(f.first, m)
			}
		}
	}
	var statements []Statement
	covered := map[int]bool{}
	for _, q := range quotes {
		for _, k := range q.Sentences {
			covered[k] = true
		}
	}
	qi := 0
	for si := range a.Sentences {
		s := &a.Sentences[si]
		// Quotes starting in this sentence, in order.
		var here []int
		for qi < len(quotes) && quotes[qi].Start < s.End {
			here = append(here, qi)
			qi++
		}
		if len(here) == 0 {
			if covered[s.Index] {
				continue
			}
			if st, ok := f.reported(s); ok {
				statements = append(statements, st)
			}
			continue
		}
		for _, k := range here {
			f.attributeQuote(&quotes[k], s)
		}
	}
	return statements
}

// attributeQuote finds one quote's speaker from the words around it.
func (f *speakerFinder) attributeQuote(q *Quote, s *Sentence) {
	a := f.a
	para := s.Paragraph
	// Attribution after the quote (", X said"), between its parts, and
	// before it ("X said:").
	last := q.Parts[len(q.Parts)-1]
	endSent := sentenceAt(a, max(last.End-1, last.Start))
	if endSent == nil {
		endSent = s
	}
	closeEnd := skipMark(a.Text, last.End)
	tail := f.untilNextQuote(closeEnd, min(endSent.End, closeEnd+maxAttribution))
	if name, text, p, ok := f.trailing(tail, closeEnd); ok {
		f.set(q, name, text, p, "trailing", endSent.Paragraph, last.End)
		return
	}
	for k := 0; k+1 < len(q.Parts); k++ {
		gs := skipMark(a.Text, q.Parts[k].End)
		ge := min(q.Parts[k+1].Start, gs+maxAttribution)
		f.scratch = appendWordTokens(f.scratch[:0], a.Text, gs, ge)
		if name, text, p, ok := f.trailing(f.scratch, gs); ok {
			f.set(q, name, text, p, "interrupting", para, q.Start)
			return
		}
	}
	if name, text, p, para, ok := f.signature(closeEnd); ok {
		f.set(q, name, text, p, "trailing", para, last.End)
		return
	}
	lead := f.leadStart(q, s)
	if name, text, p, how, ok := f.leading(lead, q.Start, s); ok {
		f.set(q, name, text, p, how, para, q.Start)
		return
	}
	// A quote standing alone continues the last speaker's remarks in
	// this paragraph, or is the person the text has just introduced
	// ("Dr. Ilona Marsk ... laid out the problem." / ""We have ...").
	if q.Kind == KindDirect {
		any := func(p *person) bool { return p != nil && !p.org }
		if p := f.recentSubject(s, any); p != nil {
			f.set(q, p.name, "", p, "previous", para, q.Start)
			return
		}
		if f.lastName != "" && para-f.lastPara <= 2 {
			f.set(q, f.lastName, "", f.last, "previous", para, q.Start)
			return
		}
	}
}

// signature reads a quotation's signature: a dash right after its closing
// mark, on its line or opening the next paragraph, then a name and perhaps
// a description after a comma, to the paragraph's end: "“We let our
// passengers down.” — Lena Varga, chief executive". A dash clause that is
// no name ("— a promise the mayor broke") or that the sentence goes on
// after ("— Lena Varga's words — were heard again") signs nothing. It
// returns the speaker and the signature's paragraph.
func (f *speakerFinder) signature(closeEnd int) (string, string, *person, int, bool) {
	text := f.a.Text
	i := closeEnd
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	dash := 0
	for _, d := range []string{"—", "―", "–", "--", "- "} {
		if strings.HasPrefix(text[i:], d) {
			dash = len(d)
			break
		}
	}
	if dash == 0 {
		return "", "", nil, 0, false
	}
	// The signature runs to its paragraph's end; a line the cleaner took
	// out of the story runs to its line's end.
	para := -1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += i
	}
	if s := sentenceAt(f.a, i); s != nil {
		para, end = s.Paragraph, s.End
		for k := s.Index + 1; k < len(f.a.Sentences) && f.a.Sentences[k].Paragraph == para; k++ {
			end = f.a.Sentences[k].End
		}
	} else if s := sentenceAt(f.a, max(closeEnd-1, 0)); s != nil {
		para = s.Paragraph
	}
	if signatureName(text[i:end]) == "" {
		return "", "", nil, 0, false
	}
	toks := wordTokens(text, i+dash, end)
	if n := len(toks); n > 0 && toks[n-1].text == "." {
		toks = toks[:n-1]
	}
	np := toks
	if c := slices.IndexFunc(toks, func(t wtok) bool { return t.text == "," }); c >= 0 {
		np = toks[:c]
		for _, t := range toks[c+1:] {
			if verbAt(t) || clauseWord(strings.ToLower(t.text)) {
				return "", "", nil, 0, false // "— Lena Varga, who said ..."
			}
		}
	}
	if len(np) == 0 || len(np) > 5 || slices.ContainsFunc(np, func(t wtok) bool {
		return t.punct || (!isCapitalized(t) && !isNameParticle(t.text))
	}) {
		return "", "", nil, 0, false
	}
	// One word may be a page's link ("— Home"): a signature names a
	// person the event knows, or in two words or more.
	name, who, p, ok := f.resolve(np, i)
	if !ok || name == "" || (p == nil && len(np) < 2) {
		return "", "", nil, 0, false
	}
	return name, who, p, para, true
}

// maxAttribution bounds, in bytes, the text read after a quote for its
// attribution (twice that before it), so that a sentence of many quotes
// costs linear time.
const maxAttribution = 300

// skipMark steps over the closing quotation mark at pos.
func skipMark(text string, pos int) int {
	if pos < len(text) {
		r, size := utf8.DecodeRuneInString(text[pos:])
		if strings.ContainsRune("\"”»'’", r) {
			return pos + size
		}
	}
	return pos
}

// untilNextQuote returns the tokens from pos to end, stopping at the next
// opening quotation mark. They are in f.scratch: good until the next quote
// part is read.
func (f *speakerFinder) untilNextQuote(pos, end int) []wtok {
	toks := appendWordTokens(f.scratch[:0], f.a.Text, pos, end)
	f.scratch = toks
	for i, t := range toks {
		if t.punct && strings.ContainsAny(t.text, "\"“«") {
			return toks[:i]
		}
	}
	return toks
}

// leadStart returns the words before a quote, from the sentence start or
// the end of an earlier quote in the same sentence. They are in f.scratch,
// as untilNextQuote's are.
func (f *speakerFinder) leadStart(q *Quote, s *Sentence) []wtok {
	start := max(s.Start, q.Start-2*maxAttribution)
	for start > s.Start && start < len(f.a.Text) && !utf8.RuneStart(f.a.Text[start]) {
		start--
	}
	toks := appendWordTokens(f.scratch[:0], f.a.Text, start, q.Start)
	f.scratch = toks
	// Drop the opening mark and anything up to an earlier closing mark.
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].punct && strings.ContainsAny(toks[i].text, "\"”»") && i < len(toks)-1 {
			return toks[i+1:]
		}
	}
	return toks
}

func (f *speakerFinder) set(q *Quote, name, text string, p *person, how string, para, pos int) {
	q.Speaker, q.SpeakerText, q.Attribution = name, text, how
	if name != "" {
		f.last, f.lastName, f.lastPara, f.lastPos = p, name, para, pos
	}
}

// trailing reads an attribution after a quote: ", X said ...", ", said X,
// a ...", ", according to X", ", he added".
func (f *speakerFinder) trailing(toks []wtok, pos int) (string, string, *person, bool) {
	for len(toks) > 0 && toks[0].punct && toks[0].text != "." {
		toks = toks[1:]
	}
	if len(toks) == 0 || toks[0].punct {
		return "", "", nil, false
	}
	lower := func(i int) string { return strings.ToLower(toks[i].text) }
	if lower(0) == "according" && len(toks) > 2 && lower(1) == "to" {
		return f.resolve(sourceNP(toks[2:]), pos)
	}
	if verbAt(toks[0]) {
		np := npUntil(toks[1:])
		np = withAppositive(np, toks[1+len(np):])
		return f.resolve(np, pos)
	}
	for i := 1; i < len(toks) && i < 10; i++ {
		if toks[i].punct && toks[i].text != "," && !pluralPossessive(toks[i]) {
			break
		}
		if verbAt(toks[i]) {
			np := trimAdverbs(toks[:i])
			return f.resolve(np, pos)
		}
	}
	return "", "", nil, false
}

// leading reads an attribution before a quote: "X said:", "According to X,",
// "X described the threat as", "in which he said that ...".
func (f *speakerFinder) leading(toks []wtok, pos int, s *Sentence) (string, string, *person, string, bool) {
	if len(toks) == 0 {
		return "", "", nil, "", false
	}
	if len(toks) > 2 && strings.EqualFold(toks[0].text, "according") && strings.EqualFold(toks[1].text, "to") {
		if name, text, p, ok := f.resolve(sourceNP(toks[2:]), pos); ok {
			return name, text, p, "leading", true
		}
	}
	// The speech verb nearest the quote.
	vi := -1
	for i := len(toks) - 1; i >= 0; i-- {
		if verbAt(toks[i]) && !nounUse(toks, i) && !bareHit(toks, i) {
			vi = i
			break
		}
	}
	if vi < 0 && len(toks) > 1 {
		// "the minister's "promise"", "Serdyukov's "dead end"": the
		// owner of the words.
		last := toks[len(toks)-2]
		if toks[len(toks)-1].punct && (strings.HasSuffix(last.text, "'s") || strings.HasSuffix(last.text, "’s")) {
			k := len(toks) - 2
			for k > 0 && !toks[k-1].punct && !clauseWord(strings.ToLower(toks[k-1].text)) && len(toks)-2-k < 5 {
				k--
			}
			if name, text, p, ok := f.resolve(ownerOf(toks[k:len(toks)-1]), pos); ok {
				return name, text, p, "leading", true
			}
		}
	}
	if vi < 0 {
		// "Port Authority boss Dominic Arlo hit out: "...": whoever the
		// sentence is about speaks after a colon.
		if toks[len(toks)-1].punct && len(toks) > 1 && (toks[len(toks)-2].text == ":" || toks[len(toks)-1].text == ":") {
			if name, text, p, ok := f.resolve(f.subject(toks), pos); ok {
				return name, text, p, "leading", true
			}
			// "Its statement, issued on Tuesday, read: "..."": whose
			// words they are.
			if np := npUntil(toks); speechNouns[headNoun(np)] {
				if name, text, p, ok := f.resolve(np, pos); ok {
					return name, text, p, "leading", true
				}
			}
		}
		if toks[0].start > s.Start && f.lastName != "" && f.lastPos >= s.Start && onlyConjunctions(toks) {
			// Quotes joined in one sentence: ""painful but necessary"
			// and "the only way"" are the same speaker's.
			return f.lastName, "", f.last, "sentence", true
		}
		if toks[0].start > s.Start {
			// After an earlier quote, a clause of its own: "... and he
			// offered an apology to everyone "whose morning ..."".
			i := 0
			for i < len(toks) && (toks[i].text == "," || clauseWord(strings.ToLower(toks[i].text))) {
				i++
			}
			if i < len(toks) && (strings.EqualFold(toks[i].text, "he") || strings.EqualFold(toks[i].text, "she") ||
				strings.EqualFold(toks[i].text, "they")) {
				if name, text, p, ok := f.resolve(toks[i:i+1], pos); ok {
					return name, text, p, "pronoun", true
				}
			}
		}
		return "", "", nil, "", false
	}
	// The subject: back from the verb over adverbs, across appositive
	// commas, to a clause boundary.
	j := vi
	for j > 0 && adverbTok(toks[j-1]) {
		j--
	}
	k := j
	for k > 0 {
		l := strings.ToLower(toks[k-1].text)
		if clauseWord(l) || toks[k-1].text == ";" || toks[k-1].text == ":" {
			break
		}
		k--
	}
	for m := j - 1; m > k; m-- {
		if verbAt(toks[m]) && !nounUse(toks, m) && !bareHit(toks, m) {
			// "Hamm said Varga had told him ... "fully funded"": the
			// nearer speaker's words. In "Millbrook Together claims it
			// wrote", "it" is the first speaker again.
			if j-m-1 > 1 || (j-m-1 == 1 && !isPronoun(strings.ToLower(toks[m+1].text))) {
				k = m + 1
			}
			break
		}
	}
	np := toks[k:j]
	if k > 0 && (strings.EqualFold(toks[k-1].text, "who") || strings.EqualFold(toks[k-1].text, "whose")) {
		// "Tomas Reyl, who lives in Kettle Hill, said": the relative
		// clause describes the subject before it.
		if sub := f.subject(toks[:k-1]); len(sub) > 0 {
			np = sub
		} else {
			// No name: the phrase the clause describes ("a
			// grandmother who gave her name only as Edith").
			m := k - 1
			for m > 0 && !clauseWord(strings.ToLower(toks[m-1].text)) && toks[m-1].text != ";" && toks[m-1].text != ":" {
				m--
			}
			if m < k-1 {
				np = toks[m : k-1]
			}
		}
	}
	rel := k > 0 && (strings.EqualFold(toks[k-1].text, "which") || strings.EqualFold(toks[k-1].text, "whom") ||
		strings.EqualFold(toks[k-1].text, "where"))
	if rel && len(np) == 1 && isPronoun(strings.ToLower(np[0].text)) {
		if p := f.possessorOfSpeech(toks[:k]); p != nil {
			return p.name, np[0].text, p, "pronoun", true
		}
	}
	name, text, p, ok := f.resolve(np, pos)
	if !ok {
		// "... and said", "..., who led the team, said": the sentence's
		// subject.
		np = f.subject(toks[:vi])
		name, text, p, ok = f.resolve(np, pos)
	}
	if !ok && len(toks) > 0 && toks[0].start > s.Start && f.lastName != "" && f.lastPos >= s.Start {
		// A second quote in the sentence: "... "a" and apologised "b"".
		return f.lastName, "", f.last, "sentence", true
	}
	how := "leading"
	if ok && len(np) == 1 && isPronoun(strings.ToLower(np[0].text)) {
		how = "pronoun"
	}
	return name, text, p, how, ok
}

// onlyConjunctions says whether the words between two quotes only join
// them: "and", "or", "but also".
func onlyConjunctions(toks []wtok) bool {
	for _, t := range toks {
		switch strings.ToLower(t.text) {
		case "and", "or", "but", ",", "also", "even", "then", "\"", "“", "'", "‘", "«":
		default:
			return false
		}
	}
	return true
}

func isPunct(t wtok) bool { return t.punct }

// ownerOf returns a possessive noun phrase without its "'s": the owner
// ("Serdyukov" of "Serdyukov's").
func ownerOf(np []wtok) []wtok {
	np = append([]wtok{}, np...)
	w := np[len(np)-1]
	w.text = strings.TrimSuffix(strings.TrimSuffix(w.text, "'s"), "’s")
	w.end -= len(np[len(np)-1].text) - len(w.text)
	np[len(np)-1] = w
	return np
}

// speechOwner resolves a phrase naming someone's words ("its statement",
// "her letter", "Meland's statement") to whoever's words they are: the
// body or person a possessive pronoun stands for, or the possessor named.
// SpeakerText is the words naming the owner.
func (f *speakerFinder) speechOwner(np []wtok, pos int) (string, string, *person, bool) {
	switch strings.ToLower(np[0].text) {
	case "its", "their":
		if body := f.bodyBefore(pos); body != "" {
			return body, np[0].text, nil, true
		}
		return "", "", nil, false
	case "his", "her":
		pr := "he"
		if strings.EqualFold(np[0].text, "her") {
			pr = "she"
		}
		if p := f.pronoun(pr, pos); p != nil {
			return p.name, np[0].text, p, true
		}
		return "", "", nil, false
	}
	for m := len(np) - 1; m >= 0; m-- {
		if w := np[m].text; strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return f.resolve(ownerOf(np[:m+1]), pos)
		}
	}
	return "", "", nil, false
}

// sourceNP returns the noun phrase after "according to": npUntil's, with
// what follows a speech noun ("a statement from the company").
func sourceNP(toks []wtok) []wtok {
	np := npUntil(toks)
	if n := len(np); n > 0 && n < len(toks)-1 && speechNouns[headNoun(np)] {
		if l := strings.ToLower(toks[n].text); l == "from" || l == "by" {
			return toks[:n+1+len(npUntil(toks[n+1:]))]
		}
	}
	return np
}

// sourceAfter returns where the source of a speech noun begins in a noun
// phrase ("the company" of "a statement from the company", "Ana Ruiz" of
// "a letter by Ana Ruiz"), or 0.
func sourceAfter(np []wtok) int {
	for m := 1; m+1 < len(np) && m < 4; m++ {
		if (strings.EqualFold(np[m].text, "from") || strings.EqualFold(np[m].text, "by")) && speechNouns[headNoun(np[:m])] {
			return m + 1
		}
	}
	return 0
}

// nounUse says whether the speech verb form at toks[i] is a noun there:
// after a determiner (lexicon.Determiner, as the lexicon's verb: true
// entries read it) or a possessive ("Russia's warning", "the council's
// call", "a claim", "his promises").
func nounUse(toks []wtok, i int) bool {
	if i == 0 {
		return false
	}
	prev := toks[i-1].text
	if lexicon.Determiner(strings.ToLower(prev)) {
		return true
	}
	if strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") {
		return true
	}
	// A plural possessive: "the workers' warning".
	return (prev == "'" || prev == "’") && i >= 2 && strings.HasSuffix(toks[i-2].text, "s") && !toks[i-2].punct
}

// possessorOfSpeech finds "X's statement" among tokens: the owner of the
// words a relative clause ("in which he said") reports.
func (f *speakerFinder) possessorOfSpeech(toks []wtok) *person {
	for i := len(toks) - 1; i > 0; i-- {
		if !speechNouns[strings.ToLower(toks[i].text)] {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			w := toks[j].text
			if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
				name := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
				if p := f.px.lookup([]string{name}); p != nil {
					return p
				}
			}
		}
	}
	return nil
}

// subject returns the first name in tokens that is not a possessive: the
// sentence's subject where the verb's own subject is elided.
func (f *speakerFinder) subject(toks []wtok) []wtok {
	runs := capitalRuns(toks)
	for _, r := range runs {
		if r.possessive || r.org {
			continue
		}
		if f.px.lookup(r.words) != nil {
			var out []wtok
			for _, t := range toks {
				if t.start >= r.start && t.end <= r.end {
					out = append(out, t)
				}
			}
			return out
		}
	}
	return nil
}

// npUntil returns the noun phrase at the start of toks: up to a comma,
// a full stop, or a word that starts an adverbial (in, on, at, after ...).
func npUntil(toks []wtok) []wtok {
	for i, t := range toks {
		l := strings.ToLower(t.text)
		if t.punct && t.text != "-" && t.text != "'" {
			return toks[:i]
		}
		if i > 0 && (l == "in" || l == "on" || l == "at" || l == "after" || l == "when" || l == "during" ||
			l == "before" || l == "while" || l == "as" || l == "who" || l == "which" || l == "that" ||
			l == "told" || l == "to" || l == "from" || isSpeechVerb(l)) {
			return toks[:i]
		}
	}
	return toks
}

// withAppositive extends a descriptive noun phrase with the name that
// follows it after a comma: "the minister's aide, Lara Voss".
func withAppositive(np, rest []wtok) []wtok {
	if len(rest) < 2 || rest[0].text != "," || !isCapitalized(rest[1]) {
		return np
	}
	if len(np) > 0 && isCapitalized(np[len(np)-1]) && !strings.HasSuffix(np[len(np)-1].text, "'s") {
		return np // already a name: "said Dorsey, a spokeswoman"
	}
	name := npUntil(rest[1:])
	return append(append(append([]wtok{}, np...), rest[0]), name...)
}

func trimAdverbs(np []wtok) []wtok {
	for len(np) > 0 && adverbTok(np[len(np)-1]) {
		np = np[:len(np)-1]
	}
	return np
}

func isAdverb(l string) bool {
	switch l {
	case "also", "then", "later", "again", "previously", "earlier", "further", "once", "still", "had", "has",
		"have", "was", "is", "were", "reportedly", "repeatedly", "publicly", "privately", "subsequently",
		"recently", "already", "just", "flatly", "firmly", "angrily", "calmly", "quickly", "bluntly":
		return true
	}
	return strings.HasSuffix(l, "ly") && len(l) > 4
}

// adverbTok says whether t is an adverb between a subject and its verb
// ("Brandt also said", "Ruiz flatly denied"). A capitalised word there is
// part of a name, even one that ends in -ly: "Mayor Anatoly Serdyukov".
func adverbTok(t wtok) bool {
	return !isCapitalized(t) && isAdverb(strings.ToLower(t.text))
}

func clauseWord(l string) bool {
	switch l {
	case "that", "which", "who", "whom", "and", "but", "while", "when", "because", "after", "before",
		"where", "although", "though", "if", "since", "whereas":
		return true
	}
	return false
}

func isPronoun(l string) bool {
	switch l {
	case "he", "she", "they", "it", "we":
		return true
	}
	return false
}

// resolve names the speaker of a noun phrase: a named person (the last
// name in it that is not a possessive), a pronoun, a description that
// fits a person named in the event, or a body.
func (f *speakerFinder) resolve(np []wtok, pos int) (string, string, *person, bool) {
	np = trimParenthesis(trimIntro(trimAside(np)))
	if len(np) == 0 {
		return "", "", nil, false
	}
	if m := sourceAfter(np); m > 0 {
		np = np[m:] // "a statement from the company" is the company's
	}
	text := f.a.Text[np[0].start:np[len(np)-1].end]
	// A group of people and where they are or whose they are:
	// "Passengers on the Marisol", "residents of Kettle Hill", "critics of
	// the ministry". They speak, not the place, nor the person or body
	// they are for or against. Members and officials may speak for their
	// body ("officials at the Interior Ministry"): see below.
	if g, h := groupBeforePhrase(np); h > g && !memberNouns[strings.ToLower(np[h-1].text)] {
		return f.groupSpeaker(np, g, h, pos), text, nil, true
	}
	// A group capitalized only because it opens the sentence is the same
	// group as in lower case: "Firefighters said" and "firefighters said"
	// name one speaker, "firefighters".
	if group := f.openingGroup(np); group != "" {
		return group, text, nil, true
	}
	// The named person: one opening the phrase ("Lara Voss, an aide to
	// Oskar Meland"), else the last one ("the head of the delegation,
	// Alexander Wershbow").
	var found *person
	var foundRun nameRun
	runs := capitalRuns(np)
	for _, r := range runs {
		if r.possessive || r.org || beforeTitledName(np, r.end) {
			continue
		}
		if p := f.px.lookup(r.words); p != nil {
			opens := len(np) > 0 && (r.start <= np[min(2, len(np)-1)].start)
			if found != nil && foundRun.start <= np[min(2, len(np)-1)].start {
				break // the opening name stands
			}
			found, foundRun = p, r
			if opens && r.start == np[0].start {
				break
			}
		}
	}
	if found != nil {
		return found.name, f.a.Text[foundRun.start:foundRun.end], found, true
	}
	// A pronoun ends the phrase: "he", "Politically, he".
	if last := strings.ToLower(np[len(np)-1].text); isPronoun(last) && (len(np) == 1 || np[len(np)-2].punct) {
		pt := np[len(np)-1].text
		if last == "they" {
			if group := f.groupBefore(pos); group != "" {
				return group, pt, nil, true
			}
		}
		if last == "they" || last == "it" {
			if body := f.bodyBefore(pos); body != "" {
				return body, pt, nil, true
			}
		}
		if p := f.pronoun(last, pos); p != nil {
			return p.name, pt, p, true
		}
		if f.lastName != "" {
			return f.lastName, pt, f.last, true
		}
		return "", pt, nil, false
	}
	// A body named with capitals as the head: "the Defense Ministry".
	if len(runs) > 0 {
		r := runs[len(runs)-1]
		if !r.possessive && r.end == np[len(np)-1].end && (r.org || len(np) <= 2) {
			name := strings.Join(r.words, " ")
			if full := f.px.orgFor(r.words); full != "" {
				name = full
			}
			return name, text, nil, true
		}
	}
	head := headNoun(np)
	// Someone's words said it: "its statement", "Meland's letter".
	if speechNouns[head] {
		if name, text, p, ok := f.speechOwner(np, pos); ok {
			return name, text, p, true
		}
		// "the statement said", "the report said 40 people died": words
		// whose owner is not named. A body named just before issued
		// them; else the document is the source, named as a body unnamed
		// is ("report", as "company"), though it is no person.
		if det := strings.ToLower(np[0].text); det == "the" || det == "a" || det == "an" || det == "this" || det == "that" {
			if body := f.bodyBefore(pos); body != "" {
				return body, text, nil, true
			}
			return describedAs(text), text, nil, true
		}
	}
	// A description: "the NATO chief", "the ministry", "a spokeswoman".
	det := strings.ToLower(np[0].text)
	if bodyNouns[head] && (det == "the" || det == "its") {
		if body := f.bodyFor(head, pos); body != "" {
			return body, text, nil, true
		}
		if body := f.namedAs(head); body != "" {
			return body, text, nil, true
		}
		// No body of that kind is named: the description itself
		// ("union", "company") names the speaker, rather than a person it
		// may describe ("the mayor appealed to the company") or the last
		// body to speak.
		return describedAs(text), text, nil, true
	}
	if len(np) > 1 && (strings.HasSuffix(det, "'s") || strings.HasSuffix(det, "’s")) && !slices.ContainsFunc(np, isPunct) {
		// Someone's unnamed aide or body: "Thorne's spokeswoman". The
		// words are the speaker: the owner is not. A body's officer may
		// be named elsewhere: "NATO's chief".
		owner := strings.TrimSuffix(strings.TrimSuffix(np[0].text, "'s"), "’s")
		if f.px.lookup([]string{owner}) == nil {
			if p := f.describe(np, head, pos); p != nil {
				return p.name, text, p, true
			}
		}
		return text, text, nil, true
	}
	switch det {
	case "the", "a", "an", "its", "his", "her", "their", "one", "another":
	default:
		// A group named without an article: "police said", "organisers
		// claimed", "hospital staff told reporters". The words are the
		// speaker.
		if group := bareGroup(np); group != "" {
			return group, text, nil, true
		}
		// The same with where they are or whom they belong to: "Two
		// officials in the ministry" (see groupSpeaker).
		if g, h := groupBeforePhrase(np); h > g {
			return f.groupSpeaker(np, g, h, pos), text, nil, true
		}
		return "", text, nil, false
	}
	for _, t := range np {
		if t.punct && t.text != "-" && !pluralPossessive(t) {
			return "", text, nil, false
		}
	}
	if p := f.describe(np, head, pos); p != nil {
		return p.name, text, p, true
	}
	if head == "" {
		return "", text, nil, false
	}
	if full := f.px.org(head); full != "" {
		return full, text, nil, true
	}
	// A thing is no speaker: "The ferry on the Marisol route said" names
	// no one, as "the statement said" does not. The attribution still
	// ends the quote.
	if !speakingNoun(phraseHead(np)) {
		return "", text, nil, true
	}
	return describedAs(text), text, nil, true
}

// openingGroup returns, lower-cased, a group named without an article
// whose only capital opens the sentence and whose head is a noun for
// people ("Firefighters", "Union leaders"), or "".
func (f *speakerFinder) openingGroup(np []wtok) string {
	if len(np) == 0 || len(np) > 3 || !isCapitalized(np[0]) || !peopleNouns[strings.ToLower(np[len(np)-1].text)] {
		return ""
	}
	s := sentenceAt(f.a, np[0].start)
	if s == nil || strings.TrimLeft(f.a.Text[s.Start:np[0].start], " \"“‘'«(") != "" {
		return ""
	}
	words := make([]string, len(np))
	for i, t := range np {
		l := strings.ToLower(t.text)
		if t.punct || (i > 0 && isCapitalized(t)) || isStop(l) || isPronoun(l) || clauseWord(l) || isAdverb(l) ||
			strings.ContainsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) }) {
			return ""
		}
		words[i] = l
	}
	return strings.Join(words, " ")
}

// phraseHead is the head of a description before what follows it: "ferry"
// of "the ferry on the Marisol route", "executive" of "the chief executive
// of Harbor Ferries".
func phraseHead(np []wtok) string {
	for i := 1; i < len(np); i++ {
		if groupPrepositions[strings.ToLower(np[i].text)] {
			np = np[:i]
			break
		}
	}
	return headNoun(np)
}

// speakingNoun says whether the head of a description may name a speaker:
// a body, a title or a noun for a person or people ("union", "mayor",
// "witness", "residents"), or a noun for someone who does something
// ("driver", "survivor", "activist", "resident"). Things ("ferry",
// "plan", "route") are not.
func speakingNoun(w string) bool {
	if one := strings.TrimSuffix(w, "s"); one != w && speakingNoun(one) {
		return true // "the mediators", "the councils"
	}
	if bodyNouns[w] || orgWords[w] || lowerTitleNoun(w) || isSpokesNoun(w) || personNouns[w] || peopleNouns[w] ||
		peopleNouns[w+"s"] || peopleNouns[w+"es"] || peopleNouns[strings.TrimSuffix(w, "y")+"ies"] {
		return true
	}
	for _, suffix := range []string{"er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "eer", "ee", "ive", "ary"} {
		if len(w) > len(suffix)+2 && strings.HasSuffix(w, suffix) {
			return true
		}
	}
	return false
}

// personNouns are singular nouns for a person or a group of people that
// speaks, beyond titles and the agent nouns speakingNoun knows by their
// endings.
var personNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`man woman boy girl child teenager mother father son daughter wife husband
		widow family couple pair crowd public jury panel side camp household community aide candidate nominee
		victim suspect accused chef host guest fan friend neighbour neighbor colleague partner sister brother
		relative witness official source expert analyst nurse pilot diplomat lawmaker legislator delegate
		spokesperson team staff crew police opposition prosecution defence defense`) {
		personNouns[w] = true
	}
}

// beforeTitledName says whether the name ending at end is followed by a
// title in lower case and another name, as "Harrow Water" in "Harrow Water
// boss Liam McCarthy": it says whose title it is, and is not the speaker.
func beforeTitledName(np []wtok, end int) bool {
	i := sort.Search(len(np), func(i int) bool { return np[i].start >= end })
	if i+1 >= len(np) || np[i].punct || isCapitalized(np[i]) || !isCapitalized(np[i+1]) {
		return false
	}
	l := strings.ToLower(np[i].text)
	return l != "of" && l != "the" && l != "and" && (titleWords[l] || isSpokesNoun(l) || l == "boss")
}

// trimParenthesis drops a closing parenthesis from a noun phrase: "The
// Railway Workers' Federation (RWF)" is "The Railway Workers' Federation".
func trimParenthesis(np []wtok) []wtok {
	if len(np) < 3 || np[len(np)-1].text != ")" {
		return np
	}
	for i := len(np) - 2; i > 0; i-- {
		if np[i].text == "(" {
			return np[:i]
		}
	}
	return np
}

// describedAs is the speaker a description names, without its article:
// "a port authority spokeswoman" is "port authority spokeswoman", "their
// own residents' group" is "residents' group".
func describedAs(text string) string {
	f := strings.Fields(text)[1:]
	if len(f) > 1 && f[0] == "own" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// trimAside drops an adverbial phrase between commas from the end of a
// noun phrase: "The Interior Ministry, in a statement," is "The Interior
// Ministry".
func trimAside(np []wtok) []wtok {
	for len(np) > 3 && np[len(np)-1].text == "," {
		m := len(np) - 2
		for m > 0 && np[m].text != "," {
			m--
		}
		if m <= 0 || m == len(np)-2 || !opensIntro(np[m+1:len(np)-1]) {
			break
		}
		np = np[:m]
	}
	return np
}

// trimIntro drops the opening adverbial phrases of a noun phrase, each up
// to its comma: "In a statement, the ministry" is "the ministry",
// "Speaking to reporters outside city hall, the mayor" is "the mayor".
func trimIntro(np []wtok) []wtok {
	for len(np) > 2 {
		c := slices.IndexFunc(np, func(t wtok) bool { return t.text == "," })
		if c <= 0 || c == len(np)-1 || !opensIntro(np[:c]) {
			break
		}
		np = np[c+1:]
	}
	return np
}

// opensIntro says whether a phrase before a comma is adverbial: it opens
// with a preposition or a sentence adverb ("In a statement", "Later"), or,
// in two words or more, with a participle or an adverb in -ly ("Speaking
// to reporters", "Asked about the cost"). A single word in -ing or -ly may
// be a name (Fleming, Kelly).
func opensIntro(seg []wtok) bool {
	w := seg[0].text
	if len(w) > 16 {
		return false
	}
	// Lower-cased in place: this runs for every comma before a verb.
	var buf [16]byte
	for i := range len(w) {
		buf[i] = w[i]
		if 'A' <= w[i] && w[i] <= 'Z' {
			buf[i] += 'a' - 'A'
		}
	}
	l := buf[:len(w)]
	if introWords[string(l)] {
		return true
	}
	return len(seg) >= 2 && !isCapitalized(seg[1]) && (bytes.HasSuffix(l, []byte("ing")) || bytes.HasSuffix(l, []byte("ly")))
}

// introWords open an adverbial phrase before a sentence's subject.
var introWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`in at on after before during for with by from under amid despite following
		outside inside asked later earlier meanwhile however separately also yesterday today tonight overnight
		then instead now elsewhere last again still nonetheless nevertheless moreover furthermore speaking
		writing responding replying addressing interviewed questioned pressed`) {
		introWords[w] = true
	}
}

// bareGroup returns, lower-cased, a noun phrase of one to three plain
// lower-case words with no article ("police", "union leaders"), or "".
func bareGroup(np []wtok) string {
	if len(np) > 3 {
		return ""
	}
	words := make([]string, len(np))
	for i, t := range np {
		l := strings.ToLower(t.text)
		if t.punct || isCapitalized(t) || isStop(l) || isPronoun(l) || clauseWord(l) || isAdverb(l) ||
			strings.ContainsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) }) {
			return ""
		}
		words[i] = l
	}
	return strings.Join(words, " ")
}

// groupBeforePhrase finds, in a noun phrase with no article, a plural
// noun for people followed by a phrase saying where they are or whose
// they are: "Passengers on the Marisol", "Two officials in the ministry",
// "striking workers at the plant". It returns where the group's words
// begin and end, past a number or a quantifier before them ("Two"), or
// 0, 0. Only nouns for people count: "Damage on the Marisol" and "Boxes
// on the dock" say nothing.
func groupBeforePhrase(np []wtok) (int, int) {
	i := 0
	for i < len(np) && i < 2 && groupQuantifier(strings.ToLower(np[i].text)) {
		i++
	}
	g := i
	// The head may follow a modifier or two: "striking workers", "local
	// hospital staff".
	for h := g; h < len(np)-2 && h <= g+2; h++ {
		t := np[h]
		l := strings.ToLower(t.text)
		if t.punct || (isCapitalized(t) && h > 0) || isStop(l) || isPronoun(l) {
			return 0, 0
		}
		if !groupPrepositions[strings.ToLower(np[h+1].text)] {
			continue // a modifier: "police" of "police officers"
		}
		if !peopleNouns[l] {
			return 0, 0
		}
		// The phrase: a few words with no mark but a plural possessive's,
		// and none that would start a clause.
		rest := np[h+2:]
		if len(rest) > 8 {
			return 0, 0
		}
		for _, r := range rest {
			if (r.punct && !pluralPossessive(r) && r.text != "-") || clauseWord(strings.ToLower(r.text)) {
				return 0, 0
			}
		}
		return g, h + 1
	}
	return 0, 0
}

// groupSpeaker names the group np[g:h] of groupBeforePhrase as its head
// alone would be named ("Passengers", "residents"), or in lower case
// ("striking workers").
func (f *speakerFinder) groupSpeaker(np []wtok, g, h, pos int) string {
	if h-g == 1 {
		if name, _, _, ok := f.resolve(np[g:h], pos); ok && name != "" {
			return name
		}
	}
	words := make([]string, 0, h-g)
	for _, t := range np[g:h] {
		words = append(words, strings.ToLower(t.text))
	}
	return strings.Join(words, " ")
}

// memberNouns are groups that speak for the body they belong to:
// "officials at the Interior Ministry" give the ministry's word.
var memberNouns = map[string]bool{
	"members": true, "officials": true, "spokespeople": true, "representatives": true, "delegates": true,
	"negotiators": true, "executives": true, "leaders": true, "sources": true,
}

// groupQuantifier says whether a word counts a group: "two", "several",
// "12".
func groupQuantifier(l string) bool {
	switch l {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
		"thousands", "several", "some", "many", "most", "few", "other", "more":
		return true
	}
	return l != "" && strings.Trim(l, "0123456789,") == ""
}

// groupPrepositions join a group of people to where they are or whose they
// are: "residents of", "passengers on", "workers at".
var groupPrepositions = map[string]bool{
	"of": true, "on": true, "at": true, "in": true, "from": true, "aboard": true, "near": true,
	"inside": true, "outside": true, "across": true, "around": true, "for": true, "with": true,
}

// peopleNouns are plural nouns for groups of people that may speak.
var peopleNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`passengers residents workers officials survivors witnesses teachers
		volunteers members supporters critics protesters protestors demonstrators nurses doctors
		firefighters officers engineers villagers locals parents students pupils families relatives
		neighbours neighbors shoppers commuters travellers travelers fans staff employees drivers miners
		farmers fishermen dockers dockworkers soldiers troops police paramedics rescuers lawmakers
		legislators councillors councilors ministers diplomats analysts experts scientists researchers
		economists investors traders executives managers leaders organisers organizers campaigners
		activists tenants landlords owners patients voters citizens lawyers inspectors investigators
		sources crew crews guards pilots sailors refugees migrants evacuees victims mourners spectators
		onlookers visitors tourists customers people representatives spokespeople delegates negotiators opponents rivals allies friends colleagues`) {
		peopleNouns[w] = true
	}
}

// bodyNouns name bodies rather than people: "the company said".
var bodyNouns = map[string]bool{
	"company": true, "firm": true, "operator": true, "ministry": true, "authority": true, "government": true,
	"agency": true, "department": true, "police": true, "union": true, "council": true, "railway": true,
	"group": true, "organisation": true, "organization": true, "charity": true, "army": true, "military": true,
	"alliance": true, "bank": true, "board": true, "office": true, "committee": true, "commission": true,
	"campaign": true, "movement": true, "coalition": true, "party": true, "federation": true, "association": true,
}

// bodyFor finds the body a description such as "the company" or "the
// ministry" stands for: a body's name holding the noun ("Port Authority"),
// else the last body named before pos that speaks somewhere in the event
// ("Norrail said").
func (f *speakerFinder) bodyFor(head string, pos int) string {
	px := f.px
	if full := px.org(head); full != "" {
		return full
	}
	if f.bodies == nil {
		// The article's mentions of speaking bodies, found once.
		f.bodies = []bodyMention{}
		for _, s := range f.a.Sentences {
			for _, r := range px.runs(f.a, s.Start, s.End) {
				if name := strings.Join(r.words, " "); px.speakingBodies[name] > 0 {
					f.bodies = append(f.bodies, bodyMention{r.end, name})
				}
			}
		}
	}
	if namedKindOnly[head] {
		// "The union", "the environment agency": no body named so. The
		// last body to speak is as likely the police as the union; only
		// one the article calls by the noun will do ("the dockworkers'
		// union, United Harbour Workers", "the Portvale union"). Found
		// once per noun: an article may say "the union" many times.
		if body, ok := f.kindBody[head]; ok {
			return body
		}
		if f.kindBody == nil {
			f.kindBody = map[string]string{}
		}
		if f.lower == "" {
			f.lower = strings.ToLower(f.a.Text)
		}
		body := ""
		if lower := f.lower; strings.Contains(lower, head) {
			seen := map[string]bool{}
			for _, b := range f.bodies {
				if seen[b.name] {
					continue
				}
				seen[b.name] = true
				if name := strings.ToLower(b.name); strings.Contains(lower, name+" "+head) || namedAfter(lower, head, name) {
					body = b.name
					break
				}
			}
		}
		f.kindBody[head] = body
		return body
	}
	// A body whose own name holds another body noun is not this one: "the
	// company" is not "Police" or "Solvik Port Authority", however
	// recently they spoke.
	for i := sort.Search(len(f.bodies), func(i int) bool { return f.bodies[i].end > pos }) - 1; i >= 0; i-- {
		if bodyFits(f.bodies[i].name, head) {
			return f.bodies[i].name
		}
	}
	if most := px.mostSpeaking(); bodyFits(most, head) {
		return most
	}
	return ""
}

// namedAs returns the one name the article gives right after the noun
// head ("the textile company Carrow Looms"), for "the company" where no
// body of that name speaks, or "" when it gives none or more than one.
func (f *speakerFinder) namedAs(head string) string {
	if body, ok := f.namedBody[head]; ok {
		return body
	}
	if f.namedBody == nil {
		f.namedBody = map[string]string{}
	}
	body := ""
	for _, s := range f.a.Sentences {
		toks := f.px.tokens(f.a, s.Start, s.End)
		for _, r := range f.px.runs(f.a, s.Start, s.End) {
			k := sort.Search(len(toks), func(i int) bool { return toks[i].start >= r.start })
			if k == 0 || !strings.EqualFold(toks[k-1].text, head) || r.possessive {
				continue
			}
			name := strings.Join(r.words, " ")
			if full := f.px.orgFor(r.words); full != "" {
				name = full
			} else if p := f.px.lookup(r.words); p != nil {
				if p.gender != 0 {
					continue // a person: "the company Ilsa Marrenby runs"
				}
				name = p.name
			}
			if body != "" && body != name {
				f.namedBody[head] = ""
				return ""
			}
			body = name
		}
	}
	f.namedBody[head] = body
	return body
}

// namedAfter says whether text (lower case) names a body right after the
// noun: "union, united harbour workers (uhw)", "union (uhw)", within the
// same sentence and a few words.
func namedAfter(text, head, name string) bool {
	for rest := text; ; {
		i := strings.Index(rest, head)
		if i < 0 {
			return false
		}
		rest = rest[i+len(head):]
		if !strings.HasPrefix(rest, ", ") && !strings.HasPrefix(rest, " (") {
			continue
		}
		window := rest[:min(len(rest), 80)]
		if end := strings.IndexAny(window, ".;:\n"); end >= 0 {
			window = window[:end]
		}
		if strings.Contains(window, name) {
			return true
		}
	}
}

// namedKindOnly are the body nouns that stand only for a body whose name
// holds them ("the ministry" for "the Defence Ministry"): unlike "the
// company" or "the alliance", which may stand for a body named anything
// ("Norrail", "NATO"), "the union" or "the police" say what kind of body
// speaks, and a body of another kind does not fit.
var namedKindOnly = map[string]bool{
	"police": true, "union": true, "agency": true, "ministry": true, "department": true, "council": true,
	"army": true, "military": true, "bank": true, "board": true, "office": true, "committee": true,
	"commission": true, "charity": true, "federation": true, "association": true, "authority": true,
	"government": true,
}

// bodyFits says whether a body's name may be what "the <head>" stands
// for: it holds no body noun other than head.
func bodyFits(name, head string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if bodyNouns[w] && w != head {
			return false
		}
	}
	return true
}

// mostSpeaking returns the body named most often as speaking in the event,
// the first by name of those tied.
func (px *personIndex) mostSpeaking() string { return px.mostSpeakingBody }

func (px *personIndex) findMostSpeaking() string {
	best, most := "", 0
	for name, n := range px.speakingBodies {
		if n > most || (n == most && name < best) {
			best, most = name, n
		}
	}
	return best
}

// bodyMention is a speaking body named in an article, ending at end.
type bodyMention struct {
	end  int
	name string
}

// orgFor returns the fullest known name of a body ending in words.
func (px *personIndex) orgFor(words []string) string {
	suffix := strings.ToLower(strings.Join(words, " "))
	// Only the names ending in the last word can end in them all.
	for _, i := range px.orgsByLast[suffix[strings.LastIndexByte(suffix, ' ')+1:]] {
		name := px.orgs[i]
		if l := strings.ToLower(name); l == suffix || strings.HasSuffix(l, " "+suffix) {
			return name
		}
	}
	return ""
}

// headNoun returns the lower-case head of a descriptive noun phrase: its
// last word before "of" or "for".
func headNoun(np []wtok) string {
	head := ""
	for _, t := range np {
		l := strings.ToLower(t.text)
		if pluralPossessive(t) {
			continue // the teachers' union
		}
		if l == "of" || l == "for" || l == "from" || l == "with" || t.punct {
			break
		}
		if !isStop(l) {
			head = strings.TrimSuffix(strings.TrimSuffix(l, "'s"), "’s")
		}
	}
	return head
}

// pluralPossessive says whether a token is the apostrophe of a plural
// possessive ("the teachers' union"): the only mark a description holds.
func pluralPossessive(t wtok) bool {
	return t.punct && (t.text == "'" || t.text == "’")
}

// describe finds the person a description fits best: one whose titles and
// appositives share its words, mentioned in the article before pos. Head
// is the description's headNoun.
func (f *speakerFinder) describe(np []wtok, head string, pos int) *person {
	if head == "" {
		return nil
	}
	switch head {
	case "spokeswoman", "spokesman", "spokesperson":
		// Unnamed here, perhaps named by another outlet: the one person
		// of the event described with all of these words.
		return f.px.uniqueDescribed(np)
	case "official", "officials", "source", "sources",
		"analyst", "analysts", "witness", "witnesses", "resident", "residents", "people", "critics", "experts":
		return nil // unnamed voices
	}
	syn := map[string][]string{
		"chief": {"head", "secretary", "leader", "director"}, "head": {"chief", "leader", "director"},
		"leader": {"head", "chief", "president", "secretary"}, "boss": {"chief", "head", "director", "ceo"},
	}
	var best *person
	bestScore := 0
	seen := map[*person]bool{}
	for _, m := range mentionsBefore(f.first, pos) {
		p := m.who
		if seen[p] {
			continue
		}
		seen[p] = true
		score := 0
		if p == f.last {
			score += 2
		}
		if p.context[head] {
			score += 3
		}
		for _, s := range syn[head] {
			if p.context[s] {
				score += 2
				break
			}
		}
		for _, t := range np {
			l := strings.ToLower(t.text)
			if l != head && !isStop(l) && p.context[l] {
				score++
			}
		}
		if score >= 3 && score >= bestScore { // later mentions win ties
			best, bestScore = p, score
		}
	}
	return best
}

// uniqueDescribed returns the one person of the event whose titles and
// appositives hold every content word of a description, or nil.
func (px *personIndex) uniqueDescribed(np []wtok) *person {
	var words []string
	for _, t := range np {
		l := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(t.text, "'s"), "’s"))
		if !t.punct && !isStop(l) {
			words = append(words, l)
		}
	}
	if len(words) == 0 {
		return nil
	}
	var found *person
	seen := map[*person]bool{}
	for _, p := range px.byName {
		if seen[p] {
			continue
		}
		seen[p] = true
		all := true
		for _, w := range words {
			all = all && p.context[w]
		}
		if all {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// mentionsBefore lists the people named in the article before pos, in
// text order: a prefix of ms, which is in text order.
func mentionsBefore(ms []mention, pos int) []mention {
	return ms[:sort.Search(len(ms), func(i int) bool { return ms[i].end > pos })]
}

// lastFitting returns the last person named before pos that fits a
// pronoun of gender want, or nil. A person who does not fit never will
// (only unknown genders are learnt), so each gender passes over a mention
// once for all its pronouns: the search costs linear time in all.
func (f *speakerFinder) lastFitting(want byte, pos int, fits func(*person) bool) *person {
	if f.passed == nil {
		f.passed = map[byte][]int{}
	}
	// up[i] leads from mention i-1 back towards the last one not yet
	// passed over; 0 is the start of the article.
	up := f.passed[want]
	if up == nil {
		up = make([]int, len(f.named)+1)
		for i := range up {
			up[i] = i
		}
		f.passed[want] = up
	}
	find := func(i int) int {
		for up[i] != i {
			up[i] = up[up[i]]
			i = up[i]
		}
		return i
	}
	for i := find(len(mentionsBefore(f.named, pos))); i > 0; i = find(i) {
		if p := f.named[i-1].who; fits(p) {
			return p
		}
		up[i] = i - 1
	}
	return nil
}

// pronoun resolves he/she/they to a person: the subject of its sentence
// when it is named before the pronoun, else the last speaker, else the
// last person named; a known gender must agree.
func (f *speakerFinder) pronoun(l string, pos int) *person {
	want := byte(0)
	switch l {
	case "he":
		want = 'm'
	case "she":
		want = 'f'
	}
	fits := func(p *person) bool { return p != nil && !p.org && (want == 0 || p.gender == 0 || p.gender == want) }
	if l == "it" {
		return nil // a body: see bodyBefore
	}
	learn := func(p *person) *person {
		if p.gender == 0 && want != 0 {
			p.gender = want
		}
		return p
	}
	if s := sentenceAt(f.a, pos); s != nil {
		// The sentence's subject, named before the pronoun.
		if ms := mentionsBefore(f.byLine[s.Index], pos); len(ms) > 0 && !ms[0].possessive && fits(ms[0].who) {
			return learn(ms[0].who)
		}
		if p := f.recentSubject(s, fits); p != nil {
			return learn(p)
		}
	}
	if fits(f.last) {
		return learn(f.last)
	}
	if p := f.lastFitting(want, pos, fits); p != nil {
		return learn(p)
	}
	return nil
}

// recentSubject returns the person the text was just about: the first
// person named in the nearest earlier sentence that names one, looking
// back through the sentence's paragraph and into the previous one
// ("Maren Tully had her youngest on the ward." / ""...," she said."). A
// speaker whose quotes fill this paragraph goes on instead.
func (f *speakerFinder) recentSubject(s *Sentence, fits func(*person) bool) *person {
	if f.lastPara == s.Paragraph && fits(f.last) {
		return nil
	}
	paras := 0
	for k := s.Index - 1; k >= 0 && k >= s.Index-4; k-- {
		if f.a.Sentences[k].Paragraph != f.a.Sentences[k+1].Paragraph {
			paras++
			if paras > 1 {
				break
			}
		}
		for _, m := range f.byLine[k] {
			if !m.possessive && fits(m.who) {
				return m.who
			}
		}
		if len(f.byLine[k]) > 0 {
			// Someone is named here, but not anyone who fits: stop.
			if paras > 0 {
				break
			}
		}
	}
	return nil
}

// bodyBefore returns the last body named in the sentence at pos (before
// pos) or in the sentence before it: what "they" or "it" stands for.
func (f *speakerFinder) bodyBefore(pos int) string {
	s := sentenceAt(f.a, pos)
	if s == nil {
		return ""
	}
	for k := s.Index; k >= 0 && k >= s.Index-1; k-- {
		sk := f.a.Sentences[k]
		end := sk.End
		if k == s.Index {
			end = pos
		}
		runs := f.bodyRuns(k)
		runs = runs[:sort.Search(len(runs), func(i int) bool { return runs[i].end > end })]
		if len(runs) > 0 {
			words := runs[len(runs)-1].words
			if full := f.px.orgFor(words); full != "" {
				return full
			}
			return strings.Join(words, " ")
		}
	}
	return ""
}

// groupBefore returns the group of people "they" at pos stands for, or
// "": the group that spoke last, in this sentence or the one before
// ("Residents said ... They said ..."), else a group opening this
// sentence before pos or the one before, alone or with where or whose
// they are ("Residents of Kettle Hill met on Monday. They said"), rather
// than the place or person named in that phrase. Members and officials
// are left to the body they speak for (see bodyBefore).
func (f *speakerFinder) groupBefore(pos int) string {
	s := sentenceAt(f.a, pos)
	if s == nil {
		return ""
	}
	if f.last == nil && f.lastName != "" && s.Index > 0 && f.lastPos >= f.a.Sentences[s.Index-1].Start && isGroupName(f.lastName) {
		return f.lastName
	}
	for k := s.Index; k >= 0 && k >= s.Index-1; k-- {
		toks := f.px.tokens(f.a, f.a.Sentences[k].Start, f.a.Sentences[k].End)
		i := 0
		for i < len(toks) && i < 2 && groupQuantifier(strings.ToLower(toks[i].text)) {
			i++
		}
		if i+1 >= len(toks) || toks[i].end > pos {
			continue
		}
		l := strings.ToLower(toks[i].text)
		if !peopleNouns[l] || memberNouns[l] || bodyNouns[l] || (isCapitalized(toks[i+1]) && !toks[i+1].punct) {
			continue
		}
		return l
	}
	return ""
}

// isGroupName says whether a speaker's name is a group of people named
// in lower case ("residents", "striking workers").
func isGroupName(name string) bool {
	last := name[strings.LastIndexByte(name, ' ')+1:]
	return name == strings.ToLower(name) && (peopleNouns[last] || pluralOfPeople(last))
}

// bodyRuns returns the runs of capitalized words naming bodies in sentence
// k, found once.
func (f *speakerFinder) bodyRuns(k int) []nameRun {
	if f.orgRuns == nil {
		f.orgRuns = map[int][]nameRun{}
	}
	runs, ok := f.orgRuns[k]
	if !ok {
		s := f.a.Sentences[k]
		for _, r := range f.px.runs(f.a, s.Start, s.End) {
			if r.org {
				runs = append(runs, r)
			}
		}
		f.orgRuns[k] = runs
	}
	return runs
}

// reportsClause says whether the words after a reporting verb report what
// was said: two words or more, not a figure alone ("organisers claimed
// 5,000"), and for "claimed" not a toll ("the conflict has claimed more
// than 4,200 lives").
func reportsClause(verb string, rest []wtok) bool {
	words := 0
	for k, t := range rest {
		if strings.ContainsFunc(t.text, unicode.IsLetter) {
			words++
		}
		if k < 8 && strings.HasPrefix(verb, "claim") {
			if w := strings.ToLower(t.text); w == "lives" || w == "life" {
				return false
			}
		}
	}
	return words >= 2
}

// reported finds speech reported without quotation marks in a sentence:
// "X said (that) ...", "according to X, ...".
func (f *speakerFinder) reported(s *Sentence) (Statement, bool) {
	toks := f.px.tokens(f.a, s.Start, s.End)
	if st, ok := f.fronted(s, toks); ok {
		return st, true
	}
	if st, ok := f.interrupted(s, toks); ok {
		return st, true
	}
	for i, t := range toks {
		if i > 200 {
			break // a reporting verb comes early in its sentence
		}
		l := strings.ToLower(t.text)
		if !reportingVerbs[l] || i == 0 || isCapitalized(t) || bareForm(toks, i) {
			continue
		}
		j := i
		for j > 0 && adverbTok(toks[j-1]) {
			j--
		}
		k := j
		for k > 0 && !clauseWord(strings.ToLower(toks[k-1].text)) && toks[k-1].text != ";" {
			k--
		}
		name, text, p, ok := f.resolve(toks[k:j], t.start)
		if !ok {
			name, text, p, ok = f.resolve(f.subject(toks[:i]), t.start)
		}
		if !ok || name == "" {
			continue
		}
		rest := toks[i+1:]
		if l == "told" || l == "tells" {
			rest = skipRecipient(rest)
		}
		for len(rest) > 0 && (strings.EqualFold(rest[0].text, "that") || rest[0].text == "," ||
			strings.EqualFold(rest[0].text, "reporters") || strings.EqualFold(rest[0].text, "journalists")) {
			rest = rest[1:]
		}
		rest = skipAdverbialThat(rest)
		if len(rest) < 3 || !reportsClause(l, rest) {
			continue
		}
		end := rest[len(rest)-1].end
		if rest[len(rest)-1].punct {
			end = rest[len(rest)-1].start
		}
		st := Statement{Sentence: s.Index, Speaker: name, SpeakerText: text, Verb: t.text,
			Parts: f.spans(Span{rest[0].start, end}), Start: rest[0].start, End: end, Text: f.a.Text[rest[0].start:end]}
		f.last, f.lastName, f.lastPara, f.lastPos = p, name, s.Paragraph, t.start
		return st, true
	}
	return Statement{}, false
}

// skipRecipient drops whom a speaker told from the words after "told":
// "told him", "told the Harbor Ledger", "told the local paper that".
func skipRecipient(rest []wtok) []wtok {
	if len(rest) == 0 {
		return rest
	}
	switch strings.ToLower(rest[0].text) {
	case "him", "her", "them", "us", "me", "reporters", "journalists":
		return rest[1:]
	}
	if r := npUntil(rest); len(r) > 0 && len(r) < len(rest) && strings.EqualFold(rest[len(r)].text, "that") {
		return rest[len(r):]
	}
	i := 0
	if strings.EqualFold(rest[0].text, "the") {
		i = 1
	}
	j := i
	for j < len(rest) && !rest[j].punct && isCapitalized(rest[j]) {
		j++
	}
	if j > i {
		return rest[j:]
	}
	return rest
}

// fronted finds speech reported before its attribution, which ends the
// sentence after a comma: "The spill has been contained, firefighters
// said.", "..., Ana Ruiz told the Harbor Ledger on Monday.", "..., said
// Ana Ruiz, the fire chief.", "..., according to the ministry."
func (f *speakerFinder) fronted(s *Sentence, toks []wtok) (Statement, bool) {
	body := toks
	for len(body) > 0 && body[len(body)-1].punct {
		body = body[:len(body)-1]
	}
	// The attribution is short: it follows one of the last commas.
	c := -1
	for i := len(body) - 1; i > 0 && i >= len(body)-16; i-- {
		if body[i].text == "," {
			c = i
			tail := body[i+1:]
			if len(tail) >= 2 && (verbAt(tail[0]) || (strings.EqualFold(tail[0].text, "according") && strings.EqualFold(tail[1].text, "to"))) {
				break // "said Ana Ruiz, the fire chief": the comma before "said"
			}
			if slices.ContainsFunc(tail, func(t wtok) bool { return reportingVerbs[t.text] }) {
				break
			}
		}
	}
	if c < 3 {
		return Statement{}, false
	}
	content, tail := body[:c], body[c+1:]
	if opensIntro(content) || !reportsClause("", content) || len(tail) < 2 {
		return Statement{}, false
	}
	// "Pell Orrin, who runs it, said ...": the subject and its clause,
	// not what was said.
	for i := 1; i < len(content); i++ {
		if l := strings.ToLower(content[i].text); content[i-1].text == "," && (l == "who" || l == "which" || l == "whose") {
			return Statement{}, false
		}
	}
	var np []wtok
	verb := tail[0]
	switch {
	case strings.EqualFold(tail[0].text, "according") && strings.EqualFold(tail[1].text, "to"):
		np = sourceNP(tail[2:])
		if len(np) == 0 || !onlyAside(tail[2+len(np):]) {
			return Statement{}, false
		}
	case reportingVerbs[tail[0].text]:
		// "said Ana Ruiz, the fire chief": a name, in capitals, and
		// not "said the volunteers were tired".
		np = npUntil(tail[1:])
		rest := tail[1+len(np):]
		if !onlyAside(rest) && !(len(rest) > 1 && rest[0].text == ",") {
			return Statement{}, false
		}
		if len(np) == 0 {
			return Statement{}, false
		}
		if slices.ContainsFunc(np, func(t wtok) bool { return !isCapitalized(t) && !isNameParticle(t.text) }) {
			// A description of someone may stand there too, with their
			// name after it or not: "said the unit's head, Dr Ana
			// Ruiz", "said a spokeswoman for the port".
			if !describesSpeaker(np) {
				return Statement{}, false
			}
			np = withAppositive(np, rest)
		}
	default:
		// "firefighters said", "Ana Ruiz told the Harbor Ledger on Monday"
		v := slices.IndexFunc(tail, func(t wtok) bool { return reportingVerbs[t.text] })
		if v < 1 {
			return Statement{}, false
		}
		verb = tail[v]
		np = trimAdverbs(tail[:v])
		rest := tail[v+1:]
		if verb.text == "told" || verb.text == "tells" {
			rest = rest[len(npUntil(rest)):] // whom: "told reporters", "told the Harbor Ledger"
		}
		if len(np) == 0 || !onlyAside(rest) || slices.ContainsFunc(np, func(t wtok) bool { return t.punct && !pluralPossessive(t) }) {
			return Statement{}, false
		}
	}
	name, text, p, ok := f.resolve(np, verb.start)
	if !ok || name == "" {
		return Statement{}, false
	}
	start, end := content[0].start, content[len(content)-1].end
	f.last, f.lastName, f.lastPara, f.lastPos = p, name, s.Paragraph, verb.start
	return Statement{Sentence: s.Index, Speaker: name, SpeakerText: text, Verb: verb.text,
		Parts: f.spans(Span{start, end}), Start: start, End: end, Text: f.a.Text[start:end]}, true
}

// describesSpeaker says whether a noun phrase after an inverted "said"
// describes someone: an article or a possessive opens it and its head is
// a noun for a person or a body ("the unit's head", "a spokeswoman for
// the port"), which "the volunteers were tired" is not.
func describesSpeaker(np []wtok) bool {
	switch det := strings.ToLower(np[0].text); {
	case det == "the" || det == "a" || det == "an" || det == "its" || det == "their":
	case len(np) > 1 && (strings.HasSuffix(det, "'s") || strings.HasSuffix(det, "’s")):
	default:
		return false
	}
	for _, t := range np {
		if verbAt(t) || clauseWord(strings.ToLower(t.text)) {
			return false
		}
	}
	return len(np) <= 8 && speakingNoun(phraseHead(np))
}

// interrupted finds speech whose attribution stands between commas inside
// it: "The spill, firefighters said, had been contained.", "The road,
// police said on Monday, will reopen on Friday.", "The spill, according
// to firefighters, had been contained." What was said is the words on
// both sides, in two parts; the attribution is no part of it.
func (f *speakerFinder) interrupted(s *Sentence, toks []wtok) (Statement, bool) {
	body := toks
	for len(body) > 0 && body[len(body)-1].punct {
		body = body[:len(body)-1]
	}
	for c1 := 1; c1 < len(body) && c1 <= 40; c1++ {
		if body[c1].text != "," {
			continue
		}
		c2 := c1 + 1
		for c2 < len(body) && c2 <= c1+13 && body[c2].text != "," {
			c2++
		}
		if c2 >= len(body) || body[c2].text != "," {
			continue
		}
		mid, before, after := body[c1+1:c2], body[:c1], body[c2+1:]
		if len(mid) < 2 || len(after) < 2 || opensIntro(before) || clauseWord(strings.ToLower(after[0].text)) ||
			!reportsClause("", after) {
			continue
		}
		var np, rest []wtok
		verb := mid[0]
		if strings.EqualFold(mid[0].text, "according") && strings.EqualFold(mid[1].text, "to") {
			np = sourceNP(mid[2:])
			rest = mid[2+len(np):]
		} else {
			v := slices.IndexFunc(mid, func(t wtok) bool { return reportingVerbs[t.text] })
			if v < 1 {
				continue
			}
			verb, np, rest = mid[v], trimAdverbs(mid[:v]), mid[v+1:]
			if verb.text == "told" || verb.text == "tells" {
				rest = rest[len(npUntil(rest)):] // "told reporters"
			}
		}
		if len(np) == 0 || !onlyAside(rest) || slices.ContainsFunc(np, func(t wtok) bool {
			return (t.punct && !pluralPossessive(t)) || clauseWord(strings.ToLower(t.text))
		}) {
			continue // "Ana Ruiz, who police said was there, left"
		}
		name, text, p, ok := f.resolve(np, verb.start)
		if !ok || name == "" {
			continue
		}
		parts := f.spans(Span{before[0].start, before[len(before)-1].end}, Span{after[0].start, after[len(after)-1].end})
		f.last, f.lastName, f.lastPara, f.lastPos = p, name, s.Paragraph, verb.start
		return Statement{Sentence: s.Index, Speaker: name, SpeakerText: text, Verb: verb.text, Parts: parts,
			Start: parts[0].Start, End: parts[1].End,
			Text: f.a.Text[parts[0].Start:parts[0].End] + " " + f.a.Text[parts[1].Start:parts[1].End]}, true
	}
	return Statement{}, false
}

// onlyAside says whether the words after an attribution at a sentence's
// end say only when, where or how: "on Monday", "at the scene", "in a
// statement", or nothing.
func onlyAside(rest []wtok) bool {
	if len(rest) == 0 {
		return true
	}
	if len(rest) > 8 || !adverbialStarts[strings.ToLower(rest[0].text)] {
		return false
	}
	for _, t := range rest {
		if t.punct || strings.EqualFold(t.text, "that") || verbAt(t) {
			return false
		}
	}
	return true
}

// skipAdverbialThat drops a time or place and the "that" after it from
// the start of what a verb reports: "warned on Thursday that talks had
// failed", "said at a conference in Moscow that ..." report "talks had
// failed" and what follows "that".
func skipAdverbialThat(rest []wtok) []wtok {
	if len(rest) == 0 || !adverbialStarts[strings.ToLower(rest[0].text)] {
		return rest
	}
	for k := 1; k < len(rest) && k <= 12; k++ {
		switch {
		case rest[k].punct:
			return rest // a clause of its own: "said on Friday, in Berlin, ..."
		case strings.EqualFold(rest[k].text, "that"):
			return rest[k+1:]
		}
	}
	return rest
}

// adverbialStarts begin a time or a place after a reporting verb.
var adverbialStarts = map[string]bool{
	"on": true, "at": true, "in": true, "during": true, "after": true, "before": true,
	"earlier": true, "later": true, "last": true, "yesterday": true, "today": true,
	"this": true, "late": true, "separately": true, "publicly": true, "privately": true,
	"repeatedly": true, "previously": true, "recently": true, "again": true, "also": true,
}

// firstNames are common given names by gender, for pronouns: "she said"
// is not the man named in the sentence before.
var firstNames = map[string]byte{}

func init() {
	for _, n := range strings.Fields(`james john robert michael william david richard joseph thomas charles
		christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
		edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
		brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron henry
		peter adam nathan carl arthur walter harold roger oskar oscar tomas tom piet pieter hans karl klaus
		jan lars erik sven anders olaf ivan dmitri sergei vladimir anatoly nikolay nikolai mikhail alexei
		boris igor yuri pavel andrei viktor ahmed mohammed muhammad ali omar hassan yusuf ibrahim jean pierre
		jacques louis francois luca marco giovanni giuseppe antonio carlos jose juan luis miguel pedro diego
		pablo rafael manuel henrik radan aras dorian milan stefan emil felix max leon noah liam ethan hugo
		victor simon martin bruno otto rolf dirk joost wim bram ruben dario mateo tobias elias`) {
		firstNames[n] = 'm'
	}
	for _, n := range strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
		nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
		deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
		nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather
		diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl
		andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison
		doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
		brittany natalie isabella charlotte rose alexis kayla ilse ilona marta mira halina nadia lara anneke
		ana ines elena irina olga natalia tatiana svetlana ingrid astrid greta freya sofia lucia isabel
		carmen rosa fatima aisha leila yasmin mariam sabine petra monika ursula birgit anke renate heidi
		claire sophie camille chloe amelie lea giulia francesca chiara valentina agnes edith ida hilde
		kristin liv sigrid nora signe maja alma elsa clara lena mia ella zoe ava chen mei`) {
		firstNames[n] = 'f'
	}
}

// firstNameGender guesses a person's gender from a common first name, or 0.
func firstNameGender(name string) byte {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 2 {
		return 0
	}
	return firstNames[f[0]]
}

// lowerTitleNoun says whether a word in lower case right before a name is
// the person's title: "chief" in "fire chief Ana Ruiz".
func lowerTitleNoun(w string) bool {
	switch w {
	case "leader", "boss", "head", "officer", "executive", "founder", "editor", "analyst", "economist",
		"professor", "minister", "organiser", "organizer", "campaigner", "activist", "engineer":
		return true
	}
	return personTitles[w]
}
