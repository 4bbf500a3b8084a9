#!/bin/bash
# Installs the Debian 12 packages Hubs needs to build, run and test. Safe to run again: it
# installs only what is missing. Run as root (or with sudo available).
set -eu

packages=(
  build-essential meson ninja-build pkg-config gettext
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libglib2.0-dev-bin libxml2-utils
  postgresql libpq-dev bindfs
  libxlsxwriter-dev zlib1g-dev python3-openpyxl
  librsvg2-common adwaita-icon-theme shared-mime-info
  xvfb xauth dbus-daemon dbus-x11 at-spi2-core python3-gi gir1.2-atspi-2.0
  desktop-file-utils appstream-util
  fonts-noto-cjk fonts-dejavu-core poppler-utils locales
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
