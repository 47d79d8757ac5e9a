// The reachability matrix view and its pure helpers (endpoint list, named ports, cell descriptions).
export { MatrixView, type MatrixViewProps } from './MatrixView.tsx';
export {
  describeCell,
  matrixEndpoints,
  MATRIX_PORTS,
  MATRIX_PROTOCOLS,
  protocolHasPorts,
  VERDICT_MARKS,
  VERDICT_WORDS,
  verdictClass,
  type MatrixEndpoint,
  type MatrixEndpointKind,
} from './model.ts';
