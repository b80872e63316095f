package compare

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/slant-news/slant/lexicon"
)

func defaultLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	l, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func compareWithLexicon(t *testing.T, dir string, lex *lexicon.Lexicon) *Result {
	t.Helper()
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compare(ev, Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestFlagRates counts the built-in lexicon's flags (other than neutral
// ones) per 1,000 words of each outlet's own words on every test event, so
// that false flags show up as a rising rate. The wire services, written
// plainly, must stay low; each event's most loaded outlet must be flagged
// more often than its wire.
func TestFlagRates(t *testing.T) {
	lex := defaultLexicon(t)
	wires := map[string]bool{"meridian-wire": true, "crossroads-wire": true, "northway-wire": true, "eastline-news-agency": true}
	dirs, _ := filepath.Glob("../testdata/events/*/event.yaml")
	for _, m := range dirs {
		res := compareWithLexicon(t, filepath.Dir(m), lex)
		var wireRate, maxRate float64
		for i, st := range res.Stats {
			n := 0
			var terms []string
			for _, f := range res.Flags {
				if f.Outlet == st.Outlet && f.Scope != string(lexicon.Quote) && f.Tone != "neutral" {
					n++
					terms = append(terms, f.Text)
				}
			}
			rate := float64(n) * 1000 / float64(max(1, st.NarrationWords))
			sort.Strings(terms)
			t.Logf("%-28s %-22s %3d flags, %5.1f per 1,000 words: %s", filepath.Base(filepath.Dir(m)), st.Outlet, n, rate, strings.Join(terms, ", "))
			if wires[res.Articles[i].ID] {
				wireRate = rate
				if rate > 15 {
					t.Errorf("%s: %.1f flags per 1,000 words in plain wire copy: too many false flags", st.Outlet, rate)
				}
			}
			maxRate = max(maxRate, rate)
		}
		if maxRate <= wireRate {
			t.Errorf("%s: no outlet is flagged more than the wire", m)
		}
	}
}

// TestWordChoices checks word choices the NATO event is written to show:
// the same system called a missile defense system and a missile shield, and
// Rasmussen "said" in one outlet where another has him "claim".
func TestWordChoices(t *testing.T) {
	res := compareWithLexicon(t, "../testdata/events/nato-missile-shield-2012", defaultLexicon(t))
	found := map[string]bool{}
	for _, wc := range res.WordChoices {
		group := wc.Concept + wc.Category
		var terms []string
		for _, c := range wc.Choices {
			terms = append(terms, c.Outlet+"="+strings.ToLower(c.Term))
		}
		sort.Strings(terms)
		found[group+": "+strings.Join(terms, " ")] = true
		if len(wc.Choices) < 2 {
			t.Errorf("%s %s: %d choices", wc.Alignment, group, len(wc.Choices))
		}
		seen := map[string]bool{}
		for _, c := range wc.Choices {
			seen[strings.ToLower(c.Term)] = true
		}
		if len(seen) < 2 {
			t.Errorf("%s %s: all outlets chose %v, not a choice", wc.Alignment, group, seen)
		}
	}
	var list []string
	for k := range found {
		list = append(list, k)
	}
	sort.Strings(list)
	t.Logf("word choices:\n%s", strings.Join(list, "\n"))
	wantSome := func(group string, terms ...string) {
		for k := range found {
			if !strings.HasPrefix(k, group+": ") {
				continue
			}
			all := true
			for _, term := range terms {
				all = all && strings.Contains(k, "="+term)
			}
			if all {
				return
			}
		}
		t.Errorf("no %s word choice with %v", group, terms)
	}
	wantSome("attribution", "claimed")
	wantSome("nato-missile-defense", "missile shield")
}

// TestFlagOffsets checks that every flag's offsets find its words again.
func TestFlagOffsets(t *testing.T) {
	lex := defaultLexicon(t)
	dirs, _ := filepath.Glob("../testdata/events/*/event.yaml")
	for _, m := range dirs {
		res := compareWithLexicon(t, filepath.Dir(m), lex)
		byID := map[string]*Article{}
		for i := range res.Articles {
			byID[res.Articles[i].ID] = &res.Articles[i]
		}
		for _, f := range res.Flags {
			text := byID[f.Outlet].Text
			if f.Sentence < 0 {
				text = byID[f.Outlet].Headline
			}
			if text[f.Start:f.End] != f.Text {
				t.Errorf("%s %s: offsets give %q, want %q", f.Outlet, f.Term, text[f.Start:f.End], f.Text)
			}
		}
	}
}

// TestWordChoiceSuggested checks that a flagged term swapped for one of the
// alternatives its entry suggests is a word choice, and that an unrelated
// swap is not.
func TestWordChoiceSuggested(t *testing.T) {
	lex, err := lexicon.Parse("desk.yaml", []byte(`name: desk
categories:
  - id: labels
    label: Labels
    note: Names for groups that judge them.
    entries:
      - {term: thugs, tone: loaded, note: Calls people criminals., suggest: [youths]}
`))
	if err != nil {
		t.Fatal(err)
	}
	doc := func(outlet, body string) Document {
		return Document{Source: outlet + ".txt", Name: outlet, Kind: "text", Outlet: outlet, OutletFrom: "manifest",
			Headline: "Depot clash", Text: body}
	}
	ev := Event{Documents: []Document{
		doc("Bay Courier", "Youths threw stones at the depot on Monday, police said.\n\nMen threw bottles at the bus station on Tuesday, officials said.\n"),
		doc("Harbor Times", "Thugs threw stones at the depot on Monday, police said.\n\nThugs threw bottles at the bus station on Tuesday, officials said.\n"),
	}}
	res, err := Compare(ev, Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, wc := range res.WordChoices {
		var cs []string
		for _, c := range wc.Choices {
			cs = append(cs, c.Outlet+"="+c.Term)
		}
		got = append(got, wc.Alignment+" "+wc.Category+": "+strings.Join(cs, " "))
	}
	want := []string{"a1 labels: bay-courier=youths harbor-times=thugs"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("word choices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEventTermsFlagged checks that the loaded words the test events were
// written with are in the built-in lexicon and found where they stand: each
// outlet's list below must be flagged in its own words (other than neutral
// terms), and the plain wire copy must stay all but unflagged.
func TestEventTermsFlagged(t *testing.T) {
	want := map[string]map[string][]string{
		"nato-missile-shield-2012": {
			"press-tv":      {"missile shield", "US-led", "Western military alliance"},
			"volga-courier": {"claimed", "insisted", "Washington-dominated alliance", "expansion-minded", "Analysts say", "brushes off", "missile shield"},
			"meridian-wire": {},
		},
		"karvania-ceasefire-2025": {
			"highland-voice":  {"freedom fighters", "regime", "rebels", "uprooted"},
			"karvan-herald":   {"terrorists", "militants", "insurgency", "stormed", "claimed"},
			"crossroads-wire": {},
		},
		"solvik-port-protest-2026": {
			"the-daily-clarion":   {"thugs", "mob", "mayhem", "chaos", "fury", "torched", "whopping", "erupted"},
			"the-commerce-ledger": {"rioters", "hurled", "torched", "claimed", "blockade"},
			"solvik-evening-post": {"heavy-handed", "insists"},
		},
		"ashford-derailment-2026": {
			"the-ashgrove-courier": {"insists", "rang hollow"},
		},
	}
	lex := defaultLexicon(t)
	for event, outlets := range want {
		res := compareWithLexicon(t, filepath.Join("../testdata/events", event), lex)
		for outlet, terms := range outlets {
			found := map[string]bool{}
			marked := 0
			for _, f := range res.Flags {
				if f.Outlet == outlet && f.Scope != string(lexicon.Quote) && f.Tone != "neutral" {
					found[strings.ToLower(f.Text)] = true
					found[strings.ToLower(f.Term)] = true
					marked++
				}
			}
			if marked == 0 && len(terms) > 0 {
				t.Errorf("%s %s: nothing flagged (is the outlet id right?)", event, outlet)
			}
			for _, term := range terms {
				if !found[strings.ToLower(term)] {
					t.Errorf("%s %s: %q not flagged", event, outlet, term)
				}
			}
			if len(terms) == 0 && marked > 1 {
				t.Errorf("%s %s: plain copy has %d marked flags", event, outlet, marked)
			}
		}
	}
}

// TestToneRateCountsHeadline checks that a tone's rate per 1,000 words
// divides the flags in an outlet's own words, its headline's included, by
// those words: an outlet whose body is one quotation and whose headline
// holds a doubt marker has a rate above 0 for it.
func TestToneRateCountsHeadline(t *testing.T) {
	res, err := Compare(Event{Documents: []Document{
		{Source: "a.txt", Name: "a", Kind: "text", Text: "Minister allegedly misled parliament\n\n\"We did nothing wrong and we will prove it in court,\" the minister said.\n"},
		{Source: "b.txt", Name: "b", Kind: "text", Text: "Minister denies misleading parliament\n\n\"We did nothing wrong,\" the minister said.\n"},
	}}, Options{Lexicon: defaultLexicon(t)})
	if err != nil {
		t.Fatal(err)
	}
	st := res.Stats[0]
	found := false
	for _, tc := range st.Tones {
		if tc.Count > 0 {
			found = true
			own := st.NarrationWords + countWords(res.Articles[0].Headline)
			if want := math.Round(float64(tc.Count)*1000/float64(own)*10) / 10; tc.PerThousand != want || want == 0 {
				t.Errorf("%s/%s: %d flags, %v per 1,000 words; want %v (%d own words)", tc.Category, tc.Tone, tc.Count, tc.PerThousand, want, own)
			}
		}
	}
	if !found {
		t.Fatalf("no tone counted in %q", res.Articles[0].Headline)
	}
}

// loadEvent loads an event directory.
func loadEvent(t *testing.T, dir string) Event {
	t.Helper()
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// TestWordChoicesPerClaim checks the word choices of an event written to
// show them, whichever outlet is the reference: every outlet that uses a
// term of the group in the claim is listed, not only those whose diff
// against the reference swapped it ("strike" in two outlets beside "walk
// out" and "stoppage"; "crowd", the alternative the lexicon suggests for
// "mob", in four); a sentence rewritten with the speaker last still sets
// its "claimed" against "said"; and in a claim where one outlet says what
// the port authority "said" and what the union "warned", the union's
// "warned" in another outlet is no choice against the authority's "said".
// The headlines' "strike", "walk out" and "stoppage" are a choice too.
// The articles read in another order give the same choices.
func TestWordChoicesPerClaim(t *testing.T) {
	lex := defaultLexicon(t)
	ev := loadEvent(t, "testdata/choices-tallis-port")
	claim := func(res *Result, sentence string) string {
		if sentence == "" {
			return "headline"
		}
		for _, g := range res.Alignments {
			for _, m := range g.Members {
				for _, i := range m.Sentences {
					if strings.HasPrefix(articleByID(res, m.Outlet).Sentences[i].Text, sentence) && m.Outlet == "harbor-ledger" {
						return g.ID
					}
				}
			}
		}
		t.Fatalf("no claim holds the Harbor Ledger's %q", sentence)
		return ""
	}
	want := []struct{ sentence, group, choices string }{
		{"", "strike", "harbor-ledger=strike marrowby-gazette=walk out ostrel-herald=strike quillton-bugle=stoppage tallis-wire=strike"},
		{"Dock workers", "strike", "harbor-ledger=strike marrowby-gazette=walk out ostrel-herald=strike quillton-bugle=stoppage tallis-wire=strike"},
		{"Dock workers", "attribution", "harbor-ledger=said marrowby-gazette=said ostrel-herald=announced quillton-bugle=said tallis-wire=said"},
		{"Port director", "attribution", "harbor-ledger=said marrowby-gazette=claimed ostrel-herald=said quillton-bugle=said tallis-wire=said"},
		{"The port authority", "attribution", "harbor-ledger=said marrowby-gazette=said quillton-bugle=announced"},
		{"A crowd", "protest-participants", "harbor-ledger=crowd marrowby-gazette=mob ostrel-herald=crowd quillton-bugle=crowd tallis-wire=crowd"},
		{"Twelve ships", "attribution", "harbor-ledger=according to marrowby-gazette=said ostrel-herald=said"},
		{"Protesters", "protest-participants", "harbor-ledger=protesters marrowby-gazette=rioters ostrel-herald=protesters quillton-bugle=protesters tallis-wire=protesters"},
		{"Union president", "attribution", "harbor-ledger=said marrowby-gazette=said ostrel-herald=said quillton-bugle=admitted tallis-wire=said"},
		{"The union says", "attribution", "harbor-ledger=said marrowby-gazette=said ostrel-herald=claimed quillton-bugle=said tallis-wire=said"},
	}
	reversed := ev
	reversed.Documents = slices.Clone(ev.Documents)
	slices.Reverse(reversed.Documents)
	for _, ref := range []string{"", "marrowby-gazette", "ostrel-herald", "quillton-bugle", "tallis-wire", "reversed"} {
		t.Run("reference="+ref, func(t *testing.T) {
			ev, ref := ev, ref
			if ref == "reversed" { // the articles in another order
				ev, ref = reversed, ""
			}
			res, err := Compare(ev, Options{Lexicon: lex, Reference: ref})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, wc := range res.WordChoices {
				var cs []string
				for _, c := range wc.Choices {
					cs = append(cs, c.Outlet+"="+strings.ToLower(c.Term))
				}
				got[wc.Alignment+" "+wc.Concept+wc.Category] = strings.Join(cs, " ")
			}
			for _, w := range want {
				k := claim(res, w.sentence) + " " + w.group
				if got[k] != w.choices {
					t.Errorf("%q %s: choices %q, want %q", w.sentence, w.group, got[k], w.choices)
				}
				delete(got, k)
			}
			for k, v := range got {
				t.Errorf("%s: unexpected word choice %q", k, v)
			}
		})
	}
}

func articleByID(res *Result, id string) *Article {
	for i := range res.Articles {
		if res.Articles[i].ID == id {
			return &res.Articles[i]
		}
	}
	return nil
}

// TestWordChoicesListEveryUse checks, on every test event and with every
// outlet as the reference, that a word choice lists terms each outlet
// writes in its own words in the claim (or an alternative the lexicon
// suggests), with two different terms at least; that every member outlet
// that uses one of the listed terms, or for a concept any term of it, is
// listed; and that no choice sets one outlet's term against another's
// where both outlets use both terms (the diff crossing two things each
// names alike).
func TestWordChoicesListEveryUse(t *testing.T) {
	lex := defaultLexicon(t)
	dirs, _ := filepath.Glob("../testdata/events/*/event.yaml")
	dirs = append(dirs, "testdata/choices-tallis-port/event.yaml")
	for _, m := range dirs {
		ev := loadEvent(t, filepath.Dir(m))
		var refs []string
		for _, d := range ev.Documents {
			refs = append(refs, d.Outlet)
		}
		for _, ref := range refs {
			res, err := Compare(ev, Options{Lexicon: lex, Reference: ref})
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(filepath.Dir(m)) + " reference " + ref
			members := map[string][]Member{}
			for _, g := range res.Alignments {
				members[g.ID] = g.Members
			}
			if h := res.Headlines; h != nil {
				for _, hm := range h.Members {
					members["headline"] = append(members["headline"], Member{Outlet: hm.Outlet})
				}
			}
			// own lists, per claim, group and outlet, the lower-case terms
			// the outlet's own words use there.
			own := map[[3]string]map[string]bool{}
			for _, f := range res.Flags {
				if f.Scope == string(lexicon.Quote) {
					continue
				}
				for id, ms := range members {
					for _, mb := range ms {
						if mb.Outlet != f.Outlet || (id == "headline") != (f.Sentence < 0) || id != "headline" && !slices.Contains(mb.Sentences, f.Sentence) {
							continue
						}
						k := [3]string{id, f.Concept + f.Category, f.Outlet}
						if own[k] == nil {
							own[k] = map[string]bool{}
						}
						own[k][strings.ToLower(f.Term)] = true
					}
				}
			}
			for _, wc := range res.WordChoices {
				group := wc.Concept + wc.Category
				listed, terms := map[string]string{}, map[string]bool{}
				for _, c := range wc.Choices {
					term := strings.ToLower(c.Term)
					if _, dup := listed[c.Outlet]; dup {
						t.Errorf("%s: %s %s lists %s twice", name, wc.Alignment, group, c.Outlet)
					}
					listed[c.Outlet] = term
					terms[term] = true
					if !own[[3]string{wc.Alignment, group, c.Outlet}][term] && c.Tone != "" {
						t.Errorf("%s: %s %s: %s=%q is not in its own words there", name, wc.Alignment, group, c.Outlet, c.Term)
					}
				}
				if len(terms) < 2 {
					t.Errorf("%s: %s %s sets one term against itself: %v", name, wc.Alignment, group, listed)
				}
				if wc.Alignment == "headline" && wc.Category != "" {
					continue // there only the outlets the diff paired
				}
				for _, mb := range members[wc.Alignment] {
					uses := own[[3]string{wc.Alignment, group, mb.Outlet}]
					if _, ok := listed[mb.Outlet]; ok || len(uses) == 0 {
						continue
					}
					for term := range uses {
						if wc.Concept != "" || terms[term] {
							t.Errorf("%s: %s %s leaves out %s, which writes %q: %v", name, wc.Alignment, group, mb.Outlet, term, listed)
						}
					}
				}
				for a, ta := range listed {
					for b, tb := range listed {
						ua, ub := own[[3]string{wc.Alignment, group, a}], own[[3]string{wc.Alignment, group, b}]
						if ta != tb && ua[tb] && ub[ta] {
							t.Errorf("%s: %s %s sets %s=%s against %s=%s, though both write both", name, wc.Alignment, group, a, ta, b, tb)
						}
					}
				}
			}
		}
	}
}

// TestWordChoiceQuotedTerm checks that a term inside quotation marks is
// the speaker's, not the outlet's, and sets up no word choice, even where
// the lexicon flags it in quotes too: an outlet that quotes the police
// calling the crowd "rioters" has not chosen the word over another
// outlet's "protesters".
func TestWordChoiceQuotedTerm(t *testing.T) {
	lex, err := lexicon.Parse("desk.yaml", []byte(`name: desk
concepts:
  - id: crowd
    label: People at a protest
    note: Names for the people at a protest.
    terms:
      - {term: protesters, tone: neutral, scope: any, note: The plain word.}
      - {term: rioters, tone: loaded, scope: any, note: Calls them law-breakers.}
`))
	if err != nil {
		t.Fatal(err)
	}
	doc := func(outlet, body string) Document {
		return Document{Source: outlet + ".txt", Name: outlet, Kind: "text", Outlet: outlet, OutletFrom: "manifest",
			Headline: "Gate blocked at Brenford depot", Text: body}
	}
	ev := Event{Documents: []Document{
		doc("Harbor Ledger", "Protesters blocked the depot gate at Brenford for two hours on Friday morning.\n"),
		doc("Ostrel Herald", "\"Rioters blocked the depot gate at Brenford for two hours on Friday morning,\" a police spokesman said.\n"),
	}}
	res, err := Compare(ev, Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	quoted := false
	for _, f := range res.Flags {
		quoted = quoted || f.Term == "rioters" && f.Scope == string(lexicon.Quote)
	}
	if !quoted {
		t.Fatalf("\"Rioters\" is not flagged as quoted: %+v", res.Flags)
	}
	if len(res.WordChoices) != 0 {
		t.Errorf("word choice of a quoted term: %+v", res.WordChoices)
	}
}

// TestWordChoicesSameThing checks word choices on the example events,
// with every outlet as the reference unless the case names some:
//
//   - terms of a category are a choice only where they say something about
//     the same thing: the Solvik Evening Post's windows "smashed" is no
//     choice against the bottles others "hurled" and "pelted", and the
//     plain "threw" it and the Northway Wire wrote for the bottles is
//     listed instead, an alternative the lexicon suggests for "hurled";
//   - a participle that reports a second statement after the outlet's own
//     "said" ("Arlo said automation ..., warning that ...") is no choice
//     against another outlet's "said", while "claims" set against "said"
//     beside a later "says" still is, and so is "threatened" where another
//     outlet's one "said" covers two sentences;
//   - an alternative the lexicon suggests counts where the diff sets it
//     in the place of the term, at the same end of a long replacement or
//     among other words of a short one ("would eliminate" and "will wipe
//     out"), even when a term of another group stands in the replacement
//     too;
//   - a concept's term one outlet uses alone is a choice against another
//     outlet that names the thing only with other terms of the concept
//     ("Rebels" beside "terrorists" and "militant");
//   - where outlets use several terms of a group, the words around them
//     pair the terms that name one thing whatever the reference: the
//     armed group that frees the soldiers ("armed group", "rebels",
//     "militants"), not the "fighters" it gets back; "said" and "claims"
//     of Millbrook Together; "torched" and the plain "burned" of the
//     booth at the gate, and the strike "stoppage";
//   - a long rewrite that holds a term on both sides pairs it with no
//     other term ("340 prisoners" beside "held hostage, in exchange for
//     210 prisoners").
func TestWordChoicesSameThing(t *testing.T) {
	lex := defaultLexicon(t)
	cases := []struct {
		event, outlet, sentence, group string
		want                           string // "" for no word choice
		refs                           []string
	}{
		{"solvik-port-protest-2026", "northway-wire", "At around noon", "conflict-verbs",
			"northway-wire=threw solvik-evening-post=threw the-commerce-ledger=hurled the-daily-clarion=pelted", nil},
		{"solvik-port-protest-2026", "northway-wire", `"Automation is not`, "attribution", "", nil},
		{"solvik-port-protest-2026", "northway-wire", "The UHW said", "intensifiers",
			"northway-wire=eliminate solvik-evening-post=wipe out the-commerce-ledger=wipe out the-daily-clarion=wipe out", nil},
		{"solvik-port-protest-2026", "northway-wire", "A security booth", "conflict-verbs",
			"northway-wire=burned the-commerce-ledger=torched the-daily-clarion=torched", nil},
		{"solvik-port-protest-2026", "northway-wire", "The union said it would hold", "strike",
			"northway-wire=strike solvik-evening-post=walk out the-commerce-ledger=stoppage", nil},
		{"ashford-derailment-2026", "eastline-news-agency", "Millbrook Together, a local", "attribution",
			"eastline-news-agency=said the-meridian-business-post=claimed", nil},
		{"nato-missile-shield-2012", "meridian-wire", "General Nikolay Makarov", "attribution",
			"atlantic-ledger=threatened meridian-wire=said press-tv=said volga-courier=warned", nil},
		{"karvania-ceasefire-2025", "crossroads-wire", "The government of Karvania", "armed-group",
			"highland-voice=rebels karvan-herald=terrorists", nil},
		{"karvania-ceasefire-2025", "crossroads-wire", "Under the deal, the two sides", "armed-group",
			"crossroads-wire=armed group highland-voice=rebels karvan-herald=militants", nil},
		{"karvania-ceasefire-2025", "crossroads-wire", "Under the deal, the two sides", "captives", "", nil},
	}
	events := map[string]Event{}
	for _, c := range cases {
		if _, ok := events[c.event]; !ok {
			events[c.event] = loadEvent(t, filepath.Join("../testdata/events", c.event))
		}
	}
	for _, c := range cases {
		ev := events[c.event]
		refs := c.refs
		if refs == nil {
			res, err := Compare(ev, Options{Lexicon: lex})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range res.Articles {
				refs = append(refs, a.ID)
			}
		}
		for _, ref := range refs {
			res, err := Compare(ev, Options{Lexicon: lex, Reference: ref})
			if err != nil {
				t.Fatal(err)
			}
			claim := ""
			for _, g := range res.Alignments {
				for _, m := range g.Members {
					for _, i := range m.Sentences {
						if m.Outlet == c.outlet && strings.HasPrefix(articleByID(res, m.Outlet).Sentences[i].Text, c.sentence) {
							claim = g.ID
						}
					}
				}
			}
			if claim == "" {
				t.Fatalf("%s reference %s: no claim holds %s's %q", c.event, ref, c.outlet, c.sentence)
			}
			got := ""
			for _, wc := range res.WordChoices {
				if wc.Alignment == claim && wc.Concept+wc.Category == c.group {
					var cs []string
					for _, ch := range wc.Choices {
						cs = append(cs, ch.Outlet+"="+strings.ToLower(ch.Term))
					}
					got = strings.Join(cs, " ")
				}
			}
			if got != c.want {
				t.Errorf("%s reference %s, %s's %q, %s: choices %q, want %q", c.event, ref, c.outlet, c.sentence, c.group, got, c.want)
			}
		}
	}
}

// TestWordChoicesFinish compares three outlets where one term of a group
// has fewer members than another: the search for two terms about the same
// thing used to step past the last member and look for ever.
func TestWordChoicesFinish(t *testing.T) {
	ev := textEvent(
		`Marrenby, who got a whopping pay rise, insisted it was "the hardest decision in our history".`,
		`"This was the hardest decision in our history," chief executive Ilsa Marrenby said.`,
		`"This was the hardest decision in our history," she said.`,
	)
	lex := defaultLexicon(t)
	done := make(chan *Result, 1)
	go func() {
		res, err := Compare(ev, Options{Lexicon: lex})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	select {
	case res := <-done:
		if res != nil && len(res.Articles) != 3 {
			t.Errorf("%d articles, want 3", len(res.Articles))
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Compare has not finished in 30 s")
	}
}

// TestSinglesDifferEnds checks that the search for two terms of a category
// used alone near a shared word stops when one term's members run out
// before another's and no two share a word.
func TestSinglesDifferEnds(t *testing.T) {
	texts := []string{
		"Ostrel officials claimed victory yesterday.",
		"Harbor Ledger editors said nothing about bridges.",
		"Quillton mayor said goodbye to voters.",
		"Bugle columnists said farewell before winter.",
	}
	res := &Result{}
	g := &groupUse{terms: []string{"claimed", "said"}}
	for i, text := range texts {
		id := fmt.Sprintf("outlet-%d", i)
		res.Articles = append(res.Articles, Article{ID: id, Text: text,
			Sentences: []Sentence{{Index: 0, Text: text, Start: 0, End: len(text)}}})
		term := g.terms[min(i, 1)]
		at := strings.Index(text, term)
		res.Flags = append(res.Flags, Flag{Outlet: id, Sentence: 0, Term: term, Text: term, Category: "attribution",
			Scope: "narration", Start: at, End: at + len(term)})
		g.flags, g.member = append(g.flags, i), append(g.member, i)
		g.termOf = append(g.termOf, min(i, 1))
	}
	cf := &choiceFinder{res: res, byID: map[string]*Article{}}
	for i := range res.Articles {
		cf.byID[res.Articles[i].ID] = &res.Articles[i]
	}
	done := make(chan bool, 1)
	go func() {
		_, _, ok := cf.singlesDiffer(g, func(i, j int) bool { return true }, true)
		done <- ok
	}()
	select {
	case ok := <-done:
		if ok {
			t.Errorf("singlesDiffer found two terms near a shared word; the sentences share none")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("singlesDiffer did not return within 10s")
	}
}
