package yamlcheck

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestAliases(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // the aliases' names, in order
		message    string
	}{
		{"none", "a: &x 1\nb: [1, 2]\n", nil, ""},
		{"one", "a: &x 1\nb: *x\n", []string{"x"}, "alias *x: anchors and aliases are not supported; write the value out"},
		{"nested in order", "a: &x [1]\ny: &y 2\nz: &z 3\nb: {c: [*x, *y]}\nd: *z\n", []string{"x", "y", "z"}, "(2 more aliases)"},
		{"merge key", "a: &x {b: 1}\nc:\n  <<: *x\n", []string{"x"}, "alias *x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var root yaml.Node
			if err := yaml.Unmarshal([]byte(tc.yaml), &root); err != nil {
				t.Fatal(err)
			}
			found := Aliases(&root)
			var names []string
			for _, n := range found {
				names = append(names, n.Value)
			}
			if strings.Join(names, ",") != strings.Join(tc.want, ",") {
				t.Fatalf("Aliases = %q, want %q", names, tc.want)
			}
			if len(found) > 0 && !strings.Contains(AliasMessage(found), tc.message) {
				t.Errorf("AliasMessage = %q, want it to contain %q", AliasMessage(found), tc.message)
			}
		})
	}
}

// TestAliasesBomb checks that a document of aliases to aliases, which would
// expand to billions of values, is searched in time linear in its size.
func TestAliasesBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 30; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s*a%d]\n", i, i, strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 8), i-1)
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(b.String()), &root); err != nil {
		t.Fatal(err)
	}
	if got := len(Aliases(&root)); got != 29*9 {
		t.Errorf("found %d aliases, want %d", got, 29*9)
	}
}

// TestSyntaxError checks that syntax errors are put on the line, counted
// from 1, where yaml.v3 found them, whether its scanner or its parser did.
func TestSyntaxError(t *testing.T) {
	tests := []struct {
		yaml string
		line int
		msg  string
	}{
		{"&", 1, "did not find expected alphabetic or numeric character"},
		{"#\n&", 2, "did not find expected alphabetic or numeric character"},
		{"#\r&", 2, "did not find expected alphabetic or numeric character"},
		{"a: b\nc: !<\n", 2, "did not find expected tag URI"},
		{"a: [b\n", 2, "did not find expected ',' or ']'"},
		{"a: {b\n", 2, "did not find expected ',' or '}'"},
		{"a: b\n- c\n", 2, "did not find expected key"},
		{"a: b\n  c: d\n", 2, "mapping values are not allowed in this context"},
		{"a:\n\tb: c\n", 2, "found character that cannot start any token"},
		{"a: b\nc\n", 2, "could not find expected ':'"},
	}
	for _, tc := range tests {
		t.Run(tc.yaml, func(t *testing.T) {
			var root yaml.Node
			err := yaml.Unmarshal([]byte(tc.yaml), &root)
			if err == nil {
				t.Fatal("no syntax error")
			}
			line, msg := SyntaxError(err)
			if line != tc.line || msg != tc.msg {
				t.Errorf("SyntaxError = %d, %q; want %d, %q", line, msg, tc.line, tc.msg)
			}
		})
	}
}
