package lexicon

import "slices"

//go:generate go test -run TestBuiltinTable -update

// Default returns the built-in lexicon. It is default.yaml read ahead of
// time (builtin_gen.go, checked against the file by the tests, which also
// run its examples), so it costs no parsing or stemming; the error is
// always nil. Each call returns its own lexicon: changing one does not
// change the next, though their string lists (suggestions, forms,
// exceptions, expectations) are shared and must not be written to.
func Default() (*Lexicon, error) {
	l := builtin
	l.Files = slices.Clone(builtin.Files)
	l.Categories = slices.Clone(builtin.Categories)
	for i := range l.Categories {
		l.Categories[i].Entries = slices.Clone(l.Categories[i].Entries)
	}
	l.Concepts = slices.Clone(builtin.Concepts)
	for i := range l.Concepts {
		l.Concepts[i].Terms = slices.Clone(l.Concepts[i].Terms)
	}
	l.Tests = slices.Clone(builtin.Tests)
	l.matcher = builtinMatcher
	return &l, nil
}

// builtinMatcher is the built-in lexicon's trie, compiled ahead of time
// (builtin_gen.go). A Matcher is not changed after it is built, so every
// Default lexicon shares it.
var builtinMatcher = &Matcher{nodes: builtinNodes, edges: builtinEdges, entries: builtinEntries}
