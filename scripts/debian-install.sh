# Sourced by the scripts that provide a local service: installs Debian packages when this is
# root, or stops with what to do instead. One place, so every service installs the same way.
# Usage: debian_install "<what, for the message>" "<what to do instead>" package...
debian_install() {
  local what="$1" instead="$2"
  shift 2
  if [ "$(id -u)" != 0 ]; then
    echo "$what is not installed and this is not root: $instead." >&2
    exit 1
  fi
  echo "Installing $what from Debian's packages ($*)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "$@" >&2
}
