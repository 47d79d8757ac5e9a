#!/usr/bin/env bash
# Collects the network of an AWS account into a folder that `npx vpcsim import aws FOLDER` reads.
# Runs read-only calls only (describe-*, get-*, search-*, sts get-caller-identity); needs the AWS CLI v2
# and credentials allowed to make them (for example the ReadOnlyAccess or ViewOnlyAccess policy).
#
#   scripts/collect-aws.sh [--regions us-east-1,eu-west-1] [--out aws-export] [--profile NAME] [--dry-run]
#
# Writes <out>/accounts/<account id>/<region>/<call>.json, one file per call, plus one file per
# transit gateway route table and call (tgw-rtb-<id>.associations.json, .propagations.json,
# .static-routes.json) and per customer-managed prefix list (pl-<id>.entries.json).
# --dry-run prints the calls it would make (with placeholders for per-table calls) and runs nothing.
# AWS_CLI names the aws binary (default: aws on PATH).
set -euo pipefail

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
}

regions=""
out="aws-export"
profile=""
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --regions) regions="${2:?--regions needs a value}"; shift 2 ;;
    --regions=*) regions="${1#*=}"; shift ;;
    --out) out="${2:?--out needs a value}"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    --profile) profile="${2:?--profile needs a value}"; shift 2 ;;
    --profile=*) profile="${1#*=}"; shift ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "collect-aws: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

aws_bin="${AWS_CLI:-aws}"
if [ "$dry_run" = 0 ] && ! command -v "$aws_bin" >/dev/null 2>&1; then
  echo "collect-aws: the AWS CLI ('$aws_bin') is not installed or not on PATH" >&2
  exit 2
fi

# Every call of one region: file name and the aws arguments. All of them only read.
REGION_CALLS=(
  "describe-vpcs|ec2 describe-vpcs"
  "describe-subnets|ec2 describe-subnets"
  "describe-route-tables|ec2 describe-route-tables"
  "describe-network-acls|ec2 describe-network-acls"
  "describe-security-groups|ec2 describe-security-groups"
  "describe-instances|ec2 describe-instances"
  "describe-network-interfaces|ec2 describe-network-interfaces"
  "describe-internet-gateways|ec2 describe-internet-gateways"
  "describe-egress-only-internet-gateways|ec2 describe-egress-only-internet-gateways"
  "describe-nat-gateways|ec2 describe-nat-gateways"
  "describe-vpc-peering-connections|ec2 describe-vpc-peering-connections"
  "describe-transit-gateways|ec2 describe-transit-gateways"
  "describe-transit-gateway-attachments|ec2 describe-transit-gateway-attachments"
  "describe-transit-gateway-vpc-attachments|ec2 describe-transit-gateway-vpc-attachments"
  "describe-transit-gateway-peering-attachments|ec2 describe-transit-gateway-peering-attachments"
  "describe-transit-gateway-route-tables|ec2 describe-transit-gateway-route-tables"
  "describe-vpc-endpoints|ec2 describe-vpc-endpoints"
  "describe-prefix-lists|ec2 describe-prefix-lists"
  "describe-managed-prefix-lists|ec2 describe-managed-prefix-lists"
  "describe-addresses|ec2 describe-addresses"
)

# Runs one aws call; with --dry-run prints it instead. Output goes to stdout.
call() {
  local args=("$@")
  if [ -n "$profile" ]; then args+=(--profile "$profile"); fi
  if [ "$dry_run" = 1 ]; then
    echo "aws ${args[*]}"
    return 0
  fi
  "$aws_bin" "${args[@]}"
}

# Runs one call into a file (written whole or not at all).
save() {
  local file="$1"
  shift
  if [ "$dry_run" = 1 ]; then
    call "$@"
    return 0
  fi
  mkdir -p "$(dirname "$file")"
  call "$@" >"$file.part"
  mv "$file.part" "$file"
}

if [ "$dry_run" = 1 ]; then
  account="<account>"
else
  account="$(call sts get-caller-identity --query Account --output text)"
fi

if [ -z "$regions" ]; then
  if [ "$dry_run" = 1 ]; then
    regions="<region>"
  else
    regions="$(call configure get region || true)"
    if [ -z "$regions" ]; then
      echo "collect-aws: no region given (--regions) and none configured" >&2
      exit 2
    fi
  fi
fi

IFS=',' read -r -a region_list <<<"$regions"
for region in "${region_list[@]}"; do
  if ! [[ "$region" =~ ^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$ || "$region" == "<region>" ]]; then
    echo "collect-aws: '$region' is not a region name" >&2
    exit 2
  fi
  dir="$out/accounts/$account/$region"
  [ "$dry_run" = 1 ] || echo "collect-aws: $region -> $dir" >&2
  for entry in "${REGION_CALLS[@]}"; do
    name="${entry%%|*}"
    read -r -a args <<<"${entry#*|}"
    save "$dir/$name.json" "${args[@]}" --region "$region" --output json
  done

  # Per transit gateway route table: associations, propagations and static (incl. blackhole) routes.
  if [ "$dry_run" = 1 ]; then
    tables="<tgw-rtb-id>"
  else
    tables="$(call ec2 describe-transit-gateway-route-tables --region "$region" \
      --query 'TransitGatewayRouteTables[].TransitGatewayRouteTableId' --output text)"
  fi
  for table in $tables; do
    [ "$table" = "None" ] && continue
    save "$dir/$table.associations.json" ec2 get-transit-gateway-route-table-associations \
      --transit-gateway-route-table-id "$table" --region "$region" --output json
    save "$dir/$table.propagations.json" ec2 get-transit-gateway-route-table-propagations \
      --transit-gateway-route-table-id "$table" --region "$region" --output json
    save "$dir/$table.static-routes.json" ec2 search-transit-gateway-routes \
      --transit-gateway-route-table-id "$table" --filters Name=type,Values=static --region "$region" --output json
  done

  # Entries of the prefix lists this account manages (AWS-managed lists come with describe-prefix-lists).
  if [ "$dry_run" = 1 ]; then
    lists="<pl-id>"
  else
    lists="$(call ec2 describe-managed-prefix-lists --region "$region" \
      --query "PrefixLists[?OwnerId!='AWS'].PrefixListId" --output text)"
  fi
  for list in $lists; do
    [ "$list" = "None" ] && continue
    save "$dir/$list.entries.json" ec2 get-managed-prefix-list-entries --prefix-list-id "$list" \
      --region "$region" --output json
  done
done

[ "$dry_run" = 1 ] || echo "collect-aws: done; import with: npx vpcsim import aws $out -o network.json" >&2
