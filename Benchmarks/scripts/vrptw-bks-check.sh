#!/usr/bin/env bash
# Re-evaluates every best-known route set of ../shared/instances/vrptw with Hunch's own reader
# and validator: the 176 DIMACS .sol files (feasible under the one-decimal convention, distance =
# BKS.csv = Cost line, routes = BKS.csv) and the 120 SINTEF route files (feasible with exact
# distances, vehicles and distance as their names state). Prints one MISMATCH line per file that
# disagrees, then the counts; exits non-zero on any mismatch.
# Usage: vrptw-bks-check.sh [SCRATCH_PATH]   (default .build-vrptw)
set -uo pipefail
cd "$(dirname "$0")/../.."
scratch=${1:-.build-vrptw}
HUNCH_VRPTW_BKS=1 swift test --scratch-path "$scratch" \
  --filter 'VRPTWReaderTests.testShared(DimacsSolutionsReEvaluateToBKS|SintefSolutionsAreFeasibleHierarchically)' 2>&1 \
  | grep -E '^VRPTW-(BKS|SINTEF)|error:'
status=${PIPESTATUS[0]}
exit "$status"
