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
	out, err := indentJSON(make([]byte, 0, 2*compact.Len()), compact.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// indentJSON appends src to dst indented as json.Indent(dst, src, "", "  ")
// would: a newline and two spaces per level after each opening bracket
// and comma and before each closing one, ": " after a key, empty objects
// and arrays kept as {} and []. Strings are copied whole.
//
// It is written for compact JSON as encoding/json writes it, where the
// only space outside strings is a final newline. On anything else it
// cheaply notices (space between tokens, an unclosed string, brackets that
// do not balance) it hands src to json.Indent instead, so that the result
// is json.Indent's for every valid input, and so is the error for the
// malformed inputs it notices. Other malformed input is copied through
// without an error.
func indentJSON(dst, src []byte) ([]byte, error) {
	start := len(dst)
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
			end, ok := stringEnd(src, i)
			if !ok {
				return slowIndent(dst[:start], src)
			}
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
			if depth == 0 {
				return slowIndent(dst[:start], src)
			}
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		case ' ', '\t', '\r', '\n':
			// Space is kept only after the whole value, as json.Indent
			// keeps it; space before or inside the value is dropped or
			// rewritten there.
			if depth > 0 || len(dst) == start {
				return slowIndent(dst[:start], src)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	if depth != 0 {
		return slowIndent(dst[:start], src)
	}
	return dst, nil
}

// slowIndent appends src to dst indented by json.Indent, for input
// indentJSON does not handle itself.
func slowIndent(dst, src []byte) ([]byte, error) {
	buf := bytes.NewBuffer(dst)
	err := json.Indent(buf, src, "", "  ")
	return buf.Bytes(), err
}

// stringEnd returns the offset just past the string starting with the
// quotation mark at src[start], that is after the next quotation mark not
// escaped by an odd number of backslashes, and whether there is one.
func stringEnd(src []byte, start int) (int, bool) {
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
			return j, true
		}
	}
	return len(src), false
}
