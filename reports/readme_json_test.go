package reports

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// jsonField is one field of the JSON document: its path without array
// marks ("quotes.outlets.outlet"), and the Go type that holds it with the
// field's name, so that a type used in two places (DiffOp) is documented
// once.
type jsonField struct {
	path, owner, name string
}

// jsonFields lists every field a value of type t writes, under prefix.
func jsonFields(t reflect.Type, prefix string) []jsonField {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []jsonField
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		out = append(out, jsonField{path: path, owner: t.Name(), name: name})
		out = append(out, jsonFields(f.Type, path)...)
	}
	return out
}

var (
	backticked = regexp.MustCompile("`([^`]+)`")
	identifier = regexp.MustCompile(`^[a-z_0-9]+$`)
)

// readmeJSONPaths reads the README's table of JSON fields and returns the
// paths it names in its first column (rows) and every path it documents,
// with "[]" taken out: a row's own paths and the objects holding them, and
// the fields its meaning names
// in backticks, as fields of the row's path or as its siblings
// ("`outlets[].name` ... `name_from`"), or inside `{a, b}` as fields of the
// name before it ("`members[]` of `{outlet, text}`").
func readmeJSONPaths(t *testing.T) (rows []string, documented map[string]bool) {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	start := strings.Index(doc, "\n## JSON output\n")
	if start < 0 {
		t.Fatal("README has no JSON output section")
	}
	doc = doc[start+1:]
	if end := strings.Index(doc, "\n## "); end >= 0 {
		doc = doc[:end]
	}
	plain := func(s string) string { return strings.ReplaceAll(s, "[]", "") }
	parent := func(p string) string {
		if i := strings.LastIndexByte(p, '.'); i >= 0 {
			return p[:i]
		}
		return ""
	}
	join := func(a, b string) string {
		if a == "" {
			return b
		}
		return a + "." + b
	}
	documented = map[string]bool{}
	for line := range strings.SplitSeq(doc, "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.SplitN(line, " | ", 2)
		if len(cells) != 2 {
			t.Fatalf("README JSON table: cannot read row %q", line)
		}
		var owners []string
		for _, m := range backticked.FindAllStringSubmatch(cells[0], -1) {
			p := plain(m[1])
			if len(owners) > 0 && !strings.Contains(p, ".") {
				p = join(parent(owners[0]), p)
			}
			owners = append(owners, p)
			rows = append(rows, p)
			// A row for event.title documents event too.
			for q := p; q != ""; q = parent(q) {
				documented[q] = true
			}
		}
		last := ""
		for _, m := range backticked.FindAllStringSubmatch(cells[1], -1) {
			tok := plain(m[1])
			if inner, ok := strings.CutPrefix(tok, "{"); ok && strings.HasSuffix(inner, "}") && last != "" {
				for name := range strings.SplitSeq(strings.TrimSuffix(inner, "}"), ",") {
					for _, o := range owners {
						documented[join(join(o, last), strings.TrimSpace(name))] = true
					}
				}
				continue
			}
			if !identifier.MatchString(tok) {
				continue
			}
			last = tok
			for _, o := range owners {
				documented[join(o, tok)] = true
				documented[join(parent(o), tok)] = true
			}
		}
	}
	return rows, documented
}

// TestReadmeDocumentsJSON holds the README's table of JSON fields to the
// document slant writes, both ways: every field of Document is named in
// it (a type used in two places, such as DiffOp, once will do), and every
// path the table's first column names is a field.
func TestReadmeDocumentsJSON(t *testing.T) {
	rows, documented := readmeJSONPaths(t)
	fields := jsonFields(reflect.TypeFor[Document](), "")
	byOwner := map[string]bool{}
	for _, f := range fields {
		if documented[f.path] {
			byOwner[f.owner+"."+f.name] = true
		}
	}
	paths := map[string]bool{}
	for _, f := range fields {
		paths[f.path] = true
		if !byOwner[f.owner+"."+f.name] {
			t.Errorf("README's JSON table does not name %s (field %s of %s)", f.path, f.name, f.owner)
		}
	}
	for _, r := range rows {
		if !paths[r] {
			t.Errorf("README's JSON table names %s, which the JSON output has no field for", r)
		}
	}
	// slant quotes writes the same fields, as the README says.
	for _, f := range jsonFields(reflect.TypeFor[QuotesDocument](), "") {
		if !paths[f.path] {
			t.Errorf("slant quotes writes %s, which the README's JSON table does not have", f.path)
		}
	}
	if !slices.Contains(rows, "quotes.outlets") {
		t.Errorf("README's JSON table has no row for quotes[].outlets[]: rows %v", rows)
	}
}
