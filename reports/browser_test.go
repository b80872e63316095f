package reports

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var screenshotDocs = flag.Bool("screenshot-docs", false,
	"write the top of the NATO event's HTML report, as the browser shows it, to ../docs/report-nato.png")

const (
	// browserWidth and browserHeight are the window and viewport size, in
	// CSS pixels at a device scale of 1.
	browserWidth, browserHeight = 1400, 1000
	// narrowWidth is a phone's viewport width, in CSS pixels.
	narrowWidth = 400
	// browserTimeout bounds the whole test: starting the browser and
	// checking every event, which takes a few seconds, and over 30 on a
	// machine busy with other work (seen in a CI run).
	browserTimeout = 3 * time.Minute
	docsEvent      = "nato-missile-shield-2012"
	docsScreenshot = "../docs/report-nato.png"
)

// errNoBrowser says that no browser binary was found at all.
var errNoBrowser = errors.New("no chromium on PATH; install Debian's chromium package or set CHROME_PATH")

// findBrowser returns the browser to run: $CHROME_PATH when set, else the
// first of chromium, chromium-browser and google-chrome on PATH.
func findBrowser() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("CHROME_PATH=%q: %w", p, err)
		}
		return found, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errNoBrowser
}

// lockedBuffer collects the browser's output, which arrives while the test
// runs.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// pageLog is what a tab reported while the test looked at it: console
// errors, uncaught exceptions and error log entries, and every request.
type pageLog struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

// listen records the tab's events. It runs in the loop that reads the
// browser's messages, so it only appends.
func (l *pageLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var args []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			l.errors = append(l.errors, "console.error: "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		l.errors = append(l.errors, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			l.errors = append(l.errors, fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		l.requests = append(l.requests, ev.Request.URL)
	}
}

func (l *pageLog) snapshot() (errs, requests []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.errors...), append([]string(nil), l.requests...)
}

// flagStyle is a flagged span's ::after box as the browser computes it.
type flagStyle struct {
	Content    string `json:"content"`
	Display    string `json:"display"`
	Visibility string `json:"visibility"`
	Opacity    string `json:"opacity"`
	Width      string `json:"width"`
	Focused    bool   `json:"focused"`
}

func (s flagStyle) hidden() bool {
	return s.Display == "none" || s.Visibility == "hidden" || s.Opacity == "0"
}

const flagStyleJS = `(() => {
	const el = document.querySelector('span.flag');
	const s = window.getComputedStyle(el, '::after');
	return {content: s.content, display: s.display, visibility: s.visibility,
		opacity: s.opacity, width: s.width, focused: document.activeElement === el};
})()`

// cssString undoes the quoting of a computed CSS string value, such as the
// content of a pseudo-element: "a \"b\"" is a "b".
func cssString(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// firstFlag is the explanation of the first flagged span in the page: the
// headlines come first, then the side-by-side rows.
func firstFlag(rep *Report) *FlagInfo {
	cells := [][]Cell{rep.Headlines}
	for _, r := range rep.Rows {
		cells = append(cells, r.Cells)
	}
	for _, cs := range cells {
		for _, c := range cs {
			for _, sp := range c.Spans {
				if sp.Flag != nil {
					return sp.Flag
				}
			}
		}
	}
	return nil
}

// TestBrowserReport opens every test event's HTML report in a headless
// Chromium and checks what a reader gets: no errors, one row per claim, a
// flagged word's note shown on keyboard focus, the quote matrix's symbols,
// and nothing loaded from the network. It saves a screenshot of each page.
func TestBrowserReport(t *testing.T) {
	browserPath, err := findBrowser()
	switch {
	case err == nil:
	case !errors.Is(err, errNoBrowser):
		t.Fatal(err)
	case os.Getenv("CI") != "":
		t.Fatalf("%v; CI is set, and CI installs the browser, so its absence is a failure", err)
	case *screenshotDocs:
		t.Fatalf("%v; -screenshot-docs needs it", err)
	default:
		t.Skip(err)
	}

	artifacts := os.Getenv("SLANT_TEST_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	} else if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	ctx, cancel := context.WithTimeout(t.Context(), browserTimeout)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserPath),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.WindowSize(browserWidth, browserHeight),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to run as root with its sandbox.
		opts = append(opts, chromedp.NoSandbox)
	}
	var output lockedBuffer
	opts = append(opts, chromedp.CombinedOutput(&output))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	defer func() {
		cancelBrowser()
		cancelAlloc()
		if t.Failed() {
			out := strings.TrimSpace(output.String())
			if len(out) > 4000 {
				out = "..." + out[len(out)-4000:]
			}
			if out != "" {
				t.Logf("browser output:\n%s", out)
			}
		}
	}()
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v", browserPath, err)
	}
	t.Logf("%s started in %v", browserPath, time.Since(start).Round(time.Millisecond))

	docsWritten := false
	for _, dir := range events(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			eventStart := time.Now()
			rep := NewReport(compareEvent(t, dir))
			var b bytes.Buffer
			if err := HTML(&b, rep); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), name+".html")
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			pageURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()

			tab, closeTab := chromedp.NewContext(browser)
			defer closeTab()
			var seen pageLog
			if err := chromedp.Listen(tab, seen.listen); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(tab,
				chromedp.EmulateViewport(browserWidth, browserHeight),
				chromedp.Navigate(pageURL),
			); err != nil {
				t.Fatalf("opening %s: %v", pageURL, err)
			}

			// The screenshots first, so that they show the page as it
			// loads, and exist when a check below fails.
			shot, err := chromedp.Run(tab, chromedp.FullScreenshot(90))
			if err != nil {
				t.Fatalf("full-page screenshot: %v", err)
			}
			shotPath := filepath.Join(artifacts, "report-"+name+".jpg")
			if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", shotPath)
			if *screenshotDocs && name == docsEvent {
				writeDocsScreenshot(t, tab)
				docsWritten = true
			}

			// One side-by-side row per report row.
			rows, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('#side-by-side tr.row').length`))
			if err != nil {
				t.Fatal(err)
			}
			if rows != len(rep.Rows) {
				t.Errorf("%d side-by-side rows in the page, want %d", rows, len(rep.Rows))
			}

			// A flagged word's note is hidden until the word has focus, and
			// then shown.
			if fl := firstFlag(rep); fl == nil {
				n, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('span.flag').length`))
				if err != nil {
					t.Fatal(err)
				}
				if n != 0 {
					t.Errorf("%d flagged words in the page, but the report has none", n)
				}
			} else {
				before, err := chromedp.Run(tab, chromedp.Evaluate[flagStyle](flagStyleJS))
				if err != nil {
					t.Fatal(err)
				}
				if !before.hidden() {
					t.Errorf("the first flag's note is shown before focus: display %s, visibility %s, opacity %s",
						before.Display, before.Visibility, before.Opacity)
				}
				if err := chromedp.Do(tab, chromedp.Focus(chromedp.CSS("span.flag"))); err != nil {
					t.Fatal(err)
				}
				after, err := chromedp.Run(tab, chromedp.Evaluate[flagStyle](flagStyleJS))
				if err != nil {
					t.Fatal(err)
				}
				want := fl.Title()
				switch {
				case !after.Focused:
					t.Error("focusing the first flagged word did not give it focus")
				case after.hidden():
					t.Errorf("the first flag's note is not shown on focus: display %s, visibility %s, opacity %s",
						after.Display, after.Visibility, after.Opacity)
				case !strings.Contains(cssString(after.Content), want):
					t.Errorf("the first flag's note on focus is %s, want it to contain %q", after.Content, want)
				case after.Width == "auto" || strings.HasPrefix(after.Width, "0px"):
					t.Errorf("the first flag's note on focus has width %s", after.Width)
				}
			}

			// The quote matrix: one row per quote, each status cell with
			// its symbol.
			matrix, err := chromedp.Run(tab, chromedp.Evaluate[[][]string](`Array.from(
				document.querySelectorAll('table.quote-matrix tr.quote'),
				tr => Array.from(tr.querySelectorAll('td.status'), td => td.textContent.trim()))`))
			if err != nil {
				t.Fatal(err)
			}
			if len(matrix) != len(rep.Quotes) {
				t.Errorf("%d quote matrix rows, want %d", len(matrix), len(rep.Quotes))
			}
			for i := range min(len(matrix), len(rep.Quotes)) {
				q := rep.Quotes[i]
				if len(matrix[i]) != len(q.Cells) {
					t.Errorf("quote %s: %d status cells, want %d", q.ID, len(matrix[i]), len(q.Cells))
					continue
				}
				for j, c := range q.Cells {
					if want := StatusSymbols[c.Status]; matrix[i][j] != want || want == "" {
						t.Errorf("quote %s %s: symbol %q, want %q for %s", q.ID, c.Outlet, matrix[i][j], want, c.Status)
					}
				}
			}

			// At a phone's width, the wide charts shrink only so far: their
			// 12px labels are drawn at 9px or more (the box scrolls
			// instead), not at half size.
			if err := chromedp.Do(tab, chromedp.EmulateViewport(narrowWidth, browserHeight)); err != nil {
				t.Fatal(err)
			}
			scales, err := chromedp.Run(tab, chromedp.Evaluate[[]float64](`Array.from(
				document.querySelectorAll('figure.chart svg'),
				s => s.getBoundingClientRect().width / s.viewBox.baseVal.width)`))
			if err != nil {
				t.Fatal(err)
			}
			if len(scales) == 0 {
				t.Error("no chart in the page")
			}
			for i, sc := range scales {
				if px := sc * chartFontSize; px < 9 {
					t.Errorf("at %d px wide, chart %d draws its %dpx labels at %.1fpx", narrowWidth, i+1, chartFontSize, px)
				}
			}

			// Read the events last: every event that came before the
			// replies above has been recorded.
			errs, requests := seen.snapshot()
			for _, e := range errs {
				t.Errorf("the page reported an error: %s", e)
			}
			document := false
			for _, r := range requests {
				if r == pageURL {
					document = true
					continue
				}
				t.Errorf("the page loaded %s; it may load only itself", r)
			}
			if !document {
				t.Errorf("no request for the page itself (%s) was seen, so the network was not watched; requests: %q", pageURL, requests)
			}
			t.Logf("checked in %v", time.Since(eventStart).Round(time.Millisecond))
		})
	}
	if *screenshotDocs && !docsWritten {
		t.Errorf("-screenshot-docs: the %s event was not rendered, so %s was not written", docsEvent, docsScreenshot)
	}
	t.Logf("total %v", time.Since(start).Round(time.Millisecond))
}

// writeDocsScreenshot saves the top of the page, one viewport of it, as the
// documentation's picture of the report.
func writeDocsScreenshot(t *testing.T, tab context.Context) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("viewport screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("viewport screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() != browserWidth || b.Dy() != browserHeight {
		t.Fatalf("viewport screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), browserWidth, browserHeight)
	}
	if err := os.WriteFile(docsScreenshot, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("docs screenshot: %s", docsScreenshot)
}
