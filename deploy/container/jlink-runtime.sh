#!/usr/bin/env bash
# Builds the minimal Java runtime Switchboard runs on: the modules jdeps finds in the jar, plus the ones
# loaded by name at run time, which jdeps cannot see. The container build (Dockerfile) and the test that
# runs the jar on this runtime (JlinkRuntimeIT) both call this script, so what is tested is what ships.
#
#   deploy/container/jlink-runtime.sh target/switchboard.jar target/jlink-runtime
#
# Uses jdeps, jlink and java from $JAVA_HOME/bin when JAVA_HOME is set, else from PATH.
set -euo pipefail

jar=${1:?usage: jlink-runtime.sh JAR OUTPUT_DIR}
out=${2:?usage: jlink-runtime.sh JAR OUTPUT_DIR}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}

# Modules that the code reaches only through service loaders or reflection:
#   jdk.crypto.ec    elliptic-curve TLS (ECDHE key exchange, ECDSA certificates); without it HTTPS to Webex
#                    fails in the handshake. On JDK 22+ it is part of java.base and no longer listed.
#   jdk.unsupported  sun.misc.Unsafe, which Caffeine, Kotlin and Jetty look up reflectively.
extra=(jdk.crypto.ec jdk.unsupported)

found=$("${bin}jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
available=$("${bin}java" --list-modules | sed 's/@.*//')
modules=$found
for module in "${extra[@]}"; do
  if grep -qx "$module" <<<"$available" && [[ ",$modules," != *",$module,"* ]]; then
    modules+=",$module"
  fi
done

rm -rf "$out"
# --generate-cds-archive: the JDK classes' own archive, which the image's archive of our classes is built on.
"${bin}jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --generate-cds-archive --output "$out"
echo "jlink runtime in $out with $modules"
