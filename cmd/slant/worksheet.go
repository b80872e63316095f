package main

import (
	"bytes"
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/reports"
)

// worksheetOptions are the settings of "slant worksheet".
type worksheetOptions struct {
	inputs    []string
	output    string
	key       string
	format    string
	noBlind   bool
	maxBytes  int64
	lexicons  []string
	noDefault bool
}

func newWorksheetCmd(e *env) *cobra.Command {
	opts := &worksheetOptions{}
	cmd := &cobra.Command{
		Use:   "worksheet EVENT...",
		Short: "Make a student worksheet and its answer key from one event",
		Long: `Worksheet compares the event's articles as slant compare does and turns the
result into a handout for students: exercises on the words each outlet uses for
the same thing, the quotes some outlets leave out, the facts only one outlet
seems to report (sentences slant matched to no other outlet's, which students
check), what each headline emphasizes, and how quotes some outlets changed
differ from the fullest version. An exercise asks about five things at most
and says how many more the full report has. It is blind by default:
outlets are "Outlet A", "Outlet B", ... everywhere, so students judge the
writing, not the brand. --key writes the answer key, which says which outlet is
which and gives the answers the comparison found, with each other outlet's
closest sentence to a fact only one outlet seems to report.

When no sentence of one article matches another's, slant warns on standard
error that they may not be about the same event, and the worksheet says so.

EVENT is read as by slant compare: a directory, an event.yaml, or the articles.`,
		Example: `  slant worksheet testdata/events/nato-missile-shield-2012 -o worksheet.md --key key.md
  slant worksheet --format html -o worksheet.html --key key.html event/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("worksheet needs an event (a directory, an event.yaml or two or more articles)")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.inputs = args
			return runWorksheet(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "write the worksheet to `FILE` (atomically) instead of standard output")
	f.StringVar(&opts.key, "key", "", "write the answer key to `FILE`")
	f.StringVarP(&opts.format, "format", "f", "markdown", "output format: markdown or html")
	f.BoolVar(&opts.noBlind, "no-blind", false, "name the outlets instead of Outlet A, Outlet B, ...")
	f.Int64Var(&opts.maxBytes, "max-bytes", compare.DefaultMaxBytes, "largest article to read, in bytes")
	f.StringArrayVar(&opts.lexicons, "lexicon", nil, "lay the lexicon `FILE` over the built-in one (repeatable)")
	f.BoolVar(&opts.noDefault, "no-default", false, "leave out the built-in lexicon")
	return cmd
}

// runWorksheet runs "slant worksheet" with its options.
func runWorksheet(ctx context.Context, e *env, opts *worksheetOptions) error {
	switch opts.format {
	case "markdown", "html":
	default:
		return usageError{fmt.Errorf("unknown format %q (want markdown or html)", opts.format)}
	}
	if opts.maxBytes <= 0 {
		return usageError{fmt.Errorf("--max-bytes must be positive")}
	}
	if e.sameFile(opts.key, opts.output) {
		return usageError{fmt.Errorf("the worksheet and its key would both be written to %s", opts.key)}
	}
	ev, err := compare.Load(ctx, opts.inputs, compare.LoadOptions{Stdin: e.stdin, MaxBytes: opts.maxBytes})
	if err != nil {
		return err
	}
	e.noteRead(opts.inputs, ev.Documents, opts.lexicons)
	for i := range ev.Documents {
		ev.Documents[i].Source = displayPath(ev.Documents[i].Source)
	}
	lex, err := loadLexicons(opts.lexicons, opts.noDefault)
	if err != nil {
		return err
	}
	var key []compare.BlindKey
	if !opts.noBlind {
		if ev, key, err = compare.Blind(ev); err != nil {
			return err
		}
	}
	res, err := compare.Compare(ev, compare.Options{Lexicon: lex})
	if err != nil {
		return err
	}
	warnNoAlignment(e, res)
	rep := reports.NewReport(res)
	rep.Blind = !opts.noBlind
	wo := reports.WorksheetOptions{Format: opts.format}
	var sheet, answers bytes.Buffer
	if err := reports.Worksheet(&sheet, rep, wo); err != nil {
		return err
	}
	if err := reports.WorksheetKey(&answers, rep, key, wo); err != nil {
		return err
	}
	var outs []outputFile
	if opts.key != "" {
		outs = append(outs, outputFile{opts.key, writeAll(answers.Bytes())})
	}
	outs = append(outs, outputFile{opts.output, writeAll(sheet.Bytes())})
	// The answer key and the worksheet are written both or neither.
	return writeOutputs(e, outs...)
}
