#!/usr/bin/env bash
# Mutation run (mutmut 3, configured in pyproject.toml [tool.mutmut]) over the money and access
# rules: pricing, refunds, payment settling and attempts, the booking rules and checks, and who
# the app's local servers answer: the one loopback Host rule (adapters/loopback.py), the return
# page's request handling (adapters/return_pages.py) and the payments sandbox's guard (Host and
# API keys, adapters/stripe/sandbox_guard.py). Prints killed / total per module and overall
# (timeouts and crashed test runs count as killed; mutants listed in
# scripts/mutation-equivalents.txt are left out of the total). The sign-in lockout
# (services/accounts/lockout.py and sign-in in service.py) is measured last and reported on
# its own line, outside the overall score; skip it with MUTATION_ACCOUNTS=0.
# Each mutant runs only the selected fast tests that call the mutated function, 2 at a time
# (MUTATION_JOBS). Results are cached in ./mutants; MUTATION_FRESH=1 starts from scratch.
# MUTATION_ONLY="loopback sandbox" runs (and reports) only the modules whose label starts with
# one of those words. The sandbox's guard is measured with its fast tests (a small aiohttp app
# with only the guard's middlewares), not through localstripe.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
jobs=${MUTATION_JOBS:-2}
[ "${MUTATION_FRESH:-0}" = 1 ] && rm -rf mutants

# module label = mutant name globs (return_pages: the request handler and the bookkeeping of a
# return it uses; sandbox: the two middlewares and what they call)
core=(
  "pricing=linguaflex_desktop.services.common.pricing.*"
  "refunds=linguaflex_desktop.services.payments.refunds.*"
  "settle=linguaflex_desktop.services.payments.settle.*"
  "attempts=linguaflex_desktop.services.payments.attempts.*"
  "booking.rules=linguaflex_desktop.services.booking.rules.*"
  "booking.checks=linguaflex_desktop.services.booking.checks.*"
  "loopback(Host)=linguaflex_desktop.adapters.loopback.*"
  "return_pages(Host)=linguaflex_desktop.adapters.return_pages.xǁ_Handlerǁdo_GET__mutmut_*"
  "return_pages(Host)=linguaflex_desktop.adapters.return_pages.xǁReturnPageServerǁ_arrive__mutmut_*"
  "return_pages(Host)=linguaflex_desktop.adapters.return_pages.xǁReturnPageServerǁcame_back__mutmut_*"
  "return_pages(Host)=linguaflex_desktop.adapters.return_pages.xǁReturnPageServerǁoffer__mutmut_*"
  "return_pages(Host)=linguaflex_desktop.adapters.return_pages.xǁReturnPageServerǁclose__mutmut_*"
  "return_pages(Host)=linguaflex_desktop.adapters.return_pages.xǁReturnPageServerǁ_prune__mutmut_*"
  "sandbox(Host, key)=linguaflex_desktop.adapters.stripe.sandbox_guard.x__host_guard__mutmut_*"
  "sandbox(Host, key)=linguaflex_desktop.adapters.stripe.sandbox_guard.x__key_guard__mutmut_*"
  "sandbox(Host, key)=linguaflex_desktop.adapters.stripe.sandbox_guard.x__matches__mutmut_*"
  "sandbox(Host, key)=linguaflex_desktop.adapters.stripe.sandbox_guard.x__secret_key_of__mutmut_*"
  "sandbox(Host, key)=linguaflex_desktop.adapters.stripe.sandbox_guard.x__publishable_key_of__mutmut_*"
  "sandbox(Host, key)=linguaflex_desktop.adapters.stripe.sandbox_guard.x_identity_proof__mutmut_*"
)
# the lockout: sign-in and the failure bookkeeping, not the rest of the account service
accounts=(
  "accounts(lockout)=linguaflex_desktop.services.accounts.lockout.*"
  "accounts(lockout)=linguaflex_desktop.services.accounts.service.xǁAccountServiceǁauthenticate__mutmut_*"
  "accounts(lockout)=linguaflex_desktop.services.accounts.service.xǁAccountServiceǁ_reserve_attempt__mutmut_*"
  "accounts(lockout)=linguaflex_desktop.services.accounts.service.xǁAccountServiceǁ_record_success__mutmut_*"
)

# the entries whose label starts with one of the words of MUTATION_ONLY (all when it is empty)
selected() {
  local entry word
  for entry in "$@"; do
    [ -z "${MUTATION_ONLY:-}" ] && { printf '%s\n' "$entry"; continue; }
    for word in $MUTATION_ONLY; do
      [[ "$entry" == "$word"* ]] && { printf '%s\n' "$entry"; break; }
    done
  done
}
globs() { for entry in "$@"; do printf '%s\n' "${entry#*=}"; done; }

mapfile -t core < <(selected "${core[@]}")
mapfile -t accounts < <(selected "${accounts[@]}")
if [ "${#core[@]}" -gt 0 ]; then
  mapfile -t core_globs < <(globs "${core[@]}")
  nice -n 10 "$PY" -m mutmut run --max-children "$jobs" "${core_globs[@]}"
fi
if [ "${MUTATION_ACCOUNTS:-1}" = 1 ] && [ "${#accounts[@]}" -gt 0 ]; then
  mapfile -t account_globs < <(globs "${accounts[@]}")
  nice -n 10 "$PY" -m mutmut run --max-children "$jobs" "${account_globs[@]}"
fi

"$PY" -m mutmut results --all true > mutants/results.txt
"$PY" - mutants/results.txt scripts/mutation-equivalents.txt "${core[@]}" -- "${accounts[@]}" <<'PYEOF'
import fnmatch
import sys
from collections import defaultdict

results_path, equivalents_path, *specs = sys.argv[1:]
split = specs.index("--")
core, accounts = specs[:split], specs[split + 1 :]
status = {}
for line in open(results_path, encoding="utf-8"):
    name, sep, state = line.strip().rpartition(": ")
    if sep:
        status[name] = state
equivalent = set()
try:
    for line in open(equivalents_path, encoding="utf-8"):
        name = line.split("#", 1)[0].strip()
        if name:
            equivalent.add(name)
except FileNotFoundError:
    pass
# a mutant that kills the test process (mutmut says "segfault": e.g. a crash point named None
# fires SIGKILL) was detected by the tests like any other failure
KILLED = {"killed", "timeout", "segfault"}


def tally(entries):
    per = defaultdict(lambda: [0, 0, 0, []])  # killed, total, equivalents, survivors
    for entry in entries:
        label, pattern = entry.split("=", 1)
        for name, state in status.items():
            if not fnmatch.fnmatchcase(name, pattern) or state in ("skipped", "not checked"):
                continue
            if name in equivalent:
                per[label][2] += 1
                continue
            per[label][1] += 1
            if state in KILLED:
                per[label][0] += 1
            else:
                per[label][3].append(f"{name}: {state}")
    return per


def show(per):
    killed = total = 0
    for label, (k, t, eq, survivors) in per.items():
        score = 100 * k / t if t else 0.0
        print(f"{label:22} {k:5} / {t:5}  {score:5.1f} %   (equivalent, left out: {eq})")
        for survivor in sorted(survivors):
            print(f"    {survivor}")
        killed, total = killed + k, total + t
    return killed, total


print("== mutation score (killed / total)")
k, t = show(tally(core))
print(f"{'OVERALL':22} {k:5} / {t:5}  {100 * k / max(t, 1):5.1f} %")
unmeasured = [name for name, state in status.items() if state == "not checked" and any(fnmatch.fnmatchcase(name, e.split("=", 1)[1]) for e in core)]
if unmeasured:
    print(f"(not checked: {len(unmeasured)})")
print("== measured separately (being rewritten)")
show(tally(accounts))
PYEOF
