package compare

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

const loadArticle = "Harbor bridge collapses after storm\n\n" +
	"The old harbor bridge collapsed on Saturday after a night of storms.\n\n" +
	"City engineers said the span had been closed since Friday evening.\n"

// writeFiles creates files (name -> content) under dir; names may hold "/".
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wantInputError asserts that err is an *InputError whose message names
// input and contains every one of parts.
func wantInputError(t *testing.T, err error, input string, parts ...string) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error = %T %v, want an *InputError", err, err)
	}
	msg := err.Error()
	if ie.Input != input || !strings.HasPrefix(msg, input+": ") {
		t.Errorf("error %q (input %q) does not name the input %q", msg, ie.Input, input)
	}
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("error %q does not mention %q", msg, p)
		}
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"river-daily.txt": loadArticle,
		"harbor.md":       "# " + loadArticle,
		"Notes.TEXT":      loadArticle,
		"wire.json":       loadArticle,
	})
	tests := []struct{ name, kind string }{
		{"river-daily.txt", "text"},
		{"harbor.md", "markdown"},
		{"Notes.TEXT", "text"},
		{"wire.json", "text"}, // named directly, any file is read as text
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			ev, err := Load(context.Background(), []string{path}, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(ev.Documents) != 1 {
				t.Fatalf("%d documents, want 1", len(ev.Documents))
			}
			doc := ev.Documents[0]
			data, _ := os.ReadFile(path)
			if doc.Source != path || doc.Name != strings.TrimSuffix(tc.name, filepath.Ext(tc.name)) ||
				doc.Kind != tc.kind || doc.Text != string(data) {
				t.Errorf("document = %+v, want source %q, name from the file, kind %q, the file's text", doc, path, tc.kind)
			}
			if doc.Outlet != "" || doc.Published != "" || doc.Kept != nil || ev.Title != "" {
				t.Errorf("a plain file gave metadata: %+v, event %q", doc, ev.Title)
			}
		})
	}
}

// TestLoadSniffsPages checks that a file with no article extension (a page
// saved as "story", a shell's <(curl ...)) is read as a page when it looks
// like one, as standard input is, while a known extension is believed.
func TestLoadSniffsPages(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"story":       loadPage,
		"story.saved": "\n  " + loadPage,
		"page.txt":    loadPage,
		"notes":       loadArticle,
	})
	tests := []struct{ name, kind, outlet string }{
		{"story", "html", "River Daily"},
		{"story.saved", "html", "River Daily"},
		{"page.txt", "text", ""}, // the extension says text
		{"notes", "text", ""},
	}
	for _, tc := range tests {
		ev, err := Load(context.Background(), []string{filepath.Join(dir, tc.name)}, LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		doc := ev.Documents[0]
		if doc.Kind != tc.kind || doc.Outlet != tc.outlet {
			t.Errorf("%s: kind %q, outlet %q; want %q, %q", tc.name, doc.Kind, doc.Outlet, tc.kind, tc.outlet)
		}
		if tc.kind == "html" && strings.Contains(doc.Text, "<") {
			t.Errorf("%s: the page's text holds markup: %q", tc.name, doc.Text)
		}
	}
}

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b-wire.txt":          loadArticle,
		"a-herald.md":         loadArticle,
		"c-voice.HTML":        "<html><body><p>" + loadArticle + "</p></body></html>",
		"notes.json":          `{"not": "an article"}`,
		"README":              "not an article",
		"photo.png":           "\x89PNG\r\n\x1a\n\x00\x00",
		".hidden.txt":         "\x00 hidden files are skipped",
		"sub/d-inner.txt":     loadArticle,
		"event.yaml.bak/x.md": loadArticle,
	})
	ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ev.Documents {
		got = append(got, filepath.Base(d.Source)+" "+d.Kind)
	}
	want := []string{"a-herald.md markdown", "b-wire.txt text", "c-voice.HTML html"}
	if !slices.Equal(got, want) {
		t.Errorf("documents = %q, want %q", got, want)
	}
	if ev.Title != "" || ev.Date != "" {
		t.Errorf("event %q %q without a manifest", ev.Title, ev.Date)
	}

	t.Run("no articles", func(t *testing.T) {
		empty := t.TempDir()
		writeFiles(t, empty, map[string]string{"notes.json": "{}", "sub/a.txt": loadArticle})
		_, err := Load(context.Background(), []string{empty}, LoadOptions{})
		wantInputError(t, err, empty, "no article files")
	})
	t.Run("a bad file in the directory", func(t *testing.T) {
		bad := t.TempDir()
		writeFiles(t, bad, map[string]string{"a.txt": loadArticle, "b.txt": "  \n"})
		_, err := Load(context.Background(), []string{bad}, LoadOptions{})
		wantInputError(t, err, filepath.Join(bad, "b.txt"), "empty article")
	})
	t.Run("a manifest named event.yml", func(t *testing.T) {
		yml := t.TempDir()
		writeFiles(t, yml, map[string]string{"a.txt": loadArticle, "b.txt": loadArticle,
			"event.yml": "articles:\n  - file: a.txt\n    outlet: River Daily\n  - file: b.txt\n"})
		_, err := Load(context.Background(), []string{yml}, LoadOptions{})
		wantInputError(t, err, yml, "holds event.yml, but a folder's manifest is read only as event.yaml")
		// Named itself, it is read.
		ev, err := Load(context.Background(), []string{filepath.Join(yml, "event.yml")}, LoadOptions{})
		if err != nil || len(ev.Documents) != 2 || ev.Documents[0].Outlet != "River Daily" {
			t.Errorf("event.yml named itself: %v", err)
		}
	})
}

func TestLoadManifest(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		ManifestName: `title: Harbor bridge collapse
date: 2026-02-14
articles:
  - file: z-river.txt
    outlet: River Daily
    published: 2026-02-14T09:00:00Z
  - file: sub/a-times.md
`,
		"z-river.txt":    loadArticle,
		"sub/a-times.md": loadArticle,
		"ignored.txt":    loadArticle, // not in the manifest
	})
	check := func(t *testing.T, ev Event) {
		t.Helper()
		if ev.Title != "Harbor bridge collapse" || ev.Date != "2026-02-14" {
			t.Errorf("event title, date = %q, %q", ev.Title, ev.Date)
		}
		if len(ev.Documents) != 2 {
			t.Fatalf("%d documents, want the manifest's 2", len(ev.Documents))
		}
		river, times := ev.Documents[0], ev.Documents[1]
		if river.Source != filepath.Join(dir, "z-river.txt") || river.Outlet != "River Daily" ||
			river.OutletFrom != "manifest" || river.Published != "2026-02-14" || river.Kind != "text" {
			t.Errorf("first document, in manifest order = %+v", river)
		}
		if times.Source != filepath.Join(dir, "sub", "a-times.md") || times.Outlet != "" ||
			times.Published != "" || times.Kind != "markdown" || times.Name != "a-times" {
			t.Errorf("second document = %+v", times)
		}
	}
	t.Run("directory with event.yaml", func(t *testing.T) {
		ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		check(t, ev)
	})
	t.Run("manifest path", func(t *testing.T) {
		ev, err := Load(context.Background(), []string{filepath.Join(dir, ManifestName)}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		check(t, ev)
	})
	t.Run("manifest with another name", func(t *testing.T) {
		data, _ := os.ReadFile(filepath.Join(dir, ManifestName))
		other := filepath.Join(dir, "bridge.yml")
		if err := os.WriteFile(other, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ev, err := Load(context.Background(), []string{other}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		check(t, ev)
	})
	t.Run("two manifests have no one title", func(t *testing.T) {
		other := t.TempDir()
		writeFiles(t, other, map[string]string{
			ManifestName: "title: Another\narticles:\n  - file: c.txt\n  - file: d.txt\n",
			"c.txt":      loadArticle, "d.txt": loadArticle,
		})
		ev, err := Load(context.Background(), []string{dir, other}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ev.Documents) != 4 || ev.Title != "" || ev.Date != "" {
			t.Errorf("%d documents, title %q, date %q; want 4 and no title or date", len(ev.Documents), ev.Title, ev.Date)
		}
	})
	t.Run("one manifest twice", func(t *testing.T) {
		_, err := Load(context.Background(), []string{dir, filepath.Join(dir, ManifestName)}, LoadOptions{})
		wantInputError(t, err, filepath.Join(dir, "z-river.txt"), "is given twice", "compared with itself")
	})
	t.Run("manifest and a file", func(t *testing.T) {
		ev, err := Load(context.Background(), []string{dir, filepath.Join(dir, "ignored.txt")}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ev.Documents) != 3 || ev.Title != "Harbor bridge collapse" {
			t.Errorf("%d documents, title %q; want 3 and the manifest's title", len(ev.Documents), ev.Title)
		}
	})
	t.Run("missing article", func(t *testing.T) {
		bad := t.TempDir()
		writeFiles(t, bad, map[string]string{ManifestName: "articles:\n  - file: gone.txt\n"})
		_, err := Load(context.Background(), []string{bad}, LoadOptions{})
		wantInputError(t, err, filepath.Join(bad, "gone.txt"), "no such file")
	})
	t.Run("bad manifest", func(t *testing.T) {
		bad := t.TempDir()
		path := filepath.Join(bad, ManifestName)
		writeFiles(t, bad, map[string]string{ManifestName: "titel: x\narticles:\n  - file: ../x.txt\n"})
		_, err := Load(context.Background(), []string{bad}, LoadOptions{})
		var me *ManifestError
		if !errors.As(err, &me) || me.File != path || len(me.Problems) != 2 {
			t.Fatalf("error = %v, want a ManifestError for %s with 2 problems", err, path)
		}
		if !strings.HasPrefix(err.Error(), path+":1:1: ") {
			t.Errorf("error %q does not start with %s:1:1:", err, path)
		}
	})
	t.Run("manifest syntax error", func(t *testing.T) {
		bad := t.TempDir()
		path := filepath.Join(bad, ManifestName)
		writeFiles(t, bad, map[string]string{ManifestName: "title: [x\n"})
		_, err := Load(context.Background(), []string{path}, LoadOptions{})
		var me *ManifestError
		if !errors.As(err, &me) || !strings.HasPrefix(err.Error(), path+":2:1: ") {
			t.Errorf("error = %v, want a ManifestError at %s:2:1 (the line after the unclosed list)", err, path)
		}
	})
	t.Run("empty manifest", func(t *testing.T) {
		bad := t.TempDir()
		path := filepath.Join(bad, ManifestName)
		writeFiles(t, bad, map[string]string{ManifestName: ""})
		_, err := Load(context.Background(), []string{path}, LoadOptions{})
		wantInputError(t, err, path, "empty manifest")
	})
	t.Run("a page's title with the manifest's outlet name", func(t *testing.T) {
		ev := t.TempDir()
		writeFiles(t, ev, map[string]string{
			ManifestName: "articles:\n  - file: b.html\n    outlet: Epsilon Daily\n  - file: a.txt\n",
			"a.txt":      loadArticle,
			"b.html":     "<html><head><title>Bridge shut | Epsilon Daily</title></head><body><p>" + loadArticle + "</p></body></html>",
		})
		got, err := Load(context.Background(), []string{ev}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if h := got.Documents[0].Headline; h != "Bridge shut" {
			t.Errorf("headline %q, want the outlet's name taken off", h)
		}
	})
	t.Run("a page's own name for an outlet the manifest names", func(t *testing.T) {
		ev := t.TempDir()
		page := func(site string) string {
			return `<html><head><meta property="og:site_name" content="` + site + `"><title>Bridge shut</title></head><body><p>` + loadArticle + `</p></body></html>`
		}
		writeFiles(t, ev, map[string]string{
			ManifestName: "articles:\n  - file: b.html\n    outlet: Ostrel Herald\n  - file: c.html\n    outlet: River Echo\n" +
				"  - file: d.html\n  - file: a.txt\n    outlet: Epsilon Daily\n",
			"a.txt":  loadArticle,
			"b.html": page("The Herald of Ostrel"),
			"c.html": page("River Echo"),
			"d.html": page("Delta News"),
		})
		got, err := Load(context.Background(), []string{ev}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range []struct {
			outlet  string
			aliases []string
		}{
			{"Ostrel Herald", []string{"The Herald of Ostrel"}},
			{"River Echo", nil}, // the same name
			{"Delta News", nil}, // no manifest name
			{"Epsilon Daily", nil},
		} {
			d := got.Documents[i]
			if d.Outlet != want.outlet || !slices.Equal(d.Aliases, want.aliases) {
				t.Errorf("%s: outlet %q, aliases %q; want %q, %q", d.Name, d.Outlet, d.Aliases, want.outlet, want.aliases)
			}
		}
	})
}

// TestLoadEvents loads the test data events through their directories.
func TestLoadEvents(t *testing.T) {
	ev, err := Load(context.Background(), []string{filepath.Join("..", "testdata", "events", "karvania-ceasefire-2025")}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ev.Title != "Karvania ceasefire signed in Dorvik" || ev.Date != "2025-10-14" || len(ev.Documents) != 4 {
		t.Fatalf("event %q %q with %d documents", ev.Title, ev.Date, len(ev.Documents))
	}
	hv := ev.Documents[2]
	if hv.Kind != "html" || hv.Outlet != "Highland Voice" || hv.OutletFrom != "html" || hv.Published != "2025-10-15" ||
		!strings.HasPrefix(hv.Headline, "Highland freedom fighters win 60-day truce") {
		t.Errorf("HTML document: kind %q outlet %q from %q published %q headline %q",
			hv.Kind, hv.Outlet, hv.OutletFrom, hv.Published, hv.Headline)
	}
	checkKept(t, hv, []string{"Rebels of the Free Highlands Front"}, []string{"Support our reporting", "Related stories"})
}

func TestLoadStdin(t *testing.T) {
	t.Run("text", func(t *testing.T) {
		ev, err := Load(context.Background(), []string{"-"}, LoadOptions{Stdin: strings.NewReader(loadArticle)})
		if err != nil {
			t.Fatal(err)
		}
		doc := ev.Documents[0]
		if doc.Source != "standard input" || doc.Name != "stdin" || doc.Kind != "text" || doc.Text != loadArticle {
			t.Errorf("document = %+v", doc)
		}
	})
	t.Run("html is recognised", func(t *testing.T) {
		page := "  <!DOCTYPE html><html><body><p>The old harbor bridge collapsed.</p></body></html>"
		ev, err := Load(context.Background(), []string{"-"}, LoadOptions{Stdin: strings.NewReader(page)})
		if err != nil {
			t.Fatal(err)
		}
		if doc := ev.Documents[0]; doc.Kind != "html" || doc.Text != "The old harbor bridge collapsed." {
			t.Errorf("document kind %q text %q", doc.Kind, doc.Text)
		}
	})
	t.Run("no stdin", func(t *testing.T) {
		_, err := Load(context.Background(), []string{"-"}, LoadOptions{})
		wantInputError(t, err, "-", "standard input")
	})
	t.Run("empty", func(t *testing.T) {
		_, err := Load(context.Background(), []string{"-"}, LoadOptions{Stdin: strings.NewReader("\n \n")})
		wantInputError(t, err, "standard input", "empty article")
	})
	t.Run("too large", func(t *testing.T) {
		_, err := Load(context.Background(), []string{"-"},
			LoadOptions{Stdin: strings.NewReader(strings.Repeat(loadArticle, 20)), MaxBytes: 1024})
		wantInputError(t, err, "standard input", "1 KiB")
	})
	t.Run("read error", func(t *testing.T) {
		_, err := Load(context.Background(), []string{"-"}, LoadOptions{Stdin: io.MultiReader(
			strings.NewReader(loadArticle), errReader{errors.New("device gone")})})
		wantInputError(t, err, "standard input", "device gone")
	})
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = []byte{0xFE, 0xFF}
	} else {
		b = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestLoadEncodings(t *testing.T) {
	text := "Brücke „eingestürzt“ — 😀 harbor bridge collapsed.\r\n"
	tests := []struct {
		name     string
		data     []byte
		maxBytes int64
		want     string   // the text loaded, when it loads
		errParts []string // what the error says, when it does not
	}{
		{name: "utf-8", data: []byte(text), want: text},
		{name: "utf-8 bom stripped", data: append([]byte{0xEF, 0xBB, 0xBF}, text...), want: text},
		{name: "utf-16le bom", data: utf16Bytes(text, false), want: text},
		{name: "utf-16be bom", data: utf16Bytes(text, true), want: text},
		{name: "utf-16 odd length", data: append(utf16Bytes(text, false), 'x'), errParts: []string{"UTF-16", "odd"}},
		{name: "utf-16 nul", data: utf16Bytes("bridge\x00collapsed", true), errParts: []string{"binary", "NUL"}},
		{name: "nul bytes", data: []byte("The bridge\x00collapsed."), errParts: []string{"binary", "NUL"}},
		{name: "png", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), errParts: []string{"NUL"}},
		{name: "invalid utf-8", data: []byte("Br\xfccke collapsed."), errParts: []string{"not valid UTF-8"}},
		{name: "latin-1 text", data: []byte("caf\xe9 on the quay"), errParts: []string{"UTF-8"}},
		{name: "empty", data: nil, errParts: []string{"empty article"}},
		{name: "white space only", data: []byte(" \t\r\n\n\u00a0\u2003\n"), errParts: []string{"empty article"}},
		{name: "bom only", data: []byte{0xEF, 0xBB, 0xBF}, errParts: []string{"empty article"}},
		{name: "utf-16 bom only", data: []byte{0xFF, 0xFE}, errParts: []string{"empty article"}},
		{name: "at the limit", data: []byte(strings.Repeat("a", 100)), maxBytes: 100, want: strings.Repeat("a", 100)},
		{name: "over the limit", data: []byte(strings.Repeat("a", 101)), maxBytes: 100,
			errParts: []string{"larger than the limit of 100 bytes", "--max-bytes"}},
		{name: "over a KiB limit", data: []byte(strings.Repeat("a", 4097)), maxBytes: 4 << 10,
			errParts: []string{"limit of 4 KiB"}},
		{name: "over a MiB limit", data: []byte(strings.Repeat("a", 1<<20+1)), maxBytes: 1 << 20,
			errParts: []string{"limit of 1 MiB"}},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".txt")
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			ev, err := Load(context.Background(), []string{path}, LoadOptions{MaxBytes: tc.maxBytes})
			if tc.errParts != nil {
				wantInputError(t, err, path, tc.errParts...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ev.Documents[0].Text; got != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gone.txt")
	_, err := Load(context.Background(), []string{path}, LoadOptions{})
	wantInputError(t, err, path, "no such file or directory")

	t.Run("unreadable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads every file")
		}
		locked := filepath.Join(dir, "locked.txt")
		writeFiles(t, dir, map[string]string{"locked.txt": loadArticle})
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		_, err := Load(context.Background(), []string{locked}, LoadOptions{})
		wantInputError(t, err, locked, "permission denied")
	})
}

// loadPage is an HTML page with navigation, a share bar, related links and a
// footer around a story.
const loadPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Bridge falls | River Daily</title>
  <meta property="og:site_name" content="River Daily">
  <meta property="og:title" content="Harbor bridge collapses after storm">
  <meta property="article:published_time" content="2026-02-14T09:30:00Z">
  <script>var tracking = "Share | Email | Print";</script>
</head>
<body>
  <header><a href="/">River Daily</a></header>
  <nav><ul>
    <li><a href="/">Home</a></li>
    <li><a href="/city">City news and council meetings</a></li>
    <li><a href="/sport">Sport</a></li>
  </ul></nav>
  <main>
    <article>
      <h1>Harbor bridge collapses after storm</h1>
      <p>The old harbor bridge collapsed on Saturday after a night of storms that flooded the lower town and closed the coast road for several hours.</p>
      <p>City engineers said the span had been closed since Friday evening, when inspectors found cracks in two of its piers and warned the council that it could fail at any time.</p>
      <p>"We were lucky that nobody was on it," said Mayor Ines Varga, who visited the site on Saturday morning with the fire service and the harbor master.</p>
      <p>The council will meet on Monday to discuss a temporary ferry service for the people of the lower town, who now face a long detour to reach the city centre.</p>
      <p>Work on a new bridge could start next year, the mayor said, although the money for it has not yet been found and the regional government has made no promises.</p>
    </article>
  </main>
  <footer><p>Contact the newsroom</p><p>Terms of use and privacy policy</p></footer>
</body>
</html>`

// checkKept asserts that every one of inside starts a Kept span's text and
// that none of outside lies in a Kept span, though all of it is in Text.
// TestHTMLLineBreaks checks a story whose paragraphs are split by <br>s
// rather than marked up: the extractor makes paragraphs of them (and joins
// their text with no space), and every one is still kept, while the
// page's menu and footer are not.
func TestHTMLLineBreaks(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Dam breaks</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<div class="story">The old dam above the valley broke on Monday night.<br>Three villages were flooded by the morning.<br><br>Rescue crews reached them by boat on Tuesday, officials said.<br><br>The river is expected to fall by the weekend, forecasters said.</div>
<footer>Contact the newsroom | Terms of use</footer>
</body></html>`
	doc, err := newDocument("echo.html", "echo", "html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	checkKept(t, doc, []string{"The old dam above", "Three villages were flooded", "Rescue crews reached", "The river is expected"},
		[]string{"Home | World | Sport", "Contact the newsroom"})
}

func checkKept(t *testing.T, doc Document, inside, outside []string) {
	t.Helper()
	if len(doc.Kept) == 0 {
		t.Fatalf("no Kept spans in %q", doc.Text)
	}
	var kept []string
	prevEnd := 0
	for _, s := range doc.Kept {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(doc.Text) {
			t.Fatalf("Kept span %+v out of order or outside the text", s)
		}
		kept = append(kept, doc.Text[s.Start:s.End])
		prevEnd = s.End
	}
	for _, w := range inside {
		if !slices.ContainsFunc(kept, func(k string) bool { return strings.HasPrefix(k, w) }) {
			t.Errorf("no Kept span starts with %q; kept %q", w, kept)
		}
	}
	for _, w := range outside {
		if !strings.Contains(doc.Text, w) {
			t.Errorf("%q is not in the page text %q", w, doc.Text)
		}
		if slices.ContainsFunc(kept, func(k string) bool { return strings.Contains(k, w) }) {
			t.Errorf("%q is inside a Kept span", w)
		}
	}
}

func TestFetchHTML(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept"), "text/html") || r.Header.Get("User-Agent") == "" {
			http.Error(w, "bad request headers", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, loadPage)
	}))
	defer srv.Close()
	url := srv.URL + "/news/bridge.html?ref=home#top"
	ev, err := Load(context.Background(), []string{url}, LoadOptions{Client: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	doc := ev.Documents[0]
	if doc.Source != url || doc.Name != "127.0.0.1" || doc.Kind != "html" {
		t.Errorf("source %q name %q kind %q", doc.Source, doc.Name, doc.Kind)
	}
	if doc.Outlet != "River Daily" || doc.OutletFrom != "html" {
		t.Errorf("outlet %q from %q, want River Daily from html (og:site_name)", doc.Outlet, doc.OutletFrom)
	}
	if doc.Headline != "Harbor bridge collapses after storm" {
		t.Errorf("headline %q, want og:title", doc.Headline)
	}
	if doc.Published != "2026-02-14" {
		t.Errorf("published %q, want 2026-02-14 from article:published_time", doc.Published)
	}
	if strings.Contains(doc.Text, "tracking") || strings.Contains(doc.Text, "<") {
		t.Errorf("page text holds scripts or tags: %q", doc.Text)
	}
	checkKept(t, doc, []string{"The old harbor bridge collapsed", "Work on a new bridge"},
		[]string{"City news and council meetings", "Contact the newsroom", "Terms of use"})

	a, err := buildArticle(doc)
	if err != nil {
		t.Fatal(err)
	}
	checkArticleSpans(t, a, doc.Kind)
	var extracted []string
	for _, r := range a.Removed {
		if r.Rule == RuleHTMLExtractor {
			extracted = append(extracted, r.Text)
		}
	}
	for _, w := range []string{"City news and council meetings", "Contact the newsroom"} {
		if !slices.Contains(extracted, w) {
			t.Errorf("%q not removed by %s; removed %q", w, RuleHTMLExtractor, removalLines(a.Removed))
		}
	}
	if a.Headline != "Harbor bridge collapses after storm" || len(a.Sentences) != 5 {
		t.Errorf("article headline %q, %d sentences; want the og:title and 5", a.Headline, len(a.Sentences))
	}
}

func TestFetch(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, loadArticle)
	})
	mux.HandleFunc("/markdown", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		io.WriteString(w, loadArticle)
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no sniffing by the server either
		io.WriteString(w, loadPage)
	})
	mux.HandleFunc("/page-as-text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, loadPage)
	})
	mux.HandleFunc("/png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><body><script>render()</script></body></html>")
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("text\x00with nul"))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		// /hop/ followed by n x's redirects n+1 times, then serves the
		// article.
		n := len(strings.TrimPrefix(r.URL.Path, "/hop/"))
		if n == 0 {
			http.Redirect(w, r, "/plain", http.StatusMovedPermanently)
			return
		}
		http.Redirect(w, r, "/hop/"+strings.Repeat("x", n-1), http.StatusFound)
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		chunk := bytes.Repeat([]byte("The bridge collapsed. "), 1000)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	slow := make(chan struct{})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-slow:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/brotli", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "br")
		w.Write([]byte("\x1b\x00\x00\x00packed"))
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "The bridge ")
		w.(http.Flusher).Flush()
		select {
		case <-slow:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(slow) // runs before srv.Close, so no handler holds it up

	tests := []struct {
		name     string
		path     string
		opts     LoadOptions
		kind     string   // when it loads
		errParts []string // when it does not
	}{
		{name: "text/plain", path: "/plain", kind: "text"},
		{name: "text/markdown", path: "/markdown", kind: "markdown"},
		{name: "no content type is sniffed", path: "/untyped", kind: "html"},
		{name: "a page served as plain text is a page", path: "/page-as-text", kind: "html"},
		{name: "four redirects followed", path: "/hop/xxx", kind: "text"},
		{name: "five redirects followed", path: "/hop/xxxx", kind: "text"},
		{name: "404", path: "/nowhere", errParts: []string{"fetch failed", "404"}},
		{name: "410", path: "/gone", errParts: []string{"fetch failed", "410 Gone"}},
		{name: "wrong content type", path: "/png", errParts: []string{"not an article", `"image/png"`}},
		{name: "no text in the page", path: "/empty", errParts: []string{"empty article"}},
		{name: "nul bytes", path: "/binary", errParts: []string{"NUL"}},
		{name: "redirect loop", path: "/loop", errParts: []string{"fetch failed", "redirects"}},
		{name: "six redirects refused", path: "/hop/xxxxx", errParts: []string{"redirects"}},
		{name: "slow server", path: "/slow", opts: LoadOptions{Client: NewHTTPClient(200 * time.Millisecond)},
			errParts: []string{"fetch failed", "Timeout"}},
		{name: "slow body", path: "/slow-body", opts: LoadOptions{Client: NewHTTPClient(200 * time.Millisecond)},
			errParts: []string{"fetch failed", "Timeout"}},
		{name: "packed unasked", path: "/brotli", errParts: []string{"fetch failed", `compressed as "br"`}},
		{name: "endless body", path: "/endless", opts: LoadOptions{MaxBytes: 64 << 10},
			errParts: []string{"larger than the limit of 64 KiB"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			url := srv.URL + tc.path
			if tc.opts.Client == nil {
				tc.opts.Client = NewHTTPClient(10 * time.Second)
			}
			start := time.Now()
			ev, err := Load(context.Background(), []string{url}, tc.opts)
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("Load took %v", elapsed)
			}
			if tc.errParts != nil {
				wantInputError(t, err, url, tc.errParts...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc := ev.Documents[0]; doc.Kind != tc.kind || doc.Source != url {
				t.Errorf("document kind %q source %q, want %q %q", doc.Kind, doc.Source, tc.kind, url)
			}
		})
	}

	t.Run("canceled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		url := srv.URL + "/plain"
		_, err := Load(ctx, []string{url}, LoadOptions{})
		wantInputError(t, err, url, "fetch failed", "canceled")
	})
	t.Run("bad url", func(t *testing.T) {
		url := "http://[::1"
		_, err := Load(context.Background(), []string{url}, LoadOptions{})
		wantInputError(t, err, url)
	})
	t.Run("manifest url", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{
			ManifestName: "articles:\n  - url: " + srv.URL + "/plain\n    outlet: Wire\n  - file: a.txt\n",
			"a.txt":      loadArticle,
		})
		ev, err := Load(context.Background(), []string{dir}, LoadOptions{Client: srv.Client()})
		if err != nil {
			t.Fatal(err)
		}
		if len(ev.Documents) != 2 || ev.Documents[0].Source != srv.URL+"/plain" || ev.Documents[0].Outlet != "Wire" {
			t.Errorf("documents %+v", ev.Documents)
		}
	})
	t.Run("a password in the address", func(t *testing.T) {
		secret := strings.Replace(srv.URL, "http://", "http://reader:s3cret@", 1)
		shown := strings.Replace(srv.URL, "http://", "http://reader:xxxxx@", 1)
		ev, err := Load(context.Background(), []string{secret + "/plain"}, LoadOptions{Client: srv.Client()})
		if err != nil {
			t.Fatal(err)
		}
		if src := ev.Documents[0].Source; src != shown+"/plain" {
			t.Errorf("source %q, want the password hidden: %q", src, shown+"/plain")
		}
		_, err = Load(context.Background(), []string{secret + "/gone"}, LoadOptions{Client: srv.Client()})
		if err == nil || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("error %v shows the password", err)
		}
	})
	t.Run("manifest url failing", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{ManifestName: "articles:\n  - url: " + srv.URL + "/png\n"})
		_, err := Load(context.Background(), []string{dir}, LoadOptions{Client: srv.Client()})
		wantInputError(t, err, srv.URL+"/png", "image/png")
	})
}

func TestFetchURLName(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.example.org/news/a.html", "example.org"},
		{"http://example.org", "example.org"},
		{"http://127.0.0.1:8080/a", "127.0.0.1"},
		{"https://user:pw@news.example.org:443/a?b#c", "news.example.org"},
		{"https://example.org?x=1", "example.org"},
		{"https://example.org#top", "example.org"},
		{"http://[::1]:8766/story", "::1"},
		{"https://WWW.Example.org/a", "example.org"},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			if got := urlName(tc.url); got != tc.want {
				t.Errorf("urlName(%q) = %q, want %q", tc.url, got, tc.want)
			}
		})
	}
}

// TestLoadLatin1 checks that a page in another character set, named by the
// server or by the page itself, is converted to UTF-8 rather than refused.
func TestLoadLatin1(t *testing.T) {
	body := []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 closes</title></head><body><article><p>The caf\xe9 on the quay closed on Monday after forty years of service to the town.</p><p>Its owner said the rent had doubled since the harbour was rebuilt last spring.</p></article></body></html>")
	for _, ctype := range []string{"text/html; charset=iso-8859-1", "text/html"} {
		t.Run(ctype, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", ctype)
				w.Write(body)
			}))
			defer srv.Close()
			ev, err := Load(context.Background(), []string{srv.URL + "/cafe"}, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ev.Documents[0].Text, "The café on the quay") {
				t.Errorf("text not converted: %q", ev.Documents[0].Text)
			}
		})
	}
}

// TestOutletFromName checks the display names made from file names,
// written in any script.
func TestOutletFromName(t *testing.T) {
	for name, want := range map[string]string{
		"river-daily":      "River Daily",
		"the_evening.post": "The Evening Post",
		"élan-daily":       "Élan Daily",
		"ежедневник":       "Ежедневник",
		"ñ":                "Ñ",
		"2024":             "2024",
		"--":               "Unknown",
		"\xffbad-name":     "\xffbad Name",
	} {
		if got := outletFromName(name); got != want {
			t.Errorf("outletFromName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestLoadFetchesAtOnce checks that the pages of an event are fetched side
// by side, from the command line and from a manifest, that the documents
// stay in input order, and that the first failing input in that order is
// the one reported even when a later one fails sooner. The server holds
// each request until all of them have arrived: fetched one after another,
// the first would wait until the test's limit.
func TestLoadFetchesAtOnce(t *testing.T) {
	const pages = 4
	var (
		mu      sync.Mutex
		arrived int
		all     = make(chan struct{})
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/fails-at-once" {
			http.Error(w, "gone", http.StatusGone)
			return
		}
		mu.Lock()
		arrived++
		wait := all
		if arrived%pages == 0 {
			close(all)
			all = make(chan struct{})
		}
		mu.Unlock()
		select {
		case <-wait:
		case <-time.After(10 * time.Second):
			http.Error(w, "the other requests never came", http.StatusServiceUnavailable)
			return
		}
		if r.URL.Path == "/fails-late" {
			http.Error(w, "late", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "Page %s. The bridge reopened on Monday after repairs.\n", r.URL.Path)
	}))
	defer srv.Close()
	opts := LoadOptions{Client: srv.Client()}
	var urls []string
	for i := range pages {
		urls = append(urls, fmt.Sprintf("%s/p%d", srv.URL, i))
	}
	checkOrder := func(t *testing.T, ev Event, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if len(ev.Documents) != pages {
			t.Fatalf("%d documents, want %d", len(ev.Documents), pages)
		}
		for i, d := range ev.Documents {
			if d.Source != urls[i] {
				t.Errorf("document %d is %s, want %s", i, d.Source, urls[i])
			}
		}
	}
	t.Run("command line", func(t *testing.T) {
		ev, err := Load(context.Background(), urls, opts)
		checkOrder(t, ev, err)
	})
	t.Run("manifest", func(t *testing.T) {
		dir := t.TempDir()
		var m strings.Builder
		m.WriteString("title: Bridge\ndate: 2026-03-02\narticles:\n")
		for _, u := range urls {
			fmt.Fprintf(&m, "  - url: %s\n", u)
		}
		writeFiles(t, dir, map[string]string{ManifestName: m.String()})
		ev, err := Load(context.Background(), []string{dir}, opts)
		checkOrder(t, ev, err)
	})
	t.Run("first error in order", func(t *testing.T) {
		// The second input fails once all four have arrived; the fourth
		// fails at once, without counting as arrived, so a third page
		// stands in for it.
		in := []string{urls[0], srv.URL + "/fails-late", urls[1], srv.URL + "/fails-at-once", urls[2]}
		_, err := Load(context.Background(), in, opts)
		if err == nil || !strings.Contains(err.Error(), "fails-late") {
			t.Errorf("error %v, want the second input's", err)
		}
	})
}

// TestDropSiteName checks that a page title's site name is taken off its
// headline, before or after it, and that nothing else is.
func TestDropSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Dam breaks upstream | River Echo", "River Echo", "Dam breaks upstream"},
		{"Flood after dam failure - Hill Times", "Hill Times", "Flood after dam failure"},
		{"Dam breaks – RIVER ECHO", "River Echo", "Dam breaks"},
		{"River Echo :: Dam breaks upstream", "River Echo", "Dam breaks upstream"},
		{"Dam breaks - what comes next", "River Echo", "Dam breaks - what comes next"},
		{"River Echo", "River Echo", "River Echo"},
		{"Dam breaks | River Echo | Weather", "River Echo", "Dam breaks | River Echo | Weather"},
	}
	for _, tc := range tests {
		if got := dropSiteName(tc.title, tc.site); got != tc.want {
			t.Errorf("dropSiteName(%q, %q) = %q, want %q", tc.title, tc.site, got, tc.want)
		}
	}
	page := `<!DOCTYPE html><html><head><title>Dam breaks upstream | River Echo</title>
<meta property="og:site_name" content="River Echo"></head><body><article>
<p>The old dam above the valley broke on Monday night, flooding three villages.</p></article></body></html>`
	doc, err := newDocument("echo.html", "echo", "html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Headline != "Dam breaks upstream" || doc.Outlet != "River Echo" {
		t.Errorf("headline %q, outlet %q", doc.Headline, doc.Outlet)
	}
	// A site name that is a paragraph (20 KB of it, on one page seen) names
	// no outlet: the next candidate does.
	long := strings.Replace(page, `content="River Echo"`, `content="`+strings.Repeat("River Echo news and weather ", 700)+`"><meta name="application-name" content="Echo App"`, 1)
	doc, err = newDocument("echo.html", "echo", "html", []byte(long), "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Outlet != "Echo App" {
		t.Errorf("outlet %.40q, want the next name, Echo App", doc.Outlet)
	}
}

// TestTidyText checks what loading does to characters that carry no words
// or that Unicode spells two ways: control characters (an escape sequence
// would reach the terminal through the text report) are dropped, tabs and
// line breaks kept, and decomposed accents composed.
func TestTidyText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text\tand\r\nlines\n", "plain text\tand\r\nlines\n"},
		{"Dam breaks \x1b]0;pwned\x07in Orvale", "Dam breaks in Orvale"},
		{"Dam breaks \x1b]0;pwned\x1b\\in Orvale", "Dam breaks in Orvale"},
		{"night\x1b[2J\x1b[31m, officials said", "night, officials said"},
		{"an escape\x1b at the end\x1b", "an escape at the end"},
		{"an unended \x1b[12;13", "an unended [12;13"},
		{"a\x00b\x01c\x7fd\u0085e\u009bf", "abcdef"},
		{"page one\fpage two\vend", "page one\npage two\nend"},
		{"Cafe\u0301 owner Zoe\u0308", "Café owner Zoë"},
		{"Café owner Zoë", "Café owner Zoë"},
		{"non-breaking\u00a0space and ¢", "non-breaking\u00a0space and ¢"},
		{"re\u00adfloated at dawn\u00ad", "refloated at dawn"},
	} {
		if got := tidyText(tc.in); got != tc.want {
			t.Errorf("tidyText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Through Load: an article typed with combining accents reads as the
	// same words as one typed with composed letters.
	dir := t.TempDir()
	composed := "Café owner wins prize\n\nThe café owner Zoë Brontë won the prize on Friday.\n"
	writeFiles(t, dir, map[string]string{"nfc.txt": composed, "nfd.txt": norm.NFD.String(composed) + "\x1b[2J"})
	ev, err := Load(context.Background(), []string{filepath.Join(dir, "nfc.txt"), filepath.Join(dir, "nfd.txt")}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ev.Documents[0].Text != ev.Documents[1].Text {
		t.Errorf("the two spellings load as %q and %q", ev.Documents[0].Text, ev.Documents[1].Text)
	}
}

// TestLoadGivenTwice checks that an article given twice, however its path
// is written, is refused rather than compared with itself.
func TestLoadGivenTwice(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": loadArticle, "b.txt": loadArticle})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	if err := os.Symlink(a, filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	for _, inputs := range [][]string{
		{a, b, filepath.Join(dir, ".", "a.txt")},
		{a, filepath.Join(dir, "link.md")},
		{dir, b}, // the folder holds b.txt (and a.txt, and the link)
	} {
		_, err := Load(context.Background(), inputs, LoadOptions{})
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), "compared with itself") {
			t.Errorf("Load(%q) = %v, want the article refused as given twice", inputs, err)
		}
	}
	_, err := Load(context.Background(), []string{"-", a, "-"}, LoadOptions{Stdin: strings.NewReader(loadArticle)})
	wantInputError(t, err, "-", "standard input is given twice")
	// Two copies of one text are two files: compared, as two outlets.
	if _, err := Load(context.Background(), []string{a, b}, LoadOptions{}); err != nil {
		t.Errorf("two files of the same text: %v", err)
	}
}

// TestHTMLTablesAndPre checks how a page's tables and preformatted text
// are read: a table row is one block, its cells set apart by " | ", and
// each line of a <pre> is a block of its own, rather than a block per cell
// and one run-together block per <pre>.
func TestHTMLTablesAndPre(t *testing.T) {
	page := `<html><head><title>Bridge cracks</title></head><body><article>
<p>Engineers closed the Harbor Street bridge in Portvale on Tuesday after inspectors found cracks in two support piers.</p>
<table><tr><th>Pier</th><th>Crack length</th></tr><tr><td>North</td><td> 40 cm </td></tr></table>
<pre>Line one of a poem
Line two of the poem</pre>
<p>The city said the bridge would stay shut for at least three weeks while repairs are planned.</p>
</article></body></html>`
	doc, err := newDocument("page.html", "page", "html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(doc.Text, "\n\n")
	for _, want := range []string{"Pier | Crack length", "North | 40 cm", "Line one of a poem", "Line two of the poem"} {
		if !slices.Contains(blocks, want) {
			t.Errorf("no block %q in %q", want, blocks)
		}
	}
}

// TestHTMLLinkedData checks that a page without Open Graph metadata is
// named, titled and dated from its JSON-LD article: in an @graph, with its
// publisher in a list, beside a script that is not JSON.
func TestHTMLLinkedData(t *testing.T) {
	page := `<html><head><title>Bridge shut after cracks found - Eta Wire</title>
<script type="application/ld+json">{not json</script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Eta Wire site"},
 {"@type":["NewsArticle"],"headline":"Bridge shut after cracks found","datePublished":"2026-02-14T08:00:00Z",
  "publisher":[{"@type":"Organization","name":"Eta Wire"}]}]}</script></head>
<body><article><p>Engineers closed the Harbor Street bridge in Portvale on Tuesday after inspectors found cracks in two support piers.</p>
<p>The city said the bridge would stay shut for at least three weeks while repairs are planned.</p></article></body></html>`
	doc, err := newDocument("eta.html", "eta", "html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Outlet != "Eta Wire" || doc.Headline != "Bridge shut after cracks found" || doc.Published != "2026-02-14" {
		t.Errorf("outlet %q, headline %q, published %q; want Eta Wire, the JSON-LD headline and 2026-02-14", doc.Outlet, doc.Headline, doc.Published)
	}
}
