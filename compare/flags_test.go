package compare

import (
	"context"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"testing"

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
