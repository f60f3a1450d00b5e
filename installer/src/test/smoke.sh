#!/usr/bin/env bash
# Smoke test of the installed SantéAtlas (issue 8), run by .ci/run after `mvn -B verify`:
#  1. builds the app-image and the .deb (mvn -Pinstaller; SMOKE_SKIP_BUILD=1 reuses installer/target/dist,
#     SMOKE_MVN_OPTS adds Maven options, e.g. -o);
#  2. checks that the jlinked runtime holds every JDK module jdeps finds in the app's jars;
#  3. runs the installed launcher as a new user (fresh HOME, no SANTEATLAS_HOME): --version, demo,
#     summary --json, report (district data-quality review), then the window under Xvfb: waits for
#     the demo to be on screen, saves a screenshot, stops it with SIGTERM and checks its exit and that
#     the workspace opens again;
#  4. fails if the app wrote anywhere but its user data folder and the temp folder (in HOME, in the
#     installation folder, in the working directory);
#  5. unpacks the .deb into a scratch root (dpkg -x) and checks the launcher, desktop entry, icon,
#     file association and package dependencies.
# Needs: xvfb, x11-utils (xwininfo), imagemagick (import, compare), dpkg-dev, fakeroot, binutils;
# desktop-file-utils when present.
# Output: installer/target/smoke/ (logs, summary.json, report.pdf, screenshot.png).
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
dist="$root/installer/target/dist"
out="$root/installer/target/smoke"
t0=$(date +%s)

step() { printf '\n== smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }
elapsed() { echo $(( $(date +%s) - $1 )); }

# ---------------------------------------------------------------------------------------------- build
if [ "${SMOKE_SKIP_BUILD:-0}" != 1 ]; then
    step "jlink + jpackage (mvn -B -Pinstaller package -pl installer -am -DskipTests)"
    start=$(date +%s)
    # shellcheck disable=SC2086  # a list of options
    (cd "$root" && mvn -B -q ${SMOKE_MVN_OPTS:-} -Pinstaller package -pl installer -am -DskipTests)
    echo "build: $(elapsed "$start") s"
fi
image="$dist/santeatlas"
launcher="$image/bin/santeatlas"
[ -x "$launcher" ] || fail "no launcher at $launcher"
deb=$(find "$dist" -maxdepth 1 -name 'santeatlas_*.deb' -print -quit)
[ -n "$deb" ] || fail "no .deb in $dist"
rm -rf "$out"
mkdir -p "$out"
echo "runtime: $(du -sm "$image/lib/runtime" | cut -f1) MB; app-image: $(du -sm "$image" | cut -f1) MB;" \
     ".deb: $(( $(stat -c %s "$deb") / 1024 / 1024 )) MB ($(stat -c %s "$deb") bytes)"

# ------------------------------------------------------------------------------------- runtime modules
step "the runtime holds the JDK modules the jars need (jdeps)"
app_jar=$(find "$image/lib/app" -maxdepth 1 -name 'santeatlas-app-*.jar' -print -quit)
needed=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -recursive \
    --class-path "$image/lib/app/*" "$app_jar" | tail -n 1)
present=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$image/lib/runtime/release")
for m in ${needed//,/ }; do
    [[ " $present " == *" $m "* ]] || fail "jdeps finds $m needed, the runtime lacks it: add it to installer.modules (installer/pom.xml)"
done
echo "needed: $needed"

# ------------------------------------------------------------------------------- a new user, a clean area
# Everything the app may write: its user data folder (the platform default for this HOME) and TMPDIR.
# Everything else under HOME, the installation folder and the working directory is watched.
sandbox=$(mktemp -d "${TMPDIR:-/tmp}/santeatlas-smoke.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
export HOME="$sandbox/home"
export TMPDIR="$sandbox/tmp"
unset SANTEATLAS_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME JDK_JAVA_OPTIONS
# Java takes user.home from the password database, not from HOME: without this the app would use the
# real home of whoever runs the test (the JVM notes "Picked up JAVA_TOOL_OPTIONS" on stderr).
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
mkdir -p "$HOME/work" "$TMPDIR"
data="$HOME/.local/share/santeatlas"
cd "$HOME/work"
marker="$sandbox/before"
touch "$marker"
sleep 1  # file times have a resolution of whole seconds on some file systems

# ---------------------------------------------------------------------------------------------- --version
step "--version shows the Maven version"
maven_version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)
version=$("$launcher" --version)
echo "$version"
[ "$version" = "SantéAtlas $maven_version" ] || fail "--version printed '$version', expected 'SantéAtlas $maven_version'"

# ---------------------------------------------------------------------------------------------- demo
step "demo: built offline into the user data folder"
start=$(date +%s)
"$launcher" demo > "$out/demo.log" 2>&1 || { cat "$out/demo.log"; fail "santeatlas demo"; }
workspace=$(tail -n 1 "$out/demo.log")
[ "$workspace" = "$data/demo/demo.mv.db" ] || fail "the demo went to '$workspace', not to the user data folder $data/demo"
[ -s "$workspace" ] || fail "no demo workspace at $workspace"
echo "demo: $(elapsed "$start") s, $workspace"

step "summary --json"
"$launcher" summary --json -w "$workspace" > "$out/summary.json" || fail "santeatlas summary --json"
for key in '"demo" : true' '"orgUnits" :' '"dataValues" :' '"localities" :'; do
    grep -q -- "$key" "$out/summary.json" || fail "summary.json lacks $key"
done
grep -q '"dataValues" : 0,' "$out/summary.json" && fail "the demo workspace has no data values"
sed -n '1,14p' "$out/summary.json"

step "French formats in the trimmed runtime (jdk.localedata kept for fr, fr-SN…)"
values=$(sed -n 's/^ *"dataValues" : \([0-9]*\),$/\1/p' "$out/summary.json")
grouped=$(printf '%s' "$values" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/\xe2\x80\xaf&/' -e 'ta')  # narrow no-break space
JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Duser.language=fr -Duser.country=SN" \
    "$launcher" summary -w "$workspace" > "$out/summary-fr.txt" 2>/dev/null || fail "santeatlas summary (fr-SN)"
grep -q "$grouped" "$out/summary-fr.txt" || fail "the French summary does not write $values as '$grouped'"
grep -F "$grouped" "$out/summary-fr.txt"

# ---------------------------------------------------------------------------------------------- report
step "report to PDF"
"$launcher" report -w "$workspace" --type dqr --district Belgou --out "$out/report.pdf" > "$out/report.log" 2>&1 \
    || { cat "$out/report.log"; fail "santeatlas report"; }
[ "$(head -c 5 "$out/report.pdf")" = "%PDF-" ] || fail "report.pdf is not a PDF"
echo "report: $(stat -c %s "$out/report.pdf") bytes"

# ---------------------------------------------------------------------------------------------- window
step "the window under Xvfb"
exec 3> "$sandbox/display"
Xvfb -displayfd 3 -screen 0 1600x900x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb=$!
exec 3>&-
for _ in $(seq 1 50); do [ -s "$sandbox/display" ] && break; sleep 0.2; done
[ -s "$sandbox/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(cat "$sandbox/display")"
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$sandbox"' EXIT

# With --timing the app itself says when the first map frame is painted.
gui_args=(--timing)
start=$(date +%s)
"$launcher" "${gui_args[@]}" > "$out/gui.log" 2>&1 &
app=$!
shown=""
for _ in $(seq 1 120); do
    kill -0 "$app" 2>/dev/null || { cat "$out/gui.log"; fail "the app ended before showing its window"; }
    if xwininfo -root -tree 2>/dev/null | grep -q '"SantéAtlas — demo"'; then shown=yes; break; fi
    sleep 0.5
done
[ -n "$shown" ] || { kill "$app"; cat "$out/gui.log"; fail "no window 'SantéAtlas — demo' within 60 s"; }
echo "window: $(elapsed "$start") s"
if [ ${#gui_args[@]} -gt 0 ]; then
    for _ in $(seq 1 60); do grep -qi 'frame' "$out/gui.log" && break; sleep 0.5; done
    grep -i 'frame' "$out/gui.log" || fail "--timing printed no first-frame time"
fi
previous=""
for i in $(seq 1 30); do
    import -window root "$out/screen-$i.png"
    if [ -n "$previous" ] && [ "$(compare -metric AE "$previous" "$out/screen-$i.png" null: 2>&1 || true)" = 0 ]; then
        break
    fi
    previous="$out/screen-$i.png"
    sleep 1
done
mv "$out/screen-$i.png" "$out/screenshot.png"
rm -f "$out"/screen-*.png
colours=$(identify -format '%k' "$out/screenshot.png")
[ "$colours" -gt 16 ] || fail "the screenshot is nearly blank ($colours colours)"
echo "screenshot: $out/screenshot.png ($colours colours, settled after $(elapsed "$start") s)"

kill -TERM "$app"
status=0
for _ in $(seq 1 40); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
kill -0 "$app" 2>/dev/null && { kill -KILL "$app"; fail "the app did not stop within 20 s of SIGTERM"; }
wait "$app" || status=$?
# 143 = 128 + SIGTERM: the JVM's exit after running its shutdown hooks (H2 closes the file there).
[ "$status" = 143 ] || [ "$status" = 0 ] || { cat "$out/gui.log"; fail "the app exited with $status after SIGTERM"; }
if grep -E 'Exception|Error:' "$out/gui.log"; then fail "the window's output has errors ($out/gui.log)"; fi
"$launcher" summary -w "$workspace" > /dev/null || fail "the demo workspace does not open after the window closed"
echo "closed: exit $status, workspace intact"

# ---------------------------------------------------------------------------------------------- writes
step "nothing written outside the user data folder and the temp folder"
# GTK (under JavaFX's window) keeps the desktop's shared settings cache in ~/.cache/dconf and fontconfig
# its font cache in ~/.cache/fontconfig: libraries every desktop program loads, not SantéAtlas's files.
# Likewise the JDK's own fontconfig digest: the first time Java2D lays out text (PDF reports, PNG maps),
# sun.awt.FcFontConfiguration writes ~/.java/fonts/<java version>/fcinfo-*.properties (not configurable).
stray=$(find "$HOME" "$image" -newer "$marker" \
        -not -path "$data" -not -path "$data/*" \
        -not -path "$HOME" -not -path "$HOME/.local" -not -path "$HOME/.local/share" \
        -not -path "$HOME/.cache" -not -path "$HOME/.cache/dconf" -not -path "$HOME/.cache/dconf/*" \
        -not -path "$HOME/.cache/fontconfig" -not -path "$HOME/.cache/fontconfig/*" \
        -not -path "$HOME/.java" -not -path "$HOME/.java/fonts" -not -path "$HOME/.java/fonts/*" -print)
[ -z "$stray" ] || fail "written outside the user data folder: $stray"
echo "user data: $(find "$data" -type f | wc -l) files under $data; nothing elsewhere"

# ---------------------------------------------------------------------------------------------- .deb
step "the .deb unpacked into a scratch root"
deb_root="$sandbox/root"
dpkg -x "$deb" "$deb_root"
dpkg-deb -e "$deb" "$sandbox/control"
opt="$deb_root/opt/santeatlas"
[ -x "$opt/bin/santeatlas" ] || fail "the .deb has no executable /opt/santeatlas/bin/santeatlas"
desktop="$opt/lib/santeatlas-santeatlas.desktop"
[ -f "$desktop" ] || fail "the .deb has no desktop entry at ${desktop#"$deb_root"}"
for line in 'Name=SantéAtlas' 'Exec=/opt/santeatlas/bin/santeatlas %f' 'Icon=/opt/santeatlas/lib/santeatlas.png' \
            'Categories=Science;MedicalSoftware;' 'MimeType=application/x-santeatlas-workspace;' 'Type=Application'; do
    grep -qxF "$line" "$desktop" || fail "desktop entry lacks '$line'"
done
if command -v desktop-file-validate > /dev/null; then
    hints=$(desktop-file-validate "$desktop") || fail "desktop-file-validate: $hints"
    [ -z "$hints" ] || fail "desktop-file-validate: $hints"
fi
[ "$(identify -format '%m %w' "$opt/lib/santeatlas.png")" = "PNG 512" ] || fail "the icon is not a 512 px PNG"
grep -q '<glob pattern="\*.mv.db">' "$opt/lib/santeatlas-santeatlas-MimeInfo.xml" || fail "no *.mv.db glob in the MIME type"
grep -q 'xdg-desktop-menu install /opt/santeatlas/lib/santeatlas-santeatlas.desktop' "$sandbox/control/postinst" \
    || fail "postinst does not install the desktop entry"
depends=$(sed -n 's/^Depends: //p' "$sandbox/control/control")
for pkg in libgtk-3-0 libgl1 libxtst6 libxxf86vm1; do
    [[ ", $depends," == *", $pkg,"* ]] || fail "the .deb does not depend on $pkg"
done
grep -qx "Version: ${maven_version%%-*}-1" "$sandbox/control/control" || fail "the .deb's version is not ${maven_version%%-*}-1"
[ "$("$opt/bin/santeatlas" --version)" = "SantéAtlas $maven_version" ] || fail "the unpacked launcher does not run"
echo "deb: launcher, desktop entry, icon, *.mv.db association, Depends (gtk, gl) and version checked"

step "passed in $(elapsed "$t0") s"
