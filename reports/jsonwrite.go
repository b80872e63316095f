package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonWriter appends JSON as a json.Encoder with HTML escaping off writes
// it, indented by two spaces a level (as SetIndent("", "  ") does) or
// compact. The report types write themselves through it field by field:
// a comparison's JSON is most of a run's output, and writing it this way
// takes a fifth of the time and memory of reflection followed by a second,
// indenting pass. TestWriterLikeEncoder holds every type to encoding/json's
// bytes.
type jsonWriter struct {
	b      []byte
	indent bool
	depth  int
	empty  bool  // nothing written yet in the object or array just opened
	err    error // the first value JSON cannot hold (NaN, an infinity)
	// With out set, b is written to out and emptied whenever a record
	// opens with flushAt bytes or more in it; werr is the first write
	// error, after which nothing more is written.
	out     io.Writer
	flushAt int
	werr    error
}

// spaces is indentation for up to 32 levels; deeper levels take more.
const spaces = "                                                                "

func (w *jsonWriter) newline() {
	if !w.indent {
		return
	}
	w.b = append(w.b, '\n')
	for n := 2 * w.depth; n > 0; n -= len(spaces) {
		w.b = append(w.b, spaces[:min(n, len(spaces))]...)
	}
}

// open starts an object ('{') or an array ('[').
func (w *jsonWriter) open(c byte) {
	if w.out != nil && len(w.b) >= w.flushAt {
		w.flush()
	}
	if cap(w.b)-len(w.b) < minFree {
		w.grow()
	}
	w.b = append(w.b, c)
	w.depth++
	w.empty = true
}

// minFree is the room a record starts with: records are seldom longer, so
// the buffer grows only in open.
const minFree = 4 << 10

// grow at least doubles the buffer. append would grow a large one by a
// quarter at a time, each time into memory the process has not touched
// yet; a report of a few hundred kilobytes then costs more in page faults
// and copies than in writing.
func (w *jsonWriter) grow() {
	b := make([]byte, len(w.b), max(2*cap(w.b), 64<<10))
	copy(b, w.b)
	w.b = b
}

// flush writes what is buffered to out and empties the buffer.
func (w *jsonWriter) flush() {
	if w.werr == nil && len(w.b) > 0 {
		_, w.werr = w.out.Write(w.b)
	}
	w.b = w.b[:0]
}

// close ends the object or array open starts; an empty one stays {} or [].
func (w *jsonWriter) close(c byte) {
	w.depth--
	if !w.empty {
		w.newline()
	}
	w.b = append(w.b, c)
	w.empty = false
}

// elem starts an element of an array.
func (w *jsonWriter) elem() {
	if !w.empty {
		w.b = append(w.b, ',')
	}
	w.empty = false
	w.newline()
}

// key starts a member of an object; k is a field name, which needs no
// escaping.
func (w *jsonWriter) key(k string) {
	w.elem()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	if w.indent {
		w.b = append(w.b, ' ')
	}
}

func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

func (w *jsonWriter) str(s string) { w.b = appendJSONString(w.b, s) }

func (w *jsonWriter) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

func (w *jsonWriter) bool(v bool) { w.b = strconv.AppendBool(w.b, v) }

// unsupported is encoding/json's error for a number JSON cannot hold.
func unsupported(f float64) error {
	return fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
}

// float writes f as encoding/json does: plain decimals from 1e-6 up to
// 1e21, exponents with at least one digit outside that.
func (w *jsonWriter) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if w.err == nil {
			w.err = unsupported(f)
		}
		w.null()
		return
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 is written 1e-7.
		if n := len(w.b); n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
}

func (w *jsonWriter) strField(k, v string)       { w.key(k); w.str(v) }
func (w *jsonWriter) intField(k string, v int)   { w.key(k); w.int(v) }
func (w *jsonWriter) boolField(k string, v bool) { w.key(k); w.bool(v) }
func (w *jsonWriter) floatField(k string, v float64) {
	w.key(k)
	w.float(v)
}

// writeArray writes xs with one call of elem per element; nil is null.
func writeArray[T any](w *jsonWriter, xs []T, elem func(*T)) {
	if xs == nil {
		w.null()
		return
	}
	w.open('[')
	for i := range xs {
		w.elem()
		elem(&xs[i])
	}
	w.close(']')
}

func (w *jsonWriter) strings(xs []string) {
	writeArray(w, xs, func(s *string) { w.str(*s) })
}

func (w *jsonWriter) ints(xs []int) {
	writeArray(w, xs, func(n *int) { w.int(*n) })
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes strings with
// HTML escaping off: quotation marks, backslashes and control characters
// escaped, invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped (they end
// lines in JavaScript).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
