package compare

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slant-news/slant/internal/growth"
	"github.com/slant-news/slant/lexicon"
)

// hostileWords are the words hostile inputs are made of: plain words,
// names, bodies, speech verbs and pronouns, so that every stage (names,
// speakers, alignment, diffs, the lexicon) has work to do. None holds
// punctuation.
var hostileWords = strings.Fields(`the minister said police union mayor officials council residents
	company bridge harbour plan strike vote budget road station school hospital port market talks
	negotiations attack protest injured begin cost would face over workers Monday city river storm
	water people night morning report he she they it told according to Anna Berg Carl Dunn Velmora
	Ministry Port Authority spokeswoman chief claimed warned denied regime terrorists`)

// hostileText returns about n bytes of hostileWords in a random order,
// separated by single spaces: no punctuation and no line breaks.
func hostileText(n int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(hostileWords[rng.IntN(len(hostileWords))])
	}
	return b.String()
}

// hostileWordList returns n words of hostileWords in a random order.
func hostileWordList(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 2))
	out := make([]string, n)
	for i := range out {
		out[i] = hostileWords[rng.IntN(len(hostileWords))]
	}
	return out
}

// textEvent makes an event of plain-text articles, one per text.
func textEvent(texts ...string) Event {
	var ev Event
	for i, text := range texts {
		name := fmt.Sprintf("outlet-%04d", i)
		ev.Documents = append(ev.Documents, Document{Source: name + ".txt", Name: name, Kind: "text", Text: text})
	}
	return ev
}

// scalingRun is one measured run of Compare.
type scalingRun struct {
	elapsed time.Duration // the fastest of the runs
	alloc   uint64        // bytes allocated by one run
	res     *Result
}

// measureCompare runs Compare on ev reps times with the built-in lexicon,
// as the command does, keeping the least CPU time (see cpuNow).
// It does not force a collection before a run: that shrinks the heap's
// goal, so a large input paid for many more collections than a small one
// and a megabyte seemed to take 6 to 9 times as long as 256 KiB, though
// its CPU profile holds 4.2 times the samples.
func measureCompare(t *testing.T, ev Event, lex *lexicon.Lexicon, reps int) scalingRun {
	t.Helper()
	var run scalingRun
	for i := range reps {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := growth.CPUNow()
		res, err := Compare(ev, Options{Lexicon: lex})
		elapsed := growth.CPUNow() - start
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("Compare: %v", err)
		}
		if i == 0 || elapsed < run.elapsed {
			run.elapsed = elapsed
		}
		run.alloc = after.TotalAlloc - before.TotalAlloc
		run.res = res
	}
	return run
}

// maxAllocGrowth is the most a four times larger input may allocate, in
// times the smaller's: linear work allocates about 4 times as much.
const maxAllocGrowth = 8.0

// checkScaling runs Compare on event(n) and event(4n) and fails when the
// larger input costs more than growth.MaxTime times the time (see
// growth.Check), or maxAllocGrowth times the memory, of the smaller.
// check, when not nil, asserts what the result of event(4n) must hold.
// Under -short both sizes are four times smaller.
func checkScaling(t *testing.T, n int, event func(n int) Event, check func(t *testing.T, res *Result, n int)) {
	t.Helper()
	if testing.Short() {
		n = max(1, n/4)
	}
	lex := defaultLexicon(t)
	var small, big scalingRun
	growth.Check(t, "the input", n, func(m int) time.Duration {
		if m == n {
			small = measureCompare(t, event(m), lex, 3)
			return small.elapsed
		}
		big = measureCompare(t, event(m), lex, 2)
		return big.elapsed
	})
	allocGrowth := float64(big.alloc) / float64(max(small.alloc, 1))
	t.Logf("n=%d: %.1f MB allocated; 4n: %.1f MB; allocation ×%.2f",
		n, float64(small.alloc)/1e6, float64(big.alloc)/1e6, allocGrowth)
	if allocGrowth > maxAllocGrowth {
		t.Errorf("4 times the input allocated %.1f times as much (%d bytes, then %d)", allocGrowth, small.alloc, big.alloc)
	}
	checkInvariants(t, big.res)
	for _, a := range big.res.Articles {
		checkArticleSpans(t, a, "text")
	}
	if check != nil {
		check(t, big.res, 4*n)
	}
}

// TestHostileNoPunctuation compares a megabyte of words without a single
// punctuation mark or line break: one sentence, as long as the article.
func TestHostileNoPunctuation(t *testing.T) {
	const n = 256 << 10 // 4n is a megabyte
	oneSentence := func(t *testing.T, res *Result, n int) {
		for _, a := range res.Articles {
			if len(a.Text) >= n && (len(a.Sentences) != 1 || len(a.Sentences[0].Text) != len(a.Text)) {
				t.Errorf("%s: %d sentences, want the whole text as one", a.ID, len(a.Sentences))
			}
		}
	}
	t.Run("against an article", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event { return textEvent(hostileText(n, 1), loadArticle) }, oneSentence)
	})
	t.Run("against another", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event { return textEvent(hostileText(n, 1), hostileText(n, 2)) }, oneSentence)
	})
	t.Run("against itself with a word changed", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event {
			text := hostileText(n, 3)
			mid := strings.IndexByte(text[len(text)/2:], ' ') + len(text)/2
			return textEvent(text, text[:mid]+" altered"+text[mid:])
		}, func(t *testing.T, res *Result, n int) {
			oneSentence(t, res, n)
			// The diff is fine-grained: one insertion between two long
			// equal stretches.
			diffs := 0
			for _, d := range res.Differences {
				if d.Group == "headline" {
					continue
				}
				diffs++
				var changed []string
				for _, op := range d.Ops {
					if op.Op != OpEqual {
						changed = append(changed, op.Op+" "+op.FromText+op.ToText)
					}
				}
				if !slices.Equal(changed, []string{"insert altered"}) {
					t.Errorf("diff %s: changes %q, want one insertion of \"altered\"", d.Group, changed)
				}
			}
			if diffs != 1 {
				t.Errorf("%d word diffs, want the one of the aligned sentences", diffs)
			}
		})
	})
}

// TestHostileQuoteMarks compares articles holding 100,000 quotation marks
// that do not pair up.
func TestHostileQuoteMarks(t *testing.T) {
	const n = 25_000 // 4n is 100,000 marks
	t.Run("marks only", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event { return textEvent(strings.Repeat(`"`, n)+" end", loadArticle) }, nil)
	})
	t.Run("straight marks between words", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event {
			words := hostileWordList(n, 4)
			return textEvent(`"`+strings.Join(words, ` "`), `"`+strings.Join(words[:n/2], ` "`))
		}, nil)
	})
	t.Run("opening marks only", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event {
			words := hostileWordList(n, 5)
			return textEvent("“"+strings.Join(words, " “"), "‘"+strings.Join(words, " ‘"))
		}, func(t *testing.T, res *Result, n int) {
			if len(res.Articles[0].Quotes) == 0 {
				t.Error("no quotes found among the opening marks")
			}
		})
	})
	t.Run("statements an outlet leaves out", func(t *testing.T) {
		// Every statement of the first article is looked for as a
		// paraphrase in the second, whose every sentence holds one of the
		// statement's words.
		checkScaling(t, n/8, func(n int) Event {
			var a, b strings.Builder
			for i := range n {
				fmt.Fprintf(&a, "Officials said \"the shield plan %d matters now.\" ", i)
				fmt.Fprintf(&b, "The shield came up in talks on day %d. ", i)
			}
			return textEvent(a.String(), b.String())
		}, func(t *testing.T, res *Result, n int) {
			if len(res.Quotes) < n {
				t.Errorf("%d statements, want %d", len(res.Quotes), n)
			}
		})
	})
	t.Run("attributions and pronouns", func(t *testing.T) {
		checkScaling(t, n/4, func(n int) Event {
			// Four marks a round in each article, and a new person named
			// in every round.
			var a, b strings.Builder
			for i := range n {
				fmt.Fprintf(&a, `Anna Berg%d spoke. He said "we act. The ministry said "we wait. She told "them. It said "so. `, i)
				b.WriteString(`They said "we act," and the official said "we wait and "more `)
			}
			return textEvent(a.String(), b.String())
		}, nil)
	})
}

// TestHostileLongSentence compares sentences of 10,000 words.
func TestHostileLongSentence(t *testing.T) {
	const n = 2_500 // 4n is 10,000 words
	sentence := func(words []string) string {
		s := strings.Join(words, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	oneSentence := func(t *testing.T, res *Result, n int) {
		for _, a := range res.Articles {
			if len(a.Sentences) != 1 || countWords(a.Sentences[0].Text) < n {
				t.Errorf("%s: %d sentences, want one of %d words", a.ID, len(a.Sentences), n)
			}
		}
	}
	t.Run("two outlets", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event {
			return textEvent(sentence(hostileWordList(n, 6)), sentence(hostileWordList(n, 7)))
		}, oneSentence)
	})
	t.Run("copy edited", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event {
			words := hostileWordList(n, 8)
			edited := slices.Clone(words)
			for i := 0; i < len(edited); i += 50 {
				edited[i] = "reportedly"
			}
			return textEvent(sentence(words), sentence(edited))
		}, func(t *testing.T, res *Result, n int) {
			oneSentence(t, res, n)
			if len(res.Alignments) != 1 {
				t.Errorf("%d alignments, want the two sentences aligned", len(res.Alignments))
			}
		})
	})
	t.Run("quotes and commas", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event {
			words := hostileWordList(n, 9)
			for i := range words {
				switch i % 11 {
				case 3:
					words[i] = `"` + words[i]
				case 9:
					words[i] += `,"`
				}
			}
			return textEvent(sentence(words), sentence(hostileWordList(n, 10)))
		}, oneSentence)
	})
}

// TestHostileManyOutlets compares 1,000 outlets of one sentence each.
func TestHostileManyOutlets(t *testing.T) {
	const n = 250 // 4n is 1,000 outlets
	outlets := func(t *testing.T, res *Result, n int) {
		if len(res.Articles) != n {
			t.Errorf("%d outlets, want %d", len(res.Articles), n)
		}
	}
	t.Run("one fact", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event {
			texts := make([]string, n)
			for i := range texts {
				texts[i] = fmt.Sprintf("The bridge in Velmora will close for %d days, the %s said on Monday.",
					i%7+2, hostileWords[i%len(hostileWords)])
			}
			return textEvent(texts...)
		}, outlets)
	})
	t.Run("one statement quoted", func(t *testing.T) {
		checkScaling(t, n, func(n int) Event {
			statement := strings.Fields("the bridge will stay closed until the engineers have checked every pier")
			texts := make([]string, n)
			for i := range texts {
				words := statement[:len(statement)-i%5] // some outlets trim it
				texts[i] = fmt.Sprintf(`"%s," Anna Berg of the Velmora Ministry said.`, strings.Join(words, " "))
			}
			return textEvent(texts...)
		}, func(t *testing.T, res *Result, n int) {
			outlets(t, res, n)
			if len(res.Quotes) != 1 || res.Quotes[0].Speaker != "Anna Berg" {
				t.Errorf("%d statements, want the one by Anna Berg", len(res.Quotes))
			}
		})
	})
}

// TestWordDiffLong checks the word diff of token lists too long to align
// word by word: the common start and end stay equal, the middle is one
// replacement, and the operations cover both texts in order.
func TestWordDiffLong(t *testing.T) {
	from := strings.Join(hostileWordList(3000, 11), " ")
	to := strings.Join(hostileWordList(3000, 12), " ")
	prefix, suffix := "Officials said on Monday that ", " and nothing else."
	from, to = prefix+from+suffix, prefix+to+suffix
	ft, tt := diffTokens(from, 0), diffTokens(to, 0)
	if differingWords(ft, tt) <= maxDiffWords {
		t.Fatalf("%d differing words: not enough for the coarse diff", differingWords(ft, tt))
	}
	ops := wordDiff(ft, tt, func(s, e int) string { return from[s:e] }, func(s, e int) string { return to[s:e] })
	var kinds []string
	for _, op := range ops {
		kinds = append(kinds, op.Op)
	}
	if !slices.Equal(kinds, []string{OpEqual, OpReplace, OpEqual}) {
		t.Fatalf("ops %q, want equal, replace, equal", kinds)
	}
	if ops[0].FromText != strings.TrimSpace(prefix) || ops[2].ToText != strings.TrimSpace(suffix) {
		t.Errorf("equal ends %q and %q, want %q and %q", ops[0].FromText, ops[2].ToText, prefix, suffix)
	}
	if ops[1].FromEnd != ops[2].FromStart-1 || ops[1].ToStart != ops[0].ToEnd+1 {
		t.Errorf("replacement %+v does not join its neighbours", ops[1])
	}
	// Seventy thousand distinct words and one more: the diff keeps them
	// all and inserts the last.
	many := make([]string, 70000)
	for i := range many {
		many[i] = fmt.Sprintf("w%d", i)
	}
	a := strings.Join(many, " ")
	b := a + " more"
	at, bt := diffTokens(a, 0), diffTokens(b, 0)
	ops = wordDiff(at, bt, func(s, e int) string { return a[s:e] }, func(s, e int) string { return b[s:e] })
	if len(ops) != 2 || ops[0].Op != OpEqual || ops[0].FromEnd != len(a) || ops[1].Op != OpInsert || ops[1].ToText != "more" {
		t.Errorf("diff of %d distinct words and one more: %d ops, first %q", len(at), len(ops), ops[0].Op)
	}
}

// TestQuoteStatusAgainstReference checks quoteStatus, which finds an
// outlet's pieces in the fullest version with a text search, against an
// obvious word-by-word search on small random quotes.
func TestQuoteStatusAgainstReference(t *testing.T) {
	indexWords := func(words, sub []qtok) int {
		for i := 0; i+len(sub) <= len(words); i++ {
			ok := true
			for j := range sub {
				ok = ok && words[i+j].norm == sub[j].norm
			}
			if ok {
				return i
			}
		}
		return -1
	}
	reference := func(full, got []qtok) string {
		if joinNorm(full) == joinNorm(got) {
			return StatusFull
		}
		from := 0
		for i := 0; i < len(got); {
			j := i + 1
			for j < len(got) && !got[j].ellipsis {
				j++
			}
			at := indexWords(full[from:], got[i:j])
			if at < 0 {
				return StatusAltered
			}
			from += at + j - i
			i = j
		}
		return StatusTruncated
	}
	rng := rand.New(rand.NewPCG(13, 14))
	vocab := []string{"a", "b", "ab", "c", "we", "will"}
	toks := func(n int) []qtok {
		out := make([]qtok, n)
		for i := range out {
			out[i] = qtok{norm: vocab[rng.IntN(len(vocab))], ellipsis: i > 0 && rng.IntN(4) == 0}
		}
		return out
	}
	statuses := map[string]int{}
	for range 20_000 {
		full := toks(rng.IntN(12))
		got := toks(1 + rng.IntN(5))
		if rng.IntN(2) == 0 && len(full) > 0 {
			// A piece of the full version, so that truncations occur.
			i := rng.IntN(len(full))
			got = slices.Clone(full[i : i+1+rng.IntN(len(full)-i)])
			got[0].ellipsis = false
		}
		want, have := reference(full, got), quoteStatus(full, got)
		statuses[want]++
		if have != want {
			t.Fatalf("quoteStatus(%q, %q) = %s, want %s", joinNorm(full), joinNorm(got), have, want)
		}
	}
	if statuses[StatusFull] == 0 || statuses[StatusTruncated] == 0 || statuses[StatusAltered] == 0 {
		t.Errorf("statuses %v: the cases do not cover all three", statuses)
	}
}

// TestQuoteStatusLinear checks that finding a long quote's piece in a long
// quote of repeated words takes linear time, not the product of their
// lengths.
func TestQuoteStatusLinear(t *testing.T) {
	n := 200_000
	if testing.Short() {
		n = 50_000
	}
	word := func(s string) qtok { return qtok{norm: s} }
	full := make([]qtok, n)
	for i := range full {
		full[i] = word("again")
	}
	got := slices.Clone(full[:n/2])
	got = append(got, word("else"))
	start := time.Now()
	status := quoteStatus(full, got)
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("quoteStatus took %v on %d words", elapsed, n)
	}
	if status != StatusAltered {
		t.Errorf("status %s, want altered", status)
	}
	if status := quoteStatus(full, full[:n/2]); status != StatusTruncated {
		t.Errorf("half the quote: status %s, want truncated", status)
	}
}

// TestHostileHTMLLineBreaks reads pages of n and 4n lines split by <br>s,
// which the extractor rejoins so that no block matches its own exactly,
// once with every line in the story and once with a menu of as many long
// lines that are not: finding the blocks in the extractor's text must
// grow linearly, and every story line must be kept.
func TestHostileHTMLLineBreaks(t *testing.T) {
	n := 4000
	if testing.Short() {
		n /= 4
	}
	page := func(n int, menu bool) string {
		var b strings.Builder
		b.WriteString("<html><body>")
		if menu {
			b.WriteString("<nav><ul>")
			for i := range n {
				fmt.Fprintf(&b, "<li><a href=\"/%d\">Menu item %d for readers of the valley</a></li>", i, i)
			}
			b.WriteString("</ul></nav>")
		}
		b.WriteString("<div>")
		for i := range n {
			fmt.Fprintf(&b, "Line %d says the river rose again today.<br><br>", i)
		}
		b.WriteString("</div></body></html>")
		return b.String()
	}
	for _, menu := range []bool{false, true} {
		read := func(n int) (time.Duration, Document) {
			best := time.Duration(1 << 62)
			var doc Document
			for range 2 {
				start := growth.CPUNow()
				d, err := newDocument("p.html", "p", "html", []byte(page(n, menu)), "")
				if err != nil {
					t.Fatal(err)
				}
				best, doc = min(best, growth.CPUNow()-start), d
			}
			return best, doc
		}
		var doc Document
		growth.Check(t, fmt.Sprintf("the lines (menu %v)", menu), n, func(m int) time.Duration {
			d, got := read(m)
			if m == 4*n {
				doc = got
			}
			return d
		})
		if !menu && len(doc.Kept) != 4*n {
			t.Errorf("%d of %d story lines kept", len(doc.Kept), 4*n)
		}
	}
}
