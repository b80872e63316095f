package reports

import (
	"bytes"
	"context"
	"html"
	"path/filepath"
	"regexp"
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
		facts := items["Facts only one outlet reports"]
		if len(facts) == 0 {
			t.Errorf("%s: the key answers no question about facts only one outlet reports", dir)
		}
		for _, body := range facts {
			body = mdPlain(body)
			n := 0
			for _, o := range rep.Outlets {
				if strings.Contains(body, "Only "+names[o.ID]+" reports it") {
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
