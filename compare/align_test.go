package compare

import (
	"math"
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

// TestUnionBound checks that unionBound never falls below the similarity
// it bounds: for every candidate pair of the test events and a synthetic
// one, each sentence against the union of the other with each neighbour.
func TestUnionBound(t *testing.T) {
	events := append([]Event{syntheticEvent(10, 40, 3)}, testdataEvents(t)...)
	checked, ruledOut := 0, 0
	for _, ev := range events {
		res, err := Compare(ev, Options{})
		if err != nil {
			t.Fatal(err)
		}
		al := newAligner(res.Articles, defaultScoring)
		pairs := al.candidates()
		scores := al.scorePairs(pairs)
		for i, p := range pairs {
			for _, xy := range [2][2]int{{p[0], p[1]}, {p[1], p[0]}} {
				x, y := xy[0], xy[1]
				for _, y2 := range []int{y - 1, y + 1} {
					if y2 < 0 || y2 >= len(al.refs) || al.refs[y2].article != al.refs[y].article {
						continue
					}
					lo := min(y, y2)
					u := union(&al.feats[lo], &al.feats[lo+1])
					shared := exactWeight(&al.feats[y], &al.feats[y2])
					uTotal := unionTotal(&al.feats[lo], &al.feats[lo+1], exactWeight(&al.feats[lo+1], &al.feats[lo]))
					if math.Abs(uTotal-u.total) > 1e-9 {
						t.Fatalf("union of %d and %d: total %v, unionTotal says %v", lo, lo+1, u.total, uTotal)
					}
					bound := unionBound(&al.feats[x], &al.feats[y], &al.feats[y2], uTotal, scores[i], shared)
					us := al.similarity(&al.feats[x], &u)
					if bound < us {
						t.Fatalf("sentence %d with %d and %d: bound %v below the similarity %v", x, y, y2, bound, us)
					}
					checked++
					if bound < scores[i]+defaultScoring.mergeGain {
						ruledOut++
					}
				}
			}
		}
	}
	t.Logf("%d unions checked, %d ruled out by the bound", checked, ruledOut)
	if ruledOut == 0 {
		t.Error("the bound rules out no union")
	}
}

// TestSortEdges checks the two-halves sort against one sort of the whole
// list, on lists long enough to be split, with many ties in score.
func TestSortEdges(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for _, n := range []int{0, 1, 5, 2047, 2048, 2049, 10000} {
		edges := make([]edge, n)
		for i := range edges {
			edges[i] = edge{a: r.IntN(50), b: r.IntN(50), b2: r.IntN(3) - 1, score: float64(r.IntN(20)) / 10}
		}
		want := slices.Clone(edges)
		slices.SortFunc(want, strongerEdge)
		got := sortEdges(slices.Clone(edges))
		if !slices.Equal(got, want) {
			t.Errorf("%d edges: sortEdges differs from one sort", n)
		}
	}
}
