// Package reports renders a compare.Result for people and programs: Text for
// the terminal and JSON for tools. Each renderer is a function of the result
// and its options; none of them analyses anything.
package reports
