package lexicon

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func readDesk(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("testdata/edit/desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// insertAfter returns src with text inserted after the only occurrence of
// anchor: the exact bytes an edit should give.
func insertAfter(t *testing.T, src, anchor, text string) string {
	t.Helper()
	if strings.Count(src, anchor) != 1 {
		t.Fatalf("anchor %q occurs %d times", anchor, strings.Count(src, anchor))
	}
	return strings.Replace(src, anchor, anchor+text, 1)
}

// cut returns src without the only occurrence of text.
func cut(t *testing.T, src, text string) string {
	t.Helper()
	if strings.Count(src, text) != 1 {
		t.Fatalf("text %q occurs %d times", text, strings.Count(src, text))
	}
	return strings.Replace(src, text, "", 1)
}

// TestAdd checks the exact bytes of additions to each kind of list: the new
// entry in its siblings' indentation and style, and nothing else changed.
func TestAdd(t *testing.T) {
	src := readDesk(t)
	tests := []struct {
		name         string
		add          Addition
		anchor, text string // want src with text inserted after anchor
	}{
		{"after a block entry, past its literal note",
			Addition{Category: "attribution", Term: "stated", Tone: "neutral", Note: "Plain, mostly.", Suggest: []string{"said"}},
			"          Use \"said\" unless the speaker repeated it.\n",
			"      - term: stated\n        tone: neutral\n        note: Plain, mostly.\n        suggest: [said]\n"},
		{"after a flow entry, quoting what flow style needs",
			Addition{Category: "labels", Term: "thugs", Tone: "loaded", Note: "Of protesters: unfair.", Suggest: []string{"protesters", "crowd, group", "true"}},
			"      - {term: Regime, tone: loaded, note: \"With a capital, as a name.\"}\n",
			"      - {term: thugs, tone: loaded, note: \"Of protesters: unfair.\", suggest: [protesters, \"crowd, group\", \"true\"]}\n"},
		{"into an empty entries: key, taking the category's tone",
			Addition{Category: "hedges", Term: "reportedly"},
			"    entries:   # none yet\n",
			"      - term: reportedly\n"},
		{"into entries: []",
			Addition{Category: "vague", Term: "sources say"},
			"    tone: vague\n    entries: [",
			"{term: sources say}"},
		{"into a flow list",
			Addition{Category: "intensifiers", Term: "whopping", Tone: "intensifier"},
			"{term: 'staggering, really'}",
			", {term: whopping, tone: intensifier}"},
		{"into a category without entries:",
			Addition{Category: "euphemisms", Term: "collateral damage", Note: "Civilian deaths."},
			"    # Entries to come.\n",
			"    entries:\n      - term: collateral damage\n        note: Civilian deaths.\n"},
		{"to a concept",
			Addition{Concept: "missile-defense", Term: " missile umbrella ", Tone: "loaded "},
			"      - {term: missile defense system, tone: neutral}\n",
			"      - {term: missile umbrella, tone: loaded}\n"},
		{"a term YAML would read as a number",
			Addition{Category: "labels", Term: "1312", Tone: "negative"},
			"\"With a capital, as a name.\"}\n",
			"      - {term: \"1312\", tone: negative}\n"},
		{"empty suggestions dropped",
			Addition{Category: "attribution", Term: "admitted", Tone: "loaded", Suggest: []string{" ", ""}},
			"          Use \"said\" unless the speaker repeated it.\n",
			"      - term: admitted\n        tone: loaded\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Add("desk.yaml", []byte(src), tc.add)
			if err != nil {
				t.Fatal(err)
			}
			if want := insertAfter(t, src, tc.anchor, tc.text); string(got) != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestRemove checks the exact bytes of removals: the entry's own lines go,
// the comments and blank lines around it stay.
func TestRemove(t *testing.T) {
	src := readDesk(t)
	tests := []struct{ name, term, gone string }{
		{"a block entry; the next one's comment stays", "claimed",
			"      - term: claimed        # the classic\n        tone: doubt\n        note: Suggests the statement may be untrue.\n        suggest: [said]\n"},
		{"a block entry with a literal note, the last of its list", "insisted",
			"      - term: insisted\n        tone: loaded\n        note: |\n          Suggests stubbornness.\n\n          Use \"said\" unless the speaker repeated it.\n"},
		{"a flow entry with a comment on its line", "mob", "      - {term: mob, tone: loaded, forms: [mobs]}   # crowds\n"},
		{"ignoring case", "REGIME", "      - {term: Regime, tone: loaded, note: \"With a capital, as a name.\"}\n"},
		{"the first of a flow list", "massive", "{term: massive}, "},
		{"the middle of a flow list", "huge", ", {term: \"huge\"}"},
		{"the last of a flow list", "staggering, really", ", {term: 'staggering, really'}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Remove("desk.yaml", []byte(src), tc.term)
			if err != nil {
				t.Fatal(err)
			}
			if want := cut(t, src, tc.gone); string(got) != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestRoundTrip adds a term to every category and concept of several files
// and removes it again: the file must come back byte for byte, and the
// addition must only insert.
func TestRoundTrip(t *testing.T) {
	desk := readDesk(t)
	small, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"desk":                    desk,
		"desk with CRLF":          strings.ReplaceAll(desk, "\n", "\r\n"),
		"desk without final \\n":  strings.TrimSuffix(desk, "\n"),
		"small":                   string(small),
		"small without final \\n": strings.TrimSuffix(string(small), "\n"),
	}
	files["default"] = string(DefaultSource())
	for fname, src := range files {
		for _, g := range findGroups(parseDoc([]byte(src))) {
			a := Addition{Term: "brand new term", Tone: "loaded", Note: "A note: with a colon, and a comma.", Suggest: []string{"other", "words"}}
			if g.kind == "category" {
				a.Category = g.id
			} else {
				a.Concept = g.id
			}
			t.Run(fname+"/"+g.id, func(t *testing.T) {
				out, err := Add("f.yaml", []byte(src), a)
				if err != nil {
					t.Fatal(err)
				}
				if !insertedOnce([]byte(src), out) {
					t.Errorf("Add changed more than one place:\n%s", out)
				}
				if strings.Contains(src, "\r\n") && strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") {
					t.Errorf("Add mixed line breaks into a CRLF file:\n%q", out)
				}
				back, err := Remove("f.yaml", out, a.Term)
				if err != nil {
					t.Fatal(err)
				}
				if g.key == nil { // Add wrote the missing entries: key, and Remove leaves it
					if !withoutKeyLine(back, []byte(src)) {
						t.Errorf("Remove(Add(x)) is not x with an entries: line:\n%s", back)
					}
					return
				}
				if !bytes.Equal(back, []byte(src)) {
					t.Errorf("Remove(Add(x)) != x:\n%s", back)
				}
			})
		}
	}
}

// insertedOnce says whether out is src with one run of bytes inserted.
func insertedOnce(src, out []byte) bool {
	if len(out) < len(src) {
		return false
	}
	p := 0
	for p < len(src) && src[p] == out[p] {
		p++
	}
	return bytes.Equal(out[len(out)-(len(src)-p):], src[p:])
}

// withoutKeyLine says whether got is want with one bare "entries:" or
// "terms:" line added.
func withoutKeyLine(got, want []byte) bool {
	lines := bytes.SplitAfter(got, []byte("\n"))
	for i, l := range lines {
		if k := string(bytes.TrimSpace(l)); k == "entries:" || k == "terms:" {
			rest := bytes.Join(append(append([][]byte{}, lines[:i]...), lines[i+1:]...), nil)
			if bytes.Equal(rest, want) {
				return true
			}
			// The key line ends a file that had no final newline: the
			// newline before it is the key's too.
			if i == len(lines)-1 && !bytes.HasSuffix(l, []byte("\n")) && bytes.Equal(rest, append(slices.Clip(want), '\n')) {
				return true
			}
		}
	}
	return false
}

// TestEditRefusals checks that each refusal is an *Error at the right place
// with a message that says what to fix.
func TestEditRefusals(t *testing.T) {
	desk := readDesk(t)
	const tiny = "name: t\ncategories:\n  - id: a\n    label: A\n    note: N.\n    entries: ~\n"
	tests := []struct {
		name   string
		src    string
		add    *Addition // nil: remove
		remove string
		want   string
	}{
		{"unknown category", desk, &Addition{Category: "atribution", Term: "x", Tone: "loaded"}, "",
			`desk.yaml:5:1: unknown category "atribution" (did you mean "attribution"?)`},
		{"unknown category, nothing close", desk, &Addition{Category: "colour", Term: "x", Tone: "loaded"}, "",
			`desk.yaml:5:1: unknown category "colour" (known: attribution, labels, hedges, vague, intensifiers, euphemisms)`},
		{"unknown concept", desk, &Addition{Concept: "missile-defence", Term: "x", Tone: "loaded"}, "",
			`desk.yaml:56:1: unknown concept "missile-defence" (did you mean "missile-defense"?)`},
		{"a concept id given as a category", desk, &Addition{Category: "missile-defense", Term: "x", Tone: "loaded"}, "",
			`desk.yaml:5:1: unknown category "missile-defense": it is a concept`},
		{"no categories", "name: t\n", &Addition{Category: "a", Term: "x", Tone: "loaded"}, "",
			`t.yaml: unknown category "a": the file has no categories`},
		{"both category and concept", desk, &Addition{Category: "labels", Concept: "missile-defense", Term: "x", Tone: "loaded"}, "",
			`desk.yaml: give a category or a concept to add the term to, not both`},
		{"neither", desk, &Addition{Term: "x", Tone: "loaded"}, "",
			`desk.yaml: give a category or a concept to add the term to`},
		{"duplicate in the category", desk, &Addition{Category: "attribution", Term: "claimed", Tone: "doubt"}, "",
			`desk.yaml:7:9: term "claimed" is already in category "attribution" (line 11)`},
		{"duplicate elsewhere, ignoring case", desk, &Addition{Category: "labels", Term: "Claimed", Tone: "doubt"}, "",
			`desk.yaml:24:9: term "Claimed" is already in category "attribution" (line 11)`},
		{"duplicate in a concept", desk, &Addition{Category: "labels", Term: "missile shield", Tone: "loaded"}, "",
			`desk.yaml:24:9: term "missile shield" is already in concept "missile-defense" (line 61)`},
		{"unknown tone", desk, &Addition{Category: "labels", Term: "x", Tone: "lodaed"}, "",
			`desk.yaml: unknown tone "lodaed" (did you mean "loaded"?)`},
		{"empty term", desk, &Addition{Category: "labels", Term: "  ", Tone: "loaded"}, "",
			`desk.yaml: no term to add`},
		{"no tone for a category without one", desk, &Addition{Category: "labels", Term: "x"}, "",
			`desk.yaml:24:9: term "x" needs a tone: category "labels" has none to give it (tones: neutral, loaded, doubt, negative, positive, euphemism, intensifier, hedge, vague)`},
		{"no tone for a concept term", desk, &Addition{Concept: "missile-defense", Term: "x"}, "",
			`desk.yaml:57:9: term "x" needs a tone: concept terms take none from their concept (tones: neutral, loaded, doubt, negative, positive, euphemism, intensifier, hedge, vague)`},
		{"a result the loader rejects", desk, &Addition{Category: "labels", Term: "!!!", Tone: "loaded"}, "",
			`desk.yaml:31:16: term "!!!" has no words`},
		{"a file that already has problems", "name: t\ncategories:\n  - id: a\n    label: A\n    note: N.\n    tones: loaded\n    entries: []\n", &Addition{Category: "a", Term: "x", Tone: "loaded"}, "",
			`t.yaml:6:5: unknown key "tones" (did you mean "tone"?)`},
		{"a YAML syntax error", "name: [t\n", &Addition{Category: "a", Term: "x", Tone: "loaded"}, "",
			`t.yaml:2:1: did not find expected ',' or ']'`},
		{"entries: ~", tiny, &Addition{Category: "a", Term: "x", Tone: "loaded"}, "",
			`t.yaml:6:14: cannot add to category "a": its entries: is "~"; leave it empty or write []`},
		{"remove a term the file does not have", desk, nil, "xyz",
			`desk.yaml: no entry for term "xyz"`},
		{"remove a misspelt term", desk, nil, "clamed",
			`desk.yaml: no entry for term "clamed" (did you mean "claimed"?)`},
		{"remove no term", desk, nil, " ",
			`desk.yaml: no term to remove`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			name := "t.yaml"
			if tc.src == desk {
				name = "desk.yaml"
			}
			var out []byte
			var err error
			if tc.add != nil {
				out, err = Add(name, []byte(tc.src), *tc.add)
			} else {
				out, err = Remove(name, []byte(tc.src), tc.remove)
			}
			var le *Error
			if !errors.As(err, &le) {
				t.Fatalf("err = %v (%T), want an *Error", err, err)
			}
			if out != nil {
				t.Errorf("a refusal returned %d bytes", len(out))
			}
			if err.Error() != tc.want {
				t.Errorf("err =\n%s\nwant\n%s", err, tc.want)
			}
		})
	}
}

// TestEditLayouts checks less common layouts: each edit either gives the
// exact bytes wanted and undoes exactly, or is refused.
func TestEditLayouts(t *testing.T) {
	const head = "name: t\ncategories:\n  - id: a\n    label: A\n    note: N.\n"
	x := Addition{Category: "a", Term: "x", Tone: "loaded"}
	tests := []struct {
		name, src, want string // want "" for a refusal
		wantErr         string
	}{
		{"dashes at the key's indentation",
			head + "    entries:\n    - term: b\n      tone: loaded\n",
			head + "    entries:\n    - term: b\n      tone: loaded\n    - term: x\n      tone: loaded\n", ""},
		{"wide dashes",
			head + "    entries:\n      -   term: b\n          tone: loaded\n",
			head + "    entries:\n      -   term: b\n          tone: loaded\n      -   term: x\n          tone: loaded\n", ""},
		{"an anchored entry",
			head + "    entries:\n      - &b {term: b, tone: loaded}\n",
			head + "    entries:\n      - &b {term: b, tone: loaded}\n      - {term: x, tone: loaded}\n", ""},
		{"a comment indented under the last entry stays with it",
			head + "    entries:\n      - term: b\n        tone: loaded\n        # about b\n\n# end\n",
			head + "    entries:\n      - term: b\n        tone: loaded\n        # about b\n      - term: x\n        tone: loaded\n\n# end\n", ""},
		{"entries: as the category's first key",
			"name: t\ncategories:\n  - entries:\n    id: a\n    label: A\n    note: N.\n",
			"name: t\ncategories:\n  - entries:\n      - term: x\n        tone: loaded\n    id: a\n    label: A\n    note: N.\n", ""},
		{"a byte-order mark",
			"\ufeff" + head + "    entries:\n      - {term: b, tone: loaded}\n",
			"\ufeff" + head + "    entries:\n      - {term: b, tone: loaded}\n      - {term: x, tone: loaded}\n", ""},
		{"a flow list over lines",
			head + "    entries: [\n      {term: b, tone: loaded},  # b\n      {term: c, tone: loaded}\n    ]\n",
			head + "    entries: [\n      {term: b, tone: loaded},  # b\n      {term: c, tone: loaded}, {term: x, tone: loaded}\n    ]\n", ""},
		{"flow categories",
			"name: t\ncategories: [{id: a, label: A, note: N., entries: [{term: b, tone: loaded}]}]\n",
			"name: t\ncategories: [{id: a, label: A, note: N., entries: [{term: b, tone: loaded}, {term: x, tone: loaded}]}]\n", ""},
		{"an entry that starts on the line after its dash",
			head + "    entries:\n      -\n        term: b\n        tone: loaded\n", "",
			`t.yaml:3:9: cannot add to category "a": its layout is too unusual to edit safely; edit the file by hand`},
		{"a flow category without entries",
			"name: t\ncategories: [{id: a, label: A, note: N.}]\n", "",
			`t.yaml:2:19: cannot add to category "a": its layout is too unusual to edit safely; edit the file by hand`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Add("t.yaml", []byte(tc.src), x)
			if tc.want == "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("err = %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Fatalf("got:\n%q\nwant:\n%q", got, tc.want)
			}
			back, err := Remove("t.yaml", got, x.Term)
			if err != nil {
				t.Fatal(err)
			}
			if string(back) != tc.src {
				t.Errorf("Remove(Add(x)):\n%q\nwant:\n%q", back, tc.src)
			}
		})
	}
}

// TestAddSmall checks that an addition to small.yaml makes a lexicon that
// Parse accepts, tests and all, and that flags the new term.
func TestAddSmall(t *testing.T) {
	src, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := Text{Text: "Rioters clashed with the mob."}
	before, err := Parse("small.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := hits(before, text); strings.Join(got, "|") != "mob@narration=mob" {
		t.Fatalf("before: hits %q", got)
	}
	out, err := Add("small.yaml", src, Addition{Category: "labels", Term: "rioters", Tone: "loaded", Suggest: []string{"protesters"}})
	if err != nil {
		t.Fatal(err)
	}
	after, err := Parse("small.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if got := hits(after, text); strings.Join(got, "|") != "rioters@narration=Rioters|mob@narration=mob" {
		t.Errorf("after: hits %q", got)
	}
	c, _ := after.Only("labels")
	if last := c.Categories[0].Entries[len(c.Categories[0].Entries)-1]; last.Term != "rioters" || last.Tone != "loaded" || strings.Join(last.Suggest, ",") != "protesters" {
		t.Errorf("last entry of labels = %+v", last)
	}
}

// TestScalar checks that every value reads back as written, plain where
// YAML allows and quoted where it does not.
func TestScalar(t *testing.T) {
	tests := []struct {
		in          string
		flow, block string
	}{
		{"said", "said", "said"},
		{"missile defense system", "missile defense system", "missile defense system"},
		{"don't", "don't", "don't"},
		{"so-called", "so-called", "so-called"},
		{"a, b", `"a, b"`, "a, b"},
		{"a: b", `"a: b"`, `"a: b"`},
		{"a #b", `"a #b"`, `"a #b"`},
		{"true", `"true"`, `"true"`},
		{"null", `"null"`, `"null"`},
		{"1.5", `"1.5"`, `"1.5"`},
		{"2012-05-20", `"2012-05-20"`, `"2012-05-20"`},
		{"-x", `"-x"`, `"-x"`},
		{"“quoted”", `"“quoted”"`, `"“quoted”"`},
		{"[x]", `"[x]"`, `"[x]"`},
		{`back\slash "q"`, `"back\\slash \"q\""`, `"back\\slash \"q\""`},
		{"two\nlines\t\x00", `"two\nlines\t\x00"`, `"two\nlines\t\x00"`},
		{"café crème", "café crème", "café crème"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			flow, block := scalar(tc.in, true), scalar(tc.in, false)
			if flow != tc.flow || block != tc.block {
				t.Errorf("flow %s, block %s; want %s, %s", flow, block, tc.flow, tc.block)
			}
			for _, doc := range []string{"{k: [" + flow + "]}", "k: " + block} {
				var v map[string]any
				if err := yaml.Unmarshal([]byte(doc), &v); err != nil {
					t.Fatalf("%s: %v", doc, err)
				}
				got := v["k"]
				if l, ok := got.([]any); ok && len(l) == 1 {
					got = l[0]
				}
				if got != tc.in {
					t.Errorf("%s reads back as %#v", doc, got)
				}
			}
		})
	}
}

// FuzzEdit checks that Add and Remove never panic, that whatever Add
// returns passes the loader's checks with the term where it was asked, and
// that Remove gives the original bytes back. pick chooses the category or
// concept among those the source has, so that mutated sources still reach
// the edits.
func FuzzEdit(f *testing.F) {
	desk, _ := os.ReadFile("testdata/edit/desk.yaml")
	small, _ := os.ReadFile("testdata/small.yaml")
	for pick := range uint8(7) {
		f.Add(desk, pick, "fresh term", "loaded", "A note: with, punctuation.")
	}
	f.Add(bytes.ReplaceAll(desk, []byte("\n"), []byte("\r\n")), uint8(1), "x", "loaded", "")
	for pick := range uint8(4) {
		f.Add(small, pick, "rioters", "", "")
	}
	f.Add([]byte("name: t\ncategories:\n- id: a\n  label: A\n  note: N.\n  entries:\n  - term: b\n    tone: loaded\n"), uint8(0), "c", "doubt", "")
	f.Add([]byte("name: t\ncategories: [{id: a, label: A, note: N., entries: [{term: b, tone: loaded}]}]\n"), uint8(0), "c", "doubt", "")
	f.Fuzz(func(t *testing.T, src []byte, pick uint8, term, tone, note string) {
		a := Addition{Category: "a", Term: term, Tone: tone, Note: note}
		hadKey := true // the entries: (or terms:) key, which Remove leaves
		if doc := parseDoc(src); doc != nil {
			if groups := findGroups(doc); len(groups) > 0 {
				g := groups[int(pick)%len(groups)]
				for _, first := range groups { // Add edits the first with the id
					if first.kind == g.kind && first.id == g.id {
						g = first
						break
					}
				}
				hadKey = g.key != nil
				if a.Category = g.id; g.kind == "concept" {
					a.Category, a.Concept = "", g.id
				}
			}
		}
		out, err := Add("f.yaml", src, a)
		if err != nil {
			var le *Error
			if !errors.As(err, &le) || len(le.Problems) == 0 || out != nil {
				t.Fatalf("Add: %v (%T), %d bytes", err, err, len(out))
			}
			return
		}
		if !insertedOnce(src, out) {
			t.Fatalf("Add changed more than one place:\n%q\n%q", src, out)
		}
		ld := &loader{}
		l := ld.parse("f.yaml", out)
		if len(ld.problems) > 0 {
			t.Fatalf("Add gave a file with problems: %v", ld.err())
		}
		if !holds(l, a, strings.TrimSpace(term)) {
			t.Fatalf("the term is not in %+v:\n%s", a, out)
		}
		back, err := Remove("f.yaml", out, term)
		if err != nil {
			t.Fatalf("Remove after Add: %v\n%s", err, out)
		}
		if !bytes.Equal(back, src) && (hadKey || !withoutKeyLine(back, src)) {
			t.Fatalf("Remove(Add(x)) != x:\n%q\n%q", src, back)
		}
	})
}

// holds says whether the category or concept a asks for has term.
func holds(l *Lexicon, a Addition, term string) bool {
	var entries []Entry
	for _, c := range l.Categories {
		if c.ID == strings.TrimSpace(a.Category) {
			entries = append(entries, c.Entries...)
		}
	}
	for _, c := range l.Concepts {
		if c.ID == strings.TrimSpace(a.Concept) {
			entries = append(entries, c.Terms...)
		}
	}
	for _, e := range entries {
		if e.Term == term {
			return true
		}
	}
	return false
}

// TestCheckEdit checks the checks of an edit that Add and Remove leave to
// CheckEdit, which depend on what the file is laid over, and its tests:
// each problem is reported at its line in the file as it was before the
// edit.
func TestCheckEdit(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	desk := readDesk(t)
	const tested = "name: t\ncategories:\n  - id: a\n    label: A\n    note: N.\n    entries:\n      - {term: thugs, tone: loaded}\n" +
		"tests:\n  - text: Thugs and goons came.\n    expect: [thugs]\n    not: [goons]\n"
	const adds = "name: adds\ncategories:\n  - id: labels\n    entries:\n      - {term: thugs, tone: loaded}\n" +
		"tests:\n  - text: The mob came.\n    expect: [mob]\n"
	tests := []struct {
		name   string
		base   *Lexicon
		src    string
		add    *Addition // nil: remove
		remove string
		want   string // "" for none
	}{
		{"a concept left with one term", nil, desk, nil, "missile shield",
			`desk.yaml:57:5: concept "missile-defense" needs two or more terms`},
		{"a category with no note", nil, "name: t\ncategories:\n  - id: a\n    label: A\n    entries: []\n", &Addition{Category: "a", Term: "x", Tone: "loaded"}, "",
			`t.yaml:3:5: category "a" has no note: say why its words matter`},
		{"an addition a test forbids, the test after it", nil, tested, &Addition{Category: "a", Term: "goons", Tone: "loaded"}, "",
			`t.yaml:9:5: test fails: "Thugs and goons came." flags "goons"`},
		{"a removal a test needs, the test after it", nil, tested, nil, "thugs",
			`t.yaml:9:5: test fails: "Thugs and goons came." does not flag "thugs"`},
		{"adding to a category of the built-in lexicon", def, adds, &Addition{Category: "labels", Term: "goons", Tone: "loaded"}, "", ""},
		{"the same file on its own", nil, adds, &Addition{Category: "labels", Term: "goons", Tone: "loaded"}, "",
			"t.yaml:3:5: category \"labels\" has no label\n" +
				"t.yaml:3:5: category \"labels\" has no note: say why its words matter"},
		{"a test that holds only over the built-in lexicon", nil, strings.Replace(adds, "labels\n", "labels\n    label: L\n    note: N.\n", 1),
			&Addition{Category: "labels", Term: "goons", Tone: "loaded"}, "",
			`t.yaml:9:5: test fails: "The mob came." does not flag "mob"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out []byte
			var err error
			if tc.add != nil {
				out, err = Add("t.yaml", []byte(tc.src), *tc.add)
			} else {
				out, err = Remove("t.yaml", []byte(tc.src), tc.remove)
			}
			if err != nil {
				t.Fatalf("the edit itself: %v", err)
			}
			err = CheckEdit(tc.base, "t.yaml", []byte(tc.src), out)
			got := ""
			if err != nil {
				got = strings.ReplaceAll(err.Error(), "desk.yaml", "t.yaml")
			}
			if want := strings.ReplaceAll(tc.want, "desk.yaml", "t.yaml"); got != want {
				t.Errorf("CheckEdit:\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestLineMap checks that lines of an edited file map to the lines of the
// file before the edit that hold the same text.
func TestLineMap(t *testing.T) {
	const old = "a\nb\nc\nd\n"
	tests := []struct {
		name, edited string
		want         []int // for edited lines 1, 2, ...; negative: moved to -n
	}{
		{"a line added", "a\nb\nx\nc\nd\n", []int{1, 2, -3, 3, 4}},
		{"two lines added at the end", "a\nb\nc\nd\nx\ny\n", []int{1, 2, 3, 4, -5, -5}},
		{"a line taken away", "a\nc\nd\n", []int{1, 3, 4}},
		{"the first line taken away", "b\nc\nd\n", []int{2, 3, 4}},
		{"a line changed", "a\nb\nX\nd\n", []int{1, 2, -3, 4}},
		{"CR LF", strings.ReplaceAll("a\nb\nx\nc\nd\n", "\n", "\r\n"), []int{1, 2, -3, 3, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := old
			if strings.Contains(tc.edited, "\r") {
				before = strings.ReplaceAll(old, "\n", "\r\n")
			}
			toOld := lineMap([]byte(before), []byte(tc.edited))
			for i, want := range tc.want {
				got, moved := toOld(i + 1)
				if moved {
					got = -got
				}
				if got != want {
					t.Errorf("line %d: got %d, want %d", i+1, got, want)
				}
			}
		})
	}
}
