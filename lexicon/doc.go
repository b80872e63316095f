// Package lexicon reads, checks and applies slant's lexicon of word choices:
// categories of words to watch (attribution verbs, doubt markers, labels,
// euphemisms, ...) and concepts whose terms name one thing with different
// connotations ("missile shield" and "missile defense system").
//
// Lexicons are YAML files that teachers, editors and researchers edit; the
// format is documented in docs/lexicon.md. Load reads a file with the files
// it extends and reports every problem at once with its line and column;
// Default returns the built-in lexicon embedded from default.yaml. A
// Matcher finds every term of a lexicon in a text in one pass over its
// words, whatever the lexicon's size.
package lexicon
