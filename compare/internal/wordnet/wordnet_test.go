package wordnet

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// shared returns the ids two ascending id lists have in common.
func shared(a, b []uint32) []uint32 {
	var out []uint32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

func TestRelatedPairs(t *testing.T) {
	tests := []struct{ a, b string }{
		{"attack", "assault"},
		{"attacks", "assaulted"},
		{"talks", "negotiations"},
		{"talks", "negotiation"},
		{"invite", "invitation"},
		{"invited", "invitation"},
		{"threat", "threaten"},
		{"threats", "threatened"},
		{"cooperate", "collaborate"},
		{"cooperated", "collaborating"},
		{"injured", "wounded"},
		{"injure", "wound"},
		{"arrested", "apprehended"},
		{"arrests", "arrest"},
		{"killed", "kill"},
		{"died", "perished"},
		{"war", "warfare"},
		{"truce", "armistice"},
		{"missile", "projectile"},
		{"country", "nation"},
		{"began", "started"},
		{"tried", "attempted"},
		{"children", "child"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			a, b := Groups(tt.a), Groups(tt.b)
			if len(shared(a, b)) == 0 {
				t.Errorf("Groups(%q) = %v and Groups(%q) = %v share no group", tt.a, a, tt.b, b)
			}
		})
	}
}

func TestUnrelatedPairs(t *testing.T) {
	tests := []struct{ a, b string }{
		{"bank", "river"},
		{"missile", "shield"},
		{"strike", "peace"},
		{"nato", "russia"},
		{"attack", "defense"},
		{"war", "peace"},
		{"police", "protesters"},
		{"killed", "wounded"},
		{"president", "minister"},
		{"sacked", "raped"},    // sacked (dismissed) is not read as the adjective "despoiled"
		{"troops", "parade"},   // troops is a noun lemma, not the verb troop
		{"talks", "negotiate"}, // no derivation from a synonym of the other word's synset
		{"attack", "attacker"}, // derivations into people are left out
	}
	for _, tt := range tests {
		t.Run(tt.a+"!~"+tt.b, func(t *testing.T) {
			if s := shared(Groups(tt.a), Groups(tt.b)); len(s) != 0 {
				t.Errorf("%q and %q share groups %v", tt.a, tt.b, s)
			}
		})
	}
}

// TestWordNetGaps pins pairs a reader would call related that WordNet 3.0
// does not link (arrest is "take into custody", detain is "confine"), and
// pairs the stop list removes on purpose. The aligner must find these
// elsewhere; if the table starts linking one, update this list and the
// package documentation.
func TestWordNetGaps(t *testing.T) {
	tests := []struct{ a, b string }{
		{"arrested", "detained"},
		{"said", "stated"},
		{"said", "told"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"!~"+tt.b, func(t *testing.T) {
			if s := shared(Groups(tt.a), Groups(tt.b)); len(s) != 0 {
				t.Errorf("%q and %q now share groups %v: update the documented gaps", tt.a, tt.b, s)
			}
		})
	}
}

func TestGroupsNil(t *testing.T) {
	tests := []string{
		"",            // empty
		"a",           // before every word
		"zzzzzzzz",    // after every word
		"xyzzyplugh",  // unknown
		"Attack",      // not lowercase
		"attack ",     // not a word
		"attack\n",    // not a word
		"nato",        // proper noun
		"russia",      // proper noun
		"say", "said", // stop list
		"state", "make", // stop list
		"the", "and", // function words
		"in", "do", // short WordNet abbreviations (inch, the note do)
		"missile shield", // collocations are left out
	}
	for _, word := range tests {
		t.Run(strconv.Quote(word), func(t *testing.T) {
			if got := Groups(word); got != nil {
				t.Errorf("Groups(%q) = %v, want nil", word, got)
			}
		})
	}
}

func TestGroupsResultShape(t *testing.T) {
	for _, word := range []string{"attack", "talks", "wounded", "force", "bound"} {
		got := Groups(word)
		if len(got) == 0 {
			t.Fatalf("Groups(%q) is empty", word)
		}
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("Groups(%q) = %v, want strictly ascending ids", word, got)
		}
		if cap(got) != len(got) {
			t.Errorf("Groups(%q) has capacity %d > length %d: an append would write into the table", word, cap(got), len(got))
		}
		again := Groups(word)
		if !slices.Equal(got, again) {
			t.Errorf("Groups(%q) changed between calls: %v, then %v", word, got, again)
		}
	}
}

// TestGroupsMatchesText checks the binary search against a plain reading of
// every line of the embedded table, and a miss between every two words.
func TestGroupsMatchesText(t *testing.T) {
	lines := 0
	for line := range strings.Lines(relatedText) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		lines++
		f := strings.Fields(line)
		want := make([]uint32, 0, len(f)-1)
		for _, s := range f[1:] {
			n, err := strconv.ParseUint(s, 10, 32)
			if err != nil {
				t.Fatalf("line %q: %v", line, err)
			}
			want = append(want, uint32(n))
		}
		if got := Groups(f[0]); !slices.Equal(got, want) {
			t.Fatalf("Groups(%q) = %v, want %v", f[0], got, want)
		}
		// word+"{" sorts after word and before any longer word with its prefix.
		if got := Groups(f[0] + "{"); got != nil {
			t.Fatalf("Groups(%q) = %v, want nil", f[0]+"{", got)
		}
	}
	if lines < 10000 {
		t.Errorf("table has %d words, want many more", lines)
	}
}

// TestGroupsMatchesParse checks the search in the text against the full
// parse: for every word of the table, and for the strings around each one
// where a byte search could stop on the wrong line (its prefix, extensions,
// neighbours in the last byte, bytes outside a-z), which may or may not be
// words of the table themselves.
func TestGroupsMatchesParse(t *testing.T) {
	tab, err := parse(relatedText)
	if err != nil {
		t.Fatal(err)
	}
	check := func(word string) {
		var want []uint32
		if i, ok := tab.find(word); ok {
			want = tab.ids[tab.idStart[i]:tab.idStart[i+1]]
		}
		got := Groups(word)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("Groups(%q) = %v (nil: %t), parse gives %v (nil: %t)", word, got, got == nil, want, want == nil)
		}
	}
	for _, word := range []string{"", "\x00", "0", "A", "`", "{", "~", "\xff", "é"} {
		check(word)
	}
	for i := range tab.wordStart {
		word := tab.word(i)
		check(word)
		stem, last := word[:len(word)-1], word[len(word)-1]
		for _, near := range []string{
			stem,
			word + "a", word + "z", word + "`", word + "{", word + " ", word + "\n",
			stem + string([]byte{last - 1}), stem + string([]byte{last + 1}),
			strings.ToUpper(word),
		} {
			check(near)
		}
	}
}

func TestEmbeddedTable(t *testing.T) {
	start := time.Now()
	tab, err := parse(relatedText)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	words, ids := sizeHint(relatedText)
	if len(tab.wordStart) != words || len(tab.ids) != ids {
		t.Errorf("header says %d words and %d ids; table has %d and %d", words, ids, len(tab.wordStart), len(tab.ids))
	}
	if n := len(relatedText); n > 1_500_000 {
		t.Errorf("related.txt is %d bytes, want at most 1.5 MB", n)
	}
	groups := make(map[uint32]int)
	for _, id := range tab.ids {
		groups[id]++
	}
	for id, n := range groups {
		if n < 2 {
			t.Errorf("group %d has %d word, want two or more", id, n)
		}
	}
	t.Logf("related.txt: %d bytes, %d words, %d groups, %d ids; parsed in %v", len(relatedText), words, len(groups), ids, elapsed)
	if !strings.Contains(relatedText[:400], "WordNet 3.0 Copyright 2006 by Princeton University") {
		t.Error("related.txt header lacks the WordNet copyright notice")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"no final newline", "abc 1", "no final newline"},
		{"no word", " 1\n", "no word"},
		{"upper case", "Abc 1\n", "word has"},
		{"out of order", "abd 1\nabc 2\n", "out of order"},
		{"duplicate", "abc 1\nabc 2\n", "out of order"},
		{"no ids", "abc\n", "no groups"},
		{"double space", "abc  1\n", "bad id"},
		{"trailing space", "abc 1 \n", "one space"},
		{"bad id", "abc 1x\n", "bad id"},
		{"id too large", "abc 4294967296\n", "bad id"},
		{"ids not ascending", "abc 2 1\n", "not ascending"},
		{"ids repeated", "abc 2 2\n", "not ascending"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse(tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parse(%q) error = %v, want one containing %q", tt.text, err, tt.want)
			}
		})
	}
}

func TestParseSmallTable(t *testing.T) {
	text := "# comment\n# words 3 groups 2 ids 4\nabc 0 7\nabcd 7\nb 0\n"
	tab, err := parse(text)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want []uint32
	}{
		{"abc", []uint32{0, 7}},
		{"abcd", []uint32{7}},
		{"b", []uint32{0}},
		{"ab", nil},
		{"abcde", nil},
		{"c", nil},
	}
	for _, tt := range tests {
		i, ok := tab.find(tt.word)
		var got []uint32
		if ok {
			got = tab.ids[tab.idStart[i]:tab.idStart[i+1]]
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("find(%q) gives %v, want %v", tt.word, got, tt.want)
		}
		// The lookup Groups makes in the text agrees with the parse.
		var direct []uint32
		if line, ok := findLine(text[headerEnd(text):], tt.word); ok {
			direct = decodeIDs(line[len(tt.word):])
		}
		if !slices.Equal(direct, tt.want) {
			t.Errorf("findLine(%q) gives %v, want %v", tt.word, direct, tt.want)
		}
	}
	for _, word := range []string{"", "a", "aa", "abb", "abcc", "abcdd", "ba", "zzz", "abc ", "abc 0"} {
		if line, ok := findLine(text[headerEnd(text):], word); ok {
			t.Errorf("findLine(%q) found %q, want nothing", word, line)
		}
	}
	if cap(tab.ids) != 4 || cap(tab.wordStart) != 3 {
		t.Errorf("capacities %d ids, %d words: the header's counts were not used", cap(tab.ids), cap(tab.wordStart))
	}
}

func TestLicense(t *testing.T) {
	for _, want := range []string{
		"WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.",
		"Permission to use, copy, modify and distribute",
		"PROVIDED \"AS IS\"",
	} {
		if !strings.Contains(License(), want) {
			t.Errorf("License() lacks %q", want)
		}
	}
}

// TestTableUpToDate regenerates the table from the WordNet database, when it
// is installed, and compares it with the embedded one.
func TestTableUpToDate(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if testing.Short() {
		t.Skip("regenerating the table takes seconds")
	}
	if _, err := os.Stat(filepath.Join(dir, "data.noun")); err != nil {
		t.Skipf("WordNet database not installed (apt-get install wordnet-base): %v", err)
	}
	out := filepath.Join(t.TempDir(), "related.txt")
	cmd := exec.Command("go", "run", "./gen", "-wordnet", dir, "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./gen: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(relatedText)) {
		t.Errorf("related.txt is stale: run go generate in compare/internal/wordnet")
	}
}

var benchWords = []string{
	"attack", "talks", "negotiations", "invited", "threatened", "wounded",
	"arrested", "government", "xyzzy", "protesters", "ceasefire", "missile",
}

func BenchmarkGroups(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(Groups(benchWords[i%len(benchWords)]))
	}
	if n == 0 {
		b.Fatal("no groups found")
	}
}

// BenchmarkParse measures reading the whole table, as Groups did on its
// first call before it looked words up in the text itself.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(relatedText)))
	for b.Loop() {
		if _, err := parse(relatedText); err != nil {
			b.Fatal(err)
		}
	}
}
