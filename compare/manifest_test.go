package compare

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/slant-news/slant/internal/didyoumean"
)

// manifestCases are event.yaml files and the problems parseManifest should
// find in them, as "line:col: message", sorted. They also seed FuzzManifest.
var manifestCases = []struct {
	name string
	yaml string
	want []string
}{
	{
		name: "valid",
		yaml: `title: Harbor bridge collapse
date: 2026-02-14
articles:
  - file: river-daily.txt         # relative to the manifest
    outlet: " River Daily "
    published: 2026-02-14T09:00:00Z
  - url: https://example.org/bridge.html
  - file: sub/../harbor-times.md
    published: "2026-02-15"
`,
	},
	{
		name: "unknown keys with did you mean",
		yaml: `titel: Harbor bridge collapse
articles:
  - file: river-daily.txt
    outlte: River Daily
    colour: red
`,
		want: []string{
			`1:1: unknown key "titel" (did you mean "title"?)`,
			`4:5: unknown key "outlte" (did you mean "outlet"?)`,
			`5:5: unknown key "colour" (known: file, url, outlet, published)`,
		},
	},
	{
		name: "every problem at once sorted by position",
		yaml: `date: soon
title: T
articles:
  - outlet: A
    published: nope
  - file: a.txt
    url: https://example.org/a
extra: 1
`,
		want: []string{
			`1:7: date "soon" is not a date (want YYYY-MM-DD)`,
			`4:5: article has neither file: nor url:`,
			`5:16: published "nope" is not a date (want YYYY-MM-DD)`,
			`6:5: article has both file: and url:; give one`,
			`8:1: unknown key "extra" (known: title, date, articles)`,
		},
	},
	{
		name: "no articles key",
		yaml: "title: T\ndate: nope\n",
		want: []string{
			`1:1: no articles: list the articles with file: or url:`,
			`2:7: date "nope" is not a date (want YYYY-MM-DD)`,
		},
	},
	{
		name: "wrong types",
		yaml: `title: [a, b]
date: {year: 2026}
articles:
  - just-a-string
  - file: [a.txt, b.txt]
  - url: https://example.org/a
    outlet: {name: A}
`,
		want: []string{
			`1:8: title: want a single value`,
			`2:7: date: want a single value`,
			`4:5: article: want a mapping with file: or url:`,
			`5:5: article has neither file: nor url:`,
			`5:11: file: want a single value`,
			`7:13: outlet: want a single value`,
		},
	},
	{
		name: "articles is not a list",
		yaml: "articles:\n  file: a.txt\n",
		want: []string{`2:3: articles: want a list of articles`},
	},
	{
		name: "document is not a mapping",
		yaml: "- file: a.txt\n",
		want: []string{`1:1: want a mapping with title, date and articles`},
	},
	{
		name: "bad dates",
		yaml: `date: 2026-02-30x
articles:
  - file: a.txt
    published: 14/02/2026
  - file: b.txt
    published: 2026-13-01
`,
		want: []string{
			`1:7: date "2026-02-30x" is not a date (want YYYY-MM-DD)`,
			`4:16: published "14/02/2026" is not a date (want YYYY-MM-DD)`,
			`6:16: published "2026-13-01" is not a date (want YYYY-MM-DD)`,
		},
	},
	{
		name: "paths that leave the folder",
		yaml: `articles:
  - file: ../other/a.txt
  - file: sub/../../a.txt
  - file: ..
  - file: ./ok.txt
`,
		want: []string{
			`2:11: file "../other/a.txt" leaves the manifest's folder`,
			`3:11: file "sub/../../a.txt" leaves the manifest's folder`,
			`4:11: file ".." leaves the manifest's folder`,
		},
	},
	{
		name: "absolute paths",
		yaml: `articles:
  - file: /etc/passwd
  - file: '\\server\share\a.txt'
`,
		want: []string{
			`2:11: file "/etc/passwd" is absolute: give a path relative to the manifest`,
			`3:11: file "\\\\server\\share\\a.txt" is absolute: give a path relative to the manifest`,
		},
	},
	{
		name: "url that is not http",
		yaml: "articles:\n  - url: ftp://example.org/a.txt\n",
		want: []string{`2:10: url "ftp://example.org/a.txt": want an http:// or https:// address`},
	},
	{
		name: "article listed twice",
		yaml: "articles:\n  - file: a.txt\n  - file: ./sub/../a.txt\n  - url: https://example.org/a\n  - file: b.txt\n  - url: https://example.org/a\n",
		want: []string{
			`3:11: file "./sub/../a.txt" is listed already, on line 2: the article would be compared with itself`,
			`6:5: url "https://example.org/a" is listed already, on line 4: the article would be compared with itself`,
		},
	},
	{
		name: "both file and url",
		yaml: "articles:\n  - file: a.txt\n    url: https://example.org/a\n",
		want: []string{`2:5: article has both file: and url:; give one`},
	},
	{
		name: "neither file nor url",
		yaml: "articles:\n  - outlet: River Daily\n  - {}\n",
		want: []string{
			`2:5: article has neither file: nor url:`,
			`3:5: article has neither file: nor url:`,
		},
	},
	{
		name: "a manifest listed as an article",
		yaml: "articles:\n  - file: a.txt\n  - file: event.yaml\n    outlet: Self Listing Gazette\n  - file: other.yml\n",
		want: []string{
			`3:11: file "event.yaml" is a manifest (.yaml), not an article`,
			`5:11: file "other.yml" is a manifest (.yaml), not an article`,
		},
	},
	{
		name: "a second document",
		yaml: "articles:\n  - file: a.txt\n  - file: b.txt\n---\narticles:\n  - file: c.txt\n",
		want: []string{`5:1: a second YAML document: a manifest is one document, so list every article in the first`},
	},
}

// TestManifestNulls checks that a YAML null is read as a value left out,
// not as the text "null" or "~", and that a quoted "null" is text.
func TestManifestNulls(t *testing.T) {
	// A "---" at the end starts an empty document, which holds nothing.
	m, err := parseManifest("event.yaml", []byte("title: null\ndate: ~\narticles:\n  - file: a.txt\n    outlet: ~\n  - file: b.txt\n    outlet: null\n    published:\n  - file: c.txt\n    outlet: \"Null\"\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "" || m.Date != "" {
		t.Errorf("title, date = %q, %q, want none", m.Title, m.Date)
	}
	var outlets []string
	for _, a := range m.Articles {
		outlets = append(outlets, a.Outlet)
	}
	if want := []string{"", "", "Null"}; !slices.Equal(outlets, want) {
		t.Errorf("outlets %q, want %q", outlets, want)
	}
}

func TestParseManifest(t *testing.T) {
	for _, tc := range manifestCases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := parseManifest("event.yaml", []byte(tc.yaml))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("parseManifest: %v", err)
				}
				checkManifest(t, m)
				return
			}
			var me *ManifestError
			if !errors.As(err, &me) {
				t.Fatalf("parseManifest error = %T %v, want a *ManifestError", err, err)
			}
			if m != nil {
				t.Errorf("parseManifest returned %+v with its error", m)
			}
			if me.File != "event.yaml" {
				t.Errorf("File = %q, want event.yaml", me.File)
			}
			var got []string
			for _, p := range me.Problems {
				got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Column, p.Message))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tc.want)
			}
			// Error gives one "file:line:col: message" line per problem.
			wantMsg := "event.yaml:" + strings.Join(tc.want, "\nevent.yaml:")
			if err.Error() != wantMsg {
				t.Errorf("Error() =\n%s\nwant\n%s", err, wantMsg)
			}
		})
	}
}

func TestParseManifestValid(t *testing.T) {
	m, err := parseManifest("event.yaml", []byte(manifestCases[0].yaml))
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Harbor bridge collapse" || m.Date != "2026-02-14" {
		t.Errorf("title, date = %q, %q", m.Title, m.Date)
	}
	type article struct{ File, URL, Outlet, Published string }
	var got []article
	for _, a := range m.Articles {
		got = append(got, article{a.File, a.URL, a.Outlet, a.Published})
	}
	want := []article{
		{File: "river-daily.txt", Outlet: "River Daily", Published: "2026-02-14"},
		{URL: "https://example.org/bridge.html"},
		{File: "sub/../harbor-times.md", Published: "2026-02-15"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("articles:\n got %+v\nwant %+v", got, want)
	}
}

// TestParseManifestEventFiles reads every event.yaml in the test data.
func TestParseManifestEventFiles(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "events", "*", ManifestName))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no event manifests found: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			m, err := parseManifest(path, data)
			if err != nil {
				t.Fatal(err)
			}
			checkManifest(t, m)
			if m.Title == "" || m.Date == "" || len(m.Articles) < 2 {
				t.Errorf("manifest %+v lacks a title, a date or two articles", m)
			}
			for _, a := range m.Articles {
				if _, err := os.Stat(filepath.Join(filepath.Dir(path), a.File)); err != nil {
					t.Errorf("article %q: %v", a.File, err)
				}
			}
		})
	}
}

func TestParseManifestNotYAML(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // parts of the message after "event.yaml: "
	}{
		{"empty file", "", []string{"empty manifest"}},
		{"only white space", "  \n\n", []string{"empty manifest"}},
		{"only a comment", "# nothing yet\n", []string{"empty manifest"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := parseManifest("event.yaml", []byte(tc.yaml))
			var ie *InputError
			if !errors.As(err, &ie) || ie.Input != "event.yaml" {
				t.Fatalf("parseManifest = %+v, %v; want an InputError for event.yaml", m, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "event.yaml: ") {
				t.Errorf("message %q does not start with the file name", msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not contain %q", msg, w)
				}
			}
		})
	}
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"mapping in a scalar", "title: a\n  b: c\n", "event.yaml:2:1: mapping values are not allowed"},
		{"unclosed flow list", "title: [a\n", "event.yaml:2:1: "},
		{"anchor without a name", "title: x\n&\n", "event.yaml:2:1: did not find expected alphabetic or numeric character"},
		{"anchor after a lone carriage return", "#\r&", "event.yaml:2:1: did not find expected alphabetic or numeric character"},
	} {
		t.Run("syntax error as file:line:col/"+tc.name, func(t *testing.T) {
			_, err := parseManifest("event.yaml", []byte(tc.yaml))
			var me *ManifestError
			if !errors.As(err, &me) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error = %v, want a ManifestError starting %q", err, tc.want)
			}
		})
	}
}

func TestParseManifestDuplicateKeys(t *testing.T) {
	for _, y := range []string{
		"title: A\ntitle: B\narticles:\n  - file: a.txt\n",
		"articles:\n  - file: a.txt\n    file: b.txt\n",
	} {
		if _, err := parseManifest("event.yaml", []byte(y)); err == nil {
			t.Errorf("parseManifest(%q) accepted a key given twice", y)
		}
	}
}

func TestManifestDidYouMean(t *testing.T) {
	tests := []struct{ word, want string }{
		{"titel", ` (did you mean "title"?)`},
		{"Title", ` (did you mean "title"?)`},
		{"artciles", ` (did you mean "articles"?)`},
		{"dates", ` (did you mean "date"?)`},
		{"headline", ` (known: title, date, articles)`},
		{"", ` (known: title, date, articles)`},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := didyoumean.Hint(tc.word, manifestKeys); got != tc.want {
				t.Errorf("didYouMean(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}

// FuzzManifest checks that parseManifest never panics, that its errors are
// InputErrors or ManifestErrors with sorted problems, and that a manifest it
// accepts has exactly one of file and url in every article, a path that
// stays in the folder, an http(s) URL and dates in YYYY-MM-DD form.
func FuzzManifest(f *testing.F) {
	for _, tc := range manifestCases {
		f.Add([]byte(tc.yaml))
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "events", "*", ManifestName))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("title: a\n  b: c\n"))
	f.Add([]byte("articles: &a\n  - file: a.txt\nmore: *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parseManifest("event.yaml", data)
		if err != nil {
			if m != nil {
				t.Fatalf("parseManifest returned %+v with error %v", m, err)
			}
			var me *ManifestError
			var ie *InputError
			switch {
			case errors.As(err, &me):
				if len(me.Problems) == 0 || me.File != "event.yaml" {
					t.Fatalf("ManifestError %+v without problems or file", me)
				}
				for _, p := range me.Problems {
					if p.Line < 1 || p.Line > yamlLines(data)+1 {
						t.Fatalf("problem at line %d of a %d-line file: %s", p.Line, yamlLines(data), p.Message)
					}
				}
				if !slices.IsSortedFunc(me.Problems, func(a, b Problem) int {
					if a.Line != b.Line {
						return a.Line - b.Line
					}
					return a.Column - b.Column
				}) {
					t.Fatalf("problems not sorted by position: %+v", me.Problems)
				}
			case errors.As(err, &ie):
				if ie.Input != "event.yaml" || !strings.HasPrefix(err.Error(), "event.yaml: ") {
					t.Fatalf("InputError %q does not name the manifest", err)
				}
			default:
				t.Fatalf("error %T %v is neither a ManifestError nor an InputError", err, err)
			}
			return
		}
		checkManifest(t, m)
	})
}

// checkManifest asserts what holds for every manifest parseManifest accepts.
func checkManifest(t *testing.T, m *manifest) {
	t.Helper()
	if m == nil {
		t.Fatal("parseManifest returned neither a manifest nor an error")
	}
	if m.Date != "" && normalizeDate(m.Date) != m.Date {
		t.Fatalf("date %q is not YYYY-MM-DD", m.Date)
	}
	for i, a := range m.Articles {
		if (a.File == "") == (a.URL == "") {
			t.Fatalf("article %d %+v: want exactly one of file and url", i, a)
		}
		if a.File != "" && checkRelativePath(a.File) != "" {
			t.Fatalf("article %d: file %q leaves the manifest's folder", i, a.File)
		}
		if a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
			t.Fatalf("article %d: url %q is not http(s)", i, a.URL)
		}
		if a.Published != "" && normalizeDate(a.Published) != a.Published {
			t.Fatalf("article %d: published %q is not YYYY-MM-DD", i, a.Published)
		}
		if a.Outlet != strings.TrimSpace(a.Outlet) {
			t.Fatalf("article %d: outlet %q is not trimmed", i, a.Outlet)
		}
	}
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
