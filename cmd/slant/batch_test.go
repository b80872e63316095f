package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/reports"
)

func testBatchOptions(dir string, jobs int) *batchOptions {
	return &batchOptions{dir: dir, jobs: jobs, minSimilarity: compare.DefaultMinSimilarity, maxBytes: compare.DefaultMaxBytes}
}

func testEnv(stdout, stderr *bytes.Buffer) *env {
	return &env{stdout: stdout, stderr: stderr, getenv: func(string) string { return "" }}
}

// decodeBatch decodes JSON Lines of slant batch, failing on anything that
// is not one compact object a line.
func decodeBatch(t *testing.T, data []byte) []batchLine {
	t.Helper()
	var lines []batchLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var l batchLine
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("line %d: %v: %.80q", n, err, sc.Bytes())
		}
		lines = append(lines, l)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		t.Errorf("output does not end with a newline")
	}
	return lines
}

func eventNames(lines []batchLine) []string {
	var names []string
	for _, l := range lines {
		names = append(names, l.Event)
	}
	return names
}

// TestBatchMatchesCompare checks that each event's result is the document
// slant compare --format json writes for its folder.
func TestBatchMatchesCompare(t *testing.T) {
	dir := "../../testdata/events"
	var stdout, stderr bytes.Buffer
	if err := runBatch(context.Background(), testEnv(&stdout, &stderr), testBatchOptions(dir, 2)); err != nil {
		t.Fatal(err)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	lines := decodeBatch(t, stdout.Bytes())
	want := []string{"ashford-derailment-2026", "karvania-ceasefire-2025", "nato-missile-shield-2012", "solvik-port-protest-2026"}
	if got := eventNames(lines); !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	for _, l := range lines {
		if l.Error != "" || l.Result == nil {
			t.Fatalf("%s: error %q", l.Event, l.Error)
		}
		var out bytes.Buffer
		opts := &compareOptions{inputs: []string{dir + "/" + l.Event}, format: "json", color: "never",
			minSimilarity: compare.DefaultMinSimilarity, maxBytes: compare.DefaultMaxBytes}
		if err := runCompare(context.Background(), testEnv(&out, &bytes.Buffer{}), opts); err != nil {
			t.Fatal(err)
		}
		var doc reports.Document
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(l.Result, &doc) {
			t.Errorf("%s: batch result differs from slant compare's", l.Event)
		}
	}
}

// TestBatchLineLikeEncoder checks the bytes of a batch line, whose
// document is appended by its own writer, against encoding/json's line for
// the same batchLine; names with characters JSON escapes included.
func TestBatchLineLikeEncoder(t *testing.T) {
	ev, err := compare.Load(context.Background(), []string{"../../testdata/events/solvik-port-protest-2026"}, compare.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := compare.Compare(ev, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := reports.NewDocument(res)
	for _, c := range []struct {
		name    string
		doc     *reports.Document
		failure error
	}{
		{"solvik", doc, nil},
		{"a & b <c> \"d\" \u2028", doc, nil},
		{"broken", nil, errors.New("slant: no article text")},
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		line := batchLine{Event: c.name, Result: c.doc}
		if c.failure != nil {
			line.Error = c.failure.Error()
		}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
		if got := encodeBatchLine(c.name, c.doc, c.failure); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%q: line differs from encoding/json's:\n got %.200s\nwant %.200s", c.name, got, want.Bytes())
		}
	}
}

// writeEvent writes an event folder of two small articles that name their
// event's number, so a result can be told from another event's.
func writeEvent(t *testing.T, dir, name string, n int) {
	t.Helper()
	articles := map[string]string{
		"wire.txt": fmt.Sprintf("Tram line %d reopens\n\nThe tram line %d in Orbury reopened on Monday after a closure of three weeks.\n\n"+
			"The transport office said %d,000 people ride the line each day.\n", n, n, n),
		"ledger.txt": fmt.Sprintf("Trams back on line %d\n\nTrams on line %d in Orbury returned on Monday after three weeks of repairs.\n\n"+
			"Officials said about %d,000 passengers use the line daily.\n", n, n, n),
	}
	for file, text := range articles {
		path := filepath.Join(dir, name, file)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBatchManyEventsInOrder runs 30 events, created out of order, with
// four workers: the lines come out sorted by folder, each with its own
// event's result, and the bytes do not depend on the number of workers.
func TestBatchManyEventsInOrder(t *testing.T) {
	dir := t.TempDir()
	const n = 30
	var want []string
	for i := n - 1; i >= 0; i-- {
		writeEvent(t, dir, fmt.Sprintf("event-%02d", i), i+1)
	}
	for i := range n {
		want = append(want, fmt.Sprintf("event-%02d", i))
	}
	var stdout, stderr bytes.Buffer
	if err := runBatch(context.Background(), testEnv(&stdout, &stderr), testBatchOptions(dir, 4)); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	lines := decodeBatch(t, stdout.Bytes())
	if got := eventNames(lines); !slices.Equal(got, want) {
		t.Fatalf("events in order %v, want %v", got, want)
	}
	for i, l := range lines {
		if l.Result == nil || len(l.Result.Outlets) != 2 {
			t.Fatalf("%s: no result of two outlets (error %q)", l.Event, l.Error)
		}
		headline := fmt.Sprintf("Tram line %d reopens", i+1)
		if h := l.Result.Outlets[1].Headline; h != headline {
			t.Errorf("%s: headline %q, want %q: a result landed on the wrong line", l.Event, h, headline)
		}
	}
	var serial bytes.Buffer
	if err := runBatch(context.Background(), testEnv(&serial, &stderr), testBatchOptions(dir, 1)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(serial.Bytes(), stdout.Bytes()) {
		t.Errorf("-j 1 and -j 4 differ")
	}
}

// makeEventDirs makes n empty event folders e00, e01, ... for tests that
// replace the comparison.
func makeEventDirs(t *testing.T, n int) (string, []string) {
	dir := t.TempDir()
	var names []string
	for i := range n {
		name := fmt.Sprintf("e%03d", i)
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return dir, names
}

func fakeDocument(dir string) *reports.Document {
	return &reports.Document{SchemaVersion: compare.SchemaVersion, Reference: filepath.Base(dir)}
}

// lineWriter is a stdout that counts complete lines as they are written.
type lineWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	lines atomic.Int64
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.lines.Add(int64(bytes.Count(p, []byte("\n"))))
	return w.buf.Write(p)
}

func (w *lineWriter) bytes() []byte {
	w.mu.Lock()
	defer w.mu.Unlock()
	return bytes.Clone(w.buf.Bytes())
}

func waitFor(t *testing.T, what string, cond func() bool) bool {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Errorf("timed out waiting for %s", what)
			return false
		}
		time.Sleep(time.Millisecond)
	}
	return true
}

// TestBatchStreamsInOrder makes events finish out of order: the first
// event waits until the others have finished, and a later one waits until
// the lines before it are on stdout, which only happens if lines are
// written as soon as they are next in order, not held to the end.
func TestBatchStreamsInOrder(t *testing.T) {
	dir, names := makeEventDirs(t, 12)
	var finished atomic.Int64
	out := &lineWriter{}
	opts := testBatchOptions(dir, 4)
	opts.runEvent = func(ctx context.Context, dir string) (*reports.Document, error) {
		defer finished.Add(1)
		switch filepath.Base(dir) {
		case "e000":
			if !waitFor(t, "three other events to finish", func() bool { return finished.Load() >= 3 }) {
				return nil, errors.New("gave up")
			}
		case "e008":
			if !waitFor(t, "lines e000 to e007 on stdout", func() bool { return out.lines.Load() >= 8 }) {
				return nil, errors.New("gave up")
			}
		}
		return fakeDocument(dir), nil
	}
	e := &env{stdout: out, stderr: &bytes.Buffer{}, getenv: func(string) string { return "" }}
	if err := runBatch(context.Background(), e, opts); err != nil {
		t.Fatal(err)
	}
	lines := decodeBatch(t, out.bytes())
	if got := eventNames(lines); !slices.Equal(got, names) {
		t.Errorf("events %v, want %v", got, names)
	}
	for _, l := range lines {
		if l.Result == nil || l.Result.Reference != l.Event {
			t.Errorf("%s: wrong or no result %+v", l.Event, l.Result)
		}
	}
}

// TestBatchBoundsEventsAhead checks that while the first event is still
// running, no more than aheadLimit events are started, so finished results
// waiting for their turn cannot pile up without bound.
func TestBatchBoundsEventsAhead(t *testing.T) {
	const jobs = 4
	dir, names := makeEventDirs(t, 10*aheadLimit(jobs))
	release := make(chan struct{})
	var started atomic.Int64
	out := &lineWriter{}
	opts := testBatchOptions(dir, jobs)
	opts.runEvent = func(ctx context.Context, dir string) (*reports.Document, error) {
		started.Add(1)
		if filepath.Base(dir) == "e000" {
			<-release
		}
		return fakeDocument(dir), nil
	}
	e := &env{stdout: out, stderr: &bytes.Buffer{}, getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() { done <- runBatch(context.Background(), e, opts) }()

	limit := int64(aheadLimit(jobs))
	waitFor(t, "the events allowed ahead to start", func() bool { return started.Load() >= limit })
	time.Sleep(50 * time.Millisecond)
	if got := started.Load(); got != limit {
		t.Errorf("%d events started while the first was running, want %d", got, limit)
	}
	if n := out.lines.Load(); n != 0 {
		t.Errorf("%d lines written before the first event finished", n)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := eventNames(decodeBatch(t, out.bytes())); !slices.Equal(got, names) {
		t.Errorf("events %v, want %v", got, names)
	}
}

// TestBatchInterruptThenResume cancels a run part way: the events finished
// are written, in order, to the output file; the error says how many did
// not run; a resumed run runs exactly those.
func TestBatchInterruptThenResume(t *testing.T) {
	dir, names := makeEventDirs(t, 20)
	out := filepath.Join(t.TempDir(), "events.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := testBatchOptions(dir, 1)
	opts.output = out
	opts.runEvent = func(_ context.Context, dir string) (*reports.Document, error) {
		if filepath.Base(dir) == "e007" {
			cancel() // as Ctrl-C would, while e007 runs
		}
		return fakeDocument(dir), nil
	}
	var stdout, stderr bytes.Buffer
	err := runBatch(ctx, testEnv(&stdout, &stderr), opts)
	want := "interrupted: 12 of 20 events not run; run again with --resume to finish"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if status := report(&bytes.Buffer{}, err); status != exitFailure {
		t.Errorf("exit status %d, want %d", status, exitFailure)
	}
	first, readErr := os.ReadFile(out)
	if readErr != nil {
		t.Fatal(readErr)
	}
	if got := eventNames(decodeBatch(t, first)); !slices.Equal(got, names[:8]) {
		t.Fatalf("interrupted run wrote %v, want %v", got, names[:8])
	}

	var ran []string
	opts.resume = true
	opts.runEvent = func(_ context.Context, dir string) (*reports.Document, error) {
		ran = append(ran, filepath.Base(dir)) // one worker: no race
		return fakeDocument(dir), nil
	}
	if err := runBatch(context.Background(), testEnv(&stdout, &stderr), opts); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ran, names[8:]) {
		t.Errorf("resumed run ran %v, want %v", ran, names[8:])
	}
	final, _ := os.ReadFile(out)
	if got := eventNames(decodeBatch(t, final)); !slices.Equal(got, names) {
		t.Errorf("resumed file holds %v, want %v", got, names)
	}
	if !bytes.HasPrefix(final, first) {
		t.Errorf("the lines kept from the first run changed")
	}
	if stdout.Len() != 0 || stderr.Len() != 0 {
		t.Errorf("stdout %q, stderr %q; want both empty", stdout.String(), stderr.String())
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("output folder holds %d entries, want the output file only", len(entries))
	}
}

// TestBatchPanicIsOneFailedEvent checks that a bug hit by one event is
// that event's error line, the others still run, and the exit status says
// slant failed rather than the input was bad.
func TestBatchPanicIsOneFailedEvent(t *testing.T) {
	dir, names := makeEventDirs(t, 3)
	opts := testBatchOptions(dir, 2)
	opts.runEvent = func(_ context.Context, dir string) (*reports.Document, error) {
		if filepath.Base(dir) == "e001" {
			panic("index out of range")
		}
		return fakeDocument(dir), nil
	}
	var stdout, stderr bytes.Buffer
	err := runBatch(context.Background(), testEnv(&stdout, &stderr), opts)
	if err == nil || report(&bytes.Buffer{}, err) != exitFailure {
		t.Fatalf("err = %v, want an internal failure (exit 1)", err)
	}
	lines := decodeBatch(t, stdout.Bytes())
	if got := eventNames(lines); !slices.Equal(got, names) {
		t.Fatalf("events %v, want %v", got, names)
	}
	if lines[1].Error != "internal error: index out of range" || lines[0].Result == nil || lines[2].Result == nil {
		t.Errorf("lines %+v", lines)
	}
	if want := "slant: e001: internal error: index out of range\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}

// TestBatchProgressBar checks that the progress bar counts events on
// stderr and leaves the output alone.
func TestBatchProgressBar(t *testing.T) {
	dir, _ := makeEventDirs(t, 3)
	opts := testBatchOptions(dir, 2)
	opts.runEvent = func(_ context.Context, dir string) (*reports.Document, error) { return fakeDocument(dir), nil }
	var plain, plainErr bytes.Buffer
	if err := runBatch(context.Background(), testEnv(&plain, &plainErr), opts); err != nil {
		t.Fatal(err)
	}
	if plainErr.Len() != 0 {
		t.Errorf("without a terminal, stderr holds %q", plainErr.String())
	}
	opts.progress = true
	var stdout, stderr bytes.Buffer
	if err := runBatch(context.Background(), testEnv(&stdout, &stderr), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "events") || !strings.Contains(stderr.String(), "(3/3)") {
		t.Errorf("stderr %q shows no count of 3 events done", stderr.String())
	}
	if !bytes.Equal(stdout.Bytes(), plain.Bytes()) {
		t.Errorf("the progress bar changed stdout")
	}
}

// TestReadPreviousRun checks which lines of an earlier output --resume
// keeps, which it drops with a warning, and which stop it.
func TestReadPreviousRun(t *testing.T) {
	ok := func(name, marker string) string {
		return fmt.Sprintf(`{"event":%q,"result":{"marker":%q}}`, name, marker)
	}
	failed := func(name string) string { return fmt.Sprintf(`{"event":%q,"error":"bad"}`, name) }
	tests := []struct {
		name    string
		content string     // "" with missing: no file at all
		missing bool       // the file does not exist
		done    [][]string // event, the line kept
		warn    string
		err     string
	}{
		{name: "no file", missing: true},
		{name: "empty file"},
		{name: "successes kept, failures not",
			content: ok("a", "1") + "\n" + failed("b") + "\n" + ok("c", "3") + "\n",
			done:    [][]string{{"a", ok("a", "1")}, {"c", ok("c", "3")}}},
		{name: "complete last line without a newline",
			content: ok("a", "1") + "\n" + ok("b", "2"),
			done:    [][]string{{"a", ok("a", "1")}, {"b", ok("b", "2")}}},
		{name: "blank lines and CRLF",
			content: "\n" + ok("a", "1") + "\r\n\n   \n" + ok("b", "2") + "\n\n",
			done:    [][]string{{"a", ok("a", "1")}, {"b", ok("b", "2")}}},
		{name: "first of two lines for one event",
			content: ok("a", "first") + "\n" + ok("a", "second") + "\n",
			done:    [][]string{{"a", ok("a", "first")}}},
		{name: "cut last line dropped",
			content: ok("a", "1") + "\n" + `{"event":"b","res`,
			done:    [][]string{{"a", ok("a", "1")}},
			warn:    "out.jsonl:2: dropping an incomplete last line (left by an interrupted run?)"},
		{name: "cut last line before blank lines",
			content: ok("a", "1") + "\n" + `{"event":"b","res` + "\n\n",
			done:    [][]string{{"a", ok("a", "1")}},
			warn:    "out.jsonl:2: dropping an incomplete last line (left by an interrupted run?)"},
		{name: "not batch output at all",
			content: "my notes\n",
			err:     "out.jsonl:1: not a line of slant batch output, and no line before it is"},
		{name: "only a cut line",
			content: `{"event":"a","res`,
			err:     "out.jsonl:1: not a line of slant batch output, and no line before it is"},
		{name: "garbled line before others",
			content: `{"event":"a"` + "\n" + ok("b", "2") + "\n",
			err:     "out.jsonl:1: not a line of slant batch output: unexpected end of JSON input"},
		{name: "result that is not an object",
			content: `{"event":"a","result":null}` + "\n" + ok("b", "2") + "\n",
			err:     `out.jsonl:1: not a line of slant batch output: neither "result" nor "error"`},
		{name: "event that is not a string",
			content: `{"event":7,"result":{}}` + "\n" + ok("b", "2") + "\n",
			err:     `out.jsonl:1: not a line of slant batch output: no "event" name`},
		{name: "array instead of object",
			content: `["a"]` + "\n" + ok("b", "2") + "\n",
			err:     "out.jsonl:1: not a line of slant batch output: json: cannot unmarshal array"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if !tc.missing {
				if err := os.WriteFile("out.jsonl", []byte(tc.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var warnings []string
			p, err := readPreviousRun("out.jsonl", func(msg string) { warnings = append(warnings, msg) })
			if tc.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				if report(&bytes.Buffer{}, err) != exitBadUse {
					t.Errorf("exit status for %v is not %d", err, exitBadUse)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.file != nil {
				defer p.file.Close()
			}
			var wantWarn []string
			if tc.warn != "" {
				wantWarn = []string{tc.warn}
			}
			if !slices.Equal(warnings, wantWarn) {
				t.Errorf("warnings %q, want %q", warnings, wantWarn)
			}
			got := map[string]string{}
			for name, span := range p.done {
				var b bytes.Buffer
				if err := p.copyLine(&b, span); err != nil {
					t.Fatal(err)
				}
				got[name] = b.String()
			}
			want := map[string]string{}
			for _, d := range tc.done {
				want[d[0]] = d[1] + "\n"
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("kept %q, want %q", got, want)
			}
		})
	}
}
