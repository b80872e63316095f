package compare

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// fullestDoc is one outlet's short story quoting a port union's organiser.
func fullestDoc(outlet, quote string) Document {
	return Document{Source: strings.ToLower(strings.ReplaceAll(outlet, " ", "-")) + ".txt", Kind: "text",
		Outlet: outlet, OutletFrom: "manifest", Headline: "Drivers stay at the Ostrel port gates",
		Text: "Truck drivers blocked the gates of the Ostrel port on Monday over unpaid wages.\n\n" +
			"\"" + quote + ",\" union organiser Mara Dorsey said.\n\n" +
			"The port authority said talks would resume on Thursday.\n"}
}

// quoteSummary is a statement's measuring version and each outlet's status,
// for comparing results.
func quoteSummary(t *testing.T, res *Result) string {
	t.Helper()
	if len(res.Quotes) != 1 {
		t.Fatalf("%d statements, want 1", len(res.Quotes))
	}
	g := res.Quotes[0]
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s |", g.Source, g.Text)
	for _, u := range g.Outlets {
		fmt.Fprintf(&b, " %s=%s", u.Outlet, u.Status)
	}
	return b.String()
}

// TestFullestVersionByAgreement checks which version of a statement the
// others are measured against: the wording most outlets print beats a
// longer one that changes it; a version that carries the shared wording
// further is still the fullest, the others trimmed; ties go the same way
// whatever the reference outlet or the order the articles come in.
func TestFullestVersionByAgreement(t *testing.T) {
	const (
		shared   = "We will stay at the gates until the port agrees to pay us"
		tabloid  = "We will stay at the gates until the port is forced to pay us"
		extended = "We will stay at the gates until the port agrees to pay us what we are owed for the winter"
		trimmed  = "We will stay at the gates"
		other    = "We will stay at the gates until the port decides to pay us"
	)
	for _, tc := range []struct {
		name   string
		quotes map[string]string // outlet -> its quote
		source string            // the outlet whose version is measured against
		status map[string]string
	}{
		{
			name: "majority over a longer change",
			quotes: map[string]string{
				"Quillton Bugle": tabloid, "Harbor Ledger": shared, "Ostrel Herald": shared, "Fenwick Star": shared,
			},
			source: "fenwick-star",
			status: map[string]string{
				"quillton-bugle": StatusAltered, "harbor-ledger": StatusFull, "ostrel-herald": StatusFull, "fenwick-star": StatusFull,
			},
		},
		{
			name: "a fuller version over trimmed ones",
			quotes: map[string]string{
				"Quillton Bugle": tabloid, "Harbor Ledger": shared, "Ostrel Herald": extended, "Fenwick Star": shared,
				"Brackwater Times": trimmed,
			},
			source: "ostrel-herald",
			status: map[string]string{
				"quillton-bugle": StatusAltered, "harbor-ledger": StatusTruncated, "ostrel-herald": StatusFull,
				"fenwick-star": StatusTruncated, "brackwater-times": StatusTruncated,
			},
		},
		{
			name: "a tie of as many words goes to the first outlet by id",
			quotes: map[string]string{
				"Quillton Bugle": other, "Harbor Ledger": shared, "Ostrel Herald": other, "Fenwick Star": shared,
			},
			source: "fenwick-star",
			status: map[string]string{
				"quillton-bugle": StatusAltered, "harbor-ledger": StatusFull, "ostrel-herald": StatusAltered, "fenwick-star": StatusFull,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			outlets := make([]string, 0, len(tc.quotes))
			for o := range tc.quotes {
				outlets = append(outlets, o)
			}
			slices.Sort(outlets)
			var want string
			// Every order of the articles and every reference outlet: the
			// same result.
			for turn := range outlets {
				var ev Event
				for i := range outlets {
					o := outlets[(i+turn)%len(outlets)]
					ev.Documents = append(ev.Documents, fullestDoc(o, tc.quotes[o]))
				}
				for _, ref := range append([]string{""}, outlets...) {
					res, err := Compare(ev, Options{Reference: ref})
					if err != nil {
						t.Fatal(err)
					}
					got := quoteSummary(t, res)
					if want == "" {
						want = got
						g := res.Quotes[0]
						if g.Source != tc.source {
							t.Errorf("measured against %s's %q, want %s's", g.Source, g.Text, tc.source)
						}
						for _, u := range g.Outlets {
							if u.Status != tc.status[u.Outlet] {
								t.Errorf("%s: %s, want %s", u.Outlet, u.Status, tc.status[u.Outlet])
							}
						}
						continue
					}
					if got != want {
						t.Fatalf("articles from %s, reference %q:\n%s\nwant\n%s", outlets[turn], ref, got, want)
					}
				}
			}
		})
	}
}

// fullestVersionEveryPair is fullestVersion as first written: every
// wording measured against every other. The bounded search must choose as
// it does.
func fullestVersionEveryPair(vs [][]qtok) int {
	best, bestHeld := -1, 0
	seen := map[string]bool{}
	for i, c := range vs {
		if seen[joinNorm(c)] {
			continue
		}
		seen[joinNorm(c)] = true
		held := 0
		for _, w := range vs {
			if quoteStatus(c, w) != StatusAltered {
				held++
			}
		}
		if best < 0 || held > bestHeld || held == bestHeld && len(c) > len(vs[best]) {
			best, bestHeld = i, held
		}
	}
	return best
}

// TestFullestVersionBounded checks, on random sets of versions drawn from
// a few words with ellipses, that stopping at the bound chooses the
// version that measuring every pair does.
func TestFullestVersionBounded(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	words := []string{"the", "board", "agrees", "is", "forced", "to", "meet", "us"}
	for trial := range 3000 {
		base := make([]qtok, 3+rng.IntN(6))
		for i := range base {
			base[i] = qtok{norm: words[rng.IntN(len(words))]}
		}
		vs := make([][]qtok, 2+rng.IntN(8))
		for i := range vs {
			switch rng.IntN(4) {
			case 0: // the base words
				vs[i] = slices.Clone(base)
			case 1: // trimmed at both ends
				from := rng.IntN(len(base))
				vs[i] = slices.Clone(base[from : from+1+rng.IntN(len(base)-from)])
			case 2: // a word changed, dropped or added
				v := slices.Clone(base)
				k := rng.IntN(len(v))
				switch rng.IntN(3) {
				case 0:
					v[k].norm = words[rng.IntN(len(words))]
				case 1:
					v = slices.Delete(v, k, k+1)
				default:
					v = slices.Insert(v, k, qtok{norm: words[rng.IntN(len(words))]})
				}
				vs[i] = v
			default: // two parts with an ellipsis between
				v := slices.Clone(base)
				if len(v) > 2 {
					k := 1 + rng.IntN(len(v)-1)
					v = slices.Delete(v, k, min(len(v)-1, k+rng.IntN(2)))
					v[min(k, len(v)-1)].ellipsis = true
				}
				vs[i] = v
			}
			if len(vs[i]) == 0 {
				vs[i] = slices.Clone(base)
			}
		}
		if got, want := fullestVersion(vs), fullestVersionEveryPair(vs); got != want {
			t.Fatalf("trial %d: chose version %d, every pair chooses %d; versions %v", trial, got, want, vs)
		}
	}
}
