import type { Item } from '@pulse/shared';

/** What a scale needs of its statement: questionnaire items, the values item and partner items alike. */
export type ScaleItem = Pick<Item, 'id' | 'text' | 'scale'>;

/**
 * One statement on its agreement scale: native radio buttons sharing a name, so the group is
 * one tab stop, the arrow keys move the choice and the browser keeps focus visible.
 */
export function RatingScale({
  item,
  value,
  error,
  onChange,
}: {
  item: ScaleItem;
  value: number | undefined;
  error: string | undefined;
  onChange: (value: number) => void;
}) {
  const { min, max, labels } = item.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const errorId = `q-${item.id}-error`;
  return (
    <fieldset id={`q-${item.id}`} className={error ? 'scale scale-invalid' : 'scale'} aria-describedby={error ? errorId : undefined}>
      <legend>{item.text}</legend>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="scale-options">
        {values.map((v, i) => (
          <label key={v} className="scale-option">
            <input type="radio" name={item.id} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span className="scale-number" aria-hidden="true">
              {v}
            </span>
            <span className="scale-label">{labels[i] ?? v}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
