package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
	"github.com/slant-news/slant/reports"
)

func newLexiconCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Check, test, show and edit lexicon files",
		Long: `A lexicon is a YAML file of words to watch and of concepts whose terms name one
thing with different connotations (see docs/lexicon.md). Without FILE, the
commands below work on the built-in lexicon.`,
		Args: noSubcommand,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newLexiconLintCmd(e), newLexiconTestCmd(e), newLexiconShowCmd(e),
		newLexiconAddCmd(e), newLexiconRemoveCmd(e), newLexiconSuggestCmd(e))
	return cmd
}

// lexiconOptions are the settings of the lexicon subcommands that read
// files.
type lexiconOptions struct {
	files     []string
	category  string
	format    string
	noDefault bool
}

func newLexiconLintCmd(e *env) *cobra.Command {
	opts := &lexiconOptions{}
	cmd := &cobra.Command{
		Use:   "lint [FILE...]",
		Short: "Check lexicon files and report every problem with its line and column",
		Long: `Check each lexicon file as slant compare --lexicon FILE would load it: laid
over the built-in lexicon (unless --no-default), with the files it extends,
and with its tests run. Every problem of every file is reported at once as
FILE:LINE:COL: message. Without FILE, the built-in lexicon is checked.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runLexiconLint(e, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.noDefault, "no-default", false, "check each file on its own, not laid over the built-in lexicon")
	return cmd
}

// runLexiconLint loads each file (or the built-in lexicon) as compare
// would, tests included.
func runLexiconLint(e *env, opts *lexiconOptions) error {
	base, err := lexiconBase(opts.noDefault)
	if err != nil {
		return err
	}
	if len(opts.files) == 0 {
		if base == nil {
			return usageError{fmt.Errorf("lexicon lint --no-default needs a FILE")}
		}
		fmt.Fprintf(e.stdout, "%s: ok, %s\n", lexicon.DefaultName, summary(base))
		return nil
	}
	var problems []lexicon.Problem
	for _, f := range opts.files {
		// Each file is read once: it may be a pipe, as <(...) is.
		own, err := lexicon.LintOver(base, f)
		if err != nil {
			le, ok := err.(*lexicon.Error)
			if !ok {
				return err
			}
			problems = append(problems, le.Problems...)
			continue
		}
		failed := false
		for _, r := range lexicon.Stack(base, own).RunTests(append([]lexicon.Test{}, own.Tests...)) {
			problems = append(problems, r.Problems()...)
			failed = failed || !r.Passed()
		}
		if !failed {
			fmt.Fprintf(e.stdout, "%s: ok, %s\n", f, summary(own))
		}
	}
	if len(problems) > 0 {
		return &lexicon.Error{Problems: problems}
	}
	return nil
}

// lexiconBase returns the built-in lexicon, or nil with noDefault.
func lexiconBase(noDefault bool) (*lexicon.Lexicon, error) {
	if noDefault {
		return nil, nil
	}
	def, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("the built-in lexicon is broken: %w", err)
	}
	return def, nil
}

func summary(l *lexicon.Lexicon) string {
	return reports.LexiconSummary(l)
}

func newLexiconTestCmd(e *env) *cobra.Command {
	opts := &lexiconOptions{}
	cmd := &cobra.Command{
		Use:   "test [FILE...]",
		Short: "Run the examples in lexicon files' tests: sections",
		Long: `Run each file's tests (and those of the files it extends) against the file
laid over the built-in lexicon (unless --no-default), as slant compare
--lexicon FILE would use it, and report each failing example with its line.
Without FILE, the built-in lexicon's own tests run.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runLexiconTest(e, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.noDefault, "no-default", false, "test each file on its own, not laid over the built-in lexicon")
	return cmd
}

// runLexiconTest runs each file's tests and reports every failure.
func runLexiconTest(e *env, opts *lexiconOptions) error {
	type target struct {
		name  string
		lex   *lexicon.Lexicon
		tests []lexicon.Test
	}
	base, err := lexiconBase(opts.noDefault)
	if err != nil {
		return err
	}
	var targets []target
	if len(opts.files) == 0 {
		if base == nil {
			return usageError{fmt.Errorf("lexicon test --no-default needs a FILE")}
		}
		targets = append(targets, target{lexicon.DefaultName, base, base.Tests})
	}
	for _, f := range opts.files {
		l, err := lexicon.LintOver(base, f)
		if err != nil {
			return err
		}
		targets = append(targets, target{f, lexicon.Stack(base, l), append([]lexicon.Test{}, l.Tests...)})
	}
	var failed []lexicon.Problem
	for _, t := range targets {
		results := t.lex.RunTests(t.tests)
		passed := 0
		for _, r := range results {
			if r.Passed() {
				passed++
				continue
			}
			if len(r.Missing) > 0 {
				failed = append(failed, lexicon.Problem{Pos: r.Pos, Message: fmt.Sprintf("%q does not flag %s", r.Text, quoted(r.Missing))})
			}
			if len(r.Unwanted) > 0 {
				failed = append(failed, lexicon.Problem{Pos: r.Pos, Message: fmt.Sprintf("%q flags %s, which it should not", r.Text, quoted(r.Unwanted))})
			}
		}
		fmt.Fprintf(e.stdout, "%s: %d of %d tests pass\n", t.name, passed, len(results))
	}
	if len(failed) > 0 {
		return &lexicon.Error{Problems: failed}
	}
	return nil
}

// quoted lists terms as "a", "b".
func quoted(terms []string) string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = fmt.Sprintf("%q", t)
	}
	return strings.Join(out, ", ")
}

func newLexiconShowCmd(e *env) *cobra.Command {
	opts := &lexiconOptions{}
	cmd := &cobra.Command{
		Use:   "show [FILE]",
		Short: "Show a lexicon's categories, concepts and terms",
		Long: `Show lists a lexicon's categories and concepts, each with its note, and
every term with its tone and note. Without FILE it shows the built-in
lexicon; with FILE, the file's own categories, concepts and terms, checked
as slant lexicon lint checks it (a built-in category the file adds to shows
the built-in label and note). --category shows one category or concept;
--format yaml writes it as a lexicon file would hold it, json as one
document for tools.`,
		Example: `  slant lexicon show --category attribution
  slant lexicon show mine.yaml --format yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("lexicon show takes at most one FILE (got %d); lay files over each other with extends", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runLexiconShow(e, opts)
		},
	}
	cmd.Flags().StringVar(&opts.category, "category", "", "show only the category or concept `ID`")
	cmd.Flags().StringVarP(&opts.format, "format", "f", "text", "text, yaml or json")
	return cmd
}

// runLexiconShow prints a lexicon, or one of its categories or concepts.
func runLexiconShow(e *env, opts *lexiconOptions) error {
	switch opts.format {
	case "text", "yaml", "json":
	default:
		return usageError{fmt.Errorf("unknown format %q (want text, yaml or json)", opts.format)}
	}
	l, err := lexicon.Default()
	if err != nil {
		return err
	}
	if len(opts.files) > 0 {
		// The file's own terms, checked as laid over the built-in lexicon:
		// a category it adds to shows the built-in label and note.
		if l, err = lexicon.LintOver(l, opts.files[0]); err != nil {
			return err
		}
	}
	if opts.category != "" {
		if l, err = l.Only(opts.category); err != nil {
			return usageError{err}
		}
	}
	var buf bytes.Buffer
	switch opts.format {
	case "yaml":
		err = reports.LexiconYAML(&buf, l)
	case "json":
		err = reports.LexiconJSON(&buf, l)
	default:
		err = reports.LexiconText(&buf, l)
	}
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(buf.Bytes())
	return err
}

// suggestOptions are the settings of "slant lexicon suggest".
type suggestOptions struct {
	events    []string
	lexicons  []string
	noDefault bool
	limit     int
}

func newLexiconSuggestCmd(e *env) *cobra.Command {
	opts := &suggestOptions{}
	cmd := &cobra.Command{
		Use:   "suggest EVENT...",
		Short: "List word swaps between aligned sentences that the lexicon does not know, as YAML to paste",
		Long: `Suggest compares each EVENT (a directory or event.yaml) and collects the short
word swaps between aligned sentences ("talks" where another outlet wrote
"negotiations") that no lexicon term covers, most frequent first, printed as
concepts ready to paste into a lexicon file after you check each in context.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("suggest needs at least one event")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.limit < 0 {
				return usageError{fmt.Errorf("--limit %d is negative (0 shows every suggestion)", opts.limit)}
			}
			opts.events = args
			return runLexiconSuggest(cmd.Context(), e, opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.lexicons, "lexicon", nil, "lay the lexicon `FILE` over the built-in one (repeatable)")
	cmd.Flags().BoolVar(&opts.noDefault, "no-default", false, "leave out the built-in lexicon")
	cmd.Flags().IntVar(&opts.limit, "limit", 30, "show at most `N` suggestions (0 for all)")
	return cmd
}

// runLexiconSuggest compares each event and prints the unknown swaps.
func runLexiconSuggest(ctx context.Context, e *env, opts *suggestOptions) error {
	lex, err := loadLexicons(opts.lexicons, opts.noDefault)
	if err != nil {
		return err
	}
	var all []compare.Substitution
	for _, event := range opts.events {
		ev, err := compare.Load(ctx, []string{event}, compare.LoadOptions{Stdin: e.stdin})
		if err != nil {
			return err
		}
		res, err := compare.Compare(ev, compare.Options{Lexicon: lex})
		if err != nil {
			return fmt.Errorf("%s: %w", event, err)
		}
		all = compare.MergeSubstitutions(all, compare.UnknownSubstitutions(res))
	}
	if opts.limit > 0 && len(all) > opts.limit {
		all = all[:opts.limit]
	}
	var buf bytes.Buffer
	if err := reports.SuggestionsYAML(&buf, all); err != nil {
		return err
	}
	_, err = e.stdout.Write(buf.Bytes())
	return err
}
