#!/usr/bin/env bash
# A real static host for the browser tests: nginx serving dist/ at /, the sub-path
# build at /newsroom/ and the build of hostile content (tests/hostile/accepted) at /hostile/, answering unknown paths with 404.html as GitHub Pages does, with
# the response headers of each build's `_headers` (its Content-Security-Policy among
# them) through the include scripts/nginx-headers makes, as a deployer's nginx would.
set -euo pipefail
port=${1:?usage: static-server.sh PORT}
root=$(cd "$(dirname "$0")/../../.." && pwd)
run_dir=$(mktemp -d)
mkdir -p "$run_dir/tmp"
"$root/scripts/nginx-headers" "$root/dist" > "$run_dir/root-headers.conf"
"$root/scripts/nginx-headers" "$root/target/dist-subpath" > "$run_dir/subpath-headers.conf"
"$root/scripts/nginx-headers" "$root/target/dist-hostile" > "$run_dir/hostile-headers.conf"
# Started as root, nginx serves through workers running as `nobody`, who cannot read a
# checkout inside a private folder (mktemp -d, a home folder): they run as the caller.
workers_user=""
if [ "$(id -u)" = 0 ]; then workers_user="user $(id -un) $(id -gn);"; fi
cat > "$run_dir/nginx.conf" <<CONF
$workers_user
worker_processes 1;
daemon off;
pid $run_dir/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  log_not_found off;
  # Feeds and sitemaps are UTF-8; text/xml without a charset would mean ASCII to readers.
  charset utf-8;
  charset_types text/xml application/json text/plain;
  client_body_temp_path $run_dir/tmp/body;
  proxy_temp_path $run_dir/tmp/proxy;
  fastcgi_temp_path $run_dir/tmp/fastcgi;
  uwsgi_temp_path $run_dir/tmp/uwsgi;
  scgi_temp_path $run_dir/tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $root/dist;
    error_page 404 /404.html;
    include $run_dir/root-headers.conf;
    location /newsroom/ {
      alias $root/target/dist-subpath/;
      error_page 404 /newsroom/404.html;
      # Its locations are nested here, so they inherit the alias and the error page.
      include $run_dir/subpath-headers.conf;
    }
    location /hostile/ {
      alias $root/target/dist-hostile/;
      error_page 404 /hostile/404.html;
      include $run_dir/hostile-headers.conf;
    }
  }
}
CONF
exec nginx -p "$run_dir" -c "$run_dir/nginx.conf"
