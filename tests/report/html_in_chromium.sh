#!/bin/bash
# The HTML report in a real browser: renders `parallax compare --html` on
# three small invented articles with Debian's headless chromium, then checks
# the DOM the browser built. Article text carrying markup and script must
# arrive as inert text: no script ran, no element was created from it.
#
# Usage: html_in_chromium.sh PATH_TO_PARALLAX_BINARY
# Exits 0 when every check passes, 1 otherwise (also when chromium or the
# binary is missing: a browser test that cannot run must not look green).

set -u

if [[ $# -ne 1 ]]; then
  echo "usage: $0 PATH_TO_PARALLAX_BINARY" >&2
  exit 2
fi
BIN=$1
if [[ ! -x "$BIN" ]]; then
  echo "FAIL: parallax binary '$BIN' is missing or not executable" >&2
  exit 1
fi
CHROMIUM=$(command -v chromium || true)
if [[ -z "$CHROMIUM" && -x /usr/bin/chromium ]]; then
  CHROMIUM=/usr/bin/chromium  # Debian's place, when PATH is trimmed (ctest, sudo)
fi
if [[ -z "$CHROMIUM" ]]; then
  echo "FAIL: chromium is not installed (Debian: apt-get install chromium);" \
       "the HTML report cannot be checked in a browser" >&2
  exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/parallax-chromium.XXXXXX")
KEEP=0
cleanup() {
  if [[ $KEEP -eq 1 ]]; then
    echo "Files kept for inspection in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# Three invented reports of one invented event: a storm halts the ferry to
# Hallam Rock. Each carries one hostile string inside ordinary prose, the
# way a page quoting a reader's message or a code snippet would.
cat >"$WORK/a.txt" <<'EOF'
Storm halts Hallam Rock ferry for second day

The ferry between Ostlee and the island of Hallam Rock was cancelled for a second day on Tuesday as gales of up to 70mph swept the coast.

About 300 islanders rely on the crossing for food deliveries and hospital visits, the island council said.

“We will not put a vessel out in this sea, whatever the timetable says,” harbourmaster Ruth Okafor said.

One reader sent the newsroom a message that read <script>document.title='pwned'</script> and nothing else.

The operator said it hoped to resume sailings on Thursday morning.
EOF

cat >"$WORK/b.txt" <<'EOF'
Islanders cut off as gales cancel ferry again

Gales cancelled the Ostlee to Hallam Rock ferry again on Tuesday, the second day without a crossing for the island.

Harbourmaster Ruth Okafor said: “Safety comes first. The boat stays in port until the wind drops.”

A post on the operator's page showed the code <img src=x onerror="document.title='pwned'"> where a photo should have been.

Shops on the island said fresh milk had run out by Tuesday afternoon.
EOF

cat >"$WORK/c.txt" <<'EOF'
Hallam Rock ferry cancelled as storm continues

OSTLEE — The ferry to Hallam Rock did not sail on Tuesday for a second day running because of gales, its operator said.

The island council said about 300 residents depend on the service.

A timetable link on the operator's site pointed to <a href="javascript:document.title='pwned'">x</a> instead of a page.

Sailings may resume on Thursday, the operator said.
EOF

FAILURES=0
check() {  # check NAME CONDITION_EXIT_STATUS
  if [[ $2 -eq 0 ]]; then
    echo "PASS: $1"
  else
    echo "FAIL: $1"
    FAILURES=$((FAILURES + 1))
  fi
}

OUT="$WORK/report.html"
"$BIN" compare --html "$OUT" "$WORK/a.txt" "$WORK/b.txt" "$WORK/c.txt" >"$WORK/parallax.log" 2>&1
status=$?
check "parallax compare --html exits 0 (exit status $status)" "$status"
if [[ ! -s "$OUT" ]]; then
  echo "FAIL: parallax wrote no HTML report at $OUT"
  sed 's/^/  parallax: /' "$WORK/parallax.log" | tail -20
  KEEP=1
  exit 1
fi

DOM="$WORK/dom.html"
# --virtual-time-budget lets any timer or load handler run before the dump,
# so a script that managed to get in would have had its chance.
# A private HOME and XDG dirs: the browser writes nothing outside $WORK.
mkdir -p "$WORK/home"
timeout 120 env HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" \
  XDG_CACHE_HOME="$WORK/home/.cache" \
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$(mktemp -d "$WORK/profile.XXXXXX")" --virtual-time-budget=2000 \
  --dump-dom "file://$OUT" >"$DOM" 2>"$WORK/chromium.log"
status=$?
check "chromium rendered the page (exit status $status)" "$status"
if [[ ! -s "$DOM" ]]; then
  echo "FAIL: chromium dumped no DOM"
  tail -20 "$WORK/chromium.log" | sed 's/^/  chromium: /'
  KEEP=1
  exit 1
fi

# Start tags of real elements. Text nodes cannot hold '<' (the serializer
# writes &lt;), so article text never matches here.
TAGS="$WORK/tags.txt"
grep -oE '<[a-zA-Z][a-zA-Z0-9-]*([[:space:]][^<>]*)?>' "$DOM" >"$TAGS" || true

columns=$(grep -cE '[[:space:]]class="([^"]*[[:space:]])?outlet-column([[:space:]][^"]*)?"' \
  "$TAGS" || true)
[[ "$columns" -eq 3 ]]
check "one outlet-column per document (found $columns, want 3)" $?

title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$DOM" | head -1)
[[ "$title" != "pwned" ]]
check "document title is not 'pwned' (title: '$title')" $?

! grep -qiE '^<img[[:space:]][^>]*onerror' "$TAGS"
check "no <img> element with an onerror handler" $?

! grep -qiE '[[:space:]]href="[[:space:]]*javascript:' "$TAGS"
check "no element with an href starting with javascript:" $?

! grep -qiE '^<script' "$TAGS"
check "no <script> element in the page" $?

! grep -qiE '[[:space:]]on[a-z]+=' "$TAGS"
check "no element carries an event-handler attribute" $?

grep -qF "&lt;script&gt;document.title='pwned'&lt;/script&gt;" "$DOM"
check "the <script> string is shown as escaped text" $?

grep -qF "&lt;img src=x onerror=\"document.title='pwned'\"&gt;" "$DOM"
check "the <img onerror> string is shown as escaped text" $?

grep -qF "&lt;a href=\"javascript:document.title='pwned'\"&gt;x&lt;/a&gt;" "$DOM"
check "the javascript: link is shown as escaped text" $?

grep -qF "Content-Security-Policy" "$DOM"
check "the page declares a Content-Security-Policy" $?

if [[ $FAILURES -ne 0 ]]; then
  echo "FAIL: $FAILURES check(s) failed"
  KEEP=1
  exit 1
fi
echo "PASS: the HTML report is inert in chromium"
