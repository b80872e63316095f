package reports

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// events returns the test events' directories.
func events(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob("../testdata/events/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test events: %v", err)
	}
	return dirs
}

func compareEvent(t testing.TB, dir string) *compare.Result {
	t.Helper()
	ev, err := compare.Load(context.Background(), []string{dir}, compare.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range ev.Documents {
		// Sources as a user in the repository root would give them.
		ev.Documents[i].Source = strings.TrimPrefix(filepath.ToSlash(ev.Documents[i].Source), "../")
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := compare.Compare(ev, compare.Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is intended, run go test ./reports -update and review the diff", path)
	}
}

// TestGolden renders every test event in every format and compares the
// bytes with the golden files.
func TestGolden(t *testing.T) {
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			res := compareEvent(t, dir)
			var text, js bytes.Buffer
			if err := Text(&text, res, TextOptions{Width: 100}); err != nil {
				t.Fatal(err)
			}
			if err := JSON(&js, res); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".txt", text.Bytes())
			checkGolden(t, name+".json", js.Bytes())
		})
	}
}

// TestJSONOffsets checks that every span in the JSON can be found again in
// the article text at its offsets.
func TestJSONOffsets(t *testing.T) {
	for _, dir := range events(t) {
		res := compareEvent(t, dir)
		texts := map[string]string{}
		for _, a := range res.Articles {
			texts[a.ID] = a.Text
		}
		var js bytes.Buffer
		if err := JSON(&js, res); err != nil {
			t.Fatal(err)
		}
		var doc Document
		if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		for _, o := range doc.Outlets {
			text := texts[o.ID]
			for _, s := range o.Sentences {
				if text[s.Start:s.End] != s.Text {
					t.Errorf("%s %s sentence %d: offsets give %q, want %q", dir, o.ID, s.Index, text[s.Start:s.End], s.Text)
				}
			}
			for _, r := range o.Removed {
				if text[r.Start:r.End] != r.Text {
					t.Errorf("%s %s removed %q: offsets give %q", dir, o.ID, r.Text, text[r.Start:r.End])
				}
			}
		}
		for _, d := range doc.Differences {
			if d.Group == "headline" {
				continue
			}
			for _, op := range d.Ops {
				if op.FromStart >= 0 && texts[d.From][op.FromStart:op.FromEnd] != op.FromText {
					t.Errorf("%s %s: from offsets of %q are wrong", dir, d.Group, op.FromText)
				}
				if op.ToStart >= 0 && texts[d.To][op.ToStart:op.ToEnd] != op.ToText {
					t.Errorf("%s %s: to offsets of %q are wrong", dir, d.Group, op.ToText)
				}
			}
		}
	}
}

// TestTextColor checks that colour appears only when asked for, and that
// plain output marks differences with [-...-] and {+...+}.
func TestTextColor(t *testing.T) {
	res := compareEvent(t, "../testdata/events/nato-missile-shield-2012")
	var plain, color bytes.Buffer
	if err := Text(&plain, res, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := Text(&color, res, TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Bytes(), []byte("\x1b[")) {
		t.Error("plain text report holds ANSI escapes")
	}
	if !bytes.Contains(plain.Bytes(), []byte("[-")) || !bytes.Contains(plain.Bytes(), []byte("{+")) {
		t.Error("plain text report has no [-...-] or {+...+} markers")
	}
	if !bytes.Contains(color.Bytes(), []byte(ansiRed)) || !bytes.Contains(color.Bytes(), []byte(ansiGreen)) {
		t.Error("colour report has no red or green")
	}
}

// TestTextWidth checks that no line of the report is wider than asked,
// except a single word longer than the line.
func TestTextWidth(t *testing.T) {
	res := compareEvent(t, "../testdata/events/solvik-port-protest-2026")
	for _, width := range []int{60, 80, 120} {
		var b bytes.Buffer
		if err := Text(&b, res, TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(b.String(), "\n") {
			if n := len([]rune(line)); n > width && !isLongWord(line, width) {
				t.Errorf("width %d: line %d is %d wide: %q", width, i+1, n, line)
			}
		}
	}
}

// isLongWord says whether a too-wide line is too wide only because of one
// word longer than the width, which cannot be wrapped.
func isLongWord(line string, width int) bool {
	for _, f := range strings.Fields(line) {
		if len([]rune(f)) > width/2 {
			return true
		}
	}
	return false
}

// TestTextOutletCounts checks the outlets' sentence and word counts in the
// text report, singular for one.
func TestTextOutletCounts(t *testing.T) {
	report := textReport(t, "one", "Floods.\n", "two", "The dam broke. Floods followed.\n")
	for _, want := range []string{"One, date unknown, 1 sentence, 1 word\n", "Two, date unknown, 2 sentences, 5 words\n"} {
		if !strings.Contains(report, want) {
			t.Errorf("the report has no %q:\n%s", want, report)
		}
	}
}

// TestQuoteMatrixColumns checks that the quote matrix's outlet numbers
// stay apart from 10 outlets up ("9  10 11", not "9 1011"), each mark under
// its number.
func TestQuoteMatrixColumns(t *testing.T) {
	var docs []compare.Document
	for i := range 11 {
		docs = append(docs, compare.Document{Source: fmt.Sprintf("o%02d.txt", i), Name: fmt.Sprintf("o%02d", i), Kind: "text",
			Text: "Dam holds\n\n\"The dam will hold through the winter,\" engineer Anna Berg said.\n"})
	}
	res, err := compare.Compare(compare.Event{Documents: docs}, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Text(&b, res, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	head := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "1 ") })
	if head < 0 || head+1 >= len(lines) {
		t.Fatalf("no matrix header:\n%s", b.String())
	}
	if !strings.Contains(lines[head], "9  10 11") {
		t.Errorf("header %q runs numbers together", lines[head])
	}
	// Each mark sits under the first digit of its number.
	row := []rune(lines[head+1])
	for i, r := range []rune(lines[head]) {
		if r >= '1' && r <= '9' && (i == 0 || []rune(lines[head])[i-1] == ' ') && (i >= len(row) || row[i] != '●') {
			t.Errorf("no mark under column %q:\n%s\n%s", string(r), lines[head], lines[head+1])
			break
		}
	}
}

// TestWrapWidePrefix checks that text is wrapped within the width even
// when its prefix (a long outlet id, a wide quote matrix) leaves no room
// beside it: the prefix goes on a line of its own.
func TestWrapWidePrefix(t *testing.T) {
	var b bytes.Buffer
	tw := &textWriter{w: bufio.NewWriter(&b), o: TextOptions{Width: 40}}
	prefix := "  the-meridian-business-post-and-more [12]  "
	tw.wrap(prefix, strings.Repeat("words that fit ", 12))
	tw.w.Flush()
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) < 3 || lines[0] != strings.TrimRight(prefix, " ") {
		t.Fatalf("lines %q, want the prefix alone first", lines)
	}
	for _, l := range lines[1:] {
		if n := len([]rune(l)); n > 40 {
			t.Errorf("line of %d columns: %q", n, l)
		}
	}
	if got := strings.Join(strings.Fields(strings.Join(lines[1:], " ")), " "); got != strings.TrimSpace(strings.Repeat("words that fit ", 12)) {
		t.Errorf("text changed: %q", got)
	}
}

// TestFiguresColumns checks that the FIGURES table's columns line up when
// the outlet ids are shorter than the column's heading.
func TestFiguresColumns(t *testing.T) {
	report := textReport(t, "a", "Dam holds\n\nThe dam held through the storm on Monday night.\n",
		"b", "Dam holds\n\nThe dam held through Monday night's storm.\n")
	lines := strings.Split(report, "\n")
	head := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "  outlet ") })
	if head < 0 || head+1 >= len(lines) {
		t.Fatalf("no FIGURES table:\n%s", report)
	}
	// The last letter of "words" and of the row's word count share a column.
	col := strings.Index(lines[head], "words") + len("words") - 1
	row := lines[head+1]
	if col >= len(row) || row[col] < '0' || row[col] > '9' || (col+1 < len(row) && row[col+1] != ' ') {
		t.Errorf("columns do not line up:\n%s\n%s", lines[head], row)
	}
}

// textReport compares two plain-text articles, named after their outlets,
// and returns the text report.
func textReport(t *testing.T, name1, text1, name2, text2 string) string {
	t.Helper()
	res, err := compare.Compare(compare.Event{Documents: []compare.Document{
		{Source: name1 + ".txt", Name: name1, Kind: "text", Text: text1},
		{Source: name2 + ".txt", Name: name2, Kind: "text", Text: text2},
	}}, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Text(&b, res, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMarkedSwapSpacing checks that a short swap whose replaced words
// follow a word directly in the outlet's text (a comma takes the place of
// " during the protest") is set off from that word, in plain and in
// colour, while ops the text joins stay joined.
func TestMarkedSwapSpacing(t *testing.T) {
	from := "Two men were held after a gate was damaged during the protest."
	to := "Two men were held after a gate was damaged, police said."
	ops := []compare.DiffOp{
		{Op: compare.OpEqual, FromText: "Two men were held after a gate was damaged", ToText: "Two men were held after a gate was damaged", FromStart: 0, FromEnd: 42, ToStart: 0, ToEnd: 42},
		{Op: compare.OpReplace, FromText: "during the protest", ToText: ", police said", FromStart: 43, FromEnd: 61, ToStart: 42, ToEnd: 55},
		{Op: compare.OpEqual, FromText: ".", ToText: ".", FromStart: 61, FromEnd: 62, ToStart: 55, ToEnd: 56},
	}
	for _, op := range ops {
		if from[op.FromStart:op.FromEnd] != op.FromText || to[op.ToStart:op.ToEnd] != op.ToText {
			t.Fatalf("bad test op %+v", op)
		}
	}
	plain := (&textWriter{}).marked(ops)
	if want := "Two men were held after a gate was damaged [-during the protest-]{+, police said+}."; plain != want {
		t.Errorf("plain: %q\nwant   %q", plain, want)
	}
	color := (&textWriter{o: TextOptions{Color: true}}).marked(ops)
	if !strings.HasPrefix(color, "Two men were held after a gate was damaged "+ansiRed+"during") {
		t.Errorf("colour: %q", color)
	}
}

// TestAlteredVersionsGrouped checks that the text, Markdown and HTML
// reports name on one line every outlet that alters a quote into the same
// words, and give a version no other outlet shares a line of its own.
func TestAlteredVersionsGrouped(t *testing.T) {
	res := alteredEvent(t)
	rep := NewReport(res)
	var text, md, page bytes.Buffer
	if err := Text(&text, res, TextOptions{Width: 400}); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&md, rep); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&page, rep); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		format, got   string
		grouped, lone string
		lines         string
	}{
		{"text", text.String(), "altered in ostrel-herald and quillton-bugle: “", "altered in fenwick-star: “", "altered in "},
		{"markdown", md.String(), "- q1, **Ostrel Herald** and **Quillton Bugle**: “", "- q1, **Fenwick Star**: “", "- q1, "},
		{"html", html.UnescapeString(page.String()),
			"Altered in <strong>Ostrel Herald</strong> and <strong>Quillton Bugle</strong> (their own words marked, the words they dropped",
			"Altered in <strong>Fenwick Star</strong> (its own words marked, the words it dropped", `<p class="altered"`},
	} {
		if !strings.Contains(tt.got, tt.grouped) || !strings.Contains(tt.got, tt.lone) {
			t.Errorf("%s: want %q and %q in:\n%s", tt.format, tt.grouped, tt.lone, tt.got)
		}
		if n := strings.Count(tt.got, tt.lines); n != 2 {
			t.Errorf("%s: %d altered versions, want 2", tt.format, n)
		}
	}
}
