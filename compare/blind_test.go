package compare

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBlind checks that no outlet's name, file name or source survives in
// a blind comparison, that each article keeps its text otherwise, and
// that the letters do not depend on the order of the inputs.
func TestBlind(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/events/*")
	for _, dir := range dirs {
		ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		blind, key, err := Blind(ev)
		if err != nil {
			t.Fatal(err)
		}
		if len(key) != len(ev.Documents) {
			t.Fatalf("%s: %d key entries for %d articles", dir, len(key), len(ev.Documents))
		}
		res, err := Compare(blind, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, a := range res.Articles {
			for _, s := range []string{a.ID, a.Outlet, a.Source, a.Headline, a.Text} {
				all.WriteString(s + "\n")
			}
			for _, r := range a.Removed {
				all.WriteString(r.Text + "\n")
			}
			if !strings.HasPrefix(a.Outlet, "Outlet ") {
				t.Errorf("%s: outlet %q is not blind", dir, a.Outlet)
			}
		}
		text := strings.ToLower(all.String())
		for _, k := range key {
			for _, v := range nameVariants(k.Outlet) {
				if strings.Contains(text, strings.ToLower(v)) {
					t.Errorf("%s: %q (outlet %s) still appears in the blind comparison", dir, v, k.Letter)
				}
			}
			base := strings.TrimSuffix(filepath.Base(k.Source), filepath.Ext(k.Source))
			if strings.Contains(text, strings.ToLower(base)) {
				t.Errorf("%s: source name %q still appears", dir, base)
			}
		}
		// The same articles in another order get the same letters.
		rev := ev
		rev.Documents = nil
		for i := len(ev.Documents) - 1; i >= 0; i-- {
			rev.Documents = append(rev.Documents, ev.Documents[i])
		}
		_, key2, err := Blind(rev)
		if err != nil {
			t.Fatal(err)
		}
		for i := range key {
			if key[i] != key2[i] {
				t.Errorf("%s: letters depend on input order: %+v vs %+v", dir, key[i], key2[i])
			}
		}
	}
}

// blindDoc is an article for a Blind test: the outlet as a manifest names
// it, or "" to leave the outlet to be found from the file name.
type blindDoc struct {
	file, outlet, text string
}

// blindTexts blinds the articles and returns their texts in input order,
// with each outlet's blind name written back as "{outlet}": letters follow
// a hash of the texts, and a case should not depend on them.
func blindTexts(t *testing.T, docs []blindDoc) []string {
	t.Helper()
	var ev Event
	for _, d := range docs {
		doc := Document{Source: d.file + ".txt", Name: d.file, Kind: "text", Text: d.text}
		if d.outlet != "" {
			doc.Outlet, doc.OutletFrom = d.outlet, "manifest"
		}
		ev.Documents = append(ev.Documents, doc)
	}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, k := range key {
		pairs = append(pairs, k.Name, "{"+k.Outlet+"}")
	}
	back := strings.NewReplacer(pairs...)
	texts := make([]string, len(docs))
	for i, d := range blind.Documents {
		texts[i] = back.Replace(d.Text)
	}
	return texts
}

// TestBlindNames checks that an outlet's name is hidden wherever it is
// written as the name, whatever it is made of, and that nothing else in the
// text changes: not ordinary words that the name is made of, not text a
// replacement put in.
func TestBlindNames(t *testing.T) {
	tests := []struct {
		name string
		docs []blindDoc
		want []string
	}{
		{
			// a.txt and b.txt make outlets "A" and "B": a one-letter name
			// is the article or a plan, never matched in the text.
			name: "one-letter names",
			docs: []blindDoc{
				{"a", "", `"We heard a roar like thunder," resident Pia Holm said. Plan B failed.`},
				{"b", "", `A roar, then Plan B. Was it a B-grade dam? Block A said so.`},
			},
			want: []string{
				`"We heard a roar like thunder," resident Pia Holm said. Plan B failed.`,
				`A roar, then Plan B. Was it a B-grade dam? Block A said so.`,
			},
		},
		{
			name: "names that are ordinary words",
			docs: []blindDoc{
				{"sun", "Sun", "The post office nearby stayed shut. Post-fire repairs began on Sunday, after post-fire checks. The sun rose. The Sun and the Post both reported it."},
				{"post", "Post", "Posted notices quoted the Sun's reporter. Sun-dried tomatoes, sunny days."},
			},
			want: []string{
				"The post office nearby stayed shut. Post-fire repairs began on Sunday, after post-fire checks. The sun rose. The {Sun} and the {Post} both reported it.",
				"Posted notices quoted the {Sun}'s reporter. Sun-dried tomatoes, sunny days.",
			},
		},
		{
			// "Post" is hidden first in input order; the longer name must
			// still win where both could match.
			name: "longest name first",
			docs: []blindDoc{
				{"post", "Post", "The Evening Post and the Post disagreed."},
				{"evening", "Evening Post", "The Post quoted the Evening Post."},
			},
			want: []string{
				"The {Evening Post} and the {Post} disagreed.",
				"The {Post} quoted the {Evening Post}.",
			},
		},
		{
			name: "as written, in capitals and run together",
			docs: []blindDoc{
				{"press", "Press TV", "Press TV said so.\nPressTV, Press-TV, PRESS TV and presstv.ir agreed. Soft-wrapped: Press\nTV."},
				{"other", "Daily Clarion", "The Daily Clarion, a Daily Clarion reporter, told the Daily Clarion. © THE DAILY CLARION, dailyclarion.com"},
			},
			want: []string{
				"{Press TV} said so.\n{Press TV}, {Press TV}, {Press TV} and {Press TV}.ir agreed. Soft-wrapped: {Press TV}.",
				"The {Daily Clarion}, a {Daily Clarion} reporter, told the {Daily Clarion}. © THE {Daily Clarion}, {Daily Clarion}.com",
			},
		},
		{
			name: "leading The",
			docs: []blindDoc{
				{"clarion", "The Daily Clarion", "The Daily Clarion, a Daily Clarion reporter, told the Daily Clarion. © THE DAILY CLARION"},
				{"other", "Harbor Times", "Nothing here."},
			},
			want: []string{
				"{The Daily Clarion}, a {The Daily Clarion} reporter, told {The Daily Clarion}. © {The Daily Clarion}",
				"Nothing here.",
			},
		},
		{
			name: "names with punctuation",
			docs: []blindDoc{
				{"v", "The Voice (Orvale)", "Pia Holm told The Voice (Orvale). River <Echo>'s editor agreed, as did the Voice (Orvale)."},
				{"b", "River <Echo>", "Pia Holm told River <Echo>. Wow! News and R&B Daily, (River <Echo>), agreed."},
				{"w", "Wow! News", "Wow! News said R&B Daily’s story was wrong."},
				{"r", "R&B Daily", "R&B Daily’s editor said so."},
			},
			want: []string{
				"Pia Holm told {The Voice (Orvale)}. {River <Echo>}'s editor agreed, as did {The Voice (Orvale)}.",
				"Pia Holm told {River <Echo>}. {Wow! News} and {R&B Daily}, ({River <Echo>}), agreed.",
				"{Wow! News} said {R&B Daily}’s story was wrong.",
				"{R&B Daily}’s editor said so.",
			},
		},
		{
			name: "word boundaries beyond ASCII",
			docs: []blindDoc{
				{"elan", "Élan", "Élan said so, and Élantra did not; «Élan» did."},
				{"harbor", "Harbor Times", "_Harbor Times_ and Harbor Timesheet."},
			},
			want: []string{
				"{Élan} said so, and Élantra did not; «{Élan}» did.",
				"_{Harbor Times}_ and Harbor Timesheet.",
			},
		},
		{
			// bbc.txt gives "Bbc": the file name has lost the case.
			name: "names guessed from file names",
			docs: []blindDoc{
				{"bbc", "", "The BBC said the sun rose over the Sun offices."},
				{"sun", "", "The bbc.co.uk page quoted the Bbc and the SUN."},
			},
			want: []string{
				"The {Bbc} said the sun rose over the {Sun} offices.",
				"The bbc.co.uk page quoted the {Bbc} and the {Sun}.",
			},
		},
		{
			name: "not across paragraphs",
			docs: []blindDoc{
				{"press", "Press TV", "News from Press\n\nTV crews came."},
				{"other", "Harbor Times", "Nothing here."},
			},
			want: []string{
				"News from Press\n\nTV crews came.",
				"Nothing here.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := blindTexts(t, tt.docs)
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("article %d:\n got %q\nwant %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestBlindKeptSpans checks that the spans the HTML extractor kept cover
// the same blocks of the text after names in it are replaced.
func TestBlindKeptSpans(t *testing.T) {
	blocks := []string{"Menu Sun", "The Sun said the dam broke.", "News from Press", "TV crews came, the Sun said, and Press TV agreed.", "© Sun"}
	var kept []Span
	at := 0
	for i, b := range blocks {
		if i >= 1 && i <= 3 {
			kept = append(kept, Span{at, at + len(b)})
		}
		at += len(b) + len("\n\n")
	}
	ev := Event{Documents: []Document{
		{Source: "sun.html", Name: "sun", Kind: "html", Text: strings.Join(blocks, "\n\n"), Outlet: "Sun", OutletFrom: "html", Kept: kept},
		{Source: "press.txt", Name: "press", Kind: "text", Text: "Press TV said so.", Outlet: "Press TV", OutletFrom: "manifest"},
	}}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	letter := map[string]string{}
	for _, k := range key {
		letter[k.Outlet] = k.Name
	}
	want := []string{
		"The " + letter["Sun"] + " said the dam broke.",
		"News from Press",
		"TV crews came, the " + letter["Sun"] + " said, and " + letter["Press TV"] + " agreed.",
	}
	doc := blind.Documents[0]
	if len(doc.Kept) != len(want) {
		t.Fatalf("%d kept spans, want %d", len(doc.Kept), len(want))
	}
	for k, sp := range doc.Kept {
		if sp.Start < 0 || sp.Start > sp.End || sp.End > len(doc.Text) {
			t.Errorf("kept span %d is %v, outside the text of %d bytes", k, sp, len(doc.Text))
			continue
		}
		if got := doc.Text[sp.Start:sp.End]; got != want[k] {
			t.Errorf("kept span %d holds %q, want %q", k, got, want[k])
		}
	}
}

// TestBlindLoaded hides names with brackets read from a manifest and from
// an HTML page's site name.
func TestBlindLoaded(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"event.yaml": "articles:\n  - file: v.txt\n    outlet: The Voice (Orvale)\n  - file: b.html\n",
		"v.txt":      "Dam breaks\n\nThe Orvale dam broke on Sunday night, officials said. \"We heard a roar like thunder,\" resident Pia Holm told The Voice (Orvale).\n",
		"b.html": `<!DOCTYPE html><html><head><title>Dam collapses</title><meta property="og:site_name" content="River <Echo>"></head>
<body><article><h1>Dam collapses</h1><p>The Orvale dam collapsed on Sunday night, officials said. "We heard a roar like thunder," resident Pia Holm told River &lt;Echo&gt;.</p></article></body></html>`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	blind, key, err := Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	outlets := map[string]bool{}
	for _, k := range key {
		outlets[k.Outlet] = true
	}
	if !outlets["The Voice (Orvale)"] || !outlets["River <Echo>"] {
		t.Fatalf("outlets %v, want The Voice (Orvale) and River <Echo>", key)
	}
	for _, d := range blind.Documents {
		for _, name := range []string{"Voice", "Echo"} {
			if strings.Contains(d.Text, name) || strings.Contains(d.Headline, name) {
				t.Errorf("%s: %q still appears in %q", d.Name, name, d.Text)
			}
		}
		if !strings.Contains(d.Text, `"We heard a roar like thunder," resident Pia Holm told Outlet `) {
			t.Errorf("%s: the quote or the name's replacement is gone: %q", d.Name, d.Text)
		}
	}
}
