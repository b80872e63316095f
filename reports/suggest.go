package reports

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/slant-news/slant/compare"
)

// SuggestionsYAML writes word swaps as lexicon concepts ready to paste, each
// with how often and where it was seen. Tones are left neutral and notes
// empty for the editor to fill in after checking each swap in context.
func SuggestionsYAML(w io.Writer, subs []compare.Substitution) error {
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, "# Word swaps between aligned sentences that the lexicon does not know yet,")
	fmt.Fprintln(b, "# most frequent first. Check each in context: keep those that name one thing")
	fmt.Fprintln(b, "# two ways, set their tones, write a one-sentence note for each, and paste them")
	fmt.Fprintln(b, "# under concepts: (or as entries of a category) in your lexicon file.")
	if len(subs) == 0 {
		fmt.Fprintln(b, "# (none found)")
		fmt.Fprintln(b, "concepts: []")
		return b.Flush()
	}
	fmt.Fprintln(b, "concepts:")
	ids := map[string]bool{}
	for _, s := range subs {
		ex := s.Examples[0]
		seen := "once"
		if n := len(s.Examples); n > 1 {
			seen = fmt.Sprintf("%d times", n)
		}
		fmt.Fprintf(b, "  # seen %s; e.g. %s: %s %q, %s %q\n", seen, ex.Alignment,
			ex.FromOutlet, ex.FromText, ex.ToOutlet, ex.ToText)
		id := slug(s.From + " " + s.To)
		for n := 2; ids[id]; n++ {
			id = fmt.Sprintf("%s-%d", slug(s.From+" "+s.To), n)
		}
		ids[id] = true
		fmt.Fprintf(b, "  - id: %s\n", id)
		fmt.Fprintf(b, "    label: %s\n", strconv.Quote(s.From+" / "+s.To))
		fmt.Fprintf(b, "    note: \"\"\n")
		fmt.Fprintf(b, "    terms:\n")
		fmt.Fprintf(b, "      - {term: %s, tone: neutral}\n", strconv.Quote(s.From))
		fmt.Fprintf(b, "      - {term: %s, tone: neutral}\n", strconv.Quote(s.To))
	}
	return b.Flush()
}

// slug makes a lexicon id (lower-case ASCII letters, digits and hyphens)
// of a phrase.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "suggested"
	}
	return b.String()
}
