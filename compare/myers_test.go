package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// lcsLength is the length of a longest common subsequence of a and b, by
// dynamic programming: the reference a shortest edit script is held to.
func lcsLength(a, b []int32) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// checkScript checks that ops turn a into b with as few edits as any
// script can, in the form diff promises: no two neighbouring runs of one
// kind, no empty run, and between kept runs the deletion before the
// insertion.
func checkScript(t *testing.T, a, b []int32, ops []editOp) {
	t.Helper()
	var out []int32
	i, j, edits := 0, 0, 0
	for k, op := range ops {
		if op.n <= 0 {
			t.Fatalf("%v: empty run", ops)
		}
		if k > 0 && ops[k-1].kind == op.kind {
			t.Fatalf("%v: two %c runs side by side", ops, op.kind)
		}
		if k > 0 && ops[k-1].kind == '+' && op.kind == '-' {
			t.Fatalf("%v: an insertion before a deletion", ops)
		}
		switch op.kind {
		case '=':
			if i+op.n > len(a) || j+op.n > len(b) || !slices.Equal(a[i:i+op.n], b[j:j+op.n]) {
				t.Fatalf("%v: kept run at %d/%d does not match", ops, i, j)
			}
			out = append(out, a[i:i+op.n]...)
			i, j = i+op.n, j+op.n
		case '-':
			i += op.n
			edits += op.n
		case '+':
			out = append(out, b[j:j+op.n]...)
			j += op.n
			edits += op.n
		default:
			t.Fatalf("%v: unknown run %q", ops, op.kind)
		}
	}
	if i != len(a) || !slices.Equal(out, b) {
		t.Fatalf("a=%v b=%v: script %v does not turn a into b", a, b, ops)
	}
	if want := len(a) + len(b) - 2*lcsLength(a, b); edits != want {
		t.Fatalf("a=%v b=%v: script %v makes %d edits, the fewest is %d", a, b, ops, edits, want)
	}
}

// TestDifferShortest checks scripts on random lists over small
// alphabets (many repeats, where the choices are) of many lengths.
func TestDifferShortest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var d differ
	list := func(n, alphabet int) []int32 {
		out := make([]int32, n)
		for i := range out {
			out[i] = int32(r.IntN(alphabet))
		}
		return out
	}
	for range 3000 {
		alphabet := 1 + r.IntN(6)
		a, b := list(r.IntN(30), alphabet), list(r.IntN(30), alphabet)
		if r.IntN(3) == 0 { // b an edited copy of a
			b = slices.Clone(a)
			for range r.IntN(4) {
				if k := r.IntN(len(b) + 1); r.IntN(2) == 0 && k < len(b) {
					b = slices.Delete(b, k, k+1)
				} else {
					b = slices.Insert(b, k, int32(r.IntN(alphabet)))
				}
			}
		}
		checkScript(t, a, b, slices.Clone(d.diff(a, b)))
	}
}

// TestDifferReading checks the reading form on cases small enough to
// write out: containment keeps the first appearance once common ends
// are set aside, a lone insertion
// slides to join kept runs, and deletions come before insertions.
func TestDifferReading(t *testing.T) {
	var d differ
	for _, c := range []struct {
		a, b []int32
		want []editOp
	}{
		{[]int32{1, 2}, []int32{0, 1, 2, 1, 2, 3}, []editOp{{'+', 1}, {'=', 2}, {'+', 3}}},
		// Common ends first: the last appearance here.
		{[]int32{1, 2}, []int32{0, 1, 2, 1, 2}, []editOp{{'+', 3}, {'=', 2}}},
		{[]int32{1, 2, 3}, []int32{1, 2, 3}, []editOp{{'=', 3}}},
		{nil, []int32{4}, []editOp{{'+', 1}}},
		{[]int32{1, 2, 3}, []int32{4, 5, 6}, []editOp{{'-', 3}, {'+', 3}}},
		// "A [+BA+] C" reads "[+AB+] A C".
		{[]int32{1, 3}, []int32{1, 2, 1, 3}, []editOp{{'+', 2}, {'=', 2}}},
		{[]int32{1, 2, 3, 4}, []int32{1, 5, 3, 6}, []editOp{{'=', 1}, {'-', 1}, {'+', 1}, {'=', 1}, {'-', 1}, {'+', 1}}},
	} {
		got := d.diff(c.a, c.b)
		checkScript(t, c.a, c.b, got)
		if !slices.Equal(got, c.want) {
			t.Errorf("diff(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// FuzzDiffer checks that any two lists get a shortest script in reading
// form.
func FuzzDiffer(f *testing.F) {
	f.Add([]byte{1, 2, 3}, []byte{1, 3, 2})
	f.Add([]byte{}, []byte{1})
	f.Add([]byte{1, 1, 1, 2}, []byte{2, 1, 1, 1})
	f.Fuzz(func(t *testing.T, x, y []byte) {
		if len(x) > 200 || len(y) > 200 {
			return
		}
		a, b := make([]int32, len(x)), make([]int32, len(y))
		for i, c := range x {
			a[i] = int32(c % 8)
		}
		for i, c := range y {
			b[i] = int32(c % 8)
		}
		var d differ
		checkScript(t, a, b, d.diff(a, b))
	})
}
