#!/usr/bin/env bash
# Wraps the runtime image with jpackage: `jpackage.sh JDK IMAGE DEST VERSION app-image|deb`.
# app-image: DEST/asynclab (bin/asynclab is jpackage's native launcher). deb: DEST/asynclab_VERSION_amd64.deb,
# which installs to /opt/asynclab; skipped, with a message, where fakeroot or dpkg-deb is missing.
set -euo pipefail
jdk=$1 image=$2 dest=$3 version=${4%%-*} type=$5   # jpackage wants a plain numeric version: 0.1.0-SNAPSHOT -> 0.1.0
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
icon="$here/../../../assets/icon/asynclab-256.png"  # rendered from assets/icon/asynclab.svg
# Who the package names as its maintainer (Debian's Maintainer field is "VENDOR <EMAIL>").
VENDOR="Async Lab"
MAINTAINER_EMAIL="asynclab@localhost"

app_image() {
  rm -rf "$dest/asynclab"
  # The app finds its scenarios under asynclab.home; jpackage copies the runtime image, scenarios included,
  # to lib/runtime.
  "$jdk/bin/jpackage" --type app-image --name asynclab --app-version "$version" \
    --description "Async Lab: a visual debugger and simulator for async callbacks" \
    --runtime-image "$image" --module dev.asynclab.app/dev.asynclab.app.Main --icon "$icon" \
    --java-options '-Dasynclab.home=$ROOTDIR/lib/runtime' --dest "$dest"  # $ROOTDIR: for jpackage's launcher
  echo "jpackage: app image in $dest/asynclab (run $dest/asynclab/bin/asynclab)"
}

# JavaFX loads GTK with dlopen, so jpackage's scan of the image's linked libraries does not see it: declared by
# hand (GTK 3 was renamed libgtk-3-0t64 in Debian 13 / Ubuntu 24.04). The scan finds libxtst6 itself, and
# jpackage adds xdg-utils for the menu entry and file types (checked with dpkg-deb -I).
GUI_DEPS="libgtk-3-0 | libgtk-3-0t64"

deb() {
  local missing=()
  command -v fakeroot >/dev/null || missing+=(fakeroot)
  command -v dpkg-deb >/dev/null || missing+=(dpkg-deb)
  if ((${#missing[@]})); then
    echo "jpackage: SKIPPED the .deb: ${missing[*]} not found (Debian/Ubuntu: apt-get install fakeroot dpkg-dev)" >&2
    return 0
  fi
  app_image # always afresh: an app image left from an earlier build would put old code into the package
  rm -f "$dest"/asynclab_*.deb
  # A menu entry with the icon (--linux-shortcut; deb/asynclab.desktop is jpackage's template with a proper name
  # and the %f that hands a file on, as `asynclab FILE`), scenarios and audit logs opened by it
  # (--file-associations), asynclab on the PATH (the postinst and prerm in deb/: jpackage's templates plus a link
  # in /usr/bin), the maintainer, and the licence where the repository has one.
  local license=()
  [ -f "$here/../../../LICENSE" ] && license=(--license-file "$here/../../../LICENSE")
  "$jdk/bin/jpackage" --type deb --app-image "$dest/asynclab" --name asynclab --app-version "$version" \
    --description "Async Lab: a visual debugger and simulator for async callbacks" \
    --vendor "$VENDOR" --linux-deb-maintainer "$MAINTAINER_EMAIL" --linux-app-category devel \
    --linux-shortcut --linux-menu-group "Development;Debugger;" --icon "$icon" \
    --file-associations "$here/associations/scenario.properties" \
    --file-associations "$here/associations/audit-log.properties" \
    --resource-dir "$here/deb" "${license[@]}" \
    --linux-package-deps "$GUI_DEPS" --dest "$dest"
  echo "jpackage: $(ls "$dest"/asynclab_*.deb) (installs to /opt/asynclab, asynclab on the PATH)"
}

case $type in
  app-image) app_image ;;
  deb) deb ;;
  *) echo "jpackage.sh: unknown type '$type' (app-image or deb)" >&2; exit 2 ;;
esac
