package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

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
	if status := report(&bytes.Buffer{}, err); status != exitInterrupted {
		t.Errorf("exit status %d, want %d", status, exitInterrupted)
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
		return fmt.Sprintf(`{"event":%q,"result":{"schema_version":%d,"marker":%q}}`, name, compare.SchemaVersion, marker)
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

// TestBatchJobsCapped checks that -j, however large, runs no more workers
// than there are events to run or than maxJobs, scales the memory limit by
// the workers run, and never panics (2^61 once overflowed a channel size).
func TestBatchJobsCapped(t *testing.T) {
	resetGCTuning(t)
	few, _ := makeEventDirs(t, 3)
	many, _ := makeEventDirs(t, maxJobs()+5)
	for _, c := range []struct {
		name    string
		dir     string
		jobs    int
		workers int
	}{
		{"1000 jobs, 3 events", few, 1000, 3},
		{"2^61 jobs, 3 events", few, 1 << 61, 3},
		{"MaxInt jobs, 3 events", few, math.MaxInt, 3},
		{"1000 jobs, more events than maxJobs", many, 1000, maxJobs()},
		{"2 jobs, 3 events", few, 2, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			var running, most atomic.Int64
			opts := testBatchOptions(c.dir, c.jobs)
			opts.runEvent = func(_ context.Context, dir string) (*reports.Document, error) {
				n := running.Add(1)
				defer running.Add(-1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				time.Sleep(2 * time.Millisecond)
				return fakeDocument(dir), nil
			}
			debug.SetMemoryLimit(eventMemory) // as tuneGC leaves it
			var stdout, stderr bytes.Buffer
			if err := runBatch(context.Background(), testEnv(&stdout, &stderr), opts); err != nil {
				t.Fatal(err)
			}
			if m := most.Load(); m > int64(c.workers) {
				t.Errorf("%d events ran at once, want at most %d", m, c.workers)
			}
			if l := debug.SetMemoryLimit(-1); l != int64(c.workers)*eventMemory {
				t.Errorf("memory limit %d MiB, want %d MiB (%d workers)", l>>20, int64(c.workers)*eventMemory>>20, c.workers)
			}
		})
	}
}

// TestBatchInterruptMidFetch interrupts a batch while an event waits on a
// URL, as Ctrl-C does: the fetch fails with the signal as its cause, not
// context.Canceled, yet the event counts as not run and gets no line.
func TestBatchInterruptMidFetch(t *testing.T) {
	url, fetching := hangingServer(t)
	dir := t.TempDir()
	writeEvent(t, dir, "e1", 1)
	writeURLEvent(t, dir, "e2", url)
	out := filepath.Join(t.TempDir(), "events.jsonl")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	go func() {
		<-fetching
		cancel(errors.New("interrupt signal received")) // what signal.NotifyContext gives
	}()
	opts := testBatchOptions(dir, 1)
	opts.output = out
	var stdout, stderr bytes.Buffer
	err := runBatch(ctx, testEnv(&stdout, &stderr), opts)
	want := "interrupted: 1 of 2 events not run; run again with --resume to finish"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	data, _ := os.ReadFile(out)
	lines := decodeBatch(t, data)
	if got := eventNames(lines); !slices.Equal(got, []string{"e1"}) || lines[0].Result == nil {
		t.Errorf("output holds %v (%s), want e1's result alone", got, data)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr %q, want nothing: the event cut short did not fail", stderr.String())
	}
}

// hangingServer starts a web server that answers no request until the
// client gives up or the test ends. A value on fetching says it has had
// its first request.
func hangingServer(t *testing.T) (url string, fetching <-chan struct{}) {
	t.Helper()
	first := make(chan struct{}, 1)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case first <- struct{}{}:
		default:
		}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs before srv.Close
	return srv.URL, first
}

// writeURLEvent writes an event folder whose manifest lists two articles
// at url.
func writeURLEvent(t *testing.T, dir, name, url string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
		t.Fatal(err)
	}
	manifest := fmt.Sprintf("articles:\n  - url: %s/a\n  - url: %s/b\n", url, url)
	if err := os.WriteFile(filepath.Join(dir, name, "event.yaml"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEventName checks the names of event folders in a batch's output:
// valid UTF-8 as it is, anything else escaped, and no two folders alike.
func TestEventName(t *testing.T) {
	tests := []struct{ folder, want string }{
		{"nato-2012", "nato-2012"},
		{"Zürich", "Zürich"},
		{`back\slash`, `back\slash`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"bad\xfebyte", `bad\xfebyte`},
		{`bad\xffbyte`, `bad\\xffbyte`},
		{"a\\b\xc3", `a\\b\xc3`},
		{"\xe2\x82", `\xe2\x82`},
	}
	seen := map[string]string{}
	for _, tc := range tests {
		got := eventName(tc.folder)
		if got != tc.want {
			t.Errorf("eventName(%q) = %q, want %q", tc.folder, got, tc.want)
		}
		if !utf8.ValidString(got) {
			t.Errorf("eventName(%q) = %q, not valid UTF-8", tc.folder, got)
		}
		if other, ok := seen[got]; ok {
			t.Errorf("folders %q and %q are both the event %q", other, tc.folder, got)
		}
		seen[got] = tc.folder
	}
}

// TestWatchInterrupts checks what batch does on signals: the first
// cancels the run with the signal as cause; the second removes the
// temporary output file and ends slant by that signal.
func TestWatchInterrupts(t *testing.T) {
	t.Cleanup(func() {
		tempFiles.Lock()
		tempFiles.stopped = false
		tempFiles.Unlock()
	})
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := createAtomic(out)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new, half written"))
	ctx, cancel := context.WithCancelCause(context.Background())
	c := make(chan os.Signal, 2)
	died := make(chan os.Signal, 1)
	stop := watchInterrupts(c, cancel, func(s os.Signal) { died <- s })
	defer stop()

	c <- os.Interrupt
	<-ctx.Done()
	if cause := context.Cause(ctx); cause == nil || cause.Error() != "interrupt signal received" {
		t.Errorf("cause %v, want the signal", cause)
	}
	if _, err := os.Stat(f.tmp.Name()); err != nil {
		t.Errorf("the first signal removed the temporary file: %v", err)
	}
	c <- syscall.SIGHUP
	select {
	case s := <-died:
		if s != syscall.SIGHUP {
			t.Errorf("died by %v, want SIGHUP", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the second signal did not end slant")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries left, want the old output alone", len(entries))
	}
	if data, _ := os.ReadFile(out); string(data) != "old\n" {
		t.Errorf("output holds %q, want the old file", data)
	}
	if _, err := createAtomic(filepath.Join(dir, "later.jsonl")); err == nil {
		t.Errorf("a temporary file was made after the second signal")
	}
}

// TestBatchInterruptBeforeAnyLine interrupts -o runs before any event has
// finished: the old output, perhaps an earlier run's whole output, stays
// as it was (or no file is made), no temporary file is left, and the
// message says so. Without --resume it does not suggest --resume, which
// would keep the old file's results.
func TestBatchInterruptBeforeAnyLine(t *testing.T) {
	old := `{"event":"e000","result":{"kept":"old"}}` + "\n" + `{"event":"e001","error":"old"}` + "\n"
	oldFailed := `{"event":"e000","error":"old"}` + "\n"
	tests := []struct {
		name   string
		old    string // "" for no file
		resume bool
		want   string
	}{
		{name: "old file kept", old: old,
			want: "interrupted: 3 of 3 events not run; no event had finished, so out.jsonl is left as it was"},
		{name: "no file made",
			want: "interrupted: 3 of 3 events not run; no event had finished, so out.jsonl was not written"},
		{name: "resumed file of failures kept", old: oldFailed, resume: true,
			want: "interrupted: 3 of 3 events not run; no event had finished, so out.jsonl is left as it was; run again with --resume to finish"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir, _ := makeEventDirs(t, 3)
			t.Chdir(t.TempDir())
			if tc.old != "" {
				if err := os.WriteFile("out.jsonl", []byte(tc.old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := testBatchOptions(dir, 1)
			opts.output, opts.resume = "out.jsonl", tc.resume
			opts.runEvent = func(ctx context.Context, dir string) (*reports.Document, error) {
				cancel() // as Ctrl-C would, while the first event runs
				return nil, ctx.Err()
			}
			var stdout, stderr bytes.Buffer
			err := runBatch(ctx, testEnv(&stdout, &stderr), opts)
			data, readErr := os.ReadFile("out.jsonl")
			switch {
			case tc.old == "" && readErr == nil:
				t.Errorf("out.jsonl made, holding %q; want no file", data)
			case tc.old != "" && string(data) != tc.old:
				t.Errorf("out.jsonl holds %q, want the old file %q", data, tc.old)
			}
			if err == nil || err.Error() != tc.want {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
			if status := report(&bytes.Buffer{}, err); status != exitInterrupted {
				t.Errorf("exit status %d, want %d", status, exitInterrupted)
			}
			entries, _ := os.ReadDir(".")
			for _, e := range entries {
				if e.Name() != "out.jsonl" {
					t.Errorf("%s left beside the output", e.Name())
				}
			}
			if stdout.Len() != 0 || stderr.Len() != 0 {
				t.Errorf("stdout %q, stderr %q; want both empty", stdout.String(), stderr.String())
			}
		})
	}
}

// TestEscapeUnprintable checks how names read from the disk are shown on
// standard error: characters a terminal acts on escaped, Go's way, and an
// event name holding them quoted, so that no two names look alike.
func TestEscapeUnprintable(t *testing.T) {
	tests := []struct{ in, escaped, event string }{
		{"nato-2012", "nato-2012", "nato-2012"},
		{"Zürich event", "Zürich event", "Zürich event"},
		{`back\slash`, `back\slash`, `back\slash`},
		{"bad\nname", `bad\nname`, `"bad\nname"`},
		{"esc\x1b[31mred", `esc\x1b[31mred`, `"esc\x1b[31mred"`},
		{"tab\there\r", `tab\there\r`, `"tab\there\r"`},
		{"bidi\u202eevil", `bidi\u202eevil`, `"bidi\u202eevil"`},
		{"del\x7f", `del\x7f`, `"del\x7f"`},
		{"bad\xffbyte", `bad\xffbyte`, `"bad\xffbyte"`},
		{`"quoted"`, `"quoted"`, `"\"quoted\""`},
	}
	for _, tc := range tests {
		if got := escapeUnprintable(tc.in); got != tc.escaped {
			t.Errorf("escapeUnprintable(%q) = %q, want %q", tc.in, got, tc.escaped)
		}
		if got := shownEventName(tc.in); got != tc.event {
			t.Errorf("shownEventName(%q) = %q, want %q", tc.in, got, tc.event)
		}
	}
}
