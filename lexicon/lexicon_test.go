package lexicon

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func loadSmall(t *testing.T) *Lexicon {
	t.Helper()
	l, err := Load("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// hits renders the hits of a text as "term@scope=text" strings.
func hits(l *Lexicon, tx Text) []string {
	var out []string
	for _, h := range l.Matcher().Scanner().Find(tx) {
		out = append(out, h.Term+"@"+string(h.Scope)+"="+h.Text)
	}
	return out
}

func TestMatch(t *testing.T) {
	l := loadSmall(t)
	tests := []struct {
		name string
		text Text
		want []string
	}{
		{"a term", Text{Text: "The minister claimed victory."}, []string{"claimed@narration=claimed"}},
		{"inflections match by stem", Text{Text: "She claims it, he is claiming it, they claim it."},
			[]string{"claimed@narration=claims", "claimed@narration=claiming", "claimed@narration=claim"}},
		{"case does not matter for a lower-case term", Text{Text: "Claimed, he said."},
			[]string{"claimed@narration=Claimed", "said@narration=said"}},
		{"exceptions", Text{Text: "The group claimed responsibility; the flood claimed the lives of two."}, nil},
		{"exact terms take no inflections", Text{Text: "A so-called truce, so-calleds."}, []string{"so-called@narration=so-called"}},
		{"listed forms", Text{Text: "Mobs gathered; a mob formed."}, []string{"mob@narration=Mobs", "mob@narration=mob"}},
		{"capitals that matter", Text{Text: "The Regime fell; the regime of diet."}, []string{"Regime@narration=Regime"}},
		{"the longest term wins", Text{Text: "The missile defense system and the missile defense."},
			[]string{"missile defense system@narration=missile defense system", "missile defense@narration=missile defense"}},
		{"narration terms skip quotations", Text{Text: `"They claimed it," he said.`}, []string{"said@narration=said"}},
		{"quote terms only in quotations", Text{Text: `"These thugs," he said of the thugs.`},
			[]string{"thugs@quote=thugs", "said@narration=said"}},
		{"any scope everywhere", Text{Text: `"An alleged plot," said the alleged leader.`},
			[]string{"alleged@quote=alleged", "said@narration=said", "alleged@narration=alleged"}},
		{"a sentence that starts inside a quotation", Text{Text: `They claimed it." Then he left.`, Quoted: true}, nil},
		{"headlines", Text{Text: "Minister insists on missile shield", Headline: true},
			[]string{"insisted@headline=insists", "missile shield@headline=missile shield"}},
		{"curly quotes", Text{Text: "“A mob,” the mob said."}, []string{"mob@narration=mob", "said@narration=said"}},
		{"possessives", Text{Text: "The mob's leader."}, []string{"mob@narration=mob"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := hits(l, tc.text)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("hits\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestHitOffsets checks that every hit's offsets find its text again.
func TestHitOffsets(t *testing.T) {
	l := loadSmall(t)
	text := "“Alleged” — the so-called Regime’s missile shield; mobs claimed, claiming."
	for _, h := range l.Matcher().Scanner().Find(Text{Text: text}) {
		if text[h.Start:h.End] != h.Text {
			t.Errorf("%s: offsets give %q, want %q", h.Term, text[h.Start:h.End], h.Text)
		}
	}
}

func TestLoadLayers(t *testing.T) {
	l, err := Load("testdata/over.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "over" || len(l.Categories) != 1 {
		t.Fatalf("name %q, %d categories", l.Name, len(l.Categories))
	}
	var terms []string
	for _, e := range l.Categories[0].Entries {
		terms = append(terms, e.Term+":"+e.Tone)
	}
	want := "hardliners:loaded|mob:negative|radicals:loaded"
	if strings.Join(terms, "|") != want {
		t.Errorf("entries %q, want %q (the overlay's mob replaces the base's)", terms, want)
	}
	if len(l.Files) != 2 || l.Files[1] != "testdata/over.yaml" {
		t.Errorf("files %q", l.Files)
	}
}

func TestLoadCycle(t *testing.T) {
	_, err := Load("testdata/cycle-a.yaml")
	var le *Error
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "extends cycle: cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml") {
		t.Fatalf("err = %v, want an extends cycle", err)
	}
}

// TestLint checks that every problem of a bad file is reported at once, at
// its line and column, sorted.
func TestLint(t *testing.T) {
	_, err := Load("testdata/lint/bad.yaml")
	var le *Error
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want *Error", err)
	}
	want := []string{
		`testdata/lint/bad.yaml:3:5: category "attribution" has no note: say why its words matter`,
		`testdata/lint/bad.yaml:6:9: term "claimed" has no tone (give one, or a tone for its category)`,
		`testdata/lint/bad.yaml:7:9: unknown key "tones" (did you mean "tone"?)`,
		`testdata/lint/bad.yaml:8:15: term "claimed" listed twice (first at line 6)`,
		`testdata/lint/bad.yaml:10:9: entry has no term`,
		`testdata/lint/bad.yaml:13:15: unknown tone "neutrl" (did you mean "neutral"?)`,
		`testdata/lint/bad.yaml:14:16: unknown scope "quotes" (did you mean "quote"?)`,
		`testdata/lint/bad.yaml:15:9: category id "Bad_ID": use lower case letters, digits and hyphens`,
		`testdata/lint/bad.yaml:18:14: entries: want a list`,
		`testdata/lint/bad.yaml:20:5: concept "one" needs two or more terms`,
		`testdata/lint/bad.yaml:27:16: term "shield" is in two concepts, "one" (line 23) and "two"`,
	}
	got := strings.Split(err.Error(), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFailingTest(t *testing.T) {
	src := "name: t\ncategories:\n  - id: a\n    label: A\n    note: N.\n    entries:\n      - {term: claimed, tone: doubt}\n" +
		"tests:\n  - text: He said so.\n    expect: [claimed]\n  - text: He claimed so.\n    not: [claimed]\n"
	_, err := Parse("t.yaml", []byte(src))
	want := "t.yaml:9:5: test fails: \"He said so.\" does not flag \"claimed\"\n" +
		"t.yaml:11:5: test fails: \"He claimed so.\" flags \"claimed\""
	if err == nil || err.Error() != want {
		t.Errorf("err =\n%v\nwant\n%s", err, want)
	}
}

func TestSyntaxError(t *testing.T) {
	_, err := Parse("x.yaml", []byte("name: [a\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "x.yaml:2:1: ") {
		t.Errorf("err = %v, want a position", err)
	}
	_, err = Load("testdata/missing.yaml")
	if err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: err = %v", err)
	}
}

// TestDefault checks the built-in lexicon: it loads, passes its tests and
// has the size and shape the project promises.
func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := l.Size(); n < 300 {
		t.Errorf("%d terms, want at least 300", n)
	}
	if len(l.Categories) < 8 || len(l.Concepts) < 20 || len(l.Tests) < 20 {
		t.Errorf("%d categories, %d concepts, %d tests; want 8, 20, 20", len(l.Categories), len(l.Concepts), len(l.Tests))
	}
	ids := map[string]bool{}
	for _, c := range l.Categories {
		ids[c.ID] = true
		for _, e := range c.Entries {
			if e.Note == "" && c.Note == "" {
				t.Errorf("%s: %q has no note", c.ID, e.Term)
			}
		}
	}
	if !ids["attribution"] {
		t.Error("no attribution category")
	}
	for _, c := range l.Concepts {
		if c.Note == "" {
			t.Errorf("concept %s has no note", c.ID)
		}
	}
	if string(DefaultSource()) != string(defaultYAML) {
		t.Error("DefaultSource differs from the embedded file")
	}
	if data, err := os.ReadFile("default.yaml"); err != nil || string(data) != string(defaultYAML) {
		t.Error("embedded default differs from default.yaml")
	}
}

// FuzzParse checks that Parse never panics and that every problem it
// reports has a position inside the file.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/small.yaml", "testdata/over.yaml", "testdata/lint/bad.yaml", "default.yaml"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("name: x\nconcepts: [{id: a, label: A, terms: [{term: x, tone: loaded}, {term: y, tone: loaded}]}]\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("f.yaml", data)
		if err != nil {
			var le *Error
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("error %v is not a non-empty *Error", err)
			}
			lines := yamlLines(data) + 1
			for _, p := range le.Problems {
				if p.Pos.Line < 0 || p.Pos.Line > lines {
					t.Fatalf("problem at line %d of a %d-line file: %s", p.Pos.Line, lines, p.Message)
				}
			}
			return
		}
		sc := l.Matcher().Scanner()
		text := string(data)
		for _, h := range sc.Find(Text{Text: text}) {
			if h.Start < 0 || h.End > len(text) || text[h.Start:h.End] != h.Text {
				t.Fatalf("hit %q has bad offsets", h.Term)
			}
		}
	})
}

// yamlLines counts the lines of a YAML file as yaml.v3 does: CR LF, CR, LF,
// NEL, LS and PS each break a line.
func yamlLines(data []byte) int {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	n := 1
	for _, r := range text {
		switch r {
		case '\r', '\n', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

// TestReadStems checks that a scanner looks words up in the stems it is
// given before stemming them, and that stems as it works them out leave
// its hits as they were.
func TestReadStems(t *testing.T) {
	l := loadSmall(t)
	text := Text{Text: "She claims it; mobs gathered and the minister is claiming victory."}
	want := hits(l, text)
	known := map[string]string{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text.Text), func(r rune) bool { return r == ' ' || r == ';' || r == '.' }) {
		known[w] = stem(w, nil)
	}
	sc := l.Matcher().Scanner()
	sc.ReadStems(known)
	var got []string
	for _, h := range sc.Find(text) {
		got = append(got, h.Term+"@"+string(h.Scope)+"="+h.Text)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("with the words' own stems given: %q, want %q", got, want)
	}
	// A stem given for a word wins over the scanner's own.
	sc = l.Matcher().Scanner()
	sc.ReadStems(map[string]string{"victory": stem("claimed", nil)})
	if hs := sc.Find(Text{Text: "A victory."}); len(hs) != 1 || hs[0].Term != "claimed" || hs[0].Text != "victory" {
		t.Errorf("hits %+v, want the term claimed on the word victory", hs)
	}
}

// TestScannerReuse checks that a scanner that has read many texts (and
// keeps what it worked out about their words) finds in each text exactly
// what a new scanner finds, in narration, quotation and headline alike.
func TestScannerReuse(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := l.Matcher()
	used := m.Scanner()
	// Words whose case decides a match (terms written with a capital),
	// read in every case, before and after each other.
	texts := []Text{
		{Text: "us-led forces and US-led forces met; the kremlin-backed group and the Kremlin-backed group left."},
		{Text: "The Kremlin-backed group and the kremlin-backed group left; US-led and us-led forces met."},
	}
	for _, tc := range l.Tests {
		texts = append(texts, Text{Text: tc.Text}, Text{Text: tc.Text, Headline: true},
			Text{Text: strings.ToUpper(tc.Text[:1]) + tc.Text[1:], QuoteSpans: [][2]int{{0, len(tc.Text)}}})
	}
	for _, round := range []string{"first", "second"} {
		hits := 0
		for _, tx := range texts {
			want := m.Scanner().Find(tx)
			got := used.Find(tx)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s reading of %q: the used scanner found %+v, a new one %+v", round, tx.Text, got, want)
			}
			hits += len(got)
		}
		if hits == 0 {
			t.Fatal("no text had a hit: nothing was compared")
		}
	}
}

// TestFileShape checks problems of a file's shape that no key shows: a
// category or concept id given twice, and a second YAML document.
func TestFileShape(t *testing.T) {
	const cat = "  - id: c\n    label: C\n    note: N.\n    entries: [{term: %s, tone: loaded}]\n"
	const con = "  - id: k\n    label: K\n    terms: [{term: %s, tone: loaded}, {term: %s2, tone: neutral}]\n"
	tests := []struct{ name, src, want string }{
		{"a category id twice",
			"name: t\ncategories:\n" + fmt.Sprintf(cat, "a") + fmt.Sprintf(cat, "b"),
			`t.yaml:7:9: category id "c" given twice (first at line 3)`},
		{"a concept id twice",
			"name: t\nconcepts:\n" + fmt.Sprintf(con, "a", "a") + fmt.Sprintf(con, "b", "b"),
			`t.yaml:6:9: concept id "k" given twice (first at line 3)`},
		{"a second document",
			"name: t\ncategories:\n" + fmt.Sprintf(cat, "a") + "---\nname: u\n",
			`t.yaml:7:1: a lexicon is one YAML document`},
		{"an empty second document",
			"name: t\n---\n",
			`t.yaml:2:1: a lexicon is one YAML document`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse("t.yaml", []byte(tc.src)); err == nil || err.Error() != tc.want {
				t.Errorf("Parse: %v, want %s", err, tc.want)
			}
			if _, err := Add("t.yaml", []byte(tc.src), Addition{Category: "c", Term: "fresh", Tone: "loaded"}); err == nil || err.Error() != tc.want {
				t.Errorf("Add: %v, want %s", err, tc.want)
			}
		})
	}
	// One document, with its markers, is fine.
	if _, err := Parse("t.yaml", []byte("---\nname: t\n...\n")); err != nil {
		t.Errorf("one document between markers: %v", err)
	}
}
