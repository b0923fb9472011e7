#!/usr/bin/env bash
# Installs the Debian 12 packages parallax needs, only those that are missing.
#   scripts/install-deps.sh build   # compiler, CMake, libraries
#   scripts/install-deps.sh test    # the above, plus what the tests need (Chromium)
#   scripts/install-deps.sh bench   # the build's, plus wrk and GNU time for bench/
set -euo pipefail
# python3: the build formats HTML's named character references from its
# standard library (cmake/named_references.py).
want=(g++ make cmake pkg-config python3 zlib1g-dev libicu-dev nlohmann-json3-dev libstemmer-dev
      libcld2-dev libxxhash-dev libsqlite3-dev libmimalloc-dev libgtest-dev libbenchmark-dev
      libcpp-httplib-dev libtomlplusplus-dev libcli11-dev libcurl4-openssl-dev libbrotli-dev)
if [ "${1:-build}" = test ]; then
  # Chromium opens the HTML report and the web app; libxml2 is the oracle
  # the HTML tokenizer is checked against; node and npm run the browser
  # tests (playwright-core, from the npm registry, drives Debian's chromium).
  want+=(chromium libxml2-dev)
  command -v node >/dev/null || want+=(nodejs)
  command -v npm >/dev/null || want+=(npm)
fi
if [ "${1:-build}" = bench ]; then
  # python3-feedparser: the peer the feed parser is measured against.
  want+=(wrk time python3-feedparser)
fi
missing=()
for pkg in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing missing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${1:-build}" = test ]; then
  # The browser tests' one npm package, as the lock file pins it; no browser
  # is downloaded (playwright-core uses /usr/bin/chromium).
  web="$(dirname "$0")/../tests/web"
  if [ ! -d "$web/node_modules/playwright-core" ]; then
    echo "installing the browser tests' npm packages in tests/web"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
