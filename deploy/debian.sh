# Sourced by the deploy scripts. debian_tool COMMAND PACKAGE: succeeds when COMMAND is
# there, installing Debian's PACKAGE first when it is missing and this runs as root with
# apt-get (as CI does, on a fresh machine); fails, saying what to install, otherwise.
debian_tool() {
	command -v "$1" >/dev/null && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "installing $2 (Debian) for $1" >&2
		apt-get install -y -qq "$2" >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$2" >/dev/null 2>&1; } || true
	fi
	command -v "$1" >/dev/null && return 0
	echo "$1 is missing (apt-get install $2)" >&2
	return 1
}
