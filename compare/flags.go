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
//     This needs no diff, so it does not depend on the reference.
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
// it names the other thing. An outlet that writes an alternative the diff
// found is listed with it.

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
	// stems and tokens are anchors' working space.
	stems  []string
	tokens []diffToken
}

// findWordChoices finds each claim's word choices (see above), in claim
// order (headlines first), then by concept and category; each lists its
// outlets in article order.
func findWordChoices(res *Result) []WordChoice {
	cf := &choiceFinder{res: res, byID: map[string]*Article{}, own: map[string][]int{}, bodyAt: map[string]int{}}
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
			found := false
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
				from, to := choicePick{Choice: choiceOf(ff), flag: k}, choicePick{Choice: choiceOf(&flags[toFlags[t]]), flag: toFlags[t]}
				if countWords(op.FromText) > maxSwapWords || countWords(op.ToText) > maxSwapWords {
					from.long, to.long = true, true
					from.lead, from.trail = countWords(op.FromText[:ff.Start-op.FromStart]), countWords(op.FromText[ff.End-op.FromStart:])
					tf := &flags[toFlags[t]]
					to.lead, to.trail = countWords(op.ToText[:tf.Start-op.ToStart]), countWords(op.ToText[tf.End-op.ToStart:])
				}
				paired[key] = append(paired[key], [2]choicePick{from, to})
				found, done[key] = true, true
			}
			// A flagged term swapped for one of the alternatives its entry
			// suggests ("thugs" where another outlet wrote "youths") is a
			// word choice too, though the alternative is not in the lexicon.
			if found || len(fromFlags)+len(toFlags) != 1 {
				continue
			}
			k := fromFlags
			other, otherText := d.To, op.ToText
			if len(k) == 0 {
				k, other, otherText = toFlags, d.From, op.FromText
			}
			f := &flags[k[0]]
			alt, ok := suggested(f, otherText)
			if !ok {
				continue
			}
			key := choiceKey{d.Group, f.Category, f.Concept}
			paired[key] = append(paired[key], [2]choicePick{{Choice: choiceOf(f), flag: k[0]},
				{Choice: Choice{Outlet: other, Term: alt, Text: strings.TrimSpace(otherText)}, alt: true, flag: -1}})
		}
	}
	return paired
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
		if outlets < 2 && len(paired[g.key]) == 0 {
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
		pairs := cf.notePairs(paired[g.key], g, several)
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
			case len(fl) == 0:
				if c, ok := cf.alternativeIn(m, alts); ok {
					wc.Choices = append(wc.Choices, c)
				}
			case !noted && aside(mi):
				// It names the other thing: left out.
			default:
				wc.Choices = append(wc.Choices, cf.pick(g, fl, p, noted))
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
// speakers' verbs.
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
	for _, p := range pairs {
		a, b := p[0], p[1]
		if !a.alt && !b.alt {
			if crossed, elsewhere := both(a, b); crossed || elsewhere {
				continue
			}
		}
		if !a.alt && !b.alt && a.long && g.key.category != "" && g.key.alignment != "headline" &&
			!(a.lead <= tightWords && b.lead <= tightWords) && !(a.trail <= tightWords && b.trail <= tightWords) &&
			!cf.near(a.flag, b.flag) {
			continue
		}
		for _, c := range p {
			if _, ok := noted[c.Outlet]; !ok {
				noted[c.Outlet] = c
			}
		}
	}
	return noted
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
			next[i] = mi + 1
			if mi == len(g.termOf) {
				continue
			}
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
	s := &cf.byID[f.Outlet].Sentences[f.Sentence]
	cf.tokens = appendDiffTokens(cf.tokens[:0], s.Text, s.Start)
	toks := cf.tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].end > f.Start })
	j := i
	for j < len(toks) && toks[j].start < f.End {
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
// no sentences) for one of the alternatives alts, and returns it as the
// member's choice.
func (cf *choiceFinder) alternativeIn(m Member, alts []string) (Choice, bool) {
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
		s      string
		base   int
		quotes bool
	}
	var texts []text
	if len(m.Sentences) == 0 {
		texts = append(texts, text{a.Headline, 0, false})
	}
	for _, idx := range m.Sentences {
		s := a.Sentences[idx]
		texts = append(texts, text{s.Text, s.Start, true})
	}
	for _, alt := range alts {
		want := swapWords(alt)
		n := len(strings.Fields(want))
		for _, t := range texts {
			var ws []diffToken
			for _, tok := range diffTokens(t.s, 0) {
				r, _ := utf8.DecodeRuneInString(tok.text)
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					ws = append(ws, tok)
				}
			}
			for i := 0; i+n <= len(ws); i++ {
				if t.quotes && (quoted(t.base+ws[i].start) || quoted(t.base+ws[i+n-1].start)) {
					continue
				}
				span := t.s[ws[i].start:ws[i+n-1].end]
				if got := swapWords(span); got == want || sameStems(cf.stemmer(), got, want) {
					return Choice{Outlet: m.Outlet, Term: alt, Text: span}, true
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
