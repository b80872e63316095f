package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/slant-news/slant/compare"
)

// BlindKey writes which letter of a blind comparison stands for which
// outlet, one row per letter in letter order, as "text", "markdown",
// "html" or "json" (the formats of the reports). The JSON is an array of
// objects with the fields letter, name, outlet and source.
func BlindKey(w io.Writer, key []compare.BlindKey, format string) error {
	var b bytes.Buffer
	switch format {
	case "text":
		blindKeyText(&b, key)
	case "markdown":
		b.WriteString("# Which outlet is which\n\n| letter | outlet | source |\n| --- | --- | --- |\n")
		for _, k := range key {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdEscape(k.Name, false), mdEscape(k.Outlet, false), mdEscape(k.Source, false))
		}
	case "html":
		if err := blindKeyHTML.Execute(&b, key); err != nil {
			return err
		}
	case "json":
		rows := make([]blindKeyRow, len(key))
		for i, k := range key {
			rows[i] = blindKeyRow(k)
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown key format %q (want text, markdown, html or json)", format)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// blindKeyRow is one letter of the key in JSON.
type blindKeyRow struct {
	Letter string `json:"letter"`
	Name   string `json:"name"`
	Outlet string `json:"outlet"`
	Source string `json:"source"`
}

// blindKeyText is the key as aligned columns under a heading.
func blindKeyText(b *bytes.Buffer, key []compare.BlindKey) {
	rows := [][3]string{{"LETTER", "OUTLET", "SOURCE"}}
	for _, k := range key {
		rows = append(rows, [3]string{k.Name, strings.Join(strings.Fields(k.Outlet), " "), strings.Join(strings.Fields(k.Source), " ")})
	}
	var width [2]int
	for _, r := range rows {
		for c := range width {
			width[c] = max(width[c], utf8.RuneCountInString(r[c]))
		}
	}
	b.WriteString("Which outlet is which\n\n")
	for _, r := range rows {
		for c := range width {
			b.WriteString(r[c])
			b.WriteString(strings.Repeat(" ", width[c]-utf8.RuneCountInString(r[c])+2))
		}
		b.WriteString(r[2])
		b.WriteByte('\n')
	}
}

var blindKeyHTML = template.Must(template.New("key").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Which outlet is which</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ccc; vertical-align: top; overflow-wrap: anywhere; }
</style>
</head>
<body>
<h1>Which outlet is which</h1>
<table>
<thead><tr><th>letter</th><th>outlet</th><th>source</th></tr></thead>
<tbody>
{{range .}}<tr><td>{{.Name}}</td><td>{{.Outlet}}</td><td>{{.Source}}</td></tr>
{{end}}</tbody>
</table>
</body>
</html>
`))
