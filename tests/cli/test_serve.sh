# cjm serve on loopback (serve_check.py): only its pages, live reload in
# chromium when a module the journey requires changes, problems shown in
# the page, clients that leave early or crawl, 100 at once, a clean stop.
set -e
mkdir -p site/lib
cat > site/lib/steps.lua <<'LUA'
return { "Grinds beans" }
LUA
cat > site/j.lua <<'LUA'
local steps = require "lib.steps"
return { id = "served", title = "Served", personas = { { id = "a", name = "Ann" } },
         phases = { { id = "p", name = "Only", steps = steps,
                      touchpoints = { "web" } } },
         touchpoints = { { id = "web", name = "Website", channel = "website" } } }
LUA
/usr/bin/python3 "$ROOT/tests/cli/serve_check.py" "$CJM" site
