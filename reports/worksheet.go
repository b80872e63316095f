package reports

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/compare"
)

// WorksheetOptions choose how a worksheet and its answer key are written.
type WorksheetOptions struct {
	// Format is "markdown" (also when empty) or "html".
	Format string
}

// wsToneNote is the bracket after a term in the answer key: its tone, or,
// for a word that is no lexicon term (an alternative an entry suggests,
// "crowd" where another outlet wrote "mob"), what it is.
func wsToneNote(tone string) string {
	if tone == "" {
		return "(not a lexicon term: an alternative the lexicon suggests)"
	}
	return "(" + tone + ")"
}

// Worksheet limits: how many items an exercise asks about at most.
const (
	wsMaxChoices = 5
	wsMaxVoices  = 5
	wsMaxFacts   = 5
	wsMaxAltered = 5
)

// Worksheet writes a student handout of exercises on the report, each
// numbered, with room for the answers:
//
//  1. Same thing, different words: up to five claims (one item each)
//     where outlets use different terms of one lexicon group, each
//     outlet's sentence quoted, asking which word each outlet uses and
//     what it suggests. A word choice counts only where it sets two or
//     more different terms side by side; outlets that write the same word
//     are one term. The claims are picked by their best choice (see
//     wsPickChoices): a neutral term against a loaded one first, all
//     neutral terms last. The report does not say which groups are
//     categories; a group is taken for one when it is not a concept.
//  2. Missing voices: up to five quotes that some outlets quote and others
//     leave out, one per speaker before a speaker's second, asking which
//     outlet leaves each out and whose voice that removes.
//  3. Facts only one outlet seems to report: up to five sentences the
//     comparison matched to no other outlet's, asking which outlet
//     reports each, whether another reports it in other words, and why
//     it may matter: first one from each outlet, in its own words rather
//     than mostly a quote where it has one, then further ones in the
//     outlets' own words, outlet by outlet. Left out when no sentence
//     aligns at all.
//  4. Headlines: every outlet's headline, asking what each emphasizes and
//     what it leaves out.
//  5. Changed quotes: up to five quotes an outlet altered, the two
//     versions side by side, asking what changed; outlets that altered a
//     quote into the same words share one item.
//
// An exercise the articles give nothing for is left out and the others
// numbered on; one that leaves some out says how many more the full
// report has. Items keep the report's order. Quotes are shown as the
// articles print them, with " … " where a quote breaks off for its
// attribution. When no sentence aligns, the lead says the articles may
// not be about one event. The worksheet is meant to be made from a blind
// comparison ("Outlet A", "Outlet B", ...), and names the outlets as the
// report does. WorksheetKey writes its answers.
func Worksheet(w io.Writer, rep *Report, o WorksheetOptions) error {
	return writeSheet(w, newWorksheet(rep, nil, false), o)
}

// WorksheetKey writes the answer key of the worksheet of the same report:
// which outlet is which (key, from compare.Blind; when it is empty, it
// says the worksheet was not blind), then, exercise by exercise, the
// answers the comparison gives: the outlets that use each term, with the
// lexicon's note; which outlets leave out each quote and who said it;
// which outlet reports each fact, that slant found no matching sentence
// in the others, and each other outlet's closest sentence (Row.Closest)
// to check it against; the headlines with the words the reference's
// headline does not have in bold; and each altered quote as the outlet
// gives it, its own words in bold and the words it dropped or replaced
// struck through.
func WorksheetKey(w io.Writer, rep *Report, key []compare.BlindKey, o WorksheetOptions) error {
	return writeSheet(w, newWorksheet(rep, key, true), o)
}

func writeSheet(w io.Writer, s *wsSheet, o WorksheetOptions) error {
	switch o.Format {
	case "", "markdown":
		b := bufio.NewWriter(w)
		s.markdown(b)
		return b.Flush()
	case "html":
		var buf bytes.Buffer
		if err := wsTemplate().Execute(&buf, s); err != nil {
			return fmt.Errorf("worksheet: %w", err)
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
	return fmt.Errorf("worksheet format %q: want markdown or html", o.Format)
}

// wsSheet is a worksheet or its answer key, ready to be written in either
// format.
type wsSheet struct {
	Heading string
	Lead    []string
	// Key is set for the answer key, which has Outlets (which outlet is
	// which) or, when the worksheet was not blind, NotBlind.
	Key      bool
	Outlets  []compare.BlindKey
	NotBlind string
	Sections []wsSection
}

// wsSection is one exercise.
type wsSection struct {
	Number       int
	ID, Title    string
	Instructions string
	Items        []wsItem
	// More says how many more the full report has, when the exercise
	// leaves some out.
	More string
}

// wsItem is one question of an exercise, or its answer.
type wsItem struct {
	Number, Title string
	Passages      []wsPassage
	Questions     []wsQuestion
	Answers       [][]inline
	// AnswerGroups are answers under a heading of their own, each group's
	// lines nested under it; they come before Answers.
	AnswerGroups []wsAnswerGroup
}

// wsAnswerGroup is a heading of the answer key ("Lexicon group said
// (...):") with the answers it introduces, listed under it.
type wsAnswerGroup struct {
	Head  []inline
	Lines [][]inline
}

// wsPassage is text shown for a question: an outlet's sentence, a quote
// or a headline.
type wsPassage struct {
	// Label names the outlet, Sentences its sentence numbers ("[3]").
	Label, Sentences string
	Text             []inline
	// Quote puts the text in quotation marks.
	Quote bool
}

// wsQuestion asks one thing, with a labelled line per outlet (Blanks) or
// Lines empty lines for the answer.
type wsQuestion struct {
	Letter, Text string
	Blanks       []string
	Lines        int
}

// wsBuilder gathers what the exercises need from the report.
type wsBuilder struct {
	rep   *Report
	names map[string]string
	// real maps a blind name to the outlet's real name, for the key.
	real map[string]string
	key  bool
	rows map[string]*Row
}

func newWorksheet(rep *Report, key []compare.BlindKey, answers bool) *wsSheet {
	b := &wsBuilder{rep: rep, names: map[string]string{}, real: map[string]string{}, key: answers,
		rows: map[string]*Row{}}
	var outlets []string
	for _, o := range rep.Outlets {
		b.names[o.ID] = o.Name
		outlets = append(outlets, o.Name)
	}
	for _, k := range key {
		b.real[k.Name] = k.Outlet
	}
	for i := range rep.Rows {
		if id := rep.Rows[i].ID; id != "" {
			b.rows[id] = &rep.Rows[i]
		}
	}
	s := &wsSheet{Key: answers}
	if answers {
		s.Heading = "Answer key: " + rep.Title
		s.Lead = []string{
			"The answers the comparison gives to the worksheet's exercises. The questions that ask why have no single right answer: " +
				"accept any answer the articles support. A different word or a missing fact shows a difference between the outlets, " +
				"not which one is right.",
		}
		s.Outlets = key
		if len(key) == 0 {
			s.NotBlind = "The worksheet was not blind: it names the outlets as they are."
		}
	} else {
		s.Heading = "Worksheet: " + rep.Title
		s.Lead = []string{fmt.Sprintf("These exercises are about %s on the same event, from %s. "+
			"Read them side by side before you start, and answer from what the articles say.", wsCount(len(outlets)), wsList(outlets))}
	}
	if rep.Aligned == 0 && len(rep.Outlets) > 1 {
		s.Lead = append(s.Lead, NoAlignment)
	}
	if rep.Date != "" {
		s.Lead = append([]string{"Event date: " + rep.Date}, s.Lead...)
	}
	for _, sec := range []wsSection{b.wordChoices(), b.voices(), b.facts(), b.headlines(), b.altered()} {
		if len(sec.Items) == 0 {
			continue
		}
		sec.Number = len(s.Sections) + 1
		for i := range sec.Items {
			sec.Items[i].Number = fmt.Sprintf("%d.%d", sec.Number, i+1)
		}
		s.Sections = append(s.Sections, sec)
	}
	return s
}

// name is an outlet's name as the worksheet shows it; in the key, with
// its real name after it when the worksheet was blind.
func (b *wsBuilder) name(id string) string {
	n := b.names[id]
	if n == "" {
		n = id
	}
	if r := b.real[n]; b.key && r != "" && r != n {
		n += " (" + r + ")"
	}
	return n
}

// plainName is an outlet's name as the worksheet shows it.
func (b *wsBuilder) plainName(id string) string {
	if n := b.names[id]; n != "" {
		return n
	}
	return id
}

// wordChoices is exercise 1: one item per claim picked, with every
// word choice of the claim that sets different terms side by side.
func (b *wsBuilder) wordChoices() wsSection {
	sec := wsSection{ID: "words", Title: "Same thing, different words",
		Instructions: "Each outlet below reports the same thing, but they do not use the same words for it."}
	categories := map[string]bool{}
	for _, wc := range b.rep.WordChoices {
		if !wc.Concept {
			categories[wc.Group] = true
		}
	}
	cands, claims := wsPickChoices(b.rep, categories, b.rows)
	done := map[string]bool{}
	more := 0
	for _, first := range cands {
		if !claims[first.Row] {
			more++
			continue
		}
		if done[first.Row] {
			continue
		}
		done[first.Row] = true
		var choices []ChoiceRow
		in := map[string]bool{}
		for _, wc := range cands {
			if wc.Row == first.Row {
				choices = append(choices, wc)
				for _, c := range wc.Choices {
					in[c.Outlet] = true
				}
			}
		}
		it := wsItem{Title: "Claim " + first.Row}
		if first.Row == "headline" {
			it.Title = "Headlines"
		}
		var blanks []string
		for _, o := range b.rep.Outlets {
			if !in[o.ID] {
				continue
			}
			text, label := b.sentence(first.Row, o.ID)
			it.Passages = append(it.Passages, wsPassage{Label: b.plainName(o.ID), Sentences: label, Text: []inline{{Text: text}}})
			blanks = append(blanks, b.plainName(o.ID))
		}
		if b.key {
			for _, wc := range choices {
				kind := "a concept: different names for one thing"
				if categories[wc.Group] {
					kind = "a category of words to watch"
				}
				group := wsAnswerGroup{Head: []inline{{Text: "Lexicon group " + wc.Group + " (" + kind + "):"}}}
				for _, term := range wsTerms(wc) {
					ans := b.strongNames(term.Outlets)
					verb := " uses “"
					if len(term.Outlets) > 1 {
						verb = " use “"
					}
					ans = append(ans, inline{Text: verb}, inline{Text: term.Term, Em: true}, inline{Text: "” " + wsToneNote(term.Tone)})
					if term.Note != "" {
						ans = append(ans, inline{Text: ": " + term.Note})
					}
					group.Lines = append(group.Lines, ans)
				}
				it.AnswerGroups = append(it.AnswerGroups, group)
			}
		} else {
			it.Questions = []wsQuestion{
				{Letter: "(a)", Text: "Which word or words does each outlet use for the same thing?", Blanks: blanks},
				{Letter: "(b)", Text: "What does each choice suggest to a reader? Would the sentence feel different with another outlet's word?", Lines: 2},
			}
		}
		sec.Items = append(sec.Items, it)
	}
	sec.More = wsMore(more, "word choice", "word choices")
	return sec
}

// strongNames writes outlets' names in bold, as "A, B and C".
func (b *wsBuilder) strongNames(ids []string) []inline {
	var out []inline
	for i, id := range ids {
		switch {
		case i == 0:
		case i == len(ids)-1:
			out = append(out, inline{Text: " and "})
		default:
			out = append(out, inline{Text: ", "})
		}
		out = append(out, inline{Text: b.name(id), Strong: true})
	}
	return out
}

// wsTerm is one term of a word choice and the outlets that use it.
type wsTerm struct {
	Term, Tone, Note string
	Outlets          []string
}

// wsTerms are a word choice's different terms in the order the choice
// gives them, each with every outlet that uses it: two outlets that
// write the same word, or two forms of one lexicon term ("said" and
// "says"), are one term, not a difference. Words are the same when they
// differ only in case and spacing. A term written in several forms is
// shown as the lexicon lists it.
func wsTerms(wc ChoiceRow) []wsTerm {
	var out []wsTerm
	at := map[string]int{}
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	for _, c := range wc.Choices {
		k := fold(cmp.Or(c.Entry, c.Term))
		if i, ok := at[k]; ok {
			if !slices.Contains(out[i].Outlets, c.Outlet) {
				out[i].Outlets = append(out[i].Outlets, c.Outlet)
			}
			if fold(out[i].Term) != fold(c.Term) {
				out[i].Term = c.Entry
			}
			continue
		}
		at[k] = len(out)
		out = append(out, wsTerm{Term: c.Term, Tone: c.Tone, Note: c.Note, Outlets: []string{c.Outlet}})
	}
	return out
}

// wsContrast ranks a word choice by its terms' tones: 0 when a neutral
// term stands against a marked one (loaded, doubt, ...), 1 when all its
// terms are marked, 2 when all are neutral.
func wsContrast(terms []wsTerm) int {
	neutral, marked := false, false
	for _, t := range terms {
		if t.Tone == "neutral" || t.Tone == "" {
			neutral = true
		} else {
			marked = true
		}
	}
	switch {
	case neutral && marked:
		return 0
	case marked:
		return 1
	}
	return 2
}

// wsPickChoices returns the word choices exercise 1 may ask about, in the
// report's order, and the claims it asks about. A choice counts when the
// report has its sentences and it sets two or more different terms side
// by side. The claims are picked by their choices, best first: a neutral
// term against a marked one, then marked terms only, then neutral ones
// only; concepts before categories; more different terms, then more
// outlets; sentences before headlines. Of the choices with a marked
// term, one in a claim and a group not yet picked comes first, then one
// in a claim not yet picked; then a choice of neutral terms only in a
// claim not yet picked; at most wsMaxChoices claims.
func wsPickChoices(rep *Report, categories map[string]bool, rows map[string]*Row) ([]ChoiceRow, map[string]bool) {
	type cand struct {
		i, contrast, terms, outlets int
		category, headline          bool
	}
	var cands []cand
	var all []ChoiceRow
	for i, wc := range rep.WordChoices {
		headline := wc.Row == "headline"
		if headline && len(rep.Headlines) == 0 || !headline && rows[wc.Row] == nil {
			continue
		}
		terms := wsTerms(wc)
		n := len(wsChoiceOutlets(rep, wc))
		if len(terms) < 2 || n < 2 {
			continue
		}
		cands = append(cands, cand{i, wsContrast(terms), len(terms), n, categories[wc.Group], headline})
		all = append(all, wc)
	}
	sort.SliceStable(cands, func(x, y int) bool {
		a, b := cands[x], cands[y]
		switch {
		case a.contrast != b.contrast:
			return a.contrast < b.contrast
		case a.category != b.category:
			return !a.category
		case a.terms != b.terms:
			return a.terms > b.terms
		case a.outlets != b.outlets:
			return a.outlets > b.outlets
		}
		return !a.headline && b.headline
	})
	groups, claims := map[string]bool{}, map[string]bool{}
	for pass := 0; pass < 3; pass++ {
		for _, c := range cands {
			wc := rep.WordChoices[c.i]
			if len(claims) == wsMaxChoices || claims[wc.Row] || pass < 2 && c.contrast == 2 || pass < 1 && groups[wc.Group] {
				continue
			}
			groups[wc.Group] = true
			claims[wc.Row] = true
		}
	}
	return all, claims
}

// wsChoiceOutlets lists the outlets of a word choice in outlet order,
// each once.
func wsChoiceOutlets(rep *Report, wc ChoiceRow) []string {
	in := map[string]bool{}
	for _, c := range wc.Choices {
		in[c.Outlet] = true
	}
	var out []string
	for _, o := range rep.Outlets {
		if in[o.ID] {
			out = append(out, o.ID)
		}
	}
	return out
}

// sentence is an outlet's text in a row ("headline" for its headline) and
// its sentence label.
func (b *wsBuilder) sentence(row, outlet string) (text, label string) {
	var cells []Cell
	if row == "headline" {
		cells = b.rep.Headlines
	} else if r := b.rows[row]; r != nil {
		cells = r.Cells
	}
	for _, c := range cells {
		if c.Outlet == outlet {
			return cellText(c), c.Label()
		}
	}
	return "", ""
}

// cellText is a cell's text without its marks.
func cellText(c Cell) string {
	var s strings.Builder
	for _, sp := range c.Spans {
		s.WriteString(sp.Text)
	}
	return s.String()
}

// voices is exercise 2.
func (b *wsBuilder) voices() wsSection {
	sec := wsSection{ID: "voices", Title: "Missing voices",
		Instructions: "Some outlets quote these words and others leave them out."}
	var cands []int
	for i, q := range b.rep.Quotes {
		quoted, omitted := false, false
		for _, c := range q.Cells {
			switch c.Status {
			case compare.StatusFull, compare.StatusTruncated, compare.StatusAltered:
				quoted = true
			case compare.StatusOmitted:
				omitted = true
			}
		}
		if quoted && omitted {
			cands = append(cands, i)
		}
	}
	picked := map[int]bool{}
	speakers := map[string]bool{}
	for pass := 0; pass < 2; pass++ {
		for _, i := range cands {
			sp := b.rep.Quotes[i].Speaker
			if len(picked) == wsMaxVoices || picked[i] || pass == 0 && speakers[sp] {
				continue
			}
			picked[i] = true
			speakers[sp] = true
		}
	}
	sec.More = wsMore(len(cands)-len(picked), "quote that some outlets leave out", "quotes that some outlets leave out")
	for _, i := range cands {
		if !picked[i] {
			continue
		}
		q := b.rep.Quotes[i]
		it := wsItem{Title: "Quote " + q.ID, Passages: []wsPassage{{Text: []inline{{Text: q.Text}}, Quote: true}}}
		if b.key {
			speaker := q.Speaker
			if speaker == "" {
				speaker = "not named"
			}
			it.Answers = append(it.Answers, []inline{{Text: "Said by: "}, {Text: speaker, Strong: true}})
			if q.Disputed {
				var others []string
				for _, c := range q.Cells {
					if c.Speaker != "" && c.Speaker != q.Speaker {
						others = append(others, b.name(c.Outlet)+" names "+c.Speaker)
					}
				}
				if len(others) > 0 {
					it.Answers = append(it.Answers, []inline{{Text: "The outlets disagree on the speaker: " + strings.Join(others, "; ") + "."}})
				}
			}
			it.Answers = append(it.Answers, b.statusAnswers(q)...)
		} else {
			it.Questions = []wsQuestion{
				{Letter: "(a)", Text: "Which outlet or outlets leave this quote out?", Lines: 1},
				{Letter: "(b)", Text: "Who said it? Whose voice, or which side of the story, do readers of those outlets not hear?", Lines: 2},
			}
		}
		sec.Items = append(sec.Items, it)
	}
	return sec
}

// statusAnswers lists, status by status in the legend's order, the
// outlets that treat a quote so.
func (b *wsBuilder) statusAnswers(q QuoteRow) [][]inline {
	var out [][]inline
	for _, l := range b.rep.Legend {
		var names []string
		for _, c := range q.Cells {
			if c.Status == l.Status {
				names = append(names, b.name(c.Outlet))
			}
		}
		if len(names) > 0 {
			meaning := l.Meaning
			if meaning == "" {
				meaning = l.Status
			}
			out = append(out, []inline{{Text: wsCapital(meaning) + ": "}, {Text: strings.Join(names, ", "), Strong: l.Status == compare.StatusOmitted}})
		}
	}
	return out
}

// facts is exercise 3: sentences the comparison matched to no other
// outlet's. The aligner may miss a fact another outlet words otherwise,
// so the exercise says what slant found, asks the students to check, and
// the key shows each other outlet's closest sentence. Nothing is asked
// when no sentence aligns at all: then every sentence is one outlet's.
func (b *wsBuilder) facts() wsSection {
	sec := wsSection{ID: "facts", Title: "Facts only one outlet seems to report",
		Instructions: "slant found no sentence in the other articles that matches each of these. " +
			"That does not prove the others leave the fact out: one may report it in other words."}
	if b.rep.Aligned == 0 {
		return sec
	}
	// Each outlet's sentences mostly in its own words, and the others.
	own, quoted := map[string][]int{}, map[string][]int{}
	for i, r := range b.rep.Rows {
		switch {
		case r.Unique == "":
		case wsOwnWords(r):
			own[r.Unique] = append(own[r.Unique], i)
		default:
			quoted[r.Unique] = append(quoted[r.Unique], i)
		}
	}
	// In turn: each outlet's first sentence in its own words; the first
	// other sentence of each outlet that has none; the outlets' further
	// sentences in their own words, round by round; then the rest.
	var order []int
	for _, o := range b.rep.Outlets {
		if len(own[o.ID]) > 0 {
			order = append(order, own[o.ID][0])
		} else if len(quoted[o.ID]) > 0 {
			order = append(order, quoted[o.ID][0])
		}
	}
	for _, lists := range []map[string][]int{own, quoted} {
		for round := 0; ; round++ {
			took := false
			for _, o := range b.rep.Outlets {
				if rows := lists[o.ID]; round < len(rows) {
					order = append(order, rows[round])
					took = true
				}
			}
			if !took {
				break
			}
		}
	}
	picked := map[int]bool{}
	unique := 0
	for _, i := range order {
		if picked[i] {
			continue
		}
		unique++
		if len(picked) < wsMaxFacts {
			picked[i] = true
		}
	}
	sec.More = wsMore(unique-len(picked), "sentence found in only one outlet", "sentences found in only one outlet")
	for i, r := range b.rep.Rows {
		if !picked[i] {
			continue
		}
		var cell Cell
		for _, c := range r.Cells {
			if c.Outlet == r.Unique {
				cell = c
			}
		}
		it := wsItem{Title: "Fact", Passages: []wsPassage{{Text: []inline{{Text: cellText(cell)}}}}}
		if b.key {
			var others []string
			for _, o := range b.rep.Outlets {
				if o.ID != r.Unique {
					others = append(others, b.name(o.ID))
				}
			}
			it.Answers = [][]inline{
				{{Text: "Reported by "}, {Text: b.name(r.Unique), Strong: true}, {Text: ": " + wsSentences(cell.Sentences) + " of its story."}},
				{{Text: "slant found no matching sentence in " + strings.Join(others, ", ") +
					". Check whether they report it in other words. The closest sentence of each, the one that shares the most words with it:"}},
			}
			for _, c := range r.Closest {
				if c.Sentence < 0 {
					it.Answers = append(it.Answers, []inline{{Text: b.name(c.Outlet) + ": no sentence shares a word with it (small words such as “the” aside)."}})
					continue
				}
				it.Answers = append(it.Answers, []inline{{Text: b.name(c.Outlet) + ", " + wsSentences([]int{c.Sentence}) + ": "}, {Text: c.Text}})
			}
		} else {
			it.Questions = []wsQuestion{
				{Letter: "(a)", Text: "Which outlet reports this?", Lines: 1},
				{Letter: "(b)", Text: "Does another article report the same fact in other words? If so, which one, and where?", Lines: 1},
				{Letter: "(c)", Text: "Why might this fact matter to a reader?", Lines: 2},
				{Letter: "(d)", Text: "If the other outlets leave it out, why might they?", Lines: 2},
			}
		}
		sec.Items = append(sec.Items, it)
	}
	return sec
}

// wsOwnWords says whether a row's text is mostly the outlet's own words
// rather than a quotation.
func wsOwnWords(r Row) bool {
	quoted, all := 0, 0
	for _, c := range r.Cells {
		for _, sp := range c.Spans {
			all += len(sp.Text)
			if sp.Quoted {
				quoted += len(sp.Text)
			}
		}
	}
	return quoted*2 < all
}

// headlines is exercise 4.
func (b *wsBuilder) headlines() wsSection {
	sec := wsSection{ID: "headlines", Title: "Headlines",
		Instructions: "Each outlet's headline for the same event."}
	it := wsItem{Title: "The headlines"}
	var blanks []string
	for _, o := range b.rep.Outlets {
		if strings.TrimSpace(o.Headline) == "" {
			continue
		}
		it.Passages = append(it.Passages, wsPassage{Label: o.Name, Text: []inline{{Text: o.Headline}}})
		blanks = append(blanks, o.Name)
	}
	if len(it.Passages) < 2 {
		return sec
	}
	if b.key {
		// The headlines are set against the reference's, or the first
		// outlet's where the reference has none.
		base := ""
		for _, o := range b.rep.Outlets {
			if strings.TrimSpace(o.Headline) != "" && (base == "" || o.ID == b.rep.Reference) {
				base = o.ID
			}
		}
		var baseHeadline string
		spans := map[string][]TextSpan{}
		for _, o := range b.rep.Outlets {
			spans[o.ID] = []TextSpan{{Text: o.Headline}}
			if o.ID == base {
				baseHeadline = o.Headline
			}
		}
		for _, c := range b.rep.Headlines {
			if !c.Empty() {
				spans[c.Outlet] = c.Spans
			}
		}
		it.Answers = append(it.Answers, []inline{{Text: "Words in bold are not in " + b.name(base) +
			"'s headline; words in italics are in the lexicon."}})
		for _, o := range b.rep.Outlets {
			if strings.TrimSpace(o.Headline) == "" {
				continue
			}
			text := wsHeadlineWords(spans[o.ID], baseHeadline)
			it.Answers = append(it.Answers, append([]inline{{Text: b.name(o.ID) + ": "}}, text...))
		}
		for _, wc := range b.rep.WordChoices {
			terms := wsTerms(wc)
			if wc.Row != "headline" || len(terms) < 2 {
				continue
			}
			for _, term := range terms {
				names := make([]string, len(term.Outlets))
				for i, id := range term.Outlets {
					names[i] = b.name(id)
				}
				verb := " uses “"
				if len(names) > 1 {
					verb = " use “"
				}
				ans := []inline{{Text: "Word choice, " + wc.Group + ": " + wsList(names) + verb}, {Text: term.Term, Em: true}, {Text: "” " + wsToneNote(term.Tone)}}
				if term.Note != "" {
					ans = append(ans, inline{Text: ": " + term.Note})
				}
				it.Answers = append(it.Answers, ans)
			}
		}
	} else {
		it.Questions = []wsQuestion{
			{Letter: "(a)", Text: "What does each headline put first, or make the story about?", Blanks: blanks},
			{Letter: "(b)", Text: "What does each headline leave out that another one includes?", Blanks: blanks},
		}
	}
	sec.Items = []wsItem{it}
	return sec
}

// wsHeadlineWords marks a headline for the key: its words that the base
// headline does not have in bold (in any case, and a possessive "'s"
// aside: "Moscow's" is in a headline that says "Moscow"), lexicon terms
// in italics.
func wsHeadlineWords(spans []TextSpan, base string) []inline {
	have := map[string]bool{}
	for _, w := range headlineWords(base) {
		have[headlineWordKey(base[w[0]:w[1]])] = true
	}
	var out []inline
	for _, sp := range spans {
		at := 0
		for _, w := range headlineWords(sp.Text) {
			if w[0] > at {
				out = append(out, inline{Text: sp.Text[at:w[0]], Em: sp.Flag != nil})
			}
			out = append(out, inline{Text: sp.Text[w[0]:w[1]], Em: sp.Flag != nil, Strong: !have[headlineWordKey(sp.Text[w[0]:w[1]])]})
			at = w[1]
		}
		if at < len(sp.Text) {
			out = append(out, inline{Text: sp.Text[at:], Em: sp.Flag != nil})
		}
	}
	// What stands between two words in bold, marked alike, is in bold
	// too, so that they read as one stretch ("pre-emptive strike").
	for i := 1; i+1 < len(out); i++ {
		prev, gap, next := out[i-1], out[i], out[i+1]
		if !gap.Strong && prev.Strong && next.Strong && prev.Em == gap.Em && next.Em == gap.Em && len(headlineWords(gap.Text)) == 0 {
			out[i].Strong = true
		}
	}
	// Pieces marked alike are one.
	merged := out[:0]
	for _, in := range out {
		if n := len(merged); n > 0 && merged[n-1].Strong == in.Strong && merged[n-1].Em == in.Em {
			merged[n-1].Text += in.Text
			continue
		}
		merged = append(merged, in)
	}
	return merged
}

// headlineWords are the byte ranges of a headline's words: runs of
// letters and digits, with an apostrophe inside a word kept in it.
func headlineWords(s string) [][2]int {
	var out [][2]int
	start := -1
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i, r := range s {
		switch {
		case isWord(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’') && start >= 0:
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !isWord(next) {
				out = append(out, [2]int{start, i})
				start = -1
			}
		default:
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// headlineWordKey is how a headline word is compared: in lower case,
// with a straight apostrophe, without a possessive "'s".
func headlineWordKey(w string) string {
	return strings.TrimSuffix(strings.ToLower(strings.ReplaceAll(w, "’", "'")), "'s")
}

// altered is exercise 5.
func (b *wsBuilder) altered() wsSection {
	sec := wsSection{ID: "changed-quotes", Title: "Changed quotes",
		Instructions: "These outlets quote the same words, but not in the same way."}
	more := 0
	for _, q := range b.rep.Quotes {
		var full []string
		for _, c := range q.Cells {
			if c.Status == compare.StatusFull {
				full = append(full, b.plainName(c.Outlet))
			}
		}
		first := "The fullest version"
		if len(full) > 0 {
			first = "Quoted by " + wsList(full)
		}
		// Outlets that change the quote into the same words are one item:
		// the same two versions shown once, with every outlet that has them.
		var versions [][]QuoteCell
		for _, c := range q.Cells {
			if c.Status != compare.StatusAltered {
				continue
			}
			k := slices.IndexFunc(versions, func(v []QuoteCell) bool { return v[0].Text == c.Text })
			if k < 0 {
				versions = append(versions, []QuoteCell{c})
			} else {
				versions[k] = append(versions[k], c)
			}
		}
		for _, cells := range versions {
			if len(sec.Items) == wsMaxAltered {
				more++
				continue
			}
			c := cells[0]
			ids, names := make([]string, len(cells)), make([]string, len(cells))
			for i, cc := range cells {
				ids[i], names[i] = cc.Outlet, b.plainName(cc.Outlet)
			}
			it := wsItem{Title: "Quote " + q.ID, Passages: []wsPassage{
				{Label: first, Text: []inline{{Text: q.Text}}, Quote: true},
				{Label: "Quoted by " + wsList(names), Text: []inline{{Text: c.Text}}, Quote: true},
			}}
			if b.key {
				speaker := q.Speaker
				if speaker == "" {
					speaker = "not named"
				}
				diff := spanInlines(c.Diff, nil)
				if len(diff) == 0 {
					diff = []inline{{Text: c.Text}}
				}
				how := " changed the quote (its own words in bold, the words it dropped or replaced struck through): “"
				if len(ids) > 1 {
					how = " changed the quote the same way (their own words in bold, the words they dropped or replaced struck through): “"
				}
				it.Answers = [][]inline{
					append(append(b.strongNames(ids), inline{Text: how}), append(diff, inline{Text: "”"})...),
					{{Text: "Said by: " + speaker}},
				}
			} else {
				it.Questions = []wsQuestion{
					{Letter: "(a)", Text: "Which words are different?", Lines: 1},
					{Letter: "(b)", Text: "Does the change alter what the speaker seems to say, or how they sound? How?", Lines: 2},
				}
			}
			sec.Items = append(sec.Items, it)
		}
	}
	sec.More = wsMore(more, "changed quote", "changed quotes")
	return sec
}

// wsMore says how many more of a kind the full report has, or "" for
// none.
func wsMore(n int, one, many string) string {
	switch {
	case n <= 0:
		return ""
	case n == 1:
		return "1 more " + one + " is in the full report."
	}
	return fmt.Sprintf("%d more %s are in the full report.", n, many)
}

// wsSentences names sentences counted from 1: "sentence 3", "sentences
// 3 and 4".
func wsSentences(idx []int) string {
	nums := make([]string, len(idx))
	for i, k := range idx {
		nums[i] = fmt.Sprint(k + 1)
	}
	if len(nums) == 1 {
		return "sentence " + nums[0]
	}
	return "sentences " + wsList(nums)
}

// wsCount says how many articles there are, in words for a few.
func wsCount(n int) string {
	words := []string{"no articles", "one article", "two articles", "three articles", "four articles", "five articles", "six articles"}
	if n < len(words) {
		return words[n]
	}
	return fmt.Sprintf("%d articles", n)
}

// wsList joins names as "A, B and C".
func wsList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// wsCapital starts s with a capital letter.
func wsCapital(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// wsAnswerLine is the line a student writes on.
const wsAnswerLine = "________________________________________________"

// markdown writes the sheet as Markdown.
func (s *wsSheet) markdown(w *bufio.Writer) {
	line := func(l string) { w.WriteString(l + "\n") }
	line("# " + mdEscape(s.Heading, false))
	for _, p := range s.Lead {
		line("")
		line(mdEscape(p, true))
	}
	if !s.Key {
		line("")
		line("Name: ______________________  Class: __________  Date: __________")
	} else {
		line("")
		line("## Which outlet is which")
		line("")
		if len(s.Outlets) == 0 {
			line(mdEscape(s.NotBlind, true))
		} else {
			line("| Letter | Outlet | Source |")
			line("| --- | --- | --- |")
			for _, k := range s.Outlets {
				line("| " + mdOr(mdEscape(k.Letter, false), " ") + " | " + mdOr(mdEscape(k.Outlet, false), " ") +
					" | " + mdOr(mdEscape(k.Source, false), " ") + " |")
			}
		}
	}
	for _, sec := range s.Sections {
		line("")
		line(fmt.Sprintf("## %d. %s", sec.Number, mdEscape(sec.Title, false)))
		if sec.Instructions != "" {
			line("")
			line(mdEscape(sec.Instructions, true))
		}
		for _, it := range sec.Items {
			line("")
			line("### " + mdEscape(it.Number+" "+it.Title, false))
			for i, p := range it.Passages {
				if i == 0 {
					line("")
				} else {
					line(">")
				}
				text := mdInlines(p.Text, p.Label == "" && !p.Quote)
				if p.Quote {
					text = "“" + text + "”"
				}
				if p.Label != "" {
					label := "**" + mdEscape(p.Label, false) + "**"
					if p.Sentences != "" {
						label += " " + p.Sentences
					}
					text = label + ": " + text
				}
				line("> " + text)
			}
			for _, q := range it.Questions {
				line("")
				line(mdEscape(q.Letter+" "+q.Text, true))
				line("")
				if len(q.Blanks) > 0 {
					for _, bl := range q.Blanks {
						line("- " + mdEscape(bl, false) + ": " + wsAnswerLine)
					}
					continue
				}
				line("Your answer: " + wsAnswerLine)
				for range q.Lines - 1 {
					line("")
					line(wsAnswerLine + "____________")
				}
			}
			if len(it.Answers) > 0 || len(it.AnswerGroups) > 0 {
				line("")
				for _, g := range it.AnswerGroups {
					line("- " + mdInlines(g.Head, false))
					for _, a := range g.Lines {
						line("  - " + mdInlines(a, false))
					}
				}
				for _, a := range it.Answers {
					line("- " + mdInlines(a, false))
				}
			}
		}
		if sec.More != "" {
			line("")
			line(mdEscape(sec.More, true))
		}
	}
}

// wsTemplate is the HTML form of a worksheet or key: one page with its
// styles inline, laid out for printing. Every piece of article text
// reaches it as a plain string and is escaped. It is parsed when first
// needed.
var wsTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("sheet").Funcs(template.FuncMap{
		"lines": func(n int) []struct{} { return make([]struct{}, max(n, 0)) },
	}).Parse(`{{define "inline"}}{{range .}}{{if .Strike}}<del>{{.Text}}</del>{{else}}{{if .Strong}}<strong>{{end}}{{if .Em}}<em>{{end}}{{.Text}}{{if .Em}}</em>{{end}}{{if .Strong}}</strong>{{end}}{{end}}{{end}}{{end -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Heading}}</title>
<style>
body { font: 12pt/1.5 Georgia, "Times New Roman", serif; color: #111; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.8em 0 .4em; padding-bottom: .15em; border-bottom: 2px solid #333; }
h3 { font-size: 1.05em; margin: 1.2em 0 .3em; }
blockquote { margin: .5em 0; padding: .3em .9em; border-left: 4px solid #888; background: #f4f4f4; }
blockquote p { margin: .35em 0; }
.label { font-weight: bold; }
.question { margin: .8em 0 .2em; }
.blank { border-bottom: 1px solid #555; min-height: 1.9em; margin: 0 0 .2em; }
.blank span { display: inline-block; min-width: 6em; padding-top: .5em; }
.student { margin: 1em 0; }
.student span { display: inline-block; border-bottom: 1px solid #555; width: 12em; margin: 0 1.5em 0 .3em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #999; padding: .25em .6em; text-align: left; vertical-align: top; }
ul.answers { margin: .4em 0; padding-left: 1.4em; }
ul.answers li { margin: .2em 0; }
.item { break-inside: avoid; page-break-inside: avoid; }
.more { font-style: italic; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  blockquote { background: none; }
}
</style>
</head>
<body>
<h1>{{.Heading}}</h1>
{{range .Lead}}<p>{{.}}</p>
{{end -}}
{{if .Key}}<section id="outlets">
<h2>Which outlet is which</h2>
{{if .Outlets}}<table>
<thead><tr><th>Letter</th><th>Outlet</th><th>Source</th></tr></thead>
<tbody>
{{range .Outlets}}<tr><td>{{.Letter}}</td><td>{{.Outlet}}</td><td>{{.Source}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p>{{.NotBlind}}</p>
{{end}}</section>
{{else}}<p class="student">Name:<span></span>Class:<span></span>Date:<span></span></p>
{{end -}}
{{range .Sections}}<section id="{{.ID}}">
<h2>{{.Number}}. {{.Title}}</h2>
{{if .Instructions}}<p>{{.Instructions}}</p>
{{end -}}
{{range .Items}}<div class="item">
<h3>{{.Number}} {{.Title}}</h3>
{{if .Passages}}<blockquote>
{{range .Passages}}<p>{{if .Label}}<span class="label">{{.Label}}</span>{{if .Sentences}} {{.Sentences}}{{end}}: {{end}}{{if .Quote}}“{{end}}{{template "inline" .Text}}{{if .Quote}}”{{end}}</p>
{{end}}</blockquote>
{{end -}}
{{range .Questions}}<p class="question">{{.Letter}} {{.Text}}</p>
{{range .Blanks}}<div class="blank"><span>{{.}}:</span></div>
{{else}}{{range lines .Lines}}<div class="blank"></div>
{{end}}{{end}}{{end -}}
{{if or .Answers .AnswerGroups}}<ul class="answers">
{{range .AnswerGroups}}<li>{{template "inline" .Head}}
<ul>
{{range .Lines}}<li>{{template "inline" .}}</li>
{{end}}</ul></li>
{{end}}{{range .Answers}}<li>{{template "inline" .}}</li>
{{end}}</ul>
{{end}}</div>
{{end}}{{with .More}}<p class="more">{{.}}</p>
{{end}}</section>
{{end}}</body>
</html>
`))
})
