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
		a, err := buildArticle(doc)
		if err != nil {
			return ev, nil, err
		}
		names[i] = a.Outlet
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
			other := blindLetterFor(idx, j)
			d.Text = replaceName(d.Text, names[j], "Outlet "+other)
			d.Headline = replaceName(d.Headline, names[j], "Outlet "+other)
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

// replaceName replaces an outlet's name in text, ignoring case and the
// spacing inside the name (Press TV, PressTV, press-tv), at word
// boundaries.
func replaceName(text, name, with string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '_' })
	if len(words) == 0 || text == "" {
		return text
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(`(?i)\b` + strings.Join(words, `[\s\-_]*`) + `\b`)
	if err != nil {
		return text
	}
	return re.ReplaceAllLiteralString(text, with)
}
