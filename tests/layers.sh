#!/bin/sh
# make layers: engine/ is in folders by layer, and a file may include only
# from its own folder and the folders below it:
#   base < doc < lua < model < sim < render < report < cli < main.c
# Prints every include that goes up a layer and fails if there is one.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
order="base doc lua model sim render report cli"
rank() {
    i=0
    for l in $order; do
        [ "$l" = "$1" ] && { echo $i; return; }
        i=$((i + 1))
    done
    echo 99     # main.c, or a folder not in the order
}
bad=0
edges=0
for f in "$root"/engine/*/*.[ch] "$root"/engine/*.c; do
    rel=${f#"$root"/engine/}
    case $rel in */*) from=${rel%%/*} ;; *) from=main ;; esac
    fr=$(rank "$from")
    for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
        case $inc in
            */*) to=${inc%%/*} ;;
            *) echo "engine/$rel: #include \"$inc\" does not name its folder"; bad=$((bad + 1)); continue ;;
        esac
        [ -e "$root/engine/$inc" ] || { echo "engine/$rel: #include \"$inc\": no such file"; bad=$((bad + 1)); continue; }
        tr=$(rank "$to")
        [ "$tr" = 99 ] && { echo "engine/$rel: #include \"$inc\": $to is not a layer"; bad=$((bad + 1)); continue; }
        edges=$((edges + 1))
        if [ "$tr" -gt "$fr" ]; then
            echo "engine/$rel ($from) includes $inc ($to): an edge going up a layer"
            bad=$((bad + 1))
        fi
    done
done
for d in "$root"/engine/*/; do
    d=$(basename "$d")
    [ "$(rank "$d")" = 99 ] && { echo "engine/$d/ is not a layer ($order)"; bad=$((bad + 1)); }
done
if [ "$bad" -gt 0 ]; then
    echo "layers: $bad problem(s) in $edges include edges"
    exit 1
fi
echo "layers: $edges include edges, none going up ($order)"
