package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
	"github.com/slant-news/slant/reports"
)

// compareOptions are the settings of "slant compare".
type compareOptions struct {
	inputs        []string
	format        string
	output        string
	reference     string
	minSimilarity float64
	maxBytes      int64
	color         string
	width         int
	lexicons      []string
	noDefault     bool
	blind         bool
	key           string
}

func newCompareCmd(e *env) *cobra.Command {
	opts := &compareOptions{}
	cmd := &cobra.Command{
		Use:   "compare INPUT...",
		Short: "Align and diff several outlets' articles about one event",
		Long: `Compare reads two or more articles about one event, aligns the sentences
that report the same thing and diffs their wording.

An INPUT is an article file (.txt, .md, .html, .htm), a directory (every
article file inside, by name, or the articles its event.yaml lists), an
event.yaml manifest, an http(s) URL, or - for standard input.

When no sentence of one article matches another's, slant warns on standard
error that they may not be about the same event, says so in the report, and
writes it all the same.`,
		Example: `  slant compare testdata/events/nato-missile-shield-2012
  slant compare --format json -o nato.json testdata/events/nato-missile-shield-2012
  slant compare wire.txt ours.md https://example.org/story.html`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("compare needs at least one input (two or more articles)")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.inputs = args
			return runCompare(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.format, "format", "f", "text", "output format: text, markdown, html or json")
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	f.StringVar(&opts.reference, "reference", "", "`OUTLET` (id or name) the others are diffed against (default: the one reporting the most aligned claims)")
	f.Float64Var(&opts.minSimilarity, "min-similarity", compare.DefaultMinSimilarity, "alignment threshold, above 0 and at most 1: higher aligns fewer, surer pairs")
	f.Int64Var(&opts.maxBytes, "max-bytes", compare.DefaultMaxBytes, "largest article to read, in bytes")
	f.StringVar(&opts.color, "color", "auto", "colour the text report: auto, always or never (NO_COLOR disables auto)")
	f.IntVar(&opts.width, "width", 0, "wrap the text report at `N` columns (default: the terminal's, or 100)")
	f.StringArrayVar(&opts.lexicons, "lexicon", nil, "lay the lexicon `FILE` over the built-in one (repeatable)")
	f.BoolVar(&opts.noDefault, "no-default", false, "leave out the built-in lexicon")
	f.BoolVar(&opts.blind, "blind", false, "hide the outlets: call them Outlet A, Outlet B, ... everywhere")
	f.StringVar(&opts.key, "key", "", "with --blind, write which letter is which outlet to `FILE` (format by its extension: .json, .html, .md, .txt; else --format's)")
	return cmd
}

// runCompare runs "slant compare" with its options; it needs no cobra.
func runCompare(ctx context.Context, e *env, opts *compareOptions) error {
	switch opts.format {
	case "text", "json", "markdown", "html":
	default:
		return usageError{fmt.Errorf("unknown format %q (want text, markdown, html or json)", opts.format)}
	}
	if !(opts.minSimilarity > 0 && opts.minSimilarity <= 1) { // NaN too
		return usageError{fmt.Errorf("--min-similarity %v is outside (0, 1]", opts.minSimilarity)}
	}
	if opts.maxBytes <= 0 {
		return usageError{fmt.Errorf("--max-bytes must be positive")}
	}
	if err := checkWidth(opts.width); err != nil {
		return err
	}
	useColor, err := colorMode(opts.color, e, opts.output)
	if err != nil {
		return err
	}
	if opts.key != "" && !opts.blind {
		return usageError{fmt.Errorf("--key needs --blind")}
	}
	if e.sameFile(opts.key, opts.output) {
		return usageError{fmt.Errorf("the report and its key would both be written to %s", opts.key)}
	}
	// The lexicon loads (and checks its tests) while the articles are read.
	type loaded struct {
		lex *lexicon.Lexicon
		err error
	}
	lexc := make(chan loaded, 1)
	go func() {
		lex, err := loadLexicons(opts.lexicons, opts.noDefault)
		lexc <- loaded{lex, err}
	}()
	ev, err := compare.Load(ctx, opts.inputs, compare.LoadOptions{Stdin: e.stdin, MaxBytes: opts.maxBytes})
	if err != nil {
		return err
	}
	e.noteRead(opts.inputs, ev.Documents, opts.lexicons)
	for i := range ev.Documents {
		ev.Documents[i].Source = displayPath(ev.Documents[i].Source)
	}
	l := <-lexc
	if l.err != nil {
		return l.err
	}
	lex := l.lex
	reference := opts.reference
	var key []compare.BlindKey
	if opts.blind {
		if ev, key, err = compare.Blind(ev); err != nil {
			return err
		}
		reference = blindReference(key, reference)
	}
	res, err := compare.Compare(ev, compare.Options{Reference: reference, MinSimilarity: opts.minSimilarity, Lexicon: lex})
	if err != nil {
		var ref *compare.ReferenceError
		if errors.As(err, &ref) {
			return usageError{err}
		}
		return err
	}
	warnNoAlignment(e, res)
	var buf bytes.Buffer
	var doc *reports.Document // the JSON document, written as it is encoded
	switch opts.format {
	case "json":
		doc = reports.NewDocument(res)
		err = doc.Check()
	case "markdown", "html":
		rep := reports.NewReport(res)
		rep.Blind = opts.blind
		if opts.format == "html" {
			err = reports.HTML(&buf, rep)
		} else {
			err = reports.Markdown(&buf, rep)
		}
	default:
		width := opts.width
		if width <= 0 && e.stdoutTTY && opts.output == "" {
			width = e.termWidth
		}
		err = reports.Text(&buf, res, reports.TextOptions{Width: width, Color: useColor})
	}
	if err != nil {
		return err
	}
	var outs []outputFile
	if opts.key != "" {
		var kb bytes.Buffer
		if err := reports.BlindKey(&kb, key, keyFormat(opts.key, opts.format)); err != nil {
			return err
		}
		outs = append(outs, outputFile{opts.key, writeAll(kb.Bytes())})
	}
	if doc != nil {
		outs = append(outs, outputFile{opts.output, func(w io.Writer) error { return doc.WriteJSON(w, true) }})
	} else {
		outs = append(outs, outputFile{opts.output, writeAll(buf.Bytes())})
	}
	// The key and the report are written both or neither.
	return writeOutputs(e, outs...)
}

// warnNoAlignment warns on standard error when no sentence of one outlet
// matches another's: the articles may be about different events. The
// reports say so too; the output is written all the same.
func warnNoAlignment(e *env, res *compare.Result) {
	if len(res.Alignments) == 0 && len(res.Articles) > 1 {
		fmt.Fprintln(e.stderr, "slant: warning: no sentence of one outlet matches another's: are these articles about the same event?")
	}
}

// blindReference turns a reference outlet given by its real name or id
// into its blind id.
func blindReference(key []compare.BlindKey, want string) string {
	if want == "" {
		return ""
	}
	for _, k := range key {
		if strings.EqualFold(k.Outlet, want) || strings.EqualFold(k.Name, want) || strings.EqualFold(k.Letter, want) ||
			strings.EqualFold(compare.OutletID(k.Outlet), want) {
			return "outlet-" + strings.ToLower(k.Letter)
		}
	}
	return want
}

// keyFormat is the format of the blind key written to path: the one its
// extension names (.json, .html or .htm, .md or .markdown, .txt), else the
// report's.
func keyFormat(path, report string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".html", ".htm":
		return "html"
	case ".md", ".markdown":
		return "markdown"
	case ".txt":
		return "text"
	}
	return report
}

// colorMode decides whether the text report uses colour: "auto" colours only
// a terminal and honours NO_COLOR.
func colorMode(mode string, e *env, output string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return output == "" && e.stdoutTTY && e.getenv("NO_COLOR") == "", nil
	}
	return false, usageError{fmt.Errorf("unknown --color %q (want auto, always or never)", mode)}
}

// displayPath shows paths relative to the working directory where it can,
// so output does not depend on where the inputs were found.
func displayPath(p string) string {
	if !filepath.IsAbs(p) {
		return filepath.ToSlash(p)
	}
	wd, err := os.Getwd()
	if err != nil {
		return filepath.ToSlash(p)
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// checkWidth refuses a negative --width; 0 stands for the default.
func checkWidth(width int) error {
	if width < 0 {
		return usageError{fmt.Errorf("--width %d is negative (0, the default, is the terminal's width or 100)", width)}
	}
	return nil
}

// loadLexicons returns the built-in lexicon (unless noDefault) with files
// laid over it in order, or nil when there is none.
func loadLexicons(files []string, noDefault bool) (*lexicon.Lexicon, error) {
	var lex *lexicon.Lexicon
	if !noDefault {
		def, err := lexicon.Default()
		if err != nil {
			return nil, fmt.Errorf("the built-in lexicon is broken: %w", err)
		}
		lex = def
	}
	for _, f := range files {
		l, err := lexicon.LoadOver(lex, f)
		if err != nil {
			return nil, err
		}
		lex = l
	}
	return lex, nil
}
