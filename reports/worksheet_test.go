package reports

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
)

// blindEvent compares a test event with its outlets' names hidden, as a
// teacher making a worksheet would, and returns the key.
func blindEvent(t *testing.T, dir string) (*compare.Result, []compare.BlindKey) {
	t.Helper()
	ev, err := compare.Load(context.Background(), []string{dir}, compare.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range ev.Documents {
		// Sources as a user in the repository root would give them.
		ev.Documents[i].Source = strings.TrimPrefix(filepath.ToSlash(ev.Documents[i].Source), "../")
	}
	blind, key, err := compare.Blind(ev)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := compare.Compare(blind, compare.Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	return res, key
}

func renderWorksheet(t *testing.T, rep *Report, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Worksheet(&b, rep, WorksheetOptions{Format: format}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func renderKey(t *testing.T, rep *Report, key []compare.BlindKey, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WorksheetKey(&b, rep, key, WorksheetOptions{Format: format}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWorksheetGolden writes the worksheet and key of every test event,
// made blind, as Markdown and as HTML, and compares the bytes with the
// golden files. A second rendering must give the same bytes.
func TestWorksheetGolden(t *testing.T) {
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			res, key := blindEvent(t, dir)
			rep := NewReport(res)
			ws := renderWorksheet(t, rep, "markdown")
			k := renderKey(t, rep, key, "markdown")
			if !bytes.Equal(ws, renderWorksheet(t, rep, "")) || !bytes.Equal(k, renderKey(t, rep, key, "markdown")) {
				t.Error("two renderings of one worksheet or key differ")
			}
			checkGolden(t, name+".worksheet.md", ws)
			checkGolden(t, name+".key.md", k)
			checkGolden(t, name+".worksheet.html", renderWorksheet(t, rep, "html"))
			checkGolden(t, name+".key.html", renderKey(t, rep, key, "html"))
		})
	}
}

// nameForms are the ways a text may write an outlet's name, in lower
// case: whole, and without a leading "The".
func nameForms(name string) []string {
	name = strings.ToLower(name)
	out := []string{name}
	if rest, ok := strings.CutPrefix(name, "the "); ok {
		out = append(out, rest)
	}
	return out
}

// TestWorksheetBlind checks, in both formats, that a worksheet made from a
// blind comparison names no outlet and no input file, while its key names
// every outlet and every source.
func TestWorksheetBlind(t *testing.T) {
	for _, dir := range events(t) {
		res, key := blindEvent(t, dir)
		if len(key) != len(res.Articles) {
			t.Fatalf("%s: %d key entries for %d articles", dir, len(key), len(res.Articles))
		}
		rep := NewReport(res)
		for _, format := range []string{"markdown", "html"} {
			ws := strings.ToLower(string(renderWorksheet(t, rep, format)))
			ks := string(renderKey(t, rep, key, format))
			if format == "html" {
				ws, ks = html.UnescapeString(ws), html.UnescapeString(ks)
			}
			for _, k := range key {
				for _, form := range nameForms(k.Outlet) {
					if strings.Contains(ws, form) {
						t.Errorf("%s %s: the worksheet names outlet %s (%q)", dir, format, k.Letter, form)
					}
				}
				base := strings.ToLower(strings.TrimSuffix(filepath.Base(k.Source), filepath.Ext(k.Source)))
				if strings.Contains(ws, base) {
					t.Errorf("%s %s: the worksheet names the input %q", dir, format, base)
				}
				if !strings.Contains(ks, k.Outlet) || !strings.Contains(ks, k.Source) {
					t.Errorf("%s %s: the key does not name %s as %q from %q", dir, format, k.Letter, k.Outlet, k.Source)
				}
				if !strings.Contains(ws, strings.ToLower(k.Name)) {
					t.Errorf("%s %s: the worksheet never names %s", dir, format, k.Name)
				}
			}
		}
	}
}

var (
	exerciseHeading = regexp.MustCompile(`(?m)^## (\d+)\. (.+)$`)
	itemHeading     = regexp.MustCompile(`(?m)^### (\d+)\.(\d+) (.+)$`)
	htmlExercise    = regexp.MustCompile(`<h2>(\d+)\. ([^<]+)</h2>`)
	htmlItem        = regexp.MustCompile(`<h3>(\d+)\.(\d+) ([^<]+)</h3>`)
)

// TestWorksheetKeySections checks, for blind and named comparisons of
// every event and in both formats, that the exercises are numbered 1, 2,
// ... and that every exercise and every item of the worksheet has its
// section in the key, in the same order; that each exercise asks about
// five things at most; and that every item of the worksheet leaves room
// for an answer.
func TestWorksheetKeySections(t *testing.T) {
	for _, dir := range events(t) {
		blind, key := blindEvent(t, dir)
		for _, c := range []struct {
			label string
			rep   *Report
			key   []compare.BlindKey
		}{{"blind", NewReport(blind), key}, {"named", NewReport(compareEvent(t, dir)), nil}} {
			for _, f := range []struct {
				format         string
				exercise, item *regexp.Regexp
			}{{"markdown", exerciseHeading, itemHeading}, {"html", htmlExercise, htmlItem}} {
				name := filepath.Base(dir) + " " + c.label + " " + f.format
				ws := string(renderWorksheet(t, c.rep, f.format))
				ks := string(renderKey(t, c.rep, c.key, f.format))
				wsEx, ksEx := f.exercise.FindAllStringSubmatch(ws, -1), f.exercise.FindAllStringSubmatch(ks, -1)
				if len(wsEx) < 3 {
					t.Errorf("%s: %d exercises, want at least 3", name, len(wsEx))
				}
				for i, m := range wsEx {
					if m[1] != strconv.Itoa(i+1) {
						t.Errorf("%s: exercise %d is numbered %s", name, i+1, m[1])
					}
				}
				if !equalMatches(wsEx, ksEx) {
					t.Errorf("%s: the key's exercises %v differ from the worksheet's %v", name, headings(ksEx), headings(wsEx))
				}
				wsIt, ksIt := f.item.FindAllStringSubmatch(ws, -1), f.item.FindAllStringSubmatch(ks, -1)
				if !equalMatches(wsIt, ksIt) {
					t.Errorf("%s: the key's items %v differ from the worksheet's %v", name, headings(ksIt), headings(wsIt))
				}
				for _, m := range wsIt {
					if n, _ := strconv.Atoi(m[2]); n > 5 {
						t.Errorf("%s: item %s.%s: more than five in one exercise", name, m[1], m[2])
					}
				}
				if f.format == "markdown" {
					for _, item := range strings.Split(ws, "\n### ")[1:] {
						if !strings.Contains(item, wsAnswerLine) {
							t.Errorf("%s: item %q leaves no room for an answer", name, strings.SplitN(item, "\n", 2)[0])
						}
					}
				}
			}
			if c.key == nil {
				ks := string(renderKey(t, c.rep, nil, "markdown"))
				if !strings.Contains(ks, "was not blind") {
					t.Errorf("%s: the key of a named worksheet does not say it was not blind", dir)
				}
			}
		}
	}
}

func equalMatches(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i][0] != b[i][0] {
			return false
		}
	}
	return true
}

func headings(ms [][]string) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m[0]
	}
	return out
}

// keyItems cuts a Markdown key into its items: exercise title, then item
// heading ("2.1 Quote q2"), then the item's text.
func keyItems(md string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, ex := range strings.Split(md, "\n## ")[1:] {
		head, body, _ := strings.Cut(ex, "\n")
		_, title, _ := strings.Cut(head, ". ")
		out[title] = map[string]string{}
		for _, item := range strings.Split(body, "\n### ")[1:] {
			ihead, ibody, _ := strings.Cut(item, "\n")
			out[title][ihead] = ibody
		}
	}
	return out
}

// itemOf returns the text of the item with the title, whatever its number.
func itemOf(items map[string]string, title string) (string, bool) {
	for head, body := range items {
		if _, t, _ := strings.Cut(head, " "); t == title {
			return body, true
		}
	}
	return "", false
}

// TestWorksheetAnswers checks that the key gives the answers the report
// holds: for each quote in the missing-voices exercise, its speaker and
// every outlet that leaves it out, by letter and real name; for each fact,
// the one outlet that has it; for each changed quote, the changed words
// in bold.
func TestWorksheetAnswers(t *testing.T) {
	for _, dir := range events(t) {
		res, key := blindEvent(t, dir)
		rep := NewReport(res)
		real := map[string]string{}
		for _, k := range key {
			real[k.Name] = k.Name + " (" + k.Outlet + ")"
		}
		names := map[string]string{}
		for _, o := range rep.Outlets {
			names[o.ID] = real[o.Name]
		}
		items := keyItems(string(renderKey(t, rep, key, "markdown")))
		voices := items["Missing voices"]
		changed := items["Changed quotes"]
		if len(voices) == 0 {
			t.Errorf("%s: the key answers no missing-voices question", dir)
		}
		for _, q := range rep.Quotes {
			if body, ok := itemOf(voices, "Quote "+q.ID); ok {
				body = mdPlain(body)
				if !strings.Contains(body, "Said by: "+q.Speaker) {
					t.Errorf("%s: the key's answer for %s does not name the speaker %q:\n%s", dir, q.ID, q.Speaker, body)
				}
				_, left, _ := strings.Cut(body, "- Left out: ")
				left, _, _ = strings.Cut(left, "\n")
				for _, c := range q.Cells {
					if says := strings.Contains(left, names[c.Outlet]); says != (c.Status == compare.StatusOmitted) {
						t.Errorf("%s: the key's answer for %s says %s leaves it out: %v, but its status is %s:\n%s", dir, q.ID, names[c.Outlet], says, c.Status, body)
					}
				}
			}
			if body, ok := itemOf(changed, "Quote "+q.ID); ok {
				for _, c := range q.Cells {
					for _, sp := range c.Diff {
						if w := strings.TrimSpace(sp.Text); sp.Changed && w != "" && !strings.Contains(body, "**"+mdEscape(w, false)+"**") {
							t.Errorf("%s: the key does not show %q, changed in %s's %s, in bold", dir, w, names[c.Outlet], q.ID)
						}
					}
				}
			}
		}
		facts := items["Facts only one outlet seems to report"]
		if len(facts) == 0 {
			t.Errorf("%s: the key answers no question about facts only one outlet reports", dir)
		}
		for _, body := range facts {
			body = mdPlain(body)
			n := 0
			for _, o := range rep.Outlets {
				if strings.Contains(body, "Reported by "+names[o.ID]+":") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%s: a fact's answer names %d outlets as the one that reports it:\n%s", dir, n, body)
			}
		}
	}
}

// TestWorksheetFormats checks that article text full of Markdown and HTML
// characters is escaped in both formats, and that an unknown format is an
// error that writes nothing.
func TestWorksheetFormats(t *testing.T) {
	rep := NewReport(compareSpecial(t))
	page := string(renderWorksheet(t, rep, "html"))
	if strings.Contains(page, "<b>") || !strings.Contains(page, "&lt;b&gt;") {
		t.Error("the HTML worksheet does not escape the article's <b>")
	}
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, "<style>") || strings.Contains(page, "<link") || strings.Contains(page, "<script") {
		t.Error("the HTML worksheet is not one self-contained page")
	}
	md := string(renderWorksheet(t, rep, "markdown"))
	checkTables(t, "special worksheet", md)
	for i, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "# Worksheet: ") && !exerciseHeading.MatchString(line) && !itemHeading.MatchString(line) {
			t.Errorf("line %d is a heading the worksheet did not write: %s", i+1, line)
		}
	}
	// The headlines read back as themselves.
	for _, o := range rep.Outlets {
		if !strings.Contains(md, "> **"+mdEscape(o.Name, false)+"**: "+mdEscape(o.Headline, false)+"\n") {
			t.Errorf("the worksheet does not show %s's headline %q escaped", o.Name, o.Headline)
		}
	}
	var b bytes.Buffer
	if err := Worksheet(&b, rep, WorksheetOptions{Format: "pdf"}); err == nil || b.Len() > 0 {
		t.Errorf("format pdf: error %v, %d bytes written; want an error and nothing", err, b.Len())
	}
	if err := WorksheetKey(&b, rep, nil, WorksheetOptions{Format: "pdf"}); err == nil || b.Len() > 0 {
		t.Errorf("key format pdf: error %v, %d bytes written; want an error and nothing", err, b.Len())
	}
}

// wsExercise returns a sheet's exercise with the id, or nil.
func wsExercise(s *wsSheet, id string) *wsSection {
	for i := range s.Sections {
		if s.Sections[i].ID == id {
			return &s.Sections[i]
		}
	}
	return nil
}

// inlineText is the text of inlines without their marks.
func inlineText(ins []inline) string {
	var b strings.Builder
	for _, in := range ins {
		b.WriteString(in.Text)
	}
	return b.String()
}

// TestWorksheetFactsFound checks that exercise 3 says what slant found,
// not a verdict: no "only X reports it" or "left out by", but which
// outlet reports the sentence, that slant found no matching sentence in
// the others, and each other outlet's closest sentence, as that outlet
// prints it, for the teacher to judge. Where the aligner missed a fact
// reworded, the closest sentence shows it: NATO's "keep talking to
// Moscow" is Press TV's "continue its dialogue with Russia", Solvik's
// crowd estimate is the Commerce Ledger's.
func TestWorksheetFactsFound(t *testing.T) {
	known := map[string][2]string{
		"nato-missile-shield-2012": {"He claimed the Washington-dominated alliance would keep talking to Moscow",
			"(Press TV), sentence 5: The NATO chief also stated that the US-led Western military alliance will continue its dialogue with Russia"},
		"solvik-port-protest-2026": {"Police estimated the crowd at 2,400, while the union put it at 5,000.",
			"(The Commerce Ledger), sentence 7: The blockade began at seven in the morning"},
	}
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		res, key := blindEvent(t, dir)
		rep := NewReport(res)
		real := map[string]string{}
		for _, k := range key {
			real[k.Name] = k.Name + " (" + k.Outlet + ")"
		}
		names, sentences := map[string]string{}, map[string][]compare.Sentence{}
		for i, o := range rep.Outlets {
			names[o.ID] = real[o.Name]
			sentences[o.ID] = res.Articles[i].Sentences
		}
		ws := mdPlain(string(renderWorksheet(t, rep, "markdown")))
		ks := mdPlain(string(renderKey(t, rep, key, "markdown")))
		for _, verdict := range []string{"Left out by", "reports it:", "appears in only one of the articles"} {
			if strings.Contains(ws, verdict) || strings.Contains(ks, verdict) {
				t.Errorf("%s: the worksheet or key still says %q", name, verdict)
			}
		}
		if !strings.Contains(ws, "slant found no sentence in the other articles that matches each of these.") {
			t.Errorf("%s: the worksheet does not say the facts are what slant found", name)
		}
		sheet := newWorksheet(rep, key, true)
		facts := wsExercise(sheet, "facts")
		if facts == nil || len(facts.Items) == 0 {
			t.Fatalf("%s: no facts exercise", name)
		}
		closest := compare.ClosestSentences(res)
		found := false
		for _, it := range facts.Items {
			fact := inlineText(it.Passages[0].Text)
			var row *Row
			var at [2]int // the fact's article and sentence
			for i := range rep.Rows {
				r := &rep.Rows[i]
				if r.Unique == "" {
					continue
				}
				k := slices.IndexFunc(r.Cells, func(c Cell) bool { return c.Outlet == r.Unique })
				if cellText(r.Cells[k]) == fact {
					row, at = r, [2]int{k, r.Cells[k].Sentences[0]}
				}
			}
			if row == nil {
				t.Fatalf("%s: fact %q is no unique row", name, fact)
			}
			var answers []string
			for _, a := range it.Answers {
				answers = append(answers, inlineText(a))
			}
			body := strings.Join(answers, "\n")
			if !strings.HasPrefix(body, "Reported by "+names[row.Unique]+": ") {
				t.Errorf("%s: the answer for %q does not start with the outlet that reports it:\n%s", name, fact, body)
			}
			var others []string
			for _, o := range rep.Outlets {
				if o.ID != row.Unique {
					others = append(others, names[o.ID])
				}
			}
			if !strings.Contains(body, "slant found no matching sentence in "+strings.Join(others, ", ")+".") {
				t.Errorf("%s: the answer for %q does not say slant found no match in %v:\n%s", name, fact, others, body)
			}
			if len(closest[at]) != len(others) {
				t.Errorf("%s: %q has %d closest sentences for %d other outlets", name, fact, len(closest[at]), len(others))
			}
			for _, c := range closest[at] {
				want := names[c.Outlet] + ": no sentence shares a word with it"
				if c.Sentence >= 0 {
					want = fmt.Sprintf("%s, sentence %d: %s", names[c.Outlet], c.Sentence+1, sentences[c.Outlet][c.Sentence].Text)
				}
				if !strings.Contains(body, want) {
					t.Errorf("%s: the answer for %q does not give %q", name, fact, want)
				}
			}
			if k, ok := known[name]; ok && strings.HasPrefix(fact, k[0]) {
				found = true
				if !strings.Contains(body, k[1]) {
					t.Errorf("%s: the answer for %q does not show the reworded fact %q:\n%s", name, fact, k[1], body)
				}
			}
		}
		if _, ok := known[name]; ok && !found {
			t.Errorf("%s: the worksheet does not ask about %q", name, known[name][0])
		}
	}
}

// TestClosestSentences checks the closest sentence of each other outlet
// to a sentence only one outlet has: the one sharing the rarest words,
// whatever their endings and case; the earlier of two alike; none when
// no sentence shares a word but "the".
func TestClosestSentences(t *testing.T) {
	art := func(id string, sentences ...string) compare.Article {
		a := compare.Article{ID: id}
		for i, s := range sentences {
			a.Sentences = append(a.Sentences, compare.Sentence{Index: i, Text: s})
		}
		return a
	}
	tests := []struct {
		name     string
		articles []compare.Article
		want     []int // closest sentence in each other outlet, in order
	}{
		{"rare words win", []compare.Article{
			art("a", "Police estimated the crowd at 2,400 people."),
			art("b", "The port said the police were there.", "Officers put the crowd at 2,400."),
			art("c", "Police said the police made arrests."),
		}, []int{1, 0}},
		{"endings and case", []compare.Article{
			art("a", "The union talks of striking."),
			art("b", "Weather was fine.", "Union TALKED about strikes."),
		}, []int{1}},
		{"ties to the earlier", []compare.Article{
			art("a", "Harbour cranes arrive."),
			art("b", "Cranes were bought.", "More cranes came."),
		}, []int{0}},
		{"none shares a word", []compare.Article{
			art("a", "The mayor spoke."),
			art("b", "The river rose."),
		}, []int{-1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &compare.Result{Articles: tc.articles, Unique: []compare.UniqueSentences{{Outlet: "a", Sentences: []int{0}}}}
			got := compare.ClosestSentences(r)[[2]int{0, 0}]
			if len(got) != len(tc.want) {
				t.Fatalf("%d closest sentences, want %d", len(got), len(tc.want))
			}
			for i, c := range got {
				if c.Outlet != tc.articles[i+1].ID || c.Sentence != tc.want[i] {
					t.Errorf("outlet %s: sentence %d, want %s sentence %d", c.Outlet, c.Sentence, tc.articles[i+1].ID, tc.want[i])
				}
				if (c.Sentence >= 0) != (c.Score > 0) || c.Score > 1 {
					t.Errorf("outlet %s: score %v for sentence %d", c.Outlet, c.Score, c.Sentence)
				}
				if c.Sentence >= 0 && c.Text != tc.articles[i+1].Sentences[c.Sentence].Text {
					t.Errorf("outlet %s: text %q", c.Outlet, c.Text)
				}
			}
		})
	}
}

// TestWorksheetWordChoices checks exercise 1: no answer sets a word
// against the same word (two outlets that write "arguing" are one term);
// a claim whose terms are all neutral is asked about only when no choice
// with a loaded or doubting term is left out; the NATO worksheet asks
// about "said" against "claimed"; and when word choices are left out,
// the worksheet and the key say how many more the full report has.
func TestWorksheetWordChoices(t *testing.T) {
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		res, key := blindEvent(t, dir)
		rep := NewReport(res)
		sheet := newWorksheet(rep, key, true)
		words := wsExercise(sheet, "words")
		if words == nil {
			t.Fatalf("%s: no word-choice exercise", name)
		}
		shown := map[string]bool{}
		for _, it := range words.Items {
			row := strings.TrimPrefix(it.Title, "Claim ")
			if it.Title == "Headlines" {
				row = "headline"
			}
			shown[row] = true
			if len(it.AnswerGroups) == 0 {
				t.Errorf("%s: %s has no lexicon group in the key", name, it.Title)
			}
			for _, g := range it.AnswerGroups {
				if head := inlineText(g.Head); !strings.HasPrefix(head, "Lexicon group ") {
					t.Errorf("%s: %s: group headed %q", name, it.Title, head)
				}
				seen := map[string]bool{}
				for _, a := range g.Lines {
					_, term, _ := strings.Cut(inlineText(a), "“")
					term, _, _ = strings.Cut(term, "”")
					if term = strings.ToLower(term); seen[term] {
						t.Errorf("%s: %s sets %q against itself:\n%v", name, it.Title, term, g.Lines)
					}
					seen[term] = true
				}
			}
		}
		left, neutralShown, markedLeft := 0, false, false
		for _, wc := range rep.WordChoices {
			terms := wsTerms(wc)
			if len(terms) < 2 || wc.Row != "headline" && !slices.ContainsFunc(rep.Rows, func(r Row) bool { return r.ID == wc.Row }) {
				continue
			}
			if !shown[wc.Row] {
				left++
				markedLeft = markedLeft || wsContrast(terms) < 2
			}
		}
		for row := range shown {
			best := 2
			for _, wc := range rep.WordChoices {
				if terms := wsTerms(wc); wc.Row == row && len(terms) > 1 {
					best = min(best, wsContrast(terms))
				}
			}
			neutralShown = neutralShown || best == 2
		}
		if neutralShown && markedLeft {
			t.Errorf("%s: a claim of neutral terms only is asked about while a choice with a marked term is left out", name)
		}
		more := ""
		if left > 0 {
			more = fmt.Sprintf("%d more word choice", left)
		}
		for what, s := range map[string]string{"worksheet": string(renderWorksheet(t, rep, "markdown")), "key": string(renderKey(t, rep, key, "markdown"))} {
			ex := s[strings.Index(s, "## 1. Same thing"):]
			ex = ex[:strings.Index(ex[3:], "\n## ")+3]
			if more != "" && !strings.Contains(ex, "\n"+more) || more == "" && strings.Contains(ex, "more word choice") {
				t.Errorf("%s: the %s's exercise 1 does not say %q", name, what, more)
			}
		}
		if name == "nato-missile-shield-2012" {
			if !shown["a1"] {
				t.Errorf("%s: the worksheet does not ask about said/claimed (a1); it asks about %v", name, shown)
			}
			if left != 7 {
				t.Errorf("%s: %d word choices left out, want 7", name, left)
			}
		}
	}
}

// TestWorksheetMore checks that the facts exercise, when it leaves
// sentences out, says how many more the full report has, in the worksheet
// and the key, in both formats: the NATO worksheet shows five of its six
// sentences only one outlet has.
func TestWorksheetMore(t *testing.T) {
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		res, key := blindEvent(t, dir)
		rep := NewReport(res)
		unique := 0
		for _, r := range rep.Rows {
			if r.Unique != "" {
				unique++
			}
		}
		for _, format := range []string{"markdown", "html"} {
			for what, s := range map[string]string{"worksheet": string(renderWorksheet(t, rep, format)), "key": string(renderKey(t, rep, key, format))} {
				s = html.UnescapeString(s)
				_, ex, _ := strings.Cut(s, "3. Facts only one outlet")
				ex, _, _ = strings.Cut(ex, "4. Headlines")
				shown := len(itemHeading.FindAllString(ex, -1)) + len(htmlItem.FindAllString(ex, -1))
				want := ""
				if n := unique - shown; n == 1 {
					want = "1 more sentence found in only one outlet is in the full report."
				} else if n > 1 {
					want = fmt.Sprintf("%d more sentences found in only one outlet are in the full report.", n)
				}
				if shown == 0 || want != "" && !strings.Contains(ex, want) || want == "" && strings.Contains(ex, "more sentence") {
					t.Errorf("%s %s %s: %d facts shown of %d; want %q in:\n%s", name, format, what, shown, unique, want, ex)
				}
				if name == "nato-missile-shield-2012" && shown != 5 {
					t.Errorf("%s %s %s: %d facts shown, want 5", name, format, what, shown)
				}
			}
		}
	}
}

// TestWorksheetHeadlineBold checks that the key's headlines set in bold
// exactly the words the reference outlet's headline does not have, and
// that its legend says so: Press TV's "NATO invites Russia to join
// missile system" has no word in bold, as every one is in the Meridian
// Wire's headline.
func TestWorksheetHeadlineBold(t *testing.T) {
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		res, key := blindEvent(t, dir)
		rep := NewReport(res)
		var ref string
		for _, o := range rep.Outlets {
			if o.ID == rep.Reference {
				ref = o.Headline
			}
		}
		have := map[string]bool{}
		for _, w := range headlineWords(ref) {
			have[headlineWordKey(ref[w[0]:w[1]])] = true
		}
		heads := wsExercise(newWorksheet(rep, key, true), "headlines")
		if heads == nil || len(heads.Items) != 1 {
			t.Fatalf("%s: no headline exercise", name)
		}
		answers := heads.Items[0].Answers
		if legend := inlineText(answers[0]); !strings.HasPrefix(legend, "Words in bold are not in ") {
			t.Errorf("%s: legend %q", name, legend)
		}
		lines := 0
		for _, a := range answers[1:] {
			if strings.HasPrefix(inlineText(a), "Word choice") {
				continue
			}
			lines++
			for _, in := range a[1:] {
				for _, w := range headlineWords(in.Text) {
					word := in.Text[w[0]:w[1]]
					if absent := !have[headlineWordKey(word)]; absent != in.Strong {
						t.Errorf("%s: %q is in bold: %v, but absent from the reference headline %q: %v", name, word, in.Strong, ref, absent)
					}
				}
			}
		}
		if lines < 2 {
			t.Errorf("%s: %d headlines in the key", name, lines)
		}
		if name == "nato-missile-shield-2012" {
			ks := string(renderKey(t, rep, key, "markdown"))
			if !strings.Contains(ks, "\n- Outlet B (Press TV): NATO invites Russia to join missile system\n") ||
				!strings.Contains(ks, "Words in bold are not in Outlet A (Meridian Wire)'s headline") {
				t.Errorf("%s: the key marks Press TV's headline words that the Meridian Wire's has", name)
			}
		}
	}
}

// TestNoAlignment checks that two articles about different things get a
// plain word in every report: the text report says so under its aligned
// claims, as do the Markdown and HTML reports and the worksheet and key,
// which ask about no facts only one outlet has (every sentence is one).
func TestNoAlignment(t *testing.T) {
	ev := compare.Event{Documents: []compare.Document{
		{Source: "storm.txt", Name: "storm", Kind: "text", Outlet: "Valley Gazette", OutletFrom: "manifest",
			Headline: "Storm floods the coast road",
			Text: "Heavy rain flooded the coast road near Arnby on Tuesday night.\n\n" +
				"Firefighters pumped water from twelve cellars until dawn.\n\n" +
				"The road is expected to reopen on Friday, the highways office said.\n"},
		{Source: "tennis.txt", Name: "tennis", Kind: "text", Outlet: "Club News", OutletFrom: "manifest",
			Headline: "Tennis club elects a new president",
			Text: "Members of the Linden Tennis Club elected Maria Holm as their president.\n\n" +
				"She promised new floodlights for the clay courts.\n\n" +
				"The junior tournament moves to September.\n"},
	}}
	res, err := compare.Compare(ev, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Alignments) != 0 {
		t.Fatalf("%d alignments between unrelated articles", len(res.Alignments))
	}
	rep := NewReport(res)
	var text, md, page bytes.Buffer
	if err := Text(&text, res, TextOptions{Width: 200}); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&md, rep); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&page, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "ALIGNED CLAIMS (0)\n  none: "+NoAlignment+"\n") {
		t.Errorf("the text report does not say no sentence aligns:\n%s", text.String())
	}
	if !strings.Contains(mdPlain(md.String()), "\n"+NoAlignment+"\n") {
		t.Error("the Markdown report does not say no sentence aligns")
	}
	if !strings.Contains(html.UnescapeString(page.String()), `<p class="empty-note">`+NoAlignment+"</p>") {
		t.Error("the HTML report does not say no sentence aligns")
	}
	for _, format := range []string{"markdown", "html"} {
		for what, s := range map[string]string{"worksheet": string(renderWorksheet(t, rep, format)), "key": string(renderKey(t, rep, nil, format))} {
			s = html.UnescapeString(mdPlain(s))
			if !strings.Contains(s, NoAlignment) {
				t.Errorf("%s %s does not say no sentence aligns", format, what)
			}
			if strings.Contains(s, "Facts only one outlet") {
				t.Errorf("%s %s asks about facts only one outlet has, which every sentence is", format, what)
			}
		}
	}
	// Articles that align say nothing of the kind.
	res = compareEvent(t, "../testdata/events/nato-missile-shield-2012")
	text.Reset()
	if err := Text(&text, res, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), NoAlignment) || strings.Contains(string(renderWorksheet(t, NewReport(res), "markdown")), NoAlignment) {
		t.Error("a report of articles that align says none does")
	}
}

// TestWorksheetKeySuggestedWord checks that a word that is no lexicon term
// but an alternative an entry suggests ("crowd" against "mob") is
// explained in the answer key, not followed by an empty tone "()".
func TestWorksheetKeySuggestedWord(t *testing.T) {
	res, key := blindEvent(t, "../compare/testdata/choices-tallis-port")
	rep := NewReport(res)
	suggested := false
	for _, wc := range res.WordChoices {
		for _, c := range wc.Choices {
			suggested = suggested || c.Tone == ""
		}
	}
	if !suggested {
		t.Fatal("the event has no word choice with a suggested alternative to test")
	}
	for _, format := range []string{"markdown", "html"} {
		k := string(renderKey(t, rep, key, format))
		if strings.Contains(k, "()") {
			t.Errorf("%s key holds an empty tone \"()\"", format)
		}
		if !strings.Contains(k, "not a lexicon term: an alternative the lexicon suggests") {
			t.Errorf("%s key does not explain the suggested alternative", format)
		}
	}
}

// TestWsTermsGroupsForms checks that two forms of one lexicon term are one
// term of a word choice, shown as the lexicon lists it, while one form
// written by several outlets keeps the outlets' spelling.
func TestWsTermsGroupsForms(t *testing.T) {
	terms := wsTerms(ChoiceRow{Choices: []ChoiceCell{
		{Outlet: "a", Term: "said", Entry: "said", Tone: "neutral"},
		{Outlet: "b", Term: "Says", Entry: "said", Tone: "neutral"},
		{Outlet: "c", Term: "claimed", Entry: "claimed", Tone: "doubt"},
		{Outlet: "d", Term: "Claimed", Entry: "claimed", Tone: "doubt"},
		{Outlet: "e", Term: "crowd", Entry: "", Tone: ""},
	}})
	var got []string
	for _, tm := range terms {
		got = append(got, tm.Term+":"+strings.Join(tm.Outlets, ","))
	}
	want := []string{"said:a,b", "claimed:c,d", "crowd:e"}
	if !slices.Equal(got, want) {
		t.Errorf("terms %q, want %q", got, want)
	}
}

// TestWorksheetAlteredGrouped checks that outlets that change a quote into
// the same words share one item of the changed-quotes exercise, naming
// them all, rather than each getting the same two versions again; an
// outlet that changes it otherwise keeps an item of its own.
func TestWorksheetAlteredGrouped(t *testing.T) {
	rep := NewReport(alteredEvent(t))
	altered := 0
	for _, q := range rep.Quotes {
		for _, c := range q.Cells {
			if c.Status == compare.StatusAltered {
				altered++
			}
		}
	}
	if altered != 3 {
		t.Fatalf("%d altered quotes, want 3 to test with", altered)
	}
	for _, answers := range []bool{false, true} {
		sec := wsExercise(newWorksheet(rep, nil, answers), "changed-quotes")
		if sec == nil || len(sec.Items) != 2 {
			t.Fatalf("key %v: changed quotes %+v, want 2 items", answers, sec)
		}
		answer := map[string]string{}
		for _, it := range sec.Items {
			answer[it.Passages[1].Label] = ""
			if answers {
				answer[it.Passages[1].Label] = inlineText(it.Answers[0])
			}
		}
		grouped, alone := "Quoted by Ostrel Herald and Quillton Bugle", "Quoted by Fenwick Star"
		if _, ok := answer[grouped]; !ok {
			t.Errorf("key %v: no item %q in %v", answers, grouped, answer)
		}
		if _, ok := answer[alone]; !ok {
			t.Errorf("key %v: no item %q in %v", answers, alone, answer)
		}
		if answers {
			if got := answer[grouped]; !strings.HasPrefix(got, "Ostrel Herald and Quillton Bugle changed the quote the same way (their own words") {
				t.Errorf("key answer %q", got)
			}
			if got := answer[alone]; !strings.HasPrefix(got, "Fenwick Star changed the quote (its own words") {
				t.Errorf("key answer %q", got)
			}
		}
	}
}

// alteredEvent compares six outlets quoting one statement: the Harbor
// Ledger, the Brackwater Times and the Dunmore Post in full (the wording
// most outlets print, so the one the others are measured against), the
// Ostrel Herald and the Quillton Bugle with one word changed alike, the
// Fenwick Star with other words changed.
func alteredEvent(t *testing.T) *compare.Result {
	t.Helper()
	doc := func(outlet, quote string) compare.Document {
		return compare.Document{Source: strings.ToLower(strings.ReplaceAll(outlet, " ", "-")) + ".txt", Kind: "text",
			Outlet: outlet, OutletFrom: "manifest", Headline: "Drivers block the Ostrel port gates",
			Text: "Truck drivers blocked the gates of the Ostrel port on Monday over unpaid wages.\n\n" +
				"\"" + quote + ",\" union organiser Mara Dorsey said.\n\n" +
				"The port authority said talks would resume on Thursday.\n"}
	}
	full := "We will not move these trucks until the port pays every driver a fair wage for the winter"
	same := "We will not move these trucks until the port pays drivers a fair wage for the winter"
	other := "We will never move these trucks until the port pays every driver more for the winter"
	ev := compare.Event{Documents: []compare.Document{
		doc("Harbor Ledger", full), doc("Quillton Bugle", same), doc("Ostrel Herald", same), doc("Fenwick Star", other),
		doc("Brackwater Times", full), doc("Dunmore Post", full),
	}}
	res, err := compare.Compare(ev, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestWorksheetKeyGroupsNest checks that in the key's word-choice answers
// each outlet's term is listed under its "Lexicon group" line, one level
// in, in Markdown and in HTML, not beside it.
func TestWorksheetKeyGroupsNest(t *testing.T) {
	res, key := blindEvent(t, filepath.Join("..", "testdata", "events", "nato-missile-shield-2012"))
	rep := NewReport(res)
	md := string(renderKey(t, rep, key, "markdown"))
	want := "\n- Lexicon group attribution (a category of words to watch):\n  - **Outlet "
	if !strings.Contains(md, want) {
		t.Errorf("Markdown key: no nested list after the attribution group, want %q in:\n%s", want, md)
	}
	if strings.Contains(md, "):\n- **Outlet") {
		t.Errorf("Markdown key: an outlet's term sits beside its lexicon group")
	}
	page := string(renderKey(t, rep, key, "html"))
	want = "<li>Lexicon group attribution (a category of words to watch):\n<ul>\n<li><strong>Outlet "
	if !strings.Contains(page, want) {
		t.Errorf("HTML key: no nested list in the attribution group's item, want %q", want)
	}
	if strings.Contains(page, "):</li>\n<li><strong>Outlet") {
		t.Errorf("HTML key: an outlet's term sits beside its lexicon group")
	}
}
