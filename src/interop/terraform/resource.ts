// One Terraform resource instance, the unit the mapper works on, whatever JSON it was read from.

/** One resource instance as `terraform show -json` lists it. */
export interface TerraformResource {
  /** e.g. `module.net.aws_subnet.private["a"]` */
  address: string;
  mode?: 'managed' | 'data';
  /** e.g. `aws_subnet` */
  type: string;
  name: string;
  index?: string | number;
  values: Record<string, unknown>;
}
