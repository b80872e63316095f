package lexicon

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/slant-news/slant/internal/didyoumean"
)

// Addition is a term to add to a category or a concept of a lexicon file.
type Addition struct {
	Category, Concept string // exactly one
	Term, Tone, Note  string
	Suggest           []string
}

// Add returns src with the term added as the last entry of the category's
// entries (or the concept's terms). The edit is made on the bytes: comments,
// key order, blank lines and every other line stay as they were. The new
// entry takes the indentation and the style (block or flow) of the entry
// before it. An empty Tone leaves the entry to its category's tone.
//
// Add refuses, with an *Error, an addition to a category or concept the file
// does not have, a term the file already has, an unknown tone, and any edit
// whose result would not pass the checks the file decides alone. Whether a
// category has its label and note and a concept its two terms depends on
// what the file is laid over, and its tests on that too: CheckEdit makes
// those checks and runs the tests. Nothing is written.
func Add(name string, src []byte, a Addition) ([]byte, error) {
	file := Position{File: name}
	a.Category, a.Concept = strings.TrimSpace(a.Category), strings.TrimSpace(a.Concept)
	x := newEntry{term: strings.TrimSpace(a.Term), tone: strings.TrimSpace(a.Tone), note: strings.TrimSpace(a.Note)}
	for _, s := range a.Suggest {
		if s = strings.TrimSpace(s); s != "" {
			x.suggest = append(x.suggest, s)
		}
	}
	switch {
	case a.Category != "" && a.Concept != "":
		return nil, refuse(file, "give a category or a concept to add the term to, not both")
	case a.Category == "" && a.Concept == "":
		return nil, refuse(file, "give a category or a concept to add the term to")
	case x.term == "":
		return nil, refuse(file, "no term to add")
	case x.tone != "" && !slices.Contains(Tones, x.tone):
		return nil, refuse(file, "unknown tone %q%s", x.tone, didyoumean.Hint(x.tone, Tones))
	}
	for _, s := range append([]string{x.term, x.note}, x.suggest...) {
		if !utf8.ValidString(s) {
			return nil, refuse(file, "%q is not valid UTF-8 text", s)
		}
	}
	d, err := openEdit(name, src)
	if err != nil {
		return nil, err
	}
	kind, id := "category", a.Category
	if a.Concept != "" {
		kind, id = "concept", a.Concept
	}
	gi := d.group(kind, id)
	if gi < 0 {
		return nil, d.unknownGroup(kind, id)
	}
	g := &d.groups[gi]
	if where, n := d.findTerm(x.term); n != nil {
		return nil, refuse(d.pos(g.idNode), "term %q is already in %s %q (line %d)", x.term, where.kind, where.id, n.Line)
	}
	switch {
	case x.tone == "" && kind == "concept":
		return nil, refuse(d.pos(g.idNode), "term %q needs a tone: concept terms take none from their concept (tones: %s)", x.term, strings.Join(Tones, ", "))
	case x.tone == "" && g.tone == "":
		return nil, refuse(d.pos(g.idNode), "term %q needs a tone: category %q has none to give it (tones: %s)", x.term, id, strings.Join(Tones, ", "))
	}
	off, ins, err := d.planAdd(g, x)
	if err != nil {
		return nil, err
	}
	out := splice(src, off, off, ins)
	if !d.sameAfter(out, func(doc *yaml.Node) { expectAdd(doc, gi, x) }) {
		return nil, layoutError(d.pos(g.idNode), "add to", g)
	}
	if err := check(name, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Remove returns src without the entry for term (in any category or
// concept), matched as the loader matches duplicates: ignoring case. Only
// the entry's own lines go; the comments before the next entry stay.
// Remove refuses, with an *Error, a term the file does not have and an edit
// whose result would not pass the checks the file decides alone; CheckEdit
// makes the others (a concept left with one term) and runs the tests.
// Nothing is written.
func Remove(name string, src []byte, term string) ([]byte, error) {
	file := Position{File: name}
	term = strings.TrimSpace(term)
	if term == "" {
		return nil, refuse(file, "no term to remove")
	}
	d, err := openEdit(name, src)
	if err != nil {
		return nil, err
	}
	gi, ii := -1, -1
	want := strings.ToLower(term) // as the loader finds duplicates
	var known []string
	for i, g := range d.groups {
		for j, item := range g.items() {
			t, _ := termOf(item)
			known = append(known, t)
			if gi < 0 && strings.ToLower(t) == want {
				gi, ii = i, j
			}
		}
	}
	if gi < 0 {
		hint := didyoumean.Hint(term, known)
		if !strings.HasPrefix(hint, " (did you mean") {
			hint = ""
		}
		return nil, refuse(file, "no entry for term %q%s", term, hint)
	}
	g := &d.groups[gi]
	start, end, ok := d.planRemove(g, ii)
	if !ok {
		return nil, layoutError(d.pos(g.list.Content[ii]), "remove "+strconv.Quote(term)+" from", g)
	}
	out := splice(src, start, end, "")
	if !d.sameAfter(out, func(doc *yaml.Node) { expectRemove(doc, gi, ii) }) {
		return nil, layoutError(d.pos(g.list.Content[ii]), "remove "+strconv.Quote(term)+" from", g)
	}
	if err := check(name, out); err != nil {
		return nil, err
	}
	return out, nil
}

// check runs the loader's checks on one file's content that the file
// decides alone: not those that depend on what it is laid over, nor its
// tests, and without following extends.
func check(name string, data []byte) error {
	ld := &loader{}
	ld.parse(name, data)
	if len(ld.problems) > 0 {
		return ld.err()
	}
	return nil
}

// CheckEdit checks edited, the new content of the lexicon file at path
// (whose content was old), as LoadOver will load it once written: with the
// files it extends, laid over base (nil for none), every check made and
// its tests run. Problems in the file itself are reported where they are
// in old, so that a refused edit points at the file as it still is; those
// in the lines the edit wrote, at the line where it wrote them.
func CheckEdit(base *Lexicon, path string, old, edited []byte) error {
	ld := &loader{read: readFile}
	own := ld.loadData(path, edited, nil, base)
	if len(ld.problems) == 0 {
		ld.runTests(merge(base, own), append([]Test{}, own.Tests...))
	}
	if len(ld.problems) == 0 {
		return nil
	}
	toOld := lineMap(old, edited)
	for i, p := range ld.problems {
		if p.Pos.File == path && p.Pos.Line > 0 {
			if line, moved := toOld(p.Pos.Line); moved {
				ld.problems[i].Pos.Line, ld.problems[i].Pos.Column = line, 1
			} else {
				ld.problems[i].Pos.Line = line
			}
		}
	}
	return ld.err()
}

// lineMap returns a function that takes a line of edited, which is old
// with one stretch of bytes replaced, to the line of old that holds the
// same text: lines before the stretch keep their numbers and lines after
// it move by the lines it adds or takes away. A line the stretch writes
// goes to the line of old where the stretch starts, and moved says so.
func lineMap(old, edited []byte) func(line int) (oldLine int, moved bool) {
	prefix := 0
	for prefix < len(old) && prefix < len(edited) && old[prefix] == edited[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < min(len(old), len(edited))-prefix && old[len(old)-1-suffix] == edited[len(edited)-1-suffix] {
		suffix++
	}
	end := len(edited) - suffix // the stretch is edited[prefix:end]
	lines := splitLines(edited)
	shift := countBreaks(old) - countBreaks(edited)
	return func(line int) (int, bool) {
		switch {
		case line < 1:
			return line, false
		case line > len(lines) || lines[line-1].start >= end:
			return line + shift, false
		case lines[line-1].next <= prefix:
			return line, false
		}
		return countBreaks(old[:prefix]) + 1, true
	}
}

func refuse(pos Position, format string, args ...any) error {
	return &Error{Problems: []Problem{{Pos: pos, Message: fmt.Sprintf(format, args...)}}}
}

// layoutError refuses an edit the file's layout does not allow: one that
// could not be located, or that would have changed more than was asked.
func layoutError(pos Position, what string, g *group) error {
	return refuse(pos, "cannot %s %s %q: its layout is too unusual to edit safely; edit the file by hand", what, g.kind, g.id)
}

func splice(src []byte, start, end int, ins string) []byte {
	out := make([]byte, 0, len(src)-(end-start)+len(ins))
	out = append(out, src[:start]...)
	out = append(out, ins...)
	return append(out, src[end:]...)
}

// newEntry is the entry Add writes, its values trimmed.
type newEntry struct {
	term, tone, note string
	suggest          []string
}

// flow renders the entry as a flow mapping: {term: x, tone: y}.
func (x newEntry) flow() string {
	parts := []string{"term: " + scalar(x.term, true)}
	if x.tone != "" {
		parts = append(parts, "tone: "+scalar(x.tone, true))
	}
	if x.note != "" {
		parts = append(parts, "note: "+scalar(x.note, true))
	}
	if len(x.suggest) > 0 {
		parts = append(parts, "suggest: "+flowList(x.suggest))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// block renders the entry as a block mapping whose first line starts with
// prefix ("      - ") and whose other keys are indented by indent spaces.
func (x newEntry) block(prefix string, indent int, nl string) string {
	pad := strings.Repeat(" ", indent)
	lines := []string{prefix + "term: " + scalar(x.term, false)}
	if x.tone != "" {
		lines = append(lines, pad+"tone: "+scalar(x.tone, false))
	}
	if x.note != "" {
		lines = append(lines, pad+"note: "+scalar(x.note, false))
	}
	if len(x.suggest) > 0 {
		lines = append(lines, pad+"suggest: "+flowList(x.suggest))
	}
	return strings.Join(lines, nl)
}

// node is the entry as yaml.v3 reads it back, to check an edit.
func (x newEntry) node() *yaml.Node {
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	m.Content = append(m.Content, str("term"), str(x.term))
	if x.tone != "" {
		m.Content = append(m.Content, str("tone"), str(x.tone))
	}
	if x.note != "" {
		m.Content = append(m.Content, str("note"), str(x.note))
	}
	if len(x.suggest) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, s := range x.suggest {
			seq.Content = append(seq.Content, str(s))
		}
		m.Content = append(m.Content, str("suggest"), seq)
	}
	return m
}

func flowList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = scalar(x, true)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// scalar writes s as a YAML scalar: plain when it reads back as the same
// text in a flow (or block) collection, double-quoted otherwise.
func scalar(s string, flow bool) string {
	if plainSafe(s, flow) {
		return s
	}
	return strconv.Quote(s) // Go's escapes are all YAML escapes too, for valid UTF-8
}

func plainSafe(s string, flow bool) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case i == 0:
			return false
		case r == ' ' || unicode.IsMark(r) || strings.ContainsRune("-.'’/()!?&;%+", r):
		case r == ',' && !flow:
		default:
			return false
		}
	}
	if strings.HasSuffix(s, " ") {
		return false
	}
	// Not a number, a boolean, a null or a date.
	var n yaml.Node
	if yaml.Unmarshal([]byte("k: "+s), &n) != nil || len(n.Content) != 1 || len(n.Content[0].Content) != 2 {
		return false
	}
	v := n.Content[0].Content[1]
	return v.ShortTag() == "!!str" && v.Value == s
}

// group is a category or a concept as written in a file.
type group struct {
	kind   string // "category" or "concept"
	id     string
	node   *yaml.Node // the category's mapping
	idNode *yaml.Node
	key    *yaml.Node // the entries: or terms: key; nil when there is none
	keyIdx int        // key's index in node.Content
	list   *yaml.Node // key's value
	tone   string     // a category's tone
}

func (g *group) listKey() string {
	if g.kind == "concept" {
		return "terms"
	}
	return "entries"
}

func (g *group) items() []*yaml.Node {
	if g.list != nil && g.list.Kind == yaml.SequenceNode {
		return g.list.Content
	}
	return nil
}

// findGroups lists the categories and concepts of a file's top mapping, in
// file order.
func findGroups(doc *yaml.Node) []group {
	var out []group
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		var kind string
		switch k.Value {
		case "categories":
			kind = "category"
		case "concepts":
			kind = "concept"
		default:
			continue
		}
		if v.Kind != yaml.SequenceNode {
			continue
		}
		for _, item := range v.Content {
			if item.Kind != yaml.MappingNode {
				continue
			}
			g := group{kind: kind, node: item, keyIdx: -1}
			for j := 0; j+1 < len(item.Content); j += 2 {
				ik, iv := item.Content[j], item.Content[j+1]
				switch {
				case ik.Value == "id":
					g.id, g.idNode = strings.TrimSpace(iv.Value), iv
				case ik.Value == "tone" && kind == "category":
					g.tone = strings.TrimSpace(iv.Value)
				case ik.Value == g.listKey():
					g.key, g.keyIdx, g.list = ik, j, iv
				}
			}
			if g.idNode == nil {
				g.idNode = item
			}
			out = append(out, g)
		}
	}
	return out
}

// termOf returns the term of an entry and the node it is written in.
func termOf(entry *yaml.Node) (string, *yaml.Node) {
	if entry.Kind != yaml.MappingNode {
		return "", nil
	}
	for j := 0; j+1 < len(entry.Content); j += 2 {
		if entry.Content[j].Value == "term" {
			v := entry.Content[j+1]
			return strings.TrimSpace(v.Value), v
		}
	}
	return "", nil
}

// lineSpan is one line of a file: its text is src[start:end] and its line
// break src[end:next].
type lineSpan struct{ start, end, next int }

// editDoc is a checked lexicon file being edited.
type editDoc struct {
	name   string
	src    []byte
	doc    *yaml.Node
	groups []group
	lines  []lineSpan
	nl     string // the file's line break
}

func openEdit(name string, src []byte) (*editDoc, error) {
	if err := check(name, src); err != nil {
		return nil, err
	}
	doc := parseDoc(src)
	if doc == nil { // check has made sure it is not
		return nil, refuse(Position{File: name}, "want a mapping with name, categories, concepts and tests")
	}
	d := &editDoc{name: name, src: src, doc: doc, groups: findGroups(doc), lines: splitLines(src), nl: "\n"}
	if i := bytes.IndexAny(src, "\r\n"); i >= 0 && bytes.HasPrefix(src[i:], []byte("\r\n")) {
		d.nl = "\r\n"
	}
	return d, nil
}

// parseDoc returns the top mapping of a YAML file, or nil.
func parseDoc(src []byte) *yaml.Node {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil || root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil
	}
	if doc := root.Content[0]; doc.Kind == yaml.MappingNode {
		return doc
	}
	return nil
}

func (d *editDoc) pos(n *yaml.Node) Position {
	return Position{File: d.name, Line: n.Line, Column: n.Column}
}

// group returns the index of the first category or concept with the id, or -1.
func (d *editDoc) group(kind, id string) int {
	for i, g := range d.groups {
		if g.kind == kind && g.id == id {
			return i
		}
	}
	return -1
}

func (d *editDoc) unknownGroup(kind, id string) error {
	var ids []string
	other := ""
	for _, g := range d.groups {
		switch {
		case g.kind == kind && g.id != "":
			ids = append(ids, g.id)
		case g.id == id:
			other = g.kind
		}
	}
	plural := map[string]string{"category": "categories", "concept": "concepts"}[kind]
	pos := Position{File: d.name}
	for i := 0; i+1 < len(d.doc.Content); i += 2 {
		if d.doc.Content[i].Value == plural {
			pos = d.pos(d.doc.Content[i])
		}
	}
	switch {
	case other != "":
		return refuse(pos, "unknown %s %q: it is a %s", kind, id, other)
	case len(ids) == 0:
		return refuse(pos, "unknown %s %q: the file has no %s", kind, id, plural)
	}
	return refuse(pos, "unknown %s %q%s", kind, id, didyoumean.Hint(id, ids))
}

// findTerm returns where the file has term (ignoring case), or a nil node.
func (d *editDoc) findTerm(term string) (group, *yaml.Node) {
	want := strings.ToLower(term)
	for _, g := range d.groups {
		for _, item := range g.items() {
			if t, n := termOf(item); n != nil && strings.ToLower(t) == want {
				return g, n
			}
		}
	}
	return group{}, nil
}

// preferFlow says whether most entries of the file's block lists of
// category entries (or, when there are none, of concept terms) are flow
// mappings: the style for a first entry.
func (d *editDoc) preferFlow() bool {
	for _, kind := range []string{"category", "concept"} {
		flow, block := 0, 0
		for _, g := range d.groups {
			if g.kind != kind || g.list == nil || g.list.Style&yaml.FlowStyle != 0 {
				continue
			}
			for _, item := range g.items() {
				if item.Style&yaml.FlowStyle != 0 {
					flow++
				} else {
					block++
				}
			}
		}
		if flow+block > 0 {
			return flow > block
		}
	}
	return false
}

// planAdd returns where to insert the new entry and the text to insert.
func (d *editDoc) planAdd(g *group, x newEntry) (int, string, error) {
	layout := func() (int, string, error) {
		return 0, "", layoutError(d.pos(g.idNode), "add to", g)
	}
	switch {
	case g.list != nil && g.list.Kind == yaml.SequenceNode && g.list.Style&yaml.FlowStyle != 0:
		// entries: [{term: a}, {term: b}] gains ", {term: x}".
		start, ok := d.offset(g.list.Line, g.list.Column)
		if !ok || d.src[start] != '[' {
			return layout()
		}
		if len(g.list.Content) == 0 {
			return start + 1, x.flow(), nil
		}
		last := g.list.Content[len(g.list.Content)-1]
		ls, ok := d.offset(last.Line, last.Column)
		if !ok {
			return layout()
		}
		end, ok := flowEnd(d.src, ls)
		if !ok {
			return layout()
		}
		return end, ", " + x.flow(), nil

	case g.list != nil && g.list.Kind == yaml.SequenceNode:
		// A block list gains a line (or lines) after its last entry.
		if len(g.list.Content) == 0 {
			return layout()
		}
		last := g.list.Content[len(g.list.Content)-1]
		line, dash, prefix, ok := d.dash(last)
		if !ok {
			return layout()
		}
		text := prefix + x.flow()
		if last.Style&yaml.FlowStyle == 0 {
			text = x.block(prefix, len(prefix), d.nl)
		}
		off, ins := d.insertAfter(d.regionEnd(line, dash), text)
		return off, ins, nil

	case g.key != nil:
		// "entries:" with nothing after it gains a block list.
		if g.list.Kind != yaml.ScalarNode || g.list.ShortTag() != "!!null" || g.list.Value != "" {
			return 0, "", refuse(d.pos(g.list), "cannot add to %s %q: its %s: is %q; leave it empty or write []", g.kind, g.id, g.listKey(), g.list.Value)
		}
		col, ok := d.bareKey(g.node, g.key)
		if !ok {
			return layout()
		}
		// After the key and any comments indented under it.
		off, ins := d.insertAfter(d.regionEnd(g.key.Line, col), d.firstEntry(col+2, x))
		return off, ins, nil

	default:
		// No entries: key: add one at the end of the category.
		if g.node.Style&yaml.FlowStyle != 0 {
			return layout()
		}
		line, dash, prefix, ok := d.dash(g.node)
		if !ok {
			return layout()
		}
		text := strings.Repeat(" ", len(prefix)) + g.listKey() + ":" + d.nl + d.firstEntry(len(prefix)+2, x)
		off, ins := d.insertAfter(d.regionEnd(line, dash), text)
		return off, ins, nil
	}
}

// firstEntry renders the first entry of a new block list whose dashes are
// indented by indent spaces, in the style most of the file's entries have.
func (d *editDoc) firstEntry(indent int, x newEntry) string {
	prefix := strings.Repeat(" ", indent) + "- "
	if d.preferFlow() {
		return prefix + x.flow()
	}
	return x.block(prefix, len(prefix), d.nl)
}

// bareKey checks that a block mapping's key stands alone on its line
// ("    entries:" with at most a comment after it) and returns its column,
// counted from 0.
func (d *editDoc) bareKey(m, key *yaml.Node) (int, bool) {
	if m.Style&yaml.FlowStyle != 0 || key.Style != 0 {
		return 0, false
	}
	off, ok := d.offset(key.Line, key.Column)
	if !ok {
		return 0, false
	}
	l := d.lines[key.Line-1]
	before := string(d.src[l.start:off])
	if t := strings.Trim(before, " "); t != "" && t != "-" {
		return 0, false
	}
	rest, ok := strings.CutPrefix(string(d.src[off:l.end]), key.Value)
	if !ok {
		return 0, false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " "), ":")
	if !ok {
		return 0, false
	}
	if after := strings.TrimLeft(rest, " \t"); after != "" && (after[0] != '#' || after == rest) {
		return 0, false
	}
	return len(before), true
}

// planRemove returns the bytes that hold entry i of the group.
func (d *editDoc) planRemove(g *group, i int) (int, int, bool) {
	items := g.list.Content
	item := items[i]
	if g.list.Style&yaml.FlowStyle != 0 {
		bounds := func(n *yaml.Node) (int, int, bool) {
			s, ok := d.offset(n.Line, n.Column)
			if !ok {
				return 0, 0, false
			}
			e, ok := flowEnd(d.src, s)
			return s, e, ok
		}
		start, end, ok := bounds(item)
		switch {
		case !ok:
			return 0, 0, false
		case i > 0: // from the end of the entry before: ", {term: x}"
			_, prevEnd, ok := bounds(items[i-1])
			return prevEnd, end, ok && prevEnd <= start
		case len(items) > 1: // up to the next entry: "{term: x}, "
			next, ok := d.offset(items[1].Line, items[1].Column)
			return start, next, ok && end <= next
		default:
			return start, end, true
		}
	}
	line, dash, _, ok := d.dash(item)
	if !ok {
		return 0, 0, false
	}
	start, end := d.deleteLines(line, d.regionEnd(line, dash))
	return start, end, true
}

// sameAfter says whether out reads as src would with mutate applied to its
// tree: the edit changed what was meant and nothing else.
func (d *editDoc) sameAfter(out []byte, mutate func(doc *yaml.Node)) bool {
	want := parseDoc(d.src)
	got := parseDoc(out)
	if want == nil || got == nil {
		return false
	}
	mutate(want)
	return sameNode(want, got)
}

func expectAdd(doc *yaml.Node, gi int, x newEntry) {
	g := findGroups(doc)[gi]
	switch {
	case g.list != nil && g.list.Kind == yaml.SequenceNode:
		g.list.Content = append(g.list.Content, x.node())
	case g.key != nil:
		g.node.Content[g.keyIdx+1] = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{x.node()}}
	default:
		g.node.Content = append(g.node.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: g.listKey()},
			&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{x.node()}})
	}
}

func expectRemove(doc *yaml.Node, gi, i int) {
	g := findGroups(doc)[gi]
	if len(g.list.Content) == 1 && g.list.Style&yaml.FlowStyle == 0 {
		// "entries:" is left with nothing after it.
		g.node.Content[g.keyIdx+1] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
		return
	}
	g.list.Content = slices.Delete(g.list.Content, i, i+1)
}

// sameNode compares two trees by what they say, not how: kinds, tags,
// values and anchors, ignoring positions, styles and comments.
func sameNode(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.ShortTag() != b.ShortTag() || a.Value != b.Value || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// splitLines splits src at the line breaks yaml.v3 counts: \r\n, \r, \n,
// NEL, LS and PS.
func splitLines(src []byte) []lineSpan {
	var out []lineSpan
	start := 0
	for i := 0; i < len(src); {
		n := breakLen(src[i:])
		if n == 0 {
			i++
			continue
		}
		out = append(out, lineSpan{start, i, i + n})
		i += n
		start = i
	}
	if start < len(src) || len(out) == 0 {
		out = append(out, lineSpan{start, len(src), len(src)})
	}
	return out
}

// countBreaks counts the line breaks of src as splitLines finds them.
func countBreaks(src []byte) int {
	n := 0
	for i := 0; i < len(src); {
		if k := breakLen(src[i:]); k > 0 {
			n++
			i += k
		} else {
			i++
		}
	}
	return n
}

func breakLen(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("\r\n")):
		return 2
	case b[0] == '\r' || b[0] == '\n':
		return 1
	case bytes.HasPrefix(b, []byte("\u0085")):
		return 2
	case bytes.HasPrefix(b, []byte("\u2028")), bytes.HasPrefix(b, []byte("\u2029")):
		return 3
	}
	return 0
}

// offset returns the byte offset of a yaml.v3 position: 1-based lines and
// columns counted in characters.
func (d *editDoc) offset(line, col int) (int, bool) {
	if line < 1 || line > len(d.lines) || col < 1 {
		return 0, false
	}
	l := d.lines[line-1]
	i := l.start
	if line == 1 && bytes.HasPrefix(d.src[i:l.end], []byte("\ufeff")) {
		i += 3 // yaml.v3 does not count a byte-order mark
	}
	for c := 1; c < col; c++ {
		if i >= l.end {
			return 0, false
		}
		_, n := utf8.DecodeRune(d.src[i:l.end])
		i += n
	}
	return i, i <= l.end && i < len(d.src)
}

// dash finds the "- " that starts a block list item: its line, the column
// of the dash (from 0) and the text before the item ("      - ").
func (d *editDoc) dash(item *yaml.Node) (line, dash int, prefix string, ok bool) {
	off, ok := d.offset(item.Line, item.Column)
	if !ok {
		return 0, 0, "", false
	}
	prefix = string(d.src[d.lines[item.Line-1].start:off])
	spaces := len(prefix) - len(strings.TrimLeft(prefix, " "))
	rest := prefix[spaces:]
	if len(rest) < 2 || rest[0] != '-' || strings.Trim(rest[1:], " ") != "" {
		return 0, 0, "", false
	}
	return item.Line, spaces, prefix, true
}

// regionEnd returns the last line of the block that starts on line first
// and whose other lines are indented deeper than indent: the last one that
// is not blank before a line indented indent or less (a sibling, a parent's
// key, or a comment at that level, which belongs to what follows).
func (d *editDoc) regionEnd(first, indent int) int {
	last := first
	for i := first + 1; i <= len(d.lines); i++ {
		text := d.src[d.lines[i-1].start:d.lines[i-1].end]
		trimmed := bytes.TrimLeft(text, " \t")
		if len(trimmed) == 0 {
			continue
		}
		if len(text)-len(bytes.TrimLeft(text, " ")) <= indent {
			break
		}
		last = i
	}
	return last
}

// insertAfter returns where and what to insert to put text on new lines
// after line.
func (d *editDoc) insertAfter(line int, text string) (int, string) {
	l := d.lines[line-1]
	if l.next > l.end {
		return l.next, text + d.nl
	}
	return l.end, d.nl + text // the last line has no break
}

// deleteLines returns the bytes of lines first to last with their breaks:
// the inverse of insertAfter.
func (d *editDoc) deleteLines(first, last int) (int, int) {
	f, l := d.lines[first-1], d.lines[last-1]
	if l.next > l.end || first == 1 {
		return f.start, l.next
	}
	return d.lines[first-2].end, l.end // the last line has no break: take the one before
}

// flowEnd returns the offset just after the flow collection ([...] or
// {...}) that starts at src[start].
func flowEnd(src []byte, start int) (int, bool) {
	if start >= len(src) || (src[start] != '[' && src[start] != '{') {
		return 0, false
	}
	depth := 0
	prev := byte('[') // the last byte that was not white space
	for i := start; i < len(src); i++ {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case c == '#' && isBlankByte(src[i-1]):
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
			continue
		case (c == '"' || c == '\'') && strings.IndexByte("[{,:?", prev) >= 0:
			j, ok := quotedEnd(src, i)
			if !ok {
				return 0, false
			}
			i = j
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		}
		prev = c
	}
	return 0, false
}

func isBlankByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// quotedEnd returns the index of the quote that closes the scalar opened
// at src[i].
func quotedEnd(src []byte, i int) (int, bool) {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q && q == '\'' && j+1 < len(src) && src[j+1] == '\'':
			j++
		case src[j] == q:
			return j, true
		}
	}
	return 0, false
}
