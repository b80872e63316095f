package main

import (
	"strings"
	"testing"
)

// TestArticlesHaveNoFormatErrors checks that every generated article reads
// as text: no sentence carries a formatting error such as the values fmt
// appends when a template names none of them ("%!(EXTRA ...)"), and no
// template's placeholder is left unfilled.
func TestArticlesHaveNoFormatErrors(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		w := newWorld(seed)
		facts := w.factSheet(40)
		for o, name := range outletNames(seed, 40) {
			text, _ := w.article(facts, name, seed, o)
			for _, bad := range []string{"%!", "%[", "%s", "%d"} {
				if i := strings.Index(text, bad); i >= 0 {
					t.Fatalf("seed %d, %s: %q in %q", seed, name, bad, text[max(0, i-80):min(len(text), i+40)])
				}
			}
		}
	}
}
