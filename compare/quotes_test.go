package compare

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"
)

var (
	quoteMisses = flag.Bool("quotemisses", false, "list every quote error in TestQuoteQuality")
	quoteOnly   = flag.String("quoteonly", "", "score only the test events whose directory name holds this")
)

// goldQuotes is a hand-made quotes.yaml: see testdata/README.md.
type goldQuotes struct {
	Speakers []struct {
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
	} `yaml:"speakers"`
	Quotes []struct {
		ID      string             `yaml:"id"`
		Speaker string             `yaml:"speaker"`
		Text    string             `yaml:"text"`
		Outlets map[string]goldUse `yaml:"outlets"`
	} `yaml:"quotes"`
}

type goldUse struct {
	Status  string   `yaml:"status"`
	Kind    string   `yaml:"kind"`
	Speaker string   `yaml:"speaker"`
	Parts   []string `yaml:"parts"`
}

func readGoldQuotes(t *testing.T, path string) *goldQuotes {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: every test event needs its gold quotes", err)
	}
	var g goldQuotes
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &g
}

// normQuote makes quoted text comparable: one kind of apostrophe, single
// spaces, no punctuation or space at either end.
func normQuote(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

func normParts(parts []string) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = normQuote(p)
	}
	return normQuote(strings.Join(out, " "))
}

// quoteScore accumulates the quality figures.
type quoteScore struct {
	tp, fp, fn            int
	speakerOK, speakerAll int
	statusOK, statusAll   int
	kindOK, kindAll       int
	misses                []string
}

func (s *quoteScore) add(o quoteScore) {
	s.tp += o.tp
	s.fp += o.fp
	s.fn += o.fn
	s.speakerOK += o.speakerOK
	s.speakerAll += o.speakerAll
	s.statusOK += o.statusOK
	s.statusAll += o.statusAll
	s.kindOK += o.kindOK
	s.kindAll += o.kindAll
	s.misses = append(s.misses, o.misses...)
}

func qratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scoreQuotes compares one event's quotes with its gold file.
func scoreQuotes(t *testing.T, dir, goldPath string) quoteScore {
	t.Helper()
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compare(ev, Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold := readGoldQuotes(t, goldPath)
	aliases := map[string]map[string]bool{}
	for _, sp := range gold.Speakers {
		set := map[string]bool{strings.ToLower(sp.Name): true}
		for _, a := range sp.Aliases {
			set[strings.ToLower(a)] = true
		}
		aliases[sp.Name] = set
	}
	name := filepath.Base(dir)
	var sc quoteScore
	miss := func(format string, args ...any) {
		sc.misses = append(sc.misses, name+": "+sprintf(format, args...))
	}
	artIndex := map[string]int{}
	for i, a := range res.Articles {
		artIndex[a.ID] = i
	}
	// matched[outlet][quote index] = gold quote id
	matched := map[string]map[int]string{}
	for _, g := range gold.Quotes {
		for outlet := range g.Outlets {
			if _, ok := artIndex[outlet]; !ok {
				t.Fatalf("%s: gold quote %s names outlet %q, which the event does not have", goldPath, g.ID, outlet)
			}
		}
	}
	for _, a := range res.Articles {
		used := map[int]bool{}
		matched[a.ID] = map[int]string{}
		for _, g := range gold.Quotes {
			use, ok := g.Outlets[a.ID]
			if !ok {
				t.Errorf("%s: gold quote %s does not list outlet %s", goldPath, g.ID, a.ID)
				continue
			}
			if len(use.Parts) == 0 {
				continue
			}
			want := normParts(use.Parts)
			// One quote, or a run of consecutive quotes where the outlet
			// splits a statement that the gold keeps as one.
			found, run := -1, 0
			for qi := range a.Quotes {
				joined := ""
				for n := 0; qi+n < len(a.Quotes) && n < 4 && !used[qi+n]; n++ {
					var parts []string
					for _, p := range a.Quotes[qi+n].Parts {
						parts = append(parts, a.Text[p.Start:p.End])
					}
					joined = normQuote(strings.TrimSpace(joined + " " + normParts(parts)))
					if joined == want {
						found, run = qi, n+1
						break
					}
					if !strings.HasPrefix(want, joined) {
						break
					}
				}
				if found >= 0 {
					break
				}
			}
			if found < 0 {
				sc.fn++
				miss("%s missed %s %q", a.ID, g.ID, want)
				continue
			}
			for n := range run {
				used[found+n] = true
				matched[a.ID][found+n] = g.ID
			}
			sc.tp++
			q := a.Quotes[found]
			wantSpeaker := g.Speaker
			if use.Speaker != "" {
				wantSpeaker = use.Speaker
			}
			sc.speakerAll++
			switch {
			case (wantSpeaker == "none" || wantSpeaker == "unknown") && q.Speaker == "":
				sc.speakerOK++
			case aliases[wantSpeaker][strings.ToLower(q.Speaker)] || strings.EqualFold(wantSpeaker, q.Speaker):
				sc.speakerOK++
			default:
				miss("%s %s speaker %q (from %q, %s), want %q", a.ID, g.ID, q.Speaker, q.SpeakerText, q.Attribution, wantSpeaker)
			}
			if use.Kind != "" {
				sc.kindAll++
				if use.Kind == q.Kind {
					sc.kindOK++
				} else {
					miss("%s %s kind %s, want %s", a.ID, g.ID, q.Kind, use.Kind)
				}
			}
		}
		for qi, q := range a.Quotes {
			if !used[qi] {
				sc.fp++
				miss("%s extra quote %q", a.ID, q.Text)
			}
		}
	}
	// Statuses: each gold statement's predicted group is the one holding a
	// quote matched to it.
	for _, g := range gold.Quotes {
		var group *QuoteGroup
		for gi := range res.Quotes {
			for _, u := range res.Quotes[gi].Outlets {
				if u.Quote >= 0 && matched[u.Outlet][u.Quote] == g.ID {
					group = &res.Quotes[gi]
					break
				}
			}
			if group != nil {
				break
			}
		}
		outlets := make([]string, 0, len(g.Outlets))
		for o := range g.Outlets {
			outlets = append(outlets, o)
		}
		sort.Strings(outlets)
		for _, o := range outlets {
			sc.statusAll++
			got := "(no group)"
			if group != nil {
				got = group.Outlets[artIndex[o]].Status
			}
			if got == g.Outlets[o].Status {
				sc.statusOK++
			} else {
				miss("%s %s status %s, want %s", o, g.ID, got, g.Outlets[o].Status)
			}
		}
	}
	return sc
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// TestQuoteQuality scores quote extraction, speakers and cross-outlet
// statuses against the hand-made gold quotes of every test event and of
// the hard cases, and fails below span precision 0.95, recall 0.90,
// speaker accuracy 0.90 and status accuracy 0.90 over all of them.
func TestQuoteQuality(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/events/*")
	dirs = append(dirs, "../testdata/quotes/hard-cases")
	var total quoteScore
	for _, dir := range dirs {
		if !strings.Contains(filepath.Base(dir), *quoteOnly) {
			continue
		}
		sc := scoreQuotes(t, dir, filepath.Join(dir, "quotes.yaml"))
		t.Logf("%-28s P %.3f R %.3f speaker %.3f status %.3f kind %.3f (%d quotes found, %d gold)",
			filepath.Base(dir), qratio(sc.tp, sc.tp+sc.fp), qratio(sc.tp, sc.tp+sc.fn), qratio(sc.speakerOK, sc.speakerAll),
			qratio(sc.statusOK, sc.statusAll), qratio(sc.kindOK, sc.kindAll), sc.tp+sc.fp, sc.tp+sc.fn)
		total.add(sc)
	}
	p, r := qratio(total.tp, total.tp+total.fp), qratio(total.tp, total.tp+total.fn)
	spk, st := qratio(total.speakerOK, total.speakerAll), qratio(total.statusOK, total.statusAll)
	t.Logf("%-28s P %.3f R %.3f speaker %.3f status %.3f kind %.3f", "all", p, r, spk, st, qratio(total.kindOK, total.kindAll))
	if *quoteMisses {
		for _, m := range total.misses {
			t.Log(m)
		}
	}
	// The second independent event was written and annotated after the
	// rules above were made, and first scored before any change prompted
	// by it (P 1.000 R 1.000, speaker 0.794, status 0.906); its figures
	// are reported on their own, and count in the bar too.
	held := "../testdata/quotes/held-out"
	if *quoteOnly == "" || strings.Contains("held-out", *quoteOnly) {
		sc := scoreQuotes(t, held, filepath.Join(held, "quotes.yaml"))
		t.Logf("%-28s P %.3f R %.3f speaker %.3f status %.3f kind %.3f (%d quotes found, %d gold)",
			"held-out (scored apart)", qratio(sc.tp, sc.tp+sc.fp), qratio(sc.tp, sc.tp+sc.fn), qratio(sc.speakerOK, sc.speakerAll),
			qratio(sc.statusOK, sc.statusAll), qratio(sc.kindOK, sc.kindAll), sc.tp+sc.fp, sc.tp+sc.fn)
		if *quoteMisses {
			for _, m := range sc.misses {
				t.Log(m)
			}
		}
		total.add(sc)
		p, r = qratio(total.tp, total.tp+total.fp), qratio(total.tp, total.tp+total.fn)
		spk, st = qratio(total.speakerOK, total.speakerAll), qratio(total.statusOK, total.statusAll)
		t.Logf("%-28s P %.3f R %.3f speaker %.3f status %.3f", "all, held-out included", p, r, spk, st)
	}
	if p < 0.95 || r < 0.90 || spk < 0.90 || st < 0.90 {
		t.Errorf("quote quality below the bar (P 0.95, R 0.90, speaker 0.90, status 0.90): P %.3f R %.3f speaker %.3f status %.3f; run with -quotemisses to list the errors",
			p, r, spk, st)
	}
}

// TestStemIndex checks the paraphrase index against the sentences' stems
// read one by one: each stem's postings in an article are exactly the
// sentences holding it, in order, and its count is the event's.
func TestStemIndex(t *testing.T) {
	articles := []Article{
		{Sentences: []Sentence{{Index: 0, Text: "The shield plans were shielded."}, {Index: 1, Text: "Talks on the shield."}, {Index: 2, Text: "Nothing here."}}},
		{Sentences: []Sentence{{Index: 0, Text: "Plans, plans and more plans."}, {Index: 1, Text: "A pre-emptive shield talk."}}},
	}
	x := newStemIndex(articles, newFeatureSet())
	df := map[int32]int32{}
	for ai, a := range articles {
		want := map[int32][]int32{}
		for _, s := range a.Sentences {
			for _, id := range x.contentStems(s.Text, nil) {
				want[id] = append(want[id], int32(s.Index))
				df[id]++
			}
		}
		for id := range int32(len(x.df)) {
			var got []int32
			for _, p := range x.sentences(ai, id) {
				if p.stem != id {
					t.Fatalf("article %d, stem %d: a posting of stem %d", ai, id, p.stem)
				}
				got = append(got, p.sentence)
			}
			if !slices.Equal(got, want[id]) {
				t.Errorf("article %d, stem %d: sentences %v, want %v", ai, id, got, want[id])
			}
		}
	}
	for id, n := range df {
		if x.df[id] != n {
			t.Errorf("stem %d: in %d sentences, want %d", id, x.df[id], n)
		}
	}
	if x.total != 5 || len(df) < 5 {
		t.Errorf("%d sentences and %d stems", x.total, len(df))
	}
}

// TestQuoteDiffPunctuation checks that a quote diff's texts join
// punctuation to the word before it, an ellipsis too.
func TestQuoteDiffPunctuation(t *testing.T) {
	src := &Article{Text: `We will act… now, today.`}
	a := &Article{Text: `We must act… now, today.`}
	ops := quoteDiff(src, []Span{{0, len(src.Text)}}, a, []Span{{0, len(a.Text)}})
	var texts []string
	for _, op := range ops {
		texts = append(texts, op.FromText, op.ToText)
	}
	joined := strings.Join(texts, "|")
	if strings.Contains(joined, " …") || strings.Contains(joined, " ,") || !strings.Contains(joined, "act… now, today.") {
		t.Errorf("diff texts %q: punctuation set apart from its word", texts)
	}
}

// TestQuoteDiffSourceText checks that every op of a quote diff holds the
// article's own bytes between its offsets, whatever the punctuation inside
// words, and that no op runs over the attribution between two parts.
func TestQuoteDiffSourceText(t *testing.T) {
	src := &Article{Text: `"The $5bn U.S.-backed plan won't fail—it's 100% funded (mostly)," Okoro said. "For sixty days the guns stay silent."`}
	a := &Article{Text: `"The $6bn U.S.-backed plan won't fail—it's 100% funded," the minister said, "mostly."`}
	span := func(text, s string) Span {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in %q", s, text)
		}
		return Span{i, i + len(s)}
	}
	full := []Span{
		span(src.Text, `The $5bn U.S.-backed plan won't fail—it's 100% funded (mostly),`),
		span(src.Text, `For sixty days the guns stay silent.`),
	}
	parts := []Span{
		span(a.Text, `The $6bn U.S.-backed plan won't fail—it's 100% funded,`),
		span(a.Text, `mostly.`),
	}
	ops := quoteDiff(src, full, a, parts)
	if len(ops) == 0 {
		t.Fatal("no ops")
	}
	within := func(spans []Span, s, e int) bool {
		for _, p := range spans {
			if s >= p.Start && e <= p.End {
				return true
			}
		}
		return false
	}
	// Nothing is lost: the ops cover every byte of both versions' parts
	// but white space.
	fromCovered := make([]bool, len(src.Text))
	toCovered := make([]bool, len(a.Text))
	for _, op := range ops {
		if op.FromStart >= 0 {
			if got := src.Text[op.FromStart:op.FromEnd]; op.FromText != got {
				t.Errorf("%s op: from text %q, but the article holds %q there", op.Op, op.FromText, got)
			}
			if !within(full, op.FromStart, op.FromEnd) {
				t.Errorf("%s op %q runs over the gap between the quote's parts", op.Op, op.FromText)
			}
			for k := op.FromStart; k < op.FromEnd; k++ {
				fromCovered[k] = true
			}
		}
		if op.ToStart >= 0 {
			if got := a.Text[op.ToStart:op.ToEnd]; op.ToText != got {
				t.Errorf("%s op: to text %q, but the article holds %q there", op.Op, op.ToText, got)
			}
			if !within(parts, op.ToStart, op.ToEnd) {
				t.Errorf("%s op %q runs over the gap between the quote's parts", op.Op, op.ToText)
			}
			for k := op.ToStart; k < op.ToEnd; k++ {
				toCovered[k] = true
			}
		}
	}
	uncovered := func(text string, spans []Span, covered []bool) string {
		var b strings.Builder
		for _, p := range spans {
			for k := p.Start; k < p.End; k++ {
				if !covered[k] && text[k] != ' ' {
					b.WriteByte(text[k])
				}
			}
		}
		return b.String()
	}
	if u := uncovered(src.Text, full, fromCovered); u != "" {
		t.Errorf("bytes of the full quote in no op: %q", u)
	}
	if u := uncovered(a.Text, parts, toCovered); u != "" {
		t.Errorf("bytes of the outlet's quote in no op: %q", u)
	}
}

// TestHeavilyAlteredQuote checks that a quote with every third word
// changed (it shares no three words in a row with the other version) is
// still one statement, altered in one outlet, rather than two statements
// each omitted by the other outlet.
func TestHeavilyAlteredQuote(t *testing.T) {
	res := compareTwo(t,
		"Plan defended\n\nMinister Rhea Okoro defended the plan on Monday. \"The $5bn U.S.-backed plan won't fail—it's 100% funded (mostly),\" Okoro said.\n",
		"Plan defended\n\nMinister Rhea Okoro defended the plan on Monday. \"The $6bn U.S.-led plan will not fail—it's 90% funded (mostly),\" Okoro said.\n")
	if len(res.Quotes) != 1 {
		t.Fatalf("%d statements, want 1", len(res.Quotes))
	}
	var statuses []string
	for _, u := range res.Quotes[0].Outlets {
		statuses = append(statuses, u.Status)
	}
	if !slices.Contains(statuses, StatusAltered) || slices.Contains(statuses, StatusOmitted) {
		t.Errorf("statuses %v, want one version altered and none omitted", statuses)
	}
}

// TestQuotedSentenceNoParaphrase checks that a sentence holding another
// direct quote is not taken for a paraphrase of a statement, however many
// of its content words it shares: it is someone quoted, not the outlet's
// own account of what was said.
func TestQuotedSentenceNoParaphrase(t *testing.T) {
	res := compareTwo(t,
		"Dam holds\n\nThe river rose again on Monday. \"Winter storms will not break the dam,\" engineer Anna Berg said.\n",
		"Dam holds\n\nThe river rose again on Monday. \"Break? The dam? Not in any winter storm,\" resident Pia Holm said.\n")
	for _, g := range res.Quotes {
		for _, u := range g.Outlets {
			if u.Status == StatusParaphrased {
				t.Errorf("%s: %s's sentence %q called a paraphrase of %q", g.ID, u.Outlet, u.Text, g.Text)
			}
		}
	}
}

// compareTwo compares two plain-text articles, "one" and "two".
func compareTwo(t *testing.T, one, two string) *Result {
	t.Helper()
	res, err := Compare(Event{Documents: []Document{
		{Source: "one.txt", Name: "one", Kind: "text", Text: one},
		{Source: "two.txt", Name: "two", Kind: "text", Text: two},
	}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestQuotedWordsAddUp checks that words are counted one way throughout:
// for every outlet of the test events (and one quoting a dash-broken
// sentence), its words outside quotation marks and its quoted words per
// speaker add up to its words.
func TestQuotedWordsAddUp(t *testing.T) {
	events := append(testdataEvents(t), Event{Documents: []Document{
		{Source: "a.txt", Name: "a", Kind: "text", Text: "Mayor Ann Lee spoke on Monday about the new bridge plan.\n\n\"We will build it — and soon — for everyone,\" Lee said.\n"},
		{Source: "b.txt", Name: "b", Kind: "text", Text: "Mayor Ann Lee spoke on Monday about the bridge plan.\n\n\"We will build it soon,\" Lee said.\n"},
	}})
	lex := defaultLexicon(t) // the figures are made with the lexicon's
	for _, ev := range events {
		res, err := Compare(ev, Options{Lexicon: lex})
		if err != nil {
			t.Fatal(err)
		}
		quoted := map[string]int{}
		for _, s := range res.Speakers {
			quoted[s.Outlet] += s.Words
		}
		for _, st := range res.Stats {
			if got := st.NarrationWords + quoted[st.Outlet]; got != st.Words {
				t.Errorf("%s: %d narration words and %d quoted make %d, but the body has %d", st.Outlet, st.NarrationWords, quoted[st.Outlet], got, st.Words)
			}
		}
	}
}

// TestBodyDescriptions checks who "the union" or "the environment agency"
// is: a body the article calls so ("the dockworkers' union, United Harbour
// Workers"), else the description itself, never the last body to speak
// ("Police said ..." before "The union says ...").
func TestBodyDescriptions(t *testing.T) {
	res := compareTwo(t,
		"Port strike looms\n\nPolice said some protesters threw bottles at the gates on Friday night.\n\nThe union says its members will walk out for 48 hours from 16 March.\n\nThe environment agency said the river readings were normal by evening.\n",
		"Port strike looms\n\nMarta Kellan leads the dockworkers' union, United Harbour Workers, which opposes the plan.\n\nUnited Harbour Workers said the plan would cut 1,100 jobs at the port.\n\nThe union said it would hold a 48-hour strike from 16 March.\n")
	want := map[string]string{"one:The union": "union", "one:The environment agency": "environment agency", "two:The union": "United Harbour Workers"}
	got := map[string]string{}
	for _, a := range res.Articles {
		for _, st := range a.Statements {
			got[a.ID+":"+st.SpeakerText] = st.Speaker
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: speaker %q, want %q (all: %v)", k, got[k], w, got)
		}
	}
}

// TestNotReportedSpeech checks that a reporting verb whose object is no
// report makes no statement: a toll ("has claimed more than 4,200 lives")
// or a figure alone ("organisers claimed 5,000"), while "the union claimed
// the plan would cut jobs" still does.
func TestNotReportedSpeech(t *testing.T) {
	res := compareTwo(t,
		"Ceasefire signed\n\nThe conflict has claimed more than 4,200 lives since it began.\n\nPolice put the crowd at 2,400, while organisers claimed 5,000.\n\nThe union claimed the plan would cut 1,100 jobs at the port.\n",
		"Ceasefire signed\n\nMore than 4,200 people have died in the conflict.\n\nThe crowd was put at 2,400 by police.\n")
	var got []string
	for _, st := range res.Articles[0].Statements {
		got = append(got, st.Text)
	}
	if len(got) != 1 || got[0] != "the plan would cut 1,100 jobs at the port" {
		t.Errorf("statements %q, want only the union's", got)
	}
}

// TestSpeakersJoinQuotes checks that speakers[] names the speakers as the
// quotes do, so the two can be joined: an unattributed quote's speaker is
// "" in both, not a label of its own.
func TestSpeakersJoinQuotes(t *testing.T) {
	res := compareTwo(t,
		"Storm hits\n\nThe storm hit the coast on Monday. \"It was the worst night of my life.\"\n\n\"We lost the roof,\" resident Pia Holm said.\n",
		"Storm hits\n\nThe storm hit the coast on Monday night.\n")
	speakers := map[string]bool{}
	for _, q := range res.Articles[0].Quotes {
		speakers[q.Speaker] = true
	}
	for _, s := range res.Speakers {
		if !speakers[s.Speaker] {
			t.Errorf("speakers[] names %q, which no quote of %s has (quotes' speakers: %v)", s.Speaker, s.Outlet, speakers)
		}
	}
	if !speakers[""] {
		t.Fatalf("no unattributed quote to check: %v", speakers)
	}
}
