#!/usr/bin/env bash
# End-to-end test of visit statistics (issue 15), the documented production pipeline on
# 127.0.0.1: nginx (apt) serves the built sample with the server block `gazette new` writes
# (src/scaffold/site/deploy/nginx.conf, paths and port rewritten to a temporary folder),
# a known set of requests is sent (people, crawlers, health checks, files, errors), the
# command of deploy/gazette-visits.service runs, and headless Chromium checks that the
# "Thống kê truy cập" box and one article's "Lượt xem" show exactly those counts
# (tests/e2e/visits.check.mjs). GoAccess (apt) reads the same log as a cross-check of the
# visitor count. Skips, with a message, only where apt-get is unavailable.
#
#   tests/e2e/visits.sh            (GAZETTE_BIN: the binary to use; default target/release)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BROWSER=$ROOT/tests/browser
DEPLOY=$ROOT/src/scaffold/site/deploy
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

need=()
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx)
command -v goaccess >/dev/null || need+=(goaccess)
[[ -x $CHROMIUM ]] || need+=(chromium fonts-liberation fonts-dejavu-core)
if ((${#need[@]})); then
  if ! command -v apt-get >/dev/null; then
    echo "SKIP visits e2e: apt-get is not available here to install ${need[*]}" >&2
    exit 0
  fi
  sudo=; ((EUID)) && sudo=sudo
  echo "[visits] apt-get install ${need[*]}"
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -q </dev/null >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -q \
    --no-install-recommends "${need[@]}" </dev/null >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [[ ! -f $BROWSER/node_modules/.package-lock.json ]] \
  || ! cmp -s "$BROWSER/package-lock.json" "$BROWSER/node_modules/.gazette-lock"; then
  (cd "$BROWSER" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
  cp "$BROWSER/package-lock.json" "$BROWSER/node_modules/.gazette-lock"
fi

GAZETTE=${GAZETTE_BIN:-$ROOT/target/release/gazette}
if [[ ! -x $GAZETTE ]]; then
  (cd "$ROOT" && cargo build --release --locked --quiet)
fi

TMP=$(mktemp -d /tmp/gazette-visits-e2e.XXXXXX)
chmod 755 "$TMP" # nginx workers (user nobody when started as root) read the site
NGINX_PID=
cleanup() {
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p "$TMP/site" "$TMP/log" "$TMP/lib/www" "$TMP/nginx"
# the sample's sources, built where the deploy files expect the site (/srv/gazette/public)
cp -r "$ROOT/content" "$TMP/site/content"
"$GAZETTE" build --root "$TMP/site" --quiet

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# the documented server block, with its paths and port moved into the temporary folder
sed -e "s|listen 80;|listen 127.0.0.1:$PORT;|" -e '/listen \[::\]:80;/d' \
  -e "s|/srv/gazette|$TMP/site|g" -e "s|/var/log/nginx|$TMP/log|g" -e "s|/var/lib/gazette|$TMP/lib|g" \
  "$DEPLOY/nginx.conf" >"$TMP/nginx/server.conf"
cat >"$TMP/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  include $TMP/nginx/server.conf;
}
CONF
"$NGINX" -t -q -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log"
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log" &
NGINX_PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 50); do curl -fs -o /dev/null "$BASE/healthz" && break; sleep 0.1; done
curl -fs -o /dev/null "$BASE/" || { echo "nginx does not serve the site:" >&2; cat "$TMP/log/gazette.error.log" >&2; exit 1; }
# what the documented block serves besides the log: compressed pages, cached theme files, open
# data other sites may fetch, the site's own 404 page
expect_header() { # path, header line (a grep -i pattern), what it means
  curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$BASE$1" | tr -d '\r' | grep -qi "$2" \
    || { echo "nginx: $1 lacks '$2' ($3)" >&2; exit 1; }
}
DATA_FILE=$(cd "$TMP/site/public/data" && ls ./*.csv | head -1)
expect_header / '^content-encoding: gzip' 'pages compressed'
expect_header / '^cache-control: public, must-revalidate' 'pages revalidated'
expect_header /assets/site.css '^cache-control: max-age=86400' 'theme files cached a day'
expect_header "/data/${DATA_FILE#./}" '^access-control-allow-origin: \*' 'open data for other sites'
expect_header /khong-co-trang-nay/ '^HTTP/1.1 404' 'missing pages answer 404'
curl -s "$BASE/khong-co-trang-nay/" | grep -q '<body class="kind-not_found">' \
  || { echo "nginx: the site's own 404 page is not served" >&2; exit 1; }
echo "[nginx] gzip, caching, CORS on /data/ and the 404 page as documented"
: >"$TMP/log/gazette.access.log" # the checks above are not among the known requests

# the article whose "Lượt xem" is checked: the first news item of the sample by name
ARTICLE=$(cd "$TMP/site/public/news" && ls -d */ | grep -v '^[0-9]*/$' | head -1)
ARTICLE=/news/${ARTICLE%/}/
FIREFOX='Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
PHONE='Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36'
SAFARI='Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
get() { # user agent, path, [curl options]
  curl -s -o /dev/null -A "$1" "${@:3}" "$BASE$2"
}
# three people: 3 visitors today, 3 online; the article viewed 3 times
get "$FIREFOX" /
get "$FIREFOX" "$ARTICLE"
get "$FIREFOX" /assets/site.css
get "$PHONE" "$ARTICLE"
get "$PHONE" "${ARTICLE}index.html?utm_source=zalo"
get "$SAFARI" /gioi-thieu/
# not counted: crawlers, tools, monitors, health checks, HEAD, errors, files
get 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' "$ARTICLE"
get 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' /
get 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' "$ARTICLE"
get 'curl/8.5.0' "$ARTICLE"
get 'kube-probe/1.29' /
get 'Uptime-Kuma/1.23.13' "$ARTICLE"
for _ in 1 2 3; do get "$FIREFOX" /healthz; done
get "$FIREFOX" "$ARTICLE" -I
get "$SAFARI" /khong-co-trang-nay/
get "$SAFARI" /stats/visits.json

# the pipeline: the ExecStart line of the documented service, paths moved as for nginx
EXEC=$(sed -n 's/^ExecStart=//p' "$DEPLOY/gazette-visits.service" \
  | sed -e "s|/usr/local/bin/gazette|$GAZETTE|" -e "s|/srv/gazette|$TMP/site|g" \
    -e "s|/var/log/nginx|$TMP/log|g" -e "s|/var/lib/gazette|$TMP/lib|g")
echo "[visits] $EXEC"
sleep 1 # nginx writes its log line after the answer
read -ra COMMAND <<<"$EXEC"
"${COMMAND[@]}"
"${COMMAND[@]}" # twice: the same log must not be counted twice
cat "$TMP/lib/www/visits.json"
echo

# GoAccess on the same log: the same number of visitors today (it counts a visitor whatever
# the request, so the people above all viewed a page)
goaccess "$TMP/log/gazette.access.log" --log-format=COMBINED --ignore-crawlers --no-global-config \
  -o "$TMP/goaccess.json" 2>/dev/null
GOACCESS_VISITORS=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['visitors']['data'][0]['visitors']['count'])" "$TMP/goaccess.json")
echo "[visits] GoAccess: $GOACCESS_VISITORS visitors today"

cd "$BROWSER"
VISITS_BASE=$BASE/ VISITS_ARTICLE=$ARTICLE VISITS_EXPECT='{"online":3,"today":3,"week":3,"total":3,"views":3}' \
  VISITS_GOACCESS=$GOACCESS_VISITORS \
  node --test --test-concurrency=1 "$HERE/visits.check.mjs"
