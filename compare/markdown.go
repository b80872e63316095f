package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markdownText reads a Markdown article's inline markup out of its text, so
// that sentences, diffs and reports hold the words a reader sees: a link
// gives its text, an image and a link reference definition give nothing,
// code spans and emphasis lose their marks, a block quote its ">", and a
// backslash escape its backslash. Lines stay lines (the cleaner reads
// headings, rules and front matter from them), and fenced code blocks are
// left as they are. It is conservative: a "*" or "_" counts as emphasis only
// where it opens or closes a word, so "5 * 3", "snake_case" and a "* item"
// bullet keep theirs, and brackets not followed by a link target ("[sic]")
// stay.
func markdownText(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	fence := ""
	for len(text) > 0 {
		line, rest, nl := text, "", ""
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, rest, nl = text[:i], text[i+1:], "\n"
		}
		text = rest
		body := strings.TrimRight(line, "\r")
		cr := line[len(body):]
		trimmed := strings.TrimLeft(body, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			b.WriteString(body)
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			b.WriteString(body)
		case isLinkDefinition(trimmed) && len(body)-len(trimmed) <= 3:
			// "[1]: https://..." gives no text.
		default:
			b.WriteString(inlineText(stripQuoteMarks(body)))
		}
		b.WriteString(cr)
		b.WriteString(nl)
	}
	return b.String()
}

// stripQuoteMarks drops the ">" marks of a block quote line.
func stripQuoteMarks(line string) string {
	rest := strings.TrimLeft(line, " ")
	if len(line)-len(rest) > 3 || !strings.HasPrefix(rest, ">") {
		return line
	}
	for strings.HasPrefix(rest, ">") {
		rest = strings.TrimPrefix(rest[1:], " ")
	}
	return rest
}

// isLinkDefinition says whether a line is a link reference definition,
// "[label]: destination" with an optional quoted title. A footnote ("[^1]:
// ...") is text, and so is "[Editor's note]: the story was updated".
func isLinkDefinition(line string) bool {
	if !strings.HasPrefix(line, "[") || strings.HasPrefix(line, "[^") {
		return false
	}
	end := closingBracket(line, 0)
	if end <= 1 || end+1 >= len(line) || line[end+1] != ':' {
		return false
	}
	fields := strings.Fields(line[end+2:])
	return len(fields) == 1 || len(fields) > 1 && strings.ContainsAny(fields[1][:1], "\"'(")
}

// inlineText reads the inline markup of one line out of it.
func inlineText(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]!<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
			continue
		case c == '`':
			n := runLength(s, i, '`')
			if end := strings.Index(s[i+n:], strings.Repeat("`", n)); end >= 0 {
				code := s[i+n : i+n+end]
				if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.TrimSpace(code) != "" {
					code = code[1 : len(code)-1]
				}
				b.WriteString(code)
				i += n + end + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if _, end, ok := link(s, i+1); ok {
				i = end // an image gives no text
				continue
			}
		case c == '[':
			if label, end, ok := link(s, i); ok {
				b.WriteString(inlineText(label))
				i = end
				continue
			}
		case c == '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 {
				if inner := s[i+1 : i+end]; isAutolink(inner) {
					b.WriteString(inner)
					i += end + 1
					continue
				}
			}
		case c == '*' || c == '_':
			n := runLength(s, i, c)
			if emphasisMark(s, i, n) {
				i += n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// link reads "[label](destination)" or "[label][reference]" starting at
// s[i] == '[': its label and where it ends. Brackets with no target after
// them ("[sic]") are not a link.
func link(s string, i int) (label string, end int, ok bool) {
	close := closingBracket(s, i)
	if close < 0 || close+1 >= len(s) {
		return "", 0, false
	}
	label = s[i+1 : close]
	switch s[close+1] {
	case '(':
		depth := 0
		for j := close + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case '(':
				depth++
			case ')':
				if depth--; depth == 0 {
					return label, j + 1, true
				}
			}
		}
	case '[':
		if ref := closingBracket(s, close+1); ref >= 0 {
			return label, ref + 1, true
		}
	}
	return "", 0, false
}

// closingBracket returns the index of the "]" that closes the "[" at s[i],
// or -1.
func closingBracket(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// isAutolink says whether the text between "<" and ">" is a URL or an
// e-mail address written as a link.
func isAutolink(s string) bool {
	if strings.ContainsAny(s, " \t<") {
		return false
	}
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") ||
		(strings.Contains(s, "@") && strings.Contains(s, ".") && !strings.Contains(s, "/"))
}

// emphasisMark says whether the run of n marks at s[i:] opens or closes
// emphasis: it stands at the edge of a word, with the word on one side and
// a space, punctuation or the line's end on the other.
func emphasisMark(s string, i, n int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+n:])
	if i == 0 {
		before = ' '
	}
	if i+n == len(s) {
		after = ' '
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	edge := func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) }
	if word(before) && word(after) {
		return false // inside a word: snake_case, 2*3
	}
	opens := edge(before) && !unicode.IsSpace(after)
	closes := edge(after) && !unicode.IsSpace(before)
	return opens || closes
}

func runLength(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// isASCIIPunct says whether a backslash before c escapes it.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
