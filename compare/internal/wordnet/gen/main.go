// Command gen builds related.txt, the related-words table of package wordnet,
// from the WordNet 3.0 database files.
//
// Usage, from the module root:
//
//	go run ./compare/internal/wordnet/gen -wordnet /usr/share/wordnet -o compare/internal/wordnet/related.txt
//
// The database comes with Debian's wordnet-base package. With -groups FILE
// it also writes every group with its words, one a line, for review. The
// table is built so:
//
//   - A word is a single lemma of lowercase ASCII letters, at least three
//     letters long, not a proper noun (capitalised in its synset: the caller
//     lowercases text, so "us" would meet "US"), and not on the stop list of
//     function-like and light words below. An adjective that is also a
//     verb's participle (sacked, lost) is read as the verb and left out of
//     adjective synsets.
//   - A sense of a word is kept when it is one of the word's first few senses
//     (WordNet lists them most frequent first: maxRank) and it was tagged in
//     WordNet's semantic concordance (cntlist.rev) at least minSharePercent
//     as often as the word's first sense. Rare senses of polysemous words
//     therefore drop out.
//   - Each noun, verb and adjective synset is a candidate group holding the
//     words for which it is a kept sense.
//   - A derivational link ("+") between kept senses of a noun and a verb is a
//     candidate group too. When the two words differ (invite, invitation) it
//     holds those two words; when they are one word (menace the noun, menace
//     the verb) it holds both synsets' words, which is how threat meets
//     threaten. Links to nouns for people (attacker) are left out, and so
//     are links between different words to nouns for artifacts (detector).
//   - Candidates with fewer than two words are dropped, and so are
//     candidates whose lemmas (with their part of speech) all belong to a
//     larger candidate.
//   - Inflected forms are added for nouns and verbs (regular -s, -es, -ies,
//     -ed, -ing rules and the *.exc exception lists); a surface form gets the
//     union of its own groups and those of every lemma it can be a form of,
//     except that an -s form WordNet lists as a noun (talks, troops) is not
//     also taken as a verb.
//
// The output is one header of "#" lines and then one line per word, sorted by
// word: the word, then its group ids in ascending decimal, separated by single
// spaces.
package main

import (
	"bufio"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// partsOfSpeech are the WordNet files read, in group id order.
var partsOfSpeech = []string{"noun", "verb", "adj"}

// maxRank is, per part of speech, the last sense number that may be kept.
var maxRank = map[byte]int{'n': 3, 'v': 4, 'a': 2}

// minSharePercent is how often, in percent of the first sense's tag count, a
// later sense must have been tagged to be kept.
const minSharePercent = 15

// untaggedMaxRank is the last sense kept of a word none of whose senses
// were tagged; their order says nothing of frequency.
const untaggedMaxRank = 1

// minWordLength drops WordNet's many one- and two-letter abbreviations,
// symbols and notes ("in" for inch, "do" the note), which collide with
// function words once the caller lowercases its text.
const minWordLength = 3

// stopWords are function-like words: too frequent, or too polysemous, for a
// shared sense to say that two sentences report the same thing.
var stopWords = setOf(`
	about above across after again against all also and another any are as
	back because been before being below between both but by can cannot could
	down during each either else even ever every few first for from further
	had has having her here hers herself him himself his how however into its
	itself just last least less like little many may might mine more most much
	must near neither never new next nor not now off often old once one only
	other ought our ours out over own per quite rather really right same shall
	she should since some still such than that the their them then there these
	they thing this those though through thus too under until upon very was way
	well were what when where whether which while who whom whose why will with
	within without would yet you your
	good bad better best lot lots according
	time year day week month today tomorrow yesterday mr mrs ms dr
	two three four five six seven eight nine ten hundred thousand million billion
`)

// lightVerbs are stop words whose inflected forms are stopped too (said,
// found, saw, left): in news text they are nearly always these verbs, even
// where WordNet also has a lemma of that spelling (found, to establish).
var lightVerbs = setOf(`
	be do go have get make take come give put set let say state tell know think
	mean look find see seem keep hold turn run bring become show call ask feel
	leave need want use
`)

func setOf(words string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "directory holding the WordNet 3.0 database files")
	out := flag.String("o", "related.txt", "output file")
	listing := flag.String("groups", "", "also write the groups, one a line, to this file (for review)")
	flag.Parse()
	if err := run(*dir, *out, *listing); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// synsetID names a synset: part of speech ('n', 'v' or 'a') and byte offset.
type synsetID struct {
	pos    byte
	offset uint32
}

// synset is one line of a data.* file, reduced to what the table needs.
type synset struct {
	id      synsetID
	lexFile int
	words   []string // lemmas in synset order; "" for those the table leaves out
	links   []derivation
}

// derivation is a lexical "+" pointer from one word of a synset to one word
// of another.
type derivation struct {
	source int // index into synset.words
	target synsetID
	word   int // index into the target's words
}

// sense is one word's sense list for one part of speech.
type sense struct {
	synsets []synsetID
	kept    map[synsetID]bool
}

type database struct {
	synsets map[synsetID]*synset
	senses  map[string]*sense // key: pos + ":" + lemma
	counts  map[string]int    // key: pos + ":" + lemma + ":" + sense number
	except  map[byte]map[string][]string
}

func run(dir, out, listing string) error {
	db := &database{
		synsets: make(map[synsetID]*synset),
		senses:  make(map[string]*sense),
		counts:  make(map[string]int),
		except:  make(map[byte]map[string][]string),
	}
	if err := db.readCounts(filepath.Join(dir, "cntlist.rev")); err != nil {
		return err
	}
	for _, name := range partsOfSpeech {
		pos := name[0]
		if err := db.readIndex(filepath.Join(dir, "index."+name), pos); err != nil {
			return err
		}
		if err := db.readData(filepath.Join(dir, "data."+name), pos); err != nil {
			return err
		}
		if err := db.readExceptions(filepath.Join(dir, name+".exc"), pos); err != nil {
			return err
		}
	}
	db.keepSenses()
	groups := db.buildGroups()
	lemmaGroups := assign(groups)
	table := db.inflect(lemmaGroups)
	if listing != "" {
		if err := writeGroups(listing, groups); err != nil {
			return err
		}
	}
	return write(out, table, len(groups))
}

// forEachLine calls fn with every line of the named file that is not part of
// the licence header (those lines start with two spaces).
func forEachLine(path string, fn func(line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || line == "" {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// readCounts reads cntlist.rev: "lemma%ss_type:... sense_number tag_count".
func (db *database) readCounts(path string) error {
	return forEachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return errors.New("want 3 fields")
		}
		lemma, key, ok := strings.Cut(f[0], "%")
		if !ok || key == "" {
			return errors.New("bad sense key")
		}
		var pos byte
		switch key[0] {
		case '1':
			pos = 'n'
		case '2':
			pos = 'v'
		case '3', '5':
			pos = 'a'
		default:
			return nil
		}
		count, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		db.counts[string(pos)+":"+lemma+":"+f[1]] += count
		return nil
	})
}

// readIndex reads index.pos: "lemma pos synset_cnt p_cnt [ptr...] sense_cnt
// tagsense_cnt synset_offset...".
func (db *database) readIndex(path string, pos byte) error {
	return forEachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 6 {
			return errors.New("short index line")
		}
		lemma := f[0]
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		if n < 1 || len(f) < n {
			return errors.New("bad synset count")
		}
		s := &sense{kept: make(map[synsetID]bool)}
		for _, field := range f[len(f)-n:] {
			off, err := strconv.ParseUint(field, 10, 32)
			if err != nil {
				return err
			}
			s.synsets = append(s.synsets, synsetID{pos, uint32(off)})
		}
		db.senses[string(pos)+":"+lemma] = s
		return nil
	})
}

// readData reads data.pos: "offset lex_filenum ss_type w_cnt word lex_id ...
// p_cnt [ptr...] [frames...] | gloss".
func (db *database) readData(path string, pos byte) error {
	return forEachLine(path, func(line string) error {
		line, _, _ = strings.Cut(line, " | ")
		f := strings.Fields(line)
		if len(f) < 4 {
			return errors.New("short data line")
		}
		off, err := strconv.ParseUint(f[0], 10, 32)
		if err != nil {
			return err
		}
		lexFile, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		ss := &synset{id: synsetID{pos, uint32(off)}, lexFile: lexFile}
		wcnt, err := strconv.ParseUint(f[3], 16, 8)
		if err != nil {
			return err
		}
		i := 4
		for range wcnt {
			if i+1 >= len(f) {
				return errors.New("short word list")
			}
			ss.words = append(ss.words, usableWord(f[i]))
			i += 2
		}
		pcnt, err := strconv.Atoi(f[i])
		if err != nil {
			return err
		}
		i++
		for range pcnt {
			if i+3 >= len(f) {
				return errors.New("short pointer list")
			}
			symbol, target, tpos, st := f[i], f[i+1], f[i+2], f[i+3]
			i += 4
			if symbol != "+" || st == "0000" {
				continue
			}
			tp := tpos[0]
			if tp == 's' {
				tp = 'a'
			}
			if maxRank[tp] == 0 {
				continue
			}
			toff, err := strconv.ParseUint(target, 10, 32)
			if err != nil {
				return err
			}
			src, err1 := strconv.ParseUint(st[:2], 16, 8)
			dst, err2 := strconv.ParseUint(st[2:], 16, 8)
			if err := errors.Join(err1, err2); err != nil {
				return err
			}
			ss.links = append(ss.links, derivation{int(src) - 1, synsetID{tp, uint32(toff)}, int(dst) - 1})
		}
		db.synsets[ss.id] = ss
		return nil
	})
}

// usableWord returns the lemma of a synset word as the table stores it, or
// "" when the table leaves it out: collocations, proper nouns, short words,
// stop words and anything not made of ASCII letters.
func usableWord(form string) string {
	if i := strings.IndexByte(form, '('); i >= 0 { // adjective marker: "(a)", "(p)", "(ip)"
		form = form[:i]
	}
	if !isLowerWord(form) || len(form) < minWordLength || stopWords[form] || lightVerbs[form] {
		return ""
	}
	return form
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// readExceptions reads pos.exc: "inflected base [base...]".
func (db *database) readExceptions(path string, pos byte) error {
	m := make(map[string][]string)
	db.except[pos] = m
	return forEachLine(path, func(line string) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return errors.New("short exception line")
		}
		if !isLowerWord(f[0]) {
			return nil
		}
		for _, base := range f[1:] {
			m[base] = append(m[base], f[0])
		}
		return nil
	})
}

// keepSenses marks, for every word, the senses frequent enough to keep.
func (db *database) keepSenses() {
	for key, s := range db.senses {
		pos := key[0]
		first := db.counts[key+":1"]
		for r, id := range s.synsets {
			rank := r + 1
			if rank > maxRank[pos] {
				break
			}
			count := db.counts[key+":"+strconv.Itoa(rank)]
			switch {
			case rank == 1:
			case first == 0:
				if rank > untaggedMaxRank {
					continue
				}
			case count*100 < minSharePercent*first:
				continue
			}
			s.kept[id] = true
		}
	}
}

// keeps reports whether the synset is a kept sense of the word.
func (db *database) keeps(word string, id synsetID) bool {
	s := db.senses[string(id.pos)+":"+word]
	return s != nil && s.kept[id]
}

// groupKey names a candidate group: a synset (first == second), or the two
// synsets of a noun-verb derivational link, noun first.
type groupKey struct{ first, second synsetID }

// group is one output group: its key and its sorted words.
type group struct {
	key    groupKey
	words  []string // sorted, unique
	lemmas []string // sorted lemmaKeys: "n:menace", "v:menace"
}

// lemmaKey names a word in one part of speech, as database.senses does.
func lemmaKey(pos byte, word string) string { return string(pos) + ":" + word }

// Lexicographer files (lexnames(5WN)) whose nouns name something other than
// the verb they derive from: the doer (attack, attacker) and, when the words
// differ, the instrument (detect, detector).
const (
	nounArtifact = 6
	nounPerson   = 18
)

// buildGroups returns the groups in id order.
func (db *database) buildGroups() []group {
	members := make(map[groupKey]map[string]bool)
	add := func(key groupKey, words ...string) {
		if members[key] == nil {
			members[key] = make(map[string]bool)
		}
		for _, w := range words {
			members[key][w] = true
		}
	}
	participles := db.participles()
	for id, ss := range db.synsets {
		for _, w := range ss.words {
			// An adjective that is also a verb's participle (sacked, lost,
			// concluded) is read as the verb: news text uses it so far more.
			if id.pos == 'a' && participles[w] {
				continue
			}
			if w != "" && db.keeps(w, id) {
				add(groupKey{id, id}, lemmaKey(id.pos, w))
			}
		}
	}
	for id, ss := range db.synsets {
		for _, l := range ss.links {
			target := db.synsets[l.target]
			if target == nil || l.word >= len(target.words) || id.pos == 'a' || l.target.pos == 'a' || id.pos == l.target.pos {
				continue // noun-verb links only
			}
			noun := ss
			if id.pos != 'n' {
				noun = target
			}
			if noun.lexFile == nounPerson {
				continue
			}
			src, dst := ss.words[l.source], target.words[l.word]
			if src == "" || dst == "" || !db.keeps(src, id) || !db.keeps(dst, l.target) {
				continue
			}
			// The noun end first, so that both directions of a link make one key.
			key := groupKey{id, l.target}
			if compareID(l.target, id) < 0 {
				key = groupKey{l.target, id}
			}
			if src != dst {
				if noun.lexFile != nounArtifact {
					add(key, lemmaKey(id.pos, src), lemmaKey(l.target.pos, dst))
				}
				continue
			}
			// The same word as noun and verb (menace): the two synsets
			// name one thing, as event and as act.
			for w := range members[groupKey{id, id}] {
				add(key, w)
			}
			for w := range members[groupKey{l.target, l.target}] {
				add(key, w)
			}
		}
	}
	var groups []group
	for key, set := range members {
		var lemmas, words []string
		for lemma := range set {
			lemmas = append(lemmas, lemma)
			words = append(words, lemma[2:])
		}
		slices.Sort(lemmas)
		slices.Sort(words)
		words = slices.Compact(words)
		if len(words) < 2 {
			continue
		}
		groups = append(groups, group{key, words, lemmas})
	}
	// Larger groups first, so that a duplicate or a subset meets the group
	// that covers it before it is considered. Coverage compares lemmas with
	// their part of speech, so that a dropped group's verb (kill) does not
	// lose its place to a kept group's noun of the same spelling.
	slices.SortFunc(groups, func(a, b group) int {
		return cmp.Or(cmp.Compare(len(b.lemmas), len(a.lemmas)), compareKey(a.key, b.key))
	})
	var kept []group
	byLemma := make(map[string][]int) // lemma -> indexes into kept
	for _, g := range groups {
		if covered(g, kept, byLemma) {
			continue
		}
		for _, lemma := range g.lemmas {
			byLemma[lemma] = append(byLemma[lemma], len(kept))
		}
		kept = append(kept, g)
	}
	slices.SortFunc(kept, func(a, b group) int { return compareKey(a.key, b.key) })
	return kept
}

// covered reports whether some kept group holds all of g's lemmas.
func covered(g group, kept []group, byLemma map[string][]int) bool {
	for _, k := range byLemma[g.lemmas[0]] {
		if isSubset(g.lemmas, kept[k].lemmas) {
			return true
		}
	}
	return false
}

// isSubset reports whether every string of the sorted small is in the sorted big.
func isSubset(small, big []string) bool {
	i := 0
	for _, w := range small {
		for i < len(big) && big[i] < w {
			i++
		}
		if i == len(big) || big[i] != w {
			return false
		}
	}
	return true
}

func posOrder(p byte) int { return strings.IndexByte("nva", p) }

func compareID(a, b synsetID) int {
	return cmp.Or(cmp.Compare(posOrder(a.pos), posOrder(b.pos)), cmp.Compare(a.offset, b.offset))
}

func compareKey(a, b groupKey) int {
	return cmp.Or(compareID(a.first, b.first), compareID(a.second, b.second))
}

// assign numbers the groups in order and returns, per part of speech and
// lemma ("n:attack"), the ids of the lemma's groups.
func assign(groups []group) map[string][]uint32 {
	ids := make(map[string][]uint32)
	for n, g := range groups {
		for _, key := range g.lemmas {
			ids[key] = append(ids[key], uint32(n))
		}
	}
	return ids
}

// inflect returns the final table: surface form -> sorted group ids.
func (db *database) inflect(lemmaGroups map[string][]uint32) map[string][]uint32 {
	stopForms := make(map[string]bool)
	for verb := range lightVerbs {
		stopForms[verb] = true
		stopForms[plural(verb)] = true // forms skips it when it is a noun too
		for _, form := range db.forms('v', verb) {
			stopForms[form] = true
		}
	}
	table := make(map[string][]uint32)
	add := func(form string, ids []uint32) {
		if len(form) < minWordLength || stopWords[form] || stopForms[form] || !isLowerWord(form) {
			return
		}
		table[form] = append(table[form], ids...)
	}
	for key, ids := range lemmaGroups {
		pos, lemma := key[0], key[2:]
		add(lemma, ids)
		for _, form := range db.forms(pos, lemma) {
			add(form, ids)
		}
	}
	for form, ids := range table {
		slices.Sort(ids)
		table[form] = slices.Compact(ids)
	}
	return table
}

// participles returns the past tense, past participle and present participle
// forms of every WordNet verb.
func (db *database) participles() map[string]bool {
	set := make(map[string]bool)
	for key := range db.senses {
		if key[0] != 'v' {
			continue
		}
		for _, form := range db.forms('v', key[2:]) {
			if strings.HasSuffix(form, "s") && !strings.HasSuffix(form, "ss") {
				continue // third person singular
			}
			set[form] = true
		}
	}
	return set
}

// forms returns the inflected forms of a lemma: noun plurals; verb third
// person singular, past and present participle. Exception-list forms replace
// the regular -ed and -ing forms they stand for (hopped, not hoped).
func (db *database) forms(pos byte, lemma string) []string {
	exc := db.except[pos][lemma]
	switch pos {
	case 'n':
		if len(exc) > 0 {
			return exc
		}
		return []string{plural(lemma)}
	case 'v':
		var forms []string
		// An -s form that WordNet lists as a noun of its own (talks, troops)
		// is taken as that noun only.
		if s := plural(lemma); db.senses[lemmaKey('n', s)] == nil {
			forms = append(forms, s)
		}
		forms = append(forms, exc...)
		if !slices.ContainsFunc(exc, func(s string) bool { return strings.HasSuffix(s, "ed") }) {
			forms = append(forms, pastTense(lemma))
		}
		if !slices.ContainsFunc(exc, func(s string) bool { return strings.HasSuffix(s, "ing") }) {
			forms = append(forms, presentParticiple(lemma))
		}
		return forms
	}
	return nil
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// consonantY reports whether s ends in a consonant followed by y (city, try).
func consonantY(s string) bool {
	n := len(s)
	return n >= 2 && s[n-1] == 'y' && !isVowel(s[n-2])
}

func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "z"),
		strings.HasSuffix(s, "ch"), strings.HasSuffix(s, "sh"):
		return s + "es"
	case consonantY(s):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

func pastTense(s string) string {
	switch {
	case strings.HasSuffix(s, "e"):
		return s + "d"
	case consonantY(s):
		return s[:len(s)-1] + "ied"
	}
	return s + "ed"
}

func presentParticiple(s string) string {
	switch {
	case strings.HasSuffix(s, "ie"):
		return s[:len(s)-2] + "ying"
	case strings.HasSuffix(s, "ee"), strings.HasSuffix(s, "oe"), strings.HasSuffix(s, "ye"):
		return s + "ing"
	case strings.HasSuffix(s, "e") && len(s) > 2:
		return s[:len(s)-1] + "ing"
	}
	return s + "ing"
}

// write writes the table, sorted by word.
func write(path string, table map[string][]uint32, groups int) error {
	words := make([]string, 0, len(table))
	ids := 0
	for w, g := range table {
		words = append(words, w)
		ids += len(g)
	}
	slices.Sort(words)
	var b strings.Builder
	b.WriteString("# Related words from WordNet 3.0; generated by gen/main.go, do not edit.\n")
	b.WriteString("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
	b.WriteString("# Licence: see LICENSE-WordNet beside this file.\n")
	fmt.Fprintf(&b, "# words %d groups %d ids %d\n", len(words), groups, ids)
	for _, w := range words {
		b.WriteString(w)
		for _, id := range table[w] {
			b.WriteByte(' ')
			b.WriteString(strconv.FormatUint(uint64(id), 10))
		}
		b.WriteByte('\n')
	}
	return writeFile(path, b.String())
}

func writeFile(path, text string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, text)
	return errors.Join(err, f.Close())
}

// writeGroups writes one line per group: id, synset and words.
func writeGroups(path string, groups []group) error {
	var b strings.Builder
	for n, g := range groups {
		fmt.Fprintf(&b, "%d %c%08d-%c%08d %s\n", n, g.key.first.pos, g.key.first.offset, g.key.second.pos, g.key.second.offset, strings.Join(g.words, " "))
	}
	return writeFile(path, b.String())
}
