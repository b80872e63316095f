package reports

import (
	"bytes"
	"encoding/json"
	"io"
)

// writeJSON writes v as one JSON document indented by two spaces, with
// HTML characters left as they are, and a final newline: the bytes a
// json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false) writes.
// It marshals compactly and indents with indentJSON, as encoding/json's own
// indenter reads one byte at a time through its scanner and costs several
// times the marshalling on a large report.
func writeJSON(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(indentJSON(make([]byte, 0, 2*compact.Len()), compact.Bytes()))
	return err
}

// indentJSON appends src, compact JSON as encoding/json writes it (no space
// outside strings), to dst indented as json.Indent(dst, src, "", "  ")
// would: a newline and two spaces per level after each opening bracket
// and comma and before each closing one, ": " after a key, empty objects
// and arrays kept as {} and []. Strings are copied whole. Bytes it does not
// expect between tokens are copied as they are; it never fails.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			dst = append(dst, c)
			depth++
			newline()
		case '}', ']':
			depth = max(0, depth-1)
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd returns the offset just past the string starting with the
// quotation mark at src[start]: after the next quotation mark not escaped
// by an odd number of backslashes, or len(src) when there is none.
func stringEnd(src []byte, start int) int {
	for j := start + 1; j < len(src); {
		k := bytes.IndexByte(src[j:], '"')
		if k < 0 {
			break
		}
		j += k
		backslashes := 0
		for p := j - 1; p > start && src[p] == '\\'; p-- {
			backslashes++
		}
		j++
		if backslashes%2 == 0 {
			return j
		}
	}
	return len(src)
}
