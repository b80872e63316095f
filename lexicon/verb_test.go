package lexicon

import (
	"slices"
	"testing"
)

// TestVerbNounUse checks that a verb: true term is left out where its word
// follows a determiner or a possessive, and counted elsewhere.
func TestVerbNounUse(t *testing.T) {
	l, err := Parse("verbs.yaml", []byte(`name: verbs
categories:
  - id: attribution
    label: Attribution
    note: Verbs of speech.
    entries:
      - {term: claimed, tone: doubt, verb: true}
      - {term: alleged, tone: doubt}
`))
	if err != nil {
		t.Fatal(err)
	}
	sc := l.Matcher().Scanner()
	for _, c := range []struct {
		text string
		want bool // claimed flagged
	}{
		{"The union claims the plan will cost jobs.", true},
		{"Claims were made.", true}, // no determiner: read as written
		{"Some claim the plan will cost jobs.", true},
		{"The claim was rejected.", false},
		{"Russia’s claim was rejected.", false},
		{"RUSSIA'S CLAIMS were rejected.", false},
		{"The workers' claims were rejected.", false},
		{"The workers’ claim was rejected.", false},
		{"The union's latest claim was rejected.", false},
		{"The union first claimed the plan would cost jobs.", true},
		{"Their pay claim was rejected.", false},
		{"The dockers claimed victory.", true},
		{"The two sides each claimed victory.", true},
		{"They point to the union's claim that jobs will go.", true},
		{"Their claims of abuse were denied.", true},
	} {
		var terms []string
		for _, h := range sc.Find(Text{Text: c.text}) {
			terms = append(terms, h.Term)
		}
		if got := slices.Contains(terms, "claimed"); got != c.want {
			t.Errorf("%q: claimed flagged %v, want %v (found %v)", c.text, got, c.want, terms)
		}
	}
	// A term without verb: true counts after a determiner too.
	if hits := sc.Find(Text{Text: "The alleged theft."}); len(hits) != 1 {
		t.Errorf("alleged after a determiner: %v", hits)
	}
	if _, err := Parse("bad.yaml", []byte("name: bad\ncategories:\n  - id: a\n    label: A\n    note: n\n    entries:\n      - {term: x, verb: yes please}\n")); err == nil {
		t.Error("verb: yes please was accepted")
	}
}
