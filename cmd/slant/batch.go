package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
	"github.com/slant-news/slant/reports"
)

// batchOptions are the settings of "slant batch".
type batchOptions struct {
	dir           string
	output        string
	resume        bool
	jobs          int
	minSimilarity float64
	maxBytes      int64
	lexicons      []string
	noDefault     bool
	// progress draws a progress bar on stderr.
	progress bool
	// runEvent compares one event folder; nil means compareEvent. Tests
	// set it to control how long events take and in which order they end.
	runEvent func(ctx context.Context, dir string) (*reports.Document, error)
}

func newBatchCmd(e *env) *cobra.Command {
	opts := &batchOptions{}
	cmd := &cobra.Command{
		Use:   "batch DIR",
		Short: "Compare every event in a folder, one JSON line per event",
		Long: `Batch compares many events at once. Every subfolder of DIR is one event
(hidden folders aside), read as slant compare reads a folder: through its
event.yaml, or every article file inside. A subfolder with neither is a
failed event, not skipped; so is a symbolic link in DIR that cannot be
followed (its target missing, or a loop of links). Files directly in DIR
are not read; when DIR holds an event.yaml or article files of its own,
as a folder for slant compare does, a warning says so.

Events run in parallel; the output is JSON Lines, one line per event in
folder-name order whatever order they finish in:

  {"event":"FOLDER","result":DOCUMENT}
  {"event":"FOLDER","error":"MESSAGE"}

DOCUMENT is what slant compare --format json writes for that folder, on
one line. An event that fails does not stop the others: it gets an error
line, a "slant: FOLDER: ..." line on standard error, and slant exits with
status 2 once every event has run.

FOLDER is the folder's name. A name that is not valid UTF-8 has each
invalid byte written \xHH and each backslash \\ (as has a name holding
\x), so that every folder keeps a name of its own, which --resume finds
again. On standard error, a name holding a newline, an escape or another
character that is not printable is shown quoted, as Go quotes a string
("bad\nname"), and such characters in messages are escaped the same way.

-j sets how many events are compared at a time: one per CPU by default,
never more than there are events to run, nor more than four per CPU
(GOMAXPROCS). An event is mostly computation, so workers beyond the CPUs
add memory (tens of MiB each), not speed; four per CPU leaves room for
events that wait on slow disks or URLs.

With -o, the file is written atomically: a temporary file beside it is
renamed into place at the end. --resume reads that file first, keeps the
events it holds a result for and runs the others again, including those
that failed and, with a warning, those another version of slant wrote in
another schema_version (so the file holds one layout); an incomplete last
line, left by an interrupted run, is dropped with a warning, and a file
with no line of batch output in it is refused rather than written over. The output is never an input: not a
file in an event folder (by any path or link), not a --lexicon file.

On an interrupt (Ctrl-C, SIGTERM or SIGHUP) no new event starts, the
events cut short count as not run, the events already finished are
written, slant exits with status 130, and --resume finishes the rest. If
no event had finished (nor a line been kept by --resume), the -o file is
left as it was, or not created, and the message says so. A second
interrupt ends slant at once, leaving the output as it was.

A progress bar is drawn on standard error when it is a terminal.`,
		Example: `  slant batch events > events.jsonl
  slant batch -j 4 -o events.jsonl events
  slant batch --resume -o events.jsonl events
  slant batch --no-default --lexicon ours.yaml -o events.jsonl events`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("batch needs one DIR, a folder with one subfolder per event (got %d arguments)", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = args[0]
			opts.progress = isTerminal(e.stderr)
			// Ctrl-C stops new events from starting; a second one ends
			// slant at once.
			ctx, cancel := context.WithCancelCause(cmd.Context())
			defer cancel(nil)
			defer notifyInterrupts(cancel)()
			return runBatch(ctx, e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	f.BoolVar(&opts.resume, "resume", false, "with -o, keep the events FILE holds a result for and run only the others")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "compare `N` events at a time (default: one per CPU; at most four per CPU)")
	f.Float64Var(&opts.minSimilarity, "min-similarity", compare.DefaultMinSimilarity, "alignment threshold, above 0 and at most 1: higher aligns fewer, surer pairs")
	f.Int64Var(&opts.maxBytes, "max-bytes", compare.DefaultMaxBytes, "largest article to read, in bytes")
	f.StringArrayVar(&opts.lexicons, "lexicon", nil, "lay the lexicon `FILE` over the built-in one (repeatable)")
	f.BoolVar(&opts.noDefault, "no-default", false, "leave out the built-in lexicon")
	return cmd
}

// interruptSignals are the signals that stop a batch: the first stops new
// events from starting, the second ends slant at once.
var interruptSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// notifyInterrupts cancels a batch with cancel on the first of the
// interruptSignals, and on the second removes the temporary output and
// ends slant by that signal. A signal ignored when slant started (SIGHUP
// under nohup, SIGINT in a background job) stays ignored. The function
// returned stops listening.
func notifyInterrupts(cancel context.CancelCauseFunc) (stop func()) {
	var signals []os.Signal
	for _, s := range interruptSignals {
		if !signal.Ignored(s) {
			signals = append(signals, s)
		}
	}
	c := make(chan os.Signal, 2)
	signal.Notify(c, signals...)
	stopWatch := watchInterrupts(c, cancel, dieBySignal)
	return func() {
		signal.Stop(c)
		stopWatch()
	}
}

// watchInterrupts does the work of notifyInterrupts on the signals c
// receives, with die to end the process.
func watchInterrupts(c <-chan os.Signal, cancel context.CancelCauseFunc, die func(os.Signal)) (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case s := <-c:
			cancel(fmt.Errorf("%v signal received", s))
		case <-done:
			return
		}
		select {
		case s := <-c:
			removeTempFiles()
			die(s)
		case <-done:
		}
	}()
	return func() { close(done) }
}

// dieBySignal ends slant by the signal s, as if it had not been caught,
// so that a shell sees it was interrupted.
func dieBySignal(s os.Signal) {
	signal.Reset(s)
	if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(s) == nil {
		time.Sleep(time.Second) // the signal is on its way
	}
	os.Exit(exitFailure)
}

// isTerminal says whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// batchLine is one line of the output of slant batch.
type batchLine struct {
	Event  string            `json:"event"`
	Result *reports.Document `json:"result,omitempty"`
	Error  string            `json:"error,omitempty"`
}

// batchSlot is one event of a batch, in output order.
type batchSlot struct {
	name   string // the event's name in the output (see eventName)
	folder string // its folder's name in DIR, or "" when it has gone
	// kept, when not nil, is the event's line in the output of an earlier
	// run, copied instead of comparing the event again.
	kept *lineSpan
	// unreadable, when not nil, is why the folder is a symbolic link that
	// cannot be followed: the event fails with it.
	unreadable error
}

// eventOutcome is what a worker reports for one event.
type eventOutcome struct {
	index int
	// started is false for an event not begun because the run was
	// cancelled.
	started bool
	line    []byte // the event's output line, newline included
	err     error  // why the event failed, or nil
}

// maxJobs is the most events compared at a time, whatever -j says: an
// event is mostly computation, so workers beyond the CPUs add memory, not
// speed, and four per CPU leave room for events waiting on slow disks or
// URLs (each of which fetches up to eight articles at once already).
func maxJobs() int { return 4 * runtime.GOMAXPROCS(0) }

// batchWorkers is how many workers compare toRun events when -j asks for
// jobs: no more than there are events to run, nor more than maxJobs, and
// at least one.
func batchWorkers(jobs, toRun int) int {
	return max(1, min(jobs, toRun, maxJobs()))
}

// aheadLimit is how many events may be started beyond the next one to be
// written: it bounds the finished results held in memory while an earlier,
// slower event is still running.
func aheadLimit(jobs int) int { return 4 * jobs }

// runBatch runs "slant batch" with its options; it needs no cobra.
func runBatch(ctx context.Context, e *env, opts *batchOptions) error {
	if !(opts.minSimilarity > 0 && opts.minSimilarity <= 1) { // NaN too
		return usageError{fmt.Errorf("--min-similarity %v is outside (0, 1]", opts.minSimilarity)}
	}
	if opts.maxBytes <= 0 {
		return usageError{fmt.Errorf("--max-bytes must be positive")}
	}
	if opts.jobs < 0 {
		return usageError{fmt.Errorf("--jobs must be positive (or 0 for one per CPU)")}
	}
	jobs := opts.jobs
	if jobs == 0 {
		jobs = runtime.NumCPU()
	}
	toStdout := e.stdStream(opts.output) == e.stdout
	if opts.resume && toStdout {
		return usageError{fmt.Errorf("--resume needs -o FILE: the output of the run to resume")}
	}
	if info, err := os.Stat(opts.output); opts.resume && err == nil && !info.Mode().IsRegular() {
		return usageError{fmt.Errorf("--resume needs -o FILE: %s is not a file a run could be resumed from", escapeUnprintable(opts.output))}
	}
	found, err := findEvents(opts.dir)
	if err != nil {
		return err
	}
	folders := found.folders
	if !toStdout {
		if folder := eventFolderHolding(opts.dir, folders, opts.output); folder != "" {
			return outputError{fmt.Errorf("cannot write %s: it is inside the event folder %s, which slant reads and does not write to",
				escapeUnprintable(opts.output), escapeUnprintable(folder))}
		}
		if in := batchInputAt(opts.dir, folders, opts.lexicons, opts.output); in != "" {
			return outputError{fmt.Errorf("cannot write %s: it is the input %s, which slant does not overwrite",
				escapeUnprintable(opts.output), escapeUnprintable(in))}
		}
	}
	lex, err := loadLexicons(opts.lexicons, opts.noDefault)
	if err != nil {
		return err
	}
	if lex != nil {
		// Compile the matcher now: the workers share the lexicon, and
		// compiling it lazily from several of them at once would race.
		lex.Matcher()
	}
	runEvent := opts.runEvent
	if runEvent == nil {
		runEvent = func(ctx context.Context, dir string) (*reports.Document, error) {
			return compareEvent(ctx, dir, lex, opts)
		}
	}

	var out io.Writer = e.stdout
	var file *atomicFile
	var buffered *bufio.Writer
	if !toStdout {
		if file, err = createAtomic(opts.output); err != nil {
			return err
		}
		defer file.abort() // a no-op once committed
		buffered = bufio.NewWriter(file)
		out = buffered
	}
	var previous *previousRun
	if opts.resume {
		previous, err = readPreviousRun(opts.output, func(msg string) { fmt.Fprintf(e.stderr, "slant: warning: %s\n", escapeUnprintable(msg)) })
		if err != nil {
			return err
		}
		if previous.file != nil {
			defer previous.file.Close()
		}
	}
	if found.ownEvent != "" {
		// Not an error: DIR may hold a README, or a folder of images
		// beside the events. But a folder meant for slant compare would
		// otherwise fail subfolder by subfolder, with no word of why.
		shown := escapeUnprintable(opts.dir)
		fmt.Fprintf(e.stderr, "slant: warning: %s holds %s itself: batch runs its subfolders as events; to compare %s itself, run slant compare %s\n",
			shown, found.ownEvent, shown, shown)
	}
	slots := planBatch(found, previous)
	toRun := 0
	for _, slot := range slots {
		if slot.kept == nil {
			toRun++
		}
	}
	workers := batchWorkers(jobs, toRun)
	scaleMemoryLimit(e.getenv, workers)

	base := filepath.FromSlash(displayPath(opts.dir))
	b := &batchRun{e: e, out: out, previous: previous, slots: slots, base: base, echoStdout: toStdout && e.stdoutTTY}
	if opts.progress {
		b.bar = newEventBar(e.stderr, len(slots))
	}
	b.run(ctx, workers, func(ctx context.Context, slot batchSlot) ([]byte, error) {
		path := filepath.Join(base, slot.folder)
		if slot.unreadable != nil {
			err := &compare.InputError{Input: path, Err: slot.unreadable}
			return encodeBatchLine(slot.name, nil, err), err
		}
		doc, err := runEventSafely(ctx, runEvent, path)
		return encodeBatchLine(slot.name, doc, err), err
	})
	if b.bar != nil {
		b.bar.Clear()
	}
	if file != nil && b.writeErr == nil {
		b.writeErr = buffered.Flush()
	}
	if b.writeErr != nil {
		if file == nil {
			return fmt.Errorf("cannot write standard output: %v", unwrapPathErr(b.writeErr))
		}
		return fmt.Errorf("cannot write %s: %v", escapeUnprintable(opts.output), unwrapPathErr(b.writeErr))
	}
	// An interrupted run that wrote no line would replace the old file,
	// perhaps the whole output of an earlier run, with an empty one, for
	// nothing --resume could use: the old file stays, and the new one goes.
	keepOld := file != nil && !file.direct && b.notRun > 0 && b.written == 0
	if keepOld {
		file.abort()
	} else if file != nil {
		if err := file.commit(); err != nil {
			return err
		}
	}
	failed := b.failedInput + b.failedInternal
	if b.notRun > 0 {
		msg := fmt.Sprintf("interrupted: %d of %d events not run", b.notRun, len(slots))
		if failed > 0 {
			msg += fmt.Sprintf(", %d failed", failed)
		}
		switch {
		case keepOld && file.replaces:
			msg += fmt.Sprintf("; no event had finished, so %s is left as it was", escapeUnprintable(opts.output))
		case keepOld:
			msg += fmt.Sprintf("; no event had finished, so %s was not written", escapeUnprintable(opts.output))
		}
		// Without --resume, a file left as it was may be an earlier run's
		// output, of other inputs: --resume would keep its results.
		if file != nil && (!keepOld || opts.resume) {
			msg += "; run again with --resume to finish"
		}
		return interruptedError{errors.New(msg)}
	}
	switch {
	case b.failedInternal > 0:
		return fmt.Errorf("%d of %d events failed, %d of them with an internal error", failed, len(slots), b.failedInternal)
	case failed > 0:
		return &compare.InputError{Err: fmt.Errorf("%d of %d events failed", failed, len(slots))}
	}
	return nil
}

// batchEvents is what findEvents finds in DIR.
type batchEvents struct {
	// folders are the names of the event folders, sorted, those in
	// unreadable included.
	folders []string
	// unreadable holds, for each symbolic link in DIR that cannot be
	// followed, why: each is a failed event. Whether it led to a folder or
	// to a file cannot be told, and skipping it would drop an event
	// without a word when the folder it leads to has gone.
	unreadable map[string]error
	// ownEvent, when not "", is what DIR holds that makes it look like
	// one event for slant compare rather than a folder of events: "an
	// event.yaml", or "N article files".
	ownEvent string
}

// findEvents finds the event folders in dir: every subfolder, or symbolic
// link to one, whose name does not start with a dot, and every such link
// that cannot be followed.
func findEvents(dir string) (batchEvents, error) {
	var found batchEvents
	shown := escapeUnprintable(dir)
	info, err := os.Stat(dir)
	if err != nil {
		return found, &compare.InputError{Input: shown, Err: unwrapPathErr(err)}
	}
	if !info.IsDir() {
		return found, &compare.InputError{Input: shown, Err: errors.New("not a directory (want a folder with one subfolder per event)")}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return found, &compare.InputError{Input: shown, Err: unwrapPathErr(err)}
	}
	manifest, articles := "", 0
	for _, entry := range entries {
		name := entry.Name()
		isDir := entry.IsDir()
		if entry.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(filepath.Join(dir, name))
			switch {
			case err == nil:
				isDir = info.IsDir()
			case !strings.HasPrefix(name, "."):
				if found.unreadable == nil {
					found.unreadable = map[string]error{}
				}
				found.unreadable[name] = brokenLinkError(filepath.Join(dir, name), err)
				found.folders = append(found.folders, name)
				continue
			}
		}
		switch {
		case strings.HasPrefix(name, "."):
		case isDir:
			found.folders = append(found.folders, name)
		case name == compare.ManifestName, name == "event.yml" && manifest == "":
			manifest = name
		case compare.IsArticleName(name):
			articles++
		}
	}
	if len(found.folders) == 0 {
		return found, &compare.InputError{Input: shown, Err: errors.New("no event folders in this directory " +
			"(batch wants one subfolder per event; to compare the articles of one folder, run slant compare)")}
	}
	sort.Strings(found.folders)
	// One article file is no event (compare wants two), and is most
	// likely the README of the folder of events.
	switch {
	case manifest != "":
		found.ownEvent = "an " + manifest
	case articles >= 2:
		found.ownEvent = fmt.Sprintf("%d article files", articles)
	}
	return found, nil
}

// brokenLinkError says why the symbolic link at path cannot be followed;
// err is what following it gave.
func brokenLinkError(path string, err error) error {
	target, readErr := os.Readlink(path)
	if readErr != nil {
		return fmt.Errorf("cannot follow this symbolic link: %v", unwrapPathErr(err))
	}
	return fmt.Errorf("cannot follow the symbolic link to %s: %v", target, unwrapPathErr(err))
}

// escapeUnprintable returns s with every character a terminal would act
// on rather than show (a newline, an escape, other control and format
// characters) escaped as Go escapes it in a quoted string, and every byte
// that is not UTF-8 written \xHH, so that a name read from the disk stays
// on its message's line and sends the terminal no escape sequence. Other
// characters, backslashes included, are left as they are.
func escapeUnprintable(s string) string {
	if printable(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case strconv.IsPrint(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

// printable says whether s is UTF-8 with every character printable.
func printable(s string) bool {
	for _, r := range s {
		if !strconv.IsPrint(r) { // U+FFFD from a bad byte is printable
			return false
		}
	}
	return utf8.ValidString(s)
}

// shownEventName is an event's name as messages on standard error show
// it: as in the output, unless it holds characters escapeUnprintable would
// escape, in which case it is quoted as Go quotes a string ("bad\nname"),
// as is a name that starts with a quote, so that no two names look alike.
func shownEventName(name string) string {
	if printable(name) && !strings.HasPrefix(name, `"`) {
		return name
	}
	return strconv.Quote(name)
}

// eventName is the name in a batch's output of the event in folder: the
// folder's name, unless it is not valid UTF-8 or holds `\x`. Such a name
// has each backslash written `\\` and each byte that is not UTF-8 `\xHH`,
// so that two folders never share an event name (as they did when bad
// bytes became U+FFFD; no name left as it is holds `\x`) and a resumed run
// finds the name it wrote.
func eventName(folder string) string {
	if utf8.ValidString(folder) && !strings.Contains(folder, `\x`) {
		return folder
	}
	var b strings.Builder
	for i := 0; i < len(folder); {
		r, size := utf8.DecodeRuneInString(folder[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, folder[i])
		case r == '\\':
			b.WriteString(`\\`)
		default:
			b.WriteString(folder[i : i+size])
		}
		i += size
	}
	return b.String()
}

// eventFolderHolding returns the event folder of dir (as dir/name) that
// path would be written inside, or "": a batch's output may go beside the
// event folders, never into one of the inputs. It looks where the output
// lands, through any symbolic link (see outputTarget).
func eventFolderHolding(dir string, names []string, path string) string {
	parent := filepath.Dir(outputTarget(path))
	for _, name := range names {
		folder := filepath.Join(dir, name)
		abs, err := filepath.Abs(folder)
		if err != nil {
			continue
		}
		if resolved, err := filepath.EvalSymlinks(abs); err == nil {
			abs = resolved
		}
		if parent == abs || strings.HasPrefix(parent, abs+string(filepath.Separator)) {
			return folder
		}
	}
	return ""
}

// batchInputAt returns the input file that the output at path is, or "":
// a lexicon, or a file of an event folder, reached by a symbolic link or
// as a second name (a hard link) of the file. An output that does not
// exist yet is no input.
func batchInputAt(dir string, folders, lexicons []string, path string) string {
	out, err := os.Stat(path)
	if err != nil || !out.Mode().IsRegular() {
		return ""
	}
	same := func(name string) bool {
		info, err := os.Stat(name)
		return err == nil && os.SameFile(info, out)
	}
	for _, lex := range lexicons {
		if same(lex) {
			return lex
		}
	}
	for _, folder := range folders {
		entries, err := os.ReadDir(filepath.Join(dir, folder))
		if err != nil {
			continue
		}
		for _, entry := range entries {
			if name := filepath.Join(dir, folder, entry.Name()); !entry.IsDir() && same(name) {
				return name
			}
		}
	}
	return ""
}

// planBatch lists the events in output order, by event name: the folders
// found and the events a previous run finished, which are kept even when
// their folder has gone.
func planBatch(found batchEvents, previous *previousRun) []batchSlot {
	folderOf := map[string]string{}
	var all []string
	for _, folder := range found.folders {
		name := eventName(folder)
		folderOf[name] = folder
		all = append(all, name)
	}
	if previous != nil {
		for name := range previous.done {
			all = append(all, name)
		}
	}
	sort.Strings(all)
	var slots []batchSlot
	for i, name := range all {
		if i > 0 && all[i-1] == name {
			continue
		}
		slot := batchSlot{name: name, folder: folderOf[name]}
		if slot.folder != "" {
			slot.unreadable = found.unreadable[slot.folder]
		}
		if previous != nil {
			if span, ok := previous.done[name]; ok {
				slot.kept = &span
			}
		}
		slots = append(slots, slot)
	}
	return slots
}

// compareEvent compares the articles of one event folder as slant compare
// does and returns the JSON model of the result.
func compareEvent(ctx context.Context, dir string, lex *lexicon.Lexicon, opts *batchOptions) (*reports.Document, error) {
	ev, err := compare.Load(ctx, []string{dir}, compare.LoadOptions{MaxBytes: opts.maxBytes})
	if err != nil {
		return nil, err
	}
	for i := range ev.Documents {
		ev.Documents[i].Source = displayPath(ev.Documents[i].Source)
	}
	res, err := compare.Compare(ev, compare.Options{MinSimilarity: opts.minSimilarity, Lexicon: lex})
	if err != nil {
		return nil, err
	}
	return reports.NewDocument(res), nil
}

// runEventSafely runs one event, turning a panic into an error so that one
// event hitting a bug does not take the whole batch, and its output file,
// down with it.
func runEventSafely(ctx context.Context, runEvent func(context.Context, string) (*reports.Document, error), dir string) (doc *reports.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	return runEvent(ctx, dir)
}

// encodeBatchLine is the compact JSON line of one event, newline included.
func encodeBatchLine(name string, doc *reports.Document, failure error) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if failure == nil && doc != nil {
		// Most of the line is the document, appended by its own writer
		// after the event's name.
		enc.Encode(batchLine{Event: name}) // one string: cannot fail
		head := bytes.TrimSuffix(buf.Bytes(), []byte("}\n"))
		out, err := doc.AppendJSON(append(head, `,"result":`...), false)
		if err == nil {
			return append(out, "}\n"...)
		}
		// A document that cannot be encoded is a bug; say so on its line.
		failure = fmt.Errorf("internal error: %v", err)
		buf.Reset()
	}
	line := batchLine{Event: name}
	if failure != nil {
		line.Error = failure.Error()
	}
	if err := enc.Encode(line); err != nil {
		buf.Reset()
		enc.Encode(batchLine{Event: name, Error: "internal error: " + err.Error()})
	}
	return buf.Bytes()
}

// batchRun is one run of slant batch: workers compare events while the
// caller's goroutine writes their lines in order.
type batchRun struct {
	e          *env
	out        io.Writer
	previous   *previousRun
	slots      []batchSlot
	base       string // DIR as the events' paths start with it
	bar        *progressbar.ProgressBar
	echoStdout bool // the output is a terminal too: clear the bar before each line

	// Set by run. written counts the lines written.
	failedInput, failedInternal, notRun, written int
	writeErr                                     error
}

// run compares the events not kept from a previous run with jobs workers
// and writes every slot's line in order, each as soon as the lines before
// it are written. It returns when every worker has stopped.
func (b *batchRun) run(ctx context.Context, jobs int, compareOne func(context.Context, batchSlot) ([]byte, error)) {
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	ahead := make(chan struct{}, aheadLimit(jobs))
	indexes := make(chan int)
	outcomes := make(chan eventOutcome)

	go func() {
		defer close(indexes)
		for i, slot := range b.slots {
			if slot.kept != nil {
				continue
			}
			select {
			case ahead <- struct{}{}:
			case <-runCtx.Done():
				return
			}
			select {
			case indexes <- i:
			case <-runCtx.Done():
				<-ahead
				return
			}
		}
	}()
	var workers sync.WaitGroup
	for range jobs {
		workers.Go(func() {
			for i := range indexes {
				if runCtx.Err() != nil {
					outcomes <- eventOutcome{index: i}
					continue
				}
				line, err := compareOne(runCtx, b.slots[i])
				if err != nil && runCtx.Err() != nil {
					// Cut short: not run. The error need not say
					// context.Canceled: a fetch reports the signal
					// (context.Cause) in a message of its own, and any
					// failure once cancelled may be one it caused, so
					// --resume runs the event again.
					outcomes <- eventOutcome{index: i}
					continue
				}
				outcomes <- eventOutcome{index: i, started: true, line: line, err: err}
			}
		})
	}
	go func() {
		workers.Wait()
		close(outcomes)
	}()

	if b.bar != nil {
		kept := 0
		for _, slot := range b.slots {
			if slot.kept != nil {
				kept++
			}
		}
		b.bar.Set(kept)
	}
	pending := map[int]eventOutcome{}
	next := 0
	// advance writes the slots from next on while their lines are ready;
	// at the end (final), a slot with no outcome was never started.
	advance := func(final bool) {
		for next < len(b.slots) {
			slot := b.slots[next]
			if slot.kept != nil {
				b.write(func(w io.Writer) error { return b.previous.copyLine(w, *slot.kept) })
				next++
				continue
			}
			o, ok := pending[next]
			if !ok && !final {
				return
			}
			next++
			if !ok {
				b.notRun++
				continue
			}
			delete(pending, o.index)
			<-ahead
			if !o.started {
				b.notRun++
				continue
			}
			if o.err != nil {
				b.reportFailure(slot, o.err)
			}
			b.write(func(w io.Writer) error { _, err := w.Write(o.line); return err })
		}
	}
	advance(false)
	for o := range outcomes {
		pending[o.index] = o
		advance(false)
		if b.writeErr != nil {
			cancel()
		}
		if o.started && b.bar != nil {
			b.bar.Add(1) // after the lines, which may have cleared it
		}
	}
	advance(true)
}

// write writes one line with fn, unless writing has already failed.
func (b *batchRun) write(fn func(io.Writer) error) {
	if b.writeErr != nil {
		return
	}
	if b.bar != nil && b.echoStdout {
		b.bar.Clear()
	}
	if err := fn(b.out); err != nil {
		b.writeErr = err
		return
	}
	b.written++
}

// reportFailure counts a failed event and reports it on stderr, one
// "slant: EVENT: ..." line per line of its message, with the name shown by
// shownEventName and the message's unprintable characters escaped.
func (b *batchRun) reportFailure(slot batchSlot, err error) {
	if report(io.Discard, err) == exitBadUse {
		b.failedInput++
	} else {
		b.failedInternal++
	}
	if b.bar != nil {
		b.bar.Clear()
	}
	msg := err.Error()
	if path := filepath.Join(b.base, slot.folder); slot.folder != "" && !printable(path) {
		// The event's path, wherever the message names it, escaped first:
		// a newline in it is no line of the message.
		msg = strings.ReplaceAll(msg, path, escapeUnprintable(path))
	}
	for _, line := range strings.Split(msg, "\n") {
		fmt.Fprintf(b.e.stderr, "slant: %s: %s\n", shownEventName(slot.name), escapeUnprintable(line))
	}
}

// newEventBar is the progress bar of a batch: events done of total.
func newEventBar(w io.Writer, total int) *progressbar.ProgressBar {
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("events"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionSetRenderBlankState(true),
	)
}

// lineSpan is where one line lies in a file, its newline left out.
type lineSpan struct {
	offset, length int64
}

// previousRun is the output of an earlier run of slant batch, read for
// --resume.
type previousRun struct {
	file *os.File
	// done maps each event that succeeded to its line.
	done map[string]lineSpan
}

// copyLine copies one line of the previous output to w, with a newline.
func (p *previousRun) copyLine(w io.Writer, span lineSpan) error {
	if _, err := io.Copy(w, io.NewSectionReader(p.file, span.offset, span.length)); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// readPreviousRun reads the output of an earlier run and notes where the
// line of every event that succeeded lies; the lines themselves are copied
// from the file when they are written again. A file that does not exist is
// a run with nothing done. An unreadable last line, as an interrupted run
// may leave, is dropped with a warning; an unreadable line before others,
// or one with no readable line before it, is an error.
func readPreviousRun(path string, warn func(string)) (*previousRun, error) {
	p := &previousRun{done: map[string]lineSpan{}}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return nil, &compare.InputError{Input: escapeUnprintable(path), Err: unwrapPathErr(err)}
	}
	p.file = f
	r := bufio.NewReader(f)
	var offset int64
	lineNo, badLine, read := 0, 0, 0
	var badErr error
	stale := map[string]int{} // events written in another schema_version
	for {
		line, readErr := r.ReadBytes('\n')
		if readErr != nil && readErr != io.EOF {
			f.Close()
			return nil, &compare.InputError{Input: escapeUnprintable(path), Err: unwrapPathErr(readErr)}
		}
		if len(line) == 0 {
			break
		}
		lineNo++
		start := offset
		offset += int64(len(line))
		content := bytes.TrimRight(line, "\r\n")
		if len(bytes.TrimSpace(content)) == 0 {
			continue
		}
		if badErr != nil {
			f.Close()
			return nil, &compare.InputError{Input: fmt.Sprintf("%s:%d", escapeUnprintable(path), badLine),
				Err: fmt.Errorf("not a line of slant batch output: %v", badErr)}
		}
		name, succeeded, version, err := parseBatchLine(content)
		if err != nil {
			badLine, badErr = lineNo, err
			continue
		}
		read++
		if succeeded && version != compare.SchemaVersion {
			// Another slant's layout: the file would mix two.
			stale[name] = version
			continue
		}
		if _, seen := p.done[name]; succeeded && !seen {
			p.done[name] = lineSpan{offset: start, length: int64(len(content))}
		}
	}
	if badErr != nil && read == 0 {
		// Not one line of batch output: not a file an earlier run wrote,
		// and --resume would write over it.
		f.Close()
		return nil, &compare.InputError{Input: fmt.Sprintf("%s:%d", escapeUnprintable(path), badLine),
			Err: fmt.Errorf("not a line of slant batch output, and no line before it is (--resume reads what an earlier slant batch -o wrote): %v", badErr)}
	}
	if badErr != nil {
		warn(fmt.Sprintf("%s:%d: dropping an incomplete last line (left by an interrupted run?)", path, badLine))
	}
	for name := range p.done {
		delete(stale, name)
	}
	if len(stale) > 0 {
		names := slices.Sorted(maps.Keys(stale))
		warn(fmt.Sprintf("%s: running again what an older or newer slant wrote (schema_version %d, this one writes %d): %s",
			path, stale[names[0]], compare.SchemaVersion, strings.Join(names, ", ")))
	}
	return p, nil
}

// parseBatchLine reads the event name of one output line, whether the
// event succeeded (a line with an "error" key failed, one with a "result"
// object succeeded) and, if it did, the result's schema_version.
func parseBatchLine(line []byte) (name string, succeeded bool, version int, err error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return "", false, 0, err
	}
	if err := json.Unmarshal(fields["event"], &name); err != nil || name == "" {
		return "", false, 0, errors.New(`no "event" name`)
	}
	if _, failed := fields["error"]; failed {
		return name, false, 0, nil
	}
	result := bytes.TrimSpace(fields["result"])
	if len(result) == 0 || result[0] != '{' {
		return "", false, 0, errors.New(`neither "result" nor "error"`)
	}
	var head struct {
		SchemaVersion int `json:"schema_version"`
	}
	if err := json.Unmarshal(result, &head); err != nil {
		return "", false, 0, err
	}
	return name, true, head.SchemaVersion, nil
}
