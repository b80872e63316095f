package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeLexicons writes files (name → content) into a new directory and
// returns it.
func writeLexicons(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// overDefault loads the overlay src laid over the built-in lexicon, as
// compare --lexicon does.
func overDefault(t *testing.T, src string) (*Lexicon, error) {
	t.Helper()
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := writeLexicons(t, map[string]string{"ov.yaml": src})
	return LoadOver(def, filepath.Join(dir, "ov.yaml"))
}

// hitDetails renders hits as "term/category-or-concept/note=text".
func hitDetails(l *Lexicon, text string) []string {
	var out []string
	for _, h := range l.Matcher().Scanner().Find(Text{Text: text}) {
		out = append(out, h.Term+"/"+h.Category+h.Concept+"/"+h.Note+"="+h.Text)
	}
	return out
}

// TestOverlayWins checks that a term of a file laid over another wins
// wherever both match the same words, however each is spelled and whether
// either is in a category or a concept: the overlay's entry replaces one
// that matches the same words, and takes precedence over one that only
// shares some of them.
func TestOverlayWins(t *testing.T) {
	const crowd = "name: ov\ncategories:\n  - id: crowd-words\n    label: Crowd words\n    note: OUR NOTE\n    entries:\n"
	tests := []struct {
		name    string
		entries string
		text    string
		want    []string
	}{
		{"inflections of built-in terms, one a concept's",
			"      - {term: mobs, tone: loaded}\n      - {term: claims, tone: loaded}\n",
			"The mob gathered, the mobs left and he claims it; he claimed it.",
			[]string{"mobs/crowd-words/OUR NOTE=mob", "mobs/crowd-words/OUR NOTE=mobs", "claims/crowd-words/OUR NOTE=claims", "claims/crowd-words/OUR NOTE=claimed"}},
		{"a listed form of a built-in concept term",
			"      - {term: protestors, tone: loaded, exact: true}\n",
			"The protestors and the protesters left.",
			[]string{"protestors/crowd-words/OUR NOTE=protestors",
				"protesters/protest-participants/The plain word for people at a protest.=protesters"}},
		{"an inflection, in lower case, of a built-in term with capitals",
			"      - {term: kremlin-backing, tone: neutral}\n",
			"A Kremlin-backed group.",
			[]string{"kremlin-backing/crowd-words/OUR NOTE=Kremlin-backed"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := overDefault(t, crowd+tc.entries)
			if err != nil {
				t.Fatal(err)
			}
			if got := hitDetails(l, tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("hits\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestOverlayReplacesOnlySameWords checks that an overlay's term replaces
// a term below it only when it matches the same words: a term with
// capitals, matched in that case only, leaves the lower-case term below in
// place.
func TestOverlayReplacesOnlySameWords(t *testing.T) {
	l, err := overDefault(t, "name: ov\ncategories:\n  - id: mine\n    label: Mine\n    note: Ours.\n    entries:\n      - {term: Said, tone: neutral, exact: true}\n"+
		"tests:\n  - text: He said so.\n    expect: [said]\n")
	if err != nil {
		t.Fatal(err)
	}
	got := hitDetails(l, "He said so. Said the minister: no.")
	want := []string{"said/attribution/The plain, neutral verb for reporting what someone said.=said", "Said/mine/Ours.=Said"}
	if !slices.Equal(got, want) {
		t.Errorf("hits\n got %q\nwant %q", got, want)
	}
	// A term spelled the same is the same term, whatever its options.
	l, err = overDefault(t, "name: ov\ncategories:\n  - id: mine\n    label: Mine\n    note: Ours.\n    entries:\n      - {term: said, tone: loaded, exact: true}\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range l.Categories {
		for _, e := range c.Entries {
			if e.Term == "said" && c.ID != "mine" {
				t.Errorf("the built-in said is still in %s", c.ID)
			}
		}
	}
}

// TestAddToGroupBelow checks that a file may add entries to a category or
// concept of a lexicon below it (the built-in one, or a file it extends)
// without repeating its label and note, and that a concept's two-term
// minimum is counted with the terms below; on its own, the file must give
// them.
func TestAddToGroupBelow(t *testing.T) {
	const adds = "name: adds\n" +
		"categories: [{id: labels, entries: [{term: goons, tone: loaded, note: x.}, {term: heavies, tone: loaded}]}]\n" +
		"concepts:\n  - id: strike\n    terms:\n      - {term: go-slow, tone: euphemism}\n" +
		"tests:\n  - text: Goons and heavies joined the go-slow.\n    expect: [goons, heavies, go-slow]\n"
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := writeLexicons(t, map[string]string{
		"adds.yaml": adds,
		"base.yaml": "name: base\ncategories:\n  - id: labels\n    label: Our labels\n    note: Our note.\n    entries: [{term: mob, tone: loaded}]\n" +
			"concepts:\n  - id: pair\n    label: A pair\n    terms: [{term: one, tone: neutral}, {term: two, tone: neutral}]\n",
		"child.yaml": "name: child\nextends: [base.yaml]\ncategories:\n  - id: labels\n    entries: [{term: goons, tone: loaded}]\n" +
			"concepts:\n  - id: pair\n    terms: [{term: three, tone: loaded}]\n",
		"lone.yaml": "name: lone\nconcepts:\n  - id: new-one\n    label: New\n    terms: [{term: quux, tone: loaded}]\n",
	})
	path := func(name string) string { return filepath.Join(dir, name) }

	l, err := LoadOver(def, path("adds.yaml"))
	if err != nil {
		t.Fatalf("laid over the built-in lexicon: %v", err)
	}
	labels := l.Categories[slices.IndexFunc(l.Categories, func(c Category) bool { return c.ID == "labels" })]
	builtinLabels := def.Categories[slices.IndexFunc(def.Categories, func(c Category) bool { return c.ID == "labels" })]
	if labels.Label != builtinLabels.Label || labels.Note != builtinLabels.Note {
		t.Errorf("labels: label %q note %q, want the built-in ones", labels.Label, labels.Note)
	}
	if got := hitDetails(l, "Heavies arrived."); len(got) != 1 || got[0] != "heavies/labels/"+builtinLabels.Note+"=Heavies" {
		t.Errorf("an added entry without a note: %q, want the built-in category's note", got)
	}
	strike := l.Concepts[slices.IndexFunc(l.Concepts, func(c Concept) bool { return c.ID == "strike" })]
	if n := len(strike.Terms); n != 8 || strike.Terms[n-1].Term != "go-slow" {
		t.Errorf("strike has %d terms, the last %q; want the 7 built-in ones and go-slow", n, strike.Terms[n-1].Term)
	}
	own, err := LintOver(def, path("adds.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if own.Categories[0].Label != builtinLabels.Label || own.Concepts[0].Label == "" || own.Size() != 3 {
		t.Errorf("the file's own lexicon: %+v; want its 3 terms under the built-in labels", own)
	}

	// Through extends.
	if l, err := Load(path("child.yaml")); err != nil {
		t.Errorf("a file adding to groups of the file it extends: %v", err)
	} else if l.Categories[0].Label != "Our labels" || len(l.Concepts[0].Terms) != 3 {
		t.Errorf("child: %+v", l)
	}

	// On its own, the file must say everything.
	_, err = Lint(path("adds.yaml"))
	var le *Error
	if !errors.As(err, &le) {
		t.Fatalf("on its own: err = %v, want *Error", err)
	}
	var got []string
	for _, p := range le.Problems {
		got = append(got, p.Pos.String()[len(dir)+1:]+": "+p.Message)
	}
	want := []string{
		`adds.yaml:2:14: category "labels" has no label`,
		`adds.yaml:2:14: category "labels" has no note: say why its words matter`,
		`adds.yaml:4:5: concept "strike" has no label`,
		`adds.yaml:4:5: concept "strike" needs two or more terms`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("on its own:\n got %q\nwant %q", got, want)
	}
	// A new concept needs its two terms wherever it is laid.
	if _, err := LoadOver(def, path("lone.yaml")); err == nil || !strings.HasSuffix(err.Error(), `lone.yaml:3:5: concept "new-one" needs two or more terms`) {
		t.Errorf("a new concept of one term: %v", err)
	}
}

// TestExtendsPaths checks that extends takes an absolute path as given, and
// that a file it cannot read is reported at the line that names it.
func TestExtendsPaths(t *testing.T) {
	dir := writeLexicons(t, map[string]string{
		"abs.yaml":     "name: abs\ncategories: [{id: a, label: A, note: N., entries: [{term: goons, tone: loaded}]}]\n",
		"sub/top.yaml": "",
		"child.yaml":   "name: child\nextends: [missing.yaml]\n",
		"dir.yaml":     "name: d\nextends:\n  - sub\n",
	})
	top := filepath.Join(dir, "sub", "top.yaml")
	abs := filepath.ToSlash(filepath.Join(dir, "abs.yaml"))
	if err := os.WriteFile(top, []byte("name: top\nextends: ["+abs+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Load(top)
	if err != nil {
		t.Fatalf("an absolute extends: %v", err)
	}
	if len(l.Categories) != 1 || l.Files[0] != filepath.Join(dir, "abs.yaml") {
		t.Errorf("categories %+v, files %q", l.Categories, l.Files)
	}

	tests := []struct{ file, want string }{
		{"child.yaml", "child.yaml:2:11: extends missing.yaml: no such file or directory"},
		{"dir.yaml", "dir.yaml:3:5: extends sub: is a directory, not a lexicon file"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, err := Load(filepath.Join(dir, tc.file))
			if err == nil || err.Error() != filepath.Join(dir, tc.want) {
				t.Errorf("err = %v, want %s", err, filepath.Join(dir, tc.want))
			}
		})
	}
}
