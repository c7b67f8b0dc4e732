#!/usr/bin/env bash
# Registers the custom search attributes Coachflow's workflows upsert, so that
# starting a workflow never fails with "no mapping defined for search attribute".
# Runs in the temporalio/admin-tools image as a one-shot compose service and is
# safe to re-run: existing attributes of the right type are left alone.
set -euo pipefail

: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${TEMPORAL_NAMESPACE:=default}"
# The server needs a while on first boot (auto-setup creates both schemas first).
: "${WAIT_SECONDS:=300}"
export TEMPORAL_ADDRESS

NS=$TEMPORAL_NAMESPACE
# One `create` per name: the CLI pairs repeated --name/--type flags by position.
ATTRIBUTES=(RepId ManagerId CoachingPhase CycleStatus)

log() { echo "[register-search-attributes] $*"; }
die() { log "ERROR: $*" >&2; exit 1; }

deadline=$((SECONDS + WAIT_SECONDS))
wait_until() { # wait_until <description> <command...>
  local what=$1
  shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "timed out after ${WAIT_SECONDS}s waiting for ${what}"
    sleep 2
  done
}

cluster_serving() {
  local out
  out=$(temporal operator cluster health 2>&1) && [[ $out == *SERVING* ]]
}

namespace_exists() {
  temporal operator namespace describe --namespace "$NS"
}

# Prints the registered type of a custom attribute, or nothing when absent.
# The CLI prints enum values either as "Keyword" or "INDEXED_VALUE_TYPE_KEYWORD".
attribute_type() {
  temporal operator search-attribute list --namespace "$NS" --output json |
    jq -r --arg name "$1" '.customAttributes[$name] // empty'
}

is_keyword() {
  local t=${1,,}
  [[ $t == keyword || $t == indexed_value_type_keyword ]]
}

attribute_registered() {
  [[ -n $(attribute_type "$1") ]]
}

listing_works() {
  temporal operator search-attribute list --namespace "$NS"
}

log "waiting for ${TEMPORAL_ADDRESS} to report SERVING"
wait_until "cluster health" cluster_serving

# auto-setup registers the namespace in the background once the server is up;
# create it only if that has not happened after a grace period.
log "waiting for namespace ${NS}"
grace=$((SECONDS + 30))
until namespace_exists >/dev/null 2>&1; do
  ((SECONDS < deadline)) || die "namespace ${NS} never appeared"
  if ((SECONDS >= grace)); then
    log "namespace ${NS} still missing; creating it"
    temporal operator namespace create --namespace "$NS" || true
    grace=$deadline
  fi
  sleep 2
done

# A fresh namespace can take a few seconds to reach the frontend's cache.
wait_until "search attribute listing on ${NS}" listing_works

for name in "${ATTRIBUTES[@]}"; do
  current=$(attribute_type "$name")
  if [[ -z $current ]]; then
    log "creating ${name} (Keyword) on ${NS}"
    if ! out=$(temporal operator search-attribute create --namespace "$NS" \
      --name "$name" --type Keyword 2>&1); then
      # A concurrent run may have registered it first; the type check below
      # still rejects a clash with a different type.
      [[ $out == *"already exists"* ]] || die "creating ${name} failed: ${out}"
      log "${name} already exists"
    fi
    wait_until "${name} to become visible" attribute_registered "$name"
    current=$(attribute_type "$name")
  fi
  is_keyword "$current" || die "${name} is registered as ${current}, expected Keyword"
  log "${name}: Keyword"
done

log "done"
