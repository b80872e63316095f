package compare

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/lexicon"
)

// Flag is one lexicon term found in an article.
type Flag struct {
	Outlet string
	// Sentence is the body sentence's index, or -1 for the headline.
	Sentence int
	// Term is the lexicon's term; Text the words as written.
	Term, Text string
	// Category or Concept names the lexicon group; one is set.
	Category, Concept string
	Tone              string
	// Scope is where the words stand: narration, quote or headline.
	Scope string
	// Start and End are byte offsets into the article's Text, or for the
	// headline (Sentence -1) into the headline.
	Start, End int
	Note       string
	Suggest    []string
}

// WordChoice is a place where aligned sentences use different terms of one
// concept or category: the same thing named differently.
type WordChoice struct {
	// Alignment is the alignment id, or "headline".
	Alignment string
	// Category or Concept names the lexicon group; one is set.
	Category, Concept string
	// Choices are each outlet's term, in article order.
	Choices []Choice
}

// Choice is one outlet's term in a word choice.
type Choice struct {
	Outlet, Term, Text string
	Tone, Note         string
}

// ConceptUse counts how often an outlet uses a term of a concept in its own
// words (narration and headline).
type ConceptUse struct {
	Concept, Term string
	Count         int
}

// ToneCount counts an outlet's flags in its own words for one category and
// tone, and per 1,000 words of narration.
type ToneCount struct {
	Category, Tone string
	Count          int
	PerThousand    float64
}

// findFlags runs the lexicon over every headline and sentence.
func findFlags(articles []Article, lex *lexicon.Lexicon, stems map[string]string) []Flag {
	m := lex.Matcher()
	// Each article is scanned on its own (a scanner is not safe for
	// concurrent use, so each goroutine takes one from the pool); the flags
	// are then listed in article order. Scanners read the stems known
	// already and keep those they work out.
	perArticle := make([][]Flag, len(articles))
	scanners := sync.Pool{New: func() any {
		sc := m.Scanner()
		sc.ReadStems(stems)
		return sc
	}}
	each(len(articles), func(i int) {
		sc := scanners.Get().(*lexicon.Scanner)
		perArticle[i] = articleFlags(&articles[i], sc)
		scanners.Put(sc)
	})
	var flags []Flag
	for _, fs := range perArticle {
		flags = append(flags, fs...)
	}
	return flags
}

// articleFlags finds the lexicon's terms in one article's headline and
// sentences.
func articleFlags(a *Article, sc *lexicon.Scanner) []Flag {
	var flags []Flag
	add := func(sentence, base int, hs []lexicon.Hit) {
		for _, h := range hs {
			flags = append(flags, Flag{
				Outlet: a.ID, Sentence: sentence, Term: h.Term, Text: h.Text,
				Category: h.Category, Concept: h.Concept, Tone: h.Tone, Scope: string(h.Scope),
				Start: base + h.Start, End: base + h.End, Note: h.Note, Suggest: h.Suggest,
			})
		}
	}
	if a.Headline != "" {
		add(-1, 0, sc.Find(lexicon.Text{Text: a.Headline, Headline: true}))
	}
	// The quotes' parts, in text order: they never overlap, so both their
	// starts and their ends rise.
	var parts []Span
	for _, q := range a.Quotes {
		parts = append(parts, q.Parts...)
	}
	for _, s := range a.Sentences {
		// Words inside the article's quotations are the speaker's.
		spans := [][2]int{}
		k := sort.Search(len(parts), func(k int) bool { return parts[k].End > s.Start })
		for ; k < len(parts) && parts[k].Start < s.End; k++ {
			p := parts[k]
			spans = append(spans, [2]int{max(p.Start, s.Start) - s.Start, min(p.End, s.End) - s.Start})
		}
		add(s.Index, s.Start, sc.Find(lexicon.Text{Text: s.Text, QuoteSpans: spans}))
	}
	return flags
}

// Word choices are found per claim (an alignment, or the headlines) and
// lexicon group (a concept or a category), in the outlets' own words only
// (narration and headline, not what they quote). A claim has a word
// choice in a group when something shows that two of its outlets name one
// thing with different terms of the group:
//
//   - a replacement in the word diff of an outlet against the reference
//     sets a term against another term of the group, or against an
//     alternative the term's entry suggests ("thugs" where another outlet
//     wrote "youths"); or
//   - two outlets each use one term of the group and no other, and the
//     terms differ, however each words the rest of its sentence ("said"
//     and "claimed" where one puts the speaker first and the other last).
//     This needs no diff, so it does not depend on the reference; or
//   - for a concept, one outlet uses one term alone and another names the
//     thing only with other terms of the concept ("Rebels" beside
//     "terrorists" and "militant"); or
//   - the words around them pair two outlets' terms, where one of them
//     uses several terms of the group, or a term and an alternative its
//     entry suggests written by an outlet that uses no term of the group
//     (see anchoredPairs). This needs no diff either; its pairs come
//     before the diff's.
//
// A long replacement that holds a term on both sides pairs it with no
// other term: the same term is its counterpart.
//
// Two terms that a third outlet uses side by side in the claim name two
// things there (the authority "said", the union "warned"), and set up no
// choice. A category's terms need not name one thing at all (a verb for
// the bottles thrown and one for the windows smashed), so for a category
// two outlets' terms must also stand near a content word they share
// ("Rasmussen said", "Rasmussen insisted"), and so must two terms that a
// long replacement pairs unless both stand at the same end of it.
// Headlines need not say the same thing: in them a category counts only
// where the diff pairs its terms, and lists only the outlets paired.
//
// A claim with a word choice lists every member outlet that uses a term
// of the group there, one term each: its only term; else the one the diff
// paired; else one of the terms that show the choice (core), then the one
// most outlets use alone, then its first. Left out is an outlet whose only
// term of a category is one that another outlet uses beside a core term:
// it names the other thing; so is one whose terms of a category stand
// near no content word that another outlet's core term stands near (the
// windows "smashed" beside the bottles "hurled"): they say something
// else. An outlet that writes an alternative the diff found is listed
// with it, and, for a category, so is one that writes an alternative a
// core term's entry suggests near such a content word ("threw bottles").

// anchorWords is how many words either side of a category's term are
// looked at for a content word that another outlet's term stands near.
const anchorWords = 4

// tightWords is how many words of a long replacement may stand between
// its end and a term for the term to count as at that end.
const tightWords = 2

// choiceKey names one claim's lexicon group.
type choiceKey struct{ alignment, category, concept string }

// choicePick is an outlet's term in a word choice, and whether it is an
// alternative a lexicon entry suggests rather than a term of the group.
type choicePick struct {
	Choice
	alt bool
	// flag is the term's index in Result.Flags (-1 for an alternative);
	// long says the replacement that paired it is longer than a swap of
	// a few words, and then lead and trail count the words before and
	// after the term in the replacement's side.
	flag        int
	long        bool
	lead, trail int
	// anchored says the words around the terms paired them (see
	// anchoredPairs), not the diff.
	anchored bool
}

// choiceFinder holds what findWordChoices reads, indexed.
type choiceFinder struct {
	res  *Result
	byID map[string]*Article
	// own are each outlet's flags in its own words that name one group, as
	// indexes into res.Flags: headline flags first, then by sentence and
	// offset; bodyAt is where the body's flags start.
	own     map[string][]int
	bodyAt  map[string]int
	fs      *featureSet // made when first needed
	scratch claimScratch
	// quoteParts are each outlet's quotations' parts, in text order, as
	// first needed.
	quoteParts map[string][]Span
	// stems and tokens are anchors' working space; tokens are those of
	// the sentence tokensSentence of tokensOutlet.
	stems          []string
	tokens         []diffToken
	tokensOutlet   string
	tokensSentence int
}

// findWordChoices finds each claim's word choices (see above), in claim
// order (headlines first), then by concept and category; each lists its
// outlets in article order.
func findWordChoices(res *Result) []WordChoice {
	cf := &choiceFinder{res: res, byID: map[string]*Article{}, own: map[string][]int{}, bodyAt: map[string]int{},
		quoteParts: map[string][]Span{}}
	for i := range res.Articles {
		cf.byID[res.Articles[i].ID] = &res.Articles[i]
	}
	for k := range res.Flags {
		f := &res.Flags[k]
		if f.Scope == string(lexicon.Quote) || (f.Concept == "") == (f.Category == "") {
			continue
		}
		cf.own[f.Outlet] = append(cf.own[f.Outlet], k)
	}
	for o, fl := range cf.own {
		// findFlags makes them in this order; sorted in case it changes.
		less := func(i, j int) bool {
			a, b := &res.Flags[fl[i]], &res.Flags[fl[j]]
			if a.Sentence != b.Sentence {
				return a.Sentence < b.Sentence
			}
			return a.Start < b.Start
		}
		if !sort.SliceIsSorted(fl, less) {
			sort.SliceStable(fl, less)
		}
		cf.bodyAt[o] = sort.Search(len(fl), func(i int) bool { return res.Flags[fl[i]].Sentence >= 0 })
	}
	paired := cf.diffPairs()
	var out []WordChoice
	if h := res.Headlines; h != nil {
		members := make([]Member, len(h.Members))
		for i, m := range h.Members {
			members[i] = Member{Outlet: m.Outlet}
		}
		out = cf.claimChoices(out, "headline", members, paired)
	}
	for _, g := range res.Alignments {
		out = cf.claimChoices(out, g.ID, g.Members, paired)
	}
	return out
}

// stemmer returns the feature set whose stems the finder uses.
func (cf *choiceFinder) stemmer() *featureSet {
	if cf.fs == nil {
		cf.fs = newFeatureSet()
	}
	return cf.fs
}

// flagsIn returns an outlet's own flags in one sentence (-1: the headline).
func (cf *choiceFinder) flagsIn(outlet string, sentence int) []int {
	fl := cf.own[outlet]
	i := sort.Search(len(fl), func(i int) bool { return cf.res.Flags[fl[i]].Sentence >= sentence })
	j := i
	for j < len(fl) && cf.res.Flags[fl[j]].Sentence == sentence {
		j++
	}
	return fl[i:j]
}

// within returns an outlet's own flags that lie between start and end in
// its headline or body.
func (cf *choiceFinder) within(outlet string, headline bool, start, end int) []int {
	if start < 0 {
		return nil
	}
	fl := cf.own[outlet]
	if at := cf.bodyAt[outlet]; headline {
		fl = fl[:at]
	} else {
		fl = fl[at:]
	}
	var out []int
	for i := sort.Search(len(fl), func(i int) bool { return cf.res.Flags[fl[i]].Start >= start }); i < len(fl) && cf.res.Flags[fl[i]].Start < end; i++ {
		if cf.res.Flags[fl[i]].End <= end {
			out = append(out, fl[i])
		}
	}
	return out
}

// diffPairs looks in every replacement of the word diffs for a term on one
// side and a different term of its group on the other, or an alternative
// its entry suggests, and lists the pairs so found per claim and group,
// in the diffs' order.
func (cf *choiceFinder) diffPairs() map[choiceKey][][2]choicePick {
	flags := cf.res.Flags
	paired := map[choiceKey][][2]choicePick{}
	// suggested says whether text is one of the flag's suggested
	// alternatives, and which.
	suggested := func(f *Flag, text string) (string, bool) {
		words := swapWords(text)
		if len(f.Suggest) == 0 || words == "" {
			return "", false
		}
		for _, alt := range f.Suggest {
			if a := swapWords(alt); a == words || sameStems(cf.stemmer(), a, words) {
				return alt, true
			}
		}
		return "", false
	}
	for _, d := range cf.res.Differences {
		headline := d.Group == "headline"
		for _, op := range d.Ops {
			if op.Op != OpReplace {
				continue
			}
			fromFlags := cf.within(d.From, headline, op.FromStart, op.FromEnd)
			toFlags := cf.within(d.To, headline, op.ToStart, op.ToEnd)
			if len(fromFlags) == 0 && len(toFlags) == 0 {
				continue // most replacements: no flag on either side
			}
			// Pair each flag on one side with the first flag of its
			// concept or category on the other that has another term. A
			// flag has a concept or a category, so the first two terms of
			// each group on the other side are all the pairing needs,
			// however long the replacement.
			firstTerms := map[choiceKey][2]int{}
			for i, k := range toFlags {
				tf := &flags[k]
				key := choiceKey{d.Group, tf.Category, tf.Concept}
				ft, ok := firstTerms[key]
				switch {
				case !ok:
					firstTerms[key] = [2]int{i, -1}
				case ft[1] < 0 && !strings.EqualFold(flags[toFlags[ft[0]]].Term, tf.Term):
					firstTerms[key] = [2]int{ft[0], i}
				}
			}
			long := countWords(op.FromText) > maxSwapWords || countWords(op.ToText) > maxSwapWords
			// terms are the terms (in lower case) on each side, as first
			// needed.
			var terms [2]map[string]bool
			sideTerms := func(side int) map[string]bool {
				if terms[side] == nil {
					terms[side] = map[string]bool{}
					for _, k := range [2][]int{fromFlags, toFlags}[side] {
						terms[side][strings.ToLower(flags[k].Term)] = true
					}
				}
				return terms[side]
			}
			done := map[choiceKey]bool{}
			for _, k := range fromFlags {
				ff := &flags[k]
				key := choiceKey{d.Group, ff.Category, ff.Concept}
				ft, ok := firstTerms[key]
				if !ok || done[key] {
					continue
				}
				t := ft[0]
				if strings.EqualFold(ff.Term, flags[toFlags[t]].Term) {
					if t = ft[1]; t < 0 {
						continue
					}
				}
				if long && (sideTerms(1)[strings.ToLower(ff.Term)] || sideTerms(0)[strings.ToLower(flags[toFlags[t]].Term)]) {
					// A rewritten stretch that holds a term on both
					// sides: that is its counterpart ("340 prisoners
					// will be exchanged" beside "130 soldiers they have
					// held hostage, in exchange for 210 prisoners").
					continue
				}
				from, to := choicePick{Choice: choiceOf(ff), flag: k}, choicePick{Choice: choiceOf(&flags[toFlags[t]]), flag: toFlags[t]}
				if long {
					from.long, to.long = true, true
					from.lead, from.trail = countWords(op.FromText[:ff.Start-op.FromStart]), countWords(op.FromText[ff.End-op.FromStart:])
					tf := &flags[toFlags[t]]
					to.lead, to.trail = countWords(op.ToText[:tf.Start-op.ToStart]), countWords(op.ToText[tf.End-op.ToStart:])
				}
				paired[key] = append(paired[key], [2]choicePick{from, to})
				done[key] = true
			}
			// A flagged term swapped for one of the alternatives its entry
			// suggests ("thugs" where another outlet wrote "youths") is a
			// word choice too, though the alternative is not in the lexicon:
			// the other side must hold no term of its group, and the
			// alternative must be that side, or
			// stand at the same end of it as the term of its own ("a group
			// of protesters at the gate threw" where another outlet wrote
			// "rioters at Gate 4 hurled"; "would eliminate" and "will wipe
			// out").
			// counts are the flags of each group on each side, as first
			// needed.
			var counts map[choiceKey][2]int
			count := func(key choiceKey) [2]int {
				if counts == nil {
					counts = map[choiceKey][2]int{}
					for side, fl := range [2][]int{fromFlags, toFlags} {
						for _, k := range fl {
							key := choiceKey{d.Group, flags[k].Category, flags[k].Concept}
							c := counts[key]
							c[side]++
							counts[key] = c
						}
					}
				}
				return counts[key]
			}
			// sides are the words of each side, as first needed.
			var sides [2][]diffToken
			sideWords := func(side int) []diffToken {
				if sides[side] == nil {
					text := op.FromText
					if side == 1 {
						text = op.ToText
					}
					sides[side] = replacementWords(text)
				}
				return sides[side]
			}
			for side := range 2 {
				fl, other := fromFlags, d.To
				start, otherText, otherStart := op.FromStart, op.ToText, op.ToStart
				if side == 1 {
					fl, other = toFlags, d.From
					start, otherText, otherStart = op.ToStart, op.FromText, op.FromStart
				}
				for _, k := range fl {
					f := &flags[k]
					if len(f.Suggest) == 0 {
						continue
					}
					key := choiceKey{d.Group, f.Category, f.Concept}
					if done[key] || count(key)[1-side] != 0 {
						continue
					}
					ws := sideWords(side)
					lead := sort.Search(len(ws), func(i int) bool { return ws[i].end > f.Start-start })
					trail := len(ws) - sort.Search(len(ws), func(i int) bool { return ws[i].start >= f.End-start })
					alt, span, ok := "", "", false
					if len(sideWords(1-side)) <= maxSwapWords {
						alt, ok = suggested(f, otherText)
						span = strings.TrimSpace(otherText)
					}
					if !ok {
						alt, span, ok = cf.suggestedAt(f, other, headline, otherText, sideWords(1-side), otherStart, lead, trail)
					}
					if !ok {
						continue
					}
					done[key] = true
					paired[key] = append(paired[key], [2]choicePick{{Choice: choiceOf(f), flag: k},
						{Choice: Choice{Outlet: other, Term: alt, Text: span}, alt: true, flag: -1}})
				}
			}
		}
	}
	return paired
}

// replacementWords returns the words of text (not its punctuation), with their
// offsets in text; never nil.
func replacementWords(text string) []diffToken {
	ws := []diffToken{}
	for _, t := range diffTokens(text, 0) {
		if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsLetter(r) || unicode.IsDigit(r) {
			ws = append(ws, t)
		}
	}
	return ws
}

// suggestedAt looks among words, those of one side of a replacement, text
// (at offset base of an outlet's headline or body), for an alternative
// flag f's entry suggests, outside quotations, standing within tightWords
// words of the end of text that the term stands near in its own side
// (lead and trail words before and after it). It returns the alternative
// and the words found.
func (cf *choiceFinder) suggestedAt(f *Flag, outlet string, headline bool, text string, words []diffToken, base, lead, trail int) (string, string, bool) {
	front, back := lead <= tightWords, trail <= tightWords
	if !front && !back {
		return "", "", false
	}
	for _, alt := range f.Suggest {
		want := swapWords(alt)
		n := len(strings.Fields(want))
		places := len(words) - n + 1 // where the alternative may start
		// Only the places near the ends: tightWords+1 at the front, and
		// as many at the back.
		for i := 0; i < places; i++ {
			if i > tightWords && i < places-1-tightWords {
				if !back {
					break
				}
				i = places - 1 - tightWords
			}
			if !(front && i <= tightWords) && !(back && places-1-i <= tightWords) {
				continue
			}
			if !headline && (cf.quoted(outlet, base+words[i].start) || cf.quoted(outlet, base+words[i+n-1].start)) {
				continue
			}
			span := text[words[i].start:words[i+n-1].end]
			if got := swapWords(span); got == want || sameStems(cf.stemmer(), got, want) {
				return alt, span, true
			}
		}
	}
	return "", "", false
}

// quoted says whether a byte offset in an outlet's body lies inside one of
// its quotations.
func (cf *choiceFinder) quoted(outlet string, pos int) bool {
	parts, ok := cf.quoteParts[outlet]
	if !ok {
		for _, q := range cf.byID[outlet].Quotes {
			parts = append(parts, q.Parts...)
		}
		cf.quoteParts[outlet] = parts
	}
	k := sort.Search(len(parts), func(k int) bool { return parts[k].End > pos })
	return k < len(parts) && parts[k].Start <= pos
}

// choiceOf is a flag's term as a choice.
func choiceOf(f *Flag) Choice {
	return Choice{Outlet: f.Outlet, Term: f.Term, Text: f.Text, Tone: f.Tone, Note: f.Note}
}

// groupUse is every member outlet's own flags of one group in a claim.
type groupUse struct {
	key choiceKey
	// flags are indexes into Result.Flags, by member and in text order;
	// member holds each one's member index.
	flags, member []int
	// terms are, in member order, the terms members use alone (one term
	// of the group and no other); alone counts the members that use each
	// so; termOf is each member's: an index into terms, or -1 for none and
	// -2 for two terms or more.
	terms  []string
	alone  []int
	termOf []int
	// core are the terms that show the group's word choice.
	core []string
}

// isCore says whether a term is one of g.core.
func (g *groupUse) isCore(term string) bool {
	return slices.ContainsFunc(g.core, func(t string) bool { return strings.EqualFold(t, term) })
}

// of returns the flags of member mi.
func (g *groupUse) of(mi int) []int {
	i := sort.SearchInts(g.member, mi)
	j := i
	for j < len(g.member) && g.member[j] == mi {
		j++
	}
	return g.flags[i:j]
}

// termIndex returns the index of a term in g.terms, or -1.
func (g *groupUse) termIndex(term string) int {
	for i, t := range g.terms {
		if strings.EqualFold(t, term) {
			return i
		}
	}
	return -1
}

// claimScratch is claimChoices' working space, reused from one claim to
// the next.
type claimScratch struct {
	at             map[choiceKey]int
	groups         []groupUse
	entries        [][3]int // group, member, flag
	flags, member  []int
	termOf, counts []int
}

// claimChoices appends the word choices of one claim: an alignment's
// members, or the headlines' (members without sentences).
func (cf *choiceFinder) claimChoices(out []WordChoice, id string, members []Member, paired map[choiceKey][][2]choicePick) []WordChoice {
	headline := id == "headline"
	flags := cf.res.Flags
	sc := &cf.scratch
	if sc.at == nil {
		sc.at = map[choiceKey]int{}
	}
	clear(sc.at)
	sc.groups, sc.entries = sc.groups[:0], sc.entries[:0]
	use := func(mi int, k int) {
		f := &flags[k]
		key := choiceKey{id, f.Category, f.Concept}
		g, ok := sc.at[key]
		if !ok {
			g = len(sc.groups)
			sc.at[key] = g
			sc.groups = append(sc.groups, groupUse{key: key})
		}
		sc.entries = append(sc.entries, [3]int{g, mi, k})
	}
	for mi, m := range members {
		if headline {
			for _, k := range cf.flagsIn(m.Outlet, -1) {
				use(mi, k)
			}
			continue
		}
		for _, s := range m.Sentences {
			for _, k := range cf.flagsIn(m.Outlet, s) {
				use(mi, k)
			}
		}
	}
	// Each group's flags, by member, in one buffer.
	n := len(sc.entries)
	sc.flags, sc.member = slices.Grow(sc.flags[:0], n)[:n], slices.Grow(sc.member[:0], n)[:n]
	sc.counts = slices.Grow(sc.counts[:0], len(sc.groups))[:len(sc.groups)]
	clear(sc.counts)
	for _, e := range sc.entries {
		sc.counts[e[0]]++
	}
	at := 0
	for gi, c := range sc.counts {
		g := &sc.groups[gi]
		g.flags, g.member = sc.flags[at:at:at+c], sc.member[at:at:at+c]
		at += c
	}
	for _, e := range sc.entries {
		g := &sc.groups[e[0]]
		g.flags, g.member = append(g.flags, e[2]), append(g.member, e[1])
	}
	sc.termOf = slices.Grow(sc.termOf[:0], len(members))[:len(members)]

	start := len(out)
	for gi := range sc.groups {
		g := &sc.groups[gi]
		outlets := 0 // members that use a term of the group
		for i, mi := range g.member {
			if i == 0 || mi != g.member[i-1] {
				outlets++
			}
		}
		if outlets < 2 && len(paired[g.key]) == 0 && (headline || outlets == len(members) || !g.suggests(flags)) {
			continue // no two outlets to set side by side
		}
		category := g.key.category != ""
		g.termOf = sc.termOf
		for mi := range g.termOf {
			g.termOf[mi] = -1
		}
		var several [][]int // the flags of members that use two terms or more
		for i := 0; i < len(g.member); {
			mi, j := g.member[i], i+1
			for j < len(g.member) && g.member[j] == mi {
				j++
			}
			fl := g.flags[i:j]
			i = j
			if t, ok := cf.singleTerm(fl); ok {
				k := g.termIndex(t)
				if k < 0 {
					k = len(g.terms)
					g.terms, g.alone = append(g.terms, t), append(g.alone, 0)
				}
				g.alone[k]++
				g.termOf[mi] = k
			} else {
				several = append(several, fl)
				g.termOf[mi] = -2
			}
		}
		found := paired[g.key]
		if !headline {
			if ap := cf.anchoredPairs(g, members, len(several) > 0); len(ap) > 0 {
				found = append(ap, found...)
			}
		}
		pairs := cf.notePairs(found, g, several)
		// apart says whether no member uses both of two terms: one that
		// does shows they name two things there.
		apart := func(i, j int) bool {
			for _, fl := range several {
				if cf.uses(fl, g.terms[i]) && cf.uses(fl, g.terms[j]) {
					return false
				}
			}
			return true
		}
		// core are the terms that show the choice: those the diff paired,
		// or two that members use alone.
		var core []string
		if len(pairs) > 0 {
			for _, p := range pairs {
				if !p.alt && !slices.ContainsFunc(core, func(t string) bool { return strings.EqualFold(t, p.Term) }) {
					core = append(core, p.Term)
				}
			}
		} else if !category && len(g.terms) == 1 {
			// A concept's one term that members use alone, and another
			// member that names the thing with other terms of it only
			// ("Rebels" where another outlet writes "terrorists" and
			// "militant"): the first of those is the other choice.
			k := slices.IndexFunc(several, func(fl []int) bool { return !cf.uses(fl, g.terms[0]) })
			if k < 0 {
				continue
			}
			core = []string{g.terms[0], flags[several[k][0]].Term}
		} else {
			if headline && category || len(g.terms) < 2 {
				continue
			}
			i, j, ok := cf.singlesDiffer(g, apart, category)
			if !ok {
				continue
			}
			core = []string{g.terms[i], g.terms[j]}
		}
		g.core = core
		// aside says whether a member that uses one term of a category
		// alone names something else: a member uses the term beside a core
		// term, as two attribution verbs for two speakers.
		aside := func(mi int) bool {
			i := g.termOf[mi]
			if !category || i < 0 || g.isCore(g.terms[i]) {
				return false
			}
			for _, fl := range several {
				if cf.uses(fl, g.terms[i]) && slices.ContainsFunc(core, func(t string) bool { return cf.uses(fl, t) }) {
					return true
				}
			}
			return false
		}
		var coreNear map[string]int // see nearCore
		wc := WordChoice{Alignment: id, Category: g.key.category, Concept: g.key.concept,
			Choices: make([]Choice, 0, outlets+len(pairs))}
		var alts []string
		for _, p := range pairs {
			if p.alt {
				alts = append(alts, p.Term)
			}
		}
		sort.Strings(alts)
		for mi, m := range members {
			fl := g.of(mi)
			p, noted := pairs[m.Outlet]
			switch {
			case headline && category || len(fl) == 0 && noted:
				if noted {
					wc.Choices = append(wc.Choices, p.Choice)
				}
			case !noted && aside(mi):
				// It names the other thing: left out.
			case len(fl) > 0 && (!category || headline || cf.nearCore(g, mi, fl, &coreNear)):
				wc.Choices = append(wc.Choices, cf.pick(g, fl, p, noted))
			case noted:
				// Its terms say something else; the diff paired the plain
				// word it wrote for the same thing.
				wc.Choices = append(wc.Choices, p.Choice)
			default:
				// No term of the group, or a category's terms that say
				// something else (a verb for the windows "smashed" beside
				// the bottles others "hurled" and "pelted"): an
				// alternative the diff found, or, for a category, one a
				// core term's entry suggests, written about the same thing.
				if c, ok := cf.alternativeIn(m, alts, nil); ok {
					wc.Choices = append(wc.Choices, c)
				} else if category && !headline {
					if c, ok := cf.coreAlternative(g, m, mi, &coreNear); ok {
						wc.Choices = append(wc.Choices, c)
					}
				}
			}
		}
		if differentTerms(wc.Choices) {
			out = append(out, wc)
		}
	}
	slices.SortStableFunc(out[start:], func(a, b WordChoice) int {
		if c := strings.Compare(a.Concept, b.Concept); c != 0 {
			return c
		}
		return strings.Compare(a.Category, b.Category)
	})
	return out
}

// notePairs returns, per outlet, its term in the first of the diff's
// pairs it takes part in. A pair of two outlets that both use both its
// terms in the claim is left out: the diff crossed two things each names
// alike ("torched" a booth and "smashed" windows, in other orders); so is
// a pair whose two terms a third outlet uses side by side, which shows
// they name two things there (one speaker "said", another "warned"). So is
// a pair of a category's terms in the body that a long replacement set
// side by side, unless both stand at the same end of it (within
// tightWords words) or near a content word they share: in a rewritten
// sentence the diff pairs the first terms it meets, which may be two
// speakers' verbs. For the same reason such a pair is left out when one
// of its outlets writes the other's term earlier in the same sentence, and
// in the claim as often as the other does: that term is the counterpart,
// and the one the diff paired reports something more ("Arlo said
// automation is not a choice, warning that ..." where another outlet has
// only "he said"); so is a pair of a category's terms that the words
// around them paired (see anchoredPairs) and that this shows the same.
func (cf *choiceFinder) notePairs(pairs [][2]choicePick, g *groupUse, several [][]int) map[string]choicePick {
	if len(pairs) == 0 {
		return nil
	}
	// Only members that use two terms or more (several) can use both
	// terms of a pair.
	both := func(a, b choicePick) (crossed, elsewhere bool) {
		aBoth, bBoth := false, false
		for _, fl := range several {
			if !cf.uses(fl, a.Term) || !cf.uses(fl, b.Term) {
				continue
			}
			switch o := cf.res.Flags[fl[0]].Outlet; o {
			case a.Outlet:
				aBoth = true
			case b.Outlet:
				bBoth = true
			default:
				elsewhere = true
			}
		}
		return aBoth && bBoth, elsewhere
	}
	noted := map[string]choicePick{}
	var uses *termUses // made when first needed
	for _, p := range pairs {
		a, b := p[0], p[1]
		if !a.alt && !b.alt {
			if crossed, elsewhere := both(a, b); crossed || elsewhere {
				continue
			}
		}
		if !a.alt && !b.alt && (a.long || a.anchored) && g.key.category != "" && g.key.alignment != "headline" {
			if a.long && !(a.lead <= tightWords && b.lead <= tightWords) && !(a.trail <= tightWords && b.trail <= tightWords) &&
				!cf.near(a.flag, b.flag) {
				continue
			}
			if uses == nil {
				uses = newTermUses(cf.res.Flags, g)
			}
			if uses.addsStatement(cf.res.Flags, a, b) || uses.addsStatement(cf.res.Flags, b, a) {
				continue
			}
		}
		for _, c := range p {
			if _, ok := noted[c.Outlet]; !ok {
				noted[c.Outlet] = c
			}
		}
	}
	return noted
}

// nearCore says whether member mi, whose flags of category group g are fl,
// uses a core term, or uses a term near a content word that another
// member's core term stands near too: the two then say something about
// the same thing ("hurled bottles", "pelted police lines with bottles"),
// where a term that stands near no such word says something else ("the
// windows smashed"). coreNear is filled on first use for g (see
// coreIndex).
func (cf *choiceFinder) nearCore(g *groupUse, mi int, fl []int, coreNear *map[string]int) bool {
	for _, k := range fl {
		if g.isCore(cf.res.Flags[k].Term) {
			return true
		}
	}
	cf.coreIndex(g, coreNear)
	for _, k := range fl {
		f := &cf.res.Flags[k]
		if cf.nearIndexed(*coreNear, mi, f.Outlet, f.Sentence, f.Start, f.End) {
			return true
		}
	}
	return false
}

// coreIndex fills coreNear, when nil, with each stem a core flag of g
// stands near, mapped to the flag's member, or to -1 for two members or
// more.
func (cf *choiceFinder) coreIndex(g *groupUse, coreNear *map[string]int) {
	if *coreNear != nil {
		return
	}
	*coreNear = map[string]int{}
	for i, k := range g.flags {
		if !g.isCore(cf.res.Flags[k].Term) {
			continue
		}
		cf.stems = cf.anchors(cf.stems[:0], k)
		for _, stem := range cf.stems {
			if m, ok := (*coreNear)[stem]; !ok {
				(*coreNear)[stem] = g.member[i]
			} else if m != g.member[i] {
				(*coreNear)[stem] = -1
			}
		}
	}
}

// nearIndexed says whether words from start to end of an outlet's body
// sentence stand near a content word that a core flag of a member other
// than mi stands near too.
func (cf *choiceFinder) nearIndexed(coreNear map[string]int, mi int, outlet string, sentence, start, end int) bool {
	cf.stems = cf.anchorsAt(cf.stems[:0], outlet, sentence, start, end)
	for _, stem := range cf.stems {
		if m, ok := coreNear[stem]; ok && m != mi {
			return true
		}
	}
	return false
}

// coreAlternative looks in member mi's own words for an alternative that
// the entry of one of g's core terms suggests, standing near a content
// word that a core term of another member stands near too ("threw
// bottles" beside "hurled bottles"), and returns it as the member's
// choice.
func (cf *choiceFinder) coreAlternative(g *groupUse, m Member, mi int, coreNear *map[string]int) (Choice, bool) {
	var alts []string
	for _, k := range g.flags {
		if f := &cf.res.Flags[k]; g.isCore(f.Term) {
			for _, alt := range f.Suggest {
				if !slices.Contains(alts, alt) {
					alts = append(alts, alt)
				}
			}
		}
	}
	if len(alts) == 0 {
		return Choice{}, false
	}
	sort.Strings(alts)
	cf.coreIndex(g, coreNear)
	return cf.alternativeIn(m, alts, func(_ string, sentence, start, end int) bool {
		return sentence >= 0 && cf.nearIndexed(*coreNear, mi, m.Outlet, sentence, start, end)
	})
}

// minShared is how many content words two terms in a claim must both
// stand near for those words alone to show that the terms name one thing.
const minShared = 2

// maxNear bounds how many terms of a group in a claim a content word may
// stand near and still tell which of them name one thing: a word near
// more is as common there as a stop word.
const maxNear = 16

// suggests says whether a flag of g has alternatives in its entry.
func (g *groupUse) suggests(flags []Flag) bool {
	return slices.ContainsFunc(g.flags, func(k int) bool { return len(flags[k].Suggest) > 0 })
}

// anchoredPairs returns the pairs of terms of group g in a claim's body
// that the words around them show name one thing, whichever outlet is the
// reference:
//
//   - where a member uses two terms of g or more (several), a term of one
//     member and a different term of another, each the other's best match
//     among the other member's terms: standing near at least minShared
//     content words that the other stands near, and more than any other
//     of that member's terms does ("the armed group freeing 130
//     soldiers" and "the militants must free 130 soldiers", not the
//     "fighters" released); and
//   - a term whose entry suggests alternatives, and an alternative written
//     by a member that uses no term of g, near at least minShared content
//     words the term stands near ("booth at the gate was burned and
//     windows" beside "booth at the gate was torched and warehouse
//     windows").
//
// Pairs come in member order.
func (cf *choiceFinder) anchoredPairs(g *groupUse, members []Member, several bool) [][2]choicePick {
	flags := cf.res.Flags
	// stems are the distinct stems each flag of g stands near, as first
	// needed.
	stems := make([][]string, len(g.flags))
	stemsOf := func(i int) []string {
		if stems[i] == nil {
			cf.stems = cf.anchors(cf.stems[:0], g.flags[i])
			st := make([]string, 0, len(cf.stems))
			for _, x := range cf.stems {
				if !slices.Contains(st, x) {
					st = append(st, x)
				}
			}
			stems[i] = st
		}
		return stems[i]
	}
	var out [][2]choicePick
	if several {
		// How many stems each two flags of two members share, from an
		// index of the flags near each stem.
		index := map[string][]int{}
		for i := range g.flags {
			for _, x := range stemsOf(i) {
				index[x] = append(index[x], i)
			}
		}
		shared := map[[2]int]int{}
		for _, at := range index {
			if len(at) > maxNear {
				continue
			}
			for x, i := range at {
				for _, j := range at[x+1:] {
					if g.member[i] != g.member[j] {
						shared[[2]int{min(i, j), max(i, j)}]++
					}
				}
			}
		}
		// The best match of each flag among each other member's flags.
		type match struct{ flag, shared int }
		best := map[[2]int]match{} // flag, member: the match, -1 on a tie
		for p, n := range shared {
			for _, d := range [2][2]int{{p[0], p[1]}, {p[1], p[0]}} {
				key := [2]int{d[0], g.member[d[1]]}
				switch b, ok := best[key]; {
				case !ok || n > b.shared:
					best[key] = match{d[1], n}
				case n == b.shared:
					best[key] = match{-1, n}
				}
			}
		}
		var found [][2]int
		for p, n := range shared {
			i, j := p[0], p[1]
			if n < minShared || best[[2]int{i, g.member[j]}].flag != j || best[[2]int{j, g.member[i]}].flag != i {
				continue
			}
			if g.termOf[g.member[i]] != -2 && g.termOf[g.member[j]] != -2 {
				continue // two terms used alone: singlesDiffer's case
			}
			if strings.EqualFold(flags[g.flags[i]].Term, flags[g.flags[j]].Term) {
				continue
			}
			found = append(found, p)
		}
		slices.SortFunc(found, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return a[1] - b[1]
		})
		for _, p := range found {
			a, b := g.flags[p[0]], g.flags[p[1]]
			out = append(out, [2]choicePick{{Choice: choiceOf(&flags[a]), flag: a, anchored: true},
				{Choice: choiceOf(&flags[b]), flag: b, anchored: true}})
		}
	}
	if !g.suggests(flags) {
		return out
	}
	var alts []string
	for _, k := range g.flags {
		for _, alt := range flags[k].Suggest {
			if !slices.Contains(alts, alt) {
				alts = append(alts, alt)
			}
		}
	}
	sort.Strings(alts)
	var near []string // the stems an alternative stands near
	for mi, m := range members {
		if len(g.of(mi)) > 0 {
			continue
		}
		term := -1 // the flag of g the alternative found stands for
		c, ok := cf.alternativeIn(m, alts, func(alt string, sentence, start, end int) bool {
			if sentence < 0 {
				return false
			}
			near = cf.anchorsAt(near[:0], m.Outlet, sentence, start, end)
			most := minShared - 1
			term = -1
			for i, k := range g.flags {
				if !slices.Contains(flags[k].Suggest, alt) {
					continue
				}
				n := 0
				for _, x := range stemsOf(i) {
					if slices.Contains(near, x) {
						n++
					}
				}
				if n > most {
					most, term = n, i
				}
			}
			return term >= 0
		})
		if !ok {
			continue
		}
		k := g.flags[term]
		out = append(out, [2]choicePick{{Choice: choiceOf(&flags[k]), flag: k}, {Choice: c, alt: true, flag: -1}})
	}
	return out
}

// termUses counts, for one group in a claim, how often each outlet uses
// each term, and where in each sentence it first does.
type termUses struct {
	count map[[2]string]int
	first map[termAt]int
}

// termAt is an outlet's term (in lower case) in one sentence.
type termAt struct {
	outlet, term string
	sentence     int
}

// newTermUses indexes the flags of g.
func newTermUses(flags []Flag, g *groupUse) *termUses {
	u := &termUses{count: map[[2]string]int{}, first: map[termAt]int{}}
	for _, k := range g.flags {
		f := &flags[k]
		term := strings.ToLower(f.Term)
		u.count[[2]string{f.Outlet, term}]++
		at := termAt{f.Outlet, term, f.Sentence}
		if s, ok := u.first[at]; !ok || f.Start < s {
			u.first[at] = f.Start
		}
	}
	return u
}

// addsStatement says whether b, paired with a by a long replacement,
// reports a second statement rather than a's: b's outlet writes a's term
// earlier in b's sentence, and writes it in the claim as often as a's
// outlet does, so that every use of a's term has its counterpart ("Arlo
// said automation is not a choice, warning that ..." beside "..., he
// said").
func (u *termUses) addsStatement(flags []Flag, a, b choicePick) bool {
	fb := &flags[b.flag]
	term := strings.ToLower(a.Term)
	if s, ok := u.first[termAt{b.Outlet, term, fb.Sentence}]; !ok || s >= fb.Start {
		return false
	}
	return u.count[[2]string{b.Outlet, term}] >= u.count[[2]string{a.Outlet, term}]
}

// singleTerm returns the one term that flags use, and false when they use
// none or more than one (terms that differ only in case are one).
func (cf *choiceFinder) singleTerm(fl []int) (string, bool) {
	if len(fl) == 0 {
		return "", false
	}
	t := cf.res.Flags[fl[0]].Term
	for _, k := range fl[1:] {
		if !strings.EqualFold(cf.res.Flags[k].Term, t) {
			return "", false
		}
	}
	return t, true
}

// pick chooses the term a member outlet that uses flags fl of group g is
// listed with: its only term; else the one the diff paired (p, when
// noted); else a core term before others, and of those the one most
// members use alone, then the first.
func (cf *choiceFinder) pick(g *groupUse, fl []int, p choicePick, noted bool) Choice {
	flags := cf.res.Flags
	if _, ok := cf.singleTerm(fl); ok {
		return choiceOf(&flags[fl[0]])
	}
	if noted {
		return p.Choice
	}
	best, bestCore, most := fl[0], g.isCore(flags[fl[0]].Term), 0
	for _, k := range fl {
		n := 0
		if i := g.termIndex(flags[k].Term); i >= 0 {
			n = g.alone[i]
		}
		if c := g.isCore(flags[k].Term); c && !bestCore || c == bestCore && n > most {
			best, bestCore, most = k, c, n
		}
	}
	return choiceOf(&flags[best])
}

// differentTerms says whether choices list two outlets or more, with two
// terms or more (terms that differ only in case and spacing are one).
func differentTerms(choices []Choice) bool {
	if len(choices) < 2 {
		return false
	}
	first := strings.Join(strings.Fields(strings.ToLower(choices[0].Term)), " ")
	for _, c := range choices[1:] {
		if strings.Join(strings.Fields(strings.ToLower(c.Term)), " ") != first {
			return true
		}
	}
	return false
}

// uses says whether flags hold a term (in any case).
func (cf *choiceFinder) uses(fl []int, term string) bool {
	for _, k := range fl {
		if strings.EqualFold(cf.res.Flags[k].Term, term) {
			return true
		}
	}
	return false
}

// singlesDiffer looks for two of g's terms that members use alone and
// that name one thing, and returns their indexes: the two are apart (no
// member uses both), and, for a category (anchored), an occurrence of one
// stands near a content word that an occurrence of the other stands near
// too. The members are taken in turn, one for each term a round, so that
// the usual case stops after a few.
func (cf *choiceFinder) singlesDiffer(g *groupUse, apart func(i, j int) bool, anchored bool) (int, int, bool) {
	if !anchored {
		for i := range g.terms {
			for j := i + 1; j < len(g.terms); j++ {
				if apart(i, j) {
					return i, j, true
				}
			}
		}
		return 0, 0, false
	}
	near := make([]map[string]bool, len(g.terms))
	next := make([]int, len(g.terms)) // the member to look at next, per term
	for {
		more := false
		for i := range g.terms {
			mi := next[i]
			for mi < len(g.termOf) && g.termOf[mi] != i {
				mi++
			}
			if mi == len(g.termOf) {
				next[i] = mi // this term's members are all looked at
				continue
			}
			next[i] = mi + 1
			more = true
			if near[i] == nil {
				near[i] = map[string]bool{}
			}
			for _, k := range g.of(mi) {
				cf.stems = cf.anchors(cf.stems[:0], k)
				for _, stem := range cf.stems {
					for j := range near {
						if j != i && near[j][stem] && apart(i, j) {
							return min(i, j), max(i, j), true
						}
					}
					near[i][stem] = true
				}
			}
		}
		if !more {
			return 0, 0, false
		}
	}
}

// near says whether two body flags stand near a content word they share.
func (cf *choiceFinder) near(a, b int) bool {
	cf.stems = cf.anchors(cf.stems[:0], a)
	n := len(cf.stems)
	cf.stems = cf.anchors(cf.stems, b)
	for _, x := range cf.stems[:n] {
		if slices.Contains(cf.stems[n:], x) {
			return true
		}
	}
	return false
}

// anchors appends to out the stems of the content words within
// anchorWords words either side of a body flag, in its sentence.
func (cf *choiceFinder) anchors(out []string, k int) []string {
	f := &cf.res.Flags[k]
	return cf.anchorsAt(out, f.Outlet, f.Sentence, f.Start, f.End)
}

// anchorsAt appends to out the stems of the content words within
// anchorWords words either side of the words from start to end of an
// outlet's body sentence.
func (cf *choiceFinder) anchorsAt(out []string, outlet string, sentence, start, end int) []string {
	s := &cf.byID[outlet].Sentences[sentence]
	if outlet != cf.tokensOutlet || sentence != cf.tokensSentence || cf.tokens == nil {
		cf.tokens = appendDiffTokens(cf.tokens[:0], s.Text, s.Start)
		cf.tokensOutlet, cf.tokensSentence = outlet, sentence
	}
	toks := cf.tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].end > start })
	j := i
	for j < len(toks) && toks[j].start < end {
		j++
	}
	// take adds a token's stem when it is a content word, and says whether
	// it is a word.
	take := func(t diffToken) bool {
		r, _ := utf8.DecodeRuneInString(t.text)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
		if w := strings.ToLower(dropPossessive(plainTypography(t.text))); !isStop(w) {
			out = append(out, cf.stemmer().stem(w))
		}
		return true
	}
	for x, n := i-1, 0; x >= 0 && n < anchorWords; x-- {
		if take(toks[x]) {
			n++
		}
	}
	for x, n := j, 0; x < len(toks) && n < anchorWords; x++ {
		if take(toks[x]) {
			n++
		}
	}
	return out
}

// alternativeIn looks in a member's own words (its headline, when it has
// no sentences) for one of the alternatives alts that keep, when not nil,
// accepts (given the alternative, its sentence, -1 for the headline, and
// its offsets), and returns it as the member's choice.
func (cf *choiceFinder) alternativeIn(m Member, alts []string, keep func(alt string, sentence, start, end int) bool) (Choice, bool) {
	if len(alts) == 0 {
		return Choice{}, false
	}
	a := cf.byID[m.Outlet]
	var parts []Span
	for _, q := range a.Quotes {
		parts = append(parts, q.Parts...)
	}
	quoted := func(pos int) bool {
		k := sort.Search(len(parts), func(k int) bool { return parts[k].End > pos })
		return k < len(parts) && parts[k].Start <= pos
	}
	type text struct {
		s        string
		base     int
		quotes   bool
		sentence int
	}
	var texts []text
	if len(m.Sentences) == 0 {
		texts = append(texts, text{a.Headline, 0, false, -1})
	}
	for _, idx := range m.Sentences {
		s := a.Sentences[idx]
		texts = append(texts, text{s.Text, s.Start, true, idx})
	}
	type want struct {
		alt, words string
		n          int
		first      string // the stem of its first word
		// prefix starts every word with that stem: the stem but its last
		// letter, which a stem may change ("happi").
		prefix string
	}
	wants := make([]want, 0, len(alts))
	for _, alt := range alts {
		w := swapWords(alt)
		if f := strings.Fields(w); len(f) > 0 {
			first := cf.stemmer().stem(f[0])
			wants = append(wants, want{alt, w, len(f), first, first[:max(len(first)-1, 0)]})
		}
	}
	// The first alternative in text order, the first of alts where two
	// start at one word.
	for _, t := range texts {
		ws := replacementWords(t.s)
		for i := range ws {
			stem := ""
			for _, w := range wants {
				if i+w.n > len(ws) {
					continue
				}
				if tok := ws[i].text; len(tok) < len(w.prefix) || !strings.EqualFold(tok[:len(w.prefix)], w.prefix) {
					continue // a word with another stem
				}
				if stem == "" {
					stem = cf.stemmer().stem(swapWords(ws[i].text))
				}
				if stem != w.first {
					continue // not even the first word
				}
				if t.quotes && (quoted(t.base+ws[i].start) || quoted(t.base+ws[i+w.n-1].start)) {
					continue
				}
				span := t.s[ws[i].start:ws[i+w.n-1].end]
				if got := swapWords(span); (got == w.words || sameStems(cf.stemmer(), got, w.words)) &&
					(keep == nil || keep(w.alt, t.sentence, t.base+ws[i].start, t.base+ws[i+w.n-1].end)) {
					return Choice{Outlet: m.Outlet, Term: w.alt, Text: span}, true
				}
			}
		}
	}
	return Choice{}, false
}

// lexiconStats fills each outlet's concept use and tone profile, counting
// only the outlet's own words (narration and headline).
func lexiconStats(res *Result) {
	// Each outlet's flags, by index, found in one pass; the outlets'
	// figures are then worked out side by side.
	byOutlet := map[string][]int{}
	for k := range res.Flags {
		byOutlet[res.Flags[k].Outlet] = append(byOutlet[res.Flags[k].Outlet], k)
	}
	each(len(res.Stats), func(i int) {
		st := &res.Stats[i]
		a := &res.Articles[i]
		st.NarrationWords = narrationWords(a)
		uses := map[[2]string]int{}
		tones := map[[2]string]int{}
		for _, k := range byOutlet[a.ID] {
			f := &res.Flags[k]
			if f.Scope == string(lexicon.Quote) {
				continue
			}
			if f.Concept != "" {
				uses[[2]string{f.Concept, f.Term}]++
			} else {
				tones[[2]string{f.Category, f.Tone}]++
			}
		}
		st.Concepts = []ConceptUse{}
		for k, n := range uses {
			st.Concepts = append(st.Concepts, ConceptUse{Concept: k[0], Term: k[1], Count: n})
		}
		sort.Slice(st.Concepts, func(i, j int) bool {
			x, y := st.Concepts[i], st.Concepts[j]
			if x.Concept != y.Concept {
				return x.Concept < y.Concept
			}
			return x.Term < y.Term
		})
		st.Tones = []ToneCount{}
		// The flags counted are in the outlet's own words, its headline's
		// too: so are the words they are counted per.
		own := st.NarrationWords + countWords(a.Headline)
		for k, n := range tones {
			per := 0.0
			if own > 0 {
				per = math.Round(float64(n)*1000/float64(own)*10) / 10
			}
			st.Tones = append(st.Tones, ToneCount{Category: k[0], Tone: k[1], Count: n, PerThousand: per})
		}
		sort.Slice(st.Tones, func(i, j int) bool {
			x, y := st.Tones[i], st.Tones[j]
			if x.Category != y.Category {
				return x.Category < y.Category
			}
			return x.Tone < y.Tone
		})
	})
}

// narrationWords counts the body's words outside its quotations.
func narrationWords(a *Article) int {
	n := 0
	q := 0 // quote parts are in text order
	var parts []Span
	for _, quote := range a.Quotes {
		parts = append(parts, quote.Parts...)
	}
	for _, s := range a.Sentences {
		in := false
		for i, r := range s.Text {
			pos := s.Start + i
			for q < len(parts) && parts[q].End <= pos {
				q++
			}
			quoted := q < len(parts) && pos >= parts[q].Start
			w := unicode.IsLetter(r) || unicode.IsDigit(r)
			if w && !in && !quoted {
				n++
			}
			in = w || (in && (r == '\'' || r == '’' || r == '-'))
		}
	}
	return n
}
