package compare

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestWordEnds checks the word-end trimming against the plain calls it
// stands for, on random strings of the characters that matter.
func TestWordEnds(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	parts := []string{"a", "s", "S", ".", ",", "'", "’", "-", "é", "x", "'s", "’S"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		w := b.String()
		if got, want := trimWordEnd(w), strings.TrimRight(w, ".,'’-"); got != want {
			t.Fatalf("trimWordEnd(%q) = %q, want %q", w, got, want)
		}
		want := w
		for _, poss := range []string{"'s", "’s", "'S", "’S"} {
			want = strings.TrimSuffix(want, poss)
		}
		if got := dropPossessive(w); got != want {
			t.Fatalf("dropPossessive(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestBlindPlaceholderNoEvidence checks that blind mode's "Outlet A" gives
// the aligner no evidence, as name, word or quoted pair, while the word
// "Outlet" in other uses still does.
func TestBlindPlaceholderNoEvidence(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string // the features' surfaces, sorted by feature
	}{
		{"Dana Roe told Outlet A.", []string{"Dana", "Roe"}},
		{"Outlet AB's analysis shows cracks.", []string{"analysis", "shows", "cracks"}},
		// No quoted pair "told outlet", "c everything" or "told everything".
		{`"We told Outlet C everything," Roe said.`, []string{"Roe", "we told", "everything"}},
		{"The factory Outlet Mall opened.", []string{"factory", "Outlet", "Mall", "opened"}},
		{"An outlet a mile away closed.", []string{"outlet", "mile", "away", "closed"}},
		{"Outlet ABC reopened.", []string{"Outlet", "ABC", "reopened"}},
		// Blind ids in addresses and handles are no evidence either.
		{"Tips went to www.outlet-a.example and @outlet-bc daily.", []string{"Tips", "went", "www", "example", "daily"}},
		{"An outlet-based plan and outlet-abc failed.", []string{"outlet-based", "outlet-based", "outlet-based", "plan", "outlet-abc", "outlet-abc", "failed"}},
	}
	for _, tc := range tests {
		fs := newFeatureSet()
		fs.learnNames(tc.sentence)
		sf := fs.features(tc.sentence, false)
		got := slices.Clone(sf.surfaces)
		want := slices.Clone(tc.want)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("features of %q: %q, want %q", tc.sentence, got, want)
		}
	}
}
