package wordnet

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// table is related.txt as read: the words stay in the text and are found by
// binary search over their offsets; the ids are decoded once.
type table struct {
	text      string
	wordStart []uint32 // offset of the i-th word in text
	wordLen   []uint8  // its length
	idStart   []uint32 // ids[idStart[i]:idStart[i+1]] are the i-th word's groups
	ids       []uint32
}

// find returns the index of word in the table.
func (t *table) find(word string) (int, bool) {
	lo, hi := 0, len(t.wordStart)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if t.word(mid) < word {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(t.wordStart) && t.word(lo) == word
}

// word returns the i-th word, a substring of the text.
func (t *table) word(i int) string {
	start := t.wordStart[i]
	return t.text[start : start+uint32(t.wordLen[i])]
}

// parse reads the table format written by gen: "#" header lines, then one
// line per word in strictly ascending order, "word id id ...", the ids in
// ascending decimal.
func parse(text string) (*table, error) {
	t := &table{text: text}
	words, ids := sizeHint(text)
	t.wordStart = make([]uint32, 0, words)
	t.wordLen = make([]uint8, 0, words)
	t.idStart = make([]uint32, 0, words+1)
	t.ids = make([]uint32, 0, ids)
	if len(text) > 1<<31 {
		return nil, errors.New("table too large")
	}
	line := 0
	prev := ""
	for pos := 0; pos < len(text); {
		line++
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			return nil, fmt.Errorf("line %d: no final newline", line)
		}
		end += pos
		if text[pos] == '#' {
			pos = end + 1
			continue
		}
		wordEnd := pos
		for wordEnd < end && text[wordEnd] != ' ' {
			c := text[wordEnd]
			if c < 'a' || c > 'z' {
				return nil, fmt.Errorf("line %d: word has %q", line, c)
			}
			wordEnd++
		}
		word := text[pos:wordEnd]
		switch {
		case word == "":
			return nil, fmt.Errorf("line %d: no word", line)
		case len(word) > 255:
			return nil, fmt.Errorf("line %d: word too long", line)
		case word <= prev:
			return nil, fmt.Errorf("line %d: %q is out of order", line, word)
		}
		prev = word
		t.wordStart = append(t.wordStart, uint32(pos))
		t.wordLen = append(t.wordLen, uint8(len(word)))
		t.idStart = append(t.idStart, uint32(len(t.ids)))
		first := len(t.ids)
		for i := wordEnd; i < end; {
			if text[i] != ' ' || i+1 == end {
				return nil, fmt.Errorf("line %d: want one space before each id", line)
			}
			i++
			var id uint64
			digits := 0
			for ; i < end && text[i] != ' '; i++ {
				c := text[i]
				if c < '0' || c > '9' || digits == 10 {
					return nil, fmt.Errorf("line %d: bad id", line)
				}
				id = id*10 + uint64(c-'0')
				digits++
			}
			if digits == 0 || id > 1<<32-1 {
				return nil, fmt.Errorf("line %d: bad id", line)
			}
			if len(t.ids) > first && uint32(id) <= t.ids[len(t.ids)-1] {
				return nil, fmt.Errorf("line %d: ids not ascending", line)
			}
			t.ids = append(t.ids, uint32(id))
		}
		if len(t.ids) == first {
			return nil, fmt.Errorf("line %d: %q has no groups", line, word)
		}
		pos = end + 1
	}
	t.idStart = append(t.idStart, uint32(len(t.ids)))
	return t, nil
}

// sizeHint reads the counts gen writes in the header ("# words N groups G
// ids M"), so that parse allocates once; zeros when they are missing.
func sizeHint(text string) (words, ids int) {
	for line := range strings.Lines(text) {
		if !strings.HasPrefix(line, "#") {
			break
		}
		f := strings.Fields(line)
		if len(f) != 7 || f[1] != "words" || f[5] != "ids" {
			continue
		}
		w, err1 := strconv.Atoi(f[2])
		n, err2 := strconv.Atoi(f[6])
		if err1 != nil || err2 != nil || w < 0 || n < 0 || w > len(text) || n > len(text) {
			break
		}
		return w, n
	}
	return 0, 0
}
