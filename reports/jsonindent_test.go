package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// indentCases are compact documents with the shapes a report has, and the
// strings that could mislead an indenter.
var indentCases = []string{
	`{}`, `[]`, `{"a":{}}`, `{"a":[]}`, `[[],{},[{}]]`, `{"a":1,"b":[1,2,{"c":null}],"d":true}`,
	`"plain"`, `12.5e-3`, `null`, `{"k":"a \"quoted\" word"}`, `{"k":"ends in a backslash \\"}`,
	`{"k":"\\\"","l":"\\\\"}`, `{"{[":"]},:"}`, `["\u2028\u2029","<b>&amp;</b>","日本語"]`,
	`{"a":[{"b":[{"c":[]}]}],"e":""}`,
}

// TestIndentJSON checks indentJSON against encoding/json's indenter.
func TestIndentJSON(t *testing.T) {
	for _, c := range indentCases {
		for _, src := range []string{c, c + "\n"} {
			var want bytes.Buffer
			if err := json.Indent(&want, []byte(src), "", "  "); err != nil {
				t.Fatalf("%q: %v", src, err)
			}
			if got := indentJSON(nil, []byte(src)); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("indentJSON(%q) =\n%s\nwant\n%s", src, got, want.Bytes())
			}
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

// FuzzIndentJSON checks indentJSON against json.Indent on the compact form
// of any valid document, and that it never panics on anything else.
func FuzzIndentJSON(f *testing.F) {
	for _, c := range indentCases {
		f.Add([]byte(c))
	}
	f.Add([]byte(`{"unterminated`))
	f.Add([]byte(`]]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		indentJSON(nil, data) // must not panic
		if !json.Valid(data) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("indentJSON(%q) =\n%s\nwant\n%s", compact.Bytes(), got, want.Bytes())
		}
	})
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
			buf = indentJSON(buf[:0], compact)
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
