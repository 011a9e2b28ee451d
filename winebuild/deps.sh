#!/bin/sh
# Installs the Debian 12 packages d3d11vk needs to build, test and run, if any is missing.
# Needs root (or sudo) only when something has to be installed.
set -e
pkgs="meson ninja-build gcc mingw-w64 libwine-dev wine wine64 libvulkan-dev libvulkan-volk-dev
spirv-headers spirv-tools glslang-tools vulkan-validationlayers mesa-vulkan-drivers xvfb
python3 clang libclang-rt-14-dev vkd3d-compiler x11-apps imagemagick"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "d3d11vk: installing:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
