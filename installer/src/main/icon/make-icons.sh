#!/usr/bin/env bash
# Regenerates the committed icons from DrawIcon.java: the PNG (Linux), the .ico (Windows, ImageMagick)
# and the .icns (macOS, png2icns from apt icnsutils). Each size is drawn, not scaled, so small sizes stay sharp.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../jpackage/icons"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256 512 1024; do
    java "$here/DrawIcon.java" "$tmp/$s.png" "$s"
done
cp "$tmp/512.png" "$out/santeatlas.png"
convert "$tmp"/{16,24,32,48,64,128,256}.png "$out/santeatlas.ico"
png2icns "$out/santeatlas.icns" "$tmp"/{16,32,48,128,256,512,1024}.png >/dev/null
