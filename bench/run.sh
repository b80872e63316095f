#!/usr/bin/env bash
# Times `slant compare --format json` against bench/baseline.py, a plain
# Python version of the same job, on generated events of several sizes.
# Usage: bash bench/run.sh   (see bench/README.md for the knobs)
set -euo pipefail
export LC_ALL=C # decimal points in $EPOCHREALTIME and awk

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${RUNS:-5}
sizes=${SIZES:-"10 20 40 80"}
sentences=${SENTENCES:-40}
seed=${SEED:-1}

for cmd in go awk sort; do
	command -v "$cmd" >/dev/null || { echo "bench: $cmd not found" >&2; exit 1; }
done
# The Python to time: $PYTHON, else the system's own /usr/bin/python3, else
# python3 from PATH. It is run by the path of its real executable, so that a
# wrapper in front of it (a version manager's shim is a shell script that
# takes longer to start than Python itself) is not counted as Python's time.
py=${PYTHON:-}
if [[ -z $py ]]; then
	py=python3
	[[ -x /usr/bin/python3 ]] && py=/usr/bin/python3
fi
if ! py=$("$py" -c 'import sys; print(sys.executable)' 2>/dev/null) || [[ -z $py ]]; then
	echo "bench: no Python 3 to run (set PYTHON to one)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Build slant once: from the working tree, or from a committed revision when
# SLANT_REV is set (e.g. SLANT_REV=HEAD).
if [[ -n ${SLANT_REV:-} ]]; then
	mkdir "$tmp/src"
	git -C "$root" archive "$SLANT_REV" | tar -x -C "$tmp/src"
	src="$tmp/src"
	what="revision $(git -C "$root" rev-parse --short "$SLANT_REV")"
else
	src=$root
	what="working tree"
	if rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null); then
		what="working tree at $rev"
		[[ -n $(git -C "$root" status --porcelain 2>/dev/null) ]] && what+=" (with uncommitted changes)"
	fi
fi
# Built static, as the README's install line builds it: without cgo the
# process skips the dynamic loader and starts about a millisecond sooner.
if ! (cd "$src" && CGO_ENABLED=0 go build -o "$tmp/slant" ./cmd/slant); then
	echo "bench: slant does not build from the $what; SLANT_REV=HEAD times the last commit" >&2
	exit 1
fi
(cd "$root" && go build -o "$tmp/gen" ./bench/gen)

# How to time one run: the wall clock ($EPOCHREALTIME, bash 5, or bash's
# `time`) around the bare command, so that no wrapper's start-up is counted
# in its time. Peak RSS comes from separate runs: GNU time's %M (KiB), or
# Python's getrusage without it.
gnutime=0
if [[ ${GNU_TIME:-1} != 0 && -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o "$tmp/probe" true 2>/dev/null &&
	[[ $(wc -w <"$tmp/probe") -eq 1 ]]; then
	gnutime=1
fi

# wall CMD... prints the milliseconds one run takes.
wall() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		local t0=$EPOCHREALTIME t1
		"$@" >/dev/null
		t1=$EPOCHREALTIME
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", (b - a) * 1000 }'
	else
		local TIMEFORMAT=%3R
		{ time "$@" >/dev/null; } 2>"$tmp/time"
		awk '{ printf "%.1f\n", $1 * 1000 }' "$tmp/time"
	fi
}

# peakrss CMD... prints the peak RSS in KiB of one run.
peakrss() {
	if ((gnutime)); then
		/usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null && cat "$tmp/rss"
	else
		"$py" -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
	fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "slant: $what; $(go version | cut -d' ' -f3-4); $("$py" --version 2>&1) ($py); $(nproc 2>/dev/null || echo '?') CPUs"
if ((gnutime)); then
	echo "timer: wall clock around the bare command; peak RSS: median of 3 more runs under /usr/bin/time"
else
	echo "timer: wall clock around the bare command; peak RSS: median of 3 more runs under Python's getrusage"
fi
echo "each time: median of $runs runs of the whole process, output to /dev/null, after one untimed run"
# What each process costs before it does any work: the floor under its times.
: >"$tmp/s" && : >"$tmp/p"
for ((i = 0; i < runs; i++)); do
	wall "$tmp/slant" help >>"$tmp/s"
	wall "$py" -c pass >>"$tmp/p"
done
echo "start-up alone: slant help $(median <"$tmp/s") ms, python3 -c pass $(median <"$tmp/p") ms"
echo

declare -A slant_ms nsents
table="$tmp/table"
printf '%-9s %9s %9s %10s %13s %15s %16s\n' size sentences "slant ms" "python ms" "python/slant" "slant RSS MiB" "python RSS MiB" >"$table"
for n in $sizes; do
	dir="$tmp/event-$n"
	"$tmp/gen" -outlets "$n" -sentences "$sentences" -seed "$seed" -o "$dir" 2>"$tmp/gen.log"
	nsent=$(awk '{ print $4 }' "$tmp/gen.log")
	slant=("$tmp/slant" compare --format json "$dir")
	python=("$py" "$root/bench/baseline.py" "$dir")
	"${slant[@]}" >/dev/null # untimed: files into the page cache
	"${python[@]}" >/dev/null
	: >"$tmp/s" && : >"$tmp/p"
	for ((i = 0; i < runs; i++)); do # alternate, so load changes hit both
		wall "${slant[@]}" >>"$tmp/s"
		wall "${python[@]}" >>"$tmp/p"
	done
	s=$(median <"$tmp/s")
	p=$(median <"$tmp/p")
	srss=$(for i in 1 2 3; do peakrss "${slant[@]}"; done | median)
	prss=$(for i in 1 2 3; do peakrss "${python[@]}"; done | median)
	slant_ms[$n]=$s
	nsents[$n]=$nsent
	awk -v size="${n}x$sentences" -v ns="$nsent" -v s="$s" -v p="$p" -v sr="$srss" -v pr="$prss" \
		'BEGIN { printf "%-9s %9s %9.0f %10.0f %13.1f %15.1f %16.1f\n", size, ns, s, p, p / s, sr / 1024, pr / 1024 }' >>"$table"
	echo "done: $n outlets" >&2
done
cat "$table"

first=${sizes%% *}
last=${sizes##* }
if [[ $first != "$last" ]]; then
	echo
	awk -v a="${slant_ms[$first]}" -v b="${slant_ms[$last]}" -v f="$first" -v l="$last" \
		-v sa="${nsents[$first]}" -v sb="${nsents[$last]}" \
		'BEGIN { printf "growth: slant at %s outlets takes %.1f times as long as at %s outlets, for %.1f times the sentences\n", l, b / a, f, sb / sa }'
fi
