// Package didyoumean suggests the known word closest to a mistyped one, for
// error messages about configuration keys and values.
package didyoumean

import (
	"fmt"
	"strings"
)

// Hint returns " (did you mean "x"?)" for the known word within two edits
// of word, or " (known: a, b, c)" when none is that close.
func Hint(word string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if d := Distance(strings.ToLower(word), k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return " (known: " + strings.Join(known, ", ") + ")"
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// Distance is the Levenshtein edit distance between two strings, by bytes.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
