#!/bin/sh
# The official redis image's entry point behaviour, for the local stand-in:
#   docker run redis                      -> redis-server, reachable from other containers
#   docker run redis --appendonly yes     -> a first argument that is a flag goes to redis-server
#   docker run redis redis-cli -h redis   -> any other command runs as given
set -e

# first argument is `-f`, `--some-option` or a config file: run redis-server with them
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

if [ "$1" = 'redis-server' ]; then
	# The official image is built with protected mode off, so linked containers can connect
	# without a password. Debian's server is not: turn it off here, before the caller's own
	# options so those still win (a config file, --version or --help must stay first).
	shift
	case "${1:-}" in
		-v | --version | -h | --help | --test-memory | --check-system)
			set -- redis-server "$@" ;;
		'' | --*)
			set -- redis-server --protected-mode no "$@" ;;
		*)
			config=$1
			shift
			set -- redis-server "$config" --protected-mode no "$@" ;;
	esac
	# as the official image: run as the redis user (gosu) when started as root
	if [ "$(id -u)" = '0' ]; then
		find . \! -user redis -exec chown redis '{}' +
		exec gosu redis "$@"
	fi
fi

exec "$@"
