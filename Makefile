# cjm — customer journey modeling engine.
#
#   make            build ./cjm
#   make demo       install what is missing, build, check and build the examples
#   make test       install what is missing, build, run every test
#   make asan       the same suite under AddressSanitizer + UBSan
#   make valgrind   the command-line suite under valgrind's memcheck
#   make layers     check that no #include goes up a layer (also in make test)
#   make lint       functions over 80 lines or complexity 20: no more than before
#   make mutants    broken builds the tests must catch, each one checked
#   make bench      performance figures against their targets
#   make same-output  outputs of every journey against git revision BASE (HEAD)
#   make install    PREFIX=/usr/local DESTDIR=
#
# Dependencies come from Debian's packages; `make deps` installs the missing
# ones when run as root and prints the exact command otherwise.

PREFIX  ?= /usr/local
DESTDIR ?=
DATADIR  = $(PREFIX)/share/cjm
VERSION  = 0.1.0

PKGS = lua5.4 yaml-0.1 cairo pangocairo pangoft2 fontconfig libpng zlib libjpeg xlsxwriter \
       libmicrohttpd
# Debian packages: build libraries, fonts (DejaVu, Noto CJK), and what the
# tests use (cmocka, xmllint, pdfinfo/pdftotext, rsvg-convert to compare
# cjm's SVG with its PNG, python3 for CSV and pixel checks, clang's
# libFuzzer for the fuzz smoke runs, numpy for make bench's attribution
# comparison, chromium with chromedriver and selenium to open the HTML
# view in a real browser).
DEBS = liblua5.4-dev libyaml-dev libcairo2-dev libpango1.0-dev libpng-dev zlib1g-dev libjpeg-dev pkg-config \
       libcsv-dev libxlsxwriter-dev libmicrohttpd-dev \
       fonts-dejavu-core fonts-noto-cjk libcmocka-dev libxml2-utils \
       poppler-utils librsvg2-bin python3 python3-pil python3-yaml time make gcc clang \
       libclang-rt-14-dev pmccabe \
       valgrind python3-jsonschema python3-numpy \
       chromium chromium-driver python3-selenium

# Loaded by the commands that use them, not linked (engine/base/dynlib.h:
# with the dozen libraries they bring, they cost every run 10 ms): cjm is
# built with their headers and told their sonames.
DYN_PKGS = xlsxwriter libmicrohttpd
soname = $(shell objdump -p $$($(CC) -print-file-name=$(1)) 2>/dev/null \
                 | awk '$$1 == "SONAME" { print $$2 }')
MHD_SONAME  := $(call soname,libmicrohttpd.so)
XLSX_SONAME := $(call soname,libxlsxwriter.so)

CC      ?= cc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(filter-out $(DYN_PKGS),$(PKGS)) 2>/dev/null)
WARN     = -Wall -Wextra -Werror -std=c11 -Wno-format-truncation
CPPFLAGS += -Iengine -Ibuild/gen -D_POSIX_C_SOURCE=200809L -DCJM_VERSION='"$(VERSION)"' \
            -DCJM_DATADIR='"$(DATADIR)"' \
            $(if $(MHD_SONAME),-DCJM_MHD_SONAME='"$(MHD_SONAME)"') \
            $(if $(XLSX_SONAME),-DCJM_XLSX_SONAME='"$(XLSX_SONAME)"')
CFLAGS  ?= -O2 -g
LDLIBS   = $(PKG_LIBS) -lcsv -lm -lpthread -ldl

ENGINE_SRC := $(wildcard engine/*.c engine/*/*.c)
ENGINE_HDR := $(wildcard engine/*/*.h)
LIB_SRC    := $(filter-out engine/main.c,$(ENGINE_SRC))
OBJ        := $(patsubst %.c,build/%.o,$(ENGINE_SRC))
LIB_OBJ    := $(patsubst %.c,build/%.o,$(LIB_SRC))
ASAN_OBJ   := $(patsubst %.c,build/asan/%.o,$(ENGINE_SRC))
ASAN_LIB   := $(patsubst %.c,build/asan/%.o,$(LIB_SRC))
ASAN_FLAGS  = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=undefined

UNIT_SRC   := $(wildcard tests/unit/test_*.c)
UNIT_BIN   := $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRC))
ASAN_UNIT  := $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))

.PHONY: all deps demo test asan layers lint mutants valgrind same-output bench fuzz fuzz-build install uninstall clean check-deps schema

all: cjm

cjm: $(OBJ)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# The HTML view's style and script, built into cjm as C strings
build/gen/html_assets.h: engine/report/html_view.css engine/report/html_view.js
	@mkdir -p $(dir $@)
	@{ for f in css js; do \
	    echo "static const char html_$$f[] ="; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$$/\\n"/' \
	        engine/report/html_view.$$f; \
	    echo ";"; \
	  done; } > $@.tmp && mv $@.tmp $@

build/engine/report/html_view.o build/asan/engine/report/html_view.o: build/gen/html_assets.h

build/%.o: %.c $(ENGINE_HDR)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

build/asan/%.o: %.c $(ENGINE_HDR)
	@mkdir -p $(dir $@)
	@echo "  CC      $< (asan)"
	@$(CC) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(ASAN_FLAGS) -c -o $@ $<

build/asan/cjm: $(ASAN_OBJ)
	@echo "  LD      $@ (asan)"
	@$(CC) $(ASAN_FLAGS) -o $@ $^ $(LDLIBS)

build/tests/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  TEST    $<"
	@$(CC) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) -Iengine $(CFLAGS) -o $@ $< \
	    $(LIB_OBJ) $(LDLIBS) -lcmocka

build/asan/tests/%: tests/unit/%.c $(ASAN_LIB)
	@mkdir -p $(dir $@)
	@echo "  TEST    $< (asan)"
	@$(CC) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) -Iengine $(ASAN_FLAGS) -o $@ $< \
	    $(ASAN_LIB) $(LDLIBS) -lcmocka

# ---- dependencies -----------------------------------------------------------

deps:
	@missing=""; \
	for p in $(DEBS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" \
	        || missing="$$missing $$p"; \
	done; \
	command -v npm > /dev/null || missing="$$missing npm"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	else \
	    echo "cjm needs these Debian packages:$$missing"; \
	    echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; \
	    exit 1; \
	fi
	@# pkg-config flags were computed before the install: build in a new make
	@true

# ---- the main jobs ----------------------------------------------------------

demo: deps
	@$(MAKE) --no-print-directory cjm
	@sh scripts/demo.sh ./cjm

test: deps
	@$(MAKE) --no-print-directory cjm $(UNIT_BIN) fuzz-build $(SARIF_SCHEMA)
	@bash tests/run.sh ./cjm build/tests

asan: deps
	@$(MAKE) --no-print-directory build/asan/cjm $(ASAN_UNIT) fuzz-build $(SARIF_SCHEMA)
	@SLOW_TIMEOUT=300 TIMEOUT_SCALE=4 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0 \
	 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 bash tests/run.sh build/asan/cjm build/asan/tests

# The SARIF 2.1.0 schema (OASIS, rtm.5) that tests/cli/test_lint.sh checks
# cjm lint's output against, from the npm registry, pinned by its hash
SARIF_SCHEMA = build/sarif/sarif-2.1.0-rtm.5.json
SARIF_SHA256 = 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
$(SARIF_SCHEMA):
	@mkdir -p build/sarif/pack
	@echo "  NPM     @microsoft/jest-sarif (its copy of the SARIF 2.1.0 schema)"
	@cd build/sarif/pack && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 > /dev/null \
	    && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json
	@echo "$(SARIF_SHA256)  build/sarif/pack/package/lib/schemas/sarif-2.1.0-rtm.5.json" \
	    | sha256sum -c --quiet
	@mv build/sarif/pack/package/lib/schemas/sarif-2.1.0-rtm.5.json $@
	@rm -rf build/sarif/pack

layers:
	@sh tests/layers.sh

lint: deps
	@sh tests/lint.sh

mutants: deps
	@$(MAKE) --no-print-directory cjm
	@/usr/bin/python3 tests/mutants.py

valgrind: deps
	@$(MAKE) --no-print-directory cjm $(SARIF_SCHEMA)
	@sh tests/valgrind/run.sh

# ./cjm against the cjm of git revision BASE (default HEAD): every example
# and test journey checked, built, drawn, simulated and planned by both,
# the outputs compared byte for byte (for changes meant to change no result)
same-output: deps
	@$(MAKE) --no-print-directory cjm
	@sh tests/same_output.sh $(or $(BASE),HEAD)

bench: deps
	@$(MAKE) --no-print-directory cjm build/bench/ref_png build/bench/ref_sim build/bench/ref_geo
	@sh tests/bench/run.sh ./cjm

build/bench/ref_sim: tests/bench/ref_sim.c
	@mkdir -p $(dir $@)
	@$(CC) $(WARN) -O2 -o $@ $< -lm

build/bench/ref_geo: tests/bench/ref_geo.c engine/sim/geometric.c engine/sim/geometric.h engine/base/rng.c
	@mkdir -p $(dir $@)
	@$(CC) $(WARN) -O2 -Iengine -o $@ tests/bench/ref_geo.c engine/sim/geometric.c engine/base/rng.c -lm

build/bench/ref_png: tests/bench/ref_png.c
	@mkdir -p $(dir $@)
	@$(CC) $(WARN) -O2 $(PKG_CFLAGS) -o $@ $< $(LDLIBS)

# ---- fuzzing (clang's libFuzzer) ---------------------------------------------
#
# Five targets, one per parser: fuzz_yaml (the YAML loader), fuzz_journey
# (YAML through the text checks, model builder, validator and writers),
# fuzz_lua (scripts in the sandbox), fuzz_csv (attribution paths),
# fuzz_mermaid (Mermaid journey diagrams, read and written back).
# `make fuzz FUZZ_SECONDS=N` runs each N seconds (FUZZ_TARGETS picks some);
# `make test` runs each for FUZZ_SMOKE seconds and replays every kept
# crash input (tests/fuzz/regress/TARGET/).

FUZZ_TARGETS ?= yaml journey lua csv mermaid
FUZZ_SECONDS ?= 60
FUZZ_SMOKE   ?= 4
FUZZ_CC      ?= clang
FUZZ_LIB_SRC := $(wildcard engine/base/*.c engine/doc/*.c engine/lua/*.c engine/model/*.c \
                  engine/sim/*.c)
FUZZ_OBJ     := $(patsubst %.c,build/fuzz/obj/%.o,$(FUZZ_LIB_SRC))
FUZZ_FLAGS    = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=undefined
FUZZ_LIBS     = $$(pkg-config --libs lua5.4 yaml-0.1 libjpeg) -lm -lpthread -lcsv
FUZZ_BIN     := $(patsubst %,build/fuzz/fuzz_%,$(FUZZ_TARGETS))
.SECONDARY: $(FUZZ_OBJ)

build/fuzz/obj/%.o: %.c $(ENGINE_HDR)
	@mkdir -p $(dir $@)
	@echo "  CC      $< (fuzz)"
	@$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(CPPFLAGS) \
	    $$(pkg-config --cflags lua5.4 yaml-0.1) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@echo "  LD      $@"
	@$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(CPPFLAGS) -DFUZZ_DATADIR='"$(CURDIR)"' \
	    $$(pkg-config --cflags lua5.4 yaml-0.1) -o $@ $< $(FUZZ_OBJ) $(FUZZ_LIBS)

build/fuzz/journey.dict: tests/fuzz/yaml.dict engine/model/model.c
	@mkdir -p $(dir $@)
	@{ cat tests/fuzz/yaml.dict; \
	   grep -o '{ "[a-z_]*", FT_' engine/model/model.c | sed 's/{ "\([a-z_]*\)".*/"\1: "/'; \
	   sed -n '/_names\[\] = {/,/NULL/p' engine/model/model.c | grep -o '"[a-z_]*"' ; } \
	   | sort -u > $@

fuzz-build: deps build/fuzz/journey.dict
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs clang: apt-get install -y clang"; exit 1; }
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	    sh tests/fuzz/run.sh $$t $(FUZZ_SECONDS) || exit 1; \
	done

# ---- install ----------------------------------------------------------------

install: cjm
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/stdlib \
	    $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/schema
	install -m 755 cjm $(DESTDIR)$(PREFIX)/bin/cjm
	cp -R stdlib/. $(DESTDIR)$(DATADIR)/stdlib/
	cp -R templates/. $(DESTDIR)$(DATADIR)/templates/
	install -m 644 schema/cjm.schema.json schema/cjm_types.lua $(DESTDIR)$(DATADIR)/schema/

# The editors' view of the format, written from the validator's tables:
# run after changing a field table or a built-in template's parameters
# (tests/cli/test_schema.sh fails while the shipped files are out of date).
schema: cjm
	./cjm schema -o schema/cjm.schema.json --force
	./cjm schema --lua -o schema/cjm_types.lua --force

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/cjm
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build cjm
