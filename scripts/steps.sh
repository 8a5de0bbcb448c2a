# Shared by main-job.sh and test.sh: what a step prints goes to the run's log file ($STEPS_LOG),
# the screen gets one line per step with its result and time, and a failed step shows the end of
# its output and the log's path. Sourced, not run.
steps_started=$SECONDS

elapsed() { # SINCE: seconds since SINCE, as 42s or 3m05s
  local s=$((SECONDS - $1))
  if [ "$s" -ge 60 ]; then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

# step TITLE COMMAND...: runs COMMAND with its output appended to $STEPS_LOG; returns its status.
step() {
  local title=$1 t0=$SECONDS rc=0 from
  shift
  printf '\n=== %s: %s\n' "$title" "$*" >> "$STEPS_LOG"
  from=$(wc -l < "$STEPS_LOG")
  "$@" >> "$STEPS_LOG" 2>&1 || rc=$?
  if [ "$rc" -eq 0 ]; then
    printf '%-44s ok (%s)\n' "$title" "$(elapsed "$t0")"
  else
    printf '%-44s FAILED, exit %d (%s); the end of its output:\n' "$title" "$rc" "$(elapsed "$t0")"
    tail -n +"$((from + 1))" "$STEPS_LOG" | tail -n 60 | sed 's/^/  | /'
    printf 'full log: %s\n' "$STEPS_LOG"
  fi
  return "$rc"
}

steps_total() { printf 'total: %s\n' "$(elapsed "$steps_started")"; }
