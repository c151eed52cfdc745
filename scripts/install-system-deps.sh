#!/usr/bin/env bash
# Debian packages ratsinfo uses at run time, installed only where missing (needs root):
# Tesseract with its German and orientation models (OCR of scanned pages), Hunspell's
# German dictionary read through Enchant (the lexicon of the OCR repair), DejaVu fonts
# (the sample-PDF generator), chromium and its WebDriver (the browser tests of the review
# desk and `make screenshots`; Debian's, so nothing downloads a browser at run time).
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx deu || need+=(tesseract-ocr-deu)
tesseract --list-langs 2>/dev/null | grep -qx osd || need+=(tesseract-ocr-osd)
[ -e /usr/share/hunspell/de_DE.dic ] || need+=(hunspell-de-de)
ldconfig -p | grep -q 'libenchant-2\.so' || need+=(libenchant-2-2)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
