package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/slant-news/slant/compare"
	"github.com/slant-news/slant/lexicon"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // slant itself failed: a bug or an I/O error on output
	exitBadUse  = 2 // bad usage or bad input
	// exitInterrupted is the status of a run stopped by Ctrl-C (or
	// SIGTERM, SIGHUP) that wrote what it finished: 128 + SIGINT, as a
	// shell reports a program an interrupt ended.
	exitInterrupted = 130
)

// usageError marks errors in how slant was called: flags and arguments.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// outputError marks an output file slant cannot write where it was told to:
// bad usage, but no help to offer.
type outputError struct{ err error }

func (e outputError) Error() string { return e.err.Error() }
func (e outputError) Unwrap() error { return e.err }

// env is what a command needs from the process, so tests can run commands
// without one.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stdoutTTY says whether stdout is a terminal, and termWidth its width.
	stdoutTTY bool
	termWidth int
	getenv    func(string) string
	// inputs are the files the command reads, which no output replaces:
	// its arguments, and once they are read (noteRead) the articles,
	// folders' event.yaml files and lexicons they led to.
	inputs []string
}

// run executes slant with args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		e.stdoutTTY = true
		if w, _, err := term.GetSize(int(f.Fd())); err == nil {
			e.termWidth = w
		}
	}
	root := newRootCmd(e)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(context.Background())
	if err == nil {
		return exitOK
	}
	if !errors.As(err, new(commandError)) {
		err = commandError{path: cmd.CommandPath(), err: err}
	}
	return report(stderr, err)
}

// commandError is an error from the command at path ("slant lexicon add"),
// so that a usage error can point at that command's own help.
type commandError struct {
	path string
	err  error
}

func (e commandError) Error() string { return e.err.Error() }
func (e commandError) Unwrap() error { return e.err }

// helpCommand is the command that prints the help of the command err came
// from: "slant help compare", or "slant help" when err names none.
func helpCommand(err error) string {
	var ce commandError
	if errors.As(err, &ce) {
		if sub, ok := strings.CutPrefix(ce.path, "slant "); ok {
			return "slant help " + sub
		}
	}
	return "slant help"
}

// report prints err as "slant: ..." lines and returns its exit status.
func report(stderr io.Writer, err error) int {
	var me *compare.ManifestError
	if errors.As(err, &me) {
		for _, p := range me.Problems {
			fmt.Fprintf(stderr, "slant: %s:%d:%d: %s\n", me.File, p.Line, p.Column, p.Message)
		}
		return exitBadUse
	}
	var le *lexicon.Error
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			fmt.Fprintf(stderr, "slant: %s: %s\n", p.Pos, p.Message)
		}
		return exitBadUse
	}
	msg := strings.TrimPrefix(err.Error(), "slant: ")
	var ie *compare.InputError
	var ue usageError
	var oe outputError
	var ne interruptedError
	if errors.As(err, &ue) {
		// One line, as every error is, saying where to look.
		fmt.Fprintf(stderr, "slant: %s (run '%s' for usage)\n", msg, helpCommand(err))
		return exitBadUse
	}
	fmt.Fprintf(stderr, "slant: %s\n", msg)
	switch {
	case errors.As(err, &ne):
		return exitInterrupted
	case errors.As(err, &oe), errors.As(err, &ie), errors.Is(err, compare.ErrTooFewArticles):
		return exitBadUse
	}
	return exitFailure
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "slant",
		Short: "Compare several outlets' coverage of one event, sentence by sentence",
		Long: `slant puts several news outlets' coverage of one event side by side. It
cleans each article of page furniture, splits it into sentences, aligns the
sentences that report the same thing across outlets, and diffs their wording.
It shows differences, not verdicts: a changed word may indicate framing.`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{flagError(err)} })
	root.AddCommand(newCompareCmd(e), newQuotesCmd(e), newLexiconCmd(e), newBatchCmd(e), newWorksheetCmd(e))
	root.SetHelpCommand(newHelpCmd(root))
	// Unknown commands and wrong argument counts are usage errors.
	root.Args = noSubcommand
	root.RunE = func(cmd *cobra.Command, args []string) error {
		return cmd.Help()
	}
	// Every command's arguments, for writeOutput to keep its hands off.
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if err := checkNames(cmd, args); err != nil {
			return err
		}
		e.inputs = args
		return nil
	}
	return root
}

// flagError says what is wrong with a flag's value in a user's words, not
// strconv's: `invalid --width "abc": want a whole number`, not `invalid
// argument "abc" for "--width" flag: strconv.ParseInt: parsing "abc":
// invalid syntax`. Other flag errors are left as they are.
func flagError(err error) error {
	var ive *pflag.InvalidValueError
	if !errors.As(err, &ive) {
		return err
	}
	want := ""
	switch ive.GetFlag().Value.Type() {
	case "int", "int64", "uint", "uint64":
		want = "a whole number"
	case "float64", "float32":
		want = "a number"
	default:
		return err
	}
	if errors.Is(err, strconv.ErrRange) {
		return fmt.Errorf("invalid --%s %q: out of range", ive.GetFlag().Name, ive.GetValue())
	}
	return fmt.Errorf("invalid --%s %q: want %s", ive.GetFlag().Name, ive.GetValue(), want)
}

// checkNames refuses an empty argument, an empty file name given to -o,
// --key or --lexicon, and an empty --reference: "" names nothing, and an
// unset shell variable ("-o $OUT", "--reference $REF") should not quietly
// mean standard output, no key or the default reference.
func checkNames(cmd *cobra.Command, args []string) error {
	if slices.Contains(args, "") {
		return usageError{errors.New(`an argument is empty (""): name a file, a folder or a URL`)}
	}
	for _, flag := range []struct{ name, needs string }{
		{"output", "a file name"}, {"key", "a file name"}, {"lexicon", "a file name"},
		{"reference", "an outlet's id or name"},
	} {
		f := cmd.Flags().Lookup(flag.name)
		if f == nil || !f.Changed {
			continue
		}
		values := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		if slices.Contains(values, "") {
			return usageError{fmt.Errorf("--%s needs %s, not an empty one", flag.name, flag.needs)}
		}
	}
	return nil
}

// newHelpCmd is "slant help [command]": cobra's own prints the root's help
// and exits 0 for a command it does not know ("slant help comprae"); this
// one calls that a usage error, as "slant comprae" is.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help prints the help of any command: slant help lexicon add.",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err == nil && len(rest) > 0 {
				err = noSubcommand(cmd, rest)
			}
			if err != nil {
				// Point at the help of the command that does exist.
				return commandError{path: cmd.CommandPath(), err: usageError{err}}
			}
			cmd.InitDefaultHelpFlag()
			return cmd.Help()
		},
	}
}

// noSubcommand is the Args check of a command that only holds others: an
// argument is an unknown command, a usage error.
func noSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.HasParent() {
		return usageError{fmt.Errorf("unknown command %q for %q", args[0], cmd.CommandPath())}
	}
	return usageError{fmt.Errorf("unknown command %q", args[0])}
}

// interruptedError is a run a signal stopped after it wrote what it had
// finished.
type interruptedError struct{ error }
