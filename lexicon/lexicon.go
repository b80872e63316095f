package lexicon

import (
	"fmt"
	"strings"

	"github.com/slant-news/slant/internal/didyoumean"
)

// Tones an entry may have.
var Tones = []string{"neutral", "loaded", "doubt", "negative", "positive", "euphemism", "intensifier", "hedge", "vague"}

// Scope says where a term counts, or where a hit was found.
type Scope string

// Scopes.
const (
	Narration Scope = "narration" // the outlet's own words: outside quotation marks
	Quote     Scope = "quote"     // inside quotation marks: a speaker's words
	Headline  Scope = "headline"  // the headline
	Any       Scope = "any"       // everywhere (entries only)
)

// Lexicon is a loaded, checked lexicon: categories of words to watch and
// concepts whose terms name one thing in different ways.
type Lexicon struct {
	// Name and Description come from the top file.
	Name, Description string
	// Files are the files read, the top one last.
	Files []string
	// Categories and Concepts in file order, layers merged.
	Categories []Category
	Concepts   []Concept
	// Tests are the examples of every file read.
	Tests []Test

	extends []extendsRef // files this one lays itself over, as written
	// open are the checks of one file that depend on what it is laid
	// over: a category's label and note, a concept's label and terms.
	open    []groupCheck
	matcher *Matcher
}

// Category is a class of words to watch.
type Category struct {
	ID, Label, Note string
	Tone            string
	Entries         []Entry
}

// Concept is one referent with several names.
type Concept struct {
	ID, Label, Note string
	Terms           []Entry
}

// Entry is one term of a category or concept.
type Entry struct {
	Term    string
	Tone    string
	Note    string
	Suggest []string
	Scope   Scope
	Exact   bool
	// Verb says the term is a verb whose forms are also a noun's ("claim",
	// "warning"): right after a determiner or a possessive ("a claim",
	// "the union's first claim") the word is the noun and does not count.
	Verb       bool
	Forms      []string
	Exceptions []string
	Link       string
	// Pos is where the entry is written, for messages.
	Pos Position

	// layer counts the files laid under the entry's own: where a word
	// matches terms of two layers, the upper one wins.
	layer int
}

// Test is an example the lexicon must (not) flag.
type Test struct {
	Text   string
	Scope  Scope
	Expect []string
	Not    []string
	Pos    Position
}

// Position is a place in a lexicon file.
type Position struct {
	File         string
	Line, Column int
}

// String gives file:line:col, or the file alone when the problem has no
// line (a file that cannot be read).
func (p Position) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Problem is one error found in a lexicon file.
type Problem struct {
	Pos     Position
	Message string
}

// Error lists every problem found, sorted by file and position.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Pos.String() + ": " + p.Message
	}
	return strings.Join(lines, "\n")
}

// Size returns the number of terms: category entries and concept terms.
func (l *Lexicon) Size() int {
	n := 0
	for _, c := range l.Categories {
		n += len(c.Entries)
	}
	for _, c := range l.Concepts {
		n += len(c.Terms)
	}
	return n
}

// Matcher returns the lexicon's compiled matcher.
func (l *Lexicon) Matcher() *Matcher {
	if l.matcher == nil {
		l.matcher = compile(l)
	}
	return l.matcher
}

// Only returns a lexicon holding just the category or concept id.
func (l *Lexicon) Only(id string) (*Lexicon, error) {
	out := &Lexicon{Name: l.Name, Description: l.Description, Files: l.Files}
	var ids []string
	for _, c := range l.Categories {
		ids = append(ids, c.ID)
		if c.ID == id {
			out.Categories = []Category{c}
		}
	}
	for _, c := range l.Concepts {
		ids = append(ids, c.ID)
		if c.ID == id {
			out.Concepts = []Concept{c}
		}
	}
	if len(out.Categories)+len(out.Concepts) == 0 {
		return nil, fmt.Errorf("no category or concept %q%s", id, didyoumean.Hint(id, ids))
	}
	out.matcher = compile(out)
	return out, nil
}
