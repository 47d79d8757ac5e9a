/**
 * What a file's path says (the Region folder, `accounts/<12 digits>/`, `tgw-rtb-` / `pl-` ids) and
 * the Regions that zone names and ARNs in the data give.
 */

/** Region names: `us-east-1`, `eu-west-2`, `us-gov-west-1`, `ap-southeast-3`, `cn-north-1`, `us-isob-east-1`. */
const REGION = /^(?:[a-z]{2}|us-gov|us-iso[a-z]?)-(?:[a-z]+)-\d{1,2}$/;

/** Whether a text is a Region name. */
export function isRegionName(text: string): boolean {
  return REGION.test(text);
}

/** The facts a file's path gives. */
export interface PathFacts {
  readonly region: string | undefined;
  readonly account: string | undefined;
  /** Files with the same account and Region segments share a scope (what was collected together). */
  readonly scope: string;
}

/** Region and account from the path's folders (the last Region-named segment wins). */
export function pathFacts(path: string): PathFacts {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '');
  let region: string | undefined;
  let account: string | undefined;
  // The file name itself may hold a Region (us-east-1.json) as well as a folder.
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const bare = i === parts.length - 1 ? part.replace(/\.json$/i, '') : part;
    if (isRegionName(bare)) region = bare;
    if (part === 'accounts' && i + 1 < parts.length - 1 && /^\d{12}$/.test(parts[i + 1]!)) account = parts[i + 1];
  }
  return { region, account, scope: `${account ?? ''}/${region ?? ''}` };
}

/**
 * The `<prefix><hex>` id a path names, e.g. `tgw-rtb-0abc123` in `tgw-routes/tgw-rtb-0abc123.json` or
 * `tgw-rtb-0abc123/associations.json`; the file name wins over folders.
 */
export function idInPath(path: string, prefix: 'tgw-rtb-' | 'pl-'): string | undefined {
  const pattern = new RegExp(`(?:^|[^a-z0-9])(${prefix}[0-9a-f]+)(?![0-9a-z])`, 'g');
  let last: string | undefined;
  for (const m of path.matchAll(pattern)) last = m[1];
  return last;
}

/** The Region of an Availability Zone name: `us-east-1a`, `us-east-1-bos-1a` (Local Zone), `us-west-2-wl1-las-wlz-1`. */
export function regionOfZone(zone: string): string | undefined {
  const m = /^((?:[a-z]{2}|us-gov|us-iso[a-z]?)-[a-z]+-\d{1,2})(?:[a-z]$|-)/.exec(zone);
  return m?.[1];
}

/** The Region field of an ARN, `arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0abc`. */
export function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region !== undefined && isRegionName(region) ? region : undefined;
}
