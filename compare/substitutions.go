package compare

import (
	"sort"
	"strings"
	"unicode"
)

// Substitution is a short swap of words between aligned sentences: what one
// outlet wrote where another wrote something else. Those the lexicon does
// not know yet are candidates for it.
type Substitution struct {
	// From and To are the swapped words, in lower case.
	From, To string
	// Examples are the places it was seen: alignment id and outlets.
	Examples []SubstitutionExample
}

// SubstitutionExample is one place a substitution was seen.
type SubstitutionExample struct {
	Alignment, FromOutlet, ToOutlet string
	FromText, ToText                string
}

// maxSwapWords bounds each side of a swap worth suggesting.
const maxSwapWords = 3

// UnknownSubstitutions returns the short word swaps in the result's diffs
// where neither side holds a lexicon flag and the words differ in more than
// form, most frequent first.
func UnknownSubstitutions(res *Result) []Substitution {
	flagged := map[string][][2]int{}
	for _, f := range res.Flags {
		if f.Sentence >= 0 {
			flagged[f.Outlet] = append(flagged[f.Outlet], [2]int{f.Start, f.End})
		}
	}
	known := func(outlet string, start, end int) bool {
		for _, s := range flagged[outlet] {
			if s[0] < end && s[1] > start {
				return true
			}
		}
		return false
	}
	fs := newFeatureSet()
	byPair := map[[2]string]*Substitution{}
	for _, d := range res.Differences {
		if d.Group == "headline" {
			continue
		}
		for _, op := range d.Ops {
			if op.Op != OpReplace {
				continue
			}
			from, to := swapWords(op.FromText), swapWords(op.ToText)
			if from == "" || to == "" || len(strings.Fields(from)) > maxSwapWords || len(strings.Fields(to)) > maxSwapWords {
				continue
			}
			if sameStems(fs, from, to) || !contentful(from) || !contentful(to) {
				continue
			}
			if known(d.From, op.FromStart, op.FromEnd) || known(d.To, op.ToStart, op.ToEnd) {
				continue
			}
			key := [2]string{from, to}
			if to < from {
				key = [2]string{to, from}
			}
			s := byPair[key]
			if s == nil {
				s = &Substitution{From: key[0], To: key[1]}
				byPair[key] = s
			}
			s.Examples = append(s.Examples, SubstitutionExample{Alignment: d.Group, FromOutlet: d.From, ToOutlet: d.To,
				FromText: op.FromText, ToText: op.ToText})
		}
	}
	out := make([]Substitution, 0, len(byPair))
	for _, s := range byPair {
		out = append(out, *s)
	}
	sortSubstitutions(out)
	return out
}

// swapWords lower-cases a diff side and keeps only its words. Dots inside
// a word stay, with the one that ends it (a.m., U.S.), so that the term
// written back matches the text.
func swapWords(s string) string {
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’' && r != '.'
	}) {
		w = strings.Trim(w, "-'’")
		if inner := strings.TrimRight(w, "."); !strings.Contains(inner, ".") {
			w = inner
		}
		w = strings.Trim(w, "-'’")
		if w != "" {
			words = append(words, strings.ToLower(w))
		}
	}
	return strings.Join(words, " ")
}

// contentful says whether a phrase has a word that is not a stop word or a
// number.
func contentful(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if _, isNum := normalizeNumber(w); !isNum && !isStop(w) {
			return true
		}
	}
	return false
}

// sameStems says whether two phrases are the same words in other forms.
func sameStems(fs *featureSet, a, b string) bool {
	stems := func(p string) string {
		var out []string
		for _, w := range strings.Fields(p) {
			out = append(out, fs.stem(w))
		}
		return strings.Join(out, " ")
	}
	return stems(a) == stems(b)
}

// MergeSubstitutions adds the substitutions of more events to a list, most
// frequent first.
func MergeSubstitutions(a, b []Substitution) []Substitution {
	byPair := map[[2]string]int{}
	out := append([]Substitution(nil), a...)
	for i, s := range out {
		byPair[[2]string{s.From, s.To}] = i
	}
	for _, s := range b {
		if i, ok := byPair[[2]string{s.From, s.To}]; ok {
			out[i].Examples = append(out[i].Examples, s.Examples...)
			continue
		}
		byPair[[2]string{s.From, s.To}] = len(out)
		out = append(out, s)
	}
	sortSubstitutions(out)
	return out
}

// sortSubstitutions orders substitutions most frequent first, then by
// their words; no two share both words, so the order is total.
func sortSubstitutions(out []Substitution) {
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Examples) != len(out[j].Examples) {
			return len(out[i].Examples) > len(out[j].Examples)
		}
		if out[i].From != out[j].From {
			return out[i].From < out[j].From
		}
		return out[i].To < out[j].To
	})
}
