#!/usr/bin/env bash
# The floor of the start to first window: a JavaFX stage with one Label (floor/HelloWindow.java), started by the
# runtime image's java the way bin/asynclab starts the app: the image's baked JVM options, an AOT cache recorded by
# its first start and used by the next ones (its own file in the same cache folder), the same JIT thresholds, and
# the software pipeline where /dev has no GPU (as the app's RenderingPipeline chooses). first-window.sh runs it in
# place of bin/asynclab with FLOOR=1:
#   FLOOR=1 jlink/src/measure/first-window.sh IMAGE RUNS
# Compiled once per image, with the JDK 25 that builds the project (the image has no compiler).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=$1
cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/asynclab"
mkdir -p "$cache/hello"
# a jar, not a folder: an AOT cache takes only jars from the class path
jar=$cache/hello/hello-$(stat -c %s-%Y "$image/lib/modules").jar
if [ ! -f "$jar" ]; then
  jdk=$(dirname "$(ls -d /usr/lib/jvm/*25*/bin/javac 2>/dev/null | head -n 1)")
  classes=$(mktemp -d)
  "$jdk/javac" --system "$image" --add-modules javafx.controls -d "$classes" "$here/floor/HelloWindow.java"
  "$jdk/jar" --create --file "$jar" -C "$classes" .
  rm -rf "$classes"
fi
aot="$cache/hello-$(stat -c %s-%Y "$image/lib/modules").aot"
if [ -f "$aot" ]; then cds="-XX:AOTCache=$aot"; else cds="-XX:AOTCacheOutput=$aot"; fi
pipeline=""
if [ -z "$(ls -A /dev/dri 2>/dev/null)" ] && [ ! -e /dev/nvidiactl ]; then pipeline="-Dprism.order=sw"; fi
# the JIT thresholds the image's launcher gives a start with a cache (its jit= lines), so the two stay alike
jit=""
eval "$(grep -E '^ *jit=' "$image/bin/asynclab")"
# shellcheck disable=SC2086 # lists of options
exec "$image/bin/java" $cds -Xlog:aot*=off,cds*=off $jit $pipeline ${ASYNCLAB_JAVA_OPTS:-} --add-modules javafx.controls -cp "$jar" HelloWindow
