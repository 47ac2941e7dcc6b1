#!/bin/sh
# One image, three roles: the first argument picks bot, worker or all (the default).
# exec hands PID 1 to node so SIGTERM reaches the bot/worker and it can drain jobs before exit.
set -eu

role="${1:-all}"
if [ "$#" -gt 1 ]; then
  echo "eas-deploy: expected one role (bot, worker or all), got $# arguments" >&2
  exit 64
fi
case "$role" in
  bot | worker | all) ;;
  *)
    echo "eas-deploy: unknown role '$role' (use bot, worker or all)" >&2
    exit 64
    ;;
esac

cd "$(dirname "$0")/.."
exec node dist/src/main.js "$role"
