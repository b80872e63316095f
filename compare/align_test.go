package compare

import (
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
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

// alignedWith returns, for the group holding the sentence of outlet from
// at index at, the sentences outlet to has in it (nil when none).
func alignedWith(res *Result, from string, at int, to string) []int {
	for _, g := range res.Alignments {
		var has bool
		var theirs []int
		for _, m := range g.Members {
			if m.Outlet == from && slices.Contains(m.Sentences, at) {
				has = true
			}
			if m.Outlet == to {
				theirs = m.Sentences
			}
		}
		if has {
			return theirs
		}
	}
	return nil
}

// sentenceIndex is the index of the sentence of outlet id that starts with
// prefix, or -1.
func sentenceIndex(res *Result, id, prefix string) int {
	for _, a := range res.Articles {
		if a.ID != id {
			continue
		}
		for _, s := range a.Sentences {
			if strings.HasPrefix(s.Text, prefix) {
				return s.Index
			}
		}
	}
	return -1
}

func compareTexts(t *testing.T, texts map[string]string) *Result {
	t.Helper()
	var ev Event
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		ev.Documents = append(ev.Documents, Document{Source: name + ".txt", Name: name, Kind: "text", Text: texts[name], Outlet: name, OutletFrom: "manifest"})
	}
	res, err := Compare(ev, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestNamesAloneDoNotAlign checks that two sentences sharing a company's
// name and nothing else are not one claim, while sentences sharing the
// name and what is said of it still are.
func TestNamesAloneDoNotAlign(t *testing.T) {
	res := compareTexts(t, map[string]string{
		"Quillton Bugle": "Brindle Looms will close its Ostrel mill in March, cutting 300 jobs.\n\n" +
			"Brindle Looms employs about 1,200 people in total.\n\n" +
			"Hundreds of workers walked out on Monday.\n\n" +
			"The union called a ballot on strike action.",
		"Harbor Ledger": "Brindle Looms said it would close the Ostrel mill in March, with 300 jobs lost.\n\n" +
			"Hundreds of workers walked out of the mill on Monday.\n\n" +
			"The mayor said she had written to Brindle Looms asking for a meeting.\n\n" +
			"The union will ballot members on strike action.",
	})
	bugle, ledger := "quillton-bugle", "harbor-ledger"
	employs := sentenceIndex(res, bugle, "Brindle Looms employs")
	written := sentenceIndex(res, ledger, "The mayor said")
	closes := sentenceIndex(res, bugle, "Brindle Looms will close")
	if employs < 0 || written < 0 || closes < 0 {
		t.Fatal("test sentences not found")
	}
	if got := alignedWith(res, bugle, employs, ledger); slices.Contains(got, written) {
		t.Errorf("%q aligned with %q: they share only a name", "Brindle Looms employs ...", "The mayor said she had written to Brindle Looms ...")
	}
	if got := alignedWith(res, bugle, closes, ledger); !slices.Contains(got, sentenceIndex(res, ledger, "Brindle Looms said")) {
		t.Errorf("the closure sentences are not aligned (got %v): a name with shared content should still align", got)
	}
}

// TestQuoteSplitAlikeAligns checks that where two outlets split one
// quotation into two sentences at the same place, both halves align, with
// a third outlet that gives only the first half.
func TestQuoteSplitAlikeAligns(t *testing.T) {
	res := compareTexts(t, map[string]string{
		"Harbor Ledger": "Brindle Looms will close its Ostrel mill in March.\n\n" +
			"Police detained two men after a gate was damaged during the protest.\n\n" +
			"\"Two men were detained after a gate was damaged. The protest was otherwise peaceful,\" Inspector Mara Tollan of the Ostrel police said.\n\n" +
			"The mayor said the council would look for a buyer.",
		"Ostrel Herald": "Brindle Looms is to shut the Ostrel mill in March.\n\n" +
			"Three people were arrested after a gate was damaged, police said.\n\n" +
			"Inspector Mara Tollan said: \"Two men were detained after a gate was damaged. The protest was otherwise peaceful.\"\n\n" +
			"The mayor said the council would seek a buyer for the mill.",
		"Quillton Bugle": "Brindle Looms will close the Ostrel mill in March.\n\n" +
			"\"Two men were detained after a gate was damaged,\" Inspector Mara Tollan of the Ostrel police said.\n\n" +
			"The council will look for a buyer, the mayor said.",
	})
	herald, ledger := "ostrel-herald", "harbor-ledger"
	first := sentenceIndex(res, herald, "Inspector Mara Tollan said")
	second := sentenceIndex(res, herald, "The protest was otherwise")
	if first < 0 || second < 0 {
		t.Fatal("test sentences not found")
	}
	want := []int{sentenceIndex(res, ledger, "\"Two men"), sentenceIndex(res, ledger, "The protest")}
	for _, at := range []int{first, second} {
		if got := alignedWith(res, herald, at, ledger); !slices.Equal(got, want) {
			t.Errorf("herald sentence %d aligned with ledger sentences %v, want %v", at, got, want)
		}
	}
}

// TestHeadlineScoreCountsNames checks that headlines, short as they are,
// still score by the names they share when they share nothing else.
func TestHeadlineScoreCountsNames(t *testing.T) {
	articles := []Article{
		{ID: "quillton-bugle", Headline: "Workers out as Brindle Looms shuts Ostrel mill"},
		{ID: "harbor-ledger", Headline: "Brindle Looms announces restructuring in Ostrel"},
	}
	h := headlineGroup(articles, 0)
	if h == nil || h.Score <= 0 {
		t.Fatalf("headline group %+v, want a score above 0 for the names both give", h)
	}
}
