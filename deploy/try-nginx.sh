#!/bin/sh
# Try deploy/nginx.conf on this machine, without Docker: the same file with the compose
# names swapped for local ones, a self-signed certificate, unprivileged ports.
#   deploy/try-nginx.sh check                     # nginx -t only
#   deploy/try-nginx.sh start [upstream]          # serve https://127.0.0.1:8143/ (and :8180)
#   deploy/try-nginx.sh stop
# Needs nginx (Debian: apt-get install nginx-light) and openssl. The upstream (default
# 127.0.0.1:8103) is gunicorn -c gunicorn.conf.py with SENDFILE_X_ACCEL=1.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
run=${RAATI_NGINX_DIR:-/tmp/raati-nginx}
upstream=${2:-127.0.0.1:8103}
mkdir -p "$run/tls" "$run/acme"
if [ ! -f "$run/tls/privkey.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
        -keyout "$run/tls/privkey.pem" -out "$run/tls/fullchain.pem" 2>/dev/null
fi
sed -e "s#server web:8000;#server $upstream;#" \
    -e "s#/app/staticfiles/#$here/staticfiles/#" \
    -e "s#/app/media/#${MEDIA_ROOT:-$here/media}/#" \
    -e "s#/etc/nginx/tls/#$run/tls/#g" \
    -e "s#/var/www/acme#$run/acme#" \
    -e "s#/tmp/nginx-raati#$run/nginx#g" \
    -e "s#listen 80;#listen 8180;#; s#listen \[::\]:80;#listen [::]:8180;#" \
    -e "s#listen 443 ssl#listen 8143 ssl#; s#listen \[::\]:443 ssl#listen [::]:8143 ssl#" \
    "$here/deploy/nginx.conf" > "$run/nginx.conf"
case "${1:-check}" in
    check) nginx -t -c "$run/nginx.conf" -e "$run/error.log" ;;
    start) nginx -c "$run/nginx.conf" -e "$run/error.log" && echo "nginx: https://127.0.0.1:8143/" ;;
    stop) nginx -s quit -c "$run/nginx.conf" -e "$run/error.log" ;;
esac
