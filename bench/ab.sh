#!/bin/bash
# Interleaved A/B timing of whole commands: each round runs every variant once, in turn, so that a host whose load
# drifts (this machine's does) weighs on every variant alike. Prints each variant's wall times, their median, and the
# median CPU time (user + system, all threads, from /usr/bin/time).
#
#   bench/ab.sh ROUNDS "label|command" ...
#   bench/ab.sh 5 "before|node ../before/bin/qingdan.js build $C --out \$OUT" "after|node bin/qingdan.js build $C --out \$OUT"
#
# $OUT is an empty folder on /dev/shm made for each run (so the disk's own noise stays out).
set -u
rounds=$1
shift
declare -A wall cpu
out=/dev/shm/qingdan-ab-$$
for _ in $(seq "$rounds"); do
  for variant in "$@"; do
    label=${variant%%|*}
    command=${variant#*|}
    rm -rf "$out"
    started=$(date +%s%N)
    OUT=$out /usr/bin/time -o "$out.time" -f "%U %S" bash -c "$command" >/dev/null 2>&1 || echo "failed: $label" >&2
    wall[$label]="${wall[$label]:-} $(( ($(date +%s%N) - started) / 1000000 ))"
    cpu[$label]="${cpu[$label]:-} $(awk '{ printf "%d", ($1 + $2) * 1000 }' "$out.time")"
  done
done
rm -rf "$out" "$out.time"
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for variant in "$@"; do
  label=${variant%%|*}
  # shellcheck disable=SC2086
  echo "$label: wall ms $(printf '%s\n' ${wall[$label]} | sort -n | tr '\n' ' ')median $(median ${wall[$label]}) | CPU ms median $(median ${cpu[$label]})"
done
