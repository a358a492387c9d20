# make install puts the binary, stdlib and templates under PREFIX, and the
# installed binary finds them from any folder.
set -e
make -s -C "$ROOT" install DESTDIR="$PWD/inst" PREFIX=/opt/cjm >/dev/null
[ -x inst/opt/cjm/bin/cjm ]
[ -f inst/opt/cjm/share/cjm/stdlib/cjm.lua ]
cp "$ROOT"/scripts/coffee_b2c.lua .
# run from elsewhere, with no source tree in reach
mkdir -p elsewhere && cd elsewhere
../inst/opt/cjm/bin/cjm check ../coffee_b2c.lua | grep -q "ok: 2 personas"
