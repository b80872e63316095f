package wordnet

import (
	_ "embed"
	"strings"
)

//go:embed related.txt
var relatedText string

//go:embed LICENSE-WordNet
var licenseText string

// License returns the WordNet 3.0 licence text, which must go with every
// copy of the table (and so of a binary that embeds it).
func License() string { return licenseText }

// body is the table without its header: one line per word, "word id id
// ...", the words in ascending byte order. The tests check its form.
var body = relatedText[headerEnd(relatedText):]

// headerEnd returns the offset of the first line not starting with "#".
func headerEnd(text string) int {
	pos := 0
	for strings.HasPrefix(text[pos:], "#") {
		nl := strings.IndexByte(text[pos:], '\n')
		if nl < 0 {
			return len(text)
		}
		pos += nl + 1
	}
	return pos
}

// Groups returns the ids of the related-word groups the word belongs to, for a
// lowercase word; nil when it has none. The ids are stable for one build of the table.
//
// The ids are in ascending order, in a new slice the caller may keep or
// change. Groups looks the word up in the embedded text itself, by binary
// search over its lines, so there is nothing to read ahead: a lookup costs
// about a microsecond, and a run that looks up a few hundred words pays no
// more. It is safe for concurrent use.
func Groups(word string) []uint32 {
	line, ok := findLine(body, word)
	if !ok {
		return nil
	}
	return decodeIDs(line[len(word):])
}

// findLine returns the line of text (without its newline) whose word is
// word. text is whole lines in ascending word order; the search keeps lo
// and hi at line starts and halves the bytes between them.
func findLine(text, word string) (string, bool) {
	lo, hi := 0, len(text)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(text[lo:mid], '\n') + 1
		end := start + strings.IndexByte(text[start:hi], '\n')
		if end < start {
			return "", false // no final newline: not the table's form
		}
		line := text[start:end]
		w := line
		if sp := strings.IndexByte(line, ' '); sp >= 0 {
			w = line[:sp]
		}
		switch {
		case w == word:
			return line, true
		case w < word:
			lo = end + 1
		default:
			hi = start
		}
	}
	return "", false
}

// decodeIDs reads " id id ..." (ascending decimal ids, each after one
// space) into a slice of exactly their number.
func decodeIDs(s string) []uint32 {
	ids := make([]uint32, 0, strings.Count(s, " "))
	var id uint32
	for i := 1; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			ids = append(ids, id)
			id = 0
			continue
		}
		id = id*10 + uint32(s[i]-'0')
	}
	return ids
}
