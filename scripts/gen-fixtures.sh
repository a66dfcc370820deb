#!/usr/bin/env bash
# Regenerates fixtures/<scenario>/plan.json from the scenario's .tf files with the
# real Terraform CLI, offline: the AWS provider comes from the machine's local
# plugin mirror (scripts/terraformrc), credentials are dummies, and
# `-refresh=false` plans resources for creation without calling AWS.
#
# A scenario with a module-repos/ directory calls modules from outside the repository: each of its
# subdirectories becomes a git repository at /tmp/vpcelint-module-repos/<name>, tagged v1.0.0, for the
# scenario's `git::file://` sources, and what `terraform init` installs (.terraform/modules, without .git)
# is committed beside the plan, as a CI job that scans after init has it.
#
# Usage: scripts/gen-fixtures.sh [scenario | dir/with/slash ...]   (default: every fixtures/ scenario with .tf files)
# Tests and CI read the committed plan.json files and never run Terraform.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export TF_CLI_CONFIG_FILE="$root/scripts/terraformrc"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN

scenarios=("$@")
if [ ${#scenarios[@]} -eq 0 ]; then
  while IFS= read -r dir; do scenarios+=("$(basename "$dir")"); done < <(find "$root/fixtures" -mindepth 2 -maxdepth 2 -name '*.tf' -printf '%h\n' | sort -u)
fi

for name in "${scenarios[@]}"; do
  case "$name" in
    */*) dir="$root/$name" ;; # a directory outside fixtures/, e.g. bench/template
    *) dir="$root/fixtures/$name" ;;
  esac
  [ -d "$dir" ] || { echo "no such scenario: $name" >&2; exit 2; }
  work="$(mktemp -d)"
  cp -r "$dir"/. "$work"/
  rm -rf "$work/plan.json" "$work/expected.json" "$work/.terraform"
  if [ -d "$dir/module-repos" ]; then
    for repo in "$dir"/module-repos/*/; do
      target="/tmp/vpcelint-module-repos/$(basename "$repo")"
      rm -rf "$target" && mkdir -p "$target" && cp -r "$repo". "$target"/
      git -C "$target" init -q && git -C "$target" add -A
      git -C "$target" -c user.name=fixtures -c user.email=fixtures@example.com commit -q -m module && git -C "$target" tag v1.0.0
    done
  fi
  (
    cd "$work"
    terraform init -backend=false -input=false -no-color >/dev/null
    # plan.args: extra arguments, one per line (-target=...). plan.fails: Terraform must report an error and
    # still save the plan (an errored plan, which `terraform show -json` marks "errored": true).
    args=()
    if [ -f plan.args ]; then while IFS= read -r a; do [ -n "$a" ] && args+=("$a"); done < plan.args; fi
    if [ -f plan.fails ]; then
      if terraform plan -refresh=false -input=false -lock=false -no-color ${args[@]+"${args[@]}"} -out tf.plan >/dev/null 2>&1; then
        echo "$name: plan.fails is there, but terraform plan succeeded" >&2; exit 1
      fi
      [ -f tf.plan ] || { echo "$name: terraform plan failed without saving a plan" >&2; exit 1; }
    else
      terraform plan -refresh=false -input=false -lock=false -no-color ${args[@]+"${args[@]}"} -out tf.plan >/dev/null
    fi
    terraform show -json tf.plan | node -e '
      // Pretty-print so diffs of the committed fixture are readable; drop the run timestamp so regeneration is stable.
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const plan = JSON.parse(s); delete plan.timestamp;
        process.stdout.write(JSON.stringify(plan, null, 1) + "\n");
      });' > "$dir/plan.json"
    if [ -d "$dir/module-repos" ]; then
      rm -rf "$dir/.terraform" && mkdir -p "$dir/.terraform"
      cp -r .terraform/modules "$dir/.terraform/modules"
      find "$dir/.terraform/modules" -name .git -prune -exec rm -rf {} +
    fi
  )
  rm -rf "$work"
  echo "${dir#$root/}/plan.json"
done
