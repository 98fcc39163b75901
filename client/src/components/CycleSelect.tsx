import { Field } from './forms.js';

/** A labelled choice of one closed cycle, by its label. */
export function CycleSelect({
  label,
  cycles,
  value,
  onChange,
}: {
  label: string;
  cycles: readonly { id: string; label: string }[];
  value: string;
  onChange(cycleId: string): void;
}) {
  return (
    <Field label={label}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
