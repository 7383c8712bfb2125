#!/usr/bin/env bash
# Start time to the first window and memory at idle, from the runtime image, under Xvfb:
#   jlink/src/measure/first-window.sh [IMAGE] [RUNS]
# For each run: the time from starting bin/asynclab to its "Async Lab" window being viewable (mapped) on the X
# server, the CPU time the process had used by then (all threads; less shaken than the wall-clock time by other
# processes on the machine), the load average, then the launcher's resident memory (VmRSS) 5 s later, with the
# window open. Needs Xvfb and xwininfo (Debian: apt-get install xvfb xauth x11-utils libgtk-3-0).
# ASYNCLAB_JAVA_OPTS passes JVM options through. TRACE=1 also prints the app's start-up marks (StartTrace: JVM
# uptime, the process's CPU time and the marking thread's at main, the toolkit's start, the view built, shown, the
# first layout pulses; from "toolkit started" on the thread is the FX thread): the window is
# mapped during "shown", before its first layout pulse styles and lays out the welcome page and its frame is drawn.
# THREADS=1 also prints, at the window, the CPU time each of the JVM's threads had used (threads of one kind, such as
# the GC's workers, added up; those under 30 ms left out): which threads compete with the FX thread for the cores
# (on these 2-core VMs the JIT compilers' C1 and C2 threads, see jlink/README.md).
# FLOOR=1 starts, in place of the app, a JavaFX stage with one Label from the same image the same way
# (hello-window.sh): the floor, what the JVM and the toolkit take before any of the app's own work.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=${1:-$here/../../target/maven-jlink/classifiers/image}
runs=${2:-5}
display=:${ASYNCLAB_DISPLAY:-97}

# -noreset: an X server resets when its last client leaves, and this script's xwininfo probes come and go while
# the app connects; a connection made during a reset fails ("Unable to open DISPLAY", 4 of 18 starts before).
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
log=$(mktemp)   # the app's output, shown if it dies before its window
trap 'kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null; rm -f "$log"' EXIT
until DISPLAY=$display xwininfo -root >/dev/null 2>&1; do
  kill -0 "$xvfb" 2>/dev/null || { echo "Xvfb did not start on $display (in use? set ASYNCLAB_DISPLAY)" >&2; exit 1; }
  sleep 0.1
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# CPU time per thread of process $1 in ms, the largest first, read in one pass (a slow read would count CPU spent
# after the window); names that differ only in a trailing number (GC Thread#0, GC Thread#1) are added up. A
# thread's name is at most 15 characters ("C2 CompilerThre"). Threads that have ended (the JVM stops idle compiler
# threads) count only in the process's total, so what they used is shown as the difference.
thread_cpu() {
  awk -v hz="$(getconf CLK_TCK)" -v process="/proc/$1/stat" '
    FNR == 1 {
      name = substr($0, index($0, "(") + 1); name = substr(name, 1, match(name, /\) [A-Z] /) - 1)
      split(substr($0, RSTART + 2), f, " ")   # f[1] is the state; utime and stime are f[12] and f[13]
      cpu = (f[12] + f[13]) * 1000 / hz
      if (FILENAME == process) { total = cpu; next }
      sub(/[0-9]+$/, "", name); ms[name] += cpu; sum += cpu
    }
    END {
      for (t in ms) if (ms[t] >= 30) printf "%d ms %s\n", ms[t], t
      if (total - sum >= 30) printf "%d ms (threads that have ended)\n", total - sum
    }' "/proc/$1/stat" /proc/"$1"/task/*/stat 2>/dev/null | sort -rn
}

for run in $(seq "$runs"); do
  start=$(now_ms)
  opts=${ASYNCLAB_JAVA_OPTS:-}
  [ "${TRACE:-0}" = 1 ] && opts="$opts -Dasynclab.startTrace=true"
  if [ "${FLOOR:-0}" = 1 ]; then launcher=("$here/hello-window.sh" "$image"); else launcher=("$image/bin/asynclab"); fi
  DISPLAY=$display ASYNCLAB_JAVA_OPTS="$opts" "${launcher[@]}" >"$log" 2>&1 &
  app=$!   # the launcher execs java, so this is the JVM
  until DISPLAY=$display xwininfo -name "Async Lab" 2>/dev/null | grep -q IsViewable; do
    if ! kill -0 "$app" 2>/dev/null; then echo "run $run: the app exited before showing a window:" >&2; cat "$log" >&2; exit 1; fi
    if (( $(now_ms) - start > 60000 )); then echo "run $run: no window after 60 s" >&2; kill "$app"; exit 1; fi
    sleep 0.01
  done
  shown=$(now_ms)
  # utime + stime of the whole process, in clock ticks (fields 14 and 15; the name in field 2 has no spaces here)
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$app/stat")
  [ "${THREADS:-0}" = 1 ] && threads=$(thread_cpu "$app")
  load=$(cut -d' ' -f1 /proc/loadavg)
  sleep 5
  rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$app/status")
  kill "$app"
  wait "$app" 2>/dev/null || true
  echo "run $run: first window after $((shown - start)) ms, cpu $cpu_ms ms (load $load); RSS at idle $((rss_kb / 1024)) MB"
  if [ "${TRACE:-0}" = 1 ]; then grep '^asynclab start:' "$log" | sed 's/^/  /' || true; fi
  if [ "${THREADS:-0}" = 1 ]; then echo "  threads' CPU at the window:"; echo "$threads" | sed 's/^/    /'; fi
done
