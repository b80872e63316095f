package compare

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

var showMisses = flag.Bool("misses", false, "print the alignment test's wrong and missed pairs")

// goldFile is a hand alignment of one event (testdata/events/*/gold.yaml).
type goldFile struct {
	Groups []struct {
		Fact      string              `yaml:"fact"`
		Sentences map[string][]string `yaml:"sentences"`
	} `yaml:"groups"`
	Unique map[string][]string `yaml:"unique"`
}

// goldSentence is a sentence of the gold file located in its article.
type goldSentence struct {
	file       string
	start, end int
	text       string
}

type pairKey [2]int

func newPair(a, b int) pairKey {
	if a > b {
		a, b = b, a
	}
	return pairKey{a, b}
}

// alignmentScore counts the pairs of sentences (from different articles)
// that the gold and the result align.
type alignmentScore struct {
	gold, predicted, correct int
}

func (s *alignmentScore) add(o alignmentScore) {
	s.gold += o.gold
	s.predicted += o.predicted
	s.correct += o.correct
}

func (s alignmentScore) precision() float64 { return ratio(s.correct, s.predicted) }
func (s alignmentScore) recall() float64    { return ratio(s.correct, s.gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scoreEvent aligns one event and compares its pairs with the gold pairs.
// Gold sentences are found in the article text; each of our sentences
// stands for the gold sentence it overlaps most, so the score does not
// depend on the two splitting a sentence the same way.
func scoreEvent(t *testing.T, dir string, opts Options, sc scoring) alignmentScore {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "gold.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := yaml.Unmarshal(data, &gold); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := compareWith(ev, opts, sc)
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string]*Article{}
	for i := range res.Articles {
		byFile[stem(res.Articles[i].Source)] = &res.Articles[i]
	}
	var sents []goldSentence
	locate := func(file, text string) int {
		a := byFile[file]
		if a == nil {
			t.Fatalf("%s: gold names unknown article %q", dir, file)
		}
		i := strings.Index(a.Text, text)
		if i < 0 {
			t.Fatalf("%s: gold sentence not found in %s: %q", dir, file, text)
		}
		sents = append(sents, goldSentence{file: file, start: i, end: i + len(text), text: text})
		return len(sents) - 1
	}
	goldPairs := map[pairKey]bool{}
	for _, g := range gold.Groups {
		var ids [][]int
		for file, texts := range g.Sentences {
			var mine []int
			for _, text := range texts {
				mine = append(mine, locate(file, text))
			}
			ids = append(ids, mine)
		}
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				for _, x := range ids[i] {
					for _, y := range ids[j] {
						goldPairs[newPair(x, y)] = true
					}
				}
			}
		}
	}
	for file, texts := range gold.Unique {
		for _, text := range texts {
			locate(file, text)
		}
	}
	// Map each of our sentences to the gold sentence it overlaps most.
	toGold := func(a *Article, idx int) int {
		s := a.Sentences[idx]
		best, bestOverlap := -1, 0
		for gi, g := range sents {
			if byFile[g.file] != a {
				continue
			}
			if o := min(s.End, g.end) - max(s.Start, g.start); o > bestOverlap {
				best, bestOverlap = gi, o
			}
		}
		return best
	}
	byID := map[string]*Article{}
	for i := range res.Articles {
		byID[res.Articles[i].ID] = &res.Articles[i]
	}
	predPairs := map[pairKey]bool{}
	for _, g := range res.Alignments {
		for i, m := range g.Members {
			for _, n := range g.Members[i+1:] {
				for _, x := range m.Sentences {
					for _, y := range n.Sentences {
						gx, gy := toGold(byID[m.Outlet], x), toGold(byID[n.Outlet], y)
						if gx >= 0 && gy >= 0 {
							predPairs[newPair(gx, gy)] = true
						}
					}
				}
			}
		}
	}
	score := alignmentScore{gold: len(goldPairs), predicted: len(predPairs)}
	var wrong, missed []string
	for p := range predPairs {
		if goldPairs[p] {
			score.correct++
		} else {
			wrong = append(wrong, "  wrong:  "+sents[p[0]].file+": "+sents[p[0]].text+"\n          "+sents[p[1]].file+": "+sents[p[1]].text)
		}
	}
	for p := range goldPairs {
		if !predPairs[p] {
			missed = append(missed, "  missed: "+sents[p[0]].file+": "+sents[p[0]].text+"\n          "+sents[p[1]].file+": "+sents[p[1]].text)
		}
	}
	if *showMisses {
		sort.Strings(wrong)
		sort.Strings(missed)
		t.Logf("%s:\n%s\n%s", filepath.Base(dir), strings.Join(wrong, "\n"), strings.Join(missed, "\n"))
	}
	return score
}

// independentEvents were written by separate writers from one fact sheet, so
// their gold measures paraphrase rather than copy-editing.
var independentEvents = map[string]bool{"solvik-port-protest-2026": true}

// TestAlignmentQuality computes pair precision and recall against the gold
// files of every test event and fails below P 0.95 / R 0.90 over all events.
func TestAlignmentQuality(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/events/*/gold.yaml")
	if err != nil || len(dirs) < 3 {
		t.Fatalf("want at least three gold events, found %d (%v)", len(dirs), err)
	}
	var all, rewritten, independent alignmentScore
	for _, g := range dirs {
		dir := filepath.Dir(g)
		sc := scoreEvent(t, dir, Options{}, defaultScoring)
		t.Logf("%-28s P %.3f  R %.3f  (gold pairs %d, predicted %d, correct %d)",
			filepath.Base(dir), sc.precision(), sc.recall(), sc.gold, sc.predicted, sc.correct)
		all.add(sc)
		if independentEvents[filepath.Base(dir)] {
			independent.add(sc)
		} else {
			rewritten.add(sc)
		}
	}
	t.Logf("rewritten events:   P %.3f  R %.3f", rewritten.precision(), rewritten.recall())
	t.Logf("independent events: P %.3f  R %.3f", independent.precision(), independent.recall())
	t.Logf("all events:         P %.3f  R %.3f", all.precision(), all.recall())
	if all.precision() < 0.95 || all.recall() < 0.90 {
		t.Errorf("alignment below the bar: P %.3f (want >= 0.95), R %.3f (want >= 0.90)", all.precision(), all.recall())
	}
}

var tune = flag.Bool("tune", false, "sweep the alignment weights and print P/R for each setting")

// TestTuneAlignment prints precision and recall over a grid of weights; run
// it with -tune when changing the score.
func TestTuneAlignment(t *testing.T) {
	if !*tune {
		t.Skip("run with -tune")
	}
	dirs, _ := filepath.Glob("../testdata/events/*/gold.yaml")
	for _, th := range []float64{0.26, 0.30, 0.34, 0.38} {
		for _, nameW := range []float64{1.6, 2.5} {
			for _, cont := range []float64{0, 0.3} {
				for _, pos := range []float64{0.5, 0.7, 0.9, 1.1} {
					sc := defaultScoring
					sc.kindWeight[kindName], sc.kindWeight[kindNumber] = nameW, nameW
					sc.containment, sc.linkShare = cont, pos
					var all, ind alignmentScore
					for _, g := range dirs {
						s := scoreEvent(t, filepath.Dir(g), Options{MinSimilarity: th}, sc)
						all.add(s)
						if independentEvents[filepath.Base(filepath.Dir(g))] {
							ind.add(s)
						}
					}
					t.Logf("th %.2f name %.1f cont %.1f pos %.2f: all P %.3f R %.3f  indep P %.3f R %.3f",
						th, nameW, cont, pos, all.precision(), all.recall(), ind.precision(), ind.recall())
				}
			}
		}
	}
}
