package compare

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestBlind checks that no outlet's name, file name or source survives in
// a blind comparison, that each article keeps its text otherwise, and
// that the letters do not depend on the order of the inputs.
func TestBlind(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/events/*")
	for _, dir := range dirs {
		ev, err := Load(context.Background(), []string{dir}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		blind, key, err := Blind(ev)
		if err != nil {
			t.Fatal(err)
		}
		if len(key) != len(ev.Documents) {
			t.Fatalf("%s: %d key entries for %d articles", dir, len(key), len(ev.Documents))
		}
		res, err := Compare(blind, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, a := range res.Articles {
			for _, s := range []string{a.ID, a.Outlet, a.Source, a.Headline, a.Text} {
				all.WriteString(s + "\n")
			}
			for _, r := range a.Removed {
				all.WriteString(r.Text + "\n")
			}
			if !strings.HasPrefix(a.Outlet, "Outlet ") {
				t.Errorf("%s: outlet %q is not blind", dir, a.Outlet)
			}
		}
		text := strings.ToLower(all.String())
		for _, k := range key {
			for _, v := range nameVariants(k.Outlet) {
				if strings.Contains(text, strings.ToLower(v)) {
					t.Errorf("%s: %q (outlet %s) still appears in the blind comparison", dir, v, k.Letter)
				}
			}
			base := strings.TrimSuffix(filepath.Base(k.Source), filepath.Ext(k.Source))
			if strings.Contains(text, strings.ToLower(base)) {
				t.Errorf("%s: source name %q still appears", dir, base)
			}
		}
		// The same articles in another order get the same letters.
		rev := ev
		rev.Documents = nil
		for i := len(ev.Documents) - 1; i >= 0; i-- {
			rev.Documents = append(rev.Documents, ev.Documents[i])
		}
		_, key2, err := Blind(rev)
		if err != nil {
			t.Fatal(err)
		}
		for i := range key {
			if key[i] != key2[i] {
				t.Errorf("%s: letters depend on input order: %+v vs %+v", dir, key[i], key2[i])
			}
		}
	}
}
