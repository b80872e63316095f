package reports

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// indentCases are documents with the shapes a report has, the strings
// that could mislead an indenter, and space that json.Indent drops or keeps.
var indentCases = []string{
	`{}`, `[]`, `{"a":{}}`, `{"a":[]}`, `[[],{},[{}]]`, `{"a":1,"b":[1,2,{"c":null}],"d":true}`,
	`"plain"`, `12.5e-3`, `-0`, `null`, `{"k":"a \"quoted\" word"}`, `{"k":"ends in a backslash \\"}`,
	`{"k":"\\\"","l":"\\\\"}`, `{"{[":"]},:"}`, `["\u2028\u2029","<b>&amp;</b>","日本語"]`,
	`{"a":[{"b":[{"c":[]}]}],"e":""}`, `[ 1, {"a" : [ ] } ]`, " \n{\"a\":1}", "{\"a\":1} \n\t",
}

// indentErrors are malformed documents indentJSON must notice.
var indentErrors = []string{
	`{"unterminated`, `"\"`, `]`, `[1]]`, `{"a":[1}`, `[1,2`, `[ 1 `,
}

// TestIndentJSON checks indentJSON against encoding/json's indenter.
func TestIndentJSON(t *testing.T) {
	for _, c := range indentCases {
		for _, src := range []string{c, c + "\n"} {
			var want bytes.Buffer
			if err := json.Indent(&want, []byte(src), "", "  "); err != nil {
				t.Fatalf("%q: %v", src, err)
			}
			got, err := indentJSON([]byte("kept"), []byte(src))
			if err != nil || !bytes.Equal(got, append([]byte("kept"), want.Bytes()...)) {
				t.Errorf("indentJSON(%q) = %v,\n%s\nwant\nkept%s", src, err, got, want.Bytes())
			}
		}
	}
	for _, src := range indentErrors {
		if got, err := indentJSON(nil, []byte(src)); err == nil {
			t.Errorf("indentJSON(%q) = %q, want an error", src, got)
		}
	}
}

// TestStringEnd checks where strings end. indentJSON alone cannot show a
// wrong answer here: json.Indent, its fallback, would hide it.
func TestStringEnd(t *testing.T) {
	for _, c := range []struct {
		src  string
		end  int
		ends bool
	}{
		{`"",`, 2, true},
		{`"a\"b",`, 6, true},
		{`"a\\",`, 5, true},
		{`"\\\"",`, 6, true},
		{`"\\\\"",`, 6, true},
		{`"\u2028"`, 8, true},
		{`"a\"`, 4, false},
		{`"`, 1, false},
	} {
		if end, ends := stringEnd([]byte(c.src), 0); end != c.end || ends != c.ends {
			t.Errorf("stringEnd(%q) = %d, %v; want %d, %v", c.src, end, ends, c.end, c.ends)
		}
	}
}

// TestWriteJSONLikeEncoder checks that writeJSON writes the bytes of an
// indenting json.Encoder, on every golden report.
func TestWriteJSONLikeEncoder(t *testing.T) {
	goldens, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	if len(goldens) == 0 {
		t.Fatal("no JSON goldens")
	}
	for _, path := range goldens {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&got, v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: writeJSON differs from an indenting Encoder", path)
		}
	}
}

// FuzzIndentJSON checks indentJSON against json.Indent on any valid
// document, as it is and in compact form, and that it never panics on
// anything else.
func FuzzIndentJSON(f *testing.F) {
	for _, c := range indentCases {
		f.Add([]byte(c))
	}
	for _, c := range indentErrors {
		f.Add([]byte(c))
	}
	for _, seed := range goldenPieces(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			indentJSON(nil, data) // must not panic
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		for _, src := range [][]byte{data, compact.Bytes()} {
			var want bytes.Buffer
			if err := json.Indent(&want, src, "", "  "); err != nil {
				t.Fatal(err)
			}
			got, err := indentJSON(nil, src)
			if err != nil || !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("indentJSON(%q) = %v,\n%s\nwant\n%s", src, err, got, want.Bytes())
			}
		}
	})
}

// goldenPieces returns the top-level fields of the golden reports in
// compact form, lists cut to their first element: every shape a report
// has, in pieces small enough for the fuzzer to shrink the inputs it finds.
// Whole reports are too large for that, and it spends its time on them.
func goldenPieces(f *testing.F) [][]byte {
	goldens, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	var pieces [][]byte
	for _, path := range goldens {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(data, &fields); err != nil {
			f.Fatalf("%s: %v", path, err)
		}
		for _, key := range slices.Sorted(maps.Keys(fields)) {
			value := fields[key]
			var list []json.RawMessage
			if json.Unmarshal(value, &list) == nil && len(list) > 1 {
				value = slices.Concat([]byte("["), list[0], []byte("]"))
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, value); err != nil {
				f.Fatalf("%s: %s: %v", path, key, err)
			}
			pieces = append(pieces, compact.Bytes())
		}
	}
	if len(pieces) == 0 {
		f.Fatal("no JSON goldens")
	}
	return pieces
}

// BenchmarkIndentJSON compares indentJSON with json.Indent on the NATO
// report:
//
//	go test ./reports -run '^$' -bench BenchmarkIndentJSON -benchmem
func BenchmarkIndentJSON(b *testing.B) {
	res := compareEvent(b, "../testdata/events/nato-missile-shield-2012")
	compact, err := json.Marshal(NewDocument(res))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("indentJSON", func(b *testing.B) {
		b.SetBytes(int64(len(compact)))
		buf := make([]byte, 0, 2*len(compact))
		for b.Loop() {
			var err error
			buf, err = indentJSON(buf[:0], compact)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Indent", func(b *testing.B) {
		b.SetBytes(int64(len(compact)))
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := json.Indent(&buf, compact, "", "  "); err != nil {
				b.Fatal(err)
			}
		}
	})
}
