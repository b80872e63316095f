package compare

import (
	"math/rand/v2"
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
