import type { Item } from '@pulse/shared';

/** What a scale needs of its statement: questionnaire items, the values item and partner items alike. */
export type ScaleItem = Pick<Item, 'id' | 'text' | 'scale'>;

/**
 * One statement on its scale (agreement 1–5, or 0–10 in one wider row): native radio buttons sharing a name, so the group is
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
    <fieldset
      id={`q-${item.id}`}
      className={['scale', values.length > 5 ? 'scale-wide' : '', error ? 'scale-invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{item.text}</legend>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="scale-options">
        {values.map((v, i) => {
          // A point labelled with its own number (the middle of 0–10) shows it once.
          const plain = (labels[i] ?? String(v)) === String(v);
          return (
            <label key={v} className="scale-option">
              <input type="radio" name={item.id} value={v} checked={value === v} onChange={() => onChange(v)} />
              {!plain && (
                <span className="scale-number" aria-hidden="true">
                  {v}
                </span>
              )}
              <span className={plain ? 'scale-number' : 'scale-label'}>{labels[i] ?? v}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
