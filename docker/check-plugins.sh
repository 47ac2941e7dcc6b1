#!/bin/sh
# Proves each aliyun CLI plugin runs as the current user: `aliyun <product> --help` must be
# answered by the plugin binary itself (the host then says "provided by the installed plugin").
# A plugin that `plugin list` names but whose binary cannot be found or run fails here.
# Usage: check-plugins.sh eas=aliyun-cli-eas aiworkspace=aliyun-cli-aiworkspace
set -u
status=0
user="$(id -un 2>/dev/null || id -u)"
for pair in "$@"; do
  product="${pair%%=*}"
  plugin="${pair#*=}"
  out="$(NO_COLOR=1 aliyun "$product" --help 2>&1)"
  code=$?
  if [ "$code" -eq 0 ] && printf '%s\n' "$out" | grep -qF "provided by the installed plugin '$plugin'"; then
    echo "ok: $plugin runs as $user"
  else
    echo "eas-deploy: the aliyun CLI plugin $plugin does not run as $user (exit $code): $(printf '%s\n' "$out" | tail -n 1)" >&2
    echo "eas-deploy: install it as $user: aliyun plugin install --names $plugin" >&2
    status=1
  fi
done
exit "$status"
