#!/usr/bin/env bash
# Runs a service image tarball the way a container runtime would, without one: unpacks its
# layers into a root filesystem, then starts its entrypoint in fresh mount and PID namespaces,
# chrooted, as the image's user, with only the image's environment plus PORT; and waits for the
# liveness probe. Proves the image starts, not just that it was written. Needs root (CI has it).
#   scripts/image-smoke.sh <service>/target/jib-image.tar <port> [NAME=value ...]
set -euo pipefail
tar_file=$(realpath "${1:?usage: image-smoke.sh <image.tar> <port>}")
port=${2:?port}
shift 2
extra_env=$(printf "%q " "$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$work/root"
tar -xf "$tar_file" -C "$work/image"
read -r config layers < <(python3 - "$work/image/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))[0]
print(m["Config"], " ".join(m["Layers"]))
PY
)
for layer in $layers; do tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$work/root"; done
mapfile -t settings < <(python3 - "$work/image/$config" <<'PY'
import json, shlex, sys
c = json.load(open(sys.argv[1]))["config"]
print(c.get("User", "0:0"))
print(" ".join(shlex.quote(a) for a in c["Entrypoint"] + (c.get("Cmd") or [])))
print(" ".join(shlex.quote(e) for e in c.get("Env", [])))
PY
)
user=${settings[0]} entrypoint=${settings[1]} environment=${settings[2]}
[[ "$user" != "0:0" && "$user" != root* ]] || { echo "image runs as root ($user)" >&2; exit 1; }
mkdir -p "$work/root/proc"
log="$work/service.log"
unshare --mount --pid --fork --kill-child sh -c "mount -t proc proc '$work/root/proc' && exec env -i $environment PORT=$port $extra_env $(command -v chroot) --userspec=$user '$work/root' $entrypoint" >"$log" 2>&1 &
pid=$!
# The service is unshare's child; it changed its user, so it won't get unshare's death signal.
stop_service() { pkill -KILL -P "$pid" 2>/dev/null || true; kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/actuator/health/liveness" >/dev/null 2>&1; then
    echo "$(basename "$(dirname "$(dirname "$tar_file")")"): image starts as $user and answers its liveness probe"
    stop_service
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
echo "image did not become live; its output:" >&2
tail -40 "$log" >&2
stop_service
exit 1
