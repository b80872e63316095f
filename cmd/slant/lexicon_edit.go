package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/slant-news/slant/lexicon"
)

// lexiconAddOptions are the settings of "slant lexicon add".
type lexiconAddOptions struct {
	file      string
	category  string
	concept   string
	term      string
	tone      string
	note      string
	suggest   []string
	noDefault bool
}

func newLexiconAddCmd(e *env) *cobra.Command {
	opts := &lexiconAddOptions{}
	cmd := &cobra.Command{
		Use:   "add FILE (--category ID | --concept ID) --term TERM",
		Short: "Add a term to a category or concept of a lexicon file, keeping its comments and layout",
		Long: `Add writes a new entry at the end of a category's entries (or a concept's
terms) in FILE, in the indentation and style of the entries before it. Every
other line of the file stays as it was. The result is loaded as slant compare
--lexicon FILE would load it (laid over the built-in lexicon unless
--no-default) and its tests are run before it is written; a term the file
already has, an unknown category or tone, a result with problems or a
failing test leaves FILE untouched.`,
		Example: `  slant lexicon add mine.yaml --category labels --term mob --tone loaded \
      --note "Names a crowd as lawless." --suggest crowd --suggest protesters
  slant lexicon add mine.yaml --concept nato-missile-defense --term "missile umbrella" --tone loaded`,
		Args: oneLexiconFile("add"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runLexiconAdd(e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.category, "category", "", "add to the category `ID`")
	f.StringVar(&opts.concept, "concept", "", "add to the concept `ID`")
	f.StringVar(&opts.term, "term", "", "the `TERM` to add: a word or a phrase")
	f.StringVar(&opts.tone, "tone", "", "the term's `TONE` (default: the category's tone; "+strings.Join(lexicon.Tones, ", ")+")")
	f.StringVar(&opts.note, "note", "", "a `NOTE` on why the term matters (default: the category's note)")
	f.StringArrayVar(&opts.suggest, "suggest", nil, "a neutral `WORD` to use instead (repeatable)")
	f.BoolVar(&opts.noDefault, "no-default", false, "check the edited file on its own, not laid over the built-in lexicon")
	return cmd
}

// runLexiconAdd adds a term to a lexicon file and rewrites it atomically.
func runLexiconAdd(e *env, opts *lexiconAddOptions) error {
	switch {
	case strings.TrimSpace(opts.term) == "":
		return usageError{errors.New("lexicon add needs --term")}
	case (opts.category == "") == (opts.concept == ""):
		return usageError{errors.New("lexicon add needs one of --category or --concept")}
	}
	f, err := readLexiconFile(opts.file)
	if err != nil {
		return err
	}
	out, err := lexicon.Add(opts.file, f.data, lexicon.Addition{
		Category: opts.category, Concept: opts.concept,
		Term: opts.term, Tone: opts.tone, Note: opts.note, Suggest: opts.suggest,
	})
	if err != nil {
		return err
	}
	if err := f.check(out, opts.noDefault); err != nil {
		return err
	}
	if err := f.write(e, out); err != nil {
		return err
	}
	kind, id := "category", opts.category
	if opts.concept != "" {
		kind, id = "concept", opts.concept
	}
	_, err = fmt.Fprintf(e.stdout, "added %q to %s %q in %s\n", strings.TrimSpace(opts.term), kind, strings.TrimSpace(id), opts.file)
	return err
}

// lexiconRemoveOptions are the settings of "slant lexicon remove".
type lexiconRemoveOptions struct {
	file      string
	term      string
	noDefault bool
}

func newLexiconRemoveCmd(e *env) *cobra.Command {
	opts := &lexiconRemoveOptions{}
	cmd := &cobra.Command{
		Use:   "remove FILE --term TERM",
		Short: "Remove a term's entry from a lexicon file, keeping its comments and layout",
		Long: `Remove deletes the lines of the entry for TERM (in any category or concept,
ignoring case) from FILE; every other line stays as it was. The result is
loaded as slant compare --lexicon FILE would load it (laid over the built-in
lexicon unless --no-default) and its tests are run before it is written: a
concept left with one term, or a test that needed the term, leaves FILE
untouched.`,
		Example: `  slant lexicon remove mine.yaml --term mob`,
		Args:    oneLexiconFile("remove"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runLexiconRemove(e, opts)
		},
	}
	cmd.Flags().StringVar(&opts.term, "term", "", "the `TERM` whose entry to remove")
	cmd.Flags().BoolVar(&opts.noDefault, "no-default", false, "check the edited file on its own, not laid over the built-in lexicon")
	return cmd
}

// runLexiconRemove removes a term from a lexicon file and rewrites it
// atomically.
func runLexiconRemove(e *env, opts *lexiconRemoveOptions) error {
	if strings.TrimSpace(opts.term) == "" {
		return usageError{errors.New("lexicon remove needs --term")}
	}
	f, err := readLexiconFile(opts.file)
	if err != nil {
		return err
	}
	out, err := lexicon.Remove(opts.file, f.data, opts.term)
	if err != nil {
		return err
	}
	if err := f.check(out, opts.noDefault); err != nil {
		return err
	}
	if err := f.write(e, out); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "removed %q from %s\n", strings.TrimSpace(opts.term), opts.file)
	return err
}

// oneLexiconFile accepts exactly one FILE argument, which must be a file
// name: the command rewrites it.
func oneLexiconFile(command string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) != 1:
			return usageError{fmt.Errorf("lexicon %s needs one FILE (got %d arguments)", command, len(args))}
		case args[0] == "-" || args[0] == "":
			return usageError{fmt.Errorf("lexicon %s edits a file in place: give its name, not %q", command, args[0])}
		}
		return nil
	}
}

// lexiconFile is a lexicon file being edited.
type lexiconFile struct {
	name string // as given, for messages
	path string // with symbolic links resolved: the file to replace
	data []byte
}

// readLexiconFile reads a lexicon file to edit; a file that cannot be read
// or may not be replaced is bad input, reported against its name.
func readLexiconFile(name string) (*lexiconFile, error) {
	bad := func(err error) error {
		msg := err.Error()
		var pe *os.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return &lexicon.Error{Problems: []lexicon.Problem{{Pos: lexicon.Position{File: name}, Message: msg}}}
	}
	path, err := filepath.EvalSymlinks(name)
	if err != nil {
		return nil, bad(err)
	}
	// The edit replaces the file by renaming a new one over it, which the
	// file's own permissions do not stop (nor do they stop root): a file
	// nobody may write is refused here. A named pipe would be waited on,
	// and a device is no file to replace.
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, bad(err)
	case info.IsDir():
		return nil, bad(errors.New("is a directory, not a lexicon file"))
	case !info.Mode().IsRegular():
		return nil, bad(errors.New("is not a regular file (a named pipe or a device), and only a file can be edited in place"))
	case info.Mode().Perm()&0o222 == 0:
		return nil, bad(errors.New("permission denied (the file is read-only)"))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, bad(err)
	}
	defer f.Close()
	// No more than a lexicon may hold, whatever the file is (/dev/zero).
	data, err := io.ReadAll(io.LimitReader(f, lexicon.MaxFileBytes+1))
	if err != nil {
		return nil, bad(err)
	}
	if len(data) > lexicon.MaxFileBytes {
		return nil, bad(fmt.Errorf("larger than %d MiB", lexicon.MaxFileBytes>>20))
	}
	return &lexiconFile{name: name, path: path, data: data}, nil
}

// check loads data, the file's edited content, as slant compare --lexicon
// would once it is written (laid over the built-in lexicon unless
// noDefault) and runs its tests; problems are reported at their lines in
// the file as it still is.
func (f *lexiconFile) check(data []byte, noDefault bool) error {
	base, err := lexiconBase(noDefault)
	if err != nil {
		return err
	}
	return lexicon.CheckEdit(base, f.name, f.data, data)
}

// write replaces the file atomically with data, keeping its permissions:
// the one file slant writes that it also reads.
func (f *lexiconFile) write(e *env, data []byte) error {
	return writeAtomic(e, f.path, data)
}
