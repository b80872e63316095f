package compare

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

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

// findWordChoices looks in every replacement of the word diffs for a term
// on one side and a different term of the same concept or category on the
// other, and gathers, per alignment and group, each outlet's term.
func findWordChoices(res *Result) []WordChoice {
	type spanKey struct {
		outlet   string
		headline bool
	}
	// Each outlet's flags, by start: findFlags makes them in text order.
	byOutlet := map[spanKey][]Flag{}
	for _, f := range res.Flags {
		k := spanKey{f.Outlet, f.Sentence < 0}
		byOutlet[k] = append(byOutlet[k], f)
	}
	for _, fl := range byOutlet {
		sort.SliceStable(fl, func(i, j int) bool { return fl[i].Start < fl[j].Start })
	}
	within := func(outlet string, headline bool, start, end int) []Flag {
		if start < 0 {
			return nil
		}
		fl := byOutlet[spanKey{outlet, headline}]
		var out []Flag
		for i := sort.Search(len(fl), func(i int) bool { return fl[i].Start >= start }); i < len(fl) && fl[i].Start < end; i++ {
			if fl[i].End <= end {
				out = append(out, fl[i])
			}
		}
		return out
	}
	type groupKey struct{ alignment, category, concept string }
	choices := map[groupKey]map[string]Choice{}
	var order []groupKey
	note := func(k groupKey, outlet string, f Flag) {
		if choices[k] == nil {
			choices[k] = map[string]Choice{}
			order = append(order, k)
		}
		if _, ok := choices[k][outlet]; !ok {
			choices[k][outlet] = Choice{Outlet: outlet, Term: f.Term, Text: f.Text, Tone: f.Tone, Note: f.Note}
		}
	}
	var fs *featureSet
	// suggested says whether text is one of the flag's suggested
	// alternatives, and which.
	suggested := func(f Flag, text string) (string, bool) {
		words := swapWords(text)
		if len(f.Suggest) == 0 || words == "" {
			return "", false
		}
		if fs == nil {
			fs = newFeatureSet()
		}
		for _, alt := range f.Suggest {
			if a := swapWords(alt); a == words || sameStems(fs, a, words) {
				return alt, true
			}
		}
		return "", false
	}
	for _, d := range res.Differences {
		headline := d.Group == "headline"
		for _, op := range d.Ops {
			if op.Op != OpReplace {
				continue
			}
			fromFlags := within(d.From, headline, op.FromStart, op.FromEnd)
			toFlags := within(d.To, headline, op.ToStart, op.ToEnd)
			if len(fromFlags) == 0 && len(toFlags) == 0 {
				continue // most replacements: no flag on either side
			}
			// Pair each flag on one side with the first flag of its
			// concept or category on the other that has another term. A
			// flag has a concept or a category, so the first two terms of
			// each group on the other side are all the pairing needs,
			// however long the replacement.
			firstTerms := map[groupKey][2]int{}
			for i, tf := range toFlags {
				k := groupKey{d.Group, tf.Category, tf.Concept}
				ft, ok := firstTerms[k]
				switch {
				case !ok:
					firstTerms[k] = [2]int{i, -1}
				case ft[1] < 0 && !strings.EqualFold(toFlags[ft[0]].Term, tf.Term):
					firstTerms[k] = [2]int{ft[0], i}
				}
			}
			paired := false
			done := map[groupKey]bool{}
			for _, ff := range fromFlags {
				k := groupKey{d.Group, ff.Category, ff.Concept}
				ft, ok := firstTerms[k]
				if !ok || done[k] || (ff.Concept == "") == (ff.Category == "") {
					continue
				}
				t := ft[0]
				if strings.EqualFold(ff.Term, toFlags[t].Term) {
					if t = ft[1]; t < 0 {
						continue
					}
				}
				note(k, d.From, ff)
				note(k, d.To, toFlags[t])
				paired, done[k] = true, true
			}
			// A flagged term swapped for one of the alternatives its entry
			// suggests ("thugs" where another outlet wrote "youths") is a
			// word choice too, though the alternative is not in the lexicon.
			if paired || len(fromFlags)+len(toFlags) != 1 {
				continue
			}
			f, other, otherText := Flag{}, d.To, op.ToText
			if len(fromFlags) == 1 {
				f = fromFlags[0]
			} else {
				f, other, otherText = toFlags[0], d.From, op.FromText
			}
			alt, ok := suggested(f, otherText)
			if !ok {
				continue
			}
			k := groupKey{d.Group, f.Category, f.Concept}
			note(k, f.Outlet, f)
			note(k, other, Flag{Term: alt, Text: strings.TrimSpace(otherText)})
		}
	}
	rank := map[string]int{}
	for i, a := range res.Articles {
		rank[a.ID] = i
	}
	groupRank := map[string]int{"headline": -1}
	for i, g := range res.Alignments {
		groupRank[g.ID] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if groupRank[a.alignment] != groupRank[b.alignment] {
			return groupRank[a.alignment] < groupRank[b.alignment]
		}
		if a.concept != b.concept {
			return a.concept < b.concept
		}
		return a.category < b.category
	})
	out := make([]WordChoice, 0, len(order))
	for _, k := range order {
		wc := WordChoice{Alignment: k.alignment, Category: k.category, Concept: k.concept}
		for _, c := range choices[k] {
			wc.Choices = append(wc.Choices, c)
		}
		sort.Slice(wc.Choices, func(i, j int) bool { return rank[wc.Choices[i].Outlet] < rank[wc.Choices[j].Outlet] })
		out = append(out, wc)
	}
	return out
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
