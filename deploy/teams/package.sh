#!/usr/bin/env bash
# Builds the Teams app package (manifest + icons) to upload in Teams or the Teams admin center:
#   TANDEM_TEAMS_APP_ID=<your bot's Microsoft app id> deploy/teams/package.sh
# Optional: TANDEM_TEAMS_DEVELOPER (default "Tandem"), TANDEM_TEAMS_WEBSITE (default the project's site).
# Writes deploy/teams/target/tandem-teams.zip. Needs only a JDK (the zip is made with `jar`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${TANDEM_TEAMS_APP_ID:?set TANDEM_TEAMS_APP_ID to the Microsoft app id of the bot (a GUID)}"
guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
if ! [[ "$TANDEM_TEAMS_APP_ID" =~ $guid ]]; then
  echo "TANDEM_TEAMS_APP_ID must be a GUID, not: $TANDEM_TEAMS_APP_ID" >&2
  exit 1
fi
export TANDEM_TEAMS_APP_ID
export TANDEM_TEAMS_DEVELOPER="${TANDEM_TEAMS_DEVELOPER:-Tandem}"
export TANDEM_TEAMS_WEBSITE="${TANDEM_TEAMS_WEBSITE:-https://example.org/tandem}"
work="$here/target/package"
rm -rf "$work" && mkdir -p "$work"
sed -e "s|\${TANDEM_TEAMS_APP_ID}|$TANDEM_TEAMS_APP_ID|g" \
    -e "s|\${TANDEM_TEAMS_DEVELOPER}|$TANDEM_TEAMS_DEVELOPER|g" \
    -e "s|\${TANDEM_TEAMS_WEBSITE}|$TANDEM_TEAMS_WEBSITE|g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$here/target/tandem-teams.zip"
(cd "$work" && jar --create --no-manifest --file "$here/target/tandem-teams.zip" manifest.json color.png outline.png)
echo "$here/target/tandem-teams.zip"
