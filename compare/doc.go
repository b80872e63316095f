// Package compare turns several outlets' articles about one event into one
// plain value: the articles as cleaned and split into sentences, the groups of
// sentences that report the same thing across outlets, the sentences only one
// outlet reports, and word-level differences between aligned sentences.
//
// The steps follow the data flow of slant: Load reads files, directories,
// standard input, URLs and event manifests into Documents; Compare cleans
// each document of page furniture (keeping what it removed, by rule), splits
// the body into sentences, aligns sentences across outlets through an inverted
// index of their evidence (stemmed words, names, numbers, quotations and
// related words) and diffs the wording of every aligned pair.
//
// The package never prints and holds no global state: every function takes
// values and returns values, and the same input gives the same result.
package compare
