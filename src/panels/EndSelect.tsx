import type { ReactNode } from 'react';
import { cardinalityOf, describeEnd, endKinds, type EndKind } from '../model/index.ts';

/** The four crow's-foot end kinds as a labelled select: the relationship inspector and the connect form share it. */
export function EndSelect({
  label,
  value,
  onChange,
  name,
}: {
  label: ReactNode;
  value: EndKind;
  onChange(kind: EndKind): void;
  name: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value as EndKind)}>
        {endKinds.map((k) => (
          <option key={k} value={k}>
            {describeEnd(cardinalityOf(k))}
          </option>
        ))}
      </select>
    </label>
  );
}
