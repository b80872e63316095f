package reports

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/slant-news/slant/lexicon"
)

// LexiconFile is a lexicon in the shape of its file format, for showing it
// as YAML or JSON.
type LexiconFile struct {
	Name        string            `json:"name" yaml:"name"`
	Description string            `json:"description,omitempty" yaml:"description,omitempty"`
	Categories  []LexiconCategory `json:"categories" yaml:"categories"`
	Concepts    []LexiconConcept  `json:"concepts" yaml:"concepts"`
}

// LexiconCategory is a category of a shown lexicon.
type LexiconCategory struct {
	ID      string         `json:"id" yaml:"id"`
	Label   string         `json:"label" yaml:"label"`
	Note    string         `json:"note" yaml:"note"`
	Entries []LexiconEntry `json:"entries" yaml:"entries"`
}

// LexiconConcept is a concept of a shown lexicon.
type LexiconConcept struct {
	ID    string         `json:"id" yaml:"id"`
	Label string         `json:"label" yaml:"label"`
	Note  string         `json:"note,omitempty" yaml:"note,omitempty"`
	Terms []LexiconEntry `json:"terms" yaml:"terms"`
}

// LexiconEntry is one term of a shown lexicon.
type LexiconEntry struct {
	Term       string   `json:"term" yaml:"term"`
	Tone       string   `json:"tone" yaml:"tone"`
	Note       string   `json:"note,omitempty" yaml:"note,omitempty"`
	Suggest    []string `json:"suggest,omitempty" yaml:"suggest,omitempty,flow"`
	Scope      string   `json:"scope,omitempty" yaml:"scope,omitempty"`
	Exact      bool     `json:"exact,omitempty" yaml:"exact,omitempty"`
	Forms      []string `json:"forms,omitempty" yaml:"forms,omitempty,flow"`
	Exceptions []string `json:"exceptions,omitempty" yaml:"exceptions,omitempty,flow"`
	Link       string   `json:"link,omitempty" yaml:"link,omitempty"`
}

// NewLexiconFile builds the file-shaped model of a lexicon.
func NewLexiconFile(l *lexicon.Lexicon) *LexiconFile {
	f := &LexiconFile{Name: l.Name, Description: l.Description, Categories: []LexiconCategory{}, Concepts: []LexiconConcept{}}
	entries := func(es []lexicon.Entry) []LexiconEntry {
		out := make([]LexiconEntry, 0, len(es))
		for _, e := range es {
			scope := string(e.Scope)
			if scope == string(lexicon.Narration) {
				scope = ""
			}
			out = append(out, LexiconEntry{Term: e.Term, Tone: e.Tone, Note: e.Note, Suggest: e.Suggest, Scope: scope,
				Exact: e.Exact, Forms: e.Forms, Exceptions: e.Exceptions, Link: e.Link})
		}
		return out
	}
	for _, c := range l.Categories {
		f.Categories = append(f.Categories, LexiconCategory{ID: c.ID, Label: c.Label, Note: c.Note, Entries: entries(c.Entries)})
	}
	for _, c := range l.Concepts {
		f.Concepts = append(f.Concepts, LexiconConcept{ID: c.ID, Label: c.Label, Note: c.Note, Terms: entries(c.Terms)})
	}
	return f
}

// LexiconYAML writes the lexicon in its file format.
func LexiconYAML(w io.Writer, l *lexicon.Lexicon) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(NewLexiconFile(l)); err != nil {
		return err
	}
	return enc.Close()
}

// LexiconJSON writes the lexicon as JSON in the shape of its file format.
func LexiconJSON(w io.Writer, l *lexicon.Lexicon) error {
	return writeJSON(w, NewLexiconFile(l))
}

// LexiconText writes the lexicon for reading: each category and concept
// with its note, then its terms with tone and note.
func LexiconText(w io.Writer, l *lexicon.Lexicon) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "%s: %s\n", l.Name, LexiconSummary(l))
	entry := func(e lexicon.Entry) {
		line := fmt.Sprintf("    %s (%s)", e.Term, e.Tone)
		if e.Scope != lexicon.Narration {
			line += " [" + string(e.Scope) + "]"
		}
		if e.Note != "" {
			line += ": " + e.Note
		}
		if len(e.Suggest) > 0 {
			line += " Instead: " + strings.Join(e.Suggest, ", ") + "."
		}
		fmt.Fprintln(b, line)
	}
	for _, c := range l.Categories {
		fmt.Fprintf(b, "\ncategory %s: %s\n  %s\n", c.ID, c.Label, c.Note)
		for _, e := range c.Entries {
			entry(e)
		}
	}
	for _, c := range l.Concepts {
		fmt.Fprintf(b, "\nconcept %s: %s\n", c.ID, c.Label)
		if c.Note != "" {
			fmt.Fprintf(b, "  %s\n", c.Note)
		}
		for _, e := range c.Terms {
			entry(e)
		}
	}
	return b.Flush()
}

// LexiconSummary counts a lexicon's terms, categories, concepts and tests
// in words: "701 terms in 12 categories and 33 concepts, 67 tests".
func LexiconSummary(l *lexicon.Lexicon) string {
	return fmt.Sprintf("%s in %s and %s, %s", plural(l.Size(), "term", "terms"),
		plural(len(l.Categories), "category", "categories"), plural(len(l.Concepts), "concept", "concepts"),
		plural(len(l.Tests), "test", "tests"))
}
