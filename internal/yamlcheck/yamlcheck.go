// Package yamlcheck holds what slant's readers of YAML files (event
// manifests and lexicons) share: where a syntax error is, and the aliases
// they refuse, since a few lines of aliases to aliases can stand for
// billions of values.
package yamlcheck

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Aliases returns the alias nodes under n, in document order, without
// following them.
func Aliases(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		if n.Kind == yaml.AliasNode {
			out = append(out, n)
			continue
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return out
}

// AliasMessage describes the aliases found, for an error at the first one.
func AliasMessage(aliases []*yaml.Node) string {
	msg := fmt.Sprintf("alias *%s: anchors and aliases are not supported; write the value out", aliases[0].Value)
	switch more := len(aliases) - 1; {
	case more == 1:
		msg += " (1 more alias)"
	case more > 1:
		msg += fmt.Sprintf(" (%d more aliases)", more)
	}
	return msg
}

// parserProblems are the messages of yaml.v3's parser, which counts lines
// from 0; its scanner, whose messages may start alike ("did not find
// expected alphabetic or numeric character"), counts them from 1.
var parserProblems = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"did not find expected key",
	"did not find expected node content",
}

// SyntaxError splits yaml.v3's "yaml: line N: msg" into the line, counted
// from 1, and the message; an error without a line is on line 1.
func SyntaxError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		for _, p := range parserProblems {
			if strings.HasPrefix(msg, p) {
				line++
				break
			}
		}
		return line, msg
	}
	return 1, msg
}
