package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Diff operation names.
const (
	OpEqual   = "equal"
	OpInsert  = "insert"
	OpDelete  = "delete"
	OpReplace = "replace"
)

// diffToken is a word or a punctuation mark with its offsets.
type diffToken struct {
	text       string
	start, end int
}

// diffTokens splits text into words and punctuation marks; offsets are
// shifted by base.
func diffTokens(text string, base int) []diffToken {
	return appendDiffTokens(make([]diffToken, 0, len(text)/4+1), text, base)
}

// appendDiffTokens appends the tokens of diffTokens to out.
func appendDiffTokens(out []diffToken, text string, base int) []diffToken {
	start := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		if !isWord && start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if unicode.IsLetter(next) || unicode.IsDigit(next) {
				i += size
				continue
			}
		}
		if isWord {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start >= 0 {
			out = append(out, diffToken{text[start:i], base + start, base + i})
			start = -1
		}
		if !unicode.IsSpace(r) {
			out = append(out, diffToken{text[i : i+size], base + i, base + i + size})
		}
		i += size
	}
	if start >= 0 {
		out = append(out, diffToken{text[start:], base + start, base + len(text)})
	}
	return out
}

// typography maps typographic variants of quote marks, apostrophes and
// dashes to one form, so "Russia’s" and "Russia's" are the same word.
var typography = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`,
	"‘", "'", "’", "'", "–", "-", "—", "-")

// plainTypography is typography.Replace, skipping the replacer for plain
// ASCII words (nearly all), which it would return unchanged.
func plainTypography(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return typography.Replace(s)
		}
	}
	return s
}

// maxDiffWords bounds the differing words, both sides together, that a word
// diff aligns one by one once the words the two sides start and end with
// in common are set aside. The diff's cost grows with the square of that
// number; past it (text without punctuation read as one long sentence), the
// differing middle is one replacement.
const maxDiffWords = 2000

// wordDiff diffs two token lists word by word: each distinct token (up to
// typographic variants of quote marks and dashes) gets a code, and the
// codes are diffed. Words that differ only in case are the same word to a
// reader ("VELMAR MILL" in a capitals headline, "Velmar mill" in another,
// "Two men" and "two men"): where the words as written leave a stretch
// changed on both sides, the stretch is diffed again with case folded, so
// that words matching as written anchor the diff and words matching only
// up to case fill in between. Each side's op text is still its own.
func wordDiff(from, to []diffToken, fromText, toText func(start, end int) string) []DiffOp {
	s := diffScratchPool.Get().(*diffScratch)
	defer diffScratchPool.Put(s)
	var edits []editOp
	if differingWords(from, to) <= maxDiffWords {
		clear(s.codes)
		clear(s.folded)
		s.keys, s.fold = s.keys[:0], s.fold[:0]
		encode := func(toks []diffToken, cs []int32) []int32 {
			cs = cs[:0]
			for _, t := range toks {
				key := plainTypography(t.text)
				c, ok := s.codes[key]
				if !ok {
					c = int32(len(s.codes))
					s.codes[key] = c
					s.keys = append(s.keys, key)
				}
				cs = append(cs, c)
			}
			return cs
		}
		s.from, s.to = encode(from, s.from), encode(to, s.to)
		edits = s.refineByCase(s.differ.diff(s.from, s.to))
		if len(s.codes) > 1<<12 {
			// Clearing a map costs its capacity: a long diff's is let go.
			s.codes, s.folded = map[string]int32{}, map[string]int32{}
		}
		if len(s.lower) > 1<<14 {
			s.lower = map[string]string{}
		}
	} else {
		edits = coarseDiff(from, to)
	}

	ops := make([]DiffOp, 0, len(edits))
	i, j := 0, 0
	span := func(toks []diffToken, k, n int, text func(int, int) string) (string, int, int) {
		if n == 0 {
			return "", -1, -1
		}
		s, e := toks[k].start, toks[k+n-1].end
		return text(s, e), s, e
	}
	for _, d := range edits {
		n := d.n
		switch d.kind {
		case '=':
			ft, fs, fe := span(from, i, n, fromText)
			tt, ts, te := span(to, j, n, toText)
			ops = append(ops, DiffOp{Op: OpEqual, FromText: ft, FromStart: fs, FromEnd: fe, ToText: tt, ToStart: ts, ToEnd: te})
			i += n
			j += n
		case '-':
			ft, fs, fe := span(from, i, n, fromText)
			ops = append(ops, DiffOp{Op: OpDelete, FromText: ft, FromStart: fs, FromEnd: fe, ToStart: -1, ToEnd: -1})
			i += n
		case '+':
			tt, ts, te := span(to, j, n, toText)
			if k := len(ops) - 1; k >= 0 && ops[k].Op == OpDelete {
				ops[k].Op = OpReplace
				ops[k].ToText, ops[k].ToStart, ops[k].ToEnd = tt, ts, te
			} else {
				ops = append(ops, DiffOp{Op: OpInsert, ToText: tt, ToStart: ts, ToEnd: te, FromStart: -1, FromEnd: -1})
			}
			j += n
		}
	}
	return mergeLoneWords(ops, fromText, toText)
}

// diffScratch is wordDiff's working space, reused from one diff to the
// next (word diffs are many and small).
type diffScratch struct {
	codes map[string]int32 // tokens as written (plainTypography)
	// keys[c] is the token coded c; folded codes tokens up to case
	// (foldKey), and fold[c] is the folded code of the token coded c, or
	// -1 until needed.
	keys   []string
	folded map[string]int32
	fold   []int32
	key    []byte // the token being folded
	// lower holds the folded form of tokens that have capitals, kept from
	// one diff to the next: the same names come back.
	lower            map[string]string
	from, to         []int32
	foldFrom, foldTo []int32
	// edits is the diff as written, and refined the same with stretches
	// diffed again up to case (refineByCase).
	edits, refined []editOp
	differ         differ
}

// refineByCase diffs again, with case folded, each stretch of edits (the
// script turning s.from into s.to) that deletes and inserts words, and
// returns the script with those stretches replaced where case-folded words
// match in them. Words as written match nowhere in such a stretch (the
// script is a shortest one), so what matches there matches only up to
// case.
func (s *diffScratch) refineByCase(edits []editOp) []editOp {
	// The differ's list is reused by the stretches' diffs: kept apart.
	s.edits = append(s.edits[:0], edits...)
	s.refined = s.refined[:0]
	changed := false
	i, j := 0, 0
	for k := 0; k < len(s.edits); k++ {
		op := s.edits[k]
		if op.kind != '-' || k+1 == len(s.edits) || s.edits[k+1].kind != '+' {
			s.refined = append(s.refined, op)
			i, j = advance(op, i, j)
			continue
		}
		n, m := op.n, s.edits[k+1].n
		// Words match up to case only where one of them has a capital.
		mayMatch := s.hasCapital(s.from[i:i+n]) || s.hasCapital(s.to[j:j+m])
		if mayMatch {
			s.foldFrom, s.foldTo = s.foldCodes(s.foldFrom[:0], s.from[i:i+n]), s.foldCodes(s.foldTo[:0], s.to[j:j+m])
		}
		if mayMatch && shareCode(s.foldFrom, s.foldTo) {
			s.refined = append(s.refined, s.differ.diff(s.foldFrom, s.foldTo)...)
			changed = true
		} else {
			s.refined = append(s.refined, op, s.edits[k+1])
		}
		i, j = i+n, j+m
		k++
	}
	if !changed {
		return s.edits
	}
	s.refined = gatherEdits(s.refined)
	return s.refined
}

// hasCapital says whether a token coded in cs may have a capital letter:
// an ASCII capital, or any letter outside ASCII.
func (s *diffScratch) hasCapital(cs []int32) bool {
	for _, c := range cs {
		key := s.keys[c]
		for i := 0; i < len(key); i++ {
			if b := key[i]; 'A' <= b && b <= 'Z' || b >= utf8.RuneSelf {
				return true
			}
		}
	}
	return false
}

// foldCodes appends to dst the codes up to case of the tokens coded cs,
// working out each distinct token's once, when first needed.
func (s *diffScratch) foldCodes(dst, cs []int32) []int32 {
	for len(s.fold) < len(s.keys) {
		s.fold = append(s.fold, -1)
	}
	for _, c := range cs {
		if s.fold[c] < 0 {
			lower := s.lowered(s.keys[c])
			f, ok := s.folded[lower]
			if !ok {
				f = int32(len(s.folded))
				s.folded[lower] = f
			}
			s.fold[c] = f
		}
		dst = append(dst, s.fold[c])
	}
	return dst
}

// lowered returns the folded form of a token (foldKey): the token itself
// when folding leaves it as it is, as it does most words.
func (s *diffScratch) lowered(key string) string {
	s.key = foldKey(s.key[:0], key)
	if string(s.key) == key {
		return key
	}
	if l, ok := s.lower[string(s.key)]; ok {
		return l
	}
	l := string(s.key)
	s.lower[l] = l
	return l
}

// shareCode says whether two short lists of codes have one in common.
func shareCode(a, b []int32) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// foldKey appends to dst the form of a token the word diff compares up to
// case: typographic variants made one (plainTypography) and lower case.
// Plain ASCII, nearly every token, is lowered byte by byte into dst, so
// that looking it up costs no allocation.
func foldKey(dst []byte, text string) []byte {
	if strings.ContainsFunc(text, func(r rune) bool { return r >= utf8.RuneSelf }) {
		text = typography.Replace(text)
	}
	return appendLower(dst, text)
}

// sameToken says whether the word diff reads two tokens as one (foldKey).
func sameToken(a, b string) bool {
	return a == b || strings.EqualFold(plainTypography(a), plainTypography(b))
}

var diffScratchPool = sync.Pool{New: func() any {
	return &diffScratch{codes: map[string]int32{}, folded: map[string]int32{}, lower: map[string]string{}}
}}

// commonEnds returns how many tokens from and to start with in common, and
// how many of the rest they end with in common.
func commonEnds(from, to []diffToken) (prefix, suffix int) {
	same := func(a, b diffToken) bool { return sameToken(a.text, b.text) }
	for prefix < len(from) && prefix < len(to) && same(from[prefix], to[prefix]) {
		prefix++
	}
	for suffix < len(from)-prefix && suffix < len(to)-prefix &&
		same(from[len(from)-1-suffix], to[len(to)-1-suffix]) {
		suffix++
	}
	return prefix, suffix
}

// differingWords counts the tokens of from and to between their common
// start and end.
func differingWords(from, to []diffToken) int {
	prefix, suffix := commonEnds(from, to)
	return len(from) + len(to) - 2*(prefix+suffix)
}

// coarseDiff is the diff of two token lists too long or too different to
// align word by word: their common start and end, and the middle replaced.
func coarseDiff(from, to []diffToken) []editOp {
	prefix, suffix := commonEnds(from, to)
	var edits []editOp
	add := func(kind byte, n int) {
		if n > 0 {
			edits = append(edits, editOp{kind, n})
		}
	}
	add('=', prefix)
	add('-', len(from)-prefix-suffix)
	add('+', len(to)-prefix-suffix)
	add('=', suffix)
	return edits
}

// mergeLoneWords folds a single equal word standing between two changes
// ("the" in "[-in-]{+with+} the {+Front+}") into one replacement, so the
// diff reads as whole phrases. A name or a figure ("Velmar", "NATO",
// "12") stays on its own: that both sides give it is worth seeing. A word
// capitalized on one side only ("Police" opening one sentence, "police"
// inside the other) is no name.
func mergeLoneWords(ops []DiffOp, fromText, toText func(start, end int) string) []DiffOp {
	nameOrFigure := func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }
	// Written over ops: out never runs ahead of the op being read.
	out := ops[:0]
	for i := 0; i < len(ops); i++ {
		op := ops[i]
		n := len(out)
		if op.Op == OpEqual || n < 2 || out[n-1].Op != OpEqual || out[n-2].Op == OpEqual ||
			strings.ContainsFunc(out[n-1].FromText, unicode.IsSpace) ||
			strings.ContainsFunc(out[n-1].FromText, nameOrFigure) && strings.ContainsFunc(out[n-1].ToText, nameOrFigure) {
			out = append(out, op)
			continue
		}
		// out[n-2] is a change, out[n-1] one equal word, op a change.
		merged := DiffOp{Op: OpReplace, FromStart: -1, FromEnd: -1, ToStart: -1, ToEnd: -1}
		for _, part := range []DiffOp{out[n-2], out[n-1], op} {
			if part.FromStart >= 0 {
				if merged.FromStart < 0 {
					merged.FromStart = part.FromStart
				}
				merged.FromEnd = part.FromEnd
			}
			if part.ToStart >= 0 {
				if merged.ToStart < 0 {
					merged.ToStart = part.ToStart
				}
				merged.ToEnd = part.ToEnd
			}
		}
		merged.FromText = fromText(merged.FromStart, merged.FromEnd)
		merged.ToText = toText(merged.ToStart, merged.ToEnd)
		out = append(out[:n-2], merged)
	}
	return out
}

// memberTokens returns the diff tokens of an outlet's sentences in a group.
func memberTokens(a *Article, m Member) []diffToken {
	n := 0
	for _, idx := range m.Sentences {
		n += len(a.Sentences[idx].Text)
	}
	return appendMemberTokens(make([]diffToken, 0, n/4+1), a, m)
}

// appendMemberTokens appends the tokens of memberTokens to out.
func appendMemberTokens(out []diffToken, a *Article, m Member) []diffToken {
	for _, idx := range m.Sentences {
		s := a.Sentences[idx]
		out = appendDiffTokens(out, s.Text, s.Start)
	}
	return out
}

// tokenBuffers hold the tokens of the member being diffed, read once:
// each diff's reuse the last one's room.
var tokenBuffers = sync.Pool{New: func() any { return new([]diffToken) }}

// differences diffs every aligned member against the reference outlet's
// member, or against the group's first outlet where the reference is absent,
// and the headlines against the reference headline.
func differences(res *Result, ref int) []Difference {
	byID := map[string]*Article{}
	for i := range res.Articles {
		byID[res.Articles[i].ID] = &res.Articles[i]
	}
	var out []Difference
	if h := res.Headlines; h != nil {
		base := h.Members[0]
		for _, m := range h.Members {
			if m.Outlet == res.Articles[ref].ID {
				base = m
			}
		}
		for _, m := range h.Members {
			if m.Outlet == base.Outlet {
				continue
			}
			ft, tt := base.Text, m.Text
			ops := wordDiff(diffTokens(ft, 0), diffTokens(tt, 0),
				func(s, e int) string { return ft[s:e] }, func(s, e int) string { return tt[s:e] })
			out = append(out, Difference{Group: "headline", From: base.Outlet, To: m.Outlet, Ops: ops})
		}
	}
	// Each alignment's diffs are independent of the others': worked out
	// side by side, then listed in alignment order.
	perGroup := make([][]Difference, len(res.Alignments))
	each(len(res.Alignments), func(i int) {
		g := res.Alignments[i]
		base := g.Members[0]
		for _, m := range g.Members {
			if m.Outlet == res.Articles[ref].ID {
				base = m
			}
		}
		fa := byID[base.Outlet]
		from := memberTokens(fa, base)
		buf := tokenBuffers.Get().(*[]diffToken)
		for _, m := range g.Members {
			if m.Outlet == base.Outlet {
				continue
			}
			ta := byID[m.Outlet]
			*buf = appendMemberTokens((*buf)[:0], ta, m)
			ops := wordDiff(from, *buf,
				func(s, e int) string { return fa.Text[s:e] }, func(s, e int) string { return ta.Text[s:e] })
			perGroup[i] = append(perGroup[i], Difference{Group: g.ID, From: base.Outlet, To: m.Outlet, Ops: ops})
		}
		tokenBuffers.Put(buf)
	})
	for _, ds := range perGroup {
		out = append(out, ds...)
	}
	return out
}

// headlineGroup puts the articles' headlines side by side, scored by word
// overlap with the reference headline.
func headlineGroup(articles []Article, ref int) *HeadlineGroup {
	h := &HeadlineGroup{}
	// The headlines' evidence: a blind headline's is the headline before
	// the names in it were hidden (see blindedText), so that it scores as
	// in the named comparison; the score shows no word.
	var evidence []string
	for _, a := range articles {
		if a.Headline != "" {
			h.Members = append(h.Members, HeadlineMember{Outlet: a.ID, Text: a.Headline})
			text := a.Headline
			if a.blinded != nil {
				text = a.blinded.headlineEvidence(a.Headline, a.Text)
			}
			evidence = append(evidence, text)
		}
	}
	if len(h.Members) < 2 {
		return nil
	}
	fs := newFeatureSet()
	for _, text := range evidence {
		fs.learnNames(text)
	}
	// Headlines are scored by their overlap, names included: a name is
	// all two short headlines may share.
	sc := defaultScoring
	sc.namesAlone = true
	al := &aligner{sc: sc, fs: fs}
	feats := make([]sentenceFeatures, len(h.Members))
	for i, text := range evidence {
		feats[i] = fs.features(text, false)
		for k := range feats[i].feats {
			feats[i].feats[k].w = 1
		}
		feats[i].weighed()
	}
	base := 0
	for i, m := range h.Members {
		if m.Outlet == articles[ref].ID {
			base = i
		}
	}
	var sum float64
	for i := range feats {
		if i != base {
			sum += al.similarity(&feats[base], &feats[i])
		}
	}
	h.Score = roundScore(sum / float64(len(feats)-1))
	return h
}

func roundScore(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
