package compare

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestDeterminism compares every test event twice and once more with its
// inputs in a shuffled order; the results must be identical.
func TestDeterminism(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/events/*/event.yaml")
	if len(dirs) == 0 {
		t.Fatal("no test events")
	}
	for _, m := range dirs {
		dir := filepath.Dir(m)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			first, err := Compare(ev, Options{})
			if err != nil {
				t.Fatal(err)
			}
			again, err := Compare(ev, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(first, again) {
				t.Fatal("two runs on the same input differ")
			}
			rng := rand.New(rand.NewPCG(1, 2))
			for range 3 {
				shuffled := ev
				shuffled.Documents = append([]Document(nil), ev.Documents...)
				rng.Shuffle(len(shuffled.Documents), func(i, j int) {
					shuffled.Documents[i], shuffled.Documents[j] = shuffled.Documents[j], shuffled.Documents[i]
				})
				res, err := Compare(shuffled, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(first, res) {
					t.Fatal("shuffling the inputs changed the result")
				}
			}
		})
	}
}

// TestReference checks that --reference picks the outlet the differences
// start from, by id or by name, and that an unknown one is refused.
func TestReference(t *testing.T) {
	ev, err := Load(context.Background(), []string{"../testdata/events/nato-missile-shield-2012"}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ give, want string }{
		{"", "meridian-wire"}, // in 11 of the 11 claims; atlantic-ledger is first by id
		{"atlantic-ledger", "atlantic-ledger"},
		{"press-tv", "press-tv"},
		{"Volga Courier", "volga-courier"},
	} {
		t.Run(tc.give, func(t *testing.T) {
			res, err := Compare(ev, Options{Reference: tc.give})
			if err != nil {
				t.Fatal(err)
			}
			if res.Reference != tc.want {
				t.Fatalf("reference %q, want %q", res.Reference, tc.want)
			}
			for _, d := range res.Differences {
				inGroup := false
				for _, g := range res.Alignments {
					if g.ID != d.Group {
						continue
					}
					for _, m := range g.Members {
						inGroup = inGroup || m.Outlet == tc.want
					}
				}
				if inGroup && d.From != tc.want {
					t.Errorf("group %s is diffed from %s, want the reference %s", d.Group, d.From, tc.want)
				}
			}
		})
	}
	if _, err := Compare(ev, Options{Reference: "nobody"}); err == nil {
		t.Error("an unknown reference was accepted")
	}
}

// TestAlignmentInvariants checks on every event that each group holds two
// or more outlets, each with one sentence or two consecutive ones, that no
// sentence is in two groups, and that every sentence is aligned or unique.
func TestAlignmentInvariants(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/events/*/event.yaml")
	for _, m := range dirs {
		ev, err := Load(context.Background(), []string{filepath.Dir(m)}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := Compare(ev, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, res)
	}
	res, err := Compare(syntheticEvent(12, 30, 3), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res)
}

func checkInvariants(t *testing.T, res *Result) {
	t.Helper()
	seen := map[string]map[int]string{}
	for _, a := range res.Articles {
		seen[a.ID] = map[int]string{}
	}
	for _, g := range res.Alignments {
		if len(g.Members) < 2 {
			t.Errorf("%s has %d outlets", g.ID, len(g.Members))
		}
		if g.Score <= 0 || g.Score > 1 {
			t.Errorf("%s score %v outside (0, 1]", g.ID, g.Score)
		}
		for _, m := range g.Members {
			switch {
			case len(m.Sentences) == 2 && m.Sentences[1] != m.Sentences[0]+1:
				t.Errorf("%s: %s sentences %v are not consecutive", g.ID, m.Outlet, m.Sentences)
			case len(m.Sentences) == 0 || len(m.Sentences) > 2:
				t.Errorf("%s: %s has %d sentences", g.ID, m.Outlet, len(m.Sentences))
			}
			for _, s := range m.Sentences {
				if other, ok := seen[m.Outlet][s]; ok {
					t.Errorf("%s sentence %d is in %s and %s", m.Outlet, s, other, g.ID)
				}
				seen[m.Outlet][s] = g.ID
			}
		}
	}
	for _, u := range res.Unique {
		for _, s := range u.Sentences {
			if g, ok := seen[u.Outlet][s]; ok {
				t.Errorf("%s sentence %d is unique and in %s", u.Outlet, s, g)
			}
			seen[u.Outlet][s] = "unique"
		}
	}
	for _, a := range res.Articles {
		if len(seen[a.ID]) != len(a.Sentences) {
			t.Errorf("%s: %d of %d sentences accounted for", a.ID, len(seen[a.ID]), len(a.Sentences))
		}
	}
}

// FuzzCompare runs the whole pipeline on two fuzzed articles: it must not
// panic, and every offset must point into the article text.
func FuzzCompare(f *testing.F) {
	f.Add("Police arrested 17 people on Monday.\n\nThe mayor said talks would begin.", "Seventeen people were arrested, police said.\n\n\"Talks begin Thursday,\" the mayor said.")
	f.Add("Headline\n\nBy A Writer\n\nOne. Two! \"Three?\" he asked.\n\n© 2026 Outlet", "• Today\nShare | Email | Print\nA sentence here.")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		ev := Event{Documents: []Document{
			{Source: "a.txt", Name: "a", Kind: "text", Text: a},
			{Source: "b.md", Name: "b", Kind: "markdown", Text: b},
		}}
		res, err := Compare(ev, Options{})
		if err != nil {
			return // empty articles are refused
		}
		for _, art := range res.Articles {
			for _, s := range art.Sentences {
				if s.Start < 0 || s.End > len(art.Text) || s.Start >= s.End || art.Text[s.Start:s.End] != s.Text {
					t.Fatalf("sentence offsets [%d,%d) wrong in %q", s.Start, s.End, art.Text)
				}
			}
			for _, r := range art.Removed {
				if r.Start < 0 || r.End > len(art.Text) || art.Text[r.Start:r.End] != r.Text {
					t.Fatalf("removal offsets [%d,%d) wrong", r.Start, r.End)
				}
			}
		}
		checkInvariants(t, res)
	})
}

// TestDeterminismAcrossCores checks that the work spread over goroutines
// gives the same result on one core as on several: every parallel step
// gathers its results in input order. The events include the built-in
// lexicon's flags, word choices and quotes.
func TestDeterminismAcrossCores(t *testing.T) {
	lex := defaultLexicon(t)
	events := append([]Event{syntheticEvent(12, 30, 3)}, testdataEvents(t)...)
	for _, ev := range events {
		procs := runtime.GOMAXPROCS(1)
		one, err := Compare(ev, Options{Lexicon: lex})
		runtime.GOMAXPROCS(max(4, procs))
		many, err2 := Compare(ev, Options{Lexicon: lex})
		runtime.GOMAXPROCS(procs)
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		if !reflect.DeepEqual(one, many) {
			t.Errorf("%s: one core and several give different results", ev.Title)
		}
	}
}

// testdataEvents loads every event of testdata/events.
func testdataEvents(t testing.TB) []Event {
	t.Helper()
	var events []Event
	dirs, _ := filepath.Glob("../testdata/events/*/event.yaml")
	for _, m := range dirs {
		ev, err := Load(context.Background(), []string{filepath.Dir(m)}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, ev)
	}
	if len(events) == 0 {
		t.Fatal("no events in testdata/events")
	}
	return events
}

// TestDefaultReference checks that without --reference the outlet in the
// most aligned claims is the reference, not a brief that sorts first, and
// that blind mode picks the same outlet.
func TestDefaultReference(t *testing.T) {
	ev := Event{Documents: []Document{
		{Name: "a.txt", Source: "a.txt", Outlet: "Alder Brief", Text: "Ferry services to Kelm resumed on Tuesday after the storm.\n"},
		{Name: "b.txt", Source: "b.txt", Outlet: "Birch Wire", Text: "Ferry services to Kelm resumed on Tuesday after the storm, the operator said.\n\n" +
			"The harbour wall at Kelm lost forty metres of stone during the gale.\n\n" +
			"Engineers expect repairs to the wall to take until the summer.\n"},
		{Name: "c.txt", Source: "c.txt", Outlet: "Cedar Times", Text: "The storm tore forty metres of stone from the harbour wall at Kelm.\n\n" +
			"Ferry services to Kelm started again on Tuesday.\n\n" +
			"Repairs to the wall should take engineers until the summer.\n"},
	}}
	res, err := Compare(ev, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Alignments) != 3 {
		t.Fatalf("%d alignments, want 3", len(res.Alignments))
	}
	// Birch and Cedar report all three claims; Birch sorts first.
	if res.Reference != "birch-wire" {
		t.Errorf("reference %q, want birch-wire", res.Reference)
	}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	bres, err := Compare(blind, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range key {
		if "outlet-"+strings.ToLower(k.Letter) == bres.Reference && k.Outlet != "Birch Wire" && k.Outlet != "Cedar Times" {
			t.Errorf("blind reference is %s (%s), not one of the outlets in every claim", bres.Reference, k.Outlet)
		}
	}
}
