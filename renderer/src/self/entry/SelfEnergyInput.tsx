import { useId } from 'react';
import { qualityLabels } from '../../../../shared/domain/protector-reflection';
import { type SelfEnergy, type SelfEnergyQuality, selfEnergyQualities } from '../../../../shared/domain/self';

const ratings = [0, 1, 2, 3, 4, 5] as const;

/**
 * The 8 C's, each rated 0–5 or left out. Each C is a radio group named after it, so
 * "Curiosity, 4" reads and clicks the same for everyone; Clear takes a rating back.
 */
export function SelfEnergyInput({
  value,
  onChange,
  disabled = false,
}: {
  value: SelfEnergy | null;
  onChange: (next: SelfEnergy | null) => void;
  disabled?: boolean;
}) {
  const name = useId();
  const set = (quality: SelfEnergyQuality, rating: number | undefined) => {
    const next: SelfEnergy = { ...(value ?? {}) };
    if (rating === undefined) delete next[quality];
    else next[quality] = rating;
    onChange(Object.keys(next).length === 0 ? null : next);
  };
  return (
    <div className="self-energy-input">
      <p className="self-energy-scale" aria-hidden="true">
        <span>0 not at all</span>
        <span>5 fully here</span>
      </p>
      {selfEnergyQualities.map((quality) => {
        const label = qualityLabels[quality];
        const current = value?.[quality];
        return (
          <div key={quality} className="self-energy-row">
            <span className="self-energy-label" id={`${name}-${quality}`}>
              {label}
            </span>
            <div role="radiogroup" aria-labelledby={`${name}-${quality}`} className="rating">
              {ratings.map((rating) => (
                <label key={rating} className="rating-option">
                  <input
                    type="radio"
                    name={`${name}-${quality}`}
                    value={rating}
                    checked={current === rating}
                    disabled={disabled}
                    onChange={() => set(quality, rating)}
                  />
                  <span>{rating}</span>
                </label>
              ))}
            </div>
            <button
              type="button"
              className="rating-clear"
              aria-label={`Clear ${label}`}
              disabled={disabled || current === undefined}
              onClick={(event) => {
                // Clear is disabled once there is nothing to clear, which would drop focus out of
                // the form (or the Quick capture dialog): the ratings it cleared take it instead.
                event.currentTarget.closest('.self-energy-row')?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
                set(quality, undefined);
              }}
            >
              Clear
            </button>
          </div>
        );
      })}
    </div>
  );
}
