# shellcheck shell=sh
# The native libraries the window needs, checked before it opens: sourced by the runtime image's bin/asynclab and
# by ./asynclab in a checkout (POSIX sh, so both can). JavaFX's Glass loads GTK 3 with dlopen when the window
# opens, so a machine without it fails only then, with a stack trace; this finds that out first and installs the
# packages where it may (as root, or through sudo without a password), saying so in one line, or prints one line
# naming the packages and the command to run. The command line (asynclab run ...) never comes here.
#
# Environment:
#   ASYNCLAB_GUI_LIBS   what to look for, as SONAME:DEBIAN-PACKAGE words (default below; tests name absent ones)
#   ASYNCLAB_GUI_CHECK  "off" skips the check; "no-install" only says what to run

# libglassgtk3.so needs GTK 3 (which brings GDK, Pango, Cairo, ATK, GLib and X11) and libXtst, which GTK does
# not depend on. OpenGL is optional: without libGL, Prism draws in software.
ASYNCLAB_GUI_LIBS_DEFAULT="libgtk-3.so.0:libgtk-3-0 libXtst.so.6:libxtst6"

# Whether the dynamic loader can find $1: in ldconfig's cache, or in LD_LIBRARY_PATH.
asynclab_lib_found() {
  _ldconfig=$(command -v ldconfig 2>/dev/null || echo /sbin/ldconfig)
  # grep reads the whole list (not -q, which stops at the first match): ./asynclab sources this under
  # `set -o pipefail`, and ldconfig, cut off by grep -q while it still wrote its 40 KB, died of SIGPIPE and made the
  # pipeline fail, so a library that was there read as missing (6 checks in 200 here).
  if "$_ldconfig" -p 2>/dev/null | grep "^[[:space:]]*$1 " >/dev/null; then
    return 0
  fi
  _ifs=$IFS; IFS=:
  for _dir in ${LD_LIBRARY_PATH:-}; do
    if [ -n "$_dir" ] && [ -e "$_dir/$1" ]; then IFS=$_ifs; return 0; fi
  done
  IFS=$_ifs
  return 1
}

# The Debian packages of the libraries not found, space-separated ("" when all are there).
asynclab_missing_packages() {
  _missing=""
  for _entry in ${ASYNCLAB_GUI_LIBS:-$ASYNCLAB_GUI_LIBS_DEFAULT}; do
    asynclab_lib_found "${_entry%%:*}" || _missing="$_missing ${_entry#*:}"
  done
  echo "${_missing# }"
}

# Debian 13 and Ubuntu 24.04 renamed GTK's package libgtk-3-0t64 (the old name is only provided there): take the
# new name where apt knows it.
asynclab_apt_names() {
  _names=""
  for _pkg in "$@"; do
    if [ "$_pkg" = libgtk-3-0 ] && apt-cache show libgtk-3-0t64 >/dev/null 2>&1; then
      _pkg=libgtk-3-0t64
    fi
    _names="$_names $_pkg"
  done
  echo "${_names# }"
}

# 0 when the window can open (the libraries are there, or were installed just now); 1 after one line on stderr
# that says what is missing and what to run.
asynclab_gui_check() {
  [ "${ASYNCLAB_GUI_CHECK:-on}" = off ] && return 0
  [ "$(uname -s)" = Linux ] || return 0
  _pkgs=$(asynclab_missing_packages)
  [ -z "$_pkgs" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "asynclab: the window needs GTK 3 and libXtst, which are missing (Debian names: $_pkgs): install them" \
      "with your system's package manager (e.g. dnf install gtk3 libXtst)" >&2
    return 1
  fi
  # shellcheck disable=SC2086 # $_pkgs is a list of package names
  _names=$(asynclab_apt_names $_pkgs)
  if [ "$(id -u)" = 0 ]; then
    _as=""
  elif [ "${ASYNCLAB_GUI_CHECK:-on}" != no-install ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null
  then
    _as="sudo -n"
  else
    echo "asynclab: the window needs $_names, which is not installed: run" \
      "sudo apt-get update && sudo apt-get install -y $_names" >&2
    return 1
  fi
  if [ "${ASYNCLAB_GUI_CHECK:-on}" = no-install ]; then
    echo "asynclab: the window needs $_names, which is not installed: run" \
      "apt-get update && apt-get install -y $_names" >&2
    return 1
  fi
  echo "asynclab: installing $_names (the native libraries the window needs) with ${_as:+$_as }apt-get..." >&2
  _log=$(mktemp 2>/dev/null || echo "/tmp/asynclab-apt.$$.log")
  # shellcheck disable=SC2086 # $_as, $_pkgs and $_names are lists
  if ! $_as apt-get update -qq >"$_log" 2>&1 || ! {
    _names=$(asynclab_apt_names $_pkgs) # the lists are fresh now: the name that fits this system
    $_as env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $_names >>"$_log" 2>&1
  }; then
    echo "asynclab: installing $_names failed (apt-get's output: $_log): run" \
      "sudo apt-get update && sudo apt-get install -y $_names" >&2
    return 1
  fi
  rm -f "$_log"
  _still=$(asynclab_missing_packages)
  if [ -n "$_still" ]; then
    echo "asynclab: installed $_names, but the window's libraries are still not found (packages: $_still)" >&2
    return 1
  fi
  return 0
}

# Whether these launcher arguments open the window: none, or one existing file (asynclab FILE).
asynclab_opens_window() {
  case $# in
    0) return 0 ;;
    1) case $1 in -*) return 1 ;; esac; [ -f "$1" ] ;;
    *) return 1 ;;
  esac
}
