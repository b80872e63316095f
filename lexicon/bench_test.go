package lexicon

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// syntheticLexicon builds a lexicon of n terms (one to three words) drawn
// from a made-up vocabulary, and a text of about size bytes from the same
// vocabulary with some of the terms in it.
func syntheticLexicon(n, size int) (*Lexicon, string) {
	rng := rand.New(rand.NewPCG(uint64(n), 9))
	syllables := []string{"ka", "lo", "mi", "ran", "te", "vo", "su", "del", "pa", "quin", "ro", "zen"}
	vocab := make([]string, 20000)
	for i := range vocab {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		vocab[i] = b.String()
	}
	l := &Lexicon{Name: "synthetic"}
	cat := Category{ID: "synthetic", Label: "Synthetic", Note: "Made-up words."}
	seen := map[string]bool{}
	for len(cat.Entries) < n {
		// Term words end in "x", which no ordinary word of the text does,
		// so hits come at the rate the text plants them, as in news: a few
		// per hundred words.
		words := make([]string, 1+rng.IntN(3))
		for i := range words {
			words[i] = vocab[rng.IntN(len(vocab))] + "x"
		}
		term := strings.Join(words, " ")
		if seen[term] {
			continue
		}
		seen[term] = true
		cat.Entries = append(cat.Entries, Entry{Term: term, Tone: "loaded", Scope: Narration})
	}
	l.Categories = []Category{cat}
	l.matcher = compile(l)
	var b strings.Builder
	for b.Len() < size {
		if rng.IntN(40) == 0 {
			b.WriteString(cat.Entries[rng.IntN(len(cat.Entries))].Term)
		} else {
			b.WriteString(vocab[rng.IntN(len(vocab))])
		}
		if rng.IntN(12) == 0 {
			b.WriteString(". ")
		} else {
			b.WriteString(" ")
		}
	}
	return l, b.String()
}

// BenchmarkMatch runs lexicons of 5,000 and 10,000 terms over 1 MB of text:
// the matcher makes one pass over the words whatever the lexicon's size, so
// doubling the terms should cost little.
func BenchmarkMatch(b *testing.B) {
	for _, n := range []int{5000, 10000} {
		l, text := syntheticLexicon(n, 1<<20)
		b.Run(fmt.Sprintf("terms=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			found := 0
			for b.Loop() {
				found = len(l.Matcher().Scanner().Find(Text{Text: text}))
			}
			if found == 0 {
				b.Fatal("no terms found")
			}
		})
	}
}

// TestMatchAgainstReference checks the trie matcher against a slow, obvious
// one (every term tried at every word) on synthetic text.
func TestMatchAgainstReference(t *testing.T) {
	l, text := syntheticLexicon(300, 20000)
	got := l.Matcher().Scanner().Find(Text{Text: text})
	toks := tokenize(text, false, nil)
	lower := func(k int) string { return strings.ToLower(text[toks[k].start:toks[k].end]) }
	var want []string
	for i := 0; i < len(toks); {
		best, bestLen := "", 0
		for _, e := range l.Categories[0].Entries {
			words := strings.Fields(e.Term)
			if i+len(words) > len(toks) || len(words) <= bestLen {
				continue
			}
			ok := true
			for k, w := range words {
				ok = ok && stem(lower(i+k), nil) == stem(w, nil)
			}
			if ok {
				best, bestLen = e.Term, len(words)
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		want = append(want, fmt.Sprintf("%d:%s", toks[i].start, best))
		i += bestLen
	}
	var have []string
	for _, h := range got {
		have = append(have, fmt.Sprintf("%d:%s", h.Start, h.Term))
	}
	if strings.Join(have, " ") != strings.Join(want, " ") {
		t.Errorf("trie and reference differ: %d hits vs %d", len(have), len(want))
	}
	if len(want) < 50 {
		t.Errorf("only %d hits: the test text does not exercise the matcher", len(want))
	}
}

// BenchmarkDefault is what the built-in lexicon costs a command: its
// lexicon with its trie compiled ahead of time, against parsing
// default.yaml and building the trie as for a user's file.
func BenchmarkDefault(b *testing.B) {
	b.Run("builtin", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Default(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse(DefaultName, defaultYAML); err != nil {
				b.Fatal(err)
			}
		}
	})
}
