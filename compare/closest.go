package compare

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Closest is, for a sentence only one outlet has, one other outlet's
// sentence that shares the most of its content words: where the aligner
// found no match, the reader can still judge whether that outlet reports
// the same fact in other words.
type Closest struct {
	Outlet string
	// Sentence is the sentence's index, or -1 when no sentence of the
	// outlet shares a content word with the unique one; Text is its text.
	Sentence int
	Text     string
	// Score is the share of the unique sentence's content words the
	// closest sentence has, each word weighted by how rare it is in the
	// event: 0 (none) to 1 (all).
	Score float64
}

// closestWords are the stems of a sentence's content words, each once, in
// the order the sentence first writes them: words of letters or digits,
// cut at apostrophes and hyphens, lower-cased, stemmed and without stop
// words, as the aligner's are.
func closestWords(s string) []string {
	var out []string
	seen := map[string]bool{}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for len(s) > 0 {
		i := strings.IndexFunc(s, word)
		if i < 0 {
			break
		}
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return !word(r) })
		if j < 0 {
			j = len(s)
		}
		w := strings.ToLower(s[:j])
		written := s[:j]
		s = s[j:]
		if written == "Outlet" && blindLetterNext(s) || written == "outlet" && blindIDNext(s) {
			// Blind mode's placeholder for an outlet's name, or its id in
			// an address or handle: not a word two sentences share.
			continue
		}
		if len([]rune(w)) < 2 || isStop(w) {
			continue
		}
		if st := english.Stem(w, false); !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	}
	return out
}

// ClosestSentences finds, for every unique sentence of the result, the
// closest sentence of each other outlet (see Closest), in article order.
// The sentences that share a word are found through an index of the
// event's words, so the work grows with the words shared, not with every
// pair of sentences. Ties go to the earlier sentence.
func ClosestSentences(r *Result) map[[2]int][]Closest {
	type posting struct{ art, sent int }
	index := map[string][]posting{}
	words := make([][][]string, len(r.Articles))
	total := 0
	for ai, a := range r.Articles {
		words[ai] = make([][]string, len(a.Sentences))
		for si, s := range a.Sentences {
			ws := closestWords(s.Text)
			words[ai][si] = ws
			for _, w := range ws {
				index[w] = append(index[w], posting{ai, si})
			}
			total++
		}
	}
	// weight is a word's rarity in the event: the fewer sentences have
	// it, the more sharing it says.
	weight := func(w string) float64 { return math.Log(1 + float64(total)/float64(len(index[w]))) }
	order := map[string]int{}
	for ai, a := range r.Articles {
		order[a.ID] = ai
	}
	out := map[[2]int][]Closest{}
	for _, u := range r.Unique {
		ai, ok := order[u.Outlet]
		if !ok {
			continue
		}
		for _, si := range u.Sentences {
			if si < 0 || si >= len(words[ai]) {
				continue
			}
			all := 0.0
			shared := map[posting]float64{}
			for _, w := range words[ai][si] {
				wt := weight(w)
				all += wt
				for _, p := range index[w] {
					if p.art != ai {
						shared[p] += wt
					}
				}
			}
			// The best sentence of each other outlet: most shared, then
			// the earliest, whatever order the map gives them in.
			best := make([]posting, len(r.Articles))
			bestShared := make([]float64, len(r.Articles))
			for bi := range best {
				best[bi] = posting{bi, -1}
			}
			for p, v := range shared {
				if b := best[p.art]; v > bestShared[p.art] || v == bestShared[p.art] && b.sent >= 0 && p.sent < b.sent {
					best[p.art], bestShared[p.art] = p, v
				}
			}
			var list []Closest
			for bi, b := range r.Articles {
				if bi == ai {
					continue
				}
				c := Closest{Outlet: b.ID, Sentence: best[bi].sent}
				if c.Sentence >= 0 {
					c.Text = b.Sentences[c.Sentence].Text
					c.Score = bestShared[bi] / all
				}
				list = append(list, c)
			}
			out[[2]int{ai, si}] = list
		}
	}
	return out
}

// blindLetterNext says whether s starts with a space and a blind letter
// (one or two capitals standing alone), as after "Outlet" in blind mode.
func blindLetterNext(s string) bool {
	if !strings.HasPrefix(s, " ") {
		return false
	}
	s = s[1:]
	n := 0
	for n < len(s) && n < 3 && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return n == len(s) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// blindIDNext says whether s starts with the rest of a blind id after its
// "outlet": a hyphen and one or two small letters standing alone
// ("-a" of "@outlet-a", "www.outlet-ab.example").
func blindIDNext(s string) bool {
	if !strings.HasPrefix(s, "-") {
		return false
	}
	n := 1
	for n < len(s) && n < 4 && s[n] >= 'a' && s[n] <= 'z' {
		n++
	}
	if !isBlindID("outlet" + s[:n]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return n == len(s) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
