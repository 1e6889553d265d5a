# The Debian / Ubuntu packages the app and its tests need, and one way to get the missing ones.
# Sourced by scripts/run.sh and .ci/run; not run on its own.
#
# GUI_PACKAGES: what Qt's xcb platform plugin (a real X11 window) loads, as Qt's "X11
# requirements" page lists them; libxcb-cursor0 is opened at start-up, so ldd cannot see it.
GUI_PACKAGES=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
  fonts-dejavu-core)
# TEST_PACKAGES: the peers the test suite drives (browser, virtual screen, a non-English locale).
TEST_PACKAGES=(locales chromium chromium-driver xvfb postgresql-client)

missing_packages() {
  # Prints the packages of "$@" that dpkg does not report as installed.
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || printf '%s\n' "$package"
  done
}

ensure_packages() {
  # Installs the missing packages of "$@" with apt-get when allowed to (root, or sudo without a
  # password prompt); otherwise prints the one command that does and returns 1.
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "== not a Debian-like system: install Qt 6's X11 libraries (xcb, xkbcommon-x11) yourself"
    return 0
  fi
  local missing
  mapfile -t missing < <(missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  local apt=(apt-get install -y -q --no-install-recommends "${missing[@]}")
  echo "== system packages missing: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive "${apt[@]}"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -q \
      && sudo DEBIAN_FRONTEND=noninteractive "${apt[@]}"
  else
    echo "Install them with:"
    echo "  sudo apt-get install ${missing[*]}"
    return 1
  fi
}
