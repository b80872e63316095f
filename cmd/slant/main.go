// Command slant puts several news outlets' coverage of one event side by
// side: it aligns the sentences that report the same thing and diffs their
// wording. Run "slant help" for the commands.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
