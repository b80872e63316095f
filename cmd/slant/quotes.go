package main

import (
	"bytes"
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/reports"
)

// quotesOptions are the settings of "slant quotes".
type quotesOptions struct {
	inputs   []string
	format   string
	output   string
	maxBytes int64
	color    string
	width    int
}

func newQuotesCmd(e *env) *cobra.Command {
	opts := &quotesOptions{}
	cmd := &cobra.Command{
		Use:   "quotes INPUT...",
		Short: "List each article's direct quotations with their speakers",
		Long: `Quotes reads one or more articles and lists each one's direct quotations:
the quoted words (a quote interrupted by its attribution, or running over
several paragraphs, is one quote), who is quoted, whether the quote is a
statement (direct) or a few words woven into the outlet's sentence
(partial), its byte offsets and sentence numbers. Speech reported without
quotation marks follows as reported statements. Speakers are named the same
way across all the articles given.

INPUT is read as by slant compare. To see which quotes each outlet kept,
trimmed, altered or left out, run slant compare.`,
		Example: `  slant quotes testdata/events/nato-missile-shield-2012
  slant quotes --format json story.txt`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("quotes needs at least one input")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.inputs = args
			return runQuotes(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.format, "format", "f", "text", "output format: text or json")
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	f.Int64Var(&opts.maxBytes, "max-bytes", compare.DefaultMaxBytes, "largest article to read, in bytes")
	f.StringVar(&opts.color, "color", "auto", "colour the text output: auto, always or never (NO_COLOR disables auto)")
	f.IntVar(&opts.width, "width", 0, "wrap the text output at `N` columns (default: the terminal's, or 100)")
	return cmd
}

// runQuotes runs "slant quotes" with its options.
func runQuotes(ctx context.Context, e *env, opts *quotesOptions) error {
	switch opts.format {
	case "text", "json":
	default:
		return usageError{fmt.Errorf("unknown format %q (want text or json)", opts.format)}
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
	ev, err := compare.Load(ctx, opts.inputs, compare.LoadOptions{Stdin: e.stdin, MaxBytes: opts.maxBytes})
	if err != nil {
		return err
	}
	e.noteRead(opts.inputs, ev.Documents, nil)
	for i := range ev.Documents {
		ev.Documents[i].Source = displayPath(ev.Documents[i].Source)
	}
	articles, err := compare.ExtractQuotes(ev)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if opts.format == "json" {
		err = reports.QuotesJSON(&buf, articles)
	} else {
		width := opts.width
		if width <= 0 && e.stdoutTTY && opts.output == "" {
			width = e.termWidth
		}
		err = reports.QuotesText(&buf, articles, reports.TextOptions{Width: width, Color: useColor})
	}
	if err != nil {
		return err
	}
	return writeOutput(e, opts.output, buf.Bytes())
}
