#!/bin/sh
# Compile gowls' tree-sitter grammar (grammars/tree-sitter-gomod) into a Neovim parser.
#
#   editors/nvim/build-parser.sh [OUTDIR]
#
# writes OUTDIR/parser/gomod.so (default OUTDIR: editors/nvim, the plugin directory itself, so
# the parser is on 'runtimepath' together with plugin/gowls.lua and queries/gomod/).
# Needs a C compiler: $CC, else cc. Extra flags can be passed in $CFLAGS.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
grammar=${GOWLS_GRAMMAR_DIR:-"$here/../../grammars/tree-sitter-gomod"}
out=${1:-"$here"}
cc=${CC:-cc}

if [ ! -f "$grammar/src/parser.c" ]; then
  echo "build-parser.sh: no grammar at $grammar (set GOWLS_GRAMMAR_DIR)" >&2
  exit 2
fi

case "$(uname -s)" in
  Darwin) shared="-dynamiclib -undefined dynamic_lookup" ;;
  *) shared="-shared" ;;
esac

mkdir -p "$out/parser"
tmp="$out/parser/.gomod.so.$$"
# shellcheck disable=SC2086  # $shared and $CFLAGS are word lists
"$cc" -std=c11 -O2 -fPIC $shared ${CFLAGS:-} -I "$grammar/src" \
  "$grammar/src/parser.c" "$grammar/src/scanner.c" -o "$tmp"
mv -f "$tmp" "$out/parser/gomod.so"
echo "$out/parser/gomod.so"
