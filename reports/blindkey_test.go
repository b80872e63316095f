package reports

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/slant-news/slant/compare"
)

func TestBlindKeyFormats(t *testing.T) {
	key := []compare.BlindKey{
		{Letter: "A", Name: "Outlet A", Outlet: "Smith & Sons | <b>Gazette</b>", Source: "ev/smith.txt"},
		{Letter: "B", Name: "Outlet B", Outlet: "Ostrel\nHerald", Source: "https://ostrel.example/a?x=1&y=2"},
	}
	render := func(format string) string {
		t.Helper()
		var b strings.Builder
		if err := BlindKey(&b, key, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		return b.String()
	}

	md := render("markdown")
	for _, want := range []string{
		"| Outlet A | Smith & Sons \\| \\<b>Gazette\\</b> | ev/smith.txt |\n",
		"| Outlet B | Ostrel Herald | https://ostrel.example/a?x=1&y=2 |\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown key lacks %q:\n%s", want, md)
		}
	}

	html := render("html")
	if strings.Contains(html, "<b>Gazette") || !strings.Contains(html, "<td>Smith &amp; Sons | &lt;b&gt;Gazette&lt;/b&gt;</td>") {
		t.Errorf("html key does not escape the outlet:\n%s", html)
	}

	js := render("json")
	var rows []struct{ Letter, Name, Outlet, Source string }
	if err := json.Unmarshal([]byte(js), &rows); err != nil {
		t.Fatalf("json key: %v\n%s", err, js)
	}
	if len(rows) != 2 || rows[0].Outlet != key[0].Outlet || rows[1].Source != key[1].Source || rows[1].Letter != "B" {
		t.Errorf("json key rows = %+v", rows)
	}
	if strings.Contains(js, `\u0026`) {
		t.Errorf("json key escapes & for HTML:\n%s", js)
	}

	text := render("text")
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) != 5 || lines[2] != "LETTER    OUTLET                         SOURCE" ||
		lines[4] != "Outlet B  Ostrel Herald                  https://ostrel.example/a?x=1&y=2" {
		t.Errorf("text key:\n%s", text)
	}

	if err := BlindKey(&strings.Builder{}, key, "pdf"); err == nil {
		t.Error("BlindKey accepted format pdf")
	}
}
