import { blankSearch, readSearchValues, type SearchValues, toSearchFilters } from '@estate/api/schemas';
import { type FormEvent, type InputHTMLAttributes, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { type ControlProps, Field } from '../../components/ui/Field';
import { Options } from '../../components/ui/Options';
import type { FieldErrors } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { propertyLabel } from '../../lib/format';
import { paths } from '../../lib/paths';
import { CityCombobox } from './CityCombobox';
import styles from './SearchForm.module.css';

interface SearchFormProps {
  /** Starting values; the form is uncontrolled, so give it a new `key` when these change. */
  initial?: SearchValues;
  /** The server's messages for the values now in the URL. */
  fieldErrors?: FieldErrors;
  /** The home page's few fields, or the search page's bar with every filter. */
  variant?: 'hero' | 'bar';
}

/** Submitting navigates to the results page: the query string is the search's only state. */
export function SearchForm({ initial = blankSearch, fieldErrors = {}, variant = 'bar' }: SearchFormProps) {
  const navigate = useNavigate();
  const bar = variant === 'bar';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readSearchValues(new FormData(event.currentTarget));
    // Another city is somewhere else: the map area searched in the last one would hide it.
    if (values.city.toLowerCase() !== initial.city.toLowerCase()) values.bounds = '';
    navigate(paths.search(toSearchFilters(values)));
  }

  return (
    // <search> is the search landmark (role="search"). Validation is the server's, so its
    // messages appear beside the fields, the same way for every rule.
    <search aria-label="Search listings">
      <form className={cx(styles.form, bar ? styles.bar : styles.hero)} noValidate onSubmit={handleSubmit}>
        <Field compact label="City" errors={fieldErrors.city} className={styles.wide}>
          {(control) => <CityCombobox control={control} name="city" defaultValue={initial.city} placeholder="Any city" />}
        </Field>
        {bar && (
          <Field compact label="Keywords" errors={fieldErrors.q} className={styles.wide}>
            {(control) => <input {...control} name="q" defaultValue={initial.q} type="search" placeholder="Garden, garage…" />}
          </Field>
        )}
        <Field compact label="Type" errors={fieldErrors.type} className={cx(!bar && styles.type)}>
          {(control) => (
            <select {...control} name="type" defaultValue={initial.type}>
              <option value="">Any</option>
              <option value="buy">Buy</option>
              <option value="rent">Rent</option>
            </select>
          )}
        </Field>
        <Field compact label="Min price" errors={fieldErrors.minPrice}>
          {(control) => <PriceInput {...control} name="minPrice" defaultValue={initial.minPrice} placeholder="No min" />}
        </Field>
        <Field compact label="Max price" errors={fieldErrors.maxPrice}>
          {(control) => <PriceInput {...control} name="maxPrice" defaultValue={initial.maxPrice} placeholder="No max" />}
        </Field>
        {bar && <MoreFilters initial={initial} fieldErrors={fieldErrors} />}
        {/* Kept by a new search: the order, and the map area (unless the city changes). */}
        <input type="hidden" name="sort" value={initial.sort} />
        <input type="hidden" name="bounds" value={initial.bounds} />
        <button type="submit" className={cx(buttonClass({ variant: 'primary' }), styles.submit)}>
          Search
        </button>
      </form>
    </search>
  );
}

/** Property type, bedrooms and bathrooms: in the row on a wide screen, behind a button on a phone. */
function MoreFilters({ initial, fieldErrors }: { initial: SearchValues; fieldErrors: FieldErrors }) {
  const panelId = useId();
  const fields = ['property', 'minBedrooms', 'minBathrooms'] as const;
  // Open while the server has something to say about them, until the user says otherwise.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? fields.some((field) => fieldErrors[field]);
  const set = fields.filter((field) => initial[field]).length;
  return (
    <>
      <button
        type="button"
        className={cx(buttonClass(), styles.moreToggle)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setToggled(!open)}
      >
        More filters{set > 0 && ` (${set})`}
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path d="m5 7.5 5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <div id={panelId} className={cx(styles.more, open && styles.open)}>
        <Field compact label="Property" errors={fieldErrors.property}>
          {(control) => (
            <select {...control} name="property" defaultValue={initial.property}>
              <option value="">Any</option>
              <Options labels={propertyLabel} />
            </select>
          )}
        </Field>
        <Field compact label="Bedrooms" errors={fieldErrors.minBedrooms}>
          {(control) => <RoomsSelect control={control} name="minBedrooms" value={initial.minBedrooms} />}
        </Field>
        <Field compact label="Bathrooms" errors={fieldErrors.minBathrooms}>
          {(control) => <RoomsSelect control={control} name="minBathrooms" value={initial.minBathrooms} />}
        </Field>
      </div>
    </>
  );
}

const roomCounts = ['1', '2', '3', '4', '5'];

/** "At least": Any, 1+ … 5+, and whatever other value the address has (0 is a real one). */
function RoomsSelect({ control, name, value }: { control: ControlProps; name: string; value: string }) {
  const counts = value && !roomCounts.includes(value) ? [value, ...roomCounts] : roomCounts;
  return (
    <select {...control} name={name} defaultValue={value}>
      <option value="">Any</option>
      {counts.map((count) => (
        <option key={count} value={count}>
          {count}+
        </option>
      ))}
    </select>
  );
}

function PriceInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={styles.price} type="number" inputMode="numeric" min={0} step={1} />;
}
