package compare

import (
	"slices"
	"testing"
)

// TestClosestWordsSkipBlindNames checks that blind mode's placeholders
// ("Outlet A", "Outlet BC") are no words two sentences share, while the
// word "outlet" itself still counts.
func TestClosestWordsSkipBlindNames(t *testing.T) {
	got := closestWords("Zebra lanterns glow beside the Outlet A tent, Outlet BC said, at the outlet.")
	if slices.Contains(got, "outlet") && slices.Index(got, "outlet") < slices.Index(got, "tent") {
		t.Errorf("words %q: a placeholder counted as the word outlet", got)
	}
	if !slices.Contains(got, "outlet") {
		t.Errorf("words %q: the word outlet itself is lost", got)
	}
	if w := closestWords("Outlet A said so."); slices.Contains(w, "outlet") {
		t.Errorf("words %q hold the placeholder", w)
	}
	if w := closestWords("Mail www.outlet-a.example or @outlet-bc now."); slices.Contains(w, "outlet") {
		t.Errorf("words %q hold a blind id", w)
	}
	if w := closestWords("The outlet-based plan."); !slices.Contains(w, "outlet") {
		t.Errorf("words %q lost the word outlet", w)
	}
}
