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

// sentID names one of our sentences: article id and index.
type sentID struct {
	outlet string
	index  int
}

type sentPair [2]sentID

func newSentPair(a, b sentID) sentPair {
	if b.outlet < a.outlet || (b.outlet == a.outlet && b.index < a.index) {
		a, b = b, a
	}
	return sentPair{a, b}
}

// goldPairs reads a gold file and returns its aligned pairs as pairs of our
// sentences: each gold sentence is found in its article's text and stands
// for every sentence of ours it overlaps, so the score does not depend on
// the annotator and the splitter cutting sentences the same way.
func goldPairs(t *testing.T, path string, res *Result) map[sentPair]bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := yaml.Unmarshal(data, &gold); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	byFile := map[string]*Article{}
	for i := range res.Articles {
		byFile[stem(res.Articles[i].Source)] = &res.Articles[i]
	}
	ours := func(file, text string) []sentID {
		a := byFile[file]
		if a == nil {
			t.Fatalf("%s: gold names unknown article %q", path, file)
		}
		at := strings.Index(a.Text, text)
		if at < 0 {
			t.Fatalf("%s: gold sentence not found in %s: %q", path, file, text)
		}
		var ids []sentID
		for _, s := range a.Sentences {
			if min(s.End, at+len(text))-max(s.Start, at) > 0 {
				ids = append(ids, sentID{a.ID, s.Index})
			}
		}
		return ids
	}
	pairs := map[sentPair]bool{}
	for _, g := range gold.Groups {
		var members [][]sentID
		for file, texts := range g.Sentences {
			var ids []sentID
			for _, text := range texts {
				ids = append(ids, ours(file, text)...)
			}
			members = append(members, ids)
		}
		for i := range members {
			for j := i + 1; j < len(members); j++ {
				for _, x := range members[i] {
					for _, y := range members[j] {
						pairs[newSentPair(x, y)] = true
					}
				}
			}
		}
	}
	for file, texts := range gold.Unique {
		for _, text := range texts {
			ours(file, text)
		}
	}
	return pairs
}

// scoreEvent aligns one event and compares its pairs with the gold pairs.
// Where a second annotator's gold-2.yaml exists, the gold is the pairs both
// annotators aligned; pairs only one of them aligned are ambiguous and count
// neither for nor against.
func scoreEvent(t *testing.T, dir string, opts Options, sc scoring) alignmentScore {
	t.Helper()
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := compareWith(ev, opts, sc)
	if err != nil {
		t.Fatal(err)
	}
	gold := goldPairs(t, filepath.Join(dir, "gold.yaml"), res)
	ambiguous := map[sentPair]bool{}
	if _, err := os.Stat(filepath.Join(dir, "gold-2.yaml")); err == nil {
		second := goldPairs(t, filepath.Join(dir, "gold-2.yaml"), res)
		for p := range gold {
			if !second[p] {
				ambiguous[p] = true
				delete(gold, p)
			}
		}
		for p := range second {
			if !gold[p] {
				ambiguous[p] = true
			}
		}
	}
	text := func(id sentID) string {
		for _, a := range res.Articles {
			if a.ID == id.outlet {
				return a.Sentences[id.index].Text
			}
		}
		return ""
	}
	predicted := map[sentPair]bool{}
	for _, g := range res.Alignments {
		for i, m := range g.Members {
			for _, n := range g.Members[i+1:] {
				for _, x := range m.Sentences {
					for _, y := range n.Sentences {
						p := newSentPair(sentID{m.Outlet, x}, sentID{n.Outlet, y})
						if !ambiguous[p] {
							predicted[p] = true
						}
					}
				}
			}
		}
	}
	score := alignmentScore{gold: len(gold), predicted: len(predicted)}
	var wrong, missed []string
	show := func(kind string, p sentPair) string {
		return "  " + kind + p[0].outlet + ": " + text(p[0]) + "\n          " + p[1].outlet + ": " + text(p[1])
	}
	for p := range predicted {
		if gold[p] {
			score.correct++
		} else {
			wrong = append(wrong, show("wrong:  ", p))
		}
	}
	for p := range gold {
		if !predicted[p] {
			missed = append(missed, show("missed: ", p))
		}
	}
	if *showMisses {
		sort.Strings(wrong)
		sort.Strings(missed)
		t.Logf("%s (%d ambiguous pairs ignored):\n%s\n%s", filepath.Base(dir), len(ambiguous), strings.Join(wrong, "\n"), strings.Join(missed, "\n"))
	}
	return score
}

// independentEvents were written by separate writers from one fact sheet, so
// their gold measures paraphrase rather than copy-editing.
var independentEvents = map[string]bool{"solvik-port-protest-2026": true, "ashford-derailment-2026": true}

// heldOutEvents were written and annotated after the scoring weights were
// last tuned, and must stay out of any tuning: their figures say how the
// weights do on coverage they were not fitted to.
var heldOutEvents = map[string]bool{"ashford-derailment-2026": true}

// TestAlignmentQuality computes pair precision and recall against the gold
// files of every test event and fails below P 0.95 / R 0.90 over all events.
func TestAlignmentQuality(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/events/*/gold.yaml")
	if err != nil || len(dirs) < 3 {
		t.Fatalf("want at least three gold events, found %d (%v)", len(dirs), err)
	}
	var all, rewritten, independent, heldOut alignmentScore
	for _, g := range dirs {
		dir := filepath.Dir(g)
		sc := scoreEvent(t, dir, Options{}, defaultScoring)
		t.Logf("%-28s P %.3f  R %.3f  (gold pairs %d, predicted %d, correct %d)",
			filepath.Base(dir), sc.precision(), sc.recall(), sc.gold, sc.predicted, sc.correct)
		all.add(sc)
		if heldOutEvents[filepath.Base(dir)] {
			heldOut.add(sc)
		}
		if independentEvents[filepath.Base(dir)] {
			independent.add(sc)
		} else {
			rewritten.add(sc)
		}
	}
	t.Logf("rewritten events:   P %.3f  R %.3f", rewritten.precision(), rewritten.recall())
	t.Logf("independent events: P %.3f  R %.3f", independent.precision(), independent.recall())
	t.Logf("held-out events:    P %.3f  R %.3f", heldOut.precision(), heldOut.recall())
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
		for _, nc := range []float64{0.04, 0.08, 0.12} {
			for _, cont := range []float64{0.25, 0.4, 0.55} {
				for _, link := range []float64{0.5, 0.8} {
					sc := defaultScoring
					sc.mergeGain, sc.subWeight, sc.linkShare = nc, cont, link
					var all, ind alignmentScore
					for _, g := range dirs {
						if heldOutEvents[filepath.Base(filepath.Dir(g))] {
							continue
						}
						s := scoreEvent(t, filepath.Dir(g), Options{MinSimilarity: th}, sc)
						all.add(s)
						if independentEvents[filepath.Base(filepath.Dir(g))] {
							ind.add(s)
						}
					}
					t.Logf("th %.2f merge %.2f sub %.2f link %.2f: all P %.3f R %.3f  indep P %.3f R %.3f",
						th, nc, cont, link, all.precision(), all.recall(), ind.precision(), ind.recall())
				}
			}
		}
	}
}
