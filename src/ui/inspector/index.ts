// The inspector: editing forms for every resource kind (docs/editor.md).
export { Inspector, type InspectorProps } from './Inspector.tsx';
