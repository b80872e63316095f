package lexicon

import (
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/slant-news/slant/internal/didyoumean"
	"github.com/slant-news/slant/internal/yamlcheck"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultName is the name the built-in lexicon's positions use.
const DefaultName = "default.yaml"

// DefaultSource returns the built-in lexicon's YAML.
func DefaultSource() []byte { return slices.Clone(defaultYAML) }

// MaxFileBytes bounds a lexicon file; the built-in one is about 100 KiB.
const MaxFileBytes = 16 << 20

// Load reads a lexicon file with the files it extends, checks it and runs
// its tests. Every problem found is reported at once in an *Error.
func Load(path string) (*Lexicon, error) {
	return LoadOver(nil, path)
}

// LoadOver reads a lexicon file and lays it over base (nil for none); the
// tests of the file and of the files it extends run on the result. Each
// file is read once, so path may be a pipe.
func LoadOver(base *Lexicon, path string) (*Lexicon, error) {
	ld := &loader{read: readFile}
	own := ld.load(path, base)
	if len(ld.problems) > 0 {
		return nil, ld.err()
	}
	out := merge(base, own)
	ld.runTests(out, append([]Test{}, own.Tests...)) // the files' own tests, not the base's (nil would be all)
	if len(ld.problems) > 0 {
		return nil, ld.err()
	}
	return out, nil
}

// Lint reads a lexicon file with the files it extends and checks it on its
// own, without running its tests.
func Lint(path string) (*Lexicon, error) {
	return LintOver(nil, path)
}

// LintOver reads a lexicon file with the files it extends and checks it as
// LoadOver lays it over base (nil for none), without running its tests. It
// returns what the file and the files it extends say, without base; a
// category or concept that adds entries to one of base's takes the label
// and note it does not give from there.
func LintOver(base *Lexicon, path string) (*Lexicon, error) {
	ld := &loader{read: readFile}
	own := ld.load(path, base)
	if len(ld.problems) > 0 {
		return nil, ld.err()
	}
	own.matcher = compile(own)
	return own, nil
}

// TestResult is the outcome of one test: the terms it expected and did not
// get, and the terms it did not want and got.
type TestResult struct {
	Test
	Missing, Unwanted []string
}

// Passed says whether the test passed.
func (r TestResult) Passed() bool { return len(r.Missing) == 0 && len(r.Unwanted) == 0 }

// RunTests runs tests (the lexicon's own when nil) against the lexicon.
func (l *Lexicon) RunTests(tests []Test) []TestResult {
	if tests == nil {
		tests = l.Tests
	}
	sc := l.Matcher().Scanner()
	out := make([]TestResult, 0, len(tests))
	for _, t := range tests {
		found := map[string]bool{}
		for _, h := range sc.Find(Text{Text: t.Text, Headline: t.Scope == Headline, Quoted: t.Scope == Quote}) {
			found[strings.ToLower(h.Term)] = true
		}
		r := TestResult{Test: t}
		for _, w := range t.Expect {
			if !found[strings.ToLower(w)] {
				r.Missing = append(r.Missing, w)
			}
		}
		for _, w := range t.Not {
			if found[strings.ToLower(w)] {
				r.Unwanted = append(r.Unwanted, w)
			}
		}
		out = append(out, r)
	}
	return out
}

// Parse reads one lexicon file's content (its extends are not followed),
// checks it on its own and runs its tests.
func Parse(name string, data []byte) (*Lexicon, error) {
	ld := &loader{}
	l := ld.parse(name, data)
	ld.settle(l, nil)
	if len(ld.problems) == 0 {
		l.matcher = compile(l)
		ld.runTests(l, l.Tests)
	}
	if len(ld.problems) > 0 {
		return nil, ld.err()
	}
	return l, nil
}

// Stack lays lexicons over one another, the first at the bottom; nil
// layers are skipped.
func Stack(layers ...*Lexicon) *Lexicon {
	var out *Lexicon
	for _, l := range layers {
		if l == nil {
			continue
		}
		out = merge(out, l)
	}
	return out
}

func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errors.New("is a directory, not a lexicon file")
	}
	if info.Size() > MaxFileBytes {
		return nil, fmt.Errorf("larger than %d MiB", MaxFileBytes>>20)
	}
	// The size checked above says nothing of a device or a pipe
	// (/dev/zero, <(yes)): read no more than the limit from those either.
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("larger than %d MiB", MaxFileBytes>>20)
	}
	return data, nil
}

// loader collects problems while reading files.
type loader struct {
	read     func(string) ([]byte, error)
	problems []Problem
}

func (ld *loader) add(file string, n *yaml.Node, format string, args ...any) {
	pos := Position{File: file}
	if n != nil {
		pos.Line, pos.Column = n.Line, n.Column
	}
	ld.problems = append(ld.problems, Problem{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

func (ld *loader) err() error {
	sort.SliceStable(ld.problems, func(i, j int) bool {
		a, b := ld.problems[i].Pos, ld.problems[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return &Error{Problems: ld.problems}
}

// load reads the file at path, as named on the command line, with the
// files it extends; outer is what it is to be laid over (nil for
// nothing). It returns the file laid over the files it extends, without
// outer.
func (ld *loader) load(path string, outer *Lexicon) *Lexicon {
	data, err := ld.read(path)
	if err != nil {
		ld.problems = append(ld.problems, Problem{Pos: Position{File: path}, Message: describe(err)})
		return &Lexicon{}
	}
	return ld.loadData(path, data, nil, outer)
}

// loadData is load of a file already read; stack holds the files being
// read, to find cycles.
func (ld *loader) loadData(path string, data []byte, stack []string, outer *Lexicon) *Lexicon {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	l := ld.parse(path, data)
	var base *Lexicon
	for _, ext := range l.extends {
		target := filepath.FromSlash(ext.path)
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		targetAbs, _ := filepath.Abs(target)
		if targetAbs == abs || slices.Contains(stack, targetAbs) {
			chain := append(append([]string{}, stack...), abs, targetAbs)
			for i := range chain {
				chain[i] = filepath.Base(chain[i])
			}
			ld.add(path, ext.node, "extends cycle: %s", strings.Join(chain, " -> "))
			continue
		}
		// A named pipe here would be waited on for ever, and a device
		// stands for no lexicon. One named on the command line, as a
		// shell's <(...) is, is read.
		if info, err := os.Stat(target); err == nil && info.Mode().Type()&^fs.ModeDir != 0 {
			ld.add(path, ext.node, "extends %s: is not a file (a named pipe or a device), and a lexicon extends only files", ext.path)
			continue
		}
		data, err := ld.read(target)
		if err != nil {
			ld.add(path, ext.node, "extends %s: %s", ext.path, describe(err))
			continue
		}
		base = mergeLists(base, ld.loadData(target, data, append(stack, abs), outer))
	}
	ld.settle(l, mergeLists(outer, base))
	out := mergeLists(base, l)
	out.Files = append(out.Files, path)
	return out
}

// settle makes the checks of one file that depend on what lies below it
// (nil for nothing): a category or concept that adds entries to one below
// takes its label and note from there when it gives none, and a concept's
// terms are counted with those it adds to.
func (ld *loader) settle(l, below *Lexicon) {
	var merged *Lexicon // l laid over below, made when a concept is counted
	for _, g := range l.open {
		if g.kind == "category" {
			c := &l.Categories[g.index]
			if below != nil {
				if i := slices.IndexFunc(below.Categories, func(x Category) bool { return x.ID == c.ID }); i >= 0 {
					c.Label = cmp.Or(c.Label, below.Categories[i].Label)
					c.Note = cmp.Or(c.Note, below.Categories[i].Note)
				}
			}
			if c.Label == "" {
				ld.problems = append(ld.problems, Problem{Pos: g.pos, Message: fmt.Sprintf("category %q has no label", c.ID)})
			}
			if c.Note == "" {
				ld.problems = append(ld.problems, Problem{Pos: g.pos, Message: fmt.Sprintf("category %q has no note: say why its words matter", c.ID)})
			}
			continue
		}
		c := &l.Concepts[g.index]
		terms := g.written
		if below != nil {
			if i := slices.IndexFunc(below.Concepts, func(x Concept) bool { return x.ID == c.ID }); i >= 0 {
				c.Label = cmp.Or(c.Label, below.Concepts[i].Label)
				c.Note = cmp.Or(c.Note, below.Concepts[i].Note)
				if merged == nil {
					merged = mergeLists(below, l)
				}
				j := slices.IndexFunc(merged.Concepts, func(x Concept) bool { return x.ID == c.ID })
				terms += len(merged.Concepts[j].Terms) - len(c.Terms)
			}
		}
		if c.Label == "" {
			ld.problems = append(ld.problems, Problem{Pos: g.pos, Message: fmt.Sprintf("concept %q has no label", c.ID)})
		}
		if terms < 2 {
			ld.problems = append(ld.problems, Problem{Pos: g.pos, Message: fmt.Sprintf("concept %q needs two or more terms", c.ID)})
		}
	}
	l.open = nil
}

func describe(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// merge is mergeLists with the result's matcher compiled.
func merge(base, over *Lexicon) *Lexicon {
	out := mergeLists(base, over)
	out.matcher = compile(out)
	return out
}

// mergeLists lays over on base (either may be nil): categories
// and concepts with the same id gain the new entries and take the label and
// note over gives, and an entry of over replaces every entry of base for
// the same term, one spelled the same or one that matches the same words
// ("claims" for "claimed"; "Said", matched with its capital only, is not
// "said"). over's entries are in layers above base's, so that where a word
// matches terms of both, over's wins. The result shares its entries with
// base and over, which are not changed; its matcher is not compiled.
func mergeLists(base, over *Lexicon) *Lexicon {
	if base == nil || over == nil {
		l := cmp.Or(over, base)
		if l == nil {
			return nil
		}
		out := *l
		out.matcher, out.open = nil, nil
		return &out
	}
	out := &Lexicon{
		Name: over.Name, Description: over.Description,
		Files: append(slices.Clone(base.Files), over.Files...),
		Tests: append(slices.Clone(base.Tests), over.Tests...),
	}
	if out.Name == "" {
		out.Name = base.Name
	}
	replaced := map[string]bool{}
	for _, e := range entriesOf(over) {
		replaced[spelling(e)] = true
		replaced[matchKey(e)] = true
	}
	keep := func(es []Entry) []Entry {
		var out []Entry
		for _, e := range es {
			if !replaced[spelling(e)] && !replaced[matchKey(e)] {
				out = append(out, e)
			}
		}
		return out
	}
	shift := 0
	for _, e := range entriesOf(base) {
		shift = max(shift, e.layer+1)
	}
	raise := func(es []Entry) []Entry {
		out := make([]Entry, len(es))
		for i, e := range es {
			e.layer += shift
			out[i] = e
		}
		return out
	}
	for _, c := range base.Categories {
		c.Entries = keep(c.Entries)
		out.Categories = append(out.Categories, c)
	}
	for _, c := range base.Concepts {
		c.Terms = keep(c.Terms)
		out.Concepts = append(out.Concepts, c)
	}
	for _, c := range over.Categories {
		c.Entries = raise(c.Entries)
		if i := slices.IndexFunc(out.Categories, func(x Category) bool { return x.ID == c.ID }); i >= 0 {
			below := &out.Categories[i]
			below.Entries = append(below.Entries, c.Entries...)
			below.Label, below.Note = cmp.Or(c.Label, below.Label), cmp.Or(c.Note, below.Note)
			continue
		}
		out.Categories = append(out.Categories, c)
	}
	for _, c := range over.Concepts {
		c.Terms = raise(c.Terms)
		if i := slices.IndexFunc(out.Concepts, func(x Concept) bool { return x.ID == c.ID }); i >= 0 {
			below := &out.Concepts[i]
			below.Terms = append(below.Terms, c.Terms...)
			below.Label, below.Note = cmp.Or(c.Label, below.Label), cmp.Or(c.Note, below.Note)
			continue
		}
		out.Concepts = append(out.Concepts, c)
	}
	return out
}

// entriesOf lists a lexicon's category entries and concept terms.
func entriesOf(l *Lexicon) []Entry {
	var out []Entry
	for _, c := range l.Categories {
		out = append(out, c.Entries...)
	}
	for _, c := range l.Concepts {
		out = append(out, c.Terms...)
	}
	return out
}

// spelling keys an entry by its term as written.
func spelling(e Entry) string { return "t\x00" + e.Term }

// matchKey keys an entry by the words its term matches: its trie path.
func matchKey(e Entry) string {
	var b strings.Builder
	b.WriteString("k")
	for _, k := range termKeys(e.Term, e.Exact) {
		b.WriteByte(0)
		b.WriteByte(byte('0' + k.kind))
		b.WriteString(k.word)
	}
	return b.String()
}

// runTests reports each failing test as a problem at its position.
func (ld *loader) runTests(l *Lexicon, tests []Test) {
	for _, r := range l.RunTests(tests) {
		ld.problems = append(ld.problems, r.Problems()...)
	}
}

// Problems returns a failed test's failures as a load reports them, at the
// test's place: what it does not flag, then what it flags that it should
// not. A test that passed has none.
func (r TestResult) Problems() []Problem {
	var out []Problem
	if len(r.Missing) > 0 {
		out = append(out, Problem{Pos: r.Pos, Message: fmt.Sprintf("test fails: %q does not flag %s", r.Text, quoteList(r.Missing))})
	}
	if len(r.Unwanted) > 0 {
		out = append(out, Problem{Pos: r.Pos, Message: fmt.Sprintf("test fails: %q flags %s", r.Text, quoteList(r.Unwanted))})
	}
	return out
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// parsed extends entry.
type extendsRef struct {
	path string
	node *yaml.Node
}

// fileLexicon is what one file says, before layering.
type fileLexicon = Lexicon

var (
	topKeys      = []string{"name", "description", "extends", "categories", "concepts", "tests"}
	categoryKeys = []string{"id", "label", "note", "tone", "entries"}
	conceptKeys  = []string{"id", "label", "note", "terms"}
	entryKeys    = []string{"term", "tone", "note", "suggest", "scope", "exact", "verb", "forms", "exceptions", "link"}
	testKeys     = []string{"text", "expect", "not", "scope"}
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// parse decodes one file and checks what can be checked in it alone.
func (ld *loader) parse(file string, data []byte) *fileLexicon {
	l := &fileLexicon{}
	syntax := func(err error) {
		line, msg := yamlcheck.SyntaxError(err)
		ld.problems = append(ld.problems, Problem{Pos: Position{File: file, Line: line, Column: 1}, Message: msg})
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil && err != io.EOF {
		syntax(err)
		return l
	}
	// yaml.v3 reads the first document only: what follows would be lost.
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		syntax(err)
		return l
	default:
		ld.add(file, &next, "a lexicon is one YAML document")
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		ld.add(file, nil, "empty lexicon: want name, categories and concepts")
		return l
	}
	if aliases := yamlcheck.Aliases(&root); len(aliases) > 0 {
		ld.add(file, aliases[0], "%s", yamlcheck.AliasMessage(aliases))
		return l
	}
	doc := root.Content[0]
	p := &fileParser{ld: ld, file: file, terms: map[string]termUse{}, ids: map[string]int{}}
	if doc.Kind != yaml.MappingNode {
		p.add(doc, "want a mapping with name, categories, concepts and tests")
		return l
	}
	sawName := false
	p.eachKey(doc, topKeys, func(k, v *yaml.Node) {
		switch k.Value {
		case "name":
			l.Name = p.str(v, "name")
			sawName = l.Name != ""
		case "description":
			l.Description = p.str(v, "description")
		case "extends":
			for _, item := range p.seq(v, "extends") {
				if s := p.str(item, "extends"); s != "" {
					l.extends = append(l.extends, extendsRef{s, item})
				}
			}
		case "categories":
			for _, item := range p.seq(v, "categories") {
				if c, ok := p.category(item); ok && p.firstID("category", c.ID, item) {
					if c.Label == "" || c.Note == "" {
						l.open = append(l.open, groupCheck{kind: "category", index: len(l.Categories), pos: p.pos(item)})
					}
					l.Categories = append(l.Categories, c)
				}
			}
		case "concepts":
			for _, item := range p.seq(v, "concepts") {
				if c, written, ok := p.concept(item); ok && p.firstID("concept", c.ID, item) {
					if c.Label == "" || written < 2 {
						l.open = append(l.open, groupCheck{kind: "concept", index: len(l.Concepts), pos: p.pos(item), written: written})
					}
					l.Concepts = append(l.Concepts, c)
				}
			}
		case "tests":
			for _, item := range p.seq(v, "tests") {
				if t, ok := p.test(item); ok {
					l.Tests = append(l.Tests, t)
				}
			}
		}
	})
	if !sawName {
		p.add(doc, "no name: give the lexicon a name")
	}
	return l
}

// termUse records where a term was first written.
type termUse struct {
	pos     Position
	concept string
}

// groupCheck is a check of a category or concept that waits for what its
// file is laid over: one that adds entries to a category or concept below
// need not repeat its label and note, and a concept's terms are counted
// with those below.
type groupCheck struct {
	kind    string // "category" or "concept"
	index   int    // into the file's Categories or Concepts
	pos     Position
	written int // a concept's terms as written, good or not
}

type fileParser struct {
	ld    *loader
	file  string
	terms map[string]termUse
	ids   map[string]int // kind and id → the line of the first
}

// firstID says whether a category or concept is the first of its kind with
// its id in the file, and reports it when it is not.
func (p *fileParser) firstID(kind, id string, n *yaml.Node) bool {
	if id == "" {
		return true
	}
	at := n
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" {
			at = n.Content[i+1]
		}
	}
	if first, ok := p.ids[kind+" "+id]; ok {
		p.add(at, "%s id %q given twice (first at line %d)", kind, id, first)
		return false
	}
	p.ids[kind+" "+id] = at.Line
	return true
}

func (p *fileParser) add(n *yaml.Node, format string, args ...any) {
	p.ld.add(p.file, n, format, args...)
}

func (p *fileParser) pos(n *yaml.Node) Position {
	return Position{File: p.file, Line: n.Line, Column: n.Column}
}

// eachKey calls fn for every key of a mapping, reporting unknown and
// repeated keys.
func (p *fileParser) eachKey(m *yaml.Node, known []string, fn func(k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch {
		case !slices.Contains(known, k.Value):
			p.add(k, "unknown key %q%s", k.Value, didyoumean.Hint(k.Value, known))
		case seen[k.Value]:
			p.add(k, "key %q given twice", k.Value)
		default:
			seen[k.Value] = true
			fn(k, v)
		}
	}
}

func (p *fileParser) str(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!int" && v.Tag != "!!float" && v.Tag != "!!bool" && v.Tag != "!!timestamp") {
		p.add(v, "%s: want text", key)
		return ""
	}
	return strings.TrimSpace(v.Value)
}

func (p *fileParser) seq(v *yaml.Node, key string) []*yaml.Node {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		p.add(v, "%s: want a list", key)
		return nil
	}
	return v.Content
}

func (p *fileParser) strList(v *yaml.Node, key string) []string {
	var out []string
	for _, item := range p.seq(v, key) {
		if s := p.str(item, key); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *fileParser) mapping(n *yaml.Node, what string) bool {
	if n.Kind != yaml.MappingNode {
		p.add(n, "%s: want a mapping", what)
		return false
	}
	return true
}

func (p *fileParser) id(v *yaml.Node, what string) string {
	id := p.str(v, what+" id")
	if id != "" && !idPattern.MatchString(id) {
		p.add(v, "%s id %q: use lower case letters, digits and hyphens", what, id)
	}
	return id
}

func (p *fileParser) tone(v *yaml.Node) string {
	t := p.str(v, "tone")
	if t != "" && !slices.Contains(Tones, t) {
		p.add(v, "unknown tone %q%s", t, didyoumean.Hint(t, Tones))
	}
	return t
}

func (p *fileParser) category(n *yaml.Node) (Category, bool) {
	var c Category
	if !p.mapping(n, "category") {
		return c, false
	}
	var entries *yaml.Node
	p.eachKey(n, categoryKeys, func(k, v *yaml.Node) {
		switch k.Value {
		case "id":
			c.ID = p.id(v, "category")
		case "label":
			c.Label = p.str(v, "label")
		case "note":
			c.Note = p.str(v, "note")
		case "tone":
			c.Tone = p.tone(v)
		case "entries":
			entries = v
		}
	})
	if c.ID == "" {
		p.add(n, "category has no id")
	}
	// A missing label or note may come from a category below: settle.
	if entries != nil {
		for _, item := range p.seq(entries, "entries") {
			if e, ok := p.entry(item, c.Tone, ""); ok {
				c.Entries = append(c.Entries, e)
			}
		}
	}
	return c, true
}

// concept reads a concept and the number of terms written in it.
func (p *fileParser) concept(n *yaml.Node) (Concept, int, bool) {
	var c Concept
	if !p.mapping(n, "concept") {
		return c, 0, false
	}
	var terms *yaml.Node
	p.eachKey(n, conceptKeys, func(k, v *yaml.Node) {
		switch k.Value {
		case "id":
			c.ID = p.id(v, "concept")
		case "label":
			c.Label = p.str(v, "label")
		case "note":
			c.Note = p.str(v, "note")
		case "terms":
			terms = v
		}
	})
	if c.ID == "" {
		p.add(n, "concept has no id")
	}
	// A missing label, and terms, may come from a concept below: settle.
	written := 0
	if terms != nil {
		items := p.seq(terms, "terms")
		written = len(items)
		for _, item := range items {
			if e, ok := p.entry(item, "", c.ID); ok {
				c.Terms = append(c.Terms, e)
			}
		}
	}
	return c, written, true
}

func (p *fileParser) entry(n *yaml.Node, defaultTone, concept string) (Entry, bool) {
	e := Entry{Scope: Narration, Pos: p.pos(n)}
	if !p.mapping(n, "entry") {
		return e, false
	}
	var termNode *yaml.Node
	p.eachKey(n, entryKeys, func(k, v *yaml.Node) {
		switch k.Value {
		case "term":
			e.Term, termNode = p.str(v, "term"), v
		case "tone":
			e.Tone = p.tone(v)
		case "note":
			e.Note = p.str(v, "note")
		case "suggest":
			e.Suggest = p.strList(v, "suggest")
		case "scope":
			s := p.str(v, "scope")
			switch Scope(s) {
			case Narration, Quote, Headline, Any:
				e.Scope = Scope(s)
			default:
				p.add(v, "unknown scope %q%s", s, didyoumean.Hint(s, []string{"narration", "quote", "headline", "any"}))
			}
		case "exact":
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
				p.add(v, "exact: want true or false")
			} else {
				e.Exact = v.Value == "true"
			}
		case "verb":
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
				p.add(v, "verb: want true or false")
			} else {
				e.Verb = v.Value == "true"
			}
		case "forms":
			e.Forms = p.strList(v, "forms")
		case "exceptions":
			e.Exceptions = p.strList(v, "exceptions")
		case "link":
			e.Link = p.str(v, "link")
		}
	})
	if e.Term == "" {
		p.add(n, "entry has no term")
		return e, false
	}
	if len(termKeys(e.Term, e.Exact)) == 0 {
		p.add(termNode, "term %q has no words", e.Term)
		return e, false
	}
	if e.Tone == "" {
		e.Tone = defaultTone
	}
	if e.Tone == "" {
		p.add(n, "term %q has no tone (give one, or a tone for its category)", e.Term)
	}
	key := strings.ToLower(e.Term)
	if first, ok := p.terms[key]; ok {
		switch {
		case concept != "" && first.concept != "" && first.concept != concept:
			p.add(termNode, "term %q is in two concepts, %q (line %d) and %q", e.Term, first.concept, first.pos.Line, concept)
		default:
			p.add(termNode, "term %q listed twice (first at line %d)", e.Term, first.pos.Line)
		}
		return e, false
	}
	p.terms[key] = termUse{pos: p.pos(termNode), concept: concept}
	return e, true
}

func (p *fileParser) test(n *yaml.Node) (Test, bool) {
	t := Test{Scope: Narration, Pos: p.pos(n)}
	if !p.mapping(n, "test") {
		return t, false
	}
	p.eachKey(n, testKeys, func(k, v *yaml.Node) {
		switch k.Value {
		case "text":
			t.Text = p.str(v, "text")
		case "expect":
			t.Expect = p.strList(v, "expect")
		case "not":
			t.Not = p.strList(v, "not")
		case "scope":
			s := p.str(v, "scope")
			switch Scope(s) {
			case Narration, Quote, Headline:
				t.Scope = Scope(s)
			default:
				p.add(v, "unknown test scope %q (want narration, quote or headline)", s)
			}
		}
	})
	if t.Text == "" {
		p.add(n, "test has no text")
		return t, false
	}
	return t, true
}
