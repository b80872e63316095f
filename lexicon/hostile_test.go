package lexicon

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slant-news/slant/internal/growth"
)

// TestYAMLBombs checks that aliases, which can make a few lines stand for
// billions of values, and deep nesting are refused with one message at
// their place, quickly, whether the lexicon is parsed, loaded or edited.
func TestYAMLBombs(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("name: bomb\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 20; i++ {
		fmt.Fprintf(&bomb, "x%d: &a%d [%s*a%d]\n", i, i, strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 8), i-1)
	}
	bomb.WriteString("categories: *a19\n")
	deep := "name: deep\ncategories: " + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + "\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"billion laughs", bomb.String(), "bomb.yaml:3:10: alias *a0: anchors and aliases are not supported; write the value out (171 more aliases)"},
		{"shared note", "name: n\ncategories:\n  - id: a\n    label: A\n    note: &n Why it matters.\n    entries:\n      - {term: claimed, tone: doubt, note: *n}\n",
			"bomb.yaml:7:44: alias *n: anchors and aliases are not supported; write the value out"},
		{"deep nesting", deep, "bomb.yaml:2:1: exceeded max depth of 10000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse("bomb.yaml", []byte(tc.yaml))
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("Parse took %v", elapsed)
			}
			var le *Error
			if !errors.As(err, &le) || len(le.Problems) != 1 || err.Error() != tc.want {
				t.Fatalf("Parse: %v, want the one problem %q", err, tc.want)
			}
			path := filepath.Join(t.TempDir(), "bomb.yaml")
			if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := Load(path); err == nil || !strings.HasSuffix(err.Error(), strings.TrimPrefix(tc.want, "bomb.yaml")) {
				t.Errorf("Load: %v, want %q", err, tc.want)
			}
			if _, err := Add("bomb.yaml", []byte(tc.yaml), Addition{Category: "a", Term: "asserted", Tone: "neutral"}); err == nil {
				t.Error("Add edited a lexicon it cannot load")
			}
			if _, err := Remove("bomb.yaml", []byte(tc.yaml), "claimed"); err == nil {
				t.Error("Remove edited a lexicon it cannot load")
			}
		})
	}
}

// TestLoadSizeLimit checks that a lexicon file is read up to its limit
// only, even from a device whose size says nothing.
func TestLoadSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "huge.yaml: larger than 16 MiB") {
		t.Errorf("Load of a file over the limit: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	start := time.Now()
	_, err = Load("/dev/zero")
	if err == nil || !strings.Contains(err.Error(), "/dev/zero: larger than 16 MiB") {
		t.Errorf("Load of /dev/zero: %v", err)
	}
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("Load of /dev/zero took %v", elapsed)
	}
}

// TestMarkQuotedAgainstReference checks the one-sweep marking of quoted
// tokens against the obvious check of every token against every span, on
// random spans that may overlap, nest and come in any order.
func TestMarkQuotedAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var toks []token
		for pos := rng.IntN(3); pos < 60; pos += 1 + rng.IntN(4) {
			end := pos + 1 + rng.IntN(5)
			toks = append(toks, token{start: int32(pos), end: int32(end)})
			pos = end
		}
		spans := make([][2]int, rng.IntN(5))
		for i := range spans {
			s := rng.IntN(70)
			spans[i] = [2]int{s, s + rng.IntN(30)}
		}
		markQuoted(toks, spans)
		for _, tk := range toks {
			want := false
			for _, sp := range spans {
				want = want || (int(tk.start) >= sp[0] && int(tk.end) <= sp[1])
			}
			if tk.quoted != want {
				t.Fatalf("token [%d,%d) with spans %v: quoted %v, want %v", tk.start, tk.end, spans, tk.quoted, want)
			}
		}
	}
}

// TestFindManyQuoteSpans checks that a sentence holding thousands of
// quotations is matched in time linear in its length.
func TestFindManyQuoteSpans(t *testing.T) {
	l := loadSmall(t)
	measure := func(n int) time.Duration {
		text := strings.Repeat(`"alleged" claimed `, n)
		var spans [][2]int
		for i := range n {
			spans = append(spans, [2]int{18*i + 1, 18*i + 8})
		}
		sc := l.Matcher().Scanner()
		best := time.Duration(0)
		for i := range 3 {
			start := growth.CPUNow()
			hs := sc.Find(Text{Text: text, QuoteSpans: spans})
			if d := growth.CPUNow() - start; i == 0 || d < best {
				best = d
			}
			if len(hs) != 2*n || hs[0].Scope != Quote || hs[1].Scope != Narration {
				t.Fatalf("%d hits, first %+v", len(hs), hs[0])
			}
		}
		return best
	}
	n := 20_000
	if testing.Short() {
		n = 5_000
	}
	growth.Check(t, "the quotations", n, measure)
}
