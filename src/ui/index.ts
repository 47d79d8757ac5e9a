// The UI layer's public surface: React components that render data handed to them, plus text helpers.
export { ChecksTable } from './ChecksTable.tsx';
export { ErrorBoundary } from './ErrorBoundary.tsx';
export { Notice, type NoticeProps } from './Notice.tsx';
export { VerdictBadge } from './VerdictBadge.tsx';
export * from './describe.ts';
export * from './shell/index.ts';
export * from './inspector/index.ts';
export * from './canvas/index.ts';
export * from './matrix/index.ts';
export * from './trace/index.ts';
export * from './exam/index.ts';
export { renderNetworkSvg, svgToPng, type SvgExportOptions } from './export/index.ts';
