package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBestFirst checks that bestFirst puts the k best entries of a list
// in front, as a full sort would, for many lists and k.
func TestBestFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		n := 1 + r.IntN(60)
		score := make([]int, 100)
		for i := range score {
			score[i] = r.IntN(10) // ties, broken by index as candidatesOf does
		}
		better := func(a, b int32) bool {
			if score[a] != score[b] {
				return score[a] > score[b]
			}
			return a < b
		}
		list := make([]int32, n)
		for i, v := range r.Perm(100)[:n] {
			list[i] = int32(v)
		}
		k := 1 + r.IntN(n)
		want := slices.Clone(list)
		slices.SortFunc(want, func(a, b int32) int {
			if better(a, b) {
				return -1
			}
			return 1
		})
		bestFirst(list, k, better)
		got := slices.Clone(list[:k])
		slices.Sort(got)
		want = want[:k]
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("k=%d of %d: best %v, want %v", k, n, got, want)
		}
	}
}
