// Colours and type of the SVG export: the canvas's palette (canvas.css, after the AWS architecture
// diagrams) as literal values, since a standalone file cannot use the page's CSS variables.
import type { SubnetKind } from '../canvas/types.ts';

export const COLOR = {
  region: '#7d8998',
  regionBg: '#f4f6f8',
  vpc: '#3f8624',
  az: '#147eba',
  compute: '#ed7100',
  network: '#8c4fff',
  error: '#d13212',
  warning: '#f2a900',
  ink: '#16191f',
  muted: '#5f6b7a',
  edge: '#687078',
  leafBorder: '#c6ccd3',
  internetBg: '#f8fafc',
  white: '#ffffff',
  page: '#ffffff',
} as const;

/** A subnet's border and fill by what its routes make it. */
export const SUBNET_COLOR: Readonly<Record<SubnetKind, { stroke: string; fill: string }>> = {
  public: { stroke: '#7aa116', fill: '#f2f8ea' },
  'ipv6-egress': { stroke: '#01a88d', fill: '#e6f6f3' },
  private: { stroke: '#147eba', fill: '#e9f3fa' },
};

/**
 * Named fonts first (Helvetica and Liberation Sans have Arial's metrics, which text.ts assumes),
 * then the generic family: nothing is embedded or fetched.
 */
export const FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', sans-serif";
