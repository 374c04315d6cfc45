#!/bin/bash
# The image's HEALTHCHECK: healthy while /readyz on the management port answers 200. Uses bash's
# own /dev/tcp so the image needs no HTTP client; sends a Host of localhost, which the management
# server accepts.
set -u
port="${PASTEFIX_MANAGEMENT_PORT:-9464}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 4 _ status _ <&3 || exit 1
[ "${status}" = "200" ]
