package compare

import (
	"strings"
	"testing"
)

// TestWordDiff checks word diffs on small pairs: each op's text and its
// offsets into the two texts.
func TestWordDiff(t *testing.T) {
	tests := []struct {
		name, from, to string
		want           []string // op:from>to, equal ops as op:text
	}{
		{"a verb swapped", "The minister said the talks failed.", "The minister claimed the talks failed.",
			[]string{"equal:The minister", "replace:said>claimed", "equal:the talks failed."}},
		{"a phrase swapped", "Then the crowd left the square.", "Then the mob fled the square.",
			[]string{"equal:Then the", "replace:crowd left>mob fled", "equal:the square."}},
		{"words added", "Police arrested 17 people.", "Police arrested 17 people on Monday.",
			[]string{"equal:Police arrested 17 people", "insert:>on Monday", "equal:."}},
		{"words dropped", "He said, politically, it was over.", "He said it was over.",
			[]string{"equal:He said", "delete:, politically,>", "equal:it was over."}},
		{"identical", "Same words here.", "Same words here.", []string{"equal:Same words here."}},
		{"a lone shared word joins the changes around it", "It met in the hall.", "It met with the council.",
			[]string{"equal:It met", "replace:in the hall>with the council", "equal:."}},
		{"a lone shared name stays shared", "Floods hit Velmar overnight.", "Storm cuts Velmar off.",
			[]string{"replace:Floods hit>Storm cuts", "equal:Velmar", "replace:overnight>off", "equal:."}},
		{"a lone shared figure stays shared", "They will free 210 fighters.", "The regime frees 210 rebels.",
			[]string{"replace:They will free>The regime frees", "equal:210", "replace:fighters>rebels", "equal:."}},
		{"curly and straight quotes are the same", `"No," he said.`, `“No,” he said.`,
			[]string{`equal:“No,” he said.`}},
		{"apostrophes are the same", "Russia's threat", "Russia’s warning",
			[]string{"equal:Russia’s", "replace:threat>warning"}},
		{"words differing only in case are the same", "Velmar mill to close", "VELMAR MILL TO SHUT",
			[]string{"equal:VELMAR MILL TO", "replace:close>SHUT"}},
		{"a word capitalized on the first side only is no name", "Police charged the crowd.", "Riot police then charged the crowd.",
			[]string{"replace:Police>Riot police then", "equal:charged the crowd."}},
		{"a word capitalized on the second side only is no name", "Riot police then charged the crowd.", "Police charged the crowd.",
			[]string{"replace:Riot police then>Police", "equal:charged the crowd."}},
		{"case and typography together", "Ostrel’s Mayor said", "OSTREL'S mayor claimed",
			[]string{"equal:OSTREL'S mayor", "replace:said>claimed"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ops := wordDiff(diffTokens(tc.from, 0), diffTokens(tc.to, 0),
				func(s, e int) string { return tc.from[s:e] }, func(s, e int) string { return tc.to[s:e] })
			var got []string
			for _, op := range ops {
				if op.FromStart >= 0 && tc.from[op.FromStart:op.FromEnd] != op.FromText {
					t.Errorf("%s: from offsets give %q, want %q", op.Op, tc.from[op.FromStart:op.FromEnd], op.FromText)
				}
				if op.ToStart >= 0 && tc.to[op.ToStart:op.ToEnd] != op.ToText {
					t.Errorf("%s: to offsets give %q, want %q", op.Op, tc.to[op.ToStart:op.ToEnd], op.ToText)
				}
				if op.Op == OpEqual {
					got = append(got, "equal:"+op.ToText)
				} else {
					got = append(got, op.Op+":"+op.FromText+">"+op.ToText)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("ops\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestWordDiffKeepsEachSidesText checks that words equal up to case are
// shown on each side as that side wrote them.
func TestWordDiffKeepsEachSidesText(t *testing.T) {
	from, to := "Carrow Looms shuts Velmar mill", "CARROW LOOMS SHUTS VELMAR MILL"
	ops := wordDiff(diffTokens(from, 0), diffTokens(to, 0),
		func(s, e int) string { return from[s:e] }, func(s, e int) string { return to[s:e] })
	if len(ops) != 1 || ops[0].Op != OpEqual || ops[0].FromText != from || ops[0].ToText != to {
		t.Fatalf("ops %+v, want one equal op with each side's own text", ops)
	}
	prefix, suffix := commonEnds(diffTokens(from, 0), diffTokens(to, 0))
	if prefix != 5 || suffix != 0 {
		t.Errorf("common ends %d, %d; want 5, 0: the tokens are the same up to case", prefix, suffix)
	}
}

// TestDiffTokens checks how text is cut into words and marks.
func TestDiffTokens(t *testing.T) {
	got := diffTokens("Russia’s 3,000 anti-missile U.S. \"shield\".", 10)
	var texts []string
	for _, tok := range got {
		texts = append(texts, tok.text)
	}
	want := []string{"Russia’s", "3,000", "anti-missile", "U.S", ".", "\"", "shield", "\"", "."}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("tokens %q, want %q", texts, want)
	}
	if got[0].start != 10 || got[0].end != 10+len("Russia’s") {
		t.Errorf("first token at [%d,%d), want offsets shifted by the base", got[0].start, got[0].end)
	}
}
