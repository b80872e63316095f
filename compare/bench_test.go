package compare

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// syntheticEvent builds an event of outlets articles of about sentences
// sentences each, all retelling one set of facts: each outlet drops some
// facts, reorders the rest, swaps words for synonyms and adds sentences of its
// own. The same arguments give the same event.
func syntheticEvent(outlets, sentences int, seed uint64) Event {
	rng := rand.New(rand.NewPCG(seed, 7))
	subjects := []string{"The minister", "Police", "The union", "The mayor", "Officials", "The council", "Residents", "The company", "Witnesses", "The agency"}
	verbs := [][2]string{{"said", "claimed"}, {"announced", "declared"}, {"warned", "cautioned"}, {"reported", "stated"}, {"confirmed", "acknowledged"}}
	objects := []string{"the bridge", "the harbour", "the plan", "the strike", "the vote", "the budget", "the road", "the station", "the school", "the hospital", "the port", "the market"}
	nouns := [][2]string{{"talks", "negotiations"}, {"attack", "assault"}, {"protest", "demonstration"}, {"injured", "wounded"}, {"begin", "start"}, {"cost", "price"}}
	places := []string{"Northgate", "Velmora", "Ostrand", "Kessling", "Marrow Bay", "Tallis", "Brenford", "Ardent Hill"}
	fact := func(i int) (string, string) {
		s := subjects[i%len(subjects)]
		v := verbs[i%len(verbs)]
		o := objects[(i*7)%len(objects)]
		n := nouns[(i*3)%len(nouns)]
		p := places[(i*5)%len(places)]
		num := 100 + i*37
		a := fmt.Sprintf("%s %s on Monday that %s in %s would face %s over %d workers.", s, v[0], o, p, n[0], num)
		b := fmt.Sprintf("%s in %s would face %s over %d workers, %s %s.", upper(o), p, n[1], num, strings.ToLower(s[:1])+s[1:], v[1])
		return a, b
	}
	ev := Event{Title: "Synthetic event", Date: "2026-01-01"}
	for o := range outlets {
		var paras []string
		order := rng.Perm(sentences)
		for k, i := range order {
			if rng.IntN(10) == 0 { // about one fact in ten left out
				continue
			}
			a, b := fact(i)
			if rng.IntN(2) == 0 {
				a = b
			}
			if k%9 == 4 { // a sentence of the outlet's own
				a = fmt.Sprintf("Outlet %d heard from %s that %s %d remained a worry.", o, places[rng.IntN(len(places))], objects[rng.IntN(len(objects))], rng.IntN(1000))
			}
			paras = append(paras, a)
		}
		text := fmt.Sprintf("Synthetic headline number %d about the event\n\n%s\n", o, strings.Join(paras, "\n\n"))
		ev.Documents = append(ev.Documents, Document{
			Source: fmt.Sprintf("outlet-%03d.txt", o), Name: fmt.Sprintf("outlet-%03d", o), Kind: "text", Text: text,
			Outlet: fmt.Sprintf("Outlet %03d", o), OutletFrom: "manifest",
		})
	}
	return ev
}

func upper(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func benchmarkCompare(b *testing.B, outlets int) {
	ev := syntheticEvent(outlets, 40, 1)
	lex := defaultLexicon(b) // as the command runs it
	sentences := 0
	b.ReportAllocs()
	for b.Loop() {
		res, err := Compare(ev, Options{Lexicon: lex})
		if err != nil {
			b.Fatal(err)
		}
		sentences = 0
		for _, a := range res.Articles {
			sentences += len(a.Sentences)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(sentences), "µs/sentence")
}

// BenchmarkCompare is the whole pipeline on a 10-outlet event of about 40
// sentences each; the 80-outlet case shows how the cost grows.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{10, 20, 40, 80} {
		b.Run(fmt.Sprintf("outlets=%d", n), func(b *testing.B) { benchmarkCompare(b, n) })
	}
}

// TestSyntheticEventAligns checks the benchmark's event is a fair workload:
// most retold facts align.
func TestSyntheticEventAligns(t *testing.T) {
	res, err := Compare(syntheticEvent(10, 40, 1), Options{})
	if err != nil {
		t.Fatal(err)
	}
	aligned, total := 0, 0
	for _, s := range res.Stats {
		aligned += s.Aligned
		total += s.Sentences
	}
	if share := float64(aligned) / float64(total); share < 0.7 {
		t.Errorf("only %.2f of synthetic sentences aligned; the benchmark would not exercise alignment", share)
	}
}
