# Persona photos: checked by `cjm check` and read safely by `render`.
# A small file that decodes to 20000 x 20000 pixels, a FIFO, paths out of
# the journey's folder, a missing file and a file that is not a PNG are
# each refused with the photo's line; a good photo is drawn.
set -e
fail() { echo "$@"; exit 1; }
mkdir -p j
cd j
cp "$ROOT/tests/cli/data/face.png" .
/usr/bin/python3 - <<'PY'
import struct, zlib
def png(path, w, h):
    raw = zlib.compress(b"".join(b"\0" + b"\0" * w for _ in range(h)), 9)
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", raw) + chunk(b"IEND", b""))
png("bomb.png", 20000, 20000)
from PIL import Image
Image.new("RGB", (120, 160), (200, 30, 40)).save("red.jpg", quality=90)
PY
[ "$(wc -c < bomb.png)" -lt 2000000 ] || fail "bomb.png is not small"
printf 'not a png\n' > fake.png
mkfifo pipe.png
ln -s /usr/share/pixmaps pix 2>/dev/null || ln -s /etc pix
journey() {
    printf 'id: j\ntitle: T\npersonas:\n  - { id: a, name: Ann, photo: "%s" }\nphases: [{ id: p, name: P }]\n' "$1" > "j_$2.yaml"
}
journey face.png good
"$CJM" check j_good.yaml > /dev/null || fail "a good photo was refused"
"$CJM" render j_good.yaml --view personas -o good.png || fail "render of a good photo"
# a JPEG photo is checked and drawn (its red shows inside the avatar), in
# every format
journey red.jpg jpeg
"$CJM" check j_jpeg.yaml > /dev/null || fail "a JPEG photo was refused"
"$CJM" render j_jpeg.yaml --view personas -o jpeg.png --dpi 72 --boxes jpeg.json || fail "render of a JPEG"
/usr/bin/python3 - <<'PY' || fail "the JPEG is not drawn"
import json
from PIL import Image
img = Image.open("jpeg.png").convert("RGB")
av = next(b for b in json.load(open("jpeg.json"))["pages"][0]["boxes"] if b["kind"] == "avatar")
r, g, b = img.getpixel((int(av["x"] + av["w"] / 2), int(av["y"] + av["h"] / 2)))
assert abs(r - 200) < 25 and g < 60 and b < 70, (r, g, b)
PY
"$CJM" render j_jpeg.yaml --view personas -o jpeg.svg || fail "JPEG to SVG"
grep -q 'data:image/png;base64' jpeg.svg || fail "the SVG does not embed the photo"
"$CJM" render j_jpeg.yaml --view personas -o jpeg.pdf || fail "JPEG to PDF"

check_bad() {   # NAME PHOTO MESSAGE [EXIT]
    journey "$2" "$1"
    rc=0; timeout 20 "$CJM" check "j_$1.yaml" 2> err.txt || rc=$?
    [ "$rc" = "${4:-1}" ] || fail "$1: check exit $rc: $(cat err.txt)"
    grep -q "j_$1.yaml:4:.*personas\[0\].photo: \"$2\" $3" err.txt || fail "$1: $(cat err.txt)"
    rc=0; timeout 20 "$CJM" render "j_$1.yaml" --view personas -o "out_$1.png" 2> err.txt || rc=$?
    [ "$rc" = "${4:-1}" ] && [ ! -e "out_$1.png" ] || fail "$1: render exit $rc"
}
check_bad bomb bomb.png "is 20000 x 20000 pixels (400.0 megapixels), more than the limit of 40 megapixels" 3
check_bad fifo pipe.png "is not a regular file"
check_bad abs "$ROOT/tests/cli/data/face.png" "must be a path relative to its folder"
check_bad up ../j/face.png "leads out of its folder"
check_bad link pix/x.png "leads out of its folder"
check_bad missing nope.png "not found"
check_bad fake fake.png "is not a PNG or JPEG image"
head -c 30 red.jpg > broken.jpg
check_bad broken broken.jpg "cannot be read as a JPEG image (the file is damaged)"
# the limit can be raised
journey bomb.png bomb
"$CJM" check j_bomb.yaml --limit image-pixels=500 > /dev/null || fail "image-pixels=500 did not admit the photo"
exit 0
