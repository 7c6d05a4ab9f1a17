/**
 * The one number field of every controls column (the lab's, AxTrain's, NAS's): a labelled input with a local draft
 * that commits on Enter, on blur or on a spinner step (typed text waits; Escape restores the stored value). The
 * owner's `commit` validates and stores the text (clamped as a link is) and returns the value now stored, which the
 * field then shows; text that is empty or not a number never reaches it.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';

export interface CommitNumberFieldProps {
  /** The stored value, as text. */
  value: string;
  /** Stores `text` (a finite number); returns the stored value as text. */
  commit: (text: string) => string;
  label: string;
  testId: string;
  hint?: string;
  step?: string;
  min?: number;
  max?: number;
  /** Whole numbers only (numeric keyboard); default: decimal. */
  integer?: boolean;
}

export function CommitNumberField({ value, commit, label, testId, hint, step, min, max, integer = false }: CommitNumberFieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const apply = (text: string) => {
    if (text.trim() === '' || !Number.isFinite(Number(text))) {
      setDraft(value);
      return;
    }
    if (text.trim() === value) return;
    setDraft(commit(text.trim()));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') apply(event.currentTarget.value);
    if (event.key === 'Escape') setDraft(value);
  };
  return (
    <label className="field" title={hint}>
      <span className="field-label">{label}</span>
      <input
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        data-testid={testId}
        value={draft}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        onChange={(event) => {
          setDraft(event.target.value);
          // Spinner arrows and wheel produce complete values; typed text waits for Enter or blur.
          if ((event.nativeEvent as InputEvent).inputType === undefined) apply(event.target.value);
        }}
        onBlur={(event) => apply(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}
