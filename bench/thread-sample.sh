#!/bin/bash
# Per-thread CPU of a command while it runs, every half second, from /proc (Linux): one line per sample, the
# milliseconds since start, then thread:ticks (10 ms) for every thread, numbered from the process id (0 = main
# thread; the next few are V8's platform threads: its compiler and garbage collector; later ones libuv's and workers).
#
#   bench/thread-sample.sh node bin/qingdan.js build CATALOGUE --out /dev/shm/site
"$@" >/dev/null 2>&1 &
pid=$!
started=$(date +%s%3N)
while kill -0 "$pid" 2>/dev/null; do
  line="$(( $(date +%s%3N) - started ))"
  for task in /proc/"$pid"/task/*; do
    stat=$(cut -d' ' -f14,15 "$task/stat" 2>/dev/null) || continue
    [ -n "$stat" ] || continue
    set -- $stat
    line="$line $(( ${task##*/} - pid )):$(( $1 + $2 ))"
  done
  echo "$line"
  sleep 0.5
done
wait "$pid"
