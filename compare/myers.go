package compare

import "slices"

// editOp is one run of a word diff: n words kept, deleted or inserted.
type editOp struct {
	kind byte // '=', '-' or '+'
	n    int
}

// differ works out shortest edit scripts between two lists of word codes
// with Myers' O(ND) algorithm in linear space: the middle of an optimal
// path is found by searching from both ends at once, and the two halves
// are diffed the same way. Its arrays are reused from one diff to the next.
type differ struct {
	a, b     []int32
	fwd, rev []int
	ops      []editOp
}

// diff returns the runs of a shortest edit script turning a into b, put in
// the form a reader expects: in each stretch between kept words the deleted
// words before the inserted ones, and a lone deletion or insertion slid
// along its neighbours where that spares a kept run ("A [+BA+] C" reads
// "[+AB+] A C"). Common starts and ends are kept first; then, where the
// shorter list appears whole in the longer, its first appearance.
func (d *differ) diff(a, b []int32) []editOp {
	d.a, d.b, d.ops = a, b, d.ops[:0]
	d.compare(0, len(a), 0, len(b))
	return tidyEdits(d.ops, a, b)
}

func (d *differ) emit(kind byte, n int) {
	if n == 0 {
		return
	}
	if k := len(d.ops) - 1; k >= 0 && d.ops[k].kind == kind {
		d.ops[k].n += n
		return
	}
	d.ops = append(d.ops, editOp{kind, n})
}

// compare emits the script turning a[aLo:aHi] into b[bLo:bHi].
func (d *differ) compare(aLo, aHi, bLo, bHi int) {
	a, b := d.a, d.b
	prefix := 0
	for aLo+prefix < aHi && bLo+prefix < bHi && a[aLo+prefix] == b[bLo+prefix] {
		prefix++
	}
	d.emit('=', prefix)
	aLo, bLo = aLo+prefix, bLo+prefix
	suffix := 0
	for aHi-suffix > aLo && bHi-suffix > bLo && a[aHi-suffix-1] == b[bHi-suffix-1] {
		suffix++
	}
	aHi, bHi = aHi-suffix, bHi-suffix
	switch {
	case aLo == aHi:
		d.emit('+', bHi-bLo)
	case bLo == bHi:
		d.emit('-', aHi-aLo)
	default:
		if at, ok := within(a[aLo:aHi], b[bLo:bHi]); ok {
			// The shorter side whole inside the longer one.
			if aHi-aLo < bHi-bLo {
				d.emit('+', at)
				d.emit('=', aHi-aLo)
				d.emit('+', bHi-bLo-at-(aHi-aLo))
			} else {
				d.emit('-', at)
				d.emit('=', bHi-bLo)
				d.emit('-', aHi-aLo-at-(bHi-bLo))
			}
			break
		}
		x, y := d.middle(aLo, aHi, bLo, bHi)
		if (x == aLo && y == bLo) || (x == aHi && y == bHi) {
			// Cannot happen once common ends are set aside (every path
			// has an edit at each end); kept from recursing forever.
			d.emit('-', aHi-aLo)
			d.emit('+', bHi-bLo)
			break
		}
		d.compare(aLo, x, bLo, y)
		d.compare(x, aHi, y, bHi)
	}
	d.emit('=', suffix)
}

// within returns where the shorter of a and b first appears whole in the
// longer, if it does.
func within(a, b []int32) (int, bool) {
	short, long := a, b
	if len(b) < len(a) {
		short, long = b, a
	}
	for i := 0; i+len(short) <= len(long); i++ {
		if long[i] == short[0] && slices.Equal(long[i:i+len(short)], short) {
			return i, true
		}
	}
	return 0, false
}

// middle returns a point (x, y) on a shortest path from (aLo, bLo) to
// (aHi, bHi) that splits it into two shorter problems. The forward search
// keeps, for each diagonal k = x - y, the furthest x reached with D edits;
// the reverse search the same from the far end; the paths meet after about
// half the edits.
func (d *differ) middle(aLo, aHi, bLo, bHi int) (int, int) {
	a, b := d.a, d.b
	n, m := aHi-aLo, bHi-bLo
	maxD := (n + m + 1) / 2
	size := 2*maxD + 3
	if cap(d.fwd) < size {
		d.fwd, d.rev = make([]int, size), make([]int, size)
	}
	fwd, rev := d.fwd[:size], d.rev[:size]
	off := maxD + 1 // index of diagonal 0
	delta := n - m
	odd := delta%2 != 0
	// fwd[off+k]: furthest x (relative to aLo) on diagonal k = x - y.
	// rev[off+k]: furthest reach back on reverse diagonal k, as the number
	// of a's words consumed from the end, where k = (n - x) - (m - y).
	fwd[off+1], rev[off+1] = 0, 0
	for D := 0; D <= maxD; D++ {
		for k := -D; k <= D; k += 2 {
			var x int
			if k == -D || (k != D && fwd[off+k-1] < fwd[off+k+1]) {
				x = fwd[off+k+1] // down: an insertion
			} else {
				x = fwd[off+k-1] + 1 // right: a deletion
			}
			y := x - k
			for x < n && y < m && a[aLo+x] == b[bLo+y] {
				x++
				y++
			}
			fwd[off+k] = x
			// Reverse diagonal of this forward diagonal.
			if rk := delta - k; odd && rk >= -(D-1) && rk <= D-1 && x+rev[off+rk] >= n {
				return aLo + x, bLo + y
			}
		}
		for k := -D; k <= D; k += 2 {
			var u int // a's words consumed from the end
			if k == -D || (k != D && rev[off+k-1] < rev[off+k+1]) {
				u = rev[off+k+1]
			} else {
				u = rev[off+k-1] + 1
			}
			v := u - k
			for u < n && v < m && a[aHi-u-1] == b[bHi-v-1] {
				u++
				v++
			}
			rev[off+k] = u
			if fk := delta - k; !odd && fk >= -D && fk <= D && u+fwd[off+fk] >= n {
				return aHi - u, bHi - v
			}
		}
	}
	return aLo, bLo // not reached: the searches meet by maxD
}

// tidyEdits puts a script's runs in reading form: the deletions and
// insertions between two kept runs gathered into one deletion and then one
// insertion, and a lone deletion or insertion between kept runs slid to
// the left or right where its words repeat the kept run on that side, so
// that the two kept runs join. It repeats until nothing moves.
func tidyEdits(ops []editOp, a, b []int32) []editOp {
	ops = gatherEdits(ops)
	for changed := true; changed; {
		changed = false
		// Word offsets of each run in a and b.
		ai, bi := 0, 0
		for i := 1; i+1 < len(ops); i++ {
			prev, cur, next := ops[i-1], ops[i], ops[i+1]
			if i == 1 {
				ai, bi = advance(prev, ai, bi)
			}
			if prev.kind != '=' || next.kind != '=' || cur.kind == '=' {
				ai, bi = advance(cur, ai, bi)
				continue
			}
			// The edit's words, in the side they come from.
			words, start := a, ai
			if cur.kind == '+' {
				words, start = b, bi
			}
			edit := words[start : start+cur.n]
			before := words[start-prev.n : start] // the kept run before, as that side reads it
			after := words[start+cur.n : start+cur.n+next.n]
			switch {
			case prev.n <= cur.n && slices.Equal(edit[cur.n-prev.n:], before):
				// "A [+BA+] C" is "[+AB+] A C": the kept run before joins
				// the one after.
				ops[i-1] = editOp{cur.kind, cur.n}
				ops[i] = editOp{'=', prev.n + next.n}
				ops = slices.Delete(ops, i+1, i+2)
				changed = true
			case next.n <= cur.n && slices.Equal(edit[:next.n], after):
				// "A [+CB+] C" is "A C [+BC+]".
				ops[i-1] = editOp{'=', prev.n + next.n}
				ops[i] = editOp{cur.kind, cur.n}
				ops = slices.Delete(ops, i+1, i+2)
				changed = true
			}
			if changed {
				break
			}
			ai, bi = advance(cur, ai, bi)
		}
		ops = gatherEdits(ops)
	}
	return ops
}

// advance moves the offsets in a and b past one run.
func advance(op editOp, ai, bi int) (int, int) {
	switch op.kind {
	case '=':
		return ai + op.n, bi + op.n
	case '-':
		return ai + op.n, bi
	}
	return ai, bi + op.n
}

// gatherEdits joins neighbouring runs of one kind and, between kept runs,
// puts all the deletions before all the insertions.
func gatherEdits(ops []editOp) []editOp {
	out := ops[:0]
	del, ins := 0, 0
	flush := func() {
		if del > 0 {
			out = append(out, editOp{'-', del})
		}
		if ins > 0 {
			out = append(out, editOp{'+', ins})
		}
		del, ins = 0, 0
	}
	for _, op := range ops {
		switch op.kind {
		case '-':
			del += op.n
		case '+':
			ins += op.n
		default:
			flush()
			if k := len(out) - 1; k >= 0 && out[k].kind == '=' {
				out[k].n += op.n
			} else if op.n > 0 {
				out = append(out, op)
			}
		}
	}
	flush()
	return out
}
