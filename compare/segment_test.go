package compare

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// segmentCases are the splitter's rules, one example or more each. They also
// seed FuzzSegment.
var segmentCases = []struct {
	name string
	text string
	want []string
}{
	{"empty", "", nil},
	{"only white space", " \t\r\n\n \u00a0\n", nil},
	{"one sentence", "The port reopened on Tuesday.", []string{"The port reopened on Tuesday."}},
	{"no final period", "  The port reopened  ", []string{"The port reopened"}},
	{"two sentences", "The port reopened. Trucks lined up.",
		[]string{"The port reopened.", "Trucks lined up."}},
	{"question and exclamation", "Who pays? Nobody knows! The union does.",
		[]string{"Who pays?", "Nobody knows!", "The union does."}},
	{"lower case after period continues", "The vote was 52 to 48. the motion passed.",
		[]string{"The vote was 52 to 48. the motion passed."}},

	// Lines and paragraphs.
	{"line break is a hard break", "PORT FURY\nFlames leapt at the gate",
		[]string{"PORT FURY", "Flames leapt at the gate"}},
	{"crlf", "Headline here\r\nFirst line. Second line.\r\n\r\nNext paragraph.\r\n",
		[]string{"Headline here", "First line.", "Second line.", "Next paragraph."}},
	{"list items", "Demands:\n- higher pay\n- no robot cranes\n1. Talks resume.\n2. Strike ends.",
		[]string{"Demands:", "- higher pay", "- no robot cranes", "1. Talks resume.", "2. Strike ends."}},
	{"lettered list item", "a. The first point\nb) The second point",
		[]string{"a. The first point", "b) The second point"}},

	// Titles and other abbreviations.
	{"titles", "Mr. Smith met Dr. Jones and Gen. Lee. Sen. Warren and Rep. Cole spoke.",
		[]string{"Mr. Smith met Dr. Jones and Gen. Lee.", "Sen. Warren and Rep. Cole spoke."}},
	{"more titles", "Lt. Col. Ray and Sgt. Hale met Capt. Ross, Gov. Hart, Prof. Diaz and Rev. Kim.",
		[]string{"Lt. Col. Ray and Sgt. Hale met Capt. Ross, Gov. Hart, Prof. Diaz and Rev. Kim."}},
	{"Mrs. and Ms.", "Mrs. Ruud and Ms. Kellan arrived. They left.",
		[]string{"Mrs. Ruud and Ms. Kellan arrived.", "They left."}},
	{"saint before a name", "He visited St. Louis and St. Paul. It rained.",
		[]string{"He visited St. Louis and St. Paul.", "It rained."}},
	{"street ends a sentence", "The office is on Main St. The rent is low.",
		[]string{"The office is on Main St.", "The rent is low."}},
	{"months before a day", "It opened Jan. 5 and closed Sept. 30. Then it reopened Aug. 2.",
		[]string{"It opened Jan. 5 and closed Sept. 30.", "Then it reopened Aug. 2."}},
	{"month before a name", "The Feb. Review carried it.", []string{"The Feb. Review carried it."}},
	{"company names", "Apple Inc. and Acme Corp. signed with Bolt Co. Ltd. Chief Executive Ann Lee.",
		[]string{"Apple Inc. and Acme Corp. signed with Bolt Co. Ltd. Chief Executive Ann Lee."}},
	{"company at end of sentence", "The crane maker is Acme Corp. The union objects.",
		[]string{"The crane maker is Acme Corp.", "The union objects."}},
	{"No. before a number", "Gate No. 4 was shut. No. The other gate was open.",
		[]string{"Gate No. 4 was shut.", "No.", "The other gate was open."}},
	{"Jr. before a clear start", "He quoted Martin Luther King Jr. The crowd cheered. Sammy Davis Jr. Sang.",
		[]string{"He quoted Martin Luther King Jr.", "The crowd cheered.", "Sammy Davis Jr. Sang."}},
	{"vs.", "It was Solvik vs. Harbour City in the final.",
		[]string{"It was Solvik vs. Harbour City in the final."}},
	{"etc. inside", "Bottles, flares, etc. were thrown.", []string{"Bottles, flares, etc. were thrown."}},
	{"etc. at the end", "They threw bottles, flares, etc. Police answered with spray.",
		[]string{"They threw bottles, flares, etc.", "Police answered with spray."}},
	{"e.g. and i.e.", "Some ports, e.g. Rotterdam, use them, i.e. Robot cranes.",
		[]string{"Some ports, e.g. Rotterdam, use them, i.e. Robot cranes."}},
	{"a.m. before a day", "The march began at 10 a.m. Tuesday and ended at 4 p.m. on the quay.",
		[]string{"The march began at 10 a.m. Tuesday and ended at 4 p.m. on the quay."}},
	{"a.m. at the end", "The march began at 10 a.m. The police came later.",
		[]string{"The march began at 10 a.m.", "The police came later."}},
	{"initials", "J. R. R. Tolkien and George W. Bush met L. Ron Hubbard.",
		[]string{"J. R. R. Tolkien and George W. Bush met L. Ron Hubbard."}},
	{"U.S. before a name", "U.S. President Donald Trump met U.N. officials in the U.S. Capitol.",
		[]string{"U.S. President Donald Trump met U.N. officials in the U.S. Capitol."}},
	{"U.S. at the end", "The team flew to the U.S. The President welcomed it.",
		[]string{"The team flew to the U.S.", "The President welcomed it."}},
	{"D.C. then lower case", "They arrived in Washington D.C. after many delays.",
		[]string{"They arrived in Washington D.C. after many delays."}},
	{"D.C. at the end", "They arrived in Washington D.C. It was raining.",
		[]string{"They arrived in Washington D.C.", "It was raining."}},
	{"acronym then quote", `It reached the U.S. "We are glad," she said.`,
		[]string{"It reached the U.S.", `"We are glad," she said.`}},
	{"domain name", "Details are on www.example.co.nz. Names will be published.",
		[]string{"Details are on www.example.co.nz.", "Names will be published."}},

	// Quotes and brackets.
	{"period inside quote", `He called it "a disgrace." The mayor disagreed.`,
		[]string{`He called it "a disgrace."`, "The mayor disagreed."}},
	{"curly quotes", "“We condemn the violence.” Police said nothing. ‘Why?’ he asked.",
		[]string{"“We condemn the violence.”", "Police said nothing.", "‘Why?’ he asked."}},
	{"single quotes", "He said 'enough.' Then he left.", []string{"He said 'enough.'", "Then he left."}},
	{"exclamation in quote then attribution", `"Yes!" he said. "No?" she asked.`,
		[]string{`"Yes!" he said.`, `"No?" she asked.`}},
	{"exclamation in quote then name and verb", `"Stop!" Inspector Ruud shouted. "Why?" Mr. Arlo asked.`,
		[]string{`"Stop!" Inspector Ruud shouted.`, `"Why?" Mr. Arlo asked.`}},
	{"exclamation in quote then new sentence", `"Stop!" The crowd kept moving.`,
		[]string{`"Stop!"`, "The crowd kept moving."}},
	{"quote opens the next sentence", `Police arrived. "Officers showed restraint," she said.`,
		[]string{"Police arrived.", `"Officers showed restraint," she said.`}},
	{"closing bracket", "The fire spread (the booth burned down.) Then rain fell. (It was late.) Crews left.",
		[]string{"The fire spread (the booth burned down.)", "Then rain fell.", "(It was late.)", "Crews left."}},
	{"period before closing quote and bracket", `He said ("we are done.") Talks ended.`,
		[]string{`He said ("we are done.")`, "Talks ended."}},
	{"closing quote then comma", `"It is over." , she said.`, []string{`"It is over." , she said.`}},

	// Numbers.
	{"decimals", "Costs rose 3.5 percent to $1.2 billion by 10.30 a.m. on version 2.0 of the plan.",
		[]string{"Costs rose 3.5 percent to $1.2 billion by 10.30 a.m. on version 2.0 of the plan."}},
	{"year ends a sentence", "The port opened in 1994. The next year it grew.",
		[]string{"The port opened in 1994.", "The next year it grew."}},
	{"number starts a sentence", "Arrests rose in 2024. 17 people were held.",
		[]string{"Arrests rose in 2024.", "17 people were held."}},
	{"camel case starts a sentence", "Sales rose. iPhone demand fell. eBay gained.",
		[]string{"Sales rose.", "iPhone demand fell.", "eBay gained."}},
	{"currency starts a sentence", "The booth burned. $250,000 was lost.",
		[]string{"The booth burned.", "$250,000 was lost."}},

	// Ellipses.
	{"ellipsis then lower case", "We waited... and waited … and then left.",
		[]string{"We waited... and waited … and then left."}},
	{"ellipsis then capital", "We waited... Nobody came.", []string{"We waited...", "Nobody came."}},
	{"bracketed ellipsis", "Ozone fell [...] partly due to the law. Levels rose [...] However, they fell.",
		[]string{"Ozone fell [...] partly due to the law.", "Levels rose [...]", "However, they fell."}},
	{"leading ellipsis", "... The rest is history.", []string{"... The rest is history."}},

	// Datelines.
	{"dateline runs into the lead", "Thursday, May 7, 2015 On Tuesday, the vote began.",
		[]string{"Thursday, May 7, 2015", "On Tuesday, the vote began."}},
	{"date inside a sentence", "Thursday, May 7, 2015 was the day. On May 7, 2015 The Times wrote.",
		[]string{"Thursday, May 7, 2015 was the day.", "On May 7, 2015 The Times wrote."}},

	// Captions.
	{"credit label", "Protesters at Gate 4 Image: Northway Wire.",
		[]string{"Protesters at Gate 4", "Image: Northway Wire."}},
	{"credit label after acronym", "The hall in Washington D.C. Photo: U.S. Navy.",
		[]string{"The hall in Washington D.C.", "Photo: U.S. Navy."}},
	{"label word inside a sentence", "The Image: A Study was reviewed.", []string{"The Image: A Study was reviewed."}},

	// Odd input.
	{"stray punctuation", ". ! ? ... “ ”", []string{". ! ? ... “ ”"}},
	{"no space after period", "end.The next", []string{"end.The next"}},
	{"non-breaking spaces", "\u00a0It rained.\u00a0Crews left.\u00a0", []string{"It rained.", "Crews left."}},
}

func TestSegmentsRules(t *testing.T) {
	for _, tc := range segmentCases {
		t.Run(tc.name, func(t *testing.T) {
			segs := Segments(tc.text)
			checkSegments(t, tc.text, segs)
			var got []string
			for _, s := range segs {
				got = append(got, tc.text[s.Start:s.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Segments(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestSegmentsOffsets(t *testing.T) {
	text := "\r\n  Port Fury  \r\n" + // 0..17: headline, paragraph 0
		"Flames leapt. Police came.\r\n" + // 17..45
		" \t\r\n\r\n" + // 45..51: blank lines
		"Seventeen were held.\r\n" + // 51..73
		"\r\n" + // 73..75
		"“Why?” she asked. It ended.   " // 75..
	want := []Segment{
		{Start: 4, End: 13, Paragraph: 0},  // Port Fury
		{Start: 17, End: 30, Paragraph: 0}, // Flames leapt.
		{Start: 31, End: 43, Paragraph: 0}, // Police came.
		{Start: 51, End: 71, Paragraph: 1}, // Seventeen were held.
		{Start: 75, End: 96, Paragraph: 2}, // “Why?” she asked.
		{Start: 97, End: 106, Paragraph: 2},
	}
	got := Segments(text)
	checkSegments(t, text, got)
	if !slices.Equal(got, want) {
		t.Errorf("Segments:\n got %+v\nwant %+v", got, want)
		for _, s := range got {
			t.Logf("%d..%d p%d %q", s.Start, s.End, s.Paragraph, text[s.Start:s.End])
		}
	}
	wantText := []string{"Port Fury", "Flames leapt.", "Police came.", "Seventeen were held.", "“Why?” she asked.", "It ended."}
	for i, s := range got {
		if i < len(wantText) && text[s.Start:s.End] != wantText[i] {
			t.Errorf("segment %d = %q, want %q", i, text[s.Start:s.End], wantText[i])
		}
	}
}

// TestSegmentsParagraphs checks that only blank lines count paragraphs, that
// leading and repeated blank lines do not, and that a lone "\r" is white space.
func TestSegmentsParagraphs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []int
	}{
		{"leading blank lines", "\n\n \nOne.\nTwo.", []int{0, 0}},
		{"repeated blank lines", "One.\n\n\n\n Two.", []int{0, 1}},
		{"white space only line", "One.\n \t \nTwo.\n\u00a0\nThree.", []int{0, 1, 2}},
		{"crlf blank line", "One.\r\n\r\nTwo. Three.", []int{0, 1, 1}},
		{"lone carriage return", "One.\rTwo.\r\rThree.", []int{0, 0, 0}},
		{"trailing blank lines", "One.\n\n\n", []int{0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs := Segments(tc.text)
			checkSegments(t, tc.text, segs)
			var got []int
			for _, s := range segs {
				got = append(got, s.Paragraph)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("paragraphs of %q = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// checkSegments asserts what holds for every text: segments in order, inside
// the text, not overlapping, not empty, trimmed, with paragraphs counting up
// from zero in steps of one, and every rune that is not white space inside a
// segment.
func checkSegments(t *testing.T, text string, segs []Segment) {
	t.Helper()
	prevEnd, prevParagraph := 0, 0
	for i, s := range segs {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("segment %d %+v: out of order, empty or outside the text (previous end %d, length %d)",
				i, s, prevEnd, len(text))
		}
		if p := s.Paragraph - prevParagraph; p < 0 || p > 1 || i == 0 && s.Paragraph != 0 {
			t.Fatalf("segment %d %+v: paragraph after %d", i, s, prevParagraph)
		}
		first, _ := utf8.DecodeRuneInString(text[s.Start:s.End])
		last, _ := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("segment %d %q is not trimmed", i, text[s.Start:s.End])
		}
		if gap := text[prevEnd:s.Start]; strings.TrimSpace(strings.ToValidUTF8(gap, "x")) != "" {
			t.Fatalf("text %q before segment %d is lost", gap, i)
		}
		prevEnd, prevParagraph = s.End, s.Paragraph
	}
	if rest := text[prevEnd:]; strings.TrimSpace(strings.ToValidUTF8(rest, "x")) != "" {
		t.Fatalf("text %q after the last segment is lost", rest)
	}
}

// gumDocuments reads the GUM news gold sentences, or skips the test when
// they are not there.
func gumDocuments(tb testing.TB) []gumDocument {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "bench", "gum-news", "gum-news-sentences.json"))
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skip("GUM news gold sentences not found: ../shared/bench/gum-news is absent")
	}
	if err != nil {
		tb.Fatal(err)
	}
	var file struct {
		Documents []gumDocument `json:"documents"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		tb.Fatal(err)
	}
	if len(file.Documents) == 0 {
		tb.Fatal("no documents in the GUM file")
	}
	return file.Documents
}

type gumDocument struct {
	ID         string     `json:"id"`
	Paragraphs [][]string `json:"paragraphs"`
}

// text joins the document as its README says: sentences with one space,
// paragraphs with a blank line. It returns the gold sentence ends.
func (d gumDocument) text() (string, []int) {
	var b strings.Builder
	var ends []int
	for i, paragraph := range d.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, sentence := range paragraph {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentence)
			ends = append(ends, b.Len())
		}
	}
	return b.String(), ends
}

// TestSegmentsGUM measures sentence boundaries against the GUM news gold and
// fails below F1 0.98.
func TestSegmentsGUM(t *testing.T) {
	const minF1 = 0.98
	var truePositive, falsePositive, falseNegative int
	for _, doc := range gumDocuments(t) {
		text, gold := doc.text()
		segs := Segments(text)
		checkSegments(t, text, segs)
		got := make([]int, len(segs))
		for i, s := range segs {
			got[i] = s.End
		}
		for _, end := range got {
			if _, ok := slices.BinarySearch(gold, end); ok {
				truePositive++
			} else {
				falsePositive++
				t.Logf("%s: false split  %s", doc.ID, around(text, end))
			}
		}
		for _, end := range gold {
			if _, ok := slices.BinarySearch(got, end); !ok {
				falseNegative++
				t.Logf("%s: missed split %s", doc.ID, around(text, end))
			}
		}
	}
	precision := float64(truePositive) / float64(truePositive+falsePositive)
	recall := float64(truePositive) / float64(truePositive+falseNegative)
	f1 := 2 * precision * recall / (precision + recall)
	t.Logf("GUM news boundaries: precision %.4f, recall %.4f, F1 %.4f (%d right, %d false, %d missed)",
		precision, recall, f1, truePositive, falsePositive, falseNegative)
	if f1 < minF1 {
		t.Errorf("F1 %.4f is below %.2f", f1, minF1)
	}
}

// around shows the text on both sides of offset i.
func around(text string, i int) string {
	lo, hi := max(0, i-40), min(len(text), i+30)
	return strings.ReplaceAll(text[lo:i]+" | "+text[i:hi], "\n", `\n`)
}

// TestSegmentsLinear runs inputs that would take quadratic time in a naive
// splitter; a megabyte must take well under a second.
func TestSegmentsLinear(t *testing.T) {
	const size = 1 << 20
	inputs := map[string]string{
		"no punctuation":      strings.Repeat("word ", size/5),
		"quote marks":         strings.Repeat(`"`, 100_000) + strings.Repeat("a", size-100_000),
		"quotes after a stop": "A" + strings.Repeat(`."`, size/2) + " The end.",
		"periods":             strings.Repeat(".", size),
		"period spaces":       strings.Repeat(". ", size/2),
		"spaces":              "A" + strings.Repeat(" ", size) + "b",
		"abbreviations":       strings.Repeat("U.S. ", size/5),
		"ellipses":            strings.Repeat("... ", size/4),
		"one long word":       strings.Repeat("x", size) + ". Y",
		"blank lines":         strings.Repeat(" \r\n", size/3),
		"labels":              strings.Repeat("Image: ", size/7),
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			segs := Segments(text)
			elapsed := time.Since(start)
			checkSegments(t, text, segs)
			if elapsed > time.Second {
				t.Errorf("Segments took %v on %d bytes", elapsed, len(text))
			}
		})
	}
}

// TestSegmentsAllocs checks that a news article costs one allocation: the
// returned slice.
func TestSegmentsAllocs(t *testing.T) {
	text := strings.Repeat(`Port Authority boss Dominic Arlo said the U.S. crane maker would be paid $1.2 billion `+
		`over ten years. "We condemn the violence at Gate 4," he said after the march on Monday. `+
		"Police held 17 people at 10 a.m. and released nine of them later that night... Talks resume Jan. 5.\n\n", 20)
	allocs := testing.AllocsPerRun(20, func() { Segments(text) })
	if allocs > 1 {
		t.Errorf("Segments made %v allocations, want 1", allocs)
	}
}

// BenchmarkSegments splits the GUM news documents, or generated news-like
// text when they are absent.
func BenchmarkSegments(b *testing.B) {
	var texts []string
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "bench", "gum-news")); err == nil {
		for _, doc := range gumDocuments(b) {
			text, _ := doc.text()
			texts = append(texts, text)
		}
	} else {
		paragraph := `Mr. Arlo said the U.S. firm paid $1.2 billion for 3.5 percent. "We condemn the violence," ` +
			`he said. Police held 17 people at 10 a.m. on Monday... Talks resume Jan. 5 in Washington D.C. ` +
			"The union says the machines will wipe out around 1,100 jobs!\n\n"
		for range 24 {
			texts = append(texts, strings.Repeat(paragraph, 12))
		}
	}
	var size int64
	for _, text := range texts {
		size += int64(len(text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			Segments(text)
		}
	}
}
