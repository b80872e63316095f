package compare

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"sort"
	"strings"
)

// BlindKey says which outlet a blind letter stands for.
type BlindKey struct {
	// Letter is "A", "B", ...; Name is "Outlet A".
	Letter, Name string
	// Outlet and Source are the outlet's real name and input.
	Outlet, Source string
}

// Blind returns the event with every outlet's name replaced by "Outlet A",
// "Outlet B", ... everywhere it appears: the outlet name, the input's name
// and source (a file name or URL), and the outlet's own name in its
// headline and text (a copyright line, "told Press TV"). Letters follow a
// hash of each article's text, not the outlets' names or their order, so
// they give nothing away and the same input gets the same letters.
//
// Outlet names not given by a manifest or the page are found as Compare
// finds them, from the copyright or byline line or the file name.
func Blind(ev Event) (Event, []BlindKey, error) {
	if len(ev.Documents) > 26*26 {
		return ev, nil, fmt.Errorf("blind mode letters run out at %d articles", 26*26)
	}
	names := make([]string, len(ev.Documents))
	for i, doc := range ev.Documents {
		names[i] = doc.Outlet
		if names[i] == "" {
			names[i], _ = outletOf(doc, clean(doc))
		}
	}
	idx := make([]int, len(ev.Documents))
	hashes := make([]uint64, len(ev.Documents))
	for i, doc := range ev.Documents {
		idx[i] = i
		h := fnv.New64a()
		h.Write([]byte(doc.Text))
		h.Write([]byte(doc.Headline))
		hashes[i] = h.Sum64()
	}
	sort.SliceStable(idx, func(x, y int) bool { return hashes[idx[x]] < hashes[idx[y]] })
	out := ev
	out.Documents = append([]Document(nil), ev.Documents...)
	keys := make([]BlindKey, len(idx))
	for n, i := range idx {
		letter := blindLetter(n)
		name := "Outlet " + letter
		keys[n] = BlindKey{Letter: letter, Name: name, Outlet: names[i], Source: ev.Documents[i].Source}
		d := &out.Documents[i]
		// Every outlet's name is hidden in every text: outlets cite each
		// other too.
		for j := range names {
			other := "Outlet " + blindLetterFor(idx, j)
			for _, variant := range nameVariants(names[j]) {
				var shift func(int) int
				d.Text, shift = replaceName(d.Text, variant, other)
				if d.Kept != nil {
					kept := make([]Span, len(d.Kept))
					for k, sp := range d.Kept {
						kept[k] = Span{shift(sp.Start), shift(sp.End)}
					}
					d.Kept = kept
				}
				d.Headline, _ = replaceName(d.Headline, variant, other)
			}
		}
		d.Outlet, d.OutletFrom = name, "blind"
		d.Name = "outlet-" + strings.ToLower(letter)
		d.Source = d.Name
		d.Published = ev.Documents[i].Published
	}
	return out, keys, nil
}

// blindLetterFor returns the letter given to document j.
func blindLetterFor(idx []int, j int) string {
	for n, i := range idx {
		if i == j {
			return blindLetter(n)
		}
	}
	return "?"
}

// blindLetter is A..Z, then AA, AB, ...
func blindLetter(n int) string {
	if n < 26 {
		return string(rune('A' + n))
	}
	return string(rune('A'+n/26-1)) + string(rune('A'+n%26))
}

// nameVariants are the ways a text may write an outlet's name: whole, and
// without a leading "The" ("the Daily Clarion").
func nameVariants(name string) []string {
	out := []string{name}
	for _, the := range []string{"The ", "the "} {
		if rest, ok := strings.CutPrefix(name, the); ok && strings.TrimSpace(rest) != "" {
			out = append(out, rest)
		}
	}
	return out
}

// replaceName replaces an outlet's name in text, ignoring case and the
// spacing inside the name (Press TV, PressTV, press-tv), at word
// boundaries. shift maps an offset of the old text to the new one, for
// the spans that refer to it.
func replaceName(text, name, with string) (string, func(int) int) {
	same := func(i int) int { return i }
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '_' })
	if len(words) == 0 || text == "" {
		return text, same
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(`(?i)\b` + strings.Join(words, `[\s\-_]*`) + `\b`)
	if err != nil {
		return text, same
	}
	matches := re.FindAllStringIndex(text, -1)
	if len(matches) == 0 {
		return text, same
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		b.WriteString(text[last:m[0]])
		b.WriteString(with)
		last = m[1]
	}
	b.WriteString(text[last:])
	shift := func(i int) int {
		d := 0
		for _, m := range matches {
			switch {
			case i >= m[1]:
				d += len(with) - (m[1] - m[0])
			case i > m[0]:
				return m[0] + d + min(i-m[0], len(with))
			}
		}
		return i + d
	}
	return b.String(), shift
}
