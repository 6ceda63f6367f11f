#!/usr/bin/env bash
# Adds to the MSI what Debian's wixl (msitools 0.101) cannot write from the .wxs:
#  - the Start-menu shortcut's System.AppUserModel.ID (MsiShortcutProperty table, Windows
#    Installer 5): Windows shows the app's toast notifications only for an app id that a
#    Start-menu shortcut carries;
#  - upgrades between builds of the same version (wixl's MajorUpgrade finds only older ones; a
#    rebuilt MSI of the same version would otherwise install a second time beside the first);
#  - the German language id in the summary (wixl writes 1033 there).
# Usage: msi-postprocess.sh <file.msi> <version>
set -euo pipefail
msi=$1; version=$2
appid=de.netzwerk-integration-bw.netzwerkmappe
# Must match UpgradeCode in netzwerkmappe.wxs.
upgrade_code='{AC60750E-97DC-4E35-A18D-208556633402}'
# PKEY_AppUserModel_ID (propkey.h): {9F4C2855-9F79-4B39-A8D0-E1D42DE1D5F3}, 5
aumid_key='{9F4C2855-9F79-4B39-A8D0-E1D42DE1D5F3}, 5'

msibuild "$msi" -q 'CREATE TABLE `MsiShortcutProperty` (`MsiShortcutProperty` CHAR(72) NOT NULL, `Shortcut_` CHAR(72) NOT NULL, `PropertyKey` CHAR(0) NOT NULL, `PropVariantValue` CHAR(0) NOT NULL PRIMARY KEY `MsiShortcutProperty`)'
msibuild "$msi" -q "INSERT INTO \`MsiShortcutProperty\` (\`MsiShortcutProperty\`, \`Shortcut_\`, \`PropertyKey\`, \`PropVariantValue\`) VALUES ('StartMenuAppUserModelId', 'StartMenuShortcut', '$aumid_key', '$appid')"
# Attributes 513 = msidbUpgradeAttributesMigrateFeatures | msidbUpgradeAttributesVersionMaxInclusive.
msibuild "$msi" -q "DELETE FROM \`Upgrade\` WHERE \`ActionProperty\` = 'WIX_UPGRADE_DETECTED'"
msibuild "$msi" -q "INSERT INTO \`Upgrade\` (\`UpgradeCode\`, \`VersionMax\`, \`Attributes\`, \`ActionProperty\`) VALUES ('$upgrade_code', '$version', 513, 'WIX_UPGRADE_DETECTED')"
msibuild "$msi" -s "Netzwerkmappe $version" "Netzwerk Integration Baden-Württemberg" "x64;1031"

# Check what was written.
shortcut_props=$(msiinfo export "$msi" MsiShortcutProperty)
upgrades=$(msiinfo export "$msi" Upgrade)
grep -q "$appid" <<<"$shortcut_props" || { echo "MSI: AppUserModelID fehlt" >&2; exit 1; }
grep -q '513' <<<"$upgrades" || { echo "MSI: Upgrade-Tabelle unverändert" >&2; exit 1; }
