# cjm — customer journey modeling engine.
#
#   make            build ./cjm
#   make demo       install what is missing, build, check and build the examples
#   make test       install what is missing, build, run every test
#   make asan       the same suite under AddressSanitizer + UBSan
#   make bench      performance figures against their targets
#   make install    PREFIX=/usr/local DESTDIR=
#
# Dependencies come from Debian's packages; `make deps` installs the missing
# ones when run as root and prints the exact command otherwise.

PREFIX  ?= /usr/local
DESTDIR ?=
DATADIR  = $(PREFIX)/share/cjm
VERSION  = 0.1.0

PKGS = lua5.4 yaml-0.1 cairo pangocairo pangoft2 fontconfig libpng zlib
# Debian packages: build libraries, fonts (DejaVu, Noto CJK), and what the
# tests use (cmocka, xmllint, pdfinfo/pdftotext, rsvg-convert to compare
# cjm's SVG with its PNG, python3 for CSV and pixel checks).
DEBS = liblua5.4-dev libyaml-dev libcairo2-dev libpango1.0-dev libpng-dev zlib1g-dev pkg-config \
       fonts-dejavu-core fonts-noto-cjk libcmocka-dev libxml2-utils \
       poppler-utils librsvg2-bin python3 python3-pil time make gcc

CC      ?= cc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN     = -Wall -Wextra -Werror -std=c11 -Wno-format-truncation
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -DCJM_VERSION='"$(VERSION)"' \
            -DCJM_DATADIR='"$(DATADIR)"'
CFLAGS  ?= -O2 -g
LDLIBS   = $(PKG_LIBS) -lm -lpthread

ENGINE_SRC := $(wildcard engine/*.c engine/render/*.c)
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

.PHONY: all deps demo test asan bench fuzz install uninstall clean check-deps

all: cjm

cjm: $(OBJ)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/%.o: %.c $(wildcard engine/*.h engine/render/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

build/asan/%.o: %.c $(wildcard engine/*.h engine/render/*.h)
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
	@$(MAKE) --no-print-directory cjm $(UNIT_BIN)
	@bash tests/run.sh ./cjm build/tests

asan: deps
	@$(MAKE) --no-print-directory build/asan/cjm $(ASAN_UNIT)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0 \
	 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 bash tests/run.sh build/asan/cjm build/asan/tests

bench: deps
	@$(MAKE) --no-print-directory cjm build/bench/ref_png build/bench/ref_sim
	@sh tests/bench/run.sh ./cjm

build/bench/ref_sim: tests/bench/ref_sim.c
	@mkdir -p $(dir $@)
	@$(CC) $(WARN) -O2 -o $@ $< -lm

build/bench/ref_png: tests/bench/ref_png.c
	@mkdir -p $(dir $@)
	@$(CC) $(WARN) -O2 $(PKG_CFLAGS) -o $@ $< $(LDLIBS)

# ---- fuzzing (clang's libFuzzer; not part of make test) ---------------------

FUZZ_SRC := engine/arena.c engine/diag.c engine/node.c engine/yaml.c engine/sbuf.c engine/model.c \
            engine/validate.c engine/emit.c
FUZZ_SECONDS ?= 60

fuzz: deps
	@command -v clang >/dev/null || { echo "make fuzz needs clang: apt-get install -y clang"; exit 1; }
	@mkdir -p build/fuzz build/fuzz/corpus
	@clang -g -O1 -fsanitize=fuzzer,address,undefined $(CPPFLAGS) \
	    $$(pkg-config --cflags yaml-0.1) -o build/fuzz/fuzz_journey \
	    tests/fuzz/fuzz_journey.c $(FUZZ_SRC) $$(pkg-config --libs yaml-0.1) -lm
	@cp scripts/*.yaml tests/cli/cases/*.yaml build/fuzz/corpus/ 2>/dev/null || true
	@build/fuzz/fuzz_journey -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -timeout=10 build/fuzz/corpus

# ---- install ----------------------------------------------------------------

install: cjm
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/stdlib \
	    $(DESTDIR)$(DATADIR)/templates
	install -m 755 cjm $(DESTDIR)$(PREFIX)/bin/cjm
	cp -R stdlib/. $(DESTDIR)$(DATADIR)/stdlib/
	cp -R templates/. $(DESTDIR)$(DATADIR)/templates/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/cjm
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build cjm
