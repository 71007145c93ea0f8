#!/usr/bin/env bash
# Assembles the root filesystem our service images start from, without any registry: a jlink'd
# Java runtime, exactly the shared libraries it links against, and an unprivileged user (65532).
# Jib layers each service on top of it from "scratch" (see the images profile in pom.xml), so
# images build offline and carry no shell or package manager.
#   scripts/image-base.sh <output-dir>
set -euo pipefail
out=${1:?usage: image-base.sh <output-dir>}
mkdir -p "$out" && out=$(cd "$out" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/java-home.sh"

stamp="$out/.built-from"
want="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1) $(sha256sum "$0" | cut -c1-16)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0 # already assembled from this JDK and this script
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"

# Modules Spring Boot, Netty, Kafka, R2DBC/JDBC, MongoDB (SRV lookups) and Tink need, plus locale
# data for French and Arabic formatting.
"$JAVA_HOME/bin/jlink" --output "$out/opt/java" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.cryptoki,jdk.jfr,jdk.localedata,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

# Servers run headless: drop the GUI and sound natives, and with them X11 and ALSA.
rm -f "$out"/opt/java/lib/{libawt_xawt,libsplashscreen,libjsound,libfontmanager,libjawt,liblcms,libjavajpeg,libmlib_image}.so

# The C libraries the runtime links against, at the paths the loader expects.
copy_with_path() { mkdir -p "$out$(dirname "$1")"; cp -L "$1" "$out$1"; }
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/java' \) -print0 |
  xargs -0 ldd 2>/dev/null | awk '/=> \//{print $3} /^\t\/lib/{print $1}' | sort -u |
  while read -r lib; do [[ "$lib" == "$out"/* ]] || copy_with_path "$lib"; done
copy_with_path /lib64/ld-linux-x86-64.so.2
for extra in /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
  [[ -e "$extra" ]] && copy_with_path "$extra"
done

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo "hosts: files dns" > "$out/etc/nsswitch.conf"
mkdir -p "$out/home/nonroot"
echo "$want" > "$stamp"
