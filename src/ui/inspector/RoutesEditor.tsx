// A route table's routes: the implicit local routes, then each route's destination and a target
// picker limited to what AWS offers for the table's VPC. A target that forwards nothing is a blackhole.
import { useContext, useId, useState } from 'react';
import { setRoutes, type Document, type Route, type RouteTable } from '../../model/index.ts';
import { checkRouteDestination } from './field-checks.ts';
import { FieldInput } from './FieldInput.tsx';
import type { EditFn } from './form-types.ts';
import { RuleHighlightContext, scrollIntoViewRef } from './highlight.ts';
import { RemoveButton } from './RemoveButton.tsx';
import { blackholeReason, localRouteDestinations, prefixListIds, routeTargetOptions } from './inspector-model.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { SelectField, type SelectOption } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

export interface RoutesEditorProps {
  document: Document;
  table: RouteTable;
  onEdit: EditFn;
}

export function RoutesEditor({ document, table, onEdit }: RoutesEditorProps) {
  const highlight = useContext(RuleHighlightContext);
  const marked = (destination: string) =>
    highlight?.kind === 'route' && highlight.routeTableId === table.id && highlight.destination === destination;
  const listId = useId();
  const vpc = (document.topology.vpcs ?? []).find((v) => v.id === table.vpcId);
  const plIds = prefixListIds(document);
  const targets: SelectOption[] = routeTargetOptions(document, table.vpcId).map((o) => ({
    value: o.id,
    label: o.label,
    group: o.group,
  }));
  const write = (label: string, next: Route[]) => onEdit(`${label} (${table.id})`, (d) => setRoutes(d, table.id, next));
  const replace = (index: number, route: Route) => table.routes.map((r, j) => (j === index ? route : r));
  const staticDestinations = (except: number) =>
    table.routes.filter((r, j) => j !== except && r.propagated !== true).map((r) => r.destination);
  const explicitLocal = new Set(table.routes.filter((r) => r.target === 'local').map((r) => r.destination));
  return (
    <section className="insp-section" aria-label="Routes">
      <h4>Routes</h4>
      <datalist id={listId}>
        {['0.0.0.0/0', '::/0', ...plIds].map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <div className="insp-rules">
        {localRouteDestinations(vpc)
          .filter((d) => !explicitLocal.has(d))
          .map((d) => (
            <div key={`local-${d}`} className="insp-rule insp-implicit" data-testid="route-local">
              <span>{d}</span>
              <span>local</span>
              <span className="insp-muted">implicit</span>
            </div>
          ))}
        {table.routes.map((route, index) => {
          const prefix = `Route ${index + 1}`;
          const blackhole = blackholeReason(document, route.target);
          const options = targets.some((o) => o.value === route.target)
            ? targets
            : [
                ...targets,
                {
                  value: route.target,
                  label: `${route.target} (${blackhole ?? 'not offered for this VPC'})`,
                  group: 'Current',
                },
              ];
          return (
            <div
              key={index}
              className={`insp-rule${blackhole === undefined ? '' : ' insp-blackhole'}${marked(route.destination) ? ' is-highlighted' : ''}`}
              ref={marked(route.destination) ? scrollIntoViewRef : undefined}
              data-testid="route"
            >
              <TextField
                label={`${prefix} destination`}
                hideLabel
                value={route.destination}
                list={listId}
                check={(text) =>
                  checkRouteDestination(text, {
                    prefixListIds: plIds,
                    taken: route.propagated === true ? [] : staticDestinations(index),
                  })
                }
                onCommit={(destination) => write('Edit route', replace(index, { ...route, destination }))}
              />
              <SelectField
                label={`${prefix} target`}
                hideLabel
                value={route.target}
                options={options}
                onChange={(target) => write('Edit route', replace(index, { ...route, target }))}
              />
              {blackhole !== undefined && (
                <span className="insp-badge insp-error" data-testid="route-blackhole" title={blackhole}>
                  blackhole: {blackhole}
                </span>
              )}
              <CheckboxField
                label={`${prefix} propagated`}
                checked={route.propagated === true}
                onChange={(on) => {
                  const { propagated: _drop, ...rest } = route;
                  write('Edit route', replace(index, on ? { ...rest, propagated: true } : rest));
                }}
              />
              <RemoveButton
                what={prefix}
                onRemove={() =>
                  write(
                    'Remove route',
                    table.routes.filter((_, j) => j !== index),
                  )
                }
              />
            </div>
          );
        })}
      </div>
      <NewRoute
        listId={listId}
        targets={targets}
        check={(text) => checkRouteDestination(text, { prefixListIds: plIds, taken: staticDestinations(-1) })}
        onAdd={(route) => write('Add route', [...table.routes, route])}
      />
    </section>
  );
}

interface NewRouteProps {
  listId: string;
  targets: readonly SelectOption[];
  check: (text: string) => ReturnType<typeof checkRouteDestination>;
  onAdd: (route: Route) => void;
}

function NewRoute({ listId, targets, check, onAdd }: NewRouteProps) {
  const id = useId();
  const [destination, setDestination] = useState('');
  const fallback = targets.find((t) => t.value !== 'local')?.value ?? 'local';
  const [target, setTarget] = useState<string | undefined>(undefined);
  const chosen = target !== undefined && targets.some((t) => t.value === target) ? target : fallback;
  const result = destination.trim() === '' ? undefined : check(destination);
  const add = () => {
    if (result?.ok !== true) return;
    onAdd({ destination: result.value, target: chosen });
    setDestination('');
  };
  return (
    <div className="insp-rule insp-new">
      <FieldInput
        id={id}
        label="New route destination"
        text={destination}
        list={listId}
        placeholder="0.0.0.0/0"
        error={result !== undefined && !result.ok ? result.reason : undefined}
        onText={setDestination}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
        }}
      />
      <SelectField label="New route target" value={chosen} options={targets} onChange={setTarget} />
      <button type="button" className="insp-add" disabled={result?.ok !== true} onClick={add}>
        Add route
      </button>
    </div>
  );
}
