package didyoumean

import "testing"

func TestHint(t *testing.T) {
	known := []string{"file", "url", "outlet", "published"}
	tests := []struct{ word, want string }{
		{"fiel", ` (did you mean "file"?)`},
		{"URL", ` (did you mean "url"?)`},
		{"publshed", ` (did you mean "published"?)`},
		{"colour", " (known: file, url, outlet, published)"},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := Hint(tc.word, known); got != tc.want {
				t.Errorf("Hint(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"tone", "tones", 1}, {"kitten", "sitting", 3}, {"abc", "", 3}}
	for _, tc := range tests {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
