package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// trickyStrings are strings whose JSON form needs care: escapes, control
// characters, invalid UTF-8, characters encoding/json escapes or leaves.
var trickyStrings = []string{
	"", "plain", `a "quoted" word`, `back\slash`, "tab\tnew\nline\rcr", "\b\f\x00\x01\x1f\x7f",
	"<b>&amp;</b>", "\u2028\u2029", "日本語 “curly” — dash", "bad \xff\xfe utf-8", "\xe2\x80", "é\u0301",
	"end\\", "\U0001F600 emoji",
}

// trickyFloats are numbers at the edges of encoding/json's two formats.
var trickyFloats = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.001, 1e-6, 9.99e-7, 1e-7, 1.5e-10,
	1e20, 1e21, 1.2345e22, -3.25e-8, 123456789.125, 0.1 + 0.2, math.MaxFloat64, math.SmallestNonzeroFloat64}

// fill sets every field reachable from v to random values: nil or short
// slices, nil or set pointers, tricky strings and numbers.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(trickyStrings[r.IntN(len(trickyStrings))])
	case reflect.Int:
		v.SetInt(int64(r.IntN(2001) - 1000))
	case reflect.Float64:
		if r.IntN(2) == 0 {
			v.SetFloat(trickyFloats[r.IntN(len(trickyFloats))])
		} else {
			v.SetFloat(r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20)))
		}
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Pointer:
		if depth > 6 || r.IntN(3) == 0 {
			v.SetZero()
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(r, v.Elem(), depth+1)
	case reflect.Slice:
		n := r.IntN(4) - 1 // -1: nil
		if depth > 6 || n < 0 {
			v.SetZero()
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(r, v.Index(i), depth+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(r, v.Field(i), depth+1)
		}
	default:
		panic("fill: no values for " + v.Type().String())
	}
}

// encoderBytes is what a json.Encoder with HTML escaping off writes, with
// two spaces of indentation or compact (then without the final newline).
func encoderBytes(t *testing.T, v any, indent bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if !indent {
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	}
	return buf.Bytes()
}

// TestWriterLikeEncoder fills whole documents with random values (every
// field of every type, nil and empty slices, nil pointers) and checks that
// AppendJSON writes encoding/json's bytes, indented and compact.
func TestWriterLikeEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		var d Document
		fill(r, reflect.ValueOf(&d).Elem(), 0)
		for _, indent := range []bool{true, false} {
			got, err := d.AppendJSON([]byte("kept"), indent)
			if err != nil {
				t.Fatal(err)
			}
			want := append([]byte("kept"), encoderBytes(t, &d, indent)...)
			if !bytes.Equal(got, want) {
				at := 0
				for at < min(len(got), len(want)) && got[at] == want[at] {
					at++
				}
				t.Fatalf("document %d (indent %v) differs from encoding/json at byte %d:\n got %q\nwant %q",
					i, indent, at, got[max(0, at-80):min(len(got), at+80)], want[max(0, at-80):min(len(want), at+80)])
			}
		}
	}
}

// TestWriterReports checks AppendJSON against encoding/json on the test
// events' real documents.
func TestWriterReports(t *testing.T) {
	for _, dir := range []string{"../testdata/events/nato-missile-shield-2012", "../testdata/events/solvik-port-protest-2026", "../testdata/events/karvania-ceasefire-2025", "../testdata/events/ashford-derailment-2026"} {
		d := NewDocument(compareEvent(t, dir))
		got, err := d.AppendJSON(nil, true)
		if err != nil {
			t.Fatal(err)
		}
		if want := encoderBytes(t, d, true); !bytes.Equal(got, want) {
			t.Errorf("%s: AppendJSON differs from encoding/json", dir)
		}
	}
}

// TestWriterNaN checks that a number JSON cannot hold is refused as
// encoding/json refuses it.
func TestWriterNaN(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		d := Document{Headlines: &Headlines{Score: f}}
		_, err := d.AppendJSON(nil, true)
		_, want := json.Marshal(d)
		if err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("score %v: error %v, want %v", f, err, want)
		}
	}
}

// FuzzJSONString checks appendJSONString against encoding/json on any
// string.
func FuzzJSONString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// FuzzJSONFloat checks the writer's numbers against encoding/json.
func FuzzJSONFloat(f *testing.F) {
	for _, x := range trickyFloats {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		want, werr := json.Marshal(x)
		w := jsonWriter{}
		w.float(x)
		if (werr == nil) != (w.err == nil) || (werr == nil && !bytes.Equal(w.b, want)) {
			t.Errorf("float(%v) = %s, %v; want %s, %v", x, w.b, w.err, want, werr)
		}
	})
}

func BenchmarkAppendJSON(b *testing.B) {
	d := NewDocument(compareEvent(b, "../testdata/events/nato-missile-shield-2012"))
	b.Run("writer", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf, _ = d.AppendJSON(buf[:0], true)
		}
		b.SetBytes(int64(len(buf)))
	})
	b.Run("writer-fresh", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf, _ = d.AppendJSON(nil, true)
		}
		b.SetBytes(int64(len(buf)))
	})
	b.Run("encoding-json", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			writeJSON(&buf, d)
		}
		b.SetBytes(int64(buf.Len()))
	})
}

// TestAppendJSONReserveBounded checks that the room reserved ahead for a
// document of huge sentences stays bounded (a 32 MiB article would
// otherwise reserve 24 times that).
func TestAppendJSONReserveBounded(t *testing.T) {
	big := strings.Repeat("word ", 2<<20) // 10 MiB of sentence text
	d := Document{Outlets: []Outlet{{Sentences: []Sentence{{Text: big}}}}}
	out, err := d.AppendJSON(nil, true)
	if err != nil {
		t.Fatal(err)
	}
	if spare := cap(out) - len(out); spare > maxReserve {
		t.Errorf("%d bytes of room left unused, more than the bound %d", spare, maxReserve)
	}
	if !bytes.Contains(out, []byte(big[:1000])) {
		t.Error("the sentence is not in the document")
	}
}

// chunkWriter records the writes it is given; from the write numbered
// failAt on (when positive) it fails.
type chunkWriter struct {
	bytes.Buffer
	writes, failAt int
}

var errWriteFailed = errors.New("write failed")

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.writes++
	if c.failAt > 0 && c.writes >= c.failAt {
		return 0, errWriteFailed
	}
	return c.Buffer.Write(p)
}

// TestWriteJSONLikeAppend checks that WriteJSON, flushing at any size,
// writes the bytes AppendJSON appends.
func TestWriteJSONLikeAppend(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	chunked := false
	for i := range 100 {
		var d Document
		fill(r, reflect.ValueOf(&d).Elem(), 0)
		for _, indent := range []bool{true, false} {
			want, err := d.AppendJSON(nil, indent)
			if err != nil {
				t.Fatal(err)
			}
			for _, flushAt := range []int{1, 200, 32 << 10} {
				var c chunkWriter
				if err := d.streamJSON(&c, indent, flushAt); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(c.Bytes(), want) {
					t.Fatalf("document %d (indent %v, flush at %d): WriteJSON differs from AppendJSON", i, indent, flushAt)
				}
				chunked = chunked || c.writes > 1
			}
		}
	}
	if !chunked {
		t.Error("no document was written in more than one chunk")
	}
}

// TestWriteJSONWriteError checks that the first write error is returned
// and nothing more is written after it.
func TestWriteJSONWriteError(t *testing.T) {
	d := NewDocument(compareEvent(t, "../testdata/events/nato-missile-shield-2012"))
	c := chunkWriter{failAt: 2}
	if err := d.streamJSON(&c, true, 1<<10); !errors.Is(err, errWriteFailed) {
		t.Fatalf("error %v, want the writer's", err)
	}
	if c.writes != 2 {
		t.Errorf("%d writes, want 2: none after the one that failed", c.writes)
	}
}

// fillAll sets every slice reachable from v to one element and every
// pointer to a value, so that every field of every type is present.
func fillAll(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillAll(v.Index(0))
	case reflect.Struct:
		for i := range v.NumField() {
			fillAll(v.Field(i))
		}
	}
}

// floatsIn returns every float64 reachable from v.
func floatsIn(v reflect.Value) []reflect.Value {
	switch v.Kind() {
	case reflect.Float64:
		return []reflect.Value{v}
	case reflect.Pointer:
		if !v.IsNil() {
			return floatsIn(v.Elem())
		}
	case reflect.Slice:
		var out []reflect.Value
		for i := range v.Len() {
			out = append(out, floatsIn(v.Index(i))...)
		}
		return out
	case reflect.Struct:
		var out []reflect.Value
		for i := range v.NumField() {
			out = append(out, floatsIn(v.Field(i))...)
		}
		return out
	}
	return nil
}

// TestCheckFindsEveryNumber sets each number of a document holding every
// field of every type to NaN or an infinity in turn, and checks that Check
// refuses it as encoding/json does and that WriteJSON writes nothing. A
// number added to a type and not to Check fails it.
func TestCheckFindsEveryNumber(t *testing.T) {
	var d Document
	fillAll(reflect.ValueOf(&d).Elem())
	if err := d.Check(); err != nil {
		t.Fatalf("a document of zero numbers: %v", err)
	}
	floats := floatsIn(reflect.ValueOf(&d).Elem())
	if len(floats) < 6 {
		t.Fatalf("found %d numbers in the document, want at least 6", len(floats))
	}
	for i, f := range floats {
		for _, bad := range []float64{math.NaN(), math.Inf(-1)} {
			f.SetFloat(bad)
			_, want := json.Marshal(&d)
			var c chunkWriter
			err := d.streamJSON(&c, true, 1)
			if want == nil || err == nil || err.Error() != want.Error() || d.Check() == nil {
				t.Errorf("number %d set to %v: Check says %v, WriteJSON %v, want %v", i, bad, d.Check(), err, want)
			}
			if c.writes > 0 {
				t.Errorf("number %d set to %v: %d writes before the error, want none", i, bad, c.writes)
			}
			f.SetFloat(0)
		}
	}
}
